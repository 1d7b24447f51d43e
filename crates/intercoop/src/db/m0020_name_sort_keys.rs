//! Migration 20: lists sort names by a real collation (issue 14, item 8).
//!
//! - `organisations.name_key` and `people.name_key`: the Unicode Collation Algorithm
//!   sort key of the name (bytes; compared bytewise, the same on SQLite and
//!   PostgreSQL), indexed with the id for the lists' order; the indexes on the names
//!   themselves, which served the byte order, are dropped;
//! - `sort_key_versions`: which version of the collation made the stored keys (a
//!   fingerprint), so that a newer collation library recomputes them at start.
//!
//! The keys are not computed here: a migration never calls feature code, and a key
//! depends on the collation library of the running version. An empty or outdated
//! fingerprint makes the start recompute every key (`collation::refresh`).

use super::migrations::{Step, index, table, text};
use sea_orm::sea_query::{Alias, ColumnDef, Index, Table};

fn add_key(table: &str) -> Step {
    Step::Alter(Box::new(
        Table::alter()
            .table(Alias::new(table))
            .add_column(ColumnDef::new(Alias::new("name_key")).binary().null())
            .take(),
    ))
}

pub(crate) fn up() -> Vec<Step> {
    vec![
        add_key("organisations"),
        add_key("people"),
        index("organisations", &["name_key", "id"], false),
        index("people", &["name_key", "id"], false),
        Step::DropIndex(Box::new(Index::drop().name("ix_organisations_name").to_owned())),
        Step::DropIndex(Box::new(Index::drop().name("ix_people_name").to_owned())),
        table(
            "sort_key_versions",
            vec![
                ColumnDef::new(Alias::new("name"))
                    .text()
                    .not_null()
                    .primary_key()
                    .take(),
                text("fingerprint"),
            ],
            vec![],
        ),
    ]
}
