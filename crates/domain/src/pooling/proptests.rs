//! The rounding rule's invariants: allocations never exceed what was given, money is
//! conserved to the cent, matching sums exactly to its pool.

use super::matching::{Candidate, Matching, MatchingKind, share};
use super::*;
use proptest::prelude::*;

fn m(cents: i64) -> Money {
    Money::from_cents(cents)
}

/// Organisations 1..=n with what each put in the pool.
fn contributions() -> impl Strategy<Value = Vec<(OrgId, Money)>> {
    prop::collection::vec(0i64..1_000_000, 1..12)
        .prop_map(|v| v.into_iter().enumerate().map(|(i, c)| (i as i64 + 1, m(c))).collect())
}

fn kind() -> impl Strategy<Value = MatchingKind> {
    prop_oneof![Just(MatchingKind::Proportional), Just(MatchingKind::Quadratic)]
}

proptest! {
    #[test]
    fn allocations_sum_to_the_budget(budget in 0i64..100_000_000, people in contributions(), equal in any::<bool>()) {
        let rule = if equal { AllocationRule::Equal } else { AllocationRule::Contribution };
        match allocate(m(budget), rule, &people) {
            Ok(lines) => {
                prop_assert_eq!(lines.iter().map(|(_, a)| a.cents()).sum::<i64>(), budget);
                prop_assert!(lines.iter().all(|(_, a)| !a.is_negative()));
                if !equal {
                    // Nobody who put nothing in receives anything.
                    for ((o, a), (o2, c)) in lines.iter().zip(&people) {
                        prop_assert_eq!(o, o2);
                        prop_assert!(c.cents() > 0 || *a == Money::ZERO);
                    }
                }
            }
            Err(e) => {
                prop_assert_eq!(e, PoolingError::NoParticipant);
                prop_assert!(people.iter().all(|(_, c)| *c == Money::ZERO));
            }
        }
    }

    /// A random round: every participant places part of its allocation in random
    /// buckets; the close conserves money to the cent and keeps every promise.
    #[test]
    fn a_round_conserves_money(
        allocs in prop::collection::vec(0i64..200_000, 1..10),
        goals in prop::collection::vec((1i64..100_000, prop::option::of(0i64..150_000)), 1..8),
        picks in prop::collection::vec((0usize..10, 0usize..8, 0u32..=100), 0..40),
        kind in kind(),
        pool in 0i64..1_000_000,
        cap in prop::option::of(0i64..300_000),
    ) {
        let allocations: Vec<(OrgId, Money)> = allocs.iter().enumerate().map(|(i, a)| (i as i64 + 1, m(*a))).collect();
        let buckets: Vec<BucketRules> = goals.iter().enumerate().map(|(i, (min, extra))| BucketRules {
            id: i as i64 + 1, min: m(*min), max: extra.map(|e| m(min + e)),
        }).collect();
        let mut left: Vec<i64> = allocs.clone();
        let mut placements = Vec::new();
        for (who, bucket, percent) in picks {
            let who = who % allocs.len();
            let bucket = bucket % buckets.len();
            let amount = left[who] * i64::from(percent) / 100;
            left[who] -= amount;
            placements.push(Placement { bucket: bucket as i64 + 1, organisation: who as i64 + 1, amount: m(amount) });
        }
        let matching = Matching { kind, pool: m(pool), cap: cap.map(m) };
        let out = close_round(&allocations, &buckets, &placements, Some(&matching)).unwrap();
        let given: i64 = allocs.iter().sum::<i64>() + pool;
        prop_assert_eq!(out.funded_total().cents() + out.returned_total().cents(), given);
        // Matching spent plus unspent is the pool.
        let matched: i64 = out.buckets.iter().map(|b| b.matched.cents()).sum();
        prop_assert_eq!(matched + out.matching_returned.cents(), pool);
        for b in &out.buckets {
            let rules = buckets.iter().find(|r| r.id == b.id).unwrap();
            prop_assert!(b.raised <= b.placed);
            prop_assert!(!b.raised.is_negative() && !b.matched.is_negative());
            if b.funded {
                prop_assert!(b.placed >= rules.min);
                if let Some(max) = rules.max { prop_assert!(b.raised.cents() + b.matched.cents() <= max.cents()); }
                if let Some(c) = cap { prop_assert!(b.matched.cents() <= c); }
            } else {
                prop_assert_eq!(b.raised, Money::ZERO);
                prop_assert_eq!(b.matched, Money::ZERO);
            }
        }
        // Nobody gets back more than its allocation, nor a negative amount.
        for (org, r) in &out.returned {
            let a = allocations.iter().find(|(o, _)| o == org).unwrap().1;
            prop_assert!(!r.is_negative() && *r <= a);
        }
    }

    /// Quadratic matching without caps shares the whole pool, exactly, whenever some
    /// bucket has two contributors.
    #[test]
    fn quadratic_sums_exactly_to_the_pool(
        buckets in prop::collection::vec(prop::collection::vec((1i64..6, 1i64..5_000_000), 1..8), 1..12),
        pool in 0i64..i64::MAX / 4,
    ) {
        let candidates: Vec<Candidate> = buckets.iter().enumerate().map(|(i, c)| Candidate {
            bucket: i as i64 + 1,
            contributions: c.iter().map(|(o, a)| (*o, m(*a))).collect(),
            room: None,
        }).collect();
        let r = share(&Matching { kind: MatchingKind::Quadratic, pool: m(pool), cap: None }, &candidates).unwrap();
        let sum: i64 = r.lines.iter().map(|l| l.2.cents()).sum();
        let several = buckets.iter().any(|c| {
            let orgs: std::collections::BTreeSet<i64> = c.iter().map(|(o, _)| *o).collect();
            orgs.len() > 1
        });
        if several {
            prop_assert_eq!(sum, pool);
            prop_assert_eq!(r.unspent, Money::ZERO);
        } else {
            prop_assert_eq!(sum, 0);
            prop_assert_eq!(r.unspent, m(pool));
        }
        // A single contributor's bucket never gets a match.
        for (c, line) in buckets.iter().zip(&r.lines) {
            let orgs: std::collections::BTreeSet<i64> = c.iter().map(|(o, _)| *o).collect();
            if orgs.len() == 1 { prop_assert_eq!(line.2, Money::ZERO); }
        }
    }
}

proptest! {
    /// Splitting an organisation's placements among its people changes neither the
    /// matching nor what each bucket raises: matching counts the organisation once.
    #[test]
    fn people_of_one_organisation_match_as_one(
        lines in prop::collection::vec((0usize..4, 0usize..3, 1i64..10_000, 1i64..4), 1..20),
        pool in 0i64..10_000_000,
        quadratic in any::<bool>(),
    ) {
        let kind = if quadratic { MatchingKind::Quadratic } else { MatchingKind::Proportional };
        let buckets: Vec<BucketRules> = (1..=3).map(|id| BucketRules { id, min: m(1), max: None }).collect();
        // Person `org * 10 + k` belongs to organisation `org`.
        let mut by_org = Vec::new();
        let mut by_person = Vec::new();
        let mut org_alloc = std::collections::BTreeMap::<i64, i64>::new();
        let mut person_alloc = std::collections::BTreeMap::<i64, i64>::new();
        for (org, bucket, amount, k) in &lines {
            let org = *org as i64 + 1;
            let person = org * 10 + k;
            by_org.push(Placement { bucket: *bucket as i64 + 1, organisation: org, amount: m(*amount) });
            by_person.push(Placement { bucket: *bucket as i64 + 1, organisation: person, amount: m(*amount) });
            *org_alloc.entry(org).or_default() += amount;
            *person_alloc.entry(person).or_default() += amount;
        }
        let orgs: Vec<(OrgId, Money)> = org_alloc.into_iter().map(|(o, a)| (o, m(a))).collect();
        let people: Vec<(OrgId, Money)> = person_alloc.into_iter().map(|(o, a)| (o, m(a))).collect();
        let matching = Matching { kind, pool: m(pool), cap: None };
        let a = close_round(&orgs, &buckets, &by_org, Some(&matching)).unwrap();
        let b = close_round_by(&people, &buckets, &by_person, Some(&matching), |p| p / 10).unwrap();
        prop_assert_eq!(a.buckets, b.buckets);
        prop_assert_eq!(a.matching_returned, b.matching_returned);
    }
}
