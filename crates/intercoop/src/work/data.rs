//! Work sharing's shapes (the API's bodies and answers) and reads: the opportunities of
//! a network, one with its interests and its team (the split in force, the one proposed
//! with its answers). Every read is scoped by network. The writes are [`super::write`]'s;
//! the rules `intercoop_domain::work_sharing`'s.

use super::entities::{consent, interest, line, opportunity, split};
use crate::db;
use crate::entities::person;
use crate::error::{AppError, AppResult};
use crate::organisations::data::names;
use intercoop_domain::work_sharing::SplitStatus;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, JoinType, Order, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

/// A title's longest length (characters).
pub const MAX_TITLE_CHARS: usize = 200;
/// A scope's longest Markdown (characters).
pub const MAX_SCOPE_CHARS: usize = 50_000;
/// The most skills an opportunity or an interest names, and a skill's longest length.
pub const MAX_SKILLS: usize = 20;
pub const MAX_SKILL_CHARS: usize = 60;

/// An opportunity as posted (the API's body; the form's fields are read into it).
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpportunityIn {
    /// The member organisation that posts it (the caller speaks for it).
    pub organisation_id: i64,
    /// 1 to 200 characters.
    pub title: String,
    /// What the work is, in Markdown (at most 50 000 characters).
    #[serde(default)]
    pub scope_markdown: String,
    /// The whole budget, in cents (positive).
    pub budget_cents: i64,
    /// The days of work (1 to 10 000).
    pub days: i64,
    /// The work's first and last day, in the network's time zone (`YYYY-MM-DD`).
    #[serde(with = "crate::api::iso_date")]
    #[schema(value_type = String, format = Date)]
    pub starts_on: Date,
    #[serde(with = "crate::api::iso_date")]
    #[schema(value_type = String, format = Date)]
    pub ends_on: Date,
    /// Skills asked (at most 20, each at most 60 characters).
    #[serde(default)]
    pub skills: Vec<String>,
    /// The member who brought the work, paid the finder's fee first.
    #[serde(default)]
    pub finder_organisation_id: Option<i64>,
    /// The finder's fee in basis points of the budget (500 = 5 %, at most 5 000),
    /// rounded down to the cent; needs `finder_organisation_id`.
    #[serde(default)]
    pub finder_fee_basis_points: Option<i64>,
}

/// A member's interest and capacity (the API's body).
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InterestIn {
    /// The member organisation that declares it (the caller speaks for it).
    pub organisation_id: i64,
    /// Days available over the period (positive, at most the period's calendar days).
    pub capacity_days: i64,
    #[serde(with = "crate::api::iso_date")]
    #[schema(value_type = String, format = Date)]
    pub available_from: Date,
    #[serde(with = "crate::api::iso_date")]
    #[schema(value_type = String, format = Date)]
    pub available_to: Date,
    /// Its day rate in cents (zero or more).
    pub day_rate_cents: i64,
    #[serde(default)]
    pub skills: Vec<String>,
}

/// A team member as the poster picks it.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamMemberIn {
    pub organisation_id: i64,
    /// With the `shares` basis: its agreed share (a positive whole number; 50/30/20 or
    /// 2/1/1 alike).
    #[serde(default)]
    pub share: Option<u64>,
}

/// The team the poster forms (the API's body).
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamIn {
    /// `capacity` (by the days each declared) or `shares` (by agreed shares).
    pub basis: String,
    /// Members who declared their interest, each once.
    pub members: Vec<TeamMemberIn>,
}

/// A team member's answer to a proposed split (the API's body).
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentIn {
    /// The team member that answers (the caller is its representative).
    pub organisation_id: i64,
    /// `true`: accepts the new split; `false`: declines it (the split in force stays).
    pub accept: bool,
}

/// An opportunity in a list.
#[derive(Debug, Clone, Serialize, ToSchema, sea_orm::FromQueryResult)]
pub struct OpportunitySummary {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation: String,
    pub title: String,
    pub budget_cents: i64,
    pub days: i64,
    #[serde(with = "crate::api::iso_date")]
    #[schema(value_type = String, format = Date)]
    pub starts_on: Date,
    #[serde(with = "crate::api::iso_date")]
    #[schema(value_type = String, format = Date)]
    pub ends_on: Date,
    /// Comma-separated skills.
    pub skills: String,
    /// `open` (taking interest) or `teamed` (a team is formed).
    pub status: String,
    pub finder_fee_basis_points: i64,
    /// How many members declared interest.
    pub interest_count: i64,
}

/// An opportunity with its interests and its team.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OpportunityOut {
    #[serde(flatten)]
    pub summary: OpportunitySummary,
    pub scope_markdown: String,
    /// The scope rendered to HTML, sanitized.
    pub scope_html: String,
    pub finder_organisation_id: Option<i64>,
    pub finder: Option<String>,
    /// The finder's fee in cents (the budget's basis points, rounded down).
    pub finder_fee_cents: i64,
    pub interests: Vec<InterestOut>,
    pub team: TeamOut,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// A member's declared interest and capacity.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InterestOut {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation: String,
    pub capacity_days: i64,
    #[serde(with = "crate::api::iso_date")]
    #[schema(value_type = String, format = Date)]
    pub available_from: Date,
    #[serde(with = "crate::api::iso_date")]
    #[schema(value_type = String, format = Date)]
    pub available_to: Date,
    pub day_rate_cents: i64,
    pub skills: Vec<String>,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

/// The team: the split in force, and a new split waiting for the team's consent.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct TeamOut {
    pub in_force: Option<SplitOut>,
    pub proposed: Option<SplitOut>,
}

/// A split of the work and the money: the fee first, then each member's part.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SplitOut {
    pub id: i64,
    /// From 1 per opportunity.
    pub number: i64,
    /// `in_force`, `proposed`, `replaced` or `declined`.
    pub status: String,
    /// `capacity` or `shares`.
    pub basis: String,
    pub budget_cents: i64,
    pub days: i64,
    pub finder_organisation_id: Option<i64>,
    pub fee_cents: i64,
    pub lines: Vec<LineOut>,
    /// The answers given so far (a proposed split; the first split is formed, not asked).
    pub consents: Vec<ConsentOut>,
    /// The members whose answer is awaited (a proposed split).
    pub waiting_for: Vec<i64>,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[schema(value_type = Option<String>, format = DateTime)]
    #[serde(with = "time::serde::rfc3339::option")]
    pub decided_at: Option<OffsetDateTime>,
}

/// A team member's part.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LineOut {
    pub organisation_id: i64,
    pub organisation: String,
    /// What its part is proportional to: its capacity in days, or its agreed share.
    pub weight: i64,
    pub days: i64,
    pub amount_cents: i64,
}

/// A team member's answer, who gave it and when.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConsentOut {
    pub organisation_id: i64,
    pub organisation: String,
    /// `accepted` or `declined`.
    pub answer: String,
    pub person: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// Skills as stored (comma-separated) to a list.
pub fn skill_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// The network's opportunities, the latest first (at most `limit`), each with its
/// poster's name and its number of interests: one query.
pub async fn list<C: ConnectionTrait>(conn: &C, network_id: i64, limit: u64) -> AppResult<Vec<OpportunitySummary>> {
    let interests = Query::select()
        .expr(Expr::col(("i", "id")).count())
        .from_as("work_interests", "i")
        .and_where(Expr::col(("i", "opportunity_id")).equals(("w", "id")))
        .take();
    let mut q = Query::select();
    q.from_as("work_opportunities", "w")
        .join_as(
            JoinType::InnerJoin,
            "organisations",
            "o",
            Expr::col(("o", "id")).equals(("w", "organisation_id")),
        )
        .columns([
            ("w", "id"),
            ("w", "organisation_id"),
            ("w", "title"),
            ("w", "budget_cents"),
            ("w", "days"),
            ("w", "starts_on"),
            ("w", "ends_on"),
            ("w", "skills"),
            ("w", "status"),
            ("w", "finder_fee_basis_points"),
        ])
        .expr_as(Expr::col(("o", "name")), Alias::new("organisation"))
        .expr_as(
            Expr::SubQuery(None, Box::new(interests.into())),
            Alias::new("interest_count"),
        )
        .and_where(Expr::col(("w", "network_id")).eq(network_id))
        .order_by(("w", "id"), Order::Desc)
        .limit(limit);
    Ok(db::fetch_all(conn, &q).await?)
}

/// An opportunity's row in the network (404 for another network's).
pub async fn row<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<opportunity::Model> {
    opportunity::Entity::find_by_id(id)
        .filter(opportunity::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// The interests declared in an opportunity, by organisation name.
pub async fn interests<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<Vec<InterestOut>> {
    let rows = interest::Entity::find()
        .filter(interest::Column::NetworkId.eq(network_id))
        .filter(interest::Column::OpportunityId.eq(id))
        .all(conn)
        .await?;
    let orgs: Vec<i64> = rows.iter().map(|r| r.organisation_id).collect();
    let named = names(conn, &orgs).await?;
    let mut out: Vec<InterestOut> = rows
        .into_iter()
        .map(|r| InterestOut {
            id: r.id,
            organisation: named.get(&r.organisation_id).cloned().unwrap_or_default(),
            organisation_id: r.organisation_id,
            capacity_days: r.capacity_days,
            available_from: r.available_from,
            available_to: r.available_to,
            day_rate_cents: r.day_rate_cents,
            skills: skill_list(&r.skills),
            updated_at: r.updated_at,
        })
        .collect();
    out.sort_by(|a, b| crate::collation::compare(&a.organisation, &b.organisation).then(a.id.cmp(&b.id)));
    Ok(out)
}

/// The team of an opportunity: the split in force and the one proposed, with their lines
/// and answers.
pub async fn team<C: ConnectionTrait>(conn: &C, o: &opportunity::Model) -> AppResult<TeamOut> {
    let splits = split::Entity::find()
        .filter(split::Column::NetworkId.eq(o.network_id))
        .filter(split::Column::OpportunityId.eq(o.id))
        .filter(split::Column::Status.is_in([SplitStatus::InForce.as_str(), SplitStatus::Proposed.as_str()]))
        .order_by_asc(split::Column::Number)
        .all(conn)
        .await?;
    if splits.is_empty() {
        return Ok(TeamOut::default());
    }
    let ids: Vec<i64> = splits.iter().map(|s| s.id).collect();
    let lines = line::Entity::find()
        .filter(line::Column::NetworkId.eq(o.network_id))
        .filter(line::Column::SplitId.is_in(ids.clone()))
        .order_by_asc(line::Column::OrganisationId)
        .all(conn)
        .await?;
    let consents = consent::Entity::find()
        .filter(consent::Column::NetworkId.eq(o.network_id))
        .filter(consent::Column::SplitId.is_in(ids))
        .order_by_asc(consent::Column::CreatedAt)
        .all(conn)
        .await?;
    let orgs: Vec<i64> = lines.iter().map(|l| l.organisation_id).collect();
    let named = names(conn, &orgs).await?;
    let people: Vec<i64> = consents.iter().filter_map(|c| c.person_id).collect();
    let person_names: BTreeMap<i64, String> = if people.is_empty() {
        BTreeMap::new()
    } else {
        person::Entity::find()
            .filter(person::Column::Id.is_in(people))
            .all(conn)
            .await?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect()
    };
    let mut team = TeamOut::default();
    for s in splits {
        let own_lines: Vec<LineOut> = lines
            .iter()
            .filter(|l| l.split_id == s.id)
            .map(|l| LineOut {
                organisation_id: l.organisation_id,
                organisation: named.get(&l.organisation_id).cloned().unwrap_or_default(),
                weight: l.weight,
                days: l.days,
                amount_cents: l.amount_cents,
            })
            .collect();
        let answers: Vec<ConsentOut> = consents
            .iter()
            .filter(|c| c.split_id == s.id)
            .map(|c| ConsentOut {
                organisation_id: c.organisation_id,
                organisation: named.get(&c.organisation_id).cloned().unwrap_or_default(),
                answer: c.answer.clone(),
                person: c.person_id.and_then(|p| person_names.get(&p).cloned()),
                at: c.created_at,
            })
            .collect();
        let waiting_for = if s.status.0 == SplitStatus::Proposed {
            own_lines
                .iter()
                .map(|l| l.organisation_id)
                .filter(|o| !answers.iter().any(|a| a.organisation_id == *o))
                .collect()
        } else {
            Vec::new()
        };
        let out = SplitOut {
            id: s.id,
            number: s.number,
            status: s.status.0.as_str().to_string(),
            basis: s.basis.0.as_str().to_string(),
            budget_cents: o.budget_cents,
            days: o.days,
            finder_organisation_id: o.finder_organisation_id.filter(|_| s.fee_cents > 0),
            fee_cents: s.fee_cents,
            lines: own_lines,
            consents: answers,
            waiting_for,
            created_at: s.created_at,
            decided_at: s.decided_at,
        };
        match s.status.0 {
            SplitStatus::InForce => team.in_force = Some(out),
            _ => team.proposed = Some(out),
        }
    }
    Ok(team)
}

/// An opportunity with its interests and its team (404 for another network's).
pub async fn read<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<OpportunityOut> {
    let o = row(conn, network_id, id).await?;
    let interests = interests(conn, network_id, id).await?;
    let team = team(conn, &o).await?;
    let mut orgs = vec![o.organisation_id];
    orgs.extend(o.finder_organisation_id);
    let named = names(conn, &orgs).await?;
    let fee = intercoop_domain::work_sharing::finder_fee(
        intercoop_domain::Money::from_cents(o.budget_cents),
        u32::try_from(o.finder_fee_basis_points).unwrap_or(0),
    )
    .map_or(0, |m| m.cents());
    Ok(OpportunityOut {
        summary: OpportunitySummary {
            id: o.id,
            organisation_id: o.organisation_id,
            organisation: named.get(&o.organisation_id).cloned().unwrap_or_default(),
            title: o.title.clone(),
            budget_cents: o.budget_cents,
            days: o.days,
            starts_on: o.starts_on,
            ends_on: o.ends_on,
            skills: o.skills.clone(),
            status: o.status.clone(),
            finder_fee_basis_points: o.finder_fee_basis_points,
            interest_count: interests.len() as i64,
        },
        scope_html: crate::proposals::pages::markdown(&o.scope),
        scope_markdown: o.scope,
        finder: o.finder_organisation_id.and_then(|f| named.get(&f).cloned()),
        finder_organisation_id: o.finder_organisation_id,
        finder_fee_cents: fee,
        interests,
        team,
        created_at: o.created_at,
    })
}

/// `time::Date` to the domain's calendar day.
pub fn civil(d: Date) -> jiff::civil::Date {
    jiff::civil::Date::new(d.year() as i16, d.month() as i8, d.day() as i8).unwrap_or_default()
}
