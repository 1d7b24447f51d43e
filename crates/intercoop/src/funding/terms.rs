//! The terms of a co-funding campaign as asked (`CampaignBody`), as stored, and as the
//! sharing domain reads them; and the sharing domain's refusals as field errors.

use super::entities::campaign;
use crate::error::AppError;
use intercoop_domain::Money;
use intercoop_domain::sharing::{CampaignTerms, SharingError, SharingKey};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// How long a campaign stays open when no deadline is given.
pub const DEFAULT_CAMPAIGN_DAYS: i64 = 30;
/// The default window for catch-up shares, in years.
pub const DEFAULT_CATCH_UP_YEARS: i64 = 3;

pub fn terms_of(c: &campaign::Model) -> CampaignTerms {
    CampaignTerms {
        total: Money::from_cents(c.amount_cents),
        key: c.sharing_key.0.clone(),
        fixed: c.fixed.0.clone(),
    }
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
