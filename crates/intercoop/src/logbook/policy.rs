//! Who may do what in the logbook. The one place for it: handlers, the pages' buttons
//! and the route table (`logbook::routes`) follow it.
//!
//! | what | who |
//! |---|---|
//! | read a public article, its page and the feed | anyone, without logging in |
//! | read a members' article | every person of the network |
//! | write and change articles, send one as a newsletter issue | the facilitator (administrators) and the core circle, who keep the logbook in Komunigi |

use crate::access::Doer;

/// Reads the members' articles too: any person of the network.
pub fn reads_members(doer: &Doer) -> bool {
    doer.person_id.is_some()
}

/// Writes and changes articles, and sends one as a newsletter issue.
pub fn write(doer: &Doer) -> bool {
    doer.roles.steers()
}
