//! Delegations and proxies: an organisation hands its vote in one poll to another of its
//! people, or to another member organisation's representative.

use super::data::get;
use super::electorate::electorate;
use super::entities::{mandate, poll};
use crate::access::Doer;
use crate::audit::{self, Change};
use crate::db;
use crate::error::{AppError, AppResult};
use intercoop_domain::voting::{Electorate, MandateKind, Proxy, ProxyError, check_proxy};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, Set};

/// Hands an organisation's vote in one poll to another person of the same organisation
/// (`delegate`) or to another member organisation's representative (`proxy`, within the
/// limits of `intercoop_domain::voting::check_proxy`: at most the poll's `max_proxies`
/// per holder, no chains). Replaces an earlier mandate of that organisation for the poll.
pub async fn give_mandate<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    network_id: i64,
    poll_id: i64,
    organisation_id: Option<i64>,
    kind: MandateKind,
    target: i64,
) -> AppResult<mandate::Model> {
    // Who may hand the vote first: someone who may not learns nothing of the poll.
    let org = match organisation_id {
        Some(o) => o,
        None => *doer.seats.first().ok_or(AppError::Forbidden)?,
    };
    crate::access::require(super::policy::hand_vote(doer, org))?;
    lock_mandates(conn, poll_id).await?;
    let full = get(conn, network_id, poll_id).await?;
    // The closing time holds at its instant, whether or not the closing job has run.
    if !full.takes_ballots(crate::clock::now()) {
        return Err(AppError::Conflict("poll-not-open"));
    }
    if full.poll.electorate != Electorate::Organisations {
        return Err(AppError::Conflict("poll-mandate-people"));
    }
    let electors = electorate(conn, poll_id).await?;
    if !electors.iter().any(|e| e.organisation_id == Some(org)) {
        return Err(AppError::Forbidden);
    }
    let (person_id, holder) = if kind == MandateKind::Delegate {
        let member = crate::entities::affiliation::Entity::find()
            .filter(crate::entities::affiliation::Column::NetworkId.eq(full.poll.network_id))
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
        if !electors.iter().any(|e| e.organisation_id == Some(target)) {
            return Err(AppError::invalid("holder_organisation_id", "poll-proxy-holder"));
        }
        let proxies: Vec<Proxy> = mandate::Entity::find()
            .filter(mandate::Column::PollId.eq(poll_id))
            .filter(mandate::Column::Kind.eq(MandateKind::Proxy.as_str()))
            .all(conn)
            .await?
            .into_iter()
            .filter_map(|m| {
                m.holder_organisation_id.map(|holder| Proxy {
                    giver: m.organisation_id,
                    holder,
                })
            })
            .collect();
        // Stored within 0..=100 (`PollInput::validate`).
        let max = u32::try_from(full.poll.max_proxies).unwrap_or(0);
        check_proxy(&proxies, org, target, max).map_err(|e| match e {
            ProxyError::OwnProxy { .. } | ProxyError::HolderGaveItsVote { .. } => {
                AppError::invalid("holder_organisation_id", "poll-proxy-holder")
            }
            ProxyError::LimitReached { .. } => AppError::Conflict("poll-proxy-limit"),
            ProxyError::GiverHoldsProxies { .. } => AppError::Conflict("poll-proxy-chain"),
        })?;
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
        created_by: Set(doer.person_id.ok_or(AppError::Forbidden)?),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor: doer.audit_actor(),
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

/// Makes the mandates of a poll given at once be decided one after the other, until the
/// end of the transaction: each reads the others' (limits, chains) before writing its own.
///
/// BACKEND-SPECIFIC: PostgreSQL locks the poll's row (`SELECT … FOR UPDATE`); without
/// it two proxies to one holder, checked at once, could both pass its limit. On SQLite
/// all writes go through the single writer connection (see `db`), which already
/// serialises them, and SQLite has no row locks.
async fn lock_mandates<C: ConnectionTrait>(conn: &C, poll_id: i64) -> AppResult<()> {
    if conn.get_database_backend() == DatabaseBackend::Postgres {
        sea_orm::QuerySelect::lock_exclusive(poll::Entity::find_by_id(poll_id))
            .one(conn)
            .await?;
    }
    Ok(())
}

/// A delegation or proxy as typed in the poll's page (every field as typed): the
/// organisation handing its vote, `kind` (`delegate` or `proxy`), and the person
/// (delegate) or the holding organisation (proxy). Read into what [`give_mandate`]
/// takes, the API's `DelegationBody` and `ProxyBody` alike, with the API's field names.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct MandateForm {
    pub organisation_id: String,
    pub kind: String,
    pub person_id: String,
    pub holder_organisation_id: String,
}

impl MandateForm {
    /// The organisation (if chosen), the kind of mandate and its target; a field error
    /// on the field that cannot be read.
    pub fn read(&self) -> Result<(Option<i64>, MandateKind, i64), AppError> {
        let org = match self.organisation_id.trim() {
            "" => None,
            s => Some(
                s.parse()
                    .map_err(|_| AppError::invalid("organisation_id", "invalid-choice"))?,
            ),
        };
        let (kind, field, raw) = match self.kind.trim() {
            "delegate" => (MandateKind::Delegate, "person_id", &self.person_id),
            "proxy" => (
                MandateKind::Proxy,
                "holder_organisation_id",
                &self.holder_organisation_id,
            ),
            _ => return Err(AppError::invalid("kind", "invalid-choice")),
        };
        let target = match raw.trim() {
            "" => return Err(AppError::invalid(field, "required")),
            s => s.parse().map_err(|_| AppError::invalid(field, "invalid-choice"))?,
        };
        Ok((org, kind, target))
    }
}
