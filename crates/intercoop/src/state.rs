//! What every request handler and shared mechanism needs: the database, the
//! configuration, the login limiter, the mail worker's wake-up and the sessions'
//! cache. Each feature keeps its own part of the server's state beside it (e.g.
//! `funding::FundingState`); `crate::app::App` holds them all and hands each handler
//! its part (axum `FromRef`).

use crate::auth::cache::AuthCache;
use crate::auth::password::Hasher;
use crate::auth::rate_limit::LoginLimits;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::Db;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    /// Login attempts per account and per client address (`auth::rate_limit`).
    pub login_limits: Arc<LoginLimits>,
    /// Wakes the outbox worker when a message is enqueued.
    pub mail_wakeup: Arc<Notify>,
    /// Wakes the job worker when a job due now is enqueued.
    pub jobs_wakeup: Arc<Notify>,
    /// Short-lived cache of sessions and API tokens.
    pub auth_cache: Arc<AuthCache>,
    /// Password hashing and checking, a few at a time (`auth::password`).
    pub passwords: Arc<Hasher>,
    /// What time it is for this server: every request and job runs in its scope.
    pub clock: Arc<dyn Clock>,
}

impl AppState {
    pub fn new(db: Db, config: Config, clock: Arc<dyn Clock>) -> AppState {
        AppState {
            login_limits: Arc::new(LoginLimits::new(clock.clone())),
            clock,
            db,
            config: Arc::new(config),
            mail_wakeup: Arc::new(Notify::new()),
            jobs_wakeup: Arc::new(Notify::new()),
            auth_cache: Arc::new(AuthCache::new(Duration::from_secs(2))),
            passwords: Arc::new(Hasher::for_this_machine()),
        }
    }

    /// An absolute link for emails and printed output.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.config.base_url, path)
    }
}
