//! A list's messages: storing one (from the web, the API or an email) in its thread,
//! publishing it (its deliveries queued in the same transaction, exactly once),
//! holding it for a moderator, approving or rejecting it; and reading them back by
//! thread, by month, and by search (the search itself is `db::search`'s).

use super::data;
use super::entities::{attachment, list, message, sender};
use super::policy::Poster;
use crate::audit::Actor;
use crate::db;
use crate::error::{AppError, AppResult};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use serde::Serialize;

intercoop_domain::text_enum!(
    /// Where a message stands: waiting for a moderator, in the archive and sent, or refused.
    Status { Held = "held", Published = "published", Rejected = "rejected" }
);

intercoop_domain::text_enum!(
    /// Why a message waits for a moderator: the sender is not a person of the network
    /// (`non_member`); a member's first mail from this address, which could be forged
    /// (`new_address`); the list holds a person's first post (`first_post`); the list is
    /// moderated, or the sender may not post to it (`moderated`).
    HoldReason {
        NonMember = "non_member",
        NewAddress = "new_address",
        FirstPost = "first_post",
        Moderated = "moderated",
    }
);

/// The largest attachment kept (a larger one bounces the message whole).
pub const MAX_ATTACHMENT: usize = 10 * 1024 * 1024;
/// The largest message accepted (SMTP `SIZE`, and standard input).
pub const MAX_MESSAGE: usize = 25 * 1024 * 1024;

/// A file that came with a message.
pub struct NewAttachment {
    pub filename: String,
    pub content_type: String,
    pub data: Vec<u8>,
}

/// A message to store, whatever its way in.
pub struct NewMessage {
    pub subject: String,
    pub body_text: String,
    /// Sanitized HTML (`proposals::pages::markdown` of the Markdown, or of the text).
    pub body_html: String,
    pub author_id: Option<i64>,
    pub from_address: String,
    pub from_name: String,
    /// The RFC 5322 id (an email's own; a new one for the web).
    pub message_id: String,
    /// The ids it answers, nearest last (`References` then `In-Reply-To`).
    pub replies_to: Vec<String>,
    /// web or email.
    pub source: &'static str,
    pub attachments: Vec<NewAttachment>,
}

/// A message as the API and pages show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MessageOut {
    pub id: i64,
    pub list_id: i64,
    pub thread_id: i64,
    pub parent_id: Option<i64>,
    /// Its RFC 5322 `Message-ID`, without angle brackets.
    pub message_id: String,
    pub subject: String,
    /// The person who wrote it, when a person of the network did.
    pub author_id: Option<i64>,
    pub from_name: String,
    pub body_text: String,
    /// Sanitized HTML.
    pub body_html: String,
    /// held, published or rejected.
    pub status: String,
    /// Why it is held: non_member, new_address, first_post, moderated.
    pub hold_reason: Option<String>,
    /// web or email.
    pub source: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: time::OffsetDateTime,
    pub attachments: Vec<AttachmentOut>,
}

/// A file of a message (`url`: its download).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AttachmentOut {
    pub id: i64,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub url: String,
}

/// A thread in the archive: its first message, how many answers, its last activity.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ThreadOut {
    pub id: i64,
    pub subject: String,
    pub from_name: String,
    pub replies: i64,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub started_at: time::OffsetDateTime,
}

fn out(m: message::Model, files: Vec<attachment::Model>) -> MessageOut {
    MessageOut {
        id: m.id,
        list_id: m.list_id,
        thread_id: m.thread_id.unwrap_or(m.id),
        parent_id: m.parent_id,
        message_id: m.message_id,
        subject: m.subject,
        author_id: m.author_id,
        from_name: m.from_name,
        body_text: m.body_text,
        body_html: m.body_html,
        status: m.status,
        hold_reason: m.hold_reason,
        source: m.source,
        created_at: m.created_at,
        attachments: files
            .into_iter()
            .map(|a| AttachmentOut {
                url: format!("/lists/{}/files/{}", m.list_id, a.id),
                id: a.id,
                filename: a.filename,
                content_type: a.content_type,
                size: a.size,
            })
            .collect(),
    }
}

/// Messages with their attachments (without the files' bytes).
async fn with_files<C: ConnectionTrait>(conn: &C, rows: Vec<message::Model>) -> AppResult<Vec<MessageOut>> {
    let ids: Vec<i64> = rows.iter().map(|m| m.id).collect();
    let files: Vec<(i64, i64, String, String, i64)> = if ids.is_empty() {
        Vec::new()
    } else {
        attachment::Entity::find()
            .select_only()
            .columns([
                attachment::Column::Id,
                attachment::Column::ListMessageId,
                attachment::Column::Filename,
                attachment::Column::ContentType,
                attachment::Column::Size,
            ])
            .filter(attachment::Column::ListMessageId.is_in(ids))
            .order_by_asc(attachment::Column::Id)
            .into_tuple()
            .all(conn)
            .await?
    };
    Ok(rows
        .into_iter()
        .map(|m| {
            let mine = files
                .iter()
                .filter(|f| f.1 == m.id)
                .map(|f| attachment::Model {
                    id: f.0,
                    list_message_id: f.1,
                    network_id: m.network_id,
                    filename: f.2.clone(),
                    content_type: f.3.clone(),
                    size: f.4,
                    data: Vec::new(),
                })
                .collect();
            out(m, mine)
        })
        .collect())
}

/// A new `Message-ID` for a message written on the web.
pub fn new_message_id(domain: &str) -> String {
    let token = crate::auth::tokens::new_token("");
    format!("{}@{domain}", token.trim_start_matches('_'))
}

/// Stores a message in its thread (the nearest id it answers that the list has), with
/// its files; publishes it (queues its deliveries, indexes it) unless `hold` says why a
/// moderator must see it first. A message whose id the list already has is not stored
/// twice: `None` (an email handed over again).
pub async fn store<C: ConnectionTrait>(
    conn: &C,
    l: &list::Model,
    new: NewMessage,
    hold: Option<HoldReason>,
) -> AppResult<Option<message::Model>> {
    let dup = message::Entity::find()
        .filter(message::Column::ListId.eq(l.id))
        .filter(message::Column::MessageId.eq(new.message_id.clone()))
        .count(conn)
        .await?;
    if dup > 0 {
        return Ok(None);
    }
    let mut parent = None;
    for id in new.replies_to.iter().rev() {
        parent = message::Entity::find()
            .filter(message::Column::ListId.eq(l.id))
            .filter(message::Column::MessageId.eq(id.clone()))
            .filter(message::Column::Status.ne(Status::Rejected.as_str()))
            .one(conn)
            .await?;
        if parent.is_some() {
            break;
        }
    }
    let refs = match &parent {
        Some(p) if p.refs.is_empty() => p.message_id.clone(),
        Some(p) => format!("{} {}", p.refs, p.message_id),
        None => String::new(),
    };
    let status = if hold.is_some() {
        Status::Held
    } else {
        Status::Published
    };
    let row = message::ActiveModel {
        list_id: Set(l.id),
        network_id: Set(l.network_id),
        thread_id: Set(parent.as_ref().map(|p| p.thread_id.unwrap_or(p.id))),
        parent_id: Set(parent.as_ref().map(|p| p.id)),
        message_id: Set(new.message_id),
        refs: Set(refs),
        author_id: Set(new.author_id),
        from_address: Set(new.from_address),
        from_name: Set(new.from_name),
        subject: Set(new.subject),
        body_text: Set(new.body_text),
        body_html: Set(new.body_html),
        status: Set(status.as_str().to_string()),
        hold_reason: Set(hold.map(|h| h.as_str().to_string())),
        source: Set(new.source.to_string()),
        decided_by: Set(None),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    let row = if row.thread_id.is_none() {
        let mut a: message::ActiveModel = row.clone().into();
        a.thread_id = Set(Some(row.id));
        a.update(conn).await?
    } else {
        row
    };
    for f in new.attachments {
        attachment::ActiveModel {
            list_message_id: Set(row.id),
            network_id: Set(l.network_id),
            filename: Set(f.filename),
            content_type: Set(f.content_type),
            size: Set(f.data.len() as i64),
            data: Set(f.data),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    if status == Status::Published {
        published(conn, &row).await?;
    }
    Ok(Some(row))
}

/// What publishing does, in the caller's transaction: the archive's search index, and
/// the deliveries' job (once per message).
async fn published<C: ConnectionTrait>(conn: &C, m: &message::Model) -> AppResult<()> {
    db::search::index_list_message(conn, m.id, &m.subject, &m.body_text).await?;
    super::delivery::enqueue(conn, m).await
}

/// Why a person's post must wait, if it must: the list's rule, and its moderation of
/// first posts.
pub async fn hold_for<C: ConnectionTrait>(
    conn: &C,
    l: &list::Model,
    person_id: i64,
    poster: Poster,
) -> AppResult<Result<Option<HoldReason>, AppError>> {
    let posting = data::Posting::parse(&l.posting).unwrap_or(data::Posting::Moderated);
    if !super::policy::may_post(posting, poster) {
        if super::policy::may_submit(posting) {
            return Ok(Ok(Some(HoldReason::Moderated)));
        }
        return Ok(Err(AppError::Forbidden));
    }
    if l.moderate_first_posts && !poster.admin {
        let before = message::Entity::find()
            .filter(message::Column::ListId.eq(l.id))
            .filter(message::Column::AuthorId.eq(person_id))
            .filter(message::Column::Status.eq(Status::Published.as_str()))
            .count(conn)
            .await?;
        if before == 0 {
            return Ok(Ok(Some(HoldReason::FirstPost)));
        }
    }
    Ok(Ok(None))
}

/// A held message of the network's list (404 otherwise; 409 once decided).
async fn held_one<C: ConnectionTrait>(conn: &C, network_id: i64, list_id: i64, id: i64) -> AppResult<message::Model> {
    let m = message::Entity::find_by_id(id)
        .filter(message::Column::NetworkId.eq(network_id))
        .filter(message::Column::ListId.eq(list_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    if m.status != Status::Held.as_str() {
        return Err(AppError::Conflict("lists-already-decided"));
    }
    Ok(m)
}

/// Approves a held message (a moderator): it is published and delivered; a mail from
/// a person's new address makes that address theirs for the next ones.
pub async fn approve<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    list_id: i64,
    id: i64,
) -> AppResult<MessageOut> {
    let m = held_one(conn, network_id, list_id, id).await?;
    let mut a: message::ActiveModel = m.clone().into();
    a.status = Set(Status::Published.as_str().to_string());
    a.decided_by = Set(actor.person_id);
    let m = a.update(conn).await?;
    if let (Some(person), "email") = (m.author_id, m.source.as_str()) {
        trust(conn, network_id, &m.from_address, person).await?;
    }
    published(conn, &m).await?;
    decided(conn, actor, &m, "lists.approve").await?;
    one(conn, network_id, list_id, m.id).await
}

/// Rejects a held message (a moderator): kept out of the archive, sent to nobody.
pub async fn reject<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    list_id: i64,
    id: i64,
) -> AppResult<MessageOut> {
    let m = held_one(conn, network_id, list_id, id).await?;
    let mut a: message::ActiveModel = m.into();
    a.status = Set(Status::Rejected.as_str().to_string());
    a.decided_by = Set(actor.person_id);
    let m = a.update(conn).await?;
    decided(conn, actor, &m, "lists.reject").await?;
    Ok(out(m, Vec::new()))
}

async fn decided<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    m: &message::Model,
    action: &'static str,
) -> AppResult<()> {
    crate::audit::record(
        conn,
        crate::audit::Change {
            network_id: Some(m.network_id),
            actor,
            action,
            entity: "list_message",
            entity_id: Some(m.id),
        },
        None::<&()>,
        Some(&serde_json::json!({"list_id": m.list_id, "status": m.status})),
    )
    .await?;
    Ok(())
}

/// Makes an address a person's for the lists of a network.
pub async fn trust<C: ConnectionTrait>(conn: &C, network_id: i64, address: &str, person_id: i64) -> AppResult<()> {
    let address = address.to_ascii_lowercase();
    let known = sender::Entity::find()
        .filter(sender::Column::NetworkId.eq(network_id))
        .filter(sender::Column::Address.eq(address.clone()))
        .count(conn)
        .await?;
    if known == 0 {
        sender::ActiveModel {
            network_id: Set(network_id),
            address: Set(address),
            person_id: Set(person_id),
            created_at: Set(db::now()),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

/// Whether an address is known as this person's (a moderator accepted a mail from it).
pub async fn trusted<C: ConnectionTrait>(conn: &C, network_id: i64, address: &str, person_id: i64) -> AppResult<bool> {
    Ok(sender::Entity::find()
        .filter(sender::Column::NetworkId.eq(network_id))
        .filter(sender::Column::Address.eq(address.to_ascii_lowercase()))
        .filter(sender::Column::PersonId.eq(person_id))
        .count(conn)
        .await?
        > 0)
}

/// One message of the list: published ones for everyone, held and rejected ones too
/// for `moderator` readers (the caller asks the policy).
pub async fn one<C: ConnectionTrait>(conn: &C, network_id: i64, list_id: i64, id: i64) -> AppResult<MessageOut> {
    let m = message::Entity::find_by_id(id)
        .filter(message::Column::NetworkId.eq(network_id))
        .filter(message::Column::ListId.eq(list_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(with_files(conn, vec![m]).await?.remove(0))
}

/// A thread's published messages, oldest first.
pub async fn thread<C: ConnectionTrait>(conn: &C, l: &list::Model, thread_id: i64) -> AppResult<Vec<MessageOut>> {
    let rows = message::Entity::find()
        .filter(message::Column::NetworkId.eq(l.network_id))
        .filter(message::Column::ListId.eq(l.id))
        .filter(message::Column::Status.eq(Status::Published.as_str()))
        .filter(message::Column::ThreadId.eq(thread_id))
        .order_by_asc(message::Column::Id)
        .limit(500)
        .all(conn)
        .await?;
    with_files(conn, rows).await
}

/// The held messages of a list, oldest first (for moderators).
pub async fn held<C: ConnectionTrait>(conn: &C, l: &list::Model) -> AppResult<Vec<MessageOut>> {
    let rows = message::Entity::find()
        .filter(message::Column::NetworkId.eq(l.network_id))
        .filter(message::Column::ListId.eq(l.id))
        .filter(message::Column::Status.eq(Status::Held.as_str()))
        .order_by_asc(message::Column::Id)
        .limit(200)
        .all(conn)
        .await?;
    with_files(conn, rows).await
}

/// The threads of a list, newest first, started within `[from, to)` when given (a
/// month of the archive); at most `limit` from `offset`.
pub async fn threads<C: ConnectionTrait>(
    conn: &C,
    l: &list::Model,
    range: Option<(time::OffsetDateTime, time::OffsetDateTime)>,
    offset: u64,
    limit: u64,
) -> AppResult<Vec<ThreadOut>> {
    let mut q = message::Entity::find()
        .filter(message::Column::NetworkId.eq(l.network_id))
        .filter(message::Column::ListId.eq(l.id))
        .filter(message::Column::Status.eq(Status::Published.as_str()))
        .filter(Expr::col(message::Column::ThreadId).equals(message::Column::Id));
    if let Some((from, to)) = range {
        q = q
            .filter(message::Column::CreatedAt.gte(from))
            .filter(message::Column::CreatedAt.lt(to));
    }
    let roots = q
        .order_by_desc(message::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(conn)
        .await?;
    let mut threads = Vec::with_capacity(roots.len());
    for r in roots {
        let replies = message::Entity::find()
            .filter(message::Column::ListId.eq(l.id))
            .filter(message::Column::ThreadId.eq(r.id))
            .filter(message::Column::Status.eq(Status::Published.as_str()))
            .count(conn)
            .await? as i64
            - 1;
        threads.push(ThreadOut {
            id: r.id,
            subject: r.subject,
            from_name: r.from_name,
            replies,
            started_at: r.created_at,
        });
    }
    Ok(threads)
}

/// The published messages of a list whose subject or body has every word of `q`
/// (newest first, at most `limit`): never another list's, never another network's.
pub async fn search<C: ConnectionTrait>(conn: &C, l: &list::Model, q: &str, limit: u64) -> AppResult<Vec<MessageOut>> {
    let ids = db::search::list_messages(conn, l.network_id, l.id, q, limit).await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = message::Entity::find()
        .filter(message::Column::NetworkId.eq(l.network_id))
        .filter(message::Column::ListId.eq(l.id))
        .filter(message::Column::Status.eq(Status::Published.as_str()))
        .filter(message::Column::Id.is_in(ids))
        .order_by_desc(message::Column::Id)
        .all(conn)
        .await?;
    with_files(conn, rows).await
}

/// An attachment of a published message of the network's list (its bytes).
pub async fn file<C: ConnectionTrait>(conn: &C, l: &list::Model, id: i64) -> AppResult<attachment::Model> {
    let a = attachment::Entity::find_by_id(id)
        .filter(attachment::Column::NetworkId.eq(l.network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let m = message::Entity::find_by_id(a.list_message_id)
        .filter(message::Column::ListId.eq(l.id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    if m.status != Status::Published.as_str() {
        return Err(AppError::NotFound);
    }
    Ok(a)
}

/// A list's published messages, newest first (`limit` from `offset`).
pub async fn recent<C: ConnectionTrait>(
    conn: &C,
    l: &list::Model,
    offset: u64,
    limit: u64,
) -> AppResult<Vec<MessageOut>> {
    let rows = message::Entity::find()
        .filter(message::Column::NetworkId.eq(l.network_id))
        .filter(message::Column::ListId.eq(l.id))
        .filter(message::Column::Status.eq(Status::Published.as_str()))
        .order_by_desc(message::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(conn)
        .await?;
    with_files(conn, rows).await
}

/// The RFC 5322 id of a list's message (for an answer posted on the web).
pub async fn message_id_of<C: ConnectionTrait>(conn: &C, l: &list::Model, id: i64) -> AppResult<Option<String>> {
    Ok(message::Entity::find_by_id(id)
        .filter(message::Column::ListId.eq(l.id))
        .filter(message::Column::Status.eq(Status::Published.as_str()))
        .one(conn)
        .await?
        .map(|m| m.message_id))
}
