//! The governance settings page (`/governance`: every person reads, administrators
//! change) and its API (`GET`/`PUT /api/v1/governance`). The rules are
//! [`super::governance`]'s.

use super::circle::SeatRulesOut;
use super::governance::{self, GovernanceOut, GovernanceSettings};
use super::policy;
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json};
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render_status, require_user, see_other};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::TransactionTrait;
use serde::Deserialize;

/// The form as typed (every field a text box; the threshold a choice, with a fraction
/// for `custom`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct GovernanceForm {
    pub assembly_quorum_percent: String,
    pub poll_quorum_percent: String,
    /// simple_majority, two_thirds or custom (then `threshold_fraction`, e.g. "3/5").
    pub poll_threshold: String,
    pub threshold_fraction: String,
    pub facilitator_min: String,
    pub facilitator_max: String,
    pub elected_min: String,
    pub elected_max: String,
    pub max_mandate_days: String,
}

impl GovernanceForm {
    fn of(s: &GovernanceSettings) -> GovernanceForm {
        let (choice, fraction) = match s.poll_threshold.as_str() {
            "simple_majority" | "two_thirds" => (s.poll_threshold.clone(), String::new()),
            other => ("custom".to_string(), other.to_string()),
        };
        let r = &s.core_seats;
        GovernanceForm {
            assembly_quorum_percent: s.assembly_quorum_percent.to_string(),
            poll_quorum_percent: s.poll_quorum_percent.to_string(),
            poll_threshold: choice,
            threshold_fraction: fraction,
            facilitator_min: r.facilitator_min.to_string(),
            facilitator_max: r.facilitator_max.to_string(),
            elected_min: r.elected_min.to_string(),
            elected_max: r.elected_max.to_string(),
            max_mandate_days: r.max_mandate_days.to_string(),
        }
    }

    /// The settings the form says, or the fields that are not whole numbers. A number
    /// field's error is named as the API names it (`core_seats.elected_min`…).
    fn to_settings(&self) -> Result<GovernanceSettings, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut number = |field: &str, raw: &str| -> u32 {
            match raw.trim().parse::<u32>() {
                Ok(n) => n,
                Err(_) => {
                    errors.add(field, "whole-number");
                    0
                }
            }
        };
        let settings = GovernanceSettings {
            assembly_quorum_percent: number("assembly_quorum_percent", &self.assembly_quorum_percent),
            poll_quorum_percent: number("poll_quorum_percent", &self.poll_quorum_percent),
            poll_threshold: match self.poll_threshold.trim() {
                "custom" => self.threshold_fraction.trim().to_string(),
                other => other.to_string(),
            },
            core_seats: SeatRulesOut {
                facilitator_min: number("core_seats.facilitator_min", &self.facilitator_min),
                facilitator_max: number("core_seats.facilitator_max", &self.facilitator_max),
                elected_min: number("core_seats.elected_min", &self.elected_min),
                elected_max: number("core_seats.elected_max", &self.elected_max),
                max_mandate_days: i64::from(number("core_seats.max_mandate_days", &self.max_mandate_days)),
            },
        };
        // "Another fraction" with none typed is not the default in disguise.
        if self.poll_threshold.trim() == "custom" && self.threshold_fraction.trim().is_empty() {
            errors.add("poll_threshold", "poll-threshold");
        }
        if errors.is_empty() { Ok(settings) } else { Err(errors) }
    }
}

#[derive(Template)]
#[template(path = "assemblies/governance.html")]
struct GovernancePage {
    ctx: Ctx,
    out: GovernanceOut,
    can_manage: bool,
    form: GovernanceForm,
    errors: FieldErrors,
}

impl GovernancePage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn threshold_is(&self, t: &str) -> bool {
        self.form.poll_threshold == t
    }
    /// A threshold as people read it.
    fn threshold_text(&self, t: &str) -> String {
        match t {
            "simple_majority" | "two_thirds" => self.ctx.t(&format!("governance-threshold-{t}")),
            other => other.to_string(),
        }
    }
    /// The settings of one side of a change (`before` or `after`), for the list.
    fn side(&self, raw: &Option<String>) -> String {
        match raw
            .as_deref()
            .and_then(|t| serde_json::from_str::<GovernanceSettings>(t).ok())
        {
            Some(s) => self.summary(&s),
            None => String::new(),
        }
    }
    fn summary(&self, s: &GovernanceSettings) -> String {
        use crate::i18n::Arg::{Num, Str};
        let r = &s.core_seats;
        self.ctx.lang.t_args(
            "governance-summary",
            &[
                ("assembly", Num(i64::from(s.assembly_quorum_percent))),
                ("poll", Num(i64::from(s.poll_quorum_percent))),
                ("threshold", Str(self.threshold_text(&s.poll_threshold))),
                ("facilitator_min", Num(i64::from(r.facilitator_min))),
                ("facilitator_max", Num(i64::from(r.facilitator_max))),
                ("elected_min", Num(i64::from(r.elected_min))),
                ("elected_max", Num(i64::from(r.elected_max))),
                ("max_days", Num(r.max_mandate_days)),
            ],
        )
    }
    fn current(&self) -> String {
        self.summary(&self.out.settings)
    }
}

async fn page(state: &AppState, ctx: Ctx, form: Option<GovernanceForm>, errors: FieldErrors) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let out = governance::read(&state.db.read, user.network.id).await?;
    let can_manage = policy::manage_governance(&user.doer());
    let form = form.unwrap_or_else(|| GovernanceForm::of(&out.settings));
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &GovernancePage {
            ctx,
            out,
            can_manage,
            form,
            errors,
        },
    )
}

/// `GET /governance`: the settings, the form for administrators, the latest changes.
pub async fn show(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    page(&state, ctx, None, FieldErrors::default()).await
}

/// `POST /governance` (administrators): stores the settings, or shows the form again
/// with each refusal beside its field (422, nothing stored).
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<GovernanceForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage_governance(&user.doer()))?;
    let settings = match form.to_settings() {
        Ok(s) => s,
        Err(errors) => return page(&state, ctx, Some(form), errors).await,
    };
    let txn = state.db.write.begin().await?;
    match governance::update(&txn, Actor::person(user.person_id), user.network.id, &settings).await {
        Ok(()) => {
            txn.commit().await?;
            Ok(see_other("/governance"))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            page(&state, ctx, Some(form), errors).await
        }
        Err(e) => Err(e),
    }
}

/// The network's governance settings and their latest changes (newest first).
#[utoipa::path(get, path = "/api/v1/governance", tag = "meetings",
    responses((status = 200, body = GovernanceOut), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_show(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<GovernanceOut>> {
    Ok(Json(governance::read(&state.db.read, user.network.id).await?))
}

/// Changes the governance settings (administrators), every field given. Each change is
/// recorded in the audit log with the settings before and after. Refused (422, nothing
/// stored) with the field named: a minimum above its maximum
/// (`core_seats.elected_min`, `governance-min-above-max`), a threshold that is not a
/// fraction in (0, 1] (`poll_threshold`), a quorum over 100, a mandate length outside
/// 30–3660 days (`core_seats.max_mandate_days`).
#[utoipa::path(put, path = "/api/v1/governance", tag = "meetings", request_body = GovernanceSettings,
    responses((status = 200, body = GovernanceOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_update(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<GovernanceSettings>,
) -> AppResult<Json<GovernanceOut>> {
    require(policy::manage_governance(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    governance::update(&txn, Actor::person(user.person_id), user.network.id, &body).await?;
    let out = governance::read(&txn, user.network.id).await?;
    txn.commit().await?;
    Ok(Json(out))
}
