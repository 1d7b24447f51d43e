//! What an organisation has committed to (its current shares, pledged or fixed), owes
//! (payment requests) and is credited (catch-up credits).

use super::entities::proposal;
use crate::error::{AppError, AppResult};
use crate::funding::campaign::participants_of;
use crate::funding::entities::{campaign, catch_up, pledge};
use crate::funding::terms::terms_of;
use crate::money::entities::{credit, payment_request};
use crate::money::requests::PaymentRequestOut;
use crate::organisations::data::names as org_names;
use intercoop_domain::Money;
use intercoop_domain::funding::{CampaignStatus, PledgeStatus};
use intercoop_domain::sharing::compute_shares;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use time::OffsetDateTime;

/// One commitment of an organisation: its share in a campaign.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CommitmentOut {
    pub proposal_id: i64,
    pub title: String,
    pub proposal_status: String,
    pub campaign_status: String,
    /// Its current share (pledged or fixed).
    pub amount_cents: i64,
    pub cap_cents: Option<i64>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CreditLine {
    pub proposal_id: i64,
    pub title: String,
    pub adopter_name: String,
    pub amount_cents: i64,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
}

/// What an organisation has committed to, owes, and is credited.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Commitments {
    pub organisation_id: i64,
    pub organisation_name: String,
    pub pledges: Vec<CommitmentOut>,
    pub payment_requests: Vec<PaymentRequestOut>,
    pub credits: Vec<CreditLine>,
    /// Current shares in open campaigns.
    pub open_total_cents: i64,
    pub requested_total_cents: i64,
    pub credited_total_cents: i64,
}

pub async fn commitments<C: ConnectionTrait>(conn: &C, network_id: i64, org: i64) -> AppResult<Commitments> {
    let name = crate::organisations::data::of_network(conn, network_id, org)
        .await?
        .name;
    let pledges = pledge::Entity::find()
        .filter(pledge::Column::OrganisationId.eq(org))
        .filter(pledge::Column::Status.eq(PledgeStatus::Active.as_str()))
        .all(conn)
        .await?;
    let mut campaign_ids: BTreeSet<i64> = pledges.iter().map(|p| p.campaign_id).collect();
    let all_campaigns = campaign::Entity::find()
        .filter(campaign::Column::NetworkId.eq(network_id))
        .all(conn)
        .await?;
    // Fixed contributions are commitments too.
    for c in &all_campaigns {
        if terms_of(c).fixed.iter().any(|f| f.organisation_id == org) {
            campaign_ids.insert(c.id);
        }
    }
    let campaigns: Vec<&campaign::Model> = all_campaigns.iter().filter(|c| campaign_ids.contains(&c.id)).collect();
    let ids: Vec<i64> = campaigns.iter().map(|c| c.id).collect();
    let parts = participants_of(conn, &ids).await?;
    let proposal_ids: Vec<i64> = all_campaigns.iter().map(|c| c.proposal_id).collect();
    let proposals: BTreeMap<i64, proposal::Model> = if proposal_ids.is_empty() {
        BTreeMap::new()
    } else {
        proposal::Entity::find()
            .filter(proposal::Column::Id.is_in(proposal_ids))
            .all(conn)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect()
    };
    let mut out = Vec::new();
    for c in campaigns {
        let (mut all, adopters) = parts.get(&c.id).cloned().unwrap_or_default();
        all.extend(adopters);
        // Every stored split was computed when it was written: one that cannot be now is
        // an internal error naming the campaign, never a commitment of 0.
        let amount = compute_shares(&terms_of(c), &all)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("campaign {}: its split cannot be computed: {e}", c.id)))?
            .amount_of(org)
            .map_or(0, |m| m.cents());
        let Some(p) = proposals.get(&c.proposal_id) else {
            continue;
        };
        out.push(CommitmentOut {
            proposal_id: p.id,
            title: p.title.clone(),
            proposal_status: p.status.to_string(),
            campaign_status: c.status.to_string(),
            amount_cents: amount,
            cap_cents: pledges
                .iter()
                .find(|pl| pl.campaign_id == c.id)
                .and_then(|pl| pl.cap_cents),
        });
    }
    let requests: Vec<PaymentRequestOut> = payment_request::Entity::find()
        .filter(payment_request::Column::OrganisationId.eq(org))
        .filter(payment_request::Column::NetworkId.eq(network_id))
        .order_by_asc(payment_request::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect();
    let credit_rows = credit::Entity::find()
        .filter(credit::Column::OrganisationId.eq(org))
        .order_by_asc(credit::Column::Id)
        .all(conn)
        .await?;
    let catch_up_ids: Vec<i64> = credit_rows.iter().map(|c| c.catch_up_id).collect();
    let catch_ups: BTreeMap<i64, catch_up::Model> = if catch_up_ids.is_empty() {
        BTreeMap::new()
    } else {
        catch_up::Entity::find()
            .filter(catch_up::Column::Id.is_in(catch_up_ids))
            .all(conn)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect()
    };
    let adopter_ids: Vec<i64> = catch_ups.values().map(|c| c.organisation_id).collect();
    let adopters = org_names(conn, &adopter_ids).await?;
    let mut credits = Vec::new();
    for cr in credit_rows {
        let Some(cu) = catch_ups.get(&cr.catch_up_id) else {
            continue;
        };
        let Some(c) = all_campaigns.iter().find(|c| c.id == cu.campaign_id) else {
            continue;
        };
        let Some(p) = proposals.get(&c.proposal_id) else {
            continue;
        };
        credits.push(CreditLine {
            proposal_id: p.id,
            title: p.title.clone(),
            adopter_name: adopters.get(&cu.organisation_id).cloned().unwrap_or_default(),
            amount_cents: cr.amount_cents,
            created_at: cr.created_at,
        });
    }
    let open_total = total(
        out.iter()
            .filter(|c| c.campaign_status == CampaignStatus::Open.as_str())
            .map(|c| c.amount_cents),
    )?;
    let requested_total = total(requests.iter().map(|r| r.amount_cents))?;
    let credited_total = total(credits.iter().map(|c| c.amount_cents))?;
    Ok(Commitments {
        organisation_id: org,
        organisation_name: name,
        open_total_cents: open_total,
        requested_total_cents: requested_total,
        credited_total_cents: credited_total,
        pledges: out,
        payment_requests: requests,
        credits,
    })
}

/// The sum of an organisation's amounts, checked: each is in range, but an organisation
/// in many campaigns of huge amounts could exceed it, and a wrong total is worse than
/// an error.
fn total(cents: impl Iterator<Item = i64>) -> AppResult<i64> {
    Money::checked_sum(cents.map(Money::from_cents))
        .map(Money::cents)
        .map_err(|_| anyhow::anyhow!("an organisation's commitments add up beyond the range of amounts").into())
}
