//! The co-funding's jobs: an opened campaign's announcement, and the daily digest of
//! share changes at 17:00 in each network's time zone.

use crate::jobs::{Ctx, Every, JobError, NewJob, Recurring, Registry, handler};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbErr};
use serde::{Deserialize, Serialize};

/// Announce an opened campaign to every representative.
pub const ANNOUNCE_CAMPAIGN: &str = "funding.announce_campaign";
/// The daily digest of share changes of one network.
pub const SHARE_DIGEST: &str = "funding.share_digest";

#[derive(Debug, Serialize, Deserialize)]
struct CampaignJob {
    campaign_id: i64,
}

/// The handlers of this feature's jobs.
pub fn register(r: Registry) -> Registry {
    r.with(ANNOUNCE_CAMPAIGN, handler(|ctx, txn| Box::pin(announce(ctx, txn))))
        .with(SHARE_DIGEST, handler(|ctx, txn| Box::pin(share_digest(ctx, txn))))
        .every(Recurring {
            kind: SHARE_DIGEST,
            every: Every::DayAt { hour: 17, minute: 0 },
        })
}

/// Enqueues the announcement of a campaign just opened (once per campaign).
pub async fn announce_later<C: ConnectionTrait>(conn: &C, network_id: i64, campaign_id: i64) -> Result<(), DbErr> {
    crate::jobs::enqueue(
        conn,
        NewJob::new(ANNOUNCE_CAMPAIGN, &CampaignJob { campaign_id })
            .network(network_id)
            .unique(format!("announce_campaign:{campaign_id}")),
    )
    .await?;
    Ok(())
}

async fn announce(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let job: CampaignJob = ctx.payload()?;
    super::notify::announce(txn, job.campaign_id, &ctx.state.config.base_url).await?;
    Ok(())
}

async fn share_digest(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let network = ctx
        .job
        .network_id
        .ok_or_else(|| JobError::Fail("a share digest without a network".into()))?;
    super::notify::send_share_digest(txn, Some(network), &ctx.state.config.base_url).await?;
    Ok(())
}
