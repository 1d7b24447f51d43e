//! Applications to join in the JSON API: applying (public, rate-limited) and the
//! review (the core circle and administrators). The rules are [`super::data`]'s and
//! [`super::decide`]'s.

use super::data::{self, ApplicationIn, ApplicationOut, Status};
use super::decide::{self, Accepted, DecisionIn};
use super::poll::{ApplicationPollIn, ApplicationPollOut};
use super::{JoiningState, policy};
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, parse_id};
use crate::audit::Actor;
use crate::auth::rate_limit::ClientAddr;
use crate::error::{AppError, AppResult};
use crate::idempotency;
use crate::state::AppState;
use crate::web::Query;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use sea_orm::TransactionTrait;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Which network is applied to.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct NetworkParam {
    /// The network's short name, as in its public page's address (`/n/{slug}`).
    pub network: String,
}

/// The answer to an application: nothing is shown to anyone until the contact confirms
/// their address with the link just sent to it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Received {
    /// Always `awaiting_confirmation` (the same answer for a new application and for
    /// one the contact already made, so that it tells nobody who applied).
    pub status: &'static str,
}

/// Applies to join a network (no login). 202: the contact is sent a confirmation
/// link; the same contact applying again for the same organisation gets the one
/// application. 422 names each refused field (`organisation.name`, `contact.email`,
/// `charter_accepted` when the network asks consent to its charter…); 429 past 5
/// applications from one address to one network, then one every 10 minutes; 404 for
/// a private network.
#[utoipa::path(post, path = "/api/v1/applications", tag = "joining", params(NetworkParam), request_body = ApplicationIn,
    responses((status = 202, body = Received), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem), (status = 429, body = crate::web::Problem)))]
pub async fn apply(
    State(state): State<AppState>,
    State(joining): State<JoiningState>,
    address: ClientAddr,
    Query(q): Query<NetworkParam>,
    ApiJson(body): ApiJson<ApplicationIn>,
) -> AppResult<(StatusCode, Json<Received>)> {
    let n = super::open_network(&state, &q.network).await?;
    let charter = data::charter(&state.db.read, &n).await?;
    let valid = body.form().validate(charter.is_some()).map_err(AppError::Invalid)?;
    joining.guard.count(n.id, &address)?;
    let txn = state.db.write.begin().await?;
    data::take(&txn, &n, &valid).await?;
    let answer = Received {
        status: "awaiting_confirmation",
    };
    idempotency::commit(txn, StatusCode::ACCEPTED, answer).await
}

/// Which applications to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ListParams {
    /// `pending`, `accepted` or `declined`; none: all three.
    pub status: Option<String>,
}

/// The network's confirmed applications, newest first (at most 500), each with the
/// state of the poll that decides it (`poll`), without comments.
#[utoipa::path(get, path = "/api/v1/applications", tag = "joining", params(ListParams),
    responses((status = 200, body = Vec<ApplicationOut>), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(q): Query<ListParams>,
) -> AppResult<Json<Vec<ApplicationOut>>> {
    require(policy::review(&user.doer()))?;
    let status = match q.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(
            Status::parse(s)
                .filter(|s| *s != Status::Unconfirmed)
                .ok_or_else(|| AppError::invalid("status", "invalid-choice"))?,
        ),
    };
    Ok(Json(data::overview(&state.db.read, user.network.id, status).await?))
}

/// An application with the review's comments.
#[utoipa::path(get, path = "/api/v1/applications/{id}", tag = "joining",
    responses((status = 200, body = ApplicationOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<ApplicationOut>> {
    require(policy::review(&user.doer()))?;
    Ok(Json(data::read(&state.db.read, user.network.id, parse_id(&id)?).await?))
}

/// A comment of the review.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicationCommentIn {
    /// 1 to 5 000 characters.
    pub body: String,
}

/// Comments on an application (201 with the application and its comments).
#[utoipa::path(post, path = "/api/v1/applications/{id}/comments", tag = "joining", request_body = ApplicationCommentIn,
    responses((status = 201, body = ApplicationOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn comment(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ApplicationCommentIn>,
) -> AppResult<(StatusCode, Json<ApplicationOut>)> {
    require(policy::review(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    data::add_comment(&txn, user.network.id, id, user.person_id, &body.body).await?;
    let answer = data::read(&txn, user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}

/// Accepts a pending application: the organisation becomes a member from today, its
/// contact is invited as its representative, its onboarding starts, its first fee is
/// requested pro rata (with the sponsorship given) and the contact is told in their
/// language with the welcome booklet's link. 409 once decided; 422 on
/// `sponsorship_basis_points` outside 0–10 000, on `poll_id` for a poll of another
/// network.
#[utoipa::path(post, path = "/api/v1/applications/{id}/accept", tag = "joining", request_body = DecisionIn,
    responses((status = 200, body = Accepted), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn accept(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DecisionIn>,
) -> AppResult<(StatusCode, Json<Accepted>)> {
    require(policy::review(&user.doer()))?;
    let id = parse_id(&id)?;
    let n = super::network_of(&state, user.network.id).await?;
    let txn = state.db.write.begin().await?;
    let answer = decide::accept(
        &txn,
        &state.config.base_url,
        Actor::person(user.person_id),
        &user.name,
        &n,
        id,
        &body,
    )
    .await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// Declines a pending application; the contact is told in their language, with the
/// note. 409 once decided.
#[utoipa::path(post, path = "/api/v1/applications/{id}/decline", tag = "joining", request_body = DecisionIn,
    responses((status = 200, body = ApplicationOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn decline(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DecisionIn>,
) -> AppResult<(StatusCode, Json<ApplicationOut>)> {
    require(policy::review(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    decide::decline(&txn, Actor::person(user.person_id), user.network.id, id, &body).await?;
    let answer = data::read(&txn, user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// Opens a decision poll on a pending application ("Accept {organisation}?", the
/// network's quorum and threshold) and records it: its closing decides the
/// application (accepted when it passes, declined otherwise), and a decision by hand
/// is refused meanwhile (409 `application-poll-open`). 201 with the poll's id. 409
/// once decided or when a poll is already opened; 422 on `closes_on`.
#[utoipa::path(post, path = "/api/v1/applications/{id}/poll", tag = "joining", request_body = ApplicationPollIn,
    responses((status = 201, body = ApplicationPollOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn poll(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ApplicationPollIn>,
) -> AppResult<(StatusCode, Json<ApplicationPollOut>)> {
    require(policy::review(&user.doer()))?;
    let id = parse_id(&id)?;
    let n = super::network_of(&state, user.network.id).await?;
    let txn = state.db.write.begin().await?;
    let answer = super::poll::open(&txn, Actor::person(user.person_id), &n, id, &body).await?;
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}
