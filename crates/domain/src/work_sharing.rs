//! Work sharing (issue 19, item 4): a member posts an opportunity (a tender, a client's
//! request) with a budget and a number of days of work; other members declare their
//! interest and capacity; the poster forms a team, and the work and the money are split
//! among its members, **exact to the cent and to the day**.
//!
//! # The split, step by step ([`split`])
//! 1. **The finder's fee** is taken first: `basis_points` hundredths of a percent of the
//!    budget (1000 = 10 %), **rounded down to the cent** ([`finder_fee`]), as the
//!    percentages of the co-funding's fixed contributions are (`crate::sharing`). The
//!    fraction of a cent this drops stays in what the team shares: nothing is lost.
//! 2. **What is left** is split among the team in proportion to each member's weight:
//!    its declared capacity in days ([`Basis::Capacity`]) or the share the team agreed
//!    ([`Basis::Shares`], any whole numbers: 50/30/20, or 2/1/1).
//! 3. **The days of work** are split by the same weights.
//! 4. **Rounding** is the co-funding's: one common rate, each share rounded up, the few
//!    cents (days) too many taken back from the least justified (see `crate::sharing`).
//!    So the lines plus the fee sum exactly to the budget, the days exactly to the
//!    work's days, and nobody gets more than its exact share rounded up.
//!
//! # "How busy will we be" ([`busyness`])
//! Per month: the days of the work a member accepted (the in-force split of the teams it
//! is in, spread over the work's dates) against the capacity it declared. Days are
//! spread over the months a period covers in proportion to the calendar days of the
//! period in each month, exact to the day ([`spread`], the same rounding rule). A month's
//! capacity is that of the **latest** declaration covering it (declarations are
//! statements of the same availability, not additions to it).
//!
//! # Changing a split
//! When a member's capacity changes after the team is formed, [`split`] gives the new
//! split; it comes into force only when every member of the team consents
//! ([`consent_state`]): one refusal keeps the split in force.

use crate::money::Money;
use crate::sharing::{CampaignTerms, Participant, SharingError, SharingKey, compute_shares};
use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Primary key of an organisation, as stored by the application.
pub type OrgId = i64;

/// The most days of work an opportunity, a capacity or a split handles (27 years of
/// working days: anything above is a typing error).
pub const MAX_DAYS: i64 = 10_000;

/// The largest finder's fee, in basis points (50 %).
pub const MAX_FEE_BASIS_POINTS: u32 = 5_000;

text_enum!(
    /// What a team's split is proportional to.
    Basis { Capacity = "capacity", Shares = "shares" }
);

text_enum!(
    /// Where a split stands: proposed (waiting for every member's consent), in force,
    /// replaced by a newer one (in force or proposed), or declined by a member.
    SplitStatus { Proposed = "proposed", InForce = "in_force", Replaced = "replaced", Declined = "declined" }
);

/// The member who brought the work, and its fee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finder {
    pub organisation_id: OrgId,
    /// Hundredths of a percent of the budget (250 = 2,5 %), 0 to [`MAX_FEE_BASIS_POINTS`].
    pub basis_points: u32,
}

/// A member of a team, with what its share is proportional to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub organisation_id: OrgId,
    /// The days it declared available ([`Basis::Capacity`]).
    pub capacity_days: i64,
    /// The share the team agreed ([`Basis::Shares`]); 0 is refused.
    pub share: Option<u64>,
}

/// One member's part of the work and the money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SplitLine {
    pub organisation_id: OrgId,
    /// Its weight: capacity in days or agreed share.
    pub weight: u64,
    pub days: i64,
    pub amount: Money,
}

/// A team's split: the fee first, then each member's days and money, by organisation id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Split {
    pub budget: Money,
    pub days: i64,
    pub basis: Basis,
    pub fee: Money,
    pub finder: Option<OrgId>,
    pub lines: Vec<SplitLine>,
}

impl Split {
    /// The line of an organisation.
    pub fn line(&self, org: OrgId) -> Option<&SplitLine> {
        self.lines.iter().find(|l| l.organisation_id == org)
    }

    /// The same days and money for the same organisations (the weights may differ).
    pub fn same_parts(&self, other: &Split) -> bool {
        self.fee == other.fee
            && self.lines.len() == other.lines.len()
            && self
                .lines
                .iter()
                .zip(&other.lines)
                .all(|(a, b)| a.organisation_id == b.organisation_id && a.days == b.days && a.amount == b.amount)
    }
}

/// Why a split or a capacity is refused. Each names the field of the API it is about.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkError {
    #[error("the budget must be positive")]
    NonPositiveBudget,
    #[error("the days of work must be between 1 and {MAX_DAYS}")]
    DaysOutOfRange,
    #[error("the finder's fee must be between 0 and {MAX_FEE_BASIS_POINTS} basis points")]
    FeeOutOfRange,
    #[error("a team has at least one member")]
    NoMembers,
    #[error("organisation {0} is in the team twice")]
    DuplicateMember(OrgId),
    #[error("organisation {0} has no agreed share")]
    MissingShare(OrgId),
    #[error("organisation {0} has a capacity of zero days or less")]
    NoCapacity(OrgId),
    #[error("amounts out of range")]
    Overflow,
}

impl WorkError {
    /// The API field the error is about.
    pub fn field(&self) -> &'static str {
        match self {
            WorkError::NonPositiveBudget | WorkError::Overflow => "budget_cents",
            WorkError::DaysOutOfRange => "days",
            WorkError::FeeOutOfRange => "finder_fee_basis_points",
            WorkError::NoMembers | WorkError::DuplicateMember(_) | WorkError::NoCapacity(_) => "organisation_ids",
            WorkError::MissingShare(_) => "shares",
        }
    }

    /// The error's code (a Fluent message `error-<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            WorkError::NonPositiveBudget => "amount-positive",
            WorkError::DaysOutOfRange => "work-days-range",
            WorkError::FeeOutOfRange => "work-fee-range",
            WorkError::NoMembers => "work-no-members",
            WorkError::DuplicateMember(_) => "work-duplicate-member",
            WorkError::MissingShare(_) => "work-missing-share",
            WorkError::NoCapacity(_) => "work-no-capacity",
            WorkError::Overflow => "amount-invalid",
        }
    }
}

fn from_sharing(e: SharingError) -> WorkError {
    match e {
        SharingError::NonPositiveTotal => WorkError::NonPositiveBudget,
        _ => WorkError::Overflow,
    }
}

/// The finder's fee: `basis_points` of the budget, rounded down to the cent (exact: the
/// product is taken in 128 bits).
pub fn finder_fee(budget: Money, basis_points: u32) -> Result<Money, WorkError> {
    if basis_points > MAX_FEE_BASIS_POINTS {
        return Err(WorkError::FeeOutOfRange);
    }
    if !budget.is_positive() {
        return Err(WorkError::NonPositiveBudget);
    }
    let fee = i128::from(budget.cents()) * i128::from(basis_points) / 10_000;
    i64::try_from(fee)
        .map(Money::from_cents)
        .map_err(|_| WorkError::Overflow)
}

/// Checks an opportunity's terms: a positive budget, 1 to [`MAX_DAYS`] days, a fee in range.
pub fn check_terms(budget: Money, days: i64, fee_basis_points: u32) -> Result<(), WorkError> {
    if !(1..=MAX_DAYS).contains(&days) {
        return Err(WorkError::DaysOutOfRange);
    }
    finder_fee(budget, fee_basis_points).map(|_| ())
}

/// Splits `total` units (cents or days) by weights with the co-funding's rounding rule.
fn by_weights(total: i64, weights: &BTreeMap<OrgId, u64>) -> Result<BTreeMap<OrgId, i64>, WorkError> {
    if total == 0 {
        return Ok(weights.keys().map(|o| (*o, 0)).collect());
    }
    let terms = CampaignTerms {
        total: Money::from_cents(total),
        key: SharingKey::Weights {
            weights: weights.clone(),
        },
        fixed: Vec::new(),
    };
    let participants: Vec<Participant> = weights.keys().map(|o| Participant::new(*o)).collect();
    let shares = compute_shares(&terms, &participants).map_err(from_sharing)?;
    Ok(shares
        .lines
        .iter()
        .map(|l| (l.organisation_id, l.amount.cents()))
        .collect())
}

/// The split of an opportunity's budget and days among a team (see the module's
/// documentation for the rule). Errors: a budget not positive, days out of range, a fee
/// out of range, no member, a member twice, a member without an agreed share (shares)
/// or without capacity (capacity).
pub fn split(
    budget: Money,
    days: i64,
    finder: Option<Finder>,
    basis: Basis,
    members: &[Member],
) -> Result<Split, WorkError> {
    let fee_bp = finder.map_or(0, |f| f.basis_points);
    check_terms(budget, days, fee_bp)?;
    let fee = finder_fee(budget, fee_bp)?;
    if members.is_empty() {
        return Err(WorkError::NoMembers);
    }
    let mut weights = BTreeMap::new();
    for m in members {
        let weight = match basis {
            Basis::Capacity => u64::try_from(m.capacity_days)
                .ok()
                .filter(|w| *w > 0)
                .ok_or(WorkError::NoCapacity(m.organisation_id))?,
            Basis::Shares => m
                .share
                .filter(|s| *s > 0)
                .ok_or(WorkError::MissingShare(m.organisation_id))?,
        };
        if weights.insert(m.organisation_id, weight).is_some() {
            return Err(WorkError::DuplicateMember(m.organisation_id));
        }
    }
    let rest = budget.checked_sub(fee).ok_or(WorkError::Overflow)?;
    let money = by_weights(rest.cents(), &weights)?;
    let day_parts = by_weights(days, &weights)?;
    let lines = weights
        .iter()
        .map(|(org, w)| SplitLine {
            organisation_id: *org,
            weight: *w,
            days: day_parts[org],
            amount: Money::from_cents(money[org]),
        })
        .collect();
    Ok(Split {
        budget,
        days,
        basis,
        fee,
        finder: finder.filter(|f| f.basis_points > 0).map(|f| f.organisation_id),
        lines,
    })
}

/// Why a declared capacity is refused, by API field: (field, error code).
pub fn check_capacity(
    capacity_days: i64,
    day_rate_cents: i64,
    from: Date,
    to: Date,
) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    if to < from {
        errors.push(("available_to", "work-period-order"));
    }
    if capacity_days <= 0 {
        errors.push(("capacity_days", "work-capacity-positive"));
    } else if to >= from && capacity_days > calendar_days(from, to) {
        errors.push(("capacity_days", "work-capacity-over-period"));
    }
    if day_rate_cents < 0 {
        errors.push(("day_rate_cents", "work-rate-negative"));
    }
    errors
}

/// The calendar days from `from` to `to`, both included (0 when `to` is before).
pub fn calendar_days(from: Date, to: Date) -> i64 {
    if to < from {
        return 0;
    }
    i64::from(from.until(to).map_or(0, |s| s.get_days())) + 1
}

/// A month of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Month {
    pub year: i16,
    pub month: i8,
}

impl Month {
    pub fn of(d: Date) -> Month {
        Month {
            year: d.year(),
            month: d.month(),
        }
    }

    fn first(self) -> Date {
        Date::new(self.year, self.month, 1).expect("a month's first day")
    }

    fn last(self) -> Date {
        self.first().last_of_month()
    }

    fn next(self) -> Month {
        Month::of(self.first().saturating_add(1.month()))
    }

    fn key(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month)
    }

    fn from_key(k: i64) -> Month {
        let m = k.rem_euclid(12);
        let (y, m) = if m == 0 { (k / 12 - 1, 12) } else { (k / 12, m) };
        Month {
            year: y as i16,
            month: m as i8,
        }
    }
}

/// `days` spread over the months from `from` to `to` (both included), in proportion to
/// the calendar days of the period in each month, exact (the parts sum to `days`).
/// Empty when `to` is before `from`.
pub fn spread(days: i64, from: Date, to: Date) -> Vec<(Month, i64)> {
    if to < from {
        return Vec::new();
    }
    let mut weights = BTreeMap::new();
    let mut m = Month::of(from);
    while m <= Month::of(to) {
        let start = m.first().max(from);
        let end = m.last().min(to);
        weights.insert(m.key(), calendar_days(start, end) as u64);
        m = m.next();
    }
    match by_weights(days.max(0), &weights) {
        Ok(parts) => parts.into_iter().map(|(k, d)| (Month::from_key(k), d)).collect(),
        Err(_) => Vec::new(),
    }
}

/// Work accepted: days over a period (a team's line, over its opportunity's dates).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Booking {
    pub days: i64,
    pub from: Date,
    pub to: Date,
}

/// Capacity declared: days available over a period; `order` says which is the latest
/// (the larger).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declaration {
    pub days: i64,
    pub from: Date,
    pub to: Date,
    pub order: i64,
}

/// One month of "how busy will we be".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthLoad {
    pub month: Month,
    /// Days of accepted work in the month.
    pub booked_days: i64,
    /// Days declared available in the month (none: nothing declared for it).
    pub capacity_days: Option<i64>,
}

impl MonthLoad {
    /// Booked days as a percentage of capacity, rounded down (none without capacity).
    pub fn percent(&self) -> Option<i64> {
        self.capacity_days
            .filter(|c| *c > 0)
            .map(|c| self.booked_days.saturating_mul(100) / c)
    }

    /// More work booked than declared available.
    pub fn over(&self) -> bool {
        self.booked_days > self.capacity_days.unwrap_or(0)
    }
}

/// Per month, from the first to the last month any booking or declaration covers: the
/// booked days against the capacity of the latest declaration covering the month.
pub fn busyness(bookings: &[Booking], declarations: &[Declaration]) -> Vec<MonthLoad> {
    let mut booked: BTreeMap<Month, i64> = BTreeMap::new();
    for b in bookings {
        for (m, d) in spread(b.days, b.from, b.to) {
            *booked.entry(m).or_default() += d;
        }
    }
    let mut capacity: BTreeMap<Month, (i64, i64)> = BTreeMap::new();
    for d in declarations {
        for (m, days) in spread(d.days, d.from, d.to) {
            let e = capacity.entry(m).or_insert((i64::MIN, 0));
            if d.order > e.0 {
                *e = (d.order, days);
            }
        }
    }
    let months: BTreeSet<Month> = booked.keys().chain(capacity.keys()).copied().collect();
    let (Some(first), Some(last)) = (months.first().copied(), months.last().copied()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut m = first;
    while m <= last {
        out.push(MonthLoad {
            month: m,
            booked_days: booked.get(&m).copied().unwrap_or(0),
            capacity_days: capacity.get(&m).map(|c| c.1),
        });
        m = m.next();
    }
    out
}

/// A proposed split's answers so far: in force when every member accepted, declined
/// when one declined, else still waiting for the others.
pub fn consent_state(members: &[OrgId], answers: &BTreeMap<OrgId, bool>) -> SplitStatus {
    if members.iter().any(|m| answers.get(m) == Some(&false)) {
        SplitStatus::Declined
    } else if members.iter().all(|m| answers.get(m) == Some(&true)) {
        SplitStatus::InForce
    } else {
        SplitStatus::Proposed
    }
}

#[cfg(test)]
mod tests;
