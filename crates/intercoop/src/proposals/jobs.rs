//! The proposals' jobs: the closing of a campaign at its deadline, and the announcement
//! of a proposal enqueued before the notification service (schema version 10).

use super::cofunding;
use super::data::get;
use crate::access::Doer;
use crate::error::AppError;
use crate::funding::entities::campaign;
use crate::jobs::{Ctx, JobError, NewJob, Registry, handler};
use intercoop_domain::funding::CampaignStatus;
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait};
use serde::{Deserialize, Serialize};

/// Close a campaign at its deadline: funded or lapsed.
pub const CLOSE_CAMPAIGN: &str = "proposals.close_campaign";

#[derive(Debug, Serialize, Deserialize)]
struct CampaignJob {
    campaign_id: i64,
    /// Its proposal, for the administrators' page of failed jobs (absent in jobs
    /// enqueued before it was added).
    #[serde(default)]
    proposal_id: Option<i64>,
}

/// Announce a published proposal: enqueued by versions before the notification service,
/// done by handing it to the service (a database upgraded with such a job pending).
pub const ANNOUNCE_BEFORE_V10: &str = "proposals.announce";

#[derive(Debug, Serialize, Deserialize)]
struct ProposalJob {
    proposal_id: i64,
}

/// The handlers of this feature's jobs.
pub fn register(r: Registry) -> Registry {
    r.with(CLOSE_CAMPAIGN, handler(|ctx, txn| Box::pin(close_campaign(ctx, txn))))
        .with(ANNOUNCE_BEFORE_V10, handler(|ctx, txn| Box::pin(announce(ctx, txn))))
}

async fn announce(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let job: ProposalJob = ctx.payload()?;
    match super::entities::proposal::Entity::find_by_id(job.proposal_id)
        .one(txn)
        .await?
    {
        Some(p) if p.announced_at.is_none() => Ok(super::notifications::posted(txn, &p).await?),
        _ => Ok(()),
    }
}

/// Enqueues the closing of a campaign at its deadline (once per campaign).
pub async fn close_at_deadline<C: ConnectionTrait>(conn: &C, c: &campaign::Model) -> Result<(), DbErr> {
    crate::jobs::enqueue(
        conn,
        NewJob::new(
            CLOSE_CAMPAIGN,
            &CampaignJob {
                campaign_id: c.id,
                proposal_id: Some(c.proposal_id),
            },
        )
        .at(c.deadline)
        .network(c.network_id)
        .unique(format!("close_campaign:{}", c.id)),
    )
    .await?;
    Ok(())
}

/// Closes the campaign as the system, unless it was closed (by hand, or withdrawn) or
/// is gone meanwhile.
async fn close_campaign(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let job: CampaignJob = ctx.payload()?;
    let Some(c) = campaign::Entity::find_by_id(job.campaign_id).one(txn).await? else {
        return Ok(());
    };
    if c.status != CampaignStatus::Open {
        return Ok(());
    }
    if crate::clock::now() < c.deadline {
        return Err(JobError::Fail(format!(
            "campaign {} is not due before {}",
            c.id, c.deadline
        )));
    }
    let p = get(txn, c.network_id, c.proposal_id).await?;
    match cofunding::close(txn, &Doer::system(), &p).await {
        Ok(_) | Err(AppError::Conflict("proposals-campaign-closed")) => Ok(()),
        Err(e) => Err(e.into()),
    }
}
