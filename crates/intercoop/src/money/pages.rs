//! The treasurer's pages (the overview is `overview_page`): the payment settings and
//! budget, bank statement import, unmatched payments, fee schedules; and each
//! organisation's statement.

use super::entities::{fee_schedule, payment};
use super::forms::{AssignForm, BudgetForm, FeeForm, as_units};
use super::payments::{self, ImportOut};
use super::policy;
use super::reports::{self, OrgStatement};
use super::settings::{self, PaymentSettingsIn};
use super::{fees, requests};
use crate::access::require;
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use intercoop_domain::fees::BillingPeriod;
use sea_orm::TransactionTrait;

fn err(errors: &FieldErrors, ctx: &Ctx, field: &str) -> Option<String> {
    errors.get(field, ctx.lang)
}

#[derive(Template)]
#[template(path = "money/settings.html")]
struct SettingsPage {
    ctx: Ctx,
    input: PaymentSettingsIn,
    budget: BudgetForm,
    errors: FieldErrors,
}

impl SettingsPage {
    fn error(&self, field: &str) -> Option<String> {
        err(&self.errors, &self.ctx, field)
    }
    /// (field, label, value).
    fn settings_fields(&self) -> Vec<(&'static str, &'static str, String)> {
        let i = &self.input;
        vec![
            ("legal_name", "money-legal-name", i.legal_name.clone()),
            ("address", "money-address", i.address.clone()),
            ("iban", "money-iban", i.iban.clone()),
            ("bic", "money-bic", i.bic.clone().unwrap_or_default()),
        ]
    }
    /// (field, the API's field, label, value, input type).
    fn budget_fields(&self) -> Vec<(&'static str, &'static str, &'static str, String, &'static str)> {
        let b = &self.budget;
        vec![
            (
                "monthly_costs",
                "monthly_costs_cents",
                "money-monthly-costs",
                b.monthly_costs.clone(),
                "text",
            ),
            (
                "grant_monthly",
                "grant_monthly_cents",
                "money-grant",
                b.grant_monthly.clone(),
                "text",
            ),
            (
                "grant_ends_on",
                "grant_ends_on",
                "money-grant-ends-on",
                b.grant_ends_on.clone(),
                "date",
            ),
        ]
    }
}

async fn settings_page(state: &AppState, ctx: Ctx) -> AppResult<SettingsPage> {
    let user = require_user(&ctx)?;
    let network = user.network.id;
    let input = match settings::get(&state.db.read, network).await? {
        Some(s) => PaymentSettingsIn {
            legal_name: s.legal_name,
            address: s.address,
            iban: intercoop_domain::bank::Iban::parse(&s.iban)
                .map(|i| i.to_string())
                .unwrap_or(s.iban),
            bic: s.bic,
            reference_scheme: s.reference_scheme.to_string(),
        },
        None => PaymentSettingsIn {
            legal_name: user.network.name.clone(),
            reference_scheme: "be".into(),
            ..PaymentSettingsIn::default()
        },
    };
    let budget = match settings::budget(&state.db.read, network).await? {
        Some(b) => BudgetForm {
            monthly_costs: as_units(b.monthly_costs_cents),
            grant_monthly: as_units(b.grant_monthly_cents),
            grant_ends_on: b.grant_ends_on.map(|d| d.to_string()).unwrap_or_default(),
        },
        None => BudgetForm::default(),
    };
    Ok(SettingsPage {
        ctx,
        input,
        budget,
        errors: FieldErrors::default(),
    })
}

pub async fn settings_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    render(&settings_page(&state, ctx).await?)
}

pub async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<super::forms::SettingsForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let input = form.read();
    match input.validate() {
        Ok(valid) => {
            let txn = state.db.write.begin().await?;
            settings::put(&txn, Actor::person(user.person_id), user.network.id, &valid).await?;
            txn.commit().await?;
            Ok(see_other("/money/settings"))
        }
        Err(errors) => {
            let mut page = settings_page(&state, ctx).await?;
            page.input = input;
            page.errors = errors;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

pub async fn save_budget(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<BudgetForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    match form.read() {
        Ok(budget) => {
            let txn = state.db.write.begin().await?;
            settings::put_budget(&txn, Actor::person(user.person_id), user.network.id, &budget).await?;
            txn.commit().await?;
            Ok(see_other("/money"))
        }
        Err(errors) => {
            let mut page = settings_page(&state, ctx).await?;
            page.budget = form;
            page.errors = errors;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

#[derive(Template)]
#[template(path = "money/import.html")]
struct ImportPage {
    ctx: Ctx,
    result: Option<ImportOut>,
    errors: FieldErrors,
}

impl ImportPage {
    fn error(&self, field: &str) -> Option<String> {
        err(&self.errors, &self.ctx, field)
    }
}

pub async fn import_form(State(_state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    render(&ImportPage {
        ctx,
        result: None,
        errors: FieldErrors::default(),
    })
}

/// The statement file sent with the page's form (`multipart/form-data`: a file
/// field `statement` and the CSRF field, checked as `CsrfForm` checks it).
async fn uploaded(state: &AppState, headers: &HeaderMap, form: Multipart) -> AppResult<Vec<u8>> {
    let mut form = crate::web::files::UploadForm::read_page(state, headers, form).await?;
    match form.files.remove("statement") {
        Some(f) if !f.data.is_empty() => Ok(f.data),
        _ => Err(AppError::invalid("statement", "required")),
    }
}

pub async fn import(State(state): State<AppState>, ctx: Ctx, req: axum::extract::Request) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    // The body is read only once the doer may send it.
    let headers = req.headers().clone();
    let form = <Multipart as axum::extract::FromRequest<AppState>>::from_request(req, &state)
        .await
        .map_err(|e| AppError::BadRequest(e.to_string()))?;
    let result = match uploaded(&state, &headers, form).await {
        Ok(bytes) => {
            let txn = state.db.write.begin().await?;
            match payments::import(
                &txn,
                Actor::person(user.person_id),
                user.network.id,
                &user.network.currency,
                &bytes,
            )
            .await
            {
                Ok(out) => {
                    txn.commit().await?;
                    Ok(out)
                }
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(out) => render(&ImportPage {
            ctx,
            result: Some(out),
            errors: FieldErrors::default(),
        }),
        Err(AppError::Invalid(errors)) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ImportPage {
                ctx,
                result: None,
                errors,
            },
        ),
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "money/unmatched.html")]
struct UnmatchedPage {
    ctx: Ctx,
    payments: Vec<payment::Model>,
    errors: FieldErrors,
    failed: Option<i64>,
}

impl UnmatchedPage {
    fn error(&self, id: i64) -> Option<String> {
        if self.failed == Some(id) {
            self.errors.0.first().map(|e| e.text(self.ctx.lang))
        } else {
            None
        }
    }
}

pub async fn unmatched(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let payments = payments::unmatched(&state.db.read, user.network.id, 200).await?;
    render(&UnmatchedPage {
        ctx,
        payments,
        errors: FieldErrors::default(),
        failed: None,
    })
}

/// A request's number as printed (`2026-12`) → its id in the network.
async fn by_number<C: sea_orm::ConnectionTrait>(conn: &C, network_id: i64, number: &str) -> AppResult<Option<i64>> {
    use super::entities::payment_request;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let Some((year, n)) = number.trim().split_once('-') else {
        return Ok(None);
    };
    let (Ok(year), Ok(n)) = (year.trim().parse::<i64>(), n.trim().parse::<i64>()) else {
        return Ok(None);
    };
    Ok(payment_request::Entity::find()
        .filter(payment_request::Column::NetworkId.eq(network_id))
        .filter(payment_request::Column::Year.eq(year))
        .filter(payment_request::Column::Number.eq(n))
        .one(conn)
        .await?
        .map(|r| r.id))
}

pub async fn assign(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<AssignForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let id = crate::api::parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let result = match by_number(&txn, user.network.id, &form.number).await? {
        Some(request) => payments::assign(&txn, Actor::person(user.person_id), user.network.id, id, request).await,
        None => Err(AppError::invalid("payment_request_id", "request-unknown")),
    };
    match result {
        Ok(_) => {
            txn.commit().await?;
            Ok(see_other("/money/unmatched"))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            let payments = payments::unmatched(&state.db.read, user.network.id, 200).await?;
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &UnmatchedPage {
                    ctx,
                    payments,
                    errors,
                    failed: Some(id),
                },
            )
        }
        Err(e) => Err(e),
    }
}

/// A period's billing as the page shows it first: (period, label, organisations, total
/// asked in cents).
type Preview = (i64, String, usize, i64);

#[derive(Template)]
#[template(path = "money/fees.html")]
struct FeesPage {
    ctx: Ctx,
    schedules: Vec<fee_schedule::Model>,
    /// Per schedule: what billing each period would ask.
    previews: Vec<(i64, Vec<Preview>)>,
    form: FeeForm,
    errors: FieldErrors,
}

impl FeesPage {
    fn error(&self, field: &str) -> Option<String> {
        err(&self.errors, &self.ctx, field)
    }
    fn periods(&self) -> &'static [BillingPeriod] {
        BillingPeriod::ALL
    }
    fn preview(&self, schedule: i64) -> Vec<Preview> {
        self.previews
            .iter()
            .find(|(id, _)| *id == schedule)
            .map(|(_, p)| p.clone())
            .unwrap_or_default()
    }
}

async fn fees_page(state: &AppState, ctx: Ctx, form: FeeForm, errors: FieldErrors) -> AppResult<FeesPage> {
    let user = require_user(&ctx)?;
    let db = &state.db.read;
    let schedules = fees::list(db, user.network.id).await?;
    let mut previews = Vec::new();
    for s in schedules.iter().take(2) {
        let mut list = Vec::new();
        for period in 0..i64::from(s.period.per_year()) {
            let billed = fees::fees_of(db, s, period as i8).await?;
            let total: i64 = billed.iter().map(|b| b.fee.net().cents()).sum();
            let label = match *s.period {
                BillingPeriod::Yearly => s.year.to_string(),
                BillingPeriod::Quarterly => format!("{} Q{}", s.year, period + 1),
                BillingPeriod::Monthly => format!("{}-{:02}", s.year, period + 1),
            };
            list.push((period, label, billed.len(), total));
        }
        previews.push((s.id, list));
    }
    Ok(FeesPage {
        ctx,
        schedules,
        previews,
        form,
        errors,
    })
}

pub async fn fees(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let year = super::today(&user.network.time_zone).year();
    let form = FeeForm {
        year: year.to_string(),
        period: "yearly".into(),
        observer: "0: 120".into(),
        active: "0: 300\n1000: 420".into(),
        ..FeeForm::default()
    };
    render(&fees_page(&state, ctx, form, FieldErrors::default()).await?)
}

pub async fn create_fees(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<FeeForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let result = match form.read() {
        Ok(input) => match input.validate() {
            Ok(valid) => {
                let txn = state.db.write.begin().await?;
                match fees::create(&txn, Actor::person(user.person_id), user.network.id, &valid).await {
                    Ok(_) => {
                        txn.commit().await?;
                        Ok(())
                    }
                    Err(AppError::Conflict(code)) => {
                        let mut e = FieldErrors::default();
                        e.add("year", code);
                        Err(e)
                    }
                    Err(e) => return Err(e),
                }
            }
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(see_other("/money/fees")),
        Err(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &fees_page(&state, ctx, form, errors).await?,
        ),
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct BillForm {
    period: String,
}

pub async fn bill_fees(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<BillForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let id = crate::api::parse_id(&id)?;
    let period = form
        .period
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::invalid("period", "fee-period"))?;
    let txn = state.db.write.begin().await?;
    let s = fees::get(&txn, user.network.id, id).await?;
    fees::ask_billing(&txn, Actor::person(user.person_id), &s, period).await?;
    txn.commit().await?;
    Ok(see_other("/money/requests"))
}

#[derive(Template)]
#[template(path = "money/statement.html")]
struct StatementPage {
    ctx: Ctx,
    name: String,
    statement: OrgStatement,
    numbers: std::collections::BTreeMap<i64, String>,
}

impl StatementPage {
    fn number(&self, id: i64) -> String {
        self.numbers.get(&id).cloned().unwrap_or_default()
    }
}

pub async fn statement(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    require(policy::see_account(&user.doer(), id))?;
    let db = &state.db.read;
    let detail = crate::organisations::data::get(db, user.network.id, id).await?;
    let statement = reports::statement(db, user.network.id, id).await?;
    let mut numbers = std::collections::BTreeMap::new();
    for rid in statement.lines.iter().filter_map(|l| l.payment_request_id) {
        if let std::collections::btree_map::Entry::Vacant(v) = numbers.entry(rid)
            && let Ok(r) = requests::get(db, user.network.id, rid).await
        {
            v.insert(requests::number_of(&r));
        }
    }
    render(&StatementPage {
        ctx,
        name: detail.organisation.name,
        statement,
        numbers,
    })
}

#[derive(Template)]
#[template(path = "money/entry.html")]
struct EntryPage {
    ctx: Ctx,
    form: super::forms::EntryForm,
    errors: FieldErrors,
}

impl EntryPage {
    fn error(&self, field: &str) -> Option<String> {
        err(&self.errors, &self.ctx, field)
    }
    fn kinds(&self) -> [&'static str; 3] {
        ["grant-received", "operating-cost", "provider-paid"]
    }
    fn is_kind(&self, kind: &str) -> bool {
        self.form.kind == kind
    }
}

pub async fn entry_form(State(_state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    render(&EntryPage {
        ctx,
        form: super::forms::EntryForm {
            kind: "operating-cost".into(),
            ..Default::default()
        },
        errors: FieldErrors::default(),
    })
}

pub async fn record_entry(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<super::forms::EntryForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let result = match form.read() {
        Ok(input) => {
            let txn = state.db.write.begin().await?;
            match super::entries::record(&txn, Actor::person(user.person_id), user.network.id, &input).await {
                Ok(_) => {
                    txn.commit().await?;
                    return Ok(see_other("/money"));
                }
                Err(e) => e,
            }
        }
        Err(errors) => AppError::Invalid(errors),
    };
    match result {
        AppError::Invalid(errors) => render_status(StatusCode::UNPROCESSABLE_ENTITY, &EntryPage { ctx, form, errors }),
        e => Err(e),
    }
}
