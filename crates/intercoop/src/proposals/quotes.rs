//! Quotes by providers, and the selection of one.

use super::data::status_of;
use super::entities::{proposal, quote};
use super::lifecycle::move_to;
use crate::access::Doer;
use crate::audit::{self, Change};
use crate::db;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::organisations::data::require_member;
use crate::timeline::{EventInput, TimelineKind, add_event};
use intercoop_domain::lifecycle::ProposalStatus;
use intercoop_domain::money::{Money, MoneyError};
use intercoop_domain::organisation::OrgKind;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

// ---------------------------------------------------------------- quotes

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
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
    } else if q.amount_cents > 0 && total_with_vat(q.amount_cents, q.vat_basis_points).is_err() {
        // The total is what a campaign opened from this quote shares: refused now, so
        // that no stored quote has a total out of range.
        errors.add("amount_cents", "proposals-out-of-range");
    }
    if q.hours.is_some_and(|h| h < 0) {
        errors.add("hours", "proposals-out-of-range");
    }
    // A milestone's title is a line like a name (NFC, nothing invisible).
    let milestones: Vec<Milestone> = q
        .milestones
        .iter()
        .map(|m| Milestone {
            title: intercoop_domain::text::line(&m.title, 200).unwrap_or_default(),
            amount_cents: m.amount_cents,
        })
        .collect();
    let title_refused = q
        .milestones
        .iter()
        .find_map(|m| match intercoop_domain::text::line(&m.title, 200) {
            Err(intercoop_domain::text::TextError::Empty) | Ok(_) => None,
            Err(e) => Some(e),
        });
    if q.milestones
        .iter()
        .any(|m| m.amount_cents <= 0 || m.title.trim().is_empty())
    {
        errors.add("milestones", "proposals-positive-amount");
    } else if let Some(e) = title_refused {
        errors.add("milestones", crate::error::text_error_code(e));
    } else if !q.milestones.is_empty()
        && Money::checked_sum(q.milestones.iter().map(|m| Money::from_cents(m.amount_cents)))
            != Ok(Money::from_cents(q.amount_cents))
    {
        // Checked: milestones whose sum overflows do not sum to the amount (a wrapped
        // sum could have matched it).
        errors.add("milestones", "proposals-milestones-sum");
    }
    errors.into_result()?;
    // Who asks before what is asked: the staff of a provider that left the network may
    // no longer quote in its name (403), before the provider itself is checked (422).
    crate::access::require(super::policy::add_quote(doer, q.provider_id))?;
    let provider = require_member(conn, p.network_id, q.provider_id, "provider_id").await?;
    if !matches!(provider.kind.0, OrgKind::Provider | OrgKind::Facilitator) {
        return Err(AppError::invalid("provider_id", "proposals-not-provider"));
    }
    let status = status_of(p);
    if !quotes_open(status) {
        return Err(AppError::Conflict("proposals-wrong-status"));
    }
    let row = quote::ActiveModel {
        proposal_id: Set(p.id),
        provider_id: Set(q.provider_id),
        amount_cents: Set(q.amount_cents),
        vat_basis_points: Set(q.vat_basis_points),
        hours: Set(q.hours),
        valid_until: Set(q.valid_until),
        milestones: Set(crate::db::types::Json(milestones)),
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
            kind: TimelineKind::Quote,
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
        move_to(conn, doer, p, ProposalStatus::Quoted, "", None).await?;
    }
    Ok(row)
}

/// Quotes may be added and selected while the proposal is discussed or quoted.
pub fn quotes_open(status: ProposalStatus) -> bool {
    matches!(status, ProposalStatus::Discussion | ProposalStatus::Quoted)
}

/// What a quote costs in total, VAT included ([`Money::with_vat`]: rounded half up,
/// checked). An error when out of range: such a quote is refused when it is added
/// ([`add_quote`]), so only a quote stored before totals were checked can have one.
pub fn quote_total(q: &quote::Model) -> Result<Money, MoneyError> {
    total_with_vat(q.amount_cents, q.vat_basis_points)
}

/// `amount_cents` with VAT at `vat_basis_points` (2100 = 21 %); a rate that is not a
/// `u32` is out of range too.
fn total_with_vat(amount_cents: i64, vat_basis_points: i64) -> Result<Money, MoneyError> {
    let basis_points = u32::try_from(vat_basis_points).map_err(|_| MoneyError::Overflow)?;
    Money::from_cents(amount_cents).with_vat(basis_points)
}

/// The facilitator selects a quote.
pub async fn select_quote<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    quote_id: i64,
) -> AppResult<proposal::Model> {
    crate::access::require(super::policy::select_quote(doer))?;
    let q = quote::Entity::find_by_id(quote_id)
        .filter(quote::Column::ProposalId.eq(p.id))
        .one(conn)
        .await?
        .ok_or_else(|| AppError::invalid("quote_id", "invalid-choice"))?;
    if !quotes_open(status_of(p)) {
        return Err(AppError::Conflict("proposals-wrong-status"));
    }
    // Conditional on the statuses checked above, as a move is (`lifecycle::transition`):
    // a proposal that moved on meanwhile (withdrawn, in funding) keeps its quote (409).
    let now = db::now();
    let selected = proposal::Entity::update_many()
        .col_expr(proposal::Column::SelectedQuoteId, Expr::val(Some(q.id)))
        .col_expr(proposal::Column::UpdatedAt, Expr::val(now))
        .filter(proposal::Column::Id.eq(p.id))
        .filter(proposal::Column::Status.is_in([ProposalStatus::Discussion.as_str(), ProposalStatus::Quoted.as_str()]))
        .exec(conn)
        .await?;
    if selected.rows_affected != 1 {
        return Err(AppError::Conflict("changed-meanwhile"));
    }
    let mut updated = p.clone();
    updated.selected_quote_id = Some(q.id);
    updated.updated_at = now;
    add_event(
        conn,
        p.id,
        doer,
        EventInput {
            kind: TimelineKind::QuoteSelected,
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
