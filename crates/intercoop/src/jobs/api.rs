//! Failed jobs in the JSON API (administrators): the same as `/admin/jobs`.

use crate::api::{ApiUser, Json, parse_id};
use crate::entities::job;
use crate::error::{AppError, AppResult};
use crate::idempotency;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use sea_orm::TransactionTrait;
use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

/// A job that could not be done.
#[derive(Debug, Serialize, ToSchema)]
pub struct JobOut {
    pub id: i64,
    /// What it was to do (`proposals.close_campaign`, `notifications.send`…).
    pub kind: String,
    /// Its input, as JSON.
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    /// pending, running, done, failed or discarded
    pub status: String,
    pub attempts: i64,
    pub max_attempts: i64,
    pub last_error: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub run_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: OffsetDateTime,
}

impl From<job::Model> for JobOut {
    fn from(j: job::Model) -> JobOut {
        JobOut {
            id: j.id,
            payload: serde_json::from_str(&j.payload).unwrap_or(serde_json::Value::String(j.payload.clone())),
            kind: j.kind,
            status: j.status.to_string(),
            attempts: j.attempts,
            max_attempts: j.max_attempts,
            last_error: j.last_error,
            run_at: j.run_at,
            updated_at: j.updated_at,
        }
    }
}

/// The failed jobs of the token's network (and of none), newest first (administrators).
#[utoipa::path(get, path = "/api/v1/jobs", tag = "jobs",
    responses((status = 200, body = Vec<JobOut>), (status = 403, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn failed(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<Vec<JobOut>>> {
    crate::access::require(super::policy::manage(&user.doer()))?;
    let jobs = super::failed(&state.db.read, user.network.id).await?;
    Ok(Json(jobs.into_iter().map(JobOut::from).collect()))
}

/// Puts a failed job back in the queue, due now (administrators).
#[utoipa::path(post, path = "/api/v1/jobs/{id}/retry", tag = "jobs",
    responses((status = 200, body = JobOut), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn retry(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<JobOut>)> {
    crate::access::require(super::policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    super::get_visible(&state.db.read, user.network.id, id).await?;
    let txn = state.db.write.begin().await?;
    if !super::retry(&txn, id).await? {
        return Err(AppError::Conflict("jobs-not-failed"));
    }
    let answer: JobOut = super::get_visible(&txn, user.network.id, id).await?.into();
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// Gives up a failed job for good (administrators).
#[utoipa::path(post, path = "/api/v1/jobs/{id}/discard", tag = "jobs",
    responses((status = 200, body = JobOut), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn discard(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<JobOut>)> {
    crate::access::require(super::policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    super::get_visible(&state.db.read, user.network.id, id).await?;
    let txn = state.db.write.begin().await?;
    if !super::discard(&txn, id).await? {
        return Err(AppError::Conflict("jobs-not-failed"));
    }
    let answer: JobOut = super::get_visible(&txn, user.network.id, id).await?.into();
    idempotency::commit(txn, StatusCode::OK, answer).await
}
