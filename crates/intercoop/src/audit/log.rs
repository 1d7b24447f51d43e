//! Reading the audit log: a network's administrators see every change recorded in
//! their network, newest first — including what another network changed of an
//! organisation both hold (`organisation.update_shared`), which is how a change to
//! shared facts is seen everywhere (issue 20).

use crate::db;
use crate::error::AppResult;
use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Query};
use serde::Serialize;
use time::OffsetDateTime;

/// One entry of the log as a page or the API shows it.
#[derive(Debug, Clone, Serialize, sea_orm::FromQueryResult, utoipa::ToSchema)]
pub struct AuditRow {
    pub id: i64,
    /// When, UTC.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub at: OffsetDateTime,
    /// Who (none: the system — a job, the command line).
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    /// What happened, e.g. `organisation.update`, `organisation.update_shared`.
    pub action: String,
    /// The kind of record (`organisation`, `proposal`, `poll`, `person`…) and its id.
    pub entity: String,
    pub entity_id: Option<i64>,
    /// The record before and after, as JSON text (none when not relevant).
    pub before: Option<String>,
    pub after: Option<String>,
}

impl AuditRow {
    /// The top-level fields whose value differs between `before` and `after` (empty
    /// when either is missing or not an object), by name.
    pub fn changed_fields(&self) -> Vec<String> {
        let parse = |s: &Option<String>| {
            s.as_deref()
                .and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
                .and_then(|v| v.as_object().cloned())
        };
        match (parse(&self.before), parse(&self.after)) {
            (Some(b), Some(a)) => a
                .iter()
                .filter(|(k, v)| b.get(*k).is_some_and(|old| old != *v))
                .map(|(k, _)| k.clone())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Where the record is shown, if it has a page.
    pub fn href(&self) -> Option<String> {
        let id = self.entity_id?;
        if self.action == "governance.update" {
            return Some("/governance".into());
        }
        let base = match self.entity.as_str() {
            "organisation" => "/organisations",
            "proposal" => "/proposals",
            "poll" => "/polls",
            "person" => "/people",
            _ => return None,
        };
        Some(format!("{base}/{id}"))
    }
}

/// A page of the network's audit log, newest first, and how many entries it has.
pub async fn list(db: &crate::db::Db, network_id: i64, page: &crate::api::Page) -> AppResult<(Vec<AuditRow>, i64)> {
    let mut count = Query::select();
    count
        .expr(Expr::cust("COUNT(*)"))
        .from("audit_log")
        .and_where(Expr::col("network_id").eq(network_id));
    let mut rows = Query::select();
    rows.from_as("audit_log", "a")
        .join_as(
            JoinType::LeftJoin,
            "people",
            "p",
            Expr::col(("p", "id")).equals(("a", "actor_id")),
        )
        .expr_as(Expr::col(("a", "id")), "id")
        .expr_as(Expr::col(("a", "at")), "at")
        .expr_as(Expr::col(("a", "actor_id")), "actor_id")
        .expr_as(Expr::col(("p", "name")), "actor_name")
        .expr_as(Expr::col(("a", "action")), "action")
        .expr_as(Expr::col(("a", "entity")), "entity")
        .expr_as(Expr::col(("a", "entity_id")), "entity_id")
        .expr_as(Expr::col(("a", "before")), "before")
        .expr_as(Expr::col(("a", "after")), "after")
        .and_where(Expr::col(("a", "network_id")).eq(network_id))
        .order_by(("a", "id"), sea_orm::Order::Desc)
        .limit(page.limit())
        .offset(page.offset());
    Ok(db::fetch_page(db, &rows, &count, page.offset()).await?)
}

/// The network's latest `limit` entries with action `action`, newest first (a settings
/// page shows its own recent changes).
pub async fn latest_of<C: sea_orm::ConnectionTrait>(
    conn: &C,
    network_id: i64,
    action: &str,
    limit: u64,
) -> AppResult<Vec<AuditRow>> {
    let mut rows = Query::select();
    rows.from_as("audit_log", "a")
        .join_as(
            JoinType::LeftJoin,
            "people",
            "p",
            Expr::col(("p", "id")).equals(("a", "actor_id")),
        )
        .expr_as(Expr::col(("a", "id")), "id")
        .expr_as(Expr::col(("a", "at")), "at")
        .expr_as(Expr::col(("a", "actor_id")), "actor_id")
        .expr_as(Expr::col(("p", "name")), "actor_name")
        .expr_as(Expr::col(("a", "action")), "action")
        .expr_as(Expr::col(("a", "entity")), "entity")
        .expr_as(Expr::col(("a", "entity_id")), "entity_id")
        .expr_as(Expr::col(("a", "before")), "before")
        .expr_as(Expr::col(("a", "after")), "after")
        .and_where(Expr::col(("a", "network_id")).eq(network_id))
        .and_where(Expr::col(("a", "action")).eq(action))
        .order_by(("a", "id"), sea_orm::Order::Desc)
        .limit(limit);
    Ok(db::fetch_all(conn, &rows).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(before: Option<&str>, after: Option<&str>) -> AuditRow {
        AuditRow {
            id: 1,
            at: OffsetDateTime::UNIX_EPOCH,
            actor_id: None,
            actor_name: None,
            action: "organisation.update_shared".into(),
            entity: "organisation".into(),
            entity_id: Some(7),
            before: before.map(String::from),
            after: after.map(String::from),
        }
    }

    #[test]
    fn changed_fields_are_those_that_differ() {
        let r = row(
            Some(r#"{"name":"A","bank_account":"BE1","kind":"user"}"#),
            Some(r#"{"name":"B","bank_account":"BE2","kind":"user"}"#),
        );
        assert_eq!(r.changed_fields(), vec!["bank_account", "name"]);
        assert_eq!(r.href().as_deref(), Some("/organisations/7"));
        assert!(row(None, Some("{}")).changed_fields().is_empty());
        assert!(row(Some("[1]"), Some("[2]")).changed_fields().is_empty());
    }
}
