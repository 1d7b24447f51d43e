//! The audit log: every change to a network's data records who, when, what, and
//! the state before and after. Written in the same transaction as the change.

use crate::db;
use crate::entities::audit_entry;
use crate::state::AppState;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};
use serde::Serialize;

/// Who made a change: a person, or the system (a background job, the CLI).
#[derive(Debug, Clone, Copy)]
pub struct Actor {
    pub person_id: Option<i64>,
}

impl Actor {
    pub const SYSTEM: Actor = Actor { person_id: None };

    pub fn person(id: i64) -> Actor {
        Actor { person_id: Some(id) }
    }
}

/// One change to record.
pub struct Change<'a> {
    pub network_id: Option<i64>,
    pub actor: Actor,
    /// What happened, e.g. `organisation.update`.
    pub action: &'a str,
    /// The kind of record, e.g. `organisation`.
    pub entity: &'a str,
    pub entity_id: Option<i64>,
}

pub async fn record<C: ConnectionTrait, B: Serialize, A: Serialize>(
    conn: &C,
    change: Change<'_>,
    before: Option<&B>,
    after: Option<&A>,
) -> Result<(), DbErr> {
    let row = entry(change, before, after, current_request_id());
    // Nothing reads the entry back: no `RETURNING`, no second statement.
    audit_entry::Entity::insert(row.0).exec_without_returning(conn).await?;
    Ok(())
}

/// An audit entry, made for a request whose change is written later with others (a
/// batch of pledges runs on another task, which does not know the request's id).
pub struct Entry(audit_entry::ActiveModel);

pub fn entry<B: Serialize, A: Serialize>(
    change: Change<'_>,
    before: Option<&B>,
    after: Option<&A>,
    request_id: String,
) -> Entry {
    Entry(audit_entry::ActiveModel {
        network_id: Set(change.network_id),
        actor_id: Set(change.actor.person_id),
        action: Set(change.action.to_string()),
        entity: Set(change.entity.to_string()),
        entity_id: Set(change.entity_id),
        before: Set(before.and_then(|b| serde_json::to_string(b).ok())),
        after: Set(after.and_then(|a| serde_json::to_string(a).ok())),
        request_id: Set(request_id),
        at: Set(db::now()),
        ..Default::default()
    })
}

/// Writes `entries` in one statement.
pub async fn record_all<C: ConnectionTrait>(conn: &C, entries: Vec<Entry>) -> Result<(), DbErr> {
    if entries.is_empty() {
        return Ok(());
    }
    audit_entry::Entity::insert_many(entries.into_iter().map(|e| e.0))
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

tokio::task_local! {
    /// The id of the request being served, for the audit log and error pages.
    pub static REQUEST_ID: String;
}

/// The id of the request being served, or `-` outside a request.
pub(crate) fn current_request_id() -> String {
    REQUEST_ID.try_with(|id| id.clone()).unwrap_or_else(|_| "-".to_string())
}

pub mod api;
pub mod log;
pub mod pages;

/// The audit log's page and API (administrators: see [`policy`]).
pub fn routes<S>() -> crate::web::route_table::Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: axum::extract::FromRef<S>,
{
    use crate::access::Access::Admin;
    crate::web::route_table::Routes::new()
        .get("/admin/audit", Admin, pages::list)
        .get("/api/v1/audit", Admin, api::list)
}

/// Who may read the audit log.
pub mod policy {
    use crate::access::Doer;

    /// The network's administrators read its whole log.
    pub fn read(doer: &Doer) -> bool {
        doer.is_admin()
    }
}

/// The OpenAPI paths of the audit log.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(api::list),
    components(schemas(log::AuditRow)),
    tags((name = "audit", description = "Every change recorded in the network, newest first (administrators)"))
)]
pub struct ApiDoc;
