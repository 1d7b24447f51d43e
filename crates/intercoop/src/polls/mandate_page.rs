//! The page where an organisation hands its vote in one poll: to another of its people
//! (a delegation) or to another member organisation's representative (a proxy), as the
//! API's `POST /api/v1/polls/{id}/delegations` and `…/proxies` do, through the same
//! [`proxies::give_mandate`] (the same rules, the same messages beside their field).

use super::data::{self, PollFull};
use super::entities::{elector, mandate};
use super::proxies::{self, MandateForm};
use super::{electorate, policy};
use crate::access::{Doer, require};
use crate::api::parse_id;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::voting::{Electorate, MandateKind};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "polls/mandate.html")]
struct MandatePage {
    ctx: Ctx,
    poll_id: i64,
    poll_title: String,
    /// The poll takes ballots (and so mandates) now.
    open: bool,
    /// Organisations whose vote the reader may hand, and the one chosen.
    choices: Vec<(i64, String)>,
    chosen: Option<i64>,
    /// The chosen organisation's mandate in this poll, in words.
    current: Option<String>,
    /// Its people (possible delegates) and the other organisations (possible holders).
    people: Vec<(i64, String)>,
    holders: Vec<(i64, String)>,
    max_proxies: i64,
    form: MandateForm,
    errors: FieldErrors,
}

impl MandatePage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn chosen_name(&self) -> String {
        self.choices
            .iter()
            .find(|(id, _)| Some(*id) == self.chosen)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    }
    fn chosen_is(&self, id: impl crate::web::Num) -> bool {
        self.chosen == Some(id.num())
    }
    fn kind_is(&self, kind: &str) -> bool {
        self.form.kind == kind
    }
}

/// The query of `GET /polls/{id}/mandate`: whose vote to show.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MandateParams {
    organisation_id: Option<String>,
}

/// The organisations of the poll's electorate whose vote the doer may hand, by name.
async fn choices(state: &AppState, doer: &Doer, electors: &[elector::Model]) -> AppResult<Vec<(i64, String)>> {
    let ids: Vec<i64> = electors
        .iter()
        .filter_map(|e| e.organisation_id)
        .filter(|o| policy::hand_vote(doer, *o))
        .collect();
    let names = data::organisation_names(&state.db.read, ids.clone()).await?;
    let mut out: Vec<(i64, String)> = ids
        .into_iter()
        .map(|o| (o, names.get(&o).cloned().unwrap_or_default()))
        .collect();
    crate::collation::sort_by_name(&mut out, |(_, n)| n);
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
async fn page(
    state: &AppState,
    ctx: Ctx,
    full: &PollFull,
    choices: Vec<(i64, String)>,
    chosen: Option<i64>,
    form: MandateForm,
    errors: FieldErrors,
) -> AppResult<MandatePage> {
    let electors = electorate::electorate(&state.db.read, full.poll.id).await?;
    let mandates = electorate::mandates(&state.db.read, full.poll.id).await?;
    let org_ids: Vec<i64> = electors.iter().filter_map(|e| e.organisation_id).collect();
    let names = data::organisation_names(&state.db.read, org_ids.clone()).await?;
    let mut holders: Vec<(i64, String)> = org_ids
        .iter()
        .filter(|o| Some(**o) != chosen)
        .map(|o| (*o, names.get(o).cloned().unwrap_or_default()))
        .collect();
    crate::collation::sort_by_name(&mut holders, |(_, n)| n);
    let mut people = Vec::new();
    let mut current = None;
    if let Some(org) = chosen {
        let ties = crate::entities::affiliation::Entity::find()
            .filter(crate::entities::affiliation::Column::NetworkId.eq(full.poll.network_id))
            .filter(crate::entities::affiliation::Column::OrganisationId.eq(org))
            .all(&state.db.read)
            .await?;
        let ids: Vec<i64> = ties.iter().map(|t| t.person_id).collect();
        people = crate::entities::person::Entity::find()
            .filter(crate::entities::person::Column::Id.is_in(ids))
            .filter(crate::entities::person::Column::Disabled.eq(false))
            .all(&state.db.read)
            .await?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        crate::collation::sort_by_name(&mut people, |(_, n)| n);
        current = mandates
            .iter()
            .find(|m| m.organisation_id == org)
            .map(|m| describe(&ctx, m, &people, &names));
    }
    Ok(MandatePage {
        poll_id: full.poll.id,
        poll_title: full.poll.title.clone(),
        open: full.takes_ballots(crate::clock::now()),
        choices,
        chosen,
        current,
        people,
        holders,
        max_proxies: full.poll.max_proxies,
        form,
        errors,
        ctx,
    })
}

/// A mandate in words: "Delegated to Ana" or "Proxy held by La Cagette".
fn describe(ctx: &Ctx, m: &mandate::Model, people: &[(i64, String)], names: &HashMap<i64, String>) -> String {
    if m.kind == MandateKind::Delegate {
        let name = people
            .iter()
            .find(|(id, _)| Some(*id) == m.person_id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default();
        ctx.ta("polls-mandate-current-delegate", "name", name)
    } else {
        let name = m
            .holder_organisation_id
            .and_then(|h| names.get(&h).cloned())
            .unwrap_or_default();
        ctx.ta("polls-mandate-current-proxy", "name", name)
    }
}

/// The poll, if it is one whose votes go by organisation (a people's poll has no
/// mandates: 409, as the API).
async fn organisations_poll(state: &AppState, network_id: i64, id: i64) -> AppResult<PollFull> {
    let full = data::get(&state.db.read, network_id, id).await?;
    if full.poll.electorate != Electorate::Organisations {
        return Err(AppError::Conflict("poll-mandate-people"));
    }
    Ok(full)
}

/// `GET /polls/{id}/mandate`: the form, for the organisation asked (or the first one
/// the reader may hand the vote of).
pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(params): Query<MandateParams>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let doer = user.doer();
    let asked: Option<i64> = params.organisation_id.as_deref().and_then(|o| o.trim().parse().ok());
    if let Some(org) = asked {
        require(policy::hand_vote(&doer, org))?;
    } else {
        require(doer.is_admin() || !doer.seats.is_empty())?;
    }
    let full = organisations_poll(&state, user.network.id, parse_id(&id)?).await?;
    let electors = electorate::electorate(&state.db.read, full.poll.id).await?;
    let choices = choices(&state, &doer, &electors).await?;
    // Someone who may hand no vote of this poll's electorate learns nothing of it.
    require(!choices.is_empty() || (doer.is_admin() && electors.is_empty()))?;
    let chosen = asked
        .filter(|o| choices.iter().any(|(c, _)| c == o))
        .or(choices.first().map(|(c, _)| *c));
    let form = MandateForm {
        organisation_id: chosen.map(|o| o.to_string()).unwrap_or_default(),
        kind: "delegate".into(),
        ..Default::default()
    };
    let page = page(&state, ctx, &full, choices, chosen, form, FieldErrors::default()).await?;
    render_status(StatusCode::OK, &page)
}

/// `POST /polls/{id}/mandate`: hands the vote; back to the form, which shows it.
pub async fn give(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<MandateForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let doer = user.doer();
    let id = parse_id(&id)?;
    let outcome = match form.read() {
        Ok((org, kind, target)) => {
            let txn = state.db.write.begin().await?;
            match proxies::give_mandate(&txn, &doer, user.network.id, id, org, kind, target).await {
                Ok(m) => {
                    txn.commit().await?;
                    Ok(m)
                }
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(e),
    };
    let (status, errors) = match outcome {
        Ok(m) => {
            return Ok(see_other(&format!(
                "/polls/{id}/mandate?organisation_id={}",
                m.organisation_id
            )));
        }
        Err(AppError::Invalid(errors)) => (StatusCode::UNPROCESSABLE_ENTITY, errors),
        // A limit or a chain of proxies: the API's 409, said beside the holder.
        Err(AppError::Conflict(code @ ("poll-proxy-limit" | "poll-proxy-chain"))) => {
            let mut errors = FieldErrors::default();
            errors.add("holder_organisation_id", code);
            (StatusCode::CONFLICT, errors)
        }
        Err(e) => return Err(e),
    };
    let full = organisations_poll(&state, user.network.id, id).await?;
    let electors = electorate::electorate(&state.db.read, full.poll.id).await?;
    let choices = choices(&state, &doer, &electors).await?;
    let chosen = form
        .organisation_id
        .trim()
        .parse()
        .ok()
        .or(choices.first().map(|(c, _)| *c));
    let page = page(&state, ctx, &full, choices, chosen, form, errors).await?;
    render_status(status, &page)
}
