//! Applications as the review reads them: the list, one with its comments, and the
//! state of the poll that decides one (issue 18, item 3); commenting.

use super::Status;
use super::form::{ContactIn, OrganisationIn};
use crate::db;
use crate::entities::person;
use crate::error::{AppError, AppResult};
use crate::joining::entities::{application, comment};
use crate::polls::entities::poll;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde::Serialize;
use std::collections::HashMap;
use time::OffsetDateTime;
use utoipa::ToSchema;

/// An application as the review reads it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApplicationOut {
    pub id: i64,
    /// `pending` (waiting for the review), `accepted` or `declined` (the review never
    /// sees an unconfirmed one).
    pub status: String,
    pub organisation: OrganisationIn,
    pub contact: ContactIn,
    pub level: String,
    pub motivation: String,
    /// The charter page consented to, and its revision then.
    pub charter_page_id: Option<i64>,
    pub charter_revision: Option<i64>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub confirmed_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub decided_at: Option<OffsetDateTime>,
    pub decision_note: String,
    /// The part of the first fee the network pays, in hundredths of a percent.
    pub sponsorship_basis_points: i64,
    /// The organisation an acceptance made.
    pub organisation_id: Option<i64>,
    /// The poll that decided, if one did.
    pub poll_id: Option<i64>,
    pub comments: Vec<ApplicationCommentOut>,
    /// The poll opened on the application (`POST /api/v1/applications/{id}/poll`) as it
    /// stands now; none when no poll was opened on it. Its closing decides the
    /// application.
    pub poll: Option<ApplicationPollState>,
}

/// The state of the poll that decides an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ApplicationPollState {
    /// The poll (`/api/v1/polls/{id}`).
    pub id: i64,
    /// `open` while members vote, then `closed`.
    pub state: String,
    /// The deadline given when it was opened (UTC); none: it closes by hand.
    #[serde(with = "time::serde::rfc3339::option")]
    pub closes_at: Option<OffsetDateTime>,
    /// When it closed (UTC), at its deadline or earlier by hand; none while open.
    #[serde(with = "time::serde::rfc3339::option")]
    pub closed_at: Option<OffsetDateTime>,
    /// Once closed: `passed` (the application is accepted), `rejected` (declined: the
    /// threshold was not reached) or `no_quorum` (declined: too few voted for the
    /// network's quorum); none while open.
    pub outcome: Option<String>,
}

impl ApplicationPollState {
    /// The state of a poll row (its stored result gives the outcome once closed).
    pub fn of(p: &poll::Model) -> ApplicationPollState {
        let closed = p.status.0 == intercoop_domain::voting::PollStatus::Closed;
        let outcome = p.result.as_ref().filter(|_| closed).map(|r| {
            let r = &r.0;
            match r.passed {
                Some(true) => "passed",
                _ if r.details.get("quorum_met").and_then(serde_json::Value::as_bool) == Some(false) => "no_quorum",
                _ => "rejected",
            }
            .to_string()
        });
        ApplicationPollState {
            id: p.id,
            state: p.status.0.as_str().to_string(),
            closes_at: p.closes_at,
            closed_at: p.closed_at,
            outcome,
        }
    }

    /// The message key of the outcome, else of the state (the application's page).
    pub fn label(&self) -> String {
        match &self.outcome {
            Some(o) => format!("join-poll-outcome-{o}"),
            None => format!("polls-status-{}", self.state),
        }
    }
}

/// The polls of some applications, by poll id, read in one query (a poll of another
/// network is absent).
async fn polls<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    ids: Vec<i64>,
) -> AppResult<HashMap<i64, ApplicationPollState>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(poll::Entity::find()
        .filter(poll::Column::NetworkId.eq(network_id))
        .filter(poll::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .iter()
        .map(|p| (p.id, ApplicationPollState::of(p)))
        .collect())
}

/// A comment of the review.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApplicationCommentOut {
    pub id: i64,
    pub author: String,
    pub body: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl ApplicationOut {
    /// An application's row with its comments and its poll's state.
    pub fn of(
        a: &application::Model,
        comments: Vec<ApplicationCommentOut>,
        poll: Option<ApplicationPollState>,
    ) -> ApplicationOut {
        ApplicationOut {
            id: a.id,
            status: a.status.clone(),
            organisation: OrganisationIn {
                kind: a.org_kind.clone(),
                name: a.org_name.clone(),
                country: a.country.clone(),
                city: a.city.clone(),
                company_number: a.company_number.clone(),
                size: a.size,
                website: a.website.clone(),
                software: a.software.lines().map(str::to_string).collect(),
            },
            contact: ContactIn {
                name: a.contact_name.clone(),
                email: a.contact_email.clone(),
                language: a.contact_language.clone(),
            },
            level: a.level.clone(),
            motivation: a.motivation.clone(),
            charter_page_id: a.charter_page_id,
            charter_revision: a.charter_revision,
            created_at: a.created_at,
            confirmed_at: a.confirmed_at,
            decided_at: a.decided_at,
            decision_note: a.decision_note.clone(),
            sponsorship_basis_points: a.sponsorship_basis_points,
            organisation_id: a.organisation_id,
            poll_id: a.poll_id,
            comments,
            poll,
        }
    }
}

/// The confirmed applications of a network, newest first (`status`: only those).
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    status: Option<Status>,
) -> AppResult<Vec<application::Model>> {
    Ok(confirmed(network_id, status)
        .order_by_desc(application::Column::CreatedAt)
        .order_by_desc(application::Column::Id)
        .limit(500)
        .all(conn)
        .await?)
}

/// The network's confirmed applications (`status`: only those), unordered.
fn confirmed(network_id: i64, status: Option<Status>) -> sea_orm::Select<application::Entity> {
    let mut q = application::Entity::find()
        .filter(application::Column::NetworkId.eq(network_id))
        .filter(application::Column::Status.ne(Status::Unconfirmed.as_str()));
    if let Some(s) = status {
        q = q.filter(application::Column::Status.eq(s.as_str()));
    }
    q
}

/// Applications as the review lists them: each with its poll's state (one query for
/// their polls), without comments.
async fn with_polls<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    rows: Vec<application::Model>,
) -> AppResult<Vec<ApplicationOut>> {
    let polls = polls(conn, network_id, rows.iter().filter_map(|a| a.poll_id).collect()).await?;
    Ok(rows
        .iter()
        .map(|a| ApplicationOut::of(a, Vec::new(), a.poll_id.and_then(|p| polls.get(&p).cloned())))
        .collect())
}

/// The confirmed applications of a network as the review lists them (`status`: only
/// those), each with its poll's state, without comments: two queries.
pub async fn overview<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    status: Option<Status>,
) -> AppResult<Vec<ApplicationOut>> {
    let rows = list(conn, network_id, status).await?;
    with_polls(conn, network_id, rows).await
}

/// [`overview`] a page at a time (the review's page: 50 a page, where it showed up to
/// 500, some 20 ms of server CPU at scale 100), with the number of applications in all
/// (`db::fetch_page`: kept until the database changes on SQLite), and their polls.
pub async fn overview_page(
    db: &crate::db::Db,
    network_id: i64,
    status: Option<Status>,
    page: &crate::api::Page,
) -> AppResult<(Vec<ApplicationOut>, i64)> {
    use sea_orm::QueryTrait;
    let count = confirmed(network_id, status)
        .select_only()
        .expr(sea_orm::sea_query::Expr::cust("COUNT(*)"))
        .into_query();
    let rows = confirmed(network_id, status)
        .order_by_desc(application::Column::CreatedAt)
        .order_by_desc(application::Column::Id)
        .offset(page.offset())
        .limit(page.limit())
        .into_query();
    let (rows, total) = crate::db::fetch_page(db, &rows, &count, page.offset()).await?;
    Ok((with_polls(&db.read, network_id, rows).await?, total))
}

/// A confirmed application of the network (404 for an unconfirmed one: nobody sees it).
pub async fn get<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<application::Model> {
    application::Entity::find_by_id(id)
        .filter(application::Column::NetworkId.eq(network_id))
        .filter(application::Column::Status.ne(Status::Unconfirmed.as_str()))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// An application with its comments, oldest first.
pub async fn read<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<ApplicationOut> {
    let a = get(conn, network_id, id).await?;
    let rows = comment::Entity::find()
        .filter(comment::Column::ApplicationId.eq(id))
        .order_by_asc(comment::Column::CreatedAt)
        .order_by_asc(comment::Column::Id)
        .all(conn)
        .await?;
    let ids: Vec<i64> = rows.iter().filter_map(|c| c.author_id).collect();
    let names: std::collections::HashMap<i64, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let comments = rows
        .into_iter()
        .map(|c| ApplicationCommentOut {
            id: c.id,
            author: c.author_id.and_then(|id| names.get(&id).cloned()).unwrap_or_default(),
            body: c.body,
            created_at: c.created_at,
        })
        .collect();
    let poll = match a.poll_id {
        Some(p) => polls(conn, network_id, vec![p]).await?.remove(&p),
        None => None,
    };
    Ok(ApplicationOut::of(&a, comments, poll))
}

/// The longest comment (characters).
pub const MAX_COMMENT_CHARS: usize = 5_000;

/// Comments on an application (1 to 5 000 characters).
pub async fn add_comment<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    id: i64,
    author_id: i64,
    body: &str,
) -> AppResult<i64> {
    get(conn, network_id, id).await?;
    let body = body.trim();
    if body.is_empty() {
        return Err(AppError::invalid("body", "required"));
    }
    if body.chars().count() > MAX_COMMENT_CHARS {
        return Err(AppError::invalid("body", "too-long"));
    }
    let c = comment::ActiveModel {
        network_id: Set(network_id),
        application_id: Set(id),
        author_id: Set(Some(author_id)),
        body: Set(body.to_string()),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(c.id)
}
