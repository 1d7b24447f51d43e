//! The proposal list reads each campaign's coverage, participant and pledge counts,
//! and each proposal's number of interested organisations, from columns kept up to
//! date by the writes that change them (pledge, withdrawal, closing, catch-up,
//! interest) instead of loading every pledge of the page's campaigns on each request:
//! a list page is then one query whatever the size of the network.
//!
//! The columns are derived from other rows: they are filled by the rebuild
//! `funding.summaries` once every migration is applied (see `migrations`' "Frozen
//! history"). This migration as first released filled them here with the feature's
//! code, which reads columns that later migrations add: a database at a version from
//! 2 to 5 holding a campaign could not be upgraded ("no such column").
//!
//! Also: the electors of a person across polls (the dashboard asks "which open polls
//! wait for me?").

use super::migrations::{Step, index};
use sea_orm::sea_query::{Alias, ColumnDef, Table};

fn add(table: &str, column: &str) -> Step {
    Step::Alter(Box::new(
        Table::alter()
            .table(Alias::new(table))
            .add_column(ColumnDef::new(Alias::new(column)).big_integer().not_null().default(0))
            .take(),
    ))
}

pub(crate) fn up() -> Vec<Step> {
    vec![
        add("proposals", "interest_count"),
        add("campaigns", "covered_cents"),
        add("campaigns", "participant_count"),
        add("campaigns", "pledge_count"),
        Step::Rebuild("funding.summaries"),
        index("poll_electorate", &["person_id", "poll_id"], false),
    ]
}
