//! Email delivery: every message is a row of the `outbox` table, written by the
//! notification service (`crate::notifications`) in the same transaction as the change
//! that causes it; the worker (`mail::worker`) sends it once, retrying on failure.

pub mod worker;

tokio::task_local! {
    /// Set while `intercoop seed` writes a fictitious network (see [`discarding`]).
    static DISCARD: ();
}

/// Runs `work` with every email it would enqueue dropped: the seeded network is
/// fictitious, and two years of its emails would be written only to be deleted.
pub async fn discarding<F: std::future::Future>(work: F) -> F::Output {
    DISCARD.scope((), work).await
}

/// Whether emails are being dropped (inside [`discarding`]).
pub fn is_discarding() -> bool {
    DISCARD.try_with(|_| ()).is_ok()
}
