//! Migration 33: the logbook's images and private feeds (issue 17, items 6 and the
//! members' feed).
//! - `logbook_images`: an image uploaded with an article (`content_type` found from the
//!   file's first bytes: PNG, JPEG, GIF or WebP; `size` in bytes; `data`); it is read
//!   by whoever may read its article.
//! - `logbook_feeds`: each person's private Atom feed of a network's logbook, members'
//!   articles included (the token's SHA-256; a new token replaces the old one).
//!
//! Nothing is carried over: articles had images by address only, and no private feed.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, fk, id, index, int, table, text, ts};
use sea_orm::sea_query::Alias;
use sea_orm::sea_query::ColumnDef;
use sea_orm::sea_query::ForeignKeyAction::Cascade;

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "logbook_images",
            vec![
                id(),
                int("network_id"),
                int("article_id"),
                text("content_type"),
                int("size"),
                ColumnDef::new(Alias::new("data")).blob().not_null().take(),
                ts("created_at"),
            ],
            vec![
                fk("logbook_images", "network_id", "networks", Cascade),
                fk("logbook_images", "article_id", "logbook_articles", Cascade),
            ],
        ),
        index("logbook_images", &["article_id"], false),
        table(
            "logbook_feeds",
            vec![
                ColumnDef::new("token_hash").text().not_null().primary_key().take(),
                int("person_id"),
                int("network_id"),
                ts("created_at"),
            ],
            vec![
                fk("logbook_feeds", "person_id", "people", Cascade),
                fk("logbook_feeds", "network_id", "networks", Cascade),
            ],
        ),
        index("logbook_feeds", &["person_id", "network_id"], false),
    ]
}
