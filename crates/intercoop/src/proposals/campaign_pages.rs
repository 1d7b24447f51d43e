//! Opening a proposal's co-funding from the web, with every term the API takes: the
//! amount (or a quote's), any sharing key (equal, by size, by explicit weights, by
//! tiers), several fixed contributions (an amount or a percentage), the deadline (a day
//! where the network is), the minimum of participants and the catch-up window.
//!
//! The form ([`CampaignForm`]) is read into the API's [`CampaignBody`] and opened by the
//! same `cofunding::open_campaign`: the same terms are refused with the same messages,
//! each beside its field. Opening emails every representative, so the form first shows
//! what will happen (the amounts, the deadline, how many are told) and asks once: that
//! review is the opening itself, tried in a transaction that is rolled back.

use super::data;
use super::pages::AsCents;
use super::views::{self, QuoteOut};
use crate::access::{Doer, require};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::funding::terms::{CampaignForm, FixedRow, KEYS};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::TransactionTrait;
use std::collections::HashMap;

/// What opening will do, shown before it is done.
struct Review {
    /// The part shared: the cost less what a reserve covers.
    total_cents: i64,
    /// The reserve drawn on first: its name and the part of the cost it covers.
    reserve: Option<(String, i64)>,
    /// (organisation, amount) of each fixed contribution.
    fixed: Vec<(String, i64)>,
    /// What the participants share.
    to_share_cents: i64,
    deadline: time::OffsetDateTime,
    min_participants: i64,
    /// Representatives emailed (those who chose not to be are not).
    told: usize,
    /// The form's fields, sent again with the confirmation.
    hidden: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "proposals/campaign.html")]
struct CampaignPage {
    ctx: Ctx,
    proposal_id: i64,
    proposal_title: String,
    quotes: Vec<QuoteOut>,
    /// Member organisations: (id, name, their size in words).
    members: Vec<(i64, String, String)>,
    form: CampaignForm,
    errors: FieldErrors,
    review: Option<Review>,
    /// May put the terms to a poll first ("decide by a poll": `/polls/new` prepared).
    can_poll: bool,
    /// The network's reserves to draw on: (id, name, available cents).
    reserves: Vec<(i64, String, i64)>,
}

impl CampaignPage {
    fn reserve_is(&self, id: impl crate::web::Num) -> bool {
        self.form.reserve_id.trim() == id.num().to_string()
    }
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn has_error(&self, field: &str) -> bool {
        self.errors.has(field)
    }
    fn keys(&self) -> &'static [&'static str] {
        &KEYS
    }
    fn key_is(&self, k: &str) -> bool {
        self.form.key == k
    }
    fn quote_is(&self, id: impl crate::web::Num) -> bool {
        self.form.quote_id.trim() == id.num().to_string()
    }
    fn fixed_rows(&self) -> Vec<(usize, FixedRow)> {
        self.form.fixed_rows()
    }
    fn org_is(&self, row: &FixedRow, id: impl crate::web::Num) -> bool {
        row.organisation_id.trim() == id.num().to_string()
    }
    fn weight_of(&self, id: impl crate::web::Num) -> String {
        self.form.weight_of(id.num())
    }
    /// Money in the page's language (accepts a value or a reference).
    fn m(&self, cents: impl AsCents) -> String {
        self.ctx.money(cents.cents())
    }
}

async fn members(state: &AppState, network_id: i64) -> AppResult<Vec<(i64, String, Option<i64>)>> {
    Ok(crate::organisations::data::member_choices(&state.db.read, network_id)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name, o.size))
        .collect())
}

async fn page(
    state: &AppState,
    ctx: Ctx,
    network_id: i64,
    p: &super::entities::proposal::Model,
    form: CampaignForm,
    errors: FieldErrors,
    review: Option<Review>,
) -> AppResult<CampaignPage> {
    let detail = views::detail(&state.db.read, p).await?;
    let members = members(state, network_id)
        .await?
        .into_iter()
        .map(|(id, name, size)| {
            let size = match size {
                Some(s) => ctx.tn("proposals-campaign-size", s),
                None => ctx.t("proposals-campaign-no-size"),
            };
            (id, name, size)
        })
        .collect();
    let can_poll = ctx
        .user
        .as_ref()
        .is_some_and(|u| crate::polls::policy::manage(&Doer::user(u)));
    let reserves = crate::money::reserves::list(&state.db.read, network_id)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name, r.available_cents))
        .collect();
    Ok(CampaignPage {
        can_poll,
        reserves,
        proposal_id: p.id,
        proposal_title: p.title.clone(),
        quotes: detail.quotes,
        members,
        form,
        errors,
        review,
        ctx,
    })
}

/// `GET /proposals/{id}/campaign/new`: the form (administrators), while the proposal
/// may go to co-funding and has none.
pub async fn new_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let doer = Doer::user(&user);
    require(crate::funding::policy::open_campaign(&doer))?;
    let p = data::get(&state.db.read, user.network.id, crate::api::parse_id(&id)?).await?;
    if crate::funding::campaign::of(&state.db.read, p.id).await?.is_some() {
        return Err(AppError::Conflict("proposals-campaign-exists"));
    }
    super::lifecycle::check_can_move(
        &state.db.read,
        &doer,
        &p,
        intercoop_domain::lifecycle::ProposalStatus::Funding,
    )
    .await?;
    let form = CampaignForm::new_campaign(p.selected_quote_id);
    let page = page(&state, ctx, user.network.id, &p, form, FieldErrors::default(), None).await?;
    render(&page)
}

/// `POST /proposals/{id}/campaign`: with `review`, shows what opening will do and asks
/// to confirm; without, opens the co-funding and goes back to the proposal.
pub async fn open_campaign(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let doer = Doer::user(&user);
    let id = crate::api::parse_id(&id)?;
    let form = CampaignForm::from_fields(&fields);
    let reviewing = fields.get("review").is_some_and(|v| !v.is_empty());
    // "Decide by a poll first": the terms are checked as opening would check them, then
    // carried to a new poll whose pass opens the co-funding with them.
    let by_poll = fields.get("decide").is_some_and(|v| v == "poll") && crate::polls::policy::manage(&doer);
    let outcome = match form.read(&user.network.time_zone) {
        Err(errors) => Err(AppError::Invalid(errors)),
        Ok(body) => {
            let txn = state.db.write.begin().await?;
            let p = data::get(&txn, user.network.id, id).await?;
            match super::cofunding::open_campaign(&txn, &doer, &p, &body, None).await {
                Ok(_) if by_poll => {
                    txn.rollback().await?;
                    let terms = serde_json::to_string(&body).map_err(anyhow::Error::from)?;
                    let terms: String = form_urlencoded::byte_serialize(terms.as_bytes()).collect();
                    return Ok(see_other(&format!(
                        "/polls/new?proposal_id={id}&effect=open_funding&funding_terms={terms}"
                    )));
                }
                Ok(row) if reviewing => {
                    let shares = crate::funding::campaign::current_shares(&txn, &row).await?;
                    let told = crate::notifications::recipients::representatives(&txn, user.network.id, None)
                        .await?
                        .len();
                    let fixed_ids: Vec<i64> = shares
                        .lines
                        .iter()
                        .filter(|l| l.fixed)
                        .map(|l| l.organisation_id)
                        .collect();
                    let names = crate::polls::data::organisation_names(&txn, fixed_ids).await?;
                    let reserve = match row.reserve_id {
                        Some(r) => Some((
                            crate::money::reserves::get(&txn, user.network.id, r).await?.name,
                            row.reserve_cents,
                        )),
                        None => None,
                    };
                    txn.rollback().await?;
                    let fixed: Vec<(String, i64)> = shares
                        .lines
                        .iter()
                        .filter(|l| l.fixed)
                        .map(|l| {
                            (
                                names.get(&l.organisation_id).cloned().unwrap_or_default(),
                                l.amount.cents(),
                            )
                        })
                        .collect();
                    let fixed_total: i64 = fixed.iter().map(|(_, c)| c).sum();
                    let hidden = fields
                        .iter()
                        .filter(|(k, v)| {
                            k.as_str() != crate::web::CSRF_FIELD && k.as_str() != "review" && !v.is_empty()
                        })
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    Ok(Some(Review {
                        total_cents: row.amount_cents,
                        reserve,
                        to_share_cents: row.amount_cents - fixed_total,
                        fixed,
                        deadline: row.deadline,
                        min_participants: row.min_participants,
                        told,
                        hidden,
                    }))
                }
                Ok(_) => {
                    txn.commit().await?;
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
    };
    let (status, errors, review) = match outcome {
        Ok(None) => return Ok(see_other(&format!("/proposals/{id}#campaign"))),
        Ok(Some(review)) => (StatusCode::OK, FieldErrors::default(), Some(review)),
        Err(AppError::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
        Err(e) => return Err(e),
    };
    let p = data::get(&state.db.read, user.network.id, id).await?;
    let page = page(&state, ctx, user.network.id, &p, form, errors, review).await?;
    render_status(status, &page)
}
