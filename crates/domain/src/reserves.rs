//! Shared recurring costs: a network sets money aside, month by month, for a cost it
//! knows will come (the next Odoo version migration, hosting). Each purpose is a
//! *reserve* with a monthly amount, split among the member organisations by a sharing
//! key (the co-funding keys of [`crate::sharing`]: exact shares that sum to the cent).
//! Each month every member is asked its share (a payment request of purpose
//! `provision`); the journal holds the money per reserve (`reserve` accounts,
//! [`crate::ledger`]).
//!
//! # Drawing on a reserve
//! A co-funding campaign for a proposal may be linked to a reserve. When it opens, the
//! reserve's available money covers the cost first ([`draw`]); only the rest is shared
//! among the pledgers. The part taken is earmarked for the campaign while it is open
//! (another campaign cannot take it too), drawn in the journal when the campaign is
//! funded, and freed if the campaign lapses or is withdrawn. So the money set aside is
//! never counted twice and never lost:
//! - available = held − earmarked by open campaigns, never below zero;
//! - the part drawn is at most what is available, and the part drawn plus the part
//!   shared is exactly the cost.
//!
//! A reserve that already holds the whole cost is refused as a campaign's reserve
//! ([`ReserveError::CoversAll`]): nothing would be left for the pledgers to share, and a
//! campaign exists to share something.
//!
//! # Taking a provision back
//! A provision cancelled leaves the reserve ([`take_back`]). What a campaign has taken
//! or promised is money the network has already committed: a treasurer expects it to
//! be there when the campaign is funded. So a cancellation is refused when it would
//! leave the reserve holding less than what open campaigns have earmarked
//! ([`ReserveError::WouldOverdraw`]); with no campaign open, when it would leave the
//! reserve below zero (its money already drawn). The treasurer withdraws the campaign
//! first, or keeps the provision (and cancels a later one). So a reserve never goes
//! negative, and a funded campaign always finds its part.
//!
//! # Closing a reserve
//! A closed reserve asks no more provisions; the money it holds stays in it, available to the campaigns that draw on it, because
//! it was set aside for that purpose and the members' statements already show it there.

use crate::money::Money;
use crate::sharing::{CampaignTerms, Participant, Shares, SharingError, SharingKey, compute_shares};

/// Why a reserve cannot be used as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReserveError {
    #[error("the cost must be positive")]
    NonPositiveCost,
    #[error("the reserve holds the whole cost: nothing is left to share")]
    CoversAll,
    #[error("amount out of range")]
    Overflow,
    /// Taking the amount back would leave the reserve with less than open campaigns
    /// were promised (or below zero): `available` is what it could give back.
    #[error("the reserve has only {available} that no campaign has taken or been promised")]
    WouldOverdraw { available: Money },
}

/// What a campaign linked to a reserve takes from it and what it shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Draw {
    /// Taken from the reserve (zero when it holds nothing available).
    pub from_reserve: Money,
    /// Shared among the pledgers: the cost minus `from_reserve`, always positive.
    pub to_share: Money,
}

/// What a reserve can still give: what it holds (its journal balance, as a positive
/// amount) minus what open campaigns have earmarked, never below zero.
pub fn available(held: Money, earmarked: impl IntoIterator<Item = Money>) -> Result<Money, ReserveError> {
    let mut left = i128::from(held.cents());
    for e in earmarked {
        left -= i128::from(e.cents());
    }
    let left = left.max(0);
    i64::try_from(left)
        .map(Money::from_cents)
        .map_err(|_| ReserveError::Overflow)
}

/// The reserve covers `cost` first, up to what it has `available`; the rest is shared.
/// Refused when the reserve covers all of it ([`ReserveError::CoversAll`]).
pub fn draw(available: Money, cost: Money) -> Result<Draw, ReserveError> {
    if !cost.is_positive() {
        return Err(ReserveError::NonPositiveCost);
    }
    let from_reserve = if available.is_negative() {
        Money::ZERO
    } else {
        available
    };
    if from_reserve.cents() >= cost.cents() {
        return Err(ReserveError::CoversAll);
    }
    let to_share = cost.checked_sub(from_reserve).ok_or(ReserveError::Overflow)?;
    Ok(Draw { from_reserve, to_share })
}

/// Takes `amount` back out of a reserve holding `held` with `earmarked` promised to
/// open campaigns (a provision cancelled): what the reserve holds afterwards, or
/// [`ReserveError::WouldOverdraw`] when that would be less than the earmarks (or below
/// zero). The rule's reason is in the module's documentation.
pub fn take_back(
    held: Money,
    earmarked: impl IntoIterator<Item = Money>,
    amount: Money,
) -> Result<Money, ReserveError> {
    let mut promised: i128 = 0;
    for e in earmarked {
        promised += i128::from(e.cents().max(0));
    }
    let after = i128::from(held.cents()) - i128::from(amount.cents());
    if after < promised || after < 0 {
        let available = available(
            held,
            [Money::from_cents(
                i64::try_from(promised).map_err(|_| ReserveError::Overflow)?,
            )],
        )?;
        return Err(ReserveError::WouldOverdraw { available });
    }
    i64::try_from(after)
        .map(Money::from_cents)
        .map_err(|_| ReserveError::Overflow)
}

/// The members taking part in a month's provisions under `key`: every member, except,
/// under explicit weights, those the key does not name (a member who joined after the
/// weights were set pays nothing until they are changed, rather than stopping every
/// member's billing).
pub fn taking_part(key: &SharingKey, members: Vec<Participant>) -> Vec<Participant> {
    match key {
        SharingKey::Weights { weights } => members
            .into_iter()
            .filter(|m| weights.contains_key(&m.organisation_id))
            .collect(),
        _ => members,
    }
}

/// Each member's provision for a month: `monthly` split by `key` among `members`
/// (no fixed contributions, no caps), shares that sum exactly to `monthly`.
pub fn monthly_shares(monthly: Money, key: &SharingKey, members: &[Participant]) -> Result<Shares, SharingError> {
    let terms = CampaignTerms {
        total: monthly,
        key: key.clone(),
        fixed: Vec::new(),
    };
    compute_shares(&terms, members)
}

/// A month as stored on a provision request: `year × 100 + month` (`202703`).
pub fn month_key(year: i16, month: i8) -> i64 {
    i64::from(year) * 100 + i64::from(month)
}

/// The label of a month's provision, `2027-03`.
pub fn month_label(key: i64) -> String {
    format!("{}-{:02}", key / 100, key % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn m(c: i64) -> Money {
        Money::from_cents(c)
    }

    #[test]
    fn the_reserve_covers_first_and_the_rest_is_shared() {
        assert_eq!(
            draw(m(300_000), m(1_200_000)),
            Ok(Draw {
                from_reserve: m(300_000),
                to_share: m(900_000)
            })
        );
        assert_eq!(
            draw(m(0), m(100)),
            Ok(Draw {
                from_reserve: m(0),
                to_share: m(100)
            })
        );
        assert_eq!(draw(m(100), m(100)), Err(ReserveError::CoversAll));
        assert_eq!(draw(m(100), m(0)), Err(ReserveError::NonPositiveCost));
    }

    #[test]
    fn earmarks_are_taken_from_what_is_held() {
        assert_eq!(available(m(1_000), [m(300), m(200)]), Ok(m(500)));
        assert_eq!(available(m(1_000), [m(1_300)]), Ok(m(0)));
        assert_eq!(available(m(-50), []), Ok(m(0)));
    }

    #[test]
    fn a_month_is_split_to_the_cent() {
        let members: Vec<Participant> = [3, 1, 2].into_iter().map(Participant::new).collect();
        let s = monthly_shares(m(10_000), &SharingKey::Equal, &members).unwrap();
        let amounts: Vec<(i64, i64)> = s.lines.iter().map(|l| (l.organisation_id, l.amount.cents())).collect();
        assert_eq!(amounts, vec![(1, 3_334), (2, 3_333), (3, 3_333)]);
        assert_eq!(month_key(2027, 3), 202_703);
        assert_eq!(month_label(202_703), "2027-03");
    }

    #[test]
    fn weights_leave_out_members_they_do_not_name() {
        let key = SharingKey::Weights {
            weights: [(1, 2), (2, 1)].into_iter().collect(),
        };
        let members: Vec<Participant> = [1, 2, 3].into_iter().map(Participant::new).collect();
        let part = taking_part(&key, members);
        assert_eq!(part.len(), 2);
        let s = monthly_shares(m(300), &key, &part).unwrap();
        assert_eq!(s.amount_of(1), Some(m(200)));
        assert_eq!(s.amount_of(2), Some(m(100)));
    }

    #[test]
    fn a_provision_is_not_taken_back_from_money_promised_to_a_campaign() {
        assert_eq!(take_back(m(1_000), [m(600)], m(400)), Ok(m(600)));
        assert_eq!(
            take_back(m(1_000), [m(600)], m(401)),
            Err(ReserveError::WouldOverdraw { available: m(400) })
        );
        // Money already drawn by a funded campaign is gone: nothing to take back.
        assert_eq!(
            take_back(m(0), [], m(1)),
            Err(ReserveError::WouldOverdraw { available: m(0) })
        );
        assert_eq!(take_back(m(50), [], m(50)), Ok(m(0)));
    }

    /// One step of a reserve's life, for the property test below.
    #[derive(Debug, Clone)]
    enum Step {
        Provision(i64),
        /// Cancel the n-th provision still standing (modulo their number).
        Cancel(usize),
        /// Open a campaign of this cost drawing on the reserve.
        Open(i64),
        /// Fund (true) or lapse (false) the n-th open campaign.
        Close(usize, bool),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (1i64..100_000).prop_map(Step::Provision),
            (0usize..20).prop_map(Step::Cancel),
            (1i64..300_000).prop_map(Step::Open),
            (0usize..20, any::<bool>()).prop_map(|(i, f)| Step::Close(i, f)),
        ]
    }

    proptest! {
        /// Whatever provisions are asked and cancelled and campaigns opened, funded or
        /// lapsed, a reserve never holds less than zero nor less than open campaigns
        /// were promised, and every funded campaign finds its part.
        #[test]
        fn a_reserve_never_goes_negative(steps in proptest::collection::vec(step(), 0..60)) {
            let mut held = m(0);
            let mut provisions: Vec<Money> = Vec::new();
            let mut open: Vec<Money> = Vec::new();
            for s in steps {
                match s {
                    Step::Provision(c) => {
                        held = held.checked_add(m(c)).unwrap();
                        provisions.push(m(c));
                    }
                    Step::Cancel(i) if !provisions.is_empty() => {
                        let i = i % provisions.len();
                        match take_back(held, open.iter().copied(), provisions[i]) {
                            Ok(after) => {
                                prop_assert_eq!(after.cents(), held.cents() - provisions[i].cents());
                                held = after;
                                provisions.remove(i);
                            }
                            Err(ReserveError::WouldOverdraw { available: a }) => {
                                prop_assert!(a.cents() < provisions[i].cents());
                            }
                            Err(e) => prop_assert!(false, "{e}"),
                        }
                    }
                    Step::Open(cost) => {
                        let avail = available(held, open.iter().copied()).unwrap();
                        if let Ok(d) = draw(avail, m(cost)) {
                            open.push(d.from_reserve);
                        }
                    }
                    Step::Close(i, funded) if !open.is_empty() => {
                        let part = open.remove(i % open.len());
                        if funded {
                            held = held.checked_sub(part).unwrap();
                        }
                    }
                    _ => {}
                }
                let promised: i64 = open.iter().map(|e| e.cents()).sum();
                prop_assert!(held.cents() >= 0, "the reserve went negative: {}", held.cents());
                prop_assert!(held.cents() >= promised, "held {} < promised {}", held.cents(), promised);
            }
        }

        /// The part drawn and the part shared make the cost exactly; the reserve never
        /// gives more than it has, and something is always left to share.
        #[test]
        fn a_draw_neither_doubles_nor_loses_money(held in -1_000_000i64..10_000_000, cost in 1i64..10_000_000,
                                                  earmarks in proptest::collection::vec(0i64..1_000_000, 0..4)) {
            let avail = available(m(held), earmarks.iter().map(|e| m(*e))).unwrap();
            prop_assert!(avail.cents() >= 0);
            prop_assert!(avail.cents() <= held.max(0));
            match draw(avail, m(cost)) {
                Ok(d) => {
                    prop_assert_eq!(d.from_reserve.cents() + d.to_share.cents(), cost);
                    prop_assert!(d.from_reserve.cents() <= avail.cents());
                    prop_assert!(d.to_share.is_positive());
                }
                Err(e) => {
                    prop_assert_eq!(e, ReserveError::CoversAll);
                    prop_assert!(avail.cents() >= cost);
                }
            }
        }

        /// Each month's provisions sum exactly to the monthly amount.
        #[test]
        fn provisions_sum_to_the_month(monthly in 1i64..10_000_000, n in 1i64..30, sizes in proptest::collection::vec(1u64..5_000, 30)) {
            let members: Vec<Participant> = (1..=n).map(|o| Participant::new(o).with_size(sizes[o as usize - 1])).collect();
            for key in [SharingKey::Equal, SharingKey::Size] {
                let s = monthly_shares(m(monthly), &key, &members).unwrap();
                let sum: i64 = s.lines.iter().map(|l| l.amount.cents()).sum();
                prop_assert_eq!(sum, monthly);
                prop_assert!(s.lines.iter().all(|l| l.amount.cents() >= 0));
            }
        }
    }
}
