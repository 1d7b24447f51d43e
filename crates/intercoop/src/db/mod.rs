//! The data layer: one SeaORM connection serving SQLite and PostgreSQL.
//!
//! On SQLite, writes go through a pool of a single connection: SQLite allows one
//! writer at a time anyway, and queueing writers in the pool (rather than letting
//! them collide inside SQLite) means a busy database never answers "database is
//! locked". Reads use a separate pool of several connections (WAL lets them run
//! beside the writer). On PostgreSQL both handles are the same pool.

mod m0002_proposals;
mod m0003_polls;
mod m0004_list_indexes;
mod m0005_people_name;
pub mod migrations;
pub mod postgres_only;

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
    /// For writes and transactions that write.
    pub write: DatabaseConnection,
    /// How many statements this process has sent; tests use it to prove list pages
    /// issue a bounded number of queries.
    pub queries: Arc<AtomicU64>,
    /// The URL it was opened with (PostgreSQL's listener needs its own connection).
    pub url: String,
}

impl Db {
    pub async fn connect(args: &DbArgs) -> Result<Db, DbErr> {
        let url = args.url();
        let queries = Arc::new(AtomicU64::new(0));
        let db = if args.is_postgres() {
            let mut opts = ConnectOptions::new(url);
            opts.max_connections(16)
                .min_connections(1)
                .connect_timeout(Duration::from_secs(10))
                .sqlx_logging(false);
            let conn = Database::connect(opts).await?;
            Db {
                read: conn.clone(),
                write: conn,
                queries,
                url: args.url(),
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
                    .sqlx_logging(false)
                    .map_sqlx_sqlite_opts(move |o| {
                        o.journal_mode(SqliteJournalMode::Wal)
                            .synchronous(sync)
                            .foreign_keys(true)
                            .busy_timeout(Duration::from_secs(10))
                            .pragma("cache_size", "-4000")
                            .pragma("temp_store", "memory")
                    });
                opts
            };
            // The writer first, so that the file and its WAL mode exist before readers open it.
            let write = Database::connect(sqlite(1)).await?;
            let read = Database::connect(sqlite(8)).await?;
            Db {
                read,
                write,
                queries,
                url: args.url(),
            }
        };
        let counter = db.queries.clone();
        let count = move |_: &sea_orm::metric::Info<'_>| {
            counter.fetch_add(1, Ordering::Relaxed);
        };
        let mut db = db;
        db.read.set_metric_callback(count.clone());
        if !args.is_postgres() {
            db.write.set_metric_callback(count);
        }
        Ok(db)
    }

    pub fn backend(&self) -> DatabaseBackend {
        self.read.get_database_backend()
    }

    pub fn is_postgres(&self) -> bool {
        self.backend() == DatabaseBackend::Postgres
    }

    pub async fn migrate(&self) -> Result<usize, DbErr> {
        migrations::run(&self.write).await
    }

    pub fn query_count(&self) -> u64 {
        self.queries.load(Ordering::Relaxed)
    }

    /// Is the database answering? (for `/readyz`)
    pub async fn ping(&self) -> bool {
        self.read.ping().await.is_ok()
    }
}

/// Runs a sea-query SELECT and maps each row into `T` (a flat projection).
pub async fn fetch_all<T, C>(conn: &C, stmt: &sea_orm::sea_query::SelectStatement) -> Result<Vec<T>, DbErr>
where
    T: sea_orm::FromQueryResult,
    C: ConnectionTrait,
{
    let built = conn.get_database_backend().build(stmt);
    T::find_by_statement(built).all(conn).await
}

/// Runs a sea-query SELECT expected to return at most one row.
pub async fn fetch_one<T, C>(conn: &C, stmt: &sea_orm::sea_query::SelectStatement) -> Result<Option<T>, DbErr>
where
    T: sea_orm::FromQueryResult,
    C: ConnectionTrait,
{
    let built = conn.get_database_backend().build(stmt);
    T::find_by_statement(built).one(conn).await
}

/// Now, in UTC, truncated to the microsecond so that both backends store it exactly.
pub fn now() -> time::OffsetDateTime {
    let now = time::OffsetDateTime::now_utc();
    now.replace_nanosecond(now.nanosecond() / 1000 * 1000).unwrap_or(now)
}
