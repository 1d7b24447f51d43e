//! The meetings' jobs: the invitation (four weeks before, or at once when the meeting is
//! nearer), the update or cancellation sent to those invited, the reminders (7 days and
//! 1 day before by default), and the daily scheduling of recurring meetings a year
//! ahead. Each is idempotent: the notices carry once-keys, and a job made stale by a
//! later change (a reminder for a time the meeting no longer has) does nothing.

use super::entities::meeting;
use super::ics::{self, Method, Organizer};
use super::notifications;
use crate::jobs::{Ctx, Every, JobError, NewJob, Recurring, Registry, handler};
use intercoop_domain::meetings::MeetingStatus;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait, Set};
use serde::{Deserialize, Serialize};
use time::Duration;

/// Send a meeting's invitation.
pub const INVITE: &str = "assemblies.invite";
/// Tell those invited that a meeting changed or was cancelled.
pub const TELL: &str = "assemblies.tell";
/// Remind those invited.
pub const REMIND: &str = "assemblies.remind";
/// Schedule the occurrences of recurring meetings a year ahead (daily, each network).
pub const EXTEND: &str = "assemblies.extend";

/// Warn of the core circle mandates ending within 60 days (daily, each network).
pub const MANDATE_WARNINGS: &str = "assemblies.mandate_warnings";

/// How long before a meeting its invitation goes out.
pub const INVITE_BEFORE_DAYS: i64 = 28;

#[derive(Debug, Serialize, Deserialize)]
struct MeetingJob {
    meeting_id: i64,
}

#[derive(Debug, Serialize, Deserialize)]
struct TellJob {
    meeting_id: i64,
    sequence: i64,
}

#[derive(Debug, Serialize, Deserialize)]
struct RemindJob {
    meeting_id: i64,
    minutes: i64,
    /// The start the reminder was made for (Unix seconds): a meeting moved since has
    /// reminders of its own.
    starts: i64,
}

/// The handlers of this feature's jobs.
pub fn register(r: Registry) -> Registry {
    r.with(INVITE, handler(|ctx, txn| Box::pin(invite(ctx, txn))))
        .with(TELL, handler(|ctx, txn| Box::pin(tell_job(ctx, txn))))
        .with(REMIND, handler(|ctx, txn| Box::pin(remind(ctx, txn))))
        .with(EXTEND, handler(|ctx, txn| Box::pin(extend(ctx, txn))))
        .with(
            MANDATE_WARNINGS,
            handler(|ctx, txn| Box::pin(mandate_warnings(ctx, txn))),
        )
        .every(Recurring {
            kind: EXTEND,
            every: Every::DayAt { hour: 3, minute: 30 },
        })
        .every(Recurring {
            kind: MANDATE_WARNINGS,
            every: Every::DayAt { hour: 8, minute: 0 },
        })
}

/// Enqueues (or moves) a meeting's invitation and its reminders still to come, in the
/// transaction that schedules or changes it.
pub async fn schedule<C: ConnectionTrait>(conn: &C, m: &meeting::Model) -> Result<(), DbErr> {
    let now = crate::clock::now();
    if m.status.0 != MeetingStatus::Scheduled || m.starts_at <= now {
        return Ok(());
    }
    if m.invited_at.is_none() {
        let at = std::cmp::max(now, m.starts_at - Duration::days(INVITE_BEFORE_DAYS));
        let key = format!("meeting_invite:{}", m.id);
        let job = NewJob::new(INVITE, &MeetingJob { meeting_id: m.id })
            .at(at)
            .network(m.network_id)
            .unique(key.clone());
        if !crate::jobs::enqueue(conn, job).await? {
            crate::jobs::reschedule(conn, &key, at).await?;
        }
    }
    let (Some(starts), Some(now_ts)) = (crate::clock::to_timestamp(m.starts_at), crate::clock::to_timestamp(now))
    else {
        return Ok(());
    };
    for (minutes, at) in intercoop_domain::meetings::reminder_times(starts, &m.reminders.0, now_ts) {
        let payload = RemindJob {
            meeting_id: m.id,
            minutes,
            starts: m.starts_at.unix_timestamp(),
        };
        crate::jobs::enqueue(
            conn,
            NewJob::new(REMIND, &payload)
                .at(crate::clock::from_timestamp(at))
                .network(m.network_id)
                .unique(format!("meeting_remind:{}:{minutes}:{}", m.id, payload.starts)),
        )
        .await?;
    }
    Ok(())
}

/// Enqueues the telling of a change (or the cancellation) to those invited.
pub async fn tell<C: ConnectionTrait>(conn: &C, m: &meeting::Model) -> Result<(), DbErr> {
    crate::jobs::enqueue(
        conn,
        NewJob::new(
            TELL,
            &TellJob {
                meeting_id: m.id,
                sequence: m.sequence,
            },
        )
        .network(m.network_id)
        .unique(format!("meeting_tell:{}:{}", m.id, m.sequence)),
    )
    .await?;
    Ok(())
}

/// The meeting's calendar object for an email, made when the email is.
async fn invitation_ics(
    ctx: &Ctx,
    txn: &DatabaseTransaction,
    m: &meeting::Model,
    method: Method,
) -> Result<String, JobError> {
    let full = super::data::get(txn, m.network_id, m.id).await?;
    let network = crate::entities::network::Entity::find_by_id(m.network_id)
        .one(txn)
        .await?
        .ok_or_else(|| JobError::Fail(format!("network {} of meeting {} is gone", m.network_id, m.id)))?;
    let organizer = Organizer {
        name: &network.name,
        mail_from: &ctx.state.config.mail_from,
    };
    Ok(ics::calendar(
        &network.name,
        method,
        &[(full.meeting.clone(), ics::agenda_lines(&full))],
        &ctx.state.config.base_url,
        Some(&organizer),
    ))
}

async fn invite(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let job: MeetingJob = ctx.payload()?;
    let Some(m) = meeting::Entity::find_by_id(job.meeting_id).one(txn).await? else {
        return Ok(());
    };
    let now = crate::clock::now();
    if m.status.0 != MeetingStatus::Scheduled || m.starts_at <= now || m.invited_at.is_some() {
        return Ok(());
    }
    let calendar = invitation_ics(ctx, txn, &m, Method::Request).await?;
    let mut row: meeting::ActiveModel = m.clone().into();
    row.invited_at = Set(Some(now));
    let m = row.update(txn).await?;
    notifications::invitation(txn, &m, calendar).await?;
    Ok(())
}

async fn tell_job(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let job: TellJob = ctx.payload()?;
    let Some(m) = meeting::Entity::find_by_id(job.meeting_id).one(txn).await? else {
        return Ok(());
    };
    // A later change tells the latest state itself.
    if m.sequence != job.sequence || m.invited_at.is_none() {
        return Ok(());
    }
    let cancelled = m.status.0 == MeetingStatus::Cancelled;
    let method = if cancelled { Method::Cancel } else { Method::Request };
    let calendar = invitation_ics(ctx, txn, &m, method).await?;
    notifications::changed(txn, &m, calendar).await?;
    Ok(())
}

async fn remind(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let job: RemindJob = ctx.payload()?;
    let Some(m) = meeting::Entity::find_by_id(job.meeting_id).one(txn).await? else {
        return Ok(());
    };
    if m.status.0 != MeetingStatus::Scheduled
        || m.starts_at.unix_timestamp() != job.starts
        || !m.reminders.0.contains(&job.minutes)
        || m.starts_at <= crate::clock::now()
    {
        return Ok(());
    }
    notifications::reminder(txn, &m, job.minutes).await?;
    Ok(())
}

async fn extend(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    super::data::extend_series(txn, ctx.job.network_id).await?;
    Ok(())
}

async fn mandate_warnings(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let Some(network_id) = ctx.job.network_id else {
        return Ok(());
    };
    let Some(n) = crate::entities::network::Entity::find_by_id(network_id)
        .one(txn)
        .await?
    else {
        return Ok(());
    };
    super::circle::warn_ending(txn, n.id, &n.time_zone).await?;
    Ok(())
}
