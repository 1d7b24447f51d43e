//! The data layer: one SeaORM connection serving SQLite and PostgreSQL.
//!
//! On SQLite, writes go through a pool of a single connection: SQLite allows one
//! writer at a time anyway, and queueing writers in the pool (rather than letting
//! them collide inside SQLite) means a busy database never answers "database is
//! locked". Every transaction on it begins as a write (`BEGIN IMMEDIATE`, see
//! [`Writer`]), so that a command of the command line beside the server (another
//! process) never makes either fail. Reads use a separate pool of several connections
//! (WAL lets them run beside the writer). On PostgreSQL both handles are the same pool.

mod batch;
mod bulk;
mod fetch;
#[cfg(test)]
mod frozen_history;
mod m0001_foundation;
mod m0002_proposals;
mod m0003_polls;
mod m0004_list_indexes;
mod m0005_people_name;
mod m0006_list_summaries;
mod m0007_list_plans;
mod m0008_share_notices;
mod m0009_jobs;
mod m0010_notifications;
mod m0011_per_network_facts;
mod m0012_idempotency_keys;
mod m0013_idempotency_networks;
mod m0014_api_tokens_by_person;
mod m0015_poll_electorate_kinds;
mod m0016_meetings;
mod m0017_money;
mod m0018_minutes_mandates;
mod m0019_reserves;
mod m0020_name_sort_keys;
mod m0021_meeting_proxies;
mod m0022_trial_balance_index;
mod m0023_lists;
mod m0025_documentation;
mod m0026_pools;
mod m0027_work_sharing;
mod m0028_joining;
mod m0029_logbook_newsletter;
mod m0030_meeting_documents;
mod m0031_speed_indexes;
mod m0032_pool_participants;
mod m0033_logbook_images_feeds;
mod m0034_outbox_attachments;
mod m0036_pool_schedules;
mod m0037_pool_periodic_paid;
mod m0039_search_column;
mod m0040_docs_search;
mod m0041_funded_index;
pub mod migrations;
pub mod postgres_only;
pub mod search;
pub mod totals;
pub mod types;
mod writer;

pub use batch::{BatchFn, Batcher, MAX_BATCH};
pub use bulk::{ROWS_PER_INSERT, insert_all, insert_all_returning};
pub use fetch::{fetch_all, fetch_one, fetch_page, join_in_order};
pub use writer::Writer;

/// A table of plain columns as a SeaORM entity: `entity!(module, "table", { field: Type, … })`
/// makes `module::{Model, Entity, Column, ActiveModel}` with an `id: i64` primary key and
/// no relations (the features' own tables; types are those in scope where it is used).
macro_rules! entity {
    ($m:ident, $table:literal, { $($field:ident : $ty:ty),* $(,)? }) => {
        pub mod $m {
            #[allow(unused_imports)]
            use super::*;
            use sea_orm::entity::prelude::*;

            #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
            #[sea_orm(table_name = $table)]
            pub struct Model {
                #[sea_orm(primary_key)]
                pub id: i64,
                $(pub $field: $ty,)*
            }

            #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
            pub enum Relation {}

            impl ActiveModelBehavior for ActiveModel {}
        }
    };
}
pub(crate) use entity;

use crate::config::{DbArgs, SqliteSync};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection, DbErr};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct Db {
    /// For reads (several connections).
    pub read: DatabaseConnection,
    /// For writes and transactions that write (they begin as writes: see [`Writer`]).
    pub write: Writer,
    /// How many statements this process has sent; tests use it to prove list pages
    /// issue a bounded number of queries.
    pub queries: Arc<AtomicU64>,
    /// The URL it was opened with (PostgreSQL's listener needs its own connection).
    pub url: String,
    /// SQLite: the thread that runs the hot write transactions (see [`Batcher`]).
    lane: Option<batch::WriteLane>,
    /// SQLite: list totals kept until the database changes (see [`fetch_page`]).
    totals: Option<Arc<totals::Totals>>,
}

impl Db {
    pub async fn connect(args: &DbArgs) -> Result<Db, DbErr> {
        let url = args.url();
        let queries = Arc::new(AtomicU64::new(0));
        let db = if args.is_postgres() {
            let mut opts = ConnectOptions::new(url);
            opts.max_connections(args.db_connections.unwrap_or(16).max(1))
                .min_connections(1)
                .connect_timeout(Duration::from_secs(10))
                .sqlx_logging(false);
            slow_statements(&mut opts);
            let conn = Database::connect(opts).await?;
            Db {
                read: conn.clone(),
                write: Writer::new(conn),
                queries,
                url: args.url(),
                lane: None,
                totals: None,
            }
        } else {
            if let Err(e) = std::fs::create_dir_all(&args.data_dir) {
                return Err(DbErr::Custom(format!("cannot create {}: {e}", args.data_dir.display())));
            }
            let sync = match args.sqlite_sync {
                SqliteSync::Normal => SqliteSynchronous::Normal,
                SqliteSync::Full => SqliteSynchronous::Full,
            };
            let sqlite = |max: u32| {
                let mut opts = ConnectOptions::new(url.clone());
                opts.max_connections(max)
                    .min_connections(1)
                    .acquire_timeout(Duration::from_secs(30))
                    .sqlx_logging(false);
                slow_statements(&mut opts);
                opts.map_sqlx_sqlite_pool_opts(|p| {
                    p.after_connect(|conn, _| Box::pin(stable_plans(conn)))
                        .after_release(|conn, _| Box::pin(writer::settled(conn)))
                });
                opts.map_sqlx_sqlite_opts(move |o| {
                    o.journal_mode(SqliteJournalMode::Wal)
                        .synchronous(sync)
                        .foreign_keys(true)
                        .busy_timeout(Duration::from_secs(10))
                        .pragma("cache_size", "-4000")
                        .pragma("temp_store", "memory")
                        // Every list query has the index it needs (checked with EXPLAIN QUERY
                        // PLAN); left on, the planner preferred building a throw-away index
                        // over all people for each page's count (7 ms instead of 1 ms).
                        .pragma("automatic_index", "off")
                        // Deleted rows are overwritten with zeros, not left in free pages:
                        // a secret poll's traces deleted at its closing are gone from the
                        // file (issue 20; see `Db::forget_deleted` for the log).
                        .pragma("secure_delete", "on")
                });
                opts
            };
            // The writer first, so that the file and its WAL mode exist before readers open it.
            let write = Database::connect(sqlite(1)).await?;
            let read = Database::connect(sqlite(args.db_connections.unwrap_or(4).max(1))).await?;
            let totals = sqlite_file(&write)
                .await?
                .and_then(|f| totals::Totals::open(&f))
                .map(Arc::new);
            Db {
                read,
                write: Writer::new(write),
                queries,
                url: args.url(),
                lane: Some(batch::WriteLane::start().map_err(|e| DbErr::Custom(format!("writer thread: {e}")))?),
                totals,
            }
        };
        let counter = db.queries.clone();
        let count = move |_: &sea_orm::metric::Info<'_>| {
            counter.fetch_add(1, Ordering::Relaxed);
        };
        let mut db = db;
        db.read.set_metric_callback(count.clone());
        if !args.is_postgres() {
            db.write.connection_mut().set_metric_callback(count);
        }
        Ok(db)
    }

    pub fn backend(&self) -> DatabaseBackend {
        self.read.get_database_backend()
    }

    pub fn is_postgres(&self) -> bool {
        self.backend() == DatabaseBackend::Postgres
    }

    /// Applies the pending migrations, then the rebuilds they ask for (`rebuilds`: every
    /// feature's, `app::rebuilds()`), then makes the names' sort keys current for the
    /// running collation (`collation::refresh`); returns the number of migrations
    /// applied. See [`migrations::run`] for the errors.
    pub async fn migrate(&self, rebuilds: &[migrations::Rebuild]) -> Result<usize, DbErr> {
        let applied = migrations::run(&self.write, rebuilds).await?;
        crate::collation::refresh(&self.write).await?;
        Ok(applied)
    }

    /// Refreshes the query planner's statistics where they are missing or stale, so that
    /// SQLite picks the index that serves a list's order (e.g. people by name) instead of
    /// sorting a whole network per page. Cheap when nothing changed: run at start and
    /// after bulk loads. PostgreSQL's autovacuum does this by itself; `full` (after a
    /// seed) analyses every table on both backends, and on SQLite folds the write-ahead
    /// log into the database file: after a bulk load the log holds the whole load (80 MB
    /// at scale 100), which the first commits of the next server would otherwise copy
    /// back while it serves, and which every read has to look up until then.
    ///
    /// BACKEND-SPECIFIC: `PRAGMA optimize` and `wal_checkpoint` are SQLite's.
    pub async fn optimize(&self, full: bool) -> Result<(), DbErr> {
        let sql = match (self.is_postgres(), full) {
            (true, true) => "ANALYZE",
            (false, true) => "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)",
            (true, false) => return Ok(()),
            (false, false) => "PRAGMA optimize=0x10002",
        };
        self.write.execute_unprepared(sql).await?;
        Ok(())
    }

    /// Makes what was just deleted unreadable from the database's files, as far as the
    /// backend allows: on SQLite (whose connections run with `secure_delete`, zeroing
    /// deleted rows in the database file) the write-ahead log, which still holds earlier
    /// versions of the changed pages, is folded into the database and truncated to zero
    /// bytes. Run outside any transaction (after a secret poll's closing has committed).
    ///
    /// On PostgreSQL deleted row versions stay in the table's files until their space is
    /// reused, and in its write-ahead log and backups: nothing this process can do erases
    /// them (SECURITY.md says what an operator can).
    ///
    /// BACKEND-SPECIFIC: `wal_checkpoint` is SQLite's.
    pub async fn forget_deleted(&self) -> Result<(), DbErr> {
        if self.is_postgres() {
            return Ok(());
        }
        self.write.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)").await?;
        Ok(())
    }

    pub fn query_count(&self) -> u64 {
        self.queries.load(Ordering::Relaxed)
    }

    /// Is the database answering? (for `/readyz`)
    pub async fn ping(&self) -> bool {
        self.read.ping().await.is_ok()
    }
}

/// With `INTERCOOP_SLOW_SQL_MS=N`, statements slower than N ms are logged (with their
/// SQL) at the warning level: how a slow page is traced to its query.
fn slow_statements(opts: &mut ConnectOptions) {
    if let Some(ms) = std::env::var("INTERCOOP_SLOW_SQL_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        opts.sqlx_logging(true)
            .sqlx_logging_level(tracing::log::LevelFilter::Trace)
            .sqlx_slow_statements_logging_settings(tracing::log::LevelFilter::Warn, Duration::from_millis(ms));
    }
}

/// The file of a SQLite database (`None` in memory).
///
/// BACKEND-SPECIFIC: `PRAGMA database_list` is SQLite's.
async fn sqlite_file(conn: &DatabaseConnection) -> Result<Option<String>, DbErr> {
    let row = conn
        .query_one_raw(sea_orm::Statement::from_string(
            DatabaseBackend::Sqlite,
            "SELECT file FROM pragma_database_list WHERE name = 'main'",
        ))
        .await?;
    Ok(row
        .map(|r| r.try_get::<String>("", "file"))
        .transpose()?
        .filter(|f| !f.is_empty()))
}

/// Turns on SQLite's query planner stability guarantee for a new connection.
///
/// BACKEND-SPECIFIC. The SQLite that sqlx bundles is built with `SQLITE_ENABLE_STAT4`:
/// without this setting, a statement whose plan could depend on a bound value (every
/// `LIMIT ?`, so every `.one()` and every list page, and every comparison with an
/// indexed column once `ANALYZE` has run) is compiled again at each execution, which
/// cost 4–5× a simple statement (measured: 5.6 µs against 1.3 µs per primary-key look-up)
/// and about a tenth of the seed's time. Plans then depend on the schema and the
/// statistics only, which is also what makes them the ones checked with `EXPLAIN`.
async fn stable_plans(conn: &mut sea_orm::sqlx::SqliteConnection) -> Result<(), sea_orm::sqlx::Error> {
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle().as_ptr();
    // SAFETY: `db` is the live handle of this connection, held locked for the call;
    // SQLITE_DBCONFIG_ENABLE_QPSG takes an int and an optional int pointer (null: the
    // caller does not read the setting back).
    let rc = unsafe {
        libsqlite3_sys::sqlite3_db_config(
            db,
            libsqlite3_sys::SQLITE_DBCONFIG_ENABLE_QPSG,
            1 as std::ffi::c_int,
            std::ptr::null_mut::<std::ffi::c_int>(),
        )
    };
    if rc == libsqlite3_sys::SQLITE_OK {
        Ok(())
    } else {
        Err(sea_orm::sqlx::Error::Configuration(
            format!("SQLite refused the planner stability setting (code {rc})").into(),
        ))
    }
}

/// Now, in UTC, truncated to the microsecond: the server's clock (see `crate::clock`).
pub fn now() -> time::OffsetDateTime {
    crate::clock::now()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a connection's planner stability setting (`-1` asks without changing it).
    async fn qpsg_of(pool: &sea_orm::sqlx::SqlitePool) -> std::ffi::c_int {
        let mut conn = pool.acquire().await.unwrap();
        let mut handle = conn.lock_handle().await.unwrap();
        let mut on: std::ffi::c_int = -1;
        // SAFETY: a live, locked handle; the option writes its state to `on`.
        let rc = unsafe {
            libsqlite3_sys::sqlite3_db_config(
                handle.as_raw_handle().as_ptr(),
                libsqlite3_sys::SQLITE_DBCONFIG_ENABLE_QPSG,
                -1 as std::ffi::c_int,
                &mut on as *mut std::ffi::c_int,
            )
        };
        assert_eq!(rc, libsqlite3_sys::SQLITE_OK);
        on
    }

    #[tokio::test]
    async fn every_sqlite_connection_keeps_its_plans_whatever_the_bound_values() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&crate::config::DbArgs::for_data_dir(dir.path().to_path_buf()))
            .await
            .unwrap();
        assert_eq!(
            qpsg_of(db.write.connection().get_sqlite_connection_pool()).await,
            1,
            "the writer"
        );
        assert_eq!(qpsg_of(db.read.get_sqlite_connection_pool()).await, 1, "a reader");
    }
}
