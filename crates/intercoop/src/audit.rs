//! The audit log: every change to a network's data records who, when, what, and
//! the state before and after. Written in the same transaction as the change.

use crate::db;
use crate::entities::audit_entry;
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
    let row = audit_entry::ActiveModel {
        network_id: Set(change.network_id),
        actor_id: Set(change.actor.person_id),
        action: Set(change.action.to_string()),
        entity: Set(change.entity.to_string()),
        entity_id: Set(change.entity_id),
        before: Set(before.and_then(|b| serde_json::to_string(b).ok())),
        after: Set(after.and_then(|a| serde_json::to_string(a).ok())),
        request_id: Set(current_request_id()),
        at: Set(db::now()),
        ..Default::default()
    };
    // Nothing reads the entry back: no `RETURNING`, no second statement.
    audit_entry::Entity::insert(row).exec_without_returning(conn).await?;
    Ok(())
}

tokio::task_local! {
    /// The id of the request being served, for the audit log and error pages.
    pub static REQUEST_ID: String;
}

fn current_request_id() -> String {
    REQUEST_ID.try_with(|id| id.clone()).unwrap_or_else(|_| "-".to_string())
}
