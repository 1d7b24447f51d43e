//! Pools and the money received into them: each contribution is a journal entry (bank
//! / pool) in the transaction that records it, so a pool's balance is its `pool`
//! account's.

use super::entities::{contribution, pool, round};
use crate::audit::{self, Actor, Change};
use crate::db;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::money::ledger::{self, About};
use intercoop_domain::Money;
use intercoop_domain::ledger::{Account, Event};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// The most one amount may be, in cents (a billion units of the currency).
pub const MAX_CENTS: i64 = 100_000_000_000;

/// A longer text (a description, a budget breakdown): at most `max` characters, may be
/// empty; trimmed.
pub fn paragraphs(errors: &mut FieldErrors, field: &str, input: Option<&str>, max: usize) -> String {
    let text = input.unwrap_or("").trim().to_string();
    if text.chars().count() > max {
        errors.add(field, "too-long");
    }
    text
}

/// An amount typed in cents: positive (or zero with `zero`), at most [`MAX_CENTS`].
pub fn amount(errors: &mut FieldErrors, field: &str, cents: i64, zero: bool) -> Money {
    if cents < 0 || (cents == 0 && !zero) {
        errors.add(field, "amount-positive");
    } else if cents > MAX_CENTS {
        errors.add(field, "amount-out-of-range");
    }
    Money::from_cents(cents)
}

/// A pool as the API takes it.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PoolIn {
    /// Its name ("Solidarity fund"), at most 140 characters.
    pub name: String,
    /// What it is for, at most 5 000 characters.
    #[serde(default)]
    pub description: Option<String>,
}

/// A pool with its money.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PoolOut {
    pub id: i64,
    pub name: String,
    pub description: String,
    /// Received into the pool, all contributions together, in cents.
    pub contributed_cents: i64,
    /// What the pool holds now (its journal account): received, less what rounds gave
    /// to funded buckets.
    pub balance_cents: i64,
    /// Promised to rounds still open (their allocations and matching pools).
    pub committed_cents: i64,
    /// Kept for participants by earlier rounds (returned to them, for the next round).
    pub carried_cents: i64,
    /// What a new round can share out: balance − committed − carried.
    pub available_cents: i64,
    pub contributions: usize,
    pub rounds: usize,
}

/// A contribution as the API takes it: money received into the pool.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContributionIn {
    /// The member organisation that gave (none only for a grant).
    #[serde(default)]
    pub organisation_id: Option<i64>,
    /// In cents, positive.
    pub amount_cents: i64,
    /// The money is in the bank (must be `true`: a contribution is recorded when it is
    /// received; to ask for one, send a payment request).
    #[serde(default = "yes")]
    pub received: bool,
    /// `periodic` (a fixed amount per member per period), `surplus` (a part of a declared
    /// surplus), `gift` (the default) or `grant`.
    #[serde(default)]
    pub kind: Option<String>,
    /// A note (at most 200 characters).
    #[serde(default)]
    pub note: Option<String>,
}

fn yes() -> bool {
    true
}

/// The kinds of contribution.
pub const KINDS: [&str; 4] = ["periodic", "surplus", "gift", "grant"];

/// A contribution received.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ContributionOut {
    pub id: i64,
    pub pool_id: i64,
    pub organisation_id: Option<i64>,
    /// The organisation's name (empty for a grant without one).
    pub organisation: String,
    pub kind: String,
    pub amount_cents: i64,
    pub note: String,
    pub received: bool,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub received_at: time::OffsetDateTime,
}

/// Makes a pool. 422 on `name`, `description`.
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    input: &PoolIn,
) -> AppResult<pool::Model> {
    let mut errors = FieldErrors::default();
    let name = errors.line("name", &input.name, 140);
    let description = paragraphs(&mut errors, "description", input.description.as_deref(), 5_000);
    errors.into_result()?;
    let row = pool::Entity::insert(pool::ActiveModel {
        network_id: Set(network_id),
        name: Set(name.unwrap_or_default()),
        description: Set(description),
        created_by: Set(actor.person_id),
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
            action: "pool.create",
            entity: "pool",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(&row),
    )
    .await?;
    Ok(row)
}

/// A pool of the network (404 for another network's).
pub async fn get<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<pool::Model> {
    pool::Entity::find_by_id(id)
        .filter(pool::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// A pool of the network, locked until the end of the transaction, so that two rounds
/// opened on it at once cannot both share out the same available money: the second
/// reads what the pool has available only once the first has committed its promises.
///
/// BACKEND-SPECIFIC: PostgreSQL locks the pool's row (`SELECT … FOR UPDATE`). On SQLite
/// every write transaction is `BEGIN IMMEDIATE` on the single writer (see `db::writer`),
/// which already serialises them, and SQLite has no row locks.
pub async fn locked<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<pool::Model> {
    let mut q = pool::Entity::find_by_id(id).filter(pool::Column::NetworkId.eq(network_id));
    if conn.get_database_backend() == DatabaseBackend::Postgres {
        q = QuerySelect::lock_exclusive(q);
    }
    q.one(conn).await?.ok_or(AppError::NotFound)
}

/// The network's pools with their money, by name.
pub async fn list<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<PoolOut>> {
    let pools = pool::Entity::find()
        .filter(pool::Column::NetworkId.eq(network_id))
        .order_by_asc(pool::Column::Name)
        .order_by_asc(pool::Column::Id)
        .all(conn)
        .await?;
    outs(conn, network_id, pools).await
}

/// One pool with its money.
pub async fn show<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<PoolOut> {
    let p = get(conn, network_id, id).await?;
    Ok(outs(conn, network_id, vec![p]).await?.remove(0))
}

/// The money of pools: one read of contributions, rounds and carried allocations, and
/// the pool accounts' balances.
async fn outs<C: ConnectionTrait>(conn: &C, network_id: i64, pools: Vec<pool::Model>) -> AppResult<Vec<PoolOut>> {
    let ids: Vec<i64> = pools.iter().map(|p| p.id).collect();
    // Summed by the database (a pool fed weekly by a hundred members has thousands of
    // contributions); cast back to a 64-bit integer, which PostgreSQL's SUM is not. An
    // overflow is an error on both, never a wrapped amount.
    let contributed: BTreeMap<i64, (i64, usize)> = contribution::Entity::find()
        .select_only()
        .column(contribution::Column::PoolId)
        .expr(Expr::col(contribution::Column::AmountCents).sum().cast_as("BIGINT"))
        .expr(Expr::col(contribution::Column::Id).count())
        .filter(contribution::Column::NetworkId.eq(network_id))
        .filter(contribution::Column::PoolId.is_in(ids.clone()))
        .group_by(contribution::Column::PoolId)
        .into_tuple::<(i64, i64, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .map(|(pool, cents, n)| (pool, (cents, n as usize)))
        .collect();
    let rounds = round::Entity::find()
        .filter(round::Column::NetworkId.eq(network_id))
        .filter(round::Column::PoolId.is_in(ids.clone()))
        .all(conn)
        .await?;
    let carried = super::shares::carried_by_pool(conn, network_id, &ids).await?;
    let mut out = Vec::with_capacity(pools.len());
    for p in pools {
        let balance = -ledger::balance(conn, network_id, Account::pool(p.id)).await?.cents();
        let mine: Vec<&round::Model> = rounds.iter().filter(|r| r.pool_id == p.id).collect();
        let committed: i64 = mine
            .iter()
            .filter(|r| r.status == super::entities::OPEN)
            .map(|r| r.budget_cents + r.matching_cents)
            .sum();
        let carried = carried.get(&p.id).copied().unwrap_or(0);
        let (contributed_cents, contributions) = contributed.get(&p.id).copied().unwrap_or_default();
        out.push(PoolOut {
            id: p.id,
            name: p.name,
            description: p.description,
            contributed_cents,
            balance_cents: balance,
            committed_cents: committed,
            carried_cents: carried,
            available_cents: balance - committed - carried,
            contributions,
            rounds: mine.len(),
        });
    }
    Ok(out)
}

/// Records money received into a pool: the contribution and its journal entry (bank /
/// pool). 422 on `organisation_id` (not a member organisation of the network; required
/// unless the kind is `grant`), `amount_cents`, `received` (false), `kind`, `note`.
pub async fn contribute<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    pool_id: i64,
    input: &ContributionIn,
) -> AppResult<contribution::Model> {
    let p = get(conn, network_id, pool_id).await?;
    let mut errors = FieldErrors::default();
    let kind = input.kind.clone().unwrap_or_else(|| "gift".to_string());
    if !KINDS.contains(&kind.as_str()) {
        errors.add("kind", "pools-contribution-kind");
    }
    let amount = amount(&mut errors, "amount_cents", input.amount_cents, false);
    if !input.received {
        errors.add("received", "pools-received-only");
    }
    let note = errors.optional_line("note", input.note.as_deref().unwrap_or(""), 200);
    match input.organisation_id {
        Some(org) if !is_member(conn, network_id, org).await? => errors.add("organisation_id", "pools-not-a-member"),
        None if kind != "grant" => errors.add("organisation_id", "required"),
        _ => {}
    }
    errors.into_result()?;
    let row = contribution::Entity::insert(contribution::ActiveModel {
        network_id: Set(network_id),
        pool_id: Set(p.id),
        organisation_id: Set(input.organisation_id),
        kind: Set(kind),
        amount_cents: Set(amount.cents()),
        note: Set(note),
        recorded_by: Set(actor.person_id),
        received_at: Set(db::now()),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await?;
    ledger::post(
        conn,
        network_id,
        vec![(
            Event::PoolContribution { pool: p.id, amount },
            About {
                memo: format!("pool {} contribution {}", p.id, row.id),
                ..About::default()
            },
        )],
    )
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "pool.contribution",
            entity: "pool_contribution",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(&row),
    )
    .await?;
    Ok(row)
}

/// Whether `organisation_id` is a member organisation of the network now.
pub async fn is_member<C: ConnectionTrait>(conn: &C, network_id: i64, organisation_id: i64) -> AppResult<bool> {
    use crate::entities::membership;
    Ok(membership::Entity::find()
        .filter(membership::Column::NetworkId.eq(network_id))
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .filter(membership::Column::Status.eq("member"))
        .one(conn)
        .await?
        .is_some())
}

/// The names of organisations, by id.
pub async fn names<C: ConnectionTrait>(conn: &C, ids: Vec<i64>) -> AppResult<BTreeMap<i64, String>> {
    use crate::entities::organisation;
    let mut out = BTreeMap::new();
    for chunk in ids.chunks(500) {
        for o in organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(chunk.to_vec()))
            .all(conn)
            .await?
        {
            out.insert(o.id, o.name);
        }
    }
    Ok(out)
}

/// A pool's contributions, newest first.
pub async fn contributions<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    pool_id: i64,
) -> AppResult<Vec<ContributionOut>> {
    get(conn, network_id, pool_id).await?;
    let rows = contribution::Entity::find()
        .filter(contribution::Column::NetworkId.eq(network_id))
        .filter(contribution::Column::PoolId.eq(pool_id))
        .order_by_desc(contribution::Column::ReceivedAt)
        .order_by_desc(contribution::Column::Id)
        .all(conn)
        .await?;
    let names = names(conn, rows.iter().filter_map(|c| c.organisation_id).collect()).await?;
    Ok(rows.into_iter().map(|c| contribution_out(c, &names)).collect())
}

/// A contribution as the API shows it.
pub fn contribution_out(c: contribution::Model, names: &BTreeMap<i64, String>) -> ContributionOut {
    ContributionOut {
        id: c.id,
        pool_id: c.pool_id,
        organisation: c
            .organisation_id
            .and_then(|o| names.get(&o).cloned())
            .unwrap_or_default(),
        organisation_id: c.organisation_id,
        kind: c.kind,
        amount_cents: c.amount_cents,
        note: c.note,
        received: true,
        received_at: c.received_at,
    }
}
