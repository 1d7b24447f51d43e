//! The core circle (noyau): its seats, the rules a composition keeps, and the length
//! of a user cooperative's mandate.
//!
//! Komunigi's defaults: 1–2 seats for the facilitating cooperative, 2–3 elected among
//! the user cooperatives, a user cooperative's mandate at most 2 years (730 days). A
//! network may change the numbers ([`SeatRules`]); a composition that breaks one is
//! refused with the rule it breaks ([`RuleBroken`]), never stored.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

text_enum!(
    /// A seat of the core circle: the facilitating cooperative's, or one elected among
    /// the user cooperatives.
    Seat { Facilitator = "facilitator", Elected = "elected" }
);

/// Days before a mandate's end when the core and the facilitator are warned.
pub const WARN_DAYS: i64 = 60;

/// A network's seat rules (its governance settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatRules {
    pub facilitator_min: u32,
    pub facilitator_max: u32,
    pub elected_min: u32,
    pub elected_max: u32,
    /// The longest mandate of an elected (user cooperative) seat, in days.
    pub max_mandate_days: i64,
}

impl Default for SeatRules {
    fn default() -> SeatRules {
        SeatRules {
            facilitator_min: 1,
            facilitator_max: 2,
            elected_min: 2,
            elected_max: 3,
            max_mandate_days: 730,
        }
    }
}

impl RuleBroken {
    /// The rule's code (`core-too-many`…), for the error message people read.
    pub fn code(&self) -> &'static str {
        match self {
            RuleBroken::Rules => "core-rules",
            RuleBroken::EndsBeforeStart => "core-ends-before-start",
            RuleBroken::TooLong { .. } => "core-too-long",
            RuleBroken::TooMany { .. } => "core-too-many",
            RuleBroken::TooFew { .. } => "core-too-few",
            RuleBroken::TwoSeats { .. } => "core-two-seats",
        }
    }
}

/// A rule of the core circle, broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleBroken {
    /// The rules themselves do not hold together (a minimum above its maximum…).
    #[error("the seat rules contradict themselves")]
    Rules,
    /// A mandate ends on or before the day it starts.
    #[error("a mandate ends before it starts")]
    EndsBeforeStart,
    /// An elected mandate longer than the limit.
    #[error("a mandate lasts longer than {max_days} days")]
    TooLong { max_days: i64 },
    /// More seats of a kind than allowed, on a day.
    #[error("more than {max} {seat} seats on {day}")]
    TooMany { seat: Seat, max: u32, day: Date },
    /// Fewer seats of a kind than required, on a day.
    #[error("fewer than {min} {seat} seats on {day}")]
    TooFew { seat: Seat, min: u32, day: Date },
    /// One organisation holds two seats at once.
    #[error("an organisation holds two seats at once on {day}")]
    TwoSeats { day: Date },
}

impl SeatRules {
    /// The rules hold together: each minimum at most its maximum, a mandate of at least
    /// a month.
    pub fn check(&self) -> Result<(), RuleBroken> {
        if self.facilitator_min > self.facilitator_max
            || self.elected_min > self.elected_max
            || self.facilitator_max + self.elected_max == 0
            || self.max_mandate_days < 30
            || self.max_mandate_days > 3660
            || self.facilitator_max > 20
            || self.elected_max > 50
        {
            return Err(RuleBroken::Rules);
        }
        Ok(())
    }
}

/// A mandate: an organisation on a seat, from its first day to its last (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mandate {
    pub organisation_id: i64,
    pub seat: Seat,
    pub starts_on: Date,
    pub ends_on: Date,
}

impl Mandate {
    fn holds_on(&self, day: Date) -> bool {
        self.starts_on <= day && day <= self.ends_on
    }
}

/// Checks one mandate alone: it ends after it starts; an elected one lasts at most the
/// limit.
pub fn check_mandate(rules: &SeatRules, m: &Mandate) -> Result<(), RuleBroken> {
    if m.ends_on <= m.starts_on {
        return Err(RuleBroken::EndsBeforeStart);
    }
    if m.seat == Seat::Elected {
        let days = (m.ends_on - m.starts_on).get_days() as i64;
        if days > rules.max_mandate_days {
            return Err(RuleBroken::TooLong {
                max_days: rules.max_mandate_days,
            });
        }
    }
    Ok(())
}

/// Checks a composition (every mandate of the circle, past and future) from `from` on:
/// each mandate alone, then on every day a mandate starts or ends (the composition only
/// changes then), at most the maximum of each seat and no organisation on two seats.
/// The minimums are checked on the days the circle has begun to sit (`from` on, once it
/// has any mandate): a circle being filled in one step at a time may be short before
/// its first full day — the caller asks [`check_full`] for the day that matters.
pub fn check_composition(rules: &SeatRules, mandates: &[Mandate], from: Date) -> Result<(), RuleBroken> {
    rules.check()?;
    for m in mandates {
        check_mandate(rules, m)?;
    }
    for day in change_days(mandates, from) {
        check_day(rules, mandates, day, false)?;
    }
    Ok(())
}

/// Checks the composition on `day` including the minimums: the circle is complete.
pub fn check_full(rules: &SeatRules, mandates: &[Mandate], day: Date) -> Result<(), RuleBroken> {
    rules.check()?;
    check_day(rules, mandates, day, true)
}

fn change_days(mandates: &[Mandate], from: Date) -> Vec<Date> {
    let mut days: Vec<Date> = mandates
        .iter()
        .flat_map(|m| [m.starts_on, m.ends_on])
        .chain(std::iter::once(from))
        .filter(|d| *d >= from)
        .collect();
    days.sort();
    days.dedup();
    days
}

fn check_day(rules: &SeatRules, mandates: &[Mandate], day: Date, minimums: bool) -> Result<(), RuleBroken> {
    let sitting: Vec<&Mandate> = mandates.iter().filter(|m| m.holds_on(day)).collect();
    let mut orgs: Vec<i64> = sitting.iter().map(|m| m.organisation_id).collect();
    orgs.sort_unstable();
    if orgs.windows(2).any(|w| w[0] == w[1]) {
        return Err(RuleBroken::TwoSeats { day });
    }
    for (seat, min, max) in [
        (Seat::Facilitator, rules.facilitator_min, rules.facilitator_max),
        (Seat::Elected, rules.elected_min, rules.elected_max),
    ] {
        let n = sitting.iter().filter(|m| m.seat == seat).count() as u32;
        if n > max {
            return Err(RuleBroken::TooMany { seat, max, day });
        }
        if minimums && n < min {
            return Err(RuleBroken::TooFew { seat, min, day });
        }
    }
    Ok(())
}

/// The day the warning of a mandate's end is due ([`WARN_DAYS`] before its last day).
pub fn warn_on(ends_on: Date) -> Date {
    ends_on
        .checked_sub(jiff::Span::new().days(WARN_DAYS))
        .unwrap_or(ends_on)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn m(org: i64, seat: Seat, from: Date, to: Date) -> Mandate {
        Mandate {
            organisation_id: org,
            seat,
            starts_on: from,
            ends_on: to,
        }
    }

    fn komunigi() -> Vec<Mandate> {
        let (a, b) = (date(2026, 1, 1), date(2027, 12, 31));
        vec![
            m(1, Seat::Facilitator, a, date(2030, 1, 1)),
            m(2, Seat::Elected, a, b),
            m(3, Seat::Elected, a, b),
            m(4, Seat::Elected, date(2026, 6, 1), b),
        ]
    }

    #[test]
    fn the_default_composition_is_accepted() {
        let rules = SeatRules::default();
        rules.check().unwrap();
        check_composition(&rules, &komunigi(), date(2026, 1, 1)).unwrap();
        check_full(&rules, &komunigi(), date(2026, 3, 1)).unwrap();
    }

    #[test]
    fn each_violation_is_refused_with_its_rule() {
        let rules = SeatRules::default();
        let from = date(2026, 1, 1);
        // A fourth elected seat.
        let mut four = komunigi();
        four.push(m(5, Seat::Elected, date(2026, 7, 1), date(2027, 7, 1)));
        assert_eq!(
            check_composition(&rules, &four, from),
            Err(RuleBroken::TooMany {
                seat: Seat::Elected,
                max: 3,
                day: date(2026, 7, 1)
            })
        );
        // A third facilitator seat.
        let mut fac = komunigi();
        fac.push(m(6, Seat::Facilitator, from, date(2026, 2, 1)));
        fac.push(m(7, Seat::Facilitator, from, date(2026, 2, 1)));
        assert!(matches!(
            check_composition(&rules, &fac, from),
            Err(RuleBroken::TooMany {
                seat: Seat::Facilitator,
                ..
            })
        ));
        // Longer than two years.
        let long = m(8, Seat::Elected, from, date(2028, 1, 2));
        assert_eq!(check_mandate(&rules, &long), Err(RuleBroken::TooLong { max_days: 730 }));
        // Ending before it starts.
        let back = m(8, Seat::Elected, from, date(2025, 12, 1));
        assert_eq!(check_mandate(&rules, &back), Err(RuleBroken::EndsBeforeStart));
        // One organisation on two seats.
        let mut twice = komunigi();
        twice.push(m(2, Seat::Facilitator, date(2026, 3, 1), date(2026, 4, 1)));
        assert!(matches!(
            check_composition(&rules, &twice, from),
            Err(RuleBroken::TwoSeats { .. })
        ));
        // Too few elected on a day the circle must be complete.
        let short = &komunigi()[..2];
        assert!(matches!(
            check_full(&rules, short, date(2026, 3, 1)),
            Err(RuleBroken::TooFew {
                seat: Seat::Elected,
                min: 2,
                ..
            })
        ));
        // Rules that contradict themselves.
        let bad = SeatRules {
            elected_min: 4,
            ..rules
        };
        assert_eq!(bad.check(), Err(RuleBroken::Rules));
    }

    #[test]
    fn a_facilitator_seat_has_no_length_limit() {
        let rules = SeatRules::default();
        let long = m(1, Seat::Facilitator, date(2026, 1, 1), date(2031, 1, 1));
        check_mandate(&rules, &long).unwrap();
    }

    #[test]
    fn the_warning_is_sixty_days_before_the_end() {
        assert_eq!(warn_on(date(2027, 12, 31)), date(2027, 11, 1));
    }

    proptest! {
        #[test]
        fn an_accepted_composition_never_exceeds_a_maximum(
            spec in prop::collection::vec((1i64..6, any::<bool>(), 0i32..900, 1i32..900), 0..8)
        ) {
            let rules = SeatRules::default();
            let base = date(2026, 1, 1);
            let ms: Vec<Mandate> = spec.iter().map(|(o, f, s, len)| {
                let start = base.checked_add(jiff::Span::new().days(*s)).unwrap();
                m(*o, if *f { Seat::Facilitator } else { Seat::Elected }, start,
                  start.checked_add(jiff::Span::new().days(*len)).unwrap())
            }).collect();
            if check_composition(&rules, &ms, base).is_ok() {
                for d in 0..2000 {
                    let day = base.checked_add(jiff::Span::new().days(d)).unwrap();
                    let sitting: Vec<_> = ms.iter().filter(|m| m.holds_on(day)).collect();
                    let fac = sitting.iter().filter(|m| m.seat == Seat::Facilitator).count() as u32;
                    let el = sitting.iter().filter(|m| m.seat == Seat::Elected).count() as u32;
                    prop_assert!(fac <= rules.facilitator_max && el <= rules.elected_max);
                }
                for x in &ms {
                    if x.seat == Seat::Elected {
                        prop_assert!((x.ends_on - x.starts_on).get_days() as i64 <= 730);
                    }
                }
            }
        }
    }
}
