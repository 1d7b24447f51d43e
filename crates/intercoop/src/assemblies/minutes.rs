//! A meeting's minutes and decisions, shared by the pages, the API and the seed.
//!
//! The minutes are Markdown (`meetings.minutes`), rendered sanitized like the rest of
//! the site (`proposals::pages::markdown`). A facilitator writes them and records the
//! meeting's decisions, in order, each linked to what made it, if anything: a poll, or
//! a proposal's transition (a row of `proposal_events` that moved its status). While
//! they are a draft only facilitators see them. Approving them publishes them: they
//! can no longer change, every person of the network is told (`minutes_published`),
//! and their decisions join the network's list of decisions ([`search`]).

use super::entities::{decision, meeting};
use crate::audit::{self, Actor, Change};
use crate::db::types::Text;
use crate::error::{AppError, AppResult};
use intercoop_domain::meetings::{MeetingStatus, MinutesStatus};
use sea_orm::sea_query::{Expr, ExprTrait, Func, JoinType, Query, SelectStatement};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

/// The longest minutes, in characters (a long general assembly's fit easily).
pub const MAX_MINUTES_CHARS: usize = 100_000;
/// The longest decision, in characters.
pub const MAX_DECISION_CHARS: usize = 2_000;
/// At most this many decisions per meeting.
pub const MAX_DECISIONS: u64 = 200;

/// A decision as pages and the API show it, with the meeting that took it and what made
/// it (the poll, or the proposal's transition).
#[derive(Debug, Clone, Serialize, ToSchema, sea_orm::FromQueryResult)]
pub struct DecisionOut {
    pub id: i64,
    pub meeting_id: i64,
    pub meeting_title: String,
    /// When the meeting began (the day of the decision).
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub decided_at: OffsetDateTime,
    /// Its order among the meeting's decisions, from 0.
    pub position: i64,
    /// What was decided (plain text).
    pub text: String,
    /// The poll that made it, if one did.
    pub poll_id: Option<i64>,
    pub poll_title: Option<String>,
    /// The proposal's transition that made it (an event of the proposal's timeline).
    pub proposal_event_id: Option<i64>,
    pub proposal_id: Option<i64>,
    pub proposal_title: Option<String>,
    /// The transition: the proposal's status before and after.
    pub from_status: Option<String>,
    pub to_status: Option<String>,
}

/// A meeting's minutes. Until they are published, those who may not write them see the
/// status only (`markdown` and `html` empty, no decisions).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MinutesOut {
    pub meeting_id: i64,
    /// none, draft or published
    pub status: String,
    pub markdown: String,
    /// The Markdown rendered to HTML, sanitized.
    pub html: String,
    /// Who approved and published them, and when.
    pub approved_by: Option<i64>,
    #[schema(value_type = Option<String>, format = DateTime)]
    #[serde(with = "time::serde::rfc3339::option")]
    pub published_at: Option<OffsetDateTime>,
    pub decisions: Vec<DecisionOut>,
}

/// The minutes' text.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MinutesInput {
    /// Markdown, at most 100 000 characters; empty: no minutes yet.
    pub markdown: String,
}

/// A decision to record, and what made it, if anything.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionInput {
    /// What was decided (1 to 2 000 characters).
    pub text: String,
    /// A poll of the network that made it.
    #[serde(default)]
    pub poll_id: Option<i64>,
    /// A transition of a proposal of the network that made it (an id of the proposal's
    /// timeline that changed its status).
    #[serde(default)]
    pub proposal_event_id: Option<i64>,
}

/// The decisions' query: the meeting and what made each decision joined in.
fn decisions_query() -> SelectStatement {
    let mut q = Query::select();
    q.expr_as(Expr::col(("d", "id")), "id")
        .expr_as(Expr::col(("d", "meeting_id")), "meeting_id")
        .expr_as(Expr::col(("m", "title")), "meeting_title")
        .expr_as(Expr::col(("m", "starts_at")), "decided_at")
        .expr_as(Expr::col(("d", "position")), "position")
        .expr_as(Expr::col(("d", "body")), "text")
        .expr_as(Expr::col(("d", "poll_id")), "poll_id")
        .expr_as(Expr::col(("po", "title")), "poll_title")
        .expr_as(Expr::col(("d", "proposal_event_id")), "proposal_event_id")
        .expr_as(Expr::col(("e", "proposal_id")), "proposal_id")
        .expr_as(Expr::col(("pr", "title")), "proposal_title")
        .expr_as(Expr::col(("e", "from_status")), "from_status")
        .expr_as(Expr::col(("e", "to_status")), "to_status")
        .from_as("meeting_decisions", "d")
        .join_as(
            JoinType::InnerJoin,
            "meetings",
            "m",
            Expr::col(("m", "id")).equals(("d", "meeting_id")),
        )
        .join_as(
            JoinType::LeftJoin,
            "polls",
            "po",
            Expr::col(("po", "id")).equals(("d", "poll_id")),
        )
        .join_as(
            JoinType::LeftJoin,
            "proposal_events",
            "e",
            Expr::col(("e", "id")).equals(("d", "proposal_event_id")),
        )
        .join_as(
            JoinType::LeftJoin,
            "proposals",
            "pr",
            Expr::col(("pr", "id")).equals(("e", "proposal_id")),
        );
    q
}

/// The decisions of one meeting, in order.
pub async fn decisions_of<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    meeting_id: i64,
) -> AppResult<Vec<DecisionOut>> {
    let mut q = decisions_query();
    q.and_where(Expr::col(("d", "network_id")).eq(network_id))
        .and_where(Expr::col(("d", "meeting_id")).eq(meeting_id))
        .order_by(("d", "position"), sea_orm::Order::Asc)
        .order_by(("d", "id"), sea_orm::Order::Asc);
    Ok(crate::db::fetch_all(conn, &q).await?)
}

/// The network's published decisions, latest meeting first, whose text or meeting's
/// title holds `text` (any case; empty: all), a page and the number of matches.
pub async fn search(
    db: &crate::db::Db,
    network_id: i64,
    text: &str,
    page: &crate::api::Page,
) -> AppResult<(Vec<DecisionOut>, i64)> {
    let mut base = decisions_query();
    base.and_where(Expr::col(("d", "network_id")).eq(network_id))
        .and_where(Expr::col(("m", "minutes_status")).eq(MinutesStatus::Published.as_str()));
    let words = text.trim().to_lowercase().replace(['%', '_', '\\'], "");
    if !words.is_empty() {
        let pattern = format!("%{words}%");
        base.and_where(
            Expr::expr(Func::lower(Expr::col(("d", "body"))))
                .like(pattern.clone())
                .or(Expr::expr(Func::lower(Expr::col(("m", "title")))).like(pattern)),
        );
    }
    let mut count = Query::select();
    count
        .expr(Expr::cust("COUNT(*)"))
        .from_as("meeting_decisions", "d")
        .join_as(
            JoinType::InnerJoin,
            "meetings",
            "m",
            Expr::col(("m", "id")).equals(("d", "meeting_id")),
        )
        .and_where(Expr::col(("d", "network_id")).eq(network_id))
        .and_where(Expr::col(("m", "minutes_status")).eq(MinutesStatus::Published.as_str()));
    if !words.is_empty() {
        let pattern = format!("%{words}%");
        count.and_where(
            Expr::expr(Func::lower(Expr::col(("d", "body"))))
                .like(pattern.clone())
                .or(Expr::expr(Func::lower(Expr::col(("m", "title")))).like(pattern)),
        );
    }
    base.order_by(("m", "starts_at"), sea_orm::Order::Desc)
        .order_by(("d", "position"), sea_orm::Order::Asc)
        .order_by(("d", "id"), sea_orm::Order::Asc)
        .limit(page.limit())
        .offset(page.offset());
    Ok(crate::db::fetch_page(db, &base, &count, page.offset()).await?)
}

async fn find<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<meeting::Model> {
    meeting::Entity::find_by_id(id)
        .filter(meeting::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// A meeting's minutes as `may_write` (a facilitator) or anyone else sees them.
pub async fn read<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64, may_write: bool) -> AppResult<MinutesOut> {
    let m = find(conn, network_id, id).await?;
    out(conn, &m, may_write).await
}

/// [`read`] for a meeting already read (the meeting's page).
pub async fn of<C: ConnectionTrait>(conn: &C, m: &meeting::Model, may_write: bool) -> AppResult<MinutesOut> {
    out(conn, m, may_write).await
}

async fn out<C: ConnectionTrait>(conn: &C, m: &meeting::Model, may_write: bool) -> AppResult<MinutesOut> {
    let shown = may_write || m.minutes_status.0 == MinutesStatus::Published;
    Ok(MinutesOut {
        meeting_id: m.id,
        status: m.minutes_status.to_string(),
        markdown: if shown { m.minutes.clone() } else { String::new() },
        html: if shown {
            crate::proposals::pages::markdown(&m.minutes)
        } else {
            String::new()
        },
        approved_by: m.minutes_approved_by,
        published_at: m.minutes_published_at,
        decisions: if shown {
            decisions_of(conn, m.network_id, m.id).await?
        } else {
            Vec::new()
        },
    })
}

/// The minutes may still change: not published, the meeting not cancelled.
fn writable(m: &meeting::Model) -> AppResult<()> {
    if m.minutes_status.0 == MinutesStatus::Published {
        return Err(AppError::Conflict("minutes-published"));
    }
    if m.status.0 == MeetingStatus::Cancelled {
        return Err(AppError::Conflict("meeting-cancelled"));
    }
    Ok(())
}

fn record(network_id: i64, actor: Actor, action: &'static str, id: i64) -> Change<'static> {
    Change {
        network_id: Some(network_id),
        actor,
        action,
        entity: "meeting",
        entity_id: Some(id),
    }
}

/// Writes the minutes' draft (empty: none). Refused once published (409), for a
/// cancelled meeting (409), or past [`MAX_MINUTES_CHARS`] (422 on `markdown`).
pub async fn save<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    id: i64,
    input: &MinutesInput,
) -> AppResult<MinutesOut> {
    let m = find(conn, network_id, id).await?;
    writable(&m)?;
    if input.markdown.chars().count() > MAX_MINUTES_CHARS {
        return Err(AppError::invalid("markdown", "minutes-too-long"));
    }
    let text = input.markdown.trim_end().to_string();
    let has_decisions = decision::Entity::find()
        .filter(decision::Column::MeetingId.eq(m.id))
        .one(conn)
        .await?
        .is_some();
    let status = if text.trim().is_empty() && !has_decisions {
        MinutesStatus::None
    } else {
        MinutesStatus::Draft
    };
    let before = m.clone();
    let mut row: meeting::ActiveModel = m.into();
    row.minutes = Set(text);
    row.minutes_status = Set(Text(status));
    row.updated_at = Set(crate::clock::now());
    let after = row.update(conn).await?;
    audit::record(
        conn,
        record(network_id, actor, "meeting.minutes", id),
        Some(&serde_json::json!({ "minutes": before.minutes })),
        Some(&serde_json::json!({ "minutes": after.minutes })),
    )
    .await?;
    out(conn, &after, true).await
}

/// Records a decision at the end of the meeting's list. The poll and the proposal's
/// transition must be of the network (422 on `poll_id`, `proposal_event_id`), the
/// transition one that changed a status; the text 1 to [`MAX_DECISION_CHARS`]
/// characters (422 on `text`). Refused once the minutes are published (409).
pub async fn add_decision<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    id: i64,
    input: &DecisionInput,
) -> AppResult<DecisionOut> {
    let m = find(conn, network_id, id).await?;
    writable(&m)?;
    let mut errors = crate::error::FieldErrors::default();
    let text = input.text.trim();
    if text.is_empty() {
        errors.add("text", "decision-text-empty");
    } else if text.chars().count() > MAX_DECISION_CHARS
        || text.chars().any(|c| c.is_control() && c != '\n' && c != '\r')
    {
        errors.add("text", "decision-text-too-long");
    }
    if let Some(poll) = input.poll_id {
        let found = crate::polls::entities::poll::Entity::find_by_id(poll)
            .filter(crate::polls::entities::poll::Column::NetworkId.eq(network_id))
            .one(conn)
            .await?;
        if found.is_none() {
            errors.add("poll_id", "decision-poll-unknown");
        }
    }
    if let Some(event) = input.proposal_event_id
        && !transition_of_network(conn, network_id, event).await?
    {
        errors.add("proposal_event_id", "decision-transition-unknown");
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let existing = decision::Entity::find()
        .filter(decision::Column::MeetingId.eq(m.id))
        .order_by_desc(decision::Column::Position)
        .all(conn)
        .await?;
    if existing.len() as u64 >= MAX_DECISIONS {
        return Err(AppError::invalid("text", "decision-too-many"));
    }
    let row = decision::ActiveModel {
        network_id: Set(network_id),
        meeting_id: Set(m.id),
        position: Set(existing.first().map_or(0, |d| d.position + 1)),
        body: Set(text.to_string()),
        poll_id: Set(input.poll_id),
        proposal_event_id: Set(input.proposal_event_id),
        created_by: Set(actor.person_id),
        created_at: Set(crate::clock::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    if m.minutes_status.0 == MinutesStatus::None {
        let mut meeting_row: meeting::ActiveModel = m.clone().into();
        meeting_row.minutes_status = Set(Text(MinutesStatus::Draft));
        meeting_row.update(conn).await?;
    }
    audit::record(
        conn,
        record(network_id, actor, "meeting.decision_add", id),
        None::<&()>,
        Some(&row),
    )
    .await?;
    decisions_of(conn, network_id, m.id)
        .await?
        .into_iter()
        .find(|d| d.id == row.id)
        .ok_or(AppError::NotFound)
}

/// `event` is a status change of a proposal of the network.
async fn transition_of_network<C: ConnectionTrait>(conn: &C, network_id: i64, event: i64) -> AppResult<bool> {
    let q = Query::select()
        .expr(Expr::col(("e", "id")))
        .from_as("proposal_events", "e")
        .join_as(
            JoinType::InnerJoin,
            "proposals",
            "p",
            Expr::col(("p", "id")).equals(("e", "proposal_id")),
        )
        .and_where(Expr::col(("e", "id")).eq(event))
        .and_where(Expr::col(("p", "network_id")).eq(network_id))
        .and_where(Expr::col(("e", "to_status")).is_not_null())
        .take();
    Ok(conn.query_one(&q).await?.is_some())
}

/// Removes a decision recorded by mistake (404 when it is not the meeting's; 409 once
/// the minutes are published).
pub async fn remove_decision<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    id: i64,
    decision_id: i64,
) -> AppResult<()> {
    let m = find(conn, network_id, id).await?;
    writable(&m)?;
    let d = decision::Entity::find_by_id(decision_id)
        .filter(decision::Column::MeetingId.eq(m.id))
        .filter(decision::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    decision::Entity::delete_by_id(d.id).exec(conn).await?;
    audit::record(
        conn,
        record(network_id, actor, "meeting.decision_remove", id),
        Some(&d),
        None::<&()>,
    )
    .await?;
    Ok(())
}

/// Approves and publishes the minutes: they no longer change, and every person of the
/// network is told (once). Refused before the meeting has begun or when it is
/// cancelled (409), when already published (409), or when they are empty (422 on
/// `markdown`).
pub async fn publish<C: ConnectionTrait>(conn: &C, actor: Actor, network_id: i64, id: i64) -> AppResult<MinutesOut> {
    let m = find(conn, network_id, id).await?;
    writable(&m)?;
    let now = crate::clock::now();
    if now < m.starts_at {
        return Err(AppError::Conflict("minutes-before-meeting"));
    }
    if m.minutes.trim().is_empty() {
        return Err(AppError::invalid("markdown", "minutes-empty"));
    }
    let before = m.clone();
    let mut row: meeting::ActiveModel = m.into();
    row.minutes_status = Set(Text(MinutesStatus::Published));
    row.minutes_approved_by = Set(actor.person_id);
    row.minutes_published_at = Set(Some(now));
    row.updated_at = Set(now);
    let after = row.update(conn).await?;
    audit::record(
        conn,
        record(network_id, actor, "meeting.minutes_publish", id),
        Some(&serde_json::json!({ "minutes_status": before.minutes_status.to_string() })),
        Some(&serde_json::json!({ "minutes_status": after.minutes_status.to_string() })),
    )
    .await?;
    super::notifications::minutes_published(conn, &after).await?;
    out(conn, &after, true).await
}

/// The status changes of the proposals on a meeting's agenda (newest first), offered
/// as what made a decision.
pub async fn agenda_transitions<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    proposal_ids: &[i64],
) -> AppResult<Vec<Transition>> {
    if proposal_ids.is_empty() {
        return Ok(Vec::new());
    }
    let q = Query::select()
        .expr_as(Expr::col(("e", "id")), "id")
        .expr_as(Expr::col(("e", "proposal_id")), "proposal_id")
        .expr_as(Expr::col(("p", "title")), "proposal_title")
        .expr_as(Expr::col(("e", "from_status")), "from_status")
        .expr_as(Expr::col(("e", "to_status")), "to_status")
        .from_as("proposal_events", "e")
        .join_as(
            JoinType::InnerJoin,
            "proposals",
            "p",
            Expr::col(("p", "id")).equals(("e", "proposal_id")),
        )
        .and_where(Expr::col(("p", "network_id")).eq(network_id))
        .and_where(Expr::col(("e", "proposal_id")).is_in(proposal_ids.to_vec()))
        .and_where(Expr::col(("e", "to_status")).is_not_null())
        .order_by(("e", "id"), sea_orm::Order::Desc)
        .limit(50)
        .take();
    Ok(crate::db::fetch_all(conn, &q).await?)
}

/// A proposal's status change, as the minutes' form offers it.
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
pub struct Transition {
    pub id: i64,
    pub proposal_id: i64,
    pub proposal_title: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
}
