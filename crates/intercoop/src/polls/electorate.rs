//! Who may vote, frozen when a poll opens (`poll_electorate`): one row per active member
//! organisation with its representative and weight, or per person of such an organisation;
//! and the mandates and voters of a poll.

use super::entities::{elector, mandate, poll, voter};
use crate::db;
use crate::db::types::Text;
use crate::entities::{person, representative};
use crate::error::AppResult;
use intercoop_domain::organisation::{Level, MembershipStatus, may_vote};
use intercoop_domain::voting::Electorate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use std::collections::{BTreeSet, HashMap};

#[derive(sea_orm::FromQueryResult)]
pub(super) struct MemberRow {
    organisation_id: i64,
    status: Text<MembershipStatus>,
    level: Text<Level>,
    size: Option<i64>,
}

/// The member organisations that may vote now: (organisation id, size).
pub(super) async fn voting_organisations<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
) -> AppResult<Vec<(i64, Option<i64>)>> {
    use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Query};
    let mut q = Query::select();
    q.from_as("memberships", "m")
        .join_as(
            JoinType::InnerJoin,
            "organisations",
            "o",
            Expr::col(("o", "id")).equals(("m", "organisation_id")),
        )
        .expr_as(Expr::col(("m", "organisation_id")), "organisation_id")
        .expr_as(Expr::col(("m", "status")), "status")
        .expr_as(Expr::col(("m", "level")), "level")
        .expr_as(Expr::col(("o", "size")), "size")
        .and_where(Expr::col(("m", "network_id")).eq(network_id))
        .order_by(("m", "organisation_id"), sea_orm::Order::Asc);
    let rows: Vec<MemberRow> = db::fetch_all(conn, &q).await?;
    Ok(rows
        .into_iter()
        .filter(|r| may_vote(r.status.0, r.level.0))
        .map(|r| (r.organisation_id, r.size))
        .collect())
}

pub(super) async fn current_representatives<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
) -> AppResult<HashMap<i64, i64>> {
    Ok(representative::Entity::find()
        .filter(representative::Column::NetworkId.eq(network_id))
        .filter(representative::Column::Current.eq(true))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.organisation_id, r.person_id))
        .collect())
}

/// Freezes who may vote: one row per active member organisation (with its representative
/// and weight), or per person of such an organisation.
pub(super) async fn snapshot_electorate<C: ConnectionTrait>(conn: &C, p: &poll::Model) -> AppResult<i64> {
    let orgs = voting_organisations(conn, p.network_id).await?;
    let mut rows: Vec<elector::ActiveModel> = Vec::new();
    if p.electorate == Electorate::People {
        let org_ids: Vec<i64> = orgs.iter().map(|(id, _)| *id).collect();
        let affiliations = crate::entities::affiliation::Entity::find()
            .filter(crate::entities::affiliation::Column::OrganisationId.is_in(org_ids))
            .order_by_asc(crate::entities::affiliation::Column::OrganisationId)
            .all(conn)
            .await?;
        let person_ids: Vec<i64> = affiliations.iter().map(|a| a.person_id).collect();
        let active: BTreeSet<i64> = person::Entity::find()
            .filter(person::Column::Id.is_in(person_ids))
            .filter(person::Column::Disabled.eq(false))
            .all(conn)
            .await?
            .into_iter()
            .map(|p| p.id)
            .collect();
        let mut seen = BTreeSet::new();
        for a in affiliations {
            if active.contains(&a.person_id) && seen.insert(a.person_id) {
                rows.push(elector::ActiveModel {
                    poll_id: Set(p.id),
                    voter_key: Set(format!("p:{}", a.person_id)),
                    organisation_id: Set(Some(a.organisation_id)),
                    person_id: Set(Some(a.person_id)),
                    weight: Set(1),
                    ..Default::default()
                });
            }
        }
    } else {
        let reps = current_representatives(conn, p.network_id).await?;
        for (org, size) in orgs {
            // Weighted by size, an organisation whose size is unknown (or 0) keeps one voice.
            let weight = if p.weighted { size.unwrap_or(1).max(1) } else { 1 };
            rows.push(elector::ActiveModel {
                poll_id: Set(p.id),
                voter_key: Set(format!("o:{org}")),
                organisation_id: Set(Some(org)),
                person_id: Set(reps.get(&org).copied()),
                weight: Set(weight),
                ..Default::default()
            });
        }
    }
    let total: i64 = rows.iter().map(|r| *r.weight.as_ref()).sum();
    for chunk in rows.chunks(500) {
        elector::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(conn)
            .await?;
    }
    Ok(total)
}

pub async fn electorate<C: ConnectionTrait>(conn: &C, poll_id: i64) -> AppResult<Vec<elector::Model>> {
    Ok(elector::Entity::find()
        .filter(elector::Column::PollId.eq(poll_id))
        .order_by_asc(elector::Column::Id)
        .all(conn)
        .await?)
}

pub async fn mandates<C: ConnectionTrait>(conn: &C, poll_id: i64) -> AppResult<Vec<mandate::Model>> {
    Ok(mandate::Entity::find()
        .filter(mandate::Column::PollId.eq(poll_id))
        .order_by_asc(mandate::Column::Id)
        .all(conn)
        .await?)
}

pub async fn voters<C: ConnectionTrait>(conn: &C, poll_id: i64) -> AppResult<Vec<voter::Model>> {
    Ok(voter::Entity::find()
        .filter(voter::Column::PollId.eq(poll_id))
        .order_by_asc(voter::Column::Id)
        .all(conn)
        .await?)
}
