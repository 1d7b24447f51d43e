//! Work sharing's writes, each in the caller's transaction, scoped by network: posting an
//! opportunity, declaring interest and capacity (a changed capacity in a team formed by
//! capacities proposes a new split), forming the team, and answering a proposed split.
//! Bad input is a 422 on its field with nothing stored; who may is [`super::policy`]'s
//! (the handlers ask it first).

use super::data::{
    ConsentIn, InterestIn, MAX_SCOPE_CHARS, MAX_SKILL_CHARS, MAX_SKILLS, MAX_TITLE_CHARS, OpportunityIn, TeamIn, civil,
};
use super::entities::{consent, interest, line, opportunity, split};
use super::notifications;
use crate::audit::{self, Actor, Change};
use crate::db::types::Text;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::organisations::data::require_member;
use intercoop_domain::Money;
use intercoop_domain::work_sharing::{self as rules, Basis, Finder, Member, Split, SplitStatus};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use std::collections::BTreeMap;

/// Opportunity statuses: taking interest, or teamed.
pub const OPEN: &str = "open";
pub const TEAMED: &str = "teamed";
/// Ended by its poster: the work was won and done (`filled`), went elsewhere (`lost`),
/// or the opportunity was taken back (`withdrawn`). An ended opportunity takes no new
/// interest, no team and no new split.
pub const ENDINGS: [&str; 3] = ["filled", "lost", "withdrawn"];

/// Whether an opportunity with this status still takes interest (open or teamed).
pub fn is_live(status: &str) -> bool {
    status == OPEN || status == TEAMED
}

/// Ends an opportunity (the caller checked that the doer may speak for its poster):
/// `outcome` is `filled`, `lost` or `withdrawn` (422 on `outcome` otherwise). One
/// conditional write moves it from open or teamed, so it ends once (409
/// `work-opportunity-ended` when it already has); the members that declared interest
/// are told by email.
pub async fn end<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    opportunity_id: i64,
    outcome: &str,
) -> AppResult<opportunity::Model> {
    let o = super::data::row(conn, network_id, opportunity_id).await?;
    if !ENDINGS.contains(&outcome) {
        return Err(AppError::invalid("outcome", "work-outcome"));
    }
    let ended = opportunity::Entity::update_many()
        .col_expr(opportunity::Column::Status, Expr::value(outcome))
        .col_expr(opportunity::Column::UpdatedAt, Expr::value(crate::db::now()))
        .filter(opportunity::Column::Id.eq(o.id))
        .filter(opportunity::Column::NetworkId.eq(network_id))
        .filter(opportunity::Column::Status.is_in([OPEN, TEAMED]))
        .exec(conn)
        .await?;
    if ended.rows_affected == 0 {
        return Err(AppError::Conflict("work-opportunity-ended"));
    }
    let row = super::data::row(conn, network_id, o.id).await?;
    audit::record(
        conn,
        change(network_id, actor, "opportunity.end", "work_opportunity", o.id),
        Some(&o),
        Some(&row),
    )
    .await?;
    notifications::ended(conn, &row).await?;
    Ok(row)
}

fn skills(errors: &mut FieldErrors, list: &[String]) -> String {
    let cleaned: Vec<String> = list
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if cleaned.len() > MAX_SKILLS
        || cleaned
            .iter()
            .any(|s| s.chars().count() > MAX_SKILL_CHARS || s.contains(','))
    {
        errors.add("skills", "work-skills");
    }
    cleaned.join(", ")
}

/// Posts an opportunity. 422: a title empty or too long, a scope too long, a budget not
/// positive, days outside 1–10 000, a last day before the first, a fee outside 0–5 000
/// basis points or without its finder, a poster or finder that is not a member.
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    input: &OpportunityIn,
) -> AppResult<i64> {
    let mut errors = FieldErrors::default();
    let title = errors.line("title", &input.title, MAX_TITLE_CHARS);
    if input.scope_markdown.chars().count() > MAX_SCOPE_CHARS {
        errors.add("scope_markdown", "too-long");
    }
    if input.budget_cents <= 0 {
        errors.add("budget_cents", "amount-positive");
    }
    if !(1..=rules::MAX_DAYS).contains(&input.days) {
        errors.add("days", "work-days-range");
    }
    if input.ends_on < input.starts_on {
        errors.add("ends_on", "work-period-order");
    }
    let fee = input.finder_fee_basis_points.unwrap_or(0);
    if !(0..=i64::from(rules::MAX_FEE_BASIS_POINTS)).contains(&fee) {
        errors.add("finder_fee_basis_points", "work-fee-range");
    } else if fee > 0 && input.finder_organisation_id.is_none() {
        errors.add("finder_organisation_id", "required");
    }
    let skills = skills(&mut errors, &input.skills);
    errors.into_result()?;
    require_member(conn, network_id, input.organisation_id, "organisation_id").await?;
    if let Some(f) = input.finder_organisation_id {
        require_member(conn, network_id, f, "finder_organisation_id").await?;
    }
    let now = crate::db::now();
    let row = opportunity::ActiveModel {
        network_id: Set(network_id),
        organisation_id: Set(input.organisation_id),
        title: Set(title.unwrap_or_default()),
        scope: Set(input.scope_markdown.clone()),
        budget_cents: Set(input.budget_cents),
        days: Set(input.days),
        starts_on: Set(input.starts_on),
        ends_on: Set(input.ends_on),
        skills: Set(skills),
        finder_organisation_id: Set(input.finder_organisation_id.filter(|_| fee > 0)),
        finder_fee_basis_points: Set(fee),
        status: Set(OPEN.into()),
        created_by: Set(actor.person_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        change(network_id, actor, "opportunity.create", "work_opportunity", row.id),
        None::<&()>,
        Some(input),
    )
    .await?;
    notifications::posted(conn, &row).await?;
    Ok(row.id)
}

fn change(network_id: i64, actor: Actor, action: &'static str, entity: &'static str, id: i64) -> Change<'static> {
    Change {
        network_id: Some(network_id),
        actor,
        action,
        entity,
        entity_id: Some(id),
    }
}

/// Declares (or changes) an organisation's interest and capacity in an opportunity;
/// `true` when it is new. 422 on the field: a capacity of zero days or less or over the
/// period's calendar days, a rate below zero, a period that ends before it starts, an
/// organisation that is not a member. A changed capacity of a member of a team formed
/// by capacities proposes a new split to the team ([`propose`]).
pub async fn declare<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    opportunity_id: i64,
    input: &InterestIn,
) -> AppResult<bool> {
    // The opportunity's row is read under a shared lock on PostgreSQL (SQLite's single
    // writer serialises anyway): its ending (which updates it) waits for a declaration
    // in flight, and a declaration after it sees it ended and is refused.
    let mut q = opportunity::Entity::find_by_id(opportunity_id).filter(opportunity::Column::NetworkId.eq(network_id));
    if conn.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        q = sea_orm::QuerySelect::lock_shared(q);
    }
    let o = q.one(conn).await?.ok_or(AppError::NotFound)?;
    if !is_live(&o.status) {
        return Err(AppError::Conflict("work-opportunity-ended"));
    }
    let mut errors = FieldErrors::default();
    for (field, code) in rules::check_capacity(
        input.capacity_days,
        input.day_rate_cents,
        civil(input.available_from),
        civil(input.available_to),
    ) {
        errors.add(field, code);
    }
    let skills = skills(&mut errors, &input.skills);
    errors.into_result()?;
    require_member(conn, network_id, input.organisation_id, "organisation_id").await?;
    let now = crate::db::now();
    let existing = interest::Entity::find()
        .filter(interest::Column::NetworkId.eq(network_id))
        .filter(interest::Column::OpportunityId.eq(o.id))
        .filter(interest::Column::OrganisationId.eq(input.organisation_id))
        .one(conn)
        .await?;
    let (new, capacity_changed) = match existing {
        Some(e) => {
            let changed = e.capacity_days != input.capacity_days;
            let mut a: interest::ActiveModel = e.into();
            a.capacity_days = Set(input.capacity_days);
            a.available_from = Set(input.available_from);
            a.available_to = Set(input.available_to);
            a.day_rate_cents = Set(input.day_rate_cents);
            a.skills = Set(skills);
            a.declared_by = Set(actor.person_id);
            a.updated_at = Set(now);
            a.update(conn).await?;
            (false, changed)
        }
        None => {
            interest::ActiveModel {
                network_id: Set(network_id),
                opportunity_id: Set(o.id),
                organisation_id: Set(input.organisation_id),
                capacity_days: Set(input.capacity_days),
                available_from: Set(input.available_from),
                available_to: Set(input.available_to),
                day_rate_cents: Set(input.day_rate_cents),
                skills: Set(skills),
                declared_by: Set(actor.person_id),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(conn)
            .await?;
            (true, false)
        }
    };
    audit::record(
        conn,
        change(network_id, actor, "opportunity.interest", "work_opportunity", o.id),
        None::<&()>,
        Some(input),
    )
    .await?;
    if capacity_changed {
        propose(conn, actor, &o, input.organisation_id).await?;
    }
    Ok(new)
}

/// The split in force of an opportunity, if any.
async fn in_force<C: ConnectionTrait>(conn: &C, o: &opportunity::Model) -> AppResult<Option<split::Model>> {
    Ok(split::Entity::find()
        .filter(split::Column::NetworkId.eq(o.network_id))
        .filter(split::Column::OpportunityId.eq(o.id))
        .filter(split::Column::Status.eq(SplitStatus::InForce.as_str()))
        .one(conn)
        .await?)
}

async fn lines_of<C: ConnectionTrait>(conn: &C, s: &split::Model) -> AppResult<Vec<line::Model>> {
    Ok(line::Entity::find()
        .filter(line::Column::NetworkId.eq(s.network_id))
        .filter(line::Column::SplitId.eq(s.id))
        .order_by_asc(line::Column::OrganisationId)
        .all(conn)
        .await?)
}

/// The declared capacities of an opportunity, by organisation.
async fn capacities<C: ConnectionTrait>(conn: &C, o: &opportunity::Model) -> AppResult<BTreeMap<i64, i64>> {
    Ok(interest::Entity::find()
        .filter(interest::Column::NetworkId.eq(o.network_id))
        .filter(interest::Column::OpportunityId.eq(o.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|i| (i.organisation_id, i.capacity_days))
        .collect())
}

fn finder(o: &opportunity::Model) -> Option<Finder> {
    o.finder_organisation_id.map(|f| Finder {
        organisation_id: f,
        basis_points: u32::try_from(o.finder_fee_basis_points).unwrap_or(0),
    })
}

fn domain_error(e: rules::WorkError) -> AppError {
    AppError::invalid(e.field(), e.code())
}

/// The split a team would have, as the team form shows it before confirming. 422: a
/// basis other than `capacity` or `shares`, a member who declared no interest, a member
/// twice, a missing share.
pub async fn preview<C: ConnectionTrait>(conn: &C, o: &opportunity::Model, input: &TeamIn) -> AppResult<Split> {
    let basis = Basis::parse(&input.basis).ok_or_else(|| AppError::invalid("basis", "invalid-choice"))?;
    let capacity = capacities(conn, o).await?;
    let mut members = Vec::new();
    for m in &input.members {
        let Some(days) = capacity.get(&m.organisation_id) else {
            return Err(AppError::invalid("members", "work-not-interested"));
        };
        members.push(Member {
            organisation_id: m.organisation_id,
            capacity_days: *days,
            share: m.share,
        });
    }
    rules::split(Money::from_cents(o.budget_cents), o.days, finder(o), basis, &members).map_err(|e| match e {
        rules::WorkError::NoMembers | rules::WorkError::DuplicateMember(_) | rules::WorkError::NoCapacity(_) => {
            AppError::invalid("members", e.code())
        }
        _ => domain_error(e),
    })
}

async fn store_split<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    o: &opportunity::Model,
    s: &Split,
    status: SplitStatus,
) -> AppResult<split::Model> {
    let number = split::Entity::find()
        .filter(split::Column::NetworkId.eq(o.network_id))
        .filter(split::Column::OpportunityId.eq(o.id))
        .order_by_desc(split::Column::Number)
        .one(conn)
        .await?
        .map_or(1, |s| s.number + 1);
    let now = crate::db::now();
    let row = split::ActiveModel {
        network_id: Set(o.network_id),
        opportunity_id: Set(o.id),
        number: Set(number),
        status: Set(Text(status)),
        basis: Set(Text(s.basis)),
        fee_cents: Set(s.fee.cents()),
        proposed_by: Set(actor.person_id),
        created_at: Set(now),
        decided_at: Set((status == SplitStatus::InForce).then_some(now)),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    let rows: Vec<line::ActiveModel> = s
        .lines
        .iter()
        .map(|l| line::ActiveModel {
            network_id: Set(o.network_id),
            split_id: Set(row.id),
            organisation_id: Set(l.organisation_id),
            weight: Set(i64::try_from(l.weight).unwrap_or(i64::MAX)),
            days: Set(l.days),
            amount_cents: Set(l.amount.cents()),
            ..Default::default()
        })
        .collect();
    line::Entity::insert_many(rows).exec_without_returning(conn).await?;
    Ok(row)
}

/// Forms the team of an opportunity: its first split, in force at once (the poster
/// forms it from members who offered). 409 when a team is already formed.
pub async fn form_team<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    opportunity_id: i64,
    input: &TeamIn,
) -> AppResult<i64> {
    let o = super::data::row(conn, network_id, opportunity_id).await?;
    // Only one team: the write that finds the opportunity open takes it.
    let taken = opportunity::Entity::update_many()
        .col_expr(opportunity::Column::Status, Expr::value(TEAMED))
        .col_expr(opportunity::Column::UpdatedAt, Expr::value(crate::db::now()))
        .filter(opportunity::Column::Id.eq(o.id))
        .filter(opportunity::Column::NetworkId.eq(network_id))
        .filter(opportunity::Column::Status.eq(OPEN))
        .exec(conn)
        .await?;
    if taken.rows_affected == 0 {
        return Err(AppError::Conflict("work-team-formed"));
    }
    let s = preview(conn, &o, input).await?;
    let row = store_split(conn, actor, &o, &s, SplitStatus::InForce).await?;
    audit::record(
        conn,
        change(network_id, actor, "opportunity.team", "work_opportunity", o.id),
        None::<&()>,
        Some(&s),
    )
    .await?;
    notifications::team_formed(conn, &o, row.id).await?;
    Ok(row.id)
}

/// After `changed`'s capacity changed: the split the team's current capacities give,
/// proposed to the team when it differs from the one in force (a team formed by agreed
/// shares does not depend on capacities: nothing is proposed). A proposal still waiting
/// is replaced by the new one.
async fn propose<C: ConnectionTrait>(conn: &C, actor: Actor, o: &opportunity::Model, changed: i64) -> AppResult<()> {
    let Some(current) = in_force(conn, o).await? else {
        return Ok(());
    };
    if current.basis.0 != Basis::Capacity {
        return Ok(());
    }
    let lines = lines_of(conn, &current).await?;
    if !lines.iter().any(|l| l.organisation_id == changed) {
        return Ok(());
    }
    let capacity = capacities(conn, o).await?;
    let members: Vec<Member> = lines
        .iter()
        .map(|l| Member {
            organisation_id: l.organisation_id,
            capacity_days: capacity.get(&l.organisation_id).copied().unwrap_or(0),
            share: None,
        })
        .collect();
    let new = rules::split(
        Money::from_cents(o.budget_cents),
        o.days,
        finder(o),
        Basis::Capacity,
        &members,
    )
    .map_err(domain_error)?;
    split::Entity::update_many()
        .col_expr(split::Column::Status, Expr::value(SplitStatus::Replaced.as_str()))
        .col_expr(split::Column::DecidedAt, Expr::value(crate::db::now()))
        .filter(split::Column::NetworkId.eq(o.network_id))
        .filter(split::Column::OpportunityId.eq(o.id))
        .filter(split::Column::Status.eq(SplitStatus::Proposed.as_str()))
        .exec(conn)
        .await?;
    let same = lines.len() == new.lines.len()
        && lines.iter().zip(&new.lines).all(|(a, b)| {
            a.organisation_id == b.organisation_id && a.days == b.days && a.amount_cents == b.amount.cents()
        });
    if same {
        return Ok(());
    }
    let row = store_split(conn, actor, o, &new, SplitStatus::Proposed).await?;
    notifications::split_proposed(conn, o, row.id).await
}

/// A team member's answer to the proposed split; the split's status after it. 404 when
/// nothing is proposed; 422 on `organisation_id` for an organisation not in the team;
/// 409 when it already answered. Every member accepting puts the new split in force
/// (the old one is replaced); one refusal declines it (the split in force stays).
pub async fn consent<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    opportunity_id: i64,
    input: &ConsentIn,
) -> AppResult<SplitStatus> {
    let o = super::data::row(conn, network_id, opportunity_id).await?;
    let proposed = split::Entity::find()
        .filter(split::Column::NetworkId.eq(network_id))
        .filter(split::Column::OpportunityId.eq(o.id))
        .filter(split::Column::Status.eq(SplitStatus::Proposed.as_str()))
        .one(conn)
        .await?
        .ok_or(AppError::Conflict("work-no-proposal"))?;
    let members: Vec<i64> = lines_of(conn, &proposed)
        .await?
        .iter()
        .map(|l| l.organisation_id)
        .collect();
    if !members.contains(&input.organisation_id) {
        return Err(AppError::invalid("organisation_id", "work-not-in-team"));
    }
    let now = crate::db::now();
    let answer = if input.accept { "accepted" } else { "declined" };
    let stored = consent::Entity::insert(consent::ActiveModel {
        network_id: Set(network_id),
        split_id: Set(proposed.id),
        organisation_id: Set(input.organisation_id),
        person_id: Set(actor.person_id),
        answer: Set(answer.into()),
        created_at: Set(now),
        ..Default::default()
    })
    .exec_without_returning(conn)
    .await;
    match stored {
        Err(e) if crate::error::is_unique_violation(&e) => return Err(AppError::Conflict("work-already-answered")),
        other => other?,
    };
    let answers: BTreeMap<i64, bool> = consent::Entity::find()
        .filter(consent::Column::NetworkId.eq(network_id))
        .filter(consent::Column::SplitId.eq(proposed.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.organisation_id, c.answer == "accepted"))
        .collect();
    let state = rules::consent_state(&members, &answers);
    if state != SplitStatus::Proposed {
        if state == SplitStatus::InForce {
            split::Entity::update_many()
                .col_expr(split::Column::Status, Expr::value(SplitStatus::Replaced.as_str()))
                .filter(split::Column::NetworkId.eq(network_id))
                .filter(split::Column::OpportunityId.eq(o.id))
                .filter(split::Column::Status.eq(SplitStatus::InForce.as_str()))
                .exec(conn)
                .await?;
        }
        let mut a: split::ActiveModel = proposed.clone().into();
        a.status = Set(Text(state));
        a.decided_at = Set(Some(now));
        a.update(conn).await?;
    }
    audit::record(
        conn,
        change(network_id, actor, "opportunity.consent", "work_split", proposed.id),
        None::<&()>,
        Some(input),
    )
    .await?;
    Ok(state)
}
