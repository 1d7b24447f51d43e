//! The logbook in the JSON API (the rules are [`super::data`]'s).

use super::data::{self, ArticleInput, ArticleOut};
use super::images::{self, ImageOut, NewImage};
use super::policy;
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, parse_id};
use crate::audit::Actor;
use crate::error::AppResult;
use crate::idempotency;
use crate::state::AppState;
use crate::web::files::UploadForm;
use axum::extract::{Multipart, Request};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use sea_orm::TransactionTrait;

/// The network's articles, newest first (at most 50), members' ones included.
#[utoipa::path(get, path = "/api/v1/logbook", tag = "logbook",
    responses((status = 200, body = Vec<ArticleOut>), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn list(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<Vec<ArticleOut>>> {
    let members = policy::reads_members(&user.doer());
    Ok(Json(data::articles(&state.db.read, user.network.id, members).await?))
}

/// Writes an article (the facilitator and the core circle). Refused (422, the field
/// named): a title empty or over 200 characters, an empty text or one over 100 000, a
/// visibility other than `public` or `members`.
#[utoipa::path(post, path = "/api/v1/logbook", tag = "logbook", request_body = ArticleInput,
    responses((status = 201, body = ArticleOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<ArticleInput>,
) -> AppResult<(StatusCode, Json<ArticleOut>)> {
    require(policy::write(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let id = data::create(&txn, Actor::person(user.person_id), user.network.id, &body).await?;
    let answer = data::read(&txn, user.network.id, id, true).await?;
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}

/// An article, with its Markdown and its HTML.
#[utoipa::path(get, path = "/api/v1/logbook/{id}", tag = "logbook",
    responses((status = 200, body = ArticleOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<ArticleOut>> {
    let members = policy::reads_members(&user.doer());
    Ok(Json(
        data::read(&state.db.read, user.network.id, parse_id(&id)?, members).await?,
    ))
}

/// Changes an article, every field given (the facilitator and the core circle).
#[utoipa::path(put, path = "/api/v1/logbook/{id}", tag = "logbook", request_body = ArticleInput,
    responses((status = 200, body = ArticleOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ArticleInput>,
) -> AppResult<(StatusCode, Json<ArticleOut>)> {
    require(policy::write(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    data::update(&txn, Actor::person(user.person_id), user.network.id, id, &body).await?;
    let answer = data::read(&txn, user.network.id, id, true).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// Sends a public article as a newsletter issue, in one step: an issue is made of its
/// title and text (in the network's language) and sent to the confirmed subscribers.
/// 409 `logbook-members-only` for a members' article (subscribers are not members),
/// 409 `logbook-already-sent` when it was sent before.
#[utoipa::path(post, path = "/api/v1/logbook/{id}/issue", tag = "logbook",
    responses((status = 201, body = crate::newsletter::api::SentOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn send(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<crate::newsletter::api::SentOut>)> {
    require(policy::write(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let issue_id = super::send_as_issue(&txn, Actor::person(user.person_id), user.network.id, id).await?;
    let issue = crate::newsletter::data::read(&txn, user.network.id, issue_id, true).await?;
    let receivers = crate::newsletter::data::confirmed_count(&txn, user.network.id).await?;
    idempotency::commit(
        txn,
        StatusCode::CREATED,
        crate::newsletter::api::SentOut { issue, receivers },
    )
    .await
}

/// Adds an image to an article, as its form does (the facilitator and the core
/// circle): stored with the article and put at the end of its Markdown as
/// `![alt](/logbook/images/{id})`; whoever reads the article reads it. Refused (422 on
/// `image`, nothing stored): no file, an empty one, one over 5 MiB, or one that is not
/// a PNG, JPEG, GIF or WebP file by its first bytes (its name and declared type are not
/// read).
#[utoipa::path(post, path = "/api/v1/logbook/{id}/images", tag = "logbook",
    request_body(content = String, content_type = "multipart/form-data",
        description = "fields: `image` (a PNG, JPEG, GIF or WebP file, at most 5 MiB); `alt` (optional: the text that describes it, at most 200 characters)"),
    responses((status = 201, body = ImageOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn add_image(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    req: Request,
) -> AppResult<(StatusCode, Json<ImageOut>)> {
    require(policy::write(&user.doer()))?;
    let id = parse_id(&id)?;
    // Another network's article is absent (404) before the body is read.
    data::row(&state.db.read, user.network.id, id).await?;
    let form = <Multipart as axum::extract::FromRequest<AppState>>::from_request(req, &state)
        .await
        .map_err(|e| crate::error::AppError::BadRequest(e.body_text()))?;
    let image = NewImage::from_form(UploadForm::read(form).await?)?;
    let txn = state.db.write.begin().await?;
    let (image_id, markdown) = images::attach(&txn, Actor::person(user.person_id), user.network.id, id, image).await?;
    let path = images::path(image_id);
    let answer = ImageOut {
        id: image_id,
        article_id: id,
        url: format!("{}{path}", state.config.base_url),
        path,
        markdown,
    };
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}
