//! The API of shared recurring costs (`reserves`): the treasurer lists the network's
//! reserves with what each holds, has earmarked and has available, sets a new one up,
//! changes one (from the next month asked) and closes one. The pages are
//! [`super::reserve_pages`].

use super::policy;
use super::reserves::{self, ReserveChange, ReserveIn, ReserveOut};
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, parse_id};
use crate::audit::Actor;
use crate::error::{AppError, AppResult};
use crate::idempotency;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use sea_orm::TransactionTrait;

/// The network's reserves of shared recurring costs, with their money.
#[utoipa::path(get, path = "/api/v1/reserves", tag = "money",
    responses((status = 200, body = Vec<ReserveOut>), (status = 403, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn list(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<Vec<ReserveOut>>> {
    require(policy::manage(&user.doer()))?;
    Ok(Json(reserves::list(&state.db.read, user.network.id).await?))
}

/// One reserve with its money.
#[utoipa::path(get, path = "/api/v1/reserves/{id}", tag = "money",
    responses((status = 200, body = ReserveOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<ReserveOut>> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    Ok(Json(reserves::show(&state.db.read, user.network.id, id).await?))
}

/// Sets money aside for a shared recurring cost: from this month on, each member
/// organisation is asked its share of the monthly amount (a job, once a month).
#[utoipa::path(post, path = "/api/v1/reserves", tag = "money", request_body = ReserveIn,
    responses((status = 201, body = ReserveOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<ReserveIn>,
) -> AppResult<(StatusCode, Json<ReserveOut>)> {
    require(policy::manage(&user.doer()))?;
    let valid = body.validate().map_err(AppError::Invalid)?;
    let txn = state.db.write.begin().await?;
    let row = reserves::create(&txn, Actor::person(user.person_id), user.network.id, &valid).await?;
    let out = reserves::show(&txn, user.network.id, row.id).await?;
    idempotency::commit(txn, StatusCode::CREATED, out).await
}

/// Changes a reserve's name, monthly amount or sharing key (each field given replaces
/// the stored one). The provisions already asked keep their amounts; the next month
/// asked uses the new ones. 409 `reserve-closed` once closed.
#[utoipa::path(patch, path = "/api/v1/reserves/{id}", tag = "money", request_body = ReserveChange,
    responses((status = 200, body = ReserveOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem),
        (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn change(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ReserveChange>,
) -> AppResult<Json<ReserveOut>> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    reserves::change(&txn, Actor::person(user.person_id), user.network.id, id, &body).await?;
    let out = reserves::show(&txn, user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::OK, out).await.map(|(_, j)| j)
}

/// Closes a reserve: no provision is asked any more (those already asked stay owed);
/// the money it holds stays in it, available to the campaigns that draw on it. 409
/// `reserve-closed` when it already is.
#[utoipa::path(post, path = "/api/v1/reserves/{id}/close", tag = "money",
    responses((status = 200, body = ReserveOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem),
        (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn close(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<ReserveOut>> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    reserves::close(&txn, Actor::person(user.person_id), user.network.id, id).await?;
    let out = reserves::show(&txn, user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::OK, out).await.map(|(_, j)| j)
}
