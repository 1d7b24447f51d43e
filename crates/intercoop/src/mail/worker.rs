//! The outbox worker: claims due messages, sends them, retries with backoff.
//!
//! A message is claimed by a compare-and-set UPDATE (status `pending` → `sending`
//! with a lease of [`LEASE`]), so that with several instances each message is sent by
//! one worker. The worker renews the lease every third of it while it sends (a
//! heartbeat, as the job worker does), so a slow SMTP server never lets another worker
//! take the message; if the process dies while sending, the lease lapses at most
//! [`LEASE`] after its death, and the next worker (the restarted process, or another
//! instance) sends the message again, seconds later, with the same `Message-ID`: the
//! file transport then overwrites the same file (never two copies), and SMTP receivers
//! can de-duplicate on that id (a message accepted by the SMTP server just before the
//! death, and not yet marked sent, goes twice: the most SMTP allows).

use crate::db::{self, Db};
use crate::entities::outbox_message;
use crate::notifications::attachments::File;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::sea_query::Expr;
use sea_orm::sea_query::ExprTrait;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, watch};

intercoop_domain::text_enum!(
    /// Where a message of the outbox stands: waiting (again, after a failure), being sent
    /// under a lease, sent, or failed for good (shown to administrators).
    OutboxStatus { Pending = "pending", Sending = "sending", Sent = "sent", Failed = "failed" }
);

/// The most messages one [`Worker::run_once`] handles.
pub const PASS: usize = 50;
/// After this many attempts a message is marked failed and shown to administrators.
pub const MAX_ATTEMPTS: i64 = 8;
/// How long a claimed message is its worker's without a renewal (renewed every third
/// of it while the worker lives): the most a message in flight at a crash waits.
pub const LEASE: Duration = Duration::from_secs(10);

/// Where messages go.
pub enum Transport {
    /// `.eml` files in a folder (the default, so that a demo works offline).
    Files(PathBuf),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

impl Transport {
    pub fn from_config(smtp_url: Option<&str>, data_dir: &std::path::Path) -> anyhow::Result<Transport> {
        match smtp_url {
            Some(url) => Ok(Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("SMTP_URL is not valid: {e}"))?
                    .timeout(Some(Duration::from_secs(20)))
                    .build(),
            )),
            None => Ok(Transport::Files(data_dir.join("outbox"))),
        }
    }

    async fn send(&self, message: &Message, id: i64) -> anyhow::Result<()> {
        match self {
            Transport::Files(dir) => {
                tokio::fs::create_dir_all(dir).await?;
                let path = dir.join(format!("{id:08}.eml"));
                let tmp = dir.join(format!(".{id:08}.eml.tmp"));
                tokio::fs::write(&tmp, message.formatted()).await?;
                tokio::fs::rename(&tmp, &path).await?;
                Ok(())
            }
            Transport::Smtp(smtp) => match smtp.send(message.clone()).await {
                Ok(_) => Ok(()),
                // A 5xx answer: the server will never take this message (an address that
                // does not exist): no retry, and the address is a hard bounce.
                Err(e) if e.is_permanent() => Err(Permanent(e.to_string()).into()),
                Err(e) => Err(e.into()),
            },
        }
    }
}

/// A permanent refusal of the receiving server (SMTP 5xx): never retried.
#[derive(Debug, thiserror::Error)]
#[error("refused for good: {0}")]
pub struct Permanent(pub String);

pub struct Worker {
    pub db: Db,
    pub transport: Transport,
    pub from: Mailbox,
    pub instance: String,
    /// Domain for Message-IDs (from the base URL).
    pub domain: String,
    pub wakeup: Arc<Notify>,
    pub idle: Duration,
    /// How long a claim lasts without renewal ([`LEASE`]; shorter in tests).
    pub lease: Duration,
    /// The envelope sender of messages to addresses that are no person (a newsletter's
    /// subscribers): `bounces@` the lists' domain, where delivery reports come back to
    /// the inbound listener (`crate::mail::bounces`). None: the `From` address.
    pub return_path: Option<String>,
}

impl Worker {
    /// Runs until `shutdown` turns true; a message being sent is finished first.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        tracing::info!(instance = %self.instance, "outbox worker started");
        loop {
            if *shutdown.borrow() {
                break;
            }
            let sent = match self.run_once().await {
                Ok(n) => n,
                Err(e) => {
                    tracing::warn!(error = %e, "outbox worker: database unavailable, retrying");
                    0
                }
            };
            if sent == 0 {
                tokio::select! {
                    _ = self.wakeup.notified() => {}
                    _ = tokio::time::sleep(self.idle) => {}
                    _ = shutdown.changed() => {}
                }
            }
        }
        tracing::info!("outbox worker stopped");
    }

    /// Sends the messages due, one at a time, the oldest first; returns how many were
    /// handled (at most [`PASS`], then the caller looks at its shutdown).
    ///
    /// The next message is looked up after each sending, not read in a batch beforehand:
    /// a message whose lease lapses meanwhile (its worker died while sending it) is taken
    /// as soon as the current sending ends, not after a backlog read before it lapsed
    /// (which, at a quarter of a second per message over SMTP, kept it waiting for
    /// a dozen seconds more).
    pub async fn run_once(&self) -> anyhow::Result<usize> {
        let mut handled = 0;
        for _ in 0..PASS {
            let Some(id) = self.next_due().await? else { break };
            if self.claim(id).await? {
                self.deliver(id).await?;
                handled += 1;
            }
        }
        Ok(handled)
    }

    /// The oldest message due now: waiting for its (next) attempt, or sending under a
    /// lease that has lapsed.
    async fn next_due(&self) -> anyhow::Result<Option<i64>> {
        let now = db::now();
        Ok(outbox_message::Entity::find()
            .select_only()
            .column(outbox_message::Column::Id)
            .filter(
                Condition::any()
                    .add(
                        Condition::all()
                            .add(outbox_message::Column::Status.eq(OutboxStatus::Pending.as_str()))
                            .add(outbox_message::Column::NextAttemptAt.lte(now)),
                    )
                    .add(
                        Condition::all()
                            .add(outbox_message::Column::Status.eq(OutboxStatus::Sending.as_str()))
                            .add(outbox_message::Column::LockedUntil.lt(now)),
                    ),
            )
            .order_by_asc(outbox_message::Column::Id)
            .into_tuple::<i64>()
            .one(&self.db.read)
            .await?)
    }

    async fn claim(&self, id: i64) -> anyhow::Result<bool> {
        let now = db::now();
        let result = outbox_message::Entity::update_many()
            .col_expr(
                outbox_message::Column::Status,
                Expr::val(OutboxStatus::Sending.as_str()),
            )
            .col_expr(outbox_message::Column::LockedBy, Expr::val(self.instance.clone()))
            .col_expr(outbox_message::Column::LockedUntil, Expr::val(self.lease_from(now)))
            .col_expr(
                outbox_message::Column::Attempts,
                Expr::col(outbox_message::Column::Attempts).add(1),
            )
            .filter(outbox_message::Column::Id.eq(id))
            .filter(
                Condition::any()
                    .add(
                        Condition::all()
                            .add(outbox_message::Column::Status.eq(OutboxStatus::Pending.as_str()))
                            .add(outbox_message::Column::NextAttemptAt.lte(now)),
                    )
                    .add(
                        Condition::all()
                            .add(outbox_message::Column::Status.eq(OutboxStatus::Sending.as_str()))
                            .add(outbox_message::Column::LockedUntil.lt(now)),
                    ),
            )
            .exec(&self.db.write)
            .await?;
        Ok(result.rows_affected == 1)
    }

    async fn deliver(&self, id: i64) -> anyhow::Result<()> {
        let Some(row) = outbox_message::Entity::find_by_id(id).one(&self.db.write).await? else {
            return Ok(());
        };
        let files = crate::notifications::attachments::of(&self.db.write, id).await?;
        let send = async {
            match self.build(&row, &files) {
                Ok(message) => self.transport.send(&message, id).await,
                Err(e) => Err(e),
            }
        };
        let outcome = self.renewing(id, send).await;
        let now = db::now();
        let update = outbox_message::Entity::update_many().filter(outbox_message::Column::Id.eq(id));
        match outcome {
            Ok(()) => {
                update
                    .col_expr(outbox_message::Column::Status, Expr::val(OutboxStatus::Sent.as_str()))
                    .col_expr(outbox_message::Column::SentAt, Expr::val(now))
                    .col_expr(outbox_message::Column::LastError, Expr::val(Option::<String>::None))
                    .exec(&self.db.write)
                    .await?;
                tracing::info!(outbox_id = id, kind = %row.kind, "email sent");
            }
            Err(e) => {
                let permanent = e.downcast_ref::<Permanent>().is_some();
                if permanent {
                    // Recorded before the message is marked, so a crash between the two
                    // sends it again (and records it again: nothing) rather than losing it.
                    crate::mail::bounces::record(
                        &self.db.write,
                        &row.to_address,
                        &e.to_string(),
                        crate::mail::bounces::Source::Smtp,
                    )
                    .await?;
                }
                let give_up = permanent || row.attempts >= MAX_ATTEMPTS;
                let next = now + backoff(row.attempts);
                update
                    .col_expr(
                        outbox_message::Column::Status,
                        Expr::val(
                            if give_up {
                                OutboxStatus::Failed
                            } else {
                                OutboxStatus::Pending
                            }
                            .as_str(),
                        ),
                    )
                    .col_expr(outbox_message::Column::NextAttemptAt, Expr::val(next))
                    .col_expr(outbox_message::Column::LastError, Expr::val(e.to_string()))
                    .exec(&self.db.write)
                    .await?;
                tracing::warn!(outbox_id = id, attempts = row.attempts, error = %e, give_up, "email not sent");
            }
        }
        Ok(())
    }

    /// The end of a lease taken or renewed at `now`.
    fn lease_from(&self, now: time::OffsetDateTime) -> time::OffsetDateTime {
        now + time::Duration::try_from(self.lease).unwrap_or(time::Duration::seconds(10))
    }

    /// Runs `work` (the sending of message `id`) while renewing the message's lease every
    /// third of it: the heartbeat lives exactly as long as the sending, in the same task,
    /// so a worker that dies (or whose task is dropped) stops renewing at once.
    async fn renewing<T>(&self, id: i64, work: impl std::future::Future<Output = T>) -> T {
        let heartbeat = async {
            loop {
                tokio::time::sleep(self.lease / 3).await;
                let renewed = outbox_message::Entity::update_many()
                    .col_expr(
                        outbox_message::Column::LockedUntil,
                        Expr::val(self.lease_from(db::now())),
                    )
                    .filter(outbox_message::Column::Id.eq(id))
                    .filter(outbox_message::Column::LockedBy.eq(self.instance.clone()))
                    .filter(outbox_message::Column::Status.eq(OutboxStatus::Sending.as_str()))
                    .exec(&self.db.write)
                    .await;
                if let Err(e) = renewed {
                    tracing::warn!(outbox_id = id, error = %e, "a message's lease could not be renewed");
                }
            }
        };
        tokio::pin!(work);
        tokio::select! {
            out = &mut work => out,
            () = heartbeat => unreachable!("the heartbeat never ends"),
        }
    }

    fn build(&self, row: &outbox_message::Model, files: &[File]) -> anyhow::Result<Message> {
        let to: Mailbox = if row.to_name.is_empty() {
            row.to_address.parse()?
        } else {
            Mailbox::new(Some(row.to_name.clone()), row.to_address.parse()?)
        };
        let list: Option<crate::mail::ListHeaders> =
            row.list_headers.as_deref().map(serde_json::from_str).transpose()?;
        let mut builder = Message::builder().to(to).subject(row.subject.clone());
        builder = match &list {
            None => builder
                .from(self.from.clone())
                .message_id(Some(format!(
                    "<outbox-{}-{}@{}>",
                    row.id,
                    row.created_at.unix_timestamp(),
                    self.domain
                )))
                // RFC 3834: sent by a program; auto-responders do not answer it.
                .header(AutoSubmitted("auto-generated".into())),
            Some(l) => list_headers(builder, &self.from, l)?,
        };
        builder = builder.header(ContentLanguage(row.language.code().to_string()));
        if let Some(url) = &row.unsubscribe_url {
            // RFC 2369 and RFC 8058: the mail client's own "unsubscribe" button posts
            // `List-Unsubscribe=One-Click` to the link, without opening a page.
            builder = builder
                .header(ListUnsubscribe(format!("<{url}>")))
                .header(ListUnsubscribePost("List-Unsubscribe=One-Click".into()));
        }
        if let (Some(rp), None) = (&self.return_path, row.person_id) {
            let to = row.to_address.parse()?;
            builder = builder.envelope(lettre::address::Envelope::new(Some(rp.parse()?), vec![to])?);
        }
        let body = MultiPart::alternative_plain_html(row.text_body.clone(), row.html_body.clone());
        let Some(calendar) = &row.calendar else {
            if files.is_empty() {
                return Ok(builder.multipart(body)?);
            }
            return Ok(builder.multipart(with_files(MultiPart::mixed().multipart(body), files)?)?);
        };
        // An invitation (RFC 6047, iMIP): the calendar as a `text/calendar` part of the
        // alternative, with its METHOD in the content type, which calendars read to add,
        // update or cancel the event; and as an `invite.ics` attachment for the others.
        let method = if calendar.contains("\r\nMETHOD:CANCEL\r\n") {
            "CANCEL"
        } else {
            "REQUEST"
        };
        let calendar_type =
            lettre::message::header::ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))?;
        let body = body.singlepart(
            lettre::message::SinglePart::builder()
                .header(calendar_type)
                .body(calendar.clone()),
        );
        let attachment = lettre::message::Attachment::new("invite.ics".into()).body(
            calendar.clone(),
            lettre::message::header::ContentType::parse("application/ics")?,
        );
        let mixed = MultiPart::mixed().multipart(body).singlepart(attachment);
        Ok(builder.multipart(with_files(mixed, files)?)?)
    }
}

/// Adds a message's files (`notifications::attachments`) to its `multipart/mixed`.
fn with_files(mut mixed: MultiPart, files: &[File]) -> anyhow::Result<MultiPart> {
    for f in files {
        let kind = lettre::message::header::ContentType::parse(&f.content_type)?;
        mixed = mixed.singlepart(lettre::message::Attachment::new(f.filename.clone()).body(f.data.clone(), kind));
    }
    Ok(mixed)
}

/// A list message's copy: from the list's sender address with the author's name, the
/// message's own id and threading, the list headers (RFC 2369, RFC 2919), `Reply-To`
/// as the list says, and `Precedence: list` so that auto-responders stay quiet.
fn list_headers(
    builder: lettre::message::MessageBuilder,
    from: &Mailbox,
    l: &crate::mail::ListHeaders,
) -> anyhow::Result<lettre::message::MessageBuilder> {
    let mut b = builder
        .from(Mailbox::new(Some(l.from_name.clone()), from.email.clone()))
        .sender(from.clone())
        .reply_to(l.reply_to.parse()?)
        .message_id(Some(format!("<{}>", l.message_id)))
        .header(ListId(l.list_id.clone()))
        .header(ListPost(format!("<mailto:{}>", l.list_address)))
        .header(ListArchive(format!("<{}>", l.archive)))
        .header(Precedence("list".into()));
    if let Some(parent) = &l.in_reply_to {
        b = b.in_reply_to(format!("<{parent}>"));
    }
    if !l.references.is_empty() {
        let refs: Vec<String> = l.references.iter().map(|r| format!("<{r}>")).collect();
        b = b.references(refs.join(" "));
    }
    Ok(b)
}

/// 30 s, 1 min, 2 min… up to 1 h between attempts.
pub fn backoff(attempts: i64) -> time::Duration {
    let exp = attempts.clamp(1, 8) - 1;
    time::Duration::seconds(std::cmp::min(30i64 << exp, 3600))
}

/// Plain text headers lettre does not define.
macro_rules! text_headers {
    ($($name:ident => $header:literal),+ $(,)?) => {$(
        #[derive(Clone)]
        struct $name(String);

        impl lettre::message::header::Header for $name {
            fn name() -> lettre::message::header::HeaderName {
                lettre::message::header::HeaderName::new_from_ascii_str($header)
            }
            fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
                Ok($name(s.to_string()))
            }
            fn display(&self) -> lettre::message::header::HeaderValue {
                lettre::message::header::HeaderValue::new(Self::name(), self.0.clone())
            }
        }
    )+};
}

text_headers! {
    ContentLanguage => "Content-Language",
    AutoSubmitted => "Auto-Submitted",
    ListUnsubscribe => "List-Unsubscribe",
    ListUnsubscribePost => "List-Unsubscribe-Post",
    ListId => "List-Id",
    ListPost => "List-Post",
    ListArchive => "List-Archive",
    Precedence => "Precedence",
}

#[cfg(test)]
mod tests {
    #[test]
    fn backoff_grows_then_caps() {
        assert_eq!(super::backoff(1).whole_seconds(), 30);
        assert_eq!(super::backoff(2).whole_seconds(), 60);
        assert_eq!(super::backoff(8).whole_seconds(), 3600);
        assert_eq!(super::backoff(50).whole_seconds(), 3600);
    }
}
