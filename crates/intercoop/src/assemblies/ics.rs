//! iCalendar (RFC 5545) of meetings, written with the `icalendar` crate: a meeting's
//! `.ics` download, the invitations' `METHOD:REQUEST` and `METHOD:CANCEL` (RFC 5546,
//! sent by email as RFC 6047 describes) and each person's feed. The UID of a meeting
//! never changes and its SEQUENCE rises with each change calendars must take, so an
//! update or a cancellation replaces the event a calendar holds rather than adding one.
//! Instants are written in UTC (`…Z`): each occurrence of a recurring meeting is an
//! event of its own, already at its local time in its zone.

use super::data::MeetingFull;
use super::entities::meeting;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
use intercoop_domain::meetings::MeetingStatus;

/// How a calendar object is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// A download or a feed: no method (RFC 5545 `PUBLISH` semantics without saying so).
    None,
    /// An invitation or its update.
    Request,
    /// A cancellation.
    Cancel,
}

fn utc(at: time::OffsetDateTime) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(at.unix_timestamp(), 0).unwrap_or_default()
}

/// The organiser an invitation names: the network, at the platform's sending address.
pub struct Organizer<'a> {
    pub name: &'a str,
    /// `intercoop <noreply@…>` or `noreply@…`
    pub mail_from: &'a str,
}

impl Organizer<'_> {
    fn address(&self) -> String {
        let from = self.mail_from;
        match (from.find('<'), from.rfind('>')) {
            (Some(a), Some(b)) if a < b => from[a + 1..b].trim().to_string(),
            _ => from.trim().to_string(),
        }
    }
}

/// One meeting as an event.
fn event(m: &meeting::Model, agenda: &[String], base_url: &str, organizer: Option<&Organizer<'_>>) -> Event {
    let url = format!("{base_url}/meetings/{}", m.id);
    let mut description = m.description.clone();
    if !agenda.is_empty() {
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        for (i, a) in agenda.iter().enumerate() {
            description.push_str(&format!("{}. {a}\n", i + 1));
        }
    }
    if !m.video_url.is_empty() {
        description.push_str(&format!("\n{}\n", m.video_url));
    }
    description.push_str(&format!("\n{url}"));
    let location = match (m.place.is_empty(), m.video_url.is_empty()) {
        (false, _) => m.place.clone(),
        (true, false) => m.video_url.clone(),
        (true, true) => String::new(),
    };
    let mut e = Event::new();
    e.uid(&m.uid)
        .timestamp(utc(m.updated_at))
        .sequence(m.sequence.clamp(0, i64::from(u32::MAX)) as u32)
        .summary(&m.title)
        .description(description.trim())
        .starts(utc(m.starts_at))
        .ends(utc(m.ends_at))
        .url(&url)
        .status(match m.status.0 {
            MeetingStatus::Scheduled => EventStatus::Confirmed,
            MeetingStatus::Cancelled => EventStatus::Cancelled,
        });
    if !location.is_empty() {
        e.location(&location);
    }
    if let Some(o) = organizer {
        e.append_property(
            icalendar::Property::new("ORGANIZER", format!("mailto:{}", o.address()))
                .add_parameter("CN", o.name)
                .done(),
        );
    }
    e.done()
}

/// A calendar of meetings (`name`: the feed's or download's name).
pub fn calendar(
    name: &str,
    method: Method,
    meetings: &[(meeting::Model, Vec<String>)],
    base_url: &str,
    organizer: Option<&Organizer<'_>>,
) -> String {
    // Empty, then our own identity (the crate's default `PRODID` is `ICALENDAR-RS`).
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"));
    cal.append_property(("PRODID", "-//intercoop//meetings//EN"));
    cal.append_property(("CALSCALE", "GREGORIAN"));
    cal.name(name);
    match method {
        Method::None => {}
        Method::Request => {
            cal.append_property(("METHOD", "REQUEST"));
        }
        Method::Cancel => {
            cal.append_property(("METHOD", "CANCEL"));
        }
    }
    for (m, agenda) in meetings {
        cal.push(event(m, agenda, base_url, organizer));
    }
    cal.done().to_string()
}

/// The agenda lines of a meeting, as a calendar shows them.
pub fn agenda_lines(full: &MeetingFull) -> Vec<String> {
    full.agenda
        .iter()
        .map(|a| {
            let mut line = a.body.clone();
            if let Some(p) = a.proposal_id {
                line = format!("{line} (#proposal {p})").trim().to_string();
            }
            if let Some(p) = a.poll_id {
                line = format!("{line} (#poll {p})").trim().to_string();
            }
            line
        })
        .collect()
}
