//! The costliest counts: Schulze, O(ballots·n² + n³), and majority judgment.
//!
//! Run with `cargo bench -p intercoop-domain --bench voting -- --quick` on a shared machine.

use criterion::{Criterion, criterion_group, criterion_main};
use intercoop_domain::voting::{Ballot, BallotContent, Method, tally};
use std::hint::black_box;

/// SplitMix64 with a fixed seed: the same ballots on every run, without the rand crate.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform enough below `n` for a benchmark (the modulo bias is negligible).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Full random rankings (Fisher–Yates shuffles).
fn random_rankings(options: usize, ballots: usize, rng: &mut SplitMix64) -> Vec<Ballot> {
    (0..ballots)
        .map(|_| {
            let mut ranking: Vec<usize> = (0..options).collect();
            for i in (1..options).rev() {
                ranking.swap(i, rng.below(i + 1));
            }
            Ballot {
                weight: 1,
                content: BallotContent::Ranking(ranking),
            }
        })
        .collect()
}

/// Every option graded at random.
fn random_grades(options: usize, grade_count: u8, ballots: usize, rng: &mut SplitMix64) -> Vec<Ballot> {
    (0..ballots)
        .map(|_| {
            let grades = (0..options)
                .map(|o| (o, rng.below(usize::from(grade_count)) as u8))
                .collect();
            Ballot {
                weight: 1,
                content: BallotContent::Grades(grades),
            }
        })
        .collect()
}

fn voting(c: &mut Criterion) {
    let mut rng = SplitMix64(0x1c00_9e7a);
    let mut group = c.benchmark_group("voting");
    // Each iteration takes milliseconds: few samples are enough and spare the shared cores.
    group.sample_size(10);

    let rankings = random_rankings(200, 2_000, &mut rng);
    group.bench_function("schulze_200_options_2000_ballots", |b| {
        b.iter(|| tally(black_box(&Method::Schulze), 200, 2_000, black_box(&rankings)))
    });

    let mj = Method::MajorityJudgment {
        grade_count: Method::DEFAULT_GRADE_COUNT,
    };
    let grades = random_grades(100, Method::DEFAULT_GRADE_COUNT, 5_000, &mut rng);
    group.bench_function("majority_judgment_100_options_5000_ballots", |b| {
        b.iter(|| tally(black_box(&mj), 100, 5_000, black_box(&grades)))
    });
    group.finish();
}

criterion_group!(benches, voting);
criterion_main!(benches);
