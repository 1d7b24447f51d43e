//! Migration 1: the foundation — networks, organisations and their memberships,
//! people, sessions and tokens, the audit log, the outbox and the idempotency keys.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, boolean, fk, id, index, int, int_null, table, text, text_null, ts, ts_null};
use sea_orm::sea_query::ColumnDef;
use sea_orm::sea_query::ForeignKeyAction::{Cascade, Restrict};

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "networks",
            vec![
                id(),
                ColumnDef::new("slug").text().not_null().unique_key().take(),
                text("name"),
                text("description"),
                text("default_language"),
                text("time_zone"),
                text("currency"),
                text("rules"),
                ts("created_at"),
            ],
            vec![],
        ),
        table(
            "organisations",
            vec![
                id(),
                text("name"),
                text("kind"),
                text("country"),
                text("language"),
                text("address"),
                text("company_number"),
                int_null("size"),
                text("bank_account"),
                text("website"),
                ts("created_at"),
                ts("updated_at"),
            ],
            vec![],
        ),
        index("organisations", &["name"], false),
        table(
            "organisation_software",
            vec![id(), int("organisation_id"), text("name")],
            vec![fk("organisation_software", "organisation_id", "organisations", Cascade)],
        ),
        index("organisation_software", &["organisation_id", "name"], true),
        index("organisation_software", &["name"], false),
        table(
            "memberships",
            vec![
                id(),
                int("network_id"),
                int("organisation_id"),
                text("status"),
                text("level"),
                ColumnDef::new("joined_on").date().null().take(),
                ColumnDef::new("left_on").date().null().take(),
                ts("created_at"),
                ts("updated_at"),
            ],
            vec![
                fk("memberships", "network_id", "networks", Cascade),
                fk("memberships", "organisation_id", "organisations", Restrict),
            ],
        ),
        index("memberships", &["network_id", "organisation_id"], true),
        index("memberships", &["organisation_id"], false),
        table(
            "people",
            vec![
                id(),
                ColumnDef::new("email").text().not_null().unique_key().take(),
                text("name"),
                text_null("language"),
                text_null("password_hash"),
                text("phone"),
                boolean("disabled", false),
                ts("created_at"),
                ts_null("last_login_at"),
            ],
            vec![],
        ),
        table(
            "network_people",
            vec![
                id(),
                int("network_id"),
                int("person_id"),
                boolean("is_admin", false),
                boolean("is_core_circle", false),
                ts("created_at"),
            ],
            vec![
                fk("network_people", "network_id", "networks", Cascade),
                fk("network_people", "person_id", "people", Cascade),
            ],
        ),
        index("network_people", &["network_id", "person_id"], true),
        index("network_people", &["person_id"], false),
        table(
            "affiliations",
            vec![
                id(),
                int("organisation_id"),
                int("person_id"),
                text("title"),
                ts("created_at"),
            ],
            vec![
                fk("affiliations", "organisation_id", "organisations", Cascade),
                fk("affiliations", "person_id", "people", Cascade),
            ],
        ),
        index("affiliations", &["organisation_id", "person_id"], true),
        index("affiliations", &["person_id"], false),
        // One row per mandate; `current` is TRUE for the sitting representative and NULL
        // afterwards, so the unique index allows exactly one current row per membership
        // on both backends (NULLs are distinct in unique indexes).
        table(
            "representatives",
            vec![
                id(),
                int("network_id"),
                int("organisation_id"),
                int("person_id"),
                ColumnDef::new("current").boolean().null().take(),
                ts("since"),
                ts_null("until"),
                int_null("appointed_by"),
            ],
            vec![
                fk("representatives", "network_id", "networks", Cascade),
                fk("representatives", "organisation_id", "organisations", Cascade),
                fk("representatives", "person_id", "people", Restrict),
            ],
        ),
        index("representatives", &["network_id", "organisation_id", "current"], true),
        index("representatives", &["person_id"], false),
        table(
            "sessions",
            vec![
                ColumnDef::new("token_hash").text().not_null().primary_key().take(),
                int("person_id"),
                int("network_id"),
                ts("created_at"),
                ts("expires_at"),
                ts("last_seen_at"),
            ],
            vec![
                fk("sessions", "person_id", "people", Cascade),
                fk("sessions", "network_id", "networks", Cascade),
            ],
        ),
        index("sessions", &["person_id"], false),
        table(
            "login_tokens",
            vec![
                ColumnDef::new("token_hash").text().not_null().primary_key().take(),
                int("person_id"),
                int_null("network_id"),
                text("purpose"),
                ts("created_at"),
                ts("expires_at"),
                ts_null("used_at"),
            ],
            vec![fk("login_tokens", "person_id", "people", Cascade)],
        ),
        index("login_tokens", &["person_id"], false),
        table(
            "api_tokens",
            vec![
                id(),
                ColumnDef::new("token_hash").text().not_null().unique_key().take(),
                int("person_id"),
                int("network_id"),
                text("name"),
                ts("created_at"),
                ts_null("last_used_at"),
                ts_null("revoked_at"),
            ],
            vec![
                fk("api_tokens", "person_id", "people", Cascade),
                fk("api_tokens", "network_id", "networks", Cascade),
            ],
        ),
        table(
            "audit_log",
            vec![
                id(),
                int_null("network_id"),
                int_null("actor_id"),
                text("action"),
                text("entity"),
                int_null("entity_id"),
                text_null("before"),
                text_null("after"),
                text("request_id"),
                ts("at"),
            ],
            vec![],
        ),
        index("audit_log", &["network_id", "id"], false),
        index("audit_log", &["entity", "entity_id"], false),
        table(
            "outbox",
            vec![
                id(),
                int_null("network_id"),
                text("to_address"),
                text("to_name"),
                text("subject"),
                text("text_body"),
                text("html_body"),
                text("language"),
                text("kind"),
                text("status"),
                int("attempts"),
                ts("next_attempt_at"),
                ts_null("locked_until"),
                text_null("locked_by"),
                ts_null("sent_at"),
                text_null("last_error"),
                ts("created_at"),
            ],
            vec![],
        ),
        index("outbox", &["status", "next_attempt_at"], false),
        table(
            "idempotency_keys",
            vec![
                id(),
                int("person_id"),
                text("key"),
                text("request_hash"),
                int("status_code"),
                text("response_body"),
                ts("created_at"),
            ],
            vec![fk("idempotency_keys", "person_id", "people", Cascade)],
        ),
        index("idempotency_keys", &["person_id", "key"], true),
        // A scheduled job claims its period by inserting a row: the unique index makes
        // it run once even with several instances.
        table(
            "job_runs",
            vec![
                id(),
                text("job"),
                text("period"),
                text("instance"),
                ts("started_at"),
                ts_null("finished_at"),
            ],
            vec![],
        ),
        index("job_runs", &["job", "period"], true),
    ]
}
