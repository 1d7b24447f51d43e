//! The treasurer's overview (`GET /money`): books, runway, overdue and unmatched counts,
//! and a page of the organisations' totals for the year.

use super::reports::{self, MemberTotals, RunwayOut};
use super::{ledger, payments, policy, settings};
use crate::access::require;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::{Ctx, render, require_user};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use intercoop_domain::ledger::TrialBalance;

#[derive(Template)]
#[template(path = "money/overview.html")]
struct Overview {
    ctx: Ctx,
    books: TrialBalance,
    runway: RunwayOut,
    /// One page of the organisations' totals for this year, by name.
    members: Vec<MemberTotals>,
    page: u64,
    more: bool,
    overdue: u64,
    unmatched: u64,
    has_settings: bool,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct OverviewParams {
    page: Option<u64>,
}

/// Organisations per page of the overview's table.
const MEMBERS_PER_PAGE: u64 = 50;

/// `GET /money`: every figure is a count or a sum the database makes, and the table of
/// organisations is a page of 50, so that the page reads as much at scale 100 as at
/// scale 1 (it read the whole year's requests and every overdue request before: 188 ms
/// of CPU at scale 100, bench/RESULTS.md).
pub async fn overview(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<OverviewParams>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let db = &state.db.read;
    let network = user.network.id;
    let today = super::today(&user.network.time_zone);
    let page = params.page.unwrap_or(1).clamp(1, 100_000);
    let (members, more) = reports::by_member_page(
        db,
        network,
        i64::from(today.year()),
        (page - 1) * MEMBERS_PER_PAGE,
        MEMBERS_PER_PAGE,
    )
    .await?;
    render(&Overview {
        books: ledger::trial_totals(db, network).await?,
        runway: reports::runway(db, network, today).await?,
        members,
        page,
        more,
        overdue: reports::overdue_count(db, network, crate::db::now()).await?,
        unmatched: payments::unmatched_count(db, network).await?,
        has_settings: settings::get(db, network).await?.is_some(),
        ctx,
    })
}
