//! Reading proposals: one proposal of a network, and its status.

use super::entities::proposal;
use crate::error::{AppError, AppResult};
use intercoop_domain::lifecycle::ProposalStatus;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// The status of a stored proposal.
pub fn status_of(p: &proposal::Model) -> ProposalStatus {
    p.status.0
}

/// A proposal of the network (404 for one of another network).
pub async fn get<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<proposal::Model> {
    proposal::Entity::find_by_id(id)
        .filter(proposal::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}
