//! Sharing keys: how a co-funding campaign's amount is split among the organisations
//! that take part, to the exact cent.
//!
//! # The rule, step by step
//!
//! 1. **Fixed contributions** are taken first, in the order the terms list them
//!    ("the facilitating coop covers 10 000 €", "the grant pays 30 %"). A percentage is
//!    a number of basis points of the total, **rounded down to the cent**; the fraction of
//!    a cent this drops is not lost, it stays in the remainder shared by the participants,
//!    so everything still sums exactly. Fixed contributions must be positive and together
//!    must not exceed the total (they may equal it: nothing is then left to share).
//! 2. **The remainder** is split among participants in proportion to their key weight:
//!    [`SharingKey::Equal`] gives 1 each, [`SharingKey::Size`] the organisation's size
//!    figure, [`SharingKey::Weights`] an explicit weight (0 means "pays nothing"),
//!    [`SharingKey::Tiers`] the multiplier of the organisation's size tier.
//! 3. **Caps** (water-filling): a participant never pays above its cap. When its
//!    proportional share would exceed the cap it pays the cap and the rest is spread over
//!    the others in proportion to their weights, until stable. The exact (rational) level
//!    is found by taking candidates in increasing order of cap per unit of weight. If the
//!    caps cannot cover the remainder, everyone pays its cap and the missing amount is the
//!    `shortfall`; `covered = total - shortfall`.
//! 4. **Cents.** All arithmetic is on integers (`u128` for products), never floats. The
//!    lines always sum exactly to `covered` (to `total` when there is no shortfall).
//!
//! # Rounding to the cent, and why it is not the largest remainder method
//!
//! The largest remainder method (everyone gets its exact share rounded down, the cents
//! left over go to the largest fractions) keeps every share within one cent of the exact
//! one, but it suffers from the *new-state paradox*: when an organisation joins, another
//! one's share can go **up** by a cent. With weights 1 and 8 sharing 4 cents it gives
//! 0 and 4; add a third organisation of weight 1 and the first one's share rises to 1.
//! That would break a promise of the product ("join, and everyone else pays less or the
//! same") and, worse, a catch-up (see [`crate::catchup`]) would have to *charge* an early
//! funder a cent instead of refunding it.
//!
//! So shares are rounded with a **divisor method rounding up (Adams)**: there is one
//! common rate `μ` (cents per unit of weight) and each participant pays
//! `min(cap, ⌈weight × μ⌉)`, with `μ` chosen so the amounts sum to the remainder. In
//! practice: everyone starts at its exact water-filled share rounded *up*; the few cents
//! too many are then taken back one at a time from the participant whose next cent is the
//! least justified (the largest `(amount - 1) / weight`, i.e. the highest rate at which it
//! would still owe that cent).
//!
//! **Tie-break** (several participants at exactly the same rate): the one with the
//! *larger weight keeps* the cent, then the one with the *smaller organisation id*. So
//! 100 € among three equal participants gives 33,34 € to the smallest id and 33,33 € to
//! the two others, exactly as the largest remainder method would.
//!
//! What this guarantees (all covered by property tests):
//! - the shares sum exactly; nobody pays above its cap; nobody pays a negative amount;
//! - nobody pays more than its exact share **rounded up** to the next cent;
//! - adding a participant never raises anyone's share (one common rate can only go down);
//! - with the [`SharingKey::Equal`] key, every uncapped participant pays its exact share
//!   rounded down or up, and the result is the same as the largest remainder method.
//!
//! The price: a large participant may pay slightly *less* than its exact share rounded
//! down, because every small one rounds up. Without caps it pays at most
//! `n × weight / total weight` cents (n participants) under its exact share: a cent or
//! two in real networks, where amounts are large and participants few.
//!
//! The result never depends on the order participants are given in: they are sorted by
//! organisation id first.

use crate::money::Money;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};

/// Primary key of an organisation, as stored by the application.
pub type OrgId = i64;

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

/// What one organisation pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareLine {
    pub organisation_id: OrgId,
    pub amount: Money,
    /// A fixed contribution rather than a share of the remainder.
    pub fixed: bool,
    /// Pays exactly its cap because its proportional share would have been higher.
    pub capped: bool,
}

/// The outcome of a split.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shares {
    pub total: Money,
    /// What the lines add up to: `total - shortfall`.
    pub covered: Money,
    /// What the caps leave uncovered (zero when the campaign can be funded).
    pub shortfall: Money,
    /// Fixed lines first (in the order of the terms), then participants by organisation id.
    pub lines: Vec<ShareLine>,
}

/// What joining would change, computed before the organisation commits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinPreview {
    pub your_share: Money,
    pub before: Shares,
    pub after: Shares,
}

/// One other participant's share before and after a join.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareChange {
    pub organisation_id: OrgId,
    pub before: Money,
    pub after: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SharingError {
    #[error("the amount to share must be positive")]
    NonPositiveTotal,
    #[error("organisation {org} has a negative cap")]
    NegativeCap { org: OrgId },
    #[error("fixed contributions exceed the total")]
    FixedExceedsTotal,
    #[error("the fixed contribution of organisation {org} must be positive")]
    NonPositiveFixed { org: OrgId },
    #[error("organisation {org} has more than one fixed contribution")]
    DuplicateFixed { org: OrgId },
    #[error("no participant has a positive weight")]
    ZeroWeights,
    #[error("organisation {org} has no weight in the sharing key")]
    MissingWeight { org: OrgId },
    #[error("organisation {org} has no size figure")]
    MissingSize { org: OrgId },
    #[error("organisation {org} takes part twice")]
    DuplicateParticipant { org: OrgId },
    #[error("organisation {org} has a fixed contribution and cannot also take a share")]
    FixedParticipant { org: OrgId },
    #[error("amounts or weights out of range")]
    Overflow,
    #[error("invalid tiers: thresholds must not decrease and one multiplier must be positive")]
    InvalidTiers,
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

    fn validate(&self) -> Result<(), SharingError> {
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

    fn is_positive(self) -> bool {
        match self {
            FixedAmount::Cents(m) => m.is_positive(),
            FixedAmount::Percent { basis_points } => basis_points > 0,
        }
    }
}

impl Shares {
    pub fn line(&self, org: OrgId) -> Option<&ShareLine> {
        self.lines.iter().find(|l| l.organisation_id == org)
    }

    /// What `org` pays, fixed or shared.
    pub fn amount_of(&self, org: OrgId) -> Option<Money> {
        self.line(org).map(|l| l.amount)
    }

    /// The lines of participants (not fixed contributors), by organisation id.
    pub fn participant_lines(&self) -> impl Iterator<Item = &ShareLine> {
        self.lines.iter().filter(|l| !l.fixed)
    }
}

impl JoinPreview {
    /// For every other participant: its share before and after the join, by
    /// organisation id, so the UI can say "the others' drops from Y to Z".
    pub fn changes(&self) -> Vec<ShareChange> {
        let after: BTreeMap<OrgId, Money> = self
            .after
            .participant_lines()
            .map(|l| (l.organisation_id, l.amount))
            .collect();
        self.before
            .participant_lines()
            .map(|b| ShareChange {
                organisation_id: b.organisation_id,
                before: b.amount,
                after: after.get(&b.organisation_id).copied().unwrap_or(Money::ZERO),
            })
            .collect()
    }
}

/// Checks terms on their own, for creating a campaign before anyone pledged.
pub fn validate_terms(terms: &CampaignTerms) -> Result<(), SharingError> {
    if !terms.total.is_positive() {
        return Err(SharingError::NonPositiveTotal);
    }
    terms.key.validate()?;
    fixed_lines(terms).map(|_| ())
}

/// Splits `terms.total` among the fixed contributors and `participants`.
pub fn compute_shares(terms: &CampaignTerms, participants: &[Participant]) -> Result<Shares, SharingError> {
    validate_terms(terms)?;
    let mut lines = fixed_lines(terms)?;
    let fixed_sum = Money::checked_sum(lines.iter().map(|l| l.amount)).map_err(|_| SharingError::Overflow)?;
    let remainder = terms.total.cents() - fixed_sum.cents(); // ≥ 0, checked by fixed_lines
    let entries = entries(terms, participants)?;
    let split = split(remainder, &entries);
    lines.extend(
        entries
            .iter()
            .zip(&split.amounts)
            .zip(&split.capped)
            .map(|((e, amount), capped)| ShareLine {
                organisation_id: e.org,
                amount: Money::from_cents(*amount),
                fixed: false,
                capped: *capped,
            }),
    );
    let shortfall = Money::from_cents(split.shortfall);
    Ok(Shares {
        total: terms.total,
        covered: Money::from_cents(terms.total.cents() - split.shortfall),
        shortfall,
        lines,
    })
}

/// What `newcomer`'s share would be, and how everyone else's would change.
pub fn preview_join(
    terms: &CampaignTerms,
    current: &[Participant],
    newcomer: &Participant,
) -> Result<JoinPreview, SharingError> {
    let before = compute_shares(terms, current)?;
    let mut all = current.to_vec();
    all.push(newcomer.clone());
    let after = compute_shares(terms, &all)?;
    let your_share = after.amount_of(newcomer.organisation_id).unwrap_or(Money::ZERO);
    Ok(JoinPreview {
        your_share,
        before,
        after,
    })
}

/// Resolves and checks the fixed contributions: positive, one per organisation, not
/// more than the total together.
fn fixed_lines(terms: &CampaignTerms) -> Result<Vec<ShareLine>, SharingError> {
    let mut seen = BTreeSet::new();
    let mut sum: i128 = 0;
    let mut lines = Vec::with_capacity(terms.fixed.len());
    for f in &terms.fixed {
        let org = f.organisation_id;
        if !f.amount.is_positive() {
            return Err(SharingError::NonPositiveFixed { org });
        }
        if !seen.insert(org) {
            return Err(SharingError::DuplicateFixed { org });
        }
        let amount = f.amount.resolve(terms.total);
        sum += i128::from(amount.cents());
        if sum > i128::from(terms.total.cents()) {
            return Err(SharingError::FixedExceedsTotal);
        }
        lines.push(ShareLine {
            organisation_id: org,
            amount,
            fixed: true,
            capped: false,
        });
    }
    Ok(lines)
}

/// A participant reduced to what the split needs.
#[derive(Debug, Clone, Copy)]
struct Entry {
    org: OrgId,
    weight: u64,
    cap: Option<i64>,
}

/// Checks participants against the terms and turns them into entries sorted by
/// organisation id (so the result never depends on the order given).
fn entries(terms: &CampaignTerms, participants: &[Participant]) -> Result<Vec<Entry>, SharingError> {
    let fixed: BTreeSet<OrgId> = terms.fixed.iter().map(|f| f.organisation_id).collect();
    let mut sorted: Vec<&Participant> = participants.iter().collect();
    sorted.sort_by_key(|p| p.organisation_id);
    let mut out: Vec<Entry> = Vec::with_capacity(sorted.len());
    let mut total_weight: u64 = 0;
    for p in sorted {
        let org = p.organisation_id;
        if out.last().is_some_and(|e| e.org == org) {
            return Err(SharingError::DuplicateParticipant { org });
        }
        if fixed.contains(&org) {
            return Err(SharingError::FixedParticipant { org });
        }
        if p.cap.is_some_and(Money::is_negative) {
            return Err(SharingError::NegativeCap { org });
        }
        let weight = terms.key.weight_of(p)?;
        // Keeping the total weight within u64 keeps every product below in u128.
        total_weight = total_weight.checked_add(weight).ok_or(SharingError::Overflow)?;
        out.push(Entry {
            org,
            weight,
            cap: p.cap.map(Money::cents),
        });
    }
    // Participants who all weigh nothing (an organisation of weight 0 joining first) pay
    // nothing yet: the whole amount is the shortfall until someone who weighs joins
    // (issue 14: it could not join first, "the weights sum to zero").
    Ok(out)
}

/// Amounts in entry order, which of them the cap limited, and what is left uncovered.
struct Split {
    amounts: Vec<i64>,
    capped: Vec<bool>,
    shortfall: i64,
}

/// The exact water-filled rate: `amount / weight` cents per unit of weight for every
/// participant whose cap does not bind.
#[derive(Debug, Clone, Copy)]
enum Level {
    Rate {
        amount: u128,
        weight: u128,
    },
    /// Every participant with a positive weight pays its cap; this much is missing.
    Shortfall(i64),
}

fn split(remainder: i64, entries: &[Entry]) -> Split {
    match water_level(remainder, entries) {
        Level::Shortfall(missing) => Split {
            amounts: entries
                .iter()
                .map(|e| if e.weight > 0 { e.cap.unwrap_or(0) } else { 0 })
                .collect(),
            capped: entries.iter().map(|e| e.weight > 0).collect(),
            shortfall: missing,
        },
        Level::Rate { amount, weight } => round_at_level(remainder, entries, amount, weight),
    }
}

/// Water-filling. Participants are capped in increasing order of cap per unit of
/// weight: while the next one's proportional share of what is left exceeds its cap, it
/// pays its cap and leaves the rest to the others. Each step can only raise the rate of
/// the others, so once a candidate's cap holds, all later ones (higher cap per weight)
/// hold too.
fn water_level(remainder: i64, entries: &[Entry]) -> Level {
    let mut amount = remainder as u128; // remainder ≥ 0
    let mut weight: u128 = entries.iter().map(|e| u128::from(e.weight)).sum();
    if weight == 0 {
        // No participant, or only participants who weigh nothing: nobody pays yet.
        return Level::Shortfall(remainder);
    }
    let mut capped: Vec<(u128, u128)> = entries
        .iter()
        .filter(|e| e.weight > 0)
        .filter_map(|e| e.cap.map(|c| (c as u128, u128::from(e.weight))))
        .collect();
    capped.sort_by(|a, b| (a.0 * b.1).cmp(&(b.0 * a.1)));
    for (cap, w) in capped {
        if cap * weight >= w * amount {
            break;
        }
        // cap < w × amount / weight ≤ amount, so this cannot underflow.
        amount -= cap;
        weight -= w;
        if weight == 0 {
            return Level::Shortfall(amount as i64);
        }
    }
    Level::Rate { amount, weight }
}

/// Rounds the exact water-filled shares (Adams divisor method, see the module docs):
/// start from every share rounded up, then take back the surplus cents one at a time.
fn round_at_level(remainder: i64, entries: &[Entry], amount: u128, weight: u128) -> Split {
    let mut amounts = Vec::with_capacity(entries.len());
    let mut capped = Vec::with_capacity(entries.len());
    for e in entries {
        let w = u128::from(e.weight);
        let up = (w * amount).div_ceil(weight) as i64; // ≤ remainder
        match e.cap {
            // The cap binds when the exact share w × amount / weight exceeds it.
            Some(c) if (c as u128) * weight < w * amount => {
                amounts.push(c);
                capped.push(true);
            }
            _ => {
                amounts.push(up);
                capped.push(false);
            }
        }
    }
    // In i128: rounding up may take the sum a few cents past i64::MAX.
    let surplus = amounts.iter().map(|a| i128::from(*a)).sum::<i128>() - i128::from(remainder);
    take_back(&mut amounts, &mut capped, entries, surplus as usize);
    Split {
        amounts,
        capped,
        shortfall: 0,
    }
}

/// A participant that could give back one cent. `next` is the amount it would keep.
#[derive(Debug, PartialEq, Eq)]
struct Giver {
    next: u64,
    weight: u64,
    org: OrgId,
    index: usize,
}

impl Ord for Giver {
    /// The greatest gives back first: highest rate `next / weight`; at equal rates the
    /// smaller weight, then the larger organisation id (so larger weights, then smaller
    /// ids, keep the cent).
    fn cmp(&self, other: &Self) -> Ordering {
        let rate =
            (u128::from(self.next) * u128::from(other.weight)).cmp(&(u128::from(other.next) * u128::from(self.weight)));
        rate.then(other.weight.cmp(&self.weight)).then(self.org.cmp(&other.org))
    }
}

impl PartialOrd for Giver {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn giver(amounts: &[i64], entries: &[Entry], index: usize) -> Option<Giver> {
    let e = entries[index];
    let amount = amounts[index];
    (e.weight > 0 && amount > 0).then(|| Giver {
        next: (amount - 1) as u64,
        weight: e.weight,
        org: e.org,
        index,
    })
}

/// Takes `surplus` cents back (surplus < number of participants, each share having been
/// rounded up by less than a cent). A participant that gives a cent back pays below its
/// cap, so it is no longer "capped".
fn take_back(amounts: &mut [i64], capped: &mut [bool], entries: &[Entry], surplus: usize) {
    if surplus == 0 {
        return;
    }
    let mut heap: BinaryHeap<Giver> = (0..entries.len()).filter_map(|i| giver(amounts, entries, i)).collect();
    for _ in 0..surplus {
        let Some(top) = heap.pop() else { break };
        amounts[top.index] -= 1;
        capped[top.index] = false;
        heap.extend(giver(amounts, entries, top.index));
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

#[cfg(test)]
mod tests;

#[cfg(test)]
mod proptests;
