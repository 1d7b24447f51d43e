//! Closing a campaign: funded when fully covered by enough participants (one payment
//! request per participant, and the part a reserve covers drawn from it), lapsed
//! otherwise (pledges released, and the reserve's earmark with them); and releasing the
//! pledges of a withdrawn proposal.

use super::campaign::{Locked, current_shares};
use super::entities::{campaign, pledge};
use super::summaries::refresh_summary;
use crate::db;
use crate::error::{AppError, AppResult};
use crate::money;
use crate::money::entities::payment_request;
use crate::money::requests::PaymentRequestOut;
use intercoop_domain::funding::{CampaignStatus, Outcome, PledgeStatus, outcome};
use intercoop_domain::sharing::Shares;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Serialize;

/// Releases every pledge of an open campaign and closes it with `status` (lapsed,
/// withdrawn). The campaign is held locked ([`Locked`]), as a pledge holds it: a pledge
/// made at the same moment is either released here or refused as too late, never kept
/// on a closed campaign.
pub async fn release<C: ConnectionTrait>(conn: &C, c: &Locked, status: CampaignStatus) -> AppResult<()> {
    close_as(conn, c, status).await?;
    pledge::Entity::update_many()
        .col_expr(pledge::Column::Status, Expr::val(PledgeStatus::Released.as_str()))
        .filter(pledge::Column::CampaignId.eq(c.id))
        .exec(conn)
        .await?;
    refresh_summary(conn, c.id).await
}

/// Moves an open campaign to `status`, if nobody closed it meanwhile: a conditional
/// update (`… WHERE status = 'open'`), so that it closes once (409 otherwise).
async fn close_as<C: ConnectionTrait>(conn: &C, c: &Locked, status: CampaignStatus) -> AppResult<()> {
    let moved = campaign::Entity::update_many()
        .col_expr(campaign::Column::Status, Expr::val(status.as_str()))
        .col_expr(campaign::Column::ClosedAt, Expr::val(Some(db::now())))
        .filter(campaign::Column::Id.eq(c.id))
        .filter(campaign::Column::Status.eq(CampaignStatus::Open.as_str()))
        .exec(conn)
        .await?;
    if moved.rows_affected == 1 {
        Ok(())
    } else {
        Err(AppError::Conflict("proposals-campaign-closed"))
    }
}

/// How a campaign closed.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Closed {
    /// funded or lapsed
    pub status: String,
    pub total_cents: i64,
    pub covered_cents: i64,
    pub shortfall_cents: i64,
    pub participants: i64,
    pub min_participants: i64,
    /// One per participant when funded.
    pub payment_requests: Vec<PaymentRequestOut>,
}
/// What closing left: how it closed (for the answer), the final split, and the payment
/// requests of a funded campaign.
pub struct Settled {
    pub closed: Closed,
    /// Funded, or lapsed and why (`intercoop_domain::funding::outcome`).
    pub outcome: Outcome,
    pub shares: Shares,
    pub requests: Vec<payment_request::Model>,
}

/// Settles an open campaign (the caller holds it locked) as the domain's
/// `intercoop_domain::funding::outcome` says: funded (payment requests created) when
/// the shortfall is zero and enough organisations take part, lapsed otherwise (pledges
/// released). The proposal's move is the caller's.
pub async fn settle<C: ConnectionTrait>(conn: &C, c: &Locked) -> AppResult<Settled> {
    let shares = current_shares(conn, c).await?;
    let participants = shares.participant_lines().count() as i64;
    // Stored within 1..=10 000 (`campaign::validate`); a negative one asks for nobody.
    let outcome = outcome(&shares, u64::try_from(c.min_participants).unwrap_or(0));
    let mut requests = Vec::new();
    if outcome.is_funded() {
        close_as(conn, c, CampaignStatus::Funded).await?;
        requests = money::requests::for_campaign(conn, c.network_id, c.id, &shares).await?;
        money::reserves::drawn(conn, c.network_id, c.id, c.reserve_id, c.reserve_cents).await?;
    } else {
        release(conn, c, CampaignStatus::Lapsed).await?;
    }
    Ok(Settled {
        closed: Closed {
            status: outcome.status().to_string(),
            total_cents: shares.total.cents(),
            covered_cents: shares.covered.cents(),
            shortfall_cents: shares.shortfall.cents(),
            participants,
            min_participants: c.min_participants,
            payment_requests: requests.iter().cloned().map(Into::into).collect(),
        },
        outcome,
        shares,
        requests,
    })
}
