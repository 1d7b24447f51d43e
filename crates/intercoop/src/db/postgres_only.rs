//! The statements only PostgreSQL understands, in one marked place.
//!
//! Cache invalidation across instances: every instance LISTENs on one channel and
//! NOTIFYs it when a session ends or roles change, so that the short-lived
//! authentication cache of the others forgets the entry at once. SQLite serves one
//! instance, which needs none of this.

use crate::auth::cache::AuthCache;
use sea_orm::sqlx::postgres::PgListener;
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, watch};

const CHANNEL: &str = "intercoop_auth";

/// Connects the cache to the other instances; runs until shutdown.
pub async fn relay_cache_invalidations(
    url: String,
    db: DatabaseConnection,
    cache: Arc<AuthCache>,
    mut shutdown: watch::Receiver<bool>,
) {
    let (tx, mut rx) = mpsc::unbounded_channel::<String>();
    cache.set_broadcast(tx);
    loop {
        let mut listener = match PgListener::connect(&url).await {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!(error = %e, "cache invalidation listener: cannot connect, retrying");
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_secs(2)) => continue,
                    _ = shutdown.changed() => return,
                }
            }
        };
        if let Err(e) = listener.listen(CHANNEL).await {
            tracing::warn!(error = %e, "cache invalidation listener: LISTEN failed, retrying");
            continue;
        }
        // Entries cached while we were not listening may be stale.
        cache.apply(crate::auth::cache::FORGET_ALL);
        loop {
            tokio::select! {
                note = listener.recv() => match note {
                    Ok(n) => cache.apply(n.payload()),
                    Err(e) => {
                        tracing::warn!(error = %e, "cache invalidation listener lost; reconnecting");
                        break;
                    }
                },
                Some(key) = rx.recv() => {
                    let stmt = Statement::from_sql_and_values(
                        DatabaseBackend::Postgres,
                        "SELECT pg_notify($1, $2)",
                        [CHANNEL.into(), key.into()],
                    );
                    if let Err(e) = db.execute_raw(stmt).await {
                        tracing::warn!(error = %e, "cache invalidation not broadcast");
                    }
                }
                _ = shutdown.changed() => return,
            }
        }
    }
}
