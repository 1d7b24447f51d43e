//! What the polls tell, and to whom (decided when each email is made, by the
//! notification service, in each reader's language: theirs, else the network's):
//!
//! | kind | who | when |
//! |---|---|---|
//! | `poll_opened` | every voter: the sitting representative of each organisation of the frozen electorate (or its delegate for this poll), or each person of a people's poll | the poll opens |
//! | `poll_reminder` | the same, of the voters who have not voted yet | a day before it closes, never before halfway (`intercoop_domain::voting::reminder_at`) |
//! | `poll_result` | every voter | the poll closes |
//!
//! Who represents an organisation is read when the email is made: a representative
//! replaced during the poll is not written to; the new one, who may vote, is.

use super::electorate::{electorate, mandates, voters};
use super::entities::poll;
use crate::error::AppResult;
use crate::notifications::recipients::{people, representatives};
use crate::notifications::{Addressee, Audiences, Kind, Notice, Var, audience, notify};
use intercoop_domain::voting::{MandateKind, PollStatus};
use sea_orm::{ConnectionTrait, EntityTrait};
use std::collections::BTreeSet;

/// The audiences of this feature's notices.
pub fn audiences(a: Audiences) -> Audiences {
    a.with(
        Kind::PollOpened,
        audience(|conn, n| Box::pin(async move { voters_of(conn, n, false).await })),
    )
    .with(
        Kind::PollReminder,
        audience(|conn, n| Box::pin(async move { voters_of(conn, n, true).await })),
    )
    .with(
        Kind::PollResult,
        audience(|conn, n| Box::pin(async move { voters_of(conn, n, false).await })),
    )
}

/// A notice about a poll, with its title, closing time and link.
fn notice(kind: Kind, p: &poll::Model) -> Notice {
    let n = Notice::new(kind, p.network_id)
        .about(p.id)
        .text("title", p.title.clone())
        .var(
            "closes",
            match p.closes_at {
                Some(at) => Var::DateTime(at),
                None => Var::Message("polls-no-deadline".into()),
            },
        );
    match kind {
        Kind::PollResult => n.link(format!("/polls/{}/result", p.id)),
        _ => n.link(format!("/polls/{}", p.id)),
    }
}

/// A poll opened: its voters are told (once).
pub async fn opened<C: ConnectionTrait>(conn: &C, p: &poll::Model) -> AppResult<()> {
    notify(conn, notice(Kind::PollOpened, p), Some(format!("poll_opened:{}", p.id))).await
}

/// The reminder of a poll (the job `polls.remind`), to those who have not voted when it
/// is sent.
pub async fn reminder<C: ConnectionTrait>(conn: &C, poll_id: i64) -> AppResult<()> {
    let Some(p) = poll::Entity::find_by_id(poll_id).one(conn).await? else {
        return Ok(());
    };
    if p.status != PollStatus::Open {
        return Ok(());
    }
    notify(
        conn,
        notice(Kind::PollReminder, &p),
        Some(format!("poll_reminder:{}", p.id)),
    )
    .await
}

/// A poll closed: its voters are told its result (once).
pub async fn closed<C: ConnectionTrait>(conn: &C, p: &poll::Model) -> AppResult<()> {
    notify(conn, notice(Kind::PollResult, p), Some(format!("poll_result:{}", p.id))).await
}

/// The voters of a poll now (only those who have not voted, for a reminder): for each
/// elector, its person in a people's poll; in an organisations' poll, the organisation's
/// sitting representative and the person it delegated this poll's vote to.
async fn voters_of<C: ConnectionTrait>(conn: &C, n: &Notice, not_voted_only: bool) -> AppResult<Vec<Addressee>> {
    let Some(poll_id) = n.about else {
        return Ok(Vec::new());
    };
    let Some(p) = poll::Entity::find_by_id(poll_id).one(conn).await? else {
        return Ok(Vec::new());
    };
    let voted: BTreeSet<String> = if not_voted_only {
        voters(conn, p.id).await?.into_iter().map(|v| v.voter_key).collect()
    } else {
        BTreeSet::new()
    };
    let electors: Vec<_> = electorate(conn, p.id)
        .await?
        .into_iter()
        .filter(|e| !voted.contains(&e.voter_key))
        .collect();
    let mut to: Vec<Addressee> = Vec::new();
    let orgs: Vec<i64> = electors.iter().filter_map(|e| e.organisation_id).collect();
    if p.electorate == intercoop_domain::voting::Electorate::People {
        to.extend(electors.iter().filter_map(|e| e.person_id).map(Addressee::new));
    } else {
        to.extend(people(representatives(conn, p.network_id, Some(&orgs)).await?));
        let delegates = mandates(conn, p.id).await?;
        to.extend(
            delegates
                .iter()
                .filter(|m| m.kind == MandateKind::Delegate && orgs.contains(&m.organisation_id))
                .filter_map(|m| m.person_id)
                .map(Addressee::new),
        );
    }
    Ok(to)
}
