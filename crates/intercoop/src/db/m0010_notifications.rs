//! Migration 10: one notification service for every email.
//! - `notification_settings`: how a person wants each kind of email of a network
//!   (`immediate`, `digest` — in the daily digest — or `never`);
//! - `unsubscribe_tokens`: the one-click unsubscribe link of each email (RFC 8058),
//!   stored hashed, for that person, network and kind;
//! - `held_notices`: what waits for a person's daily digest (the notice itself, so that
//!   the digest decides again at sending time);
//! - `outbox.person_id` and `outbox.unsubscribe_url`: who a message is for, and its
//!   List-Unsubscribe link (none for the security messages: login links, resets).
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, fk, id, index, int, table, text, ts, ts_null};
use sea_orm::sea_query::ForeignKeyAction::Cascade;
use sea_orm::sea_query::{Alias, ColumnDef, Table};

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "notification_settings",
            vec![
                id(),
                int("person_id"),
                int("network_id"),
                text("kind"),
                text("mode"),
                ts("updated_at"),
            ],
            vec![
                fk("notification_settings", "person_id", "people", Cascade),
                fk("notification_settings", "network_id", "networks", Cascade),
            ],
        ),
        index("notification_settings", &["person_id", "network_id", "kind"], true),
        table(
            "unsubscribe_tokens",
            vec![
                ColumnDef::new("token_hash").text().not_null().primary_key().take(),
                int("person_id"),
                int("network_id"),
                text("kind"),
                ts("created_at"),
                ts_null("used_at"),
            ],
            vec![
                fk("unsubscribe_tokens", "person_id", "people", Cascade),
                fk("unsubscribe_tokens", "network_id", "networks", Cascade),
            ],
        ),
        index("unsubscribe_tokens", &["created_at"], false),
        table(
            "held_notices",
            vec![
                id(),
                int("person_id"),
                int("network_id"),
                text("kind"),
                // The notice and what only this person sees, as JSON: the digest asks again,
                // at 17:00, whether the person still wants it and is still concerned.
                text("notice"),
                ts("created_at"),
                ts_null("sent_at"),
            ],
            vec![
                fk("held_notices", "person_id", "people", Cascade),
                fk("held_notices", "network_id", "networks", Cascade),
            ],
        ),
        index("held_notices", &["network_id", "sent_at"], false),
        Step::Alter(Box::new(
            Table::alter()
                .table(Alias::new("outbox"))
                .add_column(ColumnDef::new(Alias::new("person_id")).big_integer().null())
                .take(),
        )),
        Step::Alter(Box::new(
            Table::alter()
                .table(Alias::new("outbox"))
                .add_column(ColumnDef::new(Alias::new("unsubscribe_url")).text().null())
                .take(),
        )),
        index("outbox", &["person_id"], false),
    ]
}
