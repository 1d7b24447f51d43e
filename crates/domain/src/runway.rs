//! The network's runway: how many months its money lasts at its current costs and
//! income, counting the grant until its end, and which monthly fee per member would
//! make it last for good ("how do we fund the facilitation after the grant?").
//!
//! Month by month, from now: the cash grows by the fees and, while the grant runs, the
//! grant's monthly amount, and shrinks by the costs. The runway is the number of whole
//! months before the cash would fall below zero; none when, once the grant has ended,
//! fees cover costs (and the cash never fell below zero before).

use crate::money::Money;

/// What the runway is computed from, all per month except the cash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Money at the bank now.
    pub cash: Money,
    pub costs: Money,
    pub fees: Money,
    pub grant: Money,
    /// Months the grant still pays (0: it has ended).
    pub grant_months: u32,
}

/// How long the money lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runway {
    /// Fees cover costs once the grant has ended: the money never runs out.
    Sustainable,
    /// Whole months before the cash falls below zero (0: it already is, or will within
    /// this month).
    Months(u32),
}

/// The runway of a budget (exact integers, 128 bits: no overflow).
pub fn runway(b: &Budget) -> Runway {
    let mut cash = i128::from(b.cash.cents());
    if cash < 0 {
        return Runway::Months(0);
    }
    let during = i128::from(b.fees.cents()) + i128::from(b.grant.cents()) - i128::from(b.costs.cents());
    let after = i128::from(b.fees.cents()) - i128::from(b.costs.cents());
    // While the grant runs: whole months before the cash would go below zero.
    if during < 0 {
        let lasts = cash / -during;
        if lasts < i128::from(b.grant_months) {
            return Runway::Months(u32::try_from(lasts).unwrap_or(u32::MAX));
        }
    }
    cash += during * i128::from(b.grant_months);
    if after >= 0 {
        return Runway::Sustainable;
    }
    let months = i128::from(b.grant_months) + cash / -after;
    Runway::Months(u32::try_from(months).unwrap_or(u32::MAX))
}

/// The monthly fee each of `members` must pay for fees to cover `costs` on their own
/// (after the grant): the costs divided among them, rounded up to the cent. `None`
/// without members.
pub fn sustainable_fee(costs: Money, members: i64) -> Option<Money> {
    if members <= 0 {
        return None;
    }
    let c = costs.cents().max(0);
    Some(Money::from_cents(c / members + i64::from(c % members != 0)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn eur(u: i64) -> Money {
        Money::from_cents(u * 100)
    }

    /// Komunigi-like: 4 000 €/month of facilitation, a grant of 3 000 €/month for 6 more
    /// months, 12 members at 25 €, 10 000 € in the bank.
    #[test]
    fn after_the_grant() {
        let b = Budget {
            cash: eur(10_000),
            costs: eur(4_000),
            fees: eur(300),
            grant: eur(3_000),
            grant_months: 6,
        };
        // During the grant: −700/month → 5 800 left after 6 months; then −3 700/month:
        // one more whole month.
        assert_eq!(runway(&b), Runway::Months(7));
        assert_eq!(sustainable_fee(eur(4_000), 12), Some(Money::from_cents(33_334)));
        let with_fee = Budget {
            fees: Money::from_cents(33_334 * 12),
            ..b
        };
        assert_eq!(runway(&with_fee), Runway::Sustainable);
        let short = Budget {
            fees: Money::from_cents(33_333 * 12),
            ..b
        };
        assert!(
            matches!(runway(&short), Runway::Months(_)),
            "one cent short is not sustainable"
        );
    }

    #[test]
    fn running_out_during_the_grant() {
        let b = Budget {
            cash: eur(1_000),
            costs: eur(2_000),
            fees: eur(0),
            grant: eur(1_500),
            grant_months: 12,
        };
        assert_eq!(runway(&b), Runway::Months(2));
        assert_eq!(runway(&Budget { cash: eur(-1), ..b }), Runway::Months(0));
        assert_eq!(sustainable_fee(eur(1), 0), None);
    }

    proptest! {
        /// The closed form agrees with simulating month by month.
        #[test]
        fn agrees_with_a_simulation(cash in 0i64..1_000_000, costs in 0i64..100_000, fees in 0i64..100_000, grant in 0i64..100_000, gm in 0u32..40) {
            let b = Budget { cash: Money::from_cents(cash), costs: Money::from_cents(costs), fees: Money::from_cents(fees), grant: Money::from_cents(grant), grant_months: gm };
            let mut c = cash;
            let mut month = 0u32;
            let simulated = loop {
                if month > gm && fees >= costs {
                    break Runway::Sustainable;
                }
                let g = if month < gm { grant } else { 0 };
                c += fees + g - costs;
                if c < 0 {
                    break Runway::Months(month);
                }
                month += 1;
                if month > 20_000 {
                    // Too long to simulate: the closed form says at least as much.
                    break Runway::Months(u32::MAX);
                }
            };
            match (runway(&b), simulated) {
                (Runway::Months(n), Runway::Months(u32::MAX)) => prop_assert!(n > 20_000),
                (closed, simulated) => prop_assert_eq!(closed, simulated),
            }
        }
    }
}
