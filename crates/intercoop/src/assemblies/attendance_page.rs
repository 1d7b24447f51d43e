//! Taking attendance on a phone (`/meetings/{id}/attendance`, administrators): those
//! invited as a list of checkboxes, their answers beside; the quorum shown live after
//! each save. And the calendar feed page (`/calendar`).

use super::data;
use super::policy;
use crate::access::require;
use crate::api::parse_id;
use crate::audit::Actor;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, require_user};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use std::collections::BTreeMap;

/// One person of the list.
pub struct Row {
    pub id: i64,
    pub name: String,
    pub answer: String,
    pub present: bool,
}

#[derive(Template)]
#[template(path = "assemblies/attendance.html")]
struct AttendancePage {
    ctx: Ctx,
    m: data::MeetingFull,
    rows: Vec<Row>,
    attendance: super::api::AttendanceOut,
    saved: bool,
}

async fn page(state: &AppState, ctx: Ctx, id: i64, saved: bool) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let conn = &state.db.read;
    let m = data::get(conn, user.network.id, id).await?;
    let invited = super::notifications::invited(conn, &m.meeting).await?;
    let answers: BTreeMap<i64, super::entities::answer::Model> = super::entities::answer::Entity::find()
        .filter(super::entities::answer::Column::MeetingId.eq(id))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| (a.person_id, a))
        .collect();
    let mut ids: Vec<i64> = invited;
    ids.extend(answers.keys().copied());
    ids.sort_unstable();
    ids.dedup();
    let mut rows: Vec<Row> = crate::entities::person::Entity::find()
        .filter(crate::entities::person::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| Row {
            id: p.id,
            answer: answers
                .get(&p.id)
                .and_then(|a| a.answer.map(|t| t.to_string()))
                .unwrap_or_default(),
            present: answers.get(&p.id).is_some_and(|a| a.present),
            name: p.name,
        })
        .collect();
    crate::collation::sort_by_name(&mut rows, |r| &r.name);
    let attendance = super::api::attendance_of(conn, &user.network, &m).await?;
    render(&AttendancePage {
        ctx,
        m,
        rows,
        attendance,
        saved,
    })
}

/// `GET /meetings/{id}/attendance`.
pub async fn form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::take_attendance(&user.doer()))?;
    page(&state, ctx, parse_id(&id)?, false).await
}

/// `POST /meetings/{id}/attendance`: `present=<person id>` once per ticked box.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::take_attendance(&user.doer()))?;
    let id = parse_id(&id)?;
    let present: Vec<i64> = fields
        .iter()
        .filter(|(k, _)| k == "present")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    let txn = state.db.write.begin().await?;
    let full = data::get(&txn, user.network.id, id).await?;
    super::answers::take_attendance(&txn, Actor::person(user.person_id), &full, &present).await?;
    txn.commit().await?;
    page(&state, ctx, id, true).await
}

#[derive(Template)]
#[template(path = "assemblies/calendar.html")]
struct CalendarPage {
    ctx: Ctx,
    has_feed: bool,
    url: Option<String>,
}

/// `GET /calendar`: the private feed, explained.
pub async fn calendar(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let has_feed = super::feed::has_feed(&state.db.read, user.person_id, user.network.id).await?;
    render(&CalendarPage {
        ctx,
        has_feed,
        url: None,
    })
}

/// `POST /calendar`: a new feed address, shown once.
pub async fn new_feed(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(_): CsrfForm<crate::web::Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let txn = state.db.write.begin().await?;
    let token = super::feed::renew(&txn, user.person_id, user.network.id).await?;
    txn.commit().await?;
    let url = format!("{}/calendar/{token}.ics", state.config.base_url);
    render(&CalendarPage {
        ctx,
        has_feed: true,
        url: Some(url),
    })
}
