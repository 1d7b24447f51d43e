//! Poll pages: the list, the poll page (voting on a phone, no JavaScript needed) and the
//! result page with its explanation as tables and pure HTML/CSS bars.

use super::data::{self, BallotInput, PollFull, PollResult};
use super::entities::{elector, poll};
use crate::api::{Page, parse_id};
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::{Arg, Lang};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::voting::{Method, PollStatus};
use sea_orm::TransactionTrait;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;

/// The label of a majority-judgment grade (0 is the worst) in the reader's language.
pub fn grade_label(lang: Lang, grade_count: u8, grade: u8) -> String {
    const SIX: [&str; 6] = [
        "polls-grade-to-reject",
        "polls-grade-poor",
        "polls-grade-fair",
        "polls-grade-good",
        "polls-grade-very-good",
        "polls-grade-excellent",
    ];
    if grade_count == 6 {
        lang.t(SIX[usize::from(grade.min(5))])
    } else {
        lang.t_args("polls-grade-n", &[("grade", Arg::Num(i64::from(grade) + 1))])
    }
}

#[derive(Template)]
#[template(path = "polls/list.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<data::PollRow>,
    page: u64,
    pages: u64,
    total: i64,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListParams {
    page: Option<u64>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(params): Query<ListParams>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let page = Page {
        page: params.page.unwrap_or(1),
        per_page: 50,
    };
    let (rows, total) = data::list(&state.db, user.network.id, None, &page).await?;
    render(&ListPage {
        ctx,
        rows,
        page: page.number(),
        pages: page.count(total),
        total,
    })
}

/// One option as the ballot form shows it.
pub struct OptionView {
    pub id: i64,
    pub label: String,
}

#[derive(Template)]
#[template(path = "polls/show.html")]
struct ShowPage {
    ctx: Ctx,
    poll: poll::Model,
    options: Vec<OptionView>,
    budget: u32,
    /// (grade value, label), best first.
    grades: Vec<(u8, String)>,
    /// The organisation (or person) the form votes for, if the viewer may vote.
    vote_for: Option<elector::Model>,
    vote_for_name: String,
    /// Organisations an administrator may record a ballot for (physical assembly).
    record_choices: Vec<(i64, String)>,
    already_voted: bool,
    can_admin: bool,
    electorate_size: usize,
    voters: usize,
    values: HashMap<String, String>,
    errors: FieldErrors,
    receipt: Option<String>,
}

impl ShowPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn value(&self, key: &str) -> String {
        self.values.get(key).cloned().unwrap_or_default()
    }
    fn is(&self, key: &str, value: &str) -> bool {
        self.values.get(key).is_some_and(|v| v == value)
    }
    fn ranks(&self) -> Vec<usize> {
        (1..=self.options.len()).collect()
    }
    fn status_label(&self) -> String {
        self.ctx.t(&format!("polls-status-{}", self.poll.status))
    }
    fn method_label(&self) -> String {
        self.ctx.t(&format!("polls-method-{}", self.poll.method))
    }
    fn is_open(&self) -> bool {
        self.poll.status == PollStatus::Open.as_str()
    }
    fn is_draft(&self) -> bool {
        self.poll.status == PollStatus::Draft.as_str()
    }
    fn results_visible(&self) -> bool {
        self.poll.status == PollStatus::Closed.as_str() || (self.is_open() && !self.poll.hide_results)
    }
    fn all_errors(&self) -> Vec<String> {
        self.errors
            .0
            .iter()
            .map(|e| self.ctx.t(&format!("error-{}", e.code)))
            .collect()
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShowParams {
    organisation_id: Option<String>,
}

async fn show_page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    organisation_id: Option<i64>,
    values: HashMap<String, String>,
    errors: FieldErrors,
    receipt: Option<String>,
) -> AppResult<ShowPage> {
    let user = require_user(&ctx)?;
    let full = data::get(&state.db.read, user.network.id, id).await?;
    let electors = data::electorate(&state.db.read, id).await?;
    let mandates = data::mandates(&state.db.read, id).await?;
    let voters = data::voters(&state.db.read, id).await?;
    let vote_for = if full.status() == PollStatus::Open {
        data::choose_voter(&user, &full, &electors, &mandates, organisation_id)
            .ok()
            .map(|c| c.elector)
    } else {
        None
    };
    let already_voted = vote_for
        .as_ref()
        .is_some_and(|e| voters.iter().any(|v| v.voter_key == e.voter_key));
    let org_ids: Vec<i64> = electors.iter().filter_map(|e| e.organisation_id).collect();
    let names = if user.is_admin() || vote_for.is_some() {
        data::organisation_names(&state.db.read, org_ids).await?
    } else {
        HashMap::new()
    };
    let vote_for_name = match &vote_for {
        Some(e) if full.poll.electorate == data::ELECTORATE_ORGANISATIONS => e
            .organisation_id
            .and_then(|o| names.get(&o).cloned())
            .unwrap_or_default(),
        Some(_) => user.name.clone(),
        None => String::new(),
    };
    let mut record_choices: Vec<(i64, String)> = if user.is_admin()
        && full.poll.electorate == data::ELECTORATE_ORGANISATIONS
        && full.status() == PollStatus::Open
    {
        electors
            .iter()
            .filter_map(|e| e.organisation_id)
            .map(|o| (o, names.get(&o).cloned().unwrap_or_default()))
            .collect()
    } else {
        Vec::new()
    };
    record_choices.sort_by_key(|(_, n)| n.to_lowercase());
    let grade_count = full.grade_count();
    let grades = (0..grade_count)
        .rev()
        .map(|g| (g, grade_label(ctx.lang, grade_count, g)))
        .collect();
    let budget = full.budget();
    let options = full
        .options
        .iter()
        .map(|o| OptionView {
            id: o.id,
            label: option_label(ctx.lang, &full, o),
        })
        .collect();
    Ok(ShowPage {
        can_admin: user.is_admin(),
        electorate_size: electors.len(),
        voters: voters.len(),
        poll: full.poll,
        options,
        budget,
        grades,
        vote_for,
        vote_for_name,
        record_choices,
        already_voted,
        values,
        errors,
        receipt,
        ctx,
    })
}

/// Decision options are stored as yes/no/abstain and shown translated.
fn option_label(lang: Lang, full: &PollFull, o: &super::entities::poll_option::Model) -> String {
    match full.method() {
        Method::Decision { .. } => lang.t(&format!("polls-choice-{}", o.label)),
        _ => o.label.clone(),
    }
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(params): Query<ShowParams>,
) -> AppResult<Response> {
    let id = parse_id(&id)?;
    let org = params.organisation_id.and_then(|o| o.parse().ok());
    let page = show_page(&state, ctx, id, org, HashMap::new(), FieldErrors::default(), None).await?;
    render(&page)
}

/// Turns the ballot form's fields into the API's ballot.
fn ballot_from_form(full: &PollFull, form: &HashMap<String, String>) -> Result<BallotInput, AppError> {
    let mut input = BallotInput {
        organisation_id: form.get("organisation_id").and_then(|o| o.trim().parse().ok()),
        ..Default::default()
    };
    let ids: Vec<i64> = full.options.iter().map(|o| o.id).collect();
    let field = |k: String| form.get(&k).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    match full.method() {
        Method::Decision { .. } => {
            input.choice = Some(field("choice".into()).ok_or_else(|| AppError::invalid("choice", "required"))?);
        }
        Method::Consent => match field("consent".into()).as_deref() {
            Some("object") => input.objection = Some(form.get("objection").cloned().unwrap_or_default()),
            Some(_) => {}
            None => return Err(AppError::invalid("consent", "required")),
        },
        Method::Approval => {
            input.approvals = Some(
                ids.iter()
                    .copied()
                    .filter(|id| field(format!("approve-{id}")).is_some())
                    .collect(),
            );
        }
        Method::Points { .. } => {
            let mut points = std::collections::BTreeMap::new();
            for id in &ids {
                if let Some(v) = field(format!("points-{id}")) {
                    let n: i64 = v.parse().map_err(|_| AppError::invalid("points", "invalid-value"))?;
                    points.insert(*id, n);
                }
            }
            input.points = Some(points);
        }
        Method::Schulze => {
            let mut ranking = Vec::new();
            for pos in 1..=ids.len() {
                if let Some(v) = field(format!("rank-{pos}")) {
                    ranking.push(v.parse().map_err(|_| AppError::invalid("ranking", "invalid-value"))?);
                }
            }
            input.ranking = Some(ranking);
        }
        Method::MajorityJudgment { .. } => {
            let mut grades = std::collections::BTreeMap::new();
            for id in &ids {
                if let Some(v) = field(format!("grade-{id}")) {
                    grades.insert(
                        *id,
                        v.parse().map_err(|_| AppError::invalid("grades", "invalid-value"))?,
                    );
                }
            }
            input.grades = Some(grades);
        }
    }
    Ok(input)
}

pub async fn vote(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = parse_id(&id)?;
    let full = data::get(&state.db.read, user.network.id, id).await?;
    let org = form.get("organisation_id").and_then(|o| o.trim().parse().ok());
    let outcome = match ballot_from_form(&full, &form) {
        Ok(input) => {
            let txn = state.db.write.begin().await?;
            match data::cast(&txn, &user, user.network.id, id, &input).await {
                Ok(receipt) => {
                    txn.commit().await?;
                    Ok(receipt)
                }
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(e),
    };
    match outcome {
        Ok(receipt) => {
            let page = show_page(
                &state,
                ctx,
                id,
                receipt.organisation_id.or(org),
                HashMap::new(),
                FieldErrors::default(),
                Some(receipt.receipt),
            )
            .await?;
            render(&page)
        }
        Err(AppError::Invalid(errors)) => {
            let page = show_page(&state, ctx, id, org, form, errors, None).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(e) => Err(e),
    }
}

pub async fn open(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_form): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    user.require_admin()?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    data::open(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        id,
        Some(&state.config.base_url),
    )
    .await?;
    txn.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(see_other(&format!("/polls/{id}")))
}

pub async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_form): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    user.require_admin()?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    data::close(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        id,
        Some(&state.config.base_url),
    )
    .await?;
    txn.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(see_other(&format!("/polls/{id}/result")))
}

// ---- the result page ----

/// One line of the result table, with its bar (0–100 %).
pub struct Row {
    pub label: String,
    pub value: String,
    pub extra: String,
    pub percent: u64,
    pub winner: bool,
}

/// A Schulze matrix as shown: each cell's text, and whether the row beats the column there.
pub type Matrix = Vec<Vec<(String, bool)>>;

/// One segment of a majority-judgment merit profile bar.
pub struct Segment {
    pub label: String,
    pub percent: u64,
    pub shade: u64,
}

pub struct ProfileRow {
    pub label: String,
    pub majority: String,
    pub winner: bool,
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
    let result = data::result(&state.db.read, &full).await?;
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
    let row = |id: i64, value: String, extra: String, percent: u64| Row {
        label: label(id),
        value,
        extra,
        percent,
        winner: result.winners.contains(&id),
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
                let segments = dist
                    .iter()
                    .enumerate()
                    .rev()
                    .map(|(g, &w)| Segment {
                        label: format!("{}: {w}", grade_label(lang, grade_count, g as u8)),
                        percent: pct(w, total),
                        shade: (g as u64 * 100) / u64::from(grade_count.max(2) - 1),
                    })
                    .filter(|s| s.percent > 0)
                    .collect();
                page.profiles.push(ProfileRow {
                    label: label(id),
                    majority: if total == 0 {
                        String::new()
                    } else {
                        grade_label(lang, grade_count, majority)
                    },
                    winner: result.winners.contains(&id),
                    segments,
                });
            }
        }
    }
    render(&page)
}
