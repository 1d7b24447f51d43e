//! What every request handler shares.

use crate::auth::cache::AuthCache;
use crate::auth::rate_limit::RateLimiter;
use crate::config::Config;
use crate::db::Db;
use crate::ttl_cache::TtlCache;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    /// Login attempts per address and per email.
    pub login_limiter: Arc<RateLimiter>,
    /// Wakes the outbox worker when a message is enqueued.
    pub mail_wakeup: Arc<Notify>,
    /// Short-lived cache of sessions and API tokens.
    pub auth_cache: Arc<AuthCache>,
    /// The administrator's to-do counts per network (they read whole tables; a few
    /// seconds of staleness is harmless on a to-do list).
    pub admin_todo: Arc<TtlCache<i64, crate::home::AdminTodo>>,
    /// Pledges waiting for the writer, committed together (see `db::Batcher`).
    pub pledges: crate::proposals::pledging::PledgeQueue,
}

impl AppState {
    pub fn new(db: Db, config: Config) -> AppState {
        AppState {
            pledges: crate::proposals::pledging::queue(&db),
            db,
            config: Arc::new(config),
            login_limiter: Arc::new(RateLimiter::new(10, Duration::from_secs(300))),
            mail_wakeup: Arc::new(Notify::new()),
            auth_cache: Arc::new(AuthCache::new(Duration::from_secs(2))),
            admin_todo: Arc::new(TtlCache::new(Duration::from_secs(10), 1_000)),
        }
    }

    /// An absolute link for emails and printed output.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.config.base_url, path)
    }
}
