//! People endpoints of the JSON API.

use super::data::{self, InviteInput, PersonRow, Tie};
use super::policy;
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, Page, Paginated, parse_id};
use crate::audit::Actor;
use crate::auth::NetworkInfo;
use crate::error::{AppError, AppResult};
use crate::idempotency;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use sea_orm::TransactionTrait;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A person with their organisations in the token's network.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonOut {
    #[serde(flatten)]
    pub person: PersonRow,
    pub organisations: Vec<Tie>,
}

/// Who the token belongs to.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub language: Option<String>,
    /// administrator, core_circle, representative, member, provider_staff
    pub roles: Vec<String>,
    #[schema(value_type = Object)]
    pub network: NetworkInfo,
    pub organisations: Vec<MyOrg>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyOrg {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub is_representative: bool,
}

/// The person behind the token, their roles and organisations.
#[utoipa::path(get, path = "/api/v1/me", tag = "people",
    responses((status = 200, body = Me), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn me(ApiUser(user): ApiUser) -> Json<Me> {
    Json(Me {
        id: user.person_id,
        name: user.name.clone(),
        email: user.email.clone(),
        language: user.language.map(|l| l.code().to_string()),
        roles: user.roles.iter().map(|r| r.as_str().to_string()).collect(),
        network: user.network.clone(),
        organisations: user
            .organisations
            .iter()
            .map(|o| MyOrg {
                id: o.id,
                name: o.name.clone(),
                kind: o.kind.to_string(),
                is_representative: o.is_representative,
            })
            .collect(),
    })
}

/// The people of the token's network, by name.
#[utoipa::path(get, path = "/api/v1/people", tag = "people", params(Page),
    responses((status = 200, body = Paginated<PersonOut>), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(page): Query<Page>,
) -> AppResult<Json<Paginated<PersonOut>>> {
    let (people, total) = data::list(&state.db, user.network.id, &page).await?;
    let ids: Vec<i64> = people.iter().map(|p| p.id).collect();
    let ties = data::ties(&state.db.read, user.network.id, &ids).await?;
    let items = people
        .into_iter()
        .map(|p| {
            let organisations = ties.iter().filter(|t| t.person_id == p.id).cloned().collect();
            PersonOut {
                person: p,
                organisations,
            }
        })
        .collect();
    Ok(Json(Paginated::new(items, &page, total)))
}

/// One person of the network.
#[utoipa::path(get, path = "/api/v1/people/{id}", tag = "people",
    responses((status = 200, body = PersonOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<PersonOut>> {
    let (person, organisations) = data::get(&state.db.read, user.network.id, parse_id(&id)?).await?;
    Ok(Json(PersonOut { person, organisations }))
}

/// An invitation (administrators).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InviteBody {
    pub email: String,
    pub name: String,
    pub organisation_id: Option<i64>,
    #[serde(default)]
    pub title: String,
    /// fr, en, de or nl
    pub language: Option<String>,
    #[serde(default)]
    pub representative: bool,
    #[serde(default)]
    pub admin: bool,
    #[serde(default)]
    pub core_circle: bool,
}

/// Invites a person by email (administrators): they receive a one-time login link.
#[utoipa::path(post, path = "/api/v1/people", tag = "people", request_body = InviteBody,
    responses((status = 201, body = PersonOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn invite(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<InviteBody>,
) -> AppResult<(StatusCode, Json<PersonOut>)> {
    require(policy::invite(&user.doer()))?;
    let bool_text = |b: bool| if b { "true".to_string() } else { String::new() };
    let input = InviteInput {
        email: body.email,
        name: body.name,
        organisation_id: body.organisation_id.map(|i| i.to_string()).unwrap_or_default(),
        title: body.title,
        language: body.language.unwrap_or_default(),
        representative: bool_text(body.representative),
        admin: bool_text(body.admin),
        core_circle: bool_text(body.core_circle),
    };
    let inv = input.validate().map_err(AppError::Invalid)?;
    let txn = state.db.write.begin().await?;
    let (person_id, _) = data::invite(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        &inv,
        &state.config.base_url,
        &user.name,
    )
    .await?;
    let (person, organisations) = data::get(&txn, user.network.id, person_id).await?;
    let answered = idempotency::commit(txn, StatusCode::CREATED, PersonOut { person, organisations }).await?;
    state.auth_cache.clear();
    Ok(answered)
}
