//! Proposals, quotes, campaigns, pledges, closing and catch-up shares: the queries
//! and changes shared by the pages, the API, the scheduled jobs and the polls.
//!
//! Every change runs in the caller's transaction and records its audit entry and its
//! timeline event there; emails are enqueued in the same transaction.

use super::entities::{campaign, catch_up, credit, event, interest, payment_request, pledge, proposal, quote};
use super::notify;
use crate::audit::{self, Change};
use crate::auth::CurrentUser;
use crate::db;
use crate::entities::{membership, organisation};
use crate::error::{AppError, AppResult, FieldErrors};
use intercoop_domain::catchup::{CatchUpError, catch_up};
use intercoop_domain::lifecycle::{self, Actor as LifeActor, ProposalStatus, TransitionError};
use intercoop_domain::sharing::{
    CampaignTerms, FixedAmount, FixedContribution, Participant, Shares, SharingError, SharingKey, compute_shares,
    preview_join,
};
use intercoop_domain::text::Title;
use intercoop_domain::{Money, Role, RoleSet};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use time::{Duration, OffsetDateTime};

/// Pledge statuses: `active` while it counts, `released` when the campaign lapsed.
pub const PLEDGE_ACTIVE: &str = "active";
pub const PLEDGE_RELEASED: &str = "released";

/// How long a payment request gives to pay.
pub const PAYMENT_DAYS: i64 = 30;
/// How long a campaign stays open when no deadline is given.
pub const DEFAULT_CAMPAIGN_DAYS: i64 = 30;
/// The default window for catch-up shares, in years.
pub const DEFAULT_CATCH_UP_YEARS: i64 = 3;

/// Who acts on a proposal: a person with roles and organisations, a passed poll
/// (the assembly's decision), or a background job.
#[derive(Debug, Clone, Default)]
pub struct Doer {
    pub person_id: Option<i64>,
    pub roles: RoleSet,
    /// The organisations the person belongs to.
    pub organisations: Vec<i64>,
    /// The organisations the person represents.
    pub represents: Vec<i64>,
    pub system: bool,
}

impl Doer {
    pub fn user(user: &CurrentUser) -> Doer {
        Doer {
            person_id: Some(user.person_id),
            roles: user.roles,
            organisations: user.organisations.iter().map(|o| o.id).collect(),
            represents: user
                .organisations
                .iter()
                .filter(|o| o.is_representative)
                .map(|o| o.id)
                .collect(),
            system: false,
        }
    }

    /// A background job: may only close campaigns.
    pub fn system() -> Doer {
        Doer {
            system: true,
            ..Doer::default()
        }
    }

    /// A passed poll: the assembly decides with the authority of the network.
    pub fn assembly() -> Doer {
        Doer {
            roles: RoleSet::default().with(Role::Administrator),
            ..Doer::default()
        }
    }

    pub fn is_admin(&self) -> bool {
        self.roles.is_admin()
    }

    pub(crate) fn audit_actor(&self) -> audit::Actor {
        audit::Actor {
            person_id: self.person_id,
        }
    }

    /// May act for this organisation (its representative, or an administrator).
    pub fn speaks_for(&self, organisation_id: i64) -> bool {
        self.is_admin() || self.represents.contains(&organisation_id)
    }

    fn life(&self, p: &proposal::Model, selected_provider: Option<i64>) -> LifeActor {
        LifeActor {
            roles: self.roles,
            is_author: self.organisations.contains(&p.requested_by),
            is_selected_provider: selected_provider.is_some_and(|s| self.organisations.contains(&s)),
            system: self.system,
        }
    }
}

pub fn status_of(p: &proposal::Model) -> ProposalStatus {
    p.status.parse().unwrap_or(ProposalStatus::Draft)
}

// ---------------------------------------------------------------- reading

pub async fn get<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<proposal::Model> {
    proposal::Entity::find_by_id(id)
        .filter(proposal::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn campaign_of<C: ConnectionTrait>(conn: &C, proposal_id: i64) -> AppResult<Option<campaign::Model>> {
    Ok(campaign::Entity::find()
        .filter(campaign::Column::ProposalId.eq(proposal_id))
        .one(conn)
        .await?)
}

pub fn terms_of(c: &campaign::Model) -> CampaignTerms {
    CampaignTerms {
        total: Money::from_cents(c.amount_cents),
        key: serde_json::from_str(&c.sharing_key).unwrap_or(SharingKey::Equal),
        fixed: serde_json::from_str(&c.fixed).unwrap_or_default(),
    }
}

/// The participants of campaigns: active pledges, then late adopters, by campaign.
pub async fn participants_of<C: ConnectionTrait>(
    conn: &C,
    campaign_ids: &[i64],
) -> AppResult<BTreeMap<i64, (Vec<Participant>, Vec<Participant>)>> {
    let mut out: BTreeMap<i64, (Vec<Participant>, Vec<Participant>)> = BTreeMap::new();
    if campaign_ids.is_empty() {
        return Ok(out);
    }
    let pledges = pledge::Entity::find()
        .filter(pledge::Column::CampaignId.is_in(campaign_ids.to_vec()))
        .filter(pledge::Column::Status.eq(PLEDGE_ACTIVE))
        .all(conn)
        .await?;
    for p in pledges {
        out.entry(p.campaign_id).or_default().0.push(participant_of_pledge(&p));
    }
    let adopters = catch_up::Entity::find()
        .filter(catch_up::Column::CampaignId.is_in(campaign_ids.to_vec()))
        .order_by_asc(catch_up::Column::Id)
        .all(conn)
        .await?;
    for a in adopters {
        out.entry(a.campaign_id).or_default().1.push(Participant {
            organisation_id: a.organisation_id,
            size: a.size.and_then(|s| u64::try_from(s).ok()),
            cap: None,
        });
    }
    Ok(out)
}

/// The current split of a campaign: pledged organisations and late adopters.
pub async fn current_shares<C: ConnectionTrait>(conn: &C, c: &campaign::Model) -> AppResult<Shares> {
    let mut parts = participants_of(conn, &[c.id]).await?;
    let (mut pledged, adopters) = parts.remove(&c.id).unwrap_or_default();
    pledged.extend(adopters);
    compute_shares(&terms_of(c), &pledged).map_err(|e| sharing_error(e, "organisation_id"))
}

/// Writes a campaign's list summary (coverage, participants, active pledges) from its
/// current split, so that the proposal list never loads pledges (see migration 6), and
/// marks it for the daily digest when `others_changed` (see `digest`).
pub async fn store_summary<C: ConnectionTrait>(
    conn: &C,
    campaign_id: i64,
    shares: &Shares,
    pledges: usize,
    others_changed: bool,
) -> AppResult<()> {
    store_summaries(
        conn,
        &[Summary {
            campaign_id,
            shares,
            pledges,
            others_changed,
        }],
    )
    .await
}

/// A campaign's list summary, to store.
pub struct Summary<'a> {
    pub campaign_id: i64,
    pub shares: &'a Shares,
    pub pledges: usize,
    /// Whether the change moved an earlier participant's share (the digest reports it).
    pub others_changed: bool,
}

/// [`store_summary`] for several campaigns in one statement (a batch of pledges).
pub async fn store_summaries<C: ConnectionTrait>(conn: &C, summaries: &[Summary<'_>]) -> AppResult<()> {
    use sea_orm::sea_query::CaseStatement;
    if summaries.is_empty() {
        return Ok(());
    }
    let by_campaign = |value: &dyn Fn(&Summary) -> Expr| {
        summaries.iter().fold(CaseStatement::new(), |case, s| {
            case.case(campaign::Column::Id.eq(s.campaign_id), value(s))
        })
    };
    let covered = by_campaign(&|s| Expr::val(s.shares.covered.cents()));
    let participants = by_campaign(&|s| Expr::val(s.shares.participant_lines().count() as i64));
    let pledges = by_campaign(&|s| Expr::val(s.pledges as i64));
    let mut update = campaign::Entity::update_many()
        .col_expr(campaign::Column::CoveredCents, covered.into())
        .col_expr(campaign::Column::ParticipantCount, participants.into())
        .col_expr(campaign::Column::PledgeCount, pledges.into());
    let due: Vec<i64> = summaries
        .iter()
        .filter(|s| s.others_changed)
        .map(|s| s.campaign_id)
        .collect();
    if !due.is_empty() {
        let digest_due = CaseStatement::new()
            .case(campaign::Column::Id.is_in(due), Expr::val(true))
            .finally(Expr::col(campaign::Column::DigestDue));
        update = update.col_expr(campaign::Column::DigestDue, digest_due.into());
    }
    update
        .filter(campaign::Column::Id.is_in(summaries.iter().map(|s| s.campaign_id)))
        .exec(conn)
        .await?;
    Ok(())
}

/// Recomputes a campaign's list summary from its stored pledges and adopters.
pub async fn refresh_summary<C: ConnectionTrait>(conn: &C, campaign_id: i64) -> AppResult<()> {
    let c = campaign::Entity::find_by_id(campaign_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut parts = participants_of(conn, &[c.id]).await?;
    let (mut pledged, adopters) = parts.remove(&c.id).unwrap_or_default();
    let pledges = pledged.len();
    pledged.extend(adopters);
    // A split that cannot be computed (never stored by the app) shows as nothing covered.
    let shares = compute_shares(&terms_of(&c), &pledged).unwrap_or_else(|_| Shares {
        total: Money::from_cents(c.amount_cents),
        covered: Money::ZERO,
        shortfall: Money::from_cents(c.amount_cents),
        lines: Vec::new(),
    });
    store_summary(conn, c.id, &shares, pledges, false).await
}

/// Fills the summaries of every proposal and campaign (migration 6).
pub async fn refresh_all_summaries(conn: &sea_orm::DatabaseTransaction) -> Result<(), sea_orm::DbErr> {
    use sea_orm::QuerySelect;
    let count = Query::select()
        .expr(Expr::col(("i", "id")).count())
        .from_as("proposal_interests", "i")
        .and_where(Expr::col(("i", "proposal_id")).equals(("proposals", "id")))
        .take();
    conn.execute(Query::update().table("proposals").value(
        "interest_count",
        Expr::SubQuery(
            None,
            Box::new(sea_orm::sea_query::SubQueryStatement::SelectStatement(count)),
        ),
    ))
    .await?;
    let ids: Vec<i64> = campaign::Entity::find()
        .select_only()
        .column(campaign::Column::Id)
        .into_tuple()
        .all(conn)
        .await?;
    for id in ids {
        refresh_summary(conn, id).await.map_err(|e| match e {
            AppError::Db(e) => e,
            other => sea_orm::DbErr::Custom(other.to_string()),
        })?;
    }
    Ok(())
}

/// Names of organisations, by id (one query).
pub async fn org_names<C: ConnectionTrait>(conn: &C, ids: &[i64]) -> AppResult<BTreeMap<i64, String>> {
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    Ok(organisation::Entity::find()
        .select_only()
        .column(organisation::Column::Id)
        .column(organisation::Column::Name)
        .filter(organisation::Column::Id.is_in(ids.to_vec()))
        .into_tuple::<(i64, String)>()
        .all(conn)
        .await?
        .into_iter()
        .collect())
}

// ---------------------------------------------------------------- errors

/// A rule of the sharing domain broken by the input: a 422 naming the field.
pub fn sharing_error(e: SharingError, participant_field: &str) -> AppError {
    let (field, code) = match e {
        SharingError::NonPositiveTotal => ("amount_cents", "proposals-positive-amount"),
        SharingError::NegativeCap { .. } => ("cap_cents", "proposals-negative-cap"),
        SharingError::FixedExceedsTotal => ("fixed", "proposals-fixed-exceeds-total"),
        SharingError::NonPositiveFixed { .. } => ("fixed", "proposals-positive-amount"),
        SharingError::DuplicateFixed { .. } => ("fixed", "proposals-duplicate-fixed"),
        SharingError::ZeroWeights => ("key", "proposals-zero-weights"),
        SharingError::MissingWeight { .. } => (participant_field, "proposals-not-in-key"),
        SharingError::MissingSize { .. } => (participant_field, "proposals-missing-size"),
        SharingError::DuplicateParticipant { .. } => return AppError::Conflict("proposals-already-pledged"),
        SharingError::FixedParticipant { .. } => (participant_field, "proposals-fixed-participant"),
        SharingError::Overflow => ("amount_cents", "proposals-out-of-range"),
        SharingError::InvalidTiers => ("key", "proposals-invalid-tiers"),
    };
    AppError::invalid(field, code)
}

fn transition_error(e: TransitionError) -> AppError {
    match e {
        TransitionError::NotAllowed { .. } => AppError::Conflict("proposals-wrong-status"),
        TransitionError::Forbidden { .. } => AppError::Forbidden,
    }
}

/// Is this organisation a member (not a candidate, not former) of the network?
async fn require_member<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    organisation_id: i64,
    field: &str,
) -> AppResult<organisation::Model> {
    let member = Query::select()
        .column(membership::Column::OrganisationId)
        .from(membership::Entity)
        .and_where(membership::Column::NetworkId.eq(network_id))
        .and_where(membership::Column::OrganisationId.eq(organisation_id))
        .and_where(membership::Column::Status.eq("member"))
        .take();
    organisation::Entity::find_by_id(organisation_id)
        .filter(organisation::Column::Id.in_subquery(member))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::invalid(field, "proposals-not-member"))
}

// ---------------------------------------------------------------- timeline

pub struct EventInput<'a> {
    pub kind: &'a str,
    pub from: Option<ProposalStatus>,
    pub to: Option<ProposalStatus>,
    pub reason: String,
    pub poll_id: Option<i64>,
}

pub async fn add_event<C: ConnectionTrait>(
    conn: &C,
    proposal_id: i64,
    doer: &Doer,
    e: EventInput<'_>,
) -> AppResult<()> {
    event::Entity::insert(event_row(proposal_id, doer, e))
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// A timeline event, to insert (alone, or with others: a batch of pledges).
pub(super) fn event_row(proposal_id: i64, doer: &Doer, e: EventInput<'_>) -> event::ActiveModel {
    event::ActiveModel {
        proposal_id: Set(proposal_id),
        actor_id: Set(doer.person_id),
        kind: Set(e.kind.to_string()),
        from_status: Set(e.from.map(|s| s.as_str().to_string())),
        to_status: Set(e.to.map(|s| s.as_str().to_string())),
        reason: Set(e.reason),
        poll_id: Set(e.poll_id),
        at: Set(db::now()),
        ..Default::default()
    }
}

async fn selected_provider<C: ConnectionTrait>(conn: &C, p: &proposal::Model) -> AppResult<Option<i64>> {
    Ok(match p.selected_quote_id {
        Some(q) => quote::Entity::find_by_id(q).one(conn).await?.map(|q| q.provider_id),
        None => None,
    })
}

/// The statuses this person may move the proposal to (for the buttons).
pub async fn next_steps<C: ConnectionTrait>(
    conn: &C,
    p: &proposal::Model,
    doer: &Doer,
) -> AppResult<Vec<ProposalStatus>> {
    let provider = selected_provider(conn, p).await?;
    Ok(lifecycle::next_steps(status_of(p), doer.life(p, provider))
        .into_iter()
        // Opening funding and closing have their own forms (terms, shares).
        .filter(|s| {
            !matches!(
                s,
                ProposalStatus::Funding | ProposalStatus::Funded | ProposalStatus::Lapsed
            )
        })
        .collect())
}

/// Moves a proposal, checking the lifecycle and the doer's role, with the reason on
/// the timeline and in the audit log.
pub async fn transition<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    to: ProposalStatus,
    reason: &str,
    poll_id: Option<i64>,
) -> AppResult<proposal::Model> {
    let from = status_of(p);
    let provider = selected_provider(conn, p).await?;
    lifecycle::check_transition(from, to, doer.life(p, provider)).map_err(transition_error)?;
    let reason = reason.trim();
    if reason.chars().count() > 2000 {
        return Err(AppError::invalid("reason", "too-long"));
    }
    let now = db::now();
    let mut active: proposal::ActiveModel = p.clone().into();
    active.status = Set(to.as_str().to_string());
    active.updated_at = Set(now);
    if to == ProposalStatus::Delivered {
        active.delivered_at = Set(Some(now));
    }
    let updated = active.update(conn).await?;
    add_event(
        conn,
        p.id,
        doer,
        EventInput {
            kind: "transition",
            from: Some(from),
            to: Some(to),
            reason: reason.to_string(),
            poll_id,
        },
    )
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(p.network_id),
            actor: doer.audit_actor(),
            action: "proposal.transition",
            entity: "proposal",
            entity_id: Some(p.id),
        },
        Some(&serde_json::json!({"status": from.as_str()})),
        Some(&serde_json::json!({"status": to.as_str(), "reason": reason, "poll_id": poll_id})),
    )
    .await?;
    // Withdrawing during funding releases the pledges.
    if from == ProposalStatus::Funding
        && to == ProposalStatus::Withdrawn
        && let Some(c) = campaign_of(conn, p.id).await?
    {
        release(conn, &c, "withdrawn").await?;
    }
    Ok(updated)
}

// ---------------------------------------------------------------- proposals

/// A new proposal as typed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ProposalInput {
    pub title: String,
    pub description: String,
    pub software: String,
    /// One link per line.
    pub links: String,
    pub requested_by: String,
    /// Keep it as a draft (not announced yet).
    pub draft: bool,
}

pub struct ValidProposal {
    pub title: Title,
    pub description: String,
    pub software: String,
    pub links: Vec<String>,
    pub requested_by: i64,
    pub draft: bool,
}

impl ProposalInput {
    pub fn validate(&self) -> Result<ValidProposal, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = Title::parse(&self.title)
            .map_err(|e| errors.add("title", crate::organisations::data::text_error_code(e)))
            .ok();
        if self.description.chars().count() > 50_000 {
            errors.add("description", "too-long");
        }
        if self.software.chars().count() > 120 {
            errors.add("software", "too-long");
        }
        let links: Vec<String> = self
            .links
            .split(['\n', ','])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        if links.iter().any(|l| {
            url::Url::parse(l)
                .map(|u| !matches!(u.scheme(), "http" | "https"))
                .unwrap_or(true)
        }) {
            errors.add("links", "invalid-url");
        }
        let requested_by = self.requested_by.trim().parse::<i64>().ok();
        if requested_by.is_none() {
            errors.add("requested_by", "required");
        }
        match (title, requested_by) {
            (Some(title), Some(requested_by)) if errors.is_empty() => Ok(ValidProposal {
                title,
                description: self.description.trim().to_string(),
                software: self.software.trim().to_string(),
                links,
                requested_by,
                draft: self.draft,
            }),
            _ => Err(errors),
        }
    }
}

/// Posts a proposal (in discussion, or as a draft). The organisations running the
/// software are told by [`notify::announce_pending`] once it is committed.
pub async fn create<C: ConnectionTrait>(conn: &C, doer: &Doer, network_id: i64, v: &ValidProposal) -> AppResult<i64> {
    require_member(conn, network_id, v.requested_by, "requested_by").await?;
    if !(doer.is_admin() || doer.organisations.contains(&v.requested_by)) {
        return Err(AppError::Forbidden);
    }
    let now = db::now();
    let status = if v.draft {
        ProposalStatus::Draft
    } else {
        ProposalStatus::Discussion
    };
    let row = proposal::ActiveModel {
        network_id: Set(network_id),
        title: Set(v.title.as_str().to_string()),
        description: Set(v.description.clone()),
        software: Set(v.software.clone()),
        links: Set(v.links.join("\n")),
        requested_by: Set(v.requested_by),
        author_id: Set(doer.person_id),
        status: Set(status.as_str().to_string()),
        selected_quote_id: Set(None),
        priority_rank: Set(None),
        priority_poll_id: Set(None),
        priority_method: Set(None),
        priority_at: Set(None),
        delivered_at: Set(None),
        announced_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    add_event(
        conn,
        row.id,
        doer,
        EventInput {
            kind: "posted",
            from: None,
            to: Some(status),
            reason: String::new(),
            poll_id: None,
        },
    )
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor: doer.audit_actor(),
            action: "proposal.create",
            entity: "proposal",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(&row),
    )
    .await?;
    Ok(row.id)
}

/// "We need it too", for one organisation (idempotent).
pub async fn add_interest<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    organisation_id: i64,
) -> AppResult<()> {
    require_member(conn, p.network_id, organisation_id, "organisation_id").await?;
    if !(doer.is_admin() || doer.organisations.contains(&organisation_id)) {
        return Err(AppError::Forbidden);
    }
    let exists = interest::Entity::find()
        .filter(interest::Column::ProposalId.eq(p.id))
        .filter(interest::Column::OrganisationId.eq(organisation_id))
        .one(conn)
        .await?;
    if exists.is_some() {
        return Ok(());
    }
    interest::ActiveModel {
        proposal_id: Set(p.id),
        organisation_id: Set(organisation_id),
        person_id: Set(doer.person_id),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    proposal::Entity::update_many()
        .col_expr(
            proposal::Column::InterestCount,
            Expr::col(proposal::Column::InterestCount).add(1),
        )
        .filter(proposal::Column::Id.eq(p.id))
        .exec(conn)
        .await?;
    add_event(
        conn,
        p.id,
        doer,
        EventInput {
            kind: "interest",
            from: None,
            to: None,
            reason: organisation_id.to_string(),
            poll_id: None,
        },
    )
    .await
}

/// A comment, or an objection, by a person of the network.
pub async fn add_comment<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    organisation_id: Option<i64>,
    body: &str,
    objection: bool,
) -> AppResult<i64> {
    let body = body.trim();
    if body.is_empty() {
        return Err(AppError::invalid("body", "required"));
    }
    if body.chars().count() > 20_000 {
        return Err(AppError::invalid("body", "too-long"));
    }
    if let Some(org) = organisation_id
        && !doer.organisations.contains(&org)
    {
        return Err(AppError::invalid("organisation_id", "not-in-organisation"));
    }
    let person_id = doer.person_id.ok_or(AppError::Forbidden)?;
    let row = super::entities::comment::ActiveModel {
        proposal_id: Set(p.id),
        person_id: Set(person_id),
        organisation_id: Set(organisation_id),
        body: Set(body.to_string()),
        is_objection: Set(objection),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    add_event(
        conn,
        p.id,
        doer,
        EventInput {
            kind: if objection { "objection" } else { "comment" },
            from: None,
            to: None,
            reason: String::new(),
            poll_id: None,
        },
    )
    .await?;
    Ok(row.id)
}

// ---------------------------------------------------------------- quotes

#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct Milestone {
    pub title: String,
    pub amount_cents: i64,
}

pub struct QuoteInput {
    pub provider_id: i64,
    pub amount_cents: i64,
    pub vat_basis_points: i64,
    pub hours: Option<i64>,
    pub valid_until: Option<OffsetDateTime>,
    pub milestones: Vec<Milestone>,
    pub note: String,
}

/// A provider's quote; a proposal in discussion becomes `quoted`.
pub async fn add_quote<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    q: &QuoteInput,
) -> AppResult<quote::Model> {
    let mut errors = FieldErrors::default();
    if q.amount_cents <= 0 {
        errors.add("amount_cents", "proposals-positive-amount");
    }
    if !(0..=10_000).contains(&q.vat_basis_points) {
        errors.add("vat_basis_points", "proposals-out-of-range");
    }
    if q.hours.is_some_and(|h| h < 0) {
        errors.add("hours", "proposals-out-of-range");
    }
    if q.milestones
        .iter()
        .any(|m| m.amount_cents <= 0 || m.title.trim().is_empty())
    {
        errors.add("milestones", "proposals-positive-amount");
    } else if !q.milestones.is_empty() && q.milestones.iter().map(|m| m.amount_cents).sum::<i64>() != q.amount_cents {
        errors.add("milestones", "proposals-milestones-sum");
    }
    errors.into_result()?;
    let provider = require_member(conn, p.network_id, q.provider_id, "provider_id").await?;
    if provider.kind != "provider" && provider.kind != "facilitator" {
        return Err(AppError::invalid("provider_id", "proposals-not-provider"));
    }
    if !(doer.roles.steers() || doer.organisations.contains(&q.provider_id)) {
        return Err(AppError::Forbidden);
    }
    let status = status_of(p);
    if !matches!(status, ProposalStatus::Discussion | ProposalStatus::Quoted) {
        return Err(AppError::Conflict("proposals-wrong-status"));
    }
    let row = quote::ActiveModel {
        proposal_id: Set(p.id),
        provider_id: Set(q.provider_id),
        amount_cents: Set(q.amount_cents),
        vat_basis_points: Set(q.vat_basis_points),
        hours: Set(q.hours),
        valid_until: Set(q.valid_until),
        milestones: Set(serde_json::to_string(&q.milestones).unwrap_or_else(|_| "[]".into())),
        note: Set(q.note.trim().to_string()),
        created_by: Set(doer.person_id),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    add_event(
        conn,
        p.id,
        doer,
        EventInput {
            kind: "quote",
            from: None,
            to: None,
            reason: provider.name.clone(),
            poll_id: None,
        },
    )
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(p.network_id),
            actor: doer.audit_actor(),
            action: "quote.create",
            entity: "quote",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(&row),
    )
    .await?;
    if status == ProposalStatus::Discussion {
        // A quote is what makes a discussed proposal "quoted"; the provider adding it
        // is allowed to make that step (see the lifecycle table).
        transition(conn, doer, p, ProposalStatus::Quoted, "", None).await?;
    }
    Ok(row)
}

/// What a quote costs in total, VAT included, in cents (VAT rounded half up).
pub fn quote_total(q: &quote::Model) -> i64 {
    q.amount_cents + (q.amount_cents * q.vat_basis_points + 5_000) / 10_000
}

/// The facilitator selects a quote.
pub async fn select_quote<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    quote_id: i64,
) -> AppResult<proposal::Model> {
    if !doer.roles.steers() {
        return Err(AppError::Forbidden);
    }
    let q = quote::Entity::find_by_id(quote_id)
        .filter(quote::Column::ProposalId.eq(p.id))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::invalid("quote_id", "invalid-choice"))?;
    if !matches!(status_of(p), ProposalStatus::Discussion | ProposalStatus::Quoted) {
        return Err(AppError::Conflict("proposals-wrong-status"));
    }
    let mut active: proposal::ActiveModel = p.clone().into();
    active.selected_quote_id = Set(Some(q.id));
    active.updated_at = Set(db::now());
    let updated = active.update(conn).await?;
    add_event(
        conn,
        p.id,
        doer,
        EventInput {
            kind: "quote_selected",
            from: None,
            to: None,
            reason: q.id.to_string(),
            poll_id: None,
        },
    )
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(p.network_id),
            actor: doer.audit_actor(),
            action: "quote.select",
            entity: "proposal",
            entity_id: Some(p.id),
        },
        Some(&p.selected_quote_id),
        Some(&Some(q.id)),
    )
    .await?;
    Ok(updated)
}

// ---------------------------------------------------------------- campaigns

/// The body of `POST /api/v1/proposals/{id}/campaign` (and the terms of a poll's
/// `OpenFunding` effect).
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CampaignBody {
    /// The amount to share, in cents (or give `quote_id`).
    pub amount_cents: Option<i64>,
    /// Share the amount of this quote, VAT included (it becomes the selected quote).
    pub quote_id: Option<i64>,
    /// `{"kind":"equal"}`, `{"kind":"size"}`, `{"kind":"weights","weights":{"<org_id>":int}}` or
    /// `{"kind":"tiers","small":1,"medium":2,"large":3,"medium_from":500,"large_from":2000}`.
    #[schema(value_type = Object)]
    pub key: SharingKey,
    /// Fixed contributions, e.g. the facilitating cooperative covers 10 000 €.
    #[serde(default)]
    pub fixed: Vec<FixedBody>,
    /// RFC 3339; default 30 days from now.
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub deadline: Option<OffsetDateTime>,
    /// Default 1.
    pub min_participants: Option<i64>,
    /// How long after delivery late adopters pay a catch-up share; default 3.
    pub catch_up_years: Option<i64>,
}

/// A fixed contribution: an amount in cents, or a share of the total in basis points.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FixedBody {
    pub organisation_id: i64,
    pub amount_cents: Option<i64>,
    /// 3000 = "pays 30 % of the amount".
    pub basis_points: Option<u32>,
}

/// Opens the co-funding of a proposal (administrators, or a passed poll).
pub async fn open_campaign<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    body: &CampaignBody,
    poll_id: Option<i64>,
) -> AppResult<campaign::Model> {
    let status = status_of(p);
    let provider = selected_provider(conn, p).await?;
    lifecycle::check_transition(status, ProposalStatus::Funding, doer.life(p, provider)).map_err(transition_error)?;
    if campaign_of(conn, p.id).await?.is_some() {
        return Err(AppError::Conflict("proposals-campaign-exists"));
    }
    let (total, quote_id) = match (body.amount_cents, body.quote_id) {
        (Some(_), Some(_)) | (None, None) => {
            return Err(AppError::invalid("amount_cents", "proposals-amount-or-quote"));
        }
        (Some(a), None) => (a, None),
        (None, Some(qid)) => {
            let q = quote::Entity::find_by_id(qid)
                .filter(quote::Column::ProposalId.eq(p.id))
                .one(conn)
                .await?
                .ok_or_else(|| AppError::invalid("quote_id", "invalid-choice"))?;
            (quote_total(&q), Some(q.id))
        }
    };
    let mut fixed = Vec::with_capacity(body.fixed.len());
    for f in &body.fixed {
        let amount = match (f.amount_cents, f.basis_points) {
            (Some(c), None) => FixedAmount::Cents(Money::from_cents(c)),
            (None, Some(bp)) if bp <= 10_000 => FixedAmount::Percent { basis_points: bp },
            _ => return Err(AppError::invalid("fixed", "proposals-amount-or-percent")),
        };
        fixed.push(FixedContribution {
            organisation_id: f.organisation_id,
            amount,
        });
    }
    let terms = CampaignTerms {
        total: Money::from_cents(total),
        key: body.key.clone(),
        fixed,
    };
    intercoop_domain::sharing::validate_terms(&terms).map_err(|e| sharing_error(e, "organisation_id"))?;
    for f in &terms.fixed {
        require_member(conn, p.network_id, f.organisation_id, "fixed").await?;
    }
    let now = db::now();
    let deadline = body.deadline.unwrap_or(now + Duration::days(DEFAULT_CAMPAIGN_DAYS));
    if deadline <= now {
        return Err(AppError::invalid("deadline", "proposals-deadline-past"));
    }
    let min_participants = body.min_participants.unwrap_or(1);
    if !(1..=10_000).contains(&min_participants) {
        return Err(AppError::invalid("min_participants", "proposals-out-of-range"));
    }
    let catch_up_years = body.catch_up_years.unwrap_or(DEFAULT_CATCH_UP_YEARS);
    if !(0..=50).contains(&catch_up_years) {
        return Err(AppError::invalid("catch_up_years", "proposals-out-of-range"));
    }
    let p = match quote_id {
        Some(q) if p.selected_quote_id != Some(q) => select_quote(conn, &Doer::assembly(), p, q).await?,
        _ => p.clone(),
    };
    let row = campaign::ActiveModel {
        network_id: Set(p.network_id),
        proposal_id: Set(p.id),
        quote_id: Set(quote_id),
        amount_cents: Set(total),
        sharing_key: Set(serde_json::to_string(&terms.key).map_err(anyhow::Error::from)?),
        fixed: Set(serde_json::to_string(&terms.fixed).map_err(anyhow::Error::from)?),
        deadline: Set(truncate(deadline)),
        min_participants: Set(min_participants),
        catch_up_years: Set(catch_up_years),
        status: Set("open".into()),
        opened_at: Set(now),
        closed_at: Set(None),
        announced_at: Set(None),
        digest_due: Set(false),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(p.network_id),
            actor: doer.audit_actor(),
            action: "campaign.open",
            entity: "campaign",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(&row),
    )
    .await?;
    refresh_summary(conn, row.id).await?;
    transition(conn, doer, &p, ProposalStatus::Funding, "", poll_id).await?;
    Ok(row)
}

/// The campaign of a proposal, locked until the end of the transaction so that
/// pledges, withdrawals, closing and catch-ups never interleave.
///
/// BACKEND-SPECIFIC: PostgreSQL locks the row (`SELECT … FOR UPDATE`). On SQLite all
/// writes go through the single writer connection (see `db`), which already
/// serialises them, and SQLite has no row locks.
async fn campaign_locked<C: ConnectionTrait>(conn: &C, proposal_id: i64) -> AppResult<Option<campaign::Model>> {
    let mut q = campaign::Entity::find().filter(campaign::Column::ProposalId.eq(proposal_id));
    if conn.get_database_backend() == DatabaseBackend::Postgres {
        q = sea_orm::QuerySelect::lock_exclusive(q);
    }
    Ok(q.one(conn).await?)
}

/// The open campaign of a proposal, locked (see [`campaign_locked`]), or a 409.
async fn open_campaign_locked<C: ConnectionTrait>(conn: &C, p: &proposal::Model) -> AppResult<campaign::Model> {
    let c = campaign_locked(conn, p.id)
        .await?
        .ok_or(AppError::Conflict("proposals-no-campaign"))?;
    if c.status != "open" {
        return Err(AppError::Conflict("proposals-campaign-closed"));
    }
    Ok(c)
}

/// What joining would do: the newcomer's share and the others' before and after.
pub async fn preview<C: ConnectionTrait>(
    conn: &C,
    c: &campaign::Model,
    organisation_id: i64,
    cap: Option<i64>,
) -> AppResult<intercoop_domain::sharing::JoinPreview> {
    let org = organisation::Entity::find_by_id(organisation_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut parts = participants_of(conn, &[c.id]).await?;
    let (current, _) = parts.remove(&c.id).unwrap_or_default();
    let newcomer = Participant {
        organisation_id: org.id,
        size: org.size.and_then(|s| u64::try_from(s).ok()),
        cap: cap.map(Money::from_cents),
    };
    join_preview(c, &current, newcomer)
}

/// What `newcomer` joining `current` (the pledged participants) would do.
pub(super) fn join_preview(
    c: &campaign::Model,
    current: &[Participant],
    newcomer: Participant,
) -> AppResult<intercoop_domain::sharing::JoinPreview> {
    preview_join(&terms_of(c), current, &newcomer).map_err(|e| sharing_error(e, "organisation_id"))
}

/// What a pledge leaves: the new split, and each pledger's cap and name.
pub struct Pledged {
    pub shares: Shares,
    pub caps: BTreeMap<i64, Option<i64>>,
    pub names: BTreeMap<i64, String>,
}

/// A pledge, in the caller's transaction: the organisation joins the campaign,
/// optionally with a cap. See `pledging` (the page and the API commit pledges in
/// batches through `pledging::pledge_committed`).
pub async fn pledge<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    organisation_id: i64,
    cap_cents: Option<i64>,
) -> AppResult<Pledged> {
    let request = super::pledging::PledgeRequest::new(doer.clone(), p.network_id, p.id, organisation_id, cap_cents);
    let mut results = super::pledging::pledge_many(conn, std::slice::from_ref(&request)).await?;
    results.pop().expect("one result per request")
}

/// Whether a participant of `before` other than a newcomer or a leaver has another share
/// in `after` (what the daily digest reports).
pub(super) fn shares_moved(before: &Shares, after: &Shares) -> bool {
    before.participant_lines().any(|line| {
        after
            .amount_of(line.organisation_id)
            .is_some_and(|new| new != line.amount)
    })
}

pub(crate) fn participant_of_pledge(p: &pledge::Model) -> Participant {
    Participant {
        organisation_id: p.organisation_id,
        size: p.size.and_then(|s| u64::try_from(s).ok()),
        cap: p.cap_cents.map(Money::from_cents),
    }
}

/// Withdraws a pledge while the campaign is open.
pub async fn withdraw_pledge<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    organisation_id: i64,
) -> AppResult<Shares> {
    if !doer.speaks_for(organisation_id) {
        return Err(AppError::Forbidden);
    }
    let c = open_campaign_locked(conn, p).await?;
    let existing = pledge::Entity::find()
        .filter(pledge::Column::CampaignId.eq(c.id))
        .filter(pledge::Column::OrganisationId.eq(organisation_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let before = current_shares(conn, &c).await?;
    pledge::Entity::delete_by_id(existing.id).exec(conn).await?;
    let after = current_shares(conn, &c).await?;
    let pledges = sea_orm::PaginatorTrait::count(
        pledge::Entity::find()
            .filter(pledge::Column::CampaignId.eq(c.id))
            .filter(pledge::Column::Status.eq(PLEDGE_ACTIVE)),
        conn,
    )
    .await?;
    store_summary(conn, c.id, &after, pledges as usize, shares_moved(&before, &after)).await?;
    add_event(
        conn,
        p.id,
        doer,
        EventInput {
            kind: "pledge_withdrawn",
            from: None,
            to: None,
            reason: org_names(conn, &[organisation_id])
                .await?
                .remove(&organisation_id)
                .unwrap_or_default(),
            poll_id: None,
        },
    )
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(p.network_id),
            actor: doer.audit_actor(),
            action: "pledge.withdraw",
            entity: "pledge",
            entity_id: Some(existing.id),
        },
        Some(&existing),
        None::<&()>,
    )
    .await?;
    Ok(after)
}

async fn release<C: ConnectionTrait>(conn: &C, c: &campaign::Model, status: &str) -> AppResult<()> {
    pledge::Entity::update_many()
        .col_expr(pledge::Column::Status, Expr::val(PLEDGE_RELEASED))
        .filter(pledge::Column::CampaignId.eq(c.id))
        .exec(conn)
        .await?;
    campaign::Entity::update_many()
        .col_expr(campaign::Column::Status, Expr::val(status))
        .col_expr(campaign::Column::ClosedAt, Expr::val(Some(db::now())))
        .filter(campaign::Column::Id.eq(c.id))
        .exec(conn)
        .await?;
    refresh_summary(conn, c.id).await
}

/// How a campaign closed.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Closed {
    /// funded or lapsed
    pub status: String,
    pub total_cents: i64,
    pub covered_cents: i64,
    pub shortfall_cents: i64,
    pub participants: i64,
    pub min_participants: i64,
    /// One per participant when funded.
    pub payment_requests: Vec<PaymentRequestOut>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PaymentRequestOut {
    pub id: i64,
    pub organisation_id: i64,
    pub amount_cents: i64,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub due_at: OffsetDateTime,
    pub purpose: String,
    pub status: String,
}

impl From<payment_request::Model> for PaymentRequestOut {
    fn from(r: payment_request::Model) -> Self {
        PaymentRequestOut {
            id: r.id,
            organisation_id: r.organisation_id,
            amount_cents: r.amount_cents,
            due_at: r.due_at,
            purpose: r.purpose,
            status: r.status,
        }
    }
}

/// Closes a campaign: funded when fully covered with enough participants (one payment
/// request per participant, emailed), lapsed otherwise (pledges released, everyone told).
pub async fn close<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    base_url: &str,
) -> AppResult<Closed> {
    if !(doer.is_admin() || doer.system) {
        return Err(AppError::Forbidden);
    }
    let c = open_campaign_locked(conn, p).await?;
    // Read the proposal again under the lock: the caller's copy may predate the campaign.
    let p = &get(conn, p.network_id, p.id).await?;
    let shares = current_shares(conn, &c).await?;
    let participants = shares.participant_lines().count() as i64;
    let funded = shares.shortfall == Money::ZERO && participants >= c.min_participants;
    let mut requests = Vec::new();
    if funded {
        let now = db::now();
        let due = now + Duration::days(PAYMENT_DAYS);
        let rows: Vec<payment_request::ActiveModel> = shares
            .lines
            .iter()
            .filter(|l| l.amount.is_positive())
            .map(|line| payment_request::ActiveModel {
                network_id: Set(p.network_id),
                organisation_id: Set(line.organisation_id),
                campaign_id: Set(Some(c.id)),
                catch_up_id: Set(None),
                purpose: Set("co-funding".into()),
                amount_cents: Set(line.amount.cents()),
                due_at: Set(due),
                status: Set("open".into()),
                created_at: Set(now),
                ..Default::default()
            })
            .collect();
        if !rows.is_empty() {
            // One multi-row insert; RETURNING gives no order, the ids do.
            requests = payment_request::Entity::insert_many(rows)
                .exec_with_returning(conn)
                .await?;
            requests.sort_by_key(|r| r.id);
        }
        campaign::Entity::update_many()
            .col_expr(campaign::Column::Status, Expr::val("funded"))
            .col_expr(campaign::Column::ClosedAt, Expr::val(Some(now)))
            .filter(campaign::Column::Id.eq(c.id))
            .exec(conn)
            .await?;
        transition(conn, doer, p, ProposalStatus::Funded, "", None).await?;
        notify::funded(conn, p, &shares, &requests, base_url).await?;
    } else {
        release(conn, &c, "lapsed").await?;
        let reason = if shares.shortfall.is_positive() {
            "shortfall"
        } else {
            "too_few_participants"
        };
        transition(conn, doer, p, ProposalStatus::Lapsed, reason, None).await?;
        notify::lapsed(conn, p, &shares, base_url).await?;
    }
    audit::record(
        conn,
        Change {
            network_id: Some(p.network_id),
            actor: doer.audit_actor(),
            action: "campaign.close",
            entity: "campaign",
            entity_id: Some(c.id),
        },
        Some(&c),
        Some(&serde_json::json!({"status": if funded { "funded" } else { "lapsed" }})),
    )
    .await?;
    Ok(Closed {
        status: if funded { "funded" } else { "lapsed" }.into(),
        total_cents: shares.total.cents(),
        covered_cents: shares.covered.cents(),
        shortfall_cents: shares.shortfall.cents(),
        participants,
        min_participants: c.min_participants,
        payment_requests: requests.into_iter().map(Into::into).collect(),
    })
}

/// The provider delivered: funded → in progress → delivered (or in progress → delivered).
pub async fn deliver<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    reason: &str,
) -> AppResult<proposal::Model> {
    let mut p = p.clone();
    if status_of(&p) == ProposalStatus::Funded {
        p = transition(conn, doer, &p, ProposalStatus::InProgress, "", None).await?;
    }
    transition(conn, doer, &p, ProposalStatus::Delivered, reason, None).await
}

/// A late adopter's catch-up share and the credits it gives the earlier funders.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Adoption {
    pub id: i64,
    pub organisation_id: i64,
    /// What the adopter pays: its share had it been in from the start.
    pub amount_cents: i64,
    pub payment_request_id: i64,
    /// Credited back to the earlier funders; they sum exactly to `amount_cents`.
    pub credits: Vec<CreditOut>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CreditOut {
    pub organisation_id: i64,
    pub amount_cents: i64,
}

pub async fn adopt<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    organisation_id: i64,
    base_url: &str,
) -> AppResult<Adoption> {
    let org = require_member(conn, p.network_id, organisation_id, "organisation_id").await?;
    if !doer.speaks_for(organisation_id) {
        return Err(AppError::Forbidden);
    }
    if status_of(p) != ProposalStatus::Delivered {
        return Err(AppError::Conflict("proposals-not-delivered"));
    }
    let c = campaign_locked(conn, p.id)
        .await?
        .filter(|c| c.status == "funded")
        .ok_or(AppError::Conflict("proposals-not-delivered"))?;
    let delivered = p.delivered_at.unwrap_or(p.updated_at);
    if db::now() > delivered + Duration::days(365 * c.catch_up_years) {
        return Err(AppError::Conflict("proposals-window-closed"));
    }
    let terms = terms_of(&c);
    let mut parts = participants_of(conn, &[c.id]).await?;
    let (mut funders, adopters) = parts.remove(&c.id).unwrap_or_default();
    funders.extend(adopters);
    if funders.iter().any(|f| f.organisation_id == organisation_id) {
        return Err(AppError::Conflict("proposals-already-funder"));
    }
    // What each funder has paid net of earlier credits is its share of the current
    // split: every catch-up leaves everyone exactly at its recomputed share.
    let paid: BTreeMap<i64, Money> = compute_shares(&terms, &funders)
        .map_err(|e| sharing_error(e, "organisation_id"))?
        .participant_lines()
        .map(|l| (l.organisation_id, l.amount))
        .collect();
    let adopter = Participant {
        organisation_id,
        size: org.size.and_then(|s| u64::try_from(s).ok()),
        cap: None,
    };
    let result = catch_up(&terms, &funders, &paid, &adopter).map_err(|e| match e {
        CatchUpError::Sharing(s) => sharing_error(s, "organisation_id"),
        CatchUpError::FixedContributor { .. } => AppError::invalid("organisation_id", "proposals-fixed-participant"),
        CatchUpError::AlreadyFunder { .. } => AppError::Conflict("proposals-already-funder"),
        other => AppError::Internal(anyhow::anyhow!(other)),
    })?;
    let now = db::now();
    let row = catch_up::ActiveModel {
        campaign_id: Set(c.id),
        organisation_id: Set(organisation_id),
        size: Set(org.size),
        amount_cents: Set(result.adopter_share.cents()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    let mut credits = Vec::new();
    for cr in result.credits.iter().filter(|c| c.amount.is_positive()) {
        credit::ActiveModel {
            catch_up_id: Set(row.id),
            organisation_id: Set(cr.organisation_id),
            amount_cents: Set(cr.amount.cents()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        credits.push(CreditOut {
            organisation_id: cr.organisation_id,
            amount_cents: cr.amount.cents(),
        });
    }
    let request = payment_request::ActiveModel {
        network_id: Set(p.network_id),
        organisation_id: Set(organisation_id),
        campaign_id: Set(Some(c.id)),
        catch_up_id: Set(Some(row.id)),
        purpose: Set("catch-up".into()),
        amount_cents: Set(result.adopter_share.cents()),
        due_at: Set(now + Duration::days(PAYMENT_DAYS)),
        status: Set("open".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    add_event(
        conn,
        p.id,
        doer,
        EventInput {
            kind: "adopted",
            from: None,
            to: None,
            reason: org.name.clone(),
            poll_id: None,
        },
    )
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(p.network_id),
            actor: doer.audit_actor(),
            action: "catch_up.create",
            entity: "catch_up",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(&serde_json::json!({"catch_up": row, "credits": credits.iter().map(|c| (c.organisation_id, c.amount_cents)).collect::<Vec<_>>()})),
    )
    .await?;
    refresh_summary(conn, c.id).await?;
    notify::adopted(conn, p, &row, &request, &credits, base_url).await?;
    Ok(Adoption {
        id: row.id,
        organisation_id,
        amount_cents: row.amount_cents,
        payment_request_id: request.id,
        credits,
    })
}

// ---------------------------------------------------------------- polls

/// Records the network's priority order: rank 1 first; proposals not listed lose
/// their rank.
pub async fn set_priority<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    poll_id: i64,
    method: &str,
    ordered: &[i64],
) -> AppResult<()> {
    let unique: BTreeSet<i64> = ordered.iter().copied().collect();
    if unique.len() != ordered.len() {
        return Err(AppError::invalid("proposals", "proposals-duplicate"));
    }
    let known = proposal::Entity::find()
        .filter(proposal::Column::NetworkId.eq(network_id))
        .filter(proposal::Column::Id.is_in(ordered.to_vec()))
        .all(conn)
        .await?;
    if known.len() != ordered.len() {
        return Err(AppError::NotFound);
    }
    let method = method.trim();
    if method.is_empty() || method.len() > 40 {
        return Err(AppError::invalid("method", "required"));
    }
    let now = db::now();
    proposal::Entity::update_many()
        .col_expr(proposal::Column::PriorityRank, Expr::val(None::<i64>))
        .filter(proposal::Column::NetworkId.eq(network_id))
        .exec(conn)
        .await?;
    for (i, id) in ordered.iter().enumerate() {
        proposal::Entity::update_many()
            .col_expr(proposal::Column::PriorityRank, Expr::val(i as i64 + 1))
            .col_expr(proposal::Column::PriorityPollId, Expr::val(poll_id))
            .col_expr(proposal::Column::PriorityMethod, Expr::val(method))
            .col_expr(proposal::Column::PriorityAt, Expr::val(now))
            .filter(proposal::Column::Id.eq(*id))
            .exec(conn)
            .await?;
        add_event(
            conn,
            *id,
            &Doer::assembly(),
            EventInput {
                kind: "priority",
                from: None,
                to: None,
                reason: format!("{}", i + 1),
                poll_id: Some(poll_id),
            },
        )
        .await?;
    }
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor: audit::Actor::SYSTEM,
            action: "proposal.priority",
            entity: "poll",
            entity_id: Some(poll_id),
        },
        None::<&()>,
        Some(&serde_json::json!({"method": method, "order": ordered})),
    )
    .await?;
    Ok(())
}

/// Truncated to the microsecond, so that both backends store it exactly.
fn truncate(at: OffsetDateTime) -> OffsetDateTime {
    at.replace_nanosecond(at.nanosecond() / 1000 * 1000).unwrap_or(at)
}
