//! People pages and the invitation form.

use super::data::{self, InviteInput, PersonRow, Tie};
use super::policy;
use crate::access::require;
use crate::api::Page;
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::organisations::data::{ListFilter, OrganisationRow};
use crate::state::AppState;
use crate::web::Query;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::TransactionTrait;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "people/list.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<(PersonRow, Vec<Tie>)>,
    page: u64,
    pages: u64,
    /// The list's filters as a query string (none here), for the pagination links.
    query: String,
    total: i64,
    can_invite: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListParams {
    page: Option<u64>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(params): Query<ListParams>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let page = Page {
        page: params.page.unwrap_or(1),
        per_page: 50,
    };
    let (people, total) = data::list(&state.db, user.network.id, &page).await?;
    let ids: Vec<i64> = people.iter().map(|p| p.id).collect();
    let ties = data::ties(&state.db.read, user.network.id, &ids).await?;
    let rows = people
        .into_iter()
        .map(|p| {
            let mine = ties.iter().filter(|t| t.person_id == p.id).cloned().collect();
            (p, mine)
        })
        .collect();
    render(&ListPage {
        ctx,
        rows,
        page: page.number(),
        pages: page.count(total),
        query: String::new(),
        total,
        can_invite: policy::invite(&user.doer()),
    })
}

#[derive(Template)]
#[template(path = "people/show.html")]
struct ShowPage {
    ctx: Ctx,
    person: PersonRow,
    ties: Vec<Tie>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let (person, ties) = data::get(&state.db.read, user.network.id, id).await?;
    render(&ShowPage { ctx, person, ties })
}

#[derive(Template)]
#[template(path = "people/invite.html")]
struct InvitePage {
    ctx: Ctx,
    input: InviteInput,
    errors: FieldErrors,
    organisations: Vec<OrganisationRow>,
    sent_to: Option<String>,
}

impl InvitePage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    /// The plain text inputs: (field, label id, value, input type).
    fn text_fields(&self) -> Vec<(&'static str, &'static str, String, &'static str)> {
        let i = &self.input;
        vec![
            ("email", "field-email", i.email.clone(), "email"),
            ("name", "field-name", i.name.clone(), "text"),
            ("title", "field-title", i.title.clone(), "text"),
        ]
    }
}

async fn organisations(state: &AppState, network_id: i64) -> AppResult<Vec<OrganisationRow>> {
    let page = Page { page: 1, per_page: 200 };
    Ok(
        crate::organisations::data::list(&state.db, network_id, &ListFilter::default(), &page)
            .await?
            .0,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteParams {
    /// The organisation chosen in advance (the "invite" link of an organisation's page).
    #[serde(deserialize_with = "crate::web::query::optional_id")]
    organisation_id: Option<i64>,
}

pub async fn invite_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<InviteParams>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::invite(&user.doer()))?;
    let organisations = organisations(&state, user.network.id).await?;
    let input = InviteInput {
        organisation_id: params.organisation_id.map(|id| id.to_string()).unwrap_or_default(),
        ..Default::default()
    };
    render(&InvitePage {
        ctx,
        input,
        errors: FieldErrors::default(),
        organisations,
        sent_to: None,
    })
}

pub async fn invite(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(input): CsrfForm<InviteInput>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::invite(&user.doer()))?;
    let organisations = organisations(&state, user.network.id).await?;
    let inv = match input.validate() {
        Ok(inv) => inv,
        Err(errors) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &InvitePage {
                    ctx,
                    input,
                    errors,
                    organisations,
                    sent_to: None,
                },
            );
        }
    };
    let txn = state.db.write.begin().await?;
    match data::invite(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        &inv,
        &state.config.base_url,
        &user.name,
    )
    .await
    {
        Ok(_) => {}
        Err(AppError::Invalid(errors)) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &InvitePage {
                    ctx,
                    input,
                    errors,
                    organisations,
                    sent_to: None,
                },
            );
        }
        Err(e) => return Err(e),
    }
    txn.commit().await?;
    state.auth_cache.clear();
    let sent_to = Some(inv.email.to_string());
    render(&InvitePage {
        ctx,
        input: InviteInput::default(),
        errors: FieldErrors::default(),
        organisations,
        sent_to,
    })
}
