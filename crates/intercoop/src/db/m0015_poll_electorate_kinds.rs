//! Migration 15: the kinds of organisation a poll's electorate counts (issue 14, "who
//! may do what": providers voted on which work they would be paid for).
//! `polls.organisation_kinds` is a JSON array of kinds (`["user"]`). A poll made from
//! now on counts the active member **user cooperatives** unless it names others; a
//! poll made before counted every active member, whatever its kind, so every existing
//! row gets every kind: what it meant when it was made does not change (a draft opened
//! after the upgrade still asks the providers, as its author expected).
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::Step;
use sea_orm::sea_query::{Alias, ColumnDef, Table};

pub(crate) fn up() -> Vec<Step> {
    vec![Step::Alter(Box::new(
        Table::alter()
            .table(Alias::new("polls"))
            .add_column(
                ColumnDef::new(Alias::new("organisation_kinds"))
                    .text()
                    .not_null()
                    .default(r#"["user","provider","partner","facilitator"]"#),
            )
            .take(),
    ))]
}
