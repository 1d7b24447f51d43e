//! Who may do what with pooled funds and budgeting rounds. The one place for it:
//! handlers, the pages' buttons and the route table (`pools::routes`) follow it.
//!
//! | what | who |
//! |---|---|
//! | see pools, contributions, rounds, buckets and results | every person of the network |
//! | create a pool, record a contribution, open or close a round | administrators (the treasurer's work) |
//! | propose a bucket in a round before it closes | every person of the network |
//! | place an organisation's allocation in buckets | the people of that member organisation (several people of one organisation share its allocation) |

use crate::access::Doer;

/// Creates pools, records contributions, opens and closes rounds.
pub fn manage(doer: &Doer) -> bool {
    doer.is_admin()
}

/// Proposes a bucket.
pub fn propose(doer: &Doer) -> bool {
    doer.person_id.is_some()
}

/// Places `organisation_id`'s allocation.
pub fn allocate_for(doer: &Doer, organisation_id: i64) -> bool {
    doer.organisations.contains(&organisation_id)
}
