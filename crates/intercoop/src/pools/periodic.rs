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
//! retry finds the requests made). A change of the schedule applies to every period
//! not yet asked: as the job asks a period on its first day, to the next one.
//!
//! Paying such a request is recorded like any payment (bank / debtors); the request
//! names its pool (`pool_id`), and the treasurer records the money into the pool as a
//! contribution of kind `periodic` (`POST /api/v1/pools/{id}/contributions`).

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
}

impl From<schedule::Model> for ScheduleOut {
    fn from(s: schedule::Model) -> Self {
        ScheduleOut {
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
    let row = schedule::ActiveModel {
        network_id: Set(network_id),
        pool_id: Set(pool_id),
        amount_cents: Set(input.amount_cents),
        period: Set(period.as_str().to_string()),
        per_worker: Set(input.per_worker),
        active: Set(input.active),
        starts_on: Set(starts_on.to_string()),
        updated_at: Set(db::now()),
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

/// Asks the current period of one schedule (`today` in the network's time zone): one
/// request per member organisation not yet asked for it, each emailed; returns them.
/// Run again, it makes none.
pub async fn ask_period<C: ConnectionTrait>(
    conn: &C,
    s: &schedule::Model,
    today: jiff::civil::Date,
) -> AppResult<Vec<payment_request::Model>> {
    use crate::entities::membership;
    let (Some(period), Ok(first)) = (Period::parse(&s.period), s.starts_on.parse::<jiff::civil::Date>()) else {
        return Err(AppError::Internal(anyhow::anyhow!("pool schedule {} unreadable", s.id)));
    };
    let Some(start) = period.current(first, today) else {
        return Ok(Vec::new());
    };
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

/// Asks the current period of every active schedule of a network (today in its time
/// zone); returns how many requests were made.
pub async fn ask_network<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<usize> {
    let network = crate::entities::network::Entity::find_by_id(network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let today = crate::money::today(&network.time_zone);
    let today = crate::money::fees::to_date(today)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("today out of the calendar")))?;
    let schedules = schedule::Entity::find()
        .filter(schedule::Column::NetworkId.eq(network_id))
        .filter(schedule::Column::Active.eq(true))
        .order_by_asc(schedule::Column::Id)
        .all(conn)
        .await?;
    let mut made = 0;
    for s in schedules {
        made += ask_period(conn, &s, today).await?.len();
    }
    Ok(made)
}
