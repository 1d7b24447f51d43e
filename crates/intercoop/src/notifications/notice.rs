//! A notice: what happened, to tell (its kind, network, row and facts), and who it is
//! for ([`Addressee`]), with what each reader sees.

use super::{Kind, attachments};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// A fact a message shows, formatted for each reader (their language, the network's
/// currency and time zone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Var {
    Text(String),
    Num(i64),
    /// Cents, in the network's currency.
    Money(i64),
    /// A day, in the network's time zone.
    Date(#[serde(with = "time::serde::rfc3339")] OffsetDateTime),
    /// A day and time, in the network's time zone.
    DateTime(#[serde(with = "time::serde::rfc3339")] OffsetDateTime),
    /// A path of the site (`/polls/3`), made absolute.
    Path(String),
    /// A Fluent message id, translated for the reader.
    Message(String),
}

/// The facts of a message, by name (the Fluent arguments of its messages).
pub type Vars = BTreeMap<String, Var>;

/// One line of a list in a message (a share change in the digest): a Fluent message id
/// and its own facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub message: String,
    pub vars: Vars,
}

/// Who a message is for, with what only they see (their organisation's share, their
/// lines of the digest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Addressee {
    pub person_id: i64,
    #[serde(default)]
    pub vars: Vars,
    #[serde(default)]
    pub lines: Vec<Line>,
    /// The language to write in when the person has none of their own (the page's, for
    /// a login link asked from it); else the network's.
    #[serde(skip)]
    pub fallback_lang: Option<Lang>,
}

impl Addressee {
    pub fn new(person_id: i64) -> Addressee {
        Addressee {
            person_id,
            vars: Vars::new(),
            lines: Vec::new(),
            fallback_lang: None,
        }
    }
}

/// What happened, to tell: its kind, the network, the row it is about (the audience
/// reads it at sending time), the facts every reader sees, and — for messages whose
/// readers are known at once (security messages, a digest made now) — the addressees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub kind: Kind,
    pub network_id: i64,
    pub about: Option<i64>,
    pub vars: Vars,
    pub to: Option<Vec<Addressee>>,
    /// An iCalendar object sent with each message (a meeting's invitation, update or
    /// cancellation: `METHOD:REQUEST` or `METHOD:CANCEL`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
    /// A list message: its list (the unsubscribe link leaves that list) and the headers
    /// each copy carries (`List-Id`, threading…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<ListMail>,
    /// Files sent with each message sent at once, made at sending time in the reader's
    /// language ([`attachments`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attach: Vec<attachments::Attach>,
}

/// What makes a notice a list message's copy: the list and the headers of the copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListMail {
    pub list_id: i64,
    pub headers: crate::mail::ListHeaders,
}

impl Notice {
    pub fn new(kind: Kind, network_id: i64) -> Notice {
        Notice {
            kind,
            network_id,
            about: None,
            vars: Vars::new(),
            to: None,
            calendar: None,
            list: None,
            attach: Vec::new(),
        }
    }

    /// Sends a file with each message ([`attachments::Attach`]).
    pub fn attach(mut self, file: attachments::Attach) -> Notice {
        self.attach.push(file);
        self
    }

    /// Sends an iCalendar object with each message.
    pub fn calendar(mut self, ics: String) -> Notice {
        self.calendar = Some(ics);
        self
    }

    /// The row the notice is about (a poll, a campaign, a payment request…).
    pub fn about(mut self, id: i64) -> Notice {
        self.about = Some(id);
        self
    }

    pub fn var(mut self, name: &str, value: Var) -> Notice {
        self.vars.insert(name.to_string(), value);
        self
    }

    pub fn text(self, name: &str, value: impl Into<String>) -> Notice {
        self.var(name, Var::Text(value.into()))
    }

    /// Where the message leads (its button; the digest's link).
    pub fn link(self, path: impl Into<String>) -> Notice {
        self.var("url", Var::Path(path.into()))
    }

    /// Makes it a list message's copy (see [`ListMail`]).
    pub fn with_list(mut self, list: ListMail) -> Notice {
        self.list = Some(list);
        self
    }

    pub fn to(mut self, addressees: Vec<Addressee>) -> Notice {
        self.to = Some(addressees);
        self
    }
}

/// A notice held for a person's daily digest, with what only they see (their vars and
/// lines); `named`: its addressees were named when it was made (no audience to ask again).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldNotice {
    pub notice: Notice,
    pub addressee: Addressee,
    pub named: bool,
}
