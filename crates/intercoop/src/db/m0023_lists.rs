//! Migration 23: mailing lists (issue 17, items 1–4).
//! - `lists`: a network's list, its address (`local_part` @ the lists domain, unique in
//!   the deployment), who may post, whether people are subscribed by default, where
//!   replies go, moderation of first posts and of non-members, public archive or not;
//! - `list_subscriptions`: a person's choice for a list (`each`, `digest`, `web`,
//!   `none`); without a row the list's default holds;
//! - `list_messages`: every message, held, published or rejected, with its RFC 5322
//!   `Message-ID`, its thread (`thread_id`: the first message's id) and parent;
//! - `list_attachments`: the files a message came with (kept, downloadable);
//! - `list_senders`: the addresses a moderator accepted for a person (a member's first
//!   mail from an address is held);
//! - `outbox.list_headers`: the list headers of a list message's copy (JSON);
//! - `unsubscribe_tokens.list_id`: a one-click link that leaves one list;
//! - full-text search: on SQLite an FTS5 table `list_messages_fts` (rowid = message id),
//!   on PostgreSQL a GIN index over `to_tsvector('simple', subject || ' ' || body_text)`.
//!
//! Carried over: every existing network gets its two default lists, *mutual help* (open
//! to every member) and *logistics* (the facilitator and the core circle post), named in
//! the network's language, by plain statements here (frozen: today's feature code makes
//! the same lists for new networks).
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{BoxFuture, Step, boolean, fk, id, index, int, int_null, table, text, text_null, ts};
use sea_orm::sea_query::ForeignKeyAction::Cascade;
use sea_orm::sea_query::{Alias, ColumnDef, Expr, ExprTrait, Query, Table};
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseTransaction, DbErr};

fn add(table: &str, column: ColumnDef) -> Step {
    Step::Alter(Box::new(
        Table::alter().table(Alias::new(table)).add_column(column).take(),
    ))
}

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "lists",
            vec![
                id(),
                int("network_id"),
                text("name"),
                text("local_part"),
                text("description"),
                // members, representatives, core, facilitator, moderated
                text("posting"),
                boolean("subscribed_by_default", true),
                // list or sender
                text("reply_to"),
                boolean("moderate_first_posts", false),
                boolean("moderate_non_members", true),
                boolean("public", false),
                ts("created_at"),
            ],
            vec![fk("lists", "network_id", "networks", Cascade)],
        ),
        index("lists", &["local_part"], true),
        index("lists", &["network_id", "id"], false),
        table(
            "list_subscriptions",
            vec![
                id(),
                int("list_id"),
                int("network_id"),
                int("person_id"),
                // each, digest, web, none
                text("delivery"),
                ts("created_at"),
            ],
            vec![
                fk("list_subscriptions", "list_id", "lists", Cascade),
                fk("list_subscriptions", "person_id", "people", Cascade),
            ],
        ),
        index("list_subscriptions", &["list_id", "person_id"], true),
        index("list_subscriptions", &["network_id", "person_id"], false),
        table(
            "list_messages",
            vec![
                id(),
                int("list_id"),
                int("network_id"),
                int_null("thread_id"),
                int_null("parent_id"),
                text("message_id"),
                // The `References` of the message (space-separated ids, oldest first).
                text("refs"),
                int_null("author_id"),
                text("from_address"),
                text("from_name"),
                text("subject"),
                text("body_text"),
                text("body_html"),
                // held, published, rejected
                text("status"),
                text_null("hold_reason"),
                // web or email
                text("source"),
                int_null("decided_by"),
                ts("created_at"),
            ],
            vec![fk("list_messages", "list_id", "lists", Cascade)],
        ),
        index("list_messages", &["list_id", "message_id"], true),
        index("list_messages", &["list_id", "status", "thread_id", "id"], false),
        index("list_messages", &["network_id", "status", "id"], false),
        table(
            "list_attachments",
            vec![
                id(),
                int("list_message_id"),
                int("network_id"),
                text("filename"),
                text("content_type"),
                int("size"),
                ColumnDef::new(Alias::new("data")).blob().not_null().take(),
            ],
            vec![fk("list_attachments", "list_message_id", "list_messages", Cascade)],
        ),
        index("list_attachments", &["list_message_id"], false),
        table(
            "list_senders",
            vec![
                id(),
                int("network_id"),
                text("address"),
                int("person_id"),
                ts("created_at"),
            ],
            vec![fk("list_senders", "person_id", "people", Cascade)],
        ),
        index("list_senders", &["network_id", "address"], true),
        add("outbox", text_null("list_headers")),
        add("unsubscribe_tokens", int_null("list_id")),
        Step::Backfill(full_text),
        Step::Backfill(default_lists),
    ]
}

/// BACKEND-SPECIFIC: the full-text index of list messages.
fn full_text(txn: &DatabaseTransaction) -> BoxFuture<'_, Result<(), DbErr>> {
    Box::pin(async move {
        let sql = match txn.get_database_backend() {
            DatabaseBackend::Sqlite => {
                "CREATE VIRTUAL TABLE list_messages_fts USING fts5(subject, body, tokenize = 'unicode61 remove_diacritics 2')"
            }
            _ => {
                "CREATE INDEX ix_list_messages_fts ON list_messages USING gin (to_tsvector('simple', subject || ' ' || body_text))"
            }
        };
        txn.execute_unprepared(sql).await?;
        Ok(())
    })
}

/// The two default lists of a network, in its language: (local part, name) of mutual
/// help and of logistics (a frozen copy of `lists::data::DEFAULTS` at version 23).
fn defaults(language: &str) -> [(&'static str, &'static str); 2] {
    match language {
        "fr" => [("entraide", "Entraide"), ("logistique", "Logistique")],
        "de" => [("hilfe", "Gegenseitige Hilfe"), ("logistik", "Logistik")],
        "nl" => [("hulp", "Onderlinge hulp"), ("logistiek", "Logistiek")],
        _ => [("help", "Mutual help"), ("logistics", "Logistics")],
    }
}

/// Every existing network gets its mutual-help list (every member posts) and its
/// logistics list (the facilitator and the core circle post), both subscribed by
/// default, at `SLUG-LOCAL@` the lists domain.
fn default_lists(txn: &DatabaseTransaction) -> BoxFuture<'_, Result<(), DbErr>> {
    Box::pin(async move {
        let rows = txn
            .query_all(
                Query::select()
                    .columns(["id", "slug", "default_language"])
                    .from("networks")
                    .order_by("id", sea_orm::Order::Asc),
            )
            .await?;
        let now = time::OffsetDateTime::now_utc();
        for row in rows {
            let id: i64 = row.try_get("", "id")?;
            let slug: String = row.try_get("", "slug")?;
            let lang: String = row.try_get("", "default_language")?;
            for (i, (local, name)) in defaults(&lang).into_iter().enumerate() {
                let posting = if i == 0 { "members" } else { "core" };
                let exists = txn
                    .query_one(
                        Query::select()
                            .expr(Expr::val(1))
                            .from("lists")
                            .and_where(Expr::col("local_part").eq(format!("{slug}-{local}"))),
                    )
                    .await?
                    .is_some();
                if exists {
                    continue;
                }
                txn.execute(
                    Query::insert()
                        .into_table("lists")
                        .columns([
                            "network_id",
                            "name",
                            "local_part",
                            "description",
                            "posting",
                            "subscribed_by_default",
                            "reply_to",
                            "moderate_first_posts",
                            "moderate_non_members",
                            "public",
                            "created_at",
                        ])
                        .values_panic([
                            id.into(),
                            name.into(),
                            format!("{slug}-{local}").into(),
                            "".into(),
                            posting.into(),
                            true.into(),
                            "list".into(),
                            false.into(),
                            true.into(),
                            false.into(),
                            now.into(),
                        ]),
                )
                .await?;
            }
        }
        Ok(())
    })
}
