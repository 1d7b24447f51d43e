//! The co-funding's jobs, both kept for jobs that earlier versions queued: the
//! announcement of a campaign enqueued before the notification service (schema version
//! 10), and the daily share digest, which the notifications' daily digest job now sends
//! (`funding::notifications::daily_share_changes`), inside the person's digest when
//! they get one.

use crate::jobs::{Ctx, JobError, Registry, handler};
use sea_orm::DatabaseTransaction;

/// The daily share digest of one network as earlier versions queued it: done by
/// nothing now (the daily digest job takes the changes; none is lost).
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
        .with(SHARE_DIGEST, handler(|_ctx, _txn| Box::pin(async { Ok(()) })))
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
