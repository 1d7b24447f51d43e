//! The newsletter's tables (migration 29).

use crate::db::entity;
use crate::db::types::Text;
use crate::i18n::Lang;

// An issue: its subject and Markdown in its own language; `status`: draft, then sent.
entity!(issue, "newsletter_issues", {
    network_id: i64,
    subject: String,
    body: String,
    language: Text<Lang>,
    status: Text<crate::newsletter::data::IssueStatus>,
    created_by: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
    sent_at: Option<TimeDateTimeWithTimeZone>,
});

// An issue in another language (one per language).
entity!(translation, "newsletter_translations", {
    network_id: i64,
    issue_id: i64,
    language: Text<Lang>,
    subject: String,
    body: String,
});

// An address subscribed (or asking to be: `pending` until it confirms), lower case.
entity!(subscriber, "newsletter_subscribers", {
    network_id: i64,
    email: String,
    language: Text<Lang>,
    status: Text<crate::newsletter::subscribe::Status>,
    created_at: TimeDateTimeWithTimeZone,
    confirmed_at: Option<TimeDateTimeWithTimeZone>,
    left_at: Option<TimeDateTimeWithTimeZone>,
});

// A confirmation or unsubscribe link's token (its SHA-256), used once.
entity!(token, "newsletter_tokens", {
    token_hash: String,
    network_id: i64,
    subscriber_id: i64,
    purpose: String,
    created_at: TimeDateTimeWithTimeZone,
    used_at: Option<TimeDateTimeWithTimeZone>,
});
