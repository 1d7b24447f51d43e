//! Who may do what to the network's organisations. The one place for it: handlers,
//! the pages' buttons and the route table (`organisations::routes`) follow it.
//!
//! | what | who |
//! |---|---|
//! | see the organisations and their people | every person of the network |
//! | add an organisation, change one (its details, membership status, level) | administrators |
//! | name an organisation's representative | administrators, and its sitting representative (handing over) |

use crate::access::Doer;

/// Adds organisations to the network and changes them.
pub fn manage(doer: &Doer) -> bool {
    doer.is_admin()
}

/// Names the representative of `organisation_id`.
pub fn name_representative(doer: &Doer, organisation_id: i64) -> bool {
    doer.is_admin() || doer.represents.contains(&organisation_id)
}
