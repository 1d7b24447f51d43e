//! People of a network: list, pages, invitations.

pub mod api;
pub mod data;
pub mod pages;

use crate::state::AppState;
use axum::Router;
use axum::extract::FromRef;
use axum::routing::get;

pub fn router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    Router::new()
        .route("/people", get(pages::list))
        .route("/people/invite", get(pages::invite_form).post(pages::invite))
        .route("/people/{id}", get(pages::show))
}

pub fn api_router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    Router::new()
        .route("/api/v1/me", get(api::me))
        .route("/api/v1/people", get(api::list).post(api::invite))
        .route("/api/v1/people/{id}", get(api::show))
}
