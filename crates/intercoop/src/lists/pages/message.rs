//! A message in its thread with the form to answer, and a published message's
//! attachments.

use super::{readable, reader};
use crate::api::parse_id;
use crate::error::{AppError, AppResult};
use crate::lists::data::{self, ListOut, Posting};
use crate::lists::messages::{self, MessageOut};
use crate::lists::policy;
use crate::state::AppState;
use crate::web::{Ctx, render, require_user};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

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
        crate::lists::MAX_WEB_FILES
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
