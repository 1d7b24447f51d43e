//! Moving a proposal along its lifecycle (`intercoop_domain::lifecycle`): the steps a
//! person may take, the transition with its reason on the timeline and in the audit
//! log, and delivery.

use super::data::status_of;
use super::entities::{proposal, quote};
use super::policy;
use crate::access::Doer;
use crate::audit::{self, Change};
use crate::db;
use crate::error::{AppError, AppResult};
use crate::timeline::{EventInput, TimelineKind, add_event};
use intercoop_domain::lifecycle::{self, ProposalStatus, TransitionError};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

fn transition_error(e: TransitionError) -> AppError {
    match e {
        TransitionError::NotAllowed { .. } => AppError::Conflict("proposals-wrong-status"),
        TransitionError::Forbidden { .. } => AppError::Forbidden,
    }
}

/// Whether the lifecycle lets `doer` move `p` to `to` (409 when no one may, 403 when
/// another may).
pub async fn check_can_move<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    to: ProposalStatus,
) -> AppResult<()> {
    let provider = selected_provider(conn, p).await?;
    policy::move_to(doer, p, provider, to).map_err(transition_error)
}

async fn selected_provider<C: ConnectionTrait>(conn: &C, p: &proposal::Model) -> AppResult<Option<i64>> {
    Ok(match p.selected_quote_id {
        Some(q) => quote::Entity::find_by_id(q).one(conn).await?.map(|q| q.provider_id),
        None => None,
    })
}

/// The statuses this person may move the proposal to (for the buttons).
pub async fn next_steps<C: ConnectionTrait>(
    conn: &C,
    p: &proposal::Model,
    doer: &Doer,
) -> AppResult<Vec<ProposalStatus>> {
    let provider = selected_provider(conn, p).await?;
    let steps: Vec<ProposalStatus> = lifecycle::next_steps(status_of(p), policy::actor(doer, p, provider))
        .into_iter()
        .filter(|s| !policy::has_own_step(*s))
        .collect();
    if !steps.contains(&ProposalStatus::Quoted) {
        return Ok(steps);
    }
    let quoted = sea_orm::PaginatorTrait::count(quote::Entity::find().filter(quote::Column::ProposalId.eq(p.id)), conn)
        .await?
        > 0;
    Ok(steps
        .into_iter()
        .filter(|s| quoted || *s != ProposalStatus::Quoted)
        .collect())
}

/// Moves a proposal as a person asks (the page's and the API's transition), checking the
/// lifecycle and the doer's role: the co-funding steps are refused (409), they have
/// their own (`proposals::cofunding`: opening with its terms, closing with its payment
/// requests).
pub async fn transition<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    to: ProposalStatus,
    reason: &str,
) -> AppResult<proposal::Model> {
    if policy::has_own_step(to) {
        return Err(AppError::Conflict("proposals-wrong-status"));
    }
    // "Quoted" says there is a quote to choose: adding one takes the step by itself.
    if to == ProposalStatus::Quoted {
        check_can_move(conn, doer, p, to).await?;
        let quotes =
            sea_orm::PaginatorTrait::count(quote::Entity::find().filter(quote::Column::ProposalId.eq(p.id)), conn)
                .await?;
        if quotes == 0 {
            return Err(AppError::Conflict("proposals-no-quote"));
        }
    }
    move_to(conn, doer, p, to, reason, None).await
}

/// Moves a proposal, checking the lifecycle and the doer's role, with the reason (and
/// the poll that decided it) on the timeline and in the audit log. For this feature's
/// steps: the co-funding ones call it with their money side done.
///
/// The move is a conditional update (`… WHERE status = <from>`), as a poll's is
/// (`polls::life::transition`): of two people moving the same proposal at once (two
/// instances, two facilitators, a withdrawal and the closing), one moves it and the other
/// gets a 409, never a second move from a status it no longer has.
pub(super) async fn move_to<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    to: ProposalStatus,
    reason: &str,
    poll_id: Option<i64>,
) -> AppResult<proposal::Model> {
    let from = status_of(p);
    check_can_move(conn, doer, p, to).await?;
    let reason = reason.trim();
    if reason.chars().count() > 2000 {
        return Err(AppError::invalid("reason", "too-long"));
    }
    // A proposal in funding moves with its campaign locked, as closing and pledges hold
    // it: a pledge made at the same moment is released by a withdrawal or refused, and
    // the campaign is always locked before the proposal (no deadlock with closing).
    let campaign = if from == ProposalStatus::Funding {
        crate::funding::campaign::locked(conn, p.id).await?
    } else {
        None
    };
    let now = db::now();
    let mut update = proposal::Entity::update_many()
        .col_expr(proposal::Column::Status, Expr::val(to.as_str()))
        .col_expr(proposal::Column::UpdatedAt, Expr::val(now))
        .filter(proposal::Column::Id.eq(p.id))
        .filter(proposal::Column::Status.eq(from.as_str()));
    let mut updated = p.clone();
    updated.status = to.into();
    updated.updated_at = now;
    if to == ProposalStatus::Delivered {
        update = update.col_expr(proposal::Column::DeliveredAt, Expr::val(Some(now)));
        updated.delivered_at = Some(now);
    }
    if update.exec(conn).await?.rows_affected != 1 {
        return Err(AppError::Conflict("changed-meanwhile"));
    }
    add_event(
        conn,
        p.id,
        doer,
        EventInput {
            kind: TimelineKind::Transition,
            from: Some(from),
            to: Some(to),
            reason: reason.to_string(),
            poll_id,
        },
    )
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(p.network_id),
            actor: doer.audit_actor(),
            action: "proposal.transition",
            entity: "proposal",
            entity_id: Some(p.id),
        },
        Some(&serde_json::json!({"status": from.as_str()})),
        Some(&serde_json::json!({"status": to.as_str(), "reason": reason, "poll_id": poll_id})),
    )
    .await?;
    // Publishing a draft announces it (once: the job's key is the proposal's).
    if from == ProposalStatus::Draft && to == ProposalStatus::Discussion {
        super::notifications::posted(conn, &updated).await?;
    }
    // Withdrawing during funding releases the pledges (the campaign is locked above),
    // and tells the pledgers and the requesting organisation what they pledged is free.
    if to == ProposalStatus::Withdrawn
        && let Some(c) = &campaign
    {
        let shares = crate::funding::campaign::current_shares(conn, c).await?;
        crate::funding::closing::release(conn, c, intercoop_domain::funding::CampaignStatus::Withdrawn).await?;
        let r = crate::funding::notifications::ProposalRef {
            id: updated.id,
            network_id: updated.network_id,
            title: updated.title.clone(),
            requested_by: updated.requested_by,
        };
        crate::funding::notifications::withdrawn(conn, &r, c, &shares).await?;
    }
    Ok(updated)
}

/// The provider delivered: funded → in progress → delivered (or in progress → delivered).
pub async fn deliver<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    reason: &str,
) -> AppResult<proposal::Model> {
    let provider = selected_provider(conn, p).await?;
    crate::access::require(policy::deliver(doer, p, provider))?;
    let mut p = p.clone();
    if status_of(&p) == ProposalStatus::Funded {
        p = move_to(conn, doer, &p, ProposalStatus::InProgress, "", None).await?;
    }
    move_to(conn, doer, &p, ProposalStatus::Delivered, reason, None).await
}
