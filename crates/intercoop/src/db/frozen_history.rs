//! Migrations are frozen history: a database made by an old version goes through every
//! migration since, against the schema of each one's time. Feature code and entities
//! follow today's schema (a column a later migration adds, a renamed table), so a
//! migration that calls them breaks the upgrade of older databases (as migrations 6
//! and 8 once did: "no such column" upgrading from versions 2 to 5). These tests keep
//! it so.

use super::migrations::{MIGRATIONS, Step};

/// The source of the runner and of every migration file.
const SOURCES: &[(&str, &str)] = &[
    ("migrations.rs", include_str!("migrations.rs")),
    ("m0001_foundation.rs", include_str!("m0001_foundation.rs")),
    ("m0002_proposals.rs", include_str!("m0002_proposals.rs")),
    ("m0003_polls.rs", include_str!("m0003_polls.rs")),
    ("m0004_list_indexes.rs", include_str!("m0004_list_indexes.rs")),
    ("m0005_people_name.rs", include_str!("m0005_people_name.rs")),
    ("m0006_list_summaries.rs", include_str!("m0006_list_summaries.rs")),
    ("m0007_list_plans.rs", include_str!("m0007_list_plans.rs")),
    ("m0008_share_notices.rs", include_str!("m0008_share_notices.rs")),
    ("m0009_jobs.rs", include_str!("m0009_jobs.rs")),
    ("m0010_notifications.rs", include_str!("m0010_notifications.rs")),
    ("m0011_per_network_facts.rs", include_str!("m0011_per_network_facts.rs")),
    ("m0012_idempotency_keys.rs", include_str!("m0012_idempotency_keys.rs")),
    (
        "m0013_idempotency_networks.rs",
        include_str!("m0013_idempotency_networks.rs"),
    ),
    (
        "m0014_api_tokens_by_person.rs",
        include_str!("m0014_api_tokens_by_person.rs"),
    ),
    (
        "m0015_poll_electorate_kinds.rs",
        include_str!("m0015_poll_electorate_kinds.rs"),
    ),
    ("m0016_meetings.rs", include_str!("m0016_meetings.rs")),
    ("m0017_money.rs", include_str!("m0017_money.rs")),
    ("m0018_minutes_mandates.rs", include_str!("m0018_minutes_mandates.rs")),
    ("m0019_reserves.rs", include_str!("m0019_reserves.rs")),
    ("m0020_name_sort_keys.rs", include_str!("m0020_name_sort_keys.rs")),
    ("m0021_meeting_proxies.rs", include_str!("m0021_meeting_proxies.rs")),
    (
        "m0022_trial_balance_index.rs",
        include_str!("m0022_trial_balance_index.rs"),
    ),
    ("m0023_lists.rs", include_str!("m0023_lists.rs")),
    ("m0025_documentation.rs", include_str!("m0025_documentation.rs")),
    ("m0026_pools.rs", include_str!("m0026_pools.rs")),
    ("m0027_work_sharing.rs", include_str!("m0027_work_sharing.rs")),
    ("m0028_joining.rs", include_str!("m0028_joining.rs")),
    (
        "m0029_logbook_newsletter.rs",
        include_str!("m0029_logbook_newsletter.rs"),
    ),
    ("m0030_meeting_documents.rs", include_str!("m0030_meeting_documents.rs")),
    ("m0031_speed_indexes.rs", include_str!("m0031_speed_indexes.rs")),
    ("m0032_pool_participants.rs", include_str!("m0032_pool_participants.rs")),
    (
        "m0033_logbook_images_feeds.rs",
        include_str!("m0033_logbook_images_feeds.rs"),
    ),
    (
        "m0034_outbox_attachments.rs",
        include_str!("m0034_outbox_attachments.rs"),
    ),
    ("m0036_pool_schedules.rs", include_str!("m0036_pool_schedules.rs")),
    (
        "m0037_pool_periodic_paid.rs",
        include_str!("m0037_pool_periodic_paid.rs"),
    ),
    ("m0039_search_column.rs", include_str!("m0039_search_column.rs")),
    ("m0040_docs_search.rs", include_str!("m0040_docs_search.rs")),
    ("m0041_funded_index.rs", include_str!("m0041_funded_index.rs")),
];

/// What a migration may not name: anything of this crate but the data layer itself,
/// and the domain crate (today's rules, not those of the migration's time).
fn forbidden(line: &str) -> Option<&str> {
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let names_db = after
            .strip_prefix("db")
            .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric() || c == '_'));
        if !names_db {
            return Some(&rest[at..]);
        }
        rest = after;
    }
    line.find("intercoop_domain").map(|at| &line[at..])
}

#[test]
fn migrations_name_no_feature_code_or_entity() {
    let mut found = Vec::new();
    for (file, source) in SOURCES {
        for (n, line) in source.lines().enumerate() {
            if let Some(what) = forbidden(line) {
                found.push(format!("src/db/{file}:{}: {what}", n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "migrations are frozen history: a migration runs against the schema of its own time, \
         so it never calls feature code or entities (they read today's columns). Write it with \
         sea-query and spelled-out names, copy any backfill into the migration's file, and ask \
         for a feature's rebuild (Step::Rebuild) for derived columns. Found:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_guard_reads_every_migration_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/db");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let is_migration = name.starts_with('m')
            && name.ends_with(".rs")
            && name[1..].chars().take(4).all(|c| c.is_ascii_digit())
            && name.chars().nth(5) == Some('_');
        if is_migration {
            assert!(
                SOURCES.iter().any(|(file, _)| *file == name),
                "add src/db/{name} to SOURCES in src/db/frozen_history.rs"
            );
        }
    }
}

#[test]
fn the_guard_sees_a_feature() {
    assert!(forbidden("use crate::funding::digest;").is_some());
    assert!(forbidden("crate::entities::campaign::Entity").is_some());
    assert!(forbidden("    use crate::dbx::thing;").is_some());
    assert!(forbidden("intercoop_domain::sharing::compute_shares").is_some());
    assert!(forbidden("use crate::db::migrations::Step;").is_none());
    assert!(forbidden("pub(crate) fn up() -> Vec<Step> {").is_none());
}

#[test]
fn every_rebuild_asked_for_is_provided() {
    let provided = crate::app::rebuilds();
    for m in MIGRATIONS {
        for step in (m.up)() {
            if let Step::Rebuild(name) = step {
                assert!(
                    provided.iter().any(|r| r.name == name),
                    "migration {} asks for the rebuild {name:?}, missing from app::rebuilds()",
                    m.version
                );
            }
        }
    }
    let mut names: Vec<&str> = provided.iter().map(|r| r.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), provided.len(), "rebuild names are unique");
}
