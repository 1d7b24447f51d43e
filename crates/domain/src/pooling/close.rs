//! Closing a round: which buckets are funded, what each raised and was matched, and
//! what goes back to each participant and to the pool.

use super::matching::{self, BucketId, Candidate, Matching};
use super::{PoolingError, split_by_weights};
use crate::money::Money;
use crate::sharing::OrgId;
use std::collections::BTreeMap;

/// A bucket's goals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BucketRules {
    pub id: BucketId,
    pub min: Money,
    pub max: Option<Money>,
}

/// What one organisation put into one bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub bucket: BucketId,
    pub organisation: OrgId,
    pub amount: Money,
}

/// One bucket's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BucketOutcome {
    pub id: BucketId,
    /// Reached its minimum.
    pub funded: bool,
    /// What participants placed in it.
    pub placed: Money,
    /// What it keeps from participants: `placed` capped at the maximum, or 0 unfunded.
    pub raised: Money,
    /// Its share of the matching pool (0 unfunded).
    pub matched: Money,
    /// Its matching weight (0 without matching or unfunded), as shared.
    pub weight: u128,
}

/// The result of a round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundOutcome {
    /// By bucket id.
    pub buckets: Vec<BucketOutcome>,
    /// What each participant gets back (allocation minus what funded buckets kept), by
    /// organisation id; zero lines are left out.
    pub returned: Vec<(OrgId, Money)>,
    /// The matching pool's part that no bucket took.
    pub matching_returned: Money,
}

impl RoundOutcome {
    /// Everything that leaves the round unspent: participants' returns and the
    /// matching pool's unspent part.
    pub fn returned_total(&self) -> Money {
        let r: i64 = self.returned.iter().map(|(_, m)| m.cents()).sum();
        Money::from_cents(r + self.matching_returned.cents())
    }

    /// What funded buckets receive in all (raised plus matched).
    pub fn funded_total(&self) -> Money {
        Money::from_cents(self.buckets.iter().map(|b| b.raised.cents() + b.matched.cents()).sum())
    }
}

/// Closes a round.
///
/// - `allocations`: each participant's allocation;
/// - `buckets`: the round's buckets;
/// - `placements`: what each organisation put in each bucket (one organisation's
///   several lines in a bucket are added up);
/// - `matching`: the round's matching, if any.
///
/// A bucket is funded when what was placed reaches its minimum. When more than its
/// maximum was placed, the excess goes back to its givers in proportion to what each
/// placed. Errors: [`PoolingError::MoreThanLeft`] when an organisation placed more than
/// its allocation (or has none), [`PoolingError::Negative`] for a negative amount,
/// [`PoolingError::Overflow`]. Placements in unknown buckets are ignored.
pub fn close_round(
    allocations: &[(OrgId, Money)],
    buckets: &[BucketRules],
    placements: &[Placement],
    matching: Option<&Matching>,
) -> Result<RoundOutcome, PoolingError> {
    close_round_by(allocations, buckets, placements, matching, |o| o)
}

/// Closes a round whose participants are not the contributors matching counts: in a
/// round with an allocation per person, `allocations`, `placements` and the returns are
/// by participant (a person), and `contributor` gives the organisation each belongs to,
/// so that matching counts one organisation's several people as one contributor (the
/// issue's rule: "contributions by one organisation through several people count as one
/// contributor"). Otherwise as [`close_round`].
pub fn close_round_by(
    allocations: &[(OrgId, Money)],
    buckets: &[BucketRules],
    placements: &[Placement],
    matching: Option<&Matching>,
    contributor: impl Fn(OrgId) -> OrgId,
) -> Result<RoundOutcome, PoolingError> {
    let mut left: BTreeMap<OrgId, i64> = BTreeMap::new();
    for (org, a) in allocations {
        if a.is_negative() {
            return Err(PoolingError::Negative);
        }
        *left.entry(*org).or_default() += a.cents();
    }
    let mut by_bucket: BTreeMap<BucketId, BTreeMap<OrgId, i64>> =
        buckets.iter().map(|b| (b.id, BTreeMap::new())).collect();
    let mut placed_by: BTreeMap<OrgId, i64> = BTreeMap::new();
    for p in placements {
        if p.amount.is_negative() {
            return Err(PoolingError::Negative);
        }
        let Some(lines) = by_bucket.get_mut(&p.bucket) else {
            continue;
        };
        *lines.entry(p.organisation).or_default() += p.amount.cents();
        *placed_by.entry(p.organisation).or_default() += p.amount.cents();
    }
    for (org, placed) in &placed_by {
        let has = left.get(org).copied().unwrap_or(0);
        if *placed > has {
            return Err(PoolingError::MoreThanLeft {
                left: Money::from_cents(has),
            });
        }
    }
    let mut outcomes = Vec::with_capacity(buckets.len());
    let mut candidates = Vec::new();
    let mut sorted = buckets.to_vec();
    sorted.sort_by_key(|b| b.id);
    sorted.dedup_by_key(|b| b.id);
    for b in &sorted {
        let lines = &by_bucket[&b.id];
        let placed: i64 = lines.values().sum();
        let funded = placed > 0 && placed >= b.min.cents();
        let kept = kept_by_each(lines, b.max.filter(|_| funded), funded)?;
        let raised: i64 = kept.values().sum();
        for (org, k) in &kept {
            *left.get_mut(org).expect("placed within an allocation") -= k;
        }
        if funded {
            candidates.push(Candidate {
                bucket: b.id,
                contributions: kept
                    .iter()
                    .map(|(o, k)| (contributor(*o), Money::from_cents(*k)))
                    .collect(),
                room: b.max.map(|m| Money::from_cents(m.cents() - raised)),
            });
        }
        outcomes.push(BucketOutcome {
            id: b.id,
            funded,
            placed: Money::from_cents(placed),
            raised: Money::from_cents(raised),
            matched: Money::ZERO,
            weight: 0,
        });
    }
    let mut matching_returned = Money::ZERO;
    if let Some(m) = matching {
        let result = matching::share(m, &candidates)?;
        let mut shares: BTreeMap<BucketId, (u128, Money)> =
            result.lines.into_iter().map(|(b, w, a)| (b, (w, a))).collect();
        for o in outcomes.iter_mut() {
            if let Some((w, a)) = shares.remove(&o.id) {
                o.weight = w;
                o.matched = a;
            }
        }
        matching_returned = result.unspent;
    }
    Ok(RoundOutcome {
        buckets: outcomes,
        returned: left
            .into_iter()
            .filter(|(_, c)| *c != 0)
            .map(|(o, c)| (o, Money::from_cents(c)))
            .collect(),
        matching_returned,
    })
}

/// What each giver leaves in a bucket: nothing when unfunded, everything under the
/// maximum, else the maximum split in proportion to what each placed (so each keeps at
/// most what it placed, and the excess goes back in the same proportion).
fn kept_by_each(
    lines: &BTreeMap<OrgId, i64>,
    max: Option<Money>,
    funded: bool,
) -> Result<BTreeMap<OrgId, i64>, PoolingError> {
    if !funded {
        return Ok(BTreeMap::new());
    }
    let placed: i64 = lines.values().sum();
    match max {
        Some(max) if placed > max.cents() => {
            let weights: BTreeMap<OrgId, u64> = lines.iter().map(|(o, a)| (*o, *a as u64)).collect();
            let caps: BTreeMap<OrgId, Money> = lines.iter().map(|(o, a)| (*o, Money::from_cents(*a))).collect();
            let (split, _) = split_by_weights(max, &weights, &caps)?.ok_or(PoolingError::Overflow)?;
            Ok(split.into_iter().map(|(o, m)| (o, m.cents())).collect())
        }
        _ => Ok(lines.clone()),
    }
}
