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

/// Plain text as HTML, with its web addresses (http and https, as the `url` crate parses
/// them) made links that open without telling the target where the reader came from:
/// a delivery's release or pull request on a proposal's timeline can be followed. The
/// rest is escaped; the result is safe to insert as HTML.
pub fn linked(text: &str) -> String {
    fn escape(s: &str, out: &mut String) {
        for c in s.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("http://").into_iter().chain(rest.find("https://")).min() {
        escape(&rest[..at], &mut out);
        let tail = &rest[at..];
        let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        // A sentence's closing punctuation is not part of the address.
        let candidate = tail[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '»', '"', '\'']);
        match url::Url::parse(candidate) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {
                out.push_str("<a href=\"");
                escape(u.as_str(), &mut out);
                out.push_str("\" rel=\"nofollow noopener noreferrer\">");
                escape(candidate, &mut out);
                out.push_str("</a>");
                rest = &tail[candidate.len()..];
            }
            _ => {
                escape(&tail[..end], &mut out);
                rest = &tail[end..];
            }
        }
    }
    escape(rest, &mut out);
    out
}

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
    fn addresses_become_links_and_the_rest_is_escaped() {
        assert_eq!(
            linked("Released: https://github.com/coopiteasy/cooperator/releases/v2. <b>"),
            "Released: <a href=\"https://github.com/coopiteasy/cooperator/releases/v2\" rel=\"nofollow noopener noreferrer\">https://github.com/coopiteasy/cooperator/releases/v2</a>. &lt;b&gt;"
        );
        assert_eq!(linked("javascript:alert(1) http://"), "javascript:alert(1) http://");
        assert_eq!(
            linked("\"https://x.example/a?b=1&c=\"'"),
            "&quot;<a href=\"https://x.example/a?b=1&amp;c=\" rel=\"nofollow noopener noreferrer\">https://x.example/a?b=1&amp;c=</a>&quot;&#39;"
        );
    }

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
