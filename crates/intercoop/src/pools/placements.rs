//! Placing a participant's allocation in a bucket, and reading allocations and
//! placements back.
//!
//! Placing is one conditional write per row it changes, so two placements at once by
//! the people of one organisation never spend the same money twice: the allocation's
//! `placed_cents` moves only while it stays within the allocation, the bucket's only
//! while it stays within the maximum, and the placement only from the amount read. The
//! round's deadline holds at its instant: a placement after `closes_at` is refused by
//! the write (the close job only tidies).

use super::data;
use super::data::MAX_CENTS;
use super::entities::{BY_PERSON, allocation, bucket, placement, round};
use super::rounds::{check_accepting, get, get_bucket};
use crate::audit::{self, Actor, Change};
use crate::db;
use crate::error::{AppError, AppResult, FieldErrors};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QuerySelect, Set};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// A placement as the API takes it.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlacementIn {
    /// The organisation whose allocation is placed (default: the caller's, when it
    /// has one member organisation).
    #[serde(default)]
    pub organisation_id: Option<i64>,
    /// The organisation's whole amount in this bucket, in cents (0 takes it all back).
    pub amount_cents: i64,
}

/// A participant's allocation in a round: an organisation's, or in a round per person
/// one person's (of that organisation).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AllocationOut {
    pub organisation_id: i64,
    pub organisation: String,
    /// In a round per person: whose allocation it is (else absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person_id: Option<i64>,
    /// That person's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    pub allocation_cents: i64,
    /// The part of it that an earlier round returned to the organisation.
    pub carried_cents: i64,
    pub placed_cents: i64,
    pub left_cents: i64,
    /// Once closed: what came back to it.
    pub returned_cents: Option<i64>,
}

/// What one participant placed in a bucket.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlacementOut {
    pub organisation_id: i64,
    pub organisation: String,
    /// In a round per person: who placed it, of that organisation (else absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    pub amount_cents: i64,
}

/// Names of people, by id (one query).
async fn person_names<C: ConnectionTrait>(conn: &C, ids: Vec<i64>) -> AppResult<BTreeMap<i64, String>> {
    let ids: Vec<i64> = ids.into_iter().filter(|i| *i != 0).collect();
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    Ok(crate::entities::person::Entity::find()
        .filter(crate::entities::person::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect())
}

/// Sets `organisation_id`'s amount in a bucket (the caller checked who may). 409 before
/// the round opens, from its closing instant, or when the placement changed meanwhile;
/// 422 on `organisation_id` (no allocation in the round), `amount_cents` (negative, more
/// than the allocation left, more than the bucket still needs). Nothing is stored then.
pub async fn place<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    bucket_id: i64,
    organisation_id: i64,
    amount_cents: i64,
) -> AppResult<placement::Model> {
    let b = get_bucket(conn, network_id, bucket_id).await?;
    // The round's row is read under a shared lock on PostgreSQL: the close (which
    // updates it) waits for placements in flight, and they for it.
    let mut q = round::Entity::find_by_id(b.round_id).filter(round::Column::NetworkId.eq(network_id));
    if conn.get_database_backend() == DatabaseBackend::Postgres {
        q = q.lock_shared();
    }
    let r = q.one(conn).await?.ok_or(AppError::NotFound)?;
    let mut errors = FieldErrors::default();
    if amount_cents < 0 {
        errors.add("amount_cents", "amount-positive");
    } else if amount_cents > MAX_CENTS {
        errors.add("amount_cents", "amount-out-of-range");
    }
    errors.into_result()?;
    check_accepting(&r, false)?;
    // In a round per person, the allocation placed is the caller's own.
    let person_id = if r.participants == BY_PERSON {
        actor.person_id.ok_or(AppError::Forbidden)?
    } else {
        0
    };
    let alloc = allocation::Entity::find()
        .filter(allocation::Column::RoundId.eq(r.id))
        .filter(allocation::Column::OrganisationId.eq(organisation_id))
        .filter(allocation::Column::PersonId.eq(person_id))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::invalid("organisation_id", "pools-no-allocation"))?;
    let before = placement::Entity::find()
        .filter(placement::Column::BucketId.eq(b.id))
        .filter(placement::Column::OrganisationId.eq(organisation_id))
        .filter(placement::Column::PersonId.eq(person_id))
        .one(conn)
        .await?;
    let old = before.as_ref().map(|p| p.amount_cents).unwrap_or(0);
    let delta = amount_cents - old;
    // The allocation: only while what is placed stays within it.
    let moved = allocation::Entity::update_many()
        .col_expr(
            allocation::Column::PlacedCents,
            Expr::col(allocation::Column::PlacedCents).add(delta),
        )
        .filter(allocation::Column::Id.eq(alloc.id))
        .filter(
            Expr::col(allocation::Column::PlacedCents)
                .add(delta)
                .lte(Expr::col(allocation::Column::AllocationCents)),
        )
        .exec(conn)
        .await?
        .rows_affected;
    if moved == 0 {
        let fresh = allocation::Entity::find_by_id(alloc.id)
            .one(conn)
            .await?
            .ok_or(AppError::NotFound)?;
        let left = fresh.allocation_cents - fresh.placed_cents + old;
        let mut errors = FieldErrors::default();
        errors.add_with(
            "amount_cents",
            "pools-more-than-left",
            vec![("left", crate::money::forms::as_units(Ord::max(left, 0)))],
        );
        return Err(AppError::Invalid(errors));
    }
    // The bucket: only while it stays within its maximum (taking back is always fine).
    let mut fill = bucket::Entity::update_many()
        .col_expr(
            bucket::Column::PlacedCents,
            Expr::col(bucket::Column::PlacedCents).add(delta),
        )
        .filter(bucket::Column::Id.eq(b.id));
    if delta > 0 {
        fill = fill.filter(
            sea_orm::Condition::any().add(bucket::Column::MaxCents.is_null()).add(
                Expr::col(bucket::Column::PlacedCents)
                    .add(delta)
                    .lte(Expr::col(bucket::Column::MaxCents)),
            ),
        );
    }
    if fill.exec(conn).await?.rows_affected == 0 {
        let fresh = get_bucket(conn, network_id, b.id).await?;
        let needs = fresh.max_cents.unwrap_or(0) - fresh.placed_cents + old;
        let mut errors = FieldErrors::default();
        errors.add_with(
            "amount_cents",
            "pools-bucket-full",
            vec![("needs", crate::money::forms::as_units(Ord::max(needs, 0)))],
        );
        return Err(AppError::Invalid(errors));
    }
    let now = db::now();
    let row = match before {
        Some(p) => {
            let changed = placement::Entity::update_many()
                .col_expr(placement::Column::AmountCents, Expr::value(amount_cents))
                .col_expr(placement::Column::PlacedBy, Expr::value(actor.person_id))
                .col_expr(placement::Column::PlacedAt, Expr::value(now))
                .filter(placement::Column::Id.eq(p.id))
                .filter(placement::Column::AmountCents.eq(old))
                .exec(conn)
                .await?
                .rows_affected;
            if changed == 0 {
                return Err(AppError::Conflict("pools-placement-changed"));
            }
            placement::Entity::find_by_id(p.id)
                .one(conn)
                .await?
                .ok_or(AppError::NotFound)?
        }
        None => match placement::Entity::insert(placement::ActiveModel {
            network_id: Set(network_id),
            round_id: Set(r.id),
            bucket_id: Set(b.id),
            organisation_id: Set(organisation_id),
            person_id: Set(person_id),
            amount_cents: Set(amount_cents),
            placed_by: Set(actor.person_id),
            placed_at: Set(now),
            ..Default::default()
        })
        .exec_with_returning(conn)
        .await
        {
            Ok(row) => row,
            Err(e) if crate::error::is_unique_violation(&e) => {
                return Err(AppError::Conflict("pools-placement-changed"));
            }
            Err(e) => return Err(e.into()),
        },
    };
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "pool_bucket.place",
            entity: "pool_placement",
            entity_id: Some(row.id),
        },
        Some(&old),
        Some(&row),
    )
    .await?;
    Ok(row)
}

/// Every participant's allocation in a round, by organisation name.
pub async fn allocations<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    round_id: i64,
) -> AppResult<Vec<AllocationOut>> {
    allocations_where(conn, network_id, round_id, None).await
}

/// A person's own allocations in a round: those of `organisations` (theirs), the
/// organisation's and, in a round per person, their own (not their colleagues'). Read
/// by the database alone, so a round's page does not read every participant's.
pub async fn allocations_of<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    round_id: i64,
    organisations: &[i64],
    person_id: i64,
) -> AppResult<Vec<AllocationOut>> {
    if organisations.is_empty() {
        return Ok(Vec::new());
    }
    allocations_where(conn, network_id, round_id, Some((organisations, person_id))).await
}

async fn allocations_where<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    round_id: i64,
    of: Option<(&[i64], i64)>,
) -> AppResult<Vec<AllocationOut>> {
    let r = get(conn, network_id, round_id).await?;
    let mut q = allocation::Entity::find().filter(allocation::Column::RoundId.eq(r.id));
    if let Some((organisations, person_id)) = of {
        q = q
            .filter(allocation::Column::OrganisationId.is_in(organisations.iter().copied()))
            .filter(allocation::Column::PersonId.is_in([0, person_id]));
    }
    let rows = q.all(conn).await?;
    let names = data::names(conn, rows.iter().map(|a| a.organisation_id).collect()).await?;
    let people = person_names(conn, rows.iter().map(|a| a.person_id).collect()).await?;
    let mut out: Vec<AllocationOut> = rows
        .into_iter()
        .map(|a| AllocationOut {
            organisation: names.get(&a.organisation_id).cloned().unwrap_or_default(),
            organisation_id: a.organisation_id,
            person_id: (a.person_id != 0).then_some(a.person_id),
            person: people.get(&a.person_id).cloned(),
            allocation_cents: a.allocation_cents,
            carried_cents: a.carried_cents,
            placed_cents: a.placed_cents,
            left_cents: a.allocation_cents - a.placed_cents,
            returned_cents: a.returned_cents,
        })
        .collect();
    out.sort_by(|a, b| {
        crate::collation::compare(&a.organisation, &b.organisation)
            .then(a.organisation_id.cmp(&b.organisation_id))
            .then(crate::collation::compare(
                a.person.as_deref().unwrap_or(""),
                b.person.as_deref().unwrap_or(""),
            ))
            .then(a.person_id.cmp(&b.person_id))
    });
    Ok(out)
}

/// A bucket's placements, largest first.
pub async fn placements<C: ConnectionTrait>(conn: &C, bucket_id: i64) -> AppResult<Vec<PlacementOut>> {
    let rows = placement::Entity::find()
        .filter(placement::Column::BucketId.eq(bucket_id))
        .filter(placement::Column::AmountCents.gt(0))
        .all(conn)
        .await?;
    let names = data::names(conn, rows.iter().map(|p| p.organisation_id).collect()).await?;
    let people = person_names(conn, rows.iter().map(|p| p.person_id).collect()).await?;
    let mut out: Vec<PlacementOut> = rows
        .into_iter()
        .map(|p| PlacementOut {
            organisation_id: p.organisation_id,
            organisation: names.get(&p.organisation_id).cloned().unwrap_or_default(),
            person_id: (p.person_id != 0).then_some(p.person_id),
            person: people.get(&p.person_id).cloned(),
            amount_cents: p.amount_cents,
        })
        .collect();
    out.sort_by(|a, b| {
        b.amount_cents
            .cmp(&a.amount_cents)
            .then(a.organisation_id.cmp(&b.organisation_id))
            .then(a.person_id.cmp(&b.person_id))
    });
    Ok(out)
}
