//! What a person does on a proposal's page: says their organisation is interested,
//! comments (or objects), moves it to another status, chooses a quote, delivers.

use crate::access::Doer;
use crate::error::{AppError, AppResult};
use crate::proposals::data;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, require_user, see_other};
use axum::extract::{Path, State};
use axum::response::Response;
use intercoop_domain::lifecycle::ProposalStatus;
use sea_orm::TransactionTrait;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct OrgForm {
    pub(in crate::proposals) organisation_id: String,
    #[serde(default)]
    pub(in crate::proposals) cap: String,
}

pub(in crate::proposals) fn org_id(form: &OrgForm) -> AppResult<i64> {
    form.organisation_id
        .trim()
        .parse()
        .map_err(|_| AppError::invalid("organisation_id", "invalid-choice"))
}

pub async fn interest(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<OrgForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    crate::proposals::needs::add_interest(&txn, &Doer::user(&user), &p, org_id(&form)?).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}")))
}

#[derive(Deserialize)]
pub struct CommentForm {
    body: String,
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    objection: String,
}

pub async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<CommentForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    let org = form.organisation_id.trim().parse().ok();
    crate::proposals::needs::add_comment(
        &txn,
        &Doer::user(&user),
        &p,
        org,
        &form.body,
        !form.objection.is_empty(),
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}#comments")))
}

#[derive(Deserialize)]
pub struct TransitionForm {
    to: String,
    #[serde(default)]
    reason: String,
}

pub async fn transition(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<TransitionForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let to: ProposalStatus = form.to.parse().map_err(|_| AppError::invalid("to", "invalid-choice"))?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    crate::proposals::lifecycle::transition(&txn, &Doer::user(&user), &p, to, &form.reason).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}")))
}

use crate::web::Empty;

pub async fn select_quote(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, quote_id)): Path<(String, String)>,
    CsrfForm(_form): CsrfForm<Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let quote_id = crate::api::parse_id(&quote_id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    crate::proposals::quotes::select_quote(&txn, &Doer::user(&user), &p, quote_id).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}")))
}

#[derive(Deserialize)]
pub struct DeliverForm {
    /// Where the work is (a release, a link).
    #[serde(default)]
    reason: String,
}

pub async fn deliver(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<DeliverForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    crate::proposals::lifecycle::deliver(&txn, &Doer::user(&user), &p, &form.reason).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}")))
}
