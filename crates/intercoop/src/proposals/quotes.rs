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

/// A quote as the API and the page ask for it, before [`add_quote`] checks it.
#[derive(Debug, Clone)]
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

// ---------------------------------------------------------------- the quote form

/// How many milestone rows the quote form reads (and shows at most).
pub const MAX_MILESTONE_ROWS: usize = 12;

/// A quote as typed in the page's form: amounts in units ("1 200,50"), VAT in percent
/// ("21", "5,5"), the validity a day picked in the network's time zone, milestones in
/// numbered rows (`milestone_title_1`, `milestone_amount_1`…). Read into the
/// [`QuoteInput`] the API builds from its body, checked by the same [`add_quote`];
/// errors name the API's fields (`amount_cents`, `vat_basis_points`…).
#[derive(Debug, Clone, Default)]
pub struct QuoteForm {
    pub provider_id: String,
    pub amount: String,
    pub vat_percent: String,
    pub hours: String,
    pub valid_until: String,
    pub note: String,
    /// (title, amount) per row, as typed; empty rows included.
    pub milestones: Vec<(String, String)>,
}

impl QuoteForm {
    /// The form's fields as posted.
    pub fn from_fields(fields: &std::collections::HashMap<String, String>) -> QuoteForm {
        let get = |k: &str| fields.get(k).cloned().unwrap_or_default();
        QuoteForm {
            provider_id: get("provider_id"),
            amount: get("amount"),
            vat_percent: get("vat_percent"),
            hours: get("hours"),
            valid_until: get("valid_until"),
            note: get("note"),
            milestones: (1..=MAX_MILESTONE_ROWS)
                .map(|i| {
                    (
                        get(&format!("milestone_title_{i}")),
                        get(&format!("milestone_amount_{i}")),
                    )
                })
                .collect(),
        }
    }

    /// The rows the form shows: those typed and one more, at least six.
    pub fn rows(&self) -> Vec<(usize, String, String)> {
        let typed = self
            .milestones
            .iter()
            .rposition(|(t, a)| !t.trim().is_empty() || !a.trim().is_empty())
            .map_or(0, |i| i + 1);
        let shown = (typed + 1).clamp(6, MAX_MILESTONE_ROWS);
        (0..shown)
            .map(|i| {
                let (t, a) = self.milestones.get(i).cloned().unwrap_or_default();
                (i + 1, t, a)
            })
            .collect()
    }

    /// The form read as the API's quote; what cannot be read is an error on the API's
    /// field.
    pub fn read(&self, time_zone: &str) -> Result<QuoteInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let provider_id = self.provider_id.trim().parse().unwrap_or_else(|_| {
            errors.add("provider_id", "required");
            0
        });
        let amount_cents = match Money::parse_units(&self.amount) {
            Ok(m) => m.cents(),
            Err(_) if self.amount.trim().is_empty() => {
                errors.add("amount_cents", "required");
                0
            }
            Err(_) => {
                errors.add("amount_cents", "amount-units");
                0
            }
        };
        // A percentage with at most two decimals is a number of basis points, read as
        // an amount in units is a number of cents: "5,5" → 550.
        let vat_basis_points = match self.vat_percent.trim() {
            "" => 0,
            s => Money::parse_units(s.trim_end_matches('%'))
                .map(|m| m.cents())
                .unwrap_or_else(|_| {
                    errors.add("vat_basis_points", "percent-units");
                    0
                }),
        };
        let hours = match self.hours.trim() {
            "" => None,
            s => s.parse().map(Some).unwrap_or_else(|_| {
                errors.add("hours", "whole-number");
                None
            }),
        };
        let valid_until = match self.valid_until.trim() {
            "" => None,
            s => crate::web::picked::end_of_day(s, time_zone)
                .map(Some)
                .unwrap_or_else(|| {
                    errors.add("valid_until", "picked-date");
                    None
                }),
        };
        let mut milestones = Vec::new();
        for (title, amount) in &self.milestones {
            if title.trim().is_empty() && amount.trim().is_empty() {
                continue;
            }
            match Money::parse_units(amount) {
                Ok(m) => milestones.push(Milestone {
                    title: title.trim().to_string(),
                    amount_cents: m.cents(),
                }),
                Err(_) => errors.add("milestones", "amount-units"),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(QuoteInput {
            provider_id,
            amount_cents,
            vat_basis_points,
            hours,
            valid_until,
            milestones,
            note: self.note.clone(),
        })
    }
}

#[cfg(test)]
mod form_tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> std::collections::HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_typed_quote_reads_as_the_apis() {
        let form = QuoteForm::from_fields(&fields(&[
            ("provider_id", "7"),
            ("amount", "1 200,50"),
            ("vat_percent", "5,5"),
            ("hours", "12"),
            ("valid_until", "2026-12-20"),
            ("milestone_title_1", "Design"),
            ("milestone_amount_1", "200,50"),
            ("milestone_title_2", "Code"),
            ("milestone_amount_2", "1000"),
        ]));
        let q = form.read("Europe/Brussels").unwrap();
        assert_eq!((q.provider_id, q.amount_cents, q.vat_basis_points), (7, 120_050, 550));
        assert_eq!(q.hours, Some(12));
        assert_eq!(q.valid_until.unwrap().to_string(), "2026-12-20 22:59:59.0 +00:00:00");
        assert_eq!(q.milestones.len(), 2);
        assert_eq!(form.rows().len(), 6);
    }

    #[test]
    fn what_cannot_be_read_is_said_on_the_apis_field() {
        let form = QuoteForm::from_fields(&fields(&[
            ("provider_id", "7"),
            ("amount", "twelve"),
            ("vat_percent", "lots"),
            ("milestone_title_1", "Design"),
            ("milestone_amount_1", "x"),
        ]));
        let errors = form.read("Europe/Brussels").unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["amount_cents", "vat_basis_points", "milestones"]);
    }
}
