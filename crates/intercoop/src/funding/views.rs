//! Read models of a campaign shared by the pages and the API: its split with names and
//! caps, and the campaign as the proposal shows it.

use super::campaign::current_shares;
use super::entities::{campaign, pledge};
use crate::error::AppResult;
use crate::organisations::data::names as org_names;
use intercoop_domain::sharing::Shares;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Serialize;
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// A share line with the organisation's name.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ShareOut {
    pub organisation_id: i64,
    pub organisation_name: String,
    pub amount_cents: i64,
    pub fixed: bool,
    /// Held at the organisation's cap.
    pub capped: bool,
    pub cap_cents: Option<i64>,
}

/// The split of a campaign, as `GET /api/v1/proposals/{id}/shares` gives it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SharesOut {
    pub total_cents: i64,
    pub covered_cents: i64,
    pub shortfall_cents: i64,
    pub shares: Vec<ShareOut>,
}

pub async fn shares_out<C: ConnectionTrait>(conn: &C, c: &campaign::Model, shares: &Shares) -> AppResult<SharesOut> {
    let caps: BTreeMap<i64, Option<i64>> = pledge::Entity::find()
        .filter(pledge::Column::CampaignId.eq(c.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.organisation_id, p.cap_cents))
        .collect();
    shares_out_with_caps(conn, shares, &caps, &BTreeMap::new()).await
}

/// [`shares_out`] when the caller already holds the pledgers' caps and names (after a
/// pledge): the names of other lines (fixed contributions) are read, if there are any.
pub async fn shares_out_with_caps<C: ConnectionTrait>(
    conn: &C,
    shares: &Shares,
    caps: &BTreeMap<i64, Option<i64>>,
    known: &BTreeMap<i64, String>,
) -> AppResult<SharesOut> {
    let missing: Vec<i64> = shares
        .lines
        .iter()
        .map(|l| l.organisation_id)
        .filter(|id| !known.contains_key(id))
        .collect();
    let mut names = org_names(conn, &missing).await?;
    names.extend(known.iter().map(|(id, name)| (*id, name.clone())));
    Ok(SharesOut {
        total_cents: shares.total.cents(),
        covered_cents: shares.covered.cents(),
        shortfall_cents: shares.shortfall.cents(),
        shares: shares
            .lines
            .iter()
            .map(|l| ShareOut {
                organisation_id: l.organisation_id,
                organisation_name: names.get(&l.organisation_id).cloned().unwrap_or_default(),
                amount_cents: l.amount.cents(),
                fixed: l.fixed,
                capped: l.capped,
                cap_cents: caps.get(&l.organisation_id).copied().flatten(),
            })
            .collect(),
    })
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CampaignOut {
    pub id: i64,
    pub status: String,
    pub amount_cents: i64,
    pub quote_id: Option<i64>,
    #[schema(value_type = Object)]
    pub key: serde_json::Value,
    /// Fixed contributions: `[{"organisation_id": 4, "amount": {"cents": 100000}}]` or
    /// `… "amount": {"percent": {"basis_points": 1000}}` (10 %).
    #[schema(value_type = Vec<Object>)]
    pub fixed: serde_json::Value,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub deadline: OffsetDateTime,
    pub min_participants: i64,
    pub catch_up_years: i64,
    pub shares: SharesOut,
    /// What the work costs: the part a reserve covers plus `amount_cents`, the part
    /// shared among the pledgers.
    pub cost_cents: i64,
    /// The reserve of a shared recurring cost drawn on first, if any.
    pub reserve: Option<CampaignReserve>,
}

/// The reserve a campaign draws on and the part of the cost it covers.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CampaignReserve {
    pub reserve_id: i64,
    pub name: String,
    /// Earmarked while the campaign is open, drawn when it is funded.
    pub covers_cents: i64,
}
/// A campaign with its current split.
pub async fn campaign_out<C: ConnectionTrait>(conn: &C, c: &campaign::Model) -> AppResult<CampaignOut> {
    let shares = current_shares(conn, c).await?;
    Ok(CampaignOut {
        id: c.id,
        status: c.status.to_string(),
        amount_cents: c.amount_cents,
        quote_id: c.quote_id,
        key: serde_json::to_value(&c.sharing_key).map_err(anyhow::Error::from)?,
        fixed: serde_json::to_value(&c.fixed).map_err(anyhow::Error::from)?,
        deadline: c.deadline,
        min_participants: c.min_participants,
        catch_up_years: c.catch_up_years,
        shares: shares_out(conn, c, &shares).await?,
        cost_cents: c.amount_cents.saturating_add(c.reserve_cents),
        reserve: match c.reserve_id {
            Some(id) => Some(CampaignReserve {
                reserve_id: id,
                name: crate::money::reserves::get(conn, c.network_id, id).await?.name,
                covers_cents: c.reserve_cents,
            }),
            None => None,
        },
    })
}
