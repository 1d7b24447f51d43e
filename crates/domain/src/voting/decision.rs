//! Yes / no / abstain decisions with a quorum and a threshold.
//!
//! - Quorum: the weight that voted (yes + no + abstain: abstaining is taking part) must reach
//!   `quorum_percent` of the electorate's weight: `100·cast ≥ quorum%·electorate`. A quorum
//!   of 0 is always met.
//! - Threshold: see [`Threshold`]; abstentions do not count either way.
//! - Passed when both hold. An empty poll never passes (no yes can reach a threshold).
//! - Winners: `[yes]` when passed; `[no]` when the quorum was met and the proposal rejected
//!   (including when everyone abstained); none when the quorum was missed or no weight was
//!   cast, since then nothing was decided. Ranking: `[no, yes, abstain]` when rejected,
//!   otherwise `[yes, no, abstain]`; abstain is never an outcome so it is always last.

use super::{BallotContent, Choice, Counted, Details, Outcome, Threshold};

impl Threshold {
    /// The smallest yes weight that reaches the threshold when `yes_plus_no` weight voted yes
    /// or no (abstentions excluded). Always at least 1, so that only abstentions never pass.
    #[must_use]
    pub fn yes_needed(self, yes_plus_no: u64) -> u64 {
        let t = u128::from(yes_plus_no);
        let needed = match self {
            // yes > t/2  ⇔  yes ≥ ⌊t/2⌋ + 1
            Threshold::SimpleMajority => t / 2 + 1,
            // 3·yes ≥ 2·t  ⇔  yes ≥ ⌈2t/3⌉
            Threshold::TwoThirds => (2 * t).div_ceil(3),
            // d·yes ≥ n·t  ⇔  yes ≥ ⌈n·t/d⌉; a zero denominator (refused by
            // `validate_method`) is never reached rather than a division by zero.
            Threshold::Custom { numerator, denominator } => {
                if denominator == 0 {
                    return u64::MAX;
                }
                (u128::from(numerator) * t).div_ceil(u128::from(denominator))
            }
        };
        u64::try_from(needed.max(1)).unwrap_or(u64::MAX)
    }

    /// Whether `yes` against `no` reaches the threshold.
    #[must_use]
    pub fn is_reached(self, yes: u64, no: u64) -> bool {
        yes >= self.yes_needed(yes.saturating_add(no))
    }
}

pub(super) fn tally(
    quorum_percent: u32,
    threshold: Threshold,
    electorate_weight: u64,
    ballots: &[Counted<'_>],
) -> Outcome {
    let mut weights = [0u64; 3];
    for ballot in ballots {
        if let BallotContent::Choice(choice) = ballot.content {
            let w = &mut weights[choice.option()];
            *w = w.saturating_add(ballot.weight);
        }
    }
    let [yes, no, abstain] = weights;
    let cast_weight = yes.saturating_add(no).saturating_add(abstain);
    // ⌈q·E/100⌉ in u128: q·E can exceed u64.
    let quorum_weight = (u128::from(quorum_percent) * u128::from(electorate_weight)).div_ceil(100);
    let quorum_weight = u64::try_from(quorum_weight).unwrap_or(u64::MAX);
    let quorum_met = cast_weight >= quorum_weight;
    let yes_needed = threshold.yes_needed(yes.saturating_add(no));
    let threshold_reached = yes >= yes_needed;
    let passed = quorum_met && threshold_reached;
    let decided = quorum_met && cast_weight > 0;

    let (ranking, winners) = if passed {
        (vec![Choice::YES, Choice::NO, Choice::ABSTAIN], vec![Choice::YES])
    } else if decided {
        (vec![Choice::NO, Choice::YES, Choice::ABSTAIN], vec![Choice::NO])
    } else {
        (vec![Choice::YES, Choice::NO, Choice::ABSTAIN], Vec::new())
    };
    Outcome {
        ranking,
        winners,
        passed: Some(passed),
        details: Details::Decision {
            yes,
            no,
            abstain,
            cast_weight,
            electorate_weight,
            quorum_percent,
            quorum_weight,
            quorum_met,
            threshold,
            yes_needed,
            threshold_reached,
            passed,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Ballot, Method, Tally, tally};
    use super::*;

    fn votes(yes: u64, no: u64, abstain: u64) -> Vec<Ballot> {
        let mut ballots = Vec::new();
        for (choice, n) in [(Choice::Yes, yes), (Choice::No, no), (Choice::Abstain, abstain)] {
            for _ in 0..n {
                ballots.push(Ballot {
                    weight: 1,
                    content: BallotContent::Choice(choice),
                });
            }
        }
        ballots
    }

    fn decide(quorum: u32, threshold: Threshold, electorate: u64, ballots: &[Ballot]) -> Tally {
        tally(
            &Method::Decision {
                quorum_percent: quorum,
                threshold,
            },
            3,
            electorate,
            ballots,
        )
    }

    fn quorum_met(t: &Tally) -> bool {
        match t.details {
            Details::Decision { quorum_met, .. } => quorum_met,
            _ => panic!("not a decision"),
        }
    }

    #[test]
    fn quorum_reached_exactly_and_missed_by_one() {
        // Electorate 10, quorum 50%: 5 voters reach it, 4 do not. Abstentions count.
        let t = decide(50, Threshold::SimpleMajority, 10, &votes(3, 1, 1));
        assert_eq!(t.passed, Some(true));
        assert_eq!(t.winners, vec![Choice::YES]);
        let Details::Decision {
            quorum_weight,
            cast_weight,
            ..
        } = t.details
        else {
            panic!()
        };
        assert_eq!((quorum_weight, cast_weight), (5, 5));

        let t = decide(50, Threshold::SimpleMajority, 10, &votes(3, 1, 0));
        assert!(!quorum_met(&t));
        assert_eq!(t.passed, Some(false));
        assert_eq!(t.winners, Vec::<usize>::new(), "nothing decided without quorum");
        assert_eq!(t.ranking, vec![0, 1, 2]);
    }

    #[test]
    fn quorum_weight_rounds_up() {
        // 33% of 10 = 3.3 → 4 voters needed.
        let t = decide(33, Threshold::SimpleMajority, 10, &votes(3, 0, 0));
        assert!(!quorum_met(&t));
        let t = decide(33, Threshold::SimpleMajority, 10, &votes(3, 0, 1));
        assert!(quorum_met(&t));
        assert_eq!(t.passed, Some(true));
    }

    #[test]
    fn simple_majority_needs_more_yes_than_no() {
        let t = decide(0, Threshold::SimpleMajority, 10, &votes(3, 3, 0));
        assert_eq!(t.passed, Some(false));
        assert_eq!(t.winners, vec![Choice::NO]);
        assert_eq!(t.ranking, vec![1, 0, 2]);
        assert_eq!(
            decide(0, Threshold::SimpleMajority, 10, &votes(4, 3, 0)).passed,
            Some(true)
        );
    }

    #[test]
    fn two_thirds_boundary_exactly_two_thirds_passes() {
        assert_eq!(decide(0, Threshold::TwoThirds, 9, &votes(6, 3, 0)).passed, Some(true));
        assert_eq!(decide(0, Threshold::TwoThirds, 9, &votes(5, 3, 0)).passed, Some(false));
        // 6 of 9 also passes a simple majority; 5 of 8 passes simple majority only.
        assert_eq!(
            decide(0, Threshold::SimpleMajority, 9, &votes(5, 3, 0)).passed,
            Some(true)
        );
        let t = decide(0, Threshold::TwoThirds, 9, &votes(5, 3, 0));
        let Details::Decision {
            yes_needed,
            threshold_reached,
            ..
        } = t.details
        else {
            panic!()
        };
        assert_eq!((yes_needed, threshold_reached), (6, false));
    }

    #[test]
    fn custom_threshold_is_reached_not_exceeded() {
        let three_quarters = Threshold::Custom {
            numerator: 3,
            denominator: 4,
        };
        assert_eq!(decide(0, three_quarters, 8, &votes(6, 2, 0)).passed, Some(true));
        assert_eq!(decide(0, three_quarters, 8, &votes(5, 2, 0)).passed, Some(false));
        // Custom 1/2 passes a tie, unlike SimpleMajority.
        let half = Threshold::Custom {
            numerator: 1,
            denominator: 2,
        };
        assert_eq!(decide(0, half, 4, &votes(2, 2, 0)).passed, Some(true));
        // Unanimity among yes and no.
        let all = Threshold::Custom {
            numerator: 1,
            denominator: 1,
        };
        assert_eq!(decide(0, all, 9, &votes(5, 0, 4)).passed, Some(true));
        assert_eq!(decide(0, all, 9, &votes(5, 1, 0)).passed, Some(false));
    }

    #[test]
    fn abstentions_count_for_quorum_not_for_threshold() {
        // 2 yes, 1 no, 7 abstain out of 10: quorum 100% met, 2/3 of expressed is yes.
        let t = decide(100, Threshold::TwoThirds, 10, &votes(2, 1, 7));
        assert_eq!(t.passed, Some(true));
        let Details::Decision {
            yes,
            no,
            abstain,
            cast_weight,
            ..
        } = t.details
        else {
            panic!()
        };
        assert_eq!((yes, no, abstain, cast_weight), (2, 1, 7, 10));
        // Everyone abstains: quorum met, but nothing to reach a threshold with → rejected.
        for threshold in [Threshold::SimpleMajority, Threshold::TwoThirds] {
            let t = decide(50, threshold, 4, &votes(0, 0, 4));
            assert_eq!(t.passed, Some(false));
            assert_eq!(t.winners, vec![Choice::NO]);
        }
    }

    #[test]
    fn weights_count_not_heads() {
        let ballots = [
            Ballot {
                weight: 30,
                content: BallotContent::Choice(Choice::Yes),
            },
            Ballot {
                weight: 10,
                content: BallotContent::Choice(Choice::No),
            },
            Ballot {
                weight: 10,
                content: BallotContent::Choice(Choice::No),
            },
        ];
        let t = decide(50, Threshold::SimpleMajority, 100, &ballots);
        assert_eq!((t.ballots, t.weight, t.passed), (3, 50, Some(true)));
    }

    #[test]
    fn empty_poll_never_passes() {
        for quorum in [0, 50] {
            let t = decide(quorum, Threshold::SimpleMajority, 10, &[]);
            assert_eq!(t.passed, Some(false));
            assert!(t.winners.is_empty());
            assert_eq!(t.ranking, vec![0, 1, 2]);
        }
        // Electorate 0 (nobody may vote) meets any quorum but still decides nothing.
        let t = decide(50, Threshold::TwoThirds, 0, &[]);
        assert!(quorum_met(&t));
        assert_eq!((t.passed, t.winners.len()), (Some(false), 0));
    }

    #[test]
    fn single_ballot() {
        let t = decide(10, Threshold::TwoThirds, 10, &votes(1, 0, 0));
        assert_eq!((t.passed, t.winners.clone()), (Some(true), vec![0]));
        let t = decide(10, Threshold::TwoThirds, 10, &votes(0, 1, 0));
        assert_eq!((t.passed, t.winners.clone()), (Some(false), vec![1]));
    }

    #[test]
    fn huge_weights_do_not_overflow() {
        let ballots = [Ballot {
            weight: u64::MAX,
            content: BallotContent::Choice(Choice::Yes),
        }];
        let t = decide(
            100,
            Threshold::Custom {
                numerator: 99,
                denominator: 100,
            },
            u64::MAX,
            &ballots,
        );
        assert_eq!(t.passed, Some(true));
    }
}
