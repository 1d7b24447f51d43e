//! Migration 21: meetings' proxies and events' registrations (issue 15, items 1 and 3).
//! - `meeting_proxies`: a member organisation gives its proxy for one meeting to another
//!   member organisation (at most one per giver and meeting); the quorum counts the
//!   giver when the holder is present;
//! - `meeting_registrations`: a person registered for an event (`registered`) or on its
//!   waiting list (`waiting`, in the order of `id`), once per event; `promoted_at`:
//!   when a waiting person got a place that came free.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, fk, id, index, int, int_null, table, text, ts, ts_null};
use sea_orm::sea_query::ForeignKeyAction::{Cascade, SetNull};

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "meeting_proxies",
            vec![
                id(),
                int("network_id"),
                int("meeting_id"),
                int("organisation_id"),
                int("holder_organisation_id"),
                int_null("created_by"),
                ts("created_at"),
            ],
            vec![
                fk("meeting_proxies", "network_id", "networks", Cascade),
                fk("meeting_proxies", "meeting_id", "meetings", Cascade),
                fk("meeting_proxies", "organisation_id", "organisations", Cascade),
                fk("meeting_proxies", "holder_organisation_id", "organisations", Cascade),
                fk("meeting_proxies", "created_by", "people", SetNull),
            ],
        ),
        index("meeting_proxies", &["meeting_id", "organisation_id"], true),
        index("meeting_proxies", &["meeting_id", "holder_organisation_id"], false),
        table(
            "meeting_registrations",
            vec![
                id(),
                int("meeting_id"),
                int("person_id"),
                text("status"),
                ts("created_at"),
                ts_null("promoted_at"),
            ],
            vec![
                fk("meeting_registrations", "meeting_id", "meetings", Cascade),
                fk("meeting_registrations", "person_id", "people", Cascade),
            ],
        ),
        index("meeting_registrations", &["meeting_id", "person_id"], true),
        index("meeting_registrations", &["meeting_id", "status", "id"], false),
    ]
}
