//! What meetings tell, and to whom (decided when each email is made, by the
//! notification service, in each reader's language):
//!
//! | kind | who | when |
//! |---|---|---|
//! | `meeting_invitation` | those invited (below), with the invitation (`METHOD:REQUEST`) and a one-tap answer link | four weeks before (at once when nearer) |
//! | `meeting_updated` | the same, with the updated invitation (same UID, higher SEQUENCE) | a change of time, place or title after the invitation |
//! | `meeting_cancelled` | the same, with `METHOD:CANCEL` | the meeting is cancelled after the invitation |
//! | `meeting_reminder` | the same, but those who answered they do not come | each reminder (7 days, 1 day before by default) |
//! | `meeting_place` | the person who was waiting for a place at an event (if they still hold it when the email is made) | a place came free and went to them (once per registration) |
//! | `minutes_published` | every person of the network | the meeting's minutes are approved and published (once) |
//! | `candidacy_call` | the sitting representatives of the member organisations and the administrators | an election to the core circle is called (once) |
//! | `mandate_ending` | the core circle and the administrators (facilitators) | 60 days before a core circle mandate ends (once per mandate) |
//!
//! Those invited, by kind of meeting: an assembly or a general assembly, the sitting
//! representatives of the member organisations and the administrators (facilitators);
//! a core circle meeting, the core circle and the administrators; an event, every
//! person of the network.

use super::entities::{answer, link, meeting};
use crate::db;
use crate::error::AppResult;
use crate::notifications::{Addressee, Audiences, Kind, Notice, Var, audience, notify};
use intercoop_domain::meetings::{Answer, MeetingKind};
use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Query, SelectStatement, UnionType};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use std::collections::BTreeSet;

/// The audiences of this feature's notices.
pub fn audiences(a: Audiences) -> Audiences {
    a.with(
        Kind::MeetingInvitation,
        audience(|conn, n| Box::pin(async move { addressees(conn, n, false).await })),
    )
    .with(
        Kind::MeetingUpdated,
        audience(|conn, n| Box::pin(async move { addressees(conn, n, false).await })),
    )
    .with(
        Kind::MeetingCancelled,
        audience(|conn, n| Box::pin(async move { addressees(conn, n, false).await })),
    )
    .with(
        Kind::MeetingReminder,
        audience(|conn, n| Box::pin(async move { addressees(conn, n, true).await })),
    )
    .with(
        Kind::MeetingPlace,
        audience(|conn, n| Box::pin(async move { super::registrations::place_addressees(conn, n).await })),
    )
    .with(
        Kind::CandidacyCall,
        audience(|conn, n| {
            Box::pin(async move {
                Ok(invited_to(conn, n.network_id, MeetingKind::Assembly)
                    .await?
                    .into_iter()
                    .map(Addressee::new)
                    .collect())
            })
        }),
    )
    .with(
        Kind::MandateEnding,
        audience(|conn, n| {
            Box::pin(async move {
                Ok(invited_to(conn, n.network_id, MeetingKind::Core)
                    .await?
                    .into_iter()
                    .map(Addressee::new)
                    .collect())
            })
        }),
    )
    .with(
        Kind::MinutesPublished,
        audience(|conn, n| {
            Box::pin(async move {
                Ok(invited_to(conn, n.network_id, MeetingKind::Event)
                    .await?
                    .into_iter()
                    .map(Addressee::new)
                    .collect())
            })
        }),
    )
}

/// An election to the core circle is called: stand (once per election).
pub async fn candidacy_call<C: ConnectionTrait>(conn: &C, e: &super::entities::election::Model) -> AppResult<()> {
    let ends = |d: time::Date| {
        d.with_hms(12, 0, 0)
            .map_or_else(|_| crate::clock::now(), |d| d.assume_utc())
    };
    notify(
        conn,
        Notice::new(Kind::CandidacyCall, e.network_id)
            .about(e.id)
            .var("seats", Var::Num(e.seats))
            .var("starts", Var::Date(ends(e.starts_on)))
            .var("ends", Var::Date(ends(e.ends_on)))
            .link("/core-circle#elections"),
        Some(format!("candidacy_call:{}", e.id)),
    )
    .await
}

/// A core circle mandate ends within 60 days (once per mandate).
pub async fn mandate_ending<C: ConnectionTrait>(conn: &C, m: &super::entities::mandate::Model) -> AppResult<()> {
    let org = crate::entities::organisation::Entity::find_by_id(m.organisation_id)
        .one(conn)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let ends = m
        .ends_on
        .with_hms(12, 0, 0)
        .map_or_else(|_| crate::clock::now(), |d| d.assume_utc());
    notify(
        conn,
        Notice::new(Kind::MandateEnding, m.network_id)
            .about(m.id)
            .text("organisation", org)
            .var("ends", Var::Date(ends))
            .link("/core-circle"),
        Some(format!("mandate_ending:{}", m.id)),
    )
    .await
}

/// The minutes are published (once per meeting).
pub async fn minutes_published<C: ConnectionTrait>(conn: &C, m: &meeting::Model) -> AppResult<()> {
    notify(
        conn,
        Notice::new(Kind::MinutesPublished, m.network_id)
            .about(m.id)
            .text("title", m.title.clone())
            .var("starts", Var::DateTime(m.starts_at))
            .link(format!("/meetings/{}", m.id)),
        Some(format!("minutes_published:{}", m.id)),
    )
    .await
}

fn notice(kind: Kind, m: &meeting::Model) -> Notice {
    Notice::new(kind, m.network_id)
        .about(m.id)
        .text("title", m.title.clone())
        .var("starts", Var::DateTime(m.starts_at))
        .text(
            "place",
            if m.place.is_empty() {
                m.video_url.clone()
            } else {
                m.place.clone()
            },
        )
        .link(format!("/meetings/{}", m.id))
}

/// The invitation, with its calendar object (once per meeting).
pub async fn invitation<C: ConnectionTrait>(conn: &C, m: &meeting::Model, calendar: String) -> AppResult<()> {
    notify(
        conn,
        notice(Kind::MeetingInvitation, m).calendar(calendar),
        Some(format!("meeting_invitation:{}", m.id)),
    )
    .await
}

/// A change or a cancellation, with its calendar object (once per sequence).
pub async fn changed<C: ConnectionTrait>(conn: &C, m: &meeting::Model, calendar: String) -> AppResult<()> {
    let kind = if m.status.0 == intercoop_domain::meetings::MeetingStatus::Cancelled {
        Kind::MeetingCancelled
    } else {
        Kind::MeetingUpdated
    };
    notify(
        conn,
        notice(kind, m).calendar(calendar),
        Some(format!("meeting_changed:{}:{}", m.id, m.sequence)),
    )
    .await
}

/// A reminder (once per meeting, reminder and start).
pub async fn reminder<C: ConnectionTrait>(conn: &C, m: &meeting::Model, minutes: i64) -> AppResult<()> {
    notify(
        conn,
        notice(Kind::MeetingReminder, m),
        Some(format!(
            "meeting_reminder:{}:{minutes}:{}",
            m.id,
            m.starts_at.unix_timestamp()
        )),
    )
    .await
}

/// Who is invited to a meeting now (people of the network, not disabled).
pub async fn invited<C: ConnectionTrait>(conn: &C, m: &meeting::Model) -> AppResult<Vec<i64>> {
    invited_to(conn, m.network_id, m.kind.0).await
}

/// Who is invited now to a meeting of this kind in the network (an event: every person
/// of the network who is not disabled).
pub async fn invited_to<C: ConnectionTrait>(conn: &C, network_id: i64, kind: MeetingKind) -> AppResult<Vec<i64>> {
    #[derive(sea_orm::FromQueryResult)]
    struct Row {
        person_id: i64,
    }
    let rows: Vec<Row> = db::fetch_all(conn, &invited_query(network_id, kind, None)).await?;
    let ids: BTreeSet<i64> = rows.into_iter().map(|r| r.person_id).collect();
    Ok(ids.into_iter().collect())
}

/// How many are invited to a meeting now: [`invited`]'s length, counted by the database.
pub async fn invited_count<C: ConnectionTrait>(conn: &C, m: &meeting::Model) -> AppResult<i64> {
    let mut q = Query::select();
    q.expr_as(Expr::cust("COUNT(*)"), "n")
        .from_subquery(invited_query(m.network_id, m.kind.0, None), "i");
    #[derive(sea_orm::FromQueryResult)]
    struct Row {
        n: i64,
    }
    Ok(db::fetch_one::<Row, _>(conn, &q).await?.map_or(0, |r| r.n))
}

/// Whether `person_id` is invited to a meeting now: whether [`invited`] holds them, read
/// for that person only.
pub async fn is_invited<C: ConnectionTrait>(conn: &C, m: &meeting::Model, person_id: i64) -> AppResult<bool> {
    #[derive(sea_orm::FromQueryResult)]
    struct Row {
        #[allow(dead_code)]
        person_id: i64,
    }
    let mut q = invited_query(m.network_id, m.kind.0, Some(person_id));
    q.limit(1);
    Ok(db::fetch_one::<Row, _>(conn, &q).await?.is_some())
}

/// The query of those invited (one `person_id` column, each person once): the network's
/// people who are not disabled, of the kind's roles, and for an assembly also the
/// sitting representatives of the member organisations; of `person` only if given.
fn invited_query(network_id: i64, kind: MeetingKind, person: Option<i64>) -> SelectStatement {
    let mut q = Query::select();
    q.expr_as(Expr::col(("np", "person_id")), "person_id")
        .from_as("network_people", "np")
        .join_as(
            JoinType::InnerJoin,
            "people",
            "p",
            Expr::col(("p", "id")).equals(("np", "person_id")),
        )
        .and_where(Expr::col(("np", "network_id")).eq(network_id))
        .and_where(Expr::col(("p", "disabled")).eq(false));
    if let Some(id) = person {
        q.and_where(Expr::col(("np", "person_id")).eq(id));
    }
    match kind {
        MeetingKind::Assembly | MeetingKind::GeneralAssembly => {
            q.and_where(Expr::col(("np", "is_admin")).eq(true));
            q.union(UnionType::Distinct, representatives_query(network_id, person));
        }
        MeetingKind::Core => {
            q.and_where(
                Expr::col(("np", "is_admin"))
                    .eq(true)
                    .or(Expr::col(("np", "is_core_circle")).eq(true)),
            );
        }
        MeetingKind::Event => {}
    }
    q
}

/// The sitting representatives (not disabled) of the network's member organisations,
/// one `person_id` column (as `notifications::recipients::representatives` reads them);
/// of `person` only if given.
fn representatives_query(network_id: i64, person: Option<i64>) -> SelectStatement {
    let mut reps = sitting_representatives(network_id);
    reps.expr_as(Expr::col(("r", "person_id")), "person_id");
    if let Some(id) = person {
        reps.and_where(Expr::col(("r", "person_id")).eq(id));
    }
    reps
}

/// The rule "a sitting representative (not disabled) of a member organisation of the
/// network", written once: `representatives` as `r` (its `person_id` and
/// `organisation_id`), joined to `people` as `p`, with no column selected yet. Those
/// invited to an assembly ([`representatives_query`]) and the quorum's organisations
/// present (`answers::quorum`) both build on it.
pub(super) fn sitting_representatives(network_id: i64) -> SelectStatement {
    let mut reps = Query::select();
    reps.from_as("representatives", "r")
        .join_as(
            JoinType::InnerJoin,
            "people",
            "p",
            Expr::col(("p", "id")).equals(("r", "person_id")),
        )
        .and_where(Expr::col(("r", "network_id")).eq(network_id))
        .and_where(Expr::col(("r", "current")).eq(true))
        .and_where(Expr::col(("p", "disabled")).eq(false))
        .and_where(Expr::exists(
            Query::select()
                .expr(Expr::val(1))
                .from_as("memberships", "m")
                .and_where(Expr::col(("m", "network_id")).eq(network_id))
                .and_where(Expr::col(("m", "organisation_id")).equals(("r", "organisation_id")))
                .and_where(Expr::col(("m", "status")).eq("member"))
                .take(),
        ));
    reps
}

/// Whether `person_id` sits for a member organisation of the network now (a sitting
/// representative, not disabled), read for that person only.
pub async fn represents_a_member<C: ConnectionTrait>(conn: &C, network_id: i64, person_id: i64) -> AppResult<bool> {
    #[derive(sea_orm::FromQueryResult)]
    struct Row {
        #[allow(dead_code)]
        person_id: i64,
    }
    let mut q = representatives_query(network_id, Some(person_id));
    q.limit(1);
    Ok(db::fetch_one::<Row, _>(conn, &q).await?.is_some())
}

/// Those invited, each with a one-tap answer link of their own (made now, stored
/// hashed); for a reminder, without those who said they do not come.
async fn addressees<C: ConnectionTrait>(conn: &C, n: &Notice, reminder: bool) -> AppResult<Vec<Addressee>> {
    let Some(id) = n.about else {
        return Ok(Vec::new());
    };
    let Some(m) = meeting::Entity::find_by_id(id)
        .filter(meeting::Column::NetworkId.eq(n.network_id))
        .one(conn)
        .await?
    else {
        return Ok(Vec::new());
    };
    let mut ids = invited(conn, &m).await?;
    if reminder {
        let declined: BTreeSet<i64> = answer::Entity::find()
            .filter(answer::Column::MeetingId.eq(m.id))
            .filter(answer::Column::Answer.eq(Answer::No.as_str()))
            .all(conn)
            .await?
            .into_iter()
            .map(|a| a.person_id)
            .collect();
        ids.retain(|p| !declined.contains(p));
    }
    let cancelled = m.status.0 == intercoop_domain::meetings::MeetingStatus::Cancelled;
    let mut out = Vec::new();
    for person_id in ids {
        let mut a = Addressee::new(person_id);
        if !cancelled {
            let token = crate::auth::tokens::new_token("a_");
            link::Entity::insert(link::ActiveModel {
                token_hash: Set(crate::auth::tokens::hash_token(&token)),
                meeting_id: Set(m.id),
                person_id: Set(person_id),
                created_at: Set(crate::clock::now()),
            })
            .exec_without_returning(conn)
            .await?;
            a.vars
                .insert("answer_url".into(), Var::Path(format!("/meetings/answer/{token}")));
        }
        out.push(a);
    }
    Ok(out)
}
