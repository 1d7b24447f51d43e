//! The newsletter in the JSON API, for its writers (the rules are [`super::data`]'s).

use super::data::{self, IssueInput, IssueOut, SubscriberOut, TranslationInput};
use super::policy;
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, parse_id};
use crate::audit::Actor;
use crate::error::AppResult;
use crate::idempotency;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use sea_orm::TransactionTrait;
use serde::Serialize;
use utoipa::ToSchema;

/// What sending did.
#[derive(Debug, Serialize, ToSchema)]
pub struct SentOut {
    pub issue: IssueOut,
    /// How many confirmed addresses it goes to (those that bounced for good left out).
    pub receivers: u64,
}

/// The issues, newest first: drafts and sent ones.
#[utoipa::path(get, path = "/api/v1/newsletter/issues", tag = "newsletter",
    responses((status = 200, body = Vec<IssueOut>), (status = 403, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn issues(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<Vec<IssueOut>>> {
    require(policy::write(&user.doer()))?;
    Ok(Json(data::issues(&state.db.read, user.network.id, true).await?))
}

/// Writes a draft issue. Refused (422, the field named): a subject empty or over 200
/// characters, an empty text or one over 100 000, a language other than `fr`, `en`,
/// `de`, `nl`.
#[utoipa::path(post, path = "/api/v1/newsletter/issues", tag = "newsletter", request_body = IssueInput,
    responses((status = 201, body = IssueOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<IssueInput>,
) -> AppResult<(StatusCode, Json<IssueOut>)> {
    require(policy::write(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let lang = user.network.default_language.0;
    let id = data::create(&txn, Actor::person(user.person_id), user.network.id, lang, &body).await?;
    let answer = data::read(&txn, user.network.id, id, true).await?;
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}

/// An issue with its translations (drafts too).
#[utoipa::path(get, path = "/api/v1/newsletter/issues/{id}", tag = "newsletter",
    responses((status = 200, body = IssueOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<IssueOut>> {
    require(policy::write(&user.doer()))?;
    Ok(Json(
        data::read(&state.db.read, user.network.id, parse_id(&id)?, true).await?,
    ))
}

/// Sets a draft's text in another language (`fr`, `en`, `de`, `nl`; not its own): each
/// subscriber of that language receives it. 409 once the issue is sent.
#[utoipa::path(put, path = "/api/v1/newsletter/issues/{id}/translations/{language}", tag = "newsletter", request_body = TranslationInput,
    responses((status = 200, body = IssueOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn translate(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, language)): Path<(String, String)>,
    ApiJson(body): ApiJson<TranslationInput>,
) -> AppResult<(StatusCode, Json<IssueOut>)> {
    require(policy::write(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    data::translate(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        id,
        &language,
        &body,
    )
    .await?;
    let answer = data::read(&txn, user.network.id, id, true).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// Sends a draft to the confirmed subscribers, each in their language where the issue
/// has it; from then on it is in the public archive. 409 when it was sent already.
#[utoipa::path(post, path = "/api/v1/newsletter/issues/{id}/send", tag = "newsletter",
    responses((status = 200, body = SentOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn send(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<SentOut>)> {
    require(policy::write(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let receivers = data::send(&txn, Actor::person(user.person_id), user.network.id, id).await?;
    let issue = data::read(&txn, user.network.id, id, true).await?;
    idempotency::commit(txn, StatusCode::OK, SentOut { issue, receivers }).await
}

/// The subscribers (addresses, not people), newest first, at most 1 000.
#[utoipa::path(get, path = "/api/v1/newsletter/subscribers", tag = "newsletter",
    responses((status = 200, body = Vec<SubscriberOut>), (status = 403, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn subscribers(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<Vec<SubscriberOut>>> {
    require(policy::write(&user.doer()))?;
    Ok(Json(data::subscribers(&state.db.read, user.network.id).await?))
}
