//! What waits for a person: the open polls in which they may still cast a ballot.

use super::entities::{elector, mandate, poll, voter};
use super::policy::{Casting, casting};
use crate::access::Doer;
use crate::error::AppResult;
use intercoop_domain::voting::Electorate;
use intercoop_domain::voting::PollStatus;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::BTreeSet;

/// Open polls in which the person may still cast a ballot that was not cast yet:
/// (poll, organisation voted for, if any).
pub async fn waiting_for<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    doer: &Doer,
) -> AppResult<Vec<(poll::Model, Option<i64>)>> {
    let Some(person_id) = doer.person_id else {
        return Ok(Vec::new());
    };
    // The open polls of the network, as a sub-query: only the rows that concern this
    // person are read (its organisations' electors and mandates, mandates it holds,
    // its own elector in people polls), never the whole frozen electorates (hundreds
    // of thousands of rows in a federation), nor the polls that do not concern it.
    let open = || {
        sea_orm::sea_query::Query::select()
            .column(poll::Column::Id)
            .from(poll::Entity)
            .and_where(poll::Column::NetworkId.eq(network_id))
            .and_where(poll::Column::Status.eq(PollStatus::Open.as_str()))
            // Past its closing time a poll waits for nobody, closed or not yet.
            .cond_where(
                Condition::any()
                    .add(poll::Column::ClosesAt.is_null())
                    .add(poll::Column::ClosesAt.gt(crate::clock::now())),
            )
            .take()
    };
    let my_orgs: Vec<i64> = doer.organisations.clone();
    let represented: Vec<i64> = doer.seats.clone();
    let all_mandates = mandate::Entity::find()
        .filter(mandate::Column::PollId.in_subquery(open()))
        .filter(
            Condition::any()
                .add(mandate::Column::OrganisationId.is_in(my_orgs.clone()))
                .add(mandate::Column::PersonId.eq(person_id))
                .add(mandate::Column::HolderOrganisationId.is_in(represented)),
        )
        .all(conn)
        .await?;
    let mut orgs: BTreeSet<i64> = my_orgs.into_iter().collect();
    // An organisation that left since the poll opened still votes in it.
    orgs.extend(doer.seats.iter().copied());
    orgs.extend(all_mandates.iter().map(|m| m.organisation_id));
    // Two look-ups, each served by an index (by organisation; by person and poll),
    // rather than one OR that SQLite answers by reading every open poll's electorate.
    let mut electors = if orgs.is_empty() {
        Vec::new()
    } else {
        elector::Entity::find()
            .filter(elector::Column::OrganisationId.is_in(orgs))
            .filter(elector::Column::PollId.in_subquery(open()))
            .all(conn)
            .await?
    };
    let known: BTreeSet<i64> = electors.iter().map(|e| e.id).collect();
    electors.extend(
        elector::Entity::find()
            .filter(elector::Column::PersonId.eq(person_id))
            .filter(elector::Column::PollId.in_subquery(open()))
            .all(conn)
            .await?
            .into_iter()
            .filter(|e| !known.contains(&e.id)),
    );
    if electors.is_empty() {
        return Ok(Vec::new());
    }
    let ids: BTreeSet<i64> = electors.iter().map(|e| e.poll_id).collect();
    let keys: Vec<String> = electors.iter().map(|e| e.voter_key.clone()).collect();
    let voted: BTreeSet<(i64, String)> = voter::Entity::find()
        .filter(voter::Column::PollId.is_in(ids.clone()))
        .filter(voter::Column::VoterKey.is_in(keys))
        .all(conn)
        .await?
        .into_iter()
        .map(|v| (v.poll_id, v.voter_key))
        .collect();
    let open = poll::Entity::find()
        .filter(poll::Column::Id.is_in(ids))
        .order_by_asc(poll::Column::ClosesAt)
        .order_by_asc(poll::Column::Id)
        .all(conn)
        .await?;
    let mut out = Vec::new();
    for p in open {
        let mandates: Vec<mandate::Model> = all_mandates.iter().filter(|m| m.poll_id == p.id).cloned().collect();
        for e in electors.iter().filter(|e| e.poll_id == p.id) {
            if voted.contains(&(p.id, e.voter_key.clone())) {
                continue;
            }
            let mine = if p.electorate == Electorate::People {
                e.person_id == Some(person_id)
            } else {
                casting(doer, e, &mandates) != Casting::No
            };
            if mine {
                out.push((
                    p.clone(),
                    e.organisation_id.filter(|_| p.electorate == Electorate::Organisations),
                ));
            }
        }
    }
    Ok(out)
}
