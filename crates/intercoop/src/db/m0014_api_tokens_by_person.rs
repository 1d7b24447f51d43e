//! Migration 14: a person's API tokens in a network, read through an index. The page
//! that lists them (`/profile/tokens`) and the deletion of a person (whose tokens go
//! with them) read `api_tokens` by person; without it, each read walked every token of
//! the deployment. Its order (newest first) is the index's own: the row id ends it.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, index};

pub(crate) fn up() -> Vec<Step> {
    vec![index("api_tokens", &["person_id", "network_id"], false)]
}
