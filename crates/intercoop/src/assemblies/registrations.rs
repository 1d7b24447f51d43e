//! Registration for an event, with its capacity and waiting list. Registering while
//! places are free gives one; beyond the capacity the person waits, in the order they
//! came (`meeting_registrations.id`). When a registered person withdraws, or the
//! capacity grows, the first waiting people get the places at that write (not by a
//! job) and are told by email (`meeting_place`). The rules are
//! `intercoop_domain::meetings::{gets_a_place, to_promote}`.
//!
//! Concurrency: each write reads the counts and writes in one transaction after taking
//! the meeting's lock ([`lock`]), so that two registrations for the last place cannot
//! both get it.

use super::data::{self, MeetingFull};
use super::entities::{meeting, registration};
use crate::api::{ApiUser, Json, parse_id};
use crate::error::{AppError, AppResult};
use crate::idempotency;
use crate::notifications::{Addressee, Kind, Notice, Var, notify};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, require_user, see_other};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::meetings::{self, MeetingKind};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde::Serialize;
use utoipa::ToSchema;

intercoop_domain::text_enum!(
    /// A person's registration for an event: a place, or waiting for one.
    Status { Registered = "registered", Waiting = "waiting" }
);

/// Where a person stands for an event, with its places.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegistrationOut {
    /// none, registered or waiting
    pub status: String,
    /// The position on the waiting list (1: the next to get a place), when waiting.
    pub position: Option<i64>,
    /// The event's places (none: no limit).
    pub capacity: Option<i64>,
    pub registered: i64,
    pub waiting: i64,
    /// Places still free (none: no limit).
    pub places_left: Option<i64>,
}

/// How many are registered (or waiting) for a meeting.
pub async fn count<C: ConnectionTrait>(conn: &C, meeting_id: i64, status: Status) -> AppResult<i64> {
    Ok(registration::Entity::find()
        .filter(registration::Column::MeetingId.eq(meeting_id))
        .filter(registration::Column::Status.eq(status.as_str()))
        .count(conn)
        .await? as i64)
}

/// Where `person_id` stands for the meeting (`None`: someone not logged in).
pub async fn of<C: ConnectionTrait>(
    conn: &C,
    m: &meeting::Model,
    person_id: Option<i64>,
) -> AppResult<RegistrationOut> {
    let registered = count(conn, m.id, Status::Registered).await?;
    let waiting = count(conn, m.id, Status::Waiting).await?;
    let mine = match person_id {
        None => None,
        Some(p) => {
            registration::Entity::find()
                .filter(registration::Column::MeetingId.eq(m.id))
                .filter(registration::Column::PersonId.eq(p))
                .one(conn)
                .await?
        }
    };
    let position = match &mine {
        Some(r) if r.status.0 == Status::Waiting => Some(
            registration::Entity::find()
                .filter(registration::Column::MeetingId.eq(m.id))
                .filter(registration::Column::Status.eq(Status::Waiting.as_str()))
                .filter(registration::Column::Id.lte(r.id))
                .count(conn)
                .await? as i64,
        ),
        _ => None,
    };
    Ok(RegistrationOut {
        status: mine.map_or_else(|| "none".to_string(), |r| r.status.0.to_string()),
        position,
        capacity: m.capacity,
        registered,
        waiting,
        places_left: m.capacity.map(|c| (c - registered).max(0)),
    })
}

/// Makes the registrations of one event be decided one after the other, until the end
/// of the transaction.
///
/// BACKEND-SPECIFIC: PostgreSQL locks the meeting's row (`SELECT … FOR UPDATE`): the
/// second of two registrations for the last place waits, then counts the first. SQLite
/// writes go through the single writer connection (see `db`), which serialises them.
async fn lock<C: ConnectionTrait>(conn: &C, meeting_id: i64) -> AppResult<()> {
    if conn.get_database_backend() == DatabaseBackend::Postgres {
        meeting::Entity::find_by_id(meeting_id)
            .lock_exclusive()
            .one(conn)
            .await?;
    }
    Ok(())
}

/// The event, if it takes registrations now (an event that has not begun; 409 if not).
async fn open_event<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<MeetingFull> {
    lock(conn, id).await?;
    let full = data::get(conn, network_id, id).await?;
    if full.meeting.kind.0 != MeetingKind::Event {
        return Err(AppError::Conflict("meeting-registration-kind"));
    }
    if !full.ahead(crate::clock::now()) {
        return Err(AppError::Conflict("meeting-not-ahead"));
    }
    Ok(full)
}

/// Registers `person_id` for the event: a place if one is free, else the waiting list.
/// Registering again changes nothing.
pub async fn register<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    id: i64,
    person_id: i64,
) -> AppResult<RegistrationOut> {
    let full = open_event(conn, network_id, id).await?;
    let known = registration::Entity::find()
        .filter(registration::Column::MeetingId.eq(id))
        .filter(registration::Column::PersonId.eq(person_id))
        .one(conn)
        .await?;
    if known.is_none() {
        let registered = count(conn, id, Status::Registered).await?;
        let status = if meetings::gets_a_place(full.meeting.capacity, registered) {
            Status::Registered
        } else {
            Status::Waiting
        };
        registration::ActiveModel {
            meeting_id: Set(id),
            person_id: Set(person_id),
            status: Set(crate::db::types::Text(status)),
            created_at: Set(crate::clock::now()),
            promoted_at: Set(None),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    of(conn, &full.meeting, Some(person_id)).await
}

/// Withdraws `person_id`'s registration (or place on the waiting list); a place that
/// comes free goes to the first waiting. 404 if they were not registered.
pub async fn withdraw<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    id: i64,
    person_id: i64,
) -> AppResult<RegistrationOut> {
    let full = open_event(conn, network_id, id).await?;
    let gone = registration::Entity::delete_many()
        .filter(registration::Column::MeetingId.eq(id))
        .filter(registration::Column::PersonId.eq(person_id))
        .exec(conn)
        .await?;
    if gone.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    promote(conn, &full.meeting).await?;
    of(conn, &full.meeting, Some(person_id)).await
}

/// Gives the free places of the event to the first waiting people, each told by email
/// (in the transaction of the write that freed them).
pub async fn promote<C: ConnectionTrait>(conn: &C, m: &meeting::Model) -> AppResult<()> {
    let registered = count(conn, m.id, Status::Registered).await?;
    let waiting = count(conn, m.id, Status::Waiting).await?;
    let n = meetings::to_promote(m.capacity, registered, waiting);
    if n == 0 {
        return Ok(());
    }
    let first = registration::Entity::find()
        .filter(registration::Column::MeetingId.eq(m.id))
        .filter(registration::Column::Status.eq(Status::Waiting.as_str()))
        .order_by_asc(registration::Column::Id)
        .limit(n as u64)
        .all(conn)
        .await?;
    let now = crate::clock::now();
    for r in first {
        let id = r.id;
        let mut row: registration::ActiveModel = r.into();
        row.status = Set(crate::db::types::Text(Status::Registered));
        row.promoted_at = Set(Some(now));
        row.update(conn).await?;
        notify(
            conn,
            Notice::new(Kind::MeetingPlace, m.network_id)
                .about(id)
                .text("title", m.title.clone())
                .var("starts", Var::DateTime(m.starts_at))
                .link(format!("/meetings/{}", m.id)),
            Some(format!("meeting_place:{id}")),
        )
        .await?;
    }
    Ok(())
}

/// The audience of `meeting_place`: the person whose registration it is about, if they
/// still hold the place when the email is made.
pub async fn place_addressees<C: ConnectionTrait>(conn: &C, n: &Notice) -> AppResult<Vec<Addressee>> {
    let Some(id) = n.about else { return Ok(Vec::new()) };
    Ok(registration::Entity::find_by_id(id)
        .filter(registration::Column::Status.eq(Status::Registered.as_str()))
        .one(conn)
        .await?
        .map(|r| vec![Addressee::new(r.person_id)])
        .unwrap_or_default())
}

/// Where the caller stands for an event, with its places.
#[utoipa::path(get, path = "/api/v1/meetings/{id}/registration", tag = "meetings",
    responses((status = 200, body = RegistrationOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<RegistrationOut>> {
    let full = data::get(&state.db.read, user.network.id, parse_id(&id)?).await?;
    Ok(Json(of(&state.db.read, &full.meeting, Some(user.person_id)).await?))
}

/// Registers the caller for an event that has not begun: a place while any is free,
/// else the waiting list (with the position). 409 for a meeting that is not an event,
/// or has begun or is cancelled.
#[utoipa::path(put, path = "/api/v1/meetings/{id}/registration", tag = "meetings",
    responses((status = 200, body = RegistrationOut), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_register(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<RegistrationOut>)> {
    let txn = state.db.write.begin().await?;
    let answer = register(&txn, user.network.id, parse_id(&id)?, user.person_id).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// Withdraws the caller's registration (or place on the waiting list); the first waiting
/// person gets the place freed, and an email.
#[utoipa::path(delete, path = "/api/v1/meetings/{id}/registration", tag = "meetings",
    responses((status = 200, body = RegistrationOut), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_withdraw(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<RegistrationOut>)> {
    let txn = state.db.write.begin().await?;
    let answer = withdraw(&txn, user.network.id, parse_id(&id)?, user.person_id).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// `POST /meetings/{id}/register`: the meeting page's button.
pub async fn page_register(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    register(&txn, user.network.id, id, user.person_id).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/meetings/{id}#registration")))
}

/// `POST /meetings/{id}/register/withdraw`: the meeting page's button (which said the
/// place goes to the first waiting).
pub async fn page_withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    withdraw(&txn, user.network.id, id, user.person_id).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/meetings/{id}#registration")))
}
