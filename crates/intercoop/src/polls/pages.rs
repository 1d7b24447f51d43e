//! Poll pages: the list, and the poll page (voting on a phone, no JavaScript needed).
//! The result page: `result_page`.

use super::ballots::{self, BallotInput};
use super::data::{self, PollFull};
use super::entities::{elector, poll};
use super::policy;
use super::{electorate, life};
use crate::access::require;
use crate::api::{Page, parse_id};
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::{Arg, Lang};
use crate::state::AppState;
use crate::web::Query;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::voting::{Electorate, Method, PollStatus};
use sea_orm::TransactionTrait;
use serde::Deserialize;
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
    /// The list's filters as a query string (none here), for the pagination links.
    query: String,
    total: i64,
    /// The reader may create polls (`/polls/new`).
    can_create: bool,
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
        query: String::new(),
        total,
        can_create: policy::manage(&user.doer()),
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
    /// What the receipt just given proves was counted (empty in a secret poll).
    receipt_lines: Vec<String>,
    /// The ballots recorded for the electors the viewer casts for.
    recorded: Vec<super::recorded::Recorded>,
    /// Organisations whose vote the viewer may hand to a delegate or a proxy holder.
    hand_vote_for: Vec<(i64, String)>,
    /// How many organisations opening the poll would freeze into its electorate and tell.
    would_tell: usize,
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
        if self.voting_over() {
            return self.ctx.t("polls-status-closing");
        }
        self.ctx.t(&format!("polls-status-{}", self.poll.status))
    }
    fn method_label(&self) -> String {
        self.ctx.t(&format!("polls-method-{}", self.poll.method))
    }
    /// The kinds of member organisation the electorate counts, in words.
    fn kinds_label(&self) -> String {
        let names: Vec<String> = self
            .poll
            .organisation_kinds
            .iter()
            .map(|k| self.ctx.t(&format!("kind-{k}")))
            .collect();
        names.join(", ")
    }
    fn is_open(&self) -> bool {
        self.poll.status == PollStatus::Open && !self.voting_over()
    }
    /// Still open, but its closing time has passed: no more ballots, the result is coming.
    fn voting_over(&self) -> bool {
        self.poll.status == PollStatus::Open && self.poll.closes_at.is_some_and(|c| c <= crate::clock::now())
    }
    fn is_draft(&self) -> bool {
        self.poll.status == PollStatus::Draft
    }
    fn results_visible(&self) -> bool {
        self.poll.status == PollStatus::Closed || (self.is_open() && !self.poll.hide_results)
    }
    fn all_errors(&self) -> Vec<String> {
        self.errors.0.iter().map(|e| e.text(self.ctx.lang)).collect()
    }
    /// The participation line ("Voted, out of 12" and the count), without a colon
    /// written in the template.
    fn participation(&self) -> String {
        self.ctx.lang.t_args(
            "polls-voted-of",
            &[
                ("count", Arg::Num(self.voters as i64)),
                ("total", Arg::Num(self.electorate_size as i64)),
            ],
        )
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShowParams {
    #[serde(default, deserialize_with = "crate::web::query::optional_id")]
    organisation_id: Option<i64>,
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
    let doer = user.doer();
    let full = data::get(&state.db.read, user.network.id, id).await?;
    let electors = electorate::electorate(&state.db.read, id).await?;
    let mandates = electorate::mandates(&state.db.read, id).await?;
    let voters = electorate::voters(&state.db.read, id).await?;
    let vote_for = if full.takes_ballots(crate::clock::now()) {
        ballots::choose_voter(&doer, &full, &electors, &mandates, organisation_id)
            .ok()
            .map(|c| c.elector)
    } else {
        None
    };
    let already_voted = vote_for
        .as_ref()
        .is_some_and(|e| voters.iter().any(|v| v.voter_key == e.voter_key));
    let org_ids: Vec<i64> = electors.iter().filter_map(|e| e.organisation_id).collect();
    let names = if policy::see_electorate(&doer, vote_for.is_some()) {
        data::organisation_names(&state.db.read, org_ids).await?
    } else {
        HashMap::new()
    };
    let vote_for_name = match &vote_for {
        Some(e) if full.poll.electorate == Electorate::Organisations => e
            .organisation_id
            .and_then(|o| names.get(&o).cloned())
            .unwrap_or_default(),
        Some(_) => user.name.clone(),
        None => String::new(),
    };
    let mut record_choices: Vec<(i64, String)> = if policy::record_for_others(&doer)
        && full.poll.electorate == Electorate::Organisations
        && full.takes_ballots(crate::clock::now())
    {
        electors
            .iter()
            .filter_map(|e| e.organisation_id)
            .map(|o| (o, names.get(&o).cloned().unwrap_or_default()))
            .collect()
    } else {
        Vec::new()
    };
    crate::collation::sort_by_name(&mut record_choices, |(_, n)| n);
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
    // The ballots recorded for whom the viewer casts (own, delegated, proxies), and for
    // the organisation an administrator records for.
    let mine: Vec<&elector::Model> = electors
        .iter()
        .filter(|e| {
            policy::casting(&doer, e, &mandates) != policy::Casting::No
                || vote_for.as_ref().is_some_and(|v| v.voter_key == e.voter_key)
        })
        .collect();
    let my_names =
        data::organisation_names(&state.db.read, mine.iter().filter_map(|e| e.organisation_id).collect()).await?;
    let mine: Vec<(elector::Model, String)> = mine
        .into_iter()
        .map(|e| {
            let name = match e.organisation_id {
                Some(o) if full.poll.electorate == Electorate::Organisations => {
                    my_names.get(&o).cloned().unwrap_or_default()
                }
                _ => user.name.clone(),
            };
            (e.clone(), name)
        })
        .collect();
    let recorded = super::recorded::recorded_for(&state.db.read, &full, &mine, ctx.lang).await?;
    // The form to change a vote starts from the ballot recorded (not in a secret poll).
    let mut values = values;
    if values.is_empty()
        && let Some(content) = vote_for
            .as_ref()
            .and_then(|v| recorded.iter().find(|r| r.voter_key == v.voter_key))
            .and_then(|r| r.content.as_ref())
    {
        values = super::recorded::form_values(&full, content);
    }
    let receipt_lines = match (&receipt, full.poll.secret) {
        (Some(code), false) => super::recorded::ballot_of_receipt(&state.db.read, full.poll.id, code)
            .await?
            .map(|b| super::recorded::describe(ctx.lang, &full, &b.content.0))
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let hand_vote_for = if full.takes_ballots(crate::clock::now()) && full.poll.electorate == Electorate::Organisations
    {
        let own: Vec<i64> = electors
            .iter()
            .filter_map(|e| e.organisation_id)
            .filter(|o| doer.seats.contains(o) && policy::hand_vote(&doer, *o))
            .collect();
        let own_names = data::organisation_names(&state.db.read, own.clone()).await?;
        own.into_iter()
            .map(|o| (o, own_names.get(&o).cloned().unwrap_or_default()))
            .collect()
    } else {
        Vec::new()
    };
    let would_tell = if full.status() == PollStatus::Draft && policy::manage(&doer) {
        electorate::voting_organisations(&state.db.read, full.poll.network_id, &full.poll.organisation_kinds)
            .await?
            .len()
    } else {
        0
    };
    Ok(ShowPage {
        receipt_lines,
        recorded,
        hand_vote_for,
        would_tell,
        can_admin: policy::manage(&doer),
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
pub(super) fn option_label(lang: Lang, full: &PollFull, o: &super::entities::poll_option::Model) -> String {
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
    let page = show_page(
        &state,
        ctx,
        id,
        params.organisation_id,
        HashMap::new(),
        FieldErrors::default(),
        None,
    )
    .await?;
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
            match ballots::cast(&txn, &user.doer(), user.network.id, id, &input).await {
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
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let opened = life::open(&txn, Actor::person(user.person_id), user.network.id, id).await;
    match opened {
        Ok(()) => {}
        // A weighted poll whose electorate has an organisation without a size: the
        // poll's page again, saying which ones and what to do.
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            let page = show_page(&state, ctx, id, None, HashMap::new(), errors, None).await?;
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
        Err(e) => return Err(e),
    }
    txn.commit().await?;
    Ok(see_other(&format!("/polls/{id}")))
}

pub async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_form): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    life::close(&txn, Actor::person(user.person_id), user.network.id, id).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/polls/{id}/result")))
}
