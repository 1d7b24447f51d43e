//! Scheduled jobs. Each run claims its period in `job_runs` (a unique index on
//! job + period), so that with several instances a job runs once per period.

use crate::db;
use crate::entities::{job_run, login_token, session};
use crate::error::is_unique_violation;
use crate::state::AppState;
use sea_orm::{ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter, Set};
use std::time::Duration;
use tokio::sync::watch;

/// Claims `job` for `period`; true if this instance is the one to run it.
pub async fn claim(state: &AppState, job: &str, period: &str) -> Result<bool, DbErr> {
    let row = job_run::ActiveModel {
        job: Set(job.to_string()),
        period: Set(period.to_string()),
        instance: Set(state.config.instance.clone()),
        started_at: Set(db::now()),
        finished_at: Set(None),
        ..Default::default()
    };
    match row.insert(&state.db.write).await {
        Ok(_) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

/// The loop of scheduled jobs: every minute, run what is due.
pub async fn run(state: AppState, mut shutdown: watch::Receiver<bool>) {
    loop {
        if let Err(e) = tick(&state).await {
            tracing::warn!(error = %e, "scheduled jobs failed; will retry");
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(60)) => {}
            _ = shutdown.changed() => {}
        }
        if *shutdown.borrow() {
            break;
        }
    }
}

/// Runs the jobs due now (also called by tests).
pub async fn tick(state: &AppState) -> Result<(), DbErr> {
    let now = db::now();
    let hour = format!("{}-{:02}", now.date(), now.hour());
    if claim(state, "purge_expired", &hour).await? {
        session::Entity::delete_many()
            .filter(session::Column::ExpiresAt.lt(now))
            .exec(&state.db.write)
            .await?;
        login_token::Entity::delete_many()
            .filter(login_token::Column::ExpiresAt.lt(now - time::Duration::days(30)))
            .exec(&state.db.write)
            .await?;
    }
    crate::proposals::tick(state).await?;
    crate::polls::tick(state).await?;
    Ok(())
}
