//! Who may do what in the documentation space. The one place for it: handlers, the
//! pages' buttons and the route table (`documentation::routes`) follow it.
//!
//! | what | who |
//! |---|---|
//! | read a page | as its visibility says (the strictest on its path): public pages anyone, members' pages every person of the network, core pages the core circle and administrators |
//! | write, move, put in the booklet | the core circle and administrators (who write the welcome booklet, as in Komunigi) |
//! | read revisions and their differences | whoever may read the page |

use crate::access::Doer;
use intercoop_domain::documentation::Reader;

/// How a person of the network reads: the core circle and administrators read every
/// page; the others the members' and public ones.
pub fn reader(doer: &Doer) -> Reader {
    if doer.roles.steers() {
        Reader::Core
    } else if doer.person_id.is_some() {
        Reader::Member
    } else {
        Reader::Visitor
    }
}

/// Writes pages: creates, changes, moves them, and orders the booklet.
pub fn write(doer: &Doer) -> bool {
    doer.roles.steers()
}
