//! Changes to organisations: creating one with its membership, adding an existing one to
//! another network, and updating one (the audit logs of every holding network see a
//! change of what it is).

use super::{SharedFacts, ValidOrganisation, get, holding_networks};
use crate::audit::{self, Actor, Change};
use crate::db;
use crate::entities::{membership, organisation, organisation_software};
use crate::error::{AppError, AppResult};
use intercoop_domain::organisation::{Level, MembershipStatus};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// Creates an organisation and its membership of the network, in one transaction.
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    v: &ValidOrganisation,
) -> AppResult<i64> {
    let now = db::now();
    let org = organisation::ActiveModel {
        name: Set(v.name.to_string()),
        kind: Set(v.kind.into()),
        country: Set(v.country.clone()),
        language: Set(v.language.clone()),
        address: Set(v.address.clone()),
        company_number: Set(v.company_number.clone()),
        bank_account: Set(v.bank_account.clone()),
        website: Set(v.website.clone()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    join_network(conn, network_id, org.id, v.status, v.level, v.size).await?;
    replace_software(conn, org.id, &v.software).await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "organisation.create",
            entity: "organisation",
            entity_id: Some(org.id),
        },
        None::<&()>,
        Some(v),
    )
    .await?;
    Ok(org.id)
}

/// Adds an existing organisation to a network (an organisation may belong to several),
/// with the size this network counts.
pub async fn join_network<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    organisation_id: i64,
    status: MembershipStatus,
    level: Level,
    size: Option<i64>,
) -> AppResult<()> {
    let now = db::now();
    let joined_on = match status {
        MembershipStatus::Member => Some(crate::money::network_today(conn, network_id).await?),
        _ => None,
    };
    membership::ActiveModel {
        network_id: Set(network_id),
        organisation_id: Set(organisation_id),
        status: Set(status.into()),
        level: Set(level.into()),
        size: Set(size),
        joined_on: Set(joined_on),
        left_on: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

async fn replace_software<C: ConnectionTrait>(conn: &C, organisation_id: i64, software: &[String]) -> AppResult<()> {
    organisation_software::Entity::delete_many()
        .filter(organisation_software::Column::OrganisationId.eq(organisation_id))
        .exec(conn)
        .await?;
    if !software.is_empty() {
        organisation_software::Entity::insert_many(software.iter().map(|name| organisation_software::ActiveModel {
            organisation_id: Set(organisation_id),
            name: Set(name.clone()),
            ..Default::default()
        }))
        .exec(conn)
        .await?;
    }
    Ok(())
}

/// Updates an organisation and its membership; the audit log keeps both versions.
///
/// What the organisation is ([`SharedFacts`]) is the same in every network that holds
/// it: when it changes, every other holding network's audit log gets an entry
/// (`organisation.update_shared`, with the shared facts before and after only — never
/// this network's membership), so a change made in one network is seen in all.
/// What it is in this network (status, level, size) changes here only.
pub async fn update<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    id: i64,
    v: &ValidOrganisation,
) -> AppResult<()> {
    let before = get(conn, network_id, id).await?;
    let from = before.membership.status.0;
    if !intercoop_domain::organisation::status_change_allowed(from, v.status) {
        return Err(AppError::invalid("status", "status-change"));
    }
    let now = db::now();
    let mut org: organisation::ActiveModel = before.organisation.clone().into();
    org.name = Set(v.name.to_string());
    org.kind = Set(v.kind.into());
    org.country = Set(v.country.clone());
    org.language = Set(v.language.clone());
    org.address = Set(v.address.clone());
    org.company_number = Set(v.company_number.clone());
    org.bank_account = Set(v.bank_account.clone());
    org.website = Set(v.website.clone());
    org.updated_at = Set(now);
    org.update(conn).await?;
    let mut m: membership::ActiveModel = before.membership.clone().into();
    if from != v.status {
        match v.status {
            MembershipStatus::Member => m.joined_on = Set(Some(crate::money::network_today(conn, network_id).await?)),
            MembershipStatus::Former => m.left_on = Set(Some(crate::money::network_today(conn, network_id).await?)),
            MembershipStatus::Candidate => {}
        }
    }
    m.status = Set(v.status.into());
    m.level = Set(v.level.into());
    m.size = Set(v.size);
    m.updated_at = Set(now);
    // Conditional on the status read above (`… WHERE status = <from>`): of two changes
    // at once, the second is told 409 rather than applied to a status it did not see.
    let moved = membership::Entity::update(m)
        .validate()?
        .filter(membership::Column::Status.eq(from.as_str()))
        .exec(conn)
        .await;
    match moved {
        Err(sea_orm::DbErr::RecordNotUpdated) => return Err(AppError::Conflict("changed-meanwhile")),
        other => other?,
    };
    replace_software(conn, id, &v.software).await?;
    if from != MembershipStatus::Former && v.status == MembershipStatus::Former {
        crate::events::publish(
            conn,
            crate::events::Event::MembershipEnded(crate::events::MembershipEnded {
                network_id,
                organisation_id: id,
            }),
        )
        .await?;
    }
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "organisation.update",
            entity: "organisation",
            entity_id: Some(id),
        },
        Some(&before),
        Some(v),
    )
    .await?;
    let (shared_before, shared_after) = (SharedFacts::stored(&before), SharedFacts::of(v));
    if shared_before != shared_after {
        for other in holding_networks(conn, id)
            .await?
            .into_iter()
            .filter(|n| *n != network_id)
        {
            audit::record(
                conn,
                Change {
                    network_id: Some(other),
                    actor,
                    action: "organisation.update_shared",
                    entity: "organisation",
                    entity_id: Some(id),
                },
                Some(&shared_before),
                Some(&shared_after),
            )
            .await?;
        }
    }
    Ok(())
}
