//! Migration 37: periodic contributions paid and caught up (issue 19, item 1).
//! - `pool_contributions.payment_request_id`: the periodic request a contribution was
//!   paid by (a unique index: a request paid gives its pool one contribution, whatever
//!   path paid it, however often it is retried);
//! - `pool_schedules.applies_from`: the first day (`YYYY-MM-DD`, in the network's time
//!   zone) from which the schedule as it stands applies: its first day when it was
//!   made, the day of its last change after that. Empty on the schedules made before,
//!   which read as their first day (nothing changed since, as far as is known).
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, index, int_null, text_null};
use sea_orm::sea_query::{Alias, ColumnDef, Table};

fn add(table: &str, column: ColumnDef) -> Step {
    Step::Alter(Box::new(
        Table::alter().table(Alias::new(table)).add_column(column).take(),
    ))
}

pub(crate) fn up() -> Vec<Step> {
    vec![
        add("pool_contributions", int_null("payment_request_id")),
        index("pool_contributions", &["payment_request_id"], true),
        add("pool_schedules", text_null("applies_from")),
    ]
}
