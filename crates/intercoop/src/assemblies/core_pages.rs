//! The core circle's page (`/core-circle`: the rules, who sits, the history; an
//! administrator records a mandate there) and its API (`/api/v1/core-circle`). The rules
//! are [`super::core`]'s.

use super::circle::{self, CoreOut, MandateInput, MandateOut};
use super::policy;
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json};
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::idempotency;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render_status, require_user, see_other};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::TransactionTrait;
use serde::Deserialize;

/// The form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct MandateForm {
    pub organisation_id: String,
    pub seat: String,
    pub starts_on: String,
    pub ends_on: String,
}

#[derive(Template)]
#[template(path = "assemblies/core.html")]
struct CorePage {
    ctx: Ctx,
    core: CoreOut,
    can_manage: bool,
    /// The member organisations (id, name) a mandate may go to.
    organisations: Vec<(i64, String)>,
    /// The user cooperatives the person may stand for in an election.
    standable: Vec<(i64, String)>,
    form: MandateForm,
    errors: FieldErrors,
}

impl CorePage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    /// A day in the reader's words ("1 janvier 2027").
    fn day(&self, d: &time::Date) -> String {
        self.ctx.day(d)
    }
    fn rules_text(&self) -> String {
        let r = &self.core.rules;
        use crate::i18n::Arg::Num;
        self.ctx.lang.t_args(
            "core-rules",
            &[
                ("facilitator_min", Num(i64::from(r.facilitator_min))),
                ("facilitator_max", Num(i64::from(r.facilitator_max))),
                ("elected_min", Num(i64::from(r.elected_min))),
                ("elected_max", Num(i64::from(r.elected_max))),
                ("max_days", Num(r.max_mandate_days)),
            ],
        )
    }
}

async fn page(state: &AppState, ctx: Ctx, form: MandateForm, errors: FieldErrors) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let conn = &state.db.read;
    let core = circle::read(conn, user.network.id, &user.network.time_zone).await?;
    let doer = user.doer();
    let can_manage = policy::manage_core(&doer);
    let members = crate::organisations::data::member_choices(conn, user.network.id).await?;
    let organisations = if can_manage {
        members
            .iter()
            .filter(|o| matches!(o.kind.as_str(), "user" | "facilitator"))
            .map(|o| (o.id, o.name.clone()))
            .collect()
    } else {
        Vec::new()
    };
    let standable = members
        .iter()
        .filter(|o| o.kind.as_str() == "user" && policy::stand(&doer, o.id))
        .map(|o| (o.id, o.name.clone()))
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &CorePage {
            ctx,
            core,
            can_manage,
            organisations,
            standable,
            form,
            errors,
        },
    )
}

/// The page with a refusal of one of its forms (422).
pub async fn page_with_errors(state: &AppState, ctx: Ctx, errors: FieldErrors) -> AppResult<Response> {
    let today = crate::money::today(&require_user(&ctx)?.network.time_zone);
    let form = MandateForm {
        seat: "elected".into(),
        starts_on: today.to_string(),
        ..Default::default()
    };
    page(state, ctx, form, errors).await
}

/// `GET /core-circle`: the rules, who sits today, the history.
pub async fn show(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let today = crate::money::today(&require_user(&ctx)?.network.time_zone);
    let form = MandateForm {
        seat: "elected".into(),
        starts_on: today.to_string(),
        ..Default::default()
    };
    page(&state, ctx, form, FieldErrors::default()).await
}

/// `POST /core-circle/mandates` (administrators): records a mandate, or shows the rule
/// it breaks beside its field (422, nothing stored).
pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<MandateForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage_core(&user.doer()))?;
    let input = MandateInput {
        organisation_id: form.organisation_id.trim().parse().unwrap_or(0),
        seat: form.seat.clone(),
        starts_on: form.starts_on.clone(),
        ends_on: form.ends_on.clone(),
    };
    let txn = state.db.write.begin().await?;
    match circle::add(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        &user.network.time_zone,
        &input,
        None,
    )
    .await
    {
        Ok(_) => {
            txn.commit().await?;
            Ok(see_other("/core-circle"))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            page(&state, ctx, form, errors).await
        }
        Err(e) => Err(e),
    }
}

/// The core circle: its seat rules, who sits today, and every mandate.
#[utoipa::path(get, path = "/api/v1/core-circle", tag = "meetings",
    responses((status = 200, body = CoreOut), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_show(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<CoreOut>> {
    Ok(Json(
        circle::read(&state.db.read, user.network.id, &user.network.time_zone).await?,
    ))
}

/// Records a mandate (administrators). A mandate that breaks a seat rule or the length
/// limit is refused (422) with the rule's code on its field (`core-too-many`,
/// `core-too-long`, `core-two-seats`…), and nothing is stored.
#[utoipa::path(post, path = "/api/v1/core-circle/mandates", tag = "meetings", request_body = MandateInput,
    responses((status = 201, body = MandateOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_add(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<MandateInput>,
) -> AppResult<(StatusCode, Json<MandateOut>)> {
    require(policy::manage_core(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let answer = circle::add(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        &user.network.time_zone,
        &body,
        None,
    )
    .await?;
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}
