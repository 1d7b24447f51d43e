//! A poll as asked (the API body, the form, the demo), and its validation.

use crate::error::FieldErrors;
use crate::proposals::ProposalEffect;
use intercoop_domain::organisation::{DEFAULT_ELECTORATE_KINDS, OrgKind};
use intercoop_domain::voting::Electorate;
use intercoop_domain::voting::{Method, MethodError, Threshold, validate_method};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use time::OffsetDateTime;

/// What a caller asks for when creating a poll (the API body, also used by the demo).
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PollInput {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// decision, consent, approval, points, schulze or majority_judgment
    pub method: String,
    /// The options' labels (ignored for decision and consent, whose options are fixed).
    #[serde(default)]
    pub options: Vec<String>,
    /// organisations (default: one vote per member organisation) or people (one per person)
    #[serde(default)]
    pub electorate: Option<String>,
    /// The kinds of member organisation whose voice counts (or whose people vote):
    /// any of user, provider, partner, facilitator. Default: `["user"]`, the active
    /// member user cooperatives; a poll names others to include them.
    #[serde(default)]
    pub organisation_kinds: Option<Vec<String>>,
    /// Points each voter spreads (points polls; default 10).
    #[serde(default)]
    pub points: Option<u32>,
    /// Share of the electorate's weight that must vote (decision polls; default 0).
    #[serde(default)]
    pub quorum_percent: Option<u32>,
    /// simple_majority (default), two_thirds, or a fraction such as "3/5" (decision polls).
    #[serde(default)]
    pub threshold: Option<String>,
    /// Number of grades of a majority-judgment poll (default 6; grade 0 is the worst).
    #[serde(default)]
    pub grade_count: Option<u8>,
    /// Secret ballot: the result never shows who voted what.
    #[serde(default)]
    pub secret: Option<bool>,
    /// Hide results until the poll closes.
    #[serde(default)]
    pub hide_results: Option<bool>,
    /// Weight each organisation's vote by its size (one vote per organisation only).
    /// Opening the poll is then refused (422 `poll-missing-size`) while an organisation
    /// of the electorate has no size.
    #[serde(default)]
    pub weighted: Option<bool>,
    #[serde(default)]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub opens_at: Option<String>,
    #[serde(default)]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub closes_at: Option<String>,
    /// The proposal this poll decides, and what happens to it when the poll passes.
    #[serde(default)]
    pub proposal_id: Option<i64>,
    #[serde(default)]
    pub effect: Option<ProposalEffect>,
    /// A priority poll (schulze or points) over open proposals: its result orders them.
    #[serde(default)]
    pub priority: Option<bool>,
    /// With `priority`: the proposal behind each option, in the order of `options`.
    #[serde(default)]
    pub proposal_ids: Option<Vec<i64>>,
    /// How many proxies one organisation may hold in this poll (default 1).
    #[serde(default)]
    pub max_proxies: Option<i64>,
}

/// A poll that passed validation.
#[derive(Debug, Clone, Serialize)]
pub struct ValidPoll {
    pub title: String,
    pub description: String,
    pub method: Method,
    pub options: Vec<(String, Option<i64>)>,
    pub electorate: Electorate,
    /// The kinds of member organisation the electorate counts; never empty.
    pub organisation_kinds: Vec<OrgKind>,
    pub weighted: bool,
    pub secret: bool,
    pub hide_results: bool,
    #[serde(with = "time::serde::rfc3339::option")]
    pub opens_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub closes_at: Option<OffsetDateTime>,
    pub proposal_id: Option<i64>,
    pub effect: Option<ProposalEffect>,
    pub priority: bool,
    pub max_proxies: i64,
}

pub(crate) fn parse_threshold(raw: Option<&str>) -> Option<Threshold> {
    match raw.map(str::trim).unwrap_or("simple_majority") {
        "" | "simple_majority" => Some(Threshold::SimpleMajority),
        "two_thirds" => Some(Threshold::TwoThirds),
        other => {
            let (n, d) = other.split_once('/')?;
            Some(Threshold::Custom {
                numerator: n.trim().parse().ok()?,
                denominator: d.trim().parse().ok()?,
            })
        }
    }
}

pub(super) fn parse_time(raw: Option<&str>) -> Result<Option<OffsetDateTime>, ()> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
            .map(|t| Some(crate::clock::truncate(t.to_offset(time::UtcOffset::UTC))))
            .map_err(|_| ()),
    }
}

impl PollInput {
    pub fn validate(&self) -> Result<ValidPoll, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = errors.line("title", &self.title, 200).unwrap_or_default();
        let description = self.description.clone().unwrap_or_default().trim().to_string();
        if description.chars().count() > 10_000 {
            errors.add("description", "too-long");
        }
        let method = match self.method.trim() {
            "decision" => match parse_threshold(self.threshold.as_deref()) {
                Some(threshold) => Some(Method::Decision {
                    quorum_percent: self.quorum_percent.unwrap_or(0),
                    threshold,
                }),
                None => {
                    errors.add("threshold", "poll-threshold");
                    None
                }
            },
            "consent" => Some(Method::Consent),
            "approval" => Some(Method::Approval),
            "points" => Some(Method::Points {
                budget: self.points.unwrap_or(10),
            }),
            "schulze" => Some(Method::Schulze),
            "majority_judgment" => Some(Method::MajorityJudgment {
                grade_count: self.grade_count.unwrap_or(Method::DEFAULT_GRADE_COUNT),
            }),
            _ => {
                errors.add("method", "invalid-choice");
                None
            }
        };
        let mut options: Vec<(String, Option<i64>)> = Vec::new();
        if let Some(method) = &method {
            match method {
                Method::Decision { .. } => {
                    options = ["yes", "no", "abstain"].iter().map(|s| (s.to_string(), None)).collect();
                }
                Method::Consent => options = vec![(title.clone(), None)],
                _ => {
                    // Each label is a line like a name (NFC, nothing invisible); the
                    // first refusal is the field's error.
                    let refusal = self
                        .options
                        .iter()
                        .find_map(|o| intercoop_domain::text::line(o, 200).err());
                    if let Some(e) = refusal {
                        errors.add("options", crate::error::text_error_code(e));
                    }
                    let labels: Vec<String> = self
                        .options
                        .iter()
                        .map(|o| intercoop_domain::text::line(o, 200).unwrap_or_else(|_| o.trim().to_string()))
                        .collect();
                    let distinct: BTreeSet<String> = labels.iter().map(|l| l.to_lowercase()).collect();
                    if distinct.len() != labels.len() {
                        errors.add("options", "poll-duplicate-label");
                    }
                    let ids = self.proposal_ids.clone();
                    match &ids {
                        Some(ids) if ids.len() != labels.len() => errors.add("proposal_ids", "poll-proposal-ids"),
                        _ => {}
                    }
                    options = labels
                        .into_iter()
                        .enumerate()
                        .map(|(i, l)| (l, ids.as_ref().and_then(|ids| ids.get(i).copied())))
                        .collect();
                }
            }
            match validate_method(method, options.len()) {
                Ok(()) => {}
                Err(MethodError::QuorumAbove100 { .. }) => errors.add("quorum_percent", "poll-quorum"),
                Err(MethodError::InvalidThreshold { .. }) => errors.add("threshold", "poll-threshold"),
                Err(MethodError::ZeroBudget) => errors.add("points", "poll-budget"),
                Err(MethodError::GradeCountOutOfRange { .. }) => errors.add("grade_count", "poll-grade-count"),
                Err(_) => errors.add("options", "poll-option-count"),
            }
        }
        let electorate = match self.electorate.as_deref().map(str::trim) {
            None | Some("") | Some("organisations") => Electorate::Organisations,
            Some("people") => Electorate::People,
            Some(_) => {
                errors.add("electorate", "invalid-choice");
                Electorate::Organisations
            }
        };
        let organisation_kinds = match &self.organisation_kinds {
            None => DEFAULT_ELECTORATE_KINDS.to_vec(),
            Some(raw) => {
                let mut kinds: Vec<OrgKind> = Vec::new();
                for k in raw {
                    match OrgKind::parse(k.trim()) {
                        Some(k) if !kinds.contains(&k) => kinds.push(k),
                        Some(_) => {}
                        None => errors.add("organisation_kinds", "invalid-choice"),
                    }
                }
                if raw.is_empty() {
                    errors.add("organisation_kinds", "poll-no-kinds");
                }
                kinds.sort_by_key(|k| OrgKind::ALL.iter().position(|a| a == k));
                kinds
            }
        };
        let priority = self.priority.unwrap_or(false);
        if priority && !matches!(method, Some(Method::Schulze) | Some(Method::Points { .. }) | None) {
            errors.add("priority", "poll-priority-method");
        }
        if priority && self.proposal_ids.is_none() {
            errors.add("proposal_ids", "required");
        }
        if !priority && self.proposal_ids.is_some() {
            errors.add("proposal_ids", "poll-proposal-ids");
        }
        if self.effect.is_some() && self.proposal_id.is_none() {
            errors.add("proposal_id", "required");
        }
        let opens_at = parse_time(self.opens_at.as_deref()).unwrap_or_else(|()| {
            errors.add("opens_at", "poll-datetime");
            None
        });
        let closes_at = parse_time(self.closes_at.as_deref()).unwrap_or_else(|()| {
            errors.add("closes_at", "poll-datetime");
            None
        });
        if let (Some(o), Some(c)) = (opens_at, closes_at)
            && c <= o
        {
            errors.add("closes_at", "poll-closes-before-opening");
        }
        // A time already past would open (or close) the poll at once: a typo in the year
        // must not tell the whole electorate twice.
        let now = crate::clock::now();
        if opens_at.is_some_and(|o| o <= now) {
            errors.add("opens_at", "poll-opens-past");
        }
        if closes_at.is_some_and(|c| c <= now) {
            errors.add("closes_at", "poll-closes-past");
        }
        // A ballot counts with its weight: weights by size tell whose ballot it is, so a
        // weighted poll cannot be secret (issue 20: secret means no trace).
        if self.secret == Some(true) && self.weighted == Some(true) {
            errors.add("secret", "poll-secret-weighted");
        }
        let max_proxies = self.max_proxies.unwrap_or(1);
        if !(0..=100).contains(&max_proxies) {
            errors.add("max_proxies", "poll-max-proxies");
        }
        match method {
            Some(method) if errors.is_empty() => Ok(ValidPoll {
                title,
                description,
                method,
                options,
                electorate,
                organisation_kinds,
                weighted: self.weighted.unwrap_or(false),
                secret: self.secret.unwrap_or(false),
                hide_results: self.hide_results.unwrap_or(false),
                opens_at,
                closes_at,
                proposal_id: self.proposal_id,
                effect: self.effect.clone(),
                priority,
                max_proxies,
            }),
            _ => Err(errors),
        }
    }
}
