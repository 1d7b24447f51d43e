//! Who may do what with the newsletter. The one place for it: handlers, the pages'
//! buttons and the route table (`newsletter::routes`) follow it.
//!
//! | what | who |
//! |---|---|
//! | subscribe (double opt-in), confirm, unsubscribe by the link | anyone, without logging in: the link's token is the authority |
//! | read the archive of sent issues | anyone |
//! | write, translate, preview and send issues; see the subscribers | the facilitator (administrators) and the core circle |

use crate::access::Doer;

/// Writes, translates and sends issues, and sees the subscribers' addresses.
pub fn write(doer: &Doer) -> bool {
    doer.roles.steers()
}
