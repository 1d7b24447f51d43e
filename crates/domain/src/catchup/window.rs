//! How long after delivery a late adopter pays a catch-up share: a campaign's window
//! of whole calendar years, in the network's time zone.
//!
//! PRODUCT.md's first journey: "a coop that adopts it a year later pays a catch-up
//! share that is refunded to the early funders". A year is a calendar year, not 365
//! days (which drift by a day per leap year): delivered on 15 January 2024 at 18:00 in
//! Brussels, a one-year window ends on 15 January 2025 at 18:00 in Brussels.

use jiff::tz::TimeZone;
use jiff::{Span, Timestamp};

/// Why a window has no end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WindowError {
    /// A window of a negative number of years.
    #[error("a catch-up window of {years} years is negative")]
    NegativeYears { years: i64 },
    /// The end would be beyond what a calendar date can hold (year 9999).
    #[error("a catch-up window of {years} years ends out of range")]
    OutOfRange { years: i64 },
}

/// The last instant of a catch-up window of `years` calendar years that opened when the
/// work was `delivered`, in the time zone `tz` of the network (a window is open up to
/// and including this instant: see [`window_open`]).
///
/// The end is the same local date and time `years` later in `tz`, as jiff's
/// `Zoned::checked_add` with a span of years computes it (the semantics of RFC 9557 and
/// of JavaScript's Temporal):
///
/// - **29 February.** When the date does not exist in the end year (delivered on 29
///   February, the end in a common year), the day is clamped to the **last day of the
///   month: 28 February**. Delivered on 29 February 2024 at 18:00 in Brussels, a
///   one-year window ends on 28 February 2025 at 18:00; a four-year window on 29
///   February 2028 at 18:00. Why not 1 March: a window of N years must end within the
///   month N years later, as it does from every other day of the year, and never be
///   longer than N years; clamping is also what jiff and Temporal do for months, so one
///   rule covers both.
/// - **Daylight saving.** The end keeps the local time, not the UTC hour: delivered on
///   29 March 2025 at 12:00 in Brussels (UTC+1), a one-year window ends on 29 March
///   2026 at 12:00 in Brussels (UTC+2, the day clocks go forward), an hour earlier in
///   UTC. A local time that does not exist that day (02:30 when clocks jump from 02:00
///   to 03:00) is taken as the instant it would be with the old offset (03:30 the new
///   one): the end never comes before the local time asked for. A local time that
///   happens twice (clocks going back) is taken the first time, the earlier instant.
///
/// `years == 0` is a window that ends at delivery. Errors: a negative number of years,
/// or an end beyond year 9999.
pub fn window_end(delivered: Timestamp, years: i64, tz: &TimeZone) -> Result<Timestamp, WindowError> {
    if years < 0 {
        return Err(WindowError::NegativeYears { years });
    }
    let span = Span::new()
        .try_years(years)
        .map_err(|_| WindowError::OutOfRange { years })?;
    delivered
        .to_zoned(tz.clone())
        .checked_add(span)
        .map(|end| end.timestamp())
        .map_err(|_| WindowError::OutOfRange { years })
}

/// Whether a late adopter may still adopt at `now`: up to and including the end of the
/// window ([`window_end`]). Errors as [`window_end`].
pub fn window_open(now: Timestamp, delivered: Timestamp, years: i64, tz: &TimeZone) -> Result<bool, WindowError> {
    Ok(now <= window_end(delivered, years, tz)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brussels() -> TimeZone {
        TimeZone::get("Europe/Brussels").unwrap()
    }

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    /// The end in Brussels local time, for readable assertions.
    fn end_in_brussels(delivered: &str, years: i64) -> String {
        let end = window_end(at(delivered), years, &brussels()).unwrap();
        end.to_zoned(brussels()).strftime("%Y-%m-%d %H:%M:%S %:z").to_string()
    }

    #[test]
    fn a_leap_day_delivery_ends_on_the_last_day_of_february() {
        // 29 February 2024 at 18:00 in Brussels (UTC+1) is 17:00 UTC.
        let leap = "2024-02-29T17:00:00Z";
        assert_eq!(end_in_brussels(leap, 1), "2025-02-28 18:00:00 +01:00");
        assert_eq!(end_in_brussels(leap, 2), "2026-02-28 18:00:00 +01:00");
        assert_eq!(end_in_brussels(leap, 3), "2027-02-28 18:00:00 +01:00");
        // Four years on, 29 February exists again: 365 × 4 days would end a day early.
        assert_eq!(end_in_brussels(leap, 4), "2028-02-29 18:00:00 +01:00");
        assert_eq!(
            window_end(at(leap), 4, &brussels()).unwrap(),
            at("2028-02-29T17:00:00Z")
        );
    }

    #[test]
    fn a_window_across_a_leap_day_is_not_a_day_short() {
        // 365 days from 1 March 2023 is 29 February 2024; a year is 1 March.
        assert_eq!(end_in_brussels("2023-03-01T17:00:00Z", 1), "2024-03-01 18:00:00 +01:00");
        // 365 days from 15 January 2024 is 14 January 2025.
        assert_eq!(end_in_brussels("2024-01-15T17:00:00Z", 1), "2025-01-15 18:00:00 +01:00");
        // Three years from 1 January 2023: 2024's leap day inside, still 1 January.
        assert_eq!(end_in_brussels("2023-01-01T11:00:00Z", 3), "2026-01-01 12:00:00 +01:00");
        // The day before a leap day is an ordinary date.
        assert_eq!(end_in_brussels("2024-02-28T17:00:00Z", 1), "2025-02-28 18:00:00 +01:00");
    }

    #[test]
    fn the_local_time_is_kept_across_daylight_saving() {
        // 29 March 2025 at 12:00 in Brussels is UTC+1; 29 March 2026 is the day clocks
        // go forward: 12:00 is UTC+2, an hour earlier in UTC.
        let end = window_end(at("2025-03-29T11:00:00Z"), 1, &brussels()).unwrap();
        assert_eq!(end, at("2026-03-29T10:00:00Z"));
        // Summer to summer and winter to winter keep the UTC hour.
        assert_eq!(
            window_end(at("2024-07-01T16:00:00Z"), 2, &brussels()).unwrap(),
            at("2026-07-01T16:00:00Z")
        );
        assert_eq!(
            window_end(at("2024-12-01T17:00:00Z"), 2, &brussels()).unwrap(),
            at("2026-12-01T17:00:00Z")
        );
    }

    #[test]
    fn a_local_time_that_does_not_exist_is_taken_after_the_gap() {
        // 02:30 on 29 March 2025 (UTC+1); on 29 March 2026 clocks jump from 02:00 to
        // 03:00: 02:30 does not exist, the end is 03:30 (UTC+2), 01:30 UTC.
        assert_eq!(end_in_brussels("2025-03-29T01:30:00Z", 1), "2026-03-29 03:30:00 +02:00");
        assert_eq!(
            window_end(at("2025-03-29T01:30:00Z"), 1, &brussels()).unwrap(),
            at("2026-03-29T01:30:00Z")
        );
    }

    #[test]
    fn a_local_time_that_happens_twice_is_taken_the_first_time() {
        // 25 October 2026: clocks go back from 03:00 (UTC+2) to 02:00 (UTC+1), so 02:30
        // happens twice. Delivered at 02:30 on 25 October 2025 (an ordinary day, UTC+2).
        let end = window_end(at("2025-10-25T00:30:00Z"), 1, &brussels()).unwrap();
        assert_eq!(end, at("2026-10-25T00:30:00Z"));
        // Delivered the second time 02:30 happened on 26 October 2025 (UTC+1): a year
        // later is an ordinary day, 02:30 UTC+1.
        let end = window_end(at("2025-10-26T01:30:00Z"), 1, &brussels()).unwrap();
        assert_eq!(end, at("2026-10-26T01:30:00Z"));
    }

    #[test]
    fn other_zones_use_their_own_calendar() {
        // 29 February 2024 at 23:30 UTC is already 1 March in Auckland (UTC+13): a year
        // later is 1 March 2025 at 12:30 there (UTC+13), 23:30 UTC on 28 February.
        let auckland = TimeZone::get("Pacific/Auckland").unwrap();
        assert_eq!(
            window_end(at("2024-02-29T23:30:00Z"), 1, &auckland).unwrap(),
            at("2025-02-28T23:30:00Z")
        );
        // In UTC the same instant is 29 February: clamped to 28 February.
        assert_eq!(
            window_end(at("2024-02-29T23:30:00Z"), 1, &TimeZone::UTC).unwrap(),
            at("2025-02-28T23:30:00Z")
        );
        // Brussels: 00:30 on 1 March 2024 local, so a year later is 1 March 2025.
        assert_eq!(
            window_end(at("2024-02-29T23:30:00Z"), 1, &brussels()).unwrap(),
            at("2025-02-28T23:30:00Z")
        );
    }

    #[test]
    fn open_up_to_and_including_the_end() {
        let delivered = at("2024-02-29T17:00:00Z");
        let tz = brussels();
        assert_eq!(window_open(at("2025-02-28T17:00:00Z"), delivered, 1, &tz), Ok(true));
        assert_eq!(
            window_open(at("2025-02-28T17:00:00.000001Z"), delivered, 1, &tz),
            Ok(false)
        );
        assert_eq!(window_open(at("2028-02-29T16:59:59Z"), delivered, 4, &tz), Ok(true));
        assert_eq!(window_open(at("2028-02-29T17:00:01Z"), delivered, 4, &tz), Ok(false));
        // A window of no years closes at delivery.
        assert_eq!(window_end(delivered, 0, &tz), Ok(delivered));
        assert_eq!(window_open(delivered, delivered, 0, &tz), Ok(true));
        assert_eq!(window_open(at("2024-02-29T17:00:01Z"), delivered, 0, &tz), Ok(false));
    }

    #[test]
    fn sub_second_precision_is_kept() {
        let delivered = at("2024-02-29T17:00:00.123456Z");
        assert_eq!(
            window_end(delivered, 1, &brussels()).unwrap(),
            at("2025-02-28T17:00:00.123456Z")
        );
    }

    #[test]
    fn errors() {
        let delivered = at("2024-02-29T17:00:00Z");
        assert_eq!(
            window_end(delivered, -1, &brussels()),
            Err(WindowError::NegativeYears { years: -1 })
        );
        assert_eq!(
            window_end(delivered, 8_000, &brussels()),
            Err(WindowError::OutOfRange { years: 8_000 })
        );
        assert_eq!(
            window_end(delivered, i64::MAX, &brussels()),
            Err(WindowError::OutOfRange { years: i64::MAX })
        );
        assert!(window_open(delivered, delivered, -3, &brussels()).is_err());
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    fn zones() -> impl Strategy<Value = TimeZone> {
        prop::sample::select(vec![
            "Europe/Brussels",
            "Europe/London",
            "Pacific/Auckland",
            "America/New_York",
            "Australia/Lord_Howe",
            "UTC",
        ])
        .prop_map(|z| TimeZone::get(z).unwrap())
    }

    proptest! {
        /// Between 2000 and 2100: the end is the same local date (or the last day of the
        /// month), `years` later, never before delivery, and later windows end later.
        #[test]
        fn same_date_years_later(
            secs in 946_684_800i64..4_102_444_800,
            years in 0i64..=50,
            tz in zones(),
        ) {
            let delivered = Timestamp::from_second(secs).unwrap();
            let end = window_end(delivered, years, &tz).unwrap();
            prop_assert!(end >= delivered);
            let (from, to) = (delivered.to_zoned(tz.clone()), end.to_zoned(tz.clone()));
            prop_assert_eq!(i64::from(to.year()), i64::from(from.year()) + years);
            prop_assert_eq!(to.month(), from.month());
            prop_assert_eq!(to.day(), from.day().min(to.days_in_month()));
            let next = window_end(delivered, years + 1, &tz).unwrap();
            prop_assert!(next > end);
        }
    }
}
