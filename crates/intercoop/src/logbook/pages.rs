//! The logbook's pages: the network's articles (`/logbook`, every person of the
//! network), an article, writing and changing one (the facilitator and the core
//! circle), and the public pages of a network (`/n/{slug}/logbook`, its articles and
//! the Atom feed, no login). The rules are [`super::data`]'s.

use super::data::{self, ArticleInput, ArticleOut};
use super::policy;
use crate::access::require;
use crate::api::parse_id;
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::files::UploadForm;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Multipart, Path, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use sea_orm::TransactionTrait;
use serde::Deserialize;

/// Where a page's links lead: the network's logbook, or its public pages.
fn base(public: &Option<String>) -> String {
    match public {
        Some(slug) => format!("/n/{slug}/logbook"),
        None => "/logbook".to_string(),
    }
}

#[derive(Template)]
#[template(path = "logbook/list.html")]
struct ListPage {
    ctx: Ctx,
    articles: Vec<data::ArticleSummary>,
    can_write: bool,
    /// The network's slug (its feed; on its public pages, where links lead).
    slug: String,
    public: Option<String>,
    network: String,
}

impl ListPage {
    fn base(&self) -> String {
        base(&self.public)
    }
}

#[derive(Template)]
#[template(path = "logbook/show.html")]
struct ShowPage {
    ctx: Ctx,
    article: ArticleOut,
    can_write: bool,
    slug: String,
    public: Option<String>,
    /// How many confirmed subscribers an issue would reach now (the send button's
    /// consequence), for a writer.
    subscribers: u64,
}

impl ShowPage {
    fn base(&self) -> String {
        base(&self.public)
    }
}

#[derive(Template)]
#[template(path = "logbook/form.html")]
struct FormPage {
    ctx: Ctx,
    /// None: a new article.
    id: Option<i64>,
    form: ArticleForm,
    errors: FieldErrors,
}

/// The form's fields, as typed (kept whole when refused).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ArticleForm {
    pub title: String,
    pub body_markdown: String,
    pub visibility: String,
}

impl ArticleForm {
    fn input(&self) -> ArticleInput {
        ArticleInput {
            title: self.title.clone(),
            body_markdown: self.body_markdown.clone(),
            visibility: self.visibility.clone(),
        }
    }
}

impl FormPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    /// The largest image, in MB.
    fn max_image_mib(&self) -> usize {
        super::images::MAX_IMAGE / (1024 * 1024)
    }
}

/// `GET /logbook`: every article of the network, newest first.
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let doer = user.doer();
    let articles = data::summaries(&state.db.read, user.network.id, policy::reads_members(&doer)).await?;
    render(&ListPage {
        can_write: policy::write(&doer),
        slug: user.network.slug.clone(),
        network: user.network.name.clone(),
        public: None,
        articles,
        ctx,
    })
}

/// `GET /logbook/{id}`.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let doer = user.doer();
    let conn = &state.db.read;
    let article = data::read(conn, user.network.id, parse_id(&id)?, policy::reads_members(&doer)).await?;
    let can_write = policy::write(&doer);
    let subscribers = if can_write {
        crate::newsletter::data::confirmed_count(conn, user.network.id).await?
    } else {
        0
    };
    render(&ShowPage {
        ctx,
        article,
        can_write,
        slug: user.network.slug.clone(),
        public: None,
        subscribers,
    })
}

fn form_page(ctx: Ctx, id: Option<i64>, form: ArticleForm, errors: FieldErrors) -> AppResult<Response> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(status, &FormPage { ctx, id, form, errors })
}

/// `GET /logbook/new`.
pub async fn new_form(ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::write(&user.doer()))?;
    let form = ArticleForm {
        visibility: "public".into(),
        ..ArticleForm::default()
    };
    form_page(ctx, None, form, FieldErrors::default())
}

/// `POST /logbook/new`: written, or the form again with what was typed.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<ArticleForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::write(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    match data::create(&txn, Actor::person(user.person_id), user.network.id, &form.input()).await {
        Ok(id) => {
            txn.commit().await?;
            Ok(see_other(&format!("/logbook/{id}")))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            form_page(ctx, None, form, errors)
        }
        Err(e) => Err(e),
    }
}

/// `GET /logbook/{id}/edit`.
pub async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::write(&user.doer()))?;
    let id = parse_id(&id)?;
    let a = data::read(&state.db.read, user.network.id, id, true).await?;
    let form = ArticleForm {
        title: a.summary.title,
        body_markdown: a.body_markdown,
        visibility: a.summary.visibility,
    };
    form_page(ctx, Some(id), form, FieldErrors::default())
}

/// `POST /logbook/{id}/edit`.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ArticleForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::write(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    match data::update(&txn, Actor::person(user.person_id), user.network.id, id, &form.input()).await {
        Ok(()) => {
            txn.commit().await?;
            Ok(see_other(&format!("/logbook/{id}")))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            form_page(ctx, Some(id), form, errors)
        }
        Err(e) => Err(e),
    }
}

/// `POST /logbook/{id}/images` (`multipart/form-data`: `image`, `alt`, the CSRF field):
/// the image stored and put at the end of the article's Markdown, then back to the
/// article's form; refused (not an image, too large, none) beside the field, with
/// nothing stored.
pub async fn add_image(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    req: Request,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::write(&user.doer()))?;
    let id = parse_id(&id)?;
    // Another network's article is absent (404) before the body is read.
    let a = data::read(&state.db.read, user.network.id, id, true).await?;
    let headers = req.headers().clone();
    let multipart = <Multipart as axum::extract::FromRequest<AppState>>::from_request(req, &state)
        .await
        .map_err(|e| AppError::BadRequest(e.body_text()))?;
    let upload = UploadForm::read_page(&state, &headers, multipart).await?;
    let image = match super::images::NewImage::from_form(upload) {
        Ok(image) => image,
        Err(AppError::Invalid(errors)) => {
            let form = ArticleForm {
                title: a.summary.title,
                body_markdown: a.body_markdown,
                visibility: a.summary.visibility,
            };
            return form_page(ctx, Some(id), form, errors);
        }
        Err(e) => return Err(e),
    };
    let txn = state.db.write.begin().await?;
    let actor = Actor::person(user.person_id);
    super::images::attach(&txn, actor, user.network.id, id, image).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/logbook/{id}/edit")))
}

/// `POST /logbook/{id}/send`: the article becomes a newsletter issue, sent at once to
/// the confirmed subscribers (asked once on the article's page, which says how many).
pub async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::write(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let issue = super::send_as_issue(&txn, Actor::person(user.person_id), user.network.id, id).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/newsletter/issues/{issue}")))
}

use crate::web::Empty;

/// `GET /n/{slug}/logbook`: a network's public articles, for anyone.
pub async fn public_list(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let n = crate::joining::open_network(&state, &slug).await?;
    let articles = data::summaries(&state.db.read, n.id, false).await?;
    render(&ListPage {
        ctx,
        articles,
        can_write: false,
        slug: n.slug.clone(),
        public: Some(n.slug),
        network: n.name,
    })
}

/// `GET /n/{slug}/logbook/{id}`: a public article, for anyone (404 for a members' one).
pub async fn public_show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let n = crate::joining::open_network(&state, &slug).await?;
    let article = data::read(&state.db.read, n.id, parse_id(&id)?, false).await?;
    render(&ShowPage {
        ctx,
        article,
        can_write: false,
        slug: n.slug.clone(),
        public: Some(n.slug),
        subscribers: 0,
    })
}

/// `GET /n/{slug}/logbook.atom`: the Atom feed of a network's public articles, in the
/// network's language.
pub async fn feed(State(state): State<AppState>, Path(slug): Path<String>) -> AppResult<Response> {
    let n = crate::joining::open_network(&state, &slug).await?;
    let articles = data::articles(&state.db.read, n.id, false).await?;
    let xml = super::feed::atom(&state.config.base_url, &n, n.default_language.0, &articles);
    Ok((
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        xml,
    )
        .into_response())
}
