//! Organisation endpoints of the JSON API.

use super::data::{self, ListFilter, OrganisationInput, OrganisationRow};
use super::policy;
use super::representatives::{self, MandateRow};
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, Page, Paginated, parse_id};
use crate::audit::Actor;
use crate::error::AppResult;
use crate::idempotency;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// An organisation as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationOut {
    pub id: i64,
    pub name: String,
    /// user, provider, partner or facilitator
    pub kind: String,
    pub country: String,
    pub language: String,
    pub address: String,
    pub company_number: String,
    pub size: Option<i64>,
    pub bank_account: String,
    pub website: String,
    pub software: Vec<String>,
    /// candidate, member or former
    pub status: String,
    /// observer or active
    pub level: String,
    #[serde(with = "crate::api::iso_date::option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub joined_on: Option<time::Date>,
    #[serde(with = "crate::api::iso_date::option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub left_on: Option<time::Date>,
    pub representatives: Vec<MandateRow>,
    /// How many other networks hold this organisation. Its size, status, level,
    /// representative and people are this network's; what it is (name, kind, country,
    /// language, address, company number, bank account, website, software) is shared,
    /// and a change of it is recorded in those networks' audit logs too.
    pub other_networks: i64,
}

/// A new organisation, or the changes to one (PATCH: only the fields sent change).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationBody {
    pub name: Option<String>,
    /// user, provider, partner or facilitator
    pub kind: Option<String>,
    pub country: Option<String>,
    pub language: Option<String>,
    pub address: Option<String>,
    pub company_number: Option<String>,
    /// e.g. number of member households (used by sharing keys and polls weighted by size)
    pub size: Option<i64>,
    pub bank_account: Option<String>,
    pub website: Option<String>,
    pub software: Option<Vec<String>>,
    /// candidate, member (default) or former
    pub status: Option<String>,
    /// active (default) or observer
    pub level: Option<String>,
}

impl OrganisationBody {
    fn apply(self, mut input: OrganisationInput) -> OrganisationInput {
        let set = |target: &mut String, v: Option<String>| {
            if let Some(v) = v {
                *target = v;
            }
        };
        set(&mut input.name, self.name);
        set(&mut input.kind, self.kind);
        set(&mut input.country, self.country);
        set(&mut input.language, self.language);
        set(&mut input.address, self.address);
        set(&mut input.company_number, self.company_number);
        set(&mut input.bank_account, self.bank_account);
        set(&mut input.website, self.website);
        set(&mut input.status, self.status);
        set(&mut input.level, self.level);
        if let Some(size) = self.size {
            input.size = size.to_string();
        }
        if let Some(software) = self.software {
            input.software = software.join("\n");
        }
        input
    }
}

/// An organisation as the API shows it (read in the write's transaction by the writes).
async fn out<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<OrganisationOut> {
    let d = data::get(conn, network_id, id).await?;
    let representatives = representatives::mandates(conn, network_id, id).await?;
    Ok(OrganisationOut {
        id,
        name: d.organisation.name,
        kind: d.organisation.kind.to_string(),
        country: d.organisation.country,
        language: d.organisation.language,
        address: d.organisation.address,
        company_number: d.organisation.company_number,
        size: d.membership.size,
        bank_account: d.organisation.bank_account,
        website: d.organisation.website,
        software: d.software,
        status: d.membership.status.to_string(),
        level: d.membership.level.to_string(),
        joined_on: d.membership.joined_on,
        left_on: d.membership.left_on,
        representatives,
        other_networks: d.other_networks,
    })
}

/// The organisations of the token's network, by name.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations",
    params(Page, ListFilter),
    responses((status = 200, body = Paginated<OrganisationRow>), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(page): Query<Page>,
    Query(filter): Query<ListFilter>,
) -> AppResult<Json<Paginated<OrganisationRow>>> {
    let (items, total) = data::list(&state.db, user.network.id, &filter, &page).await?;
    Ok(Json(Paginated::new(items, &page, total)))
}

/// One organisation, with its software and representative history.
#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "organisations",
    responses((status = 200, body = OrganisationOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<OrganisationOut>> {
    Ok(Json(out(&state.db.read, user.network.id, parse_id(&id)?).await?))
}

/// Adds an organisation to the network (administrators).
#[utoipa::path(post, path = "/api/v1/organisations", tag = "organisations", request_body = OrganisationBody,
    responses((status = 201, body = OrganisationOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<OrganisationBody>,
) -> AppResult<(StatusCode, Json<OrganisationOut>)> {
    require(policy::manage(&user.doer()))?;
    let valid = body
        .apply(OrganisationInput::default())
        .validate()
        .map_err(crate::error::AppError::Invalid)?;
    let txn = state.db.write.begin().await?;
    let id = data::create(&txn, Actor::person(user.person_id), user.network.id, &valid).await?;
    let answer = out(&txn, user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}

/// Changes an organisation (administrators).
#[utoipa::path(patch, path = "/api/v1/organisations/{id}", tag = "organisations", request_body = OrganisationBody,
    responses((status = 200, body = OrganisationOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<OrganisationBody>,
) -> AppResult<(StatusCode, Json<OrganisationOut>)> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let d = data::get(&state.db.read, user.network.id, id).await?;
    let current = OrganisationInput::from_detail(&d);
    let valid = body
        .apply(current)
        .validate()
        .map_err(crate::error::AppError::Invalid)?;
    let txn = state.db.write.begin().await?;
    data::update(&txn, Actor::person(user.person_id), user.network.id, id, &valid).await?;
    let answer = out(&txn, user.network.id, id).await?;
    let answered = idempotency::commit(txn, StatusCode::OK, answer).await?;
    state.auth_cache.clear();
    Ok(answered)
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct RepresentativeBody {
    pub person_id: i64,
}

/// Appoints the organisation's representative (administrators, or the sitting representative).
#[utoipa::path(put, path = "/api/v1/organisations/{id}/representative", tag = "organisations", request_body = RepresentativeBody,
    responses((status = 200, body = OrganisationOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn set_representative(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<RepresentativeBody>,
) -> AppResult<(StatusCode, Json<OrganisationOut>)> {
    let id = parse_id(&id)?;
    require(policy::name_representative(&user.doer(), id))?;
    let txn = state.db.write.begin().await?;
    data::get(&txn, user.network.id, id).await?;
    representatives::set_representative(&txn, Actor::person(user.person_id), user.network.id, id, body.person_id)
        .await?;
    let answer = out(&txn, user.network.id, id).await?;
    let answered = idempotency::commit(txn, StatusCode::OK, answer).await?;
    state.auth_cache.clear();
    Ok(answered)
}
