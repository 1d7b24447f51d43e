//! The moderation queue: the held messages of a list, approved or rejected by its
//! moderators.

use crate::access::require;
use crate::api::parse_id;
use crate::audit::Actor;
use crate::error::AppResult;
use crate::lists::data::{self, ListOut};
use crate::lists::messages::{self, MessageOut};
use crate::lists::policy;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use sea_orm::TransactionTrait;

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
