//! Money endpoints of the JSON API. Each answers from the same functions as the pages.

use super::entities::payment_request;
use super::fees::{self, FeeScheduleIn, FeeScheduleOut};
use super::ledger::{self, TrialBalanceOut};
use super::payments::{self, ImportOut, PaymentIn, PaymentOut};
use super::policy;
use super::reports::{self, MemberTotals, OrgStatement, RunwayOut};
use super::requests::{self, NewRequest, PaymentRequestOut};
use super::settings::{self, BudgetIn, PaymentSettingsIn, PaymentSettingsOut};
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, Page, Paginated, parse_id};
use crate::audit::Actor;
use crate::error::{AppError, AppResult};
use crate::idempotency;
use crate::state::AppState;
use crate::web::Query;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use intercoop_domain::Money;
use intercoop_domain::payments::{PaymentPurpose, PaymentStatus};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, TransactionTrait};
use serde::Deserialize;
use utoipa::ToSchema;

/// The network's payment settings (until they are set: an empty IBAN, the network's
/// name and the Belgian scheme).
#[utoipa::path(get, path = "/api/v1/network/payment-settings", tag = "money",
    responses((status = 200, body = PaymentSettingsOut), (status = 403, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn get_settings(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> AppResult<Json<PaymentSettingsOut>> {
    require(policy::manage(&user.doer()))?;
    Ok(Json(match settings::get(&state.db.read, user.network.id).await? {
        Some(s) => s.into(),
        None => PaymentSettingsOut {
            legal_name: user.network.name.clone(),
            address: String::new(),
            iban: String::new(),
            bic: None,
            reference_scheme: "be".into(),
        },
    }))
}

/// Sets the network's legal name, address, bank account (IBAN checked) and payment
/// reference scheme (`be` or `rf`).
#[utoipa::path(put, path = "/api/v1/network/payment-settings", tag = "money", request_body = PaymentSettingsIn,
    responses((status = 200, body = PaymentSettingsOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn put_settings(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<PaymentSettingsIn>,
) -> AppResult<(StatusCode, Json<PaymentSettingsOut>)> {
    require(policy::manage(&user.doer()))?;
    let valid = body.validate().map_err(AppError::Invalid)?;
    let txn = state.db.write.begin().await?;
    let row = settings::put(&txn, Actor::person(user.person_id), user.network.id, &valid).await?;
    idempotency::commit(txn, StatusCode::OK, PaymentSettingsOut::from(row)).await
}

/// Sets the network's monthly costs and grant (what the runway is computed from).
#[utoipa::path(put, path = "/api/v1/network/budget", tag = "money", request_body = BudgetIn,
    responses((status = 200, body = RunwayOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn put_budget(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<BudgetIn>,
) -> AppResult<(StatusCode, Json<RunwayOut>)> {
    require(policy::manage(&user.doer()))?;
    body.validate().map_err(AppError::Invalid)?;
    let txn = state.db.write.begin().await?;
    settings::put_budget(&txn, Actor::person(user.person_id), user.network.id, &body).await?;
    let answer = reports::runway(&txn, user.network.id, super::today(&user.network.time_zone)).await?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct RequestFilter {
    /// open, paid or cancelled
    pub status: Option<String>,
    pub organisation_id: Option<i64>,
    pub year: Option<i64>,
}

/// The network's payment requests, newest first.
#[utoipa::path(get, path = "/api/v1/payment-requests", tag = "money", params(Page, RequestFilter),
    responses((status = 200, body = Paginated<PaymentRequestOut>), (status = 403, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn list_requests(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(page): Query<Page>,
    Query(filter): Query<RequestFilter>,
) -> AppResult<Json<Paginated<PaymentRequestOut>>> {
    require(policy::manage(&user.doer()))?;
    let (items, total) = list(&state.db, user.network.id, &filter, &page).await?;
    Ok(Json(Paginated::new(
        items.into_iter().map(Into::into).collect(),
        &page,
        total,
    )))
}

/// One page of requests (the API's list and the treasurer's page), newest first, and
/// how many match. The total is counted once per database change on SQLite
/// ([`crate::db::fetch_page`]): counting walked every request of the network on each
/// page (65 000 at scale 100, five times the page's cost at scale 1).
pub async fn list(
    db: &crate::db::Db,
    network_id: i64,
    filter: &RequestFilter,
    page: &Page,
) -> AppResult<(Vec<payment_request::Model>, i64)> {
    let mut q = payment_request::Entity::find().filter(payment_request::Column::NetworkId.eq(network_id));
    if let Some(s) = filter.status.as_deref().filter(|s| !s.is_empty()) {
        let s = PaymentStatus::parse(s).ok_or_else(|| AppError::invalid("status", "invalid-value"))?;
        q = q.filter(payment_request::Column::Status.eq(s.as_str()));
    }
    if let Some(o) = filter.organisation_id {
        q = q.filter(payment_request::Column::OrganisationId.eq(o));
    }
    if let Some(y) = filter.year {
        q = q.filter(payment_request::Column::Year.eq(y));
    }
    let count = q
        .clone()
        .select_only()
        .expr(sea_orm::sea_query::Expr::cust("COUNT(*)"))
        .into_query();
    let rows = q
        .order_by_desc(payment_request::Column::Id)
        .offset(page.offset())
        .limit(page.limit())
        .into_query();
    Ok(crate::db::fetch_page(db, &rows, &count, page.offset()).await?)
}

/// A payment request asked by the treasurer.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestIn {
    pub organisation_id: i64,
    pub amount_cents: i64,
    /// What it is for, in words (shown on the request).
    pub purpose: String,
    /// The last day to pay (`YYYY-MM-DD`, in the network's time zone); 30 days on when left out.
    #[serde(default, with = "crate::api::iso_date::option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub due_on: Option<time::Date>,
}

/// Checks a request asked by hand (the API's and the page's) against the network.
pub async fn validate_request<C: sea_orm::ConnectionTrait>(
    conn: &C,
    network_id: i64,
    time_zone: &str,
    body: &RequestIn,
) -> AppResult<NewRequest> {
    let mut errors = crate::error::FieldErrors::default();
    if body.amount_cents <= 0 {
        errors.add("amount_cents", "amount-positive");
    } else if body.amount_cents > 99_999_999_999 {
        errors.add("amount_cents", "amount-out-of-range");
    }
    let label = errors.line("purpose", &body.purpose, 140);
    let member = crate::entities::membership::Entity::find()
        .filter(crate::entities::membership::Column::NetworkId.eq(network_id))
        .filter(crate::entities::membership::Column::OrganisationId.eq(body.organisation_id))
        .one(conn)
        .await?;
    if member.is_none() {
        errors.add("organisation_id", "organisation-unknown");
    }
    let today = super::today(time_zone);
    if body.due_on.is_some_and(|d| d < today) {
        errors.add("due_on", "date-past");
    }
    errors.into_result()?;
    let due_at = match body.due_on {
        Some(d) => crate::web::picked::end_of_day(&d.to_string(), time_zone)
            .ok_or_else(|| AppError::invalid("due_on", "invalid-value"))?,
        None => crate::db::now() + time::Duration::days(requests::PAYMENT_DAYS),
    };
    Ok(NewRequest {
        organisation_id: body.organisation_id,
        purpose: PaymentPurpose::Other,
        amount: Money::from_cents(body.amount_cents),
        sponsored: Money::ZERO,
        label: label.unwrap_or_default(),
        campaign_id: None,
        catch_up_id: None,
        fee: None,
        reserve: None,
        pool: None,
        due_at,
    })
}

/// Asks an organisation to pay: the request gets its number (without gaps in the
/// year) and its payment reference (the network's scheme).
#[utoipa::path(post, path = "/api/v1/payment-requests", tag = "money", request_body = RequestIn,
    responses((status = 201, body = PaymentRequestOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create_request(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<RequestIn>,
) -> AppResult<(StatusCode, Json<PaymentRequestOut>)> {
    require(policy::manage(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let new = validate_request(&txn, user.network.id, &user.network.time_zone, &body).await?;
    let made = request_made(&txn, user.person_id, user.network.id, new).await?;
    idempotency::commit(txn, StatusCode::CREATED, PaymentRequestOut::from(made)).await
}

/// Makes one request asked by hand, audited.
pub async fn request_made<C: sea_orm::ConnectionTrait>(
    conn: &C,
    person_id: i64,
    network_id: i64,
    new: NewRequest,
) -> AppResult<payment_request::Model> {
    let made = requests::create(conn, network_id, vec![new])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    crate::audit::record(
        conn,
        crate::audit::Change {
            network_id: Some(network_id),
            actor: Actor::person(person_id),
            action: "payment_request.create",
            entity: "payment_request",
            entity_id: Some(made.id),
        },
        None::<&()>,
        Some(&PaymentRequestOut::from(made.clone())),
    )
    .await?;
    Ok(made)
}

/// One payment request (its organisation's people, administrators).
#[utoipa::path(get, path = "/api/v1/payment-requests/{id}", tag = "money",
    responses((status = 200, body = PaymentRequestOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn show_request(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<PaymentRequestOut>> {
    let r = requests::get(&state.db.read, user.network.id, parse_id(&id)?).await?;
    require(policy::see_account(&user.doer(), r.organisation_id))?;
    Ok(Json(r.into()))
}

/// The EPC QR payload of a request the doer may see (422 `payment-settings-missing`
/// until the network has its bank account).
pub async fn payload_of<C: sea_orm::ConnectionTrait>(
    conn: &C,
    user: &crate::auth::CurrentUser,
    id: i64,
) -> AppResult<String> {
    let r = requests::get(conn, user.network.id, id).await?;
    require(policy::see_account(&user.doer(), r.organisation_id))?;
    let s = settings::get(conn, user.network.id)
        .await?
        .ok_or(AppError::Conflict("payment-settings-missing"))?;
    epc_payload(&r, &s, &user.network.currency)
}

/// The EPC QR payload of a request under the network's settings.
pub fn epc_payload(
    r: &payment_request::Model,
    s: &super::entities::settings::Model,
    currency: &str,
) -> AppResult<String> {
    use intercoop_domain::bank::{Bic, Iban, Reference};
    let stored =
        |what: &str| AppError::Internal(anyhow::anyhow!("stored {what} of network {} unreadable", s.network_id));
    let iban = Iban::parse(&s.iban).map_err(|_| stored("IBAN"))?;
    let bic = s
        .bic
        .as_deref()
        .map(Bic::parse)
        .transpose()
        .map_err(|_| stored("BIC"))?;
    let reference = Reference::parse(&r.reference).map_err(|_| stored("reference"))?;
    let amount = requests::outstanding(r);
    intercoop_domain::epc_qr::payload(&intercoop_domain::epc_qr::Transfer {
        currency,
        bic: bic.as_ref(),
        name: &s.legal_name,
        iban: &iban,
        amount,
        reference: &reference,
    })
    .map_err(|e| match e {
        intercoop_domain::epc_qr::EpcError::Currency => AppError::Conflict("qr-currency"),
        intercoop_domain::epc_qr::EpcError::Amount => AppError::Conflict("qr-amount"),
        _ => AppError::Conflict("qr-payload"),
    })
}

fn picture(content_type: &'static str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        body,
    )
        .into_response()
}

/// The request's EPC QR code (SEPA credit transfer, version 002) as SVG.
#[utoipa::path(get, path = "/api/v1/payment-requests/{id}/qr.svg", tag = "money",
    responses((status = 200, description = "image/svg+xml", content_type = "image/svg+xml", body = String), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn qr_svg(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let payload = payload_of(&state.db.read, &user, parse_id(&id)?).await?;
    Ok(picture("image/svg+xml", super::qr::svg(&payload)?.into_bytes()))
}

/// The request's EPC QR code as PNG.
#[utoipa::path(get, path = "/api/v1/payment-requests/{id}/qr.png", tag = "money",
    responses((status = 200, description = "image/png", content_type = "image/png", body = Vec<u8>), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn qr_png(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let payload = payload_of(&state.db.read, &user, parse_id(&id)?).await?;
    let png = tokio::task::spawn_blocking(move || super::qr::png(&payload))
        .await
        .map_err(|e| AppError::Internal(e.into()))??;
    Ok(picture("image/png", png))
}

/// The request as a one-page PDF with its QR code, in the network's language.
#[utoipa::path(get, path = "/api/v1/payment-requests/{id}/pdf", tag = "money",
    responses((status = 200, description = "application/pdf", content_type = "application/pdf", body = Vec<u8>), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn pdf(State(state): State<AppState>, ApiUser(user): ApiUser, Path(id): Path<String>) -> AppResult<Response> {
    let id = parse_id(&id)?;
    let lang = *user.network.default_language;
    let bytes = super::request_pages::sheet(&state.db.read, &user, id, lang).await?;
    Ok(super::request_pages::pdf_response(id, bytes))
}

/// Cancels an unpaid request (nothing more is owed; a payment for it is refused).
#[utoipa::path(post, path = "/api/v1/payment-requests/{id}/cancel", tag = "money",
    responses((status = 200, body = PaymentRequestOut), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn cancel_request(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<PaymentRequestOut>)> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let r = requests::cancel(&txn, Actor::person(user.person_id), user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::OK, PaymentRequestOut::from(r)).await
}

/// Records a payment of a request by hand (partial, exact, or more: the rest is the
/// organisation's credit).
#[utoipa::path(post, path = "/api/v1/payments", tag = "money", request_body = PaymentIn,
    responses((status = 201, body = PaymentOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn record_payment(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<PaymentIn>,
) -> AppResult<(StatusCode, Json<PaymentOut>)> {
    require(policy::manage(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let today = super::today(&user.network.time_zone);
    let p = payments::record(&txn, Actor::person(user.person_id), user.network.id, &body, today).await?;
    idempotency::commit(txn, StatusCode::CREATED, PaymentOut::from(p)).await
}

/// The payments waiting for the treasurer to say whose they are (oldest first, 500 at most).
#[utoipa::path(get, path = "/api/v1/payments/unmatched", tag = "money",
    responses((status = 200, body = Vec<PaymentOut>), (status = 403, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn unmatched(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<Vec<PaymentOut>>> {
    require(policy::manage(&user.doer()))?;
    let rows = payments::unmatched(&state.db.read, user.network.id, 500).await?;
    Ok(Json(rows.into_iter().map(Into::into).collect()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignIn {
    pub payment_request_id: i64,
}

/// Says which request an unmatched payment pays.
#[utoipa::path(post, path = "/api/v1/payments/{id}/assign", tag = "money", request_body = AssignIn,
    responses((status = 200, body = PaymentOut), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn assign(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AssignIn>,
) -> AppResult<(StatusCode, Json<PaymentOut>)> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = payments::assign(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        id,
        body.payment_request_id,
    )
    .await?;
    idempotency::commit(txn, StatusCode::OK, PaymentOut::from(p)).await
}

/// Imports a bank statement: the body is the file, ISO 20022 camt.053 XML or CSV. It
/// applies whole or not at all; the same file again changes nothing.
#[utoipa::path(post, path = "/api/v1/bank-statements", tag = "money",
    request_body(content = String, content_type = "application/xml", description = "camt.053 XML, or CSV (text/csv) with a header row"),
    responses((status = 201, body = ImportOut), (status = 200, body = ImportOut, description = "imported before: nothing changed"), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn import(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    body: Bytes,
) -> AppResult<(StatusCode, Json<ImportOut>)> {
    require(policy::manage(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let out = payments::import(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        &user.network.currency,
        &body,
    )
    .await?;
    let status = if out.already_imported {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    idempotency::commit(txn, status, out).await
}

/// The trial balance: every account's balance; debits equal credits. The JSON is the
/// database's (`ledger::trial_balance_json`): the same fields as [`TrialBalanceOut`].
#[utoipa::path(get, path = "/api/v1/ledger/trial-balance", tag = "money",
    responses((status = 200, body = TrialBalanceOut), (status = 403, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn trial_balance(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Response> {
    require(policy::manage(&user.doer()))?;
    let body = ledger::trial_balance_json(&state.db.read, user.network.id).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// Records a grant received, an operating cost paid, or a provider paid for a funded
/// campaign out of the money held for it: one balanced entry of the journal.
#[utoipa::path(post, path = "/api/v1/ledger/entries", tag = "money", request_body = super::entries::EntryIn,
    responses((status = 201, body = super::entries::EntryOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn record_entry(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<super::entries::EntryIn>,
) -> AppResult<(StatusCode, Json<super::entries::EntryOut>)> {
    require(policy::manage(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let out = super::entries::record(&txn, Actor::person(user.person_id), user.network.id, &body).await?;
    idempotency::commit(txn, StatusCode::CREATED, out).await
}

/// An organisation's statement: what it was asked, paid and credited (its people,
/// administrators).
#[utoipa::path(get, path = "/api/v1/organisations/{id}/statement", tag = "money",
    responses((status = 200, body = OrgStatement), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn statement(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<OrgStatement>> {
    let id = parse_id(&id)?;
    require(policy::see_account(&user.doer(), id))?;
    crate::organisations::data::get(&state.db.read, user.network.id, id).await?;
    Ok(Json(reports::statement(&state.db.read, user.network.id, id).await?))
}

/// The network's fee schedules, newest year first.
#[utoipa::path(get, path = "/api/v1/fee-schedules", tag = "money",
    responses((status = 200, body = Vec<FeeScheduleOut>), (status = 403, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn list_fees(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<Vec<FeeScheduleOut>>> {
    require(policy::manage(&user.doer()))?;
    let rows = fees::list(&state.db.read, user.network.id).await?;
    Ok(Json(rows.into_iter().map(Into::into).collect()))
}

/// Makes a year's fee schedule.
#[utoipa::path(post, path = "/api/v1/fee-schedules", tag = "money", request_body = FeeScheduleIn,
    responses((status = 201, body = FeeScheduleOut), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create_fees(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<FeeScheduleIn>,
) -> AppResult<(StatusCode, Json<FeeScheduleOut>)> {
    require(policy::manage(&user.doer()))?;
    let valid = body.validate().map_err(AppError::Invalid)?;
    let txn = state.db.write.begin().await?;
    let row = fees::create(&txn, Actor::person(user.person_id), user.network.id, &valid).await?;
    idempotency::commit(txn, StatusCode::CREATED, FeeScheduleOut::from(row)).await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BillIn {
    /// The period to bill, from 0 (the year; a quarter 0–3; a month 0–11).
    pub period: i64,
}

/// Bills a period of a schedule: each member organisation that owes gets its request
/// and an email (done by a job, once).
#[utoipa::path(post, path = "/api/v1/fee-schedules/{id}/bill", tag = "money", request_body = BillIn,
    responses((status = 202, body = FeeScheduleOut), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn bill_fees(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<BillIn>,
) -> AppResult<(StatusCode, Json<FeeScheduleOut>)> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let s = fees::get(&txn, user.network.id, id).await?;
    fees::ask_billing(&txn, Actor::person(user.person_id), &s, body.period).await?;
    idempotency::commit(txn, StatusCode::ACCEPTED, FeeScheduleOut::from(s)).await
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct YearFilter {
    pub year: Option<i64>,
}

/// Asked, paid and outstanding per member organisation (a year's requests, or all).
#[utoipa::path(get, path = "/api/v1/money/members", tag = "money", params(YearFilter),
    responses((status = 200, body = Vec<MemberTotals>), (status = 403, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn members(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(filter): Query<YearFilter>,
) -> AppResult<Json<Vec<MemberTotals>>> {
    require(policy::manage(&user.doer()))?;
    Ok(Json(
        reports::by_member(&state.db.read, user.network.id, filter.year).await?,
    ))
}

/// The runway: how many months the money lasts at the current costs and income, and
/// the monthly fee per member that would make the network last.
#[utoipa::path(get, path = "/api/v1/runway", tag = "money",
    responses((status = 200, body = RunwayOut), (status = 403, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn runway(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<RunwayOut>> {
    require(policy::manage(&user.doer()))?;
    let today = super::today(&user.network.time_zone);
    Ok(Json(reports::runway(&state.db.read, user.network.id, today).await?))
}
