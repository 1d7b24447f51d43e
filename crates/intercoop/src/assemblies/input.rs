//! A meeting as asked (the API body; the form is read into it) and its validation.

use crate::error::FieldErrors;
use intercoop_domain::meetings::{self, MeetingKind, RecurrenceError, TimingError};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// One agenda item: free text, or a proposal or a poll of the network (with an
/// optional text).
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaInput {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub proposal_id: Option<i64>,
    #[serde(default)]
    pub poll_id: Option<i64>,
}

/// What a caller asks for when scheduling a meeting.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingInput {
    /// assembly, core, general_assembly or event
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// The local date and time of the (first) meeting in `time_zone`
    /// (`2026-01-06T19:00:00`); a date-time with an offset is taken as that instant.
    #[schema(format = DateTime)]
    pub starts_at: String,
    /// Minutes; more than 0, at most a week.
    pub duration_minutes: i64,
    /// An IANA time zone (default: the network's).
    #[serde(default)]
    pub time_zone: Option<String>,
    /// An RFC 5545 RRULE (`FREQ=MONTHLY;BYDAY=1TU`): occurrences are scheduled a year
    /// ahead, each a meeting of its own (cancelled or moved alone).
    #[serde(default)]
    pub recurrence: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    /// A video-call link (http or https).
    #[serde(default)]
    pub video_url: Option<String>,
    /// Reminders, in minutes before the start (default 10080 and 1440: 7 days and 1 day).
    #[serde(default)]
    pub reminders_minutes: Option<Vec<i64>>,
    #[serde(default)]
    pub agenda: Option<Vec<AgendaInput>>,
    /// An event's places (1 to 100 000; none: no limit). Registering beyond it puts the
    /// person on the waiting list.
    #[serde(default)]
    pub capacity: Option<i64>,
}

/// A meeting that passed validation.
#[derive(Debug, Clone, Serialize)]
pub struct ValidMeeting {
    pub kind: MeetingKind,
    pub title: String,
    pub description: String,
    #[serde(skip)]
    pub first_local: jiff::civil::DateTime,
    pub starts_at: OffsetDateTime,
    pub duration_minutes: i64,
    pub time_zone: String,
    pub recurrence: Option<String>,
    pub place: String,
    pub video_url: String,
    pub reminders: Vec<i64>,
    pub agenda: Vec<AgendaInput>,
    pub capacity: Option<i64>,
}

/// The changes to one meeting (the API's PATCH, the edit form): what is given changes.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingChange {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// The local date and time in the meeting's zone (as when scheduling).
    #[serde(default)]
    #[schema(format = DateTime)]
    pub starts_at: Option<String>,
    #[serde(default)]
    pub duration_minutes: Option<i64>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub video_url: Option<String>,
    #[serde(default)]
    pub reminders_minutes: Option<Vec<i64>>,
    /// An event's places (1 to 100 000); not below those registered. A larger capacity
    /// gives the first waiting people their places at once.
    #[serde(default)]
    pub capacity: Option<i64>,
}

/// An event's capacity: 1 to `MAX_CAPACITY`, and only for an event (the error's code).
pub fn capacity_error(kind: Option<MeetingKind>, capacity: Option<i64>) -> Option<&'static str> {
    match capacity {
        None => None,
        Some(_) if kind.is_some_and(|k| k != MeetingKind::Event) => Some("meeting-capacity-kind"),
        Some(c) if !(1..=meetings::MAX_CAPACITY).contains(&c) => Some("meeting-capacity"),
        Some(_) => None,
    }
}

/// A local date-time in `zone`, or an instant with an offset.
pub fn read_start(raw: &str, zone: &jiff::tz::TimeZone) -> Option<(jiff::civil::DateTime, jiff::Timestamp)> {
    let raw = raw.trim().replacen(' ', "T", 1);
    if let Ok(local) = raw.parse::<jiff::civil::DateTime>()
        && !raw.ends_with('Z')
        && !raw.get(10..).unwrap_or("").contains(['+', '-'])
    {
        return Some((local, intercoop_domain::calendar::at_local(local, zone)));
    }
    let at: jiff::Timestamp = raw.parse().ok()?;
    Some((at.to_zoned(zone.clone()).datetime(), at))
}

pub fn timing_code(e: &TimingError) -> (&'static str, &'static str) {
    match e {
        TimingError::EndsBeforeStart => ("duration_minutes", "meeting-ends-before-start"),
        TimingError::TooLong => ("duration_minutes", "meeting-too-long"),
        TimingError::ReminderAfter => ("reminders_minutes", "meeting-reminder-after"),
        TimingError::ReminderTooEarly => ("reminders_minutes", "meeting-reminder-too-early"),
        TimingError::TooManyReminders => ("reminders_minutes", "meeting-too-many-reminders"),
    }
}

/// A video link must be a web address (http or https).
pub fn video_ok(url: &str) -> bool {
    url.is_empty()
        || url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
}

impl MeetingInput {
    /// Checks everything that needs no database (the agenda's proposals and polls are
    /// checked against the network when stored). `network_zone`: the default zone.
    pub fn validate(&self, network_zone: &str) -> Result<ValidMeeting, FieldErrors> {
        let mut e = FieldErrors::default();
        let kind = MeetingKind::parse(&self.kind);
        if kind.is_none() {
            e.add("kind", "meeting-kind");
        }
        let title = e.line("title", &self.title, 200);
        let description = self.description.clone().unwrap_or_default().trim().to_string();
        if description.chars().count() > 20_000 {
            e.add("description", "too-long");
        }
        let zone_name = self
            .time_zone
            .clone()
            .filter(|z| !z.trim().is_empty())
            .unwrap_or_else(|| network_zone.to_string());
        let zone = jiff::tz::TimeZone::get(zone_name.trim()).ok();
        if zone.is_none() {
            e.add("time_zone", "meeting-time-zone");
        }
        let start = zone.as_ref().and_then(|z| read_start(&self.starts_at, z));
        if start.is_none() && zone.is_some() {
            e.add("starts_at", "meeting-starts-at");
        }
        if let Err(t) = meetings::check_duration(self.duration_minutes) {
            let (f, c) = timing_code(&t);
            e.add(f, c);
        }
        let reminders = match meetings::check_reminders(
            self.reminders_minutes
                .as_deref()
                .unwrap_or(&meetings::DEFAULT_REMINDERS),
        ) {
            Ok(r) => r,
            Err(t) => {
                let (f, c) = timing_code(&t);
                e.add(f, c);
                Vec::new()
            }
        };
        let place = e.optional_line("place", self.place.as_deref().unwrap_or(""), 300);
        let video_url = self.video_url.clone().unwrap_or_default().trim().to_string();
        if !video_ok(&video_url) || video_url.len() > 500 {
            e.add("video_url", "meeting-video-url");
        }
        let mut recurrence = None;
        if let (Some(rule), Some((local, _))) = (self.recurrence.as_deref().filter(|r| !r.trim().is_empty()), start) {
            match meetings::check_rule(local, zone_name.trim(), rule) {
                Ok(r) => recurrence = Some(r),
                Err(RecurrenceError::NeverOccurs) => e.add("recurrence", "meeting-recurrence-never"),
                Err(_) => e.add("recurrence", "meeting-recurrence-invalid"),
            }
        }
        if let Some(code) = capacity_error(kind, self.capacity) {
            e.add("capacity", code);
        }
        let agenda = self.agenda.clone().unwrap_or_default();
        if agenda.len() > 50 {
            e.add("agenda", "meeting-agenda-too-long");
        }
        for item in &agenda {
            let text = item.text.as_deref().unwrap_or("").trim();
            if text.is_empty() && item.proposal_id.is_none() && item.poll_id.is_none() {
                e.add("agenda", "meeting-agenda-empty");
                break;
            }
            if text.chars().count() > 500 {
                e.add("agenda", "too-long");
                break;
            }
        }
        if !e.is_empty() {
            return Err(e);
        }
        let (first_local, at) = start.expect("checked");
        Ok(ValidMeeting {
            kind: kind.expect("checked"),
            title: title.expect("checked"),
            description,
            first_local,
            starts_at: crate::clock::truncate(crate::clock::from_timestamp(at)),
            duration_minutes: self.duration_minutes,
            time_zone: zone_name.trim().to_string(),
            recurrence,
            place,
            video_url,
            reminders,
            agenda,
            capacity: self.capacity,
        })
    }
}
