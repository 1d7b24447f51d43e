//! Migration 32: budgeting rounds with an allocation per person (issue 19, item 2:
//! "each participant (a member organisation, or each person, as the round says)").
//! - `pool_rounds.participants`: `organisation` (the default, every existing round) or
//!   `person`;
//! - `pool_allocations.person_id` and `pool_placements.person_id`: the person whose
//!   allocation it is, in a round per person; 0 in a round per organisation (every
//!   existing row), so that the unique indexes below hold for both kinds (a NULL would
//!   make every row distinct);
//! - the unique indexes `(round_id, organisation_id)` of allocations and `(bucket_id,
//!   organisation_id)` of placements gain `person_id`.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, index};
use sea_orm::sea_query::{Alias, ColumnDef, Index, Table};

fn add(table: &str, column: ColumnDef) -> Step {
    Step::Alter(Box::new(
        Table::alter().table(Alias::new(table)).add_column(column).take(),
    ))
}

pub(crate) fn up() -> Vec<Step> {
    vec![
        add(
            "pool_rounds",
            ColumnDef::new(Alias::new("participants"))
                .text()
                .not_null()
                .default("organisation")
                .take(),
        ),
        add(
            "pool_allocations",
            ColumnDef::new(Alias::new("person_id"))
                .big_integer()
                .not_null()
                .default(0)
                .take(),
        ),
        add(
            "pool_placements",
            ColumnDef::new(Alias::new("person_id"))
                .big_integer()
                .not_null()
                .default(0)
                .take(),
        ),
        Step::DropIndex(Box::new(
            Index::drop()
                .name("ix_pool_allocations_round_id_organisation_id")
                .to_owned(),
        )),
        index("pool_allocations", &["round_id", "organisation_id", "person_id"], true),
        Step::DropIndex(Box::new(
            Index::drop()
                .name("ix_pool_placements_bucket_id_organisation_id")
                .to_owned(),
        )),
        index("pool_placements", &["bucket_id", "organisation_id", "person_id"], true),
    ]
}
