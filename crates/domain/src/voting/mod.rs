//! Poll methods: each counts ballots into a [`Tally`] whose [`Details`] explain the result.
//!
//! Members vote "one organisation, one voice": a ballot's `weight` is 1, or the size of the
//! organisation when a poll is weighted by size ([`vote_weight`]); an organisation may
//! hand its vote to another by proxy ([`check_proxy`]). Options are indices
//! `0..option_count`; the application maps them to its own ids and labels, and translates
//! every word: the details are data (numbers, matrices, flags), never prose.
//!
//! Conventions shared by every method, so that results never depend on accidents:
//! - **Weights, not ballot counts, decide.** Everything in a tally except [`Tally::ballots`]
//!   (and the consent counts) depends only on weights: a ballot of weight 2 gives the same
//!   result as two identical ballots of weight 1. A ballot of weight 0 is counted in
//!   `ballots` but moves nothing else. The exception is consent, which counts voices: any
//!   objection blocks whatever its weight, and one consenting ballot is needed to pass.
//! - **Ballot order does not matter**, except for the order objections are listed in.
//! - **Ties are broken by option index** (the order options were created) wherever a
//!   method leaves two options equal; every option tied for first is a winner.
//! - **Nothing wins an empty poll**: no ballots (or no weight) gives empty `winners`, a
//!   ranking in option order, and `passed = Some(false)` for a decision or a consent.
//!   Approval, points and Schulze also elect nothing when no approval, no point or no
//!   preference at all was expressed. (A blank majority-judgment ballot does express
//!   something: "To reject" for every option.)
//! - **Invalid ballots never panic the count**: a ballot that [`validate_ballot`] rejects is
//!   left out and counted in [`Tally::ignored`] (always 0 when ballots were validated when
//!   cast, which the application does).
//! - Sums saturate at `u64::MAX` instead of wrapping; real polls are nowhere near.

mod approval;
mod consent;
mod decision;
mod majority_judgment;
mod points;
mod poll;
mod proxy;
mod schulze;
mod validation;
mod weight;

#[cfg(test)]
mod proptests;

pub use consent::Objection;
pub use majority_judgment::{MeritProfile, Separation};
pub use poll::{PollStatus, PollTransitionError, UnknownPollStatus, check_poll_transition, reminder_at};
pub use proxy::{Proxy, ProxyError, check_proxy};
pub use validation::{
    BallotError, MAX_GRADE_COUNT, MAX_OPTIONS, MIN_GRADE_COUNT, MethodError, validate_ballot, validate_method,
};
pub use weight::{WeightError, electorate_weight, vote_weight};

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The share of yes among yes + no (abstentions excluded) that a decision needs.
///
/// - `SimpleMajority`: yes must **exceed** half: `yes > no`. A tie fails.
/// - `TwoThirds`: yes must **reach** two thirds: `3·yes ≥ 2·(yes + no)`. Exactly 2/3 passes.
/// - `Custom { numerator, denominator }`: yes must **reach** the fraction:
///   `denominator·yes ≥ numerator·(yes + no)`, like `TwoThirds` (which equals
///   `Custom { numerator: 2, denominator: 3 }`). Note that `Custom { 1, 2 }` therefore passes
///   a tie, unlike `SimpleMajority`. Valid when `0 < numerator ≤ denominator`.
///
/// In every case at least one yes is needed: when nobody voted yes or no (only
/// abstentions), the threshold is not reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Threshold {
    SimpleMajority,
    TwoThirds,
    Custom { numerator: u32, denominator: u32 },
}

text_enum!(
    /// A voting method by name, without its parameters.
    MethodKind {
        Decision = "decision",
        Consent = "consent",
        Approval = "approval",
        Points = "points",
        Schulze = "schulze",
        MajorityJudgment = "majority_judgment",
    }
);
text_enum!(
    /// Who votes in a poll: one voice per member organisation (its representative, a
    /// delegate or a proxy holder casts it), or one per person of those organisations.
    Electorate { Organisations = "organisations", People = "people" }
);
text_enum!(
    /// How an organisation hands its vote in one poll: to another of its people
    /// (delegate) or to another member organisation's representative (proxy).
    MandateKind { Delegate = "delegate", Proxy = "proxy" }
);

/// How a poll is decided, with its parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Method {
    /// A yes/no decision with fixed options 0 = yes, 1 = no, 2 = abstain. `quorum_percent` is
    /// the share of the electorate's weight that must vote (abstentions count as voting).
    Decision { quorum_percent: u32, threshold: Threshold },
    /// One option (index 0) that passes unless someone objects; objections carry a reason.
    Consent,
    /// Each voter approves any number of options.
    Approval,
    /// Each voter spreads at most `budget` points over the options.
    Points { budget: u32 },
    /// Ranked ballots, counted with the Schulze method.
    Schulze,
    /// Each voter grades options from 0 (worst, "To reject") to `grade_count - 1` (best,
    /// "Excellent"), counted with Balinski and Laraki's majority judgment.
    MajorityJudgment { grade_count: u8 },
}

impl Method {
    /// Balinski and Laraki's six grades: To reject, Poor, Acceptable, Good, Very good, Excellent.
    pub const DEFAULT_GRADE_COUNT: u8 = 6;

    /// The method's name as stored and as used in [`Details`]' `method` tag.
    pub fn kind(&self) -> &'static str {
        self.method_kind().as_str()
    }

    /// The method without its parameters.
    pub fn method_kind(&self) -> MethodKind {
        match self {
            Method::Decision { .. } => MethodKind::Decision,
            Method::Consent => MethodKind::Consent,
            Method::Approval => MethodKind::Approval,
            Method::Points { .. } => MethodKind::Points,
            Method::Schulze => MethodKind::Schulze,
            Method::MajorityJudgment { .. } => MethodKind::MajorityJudgment,
        }
    }

    /// The number of options the method imposes, if any: the app creates them itself.
    pub fn fixed_option_count(&self) -> Option<usize> {
        match self {
            Method::Decision { .. } => Some(3),
            Method::Consent => Some(1),
            _ => None,
        }
    }
}

/// A decision ballot. Its option index is [`Choice::option`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Yes,
    No,
    Abstain,
}

impl Choice {
    pub const YES: usize = 0;
    pub const NO: usize = 1;
    pub const ABSTAIN: usize = 2;

    pub fn option(self) -> usize {
        match self {
            Choice::Yes => Choice::YES,
            Choice::No => Choice::NO,
            Choice::Abstain => Choice::ABSTAIN,
        }
    }
}

/// What a voter expressed. Which kind fits which method is checked by [`validate_ballot`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BallotContent {
    /// For [`Method::Decision`].
    Choice(Choice),
    /// For [`Method::Consent`]: `None` consents; `Some(reason)` objects (reason not blank).
    Consent { objection: Option<String> },
    /// For [`Method::Approval`]: the approved options (possibly none: a blank ballot).
    Approvals(BTreeSet<usize>),
    /// For [`Method::Points`]: points per option; options absent get 0.
    Points(BTreeMap<usize, u32>),
    /// For [`Method::Schulze`]: best first. Options not ranked are tied below all ranked ones;
    /// an empty ranking expresses no preference at all.
    Ranking(Vec<usize>),
    /// For [`Method::MajorityJudgment`]: a grade per option. An option without a grade counts
    /// as the worst grade (0, "To reject"), as Balinski and Laraki prescribe, so that every
    /// option is judged by the same electorate.
    Grades(BTreeMap<usize, u8>),
}

impl BallotContent {
    /// The name of the method this content belongs to.
    pub fn kind(&self) -> &'static str {
        match self {
            BallotContent::Choice(_) => "decision",
            BallotContent::Consent { .. } => "consent",
            BallotContent::Approvals(_) => "approval",
            BallotContent::Points(_) => "points",
            BallotContent::Ranking(_) => "schulze",
            BallotContent::Grades(_) => "majority_judgment",
        }
    }
}

/// One cast ballot: its weight (1, or the organisation's size in a weighted poll) and content.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Ballot {
    pub weight: u64,
    pub content: BallotContent,
}

/// The result of a poll and its explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Every option, best first; ties broken as each method documents.
    pub ranking: Vec<usize>,
    /// Every option tied for first; empty when nothing won (empty poll, failed quorum,
    /// blocked consent, nothing approved…).
    pub winners: Vec<usize>,
    /// `Some` for decisions and consents, `None` otherwise.
    pub passed: Option<bool>,
    /// Number of ballots counted.
    pub ballots: u64,
    /// Total weight of the ballots counted.
    pub weight: u64,
    /// Ballots left out because they do not fit the method (see [`validate_ballot`]).
    pub ignored: u64,
    pub details: Details,
}

/// How ties left by a method's scores are broken. One rule today; named in the details so
/// that the page explaining a result can say which rule applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TieBreak {
    /// The option with the lower index (created first) is ranked first.
    LowerOptionIndex,
}

/// The explanation of a tally, per method: data the app renders as a table and a chart.
/// Vectors indexed by option are in option order, not ranking order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Details {
    Decision {
        yes: u64,
        no: u64,
        abstain: u64,
        /// yes + no + abstain: the participation counted for the quorum.
        cast_weight: u64,
        /// Total weight of who may vote, frozen when the poll opened.
        electorate_weight: u64,
        quorum_percent: u32,
        /// The smallest `cast_weight` that meets the quorum: ⌈quorum% × electorate / 100⌉.
        quorum_weight: u64,
        quorum_met: bool,
        threshold: Threshold,
        /// The smallest yes weight that reaches the threshold given yes + no (at least 1).
        yes_needed: u64,
        threshold_reached: bool,
        passed: bool,
    },
    Consent {
        /// Number of consenting ballots, and their weight.
        consents: u64,
        consent_weight: u64,
        /// Objections in ballot order, each with the index of its ballot in the slice given
        /// to [`tally`], so the app can show who objected where names are shown.
        objections: Vec<Objection>,
        objection_weight: u64,
        passed: bool,
    },
    Approval {
        /// Weighted approvals per option.
        approvals: Vec<u64>,
        tie_break: TieBreak,
    },
    Points {
        /// Weighted points per option: Σ weight × points.
        points: Vec<u64>,
        budget: u32,
        tie_break: TieBreak,
    },
    Schulze {
        /// `pairwise[i][j]` = `d[i][j]`: weight of voters preferring i to j (diagonal 0).
        pairwise: Vec<Vec<u64>>,
        /// `strongest_paths[i][j]` = `p[i][j]`: strength of the strongest path from i to j,
        /// a link i→j having strength `d[i][j]` when `d[i][j] > d[j][i]`, else none (0).
        strongest_paths: Vec<Vec<u64>>,
        /// Per option: how many options it beats (`p[x][y] > p[y][x]`), and how many beat it.
        wins: Vec<u32>,
        losses: Vec<u32>,
        tie_break: TieBreak,
    },
    MajorityJudgment {
        grade_count: u8,
        /// Per option: grade distribution, majority grade, weight above and below it.
        profiles: Vec<MeritProfile>,
        /// `separations[i]` explains why `ranking[i]` is ahead of `ranking[i + 1]`;
        /// `None` when they are genuinely tied (identical distributions).
        separations: Vec<Option<Separation>>,
        tie_break: TieBreak,
    },
}

/// A ballot that passed validation, as each method's count sees it.
struct Counted<'a> {
    /// Index of the ballot in the slice given to [`tally`].
    index: usize,
    weight: u64,
    content: &'a BallotContent,
}

/// What a method decides; [`tally`] adds the counts shared by all methods.
struct Outcome {
    ranking: Vec<usize>,
    winners: Vec<usize>,
    passed: Option<bool>,
    details: Details,
}

/// Counts a poll.
///
/// `electorate_weight` is the total weight of who may vote, frozen when the poll opened; only
/// decisions use it (for the quorum). `method` should have passed [`validate_method`] for
/// `option_count`; ballots that do not pass [`validate_ballot`] are left out (see
/// [`Tally::ignored`]). Cost: Schulze is O(ballots·n² + n³), the others O(ballots·n + n log n).
#[must_use]
pub fn tally(method: &Method, option_count: usize, electorate_weight: u64, ballots: &[Ballot]) -> Tally {
    let counted: Vec<Counted<'_>> = ballots
        .iter()
        .enumerate()
        .filter(|(_, b)| validate_ballot(method, option_count, &b.content).is_ok())
        .map(|(index, b)| Counted {
            index,
            weight: b.weight,
            content: &b.content,
        })
        .collect();
    let weight = counted.iter().fold(0u64, |sum, b| sum.saturating_add(b.weight));
    let outcome = match *method {
        Method::Decision {
            quorum_percent,
            threshold,
        } => decision::tally(quorum_percent, threshold, electorate_weight, &counted),
        Method::Consent => consent::tally(&counted),
        Method::Approval => approval::tally(option_count, &counted),
        Method::Points { budget } => points::tally(budget, option_count, &counted),
        Method::Schulze => schulze::tally(option_count, &counted),
        Method::MajorityJudgment { grade_count } => majority_judgment::tally(grade_count, option_count, &counted),
    };
    Tally {
        ranking: outcome.ranking,
        winners: outcome.winners,
        passed: outcome.passed,
        ballots: counted.len() as u64,
        weight,
        ignored: (ballots.len() - counted.len()) as u64,
        details: outcome.details,
    }
}

/// The rank of each place of a ranking, as "standard competition ranking" gives it
/// ("1224": options tied share the best rank of their group, the next one counts them):
/// `keys[i]` is what decided the place of the option at `ranking[i]` (its score, its
/// losses and wins…), and neighbours with equal keys are tied. The order among tied
/// options is only their option index (each method's `TieBreak`): a page or a backlog
/// shows them as tied, never one above the other.
///
/// Keys must be in ranking order (equal keys adjacent), as every method's ranking is.
#[must_use]
pub fn competition_ranks<K: PartialEq>(keys: &[K]) -> Vec<u32> {
    let mut ranks = Vec::with_capacity(keys.len());
    for (i, k) in keys.iter().enumerate() {
        let rank = match i.checked_sub(1) {
            Some(prev) if keys[prev] == *k => ranks[prev],
            _ => u32::try_from(i + 1).unwrap_or(u32::MAX),
        };
        ranks.push(rank);
    }
    ranks
}

/// Ranks options by score, highest first, ties by lower index; winners are every option with
/// the top score, and none when the top score is 0 (nobody supported anything).
fn rank_by_score(scores: &[u64]) -> (Vec<usize>, Vec<usize>) {
    let mut ranking: Vec<usize> = (0..scores.len()).collect();
    // A stable sort keeps equal scores in index order: that is the tie-break.
    ranking.sort_by_key(|&o| std::cmp::Reverse(scores[o]));
    let top = ranking.first().map_or(0, |&o| scores[o]);
    let winners = if top == 0 {
        Vec::new()
    } else {
        ranking.iter().copied().take_while(|&o| scores[o] == top).collect()
    };
    (ranking, winners)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tied_places_share_their_rank_and_the_next_counts_them() {
        assert_eq!(competition_ranks::<u64>(&[]), Vec::<u32>::new());
        assert_eq!(competition_ranks(&[9, 7, 7, 3]), [1, 2, 2, 4]);
        assert_eq!(competition_ranks(&[5, 5, 5]), [1, 1, 1]);
        assert_eq!(competition_ranks(&[(0, 3), (1, 1), (1, 1), (3, 0)]), [1, 2, 2, 4]);
        assert_eq!(competition_ranks(&[4, 3, 2]), [1, 2, 3]);
    }

    #[test]
    fn method_and_ballot_serialize_as_documented() {
        let method = Method::Decision {
            quorum_percent: 50,
            threshold: Threshold::TwoThirds,
        };
        let json = serde_json::to_value(method).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "decision", "quorum_percent": 50, "threshold": {"kind": "two_thirds"}})
        );
        let mj = Method::MajorityJudgment {
            grade_count: Method::DEFAULT_GRADE_COUNT,
        };
        assert_eq!(
            serde_json::to_value(mj).unwrap(),
            serde_json::json!({"kind": "majority_judgment", "grade_count": 6})
        );
        for m in [method, mj, Method::Consent, Method::Points { budget: 5 }] {
            let back: Method = serde_json::from_value(serde_json::to_value(m).unwrap()).unwrap();
            assert_eq!(back, m);
        }
        let ballot = Ballot {
            weight: 3,
            content: BallotContent::Points([(1, 4)].into()),
        };
        let json = serde_json::to_string(&ballot).unwrap();
        assert_eq!(json, r#"{"weight":3,"content":{"points":{"1":4}}}"#);
        assert_eq!(serde_json::from_str::<Ballot>(&json).unwrap(), ballot);
    }

    #[test]
    fn tally_serializes_with_its_method_tag_and_round_trips() {
        let ballots = [Ballot {
            weight: 1,
            content: BallotContent::Approvals([1].into()),
        }];
        let t = tally(&Method::Approval, 2, 1, &ballots);
        let json = serde_json::to_value(&t).unwrap();
        assert_eq!(json["details"]["method"], "approval");
        assert_eq!(json["details"]["tie_break"], "lower_option_index");
        assert_eq!(serde_json::from_value::<Tally>(json).unwrap(), t);
    }

    #[test]
    fn invalid_ballots_are_ignored_not_counted() {
        let ballots = [
            Ballot {
                weight: 1,
                content: BallotContent::Approvals([0].into()),
            },
            Ballot {
                weight: 5,
                content: BallotContent::Approvals([7].into()),
            },
            Ballot {
                weight: 5,
                content: BallotContent::Choice(Choice::Yes),
            },
        ];
        let t = tally(&Method::Approval, 2, 3, &ballots);
        assert_eq!((t.ballots, t.weight, t.ignored), (1, 1, 2));
        assert_eq!(t.winners, vec![0]);
    }

    #[test]
    fn rank_by_score_breaks_ties_by_index_and_needs_support() {
        assert_eq!(rank_by_score(&[2, 5, 5, 0]), (vec![1, 2, 0, 3], vec![1, 2]));
        assert_eq!(rank_by_score(&[0, 0]), (vec![0, 1], vec![]));
        assert_eq!(rank_by_score(&[]), (vec![], vec![]));
    }
}
