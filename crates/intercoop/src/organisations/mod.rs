//! Member organisations: list, pages, creation and edition, representatives.

pub mod api;
pub mod data;
pub mod pages;
pub mod representatives;

use crate::state::AppState;
use axum::Router;
use axum::extract::FromRef;
use axum::routing::{get, post};

pub fn router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    Router::new()
        .route("/organisations", get(pages::list))
        .route("/organisations/new", get(pages::new_form).post(pages::create))
        .route("/organisations/{id}", get(pages::show))
        .route("/organisations/{id}/edit", get(pages::edit_form).post(pages::update))
        .route("/organisations/{id}/representative", post(pages::change_representative))
}

pub fn api_router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    Router::new()
        .route("/api/v1/organisations", get(api::list).post(api::create))
        .route("/api/v1/organisations/{id}", get(api::show).patch(api::update))
        .route(
            "/api/v1/organisations/{id}/representative",
            axum::routing::put(api::set_representative),
        )
}
