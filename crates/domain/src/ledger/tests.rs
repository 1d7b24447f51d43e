//! Worked examples and property tests of the journal.

use super::*;
use proptest::prelude::*;

fn m(c: i64) -> Money {
    Money::from_cents(c)
}

#[test]
fn an_unbalanced_entry_is_refused() {
    let r = Entry::new(vec![
        debit(Account::BANK, m(100)),
        credit(Account::FEE_INCOME, m(99)).unwrap(),
    ]);
    assert_eq!(r, Err(LedgerError::Unbalanced(1)));
    assert_eq!(
        Entry::new(vec![debit(Account::BANK, m(100))]),
        Err(LedgerError::TooFewLines)
    );
    let no_party = Entry::new(vec![
        debit(
            Account {
                kind: AccountKind::Receivable,
                party: 0,
            },
            m(1),
        ),
        credit(Account::FEE_INCOME, m(1)).unwrap(),
    ]);
    assert_eq!(no_party, Err(LedgerError::Party("receivable")));
}

#[test]
fn a_sponsored_fee() {
    let e = Event::FeeRequested {
        organisation: 7,
        gross: m(12_000),
        sponsored: m(6_000),
    }
    .entry()
    .unwrap();
    let mut books = Books::default();
    books.post(&e).unwrap();
    assert_eq!(books.balance(Account::receivable(7)), m(6_000));
    assert_eq!(books.balance(Account::SPONSORSHIP), m(6_000));
    assert_eq!(books.balance(Account::FEE_INCOME), m(-12_000));
    assert_eq!(
        books.trial_balance().unwrap(),
        TrialBalance {
            debit: m(12_000),
            credit: m(12_000)
        }
    );
}

#[test]
fn an_overpayment_becomes_credit() {
    let mut books = Books::default();
    for e in [
        Event::ShareRequested {
            organisation: 1,
            campaign: 9,
            amount: m(10_000),
        },
        Event::PaymentReceived {
            organisation: 1,
            amount: m(12_500),
            to_receivable: m(10_000),
        },
    ] {
        books.post(&e.entry().unwrap()).unwrap();
    }
    assert_eq!(books.balance(Account::receivable(1)), m(0));
    assert_eq!(books.balance(Account::credit(1)), m(-2_500));
    assert_eq!(books.balance(Account::BANK), m(12_500));
    let bad = Event::PaymentReceived {
        organisation: 1,
        amount: m(100),
        to_receivable: m(101),
    };
    assert_eq!(bad.entry(), Err(LedgerError::NotPositive));
}

#[test]
fn a_reserve_is_filled_by_provisions_and_drawn_by_a_campaign() {
    let mut books = Books::default();
    for e in [
        Event::ProvisionRequested {
            organisation: 1,
            reserve: 4,
            amount: m(2_500),
        },
        Event::ProvisionRequested {
            organisation: 2,
            reserve: 4,
            amount: m(2_500),
        },
        Event::ReserveDrawn {
            reserve: 4,
            campaign: 9,
            amount: m(5_000),
        },
        Event::ShareRequested {
            organisation: 1,
            campaign: 9,
            amount: m(7_500),
        },
    ] {
        books.post(&e.entry().unwrap()).unwrap();
    }
    assert_eq!(books.balance(Account::reserve(4)), m(0));
    // The campaign holds the reserve's part and the share: the whole cost.
    assert_eq!(books.balance(Account::project(9)), m(-12_500));
    assert_eq!(books.balance(Account::receivable(1)), m(10_000));
    let tb = books.trial_balance().unwrap();
    assert_eq!(tb.debit, tb.credit);
}

#[test]
fn overflow_changes_nothing() {
    let mut books = Books::default();
    let big = Event::GrantReceived { amount: m(i64::MAX) }.entry().unwrap();
    books.post(&big).unwrap();
    let before = books.clone();
    assert_eq!(books.post(&big), Err(LedgerError::Overflow));
    assert_eq!(books, before);
}

fn event() -> impl Strategy<Value = Event> {
    let org = 1i64..5;
    let camp = 1i64..4;
    let amt = 1i64..1_000_000_000;
    prop_oneof![
        (org.clone(), camp.clone(), amt.clone()).prop_map(|(o, c, a)| Event::ShareRequested {
            organisation: o,
            campaign: c,
            amount: m(a)
        }),
        (org.clone(), amt.clone(), 0u32..=100).prop_map(|(o, a, pct)| Event::FeeRequested {
            organisation: o,
            gross: m(a),
            sponsored: m(a / 100 * i64::from(pct)),
        }),
        (org.clone(), amt.clone(), 0u32..=100).prop_map(|(o, a, pct)| Event::PaymentReceived {
            organisation: o,
            amount: m(a),
            to_receivable: m(a / 100 * i64::from(pct)),
        }),
        amt.clone().prop_map(|a| Event::Unidentified { amount: m(a) }),
        (camp.clone(), amt.clone()).prop_map(|(p, a)| Event::PoolPeriodicPaid { pool: p, amount: m(a) }),
        (org.clone(), amt.clone()).prop_map(|(o, a)| Event::OtherRequested {
            organisation: o,
            amount: m(a)
        }),
        (org.clone(), amt.clone()).prop_map(|(o, a)| Event::Identified {
            organisation: o,
            amount: m(a),
            to_receivable: m(a / 2)
        }),
        (org.clone(), amt.clone()).prop_map(|(o, a)| Event::CreditApplied {
            organisation: o,
            amount: m(a)
        }),
        (org.clone(), camp.clone(), amt.clone()).prop_map(|(o, c, a)| Event::CatchUpCredited {
            organisation: o,
            campaign: c,
            amount: m(a)
        }),
        (org.clone(), camp.clone(), amt.clone()).prop_map(|(o, c, a)| Event::Cancelled {
            organisation: o,
            against: Account::project(c),
            amount: m(a),
        }),
        (camp.clone(), amt.clone()).prop_map(|(c, a)| Event::ProviderPaid {
            campaign: c,
            amount: m(a)
        }),
        amt.clone().prop_map(|a| Event::GrantReceived { amount: m(a) }),
        amt.clone().prop_map(|a| Event::SponsorshipCancelled { amount: m(a) }),
        amt.clone().prop_map(|a| Event::OperatingCost { amount: m(a) }),
        (org.clone(), 1i64..3, amt.clone()).prop_map(|(o, r, a)| Event::ProvisionRequested {
            organisation: o,
            reserve: r,
            amount: m(a)
        }),
        (1i64..3, camp, amt.clone()).prop_map(|(r, c, a)| Event::ReserveDrawn {
            reserve: r,
            campaign: c,
            amount: m(a)
        }),
        (org, 1i64..3, amt).prop_map(|(o, r, a)| Event::Cancelled {
            organisation: o,
            against: Account::reserve(r),
            amount: m(a),
        }),
    ]
}

proptest! {
    /// Any sequence of money events leaves the trial balance at zero, each balance
    /// (and so each member's statement) equal to the sum of its journal lines, and
    /// `check` finding nothing.
    #[test]
    fn any_events_keep_the_books_balanced(events in proptest::collection::vec(event(), 0..60)) {
        let mut books = Books::default();
        let mut journal = Vec::new();
        for (i, e) in events.iter().enumerate() {
            let entry = e.entry().unwrap();
            books.post(&entry).unwrap();
            for l in entry.lines() {
                journal.push((i as i64, l.account, l.amount));
            }
        }
        let tb = books.trial_balance().unwrap();
        prop_assert_eq!(tb.debit, tb.credit);
        prop_assert!(check(&books.balances, journal.iter().copied()).is_empty());
        for org in 1..5 {
            let statement: i64 = journal
                .iter()
                .filter(|(_, a, _)| a.party == org && matches!(a.kind, AccountKind::Receivable | AccountKind::MemberCredit))
                .map(|(_, _, amount)| amount.cents())
                .sum();
            prop_assert_eq!(
                statement,
                books.balance(Account::receivable(org)).cents() + books.balance(Account::credit(org)).cents()
            );
        }
    }

    /// A stored balance changed by one cent is found.
    #[test]
    fn check_finds_a_changed_balance(events in proptest::collection::vec(event(), 1..20), delta in prop_oneof![Just(-1i64), Just(1i64)]) {
        let mut books = Books::default();
        let mut journal = Vec::new();
        for (i, e) in events.iter().enumerate() {
            let entry = e.entry().unwrap();
            books.post(&entry).unwrap();
            journal.extend(entry.lines().iter().map(|l| (i as i64, l.account, l.amount)));
        }
        let mut stored = books.balances.clone();
        let (account, balance) = stored.iter().next().map(|(a, b)| (*a, *b)).unwrap();
        stored.insert(account, m(balance.cents() + delta));
        let found = check(&stored, journal);
        prop_assert_eq!(found.len(), 1);
    }
}

/// A pool's periodic request, asked and paid: the bank holds the money once, the pool
/// has it, the other income and the member's receivable are back to nothing.
#[test]
fn a_periodic_request_paid_moves_its_money_into_the_pool_once() {
    let amount = m(400);
    let mut balances: std::collections::BTreeMap<Account, i64> = Default::default();
    for e in [
        Event::OtherRequested {
            organisation: 7,
            amount,
        },
        Event::PaymentReceived {
            organisation: 7,
            amount,
            to_receivable: amount,
        },
        Event::PoolPeriodicPaid { pool: 3, amount },
    ] {
        for l in e.entry().unwrap().lines() {
            *balances.entry(l.account).or_default() += l.amount.cents();
        }
    }
    assert_eq!(balances[&Account::BANK], 400);
    assert_eq!(balances[&Account::pool(3)], -400);
    assert_eq!(balances[&Account::OTHER_INCOME], 0);
    assert_eq!(balances[&Account::receivable(7)], 0);
}
