//! Documents attached to a meeting (issue 15, item 1): the budget to approve, a quote,
//! last month's figures. A document is a file kept in the database (at most
//! [`MAX_DOCUMENT_BYTES`], the lists' attachment limit) or a page of the network's
//! documentation space, linked rather than copied so that it stays current.
//!
//! Every person of the network reads a meeting's files; a linked page is listed only
//! to those who may read it (`documentation::policy::reader`: a core circle page
//! attached to an assembly stays hidden from the members, title included).
//! Administrators attach and remove documents (`policy::manage`), each change an audit
//! entry. The page (`documents_page`) and the API below share [`add`] and [`remove`].

use super::data;
use super::entities::document;
use super::policy;
use crate::access::require;
use crate::api::{ApiUser, Json, parse_id};
use crate::audit::{self, Actor, Change};
use crate::auth::CurrentUser;
use crate::documentation::data::Pages;
use crate::error::{AppError, AppResult};
use crate::idempotency;
use crate::state::AppState;
use crate::web::files::{Upload, UploadForm};
use axum::extract::{Multipart, Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::documentation::Reader;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait,
};
use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

/// The largest file a meeting keeps, in bytes (10 MiB, as for list attachments).
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
/// The most documents one meeting holds.
pub const MAX_DOCUMENTS: u64 = 50;
/// The longest title, in characters.
const MAX_TITLE_CHARS: usize = 200;

/// A document of a meeting as pages and the API show it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DocumentOut {
    pub id: i64,
    pub meeting_id: i64,
    pub title: String,
    /// `file` (kept here) or `page` (of the documentation space).
    pub kind: String,
    /// A file's name, media type and size in bytes.
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    /// A linked page of the documentation space.
    pub doc_page_id: Option<i64>,
    /// Where to read it: the file's download, or the page.
    pub url: String,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub added_at: OffsetDateTime,
}

/// What is attached: a file, or a page by its id (as typed), with an optional title
/// (the file's name or the page's title when empty).
#[derive(Debug, Clone, Default)]
pub struct DocumentInput {
    pub title: String,
    pub file: Option<Upload>,
    pub doc_page_id: String,
}

impl DocumentInput {
    /// From a multipart form's fields `title`, `file` and `doc_page_id`.
    pub fn from_form(mut form: UploadForm) -> DocumentInput {
        DocumentInput {
            title: form.text("title"),
            doc_page_id: form.text("doc_page_id"),
            file: form.files.remove("file"),
        }
    }
}

fn out(d: &document::Model, page_title: Option<&str>) -> DocumentOut {
    let (kind, url) = match d.doc_page_id {
        Some(p) => ("page", format!("/docs/{p}")),
        None => ("file", format!("/meetings/{}/documents/{}", d.meeting_id, d.id)),
    };
    DocumentOut {
        id: d.id,
        meeting_id: d.meeting_id,
        title: match (d.title.is_empty(), page_title) {
            (true, Some(t)) => t.to_string(),
            _ => d.title.clone(),
        },
        kind: kind.into(),
        filename: d.filename.clone(),
        content_type: d.content_type.clone(),
        size_bytes: d.size,
        doc_page_id: d.doc_page_id,
        url,
        added_at: d.created_at,
    }
}

/// The columns read for a list (everything but the files' bytes).
fn listed() -> sea_orm::Select<document::Entity> {
    use document::Column as D;
    document::Entity::find()
        .select_only()
        .columns([
            D::Id,
            D::NetworkId,
            D::MeetingId,
            D::Title,
            D::DocPageId,
            D::Filename,
            D::ContentType,
            D::Size,
            D::AddedBy,
            D::CreatedAt,
        ])
        .column_as(sea_orm::sea_query::Expr::cust("NULL"), "data")
}

/// The documents of meeting `meeting_id` that `reader` may see, in the order they were
/// attached: files always, pages when the reader may read them (their current title
/// shown when the document has none of its own). Two queries at most.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    meeting_id: i64,
    reader: Reader,
) -> AppResult<Vec<DocumentOut>> {
    let rows = listed()
        .filter(document::Column::NetworkId.eq(network_id))
        .filter(document::Column::MeetingId.eq(meeting_id))
        .order_by_asc(document::Column::Id)
        .into_model::<document::Model>()
        .all(conn)
        .await?;
    let pages: Option<Pages> = if rows.iter().any(|d| d.doc_page_id.is_some()) {
        Some(crate::documentation::data::pages(conn, network_id).await?)
    } else {
        None
    };
    Ok(rows
        .iter()
        .filter_map(|d| match (d.doc_page_id, &pages) {
            (None, _) => Some(out(d, None)),
            (Some(p), Some(all)) if all.tree.readable(p, reader) => {
                let title = all.rows.iter().find(|r| r.id == p).map(|r| r.title.as_str());
                Some(out(d, title))
            }
            _ => None,
        })
        .collect())
}

/// Attaches a document to a meeting of the network, with an audit entry.
///
/// Errors (nothing stored): `NotFound` for another network's meeting; `Invalid` on
/// `file` when neither a file nor a page is given, for an empty file or one over
/// [`MAX_DOCUMENT_BYTES`], or when the meeting already holds [`MAX_DOCUMENTS`]; on
/// `doc_page_id` for both at once or a page that is not the network's; on `title`
/// over 200 characters.
pub async fn add<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    meeting_id: i64,
    input: DocumentInput,
) -> AppResult<DocumentOut> {
    let m = data::get(conn, network_id, meeting_id).await?;
    let title = input.title.trim().to_string();
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(AppError::invalid("title", "meeting-document-title-long"));
    }
    let page = match input.doc_page_id.trim() {
        "" => None,
        raw => Some(
            raw.parse::<i64>()
                .map_err(|_| AppError::invalid("doc_page_id", "meeting-document-page-unknown"))?,
        ),
    };
    let page_title = match page {
        None => None,
        Some(p) => {
            let found = crate::documentation::entities::page::Entity::find_by_id(p)
                .filter(crate::documentation::entities::page::Column::NetworkId.eq(network_id))
                .one(conn)
                .await?
                .ok_or_else(|| AppError::invalid("doc_page_id", "meeting-document-page-unknown"))?;
            Some(found.title)
        }
    };
    let file = match (input.file, page) {
        (Some(_), Some(_)) => return Err(AppError::invalid("doc_page_id", "meeting-document-one")),
        (None, None) => return Err(AppError::invalid("file", "meeting-document-required")),
        (Some(f), None) if f.data.is_empty() => return Err(AppError::invalid("file", "meeting-document-empty")),
        (Some(f), None) if f.data.len() > MAX_DOCUMENT_BYTES => {
            return Err(AppError::invalid("file", "meeting-document-too-large"));
        }
        (f, _) => f,
    };
    let held = document::Entity::find()
        .filter(document::Column::MeetingId.eq(m.meeting.id))
        .count(conn)
        .await?;
    if held >= MAX_DOCUMENTS {
        return Err(AppError::invalid("file", "meeting-document-too-many"));
    }
    let now = crate::clock::now();
    let (filename, content_type, size, bytes) = match file {
        Some(f) => {
            let name = f
                .filename
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            let name = if name.is_empty() { "document".to_string() } else { name };
            let size = f.data.len() as i64;
            (Some(name), Some(f.content_type), Some(size), Some(f.data))
        }
        None => (None, None, None, None),
    };
    // A file without a title is named by its file name; a page's title is read when
    // shown (it may change).
    let title = if title.is_empty() {
        filename.clone().unwrap_or_default()
    } else {
        title
    };
    let row = document::Entity::insert(document::ActiveModel {
        network_id: Set(network_id),
        meeting_id: Set(m.meeting.id),
        title: Set(title),
        doc_page_id: Set(page),
        filename: Set(filename),
        content_type: Set(content_type),
        size: Set(size),
        data: Set(bytes),
        added_by: Set(actor.person_id),
        created_at: Set(now),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await?;
    let shown = out(&row, page_title.as_deref());
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "meeting.document_add",
            entity: "meeting",
            entity_id: Some(m.meeting.id),
        },
        None::<&()>,
        Some(&shown),
    )
    .await?;
    Ok(shown)
}

/// A document of a meeting of the network, its bytes included (`NotFound` otherwise).
pub async fn get<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    meeting_id: i64,
    id: i64,
) -> AppResult<document::Model> {
    document::Entity::find_by_id(id)
        .filter(document::Column::NetworkId.eq(network_id))
        .filter(document::Column::MeetingId.eq(meeting_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// Removes a document from a meeting, with an audit entry naming what it was.
/// Errors: `NotFound` for another network's or another meeting's document.
pub async fn remove<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    meeting_id: i64,
    id: i64,
) -> AppResult<()> {
    let d = listed()
        .filter(document::Column::Id.eq(id))
        .filter(document::Column::NetworkId.eq(network_id))
        .filter(document::Column::MeetingId.eq(meeting_id))
        .into_model::<document::Model>()
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    document::Entity::delete_by_id(d.id).exec(conn).await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "meeting.document_remove",
            entity: "meeting",
            entity_id: Some(meeting_id),
        },
        Some(&out(&d, None)),
        None::<&()>,
    )
    .await?;
    Ok(())
}

/// A file of a meeting as a download (`NotFound` for a page, which is read at its own
/// address).
pub fn download(d: document::Model) -> AppResult<Response> {
    match (d.data, d.filename, d.content_type) {
        (Some(bytes), Some(name), Some(content_type)) => Ok(crate::web::files::download(&name, &content_type, bytes)),
        _ => Err(AppError::NotFound),
    }
}

fn reader(user: &CurrentUser) -> Reader {
    crate::documentation::policy::reader(&user.doer())
}

/// The meeting's documents the caller may see.
#[utoipa::path(get, path = "/api/v1/meetings/{id}/documents", tag = "meetings",
    responses((status = 200, body = Vec<DocumentOut>), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<DocumentOut>>> {
    let conn = &state.db.read;
    let m = data::get(conn, user.network.id, parse_id(&id)?).await?;
    Ok(Json(list(conn, user.network.id, m.meeting.id, reader(&user)).await?))
}

/// Attaches a document: `multipart/form-data` with a file field `file`, or a field
/// `doc_page_id` naming a page of the documentation space, and an optional `title`.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/documents", tag = "meetings",
    request_body(content = String, content_type = "multipart/form-data",
        description = "fields: `file` (a file, at most 10 MiB) or `doc_page_id` (a page of the documentation space); `title` (optional)"),
    responses((status = 201, body = DocumentOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_add(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    req: Request,
) -> AppResult<(StatusCode, Json<DocumentOut>)> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    // Another network's meeting is absent (404) before the body is read.
    data::get(&state.db.read, user.network.id, id).await?;
    // The body is read only once the caller may send it.
    let form = <Multipart as axum::extract::FromRequest<AppState>>::from_request(req, &state)
        .await
        .map_err(|e| AppError::BadRequest(e.body_text()))?;
    let input = DocumentInput::from_form(UploadForm::read(form).await?);
    let txn = state.db.write.begin().await?;
    let d = add(&txn, Actor::person(user.person_id), user.network.id, id, input).await?;
    idempotency::commit(txn, StatusCode::CREATED, d).await
}

/// A file of the meeting, as a download (`404` for a linked page: read it at
/// `/api/v1/docs/{doc_page_id}`).
#[utoipa::path(get, path = "/api/v1/meetings/{id}/documents/{document_id}", tag = "meetings",
    responses((status = 200, description = "the file's bytes, with the media type it was attached with", content_type = "application/octet-stream", body = Vec<u8>), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_file(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, document_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let conn = &state.db.read;
    let d = get(conn, user.network.id, parse_id(&id)?, parse_id(&document_id)?).await?;
    download(d)
}

/// Removes a document from the meeting.
#[utoipa::path(delete, path = "/api/v1/meetings/{id}/documents/{document_id}", tag = "meetings",
    responses((status = 204), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_remove(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, document_id)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    require(policy::manage(&user.doer()))?;
    let (id, document_id) = (parse_id(&id)?, parse_id(&document_id)?);
    let txn = state.db.write.begin().await?;
    remove(&txn, Actor::person(user.person_id), user.network.id, id, document_id).await?;
    txn.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
