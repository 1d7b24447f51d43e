//! Work sharing's pages (phone first, no script needed): the opportunities, one with its
//! interests and team (and the proposed split to answer), posting one, declaring
//! interest and capacity, forming the team (the split shown with every amount before it
//! is confirmed, once), and "how busy will we be". The rules are [`super::write`]'s.

use super::busy::{self, BusynessOut};
use super::data::{self, OpportunityOut, OpportunitySummary};
use super::forms::{InterestForm, OpportunityForm, TeamForm, team_input};
use super::{policy, write};
use crate::access::require;
use crate::api::parse_id;
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::organisations::data::{MemberChoice, member_choices};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, Query, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::work_sharing::Split;
use sea_orm::TransactionTrait;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Template)]
#[template(path = "work/list.html")]
struct ListPage {
    ctx: Ctx,
    items: Vec<OpportunitySummary>,
    can_post: bool,
}

#[derive(Template)]
#[template(path = "work/show.html")]
struct ShowPage {
    ctx: Ctx,
    o: OpportunityOut,
    can_declare: bool,
    can_form: bool,
    /// The poster may close or withdraw it (it has not ended).
    can_end: bool,
    /// The team members the person answers for, still awaited.
    answer_for: Vec<(i64, String)>,
}

impl ShowPage {
    /// A member's part in the split in force, as the proposal shows it beside the new one.
    fn before(&self, org: &i64) -> String {
        self.o
            .team
            .in_force
            .as_ref()
            .and_then(|f| f.lines.iter().find(|l| l.organisation_id == *org))
            .map(|l| {
                format!(
                    "{} · {}",
                    self.ctx.tn("work-days-count", l.days),
                    self.ctx.money(l.amount_cents)
                )
            })
            .unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "work/form.html")]
struct FormPage {
    ctx: Ctx,
    form: OpportunityForm,
    mine: Vec<MemberChoice>,
    members: Vec<MemberChoice>,
    errors: FieldErrors,
}

impl FormPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
}

#[derive(Template)]
#[template(path = "work/interest.html")]
struct InterestPage {
    ctx: Ctx,
    o: OpportunityOut,
    form: InterestForm,
    mine: Vec<MemberChoice>,
    errors: FieldErrors,
}

impl InterestPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
}

#[derive(Template)]
#[template(path = "work/team.html")]
struct TeamPage {
    ctx: Ctx,
    o: OpportunityOut,
    form: TeamForm,
    /// The split the choices give, shown before confirming.
    preview: Option<Split>,
    names: BTreeMap<i64, String>,
    errors: FieldErrors,
}

impl TeamPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn value(&self, key: &str) -> String {
        self.form.get(key).cloned().unwrap_or_default()
    }
    fn ticked(&self, org: &i64) -> bool {
        self.form.get(&format!("member_{org}")).is_some_and(|v| !v.is_empty())
    }
    fn name(&self, org: &i64) -> String {
        self.names.get(org).cloned().unwrap_or_default()
    }
    fn basis(&self) -> String {
        self.form.get("basis").cloned().unwrap_or_else(|| "capacity".into())
    }
}

#[derive(Template)]
#[template(path = "work/busyness.html")]
struct BusyPage {
    ctx: Ctx,
    load: BusynessOut,
    choices: Vec<MemberChoice>,
}

/// The member organisations the person speaks for.
async fn mine(state: &AppState, user: &crate::auth::CurrentUser) -> AppResult<Vec<MemberChoice>> {
    let doer = user.doer();
    Ok(member_choices(&state.db.read, user.network.id)
        .await?
        .into_iter()
        .filter(|m| policy::speaks_for(&doer, m.id))
        .collect())
}

/// `GET /opportunities`.
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let items = data::list(&state.db.read, user.network.id, super::api::LIST_LIMIT).await?;
    let can_post = user.doer().is_admin() || !user.doer().represents.is_empty();
    render(&ListPage { ctx, items, can_post })
}

/// `GET /opportunities/{id}`.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let doer = user.doer();
    let o = data::read(&state.db.read, user.network.id, parse_id(&id)?).await?;
    let answer_for = o
        .team
        .proposed
        .as_ref()
        .map(|p| {
            p.lines
                .iter()
                .filter(|l| p.waiting_for.contains(&l.organisation_id) && policy::consent_for(&doer, l.organisation_id))
                .map(|l| (l.organisation_id, l.organisation.clone()))
                .collect()
        })
        .unwrap_or_default();
    render(&ShowPage {
        can_declare: write::is_live(&o.summary.status) && (doer.is_admin() || !doer.represents.is_empty()),
        can_end: write::is_live(&o.summary.status) && policy::end(&doer, o.summary.organisation_id),
        can_form: o.summary.status == write::OPEN
            && !o.interests.is_empty()
            && policy::form_team(&doer, o.summary.organisation_id),
        answer_for,
        ctx,
        o,
    })
}

async fn form_page(state: &AppState, ctx: Ctx, form: OpportunityForm, errors: FieldErrors) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let mine = mine(state, &user).await?;
    let members = member_choices(&state.db.read, user.network.id).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &FormPage {
            ctx,
            form,
            mine,
            members,
            errors,
        },
    )
}

/// `GET /opportunities/new`.
pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    form_page(&state, ctx, OpportunityForm::default(), FieldErrors::default()).await
}

/// `POST /opportunities/new`.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<OpportunityForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let input = match form.input() {
        Ok(i) => i,
        Err(errors) => {
            require(policy::post_for(
                &user.doer(),
                form.organisation_id.trim().parse().unwrap_or(0),
            ))?;
            return form_page(&state, ctx, form, errors).await;
        }
    };
    require(policy::post_for(&user.doer(), input.organisation_id))?;
    let txn = state.db.write.begin().await?;
    match write::create(&txn, Actor::person(user.person_id), user.network.id, &input).await {
        Ok(id) => {
            txn.commit().await?;
            Ok(see_other(&format!("/opportunities/{id}")))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            form_page(&state, ctx, form, errors).await
        }
        Err(e) => Err(e),
    }
}

async fn interest_page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    form: Option<InterestForm>,
    errors: FieldErrors,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let o = data::read(&state.db.read, user.network.id, id).await?;
    let mine = mine(state, &user).await?;
    let form = form.unwrap_or_else(|| {
        // The person's organisation's declaration, to change; else the work's dates.
        o.interests
            .iter()
            .find(|i| mine.iter().any(|m| m.id == i.organisation_id))
            .map(InterestForm::of)
            .unwrap_or_else(|| InterestForm {
                available_from: o.summary.starts_on.to_string(),
                available_to: o.summary.ends_on.to_string(),
                ..InterestForm::default()
            })
    });
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &InterestPage {
            ctx,
            o,
            form,
            mine,
            errors,
        },
    )
}

/// `GET /opportunities/{id}/interest`.
pub async fn interest_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    interest_page(&state, ctx, parse_id(&id)?, None, FieldErrors::default()).await
}

/// `POST /opportunities/{id}/interest`.
pub async fn declare(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<InterestForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = parse_id(&id)?;
    require(policy::declare_for(
        &user.doer(),
        form.organisation_id.trim().parse().unwrap_or(0),
    ))?;
    data::row(&state.db.read, user.network.id, id).await?;
    let input = match form.input() {
        Ok(i) => i,
        Err(errors) => return interest_page(&state, ctx, id, Some(form), errors).await,
    };
    let txn = state.db.write.begin().await?;
    match write::declare(&txn, Actor::person(user.person_id), user.network.id, id, &input).await {
        Ok(_) => {
            txn.commit().await?;
            Ok(see_other(&format!("/opportunities/{id}")))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            interest_page(&state, ctx, id, Some(form), errors).await
        }
        Err(e) => Err(e),
    }
}

fn team_page(
    ctx: Ctx,
    o: OpportunityOut,
    form: TeamForm,
    preview: Option<Split>,
    errors: FieldErrors,
) -> AppResult<Response> {
    let names = o
        .interests
        .iter()
        .map(|i| (i.organisation_id, i.organisation.clone()))
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &TeamPage {
            ctx,
            o,
            form,
            preview,
            names,
            errors,
        },
    )
}

/// `GET /opportunities/{id}/team`: the interested members to choose from.
pub async fn team_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let o = data::read(&state.db.read, user.network.id, parse_id(&id)?).await?;
    team_page(ctx, o, TeamForm::new(), None, FieldErrors::default())
}

/// `POST /opportunities/{id}/team`: without `confirm`, the split the choices give (every
/// amount, the fee first) and a button to confirm it; with `confirm=yes`, the team.
pub async fn form_team(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(mut form): CsrfForm<TeamForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = parse_id(&id)?;
    let row = data::row(&state.db.read, user.network.id, id).await?;
    require(policy::form_team(&user.doer(), row.organisation_id))?;
    form.remove(crate::web::CSRF_FIELD);
    let o = data::read(&state.db.read, user.network.id, id).await?;
    let input = match team_input(&form) {
        Ok(i) => i,
        Err(errors) => return team_page(ctx, o, form, None, errors),
    };
    if form.get("confirm").map(String::as_str) != Some("yes") {
        return match write::preview(&state.db.read, &row, &input).await {
            Ok(split) => team_page(ctx, o, form, Some(split), FieldErrors::default()),
            Err(AppError::Invalid(errors)) => team_page(ctx, o, form, None, errors),
            Err(e) => Err(e),
        };
    }
    let txn = state.db.write.begin().await?;
    match write::form_team(&txn, Actor::person(user.person_id), user.network.id, id, &input).await {
        Ok(_) => {
            txn.commit().await?;
            Ok(see_other(&format!("/opportunities/{id}#team")))
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            form.remove("confirm");
            team_page(ctx, o, form, None, errors)
        }
        Err(e) => Err(e),
    }
}

/// The answer form's fields.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConsentForm {
    pub organisation_id: String,
    /// `yes` or `no`.
    pub accept: String,
}

/// `POST /opportunities/{id}/consent`.
pub async fn consent(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ConsentForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = parse_id(&id)?;
    let org = form.organisation_id.trim().parse().unwrap_or(0);
    require(policy::consent_for(&user.doer(), org))?;
    let input = data::ConsentIn {
        organisation_id: org,
        accept: match form.accept.as_str() {
            "yes" => true,
            "no" => false,
            _ => return Err(AppError::invalid("accept", "invalid-choice")),
        },
    };
    let txn = state.db.write.begin().await?;
    write::consent(&txn, Actor::person(user.person_id), user.network.id, id, &input).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/opportunities/{id}#team")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BusyQuery {
    pub organisation_id: Option<i64>,
}

/// `GET /busyness`: how busy the person's organisation (or the one chosen) will be,
/// month by month; an administrator of no organisation sees the first member's.
pub async fn busyness(State(state): State<AppState>, ctx: Ctx, Query(q): Query<BusyQuery>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let doer = user.doer();
    let choices: Vec<MemberChoice> = member_choices(&state.db.read, user.network.id)
        .await?
        .into_iter()
        .filter(|m| policy::see_busyness(&doer, m.id))
        .collect();
    let asked = q
        .organisation_id
        .or_else(|| doer.organisations.first().copied())
        .or_else(|| choices.first().map(|c| c.id));
    let load = match asked {
        Some(org) => {
            let org = super::api::whose(&state, &user, Some(org)).await?;
            let today = crate::money::today(&user.network.time_zone);
            busy::of(&state.db.read, user.network.id, org, today).await?
        }
        None => BusynessOut {
            organisation_id: 0,
            months: Vec::new(),
        },
    };
    render(&BusyPage { ctx, load, choices })
}
