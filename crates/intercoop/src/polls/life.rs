//! A poll's life: opening (the electorate frozen, the voters told) and closing (the
//! result counted and published, its effect on a proposal carried out, the voters told).

use super::data::{PollFull, get};
use super::electorate::snapshot_electorate;
use super::entities::{ballot, poll};
use super::result::{PollResult, count};
use crate::audit::{self, Actor, Change};
use crate::auth::tokens::new_token;
use crate::db;
use crate::error::{AppError, AppResult};
use crate::events::{Event, PollClosed, PriorityOrder};
use intercoop_domain::voting::{PollStatus, check_poll_transition};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use std::collections::HashMap;

/// Moves a poll to `to`, if allowed and if nobody moved it meanwhile: the conditional update
/// makes two instances (or two facilitators) closing at once close it exactly once.
pub(super) async fn transition<C: ConnectionTrait>(conn: &C, full: &PollFull, to: PollStatus) -> AppResult<()> {
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
pub async fn open<C: ConnectionTrait>(conn: &C, actor: Actor, network_id: i64, id: i64) -> AppResult<()> {
    let full = get(conn, network_id, id).await?;
    if full.status() == PollStatus::Draft && full.poll.closes_at.is_some_and(|c| c <= crate::clock::now()) {
        return Err(AppError::invalid("closes_at", "poll-closes-past"));
    }
    // The proposal may have moved since the poll was drafted: its effect is checked again.
    if full.status() == PollStatus::Draft {
        let options: Vec<(String, Option<i64>)> =
            full.options.iter().map(|o| (o.label.clone(), o.proposal_id)).collect();
        super::data::check_proposals(
            conn,
            network_id,
            full.poll.proposal_id,
            full.poll.effect.as_ref().map(|e| &e.0),
            &options,
        )
        .await?;
    }
    transition(conn, &full, PollStatus::Open).await?;
    let weight = snapshot_electorate(conn, &full.poll).await?;
    let now = db::now();
    let mut row: poll::ActiveModel = full.poll.clone().into();
    row.status = Set(PollStatus::Open.into());
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
    if let Some(closes) = full.poll.closes_at {
        super::jobs::close_and_remind(conn, &full.poll, now, closes).await?;
    }
    super::notifications::opened(conn, &full.poll).await?;
    Ok(())
}

/// Closes an open poll: counts it, stores the published result, records the event
/// `poll_closed` (the proposals feature carries out a passed poll's effect, or records a
/// priority poll's order, from it: closing never waits for, nor fails with, them) and
/// tells the voters.
pub async fn close<C: ConnectionTrait>(conn: &C, actor: Actor, network_id: i64, id: i64) -> AppResult<PollResult> {
    let full = get(conn, network_id, id).await?;
    transition(conn, &full, PollStatus::Closed).await?;
    let now = db::now();
    let mut result = count(conn, &full, now).await?;
    result.is_final = true;
    if full.poll.secret {
        shuffle_secret_ballots(conn, id).await?;
        // The answers kept for retried ballots hold their receipts and their askers.
        let since = full.poll.opened_at.unwrap_or(full.poll.created_at);
        crate::idempotency::forget_answers(conn, network_id, since, |answer| {
            answer["poll_id"].as_i64() == Some(id) && answer.get("receipt").is_some()
        })
        .await?;
        super::jobs::forget(conn, &full.poll).await?;
    }
    let mut row: poll::ActiveModel = full.poll.clone().into();
    row.status = Set(PollStatus::Closed.into());
    row.closed_at = Set(Some(now));
    row.updated_at = Set(now);
    row.secret_salt = Set(None);
    row.result = Set(Some(crate::db::types::Json(result.clone())));
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
    crate::events::publish(conn, Event::PollClosed(closed_event(&full, &result)?)).await?;
    super::notifications::closed(conn, &full.poll).await?;
    Ok(result)
}

/// What closing tells the features that react: the result, the effect on the proposal
/// the poll decides, a priority poll's order of proposals.
fn closed_event(full: &PollFull, result: &PollResult) -> AppResult<PollClosed> {
    let p = &full.poll;
    let priority = p.priority.then(|| {
        let by_option: HashMap<i64, i64> = full
            .options
            .iter()
            .filter_map(|o| o.proposal_id.map(|pid| (o.id, pid)))
            .collect();
        let (proposal_ids, places): (Vec<i64>, Vec<u32>) = result
            .ranking
            .iter()
            .zip(&result.ranks)
            .filter_map(|(o, rank)| by_option.get(o).map(|&pid| (pid, *rank)))
            .unzip();
        PriorityOrder {
            method: p.method.0,
            proposal_ids,
            // Ranked again among the proposals alone: an option without one leaves no gap.
            ranks: Some(intercoop_domain::voting::competition_ranks(&places)),
        }
    });
    Ok(PollClosed {
        poll_id: p.id,
        network_id: p.network_id,
        passed: result.passed,
        proposal_id: p.proposal_id,
        effect: p
            .effect
            .as_ref()
            .map(|e| serde_json::to_value(&e.0))
            .transpose()
            .map_err(anyhow::Error::from)?,
        priority,
    })
}

/// Rewrites a secret poll's ballots in the order of their (salted, hence random) keys, with
/// one timestamp, so that neither row ids nor times can be matched with `poll_voters`.
pub(super) async fn shuffle_secret_ballots<C: ConnectionTrait>(conn: &C, poll_id: i64) -> AppResult<()> {
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
