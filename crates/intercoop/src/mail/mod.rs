//! Email: every message goes through the `outbox` table, written in the same
//! transaction as the change that causes it; the worker (`mail::worker`) sends it.
//!
//! A message is built from translated pieces (greeting, paragraphs, one action
//! button) and rendered twice, as text and as HTML, in the recipient's language.

pub mod audience;
pub mod worker;

use crate::db;
use crate::entities::outbox_message;
use crate::i18n::{Arg, Lang};
use askama::Template;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};

/// A message ready to be enqueued.
#[derive(Debug, Clone)]
pub struct Mail {
    pub network_id: Option<i64>,
    pub to_address: String,
    pub to_name: String,
    pub lang: Lang,
    /// What kind of message (`login_link`, `invitation`…), for tests and statistics.
    pub kind: &'static str,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The translated content of a message, before rendering.
pub struct Content {
    pub lang: Lang,
    pub subject: String,
    pub greeting: String,
    pub paragraphs: Vec<String>,
    /// A button (HTML) or a link on its own line (text).
    pub action: Option<(String, String)>,
    pub after: Vec<String>,
    pub signature: String,
}

impl Content {
    /// Starts a message to `name`: subject and greeting from Fluent ids.
    pub fn new(lang: Lang, subject: String, name: &str, network_name: &str) -> Content {
        Content {
            lang,
            subject,
            greeting: lang.t_args("mail-greeting", &[("name", Arg::from(name))]),
            paragraphs: Vec::new(),
            action: None,
            after: Vec::new(),
            signature: lang.t_args("mail-signature", &[("network", Arg::from(network_name))]),
        }
    }

    pub fn para(mut self, text: String) -> Content {
        self.paragraphs.push(text);
        self
    }

    pub fn action(mut self, label: String, url: String) -> Content {
        self.action = Some((label, url));
        self
    }

    pub fn after(mut self, text: String) -> Content {
        self.after.push(text);
        self
    }

    /// Renders both bodies into a [`Mail`].
    pub fn into_mail(
        self,
        kind: &'static str,
        to_address: &str,
        to_name: &str,
        network_id: Option<i64>,
    ) -> anyhow::Result<Mail> {
        let text = TextBody { c: &self }.render()?;
        let html = HtmlBody { c: &self }.render()?;
        Ok(Mail {
            network_id,
            to_address: to_address.to_string(),
            to_name: to_name.to_string(),
            lang: self.lang,
            kind,
            subject: self.subject.clone(),
            text,
            html,
        })
    }
}

#[derive(Template)]
#[template(path = "mail/body.txt")]
struct TextBody<'a> {
    c: &'a Content,
}

#[derive(Template)]
#[template(path = "mail/body.html")]
struct HtmlBody<'a> {
    c: &'a Content,
}

tokio::task_local! {
    /// Set while `intercoop seed` writes a fictitious network (see [`discarding`]).
    static DISCARD: ();
}

/// Runs `work` with every email it would enqueue dropped: the seeded network is
/// fictitious, and two years of its emails would be written only to be deleted.
pub async fn discarding<F: std::future::Future>(work: F) -> F::Output {
    DISCARD.scope((), work).await
}

/// Enqueues a message in the caller's transaction (returns its id; 0 when dropped
/// inside [`discarding`]).
pub async fn enqueue<C: ConnectionTrait>(conn: &C, mail: Mail) -> Result<i64, DbErr> {
    if DISCARD.try_with(|_| ()).is_ok() {
        return Ok(0);
    }
    let now = db::now();
    let row = outbox_message::ActiveModel {
        network_id: Set(mail.network_id),
        to_address: Set(mail.to_address),
        to_name: Set(mail.to_name),
        subject: Set(mail.subject),
        text_body: Set(mail.text),
        html_body: Set(mail.html),
        language: Set(mail.lang.into()),
        kind: Set(mail.kind.to_string()),
        status: Set(worker::OutboxStatus::Pending.into()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(row.id)
}
