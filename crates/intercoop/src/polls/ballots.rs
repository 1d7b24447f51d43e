//! Ballots: who votes for which elector (representative, delegate, proxy holder, or a
//! facilitator recording a ballot at an assembly), casting or replacing a ballot, receipts.

use super::data::{PollFull, get};
use super::electorate::{electorate, mandates};
use super::entities::{ballot, elector, mandate, voter};
use crate::audit::{self, Actor, Change};
use crate::auth::CurrentUser;
use crate::auth::tokens::{hash_token, new_token};
use crate::db;
use crate::error::{AppError, AppResult};
use intercoop_domain::voting::{BallotContent, BallotError, Choice, Method, PollStatus, validate_ballot};
use intercoop_domain::voting::{Electorate, MandateKind};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

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

pub(super) fn ballot_error(field: &str, e: BallotError) -> AppError {
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
pub(super) fn may_cast(user: &CurrentUser, e: &elector::Model, mandates: &[mandate::Model]) -> (bool, bool) {
    let Some(org) = e.organisation_id else {
        return (false, false);
    };
    match mandates.iter().find(|m| m.organisation_id == org) {
        Some(m) if m.kind == MandateKind::Delegate => (m.person_id == Some(user.person_id), false),
        Some(m) => (false, m.holder_organisation_id.is_some_and(|h| user.sits_for(h))),
        None => (user.sits_for(org), false),
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
    if full.poll.electorate == Electorate::People {
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
        content: Set(crate::db::types::Json(content.clone())),
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
