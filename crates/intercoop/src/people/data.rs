//! People: queries and invitations, shared by pages, API and CLI.

use crate::audit::{self, Actor, Change};
use crate::auth::{self, LinkPurpose};
use crate::db;
use crate::entities::{affiliation, network_person, person};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Lang;
use crate::notifications::{self, Addressee, Kind, Notice, Var};
use intercoop_domain::text::{Email, PersonName};
use sea_orm::sea_query::ExprTrait;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};

/// A person in a list, with their organisations in this network.
#[derive(Debug, Clone, Serialize, sea_orm::FromQueryResult, utoipa::ToSchema)]
pub struct PersonRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub is_admin: bool,
    pub is_core_circle: bool,
}

/// A person's tie to an organisation in this network.
#[derive(Debug, Clone, Serialize, sea_orm::FromQueryResult, utoipa::ToSchema)]
pub struct Tie {
    pub person_id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub organisation_kind: String,
    pub title: String,
    pub is_representative: bool,
}

/// The people of a network, by name.
pub async fn list(db: &crate::db::Db, network_id: i64, page: &crate::api::Page) -> AppResult<(Vec<PersonRow>, i64)> {
    // The count reads the network's link table and subtracts its disabled people (a
    // partial index, migration 7): joining every person instead made SQLite pick a plan
    // that probed the link table once per person of the federation (2.7 ms at scale 100).
    let members = |disabled_only: bool| {
        let mut q = Query::select();
        q.expr(Expr::cust("COUNT(*)"))
            .from("network_people")
            .and_where(Expr::col("network_id").eq(network_id));
        if disabled_only {
            q.and_where(
                Expr::col("person_id").in_subquery(
                    Query::select()
                        .column("id")
                        .from("people")
                        .and_where(Expr::col("disabled"))
                        .take(),
                ),
            );
        }
        Expr::SubQuery(None, Box::new(q.into()))
    };
    let mut count = Query::select();
    count.expr(members(false).sub(members(true)));
    let mut rows = Query::select();
    rows.from_as("people", "p")
        .join_as(
            sea_orm::sea_query::JoinType::InnerJoin,
            "network_people",
            "np",
            Expr::col(("np", "person_id"))
                .equals(("p", "id"))
                .and(Expr::col(("np", "network_id")).eq(network_id)),
        )
        .and_where(Expr::col(("p", "disabled")).eq(false))
        .expr_as(Expr::col(("p", "id")), "id")
        .expr_as(Expr::col(("p", "name")), "name")
        .expr_as(Expr::col(("p", "email")), "email")
        .expr_as(Expr::col(("np", "is_admin")), "is_admin")
        .expr_as(Expr::col(("np", "is_core_circle")), "is_core_circle")
        .order_by(("p", "name_key"), sea_orm::Order::Asc)
        .order_by(("p", "id"), sea_orm::Order::Asc)
        .limit(page.limit())
        .offset(page.offset());
    Ok(crate::db::fetch_page(db, &rows, &count, page.offset()).await?)
}

/// The organisation ties of several people at once (one query, whatever their number).
pub async fn ties<C: ConnectionTrait>(conn: &C, network_id: i64, person_ids: &[i64]) -> AppResult<Vec<Tie>> {
    if person_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(db::fetch_all(
        conn,
        Query::select()
            .expr_as(Expr::col(("a", "person_id")), "person_id")
            .expr_as(Expr::col(("o", "id")), "organisation_id")
            .expr_as(Expr::col(("o", "name")), "organisation_name")
            .expr_as(Expr::col(("o", "kind")), "organisation_kind")
            .expr_as(Expr::col(("a", "title")), "title")
            .expr_as(Expr::col(("r", "id")).is_not_null(), "is_representative")
            .from_as("network_affiliations", "a")
            .join_as(
                sea_orm::sea_query::JoinType::InnerJoin,
                "organisations",
                "o",
                Expr::col(("o", "id")).equals(("a", "organisation_id")),
            )
            .join_as(
                sea_orm::sea_query::JoinType::InnerJoin,
                "memberships",
                "m",
                Expr::col(("m", "organisation_id"))
                    .equals(("o", "id"))
                    .and(Expr::col(("m", "network_id")).eq(network_id)),
            )
            .join_as(
                sea_orm::sea_query::JoinType::LeftJoin,
                "representatives",
                "r",
                Expr::col(("r", "organisation_id"))
                    .equals(("o", "id"))
                    .and(Expr::col(("r", "person_id")).equals(("a", "person_id")))
                    .and(Expr::col(("r", "network_id")).eq(network_id))
                    .and(Expr::col(("r", "current")).eq(true)),
            )
            .and_where(Expr::col(("a", "network_id")).eq(network_id))
            .and_where(Expr::col(("a", "person_id")).is_in(person_ids.iter().copied()))
            .order_by(("o", "name_key"), sea_orm::Order::Asc),
    )
    .await?)
}

/// One person of the network.
pub async fn get<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<(PersonRow, Vec<Tie>)> {
    let row: PersonRow = db::fetch_one(
        conn,
        Query::select()
            .expr_as(Expr::col(("p", "id")), "id")
            .expr_as(Expr::col(("p", "name")), "name")
            .expr_as(Expr::col(("p", "email")), "email")
            .expr_as(Expr::col(("np", "is_admin")), "is_admin")
            .expr_as(Expr::col(("np", "is_core_circle")), "is_core_circle")
            .from_as("people", "p")
            .join_as(
                sea_orm::sea_query::JoinType::InnerJoin,
                "network_people",
                "np",
                Expr::col(("np", "person_id"))
                    .equals(("p", "id"))
                    .and(Expr::col(("np", "network_id")).eq(network_id)),
            )
            .and_where(Expr::col(("p", "id")).eq(id)),
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let ties = ties(conn, network_id, &[id]).await?;
    Ok((row, ties))
}

/// An invitation as typed in the form or sent to the API.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct InviteInput {
    pub email: String,
    pub name: String,
    /// An organisation of the network the person belongs to (empty: none).
    pub organisation_id: String,
    pub title: String,
    pub language: String,
    /// "on" (checkbox) or "true".
    pub representative: String,
    pub admin: String,
    pub core_circle: String,
}

fn checked(v: &str) -> bool {
    matches!(v.trim(), "on" | "true" | "1" | "yes")
}

/// A validated invitation.
#[derive(Debug, Clone, Serialize)]
pub struct Invitation {
    pub email: Email,
    pub name: PersonName,
    pub organisation_id: Option<i64>,
    pub title: String,
    pub language: Option<Lang>,
    pub representative: bool,
    pub admin: bool,
    pub core_circle: bool,
}

impl InviteInput {
    pub fn validate(&self) -> Result<Invitation, FieldErrors> {
        let mut errors = FieldErrors::default();
        let code = crate::error::text_error_code;
        let email = Email::parse(&self.email).map_err(|e| errors.add("email", code(e))).ok();
        let name = PersonName::parse(&self.name)
            .map_err(|e| errors.add("name", code(e)))
            .ok();
        let organisation_id = match self.organisation_id.trim() {
            "" => None,
            s => match s.parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => {
                    errors.add("organisation_id", "invalid-choice");
                    None
                }
            },
        };
        let language = match self.language.trim() {
            "" => None,
            s => {
                let l = Lang::parse(s);
                if l.is_none() {
                    errors.add("language", "invalid-choice");
                }
                l
            }
        };
        let representative = checked(&self.representative);
        if representative && organisation_id.is_none() {
            errors.add("organisation_id", "required");
        }
        let title = errors.optional_line("title", &self.title, 80);
        match (email, name) {
            (Some(email), Some(name)) if errors.is_empty() => Ok(Invitation {
                email,
                name,
                organisation_id,
                title,
                language,
                representative,
                admin: checked(&self.admin),
                core_circle: checked(&self.core_circle),
            }),
            _ => Err(errors),
        }
    }
}

/// Finds a person by email or creates them; links them to the network, and to an
/// organisation if asked. Returns the person's id.
pub async fn ensure_person<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    inv: &Invitation,
) -> AppResult<i64> {
    let existing = person::Entity::find()
        .filter(person::Column::Email.eq(inv.email.as_str()))
        .one(conn)
        .await?;
    let person_id = match existing {
        Some(p) => p.id,
        None => {
            let p = person::ActiveModel {
                email: Set(inv.email.to_string()),
                name: Set(inv.name.to_string()),
                language: Set(inv.language.map(crate::db::types::Text)),
                password_hash: Set(None),
                phone: Set(String::new()),
                disabled: Set(false),
                created_at: Set(db::now()),
                last_login_at: Set(None),
                ..Default::default()
            }
            .insert(conn)
            .await?;
            audit::record(
                conn,
                Change {
                    network_id: Some(network_id),
                    actor,
                    action: "person.create",
                    entity: "person",
                    entity_id: Some(p.id),
                },
                None::<&()>,
                Some(inv),
            )
            .await?;
            p.id
        }
    };
    let link = network_person::Entity::find()
        .filter(network_person::Column::NetworkId.eq(network_id))
        .filter(network_person::Column::PersonId.eq(person_id))
        .one(conn)
        .await?;
    match link {
        None => {
            network_person::ActiveModel {
                network_id: Set(network_id),
                person_id: Set(person_id),
                is_admin: Set(inv.admin),
                is_core_circle: Set(inv.core_circle),
                created_at: Set(db::now()),
                ..Default::default()
            }
            .insert(conn)
            .await?;
        }
        Some(l) if (inv.admin && !l.is_admin) || (inv.core_circle && !l.is_core_circle) => {
            let mut l: network_person::ActiveModel = l.into();
            if inv.admin {
                l.is_admin = Set(true);
            }
            if inv.core_circle {
                l.is_core_circle = Set(true);
            }
            l.update(conn).await?;
        }
        Some(_) => {}
    }
    if let Some(org_id) = inv.organisation_id {
        crate::organisations::data::get(conn, network_id, org_id)
            .await
            .map_err(|_| AppError::invalid("organisation_id", "invalid-choice"))?;
        let tied = affiliation::Entity::find()
            .filter(affiliation::Column::NetworkId.eq(network_id))
            .filter(affiliation::Column::OrganisationId.eq(org_id))
            .filter(affiliation::Column::PersonId.eq(person_id))
            .one(conn)
            .await?;
        if tied.is_none() {
            affiliation::ActiveModel {
                network_id: Set(network_id),
                organisation_id: Set(org_id),
                person_id: Set(person_id),
                title: Set(inv.title.clone()),
                created_at: Set(db::now()),
                ..Default::default()
            }
            .insert(conn)
            .await?;
        }
        if inv.representative {
            crate::organisations::representatives::set_representative(conn, actor, network_id, org_id, person_id)
                .await?;
        }
    }
    Ok(person_id)
}

/// Invites a person: creates or links them, and enqueues the invitation email with
/// a one-time login link, in the same transaction. Returns the person and the link path.
pub async fn invite<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    inv: &Invitation,
    base_url: &str,
    inviter: &str,
) -> AppResult<(i64, String)> {
    let person_id = ensure_person(conn, actor, network_id, inv).await?;
    let link = auth::create_link(conn, person_id, Some(network_id), LinkPurpose::Invite).await?;
    let notice = Notice::new(Kind::Invitation, network_id)
        .link(link.clone())
        .text("inviter", inviter)
        .var("days", Var::Num(auth::INVITE_DAYS))
        .to(vec![Addressee::new(person_id)]);
    notifications::send_now(conn, base_url, notice).await?;
    Ok((person_id, link))
}
