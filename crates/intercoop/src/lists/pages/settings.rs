//! Each person's delivery choice for each list of the network (`/settings/lists`).

use crate::error::{AppError, AppResult};
use crate::lists::data::{self, Delivery, ListOut};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, Query, render, require_user, see_other};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use sea_orm::TransactionTrait;
use serde::Deserialize;
use std::collections::BTreeMap;

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
