//! Migration 29: the logbook and the newsletter (issue 17, items 5 and 6).
//! - `logbook_articles`: a network's article, in Markdown, `public` or `members`, with
//!   its writer and the newsletter issue it was sent as (none: not sent);
//! - `newsletter_subscribers`: an email address (not a person) subscribed to a network's
//!   newsletter, in a language; `status` `pending` until the confirmation link is
//!   followed (double opt-in), then `confirmed`, or `left`;
//! - `newsletter_tokens`: the confirmation and unsubscribe links' tokens (stored as
//!   their SHA-256), with when each was used;
//! - `newsletter_issues`: an issue in Markdown in its language, `draft` until sent;
//!   `newsletter_translations`: the same issue in other languages;
//! - `mail_bounces`: addresses that failed for good (an SMTP 5xx at sending, or a
//!   delivery status notification received), never written to again by the
//!   notification service's address recipients.
//!
//! Nothing is carried over: none of this existed before.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, fk, id, index, int, int_null, table, text, ts, ts_null};
use sea_orm::sea_query::ForeignKeyAction::{Cascade, SetNull};

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "newsletter_issues",
            vec![
                id(),
                int("network_id"),
                text("subject"),
                text("body"),
                text("language"),
                text("status"),
                int_null("created_by"),
                ts("created_at"),
                ts_null("sent_at"),
            ],
            vec![
                fk("newsletter_issues", "network_id", "networks", Cascade),
                fk("newsletter_issues", "created_by", "people", SetNull),
            ],
        ),
        index("newsletter_issues", &["network_id", "sent_at"], false),
        table(
            "newsletter_translations",
            vec![
                id(),
                int("network_id"),
                int("issue_id"),
                text("language"),
                text("subject"),
                text("body"),
            ],
            vec![
                fk("newsletter_translations", "network_id", "networks", Cascade),
                fk("newsletter_translations", "issue_id", "newsletter_issues", Cascade),
            ],
        ),
        index("newsletter_translations", &["issue_id", "language"], true),
        table(
            "logbook_articles",
            vec![
                id(),
                int("network_id"),
                text("title"),
                text("body"),
                text("visibility"),
                int_null("author_id"),
                int_null("issue_id"),
                ts("created_at"),
                ts("updated_at"),
            ],
            vec![
                fk("logbook_articles", "network_id", "networks", Cascade),
                fk("logbook_articles", "author_id", "people", SetNull),
                fk("logbook_articles", "issue_id", "newsletter_issues", SetNull),
            ],
        ),
        index("logbook_articles", &["network_id", "created_at"], false),
        table(
            "newsletter_subscribers",
            vec![
                id(),
                int("network_id"),
                text("email"),
                text("language"),
                text("status"),
                ts("created_at"),
                ts_null("confirmed_at"),
                ts_null("left_at"),
            ],
            vec![fk("newsletter_subscribers", "network_id", "networks", Cascade)],
        ),
        index("newsletter_subscribers", &["network_id", "email"], true),
        index("newsletter_subscribers", &["network_id", "status"], false),
        table(
            "newsletter_tokens",
            vec![
                id(),
                text("token_hash"),
                int("network_id"),
                int("subscriber_id"),
                text("purpose"),
                ts("created_at"),
                ts_null("used_at"),
            ],
            vec![
                fk("newsletter_tokens", "network_id", "networks", Cascade),
                fk("newsletter_tokens", "subscriber_id", "newsletter_subscribers", Cascade),
            ],
        ),
        index("newsletter_tokens", &["token_hash"], true),
        table(
            "mail_bounces",
            vec![id(), text("address"), text("reason"), text("source"), ts("created_at")],
            vec![],
        ),
        index("mail_bounces", &["address"], true),
    ]
}
