//! "How busy will we be": per month, from the current month (in the network's time
//! zone), an organisation's accepted work (its lines in the splits in force) against the
//! capacity it declared (its interests). The rule is
//! `intercoop_domain::work_sharing::busyness`'s; two queries.

use super::data::civil;
use crate::db;
use crate::error::AppResult;
use intercoop_domain::work_sharing::{Booking, Declaration, Month, busyness};
use sea_orm::ConnectionTrait;
use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Query};
use serde::Serialize;
use utoipa::ToSchema;

/// One month of an organisation's load.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MonthOut {
    /// `YYYY-MM`.
    pub month: String,
    /// Days of accepted work in the month (the work's days spread over its dates).
    pub booked_days: i64,
    /// Days declared available in the month (the latest declaration covering it).
    pub capacity_days: Option<i64>,
    /// Booked days as a percentage of capacity, rounded down.
    pub percent: Option<i64>,
    /// More work booked than declared available.
    pub over: bool,
}

/// How busy an organisation will be.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BusynessOut {
    pub organisation_id: i64,
    pub months: Vec<MonthOut>,
}

#[derive(sea_orm::FromQueryResult)]
struct BookingRow {
    days: i64,
    starts_on: time::Date,
    ends_on: time::Date,
}

#[derive(sea_orm::FromQueryResult)]
struct DeclarationRow {
    id: i64,
    capacity_days: i64,
    available_from: time::Date,
    available_to: time::Date,
    updated_at: time::OffsetDateTime,
}

/// The organisation's load per month from `today`'s month on.
pub async fn of<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    organisation_id: i64,
    today: time::Date,
) -> AppResult<BusynessOut> {
    let bookings = Query::select()
        .expr_as(Expr::col(("l", "days")), "days")
        .expr_as(Expr::col(("w", "starts_on")), "starts_on")
        .expr_as(Expr::col(("w", "ends_on")), "ends_on")
        .from_as("work_split_lines", "l")
        .join_as(
            JoinType::InnerJoin,
            "work_splits",
            "s",
            Expr::col(("s", "id")).equals(("l", "split_id")),
        )
        .join_as(
            JoinType::InnerJoin,
            "work_opportunities",
            "w",
            Expr::col(("w", "id")).equals(("s", "opportunity_id")),
        )
        .and_where(Expr::col(("l", "network_id")).eq(network_id))
        .and_where(Expr::col(("l", "organisation_id")).eq(organisation_id))
        .and_where(Expr::col(("s", "status")).eq("in_force"))
        .and_where(Expr::col(("w", "ends_on")).gte(today))
        .take();
    let bookings: Vec<BookingRow> = db::fetch_all(conn, &bookings).await?;
    let declarations = Query::select()
        .columns(["id", "capacity_days", "available_from", "available_to", "updated_at"])
        .from("work_interests")
        .and_where(Expr::col("network_id").eq(network_id))
        .and_where(Expr::col("organisation_id").eq(organisation_id))
        .and_where(Expr::col("available_to").gte(today))
        .take();
    let declarations: Vec<DeclarationRow> = db::fetch_all(conn, &declarations).await?;
    let bookings: Vec<Booking> = bookings
        .iter()
        .map(|b| Booking {
            days: b.days,
            from: civil(b.starts_on),
            to: civil(b.ends_on),
        })
        .collect();
    let declarations: Vec<Declaration> = declarations
        .iter()
        .map(|d| Declaration {
            days: d.capacity_days,
            from: civil(d.available_from),
            to: civil(d.available_to),
            // The latest declaration wins (then the latest row).
            order: d.updated_at.unix_timestamp() * 1_000_000 + d.id % 1_000_000,
        })
        .collect();
    let first = Month::of(civil(today));
    let months = busyness(&bookings, &declarations)
        .into_iter()
        .filter(|m| m.month >= first)
        .map(|m| MonthOut {
            month: format!("{:04}-{:02}", m.month.year, m.month.month),
            booked_days: m.booked_days,
            capacity_days: m.capacity_days,
            percent: m.percent(),
            over: m.over(),
        })
        .collect();
    Ok(BusynessOut {
        organisation_id,
        months,
    })
}
