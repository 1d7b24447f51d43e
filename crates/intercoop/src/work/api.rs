//! Work sharing in the JSON API (the rules are [`super::write`]'s and the domain's).
//! Amounts are `*_cents` integers, days whole days, dates `YYYY-MM-DD` in the network's
//! time zone.

use super::busy::{self, BusynessOut};
use super::data::{
    self, ConsentIn, InterestIn, InterestOut, OpportunityIn, OpportunityOut, OpportunitySummary, TeamIn, TeamOut,
};
use super::{policy, write};
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, parse_id};
use crate::audit::Actor;
use crate::error::{AppError, AppResult};
use crate::idempotency;
use crate::state::AppState;
use crate::web::Query;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use sea_orm::TransactionTrait;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The most opportunities a list shows (the latest).
pub const LIST_LIMIT: u64 = 200;

/// The network's opportunities, the latest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct OpportunitiesOut {
    pub items: Vec<OpportunitySummary>,
}

/// The network's opportunities, the latest first (at most 200).
#[utoipa::path(get, path = "/api/v1/opportunities", tag = "work",
    responses((status = 200, body = OpportunitiesOut), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn list(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<OpportunitiesOut>> {
    Ok(Json(OpportunitiesOut {
        items: data::list(&state.db.read, user.network.id, LIST_LIMIT).await?,
    }))
}

/// Posts an opportunity for a member organisation (its representative, or an
/// administrator); the other members' representatives are told. 422 on the field: a
/// title empty or over 200 characters, a budget not positive, days outside 1–10 000, a
/// last day before the first, a fee outside 0–5 000 basis points or without its finder,
/// an organisation that is not a member.
#[utoipa::path(post, path = "/api/v1/opportunities", tag = "work", request_body = OpportunityIn,
    responses((status = 201, body = OpportunityOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<OpportunityIn>,
) -> AppResult<(StatusCode, Json<OpportunityOut>)> {
    require(policy::post_for(&user.doer(), body.organisation_id))?;
    let txn = state.db.write.begin().await?;
    let id = write::create(&txn, Actor::person(user.person_id), user.network.id, &body).await?;
    let answer = data::read(&txn, user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}

/// An opportunity with its scope, its interests and its team (404 for another
/// network's).
#[utoipa::path(get, path = "/api/v1/opportunities/{id}", tag = "work",
    responses((status = 200, body = OpportunityOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<OpportunityOut>> {
    Ok(Json(data::read(&state.db.read, user.network.id, parse_id(&id)?).await?))
}

/// The interests and capacities declared in an opportunity.
#[utoipa::path(get, path = "/api/v1/opportunities/{id}/interests", tag = "work",
    responses((status = 200, body = Vec<InterestOut>), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn interests(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<InterestOut>>> {
    let conn = &state.db.read;
    let o = data::row(conn, user.network.id, parse_id(&id)?).await?;
    Ok(Json(data::interests(conn, user.network.id, o.id).await?))
}

/// Declares (or changes) an organisation's interest and capacity (its representative,
/// or an administrator): 201 when new, 200 when changed. 422 on the field, nothing
/// stored: a capacity of zero days or less, or over the period's calendar days
/// (`capacity_days`), a day rate below zero (`day_rate_cents`), a period that ends
/// before it starts (`available_to`). A changed capacity of a member of a team formed by
/// capacities proposes a new split to the team (`team.proposed`), in force only once
/// every member consents. 409 `work-opportunity-ended` once the opportunity is closed or
/// withdrawn.
#[utoipa::path(put, path = "/api/v1/opportunities/{id}/interests", tag = "work", request_body = InterestIn,
    responses((status = 200, body = Vec<InterestOut>), (status = 201, body = Vec<InterestOut>), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn declare(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<InterestIn>,
) -> AppResult<(StatusCode, Json<Vec<InterestOut>>)> {
    require(policy::declare_for(&user.doer(), body.organisation_id))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let new = write::declare(&txn, Actor::person(user.person_id), user.network.id, id, &body).await?;
    let answer = data::interests(&txn, user.network.id, id).await?;
    let status = if new { StatusCode::CREATED } else { StatusCode::OK };
    idempotency::commit(txn, status, answer).await
}

/// The team: the split in force (the fee, each member's days and money) and a new split
/// waiting for consent, with the answers given and those awaited.
#[utoipa::path(get, path = "/api/v1/opportunities/{id}/team", tag = "work",
    responses((status = 200, body = TeamOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn team(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<TeamOut>> {
    let conn = &state.db.read;
    let o = data::row(conn, user.network.id, parse_id(&id)?).await?;
    Ok(Json(data::team(conn, &o).await?))
}

/// Forms the team (the poster's representative, or an administrator): the split is in
/// force at once and each member's people are told their part. 409 when a team is
/// already formed; 422: a `basis` other than `capacity` or `shares`, a member that
/// declared no interest or named twice (`members`), a missing or zero share (`shares`).
#[utoipa::path(post, path = "/api/v1/opportunities/{id}/team", tag = "work", request_body = TeamIn,
    responses((status = 201, body = TeamOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn form_team(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<TeamIn>,
) -> AppResult<(StatusCode, Json<TeamOut>)> {
    let id = parse_id(&id)?;
    let o = data::row(&state.db.read, user.network.id, id).await?;
    require(policy::form_team(&user.doer(), o.organisation_id))?;
    let txn = state.db.write.begin().await?;
    write::form_team(&txn, Actor::person(user.person_id), user.network.id, id, &body).await?;
    let answer = data::team(&txn, &o).await?;
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}

/// A team member's answer to the proposed split (its sitting representative): once
/// every member accepted, the new split is in force; one refusal declines it and the
/// split in force stays. 409 when nothing is proposed or the member already answered;
/// 422 on `organisation_id` for an organisation not in the team.
#[utoipa::path(post, path = "/api/v1/opportunities/{id}/team/consents", tag = "work", request_body = ConsentIn,
    responses((status = 200, body = TeamOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn consent(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ConsentIn>,
) -> AppResult<(StatusCode, Json<TeamOut>)> {
    require(policy::consent_for(&user.doer(), body.organisation_id))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    write::consent(&txn, Actor::person(user.person_id), user.network.id, id, &body).await?;
    let o = data::row(&txn, user.network.id, id).await?;
    let answer = data::team(&txn, &o).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// Whose load to show.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct BusynessParams {
    /// An organisation of the caller's (administrators: any of the network's); none: the
    /// caller's first.
    pub organisation_id: Option<i64>,
}

/// The organisation chosen, its people or an administrator only (404 for another
/// network's organisation; 422 on `organisation_id` when the caller has none).
pub async fn whose(state: &AppState, user: &crate::auth::CurrentUser, asked: Option<i64>) -> AppResult<i64> {
    let doer = user.doer();
    let org = asked
        .or_else(|| doer.organisations.first().copied())
        .ok_or_else(|| AppError::invalid("organisation_id", "required"))?;
    crate::organisations::data::of_network(&state.db.read, user.network.id, org).await?;
    require(policy::see_busyness(&doer, org))?;
    Ok(org)
}

/// "How busy will we be": per month from the current one, the days of work the
/// organisation accepted (its parts in the teams' splits in force, spread over each
/// work's dates) against the days it declared available.
#[utoipa::path(get, path = "/api/v1/busyness", tag = "work", params(BusynessParams),
    responses((status = 200, body = BusynessOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn busyness(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(params): Query<BusynessParams>,
) -> AppResult<Json<BusynessOut>> {
    let org = whose(&state, &user, params.organisation_id).await?;
    let today = crate::money::today(&user.network.time_zone);
    Ok(Json(busy::of(&state.db.read, user.network.id, org, today).await?))
}
