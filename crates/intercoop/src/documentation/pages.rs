//! The documentation space's pages: the tree with a search (`/docs`), a page with where
//! it sits and its children, writing and changing a page (the core circle and
//! administrators), its history and the difference between two revisions, the welcome
//! booklet (printable, and as a PDF), and the public pages of a network
//! (`/n/{slug}/docs`, no login). The rules are [`super::data`]'s.

use super::data::{self, DiffOut, Hit, PageInput, PageOut, PageSummary, RevisionOut};
use super::policy;
use crate::access::require;
use crate::api::parse_id;
use crate::audit::Actor;
use crate::entities::network;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, Query, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use intercoop_domain::documentation::{Change, Reader};
use sea_orm::TransactionTrait;
use serde::Deserialize;

/// Where a page's links lead: the network's space, or its public pages.
fn base(public: &Option<String>) -> String {
    match public {
        Some(slug) => format!("/n/{slug}/docs"),
        None => "/docs".to_string(),
    }
}

#[derive(Template)]
#[template(path = "documentation/list.html")]
struct ListPage {
    ctx: Ctx,
    pages: Vec<PageSummary>,
    q: String,
    hits: Option<Vec<Hit>>,
    can_write: bool,
    in_booklet: usize,
    /// The network's slug on its public pages.
    public: Option<String>,
    title: String,
}

impl ListPage {
    fn base(&self) -> String {
        base(&self.public)
    }
    fn indent(&self, p: &PageSummary) -> String {
        format!("depth-{}", p.depth.min(6))
    }
}

#[derive(Template)]
#[template(path = "documentation/show.html")]
struct ShowPage {
    ctx: Ctx,
    page: PageOut,
    children: Vec<PageSummary>,
    can_write: bool,
    public: Option<String>,
}

impl ShowPage {
    fn base(&self) -> String {
        base(&self.public)
    }
    fn link_markdown(&self) -> String {
        format!("[{}](/docs/{})", self.page.summary.title, self.page.summary.id)
    }
}

#[derive(Template)]
#[template(path = "documentation/form.html")]
struct FormPage {
    ctx: Ctx,
    /// None: a new page.
    id: Option<i64>,
    form: PageForm,
    parents: Vec<PageSummary>,
    errors: FieldErrors,
    conflict: bool,
}

impl FormPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn indent(&self, p: &PageSummary) -> String {
        "— ".repeat(p.depth)
    }
}

#[derive(Template)]
#[template(path = "documentation/history.html")]
struct HistoryPage {
    ctx: Ctx,
    page: PageOut,
    revisions: Vec<RevisionOut>,
}

#[derive(Template)]
#[template(path = "documentation/diff.html")]
struct DiffPage {
    ctx: Ctx,
    page: PageOut,
    diff: DiffOut,
}

impl DiffPage {
    fn class(&self, c: &Change) -> &'static str {
        match c {
            Change::Same => "same",
            Change::Added => "added",
            Change::Removed => "removed",
        }
    }
    fn mark(&self, c: &Change) -> &'static str {
        match c {
            Change::Same => " ",
            Change::Added => "+",
            Change::Removed => "−",
        }
    }
    fn num(&self, n: &Option<usize>) -> String {
        n.map(|n| n.to_string()).unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "documentation/booklet.html")]
struct BookletPage {
    ctx: Ctx,
    chapters: Vec<(i64, String, String)>,
    can_write: bool,
}

/// The form's fields, as typed (kept whole when refused).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PageForm {
    pub title: String,
    pub body_markdown: String,
    pub visibility: String,
    pub parent_id: String,
    pub position: String,
    pub booklet_position: String,
    pub base_revision: String,
}

impl PageForm {
    fn of(p: &PageOut) -> PageForm {
        let s = &p.summary;
        PageForm {
            title: s.title.clone(),
            body_markdown: p.body_markdown.clone(),
            visibility: s.visibility.clone(),
            parent_id: s.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            position: s.position.to_string(),
            booklet_position: s.booklet_position.map(|b| b.to_string()).unwrap_or_default(),
            base_revision: s.revision.to_string(),
        }
    }

    /// The input, or the fields whose number does not read.
    fn input(&self) -> Result<PageInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut number = |field: &str, raw: &str| -> Option<i64> {
            let raw = raw.trim();
            if raw.is_empty() {
                return None;
            }
            raw.parse::<i64>().map_err(|_| errors.add(field, "whole-number")).ok()
        };
        let input = PageInput {
            title: self.title.clone(),
            body_markdown: self.body_markdown.clone(),
            visibility: self.visibility.clone(),
            parent_id: number("parent_id", &self.parent_id),
            position: number("position", &self.position),
            booklet_position: number("booklet_position", &self.booklet_position),
            base_revision: number("base_revision", &self.base_revision),
        };
        if errors.is_empty() { Ok(input) } else { Err(errors) }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
}

/// `GET /docs`: the tree, and the pages found when searching.
pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(query): Query<ListQuery>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let doer = user.doer();
    let reader = policy::reader(&doer);
    let title = ctx.t("docs-title");
    list_page(
        &state,
        ctx,
        user.network.id,
        reader,
        query.q,
        policy::write(&doer),
        None,
        title,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn list_page(
    state: &AppState,
    ctx: Ctx,
    network_id: i64,
    reader: Reader,
    q: String,
    can_write: bool,
    public: Option<String>,
    title: String,
) -> AppResult<Response> {
    let conn = &state.db.read;
    // Searching shows the pages found alone: the tree (5 000 pages) is not read.
    let (pages, hits) = if q.trim().is_empty() {
        (data::pages(conn, network_id).await?.readable(reader), None)
    } else {
        (
            Vec::new(),
            Some(super::search::search(conn, network_id, reader, &q).await?),
        )
    };
    let in_booklet = pages.iter().filter(|p| p.booklet_position.is_some()).count();
    render(&ListPage {
        ctx,
        pages,
        q,
        hits,
        can_write,
        in_booklet,
        public,
        title,
    })
}

/// `GET /docs/{id}`.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let doer = user.doer();
    show_page(
        &state,
        ctx,
        user.network.id,
        parse_id(&id)?,
        policy::reader(&doer),
        policy::write(&doer),
        None,
    )
    .await
}

async fn show_page(
    state: &AppState,
    ctx: Ctx,
    network_id: i64,
    id: i64,
    reader: Reader,
    can_write: bool,
    public: Option<String>,
) -> AppResult<Response> {
    let conn = &state.db.read;
    // The page, its ancestors and its children: one read for the page and its children.
    let around = data::pages_around(conn, network_id, id).await?;
    let page = data::read_in(conn, &around, id, reader).await?;
    let children = around
        .readable(reader)
        .into_iter()
        .filter(|p| p.parent_id == Some(id))
        .collect();
    render(&ShowPage {
        ctx,
        page,
        children,
        can_write,
        public,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewQuery {
    pub parent: Option<i64>,
}

async fn form_page(
    state: &AppState,
    ctx: Ctx,
    id: Option<i64>,
    form: PageForm,
    errors: FieldErrors,
    conflict: bool,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::write(&user.doer()))?;
    let parents = data::pages(&state.db.read, user.network.id)
        .await?
        .readable(Reader::Core)
        .into_iter()
        .filter(|p| Some(p.id) != id)
        .collect();
    let status = if conflict {
        StatusCode::CONFLICT
    } else if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &FormPage {
            ctx,
            id,
            form,
            parents,
            errors,
            conflict,
        },
    )
}

/// `GET /docs/new` (`?parent=3`: under that page).
pub async fn new_form(State(state): State<AppState>, ctx: Ctx, Query(q): Query<NewQuery>) -> AppResult<Response> {
    let form = PageForm {
        visibility: "members".into(),
        parent_id: q.parent.map(|p| p.to_string()).unwrap_or_default(),
        ..PageForm::default()
    };
    form_page(&state, ctx, None, form, FieldErrors::default(), false).await
}

/// `POST /docs/new`.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<PageForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::write(&user.doer()))?;
    let input = match form.input() {
        Ok(i) => i,
        Err(errors) => return form_page(&state, ctx, None, form, errors, false).await,
    };
    let txn = state.db.write.begin().await?;
    match data::create(&txn, Actor::person(user.person_id), user.network.id, &input).await {
        Ok(id) => {
            txn.commit().await?;
            Ok(see_other(&format!("/docs/{id}")))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            form_page(&state, ctx, None, form, errors, false).await
        }
        Err(e) => Err(e),
    }
}

/// `GET /docs/{id}/edit`.
pub async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::write(&user.doer()))?;
    let id = parse_id(&id)?;
    let page = data::read(&state.db.read, user.network.id, id, Reader::Core).await?;
    form_page(
        &state,
        ctx,
        Some(id),
        PageForm::of(&page),
        FieldErrors::default(),
        false,
    )
    .await
}

/// `POST /docs/{id}/edit`: saved, or the form again with the text as typed (a 409 when
/// someone saved the page meanwhile: the writer's text is kept, with a link to theirs).
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<PageForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::write(&user.doer()))?;
    let id = parse_id(&id)?;
    let input = match form.input() {
        Ok(i) => i,
        Err(errors) => return form_page(&state, ctx, Some(id), form, errors, false).await,
    };
    let txn = state.db.write.begin().await?;
    match data::update(&txn, Actor::person(user.person_id), user.network.id, id, &input).await {
        Ok(()) => {
            txn.commit().await?;
            Ok(see_other(&format!("/docs/{id}")))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            form_page(&state, ctx, Some(id), form, errors, false).await
        }
        Err(AppError::Conflict("doc-changed")) => {
            drop(txn);
            // The writer's text stays in the form; the base becomes the current
            // revision, so saving again (after comparing) is a deliberate choice.
            let current = data::read(&state.db.read, user.network.id, id, Reader::Core).await?;
            let form = PageForm {
                base_revision: current.summary.revision.to_string(),
                ..form
            };
            form_page(&state, ctx, Some(id), form, FieldErrors::default(), true).await
        }
        Err(e) => Err(e),
    }
}

/// `GET /docs/{id}/history`: the revisions, two to compare.
pub async fn history(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let reader = policy::reader(&user.doer());
    let id = parse_id(&id)?;
    let conn = &state.db.read;
    let page = data::read(conn, user.network.id, id, reader).await?;
    let revisions = data::revisions(conn, user.network.id, id, reader).await?;
    render(&HistoryPage { ctx, page, revisions })
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DiffQuery {
    /// A revision's number (the older, usually).
    pub from: i64,
    /// Another revision's number.
    pub to: i64,
}

/// `GET /docs/{id}/diff?from=1&to=3`.
pub async fn diff(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<DiffQuery>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let reader = policy::reader(&user.doer());
    let id = parse_id(&id)?;
    let conn = &state.db.read;
    let page = data::read(conn, user.network.id, id, reader).await?;
    let diff = data::diff(conn, user.network.id, id, reader, q.from, q.to).await?;
    render(&DiffPage { ctx, page, diff })
}

/// `GET /docs/booklet`: every booklet page the reader may read, one after the other,
/// with a print stylesheet.
pub async fn booklet(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let doer = user.doer();
    let rows = data::booklet(&state.db.read, user.network.id, policy::reader(&doer)).await?;
    // A new member's representative read it: a step of their onboarding.
    crate::joining::onboarding::booklet_opened(&state, &user).await?;
    let chapters = rows
        .into_iter()
        .map(|p| (p.id, p.title, crate::proposals::pages::markdown(&p.body)))
        .collect();
    render(&BookletPage {
        ctx,
        chapters,
        can_write: policy::write(&doer),
    })
}

/// `GET /docs/booklet.pdf`: the same, as a PDF.
pub async fn booklet_pdf(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let rows = data::booklet(&state.db.read, user.network.id, policy::reader(&user.doer())).await?;
    crate::joining::onboarding::booklet_opened(&state, &user).await?;
    let booklet = super::pdf::Booklet {
        network: user.network.name.clone(),
        title: ctx.t("docs-booklet"),
        contents: ctx.t("docs-booklet-contents"),
        chapters: rows
            .into_iter()
            .map(|p| super::pdf::Chapter {
                title: p.title,
                markdown: p.body,
            })
            .collect(),
    };
    let bytes = tokio::task::spawn_blocking(move || super::pdf::render(&booklet))
        .await
        .map_err(|e| AppError::Internal(e.into()))??;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf"),
            (header::CONTENT_DISPOSITION, "inline; filename=\"welcome-booklet.pdf\""),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        bytes,
    )
        .into_response())
}

/// The network of a public page: 404 for a private one (its pages are for its people).
async fn public_network(state: &AppState, slug: &str) -> AppResult<network::Model> {
    crate::joining::open_network(state, slug).await
}

/// `GET /n/{slug}/docs`: a network's public pages, for anyone.
pub async fn public_list(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let n = public_network(&state, &slug).await?;
    list_page(
        &state,
        ctx,
        n.id,
        Reader::Visitor,
        String::new(),
        false,
        Some(n.slug),
        n.name,
    )
    .await
}

/// `GET /n/{slug}/docs/{id}`: a public page, for anyone (404 for any other page).
pub async fn public_show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let n = public_network(&state, &slug).await?;
    show_page(&state, ctx, n.id, parse_id(&id)?, Reader::Visitor, false, Some(n.slug)).await
}
