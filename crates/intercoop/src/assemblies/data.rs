//! Meetings: queries and changes, shared by the pages, the API, the seed and the jobs.
//!
//! A recurring meeting is a series (`meeting_series`: its rule, first local start and
//! zone) whose occurrences are meetings of their own, scheduled a year ahead
//! (`intercoop_domain::meetings::HORIZON_DAYS`, and further by the daily job
//! `assemblies.extend`): an occurrence is moved or cancelled alone (the exceptions and
//! moved dates of a calendar), keeps its own answers, attendance and minutes, and has
//! its own stable calendar UID. Every query names the network: another network's
//! meeting reads as absent (404).

use super::entities::{agenda_item, meeting, series};
use super::input::{AgendaInput, MeetingChange, ValidMeeting, read_start, timing_code, video_ok};
use crate::audit::{self, Actor, Change};
use crate::db::types::{Json, Text};
use crate::error::{AppError, AppResult, FieldErrors};
use intercoop_domain::meetings::{self, AgendaKind, MeetingKind, MeetingStatus, MinutesStatus};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Serialize;
use time::{Duration, OffsetDateTime};

/// A meeting with its agenda, in order.
#[derive(Debug, Clone)]
pub struct MeetingFull {
    pub meeting: meeting::Model,
    pub agenda: Vec<agenda_item::Model>,
}

impl MeetingFull {
    /// Scheduled and not yet begun: answers are taken and the meeting may change. The
    /// start holds at its instant, whatever the jobs have done.
    pub fn ahead(&self, now: OffsetDateTime) -> bool {
        self.meeting.status.0 == MeetingStatus::Scheduled && now < self.meeting.starts_at
    }
}

/// What the meetings of a series share (the first occurrence's fields).
struct Template<'a> {
    kind: MeetingKind,
    title: &'a str,
    description: &'a str,
    duration: Duration,
    time_zone: &'a str,
    place: &'a str,
    video_url: &'a str,
    reminders: &'a [i64],
    agenda: &'a [AgendaInput],
    capacity: Option<i64>,
}

/// The stable calendar identity of a new meeting (`meeting-…@intercoop`).
fn new_uid() -> String {
    format!("{}@intercoop", crate::auth::tokens::new_token("meeting-"))
}

/// Schedules a meeting (and, with a recurrence, its occurrences within the horizon).
/// Returns the ids of the meetings made, the first first.
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    v: &ValidMeeting,
) -> AppResult<Vec<i64>> {
    check_agenda(conn, network_id, &v.agenda).await?;
    let now = crate::clock::now();
    let t = Template {
        kind: v.kind,
        title: &v.title,
        description: &v.description,
        duration: Duration::minutes(v.duration_minutes),
        time_zone: &v.time_zone,
        place: &v.place,
        video_url: &v.video_url,
        reminders: &v.reminders,
        agenda: &v.agenda,
        capacity: v.capacity,
    };
    let mut ids = Vec::new();
    match &v.recurrence {
        None => ids.push(insert(conn, network_id, None, &t, v.starts_at, actor).await?.id),
        Some(rule) => {
            let horizon = std::cmp::max(now, v.starts_at) + Duration::days(meetings::HORIZON_DAYS);
            let row = series::ActiveModel {
                network_id: Set(network_id),
                rule: Set(rule.clone()),
                first_local: Set(v.first_local.strftime("%Y-%m-%dT%H:%M:%S").to_string()),
                time_zone: Set(v.time_zone.clone()),
                scheduled_until: Set(horizon),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(conn)
            .await?;
            let starts = occurrences_of(&row, None, horizon)?;
            if starts.is_empty() {
                return Err(AppError::invalid("recurrence", "meeting-recurrence-never"));
            }
            let until = scheduled_until(&starts, horizon);
            for at in starts {
                ids.push(insert(conn, network_id, Some(row.id), &t, at, actor).await?.id);
            }
            let mut row: series::ActiveModel = row.into();
            row.scheduled_until = Set(until);
            row.update(conn).await?;
        }
    }
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "meeting.create",
            entity: "meeting",
            entity_id: ids.first().copied(),
        },
        None::<&()>,
        Some(v),
    )
    .await?;
    Ok(ids)
}

/// The starts of a series' occurrences after `after` (none: from the first) and before
/// `until`.
fn occurrences_of(
    s: &series::Model,
    after: Option<OffsetDateTime>,
    until: OffsetDateTime,
) -> AppResult<Vec<OffsetDateTime>> {
    let first: jiff::civil::DateTime = s.first_local.parse().map_err(|e| {
        AppError::Internal(anyhow::anyhow!(
            "meeting_series {}: first_local {:?}: {e}",
            s.id,
            s.first_local
        ))
    })?;
    let stamp = |t: OffsetDateTime| {
        crate::clock::to_timestamp(t).ok_or_else(|| AppError::Internal(anyhow::anyhow!("instant out of range")))
    };
    let found = meetings::occurrences(
        first,
        &s.time_zone,
        &s.rule,
        after.map(stamp).transpose()?,
        stamp(until)?,
        meetings::MAX_OCCURRENCES,
    )
    .map_err(|e| AppError::Internal(anyhow::anyhow!("meeting_series {}: {e}", s.id)))?;
    Ok(found.into_iter().map(crate::clock::from_timestamp).collect())
}

/// How far a series is scheduled once `starts` are made: the horizon, or the last one
/// made when the batch was cut at `MAX_OCCURRENCES` (the next run goes on from there).
fn scheduled_until(starts: &[OffsetDateTime], horizon: OffsetDateTime) -> OffsetDateTime {
    match starts.last() {
        Some(last) if starts.len() >= usize::from(meetings::MAX_OCCURRENCES) => *last,
        _ => horizon,
    }
}

async fn insert<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    series_id: Option<i64>,
    t: &Template<'_>,
    starts_at: OffsetDateTime,
    actor: Actor,
) -> AppResult<meeting::Model> {
    let now = crate::clock::now();
    let row = meeting::ActiveModel {
        network_id: Set(network_id),
        series_id: Set(series_id),
        kind: Set(Text(t.kind)),
        title: Set(t.title.to_string()),
        description: Set(t.description.to_string()),
        starts_at: Set(starts_at),
        ends_at: Set(starts_at + t.duration),
        time_zone: Set(t.time_zone.to_string()),
        place: Set(t.place.to_string()),
        video_url: Set(t.video_url.to_string()),
        status: Set(Text(MeetingStatus::Scheduled)),
        sequence: Set(0),
        uid: Set(new_uid()),
        reminders: Set(Json(t.reminders.to_vec())),
        capacity: Set(t.capacity),
        minutes: Set(String::new()),
        minutes_status: Set(Text(MinutesStatus::None)),
        invited_at: Set(None),
        minutes_approved_by: Set(None),
        minutes_published_at: Set(None),
        created_by: Set(actor.person_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    for (i, item) in t.agenda.iter().enumerate() {
        let kind = match (item.proposal_id, item.poll_id) {
            (_, Some(_)) => AgendaKind::Poll,
            (Some(_), None) => AgendaKind::Proposal,
            _ => AgendaKind::Text,
        };
        agenda_item::ActiveModel {
            meeting_id: Set(row.id),
            position: Set(i as i64),
            kind: Set(Text(kind)),
            body: Set(item.text.clone().unwrap_or_default().trim().to_string()),
            proposal_id: Set(item.proposal_id),
            poll_id: Set(item.poll_id),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    super::jobs::schedule(conn, &row).await?;
    Ok(row)
}

/// The proposals and polls of an agenda are the network's (422 naming `agenda`).
async fn check_agenda<C: ConnectionTrait>(conn: &C, network_id: i64, agenda: &[AgendaInput]) -> AppResult<()> {
    for item in agenda {
        if let Some(p) = item.proposal_id {
            match crate::proposals::data::get(conn, network_id, p).await {
                Ok(_) => {}
                Err(AppError::NotFound) => return Err(AppError::invalid("agenda", "meeting-agenda-unknown")),
                Err(e) => return Err(e),
            }
        }
        if let Some(p) = item.poll_id {
            match crate::polls::data::get(conn, network_id, p).await {
                Ok(_) => {}
                Err(AppError::NotFound) => return Err(AppError::invalid("agenda", "meeting-agenda-unknown")),
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// One meeting of the network, with its agenda.
pub async fn get<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<MeetingFull> {
    let meeting = meeting::Entity::find_by_id(id)
        .filter(meeting::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let agenda = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(id))
        .order_by_asc(agenda_item::Column::Position)
        .all(conn)
        .await?;
    Ok(MeetingFull { meeting, agenda })
}

/// A meeting in a list.
#[derive(Debug, Clone, Serialize, sea_orm::FromQueryResult, utoipa::ToSchema)]
pub struct MeetingRow {
    pub id: i64,
    pub title: String,
    #[schema(value_type = String)]
    pub kind: Text<MeetingKind>,
    #[schema(value_type = String)]
    pub status: Text<MeetingStatus>,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub starts_at: OffsetDateTime,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub ends_at: OffsetDateTime,
    pub place: String,
    #[schema(value_type = String)]
    pub minutes_status: Text<MinutesStatus>,
}

/// The meetings of a network: the coming ones soonest first (`past`: the past ones,
/// latest first), a page and the number of matches, in one query.
pub async fn list(
    db: &crate::db::Db,
    network_id: i64,
    past: bool,
    page: &crate::api::Page,
) -> AppResult<(Vec<MeetingRow>, i64)> {
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    let now = crate::clock::now();
    let mut base = Query::select();
    base.from("meetings").and_where(Expr::col("network_id").eq(network_id));
    if past {
        base.and_where(Expr::col("ends_at").lte(now));
    } else {
        base.and_where(Expr::col("ends_at").gt(now));
    }
    let mut count = base.clone();
    count.expr(Expr::cust("COUNT(*)"));
    let mut rows = base;
    rows.columns([
        "id",
        "title",
        "kind",
        "status",
        "starts_at",
        "ends_at",
        "place",
        "minutes_status",
    ])
    .order_by(
        "starts_at",
        if past {
            sea_orm::Order::Desc
        } else {
            sea_orm::Order::Asc
        },
    )
    .order_by("id", sea_orm::Order::Asc)
    .limit(page.limit())
    .offset(page.offset());
    Ok(crate::db::fetch_page(db, &rows, &count, page.offset()).await?)
}

/// Changes a meeting that has not begun: what calendars hold (times, place, title)
/// raises its sequence, and the people invited get the update; reminders follow the
/// new time. A meeting that has begun, or is cancelled, is not changed (409).
pub async fn change<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    id: i64,
    c: &MeetingChange,
) -> AppResult<meeting::Model> {
    let full = get(conn, network_id, id).await?;
    if !full.ahead(crate::clock::now()) {
        return Err(AppError::Conflict("meeting-not-ahead"));
    }
    let m = full.meeting;
    let mut e = FieldErrors::default();
    let zone = jiff::tz::TimeZone::get(&m.time_zone)
        .map_err(|err| AppError::Internal(anyhow::anyhow!("meeting {}: time zone {:?}: {err}", m.id, m.time_zone)))?;
    let mut starts_at = m.starts_at;
    if let Some(raw) = &c.starts_at {
        match read_start(raw, &zone) {
            Some((_, at)) => starts_at = crate::clock::truncate(crate::clock::from_timestamp(at)),
            None => e.add("starts_at", "meeting-starts-at"),
        }
    }
    let duration = c
        .duration_minutes
        .unwrap_or_else(|| (m.ends_at - m.starts_at).whole_minutes());
    if let Err(t) = meetings::check_duration(duration) {
        let (f, code) = timing_code(&t);
        e.add(f, code);
    }
    let reminders = match &c.reminders_minutes {
        None => m.reminders.0.clone(),
        Some(r) => meetings::check_reminders(r).unwrap_or_else(|t| {
            let (f, code) = timing_code(&t);
            e.add(f, code);
            Vec::new()
        }),
    };
    let title = match &c.title {
        Some(t) => e.line("title", t, 200).unwrap_or_default(),
        None => m.title.clone(),
    };
    let place = match &c.place {
        Some(p) => e.optional_line("place", p, 300),
        None => m.place.clone(),
    };
    let video_url = c
        .video_url
        .clone()
        .map_or(m.video_url.clone(), |v| v.trim().to_string());
    if !video_ok(&video_url) || video_url.len() > 500 {
        e.add("video_url", "meeting-video-url");
    }
    let description = c
        .description
        .clone()
        .map_or(m.description.clone(), |d| d.trim().to_string());
    if starts_at <= crate::clock::now() {
        e.add("starts_at", "meeting-in-the-past");
    }
    let capacity = match c.capacity {
        None => m.capacity,
        Some(n) => {
            if let Some(code) = super::input::capacity_error(Some(m.kind.0), Some(n)) {
                e.add("capacity", code);
            } else if n < super::registrations::count(conn, m.id, super::registrations::Status::Registered).await? {
                e.add("capacity", "meeting-capacity-below");
            }
            Some(n)
        }
    };
    e.into_result()?;
    let ends_at = starts_at + Duration::minutes(duration);
    let calendar_changed = starts_at != m.starts_at
        || ends_at != m.ends_at
        || title != m.title
        || place != m.place
        || video_url != m.video_url
        || description != m.description;
    let mut row: meeting::ActiveModel = m.clone().into();
    row.title = Set(title);
    row.description = Set(description);
    row.starts_at = Set(starts_at);
    row.ends_at = Set(ends_at);
    row.place = Set(place);
    row.video_url = Set(video_url);
    row.reminders = Set(Json(reminders));
    row.capacity = Set(capacity);
    if calendar_changed {
        row.sequence = Set(m.sequence + 1);
    }
    row.updated_at = Set(crate::clock::now());
    let after = row.update(conn).await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "meeting.update",
            entity: "meeting",
            entity_id: Some(id),
        },
        Some(&m),
        Some(&after),
    )
    .await?;
    super::jobs::schedule(conn, &after).await?;
    if after.capacity != m.capacity {
        super::registrations::promote(conn, &after).await?;
    }
    if calendar_changed && after.invited_at.is_some() {
        super::jobs::tell(conn, &after).await?;
    }
    Ok(after)
}

/// Cancels a meeting that has not begun; the people invited are told, and their
/// calendars get the cancellation (`METHOD:CANCEL`). Cancelling twice is a 409.
pub async fn cancel<C: ConnectionTrait>(conn: &C, actor: Actor, network_id: i64, id: i64) -> AppResult<meeting::Model> {
    let full = get(conn, network_id, id).await?;
    if !full.ahead(crate::clock::now()) {
        return Err(AppError::Conflict("meeting-not-ahead"));
    }
    let m = full.meeting;
    let mut row: meeting::ActiveModel = m.clone().into();
    row.status = Set(Text(MeetingStatus::Cancelled));
    row.sequence = Set(m.sequence + 1);
    row.updated_at = Set(crate::clock::now());
    let after = row.update(conn).await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "meeting.cancel",
            entity: "meeting",
            entity_id: Some(id),
        },
        Some(&m),
        Some(&after),
    )
    .await?;
    if after.invited_at.is_some() {
        super::jobs::tell(conn, &after).await?;
    }
    Ok(after)
}

/// Schedules the occurrences of every series of a network (all networks: `None`) that
/// fall within the horizon from `now` (the daily job). Returns how many were made.
pub async fn extend_series<C: ConnectionTrait>(conn: &C, network_id: Option<i64>) -> AppResult<usize> {
    let now = crate::clock::now();
    let horizon = now + Duration::days(meetings::HORIZON_DAYS);
    let mut q = series::Entity::find().filter(series::Column::ScheduledUntil.lt(horizon));
    if let Some(n) = network_id {
        q = q.filter(series::Column::NetworkId.eq(n));
    }
    let mut made = 0;
    for s in q.all(conn).await? {
        // The latest occurrence is the template of the next ones (its title, place,
        // agenda as changed since).
        let Some(last) = meeting::Entity::find()
            .filter(meeting::Column::SeriesId.eq(s.id))
            .order_by_desc(meeting::Column::StartsAt)
            .one(conn)
            .await?
        else {
            continue;
        };
        let agenda: Vec<AgendaInput> = agenda_item::Entity::find()
            .filter(agenda_item::Column::MeetingId.eq(last.id))
            .order_by_asc(agenda_item::Column::Position)
            .all(conn)
            .await?
            .into_iter()
            .filter(|a| a.kind.0 == AgendaKind::Text)
            .map(|a| AgendaInput {
                text: Some(a.body),
                ..Default::default()
            })
            .collect();
        let t = Template {
            kind: last.kind.0,
            title: &last.title,
            description: &last.description,
            duration: last.ends_at - last.starts_at,
            time_zone: &s.time_zone,
            place: &last.place,
            video_url: &last.video_url,
            reminders: &last.reminders.0,
            agenda: &agenda,
            capacity: last.capacity,
        };
        let starts = occurrences_of(&s, Some(s.scheduled_until), horizon)?;
        let until = scheduled_until(&starts, horizon);
        for at in starts {
            insert(conn, s.network_id, Some(s.id), &t, at, Actor::SYSTEM).await?;
            made += 1;
        }
        let mut row: series::ActiveModel = s.into();
        row.scheduled_until = Set(until);
        row.update(conn).await?;
    }
    Ok(made)
}
