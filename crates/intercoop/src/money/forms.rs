//! The money pages' forms: every field as typed (amounts in units with at most two
//! decimals, days picked in the network's time zone), read into the API's input with
//! errors on the API's field names, then checked by the same functions as the API.

use super::api::RequestIn;
use super::fees::FeeScheduleIn;
use super::payments::PaymentIn;
use super::settings::BudgetIn;
use crate::error::FieldErrors;
use intercoop_domain::payments::{AmountError, parse_amount};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An amount typed in units (`25`, `25,50`, `1 200.00`): cents, or the error's code
/// beside `field` (more than two decimals is refused, never rounded).
pub fn units(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<i64> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}' && *c != '€')
        .collect();
    match parse_amount(&compact) {
        Ok(m) => Some(m.cents()),
        Err(AmountError::Decimals) => {
            errors.add(field, "amount-decimals");
            None
        }
        Err(_) => {
            errors.add(field, "amount-invalid");
            None
        }
    }
}

fn day(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<time::Date> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(raw, format)
        .map_err(|_| errors.add(field, "invalid-value"))
        .ok()
}

/// Units of an amount in cents, for filling a form in again (`1250` → `12.50`).
pub fn as_units(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// The payment settings as the page sends them (the API's fields, and the CSRF field).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub legal_name: String,
    pub address: String,
    pub iban: String,
    pub bic: String,
    pub reference_scheme: String,
}

impl SettingsForm {
    pub fn read(self) -> super::settings::PaymentSettingsIn {
        super::settings::PaymentSettingsIn {
            legal_name: self.legal_name,
            address: self.address,
            iban: self.iban,
            bic: Some(self.bic).filter(|b| !b.trim().is_empty()),
            reference_scheme: self.reference_scheme,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct BudgetForm {
    pub monthly_costs: String,
    pub grant_monthly: String,
    pub grant_ends_on: String,
}

impl BudgetForm {
    pub fn read(&self) -> Result<BudgetIn, FieldErrors> {
        let mut errors = FieldErrors::default();
        let costs = units(&mut errors, "monthly_costs_cents", &self.monthly_costs);
        let grant = if self.grant_monthly.trim().is_empty() {
            Some(0)
        } else {
            units(&mut errors, "grant_monthly_cents", &self.grant_monthly)
        };
        let ends = day(&mut errors, "grant_ends_on", &self.grant_ends_on);
        match (costs, grant) {
            (Some(c), Some(g)) if errors.is_empty() => {
                let b = BudgetIn {
                    monthly_costs_cents: c,
                    grant_monthly_cents: g,
                    grant_ends_on: ends,
                };
                b.validate()?;
                Ok(b)
            }
            _ => Err(errors),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RequestForm {
    pub organisation_id: String,
    pub amount: String,
    pub purpose: String,
    pub due_on: String,
}

impl RequestForm {
    pub fn read(&self) -> Result<RequestIn, FieldErrors> {
        let mut errors = FieldErrors::default();
        let organisation_id = self.organisation_id.trim().parse::<i64>().ok();
        if organisation_id.is_none() {
            errors.add("organisation_id", "required");
        }
        let amount = units(&mut errors, "amount_cents", &self.amount);
        let due_on = day(&mut errors, "due_on", &self.due_on);
        match (organisation_id, amount) {
            (Some(organisation_id), Some(amount_cents)) if errors.is_empty() => Ok(RequestIn {
                organisation_id,
                amount_cents,
                purpose: self.purpose.clone(),
                due_on,
            }),
            _ => Err(errors),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct PaymentForm {
    pub amount: String,
    pub booked_on: String,
    pub payer_name: String,
}

impl PaymentForm {
    pub fn read(&self, payment_request_id: i64) -> Result<PaymentIn, FieldErrors> {
        let mut errors = FieldErrors::default();
        let amount = units(&mut errors, "amount_cents", &self.amount);
        let booked_on = day(&mut errors, "booked_on", &self.booked_on);
        match amount {
            Some(amount_cents) if errors.is_empty() => Ok(PaymentIn {
                payment_request_id,
                amount_cents,
                booked_on,
                payer_name: self.payer_name.clone(),
            }),
            _ => Err(errors),
        }
    }
}

/// A fee schedule as typed: per level, one tier a line, `size: monthly amount` (the
/// first from 0: `0: 25` then `1000: 35`); sponsorship as a percentage.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct FeeForm {
    pub year: String,
    pub period: String,
    pub observer: String,
    pub active: String,
    pub sponsorship_percent: String,
    pub sponsorship_years: String,
}

impl FeeForm {
    pub fn read(&self) -> Result<FeeScheduleIn, FieldErrors> {
        let mut errors = FieldErrors::default();
        let year = self.year.trim().parse::<i64>().unwrap_or(0);
        let mut tiers = BTreeMap::new();
        for (level, text) in [("observer", &self.observer), ("active", &self.active)] {
            let mut list = Vec::new();
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                let (size, amount) = line.split_once(':').unwrap_or(("0", line));
                let Ok(size) = size.trim().parse::<i64>() else {
                    errors.add("tiers", "fee-tiers");
                    continue;
                };
                if let Some(cents) = units(&mut errors, "tiers", amount) {
                    list.push((size, cents));
                }
            }
            if !list.is_empty() {
                tiers.insert(level.to_string(), list);
            }
        }
        let percent = if self.sponsorship_percent.trim().is_empty() {
            Some(0)
        } else {
            units(&mut errors, "sponsorship_basis_points", &self.sponsorship_percent)
        };
        let years = self.sponsorship_years.trim().parse::<i64>().unwrap_or(0);
        let input = FeeScheduleIn {
            year,
            period: self.period.clone(),
            tiers,
            sponsorship_basis_points: percent.unwrap_or(0),
            sponsorship_years: years,
        };
        if let Err(more) = input.validate() {
            errors.0.extend(more.0);
        }
        if errors.is_empty() { Ok(input) } else { Err(errors) }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AssignForm {
    /// A request's number as printed (`2026-12`).
    pub number: String,
}

/// A money event recorded by hand, as typed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct EntryForm {
    pub kind: String,
    pub amount: String,
    pub campaign_id: String,
    pub memo: String,
}

impl EntryForm {
    pub fn read(&self) -> Result<super::entries::EntryIn, FieldErrors> {
        let mut errors = FieldErrors::default();
        let amount = units(&mut errors, "amount_cents", &self.amount);
        let campaign_id = match self.campaign_id.trim() {
            "" => None,
            c => match c.parse::<i64>() {
                Ok(c) => Some(c),
                Err(_) => {
                    errors.add("campaign_id", "campaign-unknown");
                    None
                }
            },
        };
        match amount {
            Some(amount_cents) if errors.is_empty() => Ok(super::entries::EntryIn {
                kind: self.kind.clone(),
                amount_cents,
                campaign_id,
                memo: self.memo.clone(),
            }),
            _ => Err(errors),
        }
    }
}
