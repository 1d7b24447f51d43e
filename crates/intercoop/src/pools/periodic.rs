//! Periodic contributions into a pool (issue 19, item 1: "fixed per member per period
//! (CoTech discussed £1 per member worker per week)"). A pool's schedule says what each
//! member organisation is asked per period (or per member worker: times the size its
//! membership declares, at least one), weekly or monthly from a first day in the
//! network's time zone (`intercoop_domain::pooling::periods`).
//!
//! Each period is asked by the daily job [`super::jobs::PERIODIC`] (06:10 in each
//! network's time zone): the first run on or after a period's first day makes one
//! payment request per member organisation (purpose `other`, with the pool and the
//! period on the request), emailed through the notification service as a provision
//! (`provision_request`, with the pool's own explanation). Exactly once per period and
//! organisation: the run skips what is already asked, and a unique index on
//! `(pool_id, pool_period, organisation_id)` refuses a second request from another run
//! at the same moment (that run's transaction rolls back, numbers included, and its
//! retry finds the requests made).
//!
//! **Missed periods.** A run asks every period not yet asked, from the schedule's
//! taking effect (or the last period asked) to today's, oldest first, never a later one
//! ([`Period::due`]): when the server was down for three weeks, the next run asks the
//! three weeks.
//!
//! **Changes.** A period follows the schedule in force on its first day: a change (or a
//! stop) made on day D applies to the periods starting on or after D. The periods that
//! started before D and were not asked yet (runs missed) are asked under the schedule
//! as it was, in the change's transaction, and the new schedule applies from D
//! (`applies_from`).
//!
//! **Paid.** A request paid, by whatever path ([`crate::money::requests::add_paid`]),
//! gives its pool a contribution of kind `periodic` ([`paid`]) in the payment's
//! transaction: the request was asked as other income and the payment already put the
//! money in the bank, so the journal moves it from other income to the pool
//! (`pool-periodic-paid`), never from the bank a second time. A unique index on the
//! contribution's request keeps it to one.

use super::data;
use super::entities::schedule;
use crate::audit::{self, Actor, Change};
use crate::db;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::money::entities::payment_request;
use crate::money::requests::{self, NewRequest};
use intercoop_domain::Money;
use intercoop_domain::organisation::MembershipStatus;
use intercoop_domain::payments::PaymentPurpose;
use intercoop_domain::pooling::periods::{self, Period};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A pool's schedule as the API and the page take it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleIn {
    /// What each member organisation is asked per period, in cents (more than 0).
    pub amount_cents: i64,
    /// `weekly` or `monthly`.
    pub period: String,
    /// Asked per member worker: `amount_cents` times the size the membership declares
    /// (a member without a size counts one).
    #[serde(default)]
    pub per_worker: bool,
    /// Whether periods are asked (default true).
    #[serde(default = "yes")]
    pub active: bool,
    /// The first day of the first period, `YYYY-MM-DD`, in the network's time zone.
    pub starts_on: String,
}

fn yes() -> bool {
    true
}

/// A pool's schedule as shown.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ScheduleOut {
    pub pool_id: i64,
    pub amount_cents: i64,
    pub period: String,
    pub per_worker: bool,
    pub active: bool,
    pub starts_on: String,
    /// The day the schedule as it stands applies from (`YYYY-MM-DD`): its first day, or
    /// the day of its last change. Periods starting before it followed the schedule as
    /// it was.
    pub applies_from: String,
}

impl From<schedule::Model> for ScheduleOut {
    fn from(s: schedule::Model) -> Self {
        ScheduleOut {
            applies_from: s.applies_from.clone().unwrap_or_else(|| s.starts_on.clone()),
            pool_id: s.pool_id,
            amount_cents: s.amount_cents,
            period: s.period,
            per_worker: s.per_worker,
            active: s.active,
            starts_on: s.starts_on,
        }
    }
}

/// Checks a schedule: 422 on `amount_cents` (`pools-schedule-amount`: not more than 0),
/// `period` (`pools-schedule-period`: not weekly or monthly), `starts_on`
/// (`pools-schedule-starts-on`: not a day).
pub fn validate(input: &ScheduleIn) -> Result<(Period, jiff::civil::Date), AppError> {
    let mut errors = FieldErrors::default();
    if input.amount_cents <= 0 {
        errors.add("amount_cents", "pools-schedule-amount");
    }
    let period = Period::parse(input.period.trim());
    if period.is_none() {
        errors.add("period", "pools-schedule-period");
    }
    let starts_on = input.starts_on.trim().parse::<jiff::civil::Date>().ok();
    if starts_on.is_none() {
        errors.add("starts_on", "pools-schedule-starts-on");
    }
    errors.into_result()?;
    match (period, starts_on) {
        (Some(p), Some(d)) => Ok((p, d)),
        _ => Err(AppError::invalid("period", "pools-schedule-period")),
    }
}

/// A pool's schedule, if it has one (404 for a pool of another network).
pub async fn get<C: ConnectionTrait>(conn: &C, network_id: i64, pool_id: i64) -> AppResult<Option<schedule::Model>> {
    let p = data::get(conn, network_id, pool_id).await?;
    Ok(schedule::Entity::find()
        .filter(schedule::Column::NetworkId.eq(network_id))
        .filter(schedule::Column::PoolId.eq(p.id))
        .one(conn)
        .await?)
}

/// What setting a schedule would do, figured from the data as it is (the page shows
/// it before storing).
#[derive(Debug, Clone)]
pub struct Preview {
    /// Member organisations asked each period.
    pub members: i64,
    /// What they are asked in all per period, in cents.
    pub total_cents: i64,
    /// The day it applies from (`YYYY-MM-DD`).
    pub applies_from: String,
    /// Whether periods missed under the schedule as it was are asked at the change.
    pub catch_up: bool,
}

/// The preview of setting `input` (already checked by [`validate`]) on a pool.
pub async fn preview<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    pool_id: i64,
    input: &ScheduleIn,
) -> AppResult<Preview> {
    use crate::entities::membership;
    let before = get(conn, network_id, pool_id).await?;
    let (_, starts_on) = validate(input)?;
    let today = network_today(conn, network_id).await?;
    let applies_from = if before.is_some() {
        starts_on.max(today)
    } else {
        starts_on
    };
    let catch_up = match &before {
        Some(b) => {
            let yesterday = today.yesterday().map_err(|e| AppError::Internal(e.into()))?;
            b.active && !due(conn, b, yesterday).await?.is_empty()
        }
        None => false,
    };
    let sizes: Vec<Option<i64>> = membership::Entity::find()
        .select_only()
        .column(membership::Column::Size)
        .filter(membership::Column::NetworkId.eq(network_id))
        .filter(membership::Column::Status.eq(MembershipStatus::Member.as_str()))
        .into_tuple()
        .all(conn)
        .await?;
    let mut total: i64 = 0;
    for size in &sizes {
        let workers = if input.per_worker { size.unwrap_or(1).max(1) } else { 1 };
        total = input
            .amount_cents
            .checked_mul(workers)
            .and_then(|a| total.checked_add(a))
            .ok_or_else(|| AppError::invalid("amount_cents", "amount-out-of-range"))?;
    }
    Ok(Preview {
        members: sizes.len() as i64,
        total_cents: total,
        applies_from: applies_from.to_string(),
        catch_up,
    })
}

/// Sets a pool's schedule (makes it or changes it): applies to every period not yet
/// asked. Errors as [`validate`]; nothing is stored on one.
pub async fn set<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    pool_id: i64,
    input: &ScheduleIn,
) -> AppResult<schedule::Model> {
    let before = get(conn, network_id, pool_id).await?;
    let (period, starts_on) = validate(input)?;
    // Made: from its first day. Changed on D: the periods before D as they were
    // (missed ones asked now), the new schedule from D on.
    let applies_from = match &before {
        None => starts_on,
        Some(b) => {
            let today = network_today(conn, network_id).await?;
            if b.active {
                ask_due(conn, b, today.yesterday().map_err(|e| AppError::Internal(e.into()))?).await?;
            }
            starts_on.max(today)
        }
    };
    let row = schedule::ActiveModel {
        network_id: Set(network_id),
        pool_id: Set(pool_id),
        amount_cents: Set(input.amount_cents),
        period: Set(period.as_str().to_string()),
        per_worker: Set(input.per_worker),
        active: Set(input.active),
        starts_on: Set(starts_on.to_string()),
        updated_at: Set(db::now()),
        applies_from: Set(Some(applies_from.to_string())),
        ..Default::default()
    };
    let saved = match &before {
        Some(b) => {
            let mut row = row;
            row.id = Set(b.id);
            schedule::Entity::update(row).exec(conn).await?
        }
        None => schedule::Entity::insert(row).exec_with_returning(conn).await?,
    };
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "pool.schedule",
            entity: "pool",
            entity_id: Some(pool_id),
        },
        before.map(ScheduleOut::from).as_ref(),
        Some(&ScheduleOut::from(saved.clone())),
    )
    .await?;
    Ok(saved)
}

/// The day a schedule applies from (its first day when never changed).
fn applies_from(s: &schedule::Model) -> Option<jiff::civil::Date> {
    s.applies_from.as_deref().unwrap_or(&s.starts_on).parse().ok()
}

/// The first day of a period from its key (`YYYYMMDD`).
fn key_date(key: i64) -> Option<jiff::civil::Date> {
    let y = i16::try_from(key / 10_000).ok()?;
    let m = i8::try_from(key / 100 % 100).ok()?;
    let d = i8::try_from(key % 100).ok()?;
    jiff::civil::Date::new(y, m, d).ok()
}

/// Asks every period of one schedule due on `today` (in the network's time zone;
/// [`Period::due`]): one request per member organisation not yet asked for it, each
/// emailed; returns them. Run again, it makes none.
pub async fn ask_due<C: ConnectionTrait>(
    conn: &C,
    s: &schedule::Model,
    today: jiff::civil::Date,
) -> AppResult<Vec<payment_request::Model>> {
    let mut made = Vec::new();
    for start in due(conn, s, today).await? {
        made.extend(ask_period(conn, s, start).await?);
    }
    Ok(made)
}

/// The first days of the periods of a schedule due on `today` ([`Period::due`]).
async fn due<C: ConnectionTrait>(
    conn: &C,
    s: &schedule::Model,
    today: jiff::civil::Date,
) -> AppResult<Vec<jiff::civil::Date>> {
    let (Some(period), Ok(first), Some(from)) = (
        Period::parse(&s.period),
        s.starts_on.parse::<jiff::civil::Date>(),
        applies_from(s),
    ) else {
        return Err(AppError::Internal(anyhow::anyhow!("pool schedule {} unreadable", s.id)));
    };
    let last: Option<i64> = payment_request::Entity::find()
        .select_only()
        .column_as(payment_request::Column::PoolPeriod.max(), "last")
        .filter(payment_request::Column::NetworkId.eq(s.network_id))
        .filter(payment_request::Column::PoolId.eq(s.pool_id))
        .into_tuple::<Option<i64>>()
        .one(conn)
        .await?
        .flatten();
    Ok(period.due(first, from, last.and_then(key_date), today))
}

/// Asks one period (its first day `start`) of a schedule: one request per member
/// organisation not yet asked for it, each emailed.
async fn ask_period<C: ConnectionTrait>(
    conn: &C,
    s: &schedule::Model,
    start: jiff::civil::Date,
) -> AppResult<Vec<payment_request::Model>> {
    use crate::entities::membership;
    let key = periods::key(start);
    let already: HashSet<i64> = payment_request::Entity::find()
        .select_only()
        .column(payment_request::Column::OrganisationId)
        .filter(payment_request::Column::NetworkId.eq(s.network_id))
        .filter(payment_request::Column::PoolId.eq(s.pool_id))
        .filter(payment_request::Column::PoolPeriod.eq(key))
        .into_tuple::<i64>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let members = membership::Entity::find()
        .filter(membership::Column::NetworkId.eq(s.network_id))
        .filter(membership::Column::Status.eq(MembershipStatus::Member.as_str()))
        .order_by_asc(membership::Column::OrganisationId)
        .all(conn)
        .await?;
    let pool = data::get(conn, s.network_id, s.pool_id).await?;
    let label = format!("{} {start}", pool.name);
    let due = db::now() + time::Duration::days(requests::PAYMENT_DAYS);
    let mut new = Vec::new();
    for m in members.into_iter().filter(|m| !already.contains(&m.organisation_id)) {
        let workers = if s.per_worker { m.size.unwrap_or(1).max(1) } else { 1 };
        let amount = s
            .amount_cents
            .checked_mul(workers)
            .ok_or(AppError::Conflict("amount-out-of-range"))?;
        new.push(NewRequest {
            organisation_id: m.organisation_id,
            purpose: PaymentPurpose::Other,
            amount: Money::from_cents(amount),
            sponsored: Money::ZERO,
            label: label.clone(),
            campaign_id: None,
            catch_up_id: None,
            fee: None,
            reserve: None,
            pool: Some((s.pool_id, key)),
            due_at: due,
        });
    }
    let made = requests::create(conn, s.network_id, new).await?;
    for r in &made {
        crate::money::notifications::pool_requested(conn, r).await?;
    }
    Ok(made)
}

/// Asks the periods due of every active schedule of a network (today in its time
/// zone; missed ones included); returns how many requests were made.
pub async fn ask_network<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<usize> {
    let today = network_today(conn, network_id).await?;
    let schedules = schedule::Entity::find()
        .filter(schedule::Column::NetworkId.eq(network_id))
        .filter(schedule::Column::Active.eq(true))
        .order_by_asc(schedule::Column::Id)
        .all(conn)
        .await?;
    let mut made = 0;
    for s in schedules {
        made += ask_due(conn, &s, today).await?.len();
    }
    Ok(made)
}

/// Today in the network's time zone (`money::network_today`), as a civil date.
async fn network_today<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<jiff::civil::Date> {
    let today = crate::money::network_today(conn, network_id).await?;
    crate::money::fees::to_date(today).ok_or_else(|| AppError::Internal(anyhow::anyhow!("today out of the calendar")))
}

/// A pool's periodic request `r` became paid (called by
/// [`crate::money::requests::add_paid`], in the payment's transaction): its pool gets a
/// contribution of kind `periodic` from the member, of the request's amount, and the
/// journal moves that money from other income (where the request put it) to the pool.
/// Nothing for any other request. A second contribution for the same request is
/// refused by the unique index (the transaction rolls back).
pub async fn paid<C: ConnectionTrait>(conn: &C, r: &payment_request::Model) -> AppResult<()> {
    use super::entities::contribution;
    use crate::money::ledger::{self, About};
    use intercoop_domain::ledger::Event;
    let Some(pool) = r.pool_id else {
        return Ok(());
    };
    let amount = Money::from_cents(r.amount_cents);
    let row = contribution::Entity::insert(contribution::ActiveModel {
        network_id: Set(r.network_id),
        pool_id: Set(pool),
        organisation_id: Set(Some(r.organisation_id)),
        kind: Set("periodic".to_string()),
        amount_cents: Set(amount.cents()),
        note: Set(r.label.clone()),
        recorded_by: Set(None),
        received_at: Set(db::now()),
        payment_request_id: Set(Some(r.id)),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await?;
    ledger::post(
        conn,
        r.network_id,
        vec![(
            Event::PoolPeriodicPaid { pool, amount },
            About {
                payment_request_id: Some(r.id),
                memo: format!("pool {pool} contribution {}", row.id),
                ..About::default()
            },
        )],
    )
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(r.network_id),
            actor: Actor::SYSTEM,
            action: "pool.contribution",
            entity: "pool_contribution",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(&row),
    )
    .await?;
    Ok(())
}
