//! The rounds' jobs: telling participants when a round opens, reminding those with
//! allocation left 48 hours before it closes, closing it at its closing instant, and
//! asking each period of the pools' periodic contributions (daily).
//! The deadline itself is held by the placing write (`placements::place`); the close job
//! only computes the result when nobody closed the round by hand before.

use super::entities::round;
use crate::audit::Actor;
use crate::jobs::{Ctx, Every, JobError, NewJob, Recurring, Registry, handler};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait};
use serde::{Deserialize, Serialize};
use time::Duration;

/// Tell participants a round is open.
pub const OPENED: &str = "pools.opened";
/// Remind those with allocation left, 48 h before the close.
pub const REMIND: &str = "pools.remind";
/// Close a round at its closing instant.
pub const CLOSE: &str = "pools.close";

/// Ask the current period of every active pool schedule of a network (daily, 06:10 in
/// its time zone: the first run of a period asks it, later runs find it asked).
pub const PERIODIC: &str = "pools.periodic";

/// How long before the close the reminder goes.
pub const REMINDER_BEFORE: Duration = Duration::hours(48);

#[derive(Debug, Serialize, Deserialize)]
struct RoundJob {
    round_id: i64,
}

/// The handlers of this feature's jobs.
pub fn register(r: Registry) -> Registry {
    r.with(OPENED, handler(|ctx, txn| Box::pin(opened(ctx, txn))))
        .with(REMIND, handler(|ctx, txn| Box::pin(remind(ctx, txn))))
        .with(CLOSE, handler(|ctx, txn| Box::pin(close(ctx, txn))))
        .with(PERIODIC, handler(|ctx, txn| Box::pin(periodic(ctx, txn))))
        .every(Recurring {
            kind: PERIODIC,
            every: Every::DayAt { hour: 6, minute: 10 },
        })
}

async fn periodic(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let network = ctx
        .job
        .network_id
        .ok_or_else(|| JobError::Fail("pool periods without a network".into()))?;
    super::periodic::ask_network(txn, network).await?;
    Ok(())
}

/// Enqueues a new round's jobs (each once per round): the opening email at `opens_at`,
/// the reminder 48 h before `closes_at` (not before it opens; none when the round is
/// shorter), the close at `closes_at`.
pub async fn schedule<C: ConnectionTrait>(conn: &C, r: &round::Model) -> Result<(), DbErr> {
    let payload = RoundJob { round_id: r.id };
    crate::jobs::enqueue(
        conn,
        NewJob::new(OPENED, &payload)
            .at(r.opens_at)
            .network(r.network_id)
            .unique(format!("pool_round_opened:{}", r.id)),
    )
    .await?;
    let remind_at = r.closes_at - REMINDER_BEFORE;
    if remind_at > r.opens_at {
        crate::jobs::enqueue(
            conn,
            NewJob::new(REMIND, &payload)
                .at(remind_at)
                .network(r.network_id)
                .unique(format!("pool_round_remind:{}", r.id)),
        )
        .await?;
    }
    crate::jobs::enqueue(
        conn,
        NewJob::new(CLOSE, &payload)
            .at(r.closes_at)
            .network(r.network_id)
            .unique(format!("pool_round_close:{}", r.id)),
    )
    .await?;
    Ok(())
}

async fn round_of(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<Option<round::Model>, JobError> {
    let job: RoundJob = ctx.payload()?;
    Ok(round::Entity::find_by_id(job.round_id).one(txn).await?)
}

async fn opened(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    if let Some(r) = round_of(ctx, txn).await? {
        super::notifications::opened(txn, &r).await?;
    }
    Ok(())
}

async fn remind(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    if let Some(r) = round_of(ctx, txn).await? {
        super::notifications::reminder(txn, &r).await?;
    }
    Ok(())
}

async fn close(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    if let Some(r) = round_of(ctx, txn).await? {
        match super::close::close(txn, Actor::SYSTEM, r.network_id, r.id).await {
            // Moved later by hand? Not possible (no change of dates); a close before
            // the instant cannot happen as the job runs at it.
            Ok(()) | Err(crate::error::AppError::Conflict("pools-round-not-over")) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}
