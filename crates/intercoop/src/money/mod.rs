//! Money: payment requests (who owes what for what, numbered, with a payment reference
//! and an EPC QR code), payments (by hand or imported from bank statements, matched by
//! reference, then by amount and payer), the double-entry journal behind every money
//! event, membership fees, reminders, statements and the runway. The rules are the
//! domain's (`intercoop_domain::{bank, epc_qr, ledger, fees, payments, runway}`).
//!
//! # Layout
//! - `requests`: numbering without gaps, references, posting to the journal.
//! - `ledger`: the journal and balances; `check-books`.
//! - `settings`: payment settings and the budget; `fees`: schedules and billing.
//! - `payments`: recording, importing (`files`: camt.053 and CSV), matching;
//!   `credit`: a member's credit applied to its open requests, the oldest first.
//! - `reports`: statements, totals per member, runway; `qr`: the QR code.
//! - `held`: the money held per proposal (pledged, requested, paid, owed, paid out).
//! - `reserves`: shared recurring costs (monthly provisions, drawn by campaigns);
//!   `reserve_web`: their API; `reserve_pages`: their pages.
//! - `api`, `pages` (`overview_page`: the treasurer's overview), `forms`; `jobs`,
//!   `notifications`; `policy`.

pub mod api;
pub mod credit;
pub mod entities;
pub mod entries;
pub mod export;
pub mod fees;
pub mod files;
pub mod forms;
pub mod held;
pub mod jobs;
pub mod ledger;
pub mod notifications;
pub mod overview_page;
pub mod pages;
pub mod payments;
pub mod pdf;
pub mod policy;
pub mod qr;
pub mod reports;
pub mod request_pages;
pub mod requests;
pub mod reserve_pages;
pub mod reserve_web;
pub mod reserves;
pub mod settings;

use crate::access::Access::{Admin, Policy};
use crate::state::AppState;
use crate::web::route_table::Routes;
use axum::extract::FromRef;

/// Pages and API; who may use them is [`policy`]'s.
pub fn routes<S>() -> Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    const SEE: crate::access::Access = Policy("money::policy::see_account");
    Routes::new()
        .get("/money", Admin, overview_page::overview)
        .get("/money/settings", Admin, pages::settings_form)
        .post("/money/settings", Admin, pages::save_settings)
        .post("/money/budget", Admin, pages::save_budget)
        .get("/money/requests", Admin, request_pages::list)
        .get("/money/requests/new", Admin, request_pages::new_form)
        .post("/money/requests/new", Admin, request_pages::create)
        .get("/money/requests/{id}", SEE, request_pages::show)
        .get("/money/requests/{id}/qr.svg", SEE, request_pages::qr_svg)
        .get("/money/requests/{id}/pdf", SEE, request_pages::pdf)
        .post("/money/requests/{id}/payments", Admin, request_pages::record_payment)
        .post("/money/requests/{id}/cancel", Admin, request_pages::cancel)
        .get("/money/import", Admin, pages::import_form)
        .post_up_to("/money/import", Admin, pages::import, STATEMENT_MAX)
        .get("/money/unmatched", Admin, pages::unmatched)
        .post("/money/unmatched/{id}", Admin, pages::assign)
        .get("/money/fees", Admin, pages::fees)
        .post("/money/fees", Admin, pages::create_fees)
        .post("/money/fees/{id}/bill", Admin, pages::bill_fees)
        .get("/money/proposals", Admin, held::page)
        .get("/money/reserves", Admin, reserve_pages::page_list)
        .post("/money/reserves", Admin, reserve_pages::page_create)
        .get("/money/reserves/{id}", Admin, reserve_pages::page_show)
        .post("/money/reserves/{id}", Admin, reserve_pages::page_change)
        .post("/money/reserves/{id}/close", Admin, reserve_pages::page_close)
        .get("/money/journal.csv", Admin, export::journal)
        .get("/money/entries", Admin, pages::entry_form)
        .post("/money/entries", Admin, pages::record_entry)
        .get("/organisations/{id}/statement", SEE, pages::statement)
        .get("/organisations/{id}/statement.csv", SEE, export::statement)
        .get("/api/v1/network/payment-settings", Admin, api::get_settings)
        .put("/api/v1/network/payment-settings", Admin, api::put_settings)
        .put("/api/v1/network/budget", Admin, api::put_budget)
        .get("/api/v1/payment-requests", Admin, api::list_requests)
        .post("/api/v1/payment-requests", Admin, api::create_request)
        .get("/api/v1/payment-requests/{id}", SEE, api::show_request)
        .get("/api/v1/payment-requests/{id}/qr.svg", SEE, api::qr_svg)
        .get("/api/v1/payment-requests/{id}/qr.png", SEE, api::qr_png)
        .get("/api/v1/payment-requests/{id}/pdf", SEE, api::pdf)
        .post("/api/v1/payment-requests/{id}/cancel", Admin, api::cancel_request)
        .post("/api/v1/payments", Admin, api::record_payment)
        .get("/api/v1/payments/unmatched", Admin, api::unmatched)
        .post("/api/v1/payments/{id}/assign", Admin, api::assign)
        .post_up_to("/api/v1/bank-statements", Admin, api::import, STATEMENT_MAX)
        .get("/api/v1/ledger/trial-balance", Admin, api::trial_balance)
        .post("/api/v1/ledger/entries", Admin, api::record_entry)
        .get("/api/v1/organisations/{id}/statement", SEE, api::statement)
        .get("/api/v1/fee-schedules", Admin, api::list_fees)
        .post("/api/v1/fee-schedules", Admin, api::create_fees)
        .post("/api/v1/fee-schedules/{id}/bill", Admin, api::bill_fees)
        .get("/api/v1/money/members", Admin, api::members)
        .get("/api/v1/runway", Admin, api::runway)
        .get("/api/v1/money/proposals", Admin, held::api)
        .get("/api/v1/reserves", Admin, reserve_web::list)
        .post("/api/v1/reserves", Admin, reserve_web::create)
        .get("/api/v1/reserves/{id}", Admin, reserve_web::show)
        .patch("/api/v1/reserves/{id}", Admin, reserve_web::change)
        .post("/api/v1/reserves/{id}/close", Admin, reserve_web::close)
}

/// The largest bank statement file taken: 32 MiB, a camt.053 of some 25 000 entries
/// (other requests keep axum's 2 MB).
pub const STATEMENT_MAX: usize = crate::web::route_table::LARGE_BODY;

/// Today in the network's time zone.
pub fn today(time_zone: &str) -> time::Date {
    let now = crate::db::now();
    let tz = jiff::tz::TimeZone::get(time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::from_second(now.unix_timestamp())
        .ok()
        .and_then(|t| {
            let d = t.to_zoned(tz).date();
            time::Date::from_calendar_date(
                i32::from(d.year()),
                time::Month::try_from(d.month() as u8).ok()?,
                d.day() as u8,
            )
            .ok()
        })
        .unwrap_or(now.date())
}

/// [`today`] in the time zone of the network `network_id`, read from the network (404
/// for a network that does not exist): a day of the network's (a membership's, a pool
/// period's) is that day there, not in UTC.
pub async fn network_today<C: sea_orm::ConnectionTrait>(
    conn: &C,
    network_id: i64,
) -> crate::error::AppResult<time::Date> {
    use sea_orm::EntityTrait;
    let n = crate::entities::network::Entity::find_by_id(network_id)
        .one(conn)
        .await?
        .ok_or(crate::error::AppError::NotFound)?;
    Ok(today(&n.time_zone))
}

/// The OpenAPI paths of the money feature.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        api::get_settings,
        api::put_settings,
        api::put_budget,
        api::list_requests,
        api::create_request,
        api::show_request,
        api::qr_svg,
        api::qr_png,
        api::pdf,
        api::cancel_request,
        api::record_payment,
        api::unmatched,
        api::assign,
        api::import,
        api::trial_balance,
        api::record_entry,
        api::statement,
        api::list_fees,
        api::create_fees,
        api::bill_fees,
        api::members,
        api::runway,
        held::api,
        reserve_web::list,
        reserve_web::create,
        reserve_web::show,
        reserve_web::change,
        reserve_web::close,
    ),
    tags((name = "money", description = "Payment settings, payment requests with references and EPC QR codes, payments and bank statements, the journal, fees, statements and the runway"))
)]
pub struct ApiDoc;
