//! Properties of every split: exact sums, caps held, monotonicity.

use super::*;
use crate::money::Money;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// A campaign, its participants, and one more organisation that could join.
#[derive(Debug, Clone)]
struct Case {
    terms: CampaignTerms,
    participants: Vec<Participant>,
    newcomer: Participant,
}

fn key_of(kind: u8, people: &[(OrgId, u64, u64)]) -> SharingKey {
    match kind {
        0 => SharingKey::Equal,
        1 => SharingKey::Size,
        2 => {
            let mut weights: BTreeMap<OrgId, u64> = people.iter().map(|(o, _, w)| (*o, *w)).collect();
            // Keep at least one positive weight among the participants themselves.
            if let Some(first) = weights.values_mut().next() {
                *first = (*first).max(1);
            }
            SharingKey::Weights { weights }
        }
        _ => SharingKey::Tiers {
            small: 1,
            medium: 3,
            large: 7,
            medium_from: 100,
            large_from: 600,
        },
    }
}

/// Organisation id → (size, weight, cap in cents).
type People = BTreeMap<OrgId, (u64, u64, Option<i64>)>;

fn people(n: usize, max_cap: i64, cap_p: f64) -> impl Strategy<Value = People> {
    let one = (1u64..1_000, 0u64..12, prop::option::weighted(cap_p, 0..=max_cap));
    prop::collection::btree_map(-20i64..500, one, 1..=n)
}

prop_compose! {
    /// Up to `max_n` participants (plus a newcomer), amounts up to `max_total`
    /// cents, any key, caps with probability `cap_p`, sometimes a fixed share.
    fn case(max_n: usize, max_total: i64, cap_p: f64)(
        total in 1..=max_total,
        people in people(max_n + 1, max_total, cap_p),
        kind in 0u8..4,
        fixed in prop::option::weighted(0.3, (any::<bool>(), 1u32..=10_000)),
    ) -> Case {
        build_case(total, &people, kind, fixed)
    }
}

/// The last organisation by id is the newcomer, so the weights key's first positive
/// weight (see `key_of`) is a participant's.
fn build_case(total: i64, people: &People, kind: u8, fixed: Option<(bool, u32)>) -> Case {
    let list: Vec<(OrgId, u64, u64)> = people.iter().map(|(o, (s, w, _))| (*o, *s, *w)).collect();
    let mut all: Vec<Participant> = people
        .iter()
        .map(|(o, (s, _, cap))| Participant {
            organisation_id: *o,
            size: Some(*s),
            cap: cap.map(Money::from_cents),
        })
        .collect();
    let newcomer = all.pop().unwrap();
    let mut key = key_of(kind, &list);
    if let SharingKey::Weights { weights } = &mut key
        && all.is_empty()
    {
        weights.insert(newcomer.organisation_id, 1);
    }
    let fixed = fixed.map(|(cents, bp)| FixedContribution {
        organisation_id: 10_000,
        amount: if cents {
            FixedAmount::Cents(Money::from_cents(1 + (i64::from(bp) * 7919) % total))
        } else {
            FixedAmount::Percent { basis_points: bp }
        },
    });
    let terms = CampaignTerms {
        total: Money::from_cents(total),
        key,
        fixed: fixed.into_iter().collect(),
    };
    Case {
        terms,
        participants: all,
        newcomer,
    }
}

fn uncapped(mut case: Case) -> Case {
    case.participants.iter_mut().for_each(|p| p.cap = None);
    case.newcomer.cap = None;
    case
}

fn weight(key: &SharingKey, p: &Participant) -> u128 {
    u128::from(key.weight_of(p).unwrap())
}

/// Independent oracle: the exact water-filled share of every participant as a
/// fraction (numerator, denominator), by the textbook loop "cap whoever exceeds,
/// recompute, until stable".
fn exact_shares(terms: &CampaignTerms, participants: &[Participant]) -> BTreeMap<OrgId, (u128, u128)> {
    let fixed: i64 = terms.fixed.iter().map(|f| f.amount.resolve(terms.total).cents()).sum();
    let remainder = (terms.total.cents() - fixed) as u128;
    let mut capped: BTreeSet<OrgId> = BTreeSet::new();
    loop {
        let free: Vec<&Participant> = participants
            .iter()
            .filter(|p| !capped.contains(&p.organisation_id))
            .collect();
        let caps: u128 = participants
            .iter()
            .filter(|p| capped.contains(&p.organisation_id))
            .map(|p| p.cap.unwrap().cents() as u128)
            .sum();
        let w: u128 = free.iter().map(|p| weight(&terms.key, p)).sum();
        let left = remainder.saturating_sub(caps);
        let over: Vec<OrgId> = free
            .iter()
            .filter(|p| {
                p.cap
                    .is_some_and(|c| (c.cents() as u128) * w < weight(&terms.key, p) * left)
            })
            .map(|p| p.organisation_id)
            .collect();
        if over.is_empty() || w == 0 {
            return participants
                .iter()
                .map(|p| {
                    let share = if capped.contains(&p.organisation_id) {
                        (p.cap.unwrap().cents() as u128, 1)
                    } else if w == 0 {
                        (0, 1)
                    } else {
                        (weight(&terms.key, p) * left, w)
                    };
                    (p.organisation_id, share)
                })
                .collect();
        }
        capped.extend(over);
    }
}

/// Independent oracle for small amounts: Adams' method with caps, one cent at a time
/// to the highest priority weight / cents-so-far (a participant with no cent yet
/// first), ties to the larger weight then the smaller id.
fn sequential_adams(terms: &CampaignTerms, participants: &[Participant]) -> (BTreeMap<OrgId, i64>, i64) {
    let fixed: i64 = terms.fixed.iter().map(|f| f.amount.resolve(terms.total).cents()).sum();
    let mut paid: BTreeMap<OrgId, i64> = participants.iter().map(|p| (p.organisation_id, 0)).collect();
    let mut left = terms.total.cents() - fixed;
    while left > 0 {
        let best = participants
            .iter()
            .filter(|p| weight(&terms.key, p) > 0 && p.cap.is_none_or(|c| paid[&p.organisation_id] < c.cents()))
            .max_by(|a, b| {
                let (wa, wb) = (weight(&terms.key, a), weight(&terms.key, b));
                let (pa, pb) = (paid[&a.organisation_id] as u128, paid[&b.organisation_id] as u128);
                // wa / pa > wb / pb  ⇔  wa × pb > wb × pa (zero cents = infinite priority).
                (wa * pb)
                    .cmp(&(wb * pa))
                    .then(wa.cmp(&wb))
                    .then(b.organisation_id.cmp(&a.organisation_id))
            });
        let Some(best) = best else { break };
        *paid.get_mut(&best.organisation_id).unwrap() += 1;
        left -= 1;
    }
    (paid, left)
}

fn amount(shares: &Shares, org: OrgId) -> i64 {
    shares.amount_of(org).unwrap().cents()
}

/// A deterministic shuffle driven by `seed`.
fn shuffled(mut v: Vec<Participant>, mut seed: u64) -> Vec<Participant> {
    for i in (1..v.len()).rev() {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        v.swap(i, (seed >> 33) as usize % (i + 1));
    }
    v
}

proptest! {
    #[test]
    fn sums_are_exact(case in case(12, 10_000_000, 0.3)) {
        let s = compute_shares(&case.terms, &case.participants).unwrap();
        let sum: i64 = s.lines.iter().map(|l| l.amount.cents()).sum();
        prop_assert_eq!(s.covered.cents() + s.shortfall.cents(), s.total.cents());
        prop_assert_eq!(sum, s.covered.cents());
        if s.shortfall == Money::ZERO {
            prop_assert_eq!(sum, case.terms.total.cents());
        } else {
            // A shortfall only when every paying participant is at its cap.
            for p in &case.participants {
                let w = case.terms.key.weight_of(p).unwrap();
                prop_assert!(w == 0 || Some(s.amount_of(p.organisation_id).unwrap()) == p.cap);
            }
        }
    }

    #[test]
    fn shares_stay_between_zero_cap_and_exact_rounded_up(case in case(12, 10_000_000, 0.3)) {
        let s = compute_shares(&case.terms, &case.participants).unwrap();
        let exact = exact_shares(&case.terms, &case.participants);
        for p in &case.participants {
            let line = s.line(p.organisation_id).unwrap();
            let a = line.amount.cents();
            prop_assert!(a >= 0);
            if let Some(cap) = p.cap {
                prop_assert!(a <= cap.cents());
            }
            prop_assert!(!line.capped || Some(line.amount) == p.cap);
            let (num, den) = exact[&p.organisation_id];
            // a ≤ ⌈num / den⌉  ⇔  (a - 1) × den < num.
            let org = p.organisation_id;
            prop_assert!(a == 0 || ((a - 1) as u128) * den < num, "org {} pays {} for {}/{}", org, a, num, den);
            if case.terms.key == SharingKey::Equal {
                // Equal key: also never below the exact share rounded down.
                prop_assert!((a as u128) * den + den > num);
            }
            if case.participants.iter().all(|p| p.cap.is_none()) {
                // The documented bound below: at most n × weight / total weight
                // cents under the exact share (den is the total weight here).
                let n = case.participants.len() as i128;
                let w = weight(&case.terms.key, p) as i128;
                prop_assert!(num as i128 - (a as i128) * (den as i128) <= n * w);
            }
        }
    }

    #[test]
    fn matches_adams_cent_by_cent(case in case(6, 3_000, 0.4)) {
        let s = compute_shares(&case.terms, &case.participants).unwrap();
        let (paid, left) = sequential_adams(&case.terms, &case.participants);
        prop_assert_eq!(s.shortfall.cents(), left);
        for (org, cents) in paid {
            prop_assert_eq!(amount(&s, org), cents, "org {}", org);
        }
    }

    #[test]
    fn joining_never_raises_anyone_s_share(case in case(12, 10_000_000, 0.3), caps in any::<bool>()) {
        // Every key (equal, size, weights, tiers), with and without caps.
        let case = if caps { case } else { uncapped(case) };
        let preview = preview_join(&case.terms, &case.participants, &case.newcomer).unwrap();
        for change in preview.changes() {
            prop_assert!(change.after <= change.before, "{:?}", change);
        }
        prop_assert!(preview.after.shortfall <= preview.before.shortfall);
        let newcomer = preview.after.amount_of(case.newcomer.organisation_id);
        prop_assert_eq!(Some(preview.your_share), newcomer);
    }

    #[test]
    fn order_does_not_matter(case in case(12, 10_000_000, 0.3), seed in any::<u64>()) {
        let a = compute_shares(&case.terms, &case.participants).unwrap();
        let shuffled = shuffled(case.participants.clone(), seed);
        let b = compute_shares(&case.terms, &shuffled).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn terms_and_shares_survive_json(case in case(6, 10_000_000, 0.3)) {
        let json = serde_json::to_string(&case.terms).unwrap();
        prop_assert_eq!(&serde_json::from_str::<CampaignTerms>(&json).unwrap(), &case.terms);
        let s = compute_shares(&case.terms, &case.participants).unwrap();
        let back: Shares = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        prop_assert_eq!(back, s);
    }
}
