//! The meetings' pages: the list, a meeting (with its `.ics`), scheduling one, cancelling
//! (its consequence shown, asked once), answering (logged in, or from the invitation's
//! link without logging in), taking attendance on a phone, and the calendar feed.

use super::answers;
use super::data::{self, MeetingFull, MeetingRow};
use super::input::{AgendaInput, MeetingInput};
use super::policy;
use crate::access::require;
use crate::api::{Page, parse_id};
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::Query;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::meetings::Answer;
use sea_orm::TransactionTrait;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "assemblies/list.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<MeetingRow>,
    past: bool,
    page: u64,
    pages: u64,
    query: String,
    total: i64,
    can_create: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListParams {
    page: Option<u64>,
    past: Option<bool>,
}

/// `GET /meetings`: the coming meetings (or the past ones).
pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(params): Query<ListParams>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let page = Page {
        page: params.page.unwrap_or(1),
        per_page: 50,
    };
    let past = params.past.unwrap_or(false);
    let (rows, total) = data::list(&state.db, user.network.id, past, &page).await?;
    render(&ListPage {
        ctx,
        rows,
        past,
        page: page.number(),
        pages: page.count(total),
        query: if past { "past=true".into() } else { String::new() },
        total,
        can_create: policy::manage(&user.doer()),
    })
}

#[derive(Template)]
#[template(path = "assemblies/show.html")]
struct ShowPage {
    ctx: Ctx,
    m: MeetingFull,
    my_answer: Option<String>,
    may_answer: bool,
    can_manage: bool,
    ahead: bool,
    invited_count: i64,
    attendance: super::api::AttendanceOut,
    minutes: super::minutes::MinutesOut,
    can_write_minutes: bool,
    /// The reader speaks for a member organisation and the meeting takes proxies now.
    may_give_proxy: bool,
    /// An event's places and where the reader stands.
    registration: Option<super::registrations::RegistrationOut>,
    /// The documents the reader may see.
    documents: Vec<super::documents::DocumentOut>,
}

impl ShowPage {
    fn full(&self) -> bool {
        self.registration.as_ref().is_some_and(|r| r.places_left == Some(0))
    }
    fn made_by_label(&self, d: &super::minutes::DecisionOut) -> String {
        super::minutes_page::made_by_label(&self.ctx, d)
    }
    fn answered(&self, a: &str) -> bool {
        self.my_answer.as_deref() == Some(a)
    }
    fn description_html(&self) -> String {
        crate::web::format::linked(&self.m.meeting.description)
    }
}

/// `GET /meetings/{id}` (and `/meetings/{id}.ics`, the meeting's calendar file).
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(raw): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let (id, ics) = match raw.strip_suffix(".ics") {
        Some(id) => (parse_id(id)?, true),
        None => (parse_id(&raw)?, false),
    };
    let conn = &state.db.read;
    let m = data::get(conn, user.network.id, id).await?;
    if ics {
        return Ok(super::feed::meeting_ics(&state, &user.network.name, &m));
    }
    // The number invited and whether the reader is, not the list of those invited (a
    // thousand people at scale 100). What grows with the network (those invited, the
    // quorum over its member organisations) is kept until the database changes
    // (`Db::memo`, on SQLite; a meeting's id names its network): the page cost 1.8
    // times as much at scale 100 as at scale 1 (bench/run). The reader's own answer and
    // invitation are read for them, by the indexes.
    let invited_count = state
        .db
        .memo(&format!("meeting-invited:{id}"), || {
            super::notifications::invited_count(conn, &m.meeting)
        })
        .await?;
    let reader_invited = super::notifications::is_invited(conn, &m.meeting, user.person_id).await?;
    // The answers counted with the reader's own, in one query.
    let (counts, my_answer) = answers::counts_and_answer(conn, id, user.person_id).await?;
    let my_answer = my_answer.map(|a| a.to_string());
    let attendance = state
        .db
        .memo(&format!("meeting-attendance:{id}"), || {
            super::api::attendance_with(conn, &user.network, &m, counts)
        })
        .await?;
    let ahead = m.ahead(crate::clock::now());
    let can_write_minutes = policy::write_minutes(&user.doer());
    let minutes = super::minutes::of(conn, &m.meeting, can_write_minutes).await?;
    let doer = user.doer();
    let may_give_proxy = super::proxies::may_give_now(&m.meeting) && (doer.is_admin() || !doer.represents.is_empty());
    let registration = if m.meeting.kind.0 == intercoop_domain::meetings::MeetingKind::Event {
        Some(super::registrations::of(conn, &m.meeting, Some(user.person_id)).await?)
    } else {
        None
    };
    let reader = crate::documentation::policy::reader(&doer);
    let documents = super::documents::list(conn, user.network.id, id, reader).await?;
    render(&ShowPage {
        documents,
        registration,
        may_give_proxy,
        minutes,
        can_write_minutes,
        may_answer: ahead && policy::answer(&user.doer(), reader_invited),
        can_manage: policy::manage(&user.doer()),
        invited_count,
        ahead,
        my_answer,
        attendance,
        m,
        ctx,
    })
}

#[derive(Deserialize)]
pub struct AnswerForm {
    answer: String,
}

/// `POST /meetings/{id}/answer`: the logged-in person answers.
pub async fn answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let a = Answer::parse(&form.answer).ok_or_else(|| AppError::invalid("answer", "meeting-answer"))?;
    let txn = state.db.write.begin().await?;
    let full = data::get(&txn, user.network.id, parse_id(&id)?).await?;
    answers::set(&txn, &full, user.person_id, a).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/meetings/{}", full.meeting.id)))
}

#[derive(Template)]
#[template(path = "assemblies/answer.html")]
struct AnswerPage {
    ctx: Ctx,
    token: String,
    m: MeetingFull,
    my_answer: Option<String>,
    ahead: bool,
    done: bool,
}

impl AnswerPage {
    fn answered(&self, a: &str) -> bool {
        self.my_answer.as_deref() == Some(a)
    }
}

async fn answer_page(state: &AppState, mut ctx: Ctx, token: String, done: bool) -> AppResult<Response> {
    let conn = &state.db.read;
    let l = answers::by_link(conn, &token).await?;
    let meeting = <super::entities::meeting::Entity as sea_orm::EntityTrait>::find_by_id(l.meeting_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let full = data::get(conn, meeting.network_id, meeting.id).await?;
    // The page speaks the person's language and the meeting network's zone.
    let person = <crate::entities::person::Entity as sea_orm::EntityTrait>::find_by_id(l.person_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let network = <crate::entities::network::Entity as sea_orm::EntityTrait>::find_by_id(meeting.network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    ctx.lang = crate::notifications::language_of(&person, &network);
    if ctx.network.as_ref().is_none_or(|n| n.id != network.id) {
        ctx.network = Some(crate::auth::NetworkInfo {
            id: network.id,
            slug: network.slug.clone(),
            name: network.name.clone(),
            default_language: network.default_language,
            time_zone: network.time_zone.clone(),
            currency: network.currency.clone(),
        });
    }
    let my_answer = answers::of(conn, meeting.id, l.person_id).await?.map(|a| a.to_string());
    render(&AnswerPage {
        ahead: full.ahead(crate::clock::now()),
        ctx,
        token,
        m: full,
        my_answer,
        done,
    })
}

/// `GET /meetings/answer/{token}`: the invitation's link; one tap on the answer that
/// follows (a GET never answers: mail scanners open links).
pub async fn answer_link_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    answer_page(&state, ctx, token, false).await
}

/// `POST /meetings/answer/{token}`: answers for the link's person (the link is the
/// authority: no login).
pub async fn answer_link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<AnswerForm>,
) -> AppResult<Response> {
    let a = Answer::parse(&form.answer).ok_or_else(|| AppError::invalid("answer", "meeting-answer"))?;
    let txn = state.db.write.begin().await?;
    let l = answers::by_link(&txn, &token).await?;
    let meeting = <super::entities::meeting::Entity as sea_orm::EntityTrait>::find_by_id(l.meeting_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let full = data::get(&txn, meeting.network_id, meeting.id).await?;
    answers::set(&txn, &full, l.person_id, a).await?;
    txn.commit().await?;
    answer_page(&state, ctx, token, true).await
}

/// The scheduling form: every field as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct MeetingForm {
    pub kind: String,
    pub title: String,
    pub description: String,
    /// `2026-01-06T19:00`, in the network's zone.
    pub starts_at: String,
    pub duration_minutes: String,
    pub recurrence: String,
    pub place: String,
    pub video_url: String,
    /// Days before, separated by commas (`7, 1`).
    pub reminder_days: String,
    /// One item per line; `proposal 12` or `poll 7` links one.
    pub agenda: String,
    /// An event's places (empty: no limit).
    pub capacity: String,
}

impl MeetingForm {
    /// Read into the API's body, with errors on the API's field names.
    pub fn input(&self) -> Result<MeetingInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let duration = self.duration_minutes.trim().parse::<i64>().unwrap_or_else(|_| {
            e.add("duration_minutes", "meeting-ends-before-start");
            0
        });
        let reminders = super::edit_page::reminder_minutes(&self.reminder_days, &mut e);
        let capacity = super::edit_page::read_capacity(&self.capacity, &mut e);
        let agenda = self
            .agenda
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| {
                let mut words = l.splitn(3, ' ');
                let (w, n) = (
                    words.next().unwrap_or(""),
                    words.next().and_then(|n| n.trim_start_matches('#').parse().ok()),
                );
                let rest = words.next().map(str::to_string);
                match (w.to_lowercase().as_str(), n) {
                    ("proposal", Some(id)) => AgendaInput {
                        text: rest,
                        proposal_id: Some(id),
                        poll_id: None,
                    },
                    ("poll", Some(id)) => AgendaInput {
                        text: rest,
                        proposal_id: None,
                        poll_id: Some(id),
                    },
                    _ => AgendaInput {
                        text: Some(l.to_string()),
                        ..Default::default()
                    },
                }
            })
            .collect();
        if !e.is_empty() {
            return Err(e);
        }
        Ok(MeetingInput {
            kind: self.kind.clone(),
            title: self.title.clone(),
            description: Some(self.description.clone()),
            starts_at: self.starts_at.clone(),
            duration_minutes: duration,
            time_zone: None,
            recurrence: Some(self.recurrence.clone()).filter(|r| !r.trim().is_empty()),
            place: Some(self.place.clone()),
            video_url: Some(self.video_url.clone()),
            reminders_minutes: Some(reminders),
            agenda: Some(agenda),
            capacity,
        })
    }
}

#[derive(Template)]
#[template(path = "assemblies/new.html")]
struct NewPage {
    ctx: Ctx,
    form: MeetingForm,
    errors: FieldErrors,
}

impl NewPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn kind_is(&self, k: &str) -> bool {
        self.form.kind == k
    }
    fn kinds(&self) -> [&'static str; 4] {
        ["assembly", "core", "general_assembly", "event"]
    }
}

/// `GET /meetings/new` (administrators).
pub async fn new_form(ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let form = MeetingForm {
        kind: "assembly".into(),
        duration_minutes: "90".into(),
        reminder_days: "7, 1".into(),
        ..Default::default()
    };
    render(&NewPage {
        ctx,
        form,
        errors: FieldErrors::default(),
    })
}

/// `POST /meetings/new`: schedules it as the API does; errors beside their fields (422).
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<MeetingForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let made = match form.input().and_then(|i| i.validate(&user.network.time_zone)) {
        Err(errors) => Err(AppError::Invalid(errors)),
        Ok(valid) => {
            let txn = state.db.write.begin().await?;
            match data::create(&txn, Actor::person(user.person_id), user.network.id, &valid).await {
                Ok(ids) => {
                    txn.commit().await?;
                    Ok(ids[0])
                }
                Err(e) => Err(e),
            }
        }
    };
    match made {
        Ok(id) => Ok(see_other(&format!("/meetings/{id}"))),
        Err(AppError::Invalid(errors)) => {
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &NewPage { ctx, form, errors })
        }
        Err(e) => Err(e),
    }
}

/// `POST /meetings/{id}/cancel` (administrators; the page said whom it tells).
pub async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let m = data::cancel(&txn, Actor::person(user.person_id), user.network.id, parse_id(&id)?).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/meetings/{}", m.id)))
}

use crate::web::Empty;
