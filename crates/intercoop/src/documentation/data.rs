//! The documentation space's data: the tree of a network's pages, a page with its
//! revisions, saving (a new revision each time something changed), search, and the
//! welcome booklet. The rules (visibility on the path, moves) are
//! `intercoop_domain::documentation`'s; who may is [`super::policy`]'s.

use super::entities::{page, revision};
use crate::audit::Actor;
use crate::db::types::Text;
use crate::entities::person;
use crate::error::{AppError, AppResult, FieldErrors};
use intercoop_domain::documentation::{Change, DiffLine, MoveError, Reader, Tree, Visibility};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::OffsetDateTime;
use utoipa::ToSchema;

pub use super::tree::{Pages, pages, pages_around};

/// A title's longest length (characters).
pub const MAX_TITLE_CHARS: usize = 200;
/// A page's longest Markdown (characters).
pub const MAX_BODY_CHARS: usize = 200_000;
/// The booklet's last place.
pub const MAX_BOOKLET_POSITION: i64 = 999;

/// A page as written or changed (the API's body and the form's fields).
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PageInput {
    /// 1 to 200 characters.
    pub title: String,
    /// Markdown, at most 200 000 characters (rendered sanitized).
    #[serde(default)]
    pub body_markdown: String,
    /// `public`, `members` or `core` (the strictest on the page's path applies).
    pub visibility: String,
    /// The page it goes under; none: the top of the tree.
    #[serde(default)]
    pub parent_id: Option<i64>,
    /// Its place among its siblings (smallest first); none: after them (a new page) or
    /// where it is (a change).
    #[serde(default)]
    pub position: Option<i64>,
    /// Its place in the welcome booklet (1 to 999, smallest first); none: not in it.
    #[serde(default)]
    pub booklet_position: Option<i64>,
    /// A change only: the revision the writer started from. When the page has had
    /// another revision since, the change is refused (409) and nothing is lost: the
    /// writer compares and saves again.
    #[serde(default)]
    pub base_revision: Option<i64>,
}

/// A page of the tree, without its text.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PageSummary {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub title: String,
    /// Its slug, made from its title (unique among its siblings; see `paths`).
    pub slug: String,
    /// Its address in the tree, the slugs from the top (`welcome/first-steps`): the API
    /// reads it at `/api/v1/docs/{path}`. It follows the titles; the id does not change.
    pub path: String,
    /// Its own visibility.
    pub visibility: String,
    /// The strictest visibility on its path: who may read it.
    pub effective_visibility: String,
    pub position: i64,
    pub booklet_position: Option<i64>,
    /// The number of its current revision (from 1).
    pub revision: i64,
    /// Its depth in the tree (0 at the top).
    pub depth: usize,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

/// A page with its text.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PageOut {
    #[serde(flatten)]
    pub summary: PageSummary,
    pub body_markdown: String,
    /// The Markdown rendered to HTML, sanitized.
    pub html: String,
    /// Who saved the current revision (their name), if they are still known.
    pub updated_by: Option<String>,
    /// The pages above it, the top first: (id, title).
    pub ancestors: Vec<Crumb>,
}

/// A page above another: its id and title.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Crumb {
    pub id: i64,
    pub title: String,
}

/// A revision of a page, without its text.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RevisionOut {
    pub number: i64,
    pub title: String,
    pub visibility: String,
    /// Who saved it (their name), if they are still known.
    pub author: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// The difference between two revisions of a page: hunks of lines, each with three
/// lines of context (see `intercoop_domain::documentation::diff`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DiffOut {
    pub page_id: i64,
    pub from: i64,
    pub to: i64,
    pub title_from: String,
    pub title_to: String,
    pub added: usize,
    pub removed: usize,
    #[schema(value_type = Vec<Vec<Object>>)]
    pub hunks: Vec<Vec<DiffLine>>,
}

/// A page found by a search, with the text around the first match.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Hit {
    pub id: i64,
    pub title: String,
    pub snippet: String,
}

/// Pages of a network with their text, by id.
pub(super) async fn with_text<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    ids: Vec<i64>,
) -> AppResult<Vec<page::Model>> {
    Ok(page::Entity::find()
        .filter(page::Column::NetworkId.eq(network_id))
        .filter(page::Column::Id.is_in(ids))
        .all(conn)
        .await?)
}

/// A page `reader` may read, with its text and where it sits.
///
/// Errors: `NotFound` for a page of another network or one the reader may not read
/// (a visitor does not learn that a members' page exists).
pub async fn read<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64, reader: Reader) -> AppResult<PageOut> {
    read_in(conn, &pages_around(conn, network_id, id).await?, id, reader).await
}

/// [`read`] among pages already read (`all`, e.g. [`pages_around`] the page).
pub async fn read_in<C: ConnectionTrait>(conn: &C, all: &Pages, id: i64, reader: Reader) -> AppResult<PageOut> {
    if !all.tree.readable(id, reader) {
        return Err(AppError::NotFound);
    }
    read_many(conn, all, vec![id]).await?.pop().ok_or(AppError::NotFound)
}

/// Pages of `all` with their text, where they sit and who saved them, in the order of
/// `ids`: two queries whatever their number (the texts, then the writers' names).
pub async fn read_many<C: ConnectionTrait>(conn: &C, all: &Pages, ids: Vec<i64>) -> AppResult<Vec<PageOut>> {
    let Some(network_id) = all.rows.first().map(|r| r.network_id) else {
        return Ok(Vec::new());
    };
    let texts: HashMap<i64, page::Model> = with_text(conn, network_id, ids.clone())
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let writers: Vec<i64> = texts.values().filter_map(|p| p.updated_by).collect();
    let names: HashMap<i64, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(writers))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let mut out = Vec::new();
    for id in ids {
        let Some(r) = texts.get(&id) else { continue };
        let ancestors = all.tree.ancestors(id);
        let crumbs = ancestors
            .iter()
            .rev()
            .filter_map(|a| all.rows.iter().find(|r| r.id == *a))
            .map(|a| Crumb {
                id: a.id,
                title: a.title.clone(),
            })
            .collect();
        out.push(PageOut {
            summary: super::tree::summary(all, r, ancestors.len()),
            html: crate::proposals::pages::markdown(&r.body),
            body_markdown: r.body.clone(),
            updated_by: r.updated_by.and_then(|w| names.get(&w).cloned()),
            ancestors: crumbs,
        });
    }
    Ok(out)
}

/// The input checked: title, body, visibility, parent (in the tree, never under the
/// page itself), booklet place. Every fault beside its field.
fn check(input: &PageInput, tree: &Tree, id: Option<i64>) -> AppResult<(String, Visibility)> {
    let mut errors = FieldErrors::default();
    let title = errors.line("title", &input.title, MAX_TITLE_CHARS);
    if input.body_markdown.chars().count() > MAX_BODY_CHARS {
        errors.add("body_markdown", "doc-too-long");
    }
    let visibility = Visibility::parse(&input.visibility);
    if visibility.is_none() {
        errors.add("visibility", "doc-visibility");
    }
    let moved = match id {
        Some(id) => tree.may_move(id, input.parent_id),
        // A new page has no descendants: only an unknown parent is refused.
        None => tree.may_move(i64::MIN, input.parent_id),
    };
    match moved {
        Err(MoveError::UnknownParent) => errors.add("parent_id", "doc-parent-unknown"),
        Err(MoveError::UnderItself) => errors.add("parent_id", "doc-under-itself"),
        Ok(()) => {}
    }
    if input
        .booklet_position
        .is_some_and(|b| !(1..=MAX_BOOKLET_POSITION).contains(&b))
    {
        errors.add("booklet_position", "doc-booklet-position");
    }
    if input.position.is_some_and(|p| !(0..=1_000_000).contains(&p)) {
        errors.add("position", "doc-position");
    }
    errors.into_result()?;
    Ok((title.unwrap_or_default(), visibility.unwrap_or(Visibility::Members)))
}

async fn record<C: ConnectionTrait>(conn: &C, p: &page::Model, author: Option<i64>) -> AppResult<()> {
    revision::ActiveModel {
        network_id: Set(p.network_id),
        page_id: Set(p.id),
        number: Set(p.revision),
        title: Set(p.title.clone()),
        body: Set(p.body.clone()),
        visibility: Set(p.visibility),
        author_id: Set(author),
        created_at: Set(p.updated_at),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Writes a new page (its revision 1), after its siblings unless a place is given.
///
/// Errors: 422 on the field (see [`PageInput`]).
pub async fn create<C: ConnectionTrait>(conn: &C, actor: Actor, network_id: i64, input: &PageInput) -> AppResult<i64> {
    let all = pages(conn, network_id).await?;
    let (title, visibility) = check(input, &all.tree, None)?;
    let position = input.position.unwrap_or_else(|| {
        all.rows
            .iter()
            .filter(|r| r.parent_id == input.parent_id)
            .map(|r| r.position + 1)
            .max()
            .unwrap_or(0)
    });
    let now = crate::clock::now();
    let p = page::ActiveModel {
        network_id: Set(network_id),
        parent_id: Set(input.parent_id),
        title: Set(title),
        body: Set(input.body_markdown.clone()),
        visibility: Set(Text(visibility)),
        position: Set(position),
        booklet_position: Set(input.booklet_position),
        revision: Set(1),
        created_by: Set(actor.person_id),
        created_at: Set(now),
        updated_by: Set(actor.person_id),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    record(conn, &p, actor.person_id).await?;
    Ok(p.id)
}

/// Changes a page: a new revision when its title, text or visibility changed (a move or
/// a booklet place alone changes the page, not its text's history).
///
/// Errors: `NotFound` (another network's page); 409 `doc-changed` when
/// `base_revision` is not the current one; 422 on the field.
pub async fn update<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    id: i64,
    input: &PageInput,
) -> AppResult<()> {
    let all = pages(conn, network_id).await?;
    let current = with_text(conn, network_id, vec![id])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    if input.base_revision.is_some_and(|b| b != current.revision) {
        return Err(AppError::Conflict("doc-changed"));
    }
    let (title, visibility) = check(input, &all.tree, Some(id))?;
    let text_changed =
        title != current.title || input.body_markdown != current.body || visibility != current.visibility.0;
    let moved = input.parent_id != current.parent_id
        || input.position.is_some_and(|p| p != current.position)
        || input.booklet_position != current.booklet_position;
    if !text_changed && !moved {
        return Ok(());
    }
    let now = crate::clock::now();
    // The revision's number is taken by a conditional write: of two writers from the
    // same revision, the second changes no row and is told (nothing is lost).
    let next = if text_changed {
        current.revision + 1
    } else {
        current.revision
    };
    let position = match input.parent_id != current.parent_id {
        true => input.position.unwrap_or_else(|| {
            all.rows
                .iter()
                .filter(|r| r.parent_id == input.parent_id && r.id != id)
                .map(|r| r.position + 1)
                .max()
                .unwrap_or(0)
        }),
        false => input.position.unwrap_or(current.position),
    };
    let changed = page::Entity::update_many()
        .col_expr(page::Column::Title, Expr::val(title.clone()))
        .col_expr(page::Column::Body, Expr::val(input.body_markdown.clone()))
        .col_expr(page::Column::Visibility, Expr::val(visibility.as_str()))
        .col_expr(page::Column::ParentId, Expr::val(input.parent_id))
        .col_expr(page::Column::Position, Expr::val(position))
        .col_expr(page::Column::BookletPosition, Expr::val(input.booklet_position))
        .col_expr(page::Column::Revision, Expr::val(next))
        .col_expr(page::Column::UpdatedBy, Expr::val(actor.person_id))
        .col_expr(page::Column::UpdatedAt, Expr::val(now))
        .filter(page::Column::Id.eq(id))
        .filter(page::Column::NetworkId.eq(network_id))
        .filter(page::Column::Revision.eq(current.revision))
        .exec(conn)
        .await?;
    if changed.rows_affected == 0 {
        return Err(AppError::Conflict("doc-changed"));
    }
    if text_changed {
        let saved = page::Entity::find_by_id(id)
            .one(conn)
            .await?
            .ok_or(AppError::NotFound)?;
        record(conn, &saved, actor.person_id).await?;
    }
    Ok(())
}

/// A readable page's revisions, newest first.
///
/// Errors: `NotFound` as [`read`].
pub async fn revisions<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    id: i64,
    reader: Reader,
) -> AppResult<Vec<RevisionOut>> {
    read(conn, network_id, id, reader).await?;
    let rows = revision::Entity::find()
        .filter(revision::Column::PageId.eq(id))
        .filter(revision::Column::NetworkId.eq(network_id))
        .order_by_desc(revision::Column::Number)
        .all(conn)
        .await?;
    let authors: Vec<i64> = rows.iter().filter_map(|r| r.author_id).collect();
    let names: HashMap<i64, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(authors))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| RevisionOut {
            number: r.number,
            title: r.title,
            visibility: r.visibility.0.to_string(),
            author: r.author_id.and_then(|a| names.get(&a).cloned()),
            created_at: r.created_at,
        })
        .collect())
}

async fn revision_of<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    id: i64,
    number: i64,
) -> AppResult<revision::Model> {
    revision::Entity::find()
        .filter(revision::Column::PageId.eq(id))
        .filter(revision::Column::NetworkId.eq(network_id))
        .filter(revision::Column::Number.eq(number))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::invalid("from", "doc-revision-unknown"))
}

/// The difference between revisions `from` and `to` of a readable page (either order).
///
/// Errors: `NotFound` as [`read`]; 422 on `from` for a revision the page never had.
pub async fn diff<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    id: i64,
    reader: Reader,
    from: i64,
    to: i64,
) -> AppResult<DiffOut> {
    read(conn, network_id, id, reader).await?;
    let a = revision_of(conn, network_id, id, from).await?;
    let b = revision_of(conn, network_id, id, to).await?;
    let hunks = intercoop_domain::documentation::diff(&a.body, &b.body);
    let count = |c: Change| hunks.iter().flatten().filter(|l| l.change == c).count();
    Ok(DiffOut {
        page_id: id,
        from,
        to,
        title_from: a.title,
        title_to: b.title,
        added: count(Change::Added),
        removed: count(Change::Removed),
        hunks,
    })
}

/// The welcome booklet: the pages in it that `reader` may read, by their booklet place.
pub async fn booklet<C: ConnectionTrait>(conn: &C, network_id: i64, reader: Reader) -> AppResult<Vec<page::Model>> {
    let all = pages(conn, network_id).await?;
    let mut rows = with_text(conn, network_id, all.booklet_ids(reader)).await?;
    rows.sort_by_key(|r| (r.booklet_position, r.id));
    Ok(rows)
}

/// How many pages a network has (the seed and the tests).
pub async fn count<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<u64> {
    use sea_orm::PaginatorTrait;
    Ok(page::Entity::find()
        .filter(page::Column::NetworkId.eq(network_id))
        .select_only()
        .column(page::Column::Id)
        .count(conn)
        .await?)
}
