//! Member organisations: list, pages, creation and edition, representatives.

pub mod api;
pub mod data;
pub mod pages;
pub mod policy;
pub mod representatives;

use crate::access::Access::{Person, Policy};
use crate::state::AppState;
use crate::web::route_table::Routes;
use axum::extract::FromRef;

/// Pages and API; who may use them is [`policy`]'s.
pub fn routes<S>() -> Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    const MANAGE: crate::access::Access = Policy("organisations::policy::manage");
    const NAME_REPRESENTATIVE: crate::access::Access = Policy("organisations::policy::name_representative");
    Routes::new()
        .get("/organisations", Person, pages::list)
        .get("/organisations/new", MANAGE, pages::new_form)
        .post("/organisations/new", MANAGE, pages::create)
        .get("/organisations/{id}", Person, pages::show)
        .get("/organisations/{id}/edit", MANAGE, pages::edit_form)
        .post("/organisations/{id}/edit", MANAGE, pages::update)
        .post(
            "/organisations/{id}/representative",
            NAME_REPRESENTATIVE,
            pages::change_representative,
        )
        .get("/api/v1/organisations", Person, api::list)
        .post("/api/v1/organisations", MANAGE, api::create)
        .get("/api/v1/organisations/{id}", Person, api::show)
        .patch("/api/v1/organisations/{id}", MANAGE, api::update)
        .put(
            "/api/v1/organisations/{id}/representative",
            NAME_REPRESENTATIVE,
            api::set_representative,
        )
}
