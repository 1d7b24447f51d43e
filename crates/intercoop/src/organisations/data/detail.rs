//! One organisation as a network sees it: what it is (the facts every holding network
//! shares) and its membership of this network.

use super::ValidOrganisation;
use crate::entities::{membership, organisation, organisation_software};
use crate::error::{AppError, AppResult};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;

/// An organisation as seen in one network: what it is (shared by every network that
/// holds it) and what it is in this network (its membership: status, level, size).
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationDetail {
    pub organisation: organisation::Model,
    pub membership: membership::Model,
    pub software: Vec<String>,
    /// How many other networks hold the organisation: a change of what it is (its
    /// [`SharedFacts`]) is recorded in their audit logs too.
    pub other_networks: i64,
}

/// What an organisation is, the same in every network that holds it: its name, kind,
/// country, language, address, company number, bank account, website and software.
/// Whatever a network counts (size, status, level, representative, people's ties) is
/// kept per network instead (issue 20: shared data must not cross networks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharedFacts {
    pub name: String,
    pub kind: String,
    pub country: String,
    pub language: String,
    pub address: String,
    pub company_number: String,
    pub bank_account: String,
    pub website: String,
    pub software: Vec<String>,
}

impl SharedFacts {
    pub(in crate::organisations) fn stored(d: &OrganisationDetail) -> SharedFacts {
        let o = &d.organisation;
        SharedFacts {
            name: o.name.clone(),
            kind: o.kind.to_string(),
            country: o.country.clone(),
            language: o.language.clone(),
            address: o.address.clone(),
            company_number: o.company_number.clone(),
            bank_account: o.bank_account.clone(),
            website: o.website.clone(),
            software: d.software.clone(),
        }
    }

    pub(in crate::organisations) fn of(v: &ValidOrganisation) -> SharedFacts {
        SharedFacts {
            name: v.name.to_string(),
            kind: v.kind.as_str().to_string(),
            country: v.country.clone(),
            language: v.language.clone(),
            address: v.address.clone(),
            company_number: v.company_number.clone(),
            bank_account: v.bank_account.clone(),
            website: v.website.clone(),
            software: v.software.clone(),
        }
    }
}

/// The networks that hold an organisation (any membership status), by id.
pub async fn holding_networks<C: ConnectionTrait>(conn: &C, organisation_id: i64) -> AppResult<Vec<i64>> {
    Ok(membership::Entity::find()
        .select_only()
        .column(membership::Column::NetworkId)
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .order_by_asc(membership::Column::NetworkId)
        .into_tuple::<i64>()
        .all(conn)
        .await?)
}

pub async fn get<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<OrganisationDetail> {
    let organisation = organisation::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let membership = membership::Entity::find()
        .filter(membership::Column::NetworkId.eq(network_id))
        .filter(membership::Column::OrganisationId.eq(id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut software: Vec<String> = organisation_software::Entity::find()
        .filter(organisation_software::Column::OrganisationId.eq(id))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| s.name)
        .collect();
    // Sorted here by the collation (names in the order a reader expects).
    crate::collation::sort_by_name(&mut software, |s| s);
    let other_networks = i64::try_from(holding_networks(conn, id).await?.len().saturating_sub(1)).unwrap_or(i64::MAX);
    Ok(OrganisationDetail {
        organisation,
        membership,
        software,
        other_networks,
    })
}
