//! Tables of joining a network (migration 28).

use crate::db::entity;

// An application to join: the organisation and contact as typed, its state, and its
// decision.
entity!(application, "applications", {
    network_id: i64,
    status: String,
    open_key: Option<String>,
    org_kind: String,
    org_name: String,
    country: String,
    city: String,
    company_number: String,
    size: Option<i64>,
    website: String,
    software: String,
    contact_name: String,
    contact_email: String,
    contact_language: String,
    person_id: Option<i64>,
    level: String,
    motivation: String,
    charter_page_id: Option<i64>,
    charter_revision: Option<i64>,
    confirm_hash: Option<String>,
    confirmed_at: Option<TimeDateTimeWithTimeZone>,
    organisation_id: Option<i64>,
    decided_by: Option<i64>,
    decided_at: Option<TimeDateTimeWithTimeZone>,
    decision_note: String,
    sponsorship_basis_points: i64,
    poll_id: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
    updated_at: TimeDateTimeWithTimeZone,
});

// A comment of the core circle on an application.
entity!(comment, "application_comments", {
    network_id: i64,
    application_id: i64,
    author_id: Option<i64>,
    body: String,
    created_at: TimeDateTimeWithTimeZone,
});

// What the network's public page says about it, in one language (Markdown).
entity!(about, "network_about", {
    network_id: i64,
    language: String,
    body: String,
    updated_by: Option<i64>,
    updated_at: TimeDateTimeWithTimeZone,
});

// A member organisation's consent to be listed publicly, its city and place.
entity!(listing, "member_listings", {
    network_id: i64,
    organisation_id: i64,
    listed: bool,
    city: String,
    latitude_e6: Option<i64>,
    longitude_e6: Option<i64>,
    updated_at: TimeDateTimeWithTimeZone,
});

// A new member organisation's onboarding.
entity!(onboarding, "onboarding", {
    network_id: i64,
    organisation_id: i64,
    application_id: Option<i64>,
    started_at: TimeDateTimeWithTimeZone,
    booklet_read_at: Option<TimeDateTimeWithTimeZone>,
});

// A secret the server signs a public form's time with.
entity!(form_key, "form_keys", {
    name: String,
    secret: String,
    created_at: TimeDateTimeWithTimeZone,
});
