//! Search in the documentation space: the pages a reader may read whose title or text
//! holds every word asked, matched in Rust (the same case folding on SQLite and
//! PostgreSQL, accents included). The database first narrows the pages read to those
//! holding an ASCII part of each word in any case ([`ascii_part`]), so a search over
//! 5 000 pages reads the texts of the few that may match, not all of them (bench/docs).

use super::data::Hit;
use super::entities::page;
use crate::db::types::Text;
use crate::error::AppResult;
use intercoop_domain::documentation::{Node, Reader, Tree, Visibility};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QuerySelect};

/// The readable pages whose title or text holds every word of `q` (any case), best
/// first (a word in the title counts more), at most 50.
pub async fn search<C: ConnectionTrait>(conn: &C, network_id: i64, reader: Reader, q: &str) -> AppResult<Vec<Hit>> {
    let words: Vec<String> = q.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Ok(Vec::new());
    }
    // Who may read what: the tree alone (ids, parents, visibilities), not the pages'
    // paths that `data::pages` also works out (most of a search's time over 5 000).
    let tree: Vec<(i64, Option<i64>, Text<Visibility>)> = page::Entity::find()
        .select_only()
        .columns([page::Column::Id, page::Column::ParentId, page::Column::Visibility])
        .filter(page::Column::NetworkId.eq(network_id))
        .into_tuple()
        .all(conn)
        .await?;
    let tree = Tree::new(tree.into_iter().map(|(id, parent, visibility)| {
        (
            id,
            Node {
                parent,
                visibility: visibility.0,
            },
        )
    }));
    let like = match conn.get_database_backend() {
        DatabaseBackend::Postgres => "ILIKE",
        _ => "LIKE",
    };
    let mut q = page::Entity::find().filter(page::Column::NetworkId.eq(network_id));
    for part in words.iter().filter_map(|w| ascii_part(w)) {
        // Letters and digits only: safe in the statement's text.
        q = q.filter(Expr::cust(format!(
            "(doc_pages.title {like} '%{part}%' OR doc_pages.body {like} '%{part}%')"
        )));
    }
    let rows: Vec<page::Model> = q
        .all(conn)
        .await?
        .into_iter()
        .filter(|r| tree.readable(r.id, reader))
        .collect();
    let mut hits: Vec<(usize, &page::Model)> = rows
        .iter()
        .filter_map(|r| {
            let (title, body) = (r.title.to_lowercase(), r.body.to_lowercase());
            if !words.iter().all(|w| title.contains(w) || body.contains(w)) {
                return None;
            }
            Some((words.iter().filter(|w| title.contains(w.as_str())).count(), r))
        })
        .collect();
    hits.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| crate::collation::compare(&a.1.title, &b.1.title))
    });
    // The snippets of the pages answered only (a common word is in thousands).
    Ok(hits
        .into_iter()
        .take(50)
        .map(|(_, r)| Hit {
            id: r.id,
            title: r.title.clone(),
            snippet: snippet(&r.body, &words[0]),
        })
        .collect())
}

/// The longest run of ASCII letters and digits of a lowercased word, without `i` and
/// `k`, if it has at least 3 characters. A text whose lowercase holds the word holds
/// this run in some ASCII case: only two other characters lowercase to ASCII (U+0130 to
/// `i` and a dot, the Kelvin sign to `k`), so a case-blind `LIKE` on it (SQLite's for
/// ASCII, PostgreSQL's `ILIKE`) keeps every page that may match.
fn ascii_part(word: &str) -> Option<&str> {
    word.split(|c: char| !(c.is_ascii_alphanumeric() && c != 'i' && c != 'k'))
        .max_by_key(|part| part.len())
        .filter(|part| part.len() >= 3)
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
    use super::{ascii_part, snippet};

    #[test]
    fn the_ascii_part_of_a_word_leaves_out_what_other_letters_lowercase_to() {
        assert_eq!(ascii_part("assemblée"), Some("assembl"));
        assert_eq!(ascii_part("procès-verbal"), Some("verbal"));
        assert_eq!(ascii_part("kilo"), None);
        assert_eq!(ascii_part("été"), None);
        assert_eq!(ascii_part("4242"), Some("4242"));
        assert_eq!(ascii_part("l'o%_x"), None);
    }

    #[test]
    fn a_snippet_is_cut_around_the_word() {
        let body = format!("{}needle{}", "a".repeat(100), "b".repeat(300));
        let s = snippet(&body, "needle");
        assert!(s.starts_with('…') && s.ends_with('…') && s.contains("needle"), "{s}");
        assert_eq!(snippet("Épicerie ouverte", "ouverte"), "Épicerie ouverte");
    }
}
