//! The statements only PostgreSQL understands, in one marked place.
//!
//! Messages across instances: every instance LISTENs on one channel and NOTIFYs it
//! (e.g. when a session ends or roles change, so that the short-lived authentication
//! cache of the others forgets the entry at once). SQLite serves one instance, which
//! needs none of this.

use sea_orm::sqlx::postgres::PgListener;
use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, watch};

const CHANNEL: &str = "intercoop_auth";

/// What a relay hands over: a message of another instance, or `None` after a
/// (re)connection, when messages may have been missed.
pub type Receive = Arc<dyn Fn(Option<&str>) + Send + Sync>;

/// Relays messages between the instances on one channel: what arrives on `outgoing` is
/// sent to the others, what they send is handed to `receive`. Runs until shutdown.
pub async fn relay(
    url: String,
    db: super::Writer,
    mut outgoing: mpsc::UnboundedReceiver<String>,
    receive: Receive,
    mut shutdown: watch::Receiver<bool>,
) {
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
            tracing::warn!(error = %e, "relay between instances: LISTEN failed, retrying");
            continue;
        }
        // Messages sent while we were not listening are lost.
        receive(None);
        loop {
            tokio::select! {
                note = listener.recv() => match note {
                    Ok(n) => receive(Some(n.payload())),
                    Err(e) => {
                        tracing::warn!(error = %e, "relay between instances lost; reconnecting");
                        break;
                    }
                },
                Some(key) = outgoing.recv() => {
                    let stmt = Statement::from_sql_and_values(
                        DatabaseBackend::Postgres,
                        "SELECT pg_notify($1, $2)",
                        [CHANNEL.into(), key.into()],
                    );
                    if let Err(e) = db.execute_raw(stmt).await {
                        tracing::warn!(error = %e, "message not relayed to the other instances");
                    }
                }
                _ = shutdown.changed() => return,
            }
        }
    }
}
