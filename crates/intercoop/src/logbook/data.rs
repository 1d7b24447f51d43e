//! The logbook's data: a network's articles, newest first, written in Markdown (rendered
//! sanitized, images by address), public or for members. Who may is [`super::policy`]'s.

use super::entities::article;
use crate::audit::{Actor, Change};
use crate::db::types::Text;
use crate::entities::person;
use crate::error::{AppError, AppResult, FieldErrors};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::OffsetDateTime;
use utoipa::ToSchema;

/// A title's longest length (characters).
pub const MAX_TITLE_CHARS: usize = 200;
/// An article's longest Markdown (characters).
pub const MAX_BODY_CHARS: usize = 100_000;
/// The most articles a list or the feed shows.
pub const PAGE: u64 = 50;

intercoop_domain::text_enum!(
    /// Who reads an article: anyone (its page, the public list and the Atom feed), or
    /// the network's people only.
    Visibility { Public = "public", Members = "members" }
);

/// An article as written or changed (the API's body and the form's fields).
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ArticleInput {
    /// 1 to 200 characters.
    pub title: String,
    /// Markdown, 1 to 100 000 characters (rendered sanitized; images as
    /// `![text](https://…)`).
    pub body_markdown: String,
    /// `public` (anyone, the feed) or `members`.
    pub visibility: String,
}

/// An article without its text.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ArticleSummary {
    pub id: i64,
    pub title: String,
    /// `public` or `members`.
    pub visibility: String,
    /// Who wrote it (their name), if they are still known.
    pub author: Option<String>,
    /// The newsletter issue it was sent as, if it was.
    pub issue_id: Option<i64>,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

/// An article with its text.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ArticleOut {
    #[serde(flatten)]
    pub summary: ArticleSummary,
    pub body_markdown: String,
    /// The Markdown rendered to HTML, sanitized.
    pub html: String,
}

/// The names of some people, by id (one query).
async fn names<C: ConnectionTrait>(conn: &C, ids: Vec<i64>) -> AppResult<HashMap<i64, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(person::Entity::find()
        .filter(person::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect())
}

fn summary(a: &article::Model, names: &HashMap<i64, String>) -> ArticleSummary {
    ArticleSummary {
        id: a.id,
        title: a.title.clone(),
        visibility: a.visibility.0.to_string(),
        author: a.author_id.and_then(|w| names.get(&w).cloned()),
        issue_id: a.issue_id,
        created_at: a.created_at,
        updated_at: a.updated_at,
    }
}

/// A network's articles, newest first (at most [`PAGE`]), with their text: the public
/// ones only unless `members`. Two queries (the articles, their writers' names).
pub async fn articles<C: ConnectionTrait>(conn: &C, network_id: i64, members: bool) -> AppResult<Vec<ArticleOut>> {
    let (rows, names) = newest(conn, network_id, members).await?;
    Ok(rows.iter().map(|a| out(a, &names)).collect())
}

/// [`articles`] without their text: what the lists show (title, date, author). Their
/// Markdown is not rendered (50 articles rendered and sanitized for a list of titles
/// took most of the public logbook's time: bench/run).
pub async fn summaries<C: ConnectionTrait>(conn: &C, network_id: i64, members: bool) -> AppResult<Vec<ArticleSummary>> {
    let (rows, names) = newest(conn, network_id, members).await?;
    Ok(rows.iter().map(|a| summary(a, &names)).collect())
}

/// The rows of [`articles`] and their writers' names.
async fn newest<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    members: bool,
) -> AppResult<(Vec<article::Model>, HashMap<i64, String>)> {
    let mut q = article::Entity::find().filter(article::Column::NetworkId.eq(network_id));
    if !members {
        q = q.filter(article::Column::Visibility.eq(Visibility::Public.as_str()));
    }
    let rows = q
        .order_by_desc(article::Column::CreatedAt)
        .order_by_desc(article::Column::Id)
        .limit(PAGE)
        .all(conn)
        .await?;
    let names = names(conn, rows.iter().filter_map(|a| a.author_id).collect()).await?;
    Ok((rows, names))
}

/// A network's latest public articles, newest first, without their text: (id, title,
/// written at). At most `n`: the network's public page shows them (one query).
pub async fn latest_public<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    n: u64,
) -> AppResult<Vec<(i64, String, OffsetDateTime)>> {
    Ok(article::Entity::find()
        .select_only()
        .columns([article::Column::Id, article::Column::Title, article::Column::CreatedAt])
        .filter(article::Column::NetworkId.eq(network_id))
        .filter(article::Column::Visibility.eq(Visibility::Public.as_str()))
        .order_by_desc(article::Column::CreatedAt)
        .order_by_desc(article::Column::Id)
        .limit(n)
        .into_tuple()
        .all(conn)
        .await?)
}

fn out(a: &article::Model, names: &HashMap<i64, String>) -> ArticleOut {
    ArticleOut {
        summary: summary(a, names),
        html: crate::proposals::pages::markdown(&a.body),
        body_markdown: a.body.clone(),
    }
}

/// An article, if the reader may read it.
///
/// Errors: `NotFound` for another network's article, or a members' one when not
/// `members` (a visitor does not learn that it exists).
pub async fn read<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64, members: bool) -> AppResult<ArticleOut> {
    let a = row(conn, network_id, id).await?;
    if !members && a.visibility.0 != Visibility::Public {
        return Err(AppError::NotFound);
    }
    let names = names(conn, a.author_id.into_iter().collect()).await?;
    Ok(out(&a, &names))
}

/// An article's row (any visibility).
pub(crate) async fn row<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<article::Model> {
    article::Entity::find_by_id(id)
        .filter(article::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// The input checked: every fault beside its field.
fn check(input: &ArticleInput) -> AppResult<(String, Visibility)> {
    let mut errors = FieldErrors::default();
    let title = errors.line("title", &input.title, MAX_TITLE_CHARS);
    if input.body_markdown.trim().is_empty() {
        errors.add("body_markdown", "required");
    } else if input.body_markdown.chars().count() > MAX_BODY_CHARS {
        errors.add("body_markdown", "logbook-too-long");
    }
    let visibility = Visibility::parse(&input.visibility);
    if visibility.is_none() {
        errors.add("visibility", "logbook-visibility");
    }
    errors.into_result()?;
    Ok((title.unwrap_or_default(), visibility.unwrap_or(Visibility::Members)))
}

/// Writes an article (an audit entry with it).
///
/// Errors: 422 on the field (see [`ArticleInput`]).
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    input: &ArticleInput,
) -> AppResult<i64> {
    let (title, visibility) = check(input)?;
    let now = crate::clock::now();
    let a = article::ActiveModel {
        network_id: Set(network_id),
        title: Set(title),
        body: Set(input.body_markdown.clone()),
        visibility: Set(Text(visibility)),
        author_id: Set(actor.person_id),
        issue_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit(conn, actor, "logbook.create", &a, None).await?;
    Ok(a.id)
}

async fn audit<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    action: &str,
    after: &article::Model,
    before: Option<&article::Model>,
) -> AppResult<()> {
    let fields = |a: &article::Model| serde_json::json!({"title": a.title, "visibility": a.visibility.0.as_str(), "issue_id": a.issue_id});
    crate::audit::record(
        conn,
        Change {
            network_id: Some(after.network_id),
            actor,
            action,
            entity: "logbook_article",
            entity_id: Some(after.id),
        },
        before.map(fields).as_ref(),
        Some(&fields(after)),
    )
    .await?;
    Ok(())
}

/// Changes an article's title, text and visibility.
///
/// Errors: `NotFound` (another network's article); 422 on the field.
pub async fn update<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    id: i64,
    input: &ArticleInput,
) -> AppResult<()> {
    let before = row(conn, network_id, id).await?;
    let (title, visibility) = check(input)?;
    let mut a: article::ActiveModel = before.clone().into();
    a.title = Set(title);
    a.body = Set(input.body_markdown.clone());
    a.visibility = Set(Text(visibility));
    a.updated_at = Set(crate::clock::now());
    let after = a.update(conn).await?;
    audit(conn, actor, "logbook.update", &after, Some(&before)).await
}

/// Records the newsletter issue an article was sent as.
pub(crate) async fn mark_sent<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    before: &article::Model,
    issue_id: i64,
) -> AppResult<()> {
    let mut a: article::ActiveModel = before.clone().into();
    a.issue_id = Set(Some(issue_id));
    let after = a.update(conn).await?;
    audit(conn, actor, "logbook.send", &after, Some(before)).await
}
