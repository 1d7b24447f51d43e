//! Closing a round and its result: the domain computes which buckets are funded, what
//! each keeps and is matched and what comes back (`intercoop_domain::pooling`); this
//! writes it once, and posts each funded bucket's money in the journal (pool /
//! bucket). What is not spent stays in the pool's account (returned to the pool, or
//! kept there for the participants' next round).

use super::entities::{CLOSED, OPEN, allocation, bucket, placement, round};
use super::rounds::{self, get};
use crate::audit::{self, Actor, Change};
use crate::db;
use crate::error::{AppError, AppResult};
use crate::money::ledger::{self, About};
use intercoop_domain::Money;
use intercoop_domain::ledger::Event;
use intercoop_domain::pooling::matching::Matching;
use intercoop_domain::pooling::{BucketRules, Placement, RoundOutcome, close_round_by};
use sea_orm::sea_query::{CaseStatement, Expr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// One bucket's result.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BucketResult {
    pub id: i64,
    pub title: String,
    /// Reached its minimum.
    pub funded: bool,
    /// What participants placed in it.
    pub placed_cents: i64,
    /// What it keeps of that (capped at its maximum; 0 when not funded).
    pub raised_cents: i64,
    /// Its share of the matching pool.
    pub matched_cents: i64,
    /// Its matching weight as shared (decimal; see the round page for the formula).
    pub weight: String,
    /// How many organisations gave to it (one organisation's several people count once).
    pub contributors: usize,
}

/// A closed round's result.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ResultOut {
    pub round_id: i64,
    pub buckets: Vec<BucketResult>,
    /// Everything not spent: allocations not placed or in unfunded buckets, the excess
    /// over maximums, and the matching pool's unspent part.
    pub returned_cents: i64,
    /// Of which the matching pool's unspent part.
    pub matching_returned_cents: i64,
    /// `pool` or `participants`: where the rest of `returned_cents` went.
    pub returns: String,
    /// What funded buckets received, raised and matched together.
    pub funded_cents: i64,
}

/// What the domain needs of a round: allocations, buckets, placements, matching.
pub(crate) async fn outcome<C: ConnectionTrait>(
    conn: &C,
    r: &round::Model,
) -> AppResult<(RoundOutcome, Vec<bucket::Model>)> {
    // Participants are allocation rows (an organisation, or one of its people in a
    // round per person); matching counts each row's organisation as the contributor.
    let rows = allocation::Entity::find()
        .filter(allocation::Column::RoundId.eq(r.id))
        .all(conn)
        .await?;
    let allocations: Vec<(i64, Money)> = rows
        .iter()
        .map(|a| (a.id, Money::from_cents(a.allocation_cents)))
        .collect();
    let row_of: BTreeMap<(i64, i64), i64> = rows.iter().map(|a| ((a.organisation_id, a.person_id), a.id)).collect();
    let org_of: BTreeMap<i64, i64> = rows.iter().map(|a| (a.id, a.organisation_id)).collect();
    let buckets = rounds::buckets(conn, r.id).await?;
    let rules: Vec<BucketRules> = buckets
        .iter()
        .map(|b| BucketRules {
            id: b.id,
            min: Money::from_cents(b.min_cents),
            max: b.max_cents.map(Money::from_cents),
        })
        .collect();
    let placements: Vec<Placement> = placement::Entity::find()
        .filter(placement::Column::RoundId.eq(r.id))
        .filter(placement::Column::AmountCents.gt(0))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| Placement {
            bucket: p.bucket_id,
            // A placement without an allocation row is refused by the domain (0 left).
            organisation: row_of.get(&(p.organisation_id, p.person_id)).copied().unwrap_or(0),
            amount: Money::from_cents(p.amount_cents),
        })
        .collect();
    let matching = r.matching_kind.as_ref().map(|k| Matching {
        kind: **k,
        pool: Money::from_cents(r.matching_cents),
        cap: r.matching_cap_cents.map(Money::from_cents),
    });
    let out = close_round_by(&allocations, &rules, &placements, matching.as_ref(), |row| {
        org_of.get(&row).copied().unwrap_or(row)
    })
    .map_err(|e| AppError::Internal(anyhow::anyhow!("round {}: {e}", r.id)))?;
    Ok((out, buckets))
}

/// Closes a round once its closing instant has passed: computes the result, writes it,
/// posts the funded buckets' money and sends the result. Closing a closed round changes
/// nothing (the job and an administrator may both close it). 409
/// `pools-round-not-over` before `closes_at`.
pub async fn close<C: ConnectionTrait>(conn: &C, actor: Actor, network_id: i64, id: i64) -> AppResult<()> {
    let r = get(conn, network_id, id).await?;
    if r.status == CLOSED {
        return Ok(());
    }
    let now = crate::clock::now();
    if now < r.closes_at {
        return Err(AppError::Conflict("pools-round-not-over"));
    }
    // The row changes from open to closed once: whoever does it computes the result.
    let taken = round::Entity::update_many()
        .col_expr(round::Column::Status, Expr::value(CLOSED))
        .col_expr(round::Column::ClosedAt, Expr::value(db::now()))
        .filter(round::Column::Id.eq(r.id))
        .filter(round::Column::Status.eq(OPEN))
        .exec(conn)
        .await?
        .rows_affected;
    if taken == 0 {
        return Ok(());
    }
    let (out, _) = outcome(conn, &r).await?;
    write_buckets(conn, &out).await?;
    write_returned(conn, r.id, &out).await?;
    round::Entity::update_many()
        .col_expr(round::Column::ReturnedCents, Expr::value(out.returned_total().cents()))
        .col_expr(
            round::Column::MatchingReturnedCents,
            Expr::value(out.matching_returned.cents()),
        )
        .filter(round::Column::Id.eq(r.id))
        .exec(conn)
        .await?;
    let events = out
        .buckets
        .iter()
        .filter(|b| b.raised.cents() + b.matched.cents() > 0)
        .map(|b| {
            (
                Event::BucketFunded {
                    pool: r.pool_id,
                    bucket: b.id,
                    amount: Money::from_cents(b.raised.cents() + b.matched.cents()),
                },
                About {
                    memo: format!("round {} bucket {}", r.id, b.id),
                    ..About::default()
                },
            )
        })
        .collect();
    ledger::post(conn, network_id, events).await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "pool_round.close",
            entity: "pool_round",
            entity_id: Some(r.id),
        },
        None::<&()>,
        Some(&serde_json::json!({
            "funded_cents": out.funded_total().cents(),
            "returned_cents": out.returned_total().cents(),
        })),
    )
    .await?;
    super::notifications::result(conn, &r).await?;
    Ok(())
}

/// Rows changed by one statement of the close: three `CASE` of this many branches
/// (two values each) stay well under SQLite's and PostgreSQL's limits on bound values.
const CHUNK: usize = 500;

/// Writes each bucket's result, one statement per [`CHUNK`] buckets
/// (`UPDATE … SET raised_cents = CASE id WHEN … END, … WHERE id IN (…)`).
async fn write_buckets<C: ConnectionTrait>(conn: &C, out: &RoundOutcome) -> AppResult<()> {
    for chunk in out.buckets.chunks(CHUNK) {
        let (mut raised, mut matched, mut weight) = (CaseStatement::new(), CaseStatement::new(), CaseStatement::new());
        for b in chunk {
            raised = raised.case(bucket::Column::Id.eq(b.id), Expr::val(b.raised.cents()));
            matched = matched.case(bucket::Column::Id.eq(b.id), Expr::val(b.matched.cents()));
            weight = weight.case(bucket::Column::Id.eq(b.id), Expr::val(b.weight.to_string()));
        }
        bucket::Entity::update_many()
            .col_expr(bucket::Column::RaisedCents, raised.into())
            .col_expr(bucket::Column::MatchedCents, matched.into())
            .col_expr(bucket::Column::Weight, weight.into())
            .filter(bucket::Column::Id.is_in(chunk.iter().map(|b| b.id)))
            .exec(conn)
            .await?;
    }
    Ok(())
}

/// Writes what came back to each allocation of the round: 0 for all in one statement,
/// then the others one statement per [`CHUNK`] allocations (`CASE id WHEN … END`).
async fn write_returned<C: ConnectionTrait>(conn: &C, round_id: i64, out: &RoundOutcome) -> AppResult<()> {
    allocation::Entity::update_many()
        .col_expr(allocation::Column::ReturnedCents, Expr::value(0i64))
        .filter(allocation::Column::RoundId.eq(round_id))
        .exec(conn)
        .await?;
    let returned: Vec<(i64, i64)> = out
        .returned
        .iter()
        .map(|(id, m)| (*id, m.cents()))
        .filter(|(_, cents)| *cents != 0)
        .collect();
    for chunk in returned.chunks(CHUNK) {
        let case = chunk.iter().fold(CaseStatement::new(), |case, (id, cents)| {
            case.case(allocation::Column::Id.eq(*id), Expr::val(*cents))
        });
        allocation::Entity::update_many()
            .col_expr(allocation::Column::ReturnedCents, case.into())
            .filter(allocation::Column::RoundId.eq(round_id))
            .filter(allocation::Column::Id.is_in(chunk.iter().map(|(id, _)| *id)))
            .exec(conn)
            .await?;
    }
    Ok(())
}

/// A closed round's result (409 `pools-round-open` before the close).
pub async fn result<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<ResultOut> {
    let r = get(conn, network_id, id).await?;
    if r.status != CLOSED {
        return Err(AppError::Conflict("pools-round-open"));
    }
    let buckets = rounds::buckets(conn, r.id).await?;
    let mut contributors: BTreeMap<i64, std::collections::BTreeSet<i64>> = BTreeMap::new();
    for p in placement::Entity::find()
        .filter(placement::Column::RoundId.eq(r.id))
        .filter(placement::Column::AmountCents.gt(0))
        .order_by_asc(placement::Column::Id)
        .all(conn)
        .await?
    {
        contributors.entry(p.bucket_id).or_default().insert(p.organisation_id);
    }
    let out: Vec<BucketResult> = buckets
        .into_iter()
        .map(|b| BucketResult {
            funded: b.raised_cents.unwrap_or(0) > 0,
            contributors: contributors.get(&b.id).map_or(0, |c| c.len()),
            id: b.id,
            title: b.title,
            placed_cents: b.placed_cents,
            raised_cents: b.raised_cents.unwrap_or(0),
            matched_cents: b.matched_cents.unwrap_or(0),
            weight: b.weight.unwrap_or_else(|| "0".into()),
        })
        .collect();
    Ok(ResultOut {
        round_id: r.id,
        funded_cents: out.iter().map(|b| b.raised_cents + b.matched_cents).sum(),
        buckets: out,
        returned_cents: r.returned_cents.unwrap_or(0),
        matching_returned_cents: r.matching_returned_cents.unwrap_or(0),
        returns: r.returns.to_string(),
    })
}
