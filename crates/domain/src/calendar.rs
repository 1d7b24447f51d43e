//! Calendar rules in a network's time zone: when "every day at 17:00 in Brussels" next
//! happens. Instants are `jiff::Timestamp`s (UTC); the zone comes from the network.
//! DST is handled by jiff: a local time that does not exist on a spring-forward day is
//! taken at the next instant that does (17:00 always exists in Europe).

use jiff::civil::Time;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

/// The first instant strictly after `now` at which the local time in `tz` is `at`, with
/// the local date it falls on (`2026-12-01`) — the key of a daily job.
pub fn next_daily(now: Timestamp, tz: &TimeZone, at: Time) -> (Timestamp, jiff::civil::Date) {
    let local = now.to_zoned(tz.clone());
    let mut date = local.date();
    loop {
        let candidate: Zoned = date
            .to_datetime(at)
            .to_zoned(tz.clone())
            .expect("a local time in range resolves in its zone");
        if candidate.timestamp() > now {
            return (candidate.timestamp(), date);
        }
        date = date.tomorrow().expect("a date before 9999");
    }
}

/// The last second of a day a person picked (`23:59:59` local) in `tz`: a deadline
/// "until 15 December" holds through that whole day where the network is. On a day
/// whose 23:59:59 does not exist (a zone that skips midnight), the next instant that
/// does.
pub fn end_of_day(date: jiff::civil::Date, tz: &TimeZone) -> Timestamp {
    date.to_datetime(Time::constant(23, 59, 59, 0))
        .to_zoned(tz.clone())
        .expect("a local time in range resolves in its zone")
        .timestamp()
}

/// The instant of a date and time a person picked (`2026-03-01 18:00`) in `tz`: a poll
/// "closes on 1 March at 18:00" where the network is. A local time that does not exist
/// (skipped by a spring-forward change) is taken at the instant it would have been, read
/// with the offset before the change (18:00 always exists; 02:30 on such a day is 03:30);
/// one that exists twice (an autumn change) is the earlier of the two.
pub fn at_local(at: jiff::civil::DateTime, tz: &TimeZone) -> Timestamp {
    tz.to_ambiguous_timestamp(at)
        .compatible()
        .expect("a local time in range resolves in its zone")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    fn brussels() -> TimeZone {
        TimeZone::get("Europe/Brussels").unwrap()
    }

    #[test]
    fn a_picked_day_ends_where_the_network_is() {
        let day = date(2026, 12, 15);
        assert_eq!(end_of_day(day, &brussels()).to_string(), "2026-12-15T22:59:59Z");
        let auckland = TimeZone::get("Pacific/Auckland").unwrap();
        assert_eq!(end_of_day(day, &auckland).to_string(), "2026-12-15T10:59:59Z");
        assert_eq!(end_of_day(day, &TimeZone::UTC).to_string(), "2026-12-15T23:59:59Z");
        // Summer time in Brussels: UTC+2.
        assert_eq!(
            end_of_day(date(2026, 7, 1), &brussels()).to_string(),
            "2026-07-01T21:59:59Z"
        );
    }

    #[test]
    fn a_picked_time_is_where_the_network_is() {
        let at = date(2026, 3, 1).at(18, 0, 0, 0);
        assert_eq!(at_local(at, &brussels()).to_string(), "2026-03-01T17:00:00Z");
        assert_eq!(at_local(at, &TimeZone::UTC).to_string(), "2026-03-01T18:00:00Z");
        // 02:30 does not exist on 29 March 2026 in Brussels: 03:30 (UTC+2).
        let skipped = date(2026, 3, 29).at(2, 30, 0, 0);
        assert_eq!(at_local(skipped, &brussels()).to_string(), "2026-03-29T01:30:00Z");
        // 02:30 exists twice on 25 October 2026: the first (UTC+2).
        let twice = date(2026, 10, 25).at(2, 30, 0, 0);
        assert_eq!(at_local(twice, &brussels()).to_string(), "2026-10-25T00:30:00Z");
    }

    #[test]
    fn the_next_five_pm_in_brussels() {
        // 10:00 UTC on 1 December = 11:00 in Brussels: today at 17:00 local = 16:00 UTC.
        let now: Timestamp = "2026-12-01T10:00:00Z".parse().unwrap();
        let (at, day) = next_daily(now, &brussels(), time(17, 0, 0, 0));
        assert_eq!(at.to_string(), "2026-12-01T16:00:00Z");
        assert_eq!(day, date(2026, 12, 1));
        // At 17:00 exactly it is tomorrow's.
        let (at, day) = next_daily(at, &brussels(), time(17, 0, 0, 0));
        assert_eq!(at.to_string(), "2026-12-02T16:00:00Z");
        assert_eq!(day, date(2026, 12, 2));
        // In summer Brussels is UTC+2.
        let now: Timestamp = "2026-07-01T15:30:00Z".parse().unwrap();
        let (at, _) = next_daily(now, &brussels(), time(17, 0, 0, 0));
        assert_eq!(at.to_string(), "2026-07-02T15:00:00Z");
    }

    #[test]
    fn a_day_of_daylight_saving_change() {
        // 29 March 2026: clocks go from 02:00 to 03:00 in Brussels; 17:00 is UTC+2.
        let now: Timestamp = "2026-03-29T00:30:00Z".parse().unwrap();
        let (at, day) = next_daily(now, &brussels(), time(17, 0, 0, 0));
        assert_eq!(at.to_string(), "2026-03-29T15:00:00Z");
        assert_eq!(day, date(2026, 3, 29));
        // 02:30 does not exist that day: the next instant that does.
        let (at, _) = next_daily(now, &brussels(), time(2, 30, 0, 0));
        assert_eq!(at.to_string(), "2026-03-29T01:30:00Z");
    }

    #[test]
    fn other_zones() {
        let now: Timestamp = "2026-12-01T10:00:00Z".parse().unwrap();
        let (at, _) = next_daily(now, &TimeZone::get("Pacific/Auckland").unwrap(), time(17, 0, 0, 0));
        // 10:00 UTC is 23:00 in Auckland (UTC+13): tomorrow at 17:00 local = 04:00 UTC.
        assert_eq!(at.to_string(), "2026-12-02T04:00:00Z");
        let (at, _) = next_daily(now, &TimeZone::UTC, time(17, 0, 0, 0));
        assert_eq!(at.to_string(), "2026-12-01T17:00:00Z");
    }
}
