//! The durable job queue: work to do at a time, written in the same transaction as the
//! change that causes it (as the outbox is), done once.
//!
//! - **Enqueue** ([`enqueue`]): a kind (the name of a handler), a JSON payload, a time
//!   (`run_at`, UTC), the network it concerns, and optionally a unique key: a job whose
//!   key was ever enqueued is not enqueued again (`close_campaign:12`).
//! - **Claim** (`worker`): a worker claims due jobs with a lease (`FOR UPDATE SKIP
//!   LOCKED` on PostgreSQL; one statement through the single writer on SQLite), renews
//!   the lease while it works, and runs the handler in a transaction that also marks the
//!   job done — only if the claim is still its own. A process killed between claim and
//!   work leaves the job claimed; once the lease has expired another worker takes it, so
//!   the work happens once.
//! - **Retry**: a handler that fails for a passing reason (the database) is retried
//!   with backoff; one that fails for a lasting reason, or too often, is kept as
//!   `failed`, with its error, for an administrator to retry or discard (`/admin/jobs`).
//! - **Recurring** work (the daily digests at 17:00 in each network's time zone, the
//!   hourly clean-up) is declared once ([`Recurring`]); its next occurrence is enqueued
//!   (with a key per period) at start and each time one runs.
//!
//! Features register their handlers in a [`Registry`] (assembled in `crate::app`); no
//! feature runs a timer loop of its own.

pub mod api;
pub mod pages;
pub mod worker;

use crate::entities::{job, login_token, session};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter, Set};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::sync::Arc;
use time::{Duration, OffsetDateTime};

intercoop_domain::text_enum!(
    /// Where a job stands: waiting for its time (again, after a failure that will be
    /// retried), being done under a lease, done, failed for good (kept for an
    /// administrator), or discarded by one.
    JobStatus {
        Pending = "pending",
        Running = "running",
        Done = "done",
        Failed = "failed",
        Discarded = "discarded",
    }
);

/// How many times a job is tried by default before it is kept as failed.
pub const DEFAULT_ATTEMPTS: i64 = 8;

/// A job to enqueue.
#[derive(Debug, Clone)]
pub struct NewJob {
    pub kind: &'static str,
    pub payload: serde_json::Value,
    pub network_id: Option<i64>,
    pub unique_key: Option<String>,
    /// Not before (UTC); now by default.
    pub run_at: Option<OffsetDateTime>,
    pub max_attempts: i64,
}

impl NewJob {
    /// A job of `kind` with its payload, due now.
    pub fn new(kind: &'static str, payload: &impl Serialize) -> NewJob {
        NewJob {
            kind,
            // Our payloads are plain structs: serialising them does not fail.
            payload: serde_json::to_value(payload).expect("a job payload serialises"),
            network_id: None,
            unique_key: None,
            run_at: None,
            max_attempts: DEFAULT_ATTEMPTS,
        }
    }

    pub fn at(mut self, run_at: OffsetDateTime) -> NewJob {
        self.run_at = Some(run_at);
        self
    }

    pub fn network(mut self, network_id: i64) -> NewJob {
        self.network_id = Some(network_id);
        self
    }

    /// At most one job ever holds this key.
    pub fn unique(mut self, key: impl Into<String>) -> NewJob {
        self.unique_key = Some(key.into());
        self
    }
}

/// Enqueues a job in the caller's transaction. Returns false when a job with the same
/// unique key already exists (nothing is enqueued).
pub async fn enqueue<C: ConnectionTrait>(conn: &C, job: NewJob) -> Result<bool, DbErr> {
    let now = crate::clock::now();
    let row = job::ActiveModel {
        kind: Set(job.kind.to_string()),
        payload: Set(job.payload.to_string()),
        network_id: Set(job.network_id),
        unique_key: Set(job.unique_key.clone()),
        run_at: Set(crate::clock::truncate(job.run_at.unwrap_or(now))),
        status: Set(JobStatus::Pending.into()),
        attempts: Set(0),
        max_attempts: Set(job.max_attempts.max(1)),
        locked_by: Set(None),
        locked_until: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        finished_at: Set(None),
        ..Default::default()
    };
    let insert = job::Entity::insert(row);
    let inserted = if job.unique_key.is_some() {
        insert
            .on_conflict(OnConflict::column(job::Column::UniqueKey).do_nothing().to_owned())
            .exec_without_returning(conn)
            .await?
    } else {
        insert.exec_without_returning(conn).await?
    };
    Ok(inserted == 1)
}

/// Moves a job that has not started yet to another time (e.g. a deadline that moved).
pub async fn reschedule<C: ConnectionTrait>(conn: &C, unique_key: &str, run_at: OffsetDateTime) -> Result<(), DbErr> {
    job::Entity::update_many()
        .col_expr(
            job::Column::RunAt,
            sea_orm::sea_query::Expr::val(crate::clock::truncate(run_at)),
        )
        .col_expr(
            job::Column::UpdatedAt,
            sea_orm::sea_query::Expr::val(crate::clock::now()),
        )
        .filter(job::Column::UniqueKey.eq(unique_key))
        .filter(job::Column::Status.eq(JobStatus::Pending.as_str()))
        .exec(conn)
        .await?;
    Ok(())
}

/// Why a handler did not do its job.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    /// A passing cause (the database): tried again later, with backoff.
    #[error("{0}")]
    Retry(String),
    /// A lasting cause (a refusal, a payload it cannot read): kept as failed for an
    /// administrator, not tried again by itself.
    #[error("{0}")]
    Fail(String),
}

impl From<DbErr> for JobError {
    fn from(e: DbErr) -> JobError {
        JobError::Retry(e.to_string())
    }
}

impl From<AppError> for JobError {
    fn from(e: AppError) -> JobError {
        match e {
            AppError::Db(e) if !crate::error::is_unique_violation(&e) => JobError::Retry(e.to_string()),
            AppError::Internal(e) => JobError::Retry(format!("{e:#}")),
            AppError::Invalid(fields) => JobError::Fail(
                fields
                    .0
                    .iter()
                    .map(|f| format!("{}: {}", f.field, f.message))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            other => JobError::Fail(format!("{} ({})", other, other.code())),
        }
    }
}

/// What a handler is given: the server's shared state and the job it does.
pub struct Ctx {
    pub state: AppState,
    pub job: job::Model,
}

impl Ctx {
    /// The job's payload, read as `T` (a payload of another shape fails the job).
    pub fn payload<T: DeserializeOwned>(&self) -> Result<T, JobError> {
        serde_json::from_str(&self.job.payload)
            .map_err(|e| JobError::Fail(format!("unreadable payload of a {} job: {e}", self.job.kind)))
    }
}

/// A boxed future borrowing the handler's context and transaction.
pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

/// A handler: does one job in the given transaction (committed with the job marked
/// done, or rolled back when it fails). It must be idempotent in what it does outside
/// the database (nothing, today: emails go through the outbox in the same transaction).
pub type Handler =
    Arc<dyn for<'a> Fn(&'a Ctx, &'a DatabaseTransaction) -> BoxFuture<'a, Result<(), JobError>> + Send + Sync>;

/// Makes a [`Handler`] of a function or closure (`handler(|ctx, txn| Box::pin(f(ctx, txn)))`).
pub fn handler<F>(f: F) -> Handler
where
    F: for<'a> Fn(&'a Ctx, &'a DatabaseTransaction) -> BoxFuture<'a, Result<(), JobError>> + Send + Sync + 'static,
{
    Arc::new(f)
}

/// When a recurring job happens.
#[derive(Debug, Clone, Copy)]
pub enum Every {
    /// At the start of every hour (UTC).
    Hour,
    /// Every day at this local time in each network's time zone (one job per network).
    DayAt { hour: i8, minute: i8 },
}

/// A recurring job: its kind and when.
#[derive(Debug, Clone, Copy)]
pub struct Recurring {
    pub kind: &'static str,
    pub every: Every,
}

/// The handlers of every kind of job and the recurring jobs, assembled at the top.
#[derive(Clone, Default)]
pub struct Registry {
    handlers: BTreeMap<&'static str, Handler>,
    recurring: Vec<Recurring>,
    after: BTreeMap<&'static str, AfterCommit>,
}

/// Work that cannot run inside a transaction, done once a job of a kind has committed
/// (e.g. folding SQLite's write-ahead log away after a secret poll's traces are
/// deleted). Best effort: an error is logged, the job stays done.
pub type AfterCommit = Arc<dyn Fn(AppState) -> BoxFuture<'static, anyhow::Result<()>> + Send + Sync>;

impl Registry {
    pub fn new() -> Registry {
        Registry::default()
            .with(MAINTENANCE, handler(|ctx, txn| Box::pin(maintenance(ctx, txn))))
            .every(Recurring {
                kind: MAINTENANCE,
                every: Every::Hour,
            })
    }

    /// Registers the handler of `kind` (a kind registered twice is a bug: it panics).
    pub fn with(mut self, kind: &'static str, h: Handler) -> Registry {
        assert!(self.handlers.insert(kind, h).is_none(), "two handlers for {kind}");
        self
    }

    /// Declares a recurring job (its handler is registered with [`Registry::with`]).
    pub fn every(mut self, r: Recurring) -> Registry {
        self.recurring.push(r);
        self
    }

    /// Registers work to do after a job of `kind` has committed (see [`AfterCommit`]).
    pub fn after_commit(mut self, kind: &'static str, f: AfterCommit) -> Registry {
        assert!(
            self.after.insert(kind, f).is_none(),
            "two after-commit hooks for {kind}"
        );
        self
    }

    /// The work to do after a job of `kind` has committed, if any.
    pub fn after(&self, kind: &str) -> Option<&AfterCommit> {
        self.after.get(kind)
    }

    pub fn handler(&self, kind: &str) -> Option<&Handler> {
        self.handlers.get(kind)
    }

    pub fn kinds(&self) -> impl Iterator<Item = &&'static str> {
        self.handlers.keys()
    }

    /// Is this kind recurring?
    pub fn is_recurring(&self, kind: &str) -> bool {
        self.recurring.iter().any(|r| r.kind == kind)
    }
}

/// The hourly clean-up: ended sessions (expired or idle), login links, jobs done more
/// than 30 days ago.
pub const MAINTENANCE: &str = "jobs.maintenance";

async fn maintenance(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let now = crate::clock::now();
    // Sessions past their absolute end or idle for too long (they already stopped
    // working at that instant: `auth::user_for_session`).
    session::Entity::delete_many()
        .filter(
            sea_orm::Condition::any()
                .add(session::Column::ExpiresAt.lt(now))
                .add(session::Column::LastSeenAt.lt(now - ctx.state.config.sessions.idle)),
        )
        .exec(txn)
        .await?;
    login_token::Entity::delete_many()
        .filter(login_token::Column::ExpiresAt.lt(now - Duration::days(30)))
        .exec(txn)
        .await?;
    job::Entity::delete_many()
        .filter(job::Column::Status.eq(JobStatus::Done.as_str()))
        .filter(job::Column::FinishedAt.lt(now - Duration::days(30)))
        .exec(txn)
        .await?;
    Ok(())
}

/// Enqueues the next occurrence of every recurring job that has none (per network for
/// daily ones, at that time in the network's zone). Idempotent: the keys name the period.
pub async fn ensure_scheduled<C: ConnectionTrait>(conn: &C, registry: &Registry) -> AppResult<()> {
    if registry.recurring.is_empty() {
        return Ok(());
    }
    let now = crate::clock::now();
    let networks = crate::entities::network::Entity::find().all(conn).await?;
    for r in &registry.recurring {
        match r.every {
            Every::Hour => {
                let next = now
                    .replace_minute(0)
                    .and_then(|t| t.replace_second(0))
                    .map_err(anyhow::Error::from)?
                    .replace_nanosecond(0)
                    .map_err(anyhow::Error::from)?
                    + Duration::hours(1);
                let key = format!("{}:{}", r.kind, next.unix_timestamp() / 3600);
                enqueue(conn, NewJob::new(r.kind, &()).at(next).unique(key)).await?;
            }
            Every::DayAt { hour, minute } => {
                for n in &networks {
                    let tz = jiff::tz::TimeZone::get(&n.time_zone).map_err(|e| {
                        AppError::Internal(anyhow::anyhow!("network {}: time zone {:?}: {e}", n.id, n.time_zone))
                    })?;
                    let ts = jiff::Timestamp::from_second(now.unix_timestamp()).map_err(anyhow::Error::from)?;
                    let at = jiff::civil::Time::new(hour, minute, 0, 0).map_err(anyhow::Error::from)?;
                    let (next, day) = intercoop_domain::calendar::next_daily(ts, &tz, at);
                    let run_at = OffsetDateTime::from_unix_timestamp(next.as_second()).map_err(anyhow::Error::from)?;
                    let key = format!("{}:{}:{day}", r.kind, n.id);
                    enqueue(conn, NewJob::new(r.kind, &()).at(run_at).network(n.id).unique(key)).await?;
                }
            }
        }
    }
    Ok(())
}

/// Puts a failed job back in the queue, due now, with its attempts counted afresh
/// (administrators, from `/admin/jobs`).
pub async fn retry<C: ConnectionTrait>(conn: &C, id: i64) -> AppResult<bool> {
    let now = crate::clock::now();
    let moved = job::Entity::update_many()
        .col_expr(
            job::Column::Status,
            sea_orm::sea_query::Expr::val(JobStatus::Pending.as_str()),
        )
        .col_expr(job::Column::Attempts, sea_orm::sea_query::Expr::val(0))
        .col_expr(job::Column::RunAt, sea_orm::sea_query::Expr::val(now))
        .col_expr(job::Column::UpdatedAt, sea_orm::sea_query::Expr::val(now))
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::Status.eq(JobStatus::Failed.as_str()))
        .exec(conn)
        .await?;
    Ok(moved.rows_affected == 1)
}

/// Gives up a failed job for good (administrators).
pub async fn discard<C: ConnectionTrait>(conn: &C, id: i64) -> AppResult<bool> {
    let now = crate::clock::now();
    let moved = job::Entity::update_many()
        .col_expr(
            job::Column::Status,
            sea_orm::sea_query::Expr::val(JobStatus::Discarded.as_str()),
        )
        .col_expr(job::Column::FinishedAt, sea_orm::sea_query::Expr::val(Some(now)))
        .col_expr(job::Column::UpdatedAt, sea_orm::sea_query::Expr::val(now))
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::Status.eq(JobStatus::Failed.as_str()))
        .exec(conn)
        .await?;
    Ok(moved.rows_affected == 1)
}

/// The failed jobs an administrator of a network sees: its own, and those of no network.
pub async fn failed<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<job::Model>> {
    use sea_orm::{Condition, QueryOrder, QuerySelect};
    Ok(job::Entity::find()
        .filter(job::Column::Status.eq(JobStatus::Failed.as_str()))
        .filter(
            Condition::any()
                .add(job::Column::NetworkId.eq(network_id))
                .add(job::Column::NetworkId.is_null()),
        )
        .order_by_desc(job::Column::UpdatedAt)
        .order_by_desc(job::Column::Id)
        .limit(FAILED_SHOWN)
        .all(conn)
        .await?)
}

/// How many failed jobs the page and the API show, newest first (failures are rare; a
/// flood of them is one cause to mend, not a list to read).
pub const FAILED_SHOWN: u64 = 100;

/// A job of a network, or of none (404 for another network's).
pub async fn get_visible<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<job::Model> {
    let j = job::Entity::find_by_id(id).one(conn).await?.ok_or(AppError::NotFound)?;
    match j.network_id {
        Some(n) if n != network_id => Err(AppError::NotFound),
        _ => Ok(j),
    }
}

/// The pages and API of the job queue (administrators: see [`policy`]).
pub fn routes<S>() -> crate::web::route_table::Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: axum::extract::FromRef<S>,
{
    use crate::access::Access::Admin;
    crate::web::route_table::Routes::new()
        .get("/admin/jobs", Admin, pages::failed)
        .post("/admin/jobs/{id}/retry", Admin, pages::retry)
        .post("/admin/jobs/{id}/discard", Admin, pages::discard)
        .get("/api/v1/jobs", Admin, api::failed)
        .post("/api/v1/jobs/{id}/retry", Admin, api::retry)
        .post("/api/v1/jobs/{id}/discard", Admin, api::discard)
}

/// Who may see and act on failed jobs.
pub mod policy {
    use crate::access::Doer;

    /// The network's administrators see its failed jobs (and those of no network), and
    /// retry or discard them.
    pub fn manage(doer: &Doer) -> bool {
        doer.is_admin()
    }
}

/// The OpenAPI paths of the job queue.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(api::failed, api::retry, api::discard),
    components(schemas(api::JobOut)),
    tags((name = "jobs", description = "Jobs that could not be done: retry or discard (administrators)"))
)]
pub struct ApiDoc;
