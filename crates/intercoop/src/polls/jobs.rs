//! The polls' jobs: opening a poll at its opening time, closing it at its closing time,
//! and reminding, before it, the voters who have not voted (the tidy-up: a ballot after
//! the closing time is refused by the write itself).

use crate::audit::Actor;
use crate::error::AppError;
use crate::jobs::{Ctx, JobError, NewJob, Registry, handler};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Open a draft poll at its opening time.
pub const OPEN: &str = "polls.open";
/// Close a poll at its closing time.
pub const CLOSE: &str = "polls.close";
/// Remind the voters who have not voted.
pub const REMIND: &str = "polls.remind";
/// After a secret poll's closing has committed: make what it deleted (the salt that tied
/// ballots to voters, the ballots in their order of casting) unreadable from the files.
pub const FORGET: &str = "polls.forget";

#[derive(Debug, Serialize, Deserialize)]
struct PollJob {
    poll_id: i64,
}

/// The handlers of this feature's jobs.
pub fn register(r: Registry) -> Registry {
    r.with(OPEN, handler(|ctx, txn| Box::pin(open(ctx, txn))))
        .with(CLOSE, handler(|ctx, txn| Box::pin(close(ctx, txn))))
        .with(REMIND, handler(|ctx, txn| Box::pin(remind(ctx, txn))))
        // The deleting itself is in the closing's transaction; nothing to do in this one.
        .with(FORGET, handler(|_, _| Box::pin(async { Ok(()) })))
        .after_commit(
            FORGET,
            std::sync::Arc::new(|state| Box::pin(async move { Ok(state.db.forget_deleted().await?) })),
        )
}

/// Enqueues, when a secret poll closes, the forgetting of what its closing deleted.
pub async fn forget<C: ConnectionTrait>(conn: &C, p: &super::entities::poll::Model) -> Result<(), DbErr> {
    crate::jobs::enqueue(
        conn,
        NewJob::new(FORGET, &PollJob { poll_id: p.id })
            .network(p.network_id)
            .unique(format!("poll_forget:{}", p.id)),
    )
    .await?;
    Ok(())
}

/// Enqueues, when a poll with an opening time is created, its opening then (once).
pub async fn open_at<C: ConnectionTrait>(
    conn: &C,
    p: &super::entities::poll::Model,
    at: OffsetDateTime,
) -> Result<(), DbErr> {
    crate::jobs::enqueue(
        conn,
        NewJob::new(OPEN, &PollJob { poll_id: p.id })
            .at(at)
            .network(p.network_id)
            .unique(format!("poll_open:{}", p.id)),
    )
    .await?;
    Ok(())
}

/// Opens the poll as the system, unless someone opened it by hand meanwhile. A poll that
/// cannot open (its closing time passed, its proposal moved, a size missing for a
/// weighted poll) fails for good with the reason, on the administrators' page.
async fn open(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let job: PollJob = ctx.payload()?;
    let Some(p) = super::entities::poll::Entity::find_by_id(job.poll_id).one(txn).await? else {
        return Ok(());
    };
    match super::life::open(txn, Actor::SYSTEM, p.network_id, p.id).await {
        Ok(()) | Err(AppError::Conflict("poll-transition")) => Ok(()),
        Err(AppError::Invalid(errors)) => Err(JobError::Fail(format!("the poll cannot open: {errors:?}"))),
        Err(e) => Err(e.into()),
    }
}

/// Enqueues, when a poll opens, its closing at `closes` and its reminder
/// (`intercoop_domain::voting::reminder_at`): once per poll.
pub async fn close_and_remind<C: ConnectionTrait>(
    conn: &C,
    p: &super::entities::poll::Model,
    opened: OffsetDateTime,
    closes: OffsetDateTime,
) -> Result<(), DbErr> {
    let payload = PollJob { poll_id: p.id };
    crate::jobs::enqueue(
        conn,
        NewJob::new(CLOSE, &payload)
            .at(closes)
            .network(p.network_id)
            .unique(format!("poll_close:{}", p.id)),
    )
    .await?;
    let stamp = |t: OffsetDateTime| jiff::Timestamp::from_second(t.unix_timestamp()).ok();
    if let (Some(o), Some(c)) = (stamp(opened), stamp(closes))
        && let Some(at) = intercoop_domain::voting::reminder_at(o, c)
        && let Ok(at) = OffsetDateTime::from_unix_timestamp(at.as_second())
    {
        crate::jobs::enqueue(
            conn,
            NewJob::new(REMIND, &payload)
                .at(at)
                .network(p.network_id)
                .unique(format!("poll_remind:{}", p.id)),
        )
        .await?;
    }
    Ok(())
}

/// Closes the poll as the system, unless someone closed it meanwhile.
async fn close(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let job: PollJob = ctx.payload()?;
    let Some(p) = super::entities::poll::Entity::find_by_id(job.poll_id).one(txn).await? else {
        return Ok(());
    };
    match super::life::close(txn, Actor::SYSTEM, p.network_id, p.id).await {
        Ok(_) | Err(AppError::Conflict("poll-transition")) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

async fn remind(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let job: PollJob = ctx.payload()?;
    super::notifications::reminder(txn, job.poll_id).await?;
    Ok(())
}
