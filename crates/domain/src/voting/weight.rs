//! How much an organisation's vote weighs when a poll opens, and the electorate's total.
//!
//! PRODUCT.md's monthly assembly: "votes are recorded one organisation one vote with a
//! quorum". A poll may instead be weighted by size (e.g. member households), the same
//! figure the [`crate::sharing::SharingKey::Size`] key shares costs by; and as there, a
//! missing or zero size is an error rather than a silent default: one voice for an
//! organisation of unknown size would under-weigh a large coop, and no voice would
//! silence it.

use crate::sharing::OrgId;

/// Why an electorate cannot be weighed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WeightError {
    /// The poll is weighted by size and this organisation has none (or 0).
    #[error("organisation {org} has no size, and the poll is weighted by size")]
    MissingSize { org: OrgId },
    /// The weights add up beyond `i64::MAX`, the largest total stored.
    #[error("the electorate's weights add up beyond the range of weights")]
    Overflow,
}

/// The weight of the vote of organisation `org` whose size figure is `size`.
///
/// - Not weighted: 1, whatever the size ("one organisation, one voice").
/// - Weighted by size: the size, which must be positive; a missing or zero size is
///   [`WeightError::MissingSize`] naming `org`, so that the poll is not opened until the
///   organisation has a size (or the poll is opened unweighted).
pub fn vote_weight(org: OrgId, weighted: bool, size: Option<u64>) -> Result<u64, WeightError> {
    if !weighted {
        return Ok(1);
    }
    match size {
        Some(s) if s > 0 => Ok(s),
        _ => Err(WeightError::MissingSize { org }),
    }
}

/// The total weight of an electorate (the base of a quorum): the sum of its voters'
/// weights, at most `i64::MAX` (the range weights are stored in, like
/// [`crate::Money`]); beyond, [`WeightError::Overflow`].
pub fn electorate_weight<I: IntoIterator<Item = u64>>(weights: I) -> Result<u64, WeightError> {
    let limit = i64::MAX.unsigned_abs();
    weights
        .into_iter()
        .try_fold(0u64, |sum, w| sum.checked_add(w).filter(|s| *s <= limit))
        .ok_or(WeightError::Overflow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_organisation_one_voice_unless_weighted() {
        assert_eq!(vote_weight(1, false, Some(2_400)), Ok(1));
        assert_eq!(vote_weight(1, false, None), Ok(1));
        assert_eq!(vote_weight(1, false, Some(0)), Ok(1));
    }

    #[test]
    fn weighted_by_size() {
        assert_eq!(vote_weight(1, true, Some(2_400)), Ok(2_400));
        assert_eq!(vote_weight(1, true, Some(1)), Ok(1));
        assert_eq!(vote_weight(1, true, Some(u64::MAX)), Ok(u64::MAX));
    }

    #[test]
    fn a_missing_or_zero_size_names_the_organisation() {
        assert_eq!(vote_weight(7, true, None), Err(WeightError::MissingSize { org: 7 }));
        assert_eq!(vote_weight(8, true, Some(0)), Err(WeightError::MissingSize { org: 8 }));
        assert_eq!(
            WeightError::MissingSize { org: 7 }.to_string(),
            "organisation 7 has no size, and the poll is weighted by size"
        );
    }

    #[test]
    fn the_total_is_checked() {
        assert_eq!(electorate_weight([2_400, 900, 650]), Ok(3_950));
        assert_eq!(electorate_weight([]), Ok(0));
        let max = i64::MAX.unsigned_abs();
        assert_eq!(electorate_weight([max]), Ok(max));
        assert_eq!(electorate_weight([max, 1]), Err(WeightError::Overflow));
        assert_eq!(electorate_weight([u64::MAX, u64::MAX]), Err(WeightError::Overflow));
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn unweighted_is_always_one(org in any::<i64>(), size in any::<Option<u64>>()) {
            prop_assert_eq!(vote_weight(org, false, size), Ok(1));
        }

        #[test]
        fn weighted_is_the_size_or_an_error(org in any::<i64>(), size in any::<Option<u64>>()) {
            match vote_weight(org, true, size) {
                Ok(w) => prop_assert_eq!(Some(w), size.filter(|s| *s > 0)),
                Err(e) => {
                    prop_assert_eq!(e, WeightError::MissingSize { org });
                    prop_assert!(size.unwrap_or(0) == 0);
                }
            }
        }

        #[test]
        fn the_total_is_the_exact_sum_or_an_error(weights in prop::collection::vec(any::<u64>(), 0..6)) {
            let exact: u128 = weights.iter().map(|w| u128::from(*w)).sum();
            match electorate_weight(weights.iter().copied()) {
                Ok(total) => prop_assert_eq!(u128::from(total), exact),
                Err(e) => {
                    prop_assert_eq!(e, WeightError::Overflow);
                    prop_assert!(exact > i64::MAX as u128);
                }
            }
        }
    }
}
