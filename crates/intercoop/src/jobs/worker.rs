//! The job worker: claims due jobs with a lease, runs each handler in a transaction that
//! also marks its job done, renews the lease while it works, retries with backoff.

use super::{Ctx, JobError, JobStatus, Registry, ensure_scheduled};
use crate::entities::job;
use crate::error::AppResult;
use crate::state::AppState;
use sea_orm::sea_query::{Condition, Expr, ExprTrait, LockBehavior, LockType, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, FromQueryResult, QueryFilter, TransactionTrait,
};
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;

/// How many jobs one look at the queue claims.
const BATCH: u64 = 10;

/// A worker of this instance.
#[derive(Clone)]
pub struct Worker {
    pub state: AppState,
    pub registry: Arc<Registry>,
    /// How long a claim lasts; renewed every third of it while the job runs.
    pub lease: Duration,
    /// Fault injection for the crash tests: a pause between claim and work, for one kind.
    pub pause: Option<(String, Duration)>,
    /// The jobs this process is running (never claimed again by it meanwhile).
    running: Arc<Mutex<BTreeSet<i64>>>,
}

/// How one job ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// Its lease had passed to another worker: what it did was rolled back.
    LeaseLost,
    /// Tried again later.
    Retried,
    Failed,
}

impl Worker {
    pub fn new(state: AppState, registry: Arc<Registry>) -> Worker {
        Worker {
            lease: state.config.job_lease,
            pause: state.config.fault_job_pause.clone(),
            state,
            registry,
            running: Arc::default(),
        }
    }

    /// Runs until `shutdown` turns true; the job in hand is finished first.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        tracing::info!(instance = %self.state.config.instance, "job worker started");
        if let Err(e) = ensure_scheduled(&self.state.db.write, &self.registry).await {
            tracing::error!(error = %e, "recurring jobs could not be scheduled");
        }
        let idle = Duration::from_millis(self.state.config.worker_interval_ms);
        loop {
            if *shutdown.borrow() {
                break;
            }
            let handled = match self.run_once().await {
                Ok(n) => n,
                Err(e) => {
                    tracing::warn!(error = %e, "job worker: database unavailable, retrying");
                    0
                }
            };
            if handled == 0 {
                tokio::select! {
                    _ = self.state.jobs_wakeup.notified() => {}
                    _ = tokio::time::sleep(idle) => {}
                    _ = shutdown.changed() => {}
                }
            }
        }
        tracing::info!("job worker stopped");
    }

    /// Claims the jobs due now and does them, one after the other; returns how many.
    pub async fn run_once(&self) -> AppResult<usize> {
        let claimed = self.claim().await?;
        let n = claimed.len();
        for j in claimed {
            self.execute(j).await;
        }
        Ok(n)
    }

    /// Claims up to [`BATCH`] due jobs: pending ones whose time has come, and running
    /// ones whose lease has expired (their worker died). One statement, so two workers
    /// never claim the same job.
    ///
    /// BACKEND-SPECIFIC: on PostgreSQL the due rows are locked with `FOR UPDATE SKIP
    /// LOCKED`, so that concurrent instances claim different jobs instead of waiting on
    /// each other; SQLite has one writer, and one statement is atomic there.
    async fn claim(&self) -> AppResult<Vec<job::Model>> {
        let now = crate::clock::now();
        let mine: Vec<i64> = self.running.lock().expect("running jobs").iter().copied().collect();
        let claim = format!("{}/{}", self.state.config.instance, crate::auth::tokens::new_token(""));
        let due = Condition::any()
            .add(
                Condition::all()
                    .add(Expr::col("status").eq(JobStatus::Pending.as_str()))
                    .add(Expr::col("run_at").lte(now)),
            )
            .add(
                Condition::all()
                    .add(Expr::col("status").eq(JobStatus::Running.as_str()))
                    .add(Expr::col("locked_until").lt(now)),
            );
        let mut ids = Query::select();
        ids.column("id")
            .from("jobs")
            .cond_where(due)
            .order_by("run_at", sea_orm::Order::Asc)
            .order_by("id", sea_orm::Order::Asc)
            .limit(BATCH);
        if !mine.is_empty() {
            ids.and_where(Expr::col("id").is_not_in(mine));
        }
        let backend = self.state.db.backend();
        if backend == DatabaseBackend::Postgres {
            ids.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
        }
        let lease_end = now + time::Duration::try_from(self.lease).unwrap_or(time::Duration::seconds(30));
        let update = Query::update()
            .table("jobs")
            .value("status", JobStatus::Running.as_str())
            .value("locked_by", claim)
            .value("locked_until", lease_end)
            .value("attempts", Expr::col("attempts").add(1))
            .value("updated_at", now)
            .and_where(Expr::col("id").in_subquery(ids))
            .returning_all()
            .to_owned();
        let rows = self.state.db.write.query_all(&update).await?;
        let mut jobs = rows
            .iter()
            .map(|r| job::Model::from_query_result(r, ""))
            .collect::<Result<Vec<_>, _>>()?;
        jobs.sort_by_key(|j| (j.run_at, j.id));
        Ok(jobs)
    }

    /// Does one claimed job: its handler and the mark "done" in one transaction, the
    /// lease renewed meanwhile; a failure is recorded for a retry or for good.
    pub async fn execute(&self, j: job::Model) -> Outcome {
        let Some(claim) = j.locked_by.clone() else {
            return Outcome::LeaseLost;
        };
        self.running.lock().expect("running jobs").insert(j.id);
        let heartbeat = tokio::spawn(heartbeat(self.state.clone(), j.id, claim.clone(), self.lease));
        if let Some((kind, pause)) = &self.pause
            && *kind == j.kind
        {
            tracing::warn!(job = j.id, kind = %j.kind, ?pause, "fault injection: pausing after the claim");
            tokio::time::sleep(*pause).await;
        }
        let result = match self.registry.handler(&j.kind) {
            None => Err(JobError::Fail(format!("no handler for jobs of kind {}", j.kind))),
            Some(h) => self.run_handler(h.clone(), &j, &claim).await,
        };
        heartbeat.abort();
        self.running.lock().expect("running jobs").remove(&j.id);
        if matches!(result, Ok(true))
            && let Some(after) = self.registry.after(&j.kind)
            && let Err(e) = after(self.state.clone()).await
        {
            tracing::warn!(job = j.id, kind = %j.kind, error = %e, "the work after the job's commit failed");
        }
        let outcome = match result {
            Ok(true) => Outcome::Done,
            Ok(false) => {
                tracing::warn!(job = j.id, kind = %j.kind, "job lease lost to another worker: its work was rolled back");
                Outcome::LeaseLost
            }
            Err(e) => self.record_failure(&j, &claim, e).await,
        };
        if self.registry.is_recurring(&j.kind)
            && let Err(e) = ensure_scheduled(&self.state.db.write, &self.registry).await
        {
            tracing::error!(error = %e, "recurring jobs could not be scheduled");
        }
        self.state.mail_wakeup.notify_one();
        outcome
    }

    /// Runs the handler on a task of its own (a panic fails the job, not the worker) in
    /// a transaction that marks the job done if the claim is still ours; true when done.
    async fn run_handler(&self, h: super::Handler, j: &job::Model, claim: &str) -> Result<bool, JobError> {
        let ctx = Ctx {
            state: self.state.clone(),
            job: j.clone(),
        };
        let txn = self.state.db.write.begin().await?;
        let id = j.id;
        let claim = claim.to_string();
        let clock = crate::clock::current();
        let task = tokio::spawn(crate::clock::scoped(clock, async move {
            h(&ctx, &txn).await?;
            let now = crate::clock::now();
            let done = job::Entity::update_many()
                .col_expr(job::Column::Status, Expr::val(JobStatus::Done.as_str()))
                .col_expr(job::Column::FinishedAt, Expr::val(Some(now)))
                .col_expr(job::Column::UpdatedAt, Expr::val(now))
                .col_expr(job::Column::LastError, Expr::val(Option::<String>::None))
                .col_expr(
                    job::Column::LockedUntil,
                    Expr::val(Option::<time::OffsetDateTime>::None),
                )
                .filter(job::Column::Id.eq(id))
                .filter(job::Column::LockedBy.eq(claim))
                .filter(job::Column::Status.eq(JobStatus::Running.as_str()))
                .exec(&txn)
                .await?;
            if done.rows_affected == 1 {
                txn.commit().await?;
                Ok(true)
            } else {
                txn.rollback().await?;
                Ok(false)
            }
        }));
        match task.await {
            Ok(result) => result,
            Err(e) => Err(JobError::Retry(format!("the handler panicked: {e}"))),
        }
    }

    /// Records a failed attempt: due again after a backoff when the cause passes and
    /// attempts remain, failed for good otherwise (shown to administrators).
    async fn record_failure(&self, j: &job::Model, claim: &str, e: JobError) -> Outcome {
        let now = crate::clock::now();
        let (status, run_at, outcome) = match &e {
            JobError::Retry(_) if j.attempts < j.max_attempts => {
                (JobStatus::Pending, now + backoff(j.attempts), Outcome::Retried)
            }
            _ => (JobStatus::Failed, now, Outcome::Failed),
        };
        let result = job::Entity::update_many()
            .col_expr(job::Column::Status, Expr::val(status.as_str()))
            .col_expr(job::Column::RunAt, Expr::val(run_at))
            .col_expr(job::Column::LastError, Expr::val(Some(e.to_string())))
            .col_expr(job::Column::LockedBy, Expr::val(Option::<String>::None))
            .col_expr(
                job::Column::LockedUntil,
                Expr::val(Option::<time::OffsetDateTime>::None),
            )
            .col_expr(job::Column::UpdatedAt, Expr::val(now))
            .col_expr(
                job::Column::FinishedAt,
                Expr::val((status == JobStatus::Failed).then_some(now)),
            )
            .filter(job::Column::Id.eq(j.id))
            .filter(job::Column::LockedBy.eq(claim))
            .exec(&self.state.db.write)
            .await;
        match (&result, outcome) {
            (Err(db), _) => tracing::warn!(job = j.id, error = %db, "a job's failure could not be recorded"),
            (Ok(_), Outcome::Failed) => {
                tracing::error!(job = j.id, kind = %j.kind, attempts = j.attempts, error = %e, "job failed")
            }
            (Ok(_), _) => {
                tracing::warn!(job = j.id, kind = %j.kind, attempts = j.attempts, error = %e, "job will be retried")
            }
        }
        outcome
    }
}

/// Renews a job's lease every third of it while its worker lives.
async fn heartbeat(state: AppState, id: i64, claim: String, lease: Duration) {
    let every = lease / 3;
    loop {
        tokio::time::sleep(every).await;
        let until = crate::clock::now() + time::Duration::try_from(lease).unwrap_or(time::Duration::seconds(30));
        let renewed = job::Entity::update_many()
            .col_expr(job::Column::LockedUntil, Expr::val(Some(until)))
            .filter(job::Column::Id.eq(id))
            .filter(job::Column::LockedBy.eq(claim.clone()))
            .filter(job::Column::Status.eq(JobStatus::Running.as_str()))
            .exec(&state.db.write)
            .await;
        if let Err(e) = renewed {
            tracing::warn!(job = id, error = %e, "a job's lease could not be renewed");
        }
    }
}

/// 30 s, 1 min, 2 min… up to 1 h between attempts.
pub fn backoff(attempts: i64) -> time::Duration {
    let exp = attempts.clamp(1, 8) - 1;
    time::Duration::seconds(std::cmp::min(30i64 << exp, 3600))
}

#[cfg(test)]
mod tests {
    #[test]
    fn backoff_grows_then_caps() {
        assert_eq!(super::backoff(1).whole_seconds(), 30);
        assert_eq!(super::backoff(3).whole_seconds(), 120);
        assert_eq!(super::backoff(8).whole_seconds(), 3600);
        assert_eq!(super::backoff(80).whole_seconds(), 3600);
    }
}
