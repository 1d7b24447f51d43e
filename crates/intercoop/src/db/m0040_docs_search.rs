//! Migration 40: a full-text index of the documentation space (issue 18: the search over
//! 5 000 pages in at most 20 ms, bench/DOCS.md). Before it, the search read the text of
//! every page a `LIKE` kept and checked the words in Rust: all 5 000 for a common word.
//! - SQLite: `doc_pages_fts`, an FTS5 table over `doc_pages` (external content:
//!   `content='doc_pages'`, `content_rowid='id'`, the index alone is stored), words folded
//!   as the lists' archive folds them (`unicode61 remove_diacritics 2`). Three triggers
//!   keep it (the external-content recipe of the FTS5 documentation, with its `'delete'`
//!   command): `doc_pages_fts_insert`, `doc_pages_fts_delete` and `doc_pages_fts_update`
//!   (on a change of `title` or `body` only: moving a page leaves its words). No feature
//!   code has to remember to index a page. The pages written before are indexed by
//!   `'rebuild'`.
//! - PostgreSQL: `doc_pages.search`, a stored generated `tsvector` (the title weighted
//!   `A`, the text `B`, `simple` configuration: pages are written in several languages),
//!   kept by the database on every write and computed for existing rows by the `ALTER`,
//!   with a GIN index `ix_doc_pages_search`.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{BoxFuture, Step};
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseTransaction, DbErr};

pub(crate) fn up() -> Vec<Step> {
    vec![Step::Backfill(docs_search)]
}

/// BACKEND-SPECIFIC: the FTS5 table and its triggers (SQLite), or the stored
/// `tsvector` column and its index (PostgreSQL).
fn docs_search(txn: &DatabaseTransaction) -> BoxFuture<'_, Result<(), DbErr>> {
    Box::pin(async move {
        let statements: &[&str] = match txn.get_database_backend() {
            DatabaseBackend::Sqlite => &[
                "CREATE VIRTUAL TABLE doc_pages_fts USING fts5(title, body, content='doc_pages', \
                 content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
                "CREATE TRIGGER doc_pages_fts_insert AFTER INSERT ON doc_pages BEGIN \
                 INSERT INTO doc_pages_fts (rowid, title, body) VALUES (new.id, new.title, new.body); \
                 END",
                "CREATE TRIGGER doc_pages_fts_delete AFTER DELETE ON doc_pages BEGIN \
                 INSERT INTO doc_pages_fts (doc_pages_fts, rowid, title, body) \
                 VALUES ('delete', old.id, old.title, old.body); \
                 END",
                "CREATE TRIGGER doc_pages_fts_update AFTER UPDATE OF title, body ON doc_pages BEGIN \
                 INSERT INTO doc_pages_fts (doc_pages_fts, rowid, title, body) \
                 VALUES ('delete', old.id, old.title, old.body); \
                 INSERT INTO doc_pages_fts (rowid, title, body) VALUES (new.id, new.title, new.body); \
                 END",
                "INSERT INTO doc_pages_fts (doc_pages_fts) VALUES ('rebuild')",
            ],
            DatabaseBackend::Postgres => &[
                "ALTER TABLE doc_pages ADD COLUMN search tsvector GENERATED ALWAYS AS \
                 (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) \
                 STORED",
                "CREATE INDEX ix_doc_pages_search ON doc_pages USING gin (search)",
            ],
            _ => &[],
        };
        for sql in statements {
            txn.execute_unprepared(sql).await?;
        }
        Ok(())
    })
}
