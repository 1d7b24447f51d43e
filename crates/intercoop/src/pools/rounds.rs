//! Budgeting rounds: opening one on a pool (each participant's allocation, exact to the
//! cent, `intercoop_domain::pooling::allocate`), proposing buckets, and showing them.
//! Placing an allocation in a bucket is [`super::placements`]'.

use super::data::{self, amount, paragraphs};
use super::entities::{BY_ORGANISATION, BY_PERSON, CLOSED, OPEN, allocation, bucket, pool, round};
use super::shares;
use crate::audit::{self, Actor, Change};
use crate::db;
use crate::error::{AppError, AppResult, FieldErrors};
use intercoop_domain::Money;
use intercoop_domain::pooling::matching::MatchingKind;
use intercoop_domain::pooling::{self, AllocationRule, PoolingError, Returns};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::OffsetDateTime;
use utoipa::ToSchema;

/// A round's matching as the API takes it.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MatchingIn {
    /// `quadratic` or `proportional`.
    pub kind: String,
    /// The matching pool, in cents, taken from the pool (positive).
    pub pool_cents: i64,
    /// The most one bucket may receive from it, in cents.
    #[serde(default)]
    pub cap_cents: Option<i64>,
}

/// A round as the API takes it.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundIn {
    pub pool_id: i64,
    /// At most 140 characters.
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// When participants may start placing: an instant (RFC 3339), or a day
    /// (`2026-12-01`: its start in the network's time zone).
    pub opens_at: String,
    /// When placing stops: an instant (RFC 3339), or a day (`2026-12-20`: its end in
    /// the network's time zone). After `opens_at`, in the future.
    pub closes_at: String,
    /// `equal` (every member organisation the same) or `contribution` (in proportion to
    /// what each put into the pool).
    pub allocation: String,
    /// Who receives an allocation: `organisation` (each member organisation, the
    /// default) or `person` (each person of a member organisation: with `equal`, every
    /// person the same; with `contribution`, the organisation's share split equally
    /// among its people). Matching counts one organisation's people as one contributor.
    #[serde(default)]
    pub participants: Option<String>,
    /// Where money no funded bucket took goes: `pool` (the default) or `participants`
    /// (added to their allocations in the pool's next round).
    #[serde(default)]
    pub returns: Option<String>,
    #[serde(default)]
    pub matching: Option<MatchingIn>,
}

/// A round's matching as shown.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MatchingOut {
    pub kind: String,
    pub pool_cents: i64,
    pub cap_cents: Option<i64>,
}

/// A round as shown, with its buckets.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoundOut {
    pub id: i64,
    pub pool_id: i64,
    pub title: String,
    pub description: String,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub opens_at: OffsetDateTime,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub closes_at: OffsetDateTime,
    pub allocation: String,
    /// `organisation` or `person`: who receives an allocation.
    pub participants: String,
    pub returns: String,
    pub matching: Option<MatchingOut>,
    /// Every participant's allocation together, in cents.
    pub budget_cents: i64,
    /// What participants placed so far.
    pub placed_cents: i64,
    /// `open` or `closed` (closed: the result is computed).
    pub status: String,
    /// Placing is possible now (between `opens_at` and `closes_at`, not closed).
    pub accepting: bool,
    pub buckets: Vec<BucketOut>,
}

/// A bucket as the API takes it.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BucketIn {
    /// At most 140 characters.
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// The budget breakdown (what the money pays for), at most 5 000 characters.
    #[serde(default)]
    pub breakdown: Option<String>,
    /// Funded when placements reach it, in cents (positive).
    pub min_cents: i64,
    /// Never more than this is kept, in cents (at least the minimum).
    #[serde(default)]
    pub max_cents: Option<i64>,
}

/// A bucket as shown.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BucketOut {
    pub id: i64,
    pub round_id: i64,
    pub title: String,
    pub description: String,
    pub breakdown: String,
    pub min_cents: i64,
    pub max_cents: Option<i64>,
    /// What participants placed so far.
    pub placed_cents: i64,
    /// Once closed: whether it reached its minimum, what it kept and was matched.
    pub funded: Option<bool>,
    pub raised_cents: Option<i64>,
    pub matched_cents: Option<i64>,
}

/// A round of the network (404 for another network's).
pub async fn get<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<round::Model> {
    round::Entity::find_by_id(id)
        .filter(round::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// A bucket of the network.
pub async fn get_bucket<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<bucket::Model> {
    bucket::Entity::find_by_id(id)
        .filter(bucket::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// Reads an instant typed as RFC 3339, a local date and time, or a day (its start, or
/// with `end` its end) in the network's time zone.
pub fn read_instant(raw: &str, tz: &str, end: bool) -> Option<OffsetDateTime> {
    let raw = raw.trim();
    if let Ok(at) = OffsetDateTime::parse(raw, &time::format_description::well_known::Rfc3339) {
        return Some(crate::clock::truncate(at));
    }
    if raw.len() == 10 {
        return if end {
            crate::web::picked::end_of_day(raw, tz)
        } else {
            crate::web::picked::at_local(&format!("{raw}T00:00"), tz)
        };
    }
    crate::web::picked::at_local(raw, tz)
}

/// A checked round.
struct ValidRound {
    pool: pool::Model,
    title: String,
    description: String,
    opens_at: OffsetDateTime,
    closes_at: OffsetDateTime,
    allocation: AllocationRule,
    /// An allocation per person (else per organisation).
    participants: bool,
    returns: Returns,
    matching: Option<(MatchingKind, Money, Option<Money>)>,
}

async fn validate<C: ConnectionTrait>(conn: &C, network_id: i64, tz: &str, input: &RoundIn) -> AppResult<ValidRound> {
    let mut errors = FieldErrors::default();
    let pool = data::get(conn, network_id, input.pool_id).await.ok();
    if pool.is_none() {
        errors.add("pool_id", "pools-no-such-pool");
    }
    let title = errors.line("title", &input.title, 140);
    let description = paragraphs(&mut errors, "description", input.description.as_deref(), 5_000);
    let opens_at = read_instant(&input.opens_at, tz, false);
    let closes_at = read_instant(&input.closes_at, tz, true);
    if opens_at.is_none() {
        errors.add("opens_at", "pools-not-a-time");
    }
    match (opens_at, closes_at) {
        (_, None) => errors.add("closes_at", "pools-not-a-time"),
        (Some(o), Some(c)) if c <= o => errors.add("closes_at", "pools-closes-before-opens"),
        (_, Some(c)) if c <= crate::clock::now() => errors.add("closes_at", "pools-closes-in-the-past"),
        _ => {}
    }
    let allocation = AllocationRule::parse(&input.allocation);
    if allocation.is_none() {
        errors.add("allocation", "pools-allocation-rule");
    }
    let participants = match input.participants.as_deref() {
        None | Some(BY_ORGANISATION) => Some(false),
        Some(BY_PERSON) => Some(true),
        Some(_) => None,
    };
    if participants.is_none() {
        errors.add("participants", "pools-participants");
    }
    let returns = match input.returns.as_deref() {
        None => Some(Returns::Pool),
        Some(r) => Returns::parse(r),
    };
    if returns.is_none() {
        errors.add("returns", "pools-returns");
    }
    let mut matching = None;
    if let Some(m) = &input.matching {
        let kind = MatchingKind::parse(&m.kind);
        if kind.is_none() {
            errors.add("matching.kind", "pools-matching-kind");
        }
        let pool_cents = amount(&mut errors, "matching.pool_cents", m.pool_cents, false);
        let cap = m.cap_cents.map(|c| amount(&mut errors, "matching.cap_cents", c, false));
        if let Some(kind) = kind {
            matching = Some((kind, pool_cents, cap));
        }
    }
    errors.into_result()?;
    Ok(ValidRound {
        pool: pool.expect("checked"),
        title: title.unwrap_or_default(),
        description,
        opens_at: opens_at.expect("checked"),
        closes_at: closes_at.expect("checked"),
        allocation: allocation.expect("checked"),
        participants: participants.expect("checked"),
        returns: returns.expect("checked"),
        matching,
    })
}

/// Opens a round on a pool: every member organisation's allocation of what the pool
/// has available (less the matching pool), plus what earlier rounds returned to it.
/// 422 on each field; 422 on `matching.pool_cents` above what the pool has available;
/// 409 `pools-nothing-to-share` when nothing would be allocated.
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    tz: &str,
    input: &RoundIn,
) -> AppResult<round::Model> {
    let v = validate(conn, network_id, tz, input).await?;
    // What the pool has available is read under the pool's lock: two rounds opened at
    // once never promise the same money (see `data::locked`).
    data::locked(conn, network_id, v.pool.id).await?;
    let money = data::show(conn, network_id, v.pool.id).await?;
    let matching = v.matching.map(|m| m.1).unwrap_or(Money::ZERO);
    if matching.cents() > Ord::max(money.available_cents, 0) {
        let mut errors = FieldErrors::default();
        errors.add_with(
            "matching.pool_cents",
            "pools-matching-above-available",
            vec![(
                "available",
                crate::money::forms::as_units(Ord::max(money.available_cents, 0)),
            )],
        );
        return Err(AppError::Invalid(errors));
    }
    let budget = Money::from_cents(Ord::max(money.available_cents, 0) - matching.cents());
    let opening = shares::opening(conn, network_id, v.pool.id, budget, v.allocation, v.participants).await?;
    let total: i64 = opening.lines.iter().map(|l| l.cents).sum();
    if total == 0 {
        return Err(AppError::Conflict("pools-nothing-to-share"));
    }
    let now = db::now();
    let row = round::Entity::insert(round::ActiveModel {
        network_id: Set(network_id),
        pool_id: Set(v.pool.id),
        title: Set(v.title),
        description: Set(v.description),
        opens_at: Set(v.opens_at),
        closes_at: Set(v.closes_at),
        allocation: Set(v.allocation.into()),
        participants: Set(if v.participants { BY_PERSON } else { BY_ORGANISATION }.to_string()),
        returns: Set(v.returns.into()),
        matching_kind: Set(v.matching.map(|m| m.0.into())),
        matching_cents: Set(matching.cents()),
        matching_cap_cents: Set(v.matching.and_then(|m| m.2).map(Money::cents)),
        budget_cents: Set(total),
        status: Set(OPEN.to_string()),
        closed_at: Set(None),
        returned_cents: Set(None),
        matching_returned_cents: Set(None),
        opened_sent_at: Set(None),
        reminder_sent_at: Set(None),
        result_sent_at: Set(None),
        created_by: Set(actor.person_id),
        created_at: Set(now),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await?;
    // The budget is everything allocated, carried money included: taken into this
    // round, it is no longer carried.
    if !opening.carried_rows.is_empty() {
        allocation::Entity::update_many()
            .col_expr(allocation::Column::CarriedInto, Expr::value(row.id))
            .filter(allocation::Column::Id.is_in(opening.carried_rows.iter().copied()))
            .exec(conn)
            .await?;
    }
    let rows: Vec<allocation::ActiveModel> = opening
        .lines
        .iter()
        .map(|l| allocation::ActiveModel {
            network_id: Set(network_id),
            round_id: Set(row.id),
            organisation_id: Set(l.organisation_id),
            person_id: Set(l.person_id),
            allocation_cents: Set(l.cents),
            carried_cents: Set(l.carried_cents),
            placed_cents: Set(0),
            returned_cents: Set(None),
            carried_into: Set(None),
            ..Default::default()
        })
        .collect();
    crate::db::insert_all(conn, rows).await?;
    let row = get(conn, network_id, row.id).await?;
    super::jobs::schedule(conn, &row).await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "pool_round.create",
            entity: "pool_round",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(&row),
    )
    .await?;
    Ok(row)
}

/// Whether a round takes placements and buckets now: 409 `pools-round-not-open` before
/// it opens, `pools-round-closed` from its closing instant on.
pub fn check_accepting(r: &round::Model, buckets_only: bool) -> AppResult<()> {
    let now = crate::clock::now();
    if r.status != OPEN || now >= r.closes_at {
        return Err(AppError::Conflict("pools-round-closed"));
    }
    if !buckets_only && now < r.opens_at {
        return Err(AppError::Conflict("pools-round-not-open"));
    }
    Ok(())
}

/// Proposes a bucket in a round before it closes. 422 on `title`, `description`,
/// `breakdown`, `min_cents`, `max_cents` (below the minimum); 409 once closed.
pub async fn create_bucket<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    round_id: i64,
    input: &BucketIn,
) -> AppResult<bucket::Model> {
    let r = get(conn, network_id, round_id).await?;
    let mut errors = FieldErrors::default();
    let title = errors.line("title", &input.title, 140);
    let description = paragraphs(&mut errors, "description", input.description.as_deref(), 5_000);
    let breakdown = paragraphs(&mut errors, "breakdown", input.breakdown.as_deref(), 5_000);
    let min = amount(&mut errors, "min_cents", input.min_cents, false);
    let max = input.max_cents.map(|m| amount(&mut errors, "max_cents", m, false));
    if errors.is_empty()
        && let Err(PoolingError::MinAboveMax) = pooling::check_goals(min, max)
    {
        errors.add("max_cents", "pools-min-above-max");
    }
    errors.into_result()?;
    check_accepting(&r, true)?;
    let row = bucket::Entity::insert(bucket::ActiveModel {
        network_id: Set(network_id),
        round_id: Set(r.id),
        title: Set(title.unwrap_or_default()),
        description: Set(description),
        breakdown: Set(breakdown),
        min_cents: Set(min.cents()),
        max_cents: Set(max.map(Money::cents)),
        placed_cents: Set(0),
        raised_cents: Set(None),
        matched_cents: Set(None),
        weight: Set(None),
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
            action: "pool_bucket.create",
            entity: "pool_bucket",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(&row),
    )
    .await?;
    Ok(row)
}

/// A bucket as shown.
pub fn bucket_out(b: bucket::Model, closed: bool) -> BucketOut {
    BucketOut {
        id: b.id,
        round_id: b.round_id,
        title: b.title,
        description: b.description,
        breakdown: b.breakdown,
        min_cents: b.min_cents,
        max_cents: b.max_cents,
        placed_cents: b.placed_cents,
        funded: closed.then(|| b.raised_cents.unwrap_or(0) > 0),
        raised_cents: b.raised_cents,
        matched_cents: b.matched_cents,
    }
}

/// A round's buckets, in the order they were proposed.
pub async fn buckets<C: ConnectionTrait>(conn: &C, round_id: i64) -> AppResult<Vec<bucket::Model>> {
    Ok(bucket::Entity::find()
        .filter(bucket::Column::RoundId.eq(round_id))
        .order_by_asc(bucket::Column::Id)
        .all(conn)
        .await?)
}

/// A round with its buckets.
pub async fn show<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<RoundOut> {
    let r = get(conn, network_id, id).await?;
    let buckets = buckets(conn, r.id).await?;
    Ok(round_out(r, buckets))
}

/// A round with its buckets, as [`show`] reads it from `db.read`, its buckets kept until
/// the database changes (`Db::memo`, on SQLite: any placement, bucket or close moves the
/// version, so the progress bars stay live). A round's page and the API's read all its
/// buckets on each request; at 200 buckets that reading was most of the request (a row
/// costs a hand-over between sqlx's SQLite thread and the request's task). The round
/// itself is read each time: it names the network that may see it, and its `accepting`
/// depends on the clock.
pub async fn show_kept(db: &db::Db, network_id: i64, id: i64) -> AppResult<RoundOut> {
    let r = get(&db.read, network_id, id).await?;
    let buckets = db
        .memo(&format!("round-buckets:{}", r.id), || buckets(&db.read, r.id))
        .await?;
    Ok(round_out(r, buckets))
}

/// A round as shown.
pub fn round_out(r: round::Model, buckets: Vec<bucket::Model>) -> RoundOut {
    let closed = r.status == CLOSED;
    let now = crate::clock::now();
    RoundOut {
        accepting: !closed && now >= r.opens_at && now < r.closes_at,
        placed_cents: buckets.iter().map(|b| b.placed_cents).sum(),
        buckets: buckets.into_iter().map(|b| bucket_out(b, closed)).collect(),
        id: r.id,
        pool_id: r.pool_id,
        title: r.title,
        description: r.description,
        opens_at: r.opens_at,
        closes_at: r.closes_at,
        allocation: r.allocation.to_string(),
        participants: r.participants,
        returns: r.returns.to_string(),
        matching: r.matching_kind.map(|k| MatchingOut {
            kind: k.to_string(),
            pool_cents: r.matching_cents,
            cap_cents: r.matching_cap_cents,
        }),
        budget_cents: r.budget_cents,
        status: r.status,
    }
}

/// The network's rounds (of one pool, when given), newest first, without buckets.
pub async fn list<C: ConnectionTrait>(conn: &C, network_id: i64, pool_id: Option<i64>) -> AppResult<Vec<RoundOut>> {
    let mut q = round::Entity::find().filter(round::Column::NetworkId.eq(network_id));
    if let Some(p) = pool_id {
        q = q.filter(round::Column::PoolId.eq(p));
    }
    let rounds = q
        .order_by_desc(round::Column::ClosesAt)
        .order_by_desc(round::Column::Id)
        .all(conn)
        .await?;
    let ids: Vec<i64> = rounds.iter().map(|r| r.id).collect();
    // Each round's placed money summed by the database, not its buckets read whole (a
    // round may have a thousand); cast back to a 64-bit integer, which PostgreSQL's SUM
    // is not. An overflow is an error on both, never a wrapped amount.
    let placed: BTreeMap<i64, i64> = bucket::Entity::find()
        .select_only()
        .column(bucket::Column::RoundId)
        .expr(Expr::col(bucket::Column::PlacedCents).sum().cast_as("BIGINT"))
        .filter(bucket::Column::NetworkId.eq(network_id))
        .filter(bucket::Column::RoundId.is_in(ids))
        .group_by(bucket::Column::RoundId)
        .into_tuple::<(i64, i64)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    Ok(rounds
        .into_iter()
        .map(|r| {
            let p = placed.get(&r.id).copied().unwrap_or(0);
            let mut out = round_out(r, Vec::new());
            out.placed_cents = p;
            out
        })
        .collect())
}
