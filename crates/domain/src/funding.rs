//! Co-funding campaigns and pledges: where they stand, and how a campaign closes.

use crate::money::Money;
use crate::sharing::Shares;

text_enum!(
    /// Where a co-funding campaign stands: open for pledges until its deadline, then
    /// funded (payment requests sent) or lapsed (pledges released); withdrawn with its
    /// proposal.
    CampaignStatus { Open = "open", Funded = "funded", Lapsed = "lapsed", Withdrawn = "withdrawn" }
);
text_enum!(
    /// A pledge is active while it counts, released when its campaign lapsed or its
    /// proposal was withdrawn.
    PledgeStatus { Active = "active", Released = "released" }
);
text_enum!(
    /// Why a campaign lapsed. Its word is the reason the proposal's timeline records for
    /// the move `funding → lapsed` ("shortfall", "too_few_participants").
    LapseReason { Shortfall = "shortfall", TooFewParticipants = "too_few_participants" }
);

/// How a campaign closes: see [`outcome`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Fully covered by enough participants: payment requests go out.
    Funded,
    /// Not funded: the pledges are released.
    Lapsed(LapseReason),
}

impl Outcome {
    /// Whether the campaign is funded.
    pub fn is_funded(self) -> bool {
        self == Outcome::Funded
    }

    /// The status the campaign closes with: funded or lapsed.
    pub fn status(self) -> CampaignStatus {
        match self {
            Outcome::Funded => CampaignStatus::Funded,
            Outcome::Lapsed(_) => CampaignStatus::Lapsed,
        }
    }
}

/// The outcome of a campaign closed with the split `shares` (its final pledges and
/// late adopters, from [`crate::sharing::compute_shares`]) when it asked for at least
/// `min_participants` organisations.
///
/// The rule is PRODUCT.md's proposal lifecycle ("at the threshold (or deadline) the
/// proposal is funded or lapses (pledges released)"): a campaign is **funded** when
/// nothing is left uncovered (`shares.shortfall` is zero) **and** at least
/// `min_participants` organisations share it. Participants are the sharing lines that
/// are not fixed contributions (a grant or a facilitating coop covering a fixed amount
/// does not count), including one whose weight made its share zero: it joined.
///
/// Otherwise it **lapses**, for one reason: [`LapseReason::Shortfall`] when money is
/// missing (the caps cannot cover the amount), even if participants are missing too —
/// more participants would not be enough unless they also bring money — else
/// [`LapseReason::TooFewParticipants`].
pub fn outcome(shares: &Shares, min_participants: u64) -> Outcome {
    let participants = shares.participant_lines().count() as u64;
    if shares.shortfall > Money::ZERO {
        Outcome::Lapsed(LapseReason::Shortfall)
    } else if participants < min_participants {
        Outcome::Lapsed(LapseReason::TooFewParticipants)
    } else {
        Outcome::Funded
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sharing::{CampaignTerms, FixedAmount, FixedContribution, Participant, SharingKey, compute_shares};

    fn eur(units: i64) -> Money {
        Money::from_cents(units * 100)
    }

    fn split(total: i64, fixed: Option<i64>, caps: &[Option<i64>]) -> Shares {
        let terms = CampaignTerms {
            total: eur(total),
            key: SharingKey::Equal,
            fixed: fixed
                .map(|f| FixedContribution {
                    organisation_id: 99,
                    amount: FixedAmount::Cents(eur(f)),
                })
                .into_iter()
                .collect(),
        };
        let people: Vec<Participant> = caps
            .iter()
            .enumerate()
            .map(|(i, cap)| Participant {
                organisation_id: i as i64 + 1,
                size: None,
                cap: cap.map(eur),
            })
            .collect();
        compute_shares(&terms, &people).unwrap()
    }

    #[test]
    fn covered_by_enough_participants_is_funded() {
        let shares = split(1_200, None, &[None, None, None]);
        assert_eq!(outcome(&shares, 3), Outcome::Funded);
        assert_eq!(outcome(&shares, 1), Outcome::Funded);
        assert_eq!(outcome(&shares, 0), Outcome::Funded);
        assert!(outcome(&shares, 3).is_funded());
        assert_eq!(outcome(&shares, 3).status(), CampaignStatus::Funded);
    }

    #[test]
    fn too_few_participants_lapses() {
        let shares = split(1_200, None, &[None, None]);
        let o = outcome(&shares, 3);
        assert_eq!(o, Outcome::Lapsed(LapseReason::TooFewParticipants));
        assert_eq!(o.status(), CampaignStatus::Lapsed);
        assert!(!o.is_funded());
    }

    #[test]
    fn a_fixed_contribution_is_not_a_participant() {
        // The grant covers 200 €, one coop the rest: one participant, not two.
        let shares = split(1_200, Some(200), &[None]);
        assert_eq!(shares.shortfall, Money::ZERO);
        assert_eq!(outcome(&shares, 1), Outcome::Funded);
        assert_eq!(outcome(&shares, 2), Outcome::Lapsed(LapseReason::TooFewParticipants));
    }

    #[test]
    fn a_shortfall_lapses_and_wins_over_too_few() {
        // Caps of 100 € and 200 € cannot cover 1 200 €.
        let shares = split(1_200, None, &[Some(100), Some(200)]);
        assert_eq!(shares.shortfall, eur(900));
        assert_eq!(outcome(&shares, 1), Outcome::Lapsed(LapseReason::Shortfall));
        assert_eq!(outcome(&shares, 5), Outcome::Lapsed(LapseReason::Shortfall));
        // Nobody at all: everything is missing.
        let nobody = split(1_200, None, &[]);
        assert_eq!(outcome(&nobody, 1), Outcome::Lapsed(LapseReason::Shortfall));
    }

    #[test]
    fn a_cent_short_is_short() {
        let shares = split(1_200, None, &[Some(600), None]);
        assert_eq!(outcome(&shares, 2), Outcome::Funded);
        let mut short = shares.clone();
        short.shortfall = Money::from_cents(1);
        assert_eq!(outcome(&short, 2), Outcome::Lapsed(LapseReason::Shortfall));
    }

    #[test]
    fn the_reasons_are_the_words_the_timeline_stores() {
        assert_eq!(LapseReason::Shortfall.as_str(), "shortfall");
        assert_eq!(LapseReason::TooFewParticipants.as_str(), "too_few_participants");
        assert_eq!(
            LapseReason::parse("too_few_participants"),
            Some(LapseReason::TooFewParticipants)
        );
    }
}
