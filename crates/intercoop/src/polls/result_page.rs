//! The result page of a poll: its explanation as tables and pure HTML/CSS bars.

use super::data;
use super::entities::poll;
use super::pages::{grade_label, option_label};
use super::result::{self, PollResult};
use crate::api::parse_id;
use crate::error::AppResult;
use crate::i18n::Arg;
use crate::state::AppState;
use crate::web::{Ctx, render, require_user};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use intercoop_domain::voting::Method;
use serde_json::Value;
use std::collections::HashMap;

/// One line of the result table, with its bar (0–100 %).
pub struct Row {
    pub label: String,
    pub value: String,
    pub extra: String,
    pub percent: u64,
    pub winner: bool,
    /// Its rank ("2"), and whether another option shares it (shown as a tie).
    pub place: u32,
    pub tied: bool,
}

/// A Schulze matrix as shown: each cell's text, and whether the row beats the column there.
pub type Matrix = Vec<Vec<(String, bool)>>;

/// One segment of a majority-judgment merit profile bar: drawn as an SVG rectangle
/// from `offset` to `offset + percent` (attributes, not inline styles, which the pages'
/// Content-Security-Policy refuses).
pub struct Segment {
    pub label: String,
    pub percent: u64,
    pub offset: u64,
    pub shade: u64,
}

pub struct ProfileRow {
    pub label: String,
    pub majority: String,
    pub winner: bool,
    pub place: u32,
    pub tied: bool,
    pub segments: Vec<Segment>,
}

#[derive(Template)]
#[template(path = "polls/result.html")]
struct ResultPage {
    ctx: Ctx,
    poll: poll::Model,
    result: PollResult,
    /// Column heading of `rows`' value and extra columns.
    value_heading: String,
    extra_heading: String,
    rows: Vec<Row>,
    /// Schulze: option labels and both matrices (cells as text, bold when the row wins).
    matrix_labels: Vec<String>,
    /// (title, matrix): pairwise preferences, then strongest paths.
    matrices: Vec<(String, Matrix)>,
    profiles: Vec<ProfileRow>,
    /// Decision and consent: explanation lines.
    lines: Vec<String>,
    objections: Vec<(String, String)>,
    winners: Vec<String>,
}

impl ResultPage {
    fn method_label(&self) -> String {
        self.ctx.t(&format!("polls-method-{}", self.poll.method))
    }
    /// Does the result rank its options (not yes, no and abstain)?
    fn ranked(&self) -> bool {
        !matches!(self.poll.method.as_str(), "decision" | "consent")
    }
}

fn num(v: &Value, key: &str) -> u64 {
    v.get(key).and_then(Value::as_u64).unwrap_or(0)
}

fn pct(part: u64, whole: u64) -> u64 {
    part.saturating_mul(100).checked_div(whole).unwrap_or(0).min(100)
}

pub async fn result(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let full = data::get(&state.db.read, user.network.id, parse_id(&id)?).await?;
    let result = result::result(&state.db.read, &full).await?;
    let lang = ctx.lang;
    let labels: HashMap<i64, String> = full
        .options
        .iter()
        .map(|o| (o.id, option_label(lang, &full, o)))
        .collect();
    let label = |id: i64| labels.get(&id).cloned().unwrap_or_default();
    let d = &result.details;
    let per = |key: &str, id: i64| {
        d.get(key)
            .and_then(|m| m.get(id.to_string()))
            .cloned()
            .unwrap_or(Value::Null)
    };
    let winners: Vec<String> = result.winners.iter().map(|&i| label(i)).collect();
    let mut page = ResultPage {
        ctx,
        poll: full.poll.clone(),
        value_heading: String::new(),
        extra_heading: String::new(),
        rows: Vec::new(),
        matrix_labels: Vec::new(),
        matrices: Vec::new(),
        profiles: Vec::new(),
        lines: Vec::new(),
        objections: Vec::new(),
        winners,
        result: result.clone(),
    };
    let place = |id: i64| match result.ranking.iter().position(|&x| x == id) {
        Some(i) => (result.ranks.get(i).copied().unwrap_or(0), result.tied_at(i)),
        None => (0, false),
    };
    let row = |id: i64, value: String, extra: String, percent: u64| {
        let (place, tied) = place(id);
        Row {
            label: label(id),
            value,
            extra,
            percent,
            winner: result.winners.contains(&id),
            place,
            tied,
        }
    };
    match full.method() {
        Method::Decision { .. } => {
            let cast = num(d, "cast_weight");
            page.value_heading = lang.t("polls-col-weight");
            page.extra_heading = lang.t("polls-col-share");
            for (i, key) in ["yes", "no", "abstain"].iter().enumerate() {
                let w = num(d, key);
                let id = full.options.get(i).map(|o| o.id).unwrap_or_default();
                page.rows
                    .push(row(id, w.to_string(), format!("{} %", pct(w, cast)), pct(w, cast)));
            }
            let args = |pairs: &[(&'static str, u64)]| -> Vec<(&'static str, Arg)> {
                pairs.iter().map(|(k, v)| (*k, Arg::Num(*v as i64))).collect()
            };
            page.lines.push(lang.t_args(
                if d.get("quorum_met").and_then(Value::as_bool).unwrap_or(false) {
                    "polls-quorum-met"
                } else {
                    "polls-quorum-not-met"
                },
                &args(&[
                    ("cast", cast),
                    ("needed", num(d, "quorum_weight")),
                    ("electorate", num(d, "electorate_weight")),
                    ("percent", num(d, "quorum_percent")),
                ]),
            ));
            page.lines.push(lang.t_args(
                if d.get("threshold_reached").and_then(Value::as_bool).unwrap_or(false) {
                    "polls-threshold-reached"
                } else {
                    "polls-threshold-not-reached"
                },
                &args(&[("yes", num(d, "yes")), ("needed", num(d, "yes_needed"))]),
            ));
        }
        Method::Consent => {
            page.lines
                .push(lang.t_args("polls-consents", &[("count", Arg::Num(num(d, "consents") as i64))]));
            let objections = d
                .get("objections")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let orgs: Vec<i64> = objections
                .iter()
                .filter_map(|o| o.get("organisation_id").and_then(Value::as_i64))
                .collect();
            let names = data::organisation_names(&state.db.read, orgs).await?;
            for o in objections {
                let who = o
                    .get("organisation_id")
                    .and_then(Value::as_i64)
                    .and_then(|i| names.get(&i).cloned())
                    .unwrap_or_default();
                let reason = o.get("reason").and_then(Value::as_str).unwrap_or_default().to_string();
                page.objections.push((who, reason));
            }
        }
        Method::Approval => {
            page.value_heading = lang.t("polls-col-approvals");
            page.extra_heading = lang.t("polls-col-share");
            for &id in &result.ranking {
                let a = per("approvals", id).as_u64().unwrap_or(0);
                let p = pct(a, result.weight);
                page.rows.push(row(id, a.to_string(), format!("{p} %"), p));
            }
        }
        Method::Points { .. } => {
            page.value_heading = lang.t("polls-col-points");
            page.extra_heading = lang.t("polls-col-share");
            let total: u64 = result
                .ranking
                .iter()
                .map(|&id| per("points", id).as_u64().unwrap_or(0))
                .sum();
            for &id in &result.ranking {
                let a = per("points", id).as_u64().unwrap_or(0);
                let p = pct(a, total);
                page.rows.push(row(id, a.to_string(), format!("{p} %"), p));
            }
        }
        Method::Schulze => {
            page.value_heading = lang.t("polls-col-wins");
            page.extra_heading = lang.t("polls-col-losses");
            let others = full.options.len().saturating_sub(1) as u64;
            for &id in &result.ranking {
                let w = per("wins", id).as_u64().unwrap_or(0);
                let l = per("losses", id).as_u64().unwrap_or(0);
                page.rows.push(row(id, w.to_string(), l.to_string(), pct(w, others)));
            }
            let order = &result.ranking;
            page.matrix_labels = order.iter().map(|&i| label(i)).collect();
            let cell = |key: &str, a: i64, b: i64| per(key, a).get(b.to_string()).and_then(Value::as_u64).unwrap_or(0);
            for key in ["pairwise", "strongest_paths"] {
                let m: Vec<Vec<(String, bool)>> = order
                    .iter()
                    .map(|&a| {
                        order
                            .iter()
                            .map(|&b| {
                                if a == b {
                                    ("—".to_string(), false)
                                } else {
                                    let (x, y) = (cell(key, a, b), cell(key, b, a));
                                    (x.to_string(), x > y)
                                }
                            })
                            .collect()
                    })
                    .collect();
                let title = if key == "pairwise" {
                    "polls-pairwise"
                } else {
                    "polls-strongest-paths"
                };
                page.matrices.push((lang.t(title), m));
            }
        }
        Method::MajorityJudgment { grade_count } => {
            for &id in &result.ranking {
                let prof = per("profiles", id);
                let dist: Vec<u64> = prof
                    .get("distribution")
                    .and_then(Value::as_array)
                    .map(|a| a.iter().filter_map(Value::as_u64).collect())
                    .unwrap_or_default();
                let total: u64 = dist.iter().sum();
                let majority = prof.get("majority_grade").and_then(Value::as_u64).unwrap_or(0) as u8;
                let mut offset = 0;
                let segments = dist
                    .iter()
                    .enumerate()
                    .rev()
                    .map(|(g, &w)| Segment {
                        label: format!("{}: {w}", grade_label(lang, grade_count, g as u8)),
                        percent: pct(w, total),
                        offset: 0,
                        shade: (g as u64 * 100) / u64::from(grade_count.max(2) - 1),
                    })
                    .filter(|s| s.percent > 0)
                    .map(|mut s| {
                        s.offset = offset;
                        offset += s.percent;
                        s
                    })
                    .collect();
                let (place, tied) = place(id);
                page.profiles.push(ProfileRow {
                    label: label(id),
                    majority: if total == 0 {
                        String::new()
                    } else {
                        grade_label(lang, grade_count, majority)
                    },
                    winner: result.winners.contains(&id),
                    place,
                    tied,
                    segments,
                });
            }
        }
    }
    render(&page)
}
