//! The logbook's table (migration 29).

use crate::db::entity;
use crate::db::types::Text;

// An article: Markdown `body`, who reads it, who wrote it, and the newsletter issue it
// was sent as (none: not sent).
entity!(article, "logbook_articles", {
    network_id: i64,
    title: String,
    body: String,
    visibility: Text<crate::logbook::data::Visibility>,
    author_id: Option<i64>,
    issue_id: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
    updated_at: TimeDateTimeWithTimeZone,
});
