//! Migration 28: joining a network (issue 18, items 1, 2, 3 and 5).
//! - `applications`: an application to join, as the public form or the API took it
//!   (the organisation: kind, name, country, city, company number, size, website,
//!   software; the contact: name, address, language; the level wanted, why, the charter
//!   page and revision consented to), its state (`unconfirmed` until the contact's
//!   address is confirmed, then `pending`, then `accepted` or `declined`), the hash of
//!   its confirmation token, and its decision (who, when, a note, a sponsorship of the
//!   first fee in hundredths of a percent, the organisation made, a poll that decided).
//!   `open_key` (the contact's address and the organisation's folded name) is set while
//!   the application is open and unique per network: one open application per contact
//!   and organisation; a decided one has none.
//! - `application_comments`: the core circle's comments on an application.
//! - `network_about`: what a network's public page says about it, in Markdown, per
//!   language.
//! - `member_listings`: whether a member organisation agrees to be listed on the
//!   network's public page, its city and where it lies (millionths of a degree).
//! - `onboarding`: a new member organisation's onboarding (from its acceptance), with
//!   the time its representative first opened the welcome booklet; the other steps are
//!   read from the facts that prove them.
//! - `form_keys`: secrets the server signs its public forms' times with (one row per
//!   name, made on first use), shared by every instance.
//!
//! Nothing is carried over: none of this existed before.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, boolean, fk, id, index, int, int_null, table, text, text_null, ts, ts_null};
use sea_orm::sea_query::ForeignKeyAction::{Cascade, SetNull};

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "applications",
            vec![
                id(),
                int("network_id"),
                text("status"),
                text_null("open_key"),
                text("org_kind"),
                text("org_name"),
                text("country"),
                text("city"),
                text("company_number"),
                int_null("size"),
                text("website"),
                text("software"),
                text("contact_name"),
                text("contact_email"),
                text("contact_language"),
                int_null("person_id"),
                text("level"),
                text("motivation"),
                int_null("charter_page_id"),
                int_null("charter_revision"),
                text_null("confirm_hash"),
                ts_null("confirmed_at"),
                int_null("organisation_id"),
                int_null("decided_by"),
                ts_null("decided_at"),
                text("decision_note"),
                int("sponsorship_basis_points"),
                int_null("poll_id"),
                ts("created_at"),
                ts("updated_at"),
            ],
            vec![
                fk("applications", "network_id", "networks", Cascade),
                fk("applications", "person_id", "people", SetNull),
                fk("applications", "charter_page_id", "doc_pages", SetNull),
                fk("applications", "organisation_id", "organisations", SetNull),
                fk("applications", "decided_by", "people", SetNull),
                fk("applications", "poll_id", "polls", SetNull),
            ],
        ),
        index("applications", &["network_id", "open_key"], true),
        index("applications", &["network_id", "status", "created_at"], false),
        index("applications", &["confirm_hash"], false),
        table(
            "application_comments",
            vec![
                id(),
                int("network_id"),
                int("application_id"),
                int_null("author_id"),
                text("body"),
                ts("created_at"),
            ],
            vec![
                fk("application_comments", "network_id", "networks", Cascade),
                fk("application_comments", "application_id", "applications", Cascade),
                fk("application_comments", "author_id", "people", SetNull),
            ],
        ),
        index("application_comments", &["application_id", "created_at"], false),
        table(
            "network_about",
            vec![
                id(),
                int("network_id"),
                text("language"),
                text("body"),
                int_null("updated_by"),
                ts("updated_at"),
            ],
            vec![
                fk("network_about", "network_id", "networks", Cascade),
                fk("network_about", "updated_by", "people", SetNull),
            ],
        ),
        index("network_about", &["network_id", "language"], true),
        table(
            "member_listings",
            vec![
                id(),
                int("network_id"),
                int("organisation_id"),
                boolean("listed", false),
                text("city"),
                int_null("latitude_e6"),
                int_null("longitude_e6"),
                ts("updated_at"),
            ],
            vec![
                fk("member_listings", "network_id", "networks", Cascade),
                fk("member_listings", "organisation_id", "organisations", Cascade),
            ],
        ),
        index("member_listings", &["network_id", "organisation_id"], true),
        table(
            "onboarding",
            vec![
                id(),
                int("network_id"),
                int("organisation_id"),
                int_null("application_id"),
                ts("started_at"),
                ts_null("booklet_read_at"),
            ],
            vec![
                fk("onboarding", "network_id", "networks", Cascade),
                fk("onboarding", "organisation_id", "organisations", Cascade),
                fk("onboarding", "application_id", "applications", SetNull),
            ],
        ),
        index("onboarding", &["network_id", "organisation_id"], true),
        table(
            "form_keys",
            vec![id(), text("name"), text("secret"), ts("created_at")],
            vec![],
        ),
        index("form_keys", &["name"], true),
    ]
}
