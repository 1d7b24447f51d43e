//! BACKEND-SPECIFIC: full-text search of the lists' archives, the one place where it is
//! written twice.
//! - SQLite: an FTS5 table `list_messages_fts` (migration 23), one row per published
//!   message (`rowid` = the message's id), filled when the message is published;
//!   words are matched after Unicode folding (`unicode61 remove_diacritics 2`).
//! - PostgreSQL: a stored generated column `list_messages.search`,
//!   `to_tsvector('simple', subject || ' ' || body_text)`, with a GIN index (migration
//!   39; migration 23's index computed the expression again for each row it checked),
//!   nothing to fill; the `simple` configuration, the lists being written in several
//!   languages.
//!
//! Both are asked for the words of the query, each as a plain word (no operator of
//! either syntax gets through), all of them required, and only within one list of one
//! network.

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

#[cfg(test)]
mod tests {
    #[test]
    fn words_are_plain() {
        assert_eq!(super::words("Odoo* OR \"labels\" -x"), ["odoo", "or", "labels", "x"]);
        assert!(super::words("  ::  ").is_empty());
    }
}
