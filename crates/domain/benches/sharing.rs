//! How long sharing takes for a network far larger than any real one: 10 000
//! organisations, sharing by size, about one in ten held at its cap.

use criterion::{Criterion, criterion_group, criterion_main};
use intercoop_domain::Money;
use intercoop_domain::catchup::catch_up;
use intercoop_domain::sharing::{CampaignTerms, OrgId, Participant, SharingKey, compute_shares};
use std::collections::BTreeMap;
use std::hint::black_box;

const ORGANISATIONS: i64 = 10_000;

/// 1 000 000 € shared by size. Sizes vary from 10 to about 5 000 households; every tenth
/// organisation caps its share at about half of what its size alone would ask, so the caps
/// bind and water-filling has work to do.
fn campaign() -> (CampaignTerms, Vec<Participant>) {
    let terms = CampaignTerms {
        total: Money::from_cents(100_000_000),
        key: SharingKey::Size,
        fixed: vec![],
    };
    let mut seed: u64 = 42;
    let participants: Vec<Participant> = (1..=ORGANISATIONS)
        .map(|org| {
            // A small linear congruential generator: the same sizes on every run.
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let size = 10 + (seed >> 33) % 5_000;
            let p = Participant::new(org).with_size(size);
            if org % 10 == 0 {
                p.with_cap(Money::from_cents(size as i64 * 2))
            } else {
                p
            }
        })
        .collect();
    (terms, participants)
}

fn bench_compute_shares(c: &mut Criterion) {
    let (terms, participants) = campaign();
    let shares = compute_shares(&terms, &participants).unwrap();
    let capped = shares.lines.iter().filter(|l| l.capped).count();
    assert!(capped > 500, "only {capped} caps bind");
    c.bench_function("compute_shares 10k size key 10% caps", |b| {
        b.iter(|| compute_shares(black_box(&terms), black_box(&participants)).unwrap())
    });
}

fn bench_catch_up(c: &mut Criterion) {
    let (terms, participants) = campaign();
    let shares = compute_shares(&terms, &participants).unwrap();
    let paid: BTreeMap<OrgId, Money> = shares
        .participant_lines()
        .map(|l| (l.organisation_id, l.amount))
        .collect();
    let adopter = Participant::new(ORGANISATIONS + 1).with_size(2_500);
    c.bench_function("catch_up 10k funders", |b| {
        b.iter(|| {
            catch_up(
                black_box(&terms),
                black_box(&participants),
                black_box(&paid),
                black_box(&adopter),
            )
            .unwrap()
        })
    });
}

criterion_group!(benches, bench_compute_shares, bench_catch_up);
criterion_main!(benches);
