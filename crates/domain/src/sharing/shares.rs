//! What a split gives: each organisation's line, the total covered and the shortfall,
//! what joining would change, and why terms or participants are refused.

use super::OrgId;
use crate::money::Money;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
