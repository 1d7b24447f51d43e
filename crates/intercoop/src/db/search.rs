//! BACKEND-SPECIFIC: full-text search, the one place where it is written twice: the
//! lists' archives and the documentation space. Each backend has its own index and its
//! own query syntax, and neither understands the other's.
//! - SQLite: FTS5 tables, words matched after Unicode folding (`unicode61
//!   remove_diacritics 2`: any case, accents ignored).
//!   - `list_messages_fts` (migration 23), one row per published message (`rowid` =
//!     the message's id), filled when the message is published ([`index_list_message`]).
//!   - `doc_pages_fts` (migration 40), over `doc_pages` (external content, `rowid` = the
//!     page's id), kept by triggers on `doc_pages`: nothing to fill.
//! - PostgreSQL: stored generated `tsvector` columns with GIN indexes, kept by the
//!   database, nothing to fill; the `simple` configuration (any case, accents count), the
//!   lists and the pages being written in several languages.
//!   - `list_messages.search`, `to_tsvector('simple', subject || ' ' || body_text)`
//!     (migration 39; migration 23's index computed the expression again for each row
//!     it checked).
//!   - `doc_pages.search`, the title weighted `A` and the text `B` (migration 40).
//!
//! Both are asked for the words of the query (letters and digits: no operator of either
//! syntax gets through), all of them required, and only within one network (and for
//! the archives one list). A message holds each word whole; a page holds each word as
//! the start of one of its words (`assembl` finds "assemblée").

use sea_orm::{ConnectionTrait, DatabaseBackend, DbErr, Statement};

/// The words of a query: letters and digits, lowercased, at most 16.
fn words(q: &str) -> Vec<String> {
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| w.to_lowercase())
        .collect()
}

/// Adds a published message to the index (SQLite; PostgreSQL's index follows the row).
pub async fn index_list_message<C: ConnectionTrait>(conn: &C, id: i64, subject: &str, body: &str) -> Result<(), DbErr> {
    if conn.get_database_backend() != DatabaseBackend::Sqlite {
        return Ok(());
    }
    conn.execute_raw(Statement::from_sql_and_values(
        DatabaseBackend::Sqlite,
        "INSERT INTO list_messages_fts (rowid, subject, body) VALUES (?, ?, ?)",
        [id.into(), subject.into(), body.into()],
    ))
    .await?;
    Ok(())
}

/// The ids of a list's published messages that hold every word of `q`, newest first,
/// at most `limit`. An empty query finds nothing.
pub async fn list_messages<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    list_id: i64,
    q: &str,
    limit: u64,
) -> Result<Vec<i64>, DbErr> {
    let words = words(q);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let backend = conn.get_database_backend();
    let limit = limit.min(500) as i64;
    let stmt = match backend {
        DatabaseBackend::Sqlite => {
            // Each word quoted: FTS5 reads it as a string, never as an operator. The
            // index's matches lead (`CROSS JOIN` keeps that order), newest first as the
            // index gives them (`ORDER BY f.rowid`): the query stops at `limit` rows.
            // Led by the messages' index instead, SQLite asked the index once per message
            // of the network (2 s for a rare word among 100 000, bench/lists).
            let fts: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
            Statement::from_sql_and_values(
                backend,
                "SELECT m.id AS id FROM list_messages_fts f CROSS JOIN list_messages m ON m.id = f.rowid \
                 WHERE list_messages_fts MATCH ? AND m.network_id = ? AND m.list_id = ? AND m.status = 'published' \
                 ORDER BY f.rowid DESC LIMIT ?",
                [fts.join(" ").into(), network_id.into(), list_id.into(), limit.into()],
            )
        }
        _ => Statement::from_sql_and_values(
            backend,
            "SELECT id FROM list_messages \
             WHERE search @@ plainto_tsquery('simple', $1) \
             AND network_id = $2 AND list_id = $3 AND status = 'published' \
             ORDER BY id DESC LIMIT $4",
            [words.join(" ").into(), network_id.into(), list_id.into(), limit.into()],
        ),
    };
    conn.query_all_raw(stmt)
        .await?
        .into_iter()
        .map(|row| row.try_get::<i64>("", "id"))
        .collect()
}

/// An FTS5 query holding every word as a prefix: `"w1"* "w2"*` (each word quoted: a
/// string, never an operator).
fn fts_prefixes(words: &[String]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"*")).collect();
    quoted.join(" ")
}

/// A `to_tsquery` text holding every word as a prefix: `w1:* & w2:*` (`to_tsquery` reads
/// operators: the words are letters and digits only, [`words`]).
fn tsquery_prefixes(words: &[String]) -> String {
    let prefixes: Vec<String> = words.iter().map(|w| format!("{w}:*")).collect();
    prefixes.join(" & ")
}

/// The ids of a network's documentation pages whose title or text holds every word of
/// `q` as the start of one of its words (any case; accents ignored on SQLite), best
/// first (a word in the title counts ten times one in the text on SQLite, `bm25`; the
/// title weighs `A` and the text `B` on PostgreSQL, `ts_rank`), then by id. Every page
/// found, whoever may read it: the caller keeps those its reader may read (visibility
/// follows the tree, which the index does not know). An empty query finds nothing.
pub async fn doc_pages<C: ConnectionTrait>(conn: &C, network_id: i64, q: &str) -> Result<Vec<i64>, DbErr> {
    let words = words(q);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let backend = conn.get_database_backend();
    let stmt = match backend {
        DatabaseBackend::Sqlite => {
            // The index's matches lead (`CROSS JOIN`); the network's pages among them.
            Statement::from_sql_and_values(
                backend,
                "SELECT p.id AS id FROM doc_pages_fts f CROSS JOIN doc_pages p ON p.id = f.rowid \
                 WHERE doc_pages_fts MATCH ? AND p.network_id = ? \
                 ORDER BY bm25(doc_pages_fts, 10.0, 1.0), p.id",
                [fts_prefixes(&words).into(), network_id.into()],
            )
        }
        _ => Statement::from_sql_and_values(
            backend,
            "SELECT id FROM doc_pages, to_tsquery('simple', $1) AS query \
                 WHERE search @@ query AND network_id = $2 \
                 ORDER BY ts_rank(search, query) DESC, id",
            [tsquery_prefixes(&words).into(), network_id.into()],
        ),
    };
    conn.query_all_raw(stmt)
        .await?
        .into_iter()
        .map(|row| row.try_get::<i64>("", "id"))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn words_are_plain() {
        assert_eq!(super::words("Odoo* OR \"labels\" -x"), ["odoo", "or", "labels", "x"]);
        assert!(super::words("  ::  ").is_empty());
    }

    #[test]
    fn page_queries_hold_every_word_as_a_prefix_and_no_operator() {
        let words = super::words("Assembl* | !réunit:B & (x) \"y\" NEAR/2");
        assert_eq!(words, ["assembl", "réunit", "b", "x", "y", "near", "2"]);
        assert_eq!(
            super::fts_prefixes(&words),
            r#""assembl"* "réunit"* "b"* "x"* "y"* "near"* "2"*"#
        );
        assert_eq!(
            super::tsquery_prefixes(&words),
            "assembl:* & réunit:* & b:* & x:* & y:* & near:* & 2:*"
        );
    }
}
