//! The pages of a meeting's documents (`/meetings/{id}/documents`): attach a file or a
//! page of the documentation space, download a file, remove a document after saying
//! what goes. The same [`documents::add`] and [`documents::remove`] as the API.

use super::data::{self, MeetingFull};
use super::documents::{self, DocumentInput, DocumentOut, MAX_DOCUMENT_BYTES};
use super::policy;
use crate::access::require;
use crate::api::parse_id;
use crate::audit::Actor;
use crate::documentation::data::PageSummary;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::files::UploadForm;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Multipart, Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::TransactionTrait;

#[derive(Template)]
#[template(path = "assemblies/documents.html")]
struct DocumentsPage {
    ctx: Ctx,
    m: MeetingFull,
    documents: Vec<DocumentOut>,
    /// Always true here (the list's remove links).
    can_manage: bool,
    /// The pages that may be linked (every page the administrator reads), in tree order.
    pages: Vec<PageSummary>,
    /// What was typed, kept when the form is refused.
    title: String,
    doc_page_id: String,
    errors: FieldErrors,
}

impl DocumentsPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn page_chosen(&self, id: &i64) -> bool {
        self.doc_page_id == id.to_string()
    }
    fn indent(&self, depth: &usize) -> String {
        "· ".repeat(*depth)
    }
    fn max_mib(&self) -> i64 {
        (MAX_DOCUMENT_BYTES / (1024 * 1024)) as i64
    }
}

/// A size for people: bytes, kB or MB (decimal, one figure after the point).
pub fn size_label(bytes: Option<i64>) -> String {
    match bytes.unwrap_or(0) {
        b if b < 1000 => format!("{b} B"),
        b if b < 1_000_000 => format!("{:.1} kB", b as f64 / 1000.0),
        b => format!("{:.1} MB", b as f64 / 1_000_000.0),
    }
}

async fn page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    title: String,
    doc_page_id: String,
    errors: FieldErrors,
    status: StatusCode,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let conn = &state.db.read;
    let m = data::get(conn, user.network.id, id).await?;
    let reader = crate::documentation::policy::reader(&user.doer());
    let documents = documents::list(conn, user.network.id, id, reader).await?;
    let pages = crate::documentation::data::pages(conn, user.network.id)
        .await?
        .readable(reader);
    render_status(
        status,
        &DocumentsPage {
            ctx,
            m,
            documents,
            can_manage: true,
            pages,
            title,
            doc_page_id,
            errors,
        },
    )
}

/// `GET /meetings/{id}/documents`: the documents, and the forms to attach more.
pub async fn form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let id = parse_id(&id)?;
    page(
        &state,
        ctx,
        id,
        String::new(),
        String::new(),
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// `POST /meetings/{id}/documents` (`multipart/form-data`: `file` or `doc_page_id`,
/// `title`, the CSRF field): attaches, then back to the list. A refused form comes back
/// with the message beside the field and what was typed (a browser cannot keep the
/// chosen file: the message says to choose it again).
pub async fn add(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, req: Request) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    // Another network's meeting is absent (404) before the body is read.
    data::get(&state.db.read, user.network.id, id).await?;
    // The body is read only once the doer may send it.
    let headers = req.headers().clone();
    let form = <Multipart as axum::extract::FromRequest<AppState>>::from_request(req, &state)
        .await
        .map_err(|e| AppError::BadRequest(e.body_text()))?;
    let input = DocumentInput::from_form(UploadForm::read_page(&state, &headers, form).await?);
    let (title, doc_page_id) = (input.title.clone(), input.doc_page_id.clone());
    let txn = state.db.write.begin().await?;
    match documents::add(&txn, Actor::person(user.person_id), user.network.id, id, input).await {
        Ok(_) => {
            txn.commit().await?;
            Ok(see_other(&format!("/meetings/{id}/documents")))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            page(
                &state,
                ctx,
                id,
                title,
                doc_page_id,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e),
    }
}

/// `GET /meetings/{id}/documents/{document_id}`: a file as a download; a linked page
/// sends the reader to it (where its own visibility applies).
pub async fn file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, document_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let d = documents::get(&state.db.read, user.network.id, parse_id(&id)?, parse_id(&document_id)?).await?;
    match d.doc_page_id {
        Some(p) => Ok(see_other(&format!("/docs/{p}"))),
        None => documents::download(d),
    }
}

#[derive(Template)]
#[template(path = "assemblies/document_remove.html")]
struct RemovePage {
    ctx: Ctx,
    m: MeetingFull,
    d: DocumentOut,
}

impl RemovePage {
    fn size(&self) -> String {
        size_label(self.d.size_bytes)
    }
}

/// `GET /meetings/{id}/documents/{document_id}/remove`: what goes, asked once.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, document_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let conn = &state.db.read;
    let m = data::get(conn, user.network.id, parse_id(&id)?).await?;
    let document_id = parse_id(&document_id)?;
    let reader = crate::documentation::policy::reader(&user.doer());
    let d = documents::list(conn, user.network.id, m.meeting.id, reader)
        .await?
        .into_iter()
        .find(|d| d.id == document_id)
        .ok_or(AppError::NotFound)?;
    render(&RemovePage { ctx, m, d })
}

/// `POST /meetings/{id}/documents/{document_id}/remove`.
pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, document_id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<crate::web::Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let (id, document_id) = (parse_id(&id)?, parse_id(&document_id)?);
    let txn = state.db.write.begin().await?;
    documents::remove(&txn, Actor::person(user.person_id), user.network.id, id, document_id).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/meetings/{id}/documents")))
}
