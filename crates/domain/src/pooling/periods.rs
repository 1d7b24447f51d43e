//! Periods of a pool's periodic contributions (issue 19, item 1: "fixed per member per
//! period"): weekly or monthly, counted from a first day the administrator picks (a day
//! in the network's time zone). A monthly period starts on the same day of each month
//! as the first, or on the month's last day when it has no such day (a first day of
//! 31 January gives 28 or 29 February, then 31 March).

use jiff::civil::Date;
use jiff::{ToSpan, Unit};

/// How often a member contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Weekly,
    Monthly,
}

impl Period {
    /// `weekly` or `monthly`; `None` for anything else.
    pub fn parse(s: &str) -> Option<Period> {
        match s {
            "weekly" => Some(Period::Weekly),
            "monthly" => Some(Period::Monthly),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Period::Weekly => "weekly",
            Period::Monthly => "monthly",
        }
    }

    /// The first day of the `index`-th period (0 is `first`); `None` past the calendar.
    pub fn start(self, first: Date, index: i64) -> Option<Date> {
        match self {
            Period::Weekly => first.checked_add(index.checked_mul(7)?.days()).ok(),
            // jiff clamps to the month's last day; counted from `first` each time, so a
            // 31st comes back after a short month.
            Period::Monthly => first.checked_add(index.months()).ok(),
        }
    }

    /// The first day of the period `today` falls in: `None` before `first`.
    pub fn current(self, first: Date, today: Date) -> Option<Date> {
        if today < first {
            return None;
        }
        let index = match self {
            Period::Weekly => i64::from(first.until((Unit::Day, today)).ok()?.get_days()) / 7,
            Period::Monthly => {
                let months = (i64::from(today.year()) - i64::from(first.year())) * 12 + i64::from(today.month())
                    - i64::from(first.month());
                match self.start(first, months) {
                    Some(s) if s <= today => months,
                    _ => months - 1,
                }
            }
        };
        self.start(first, index)
    }
}

/// A period's key: its first day as `YYYYMMDD`.
pub fn key(start: Date) -> i64 {
    i64::from(start.year()) * 10_000 + i64::from(start.month()) * 100 + i64::from(start.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn weekly_periods_are_seven_days_from_the_first() {
        let first = date(2026, 11, 30);
        assert_eq!(Period::Weekly.current(first, date(2026, 11, 29)), None);
        assert_eq!(Period::Weekly.current(first, first), Some(first));
        assert_eq!(Period::Weekly.current(first, date(2026, 12, 6)), Some(first));
        assert_eq!(
            Period::Weekly.current(first, date(2026, 12, 7)),
            Some(date(2026, 12, 7))
        );
        assert_eq!(key(date(2026, 12, 7)), 20261207);
    }

    #[test]
    fn monthly_periods_keep_their_day_or_the_last_of_a_short_month() {
        let first = date(2026, 1, 31);
        assert_eq!(Period::Monthly.current(first, date(2026, 2, 27)), Some(first));
        assert_eq!(
            Period::Monthly.current(first, date(2026, 2, 28)),
            Some(date(2026, 2, 28))
        );
        assert_eq!(
            Period::Monthly.current(first, date(2026, 3, 30)),
            Some(date(2026, 2, 28))
        );
        assert_eq!(
            Period::Monthly.current(first, date(2026, 3, 31)),
            Some(date(2026, 3, 31))
        );
        assert_eq!(Period::parse("daily"), None);
        assert_eq!(Period::parse("monthly"), Some(Period::Monthly));
    }

    proptest! {
        /// The period of a day starts on or before it and the next one starts after it.
        #[test]
        fn a_day_falls_in_exactly_one_period(offset in 0i64..3_000, day in 1i8..=31, monthly in any::<bool>()) {
            let period = if monthly { Period::Monthly } else { Period::Weekly };
            let first = date(2024, 1, day.min(28));
            let today = first.checked_add(offset.days()).unwrap();
            let start = period.current(first, today).unwrap();
            prop_assert!(start <= today);
            let mut index = 0;
            while period.start(first, index).unwrap() < start { index += 1; }
            prop_assert_eq!(period.start(first, index), Some(start));
            prop_assert!(period.start(first, index + 1).unwrap() > today);
        }
    }
}
