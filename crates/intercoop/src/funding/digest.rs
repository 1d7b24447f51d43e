//! The share changes of the daily digest, worked out when the digest is sent.
//!
//! A pledge changes the share of everyone already in its campaign. Writing one row per
//! other participant at each pledge made a pledge's cost grow with its campaign (69 rows
//! at 70 participants). Instead:
//! - each pledge keeps the share its organisation was last told (`pledges.notified_cents`):
//!   its share when it pledged (it saw it before confirming), then the one of the last
//!   digest that reported a change;
//! - a pledge or a withdrawal that moved the others' shares marks its campaign
//!   (`campaigns.digest_due`), in the statement that already writes the list summary;
//! - the digest ([`take_changes`]) recomputes the split of each marked campaign, reports
//!   each organisation whose share differs from what it was told, and records the new
//!   amounts, all in the digest's transaction. What a digest reports is therefore the
//!   first and last amount since the previous digest, as before.
//!
//! A campaign that closed in between is not reported: its participants were told how
//! it closed (funded, with their payment request, or lapsed).

use super::campaign::participant_of_pledge;
use super::entities::{campaign, pledge};
use super::terms::terms_of;
use crate::db;
use crate::db::migrations::Rebuild;
use crate::error::{AppError, AppResult};
use intercoop_domain::Money;
use intercoop_domain::funding::{CampaignStatus, PledgeStatus};
use intercoop_domain::sharing::compute_shares;
use sea_orm::sea_query::{CaseStatement, Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseTransaction, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::BTreeMap;

/// One organisation's share of one campaign, changed since it was last told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareChange {
    pub network_id: i64,
    pub organisation_id: i64,
    pub proposal_id: i64,
    pub title: String,
    /// What it was last told.
    pub before_cents: i64,
    pub after_cents: i64,
}

/// How many rows one `UPDATE … CASE` or `IN (…)` carries (PostgreSQL allows 65 535 bind
/// parameters per statement, SQLite 32 766).
const CHUNK: usize = 500;

/// Takes the share changes since the last digest, in order of campaign and pledge, and
/// records them as told: each organisation is then reported a change once. `network`
/// keeps to one network (the seed marks its own as told).
///
/// BACKEND-SPECIFIC: the marked campaigns are locked on PostgreSQL (`FOR UPDATE`, the
/// lock a pledge takes) so that a pledge committed meanwhile is not marked as told; on
/// SQLite the single writer connection serialises the two.
pub async fn take_changes<C: ConnectionTrait>(conn: &C, network: Option<i64>) -> AppResult<Vec<ShareChange>> {
    let mut q = campaign::Entity::find()
        .filter(campaign::Column::DigestDue.eq(true))
        .order_by_asc(campaign::Column::Id);
    if let Some(n) = network {
        q = q.filter(campaign::Column::NetworkId.eq(n));
    }
    if conn.get_database_backend() == DatabaseBackend::Postgres {
        q = q.lock_exclusive();
    }
    let due = q.all(conn).await?;
    if due.is_empty() {
        return Ok(Vec::new());
    }
    let open: Vec<&campaign::Model> = due.iter().filter(|c| c.status == CampaignStatus::Open).collect();
    // The proposals table is read by name: the co-funding sits below the proposals feature.
    #[derive(sea_orm::FromQueryResult)]
    struct Title {
        id: i64,
        title: String,
    }
    let q = Query::select()
        .columns(["id", "title"])
        .from("proposals")
        .and_where(Expr::col("id").is_in(open.iter().map(|c| c.proposal_id)))
        .take();
    let titles: BTreeMap<i64, String> = db::fetch_all::<Title, _>(conn, &q)
        .await?
        .into_iter()
        .map(|t| (t.id, t.title))
        .collect();
    let mut changes = Vec::new();
    let mut told = Vec::new();
    for (c, list) in shares_now(conn, &open).await? {
        for (p, now) in list {
            if p.notified_cents == Some(now) {
                continue;
            }
            if let Some(before) = p.notified_cents {
                changes.push(ShareChange {
                    network_id: c.network_id,
                    organisation_id: p.organisation_id,
                    proposal_id: c.proposal_id,
                    title: titles.get(&c.proposal_id).cloned().unwrap_or_default(),
                    before_cents: before,
                    after_cents: now,
                });
            }
            told.push((p.id, now));
        }
    }
    record_told(conn, &told).await?;
    let ids: Vec<i64> = due.iter().map(|c| c.id).collect();
    mark_due(conn, &ids, false).await?;
    Ok(changes)
}

/// Each campaign's active pledges, oldest first, with each one's share in the campaign's
/// split now (cents): one query per few hundred campaigns. A campaign whose split cannot
/// be computed (never stored by the app) is left out, with a warning, so that it does not
/// hold back the others.
async fn shares_now<'c, C: ConnectionTrait>(
    conn: &C,
    campaigns: &[&'c campaign::Model],
) -> AppResult<Vec<(&'c campaign::Model, Vec<(pledge::Model, i64)>)>> {
    let mut pledges: BTreeMap<i64, Vec<pledge::Model>> = BTreeMap::new();
    for chunk in campaigns.chunks(CHUNK) {
        for p in pledge::Entity::find()
            .filter(pledge::Column::CampaignId.is_in(chunk.iter().map(|c| c.id)))
            .filter(pledge::Column::Status.eq(PledgeStatus::Active.as_str()))
            .order_by_asc(pledge::Column::Id)
            .all(conn)
            .await?
        {
            pledges.entry(p.campaign_id).or_default().push(p);
        }
    }
    let mut out = Vec::new();
    for c in campaigns {
        let list = pledges.remove(&c.id).unwrap_or_default();
        let participants: Vec<_> = list.iter().map(participant_of_pledge).collect();
        match compute_shares(&terms_of(c), &participants) {
            Ok(shares) => out.push((
                *c,
                list.into_iter()
                    .map(|p| {
                        let now = shares.amount_of(p.organisation_id).unwrap_or(Money::ZERO).cents();
                        (p, now)
                    })
                    .collect(),
            )),
            Err(e) => tracing::warn!(campaign = c.id, error = ?e, "share digest: split cannot be computed"),
        }
    }
    Ok(out)
}

/// Sets or clears the digest mark of campaigns.
async fn mark_due<C: ConnectionTrait>(conn: &C, ids: &[i64], due: bool) -> AppResult<()> {
    for chunk in ids.chunks(CHUNK) {
        campaign::Entity::update_many()
            .col_expr(campaign::Column::DigestDue, Expr::val(due))
            .filter(campaign::Column::Id.is_in(chunk.iter().copied()))
            .exec(conn)
            .await?;
    }
    Ok(())
}

/// Records what each pledge's organisation was told: one statement per few hundred
/// pledges (`UPDATE … SET notified_cents = CASE id WHEN … END`).
async fn record_told<C: ConnectionTrait>(conn: &C, told: &[(i64, i64)]) -> AppResult<()> {
    for chunk in told.chunks(CHUNK) {
        let case = chunk.iter().fold(CaseStatement::new(), |case, (id, cents)| {
            case.case(pledge::Column::Id.eq(*id), Expr::val(*cents))
        });
        pledge::Entity::update_many()
            .col_expr(pledge::Column::NotifiedCents, case.into())
            .filter(pledge::Column::Id.is_in(chunk.iter().map(|(id, _)| *id)))
            .exec(conn)
            .await?;
    }
    Ok(())
}

/// Tells every active pledge of an open campaign that was told no share yet
/// (`notified_cents` NULL) its current share ([`fill_told`]): asked for by migration 8,
/// which added the column and carried the unsent share changes over, and run after the
/// last migration.
pub const REBUILD_TOLD_SHARES: Rebuild = Rebuild {
    name: "funding.told_shares",
    run: |txn| Box::pin(fill_told(txn)),
};

/// Sets `notified_cents` to its current share for every active pledge of an open
/// campaign where it is NULL; the others keep what they were told. A campaign whose
/// split cannot be computed is left out (see [`shares_now`]).
pub async fn fill_told(txn: &DatabaseTransaction) -> Result<(), DbErr> {
    let wrap = |e: AppError| match e {
        AppError::Db(e) => e,
        other => DbErr::Custom(other.to_string()),
    };
    let untold = Query::select()
        .column(pledge::Column::CampaignId)
        .from(pledge::Entity)
        .and_where(pledge::Column::Status.eq(PledgeStatus::Active.as_str()))
        .and_where(pledge::Column::NotifiedCents.is_null())
        .take();
    let open = campaign::Entity::find()
        .filter(campaign::Column::Status.eq(CampaignStatus::Open.as_str()))
        .filter(campaign::Column::Id.in_subquery(untold))
        .order_by_asc(campaign::Column::Id)
        .all(txn)
        .await?;
    let open: Vec<&campaign::Model> = open.iter().collect();
    let mut told = Vec::new();
    for (_, list) in shares_now(txn, &open).await.map_err(wrap)? {
        told.extend(
            list.into_iter()
                .filter(|(p, _)| p.notified_cents.is_none())
                .map(|(p, now)| (p.id, now)),
        );
    }
    record_told(txn, &told).await.map_err(wrap)
}
