//! Tables of work sharing (migration 27).

use crate::db::entity;
use crate::db::types::Text;
use intercoop_domain::work_sharing::{Basis, SplitStatus};

// An opportunity a member organisation brings: budget in cents, days of work from its
// first to its last day (days in the network's time zone), skills comma-separated, the
// member who brought it and its fee in basis points (0: none).
entity!(opportunity, "work_opportunities", {
    network_id: i64,
    organisation_id: i64,
    title: String,
    scope: String,
    budget_cents: i64,
    days: i64,
    starts_on: TimeDate,
    ends_on: TimeDate,
    skills: String,
    finder_organisation_id: Option<i64>,
    finder_fee_basis_points: i64,
    status: String,
    created_by: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
    updated_at: TimeDateTimeWithTimeZone,
});

// A member's interest in an opportunity: its capacity (days available over a period),
// its day rate in cents, its skills.
entity!(interest, "work_interests", {
    network_id: i64,
    opportunity_id: i64,
    organisation_id: i64,
    capacity_days: i64,
    available_from: TimeDate,
    available_to: TimeDate,
    day_rate_cents: i64,
    skills: String,
    declared_by: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
    updated_at: TimeDateTimeWithTimeZone,
});

// A split of an opportunity among a team, numbered from 1 per opportunity.
entity!(split, "work_splits", {
    network_id: i64,
    opportunity_id: i64,
    number: i64,
    status: Text<SplitStatus>,
    basis: Text<Basis>,
    fee_cents: i64,
    proposed_by: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
    decided_at: Option<TimeDateTimeWithTimeZone>,
});

// A team member's weight, days and money in a split.
entity!(line, "work_split_lines", {
    network_id: i64,
    split_id: i64,
    organisation_id: i64,
    weight: i64,
    days: i64,
    amount_cents: i64,
});

// A team member's answer to a proposed split (`accepted`, `declined`).
entity!(consent, "work_consents", {
    network_id: i64,
    split_id: i64,
    organisation_id: i64,
    person_id: Option<i64>,
    answer: String,
    created_at: TimeDateTimeWithTimeZone,
});
