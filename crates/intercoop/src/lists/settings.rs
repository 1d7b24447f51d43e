//! A list's settings after its creation (issue 17, item 1): who may post, who receives
//! it by default, where replies go, moderation, a public archive; its name and
//! description. Administrators change them from the list's settings page or with
//! `PATCH /api/v1/lists/{id}`; each change is an audit entry with the settings before
//! and after. The address (local part) never changes: mail clients and the archive's
//! links know it.

use super::data::{self, ListOut, Posting, ReplyTo};
use super::entities::list;
use super::policy;
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, parse_id};
use crate::audit::{Actor, Change};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::idempotency;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, TransactionTrait};
use serde::Deserialize;

/// A change of a list's settings: the fields given change, the others stay.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingsInput {
    /// 1 to 120 characters.
    pub name: Option<String>,
    pub description: Option<String>,
    /// members, representatives, core, facilitator or moderated.
    pub posting: Option<String>,
    /// Everyone of the network receives it unless they leave (applies to those who
    /// chose nothing).
    pub subscribed_by_default: Option<bool>,
    /// list or sender.
    pub reply_to: Option<String>,
    pub moderate_first_posts: Option<bool>,
    /// Messages from outside the network are held (otherwise refused).
    pub moderate_non_members: Option<bool>,
    /// The archive is readable without logging in.
    pub public: Option<bool>,
}

/// Changes a list's settings (see [`SettingsInput`]), with an audit entry.
///
/// Errors: `NotFound` (another network's list); 422 on the field (`name` empty or too
/// long, an unknown `posting` or `reply_to`).
pub async fn change<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    list_id: i64,
    input: &SettingsInput,
) -> AppResult<list::Model> {
    let before = data::get(conn, network_id, list_id).await?;
    let mut errors = FieldErrors::default();
    let name = input.name.as_deref().map(|n| errors.line("name", n, 120));
    let posting = input.posting.as_deref().map(|p| {
        let parsed = Posting::parse(p.trim());
        if parsed.is_none() {
            errors.add("posting", "invalid-choice");
        }
        parsed
    });
    let reply_to = input.reply_to.as_deref().map(|r| {
        let parsed = ReplyTo::parse(r.trim());
        if parsed.is_none() {
            errors.add("reply_to", "invalid-choice");
        }
        parsed
    });
    errors.into_result()?;
    let mut a: list::ActiveModel = before.clone().into();
    if let Some(Some(name)) = name {
        a.name = Set(name);
    }
    if let Some(d) = &input.description {
        a.description = Set(d.trim().to_string());
    }
    if let Some(Some(p)) = posting {
        a.posting = Set(p.as_str().to_string());
    }
    if let Some(Some(r)) = reply_to {
        a.reply_to = Set(r.as_str().to_string());
    }
    if let Some(b) = input.subscribed_by_default {
        a.subscribed_by_default = Set(b);
    }
    if let Some(b) = input.moderate_first_posts {
        a.moderate_first_posts = Set(b);
    }
    if let Some(b) = input.moderate_non_members {
        a.moderate_non_members = Set(b);
    }
    if let Some(b) = input.public {
        a.public = Set(b);
    }
    let after = a.update(conn).await?;
    crate::audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "lists.update",
            entity: "list",
            entity_id: Some(list_id),
        },
        Some(&before),
        Some(&after),
    )
    .await?;
    Ok(after)
}

/// Changes a list's settings (administrators): only the fields given. 422 with the
/// field named (`name`; `posting`: members, representatives, core, facilitator or
/// moderated; `reply_to`: list or sender).
#[utoipa::path(patch, path = "/api/v1/lists/{id}", tag = "lists", request_body = SettingsInput,
    responses((status = 200, body = ListOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_change(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SettingsInput>,
) -> AppResult<(StatusCode, Json<ListOut>)> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let l = change(&txn, Actor::person(user.person_id), user.network.id, id, &body).await?;
    let delivery = data::deliveries(&txn, user.network.id, user.person_id, std::slice::from_ref(&l))
        .await?
        .pop()
        .unwrap_or_else(|| data::default_delivery(&l));
    let out = ListOut::of(&l, &state.config.lists_domain, delivery);
    idempotency::commit(txn, StatusCode::OK, out).await
}

/// The settings form as typed (checkboxes: present when ticked).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub name: String,
    pub description: String,
    pub posting: String,
    pub reply_to: String,
    pub subscribed_by_default: Option<String>,
    pub moderate_first_posts: Option<String>,
    pub moderate_non_members: Option<String>,
    pub public: Option<String>,
}

impl SettingsForm {
    fn of(l: &list::Model) -> SettingsForm {
        let tick = |b: bool| b.then(|| "on".to_string());
        SettingsForm {
            name: l.name.clone(),
            description: l.description.clone(),
            posting: l.posting.clone(),
            reply_to: l.reply_to.clone(),
            subscribed_by_default: tick(l.subscribed_by_default),
            moderate_first_posts: tick(l.moderate_first_posts),
            moderate_non_members: tick(l.moderate_non_members),
            public: tick(l.public),
        }
    }

    /// Every setting, as the page sets them all at once.
    fn input(&self) -> SettingsInput {
        SettingsInput {
            name: Some(self.name.clone()),
            description: Some(self.description.clone()),
            posting: Some(self.posting.clone()),
            reply_to: Some(self.reply_to.clone()),
            subscribed_by_default: Some(self.subscribed_by_default.is_some()),
            moderate_first_posts: Some(self.moderate_first_posts.is_some()),
            moderate_non_members: Some(self.moderate_non_members.is_some()),
            public: Some(self.public.is_some()),
        }
    }
}

#[derive(Template)]
#[template(path = "lists/settings_form.html")]
struct SettingsPage {
    ctx: Ctx,
    id: i64,
    address: String,
    form: SettingsForm,
    errors: FieldErrors,
}

impl SettingsPage {
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

async fn settings_page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    form: Option<SettingsForm>,
    errors: FieldErrors,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let l = data::get(&state.db.read, user.network.id, id).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &SettingsPage {
            address: data::address(&l, &state.config.lists_domain),
            form: form.unwrap_or_else(|| SettingsForm::of(&l)),
            ctx,
            id,
            errors,
        },
    )
}

/// `GET /lists/{id}/settings`.
pub async fn form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let id = parse_id(&id)?;
    settings_page(&state, ctx, id, None, FieldErrors::default()).await
}

/// `POST /lists/{id}/settings`: saved, or the form again as typed with each fault
/// beside its field.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    match change(&txn, Actor::person(user.person_id), user.network.id, id, &form.input()).await {
        Ok(_) => {
            txn.commit().await?;
            Ok(see_other(&format!("/lists/{id}")))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            settings_page(&state, ctx, id, Some(form), errors).await
        }
        Err(e) => Err(e),
    }
}
