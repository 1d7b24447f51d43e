//! The Schulze method on ranked ballots (Markus Schulze, "A new monotonic, clone-independent,
//! reversal symmetric, and Condorcet-consistent single-winner election method", 2011).
//!
//! 1. `d[i][j]`: weight of the voters who rank i above j. Options a voter did not rank are
//!    tied below every ranked one; an empty ranking expresses nothing.
//! 2. `p[i][j]`: strength of the strongest (widest) path from i to j, where the link i→j
//!    exists with strength `d[i][j]` when `d[i][j] > d[j][i]` ("winning votes"). Computed with
//!    the Floyd–Warshall variant.
//! 3. x beats y when `p[x][y] > p[y][x]`; Schulze proves this relation transitive.
//!    Winners: every x beaten by nobody (`p[x][y] ≥ p[y][x]` for all y); none when no ballot
//!    expressed any preference.
//! 4. Ranking: fewer options beating it first, then more options beaten, then lower option
//!    index. Sorting on "beaten by" first guarantees that the winners come first and that
//!    the order extends the beat relation (if x beats y, whatever beats x beats y too, so y
//!    has strictly more losses). When no two strengths tie — the usual case — the relation
//!    is complete and this is exactly the order by number of options beaten.
//!
//! Cost: O(ballots·n²) for `d`, O(n³) for `p`, in two flat n×n buffers.

use super::{BallotContent, Counted, Details, Outcome, TieBreak};
use std::cmp::{Ordering, Reverse};

pub(super) fn tally(option_count: usize, ballots: &[Counted<'_>]) -> Outcome {
    let n = option_count;
    let (d, p) = matrices(n, ballots);
    let mut wins = vec![0u32; n];
    let mut losses = vec![0u32; n];
    for x in 0..n {
        for y in x + 1..n {
            match p[x * n + y].cmp(&p[y * n + x]) {
                Ordering::Greater => {
                    wins[x] += 1;
                    losses[y] += 1;
                }
                Ordering::Less => {
                    wins[y] += 1;
                    losses[x] += 1;
                }
                Ordering::Equal => {}
            }
        }
    }
    let mut ranking: Vec<usize> = (0..n).collect();
    // Stable: equal (losses, wins) keep index order, the documented tie-break.
    ranking.sort_by_key(|&o| (losses[o], Reverse(wins[o])));
    let winners = if d.iter().any(|&w| w > 0) {
        ranking.iter().copied().take_while(|&o| losses[o] == 0).collect()
    } else {
        Vec::new()
    };
    let rows = |m: &[u64]| m.chunks(n.max(1)).map(<[u64]>::to_vec).collect();
    Outcome {
        ranking,
        winners,
        passed: None,
        details: Details::Schulze {
            pairwise: rows(&d),
            strongest_paths: rows(&p),
            wins,
            losses,
            tie_break: TieBreak::LowerOptionIndex,
        },
    }
}

/// An integer type the two matrices are computed in.
///
/// Every entry is at most the total weight, so when that fits in `u32` (always, in
/// practice: weights are organisation sizes) the counts run in `u32`: twice as many lanes
/// per SIMD register, and baseline x86-64 has no 64-bit compare, min or max. Measured with
/// 200 options × 2 000 ballots: the pairwise count ran ~2× and the strongest paths ~5×
/// faster than in `u64`.
trait Strength: Copy + Ord + Default + Into<u64> + TryFrom<u64> {
    /// Adds a weight. In `u32` the sum cannot overflow (it is at most the total weight,
    /// checked to fit) and a plain add keeps the loop vectorised; `u64` saturates.
    fn accumulate(self, w: Self) -> Self;
}

impl Strength for u32 {
    fn accumulate(self, w: u32) -> u32 {
        self + w
    }
}

impl Strength for u64 {
    fn accumulate(self, w: u64) -> u64 {
        self.saturating_add(w)
    }
}

/// `d` and `p` as flat n×n buffers, row i at `i·n..(i+1)·n`.
fn matrices(n: usize, ballots: &[Counted<'_>]) -> (Vec<u64>, Vec<u64>) {
    fn run<T: Strength>(n: usize, ballots: &[Counted<'_>]) -> (Vec<u64>, Vec<u64>) {
        let d = pairwise::<T>(n, ballots);
        let p = strongest_paths(n, &d);
        let widen = |m: Vec<T>| m.into_iter().map(Into::into).collect();
        (widen(d), widen(p))
    }
    let total = ballots.iter().try_fold(0u64, |sum, b| sum.checked_add(b.weight));
    if total.is_some_and(|t| t <= u64::from(u32::MAX)) {
        run::<u32>(n, ballots)
    } else {
        run::<u64>(n, ballots)
    }
}

/// `d[i·n + j]`: weight of voters ranking i above j.
fn pairwise<T: Strength>(n: usize, ballots: &[Counted<'_>]) -> Vec<T> {
    let zero = T::default();
    let mut d = vec![zero; n * n];
    // Position of each option on the current ballot, unranked ones all at `n` (tied last).
    // Reused across ballots: no allocation per ballot. `u32` positions (n ≤ MAX_OPTIONS in
    // practice) keep the comparison below in narrow SIMD lanes.
    let unranked = u32::try_from(n).unwrap_or(u32::MAX);
    let mut pos = vec![unranked; n];
    for ballot in ballots {
        let BallotContent::Ranking(ranking) = ballot.content else {
            continue;
        };
        let Ok(w) = T::try_from(ballot.weight) else {
            continue;
        };
        if w == zero || ranking.is_empty() {
            continue;
        }
        pos.fill(unranked);
        for (rank, &o) in ranking.iter().enumerate() {
            pos[o] = u32::try_from(rank).unwrap_or(u32::MAX);
        }
        for &i in ranking {
            let p_i = pos[i];
            // The whole row against all positions, in memory order and branch-free, so it
            // vectorises: measured 2.5× faster than adding into the row in ranking order.
            let row = &mut d[i * n..(i + 1) * n];
            for (d_ij, &p_j) in row.iter_mut().zip(&pos) {
                *d_ij = d_ij.accumulate(if p_i < p_j { w } else { zero });
            }
        }
    }
    d
}

/// `p[i·n + j]`: strength of the strongest path from i to j (widest path, Floyd–Warshall).
fn strongest_paths<T: Strength>(n: usize, d: &[T]) -> Vec<T> {
    let zero = T::default();
    let mut p = vec![zero; n * n];
    for i in 0..n {
        for j in 0..n {
            if d[i * n + j] > d[j * n + i] {
                p[i * n + j] = d[i * n + j];
            }
        }
    }
    let mut via = vec![zero; n];
    for k in 0..n {
        // Row k does not change while k is the intermediate (p[k][j] through k is p[k][j]),
        // so a copy lets the inner loop borrow row i mutably and stay branch-free.
        via.copy_from_slice(&p[k * n..(k + 1) * n]);
        for i in 0..n {
            let p_ik = p[i * n + k];
            if i == k || p_ik == zero {
                continue;
            }
            let row = &mut p[i * n..(i + 1) * n];
            for (p_ij, &p_kj) in row.iter_mut().zip(&via) {
                *p_ij = (*p_ij).max(p_ik.min(p_kj));
            }
        }
    }
    // The branch-free loop may write paths from i back to i; they mean nothing and never
    // feed another entry (k = i is skipped), so clear them for display.
    for i in 0..n {
        p[i * n + i] = zero;
    }
    p
}

#[cfg(test)]
mod tests {
    use super::super::{Ballot, Method, Tally, tally};
    use super::*;

    /// Ballots from "count × ranking" with options named by letters A, B, C…
    fn profile(groups: &[(u64, &str)]) -> Vec<Ballot> {
        groups
            .iter()
            .flat_map(|&(count, order)| {
                let ranking: Vec<usize> = order.bytes().map(|c| usize::from(c - b'A')).collect();
                (0..count).map(move |_| Ballot {
                    weight: 1,
                    content: BallotContent::Ranking(ranking.clone()),
                })
            })
            .collect()
    }

    fn matrices(t: &Tally) -> (Vec<Vec<u64>>, Vec<Vec<u64>>) {
        match &t.details {
            Details::Schulze {
                pairwise,
                strongest_paths,
                ..
            } => (pairwise.clone(), strongest_paths.clone()),
            _ => panic!("not a Schulze tally"),
        }
    }

    /// Wikipedia, "Schulze method", example: 45 voters, 5 candidates.
    #[test]
    fn wikipedia_example() {
        let ballots = profile(&[
            (5, "ACBED"),
            (5, "ADECB"),
            (8, "BEDAC"),
            (3, "CABED"),
            (7, "CAEBD"),
            (2, "CBADE"),
            (7, "DCEBA"),
            (8, "EBADC"),
        ]);
        let t = tally(&Method::Schulze, 5, 45, &ballots);
        let (d, p) = matrices(&t);
        assert_eq!(
            d,
            vec![
                vec![0, 20, 26, 30, 22],
                vec![25, 0, 16, 33, 18],
                vec![19, 29, 0, 17, 24],
                vec![15, 12, 28, 0, 14],
                vec![23, 27, 21, 31, 0],
            ]
        );
        assert_eq!(
            p,
            vec![
                vec![0, 28, 28, 30, 24],
                vec![25, 0, 28, 33, 24],
                vec![25, 29, 0, 29, 24],
                vec![25, 28, 28, 0, 24],
                vec![25, 28, 28, 31, 0],
            ]
        );
        let (e, a, c, b, dd) = (4, 0, 2, 1, 3);
        assert_eq!(t.ranking, vec![e, a, c, b, dd]);
        assert_eq!(t.winners, vec![e]);
        let Details::Schulze { wins, losses, .. } = t.details else {
            panic!()
        };
        assert_eq!(wins, vec![3, 1, 2, 0, 4]);
        assert_eq!(losses, vec![1, 3, 2, 4, 0]);
    }

    /// Wikipedia's Tennessee capital example: Nashville is the Condorcet winner and the
    /// pairwise order is Nashville > Chattanooga > Knoxville > Memphis.
    #[test]
    fn tennessee_example() {
        // A = Memphis, B = Nashville, C = Chattanooga, D = Knoxville; 100 voters.
        let ballots = profile(&[(42, "ABCD"), (26, "BCDA"), (15, "CDBA"), (17, "DCBA")]);
        let t = tally(&Method::Schulze, 4, 100, &ballots);
        let (d, _) = matrices(&t);
        assert_eq!(d[1][0], 58);
        assert_eq!(d[1][2], 68);
        assert_eq!(d[2][3], 83);
        assert_eq!(t.ranking, vec![1, 2, 3, 0]);
        assert_eq!(t.winners, vec![1]);
    }

    #[test]
    fn cycle_resolved_by_strongest_paths() {
        // A cycle: A>B by 6 to 3, B>C by 7 to 2, C>A by 5 to 4. Every path into A goes
        // through the weakest link C>A, so A wins.
        let ballots = profile(&[(4, "ABC"), (3, "BCA"), (2, "CAB")]);
        let t = tally(&Method::Schulze, 3, 9, &ballots);
        let (d, p) = matrices(&t);
        assert_eq!((d[0][1], d[1][2], d[2][0]), (6, 7, 5));
        assert_eq!(p, vec![vec![0, 6, 6], vec![5, 0, 7], vec![5, 5, 0]]);
        assert_eq!(t.ranking, vec![0, 1, 2]);
        assert_eq!(t.winners, vec![0]);
    }

    #[test]
    fn perfect_tie_gives_both_winners() {
        let ballots = profile(&[(1, "AB"), (1, "BA")]);
        let t = tally(&Method::Schulze, 2, 2, &ballots);
        assert_eq!((t.winners.clone(), t.ranking.clone()), (vec![0, 1], vec![0, 1]));
        // The same tie read backwards still lists the lower index first.
        let t = tally(&Method::Schulze, 3, 2, &profile(&[(1, "CA"), (1, "AC")]));
        assert_eq!((t.winners, t.ranking), (vec![0, 2], vec![0, 2, 1]));
    }

    #[test]
    fn unranked_options_are_tied_last() {
        // One voter ranks only C: C beats A and B, A and B stay tied.
        let t = tally(&Method::Schulze, 3, 1, &profile(&[(1, "C")]));
        let (d, _) = matrices(&t);
        assert_eq!(d, vec![vec![0, 0, 0], vec![0, 0, 0], vec![1, 1, 0]]);
        assert_eq!((t.winners, t.ranking), (vec![2], vec![2, 0, 1]));
    }

    #[test]
    fn single_ballot_gives_its_order() {
        let t = tally(&Method::Schulze, 4, 1, &profile(&[(1, "DBAC")]));
        assert_eq!((t.winners, t.ranking), (vec![3], vec![3, 1, 0, 2]));
    }

    #[test]
    fn empty_poll_and_blank_rankings_have_no_winner() {
        let t = tally(&Method::Schulze, 3, 10, &[]);
        assert_eq!((t.winners.len(), t.ranking.clone()), (0, vec![0, 1, 2]));
        assert_eq!(matrices(&t).0, vec![vec![0; 3]; 3]);
        let blank = Ballot {
            weight: 4,
            content: BallotContent::Ranking(vec![]),
        };
        let t = tally(&Method::Schulze, 3, 10, &[blank]);
        assert_eq!((t.winners.len(), t.weight), (0, 4));
    }

    #[test]
    fn weights_multiply_preferences() {
        let ballots = [
            Ballot {
                weight: 3,
                content: BallotContent::Ranking(vec![1, 0]),
            },
            Ballot {
                weight: 2,
                content: BallotContent::Ranking(vec![0, 1]),
            },
        ];
        let t = tally(&Method::Schulze, 2, 5, &ballots);
        assert_eq!(matrices(&t).0, vec![vec![0, 2], vec![3, 0]]);
        assert_eq!(t.winners, vec![1]);
    }

    #[test]
    fn weights_beyond_u32_are_counted_exactly() {
        let big = u64::from(u32::MAX);
        let ballots = [
            Ballot {
                weight: big,
                content: BallotContent::Ranking(vec![0, 1, 2]),
            },
            Ballot {
                weight: 5,
                content: BallotContent::Ranking(vec![2, 1]),
            },
        ];
        let t = tally(&Method::Schulze, 3, big + 5, &ballots);
        let (d, p) = matrices(&t);
        assert_eq!(d, vec![vec![0, big, big], vec![5, 0, big], vec![5, 5, 0]]);
        assert_eq!(p, vec![vec![0, big, big], vec![0, 0, big], vec![0, 0, 0]]);
        assert_eq!(t.ranking, vec![0, 1, 2]);
    }
}
