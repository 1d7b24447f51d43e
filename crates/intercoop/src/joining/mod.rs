//! Joining a network (issue 18, items 2, 3 and 5): the public application form and
//! `POST /api/v1/applications` (spam resistance without third-party services:
//! [`guard`]), the confirmation of the contact's address, the review by the core
//! circle (comments, acceptance, decline: [`decide`], or a poll: [`poll`]) and the onboarding checklist of
//! a new member organisation ([`onboarding`]). The network's public page is
//! `crate::public`'s.

pub mod api;
pub mod data;
pub mod decide;
pub mod entities;
pub mod guard;
pub mod notifications;
pub mod onboarding;
pub mod pages;
pub mod policy;
pub mod poll;
pub mod seed;

use crate::access::Access::{Person, Policy, Public, Steers};
use crate::entities::network;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::route_table::Routes;
use axum::extract::FromRef;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::sync::Arc;

/// The joining feature's part of the server's state: the application form's guard.
#[derive(Clone)]
pub struct JoiningState {
    pub guard: Arc<guard::Guard>,
}

impl JoiningState {
    pub fn new(clock: Arc<dyn crate::clock::Clock>) -> JoiningState {
        JoiningState {
            guard: Arc::new(guard::Guard::new(clock)),
        }
    }
}

/// A network by its slug, private or not (404 for an unknown one).
///
/// Kept until the database changes (`Db::memo`, on SQLite): every public page starts
/// here. Only networks found are kept, so a visitor's made-up slugs keep nothing.
pub async fn network_by_slug(state: &AppState, slug: &str) -> AppResult<network::Model> {
    let slug = slug.trim();
    state
        .db
        .memo(&format!("network-by-slug:{slug}"), || async {
            network::Entity::find()
                .filter(network::Column::Slug.eq(slug))
                .one(&state.db.read)
                .await?
                .ok_or(AppError::NotFound)
        })
        .await
}

/// A network open to visitors by its slug (404 for an unknown or private one).
pub async fn open_network(state: &AppState, slug: &str) -> AppResult<network::Model> {
    let n = network_by_slug(state, slug).await?;
    if n.rules.private {
        return Err(AppError::NotFound);
    }
    Ok(n)
}

/// The whole row of the caller's network.
pub async fn network_of(state: &AppState, id: i64) -> AppResult<network::Model> {
    network::Entity::find_by_id(id)
        .one(&state.db.read)
        .await?
        .ok_or(AppError::NotFound)
}

/// Pages and API; who may use them is [`policy`]'s.
pub fn routes<S>() -> Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
    JoiningState: FromRef<S>,
{
    Routes::new()
        // Applying: anyone, no login (a private network answers 404).
        .get("/n/{slug}/join", Public, pages::form)
        .post("/n/{slug}/join", Public, pages::apply)
        .get("/join/confirm/{token}", Public, pages::confirm_form)
        .post("/join/confirm/{token}", Public, pages::confirm)
        .post("/api/v1/applications", Public, api::apply)
        // The review.
        .get("/applications", Steers, pages::list)
        .get("/applications/{id}", Steers, pages::show)
        .post("/applications/{id}/comments", Steers, pages::comment)
        .get("/applications/{id}/accept", Steers, pages::accept_form)
        .post("/applications/{id}/accept", Steers, pages::accept)
        .get("/applications/{id}/decline", Steers, pages::decline_form)
        .post("/applications/{id}/decline", Steers, pages::decline)
        .post("/applications/{id}/poll", Steers, pages::poll)
        .get("/api/v1/applications", Steers, api::list)
        .get("/api/v1/applications/{id}", Steers, api::show)
        .post("/api/v1/applications/{id}/comments", Steers, api::comment)
        .post("/api/v1/applications/{id}/accept", Steers, api::accept)
        .post("/api/v1/applications/{id}/decline", Steers, api::decline)
        .post("/api/v1/applications/{id}/poll", Steers, api::poll)
        // The onboarding checklist: the organisation's representatives and the core
        // circle; a person sees their own organisations' from `/onboarding`.
        .get("/onboarding", Person, onboarding::mine)
        .get(
            "/organisations/{id}/onboarding",
            Policy("joining::policy::see_onboarding"),
            onboarding::page,
        )
        .get(
            "/api/v1/organisations/{id}/onboarding",
            Policy("joining::policy::see_onboarding"),
            onboarding::api,
        )
}

/// The OpenAPI paths of joining.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        api::apply,
        api::list,
        api::show,
        api::comment,
        api::accept,
        api::decline,
        api::poll,
        onboarding::api
    ),
    components(schemas(
        data::ApplicationIn,
        data::OrganisationIn,
        data::ContactIn,
        data::ApplicationOut,
        data::ApplicationCommentOut,
        decide::DecisionIn,
        decide::Accepted,
        poll::ApplicationPollIn,
        poll::ApplicationPollOut,
        api::Received,
        api::ApplicationCommentIn,
        onboarding::ChecklistOut,
        onboarding::StepOut
    ))
)]
pub struct ApiDoc;
