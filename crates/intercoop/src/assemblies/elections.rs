//! Elections to the core circle: a call for candidates, then a poll, whose result makes
//! the new mandates.
//!
//! 1. An administrator calls the election (`core_elections`): how many elected seats,
//!    the mandates' first and last days. The representatives of the member
//!    organisations are told (`candidacy_call`).
//! 2. A user cooperative stands (`core_candidates`): its representative, or an
//!    administrator for it.
//! 3. An administrator starts the vote: an approval poll, one option per candidate, of
//!    the user cooperatives (polls as they are: proxies, ballots recorded at an
//!    assembly, results). The poll is opened at once.
//! 4. When the poll closes (the event `poll_closed`, in the job
//!    `assemblies.on_poll_closed`), the candidates ranked first take the seats: their
//!    mandates are recorded with the poll, each checked by the seat rules
//!    ([`super::circle::add`]). When one would break a rule, none is recorded and the
//!    election says which rule (`failed`, its code).

use super::circle::{self, MandateInput, parse_day};
use super::entities::{candidate, election};
use crate::audit::{self, Actor, Change};
use crate::db::types::Text;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::events::PollClosed;
use crate::jobs::{Ctx, JobError, Registry, handler};
use intercoop_domain::core_circle::{self, Mandate, Seat};
use intercoop_domain::organisation::{MembershipStatus, OrgKind};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

intercoop_domain::text_enum!(
    /// Where an election stands.
    ElectionStatus { Candidacy = "candidacy", Voting = "voting", Done = "done", Failed = "failed" }
);

/// The subscriber of `poll_closed` that turns an election's result into mandates.
pub const ON_POLL_CLOSED: &str = "assemblies.on_poll_closed";

/// An election to call.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ElectionInput {
    /// Elected seats to fill (1 to the network's maximum of elected seats).
    pub seats: u32,
    /// The new mandates' first and last days, `YYYY-MM-DD` (at most the network's
    /// mandate length).
    pub starts_on: String,
    pub ends_on: String,
}

/// A candidate organisation.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CandidateInput {
    pub organisation_id: i64,
}

/// An election as pages and the API show it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ElectionOut {
    pub id: i64,
    /// candidacy, voting, done or failed
    pub status: String,
    pub seats: i64,
    #[schema(value_type = String, format = Date)]
    #[serde(with = "crate::api::iso_date")]
    pub starts_on: time::Date,
    #[schema(value_type = String, format = Date)]
    #[serde(with = "crate::api::iso_date")]
    pub ends_on: time::Date,
    /// The poll of the vote, once started.
    pub poll_id: Option<i64>,
    /// A failed election: the code of the rule its result would have broken
    /// (`core-too-many`…).
    pub outcome: String,
    pub candidates: Vec<CandidateOut>,
}

/// A candidate.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CandidateOut {
    pub organisation_id: i64,
    pub organisation_name: String,
}

/// The network's elections, latest first, with their candidates.
pub async fn list<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<ElectionOut>> {
    use sea_orm::QueryOrder;
    let rows = election::Entity::find()
        .filter(election::Column::NetworkId.eq(network_id))
        .order_by_desc(election::Column::Id)
        .all(conn)
        .await?;
    let mut out = Vec::new();
    for e in rows {
        out.push(with_candidates(conn, e).await?);
    }
    Ok(out)
}

async fn with_candidates<C: ConnectionTrait>(conn: &C, e: election::Model) -> AppResult<ElectionOut> {
    use sea_orm::QueryOrder;
    let cands = candidate::Entity::find()
        .filter(candidate::Column::ElectionId.eq(e.id))
        .order_by_asc(candidate::Column::Id)
        .all(conn)
        .await?;
    let ids: Vec<i64> = cands.iter().map(|c| c.organisation_id).collect();
    let names = crate::organisations::data::names(conn, &ids).await?;
    Ok(ElectionOut {
        id: e.id,
        status: e.status.to_string(),
        seats: e.seats,
        starts_on: e.starts_on,
        ends_on: e.ends_on,
        poll_id: e.poll_id,
        outcome: e.outcome,
        candidates: cands
            .into_iter()
            .map(|c| CandidateOut {
                organisation_id: c.organisation_id,
                organisation_name: names.get(&c.organisation_id).cloned().unwrap_or_default(),
            })
            .collect(),
    })
}

async fn find<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<election::Model> {
    election::Entity::find_by_id(id)
        .filter(election::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

fn change(network_id: i64, actor: Actor, action: &'static str, id: i64) -> Change<'static> {
    Change {
        network_id: Some(network_id),
        actor,
        action,
        entity: "core_election",
        entity_id: Some(id),
    }
}

/// Calls an election (administrators): refused with the field and the rule when the
/// seats exceed the network's elected seats or the mandates would last too long.
/// Tells the representatives.
pub async fn call<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    input: &ElectionInput,
) -> AppResult<ElectionOut> {
    let rules = circle::rules(conn, network_id).await?;
    let mut e = FieldErrors::default();
    if input.seats == 0 || input.seats > rules.elected_max {
        e.add("seats", "core-election-seats");
    }
    let starts_on = parse_day(&input.starts_on);
    let ends_on = parse_day(&input.ends_on);
    if starts_on.is_none() {
        e.add("starts_on", "core-day");
    }
    if ends_on.is_none() {
        e.add("ends_on", "core-day");
    }
    let (Some(starts_on), Some(ends_on)) = (starts_on, ends_on) else {
        return Err(AppError::Invalid(e));
    };
    let probe = Mandate {
        organisation_id: 0,
        seat: Seat::Elected,
        starts_on: circle::civil(starts_on),
        ends_on: circle::civil(ends_on),
    };
    if let Err(r) = core_circle::check_mandate(&rules, &probe) {
        e.add("ends_on", r.code());
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let row = election::ActiveModel {
        network_id: Set(network_id),
        seats: Set(i64::from(input.seats)),
        starts_on: Set(starts_on),
        ends_on: Set(ends_on),
        status: Set(Text(ElectionStatus::Candidacy)),
        poll_id: Set(None),
        outcome: Set(String::new()),
        created_by: Set(actor.person_id),
        created_at: Set(crate::clock::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        change(network_id, actor, "core_election.call", row.id),
        None::<&()>,
        Some(&row),
    )
    .await?;
    super::notifications::candidacy_call(conn, &row).await?;
    with_candidates(conn, row).await
}

/// An organisation stands (its representative or an administrator: `may` says the
/// doer may stand for it). Refused while not in candidacy (409), for other than a
/// member user cooperative (422 on `organisation_id`), twice (409).
pub async fn stand<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    id: i64,
    organisation_id: i64,
    may: bool,
) -> AppResult<ElectionOut> {
    let e = find(conn, network_id, id).await?;
    crate::access::require(may)?;
    if e.status.0 != ElectionStatus::Candidacy {
        return Err(AppError::Conflict("core-election-closed"));
    }
    let org = crate::entities::organisation::Entity::find_by_id(organisation_id)
        .one(conn)
        .await?;
    let member = crate::entities::membership::Entity::find()
        .filter(crate::entities::membership::Column::NetworkId.eq(network_id))
        .filter(crate::entities::membership::Column::OrganisationId.eq(organisation_id))
        .one(conn)
        .await?
        .is_some_and(|m| m.status.0 == MembershipStatus::Member);
    if !member || org.is_none_or(|o| o.kind.0 != OrgKind::User) {
        return Err(AppError::invalid("organisation_id", "core-elected-user"));
    }
    let already = candidate::Entity::find()
        .filter(candidate::Column::ElectionId.eq(e.id))
        .filter(candidate::Column::OrganisationId.eq(organisation_id))
        .one(conn)
        .await?;
    if already.is_some() {
        return Err(AppError::Conflict("core-candidate-twice"));
    }
    let row = candidate::ActiveModel {
        election_id: Set(e.id),
        organisation_id: Set(organisation_id),
        option_id: Set(None),
        created_at: Set(crate::clock::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        change(network_id, actor, "core_election.stand", e.id),
        None::<&()>,
        Some(&row),
    )
    .await?;
    with_candidates(conn, e).await
}

/// Starts the vote (administrators): an approval poll of the user cooperatives, one
/// option per candidate, opened at once. Refused outside candidacy (409) and with
/// fewer candidates than seats, or than two (409).
pub async fn start_vote<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    id: i64,
) -> AppResult<ElectionOut> {
    let e = find(conn, network_id, id).await?;
    if e.status.0 != ElectionStatus::Candidacy {
        return Err(AppError::Conflict("core-election-closed"));
    }
    let out = with_candidates(conn, e.clone()).await?;
    // An approval poll needs two options.
    if (out.candidates.len() as i64) < e.seats.max(2) {
        return Err(AppError::Conflict("core-election-few-candidates"));
    }
    // The poll is written once for everyone: in the network's language.
    let lang = crate::entities::network::Entity::find_by_id(network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?
        .default_language
        .0;
    use crate::i18n::Arg;
    let input = crate::polls::input::PollInput {
        title: lang.t_args(
            "core-election-poll-title",
            &[
                ("from", Arg::Str(crate::web::format::day(&e.starts_on, lang))),
                ("until", Arg::Str(crate::web::format::day(&e.ends_on, lang))),
            ],
        ),
        description: Some(lang.t_args("core-election-poll-seats", &[("seats", Arg::Num(e.seats))])),
        method: "approval".into(),
        options: out.candidates.iter().map(|c| c.organisation_name.clone()).collect(),
        ..Default::default()
    };
    let valid = input.validate().map_err(AppError::Invalid)?;
    let poll_id = crate::polls::data::create(conn, actor, network_id, &valid).await?;
    crate::polls::life::open(conn, actor, network_id, poll_id).await?;
    let poll = crate::polls::data::get(conn, network_id, poll_id).await?;
    let cands = candidate::Entity::find()
        .filter(candidate::Column::ElectionId.eq(e.id))
        .all(conn)
        .await?;
    // Options follow the candidates' order (`with_candidates`: by id).
    let mut cands = cands;
    cands.sort_by_key(|c| c.id);
    let mut options = poll.options.clone();
    options.sort_by_key(|o| o.position);
    for (c, o) in cands.into_iter().zip(options) {
        let mut row: candidate::ActiveModel = c.into();
        row.option_id = Set(Some(o.id));
        row.update(conn).await?;
    }
    let mut row: election::ActiveModel = e.clone().into();
    row.status = Set(Text(ElectionStatus::Voting));
    row.poll_id = Set(Some(poll_id));
    let after = row.update(conn).await?;
    audit::record(
        conn,
        change(network_id, actor, "core_election.vote", e.id),
        None::<&()>,
        Some(&after),
    )
    .await?;
    with_candidates(conn, after).await
}

/// The handler of [`ON_POLL_CLOSED`].
pub fn register(r: Registry) -> Registry {
    r.with(ON_POLL_CLOSED, handler(|ctx, txn| Box::pin(on_poll_closed(ctx, txn))))
}

/// A poll closed: if it is an election's, its first `seats` candidates (the approval
/// ranking) take their mandates, all or none.
async fn on_poll_closed(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let ev: PollClosed = crate::events::delivered(ctx, txn).await?;
    let Some(e) = election::Entity::find()
        .filter(election::Column::PollId.eq(ev.poll_id))
        .filter(election::Column::NetworkId.eq(ev.network_id))
        .one(txn)
        .await?
    else {
        return Ok(());
    };
    if e.status.0 != ElectionStatus::Voting {
        return Ok(());
    }
    let poll = crate::polls::data::get(txn, ev.network_id, ev.poll_id).await?;
    let Some(result) = poll.poll.result.clone() else {
        return Err(JobError::Fail(format!("poll {}: closed without a result", ev.poll_id)));
    };
    let cands = candidate::Entity::find()
        .filter(candidate::Column::ElectionId.eq(e.id))
        .all(txn)
        .await?;
    let elected: Vec<i64> = result
        .0
        .ranking
        .iter()
        .filter_map(|option| cands.iter().find(|c| c.option_id == Some(*option)))
        .take(usize::try_from(e.seats).unwrap_or(0))
        .map(|c| c.organisation_id)
        .collect();
    let network = crate::entities::network::Entity::find_by_id(ev.network_id)
        .one(txn)
        .await?
        .ok_or_else(|| JobError::Fail(format!("network {} is gone", ev.network_id)))?;
    let attempt = txn.begin().await?;
    let mut outcome = Ok(());
    for org in &elected {
        let input = MandateInput {
            organisation_id: *org,
            seat: Seat::Elected.as_str().into(),
            starts_on: e.starts_on.to_string(),
            ends_on: e.ends_on.to_string(),
        };
        if let Err(err) = circle::add(
            &attempt,
            Actor::SYSTEM,
            ev.network_id,
            &network.time_zone,
            &input,
            Some(ev.poll_id),
        )
        .await
        {
            outcome = Err(err);
            break;
        }
    }
    let (status, code) = match outcome {
        Ok(()) => {
            attempt.commit().await?;
            (ElectionStatus::Done, String::new())
        }
        Err(AppError::Invalid(errors)) => {
            attempt.rollback().await?;
            let code = errors.0.first().map(|f| f.code.clone()).unwrap_or_default();
            (ElectionStatus::Failed, code)
        }
        Err(err) => return Err(err.into()),
    };
    let mut row: election::ActiveModel = e.clone().into();
    row.status = Set(Text(status));
    row.outcome = Set(code);
    let after = row.update(txn).await?;
    audit::record(
        txn,
        change(ev.network_id, Actor::SYSTEM, "core_election.result", e.id),
        Some(&e),
        Some(&after),
    )
    .await?;
    Ok(())
}
