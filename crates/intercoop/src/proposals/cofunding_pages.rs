//! Co-funding pages of a proposal: joining (pledge) and leaving, opening and closing
//! the campaign, adopting delivered work, and "my organisation's commitments".

use super::commitments::{self, Commitments};
use super::data;
use super::pages::{AsCents, OrgForm, org_id};
use crate::access::Doer;
use crate::error::{AppError, AppResult};
use crate::funding::FundingState;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use sea_orm::TransactionTrait;
use serde::Deserialize;

pub async fn pledge(
    State(funding): State<FundingState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<OrgForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let cap = match form.cap.trim() {
        "" => None,
        s => Some(
            intercoop_domain::Money::parse_units(s)
                .map_err(|_| AppError::invalid("cap_cents", "proposals-negative-cap"))?
                .cents(),
        ),
    };
    crate::funding::pledging::pledge_committed(
        &funding.pledges,
        Doer::user(&user),
        user.network.id,
        id,
        org_id(&form)?,
        cap,
    )
    .await?;
    Ok(see_other(&format!("/proposals/{id}#campaign")))
}

pub async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<OrgForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    crate::funding::pledging::withdraw(&txn, &Doer::user(&user), p.network_id, p.id, org_id(&form)?).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}#campaign")))
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_form): CsrfForm<Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    super::cofunding::close(&txn, &Doer::user(&user), &p).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}")))
}

/// The co-funding form as typed (amounts in units, e.g. "1200" or "1 200,50").
#[derive(Deserialize)]
pub struct CampaignForm {
    #[serde(default)]
    amount: String,
    #[serde(default)]
    quote_id: String,
    key: String,
    #[serde(default)]
    deadline: String,
    #[serde(default)]
    min_participants: String,
    #[serde(default)]
    fixed_organisation_id: String,
    #[serde(default)]
    fixed_amount: String,
}

fn units(field: &str, raw: &str) -> AppResult<Option<i64>> {
    match raw.trim() {
        "" => Ok(None),
        s => intercoop_domain::Money::parse_units(s)
            .map(|m| Some(m.cents()))
            .map_err(|_| AppError::invalid(field, "proposals-positive-amount")),
    }
}

pub async fn open_campaign(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<CampaignForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let key = match form.key.as_str() {
        "equal" => intercoop_domain::sharing::SharingKey::Equal,
        "size" => intercoop_domain::sharing::SharingKey::Size,
        _ => return Err(AppError::invalid("key", "invalid-choice")),
    };
    // The day picked, through its end where the network is (its time zone).
    let deadline = match form.deadline.trim() {
        "" => None,
        d => {
            let date: jiff::civil::Date = d
                .parse()
                .map_err(|_| AppError::invalid("deadline", "proposals-deadline-past"))?;
            let tz = jiff::tz::TimeZone::get(&user.network.time_zone).map_err(anyhow::Error::from)?;
            let end = intercoop_domain::calendar::end_of_day(date, &tz);
            Some(crate::clock::from_timestamp(end))
        }
    };
    let fixed = match (
        form.fixed_organisation_id.trim().parse::<i64>(),
        units("fixed", &form.fixed_amount)?,
    ) {
        (Ok(org), Some(cents)) => vec![crate::funding::terms::FixedBody {
            organisation_id: org,
            amount_cents: Some(cents),
            basis_points: None,
        }],
        _ => Vec::new(),
    };
    let body = crate::funding::terms::CampaignBody {
        amount_cents: units("amount_cents", &form.amount)?,
        quote_id: form.quote_id.trim().parse().ok(),
        key,
        fixed,
        deadline,
        min_participants: form.min_participants.trim().parse().ok(),
        catch_up_years: None,
    };
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    super::cofunding::open_campaign(&txn, &Doer::user(&user), &p, &body, None).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}#campaign")))
}

pub async fn adopt(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<OrgForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    super::cofunding::adopt(&txn, &Doer::user(&user), &p, org_id(&form)?).await?;
    txn.commit().await?;
    Ok(see_other("/proposals/commitments"))
}

#[derive(Template)]
#[template(path = "proposals/commitments.html")]
struct CommitmentsPage {
    ctx: Ctx,
    list: Vec<Commitments>,
}

impl CommitmentsPage {
    /// Money in the page's language (accepts a value or a reference).
    fn m(&self, cents: impl AsCents) -> String {
        self.ctx.money(cents.cents())
    }
}

pub async fn commitments(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let mut list = Vec::new();
    for o in user.member_organisations() {
        list.push(commitments::commitments(&state.db.read, user.network.id, o.id).await?);
    }
    render(&CommitmentsPage { ctx, list })
}
