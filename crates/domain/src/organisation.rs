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

/// The kinds of organisation whose voice a poll counts when it says nothing else: the
/// **user cooperatives** (the supermarkets). Providers are paid for the work a poll
/// chooses, and the facilitator serves the members: they vote only where a poll
/// includes them (issue 14, "providers vote on which work they will be paid for";
/// the seed's assemblies are one representative per supermarket).
pub const DEFAULT_ELECTORATE_KINDS: [OrgKind; 1] = [OrgKind::User];

/// May an organisation vote in a poll whose electorate is the active members of the
/// `kinds` given? ([`may_vote`], and its kind among `kinds`.)
pub fn may_vote_in(status: MembershipStatus, level: Level, kind: OrgKind, kinds: &[OrgKind]) -> bool {
    may_vote(status, level) && kinds.contains(&kind)
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
    fn a_poll_counts_only_the_kinds_it_names() {
        use MembershipStatus::*;
        let users = &DEFAULT_ELECTORATE_KINDS[..];
        assert!(may_vote_in(Member, Level::Active, OrgKind::User, users));
        assert!(!may_vote_in(Member, Level::Active, OrgKind::Provider, users));
        assert!(!may_vote_in(Member, Level::Active, OrgKind::Facilitator, users));
        assert!(!may_vote_in(Member, Level::Observer, OrgKind::User, users));
        assert!(!may_vote_in(Former, Level::Active, OrgKind::User, users));
        let all = OrgKind::ALL;
        for k in all {
            assert!(may_vote_in(Member, Level::Active, *k, all));
            assert!(!may_vote_in(Candidate, Level::Active, *k, all));
        }
    }

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
