//! Email delivery: every message is a row of the `outbox` table, written by the
//! notification service (`crate::notifications`) in the same transaction as the change
//! that causes it; the worker (`mail::worker`) sends it once, retrying on failure.

pub mod bounces;
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

/// The headers of a list message's copy (stored with it in the outbox as JSON), set by
/// the lists' delivery (`crate::lists::delivery`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ListHeaders {
    /// `Message-ID`, without angle brackets: the same for every copy (threads hold).
    pub message_id: String,
    /// `In-Reply-To`, without angle brackets.
    pub in_reply_to: Option<String>,
    /// `References`, without angle brackets, oldest first.
    pub references: Vec<String>,
    /// `List-Id` (RFC 2919), whole: `Name <local.lists.example>`.
    pub list_id: String,
    /// The list's address (`List-Post: <mailto:…>`).
    pub list_address: String,
    /// The archive's URL (`List-Archive`).
    pub archive: String,
    /// The author's name, shown as "Name via List".
    pub from_name: String,
    /// Where replies go (`Reply-To`): the list, or the author.
    pub reply_to: String,
}
