//! `GET /admin/audit`: the network's audit log for its administrators, newest first.

use super::log::{self, AuditRow};
use crate::api::Page;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::Query;
use crate::web::{Ctx, render, require_user};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "audit/list.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<AuditRow>,
    page: u64,
    pages: u64,
    /// The list's filters as a query string (none here), for the pagination links.
    query: String,
    total: i64,
}

impl ListPage {
    /// What happened, in the reader's language (the code itself for an action that has
    /// no message yet, so that nothing recorded is hidden).
    fn action(&self, r: &AuditRow) -> String {
        let key = format!("audit-action-{}", r.action.replace(['.', '_'], "-"));
        if self.ctx.lang.has(&key) {
            self.ctx.t(&key)
        } else {
            r.action.clone()
        }
    }

    /// A changed field by its form label when it has one (`bank_account` → "Bank
    /// account (IBAN)"), else its name.
    fn field(&self, name: &str) -> String {
        let key = format!("field-{}", name.replace('_', "-"));
        if self.ctx.lang.has(&key) {
            self.ctx.t(&key)
        } else {
            name.to_string()
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ListParams {
    pub page: Option<u64>,
}

/// The page (administrators: [`super::policy::read`]).
pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(params): Query<ListParams>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    crate::access::require(super::policy::read(&user.doer()))?;
    let page = Page {
        page: params.page.unwrap_or(1),
        per_page: 50,
    };
    let (rows, total) = log::list(&state.db, user.network.id, &page).await?;
    render(&ListPage {
        ctx,
        rows,
        page: page.number(),
        pages: page.count(total),
        query: String::new(),
        total,
    })
}
