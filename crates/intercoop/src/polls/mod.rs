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
