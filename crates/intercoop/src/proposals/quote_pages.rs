//! A provider's quote from the web (`/proposals/{id}/quotes/new`), as
//! `POST /api/v1/proposals/{id}/quotes` does: the form ([`QuoteForm`]) is read into the
//! API's [`QuoteInput`](super::quotes::QuoteInput) and added by the same
//! [`add_quote`](super::quotes::add_quote), so the same quotes are refused with the same
//! messages, each beside its field.

use super::data;
use super::pages::AsCents;
use super::policy;
use super::quotes::{QuoteForm, add_quote, quotes_open};
use crate::access::{Doer, require};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::organisation::OrgKind;
use sea_orm::TransactionTrait;
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "proposals/quote.html")]
struct QuotePage {
    ctx: Ctx,
    proposal_id: i64,
    proposal_title: String,
    /// The proposal is in discussion: a quote moves it to "quoted".
    moves_to_quoted: bool,
    /// The providers the reader may quote for.
    providers: Vec<(i64, String)>,
    form: QuoteForm,
    errors: FieldErrors,
}

impl QuotePage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn has_error(&self, field: &str) -> bool {
        self.errors.has(field)
    }
    fn provider_is(&self, id: impl crate::web::Num) -> bool {
        self.form.provider_id.trim() == id.num().to_string()
    }
    /// An example amount in the page's currency and language ("€1,200.50").
    fn example(&self) -> String {
        self.ctx.money(120_050_i64.cents())
    }
}

/// The member providers (and facilitators) the doer may quote for, by name.
async fn providers(state: &AppState, network_id: i64, doer: &Doer) -> AppResult<Vec<(i64, String)>> {
    Ok(crate::organisations::data::member_choices(&state.db.read, network_id)
        .await?
        .into_iter()
        .filter(|o| matches!(o.kind.0, OrgKind::Provider | OrgKind::Facilitator))
        .filter(|o| policy::add_quote(doer, o.id))
        .map(|o| (o.id, o.name))
        .collect())
}

fn page(
    ctx: Ctx,
    p: &super::entities::proposal::Model,
    providers: Vec<(i64, String)>,
    form: QuoteForm,
    errors: FieldErrors,
) -> QuotePage {
    QuotePage {
        proposal_id: p.id,
        proposal_title: p.title.clone(),
        moves_to_quoted: data::status_of(p) == intercoop_domain::lifecycle::ProposalStatus::Discussion,
        providers,
        form,
        errors,
        ctx,
    }
}

/// `GET /proposals/{id}/quotes/new`: the form, for whoever may quote for a provider of
/// the network, while the proposal takes quotes.
pub async fn new_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let doer = Doer::user(&user);
    let p = data::get(&state.db.read, user.network.id, crate::api::parse_id(&id)?).await?;
    let providers = providers(&state, user.network.id, &doer).await?;
    require(!providers.is_empty())?;
    if !quotes_open(data::status_of(&p)) {
        return Err(AppError::Conflict("proposals-wrong-status"));
    }
    let form = QuoteForm {
        provider_id: providers.first().map(|(id, _)| id.to_string()).unwrap_or_default(),
        ..QuoteForm::default()
    };
    render(&page(ctx, &p, providers, form, FieldErrors::default()))
}

/// `POST /proposals/{id}/quotes`: adds the quote and goes back to the proposal.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let doer = Doer::user(&user);
    let id = crate::api::parse_id(&id)?;
    let form = QuoteForm::from_fields(&fields);
    let added = match form.read(&user.network.time_zone) {
        Ok(input) => {
            let txn = state.db.write.begin().await?;
            let p = data::get(&txn, user.network.id, id).await?;
            match add_quote(&txn, &doer, &p, &input).await {
                Ok(_) => {
                    txn.commit().await?;
                    Ok(())
                }
                Err(e) => Err(e),
            }
        }
        Err(errors) => Err(AppError::Invalid(errors)),
    };
    match added {
        Ok(()) => Ok(see_other(&format!("/proposals/{id}#quotes-title"))),
        Err(AppError::Invalid(errors)) => {
            let p = data::get(&state.db.read, user.network.id, id).await?;
            let providers = providers(&state, user.network.id, &doer).await?;
            // Who may quote for no provider learns nothing more than the API says.
            require(!providers.is_empty())?;
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(ctx, &p, providers, form, errors),
            )
        }
        Err(e) => Err(e),
    }
}
