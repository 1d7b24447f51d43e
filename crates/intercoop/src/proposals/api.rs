//! Proposal endpoints of the JSON API. All amounts are integer cents.

use super::data::{self, Adoption, CampaignBody, Closed, Doer, Milestone, QuoteInput};
use super::notify;
use super::pledging;
use super::views::{self, Commitments, ListFilter, ProposalOut, ProposalRow, QuoteOut, SharesOut};
use crate::api::{ApiJson, ApiUser, Json, parse_id};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use intercoop_domain::lifecycle::ProposalStatus;
use sea_orm::TransactionTrait;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

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
    let input = data::ProposalInput {
        title: body.title,
        description: body.description,
        software: body.software,
        links: body.links.join("\n"),
        requested_by: body.requested_by.to_string(),
        draft: body.draft,
    };
    let valid = input.validate().map_err(AppError::Invalid)?;
    let txn = state.db.write.begin().await?;
    let id = data::create(&txn, &Doer::user(&user), user.network.id, &valid).await?;
    txn.commit().await?;
    notify::announce_pending(&state).await?;
    Ok((StatusCode::CREATED, Json(out(&state, user.network.id, id).await?)))
}

async fn out(state: &AppState, network_id: i64, id: i64) -> AppResult<ProposalOut> {
    let p = data::get(&state.db.read, network_id, id).await?;
    views::detail(&state.db.read, &p).await
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
    Ok(Json(out(&state, user.network.id, parse_id(&id)?).await?))
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
) -> AppResult<Json<ProposalOut>> {
    let to: ProposalStatus = body.to.parse().map_err(|_| AppError::invalid("to", "invalid-choice"))?;
    if matches!(
        to,
        ProposalStatus::Funding | ProposalStatus::Funded | ProposalStatus::Lapsed
    ) {
        // These have their own endpoints: /campaign and /close.
        return Err(AppError::Conflict("proposals-wrong-status"));
    }
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    data::transition(&txn, &Doer::user(&user), &p, to, &body.reason, None).await?;
    txn.commit().await?;
    notify::announce_pending(&state).await?;
    Ok(Json(out(&state, user.network.id, id).await?))
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
) -> AppResult<Json<ProposalOut>> {
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    data::add_interest(&txn, &Doer::user(&user), &p, body.organisation_id).await?;
    txn.commit().await?;
    Ok(Json(out(&state, user.network.id, id).await?))
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
    data::add_comment(
        &txn,
        &Doer::user(&user),
        &p,
        body.organisation_id,
        &body.body,
        body.objection,
    )
    .await?;
    txn.commit().await?;
    Ok((StatusCode::CREATED, Json(out(&state, user.network.id, id).await?)))
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
    let q = data::add_quote(
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
    txn.commit().await?;
    let detail = out(&state, user.network.id, id).await?;
    let quote = detail
        .quotes
        .into_iter()
        .find(|x| x.id == q.id)
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(quote)))
}

/// The facilitator selects a quote.
#[utoipa::path(post, path = "/api/v1/proposals/{id}/quotes/{quote_id}/select", tag = "proposals",
    responses((status = 200, body = ProposalOut), (status = 403, body = crate::web::Problem)), security(("bearer" = [])))]
pub async fn select_quote(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, quote_id)): Path<(String, String)>,
) -> AppResult<Json<ProposalOut>> {
    let id = parse_id(&id)?;
    let quote_id = parse_id(&quote_id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    data::select_quote(&txn, &Doer::user(&user), &p, quote_id).await?;
    txn.commit().await?;
    Ok(Json(out(&state, user.network.id, id).await?))
}

/// Opens the co-funding campaign (administrators); every representative is told.
#[utoipa::path(post, path = "/api/v1/proposals/{id}/campaign", tag = "proposals", request_body = CampaignBody,
    responses((status = 201, body = ProposalOut), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn open_campaign(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<CampaignBody>,
) -> AppResult<(StatusCode, Json<ProposalOut>)> {
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    data::open_campaign(&txn, &Doer::user(&user), &p, &body, None).await?;
    txn.commit().await?;
    notify::announce_pending(&state).await?;
    Ok((StatusCode::CREATED, Json(out(&state, user.network.id, id).await?)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PledgeBody {
    pub organisation_id: i64,
    /// The most this organisation will pay.
    pub cap_cents: Option<i64>,
}

/// Joins the campaign for an organisation (its representative, or an administrator).
/// Answers the new split.
#[utoipa::path(post, path = "/api/v1/proposals/{id}/pledges", tag = "proposals", request_body = PledgeBody,
    responses((status = 201, body = SharesOut), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn pledge(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PledgeBody>,
) -> AppResult<(StatusCode, Json<SharesOut>)> {
    let id = parse_id(&id)?;
    let pledged = pledging::pledge_committed(
        &state.pledges,
        Doer::user(&user),
        user.network.id,
        id,
        body.organisation_id,
        body.cap_cents,
    )
    .await?;
    let out = views::shares_out_with_caps(&state.db.read, &pledged.shares, &pledged.caps, &pledged.names).await?;
    Ok((StatusCode::CREATED, Json(out)))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct OrganisationParam {
    pub organisation_id: i64,
}

/// Withdraws an organisation's pledge while the campaign is open.
#[utoipa::path(delete, path = "/api/v1/proposals/{id}/pledges", tag = "proposals", params(OrganisationParam),
    responses((status = 200, body = SharesOut), (status = 409, body = crate::web::Problem)), security(("bearer" = [])))]
pub async fn withdraw(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    Query(q): Query<OrganisationParam>,
) -> AppResult<Json<SharesOut>> {
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    let shares = data::withdraw_pledge(&txn, &Doer::user(&user), &p, q.organisation_id).await?;
    let c = data::campaign_of(&txn, p.id).await?.ok_or(AppError::NotFound)?;
    let out = views::shares_out(&txn, &c, &shares).await?;
    txn.commit().await?;
    Ok(Json(out))
}

/// The current split: exact cents summing to the amount, or the shortfall.
#[utoipa::path(get, path = "/api/v1/proposals/{id}/shares", tag = "proposals",
    responses((status = 200, body = SharesOut), (status = 404, body = crate::web::Problem)), security(("bearer" = [])))]
pub async fn shares(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<SharesOut>> {
    let p = data::get(&state.db.read, user.network.id, parse_id(&id)?).await?;
    let c = data::campaign_of(&state.db.read, p.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let shares = data::current_shares(&state.db.read, &c).await?;
    Ok(Json(views::shares_out(&state.db.read, &c, &shares).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct PreviewParams {
    pub organisation_id: i64,
    pub cap_cents: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeOut {
    pub organisation_id: i64,
    pub before_cents: i64,
    pub after_cents: i64,
}

/// "Your share would be X; the others' drops from Y to Z."
#[derive(Debug, Serialize, ToSchema)]
pub struct PreviewOut {
    pub your_share_cents: i64,
    pub changes: Vec<ChangeOut>,
}

/// What joining would do, before joining.
#[utoipa::path(get, path = "/api/v1/proposals/{id}/preview", tag = "proposals", params(PreviewParams),
    responses((status = 200, body = PreviewOut)), security(("bearer" = [])))]
pub async fn preview(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    Query(q): Query<PreviewParams>,
) -> AppResult<Json<PreviewOut>> {
    let p = data::get(&state.db.read, user.network.id, parse_id(&id)?).await?;
    let c = data::campaign_of(&state.db.read, p.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let pv = data::preview(&state.db.read, &c, q.organisation_id, q.cap_cents).await?;
    Ok(Json(PreviewOut {
        your_share_cents: pv.your_share.cents(),
        changes: pv
            .changes()
            .into_iter()
            .map(|c| ChangeOut {
                organisation_id: c.organisation_id,
                before_cents: c.before.cents(),
                after_cents: c.after.cents(),
            })
            .collect(),
    }))
}

/// Closes the campaign now (administrators): funded or lapsed.
#[utoipa::path(post, path = "/api/v1/proposals/{id}/close", tag = "proposals",
    responses((status = 200, body = Closed), (status = 409, body = crate::web::Problem)), security(("bearer" = [])))]
pub async fn close(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<Closed>> {
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    let closed = data::close(&txn, &Doer::user(&user), &p, &state.config.base_url).await?;
    txn.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(Json(closed))
}

/// The work is delivered (administrators or the selected provider).
#[utoipa::path(post, path = "/api/v1/proposals/{id}/deliver", tag = "proposals",
    responses((status = 200, body = ProposalOut), (status = 409, body = crate::web::Problem)), security(("bearer" = [])))]
pub async fn deliver(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<ProposalOut>> {
    let id = parse_id(&id)?;
    let reason = "";
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    data::deliver(&txn, &Doer::user(&user), &p, reason).await?;
    txn.commit().await?;
    Ok(Json(out(&state, user.network.id, id).await?))
}

/// A late adopter joins: its catch-up share, credited back to the earlier funders.
#[utoipa::path(post, path = "/api/v1/proposals/{id}/adopt", tag = "proposals", request_body = OrganisationRef,
    responses((status = 201, body = Adoption), (status = 409, body = crate::web::Problem)), security(("bearer" = [])))]
pub async fn adopt(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<OrganisationRef>,
) -> AppResult<(StatusCode, Json<Adoption>)> {
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    let a = data::adopt(
        &txn,
        &Doer::user(&user),
        &p,
        body.organisation_id,
        &state.config.base_url,
    )
    .await?;
    txn.commit().await?;
    state.mail_wakeup.notify_one();
    Ok((StatusCode::CREATED, Json(a)))
}

/// What an organisation has committed, owes and is credited (its people, or administrators).
#[utoipa::path(get, path = "/api/v1/commitments", tag = "proposals", params(OrganisationParam),
    responses((status = 200, body = Commitments), (status = 403, body = crate::web::Problem)), security(("bearer" = [])))]
pub async fn commitments(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(q): Query<OrganisationParam>,
) -> AppResult<Json<Commitments>> {
    user.require(user.is_admin() || user.belongs_to(q.organisation_id))?;
    Ok(Json(
        views::commitments(&state.db.read, user.network.id, q.organisation_id).await?,
    ))
}
