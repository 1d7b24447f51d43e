//! How long closing a large budgeting round takes (issue 19's target: 1 000 buckets and
//! 10 000 allocations, with quadratic matching, in at most 1 s, database included).

use criterion::{Criterion, criterion_group, criterion_main};
use intercoop_domain::Money;
use intercoop_domain::pooling::matching::{Matching, MatchingKind};
use intercoop_domain::pooling::{BucketRules, Placement, close_round};
use std::hint::black_box;

const BUCKETS: i64 = 1_000;
const ALLOCATIONS: usize = 10_000;
const ORGANISATIONS: i64 = 500;

/// Allocations, buckets, placements and the matching.
type Round = (Vec<(i64, Money)>, Vec<BucketRules>, Vec<Placement>, Matching);

/// 500 organisations with 500 € each; 10 000 placements of 1–20 € in 1 000 buckets of
/// which about half reach their minimum; a matching pool of 50 000 € capped at 500 €.
fn round() -> Round {
    let allocations = (1..=ORGANISATIONS).map(|o| (o, Money::from_cents(50_000))).collect();
    let mut seed: u64 = 7;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    let buckets = (1..=BUCKETS)
        .map(|id| BucketRules {
            id,
            min: Money::from_cents(5_000 + 1_000 * (next(10) as i64)),
            max: (id % 3 == 0).then(|| Money::from_cents(20_000)),
        })
        .collect();
    let placements = (0..ALLOCATIONS)
        .map(|i| Placement {
            bucket: 1 + next(BUCKETS as u64) as i64,
            organisation: 1 + (i as i64 % ORGANISATIONS),
            amount: Money::from_cents(100 + 100 * next(20) as i64),
        })
        .collect();
    let matching = Matching {
        kind: MatchingKind::Quadratic,
        pool: Money::from_cents(5_000_000),
        cap: Some(Money::from_cents(50_000)),
    };
    (allocations, buckets, placements, matching)
}

fn bench(c: &mut Criterion) {
    let (allocations, buckets, placements, matching) = round();
    c.bench_function("close a round: 1 000 buckets, 10 000 allocations, quadratic", |b| {
        b.iter(|| close_round(black_box(&allocations), &buckets, &placements, Some(&matching)).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
