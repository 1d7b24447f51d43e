//! People of a network: list, pages, invitations.

pub mod api;
pub mod data;
pub mod pages;
pub mod policy;

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
    const INVITE: crate::access::Access = Policy("people::policy::invite");
    Routes::new()
        .get("/people", Person, pages::list)
        .get("/people/invite", INVITE, pages::invite_form)
        .post("/people/invite", INVITE, pages::invite)
        .get("/people/{id}", Person, pages::show)
        .get("/api/v1/me", Person, api::me)
        .get("/api/v1/people", Person, api::list)
        .post("/api/v1/people", INVITE, api::invite)
        .get("/api/v1/people/{id}", Person, api::show)
}
