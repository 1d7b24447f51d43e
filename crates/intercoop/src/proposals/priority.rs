//! The network's priority order of open proposals, as computed by a priority poll.

use super::entities::proposal;
use crate::access::Doer;
use crate::audit::{self, Change};
use crate::db;
use crate::error::{AppError, AppResult};
use crate::timeline::{EventInput, TimelineKind, add_event};
use intercoop_domain::voting::MethodKind;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::BTreeSet;

/// Records the network's priority order: `ordered` best first, `ranks[i]` the rank of
/// `ordered[i]` (proposals the poll left equal share one: "1, 1, 3"); proposals not
/// listed lose their rank.
pub async fn set_priority<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    poll_id: i64,
    method: MethodKind,
    ordered: &[i64],
    ranks: &[u32],
) -> AppResult<()> {
    let unique: BTreeSet<i64> = ordered.iter().copied().collect();
    if unique.len() != ordered.len() {
        return Err(AppError::invalid("proposals", "proposals-duplicate"));
    }
    if ranks.len() != ordered.len() {
        return Err(AppError::invalid("proposals", "invalid-value"));
    }
    let known = proposal::Entity::find()
        .filter(proposal::Column::NetworkId.eq(network_id))
        .filter(proposal::Column::Id.is_in(ordered.to_vec()))
        .all(conn)
        .await?;
    if known.len() != ordered.len() {
        return Err(AppError::NotFound);
    }
    let now = db::now();
    proposal::Entity::update_many()
        .col_expr(proposal::Column::PriorityRank, Expr::val(None::<i64>))
        .filter(proposal::Column::NetworkId.eq(network_id))
        .exec(conn)
        .await?;
    for (id, rank) in ordered.iter().zip(ranks) {
        proposal::Entity::update_many()
            .col_expr(proposal::Column::PriorityRank, Expr::val(i64::from(*rank)))
            .col_expr(proposal::Column::PriorityPollId, Expr::val(poll_id))
            .col_expr(proposal::Column::PriorityMethod, Expr::val(method.as_str()))
            .col_expr(proposal::Column::PriorityAt, Expr::val(now))
            .filter(proposal::Column::Id.eq(*id))
            .exec(conn)
            .await?;
        add_event(
            conn,
            *id,
            &Doer::assembly(),
            EventInput {
                kind: TimelineKind::Priority,
                from: None,
                to: None,
                reason: format!("{rank}"),
                poll_id: Some(poll_id),
            },
        )
        .await?;
    }
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor: audit::Actor::SYSTEM,
            action: "proposal.priority",
            entity: "poll",
            entity_id: Some(poll_id),
        },
        None::<&()>,
        Some(&serde_json::json!({"method": method.as_str(), "order": ordered, "ranks": ranks})),
    )
    .await?;
    Ok(())
}
