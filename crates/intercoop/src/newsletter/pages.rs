//! The newsletter's pages for its writers (the facilitator and the core circle): the
//! issues, writing one, an issue's preview in each of its languages with the form that
//! adds a translation, sending it (asked once, naming how many addresses receive it),
//! and the subscribers. The public pages are [`super::public`]'s.

use super::data::{self, IssueInput, IssueOut, SubscriberOut, TranslationInput};
use super::policy;
use crate::access::require;
use crate::api::parse_id;
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::TransactionTrait;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "newsletter/list.html")]
struct ListPage {
    ctx: Ctx,
    issues: Vec<IssueOut>,
    /// Pending, confirmed, left.
    counts: [u64; 3],
    slug: String,
}

#[derive(Template)]
#[template(path = "newsletter/form.html")]
struct FormPage {
    ctx: Ctx,
    form: IssueForm,
    errors: FieldErrors,
}

/// The new issue's fields, as typed (kept whole when refused).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct IssueForm {
    pub subject: String,
    pub body_markdown: String,
    pub language: String,
}

impl FormPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
}

#[derive(Template)]
#[template(path = "newsletter/issue.html")]
struct IssuePage {
    ctx: Ctx,
    issue: IssueOut,
    /// The languages it has no text in yet.
    missing: Vec<Lang>,
    form: TranslationForm,
    errors: FieldErrors,
    /// How many addresses receive it if sent now.
    receivers: u64,
    slug: String,
}

impl IssuePage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn lang_name(&self, code: &str) -> String {
        Lang::parse(code)
            .map(|l| l.native_name().to_string())
            .unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "newsletter/subscribers.html")]
struct SubscribersPage {
    ctx: Ctx,
    subscribers: Vec<SubscriberOut>,
}

/// The translation form's fields, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TranslationForm {
    pub language: String,
    pub subject: String,
    pub body_markdown: String,
}

fn writer(ctx: &Ctx) -> AppResult<std::sync::Arc<crate::auth::CurrentUser>> {
    let user = require_user(ctx)?;
    require(policy::write(&user.doer()))?;
    Ok(user)
}

/// `GET /newsletter`: the issues, drafts first, and how many subscribers.
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = writer(&ctx)?;
    let conn = &state.db.read;
    let issues = data::issues(conn, user.network.id, true).await?;
    let counts = data::counts(conn, user.network.id).await?;
    render(&ListPage {
        slug: user.network.slug.clone(),
        ctx,
        issues,
        counts,
    })
}

fn form_page(ctx: Ctx, form: IssueForm, errors: FieldErrors) -> AppResult<Response> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(status, &FormPage { ctx, form, errors })
}

/// `GET /newsletter/new`.
pub async fn new_form(ctx: Ctx) -> AppResult<Response> {
    let user = writer(&ctx)?;
    let form = IssueForm {
        language: user.network.default_language.code().to_string(),
        ..IssueForm::default()
    };
    form_page(ctx, form, FieldErrors::default())
}

/// `POST /newsletter/new`: a draft, shown for preview.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<IssueForm>,
) -> AppResult<Response> {
    let user = writer(&ctx)?;
    let txn = state.db.write.begin().await?;
    let lang = user.network.default_language.0;
    let input = IssueInput {
        subject: form.subject.clone(),
        body_markdown: form.body_markdown.clone(),
        language: form.language.clone(),
    };
    match data::create(&txn, Actor::person(user.person_id), user.network.id, lang, &input).await {
        Ok(id) => {
            txn.commit().await?;
            Ok(see_other(&format!("/newsletter/issues/{id}")))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            form_page(ctx, form, errors)
        }
        Err(e) => Err(e),
    }
}

async fn issue_page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    form: TranslationForm,
    errors: FieldErrors,
) -> AppResult<Response> {
    let user = writer(&ctx)?;
    let conn = &state.db.read;
    let issue = data::read(conn, user.network.id, id, true).await?;
    let missing = Lang::ALL
        .into_iter()
        .filter(|l| issue.original.language != l.code() && !issue.translations.iter().any(|t| t.language == l.code()))
        .collect();
    let receivers = data::confirmed_count(conn, user.network.id).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &IssuePage {
            slug: user.network.slug.clone(),
            ctx,
            issue,
            missing,
            form,
            errors,
            receivers,
        },
    )
}

/// `GET /newsletter/issues/{id}`: the preview, in every language it has.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let id = parse_id(&id)?;
    issue_page(&state, ctx, id, TranslationForm::default(), FieldErrors::default()).await
}

/// `POST /newsletter/issues/{id}/translation`: a text in another language.
pub async fn translate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<TranslationForm>,
) -> AppResult<Response> {
    let user = writer(&ctx)?;
    let id = parse_id(&id)?;
    let input = TranslationInput {
        subject: form.subject.clone(),
        body_markdown: form.body_markdown.clone(),
    };
    let txn = state.db.write.begin().await?;
    match data::translate(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        id,
        &form.language,
        &input,
    )
    .await
    {
        Ok(()) => {
            txn.commit().await?;
            Ok(see_other(&format!("/newsletter/issues/{id}")))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            issue_page(&state, ctx, id, form, errors).await
        }
        Err(e) => Err(e),
    }
}

/// `POST /newsletter/issues/{id}/send`: sent to the confirmed subscribers.
pub async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::Empty>,
) -> AppResult<Response> {
    let user = writer(&ctx)?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    data::send(&txn, Actor::person(user.person_id), user.network.id, id).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/newsletter/issues/{id}")))
}

/// `GET /newsletter/subscribers`: every address, its language and where it stands.
pub async fn subscribers(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = writer(&ctx)?;
    let subscribers = data::subscribers(&state.db.read, user.network.id).await?;
    render(&SubscribersPage { ctx, subscribers })
}
