//! A campaign's terms (its total, sharing key and fixed contributions) and its
//! participants (size, explicit weight, cap), with what each key weighs.

use super::{OrgId, SharingError};
use crate::money::Money;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How the remainder (after fixed contributions) is split among participants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SharingKey {
    /// Everyone pays the same.
    Equal,
    /// In proportion to each organisation's size figure (e.g. member households). A
    /// missing or zero size is an error, here and for tiers: it would silently exempt.
    Size,
    /// Explicit weights per organisation; JSON keys are organisation ids as strings.
    Weights {
        #[serde(with = "org_keyed")]
        weights: BTreeMap<OrgId, u64>,
    },
    /// A multiplier per size tier: `size < medium_from` → `small`,
    /// `size < large_from` → `medium`, else `large`.
    Tiers {
        small: u32,
        medium: u32,
        large: u32,
        medium_from: u64,
        large_from: u64,
    },
}

/// An amount a named organisation covers before anything is shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FixedAmount {
    /// A fixed amount ("the facilitating coop covers 10 000 €").
    Cents(Money),
    /// A share of the total in basis points ("the grant pays 30 %" = 3000), rounded down
    /// to the cent.
    Percent { basis_points: u32 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixedContribution {
    pub organisation_id: OrgId,
    pub amount: FixedAmount,
}

/// What a campaign asks for and how it is shared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignTerms {
    pub total: Money,
    pub key: SharingKey,
    #[serde(default)]
    pub fixed: Vec<FixedContribution>,
}

/// An organisation taking part in the sharing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub organisation_id: OrgId,
    /// Size figure, read by the [`SharingKey::Size`] and [`SharingKey::Tiers`] keys.
    pub size: Option<u64>,
    /// The most this organisation agrees to pay.
    pub cap: Option<Money>,
}

impl Participant {
    pub fn new(organisation_id: OrgId) -> Participant {
        Participant {
            organisation_id,
            size: None,
            cap: None,
        }
    }

    pub fn with_size(mut self, size: u64) -> Participant {
        self.size = Some(size);
        self
    }

    pub fn with_cap(mut self, cap: Money) -> Participant {
        self.cap = Some(cap);
        self
    }
}

impl SharingKey {
    /// The weight a participant carries under this key.
    pub fn weight_of(&self, participant: &Participant) -> Result<u64, SharingError> {
        let org = participant.organisation_id;
        // A size of 0 is as good as unknown: it would silently exempt the organisation.
        let size = || {
            participant
                .size
                .filter(|s| *s > 0)
                .ok_or(SharingError::MissingSize { org })
        };
        match self {
            SharingKey::Equal => Ok(1),
            SharingKey::Size => size(),
            SharingKey::Weights { weights } => weights.get(&org).copied().ok_or(SharingError::MissingWeight { org }),
            SharingKey::Tiers { .. } => Ok(u64::from(self.tier_multiplier(size()?))),
        }
    }

    /// The multiplier of the tier `size` falls in (1 for keys without tiers).
    pub fn tier_multiplier(&self, size: u64) -> u32 {
        match *self {
            SharingKey::Tiers {
                small,
                medium,
                large,
                medium_from,
                large_from,
            } => {
                if size < medium_from {
                    small
                } else if size < large_from {
                    medium
                } else {
                    large
                }
            }
            _ => 1,
        }
    }

    pub(super) fn validate(&self) -> Result<(), SharingError> {
        match self {
            SharingKey::Weights { weights } if weights.values().all(|w| *w == 0) => Err(SharingError::ZeroWeights),
            SharingKey::Tiers {
                small,
                medium,
                large,
                medium_from,
                large_from,
            } => {
                let some_positive = *small > 0 || *medium > 0 || *large > 0;
                if medium_from > large_from || !some_positive {
                    return Err(SharingError::InvalidTiers);
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

impl FixedAmount {
    /// The amount in cents for a campaign of `total`. Percentages round down; the
    /// fraction of a cent stays in the shared remainder.
    pub fn resolve(self, total: Money) -> Money {
        match self {
            FixedAmount::Cents(m) => m,
            FixedAmount::Percent { basis_points } => {
                let cents = i128::from(total.cents()) * i128::from(basis_points) / 10_000;
                // Cannot exceed i64 for basis points ≤ 10 000; larger ones are caught by
                // the "exceeds total" check, so saturate rather than fail here.
                Money::from_cents(i64::try_from(cents).unwrap_or(i64::MAX))
            }
        }
    }

    pub(super) fn is_positive(self) -> bool {
        match self {
            FixedAmount::Cents(m) => m.is_positive(),
            FixedAmount::Percent { basis_points } => basis_points > 0,
        }
    }
}

/// JSON object keys are strings; organisation ids are written as decimal strings. This
/// is needed explicitly because the key is an internally tagged enum, through which
/// serde cannot read integer map keys from strings on its own.
mod org_keyed {
    use super::OrgId;
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::collections::BTreeMap;

    pub fn serialize<S: Serializer>(map: &BTreeMap<OrgId, u64>, s: S) -> Result<S::Ok, S::Error> {
        let as_text: BTreeMap<String, u64> = map.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        as_text.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<OrgId, u64>, D::Error> {
        let as_text = BTreeMap::<String, u64>::deserialize(d)?;
        as_text
            .into_iter()
            .map(|(k, v)| {
                k.parse::<OrgId>()
                    .map(|k| (k, v))
                    .map_err(|_| D::Error::custom(format!("not an organisation id: {k}")))
            })
            .collect()
    }
}
