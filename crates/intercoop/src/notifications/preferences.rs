//! Each person's choice, per network and kind, of how they get emails (at once, in the
//! daily digest, never), the settings page and API where they choose, and the one-click
//! unsubscribe link of every email (RFC 8058: a POST with `List-Unsubscribe=One-Click`,
//! without logging in; a GET only shows what the button would do, since mail scanners
//! follow links).

use super::{Kind, Mode};
use crate::api::{ApiJson, ApiUser, Json};
use crate::auth::tokens::hash_token;
use crate::db::types::Text;
use crate::entities::{network, notification_setting, unsubscribe_token};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, require_user};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// The modes some people of a network chose for a kind (those who chose nothing get it
/// at once), and the people whose stored choice is unreadable (held back: never given a
/// default, see `readable`).
pub async fn modes_of<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    people: &[i64],
    kind: Kind,
) -> AppResult<(BTreeMap<i64, Mode>, super::readable::HeldBack)> {
    if people.is_empty() {
        return Ok(Default::default());
    }
    let (rows, held) = super::readable::each(people, |ids| async move {
        notification_setting::Entity::find()
            .filter(notification_setting::Column::NetworkId.eq(network_id))
            .filter(notification_setting::Column::Kind.eq(kind.as_str()))
            .filter(notification_setting::Column::PersonId.is_in(ids))
            .all(conn)
            .await
    })
    .await?;
    Ok((rows.into_iter().map(|s| (s.person_id, s.mode.0)).collect(), held))
}

/// Every choosable kind with the person's mode in a network.
pub async fn settings_of<C: ConnectionTrait>(
    conn: &C,
    person_id: i64,
    network_id: i64,
) -> AppResult<Vec<(Kind, Mode)>> {
    let chosen: BTreeMap<Kind, Mode> = notification_setting::Entity::find()
        .filter(notification_setting::Column::NetworkId.eq(network_id))
        .filter(notification_setting::Column::PersonId.eq(person_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.kind.0, s.mode.0))
        .collect();
    Ok(Kind::choosable()
        .map(|k| (k, chosen.get(&k).copied().unwrap_or(Mode::Immediate)))
        .collect())
}

/// Records a person's mode for a kind of a network (a mode the kind does not offer, or
/// a kind nobody chooses, is a 422).
pub async fn set_mode<C: ConnectionTrait>(
    conn: &C,
    person_id: i64,
    network_id: i64,
    kind: Kind,
    mode: Mode,
) -> AppResult<()> {
    if !Kind::choosable().any(|k| k == kind) {
        return Err(AppError::invalid("kind", "invalid-choice"));
    }
    if !kind.modes().contains(&mode) {
        return Err(AppError::invalid(kind.as_str(), "invalid-choice"));
    }
    notification_setting::Entity::insert(notification_setting::ActiveModel {
        person_id: Set(person_id),
        network_id: Set(network_id),
        kind: Set(Text(kind)),
        mode: Set(Text(mode)),
        updated_at: Set(crate::clock::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            notification_setting::Column::PersonId,
            notification_setting::Column::NetworkId,
            notification_setting::Column::Kind,
        ])
        .update_columns([
            notification_setting::Column::Mode,
            notification_setting::Column::UpdatedAt,
        ])
        .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

// ---------------------------------------------------------------- the settings page

#[derive(Template)]
#[template(path = "notifications/settings.html")]
struct SettingsPage {
    ctx: Ctx,
    /// The network the choices are for (the person may belong to several).
    network: crate::auth::NetworkInfo,
    settings: Vec<(Kind, Mode)>,
    saved: bool,
}

impl SettingsPage {
    fn modes(&self, kind: &Kind) -> &'static [Mode] {
        kind.modes()
    }

    /// The words for a mode of a kind (the share digest is daily already: "at once" is
    /// "yes, once a day" there).
    fn mode_label(&self, kind: &Kind, mode: &Mode) -> String {
        match (kind, mode) {
            (Kind::ShareDigest, Mode::Immediate) => self.ctx.t("notifications-mode-daily"),
            _ => self.ctx.t(&format!("notifications-mode-{}", mode.as_str())),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NetworkParam {
    /// The network's slug; the session's network when absent.
    network: Option<String>,
}

/// The network named (one of the person's), else the session's; another is a 403.
fn chosen_network(user: &crate::auth::CurrentUser, slug: Option<&str>) -> AppResult<crate::auth::NetworkInfo> {
    match slug.filter(|s| !s.is_empty()) {
        None => Ok(user.network.clone()),
        Some(slug) if slug == user.network.slug => Ok(user.network.clone()),
        Some(slug) => user
            .networks
            .iter()
            .find(|n| n.slug == slug)
            .cloned()
            .ok_or(AppError::Forbidden),
    }
}

/// `GET /settings/notifications[?network=SLUG]`: which emails the person gets from that
/// network (the emails' links name it).
pub async fn settings_form(
    State(state): State<AppState>,
    ctx: Ctx,
    crate::web::Query(q): crate::web::Query<NetworkParam>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let network = chosen_network(&user, q.network.as_deref())?;
    let settings = settings_of(&state.db.read, user.person_id, network.id).await?;
    render(&SettingsPage {
        ctx,
        network,
        settings,
        saved: false,
    })
}

/// `POST /settings/notifications`: one field per kind, its mode, and the network they
/// are for (the form's, not the session's: another tab may have switched).
pub async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<BTreeMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let network = chosen_network(&user, form.get("network").map(String::as_str))?;
    let txn = state.db.write.begin().await?;
    for (field, value) in &form {
        let Some(kind) = Kind::parse(field) else {
            continue;
        };
        let mode = Mode::parse(value).ok_or_else(|| AppError::invalid(field, "invalid-choice"))?;
        set_mode(&txn, user.person_id, network.id, kind, mode).await?;
    }
    txn.commit().await?;
    let settings = settings_of(&state.db.read, user.person_id, network.id).await?;
    render(&SettingsPage {
        ctx,
        network,
        settings,
        saved: true,
    })
}

// ---------------------------------------------------------------- the API

/// How the caller gets one kind of email from the token's network.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SettingOut {
    /// proposal_posted, campaign_opened, campaign_funded, campaign_lapsed, payment_request,
    /// catch_up_credit, share_digest, poll_opened, poll_reminder, poll_result
    pub kind: String,
    /// immediate, digest (in the daily digest) or never
    pub mode: String,
    /// The modes this kind offers.
    pub modes: Vec<String>,
}

/// The caller's choices, kind by kind (security emails are always sent).
#[utoipa::path(get, path = "/api/v1/me/notifications", tag = "people",
    responses((status = 200, body = Vec<SettingOut>), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_settings(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<Vec<SettingOut>>> {
    let list = settings_of(&state.db.read, user.person_id, user.network.id).await?;
    Ok(Json(list.into_iter().map(out).collect()))
}

fn out((kind, mode): (Kind, Mode)) -> SettingOut {
    SettingOut {
        kind: kind.to_string(),
        mode: mode.to_string(),
        modes: kind.modes().iter().map(|m| m.to_string()).collect(),
    }
}

/// Changes some of the caller's choices: `{"poll_reminder": "never", "proposal_posted": "digest"}`.
#[utoipa::path(put, path = "/api/v1/me/notifications", tag = "people",
    request_body(content = Object, description = "kind → immediate, digest or never"),
    responses((status = 200, body = Vec<SettingOut>), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_save_settings(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<BTreeMap<String, String>>,
) -> AppResult<Json<Vec<SettingOut>>> {
    let txn = state.db.write.begin().await?;
    for (field, value) in &body {
        let kind = Kind::parse(field).ok_or_else(|| AppError::invalid(field, "invalid-choice"))?;
        let mode = Mode::parse(value).ok_or_else(|| AppError::invalid(field, "invalid-choice"))?;
        set_mode(&txn, user.person_id, user.network.id, kind, mode).await?;
    }
    txn.commit().await?;
    let list = settings_of(&state.db.read, user.person_id, user.network.id).await?;
    Ok(Json(list.into_iter().map(out).collect()))
}

// ---------------------------------------------------------------- one-click unsubscribe

#[derive(Template)]
#[template(path = "notifications/unsubscribe.html")]
struct UnsubscribePage {
    ctx: Ctx,
    kind: Kind,
    network: String,
    network_slug: String,
    /// Whose emails (masked: a forwarded email must not give the address away).
    address: String,
    /// For the digest's link: the kinds it gathers, which it turns off.
    kinds: Vec<String>,
    token: String,
    done: bool,
}

impl UnsubscribePage {
    /// A sentence naming the kind of email and the network.
    fn sentence(&self, id: &str) -> String {
        let lang = self.ctx.lang;
        let kind = lang.t(&format!("notifications-kind-{}", self.kind.as_str()));
        lang.t_args(
            id,
            &[
                ("kind", crate::i18n::Arg::Str(kind)),
                ("network", crate::i18n::Arg::Str(self.network.clone())),
                ("address", crate::i18n::Arg::Str(self.address.clone())),
            ],
        )
    }
}

/// `m•••@laruche.example`: enough for the person to recognise their address.
pub(crate) fn masked(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "•••".into(),
    }
}

/// The token's row, if it is one and still works (an expired link is unknown, whether
/// or not the daily job has deleted it yet).
async fn token_row<C: ConnectionTrait>(conn: &C, token: &str) -> AppResult<unsubscribe_token::Model> {
    let oldest = crate::clock::now() - time::Duration::days(super::digest::UNSUBSCRIBE_DAYS);
    unsubscribe_token::Entity::find_by_id(hash_token(token))
        .filter(unsubscribe_token::Column::CreatedAt.gte(oldest))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// `GET /unsubscribe/{token}`: what the button does (nothing changes on a GET).
pub async fn unsubscribe_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let row = token_row(&state.db.read, &token).await?;
    unsubscribe_page(&state, ctx, &row, token, false).await
}

/// The page of an unsubscribe link, for the link's person and network (their language,
/// the network's name), whoever opens it.
async fn unsubscribe_page(
    state: &AppState,
    mut ctx: Ctx,
    row: &unsubscribe_token::Model,
    token: String,
    done: bool,
) -> AppResult<Response> {
    let conn = &state.db.read;
    let network = network::Entity::find_by_id(row.network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let person = crate::entities::person::Entity::find_by_id(row.person_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    ctx.lang = super::language_of(&person, &network);
    let kinds = if row.kind.0 == Kind::Digest && !done {
        settings_of(conn, row.person_id, row.network_id)
            .await?
            .into_iter()
            .filter(|(_, m)| *m == Mode::Digest)
            .map(|(k, _)| ctx.lang.t(&format!("notifications-kind-{}", k.as_str())))
            .collect()
    } else {
        Vec::new()
    };
    render(&UnsubscribePage {
        ctx,
        kind: row.kind.0,
        network_slug: network.slug,
        network: network.name,
        address: masked(&person.email),
        kinds,
        token,
        done,
    })
}

/// The body a mail client's one-click button posts: `List-Unsubscribe=One-Click`, as
/// `multipart/form-data` (what RFC 8058 asks of mailbox providers) or urlencoded (what a
/// browser form sends). Anything else is refused without change.
pub struct OneClick(pub bool);

impl<S: Send + Sync> axum::extract::FromRequest<S> for OneClick {
    type Rejection = AppError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, AppError> {
        let multipart = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("multipart/form-data"));
        if multipart {
            let mut form = axum::extract::Multipart::from_request(req, state)
                .await
                .map_err(|_| AppError::BadRequest("unreadable multipart body".into()))?;
            while let Some(field) = form
                .next_field()
                .await
                .map_err(|_| AppError::BadRequest("unreadable multipart body".into()))?
            {
                if field.name() == Some("List-Unsubscribe") {
                    let value = field.text().await.unwrap_or_default();
                    return Ok(OneClick(value.trim() == "One-Click"));
                }
            }
            return Ok(OneClick(false));
        }
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| AppError::BadRequest("unreadable body".into()))?;
        Ok(OneClick(
            form_urlencoded::parse(&bytes).any(|(k, v)| k == "List-Unsubscribe" && v.trim() == "One-Click"),
        ))
    }
}

/// `POST /unsubscribe/{token}` with `List-Unsubscribe=One-Click` (RFC 8058; mail
/// providers post it without cookies or CSRF token, so none is asked): that kind of
/// email of that network is turned off for the person — from the digest email, every
/// kind gathered in the digest.
pub async fn unsubscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    OneClick(one_click): OneClick,
) -> AppResult<Response> {
    if !one_click {
        return Err(AppError::BadRequest("expected List-Unsubscribe=One-Click".into()));
    }
    let txn = state.db.write.begin().await?;
    let row = token_row(&txn, &token).await?;
    let kinds: Vec<Kind> = if let Some(list_id) = row.list_id {
        // A list's link leaves that list (its other emails are not touched).
        if let Ok(l) = crate::lists::data::get(&txn, row.network_id, list_id).await {
            crate::lists::data::set_delivery(&txn, &l, row.person_id, crate::lists::data::Delivery::None).await?;
        }
        Vec::new()
    } else if row.kind.0 == Kind::Digest {
        settings_of(&txn, row.person_id, row.network_id)
            .await?
            .into_iter()
            .filter(|(_, m)| *m == Mode::Digest)
            .map(|(k, _)| k)
            .collect()
    } else {
        vec![row.kind.0]
    };
    for kind in kinds {
        set_mode(&txn, row.person_id, row.network_id, kind, Mode::Never).await?;
    }
    unsubscribe_token::Entity::update_many()
        .col_expr(unsubscribe_token::Column::UsedAt, Expr::val(Some(crate::clock::now())))
        .filter(unsubscribe_token::Column::TokenHash.eq(row.token_hash.clone()))
        .exec(&txn)
        .await?;
    crate::audit::record(
        &txn,
        crate::audit::Change {
            network_id: Some(row.network_id),
            actor: crate::audit::Actor::person(row.person_id),
            action: "notifications.unsubscribe",
            entity: "person",
            entity_id: Some(row.person_id),
        },
        None::<&()>,
        Some(&serde_json::json!({"kind": row.kind.0.as_str(), "list_id": row.list_id})),
    )
    .await?;
    txn.commit().await?;
    unsubscribe_page(&state, ctx, &row, token, true).await
}
