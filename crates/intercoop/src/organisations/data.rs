//! Organisations: queries and changes, shared by the pages and the API.

use crate::audit::{self, Actor, Change};
use crate::db;
use crate::db::types::Text;
use crate::entities::{membership, organisation, organisation_software};
use crate::error::{AppError, AppResult, FieldErrors};
use intercoop_domain::organisation::{Level, MembershipStatus, OrgKind};
use intercoop_domain::text::OrganisationName;
use sea_orm::sea_query::ExprTrait;
use sea_orm::sea_query::{Expr, Func, Query, SelectStatement};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a form or a JSON body says about an organisation, as typed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct OrganisationInput {
    pub name: String,
    pub kind: String,
    pub country: String,
    pub language: String,
    pub address: String,
    pub company_number: String,
    pub size: String,
    pub bank_account: String,
    pub website: String,
    /// One software per line or comma ("Odoo 12", "cooperator", "shift").
    pub software: String,
    pub status: String,
    pub level: String,
}

/// An organisation that passed validation.
#[derive(Debug, Clone, Serialize)]
pub struct ValidOrganisation {
    pub name: OrganisationName,
    pub kind: OrgKind,
    pub country: String,
    pub language: String,
    pub address: String,
    pub company_number: String,
    pub size: Option<i64>,
    pub bank_account: String,
    pub website: String,
    pub software: Vec<String>,
    pub status: MembershipStatus,
    pub level: Level,
}

impl OrganisationInput {
    pub fn validate(&self) -> Result<ValidOrganisation, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = OrganisationName::parse(&self.name)
            .map_err(|e| errors.add("name", crate::error::text_error_code(e)))
            .ok();
        let kind = OrgKind::parse(&self.kind);
        if kind.is_none() {
            errors.add("kind", "invalid-choice");
        }
        let status = if self.status.trim().is_empty() {
            Some(MembershipStatus::Member)
        } else {
            MembershipStatus::parse(&self.status)
        };
        if status.is_none() {
            errors.add("status", "invalid-choice");
        }
        let level = if self.level.trim().is_empty() {
            Some(Level::Active)
        } else {
            Level::parse(&self.level)
        };
        if level.is_none() {
            errors.add("level", "invalid-choice");
        }
        let country = self.country.trim().to_uppercase();
        if !country.is_empty() && (country.len() != 2 || !country.chars().all(|c| c.is_ascii_uppercase())) {
            errors.add("country", "invalid-country");
        }
        let language = self.language.trim().to_lowercase();
        if !language.is_empty() && crate::i18n::Lang::parse(&language).is_none() {
            errors.add("language", "invalid-choice");
        }
        let size = match self.size.trim() {
            "" => None,
            s => match s.replace([' ', '\u{a0}'], "").parse::<i64>() {
                Ok(n) if n >= 0 => Some(n),
                _ => {
                    errors.add("size", "invalid-size");
                    None
                }
            },
        };
        let website = self.website.trim().to_string();
        if !website.is_empty()
            && url::Url::parse(&website)
                .map(|u| !matches!(u.scheme(), "http" | "https"))
                .unwrap_or(true)
        {
            errors.add("website", "invalid-url");
        }
        if self.address.chars().count() > 500 {
            errors.add("address", "too-long");
        }
        // Lines read as names (NFC, nothing invisible): a company number or a bank
        // account with a right-to-left override would read as another one.
        let company_number = errors.optional_line("company_number", &self.company_number, 50);
        let bank_account = errors.optional_line("bank_account", &self.bank_account, 60);
        let software: Vec<String> = parse_software(&self.software);
        if let Some(e) = software.iter().find_map(|s| intercoop_domain::text::line(s, 80).err()) {
            errors.add("software", crate::error::text_error_code(e));
        }
        let software: Vec<String> = software
            .iter()
            .filter_map(|s| intercoop_domain::text::line(s, 80).ok())
            .collect();
        match (name, kind, status, level) {
            (Some(name), Some(kind), Some(status), Some(level)) if errors.is_empty() => Ok(ValidOrganisation {
                name,
                kind,
                country,
                language,
                address: self.address.trim().to_string(),
                company_number,
                size,
                bank_account,
                website,
                software,
                status,
                level,
            }),
            _ => Err(errors),
        }
    }
}

/// Splits "Odoo 12, cooperator\nshift" into distinct trimmed names.
pub fn parse_software(text: &str) -> Vec<String> {
    let mut names: Vec<String> = text
        .split([',', '\n', ';'])
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect();
    crate::collation::sort_by_name(&mut names, |s| s);
    names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    names
}

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
    fn stored(d: &OrganisationDetail) -> SharedFacts {
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

    fn of(v: &ValidOrganisation) -> SharedFacts {
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

impl OrganisationInput {
    /// The stored organisation as a form would show it (to edit it, or to PATCH it).
    pub fn from_detail(d: &OrganisationDetail) -> OrganisationInput {
        OrganisationInput {
            name: d.organisation.name.clone(),
            kind: d.organisation.kind.to_string(),
            country: d.organisation.country.clone(),
            language: d.organisation.language.clone(),
            address: d.organisation.address.clone(),
            company_number: d.organisation.company_number.clone(),
            size: d.membership.size.map(|s| s.to_string()).unwrap_or_default(),
            bank_account: d.organisation.bank_account.clone(),
            website: d.organisation.website.clone(),
            software: d.software.join("\n"),
            status: d.membership.status.to_string(),
            level: d.membership.level.to_string(),
        }
    }
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

/// Creates an organisation and its membership of the network, in one transaction.
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    v: &ValidOrganisation,
) -> AppResult<i64> {
    let now = db::now();
    let org = organisation::ActiveModel {
        name: Set(v.name.to_string()),
        kind: Set(v.kind.into()),
        country: Set(v.country.clone()),
        language: Set(v.language.clone()),
        address: Set(v.address.clone()),
        company_number: Set(v.company_number.clone()),
        bank_account: Set(v.bank_account.clone()),
        website: Set(v.website.clone()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    join_network(conn, network_id, org.id, v.status, v.level, v.size).await?;
    replace_software(conn, org.id, &v.software).await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "organisation.create",
            entity: "organisation",
            entity_id: Some(org.id),
        },
        None::<&()>,
        Some(v),
    )
    .await?;
    Ok(org.id)
}

/// Adds an existing organisation to a network (an organisation may belong to several),
/// with the size this network counts.
pub async fn join_network<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    organisation_id: i64,
    status: MembershipStatus,
    level: Level,
    size: Option<i64>,
) -> AppResult<()> {
    let now = db::now();
    membership::ActiveModel {
        network_id: Set(network_id),
        organisation_id: Set(organisation_id),
        status: Set(status.into()),
        level: Set(level.into()),
        size: Set(size),
        joined_on: Set((status == MembershipStatus::Member).then(|| now.date())),
        left_on: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

async fn replace_software<C: ConnectionTrait>(conn: &C, organisation_id: i64, software: &[String]) -> AppResult<()> {
    organisation_software::Entity::delete_many()
        .filter(organisation_software::Column::OrganisationId.eq(organisation_id))
        .exec(conn)
        .await?;
    if !software.is_empty() {
        organisation_software::Entity::insert_many(software.iter().map(|name| organisation_software::ActiveModel {
            organisation_id: Set(organisation_id),
            name: Set(name.clone()),
            ..Default::default()
        }))
        .exec(conn)
        .await?;
    }
    Ok(())
}

/// Updates an organisation and its membership; the audit log keeps both versions.
///
/// What the organisation is ([`SharedFacts`]) is the same in every network that holds
/// it: when it changes, every other holding network's audit log gets an entry
/// (`organisation.update_shared`, with the shared facts before and after only — never
/// this network's membership), so a change made in one network is seen in all.
/// What it is in this network (status, level, size) changes here only.
pub async fn update<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    id: i64,
    v: &ValidOrganisation,
) -> AppResult<()> {
    let before = get(conn, network_id, id).await?;
    let from = before.membership.status.0;
    if !intercoop_domain::organisation::status_change_allowed(from, v.status) {
        return Err(AppError::invalid("status", "status-change"));
    }
    let now = db::now();
    let mut org: organisation::ActiveModel = before.organisation.clone().into();
    org.name = Set(v.name.to_string());
    org.kind = Set(v.kind.into());
    org.country = Set(v.country.clone());
    org.language = Set(v.language.clone());
    org.address = Set(v.address.clone());
    org.company_number = Set(v.company_number.clone());
    org.bank_account = Set(v.bank_account.clone());
    org.website = Set(v.website.clone());
    org.updated_at = Set(now);
    org.update(conn).await?;
    let mut m: membership::ActiveModel = before.membership.clone().into();
    if from != v.status {
        match v.status {
            MembershipStatus::Member => m.joined_on = Set(Some(now.date())),
            MembershipStatus::Former => m.left_on = Set(Some(now.date())),
            MembershipStatus::Candidate => {}
        }
    }
    m.status = Set(v.status.into());
    m.level = Set(v.level.into());
    m.size = Set(v.size);
    m.updated_at = Set(now);
    // Conditional on the status read above (`… WHERE status = <from>`): of two changes
    // at once, the second is told 409 rather than applied to a status it did not see.
    let moved = membership::Entity::update(m)
        .validate()?
        .filter(membership::Column::Status.eq(from.as_str()))
        .exec(conn)
        .await;
    match moved {
        Err(sea_orm::DbErr::RecordNotUpdated) => return Err(AppError::Conflict("changed-meanwhile")),
        other => other?,
    };
    replace_software(conn, id, &v.software).await?;
    if from != MembershipStatus::Former && v.status == MembershipStatus::Former {
        crate::events::publish(
            conn,
            crate::events::Event::MembershipEnded(crate::events::MembershipEnded {
                network_id,
                organisation_id: id,
            }),
        )
        .await?;
    }
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "organisation.update",
            entity: "organisation",
            entity_id: Some(id),
        },
        Some(&before),
        Some(v),
    )
    .await?;
    let (shared_before, shared_after) = (SharedFacts::stored(&before), SharedFacts::of(v));
    if shared_before != shared_after {
        for other in holding_networks(conn, id)
            .await?
            .into_iter()
            .filter(|n| *n != network_id)
        {
            audit::record(
                conn,
                Change {
                    network_id: Some(other),
                    actor,
                    action: "organisation.update_shared",
                    entity: "organisation",
                    entity_id: Some(id),
                },
                Some(&shared_before),
                Some(&shared_after),
            )
            .await?;
        }
    }
    Ok(())
}

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
