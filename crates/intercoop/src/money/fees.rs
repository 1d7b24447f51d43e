//! Membership fee schedules and their billing. A schedule (one per network and year)
//! gives each level its tiers of monthly prices by size, a billing period and
//! sponsorship; billing a period (a job, `money.bill_fees`) makes one request per
//! member organisation that owes something for it (pro rata by months, sponsored part
//! shown), each once (a unique index on schedule, period and organisation), and tells
//! each its fee through the notification service. The rules are the domain's
//! (`intercoop_domain::fees`).

use super::entities::{fee_schedule, payment_request};
use super::requests::{self, NewRequest};
use crate::audit::{self, Actor, Change};
use crate::db::{self, types::Json};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::jobs::NewJob;
use intercoop_domain::Money;
use intercoop_domain::fees::{self, BillingPeriod, Member, Sponsorship, Tier, Tiers};
use intercoop_domain::organisation::{Level, MembershipStatus};
use intercoop_domain::payments::PaymentPurpose;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// The job that bills a period of a schedule.
pub const BILL_FEES: &str = "money.bill_fees";

/// A schedule as the API takes it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FeeScheduleIn {
    pub year: i64,
    /// monthly, quarterly or yearly
    pub period: String,
    /// Monthly prices per level (`observer`, `active`): tiers `[min_size, monthly_cents]`,
    /// the first from size 0.
    pub tiers: BTreeMap<String, Vec<(i64, i64)>>,
    /// The part of new members' fees the network pays, in hundredths of a percent.
    #[serde(default)]
    pub sponsorship_basis_points: i64,
    /// For how many years after joining.
    #[serde(default)]
    pub sponsorship_years: i64,
}

/// A checked schedule.
pub struct Valid {
    year: i16,
    period: BillingPeriod,
    tiers: BTreeMap<String, Vec<(i64, i64)>>,
    sponsorship: Option<Sponsorship>,
}

impl FeeScheduleIn {
    pub fn validate(&self) -> Result<Valid, FieldErrors> {
        let mut errors = FieldErrors::default();
        let year = i16::try_from(self.year).ok().filter(|y| (2000..=2200).contains(y));
        if year.is_none() {
            errors.add("year", "fee-year");
        }
        let period = BillingPeriod::parse(&self.period);
        if period.is_none() {
            errors.add("period", "fee-period");
        }
        if self.tiers.is_empty() {
            errors.add("tiers", "fee-tiers");
        }
        for (level, tiers) in &self.tiers {
            if Level::parse(level).is_none() {
                errors.add("tiers", "fee-level");
            }
            let list = tiers
                .iter()
                .map(|(min_size, cents)| Tier {
                    min_size: *min_size,
                    monthly: Money::from_cents(*cents),
                })
                .collect();
            if Tiers::new(list).is_err() {
                errors.add("tiers", "fee-tiers");
            }
        }
        let sponsorship = match (self.sponsorship_basis_points, self.sponsorship_years) {
            (0, _) => None,
            (bp, years) => match (u32::try_from(bp), i16::try_from(years)) {
                (Ok(bp), Ok(years)) => Sponsorship::new(bp, years)
                    .map_err(|_| errors.add("sponsorship_basis_points", "fee-sponsorship"))
                    .ok(),
                _ => {
                    errors.add("sponsorship_basis_points", "fee-sponsorship");
                    None
                }
            },
        };
        match (year, period) {
            (Some(year), Some(period)) if errors.is_empty() => Ok(Valid {
                year,
                period,
                tiers: self.tiers.clone(),
                sponsorship,
            }),
            _ => Err(errors),
        }
    }
}

/// A schedule as shown.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FeeScheduleOut {
    pub id: i64,
    pub year: i64,
    pub period: String,
    pub tiers: BTreeMap<String, Vec<(i64, i64)>>,
    pub sponsorship_basis_points: i64,
    pub sponsorship_years: i64,
}

impl From<fee_schedule::Model> for FeeScheduleOut {
    fn from(s: fee_schedule::Model) -> Self {
        FeeScheduleOut {
            id: s.id,
            year: s.year,
            period: s.period.to_string(),
            tiers: s.tiers.0,
            sponsorship_basis_points: s.sponsorship_basis_points,
            sponsorship_years: s.sponsorship_years,
        }
    }
}

/// Makes the year's schedule (409 `fee-schedule-exists` when the year has one).
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    v: &Valid,
) -> AppResult<fee_schedule::Model> {
    let exists = fee_schedule::Entity::find()
        .filter(fee_schedule::Column::NetworkId.eq(network_id))
        .filter(fee_schedule::Column::Year.eq(i64::from(v.year)))
        .one(conn)
        .await?;
    if exists.is_some() {
        return Err(AppError::Conflict("fee-schedule-exists"));
    }
    let row = fee_schedule::Entity::insert(fee_schedule::ActiveModel {
        network_id: Set(network_id),
        year: Set(i64::from(v.year)),
        period: Set(v.period.into()),
        tiers: Set(Json(v.tiers.clone())),
        sponsorship_basis_points: Set(v.sponsorship.map(|s| i64::from(s.basis_points)).unwrap_or(0)),
        sponsorship_years: Set(v.sponsorship.map(|s| i64::from(s.years)).unwrap_or(0)),
        created_at: Set(db::now()),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "fee_schedule.create",
            entity: "fee_schedule",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(&FeeScheduleOut::from(row.clone())),
    )
    .await?;
    Ok(row)
}

pub async fn list<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<fee_schedule::Model>> {
    Ok(fee_schedule::Entity::find()
        .filter(fee_schedule::Column::NetworkId.eq(network_id))
        .order_by_desc(fee_schedule::Column::Year)
        .all(conn)
        .await?)
}

pub async fn get<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<fee_schedule::Model> {
    fee_schedule::Entity::find_by_id(id)
        .filter(fee_schedule::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

pub(crate) fn tiers_of(s: &fee_schedule::Model, level: Level) -> Option<Tiers> {
    let list = s.tiers.get(level.as_str())?;
    Tiers::new(
        list.iter()
            .map(|(min_size, cents)| Tier {
                min_size: *min_size,
                monthly: Money::from_cents(*cents),
            })
            .collect(),
    )
    .ok()
}

pub(crate) fn sponsorship_of(s: &fee_schedule::Model) -> Option<Sponsorship> {
    if s.sponsorship_basis_points == 0 {
        return None;
    }
    Sponsorship::new(
        u32::try_from(s.sponsorship_basis_points).ok()?,
        i16::try_from(s.sponsorship_years).ok()?,
    )
    .ok()
}

/// A member organisation as the fees see it.
#[derive(Debug, Clone)]
pub struct Billed {
    pub organisation_id: i64,
    pub fee: fees::Fee,
}

pub(crate) fn to_date(d: time::Date) -> Option<jiff::civil::Date> {
    jiff::civil::Date::new(i16::try_from(d.year()).ok()?, d.month() as i8, d.day() as i8).ok()
}

/// What each member organisation owes for `period` of the schedule (nothing billed
/// yet is looked at: see [`bill`]).
pub async fn fees_of<C: ConnectionTrait>(conn: &C, s: &fee_schedule::Model, period: i8) -> AppResult<Vec<Billed>> {
    use crate::entities::membership;
    let members = membership::Entity::find()
        .filter(membership::Column::NetworkId.eq(s.network_id))
        .filter(
            membership::Column::Status.is_in([MembershipStatus::Member.as_str(), MembershipStatus::Former.as_str()]),
        )
        .order_by_asc(membership::Column::OrganisationId)
        .all(conn)
        .await?;
    let year = i16::try_from(s.year).map_err(|_| AppError::invalid("year", "fee-year"))?;
    let sponsorship = sponsorship_of(s);
    let mut out = Vec::new();
    for m in members {
        let Some(tiers) = tiers_of(s, *m.level) else { continue };
        // A member without a day of joining has belonged since before the year.
        let joined_on = m.joined_on.and_then(to_date).unwrap_or(jiff::civil::date(1970, 1, 1));
        let left_on = match (*m.status, m.left_on) {
            (MembershipStatus::Former, Some(d)) => to_date(d),
            (MembershipStatus::Former, None) => continue,
            _ => None,
        };
        let member = Member {
            monthly: tiers.monthly(m.size),
            joined_on,
            left_on,
        };
        if let Some(fee) =
            fees::fee(&member, year, *s.period, period, sponsorship).map_err(|e| AppError::Internal(e.into()))?
        {
            out.push(Billed {
                organisation_id: m.organisation_id,
                fee,
            });
        }
    }
    Ok(out)
}

#[derive(Debug, Serialize, Deserialize)]
pub struct BillJob {
    pub schedule_id: i64,
    pub period: i64,
}

/// Asks for a period to be billed (the job does it, once).
pub async fn ask_billing<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    s: &fee_schedule::Model,
    period: i64,
) -> AppResult<()> {
    if !(0..i64::from(s.period.per_year())).contains(&period) {
        return Err(AppError::invalid("period", "fee-period"));
    }
    let job = BillJob {
        schedule_id: s.id,
        period,
    };
    crate::jobs::enqueue(
        conn,
        NewJob::new(BILL_FEES, &job)
            .network(s.network_id)
            .unique(format!("{BILL_FEES}:{}:{period}", s.id)),
    )
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(s.network_id),
            actor,
            action: "fee_schedule.bill",
            entity: "fee_schedule",
            entity_id: Some(s.id),
        },
        None::<&()>,
        Some(&job),
    )
    .await?;
    Ok(())
}

/// Bills a period: a request per member that owes and has none for it yet; returns
/// them. Run again, it makes none.
pub async fn bill<C: ConnectionTrait>(
    conn: &C,
    s: &fee_schedule::Model,
    period: i64,
) -> AppResult<Vec<payment_request::Model>> {
    let index = i8::try_from(period).map_err(|_| AppError::invalid("period", "fee-period"))?;
    let already: HashSet<i64> = payment_request::Entity::find()
        .select_only()
        .column(payment_request::Column::OrganisationId)
        .filter(payment_request::Column::FeeScheduleId.eq(s.id))
        .filter(payment_request::Column::FeePeriod.eq(period))
        .into_tuple::<i64>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let due = db::now() + time::Duration::days(requests::PAYMENT_DAYS);
    let label = match *s.period {
        BillingPeriod::Yearly => format!("{}", s.year),
        BillingPeriod::Quarterly => format!("{} Q{}", s.year, period + 1),
        BillingPeriod::Monthly => format!("{}-{:02}", s.year, period + 1),
    };
    let new: Vec<NewRequest> = fees_of(conn, s, index)
        .await?
        .into_iter()
        .filter(|b| !already.contains(&b.organisation_id) && b.fee.net().is_positive())
        .map(|b| NewRequest {
            organisation_id: b.organisation_id,
            purpose: PaymentPurpose::Fee,
            amount: b.fee.net(),
            sponsored: b.fee.sponsored,
            label: label.clone(),
            campaign_id: None,
            catch_up_id: None,
            fee: Some((s.id, period)),
            reserve: None,
            pool: None,
            due_at: due,
        })
        .collect();
    let made = requests::create(conn, s.network_id, new).await?;
    for r in &made {
        super::notifications::fee_requested(conn, r).await?;
    }
    Ok(made)
}
