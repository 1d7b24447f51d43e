//! Changing a meeting from a page (`/meetings/{id}/edit`): the form is read into the
//! API's [`MeetingChange`] and goes through [`data::change`], the code path of
//! `PATCH /api/v1/meetings/{id}` (same validation, errors beside their fields, nothing
//! lost). Once the invitations have gone out, the page names who gets the update (an
//! iCalendar update with a higher SEQUENCE) before its one button.

use super::data::{self, MeetingFull};
use super::input::MeetingChange;
use super::policy;
use crate::access::require;
use crate::api::parse_id;
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};
use serde::Deserialize;

/// The edit form: the fields `PATCH /api/v1/meetings/{id}` changes, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EditForm {
    pub title: String,
    pub description: String,
    /// `2026-01-06T19:00`, in the meeting's zone.
    pub starts_at: String,
    pub duration_minutes: String,
    pub place: String,
    pub video_url: String,
    /// Days before, separated by commas (`7, 1`).
    pub reminder_days: String,
    /// An event's places (empty: unchanged).
    pub capacity: String,
}

/// An event's places as typed (empty: none); the error on the API's field.
pub fn read_capacity(raw: &str, e: &mut FieldErrors) -> Option<i64> {
    match raw.trim() {
        "" => None,
        s => s.parse::<i64>().map(Some).unwrap_or_else(|_| {
            e.add("capacity", "meeting-capacity");
            None
        }),
    }
}

/// Reminder days as typed (`7, 1`) into minutes before; the error on the API's field.
pub fn reminder_minutes(raw: &str, e: &mut FieldErrors) -> Vec<i64> {
    let mut out = Vec::new();
    for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.parse::<i64>() {
            Ok(d) => out.push(d.saturating_mul(24 * 60)),
            Err(_) => {
                e.add("reminders_minutes", "meeting-reminder-after");
                break;
            }
        }
    }
    out
}

impl EditForm {
    /// The meeting's fields as the form shows them (its local start in its zone, to the
    /// second only when it has seconds, so that an untouched start stays the same instant).
    pub fn of(m: &super::entities::meeting::Model) -> EditForm {
        let zone = jiff::tz::TimeZone::get(&m.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
        let starts_at = crate::clock::to_timestamp(m.starts_at)
            .map(|t| {
                let local = t.to_zoned(zone).datetime();
                if local.second() == 0 && local.subsec_nanosecond() == 0 {
                    local.strftime("%Y-%m-%dT%H:%M").to_string()
                } else {
                    local.to_string()
                }
            })
            .unwrap_or_default();
        let days: Vec<String> = m
            .reminders
            .0
            .iter()
            .map(|r| {
                if r % (24 * 60) == 0 {
                    (r / (24 * 60)).to_string()
                } else {
                    // Not whole days (set through the API): the nearest whole day.
                    ((r + 12 * 60) / (24 * 60)).to_string()
                }
            })
            .collect();
        EditForm {
            title: m.title.clone(),
            description: m.description.clone(),
            starts_at,
            duration_minutes: (m.ends_at - m.starts_at).whole_minutes().to_string(),
            place: m.place.clone(),
            video_url: m.video_url.clone(),
            reminder_days: days.join(", "),
            capacity: m.capacity.map(|c| c.to_string()).unwrap_or_default(),
        }
    }

    /// Read into the API's body (every field given), with errors on the API's names.
    pub fn change(&self, current: &super::entities::meeting::Model) -> Result<MeetingChange, FieldErrors> {
        let mut e = FieldErrors::default();
        let duration = self.duration_minutes.trim().parse::<i64>().unwrap_or_else(|_| {
            e.add("duration_minutes", "meeting-ends-before-start");
            0
        });
        let reminders = reminder_minutes(&self.reminder_days, &mut e);
        let capacity = read_capacity(&self.capacity, &mut e);
        if !e.is_empty() {
            return Err(e);
        }
        // Reminders typed as the days shown keep the exact minutes set through the API.
        let unchanged_days = self.reminder_days.trim() == EditForm::of(current).reminder_days;
        Ok(MeetingChange {
            title: Some(self.title.clone()),
            description: Some(self.description.clone()),
            starts_at: Some(self.starts_at.clone()),
            duration_minutes: Some(duration),
            place: Some(self.place.clone()),
            video_url: Some(self.video_url.clone()),
            reminders_minutes: if unchanged_days { None } else { Some(reminders) },
            capacity,
        })
    }
}

#[derive(Template)]
#[template(path = "assemblies/edit.html")]
struct EditPage {
    ctx: Ctx,
    m: MeetingFull,
    form: EditForm,
    errors: FieldErrors,
    /// Those who get the update (names, sorted), when the invitations have gone out.
    told: Vec<String>,
}

impl EditPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn invited(&self) -> bool {
        self.m.meeting.invited_at.is_some()
    }
    fn is_event(&self) -> bool {
        self.m.meeting.kind.0 == intercoop_domain::meetings::MeetingKind::Event
    }
    fn told_count(&self) -> i64 {
        self.told.len() as i64
    }
}

/// The names of those a change of the meeting would be told to now (none before the
/// invitations have gone out).
async fn told<C: ConnectionTrait>(conn: &C, m: &super::entities::meeting::Model) -> AppResult<Vec<String>> {
    if m.invited_at.is_none() {
        return Ok(Vec::new());
    }
    let ids = super::notifications::invited(conn, m).await?;
    use crate::entities::person;
    Ok(person::Entity::find()
        .filter(person::Column::Id.is_in(ids))
        .order_by_asc(person::Column::Name)
        .all(conn)
        .await?
        .into_iter()
        .map(|p| p.name)
        .collect())
}

/// The meeting, if it may still change (409 once it has begun or is cancelled, as the API).
async fn changeable<C: ConnectionTrait>(conn: &C, network_id: i64, id: &str) -> AppResult<MeetingFull> {
    let m = data::get(conn, network_id, parse_id(id)?).await?;
    if !m.ahead(crate::clock::now()) {
        return Err(AppError::Conflict("meeting-not-ahead"));
    }
    Ok(m)
}

/// `GET /meetings/{id}/edit` (administrators): the form, filled with the meeting.
pub async fn form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let conn = &state.db.read;
    let m = changeable(conn, user.network.id, &id).await?;
    let told = told(conn, &m.meeting).await?;
    render(&EditPage {
        form: EditForm::of(&m.meeting),
        errors: FieldErrors::default(),
        told,
        m,
        ctx,
    })
}

/// `POST /meetings/{id}/edit`: changes it as `PATCH /api/v1/meetings/{id}` does; errors
/// beside their fields (422) with everything typed kept.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<EditForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let m = changeable(&txn, user.network.id, &id).await?;
    let result = match form.change(&m.meeting) {
        Err(errors) => Err(AppError::Invalid(errors)),
        Ok(change) => {
            data::change(
                &txn,
                Actor::person(user.person_id),
                user.network.id,
                m.meeting.id,
                &change,
            )
            .await
        }
    };
    match result {
        Ok(after) => {
            txn.commit().await?;
            Ok(see_other(&format!("/meetings/{}", after.id)))
        }
        Err(AppError::Invalid(errors)) => {
            txn.rollback().await?;
            let told = told(&state.db.read, &m.meeting).await?;
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &EditPage {
                    ctx,
                    m,
                    form,
                    errors,
                    told,
                },
            )
        }
        Err(e) => Err(e),
    }
}
