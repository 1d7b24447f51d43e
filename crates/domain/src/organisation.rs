//! Member organisations: their kinds, membership statuses and levels.

text_enum!(
    /// What an organisation is to the network.
    OrgKind { User = "user", Provider = "provider", Partner = "partner", Facilitator = "facilitator" }
);
text_enum!(
    /// Where an organisation stands in a network's membership.
    MembershipStatus { Candidate = "candidate", Member = "member", Former = "former" }
);
text_enum!(
    /// Observers see everything and do not vote; active members also vote.
    Level { Observer = "observer", Active = "active" }
);

/// May an organisation with this status and level vote in the network?
pub fn may_vote(status: MembershipStatus, level: Level) -> bool {
    status == MembershipStatus::Member && level == Level::Active
}

/// Which status changes are allowed: a candidate is accepted or leaves, a member
/// leaves, a former member may apply again.
pub fn status_change_allowed(from: MembershipStatus, to: MembershipStatus) -> bool {
    use MembershipStatus::*;
    matches!(
        (from, to),
        (Candidate, Member) | (Candidate, Former) | (Member, Former) | (Former, Candidate) | (Former, Member)
    ) || from == to
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trip() {
        for k in OrgKind::ALL {
            assert_eq!(OrgKind::parse(k.as_str()), Some(*k));
        }
        assert_eq!(MembershipStatus::parse("member"), Some(MembershipStatus::Member));
        assert_eq!(Level::parse("boss"), None);
    }

    #[test]
    fn only_active_members_vote() {
        assert!(may_vote(MembershipStatus::Member, Level::Active));
        assert!(!may_vote(MembershipStatus::Member, Level::Observer));
        assert!(!may_vote(MembershipStatus::Candidate, Level::Active));
    }

    #[test]
    fn status_changes() {
        assert!(status_change_allowed(
            MembershipStatus::Candidate,
            MembershipStatus::Member
        ));
        assert!(!status_change_allowed(
            MembershipStatus::Member,
            MembershipStatus::Candidate
        ));
    }
}
