//! Approval voting: each voter approves any number of options; most approvals wins.
//!
//! Score = weighted approvals. Ranking by score, equal scores by lower option index
//! ([`TieBreak::LowerOptionIndex`]). Winners: every option with the top score, none when
//! nothing was approved at all.

use super::{BallotContent, Counted, Details, Outcome, TieBreak, rank_by_score};

pub(super) fn tally(option_count: usize, ballots: &[Counted<'_>]) -> Outcome {
    let mut approvals = vec![0u64; option_count];
    for ballot in ballots {
        let BallotContent::Approvals(set) = ballot.content else {
            continue;
        };
        for &option in set {
            approvals[option] = approvals[option].saturating_add(ballot.weight);
        }
    }
    let (ranking, winners) = rank_by_score(&approvals);
    Outcome {
        ranking,
        winners,
        passed: None,
        details: Details::Approval {
            approvals,
            tie_break: TieBreak::LowerOptionIndex,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Ballot, Method, tally};
    use super::*;

    fn approve(weight: u64, options: &[usize]) -> Ballot {
        Ballot {
            weight,
            content: BallotContent::Approvals(options.iter().copied().collect()),
        }
    }

    #[test]
    fn most_weighted_approvals_wins() {
        let ballots = [approve(1, &[0, 1]), approve(1, &[1]), approve(3, &[2]), approve(1, &[])];
        let t = tally(&Method::Approval, 4, 10, &ballots);
        assert_eq!(t.winners, vec![2]);
        assert_eq!(t.ranking, vec![2, 1, 0, 3]);
        assert_eq!((t.ballots, t.weight), (4, 6));
        assert_eq!(
            t.details,
            Details::Approval {
                approvals: vec![1, 2, 3, 0],
                tie_break: TieBreak::LowerOptionIndex
            }
        );
    }

    #[test]
    fn perfect_tie_gives_several_winners_in_index_order() {
        let t = tally(&Method::Approval, 3, 2, &[approve(1, &[2]), approve(1, &[0])]);
        assert_eq!(t.winners, vec![0, 2]);
        assert_eq!(t.ranking, vec![0, 2, 1]);
    }

    #[test]
    fn empty_and_blank_polls_have_no_winner() {
        let t = tally(&Method::Approval, 3, 2, &[]);
        assert_eq!((t.winners.len(), t.ranking.clone(), t.passed), (0, vec![0, 1, 2], None));
        let t = tally(&Method::Approval, 3, 2, &[approve(1, &[])]);
        assert!(t.winners.is_empty());
    }

    #[test]
    fn single_ballot() {
        let t = tally(&Method::Approval, 3, 1, &[approve(1, &[1, 2])]);
        assert_eq!((t.winners, t.ranking), (vec![1, 2], vec![1, 2, 0]));
    }
}
