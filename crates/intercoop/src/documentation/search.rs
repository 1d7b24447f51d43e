//! Search in the documentation space: the pages a reader may read whose title or text
//! holds every word asked, in Rust over the network's pages (tens or hundreds of pages:
//! one read, and the same case folding on SQLite and PostgreSQL, accents included).

use super::data::{Hit, pages, with_text};
use crate::error::AppResult;
use intercoop_domain::documentation::Reader;
use sea_orm::ConnectionTrait;

/// The readable pages whose title or text holds every word of `q` (any case), best
/// first (a word in the title counts more), at most 50.
pub async fn search<C: ConnectionTrait>(conn: &C, network_id: i64, reader: Reader, q: &str) -> AppResult<Vec<Hit>> {
    let words: Vec<String> = q.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let all = pages(conn, network_id).await?;
    let readable: Vec<i64> = all
        .rows
        .iter()
        .filter(|r| all.tree.readable(r.id, reader))
        .map(|r| r.id)
        .collect();
    let rows = with_text(conn, network_id, readable).await?;
    let mut hits: Vec<(usize, Hit)> = rows
        .iter()
        .filter_map(|r| {
            let (title, body) = (r.title.to_lowercase(), r.body.to_lowercase());
            if !words.iter().all(|w| title.contains(w) || body.contains(w)) {
                return None;
            }
            let in_title = words.iter().filter(|w| title.contains(w.as_str())).count();
            Some((
                in_title,
                Hit {
                    id: r.id,
                    title: r.title.clone(),
                    snippet: snippet(&r.body, &words[0]),
                },
            ))
        })
        .collect();
    hits.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| crate::collation::compare(&a.1.title, &b.1.title))
    });
    Ok(hits.into_iter().take(50).map(|(_, h)| h).collect())
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
