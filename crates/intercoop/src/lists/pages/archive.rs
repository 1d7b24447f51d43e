//! A list's archive: its threads by month, its search, and the form to post (for the
//! network's people; a public list's archive is open to anyone).

use super::{readable, reader};
use crate::api::parse_id;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::lists::api::MessageInput;
use crate::lists::data::{self, ListOut, Posting};
use crate::lists::entities::list;
use crate::lists::messages::{self, MessageOut, ThreadOut};
use crate::lists::{policy, post};
use crate::state::AppState;
use crate::web::files::UploadForm;
use crate::web::{Ctx, Query, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Multipart, Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::{EntityTrait, TransactionTrait};
use serde::Deserialize;

/// A month of the archive (`2026-11`), as the range of its instants in the network's
/// time zone.
fn month_range(month: &str, time_zone: &str) -> Option<(time::OffsetDateTime, time::OffsetDateTime)> {
    let (y, m) = month.split_once('-')?;
    let (y, m): (i16, i8) = (y.parse().ok()?, m.parse().ok()?);
    let tz = jiff::tz::TimeZone::get(time_zone).ok()?;
    let start = jiff::civil::Date::new(y, m, 1).ok()?;
    let next = start.checked_add(jiff::Span::new().months(1)).ok()?;
    let at = |d: jiff::civil::Date| {
        d.to_zoned(tz.clone())
            .ok()
            .map(|z| crate::clock::from_timestamp(z.timestamp()))
    };
    Some((at(start)?, at(next)?))
}

/// The last twelve months in the network's time zone, newest first (`2026-11`).
fn last_months(time_zone: &str) -> Vec<String> {
    let now = crate::clock::to_timestamp(crate::clock::now()).unwrap_or_else(jiff::Timestamp::now);
    let tz = jiff::tz::TimeZone::get(time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let mut day = now.to_zoned(tz).date().first_of_month();
    let mut out = Vec::new();
    for _ in 0..12 {
        out.push(format!("{:04}-{:02}", day.year(), day.month()));
        day = match day.checked_sub(jiff::Span::new().months(1)) {
            Ok(d) => d,
            Err(_) => break,
        };
    }
    out
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ArchiveQuery {
    pub q: String,
    pub month: String,
    pub page: u64,
}

#[derive(Template)]
#[template(path = "lists/archive.html")]
struct ArchivePage {
    ctx: Ctx,
    list: ListOut,
    threads: Vec<ThreadOut>,
    found: Vec<MessageOut>,
    q: String,
    month: String,
    months: Vec<String>,
    page: u64,
    more: bool,
    /// `/lists`, or `/public/lists` for a visitor of a public list.
    base: &'static str,
    can_post: bool,
    held_first: bool,
    can_moderate: bool,
    /// Changes the list's settings (`policy::manage`).
    can_manage: bool,
    form: PostForm,
    errors: FieldErrors,
}

impl ArchivePage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    /// The email limit of one attachment, in MB.
    fn max_mib(&self) -> usize {
        messages::MAX_ATTACHMENT / (1024 * 1024)
    }
    fn max_files(&self) -> usize {
        crate::lists::MAX_WEB_FILES
    }
}

/// A message typed on a page.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PostForm {
    pub subject: String,
    pub body_markdown: String,
    pub in_reply_to: String,
}

const PER_PAGE: u64 = 30;

async fn archive_page(
    state: &AppState,
    ctx: Ctx,
    l: list::Model,
    public: bool,
    q: ArchiveQuery,
    form: PostForm,
    errors: FieldErrors,
) -> AppResult<Response> {
    let conn = &state.db.read;
    let (delivery, poster, member) = reader(state, &ctx, &l).await?;
    let time_zone = crate::entities::network::Entity::find_by_id(l.network_id)
        .one(conn)
        .await?
        .map(|n| n.time_zone)
        .unwrap_or_else(|| "UTC".into());
    let range = month_range(&q.month, &time_zone);
    let page = q.page.max(1);
    let (threads, found) = if q.q.trim().is_empty() {
        let mut t = messages::threads(conn, &l, range, (page - 1) * PER_PAGE, PER_PAGE + 1).await?;
        let more = t.len() as u64 > PER_PAGE;
        t.truncate(PER_PAGE as usize);
        ((t, more), Vec::new())
    } else {
        ((Vec::new(), false), messages::search(conn, &l, &q.q, 50).await?)
    };
    let posting = Posting::parse(&l.posting).unwrap_or(Posting::Moderated);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &ArchivePage {
            base: if public { "/public/lists" } else { "/lists" },
            can_post: !public && member && (policy::may_post(posting, poster) || policy::may_submit(posting)),
            held_first: !policy::may_post(posting, poster) || (l.moderate_first_posts && !poster.admin),
            can_moderate: !public && member && poster.admin,
            can_manage: !public && member && poster.admin,
            list: ListOut::of(&l, &state.config.lists_domain, delivery),
            threads: threads.0,
            more: threads.1,
            found,
            q: q.q,
            month: if range.is_some() { q.month } else { String::new() },
            months: last_months(&time_zone),
            page,
            form,
            errors,
            ctx,
        },
    )
}

/// `GET /lists/{id}`: the archive by thread (newest first), by month (`?month=`), or
/// the messages a search finds (`?q=`); the form to post.
pub async fn archive(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<ArchiveQuery>,
) -> AppResult<Response> {
    let l = readable(&state, &ctx, &id, false).await?;
    archive_page(&state, ctx, l, false, q, PostForm::default(), FieldErrors::default()).await
}

/// `GET /public/lists/{id}`: a public list's archive, for anyone (404 for a list that
/// is not public).
pub async fn public_archive(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<ArchiveQuery>,
) -> AppResult<Response> {
    let l = readable(&state, &ctx, &id, true).await?;
    archive_page(&state, ctx, l, true, q, PostForm::default(), FieldErrors::default()).await
}

/// `POST /lists/{id}/messages` (`multipart/form-data`: `subject`, `body_markdown`,
/// `in_reply_to`, files in `attachment`, the CSRF field): posts (or submits for
/// moderation) a message, then shows it in its thread; the form again with the
/// refusals beside their fields (a browser cannot keep the chosen files: the message
/// says to choose them again). A body over the route's limit is refused the same way.
pub async fn post_message(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    req: Request,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    // Another network's list is absent (404) before the body is read.
    let l = data::get(&state.db.read, user.network.id, parse_id(&id)?).await?;
    let headers = req.headers().clone();
    let too_large = headers
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<usize>().ok())
        .is_some_and(|n| n > crate::lists::POST_BODY_MAX);
    if too_large {
        crate::web::check_origin(&headers, &state)?;
        let mut errors = FieldErrors::default();
        errors.add("attachment", "lists-attachments-too-large");
        return archive_page(
            &state,
            ctx,
            l,
            false,
            ArchiveQuery::default(),
            PostForm::default(),
            errors,
        )
        .await;
    }
    let multipart = <Multipart as axum::extract::FromRequest<AppState>>::from_request(req, &state)
        .await
        .map_err(|e| AppError::BadRequest(e.body_text()))?;
    let mut upload = UploadForm::read_page(&state, &headers, multipart).await?;
    let files = upload.take_all("attachment");
    let form = PostForm {
        subject: upload.fields.remove("subject").unwrap_or_default(),
        body_markdown: upload.fields.remove("body_markdown").unwrap_or_default(),
        in_reply_to: upload.fields.remove("in_reply_to").unwrap_or_default(),
    };
    let input = MessageInput {
        subject: form.subject.clone(),
        body_markdown: form.body_markdown.clone(),
        in_reply_to: form.in_reply_to.trim().parse().ok(),
    };
    let txn = state.db.write.begin().await?;
    match post(&txn, &state, &user, &l, &input, files).await {
        Ok(m) => {
            txn.commit().await?;
            Ok(see_other(&format!("/lists/{}/messages/{m}", l.id)))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            archive_page(&state, ctx, l, false, ArchiveQuery::default(), form, errors).await
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_month_is_the_network_s() {
        let (from, to) = super::month_range("2026-12", "Europe/Brussels").unwrap();
        assert_eq!(from.to_string(), "2026-11-30 23:00:00.0 +00:00:00");
        assert_eq!(to.to_string(), "2026-12-31 23:00:00.0 +00:00:00");
        assert!(super::month_range("2026-13", "Europe/Brussels").is_none());
        assert!(super::month_range("nope", "Europe/Brussels").is_none());
    }
}
