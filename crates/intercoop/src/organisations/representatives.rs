//! The people of an organisation and its representative: who belongs to it, who
//! speaks and votes for it in a network, and the history of its mandates.

use crate::audit::{self, Actor, Change};
use crate::db;
use crate::entities::representative;
use crate::error::{AppError, AppResult};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::Serialize;

/// A representative mandate, for the history on the organisation page.
#[derive(Debug, Clone, Serialize, sea_orm::FromQueryResult, utoipa::ToSchema)]
pub struct MandateRow {
    pub person_id: i64,
    pub person_name: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub since: time::OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub until: Option<time::OffsetDateTime>,
}

pub async fn mandates<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    organisation_id: i64,
) -> AppResult<Vec<MandateRow>> {
    Ok(db::fetch_all(
        conn,
        Query::select()
            .expr_as(Expr::col(("r", "person_id")), "person_id")
            .expr_as(Expr::col(("p", "name")), "person_name")
            .expr_as(Expr::col(("r", "since")), "since")
            .expr_as(Expr::col(("r", "until")), "until")
            .from_as("representatives", "r")
            .join_as(
                sea_orm::sea_query::JoinType::InnerJoin,
                "people",
                "p",
                Expr::col(("p", "id")).equals(("r", "person_id")),
            )
            .and_where(Expr::col(("r", "network_id")).eq(network_id))
            .and_where(Expr::col(("r", "organisation_id")).eq(organisation_id))
            .order_by(("r", "since"), sea_orm::Order::Desc),
    )
    .await?)
}

/// Makes a person the representative of an organisation in a network, ending the
/// previous mandate. The person must belong to the organisation.
pub async fn set_representative<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    organisation_id: i64,
    person_id: i64,
) -> AppResult<()> {
    let affiliated = crate::entities::affiliation::Entity::find()
        .filter(crate::entities::affiliation::Column::NetworkId.eq(network_id))
        .filter(crate::entities::affiliation::Column::OrganisationId.eq(organisation_id))
        .filter(crate::entities::affiliation::Column::PersonId.eq(person_id))
        .one(conn)
        .await?
        .is_some();
    if !affiliated {
        return Err(AppError::invalid("person_id", "not-in-organisation"));
    }
    let current = representative::Entity::find()
        .filter(representative::Column::NetworkId.eq(network_id))
        .filter(representative::Column::OrganisationId.eq(organisation_id))
        .filter(representative::Column::Current.eq(true))
        .one(conn)
        .await?;
    if current.as_ref().is_some_and(|c| c.person_id == person_id) {
        return Ok(());
    }
    let now = db::now();
    if let Some(c) = &current {
        representative::Entity::update_many()
            .col_expr(representative::Column::Current, Expr::val(Option::<bool>::None))
            .col_expr(representative::Column::Until, Expr::val(now))
            .filter(representative::Column::Id.eq(c.id))
            .exec(conn)
            .await?;
    }
    representative::ActiveModel {
        network_id: Set(network_id),
        organisation_id: Set(organisation_id),
        person_id: Set(person_id),
        current: Set(Some(true)),
        since: Set(now),
        until: Set(None),
        appointed_by: Set(actor.person_id),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "organisation.representative",
            entity: "organisation",
            entity_id: Some(organisation_id),
        },
        current.map(|c| c.person_id).as_ref(),
        Some(&person_id),
    )
    .await?;
    Ok(())
}

/// A person of an organisation, as its page lists them.
#[derive(Debug, Clone, Serialize, sea_orm::FromQueryResult)]
pub struct OrganisationPerson {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub is_representative: bool,
}

/// The people of one organisation, by name, each marked if they are its sitting
/// representative in the network.
pub async fn people<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    organisation_id: i64,
) -> AppResult<Vec<OrganisationPerson>> {
    Ok(db::fetch_all(
        conn,
        Query::select()
            .expr_as(Expr::col(("p", "id")), "id")
            .expr_as(Expr::col(("p", "name")), "name")
            .expr_as(Expr::col(("p", "email")), "email")
            .expr_as(Expr::col(("r", "id")).is_not_null(), "is_representative")
            .from_as("network_affiliations", "a")
            .join_as(
                sea_orm::sea_query::JoinType::InnerJoin,
                "people",
                "p",
                Expr::col(("p", "id")).equals(("a", "person_id")),
            )
            .join_as(
                sea_orm::sea_query::JoinType::LeftJoin,
                "representatives",
                "r",
                Expr::col(("r", "organisation_id"))
                    .equals(("a", "organisation_id"))
                    .and(Expr::col(("r", "person_id")).equals(("a", "person_id")))
                    .and(Expr::col(("r", "network_id")).eq(network_id))
                    .and(Expr::col(("r", "current")).eq(true)),
            )
            .and_where(Expr::col(("a", "network_id")).eq(network_id))
            .and_where(Expr::col(("a", "organisation_id")).eq(organisation_id))
            .order_by(("p", "name_key"), sea_orm::Order::Asc),
    )
    .await?)
}
