//! Each person's private Atom feed of their network's logbook, members' articles
//! included (`/logbook/feed/{token}`): the token is the authority, stored hashed, as the
//! meetings' personal calendar feed. A new address replaces the old one; the person can
//! also stop the feed. It stops by itself when the person is no longer of the network.
//! The images of its members' articles are read through it too
//! (`/logbook/feed/{token}/images/{id}`), under the same check ([`holder`]).

use super::data::Visibility;
use super::entities::{feed, image};
use crate::entities::person;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, require_user};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait};

/// Stops a person's feed in a network (nothing when there is none).
pub async fn remove<C: ConnectionTrait>(conn: &C, person_id: i64, network_id: i64) -> AppResult<()> {
    feed::Entity::delete_many()
        .filter(feed::Column::PersonId.eq(person_id))
        .filter(feed::Column::NetworkId.eq(network_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// A new feed token for a person in a network; the previous one stops working.
pub async fn renew<C: ConnectionTrait>(conn: &C, person_id: i64, network_id: i64) -> AppResult<String> {
    crate::auth::feed_tokens::renew(conn, feed::Entity, "lf_", person_id, network_id).await
}

async fn has_feed<C: ConnectionTrait>(conn: &C, person_id: i64, network_id: i64) -> AppResult<bool> {
    Ok(feed::Entity::find()
        .filter(feed::Column::PersonId.eq(person_id))
        .filter(feed::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .is_some())
}

#[derive(Template)]
#[template(path = "logbook/feed.html")]
struct FeedPage {
    ctx: Ctx,
    has_feed: bool,
    /// The new address, shown once.
    url: Option<String>,
    /// The feed was just stopped.
    stopped: bool,
    /// The public feed's address.
    public_url: String,
}

async fn page(state: &AppState, ctx: Ctx, url: Option<String>, stopped: bool) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let has_feed = has_feed(&state.db.read, user.person_id, user.network.id).await?;
    let public_url = format!("{}/n/{}/logbook.atom", state.config.base_url, user.network.slug);
    render(&FeedPage {
        ctx,
        has_feed,
        url,
        stopped,
        public_url,
    })
}

/// `GET /logbook/feed`: the private feed, explained, with the buttons for a new address
/// and to stop it.
pub async fn form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    page(&state, ctx, None, false).await
}

/// `POST /logbook/feed`: a new address (the old one stops), shown once.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(_): CsrfForm<crate::web::Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let txn = state.db.write.begin().await?;
    let token = renew(&txn, user.person_id, user.network.id).await?;
    txn.commit().await?;
    let url = format!("{}/logbook/feed/{token}", state.config.base_url);
    page(&state, ctx, Some(url), false).await
}

/// `POST /logbook/feed/remove`: the feed stops (its address answers 404).
pub async fn stop(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(_): CsrfForm<crate::web::Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    remove(&state.db.write, user.person_id, user.network.id).await?;
    page(&state, ctx, None, true).await
}

/// The feed a token names while it works, and its person: 404 (`NotFound`) for an
/// unknown, replaced or stopped token, or a person no longer of the network or
/// disabled. The one check of the feed and of its images.
async fn holder<C: ConnectionTrait>(conn: &C, token: &str) -> AppResult<(feed::Model, person::Model)> {
    let f = feed::Entity::find_by_id(crate::auth::tokens::hash_token(token.trim()))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::entities::network_person::Entity::find()
        .filter(crate::entities::network_person::Column::NetworkId.eq(f.network_id))
        .filter(crate::entities::network_person::Column::PersonId.eq(f.person_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let p = person::Entity::find_by_id(f.person_id)
        .one(conn)
        .await?
        .filter(|p| !p.disabled)
        .ok_or(AppError::NotFound)?;
    Ok((f, p))
}

/// `GET /logbook/feed/{token}`: the person's feed, members' articles included, in their
/// language (the network's when they chose none). A members' article's images are
/// given at the feed's own addresses ([`image`]: a feed reader has no session); a
/// public article's keep their public ones. 404 for an unknown or stopped token, or a
/// person no longer of the network.
pub async fn serve(State(state): State<AppState>, Path(token): Path<String>) -> AppResult<Response> {
    let conn = &state.db.read;
    let (f, person) = holder(conn, &token).await?;
    let n = crate::entities::network::Entity::find_by_id(f.network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let lang = person.language.map(|l| l.0).unwrap_or(n.default_language.0);
    let base = &state.config.base_url;
    let self_url = format!("{base}/logbook/feed/{}", token.trim());
    let mut articles = super::data::articles(conn, n.id, true).await?;
    for a in &mut articles {
        if a.summary.visibility != Visibility::Public.as_str() {
            a.html = super::images::in_feed(&a.body_markdown, &self_url);
        }
    }
    let xml = super::feed::atom_at(&self_url, &format!("{base}/logbook"), &n, lang, &articles);
    Ok((
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "private, no-cache"),
        ],
        xml,
    )
        .into_response())
}

/// `GET /logbook/feed/{token}/images/{image_id}`: an image of the feed's network, for
/// the feed's reader, while the feed works ([`holder`]); 404 otherwise, and for another
/// network's image. Kept privately by caches, as a members' image is.
pub async fn image(
    State(state): State<AppState>,
    Path((token, image_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let conn = &state.db.read;
    let (f, _) = holder(conn, &token).await?;
    let img = image::Entity::find_by_id(crate::api::parse_id(&image_id)?)
        .filter(image::Column::NetworkId.eq(f.network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    super::data::row(conn, f.network_id, img.article_id).await?;
    super::images::respond(img, "private, max-age=300")
}
