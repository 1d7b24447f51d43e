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
    if !out.is_empty() && total_weight == 0 {
        return Err(SharingError::ZeroWeights);
    }
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
        // No participant (zero weights alone are rejected earlier).
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
mod tests {
    use super::*;

    fn eur(units: i64) -> Money {
        Money::from_cents(units * 100)
    }

    fn terms(total: Money, key: SharingKey) -> CampaignTerms {
        CampaignTerms {
            total,
            key,
            fixed: vec![],
        }
    }

    fn equal(orgs: impl IntoIterator<Item = OrgId>) -> Vec<Participant> {
        orgs.into_iter().map(Participant::new).collect()
    }

    /// Participant lines as (org, cents).
    fn amounts(shares: &Shares) -> Vec<(OrgId, i64)> {
        shares
            .participant_lines()
            .map(|l| (l.organisation_id, l.amount.cents()))
            .collect()
    }

    fn lines_sum(shares: &Shares) -> i64 {
        shares.lines.iter().map(|l| l.amount.cents()).sum()
    }

    #[test]
    fn seed_migration_50_000_eur_among_seven() {
        // Six supermarkets and the facilitating cooperative, equal key.
        let shares = compute_shares(&terms(eur(50_000), SharingKey::Equal), &equal(1..=7)).unwrap();
        assert_eq!(
            amounts(&shares),
            vec![
                (1, 714_286),
                (2, 714_286),
                (3, 714_286),
                (4, 714_286),
                (5, 714_286),
                (6, 714_285),
                (7, 714_285)
            ]
        );
        assert_eq!(lines_sum(&shares), 5_000_000);
        assert_eq!((shares.covered, shares.shortfall), (eur(50_000), Money::ZERO));
    }

    #[test]
    fn seed_small_co_fundings() {
        let split = |total, n| amounts(&compute_shares(&terms(total, SharingKey::Equal), &equal(1..=n)).unwrap());
        assert_eq!(split(eur(300), 4), vec![(1, 7_500), (2, 7_500), (3, 7_500), (4, 7_500)]);
        assert_eq!(split(eur(400), 2), vec![(1, 20_000), (2, 20_000)]);
        // The extra cent goes to the smallest organisation id.
        assert_eq!(split(eur(100), 3), vec![(1, 3_334), (2, 3_333), (3, 3_333)]);
    }

    #[test]
    fn size_key_weighs_by_size() {
        let people = [(1, 120), (2, 300), (3, 780)].map(|(o, s)| Participant::new(o).with_size(s));
        let shares = compute_shares(&terms(eur(1_200), SharingKey::Size), &people).unwrap();
        assert_eq!(amounts(&shares), vec![(1, 12_000), (2, 30_000), (3, 78_000)]);

        // 1 000 cents by sizes 1, 2, 4: exact 142.86, 285.71, 571.43.
        let people = [(1, 1), (2, 2), (3, 4)].map(|(o, s)| Participant::new(o).with_size(s));
        let shares = compute_shares(&terms(Money::from_cents(1_000), SharingKey::Size), &people).unwrap();
        assert_eq!(amounts(&shares), vec![(1, 143), (2, 286), (3, 571)]);
    }

    #[test]
    fn explicit_weights_and_zero_weight() {
        let key = SharingKey::Weights {
            weights: BTreeMap::from([(1, 3), (2, 1), (3, 0)]),
        };
        let shares = compute_shares(&terms(eur(1_000), key), &equal(1..=3)).unwrap();
        assert_eq!(amounts(&shares), vec![(1, 75_000), (2, 25_000), (3, 0)]);
    }

    #[test]
    fn tiers_multiply_by_size_tier() {
        let key = SharingKey::Tiers {
            small: 1,
            medium: 2,
            large: 4,
            medium_from: 100,
            large_from: 1_000,
        };
        assert_eq!([99, 100, 999, 1_000].map(|s| key.tier_multiplier(s)), [1, 2, 2, 4]);
        let people =
            [(1, 50), (2, 100), (3, 999), (4, 1_000), (5, 5_000)].map(|(o, s)| Participant::new(o).with_size(s));
        let shares = compute_shares(&terms(eur(1_300), key), &people).unwrap();
        assert_eq!(
            amounts(&shares),
            vec![(1, 10_000), (2, 20_000), (3, 20_000), (4, 40_000), (5, 40_000)]
        );
    }

    #[test]
    fn caps_bind_with_water_filling() {
        // 250 000 each at first; org 1 is held at 100 000, which lifts the others to
        // 300 000, above org 2's cap of 290 000; the last two share the rest.
        let people = vec![
            Participant::new(1).with_cap(Money::from_cents(100_000)),
            Participant::new(2).with_cap(Money::from_cents(290_000)),
            Participant::new(3).with_cap(Money::from_cents(400_000)),
            Participant::new(4),
        ];
        let shares = compute_shares(&terms(eur(10_000), SharingKey::Equal), &people).unwrap();
        assert_eq!(
            amounts(&shares),
            vec![(1, 100_000), (2, 290_000), (3, 305_000), (4, 305_000)]
        );
        let capped: Vec<bool> = shares.participant_lines().map(|l| l.capped).collect();
        assert_eq!(capped, vec![true, true, false, false]);
        assert_eq!(shares.shortfall, Money::ZERO);
    }

    #[test]
    fn a_cap_equal_to_the_share_does_not_bind_and_a_zero_cap_pays_nothing() {
        let people = vec![
            Participant::new(1).with_cap(eur(50)),
            Participant::new(2),
            Participant::new(3).with_cap(Money::ZERO),
        ];
        let shares = compute_shares(&terms(eur(100), SharingKey::Equal), &people).unwrap();
        assert_eq!(amounts(&shares), vec![(1, 5_000), (2, 5_000), (3, 0)]);
        let capped: Vec<bool> = shares.participant_lines().map(|l| l.capped).collect();
        assert_eq!(capped, vec![false, false, true]);
    }

    #[test]
    fn caps_that_cannot_cover_leave_a_shortfall() {
        let people = vec![
            Participant::new(1).with_cap(eur(300)),
            Participant::new(2).with_cap(eur(200)),
        ];
        let shares = compute_shares(&terms(eur(1_000), SharingKey::Equal), &people).unwrap();
        assert_eq!(amounts(&shares), vec![(1, 30_000), (2, 20_000)]);
        assert_eq!((shares.covered, shares.shortfall), (eur(500), eur(500)));
        assert!(shares.participant_lines().all(|l| l.capped));
    }

    #[test]
    fn fixed_cents_come_first() {
        // The facilitating cooperative (7) covers 10 000 €; six supermarkets share 40 000 €.
        let mut t = terms(eur(50_000), SharingKey::Equal);
        t.fixed = vec![FixedContribution {
            organisation_id: 7,
            amount: FixedAmount::Cents(eur(10_000)),
        }];
        let shares = compute_shares(&t, &equal(1..=6)).unwrap();
        assert_eq!(
            shares.lines[0],
            ShareLine {
                organisation_id: 7,
                amount: eur(10_000),
                fixed: true,
                capped: false
            }
        );
        assert_eq!(
            amounts(&shares),
            vec![
                (1, 666_667),
                (2, 666_667),
                (3, 666_667),
                (4, 666_667),
                (5, 666_666),
                (6, 666_666)
            ]
        );
        assert_eq!(lines_sum(&shares), 5_000_000);
    }

    #[test]
    fn fixed_percent_rounds_down_and_the_cent_stays_shared() {
        let mut t = terms(eur(1_200), SharingKey::Equal);
        t.fixed = vec![FixedContribution {
            organisation_id: 100,
            amount: FixedAmount::Percent { basis_points: 3_000 },
        }];
        let shares = compute_shares(&t, &equal(1..=3)).unwrap();
        assert_eq!(shares.amount_of(100), Some(Money::from_cents(36_000)));
        assert_eq!(amounts(&shares), vec![(1, 28_000), (2, 28_000), (3, 28_000)]);

        // 33,33 % of 100,01 € is 33,333… €: the grant pays 33,33 €, the rest is shared.
        let mut t = terms(Money::from_cents(10_001), SharingKey::Equal);
        t.fixed = vec![FixedContribution {
            organisation_id: 100,
            amount: FixedAmount::Percent { basis_points: 3_333 },
        }];
        let shares = compute_shares(&t, &equal(1..=2)).unwrap();
        assert_eq!(shares.amount_of(100), Some(Money::from_cents(3_333)));
        assert_eq!(amounts(&shares), vec![(1, 3_334), (2, 3_334)]);
    }

    #[test]
    fn fixed_equal_to_total_leaves_nothing_to_share() {
        let mut t = terms(eur(100), SharingKey::Equal);
        t.fixed = vec![FixedContribution {
            organisation_id: 9,
            amount: FixedAmount::Percent { basis_points: 10_000 },
        }];
        let shares = compute_shares(&t, &equal(1..=2)).unwrap();
        assert_eq!(amounts(&shares), vec![(1, 0), (2, 0)]);
        assert_eq!((shares.covered, shares.shortfall), (eur(100), Money::ZERO));
    }

    #[test]
    fn without_participants_only_fixed_is_covered() {
        let mut t = terms(eur(100), SharingKey::Equal);
        t.fixed = vec![FixedContribution {
            organisation_id: 9,
            amount: FixedAmount::Cents(eur(30)),
        }];
        let shares = compute_shares(&t, &[]).unwrap();
        assert_eq!((shares.covered, shares.shortfall), (eur(30), eur(70)));
        assert_eq!(shares.lines.len(), 1);
    }

    #[test]
    fn joining_never_raises_a_share_where_largest_remainder_would() {
        // Largest remainder gives 0 and 4 here, then 1, 3 and 0 once org 3 joins: org 1
        // would pay one cent more for having company. One common rate cannot do that.
        let key = SharingKey::Weights {
            weights: BTreeMap::from([(1, 1), (2, 8), (3, 1)]),
        };
        let t = terms(Money::from_cents(4), key);
        let before = compute_shares(&t, &equal(1..=2)).unwrap();
        let after = compute_shares(&t, &equal(1..=3)).unwrap();
        assert_eq!(amounts(&before), vec![(1, 1), (2, 3)]);
        assert_eq!(amounts(&after), vec![(1, 1), (2, 2), (3, 1)]);
    }

    #[test]
    fn preview_join_says_what_changes() {
        let t = terms(eur(300), SharingKey::Equal);
        let preview = preview_join(&t, &equal(1..=3), &Participant::new(4)).unwrap();
        assert_eq!(preview.your_share, Money::from_cents(7_500));
        let changes: Vec<(OrgId, i64, i64)> = preview
            .changes()
            .iter()
            .map(|c| (c.organisation_id, c.before.cents(), c.after.cents()))
            .collect();
        assert_eq!(
            changes,
            vec![(1, 10_000, 7_500), (2, 10_000, 7_500), (3, 10_000, 7_500)]
        );
        assert_eq!(
            preview_join(&t, &equal(1..=3), &Participant::new(2)),
            Err(SharingError::DuplicateParticipant { org: 2 })
        );
    }

    #[test]
    fn the_order_participants_come_in_does_not_matter() {
        let people = [(5, 3), (1, 7), (3, 2)].map(|(o, s)| Participant::new(o).with_size(s));
        let mut reversed = people.clone();
        reversed.reverse();
        let t = terms(Money::from_cents(1_001), SharingKey::Size);
        assert_eq!(compute_shares(&t, &people), compute_shares(&t, &reversed));
        assert_eq!(
            amounts(&compute_shares(&t, &people).unwrap()),
            vec![(1, 584), (3, 167), (5, 250)]
        );
    }

    #[test]
    fn terms_and_shares_round_trip_through_json() {
        let key_json = [
            (SharingKey::Equal, r#"{"kind":"equal"}"#),
            (SharingKey::Size, r#"{"kind":"size"}"#),
            (
                SharingKey::Weights {
                    weights: BTreeMap::from([(-2, 1), (12, 3)]),
                },
                r#"{"kind":"weights","weights":{"-2":1,"12":3}}"#,
            ),
            (
                SharingKey::Tiers {
                    small: 1,
                    medium: 2,
                    large: 3,
                    medium_from: 10,
                    large_from: 100,
                },
                r#"{"kind":"tiers","small":1,"medium":2,"large":3,"medium_from":10,"large_from":100}"#,
            ),
        ];
        for (key, json) in key_json {
            assert_eq!(serde_json::to_string(&key).unwrap(), json);
            assert_eq!(serde_json::from_str::<SharingKey>(json).unwrap(), key);
        }
        let t = CampaignTerms {
            total: eur(1_000),
            key: SharingKey::Weights {
                weights: BTreeMap::from([(1, 2)]),
            },
            fixed: vec![
                FixedContribution {
                    organisation_id: 3,
                    amount: FixedAmount::Cents(eur(10)),
                },
                FixedContribution {
                    organisation_id: 4,
                    amount: FixedAmount::Percent { basis_points: 50 },
                },
            ],
        };
        let json = serde_json::to_string(&t).unwrap();
        assert!(
            json.contains(r#"{"cents":1000}"#) && json.contains(r#"{"percent":{"basis_points":50}}"#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<CampaignTerms>(&json).unwrap(), t);
        let shares = compute_shares(&t, &equal([1])).unwrap();
        assert_eq!(
            serde_json::from_str::<Shares>(&serde_json::to_string(&shares).unwrap()).unwrap(),
            shares
        );
        assert!(serde_json::from_str::<SharingKey>(r#"{"kind":"weights","weights":{"x":1}}"#).is_err());
        // Fixed contributions may be left out.
        let bare: CampaignTerms = serde_json::from_str(r#"{"total":100,"key":{"kind":"equal"}}"#).unwrap();
        assert!(bare.fixed.is_empty());
    }

    #[test]
    fn every_error_has_its_variant() {
        use SharingError::*;
        let equal_terms = |total| terms(total, SharingKey::Equal);
        let fixed = |org, amount| FixedContribution {
            organisation_id: org,
            amount,
        };
        let with_fixed = |list: Vec<FixedContribution>| CampaignTerms {
            fixed: list,
            ..equal_terms(eur(100))
        };
        let one = equal([1]);

        assert_eq!(compute_shares(&equal_terms(Money::ZERO), &one), Err(NonPositiveTotal));
        assert_eq!(validate_terms(&equal_terms(eur(-1))), Err(NonPositiveTotal));
        let negative = [Participant::new(1).with_cap(Money::from_cents(-1))];
        assert_eq!(
            compute_shares(&equal_terms(eur(1)), &negative),
            Err(NegativeCap { org: 1 })
        );
        let too_much = with_fixed(vec![
            fixed(8, FixedAmount::Cents(eur(60))),
            fixed(9, FixedAmount::Percent { basis_points: 5_000 }),
        ]);
        assert_eq!(validate_terms(&too_much), Err(FixedExceedsTotal));
        let huge = with_fixed(vec![fixed(8, FixedAmount::Percent { basis_points: u32::MAX })]);
        assert_eq!(validate_terms(&huge), Err(FixedExceedsTotal));
        assert_eq!(
            validate_terms(&with_fixed(vec![fixed(8, FixedAmount::Cents(Money::ZERO))])),
            Err(NonPositiveFixed { org: 8 })
        );
        assert_eq!(
            validate_terms(&with_fixed(vec![fixed(8, FixedAmount::Percent { basis_points: 0 })])),
            Err(NonPositiveFixed { org: 8 })
        );
        let twice = with_fixed(vec![
            fixed(8, FixedAmount::Cents(eur(1))),
            fixed(8, FixedAmount::Cents(eur(1))),
        ]);
        assert_eq!(validate_terms(&twice), Err(DuplicateFixed { org: 8 }));
        let zero = SharingKey::Weights {
            weights: BTreeMap::from([(1, 0), (2, 0)]),
        };
        assert_eq!(validate_terms(&terms(eur(1), zero)), Err(ZeroWeights));
        let others_only = SharingKey::Weights {
            weights: BTreeMap::from([(1, 0), (2, 5)]),
        };
        assert_eq!(
            compute_shares(&terms(eur(1), others_only.clone()), &one),
            Err(ZeroWeights)
        );
        assert_eq!(
            compute_shares(&terms(eur(1), others_only), &equal([3])),
            Err(MissingWeight { org: 3 })
        );
        assert_eq!(
            compute_shares(&terms(eur(1), SharingKey::Size), &one),
            Err(MissingSize { org: 1 })
        );
        let sized_zero = [Participant::new(1).with_size(0)];
        assert_eq!(
            compute_shares(&terms(eur(1), SharingKey::Size), &sized_zero),
            Err(MissingSize { org: 1 })
        );
        assert_eq!(
            compute_shares(&equal_terms(eur(1)), &equal([2, 1, 2])),
            Err(DuplicateParticipant { org: 2 })
        );
        let pledging_fixed = with_fixed(vec![fixed(1, FixedAmount::Cents(eur(1)))]);
        assert_eq!(compute_shares(&pledging_fixed, &one), Err(FixedParticipant { org: 1 }));
        let heavy = SharingKey::Weights {
            weights: BTreeMap::from([(1, u64::MAX), (2, 1)]),
        };
        assert_eq!(compute_shares(&terms(eur(1), heavy), &equal([1, 2])), Err(Overflow));
        let inverted = SharingKey::Tiers {
            small: 1,
            medium: 2,
            large: 3,
            medium_from: 10,
            large_from: 5,
        };
        assert_eq!(validate_terms(&terms(eur(1), inverted)), Err(InvalidTiers));
        let all_zero = SharingKey::Tiers {
            small: 0,
            medium: 0,
            large: 0,
            medium_from: 1,
            large_from: 5,
        };
        assert_eq!(validate_terms(&terms(eur(1), all_zero)), Err(InvalidTiers));
        let free_small = SharingKey::Tiers {
            small: 0,
            medium: 1,
            large: 1,
            medium_from: 10,
            large_from: 50,
        };
        let small = [Participant::new(1).with_size(3)];
        assert_eq!(compute_shares(&terms(eur(1), free_small), &small), Err(ZeroWeights));
    }

    #[test]
    fn extreme_amounts_stay_exact() {
        let people = [(1, u64::MAX / 2), (2, u64::MAX / 2 - 1)].map(|(o, s)| Participant::new(o).with_size(s));
        let shares = compute_shares(&terms(Money::from_cents(i64::MAX), SharingKey::Size), &people).unwrap();
        assert_eq!(lines_sum(&shares) as i128, i64::MAX as i128);
        let capped = [
            Participant::new(1).with_cap(Money::from_cents(i64::MAX - 1)),
            Participant::new(2).with_cap(Money::from_cents(1)),
        ];
        let shares = compute_shares(&terms(Money::from_cents(i64::MAX), SharingKey::Equal), &capped).unwrap();
        assert_eq!(amounts(&shares), vec![(1, i64::MAX - 1), (2, 1)]);
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    /// A campaign, its participants, and one more organisation that could join.
    #[derive(Debug, Clone)]
    struct Case {
        terms: CampaignTerms,
        participants: Vec<Participant>,
        newcomer: Participant,
    }

    fn key_of(kind: u8, people: &[(OrgId, u64, u64)]) -> SharingKey {
        match kind {
            0 => SharingKey::Equal,
            1 => SharingKey::Size,
            2 => {
                let mut weights: BTreeMap<OrgId, u64> = people.iter().map(|(o, _, w)| (*o, *w)).collect();
                // Keep at least one positive weight among the participants themselves.
                if let Some(first) = weights.values_mut().next() {
                    *first = (*first).max(1);
                }
                SharingKey::Weights { weights }
            }
            _ => SharingKey::Tiers {
                small: 1,
                medium: 3,
                large: 7,
                medium_from: 100,
                large_from: 600,
            },
        }
    }

    /// Organisation id → (size, weight, cap in cents).
    type People = BTreeMap<OrgId, (u64, u64, Option<i64>)>;

    fn people(n: usize, max_cap: i64, cap_p: f64) -> impl Strategy<Value = People> {
        let one = (1u64..1_000, 0u64..12, prop::option::weighted(cap_p, 0..=max_cap));
        prop::collection::btree_map(-20i64..500, one, 1..=n)
    }

    prop_compose! {
        /// Up to `max_n` participants (plus a newcomer), amounts up to `max_total`
        /// cents, any key, caps with probability `cap_p`, sometimes a fixed share.
        fn case(max_n: usize, max_total: i64, cap_p: f64)(
            total in 1..=max_total,
            people in people(max_n + 1, max_total, cap_p),
            kind in 0u8..4,
            fixed in prop::option::weighted(0.3, (any::<bool>(), 1u32..=10_000)),
        ) -> Case {
            build_case(total, &people, kind, fixed)
        }
    }

    /// The last organisation by id is the newcomer, so the weights key's first positive
    /// weight (see `key_of`) is a participant's.
    fn build_case(total: i64, people: &People, kind: u8, fixed: Option<(bool, u32)>) -> Case {
        let list: Vec<(OrgId, u64, u64)> = people.iter().map(|(o, (s, w, _))| (*o, *s, *w)).collect();
        let mut all: Vec<Participant> = people
            .iter()
            .map(|(o, (s, _, cap))| Participant {
                organisation_id: *o,
                size: Some(*s),
                cap: cap.map(Money::from_cents),
            })
            .collect();
        let newcomer = all.pop().unwrap();
        let mut key = key_of(kind, &list);
        if let SharingKey::Weights { weights } = &mut key
            && all.is_empty()
        {
            weights.insert(newcomer.organisation_id, 1);
        }
        let fixed = fixed.map(|(cents, bp)| FixedContribution {
            organisation_id: 10_000,
            amount: if cents {
                FixedAmount::Cents(Money::from_cents(1 + (i64::from(bp) * 7919) % total))
            } else {
                FixedAmount::Percent { basis_points: bp }
            },
        });
        let terms = CampaignTerms {
            total: Money::from_cents(total),
            key,
            fixed: fixed.into_iter().collect(),
        };
        Case {
            terms,
            participants: all,
            newcomer,
        }
    }

    fn uncapped(mut case: Case) -> Case {
        case.participants.iter_mut().for_each(|p| p.cap = None);
        case.newcomer.cap = None;
        case
    }

    fn weight(key: &SharingKey, p: &Participant) -> u128 {
        u128::from(key.weight_of(p).unwrap())
    }

    /// Independent oracle: the exact water-filled share of every participant as a
    /// fraction (numerator, denominator), by the textbook loop "cap whoever exceeds,
    /// recompute, until stable".
    fn exact_shares(terms: &CampaignTerms, participants: &[Participant]) -> BTreeMap<OrgId, (u128, u128)> {
        let fixed: i64 = terms.fixed.iter().map(|f| f.amount.resolve(terms.total).cents()).sum();
        let remainder = (terms.total.cents() - fixed) as u128;
        let mut capped: BTreeSet<OrgId> = BTreeSet::new();
        loop {
            let free: Vec<&Participant> = participants
                .iter()
                .filter(|p| !capped.contains(&p.organisation_id))
                .collect();
            let caps: u128 = participants
                .iter()
                .filter(|p| capped.contains(&p.organisation_id))
                .map(|p| p.cap.unwrap().cents() as u128)
                .sum();
            let w: u128 = free.iter().map(|p| weight(&terms.key, p)).sum();
            let left = remainder.saturating_sub(caps);
            let over: Vec<OrgId> = free
                .iter()
                .filter(|p| {
                    p.cap
                        .is_some_and(|c| (c.cents() as u128) * w < weight(&terms.key, p) * left)
                })
                .map(|p| p.organisation_id)
                .collect();
            if over.is_empty() || w == 0 {
                return participants
                    .iter()
                    .map(|p| {
                        let share = if capped.contains(&p.organisation_id) {
                            (p.cap.unwrap().cents() as u128, 1)
                        } else if w == 0 {
                            (0, 1)
                        } else {
                            (weight(&terms.key, p) * left, w)
                        };
                        (p.organisation_id, share)
                    })
                    .collect();
            }
            capped.extend(over);
        }
    }

    /// Independent oracle for small amounts: Adams' method with caps, one cent at a time
    /// to the highest priority weight / cents-so-far (a participant with no cent yet
    /// first), ties to the larger weight then the smaller id.
    fn sequential_adams(terms: &CampaignTerms, participants: &[Participant]) -> (BTreeMap<OrgId, i64>, i64) {
        let fixed: i64 = terms.fixed.iter().map(|f| f.amount.resolve(terms.total).cents()).sum();
        let mut paid: BTreeMap<OrgId, i64> = participants.iter().map(|p| (p.organisation_id, 0)).collect();
        let mut left = terms.total.cents() - fixed;
        while left > 0 {
            let best = participants
                .iter()
                .filter(|p| weight(&terms.key, p) > 0 && p.cap.is_none_or(|c| paid[&p.organisation_id] < c.cents()))
                .max_by(|a, b| {
                    let (wa, wb) = (weight(&terms.key, a), weight(&terms.key, b));
                    let (pa, pb) = (paid[&a.organisation_id] as u128, paid[&b.organisation_id] as u128);
                    // wa / pa > wb / pb  ⇔  wa × pb > wb × pa (zero cents = infinite priority).
                    (wa * pb)
                        .cmp(&(wb * pa))
                        .then(wa.cmp(&wb))
                        .then(b.organisation_id.cmp(&a.organisation_id))
                });
            let Some(best) = best else { break };
            *paid.get_mut(&best.organisation_id).unwrap() += 1;
            left -= 1;
        }
        (paid, left)
    }

    fn amount(shares: &Shares, org: OrgId) -> i64 {
        shares.amount_of(org).unwrap().cents()
    }

    /// A deterministic shuffle driven by `seed`.
    fn shuffled(mut v: Vec<Participant>, mut seed: u64) -> Vec<Participant> {
        for i in (1..v.len()).rev() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            v.swap(i, (seed >> 33) as usize % (i + 1));
        }
        v
    }

    proptest! {
        #[test]
        fn sums_are_exact(case in case(12, 10_000_000, 0.3)) {
            let s = compute_shares(&case.terms, &case.participants).unwrap();
            let sum: i64 = s.lines.iter().map(|l| l.amount.cents()).sum();
            prop_assert_eq!(s.covered.cents() + s.shortfall.cents(), s.total.cents());
            prop_assert_eq!(sum, s.covered.cents());
            if s.shortfall == Money::ZERO {
                prop_assert_eq!(sum, case.terms.total.cents());
            } else {
                // A shortfall only when every paying participant is at its cap.
                for p in &case.participants {
                    let w = case.terms.key.weight_of(p).unwrap();
                    prop_assert!(w == 0 || Some(s.amount_of(p.organisation_id).unwrap()) == p.cap);
                }
            }
        }

        #[test]
        fn shares_stay_between_zero_cap_and_exact_rounded_up(case in case(12, 10_000_000, 0.3)) {
            let s = compute_shares(&case.terms, &case.participants).unwrap();
            let exact = exact_shares(&case.terms, &case.participants);
            for p in &case.participants {
                let line = s.line(p.organisation_id).unwrap();
                let a = line.amount.cents();
                prop_assert!(a >= 0);
                if let Some(cap) = p.cap {
                    prop_assert!(a <= cap.cents());
                }
                prop_assert!(!line.capped || Some(line.amount) == p.cap);
                let (num, den) = exact[&p.organisation_id];
                // a ≤ ⌈num / den⌉  ⇔  (a - 1) × den < num.
                let org = p.organisation_id;
                prop_assert!(a == 0 || ((a - 1) as u128) * den < num, "org {} pays {} for {}/{}", org, a, num, den);
                if case.terms.key == SharingKey::Equal {
                    // Equal key: also never below the exact share rounded down.
                    prop_assert!((a as u128) * den + den > num);
                }
                if case.participants.iter().all(|p| p.cap.is_none()) {
                    // The documented bound below: at most n × weight / total weight
                    // cents under the exact share (den is the total weight here).
                    let n = case.participants.len() as i128;
                    let w = weight(&case.terms.key, p) as i128;
                    prop_assert!(num as i128 - (a as i128) * (den as i128) <= n * w);
                }
            }
        }

        #[test]
        fn matches_adams_cent_by_cent(case in case(6, 3_000, 0.4)) {
            let s = compute_shares(&case.terms, &case.participants).unwrap();
            let (paid, left) = sequential_adams(&case.terms, &case.participants);
            prop_assert_eq!(s.shortfall.cents(), left);
            for (org, cents) in paid {
                prop_assert_eq!(amount(&s, org), cents, "org {}", org);
            }
        }

        #[test]
        fn joining_never_raises_anyone_s_share(case in case(12, 10_000_000, 0.3), caps in any::<bool>()) {
            // Every key (equal, size, weights, tiers), with and without caps.
            let case = if caps { case } else { uncapped(case) };
            let preview = preview_join(&case.terms, &case.participants, &case.newcomer).unwrap();
            for change in preview.changes() {
                prop_assert!(change.after <= change.before, "{:?}", change);
            }
            prop_assert!(preview.after.shortfall <= preview.before.shortfall);
            let newcomer = preview.after.amount_of(case.newcomer.organisation_id);
            prop_assert_eq!(Some(preview.your_share), newcomer);
        }

        #[test]
        fn order_does_not_matter(case in case(12, 10_000_000, 0.3), seed in any::<u64>()) {
            let a = compute_shares(&case.terms, &case.participants).unwrap();
            let shuffled = shuffled(case.participants.clone(), seed);
            let b = compute_shares(&case.terms, &shuffled).unwrap();
            prop_assert_eq!(a, b);
        }

        #[test]
        fn terms_and_shares_survive_json(case in case(6, 10_000_000, 0.3)) {
            let json = serde_json::to_string(&case.terms).unwrap();
            prop_assert_eq!(&serde_json::from_str::<CampaignTerms>(&json).unwrap(), &case.terms);
            let s = compute_shares(&case.terms, &case.participants).unwrap();
            let back: Shares = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
            prop_assert_eq!(back, s);
        }
    }
}
