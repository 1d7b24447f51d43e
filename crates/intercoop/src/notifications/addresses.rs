//! Recipients who are email addresses, not people: a newsletter's subscribers. They go
//! through the same service as everyone (the kind's templates, the recipient's
//! language, the outbox, one-click unsubscribe), with what an address has instead of a
//! person's row:
//! - its language, kept with the address by the feature that owns it;
//! - its unsubscribe link, made by that feature (an address has no settings page): the
//!   service refuses to write to an address without one, unless the kind is a security
//!   message (the double opt-in's confirmation, which answers the address's own request);
//! - an address that failed for good (a hard bounce, `crate::mail::bounces`) is never
//!   written to again.

use super::{Notice, Vars, render};
use crate::db::types::Text;
use crate::entities::{network, outbox_message};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::jobs::BoxFuture;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, Set};
use std::sync::Arc;

/// One address to write to, with its language, what only it sees (the issue in its
/// language) and the link that stops these emails without logging in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub email: String,
    pub lang: Lang,
    pub vars: Vars,
    pub unsubscribe_url: Option<String>,
}

/// An audience of addresses, read at sending time (as [`super::Audience`]), given the
/// site's base URL (for the unsubscribe links it makes).
pub type AddressAudience = Arc<
    dyn for<'a> Fn(&'a DatabaseTransaction, &'a Notice, &'a str) -> BoxFuture<'a, AppResult<Vec<Recipient>>>
        + Send
        + Sync,
>;

/// Makes an [`AddressAudience`] of a function or closure.
pub fn audience<F>(f: F) -> AddressAudience
where
    F: for<'a> Fn(&'a DatabaseTransaction, &'a Notice, &'a str) -> BoxFuture<'a, AppResult<Vec<Recipient>>>
        + Send
        + Sync
        + 'static,
{
    Arc::new(f)
}

/// Writes a notice to addresses now, in the caller's transaction (the confirmation of a
/// subscription, which the visitor waits for). Returns how many emails.
///
/// Errors: as [`deliver`].
pub async fn send_now<C: ConnectionTrait>(
    conn: &C,
    base_url: &str,
    notice: &Notice,
    to: Vec<Recipient>,
) -> AppResult<usize> {
    deliver(conn, base_url, notice, to).await
}

/// Writes one outbox row per recipient: an address written to once, none that bounced
/// for good. Returns how many emails.
///
/// Errors: the database's; an internal error for a recipient of a kind that is not a
/// security message and has no unsubscribe link (a bug of the feature's audience).
pub async fn deliver<C: ConnectionTrait>(
    conn: &C,
    base_url: &str,
    notice: &Notice,
    to: Vec<Recipient>,
) -> AppResult<usize> {
    if to.is_empty() || crate::mail::is_discarding() {
        return Ok(0);
    }
    let network = network::Entity::find_by_id(notice.network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let emails: Vec<String> = to.iter().map(|r| r.email.to_ascii_lowercase()).collect();
    let bounced = crate::mail::bounces::among(conn, &emails).await?;
    let mut seen = std::collections::BTreeSet::new();
    let mut sent = 0;
    let now = crate::clock::now();
    for r in to {
        let email = r.email.to_ascii_lowercase();
        if bounced.contains(&email) || !seen.insert(email.clone()) {
            continue;
        }
        if r.unsubscribe_url.is_none() && !notice.kind.is_security() {
            return Err(AppError::Internal(anyhow::anyhow!(
                "an address recipient of {} without an unsubscribe link",
                notice.kind
            )));
        }
        let unsubscribe = r.unsubscribe_url.filter(|_| !notice.kind.is_security());
        let message = render::Message::for_address(base_url, r.lang, &network, notice, &r.vars, unsubscribe.clone());
        let (subject, text, html) = message.render()?;
        outbox_message::ActiveModel {
            network_id: Set(Some(network.id)),
            person_id: Set(None),
            to_address: Set(email),
            to_name: Set(String::new()),
            subject: Set(subject),
            text_body: Set(text),
            html_body: Set(html),
            language: Set(Text(r.lang)),
            kind: Set(Text(notice.kind)),
            status: Set(crate::mail::worker::OutboxStatus::Pending.into()),
            attempts: Set(0),
            next_attempt_at: Set(now),
            created_at: Set(now),
            unsubscribe_url: Set(unsubscribe),
            calendar: Set(None),
            list_headers: Set(None),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        sent += 1;
    }
    Ok(sent)
}
