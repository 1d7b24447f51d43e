//! Dates and times a person picks in a form (`<input type="date">`,
//! `<input type="datetime-local">`), read in the network's time zone
//! (`intercoop_domain::calendar`): stored in UTC, meant where the network is.

use time::OffsetDateTime;

fn zone(tz: &str) -> Option<jiff::tz::TimeZone> {
    jiff::tz::TimeZone::get(tz).ok()
}

/// The end of a picked day (`2026-12-20`, 23:59:59 there): "until 20 December".
/// `None` when it is not a date (or the zone is unknown).
pub fn end_of_day(raw: &str, tz: &str) -> Option<OffsetDateTime> {
    let date: jiff::civil::Date = raw.trim().parse().ok()?;
    let end = intercoop_domain::calendar::end_of_day(date, &zone(tz)?);
    Some(crate::clock::from_timestamp(end))
}

/// A picked date and time (`2026-03-01T18:00`, as a browser sends it; seconds optional;
/// a space instead of the `T` too): that moment where the network is. `None` when it
/// is not a date and time (or the zone is unknown).
pub fn at_local(raw: &str, tz: &str) -> Option<OffsetDateTime> {
    let raw = raw.trim().replacen(' ', "T", 1);
    let at: jiff::civil::DateTime = raw.parse().ok()?;
    let instant = intercoop_domain::calendar::at_local(at, &zone(tz)?);
    Some(crate::clock::truncate(crate::clock::from_timestamp(instant)))
}

/// An instant as a `datetime-local` field shows it in the network's zone
/// (`2026-03-01T18:00`), to fill a form in.
pub fn local_input(at: OffsetDateTime, tz: &str) -> String {
    let Some(ts) = crate::clock::to_timestamp(at) else {
        return String::new();
    };
    let Some(zone) = zone(tz) else {
        return String::new();
    };
    ts.to_zoned(zone).strftime("%Y-%m-%dT%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picked_moment_is_the_networks() {
        let at = at_local("2026-03-01T18:00", "Europe/Brussels").unwrap();
        assert_eq!(at.to_string(), "2026-03-01 17:00:00.0 +00:00:00");
        assert_eq!(local_input(at, "Europe/Brussels"), "2026-03-01T18:00");
        assert_eq!(
            at_local("2026-03-01 18:00:30", "UTC").unwrap().unix_timestamp(),
            at.unix_timestamp() + 3600 + 30
        );
        assert!(at_local("1 March", "Europe/Brussels").is_none());
        assert!(at_local("2026-03-01T18:00", "Nowhere/Land").is_none());
        let end = end_of_day("2026-12-20", "Europe/Brussels").unwrap();
        assert_eq!(end.to_string(), "2026-12-20 22:59:59.0 +00:00:00");
    }
}
