//! Migration 26: pooled funds and collaborative budgeting rounds (issue 19, items 1–3).
//! - `pools`: a network's pooled fund (its money is the journal's `pool` account);
//! - `pool_contributions`: money received into a pool (a member's periodic share, a
//!   part of its surplus, a gift, a grant without organisation);
//! - `pool_rounds`: a budgeting round on a pool, between `opens_at` and `closes_at`,
//!   with its allocation rule, where unspent money returns, its matching (kind, pool,
//!   cap per bucket), its total allocated (`budget_cents`), its status (`open`,
//!   `closed`) and the result's totals once closed; the `*_sent_at` columns make each
//!   email of a round go once;
//! - `pool_buckets`: a project proposed in a round, with its goals, what participants
//!   placed in it (`placed_cents`, kept by the same write that places), and its result;
//! - `pool_allocations`: each participating organisation's allocation in a round, what
//!   it placed (kept by the write, checked against the allocation), what came back at
//!   the close, and which later round took that back (`carried_into`);
//! - `pool_placements`: what one organisation placed in one bucket (one row each).
//!
//! Nothing is carried over: there were no pools before.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, fk, id, index, int, int_null, table, text, text_null, ts, ts_null};
use sea_orm::sea_query::ForeignKeyAction::{Cascade, SetNull};

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "pools",
            vec![
                id(),
                int("network_id"),
                text("name"),
                text("description"),
                int_null("created_by"),
                ts("created_at"),
            ],
            vec![
                fk("pools", "network_id", "networks", Cascade),
                fk("pools", "created_by", "people", SetNull),
            ],
        ),
        index("pools", &["network_id", "name"], false),
        table(
            "pool_contributions",
            vec![
                id(),
                int("network_id"),
                int("pool_id"),
                int_null("organisation_id"),
                text("kind"),
                int("amount_cents"),
                text("note"),
                int_null("recorded_by"),
                ts("received_at"),
            ],
            vec![
                fk("pool_contributions", "network_id", "networks", Cascade),
                fk("pool_contributions", "pool_id", "pools", Cascade),
                fk("pool_contributions", "organisation_id", "organisations", SetNull),
                fk("pool_contributions", "recorded_by", "people", SetNull),
            ],
        ),
        index("pool_contributions", &["pool_id", "organisation_id"], false),
        table(
            "pool_rounds",
            vec![
                id(),
                int("network_id"),
                int("pool_id"),
                text("title"),
                text("description"),
                ts("opens_at"),
                ts("closes_at"),
                text("allocation"),
                text("returns"),
                text_null("matching_kind"),
                int("matching_cents"),
                int_null("matching_cap_cents"),
                int("budget_cents"),
                text("status"),
                ts_null("closed_at"),
                int_null("returned_cents"),
                int_null("matching_returned_cents"),
                ts_null("opened_sent_at"),
                ts_null("reminder_sent_at"),
                ts_null("result_sent_at"),
                int_null("created_by"),
                ts("created_at"),
            ],
            vec![
                fk("pool_rounds", "network_id", "networks", Cascade),
                fk("pool_rounds", "pool_id", "pools", Cascade),
                fk("pool_rounds", "created_by", "people", SetNull),
            ],
        ),
        index("pool_rounds", &["network_id", "status", "closes_at"], false),
        index("pool_rounds", &["pool_id"], false),
        table(
            "pool_buckets",
            vec![
                id(),
                int("network_id"),
                int("round_id"),
                text("title"),
                text("description"),
                text("breakdown"),
                int("min_cents"),
                int_null("max_cents"),
                int("placed_cents"),
                int_null("raised_cents"),
                int_null("matched_cents"),
                text_null("weight"),
                int_null("created_by"),
                ts("created_at"),
            ],
            vec![
                fk("pool_buckets", "network_id", "networks", Cascade),
                fk("pool_buckets", "round_id", "pool_rounds", Cascade),
                fk("pool_buckets", "created_by", "people", SetNull),
            ],
        ),
        index("pool_buckets", &["round_id"], false),
        table(
            "pool_allocations",
            vec![
                id(),
                int("network_id"),
                int("round_id"),
                int("organisation_id"),
                int("allocation_cents"),
                int("carried_cents"),
                int("placed_cents"),
                int_null("returned_cents"),
                int_null("carried_into"),
            ],
            vec![
                fk("pool_allocations", "network_id", "networks", Cascade),
                fk("pool_allocations", "round_id", "pool_rounds", Cascade),
                fk("pool_allocations", "organisation_id", "organisations", Cascade),
                fk("pool_allocations", "carried_into", "pool_rounds", SetNull),
            ],
        ),
        index("pool_allocations", &["round_id", "organisation_id"], true),
        index("pool_allocations", &["organisation_id"], false),
        table(
            "pool_placements",
            vec![
                id(),
                int("network_id"),
                int("round_id"),
                int("bucket_id"),
                int("organisation_id"),
                int("amount_cents"),
                int_null("placed_by"),
                ts("placed_at"),
            ],
            vec![
                fk("pool_placements", "network_id", "networks", Cascade),
                fk("pool_placements", "round_id", "pool_rounds", Cascade),
                fk("pool_placements", "bucket_id", "pool_buckets", Cascade),
                fk("pool_placements", "organisation_id", "organisations", Cascade),
                fk("pool_placements", "placed_by", "people", SetNull),
            ],
        ),
        index("pool_placements", &["bucket_id", "organisation_id"], true),
        index("pool_placements", &["round_id", "organisation_id"], false),
    ]
}
