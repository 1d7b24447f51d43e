//! Who may do what to an account's own things.
//!
//! | what | who |
//! |---|---|
//! | see, make, revoke an API token | the person it belongs to (not an administrator: a token is a person's key) |

use crate::access::Doer;

/// May `doer` see or revoke an API token of `owner`? Only its owner.
pub fn manage_token(doer: &Doer, owner: i64) -> bool {
    doer.person_id == Some(owner)
}
