//! Mail sent to a list's address: parsed with `mail-parser` (never by hand), checked,
//! and stored in one transaction (published and delivered, or held for a moderator).
//! Both ways in use it: the SMTP/LMTP listener (`lists::smtp`) and
//! `intercoop mail receive` (one message on standard input, for a `pipe` transport).
//!
//! | the message | what happens |
//! |---|---|
//! | not an RFC 5322 message (no header, no `From` address), over 25 MB | refused: a bounce with the reason, nothing stored |
//! | to an address of the lists' domain that no list has | refused (unknown list) |
//! | no text part (neither text nor HTML) | refused |
//! | an attachment over 10 MB | refused, nothing stored |
//! | a bounce or an auto-reply: `Auto-Submitted` other than `no` (RFC 3834), `Precedence: bulk`, `list` or `junk`, a null return path | dropped silently: never redistributed |
//! | carrying this list's own `List-Id` | dropped: a loop |
//! | already in the list (the same `Message-ID` handed over again) | dropped: never stored or sent twice |
//! | from an address no person of the network has | held for a moderator (refused if the list does not moderate non-members) |
//! | a member's first mail from this address | held: the `From` could be forged; once a moderator approves it, that address posts |
//! | from a member the list's rule does not let post | held for a moderator |
//! | otherwise | published in its thread (`In-Reply-To`, `References`) and delivered |

use super::data;
use super::entities::list;
use super::messages::{self, HoldReason, MAX_ATTACHMENT, MAX_MESSAGE, NewAttachment, NewMessage};
use super::policy::Poster;
use crate::db::Db;
use crate::error::AppError;
use mail_parser::{HeaderValue, MessageParser, MimeHeaders};
use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Query};
use sea_orm::{ConnectionTrait, TransactionTrait};

/// The envelope of a message: the return path (`Some("")`: the null path of a bounce;
/// `None`: unknown, as on standard input without `--sender`) and the recipients (empty:
/// read `To` and `Cc`).
#[derive(Debug, Clone, Default)]
pub struct Envelope {
    pub mail_from: Option<String>,
    pub recipients: Vec<String>,
}

/// What became of a message for one list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Published {
        list_id: i64,
        id: i64,
    },
    Held {
        list_id: i64,
        id: i64,
        reason: &'static str,
    },
    /// Not redistributed, on purpose (an auto-reply, a loop, a message already there).
    Dropped(&'static str),
}

/// Why a message is refused (a bounce: the sender is told why; nothing is stored).
#[derive(Debug, thiserror::Error)]
pub enum Bounce {
    #[error("this is not an RFC 5322 message (no header or no From address)")]
    NotMail,
    #[error("no mailing list has the address {0}")]
    UnknownList(String),
    #[error("the message has no text part")]
    NoText,
    #[error("the message is over the size limit of {MAX_MESSAGE} bytes")]
    MessageTooLarge,
    #[error("the attachment \"{0}\" is over the size limit of {MAX_ATTACHMENT} bytes")]
    AttachmentTooLarge(String),
    #[error("the list {0} takes messages from its members only")]
    MembersOnly(String),
    #[error("the message could not be stored, try again later: {0}")]
    Temporary(String),
}

impl Bounce {
    /// The exit status for a `pipe` transport (sysexits.h): a temporary failure makes the
    /// mail server try again, the others bounce with the printed reason.
    pub fn exit_code(&self) -> i32 {
        match self {
            Bounce::UnknownList(_) => 67, // EX_NOUSER
            Bounce::Temporary(_) => 75,   // EX_TEMPFAIL
            Bounce::MembersOnly(_) => 77, // EX_NOPERM
            _ => 65,                      // EX_DATAERR
        }
    }

    /// The SMTP reply code (RFC 5321): 4xx to try again, 5xx to bounce.
    pub fn smtp_code(&self) -> u16 {
        match self {
            Bounce::UnknownList(_) => 550,
            Bounce::Temporary(_) => 451,
            Bounce::MessageTooLarge | Bounce::AttachmentTooLarge(_) => 552,
            Bounce::MembersOnly(_) => 550,
            _ => 554,
        }
    }
}

impl From<AppError> for Bounce {
    fn from(e: AppError) -> Bounce {
        tracing::error!(error = %e, "inbound list mail not stored");
        Bounce::Temporary("database error".into())
    }
}

impl From<sea_orm::DbErr> for Bounce {
    fn from(e: sea_orm::DbErr) -> Bounce {
        Bounce::from(AppError::from(e))
    }
}

/// Angle brackets and spaces off an id or address.
fn bare(s: &str) -> String {
    s.trim().trim_matches(['<', '>']).trim().to_string()
}

/// The ids a header holds (`References`, `In-Reply-To`), in order.
fn ids(v: &HeaderValue<'_>) -> Vec<String> {
    match v {
        HeaderValue::TextList(l) => l.iter().map(|s| bare(s)).collect(),
        HeaderValue::Text(t) => t.split_whitespace().map(bare).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect()
}

/// A bounce or an automatic answer (RFC 3834), never redistributed.
fn automatic(m: &mail_parser::Message<'_>, env: &Envelope) -> bool {
    let header = |name: &str| m.header_raw(name).map(|v| v.trim().to_ascii_lowercase());
    if header("Auto-Submitted").is_some_and(|v| !v.starts_with("no")) {
        return true;
    }
    if header("Precedence").is_some_and(|v| matches!(v.as_str(), "bulk" | "list" | "junk")) {
        return true;
    }
    if env.mail_from.as_deref().is_some_and(|f| bare(f).is_empty()) {
        return true;
    }
    m.header_raw("Return-Path").is_some_and(|v| bare(v).is_empty())
}

/// A delivery status notification (RFC 3464) sent to the bounces address: each
/// recipient it reports failed for good is a hard bounce (`crate::mail::bounces`), but
/// only when the report names a message the outbox sent to that very address (its
/// `Message-ID`, `<outbox-ID-TIME@…>`, in the returned headers): a forged report cannot
/// stop mail to someone else. Nothing is redistributed.
async fn delivery_report(db: &Db, raw: &[u8], m: &mail_parser::Message<'_>) -> Result<Vec<Outcome>, Bounce> {
    let report = m.parts.iter().find(|p| {
        p.content_type().is_some_and(|c| {
            c.ctype().eq_ignore_ascii_case("message")
                && c.subtype().is_some_and(|s| s.eq_ignore_ascii_case("delivery-status"))
        })
    });
    let Some(report) = report else {
        return Ok(vec![Outcome::Dropped("not a delivery report")]);
    };
    let failed = crate::mail::bounces::failed_recipients(&String::from_utf8_lossy(report.contents()));
    let sent = outbox_ids(&String::from_utf8_lossy(raw));
    if failed.is_empty() || sent.is_empty() {
        return Ok(vec![Outcome::Dropped("delivery report")]);
    }
    let rows: Vec<(i64, String)> = {
        use crate::entities::outbox_message::{Column, Entity};
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
        Entity::find()
            .select_only()
            .column(Column::Id)
            .column(Column::ToAddress)
            .filter(Column::Id.is_in(sent))
            .into_tuple()
            .all(&db.read)
            .await?
    };
    for (address, reason) in failed {
        if rows.iter().any(|(_, to)| to.eq_ignore_ascii_case(&address)) {
            crate::mail::bounces::record(&db.write, &address, &reason, crate::mail::bounces::Source::Dsn).await?;
        }
    }
    Ok(vec![Outcome::Dropped("delivery report")])
}

/// The outbox ids of the outbox's `Message-ID`s (`outbox-ID-TIME@…`) a text holds.
fn outbox_ids(text: &str) -> Vec<i64> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("<outbox-") {
        let rest = &text[at + "<outbox-".len()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(id) = digits.parse::<i64>()
            && rest[digits.len()..].starts_with('-')
            && !out.contains(&id)
        {
            out.push(id);
        }
    }
    out
}

/// Plain text as sanitized HTML: paragraphs, line breaks, escaped.
pub fn text_html(text: &str) -> String {
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    text.replace("\r\n", "\n")
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>", escape(p.trim_end()).replace('\n', "<br>\n")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A person of the network by address, with what they are for the posting rules.
#[derive(Debug, sea_orm::FromQueryResult)]
struct Member {
    id: i64,
    is_admin: bool,
    is_core_circle: bool,
    representative: i64,
}

async fn member<C: ConnectionTrait>(conn: &C, network_id: i64, address: &str) -> Result<Option<Member>, Bounce> {
    let reps = Query::select()
        .expr(Expr::col(("r", "id")).count())
        .from_as("representatives", "r")
        .and_where(Expr::col(("r", "person_id")).equals(("p", "id")))
        .and_where(Expr::col(("r", "network_id")).eq(network_id))
        .and_where(Expr::col(("r", "current")).eq(true))
        .take();
    let mut q = Query::select();
    q.expr_as(Expr::col(("p", "id")), "id")
        .expr_as(Expr::col(("np", "is_admin")), "is_admin")
        .expr_as(Expr::col(("np", "is_core_circle")), "is_core_circle")
        .expr_as(Expr::SubQuery(None, Box::new(reps.into())), "representative")
        .from_as("people", "p")
        .join_as(
            JoinType::InnerJoin,
            "network_people",
            "np",
            Expr::col(("np", "person_id"))
                .equals(("p", "id"))
                .and(Expr::col(("np", "network_id")).eq(network_id)),
        )
        .and_where(Expr::col(("p", "email")).eq(address.to_ascii_lowercase()))
        .and_where(Expr::col(("p", "disabled")).eq(false));
    Ok(crate::db::fetch_all::<Member, _>(conn, &q).await?.into_iter().next())
}

/// Receives one message (see the module's table). `Ok`: one outcome per list it was
/// for; `Err`: the bounce, and nothing stored.
pub async fn receive(db: &Db, domain: &str, raw: &[u8], env: &Envelope) -> Result<Vec<Outcome>, Bounce> {
    if raw.len() > MAX_MESSAGE {
        return Err(Bounce::MessageTooLarge);
    }
    let parsed = MessageParser::default().parse(raw).ok_or(Bounce::NotMail)?;
    let from = parsed
        .from()
        .and_then(|f| f.first())
        .and_then(|a| {
            a.address()
                .map(|addr| (addr.to_ascii_lowercase(), a.name().map(str::to_string)))
        })
        .filter(|(addr, _)| addr.contains('@'))
        .ok_or(Bounce::NotMail)?;
    // The lists it is for: the envelope's recipients, else its To and Cc.
    let recipients: Vec<String> = if env.recipients.is_empty() {
        parsed
            .to()
            .into_iter()
            .chain(parsed.cc())
            .flat_map(|a| a.iter())
            .filter_map(|a| a.address().map(str::to_string))
            .filter(|a| a.to_ascii_lowercase().ends_with(&format!("@{domain}")))
            .collect()
    } else {
        env.recipients.clone()
    };
    if recipients.is_empty() {
        return Err(Bounce::UnknownList(String::new()));
    }
    let reports_to = crate::mail::bounces::return_path(domain);
    if recipients.iter().any(|r| bare(r).eq_ignore_ascii_case(&reports_to)) {
        return delivery_report(db, raw, &parsed).await;
    }
    let mut lists: Vec<list::Model> = Vec::new();
    for r in &recipients {
        match data::by_address(&db.read, r, domain).await? {
            Some(l) if !lists.iter().any(|k| k.id == l.id) => lists.push(l),
            Some(_) => {}
            None => return Err(Bounce::UnknownList(bare(r))),
        }
    }
    if automatic(&parsed, env) {
        return Ok(vec![Outcome::Dropped("automatic")]);
    }
    let Some(text) = parsed.body_text(0).map(|t| t.into_owned()) else {
        return Err(Bounce::NoText);
    };
    let mut files = Vec::new();
    for a in parsed.attachments() {
        let name = a.attachment_name().unwrap_or("attachment").to_string();
        if a.contents().len() > MAX_ATTACHMENT {
            return Err(Bounce::AttachmentTooLarge(name));
        }
        let content_type = a
            .content_type()
            .map(|c| match c.subtype() {
                Some(sub) => format!("{}/{sub}", c.ctype()),
                None => c.ctype().to_string(),
            })
            .unwrap_or_else(|| "application/octet-stream".into());
        files.push((name, content_type, a.contents().to_vec()));
    }
    let message_id = parsed
        .message_id()
        .map(bare)
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| messages::new_message_id(domain));
    let mut replies_to = ids(parsed.references());
    replies_to.extend(ids(parsed.in_reply_to()));
    let list_id_header = parsed.header_raw("List-Id").unwrap_or("").to_ascii_lowercase();
    let subject = parsed.subject().unwrap_or("").trim().to_string();
    let (address, name) = from;
    let from_name = name
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| address.split('@').next().unwrap_or("").to_string());

    let txn = db.write.begin().await?;
    let mut outcomes = Vec::new();
    for l in &lists {
        if list_id_header.contains(&format!("<{}>", data::list_id_value(l, domain))) {
            outcomes.push(Outcome::Dropped("loop"));
            continue;
        }
        let person = member(&txn, l.network_id, &address).await?;
        let hold = match &person {
            None if l.moderate_non_members => Some(HoldReason::NonMember),
            None => return Err(Bounce::MembersOnly(data::address(l, domain))),
            Some(p) if !messages::trusted(&txn, l.network_id, &address, p.id).await? => Some(HoldReason::NewAddress),
            Some(p) => {
                let poster = Poster {
                    admin: p.is_admin,
                    core: p.is_core_circle || p.is_admin,
                    representative: p.representative > 0,
                };
                match messages::hold_for(&txn, l, p.id, poster).await? {
                    Ok(h) => h,
                    Err(_) => Some(HoldReason::Moderated),
                }
            }
        };
        let new = NewMessage {
            subject: strip_tag(&subject, &l.name),
            body_html: text_html(&text),
            body_text: text.clone(),
            author_id: person.as_ref().map(|p| p.id),
            from_address: address.clone(),
            from_name: from_name.clone(),
            message_id: message_id.clone(),
            replies_to: replies_to.clone(),
            source: "email",
            attachments: files
                .iter()
                .map(|(n, t, d)| NewAttachment {
                    filename: n.clone(),
                    content_type: t.clone(),
                    data: d.clone(),
                })
                .collect(),
        };
        match messages::store(&txn, l, new, hold).await? {
            None => outcomes.push(Outcome::Dropped("duplicate")),
            Some(m) => outcomes.push(match hold {
                Some(h) => Outcome::Held {
                    list_id: l.id,
                    id: m.id,
                    reason: h.as_str(),
                },
                None => Outcome::Published {
                    list_id: l.id,
                    id: m.id,
                },
            }),
        }
    }
    txn.commit().await?;
    Ok(outcomes)
}

/// The subject without the list's tag a reply carries (`Re: [Entraide] Labels`).
fn strip_tag(subject: &str, list_name: &str) -> String {
    let tag = format!("[{list_name}]");
    let s = subject.replace(&tag, "");
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.is_empty() { "(no subject)".into() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn automatic_mail_is_recognised() {
        let env = Envelope::default();
        let parse = |raw: &'static str| MessageParser::default().parse(raw.as_bytes()).unwrap();
        assert!(automatic(
            &parse("From: a@b.c\r\nAuto-Submitted: auto-replied\r\n\r\nx"),
            &env
        ));
        assert!(!automatic(&parse("From: a@b.c\r\nAuto-Submitted: no\r\n\r\nx"), &env));
        assert!(automatic(&parse("From: a@b.c\r\nPrecedence: bulk\r\n\r\nx"), &env));
        assert!(automatic(&parse("From: a@b.c\r\nReturn-Path: <>\r\n\r\nx"), &env));
        let bounce = Envelope {
            mail_from: Some("<>".into()),
            recipients: Vec::new(),
        };
        assert!(automatic(&parse("From: a@b.c\r\n\r\nx"), &bounce));
        assert!(!automatic(&parse("From: a@b.c\r\n\r\nx"), &env));
    }

    #[test]
    fn tags_and_text() {
        assert_eq!(strip_tag("Re: [Entraide]  Labels", "Entraide"), "Re: Labels");
        assert_eq!(text_html("a <b>\nc\n\nd"), "<p>a &lt;b&gt;<br>\nc</p>\n<p>d</p>");
    }
}
