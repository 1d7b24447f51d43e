//! The administrators' page of failed jobs: what could not be done, with its error, to
//! retry once the cause is mended, or to discard.

use crate::entities::job;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

#[derive(Template)]
#[template(path = "jobs/failed.html")]
struct FailedPage {
    ctx: Ctx,
    jobs: Vec<job::Model>,
}

impl FailedPage {
    /// Where to see what a job was about: the proposal or poll its payload names.
    fn about(&self, j: &job::Model) -> Vec<(String, String)> {
        let payload: serde_json::Value = serde_json::from_str(&j.payload).unwrap_or_default();
        let mut out = Vec::new();
        for (key, path, label) in [
            ("proposal_id", "/proposals", "jobs-about-proposal"),
            ("poll_id", "/polls", "jobs-about-poll"),
        ] {
            if let Some(id) = payload.get(key).and_then(|v| v.as_i64()) {
                out.push((self.ctx.ta(label, "id", id), format!("{path}/{id}")));
            }
        }
        out
    }
}

/// `GET /admin/jobs`: the failed jobs of the administrator's network (and of none).
pub async fn failed(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    crate::access::require(super::policy::manage(&user.doer()))?;
    let jobs = super::failed(&state.db.read, user.network.id).await?;
    render(&FailedPage { ctx, jobs })
}

use crate::web::Empty;

/// `POST /admin/jobs/{id}/retry`: due again now, attempts counted afresh.
pub async fn retry(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    crate::access::require(super::policy::manage(&user.doer()))?;
    let id = crate::api::parse_id(&id)?;
    super::get_visible(&state.db.read, user.network.id, id).await?;
    if !super::retry(&state.db.write, id).await? {
        return Err(AppError::Conflict("jobs-not-failed"));
    }
    Ok(see_other("/admin/jobs"))
}

/// `POST /admin/jobs/{id}/discard`: given up for good.
pub async fn discard(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    crate::access::require(super::policy::manage(&user.doer()))?;
    let id = crate::api::parse_id(&id)?;
    super::get_visible(&state.db.read, user.network.id, id).await?;
    if !super::discard(&state.db.write, id).await? {
        return Err(AppError::Conflict("jobs-not-failed"));
    }
    Ok(see_other("/admin/jobs"))
}
