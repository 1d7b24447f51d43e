//! Majority judgment (Balinski & Laraki, "A theory of measuring, electing, and ranking",
//! PNAS 2007; "Majority Judgment", MIT Press 2011).
//!
//! Each voter grades options from 0 (worst, "To reject") to `grade_count - 1` (best). An
//! option a ballot leaves ungraded gets grade 0 from it, so every option is judged by the
//! same total weight W.
//!
//! - Majority grade: the lower median. Listing an option's W grades from worst to best, it is
//!   the one at position ⌈W/2⌉ (1-based): with an even W the lower of the two middle grades.
//! - Order: the majority value, i.e. the sequence of majority grades obtained by repeatedly
//!   removing one majority grade, compared lexicographically (Balinski & Laraki's tie-break).
//!   It is computed exactly from the weighted distributions, without expanding them into W
//!   grades and without floats: the removed grades walk outwards from ⌈W/2⌉, alternately
//!   below and above, so the first difference between two options is found per grade
//!   boundary in O(grade_count).
//! - Two options are fully tied only when their distributions are identical; then the lower
//!   option index comes first, and if tied first both are winners. No weight, no winner.

use super::{BallotContent, Counted, Details, Outcome, TieBreak};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// How one option was graded.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MeritProfile {
    /// Weight per grade, worst (0) first; ungraded counts as grade 0. Sums to the tally weight.
    pub distribution: Vec<u64>,
    /// The lower median grade.
    pub majority_grade: u8,
    /// Weight strictly above and strictly below the majority grade: Balinski and Laraki's
    /// "majority gauge", which settles most ties at a glance.
    pub above: u64,
    pub below: u64,
}

/// Why one option is ranked just ahead of the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Separation {
    /// How many majority grades were removed from both before they differed: 0 when the
    /// majority grades themselves differ.
    pub removed: u64,
    /// The majority grades at that point, of the option ahead and of the option behind.
    pub higher_grade: u8,
    pub lower_grade: u8,
}

pub(super) fn tally(grade_count: u8, option_count: usize, ballots: &[Counted<'_>]) -> Outcome {
    // At least one grade, so that an invalid `grade_count` of 0 cannot make indexing panic.
    let g = usize::from(grade_count.max(1));
    let mut dist = vec![0u64; option_count * g];
    let mut total = 0u64;
    for ballot in ballots {
        let BallotContent::Grades(grades) = ballot.content else {
            continue;
        };
        total = total.saturating_add(ballot.weight);
        for (&option, &grade) in grades {
            let cell = &mut dist[option * g + usize::from(grade)];
            *cell = cell.saturating_add(ballot.weight);
        }
    }
    let profiles: Vec<MeritProfile> = dist
        .chunks_mut(g)
        .map(|d| {
            let explicit = d.iter().fold(0u64, |s, &w| s.saturating_add(w));
            d[0] = d[0].saturating_add(total.saturating_sub(explicit));
            profile(d, total)
        })
        .collect();

    let mut ranking: Vec<usize> = (0..option_count).collect();
    let dist_of = |o: usize| profiles[o].distribution.as_slice();
    // Stable sort, better first: fully tied options keep index order.
    ranking.sort_by(|&x, &y| compare(dist_of(y), dist_of(x), total).map_or(Ordering::Equal, |(o, _)| o));
    let separations: Vec<Option<Separation>> = ranking
        .windows(2)
        .map(|pair| compare(dist_of(pair[0]), dist_of(pair[1]), total).map(|(_, s)| s))
        .collect();
    let winners = if total == 0 {
        Vec::new()
    } else {
        let tied_first = separations.iter().take_while(|s| s.is_none()).count();
        ranking[..(tied_first + 1).min(ranking.len())].to_vec()
    };
    Outcome {
        ranking,
        winners,
        passed: None,
        details: Details::MajorityJudgment {
            grade_count,
            profiles,
            separations,
            tie_break: TieBreak::LowerOptionIndex,
        },
    }
}

fn profile(distribution: &[u64], total: u64) -> MeritProfile {
    let majority_grade = if total == 0 {
        0
    } else {
        grade_at(distribution, total - total / 2)
    };
    let mg = usize::from(majority_grade);
    let sum = |s: &[u64]| s.iter().fold(0u64, |acc, &w| acc.saturating_add(w));
    MeritProfile {
        distribution: distribution.to_vec(),
        majority_grade,
        above: sum(&distribution[mg + 1..]),
        below: sum(&distribution[..mg]),
    }
}

/// The grade at 1-based position `p` when the grades are listed worst first.
fn grade_at(distribution: &[u64], p: u64) -> u8 {
    let mut cumulative = 0u64;
    for (grade, &w) in distribution.iter().enumerate() {
        cumulative = cumulative.saturating_add(w);
        if cumulative >= p {
            return grade as u8;
        }
    }
    distribution.len().saturating_sub(1) as u8
}

/// Compares the majority values of two distributions of the same total weight: `Greater`
/// when `a` is better. `None` when identical (a genuine tie).
///
/// Listing grades worst first at positions 1..=W with c = ⌈W/2⌉, the successive majority
/// grades sit at positions c, then alternately further below and above: for an even W
/// c, c+1, c−1, c+2, c−2…; for an odd W c, c−1, c+1, c−2, c+2…. The step at which position p
/// is removed is therefore known in closed form, and the two options differ exactly at the
/// positions between their cumulative counts at some grade boundary. The earliest such
/// step decides.
fn compare(a: &[u64], b: &[u64], total: u64) -> Option<(Ordering, Separation)> {
    let c = total - total / 2;
    let even = total.is_multiple_of(2);
    let step = |p: u64| -> u64 {
        if p <= c {
            let below = (c - p).saturating_mul(2);
            if even { below } else { below.saturating_sub(1) }
        } else {
            let above = (p - c).saturating_mul(2);
            if even { above - 1 } else { above }
        }
    };
    let mut first: Option<(u64, u64)> = None; // (step, position)
    let (mut ca, mut cb) = (0u64, 0u64);
    // The last boundary is W for both: only the ones between grades can differ.
    for (&wa, &wb) in a.iter().zip(b).take(a.len().min(b.len()).saturating_sub(1)) {
        ca = ca.saturating_add(wa);
        cb = cb.saturating_add(wb);
        let (lo, hi) = (ca.min(cb), ca.max(cb));
        if lo == hi {
            continue;
        }
        // Positions lo+1..=hi have a grade above this boundary in one option and not in the
        // other; on each side of c, only the one nearest c can come first.
        let nearest_below = (lo < c).then(|| hi.min(c));
        let nearest_above = (hi > c).then(|| (lo + 1).max(c + 1));
        for p in [nearest_below, nearest_above].into_iter().flatten() {
            let s = step(p);
            if first.is_none_or(|(best, _)| s < best) {
                first = Some((s, p));
            }
        }
    }
    let (removed, p) = first?;
    let (ga, gb) = (grade_at(a, p), grade_at(b, p));
    Some((
        ga.cmp(&gb),
        Separation {
            removed,
            higher_grade: ga.max(gb),
            lower_grade: ga.min(gb),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::super::{Ballot, Method, Tally, tally};
    use super::*;
    use proptest::prelude::*;

    fn grades(weight: u64, grades: &[u8]) -> Ballot {
        let map = grades.iter().enumerate().map(|(o, &g)| (o, g)).collect();
        Ballot {
            weight,
            content: BallotContent::Grades(map),
        }
    }

    fn details(t: &Tally) -> (&[MeritProfile], &[Option<Separation>]) {
        match &t.details {
            Details::MajorityJudgment {
                profiles, separations, ..
            } => (profiles, separations),
            _ => panic!("not a majority judgment tally"),
        }
    }

    /// Wikipedia, "Majority judgment": the Tennessee capital. Each city's voters grade the
    /// cities by distance: nearest Excellent, then Good, Fair, Poor.
    #[test]
    fn tennessee_example() {
        let (poor, fair, good, excellent) = (0, 1, 2, 3);
        // Options: Memphis, Nashville, Chattanooga, Knoxville.
        let ballots = [
            grades(42, &[excellent, good, fair, poor]),
            grades(26, &[poor, excellent, good, fair]),
            grades(15, &[poor, fair, excellent, good]),
            grades(17, &[poor, fair, good, excellent]),
        ];
        let t = tally(&Method::MajorityJudgment { grade_count: 4 }, 4, 100, &ballots);
        let (profiles, separations) = details(&t);
        let dists: Vec<&[u64]> = profiles.iter().map(|p| p.distribution.as_slice()).collect();
        assert_eq!(
            dists,
            [
                &[58, 0, 0, 42][..],
                &[0, 32, 42, 26],
                &[0, 42, 43, 15],
                &[42, 26, 15, 17]
            ]
        );
        let majority: Vec<u8> = profiles.iter().map(|p| p.majority_grade).collect();
        assert_eq!(majority, [poor, good, good, fair]);
        assert_eq!((profiles[1].above, profiles[1].below), (26, 32));
        assert_eq!((profiles[2].above, profiles[2].below), (15, 42));
        // Nashville, Chattanooga, Knoxville, Memphis.
        assert_eq!(t.ranking, vec![1, 2, 3, 0]);
        assert_eq!(t.winners, vec![1]);
        // Nashville and Chattanooga share "Good" until 16 grades are removed (positions 50,
        // 51, 49, … 43, 58), then position 42 is Good for Nashville, Fair for Chattanooga.
        assert_eq!(
            separations,
            [
                Some(Separation {
                    removed: 16,
                    higher_grade: good,
                    lower_grade: fair
                }),
                Some(Separation {
                    removed: 0,
                    higher_grade: good,
                    lower_grade: fair
                }),
                Some(Separation {
                    removed: 0,
                    higher_grade: fair,
                    lower_grade: poor
                }),
            ]
        );
    }

    /// Hand-computed: A = {1,3,3,3,5}, B = {2,3,3,3,4}. Same majority grade 3 and the same
    /// gauge (1 above, 1 below), so the full tie-break is needed. Removing 3s: A {1,3,3,5},
    /// B {2,3,3,4} → 3 and 3; A {1,3,5}, B {2,3,4} → 3 and 3; A {1,5}, B {2,4} → lower
    /// medians 1 and 2: B wins after 3 removals.
    #[test]
    fn hand_computed_tie_break_beyond_the_gauge() {
        let ballots = [
            grades(1, &[1, 2, 1]),
            grades(1, &[3, 3, 3]),
            grades(1, &[3, 3, 3]),
            grades(1, &[3, 3, 3]),
            grades(1, &[5, 4, 5]),
        ];
        let t = tally(&Method::MajorityJudgment { grade_count: 6 }, 3, 5, &ballots);
        let (profiles, separations) = details(&t);
        assert!(
            profiles
                .iter()
                .all(|p| (p.majority_grade, p.above, p.below) == (3, 1, 1))
        );
        // A (0) and C (2) have identical distributions: genuinely tied, index order.
        assert_eq!(t.ranking, vec![1, 0, 2]);
        assert_eq!(t.winners, vec![1]);
        assert_eq!(
            separations,
            [
                Some(Separation {
                    removed: 3,
                    higher_grade: 2,
                    lower_grade: 1
                }),
                None
            ]
        );
    }

    #[test]
    fn even_weight_takes_the_lower_median() {
        // A gets {1, 4}: lower median 1. B gets {2, 2}: 2. An upper median would elect A.
        let t = tally(
            &Method::MajorityJudgment { grade_count: 6 },
            2,
            2,
            &[grades(1, &[1, 2]), grades(1, &[4, 2])],
        );
        let (profiles, _) = details(&t);
        assert_eq!((profiles[0].majority_grade, profiles[1].majority_grade), (1, 2));
        assert_eq!(t.winners, vec![1]);
    }

    #[test]
    fn ungraded_options_get_the_worst_grade() {
        let ballot = Ballot {
            weight: 2,
            content: BallotContent::Grades([(1, 4)].into()),
        };
        let t = tally(&Method::MajorityJudgment { grade_count: 5 }, 3, 2, &[ballot]);
        let (profiles, _) = details(&t);
        assert_eq!(profiles[0].distribution, vec![2, 0, 0, 0, 0]);
        assert_eq!(profiles[1].distribution, vec![0, 0, 0, 0, 2]);
        assert_eq!((t.winners, t.ranking), (vec![1], vec![1, 0, 2]));
    }

    #[test]
    fn identical_distributions_are_all_winners() {
        let t = tally(
            &Method::MajorityJudgment { grade_count: 3 },
            3,
            2,
            &[grades(1, &[2, 0, 2]), grades(1, &[1, 1, 1])],
        );
        assert_eq!((t.winners, t.ranking), (vec![0, 2], vec![0, 2, 1]));
    }

    #[test]
    fn empty_poll_and_single_ballot() {
        let t = tally(&Method::MajorityJudgment { grade_count: 6 }, 3, 4, &[]);
        assert_eq!((t.winners.len(), t.ranking.clone()), (0, vec![0, 1, 2]));
        assert_eq!(details(&t).1, [None, None]);
        let t = tally(
            &Method::MajorityJudgment { grade_count: 6 },
            3,
            4,
            &[grades(1, &[2, 5, 3])],
        );
        assert_eq!((t.winners, t.ranking), (vec![1], vec![1, 2, 0]));
    }

    /// The majority value computed the long way: expand, remove medians one by one.
    fn majority_value(distribution: &[u64]) -> Vec<u8> {
        let mut grades: Vec<u8> = distribution
            .iter()
            .enumerate()
            .flat_map(|(g, &w)| std::iter::repeat_n(g as u8, w as usize))
            .collect();
        let mut value = Vec::new();
        while !grades.is_empty() {
            value.push(grades.remove(grades.len().div_ceil(2) - 1));
        }
        value
    }

    fn two_distributions() -> impl Strategy<Value = (Vec<u64>, Vec<u64>)> {
        (2usize..=6, 0u64..=14).prop_flat_map(|(g, w)| {
            let voters = proptest::collection::vec((0..g, 0..g), w as usize);
            voters.prop_map(move |pairs| {
                let (mut a, mut b) = (vec![0u64; g], vec![0u64; g]);
                for (ga, gb) in pairs {
                    a[ga] += 1;
                    b[gb] += 1;
                }
                (a, b)
            })
        })
    }

    proptest! {
        #[test]
        fn exact_comparison_matches_removing_medians_one_by_one((a, b) in two_distributions()) {
            let total: u64 = a.iter().sum();
            let (va, vb) = (majority_value(&a), majority_value(&b));
            let expected = vb.cmp(&va).reverse();
            match compare(&a, &b, total) {
                None => prop_assert_eq!(&va, &vb),
                Some((order, sep)) => {
                    prop_assert_eq!(order, expected);
                    prop_assert_ne!(order, Ordering::Equal);
                    let k = va.iter().zip(&vb).position(|(x, y)| x != y).unwrap();
                    prop_assert_eq!(sep.removed, k as u64);
                    prop_assert_eq!(sep.higher_grade, va[k].max(vb[k]));
                    prop_assert_eq!(sep.lower_grade, va[k].min(vb[k]));
                }
            }
            prop_assert_eq!(profile(&a, total).majority_grade, va.first().copied().unwrap_or(0));
        }
    }
}
