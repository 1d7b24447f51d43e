//! Membership fees: a schedule per year with a price per month for each level and size
//! tier, billed monthly, quarterly or yearly, pro rata by whole months for members who
//! join or leave during the period, and sponsorship (a part of a new member's fee paid
//! by the network during its first years).
//!
//! Komunigi's 2022 proposal, as a schedule: observer 10 €/month; active 25 €/month,
//! or 35 €/month from a size of 1 000 (members with more means).
//!
//! # Pro rata
//! A member pays for each month of the period it belongs to for at least one day: it
//! joined on or before the month's last day and had not left before its first day. A
//! member joining on 15 June pays for June. Whole months keep every amount an exact
//! multiple of the monthly price: nothing is rounded.
//!
//! # Sponsorship
//! During the `years` years after joining (months starting before the anniversary), a
//! part of the fee (`basis_points` / 10 000) is paid by the network: the request asks
//! the rest, and the books show the sponsored part as the network's expense. The
//! sponsored part is rounded down to the cent, so that the request and the sponsored
//! part sum exactly to the fee.

use crate::money::Money;
use jiff::civil::Date;

text_enum!(
    /// How often fees are requested.
    BillingPeriod { Monthly = "monthly", Quarterly = "quarterly", Yearly = "yearly" }
);

impl BillingPeriod {
    /// Months per period.
    pub fn months(self) -> i8 {
        match self {
            BillingPeriod::Monthly => 1,
            BillingPeriod::Quarterly => 3,
            BillingPeriod::Yearly => 12,
        }
    }

    /// Periods in a year.
    pub fn per_year(self) -> i8 {
        12 / self.months()
    }
}

/// From this size on, this price per month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tier {
    pub min_size: i64,
    pub monthly: Money,
}

/// The part of new members' fees the network pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sponsorship {
    /// Hundredths of a percent (5 000 = half).
    pub basis_points: u32,
    pub years: i16,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeeError {
    #[error("a level needs tiers, the first from size 0, in increasing sizes")]
    Tiers,
    #[error("a price must not be negative")]
    Negative,
    #[error("sponsorship is at most 100 % for 1 to 10 years")]
    Sponsorship,
    #[error("amount out of range")]
    Overflow,
}

/// The tiers of one level (`observer`, `active`), checked: the first from size 0,
/// sizes increasing, prices not negative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tiers(Vec<Tier>);

impl Tiers {
    pub fn new(tiers: Vec<Tier>) -> Result<Tiers, FeeError> {
        if tiers.first().map(|t| t.min_size) != Some(0) || tiers.windows(2).any(|w| w[0].min_size >= w[1].min_size) {
            return Err(FeeError::Tiers);
        }
        if tiers.iter().any(|t| t.monthly.is_negative()) {
            return Err(FeeError::Negative);
        }
        Ok(Tiers(tiers))
    }

    pub fn tiers(&self) -> &[Tier] {
        &self.0
    }

    /// The price per month for an organisation of `size` (unknown: the first tier).
    pub fn monthly(&self, size: Option<i64>) -> Money {
        let size = size.unwrap_or(0);
        self.0
            .iter()
            .rev()
            .find(|t| t.min_size <= size)
            .map(|t| t.monthly)
            .unwrap_or(Money::ZERO)
    }
}

impl Sponsorship {
    pub fn new(basis_points: u32, years: i16) -> Result<Sponsorship, FeeError> {
        if basis_points > 10_000 || !(1..=10).contains(&years) {
            return Err(FeeError::Sponsorship);
        }
        Ok(Sponsorship { basis_points, years })
    }
}

/// A member as the fees see it: its price per month, and when it belonged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    pub monthly: Money,
    pub joined_on: Date,
    pub left_on: Option<Date>,
}

/// What one period's fee request asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fee {
    /// Months billed (fewer than the period's when joining or leaving during it).
    pub months: i8,
    /// The fee for those months.
    pub gross: Money,
    /// The part the network pays (sponsorship).
    pub sponsored: Money,
}

impl Fee {
    /// What the member is asked: the fee less the sponsored part.
    pub fn net(&self) -> Money {
        Money::from_cents(self.gross.cents() - self.sponsored.cents())
    }
}

/// The first day of period `index` (0-based) of `year`.
pub fn period_start(year: i16, period: BillingPeriod, index: i8) -> Option<Date> {
    let month = 1 + index.checked_mul(period.months())?;
    Date::new(year, month, 1).ok()
}

/// The fee of `member` for period `index` of `year`; `None` when it owes nothing (it
/// did not belong, or its price is zero).
pub fn fee(
    member: &Member,
    year: i16,
    period: BillingPeriod,
    index: i8,
    sponsorship: Option<Sponsorship>,
) -> Result<Option<Fee>, FeeError> {
    let Some(start) = period_start(year, period, index) else {
        return Ok(None);
    };
    let mut months = 0i8;
    let mut sponsored_months = 0i64;
    for k in 0..period.months() {
        let Ok(first) = start.checked_add(jiff::Span::new().months(k)) else {
            continue;
        };
        let last = first.last_of_month();
        let belongs = member.joined_on <= last && member.left_on.is_none_or(|l| l >= first);
        if !belongs {
            continue;
        }
        months += 1;
        if let Some(s) = sponsorship {
            let until = member.joined_on.checked_add(jiff::Span::new().years(s.years)).ok();
            if until.is_some_and(|u| first < u) {
                sponsored_months += 1;
            }
        }
    }
    if months == 0 || !member.monthly.is_positive() {
        return Ok(None);
    }
    let gross = member
        .monthly
        .cents()
        .checked_mul(i64::from(months))
        .ok_or(FeeError::Overflow)?;
    let sponsored = match sponsorship {
        Some(s) => {
            let base = i128::from(member.monthly.cents()) * i128::from(sponsored_months);
            i64::try_from(base * i128::from(s.basis_points) / 10_000).map_err(|_| FeeError::Overflow)?
        }
        None => 0,
    };
    Ok(Some(Fee {
        months,
        gross: Money::from_cents(gross),
        sponsored: Money::from_cents(sponsored),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn eur(units: i64) -> Money {
        Money::from_cents(units * 100)
    }

    /// Komunigi's proposal: observer 10 €, active 25 € or 35 € for those with more means.
    #[test]
    fn komunigi_levels_and_tiers() {
        let observer = Tiers::new(vec![Tier {
            min_size: 0,
            monthly: eur(10),
        }])
        .unwrap();
        let active = Tiers::new(vec![
            Tier {
                min_size: 0,
                monthly: eur(25),
            },
            Tier {
                min_size: 1000,
                monthly: eur(35),
            },
        ])
        .unwrap();
        assert_eq!(observer.monthly(Some(5000)), eur(10));
        assert_eq!(active.monthly(Some(999)), eur(25));
        assert_eq!(active.monthly(Some(1000)), eur(35));
        assert_eq!(active.monthly(None), eur(25));
        let m = Member {
            monthly: active.monthly(Some(1200)),
            joined_on: date(2020, 1, 1),
            left_on: None,
        };
        let f = fee(&m, 2026, BillingPeriod::Yearly, 0, None).unwrap().unwrap();
        assert_eq!((f.months, f.gross, f.sponsored), (12, eur(420), Money::ZERO));
        assert!(
            Tiers::new(vec![Tier {
                min_size: 1,
                monthly: eur(1)
            }])
            .is_err()
        );
        assert!(
            Tiers::new(vec![
                Tier {
                    min_size: 0,
                    monthly: eur(1)
                },
                Tier {
                    min_size: 0,
                    monthly: eur(2)
                }
            ])
            .is_err()
        );
    }

    #[test]
    fn joining_mid_year_pays_pro_rata() {
        let m = Member {
            monthly: eur(25),
            joined_on: date(2026, 6, 15),
            left_on: None,
        };
        let year = fee(&m, 2026, BillingPeriod::Yearly, 0, None).unwrap().unwrap();
        assert_eq!((year.months, year.gross), (7, eur(175)), "June to December");
        assert_eq!(fee(&m, 2026, BillingPeriod::Quarterly, 0, None).unwrap(), None);
        assert_eq!(
            fee(&m, 2026, BillingPeriod::Quarterly, 1, None)
                .unwrap()
                .unwrap()
                .months,
            1
        );
        let left = Member {
            left_on: Some(date(2026, 8, 1)),
            ..m
        };
        assert_eq!(
            fee(&left, 2026, BillingPeriod::Yearly, 0, None)
                .unwrap()
                .unwrap()
                .months,
            3
        );
    }

    #[test]
    fn sponsorship_of_the_first_year() {
        let m = Member {
            monthly: eur(25),
            joined_on: date(2026, 7, 1),
            left_on: None,
        };
        let s = Some(Sponsorship::new(5_000, 1).unwrap());
        let f = fee(&m, 2026, BillingPeriod::Yearly, 0, s).unwrap().unwrap();
        assert_eq!((f.gross, f.sponsored, f.net()), (eur(150), eur(75), eur(75)));
        // The next year: January to June still in the first year.
        let g = fee(&m, 2027, BillingPeriod::Yearly, 0, s).unwrap().unwrap();
        assert_eq!((g.gross, g.sponsored), (eur(300), Money::from_cents(7_500)));
        // A third of 10,00 € is rounded down to the cent; fee = request + sponsored.
        let third = Member { monthly: eur(10), ..m };
        let t = fee(
            &third,
            2026,
            BillingPeriod::Monthly,
            6,
            Some(Sponsorship::new(3_333, 1).unwrap()),
        )
        .unwrap()
        .unwrap();
        assert_eq!((t.sponsored, t.net()), (Money::from_cents(333), Money::from_cents(667)));
        assert!(Sponsorship::new(10_001, 1).is_err());
    }

    proptest! {
        /// The periods of a year bill exactly what the year bills, and a request plus
        /// its sponsored part is the fee.
        #[test]
        fn periods_sum_to_the_year(monthly in 0i64..10_000_000, jm in 1i8..=12, jd in 1i8..=28, left in proptest::option::of((1i8..=12, 1i8..=28)), bp in 0u32..=10_000) {
            let m = Member {
                monthly: Money::from_cents(monthly),
                joined_on: date(2026, jm, jd),
                left_on: left.map(|(lm, ld)| date(2026, lm, ld)).filter(|l| *l >= date(2026, jm, jd)),
            };
            let s = Some(Sponsorship::new(bp, 2).unwrap());
            let year = fee(&m, 2026, BillingPeriod::Yearly, 0, None).unwrap();
            for period in [BillingPeriod::Monthly, BillingPeriod::Quarterly] {
                let mut sum = 0i64;
                for i in 0..period.per_year() {
                    if let Some(f) = fee(&m, 2026, period, i, s).unwrap() {
                        prop_assert_eq!(f.net().cents() + f.sponsored.cents(), f.gross.cents());
                        prop_assert!(f.sponsored.cents() <= f.gross.cents());
                        sum += f.gross.cents();
                    }
                }
                prop_assert_eq!(sum, year.map(|f| f.gross.cents()).unwrap_or(0));
            }
        }
    }
}
