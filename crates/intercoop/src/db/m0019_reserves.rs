//! Migration 19: shared recurring costs (issue 16, item 5).
//! - `reserves`: a purpose a network sets money aside for (the next Odoo migration,
//!   hosting), with its monthly amount and the sharing key that splits it among the
//!   members; `active` stops its billing without losing its history;
//! - `payment_requests.reserve_id` and `reserve_month` (`year × 100 + month`): a month's
//!   provision, asked once per reserve, month and organisation (a unique index);
//! - `campaigns.reserve_id` and `reserve_cents`: the reserve a campaign draws on and the
//!   part it takes (`amount_cents` stays the part shared among the pledgers);
//! - `payment_requests.credit_cents`: the part of what a request was paid that came
//!   from its organisation's credit (applied automatically, oldest request first).
//!
//! Nothing is carried over: no request or campaign had a reserve before.
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
            "reserves",
            vec![
                id(),
                int("network_id"),
                text("name"),
                int("monthly_cents"),
                // A sharing key as JSON: {"kind":"equal"}, {"kind":"size"}, …
                text("sharing_key"),
                boolean("active", true),
                ts("created_at"),
            ],
            vec![fk("reserves", "network_id", "networks", Cascade)],
        ),
        index("reserves", &["network_id", "id"], false),
        add("payment_requests", int_null("reserve_id")),
        add("payment_requests", int_null("reserve_month")),
        index(
            "payment_requests",
            &["reserve_id", "reserve_month", "organisation_id"],
            true,
        ),
        add(
            "payment_requests",
            ColumnDef::new(Alias::new("credit_cents"))
                .big_integer()
                .not_null()
                .default(0)
                .take(),
        ),
        add("campaigns", int_null("reserve_id")),
        add(
            "campaigns",
            ColumnDef::new(Alias::new("reserve_cents"))
                .big_integer()
                .not_null()
                .default(0)
                .take(),
        ),
    ]
}
