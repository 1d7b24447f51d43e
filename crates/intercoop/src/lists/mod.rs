//! Mailing lists (issue 17, items 1–4 and 7): each network's lists (*mutual help* and
//! *logistics* by default, more made by an administrator), posting from the web, the
//! API or by email (`inbound`: the SMTP/LMTP listener `smtp` and `intercoop mail
//! receive`), delivery through the notification service with the list headers
//! (`delivery`), moderation, and the archive by thread and by month with full-text
//! search (`db::search`, the one backend-specific place).

pub mod api;
pub mod data;
pub mod delivery;
pub mod entities;
pub mod inbound;
pub mod messages;
pub mod pages;
pub mod policy;
pub mod seed;
pub mod settings;
pub mod smtp;

use crate::access::Access::{Person, Policy, Public};
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::dashboard::{DashboardItem, DashboardSection};
use crate::web::route_table::Routes;
use axum::extract::FromRef;
use entities::list;
use sea_orm::ConnectionTrait;

/// Pages and API; who may use them is [`policy`]'s.
pub fn routes<S>() -> Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    const MANAGE: crate::access::Access = Policy("lists::policy::manage");
    const MODERATE: crate::access::Access = Policy("lists::policy::moderate");
    Routes::new()
        .get("/lists", Person, pages::index)
        .post("/lists", MANAGE, pages::create)
        // The archive: threads (by month with `?month=2026-11`), search with `?q=`.
        .get("/lists/{id}", Person, pages::archive)
        // A message with its files (multipart, up to `POST_BODY_MAX`).
        .post_up_to("/lists/{id}/messages", Person, pages::post_message, POST_BODY_MAX)
        .get("/lists/{id}/messages/{message_id}", Person, pages::message)
        .get("/lists/{id}/files/{file_id}", Person, pages::file)
        // A public list's archive: anyone reads it (404 for the others).
        .get("/public/lists/{id}", Public, pages::public_archive)
        .get(
            "/public/lists/{id}/messages/{message_id}",
            Public,
            pages::public_message,
        )
        .get("/lists/{id}/settings", MANAGE, settings::form)
        .post("/lists/{id}/settings", MANAGE, settings::save)
        .get("/lists/{id}/held", MODERATE, pages::held)
        .post("/lists/{id}/held/{message_id}/approve", MODERATE, pages::approve)
        .post("/lists/{id}/held/{message_id}/reject", MODERATE, pages::reject)
        .get("/settings/lists", Person, pages::settings)
        .post("/settings/lists", Person, pages::save_settings)
        .get("/api/v1/lists", Person, api::list)
        .post("/api/v1/lists", MANAGE, api::create)
        .patch("/api/v1/lists/{id}", MANAGE, settings::api_change)
        .put("/api/v1/lists/{id}/subscription", Person, api::subscribe)
        .get("/api/v1/lists/{id}/messages", Person, api::messages)
        .post("/api/v1/lists/{id}/messages", Person, api::create_message)
        .get("/api/v1/lists/{id}/messages/{message_id}", Person, api::message)
        .get("/api/v1/lists/{id}/held", MODERATE, api::held)
        .post("/api/v1/lists/{id}/held/{message_id}/approve", MODERATE, api::approve)
        .post("/api/v1/lists/{id}/held/{message_id}/reject", MODERATE, api::reject)
}

/// The OpenAPI paths of the lists.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        api::list,
        api::create,
        settings::api_change,
        api::subscribe,
        api::messages,
        api::create_message,
        api::message,
        api::held,
        api::approve,
        api::reject
    ),
    components(schemas(
        api::ListsOut,
        api::MessagesOut,
        api::MessageThreadOut,
        api::DeliveryInput,
        api::MessageInput,
        data::ListOut,
        data::ListInput,
        settings::SettingsInput,
        messages::MessageOut,
        messages::AttachmentOut,
        messages::ThreadOut
    )),
    tags((name = "lists", description = "Mailing lists: lists, subscriptions, messages, moderation, archive search"))
)]
pub struct ApiDoc;

/// The largest body of the web form to post: the files of a message
/// ([`messages::MAX_MESSAGE`]) and 1 MiB for its text. A larger one (up to the
/// server's bound) gets the form again with the message beside the field.
pub const POST_BODY_MAX: usize = messages::MAX_MESSAGE + 1024 * 1024;

/// The most files a message posted from the web carries.
pub const MAX_WEB_FILES: usize = 5;

/// Posts a message from the web or the API for the person (see `api::create_message`),
/// with the files sent from the web page (none from the API): the new message's id.
/// Errors: `Invalid` on `subject`, `body_markdown`, `in_reply_to`, and on `attachment`
/// for an empty file, a file over [`messages::MAX_ATTACHMENT`] (the email limit), more
/// than [`MAX_WEB_FILES`] files or more than [`messages::MAX_MESSAGE`] in all; nothing is
/// stored then.
pub async fn post<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    user: &CurrentUser,
    l: &list::Model,
    input: &api::MessageInput,
    files: Vec<crate::web::files::Upload>,
) -> AppResult<i64> {
    let mut errors = FieldErrors::default();
    let subject = input.subject.split_whitespace().collect::<Vec<_>>().join(" ");
    if subject.is_empty() || subject.chars().count() > 200 {
        errors.add("subject", "required");
    }
    let body = input.body_markdown.trim();
    if body.is_empty() {
        errors.add("body_markdown", "required");
    }
    let replies_to = match input.in_reply_to {
        None => Vec::new(),
        Some(id) => match messages::message_id_of(conn, l, id).await? {
            Some(mid) => vec![mid],
            None => {
                errors.add("in_reply_to", "lists-no-such-message");
                Vec::new()
            }
        },
    };
    if files.len() > MAX_WEB_FILES {
        errors.add("attachment", "lists-attachment-too-many");
    } else if files.iter().any(|f| f.data.is_empty()) {
        errors.add("attachment", "lists-attachment-empty");
    } else if files.iter().any(|f| f.data.len() > messages::MAX_ATTACHMENT) {
        errors.add("attachment", "lists-attachment-too-large");
    } else if files.iter().map(|f| f.data.len()).sum::<usize>() > messages::MAX_MESSAGE {
        errors.add("attachment", "lists-attachments-too-large");
    }
    errors.into_result()?;
    let attachments = files
        .into_iter()
        .map(|f| {
            // The name without the sender's folders.
            let name = f
                .filename
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or_default()
                .trim()
                .to_string();
            messages::NewAttachment {
                filename: if name.is_empty() { "attachment".into() } else { name },
                content_type: f.content_type,
                data: f.data,
            }
        })
        .collect();
    let doer = user.doer();
    let hold = messages::hold_for(conn, l, user.person_id, policy::Poster::of(&doer)).await??;
    let person = crate::entities::person::Entity::find_by_id(user.person_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let new = messages::NewMessage {
        subject,
        body_text: body.to_string(),
        body_html: crate::proposals::pages::markdown(body),
        author_id: Some(user.person_id),
        from_address: person.email,
        from_name: person.name,
        message_id: messages::new_message_id(&state.config.lists_domain),
        replies_to,
        source: "web",
        attachments,
    };
    let m = messages::store(conn, l, new, hold)
        .await?
        .ok_or(AppError::Conflict("lists-duplicate"))?;
    Ok(m.id)
}

use sea_orm::EntityTrait;

/// A message of the dashboard's "New in your lists".
#[derive(Debug, sea_orm::FromQueryResult)]
struct Recent {
    id: i64,
    list_id: i64,
    subject: String,
    from_name: String,
    list_name: String,
}

/// On the dashboard: "New in your lists", the latest messages (at most 5, from the last
/// 14 days) of the lists the person gets, by email, digest or on the web. One query.
pub async fn dashboard_section(
    state: &AppState,
    user: &CurrentUser,
    lang: crate::i18n::Lang,
) -> AppResult<Vec<DashboardSection>> {
    use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Query};
    let since = crate::clock::now() - time::Duration::days(14);
    let mut q = Query::select();
    q.expr_as(Expr::col(("m", "id")), "id")
        .expr_as(Expr::col(("m", "list_id")), "list_id")
        .expr_as(Expr::col(("m", "subject")), "subject")
        .expr_as(Expr::col(("m", "from_name")), "from_name")
        .expr_as(Expr::col(("l", "name")), "list_name")
        .from_as("list_messages", "m")
        .join_as(
            JoinType::InnerJoin,
            "lists",
            "l",
            Expr::col(("l", "id")).equals(("m", "list_id")),
        )
        .join_as(
            JoinType::LeftJoin,
            "list_subscriptions",
            "s",
            Expr::col(("s", "list_id"))
                .equals(("l", "id"))
                .and(Expr::col(("s", "person_id")).eq(user.person_id)),
        )
        .and_where(Expr::col(("m", "network_id")).eq(user.network.id))
        .and_where(Expr::col(("m", "status")).eq(messages::Status::Published.as_str()))
        .and_where(Expr::col(("m", "created_at")).gte(since))
        .and_where(
            Expr::col(("s", "delivery"))
                .ne(data::Delivery::None.as_str())
                .or(Expr::col(("s", "delivery"))
                    .is_null()
                    .and(Expr::col(("l", "subscribed_by_default")).eq(true))),
        )
        .order_by(("m", "id"), sea_orm::Order::Desc)
        .limit(5);
    let rows: Vec<Recent> = crate::db::fetch_all(&state.db.read, &q).await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    Ok(vec![DashboardSection {
        title: lang.t("lists-dashboard-title"),
        items: rows
            .into_iter()
            .map(|m| DashboardItem {
                href: format!("/lists/{}/messages/{}", m.list_id, m.id),
                detail: format!("{} · {}", m.list_name, m.from_name),
                text: m.subject,
            })
            .collect(),
    }])
}
