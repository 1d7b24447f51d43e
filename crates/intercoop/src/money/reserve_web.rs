//! The pages and API of shared recurring costs (`reserves`): the treasurer lists the
//! network's reserves with what each holds, has earmarked and has available, and sets
//! a new one up.

use super::policy;
use super::reserves::{self, ReserveIn, ReserveOut};
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
use intercoop_domain::sharing::SharingKey;
use sea_orm::TransactionTrait;

/// The network's reserves of shared recurring costs, with their money.
#[utoipa::path(get, path = "/api/v1/reserves", tag = "money",
    responses((status = 200, body = Vec<ReserveOut>), (status = 403, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn list(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<Vec<ReserveOut>>> {
    require(policy::manage(&user.doer()))?;
    Ok(Json(reserves::list(&state.db.read, user.network.id).await?))
}

/// One reserve with its money.
#[utoipa::path(get, path = "/api/v1/reserves/{id}", tag = "money",
    responses((status = 200, body = ReserveOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<ReserveOut>> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    Ok(Json(reserves::show(&state.db.read, user.network.id, id).await?))
}

/// Sets money aside for a shared recurring cost: from this month on, each member
/// organisation is asked its share of the monthly amount (a job, once a month).
#[utoipa::path(post, path = "/api/v1/reserves", tag = "money", request_body = ReserveIn,
    responses((status = 201, body = ReserveOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<ReserveIn>,
) -> AppResult<(StatusCode, Json<ReserveOut>)> {
    require(policy::manage(&user.doer()))?;
    let valid = body.validate().map_err(AppError::Invalid)?;
    let txn = state.db.write.begin().await?;
    let row = reserves::create(&txn, Actor::person(user.person_id), user.network.id, &valid).await?;
    let out = reserves::show(&txn, user.network.id, row.id).await?;
    idempotency::commit(txn, StatusCode::CREATED, out).await
}

/// The page's form: a name, a monthly amount in units, and the key (equal or by size;
/// weights and tiers are the API's).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct ReserveForm {
    name: String,
    monthly: String,
    key: String,
}

impl ReserveForm {
    fn read(&self) -> Result<ReserveIn, FieldErrors> {
        let mut errors = FieldErrors::default();
        let monthly = super::forms::units(&mut errors, "monthly_cents", &self.monthly).ok_or(());
        let key = match self.key.as_str() {
            "size" => Some(SharingKey::Size),
            "equal" => Some(SharingKey::Equal),
            _ => {
                errors.add("key", "invalid-choice");
                None
            }
        };
        match (monthly, key) {
            (Ok(m), Some(key)) if errors.is_empty() => Ok(ReserveIn {
                name: self.name.clone(),
                monthly_cents: m,
                key,
            }),
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "money/reserves.html")]
struct Page {
    ctx: Ctx,
    reserves: Vec<ReserveOut>,
    form: ReserveForm,
    errors: FieldErrors,
}

impl Page {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn key_name(&self, key: &SharingKey) -> String {
        let k = match key {
            SharingKey::Equal => "equal",
            SharingKey::Size => "size",
            SharingKey::Weights { .. } => "weights",
            SharingKey::Tiers { .. } => "tiers",
        };
        self.ctx.t(&format!("proposals-key-{k}"))
    }
    fn key_is(&self, k: &str) -> bool {
        self.form.key == k
    }
}

async fn page(state: &AppState, ctx: Ctx, form: ReserveForm, errors: FieldErrors) -> AppResult<Page> {
    let user = require_user(&ctx)?;
    let reserves = reserves::list(&state.db.read, user.network.id).await?;
    Ok(Page {
        ctx,
        reserves,
        form,
        errors,
    })
}

/// The reserves and the form to set one up.
pub async fn page_list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let form = ReserveForm {
        key: "equal".into(),
        ..ReserveForm::default()
    };
    render(&page(&state, ctx, form, FieldErrors::default()).await?)
}

pub async fn page_create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<ReserveForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let valid = form.read().and_then(|input| input.validate());
    match valid {
        Ok(valid) => {
            let txn = state.db.write.begin().await?;
            reserves::create(&txn, Actor::person(user.person_id), user.network.id, &valid).await?;
            txn.commit().await?;
            Ok(see_other("/money/reserves"))
        }
        Err(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(&state, ctx, form, errors).await?,
        ),
    }
}
