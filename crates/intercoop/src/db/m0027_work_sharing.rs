//! Migration 27: work sharing (issue 19, item 4).
//! - `work_opportunities`: work a member organisation brings to the network (a tender, a
//!   client's request): title, scope in Markdown, budget in cents, the days of work, its
//!   first and last day (days in the network's time zone), skills (comma-separated), the
//!   member who brought it and its fee in basis points (0: none), and its status
//!   (`open`, `teamed`, `closed`);
//! - `work_interests`: a member's interest in an opportunity, with its capacity (days
//!   available from one day to another), its day rate in cents and its skills; one per
//!   organisation and opportunity;
//! - `work_splits`: each split of an opportunity among a team, numbered from 1: the one
//!   in force, those proposed (waiting for every member's consent), replaced or
//!   declined; with its basis (`capacity`, `shares`) and the finder's fee in cents;
//! - `work_split_lines`: a team member's weight, days and money in a split;
//! - `work_consents`: a team member's answer to a proposed split, who gave it and when.
//!
//! Nothing is carried over: there were no opportunities before.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, fk, id, index, int, int_null, table, text, ts, ts_null};
use sea_orm::sea_query::ColumnDef;
use sea_orm::sea_query::ForeignKeyAction::{Cascade, SetNull};

fn day(name: &str) -> ColumnDef {
    ColumnDef::new(sea_orm::sea_query::Alias::new(name))
        .date()
        .not_null()
        .take()
}

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "work_opportunities",
            vec![
                id(),
                int("network_id"),
                int("organisation_id"),
                text("title"),
                text("scope"),
                int("budget_cents"),
                int("days"),
                day("starts_on"),
                day("ends_on"),
                text("skills"),
                int_null("finder_organisation_id"),
                int("finder_fee_basis_points"),
                text("status"),
                int_null("created_by"),
                ts("created_at"),
                ts("updated_at"),
            ],
            vec![
                fk("work_opportunities", "network_id", "networks", Cascade),
                fk("work_opportunities", "organisation_id", "organisations", Cascade),
                fk("work_opportunities", "finder_organisation_id", "organisations", SetNull),
                fk("work_opportunities", "created_by", "people", SetNull),
            ],
        ),
        index("work_opportunities", &["network_id", "status", "starts_on"], false),
        table(
            "work_interests",
            vec![
                id(),
                int("network_id"),
                int("opportunity_id"),
                int("organisation_id"),
                int("capacity_days"),
                day("available_from"),
                day("available_to"),
                int("day_rate_cents"),
                text("skills"),
                int_null("declared_by"),
                ts("created_at"),
                ts("updated_at"),
            ],
            vec![
                fk("work_interests", "network_id", "networks", Cascade),
                fk("work_interests", "opportunity_id", "work_opportunities", Cascade),
                fk("work_interests", "organisation_id", "organisations", Cascade),
                fk("work_interests", "declared_by", "people", SetNull),
            ],
        ),
        index("work_interests", &["opportunity_id", "organisation_id"], true),
        index("work_interests", &["network_id", "organisation_id"], false),
        table(
            "work_splits",
            vec![
                id(),
                int("network_id"),
                int("opportunity_id"),
                int("number"),
                text("status"),
                text("basis"),
                int("fee_cents"),
                int_null("proposed_by"),
                ts("created_at"),
                ts_null("decided_at"),
            ],
            vec![
                fk("work_splits", "network_id", "networks", Cascade),
                fk("work_splits", "opportunity_id", "work_opportunities", Cascade),
                fk("work_splits", "proposed_by", "people", SetNull),
            ],
        ),
        index("work_splits", &["opportunity_id", "number"], true),
        index("work_splits", &["network_id", "status"], false),
        table(
            "work_split_lines",
            vec![
                id(),
                int("network_id"),
                int("split_id"),
                int("organisation_id"),
                int("weight"),
                int("days"),
                int("amount_cents"),
            ],
            vec![
                fk("work_split_lines", "network_id", "networks", Cascade),
                fk("work_split_lines", "split_id", "work_splits", Cascade),
                fk("work_split_lines", "organisation_id", "organisations", Cascade),
            ],
        ),
        index("work_split_lines", &["split_id", "organisation_id"], true),
        index("work_split_lines", &["network_id", "organisation_id"], false),
        table(
            "work_consents",
            vec![
                id(),
                int("network_id"),
                int("split_id"),
                int("organisation_id"),
                int_null("person_id"),
                text("answer"),
                ts("created_at"),
            ],
            vec![
                fk("work_consents", "network_id", "networks", Cascade),
                fk("work_consents", "split_id", "work_splits", Cascade),
                fk("work_consents", "organisation_id", "organisations", Cascade),
                fk("work_consents", "person_id", "people", SetNull),
            ],
        ),
        index("work_consents", &["split_id", "organisation_id"], true),
    ]
}
