//! Ending an opportunity: its poster closes it (the work was won and filled, or lost) or
//! withdraws it. The members that declared interest are told by email, and no new
//! interest is taken after that (refused by the declaring write, [`super::write::declare`]).
//! The page says what ending does and asks once; the API does the same in one call.

use super::data::{self, OpportunityOut};
use super::{policy, write};
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, parse_id};
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::idempotency;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::TransactionTrait;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

/// How an opportunity ends (the API's body).
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EndIn {
    /// `filled` (the work was won and is done by the team), `lost` (it went elsewhere)
    /// or `withdrawn` (the poster takes it back).
    pub outcome: String,
}

/// Ends an opportunity (the poster's representative, or an administrator): closed as
/// `filled` or `lost`, or `withdrawn`. The members that declared interest are told by
/// email; no interest is taken after it. 409 `work-opportunity-ended` when it has
/// already ended; 422 on `outcome`.
#[utoipa::path(post, path = "/api/v1/opportunities/{id}/close", tag = "work", request_body = EndIn,
    responses((status = 200, body = OpportunityOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn end(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<EndIn>,
) -> AppResult<(StatusCode, Json<OpportunityOut>)> {
    let id = parse_id(&id)?;
    let o = data::row(&state.db.read, user.network.id, id).await?;
    require(policy::end(&user.doer(), o.organisation_id))?;
    let txn = state.db.write.begin().await?;
    write::end(&txn, Actor::person(user.person_id), user.network.id, id, &body.outcome).await?;
    let answer = data::read(&txn, user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

#[derive(Template)]
#[template(path = "work/close.html")]
struct ClosePage {
    ctx: Ctx,
    o: OpportunityOut,
    /// The members told by email (those that declared interest).
    told: Vec<String>,
    picked: String,
    errors: FieldErrors,
}

impl ClosePage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
}

async fn close_page(state: &AppState, ctx: Ctx, id: i64, picked: String, errors: FieldErrors) -> AppResult<ClosePage> {
    let user = require_user(&ctx)?;
    let o = data::read(&state.db.read, user.network.id, id).await?;
    let told = o
        .interests
        .iter()
        .filter(|i| i.organisation_id != o.summary.organisation_id)
        .map(|i| i.organisation.clone())
        .collect();
    Ok(ClosePage {
        ctx,
        o,
        told,
        picked,
        errors,
    })
}

/// `GET /opportunities/{id}/close`: what ending does, the three ways, one button. Back
/// to the opportunity for whoever may not end it, and once it has ended.
pub async fn close_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let id = parse_id(&id)?;
    let user = require_user(&ctx)?;
    let page = close_page(&state, ctx, id, String::new(), FieldErrors::default()).await?;
    if !write::is_live(&page.o.summary.status) || !policy::end(&user.doer(), page.o.summary.organisation_id) {
        return Ok(see_other(&format!("/opportunities/{id}")));
    }
    render(&page)
}

/// `POST /opportunities/{id}/close`: ends it; errors beside the choice (422).
pub async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = parse_id(&id)?;
    let o = data::row(&state.db.read, user.network.id, id).await?;
    require(policy::end(&user.doer(), o.organisation_id))?;
    let outcome = fields.get("outcome").cloned().unwrap_or_default();
    let txn = state.db.write.begin().await?;
    let errors = match write::end(&txn, Actor::person(user.person_id), user.network.id, id, &outcome).await {
        Ok(_) => {
            txn.commit().await?;
            return Ok(see_other(&format!("/opportunities/{id}")));
        }
        Err(AppError::Invalid(errors)) => errors,
        Err(e) => return Err(e),
    };
    drop(txn);
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &close_page(&state, ctx, id, outcome, errors).await?,
    )
}
