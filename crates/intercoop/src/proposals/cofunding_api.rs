//! Co-funding endpoints of the JSON API: opening a campaign, pledges, shares and the
//! join preview, closing, adopting delivered work, and an organisation's commitments.

use super::api::OrganisationRef;
use super::api::out;
use super::commitments::{self, Commitments};
use super::data;
use super::views::ProposalOut;
use crate::access::Doer;
use crate::api::{ApiJson, ApiUser, Json, parse_id};
use crate::error::{AppError, AppResult};
use crate::funding::FundingState;
use crate::funding::catch_up::Adoption;
use crate::funding::closing::Closed;
use crate::funding::pledging;
use crate::funding::terms::CampaignBody;
use crate::funding::views::{self, SharesOut};
use crate::idempotency;
use crate::state::AppState;
use crate::web::Query;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use sea_orm::TransactionTrait;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

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
    super::cofunding::open_campaign(&txn, &Doer::user(&user), &p, &body, None).await?;
    let answer = out(&txn, user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::CREATED, answer).await
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
    State(funding): State<FundingState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PledgeBody>,
) -> AppResult<(StatusCode, Json<SharesOut>)> {
    let id = parse_id(&id)?;
    let mut pledged = pledging::pledge_committed(
        &funding.pledges,
        Doer::user(&user),
        user.network.id,
        id,
        body.organisation_id,
        body.cap_cents,
    )
    .await?;
    // With an Idempotency-Key, the batch stored this answer with the pledge.
    let out = match pledged.answer.take() {
        Some(out) => out,
        None => views::shares_out_with_caps(&state.db.read, &pledged.shares, &pledged.caps, &pledged.names).await?,
    };
    Ok((StatusCode::CREATED, Json(out)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
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
) -> AppResult<(StatusCode, Json<SharesOut>)> {
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    let shares =
        crate::funding::pledging::withdraw(&txn, &Doer::user(&user), p.network_id, p.id, q.organisation_id).await?;
    let c = crate::funding::campaign::of(&txn, p.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let out = views::shares_out(&txn, &c, &shares).await?;
    idempotency::commit(txn, StatusCode::OK, out).await
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
    let c = crate::funding::campaign::of(&state.db.read, p.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let shares = crate::funding::campaign::current_shares(&state.db.read, &c).await?;
    Ok(Json(views::shares_out(&state.db.read, &c, &shares).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
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
    let c = crate::funding::campaign::of(&state.db.read, p.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let pv = crate::funding::campaign::preview(&state.db.read, &c, q.organisation_id, q.cap_cents).await?;
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
    responses((status = 200, body = Closed), (status = 403, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn close(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<Closed>)> {
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    let closed = super::cofunding::close(&txn, &Doer::user(&user), &p).await?;
    idempotency::commit(txn, StatusCode::OK, closed).await
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
    let a = super::cofunding::adopt(&txn, &Doer::user(&user), &p, body.organisation_id).await?;
    idempotency::commit(txn, StatusCode::CREATED, a).await
}

/// What an organisation has committed, owes and is credited (its people, or administrators).
#[utoipa::path(get, path = "/api/v1/commitments", tag = "proposals", params(OrganisationParam),
    responses((status = 200, body = Commitments), (status = 403, body = crate::web::Problem)), security(("bearer" = [])))]
pub async fn commitments(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(q): Query<OrganisationParam>,
) -> AppResult<Json<Commitments>> {
    crate::access::require(crate::funding::policy::see_commitments(&user.doer(), q.organisation_id))?;
    Ok(Json(
        commitments::commitments(&state.db.read, user.network.id, q.organisation_id).await?,
    ))
}
