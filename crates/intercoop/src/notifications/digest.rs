//! The daily digest: the notices a person chose to receive gathered ([`super::Mode::Digest`])
//! wait here (`held_notices`), and go out in one email per person and network at 17:00
//! in the network's time zone.

use super::render::Message;
use super::{Addressee, Kind, Line, Notice, Var};
use crate::entities::{held_notice, unsubscribe_token};
use crate::error::AppResult;
use crate::jobs::{Ctx, Every, JobError, Recurring, Registry, handler};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::BTreeMap;

/// Each network's daily digest.
pub const DAILY: &str = "notifications.daily_digest";

pub(super) fn register(r: Registry) -> Registry {
    r.with(DAILY, handler(|ctx, txn| Box::pin(daily(ctx, txn))))
        .every(Recurring {
            kind: DAILY,
            every: Every::DayAt { hour: 17, minute: 0 },
        })
}

/// Keeps a rendered notice for the person's next digest (its subject in their language,
/// and where it leads).
pub(super) async fn hold<C: ConnectionTrait>(conn: &C, m: &Message) -> AppResult<()> {
    let url = match m.url() {
        u if u.is_empty() => m.settings_url(),
        u => u,
    };
    held_notice::ActiveModel {
        person_id: Set(m.person_id),
        network_id: Set(m.network_id),
        kind: Set(m.kind.into()),
        subject: Set(m.subject()?),
        url: Set(url),
        created_at: Set(crate::clock::now()),
        sent_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// How long an unsubscribe link works (the emails that carry it are kept that long).
pub const UNSUBSCRIBE_DAYS: i64 = 365;
/// How long a sent held notice is kept (to answer "why did I get this?").
pub const HELD_DAYS: i64 = 30;

/// Sends each person of the job's network their held notices, one email each, and marks
/// them sent (in the same transaction); forgets the network's old unsubscribe links and
/// sent held notices.
async fn daily(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let network = ctx
        .job
        .network_id
        .ok_or_else(|| JobError::Fail("a daily digest without a network".into()))?;
    send_digests(txn, &ctx.state.config.base_url, network).await?;
    let now = crate::clock::now();
    unsubscribe_token::Entity::delete_many()
        .filter(unsubscribe_token::Column::NetworkId.eq(network))
        .filter(unsubscribe_token::Column::CreatedAt.lt(now - time::Duration::days(UNSUBSCRIBE_DAYS)))
        .exec(txn)
        .await?;
    held_notice::Entity::delete_many()
        .filter(held_notice::Column::NetworkId.eq(network))
        .filter(held_notice::Column::SentAt.lt(now - time::Duration::days(HELD_DAYS)))
        .exec(txn)
        .await?;
    Ok(())
}

/// The digests of one network now; how many emails.
pub async fn send_digests<C: ConnectionTrait>(conn: &C, base_url: &str, network_id: i64) -> AppResult<usize> {
    let held = held_notice::Entity::find()
        .filter(held_notice::Column::NetworkId.eq(network_id))
        .filter(held_notice::Column::SentAt.is_null())
        .order_by_asc(held_notice::Column::Id)
        .all(conn)
        .await?;
    if held.is_empty() {
        return Ok(0);
    }
    let mut by_person: BTreeMap<i64, Vec<Line>> = BTreeMap::new();
    for h in &held {
        by_person.entry(h.person_id).or_default().push(Line {
            message: "notifications-digest-line".into(),
            vars: [
                ("subject".to_string(), Var::Text(h.subject.clone())),
                ("link".to_string(), Var::Text(h.url.clone())),
            ]
            .into(),
        });
    }
    let to = by_person
        .into_iter()
        .map(|(person_id, lines)| Addressee {
            person_id,
            lines,
            ..Addressee::new(person_id)
        })
        .collect();
    let notice = Notice::new(Kind::Digest, network_id)
        .link("/settings/notifications")
        .to(to);
    let sent = super::send_now(conn, base_url, notice).await?;
    held_notice::Entity::update_many()
        .col_expr(held_notice::Column::SentAt, Expr::val(Some(crate::clock::now())))
        .filter(held_notice::Column::Id.is_in(held.iter().map(|h| h.id)))
        .exec(conn)
        .await?;
    Ok(sent)
}
