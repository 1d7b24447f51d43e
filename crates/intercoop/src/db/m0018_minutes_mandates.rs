//! Migration 18: minutes and decisions of meetings; the core circle's mandates.
//! - `meetings.minutes_approved_by`, `meetings.minutes_published_at`: who approved a
//!   meeting's minutes, and when they were published to the members (the minutes
//!   themselves, `meetings.minutes` and `minutes_status`, came with migration 16);
//! - `meeting_decisions`: the decisions a meeting took, in order, each with its text and
//!   what made it (a poll, a proposal's transition in `proposal_events`), if anything;
//! - `core_mandates`: the core circle's mandates, past, present and future: an
//!   organisation on a seat (`facilitator` or `elected`) from its first day to its last
//!   (days in the network's time zone), the poll that elected it if one did, and when
//!   the warning of its end was sent;
//! - `core_elections`, `core_candidates`: an election's call (seats, the mandates'
//!   days), its candidate organisations (each with its option in the poll), its poll
//!   and outcome.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, fk, id, index, int, int_null, table, text, ts, ts_null};
use sea_orm::sea_query::ForeignKeyAction::{Cascade, SetNull};
use sea_orm::sea_query::{Alias, ColumnDef, Table};

fn add_column(c: ColumnDef) -> Step {
    Step::Alter(Box::new(
        Table::alter().table(Alias::new("meetings")).add_column(c).take(),
    ))
}

pub(crate) fn up() -> Vec<Step> {
    vec![
        add_column(
            ColumnDef::new(Alias::new("minutes_approved_by"))
                .big_integer()
                .null()
                .take(),
        ),
        add_column(
            ColumnDef::new(Alias::new("minutes_published_at"))
                .timestamp_with_time_zone()
                .null()
                .take(),
        ),
        table(
            "meeting_decisions",
            vec![
                id(),
                int("network_id"),
                int("meeting_id"),
                int("position"),
                text("body"),
                int_null("poll_id"),
                int_null("proposal_event_id"),
                int_null("created_by"),
                ts("created_at"),
            ],
            vec![
                fk("meeting_decisions", "network_id", "networks", Cascade),
                fk("meeting_decisions", "meeting_id", "meetings", Cascade),
                fk("meeting_decisions", "poll_id", "polls", SetNull),
                fk("meeting_decisions", "proposal_event_id", "proposal_events", SetNull),
                fk("meeting_decisions", "created_by", "people", SetNull),
            ],
        ),
        index("meeting_decisions", &["meeting_id", "position"], false),
        index("meeting_decisions", &["network_id"], false),
        table(
            "core_mandates",
            vec![
                id(),
                int("network_id"),
                int("organisation_id"),
                text("seat"),
                ColumnDef::new(Alias::new("starts_on")).date().not_null().take(),
                ColumnDef::new(Alias::new("ends_on")).date().not_null().take(),
                int_null("poll_id"),
                ts_null("warned_at"),
                int_null("created_by"),
                ts("created_at"),
            ],
            vec![
                fk("core_mandates", "network_id", "networks", Cascade),
                fk("core_mandates", "organisation_id", "organisations", Cascade),
                fk("core_mandates", "poll_id", "polls", SetNull),
                fk("core_mandates", "created_by", "people", SetNull),
            ],
        ),
        index("core_mandates", &["network_id", "ends_on"], false),
        table(
            "core_elections",
            vec![
                id(),
                int("network_id"),
                int("seats"),
                ColumnDef::new(Alias::new("starts_on")).date().not_null().take(),
                ColumnDef::new(Alias::new("ends_on")).date().not_null().take(),
                text("status"),
                int_null("poll_id"),
                text("outcome"),
                int_null("created_by"),
                ts("created_at"),
            ],
            vec![
                fk("core_elections", "network_id", "networks", Cascade),
                fk("core_elections", "poll_id", "polls", SetNull),
                fk("core_elections", "created_by", "people", SetNull),
            ],
        ),
        index("core_elections", &["network_id"], false),
        index("core_elections", &["poll_id"], false),
        table(
            "core_candidates",
            vec![
                id(),
                int("election_id"),
                int("organisation_id"),
                int_null("option_id"),
                ts("created_at"),
            ],
            vec![
                fk("core_candidates", "election_id", "core_elections", Cascade),
                fk("core_candidates", "organisation_id", "organisations", Cascade),
                fk("core_candidates", "option_id", "poll_options", SetNull),
            ],
        ),
        index("core_candidates", &["election_id", "organisation_id"], true),
    ]
}
