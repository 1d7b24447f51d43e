//! Delegations and proxies: an organisation hands its vote in one poll to another of its
//! people, or to another member organisation's representative.

use super::data::get;
use super::electorate::electorate;
use super::entities::mandate;
use crate::audit::{self, Actor, Change};
use crate::auth::CurrentUser;
use crate::db;
use crate::error::{AppError, AppResult};
use intercoop_domain::voting::PollStatus;
use intercoop_domain::voting::{Electorate, MandateKind};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

/// Hands an organisation's vote in one poll to another person of the same organisation
/// (`delegate`) or to another member organisation's representative (`proxy`). Replaces an
/// earlier mandate of that organisation for the poll.
pub async fn give_mandate<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    network_id: i64,
    poll_id: i64,
    organisation_id: Option<i64>,
    kind: MandateKind,
    target: i64,
) -> AppResult<mandate::Model> {
    let full = get(conn, network_id, poll_id).await?;
    if full.status() != PollStatus::Open {
        return Err(AppError::Conflict("poll-not-open"));
    }
    if full.poll.electorate != Electorate::Organisations {
        return Err(AppError::Conflict("poll-mandate-people"));
    }
    let org = match organisation_id {
        Some(o) => o,
        None => user
            .organisations
            .iter()
            .find(|o| o.is_representative)
            .map(|o| o.id)
            .ok_or(AppError::Forbidden)?,
    };
    user.require(user.represents(org) || user.is_admin())?;
    let electors = electorate(conn, poll_id).await?;
    if !electors.iter().any(|e| e.organisation_id == Some(org)) {
        return Err(AppError::Forbidden);
    }
    let (person_id, holder) = if kind == MandateKind::Delegate {
        let member = crate::entities::affiliation::Entity::find()
            .filter(crate::entities::affiliation::Column::OrganisationId.eq(org))
            .filter(crate::entities::affiliation::Column::PersonId.eq(target))
            .one(conn)
            .await?
            .is_some();
        if !member {
            return Err(AppError::invalid("person_id", "not-in-organisation"));
        }
        (Some(target), None)
    } else {
        if target == org || !electors.iter().any(|e| e.organisation_id == Some(target)) {
            return Err(AppError::invalid("holder_organisation_id", "poll-proxy-holder"));
        }
        let held = mandate::Entity::find()
            .filter(mandate::Column::PollId.eq(poll_id))
            .filter(mandate::Column::HolderOrganisationId.eq(target))
            .filter(mandate::Column::OrganisationId.ne(org))
            .count(conn)
            .await? as i64;
        if held >= full.poll.max_proxies {
            return Err(AppError::Conflict("poll-proxy-limit"));
        }
        if mandate::Entity::find()
            .filter(mandate::Column::PollId.eq(poll_id))
            .filter(mandate::Column::OrganisationId.eq(target))
            .filter(mandate::Column::Kind.eq(MandateKind::Proxy.as_str()))
            .one(conn)
            .await?
            .is_some()
        {
            // A proxy holder that gave its own vote away would pass it on: refused.
            return Err(AppError::invalid("holder_organisation_id", "poll-proxy-holder"));
        }
        (None, Some(target))
    };
    mandate::Entity::delete_many()
        .filter(mandate::Column::PollId.eq(poll_id))
        .filter(mandate::Column::OrganisationId.eq(org))
        .exec(conn)
        .await?;
    let row = mandate::ActiveModel {
        poll_id: Set(poll_id),
        organisation_id: Set(org),
        kind: Set(kind.into()),
        person_id: Set(person_id),
        holder_organisation_id: Set(holder),
        created_by: Set(user.person_id),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor: Actor::person(user.person_id),
            action: if kind == MandateKind::Delegate {
                "poll.delegate"
            } else {
                "poll.proxy"
            },
            entity: "poll",
            entity_id: Some(poll_id),
        },
        None::<&()>,
        Some(&row),
    )
    .await?;
    Ok(row)
}
