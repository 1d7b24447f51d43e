//! Sending notices: the job that sends one (asking its audience), a notice enqueued in
//! the transaction of its change, one sent now (a security message), one held for the
//! digest.

use super::delivery::deliver;
use super::{Addressee, Audiences, Notice, addresses, digest};
use crate::error::{AppError, AppResult};
use crate::jobs::{Ctx, JobError, NewJob, Registry, handler};
use sea_orm::{ConnectionTrait, DatabaseTransaction};
use std::sync::Arc;

/// The job that sends a notice.
pub const SEND: &str = "notifications.send";

/// Enqueues a notice, in the transaction of the change it tells. With `once`, a notice
/// with the same key is never sent twice (`campaign_opened:12`).
pub async fn notify<C: ConnectionTrait>(conn: &C, notice: Notice, once: Option<String>) -> AppResult<()> {
    if crate::mail::is_discarding() {
        return Ok(());
    }
    let mut job = NewJob::new(SEND, &notice).network(notice.network_id);
    if let Some(key) = once {
        job = job.unique(key);
    }
    crate::jobs::enqueue(conn, job).await?;
    Ok(())
}

/// Registers the jobs of the service: sending notices (with the audiences) and each
/// network's daily digest at 17:00 in its time zone.
pub fn register(r: Registry, audiences: Audiences) -> Registry {
    let audiences = Arc::new(audiences);
    let for_send = audiences.clone();
    let r = r.with(
        SEND,
        handler(move |ctx, txn| {
            let audiences = for_send.clone();
            Box::pin(async move { send(ctx, txn, &audiences).await })
        }),
    );
    digest::register(r, audiences)
}

async fn send(ctx: &Ctx, txn: &DatabaseTransaction, audiences: &Audiences) -> Result<(), JobError> {
    let notice: Notice = ctx.payload()?;
    if let Some(a) = audiences.by_address.get(&notice.kind) {
        let base_url = &ctx.state.config.base_url;
        let to = a(txn, &notice, base_url).await?;
        addresses::deliver(txn, base_url, &notice, to).await?;
        return Ok(());
    }
    let to = match &notice.to {
        Some(to) => to.clone(),
        None => {
            let a = audiences
                .by_kind
                .get(&notice.kind)
                .ok_or_else(|| JobError::Fail(format!("no audience for notices of kind {}", notice.kind)))?;
            a(txn, &notice).await?
        }
    };
    let everyone = to.len();
    let delivery = deliver(txn, &ctx.state.config.base_url, &notice, to).await?;
    if delivery.held_back.is_empty() {
        return Ok(());
    }
    let why = delivery.reasons();
    if delivery.held_back.len() == everyone {
        // Nobody else to tell: this job is the one that waits for the row to be fixed.
        return Err(JobError::Retry(format!("unreadable stored values: {why}")));
    }
    // The others are told now; those held back get a notice of their own, whose job
    // fails with the reason until the row is fixed (the jobs page shows it).
    tracing::error!(kind = %notice.kind, network = notice.network_id, %why, "people held back from a notice");
    let retry = Notice {
        to: Some(delivery.held_back.into_iter().map(|(a, _)| a).collect()),
        ..notice
    };
    crate::jobs::enqueue(txn, NewJob::new(SEND, &retry).network(retry.network_id)).await?;
    Ok(())
}

/// Sends a notice to given addressees now, in the caller's transaction (a security
/// message the person waits for; a digest made now). Returns how many emails.
///
/// Errors: the database's, or an addressee's unreadable stored value (named).
pub async fn send_now<C: ConnectionTrait>(conn: &C, base_url: &str, notice: Notice) -> AppResult<usize> {
    let to = notice.to.clone().unwrap_or_default();
    let delivery = deliver(conn, base_url, &notice, to).await?;
    if !delivery.held_back.is_empty() {
        return Err(AppError::Db(sea_orm::DbErr::Type(delivery.reasons())));
    }
    Ok(delivery.sent)
}

/// Keeps a notice for each addressee's next daily digest (a list message for those who
/// chose the digest for that list), whatever their choice for the kind.
pub async fn hold_for_digest<C: ConnectionTrait>(conn: &C, notice: &Notice, to: &[Addressee]) -> AppResult<()> {
    if crate::mail::is_discarding() {
        return Ok(());
    }
    let named = Notice {
        to: Some(to.to_vec()),
        ..notice.clone()
    };
    for a in to {
        digest::hold(conn, &named, a).await?;
    }
    Ok(())
}
