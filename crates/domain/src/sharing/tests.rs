//! Worked examples and edge cases of the sharing keys.

use super::*;
use crate::money::Money;
use std::collections::BTreeMap;

fn eur(units: i64) -> Money {
    Money::from_cents(units * 100)
}

fn terms(total: Money, key: SharingKey) -> CampaignTerms {
    CampaignTerms {
        total,
        key,
        fixed: vec![],
    }
}

fn equal(orgs: impl IntoIterator<Item = OrgId>) -> Vec<Participant> {
    orgs.into_iter().map(Participant::new).collect()
}

/// Participant lines as (org, cents).
fn amounts(shares: &Shares) -> Vec<(OrgId, i64)> {
    shares
        .participant_lines()
        .map(|l| (l.organisation_id, l.amount.cents()))
        .collect()
}

fn lines_sum(shares: &Shares) -> i64 {
    shares.lines.iter().map(|l| l.amount.cents()).sum()
}

#[test]
fn seed_migration_50_000_eur_among_seven() {
    // Six supermarkets and the facilitating cooperative, equal key.
    let shares = compute_shares(&terms(eur(50_000), SharingKey::Equal), &equal(1..=7)).unwrap();
    assert_eq!(
        amounts(&shares),
        vec![
            (1, 714_286),
            (2, 714_286),
            (3, 714_286),
            (4, 714_286),
            (5, 714_286),
            (6, 714_285),
            (7, 714_285)
        ]
    );
    assert_eq!(lines_sum(&shares), 5_000_000);
    assert_eq!((shares.covered, shares.shortfall), (eur(50_000), Money::ZERO));
}

#[test]
fn seed_small_co_fundings() {
    let split = |total, n| amounts(&compute_shares(&terms(total, SharingKey::Equal), &equal(1..=n)).unwrap());
    assert_eq!(split(eur(300), 4), vec![(1, 7_500), (2, 7_500), (3, 7_500), (4, 7_500)]);
    assert_eq!(split(eur(400), 2), vec![(1, 20_000), (2, 20_000)]);
    // The extra cent goes to the smallest organisation id.
    assert_eq!(split(eur(100), 3), vec![(1, 3_334), (2, 3_333), (3, 3_333)]);
}

#[test]
fn size_key_weighs_by_size() {
    let people = [(1, 120), (2, 300), (3, 780)].map(|(o, s)| Participant::new(o).with_size(s));
    let shares = compute_shares(&terms(eur(1_200), SharingKey::Size), &people).unwrap();
    assert_eq!(amounts(&shares), vec![(1, 12_000), (2, 30_000), (3, 78_000)]);

    // 1 000 cents by sizes 1, 2, 4: exact 142.86, 285.71, 571.43.
    let people = [(1, 1), (2, 2), (3, 4)].map(|(o, s)| Participant::new(o).with_size(s));
    let shares = compute_shares(&terms(Money::from_cents(1_000), SharingKey::Size), &people).unwrap();
    assert_eq!(amounts(&shares), vec![(1, 143), (2, 286), (3, 571)]);
}

#[test]
fn explicit_weights_and_zero_weight() {
    let key = SharingKey::Weights {
        weights: BTreeMap::from([(1, 3), (2, 1), (3, 0)]),
    };
    let shares = compute_shares(&terms(eur(1_000), key), &equal(1..=3)).unwrap();
    assert_eq!(amounts(&shares), vec![(1, 75_000), (2, 25_000), (3, 0)]);
}

#[test]
fn tiers_multiply_by_size_tier() {
    let key = SharingKey::Tiers {
        small: 1,
        medium: 2,
        large: 4,
        medium_from: 100,
        large_from: 1_000,
    };
    assert_eq!([99, 100, 999, 1_000].map(|s| key.tier_multiplier(s)), [1, 2, 2, 4]);
    let people = [(1, 50), (2, 100), (3, 999), (4, 1_000), (5, 5_000)].map(|(o, s)| Participant::new(o).with_size(s));
    let shares = compute_shares(&terms(eur(1_300), key), &people).unwrap();
    assert_eq!(
        amounts(&shares),
        vec![(1, 10_000), (2, 20_000), (3, 20_000), (4, 40_000), (5, 40_000)]
    );
}

#[test]
fn caps_bind_with_water_filling() {
    // 250 000 each at first; org 1 is held at 100 000, which lifts the others to
    // 300 000, above org 2's cap of 290 000; the last two share the rest.
    let people = vec![
        Participant::new(1).with_cap(Money::from_cents(100_000)),
        Participant::new(2).with_cap(Money::from_cents(290_000)),
        Participant::new(3).with_cap(Money::from_cents(400_000)),
        Participant::new(4),
    ];
    let shares = compute_shares(&terms(eur(10_000), SharingKey::Equal), &people).unwrap();
    assert_eq!(
        amounts(&shares),
        vec![(1, 100_000), (2, 290_000), (3, 305_000), (4, 305_000)]
    );
    let capped: Vec<bool> = shares.participant_lines().map(|l| l.capped).collect();
    assert_eq!(capped, vec![true, true, false, false]);
    assert_eq!(shares.shortfall, Money::ZERO);
}

#[test]
fn a_cap_equal_to_the_share_does_not_bind_and_a_zero_cap_pays_nothing() {
    let people = vec![
        Participant::new(1).with_cap(eur(50)),
        Participant::new(2),
        Participant::new(3).with_cap(Money::ZERO),
    ];
    let shares = compute_shares(&terms(eur(100), SharingKey::Equal), &people).unwrap();
    assert_eq!(amounts(&shares), vec![(1, 5_000), (2, 5_000), (3, 0)]);
    let capped: Vec<bool> = shares.participant_lines().map(|l| l.capped).collect();
    assert_eq!(capped, vec![false, false, true]);
}

#[test]
fn caps_that_cannot_cover_leave_a_shortfall() {
    let people = vec![
        Participant::new(1).with_cap(eur(300)),
        Participant::new(2).with_cap(eur(200)),
    ];
    let shares = compute_shares(&terms(eur(1_000), SharingKey::Equal), &people).unwrap();
    assert_eq!(amounts(&shares), vec![(1, 30_000), (2, 20_000)]);
    assert_eq!((shares.covered, shares.shortfall), (eur(500), eur(500)));
    assert!(shares.participant_lines().all(|l| l.capped));
}

#[test]
fn fixed_cents_come_first() {
    // The facilitating cooperative (7) covers 10 000 €; six supermarkets share 40 000 €.
    let mut t = terms(eur(50_000), SharingKey::Equal);
    t.fixed = vec![FixedContribution {
        organisation_id: 7,
        amount: FixedAmount::Cents(eur(10_000)),
    }];
    let shares = compute_shares(&t, &equal(1..=6)).unwrap();
    assert_eq!(
        shares.lines[0],
        ShareLine {
            organisation_id: 7,
            amount: eur(10_000),
            fixed: true,
            capped: false
        }
    );
    assert_eq!(
        amounts(&shares),
        vec![
            (1, 666_667),
            (2, 666_667),
            (3, 666_667),
            (4, 666_667),
            (5, 666_666),
            (6, 666_666)
        ]
    );
    assert_eq!(lines_sum(&shares), 5_000_000);
}

#[test]
fn fixed_percent_rounds_down_and_the_cent_stays_shared() {
    let mut t = terms(eur(1_200), SharingKey::Equal);
    t.fixed = vec![FixedContribution {
        organisation_id: 100,
        amount: FixedAmount::Percent { basis_points: 3_000 },
    }];
    let shares = compute_shares(&t, &equal(1..=3)).unwrap();
    assert_eq!(shares.amount_of(100), Some(Money::from_cents(36_000)));
    assert_eq!(amounts(&shares), vec![(1, 28_000), (2, 28_000), (3, 28_000)]);

    // 33,33 % of 100,01 € is 33,333… €: the grant pays 33,33 €, the rest is shared.
    let mut t = terms(Money::from_cents(10_001), SharingKey::Equal);
    t.fixed = vec![FixedContribution {
        organisation_id: 100,
        amount: FixedAmount::Percent { basis_points: 3_333 },
    }];
    let shares = compute_shares(&t, &equal(1..=2)).unwrap();
    assert_eq!(shares.amount_of(100), Some(Money::from_cents(3_333)));
    assert_eq!(amounts(&shares), vec![(1, 3_334), (2, 3_334)]);
}

#[test]
fn fixed_equal_to_total_leaves_nothing_to_share() {
    let mut t = terms(eur(100), SharingKey::Equal);
    t.fixed = vec![FixedContribution {
        organisation_id: 9,
        amount: FixedAmount::Percent { basis_points: 10_000 },
    }];
    let shares = compute_shares(&t, &equal(1..=2)).unwrap();
    assert_eq!(amounts(&shares), vec![(1, 0), (2, 0)]);
    assert_eq!((shares.covered, shares.shortfall), (eur(100), Money::ZERO));
}

#[test]
fn without_participants_only_fixed_is_covered() {
    let mut t = terms(eur(100), SharingKey::Equal);
    t.fixed = vec![FixedContribution {
        organisation_id: 9,
        amount: FixedAmount::Cents(eur(30)),
    }];
    let shares = compute_shares(&t, &[]).unwrap();
    assert_eq!((shares.covered, shares.shortfall), (eur(30), eur(70)));
    assert_eq!(shares.lines.len(), 1);
}

#[test]
fn joining_never_raises_a_share_where_largest_remainder_would() {
    // Largest remainder gives 0 and 4 here, then 1, 3 and 0 once org 3 joins: org 1
    // would pay one cent more for having company. One common rate cannot do that.
    let key = SharingKey::Weights {
        weights: BTreeMap::from([(1, 1), (2, 8), (3, 1)]),
    };
    let t = terms(Money::from_cents(4), key);
    let before = compute_shares(&t, &equal(1..=2)).unwrap();
    let after = compute_shares(&t, &equal(1..=3)).unwrap();
    assert_eq!(amounts(&before), vec![(1, 1), (2, 3)]);
    assert_eq!(amounts(&after), vec![(1, 1), (2, 2), (3, 1)]);
}

#[test]
fn preview_join_says_what_changes() {
    let t = terms(eur(300), SharingKey::Equal);
    let preview = preview_join(&t, &equal(1..=3), &Participant::new(4)).unwrap();
    assert_eq!(preview.your_share, Money::from_cents(7_500));
    let changes: Vec<(OrgId, i64, i64)> = preview
        .changes()
        .iter()
        .map(|c| (c.organisation_id, c.before.cents(), c.after.cents()))
        .collect();
    assert_eq!(
        changes,
        vec![(1, 10_000, 7_500), (2, 10_000, 7_500), (3, 10_000, 7_500)]
    );
    assert_eq!(
        preview_join(&t, &equal(1..=3), &Participant::new(2)),
        Err(SharingError::DuplicateParticipant { org: 2 })
    );
}

#[test]
fn the_order_participants_come_in_does_not_matter() {
    let people = [(5, 3), (1, 7), (3, 2)].map(|(o, s)| Participant::new(o).with_size(s));
    let mut reversed = people.clone();
    reversed.reverse();
    let t = terms(Money::from_cents(1_001), SharingKey::Size);
    assert_eq!(compute_shares(&t, &people), compute_shares(&t, &reversed));
    assert_eq!(
        amounts(&compute_shares(&t, &people).unwrap()),
        vec![(1, 584), (3, 167), (5, 250)]
    );
}

#[test]
fn terms_and_shares_round_trip_through_json() {
    let key_json = [
        (SharingKey::Equal, r#"{"kind":"equal"}"#),
        (SharingKey::Size, r#"{"kind":"size"}"#),
        (
            SharingKey::Weights {
                weights: BTreeMap::from([(-2, 1), (12, 3)]),
            },
            r#"{"kind":"weights","weights":{"-2":1,"12":3}}"#,
        ),
        (
            SharingKey::Tiers {
                small: 1,
                medium: 2,
                large: 3,
                medium_from: 10,
                large_from: 100,
            },
            r#"{"kind":"tiers","small":1,"medium":2,"large":3,"medium_from":10,"large_from":100}"#,
        ),
    ];
    for (key, json) in key_json {
        assert_eq!(serde_json::to_string(&key).unwrap(), json);
        assert_eq!(serde_json::from_str::<SharingKey>(json).unwrap(), key);
    }
    let t = CampaignTerms {
        total: eur(1_000),
        key: SharingKey::Weights {
            weights: BTreeMap::from([(1, 2)]),
        },
        fixed: vec![
            FixedContribution {
                organisation_id: 3,
                amount: FixedAmount::Cents(eur(10)),
            },
            FixedContribution {
                organisation_id: 4,
                amount: FixedAmount::Percent { basis_points: 50 },
            },
        ],
    };
    let json = serde_json::to_string(&t).unwrap();
    assert!(
        json.contains(r#"{"cents":1000}"#) && json.contains(r#"{"percent":{"basis_points":50}}"#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<CampaignTerms>(&json).unwrap(), t);
    let shares = compute_shares(&t, &equal([1])).unwrap();
    assert_eq!(
        serde_json::from_str::<Shares>(&serde_json::to_string(&shares).unwrap()).unwrap(),
        shares
    );
    assert!(serde_json::from_str::<SharingKey>(r#"{"kind":"weights","weights":{"x":1}}"#).is_err());
    // Fixed contributions may be left out.
    let bare: CampaignTerms = serde_json::from_str(r#"{"total":100,"key":{"kind":"equal"}}"#).unwrap();
    assert!(bare.fixed.is_empty());
}

#[test]
fn every_error_has_its_variant() {
    use SharingError::*;
    let equal_terms = |total| terms(total, SharingKey::Equal);
    let fixed = |org, amount| FixedContribution {
        organisation_id: org,
        amount,
    };
    let with_fixed = |list: Vec<FixedContribution>| CampaignTerms {
        fixed: list,
        ..equal_terms(eur(100))
    };
    let one = equal([1]);

    assert_eq!(compute_shares(&equal_terms(Money::ZERO), &one), Err(NonPositiveTotal));
    assert_eq!(validate_terms(&equal_terms(eur(-1))), Err(NonPositiveTotal));
    let negative = [Participant::new(1).with_cap(Money::from_cents(-1))];
    assert_eq!(
        compute_shares(&equal_terms(eur(1)), &negative),
        Err(NegativeCap { org: 1 })
    );
    let too_much = with_fixed(vec![
        fixed(8, FixedAmount::Cents(eur(60))),
        fixed(9, FixedAmount::Percent { basis_points: 5_000 }),
    ]);
    assert_eq!(validate_terms(&too_much), Err(FixedExceedsTotal));
    let huge = with_fixed(vec![fixed(8, FixedAmount::Percent { basis_points: u32::MAX })]);
    assert_eq!(validate_terms(&huge), Err(FixedExceedsTotal));
    assert_eq!(
        validate_terms(&with_fixed(vec![fixed(8, FixedAmount::Cents(Money::ZERO))])),
        Err(NonPositiveFixed { org: 8 })
    );
    assert_eq!(
        validate_terms(&with_fixed(vec![fixed(8, FixedAmount::Percent { basis_points: 0 })])),
        Err(NonPositiveFixed { org: 8 })
    );
    let twice = with_fixed(vec![
        fixed(8, FixedAmount::Cents(eur(1))),
        fixed(8, FixedAmount::Cents(eur(1))),
    ]);
    assert_eq!(validate_terms(&twice), Err(DuplicateFixed { org: 8 }));
    let zero = SharingKey::Weights {
        weights: BTreeMap::from([(1, 0), (2, 0)]),
    };
    assert_eq!(validate_terms(&terms(eur(1), zero)), Err(ZeroWeights));
    let others_only = SharingKey::Weights {
        weights: BTreeMap::from([(1, 0), (2, 5)]),
    };
    // Weight 0 may join first: it pays nothing, the whole amount is missing.
    let alone = compute_shares(&terms(eur(1), others_only.clone()), &one).unwrap();
    assert_eq!(alone.amount_of(1), Some(Money::ZERO));
    assert_eq!(alone.shortfall, eur(1));
    assert_eq!(
        compute_shares(&terms(eur(1), others_only), &equal([3])),
        Err(MissingWeight { org: 3 })
    );
    assert_eq!(
        compute_shares(&terms(eur(1), SharingKey::Size), &one),
        Err(MissingSize { org: 1 })
    );
    let sized_zero = [Participant::new(1).with_size(0)];
    assert_eq!(
        compute_shares(&terms(eur(1), SharingKey::Size), &sized_zero),
        Err(MissingSize { org: 1 })
    );
    assert_eq!(
        compute_shares(&equal_terms(eur(1)), &equal([2, 1, 2])),
        Err(DuplicateParticipant { org: 2 })
    );
    let pledging_fixed = with_fixed(vec![fixed(1, FixedAmount::Cents(eur(1)))]);
    assert_eq!(compute_shares(&pledging_fixed, &one), Err(FixedParticipant { org: 1 }));
    let heavy = SharingKey::Weights {
        weights: BTreeMap::from([(1, u64::MAX), (2, 1)]),
    };
    assert_eq!(compute_shares(&terms(eur(1), heavy), &equal([1, 2])), Err(Overflow));
    let inverted = SharingKey::Tiers {
        small: 1,
        medium: 2,
        large: 3,
        medium_from: 10,
        large_from: 5,
    };
    assert_eq!(validate_terms(&terms(eur(1), inverted)), Err(InvalidTiers));
    let all_zero = SharingKey::Tiers {
        small: 0,
        medium: 0,
        large: 0,
        medium_from: 1,
        large_from: 5,
    };
    assert_eq!(validate_terms(&terms(eur(1), all_zero)), Err(InvalidTiers));
    let free_small = SharingKey::Tiers {
        small: 0,
        medium: 1,
        large: 1,
        medium_from: 10,
        large_from: 50,
    };
    let small = [Participant::new(1).with_size(3)];
    let free = compute_shares(&terms(eur(1), free_small), &small).unwrap();
    assert_eq!((free.amount_of(1), free.shortfall), (Some(Money::ZERO), eur(1)));
}

#[test]
fn extreme_amounts_stay_exact() {
    let people = [(1, u64::MAX / 2), (2, u64::MAX / 2 - 1)].map(|(o, s)| Participant::new(o).with_size(s));
    let shares = compute_shares(&terms(Money::from_cents(i64::MAX), SharingKey::Size), &people).unwrap();
    assert_eq!(lines_sum(&shares) as i128, i64::MAX as i128);
    let capped = [
        Participant::new(1).with_cap(Money::from_cents(i64::MAX - 1)),
        Participant::new(2).with_cap(Money::from_cents(1)),
    ];
    let shares = compute_shares(&terms(Money::from_cents(i64::MAX), SharingKey::Equal), &capped).unwrap();
    assert_eq!(amounts(&shares), vec![(1, i64::MAX - 1), (2, 1)]);
}
