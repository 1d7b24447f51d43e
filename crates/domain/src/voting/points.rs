//! Points (cumulative) voting: each voter spreads at most `budget` points over the options.
//!
//! Score = Σ weight × points. Ranking by score, equal scores by lower option index
//! ([`TieBreak::LowerOptionIndex`]). Winners: every option with the top score, none when no
//! point was given at all. Unspent points are simply not given: a voter may hold back.

use super::{BallotContent, Counted, Details, Outcome, TieBreak, rank_by_score};

pub(super) fn tally(budget: u32, option_count: usize, ballots: &[Counted<'_>]) -> Outcome {
    let mut points = vec![0u64; option_count];
    for ballot in ballots {
        let BallotContent::Points(given) = ballot.content else {
            continue;
        };
        for (&option, &p) in given {
            let add = ballot.weight.saturating_mul(u64::from(p));
            points[option] = points[option].saturating_add(add);
        }
    }
    let (ranking, winners) = rank_by_score(&points);
    Outcome {
        ranking,
        winners,
        passed: None,
        details: Details::Points {
            points,
            budget,
            tie_break: TieBreak::LowerOptionIndex,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Ballot, Method, tally};
    use super::*;

    const METHOD: Method = Method::Points { budget: 10 };

    fn give(weight: u64, points: &[(usize, u32)]) -> Ballot {
        Ballot {
            weight,
            content: BallotContent::Points(points.iter().copied().collect()),
        }
    }

    #[test]
    fn weighted_points_are_summed() {
        let ballots = [give(1, &[(0, 10)]), give(2, &[(1, 4), (2, 6)]), give(1, &[(2, 3)])];
        let t = tally(&METHOD, 3, 4, &ballots);
        assert_eq!(
            t.details,
            Details::Points {
                points: vec![10, 8, 15],
                budget: 10,
                tie_break: TieBreak::LowerOptionIndex
            }
        );
        assert_eq!(t.ranking, vec![2, 0, 1]);
        assert_eq!(t.winners, vec![2]);
    }

    #[test]
    fn tie_gives_several_winners_and_index_order() {
        let t = tally(&METHOD, 3, 2, &[give(1, &[(2, 5), (1, 5)])]);
        assert_eq!((t.winners, t.ranking), (vec![1, 2], vec![1, 2, 0]));
    }

    #[test]
    fn over_budget_ballot_is_ignored() {
        let t = tally(&METHOD, 2, 2, &[give(1, &[(0, 6), (1, 5)]), give(1, &[(1, 1)])]);
        assert_eq!((t.ignored, t.winners), (1, vec![1]));
    }

    #[test]
    fn empty_poll_and_zero_points() {
        let t = tally(&METHOD, 2, 2, &[]);
        assert_eq!((t.winners.len(), t.ranking), (0, vec![0, 1]));
        let t = tally(&METHOD, 2, 2, &[give(1, &[(1, 0)])]);
        assert!(t.winners.is_empty());
    }
}
