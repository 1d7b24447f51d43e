//! Migration 25: the documentation space (issue 18, item 4).
//! - `doc_pages`: a page of a network's documentation, in Markdown, in a tree
//!   (`parent_id`, ordered by `position`), with its visibility (`public`, `members`,
//!   `core`), its place in the welcome booklet (`booklet_position`, none when it is not
//!   in the booklet) and its current revision's number (`revision`);
//! - `doc_revisions`: every saved state of a page (title, body, visibility), numbered
//!   from 1 per page, with who saved it and when.
//!
//! Nothing is carried over: there were no pages before.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, fk, id, index, int, int_null, table, text, ts};
use sea_orm::sea_query::ForeignKeyAction::{Cascade, SetNull};

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "doc_pages",
            vec![
                id(),
                int("network_id"),
                int_null("parent_id"),
                text("title"),
                text("body"),
                text("visibility"),
                int("position"),
                int_null("booklet_position"),
                int("revision"),
                int_null("created_by"),
                ts("created_at"),
                int_null("updated_by"),
                ts("updated_at"),
            ],
            vec![
                fk("doc_pages", "network_id", "networks", Cascade),
                fk("doc_pages", "parent_id", "doc_pages", SetNull),
                fk("doc_pages", "created_by", "people", SetNull),
                fk("doc_pages", "updated_by", "people", SetNull),
            ],
        ),
        index("doc_pages", &["network_id", "parent_id", "position"], false),
        index("doc_pages", &["network_id", "booklet_position"], false),
        table(
            "doc_revisions",
            vec![
                id(),
                int("network_id"),
                int("page_id"),
                int("number"),
                text("title"),
                text("body"),
                text("visibility"),
                int_null("author_id"),
                ts("created_at"),
            ],
            vec![
                fk("doc_revisions", "network_id", "networks", Cascade),
                fk("doc_revisions", "page_id", "doc_pages", Cascade),
                fk("doc_revisions", "author_id", "people", SetNull),
            ],
        ),
        index("doc_revisions", &["page_id", "number"], true),
    ]
}
