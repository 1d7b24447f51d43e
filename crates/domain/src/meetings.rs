//! Meetings: their kinds, the rules a meeting must keep (it ends after it starts, its
//! reminders come before it, its recurrence occurs), recurrence rules (RFC 5545 RRULE,
//! expanded in the network's time zone so that "first Tuesday at 19:00 Brussels time"
//! stays at 19:00 across daylight-saving changes) and the quorum of an assembly.
//!
//! Recurrence is `rrule`'s (a maintained RFC 5545 implementation), fed a local start
//! in an IANA zone; instants come back as `jiff::Timestamp`s (UTC).

use chrono::TimeZone as _;
use jiff::Timestamp;
use jiff::civil::DateTime;

text_enum!(
    /// What kind of meeting: the monthly assembly (one representative per member
    /// organisation), a core circle meeting, the general assembly, or an event (the
    /// yearly gathering, a hackathon, a workshop: open to every person, with
    /// registration).
    MeetingKind {
        Assembly = "assembly",
        Core = "core",
        GeneralAssembly = "general_assembly",
        Event = "event",
    }
);

text_enum!(
    /// A meeting is scheduled or cancelled (a cancelled one stays, for calendars to be
    /// told and history to be kept).
    MeetingStatus { Scheduled = "scheduled", Cancelled = "cancelled" }
);

text_enum!(
    /// A person's answer to an invitation.
    Answer { Yes = "yes", No = "no", Maybe = "maybe" }
);

text_enum!(
    /// What an agenda item is: free text, a proposal to discuss, a poll to vote there.
    AgendaKind { Text = "text", Proposal = "proposal", Poll = "poll" }
);

text_enum!(
    /// Where the minutes are: none yet, written (draft), approved and published.
    MinutesStatus { None = "none", Draft = "draft", Published = "published" }
);

/// The longest meeting: a week (a hackathon of several days is one event).
pub const MAX_DURATION_MINUTES: i64 = 7 * 24 * 60;
/// The earliest reminder: 60 days before.
pub const MAX_REMINDER_MINUTES: i64 = 60 * 24 * 60;
/// Default reminders: 7 days and 1 day before.
pub const DEFAULT_REMINDERS: [i64; 2] = [7 * 24 * 60, 24 * 60];
/// At most this many reminders per meeting.
pub const MAX_REMINDERS: usize = 5;
/// How far ahead the occurrences of a recurring meeting are scheduled.
pub const HORIZON_DAYS: i64 = 366;
/// At most this many occurrences are scheduled at once (a weekly meeting: a year).
pub const MAX_OCCURRENCES: u16 = 60;

/// Why a meeting's times are refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimingError {
    /// The meeting ends at or before its start.
    #[error("the meeting ends before it starts")]
    EndsBeforeStart,
    /// Longer than [`MAX_DURATION_MINUTES`].
    #[error("the meeting is longer than a week")]
    TooLong,
    /// A reminder at or after the meeting's start (0 or negative minutes before).
    #[error("a reminder comes after the meeting starts")]
    ReminderAfter,
    /// A reminder more than [`MAX_REMINDER_MINUTES`] before.
    #[error("a reminder is too early")]
    ReminderTooEarly,
    /// More than [`MAX_REMINDERS`].
    #[error("too many reminders")]
    TooManyReminders,
}

/// Checks a duration: more than zero minutes, at most a week.
pub fn check_duration(minutes: i64) -> Result<(), TimingError> {
    if minutes <= 0 {
        Err(TimingError::EndsBeforeStart)
    } else if minutes > MAX_DURATION_MINUTES {
        Err(TimingError::TooLong)
    } else {
        Ok(())
    }
}

/// Checks reminders (minutes before the start) and returns them sorted, earliest
/// first, without duplicates.
pub fn check_reminders(minutes_before: &[i64]) -> Result<Vec<i64>, TimingError> {
    if minutes_before.len() > MAX_REMINDERS {
        return Err(TimingError::TooManyReminders);
    }
    let mut out = Vec::new();
    for &m in minutes_before {
        if m <= 0 {
            return Err(TimingError::ReminderAfter);
        }
        if m > MAX_REMINDER_MINUTES {
            return Err(TimingError::ReminderTooEarly);
        }
        if !out.contains(&m) {
            out.push(m);
        }
    }
    out.sort_unstable_by(|a, b| b.cmp(a));
    Ok(out)
}

/// The instants of a meeting's reminders that are still to come at `now` (a reminder
/// whose time has passed when the meeting is scheduled is not sent late).
pub fn reminder_times(starts: Timestamp, minutes_before: &[i64], now: Timestamp) -> Vec<(i64, Timestamp)> {
    minutes_before
        .iter()
        .filter_map(|&m| {
            let at = starts.checked_sub(jiff::SignedDuration::from_mins(m)).ok()?;
            (at > now).then_some((m, at))
        })
        .collect()
}

/// Why a recurrence rule is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecurrenceError {
    /// Not an RRULE this implementation reads (the text says why).
    #[error("not a recurrence rule: {0}")]
    Invalid(String),
    /// The zone is not an IANA time zone.
    #[error("unknown time zone")]
    UnknownZone,
    /// The rule yields no meeting from the start on ("30 February").
    #[error("the recurrence never occurs")]
    NeverOccurs,
}

/// The instants of a recurring meeting: the local date-times in `zone` that the rule
/// (`FREQ=MONTHLY;BYDAY=1TU`, with or without its `RRULE:` prefix) yields from the
/// local `first` on, strictly after `after` and before `until`, at most `limit`. Each
/// occurrence keeps `first`'s local time of day in the zone, whatever its offset that
/// day. A local time skipped by a spring-forward change is read with the offset before
/// the change (as `calendar::at_local`).
pub fn occurrences(
    first: DateTime,
    zone: &str,
    rule: &str,
    after: Option<Timestamp>,
    until: Timestamp,
    limit: u16,
) -> Result<Vec<Timestamp>, RecurrenceError> {
    let rule = normalise_rule(rule)?;
    let tz: chrono_tz::Tz = zone.parse().map_err(|_| RecurrenceError::UnknownZone)?;
    let naive = chrono::NaiveDate::from_ymd_opt(first.year().into(), first.month() as u32, first.day() as u32)
        .and_then(|d| d.and_hms_opt(first.hour() as u32, first.minute() as u32, first.second() as u32))
        .ok_or_else(|| RecurrenceError::Invalid("start out of range".into()))?;
    // A first start skipped by a spring-forward change is an hour later that day; the
    // series keeps the local time the person picked (the rule names it), not the shifted one.
    let (start, rule) = match tz.from_local_datetime(&naive) {
        chrono::LocalResult::Single(t) => (t, rule),
        chrono::LocalResult::Ambiguous(early, _) => (early, rule),
        chrono::LocalResult::None => {
            let shifted = naive + chrono::Duration::hours(1);
            let start = tz
                .from_local_datetime(&shifted)
                .earliest()
                .ok_or_else(|| RecurrenceError::Invalid("start out of range".into()))?;
            let named = rule.contains("BYHOUR") || rule.contains("BYMINUTE") || rule.contains("BYSECOND");
            let rule = if named {
                rule
            } else {
                format!(
                    "{rule};BYHOUR={};BYMINUTE={};BYSECOND={}",
                    first.hour(),
                    first.minute(),
                    first.second()
                )
            };
            (start, rule)
        }
    };
    let parsed: rrule::RRule<rrule::Unvalidated> = rule
        .parse()
        .map_err(|e: rrule::RRuleError| RecurrenceError::Invalid(e.to_string()))?;
    let rtz = rrule::Tz::Tz(tz);
    let set = parsed
        .build(start.with_timezone(&rtz))
        .map_err(|e| RecurrenceError::Invalid(e.to_string()))?;
    let to_chrono = |t: Timestamp| chrono::DateTime::from_timestamp(t.as_second(), 0).map(|d| d.with_timezone(&rtz));
    let mut set = set;
    if let Some(end) = to_chrono(until) {
        set = set.before(end);
    }
    if let Some(a) = after.and_then(to_chrono) {
        set = set.after(a);
    }
    let result = set.all(limit);
    result
        .dates
        .into_iter()
        .filter(|d| after.is_none_or(|a| d.timestamp() > a.as_second()))
        .map(|d| Timestamp::from_second(d.timestamp()).map_err(|e| RecurrenceError::Invalid(e.to_string())))
        .collect()
}

/// Checks a rule from the meeting's first local start: it must occur within the
/// scheduling horizon's first ten years ("30 February" never does). Returns the rule
/// as stored (`FREQ=…`, upper case, without the `RRULE:` prefix).
pub fn check_rule(first: DateTime, zone: &str, rule: &str) -> Result<String, RecurrenceError> {
    let normal = normalise_rule(rule)?;
    let start = jiff::tz::TimeZone::get(zone)
        .map_err(|_| RecurrenceError::UnknownZone)?
        .to_ambiguous_timestamp(first)
        .compatible()
        .map_err(|e| RecurrenceError::Invalid(e.to_string()))?;
    let until = start
        .checked_add(jiff::SignedDuration::from_hours(24 * 3660))
        .map_err(|e| RecurrenceError::Invalid(e.to_string()))?;
    let found = occurrences(first, zone, &normal, None, until, 1)?;
    if found.is_empty() {
        return Err(RecurrenceError::NeverOccurs);
    }
    Ok(normal)
}

/// `RRULE:freq=monthly;byday=1tu` → `FREQ=MONTHLY;BYDAY=1TU`; a `DTSTART` or a second
/// line is refused (the start is the meeting's own).
fn normalise_rule(rule: &str) -> Result<String, RecurrenceError> {
    let rule = rule.trim();
    if rule.contains(['\n', '\r']) {
        return Err(RecurrenceError::Invalid("one RRULE line only".into()));
    }
    let body = rule
        .strip_prefix("RRULE:")
        .or_else(|| rule.strip_prefix("rrule:"))
        .unwrap_or(rule)
        .trim()
        .to_ascii_uppercase();
    if body.is_empty() || !body.contains("FREQ=") {
        return Err(RecurrenceError::Invalid("FREQ is required".into()));
    }
    if body.contains("DTSTART") {
        return Err(RecurrenceError::Invalid("DTSTART is the meeting's start".into()));
    }
    Ok(body)
}

/// Whether the quorum is met: the organisations present or represented (by proxy)
/// weigh at least `percent` of the members (rounded up: 50 % of 7 is 4).
pub fn quorum_met(present_or_represented: u64, members: u64, percent: u32) -> bool {
    present_or_represented >= quorum_needed(members, percent)
}

/// How many organisations the quorum needs (the smallest count that meets it).
pub fn quorum_needed(members: u64, percent: u32) -> u64 {
    (members * u64::from(percent)).div_ceil(100)
}

/// How many proxies one organisation may hold at a meeting: one, as the network's
/// decision polls by default (`max_proxies`; the deciding issue's rule that a
/// representative speaks for at most one other organisation). The checks themselves are
/// the polls' ([`crate::voting::check_proxy`]: not to oneself, at most this many per
/// holder, no chains).
pub const MAX_MEETING_PROXIES: u32 = 1;

/// The organisations a meeting counts for its quorum: those `present` (a sitting
/// representative marked present), and those that gave their proxy to a present one.
/// Only `members` count; a proxy whose holder is absent counts for nothing (its giver
/// counts only if present itself). The result is sorted and without repeats.
pub fn counted_for_quorum(members: &[i64], present: &[i64], proxies: &[crate::voting::Proxy]) -> Vec<i64> {
    use std::collections::BTreeSet;
    let members: BTreeSet<i64> = members.iter().copied().collect();
    let present: BTreeSet<i64> = present.iter().copied().filter(|o| members.contains(o)).collect();
    let mut counted = present.clone();
    for p in proxies {
        if present.contains(&p.holder) && members.contains(&p.giver) {
            counted.insert(p.giver);
        }
    }
    counted.into_iter().collect()
}

/// The largest capacity of an event.
pub const MAX_CAPACITY: i64 = 100_000;

/// Whether a new registration for an event gets a place (`true`) or goes to the waiting
/// list: a place is free while fewer than `capacity` are registered (no capacity: always).
pub fn gets_a_place(capacity: Option<i64>, registered: i64) -> bool {
    capacity.is_none_or(|c| registered < c)
}

/// How many waiting people get a place that is free: the free places
/// (`capacity - registered`, none when full; all waiting when there is no capacity), at
/// most the `waiting`.
pub fn to_promote(capacity: Option<i64>, registered: i64, waiting: i64) -> i64 {
    let free = capacity.map_or(waiting, |c| (c - registered).max(0));
    free.min(waiting).max(0)
}

#[cfg(test)]
mod tests;
