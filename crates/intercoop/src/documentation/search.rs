//! Search in the documentation space: the pages a reader may read whose title or text
//! holds every word asked, each as the start of one of its words (`assembl` finds
//! "assemblée"), in any case, accents ignored on SQLite (not on PostgreSQL, whose
//! `simple` configuration keeps them). The database's full-text index finds and ranks
//! the pages (`db::search::doc_pages`, migration 40); who may read them is worked out
//! here from their ancestors, in rank order until 50 are readable, and the text of those
//! 50 alone is read, for their snippets (bench/docs: 5 000 pages).

use super::data::{self, Hit};
use super::entities::page;
use super::tree::{self, Pages};
use crate::db::types::Text;
use crate::error::AppResult;
use intercoop_domain::documentation::{Node, Reader, Tree, Visibility};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// The most pages a search answers.
const MAX_HITS: usize = 50;

/// The pages of the network `reader` may read (their visibility inherited from their
/// parents) whose title or text holds every word of `q` as the start of one of its
/// words (letters and digits; any case; accents ignored on SQLite), best first (a word
/// in the title counts more), at most 50, each with about 160 characters of its text
/// around the first word. Never another network's page. An empty query finds nothing.
pub async fn search<C: ConnectionTrait>(conn: &C, network_id: i64, reader: Reader, q: &str) -> AppResult<Vec<Hit>> {
    let ranked = crate::db::search::doc_pages(conn, network_id, q).await?;
    if ranked.is_empty() {
        return Ok(Vec::new());
    }
    // Who may read what, in rank order: the pages found and their ancestors only (ids,
    // parents, visibilities), a batch at a time until 50 are readable. Reading the whole
    // tree took most of a search's time over 5 000 pages (bench/DOCS.md).
    let mut ids = Vec::new();
    let mut batch = 2 * MAX_HITS;
    let mut rest = ranked.as_slice();
    while ids.len() < MAX_HITS && !rest.is_empty() {
        let (these, after) = rest.split_at(batch.min(rest.len()));
        let tree = tree_above(conn, network_id, these).await?;
        ids.extend(
            these
                .iter()
                .copied()
                .filter(|id| tree.readable(*id, reader))
                .take(MAX_HITS - ids.len()),
        );
        rest = after;
        batch *= 2;
    }
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    // The texts of the pages answered only (a common word is in thousands).
    let mut texts: HashMap<i64, page::Model> = data::with_text(conn, network_id, ids.clone())
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let first = q
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_lowercase)
        .unwrap_or_default();
    Ok(ids
        .into_iter()
        .filter_map(|id| texts.remove(&id))
        .map(|p| Hit {
            id: p.id,
            snippet: snippet(&p.body, &first),
            title: p.title,
        })
        .collect())
}

/// The pages `ids` (those a search found) and their ancestors, without their text, with
/// their slugs: enough for [`Pages::summaries_of`] (paths and depths). The slugs
/// are worked out from the older siblings of each of these pages, read as (id, parent,
/// title) alone: over 5 000 pages, the siblings along the paths of 50 pages found are
/// most of the tree, and reading them whole took most of the API's search
/// (bench/DOCS.md).
pub async fn found_pages<C: ConnectionTrait>(conn: &C, network_id: i64, ids: &[i64]) -> AppResult<Pages> {
    let up = tree::up_query(network_id, ids);
    let rows = tree::rows_where(conn, network_id, Some(Expr::cust(format!("doc_pages.id IN ({up})")))).await?;
    let Some(newest) = rows.iter().map(|r| r.id).max() else {
        return Ok(Pages::new(rows));
    };
    let mut parents: Vec<i64> = rows.iter().filter_map(|r| r.parent_id).collect();
    parents.sort_unstable();
    parents.dedup();
    let mut under = Vec::new();
    if !parents.is_empty() {
        // Integers only, written into the text (the same on both backends).
        let list = parents.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
        under.push(format!("doc_pages.parent_id IN ({list})"));
    }
    if rows.iter().any(|r| r.parent_id.is_none()) {
        under.push("doc_pages.parent_id IS NULL".to_string());
    }
    // The siblings of the pages above (themselves among them), by id; a page newer than
    // all of them changes none of their slugs.
    let siblings: Vec<(i64, Option<i64>, String)> = page::Entity::find()
        .select_only()
        .columns([page::Column::Id, page::Column::ParentId, page::Column::Title])
        .filter(page::Column::NetworkId.eq(network_id))
        .filter(page::Column::Id.lte(newest))
        .filter(Expr::cust(format!("({})", under.join(" OR "))))
        .order_by_asc(page::Column::Id)
        .into_tuple()
        .all(conn)
        .await?;
    let here: std::collections::HashSet<i64> = rows.iter().map(|r| r.id).collect();
    let mut slugs = super::paths::slugs_of(
        siblings
            .iter()
            .map(|(id, parent, title)| (*id, *parent, title.as_str())),
    );
    slugs.retain(|id, _| here.contains(id));
    let mut all = Pages::new(rows);
    all.slugs = slugs;
    Ok(all)
}

/// The pages `ids` of the network and all their ancestors, as a tree: enough to tell
/// who may read each of `ids` (a page's visibility is the strictest along its path).
async fn tree_above<C: ConnectionTrait>(conn: &C, network_id: i64, ids: &[i64]) -> AppResult<Tree> {
    let up = tree::up_query(network_id, ids);
    let rows: Vec<(i64, Option<i64>, Text<Visibility>)> = page::Entity::find()
        .select_only()
        .columns([page::Column::Id, page::Column::ParentId, page::Column::Visibility])
        .filter(page::Column::NetworkId.eq(network_id))
        .filter(Expr::cust(format!("doc_pages.id IN ({up})")))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(Tree::new(rows.into_iter().map(|(id, parent, visibility)| {
        (
            id,
            Node {
                parent,
                visibility: visibility.0,
            },
        )
    })))
}

/// About 160 characters of `body` around the first `word` (lower case), on character
/// boundaries, with "…" where it was cut.
fn snippet(body: &str, word: &str) -> String {
    let chars: Vec<char> = body.chars().collect();
    let lower: Vec<char> = body.to_lowercase().chars().collect();
    let needle: Vec<char> = word.chars().collect();
    // Lower-casing can change the length (a rare letter): then start at the beginning.
    let at = if lower.len() == chars.len() && !needle.is_empty() {
        lower
            .windows(needle.len())
            .position(|w| w == needle.as_slice())
            .unwrap_or(0)
    } else {
        0
    };
    let mut start = at.saturating_sub(60);
    // Start at a word, not inside one.
    while start > 0 && start < at && !chars[start - 1].is_whitespace() {
        start += 1;
    }
    let end = (start + 160).min(chars.len());
    let mut out: String = chars[start..end].iter().collect::<String>().replace(['\n', '\r'], " ");
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::snippet;

    #[test]
    fn a_snippet_is_cut_around_the_word() {
        let body = format!("{}needle{}", "a".repeat(100), "b".repeat(300));
        let s = snippet(&body, "needle");
        assert!(s.starts_with('…') && s.ends_with('…') && s.contains("needle"), "{s}");
        assert_eq!(snippet("Épicerie ouverte", "ouverte"), "Épicerie ouverte");
    }
}
