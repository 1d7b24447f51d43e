//! The core circle in the app: its mandates (`core_mandates`, migration 18), the
//! network's seat rules (`networks.rules.core_seats`, default Komunigi's), a new
//! mandate refused with the rule it breaks (the rules are the domain's,
//! `intercoop_domain::core_circle`), the history of who sat when, and the warning 60
//! days before a mandate ends (the daily job `assemblies.mandate_warnings`, once per
//! mandate).
//!
//! Days are the network's (its time zone): a mandate holds from its first day to its
//! last, both included.

use super::entities::mandate;
use crate::audit::{self, Actor, Change};
use crate::db::types::Text;
use crate::error::{AppError, AppResult, FieldErrors};
use intercoop_domain::core_circle::{self, Mandate, RuleBroken, Seat, SeatRules};
use intercoop_domain::organisation::{MembershipStatus, OrgKind};
use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A core circle mandate as pages and the API show it.
#[derive(Debug, Clone, Serialize, ToSchema, sea_orm::FromQueryResult)]
#[schema(as = CoreMandateOut)]
pub struct MandateOut {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    /// facilitator or elected
    pub seat: String,
    /// First day, `YYYY-MM-DD` (the network's days).
    #[schema(value_type = String, format = Date)]
    #[serde(with = "crate::api::iso_date")]
    pub starts_on: time::Date,
    /// Last day, included.
    #[schema(value_type = String, format = Date)]
    #[serde(with = "crate::api::iso_date")]
    pub ends_on: time::Date,
    /// The poll that elected it, if one did.
    pub poll_id: Option<i64>,
}

impl MandateOut {
    /// Sitting on `day`.
    pub fn sits_on(&self, day: time::Date) -> bool {
        self.starts_on <= day && day <= self.ends_on
    }
}

/// A core circle mandate to record.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = CoreMandateInput)]
pub struct MandateInput {
    pub organisation_id: i64,
    /// facilitator (the facilitating cooperative's seat) or elected (a user
    /// cooperative's)
    pub seat: String,
    /// First day, `YYYY-MM-DD`.
    pub starts_on: String,
    /// Last day, `YYYY-MM-DD` (an elected mandate: at most the network's limit after the
    /// first day).
    pub ends_on: String,
}

/// A network's seat rules (`intercoop_domain::core_circle::SeatRules`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SeatRulesOut {
    /// Seats of the facilitating cooperative, at least and at most (default 1 and 2).
    pub facilitator_min: u32,
    pub facilitator_max: u32,
    /// Seats elected among the user cooperatives, at least and at most (default 2 and 3).
    pub elected_min: u32,
    pub elected_max: u32,
    /// The longest elected mandate, in days (default 730: two years).
    pub max_mandate_days: i64,
}

impl From<SeatRules> for SeatRulesOut {
    fn from(r: SeatRules) -> SeatRulesOut {
        SeatRulesOut {
            facilitator_min: r.facilitator_min,
            facilitator_max: r.facilitator_max,
            elected_min: r.elected_min,
            elected_max: r.elected_max,
            max_mandate_days: r.max_mandate_days,
        }
    }
}

/// The core circle: its rules, who sits today, and every mandate (the history, latest
/// start first).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(as = CoreCircleOut)]
pub struct CoreOut {
    pub rules: SeatRulesOut,
    #[schema(value_type = String, format = Date)]
    #[serde(with = "crate::api::iso_date")]
    pub today: time::Date,
    pub sitting: Vec<MandateOut>,
    pub history: Vec<MandateOut>,
    /// The elections, latest first.
    pub elections: Vec<super::elections::ElectionOut>,
}

/// The network's seat rules (its own, else the defaults).
pub async fn rules<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<SeatRules> {
    let n = crate::entities::network::Entity::find_by_id(network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(n.rules.0.core_seats.unwrap_or_default())
}

/// Every mandate of the network, latest start first.
pub async fn history<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<MandateOut>> {
    let q = Query::select()
        .expr_as(Expr::col(("m", "id")), "id")
        .expr_as(Expr::col(("m", "organisation_id")), "organisation_id")
        .expr_as(Expr::col(("o", "name")), "organisation_name")
        .expr_as(Expr::col(("m", "seat")), "seat")
        .expr_as(Expr::col(("m", "starts_on")), "starts_on")
        .expr_as(Expr::col(("m", "ends_on")), "ends_on")
        .expr_as(Expr::col(("m", "poll_id")), "poll_id")
        .from_as("core_mandates", "m")
        .join_as(
            JoinType::InnerJoin,
            "organisations",
            "o",
            Expr::col(("o", "id")).equals(("m", "organisation_id")),
        )
        .and_where(Expr::col(("m", "network_id")).eq(network_id))
        .order_by(("m", "starts_on"), sea_orm::Order::Desc)
        .order_by(("m", "id"), sea_orm::Order::Desc)
        .take();
    Ok(crate::db::fetch_all(conn, &q).await?)
}

/// The core circle of a network as of today (its time zone).
pub async fn read<C: ConnectionTrait>(conn: &C, network_id: i64, time_zone: &str) -> AppResult<CoreOut> {
    let today = crate::money::today(time_zone);
    let history = history(conn, network_id).await?;
    Ok(CoreOut {
        rules: rules(conn, network_id).await?.into(),
        today,
        sitting: history.iter().filter(|m| m.sits_on(today)).cloned().collect(),
        history,
        elections: super::elections::list(conn, network_id).await?,
    })
}

/// A day of `time` as the domain's.
pub fn civil(d: time::Date) -> jiff::civil::Date {
    jiff::civil::Date::new(d.year() as i16, d.month() as i8, d.day() as i8).unwrap_or(jiff::civil::Date::MIN)
}

/// Reads `YYYY-MM-DD`.
pub fn parse_day(raw: &str) -> Option<time::Date> {
    time::Date::parse(raw.trim(), &time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// The field and code of a broken rule, as people read it (`error-core-too-many`…).
pub fn rule_error(r: &RuleBroken) -> AppError {
    let field = match r {
        RuleBroken::EndsBeforeStart | RuleBroken::TooLong { .. } => "ends_on",
        RuleBroken::TwoSeats { .. } => "organisation_id",
        _ => "seat",
    };
    AppError::invalid(field, r.code())
}

/// A domain mandate of a stored one.
fn domain(m: &mandate::Model) -> Mandate {
    Mandate {
        organisation_id: m.organisation_id,
        seat: m.seat.0,
        starts_on: civil(m.starts_on),
        ends_on: civil(m.ends_on),
    }
}

/// Records a mandate (administrators, or an election's result with its poll). Refused,
/// nothing stored, with the field and the rule: an organisation not a member of the
/// network, an elected seat for other than a user cooperative or a facilitator seat for
/// other than the facilitating cooperative, days that do not read, a mandate that ends
/// before it starts or lasts longer than the limit, more seats of a kind than the rules
/// allow on any day from today, or an organisation on two seats at once.
pub async fn add<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    time_zone: &str,
    input: &MandateInput,
    poll_id: Option<i64>,
) -> AppResult<MandateOut> {
    let mut e = FieldErrors::default();
    let seat = Seat::parse(input.seat.trim());
    if seat.is_none() {
        e.add("seat", "core-seat");
    }
    let starts_on = parse_day(&input.starts_on);
    if starts_on.is_none() {
        e.add("starts_on", "core-day");
    }
    let ends_on = parse_day(&input.ends_on);
    if ends_on.is_none() {
        e.add("ends_on", "core-day");
    }
    let org = crate::entities::organisation::Entity::find_by_id(input.organisation_id)
        .one(conn)
        .await?;
    let member = crate::entities::membership::Entity::find()
        .filter(crate::entities::membership::Column::NetworkId.eq(network_id))
        .filter(crate::entities::membership::Column::OrganisationId.eq(input.organisation_id))
        .one(conn)
        .await?
        .is_some_and(|m| m.status.0 == MembershipStatus::Member);
    match (&org, seat) {
        (Some(_), _) if !member => e.add("organisation_id", "core-organisation"),
        (None, _) => e.add("organisation_id", "core-organisation"),
        (Some(o), Some(Seat::Elected)) if o.kind.0 != OrgKind::User => e.add("organisation_id", "core-elected-user"),
        (Some(o), Some(Seat::Facilitator)) if o.kind.0 != OrgKind::Facilitator => {
            e.add("organisation_id", "core-facilitator-kind")
        }
        _ => {}
    }
    let (Some(seat), Some(starts_on), Some(ends_on)) = (seat, starts_on, ends_on) else {
        return Err(AppError::Invalid(e));
    };
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let rules = rules(conn, network_id).await?;
    let mut all: Vec<Mandate> = mandate::Entity::find()
        .filter(mandate::Column::NetworkId.eq(network_id))
        .all(conn)
        .await?
        .iter()
        .map(domain)
        .collect();
    all.push(Mandate {
        organisation_id: input.organisation_id,
        seat,
        starts_on: civil(starts_on),
        ends_on: civil(ends_on),
    });
    let today = civil(crate::money::today(time_zone));
    core_circle::check_composition(&rules, &all, std::cmp::min(today, civil(starts_on))).map_err(|r| rule_error(&r))?;
    let row = mandate::ActiveModel {
        network_id: Set(network_id),
        organisation_id: Set(input.organisation_id),
        seat: Set(Text(seat)),
        starts_on: Set(starts_on),
        ends_on: Set(ends_on),
        poll_id: Set(poll_id),
        warned_at: Set(None),
        created_by: Set(actor.person_id),
        created_at: Set(crate::clock::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "core_mandate.create",
            entity: "core_mandate",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(&row),
    )
    .await?;
    history(conn, network_id)
        .await?
        .into_iter()
        .find(|m| m.id == row.id)
        .ok_or(AppError::NotFound)
}

/// Warns of the mandates ending within [`core_circle::WARN_DAYS`] days (today in the
/// network's zone), each once: the core circle and the administrators are told, and the
/// mandate keeps when (`warned_at`). Returns how many were warned.
pub async fn warn_ending<C: ConnectionTrait>(conn: &C, network_id: i64, time_zone: &str) -> AppResult<usize> {
    let today = crate::money::today(time_zone);
    let due: Vec<mandate::Model> = mandate::Entity::find()
        .filter(mandate::Column::NetworkId.eq(network_id))
        .filter(mandate::Column::WarnedAt.is_null())
        .filter(mandate::Column::EndsOn.gte(today))
        .all(conn)
        .await?
        .into_iter()
        .filter(|m| core_circle::warn_on(civil(m.ends_on)) <= civil(today))
        .collect();
    for m in &due {
        let mut row: mandate::ActiveModel = m.clone().into();
        row.warned_at = Set(Some(crate::clock::now()));
        row.update(conn).await?;
        super::notifications::mandate_ending(conn, m).await?;
    }
    Ok(due.len())
}

/// The mandates ending within `days` days from today (the dashboard's), soonest first.
pub async fn ending_within<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    time_zone: &str,
    days: i64,
) -> AppResult<Vec<MandateOut>> {
    let today = crate::money::today(time_zone);
    let until = today + time::Duration::days(days);
    let mut out: Vec<MandateOut> = history(conn, network_id)
        .await?
        .into_iter()
        .filter(|m| m.ends_on >= today && m.ends_on <= until && m.starts_on <= today)
        .collect();
    out.sort_by_key(|m| (m.ends_on, m.id));
    Ok(out)
}
