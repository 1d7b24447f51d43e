//! The review's decision on an application (issue 18, item 3).
//!
//! **Accepting** does, in one transaction:
//! 1. the organisation is made a candidate of the network (from the application's
//!    facts), then a member from today (a day in the network's time zone), the change
//!    `status_change_allowed(candidate, member)` allows;
//! 2. its city goes to its public listing (not listed until it agrees);
//! 3. the contact is invited as its representative (`people::data::invite`: the
//!    invitation email with a login link);
//! 4. its onboarding checklist starts;
//! 5. its first membership fee is requested, pro rata from today
//!    (`intercoop_domain::fees::fee` for the period of the year's schedule holding
//!    today), with the sponsorship the review grants (or the schedule's), once: the
//!    period's billing later skips it;
//! 6. the contact is told, in their language, with the welcome booklet's link and the
//!    booklet itself as a PDF attached (the pages a member reads).
//!
//! **Declining** closes the application and tells the contact, with the review's note.
//! Either decision may name the poll that decided it (a poll of the network). Once a
//! poll is opened on the application ([`super::poll`]), only its closing decides.

use super::data::{self, Status};
use super::entities::{application, listing, onboarding};
use crate::audit::{self, Actor, Change};
use crate::db;
use crate::entities::{membership, network};
use crate::error::{AppError, AppResult};
use crate::money::entities::{fee_schedule, payment_request};
use crate::notifications::attachments::Attach;
use crate::notifications::{self, Addressee, Kind, Notice};
use intercoop_domain::fees::{self, Member, Sponsorship};
use intercoop_domain::organisation::{Level, MembershipStatus, OrgKind, status_change_allowed};
use intercoop_domain::payments::PaymentPurpose;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A decision as the review gives it (the API's body).
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DecisionIn {
    /// Told to the contact (at most 2 000 characters).
    pub note: String,
    /// Accepting only: the part of the first fee the network pays, in hundredths of a
    /// percent (0 to 10 000; 0: the fee schedule's own sponsorship, if any).
    pub sponsorship_basis_points: i64,
    /// The poll of the network that decided, if one did.
    pub poll_id: Option<i64>,
}

/// What an acceptance made.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Accepted {
    pub organisation_id: i64,
    /// The contact, now a person of the network and the organisation's representative.
    pub person_id: i64,
    /// The first fee's request, when the network has a fee schedule for this year and
    /// the organisation owes something.
    pub fee_request_id: Option<i64>,
}

/// The first fee an organisation joining today would be asked: the request's period,
/// the fee, and the schedule; `None` without a schedule for this year or when nothing
/// is owed.
pub async fn first_fee<C: ConnectionTrait>(
    conn: &C,
    n: &network::Model,
    level: Level,
    size: Option<i64>,
    granted_basis_points: i64,
) -> AppResult<Option<(fee_schedule::Model, i8, fees::Fee)>> {
    let today = crate::money::today(&n.time_zone);
    let Some(joined) = crate::money::fees::to_date(today) else {
        return Ok(None);
    };
    let Some(s) = fee_schedule::Entity::find()
        .filter(fee_schedule::Column::NetworkId.eq(n.id))
        .filter(fee_schedule::Column::Year.eq(i64::from(joined.year())))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let Some(tiers) = crate::money::fees::tiers_of(&s, level) else {
        return Ok(None);
    };
    let sponsorship = if granted_basis_points > 0 {
        Some(
            Sponsorship::new(u32::try_from(granted_basis_points).map_err(|_| bad_sponsorship())?, 1)
                .map_err(|_| bad_sponsorship())?,
        )
    } else {
        crate::money::fees::sponsorship_of(&s)
    };
    let index = (joined.month() - 1) / s.period.months();
    let member = Member {
        monthly: tiers.monthly(size),
        joined_on: joined,
        left_on: None,
    };
    let fee =
        fees::fee(&member, joined.year(), *s.period, index, sponsorship).map_err(|e| AppError::Internal(e.into()))?;
    Ok(fee.map(|f| (s, index, f)))
}

fn bad_sponsorship() -> AppError {
    AppError::invalid("sponsorship_basis_points", "sponsorship-range")
}

fn check(d: &DecisionIn) -> AppResult<()> {
    if d.note.chars().count() > 2_000 {
        return Err(AppError::invalid("note", "too-long"));
    }
    if !(0..=10_000).contains(&d.sponsorship_basis_points) {
        return Err(bad_sponsorship());
    }
    Ok(())
}

async fn check_poll<C: ConnectionTrait>(conn: &C, network_id: i64, poll_id: Option<i64>) -> AppResult<()> {
    if let Some(id) = poll_id {
        crate::polls::data::get(conn, network_id, id)
            .await
            .map_err(|_| AppError::invalid("poll_id", "invalid-choice"))?;
    }
    Ok(())
}

/// Who decides: the review by hand, or the poll opened on the application
/// ([`super::poll`]), whose closing applies its outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum By {
    Hand,
    Poll(i64),
}

/// A pending application of the network, for a decision: 409 `application-decided`
/// once decided, 409 `application-poll-open` for a decision by hand while a poll
/// decides it. The row is written first (`… WHERE status = 'pending'`), so that of two
/// decisions at once (two instances, a retried job) the second waits for the first
/// and finds it decided.
async fn pending<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64, by: By) -> AppResult<application::Model> {
    let a = data::get(conn, network_id, id).await?;
    let claimed = application::Entity::update_many()
        .col_expr(
            application::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(db::now()),
        )
        .filter(application::Column::Id.eq(a.id))
        .filter(application::Column::NetworkId.eq(network_id))
        .filter(application::Column::Status.eq(Status::Pending.as_str()))
        .exec(conn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(AppError::Conflict("application-decided"));
    }
    let a = data::get(conn, network_id, id).await?;
    match (a.poll_id, by) {
        (Some(p), By::Poll(q)) if p == q => Ok(a),
        (Some(_), _) => Err(AppError::Conflict("application-poll-open")),
        (None, By::Hand) => Ok(a),
        (None, By::Poll(_)) => Err(AppError::Conflict("application-decided")),
    }
}

fn closed(a: application::Model, status: Status, actor: Actor, d: &DecisionIn) -> application::ActiveModel {
    let now = db::now();
    let mut m: application::ActiveModel = a.into();
    m.status = Set(status.as_str().into());
    m.open_key = Set(None);
    m.decided_by = Set(actor.person_id);
    m.decided_at = Set(Some(now));
    m.decision_note = Set(d.note.trim().to_string());
    m.poll_id = Set(d.poll_id);
    m.updated_at = Set(now);
    m
}

async fn record<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    a: &application::Model,
    action: &'static str,
    d: &DecisionIn,
) -> AppResult<()> {
    audit::record(
        conn,
        Change {
            network_id: Some(a.network_id),
            actor,
            action,
            entity: "application",
            entity_id: Some(a.id),
        },
        None::<&()>,
        Some(d),
    )
    .await?;
    Ok(())
}

/// Tells the contact of the decision, in their language.
async fn tell<C: ConnectionTrait>(
    conn: &C,
    a: &application::Model,
    kind: Kind,
    link: Option<&str>,
    attach: &[Attach],
) -> AppResult<()> {
    let Some(person_id) = a.person_id else {
        return Ok(());
    };
    let mut to = Addressee::new(person_id);
    to.fallback_lang = crate::i18n::Lang::parse(&a.contact_language);
    let mut notice = Notice::new(kind, a.network_id)
        .about(a.id)
        .text("organisation", a.org_name.clone())
        .text("note", a.decision_note.clone())
        .to(vec![to]);
    if let Some(l) = link {
        notice = notice.link(l);
    }
    for file in attach {
        notice = notice.attach(*file);
    }
    notifications::notify(conn, notice, Some(format!("{kind}:{}", a.id))).await
}

/// Declines a pending application (by hand: refused while a poll decides it).
pub async fn decline<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    id: i64,
    d: &DecisionIn,
) -> AppResult<()> {
    decline_as(conn, actor, network_id, id, d, By::Hand).await
}

pub(super) async fn decline_as<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    id: i64,
    d: &DecisionIn,
    by: By,
) -> AppResult<()> {
    check(d)?;
    check_poll(conn, network_id, d.poll_id).await?;
    let a = pending(conn, network_id, id, by).await?;
    let a = closed(a, Status::Declined, actor, d).update(conn).await?;
    record(conn, actor, &a, "application.decline", d).await?;
    tell(conn, &a, Kind::ApplicationDeclined, None, &[]).await
}

/// Accepts a pending application (see the module's steps; by hand: refused while a
/// poll decides it).
pub async fn accept<C: ConnectionTrait>(
    conn: &C,
    base_url: &str,
    actor: Actor,
    inviter: &str,
    n: &network::Model,
    id: i64,
    d: &DecisionIn,
) -> AppResult<Accepted> {
    accept_as(conn, base_url, actor, inviter, n, id, d, By::Hand).await
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn accept_as<C: ConnectionTrait>(
    conn: &C,
    base_url: &str,
    actor: Actor,
    inviter: &str,
    n: &network::Model,
    id: i64,
    d: &DecisionIn,
    by: By,
) -> AppResult<Accepted> {
    check(d)?;
    check_poll(conn, n.id, d.poll_id).await?;
    let a = pending(conn, n.id, id, by).await?;
    let bad = |what: &str| AppError::Internal(anyhow::anyhow!("application {}: stored {what} unreadable", a.id));
    let kind = OrgKind::parse(&a.org_kind).ok_or_else(|| bad("kind"))?;
    let level = Level::parse(&a.level).ok_or_else(|| bad("level"))?;
    let organisation = crate::organisations::data::OrganisationInput {
        name: a.org_name.clone(),
        kind: kind.as_str().into(),
        country: a.country.clone(),
        language: a.contact_language.clone(),
        address: a.city.clone(),
        company_number: a.company_number.clone(),
        size: a.size.map(|s| s.to_string()).unwrap_or_default(),
        website: a.website.clone(),
        software: a.software.clone(),
        status: MembershipStatus::Candidate.as_str().into(),
        level: level.as_str().into(),
        bank_account: String::new(),
    }
    .validate()
    .map_err(AppError::Invalid)?;
    // 1. A candidate, then a member from today.
    let org = crate::organisations::data::create(conn, actor, n.id, &organisation).await?;
    if !status_change_allowed(MembershipStatus::Candidate, MembershipStatus::Member) {
        return Err(AppError::Internal(anyhow::anyhow!(
            "a candidate may not become a member"
        )));
    }
    let today = crate::money::today(&n.time_zone);
    let m = membership::Entity::find()
        .filter(membership::Column::NetworkId.eq(n.id))
        .filter(membership::Column::OrganisationId.eq(org))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut m: membership::ActiveModel = m.into();
    m.status = Set(MembershipStatus::Member.into());
    m.joined_on = Set(Some(today));
    m.updated_at = Set(db::now());
    m.update(conn).await?;
    // 2. Its place, not listed until it agrees.
    listing::ActiveModel {
        network_id: Set(n.id),
        organisation_id: Set(org),
        listed: Set(false),
        city: Set(a.city.clone()),
        latitude_e6: Set(None),
        longitude_e6: Set(None),
        updated_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    // 3. The contact, invited as its representative.
    let invitation = crate::people::data::InviteInput {
        email: a.contact_email.clone(),
        name: a.contact_name.clone(),
        organisation_id: org.to_string(),
        language: a.contact_language.clone(),
        representative: "true".into(),
        ..Default::default()
    }
    .validate()
    .map_err(AppError::Invalid)?;
    let (person_id, _) = crate::people::data::invite(conn, actor, n.id, &invitation, base_url, inviter).await?;
    // 4. The checklist.
    onboarding::ActiveModel {
        network_id: Set(n.id),
        organisation_id: Set(org),
        application_id: Set(Some(a.id)),
        started_at: Set(db::now()),
        booklet_read_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    // 5. The first fee.
    let fee_request_id = request_first_fee(conn, n, org, level, a.size, d.sponsorship_basis_points).await?;
    // 6. The decision, told.
    let mut closed = closed(a, Status::Accepted, actor, d);
    closed.organisation_id = Set(Some(org));
    closed.sponsorship_basis_points = Set(d.sponsorship_basis_points);
    closed.person_id = Set(Some(person_id));
    let a = closed.update(conn).await?;
    record(conn, actor, &a, "application.accept", d).await?;
    // The booklet goes as a PDF too, made when the email is written, with the pages a
    // member reads (never the core circle's).
    tell(
        conn,
        &a,
        Kind::ApplicationAccepted,
        Some("/docs/booklet"),
        &[Attach::WelcomeBooklet],
    )
    .await?;
    Ok(Accepted {
        organisation_id: org,
        person_id,
        fee_request_id,
    })
}

async fn request_first_fee<C: ConnectionTrait>(
    conn: &C,
    n: &network::Model,
    organisation_id: i64,
    level: Level,
    size: Option<i64>,
    granted: i64,
) -> AppResult<Option<i64>> {
    let Some((s, index, fee)) = first_fee(conn, n, level, size, granted).await? else {
        return Ok(None);
    };
    if !fee.net().is_positive() {
        return Ok(None);
    }
    let label = match *s.period {
        fees::BillingPeriod::Yearly => format!("{}", s.year),
        fees::BillingPeriod::Quarterly => format!("{} Q{}", s.year, index + 1),
        fees::BillingPeriod::Monthly => format!("{}-{:02}", s.year, index + 1),
    };
    let made = crate::money::requests::create(
        conn,
        n.id,
        vec![crate::money::requests::NewRequest {
            organisation_id,
            purpose: PaymentPurpose::Fee,
            amount: fee.net(),
            sponsored: fee.sponsored,
            label,
            campaign_id: None,
            catch_up_id: None,
            fee: Some((s.id, i64::from(index))),
            reserve: None,
            pool: None,
            due_at: db::now() + time::Duration::days(crate::money::requests::PAYMENT_DAYS),
        }],
    )
    .await?;
    let r: Option<&payment_request::Model> = made.first();
    if let Some(r) = r {
        crate::money::notifications::fee_requested(conn, r).await?;
    }
    Ok(r.map(|r| r.id))
}

/// Whether an application can be decided now (the review's buttons).
pub fn open(a: &application::Model) -> bool {
    a.status == Status::Pending.as_str()
}

/// The first fee's amount as the acceptance page shows it before asking: net, and the
/// sponsored part, in cents; `None` without a schedule or when nothing is owed.
pub async fn fee_preview<C: ConnectionTrait>(
    conn: &C,
    n: &network::Model,
    a: &application::Model,
) -> AppResult<Option<(i64, i64, i8)>> {
    let Some(level) = Level::parse(&a.level) else {
        return Ok(None);
    };
    Ok(first_fee(conn, n, level, a.size, 0)
        .await?
        .map(|(_, _, f)| (f.net().cents(), f.sponsored.cents(), f.months)))
}
