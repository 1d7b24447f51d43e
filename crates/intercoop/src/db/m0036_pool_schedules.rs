//! Migration 36: periodic contributions into a pool (issue 19, item 1: "fixed per
//! member per period").
//! - `pool_schedules`: at most one per pool (a unique index): the amount each member
//!   organisation is asked per period (`amount_cents`), or per member worker when
//!   `per_worker` (times the membership's declared size), the period (`weekly` or
//!   `monthly`), whether it is `active`, and the first day of the first period
//!   (`starts_on`, a day in the network's time zone, `YYYY-MM-DD`);
//! - `payment_requests.pool_id` and `pool_period` (the first day of the period as
//!   `YYYYMMDD`): a period's request, made once per pool, period and organisation
//!   (a unique index: a second job run, another instance or a retry after a crash
//!   cannot make a second one).
//!
//! Nothing is carried over: no pool had a schedule before.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, boolean, fk, id, index, int, int_null, table, text, ts};
use sea_orm::sea_query::ForeignKeyAction::Cascade;
use sea_orm::sea_query::{Alias, ColumnDef, Table};

fn add(table: &str, column: ColumnDef) -> Step {
    Step::Alter(Box::new(
        Table::alter().table(Alias::new(table)).add_column(column).take(),
    ))
}

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "pool_schedules",
            vec![
                id(),
                int("network_id"),
                int("pool_id"),
                int("amount_cents"),
                text("period"),
                boolean("per_worker", false),
                boolean("active", true),
                text("starts_on"),
                ts("updated_at"),
            ],
            vec![
                fk("pool_schedules", "network_id", "networks", Cascade),
                fk("pool_schedules", "pool_id", "pools", Cascade),
            ],
        ),
        index("pool_schedules", &["pool_id"], true),
        index("pool_schedules", &["network_id", "active"], false),
        add("payment_requests", int_null("pool_id")),
        add("payment_requests", int_null("pool_period")),
        index("payment_requests", &["pool_id", "pool_period", "organisation_id"], true),
    ]
}
