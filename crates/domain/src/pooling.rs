//! Pooling among cooperatives (issue 19): a pooled fund shared out in collaborative
//! budgeting rounds, with optional matching funds.
//!
//! # A round, step by step
//!
//! 1. **Allocations.** When a round opens, the money it distributes (the pool's
//!    available money minus the matching pool) is split among the participating
//!    organisations: equally, or in proportion to what each put into the pool
//!    ([`allocate`]). The split is the co-funding sharing rule of
//!    [`crate::sharing`] (one common rate, rounded with the Adams divisor method), so
//!    it is exact to the cent and never depends on the order of participants.
//! 2. **Buckets.** Participants put their allocation into buckets (projects with a
//!    minimum and an optional maximum). [`check_allocation`] refuses more than what is
//!    left, and more than a bucket still needs.
//! 3. **Close** ([`close_round`]). A bucket whose allocations reach its minimum is
//!    funded, capped at its maximum: when it received more, the excess is given back to
//!    its givers in proportion to what each put in (same sharing rule, nobody gets back
//!    more than it gave). Money in unfunded buckets, and allocation nobody placed, is
//!    returned (to the participants' allocations or to the pool, as the round says).
//! 4. **Matching** ([`matching`]): a matching pool is shared among the funded buckets,
//!    in proportion to what each raised (proportional) or to its quadratic-funding
//!    weight `(Σ√cᵢ)² − Σcᵢ`, each bucket capped at the round's cap and at what its
//!    maximum still allows. What the caps leave unspent goes back to the pool.
//!
//! Money is conserved to the cent: `raised + matched + returned + matching returned =
//! allocations + matching pool` (property test).

mod close;
pub mod matching;
pub mod periods;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use close::{BucketOutcome, BucketRules, Placement, RoundOutcome, close_round, close_round_by};

use crate::money::Money;
use crate::sharing::{CampaignTerms, OrgId, Participant, SharingKey, compute_shares};
use std::collections::BTreeMap;

text_enum!(
    /// How a round gives each participant its allocation: `equal` (everyone the same)
    /// or `contribution` (in proportion to what the organisation put into the pool).
    AllocationRule {
        Equal = "equal",
        Contribution = "contribution",
    }
);

text_enum!(
    /// Where money that no funded bucket took goes when the round closes: `pool` (back
    /// into the pool, for the next round) or `participants` (kept for each participant:
    /// added to its allocation in the pool's next round).
    Returns {
        Pool = "pool",
        Participants = "participants",
    }
);

/// Why a round, a bucket or an allocation is refused. Each names the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PoolingError {
    #[error("an amount must be positive")]
    NotPositive,
    #[error("an amount must not be negative")]
    Negative,
    #[error("the minimum is above the maximum")]
    MinAboveMax,
    #[error("the round closes before it opens")]
    ClosesBeforeOpens,
    #[error("more than the allocation left ({left} cents)")]
    MoreThanLeft { left: Money },
    #[error("the bucket is full (it still needs {needs} cents)")]
    BucketFull { needs: Money },
    #[error("nothing to share: no participant, or nobody contributed")]
    NoParticipant,
    #[error("the matching pool is more than the pool holds")]
    MatchingAbovePool,
    #[error("amounts out of range")]
    Overflow,
}

/// Each participant's allocation: `budget` cents split among `participants` (organisation
/// id, what it put into the pool) by `rule`, exact to the cent. With
/// [`AllocationRule::Contribution`], organisations that put in nothing get nothing.
/// Errors: [`PoolingError::Negative`] for a negative budget or contribution,
/// [`PoolingError::NoParticipant`] when nobody can receive a share of a positive budget.
/// Lines come back sorted by organisation id; a zero budget gives everyone zero.
pub fn allocate(
    budget: Money,
    rule: AllocationRule,
    participants: &[(OrgId, Money)],
) -> Result<Vec<(OrgId, Money)>, PoolingError> {
    if budget.is_negative() || participants.iter().any(|(_, c)| c.is_negative()) {
        return Err(PoolingError::Negative);
    }
    let mut sorted = participants.to_vec();
    sorted.sort_by_key(|(o, _)| *o);
    sorted.dedup_by_key(|(o, _)| *o);
    if budget == Money::ZERO {
        return Ok(sorted.into_iter().map(|(o, _)| (o, Money::ZERO)).collect());
    }
    let weights: BTreeMap<OrgId, u64> = match rule {
        AllocationRule::Equal => sorted.iter().map(|(o, _)| (*o, 1)).collect(),
        AllocationRule::Contribution => sorted.iter().map(|(o, c)| (*o, c.cents() as u64)).collect(),
    };
    split_by_weights(budget, &weights, &BTreeMap::new())?
        .ok_or(PoolingError::NoParticipant)
        .map(|(lines, _)| lines)
}

/// Lines by key, and what the caps left unshared.
pub(crate) type Split = (Vec<(OrgId, Money)>, Money);

/// Splits `total` in proportion to `weights` (the sharing rule of [`crate::sharing`]),
/// nobody above its entry in `caps`. Returns the lines by key and what the caps left
/// unshared, or `None` when every weight is zero (nothing can be shared).
pub(crate) fn split_by_weights(
    total: Money,
    weights: &BTreeMap<OrgId, u64>,
    caps: &BTreeMap<OrgId, Money>,
) -> Result<Option<Split>, PoolingError> {
    if weights.values().all(|w| *w == 0) {
        return Ok(None);
    }
    if total == Money::ZERO {
        return Ok(Some((weights.keys().map(|k| (*k, Money::ZERO)).collect(), Money::ZERO)));
    }
    let terms = CampaignTerms {
        total,
        key: SharingKey::Weights {
            weights: weights.clone(),
        },
        fixed: Vec::new(),
    };
    let participants: Vec<Participant> = weights
        .keys()
        .map(|k| Participant {
            organisation_id: *k,
            size: None,
            cap: caps.get(k).copied(),
        })
        .collect();
    let shares = compute_shares(&terms, &participants).map_err(|_| PoolingError::Overflow)?;
    let lines = shares
        .participant_lines()
        .map(|l| (l.organisation_id, l.amount))
        .collect();
    Ok(Some((lines, shares.shortfall)))
}

/// Checks that a participant may set its amount in one bucket to `amount`.
///
/// - `allocation`: the participant's whole allocation in the round;
/// - `elsewhere`: what it has placed in the round's other buckets;
/// - `in_bucket_by_others`: what the others placed in this bucket;
/// - `max`: the bucket's maximum, if any.
///
/// Errors: [`PoolingError::Negative`]; [`PoolingError::MoreThanLeft`] (with what is
/// left for this bucket); [`PoolingError::BucketFull`] when the bucket would hold more
/// than its maximum (with what it still needs). Lowering an amount is always allowed.
pub fn check_allocation(
    allocation: Money,
    elsewhere: Money,
    in_bucket_by_others: Money,
    max: Option<Money>,
    amount: Money,
) -> Result<(), PoolingError> {
    if amount.is_negative() {
        return Err(PoolingError::Negative);
    }
    let left = allocation.checked_sub(elsewhere).ok_or(PoolingError::Overflow)?;
    if amount > left {
        return Err(PoolingError::MoreThanLeft {
            left: left.max(Money::ZERO),
        });
    }
    if let Some(max) = max {
        let needs = max.checked_sub(in_bucket_by_others).ok_or(PoolingError::Overflow)?;
        if amount > needs {
            return Err(PoolingError::BucketFull {
                needs: needs.max(Money::ZERO),
            });
        }
    }
    Ok(())
}

/// Checks a bucket's goals: a positive minimum, and a maximum (if any) not below it.
pub fn check_goals(min: Money, max: Option<Money>) -> Result<(), PoolingError> {
    if !min.is_positive() {
        return Err(PoolingError::NotPositive);
    }
    if max.is_some_and(|m| m < min) {
        return Err(PoolingError::MinAboveMax);
    }
    Ok(())
}
