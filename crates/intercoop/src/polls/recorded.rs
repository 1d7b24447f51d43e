//! What was recorded: the ballot an elector's voter sees on the poll's page after voting,
//! and what a receipt proves was counted, in the reader's words.
//!
//! A ballot of an open (not secret) poll is stored under its voter's key, and shown to
//! whoever may cast it. A secret poll's ballot is stored under a salted hash and never
//! read back for a person: its page says only that a ballot is counted (`poll_voters`),
//! and its receipt only that its ballot is in the count.

use super::data::PollFull;
use super::entities::{ballot, elector, voter};
use crate::auth::tokens::hash_token;
use crate::error::AppResult;
use crate::i18n::{Arg, Lang};
use intercoop_domain::voting::{BallotContent, Choice};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;

/// A ballot as recorded for one elector, for its page.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// The organisation (or person) it counts for.
    pub name: String,
    pub voted_at: time::OffsetDateTime,
    /// The ballot's weight in the count.
    pub weight: i64,
    /// What it says, line by line; empty in a secret poll.
    pub lines: Vec<String>,
    /// Recorded by a facilitator (a physical assembly).
    pub recorded_by_facilitator: bool,
    /// The elector it counts for (`poll_electorate.voter_key`).
    pub voter_key: String,
    /// What it says; `None` in a secret poll.
    pub content: Option<BallotContent>,
}

/// The recorded ballots of `electors` (those the reader may cast), those who voted.
pub async fn recorded_for<C: ConnectionTrait>(
    conn: &C,
    full: &PollFull,
    electors: &[(elector::Model, String)],
    lang: Lang,
) -> AppResult<Vec<Recorded>> {
    if electors.is_empty() {
        return Ok(Vec::new());
    }
    let keys: Vec<String> = electors.iter().map(|(e, _)| e.voter_key.clone()).collect();
    let voters = voter::Entity::find()
        .filter(voter::Column::PollId.eq(full.poll.id))
        .filter(voter::Column::VoterKey.is_in(keys.clone()))
        .all(conn)
        .await?;
    let ballots = if full.poll.secret {
        Vec::new()
    } else {
        ballot::Entity::find()
            .filter(ballot::Column::PollId.eq(full.poll.id))
            .filter(ballot::Column::BallotKey.is_in(keys))
            .all(conn)
            .await?
    };
    let mut out = Vec::new();
    for (e, name) in electors {
        let Some(v) = voters.iter().find(|v| v.voter_key == e.voter_key) else {
            continue;
        };
        let stored = ballots.iter().find(|b| b.ballot_key == e.voter_key);
        out.push(Recorded {
            name: name.clone(),
            voted_at: v.voted_at,
            weight: stored.map(|b| b.weight).unwrap_or(e.weight),
            lines: stored.map(|b| describe(lang, full, &b.content.0)).unwrap_or_default(),
            recorded_by_facilitator: v.recorded_by.is_some(),
            voter_key: e.voter_key.clone(),
            content: stored.map(|b| b.content.0.clone()),
        });
    }
    Ok(out)
}

/// A recorded ballot as the ballot form's fields (`choice`, `approve-<option id>`,
/// `rank-<n>`, `grade-<option id>`…), so that the form to change a vote starts from it.
pub fn form_values(full: &PollFull, content: &BallotContent) -> HashMap<String, String> {
    let id = |i: usize| full.options.get(i).map(|o| o.id.to_string()).unwrap_or_default();
    let mut values = HashMap::new();
    match content {
        BallotContent::Choice(c) => {
            let word = match c {
                Choice::Yes => "yes",
                Choice::No => "no",
                Choice::Abstain => "abstain",
            };
            values.insert("choice".to_string(), word.to_string());
        }
        BallotContent::Consent { objection: None } => {
            values.insert("consent".to_string(), "consent".to_string());
        }
        BallotContent::Consent {
            objection: Some(reason),
        } => {
            values.insert("consent".to_string(), "object".to_string());
            values.insert("objection".to_string(), reason.clone());
        }
        BallotContent::Approvals(set) => {
            for &i in set {
                values.insert(format!("approve-{}", id(i)), "1".to_string());
            }
        }
        BallotContent::Points(map) => {
            for (&i, &p) in map {
                values.insert(format!("points-{}", id(i)), p.to_string());
            }
        }
        BallotContent::Ranking(r) => {
            for (pos, &i) in r.iter().enumerate() {
                values.insert(format!("rank-{}", pos + 1), id(i));
            }
        }
        BallotContent::Grades(map) => {
            for (&i, &g) in map {
                values.insert(format!("grade-{}", id(i)), g.to_string());
            }
        }
    }
    values
}

/// The ballot a receipt proves counted, if it is in the count (a replaced ballot's
/// receipt no longer is).
pub async fn ballot_of_receipt<C: ConnectionTrait>(
    conn: &C,
    poll_id: i64,
    code: &str,
) -> AppResult<Option<ballot::Model>> {
    Ok(ballot::Entity::find()
        .filter(ballot::Column::PollId.eq(poll_id))
        .filter(ballot::Column::ReceiptHash.eq(hash_token(code.trim())))
        .one(conn)
        .await?)
}

/// A ballot in the reader's words, one line per choice: "Yes"; "I object: <reason>";
/// "Approved: A"; "A: 4 points"; "1. A"; "A: Very good".
pub fn describe(lang: Lang, full: &PollFull, content: &BallotContent) -> Vec<String> {
    let label = |i: usize| {
        full.options
            .get(i)
            .map(|o| super::pages::option_label(lang, full, o))
            .unwrap_or_default()
    };
    match content {
        BallotContent::Choice(c) => vec![lang.t(match c {
            Choice::Yes => "polls-choice-yes",
            Choice::No => "polls-choice-no",
            Choice::Abstain => "polls-choice-abstain",
        })],
        BallotContent::Consent { objection: None } => vec![lang.t("polls-consent-yes")],
        BallotContent::Consent {
            objection: Some(reason),
        } => vec![lang.t_args("polls-recorded-objection", &[("reason", reason.clone().into())])],
        BallotContent::Approvals(set) if set.is_empty() => vec![lang.t("polls-recorded-none-approved")],
        BallotContent::Approvals(set) => set
            .iter()
            .map(|&i| lang.t_args("polls-recorded-approved", &[("option", label(i).into())]))
            .collect(),
        BallotContent::Points(map) => {
            let lines: Vec<String> = map
                .iter()
                .filter(|(_, p)| **p > 0)
                .map(|(&i, &p)| {
                    lang.t_args(
                        "polls-recorded-points",
                        &[("option", label(i).into()), ("count", Arg::Num(i64::from(p)))],
                    )
                })
                .collect();
            if lines.is_empty() {
                vec![lang.t("polls-recorded-no-points")]
            } else {
                lines
            }
        }
        BallotContent::Ranking(r) if r.is_empty() => vec![lang.t("polls-recorded-no-ranking")],
        BallotContent::Ranking(r) => r
            .iter()
            .enumerate()
            .map(|(pos, &i)| {
                lang.t_args(
                    "polls-recorded-rank",
                    &[("rank", Arg::Num(pos as i64 + 1)), ("option", label(i).into())],
                )
            })
            .collect(),
        BallotContent::Grades(map) => (0..full.options.len())
            .map(|i| {
                // An option without a grade counts as the worst (see `BallotContent`).
                let g = map.get(&i).copied().unwrap_or(0);
                lang.t_args(
                    "polls-recorded-grade",
                    &[
                        ("option", label(i).into()),
                        ("grade", super::pages::grade_label(lang, full.grade_count(), g).into()),
                    ],
                )
            })
            .collect(),
    }
}
