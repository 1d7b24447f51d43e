//! The daily digest: the notices a person chose to receive gathered ([`super::Mode::Digest`])
//! wait here (`held_notices`), and go out in one email per person and network at 17:00
//! in the network's time zone. What is held is the notice itself: at 17:00 the digest
//! asks again, as any email does when it is made, whether the person still wants that
//! kind (not turned to "never" since) and is still concerned (still in the kind's
//! audience: a representative replaced meanwhile is not told), and writes each line in
//! the person's language of that moment.

use super::render::Message;
use super::{Addressee, Audiences, HeldNotice, Kind, Line, Mode, Notice, Var};
use crate::db::types::{Json, Text};
use crate::entities::{held_notice, network, unsubscribe_token};
use crate::error::{AppError, AppResult};
use crate::jobs::{Ctx, Every, JobError, Recurring, Registry, handler};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Each network's daily digest.
pub const DAILY: &str = "notifications.daily_digest";

pub(super) fn register(r: Registry, audiences: Arc<Audiences>) -> Registry {
    r.with(
        DAILY,
        handler(move |ctx, txn| {
            let audiences = audiences.clone();
            Box::pin(async move { daily(ctx, txn, &audiences).await })
        }),
    )
    .every(Recurring {
        kind: DAILY,
        every: Every::DayAt { hour: 17, minute: 0 },
    })
}

/// Keeps a notice for the person's next digest.
pub(super) async fn hold<C: ConnectionTrait>(conn: &C, notice: &Notice, addressee: &Addressee) -> AppResult<()> {
    let held = HeldNotice {
        notice: Notice {
            to: None,
            // The digest lists the notice; the invitation's calendar goes with emails sent at once.
            calendar: None,
            attach: Vec::new(),
            ..notice.clone()
        },
        addressee: addressee.clone(),
        named: notice.to.is_some(),
    };
    held_notice::ActiveModel {
        person_id: Set(addressee.person_id),
        network_id: Set(notice.network_id),
        kind: Set(Text(notice.kind)),
        notice: Set(Json(held)),
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
async fn daily(ctx: &Ctx, txn: &DatabaseTransaction, audiences: &Audiences) -> Result<(), JobError> {
    let network = ctx
        .job
        .network_id
        .ok_or_else(|| JobError::Fail("a daily digest without a network".into()))?;
    daily_notices(txn, &ctx.state.config.base_url, network, audiences).await?;
    send_digests(txn, &ctx.state.config.base_url, network, audiences).await?;
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

/// Sends the features' daily notices of one network ([`super::DailySource`]): to a
/// person who has notices waiting for today's digest, inside that digest (held, with
/// their lines); to the others, now, each on its own. One email per person at 17:00,
/// never a digest and a share digest side by side.
pub async fn daily_notices(
    conn: &DatabaseTransaction,
    base_url: &str,
    network_id: i64,
    audiences: &Audiences,
) -> AppResult<()> {
    if audiences.daily.is_empty() {
        return Ok(());
    }
    let waiting: BTreeSet<i64> = held_notice::Entity::find()
        .filter(held_notice::Column::NetworkId.eq(network_id))
        .filter(held_notice::Column::SentAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .map(|h| h.person_id)
        .collect();
    for source in &audiences.daily {
        for notice in source(conn, network_id).await? {
            let (inside, alone): (Vec<Addressee>, Vec<Addressee>) = notice
                .to
                .clone()
                .unwrap_or_default()
                .into_iter()
                .partition(|a| waiting.contains(&a.person_id));
            for a in &inside {
                hold(conn, &notice, a).await?;
            }
            if !alone.is_empty() {
                super::send_now(conn, base_url, notice.to(alone)).await?;
            }
        }
    }
    Ok(())
}

/// The digests of one network now; how many emails. A held notice whose kind the person
/// turned to "never" since, or whose audience no longer has them, is dropped (marked
/// sent, not told).
pub async fn send_digests(
    conn: &DatabaseTransaction,
    base_url: &str,
    network_id: i64,
    audiences: &Audiences,
) -> AppResult<usize> {
    let held = held_notice::Entity::find()
        .filter(held_notice::Column::NetworkId.eq(network_id))
        .filter(held_notice::Column::SentAt.is_null())
        .order_by_asc(held_notice::Column::Id)
        .all(conn)
        .await?;
    if held.is_empty() {
        return Ok(0);
    }
    let network = network::Entity::find_by_id(network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let ids: Vec<i64> = held
        .iter()
        .map(|h| h.person_id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // A person whose row or choice is unreadable keeps their held notices for a later
    // digest (named in the log), and the others get theirs (`readable`).
    let (people, mut unreadable) = super::readable::people(conn, &ids).await?;
    // Each notice's audience now, asked once per notice.
    let mut concerned: BTreeMap<String, BTreeSet<i64>> = BTreeMap::new();
    let mut modes: BTreeMap<Kind, BTreeMap<i64, Mode>> = BTreeMap::new();
    let mut by_person: BTreeMap<i64, Vec<Line>> = BTreeMap::new();
    for h in &held {
        let HeldNotice {
            notice,
            addressee,
            named,
        } = &h.notice.0;
        let Some(p) = people.get(&h.person_id) else {
            continue;
        };
        if let std::collections::btree_map::Entry::Vacant(e) = modes.entry(notice.kind) {
            let (chosen, held_back) = super::preferences::modes_of(conn, network_id, &ids, notice.kind).await?;
            unreadable.extend(held_back);
            e.insert(chosen);
        }
        if unreadable.contains_key(&p.id) {
            continue;
        }
        if modes[&notice.kind].get(&p.id) == Some(&Mode::Never) {
            continue;
        }
        if !named {
            let key = serde_json::to_string(notice).map_err(anyhow::Error::from)?;
            if !concerned.contains_key(&key) {
                let audience = audiences
                    .by_kind
                    .get(&notice.kind)
                    .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no audience for {}", notice.kind)))?;
                let now: BTreeSet<i64> = audience(conn, notice).await?.into_iter().map(|a| a.person_id).collect();
                concerned.insert(key.clone(), now);
            }
            if !concerned[&key].contains(&p.id) {
                continue;
            }
        }
        let lang = super::language_of(p, &network);
        let m = Message::new(base_url, lang, p, &network, notice, addressee, None);
        let url = match m.url() {
            u if u.is_empty() => m.settings_url(),
            u => u,
        };
        let lines = by_person.entry(p.id).or_default();
        lines.push(Line {
            message: "notifications-digest-line".into(),
            vars: [
                ("subject".to_string(), Var::Text(m.subject()?)),
                ("link".to_string(), Var::Text(url)),
            ]
            .into(),
        });
        // What the notice says to this person line by line (a share digest's changes).
        lines.extend(addressee.lines.iter().cloned());
    }
    // Someone found unreadable for a later kind gets nothing this time (all kept).
    by_person.retain(|id, _| !unreadable.contains_key(id));
    let to: Vec<Addressee> = by_person
        .into_iter()
        .map(|(person_id, lines)| Addressee {
            lines,
            ..Addressee::new(person_id)
        })
        .collect();
    let sent = if to.is_empty() {
        0
    } else {
        let notice = Notice::new(Kind::Digest, network_id)
            .link("/settings/notifications")
            .to(to);
        super::send_now(conn, base_url, notice).await?
    };
    if !unreadable.is_empty() {
        let why: Vec<String> = unreadable
            .iter()
            .map(|(id, why)| format!("person {id}: {why}"))
            .collect();
        tracing::error!(network = network_id, why = %why.join("; "), "people held back from the digest");
    }
    held_notice::Entity::update_many()
        .col_expr(held_notice::Column::SentAt, Expr::val(Some(crate::clock::now())))
        .filter(
            held_notice::Column::Id.is_in(
                held.iter()
                    .filter(|h| !unreadable.contains_key(&h.person_id))
                    .map(|h| h.id),
            ),
        )
        .exec(conn)
        .await?;
    Ok(sent)
}
