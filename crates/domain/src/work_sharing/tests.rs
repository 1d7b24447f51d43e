//! Worked examples and properties of work sharing: exact sums, the fee exact, days
//! exact, busyness per month, consent.

use super::*;
use proptest::prelude::*;

fn d(y: i16, m: i8, day: i8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn member(org: OrgId, capacity_days: i64) -> Member {
    Member {
        organisation_id: org,
        capacity_days,
        share: None,
    }
}

#[test]
fn three_members_by_capacity_with_a_finders_fee() {
    // 30 000,00 € and 60 days, a 5 % fee to organisation 9; capacities 20, 10 and 10.
    let s = split(
        Money::from_cents(3_000_000),
        60,
        Some(Finder {
            organisation_id: 9,
            basis_points: 500,
        }),
        Basis::Capacity,
        &[member(3, 10), member(1, 20), member(2, 10)],
    )
    .unwrap();
    assert_eq!(s.fee, Money::from_cents(150_000));
    assert_eq!(s.finder, Some(9));
    let parts: Vec<(OrgId, i64, i64)> = s
        .lines
        .iter()
        .map(|l| (l.organisation_id, l.days, l.amount.cents()))
        .collect();
    assert_eq!(parts, vec![(1, 30, 1_425_000), (2, 15, 712_500), (3, 15, 712_500)]);
}

#[test]
fn the_cent_left_by_a_third_goes_to_the_smallest_id() {
    // 100,00 € less a 2,5 % fee of 2,50 €: 97,50 € among three equal shares.
    let s = split(
        Money::from_cents(10_000),
        10,
        Some(Finder {
            organisation_id: 1,
            basis_points: 250,
        }),
        Basis::Shares,
        &[
            Member {
                organisation_id: 5,
                capacity_days: 0,
                share: Some(1),
            },
            Member {
                organisation_id: 4,
                capacity_days: 0,
                share: Some(1),
            },
            Member {
                organisation_id: 6,
                capacity_days: 0,
                share: Some(1),
            },
        ],
    )
    .unwrap();
    assert_eq!(s.fee.cents(), 250);
    let amounts: Vec<i64> = s.lines.iter().map(|l| l.amount.cents()).collect();
    assert_eq!(amounts, vec![3250, 3250, 3250]);
    let days: Vec<i64> = s.lines.iter().map(|l| l.days).collect();
    assert_eq!(days, vec![4, 3, 3]);
}

#[test]
fn a_fee_drops_the_fraction_of_a_cent_to_the_team() {
    // 3,33 % of 1,00 € is 3,33 cents: 3 cents, the third of a cent stays shared.
    assert_eq!(finder_fee(Money::from_cents(100), 333).unwrap().cents(), 3);
    assert_eq!(finder_fee(Money::from_cents(100), 0).unwrap().cents(), 0);
    assert_eq!(finder_fee(Money::from_cents(100), 5_001), Err(WorkError::FeeOutOfRange));
    assert_eq!(finder_fee(Money::ZERO, 100), Err(WorkError::NonPositiveBudget));
}

#[test]
fn bad_teams_are_refused_with_their_field() {
    let b = Money::from_cents(1000);
    assert_eq!(split(b, 5, None, Basis::Capacity, &[]), Err(WorkError::NoMembers));
    assert_eq!(
        split(b, 5, None, Basis::Capacity, &[member(1, 2), member(1, 3)]),
        Err(WorkError::DuplicateMember(1))
    );
    assert_eq!(
        split(b, 5, None, Basis::Capacity, &[member(1, 0)]),
        Err(WorkError::NoCapacity(1))
    );
    assert_eq!(
        split(b, 5, None, Basis::Shares, &[member(1, 3)]),
        Err(WorkError::MissingShare(1))
    );
    assert_eq!(
        split(b, 0, None, Basis::Capacity, &[member(1, 3)]),
        Err(WorkError::DaysOutOfRange)
    );
    assert_eq!(WorkError::MissingShare(1).field(), "shares");
    assert_eq!(WorkError::DaysOutOfRange.field(), "days");
}

#[test]
fn capacities_are_checked_on_their_fields() {
    let (a, b) = (d(2027, 1, 1), d(2027, 1, 31));
    assert!(check_capacity(10, 50_000, a, b).is_empty());
    assert!(check_capacity(10, 0, a, b).is_empty());
    assert_eq!(
        check_capacity(0, 1, a, b),
        vec![("capacity_days", "work-capacity-positive")]
    );
    assert_eq!(
        check_capacity(-3, 1, a, b),
        vec![("capacity_days", "work-capacity-positive")]
    );
    assert_eq!(
        check_capacity(32, 1, a, b),
        vec![("capacity_days", "work-capacity-over-period")]
    );
    assert_eq!(
        check_capacity(5, -1, a, b),
        vec![("day_rate_cents", "work-rate-negative")]
    );
    assert_eq!(check_capacity(5, 1, b, a), vec![("available_to", "work-period-order")]);
}

#[test]
fn days_are_spread_by_calendar_days_in_each_month() {
    // 10 days over 17 January to 14 February: 15 days in January, 14 in February.
    let s = spread(10, d(2027, 1, 17), d(2027, 2, 14));
    assert_eq!(
        s,
        vec![(Month { year: 2027, month: 1 }, 5), (Month { year: 2027, month: 2 }, 5)]
    );
    // Over a year end.
    let s = spread(3, d(2026, 12, 1), d(2027, 2, 28));
    assert_eq!(s.iter().map(|p| p.1).sum::<i64>(), 3);
    assert_eq!(s[0].0, Month { year: 2026, month: 12 });
    assert_eq!(s[2].0, Month { year: 2027, month: 2 });
    assert!(spread(3, d(2027, 2, 1), d(2027, 1, 1)).is_empty());
}

#[test]
fn busyness_counts_bookings_against_the_latest_declaration() {
    let bookings = [
        Booking {
            days: 12,
            from: d(2027, 3, 1),
            to: d(2027, 3, 31),
        },
        Booking {
            days: 4,
            from: d(2027, 3, 1),
            to: d(2027, 3, 31),
        },
    ];
    let declarations = [
        Declaration {
            days: 10,
            from: d(2027, 3, 1),
            to: d(2027, 4, 30),
            order: 1,
        },
        Declaration {
            days: 20,
            from: d(2027, 3, 1),
            to: d(2027, 3, 31),
            order: 2,
        },
    ];
    let load = busyness(&bookings, &declarations);
    assert_eq!(load.len(), 2);
    assert_eq!(load[0].booked_days, 16);
    assert_eq!(load[0].capacity_days, Some(20));
    assert_eq!(load[0].percent(), Some(80));
    assert!(!load[0].over());
    assert_eq!(load[1].booked_days, 0);
    assert_eq!(load[1].capacity_days, Some(5));
}

#[test]
fn consent_needs_everyone_and_one_refusal_declines() {
    let team = [1, 2, 3];
    let mut answers = BTreeMap::new();
    assert_eq!(consent_state(&team, &answers), SplitStatus::Proposed);
    answers.insert(1, true);
    answers.insert(2, true);
    assert_eq!(consent_state(&team, &answers), SplitStatus::Proposed);
    answers.insert(3, true);
    assert_eq!(consent_state(&team, &answers), SplitStatus::InForce);
    answers.insert(2, false);
    assert_eq!(consent_state(&team, &answers), SplitStatus::Declined);
}

fn team() -> impl Strategy<Value = Vec<(OrgId, i64, u64)>> {
    prop::collection::btree_map(1i64..500, (1i64..400, 1u64..1000), 1..8)
        .prop_map(|m| m.into_iter().map(|(o, (c, s))| (o, c, s)).collect())
}

proptest! {
    #[test]
    fn every_split_sums_to_the_budget_and_the_days(
        budget in 1i64..10_000_000_000,
        days in 1i64..=MAX_DAYS,
        fee in 0u32..=MAX_FEE_BASIS_POINTS,
        shares in any::<bool>(),
        people in team(),
    ) {
        let members: Vec<Member> = people
            .iter()
            .map(|(o, c, s)| Member { organisation_id: *o, capacity_days: *c, share: Some(*s) })
            .collect();
        let basis = if shares { Basis::Shares } else { Basis::Capacity };
        let finder = Some(Finder { organisation_id: 999, basis_points: fee });
        let s = split(Money::from_cents(budget), days, finder, basis, &members).unwrap();
        // The fee exact: the budget's basis points rounded down.
        prop_assert_eq!(s.fee.cents() as i128, budget as i128 * fee as i128 / 10_000);
        // Sum of parts == budget to the cent; days exact.
        let money: i64 = s.lines.iter().map(|l| l.amount.cents()).sum();
        prop_assert_eq!(money + s.fee.cents(), budget);
        prop_assert_eq!(s.lines.iter().map(|l| l.days).sum::<i64>(), days);
        // Nobody gets more than its exact share rounded up, nothing negative.
        let total_w: u128 = s.lines.iter().map(|l| l.weight as u128).sum();
        let rest = (budget - s.fee.cents()) as u128;
        for l in &s.lines {
            prop_assert!(l.amount.cents() >= 0 && l.days >= 0);
            prop_assert!((l.amount.cents() as u128) <= (rest * l.weight as u128).div_ceil(total_w));
            prop_assert!((l.days as u128) <= (days as u128 * l.weight as u128).div_ceil(total_w));
        }
    }

    #[test]
    fn a_spread_sums_to_its_days(days in 0i64..=MAX_DAYS, start in 0i32..2000, len in 0i32..900) {
        let from = d(2026, 1, 1).saturating_add(start.days());
        let to = from.saturating_add(len.days());
        let s = spread(days, from, to);
        prop_assert_eq!(s.iter().map(|p| p.1).sum::<i64>(), days);
        prop_assert_eq!(s.first().map(|p| p.0), Some(Month::of(from)));
        prop_assert_eq!(s.last().map(|p| p.0), Some(Month::of(to)));
    }

    #[test]
    fn busyness_books_every_day(bookings in prop::collection::vec((0i64..300, 0i32..700, 0i32..200), 0..6)) {
        let list: Vec<Booking> = bookings
            .iter()
            .map(|(days, start, len)| {
                let from = d(2026, 1, 1).saturating_add(start.days());
                Booking { days: *days, from, to: from.saturating_add(len.days()) }
            })
            .collect();
        let load = busyness(&list, &[]);
        prop_assert_eq!(load.iter().map(|m| m.booked_days).sum::<i64>(), list.iter().map(|b| b.days).sum::<i64>());
        prop_assert!(load.windows(2).all(|w| w[0].month < w[1].month));
    }
}
