//! The page where an organisation gives its proxy for an assembly to another member
//! organisation, or withdraws it (`/meetings/{id}/proxy`), as the API's
//! `POST /api/v1/meetings/{id}/proxies` and `DELETE …/proxies/{organisation_id}` do,
//! through the same [`proxies::give`] and [`proxies::withdraw`] (the same rules, the
//! messages beside the field).

use super::data::{self, MeetingFull};
use super::policy;
use super::proxies::{self, ProxyBody, ProxyOut};
use crate::api::parse_id;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::TransactionTrait;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "assemblies/proxy.html")]
struct ProxyPage {
    ctx: Ctx,
    m: MeetingFull,
    /// Proxies may be given now (an assembly that has not ended).
    open: bool,
    /// The organisations the reader may speak for, and the one chosen.
    choices: Vec<(i64, String)>,
    chosen: i64,
    /// The chosen organisation's proxy, if it gave one.
    current: Option<ProxyOut>,
    /// The other member organisations (possible holders).
    holders: Vec<(i64, String)>,
    holder: String,
    errors: FieldErrors,
}

impl ProxyPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn chosen_name(&self) -> String {
        self.choices
            .iter()
            .find(|(id, _)| *id == self.chosen)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    }
    fn chosen_is(&self, id: &i64) -> bool {
        self.chosen == *id
    }
    fn holder_is(&self, id: &i64) -> bool {
        self.holder == id.to_string()
    }
}

/// The query of `GET /meetings/{id}/proxy`: whose proxy to show.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProxyParams {
    organisation_id: Option<String>,
}

/// The form: the giver and the holder, as typed.
#[derive(Deserialize, Default, Debug, Clone)]
#[serde(default)]
pub struct ProxyForm {
    organisation_id: String,
    holder_organisation_id: String,
}

async fn page(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    organisation: Option<i64>,
    holder: String,
    errors: FieldErrors,
    status: StatusCode,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let doer = user.doer();
    let conn = &state.db.read;
    let m = data::get(conn, user.network.id, parse_id(id)?).await?;
    let members = crate::organisations::data::member_choices(conn, user.network.id).await?;
    let choices: Vec<(i64, String)> = members
        .iter()
        .filter(|o| policy::give_proxy(&doer, o.id))
        .map(|o| (o.id, o.name.clone()))
        .collect();
    let chosen = match organisation {
        Some(o) if choices.iter().any(|(id, _)| *id == o) => o,
        Some(_) => return Err(AppError::Forbidden),
        None => choices.first().map(|(id, _)| *id).ok_or(AppError::Forbidden)?,
    };
    let current = proxies::list(conn, m.meeting.id)
        .await?
        .into_iter()
        .find(|p| p.organisation_id == chosen);
    let holders = members
        .into_iter()
        .filter(|o| o.id != chosen)
        .map(|o| (o.id, o.name))
        .collect();
    render_status(
        status,
        &ProxyPage {
            ctx,
            open: proxies::may_give_now(&m.meeting),
            m,
            choices,
            chosen,
            current,
            holders,
            holder,
            errors,
        },
    )
}

/// `GET /meetings/{id}/proxy`: the organisation's proxy for the meeting, and the form to
/// give or withdraw it.
pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(params): Query<ProxyParams>,
) -> AppResult<Response> {
    let org = match params.organisation_id.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(parse_id(s)?),
    };
    page(
        &state,
        ctx,
        &id,
        org,
        String::new(),
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// `POST /meetings/{id}/proxy`: gives the proxy (as the API); errors beside the field.
pub async fn give(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ProxyForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let org: i64 = form
        .organisation_id
        .trim()
        .parse()
        .map_err(|_| AppError::invalid("organisation_id", "invalid-choice"))?;
    let result = match form.holder_organisation_id.trim().parse::<i64>() {
        Err(_) => Err(AppError::invalid("holder_organisation_id", "required")),
        Ok(holder) => {
            let txn = state.db.write.begin().await?;
            let body = ProxyBody {
                organisation_id: org,
                holder_organisation_id: holder,
            };
            match proxies::give(&txn, &user.doer(), user.network.id, parse_id(&id)?, &body).await {
                Ok(row) => {
                    txn.commit().await?;
                    Ok(row)
                }
                Err(e) => Err(e),
            }
        }
    };
    let (errors, status) = match result {
        Ok(row) => {
            return Ok(see_other(&format!(
                "/meetings/{}/proxy?organisation_id={}",
                row.meeting_id, row.organisation_id
            )));
        }
        Err(AppError::Invalid(errors)) => (errors, StatusCode::UNPROCESSABLE_ENTITY),
        Err(AppError::Conflict(code)) => {
            let mut e = FieldErrors::default();
            e.add("holder_organisation_id", code);
            (e, StatusCode::CONFLICT)
        }
        Err(e) => return Err(e),
    };
    page(&state, ctx, &id, Some(org), form.holder_organisation_id, errors, status).await
}

/// `POST /meetings/{id}/proxy/withdraw`: withdraws the organisation's proxy.
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ProxyForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let org: i64 = form
        .organisation_id
        .trim()
        .parse()
        .map_err(|_| AppError::invalid("organisation_id", "invalid-choice"))?;
    let txn = state.db.write.begin().await?;
    let full = proxies::withdraw(&txn, &user.doer(), user.network.id, parse_id(&id)?, org).await?;
    txn.commit().await?;
    Ok(see_other(&format!(
        "/meetings/{}/proxy?organisation_id={org}",
        full.meeting.id
    )))
}
