//! The newsletter in the JSON API, for its writers (the rules are [`super::data`]'s).

use super::data::{self, IssueInput, IssueOut, SubscriberOut, TranslationInput};
use super::{policy, subscribe};
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, parse_id};
use crate::audit::Actor;
use crate::auth::rate_limit::ClientAddr;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::idempotency;
use crate::state::AppState;
use crate::web::Query;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use intercoop_domain::text::Email;
use sea_orm::TransactionTrait;
use serde::{Deserialize, Serialize};
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

/// A subscription asked from another site's form.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SubscribeIn {
    pub email: String,
    /// `fr`, `en`, `de` or `nl`: the language of the confirmation and of the issues
    /// (where an issue has that translation). Absent: the network's language.
    #[serde(default)]
    pub language: Option<String>,
}

/// The answer to a subscription asked: nothing is sent but the confirmation link
/// until the address follows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Asked {
    /// Always `awaiting_confirmation` (the same for an address already confirmed, so
    /// that it tells nobody who subscribed).
    pub status: &'static str,
}

/// Asks for an address to receive a network's newsletter (no login; double opt-in: the
/// address gets one email with a confirmation link, and nothing else before it is
/// followed). 202 whatever the address's state; 422 names `email` or `language`; 404
/// for an unknown or private network; 429 past 3 requests for one address (then one
/// an hour) or 10 from one client (then one a minute), each per network.
#[utoipa::path(post, path = "/api/v1/newsletter/subscriptions", tag = "newsletter",
    params(crate::joining::api::NetworkParam), request_body = SubscribeIn,
    responses((status = 202, body = Asked), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem), (status = 429, body = crate::web::Problem)))]
pub async fn subscribe(
    State(state): State<AppState>,
    State(newsletter): State<super::NewsletterState>,
    client: ClientAddr,
    Query(q): Query<crate::joining::api::NetworkParam>,
    ApiJson(body): ApiJson<SubscribeIn>,
) -> AppResult<(StatusCode, Json<Asked>)> {
    let n = crate::joining::open_network(&state, &q.network).await?;
    let lang = match body.language.as_deref().map(str::trim) {
        None | Some("") => n.default_language.0,
        Some(code) => <Lang as intercoop_domain::TextEnum>::parse(code)
            .ok_or_else(|| AppError::invalid("language", "invalid-choice"))?,
    };
    if Email::parse(&body.email).is_err() {
        return Err(AppError::invalid("email", "invalid-email"));
    }
    newsletter.guard.count(n.id, &body.email, &client)?;
    let txn = state.db.write.begin().await?;
    subscribe::subscribe(&txn, &state.config.base_url, n.id, &body.email, lang).await?;
    idempotency::commit(
        txn,
        StatusCode::ACCEPTED,
        Asked {
            status: "awaiting_confirmation",
        },
    )
    .await
}
