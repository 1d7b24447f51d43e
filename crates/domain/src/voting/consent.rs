//! Consent: a proposal passes unless someone objects.
//!
//! Any objection blocks, whatever the weight of its ballot: consent protects each member's
//! voice, so weighting by size does not apply to objections (their weight is still shown).
//! A consent poll with no consenting ballot does not pass: silence is not consent. Ranking is
//! always `[0]`; winners `[0]` when passed, otherwise empty.

use super::{BallotContent, Counted, Details, Outcome};
use serde::{Deserialize, Serialize};

/// An objection, shown with the result so the group can discuss it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Objection {
    /// Index of the ballot in the slice given to [`super::tally`]: the app maps it back to the
    /// organisation and decides whether names are shown.
    pub ballot: usize,
    pub weight: u64,
    pub reason: String,
}

pub(super) fn tally(ballots: &[Counted<'_>]) -> Outcome {
    let mut consents = 0u64;
    let mut consent_weight = 0u64;
    let mut objection_weight = 0u64;
    let mut objections = Vec::new();
    for ballot in ballots {
        match ballot.content {
            BallotContent::Consent { objection: None } => {
                consents += 1;
                consent_weight = consent_weight.saturating_add(ballot.weight);
            }
            BallotContent::Consent {
                objection: Some(reason),
            } => {
                objection_weight = objection_weight.saturating_add(ballot.weight);
                objections.push(Objection {
                    ballot: ballot.index,
                    weight: ballot.weight,
                    reason: reason.clone(),
                });
            }
            _ => {}
        }
    }
    let passed = objections.is_empty() && consents > 0;
    Outcome {
        ranking: vec![0],
        winners: if passed { vec![0] } else { Vec::new() },
        passed: Some(passed),
        details: Details::Consent {
            consents,
            consent_weight,
            objections,
            objection_weight,
            passed,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Ballot, Method, tally};
    use super::*;

    fn consent(weight: u64) -> Ballot {
        Ballot {
            weight,
            content: BallotContent::Consent { objection: None },
        }
    }

    fn object(weight: u64, reason: &str) -> Ballot {
        Ballot {
            weight,
            content: BallotContent::Consent {
                objection: Some(reason.into()),
            },
        }
    }

    #[test]
    fn passes_without_objection() {
        let t = tally(&Method::Consent, 1, 5, &[consent(1), consent(2)]);
        assert_eq!(
            (t.passed, t.winners.clone(), t.ranking.clone()),
            (Some(true), vec![0], vec![0])
        );
        assert_eq!(
            t.details,
            Details::Consent {
                consents: 2,
                consent_weight: 3,
                objections: vec![],
                objection_weight: 0,
                passed: true
            }
        );
    }

    #[test]
    fn one_light_objection_blocks_and_objections_keep_ballot_order() {
        let ballots = [
            consent(50),
            object(1, "licence unclear"),
            consent(20),
            object(3, "too costly"),
        ];
        let t = tally(&Method::Consent, 1, 100, &ballots);
        assert_eq!(t.passed, Some(false));
        assert!(t.winners.is_empty());
        assert_eq!(t.ranking, vec![0]);
        let Details::Consent {
            objections,
            objection_weight,
            consents,
            ..
        } = t.details
        else {
            panic!()
        };
        assert_eq!(consents, 2);
        assert_eq!(objection_weight, 4);
        assert_eq!(
            objections,
            vec![
                Objection {
                    ballot: 1,
                    weight: 1,
                    reason: "licence unclear".into()
                },
                Objection {
                    ballot: 3,
                    weight: 3,
                    reason: "too costly".into()
                },
            ]
        );
    }

    #[test]
    fn empty_poll_does_not_pass() {
        let t = tally(&Method::Consent, 1, 10, &[]);
        assert_eq!((t.passed, t.winners.len(), t.ballots), (Some(false), 0, 0));
    }

    #[test]
    fn single_ballot() {
        assert_eq!(tally(&Method::Consent, 1, 10, &[consent(1)]).passed, Some(true));
        assert_eq!(tally(&Method::Consent, 1, 10, &[object(1, "no")]).passed, Some(false));
    }

    #[test]
    fn objection_index_points_into_the_given_slice_even_past_ignored_ballots() {
        let blank = Ballot {
            weight: 1,
            content: BallotContent::Consent {
                objection: Some(" ".into()),
            },
        };
        let t = tally(&Method::Consent, 1, 3, &[blank, consent(1), object(1, "why")]);
        assert_eq!(t.ignored, 1);
        let Details::Consent { objections, .. } = t.details else {
            panic!()
        };
        assert_eq!(objections[0].ballot, 2);
    }
}
