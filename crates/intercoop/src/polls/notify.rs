//! Who is told about a poll, by email through the outbox: its opening, a reminder before
//! it closes (to those who have not voted), its result.

use super::electorate::{electorate, mandates, voters};
use super::entities::poll;
use crate::entities::{network, person};
use crate::error::{AppError, AppResult};
use crate::i18n::Arg;
use crate::mail::{self, Content};
use intercoop_domain::voting::PollStatus;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::BTreeSet;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    Opened,
    Reminder,
    Result,
}

/// Emails the given people about a poll, each in their language, in the caller's transaction.
pub async fn notify<C: ConnectionTrait>(
    conn: &C,
    p: &poll::Model,
    person_ids: &[i64],
    notice: Notice,
    base_url: &str,
) -> AppResult<usize> {
    if person_ids.is_empty() {
        return Ok(0);
    }
    let n = network::Entity::find_by_id(p.network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let people = person::Entity::find()
        .filter(person::Column::Id.is_in(person_ids.to_vec()))
        .filter(person::Column::Disabled.eq(false))
        .all(conn)
        .await?;
    let url = format!("{base_url}/polls/{}", p.id);
    let (kind, subject, body, action) = match notice {
        Notice::Opened => (
            "poll_opened",
            "polls-mail-opened-subject",
            "polls-mail-opened-body",
            "polls-mail-vote",
        ),
        Notice::Reminder => (
            "poll_reminder",
            "polls-mail-reminder-subject",
            "polls-mail-reminder-body",
            "polls-mail-vote",
        ),
        Notice::Result => (
            "poll_result",
            "polls-mail-result-subject",
            "polls-mail-result-body",
            "polls-mail-see-result",
        ),
    };
    let url = if notice == Notice::Result {
        format!("{url}/result")
    } else {
        url
    };
    for person in &people {
        let lang = person.language.map(|l| l.0).unwrap_or(n.default_language.0);
        let closes = p
            .closes_at
            .map(|c| crate::web::format::datetime(&c, &n.time_zone, lang))
            .unwrap_or_else(|| lang.t("polls-no-deadline"));
        let args = [
            ("title", Arg::from(p.title.as_str())),
            ("closes", Arg::from(closes.as_str())),
        ];
        let mail = Content::new(lang, lang.t_args(subject, &args), &person.name, &n.name)
            .para(lang.t_args(body, &args))
            .action(lang.t(action), url.clone())
            .into_mail(kind, &person.email, &person.name, Some(p.network_id))?;
        mail::enqueue(conn, mail).await?;
    }
    Ok(people.len())
}

/// Reminds the voters of an open poll who have not voted yet (the job `polls.remind`):
/// the organisations' persons at the time of the reminder (representatives, delegates).
pub async fn remind<C: ConnectionTrait>(conn: &C, poll_id: i64, base_url: &str) -> AppResult<usize> {
    let Some(p) = poll::Entity::find_by_id(poll_id).one(conn).await? else {
        return Ok(0);
    };
    if p.status != PollStatus::Open {
        return Ok(0);
    }
    let electors = electorate(conn, p.id).await?;
    let voted: BTreeSet<String> = voters(conn, p.id).await?.into_iter().map(|v| v.voter_key).collect();
    let mandates = mandates(conn, p.id).await?;
    let mut people: Vec<i64> = Vec::new();
    for e in electors.iter().filter(|e| !voted.contains(&e.voter_key)) {
        people.extend(e.person_id);
        if let Some(m) = mandates.iter().find(|m| Some(m.organisation_id) == e.organisation_id) {
            people.extend(m.person_id);
        }
    }
    people.sort_unstable();
    people.dedup();
    notify(conn, &p, &people, Notice::Reminder, base_url).await
}
