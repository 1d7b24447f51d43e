//! Tables of the meetings (migration 16), of their minutes' decisions (migration 18)
//! and of their proxies and registrations (migration 21).

use crate::db::types::{Json as StoredJson, Text};
use intercoop_domain::core_circle::Seat;
use intercoop_domain::meetings::{AgendaKind, Answer, MeetingKind, MeetingStatus, MinutesStatus};

use crate::db::entity;

// `first_local`: the first occurrence's local date and time (`2026-01-06T19:00:00`).
entity!(series, "meeting_series", {
    network_id: i64,
    rule: String,
    first_local: String,
    time_zone: String,
    scheduled_until: TimeDateTimeWithTimeZone,
    created_at: TimeDateTimeWithTimeZone,
});

// `invited_at`: when the invitation went out (updates and cancellations are sent only
// after it).
entity!(meeting, "meetings", {
    network_id: i64,
    series_id: Option<i64>,
    kind: Text<MeetingKind>,
    title: String,
    description: String,
    starts_at: TimeDateTimeWithTimeZone,
    ends_at: TimeDateTimeWithTimeZone,
    time_zone: String,
    place: String,
    video_url: String,
    status: Text<MeetingStatus>,
    sequence: i64,
    uid: String,
    reminders: StoredJson<Vec<i64>>,
    capacity: Option<i64>,
    minutes: String,
    minutes_status: Text<MinutesStatus>,
    invited_at: Option<TimeDateTimeWithTimeZone>,
    created_by: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
    updated_at: TimeDateTimeWithTimeZone,
    minutes_approved_by: Option<i64>,
    minutes_published_at: Option<TimeDateTimeWithTimeZone>,
});

// A decision of a meeting (migration 18): its text and what made it, a poll or a
// proposal's transition (`proposal_events`), if anything.
entity!(decision, "meeting_decisions", {
    network_id: i64,
    meeting_id: i64,
    position: i64,
    body: String,
    poll_id: Option<i64>,
    proposal_event_id: Option<i64>,
    created_by: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
});

// A mandate of the core circle (migration 18): an organisation on a seat from its first
// day to its last (the network's days, both included); `warned_at`: when the warning of
// its end went out.
entity!(mandate, "core_mandates", {
    network_id: i64,
    organisation_id: i64,
    seat: Text<Seat>,
    starts_on: TimeDate,
    ends_on: TimeDate,
    poll_id: Option<i64>,
    warned_at: Option<TimeDateTimeWithTimeZone>,
    created_by: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
});

// An election to the core circle (migration 18): `status` candidacy, voting, done or
// failed; `outcome`: the broken rule's code of a failed one.
entity!(election, "core_elections", {
    network_id: i64,
    seats: i64,
    starts_on: TimeDate,
    ends_on: TimeDate,
    status: Text<crate::assemblies::elections::ElectionStatus>,
    poll_id: Option<i64>,
    outcome: String,
    created_by: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
});

// A candidate organisation of an election, with its option in the poll.
entity!(candidate, "core_candidates", {
    election_id: i64,
    organisation_id: i64,
    option_id: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
});

entity!(agenda_item, "meeting_agenda", {
    meeting_id: i64,
    position: i64,
    kind: Text<AgendaKind>,
    body: String,
    proposal_id: Option<i64>,
    poll_id: Option<i64>,
});

entity!(answer, "meeting_answers", {
    meeting_id: i64,
    person_id: i64,
    answer: Option<Text<Answer>>,
    present: bool,
    recorded_by: Option<i64>,
    updated_at: TimeDateTimeWithTimeZone,
});

pub mod link {
    use sea_orm::entity::prelude::*;

    /// A one-tap answer link of an invitation (the token's SHA-256).
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "meeting_links")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub token_hash: String,
        pub meeting_id: i64,
        pub person_id: i64,
        pub created_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod feed {
    use sea_orm::entity::prelude::*;

    /// A person's private calendar feed in a network (the token's SHA-256).
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "calendar_feeds")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub token_hash: String,
        pub person_id: i64,
        pub network_id: i64,
        pub created_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

// A meeting's proxy (migration 21): `organisation_id` gives its proxy for the meeting to
// `holder_organisation_id` (both member organisations; one per giver and meeting).
entity!(proxy, "meeting_proxies", {
    network_id: i64,
    meeting_id: i64,
    organisation_id: i64,
    holder_organisation_id: i64,
    created_by: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
});

// A person's registration for an event (migration 21): `registered` or `waiting` (in
// the order of `id`); `promoted_at`: when a waiting person got a place.
entity!(registration, "meeting_registrations", {
    meeting_id: i64,
    person_id: i64,
    status: Text<crate::assemblies::registrations::Status>,
    created_at: TimeDateTimeWithTimeZone,
    promoted_at: Option<TimeDateTimeWithTimeZone>,
});

// A document of a meeting (migration 30): a file kept here (`filename`,
// `content_type`, `size` in bytes, `data`) or a page of the documentation space
// (`doc_page_id`); exactly one of the two.
entity!(document, "meeting_documents", {
    network_id: i64,
    meeting_id: i64,
    title: String,
    doc_page_id: Option<i64>,
    filename: Option<String>,
    content_type: Option<String>,
    size: Option<i64>,
    data: Option<Vec<u8>>,
    added_by: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
});
