//! Tables of pooled funds and budgeting rounds (migration 26).

use crate::db::entity;
use crate::db::types::Text;
use intercoop_domain::pooling::matching::MatchingKind;
use intercoop_domain::pooling::{AllocationRule, Returns};

// A pooled fund of the network; its money is the journal's `pool` account.
entity!(pool, "pools", {
    network_id: i64,
    name: String,
    description: String,
    created_by: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
});

// Money received into a pool: `kind` is periodic, surplus, gift or grant; a grant may
// have no organisation. `payment_request_id`: the periodic request it was paid by
// (migration 37, unique).
entity!(contribution, "pool_contributions", {
    network_id: i64,
    pool_id: i64,
    organisation_id: Option<i64>,
    kind: String,
    amount_cents: i64,
    note: String,
    recorded_by: Option<i64>,
    received_at: TimeDateTimeWithTimeZone,
    payment_request_id: Option<i64>,
});

// A budgeting round on a pool; `status` is `open` until the close computes the result.
entity!(round, "pool_rounds", {
    network_id: i64,
    pool_id: i64,
    title: String,
    description: String,
    opens_at: TimeDateTimeWithTimeZone,
    closes_at: TimeDateTimeWithTimeZone,
    allocation: Text<AllocationRule>,
    returns: Text<Returns>,
    participants: String,
    matching_kind: Option<Text<MatchingKind>>,
    matching_cents: i64,
    matching_cap_cents: Option<i64>,
    budget_cents: i64,
    status: String,
    closed_at: Option<TimeDateTimeWithTimeZone>,
    returned_cents: Option<i64>,
    matching_returned_cents: Option<i64>,
    opened_sent_at: Option<TimeDateTimeWithTimeZone>,
    reminder_sent_at: Option<TimeDateTimeWithTimeZone>,
    result_sent_at: Option<TimeDateTimeWithTimeZone>,
    created_by: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
});

// A project proposed in a round; `placed_cents` is kept by the placing write; the
// result columns are set by the close (`weight`: the matching weight, decimal text).
entity!(bucket, "pool_buckets", {
    network_id: i64,
    round_id: i64,
    title: String,
    description: String,
    breakdown: String,
    min_cents: i64,
    max_cents: Option<i64>,
    placed_cents: i64,
    raised_cents: Option<i64>,
    matched_cents: Option<i64>,
    weight: Option<String>,
    created_by: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
});

// A participant's allocation in a round (`carried_cents` of it came back from an
// earlier round), what it placed, and what came back at the close. The participant is
// the organisation (`person_id` 0) or, in a round per person, one of its people.
entity!(allocation, "pool_allocations", {
    network_id: i64,
    round_id: i64,
    organisation_id: i64,
    person_id: i64,
    allocation_cents: i64,
    carried_cents: i64,
    placed_cents: i64,
    returned_cents: Option<i64>,
    carried_into: Option<i64>,
});

// What a participant placed in a bucket (`person_id` as in its allocation).
entity!(placement, "pool_placements", {
    network_id: i64,
    round_id: i64,
    bucket_id: i64,
    organisation_id: i64,
    person_id: i64,
    amount_cents: i64,
    placed_by: Option<i64>,
    placed_at: TimeDateTimeWithTimeZone,
});

// A pool's periodic contributions (migration 36): `amount_cents` per member
// organisation (per member worker when `per_worker`) each `period` (`weekly`,
// `monthly`) from `starts_on` (`YYYY-MM-DD`, a day in the network's time zone);
// `applies_from` (migration 37): the day it took effect as it stands (made: its first
// day; changed: the day of the change; empty: its first day).
entity!(schedule, "pool_schedules", {
    network_id: i64,
    pool_id: i64,
    amount_cents: i64,
    period: String,
    per_worker: bool,
    active: bool,
    starts_on: String,
    updated_at: TimeDateTimeWithTimeZone,
    applies_from: Option<String>,
});

/// A round still taking allocations (until its close computes the result).
pub const OPEN: &str = "open";
/// A round whose result is computed and posted.
pub const CLOSED: &str = "closed";

/// A round whose participants are the member organisations (migration 32's default).
pub const BY_ORGANISATION: &str = "organisation";
/// A round in which each person of a member organisation has an allocation.
pub const BY_PERSON: &str = "person";
