//! Checks run at the edge: when a poll is configured and when a ballot is cast.

use super::{BallotContent, Method, Threshold};

/// More options than any real poll needs. It bounds Schulze's O(n³) count and the size of
/// the n × n matrices shown with its result.
pub const MAX_OPTIONS: usize = 500;
/// Majority judgment needs at least a bad and a good grade…
pub const MIN_GRADE_COUNT: u8 = 2;
/// …and more than ten grades stops meaning anything distinct to voters.
pub const MAX_GRADE_COUNT: u8 = 10;

/// Why a method cannot be used with a number of options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MethodError {
    #[error("quorum of {quorum_percent}% is above 100%")]
    QuorumAbove100 { quorum_percent: u32 },
    /// A custom threshold needs `0 < numerator ≤ denominator`: a zero numerator would pass a
    /// unanimous "no", and a fraction above 1 could never be reached.
    #[error("invalid threshold {numerator}/{denominator}")]
    InvalidThreshold { numerator: u32, denominator: u32 },
    #[error("a points budget must be at least 1")]
    ZeroBudget,
    #[error("{grade_count} grades: between {MIN_GRADE_COUNT} and {MAX_GRADE_COUNT} needed")]
    GradeCountOutOfRange { grade_count: u8 },
    /// Decisions have exactly 3 options (yes, no, abstain), consents exactly 1.
    #[error("this method has exactly {expected} options, not {found}")]
    WrongOptionCount { expected: usize, found: usize },
    #[error("at least {min} options needed, {found} given")]
    TooFewOptions { min: usize, found: usize },
    #[error("at most {max} options allowed, {found} given")]
    TooManyOptions { max: usize, found: usize },
}

/// Why a ballot cannot be counted. Each variant names the offending option where there is one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BallotError {
    /// The content is for another method (e.g. a ranking in an approval poll).
    #[error("a {content} ballot does not fit a {method} poll")]
    WrongKind {
        method: &'static str,
        content: &'static str,
    },
    #[error("option {0} does not exist")]
    UnknownOption(usize),
    #[error("option {0} is ranked twice")]
    DuplicateOption(usize),
    #[error("{spent} points spent, budget is {budget}")]
    OverBudget { spent: u64, budget: u32 },
    #[error("grade {grade} given to option {option} does not exist")]
    UnknownGrade { option: usize, grade: u8 },
    /// An objection must say why: the reason is what the group discusses next.
    #[error("an objection needs a reason")]
    EmptyObjectionReason,
}

/// Checks that `method` can run a poll with `option_count` options.
///
/// Approval, points and Schulze compare options, so they need at least 2. Majority judgment
/// grades each option on an absolute scale, so grading a single proposal is meaningful and
/// 1 option is enough. Decision and consent impose their options (3 and 1). Duplicate option
/// labels are the application's concern.
pub fn validate_method(method: &Method, option_count: usize) -> Result<(), MethodError> {
    if option_count > MAX_OPTIONS {
        return Err(MethodError::TooManyOptions {
            max: MAX_OPTIONS,
            found: option_count,
        });
    }
    let at_least = |min: usize| {
        if option_count < min {
            Err(MethodError::TooFewOptions {
                min,
                found: option_count,
            })
        } else {
            Ok(())
        }
    };
    let exactly = |expected: usize| {
        if option_count == expected {
            Ok(())
        } else {
            Err(MethodError::WrongOptionCount {
                expected,
                found: option_count,
            })
        }
    };
    match *method {
        Method::Decision {
            quorum_percent,
            threshold,
        } => {
            if quorum_percent > 100 {
                return Err(MethodError::QuorumAbove100 { quorum_percent });
            }
            if let Threshold::Custom { numerator, denominator } = threshold
                && (numerator == 0 || numerator > denominator)
            {
                // numerator > denominator also catches denominator == 0 (numerator ≥ 1 here).
                return Err(MethodError::InvalidThreshold { numerator, denominator });
            }
            exactly(3)
        }
        Method::Consent => exactly(1),
        Method::Approval | Method::Schulze => at_least(2),
        Method::Points { budget } => {
            if budget == 0 {
                return Err(MethodError::ZeroBudget);
            }
            at_least(2)
        }
        Method::MajorityJudgment { grade_count } => {
            if !(MIN_GRADE_COUNT..=MAX_GRADE_COUNT).contains(&grade_count) {
                return Err(MethodError::GradeCountOutOfRange { grade_count });
            }
            at_least(1)
        }
    }
}

/// Checks that a ballot can be counted in a poll of `method` with `option_count` options.
///
/// Blank ballots are valid: no approval, no points, an empty ranking, no grades (every
/// option then gets the worst grade). A consent objection needs a non-blank reason.
pub fn validate_ballot(method: &Method, option_count: usize, content: &BallotContent) -> Result<(), BallotError> {
    let known = |option: usize| {
        if option < option_count {
            Ok(())
        } else {
            Err(BallotError::UnknownOption(option))
        }
    };
    match (method, content) {
        (Method::Decision { .. }, BallotContent::Choice(_)) => Ok(()),
        (Method::Consent, BallotContent::Consent { objection }) => match objection {
            Some(reason) if reason.trim().is_empty() => Err(BallotError::EmptyObjectionReason),
            _ => Ok(()),
        },
        (Method::Approval, BallotContent::Approvals(set)) => set.iter().try_for_each(|&o| known(o)),
        (Method::Points { budget }, BallotContent::Points(points)) => {
            points.keys().try_for_each(|&o| known(o))?;
            let spent: u64 = points.values().map(|&p| u64::from(p)).sum();
            if spent > u64::from(*budget) {
                return Err(BallotError::OverBudget { spent, budget: *budget });
            }
            Ok(())
        }
        (Method::Schulze, BallotContent::Ranking(ranking)) => {
            let mut seen = vec![false; option_count];
            for &o in ranking {
                known(o)?;
                if std::mem::replace(&mut seen[o], true) {
                    return Err(BallotError::DuplicateOption(o));
                }
            }
            Ok(())
        }
        (Method::MajorityJudgment { grade_count }, BallotContent::Grades(grades)) => {
            for (&option, &grade) in grades {
                known(option)?;
                if grade >= *grade_count {
                    return Err(BallotError::UnknownGrade { option, grade });
                }
            }
            Ok(())
        }
        _ => Err(BallotError::WrongKind {
            method: method.kind(),
            content: content.kind(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::super::Choice;
    use super::*;

    const DECISION: Method = Method::Decision {
        quorum_percent: 50,
        threshold: Threshold::SimpleMajority,
    };
    const MJ: Method = Method::MajorityJudgment { grade_count: 6 };

    #[test]
    fn valid_methods_pass() {
        assert_eq!(validate_method(&DECISION, 3), Ok(()));
        let custom = Threshold::Custom {
            numerator: 3,
            denominator: 3,
        };
        assert_eq!(
            validate_method(
                &Method::Decision {
                    quorum_percent: 100,
                    threshold: custom
                },
                3
            ),
            Ok(())
        );
        assert_eq!(validate_method(&Method::Consent, 1), Ok(()));
        assert_eq!(validate_method(&Method::Approval, 2), Ok(()));
        assert_eq!(validate_method(&Method::Points { budget: 1 }, MAX_OPTIONS), Ok(()));
        assert_eq!(validate_method(&Method::Schulze, 2), Ok(()));
        assert_eq!(validate_method(&MJ, 1), Ok(()));
        assert_eq!(validate_method(&Method::MajorityJudgment { grade_count: 2 }, 4), Ok(()));
        assert_eq!(
            validate_method(&Method::MajorityJudgment { grade_count: 10 }, 4),
            Ok(())
        );
    }

    #[test]
    fn each_method_error() {
        let decision = |quorum_percent, threshold| Method::Decision {
            quorum_percent,
            threshold,
        };
        assert_eq!(
            validate_method(&decision(101, Threshold::TwoThirds), 3),
            Err(MethodError::QuorumAbove100 { quorum_percent: 101 })
        );
        for (numerator, denominator) in [(1, 0), (0, 2), (3, 2), (0, 0)] {
            assert_eq!(
                validate_method(&decision(0, Threshold::Custom { numerator, denominator }), 3),
                Err(MethodError::InvalidThreshold { numerator, denominator })
            );
        }
        assert_eq!(
            validate_method(&DECISION, 2),
            Err(MethodError::WrongOptionCount { expected: 3, found: 2 })
        );
        assert_eq!(
            validate_method(&Method::Consent, 2),
            Err(MethodError::WrongOptionCount { expected: 1, found: 2 })
        );
        assert_eq!(
            validate_method(&Method::Points { budget: 0 }, 3),
            Err(MethodError::ZeroBudget)
        );
        for grade_count in [0, 1, 11] {
            assert_eq!(
                validate_method(&Method::MajorityJudgment { grade_count }, 3),
                Err(MethodError::GradeCountOutOfRange { grade_count })
            );
        }
        for method in [Method::Approval, Method::Schulze, Method::Points { budget: 3 }] {
            assert_eq!(
                validate_method(&method, 1),
                Err(MethodError::TooFewOptions { min: 2, found: 1 })
            );
        }
        assert_eq!(
            validate_method(&MJ, 0),
            Err(MethodError::TooFewOptions { min: 1, found: 0 })
        );
        assert_eq!(
            validate_method(&Method::Approval, MAX_OPTIONS + 1),
            Err(MethodError::TooManyOptions {
                max: MAX_OPTIONS,
                found: MAX_OPTIONS + 1
            })
        );
    }

    #[test]
    fn valid_ballots_pass_including_blank_ones() {
        let ok = |m: &Method, n, c: BallotContent| assert_eq!(validate_ballot(m, n, &c), Ok(()));
        ok(&DECISION, 3, BallotContent::Choice(Choice::Abstain));
        ok(&Method::Consent, 1, BallotContent::Consent { objection: None });
        ok(
            &Method::Consent,
            1,
            BallotContent::Consent {
                objection: Some("too costly".into()),
            },
        );
        ok(&Method::Approval, 3, BallotContent::Approvals([0, 2].into()));
        ok(&Method::Approval, 3, BallotContent::Approvals([].into()));
        ok(
            &Method::Points { budget: 5 },
            3,
            BallotContent::Points([(0, 2), (2, 3)].into()),
        );
        ok(&Method::Schulze, 3, BallotContent::Ranking(vec![2, 0]));
        ok(&Method::Schulze, 3, BallotContent::Ranking(vec![]));
        ok(&MJ, 3, BallotContent::Grades([(0, 5), (1, 0)].into()));
        ok(&MJ, 3, BallotContent::Grades([].into()));
    }

    #[test]
    fn each_ballot_error() {
        let check = |m: &Method, c: BallotContent| validate_ballot(m, 3, &c);
        assert_eq!(
            check(&Method::Approval, BallotContent::Ranking(vec![0])),
            Err(BallotError::WrongKind {
                method: "approval",
                content: "schulze"
            })
        );
        assert_eq!(
            check(&DECISION, BallotContent::Consent { objection: None }),
            Err(BallotError::WrongKind {
                method: "decision",
                content: "consent"
            })
        );
        assert_eq!(
            check(&Method::Approval, BallotContent::Approvals([1, 3].into())),
            Err(BallotError::UnknownOption(3))
        );
        assert_eq!(
            check(&Method::Points { budget: 9 }, BallotContent::Points([(4, 1)].into())),
            Err(BallotError::UnknownOption(4))
        );
        assert_eq!(
            check(&Method::Schulze, BallotContent::Ranking(vec![0, 3])),
            Err(BallotError::UnknownOption(3))
        );
        assert_eq!(
            check(&MJ, BallotContent::Grades([(5, 1)].into())),
            Err(BallotError::UnknownOption(5))
        );
        assert_eq!(
            check(&Method::Schulze, BallotContent::Ranking(vec![1, 0, 1])),
            Err(BallotError::DuplicateOption(1))
        );
        assert_eq!(
            check(
                &Method::Points { budget: 5 },
                BallotContent::Points([(0, 3), (1, 3)].into())
            ),
            Err(BallotError::OverBudget { spent: 6, budget: 5 })
        );
        // Large point counts are summed without overflow.
        assert_eq!(
            check(
                &Method::Points { budget: 5 },
                BallotContent::Points([(0, u32::MAX), (1, 1)].into())
            ),
            Err(BallotError::OverBudget {
                spent: u64::from(u32::MAX) + 1,
                budget: 5
            })
        );
        assert_eq!(
            check(&MJ, BallotContent::Grades([(0, 1), (2, 6)].into())),
            Err(BallotError::UnknownGrade { option: 2, grade: 6 })
        );
        for blank in ["", "   ", "\n\t"] {
            assert_eq!(
                check(
                    &Method::Consent,
                    BallotContent::Consent {
                        objection: Some(blank.into())
                    }
                ),
                Err(BallotError::EmptyObjectionReason)
            );
        }
    }
}
