//! The money held per proposal, for the treasurer: for each co-funding campaign, what
//! was pledged, what a reserve covers, what was requested from the members, paid, still
//! owed, paid to the provider, and what the network still holds for it. Read from the
//! campaigns' table by name (money sits below co-funding), the requests and the
//! journal; summed in Rust with checked arithmetic.

use super::entities::{ledger_entry, ledger_line, payment_request};
use crate::error::{AppError, AppResult};
use intercoop_domain::ledger::{AccountKind, EntryKind};
use intercoop_domain::payments::{PaymentPurpose, PaymentStatus};
use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// One proposal's money.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct ProposalMoney {
    pub proposal_id: i64,
    pub title: String,
    pub campaign_id: i64,
    /// The campaign's status: open, funded, lapsed or withdrawn.
    pub status: String,
    /// What the pledges cover (of the part shared).
    pub pledged_cents: i64,
    /// What a reserve of a shared recurring cost covers.
    pub from_reserve_cents: i64,
    /// Shares and catch-up shares asked of the members (not cancelled).
    pub requested_cents: i64,
    pub paid_cents: i64,
    /// Requested and not yet paid.
    pub owed_cents: i64,
    pub provider_paid_cents: i64,
    /// What the journal holds for it now (its project account).
    pub held_cents: i64,
}

fn add(a: &mut i64, b: i64) -> AppResult<()> {
    *a = a
        .checked_add(b)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("money per proposal out of range")))?;
    Ok(())
}

/// The money of every proposal of the network that has a campaign, newest first.
pub async fn per_proposal<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<ProposalMoney>> {
    let q = Query::select()
        .expr_as(Expr::col(("c", "id")), "campaign_id")
        .expr_as(Expr::col(("c", "proposal_id")), "proposal_id")
        .expr_as(Expr::col(("c", "status")), "status")
        .expr_as(Expr::col(("c", "covered_cents")), "covered_cents")
        .expr_as(Expr::col(("c", "reserve_cents")), "reserve_cents")
        .expr_as(Expr::col(("p", "title")), "title")
        .from_as("campaigns", "c")
        .join_as(
            JoinType::InnerJoin,
            "proposals",
            "p",
            Expr::col(("p", "id")).equals(("c", "proposal_id")),
        )
        .and_where(Expr::col(("c", "network_id")).eq(network_id))
        .order_by(("c", "id"), sea_orm::Order::Desc)
        .take();
    let mut out: BTreeMap<i64, ProposalMoney> = BTreeMap::new();
    for row in conn.query_all(&q).await? {
        let campaign_id: i64 = row.try_get("", "campaign_id")?;
        out.insert(
            campaign_id,
            ProposalMoney {
                proposal_id: row.try_get("", "proposal_id")?,
                title: row.try_get("", "title")?,
                campaign_id,
                status: row.try_get("", "status")?,
                pledged_cents: row.try_get("", "covered_cents")?,
                from_reserve_cents: row.try_get("", "reserve_cents")?,
                ..ProposalMoney::default()
            },
        );
    }
    if out.is_empty() {
        return Ok(Vec::new());
    }
    let requests: Vec<(Option<i64>, i64, i64)> = payment_request::Entity::find()
        .select_only()
        .column(payment_request::Column::CampaignId)
        .column(payment_request::Column::AmountCents)
        .column(payment_request::Column::PaidCents)
        .filter(payment_request::Column::NetworkId.eq(network_id))
        .filter(payment_request::Column::CampaignId.is_not_null())
        .filter(
            payment_request::Column::Purpose
                .is_in([PaymentPurpose::CoFunding.as_str(), PaymentPurpose::CatchUp.as_str()]),
        )
        .filter(payment_request::Column::Status.ne(PaymentStatus::Cancelled.as_str()))
        .into_tuple()
        .all(conn)
        .await?;
    for (campaign, amount, paid) in requests {
        if let Some(m) = campaign.and_then(|c| out.get_mut(&c)) {
            add(&mut m.requested_cents, amount)?;
            add(&mut m.paid_cents, std::cmp::min(paid, amount))?;
            add(&mut m.owed_cents, std::cmp::max(amount - paid, 0))?;
        }
    }
    // The project accounts' lines: their balance is what is held; the debits of
    // provider-paid entries are what the provider was paid.
    let lines: Vec<(i64, i64, i64)> = ledger_line::Entity::find()
        .select_only()
        .column(ledger_line::Column::EntryId)
        .column(ledger_line::Column::Party)
        .column(ledger_line::Column::AmountCents)
        .filter(ledger_line::Column::NetworkId.eq(network_id))
        .filter(ledger_line::Column::Account.eq(AccountKind::Project.as_str()))
        .into_tuple()
        .all(conn)
        .await?;
    let provider_entries: HashSet<i64> = ledger_entry::Entity::find()
        .select_only()
        .column(ledger_entry::Column::Id)
        .filter(ledger_entry::Column::NetworkId.eq(network_id))
        .filter(ledger_entry::Column::Kind.eq(EntryKind::ProviderPaid.as_str()))
        .into_tuple::<i64>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    for (entry, campaign, amount) in lines {
        if let Some(m) = out.get_mut(&campaign) {
            // A credit balance is money held: the opposite of the sum.
            add(&mut m.held_cents, amount.saturating_neg())?;
            if provider_entries.contains(&entry) {
                add(&mut m.provider_paid_cents, amount)?;
            }
        }
    }
    Ok(out.into_values().rev().collect())
}

/// The money held per proposal.
#[utoipa::path(get, path = "/api/v1/money/proposals", tag = "money",
    responses((status = 200, body = Vec<ProposalMoney>), (status = 403, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api(
    axum::extract::State(state): axum::extract::State<crate::state::AppState>,
    crate::api::ApiUser(user): crate::api::ApiUser,
) -> AppResult<crate::api::Json<Vec<ProposalMoney>>> {
    crate::access::require(super::policy::manage(&user.doer()))?;
    Ok(crate::api::Json(per_proposal(&state.db.read, user.network.id).await?))
}

#[derive(askama::Template)]
#[template(path = "money/held.html")]
struct Page {
    ctx: crate::web::Ctx,
    rows: Vec<ProposalMoney>,
}

/// The page of the money held per proposal.
pub async fn page(
    axum::extract::State(state): axum::extract::State<crate::state::AppState>,
    ctx: crate::web::Ctx,
) -> AppResult<axum::response::Response> {
    let user = crate::web::require_user(&ctx)?;
    crate::access::require(super::policy::manage(&user.doer()))?;
    let rows = per_proposal(&state.db.read, user.network.id).await?;
    crate::web::render(&Page { ctx, rows })
}
