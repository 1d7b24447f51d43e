//! Matching funds: a matching pool shared among a round's funded buckets.
//!
//! - **Proportional**: each bucket's weight is what it raised from participants.
//! - **Quadratic funding**: each bucket's weight is `(Σ√cᵢ)² − Σcᵢ` over its
//!   contributors `i` (Buterin, Hitzig and Weyl, "A Flexible Design for Funding Public
//!   Goods", 2019), so many small givers weigh more than one large one. Amounts given
//!   by one organisation (through several of its people) are added up first: the
//!   organisation is one contributor. A bucket with a single contributor weighs 0.
//!
//! The pool is then split in proportion to the weights with the sharing rule of
//! [`crate::sharing`] (exact to the cent, Adams rounding, ties to the larger weight then
//! the smaller id). A bucket never receives more than its cap (the round's cap per
//! bucket, and what its maximum still allows); what the caps leave is `unspent` and
//! goes back to the pool. When no bucket has weight, the whole pool is unspent.
//!
//! # Square roots on integers
//!
//! `√cᵢ` is irrational in general, so the weights are computed on integers by a
//! documented method: `sᵢ = ⌊√(cᵢ · 4ᵏ)⌋` (√cᵢ with `k` binary digits after the point,
//! exact integer square root), with `k` the largest number for which the round's
//! `Σsᵢ` stays below 2⁶³; a bucket weighs `(Σsᵢ)² − Σsᵢ²`, which is exactly
//! `4ᵏ((Σ√cᵢ)² − Σcᵢ)` whenever every `cᵢ` is a perfect square, never negative, and 0
//! for a single contributor. The weights are then shifted right by a common number of
//! bits so they sum below 2⁶³ (the sharing rule's range). For a round of 10 000
//! allocations of about 100 € each, `k` is about 40: each weight keeps more than 60
//! significant bits of the total, far below a cent on any pool.

use super::{PoolingError, split_by_weights};
use crate::money::Money;
use crate::sharing::OrgId;
use std::collections::BTreeMap;

/// Primary key of a bucket.
pub type BucketId = i64;

text_enum!(
    /// How a matching pool is shared.
    MatchingKind {
        Proportional = "proportional",
        Quadratic = "quadratic",
    }
);

/// A round's matching: its kind, its pool and the most one bucket may receive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Matching {
    pub kind: MatchingKind,
    pub pool: Money,
    pub cap: Option<Money>,
}

/// One funded bucket as matching sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub bucket: BucketId,
    /// What each organisation gave it (several lines of one organisation are added).
    pub contributions: Vec<(OrgId, Money)>,
    /// The most it may receive (its maximum minus what it raised, and the round's cap).
    pub room: Option<Money>,
}

/// The shares of the matching pool, by bucket id, with each weight and what is unspent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchResult {
    /// `(bucket, weight, matched)`, by bucket id. Weights are the integers actually
    /// shared by (after the common shift), for showing the computation.
    pub lines: Vec<(BucketId, u128, Money)>,
    pub unspent: Money,
}

/// Checks a matching's amounts: a non-negative pool and cap.
pub fn check(m: &Matching) -> Result<(), PoolingError> {
    if m.pool.is_negative() || m.cap.is_some_and(Money::is_negative) {
        return Err(PoolingError::Negative);
    }
    Ok(())
}

/// Shares `m.pool` among `candidates`. Errors only on amounts out of range.
pub fn share(m: &Matching, candidates: &[Candidate]) -> Result<MatchResult, PoolingError> {
    check(m)?;
    let raw: BTreeMap<BucketId, u128> = match m.kind {
        MatchingKind::Proportional => candidates
            .iter()
            .map(|c| {
                let raised: i128 = c.contributions.iter().map(|(_, a)| i128::from(a.cents())).sum();
                (c.bucket, raised.max(0) as u128)
            })
            .collect(),
        MatchingKind::Quadratic => quadratic_weights(candidates),
    };
    let weights = fit_u64(&raw);
    let caps: BTreeMap<BucketId, Money> = candidates
        .iter()
        .filter_map(|c| {
            let cap = match (c.room, m.cap) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            cap.map(|cap| (c.bucket, cap.max(Money::ZERO)))
        })
        .collect();
    let Some((lines, unspent)) = split_by_weights(m.pool, &weights, &caps)? else {
        return Ok(MatchResult {
            lines: weights.keys().map(|b| (*b, 0, Money::ZERO)).collect(),
            unspent: m.pool,
        });
    };
    Ok(MatchResult {
        lines: lines
            .into_iter()
            .map(|(b, amount)| (b, u128::from(weights[&b]), amount))
            .collect(),
        unspent,
    })
}

/// Quadratic-funding weights `(Σsᵢ)² − Σsᵢ²` per bucket (see the module docs).
pub fn quadratic_weights(candidates: &[Candidate]) -> BTreeMap<BucketId, u128> {
    let grouped: Vec<(BucketId, Vec<u128>)> = candidates
        .iter()
        .map(|c| {
            let mut by_org: BTreeMap<OrgId, i128> = BTreeMap::new();
            for (org, a) in &c.contributions {
                *by_org.entry(*org).or_default() += i128::from(a.cents());
            }
            (c.bucket, by_org.into_values().map(|v| v.max(0) as u128).collect())
        })
        .collect();
    // Σ√cᵢ over the whole round, to choose the precision k (√c < 2^31.5 for c < 2^63).
    let roots: u128 = grouped
        .iter()
        .flat_map(|(_, cs)| cs.iter())
        .map(|c| c.isqrt() + 1)
        .sum();
    let mut k = 0u32;
    while k < 62 && roots << (k + 1) < (1u128 << 63) {
        k += 1;
    }
    grouped
        .into_iter()
        .map(|(bucket, cs)| {
            let roots: Vec<u128> = cs.iter().map(|c| (c << (2 * k)).isqrt()).collect();
            let sum: u128 = roots.iter().sum();
            let squares: u128 = roots.iter().map(|s| s * s).sum();
            (bucket, sum * sum - squares)
        })
        .collect()
}

/// Shifts every weight right by one common number of bits until they sum below 2⁶³.
fn fit_u64(raw: &BTreeMap<BucketId, u128>) -> BTreeMap<BucketId, u64> {
    let total = |shift: u32| -> Option<u128> { raw.values().try_fold(0u128, |acc, w| acc.checked_add(w >> shift)) };
    let mut shift = 0;
    while total(shift).is_none_or(|t| t >= (1u128 << 63)) {
        shift += 1;
    }
    raw.iter().map(|(b, w)| (*b, (w >> shift) as u64)).collect()
}
