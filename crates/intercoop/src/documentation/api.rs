//! The documentation space in the JSON API (the rules are [`super::data`]'s).

use super::data::{self, DiffOut, Hit, PageInput, PageOut, PageSummary, RevisionOut};
use super::pages::DiffQuery;
use super::paths::{self, Target};
use super::policy;
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json};
use crate::audit::Actor;
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::idempotency;
use crate::state::AppState;
use crate::web::Query;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use intercoop_domain::documentation::Reader;
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The search of the space.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct SearchParams {
    /// Words every page found holds in its title or text, each as the start of one of its
    /// words (`assembl` finds "assemblée"): letters and digits, any case, accents ignored
    /// on SQLite (not on PostgreSQL); other characters separate words. None: the tree.
    pub q: Option<String>,
}

/// The pages the caller may read, in tree order; with `q`, the pages found instead.
#[derive(Debug, Serialize, ToSchema)]
pub struct PagesOut {
    /// Without `q`: every page the caller may read, in tree order (each page followed by
    /// its children). With `q`: the summaries of the pages found only, in the order of
    /// `found` (the tree is not read: 5 000 pages took most of a search's time).
    pub items: Vec<PageSummary>,
    /// With `q`: the pages found, best first (a word in the title counts more), at most 50.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<Vec<Hit>>,
}

/// The tree of pages the caller may read (each page followed by its children); with `q`
/// the pages that hold every word as a word's start instead (`found`, and their
/// summaries in `items`).
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
    match params.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        Some(q) => {
            let found = super::search::search(conn, user.network.id, reader, q).await?;
            let ids: Vec<i64> = found.iter().map(|h| h.id).collect();
            let items = super::search::found_pages(conn, user.network.id, &ids)
                .await?
                .summaries_of(&ids, reader);
            Ok(Json(PagesOut {
                items,
                found: Some(found),
            }))
        }
        None => {
            let items = data::pages(conn, user.network.id).await?.readable(reader);
            Ok(Json(PagesOut { items, found: None }))
        }
    }
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

/// Who reads, in which network: the token's person, or without a token a visitor of
/// the network named by `?network=` (a network that is not private; else 404), who reads
/// its public pages only. Without either: 401.
async fn reading(state: &AppState, user: Option<ApiUser>, network: Option<&str>) -> AppResult<(i64, Reader)> {
    match user {
        Some(ApiUser(user)) => Ok((user.network.id, policy::reader(&user.doer()))),
        None => {
            let slug = network.ok_or(AppError::Unauthenticated)?;
            let n = crate::joining::open_network(state, slug).await?;
            Ok((n.id, Reader::Visitor))
        }
    }
}

/// A page the caller may read, with its Markdown, its HTML and where it sits (404 for a
/// page the caller may not read). Served by [`get_path`], which also takes a path.
#[utoipa::path(get, path = "/api/v1/docs/{id}", tag = "documentation",
    params(("id" = i64, Path, description = "The page's id")),
    responses((status = 200, body = PageOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn show<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64, reader: Reader) -> AppResult<PageOut> {
    data::read(conn, network_id, id, reader).await
}

/// A page's revisions, newest first. Served by [`get_path`].
#[utoipa::path(get, path = "/api/v1/docs/{id}/revisions", tag = "documentation",
    params(("id" = i64, Path, description = "The page's id")),
    responses((status = 200, body = Vec<RevisionOut>), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn revisions<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    id: i64,
    reader: Reader,
) -> AppResult<Vec<RevisionOut>> {
    data::revisions(conn, network_id, id, reader).await
}

/// The difference between two revisions of a page, line by line (422 on `from` for a
/// revision the page never had). Served by [`get_path`].
#[utoipa::path(get, path = "/api/v1/docs/{id}/diff", tag = "documentation", params(("id" = i64, Path, description = "The page's id"), DiffQuery),
    responses((status = 200, body = DiffOut), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn diff<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    id: i64,
    reader: Reader,
    q: DiffQuery,
) -> AppResult<DiffOut> {
    data::diff(conn, network_id, id, reader, q.from, q.to).await
}

/// The query of `GET /api/v1/docs/{path}`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct PathQuery {
    /// Without a token: the network's short name (as in `/n/{slug}`), to read its public
    /// pages.
    pub network: Option<String>,
    /// `…/diff` only: a revision's number.
    pub from: Option<i64>,
    /// `…/diff` only: another revision's number.
    pub to: Option<i64>,
}

/// A page by its address: its path in the tree, the slugs from the top
/// (`welcome/first-steps`, each page's `path` in the answers), or its id (`12`); after
/// it, `/revisions` or `/diff?from=1&to=2` as for an id. With a token: the pages its
/// person may read; without one, `?network=` names the network whose public pages are
/// read (401 without either). 404 for a page the caller may not read or no page there
/// (a visitor does not learn that a members' page exists).
#[utoipa::path(get, path = "/api/v1/docs/{path}", tag = "documentation",
    params(("path" = String, Path, description = "The page's path of slugs (`welcome/first-steps`) or its id, optionally followed by `/revisions` or `/diff`"), PathQuery),
    responses((status = 200, body = PathAnswer), (status = 401, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security((), ("bearer" = [])))]
pub async fn get_path(
    State(state): State<AppState>,
    user: Option<ApiUser>,
    Path(raw): Path<String>,
    Query(q): Query<PathQuery>,
) -> AppResult<Json<PathAnswer>> {
    let (network_id, reader) = reading(&state, user, q.network.as_deref()).await?;
    let conn = &state.db.read;
    Ok(Json(
        match target(conn, network_id, &raw).await?.ok_or(AppError::NotFound)? {
            Target::Page(id) => PathAnswer::Page(Box::new(show(conn, network_id, id, reader).await?)),
            Target::Revisions(id) => PathAnswer::Revisions(revisions(conn, network_id, id, reader).await?),
            Target::Diff(id) => {
                let from = q.from.ok_or_else(|| AppError::invalid("from", "invalid-value"))?;
                let to = q.to.ok_or_else(|| AppError::invalid("to", "invalid-value"))?;
                PathAnswer::Diff(diff(conn, network_id, id, reader, DiffQuery { from, to }).await?)
            }
        },
    ))
}

/// What an address names (`paths::target`); the tree is read only for a path of slugs.
async fn target<C: ConnectionTrait>(conn: &C, network_id: i64, raw: &str) -> AppResult<Option<Target>> {
    Ok(match paths::by_id(raw) {
        Some(target) => target,
        None => paths::target(&data::pages(conn, network_id).await?, raw),
    })
}

/// What `GET /api/v1/docs/{path}` answers: the page; after `/revisions` its revisions;
/// after `/diff` the difference.
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum PathAnswer {
    Page(Box<PageOut>),
    Revisions(Vec<RevisionOut>),
    Diff(DiffOut),
}

/// A change refused because the page had another revision since `base_revision`:
/// both versions, so that nothing is lost (an RFC 9457 problem with two more fields).
#[derive(Debug, Serialize, ToSchema)]
pub struct EditConflict {
    /// `https://intercoop.coop/problems/doc-changed`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    /// 409.
    pub status: u16,
    pub detail: String,
    /// The page as it is now: compare, then send again with its `revision` as
    /// `base_revision`.
    pub current: PageOut,
    /// The change refused, as it was sent.
    pub yours: PageInput,
}

/// Changes a page (the core circle and administrators), every field given: a new
/// revision when the title, text or visibility changed. 409 when `base_revision` is
/// given and the page has had another revision since: nothing is stored, and the answer
/// holds the page as it is now and the change as sent; a parent under the page itself
/// is a 422 on `parent_id`. Served by [`put_path`], which also takes a path.
#[utoipa::path(put, path = "/api/v1/docs/{id}", tag = "documentation", request_body = PageInput,
    params(("id" = i64, Path, description = "The page's id")),
    responses((status = 200, body = PageOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = EditConflict, content_type = "application/problem+json"), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn update(state: &AppState, user: &CurrentUser, id: i64, body: PageInput) -> AppResult<Response> {
    require(policy::write(&user.doer()))?;
    let network_id = user.network.id;
    let txn = state.db.write.begin().await?;
    match data::update(&txn, Actor::person(user.person_id), network_id, id, &body).await {
        Err(AppError::Conflict("doc-changed")) => {
            txn.rollback().await?;
            let current = data::read(&state.db.write, network_id, id, Reader::Core).await?;
            let problem = EditConflict {
                kind: "https://intercoop.coop/problems/doc-changed".into(),
                title: Lang::En.t("error-doc-changed"),
                status: 409,
                detail: Lang::En.t("error-doc-changed-detail"),
                current,
                yours: body,
            };
            let mut answer = (StatusCode::CONFLICT, Json(problem)).into_response();
            answer.headers_mut().insert(
                axum::http::header::CONTENT_TYPE,
                axum::http::HeaderValue::from_static("application/problem+json"),
            );
            return Ok(answer);
        }
        done => done?,
    }
    let answer = data::read(&txn, network_id, id, Reader::Core).await?;
    Ok(idempotency::commit(txn, StatusCode::OK, answer).await?.into_response())
}

/// Changes a page given by its path of slugs (`welcome/first-steps`) or its id, as
/// `PUT /api/v1/docs/{id}` does (409 with both versions on a conflicting edit).
#[utoipa::path(put, path = "/api/v1/docs/{path}", tag = "documentation", request_body = PageInput,
    params(("path" = String, Path, description = "The page's path of slugs (`welcome/first-steps`) or its id")),
    responses((status = 200, body = PageOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = EditConflict, content_type = "application/problem+json"), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn put_path(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(raw): Path<String>,
    ApiJson(body): ApiJson<PageInput>,
) -> AppResult<Response> {
    require(policy::write(&user.doer()))?;
    match target(&state.db.read, user.network.id, &raw).await? {
        Some(Target::Page(id)) => update(&state, &user, id, body).await,
        _ => Err(AppError::NotFound),
    }
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
