//! Poll endpoints of the JSON API.

use super::ballots::{self, BallotInput, Receipt};
use super::data::{self, PollFull};
use super::input::PollInput;
use super::policy;
use super::result::{self, PollResult};
use super::{life, proxies};
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, Page, Paginated, parse_id};
use crate::audit::Actor;
use crate::error::{AppError, AppResult};
use crate::idempotency;
use crate::state::AppState;
use crate::web::Query;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use intercoop_domain::voting::MandateKind;
use sea_orm::TransactionTrait;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One option of a poll.
#[derive(Debug, Serialize, ToSchema)]
pub struct OptionOut {
    pub id: i64,
    pub label: String,
    /// The proposal behind the option (priority polls).
    pub proposal_id: Option<i64>,
}

/// A poll as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PollOut {
    pub id: i64,
    pub title: String,
    pub description: String,
    /// decision, consent, approval, points, schulze or majority_judgment
    pub method: String,
    /// The method's parameters: `{"kind", "quorum_percent", "threshold"}`, `{"kind", "budget"}`,
    /// `{"kind", "grade_count"}`…
    #[schema(value_type = Object)]
    pub method_params: serde_json::Value,
    /// organisations or people
    pub electorate: String,
    /// The kinds of member organisation the electorate counts (user, provider, partner,
    /// facilitator); `["user"]` unless the poll named others.
    pub organisation_kinds: Vec<String>,
    pub weighted: bool,
    pub secret: bool,
    pub hide_results: bool,
    /// draft, open or closed
    pub status: String,
    #[schema(value_type = Option<String>, format = DateTime)]
    #[serde(with = "time::serde::rfc3339::option")]
    pub opens_at: Option<time::OffsetDateTime>,
    #[schema(value_type = Option<String>, format = DateTime)]
    #[serde(with = "time::serde::rfc3339::option")]
    pub closes_at: Option<time::OffsetDateTime>,
    #[schema(value_type = Option<String>, format = DateTime)]
    #[serde(with = "time::serde::rfc3339::option")]
    pub opened_at: Option<time::OffsetDateTime>,
    #[schema(value_type = Option<String>, format = DateTime)]
    #[serde(with = "time::serde::rfc3339::option")]
    pub closed_at: Option<time::OffsetDateTime>,
    pub proposal_id: Option<i64>,
    #[schema(value_type = Option<Object>)]
    pub effect: Option<serde_json::Value>,
    pub priority: bool,
    pub max_proxies: i64,
    /// Total weight of who may vote, frozen at opening (0 before).
    pub electorate_weight: i64,
    pub options: Vec<OptionOut>,
}

pub fn out(full: PollFull) -> AppResult<PollOut> {
    let p = full.poll;
    Ok(PollOut {
        id: p.id,
        title: p.title,
        description: p.description,
        method: p.method.to_string(),
        method_params: serde_json::to_value(&p.method_params).map_err(anyhow::Error::from)?,
        electorate: p.electorate.to_string(),
        organisation_kinds: p.organisation_kinds.iter().map(|k| k.to_string()).collect(),
        weighted: p.weighted,
        secret: p.secret,
        hide_results: p.hide_results,
        status: p.status.to_string(),
        opens_at: p.opens_at,
        closes_at: p.closes_at,
        opened_at: p.opened_at,
        closed_at: p.closed_at,
        proposal_id: p.proposal_id,
        effect: p
            .effect
            .map(|e| serde_json::to_value(&e))
            .transpose()
            .map_err(anyhow::Error::from)?,
        priority: p.priority,
        max_proxies: p.max_proxies,
        electorate_weight: p.electorate_weight,
        options: full
            .options
            .into_iter()
            .map(|o| OptionOut {
                id: o.id,
                label: o.label,
                proposal_id: o.proposal_id,
            })
            .collect(),
    })
}

pub use super::data::PollRow;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ListParams {
    /// draft, open or closed
    pub status: Option<String>,
}

/// The polls of the token's network, newest first.
#[utoipa::path(get, path = "/api/v1/polls", tag = "polls", params(Page, ListParams),
    responses((status = 200, body = Paginated<PollRow>), (status = 401, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(page): Query<Page>,
    Query(params): Query<ListParams>,
) -> AppResult<Json<Paginated<PollRow>>> {
    let (rows, total) = data::list(&state.db, user.network.id, params.status.as_deref(), &page).await?;
    Ok(Json(Paginated::new(rows, &page, total)))
}

/// One poll with its options.
#[utoipa::path(get, path = "/api/v1/polls/{id}", tag = "polls",
    responses((status = 200, body = PollOut), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<PollOut>> {
    Ok(Json(out(
        data::get(&state.db.read, user.network.id, parse_id(&id)?).await?
    )?))
}

/// Creates a draft poll (administrators). Decision polls get the options yes, no and
/// abstain; a consent poll one option. A decision poll without `quorum_percent` or
/// `threshold` takes the network's defaults (`/api/v1/governance`). Returns the poll with its option ids.
#[utoipa::path(post, path = "/api/v1/polls", tag = "polls", request_body = PollInput,
    responses((status = 201, body = PollOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(mut body): ApiJson<PollInput>,
) -> AppResult<(StatusCode, Json<PollOut>)> {
    require(policy::manage(&user.doer()))?;
    // A decision poll that names no quorum or threshold takes the network's
    // (`/governance`).
    let (quorum, threshold) = crate::assemblies::governance::poll_defaults(&state.db.read, user.network.id).await?;
    body.quorum_percent.get_or_insert(quorum);
    body.threshold.get_or_insert(threshold);
    let valid = body.validate().map_err(AppError::Invalid)?;
    let txn = state.db.write.begin().await?;
    let id = data::create(&txn, Actor::person(user.person_id), user.network.id, &valid).await?;
    let answer = out(data::get(&txn, user.network.id, id).await?)?;
    idempotency::commit(txn, StatusCode::CREATED, answer).await
}

/// Opens a draft poll (administrators): who may vote is frozen now, and voters are emailed.
/// A poll weighted by size whose electorate has an organisation without a size is refused
/// (422 `poll-missing-size` on `weighted`, naming the organisations).
#[utoipa::path(post, path = "/api/v1/polls/{id}/open", tag = "polls",
    responses((status = 200, body = PollOut), (status = 403, body = crate::web::Problem), (status = 409, body = crate::web::Problem),
        (status = 422, body = crate::web::Problem, description = "weighted by size, and an organisation has no size")),
    security(("bearer" = [])))]
pub async fn open(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<PollOut>)> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    life::open(&txn, Actor::person(user.person_id), user.network.id, id).await?;
    let answer = out(data::get(&txn, user.network.id, id).await?)?;
    idempotency::commit(txn, StatusCode::OK, answer).await
}

/// Closes an open poll (administrators): counts it and publishes the result. A poll that
/// decides a proposal carries out its effect in the same transaction when it passes.
#[utoipa::path(post, path = "/api/v1/polls/{id}/close", tag = "polls",
    responses((status = 200, body = PollResult), (status = 403, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn close(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<PollResult>)> {
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let result = life::close(&txn, Actor::person(user.person_id), user.network.id, id).await?;
    idempotency::commit(txn, StatusCode::OK, result).await
}

/// Casts a ballot, or replaces the voter's earlier one. Send the field the method needs:
/// `choice` (decision), `objection` (consent; absent to consent), `approvals`, `points`,
/// `ranking` or `grades` (option ids). A representative votes for their organisation, a
/// delegate or proxy holder for the organisation that handed them its vote; an
/// administrator may record the ballot of any organisation in the electorate (as at a
/// physical assembly: the record says so).
#[utoipa::path(post, path = "/api/v1/polls/{id}/ballots", tag = "polls", request_body = BallotInput,
    responses((status = 201, body = Receipt), (status = 403, body = crate::web::Problem, description = "outside the electorate"),
        (status = 422, body = crate::web::Problem, description = "unknown option, ranked twice, over budget, unknown grade, poll not open")),
    security(("bearer" = [])))]
pub async fn ballot(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<BallotInput>,
) -> AppResult<(StatusCode, Json<Receipt>)> {
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let receipt = ballots::cast(&txn, &user.doer(), user.network.id, id, &body).await?;
    idempotency::commit(txn, StatusCode::CREATED, receipt).await
}

/// The result: `ranking` (option ids, best first), `winners` (several on a tie) and the
/// method's explanation in `details`. A live count while open, unless results are hidden
/// until closing (409).
#[utoipa::path(get, path = "/api/v1/polls/{id}/result", tag = "polls",
    responses((status = 200, body = PollResult), (status = 404, body = crate::web::Problem), (status = 409, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn result(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<PollResult>> {
    let full = data::get(&state.db.read, user.network.id, parse_id(&id)?).await?;
    Ok(Json(result::result(&state.db.read, &full).await?))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReceiptCheck {
    /// Is the ballot of this receipt in the count?
    pub counted: bool,
}

/// Checks a receipt: is its ballot counted? (A replaced ballot's receipt no longer is.)
#[utoipa::path(get, path = "/api/v1/polls/{id}/receipts/{code}", tag = "polls",
    responses((status = 200, body = ReceiptCheck)),
    security(("bearer" = [])))]
pub async fn receipt(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, code)): Path<(String, String)>,
) -> AppResult<Json<ReceiptCheck>> {
    let full = data::get(&state.db.read, user.network.id, parse_id(&id)?).await?;
    Ok(Json(ReceiptCheck {
        counted: ballots::check_receipt(&state.db.read, full.poll.id, &code).await?,
    }))
}

/// A delegation: the organisation's vote in this poll goes to another of its people.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DelegationBody {
    /// The organisation handing its vote (default: the one the caller represents).
    #[serde(default)]
    pub organisation_id: Option<i64>,
    pub person_id: i64,
}

/// A proxy: the organisation's vote in this poll goes to another member organisation's
/// representative (each organisation holds at most the poll's `max_proxies`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProxyBody {
    #[serde(default)]
    pub organisation_id: Option<i64>,
    pub holder_organisation_id: i64,
}

/// A delegation or proxy as stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct MandateOut {
    pub poll_id: i64,
    pub organisation_id: i64,
    /// delegate or proxy
    pub kind: String,
    pub person_id: Option<i64>,
    pub holder_organisation_id: Option<i64>,
}

fn mandate_out(m: super::entities::mandate::Model) -> MandateOut {
    MandateOut {
        poll_id: m.poll_id,
        organisation_id: m.organisation_id,
        kind: m.kind.to_string(),
        person_id: m.person_id,
        holder_organisation_id: m.holder_organisation_id,
    }
}

/// Hands the organisation's vote in an open poll to another person of the organisation
/// (its representative, or an administrator). Replaces an earlier delegation or proxy.
#[utoipa::path(post, path = "/api/v1/polls/{id}/delegations", tag = "polls", request_body = DelegationBody,
    responses((status = 201, body = MandateOut), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn delegate(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DelegationBody>,
) -> AppResult<(StatusCode, Json<MandateOut>)> {
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let m = proxies::give_mandate(
        &txn,
        &user.doer(),
        user.network.id,
        id,
        body.organisation_id,
        MandateKind::Delegate,
        body.person_id,
    )
    .await?;
    idempotency::commit(txn, StatusCode::CREATED, mandate_out(m)).await
}

/// Hands the organisation's vote in an open poll to another member organisation's
/// representative. 409 `poll-proxy-limit` when that organisation already holds its
/// maximum of proxies, 409 `poll-proxy-chain` when the giver holds others' proxies, 422
/// `poll-proxy-holder` when the holder gave its own vote away (no chains).
#[utoipa::path(post, path = "/api/v1/polls/{id}/proxies", tag = "polls", request_body = ProxyBody,
    responses((status = 201, body = MandateOut), (status = 403, body = crate::web::Problem), (status = 409, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn proxy(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ProxyBody>,
) -> AppResult<(StatusCode, Json<MandateOut>)> {
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let m = proxies::give_mandate(
        &txn,
        &user.doer(),
        user.network.id,
        id,
        body.organisation_id,
        MandateKind::Proxy,
        body.holder_organisation_id,
    )
    .await?;
    idempotency::commit(txn, StatusCode::CREATED, mandate_out(m)).await
}
