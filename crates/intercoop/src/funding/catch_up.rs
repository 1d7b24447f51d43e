//! Catch-up shares: a late adopter pays its share had it been in from the start, and
//! that amount is credited back to the earlier funders (against free riders).

use super::campaign::participants_of;
use super::entities::{campaign, catch_up};
use super::summaries::refresh_summary;
use super::terms::{sharing_error, terms_of};
use crate::access::Doer;
use crate::audit::{self, Change};
use crate::db;
use crate::entities::{network, organisation};
use crate::error::{AppError, AppResult};
use crate::money::entities::{credit, payment_request};
use intercoop_domain::Money;
use intercoop_domain::catchup::{CatchUpError, catch_up, window_open};
use intercoop_domain::sharing::{Participant, compute_shares};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use serde::Serialize;
use std::collections::BTreeMap;
use time::OffsetDateTime;

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

/// What adopting stored.
pub struct Adopted {
    pub adoption: Adoption,
    pub catch_up: catch_up::Model,
    pub request: payment_request::Model,
}

/// A late adopter's catch-up share of a funded campaign (the caller holds it locked),
/// the credits it gives the earlier funders and its payment request, within the
/// campaign's catch-up window after `delivered_at` (see [`check_window`]).
pub async fn adopt<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    c: &campaign::Model,
    org: &organisation::Model,
    delivered_at: OffsetDateTime,
) -> AppResult<Adopted> {
    let organisation_id = org.id;
    let (size, result) = compute(conn, c, organisation_id, delivered_at).await?;
    let now = db::now();
    let row = catch_up::ActiveModel {
        campaign_id: Set(c.id),
        organisation_id: Set(organisation_id),
        size: Set(size),
        amount_cents: Set(result.adopter_share.cents()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    let mut credits = Vec::new();
    let mut posted = Vec::new();
    for cr in result.credits.iter().filter(|c| c.amount.is_positive()) {
        let made = credit::ActiveModel {
            catch_up_id: Set(row.id),
            organisation_id: Set(cr.organisation_id),
            amount_cents: Set(cr.amount.cents()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        posted.push((made.id, cr.organisation_id, cr.amount));
        credits.push(CreditOut {
            organisation_id: cr.organisation_id,
            amount_cents: cr.amount.cents(),
        });
    }
    crate::money::requests::credits_given(conn, c.network_id, c.id, &posted).await?;
    let request = crate::money::requests::for_catch_up(
        conn,
        c.network_id,
        organisation_id,
        c.id,
        row.id,
        result.adopter_share.cents(),
    )
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(c.network_id),
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
    Ok(Adopted {
        adoption: Adoption {
            id: row.id,
            organisation_id,
            amount_cents: row.amount_cents,
            payment_request_id: request.id,
            credits,
        },
        catch_up: row,
        request,
    })
}

/// What adopting would cost `organisation_id` now, written nowhere (the page shows it
/// before the adopter confirms): its catch-up share, and how many earlier funders it
/// credits. The same refusals as [`adopt`] (window closed, already a funder…).
pub async fn preview<C: ConnectionTrait>(
    conn: &C,
    c: &campaign::Model,
    organisation_id: i64,
    delivered_at: OffsetDateTime,
) -> AppResult<(Money, usize)> {
    let (_, result) = compute(conn, c, organisation_id, delivered_at).await?;
    let credited = result.credits.iter().filter(|c| c.amount.is_positive()).count();
    Ok((result.adopter_share, credited))
}

/// The catch-up of `organisation_id` on a funded campaign, computed from the stored
/// pledges and earlier catch-ups: its size where the network counts it, and the
/// domain's split (`intercoop_domain::catchup::catch_up`).
async fn compute<C: ConnectionTrait>(
    conn: &C,
    c: &campaign::Model,
    organisation_id: i64,
    delivered_at: OffsetDateTime,
) -> AppResult<(Option<i64>, intercoop_domain::catchup::CatchUp)> {
    let size = crate::organisations::data::size_in(conn, c.network_id, organisation_id).await?;
    check_window(conn, c, delivered_at).await?;
    let terms = terms_of(c);
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
        size: size.and_then(|s| u64::try_from(s).ok()),
        cap: None,
    };
    let result = catch_up(&terms, &funders, &paid, &adopter).map_err(|e| match e {
        CatchUpError::Sharing(s) => sharing_error(s, "organisation_id"),
        CatchUpError::FixedContributor { .. } => AppError::invalid("organisation_id", "proposals-fixed-participant"),
        CatchUpError::AlreadyFunder { .. } => AppError::Conflict("proposals-already-funder"),
        other => AppError::Internal(anyhow::anyhow!(other)),
    })?;
    Ok((size, result))
}

/// Refuses (409 `proposals-window-closed`) an adoption after the campaign's catch-up
/// window: `catch_up_years` calendar years after delivery in the network's time zone,
/// the end included (`intercoop_domain::catchup::window_end`), at the instant of the
/// write.
async fn check_window<C: ConnectionTrait>(
    conn: &C,
    c: &campaign::Model,
    delivered_at: OffsetDateTime,
) -> AppResult<()> {
    let zone = network::Entity::find_by_id(c.network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?
        .time_zone;
    let tz = jiff::tz::TimeZone::get(&zone)
        .map_err(|e| anyhow::anyhow!("network {}: time zone {zone:?}: {e}", c.network_id))?;
    let instant = |t: OffsetDateTime| {
        crate::clock::to_timestamp(t).ok_or_else(|| anyhow::anyhow!("{t} is out of the calendar's range"))
    };
    let open = window_open(instant(db::now())?, instant(delivered_at)?, c.catch_up_years, &tz)
        .map_err(|e| anyhow::anyhow!("campaign {}: {e}", c.id))?;
    if open {
        Ok(())
    } else {
        Err(AppError::Conflict("proposals-window-closed"))
    }
}
