//! Migration 16: meetings (assemblies, core circle meetings, general assemblies,
//! events).
//! - `meeting_series`: a recurring meeting's rule (RFC 5545 RRULE), its first local
//!   start and zone, and how far ahead its occurrences are scheduled;
//! - `meetings`: one row per occurrence, with its calendar identity (`uid`, stable;
//!   `sequence`, raised by each change calendars must take), its reminders (minutes
//!   before, JSON) and its minutes;
//! - `meeting_agenda`: the items (free text, a proposal, a poll);
//! - `meeting_answers`: who answered whether they come, and who was present;
//! - `meeting_links`: the one-tap answer links of the invitations (hashed);
//! - `calendar_feeds`: each person's private calendar feed (hashed token);
//! - `outbox.calendar`: an iCalendar invitation sent with a message.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, boolean, fk, id, index, int, int_null, table, text, text_null, ts, ts_null};
use sea_orm::sea_query::ForeignKeyAction::{Cascade, SetNull};
use sea_orm::sea_query::{Alias, ColumnDef, Table};

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "meeting_series",
            vec![
                id(),
                int("network_id"),
                text("rule"),
                text("first_local"),
                text("time_zone"),
                ts("scheduled_until"),
                ts("created_at"),
            ],
            vec![fk("meeting_series", "network_id", "networks", Cascade)],
        ),
        table(
            "meetings",
            vec![
                id(),
                int("network_id"),
                int_null("series_id"),
                text("kind"),
                text("title"),
                text("description"),
                ts("starts_at"),
                ts("ends_at"),
                text("time_zone"),
                text("place"),
                text("video_url"),
                text("status"),
                int("sequence"),
                text("uid"),
                text("reminders"),
                int_null("capacity"),
                text("minutes"),
                text("minutes_status"),
                ts_null("invited_at"),
                int_null("created_by"),
                ts("created_at"),
                ts("updated_at"),
            ],
            vec![
                fk("meetings", "network_id", "networks", Cascade),
                fk("meetings", "series_id", "meeting_series", SetNull),
                fk("meetings", "created_by", "people", SetNull),
            ],
        ),
        index("meetings", &["network_id", "starts_at"], false),
        index("meetings", &["uid"], true),
        index("meetings", &["series_id", "starts_at"], false),
        table(
            "meeting_agenda",
            vec![
                id(),
                int("meeting_id"),
                int("position"),
                text("kind"),
                text("body"),
                int_null("proposal_id"),
                int_null("poll_id"),
            ],
            vec![
                fk("meeting_agenda", "meeting_id", "meetings", Cascade),
                fk("meeting_agenda", "proposal_id", "proposals", SetNull),
                fk("meeting_agenda", "poll_id", "polls", SetNull),
            ],
        ),
        index("meeting_agenda", &["meeting_id", "position"], false),
        table(
            "meeting_answers",
            vec![
                id(),
                int("meeting_id"),
                int("person_id"),
                text_null("answer"),
                boolean("present", false),
                int_null("recorded_by"),
                ts("updated_at"),
            ],
            vec![
                fk("meeting_answers", "meeting_id", "meetings", Cascade),
                fk("meeting_answers", "person_id", "people", Cascade),
                fk("meeting_answers", "recorded_by", "people", SetNull),
            ],
        ),
        index("meeting_answers", &["meeting_id", "person_id"], true),
        index("meeting_answers", &["person_id"], false),
        table(
            "meeting_links",
            vec![
                ColumnDef::new("token_hash").text().not_null().primary_key().take(),
                int("meeting_id"),
                int("person_id"),
                ts("created_at"),
            ],
            vec![
                fk("meeting_links", "meeting_id", "meetings", Cascade),
                fk("meeting_links", "person_id", "people", Cascade),
            ],
        ),
        index("meeting_links", &["meeting_id"], false),
        table(
            "calendar_feeds",
            vec![
                ColumnDef::new("token_hash").text().not_null().primary_key().take(),
                int("person_id"),
                int("network_id"),
                ts("created_at"),
            ],
            vec![
                fk("calendar_feeds", "person_id", "people", Cascade),
                fk("calendar_feeds", "network_id", "networks", Cascade),
            ],
        ),
        index("calendar_feeds", &["person_id", "network_id"], false),
        Step::Alter(Box::new(
            Table::alter()
                .table(Alias::new("outbox"))
                .add_column(ColumnDef::new(Alias::new("calendar")).text().null())
                .take(),
        )),
    ]
}
