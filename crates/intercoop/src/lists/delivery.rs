//! Delivering a published message: one job per message (a once-key: never twice),
//! queued in the transaction that publishes it. At sending time it reads who gets the
//! list's messages (`data::recipients`): those who chose each message get one email
//! each through the notification service (in their language, with the list headers,
//! the footer's archive and settings links and a one-click link that leaves the
//! list); those who chose the digest find it in their next daily digest (17:00);
//! those who read on the web get nothing by email.

use super::data::{self, ReplyTo};
use super::entities::{attachment, list, message};
use crate::error::AppResult;
use crate::jobs::{Ctx, JobError, NewJob, Registry, handler};
use crate::mail::ListHeaders;
use crate::notifications::{self, Addressee, Kind, Line, ListMail, Notice, Var};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::{Deserialize, Serialize};

/// Deliver a published message.
pub const DELIVER: &str = "lists.deliver";

#[derive(Debug, Serialize, Deserialize)]
struct DeliverJob {
    message_id: i64,
}

pub fn register(r: Registry) -> Registry {
    r.with(DELIVER, handler(|ctx, txn| Box::pin(deliver(ctx, txn))))
}

/// Queues a published message's delivery (once per message).
pub async fn enqueue<C: ConnectionTrait>(conn: &C, m: &message::Model) -> AppResult<()> {
    if crate::mail::is_discarding() {
        return Ok(());
    }
    crate::jobs::enqueue(
        conn,
        NewJob::new(DELIVER, &DeliverJob { message_id: m.id })
            .network(m.network_id)
            .unique(format!("{DELIVER}:{}", m.id)),
    )
    .await?;
    Ok(())
}

async fn deliver(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let job: DeliverJob = ctx.payload()?;
    let Some(m) = message::Entity::find_by_id(job.message_id).one(txn).await? else {
        return Ok(());
    };
    let Some(l) = list::Entity::find_by_id(m.list_id).one(txn).await? else {
        return Ok(());
    };
    let config = &ctx.state.config;
    let (each, digest) = data::recipients(txn, &l).await?;
    let notice = notice(txn, &l, &m, &config.lists_domain, &config.base_url).await?;
    let lines = files(txn, &m).await?;
    let to = |ids: Vec<i64>| -> Vec<Addressee> {
        ids.into_iter()
            .map(|id| Addressee {
                lines: lines.clone(),
                ..Addressee::new(id)
            })
            .collect()
    };
    let digest = to(digest);
    if !digest.is_empty() {
        notifications::hold_for_digest(txn, &notice, &digest).await?;
    }
    let each = to(each);
    if !each.is_empty() {
        notifications::send_now(txn, &config.base_url, notice.to(each)).await?;
    }
    Ok(())
}

/// The notice of a list message: its facts and the headers of its copies.
async fn notice<C: ConnectionTrait>(
    conn: &C,
    l: &list::Model,
    m: &message::Model,
    domain: &str,
    base_url: &str,
) -> AppResult<Notice> {
    let address = data::address(l, domain);
    let in_reply_to = match m.parent_id {
        Some(p) => message::Entity::find_by_id(p).one(conn).await?.map(|p| p.message_id),
        None => None,
    };
    let headers = ListHeaders {
        message_id: m.message_id.clone(),
        in_reply_to,
        references: m.refs.split_whitespace().map(str::to_string).collect(),
        list_id: data::list_id_header(l, domain),
        list_address: address.clone(),
        archive: format!("{base_url}/lists/{}", l.id),
        from_name: format!("{} via {}", m.from_name, l.name),
        reply_to: match ReplyTo::parse(&l.reply_to) {
            Some(ReplyTo::Sender) => m.from_address.clone(),
            _ => address,
        },
    };
    Ok(Notice::new(Kind::ListMessage, l.network_id)
        .about(m.id)
        .text("list", l.name.clone())
        .text("subject", m.subject.clone())
        .text("body", m.body_text.clone())
        .text("body_html", m.body_html.clone())
        .var("settings", Var::Path("/settings/lists".into()))
        .link(format!("/lists/{}/messages/{}", l.id, m.id))
        .with_list(ListMail { list_id: l.id, headers }))
}

/// A line per attachment: its name and where to download it.
async fn files<C: ConnectionTrait>(conn: &C, m: &message::Model) -> AppResult<Vec<Line>> {
    let rows: Vec<(i64, String)> = attachment::Entity::find()
        .select_only()
        .columns([attachment::Column::Id, attachment::Column::Filename])
        .filter(attachment::Column::ListMessageId.eq(m.id))
        .order_by_asc(attachment::Column::Id)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| Line {
            message: "lists-mail-attachment".into(),
            vars: [
                ("file".to_string(), Var::Text(name)),
                (
                    "link".to_string(),
                    Var::Path(format!("/lists/{}/files/{id}", m.list_id)),
                ),
            ]
            .into(),
        })
        .collect())
}
