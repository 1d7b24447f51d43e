//! The documentation space in the JSON API (the rules are [`super::data`]'s).

use super::data::{self, DiffOut, Hit, PageInput, PageOut, PageSummary, RevisionOut};
use super::pages::DiffQuery;
use super::policy;
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, parse_id};
use crate::audit::Actor;
use crate::error::AppResult;
use crate::idempotency;
use crate::state::AppState;
use crate::web::Query;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use sea_orm::TransactionTrait;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The search of the space.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct SearchParams {
    /// Words every page found holds, in its title or text (any case); none: the tree.
    pub q: Option<String>,
}

/// The pages the caller may read, in tree order; with `q`, the pages found instead.
#[derive(Debug, Serialize, ToSchema)]
pub struct PagesOut {
    pub items: Vec<PageSummary>,
    /// With `q`: the pages found, best first (at most 50).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<Vec<Hit>>,
}

/// The tree of pages the caller may read (each page followed by its children), and
/// with `q` the pages that hold every word.
#[utoipa::path(get, path = "/api/v1/docs", tag = "documentation", params(SearchParams),
    responses((status = 200, body = PagesOut), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(params): Query<SearchParams>,
) -> AppResult<Json<PagesOut>> {
    let reader = policy::reader(&user.doer());
    let conn = &state.db.read;
    let items = data::pages(conn, user.network.id).await?.readable(reader);
    let found = match params.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        Some(q) => Some(super::search::search(conn, user.network.id, reader, q).await?),
        None => None,
    };
    Ok(Json(PagesOut { items, found }))
}

/// Writes a page (the core circle and administrators): revision 1. Refused (422, the
/// field named): a title empty or over 200 characters, a text over 200 000, a
/// visibility other than `public`, `members`, `core`, a parent of another network, a
/// booklet place outside 1–999.
#[utoipa::path(post, path = "/api/v1/docs", tag = "documentation", request_body = PageInput,
    responses((status = 201, body = PageOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<PageInput>,
) -> AppResult<(StatusCode, Json<PageOut>)> {
    require(policy::write(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let id = data::create(&txn, Actor::person(user.person_id), user.network.id, &body).await?;
    let answer = data::read(&txn, user.network.id, id, intercoop_domain::documentation::Reader::Core).await?;
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}

/// A page the caller may read, with its Markdown, its HTML and where it sits (404 for a
/// page the caller may not read).
#[utoipa::path(get, path = "/api/v1/docs/{id}", tag = "documentation",
    responses((status = 200, body = PageOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<PageOut>> {
    let reader = policy::reader(&user.doer());
    Ok(Json(
        data::read(&state.db.read, user.network.id, parse_id(&id)?, reader).await?,
    ))
}

/// Changes a page (the core circle and administrators), every field given: a new
/// revision when the title, text or visibility changed. 409 when `base_revision` is
/// given and the page has had another revision since (nothing is stored: compare,
/// then send again from the current one); a parent under the page itself is a 422 on
/// `parent_id`.
#[utoipa::path(put, path = "/api/v1/docs/{id}", tag = "documentation", request_body = PageInput,
    responses((status = 200, body = PageOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PageInput>,
) -> AppResult<(StatusCode, Json<PageOut>)> {
    require(policy::write(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    data::update(&txn, Actor::person(user.person_id), user.network.id, id, &body).await?;
    let answer = data::read(&txn, user.network.id, id, intercoop_domain::documentation::Reader::Core).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// A page's revisions, newest first.
#[utoipa::path(get, path = "/api/v1/docs/{id}/revisions", tag = "documentation",
    responses((status = 200, body = Vec<RevisionOut>), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn revisions(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<RevisionOut>>> {
    let reader = policy::reader(&user.doer());
    Ok(Json(
        data::revisions(&state.db.read, user.network.id, parse_id(&id)?, reader).await?,
    ))
}

/// The difference between two revisions of a page, line by line (422 on `from` for a
/// revision the page never had).
#[utoipa::path(get, path = "/api/v1/docs/{id}/diff", tag = "documentation", params(DiffQuery),
    responses((status = 200, body = DiffOut), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn diff(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    Query(q): Query<DiffQuery>,
) -> AppResult<Json<DiffOut>> {
    let reader = policy::reader(&user.doer());
    Ok(Json(
        data::diff(&state.db.read, user.network.id, parse_id(&id)?, reader, q.from, q.to).await?,
    ))
}

/// The welcome booklet: its pages the caller may read, in order, with their text.
#[utoipa::path(get, path = "/api/v1/docs/booklet", tag = "documentation",
    responses((status = 200, body = Vec<PageOut>), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn booklet(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<Vec<PageOut>>> {
    let reader = policy::reader(&user.doer());
    let conn = &state.db.read;
    let all = data::pages(conn, user.network.id).await?;
    Ok(Json(data::read_many(conn, &all, all.booklet_ids(reader)).await?))
}
