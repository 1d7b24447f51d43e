//! The co-funding steps of a proposal's lifecycle: opening its campaign (→ funding),
//! closing it (→ funded or lapsed) and late adoption of delivered work. The money side
//! of each is `crate::funding`'s; the proposal's move, its timeline and who is told are
//! here.

use super::data::{get, status_of};
use super::entities::{proposal, quote};
use super::lifecycle::{check_can_move, move_to};
use super::quotes::{quote_total, select_quote};
use crate::access::Doer;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::funding::campaign::{self as campaigns, of as campaign_of};
use crate::funding::catch_up::Adoption;
use crate::funding::closing::{Closed, settle};
use crate::funding::entities::campaign;
use crate::funding::terms::CampaignBody;
use crate::organisations::data::require_member;
use crate::timeline::{EventInput, TimelineKind, add_event};
use intercoop_domain::funding::{CampaignStatus, Outcome};
use intercoop_domain::lifecycle::ProposalStatus;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// Opens the co-funding of a proposal (administrators, or a passed poll).
pub async fn open_campaign<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    body: &CampaignBody,
    poll_id: Option<i64>,
) -> AppResult<campaign::Model> {
    crate::access::require(crate::funding::policy::open_campaign(doer))?;
    check_can_move(conn, doer, p, ProposalStatus::Funding).await?;
    if campaign_of(conn, p.id).await?.is_some() {
        return Err(AppError::Conflict("proposals-campaign-exists"));
    }
    let (total, quote_id) = match (body.amount_cents, body.quote_id) {
        (Some(_), Some(_)) | (None, None) => {
            return Err(AppError::invalid("amount_cents", "proposals-amount-or-quote"));
        }
        (Some(a), None) => (a, None),
        (None, Some(qid)) => {
            let q = quote::Entity::find_by_id(qid)
                .filter(quote::Column::ProposalId.eq(p.id))
                .one(conn)
                .await?
                .ok_or_else(|| AppError::invalid("quote_id", "invalid-choice"))?;
            // The checked total: a quote stored before totals were checked may be out
            // of range, and is refused rather than shared wrapped.
            let total = quote_total(&q).map_err(|_| AppError::invalid("quote_id", "proposals-out-of-range"))?;
            (total.cents(), Some(q.id))
        }
    };
    let valid = campaigns::validate(conn, p.network_id, body, total).await?;
    let p = match quote_id {
        Some(q) if p.selected_quote_id != Some(q) => select_quote(conn, doer, p, q).await?,
        _ => p.clone(),
    };
    let row = campaigns::insert(conn, doer, p.network_id, p.id, quote_id, &valid).await?;
    move_to(conn, doer, &p, ProposalStatus::Funding, "", poll_id).await?;
    super::jobs::close_at_deadline(conn, &row).await?;
    Ok(row)
}

/// Closes a campaign: funded when fully covered with enough participants (one payment
/// request per participant, emailed), lapsed otherwise (pledges released, everyone told).
pub async fn close<C: ConnectionTrait>(conn: &C, doer: &Doer, p: &proposal::Model) -> AppResult<Closed> {
    crate::access::require(crate::funding::policy::close_campaign(doer))?;
    let c = campaigns::open_locked(conn, p.id).await?;
    // Read the proposal again under the lock: the caller's copy may predate the campaign.
    let p = &get(conn, p.network_id, p.id).await?;
    let settled = settle(conn, &c).await?;
    match settled.outcome {
        Outcome::Funded => {
            move_to(conn, doer, p, ProposalStatus::Funded, "", None).await?;
            crate::funding::notifications::funded(conn, &reference(p), &c, &settled.shares, &settled.requests).await?;
        }
        Outcome::Lapsed(reason) => {
            // The timeline records the domain's word for why (`LapseReason`).
            move_to(conn, doer, p, ProposalStatus::Lapsed, reason.as_str(), None).await?;
            crate::funding::notifications::lapsed(conn, &reference(p), &c, &settled.shares).await?;
        }
    }
    audit::record(
        conn,
        Change {
            network_id: Some(p.network_id),
            actor: doer.audit_actor(),
            action: "campaign.close",
            entity: "campaign",
            entity_id: Some(c.id),
        },
        Some(&*c),
        Some(&serde_json::json!({"status": settled.closed.status})),
    )
    .await?;
    Ok(settled.closed)
}

/// A late adopter of delivered work: its catch-up share, the credits to the earlier
/// funders and its payment request, on the timeline and told to those concerned.
pub async fn adopt<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    organisation_id: i64,
) -> AppResult<Adoption> {
    let org = require_member(conn, p.network_id, organisation_id, "organisation_id").await?;
    crate::access::require(crate::funding::policy::adopt_for(doer, organisation_id))?;
    if status_of(p) != ProposalStatus::Delivered {
        return Err(AppError::Conflict("proposals-not-delivered"));
    }
    let c = campaigns::locked(conn, p.id)
        .await?
        .filter(|c| c.status == CampaignStatus::Funded)
        .ok_or(AppError::Conflict("proposals-not-delivered"))?;
    let delivered = p.delivered_at.unwrap_or(p.updated_at);
    let adopted = crate::funding::catch_up::adopt(conn, doer, &c, &org, delivered).await?;
    add_event(
        conn,
        p.id,
        doer,
        EventInput {
            kind: TimelineKind::Adopted,
            from: None,
            to: None,
            reason: org.name.clone(),
            poll_id: None,
        },
    )
    .await?;
    crate::funding::notifications::adopted(
        conn,
        &reference(p),
        org.id,
        adopted.catch_up.id,
        &adopted.request,
        &adopted.adoption.credits,
    )
    .await?;
    Ok(adopted.adoption)
}

/// The proposal as the co-funding's emails name it.
pub fn reference(p: &proposal::Model) -> crate::funding::notifications::ProposalRef {
    crate::funding::notifications::ProposalRef {
        id: p.id,
        network_id: p.network_id,
        title: p.title.clone(),
        requested_by: p.requested_by,
    }
}
