//! Migration 31: indexes for pages that read more rows as the network grows (bench at
//! scale 100, session 13):
//! - `proposal_events (kind, id)`: the dashboard's decisions to check (a poll's effect
//!   that could not be carried out, `proposals::effects::decisions_to_check`) read the
//!   timeline entries of that rare kind, newest first, instead of every entry of every
//!   proposal (57 000 at scale 100, most of the dashboard's time);
//! - `payment_requests (organisation_id, network_id, year, status, amount_cents,
//!   paid_cents)`: the treasurer's overview sums a page of organisations' requests of a
//!   year from the index alone (`money::reports::by_member_page`);
//! - `memberships (network_id, status, level, size)`: the runway counts the member
//!   organisations per level and size from the index alone.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, index};
use sea_orm::sea_query::{Alias, Index};

pub(crate) fn up() -> Vec<Step> {
    // Named here: the name `index` makes of six columns passes PostgreSQL's 63 bytes.
    let mut sums = Index::create();
    sums.name("ix_payment_requests_organisation_year_sums")
        .table(Alias::new("payment_requests"));
    for c in [
        "organisation_id",
        "network_id",
        "year",
        "status",
        "amount_cents",
        "paid_cents",
    ] {
        sums.col(Alias::new(c));
    }
    vec![
        index("proposal_events", &["kind", "id"], false),
        Step::Index(Box::new(sums.take())),
        index("memberships", &["network_id", "status", "level", "size"], false),
    ]
}
