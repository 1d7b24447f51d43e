//! Who may do what to the network's people. The one place for it: handlers, the pages'
//! buttons and the route table (`people::routes`) follow it.
//!
//! | what | who |
//! |---|---|
//! | see the people of the network | every person of the network |
//! | invite someone (with roles, into an organisation) | administrators |

use crate::access::Doer;

/// Invites people into the network.
pub fn invite(doer: &Doer) -> bool {
    doer.is_admin()
}
