//! Answers to invitations (whether one comes) and attendance taken during the meeting,
//! with the quorum counted live from the organisations present.

use super::data::MeetingFull;
use super::entities::{answer, link};
use crate::audit::{self, Actor, Change};
use crate::db::types::Text;
use crate::error::{AppError, AppResult};
use intercoop_domain::meetings::{self, Answer};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::Serialize;

/// Records a person's answer to a meeting they are invited to. The start holds at its
/// instant: from then on (or once cancelled) the answer is refused (409).
pub async fn set<C: ConnectionTrait>(conn: &C, full: &MeetingFull, person_id: i64, a: Answer) -> AppResult<()> {
    if !full.ahead(crate::clock::now()) {
        return Err(AppError::Conflict("meeting-not-ahead"));
    }
    let invited = super::notifications::is_invited(conn, &full.meeting, person_id).await?;
    if !super::policy::answer(
        &crate::access::Doer {
            person_id: Some(person_id),
            ..Default::default()
        },
        invited,
    ) {
        return Err(AppError::Forbidden);
    }
    answer::Entity::insert(answer::ActiveModel {
        meeting_id: Set(full.meeting.id),
        person_id: Set(person_id),
        answer: Set(Some(Text(a))),
        present: Set(false),
        recorded_by: Set(None),
        updated_at: Set(crate::clock::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([answer::Column::MeetingId, answer::Column::PersonId])
            .update_columns([answer::Column::Answer, answer::Column::UpdatedAt])
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(full.meeting.network_id),
            actor: Actor::person(person_id),
            action: "meeting.answer",
            entity: "meeting",
            entity_id: Some(full.meeting.id),
        },
        None::<&()>,
        Some(&a),
    )
    .await?;
    Ok(())
}

/// The meeting and person of an invitation's answer link (404 for an unknown link).
pub async fn by_link<C: ConnectionTrait>(conn: &C, token: &str) -> AppResult<link::Model> {
    link::Entity::find_by_id(crate::auth::tokens::hash_token(token))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// A person's answer, if any.
pub async fn of<C: ConnectionTrait>(conn: &C, meeting_id: i64, person_id: i64) -> AppResult<Option<Answer>> {
    Ok(answer::Entity::find()
        .filter(answer::Column::MeetingId.eq(meeting_id))
        .filter(answer::Column::PersonId.eq(person_id))
        .one(conn)
        .await?
        .and_then(|a| a.answer.map(|t| t.0)))
}

/// The answers to a meeting, counted.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct AnswerCounts {
    pub yes: i64,
    pub no: i64,
    pub maybe: i64,
    /// People marked present by the facilitator.
    pub present: i64,
}

pub async fn counts<C: ConnectionTrait>(conn: &C, meeting_id: i64) -> AppResult<AnswerCounts> {
    Ok(counts_and_answer(conn, meeting_id, 0).await?.0)
}

/// The answers to a meeting, counted by the database, and `reader`'s own answer if any
/// ([`counts`] and [`of`] in one query; no person has the id 0).
pub async fn counts_and_answer<C: ConnectionTrait>(
    conn: &C,
    meeting_id: i64,
    reader: i64,
) -> AppResult<(AnswerCounts, Option<Answer>)> {
    use sea_orm::sea_query::{Expr, ExprTrait, Func, Query};
    let count = |a: Answer| Expr::cust(format!("COUNT(*) FILTER (WHERE answer = '{}')", a.as_str()));
    let mut q = Query::select();
    q.expr_as(count(Answer::Yes), "yes")
        .expr_as(count(Answer::No), "no")
        .expr_as(count(Answer::Maybe), "maybe")
        .expr_as(Expr::cust("COUNT(*) FILTER (WHERE present)"), "present")
        .expr_as(
            Func::max(Expr::case(
                Expr::col(answer::Column::PersonId).eq(reader),
                Expr::col(answer::Column::Answer),
            )),
            "mine",
        )
        .from(answer::Entity)
        .and_where(Expr::col(answer::Column::MeetingId).eq(meeting_id));
    #[derive(sea_orm::FromQueryResult)]
    struct Row {
        yes: i64,
        no: i64,
        maybe: i64,
        present: i64,
        mine: Option<String>,
    }
    let Some(r) = crate::db::fetch_one::<Row, _>(conn, &q).await? else {
        return Ok((AnswerCounts::default(), None));
    };
    Ok((
        AnswerCounts {
            yes: r.yes,
            no: r.no,
            maybe: r.maybe,
            present: r.present,
        },
        r.mine.as_deref().and_then(Answer::parse),
    ))
}

/// The quorum of a meeting now: member organisations present (through a sitting
/// representative marked present) or represented by the proxy of a present one
/// (`intercoop_domain::meetings::counted_for_quorum`), of all member organisations.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Quorum {
    /// Member organisations with a representative present.
    pub organisations_present: u64,
    pub members: u64,
    pub percent: u32,
    /// How many organisations present or represented the quorum needs.
    pub needed: u64,
    /// Whether the organisations present or represented reach `needed`.
    pub met: bool,
    /// Member organisations not present but represented by a present organisation's
    /// proxy.
    pub organisations_represented: u64,
    /// Present or represented: what the quorum counts.
    pub organisations_counted: u64,
}

pub async fn quorum<C: ConnectionTrait>(conn: &C, network_id: i64, meeting_id: i64, percent: u32) -> AppResult<Quorum> {
    let proxies = super::proxies::in_force(conn, meeting_id).await?;
    quorum_with(conn, network_id, meeting_id, percent, &proxies).await
}

/// [`quorum`] with the meeting's proxies in force already read
/// (`proxies::in_force`), so that a page showing them reads them once.
pub async fn quorum_with<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    meeting_id: i64,
    percent: u32,
    proxies: &[intercoop_domain::voting::Proxy],
) -> AppResult<Quorum> {
    use crate::entities::membership;
    use sea_orm::PaginatorTrait;
    // Counted by the database, and read for the organisations present or named by a
    // proxy only: not every member organisation and representative of the network.
    let m = membership::Entity::find()
        .filter(membership::Column::NetworkId.eq(network_id))
        .filter(membership::Column::Status.eq("member"))
        .count(conn)
        .await?;
    let present_orgs = organisations_present(conn, network_id, meeting_id).await?;
    // `counted_for_quorum` asks of its members only whether the organisations present
    // and the proxies' givers are members: those of them that are.
    let givers: Vec<i64> = proxies.iter().map(|p| p.giver).collect();
    // Read even without proxies: the page's queries do not depend on its data.
    let mut members: Vec<i64> = present_orgs.clone();
    members.extend(
        membership::Entity::find()
            .filter(membership::Column::NetworkId.eq(network_id))
            .filter(membership::Column::Status.eq("member"))
            .filter(membership::Column::OrganisationId.is_in(givers))
            .all(conn)
            .await?
            .into_iter()
            .map(|m| m.organisation_id),
    );
    let here = meetings::counted_for_quorum(&members, &present_orgs, &[]).len() as u64;
    let counted = meetings::counted_for_quorum(&members, &present_orgs, proxies).len() as u64;
    Ok(Quorum {
        organisations_present: here,
        members: m,
        percent,
        needed: meetings::quorum_needed(m, percent),
        met: meetings::quorum_met(counted, m, percent),
        organisations_represented: counted - here,
        organisations_counted: counted,
    })
}

/// The member organisations with a sitting representative (not disabled) marked present
/// at the meeting: those invited as representatives
/// (`notifications::sitting_representatives`, the rule written once) joined to the
/// meeting's answers marked present.
async fn organisations_present<C: ConnectionTrait>(conn: &C, network_id: i64, meeting_id: i64) -> AppResult<Vec<i64>> {
    use sea_orm::sea_query::{Expr, ExprTrait, JoinType};
    let mut q = super::notifications::sitting_representatives(network_id);
    q.distinct()
        .expr_as(Expr::col(("r", "organisation_id")), "organisation_id")
        .join_as(
            JoinType::InnerJoin,
            "meeting_answers",
            "a",
            Expr::col(("a", "person_id")).equals(("r", "person_id")),
        )
        .and_where(Expr::col(("a", "meeting_id")).eq(meeting_id))
        .and_where(Expr::col(("a", "present")).eq(true));
    #[derive(sea_orm::FromQueryResult)]
    struct Row {
        organisation_id: i64,
    }
    let rows: Vec<Row> = crate::db::fetch_all(conn, &q).await?;
    Ok(rows.into_iter().map(|r| r.organisation_id).collect())
}

/// Marks who is present (the facilitator, during or after the meeting; a cancelled
/// meeting or one more than a day ahead is refused, 409). `present`: people of the
/// network; the others who had a row are marked absent.
pub async fn take_attendance<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    full: &MeetingFull,
    present: &[i64],
) -> AppResult<()> {
    let m = &full.meeting;
    let now = crate::clock::now();
    if m.status.0 != meetings::MeetingStatus::Scheduled || now < m.starts_at - time::Duration::days(1) {
        return Err(AppError::Conflict("meeting-not-now"));
    }
    let known: std::collections::BTreeSet<i64> = crate::entities::network_person::Entity::find()
        .filter(crate::entities::network_person::Column::NetworkId.eq(m.network_id))
        .filter(crate::entities::network_person::Column::PersonId.is_in(present.to_vec()))
        .all(conn)
        .await?
        .into_iter()
        .map(|np| np.person_id)
        .collect();
    if present.iter().any(|p| !known.contains(p)) {
        return Err(AppError::invalid("present", "meeting-unknown-person"));
    }
    answer::Entity::update_many()
        .col_expr(answer::Column::Present, sea_orm::sea_query::Expr::val(false))
        .filter(answer::Column::MeetingId.eq(m.id))
        .exec(conn)
        .await?;
    for p in present {
        answer::Entity::insert(answer::ActiveModel {
            meeting_id: Set(m.id),
            person_id: Set(*p),
            answer: Set(None),
            present: Set(true),
            recorded_by: Set(actor.person_id),
            updated_at: Set(now),
            ..Default::default()
        })
        .on_conflict(
            OnConflict::columns([answer::Column::MeetingId, answer::Column::PersonId])
                .update_columns([
                    answer::Column::Present,
                    answer::Column::RecordedBy,
                    answer::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    }
    audit::record(
        conn,
        Change {
            network_id: Some(m.network_id),
            actor,
            action: "meeting.attendance",
            entity: "meeting",
            entity_id: Some(m.id),
        },
        None::<&()>,
        Some(&present),
    )
    .await?;
    Ok(())
}
