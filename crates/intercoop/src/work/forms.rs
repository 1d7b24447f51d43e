//! Work sharing's forms, as typed (amounts in units with at most two decimals, days
//! picked in the network's time zone, a fee in percent), read into the API's bodies with
//! errors on the API's field names; the same writes then check them.

use super::data::{InterestIn, OpportunityIn, TeamIn, TeamMemberIn};
use crate::error::FieldErrors;
use crate::money::forms::{as_units, units};
use serde::Deserialize;
use std::collections::BTreeMap;

fn day(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<time::Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    match time::Date::parse(raw.trim(), format) {
        Ok(d) => Some(d),
        Err(_) if raw.trim().is_empty() => {
            errors.add(field, "required");
            None
        }
        Err(_) => {
            errors.add(field, "invalid-value");
            None
        }
    }
}

fn whole(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<i64> {
    raw.trim()
        .parse::<i64>()
        .map_err(|_| errors.add(field, "whole-number"))
        .ok()
}

fn id(raw: &str) -> Option<i64> {
    raw.trim().parse().ok()
}

fn skills(raw: &str) -> Vec<String> {
    raw.split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A percentage with at most two decimals ("5", "2,5", "3.75") in basis points.
fn percent(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<i64> {
    if raw.trim().is_empty() {
        return Some(0);
    }
    let mut e = FieldErrors::default();
    match units(&mut e, field, raw) {
        Some(bp) => Some(bp),
        None => {
            errors.add(field, "work-fee-range");
            None
        }
    }
}

/// The opportunity form's fields.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OpportunityForm {
    pub organisation_id: String,
    pub title: String,
    pub scope_markdown: String,
    pub budget: String,
    pub days: String,
    pub starts_on: String,
    pub ends_on: String,
    pub skills: String,
    pub finder_organisation_id: String,
    pub finder_fee_percent: String,
}

impl OpportunityForm {
    /// The API's body, or the fields that do not read.
    pub fn input(&self) -> Result<OpportunityIn, FieldErrors> {
        let mut errors = FieldErrors::default();
        let organisation_id = id(&self.organisation_id);
        if organisation_id.is_none() {
            errors.add("organisation_id", "required");
        }
        let budget = units(&mut errors, "budget_cents", &self.budget);
        let days = whole(&mut errors, "days", &self.days);
        let starts_on = day(&mut errors, "starts_on", &self.starts_on);
        let ends_on = day(&mut errors, "ends_on", &self.ends_on);
        let fee = percent(&mut errors, "finder_fee_basis_points", &self.finder_fee_percent);
        match (organisation_id, budget, days, starts_on, ends_on, fee) {
            (Some(organisation_id), Some(budget_cents), Some(days), Some(starts_on), Some(ends_on), Some(fee))
                if errors.is_empty() =>
            {
                Ok(OpportunityIn {
                    organisation_id,
                    title: self.title.clone(),
                    scope_markdown: self.scope_markdown.clone(),
                    budget_cents,
                    days,
                    starts_on,
                    ends_on,
                    skills: skills(&self.skills),
                    finder_organisation_id: id(&self.finder_organisation_id),
                    finder_fee_basis_points: Some(fee),
                })
            }
            _ => Err(errors),
        }
    }
}

/// The interest form's fields.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct InterestForm {
    pub organisation_id: String,
    pub capacity_days: String,
    pub available_from: String,
    pub available_to: String,
    pub day_rate: String,
    pub skills: String,
}

impl InterestForm {
    /// The form filled with a declared interest.
    pub fn of(i: &super::data::InterestOut) -> InterestForm {
        InterestForm {
            organisation_id: i.organisation_id.to_string(),
            capacity_days: i.capacity_days.to_string(),
            available_from: i.available_from.to_string(),
            available_to: i.available_to.to_string(),
            day_rate: as_units(i.day_rate_cents),
            skills: i.skills.join(", "),
        }
    }

    /// The API's body, or the fields that do not read.
    pub fn input(&self) -> Result<InterestIn, FieldErrors> {
        let mut errors = FieldErrors::default();
        let organisation_id = id(&self.organisation_id);
        if organisation_id.is_none() {
            errors.add("organisation_id", "required");
        }
        let capacity_days = whole(&mut errors, "capacity_days", &self.capacity_days);
        let from = day(&mut errors, "available_from", &self.available_from);
        let to = day(&mut errors, "available_to", &self.available_to);
        let rate = units(&mut errors, "day_rate_cents", &self.day_rate);
        match (organisation_id, capacity_days, from, to, rate) {
            (
                Some(organisation_id),
                Some(capacity_days),
                Some(available_from),
                Some(available_to),
                Some(day_rate_cents),
            ) if errors.is_empty() => Ok(InterestIn {
                organisation_id,
                capacity_days,
                available_from,
                available_to,
                day_rate_cents,
                skills: skills(&self.skills),
            }),
            _ => Err(errors),
        }
    }
}

/// The team form: `basis`, and per interested organisation `member_<id>` (ticked) and
/// `share_<id>`; `confirm=yes` once the split was shown.
pub type TeamForm = BTreeMap<String, String>;

/// The team form read into the API's body (shares that do not read as whole numbers: a
/// 422 on `shares`).
pub fn team_input(form: &TeamForm) -> Result<TeamIn, FieldErrors> {
    let mut errors = FieldErrors::default();
    let basis = form.get("basis").cloned().unwrap_or_default();
    let mut members = Vec::new();
    for (k, v) in form {
        let Some(org) = k.strip_prefix("member_").and_then(id) else {
            continue;
        };
        if v.is_empty() {
            continue;
        }
        let share = match form.get(&format!("share_{org}")).map(|s| s.trim()) {
            Some(s) if !s.is_empty() && basis == "shares" => match s.parse::<u64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.add("shares", "work-missing-share");
                    None
                }
            },
            _ => None,
        };
        members.push(TeamMemberIn {
            organisation_id: org,
            share,
        });
    }
    if errors.is_empty() {
        Ok(TeamIn { basis, members })
    } else {
        Err(errors)
    }
}
