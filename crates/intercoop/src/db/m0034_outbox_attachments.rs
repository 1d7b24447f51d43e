//! Migration 34: files sent with an email (issue 18: the welcome booklet's PDF).
//! - `outbox_attachments`: a file of a message of the outbox (`filename`,
//!   `content_type`, `data`), made when the message was written, so that every attempt
//!   sends the same bytes. Removed with its message.
//!
//! Nothing is carried over: messages had no files before (an invitation's calendar
//! stays in `outbox.calendar`).
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, fk, id, index, int, table, text};
use sea_orm::sea_query::Alias;
use sea_orm::sea_query::ColumnDef;
use sea_orm::sea_query::ForeignKeyAction::Cascade;

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "outbox_attachments",
            vec![
                id(),
                int("outbox_id"),
                text("filename"),
                text("content_type"),
                ColumnDef::new(Alias::new("data")).blob().not_null().take(),
            ],
            vec![fk("outbox_attachments", "outbox_id", "outbox", Cascade)],
        ),
        index("outbox_attachments", &["outbox_id", "id"], false),
    ]
}
