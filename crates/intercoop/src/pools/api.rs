//! Pools and budgeting rounds in the JSON API (the rules are [`super::data`]'s,
//! [`super::rounds`]' and [`super::close`]'s; who may, [`super::policy`]'s).

use super::close::{self, ResultOut};
use super::data::{self, ContributionIn, ContributionOut, PoolIn, PoolOut};
use super::placements::{self, AllocationOut, PlacementIn, PlacementOut};
use super::policy;
use super::rounds::{self, BucketIn, BucketOut, RoundIn, RoundOut};
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, parse_id};
use crate::audit::Actor;
use crate::error::{AppError, AppResult};
use crate::idempotency;
use crate::state::AppState;
use crate::web::Query;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use sea_orm::TransactionTrait;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The network's pools with their money.
#[utoipa::path(get, path = "/api/v1/pools", tag = "pools",
    responses((status = 200, body = Vec<PoolOut>), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn list(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<Vec<PoolOut>>> {
    Ok(Json(data::list(&state.db.read, user.network.id).await?))
}

/// Makes a pool (administrators). 422 on `name`, `description`.
#[utoipa::path(post, path = "/api/v1/pools", tag = "pools", request_body = PoolIn,
    responses((status = 201, body = PoolOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<PoolIn>,
) -> AppResult<(StatusCode, Json<PoolOut>)> {
    require(policy::manage(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let row = data::create(&txn, Actor::person(user.person_id), user.network.id, &body).await?;
    let out = data::show(&txn, user.network.id, row.id).await?;
    idempotency::commit(txn, StatusCode::CREATED, out).await
}

/// One pool with its money.
#[utoipa::path(get, path = "/api/v1/pools/{id}", tag = "pools",
    responses((status = 200, body = PoolOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<PoolOut>> {
    Ok(Json(data::show(&state.db.read, user.network.id, parse_id(&id)?).await?))
}

/// A pool's contributions, newest first.
#[utoipa::path(get, path = "/api/v1/pools/{id}/contributions", tag = "pools",
    responses((status = 200, body = Vec<ContributionOut>), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn contributions(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<ContributionOut>>> {
    Ok(Json(
        data::contributions(&state.db.read, user.network.id, parse_id(&id)?).await?,
    ))
}

/// Records money received into a pool (administrators): the contribution and its
/// journal entry (bank / pool). 422 on `organisation_id` (not a member organisation;
/// required unless `kind` is `grant`), `amount_cents`, `received` (must be true),
/// `kind`, `note`.
#[utoipa::path(post, path = "/api/v1/pools/{id}/contributions", tag = "pools", request_body = ContributionIn,
    responses((status = 201, body = ContributionOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn contribute(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ContributionIn>,
) -> AppResult<(StatusCode, Json<ContributionOut>)> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let row = data::contribute(&txn, Actor::person(user.person_id), user.network.id, id, &body).await?;
    let names = data::names(&txn, row.organisation_id.into_iter().collect()).await?;
    idempotency::commit(txn, StatusCode::CREATED, data::contribution_out(row, &names)).await
}

/// Which rounds to list.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct RoundsQuery {
    /// Only this pool's rounds.
    pub pool_id: Option<i64>,
}

/// The network's rounds (without their buckets), the latest closing first.
#[utoipa::path(get, path = "/api/v1/rounds", tag = "pools", params(RoundsQuery),
    responses((status = 200, body = Vec<RoundOut>), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn rounds(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(q): Query<RoundsQuery>,
) -> AppResult<Json<Vec<RoundOut>>> {
    Ok(Json(rounds::list(&state.db.read, user.network.id, q.pool_id).await?))
}

/// Opens a budgeting round on a pool (administrators): every member organisation gets
/// its allocation of what the pool has available, less the matching pool. 422 on each
/// field (`closes_at` before `opens_at` or past, `allocation`, `returns`,
/// `matching.kind`, `matching.pool_cents` above what is available); 409
/// `pools-nothing-to-share`.
#[utoipa::path(post, path = "/api/v1/rounds", tag = "pools", request_body = RoundIn,
    responses((status = 201, body = RoundOut), (status = 403, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create_round(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<RoundIn>,
) -> AppResult<(StatusCode, Json<RoundOut>)> {
    require(policy::manage(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    let row = rounds::create(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        &user.network.time_zone,
        &body,
    )
    .await?;
    let out = rounds::show(&txn, user.network.id, row.id).await?;
    idempotency::commit(txn, StatusCode::CREATED, out).await
}

/// A round with its buckets.
#[utoipa::path(get, path = "/api/v1/rounds/{id}", tag = "pools",
    responses((status = 200, body = RoundOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn round(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<RoundOut>> {
    Ok(Json(
        rounds::show_kept(&state.db, user.network.id, parse_id(&id)?).await?,
    ))
}

/// Every participant's allocation in a round: given, placed, left, returned.
#[utoipa::path(get, path = "/api/v1/rounds/{id}/allocations", tag = "pools",
    responses((status = 200, body = Vec<AllocationOut>), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn allocations(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<AllocationOut>>> {
    Ok(Json(
        placements::allocations(&state.db.read, user.network.id, parse_id(&id)?).await?,
    ))
}

/// Proposes a bucket in a round before it closes (any person of the network). 422 on
/// `title`, `description`, `breakdown`, `min_cents`, `max_cents` (below the minimum);
/// 409 `pools-round-closed`.
#[utoipa::path(post, path = "/api/v1/rounds/{id}/buckets", tag = "pools", request_body = BucketIn,
    responses((status = 201, body = BucketOut), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create_bucket(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<BucketIn>,
) -> AppResult<(StatusCode, Json<BucketOut>)> {
    require(policy::propose(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let row = rounds::create_bucket(&txn, Actor::person(user.person_id), user.network.id, id, &body).await?;
    idempotency::commit(txn, StatusCode::CREATED, rounds::bucket_out(row, false)).await
}

/// A bucket with what each organisation placed in it.
#[derive(Debug, Serialize, ToSchema)]
pub struct BucketDetail {
    #[serde(flatten)]
    pub bucket: BucketOut,
    pub placements: Vec<PlacementOut>,
}

/// A bucket with its placements.
#[utoipa::path(get, path = "/api/v1/buckets/{id}", tag = "pools",
    responses((status = 200, body = BucketDetail), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn bucket(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<BucketDetail>> {
    let conn = &state.db.read;
    let b = rounds::get_bucket(conn, user.network.id, parse_id(&id)?).await?;
    let r = rounds::get(conn, user.network.id, b.round_id).await?;
    let placements = placements::placements(conn, b.id).await?;
    Ok(Json(BucketDetail {
        bucket: rounds::bucket_out(b, r.status == super::entities::CLOSED),
        placements,
    }))
}

/// The organisation a person places for: the one named, else their only member
/// organisation (422 on `organisation_id` when they have several); 403 when they may
/// not place for it.
pub fn placing_for(user: &crate::auth::CurrentUser, named: Option<i64>) -> AppResult<i64> {
    let doer = user.doer();
    let org = match named {
        Some(o) => o,
        None => match doer.organisations.as_slice() {
            [only] => *only,
            [] => return Err(AppError::Forbidden),
            _ => return Err(AppError::invalid("organisation_id", "required")),
        },
    };
    require(policy::allocate_for(&doer, org))?;
    Ok(org)
}

/// Sets an organisation's amount in a bucket (the people of that organisation), while
/// the round takes placements; 0 takes it back. 422 on `amount_cents` (more than the
/// allocation left, more than the bucket still needs) or `organisation_id` (no
/// allocation); 409 `pools-round-not-open`, `pools-round-closed`,
/// `pools-placement-changed`. Nothing is stored then.
#[utoipa::path(put, path = "/api/v1/buckets/{id}/allocation", tag = "pools", request_body = PlacementIn,
    responses((status = 200, body = BucketOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn place(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PlacementIn>,
) -> AppResult<(StatusCode, Json<BucketOut>)> {
    let id = parse_id(&id)?;
    let org = placing_for(&user, body.organisation_id)?;
    let txn = state.db.write.begin().await?;
    placements::place(
        &txn,
        Actor::person(user.person_id),
        user.network.id,
        id,
        org,
        body.amount_cents,
    )
    .await?;
    let b = rounds::get_bucket(&txn, user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::OK, rounds::bucket_out(b, false)).await
}

/// Closes a round after its closing instant (administrators; the job `pools.close`
/// does it at that instant): computes the result once, posts the funded buckets'
/// money, sends the result. Closing a closed round answers its result again. 409
/// `pools-round-not-over` before `closes_at`.
#[utoipa::path(post, path = "/api/v1/rounds/{id}/close", tag = "pools",
    responses((status = 200, body = ResultOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn close_round(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<ResultOut>)> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    close::close(&txn, Actor::person(user.person_id), user.network.id, id).await?;
    let out = close::result(&txn, user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::OK, out).await
}

/// A closed round's result: each bucket funded or not, what it kept and was matched,
/// and what was returned. 409 `pools-round-open` before the close.
#[utoipa::path(get, path = "/api/v1/rounds/{id}/result", tag = "pools",
    responses((status = 200, body = ResultOut), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn result(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<ResultOut>> {
    Ok(Json(
        close::result(&state.db.read, user.network.id, parse_id(&id)?).await?,
    ))
}

/// A pool's periodic contributions (what each member organisation is asked per
/// period); 404 when the pool has none.
#[utoipa::path(get, path = "/api/v1/pools/{id}/schedule", tag = "pools",
    responses((status = 200, body = super::periodic::ScheduleOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn schedule(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<super::periodic::ScheduleOut>> {
    let s = super::periodic::get(&state.db.read, user.network.id, parse_id(&id)?)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(s.into()))
}

/// Sets a pool's periodic contributions (administrators): applies to every period not
/// yet asked (the daily job asks a period on its first day). 422 on `amount_cents`
/// (not more than 0), `period` (not `weekly` or `monthly`), `starts_on` (not a day).
#[utoipa::path(put, path = "/api/v1/pools/{id}/schedule", tag = "pools", request_body = super::periodic::ScheduleIn,
    responses((status = 200, body = super::periodic::ScheduleOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn set_schedule(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<super::periodic::ScheduleIn>,
) -> AppResult<(StatusCode, Json<super::periodic::ScheduleOut>)> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let row = super::periodic::set(&txn, Actor::person(user.person_id), user.network.id, id, &body).await?;
    let out: super::periodic::ScheduleOut = row.into();
    idempotency::commit(txn, StatusCode::OK, out).await
}
