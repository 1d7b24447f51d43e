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
        self.start(first, self.index(first, today)?)
    }

    /// The periods to ask on `today` (a catch-up when runs were missed): the first days
    /// of the periods that start on or after `from` (the day the schedule took effect,
    /// not before `first`) and on or before `today`, oldest first, never a later one.
    /// `last`, the last period asked under this schedule, and those before it are left
    /// out, except the current period itself (a member who joined since is asked for it).
    pub fn due(self, first: Date, from: Date, last: Option<Date>, today: Date) -> Vec<Date> {
        let from = from.max(first);
        let Some(high) = self.index(first, today) else {
            return Vec::new();
        };
        let Some(mut low) = self.index(first, from) else {
            return Vec::new();
        };
        if self.start(first, low).is_some_and(|s| s < from) {
            low += 1;
        }
        if let Some(last) = last.filter(|l| *l >= from)
            && let Some(i) = self.index(first, last)
        {
            low = low.max(if i == high { i } else { i + 1 });
        }
        (low..=high).filter_map(|i| self.start(first, i)).collect()
    }

    /// The number of the period `day` falls in (0 from `first`): `None` before `first`.
    fn index(self, first: Date, today: Date) -> Option<i64> {
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
        Some(index)
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

    #[test]
    fn missed_periods_are_all_due_once_and_never_a_later_one() {
        let first = date(2026, 11, 2);
        let w = Period::Weekly;
        // Never asked: every period from the first to today's.
        assert_eq!(
            w.due(first, first, None, date(2026, 11, 24)),
            vec![first, date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)]
        );
        // Asked up to the 9th: the ones after it.
        assert_eq!(
            w.due(first, first, Some(date(2026, 11, 9)), date(2026, 11, 24)),
            vec![date(2026, 11, 16), date(2026, 11, 23)]
        );
        // The current period asked: it again (new members), nothing before it.
        assert_eq!(
            w.due(first, first, Some(date(2026, 11, 23)), date(2026, 11, 24)),
            vec![date(2026, 11, 23)]
        );
        // Changed on the 18th: from the period starting on or after it.
        assert_eq!(
            w.due(first, date(2026, 11, 18), Some(date(2026, 11, 9)), date(2026, 11, 24)),
            vec![date(2026, 11, 23)]
        );
        assert_eq!(w.due(first, first, None, date(2026, 11, 1)), Vec::<Date>::new());
        assert_eq!(
            Period::Monthly.due(date(2026, 1, 31), date(2026, 1, 31), None, date(2026, 3, 30)),
            vec![date(2026, 1, 31), date(2026, 2, 28)]
        );
    }

    proptest! {
        /// What is due is in order, within [from, today], each a period's first day,
        /// and asking again after it (the last one asked) gives only the current period.
        #[test]
        fn due_periods_are_in_range_and_a_second_run_adds_none(
            offset in 0i64..800, from_offset in 0i64..400, day in 1i8..=31, monthly in any::<bool>()
        ) {
            let period = if monthly { Period::Monthly } else { Period::Weekly };
            let first = date(2024, 1, day.min(28));
            let today = first.checked_add(offset.days()).unwrap();
            let from = first.checked_add(from_offset.days()).unwrap();
            let due = period.due(first, from, None, today);
            for w in due.windows(2) { prop_assert!(w[0] < w[1]); }
            for d in &due {
                prop_assert!(*d >= from && *d <= today);
                prop_assert_eq!(period.current(first, *d), Some(*d));
            }
            if let Some(last) = due.last() {
                prop_assert_eq!(period.current(first, today), Some(*last));
                prop_assert_eq!(period.due(first, from, Some(*last), today), vec![*last]);
            }
        }


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
