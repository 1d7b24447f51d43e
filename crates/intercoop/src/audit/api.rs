//! The audit log in the JSON API (administrators): the same as `/admin/audit`.

use super::log::{self, AuditRow};
use crate::api::{ApiUser, Json, Page, Paginated};
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::Query;
use axum::extract::State;

/// The token's network's audit log, newest first (administrators).
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit",
    params(Page),
    responses((status = 200, body = Paginated<AuditRow>), (status = 403, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(page): Query<Page>,
) -> AppResult<Json<Paginated<AuditRow>>> {
    crate::access::require(super::policy::read(&user.doer()))?;
    let (items, total) = log::list(&state.db, user.network.id, &page).await?;
    Ok(Json(Paginated::new(items, &page, total)))
}
