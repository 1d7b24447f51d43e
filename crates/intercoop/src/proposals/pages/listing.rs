//! The list of proposals: filtered by status, software and "mine", sorted, a page at a
//! time.

use super::AsCents;
use crate::access::Doer;
use crate::error::AppResult;
use crate::proposals::views::{self, ListFilter, ProposalRow};
use crate::state::AppState;
use crate::web::Query;
use crate::web::{Ctx, render, require_user};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use intercoop_domain::lifecycle::ProposalStatus;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "proposals/list.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<ProposalRow>,
    filter: ListFilter,
    priority: Option<(i64, String, time::OffsetDateTime)>,
    page: u64,
    pages: u64,
    total: i64,
    /// The filters as a query string, for the pagination links.
    query: String,
}

/// `status=…&software=…&mine=1&sort=…` for links that keep the filters.
fn list_query_string(f: &ListFilter) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    if let Some(s) = &f.status {
        q.append_pair("status", s);
    }
    if let Some(s) = &f.software {
        q.append_pair("software", s);
    }
    if f.mine == Some(true) {
        q.append_pair("mine", "1");
    }
    if let Some(s) = &f.sort {
        q.append_pair("sort", s);
    }
    q.finish()
}

impl ListPage {
    fn statuses(&self) -> &'static [ProposalStatus] {
        &ProposalStatus::ALL
    }
    fn selected_status(&self, s: &ProposalStatus) -> bool {
        self.filter.status.as_deref() == Some(s.as_str())
    }
    fn sort(&self) -> &str {
        self.filter.sort.as_deref().unwrap_or("newest")
    }
    fn mine(&self) -> bool {
        self.filter.mine == Some(true)
    }
    fn sort_is(&self, s: &str) -> bool {
        self.sort() == s
    }

    /// Money in the page's language (accepts a value or a reference).
    fn m(&self, cents: impl AsCents) -> String {
        self.ctx.money(cents.cents())
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListParams {
    status: Option<String>,
    software: Option<String>,
    mine: Option<String>,
    sort: Option<String>,
    page: Option<u64>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(params): Query<ListParams>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let filter = ListFilter {
        status: params.status.filter(|s| !s.is_empty()),
        software: params.software.filter(|s| !s.is_empty()),
        mine: params.mine.map(|m| !m.is_empty()),
        sort: params.sort.filter(|s| !s.is_empty()),
    };
    let page = crate::api::Page {
        page: params.page.unwrap_or(1),
        per_page: 50,
    };
    let (rows, total) = views::list(&state.db, user.network.id, &Doer::user(&user), &filter, &page).await?;
    let priority = views::priority_note(&rows);
    let pages = page.count(total);
    let query = list_query_string(&filter);
    render(&ListPage {
        ctx,
        rows,
        filter,
        priority,
        page: page.number(),
        pages,
        total,
        query,
    })
}
