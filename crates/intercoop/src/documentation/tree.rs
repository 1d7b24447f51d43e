//! The tree of a network's documentation pages, read without their text: all of it
//! ([`pages`]), or what one page's view needs ([`pages_around`]); their summaries in tree
//! order, and each page's slug (`super::paths`). The search reads the pages it found
//! with their ancestors alone (`super::search::found_pages`, on [`up_query`] and
//! [`rows_where`]).

use super::data::PageSummary;
use super::entities::page;
use crate::error::AppResult;
use intercoop_domain::documentation::{Node, Reader, Tree};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// A network's pages, without their text, and the tree they make.
pub struct Pages {
    pub rows: Vec<page::Model>,
    pub tree: Tree,
    /// Every page's slug, by id (`super::paths::slugs`).
    pub slugs: HashMap<i64, String>,
}

impl Pages {
    /// The pages `reader` may read, in tree order (each page followed by its children,
    /// siblings by position then title), with their depth.
    pub fn readable(&self, reader: Reader) -> Vec<PageSummary> {
        let mut children: HashMap<Option<i64>, Vec<&page::Model>> = HashMap::new();
        let known: std::collections::HashSet<i64> = self.rows.iter().map(|r| r.id).collect();
        for r in &self.rows {
            let parent = r.parent_id.filter(|p| known.contains(p));
            children.entry(parent).or_default().push(r);
        }
        for list in children.values_mut() {
            list.sort_by(|a, b| {
                a.position
                    .cmp(&b.position)
                    .then_with(|| crate::collation::compare(&a.title, &b.title))
                    .then(a.id.cmp(&b.id))
            });
        }
        let mut out = Vec::new();
        let mut stack: Vec<(&page::Model, usize)> = children
            .get(&None)
            .map(|l| l.iter().rev().map(|r| (*r, 0)).collect())
            .unwrap_or_default();
        while let Some((r, depth)) = stack.pop() {
            // A page the reader may not read hides its children too (theirs is stricter).
            if !self.tree.readable(r.id, reader) {
                continue;
            }
            out.push(self.summary(r, depth));
            if let Some(kids) = children.get(&Some(r.id)) {
                stack.extend(kids.iter().rev().map(|k| (*k, depth + 1)));
            }
        }
        out
    }

    /// The summaries of the pages `ids` that `reader` may read, in the order of `ids`
    /// (their depth counted up their parents): the pages a search found, read with
    /// `search::found_pages`.
    pub fn summaries_of(&self, ids: &[i64], reader: Reader) -> Vec<PageSummary> {
        let by_id: HashMap<i64, &page::Model> = self.rows.iter().map(|r| (r.id, r)).collect();
        ids.iter()
            .filter(|id| self.tree.readable(**id, reader))
            .filter_map(|id| by_id.get(id))
            .map(|r| {
                let mut depth = 0;
                let mut up = r.parent_id;
                while let Some(p) = up.and_then(|p| by_id.get(&p)) {
                    depth += 1;
                    up = p.parent_id;
                    if depth > self.rows.len() {
                        break;
                    }
                }
                self.summary(r, depth)
            })
            .collect()
    }

    /// The booklet's pages `reader` may read, by their chapter number.
    pub fn booklet_ids(&self, reader: Reader) -> Vec<i64> {
        let mut rows: Vec<&page::Model> = self
            .rows
            .iter()
            .filter(|r| r.booklet_position.is_some() && self.tree.readable(r.id, reader))
            .collect();
        rows.sort_by_key(|r| (r.booklet_position, r.id));
        rows.into_iter().map(|r| r.id).collect()
    }

    fn summary(&self, r: &page::Model, depth: usize) -> PageSummary {
        summary(self, r, depth)
    }
}

pub(super) fn summary(all: &Pages, r: &page::Model, depth: usize) -> PageSummary {
    let tree = &all.tree;
    PageSummary {
        id: r.id,
        parent_id: r.parent_id,
        title: r.title.clone(),
        slug: all.slugs.get(&r.id).cloned().unwrap_or_default(),
        path: super::paths::path_of(all, &all.slugs, r.id),
        visibility: r.visibility.0.to_string(),
        effective_visibility: tree.visibility(r.id).unwrap_or(r.visibility.0).to_string(),
        position: r.position,
        booklet_position: r.booklet_position,
        revision: r.revision,
        depth,
        updated_at: r.updated_at,
    }
}

/// Every page of a network, without its text (`body` left empty: a page's text is
/// read with the page), and the tree they make.
pub async fn pages<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Pages> {
    pages_where(conn, network_id, None).await
}

/// The page `id`, its ancestors, their children and the top pages, without their text,
/// and the tree they make: all that a page's own view needs (whether the reader may read
/// it, its breadcrumbs and path, its children), read in one query (the ancestors by a
/// recursive query, the children from the index on the parent). [`pages`] read all of
/// them (200 at scale 100) for each page viewed.
pub async fn pages_around<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<Pages> {
    pages_where(conn, network_id, Some(&[id])).await
}

/// [`pages`], or [`pages_around`] the pages `around`.
async fn pages_where<C: ConnectionTrait>(conn: &C, network_id: i64, around: Option<&[i64]>) -> AppResult<Pages> {
    let filter = around.map(|ids| {
        // The page, its ancestors, the children of each of them (its own children, and
        // the siblings along its path) and the top pages: the siblings are needed for
        // the slugs, where the oldest of two siblings keeps a shared one (`paths::slugs`).
        let up = up_query(network_id, ids);
        Expr::cust(format!(
            "(doc_pages.id IN ({up}) OR doc_pages.parent_id IN ({up}) OR doc_pages.parent_id IS NULL)"
        ))
    });
    let mut all = Pages::new(rows_where(conn, network_id, filter).await?);
    all.slugs = super::paths::slugs(&all);
    Ok(all)
}

/// The query of the ids of the pages `ids` of the network and of all their ancestors
/// (a recursive query). Integers only, written into the text: the same on both backends.
pub(super) fn up_query(network_id: i64, ids: &[i64]) -> String {
    let list = if ids.is_empty() {
        "NULL".to_string()
    } else {
        ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
    };
    format!(
        "WITH RECURSIVE up(id) AS (\
           SELECT id FROM doc_pages WHERE network_id = {network_id} AND id IN ({list}) \
           UNION SELECT d.parent_id FROM doc_pages d JOIN up ON d.id = up.id \
           WHERE d.network_id = {network_id} AND d.parent_id IS NOT NULL) \
         SELECT id FROM up"
    )
}

/// The network's pages (all, or those `filter` keeps) without their text (`body`
/// empty), by id.
pub(super) async fn rows_where<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    filter: Option<sea_orm::sea_query::SimpleExpr>,
) -> AppResult<Vec<page::Model>> {
    use page::Column as P;
    let mut q = page::Entity::find();
    if let Some(filter) = filter {
        q = q.filter(filter);
    }
    Ok(q.select_only()
        .columns([
            P::Id,
            P::NetworkId,
            P::ParentId,
            P::Title,
            P::Visibility,
            P::Position,
            P::BookletPosition,
            P::Revision,
            P::CreatedBy,
            P::CreatedAt,
            P::UpdatedBy,
            P::UpdatedAt,
        ])
        .column_as(Expr::val(""), "body")
        .filter(P::NetworkId.eq(network_id))
        .order_by_asc(P::Id)
        .into_model::<page::Model>()
        .all(conn)
        .await?)
}

impl Pages {
    /// The tree `rows` make, without slugs yet (the caller works them out: [`pages`] from
    /// the rows, the search from the siblings of the pages found).
    pub(super) fn new(rows: Vec<page::Model>) -> Pages {
        let tree = Tree::new(rows.iter().map(|r| {
            (
                r.id,
                Node {
                    parent: r.parent_id,
                    visibility: r.visibility.0,
                },
            )
        }));
        Pages {
            rows,
            tree,
            slugs: HashMap::new(),
        }
    }
}
