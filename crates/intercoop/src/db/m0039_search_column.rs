//! Migration 39: the archive search on PostgreSQL reads a stored column (issue 17: the
//! search over 100 000 messages, bench/LISTS.md).
//! - PostgreSQL: `list_messages.search`, a `tsvector` generated from the subject and
//!   the text (`to_tsvector('simple', subject || ' ' || body_text)`, stored: kept by
//!   the database on every write, filled for existing rows by the `ALTER`), with a GIN
//!   index `ix_list_messages_search` that replaces `ix_list_messages_fts` (migration
//!   23, over the same expression computed again for each row checked).
//! - SQLite: nothing (its FTS5 table `list_messages_fts` stays).
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{BoxFuture, Step};
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseTransaction, DbErr};

pub(crate) fn up() -> Vec<Step> {
    vec![Step::Backfill(search_column)]
}

/// BACKEND-SPECIFIC: the stored `tsvector` column and its index (PostgreSQL only).
fn search_column(txn: &DatabaseTransaction) -> BoxFuture<'_, Result<(), DbErr>> {
    Box::pin(async move {
        if txn.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        for sql in [
            "ALTER TABLE list_messages ADD COLUMN search tsvector \
             GENERATED ALWAYS AS (to_tsvector('simple', subject || ' ' || body_text)) STORED",
            "DROP INDEX IF EXISTS ix_list_messages_fts",
            "CREATE INDEX ix_list_messages_search ON list_messages USING gin (search)",
        ] {
            txn.execute_unprepared(sql).await?;
        }
        Ok(())
    })
}
