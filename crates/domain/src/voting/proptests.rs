//! Invariants of every method, on random polls.

use super::*;
use proptest::collection::{btree_set, vec};
use proptest::prelude::*;
use proptest::sample::Index;

const ELECTORATE: u64 = 20;

fn content(method: Method, n: usize) -> BoxedStrategy<BallotContent> {
    match method {
        Method::Decision { .. } => prop_oneof![Just(Choice::Yes), Just(Choice::No), Just(Choice::Abstain)]
            .prop_map(BallotContent::Choice)
            .boxed(),
        Method::Consent => proptest::option::weighted(0.2, prop_oneof![Just("cost"), Just("licence")])
            .prop_map(|reason| BallotContent::Consent {
                objection: reason.map(str::to_string),
            })
            .boxed(),
        Method::Approval => btree_set(0..n, 0..=n).prop_map(BallotContent::Approvals).boxed(),
        Method::Points { budget } => vec(0..=budget, n)
            .prop_map(move |wished| {
                // Give what was wished for while the budget lasts.
                let mut left = budget;
                let mut points = BTreeMap::new();
                for (option, p) in wished.into_iter().enumerate() {
                    let p = p.min(left);
                    left -= p;
                    points.insert(option, p);
                }
                BallotContent::Points(points)
            })
            .boxed(),
        Method::Schulze => (Just((0..n).collect::<Vec<_>>()).prop_shuffle(), 0..=n)
            .prop_map(|(mut order, len)| {
                order.truncate(len);
                BallotContent::Ranking(order)
            })
            .boxed(),
        Method::MajorityJudgment { grade_count } => vec(proptest::option::of(0..grade_count), n)
            .prop_map(|grades| {
                let graded = grades.into_iter().enumerate().filter_map(|(o, g)| Some((o, g?)));
                BallotContent::Grades(graded.collect())
            })
            .boxed(),
    }
}

fn ballots(method: Method, n: usize, max_weight: u64) -> impl Strategy<Value = Vec<Ballot>> {
    vec((0..=max_weight, content(method, n)), 0..12).prop_map(|v| {
        v.into_iter()
            .map(|(weight, content)| Ballot { weight, content })
            .collect()
    })
}

fn method() -> impl Strategy<Value = Method> {
    prop_oneof![
        Just(Method::Decision {
            quorum_percent: 30,
            threshold: Threshold::SimpleMajority
        }),
        Just(Method::Decision {
            quorum_percent: 0,
            threshold: Threshold::TwoThirds
        }),
        Just(Method::Consent),
        Just(Method::Approval),
        Just(Method::Points { budget: 10 }),
        Just(Method::Schulze),
        Just(Method::MajorityJudgment { grade_count: 4 }),
    ]
}

fn poll() -> impl Strategy<Value = (Method, usize, Vec<Ballot>)> {
    (method(), 2usize..=5).prop_flat_map(|(m, n)| {
        let n = m.fixed_option_count().unwrap_or(n);
        (Just(m), Just(n), ballots(m, n, 4))
    })
}

/// Objections listed without their ballot position: order and indices are the only part
/// of a tally that legitimately depends on ballot order.
fn objections_as_set(mut t: Tally) -> Tally {
    if let Details::Consent { objections, .. } = &mut t.details {
        for o in objections.iter_mut() {
            o.ballot = 0;
        }
        objections.sort_by(|a, b| (&a.reason, a.weight).cmp(&(&b.reason, b.weight)));
    }
    t
}

/// Only weights: drops ballot counts and merges objections with the same reason.
fn weights_only(mut t: Tally) -> Tally {
    t.ballots = 0;
    if let Details::Consent {
        consents, objections, ..
    } = &mut t.details
    {
        *consents = 0;
        let mut merged: BTreeMap<String, u64> = BTreeMap::new();
        for o in objections.drain(..) {
            *merged.entry(o.reason).or_default() += o.weight;
        }
        *objections = merged
            .into_iter()
            .map(|(reason, weight)| Objection {
                ballot: 0,
                weight,
                reason,
            })
            .collect();
    }
    t
}

/// d[i][j] computed directly from positions, independently of the Schulze module.
fn pairwise(n: usize, ballots: &[Ballot]) -> Vec<Vec<u64>> {
    let mut d = vec![vec![0u64; n]; n];
    for b in ballots {
        let BallotContent::Ranking(r) = &b.content else {
            unreachable!()
        };
        let pos = |o: usize| r.iter().position(|&x| x == o).unwrap_or(n);
        for (i, row) in d.iter_mut().enumerate() {
            for (j, cell) in row.iter_mut().enumerate() {
                if pos(i) < pos(j) {
                    *cell += b.weight;
                }
            }
        }
    }
    d
}

/// Widest path by trying every simple path (small n only).
fn widest_path(d: &[Vec<u64>], from: usize, to: usize) -> u64 {
    fn walk(d: &[Vec<u64>], at: usize, to: usize, width: u64, seen: &mut Vec<bool>) -> u64 {
        if at == to {
            return width;
        }
        let mut best = 0;
        for next in 0..d.len() {
            if !seen[next] && d[at][next] > d[next][at] {
                seen[next] = true;
                best = best.max(walk(d, next, to, width.min(d[at][next]), seen));
                seen[next] = false;
            }
        }
        best
    }
    let mut seen = vec![false; d.len()];
    seen[from] = true;
    walk(d, from, to, u64::MAX, &mut seen)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn every_tally_is_consistent((m, n, ballots) in poll()) {
        let t = tally(&m, n, ELECTORATE, &ballots);
        prop_assert_eq!(t.ignored, 0);
        prop_assert_eq!(t.ballots, ballots.len() as u64);
        prop_assert_eq!(t.weight, ballots.iter().map(|b| b.weight).sum::<u64>());
        let mut sorted = t.ranking.clone();
        sorted.sort_unstable();
        prop_assert_eq!(sorted, (0..n).collect::<Vec<_>>());
        prop_assert_eq!(&t.ranking[..t.winners.len()], t.winners.as_slice());
        prop_assert_eq!(t.passed.is_some(), matches!(m, Method::Decision { .. } | Method::Consent));
        if t.weight == 0 && !matches!(m, Method::Consent) {
            prop_assert!(t.winners.is_empty());
        }
    }

    #[test]
    fn ballot_order_does_not_matter(
        (m, n, ballots, shuffled) in poll().prop_flat_map(|(m, n, b)| {
            (Just(m), Just(n), Just(b.clone()), Just(b).prop_shuffle())
        })
    ) {
        prop_assert_eq!(
            objections_as_set(tally(&m, n, ELECTORATE, &ballots)),
            objections_as_set(tally(&m, n, ELECTORATE, &shuffled))
        );
    }

    #[test]
    fn a_heavy_ballot_equals_identical_lighter_ones(
        (m, n, ballots) in poll(), which in any::<Index>(), cut in any::<Index>()
    ) {
        let heavy: Vec<usize> = (0..ballots.len()).filter(|&i| ballots[i].weight >= 2).collect();
        if heavy.is_empty() {
            return Ok(());
        }
        let i = heavy[which.index(heavy.len())];
        let w = ballots[i].weight;
        let first = 1 + cut.index(w as usize - 1) as u64; // 1..w
        let mut split = ballots.clone();
        split[i].weight = first;
        split.insert(i + 1, Ballot { weight: w - first, content: ballots[i].content.clone() });
        prop_assert_eq!(
            weights_only(tally(&m, n, ELECTORATE, &ballots)),
            weights_only(tally(&m, n, ELECTORATE, &split))
        );
    }

    #[test]
    fn approval_totals_are_weighted_sums(
        (n, ballots) in (2usize..=6).prop_flat_map(|n| (Just(n), ballots(Method::Approval, n, 5)))
    ) {
        let t = tally(&Method::Approval, n, ELECTORATE, &ballots);
        let expected: Vec<u64> = (0..n)
            .map(|o| {
                ballots
                    .iter()
                    .filter(|b| matches!(&b.content, BallotContent::Approvals(s) if s.contains(&o)))
                    .map(|b| b.weight)
                    .sum()
            })
            .collect();
        let Details::Approval { approvals, .. } = &t.details else { unreachable!() };
        prop_assert_eq!(approvals, &expected);
    }

    #[test]
    fn points_totals_are_weighted_sums(
        (n, ballots) in (2usize..=6).prop_flat_map(|n| (Just(n), ballots(Method::Points { budget: 10 }, n, 5)))
    ) {
        let t = tally(&Method::Points { budget: 10 }, n, ELECTORATE, &ballots);
        let mut expected = vec![0u64; n];
        for b in &ballots {
            let BallotContent::Points(p) = &b.content else { unreachable!() };
            for (&o, &pts) in p {
                expected[o] += b.weight * u64::from(pts);
            }
        }
        let Details::Points { points, .. } = &t.details else { unreachable!() };
        prop_assert_eq!(points, &expected);
        let top = expected.iter().copied().max().unwrap_or(0);
        let best: Vec<usize> = (0..n).filter(|&o| top > 0 && expected[o] == top).collect();
        prop_assert_eq!(t.winners, best);
    }

    #[test]
    fn a_condorcet_winner_wins_schulze_alone(
        (n, ballots) in (3usize..=6).prop_flat_map(|n| (Just(n), ballots(Method::Schulze, n, 3)))
    ) {
        let t = tally(&Method::Schulze, n, ELECTORATE, &ballots);
        let d = pairwise(n, &ballots);
        let Details::Schulze { pairwise: got, .. } = &t.details else { unreachable!() };
        prop_assert_eq!(got, &d);
        let condorcet = (0..n).find(|&x| (0..n).all(|y| y == x || d[x][y] > d[y][x]));
        if let Some(x) = condorcet {
            prop_assert_eq!(t.winners, vec![x]);
            prop_assert_eq!(t.ranking[0], x);
        }
    }

    #[test]
    fn schulze_paths_are_widest_and_ranking_respects_them(
        (n, ballots) in (2usize..=5).prop_flat_map(|n| (Just(n), ballots(Method::Schulze, n, 3)))
    ) {
        let t = tally(&Method::Schulze, n, ELECTORATE, &ballots);
        let Details::Schulze { pairwise: d, strongest_paths: p, .. } = &t.details else { unreachable!() };
        for (i, row) in p.iter().enumerate() {
            for (j, &strength) in row.iter().enumerate() {
                let expected = if i == j { 0 } else { widest_path(d, i, j) };
                prop_assert_eq!(strength, expected, "p[{}][{}]", i, j);
            }
        }
        // Nobody is ranked above an option that beats it.
        for (a, &x) in t.ranking.iter().enumerate() {
            for &y in &t.ranking[a + 1..] {
                prop_assert!(p[y][x] <= p[x][y], "{} ranked above {} which beats it", x, y);
            }
        }
        let any_preference = d.iter().flatten().any(|&w| w > 0);
        prop_assert_eq!(t.winners.is_empty(), !any_preference);
        for &w in &t.winners {
            prop_assert!((0..n).all(|y| p[w][y] >= p[y][w]));
        }
    }
}
