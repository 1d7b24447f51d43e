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
    /// The cost to share, in cents (or give `quote_id`); with `reserve_id`, the reserve
    /// covers it first and the rest is shared.
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
    /// A reserve of a shared recurring cost to draw on first: what it has available
    /// covers the amount first, and only the rest is shared among the pledgers.
    #[serde(default)]
    pub reserve_id: Option<i64>,
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

// ---------------------------------------------------------------- the page's form

/// How many fixed-contribution rows the campaign form reads (and shows at most).
pub const MAX_FIXED_ROWS: usize = 10;

/// The sharing keys the campaign form offers, in its order.
pub const KEYS: [&str; 4] = ["equal", "size", "weights", "tiers"];

/// A whole number typed (none when empty; an error `whole-number` on `field` otherwise).
fn whole(errors: &mut crate::error::FieldErrors, field: &str, raw: &str) -> Option<u64> {
    match raw.trim() {
        "" => None,
        s => s.parse().map(Some).unwrap_or_else(|_| {
            errors.add(field, "whole-number");
            None
        }),
    }
}

/// A fixed contribution as typed: the organisation, and an amount in units or a
/// percentage of the total.
#[derive(Debug, Clone, Default)]
pub struct FixedRow {
    pub organisation_id: String,
    pub amount: String,
    pub percent: String,
}

impl FixedRow {
    fn is_empty(&self) -> bool {
        self.organisation_id.trim().is_empty() && self.amount.trim().is_empty() && self.percent.trim().is_empty()
    }
}

/// A campaign's terms as typed in the page's form: amounts in units ("1 200,50"), a
/// sharing key with its weights per organisation (`weight_<id>`) or its tiers
/// (`tier_small`…), fixed contributions in numbered rows (`fixed_org_1`,
/// `fixed_amount_1` or `fixed_percent_1`), the deadline a day picked in the network's
/// time zone. Read into the API's [`CampaignBody`], checked by the same
/// `funding::campaign::validate`; errors name the API's fields (`amount_cents`, `key`,
/// `fixed`…).
#[derive(Debug, Clone, Default)]
pub struct CampaignForm {
    pub quote_id: String,
    pub amount: String,
    /// One of [`KEYS`].
    pub key: String,
    /// (organisation id, weight as typed), for the `weights` key.
    pub weights: Vec<(i64, String)>,
    pub tier_small: String,
    pub tier_medium: String,
    pub tier_large: String,
    pub tier_medium_from: String,
    pub tier_large_from: String,
    pub fixed: Vec<FixedRow>,
    pub deadline: String,
    pub min_participants: String,
    pub catch_up_years: String,
    /// The reserve to draw on first (its id), or empty.
    pub reserve_id: String,
}

impl CampaignForm {
    /// The form's fields as posted (the older single fixed contribution,
    /// `fixed_organisation_id` and `fixed_amount`, reads as a first row).
    pub fn from_fields(fields: &std::collections::HashMap<String, String>) -> CampaignForm {
        let get = |k: &str| fields.get(k).cloned().unwrap_or_default();
        let mut fixed = Vec::new();
        let legacy = FixedRow {
            organisation_id: get("fixed_organisation_id"),
            amount: get("fixed_amount"),
            percent: String::new(),
        };
        if !legacy.is_empty() {
            fixed.push(legacy);
        }
        for i in 1..=MAX_FIXED_ROWS {
            fixed.push(FixedRow {
                organisation_id: get(&format!("fixed_org_{i}")),
                amount: get(&format!("fixed_amount_{i}")),
                percent: get(&format!("fixed_percent_{i}")),
            });
        }
        let mut weights: Vec<(i64, String)> = fields
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("weight_")?.parse().ok()?, v.clone())))
            .collect();
        weights.sort();
        CampaignForm {
            quote_id: get("quote_id"),
            amount: get("amount"),
            key: get("key"),
            weights,
            tier_small: get("tier_small"),
            tier_medium: get("tier_medium"),
            tier_large: get("tier_large"),
            tier_medium_from: get("tier_medium_from"),
            tier_large_from: get("tier_large_from"),
            fixed,
            deadline: get("deadline"),
            min_participants: get("min_participants"),
            catch_up_years: get("catch_up_years"),
            reserve_id: get("reserve_id"),
        }
    }

    /// A new campaign's form: equal shares, one participant, tiers 1-2-3.
    pub fn new_campaign(selected_quote: Option<i64>) -> CampaignForm {
        CampaignForm {
            quote_id: selected_quote.map(|q| q.to_string()).unwrap_or_default(),
            key: "equal".into(),
            tier_small: "1".into(),
            tier_medium: "2".into(),
            tier_large: "3".into(),
            min_participants: "1".into(),
            catch_up_years: DEFAULT_CATCH_UP_YEARS.to_string(),
            ..CampaignForm::default()
        }
    }

    /// The weight typed for an organisation.
    pub fn weight_of(&self, organisation_id: i64) -> String {
        self.weights
            .iter()
            .find(|(o, _)| *o == organisation_id)
            .map(|(_, w)| w.clone())
            .unwrap_or_default()
    }

    /// The fixed rows the form shows: those typed, and empty ones up to three, plus one.
    pub fn fixed_rows(&self) -> Vec<(usize, FixedRow)> {
        let typed = self.fixed.iter().rposition(|r| !r.is_empty()).map_or(0, |i| i + 1);
        let typed_rows: Vec<&FixedRow> = self.fixed.iter().take(typed).filter(|r| !r.is_empty()).collect();
        let shown = (typed_rows.len() + 1).clamp(3, MAX_FIXED_ROWS);
        (0..shown)
            .map(|i| (i + 1, typed_rows.get(i).map(|r| (*r).clone()).unwrap_or_default()))
            .collect()
    }

    /// The sharing key typed (one of [`KEYS`], with its weights or tiers); what cannot
    /// be read is an error on `key`, `weights` or `tiers`. Shared with the reserves' form.
    pub fn read_key(&self, errors: &mut crate::error::FieldErrors) -> Option<SharingKey> {
        match self.key.trim() {
            "equal" => Some(SharingKey::Equal),
            "size" => Some(SharingKey::Size),
            "weights" => {
                let weights = self
                    .weights
                    .iter()
                    .filter_map(|(o, raw)| whole(errors, "weights", raw).map(|w| (*o, w)))
                    .collect();
                Some(SharingKey::Weights { weights })
            }
            "tiers" => {
                let small = whole(errors, "tiers", &self.tier_small);
                let medium = whole(errors, "tiers", &self.tier_medium);
                let large = whole(errors, "tiers", &self.tier_large);
                let medium_from = whole(errors, "tiers", &self.tier_medium_from);
                let large_from = whole(errors, "tiers", &self.tier_large_from);
                let factor = |f: Option<u64>| f.and_then(|f| u32::try_from(f).ok());
                match (factor(small), factor(medium), factor(large), medium_from, large_from) {
                    (Some(small), Some(medium), Some(large), Some(medium_from), Some(large_from)) => {
                        Some(SharingKey::Tiers {
                            small,
                            medium,
                            large,
                            medium_from,
                            large_from,
                        })
                    }
                    _ => {
                        errors.add("tiers", "proposals-invalid-tiers");
                        None
                    }
                }
            }
            _ => {
                errors.add("key", "invalid-choice");
                None
            }
        }
    }

    /// The form's key fields set to show `key` (a stored reserve's, to change it).
    pub fn show_key(&mut self, key: &SharingKey) {
        match key {
            SharingKey::Equal => self.key = "equal".into(),
            SharingKey::Size => self.key = "size".into(),
            SharingKey::Weights { weights } => {
                self.key = "weights".into();
                self.weights = weights.iter().map(|(o, w)| (*o, w.to_string())).collect();
            }
            SharingKey::Tiers {
                small,
                medium,
                large,
                medium_from,
                large_from,
            } => {
                self.key = "tiers".into();
                self.tier_small = small.to_string();
                self.tier_medium = medium.to_string();
                self.tier_large = large.to_string();
                self.tier_medium_from = medium_from.to_string();
                self.tier_large_from = large_from.to_string();
            }
        }
    }

    /// The form read as the API's body; what cannot be read is an error on the API's
    /// field. The deadline is the end of the day picked, in `time_zone`.
    pub fn read(&self, time_zone: &str) -> Result<CampaignBody, crate::error::FieldErrors> {
        let mut errors = crate::error::FieldErrors::default();
        let amount_cents = match self.amount.trim() {
            "" => None,
            s => Money::parse_units(s).map(|m| Some(m.cents())).unwrap_or_else(|_| {
                errors.add("amount_cents", "amount-units");
                None
            }),
        };
        let quote_id = match self.quote_id.trim() {
            "" => None,
            s => s.parse().map(Some).unwrap_or_else(|_| {
                errors.add("quote_id", "invalid-choice");
                None
            }),
        };
        let key = self.read_key(&mut errors);
        let min_participants = whole(&mut errors, "min_participants", &self.min_participants)
            .map(|n| i64::try_from(n).unwrap_or(i64::MAX));
        let catch_up_years =
            whole(&mut errors, "catch_up_years", &self.catch_up_years).map(|n| i64::try_from(n).unwrap_or(i64::MAX));
        let mut fixed = Vec::new();
        for row in self.fixed.iter().filter(|r| !r.is_empty()) {
            let Ok(organisation_id) = row.organisation_id.trim().parse() else {
                errors.add("fixed", "proposals-fixed-organisation");
                continue;
            };
            let amount_cents = match row.amount.trim() {
                "" => None,
                s => Money::parse_units(s).map(|m| Some(m.cents())).unwrap_or_else(|_| {
                    errors.add("fixed", "amount-units");
                    None
                }),
            };
            // A percentage with at most two decimals is a number of basis points: "12,5" → 1250.
            let basis_points = match row.percent.trim().trim_end_matches('%') {
                "" => None,
                s => match Money::parse_units(s).map(|m| u32::try_from(m.cents())) {
                    Ok(Ok(bp)) => Some(bp),
                    _ => {
                        errors.add("fixed", "percent-units");
                        None
                    }
                },
            };
            fixed.push(FixedBody {
                organisation_id,
                amount_cents,
                basis_points,
            });
        }
        let reserve_id = match self.reserve_id.trim() {
            "" => None,
            s => s.parse().map(Some).unwrap_or_else(|_| {
                errors.add("reserve_id", "invalid-choice");
                None
            }),
        };
        let deadline = match self.deadline.trim() {
            "" => None,
            s => crate::web::picked::end_of_day(s, time_zone)
                .map(Some)
                .unwrap_or_else(|| {
                    errors.add("deadline", "picked-date");
                    None
                }),
        };
        match key {
            Some(key) if errors.is_empty() => Ok(CampaignBody {
                amount_cents,
                quote_id,
                key,
                fixed,
                deadline,
                min_participants,
                catch_up_years,
                reserve_id,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod form_tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> std::collections::HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn every_key_and_several_fixed_contributions_read_as_the_apis() {
        let body = CampaignForm::from_fields(&fields(&[
            ("amount", "12 000"),
            ("key", "weights"),
            ("weight_3", "2"),
            ("weight_5", "1"),
            ("weight_9", ""),
            ("fixed_org_1", "3"),
            ("fixed_amount_1", "1 000,50"),
            ("fixed_org_2", "5"),
            ("fixed_percent_2", "12,5"),
            ("deadline", "2026-12-20"),
            ("min_participants", "2"),
        ]))
        .read("Europe/Brussels")
        .unwrap();
        assert_eq!(body.amount_cents, Some(1_200_000));
        assert_eq!(
            body.key,
            SharingKey::Weights {
                weights: [(3, 2), (5, 1)].into_iter().collect()
            }
        );
        assert_eq!(body.fixed.len(), 2);
        assert_eq!(body.fixed[0].amount_cents, Some(100_050));
        assert_eq!(body.fixed[1].basis_points, Some(1250));
        assert_eq!(body.deadline.unwrap().to_string(), "2026-12-20 22:59:59.0 +00:00:00");
        assert_eq!(body.min_participants, Some(2));
        let tiers = CampaignForm {
            key: "tiers".into(),
            tier_medium_from: "500".into(),
            tier_large_from: "2000".into(),
            ..CampaignForm::new_campaign(None)
        }
        .read("UTC")
        .unwrap();
        assert!(matches!(
            tiers.key,
            SharingKey::Tiers {
                large: 3,
                medium_from: 500,
                ..
            }
        ));
    }

    #[test]
    fn what_cannot_be_read_is_said_on_the_apis_field() {
        let errors = CampaignForm::from_fields(&fields(&[
            ("amount", "lots"),
            ("key", "tiers"),
            ("tier_small", "1"),
            ("fixed_amount_1", "100"),
            ("deadline", "soon"),
        ]))
        .read("Europe/Brussels")
        .unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["amount_cents", "tiers", "fixed", "deadline"]);
    }
}
