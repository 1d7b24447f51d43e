//! Tables of the documentation space (migration 25).

use crate::db::types::Text;
use intercoop_domain::documentation::Visibility;

use crate::db::entity;

// A page: Markdown `body`, its place in the tree (`parent_id`, `position` among its
// siblings), its own visibility, its place in the welcome booklet (none: not in it) and
// the number of its current revision.
entity!(page, "doc_pages", {
    network_id: i64,
    parent_id: Option<i64>,
    title: String,
    body: String,
    visibility: Text<Visibility>,
    position: i64,
    booklet_position: Option<i64>,
    revision: i64,
    created_by: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
    updated_by: Option<i64>,
    updated_at: TimeDateTimeWithTimeZone,
});

// A saved state of a page, numbered from 1.
entity!(revision, "doc_revisions", {
    network_id: i64,
    page_id: i64,
    number: i64,
    title: String,
    body: String,
    visibility: Text<Visibility>,
    author_id: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
});
