//! The lists of the network, and the form for a new one (administrators).

use crate::access::require;
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::lists::data::{self, ListInput, ListOut, Posting};
use crate::lists::policy;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render_status, require_user, see_other};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::TransactionTrait;
use serde::Deserialize;

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
