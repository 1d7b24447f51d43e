//! The money feature's jobs: billing a fee period (asked by the treasurer), asking the
//! month's provisions of the reserves (daily at 06:00 in each network's time zone: the
//! first run of a month asks them, later runs find them asked), and the daily reminders of unpaid requests (at 09:00 in each network's time zone): a first
//! reminder once a request is past its due date, then, [`ESCALATE_DAYS`] later, one
//! that the administrators get too. Each is sent once (its request records it, and the
//! notice has a key of its own), whenever the job runs.

use super::entities::payment_request;
use super::fees::{self, BILL_FEES, BillJob};
use super::reserves::{self, PROVISIONS};
use crate::db;
use crate::jobs::{Ctx, Every, JobError, Recurring, Registry, handler};
use intercoop_domain::payments::PaymentStatus;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

pub const REMIND: &str = "money.remind";

/// Days after the first reminder before the escalation.
pub const ESCALATE_DAYS: i64 = 14;

pub fn register(r: Registry) -> Registry {
    r.with(BILL_FEES, handler(|ctx, txn| Box::pin(bill(ctx, txn))))
        .with(REMIND, handler(|ctx, txn| Box::pin(remind(ctx, txn))))
        .every(Recurring {
            kind: REMIND,
            every: Every::DayAt { hour: 9, minute: 0 },
        })
        .with(PROVISIONS, handler(|ctx, txn| Box::pin(provisions(ctx, txn))))
        .every(Recurring {
            kind: PROVISIONS,
            every: Every::DayAt { hour: 6, minute: 0 },
        })
}

async fn bill(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let job: BillJob = ctx.payload()?;
    let network = ctx
        .job
        .network_id
        .ok_or_else(|| JobError::Fail("a fee billing without a network".into()))?;
    let schedule = fees::get(txn, network, job.schedule_id).await?;
    fees::bill(txn, &schedule, job.period).await?;
    Ok(())
}

/// Asks the current month's provisions of one network's reserves (once per month).
async fn provisions(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let network = ctx
        .job
        .network_id
        .ok_or_else(|| JobError::Fail("provisions without a network".into()))?;
    reserves::bill_network(txn, network).await?;
    Ok(())
}

/// Reminds what is due in one network (at most 1 000 requests a run; the next day goes on).
async fn remind(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let network = ctx
        .job
        .network_id
        .ok_or_else(|| JobError::Fail("reminders without a network".into()))?;
    remind_network(txn, network).await?;
    Ok(())
}

/// Sends the reminders due now in a network; returns how many.
pub async fn remind_network(txn: &DatabaseTransaction, network: i64) -> crate::error::AppResult<usize> {
    let now = db::now();
    let overdue = payment_request::Entity::find()
        .filter(payment_request::Column::NetworkId.eq(network))
        .filter(payment_request::Column::Status.eq(PaymentStatus::Open.as_str()))
        .filter(payment_request::Column::DueAt.lt(now))
        .order_by_asc(payment_request::Column::Id)
        .limit(1_000)
        .all(txn)
        .await?;
    let mut sent = 0;
    for r in overdue {
        let escalate = r
            .reminded_at
            .is_some_and(|at| at + time::Duration::days(ESCALATE_DAYS) <= now && r.escalated_at.is_none());
        let column = match (r.reminded_at, escalate) {
            (None, _) => payment_request::Column::RemindedAt,
            (Some(_), true) => payment_request::Column::EscalatedAt,
            (Some(_), false) => continue,
        };
        super::notifications::reminder(txn, &r, escalate).await?;
        payment_request::Entity::update_many()
            .col_expr(column, Expr::val(now))
            .filter(payment_request::Column::Id.eq(r.id))
            .exec(txn)
            .await?;
        sent += 1;
    }
    Ok(sent)
}
