//! The list of a network's organisations: filtered by kind, status and name, a page at
//! a time, each row with its representative (one query for the whole page).

use crate::db;
use crate::db::types::Text;
use crate::error::AppResult;
use intercoop_domain::organisation::{Level, MembershipStatus, OrgKind};
use sea_orm::sea_query::ExprTrait;
use sea_orm::sea_query::{Expr, Func, Query, SelectStatement};
use serde::{Deserialize, Serialize};

/// A row of the organisation list (one query for the whole page).
#[derive(Debug, Clone, Serialize, sea_orm::FromQueryResult, utoipa::ToSchema)]
pub struct OrganisationRow {
    pub id: i64,
    pub name: String,
    #[schema(value_type = String)]
    pub kind: Text<OrgKind>,
    pub country: String,
    pub size: Option<i64>,
    #[schema(value_type = String)]
    pub status: Text<MembershipStatus>,
    #[schema(value_type = String)]
    pub level: Text<Level>,
    pub representative_id: Option<i64>,
    pub representative_name: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ListFilter {
    /// user, provider, partner or facilitator
    pub kind: Option<String>,
    /// candidate, member or former
    pub status: Option<String>,
    /// Part of the name.
    pub q: Option<String>,
}

/// The filters of the list; `full` adds the representative (the page, not its count).
fn list_query(network_id: i64, filter: &ListFilter, full: bool, backend: sea_orm::DatabaseBackend) -> SelectStatement {
    let mut q = Query::select();
    q.from_as("organisations", "o");
    db::join_in_order(
        &mut q,
        backend,
        "memberships",
        "m",
        Expr::col(("m", "organisation_id"))
            .equals(("o", "id"))
            .and(Expr::col(("m", "network_id")).eq(network_id)),
    );
    if full {
        q.join_as(
            sea_orm::sea_query::JoinType::LeftJoin,
            "representatives",
            "r",
            Expr::col(("r", "organisation_id"))
                .equals(("o", "id"))
                .and(Expr::col(("r", "network_id")).eq(network_id))
                .and(Expr::col(("r", "current")).eq(true)),
        )
        .join_as(
            sea_orm::sea_query::JoinType::LeftJoin,
            "people",
            "p",
            Expr::col(("p", "id")).equals(("r", "person_id")),
        );
    }
    if let Some(kind) = filter.kind.as_deref().filter(|k| !k.is_empty()) {
        q.and_where(Expr::col(("o", "kind")).eq(kind));
    }
    if let Some(status) = filter.status.as_deref().filter(|s| !s.is_empty()) {
        q.and_where(Expr::col(("m", "status")).eq(status));
    }
    if let Some(text) = filter.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let pattern = format!("%{}%", text.to_lowercase().replace(['%', '_'], ""));
        q.and_where(Expr::expr(Func::lower(Expr::col(("o", "name")))).like(pattern));
    }
    q
}

/// What the count of a page needs: the memberships alone (an index range) unless a
/// filter reads the organisation itself.
fn count_query(network_id: i64, filter: &ListFilter, backend: sea_orm::DatabaseBackend) -> SelectStatement {
    let by_kind = filter.kind.as_deref().is_some_and(|k| !k.is_empty());
    let by_text = filter.q.as_deref().is_some_and(|t| !t.trim().is_empty());
    if by_kind || by_text {
        return list_query(network_id, filter, false, backend);
    }
    let mut q = Query::select();
    q.from_as("memberships", "m")
        .and_where(Expr::col(("m", "network_id")).eq(network_id));
    if let Some(status) = filter.status.as_deref().filter(|s| !s.is_empty()) {
        q.and_where(Expr::col(("m", "status")).eq(status));
    }
    q
}

/// A page of the network's organisations, by name, and how many there are.
pub async fn list(
    db: &crate::db::Db,
    network_id: i64,
    filter: &ListFilter,
    page: &crate::api::Page,
) -> AppResult<(Vec<OrganisationRow>, i64)> {
    let backend = db.backend();
    let mut count = count_query(network_id, filter, backend);
    count.expr(Expr::cust("COUNT(*)"));
    let mut rows = list_query(network_id, filter, true, backend);
    rows.expr_as(Expr::col(("o", "id")), "id")
        .expr_as(Expr::col(("o", "name")), "name")
        .expr_as(Expr::col(("o", "kind")), "kind")
        .expr_as(Expr::col(("o", "country")), "country")
        .expr_as(Expr::col(("m", "size")), "size")
        .expr_as(Expr::col(("m", "status")), "status")
        .expr_as(Expr::col(("m", "level")), "level")
        .expr_as(Expr::col(("p", "id")), "representative_id")
        .expr_as(Expr::col(("p", "name")), "representative_name")
        .order_by(("o", "name_key"), sea_orm::Order::Asc)
        .order_by(("o", "id"), sea_orm::Order::Asc)
        .limit(page.limit())
        .offset(page.offset());
    Ok(crate::db::fetch_page(db, &rows, &count, page.offset()).await?)
}
