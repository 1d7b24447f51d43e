//! The documentation space (issue 18, item 4): a network's pages in Markdown
//! (sanitized), in a tree, with revisions (who, when, the difference between any two),
//! search, visibility per page (public, members, core circle), and the welcome booklet:
//! a chosen sequence of pages, printable and as a PDF. A page is linked from a
//! proposal, a meeting's agenda or a message by its address (`/docs/12`; the page shows
//! the Markdown link to paste).

pub mod api;
pub mod data;
pub mod entities;
mod metrics;
pub mod pages;
pub mod paths;
pub mod pdf;
pub mod policy;
pub mod search;
pub mod seed;
pub mod tree;

use crate::access::Access::{Person, Public, Steers};
use crate::state::AppState;
use crate::web::route_table::Routes;
use axum::extract::FromRef;

/// Pages and API; who may use them is [`policy`]'s (reading: each page's visibility,
/// checked by the handlers; writing: the core circle and administrators).
pub fn routes<S>() -> Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    Routes::new()
        .get("/docs", Person, pages::list)
        .get("/docs/new", Steers, pages::new_form)
        .post("/docs/new", Steers, pages::create)
        .get("/docs/booklet", Person, pages::booklet)
        .get("/docs/booklet.pdf", Person, pages::booklet_pdf)
        .get("/docs/{id}", Person, pages::show)
        .get("/docs/{id}/edit", Steers, pages::edit_form)
        .post("/docs/{id}/edit", Steers, pages::save)
        .get("/docs/{id}/history", Person, pages::history)
        .get("/docs/{id}/diff", Person, pages::diff)
        // A network's public pages: anyone, no login.
        .get("/n/{slug}/docs", Public, pages::public_list)
        .get("/n/{slug}/docs/{id}", Public, pages::public_show)
        .get("/api/v1/docs", Person, api::list)
        .post("/api/v1/docs", Steers, api::create)
        .get("/api/v1/docs/booklet", Person, api::booklet)
        // A page by its path of slugs or its id (`documentation::paths`): one catch-all
        // serves both, and the id's addresses stay declared as they were.
        .get_catch_all("/api/v1/docs/{*path}", "/api/v1/docs/{path}", Public, api::get_path)
        .put_catch_all("/api/v1/docs/{*path}", "/api/v1/docs/{path}", Steers, api::put_path)
        .served_by_catch_all("GET", "/api/v1/docs/{id}", Person)
        .served_by_catch_all("PUT", "/api/v1/docs/{id}", Steers)
        .served_by_catch_all("GET", "/api/v1/docs/{id}/revisions", Person)
        .served_by_catch_all("GET", "/api/v1/docs/{id}/diff", Person)
}

/// The OpenAPI paths of the documentation space.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        api::list,
        api::create,
        api::show,
        api::update,
        api::revisions,
        api::diff,
        api::booklet,
        api::get_path,
        api::put_path
    ),
    components(schemas(
        data::PageInput,
        data::PageOut,
        data::PageSummary,
        data::RevisionOut,
        data::DiffOut,
        data::Hit,
        api::PagesOut,
        api::EditConflict,
        api::PathAnswer
    ))
)]
pub struct ApiDoc;
