//! A network's public face (issue 18, item 1): `/n/{slug}`, for anyone and without
//! login, shows what the network says about itself (Markdown per language, sanitized),
//! its member organisations that agreed to be listed with a map of their cities (an
//! SVG drawn here: [`map`]; the first members by name, all of them a page at a time on
//! `/n/{slug}/members`), the work it funded and what it co-funds now with its
//! progress, its upcoming public events, and the join button. A private network shows
//! a sign-in page instead (and its public documentation and application form answer
//! 404: `joining::open_network`).
//!
//! The core circle and administrators write the text and choose privacy and the
//! charter on `/settings/public`; an organisation's representative (or an
//! administrator) agrees to be listed and gives its place on
//! `/organisations/{id}/listing`.

pub mod data;
pub mod map;
pub mod pages;
pub mod settings;

use crate::access::Access::{Policy, Public, Steers};
use crate::state::AppState;
use crate::web::route_table::Routes;
use axum::extract::FromRef;

/// The public page and its settings.
pub fn routes<S>() -> Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    Routes::new()
        .get("/n/{slug}", Public, pages::network)
        .get("/n/{slug}/members", Public, pages::members)
        .get("/settings/public", Steers, pages::settings_form)
        .post("/settings/public", Steers, pages::save_settings)
        .get(
            "/organisations/{id}/listing",
            Policy("joining::policy::edit_listing"),
            pages::listing_form,
        )
        .post(
            "/organisations/{id}/listing",
            Policy("joining::policy::edit_listing"),
            pages::save_listing,
        )
        .get("/api/v1/public-settings", Steers, settings::api_show)
        .put("/api/v1/public-settings", Steers, settings::api_save)
        .get(
            "/api/v1/organisations/{id}/listing",
            Policy("joining::policy::edit_listing"),
            settings::api_listing,
        )
        .put(
            "/api/v1/organisations/{id}/listing",
            Policy("joining::policy::edit_listing"),
            settings::api_save_listing,
        )
}

/// The OpenAPI paths of the public page's settings and the listings.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        settings::api_show,
        settings::api_save,
        settings::api_listing,
        settings::api_save_listing
    ),
    components(schemas(settings::PublicSettings, settings::Listing))
)]
pub struct ApiDoc;
