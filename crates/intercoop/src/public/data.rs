//! What a network's public page reads: its text about itself in a language, the
//! member organisations that agreed to be listed (with their city and place), the work
//! it funded, what it co-funds now, and its upcoming public events. Each is one query,
//! bounded, and scoped by network.

use crate::error::AppResult;
use crate::i18n::Lang;
use crate::joining::entities::{about, listing};
use intercoop_domain::funding::CampaignStatus;
use intercoop_domain::lifecycle::ProposalStatus;
use intercoop_domain::meetings::{MeetingKind, MeetingStatus};
use intercoop_domain::organisation::MembershipStatus;
use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Order, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use time::OffsetDateTime;

/// The most funded works, co-fundings and events the page shows.
pub const SHOWN: u64 = 12;

/// The network's text about itself in `lang`, else in its own language, else any.
pub async fn about_text<C: ConnectionTrait>(conn: &C, network_id: i64, lang: Lang, default: Lang) -> AppResult<String> {
    let rows = about::Entity::find()
        .filter(about::Column::NetworkId.eq(network_id))
        .all(conn)
        .await?;
    let pick = |l: Lang| {
        rows.iter()
            .find(|r| r.language == l.code() && !r.body.trim().is_empty())
    };
    Ok(pick(lang)
        .or_else(|| pick(default))
        .or_else(|| rows.iter().find(|r| !r.body.trim().is_empty()))
        .map(|r| r.body.clone())
        .unwrap_or_default())
}

/// Every language's text (for the settings page).
pub async fn about_all<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<(Lang, String)>> {
    let rows = about::Entity::find()
        .filter(about::Column::NetworkId.eq(network_id))
        .all(conn)
        .await?;
    Ok(Lang::ALL
        .iter()
        .map(|l| {
            let body = rows
                .iter()
                .find(|r| r.language == l.code())
                .map(|r| r.body.clone())
                .unwrap_or_default();
            (*l, body)
        })
        .collect())
}

/// Stores a language's text (empty: none).
pub async fn save_about<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    lang: Lang,
    body: &str,
    by: i64,
) -> AppResult<()> {
    let existing = about::Entity::find()
        .filter(about::Column::NetworkId.eq(network_id))
        .filter(about::Column::Language.eq(lang.code()))
        .one(conn)
        .await?;
    match existing {
        Some(r) if r.body == body => {}
        Some(r) => {
            let mut m: about::ActiveModel = r.into();
            m.body = Set(body.to_string());
            m.updated_by = Set(Some(by));
            m.updated_at = Set(crate::db::now());
            m.update(conn).await?;
        }
        None if body.trim().is_empty() => {}
        None => {
            about::ActiveModel {
                network_id: Set(network_id),
                language: Set(lang.code().into()),
                body: Set(body.to_string()),
                updated_by: Set(Some(by)),
                updated_at: Set(crate::db::now()),
                ..Default::default()
            }
            .insert(conn)
            .await?;
        }
    }
    Ok(())
}

/// A member organisation on the public page.
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
pub struct Listed {
    pub name: String,
    pub website: String,
    pub city: String,
    pub latitude_e6: Option<i64>,
    pub longitude_e6: Option<i64>,
}

/// The most members the public page names; the others are on `/n/{slug}/members`.
pub const MEMBERS_SHOWN: u64 = 24;

/// The members' listings joined to what the public page shows: the members (now)
/// that agreed to be listed, of one network.
fn listed_rows(network_id: i64) -> sea_orm::sea_query::SelectStatement {
    let mut q = Query::select();
    q.from_as("member_listings", "l")
        .join_as(
            JoinType::InnerJoin,
            "memberships",
            "m",
            Expr::col(("m", "organisation_id"))
                .equals(("l", "organisation_id"))
                .and(Expr::col(("m", "network_id")).equals(("l", "network_id"))),
        )
        .and_where(Expr::col(("l", "network_id")).eq(network_id))
        .and_where(Expr::col(("l", "listed")).eq(true))
        .and_where(Expr::col(("m", "status")).eq(MembershipStatus::Member.as_str()));
    q
}

/// A page of the members (now) that agreed to be listed, by name, and how many there
/// are. Read from the organisations in name order outwards (`db::join_in_order`), so
/// that the page stops after its rows whatever the network's size; the count reads the
/// listings and memberships alone (and is reused on SQLite until the next commit:
/// `db::fetch_page`).
pub async fn listed(db: &crate::db::Db, network_id: i64, page: &crate::api::Page) -> AppResult<(Vec<Listed>, i64)> {
    let backend = db.backend();
    let mut q = Query::select();
    q.expr_as(Expr::col(("o", "name")), "name")
        .expr_as(Expr::col(("o", "website")), "website")
        .expr_as(Expr::col(("l", "city")), "city")
        .expr_as(Expr::col(("l", "latitude_e6")), "latitude_e6")
        .expr_as(Expr::col(("l", "longitude_e6")), "longitude_e6")
        .from_as("organisations", "o");
    crate::db::join_in_order(
        &mut q,
        backend,
        "memberships",
        "m",
        Expr::col(("m", "organisation_id"))
            .equals(("o", "id"))
            .and(Expr::col(("m", "network_id")).eq(network_id)),
    );
    crate::db::join_in_order(
        &mut q,
        backend,
        "member_listings",
        "l",
        Expr::col(("l", "organisation_id"))
            .equals(("o", "id"))
            .and(Expr::col(("l", "network_id")).eq(network_id)),
    );
    q.and_where(Expr::col(("l", "listed")).eq(true))
        .and_where(Expr::col(("m", "status")).eq(MembershipStatus::Member.as_str()))
        .order_by(("o", "name_key"), Order::Asc)
        .order_by(("o", "id"), Order::Asc)
        .limit(page.limit())
        .offset(page.offset());
    let mut count = listed_rows(network_id);
    count.expr(Expr::cust("COUNT(*)"));
    Ok(crate::db::fetch_page(db, &q, &count, page.offset()).await?)
}

/// A place on the map: a city and how many listed members are there.
#[derive(Debug, Clone, PartialEq, sea_orm::FromQueryResult)]
pub struct Place {
    pub city: String,
    /// Millionths of a degree (WGS 84).
    pub latitude_e6: i64,
    pub longitude_e6: i64,
    pub members: i64,
}

/// The places of the listed members (one per coordinates, with the first city name
/// given there), north to south: at most one row per place, whatever the members.
pub async fn places<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<Place>> {
    let mut q = listed_rows(network_id);
    q.expr_as(Expr::col(("l", "city")).min(), "city")
        .expr_as(Expr::col(("l", "latitude_e6")), "latitude_e6")
        .expr_as(Expr::col(("l", "longitude_e6")), "longitude_e6")
        .expr_as(Expr::col(("l", "id")).count(), "members")
        .and_where(Expr::col(("l", "latitude_e6")).is_not_null())
        .and_where(Expr::col(("l", "longitude_e6")).is_not_null())
        .group_by_col(("l", "latitude_e6"))
        .group_by_col(("l", "longitude_e6"))
        .order_by(("l", "latitude_e6"), Order::Desc)
        .order_by(("l", "longitude_e6"), Order::Asc);
    Ok(crate::db::fetch_all(conn, &q).await?)
}

/// A work the network funded, or is co-funding now.
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
pub struct Work {
    pub id: i64,
    pub title: String,
    pub status: String,
    /// For a co-funding: what it needs and what pledges cover (cents).
    pub amount_cents: i64,
    pub covered_cents: i64,
}

impl Work {
    /// The share covered, in percent (0 to 100).
    pub fn percent(&self) -> i64 {
        if self.amount_cents <= 0 {
            return 100;
        }
        (i128::from(self.covered_cents) * 100 / i128::from(self.amount_cents)).clamp(0, 100) as i64
    }
}

/// The works funded (funded, in progress, delivered), latest first, at most `SHOWN`.
/// One query per status, each reading its latest `SHOWN` from the index on (network_id,
/// status, updated_at, id) (migration 41), merged here: one query of the three statuses
/// read and sorted all of them (some 1 500 at scale 100).
pub async fn funded<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<Work>> {
    let mut out: Vec<(Work, OffsetDateTime)> = Vec::new();
    for status in [
        ProposalStatus::Funded,
        ProposalStatus::InProgress,
        ProposalStatus::Delivered,
    ] {
        let mut q = Query::select();
        q.expr_as(Expr::col(("p", "id")), "id")
            .expr_as(Expr::col(("p", "title")), "title")
            .expr_as(Expr::col(("p", "status")), "status")
            .expr_as(Expr::col(("p", "updated_at")), "updated_at")
            .from_as("proposals", "p")
            .and_where(Expr::col(("p", "network_id")).eq(network_id))
            .and_where(Expr::col(("p", "status")).eq(status.as_str()))
            .order_by(("p", "updated_at"), Order::Desc)
            .order_by(("p", "id"), Order::Desc)
            .limit(SHOWN);
        #[derive(sea_orm::FromQueryResult)]
        struct Row {
            id: i64,
            title: String,
            status: String,
            updated_at: OffsetDateTime,
        }
        let rows: Vec<Row> = crate::db::fetch_all(conn, &q).await?;
        out.extend(rows.into_iter().map(|r| {
            (
                Work {
                    id: r.id,
                    title: r.title,
                    status: r.status,
                    // A funded work shows no progress.
                    amount_cents: 0,
                    covered_cents: 0,
                },
                r.updated_at,
            )
        }));
    }
    out.sort_by(|(a, at), (b, bt)| bt.cmp(at).then(b.id.cmp(&a.id)));
    out.truncate(SHOWN as usize);
    Ok(out.into_iter().map(|(w, _)| w).collect())
}

/// The co-fundings open now, closest deadline first, with their progress.
pub async fn cofunding<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<Work>> {
    let mut q = Query::select();
    q.expr_as(Expr::col(("p", "id")), "id")
        .expr_as(Expr::col(("p", "title")), "title")
        .expr_as(Expr::col(("c", "status")), "status")
        .expr_as(Expr::col(("c", "amount_cents")), "amount_cents")
        .expr_as(Expr::col(("c", "covered_cents")), "covered_cents")
        .from_as("campaigns", "c")
        .join_as(
            JoinType::InnerJoin,
            "proposals",
            "p",
            Expr::col(("p", "id")).equals(("c", "proposal_id")),
        )
        .and_where(Expr::col(("c", "network_id")).eq(network_id))
        .and_where(Expr::col(("c", "status")).eq(CampaignStatus::Open.as_str()))
        .order_by(("c", "deadline"), Order::Asc)
        .order_by(("c", "id"), Order::Asc)
        .limit(SHOWN);
    Ok(crate::db::fetch_all(conn, &q).await?)
}

/// An upcoming public event.
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
pub struct Event {
    pub title: String,
    pub place: String,
    pub starts_at: OffsetDateTime,
    pub ends_at: OffsetDateTime,
}

/// The events (meetings of kind `event`) not cancelled that end after `now`, soonest first.
pub async fn events<C: ConnectionTrait>(conn: &C, network_id: i64, now: OffsetDateTime) -> AppResult<Vec<Event>> {
    let mut q = Query::select();
    q.columns(["title", "place", "starts_at", "ends_at"])
        .from("meetings")
        .and_where(Expr::col("network_id").eq(network_id))
        .and_where(Expr::col("kind").eq(MeetingKind::Event.as_str()))
        .and_where(Expr::col("status").eq(MeetingStatus::Scheduled.as_str()))
        .and_where(Expr::col("ends_at").gte(now))
        .order_by("starts_at", Order::Asc)
        .limit(SHOWN);
    Ok(crate::db::fetch_all(conn, &q).await?)
}

/// An organisation's listing (its city from the application, not listed, when none).
pub async fn listing_of<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    organisation_id: i64,
) -> AppResult<listing::Model> {
    let row = listing::Entity::find()
        .filter(listing::Column::NetworkId.eq(network_id))
        .filter(listing::Column::OrganisationId.eq(organisation_id))
        .one(conn)
        .await?;
    Ok(row.unwrap_or(listing::Model {
        id: 0,
        network_id,
        organisation_id,
        listed: false,
        city: String::new(),
        latitude_e6: None,
        longitude_e6: None,
        updated_at: crate::db::now(),
    }))
}

/// Stores an organisation's listing.
pub async fn save_listing<C: ConnectionTrait>(conn: &C, l: listing::Model) -> AppResult<()> {
    let existing = listing::Entity::find()
        .filter(listing::Column::NetworkId.eq(l.network_id))
        .filter(listing::Column::OrganisationId.eq(l.organisation_id))
        .one(conn)
        .await?;
    let now = crate::db::now();
    match existing {
        Some(r) => {
            let mut m: listing::ActiveModel = r.into();
            m.listed = Set(l.listed);
            m.city = Set(l.city);
            m.latitude_e6 = Set(l.latitude_e6);
            m.longitude_e6 = Set(l.longitude_e6);
            m.updated_at = Set(now);
            m.update(conn).await?;
        }
        None => {
            listing::ActiveModel {
                network_id: Set(l.network_id),
                organisation_id: Set(l.organisation_id),
                listed: Set(l.listed),
                city: Set(l.city),
                latitude_e6: Set(l.latitude_e6),
                longitude_e6: Set(l.longitude_e6),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(conn)
            .await?;
        }
    }
    Ok(())
}
