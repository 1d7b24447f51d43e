//! Read models of proposals shared by the pages and the API: the list (filters,
//! sorts, progress) and one proposal with everything around it.

use super::data::status_of;
use super::entities::{comment, interest, proposal, quote};
use super::quotes::{Milestone, quote_total};
use crate::access::Doer;
use crate::db;
use crate::db::types::Text;
use crate::error::AppResult;
use crate::funding::views::CampaignOut;
use crate::organisations::data::names as org_names;
use crate::timeline::event;
use intercoop_domain::funding::CampaignStatus;
use intercoop_domain::lifecycle::ProposalStatus;
use intercoop_domain::voting::MethodKind;
use sea_orm::sea_query::{Condition, Expr, ExprTrait, Func, JoinType, Order, Query, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// Filters and order of the proposal list.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ListFilter {
    /// One status (draft, discussion, quoted, funding, funded, in_progress, delivered, lapsed, rejected, withdrawn).
    pub status: Option<String>,
    /// Software tag, matched without regard to case (part of the tag is enough).
    pub software: Option<String>,
    /// Only what waits for a decision of the caller (its organisations' pledges, or steering steps).
    pub mine: Option<bool>,
    /// newest (default), wanted (most organisations interested), funded (closest to funded), priority (network priority).
    pub sort: Option<String>,
}

/// One line of the proposal list.
#[derive(Debug, Clone, Serialize, sea_orm::FromQueryResult, utoipa::ToSchema)]
pub struct ProposalRow {
    pub id: i64,
    pub title: String,
    #[schema(value_type = String)]
    pub status: Text<ProposalStatus>,
    pub software: String,
    pub requested_by: i64,
    pub requested_by_name: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    pub priority_rank: Option<i64>,
    /// Another proposal shares this priority rank: the poll left them equal.
    pub priority_tied: bool,
    #[schema(value_type = Option<String>)]
    pub priority_method: Option<Text<MethodKind>>,
    pub priority_poll_id: Option<i64>,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub priority_at: Option<OffsetDateTime>,
    pub campaign_id: Option<i64>,
    #[schema(value_type = Option<String>)]
    pub campaign_status: Option<Text<CampaignStatus>>,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub deadline: Option<OffsetDateTime>,
    pub interested: i64,
    pub total_cents: i64,
    pub covered_cents: i64,
    pub participants: i64,
    /// Waits for a decision of the caller.
    pub waiting_for_me: bool,
}

impl ProposalRow {
    /// Funding progress in percent (0 to 100), for the progress bar.
    pub fn percent(&self) -> i64 {
        if self.total_cents <= 0 {
            0
        } else {
            // In 128 bits, so `× 100` cannot overflow; covered ≤ total, so the quotient
            // is 0..=100 and the cast keeps it.
            (i128::from(self.covered_cents) * 100 / i128::from(self.total_cents)) as i64
        }
    }
}

/// The filters of the list as SQL, shared by the page query and its count. The count
/// joins only what its filters need (`full` adds the requester, for the page).
fn list_query(network_id: i64, doer: &Doer, filter: &ListFilter, full: bool) -> SelectStatement {
    let mut q = Query::select();
    q.from_as("proposals", "p");
    if full {
        q.join_as(
            JoinType::InnerJoin,
            "organisations",
            "o",
            Expr::col(("o", "id")).equals(("p", "requested_by")),
        );
    }
    if full || filter.mine == Some(true) {
        q.join_as(
            JoinType::LeftJoin,
            "campaigns",
            "c",
            Expr::col(("c", "proposal_id")).equals(("p", "id")),
        );
    }
    q.and_where(Expr::col(("p", "network_id")).eq(network_id));
    if let Some(s) = filter.status.as_deref().filter(|s| !s.is_empty()) {
        q.and_where(Expr::col(("p", "status")).eq(s));
    }
    if let Some(sw) = filter
        .software
        .as_deref()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
    {
        let pattern = format!("%{}%", sw.replace(['%', '_'], ""));
        q.and_where(Expr::expr(Func::lower(Expr::col(("p", "software")))).like(pattern));
    }
    if filter.mine == Some(true) {
        q.cond_where(
            super::policy::waiting(doer, db::now()).unwrap_or_else(|| Condition::all().add(Expr::val(1).eq(0))),
        );
    }
    q
}

/// `COALESCE(column, 0)`, for the campaign columns of proposals without a campaign.
fn or_zero(table: &'static str, column: &'static str) -> Expr {
    Expr::expr(Func::coalesce([Expr::col((table, column)), Expr::val(0)]))
}

/// The proposals of a network, filtered, sorted and paginated in SQL: one query per
/// page whatever the size of the network (the campaigns' coverage and counts are
/// columns kept up to date by the writes, the caller's "waiting for me" is a condition
/// in the query, the number of matches a sub-query over an index). Returns the page
/// and the number of matches.
pub async fn list(
    db: &crate::db::Db,
    network_id: i64,
    doer: &Doer,
    filter: &ListFilter,
    page: &crate::api::Page,
) -> AppResult<(Vec<ProposalRow>, i64)> {
    let mut count = list_query(network_id, doer, filter, false);
    count.expr(Expr::cust("COUNT(*)"));
    let rows = page_query(network_id, doer, filter, page);
    Ok(db::fetch_page(db, &rows, &count, page.offset()).await?)
}

/// The first rows of the list without counting the matches (the dashboard).
pub async fn first_rows<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    doer: &Doer,
    filter: &ListFilter,
    per_page: u64,
) -> AppResult<Vec<ProposalRow>> {
    let page = crate::api::Page { page: 1, per_page };
    Ok(db::fetch_all(conn, &page_query(network_id, doer, filter, &page)).await?)
}

/// The rows of one page of the list, in the order asked for.
fn page_query(network_id: i64, doer: &Doer, filter: &ListFilter, page: &crate::api::Page) -> SelectStatement {
    let mut q = list_query(network_id, doer, filter, true);
    q.expr_as(Expr::col(("p", "id")), "id")
        .expr_as(Expr::col(("p", "title")), "title")
        .expr_as(Expr::col(("p", "status")), "status")
        .expr_as(Expr::col(("p", "software")), "software")
        .expr_as(Expr::col(("p", "requested_by")), "requested_by")
        .expr_as(Expr::col(("o", "name")), "requested_by_name")
        .expr_as(Expr::col(("p", "created_at")), "created_at")
        .expr_as(Expr::col(("p", "priority_rank")), "priority_rank")
        .expr_as(
            Expr::exists(
                sea_orm::sea_query::Query::select()
                    .expr(Expr::val(1))
                    .from_as("proposals", "pt")
                    .and_where(Expr::col(("pt", "network_id")).eq(network_id))
                    .and_where(Expr::col(("pt", "priority_rank")).equals(("p", "priority_rank")))
                    .and_where(Expr::col(("pt", "id")).ne(Expr::col(("p", "id"))))
                    .take(),
            ),
            "priority_tied",
        )
        .expr_as(Expr::col(("p", "priority_method")), "priority_method")
        .expr_as(Expr::col(("p", "priority_poll_id")), "priority_poll_id")
        .expr_as(Expr::col(("p", "priority_at")), "priority_at")
        .expr_as(Expr::col(("c", "id")), "campaign_id")
        .expr_as(Expr::col(("c", "status")), "campaign_status")
        .expr_as(Expr::col(("c", "deadline")), "deadline")
        .expr_as(Expr::col(("p", "interest_count")), "interested")
        .expr_as(or_zero("c", "amount_cents"), "total_cents")
        .expr_as(or_zero("c", "covered_cents"), "covered_cents")
        .expr_as(or_zero("c", "participant_count"), "participants")
        .expr_as(
            match super::policy::waiting(doer, db::now()) {
                Some(cond) => Expr::case(cond, true).finally(false).into(),
                None => Expr::val(false),
            },
            "waiting_for_me",
        );
    match filter.sort.as_deref().unwrap_or("newest") {
        "wanted" => {
            q.order_by(("p", "interest_count"), Order::Desc);
        }
        // Open campaigns first, those with the most pledges first.
        "funded" => {
            // `IS NOT NULL AND`: never NULL, so proposals without a campaign sort last on
            // both backends (PostgreSQL puts NULLs first in a descending order).
            let open = Expr::col(("c", "status"))
                .is_not_null()
                .and(Expr::col(("c", "status")).eq(CampaignStatus::Open.as_str()));
            q.order_by_expr(open, Order::Desc)
                .order_by_expr(or_zero("c", "pledge_count"), Order::Desc);
        }
        "priority" => {
            // Proposals the poll left equal: the older first, as the poll listed them.
            q.order_by_expr(Expr::col(("p", "priority_rank")).is_null(), Order::Asc)
                .order_by(("p", "priority_rank"), Order::Asc)
                .order_by(("p", "id"), Order::Asc);
        }
        _ => {
            q.order_by(("p", "created_at"), Order::Desc);
        }
    }
    q.order_by(("p", "id"), Order::Desc)
        .limit(page.limit())
        .offset(page.offset());
    q
}

/// How the network priority was computed, from the rows that carry it.
pub fn priority_note(rows: &[ProposalRow]) -> Option<(i64, String, OffsetDateTime)> {
    rows.iter()
        .filter(|r| r.priority_rank.is_some())
        .find_map(|r| Some((r.priority_poll_id?, r.priority_method?.to_string(), r.priority_at?)))
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct QuoteOut {
    pub id: i64,
    pub provider_id: i64,
    pub provider_name: String,
    pub amount_cents: i64,
    pub vat_basis_points: i64,
    /// Amount with VAT (rounded half up); null only for a quote whose total is out of
    /// range, stored before such quotes were refused.
    pub total_cents: Option<i64>,
    pub hours: Option<i64>,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub valid_until: Option<OffsetDateTime>,
    pub milestones: Vec<Milestone>,
    pub note: String,
    pub selected: bool,
}

impl QuoteOut {
    /// The VAT rate as the reader writes it: "21", "5.5" in English, "5,5" in French,
    /// German and Dutch (their decimal comma).
    pub fn vat_percent(&self, lang: crate::i18n::Lang) -> String {
        let (whole, frac) = (self.vat_basis_points / 100, self.vat_basis_points % 100);
        if frac == 0 {
            return whole.to_string();
        }
        let point = if lang == crate::i18n::Lang::En { '.' } else { ',' };
        format!("{whole}{point}{frac:02}").trim_end_matches('0').to_string()
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CommentOut {
    pub id: i64,
    pub person_name: String,
    pub organisation_name: Option<String>,
    pub body: String,
    pub is_objection: bool,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EventOut {
    /// The event's id (a decision in a meeting's minutes names the transition by it).
    pub id: i64,
    pub kind: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub reason: String,
    pub actor_name: Option<String>,
    pub poll_id: Option<i64>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub at: OffsetDateTime,
}

/// One proposal with everything around it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ProposalOut {
    pub id: i64,
    pub title: String,
    /// Markdown, as written.
    pub description: String,
    pub software: String,
    pub links: Vec<String>,
    pub requested_by: i64,
    pub requested_by_name: String,
    pub status: String,
    pub selected_quote_id: Option<i64>,
    pub priority_rank: Option<i64>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: OffsetDateTime,
    pub interested: Vec<String>,
    pub quotes: Vec<QuoteOut>,
    pub comments: Vec<CommentOut>,
    pub timeline: Vec<EventOut>,
    pub campaign: Option<CampaignOut>,
}

#[derive(sea_orm::FromQueryResult)]
struct Named {
    id: i64,
    name: String,
}

async fn people_names<C: ConnectionTrait>(conn: &C, ids: &[i64]) -> AppResult<BTreeMap<i64, String>> {
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let rows: Vec<Named> = db::fetch_all(
        conn,
        Query::select()
            .columns(["id", "name"])
            .from("people")
            .and_where(Expr::col("id").is_in(ids.to_vec())),
    )
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.name)).collect())
}

pub async fn detail<C: ConnectionTrait>(conn: &C, p: &proposal::Model) -> AppResult<ProposalOut> {
    let quotes = quote::Entity::find()
        .filter(quote::Column::ProposalId.eq(p.id))
        .order_by_asc(quote::Column::Id)
        .all(conn)
        .await?;
    let interests = interest::Entity::find()
        .filter(interest::Column::ProposalId.eq(p.id))
        .order_by_asc(interest::Column::Id)
        .all(conn)
        .await?;
    let comments = comment::Entity::find()
        .filter(comment::Column::ProposalId.eq(p.id))
        .order_by_asc(comment::Column::Id)
        .all(conn)
        .await?;
    let events = event::Entity::find()
        .filter(event::Column::ProposalId.eq(p.id))
        .order_by_asc(event::Column::Id)
        .all(conn)
        .await?;
    let mut org_ids: Vec<i64> = vec![p.requested_by];
    org_ids.extend(quotes.iter().map(|q| q.provider_id));
    org_ids.extend(interests.iter().map(|i| i.organisation_id));
    org_ids.extend(comments.iter().filter_map(|c| c.organisation_id));
    let orgs = org_names(conn, &org_ids).await?;
    let mut person_ids: Vec<i64> = comments.iter().map(|c| c.person_id).collect();
    person_ids.extend(events.iter().filter_map(|e| e.actor_id));
    let people = people_names(conn, &person_ids).await?;
    let campaign = match crate::funding::campaign::of(conn, p.id).await? {
        Some(c) => Some(crate::funding::views::campaign_out(conn, &c).await?),
        None => None,
    };
    Ok(ProposalOut {
        id: p.id,
        title: p.title.clone(),
        description: p.description.clone(),
        software: p.software.clone(),
        links: p.links.lines().map(str::to_string).filter(|l| !l.is_empty()).collect(),
        requested_by: p.requested_by,
        requested_by_name: orgs.get(&p.requested_by).cloned().unwrap_or_default(),
        status: p.status.to_string(),
        selected_quote_id: p.selected_quote_id,
        priority_rank: p.priority_rank,
        created_at: p.created_at,
        interested: interests
            .iter()
            .map(|i| orgs.get(&i.organisation_id).cloned().unwrap_or_default())
            .collect(),
        quotes: quotes
            .iter()
            .map(|q| QuoteOut {
                id: q.id,
                provider_id: q.provider_id,
                provider_name: orgs.get(&q.provider_id).cloned().unwrap_or_default(),
                amount_cents: q.amount_cents,
                vat_basis_points: q.vat_basis_points,
                total_cents: quote_total(q).ok().map(|t| t.cents()),
                hours: q.hours,
                valid_until: q.valid_until,
                milestones: q.milestones.0.clone(),
                note: q.note.clone(),
                selected: p.selected_quote_id == Some(q.id),
            })
            .collect(),
        comments: comments
            .iter()
            .map(|c| CommentOut {
                id: c.id,
                person_name: people.get(&c.person_id).cloned().unwrap_or_default(),
                organisation_name: c.organisation_id.and_then(|o| orgs.get(&o).cloned()),
                body: c.body.clone(),
                is_objection: c.is_objection,
                created_at: c.created_at,
            })
            .collect(),
        timeline: events
            .iter()
            .map(|e| EventOut {
                id: e.id,
                kind: e.kind.to_string(),
                from_status: e.from_status.map(|s| s.to_string()),
                to_status: e.to_status.map(|s| s.to_string()),
                reason: e.reason.clone(),
                actor_name: e.actor_id.and_then(|a| people.get(&a).cloned()),
                poll_id: e.poll_id,
                at: e.at,
            })
            .collect(),
        campaign,
    })
}

/// Is the proposal's status one where the organisations can still object?
pub fn open_for_comments(p: &proposal::Model) -> bool {
    !status_of(p).is_final()
}
