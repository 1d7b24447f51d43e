//! Computing the shares: the fixed contributions first, then the remainder split by
//! weight, water-filled under the caps and rounded up to the cent (Adams), with the
//! cents too many taken back (see the module above for the rule and why).

use super::OrgId;
use super::{CampaignTerms, JoinPreview, Participant, ShareLine, Shares, SharingError};
use crate::money::Money;
use std::cmp::Ordering;
use std::collections::{BTreeSet, BinaryHeap};

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
