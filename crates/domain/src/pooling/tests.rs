//! Worked examples, computed by hand.

use super::matching::{Candidate, Matching, MatchingKind, quadratic_weights, share};
use super::*;

fn m(cents: i64) -> Money {
    Money::from_cents(cents)
}

fn place(bucket: i64, organisation: i64, amount: i64) -> Placement {
    Placement {
        bucket,
        organisation,
        amount: m(amount),
    }
}

fn rules(id: i64, min: i64, max: Option<i64>) -> BucketRules {
    BucketRules {
        id,
        min: m(min),
        max: max.map(m),
    }
}

/// Three buckets, 1, 2 and 3 contributors, amounts that are perfect squares so the
/// roots are exact:
/// - bucket 1: one contributor of 2 500 → (√2500)² − 2500 = 50² − 2500 = 0;
/// - bucket 2: 100 and 100 (two organisations) → (10 + 10)² − 200 = 400 − 200 = 200;
/// - bucket 3: 100, 400 and 900 → (10 + 20 + 30)² − 1 400 = 3 600 − 1 400 = 2 200.
///
/// A matching pool of 1 200,00 € (120 000 cents) is shared 200 : 2 200 = 1 : 11:
/// bucket 2 gets 120 000 / 12 = 10 000 cents, bucket 3 gets 110 000, bucket 1 nothing.
#[test]
fn quadratic_worked_example_three_buckets() {
    let allocations = [(1, m(10_000)), (2, m(10_000)), (3, m(10_000)), (4, m(10_000))];
    let buckets = [rules(1, 100, None), rules(2, 100, None), rules(3, 100, None)];
    let placements = [
        place(1, 1, 2_500),
        place(2, 2, 100),
        place(2, 3, 100),
        place(3, 1, 100),
        place(3, 2, 400),
        place(3, 4, 900),
    ];
    let matching = Matching {
        kind: MatchingKind::Quadratic,
        pool: m(120_000),
        cap: None,
    };
    let out = close_round(&allocations, &buckets, &placements, Some(&matching)).unwrap();
    let matched: Vec<i64> = out.buckets.iter().map(|b| b.matched.cents()).collect();
    assert_eq!(matched, vec![0, 10_000, 110_000]);
    assert!(out.buckets.iter().all(|b| b.funded));
    // Weights are 4^k × (0, 200, 2200) before the common shift: ratio exactly 1 : 11.
    assert_eq!(out.buckets[0].weight, 0);
    assert_eq!(out.buckets[2].weight, 11 * out.buckets[1].weight);
    assert_eq!(out.matching_returned, Money::ZERO);
    // Returned: 40 000 allocated, 2500 + 200 + 1400 = 4 100 spent.
    let returned: i64 = out.returned.iter().map(|(_, a)| a.cents()).sum();
    assert_eq!(returned, 40_000 - 4_100);
    assert_eq!(out.returned[0], (1, m(10_000 - 2_500 - 100)));
}

/// One organisation giving through several people is one contributor: 100 + 300 from
/// organisation 7 is 400, a single contributor, weight 0; organisations 7 (400) and 8
/// (100) weigh (20 + 10)² − 500 = 400.
#[test]
fn one_organisation_is_one_contributor() {
    let one = Candidate {
        bucket: 1,
        contributions: vec![(7, m(100)), (7, m(300))],
        room: None,
    };
    let two = Candidate {
        bucket: 2,
        contributions: vec![(7, m(400)), (8, m(100))],
        room: None,
    };
    let w = quadratic_weights(&[one.clone(), two.clone()]);
    assert_eq!(w[&1], 0);
    let k4 = w[&2] / 400;
    assert_eq!(w[&2], 400 * k4);
    assert!(k4.is_power_of_two());
    // The whole pool goes to bucket 2.
    let r = share(
        &Matching {
            kind: MatchingKind::Quadratic,
            pool: m(999),
            cap: None,
        },
        &[one, two],
    )
    .unwrap();
    assert_eq!(r.lines.iter().map(|l| l.2.cents()).collect::<Vec<_>>(), vec![0, 999]);
}

/// Proportional matching with a cap: raised 1 000, 3 000 and 6 000, a pool of 5 000
/// capped at 2 000 per bucket. Uncapped shares would be 500, 1 500, 3 000; the third
/// is capped at 2 000 and its 1 000 spread 1 : 3 over the others: 750 and 2 250, which
/// caps the second at 2 000 too; the first then gets 5 000 − 4 000 = 1 000.
#[test]
fn proportional_matching_with_cap() {
    let allocations = [(1, m(10_000))];
    let buckets = [rules(1, 1, None), rules(2, 1, None), rules(3, 1, None)];
    let placements = [place(1, 1, 1_000), place(2, 1, 3_000), place(3, 1, 6_000)];
    let matching = Matching {
        kind: MatchingKind::Proportional,
        pool: m(5_000),
        cap: Some(m(2_000)),
    };
    let out = close_round(&allocations, &buckets, &placements, Some(&matching)).unwrap();
    let matched: Vec<i64> = out.buckets.iter().map(|b| b.matched.cents()).collect();
    assert_eq!(matched, vec![1_000, 2_000, 2_000]);
    assert_eq!(out.matching_returned, Money::ZERO);
    // A cap of 1 000 cannot spend the pool: 2 000 go back.
    let matching = Matching {
        cap: Some(m(1_000)),
        ..matching
    };
    let out = close_round(&allocations, &buckets, &placements, Some(&matching)).unwrap();
    assert_eq!(out.matching_returned, m(2_000));
}

/// A bucket under its minimum is not funded and gets no match; its money goes back. A
/// bucket over its maximum keeps the maximum, and the excess goes back 1 : 3.
#[test]
fn minimum_and_maximum() {
    let allocations = [(1, m(1_000)), (2, m(1_000))];
    let buckets = [rules(1, 500, None), rules(2, 100, Some(400))];
    let placements = [place(1, 1, 200), place(2, 1, 200), place(2, 2, 600)];
    let matching = Matching {
        kind: MatchingKind::Proportional,
        pool: m(300),
        cap: None,
    };
    let out = close_round(&allocations, &buckets, &placements, Some(&matching)).unwrap();
    assert!(!out.buckets[0].funded);
    assert_eq!(out.buckets[0].raised, Money::ZERO);
    assert!(out.buckets[1].funded);
    assert_eq!(out.buckets[1].raised, m(400));
    // Full at its maximum: no room for a match.
    assert_eq!(out.buckets[1].matched, Money::ZERO);
    assert_eq!(out.matching_returned, m(300));
    // Org 1 kept 100 of 200 in bucket 2, org 2 kept 300 of 600.
    assert_eq!(out.returned, vec![(1, m(900)), (2, m(700))]);
}

#[test]
fn allocations_equal_and_by_contribution() {
    let people = [(3, m(0)), (1, m(100)), (2, m(300))];
    let equal = allocate(m(100), AllocationRule::Equal, &people).unwrap();
    assert_eq!(equal, vec![(1, m(34)), (2, m(33)), (3, m(33))]);
    let by = allocate(m(1_000), AllocationRule::Contribution, &people).unwrap();
    assert_eq!(by, vec![(1, m(250)), (2, m(750)), (3, m(0))]);
    assert_eq!(
        allocate(m(1), AllocationRule::Contribution, &[(1, m(0))]),
        Err(PoolingError::NoParticipant)
    );
}

#[test]
fn bad_input() {
    assert_eq!(check_goals(m(500), Some(m(100))), Err(PoolingError::MinAboveMax));
    assert_eq!(check_goals(m(0), None), Err(PoolingError::NotPositive));
    assert!(check_goals(m(100), Some(m(100))).is_ok());
    assert_eq!(
        check_allocation(m(1_000), m(800), m(0), None, m(300)),
        Err(PoolingError::MoreThanLeft { left: m(200) })
    );
    assert_eq!(
        check_allocation(m(1_000), m(0), m(900), Some(m(1_000)), m(200)),
        Err(PoolingError::BucketFull { needs: m(100) })
    );
    assert!(check_allocation(m(1_000), m(800), m(0), Some(m(1_000)), m(200)).is_ok());
    assert_eq!(
        close_round(&[(1, m(10))], &[rules(1, 1, None)], &[place(1, 1, 11)], None),
        Err(PoolingError::MoreThanLeft { left: m(10) })
    );
}

/// A round with an allocation per person: persons 11 and 12 of organisation 1 and
/// person 21 of organisation 2, 1 000 each. In bucket 1, persons 11 (100) and 12 (300)
/// are one contributor, organisation 1 with 400: alone, weight 0. In bucket 2, persons
/// 11 (400) and 21 (100) are organisations 1 and 2: (20 + 10)² − 500 = 400. So bucket 2
/// takes the whole matching pool of 1 000; each person gets back their own unspent
/// allocation: 11 → 500, 12 → 700, 21 → 900.
#[test]
fn per_person_allocations_match_by_organisation() {
    let allocations = vec![(11, m(1_000)), (12, m(1_000)), (21, m(1_000))];
    let buckets = vec![
        BucketRules {
            id: 1,
            min: m(100),
            max: None,
        },
        BucketRules {
            id: 2,
            min: m(100),
            max: None,
        },
    ];
    let placements = vec![
        place(1, 11, 100),
        place(1, 12, 300),
        place(2, 11, 400),
        place(2, 21, 100),
    ];
    let matching = Matching {
        kind: MatchingKind::Quadratic,
        pool: m(1_000),
        cap: None,
    };
    let org = |p: i64| p / 10;
    let out = close_round_by(&allocations, &buckets, &placements, Some(&matching), org).unwrap();
    assert_eq!(out.buckets[0].weight, 0);
    assert_eq!(out.buckets[0].matched, m(0));
    // The weight as shared is 400 scaled by a power of two (see the test above).
    let k = out.buckets[1].weight / 400;
    assert_eq!(out.buckets[1].weight, 400 * k);
    assert!(k.is_power_of_two());
    assert_eq!(out.buckets[1].matched, m(1_000));
    assert_eq!(out.returned, vec![(11, m(500)), (12, m(700)), (21, m(900))]);
    // Counted per person instead, bucket 1 would weigh (10 + √300)² − 400 > 0.
    let per_person = close_round(&allocations, &buckets, &placements, Some(&matching)).unwrap();
    assert!(per_person.buckets[0].weight > 0);
}
