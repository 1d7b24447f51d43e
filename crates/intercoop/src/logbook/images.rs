//! Images uploaded with a logbook article: a writer sends a PNG, JPEG, GIF or WebP file
//! (its type found from its first bytes, never from its name or the browser's word:
//! `intercoop_domain::images`), at most [`MAX_IMAGE`], from the article's form or
//! through `POST /api/v1/logbook/{id}/images` (both read it with
//! [`NewImage::from_form`] and store it with [`attach`]); it is stored with the article
//! and put at the end of the article's Markdown as `![text](/logbook/images/{id})`. It
//! is read by whoever reads the article: anyone for a public article of a network open
//! to visitors, the network's people for a members' one (404 for anyone else). A
//! person's private feed gives its members' articles' images at addresses of its own
//! ([`in_feed`], served by `super::private_feed::image`), since a feed reader has no
//! session.

use super::data::{self, Visibility};
use super::entities::{article, image};
use crate::audit::Actor;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::Ctx;
use crate::web::files::UploadForm;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use intercoop_domain::images::ImageType;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde::Serialize;
use std::borrow::Cow;
use utoipa::ToSchema;

/// The largest image taken (bytes).
pub const MAX_IMAGE: usize = 5 * 1024 * 1024;
/// The longest text describing an image (characters).
pub const MAX_ALT_CHARS: usize = 200;

/// The type of an uploaded file, or why it is refused (a message key of the `image`
/// field): empty, over [`MAX_IMAGE`], or not one of the four types.
pub fn check(bytes: &[u8]) -> Result<ImageType, &'static str> {
    if bytes.is_empty() {
        return Err("logbook-image-required");
    }
    if bytes.len() > MAX_IMAGE {
        return Err("logbook-image-too-large");
    }
    ImageType::sniff(bytes).ok_or("logbook-image-type")
}

/// The describing text as Markdown takes it between `[` and `]`: one line, without
/// brackets, at most [`MAX_ALT_CHARS`].
fn alt_text(alt: &str) -> String {
    let kept: String = alt.chars().filter(|c| !matches!(c, '[' | ']' | '\\')).collect();
    kept.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_ALT_CHARS)
        .collect()
}

/// An image as sent, checked: its type (from its bytes), its bytes and the text that
/// describes it.
#[derive(Debug, Clone)]
pub struct NewImage {
    pub kind: ImageType,
    pub bytes: Vec<u8>,
    pub alt: String,
}

impl NewImage {
    /// The image of a form (the page's and the API's): the file field `image` and the
    /// text field `alt` (optional).
    ///
    /// Errors: 422 on `image` when it is missing or empty, over [`MAX_IMAGE`], or not
    /// a PNG, JPEG, GIF or WebP file ([`check`]).
    pub fn from_form(mut form: UploadForm) -> AppResult<NewImage> {
        let bytes = form.files.remove("image").map(|f| f.data).unwrap_or_default();
        let kind = check(&bytes).map_err(|code| AppError::invalid("image", code))?;
        Ok(NewImage {
            kind,
            bytes,
            alt: form.text("alt"),
        })
    }
}

/// Where an image is read: `/logbook/images/{id}`, under the base URL.
pub fn path(image_id: i64) -> String {
    format!("/logbook/images/{image_id}")
}

/// An image added to an article (`POST /api/v1/logbook/{id}/images`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImageOut {
    pub id: i64,
    pub article_id: i64,
    /// Where it is read (whoever reads the article reads it), as in the article's
    /// Markdown: `/logbook/images/{id}`.
    pub path: String,
    /// The same address, whole (under the server's base URL).
    pub url: String,
    /// The line put at the end of the article's Markdown: `![text](/logbook/images/{id})`.
    pub markdown: String,
}

/// Stores a checked image for an article of the network, and puts it at the end of the
/// article's Markdown (an audit entry says the article changed). Returns the image's id
/// and the Markdown line added.
///
/// Errors: `NotFound` for another network's article; 422 on `body_markdown` when the
/// article would grow over its limit.
pub async fn attach<C: sea_orm::ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    article_id: i64,
    new: NewImage,
) -> AppResult<(i64, String)> {
    let a = data::row(conn, network_id, article_id).await?;
    let size = new.bytes.len() as i64;
    let img = image::ActiveModel {
        network_id: Set(network_id),
        article_id: Set(a.id),
        content_type: Set(new.kind.content_type().to_string()),
        size: Set(size),
        data: Set(new.bytes),
        created_at: Set(crate::clock::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    let line = format!("![{}]({})", alt_text(&new.alt), path(img.id));
    let body = format!("{}\n\n{line}\n", a.body.trim_end());
    let input = data::ArticleInput {
        title: a.title.clone(),
        body_markdown: body,
        visibility: a.visibility.0.as_str().to_string(),
    };
    data::update(conn, actor, network_id, a.id, &input).await?;
    Ok((img.id, line))
}

/// `GET /logbook/images/{image_id}`: the image, with its type and `nosniff`, for whoever
/// may read its article (404 for anyone else: a visitor does not learn it exists).
pub async fn serve(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let conn = &state.db.read;
    let img = image::Entity::find_by_id(crate::api::parse_id(&id)?)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let a: article::Model = data::row(conn, img.network_id, img.article_id).await?;
    let member = ctx
        .user
        .as_ref()
        .is_some_and(|u| u.network.id == img.network_id && super::policy::reads_members(&u.doer()));
    let public = a.visibility.0 == Visibility::Public
        && crate::entities::network::Entity::find_by_id(img.network_id)
            .one(conn)
            .await?
            .is_some_and(|n| !n.rules.private);
    if !public && !member {
        return Err(AppError::NotFound);
    }
    let cache = if public {
        "public, max-age=86400"
    } else {
        "private, max-age=300"
    };
    respond(img, cache)
}

/// An image's bytes with its type, `nosniff` and `cache` as `Cache-Control`.
pub(super) fn respond(img: image::Model, cache: &'static str) -> AppResult<Response> {
    let kind = ImageType::from_content_type(&img.content_type).ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(kind.content_type())),
            (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
            (header::CONTENT_DISPOSITION, HeaderValue::from_static("inline")),
        ],
        img.data,
    )
        .into_response())
}

/// An article's HTML for a person's private feed: its Markdown rendered as everywhere,
/// but the logbook's images (`/logbook/images/{id}`) at the feed's own addresses,
/// `{feed_url}/images/{id}`, which work without a session while the feed does. Other
/// addresses are kept as they are.
pub fn in_feed(markdown: &str, feed_url: &str) -> String {
    let rewrite = evaluator(move |url| match url.strip_prefix("/logbook/images/") {
        Some(id) if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) => {
            Some(Cow::Owned(format!("{feed_url}/images/{id}")))
        }
        _ => Some(Cow::Borrowed(url)),
    });
    crate::proposals::pages::markdown_with(markdown, ammonia::UrlRelative::Custom(Box::new(rewrite)))
}

/// A closure as ammonia's evaluator of relative addresses (the output borrows from the
/// input, which a closure's signature does not say by itself).
fn evaluator<F>(f: F) -> F
where
    F: for<'u> Fn(&'u str) -> Option<Cow<'u, str>>,
{
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_taken_by_its_bytes() {
        assert_eq!(check(b"GIF89a\x01\0"), Ok(ImageType::Gif));
        assert_eq!(check(b"<svg onload=alert(1)>"), Err("logbook-image-type"));
        assert_eq!(check(b""), Err("logbook-image-required"));
        assert_eq!(check(&vec![0xFF; MAX_IMAGE + 1]), Err("logbook-image-too-large"));
        assert_eq!(alt_text(" A [map]\n of\tthe ] hall "), "A map of the hall");
    }

    #[test]
    fn a_private_feed_gives_the_images_at_its_own_addresses() {
        let feed = "https://x.example/logbook/feed/lf_abc";
        let html = in_feed(
            "![Hall](/logbook/images/12) [doc](/docs/3) ![x](/logbook/images/12x) ![y](https://o.example/logbook/images/4)",
            feed,
        );
        assert!(
            html.contains("src=\"https://x.example/logbook/feed/lf_abc/images/12\""),
            "{html}"
        );
        assert!(html.contains("href=\"/docs/3\""), "{html}");
        assert!(html.contains("src=\"/logbook/images/12x\""), "{html}");
        assert!(html.contains("src=\"https://o.example/logbook/images/4\""), "{html}");
        let raw = in_feed("<img src=\"/logbook/images/7\" onerror=\"alert(1)\">", feed);
        assert!(raw.contains("lf_abc/images/7") && !raw.contains("onerror"), "{raw}");
    }
}
