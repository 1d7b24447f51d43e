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
//!
//! Its parts: `terms` (the campaign's terms and participants), `shares` (what a split
//! gives, and its errors), `compute` (the split itself).

mod compute;
mod shares;
mod terms;

pub use compute::*;
pub use shares::*;
pub use terms::*;

/// Primary key of an organisation, as stored by the application.
pub type OrgId = i64;

#[cfg(test)]
mod tests;

#[cfg(test)]
mod proptests;
