//! Proxies for an assembly: a member organisation gives its proxy for one meeting to
//! another member organisation, whose representative then speaks for both; the live
//! quorum counts the giver when the holder is present
//! (`intercoop_domain::meetings::counted_for_quorum`). The rules are the polls' proxies'
//! (`intercoop_domain::voting::check_proxy`): not to oneself, at most
//! `MAX_MEETING_PROXIES` per holder, no chains (a holder that gave its own proxy, or a
//! giver that holds others'). Given until the meeting ends; a new proxy replaces the
//! giver's earlier one.

use super::data::{self, MeetingFull};
use super::entities::{meeting, proxy};
use super::policy;
use crate::access::{Doer, require};
use crate::api::{ApiJson, ApiUser, Json, parse_id};
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::idempotency;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use intercoop_domain::meetings::{MAX_MEETING_PROXIES, MeetingKind, MeetingStatus};
use intercoop_domain::voting::{Proxy, ProxyError, check_proxy};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A proxy as the API shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProxyOut {
    /// The organisation that gives its proxy.
    pub organisation_id: i64,
    pub organisation_name: String,
    /// The organisation that holds it.
    pub holder_organisation_id: i64,
    pub holder_name: String,
}

/// Gives an organisation's proxy for a meeting.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProxyBody {
    /// The member organisation giving its proxy (one the caller represents, or any for an
    /// administrator).
    pub organisation_id: i64,
    /// The member organisation that holds it.
    pub holder_organisation_id: i64,
}

/// The meetings that take proxies: those with a quorum of organisations.
pub fn takes_proxies(kind: MeetingKind) -> bool {
    matches!(kind, MeetingKind::Assembly | MeetingKind::GeneralAssembly)
}

/// Proxies are given and withdrawn until the meeting ends (not once cancelled).
fn open_for_proxies(m: &meeting::Model) -> AppResult<()> {
    if !takes_proxies(m.kind.0) {
        return Err(AppError::Conflict("meeting-proxy-kind"));
    }
    if m.status.0 != MeetingStatus::Scheduled || crate::clock::now() >= m.ends_at {
        return Err(AppError::Conflict("meeting-proxy-closed"));
    }
    Ok(())
}

/// Whether proxies may be given for this meeting now (the meeting page's link).
pub fn may_give_now(m: &meeting::Model) -> bool {
    open_for_proxies(m).is_ok()
}

/// The member organisations of the network (status `member`).
async fn members<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<i64>> {
    Ok(crate::entities::membership::Entity::find()
        .filter(crate::entities::membership::Column::NetworkId.eq(network_id))
        .filter(crate::entities::membership::Column::Status.eq("member"))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| m.organisation_id)
        .collect())
}

/// The proxies of a meeting, as pairs (giver, holder).
pub async fn in_force<C: ConnectionTrait>(conn: &C, meeting_id: i64) -> AppResult<Vec<Proxy>> {
    Ok(proxy::Entity::find()
        .filter(proxy::Column::MeetingId.eq(meeting_id))
        .order_by_asc(proxy::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|p| Proxy {
            giver: p.organisation_id,
            holder: p.holder_organisation_id,
        })
        .collect())
}

/// The proxies of a meeting with the organisations' names, in the order given.
pub async fn list<C: ConnectionTrait>(conn: &C, meeting_id: i64) -> AppResult<Vec<ProxyOut>> {
    named(conn, in_force(conn, meeting_id).await?).await
}

/// Proxies read by [`in_force`], with the organisations' names, in the same order.
pub async fn named<C: ConnectionTrait>(conn: &C, all: Vec<Proxy>) -> AppResult<Vec<ProxyOut>> {
    let ids: Vec<i64> = all.iter().flat_map(|p| [p.giver, p.holder]).collect();
    let names = crate::organisations::data::names(conn, &ids).await?;
    let name = |id: i64| names.get(&id).cloned().unwrap_or_default();
    Ok(all
        .into_iter()
        .map(|p| ProxyOut {
            organisation_id: p.giver,
            organisation_name: name(p.giver),
            holder_organisation_id: p.holder,
            holder_name: name(p.holder),
        })
        .collect())
}

/// Makes the proxies of one meeting given at once be decided one after the other,
/// until the end of the transaction (each reads the others' before writing its own).
///
/// BACKEND-SPECIFIC: PostgreSQL locks the meeting's row (`SELECT … FOR UPDATE`); SQLite
/// writes go through the single writer connection (see `db`), which serialises them.
async fn lock_meeting<C: ConnectionTrait>(conn: &C, meeting_id: i64) -> AppResult<()> {
    if conn.get_database_backend() == DatabaseBackend::Postgres {
        sea_orm::QuerySelect::lock_exclusive(meeting::Entity::find_by_id(meeting_id))
            .one(conn)
            .await?;
    }
    Ok(())
}

/// Gives `body.organisation_id`'s proxy for the meeting to `body.holder_organisation_id`
/// (replacing an earlier one of the giver). Errors: 403 for someone who may not speak
/// for the giver; 409 for a meeting without a quorum, over or cancelled, a holder at its
/// limit, or a giver holding others' proxies; 422 for a giver or holder that is not a
/// member, the giver itself, or a holder that gave its own proxy.
pub async fn give<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    network_id: i64,
    meeting_id: i64,
    body: &ProxyBody,
) -> AppResult<proxy::Model> {
    require(policy::give_proxy(doer, body.organisation_id))?;
    lock_meeting(conn, meeting_id).await?;
    let full = data::get(conn, network_id, meeting_id).await?;
    open_for_proxies(&full.meeting)?;
    let members = members(conn, network_id).await?;
    if !members.contains(&body.organisation_id) {
        return Err(AppError::invalid("organisation_id", "meeting-proxy-member"));
    }
    if !members.contains(&body.holder_organisation_id) {
        return Err(AppError::invalid("holder_organisation_id", "meeting-proxy-member"));
    }
    let proxies = in_force(conn, meeting_id).await?;
    check_proxy(
        &proxies,
        body.organisation_id,
        body.holder_organisation_id,
        MAX_MEETING_PROXIES,
    )
    .map_err(|e| match e {
        ProxyError::OwnProxy { .. } => AppError::invalid("holder_organisation_id", "meeting-proxy-self"),
        ProxyError::HolderGaveItsVote { .. } => {
            AppError::invalid("holder_organisation_id", "meeting-proxy-holder-gave")
        }
        ProxyError::LimitReached { .. } => AppError::Conflict("meeting-proxy-limit"),
        ProxyError::GiverHoldsProxies { .. } => AppError::Conflict("meeting-proxy-chain"),
    })?;
    proxy::Entity::delete_many()
        .filter(proxy::Column::MeetingId.eq(meeting_id))
        .filter(proxy::Column::OrganisationId.eq(body.organisation_id))
        .exec(conn)
        .await?;
    let row = proxy::ActiveModel {
        network_id: Set(network_id),
        meeting_id: Set(meeting_id),
        organisation_id: Set(body.organisation_id),
        holder_organisation_id: Set(body.holder_organisation_id),
        created_by: Set(doer.person_id),
        created_at: Set(crate::clock::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor: doer.audit_actor(),
            action: "meeting.proxy",
            entity: "meeting",
            entity_id: Some(meeting_id),
        },
        None::<&()>,
        Some(&row),
    )
    .await?;
    Ok(row)
}

/// Withdraws `organisation_id`'s proxy for the meeting (404 if it gave none).
pub async fn withdraw<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    network_id: i64,
    meeting_id: i64,
    organisation_id: i64,
) -> AppResult<MeetingFull> {
    require(policy::give_proxy(doer, organisation_id))?;
    lock_meeting(conn, meeting_id).await?;
    let full = data::get(conn, network_id, meeting_id).await?;
    open_for_proxies(&full.meeting)?;
    let Some(row) = proxy::Entity::find()
        .filter(proxy::Column::MeetingId.eq(meeting_id))
        .filter(proxy::Column::OrganisationId.eq(organisation_id))
        .one(conn)
        .await?
    else {
        return Err(AppError::NotFound);
    };
    proxy::Entity::delete_by_id(row.id).exec(conn).await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor: doer.audit_actor(),
            action: "meeting.proxy_withdraw",
            entity: "meeting",
            entity_id: Some(meeting_id),
        },
        Some(&row),
        None::<&()>,
    )
    .await?;
    Ok(full)
}

/// Gives an organisation's proxy for an assembly or a general assembly to another member
/// organisation (its representative, or an administrator), until the meeting ends. The
/// quorum then counts the giver when the holder is present. One proxy per holder; no
/// chains.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/proxies", tag = "meetings", request_body = ProxyBody,
    responses((status = 201, body = ProxyOut), (status = 403, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_give(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ProxyBody>,
) -> AppResult<(StatusCode, Json<ProxyOut>)> {
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let row = give(&txn, &user.doer(), user.network.id, id, &body).await?;
    let answer = list(&txn, id)
        .await?
        .into_iter()
        .find(|p| p.organisation_id == row.organisation_id)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("proxy {} not read back", row.id)))?;
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}

/// Withdraws an organisation's proxy for a meeting (until the meeting ends).
#[utoipa::path(delete, path = "/api/v1/meetings/{id}/proxies/{organisation_id}", tag = "meetings",
    responses((status = 204), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_withdraw(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, organisation_id)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    let txn = state.db.write.begin().await?;
    withdraw(
        &txn,
        &user.doer(),
        user.network.id,
        parse_id(&id)?,
        parse_id(&organisation_id)?,
    )
    .await?;
    txn.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
