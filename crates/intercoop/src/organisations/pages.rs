//! Organisation pages.

use super::data::{self, ListFilter, OrganisationDetail, OrganisationInput, OrganisationRow};
use super::policy;
use super::representatives::{self, MandateRow};
use crate::access::require;
use crate::api::Page;
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::Query;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::organisation::{Level, MembershipStatus, OrgKind};
use sea_orm::TransactionTrait;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "organisations/list.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<OrganisationRow>,
    filter: ListFilter,
    page: u64,
    pages: u64,
    total: i64,
    can_create: bool,
    /// The filters as a query string, for the pagination links (page 2 of the
    /// members is still the members).
    query: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListParams {
    kind: Option<String>,
    status: Option<String>,
    q: Option<String>,
    page: Option<u64>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(params): Query<ListParams>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let filter = ListFilter {
        kind: params.kind,
        status: params.status,
        q: params.q,
    };
    let page = Page {
        page: params.page.unwrap_or(1),
        per_page: 50,
    };
    let (rows, total) = data::list(&state.db, user.network.id, &filter, &page).await?;
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (name, value) in [("kind", &filter.kind), ("status", &filter.status), ("q", &filter.q)] {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            query.append_pair(name, v);
        }
    }
    let query = query.finish();
    render(&ListPage {
        ctx,
        rows,
        filter,
        page: page.number(),
        pages: page.count(total),
        total,
        can_create: policy::manage(&user.doer()),
        query,
    })
}

#[derive(Template)]
#[template(path = "organisations/show.html")]
struct ShowPage {
    ctx: Ctx,
    detail: OrganisationDetail,
    people: Vec<representatives::OrganisationPerson>,
    mandates: Vec<MandateRow>,
    can_edit: bool,
    can_change_representative: bool,
    /// Links to its public listing and its onboarding checklist (`joining::policy`).
    can_edit_listing: bool,
    can_see_onboarding: bool,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let detail = data::get(&state.db.read, user.network.id, id).await?;
    let people = representatives::people(&state.db.read, user.network.id, id).await?;
    let mandates = representatives::mandates(&state.db.read, user.network.id, id).await?;
    let doer = user.doer();
    let can_edit = policy::manage(&doer);
    let can_change_representative = policy::name_representative(&doer, id);
    render(&ShowPage {
        ctx,
        detail,
        people,
        mandates,
        can_edit,
        can_change_representative,
        can_edit_listing: crate::joining::policy::edit_listing(&doer, id),
        can_see_onboarding: crate::joining::policy::see_onboarding(&doer, id),
    })
}

#[derive(Template)]
#[template(path = "organisations/form.html")]
struct FormPage {
    ctx: Ctx,
    /// None when creating.
    id: Option<i64>,
    input: OrganisationInput,
    errors: FieldErrors,
    /// How many other networks hold the organisation (0 when creating): the form says
    /// what a change of its shared facts does.
    other_networks: i64,
}

impl FormPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    /// The plain text inputs: (field, label id, value, input type).
    /// The text fields: (name, label, value, input type), in order.
    fn text_fields(&self) -> Vec<(&'static str, &'static str, String, &'static str)> {
        let i = &self.input;
        vec![
            ("name", "field-name", i.name.clone(), "text"),
            ("country", "field-country", i.country.clone(), "text"),
            ("address", "field-address", i.address.clone(), "text"),
            (
                "company_number",
                "field-company-number",
                i.company_number.clone(),
                "text",
            ),
            ("size", "field-size", i.size.clone(), "number"),
            ("bank_account", "field-bank-account", i.bank_account.clone(), "text"),
            ("website", "field-website", i.website.clone(), "url"),
        ]
    }

    /// The hint under a field, if it has one (`field-<name>-hint`).
    fn hint(&self, label: &str) -> Option<String> {
        let key = format!("{label}-hint");
        self.ctx.lang.has(&key).then(|| self.ctx.t(&key))
    }
    fn kinds(&self) -> &'static [OrgKind] {
        OrgKind::ALL
    }
    fn statuses(&self) -> &'static [MembershipStatus] {
        MembershipStatus::ALL
    }
    fn levels(&self) -> &'static [Level] {
        Level::ALL
    }
}

pub async fn new_form(ctx: Ctx) -> AppResult<Response> {
    require(policy::manage(&require_user(&ctx)?.doer()))?;
    let input = OrganisationInput {
        kind: "user".into(),
        status: "member".into(),
        level: "active".into(),
        ..Default::default()
    };
    render(&FormPage {
        ctx,
        id: None,
        input,
        errors: FieldErrors::default(),
        other_networks: 0,
    })
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(input): CsrfForm<OrganisationInput>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let valid = match input.validate() {
        Ok(v) => v,
        Err(errors) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &FormPage {
                    ctx,
                    id: None,
                    input,
                    errors,
                    other_networks: 0,
                },
            );
        }
    };
    let txn = state.db.write.begin().await?;
    let id = data::create(&txn, Actor::person(user.person_id), user.network.id, &valid).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/organisations/{id}")))
}

pub async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let id = crate::api::parse_id(&id)?;
    let d = data::get(&state.db.read, user.network.id, id).await?;
    let input = OrganisationInput::from_detail(&d);
    render(&FormPage {
        ctx,
        id: Some(id),
        input,
        errors: FieldErrors::default(),
        other_networks: d.other_networks,
    })
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(input): CsrfForm<OrganisationInput>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let id = crate::api::parse_id(&id)?;
    let other_networks = data::get(&state.db.read, user.network.id, id).await?.other_networks;
    let valid = match input.validate() {
        Ok(v) => v,
        Err(errors) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &FormPage {
                    ctx,
                    id: Some(id),
                    input,
                    errors,
                    other_networks,
                },
            );
        }
    };
    let txn = state.db.write.begin().await?;
    match data::update(&txn, Actor::person(user.person_id), user.network.id, id, &valid).await {
        Ok(()) => {}
        Err(AppError::Invalid(errors)) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &FormPage {
                    ctx,
                    id: Some(id),
                    input,
                    errors,
                    other_networks,
                },
            );
        }
        Err(e) => return Err(e),
    }
    txn.commit().await?;
    state.auth_cache.clear();
    Ok(see_other(&format!("/organisations/{id}")))
}

#[derive(Deserialize)]
pub struct RepresentativeForm {
    person_id: String,
}

pub async fn change_representative(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<RepresentativeForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    require(policy::name_representative(&user.doer(), id))?;
    let person_id: i64 = form
        .person_id
        .parse()
        .map_err(|_| AppError::invalid("person_id", "invalid-choice"))?;
    let txn = state.db.write.begin().await?;
    data::get(&txn, user.network.id, id).await?;
    representatives::set_representative(&txn, Actor::person(user.person_id), user.network.id, id, person_id).await?;
    txn.commit().await?;
    state.auth_cache.clear();
    Ok(see_other(&format!("/organisations/{id}")))
}
