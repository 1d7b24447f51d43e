//! Proposal endpoints of the JSON API. All amounts are integer cents.

use super::data;
use super::quotes::{Milestone, QuoteInput};
use super::views::{self, ListFilter, ProposalOut, ProposalRow, QuoteOut};
use crate::access::Doer;
use crate::api::{ApiJson, ApiUser, Json, parse_id};
use crate::error::{AppError, AppResult};
use crate::idempotency;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use intercoop_domain::lifecycle::ProposalStatus;
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde::Deserialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

/// A new proposal.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposalBody {
    pub title: String,
    /// Markdown; rendered sanitized on the pages.
    #[serde(default)]
    pub description: String,
    /// The organisation that needs it.
    pub requested_by: i64,
    /// The software concerned, e.g. "Odoo 16 / cooperator".
    #[serde(default)]
    pub software: String,
    /// Repositories, issues, pull requests.
    #[serde(default)]
    pub links: Vec<String>,
    /// Keep as a draft (not announced); default false: posted for discussion.
    #[serde(default)]
    pub draft: bool,
}

/// The proposals of the network.
#[utoipa::path(get, path = "/api/v1/proposals", tag = "proposals", params(ListFilter, crate::api::Page),
    responses((status = 200, body = crate::api::Paginated<ProposalRow>)), security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(filter): Query<ListFilter>,
    Query(page): Query<crate::api::Page>,
) -> AppResult<Json<crate::api::Paginated<ProposalRow>>> {
    let (rows, total) = views::list(&state.db, user.network.id, &Doer::user(&user), &filter, &page).await?;
    Ok(Json(crate::api::Paginated::new(rows, &page, total)))
}

/// Posts a proposal; the organisations running the software concerned are told.
#[utoipa::path(post, path = "/api/v1/proposals", tag = "proposals", request_body = ProposalBody,
    responses((status = 201, body = ProposalOut), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<ProposalBody>,
) -> AppResult<(StatusCode, Json<ProposalOut>)> {
    let input = super::needs::ProposalInput {
        title: body.title,
        description: body.description,
        software: body.software,
        links: body.links.join("\n"),
        requested_by: body.requested_by.to_string(),
        draft: body.draft,
    };
    let valid = input.validate().map_err(AppError::Invalid)?;
    let txn = state.db.write.begin().await?;
    let id = super::needs::create(&txn, &Doer::user(&user), user.network.id, &valid).await?;
    let answer = out(&txn, user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}

/// A proposal as the API shows it (read in the write's transaction by the writes, so
/// that their answer commits with them).
pub(super) async fn out<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<ProposalOut> {
    let p = data::get(conn, network_id, id).await?;
    views::detail(conn, &p).await
}

/// One proposal: quotes, comments, timeline, campaign and shares.
#[utoipa::path(get, path = "/api/v1/proposals/{id}", tag = "proposals",
    responses((status = 200, body = ProposalOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<ProposalOut>> {
    Ok(Json(out(&state.db.read, user.network.id, parse_id(&id)?).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionBody {
    /// The new status.
    pub to: String,
    #[serde(default)]
    pub reason: String,
}

/// Moves a proposal along its lifecycle (role-checked; the reason goes on the timeline).
#[utoipa::path(post, path = "/api/v1/proposals/{id}/transition", tag = "proposals", request_body = TransitionBody,
    responses((status = 200, body = ProposalOut), (status = 403, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn transition(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<TransitionBody>,
) -> AppResult<(StatusCode, Json<ProposalOut>)> {
    let to: ProposalStatus = body.to.parse().map_err(|_| AppError::invalid("to", "invalid-choice"))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    super::lifecycle::transition(&txn, &Doer::user(&user), &p, to, &body.reason).await?;
    let answer = out(&txn, user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationRef {
    pub organisation_id: i64,
}

/// "We need it too", for one of the caller's organisations.
#[utoipa::path(post, path = "/api/v1/proposals/{id}/interest", tag = "proposals", request_body = OrganisationRef,
    responses((status = 200, body = ProposalOut)), security(("bearer" = [])))]
pub async fn interest(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<OrganisationRef>,
) -> AppResult<(StatusCode, Json<ProposalOut>)> {
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    super::needs::add_interest(&txn, &Doer::user(&user), &p, body.organisation_id).await?;
    let answer = out(&txn, user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommentBody {
    pub body: String,
    pub organisation_id: Option<i64>,
    /// An objection ("not like this") rather than a comment.
    #[serde(default)]
    pub objection: bool,
}

/// Comments on, or objects to, a proposal.
#[utoipa::path(post, path = "/api/v1/proposals/{id}/comments", tag = "proposals", request_body = CommentBody,
    responses((status = 201, body = ProposalOut), (status = 422, body = crate::web::Problem)), security(("bearer" = [])))]
pub async fn comment(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<CommentBody>,
) -> AppResult<(StatusCode, Json<ProposalOut>)> {
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    if !views::open_for_comments(&p) {
        return Err(AppError::Conflict("proposals-wrong-status"));
    }
    super::needs::add_comment(
        &txn,
        &Doer::user(&user),
        &p,
        body.organisation_id,
        &body.body,
        body.objection,
    )
    .await?;
    let answer = out(&txn, user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}

/// A provider's quote.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteBody {
    pub provider_id: i64,
    /// Without VAT.
    pub amount_cents: i64,
    /// 2100 = 21 %; default 0.
    #[serde(default)]
    pub vat_basis_points: i64,
    pub hours: Option<i64>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub valid_until: Option<OffsetDateTime>,
    /// Their amounts sum to `amount_cents`.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(default)]
    pub note: String,
}

/// Adds a quote (provider staff of that provider, or the core circle).
#[utoipa::path(post, path = "/api/v1/proposals/{id}/quotes", tag = "proposals", request_body = QuoteBody,
    responses((status = 201, body = QuoteOut), (status = 422, body = crate::web::Problem)), security(("bearer" = [])))]
pub async fn add_quote(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<QuoteBody>,
) -> AppResult<(StatusCode, Json<QuoteOut>)> {
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    let q = super::quotes::add_quote(
        &txn,
        &Doer::user(&user),
        &p,
        &QuoteInput {
            provider_id: body.provider_id,
            amount_cents: body.amount_cents,
            vat_basis_points: body.vat_basis_points,
            hours: body.hours,
            valid_until: body.valid_until,
            milestones: body.milestones,
            note: body.note,
        },
    )
    .await?;
    let detail = out(&txn, user.network.id, id).await?;
    let quote = detail
        .quotes
        .into_iter()
        .find(|x| x.id == q.id)
        .ok_or(AppError::NotFound)?;
    idempotency::commit(txn, StatusCode::CREATED, quote).await
}

/// The facilitator selects a quote.
#[utoipa::path(post, path = "/api/v1/proposals/{id}/quotes/{quote_id}/select", tag = "proposals",
    responses((status = 200, body = ProposalOut), (status = 403, body = crate::web::Problem), (status = 409, body = crate::web::Problem)), security(("bearer" = [])))]
pub async fn select_quote(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, quote_id)): Path<(String, String)>,
) -> AppResult<(StatusCode, Json<ProposalOut>)> {
    let id = parse_id(&id)?;
    let quote_id = parse_id(&quote_id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    super::quotes::select_quote(&txn, &Doer::user(&user), &p, quote_id).await?;
    let answer = out(&txn, user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// The work is delivered (administrators or the selected provider).
#[utoipa::path(post, path = "/api/v1/proposals/{id}/deliver", tag = "proposals",
    responses((status = 200, body = ProposalOut), (status = 409, body = crate::web::Problem)), security(("bearer" = [])))]
pub async fn deliver(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<ProposalOut>)> {
    let id = parse_id(&id)?;
    let reason = "";
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    super::lifecycle::deliver(&txn, &Doer::user(&user), &p, reason).await?;
    let answer = out(&txn, user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}
