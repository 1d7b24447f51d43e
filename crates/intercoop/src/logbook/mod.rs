//! The logbook (issue 17, item 6), the network's "journal de bord": articles in
//! Markdown (sanitized; images by address) written by the facilitator and the core
//! circle, public or for members, each with its page, a list, and an Atom feed of the
//! public ones (`feed`, RFC 4287). An article becomes a newsletter issue in one step
//! ([`send_as_issue`]).

pub mod api;
pub mod data;
pub mod entities;
pub mod feed;
pub mod images;
pub mod pages;
pub mod policy;
pub mod private_feed;
pub mod seed;

use crate::access::Access::{Person, Public, Steers};
use crate::audit::Actor;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::route_table::Routes;
use axum::extract::FromRef;
use sea_orm::ConnectionTrait;

/// Pages and API; who may use them is [`policy`]'s.
pub fn routes<S>() -> Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    Routes::new()
        .get("/logbook", Person, pages::list)
        .get("/logbook/new", Steers, pages::new_form)
        .post("/logbook/new", Steers, pages::create)
        // A person's private feed, members' articles included (the token is the authority).
        .get("/logbook/feed", Person, private_feed::form)
        .post("/logbook/feed", Person, private_feed::create)
        .post("/logbook/feed/remove", Person, private_feed::stop)
        .get("/logbook/feed/{token}", Public, private_feed::serve)
        // The images of the members' articles in that feed (a feed reader has no
        // session): the token is the authority, while it works.
        .get("/logbook/feed/{token}/images/{image_id}", Public, private_feed::image)
        .get("/logbook/{id}", Person, pages::show)
        .get("/logbook/{id}/edit", Steers, pages::edit_form)
        .post("/logbook/{id}/edit", Steers, pages::save)
        .post("/logbook/{id}/send", Steers, pages::send)
        // An image uploaded with an article (multipart), and the images: whoever reads
        // the article reads them.
        .post_up_to(
            "/logbook/{id}/images",
            Steers,
            pages::add_image,
            images::MAX_IMAGE + 64 * 1024,
        )
        .get("/logbook/images/{image_id}", Public, images::serve)
        // A network's public articles and their feed: anyone, no login.
        .get("/n/{slug}/logbook", Public, pages::public_list)
        .get("/n/{slug}/logbook.atom", Public, pages::feed)
        .get("/n/{slug}/logbook/{id}", Public, pages::public_show)
        .get("/api/v1/logbook", Person, api::list)
        .post("/api/v1/logbook", Steers, api::create)
        .get("/api/v1/logbook/{id}", Person, api::show)
        .put("/api/v1/logbook/{id}", Steers, api::update)
        .post("/api/v1/logbook/{id}/issue", Steers, api::send)
        // The same image upload as the article's form, through the API.
        .post_up_to(
            "/api/v1/logbook/{id}/images",
            Steers,
            api::add_image,
            images::MAX_IMAGE + 64 * 1024,
        )
}

/// The OpenAPI paths of the logbook.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(api::list, api::create, api::show, api::update, api::send, api::add_image),
    components(schemas(data::ArticleInput, data::ArticleOut, data::ArticleSummary, images::ImageOut))
)]
pub struct ApiDoc;

/// Sends a public article as a newsletter issue, in one step: an issue of its title and
/// text in the network's language, sent at once (see `newsletter::data::send`), and the
/// article marked with it. Returns the issue's id.
///
/// Errors: `NotFound`; 409 `logbook-members-only` for a members' article (the
/// newsletter goes to addresses outside the network), 409 `logbook-already-sent`.
pub async fn send_as_issue<C: ConnectionTrait>(conn: &C, actor: Actor, network_id: i64, id: i64) -> AppResult<i64> {
    let article = data::row(conn, network_id, id).await?;
    if article.visibility.0 != data::Visibility::Public {
        return Err(AppError::Conflict("logbook-members-only"));
    }
    if article.issue_id.is_some() {
        return Err(AppError::Conflict("logbook-already-sent"));
    }
    let network = crate::entities::network::Entity::find_by_id(network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    use sea_orm::EntityTrait;
    let input = crate::newsletter::data::IssueInput {
        subject: article.title.clone(),
        body_markdown: article.body.clone(),
        language: network.default_language.0.code().to_string(),
    };
    let issue = crate::newsletter::data::create(conn, actor, network_id, network.default_language.0, &input).await?;
    crate::newsletter::data::send(conn, actor, network_id, issue).await?;
    data::mark_sent(conn, actor, &article, issue).await?;
    Ok(issue)
}
