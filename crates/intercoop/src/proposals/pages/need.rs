//! Posting a need: the form (for one of my member organisations) and its checks.

use crate::access::Doer;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::proposals::needs::ProposalInput;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::organisation::MembershipStatus;
use sea_orm::TransactionTrait;

#[derive(Template)]
#[template(path = "proposals/form.html")]
struct FormPage {
    ctx: Ctx,
    input: ProposalInput,
    errors: FieldErrors,
    orgs: Vec<(i64, String)>,
}

impl FormPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
}

fn my_member_orgs(user: &crate::auth::CurrentUser) -> Vec<(i64, String)> {
    user.organisations
        .iter()
        .filter(|o| o.status == MembershipStatus::Member)
        .map(|o| (o.id, o.name.clone()))
        .collect()
}

pub async fn new_form(ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let orgs = my_member_orgs(&user);
    let input = ProposalInput {
        requested_by: orgs.first().map(|o| o.0.to_string()).unwrap_or_default(),
        ..Default::default()
    };
    render(&FormPage {
        ctx,
        input,
        errors: FieldErrors::default(),
        orgs,
    })
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(input): CsrfForm<ProposalInput>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let orgs = my_member_orgs(&user);
    let fail = |ctx, input, errors| {
        render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &FormPage {
                ctx,
                input,
                errors,
                orgs: orgs.clone(),
            },
        )
    };
    let valid = match input.validate() {
        Ok(v) => v,
        Err(errors) => return fail(ctx, input, errors),
    };
    let txn = state.db.write.begin().await?;
    let id = match crate::proposals::needs::create(&txn, &Doer::user(&user), user.network.id, &valid).await {
        Ok(id) => id,
        Err(AppError::Invalid(errors)) => return fail(ctx, input, errors),
        Err(e) => return Err(e),
    };
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}")))
}
