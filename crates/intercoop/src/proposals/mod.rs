//! (This feature area is being built; this file holds its extension points.)

use crate::auth::CurrentUser;
use crate::error::AppResult;
use crate::home::DashboardSection;
use crate::state::AppState;
use axum::Router;

/// Pages of this feature area.
pub fn router() -> Router<AppState> {
    Router::new()
}

/// JSON API of this feature area.
pub fn api_router() -> Router<AppState> {
    Router::new()
}

/// The OpenAPI paths of this feature area, merged into `/api/openapi.json`.
#[derive(utoipa::OpenApi)]
#[openapi()]
pub struct ApiDoc;

/// What this feature asks of the person on the dashboard ("what needs me").
pub async fn dashboard_section(_state: &AppState, _user: &CurrentUser) -> AppResult<Option<DashboardSection>> {
    Ok(None)
}

/// Scheduled work of this feature area (called every minute; claim periods with `jobs::claim`).
pub async fn tick(_state: &AppState) -> Result<(), sea_orm::DbErr> {
    Ok(())
}

/// Demo content of this feature area, loaded in the demo's first network.
pub async fn load_demo<C: sea_orm::ConnectionTrait>(_conn: &C, _network_id: i64) -> anyhow::Result<()> {
    Ok(())
}

/// What a passed poll does to the proposal it decides (polls call [`apply_effect`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
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

/// Carries out a passed poll's effect on a proposal, in the caller's transaction,
/// with the poll recorded as the reason on the proposal's timeline.
pub async fn apply_effect<C: sea_orm::ConnectionTrait>(
    _conn: &C,
    _network_id: i64,
    _proposal_id: i64,
    _effect: &ProposalEffect,
    _poll_id: i64,
) -> AppResult<()> {
    Err(crate::error::AppError::NotFound)
}

/// Records the network's priority order of open proposals, as computed by a
/// priority poll (`method` names how: "schulze" or "points"), best first.
pub async fn set_network_priority<C: sea_orm::ConnectionTrait>(
    _conn: &C,
    _network_id: i64,
    _poll_id: i64,
    _method: &str,
    _ordered_proposal_ids: &[i64],
) -> AppResult<()> {
    Err(crate::error::AppError::NotFound)
}
