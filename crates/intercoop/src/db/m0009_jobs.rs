//! Migration 9: the durable job queue and the events between features.
//! - `jobs`: work to do at a time (a campaign's deadline, a poll's closing, a reminder,
//!   a daily digest, an email to make), written in the transaction of the change that
//!   causes it, claimed with a lease, retried with backoff, kept when it fails;
//! - `events`: what happened in one feature that others react to (a poll closed);
//! - `job_runs` (one row per job and period) is dropped: the queue replaces it.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{Step, index, int, int_null, table, text, text_null, ts, ts_null};
use sea_orm::sea_query::{Alias, Table};

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "jobs",
            vec![
                super::migrations::id(),
                text("kind"),
                text("payload"),
                int_null("network_id"),
                text_null("unique_key"),
                ts("run_at"),
                text("status"),
                int("attempts"),
                int("max_attempts"),
                text_null("locked_by"),
                ts_null("locked_until"),
                text_null("last_error"),
                ts("created_at"),
                ts("updated_at"),
                ts_null("finished_at"),
            ],
            vec![],
        ),
        // NULLs are distinct in a unique index on both backends: jobs without a key
        // never collide.
        index("jobs", &["unique_key"], true),
        index("jobs", &["status", "run_at"], false),
        index("jobs", &["network_id", "status"], false),
        table(
            "events",
            vec![
                super::migrations::id(),
                text("kind"),
                int_null("network_id"),
                text("payload"),
                ts("created_at"),
            ],
            vec![],
        ),
        index("events", &["network_id", "id"], false),
        Step::Drop(Box::new(Table::drop().table(Alias::new("job_runs")).take())),
    ]
}
