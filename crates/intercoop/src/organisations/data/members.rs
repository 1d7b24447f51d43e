//! What other features ask about a network's organisations: the size it counts for one,
//! the members a form offers to choose from, names by id, and whether an organisation is
//! in the network (or a member of it).

use crate::db;
use crate::db::types::Text;
use crate::entities::{membership, organisation};
use crate::error::{AppError, AppResult};
use intercoop_domain::organisation::OrgKind;
use sea_orm::sea_query::ExprTrait;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::BTreeMap;

/// The size a network counts for an organisation (its membership's), `None` when
/// unknown or when the organisation is not in the network.
pub async fn size_in<C: ConnectionTrait>(conn: &C, network_id: i64, organisation_id: i64) -> AppResult<Option<i64>> {
    Ok(membership::Entity::find()
        .select_only()
        .column(membership::Column::Size)
        .filter(membership::Column::NetworkId.eq(network_id))
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .into_tuple::<Option<i64>>()
        .one(conn)
        .await?
        .flatten())
}

/// A member organisation as a form's chooser shows it.
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
pub struct MemberChoice {
    pub id: i64,
    pub name: String,
    pub kind: Text<OrgKind>,
    /// The size this network counts.
    pub size: Option<i64>,
}

/// Every member organisation of the network (status `member`), by name, in one query:
/// what a form offers to choose from (a pledge recorded for another, a provider's quote,
/// a campaign's fixed contributions), whatever the network's size — a page of the list
/// would leave out whoever comes after it.
pub async fn member_choices<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<MemberChoice>> {
    let mut q = Query::select();
    q.from_as("memberships", "m")
        .join_as(
            sea_orm::sea_query::JoinType::InnerJoin,
            "organisations",
            "o",
            Expr::col(("o", "id")).equals(("m", "organisation_id")),
        )
        .expr_as(Expr::col(("o", "id")), "id")
        .expr_as(Expr::col(("o", "name")), "name")
        .expr_as(Expr::col(("o", "kind")), "kind")
        .expr_as(Expr::col(("m", "size")), "size")
        .and_where(Expr::col(("m", "network_id")).eq(network_id))
        .and_where(Expr::col(("m", "status")).eq("member"));
    let mut rows: Vec<MemberChoice> = db::fetch_all(conn, &q).await?;
    // Sorted here by the collation (names in the order a reader expects).
    rows.sort_by(|a, b| crate::collation::compare(&a.name, &b.name).then(a.id.cmp(&b.id)));
    Ok(rows)
}

/// A chooser's page of member organisations (status `member`) other than `except`: at
/// most `limit` of those whose name contains `text` (letters compared without case, as
/// the organisations list's search; all when `text` is empty), by name, and how many
/// match in all. For a form that offers a choice among members of a network that may
/// have thousands ([`member_choices`] reads them all): it shows the first ones and a
/// search. The count is kept until the database changes on SQLite (`db::fetch_page`).
pub async fn member_choices_matching(
    db: &db::Db,
    network_id: i64,
    except: &[i64],
    text: &str,
    limit: u64,
) -> AppResult<(Vec<MemberChoice>, i64)> {
    let text = text.trim().to_lowercase().replace(['%', '_'], "");
    let members = |q: &mut sea_orm::sea_query::SelectStatement| {
        q.and_where(Expr::col(("m", "status")).eq("member"))
            .and_where(Expr::col(("m", "organisation_id")).is_not_in(except.to_vec()));
        if !text.is_empty() {
            q.and_where(
                Expr::expr(sea_orm::sea_query::Func::lower(Expr::col(("o", "name")))).like(format!("%{text}%")),
            );
        }
    };
    // Read in the names' order (as the organisations list: `join_in_order`), so that the
    // first `limit` stop the reading.
    let mut rows = Query::select();
    rows.from_as("organisations", "o");
    db::join_in_order(
        &mut rows,
        db.backend(),
        "memberships",
        "m",
        Expr::col(("m", "organisation_id"))
            .equals(("o", "id"))
            .and(Expr::col(("m", "network_id")).eq(network_id)),
    );
    members(&mut rows);
    let mut count = rows.clone();
    count.expr(Expr::cust("COUNT(*)"));
    rows.expr_as(Expr::col(("o", "id")), "id")
        .expr_as(Expr::col(("o", "name")), "name")
        .expr_as(Expr::col(("o", "kind")), "kind")
        .expr_as(Expr::col(("m", "size")), "size")
        .order_by(("o", "name_key"), sea_orm::Order::Asc)
        .order_by(("o", "id"), sea_orm::Order::Asc)
        .limit(limit);
    Ok(db::fetch_page(db, &rows, &count, 0).await?)
}

/// Names of organisations, by id (one query).
pub async fn names<C: ConnectionTrait>(conn: &C, ids: &[i64]) -> AppResult<BTreeMap<i64, String>> {
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    Ok(organisation::Entity::find()
        .select_only()
        .column(organisation::Column::Id)
        .column(organisation::Column::Name)
        .filter(organisation::Column::Id.is_in(ids.to_vec()))
        .into_tuple::<(i64, String)>()
        .all(conn)
        .await?
        .into_iter()
        .collect())
}

/// The organisation if it has (or had) a membership in the network, whatever its status
/// (a former member keeps its commitments); otherwise `NotFound`: an organisation of
/// another network does not exist here.
pub async fn of_network<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    organisation_id: i64,
) -> AppResult<organisation::Model> {
    let here = Query::select()
        .column(membership::Column::OrganisationId)
        .from(membership::Entity)
        .and_where(membership::Column::NetworkId.eq(network_id))
        .and_where(membership::Column::OrganisationId.eq(organisation_id))
        .take();
    organisation::Entity::find_by_id(organisation_id)
        .filter(organisation::Column::Id.in_subquery(here))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// The organisation if it is a member (not a candidate, not former) of the network;
/// otherwise a 422 on `field`.
pub async fn require_member<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    organisation_id: i64,
    field: &str,
) -> AppResult<organisation::Model> {
    let member = Query::select()
        .column(membership::Column::OrganisationId)
        .from(membership::Entity)
        .and_where(membership::Column::NetworkId.eq(network_id))
        .and_where(membership::Column::OrganisationId.eq(organisation_id))
        .and_where(membership::Column::Status.eq("member"))
        .take();
    organisation::Entity::find_by_id(organisation_id)
        .filter(organisation::Column::Id.in_subquery(member))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::invalid(field, "proposals-not-member"))
}
