//! What a passed poll does to the proposal it decides: move it into discussion, reject
//! it, or open its co-funding with given terms; and a priority poll's order.
//!
//! An effect is checked when its poll is created and again when it opens
//! ([`validate`]). The poll closes whatever happens next: the proposals feature reacts to
//! the event `poll_closed` ([`ON_POLL_CLOSED`]) in a job of its own. An effect the
//! proposal can no longer take (it moved meanwhile, the terms' deadline passed) is
//! written on the proposal's timeline and shown to the facilitators on their dashboard
//! ([`decisions_to_check`]), never lost and never blocking the poll.

use super::cofunding;
use super::data;
use super::entities::{proposal, quote};
use super::lifecycle::{check_can_move, move_to};
use super::quotes::quote_total;
use crate::access::Doer;
use crate::error::{AppError, AppResult};
use crate::events::PollClosed;
use crate::funding::terms::CampaignBody;
use crate::jobs::{Ctx, JobError, Registry, handler};
use crate::timeline::{EventInput, TimelineKind, add_event};
use intercoop_domain::lifecycle::ProposalStatus;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, TransactionTrait};

/// What a passed poll does to the proposal it decides.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProposalEffect {
    /// Move the proposal into discussion.
    Discuss,
    /// Reject the proposal.
    Reject,
    /// Open the co-funding with these terms: the body of `POST /api/v1/proposals/{id}/campaign`.
    OpenFunding {
        #[schema(value_type = Object)]
        terms: serde_json::Value,
    },
}

impl ProposalEffect {
    /// The status the effect moves a proposal to.
    fn target(&self) -> ProposalStatus {
        match self {
            ProposalEffect::Discuss => ProposalStatus::Discussion,
            ProposalEffect::Reject => ProposalStatus::Rejected,
            ProposalEffect::OpenFunding { .. } => ProposalStatus::Funding,
        }
    }
}

/// The terms of an `OpenFunding` effect, read as the campaign endpoint reads its body
/// (a field of the wrong shape is a 422 naming it).
fn terms_of(terms: &serde_json::Value) -> AppResult<CampaignBody> {
    serde_path_to_error::deserialize(terms.clone()).map_err(|e| {
        let path = e.path().to_string();
        AppError::invalid(
            if path == "." {
                "effect.terms".to_string()
            } else {
                format!("effect.terms.{path}")
            }
            .as_str(),
            "invalid-value",
        )
    })
}

/// Whether a poll's effect can be carried out on a proposal of its network now: the
/// proposal exists there, its status allows the move (with the assembly's authority),
/// and an `OpenFunding`'s terms are valid (amount or quote of this proposal, sharing
/// key, fixed contributions by members, a deadline to come). A 422 on `proposal_id` or
/// `effect` otherwise. Asked when the poll is created and when it opens.
pub async fn validate<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    proposal_id: i64,
    effect: &ProposalEffect,
) -> AppResult<()> {
    let p = match data::get(conn, network_id, proposal_id).await {
        Ok(p) => p,
        Err(AppError::NotFound) => return Err(AppError::invalid("proposal_id", "poll-proposal-unknown")),
        Err(e) => return Err(e),
    };
    match check_can_move(conn, &Doer::assembly(), &p, effect.target()).await {
        Ok(()) => {}
        Err(AppError::Conflict(_) | AppError::Forbidden) => {
            return Err(AppError::invalid("effect", "poll-effect-not-allowed"));
        }
        Err(e) => return Err(e),
    }
    if let ProposalEffect::OpenFunding { terms } = effect {
        let body = terms_of(terms)?;
        if crate::funding::campaign::of(conn, p.id).await?.is_some() {
            return Err(AppError::invalid("effect", "proposals-campaign-exists"));
        }
        let total = match (body.amount_cents, body.quote_id) {
            (Some(a), None) => a,
            (None, Some(q)) => {
                let q = quote::Entity::find_by_id(q)
                    .filter(quote::Column::ProposalId.eq(p.id))
                    .one(conn)
                    .await?
                    .ok_or_else(|| AppError::invalid("effect.terms.quote_id", "invalid-choice"))?;
                quote_total(&q)
                    .map_err(|_| AppError::invalid("effect.terms.quote_id", "proposals-out-of-range"))?
                    .cents()
            }
            _ => {
                return Err(AppError::invalid(
                    "effect.terms.amount_cents",
                    "proposals-amount-or-quote",
                ));
            }
        };
        crate::funding::campaign::validate(conn, network_id, &body, total).await?;
    }
    Ok(())
}

/// Carries out a passed poll's effect on a proposal, in the caller's transaction,
/// with the poll recorded as the reason on the proposal's timeline.
///
/// The poll decides with the network's authority (the lifecycle is still checked: a
/// proposal already funded cannot be rejected, 409). Announcements (a proposal now in
/// discussion, a campaign opened) are jobs enqueued with the change.
pub async fn apply_effect<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    proposal_id: i64,
    effect: &ProposalEffect,
    poll_id: i64,
) -> AppResult<()> {
    let p = data::get(conn, network_id, proposal_id).await?;
    let doer = Doer::assembly();
    let reason = format!("poll {poll_id}");
    match effect {
        ProposalEffect::Discuss => {
            move_to(conn, &doer, &p, ProposalStatus::Discussion, &reason, Some(poll_id)).await?;
        }
        ProposalEffect::Reject => {
            move_to(conn, &doer, &p, ProposalStatus::Rejected, &reason, Some(poll_id)).await?;
        }
        ProposalEffect::OpenFunding { terms } => {
            let body = terms_of(terms)?;
            cofunding::open_campaign(conn, &doer, &p, &body, Some(poll_id)).await?;
        }
    }
    Ok(())
}

/// The job that reacts to a closed poll.
pub const ON_POLL_CLOSED: &str = "proposals.on_poll_closed";

/// The handler of [`ON_POLL_CLOSED`].
pub fn register(r: Registry) -> Registry {
    r.with(ON_POLL_CLOSED, handler(|ctx, txn| Box::pin(on_poll_closed(ctx, txn))))
}

/// A poll closed: a passed poll's effect on its proposal, a priority poll's order.
///
/// The effect runs in a savepoint: when the proposal cannot take it (a refusal, not the
/// database), nothing of it stays, and the refusal is written on the proposal's timeline
/// (`effect_failed`, with the poll and the reason's message id) for the facilitators.
async fn on_poll_closed(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let e: PollClosed = crate::events::delivered(ctx, txn).await?;
    if e.passed == Some(true)
        && let (Some(proposal_id), Some(effect)) = (e.proposal_id, e.effect.as_ref())
    {
        let effect: ProposalEffect = serde_json::from_value(effect.clone())
            .map_err(|err| JobError::Fail(format!("poll {}: unreadable effect: {err}", e.poll_id)))?;
        let attempt = txn.begin().await?;
        match apply_effect(&attempt, e.network_id, proposal_id, &effect, e.poll_id).await {
            Ok(()) => attempt.commit().await?,
            Err(err @ (AppError::Db(_) | AppError::Internal(_))) => return Err(err.into()),
            Err(AppError::NotFound) => {
                return Err(JobError::Fail(format!(
                    "poll {}: proposal {proposal_id} is gone",
                    e.poll_id
                )));
            }
            Err(refusal) => {
                attempt.rollback().await?;
                let reason = match &refusal {
                    AppError::Invalid(fields) => fields.0.first().map(|f| f.code.clone()).unwrap_or_default(),
                    other => other.code().to_string(),
                };
                add_event(
                    txn,
                    proposal_id,
                    &Doer::assembly(),
                    EventInput {
                        kind: TimelineKind::EffectFailed,
                        from: None,
                        to: None,
                        reason,
                        poll_id: Some(e.poll_id),
                    },
                )
                .await?;
                tracing::warn!(poll = e.poll_id, proposal = proposal_id, error = %refusal, "a poll's effect could not be carried out");
            }
        }
    }
    if let Some(order) = e.priority {
        let ranks = order
            .ranks
            .clone()
            .unwrap_or_else(|| (1..=order.proposal_ids.len() as u32).collect());
        super::priority::set_priority(txn, e.network_id, e.poll_id, order.method, &order.proposal_ids, &ranks).await?;
    }
    Ok(())
}

/// A decision of a poll that could not be carried out, for the facilitators.
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
pub struct DecisionToCheck {
    pub proposal_id: i64,
    pub title: String,
    pub poll_id: Option<i64>,
    /// The message id (`error-<reason>`) of why.
    pub reason: String,
}

/// The proposals of a network whose last timeline entry is a poll's effect that could
/// not be carried out: nobody has acted on them since.
pub async fn decisions_to_check<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<DecisionToCheck>> {
    use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, JoinType, Query};
    let last = Query::select()
        .expr(Func::max(Expr::col((Alias::new("l"), Alias::new("id")))))
        .from_as("proposal_events", "l")
        .and_where(Expr::col(("l", "proposal_id")).equals(("e", "proposal_id")))
        .take();
    let mut q = Query::select();
    q.expr_as(Expr::col(("p", "id")), "proposal_id")
        .expr_as(Expr::col(("p", "title")), "title")
        .expr_as(Expr::col(("e", "poll_id")), "poll_id")
        .expr_as(Expr::col(("e", "reason")), "reason")
        .from_as("proposal_events", "e")
        .join_as(
            JoinType::InnerJoin,
            proposal::Entity,
            Alias::new("p"),
            Expr::col(("p", "id")).equals(("e", "proposal_id")),
        )
        .and_where(Expr::col(("p", "network_id")).eq(network_id))
        .and_where(Expr::col(("e", "kind")).eq(TimelineKind::EffectFailed.as_str()))
        .and_where(Expr::col(("e", "id")).in_subquery(last))
        .order_by(("e", "id"), sea_orm::Order::Desc)
        .limit(20);
    Ok(crate::db::fetch_all(conn, &q).await?)
}
