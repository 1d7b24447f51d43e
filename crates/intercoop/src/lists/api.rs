//! The lists in the JSON API (the rules are [`super::data`]'s, [`super::messages`]'s and
//! [`super::policy`]'s).

use super::data::{self, Delivery, ListInput, ListOut};
use super::messages::{self, MessageOut};
use super::{policy, post};
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, Page, parse_id};
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::idempotency;
use crate::state::AppState;
use crate::web::Query;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use sea_orm::TransactionTrait;
use serde::{Deserialize, Serialize};

/// The network's lists.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ListsOut {
    pub items: Vec<ListOut>,
}

/// Messages of a list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MessagesOut {
    pub items: Vec<MessageOut>,
}

/// A message and its whole thread (published messages, oldest first).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MessageThreadOut {
    pub message: MessageOut,
    pub thread: Vec<MessageOut>,
}

/// A person's delivery for a list.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct DeliveryInput {
    /// each, digest, web or none.
    pub delivery: String,
}

/// A message posted from the API.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MessageInput {
    pub subject: String,
    pub body_markdown: String,
    /// The id of the list's message it answers (its thread).
    pub in_reply_to: Option<i64>,
}

/// `?q=` (words that must all be in the subject or body) and the page.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct SearchQuery {
    pub q: String,
}

/// The network's lists, each with its address and the caller's delivery.
#[utoipa::path(get, path = "/api/v1/lists", tag = "lists",
    responses((status = 200, body = ListsOut), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn list(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<ListsOut>> {
    let conn = &state.db.read;
    let lists = data::all(conn, user.network.id).await?;
    let deliveries = data::deliveries(conn, user.network.id, user.person_id, &lists).await?;
    let domain = &state.config.lists_domain;
    Ok(Json(ListsOut {
        items: lists
            .iter()
            .zip(deliveries)
            .map(|(l, d)| ListOut::of(l, domain, d))
            .collect(),
    }))
}

/// Creates a list (administrators). 422 with the field named (`name`, `local_part`:
/// letters, digits, `-`, `.`, `_`; `posting`: members, representatives, core,
/// facilitator or moderated; `reply_to`: list or sender); 409 when the address is taken.
#[utoipa::path(post, path = "/api/v1/lists", tag = "lists", request_body = ListInput,
    responses((status = 201, body = ListOut), (status = 403, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<ListInput>,
) -> AppResult<(StatusCode, Json<ListOut>)> {
    require(policy::manage(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let l = data::create(&txn, Actor::person(user.person_id), user.network.id, &body).await?;
    let out = ListOut::of(&l, &state.config.lists_domain, data::default_delivery(&l));
    idempotency::commit(txn, StatusCode::CREATED, out).await
}

/// Sets the caller's delivery for a list: each message by email, the daily digest, the
/// web only, or none (422 for another value).
#[utoipa::path(put, path = "/api/v1/lists/{id}/subscription", tag = "lists", request_body = DeliveryInput,
    responses((status = 200, body = ListOut), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn subscribe(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DeliveryInput>,
) -> AppResult<(StatusCode, Json<ListOut>)> {
    let Some(delivery) = Delivery::parse(body.delivery.trim()) else {
        let mut e = FieldErrors::default();
        e.add("delivery", "invalid-choice");
        return Err(AppError::Invalid(e));
    };
    let txn = state.db.write.begin().await?;
    let l = data::get(&txn, user.network.id, parse_id(&id)?).await?;
    data::set_delivery(&txn, &l, user.person_id, delivery).await?;
    let out = ListOut::of(&l, &state.config.lists_domain, delivery);
    idempotency::commit(txn, StatusCode::OK, out).await
}

/// A list's published messages, newest first; with `q`, those holding every word of it
/// in their subject or body (full-text search, within this list only).
#[utoipa::path(get, path = "/api/v1/lists/{id}/messages", tag = "lists", params(SearchQuery, Page),
    responses((status = 200, body = MessagesOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn messages(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    Query(q): Query<SearchQuery>,
    Query(page): Query<Page>,
) -> AppResult<Json<MessagesOut>> {
    let conn = &state.db.read;
    let l = data::get(conn, user.network.id, parse_id(&id)?).await?;
    let items = if q.q.trim().is_empty() {
        messages::recent(conn, &l, page.offset(), page.limit()).await?
    } else {
        messages::search(conn, &l, &q.q, page.limit()).await?
    };
    Ok(Json(MessagesOut { items }))
}

/// Posts a message (Markdown), a new thread or an answer (`in_reply_to`). Published and
/// sent at once when the list's rule lets the caller post; held for a moderator
/// (`status: held`) on a moderated list or a held first post; 403 when the caller may
/// not post; 422 for an empty subject or body, or an `in_reply_to` the list has not.
#[utoipa::path(post, path = "/api/v1/lists/{id}/messages", tag = "lists", request_body = MessageInput,
    responses((status = 201, body = MessageOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create_message(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<MessageInput>,
) -> AppResult<(StatusCode, Json<MessageOut>)> {
    let txn = state.db.write.begin().await?;
    let l = data::get(&txn, user.network.id, parse_id(&id)?).await?;
    let m = post(&txn, &state, &user, &l, &body, Vec::new()).await?;
    let out = messages::one(&txn, user.network.id, l.id, m).await?;
    idempotency::commit(txn, StatusCode::CREATED, out).await
}

/// A published message and its thread.
#[utoipa::path(get, path = "/api/v1/lists/{id}/messages/{message_id}", tag = "lists",
    responses((status = 200, body = MessageThreadOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn message(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, message_id)): Path<(String, String)>,
) -> AppResult<Json<MessageThreadOut>> {
    let conn = &state.db.read;
    let l = data::get(conn, user.network.id, parse_id(&id)?).await?;
    let message = messages::one(conn, user.network.id, l.id, parse_id(&message_id)?).await?;
    if message.status != messages::Status::Published.as_str() {
        return Err(AppError::NotFound);
    }
    let thread = messages::thread(conn, &l, message.thread_id).await?;
    Ok(Json(MessageThreadOut { message, thread }))
}

/// The messages waiting for a moderator (administrators), oldest first.
#[utoipa::path(get, path = "/api/v1/lists/{id}/held", tag = "lists",
    responses((status = 200, body = MessagesOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn held(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<MessagesOut>> {
    require(policy::moderate(&user.doer()))?;
    let l = data::get(&state.db.read, user.network.id, parse_id(&id)?).await?;
    Ok(Json(MessagesOut {
        items: messages::held(&state.db.read, &l).await?,
    }))
}

/// Approves a held message (administrators): published and sent; a member's new
/// address posts without moderation from then on. 409 once decided.
#[utoipa::path(post, path = "/api/v1/lists/{id}/held/{message_id}/approve", tag = "lists",
    responses((status = 200, body = MessageOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn approve(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, message_id)): Path<(String, String)>,
) -> AppResult<(StatusCode, Json<MessageOut>)> {
    require(policy::moderate(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let l = data::get(&txn, user.network.id, parse_id(&id)?).await?;
    let out = messages::approve(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        l.id,
        parse_id(&message_id)?,
    )
    .await?;
    idempotency::commit(txn, StatusCode::OK, out).await
}

/// Rejects a held message (administrators): not archived, sent to nobody. 409 once
/// decided.
#[utoipa::path(post, path = "/api/v1/lists/{id}/held/{message_id}/reject", tag = "lists",
    responses((status = 200, body = MessageOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn reject(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, message_id)): Path<(String, String)>,
) -> AppResult<(StatusCode, Json<MessageOut>)> {
    require(policy::moderate(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let l = data::get(&txn, user.network.id, parse_id(&id)?).await?;
    let out = messages::reject(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        l.id,
        parse_id(&message_id)?,
    )
    .await?;
    idempotency::commit(txn, StatusCode::OK, out).await
}
