//! Migration 41: `proposals (network_id, status, updated_at, id)`, for the public page's
//! funded work (`public::data::funded`): the latest proposals of one status of a network
//! are read from the index, a few rows, instead of every proposal of the network in one
//! of the funded statuses, sorted (some 1 500 at scale 100, read on each request on
//! PostgreSQL). The index on (network_id, status) stays: other queries name it.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, index};

pub(crate) fn up() -> Vec<Step> {
    vec![index("proposals", &["network_id", "status", "updated_at", "id"], false)]
}
