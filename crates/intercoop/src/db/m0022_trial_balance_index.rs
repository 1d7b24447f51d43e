//! Migration 22: the trial balance reads a network's account balances from one index
//! (issue 16, speed): `ledger_balances (network_id, account, party, balance_cents)`, in
//! the order the trial balance lists them, with the balance, so that the database
//! answers from the index alone (some 3 600 accounts at scale 100). The unique index on
//! (network_id, account, party) stays: the balances' upserts need it.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, index};

pub(crate) fn up() -> Vec<Step> {
    vec![index(
        "ledger_balances",
        &["network_id", "account", "party", "balance_cents"],
        false,
    )]
}
