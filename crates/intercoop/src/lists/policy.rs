//! Who may do what with the mailing lists. The one place for it: handlers, the pages'
//! buttons, the route table (`lists::routes`) and the inbound mail follow it.
//!
//! | what | who |
//! |---|---|
//! | see the lists, their archives, search them; choose their own delivery | every person of the network |
//! | post to a list | as the list's `posting` says: `members` (every person of the network), `representatives` (a member organisation's representative), `core` (the core circle and the facilitator), `facilitator` (administrators), `moderated` (everyone, each message held for a moderator) |
//! | create a list, change its settings | administrators (the facilitator) |
//! | approve or reject held messages | administrators (the facilitator) |

use super::data::Posting;
use crate::access::Doer;

/// What a poster is in the network, for [`may_post`] (a person logged in, or the
/// sender of an email found among the network's people).
#[derive(Debug, Clone, Copy, Default)]
pub struct Poster {
    pub admin: bool,
    pub core: bool,
    pub representative: bool,
}

impl Poster {
    pub fn of(doer: &Doer) -> Poster {
        Poster {
            admin: doer.is_admin(),
            core: doer.roles.steers(),
            representative: !doer.represents.is_empty(),
        }
    }
}

/// Whether a person of the network may post to a list with this rule without a
/// moderator (`moderated`: only moderators).
pub fn may_post(posting: Posting, p: Poster) -> bool {
    match posting {
        Posting::Members => true,
        Posting::Representatives => p.representative || p.admin,
        Posting::Core => p.core || p.admin,
        Posting::Facilitator | Posting::Moderated => p.admin,
    }
}

/// Whether a person whom [`may_post`] refuses may still send a message for a moderator
/// (a `moderated` list takes everyone's messages, held).
pub fn may_submit(posting: Posting) -> bool {
    posting == Posting::Moderated
}

/// Creates lists and changes their settings.
pub fn manage(doer: &Doer) -> bool {
    doer.is_admin()
}

/// Approves or rejects held messages.
pub fn moderate(doer: &Doer) -> bool {
    doer.is_admin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posting_rules() {
        let member = Poster::default();
        let rep = Poster {
            representative: true,
            ..Poster::default()
        };
        let core = Poster {
            core: true,
            ..Poster::default()
        };
        let admin = Poster {
            admin: true,
            core: true,
            ..Poster::default()
        };
        assert!(may_post(Posting::Members, member));
        assert!(!may_post(Posting::Representatives, member));
        assert!(may_post(Posting::Representatives, rep));
        assert!(!may_post(Posting::Core, rep));
        assert!(may_post(Posting::Core, core));
        assert!(!may_post(Posting::Facilitator, core));
        assert!(may_post(Posting::Facilitator, admin));
        assert!(!may_post(Posting::Moderated, member) && may_submit(Posting::Moderated));
        assert!(may_post(Posting::Moderated, admin));
    }
}
