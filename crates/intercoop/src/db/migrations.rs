//! Embedded schema migrations, written once with sea-query so that one definition
//! serves SQLite and PostgreSQL. An applied migration is never edited: a change of
//! schema is a new function appended to [`MIGRATIONS`].
//!
//! # Frozen history
//! A migration runs against the schema of its own time, which today's code does not
//! know: a database made by an old version still goes through every migration since.
//! So a migration never calls feature code or entities (they read today's columns, some
//! of which a later migration adds). It is written with sea-query and spelled-out table
//! and column names only, and what it must carry over is a frozen copy in its own file
//! ([`Step::Backfill`]). Columns derived from other rows (a list summary) are not
//! computed by the migration that adds them: it asks for the feature's rebuild
//! ([`Step::Rebuild`]), which runs with today's code once every migration is applied.
//! `db::frozen_history` fails the build's tests if a migration file names a feature, and
//! `tests/upgrade.rs` upgrades a database made at every version.

use sea_orm::sea_query::{
    Alias, ColumnDef, Expr, ExprTrait, ForeignKey, ForeignKeyAction, Index, IndexCreateStatement, IndexDropStatement,
    OnConflict, Query, Table, TableAlterStatement, TableCreateStatement, TableDropStatement,
};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbErr, TransactionTrait};

/// A migration: its version, its name, and the statements it runs.
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub up: fn() -> Vec<Step>,
}

/// One step of a migration, run in the migration's transaction.
pub enum Step {
    Table(Box<TableCreateStatement>),
    Index(Box<IndexCreateStatement>),
    /// One change of a table (SQLite takes one per statement).
    Alter(Box<TableAlterStatement>),
    /// A table no longer used (after a backfill carried its rows over).
    Drop(Box<TableDropStatement>),
    /// An index replaced by another (by its name).
    DropIndex(Box<IndexDropStatement>),
    /// Fills new columns from existing rows, in the migration's transaction. A frozen
    /// copy written in the migration's file with sea-query and spelled-out names: never
    /// a call to feature code or entities, which follow today's schema, not this one.
    Backfill(for<'a> fn(&'a DatabaseTransaction) -> BoxFuture<'a, Result<(), DbErr>>),
    /// Asks for the [`Rebuild`] of this name (columns derived from other rows, kept by
    /// a feature) once every pending migration is applied. Recorded in
    /// `schema_rebuilds` in the migration's transaction.
    Rebuild(&'static str),
}

/// A future borrowed from the migration's transaction.
pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

/// A feature's recomputation of columns it derives from other rows (e.g. a campaign's
/// coverage), run by [`run`] after the last migration when a migration asked for it
/// ([`Step::Rebuild`] with its `name`). It runs today's code on today's schema, in a
/// transaction of its own; it must give the same result if run again.
#[derive(Clone, Copy)]
pub struct Rebuild {
    /// Unique, by convention `<feature>.<what>` (`funding.summaries`).
    pub name: &'static str,
    /// Recomputes the columns; an error stops the start (the rebuild is asked again at
    /// the next one).
    pub run: for<'a> fn(&'a DatabaseTransaction) -> BoxFuture<'a, Result<(), DbErr>>,
}

impl std::fmt::Debug for Rebuild {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rebuild")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// Every migration, oldest first. Feature modules append theirs here.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "foundation",
        up: super::m0001_foundation::up,
    },
    Migration {
        version: 2,
        name: "proposals",
        up: super::m0002_proposals::up,
    },
    Migration {
        version: 3,
        name: "polls",
        up: super::m0003_polls::up,
    },
    Migration {
        version: 4,
        name: "list indexes",
        up: super::m0004_list_indexes::up,
    },
    Migration {
        version: 5,
        name: "people by name",
        up: super::m0005_people_name::up,
    },
    Migration {
        version: 6,
        name: "list summaries",
        up: super::m0006_list_summaries::up,
    },
    Migration {
        version: 7,
        name: "list plans",
        up: super::m0007_list_plans::up,
    },
    Migration {
        version: 8,
        name: "share notices",
        up: super::m0008_share_notices::up,
    },
    Migration {
        version: 9,
        name: "jobs and events",
        up: super::m0009_jobs::up,
    },
    Migration {
        version: 10,
        name: "notifications",
        up: super::m0010_notifications::up,
    },
    Migration {
        version: 11,
        name: "per-network facts",
        up: super::m0011_per_network_facts::up,
    },
    Migration {
        version: 12,
        name: "idempotency keys",
        up: super::m0012_idempotency_keys::up,
    },
    Migration {
        version: 13,
        name: "idempotency keys per network",
        up: super::m0013_idempotency_networks::up,
    },
    Migration {
        version: 14,
        name: "API tokens by person",
        up: super::m0014_api_tokens_by_person::up,
    },
    Migration {
        version: 15,
        name: "poll electorate kinds",
        up: super::m0015_poll_electorate_kinds::up,
    },
    Migration {
        version: 16,
        name: "meetings",
        up: super::m0016_meetings::up,
    },
    Migration {
        version: 17,
        name: "money",
        up: super::m0017_money::up,
    },
    Migration {
        version: 18,
        name: "minutes, decisions and core mandates",
        up: super::m0018_minutes_mandates::up,
    },
    Migration {
        version: 19,
        name: "reserves",
        up: super::m0019_reserves::up,
    },
    Migration {
        version: 20,
        name: "name_sort_keys",
        up: super::m0020_name_sort_keys::up,
    },
    Migration {
        version: 21,
        name: "meeting proxies and registrations",
        up: super::m0021_meeting_proxies::up,
    },
    Migration {
        version: 22,
        name: "trial_balance_index",
        up: super::m0022_trial_balance_index::up,
    },
    Migration {
        version: 23,
        name: "mailing lists",
        up: super::m0023_lists::up,
    },
    Migration {
        version: 25,
        name: "documentation space",
        up: super::m0025_documentation::up,
    },
    Migration {
        version: 26,
        name: "pools and budgeting rounds",
        up: super::m0026_pools::up,
    },
    Migration {
        version: 27,
        name: "work sharing",
        up: super::m0027_work_sharing::up,
    },
    Migration {
        version: 28,
        name: "joining",
        up: super::m0028_joining::up,
    },
    Migration {
        version: 29,
        name: "logbook and newsletter",
        up: super::m0029_logbook_newsletter::up,
    },
    Migration {
        version: 30,
        name: "meeting documents",
        up: super::m0030_meeting_documents::up,
    },
    Migration {
        version: 31,
        name: "speed indexes",
        up: super::m0031_speed_indexes::up,
    },
    Migration {
        version: 32,
        name: "pool participants",
        up: super::m0032_pool_participants::up,
    },
    Migration {
        version: 33,
        name: "logbook images and feeds",
        up: super::m0033_logbook_images_feeds::up,
    },
    Migration {
        version: 34,
        name: "outbox attachments",
        up: super::m0034_outbox_attachments::up,
    },
    Migration {
        version: 36,
        name: "pool schedules",
        up: super::m0036_pool_schedules::up,
    },
    Migration {
        version: 37,
        name: "pool periodic paid",
        up: super::m0037_pool_periodic_paid::up,
    },
    Migration {
        version: 39,
        name: "archive search column",
        up: super::m0039_search_column::up,
    },
    Migration {
        version: 40,
        name: "documentation search index",
        up: super::m0040_docs_search::up,
    },
    Migration {
        version: 41,
        name: "funded work index",
        up: super::m0041_funded_index::up,
    },
];

/// What migrations run on: the database's `Writer` (whose transactions begin as writes,
/// so that two processes starting together cannot fail each other), or a plain
/// connection in tests.
pub trait Connection: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction> {}

impl<C: ConnectionTrait + TransactionTrait<Transaction = DatabaseTransaction>> Connection for C {}

/// Applies the migrations not yet applied, each in its own transaction, then the
/// rebuilds they asked for (`rebuilds`: every feature's, see `app::rebuilds`), each in
/// a transaction of its own that also removes its request: a crash before its commit
/// leaves the request, and the rebuild runs at the next start. Returns the number of
/// migrations applied.
///
/// Errors: a failing statement, or a rebuild asked for that `rebuilds` does not
/// provide (named in the error; nothing is rebuilt then).
pub async fn run<C: Connection>(db: &C, rebuilds: &[Rebuild]) -> Result<usize, DbErr> {
    let count = run_to(db, i64::MAX).await?;
    run_rebuilds(db, rebuilds).await?;
    Ok(count)
}

/// Applies the migrations not yet applied up to and including `version`, without the
/// rebuilds they ask for (they stay recorded for the next [`run`]): the schema of an
/// earlier version, for the upgrade tests. Returns the number of migrations applied.
pub async fn run_to<C: Connection>(db: &C, version: i64) -> Result<usize, DbErr> {
    let backend = db.get_database_backend();
    bookkeeping(db).await?;
    let applied: Vec<i64> = db
        .query_all(Query::select().column("version").from("schema_migrations"))
        .await?
        .into_iter()
        .map(|row| row.try_get::<i64>("", "version"))
        .collect::<Result<_, _>>()?;
    let mut count = 0;
    for migration in MIGRATIONS {
        if migration.version > version {
            break;
        }
        if applied.contains(&migration.version) {
            continue;
        }
        let txn = db.begin().await?;
        for step in (migration.up)() {
            match step {
                Step::Table(t) => txn.execute(t.as_ref()).await?,
                Step::Index(i) => txn.execute(i.as_ref()).await?,
                Step::Alter(a) => txn.execute(a.as_ref()).await?,
                Step::Drop(d) => txn.execute(d.as_ref()).await?,
                Step::DropIndex(d) => txn.execute(d.as_ref()).await?,
                Step::Backfill(fill) => {
                    fill(&txn).await?;
                    continue;
                }
                Step::Rebuild(name) => {
                    txn.execute(
                        Query::insert()
                            .into_table("schema_rebuilds")
                            .columns(["name", "requested_at"])
                            .values_panic([name.into(), time::OffsetDateTime::now_utc().into()])
                            .on_conflict(OnConflict::column("name").do_nothing().to_owned()),
                    )
                    .await?
                }
            };
        }
        txn.execute(
            Query::insert()
                .into_table("schema_migrations")
                .columns(["version", "name", "applied_at"])
                .values_panic([
                    migration.version.into(),
                    migration.name.into(),
                    time::OffsetDateTime::now_utc().into(),
                ]),
        )
        .await?;
        txn.commit().await?;
        tracing::info!(
            version = migration.version,
            name = migration.name,
            ?backend,
            "migration applied"
        );
        count += 1;
    }
    Ok(count)
}

/// The runner's own tables, made when missing: the migrations applied, and the rebuilds
/// asked for and not yet done. They are not part of the versioned schema.
async fn bookkeeping<C: Connection>(db: &C) -> Result<(), DbErr> {
    db.execute(
        Table::create()
            .table("schema_migrations")
            .if_not_exists()
            .col(ColumnDef::new("version").big_integer().not_null().primary_key())
            .col(ColumnDef::new("name").text().not_null())
            .col(ColumnDef::new("applied_at").timestamp_with_time_zone().not_null()),
    )
    .await?;
    db.execute(
        Table::create()
            .table("schema_rebuilds")
            .if_not_exists()
            .col(ColumnDef::new("name").text().not_null().primary_key())
            .col(ColumnDef::new("requested_at").timestamp_with_time_zone().not_null()),
    )
    .await?;
    Ok(())
}

/// Runs the rebuilds asked for, in the order of `rebuilds`, each in its own transaction
/// that first takes (deletes) its request: of two instances starting together, the
/// second waits for the first's commit (PostgreSQL's row lock; SQLite's one writer) and
/// then finds nothing to take.
async fn run_rebuilds<C: Connection>(db: &C, rebuilds: &[Rebuild]) -> Result<(), DbErr> {
    let asked: Vec<String> = db
        .query_all(Query::select().column("name").from("schema_rebuilds"))
        .await?
        .into_iter()
        .map(|row| row.try_get::<String>("", "name"))
        .collect::<Result<_, _>>()?;
    if let Some(unknown) = asked
        .iter()
        .find(|name| !rebuilds.iter().any(|r| r.name == name.as_str()))
    {
        return Err(DbErr::Custom(format!(
            "a migration asked for the rebuild \"{unknown}\", which no feature provides (see app::rebuilds)"
        )));
    }
    for rebuild in rebuilds.iter().filter(|r| asked.iter().any(|name| name == r.name)) {
        let txn = db.begin().await?;
        let taken = txn
            .execute(
                Query::delete()
                    .from_table("schema_rebuilds")
                    .and_where(Expr::col("name").eq(rebuild.name)),
            )
            .await?
            .rows_affected();
        if taken == 0 {
            txn.rollback().await?;
            continue;
        }
        let started = std::time::Instant::now();
        (rebuild.run)(&txn).await?;
        txn.commit().await?;
        tracing::info!(
            name = rebuild.name,
            ms = started.elapsed().as_millis() as u64,
            "rebuild done"
        );
    }
    Ok(())
}

// ---- small builders, so that each table reads like its definition ----
//
// FROZEN HISTORY: every migration (here and in `m000N_*.rs`) is built with these
// helpers, so what they make is part of what each migration creates. Never change one:
// a new column shape is a new helper.

pub(crate) fn id() -> ColumnDef {
    ColumnDef::new("id")
        .big_integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .take()
}
pub(crate) fn text(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name)).text().not_null().take()
}
pub(crate) fn text_null(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name)).text().null().take()
}
pub(crate) fn int(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name)).big_integer().not_null().take()
}
pub(crate) fn int_null(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name)).big_integer().null().take()
}
pub(crate) fn boolean(name: &str, default: bool) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .boolean()
        .not_null()
        .default(default)
        .take()
}
pub(crate) fn ts(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .timestamp_with_time_zone()
        .not_null()
        .take()
}
pub(crate) fn ts_null(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .timestamp_with_time_zone()
        .null()
        .take()
}
pub(crate) fn fk(
    table: &str,
    column: &str,
    to: &str,
    on_delete: ForeignKeyAction,
) -> sea_orm::sea_query::ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{column}"))
        .from(Alias::new(table), Alias::new(column))
        .to(Alias::new(to), "id")
        .on_delete(on_delete)
        .take()
}
pub(crate) fn index(table: &str, columns: &[&str], unique: bool) -> Step {
    let mut idx = Index::create();
    idx.name(format!("ix_{table}_{}", columns.join("_")))
        .table(Alias::new(table));
    for c in columns {
        idx.col(Alias::new(*c));
    }
    if unique {
        idx.unique();
    }
    Step::Index(Box::new(idx.take()))
}
pub(crate) fn table(name: &str, cols: Vec<ColumnDef>, fks: Vec<sea_orm::sea_query::ForeignKeyCreateStatement>) -> Step {
    let mut t = Table::create();
    t.table(Alias::new(name));
    for mut c in cols {
        t.col(&mut c);
    }
    for mut f in fks {
        t.foreign_key(&mut f);
    }
    Step::Table(Box::new(t.take()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static DONE: AtomicUsize = AtomicUsize::new(0);

    const FAILS: Rebuild = Rebuild {
        name: "funding.summaries",
        run: |_| Box::pin(async { Err(DbErr::Custom("the machine stopped".into())) }),
    };
    const COUNTS: Rebuild = Rebuild {
        name: "funding.summaries",
        run: |_| {
            Box::pin(async {
                DONE.fetch_add(1, Ordering::SeqCst);
                Ok(())
            })
        },
    };
    const NOTHING: Rebuild = Rebuild {
        name: "funding.told_shares",
        run: |_| Box::pin(async { Ok(()) }),
    };

    async fn asked(db: &sea_orm::DatabaseConnection) -> Vec<String> {
        db.query_all(
            Query::select()
                .column("name")
                .from("schema_rebuilds")
                .order_by("name", sea_orm::Order::Asc),
        )
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.try_get::<String>("", "name").unwrap())
        .collect()
    }

    #[tokio::test]
    async fn a_rebuild_runs_after_the_last_migration_until_it_commits() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
        let db = &sea_orm::Database::connect(url).await.unwrap();
        assert_eq!(run_to(db, 5).await.unwrap(), 5);
        assert!(asked(db).await.is_empty());
        assert_eq!(run_to(db, 6).await.unwrap(), 1);
        assert_eq!(
            asked(db).await,
            ["funding.summaries"],
            "asked in the migration's transaction"
        );

        // Unknown to the caller: an error naming it, nothing rebuilt, the request kept.
        let e = run(db, &[NOTHING]).await.unwrap_err().to_string();
        assert!(e.contains("\"funding.summaries\""), "{e}");
        assert_eq!(asked(db).await, ["funding.summaries", "funding.told_shares"]);

        // A rebuild that fails (a crash before its commit) is asked again at the next start.
        assert!(run(db, &[FAILS, NOTHING]).await.is_err());
        assert_eq!(asked(db).await, ["funding.summaries", "funding.told_shares"]);

        assert_eq!(run(db, &[COUNTS, NOTHING]).await.unwrap(), 0);
        assert_eq!(DONE.load(Ordering::SeqCst), 1);
        assert!(asked(db).await.is_empty());
        run(db, &[COUNTS, NOTHING]).await.unwrap();
        assert_eq!(DONE.load(Ordering::SeqCst), 1, "done once");
    }
}
