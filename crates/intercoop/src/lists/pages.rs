//! The lists' pages: the lists (and a new one, administrators), a list's archive by
//! thread and by month with its search and the form to post, a message in its thread
//! with the form to answer, attachments, the moderation queue, and each person's
//! delivery choices (`/settings/lists`). Phone-first, no script needed.

use super::api::MessageInput;
use super::data::{self, Delivery, ListInput, ListOut, Posting};
use super::entities::list;
use super::messages::{self, MessageOut, ThreadOut};
use super::{policy, post};
use crate::access::require;
use crate::api::parse_id;
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::files::UploadForm;
use crate::web::{CsrfForm, Ctx, Query, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Multipart, Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::{EntityTrait, TransactionTrait};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Template)]
#[template(path = "lists/index.html")]
struct IndexPage {
    ctx: Ctx,
    lists: Vec<ListOut>,
    can_manage: bool,
    form: ListForm,
    errors: FieldErrors,
}

impl IndexPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn postings(&self) -> Vec<(&'static str, String)> {
        Posting::ALL
            .iter()
            .map(|p| (p.as_str(), self.ctx.t(&format!("lists-posting-{}", p.as_str()))))
            .collect()
    }
}

/// The new list's form as typed (checkboxes: present when ticked).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ListForm {
    pub name: String,
    pub local_part: String,
    pub description: String,
    pub posting: String,
    pub reply_to: String,
    pub subscribed_by_default: Option<String>,
    pub moderate_first_posts: Option<String>,
    pub public: Option<String>,
}

async fn index_page(state: &AppState, ctx: Ctx, form: ListForm, errors: FieldErrors) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let conn = &state.db.read;
    let lists = data::all(conn, user.network.id).await?;
    let deliveries = data::deliveries(conn, user.network.id, user.person_id, &lists).await?;
    let lists = lists
        .iter()
        .zip(deliveries)
        .map(|(l, d)| ListOut::of(l, &state.config.lists_domain, d))
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &IndexPage {
            can_manage: policy::manage(&user.doer()),
            ctx,
            lists,
            form,
            errors,
        },
    )
}

/// `GET /lists`: the network's lists, their addresses and the person's delivery.
pub async fn index(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let form = ListForm {
        subscribed_by_default: Some("on".into()),
        ..ListForm::default()
    };
    index_page(&state, ctx, form, FieldErrors::default()).await
}

/// `POST /lists` (administrators): a new list, or the form again with the refusals.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<ListForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let input = ListInput {
        name: form.name.clone(),
        local_part: form.local_part.clone(),
        description: form.description.clone(),
        posting: form.posting.clone(),
        subscribed_by_default: Some(form.subscribed_by_default.is_some()),
        reply_to: form.reply_to.clone(),
        moderate_first_posts: form.moderate_first_posts.is_some(),
        moderate_non_members: Some(true),
        public: form.public.is_some(),
    };
    let txn = state.db.write.begin().await?;
    match data::create(&txn, Actor::person(user.person_id), user.network.id, &input).await {
        Ok(l) => {
            txn.commit().await?;
            Ok(see_other(&format!("/lists/{}", l.id)))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            index_page(&state, ctx, form, errors).await
        }
        Err(AppError::Conflict(code)) => {
            drop(txn);
            let mut errors = FieldErrors::default();
            errors.add("local_part", code);
            index_page(&state, ctx, form, errors).await
        }
        Err(e) => Err(e),
    }
}

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
        super::MAX_WEB_FILES
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

/// The list a reader asks for: a list of their network, or (`public`) a public list of
/// any network, read without logging in.
async fn readable(state: &AppState, ctx: &Ctx, id: &str, public: bool) -> AppResult<list::Model> {
    let id = parse_id(id)?;
    if public {
        return data::public(&state.db.read, id).await;
    }
    let user = require_user(ctx)?;
    data::get(&state.db.read, user.network.id, id).await
}

/// How the reader gets a list, and what they may do in it (nothing, for a visitor).
async fn reader(state: &AppState, ctx: &Ctx, l: &list::Model) -> AppResult<(Delivery, policy::Poster, bool)> {
    match &ctx.user {
        Some(user) if user.network.id == l.network_id => {
            let d = data::deliveries(&state.db.read, l.network_id, user.person_id, std::slice::from_ref(l)).await?[0];
            Ok((d, policy::Poster::of(&user.doer()), true))
        }
        _ => Ok((Delivery::None, policy::Poster::default(), false)),
    }
}

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
        .is_some_and(|n| n > super::POST_BODY_MAX);
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

#[derive(Template)]
#[template(path = "lists/message.html")]
struct MessagePage {
    ctx: Ctx,
    list: ListOut,
    message: MessageOut,
    thread: Vec<MessageOut>,
    base: &'static str,
    can_post: bool,
}

impl MessagePage {
    /// The email limit of one attachment, in MB.
    fn max_mib(&self) -> usize {
        messages::MAX_ATTACHMENT / (1024 * 1024)
    }
    fn max_files(&self) -> usize {
        super::MAX_WEB_FILES
    }
}

/// `GET /lists/{id}/messages/{message_id}`: the message in its thread, and the form to
/// answer. A held message is shown to its author and the moderators only.
pub async fn message(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, message_id)): Path<(String, String)>,
) -> AppResult<Response> {
    message_page(&state, ctx, &id, &message_id, false).await
}

/// `GET /public/lists/{id}/messages/{message_id}`: a message of a public list in its
/// thread, for anyone.
pub async fn public_message(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, message_id)): Path<(String, String)>,
) -> AppResult<Response> {
    message_page(&state, ctx, &id, &message_id, true).await
}

async fn message_page(state: &AppState, ctx: Ctx, id: &str, message_id: &str, public: bool) -> AppResult<Response> {
    let l = readable(state, &ctx, id, public).await?;
    let conn = &state.db.read;
    let message = messages::one(conn, l.network_id, l.id, parse_id(message_id)?).await?;
    let published = message.status == messages::Status::Published.as_str();
    let (delivery, poster, member) = reader(state, &ctx, &l).await?;
    // A held message: its author and the moderators see it; a refused one, moderators.
    let author = ctx.user.as_ref().map(|u| u.person_id) == message.author_id && message.author_id.is_some();
    let visible = published
        || (!public && member && poster.admin)
        || (!public && author && message.status == messages::Status::Held.as_str());
    if !visible {
        return Err(AppError::NotFound);
    }
    let thread = if published {
        messages::thread(conn, &l, message.thread_id).await?
    } else {
        Vec::new()
    };
    let posting = Posting::parse(&l.posting).unwrap_or(Posting::Moderated);
    render(&MessagePage {
        base: if public { "/public/lists" } else { "/lists" },
        can_post: !public && member && published && (policy::may_post(posting, poster) || policy::may_submit(posting)),
        list: ListOut::of(&l, &state.config.lists_domain, delivery),
        message,
        thread,
        ctx,
    })
}

/// `GET /lists/{id}/files/{file_id}`: an attachment of a published message, as a
/// download (never shown inline: an HTML file would run as the site).
pub async fn file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let l = data::get(&state.db.read, user.network.id, parse_id(&id)?).await?;
    let a = messages::file(&state.db.read, &l, parse_id(&file_id)?).await?;
    Ok(crate::web::files::download(&a.filename, &a.content_type, a.data))
}

#[derive(Template)]
#[template(path = "lists/held.html")]
struct HeldPage {
    ctx: Ctx,
    list: ListOut,
    held: Vec<MessageOut>,
}

/// `GET /lists/{id}/held` (moderators): the messages waiting, why, and the buttons.
pub async fn held(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::moderate(&user.doer()))?;
    let conn = &state.db.read;
    let l = data::get(conn, user.network.id, parse_id(&id)?).await?;
    let held = messages::held(conn, &l).await?;
    render(&HeldPage {
        list: ListOut::of(&l, &state.config.lists_domain, data::default_delivery(&l)),
        held,
        ctx,
    })
}

use crate::web::Empty;

/// `POST /lists/{id}/held/{message_id}/approve` (moderators): published and sent.
pub async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, message_id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    decide(&state, &ctx, &id, &message_id, true).await
}

/// `POST /lists/{id}/held/{message_id}/reject` (moderators): kept out, sent to nobody.
pub async fn reject(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, message_id)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<Response> {
    decide(&state, &ctx, &id, &message_id, false).await
}

async fn decide(state: &AppState, ctx: &Ctx, id: &str, message_id: &str, approve: bool) -> AppResult<Response> {
    let user = require_user(ctx)?;
    require(policy::moderate(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let l = data::get(&txn, user.network.id, parse_id(id)?).await?;
    let (actor, m) = (Actor::person(user.person_id), parse_id(message_id)?);
    if approve {
        messages::approve(&txn, actor, user.network.id, l.id, m).await?;
    } else {
        messages::reject(&txn, actor, user.network.id, l.id, m).await?;
    }
    txn.commit().await?;
    Ok(see_other(&format!("/lists/{}/held", l.id)))
}

#[derive(Template)]
#[template(path = "lists/settings.html")]
struct SettingsPage {
    ctx: Ctx,
    lists: Vec<ListOut>,
    saved: bool,
}

impl SettingsPage {
    fn deliveries(&self) -> Vec<(&'static str, String)> {
        Delivery::ALL
            .iter()
            .map(|d| (d.as_str(), self.ctx.t(&format!("lists-delivery-{}", d.as_str()))))
            .collect()
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SavedQuery {
    pub saved: Option<String>,
}

/// `GET /settings/lists`: each list of the network and how the person gets it.
pub async fn settings(State(state): State<AppState>, ctx: Ctx, Query(q): Query<SavedQuery>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let conn = &state.db.read;
    let lists = data::all(conn, user.network.id).await?;
    let deliveries = data::deliveries(conn, user.network.id, user.person_id, &lists).await?;
    render(&SettingsPage {
        lists: lists
            .iter()
            .zip(deliveries)
            .map(|(l, d)| ListOut::of(l, &state.config.lists_domain, d))
            .collect(),
        saved: q.saved.is_some(),
        ctx,
    })
}

/// `POST /settings/lists`: `delivery_<list id>` = each, digest, web or none, per list.
pub async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<BTreeMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let txn = state.db.write.begin().await?;
    let lists = data::all(&txn, user.network.id).await?;
    for l in &lists {
        let Some(raw) = form.get(&format!("delivery_{}", l.id)) else {
            continue;
        };
        let delivery = Delivery::parse(raw).ok_or_else(|| AppError::BadRequest(format!("delivery {raw}")))?;
        data::set_delivery(&txn, l, user.person_id, delivery).await?;
    }
    txn.commit().await?;
    Ok(see_other("/settings/lists?saved=1"))
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
