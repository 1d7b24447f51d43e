//! Migration 30: documents attached to a meeting (issue 15, item 1).
//! - `meeting_documents`: a document of a meeting, either a file kept in the database
//!   (`filename`, `content_type`, `size` in bytes, `data`) or a page of the network's
//!   documentation space (`doc_page_id`), with its title, who attached it and when.
//!   Exactly one of `data` and `doc_page_id` is set (the application writes it so).
//!
//! Nothing is carried over: meetings had no documents before.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, fk, id, index, int, int_null, table, text, text_null, ts};
use sea_orm::sea_query::Alias;
use sea_orm::sea_query::ColumnDef;
use sea_orm::sea_query::ForeignKeyAction::{Cascade, SetNull};

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "meeting_documents",
            vec![
                id(),
                int("network_id"),
                int("meeting_id"),
                text("title"),
                int_null("doc_page_id"),
                text_null("filename"),
                text_null("content_type"),
                int_null("size"),
                ColumnDef::new(Alias::new("data")).blob().null().take(),
                int_null("added_by"),
                ts("created_at"),
            ],
            vec![
                fk("meeting_documents", "network_id", "networks", Cascade),
                fk("meeting_documents", "meeting_id", "meetings", Cascade),
                fk("meeting_documents", "doc_page_id", "doc_pages", Cascade),
                fk("meeting_documents", "added_by", "people", SetNull),
            ],
        ),
        index("meeting_documents", &["meeting_id", "id"], false),
    ]
}
