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

/// Records the network's priority order: rank 1 first; proposals not listed lose
/// their rank.
pub async fn set_priority<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    poll_id: i64,
    method: MethodKind,
    ordered: &[i64],
) -> AppResult<()> {
    let unique: BTreeSet<i64> = ordered.iter().copied().collect();
    if unique.len() != ordered.len() {
        return Err(AppError::invalid("proposals", "proposals-duplicate"));
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
    for (i, id) in ordered.iter().enumerate() {
        proposal::Entity::update_many()
            .col_expr(proposal::Column::PriorityRank, Expr::val(i as i64 + 1))
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
                reason: format!("{}", i + 1),
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
        Some(&serde_json::json!({"method": method.as_str(), "order": ordered})),
    )
    .await?;
    Ok(())
}
