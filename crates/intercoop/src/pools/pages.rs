//! The pools' pages, usable on a phone without JavaScript: the list of pools with the
//! form to make one, and a pool's page with its money, its rounds, its contributions
//! and the form to record one. Rounds and buckets are [`super::pages_round`]'s.

use super::data::{self, ContributionIn, ContributionOut, KINDS, PoolIn, PoolOut};
use super::policy;
use super::rounds::{self, RoundOut};
use crate::access::require;
use crate::api::parse_id;
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::TransactionTrait;
use std::collections::HashMap;

/// A form as typed, with its errors (on the API's field names).
#[derive(Default)]
pub struct Typed {
    pub fields: HashMap<String, String>,
    pub errors: FieldErrors,
}

impl Typed {
    pub fn new(fields: HashMap<String, String>, errors: FieldErrors) -> Typed {
        Typed { fields, errors }
    }

    /// What was typed in `name`.
    pub fn val(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }

    /// Whether `name` was given `value` (a radio or an option).
    pub fn is(&self, name: &str, value: &str) -> bool {
        self.fields.get(name).map(String::as_str) == Some(value)
    }
}

/// The error of `field`, in the reader's language (templates call it through their
/// page's `error`).
pub fn error_of(t: &Typed, ctx: &Ctx, field: &str) -> Option<String> {
    t.errors.get(field, ctx.lang)
}

/// Cents typed in units, or the error beside `field`; empty gives `None` (no error).
pub fn optional_units(errors: &mut FieldErrors, field: &str, raw: Option<&String>) -> Option<i64> {
    match raw.map(|r| r.trim()).filter(|r| !r.is_empty()) {
        None => None,
        Some(r) => crate::money::forms::units(errors, field, r),
    }
}

#[derive(Template)]
#[template(path = "pools/list.html")]
struct ListPage {
    ctx: Ctx,
    pools: Vec<PoolOut>,
    manage: bool,
    form: Typed,
}

impl ListPage {
    fn error(&self, field: &str) -> Option<String> {
        error_of(&self.form, &self.ctx, field)
    }
}

async fn list_page(state: &AppState, ctx: Ctx, form: Typed) -> AppResult<ListPage> {
    let user = require_user(&ctx)?;
    let pools = data::list(&state.db.read, user.network.id).await?;
    let manage = policy::manage(&user.doer());
    Ok(ListPage {
        ctx,
        pools,
        manage,
        form,
    })
}

/// The network's pools, and (administrators) the form to make one.
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    render(&list_page(&state, ctx, Typed::default()).await?)
}

/// Makes a pool; errors beside their fields (422).
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let input = PoolIn {
        name: fields.get("name").cloned().unwrap_or_default(),
        description: fields.get("description").cloned(),
    };
    let txn = state.db.write.begin().await?;
    match data::create(&txn, Actor::person(user.person_id), user.network.id, &input).await {
        Ok(row) => {
            txn.commit().await?;
            Ok(see_other(&format!("/pools/{}", row.id)))
        }
        Err(AppError::Invalid(errors)) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &list_page(&state, ctx, Typed::new(fields, errors)).await?,
        ),
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "pools/show.html")]
struct PoolPage {
    ctx: Ctx,
    p: PoolOut,
    rounds: Vec<RoundOut>,
    contributions: Vec<ContributionOut>,
    /// Member organisations (id, name), for the contribution form.
    members: Vec<(i64, String)>,
    manage: bool,
    form: Typed,
    /// The periodic contributions in words, and whether members are asked now.
    schedule: Option<(String, bool)>,
}

impl PoolPage {
    fn error(&self, field: &str) -> Option<String> {
        error_of(&self.form, &self.ctx, field)
    }
    fn kinds(&self) -> &'static [&'static str] {
        &KINDS
    }
    fn kind_is(&self, k: &str) -> bool {
        self.form.is("kind", k) || (k == "gift" && self.form.val("kind").is_empty())
    }
    fn org_is(&self, id: &i64) -> bool {
        self.form.val("organisation_id") == id.to_string()
    }
}

async fn pool_page(state: &AppState, ctx: Ctx, id: i64, form: Typed) -> AppResult<PoolPage> {
    let user = require_user(&ctx)?;
    let conn = &state.db.read;
    let network_id = user.network.id;
    let p = data::show(conn, network_id, id).await?;
    let rounds = rounds::list(conn, network_id, Some(id)).await?;
    let contributions = data::contributions(conn, network_id, id).await?;
    let manage = policy::manage(&user.doer());
    let members = if manage {
        crate::organisations::data::member_choices(conn, network_id)
            .await?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect()
    } else {
        Vec::new()
    };
    let schedule = super::periodic::get(conn, network_id, id).await?.map(|s| {
        let s = super::periodic::ScheduleOut::from(s);
        let text = super::pages_schedule::describe(&ctx, s.amount_cents, &s.period, s.per_worker, &s.applies_from);
        (text, s.active)
    });
    Ok(PoolPage {
        ctx,
        p,
        rounds,
        contributions,
        members,
        manage,
        form,
        schedule,
    })
}

/// A pool: its money, its rounds, its contributions, and (administrators) the forms to
/// record a contribution and open a round.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let id = parse_id(&id)?;
    render(&pool_page(&state, ctx, id, Typed::default()).await?)
}

/// Records a contribution received; errors beside their fields (422).
pub async fn contribute(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let mut errors = FieldErrors::default();
    let amount = crate::money::forms::units(
        &mut errors,
        "amount_cents",
        &fields.get("amount").cloned().unwrap_or_default(),
    );
    let organisation_id = fields.get("organisation_id").and_then(|o| o.parse().ok());
    let input = ContributionIn {
        organisation_id,
        amount_cents: amount.unwrap_or(0),
        received: true,
        kind: fields.get("kind").cloned(),
        note: fields.get("note").cloned(),
    };
    let errors = if errors.is_empty() {
        let txn = state.db.write.begin().await?;
        match data::contribute(&txn, Actor::person(user.person_id), user.network.id, id, &input).await {
            Ok(_) => {
                txn.commit().await?;
                return Ok(see_other(&format!("/pools/{id}")));
            }
            Err(AppError::Invalid(errors)) => errors,
            Err(e) => return Err(e),
        }
    } else {
        errors
    };
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &pool_page(&state, ctx, id, Typed::new(fields, errors)).await?,
    )
}
