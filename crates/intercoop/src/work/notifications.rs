//! What work sharing tells, and to whom (decided when each email is made, by the
//! notification service, in each reader's language and by their preferences):
//!
//! | kind | who | when |
//! |---|---|---|
//! | `opportunity_posted` | the sitting representative of every member organisation but the poster | an opportunity is posted |
//! | `team_formed` | the people of every team member, each with its own days and money | the poster forms the team |
//! | `split_proposed` | the sitting representative of every team member, each with its part before and after | a capacity change proposes a new split, waiting for the team's consent |
//! | `opportunity_ended` | the sitting representative of every member that declared interest (but the poster) | the poster closes the opportunity (filled or lost) or withdraws it |

use super::entities::{interest, line, opportunity, split};
use crate::error::AppResult;
use crate::notifications::recipients::{people, people_of, representatives};
use crate::notifications::{Addressee, Audiences, Kind, Notice, Var, audience, notify};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::BTreeMap;

/// The audiences of this feature's notices.
pub fn audiences(a: Audiences) -> Audiences {
    a.with(
        Kind::OpportunityPosted,
        audience(|conn, n| {
            Box::pin(async move {
                let poster = match n.vars.get("poster") {
                    Some(Var::Num(p)) => *p,
                    _ => 0,
                };
                let reps = representatives(conn, n.network_id, None).await?;
                Ok(people(
                    reps.into_iter().filter(|r| r.organisation_id != poster).collect(),
                ))
            })
        }),
    )
    .with(
        Kind::TeamFormed,
        audience(|conn, n| Box::pin(async move { team(conn, n, false).await })),
    )
    .with(
        Kind::SplitProposed,
        audience(|conn, n| Box::pin(async move { team(conn, n, true).await })),
    )
    .with(
        Kind::OpportunityEnded,
        audience(|conn, n| Box::pin(async move { interested(conn, n).await })),
    )
}

/// The representatives of the members that declared interest in the opportunity the
/// notice is about, but the poster's.
async fn interested<C: ConnectionTrait>(conn: &C, n: &Notice) -> AppResult<Vec<Addressee>> {
    let Some(id) = n.about else {
        return Ok(Vec::new());
    };
    let poster = match n.vars.get("poster") {
        Some(Var::Num(p)) => *p,
        _ => 0,
    };
    let orgs: Vec<i64> = interest::Entity::find()
        .filter(interest::Column::NetworkId.eq(n.network_id))
        .filter(interest::Column::OpportunityId.eq(id))
        .all(conn)
        .await?
        .into_iter()
        .map(|i| i.organisation_id)
        .filter(|o| *o != poster)
        .collect();
    if orgs.is_empty() {
        return Ok(Vec::new());
    }
    Ok(people(representatives(conn, n.network_id, Some(&orgs)).await?))
}

/// A day as the notices show it (midday UTC: the same day in every time zone in use).
fn day(d: time::Date) -> Var {
    Var::Date(
        d.with_hms(12, 0, 0)
            .map_or_else(|_| crate::clock::now(), |d| d.assume_utc()),
    )
}

/// The team members of the split the notice is about, each with its part (and, for a
/// proposal, its part in the split in force): the people of each member, or only their
/// representatives (`representatives_only`).
async fn team<C: ConnectionTrait>(conn: &C, n: &Notice, representatives_only: bool) -> AppResult<Vec<Addressee>> {
    let Some(split_id) = n.about else {
        return Ok(Vec::new());
    };
    let lines = line::Entity::find()
        .filter(line::Column::NetworkId.eq(n.network_id))
        .filter(line::Column::SplitId.eq(split_id))
        .all(conn)
        .await?;
    let before: BTreeMap<i64, (i64, i64)> = match n.vars.get("in_force") {
        Some(Var::Num(id)) => line::Entity::find()
            .filter(line::Column::NetworkId.eq(n.network_id))
            .filter(line::Column::SplitId.eq(*id))
            .all(conn)
            .await?
            .into_iter()
            .map(|l| (l.organisation_id, (l.days, l.amount_cents)))
            .collect(),
        _ => BTreeMap::new(),
    };
    let orgs: Vec<i64> = lines.iter().map(|l| l.organisation_id).collect();
    let names = crate::organisations::data::names(conn, &orgs).await?;
    let recipients = if representatives_only {
        representatives(conn, n.network_id, Some(&orgs)).await?
    } else {
        people_of(conn, n.network_id, &orgs).await?
    };
    let mut seen = std::collections::BTreeSet::new();
    Ok(recipients
        .into_iter()
        .filter(|r| seen.insert(r.person_id))
        .filter_map(|r| {
            let l = lines.iter().find(|l| l.organisation_id == r.organisation_id)?;
            let mut a = Addressee::new(r.person_id);
            a.vars.insert(
                "organisation".into(),
                Var::Text(names.get(&l.organisation_id).cloned().unwrap_or_default()),
            );
            a.vars.insert("share".into(), Var::Money(l.amount_cents));
            a.vars.insert("share_days".into(), Var::Num(l.days));
            let (days, cents) = before.get(&l.organisation_id).copied().unwrap_or((0, 0));
            a.vars.insert("before".into(), Var::Money(cents));
            a.vars.insert("before_days".into(), Var::Num(days));
            Some(a)
        })
        .collect())
}

/// An opportunity posted: the other members' representatives are told (once).
pub async fn posted<C: ConnectionTrait>(conn: &C, o: &opportunity::Model) -> AppResult<()> {
    let notice = Notice::new(Kind::OpportunityPosted, o.network_id)
        .about(o.id)
        .text("title", o.title.clone())
        .var("budget", Var::Money(o.budget_cents))
        .var("days", Var::Num(o.days))
        .var("starts", day(o.starts_on))
        .var("ends", day(o.ends_on))
        .var("poster", Var::Num(o.organisation_id))
        .link(format!("/opportunities/{}", o.id));
    notify(conn, notice, Some(format!("opportunity_posted:{}", o.id))).await
}

/// The team formed: each member's people are told its days and money (once).
pub async fn team_formed<C: ConnectionTrait>(conn: &C, o: &opportunity::Model, split_id: i64) -> AppResult<()> {
    let notice = Notice::new(Kind::TeamFormed, o.network_id)
        .about(split_id)
        .text("title", o.title.clone())
        .var("budget", Var::Money(o.budget_cents))
        .var("days", Var::Num(o.days))
        .link(format!("/opportunities/{}", o.id));
    notify(conn, notice, Some(format!("team_formed:{split_id}"))).await
}

/// A new split waiting for the team's consent: each member's representative is told its
/// part before and after (once per proposal).
pub async fn split_proposed<C: ConnectionTrait>(conn: &C, o: &opportunity::Model, split_id: i64) -> AppResult<()> {
    let current = split::Entity::find()
        .filter(split::Column::NetworkId.eq(o.network_id))
        .filter(split::Column::OpportunityId.eq(o.id))
        .filter(split::Column::Status.eq("in_force"))
        .one(conn)
        .await?;
    let mut notice = Notice::new(Kind::SplitProposed, o.network_id)
        .about(split_id)
        .text("title", o.title.clone())
        .link(format!("/opportunities/{}#proposal", o.id));
    if let Some(c) = current {
        notice = notice.var("in_force", Var::Num(c.id));
    }
    notify(conn, notice, Some(format!("split_proposed:{split_id}"))).await
}

/// An opportunity ended by its poster: the members that declared interest are told how
/// (filled, lost or withdrawn), once.
pub async fn ended<C: ConnectionTrait>(conn: &C, o: &opportunity::Model) -> AppResult<()> {
    let notice = Notice::new(Kind::OpportunityEnded, o.network_id)
        .about(o.id)
        .text("title", o.title.clone())
        .text("outcome", o.status.clone())
        .var("poster", Var::Num(o.organisation_id))
        .link(format!("/opportunities/{}", o.id));
    notify(conn, notice, Some(format!("opportunity_ended:{}", o.id))).await
}
