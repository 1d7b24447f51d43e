//! Checking a receipt from the web, as `GET /api/v1/polls/{id}/receipts/{code}` does:
//! is its ballot in the count, and (unless the poll is secret) what it counted.

use super::data;
use super::recorded::{ballot_of_receipt, describe};
use crate::api::parse_id;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::{Ctx, render, require_user};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "polls/receipt.html")]
struct ReceiptPage {
    ctx: Ctx,
    poll_id: i64,
    poll_title: String,
    secret: bool,
    weighted: bool,
    /// The code typed (empty: nothing checked yet).
    code: String,
    /// Checked: `Some(counted)`.
    counted: Option<bool>,
    weight: i64,
    /// What the ballot counted (empty in a secret poll).
    lines: Vec<String>,
}

impl ReceiptPage {
    fn is_counted(&self) -> bool {
        self.counted == Some(true)
    }
}

/// The query of `GET /polls/{id}/receipt`: the code to check (empty: the form only).
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReceiptParams {
    code: String,
}

/// `GET /polls/{id}/receipt?code=r-…`: the check form, and the answer when a code is
/// given.
pub async fn check(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(params): Query<ReceiptParams>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let full = data::get(&state.db.read, user.network.id, parse_id(&id)?).await?;
    let code = params.code.trim().to_string();
    let (counted, weight, lines) = if code.is_empty() {
        (None, 0, Vec::new())
    } else {
        match ballot_of_receipt(&state.db.read, full.poll.id, &code).await? {
            Some(b) => {
                let lines = if full.poll.secret {
                    Vec::new()
                } else {
                    describe(ctx.lang, &full, &b.content.0)
                };
                (Some(true), b.weight, lines)
            }
            None => (Some(false), 0, Vec::new()),
        }
    };
    render(&ReceiptPage {
        poll_id: full.poll.id,
        poll_title: full.poll.title.clone(),
        secret: full.poll.secret,
        weighted: full.poll.weighted,
        code,
        counted,
        weight,
        lines,
        ctx,
    })
}
