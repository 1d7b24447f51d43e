//! Joining's pages: the public application form (`/n/{slug}/join`), the contact's
//! confirmation (`/join/confirm/{token}`: the link shows a button, the button
//! confirms), and the review (`/applications`: the list, an application with its
//! comments, accepting and declining, each showing what it does before asking once).

use super::data::{self, ApplicationForm, ApplicationOut, Status, Taken};
use super::decide::{self, DecisionIn};
use super::{JoiningState, policy};
use crate::access::require;
use crate::api::parse_id;
use crate::audit::Actor;
use crate::auth::rate_limit::ClientAddr;
use crate::entities::network;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, Query, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::joining::{FillTimeError, fill_time};
use sea_orm::TransactionTrait;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "joining/form.html")]
struct FormPage {
    ctx: Ctx,
    network: network::Model,
    form: ApplicationForm,
    errors: FieldErrors,
    /// The charter page's id, when the network asks consent to one.
    charter: Option<i64>,
    /// Refused for too many applications from here.
    limited: bool,
}

impl FormPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn kinds(&self) -> Vec<&'static str> {
        data::APPLYING_KINDS.iter().map(|k| k.as_str()).collect()
    }
    fn langs(&self) -> [Lang; 4] {
        Lang::ALL
    }
}

#[derive(Template)]
#[template(path = "joining/message.html")]
struct MessagePage {
    ctx: Ctx,
    title: String,
    lines: Vec<String>,
    /// A button (the confirmation link's page): where it posts, and its label.
    button: Option<(String, String)>,
}

async fn form_page(
    state: &AppState,
    joining: &JoiningState,
    ctx: Ctx,
    n: network::Model,
    mut form: ApplicationForm,
    errors: FieldErrors,
    status: StatusCode,
) -> AppResult<Response> {
    let charter = data::charter(&state.db.read, &n).await?.map(|c| c.0);
    form.shown = joining
        .guard
        .stamp(&state.db.write, n.id, crate::clock::now().unix_timestamp())
        .await?;
    form.nickname = String::new();
    let limited = status == StatusCode::TOO_MANY_REQUESTS;
    render_status(
        status,
        &FormPage {
            ctx,
            network: n,
            form,
            errors,
            charter,
            limited,
        },
    )
}

/// `GET /n/{slug}/join`: the application form.
pub async fn form(
    State(state): State<AppState>,
    State(joining): State<JoiningState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let n = super::open_network(&state, &slug).await?;
    let form = ApplicationForm {
        contact_language: ctx.lang.code().into(),
        level: "active".into(),
        kind: "user".into(),
        ..ApplicationForm::default()
    };
    form_page(&state, &joining, ctx, n, form, FieldErrors::default(), StatusCode::OK).await
}

/// `POST /n/{slug}/join`: taken (the contact is asked to confirm their address), or
/// the form again as typed with each refused field named.
pub async fn apply(
    State(state): State<AppState>,
    State(joining): State<JoiningState>,
    address: ClientAddr,
    ctx: Ctx,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<ApplicationForm>,
) -> AppResult<Response> {
    let n = super::open_network(&state, &slug).await?;
    // The honeypot: answered as if taken, nothing stored or sent.
    if !form.nickname.trim().is_empty() {
        return sent(ctx);
    }
    let now = crate::clock::now().unix_timestamp();
    let shown = joining.guard.shown_at(&state.db.write, n.id, &form.shown).await?;
    let timing = match shown {
        None => Err(FillTimeError::Expired),
        Some(t) => fill_time(t, now),
    };
    if let Err(e) = timing {
        let mut errors = FieldErrors::default();
        errors.add(
            "shown",
            match e {
                FillTimeError::TooFast => "form-too-fast",
                FillTimeError::Expired => "form-expired",
            },
        );
        return form_page(&state, &joining, ctx, n, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let charter = data::charter(&state.db.read, &n).await?;
    let valid = match form.validate(charter.is_some()) {
        Ok(v) => v,
        Err(errors) => {
            return form_page(&state, &joining, ctx, n, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    if joining.guard.count(n.id, &address).is_err() {
        return form_page(
            &state,
            &joining,
            ctx,
            n,
            form,
            FieldErrors::default(),
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await;
    }
    let txn = state.db.write.begin().await?;
    let taken: Taken = data::take(&txn, &n, &valid).await?;
    txn.commit().await?;
    tracing::debug!(?taken, "application taken");
    sent(ctx)
}

/// The answer to any application taken (or pretended taken: the honeypot).
fn sent(ctx: Ctx) -> AppResult<Response> {
    let title = ctx.t("join-sent-title");
    let lines = vec![ctx.t("join-sent-body"), ctx.t("join-sent-spam")];
    render_status(
        StatusCode::ACCEPTED,
        &MessagePage {
            ctx,
            title,
            lines,
            button: None,
        },
    )
}

/// `GET /join/confirm/{token}`: a button (a mail scanner following the link confirms
/// nothing).
pub async fn confirm_form(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> AppResult<Response> {
    let a = data::by_token(&state.db.read, &token).await?;
    let title = ctx.t("join-confirm-title");
    let lines = vec![ctx.ta("join-confirm-body", "organisation", &a.org_name)];
    let button = Some((format!("/join/confirm/{token}"), ctx.t("join-confirm-button")));
    render(&MessagePage {
        ctx,
        title,
        lines,
        button,
    })
}

/// `POST /join/confirm/{token}`: the application goes to the review.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let txn = state.db.write.begin().await?;
    let a = data::by_token(&txn, &token).await?;
    data::confirm(&txn, a).await?;
    txn.commit().await?;
    let title = ctx.t("join-confirmed-title");
    let lines = vec![ctx.t("join-confirmed-body")];
    render(&MessagePage {
        ctx,
        title,
        lines,
        button: None,
    })
}

use crate::web::Empty;

#[derive(Template)]
#[template(path = "joining/list.html")]
struct ListPage {
    ctx: Ctx,
    items: Vec<ApplicationOut>,
    status: String,
    /// The page shown and the pages there are.
    page: u64,
    pages: u64,
    /// The filter as a query string, for the pagination links.
    query: String,
}

/// Applications shown per page of `/applications`.
const APPLICATIONS_PER_PAGE: u64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub status: String,
    /// From 1; past the last page, an empty one.
    pub page: Option<u64>,
}

/// `GET /applications`: waiting first (`?status=accepted|declined|all`).
pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::review(&user.doer()))?;
    let status = match q.status.as_str() {
        "" => Some(Status::Pending),
        "all" => None,
        s => Some(
            Status::parse(s)
                .filter(|s| *s != Status::Unconfirmed)
                .ok_or(AppError::NotFound)?,
        ),
    };
    let page = crate::api::Page {
        page: q.page.unwrap_or(1).clamp(1, crate::api::MAX_PAGE),
        per_page: APPLICATIONS_PER_PAGE,
    };
    let (items, total) = data::overview_page(&state.db, user.network.id, status, &page).await?;
    let status: String = status.map(|s| s.as_str()).unwrap_or("all").into();
    render(&ListPage {
        ctx,
        items,
        page: page.number(),
        pages: page.count(total),
        query: format!("status={status}"),
        status,
    })
}

#[derive(Template)]
#[template(path = "joining/show.html")]
struct ShowPage {
    ctx: Ctx,
    a: ApplicationOut,
    open: bool,
    closes_on: String,
    errors: FieldErrors,
    comment: String,
}

impl ShowPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
}

async fn show_page(state: &AppState, ctx: Ctx, id: i64, errors: FieldErrors, comment: String) -> AppResult<Response> {
    show_with(state, ctx, id, errors, comment, String::new()).await
}

async fn show_with(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    errors: FieldErrors,
    comment: String,
    closes_on: String,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::review(&user.doer()))?;
    let a = data::read(&state.db.read, user.network.id, id).await?;
    let open = a.status == Status::Pending.as_str();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &ShowPage {
            ctx,
            a,
            open,
            closes_on,
            errors,
            comment,
        },
    )
}

/// `GET /applications/{id}`.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    show_page(&state, ctx, parse_id(&id)?, FieldErrors::default(), String::new()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CommentForm {
    pub body: String,
}

/// `POST /applications/{id}/comments`.
pub async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<CommentForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::review(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    match data::add_comment(&txn, user.network.id, id, user.person_id, &form.body).await {
        Ok(_) => {
            txn.commit().await?;
            Ok(see_other(&format!("/applications/{id}#comments")))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            show_page(&state, ctx, id, errors, form.body).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PollForm {
    pub closes_on: String,
}

/// `POST /applications/{id}/poll`: opens the poll that decides the application.
pub async fn poll(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<PollForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::review(&user.doer()))?;
    let id = parse_id(&id)?;
    let n = super::network_of(&state, user.network.id).await?;
    let input = super::poll::ApplicationPollIn {
        closes_on: Some(form.closes_on.clone()),
    };
    let txn = state.db.write.begin().await?;
    match super::poll::open(&txn, Actor::person(user.person_id), &n, id, &input).await {
        Ok(_) => {
            txn.commit().await?;
            Ok(see_other(&format!("/applications/{id}")))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            show_with(&state, ctx, id, errors, String::new(), form.closes_on).await
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "joining/decide.html")]
struct DecidePage {
    ctx: Ctx,
    a: ApplicationOut,
    accept: bool,
    /// The first fee before sponsorship: net and sponsored (by the schedule), in the
    /// network's currency, and the months it covers.
    fee: Option<(String, Option<String>, i64)>,
    form: DecisionForm,
    errors: FieldErrors,
}

impl DecidePage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
}

/// The decision's fields as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    pub note: String,
    /// Percent, 0 to 100 (the API takes basis points).
    pub sponsorship_percent: String,
    pub poll_id: String,
}

impl DecisionForm {
    fn input(&self) -> Result<DecisionIn, FieldErrors> {
        let mut errors = FieldErrors::default();
        let percent = self.sponsorship_percent.trim().replace(',', ".");
        let basis_points = if percent.is_empty() {
            0
        } else {
            match percent.parse::<f64>() {
                Ok(p) if (0.0..=100.0).contains(&p) => (p * 100.0).round() as i64,
                _ => {
                    errors.add("sponsorship_percent", "sponsorship-range");
                    0
                }
            }
        };
        let poll_id = match self.poll_id.trim() {
            "" => None,
            s => match s.trim_start_matches('#').parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => {
                    errors.add("poll_id", "invalid-choice");
                    None
                }
            },
        };
        if errors.is_empty() {
            Ok(DecisionIn {
                note: self.note.clone(),
                sponsorship_basis_points: basis_points,
                poll_id,
            })
        } else {
            Err(errors)
        }
    }
}

async fn decide_page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    accept: bool,
    form: DecisionForm,
    errors: FieldErrors,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::review(&user.doer()))?;
    let conn = &state.db.read;
    let row = data::get(conn, user.network.id, id).await?;
    if !decide::open(&row) {
        return Ok(see_other(&format!("/applications/{id}")));
    }
    let n = super::network_of(state, user.network.id).await?;
    let fee = if accept {
        decide::fee_preview(conn, &n, &row)
            .await?
            .map(|(net, sponsored, months)| {
                let money = |c: i64| intercoop_domain::Money::from_cents(c).format(ctx.lang.code(), &n.currency);
                (
                    money(net + sponsored),
                    (sponsored > 0).then(|| money(sponsored)),
                    i64::from(months),
                )
            })
    } else {
        None
    };
    let a = data::read(conn, user.network.id, id).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &DecidePage {
            ctx,
            a,
            accept,
            fee,
            form,
            errors,
        },
    )
}

/// `GET /applications/{id}/accept`: what accepting does, asked once.
pub async fn accept_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    decide_page(
        &state,
        ctx,
        parse_id(&id)?,
        true,
        DecisionForm::default(),
        FieldErrors::default(),
    )
    .await
}

/// `GET /applications/{id}/decline`.
pub async fn decline_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    decide_page(
        &state,
        ctx,
        parse_id(&id)?,
        false,
        DecisionForm::default(),
        FieldErrors::default(),
    )
    .await
}

/// `POST /applications/{id}/accept`: to the new organisation's page.
pub async fn accept(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> AppResult<Response> {
    decide_post(state, ctx, id, true, form).await
}

/// `POST /applications/{id}/decline`: back to the application.
pub async fn decline(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> AppResult<Response> {
    decide_post(state, ctx, id, false, form).await
}

async fn decide_post(state: AppState, ctx: Ctx, id: String, accept: bool, form: DecisionForm) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::review(&user.doer()))?;
    let id = parse_id(&id)?;
    let input = match form.input() {
        Ok(i) => i,
        Err(errors) => return decide_page(&state, ctx, id, accept, form, errors).await,
    };
    let actor = Actor::person(user.person_id);
    let txn = state.db.write.begin().await?;
    let done = if accept {
        let n = super::network_of(&state, user.network.id).await?;
        decide::accept(&txn, &state.config.base_url, actor, &user.name, &n, id, &input)
            .await
            .map(|a| format!("/organisations/{}", a.organisation_id))
    } else {
        decide::decline(&txn, actor, user.network.id, id, &input)
            .await
            .map(|()| format!("/applications/{id}"))
    };
    match done {
        Ok(to) => {
            txn.commit().await?;
            Ok(see_other(&to))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            // The API's names, as the form's.
            let mut shown = FieldErrors::default();
            for e in errors.0 {
                let field = if e.field == "sponsorship_basis_points" {
                    "sponsorship_percent"
                } else {
                    e.field.as_str()
                };
                shown.add(field, &e.code);
            }
            decide_page(&state, ctx, id, accept, form, shown).await
        }
        Err(e) => Err(e),
    }
}
