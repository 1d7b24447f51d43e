//! Dates shown in the network's time zone, in the reader's language.

use crate::i18n::Lang;

/// Time zones looked up once each: a list page shows dozens of dates, and finding a
/// zone in the time zone database costs more than converting a date.
fn zone(tz: &str) -> jiff::tz::TimeZone {
    use std::collections::HashMap;
    use std::sync::{OnceLock, RwLock};
    static ZONES: OnceLock<RwLock<HashMap<String, jiff::tz::TimeZone>>> = OnceLock::new();
    let zones = ZONES.get_or_init(Default::default);
    if let Some(z) = zones.read().expect("zone cache").get(tz) {
        return z.clone();
    }
    let z = jiff::tz::TimeZone::get(tz).unwrap_or(jiff::tz::TimeZone::UTC);
    zones.write().expect("zone cache").insert(tz.to_string(), z.clone());
    z
}

fn zoned(at: &time::OffsetDateTime, tz: &str) -> Option<jiff::Zoned> {
    let ts = jiff::Timestamp::from_second(at.unix_timestamp()).ok()?;
    Some(ts.to_zoned(zone(tz)))
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// "22 novembre 2026" / "22 November 2026".
pub fn date(at: &time::OffsetDateTime, tz: &str, lang: Lang) -> String {
    let Some(z) = zoned(at, tz) else { return String::new() };
    let months = match lang {
        Lang::Fr => MONTHS_FR,
        Lang::En => MONTHS_EN,
        Lang::De => MONTHS_DE,
        Lang::Nl => MONTHS_NL,
    };
    let month = months[(z.month() - 1) as usize];
    match lang {
        Lang::De => format!("{}. {} {}", z.day(), month, z.year()),
        _ => format!("{} {} {}", z.day(), month, z.year()),
    }
}

/// A calendar day (a membership's first day): "22 novembre 2026", "22. November 2026".
pub fn day(d: &time::Date, lang: Lang) -> String {
    let months = match lang {
        Lang::Fr => MONTHS_FR,
        Lang::En => MONTHS_EN,
        Lang::De => MONTHS_DE,
        Lang::Nl => MONTHS_NL,
    };
    let month = months[usize::from(u8::from(d.month()) - 1)];
    match lang {
        Lang::De => format!("{}. {} {}", d.day(), month, d.year()),
        _ => format!("{} {} {}", d.day(), month, d.year()),
    }
}

/// "22 novembre 2026, 19:00".
pub fn datetime(at: &time::OffsetDateTime, tz: &str, lang: Lang) -> String {
    let Some(z) = zoned(at, tz) else { return String::new() };
    format!("{}, {:02}:{:02}", date(at, tz, lang), z.hour(), z.minute())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn shown_in_the_network_time_zone() {
        // 18:00 UTC in November is 19:00 in Brussels.
        let at = datetime!(2026-11-03 18:00 UTC);
        assert_eq!(datetime(&at, "Europe/Brussels", Lang::Fr), "3 novembre 2026, 19:00");
        assert_eq!(datetime(&at, "Europe/London", Lang::En), "3 November 2026, 18:00");
        assert_eq!(date(&at, "Pacific/Auckland", Lang::De), "4. November 2026");
        assert_eq!(day(&time::macros::date!(2026 - 03 - 01), Lang::Nl), "1 maart 2026");
    }
}
