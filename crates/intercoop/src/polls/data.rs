//! Polls: queries and changes, shared by the pages and the API.
//!
//! Who may vote is frozen in `poll_electorate` when a poll opens. A ballot is stored once
//! per voter (unique index on poll + ballot key: a second ballot replaces the first, and two
//! simultaneous ballots leave exactly one); `poll_voters` records who voted, never what.
//! In a secret poll the ballot key is a salted hash of the voter key while the poll is open
//! (so a voter can change their ballot); at closing the salt is erased and the ballots are
//! rewritten in an order that says nothing about who cast them.

use super::entities::{ballot, elector, mandate, poll, poll_option, voter};
use crate::audit::{self, Actor, Change};
use crate::auth::CurrentUser;
use crate::auth::tokens::{hash_token, new_token};
use crate::db;
use crate::entities::{network, organisation, person, representative};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::{Arg, Lang};
use crate::mail::{self, Content};
use crate::proposals::ProposalEffect;
use intercoop_domain::organisation::{Level, MembershipStatus, may_vote};
use intercoop_domain::voting::{
    Ballot, BallotContent, BallotError, Choice, Details, Method, MethodError, PollStatus, Threshold,
    check_poll_transition, tally, validate_ballot, validate_method,
};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    Set,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use time::OffsetDateTime;

pub const ELECTORATE_ORGANISATIONS: &str = "organisations";
pub const ELECTORATE_PEOPLE: &str = "people";
pub const MANDATE_DELEGATE: &str = "delegate";
pub const MANDATE_PROXY: &str = "proxy";

/// What a caller asks for when creating a poll (the API body, also used by the demo).
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PollInput {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// decision, consent, approval, points, schulze or majority_judgment
    pub method: String,
    /// The options' labels (ignored for decision and consent, whose options are fixed).
    #[serde(default)]
    pub options: Vec<String>,
    /// organisations (default: one vote per member organisation) or people (one per person)
    #[serde(default)]
    pub electorate: Option<String>,
    /// Points each voter spreads (points polls; default 10).
    #[serde(default)]
    pub points: Option<u32>,
    /// Share of the electorate's weight that must vote (decision polls; default 0).
    #[serde(default)]
    pub quorum_percent: Option<u32>,
    /// simple_majority (default), two_thirds, or a fraction such as "3/5" (decision polls).
    #[serde(default)]
    pub threshold: Option<String>,
    /// Number of grades of a majority-judgment poll (default 6; grade 0 is the worst).
    #[serde(default)]
    pub grade_count: Option<u8>,
    /// Secret ballot: the result never shows who voted what.
    #[serde(default)]
    pub secret: Option<bool>,
    /// Hide results until the poll closes.
    #[serde(default)]
    pub hide_results: Option<bool>,
    /// Weight each organisation's vote by its size.
    #[serde(default)]
    pub weighted: Option<bool>,
    #[serde(default)]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub opens_at: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub closes_at: Option<String>,
    /// The proposal this poll decides, and what happens to it when the poll passes.
    #[serde(default)]
    pub proposal_id: Option<i64>,
    #[serde(default)]
    pub effect: Option<ProposalEffect>,
    /// A priority poll (schulze or points) over open proposals: its result orders them.
    #[serde(default)]
    pub priority: Option<bool>,
    /// With `priority`: the proposal behind each option, in the order of `options`.
    #[serde(default)]
    pub proposal_ids: Option<Vec<i64>>,
    /// How many proxies one organisation may hold in this poll (default 1).
    #[serde(default)]
    pub max_proxies: Option<i64>,
}

/// A poll that passed validation.
#[derive(Debug, Clone, Serialize)]
pub struct ValidPoll {
    pub title: String,
    pub description: String,
    pub method: Method,
    pub options: Vec<(String, Option<i64>)>,
    pub electorate: &'static str,
    pub weighted: bool,
    pub secret: bool,
    pub hide_results: bool,
    pub opens_at: Option<OffsetDateTime>,
    pub closes_at: Option<OffsetDateTime>,
    pub proposal_id: Option<i64>,
    pub effect: Option<ProposalEffect>,
    pub priority: bool,
    pub max_proxies: i64,
}

fn parse_threshold(raw: Option<&str>) -> Option<Threshold> {
    match raw.map(str::trim).unwrap_or("simple_majority") {
        "" | "simple_majority" => Some(Threshold::SimpleMajority),
        "two_thirds" => Some(Threshold::TwoThirds),
        other => {
            let (n, d) = other.split_once('/')?;
            Some(Threshold::Custom {
                numerator: n.trim().parse().ok()?,
                denominator: d.trim().parse().ok()?,
            })
        }
    }
}

fn parse_time(raw: Option<&str>) -> Result<Option<OffsetDateTime>, ()> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
            .map(|t| Some(t.to_offset(time::UtcOffset::UTC)))
            .map_err(|_| ()),
    }
}

impl PollInput {
    pub fn validate(&self) -> Result<ValidPoll, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = self.title.trim().to_string();
        if title.is_empty() {
            errors.add("title", "required");
        } else if title.chars().count() > 200 {
            errors.add("title", "too-long");
        }
        let description = self.description.clone().unwrap_or_default().trim().to_string();
        if description.chars().count() > 10_000 {
            errors.add("description", "too-long");
        }
        let method = match self.method.trim() {
            "decision" => match parse_threshold(self.threshold.as_deref()) {
                Some(threshold) => Some(Method::Decision {
                    quorum_percent: self.quorum_percent.unwrap_or(0),
                    threshold,
                }),
                None => {
                    errors.add("threshold", "poll-threshold");
                    None
                }
            },
            "consent" => Some(Method::Consent),
            "approval" => Some(Method::Approval),
            "points" => Some(Method::Points {
                budget: self.points.unwrap_or(10),
            }),
            "schulze" => Some(Method::Schulze),
            "majority_judgment" => Some(Method::MajorityJudgment {
                grade_count: self.grade_count.unwrap_or(Method::DEFAULT_GRADE_COUNT),
            }),
            _ => {
                errors.add("method", "invalid-choice");
                None
            }
        };
        let mut options: Vec<(String, Option<i64>)> = Vec::new();
        if let Some(method) = &method {
            match method {
                Method::Decision { .. } => {
                    options = ["yes", "no", "abstain"].iter().map(|s| (s.to_string(), None)).collect();
                }
                Method::Consent => options = vec![(title.clone(), None)],
                _ => {
                    let labels: Vec<String> = self.options.iter().map(|o| o.trim().to_string()).collect();
                    if labels.iter().any(|l| l.is_empty()) {
                        errors.add("options", "required");
                    } else if labels.iter().any(|l| l.chars().count() > 200) {
                        errors.add("options", "too-long");
                    }
                    let distinct: BTreeSet<String> = labels.iter().map(|l| l.to_lowercase()).collect();
                    if distinct.len() != labels.len() {
                        errors.add("options", "poll-duplicate-label");
                    }
                    let ids = self.proposal_ids.clone();
                    match &ids {
                        Some(ids) if ids.len() != labels.len() => errors.add("proposal_ids", "poll-proposal-ids"),
                        _ => {}
                    }
                    options = labels
                        .into_iter()
                        .enumerate()
                        .map(|(i, l)| (l, ids.as_ref().and_then(|ids| ids.get(i).copied())))
                        .collect();
                }
            }
            match validate_method(method, options.len()) {
                Ok(()) => {}
                Err(MethodError::QuorumAbove100 { .. }) => errors.add("quorum_percent", "poll-quorum"),
                Err(MethodError::InvalidThreshold { .. }) => errors.add("threshold", "poll-threshold"),
                Err(MethodError::ZeroBudget) => errors.add("points", "poll-budget"),
                Err(MethodError::GradeCountOutOfRange { .. }) => errors.add("grade_count", "poll-grade-count"),
                Err(_) => errors.add("options", "poll-option-count"),
            }
        }
        let electorate = match self.electorate.as_deref().map(str::trim) {
            None | Some("") | Some("organisations") => ELECTORATE_ORGANISATIONS,
            Some("people") => ELECTORATE_PEOPLE,
            Some(_) => {
                errors.add("electorate", "invalid-choice");
                ELECTORATE_ORGANISATIONS
            }
        };
        let priority = self.priority.unwrap_or(false);
        if priority && !matches!(method, Some(Method::Schulze) | Some(Method::Points { .. }) | None) {
            errors.add("priority", "poll-priority-method");
        }
        if priority && self.proposal_ids.is_none() {
            errors.add("proposal_ids", "required");
        }
        if !priority && self.proposal_ids.is_some() {
            errors.add("proposal_ids", "poll-proposal-ids");
        }
        if self.effect.is_some() && self.proposal_id.is_none() {
            errors.add("proposal_id", "required");
        }
        let opens_at = parse_time(self.opens_at.as_deref()).unwrap_or_else(|()| {
            errors.add("opens_at", "poll-datetime");
            None
        });
        let closes_at = parse_time(self.closes_at.as_deref()).unwrap_or_else(|()| {
            errors.add("closes_at", "poll-datetime");
            None
        });
        if let (Some(o), Some(c)) = (opens_at, closes_at)
            && c <= o
        {
            errors.add("closes_at", "poll-closes-before-opening");
        }
        let max_proxies = self.max_proxies.unwrap_or(1);
        if !(0..=100).contains(&max_proxies) {
            errors.add("max_proxies", "poll-max-proxies");
        }
        match method {
            Some(method) if errors.is_empty() => Ok(ValidPoll {
                title,
                description,
                method,
                options,
                electorate,
                weighted: self.weighted.unwrap_or(false),
                secret: self.secret.unwrap_or(false),
                hide_results: self.hide_results.unwrap_or(false),
                opens_at,
                closes_at,
                proposal_id: self.proposal_id,
                effect: self.effect.clone(),
                priority,
                max_proxies,
            }),
            _ => Err(errors),
        }
    }
}

/// A poll with its options, in order (option index = position).
#[derive(Debug, Clone)]
pub struct PollFull {
    pub poll: poll::Model,
    pub options: Vec<poll_option::Model>,
}

impl PollFull {
    pub fn method(&self) -> Method {
        serde_json::from_str(&self.poll.method_params).unwrap_or(Method::Approval)
    }
    pub fn status(&self) -> PollStatus {
        self.poll.status.parse().unwrap_or(PollStatus::Draft)
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
    let now = db::now();
    let row = poll::ActiveModel {
        network_id: Set(network_id),
        title: Set(v.title.clone()),
        description: Set(v.description.clone()),
        method: Set(v.method.kind().to_string()),
        method_params: Set(serde_json::to_string(&v.method).map_err(anyhow::Error::from)?),
        electorate: Set(v.electorate.to_string()),
        weighted: Set(v.weighted),
        secret: Set(v.secret),
        hide_results: Set(v.hide_results),
        status: Set(PollStatus::Draft.as_str().to_string()),
        opens_at: Set(v.opens_at),
        closes_at: Set(v.closes_at),
        opened_at: Set(None),
        closed_at: Set(None),
        proposal_id: Set(v.proposal_id),
        effect: Set(v
            .effect
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(anyhow::Error::from)?),
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
    Ok(row.id)
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
    pub method: String,
    pub status: String,
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

// ---- the electorate ----

#[derive(sea_orm::FromQueryResult)]
struct MemberRow {
    organisation_id: i64,
    status: String,
    level: String,
    size: Option<i64>,
}

/// The member organisations that may vote now: (organisation id, size).
async fn voting_organisations<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<(i64, Option<i64>)>> {
    use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Query};
    let mut q = Query::select();
    q.from_as("memberships", "m")
        .join_as(
            JoinType::InnerJoin,
            "organisations",
            "o",
            Expr::col(("o", "id")).equals(("m", "organisation_id")),
        )
        .expr_as(Expr::col(("m", "organisation_id")), "organisation_id")
        .expr_as(Expr::col(("m", "status")), "status")
        .expr_as(Expr::col(("m", "level")), "level")
        .expr_as(Expr::col(("o", "size")), "size")
        .and_where(Expr::col(("m", "network_id")).eq(network_id))
        .order_by(("m", "organisation_id"), sea_orm::Order::Asc);
    let rows: Vec<MemberRow> = db::fetch_all(conn, &q).await?;
    Ok(rows
        .into_iter()
        .filter(|r| match (MembershipStatus::parse(&r.status), Level::parse(&r.level)) {
            (Some(s), Some(l)) => may_vote(s, l),
            _ => false,
        })
        .map(|r| (r.organisation_id, r.size))
        .collect())
}

async fn current_representatives<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<HashMap<i64, i64>> {
    Ok(representative::Entity::find()
        .filter(representative::Column::NetworkId.eq(network_id))
        .filter(representative::Column::Current.eq(true))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.organisation_id, r.person_id))
        .collect())
}

/// Freezes who may vote: one row per active member organisation (with its representative
/// and weight), or per person of such an organisation.
async fn snapshot_electorate<C: ConnectionTrait>(conn: &C, p: &poll::Model) -> AppResult<i64> {
    let orgs = voting_organisations(conn, p.network_id).await?;
    let mut rows: Vec<elector::ActiveModel> = Vec::new();
    if p.electorate == ELECTORATE_PEOPLE {
        let org_ids: Vec<i64> = orgs.iter().map(|(id, _)| *id).collect();
        let affiliations = crate::entities::affiliation::Entity::find()
            .filter(crate::entities::affiliation::Column::OrganisationId.is_in(org_ids))
            .order_by_asc(crate::entities::affiliation::Column::OrganisationId)
            .all(conn)
            .await?;
        let person_ids: Vec<i64> = affiliations.iter().map(|a| a.person_id).collect();
        let active: BTreeSet<i64> = person::Entity::find()
            .filter(person::Column::Id.is_in(person_ids))
            .filter(person::Column::Disabled.eq(false))
            .all(conn)
            .await?
            .into_iter()
            .map(|p| p.id)
            .collect();
        let mut seen = BTreeSet::new();
        for a in affiliations {
            if active.contains(&a.person_id) && seen.insert(a.person_id) {
                rows.push(elector::ActiveModel {
                    poll_id: Set(p.id),
                    voter_key: Set(format!("p:{}", a.person_id)),
                    organisation_id: Set(Some(a.organisation_id)),
                    person_id: Set(Some(a.person_id)),
                    weight: Set(1),
                    ..Default::default()
                });
            }
        }
    } else {
        let reps = current_representatives(conn, p.network_id).await?;
        for (org, size) in orgs {
            // Weighted by size, an organisation whose size is unknown (or 0) keeps one voice.
            let weight = if p.weighted { size.unwrap_or(1).max(1) } else { 1 };
            rows.push(elector::ActiveModel {
                poll_id: Set(p.id),
                voter_key: Set(format!("o:{org}")),
                organisation_id: Set(Some(org)),
                person_id: Set(reps.get(&org).copied()),
                weight: Set(weight),
                ..Default::default()
            });
        }
    }
    let total: i64 = rows.iter().map(|r| *r.weight.as_ref()).sum();
    for chunk in rows.chunks(500) {
        elector::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(conn)
            .await?;
    }
    Ok(total)
}

pub async fn electorate<C: ConnectionTrait>(conn: &C, poll_id: i64) -> AppResult<Vec<elector::Model>> {
    Ok(elector::Entity::find()
        .filter(elector::Column::PollId.eq(poll_id))
        .order_by_asc(elector::Column::Id)
        .all(conn)
        .await?)
}

pub async fn mandates<C: ConnectionTrait>(conn: &C, poll_id: i64) -> AppResult<Vec<mandate::Model>> {
    Ok(mandate::Entity::find()
        .filter(mandate::Column::PollId.eq(poll_id))
        .order_by_asc(mandate::Column::Id)
        .all(conn)
        .await?)
}

pub async fn voters<C: ConnectionTrait>(conn: &C, poll_id: i64) -> AppResult<Vec<voter::Model>> {
    Ok(voter::Entity::find()
        .filter(voter::Column::PollId.eq(poll_id))
        .order_by_asc(voter::Column::Id)
        .all(conn)
        .await?)
}

// ---- life: open and close ----

/// Moves a poll to `to`, if allowed and if nobody moved it meanwhile: the conditional update
/// makes two instances (or two facilitators) closing at once close it exactly once.
async fn transition<C: ConnectionTrait>(conn: &C, full: &PollFull, to: PollStatus) -> AppResult<()> {
    let from = full.status();
    check_poll_transition(from, to).map_err(|_| AppError::Conflict("poll-transition"))?;
    let moved = poll::Entity::update_many()
        .col_expr(poll::Column::Status, sea_orm::sea_query::Expr::value(to.as_str()))
        .filter(poll::Column::Id.eq(full.poll.id))
        .filter(poll::Column::Status.eq(from.as_str()))
        .exec(conn)
        .await?;
    if moved.rows_affected == 1 {
        Ok(())
    } else {
        Err(AppError::Conflict("poll-transition"))
    }
}

/// Opens a draft poll: freezes the electorate and tells the voters.
pub async fn open<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    id: i64,
    base_url: Option<&str>,
) -> AppResult<()> {
    let full = get(conn, network_id, id).await?;
    transition(conn, &full, PollStatus::Open).await?;
    let weight = snapshot_electorate(conn, &full.poll).await?;
    let now = db::now();
    let mut row: poll::ActiveModel = full.poll.clone().into();
    row.status = Set(PollStatus::Open.as_str().to_string());
    row.opened_at = Set(Some(now));
    row.updated_at = Set(now);
    row.electorate_weight = Set(weight);
    if full.poll.secret {
        row.secret_salt = Set(Some(new_token("")));
    }
    row.update(conn).await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "poll.open",
            entity: "poll",
            entity_id: Some(id),
        },
        Some(&json!({"status": "draft"})),
        Some(&json!({"status": "open", "electorate_weight": weight})),
    )
    .await?;
    if let Some(base_url) = base_url {
        let people: Vec<i64> = electorate(conn, id).await?.iter().filter_map(|e| e.person_id).collect();
        notify(conn, &full.poll, &people, Notice::Opened, base_url).await?;
    }
    Ok(())
}

/// Closes an open poll: counts it, stores the published result, carries out a passed
/// poll's effect on its proposal (or records a priority poll's order), tells the voters.
pub async fn close<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    id: i64,
    base_url: Option<&str>,
) -> AppResult<PollResult> {
    let full = get(conn, network_id, id).await?;
    transition(conn, &full, PollStatus::Closed).await?;
    let now = db::now();
    let mut result = count(conn, &full, now).await?;
    result.is_final = true;
    if full.poll.secret {
        shuffle_secret_ballots(conn, id).await?;
    }
    let mut row: poll::ActiveModel = full.poll.clone().into();
    row.status = Set(PollStatus::Closed.as_str().to_string());
    row.closed_at = Set(Some(now));
    row.updated_at = Set(now);
    row.secret_salt = Set(None);
    row.result = Set(Some(serde_json::to_string(&result).map_err(anyhow::Error::from)?));
    row.update(conn).await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "poll.close",
            entity: "poll",
            entity_id: Some(id),
        },
        Some(&json!({"status": "open"})),
        Some(&result),
    )
    .await?;
    apply_to_proposals(conn, &full, &result).await?;
    if let Some(base_url) = base_url {
        let people: Vec<i64> = electorate(conn, id).await?.iter().filter_map(|e| e.person_id).collect();
        notify(conn, &full.poll, &people, Notice::Result, base_url).await?;
    }
    Ok(result)
}

/// The proposal side of closing, kept apart: a linked poll's effect, a priority poll's order.
async fn apply_to_proposals<C: ConnectionTrait>(conn: &C, full: &PollFull, result: &PollResult) -> AppResult<()> {
    let p = &full.poll;
    if result.passed == Some(true)
        && let (Some(proposal_id), Some(effect)) = (p.proposal_id, p.effect.as_deref())
    {
        let effect: ProposalEffect = serde_json::from_str(effect).map_err(anyhow::Error::from)?;
        crate::proposals::apply_effect(conn, p.network_id, proposal_id, &effect, p.id).await?;
    }
    if p.priority {
        let by_option: HashMap<i64, i64> = full
            .options
            .iter()
            .filter_map(|o| o.proposal_id.map(|pid| (o.id, pid)))
            .collect();
        let ordered: Vec<i64> = result
            .ranking
            .iter()
            .filter_map(|o| by_option.get(o).copied())
            .collect();
        crate::proposals::set_network_priority(conn, p.network_id, p.id, &p.method, &ordered).await?;
    }
    Ok(())
}

/// Rewrites a secret poll's ballots in the order of their (salted, hence random) keys, with
/// one timestamp, so that neither row ids nor times can be matched with `poll_voters`.
async fn shuffle_secret_ballots<C: ConnectionTrait>(conn: &C, poll_id: i64) -> AppResult<()> {
    let mut all = ballot::Entity::find()
        .filter(ballot::Column::PollId.eq(poll_id))
        .all(conn)
        .await?;
    all.sort_by(|a, b| a.ballot_key.cmp(&b.ballot_key));
    ballot::Entity::delete_many()
        .filter(ballot::Column::PollId.eq(poll_id))
        .exec(conn)
        .await?;
    let at = db::now();
    for chunk in all.chunks(500) {
        ballot::Entity::insert_many(chunk.iter().map(|b| ballot::ActiveModel {
            poll_id: Set(poll_id),
            ballot_key: Set(b.ballot_key.clone()),
            content: Set(b.content.clone()),
            weight: Set(b.weight),
            receipt_hash: Set(b.receipt_hash.clone()),
            cast_at: Set(at),
            ..Default::default()
        }))
        .exec(conn)
        .await?;
    }
    Ok(())
}

// ---- results ----

/// A poll's result as the API and pages show it: options by id, never by index.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PollResult {
    pub poll_id: i64,
    /// decision, consent, approval, points, schulze or majority_judgment
    pub method: String,
    /// True once the poll is closed; false for a live count of an open poll.
    #[serde(rename = "final")]
    pub is_final: bool,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub computed_at: OffsetDateTime,
    /// Every option id, best first.
    pub ranking: Vec<i64>,
    /// Every option id tied for first (several on a tie; none when nothing won).
    pub winners: Vec<i64>,
    /// For decisions and consents: did it pass?
    pub passed: Option<bool>,
    /// Ballots counted and their total weight.
    pub ballots: u64,
    pub weight: u64,
    /// Total weight of who may vote, frozen at opening.
    pub electorate_weight: u64,
    /// How many voters may vote, and how many did: each voted once (one row each).
    pub electorate_size: u64,
    pub voters: u64,
    /// The method's explanation. Per-option figures are objects keyed by option id:
    /// decision `{yes, no, abstain, cast_weight, electorate_weight, quorum_percent,
    /// quorum_weight, quorum_met, threshold, yes_needed, threshold_reached, passed}`;
    /// consent `{consents, consent_weight, objections: [{weight, reason, organisation_id?}],
    /// objection_weight, passed}` (no organisation in a secret poll); approval
    /// `{approvals: {id: weight}}`; points `{points: {id: weight}, budget}`; schulze
    /// `{pairwise: {id: {id: weight}}, strongest_paths: {id: {id: strength}}, wins: {id: n},
    /// losses: {id: n}}`; majority_judgment `{grade_count, profiles: {id: {distribution
    /// (worst grade first), majority_grade, above, below}}, separations: [{ahead, behind,
    /// removed, higher_grade, lower_grade} | null]}`. Each has `method` and `tie_break`.
    #[schema(value_type = Object)]
    pub details: Value,
}

/// Counts a poll's ballots now.
async fn count<C: ConnectionTrait>(conn: &C, full: &PollFull, now: OffsetDateTime) -> AppResult<PollResult> {
    let method = full.method();
    let stored = ballot::Entity::find()
        .filter(ballot::Column::PollId.eq(full.poll.id))
        .order_by_asc(ballot::Column::BallotKey)
        .all(conn)
        .await?;
    let ballots: Vec<Ballot> = stored
        .iter()
        .filter_map(|b| {
            serde_json::from_str::<BallotContent>(&b.content)
                .ok()
                .map(|content| Ballot {
                    weight: b.weight.max(0) as u64,
                    content,
                })
        })
        .collect();
    let t = tally(
        &method,
        full.options.len(),
        full.poll.electorate_weight.max(0) as u64,
        &ballots,
    );
    let ids: Vec<i64> = full.options.iter().map(|o| o.id).collect();
    let id = |i: usize| ids.get(i).copied().unwrap_or_default();
    // Who objected, when names may be shown: the organisation behind each ballot key.
    let objector = |ballot_index: usize| -> Option<i64> {
        if full.poll.secret {
            return None;
        }
        stored
            .get(ballot_index)
            .and_then(|b| b.ballot_key.split_once(':'))
            .filter(|(kind, _)| *kind == "o")
            .and_then(|(_, id)| id.parse().ok())
    };
    let details = map_details(&t.details, &ids, &t.ranking, objector);
    let electorate_size = elector::Entity::find()
        .filter(elector::Column::PollId.eq(full.poll.id))
        .count(conn)
        .await?;
    let voters = voter::Entity::find()
        .filter(voter::Column::PollId.eq(full.poll.id))
        .count(conn)
        .await?;
    Ok(PollResult {
        poll_id: full.poll.id,
        method: method.kind().to_string(),
        is_final: false,
        computed_at: now,
        ranking: t.ranking.iter().map(|&i| id(i)).collect(),
        winners: t.winners.iter().map(|&i| id(i)).collect(),
        passed: t.passed,
        ballots: t.ballots,
        weight: t.weight,
        electorate_weight: full.poll.electorate_weight.max(0) as u64,
        electorate_size,
        voters,
        details,
    })
}

fn by_id<T: Serialize>(ids: &[i64], values: &[T]) -> Value {
    let mut m = Map::new();
    for (i, v) in values.iter().enumerate() {
        m.insert(
            ids.get(i).copied().unwrap_or_default().to_string(),
            serde_json::to_value(v).unwrap_or(Value::Null),
        );
    }
    Value::Object(m)
}

fn matrix_by_id(ids: &[i64], rows: &[Vec<u64>]) -> Value {
    let mut m = Map::new();
    for (i, row) in rows.iter().enumerate() {
        m.insert(ids.get(i).copied().unwrap_or_default().to_string(), by_id(ids, row));
    }
    Value::Object(m)
}

/// The domain's explanation with option indices replaced by option ids.
fn map_details(details: &Details, ids: &[i64], ranking: &[usize], objector: impl Fn(usize) -> Option<i64>) -> Value {
    let mut v = serde_json::to_value(details).unwrap_or(Value::Null);
    let Some(obj) = v.as_object_mut() else {
        return v;
    };
    match details {
        Details::Decision { .. } => {}
        Details::Consent { objections, .. } => {
            let list: Vec<Value> = objections
                .iter()
                .map(|o| {
                    let mut e = json!({"weight": o.weight, "reason": o.reason});
                    if let Some(org) = objector(o.ballot) {
                        e["organisation_id"] = org.into();
                    }
                    e
                })
                .collect();
            obj.insert("objections".into(), Value::Array(list));
        }
        Details::Approval { approvals, .. } => {
            obj.insert("approvals".into(), by_id(ids, approvals));
        }
        Details::Points { points, .. } => {
            obj.insert("points".into(), by_id(ids, points));
        }
        Details::Schulze {
            pairwise,
            strongest_paths,
            wins,
            losses,
            ..
        } => {
            obj.insert("pairwise".into(), matrix_by_id(ids, pairwise));
            obj.insert("strongest_paths".into(), matrix_by_id(ids, strongest_paths));
            obj.insert("wins".into(), by_id(ids, wins));
            obj.insert("losses".into(), by_id(ids, losses));
        }
        Details::MajorityJudgment {
            profiles, separations, ..
        } => {
            obj.insert("profiles".into(), by_id(ids, profiles));
            let seps: Vec<Value> = separations
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let ahead = ranking.get(i).and_then(|&o| ids.get(o)).copied();
                    let behind = ranking.get(i + 1).and_then(|&o| ids.get(o)).copied();
                    match s {
                        Some(s) => json!({"ahead": ahead, "behind": behind, "removed": s.removed,
                            "higher_grade": s.higher_grade, "lower_grade": s.lower_grade}),
                        None => json!({"ahead": ahead, "behind": behind, "tied": true}),
                    }
                })
                .collect();
            obj.insert("separations".into(), Value::Array(seps));
        }
    }
    v
}

/// The result a person may see: the stored one once closed; a live count while open
/// unless results are hidden until closing; nothing for a draft.
pub async fn result<C: ConnectionTrait>(conn: &C, full: &PollFull) -> AppResult<PollResult> {
    match full.status() {
        PollStatus::Closed => {
            let stored = full.poll.result.as_deref().ok_or(AppError::NotFound)?;
            let mut r: PollResult = serde_json::from_str(stored).map_err(anyhow::Error::from)?;
            r.is_final = true;
            Ok(r)
        }
        PollStatus::Open if !full.poll.hide_results => {
            let mut r = count(conn, full, db::now()).await?;
            r.is_final = false;
            Ok(r)
        }
        PollStatus::Open => Err(AppError::Conflict("poll-results-hidden")),
        PollStatus::Draft => Err(AppError::Conflict("poll-not-open")),
    }
}

// ---- ballots ----

/// A ballot as sent: the field the poll's method needs (option ids, not indices).
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BallotInput {
    /// The organisation voted for: needed only when the caller may vote for several
    /// (own organisation and proxies), or when an administrator records a ballot.
    #[serde(default)]
    pub organisation_id: Option<i64>,
    /// schulze: option ids, best first.
    #[serde(default)]
    pub ranking: Option<Vec<i64>>,
    /// approval: approved option ids.
    #[serde(default)]
    pub approvals: Option<Vec<i64>>,
    /// points: points per option id.
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub points: Option<BTreeMap<i64, i64>>,
    /// majority_judgment: grade per option id, 0 (worst) to grade_count - 1.
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub grades: Option<BTreeMap<i64, i64>>,
    /// decision: yes, no or abstain.
    #[serde(default)]
    pub choice: Option<String>,
    /// consent: the reason of an objection (absent or null: consent).
    #[serde(default)]
    pub objection: Option<String>,
}

fn ballot_error(field: &str, e: BallotError) -> AppError {
    let code = match e {
        BallotError::WrongKind { .. } => "poll-wrong-ballot",
        BallotError::UnknownOption(_) => "poll-unknown-option",
        BallotError::DuplicateOption(_) => "poll-ranked-twice",
        BallotError::OverBudget { .. } => "poll-over-budget",
        BallotError::UnknownGrade { .. } => "poll-unknown-grade",
        BallotError::EmptyObjectionReason => "poll-objection-reason",
    };
    AppError::invalid(field, code)
}

/// Translates a ballot into the domain's terms and validates it.
pub fn parse_ballot(full: &PollFull, input: &BallotInput) -> AppResult<BallotContent> {
    let method = full.method();
    let n = full.options.len();
    // An unknown id maps past the last option: the domain reports it as unknown.
    let idx = |id: i64| full.index_of(id).unwrap_or(n + 1);
    let wrong = || AppError::invalid("ballot", "poll-wrong-ballot");
    let (field, content) = match method {
        Method::Decision { .. } => {
            let choice = match input.choice.as_deref().map(str::trim) {
                Some("yes") => Choice::Yes,
                Some("no") => Choice::No,
                Some("abstain") => Choice::Abstain,
                Some(_) => return Err(AppError::invalid("choice", "invalid-choice")),
                None => return Err(wrong()),
            };
            ("choice", BallotContent::Choice(choice))
        }
        Method::Consent => (
            "objection",
            BallotContent::Consent {
                objection: input.objection.clone(),
            },
        ),
        Method::Approval => {
            let ids = input.approvals.as_ref().ok_or_else(wrong)?;
            let mut set = BTreeSet::new();
            for &id in ids {
                if !set.insert(idx(id)) {
                    return Err(AppError::invalid("approvals", "poll-ranked-twice"));
                }
            }
            ("approvals", BallotContent::Approvals(set))
        }
        Method::Points { budget } => {
            let points = input.points.as_ref().ok_or_else(wrong)?;
            let mut map = BTreeMap::new();
            for (&id, &p) in points {
                if p < 0 {
                    return Err(AppError::invalid("points", "poll-negative-points"));
                }
                let p = u32::try_from(p).unwrap_or(budget.saturating_add(1));
                map.insert(idx(id), p);
            }
            ("points", BallotContent::Points(map))
        }
        Method::Schulze => {
            let ranking = input.ranking.as_ref().ok_or_else(wrong)?;
            (
                "ranking",
                BallotContent::Ranking(ranking.iter().map(|&id| idx(id)).collect()),
            )
        }
        Method::MajorityJudgment { .. } => {
            let grades = input.grades.as_ref().ok_or_else(wrong)?;
            let mut map = BTreeMap::new();
            for (&id, &g) in grades {
                let g = u8::try_from(g).map_err(|_| AppError::invalid("grades", "poll-unknown-grade"))?;
                map.insert(idx(id), g);
            }
            ("grades", BallotContent::Grades(map))
        }
    };
    validate_ballot(&method, n, &content).map_err(|e| ballot_error(field, e))?;
    Ok(content)
}

/// Who a ballot is cast for, and whether it was recorded by a facilitator.
pub struct VoterChoice {
    pub elector: elector::Model,
    pub recorded_by: Option<i64>,
}

/// May `user` vote for this elector (as representative, delegate or proxy holder)?
fn may_cast(user: &CurrentUser, e: &elector::Model, mandates: &[mandate::Model]) -> (bool, bool) {
    let Some(org) = e.organisation_id else {
        return (false, false);
    };
    match mandates.iter().find(|m| m.organisation_id == org) {
        Some(m) if m.kind == MANDATE_DELEGATE => (m.person_id == Some(user.person_id), false),
        Some(m) => (false, m.holder_organisation_id.is_some_and(|h| user.represents(h))),
        None => (user.represents(org), false),
    }
}

/// Finds the elector the caller votes for. In an organisations poll: the organisation
/// asked for, or else the one the caller represents (or holds a delegation for), or else
/// the only one whose proxy they hold. An administrator may record any organisation's
/// ballot. In a people poll: the caller.
pub fn choose_voter(
    user: &CurrentUser,
    full: &PollFull,
    electors: &[elector::Model],
    mandates: &[mandate::Model],
    organisation_id: Option<i64>,
) -> AppResult<VoterChoice> {
    if full.poll.electorate == ELECTORATE_PEOPLE {
        let key = format!("p:{}", user.person_id);
        let e = electors
            .iter()
            .find(|e| e.voter_key == key)
            .ok_or(AppError::Forbidden)?;
        return Ok(VoterChoice {
            elector: e.clone(),
            recorded_by: None,
        });
    }
    if let Some(org) = organisation_id {
        let key = format!("o:{org}");
        let e = electors
            .iter()
            .find(|e| e.voter_key == key)
            .ok_or(AppError::Forbidden)?;
        let (own, proxy) = may_cast(user, e, mandates);
        return if own || proxy {
            Ok(VoterChoice {
                elector: e.clone(),
                recorded_by: None,
            })
        } else if user.is_admin() {
            Ok(VoterChoice {
                elector: e.clone(),
                recorded_by: Some(user.person_id),
            })
        } else {
            Err(AppError::Forbidden)
        };
    }
    let mut own = Vec::new();
    let mut proxies = Vec::new();
    for e in electors {
        match may_cast(user, e, mandates) {
            (true, _) => own.push(e),
            (_, true) => proxies.push(e),
            _ => {}
        }
    }
    let e = match (own.first(), proxies.len()) {
        (Some(e), _) => *e,
        (None, 1) => proxies[0],
        (None, 0) => return Err(AppError::Forbidden),
        (None, _) => return Err(AppError::invalid("organisation_id", "required")),
    };
    Ok(VoterChoice {
        elector: e.clone(),
        recorded_by: None,
    })
}

/// A cast ballot's receipt: shown once to the voter, who can check it with the poll.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Receipt {
    pub poll_id: i64,
    pub organisation_id: Option<i64>,
    /// Keep this code: it proves your ballot is counted (GET /api/v1/polls/{id}/receipts/{code}).
    pub receipt: String,
    /// True when this ballot replaced an earlier one.
    pub replaced: bool,
    /// The facilitator who recorded it, when recorded at a physical assembly.
    pub recorded_by: Option<i64>,
}

/// Casts (or replaces) a ballot, in the caller's transaction.
pub async fn cast<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    network_id: i64,
    poll_id: i64,
    input: &BallotInput,
) -> AppResult<Receipt> {
    let full = get(conn, network_id, poll_id).await?;
    match full.status() {
        PollStatus::Open => {}
        PollStatus::Closed => return Err(AppError::invalid("poll", "poll-closed")),
        PollStatus::Draft => return Err(AppError::invalid("poll", "poll-not-open")),
    }
    let electors = electorate(conn, poll_id).await?;
    let mandates = mandates(conn, poll_id).await?;
    let choice = choose_voter(user, &full, &electors, &mandates, input.organisation_id)?;
    let content = parse_ballot(&full, input)?;
    let e = &choice.elector;
    let (receipt, replaced) = store_ballot(conn, &full, e, &content, user.person_id, choice.recorded_by).await?;
    // The audit log says who voted (and who recorded it), never what: even an open
    // ballot's content is in the ballots table only.
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor: Actor::person(user.person_id),
            action: if choice.recorded_by.is_some() {
                "poll.ballot.recorded"
            } else {
                "poll.ballot"
            },
            entity: "poll",
            entity_id: Some(poll_id),
        },
        None::<&()>,
        Some(&json!({"voter": e.voter_key, "replaced": replaced})),
    )
    .await?;
    Ok(Receipt {
        poll_id,
        organisation_id: e.organisation_id,
        receipt,
        replaced,
        recorded_by: choice.recorded_by,
    })
}

/// Stores (or replaces) an elector's ballot and the record that they voted; returns the
/// receipt code and whether an earlier ballot was replaced.
pub async fn store_ballot<C: ConnectionTrait>(
    conn: &C,
    full: &PollFull,
    e: &elector::Model,
    content: &BallotContent,
    cast_by: i64,
    recorded_by: Option<i64>,
) -> AppResult<(String, bool)> {
    let poll_id = full.poll.id;
    let ballot_key = match (&full.poll.secret, &full.poll.secret_salt) {
        (true, Some(salt)) => hash_token(&format!("{salt}{}", e.voter_key)),
        _ => e.voter_key.clone(),
    };
    let receipt = new_token("r-");
    let now = db::now();
    let cast_at = if full.poll.secret {
        full.poll.opened_at.unwrap_or(now)
    } else {
        now
    };
    let replaced = voter::Entity::find()
        .filter(voter::Column::PollId.eq(poll_id))
        .filter(voter::Column::VoterKey.eq(e.voter_key.clone()))
        .one(conn)
        .await?
        .is_some();
    ballot::Entity::insert(ballot::ActiveModel {
        poll_id: Set(poll_id),
        ballot_key: Set(ballot_key),
        content: Set(serde_json::to_string(content).map_err(anyhow::Error::from)?),
        weight: Set(e.weight),
        receipt_hash: Set(hash_token(&receipt)),
        cast_at: Set(cast_at),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([ballot::Column::PollId, ballot::Column::BallotKey])
            .update_columns([
                ballot::Column::Content,
                ballot::Column::Weight,
                ballot::Column::ReceiptHash,
                ballot::Column::CastAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    voter::Entity::insert(voter::ActiveModel {
        poll_id: Set(poll_id),
        voter_key: Set(e.voter_key.clone()),
        organisation_id: Set(e.organisation_id),
        cast_by: Set(cast_by),
        recorded_by: Set(recorded_by),
        voted_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([voter::Column::PollId, voter::Column::VoterKey])
            .update_columns([voter::Column::CastBy, voter::Column::RecordedBy, voter::Column::VotedAt])
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok((receipt, replaced))
}

/// Is a receipt's ballot in the count? (The ballot, not the voter, is shown.)
pub async fn check_receipt<C: ConnectionTrait>(conn: &C, poll_id: i64, code: &str) -> AppResult<bool> {
    Ok(ballot::Entity::find()
        .filter(ballot::Column::PollId.eq(poll_id))
        .filter(ballot::Column::ReceiptHash.eq(hash_token(code)))
        .one(conn)
        .await?
        .is_some())
}

// ---- delegations and proxies ----

/// Hands an organisation's vote in one poll to another person of the same organisation
/// (`delegate`) or to another member organisation's representative (`proxy`). Replaces an
/// earlier mandate of that organisation for the poll.
pub async fn give_mandate<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    network_id: i64,
    poll_id: i64,
    organisation_id: Option<i64>,
    kind: &'static str,
    target: i64,
) -> AppResult<mandate::Model> {
    let full = get(conn, network_id, poll_id).await?;
    if full.status() != PollStatus::Open {
        return Err(AppError::Conflict("poll-not-open"));
    }
    if full.poll.electorate != ELECTORATE_ORGANISATIONS {
        return Err(AppError::Conflict("poll-mandate-people"));
    }
    let org = match organisation_id {
        Some(o) => o,
        None => user
            .organisations
            .iter()
            .find(|o| o.is_representative)
            .map(|o| o.id)
            .ok_or(AppError::Forbidden)?,
    };
    user.require(user.represents(org) || user.is_admin())?;
    let electors = electorate(conn, poll_id).await?;
    if !electors.iter().any(|e| e.organisation_id == Some(org)) {
        return Err(AppError::Forbidden);
    }
    let (person_id, holder) = if kind == MANDATE_DELEGATE {
        let member = crate::entities::affiliation::Entity::find()
            .filter(crate::entities::affiliation::Column::OrganisationId.eq(org))
            .filter(crate::entities::affiliation::Column::PersonId.eq(target))
            .one(conn)
            .await?
            .is_some();
        if !member {
            return Err(AppError::invalid("person_id", "not-in-organisation"));
        }
        (Some(target), None)
    } else {
        if target == org || !electors.iter().any(|e| e.organisation_id == Some(target)) {
            return Err(AppError::invalid("holder_organisation_id", "poll-proxy-holder"));
        }
        let held = mandate::Entity::find()
            .filter(mandate::Column::PollId.eq(poll_id))
            .filter(mandate::Column::HolderOrganisationId.eq(target))
            .filter(mandate::Column::OrganisationId.ne(org))
            .count(conn)
            .await? as i64;
        if held >= full.poll.max_proxies {
            return Err(AppError::Conflict("poll-proxy-limit"));
        }
        if mandate::Entity::find()
            .filter(mandate::Column::PollId.eq(poll_id))
            .filter(mandate::Column::OrganisationId.eq(target))
            .filter(mandate::Column::Kind.eq(MANDATE_PROXY))
            .one(conn)
            .await?
            .is_some()
        {
            // A proxy holder that gave its own vote away would pass it on: refused.
            return Err(AppError::invalid("holder_organisation_id", "poll-proxy-holder"));
        }
        (None, Some(target))
    };
    mandate::Entity::delete_many()
        .filter(mandate::Column::PollId.eq(poll_id))
        .filter(mandate::Column::OrganisationId.eq(org))
        .exec(conn)
        .await?;
    let row = mandate::ActiveModel {
        poll_id: Set(poll_id),
        organisation_id: Set(org),
        kind: Set(kind.to_string()),
        person_id: Set(person_id),
        holder_organisation_id: Set(holder),
        created_by: Set(user.person_id),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor: Actor::person(user.person_id),
            action: if kind == MANDATE_DELEGATE {
                "poll.delegate"
            } else {
                "poll.proxy"
            },
            entity: "poll",
            entity_id: Some(poll_id),
        },
        None::<&()>,
        Some(&row),
    )
    .await?;
    Ok(row)
}

// ---- what waits for a person ----

/// Open polls in which the person may still cast a ballot that was not cast yet:
/// (poll, organisation voted for, if any).
pub async fn waiting_for<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
) -> AppResult<Vec<(poll::Model, Option<i64>)>> {
    // The open polls of the network, as a sub-query: only the rows that concern this
    // person are read (its organisations' electors and mandates, mandates it holds,
    // its own elector in people polls), never the whole frozen electorates (hundreds
    // of thousands of rows in a federation), nor the polls that do not concern it.
    let open = || {
        sea_orm::sea_query::Query::select()
            .column(poll::Column::Id)
            .from(poll::Entity)
            .and_where(poll::Column::NetworkId.eq(user.network.id))
            .and_where(poll::Column::Status.eq(PollStatus::Open.as_str()))
            .take()
    };
    let my_orgs: Vec<i64> = user.organisations.iter().map(|o| o.id).collect();
    let represented: Vec<i64> = user
        .organisations
        .iter()
        .filter(|o| o.is_representative)
        .map(|o| o.id)
        .collect();
    let all_mandates = mandate::Entity::find()
        .filter(mandate::Column::PollId.in_subquery(open()))
        .filter(
            Condition::any()
                .add(mandate::Column::OrganisationId.is_in(my_orgs.clone()))
                .add(mandate::Column::PersonId.eq(user.person_id))
                .add(mandate::Column::HolderOrganisationId.is_in(represented)),
        )
        .all(conn)
        .await?;
    let mut orgs: BTreeSet<i64> = my_orgs.into_iter().collect();
    orgs.extend(all_mandates.iter().map(|m| m.organisation_id));
    // Two look-ups, each served by an index (by organisation; by person and poll),
    // rather than one OR that SQLite answers by reading every open poll's electorate.
    let mut electors = if orgs.is_empty() {
        Vec::new()
    } else {
        elector::Entity::find()
            .filter(elector::Column::OrganisationId.is_in(orgs))
            .filter(elector::Column::PollId.in_subquery(open()))
            .all(conn)
            .await?
    };
    let known: BTreeSet<i64> = electors.iter().map(|e| e.id).collect();
    electors.extend(
        elector::Entity::find()
            .filter(elector::Column::PersonId.eq(user.person_id))
            .filter(elector::Column::PollId.in_subquery(open()))
            .all(conn)
            .await?
            .into_iter()
            .filter(|e| !known.contains(&e.id)),
    );
    if electors.is_empty() {
        return Ok(Vec::new());
    }
    let ids: BTreeSet<i64> = electors.iter().map(|e| e.poll_id).collect();
    let keys: Vec<String> = electors.iter().map(|e| e.voter_key.clone()).collect();
    let voted: BTreeSet<(i64, String)> = voter::Entity::find()
        .filter(voter::Column::PollId.is_in(ids.clone()))
        .filter(voter::Column::VoterKey.is_in(keys))
        .all(conn)
        .await?
        .into_iter()
        .map(|v| (v.poll_id, v.voter_key))
        .collect();
    let open = poll::Entity::find()
        .filter(poll::Column::Id.is_in(ids))
        .order_by_asc(poll::Column::ClosesAt)
        .order_by_asc(poll::Column::Id)
        .all(conn)
        .await?;
    let mut out = Vec::new();
    for p in open {
        let mandates: Vec<mandate::Model> = all_mandates.iter().filter(|m| m.poll_id == p.id).cloned().collect();
        for e in electors.iter().filter(|e| e.poll_id == p.id) {
            if voted.contains(&(p.id, e.voter_key.clone())) {
                continue;
            }
            let mine = if p.electorate == ELECTORATE_PEOPLE {
                e.person_id == Some(user.person_id)
            } else {
                let (own, proxy) = may_cast(user, e, &mandates);
                own || proxy
            };
            if mine {
                out.push((
                    p.clone(),
                    e.organisation_id.filter(|_| p.electorate == ELECTORATE_ORGANISATIONS),
                ));
            }
        }
    }
    Ok(out)
}

// ---- emails ----

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    Opened,
    Reminder,
    Result,
}

/// Emails the given people about a poll, each in their language, in the caller's transaction.
pub async fn notify<C: ConnectionTrait>(
    conn: &C,
    p: &poll::Model,
    person_ids: &[i64],
    notice: Notice,
    base_url: &str,
) -> AppResult<usize> {
    if person_ids.is_empty() {
        return Ok(0);
    }
    let n = network::Entity::find_by_id(p.network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let people = person::Entity::find()
        .filter(person::Column::Id.is_in(person_ids.to_vec()))
        .filter(person::Column::Disabled.eq(false))
        .all(conn)
        .await?;
    let url = format!("{base_url}/polls/{}", p.id);
    let (kind, subject, body, action) = match notice {
        Notice::Opened => (
            "poll_opened",
            "polls-mail-opened-subject",
            "polls-mail-opened-body",
            "polls-mail-vote",
        ),
        Notice::Reminder => (
            "poll_reminder",
            "polls-mail-reminder-subject",
            "polls-mail-reminder-body",
            "polls-mail-vote",
        ),
        Notice::Result => (
            "poll_result",
            "polls-mail-result-subject",
            "polls-mail-result-body",
            "polls-mail-see-result",
        ),
    };
    let url = if notice == Notice::Result {
        format!("{url}/result")
    } else {
        url
    };
    for person in &people {
        let lang = person
            .language
            .as_deref()
            .and_then(Lang::parse)
            .or(Lang::parse(&n.default_language))
            .unwrap_or(Lang::En);
        let closes = p
            .closes_at
            .map(|c| crate::web::format::datetime(&c, &n.time_zone, lang))
            .unwrap_or_else(|| lang.t("polls-no-deadline"));
        let args = [
            ("title", Arg::from(p.title.as_str())),
            ("closes", Arg::from(closes.as_str())),
        ];
        let mail = Content::new(lang, lang.t_args(subject, &args), &person.name, &n.name)
            .para(lang.t_args(body, &args))
            .action(lang.t(action), url.clone())
            .into_mail(kind, &person.email, &person.name, Some(p.network_id))?;
        mail::enqueue(conn, mail).await?;
    }
    Ok(people.len())
}

/// Reminds, once per poll, the voters of polls closing within 24 hours who have not voted.
pub async fn send_reminders(state: &crate::state::AppState) -> AppResult<()> {
    let now = db::now();
    let due = poll::Entity::find()
        .filter(poll::Column::Status.eq(PollStatus::Open.as_str()))
        .filter(poll::Column::ClosesAt.gt(now))
        .filter(poll::Column::ClosesAt.lte(now + time::Duration::hours(24)))
        .all(&state.db.read)
        .await?;
    for p in due {
        if !crate::jobs::claim(state, "poll_reminder", &p.id.to_string()).await? {
            continue;
        }
        let electors = electorate(&state.db.read, p.id).await?;
        let voted: BTreeSet<String> = voters(&state.db.read, p.id)
            .await?
            .into_iter()
            .map(|v| v.voter_key)
            .collect();
        let mandates = mandates(&state.db.read, p.id).await?;
        let mut people: Vec<i64> = Vec::new();
        for e in electors.iter().filter(|e| !voted.contains(&e.voter_key)) {
            people.extend(e.person_id);
            if let Some(m) = mandates.iter().find(|m| Some(m.organisation_id) == e.organisation_id) {
                people.extend(m.person_id);
            }
        }
        people.sort_unstable();
        people.dedup();
        let txn = sea_orm::TransactionTrait::begin(&state.db.write).await?;
        notify(&txn, &p, &people, Notice::Reminder, &state.config.base_url).await?;
        txn.commit().await?;
        state.mail_wakeup.notify_one();
    }
    Ok(())
}

/// Closes the open polls whose closing time has passed (as the system).
pub async fn close_due(state: &crate::state::AppState) -> AppResult<()> {
    let now = db::now();
    let due = poll::Entity::find()
        .filter(poll::Column::Status.eq(PollStatus::Open.as_str()))
        .filter(poll::Column::ClosesAt.lte(now))
        .all(&state.db.read)
        .await?;
    for p in due {
        let txn = sea_orm::TransactionTrait::begin(&state.db.write).await?;
        match close(&txn, Actor::SYSTEM, p.network_id, p.id, Some(&state.config.base_url)).await {
            Ok(_) => {
                txn.commit().await?;
                state.mail_wakeup.notify_one();
            }
            Err(AppError::Conflict(_)) => {}
            Err(e) => tracing::warn!(poll = p.id, error = %e, "closing a due poll failed"),
        }
    }
    Ok(())
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
