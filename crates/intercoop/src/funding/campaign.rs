//! A proposal's co-funding campaign: opening it, reading it (locked for a change), its
//! participants and current split, and what joining would do.

use super::entities::{campaign, catch_up, pledge};
use super::summaries::refresh_summary;
use super::terms::{CampaignBody, DEFAULT_CAMPAIGN_DAYS, DEFAULT_CATCH_UP_YEARS, sharing_error, terms_of};
use crate::access::Doer;
use crate::audit::{self, Change};
use crate::db;
use crate::db::types::Json;
use crate::entities::organisation;
use crate::error::{AppError, AppResult};
use crate::organisations::data::require_member;
use intercoop_domain::Money;
use intercoop_domain::funding::{CampaignStatus, PledgeStatus};
use intercoop_domain::sharing::{
    CampaignTerms, FixedAmount, FixedContribution, Participant, Shares, compute_shares, preview_join,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::BTreeMap;
use time::{Duration, OffsetDateTime};

pub async fn of<C: ConnectionTrait>(conn: &C, proposal_id: i64) -> AppResult<Option<campaign::Model>> {
    Ok(campaign::Entity::find()
        .filter(campaign::Column::ProposalId.eq(proposal_id))
        .one(conn)
        .await?)
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
        .filter(pledge::Column::Status.eq(PledgeStatus::Active.as_str()))
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

/// A campaign read with [`locked`]: held until the end of the transaction. What closes
/// a campaign or releases its pledges (`closing`) takes one, so that it cannot be
/// called on a campaign read without the lock.
#[derive(Debug)]
pub struct Locked(campaign::Model);

impl std::ops::Deref for Locked {
    type Target = campaign::Model;
    fn deref(&self) -> &campaign::Model {
        &self.0
    }
}

/// The campaign of a proposal, locked until the end of the transaction so that
/// pledges, withdrawals, closing and catch-ups never interleave.
///
/// BACKEND-SPECIFIC: PostgreSQL locks the row (`SELECT … FOR UPDATE`). On SQLite all
/// writes go through the single writer connection (see `db`), which already
/// serialises them, and SQLite has no row locks.
pub async fn locked<C: ConnectionTrait>(conn: &C, proposal_id: i64) -> AppResult<Option<Locked>> {
    let mut q = campaign::Entity::find().filter(campaign::Column::ProposalId.eq(proposal_id));
    if conn.get_database_backend() == DatabaseBackend::Postgres {
        q = sea_orm::QuerySelect::lock_exclusive(q);
    }
    Ok(q.one(conn).await?.map(Locked))
}

/// The open campaign of a proposal, locked (see [`locked`]), or a 409.
pub async fn open_locked<C: ConnectionTrait>(conn: &C, proposal_id: i64) -> AppResult<Locked> {
    let c = locked(conn, proposal_id)
        .await?
        .ok_or(AppError::Conflict("proposals-no-campaign"))?;
    if c.status != CampaignStatus::Open {
        return Err(AppError::Conflict("proposals-campaign-closed"));
    }
    Ok(c)
}

/// Whether a campaign still takes pledges and withdrawals at `now`: open, and before its
/// deadline. The deadline holds at its instant (409 `proposals-campaign-closed`), whether
/// or not the closing job has run yet: the job only tidies.
pub fn takes_pledges(c: &campaign::Model, now: time::OffsetDateTime) -> AppResult<()> {
    if c.status != CampaignStatus::Open || now >= c.deadline {
        return Err(AppError::Conflict("proposals-campaign-closed"));
    }
    Ok(())
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
    let size = crate::organisations::data::size_in(conn, c.network_id, org.id).await?;
    let mut parts = participants_of(conn, &[c.id]).await?;
    let (current, _) = parts.remove(&c.id).unwrap_or_default();
    let newcomer = Participant {
        organisation_id: org.id,
        size: size.and_then(|s| u64::try_from(s).ok()),
        cap: cap.map(Money::from_cents),
    };
    join_preview(c, &current, newcomer)
}

/// What `newcomer` joining `current` (the pledged participants) would do.
pub fn join_preview(
    c: &campaign::Model,
    current: &[Participant],
    newcomer: Participant,
) -> AppResult<intercoop_domain::sharing::JoinPreview> {
    preview_join(&terms_of(c), current, &newcomer).map_err(|e| sharing_error(e, "organisation_id"))
}

/// Whether a participant of `before` other than a newcomer or a leaver has another share
/// in `after` (what the daily digest reports).
pub fn shares_moved(before: &Shares, after: &Shares) -> bool {
    before.participant_lines().any(|line| {
        after
            .amount_of(line.organisation_id)
            .is_some_and(|new| new != line.amount)
    })
}

pub fn participant_of_pledge(p: &pledge::Model) -> Participant {
    Participant {
        organisation_id: p.organisation_id,
        size: p.size.and_then(|s| u64::try_from(s).ok()),
        cap: p.cap_cents.map(Money::from_cents),
    }
}

/// A campaign's terms that passed validation, ready to be stored.
pub struct ValidCampaign {
    /// The part shared among the pledgers: the cost, less what a reserve covers.
    pub terms: CampaignTerms,
    /// The reserve drawn on first and the part of the cost it covers.
    pub reserve: Option<(i64, Money)>,
    pub deadline: OffsetDateTime,
    pub min_participants: i64,
    pub catch_up_years: i64,
}

/// Validates the terms of a campaign costing `total` cents in a network: the reserve
/// drawn on first, if any (what it has available covers the cost first: the rest is
/// what the terms share, `money::reserves::draw_for`), the fixed contributions (amount
/// or share of the part shared, by member organisations), the sharing key, the
/// deadline (in the future), the minimum of participants and the catch-up window.
pub async fn validate<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    body: &CampaignBody,
    total: i64,
) -> AppResult<ValidCampaign> {
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
    let (reserve, total) = match body.reserve_id {
        Some(id) if total > 0 => {
            let d = crate::money::reserves::draw_for(conn, network_id, id, total, "reserve_id").await?;
            (Some((id, d.from_reserve)), d.to_share.cents())
        }
        _ => (None, total),
    };
    let terms = CampaignTerms {
        total: Money::from_cents(total),
        key: body.key.clone(),
        fixed,
    };
    intercoop_domain::sharing::validate_terms(&terms).map_err(|e| sharing_error(e, "organisation_id"))?;
    for f in &terms.fixed {
        require_member(conn, network_id, f.organisation_id, "fixed").await?;
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
    Ok(ValidCampaign {
        terms,
        reserve,
        deadline,
        min_participants,
        catch_up_years,
    })
}

/// Stores an open campaign for a proposal, with its audit entry and list summary.
pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    network_id: i64,
    proposal_id: i64,
    quote_id: Option<i64>,
    v: &ValidCampaign,
) -> AppResult<campaign::Model> {
    let now = db::now();
    let row = campaign::ActiveModel {
        network_id: Set(network_id),
        proposal_id: Set(proposal_id),
        quote_id: Set(quote_id),
        amount_cents: Set(v.terms.total.cents()),
        sharing_key: Set(Json(v.terms.key.clone())),
        fixed: Set(Json(v.terms.fixed.clone())),
        deadline: Set(crate::clock::truncate(v.deadline)),
        min_participants: Set(v.min_participants),
        catch_up_years: Set(v.catch_up_years),
        status: Set(CampaignStatus::Open.into()),
        opened_at: Set(now),
        closed_at: Set(None),
        announced_at: Set(None),
        digest_due: Set(false),
        reserve_id: Set(v.reserve.map(|r| r.0)),
        reserve_cents: Set(v.reserve.map(|r| r.1.cents()).unwrap_or(0)),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
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
    super::notifications::opened(conn, &row).await?;
    Ok(row)
}
