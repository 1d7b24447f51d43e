//! The co-funding's jobs: the daily digest of share changes at 17:00 in each network's
//! time zone, and the announcement of a campaign enqueued before the notification
//! service (schema version 10).

use crate::jobs::{Ctx, Every, JobError, Recurring, Registry, handler};
use sea_orm::DatabaseTransaction;

/// The daily digest of share changes of one network.
pub const SHARE_DIGEST: &str = "funding.share_digest";

/// Announce an opened campaign: enqueued by versions before the notification service,
/// done by handing it to the service (a database upgraded with such a job pending).
pub const ANNOUNCE_BEFORE_V10: &str = "funding.announce_campaign";

#[derive(Debug, serde::Deserialize)]
struct CampaignJob {
    campaign_id: i64,
}

/// The handlers of this feature's jobs.
pub fn register(r: Registry) -> Registry {
    r.with(ANNOUNCE_BEFORE_V10, handler(|ctx, txn| Box::pin(announce(ctx, txn))))
        .with(SHARE_DIGEST, handler(|ctx, txn| Box::pin(share_digest(ctx, txn))))
        .every(Recurring {
            kind: SHARE_DIGEST,
            every: Every::DayAt { hour: 17, minute: 0 },
        })
}

async fn announce(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    use sea_orm::EntityTrait;
    let job: CampaignJob = ctx.payload()?;
    match super::entities::campaign::Entity::find_by_id(job.campaign_id)
        .one(txn)
        .await?
    {
        Some(c) => Ok(super::notifications::opened(txn, &c).await?),
        None => Ok(()),
    }
}

async fn share_digest(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let network = ctx
        .job
        .network_id
        .ok_or_else(|| JobError::Fail("a share digest without a network".into()))?;
    super::notifications::send_share_digest(txn, Some(network), &ctx.state.config.base_url).await?;
    Ok(())
}
