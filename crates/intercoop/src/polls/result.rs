//! A poll's result as the API and pages show it: the domain's tally with option ids,
//! stored when the poll closes, or counted live while it is open.

use super::data::PollFull;
use super::entities::{ballot, elector, voter};
use crate::db;
use crate::error::{AppError, AppResult};
use intercoop_domain::voting::{Ballot, Details, PollStatus, tally};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use time::OffsetDateTime;

/// A poll's result as the API and pages show it: options by id, never by index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
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
    /// Every option id, best first. Options the method leaves equal follow their
    /// creation order here, and share a rank in `ranks`.
    pub ranking: Vec<i64>,
    /// The rank of each option of `ranking`, in the same order: options the method
    /// leaves equal share the best rank of their group, and the next counts them
    /// ("1, 2, 2, 4": `competition_ranks`). Derived from `details` whenever a result
    /// is read or counted ([`PollResult::ranked`]); a stored copy is never read.
    #[serde(default)]
    pub ranks: Vec<u32>,
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
pub(super) async fn count<C: ConnectionTrait>(conn: &C, full: &PollFull, now: OffsetDateTime) -> AppResult<PollResult> {
    let method = full.method();
    let stored = ballot::Entity::find()
        .filter(ballot::Column::PollId.eq(full.poll.id))
        .order_by_asc(ballot::Column::BallotKey)
        .all(conn)
        .await?;
    let ballots: Vec<Ballot> = stored
        .iter()
        .map(|b| Ballot {
            weight: b.weight.max(0) as u64,
            content: b.content.0.clone(),
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
        ranks: Vec::new(),
        winners: t.winners.iter().map(|&i| id(i)).collect(),
        passed: t.passed,
        ballots: t.ballots,
        weight: t.weight,
        electorate_weight: full.poll.electorate_weight.max(0) as u64,
        electorate_size,
        voters,
        details,
    }
    .ranked())
}

impl PollResult {
    /// The result with its `ranks`, from what decided each place (the method's own
    /// figures in `details`): approvals, points, a Schulze option's (losses, wins) —
    /// the order `intercoop_domain::voting` ranks by —, a majority judgment's
    /// separations (`tied` between neighbours). Yes, no and abstain of a decision or
    /// a consent are not a ranking: each its own place.
    #[must_use]
    pub fn ranked(mut self) -> PollResult {
        let per = |key: &str, id: i64| {
            self.details
                .get(key)
                .and_then(|m| m.get(id.to_string()))
                .and_then(Value::as_u64)
                .unwrap_or(0)
        };
        let keys: Vec<(u64, u64)> = match self.method.as_str() {
            "approval" => self.ranking.iter().map(|&id| (per("approvals", id), 0)).collect(),
            "points" => self.ranking.iter().map(|&id| (per("points", id), 0)).collect(),
            "schulze" => self
                .ranking
                .iter()
                .map(|&id| (per("losses", id), per("wins", id)))
                .collect(),
            "majority_judgment" => {
                let tied = |i: usize| {
                    self.details
                        .get("separations")
                        .and_then(|s| s.get(i))
                        .and_then(|s| s.get("tied"))
                        .and_then(Value::as_bool)
                        .unwrap_or(false)
                };
                let mut group = 0u64;
                (0..self.ranking.len())
                    .map(|i| {
                        if i > 0 && !tied(i - 1) {
                            group += 1;
                        }
                        (group, 0)
                    })
                    .collect()
            }
            _ => (0..self.ranking.len() as u64).map(|i| (i, 0)).collect(),
        };
        self.ranks = intercoop_domain::voting::competition_ranks(&keys);
        self
    }

    /// Is the option at place `i` of the ranking tied with another?
    pub fn tied_at(&self, i: usize) -> bool {
        let Some(&rank) = self.ranks.get(i) else {
            return false;
        };
        self.ranks.iter().filter(|&&r| r == rank).count() > 1
    }
}

pub(super) fn by_id<T: Serialize>(ids: &[i64], values: &[T]) -> Value {
    let mut m = Map::new();
    for (i, v) in values.iter().enumerate() {
        m.insert(
            ids.get(i).copied().unwrap_or_default().to_string(),
            serde_json::to_value(v).unwrap_or(Value::Null),
        );
    }
    Value::Object(m)
}

pub(super) fn matrix_by_id(ids: &[i64], rows: &[Vec<u64>]) -> Value {
    let mut m = Map::new();
    for (i, row) in rows.iter().enumerate() {
        m.insert(ids.get(i).copied().unwrap_or_default().to_string(), by_id(ids, row));
    }
    Value::Object(m)
}

/// The domain's explanation with option indices replaced by option ids.
pub(super) fn map_details(
    details: &Details,
    ids: &[i64],
    ranking: &[usize],
    objector: impl Fn(usize) -> Option<i64>,
) -> Value {
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
            let mut r: PollResult = full.poll.result.clone().ok_or(AppError::NotFound)?.0.ranked();
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
