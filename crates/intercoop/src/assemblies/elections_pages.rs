//! Elections to the core circle from the core circle's page (`/core-circle`) and the
//! API: calling one, standing, starting the vote. The rules are [`super::elections`]'s.

use super::elections::{self, CandidateInput, ElectionInput, ElectionOut};
use super::policy;
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, parse_id};
use crate::audit::Actor;
use crate::error::{AppError, AppResult};
use crate::idempotency;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, require_user, see_other};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::TransactionTrait;
use serde::Deserialize;

/// The call's form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CallForm {
    pub seats: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// `POST /core-circle/elections` (administrators): calls an election; a refusal is
/// shown on the core circle's page beside its field (422).
pub async fn call(State(state): State<AppState>, ctx: Ctx, CsrfForm(form): CsrfForm<CallForm>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage_core(&user.doer()))?;
    let input = ElectionInput {
        seats: form.seats.trim().parse().unwrap_or(0),
        starts_on: form.starts_on.clone(),
        ends_on: form.ends_on.clone(),
    };
    let txn = state.db.write.begin().await?;
    match elections::call(&txn, Actor::person(user.person_id), user.network.id, &input).await {
        Ok(_) => {
            txn.commit().await?;
            Ok(see_other("/core-circle#elections"))
        }
        Err(AppError::Invalid(mut errors)) => {
            drop(txn);
            for f in &mut errors.0 {
                f.field = format!("election_{}", f.field);
            }
            super::core_pages::page_with_errors(&state, ctx, errors).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct StandForm {
    pub organisation_id: String,
}

/// `POST /core-circle/elections/{id}/candidates`: an organisation stands (its
/// representative, or an administrator for it).
pub async fn stand(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<StandForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let org: i64 = form.organisation_id.trim().parse().unwrap_or(0);
    let may = policy::stand(&user.doer(), org);
    let txn = state.db.write.begin().await?;
    match elections::stand(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        parse_id(&id)?,
        org,
        may,
    )
    .await
    {
        Ok(_) => {
            txn.commit().await?;
            Ok(see_other("/core-circle#elections"))
        }
        Err(AppError::Invalid(mut errors)) => {
            drop(txn);
            for f in &mut errors.0 {
                f.field = format!("election_{}", f.field);
            }
            super::core_pages::page_with_errors(&state, ctx, errors).await
        }
        Err(e) => Err(e),
    }
}

/// `POST /core-circle/elections/{id}/vote` (administrators): starts the vote.
pub async fn vote(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage_core(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let e = elections::start_vote(&txn, Actor::person(user.person_id), user.network.id, parse_id(&id)?).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/polls/{}", e.poll_id.unwrap_or_default())))
}

/// Calls an election to the core circle (administrators): the representatives are
/// told to stand. 422 when the seats exceed the network's elected seats or the
/// mandates would break the length limit (the rule's code on `ends_on`).
#[utoipa::path(post, path = "/api/v1/core-circle/elections", tag = "meetings", request_body = ElectionInput,
    responses((status = 201, body = ElectionOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_call(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<ElectionInput>,
) -> AppResult<(StatusCode, Json<ElectionOut>)> {
    require(policy::manage_core(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let answer = elections::call(&txn, Actor::person(user.person_id), user.network.id, &body).await?;
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}

/// A user cooperative stands (its representative, or an administrator for it; 409
/// once the vote has started or when it already stands).
#[utoipa::path(post, path = "/api/v1/core-circle/elections/{id}/candidates", tag = "meetings", request_body = CandidateInput,
    responses((status = 200, body = ElectionOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_stand(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<CandidateInput>,
) -> AppResult<(StatusCode, Json<ElectionOut>)> {
    let may = policy::stand(&user.doer(), body.organisation_id);
    let txn = state.db.write.begin().await?;
    let answer = elections::stand(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        parse_id(&id)?,
        body.organisation_id,
        may,
    )
    .await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// Starts the vote (administrators): an approval poll of the user cooperatives, one
/// option per candidate, opened at once; when it closes, the candidates ranked first
/// take the seats (all or none, by the seat rules). 409 outside candidacy or with fewer
/// candidates than seats.
#[utoipa::path(post, path = "/api/v1/core-circle/elections/{id}/vote", tag = "meetings",
    responses((status = 200, body = ElectionOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_vote(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<ElectionOut>)> {
    require(policy::manage_core(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let answer = elections::start_vote(&txn, Actor::person(user.person_id), user.network.id, parse_id(&id)?).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}
