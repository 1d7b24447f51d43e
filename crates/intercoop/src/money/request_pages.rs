//! Payment request pages: the treasurer's list, a new request, and each request's
//! printable page (the network's name, address and bank account, the amount, the due
//! date, the reference and the EPC QR code), where the treasurer records a payment or
//! cancels it (each saying what it does first).

use super::api::{self as money_api, RequestFilter, epc_payload};
use super::entities::{payment, payment_request, settings as settings_entity};
use super::forms::{PaymentForm, RequestForm};
use super::{payments, policy, requests, settings};
use crate::access::require;
use crate::api::Page;
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, Query, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use sea_orm::TransactionTrait;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "money/requests.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<(payment_request::Model, String)>,
    page: u64,
    pages: u64,
    total: i64,
    status: String,
}

impl ListPage {
    fn is_status(&self, s: &str) -> bool {
        self.status == s
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListParams {
    status: Option<String>,
    page: Option<u64>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(params): Query<ListParams>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let page = Page {
        page: params.page.unwrap_or(1),
        per_page: 50,
    };
    let filter = RequestFilter {
        status: params.status.clone(),
        ..RequestFilter::default()
    };
    let (rows, total) = money_api::list(&state.db, user.network.id, &filter, &page).await?;
    let names = crate::organisations::data::names(
        &state.db.read,
        &rows.iter().map(|r| r.organisation_id).collect::<Vec<_>>(),
    )
    .await?;
    let rows = rows
        .into_iter()
        .map(|r| {
            let name = names.get(&r.organisation_id).cloned().unwrap_or_default();
            (r, name)
        })
        .collect();
    render(&ListPage {
        ctx,
        rows,
        page: page.number(),
        pages: page.count(total),
        total,
        status: params.status.unwrap_or_default(),
    })
}

#[derive(Template)]
#[template(path = "money/request_form.html")]
struct FormPage {
    ctx: Ctx,
    form: RequestForm,
    organisations: Vec<(i64, String)>,
    errors: FieldErrors,
}

impl FormPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
}

async fn form_page(state: &AppState, ctx: Ctx, form: RequestForm, errors: FieldErrors) -> AppResult<FormPage> {
    let user = require_user(&ctx)?;
    let organisations = crate::organisations::data::member_choices(&state.db.read, user.network.id)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    Ok(FormPage {
        ctx,
        form,
        organisations,
        errors,
    })
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    render(&form_page(&state, ctx, RequestForm::default(), FieldErrors::default()).await?)
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<RequestForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let input = match form.read() {
        Ok(i) => i,
        Err(errors) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&state, ctx, form, errors).await?,
            );
        }
    };
    let txn = state.db.write.begin().await?;
    match money_api::validate_request(&txn, user.network.id, &user.network.time_zone, &input).await {
        Ok(new) => {
            let made = money_api::request_made(&txn, user.person_id, user.network.id, new).await?;
            txn.commit().await?;
            Ok(see_other(&format!("/money/requests/{}", made.id)))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&state, ctx, form, errors).await?,
            )
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "money/request.html")]
struct ShowPage {
    ctx: Ctx,
    r: payment_request::Model,
    organisation: String,
    settings: Option<settings_entity::Model>,
    iban: String,
    reference: String,
    /// Why there is no QR code, when there is none (a Fluent id).
    no_qr: Option<&'static str>,
    payments: Vec<payment::Model>,
    can_manage: bool,
    form: PaymentForm,
    errors: FieldErrors,
}

impl ShowPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn outstanding(&self) -> i64 {
        requests::outstanding(&self.r).cents()
    }
    fn number(&self) -> String {
        requests::number_of(&self.r)
    }
}

async fn show_page(state: &AppState, ctx: Ctx, id: i64, form: PaymentForm, errors: FieldErrors) -> AppResult<ShowPage> {
    let user = require_user(&ctx)?;
    let db = &state.db.read;
    let r = requests::get(db, user.network.id, id).await?;
    require(policy::see_account(&user.doer(), r.organisation_id))?;
    let organisation = crate::organisations::data::names(db, &[r.organisation_id])
        .await?
        .remove(&r.organisation_id)
        .unwrap_or_default();
    let settings = settings::get(db, user.network.id).await?;
    let no_qr = match &settings {
        None => Some("money-no-settings"),
        Some(s) => match epc_payload(&r, s, &user.network.currency) {
            Ok(_) => None,
            Err(AppError::Conflict("qr-currency")) => Some("error-qr-currency"),
            Err(_) => Some("money-no-qr"),
        },
    };
    let iban = settings
        .as_ref()
        .and_then(|s| intercoop_domain::bank::Iban::parse(&s.iban).ok())
        .map(|i| i.to_string())
        .unwrap_or_default();
    Ok(ShowPage {
        reference: requests::printed_reference(&r.reference),
        payments: payments::of_request(db, user.network.id, id).await?,
        can_manage: policy::manage(&user.doer()),
        organisation,
        settings,
        iban,
        no_qr,
        r,
        ctx,
        form,
        errors,
    })
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let id = crate::api::parse_id(&id)?;
    let form = PaymentForm::default();
    render(&show_page(&state, ctx, id, form, FieldErrors::default()).await?)
}

pub async fn qr_svg(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let payload = money_api::payload_of(&state.db.read, &user, crate::api::parse_id(&id)?).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        super::qr::svg(&payload)?,
    )
        .into_response())
}

pub async fn record_payment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<PaymentForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let id = crate::api::parse_id(&id)?;
    let input = match form.read(id) {
        Ok(i) => i,
        Err(errors) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(&state, ctx, id, form, errors).await?,
            );
        }
    };
    let txn = state.db.write.begin().await?;
    let today = super::today(&user.network.time_zone);
    match payments::record(&txn, Actor::person(user.person_id), user.network.id, &input, today).await {
        Ok(_) => {
            txn.commit().await?;
            Ok(see_other(&format!("/money/requests/{id}")))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &show_page(&state, ctx, id, form, errors).await?,
            )
        }
        Err(e) => Err(e),
    }
}

pub async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let id = crate::api::parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    requests::cancel(&txn, Actor::person(user.person_id), user.network.id, id).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/money/requests/{id}")))
}

/// The request as a PDF sheet in `lang` (what the printable page shows).
pub async fn sheet<C: sea_orm::ConnectionTrait>(
    conn: &C,
    user: &crate::auth::CurrentUser,
    id: i64,
    lang: crate::i18n::Lang,
) -> AppResult<Vec<u8>> {
    let r = requests::get(conn, user.network.id, id).await?;
    require(policy::see_account(&user.doer(), r.organisation_id))?;
    let organisation = crate::organisations::data::names(conn, &[r.organisation_id])
        .await?
        .remove(&r.organisation_id)
        .unwrap_or_default();
    let settings = settings::get(conn, user.network.id).await?;
    let money = |cents: i64| intercoop_domain::Money::from_cents(cents).format(lang.code(), &user.network.currency);
    let mut lines = Vec::new();
    if let Some(s) = &settings {
        lines.push((s.legal_name.clone(), s.address.clone()));
    }
    lines.push((lang.t("money-to"), organisation));
    let purpose = lang.t(&format!("money-purpose-{}", r.purpose.as_str()));
    lines.push((
        lang.t("money-for"),
        if r.label.is_empty() {
            purpose
        } else {
            format!("{purpose} · {}", r.label)
        },
    ));
    lines.push((lang.t("money-amount"), money(r.amount_cents)));
    if r.sponsored_cents > 0 {
        lines.push((lang.t("money-sponsored"), money(r.sponsored_cents)));
    }
    if r.paid_cents > 0 {
        lines.push((lang.t("money-paid"), money(r.paid_cents)));
    }
    lines.push((
        lang.t("money-due"),
        crate::web::format::date(&r.due_at, &user.network.time_zone, lang),
    ));
    if let Some(iban) = settings
        .as_ref()
        .and_then(|s| intercoop_domain::bank::Iban::parse(&s.iban).ok())
    {
        lines.push((lang.t("money-iban"), iban.to_string()));
    }
    if let Some(bic) = settings.as_ref().and_then(|s| s.bic.clone()) {
        lines.push((lang.t("money-bic"), bic));
    }
    lines.push((lang.t("money-reference"), requests::printed_reference(&r.reference)));
    let qr = match &settings {
        Some(s) if requests::outstanding(&r).is_positive() => epc_payload(&r, s, &user.network.currency).ok(),
        _ => None,
    };
    let sheet = super::pdf::Sheet {
        title: format!("{} {}", lang.t("money-request"), requests::number_of(&r)),
        lines,
        qr,
        caption: lang.t("money-qr-caption"),
    };
    tokio::task::spawn_blocking(move || super::pdf::render(&sheet))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(AppError::Internal)
}

/// The PDF response of a request.
pub fn pdf_response(id: i64, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"payment-request-{id}.pdf\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

pub async fn pdf(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let bytes = sheet(&state.db.read, &user, id, ctx.lang).await?;
    Ok(pdf_response(id, bytes))
}
