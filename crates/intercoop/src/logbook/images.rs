//! Images uploaded with a logbook article: a writer sends a PNG, JPEG, GIF or WebP file
//! (its type found from its first bytes, never from its name or the browser's word:
//! `intercoop_domain::images`), at most [`MAX_IMAGE`]; it is stored with the article
//! and put at the end of the article's Markdown as `![text](/logbook/images/{id})`. It
//! is read by whoever reads the article: anyone for a public article of a network open
//! to visitors, the network's people for a members' one (404 for anyone else).

use super::data::{self, Visibility};
use super::entities::{article, image};
use crate::audit::Actor;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::Ctx;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use intercoop_domain::images::ImageType;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

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

/// Stores an image of the kind `check` found for an article of the network, and puts
/// it at the end of the article's Markdown (an audit entry says the article changed).
/// Returns the image's id.
///
/// Errors: `NotFound` for another network's article; 422 on `body_markdown` when the
/// article would grow over its limit.
pub async fn attach<C: sea_orm::ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    article_id: i64,
    kind: ImageType,
    bytes: Vec<u8>,
    alt: &str,
) -> AppResult<i64> {
    let a = data::row(conn, network_id, article_id).await?;
    let size = bytes.len() as i64;
    let img = image::ActiveModel {
        network_id: Set(network_id),
        article_id: Set(a.id),
        content_type: Set(kind.content_type().to_string()),
        size: Set(size),
        data: Set(bytes),
        created_at: Set(crate::clock::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    let body = format!(
        "{}\n\n![{}](/logbook/images/{})\n",
        a.body.trim_end(),
        alt_text(alt),
        img.id
    );
    let input = data::ArticleInput {
        title: a.title.clone(),
        body_markdown: body,
        visibility: a.visibility.0.as_str().to_string(),
    };
    data::update(conn, actor, network_id, a.id, &input).await?;
    Ok(img.id)
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
    let kind = ImageType::from_content_type(&img.content_type).ok_or(AppError::NotFound)?;
    let cache = if public {
        "public, max-age=86400"
    } else {
        "private, max-age=300"
    };
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
}
