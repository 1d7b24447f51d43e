//! Meeting endpoints of the JSON API.

use super::answers::{self, AnswerCounts, Quorum};
use super::data::{self, MeetingFull, MeetingRow};
use super::input::{AgendaInput, MeetingChange, MeetingInput};
use super::policy;
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, Page, Paginated, parse_id};
use crate::audit::Actor;
use crate::error::{AppError, AppResult};
use crate::idempotency;
use crate::state::AppState;
use crate::web::Query;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use intercoop_domain::meetings::Answer;
use sea_orm::TransactionTrait;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A meeting as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingOut {
    pub id: i64,
    /// assembly, core, general_assembly or event
    pub kind: String,
    pub title: String,
    pub description: String,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub starts_at: time::OffsetDateTime,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub ends_at: time::OffsetDateTime,
    pub time_zone: String,
    pub place: String,
    pub video_url: String,
    /// scheduled or cancelled
    pub status: String,
    /// The calendar UID (stable) and SEQUENCE (raised by each change).
    pub uid: String,
    pub sequence: i64,
    /// The series of a recurring meeting.
    pub series_id: Option<i64>,
    pub reminders_minutes: Vec<i64>,
    pub agenda: Vec<AgendaInput>,
    /// An event's places (none: no limit).
    pub capacity: Option<i64>,
    /// none, draft or published
    pub minutes_status: String,
    /// The other occurrences scheduled with it (creation of a recurring meeting only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub occurrences: Vec<i64>,
}

pub fn out(full: MeetingFull) -> MeetingOut {
    let m = full.meeting;
    MeetingOut {
        id: m.id,
        kind: m.kind.to_string(),
        title: m.title,
        description: m.description,
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        time_zone: m.time_zone,
        place: m.place,
        video_url: m.video_url,
        status: m.status.to_string(),
        uid: m.uid,
        sequence: m.sequence,
        series_id: m.series_id,
        reminders_minutes: m.reminders.0,
        capacity: m.capacity,
        agenda: full
            .agenda
            .into_iter()
            .map(|a| AgendaInput {
                text: Some(a.body).filter(|b| !b.is_empty()),
                proposal_id: a.proposal_id,
                poll_id: a.poll_id,
            })
            .collect(),
        minutes_status: m.minutes_status.to_string(),
        occurrences: Vec::new(),
    }
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ListParams {
    /// true: the past meetings, latest first (default: the coming ones, soonest first).
    pub past: Option<bool>,
}

/// The meetings of the token's network.
#[utoipa::path(get, path = "/api/v1/meetings", tag = "meetings", params(Page, ListParams),
    responses((status = 200, body = Paginated<MeetingRow>), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(page): Query<Page>,
    Query(params): Query<ListParams>,
) -> AppResult<Json<Paginated<MeetingRow>>> {
    let (rows, total) = data::list(&state.db, user.network.id, params.past.unwrap_or(false), &page).await?;
    Ok(Json(Paginated::new(rows, &page, total)))
}

/// Schedules a meeting (administrators). With `recurrence`, its occurrences a year
/// ahead are scheduled too (their ids in `occurrences`). Invitations go out four weeks
/// before each meeting, reminders at `reminders_minutes` before.
#[utoipa::path(post, path = "/api/v1/meetings", tag = "meetings", request_body = MeetingInput,
    responses((status = 201, body = MeetingOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<MeetingInput>,
) -> AppResult<(StatusCode, Json<MeetingOut>)> {
    require(policy::manage(&user.doer()))?;
    let valid = body.validate(&user.network.time_zone).map_err(AppError::Invalid)?;
    let txn = state.db.write.begin().await?;
    let ids = data::create(&txn, Actor::person(user.person_id), user.network.id, &valid).await?;
    let mut answer = out(data::get(&txn, user.network.id, ids[0]).await?);
    answer.occurrences = ids.into_iter().skip(1).collect();
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}

/// One meeting with its agenda.
#[utoipa::path(get, path = "/api/v1/meetings/{id}", tag = "meetings",
    responses((status = 200, body = MeetingOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<MeetingOut>> {
    Ok(Json(out(
        data::get(&state.db.read, user.network.id, parse_id(&id)?).await?
    )))
}

/// Changes a meeting that has not begun (administrators); those invited get the update
/// (409 once it has begun or is cancelled).
#[utoipa::path(patch, path = "/api/v1/meetings/{id}", tag = "meetings", request_body = MeetingChange,
    responses((status = 200, body = MeetingOut), (status = 403, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<MeetingChange>,
) -> AppResult<(StatusCode, Json<MeetingOut>)> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    data::change(&txn, Actor::person(user.person_id), user.network.id, id, &body).await?;
    let answer = out(data::get(&txn, user.network.id, id).await?);
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// Cancels a meeting that has not begun (administrators); calendars get the
/// cancellation.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/cancel", tag = "meetings",
    responses((status = 200, body = MeetingOut), (status = 403, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn cancel(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<MeetingOut>)> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    data::cancel(&txn, Actor::person(user.person_id), user.network.id, id).await?;
    let answer = out(data::get(&txn, user.network.id, id).await?);
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// Whether one comes.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerBody {
    /// yes, no or maybe
    pub answer: String,
}

/// Answers for oneself whether one comes (those invited; until the meeting starts).
#[utoipa::path(put, path = "/api/v1/meetings/{id}/answer", tag = "meetings", request_body = AnswerBody,
    responses((status = 200, body = AnswerBody), (status = 403, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn answer(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AnswerBody>,
) -> AppResult<(StatusCode, Json<AnswerBody>)> {
    let a = Answer::parse(&body.answer).ok_or_else(|| AppError::invalid("answer", "meeting-answer"))?;
    let txn = state.db.write.begin().await?;
    let full = data::get(&txn, user.network.id, parse_id(&id)?).await?;
    answers::set(&txn, &full, user.person_id, a).await?;
    idempotency::commit(txn, StatusCode::OK, AnswerBody { answer: a.to_string() }).await
}

/// The answers and the attendance of a meeting, with the quorum now.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AttendanceOut {
    pub answers: AnswerCounts,
    pub quorum: Quorum,
    /// The proxies given for the meeting (an organisation's, held by another).
    pub proxies: Vec<super::proxies::ProxyOut>,
}

/// The answers, who is present and the quorum, live.
#[utoipa::path(get, path = "/api/v1/meetings/{id}/attendance", tag = "meetings",
    responses((status = 200, body = AttendanceOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn attendance(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<AttendanceOut>> {
    let full = data::get(&state.db.read, user.network.id, parse_id(&id)?).await?;
    Ok(Json(attendance_of(&state.db.read, &user.network, &full).await?))
}

pub async fn attendance_of<C: sea_orm::ConnectionTrait>(
    conn: &C,
    network: &crate::auth::NetworkInfo,
    full: &MeetingFull,
) -> AppResult<AttendanceOut> {
    let answers = answers::counts(conn, full.meeting.id).await?;
    attendance_with(conn, network, full, answers).await
}

/// [`attendance_of`] with the answers already counted (the meeting's page counts them
/// with the reader's own answer); the proxies in force are read once, for the quorum
/// and the list.
pub async fn attendance_with<C: sea_orm::ConnectionTrait>(
    conn: &C,
    network: &crate::auth::NetworkInfo,
    full: &MeetingFull,
    answers: AnswerCounts,
) -> AppResult<AttendanceOut> {
    let id = full.meeting.id;
    let in_force = super::proxies::in_force(conn, id).await?;
    let percent = super::quorum_percent(conn, network.id).await?;
    Ok(AttendanceOut {
        answers,
        quorum: answers::quorum_with(conn, network.id, id, percent, &in_force).await?,
        proxies: super::proxies::named(conn, in_force).await?,
    })
}

/// Who is present.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PresentBody {
    /// The people present (ids of people of the network); the others are absent.
    pub present: Vec<i64>,
}

/// Takes attendance (administrators, from a day before the start): answers the quorum.
#[utoipa::path(put, path = "/api/v1/meetings/{id}/attendance", tag = "meetings", request_body = PresentBody,
    responses((status = 200, body = AttendanceOut), (status = 403, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn take_attendance(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PresentBody>,
) -> AppResult<(StatusCode, Json<AttendanceOut>)> {
    require(policy::take_attendance(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let full = data::get(&txn, user.network.id, parse_id(&id)?).await?;
    answers::take_attendance(&txn, Actor::person(user.person_id), &full, &body.present).await?;
    let answer = attendance_of(&txn, &user.network, &full).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// A private calendar feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeedOut {
    /// The feed's address (keep it private: anyone with it reads your meetings). A new
    /// one replaces the previous.
    pub url: String,
}

/// Makes the caller's private calendar feed of every meeting they are invited to (a
/// new address each time; the previous stops working).
#[utoipa::path(post, path = "/api/v1/me/calendar-feed", tag = "meetings",
    responses((status = 201, body = FeedOut), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn new_feed(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<(StatusCode, Json<FeedOut>)> {
    let txn = state.db.write.begin().await?;
    let token = super::feed::renew(&txn, user.person_id, user.network.id).await?;
    let url = format!("{}/calendar/{token}.ics", state.config.base_url);
    idempotency::commit(txn, StatusCode::CREATED, FeedOut { url }).await
}
