//! Who may vote, frozen when a poll opens (`poll_electorate`): one row per active member
//! organisation with its representative and weight, or per person of such an organisation;
//! and the mandates and voters of a poll.

use super::entities::{elector, mandate, poll, voter};
use crate::db;
use crate::db::types::Text;
use crate::entities::{person, representative};
use crate::error::{AppError, AppResult, FieldErrors};
use intercoop_domain::organisation::{Level, MembershipStatus, OrgKind, may_vote_in};
use intercoop_domain::voting::{Electorate, WeightError, electorate_weight, vote_weight};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use std::collections::{BTreeSet, HashMap};

#[derive(sea_orm::FromQueryResult)]
pub(super) struct MemberRow {
    organisation_id: i64,
    status: Text<MembershipStatus>,
    level: Text<Level>,
    kind: Text<OrgKind>,
    size: Option<i64>,
}

/// The member organisations that may vote now in a poll counting the `kinds` given
/// (`may_vote_in`: active members of those kinds): (organisation id, size).
pub(super) async fn voting_organisations<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    kinds: &[OrgKind],
) -> AppResult<Vec<(i64, Option<i64>)>> {
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    let mut q = Query::select();
    q.from_as("memberships", "m")
        .expr_as(Expr::col(("m", "organisation_id")), "organisation_id")
        .expr_as(Expr::col(("m", "status")), "status")
        .expr_as(Expr::col(("m", "level")), "level")
        .expr_as(Expr::col(("m", "size")), "size")
        .expr_as(Expr::col(("o", "kind")), "kind")
        .join_as(
            sea_orm::sea_query::JoinType::InnerJoin,
            "organisations",
            "o",
            Expr::col(("o", "id")).equals(("m", "organisation_id")),
        )
        .and_where(Expr::col(("m", "network_id")).eq(network_id))
        .order_by(("m", "organisation_id"), sea_orm::Order::Asc);
    let rows: Vec<MemberRow> = db::fetch_all(conn, &q).await?;
    Ok(rows
        .into_iter()
        .filter(|r| may_vote_in(r.status.0, r.level.0, r.kind.0, kinds))
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
/// and weight: `intercoop_domain::voting::vote_weight`), or per person of such an
/// organisation (weight 1). A poll weighted by size is refused (422 on `weighted`) while
/// an organisation of its electorate has no size. Returns the electorate's weight.
pub(super) async fn snapshot_electorate<C: ConnectionTrait>(conn: &C, p: &poll::Model) -> AppResult<i64> {
    let orgs = voting_organisations(conn, p.network_id, &p.organisation_kinds).await?;
    let mut rows: Vec<elector::ActiveModel> = Vec::new();
    if p.electorate == Electorate::People {
        let org_ids: Vec<i64> = orgs.iter().map(|(id, _)| *id).collect();
        let affiliations = crate::entities::affiliation::Entity::find()
            .filter(crate::entities::affiliation::Column::NetworkId.eq(p.network_id))
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
        let mut unsized_orgs = Vec::new();
        for (org, size) in orgs {
            // Sizes are stored non-negative (`organisations::data`); a negative one would
            // read as none.
            let weight = match vote_weight(org, p.weighted, size.and_then(|s| u64::try_from(s).ok())) {
                Ok(w) => w,
                Err(WeightError::MissingSize { org }) => {
                    unsized_orgs.push(org);
                    continue;
                }
                Err(WeightError::Overflow) => return Err(weights_out_of_range()),
            };
            rows.push(elector::ActiveModel {
                poll_id: Set(p.id),
                voter_key: Set(format!("o:{org}")),
                organisation_id: Set(Some(org)),
                person_id: Set(reps.get(&org).copied()),
                weight: Set(i64::try_from(weight).map_err(|_| weights_out_of_range())?),
                ..Default::default()
            });
        }
        if !unsized_orgs.is_empty() {
            return Err(missing_sizes(conn, unsized_orgs).await?);
        }
    }
    // Weights are positive (`vote_weight`): each fits in a u64.
    let total =
        electorate_weight(rows.iter().map(|r| r.weight.as_ref().unsigned_abs())).map_err(|_| weights_out_of_range())?;
    let total = i64::try_from(total).map_err(|_| weights_out_of_range())?;
    crate::db::insert_all(conn, rows).await?;
    Ok(total)
}

/// The refusal to open a poll weighted by size whose electorate has organisations
/// without a size (`intercoop_domain::voting::vote_weight`): a 422 on `weighted` naming
/// them, by name, and what to do.
async fn missing_sizes<C: ConnectionTrait>(conn: &C, orgs: Vec<i64>) -> AppResult<AppError> {
    let names = super::data::organisation_names(conn, orgs.clone()).await?;
    let mut named: Vec<String> = orgs
        .iter()
        .map(|o| names.get(o).cloned().unwrap_or_else(|| o.to_string()))
        .collect();
    named.sort();
    let mut errors = FieldErrors::default();
    errors.add_with(
        "weighted",
        "poll-missing-size",
        vec![("organisations", named.join(", "))],
    );
    Ok(AppError::Invalid(errors))
}

/// Sizes so large that the electorate's weight is out of range: a 422 on `weighted`.
fn weights_out_of_range() -> AppError {
    AppError::invalid("weighted", "poll-weights-out-of-range")
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
