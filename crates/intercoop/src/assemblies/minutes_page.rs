//! The minutes' pages: writing them and the decisions (`/meetings/{id}/minutes`,
//! administrators), approving and publishing them (the consequence shown, asked once),
//! and the network's decisions, searchable (`/decisions`, everyone of the network).

use super::data::{self, MeetingFull};
use super::minutes::{self, DecisionInput, DecisionOut, MinutesInput, MinutesOut, Transition};
use super::policy;
use crate::access::require;
use crate::api::{Page, parse_id};
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::Query;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::meetings::AgendaKind;
use sea_orm::TransactionTrait;
use serde::Deserialize;

/// What a decision may be linked to on the form: a poll of the agenda, or a status
/// change of a proposal of the agenda.
pub struct MadeBy {
    /// `poll:7` or `event:12`.
    pub value: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "assemblies/minutes.html")]
struct MinutesPage {
    ctx: Ctx,
    m: MeetingFull,
    minutes: MinutesOut,
    markdown: String,
    decision_text: String,
    made_by: Vec<MadeBy>,
    chosen: String,
    errors: FieldErrors,
    saved: bool,
    began: bool,
    readers: i64,
}

impl MinutesPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn made_by_label(&self, d: &DecisionOut) -> String {
        made_by_label(&self.ctx, d)
    }
}

/// "Poll #7: Title" or "Proposal #3: submitted → accepted", as a decision's origin.
pub fn made_by_label(ctx: &Ctx, d: &DecisionOut) -> String {
    if let (Some(id), Some(title)) = (d.poll_id, &d.poll_title) {
        return format!("{} #{id} : {title}", ctx.t("assemblies-agenda-poll"));
    }
    if let (Some(id), Some(title)) = (d.proposal_id, &d.proposal_title) {
        return format!(
            "{} #{id} : {title} ({})",
            ctx.t("assemblies-agenda-proposal"),
            transition(ctx, d.from_status.as_deref(), d.to_status.as_deref())
        );
    }
    String::new()
}

fn transition(ctx: &Ctx, from: Option<&str>, to: Option<&str>) -> String {
    let status = |s: &str| ctx.t(&format!("proposals-status-{s}"));
    match (from, to) {
        (Some(f), Some(t)) => format!("{} → {}", status(f), status(t)),
        (None, Some(t)) => status(t),
        _ => String::new(),
    }
}

async fn made_by_choices(state: &AppState, ctx: &Ctx, network_id: i64, m: &MeetingFull) -> AppResult<Vec<MadeBy>> {
    let mut out = Vec::new();
    for a in &m.agenda {
        if a.kind.0 == AgendaKind::Poll
            && let Some(id) = a.poll_id
        {
            let label = if a.body.is_empty() {
                String::new()
            } else {
                format!(" : {}", a.body)
            };
            out.push(MadeBy {
                value: format!("poll:{id}"),
                label: format!("{} #{id}{label}", ctx.t("assemblies-agenda-poll")),
            });
        }
    }
    let proposals: Vec<i64> = m.agenda.iter().filter_map(|a| a.proposal_id).collect();
    let transitions: Vec<Transition> = minutes::agenda_transitions(&state.db.read, network_id, &proposals).await?;
    for t in transitions {
        out.push(MadeBy {
            value: format!("event:{}", t.id),
            label: format!(
                "{} #{} : {} ({})",
                ctx.t("assemblies-agenda-proposal"),
                t.proposal_id,
                t.proposal_title,
                transition(ctx, t.from_status.as_deref(), t.to_status.as_deref())
            ),
        });
    }
    Ok(out)
}

struct Typed {
    markdown: Option<String>,
    decision_text: String,
    chosen: String,
}

async fn page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    typed: Typed,
    errors: FieldErrors,
    saved: bool,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::write_minutes(&user.doer()))?;
    let conn = &state.db.read;
    let m = data::get(conn, user.network.id, id).await?;
    let minutes = minutes::read(conn, user.network.id, id, true).await?;
    let made_by = made_by_choices(state, &ctx, user.network.id, &m).await?;
    let readers =
        super::notifications::invited_to(conn, user.network.id, intercoop_domain::meetings::MeetingKind::Event)
            .await?
            .len() as i64;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &MinutesPage {
            markdown: typed.markdown.unwrap_or_else(|| minutes.markdown.clone()),
            decision_text: typed.decision_text,
            chosen: typed.chosen,
            began: crate::clock::now() >= m.meeting.starts_at,
            m,
            minutes,
            made_by,
            errors,
            saved,
            readers,
            ctx,
        },
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SavedParam {
    saved: Option<bool>,
}

/// `GET /meetings/{id}/minutes` (administrators): the minutes' form and the decisions.
pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(p): Query<SavedParam>,
) -> AppResult<Response> {
    let typed = Typed {
        markdown: None,
        decision_text: String::new(),
        chosen: String::new(),
    };
    page(
        &state,
        ctx,
        parse_id(&id)?,
        typed,
        FieldErrors::default(),
        p.saved.unwrap_or(false),
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MinutesForm {
    markdown: String,
}

/// A refusal shown on the form (422), or the error itself.
async fn or_form(state: &AppState, ctx: Ctx, id: i64, typed: Typed, e: AppError) -> AppResult<Response> {
    match e {
        AppError::Invalid(errors) => page(state, ctx, id, typed, errors, false).await,
        e => Err(e),
    }
}

/// `POST /meetings/{id}/minutes`: saves the draft.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<MinutesForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::write_minutes(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let input = MinutesInput {
        markdown: form.markdown.clone(),
    };
    match minutes::save(&txn, Actor::person(user.person_id), user.network.id, id, &input).await {
        Ok(_) => {
            txn.commit().await?;
            Ok(see_other(&format!("/meetings/{id}/minutes?saved=true")))
        }
        Err(e) => {
            drop(txn);
            let typed = Typed {
                markdown: Some(form.markdown),
                decision_text: String::new(),
                chosen: String::new(),
            };
            or_form(&state, ctx, id, typed, e).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DecisionForm {
    text: String,
    /// Empty, `poll:7` or `event:12`.
    made_by: String,
}

/// `POST /meetings/{id}/decisions`: records a decision.
pub async fn add_decision(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::write_minutes(&user.doer()))?;
    let id = parse_id(&id)?;
    let mut input = DecisionInput {
        text: form.text.clone(),
        ..Default::default()
    };
    match form.made_by.split_once(':') {
        Some(("poll", n)) => input.poll_id = n.parse().ok(),
        Some(("event", n)) => input.proposal_event_id = n.parse().ok(),
        _ => {}
    }
    let txn = state.db.write.begin().await?;
    match minutes::add_decision(&txn, Actor::person(user.person_id), user.network.id, id, &input).await {
        Ok(_) => {
            txn.commit().await?;
            Ok(see_other(&format!("/meetings/{id}/minutes#decisions")))
        }
        Err(e) => {
            drop(txn);
            let typed = Typed {
                markdown: None,
                decision_text: form.text,
                chosen: form.made_by,
            };
            or_form(&state, ctx, id, typed, e).await
        }
    }
}

/// `POST /meetings/{id}/decisions/{decision_id}/remove`: removes a decision.
pub async fn remove_decision(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, decision_id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<crate::web::Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::write_minutes(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    minutes::remove_decision(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        id,
        parse_id(&decision_id)?,
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!("/meetings/{id}/minutes#decisions")))
}

/// `POST /meetings/{id}/minutes/publish`: approves and publishes (the form said who is
/// told and that they no longer change).
pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::write_minutes(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    match minutes::publish(&txn, Actor::person(user.person_id), user.network.id, id).await {
        Ok(_) => {
            txn.commit().await?;
            Ok(see_other(&format!("/meetings/{id}#minutes")))
        }
        Err(e) => {
            drop(txn);
            let typed = Typed {
                markdown: None,
                decision_text: String::new(),
                chosen: String::new(),
            };
            or_form(&state, ctx, id, typed, e).await
        }
    }
}

#[derive(Template)]
#[template(path = "assemblies/decisions.html")]
struct DecisionsPage {
    ctx: Ctx,
    rows: Vec<DecisionOut>,
    q: String,
    page: u64,
    pages: u64,
    query: String,
    total: i64,
}

impl DecisionsPage {
    fn made_by_label(&self, d: &DecisionOut) -> String {
        made_by_label(&self.ctx, d)
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SearchParams {
    q: Option<String>,
    page: Option<u64>,
}

/// `GET /decisions`: the network's decisions from published minutes, searchable.
pub async fn decisions(State(state): State<AppState>, ctx: Ctx, Query(p): Query<SearchParams>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let page = Page {
        page: p.page.unwrap_or(1),
        per_page: 50,
    };
    let q = p.q.unwrap_or_default();
    let (rows, total) = minutes::search(&state.db, user.network.id, &q, &page).await?;
    render(&DecisionsPage {
        ctx,
        rows,
        page: page.number(),
        pages: page.count(total),
        query: if q.trim().is_empty() {
            String::new()
        } else {
            format!("q={}", urlencoding(&q))
        },
        q,
        total,
    })
}

/// The search words in a query string.
fn urlencoding(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
