//! The newsletter (issue 17, item 5): anyone subscribes from a network's public pages
//! with double opt-in (`subscribe`); the facilitator and the core circle write issues in
//! Markdown, translate and preview them, and send them through the notification
//! service (`notifications`: each subscriber in their language, a one-click
//! unsubscribe link, never to an address that bounced for good); sent issues are
//! archived publicly (`public`). A logbook article becomes an issue in one step
//! (`crate::logbook::send_as_issue`).

pub mod api;
pub mod data;
pub mod entities;
pub mod guard;
pub mod notifications;
pub mod pages;
pub mod policy;
pub mod public;
pub mod subscribe;

use crate::access::Access::{Public, Steers};
use crate::state::AppState;
use crate::web::route_table::Routes;
use axum::extract::FromRef;
use std::sync::Arc;

/// The newsletter's part of the server's state: the subscription form's rate limit.
#[derive(Clone)]
pub struct NewsletterState {
    pub guard: Arc<guard::Guard>,
}

impl NewsletterState {
    pub fn new(clock: Arc<dyn crate::clock::Clock>) -> NewsletterState {
        NewsletterState {
            guard: Arc::new(guard::Guard::new(clock)),
        }
    }
}

/// Pages and API; who may use them is [`policy`]'s.
pub fn routes<S>() -> Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
    NewsletterState: FromRef<S>,
{
    Routes::new()
        .get("/newsletter", Steers, pages::list)
        .get("/newsletter/new", Steers, pages::new_form)
        .post("/newsletter/new", Steers, pages::create)
        .get("/newsletter/subscribers", Steers, pages::subscribers)
        .get("/newsletter/issues/{id}", Steers, pages::show)
        .post("/newsletter/issues/{id}/translation", Steers, pages::translate)
        .post("/newsletter/issues/{id}/send", Steers, pages::send)
        // Anyone, no login: the archive and the form, and the links of the emails
        // (their token is the authority).
        .get("/n/{slug}/newsletter", Public, public::archive)
        .post("/n/{slug}/newsletter", Public, public::subscribe)
        .get("/n/{slug}/newsletter/{id}", Public, public::archived)
        .get("/newsletter/confirm/{token}", Public, public::confirm_form)
        .post("/newsletter/confirm/{token}", Public, public::confirm)
        .get("/newsletter/unsubscribe/{token}", Public, public::unsubscribe_form)
        .post("/newsletter/unsubscribe/{token}", Public, public::unsubscribe)
        .get("/api/v1/newsletter/issues", Steers, api::issues)
        .post("/api/v1/newsletter/issues", Steers, api::create)
        .get("/api/v1/newsletter/issues/{id}", Steers, api::show)
        .put(
            "/api/v1/newsletter/issues/{id}/translations/{language}",
            Steers,
            api::translate,
        )
        .post("/api/v1/newsletter/issues/{id}/send", Steers, api::send)
        .get("/api/v1/newsletter/subscribers", Steers, api::subscribers)
        // Subscribing from another site's form: anyone, rate-limited as the page.
        .post("/api/v1/newsletter/subscriptions", Public, api::subscribe)
}

/// The OpenAPI paths of the newsletter.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        api::issues,
        api::create,
        api::show,
        api::translate,
        api::send,
        api::subscribers,
        api::subscribe
    ),
    components(schemas(
        data::IssueInput,
        data::TranslationInput,
        data::IssueOut,
        data::Version,
        data::SubscriberOut,
        api::SentOut,
        api::SubscribeIn,
        api::Asked
    ))
)]
pub struct ApiDoc;
