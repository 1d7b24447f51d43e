//! Who receives what when a round opens: each participant's allocation of the round's
//! budget, exact to the cent (`intercoop_domain::pooling::allocate`), plus what earlier
//! rounds of the pool returned to the participants.
//!
//! A participant is a member organisation, or, in a round per person, each person tied
//! to a member organisation in the network (`network_affiliations`; a person of two
//! member organisations has an allocation for each):
//! - `equal`: every participant the same;
//! - `contribution`: each organisation in proportion to what it put into the pool; in a
//!   round per person, an organisation's share is then split equally among its people
//!   (an organisation without people gets nothing, its share goes to the others).
//!
//! Carried money (returned to participants by an earlier round) belongs to an
//! organisation: in a round per organisation it is added to its allocation; in a round
//! per person it is split equally among its people, and an organisation without people
//! keeps it carried for a later round.

use super::entities::{CLOSED, allocation, round};
use crate::error::{AppError, AppResult};
use intercoop_domain::Money;
use intercoop_domain::pooling::{self, AllocationRule, PoolingError, Returns};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::BTreeMap;

/// One participant's allocation at the opening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub organisation_id: i64,
    /// 0 in a round per organisation.
    pub person_id: i64,
    /// The whole allocation, carried money included, in cents.
    pub cents: i64,
    /// The part of it carried from an earlier round.
    pub carried_cents: i64,
}

/// A round's allocations, and the carried allocation rows they take in.
#[derive(Debug, Default)]
pub struct Opening {
    pub lines: Vec<Line>,
    pub carried_rows: Vec<i64>,
}

#[derive(Debug, sea_orm::FromQueryResult)]
struct Tie {
    organisation_id: i64,
    person_id: i64,
}

/// The people of each member organisation in the network, by organisation.
async fn people<C: ConnectionTrait>(conn: &C, network_id: i64, orgs: &[i64]) -> AppResult<BTreeMap<i64, Vec<i64>>> {
    let ties: Vec<Tie> = crate::db::fetch_all(
        conn,
        Query::select()
            .column("organisation_id")
            .column("person_id")
            .from("network_affiliations")
            .and_where(Expr::col("network_id").eq(network_id))
            .and_where(Expr::col("organisation_id").is_in(orgs.to_vec())),
    )
    .await?;
    let mut out: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for t in ties {
        out.entry(t.organisation_id).or_default().push(t.person_id);
    }
    for v in out.values_mut() {
        v.sort_unstable();
        v.dedup();
    }
    Ok(out)
}

fn allocated(budget: Money, rule: AllocationRule, participants: &[(i64, Money)]) -> AppResult<BTreeMap<i64, i64>> {
    match pooling::allocate(budget, rule, participants) {
        Ok(s) => Ok(s.into_iter().map(|(k, m)| (k, m.cents())).collect()),
        Err(PoolingError::NoParticipant) => Err(AppError::invalid("allocation", "pools-no-contributors")),
        Err(_) => Err(AppError::invalid("pool_id", "amount-out-of-range")),
    }
}

/// Splits `cents` equally among `people` (exact to the cent).
fn equally(cents: i64, people: &[i64]) -> AppResult<BTreeMap<i64, i64>> {
    let each: Vec<(i64, Money)> = people.iter().map(|p| (*p, Money::ZERO)).collect();
    allocated(Money::from_cents(cents), AllocationRule::Equal, &each)
}

/// Each participant's allocation of `budget` in a new round of `pool_id` (see the
/// module's doc). 422 `pools-no-contributors` on `allocation` when nobody can receive.
pub async fn opening<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    pool_id: i64,
    budget: Money,
    rule: AllocationRule,
    per_person: bool,
) -> AppResult<Opening> {
    let carried = carried(conn, network_id, &[pool_id]).await?;
    let members = crate::organisations::data::member_choices(conn, network_id).await?;
    let given = super::data::contributions(conn, network_id, pool_id).await?;
    let mut by_org: BTreeMap<i64, i64> = members.iter().map(|m| (m.id, 0)).collect();
    for c in &given {
        if let Some(o) = c.organisation_id
            && let Some(e) = by_org.get_mut(&o)
        {
            *e += c.amount_cents;
        }
    }
    let mut lines: BTreeMap<(i64, i64), (i64, i64)> = BTreeMap::new();
    let mut taken = Vec::new();
    if !per_person {
        let participants: Vec<(i64, Money)> = by_org.iter().map(|(o, c)| (*o, Money::from_cents(*c))).collect();
        for (org, cents) in allocated(budget, rule, &participants)? {
            lines.insert((org, 0), (cents, 0));
        }
        for (_, org, cents, row) in &carried {
            let e = lines.entry((*org, 0)).or_default();
            e.0 += cents;
            e.1 += cents;
            taken.push(*row);
        }
    } else {
        let orgs: Vec<i64> = by_org.keys().copied().collect();
        let mut people = people(conn, network_id, &orgs).await?;
        people.retain(|o, v| by_org.contains_key(o) && !v.is_empty());
        match rule {
            AllocationRule::Equal => {
                // Every (organisation, person) tie the same: numbered to be one key each.
                let ties: Vec<(i64, i64)> = people.iter().flat_map(|(o, v)| v.iter().map(|p| (*o, *p))).collect();
                let each: Vec<(i64, Money)> = (0..ties.len()).map(|i| (i as i64, Money::ZERO)).collect();
                for (i, cents) in allocated(budget, rule, &each)? {
                    lines.insert(ties[i as usize], (cents, 0));
                }
            }
            AllocationRule::Contribution => {
                let participants: Vec<(i64, Money)> =
                    people.keys().map(|o| (*o, Money::from_cents(by_org[o]))).collect();
                for (org, cents) in allocated(budget, rule, &participants)? {
                    for (p, c) in equally(cents, &people[&org])? {
                        lines.insert((org, p), (c, 0));
                    }
                }
            }
        }
        for (_, org, cents, row) in &carried {
            let Some(who) = people.get(org) else { continue };
            for (p, c) in equally(*cents, who)? {
                let e = lines.entry((*org, p)).or_default();
                e.0 += c;
                e.1 += c;
            }
            taken.push(*row);
        }
    }
    Ok(Opening {
        lines: lines
            .into_iter()
            .map(|((organisation_id, person_id), (cents, carried_cents))| Line {
                organisation_id,
                person_id,
                cents,
                carried_cents,
            })
            .collect(),
        carried_rows: taken,
    })
}

/// What came back to participants of this pool's earlier rounds (returns to
/// participants) and is not yet in a later round, by pool.
pub async fn carried_by_pool<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    pools: &[i64],
) -> AppResult<BTreeMap<i64, i64>> {
    let mut out = BTreeMap::new();
    for (pool_id, _, cents, _) in carried(conn, network_id, pools).await? {
        *out.entry(pool_id).or_default() += cents;
    }
    Ok(out)
}

/// (pool, organisation, cents, allocation row) still carried for participants (in a
/// round per person, each person's row; its money goes to the organisation's people).
pub(crate) async fn carried<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    pools: &[i64],
) -> AppResult<Vec<(i64, i64, i64, i64)>> {
    let rounds: BTreeMap<i64, i64> = round::Entity::find()
        .filter(round::Column::NetworkId.eq(network_id))
        .filter(round::Column::PoolId.is_in(pools.to_vec()))
        .filter(round::Column::Status.eq(CLOSED))
        .filter(round::Column::Returns.eq(Returns::Participants.as_str()))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.id, r.pool_id))
        .collect();
    if rounds.is_empty() {
        return Ok(Vec::new());
    }
    Ok(allocation::Entity::find()
        .filter(allocation::Column::RoundId.is_in(rounds.keys().copied()))
        .filter(allocation::Column::CarriedInto.is_null())
        .filter(allocation::Column::ReturnedCents.gt(0))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| {
            (
                rounds[&a.round_id],
                a.organisation_id,
                a.returned_cents.unwrap_or(0),
                a.id,
            )
        })
        .collect())
}
