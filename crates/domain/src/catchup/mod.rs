//! Catch-up shares, against free riders.
//!
//! After delivery, an organisation that adopts the feature late pays what it would have
//! paid had it been in from the start, under the same key and the same fixed
//! contributions. That money is credited back to the earlier funders, so that each ends
//! up having paid exactly its share of the recomputed split.
//!
//! # Why credits follow the recomputed shares
//!
//! The fair outcome does not depend on who came first: it is the split among everyone
//! who now benefits. Each funder's credit is therefore `paid - recomputed share`. Under a
//! proportional key without binding caps every share is `weight × rate`, and adding the
//! adopter lowers the common rate, so each credit is `weight × (old rate - new rate)`:
//! the refund is in proportion to what each funder paid. A funder held at its cap is
//! credited only once the lower rate brings its share under the cap: until then the
//! others were paying more than their proportional share to make up for it, and it is
//! their excess that the adopter's money refunds first.
//!
//! Fixed contributors are not credited: their amount was fixed whatever the number of
//! participants, and it stays so in the recomputed split.
//!
//! Because shares are rounded with one common rate (see [`crate::sharing`]), adding the
//! adopter never raises a funder's share, so no credit is ever negative when `paid` holds
//! what [`crate::sharing::compute_shares`] asked for. Successive adopters compose: feed
//! the previous [`CatchUp`] back as funders and net paid amounts (see
//! [`CatchUp::paid_after`]).
//!
//! How long after delivery a late adopter pays is a window of calendar years in the
//! network's time zone: [`window_end`].

mod window;

pub use window::{WindowError, window_end, window_open};

use crate::money::Money;
use crate::sharing::{CampaignTerms, OrgId, Participant, Shares, SharingError, compute_shares};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What a late adopter pays and who gets it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatchUp {
    pub adopter_share: Money,
    /// One line per funder, by organisation id; they sum exactly to `adopter_share`.
    pub credits: Vec<Credit>,
    /// The split as if the adopter had been in from the start.
    pub recomputed: Shares,
}

/// An amount refunded (or set off against a future invoice) to an earlier funder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credit {
    pub organisation_id: OrgId,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatchUpError {
    #[error("organisation {org} already funded this work")]
    AlreadyFunder { org: OrgId },
    #[error("organisation {org} has a fixed contribution and cannot adopt late")]
    FixedContributor { org: OrgId },
    #[error("no payment is recorded for funder {org}")]
    MissingPayment { org: OrgId },
    #[error("a payment is recorded for organisation {org}, which is not a funder")]
    UnknownPayer { org: OrgId },
    #[error("funder {org} paid {paid}, less than its recomputed share {share}")]
    NegativeCredit { org: OrgId, paid: Money, share: Money },
    #[error("funders paid {paid} in total, but the recomputed split expects {expected}")]
    PaidTotalMismatch { paid: Money, expected: Money },
    #[error(transparent)]
    Sharing(#[from] SharingError),
}

impl CatchUp {
    /// The credit of `org` (zero if it is not a funder).
    pub fn credit_for(&self, org: OrgId) -> Money {
        self.credits
            .iter()
            .find(|c| c.organisation_id == org)
            .map_or(Money::ZERO, |c| c.amount)
    }

    /// What each participant has paid once this catch-up is settled: funders net of
    /// their credit, plus the adopter. This is the `paid` to give the next catch-up.
    pub fn paid_after(&self) -> BTreeMap<OrgId, Money> {
        self.recomputed
            .participant_lines()
            .map(|l| (l.organisation_id, l.amount))
            .collect()
    }
}

/// Computes the catch-up share of `adopter` and the credits to `funders`.
///
/// `funders` are the participants that paid (including earlier late adopters) and
/// `paid` what each has paid net of earlier credits; it must name exactly the funders.
pub fn catch_up(
    terms: &CampaignTerms,
    funders: &[Participant],
    paid: &BTreeMap<OrgId, Money>,
    adopter: &Participant,
) -> Result<CatchUp, CatchUpError> {
    check_parties(terms, funders, paid, adopter)?;
    let mut everyone = funders.to_vec();
    everyone.push(adopter.clone());
    let recomputed = compute_shares(terms, &everyone)?;
    let adopter_share = recomputed.amount_of(adopter.organisation_id).unwrap_or(Money::ZERO);
    let credits = credits(&recomputed, paid)?;
    let credited = Money::checked_sum(credits.iter().map(|c| c.amount)).map_err(|_| SharingError::Overflow)?;
    if credited != adopter_share {
        // Funders paid more or less in total than their part of the split: a shortfall
        // that the adopter now fills, or payments recorded wrongly. Either way there is
        // no credit that both refunds the adopter's share and leaves everyone at its
        // recomputed share.
        return Err(CatchUpError::PaidTotalMismatch {
            paid: Money::checked_sum(paid.values().copied()).map_err(|_| SharingError::Overflow)?,
            expected: Money::from_cents(recomputed.covered.cents() - fixed_sum(&recomputed)),
        });
    }
    Ok(CatchUp {
        adopter_share,
        credits,
        recomputed,
    })
}

/// The adopter must be new and not a fixed contributor; `paid` must name exactly the
/// funders.
fn check_parties(
    terms: &CampaignTerms,
    funders: &[Participant],
    paid: &BTreeMap<OrgId, Money>,
    adopter: &Participant,
) -> Result<(), CatchUpError> {
    let org = adopter.organisation_id;
    if funders.iter().any(|f| f.organisation_id == org) {
        return Err(CatchUpError::AlreadyFunder { org });
    }
    if terms.fixed.iter().any(|f| f.organisation_id == org) {
        return Err(CatchUpError::FixedContributor { org });
    }
    let funder_ids: BTreeSet<OrgId> = funders.iter().map(|f| f.organisation_id).collect();
    if let Some(org) = funder_ids.iter().find(|id| !paid.contains_key(id)) {
        return Err(CatchUpError::MissingPayment { org: *org });
    }
    if let Some(org) = paid.keys().find(|id| !funder_ids.contains(id)) {
        return Err(CatchUpError::UnknownPayer { org: *org });
    }
    Ok(())
}

/// `paid - recomputed share` for every funder, which must not be negative.
fn credits(recomputed: &Shares, paid: &BTreeMap<OrgId, Money>) -> Result<Vec<Credit>, CatchUpError> {
    let shares: BTreeMap<OrgId, Money> = recomputed
        .participant_lines()
        .map(|l| (l.organisation_id, l.amount))
        .collect();
    paid.iter()
        .map(|(&org, &paid)| {
            let share = shares.get(&org).copied().unwrap_or(Money::ZERO);
            match paid.checked_sub(share) {
                Some(amount) if !amount.is_negative() => Ok(Credit {
                    organisation_id: org,
                    amount,
                }),
                Some(_) => Err(CatchUpError::NegativeCredit { org, paid, share }),
                None => Err(SharingError::Overflow.into()),
            }
        })
        .collect()
}

fn fixed_sum(shares: &Shares) -> i64 {
    shares.lines.iter().filter(|l| l.fixed).map(|l| l.amount.cents()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sharing::{FixedAmount, FixedContribution, SharingKey};

    fn eur(units: i64) -> Money {
        Money::from_cents(units * 100)
    }

    fn equal_terms(total: Money) -> CampaignTerms {
        CampaignTerms {
            total,
            key: SharingKey::Equal,
            fixed: vec![],
        }
    }

    fn people(orgs: impl IntoIterator<Item = OrgId>) -> Vec<Participant> {
        orgs.into_iter().map(Participant::new).collect()
    }

    fn paid(list: &[(OrgId, i64)]) -> BTreeMap<OrgId, Money> {
        list.iter().map(|(o, c)| (*o, Money::from_cents(*c))).collect()
    }

    fn credits(c: &CatchUp) -> Vec<(OrgId, i64)> {
        c.credits
            .iter()
            .map(|c| (c.organisation_id, c.amount.cents()))
            .collect()
    }

    #[test]
    fn a_fourth_coop_refunds_the_first_three() {
        let c = catch_up(
            &equal_terms(eur(300)),
            &people(1..=3),
            &paid(&[(1, 10_000), (2, 10_000), (3, 10_000)]),
            &Participant::new(4),
        )
        .unwrap();
        assert_eq!(c.adopter_share, Money::from_cents(7_500));
        assert_eq!(credits(&c), vec![(1, 2_500), (2, 2_500), (3, 2_500)]);
        assert_eq!(c.credit_for(2), Money::from_cents(2_500));
        assert_eq!(c.credit_for(4), Money::ZERO);
    }

    #[test]
    fn odd_cents_are_refunded_exactly() {
        // 100 € was 33,34 + 33,33 + 33,33; with a fourth it is 25 € each.
        let c = catch_up(
            &equal_terms(eur(100)),
            &people(1..=3),
            &paid(&[(1, 3_334), (2, 3_333), (3, 3_333)]),
            &Participant::new(4),
        )
        .unwrap();
        assert_eq!(c.adopter_share, Money::from_cents(2_500));
        assert_eq!(credits(&c), vec![(1, 834), (2, 833), (3, 833)]);
    }

    #[test]
    fn fixed_contributors_are_not_credited() {
        // The migration: coop 7 covered 10 000 €, six supermarkets shared 40 000 €.
        let terms = CampaignTerms {
            total: eur(50_000),
            key: SharingKey::Equal,
            fixed: vec![FixedContribution {
                organisation_id: 7,
                amount: FixedAmount::Cents(eur(10_000)),
            }],
        };
        let before = paid(&[
            (1, 666_667),
            (2, 666_667),
            (3, 666_667),
            (4, 666_667),
            (5, 666_666),
            (6, 666_666),
        ]);
        let c = catch_up(&terms, &people(1..=6), &before, &Participant::new(8)).unwrap();
        assert_eq!(c.adopter_share, Money::from_cents(571_428));
        assert_eq!(credits(&c), (1..=6).map(|o| (o, 95_238)).collect::<Vec<_>>());
        assert_eq!(c.recomputed.amount_of(7), Some(eur(10_000)));
        assert_eq!(
            catch_up(&terms, &people(1..=6), &before, &Participant::new(7)),
            Err(CatchUpError::FixedContributor { org: 7 })
        );
    }

    #[test]
    fn credits_follow_what_each_paid_under_the_size_key() {
        let funders = [(1, 100), (2, 300)].map(|(o, s)| Participant::new(o).with_size(s));
        let terms = CampaignTerms {
            total: eur(1_200),
            key: SharingKey::Size,
            fixed: vec![],
        };
        let c = catch_up(
            &terms,
            &funders,
            &paid(&[(1, 30_000), (2, 90_000)]),
            &Participant::new(3).with_size(200),
        )
        .unwrap();
        assert_eq!(c.adopter_share, Money::from_cents(40_000));
        // Funders had paid 1 : 3, and are refunded 1 : 3.
        assert_eq!(credits(&c), vec![(1, 10_000), (2, 30_000)]);
    }

    #[test]
    fn successive_adopters_compose() {
        let terms = equal_terms(eur(300));
        let mut funders = people(1..=3);
        let mut net = paid(&[(1, 10_000), (2, 10_000), (3, 10_000)]);
        for (adopter, share) in [(4, 7_500), (5, 6_000), (6, 5_000)] {
            let c = catch_up(&terms, &funders, &net, &Participant::new(adopter)).unwrap();
            assert_eq!(c.adopter_share.cents(), share);
            net = c.paid_after();
            funders.push(Participant::new(adopter));
        }
        assert!(net.values().all(|m| m.cents() == 5_000));
    }

    #[test]
    fn every_error_has_its_variant() {
        use CatchUpError::*;
        let terms = equal_terms(eur(300));
        let three = people(1..=3);
        let even = paid(&[(1, 10_000), (2, 10_000), (3, 10_000)]);
        let newcomer = Participant::new(4);
        assert_eq!(
            catch_up(&terms, &three, &even, &Participant::new(2)),
            Err(AlreadyFunder { org: 2 })
        );
        assert_eq!(
            catch_up(&terms, &three, &paid(&[(1, 15_000), (2, 15_000)]), &newcomer),
            Err(MissingPayment { org: 3 })
        );
        let stranger = paid(&[(1, 10_000), (2, 10_000), (3, 5_000), (9, 5_000)]);
        assert_eq!(
            catch_up(&terms, &three, &stranger, &newcomer),
            Err(UnknownPayer { org: 9 })
        );
        let uneven = paid(&[(1, 15_000), (2, 7_000), (3, 8_000)]);
        assert_eq!(
            catch_up(&terms, &three, &uneven, &newcomer),
            Err(NegativeCredit {
                org: 2,
                paid: Money::from_cents(7_000),
                share: Money::from_cents(7_500)
            })
        );
        let short = paid(&[(1, 9_000), (2, 9_000), (3, 9_000)]);
        assert_eq!(
            catch_up(&terms, &three, &short, &newcomer),
            Err(PaidTotalMismatch {
                paid: Money::from_cents(27_000),
                expected: eur(300)
            })
        );
        let sized = CampaignTerms {
            key: SharingKey::Size,
            ..terms
        };
        assert_eq!(
            catch_up(&sized, &three, &even, &newcomer),
            Err(Sharing(SharingError::MissingSize { org: 1 }))
        );
    }

    #[test]
    fn a_shortfall_the_adopter_fills_is_not_a_catch_up() {
        // The funders' caps left 100 € uncovered; the adopter's share is not a refund.
        let terms = equal_terms(eur(300));
        let capped = [
            Participant::new(1).with_cap(eur(100)),
            Participant::new(2).with_cap(eur(100)),
        ];
        let err = catch_up(
            &terms,
            &capped,
            &paid(&[(1, 10_000), (2, 10_000)]),
            &Participant::new(3),
        )
        .unwrap_err();
        assert_eq!(
            err,
            CatchUpError::PaidTotalMismatch {
                paid: eur(200),
                expected: eur(300)
            }
        );
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use crate::sharing::{FixedAmount, FixedContribution, SharingKey};
    use proptest::prelude::*;

    /// Organisation id → (size, weight, cap in cents).
    type People = BTreeMap<OrgId, (u64, u64, Option<i64>)>;

    fn people() -> impl Strategy<Value = People> {
        let one = (1u64..5_000, 0u64..9, prop::option::weighted(0.2, 0i64..3_000_000));
        prop::collection::btree_map(0i64..300, one, 2..14)
    }

    prop_compose! {
        /// Terms, funders and the adopters to come, with sizes, weights, some caps and
        /// sometimes a grant paying a percentage.
        fn campaign()(
            total in 1i64..5_000_000,
            people in people(),
            funders in 1usize..6,
            kind in 0u8..4,
            grant in prop::option::weighted(0.3, 1u32..8_000),
        ) -> (CampaignTerms, Vec<Participant>, Vec<Participant>) {
            build(total, &people, funders, kind, grant)
        }
    }

    /// The first `funders` organisations by id funded; the others adopt one by one.
    fn build(
        total: i64,
        people: &People,
        funders: usize,
        kind: u8,
        grant: Option<u32>,
    ) -> (CampaignTerms, Vec<Participant>, Vec<Participant>) {
        let key = match kind {
            0 => SharingKey::Equal,
            1 => SharingKey::Size,
            2 => {
                let mut weights: BTreeMap<OrgId, u64> = people.iter().map(|(o, (_, w, _))| (*o, *w)).collect();
                // The first funder weighs something, so the funders can share.
                if let Some(first) = weights.values_mut().next() {
                    *first = (*first).max(1);
                }
                SharingKey::Weights { weights }
            }
            _ => SharingKey::Tiers {
                small: 2,
                medium: 3,
                large: 5,
                medium_from: 500,
                large_from: 2_000,
            },
        };
        let fixed = grant
            .map(|bp| FixedContribution {
                organisation_id: -1,
                amount: FixedAmount::Percent { basis_points: bp },
            })
            .into_iter()
            .collect();
        let mut all: Vec<Participant> = people
            .iter()
            .map(|(o, (s, _, cap))| Participant {
                organisation_id: *o,
                size: Some(*s),
                cap: cap.map(Money::from_cents),
            })
            .collect();
        let adopters = all.split_off(funders.min(all.len() - 1));
        (
            CampaignTerms {
                total: Money::from_cents(total),
                key,
                fixed,
            },
            all,
            adopters,
        )
    }

    fn by_org(shares: &Shares) -> BTreeMap<OrgId, Money> {
        shares
            .participant_lines()
            .map(|l| (l.organisation_id, l.amount))
            .collect()
    }

    proptest! {
        #[test]
        fn successive_catch_ups_refund_exactly((terms, mut funders, adopters) in campaign()) {
            let first = compute_shares(&terms, &funders).unwrap();
            // Catch-up presumes the campaign was funded in full.
            prop_assume!(first.shortfall == Money::ZERO);
            let mut net = by_org(&first);
            for adopter in adopters {
                let c = catch_up(&terms, &funders, &net, &adopter).unwrap();
                let credited: i64 = c.credits.iter().map(|c| c.amount.cents()).sum();
                prop_assert_eq!(credited, c.adopter_share.cents());
                prop_assert_eq!(c.credits.len(), funders.len());
                for credit in &c.credits {
                    prop_assert!(!credit.amount.is_negative());
                    let share = c.recomputed.amount_of(credit.organisation_id).unwrap();
                    let before = net[&credit.organisation_id];
                    prop_assert_eq!(before.cents() - credit.amount.cents(), share.cents());
                }
                prop_assert_eq!(c.recomputed.shortfall, Money::ZERO);
                net = c.paid_after();
                funders.push(adopter);
            }
            // In the end everyone has paid what a split among all of them asks.
            let all = compute_shares(&terms, &funders).unwrap();
            prop_assert_eq!(net, by_org(&all));
        }
    }
}
