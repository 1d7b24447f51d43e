//! Polls: queries and changes, shared by the pages and the API.
//!
//! Who may vote is frozen in `poll_electorate` when a poll opens. A ballot is stored once
//! per voter (unique index on poll + ballot key: a second ballot replaces the first, and two
//! simultaneous ballots leave exactly one); `poll_voters` records who voted, never what.
//! In a secret poll the ballot key is a salted hash of the voter key while the poll is open
//! (so a voter can change their ballot); at closing the salt is erased and the ballots are
//! rewritten in an order that says nothing about who cast them.

use super::entities::{poll, poll_option};
use super::input::ValidPoll;
use crate::audit::{self, Actor, Change};
use crate::db;
use crate::db::types::{Json, Text};
use crate::entities::organisation;
use crate::error::{AppError, AppResult};
use intercoop_domain::voting::{Method, MethodKind, PollStatus};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Serialize;
use std::collections::HashMap;

/// A poll with its options, in order (option index = position).
#[derive(Debug, Clone)]
pub struct PollFull {
    pub poll: poll::Model,
    pub options: Vec<poll_option::Model>,
}

impl PollFull {
    pub fn method(&self) -> Method {
        self.poll.method_params.0
    }
    pub fn status(&self) -> PollStatus {
        self.poll.status.0
    }
    /// Open, and before its closing time: the closing time holds at its instant, whether
    /// or not the closing job (`polls::jobs`) has run yet.
    pub fn takes_ballots(&self, now: time::OffsetDateTime) -> bool {
        self.status() == PollStatus::Open && self.poll.closes_at.is_none_or(|c| now < c)
    }
    pub fn index_of(&self, option_id: i64) -> Option<usize> {
        self.options.iter().position(|o| o.id == option_id)
    }
    pub fn grade_count(&self) -> u8 {
        match self.method() {
            Method::MajorityJudgment { grade_count } => grade_count,
            _ => 0,
        }
    }
    pub fn budget(&self) -> u32 {
        match self.method() {
            Method::Points { budget } => budget,
            _ => 0,
        }
    }
}

/// Creates a draft poll and its options; returns the poll id.
pub async fn create<C: ConnectionTrait>(conn: &C, actor: Actor, network_id: i64, v: &ValidPoll) -> AppResult<i64> {
    check_proposals(conn, network_id, v.proposal_id, v.effect.as_ref(), &v.options).await?;
    let now = db::now();
    let row = poll::ActiveModel {
        network_id: Set(network_id),
        title: Set(v.title.clone()),
        description: Set(v.description.clone()),
        method: Set(v.method.method_kind().into()),
        method_params: Set(Json(v.method)),
        electorate: Set(v.electorate.into()),
        organisation_kinds: Set(crate::db::types::Json(v.organisation_kinds.clone())),
        weighted: Set(v.weighted),
        secret: Set(v.secret),
        hide_results: Set(v.hide_results),
        status: Set(PollStatus::Draft.into()),
        opens_at: Set(v.opens_at),
        closes_at: Set(v.closes_at),
        opened_at: Set(None),
        closed_at: Set(None),
        proposal_id: Set(v.proposal_id),
        effect: Set(v.effect.clone().map(Json)),
        priority: Set(v.priority),
        max_proxies: Set(v.max_proxies),
        electorate_weight: Set(0),
        secret_salt: Set(None),
        result: Set(None),
        created_by: Set(actor.person_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    poll_option::Entity::insert_many(v.options.iter().enumerate().map(|(i, (label, proposal_id))| {
        poll_option::ActiveModel {
            poll_id: Set(row.id),
            position: Set(i as i64),
            label: Set(label.clone()),
            proposal_id: Set(*proposal_id),
            ..Default::default()
        }
    }))
    .exec(conn)
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "poll.create",
            entity: "poll",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(v),
    )
    .await?;
    if let Some(at) = v.opens_at {
        super::jobs::open_at(conn, &row, at).await?;
    }
    Ok(row.id)
}

/// The proposals a poll acts on exist in its network, and its effect can be carried out
/// on its proposal now (`proposals::effects::validate`): asked when the poll is created
/// and when it opens. A 422 naming the field otherwise.
pub async fn check_proposals<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    proposal_id: Option<i64>,
    effect: Option<&crate::proposals::ProposalEffect>,
    options: &[(String, Option<i64>)],
) -> AppResult<()> {
    match (proposal_id, effect) {
        (Some(p), Some(effect)) => crate::proposals::effects::validate(conn, network_id, p, effect).await?,
        (Some(p), None) => match crate::proposals::data::get(conn, network_id, p).await {
            Ok(_) => {}
            Err(AppError::NotFound) => return Err(AppError::invalid("proposal_id", "poll-proposal-unknown")),
            Err(e) => return Err(e),
        },
        _ => {}
    }
    for id in options.iter().filter_map(|(_, p)| *p) {
        match crate::proposals::data::get(conn, network_id, id).await {
            Ok(_) => {}
            Err(AppError::NotFound) => return Err(AppError::invalid("proposal_ids", "poll-proposal-unknown")),
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

pub async fn get<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<PollFull> {
    let poll = poll::Entity::find_by_id(id)
        .filter(poll::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let options = poll_option::Entity::find()
        .filter(poll_option::Column::PollId.eq(id))
        .order_by_asc(poll_option::Column::Position)
        .all(conn)
        .await?;
    Ok(PollFull { poll, options })
}

/// A poll in a list: only what a list shows (not its description, options or result).
#[derive(Debug, Serialize, sea_orm::FromQueryResult, utoipa::ToSchema)]
pub struct PollRow {
    pub id: i64,
    pub title: String,
    #[schema(value_type = String)]
    pub method: Text<MethodKind>,
    #[schema(value_type = String)]
    pub status: Text<PollStatus>,
    pub secret: bool,
    #[schema(value_type = Option<String>, format = DateTime)]
    #[serde(with = "time::serde::rfc3339::option")]
    pub closes_at: Option<time::OffsetDateTime>,
}

/// The polls of a network, newest first, and how many there are, in one query.
pub async fn list(
    db: &crate::db::Db,
    network_id: i64,
    status: Option<&str>,
    page: &crate::api::Page,
) -> AppResult<(Vec<PollRow>, i64)> {
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    let mut base = Query::select();
    base.from("polls").and_where(Expr::col("network_id").eq(network_id));
    if let Some(s) = status.filter(|s| !s.is_empty()) {
        base.and_where(Expr::col("status").eq(s));
    }
    let mut count = base.clone();
    count.expr(Expr::cust("COUNT(*)"));
    let mut rows = base;
    rows.columns(["id", "title", "method", "status", "secret", "closes_at"])
        .order_by("id", sea_orm::Order::Desc)
        .limit(page.limit())
        .offset(page.offset());
    Ok(crate::db::fetch_page(db, &rows, &count, page.offset()).await?)
}

/// Names of organisations, for pages.
pub async fn organisation_names<C: ConnectionTrait>(conn: &C, ids: Vec<i64>) -> AppResult<HashMap<i64, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect())
}
