//! Minutes and decisions in the JSON API (the rules are [`super::minutes`]'s).

use super::minutes::{self, DecisionInput, DecisionOut, MinutesInput, MinutesOut};
use super::policy;
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, Page, Paginated, parse_id};
use crate::audit::Actor;
use crate::error::AppResult;
use crate::idempotency;
use crate::state::AppState;
use crate::web::Query;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use sea_orm::TransactionTrait;
use serde::Deserialize;

/// A meeting's minutes and decisions (a draft shows its status only, but to
/// administrators).
#[utoipa::path(get, path = "/api/v1/meetings/{id}/minutes", tag = "meetings",
    responses((status = 200, body = MinutesOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<MinutesOut>> {
    let may_write = policy::write_minutes(&user.doer());
    Ok(Json(
        minutes::read(&state.db.read, user.network.id, parse_id(&id)?, may_write).await?,
    ))
}

/// Writes the minutes' draft in Markdown (administrators; 409 once published).
#[utoipa::path(put, path = "/api/v1/meetings/{id}/minutes", tag = "meetings", request_body = MinutesInput,
    responses((status = 200, body = MinutesOut), (status = 403, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn save(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<MinutesInput>,
) -> AppResult<(StatusCode, Json<MinutesOut>)> {
    require(policy::write_minutes(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let answer = minutes::save(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        parse_id(&id)?,
        &body,
    )
    .await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// Approves and publishes the minutes (administrators): they no longer change, and
/// every person of the network is told by email. 409 before the meeting begins, once
/// published, or for a cancelled meeting; 422 when they are empty.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/minutes/publish", tag = "meetings",
    responses((status = 200, body = MinutesOut), (status = 403, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn publish(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<MinutesOut>)> {
    require(policy::write_minutes(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let answer = minutes::publish(&txn, Actor::person(user.person_id), user.network.id, parse_id(&id)?).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// Records a decision of the meeting, linked to the poll or the proposal's transition
/// that made it (administrators; 409 once the minutes are published).
#[utoipa::path(post, path = "/api/v1/meetings/{id}/decisions", tag = "meetings", request_body = DecisionInput,
    responses((status = 201, body = DecisionOut), (status = 403, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn add_decision(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DecisionInput>,
) -> AppResult<(StatusCode, Json<DecisionOut>)> {
    require(policy::write_minutes(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let answer = minutes::add_decision(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        parse_id(&id)?,
        &body,
    )
    .await?;
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}

/// Removes a decision recorded by mistake (administrators; 409 once the minutes are
/// published). Answers the minutes as they are now.
#[utoipa::path(delete, path = "/api/v1/meetings/{id}/decisions/{decision_id}", tag = "meetings",
    responses((status = 200, body = MinutesOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn remove_decision(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, decision_id)): Path<(String, String)>,
) -> AppResult<(StatusCode, Json<MinutesOut>)> {
    require(policy::write_minutes(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    minutes::remove_decision(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        id,
        parse_id(&decision_id)?,
    )
    .await?;
    let answer = minutes::read(&txn, user.network.id, id, true).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// The search of the decisions list.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct SearchParams {
    /// Words the decision's text or its meeting's title holds (any case).
    pub q: Option<String>,
}

/// The network's decisions from published minutes, latest meeting first.
#[utoipa::path(get, path = "/api/v1/decisions", tag = "meetings", params(Page, SearchParams),
    responses((status = 200, body = Paginated<DecisionOut>), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn decisions(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(page): Query<Page>,
    Query(params): Query<SearchParams>,
) -> AppResult<Json<Paginated<DecisionOut>>> {
    let (rows, total) = minutes::search(&state.db, user.network.id, params.q.as_deref().unwrap_or(""), &page).await?;
    Ok(Json(Paginated::new(rows, &page, total)))
}
