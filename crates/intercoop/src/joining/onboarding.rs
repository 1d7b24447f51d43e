//! The onboarding checklist of a new member organisation (issue 18, item 5), from its
//! acceptance. Nobody ticks a step by hand: each is read from the fact that proves it,
//! so it is ticked by the code path that makes the fact:
//!
//! | step | proved by | made by |
//! |---|---|---|
//! | booklet read | `onboarding.booklet_read_at` | a representative opening the booklet, page or PDF ([`booklet_opened`], called by `documentation::pages`) |
//! | representative confirmed | a sitting representative's `last_login_at` since the acceptance | logging in (the invitation's link) |
//! | software declared | a row in `organisation_software` | the application, or the organisation's form |
//! | first fee paid | a fee request of the organisation in this network, `paid` | the payments' matching |
//! | first assembly attended | one of its people marked present at an assembly since the acceptance | the attendance page |

use super::entities::onboarding;
use super::policy;
use crate::access::require;
use crate::api::{ApiUser, Json, parse_id};
use crate::auth::CurrentUser;
use crate::entities::{affiliation, organisation_software, person, representative};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::{Ctx, render, require_user};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use intercoop_domain::joining::{Checklist, Step};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};
use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

/// The checklist of a member organisation, as the page and the API show it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChecklistOut {
    pub organisation_id: i64,
    pub organisation: String,
    #[serde(with = "time::serde::rfc3339")]
    pub started_at: OffsetDateTime,
    /// Every step, in order, done or not.
    pub steps: Vec<StepOut>,
    /// Every step is done.
    pub complete: bool,
}

/// One step of the checklist.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StepOut {
    /// `booklet_read`, `representative_confirmed`, `software_declared`,
    /// `first_fee_paid` or `first_assembly_attended`.
    pub step: String,
    pub done: bool,
}

/// Records that a person opened the welcome booklet: the first time for each
/// organisation they represent whose onboarding has not seen it yet.
pub async fn booklet_opened(state: &AppState, user: &CurrentUser) -> AppResult<()> {
    let represents: Vec<i64> = user.doer().represents;
    if represents.is_empty() {
        return Ok(());
    }
    onboarding::Entity::update_many()
        .col_expr(onboarding::Column::BookletReadAt, Expr::val(crate::db::now()))
        .filter(onboarding::Column::NetworkId.eq(user.network.id))
        .filter(onboarding::Column::OrganisationId.is_in(represents))
        .filter(onboarding::Column::BookletReadAt.is_null())
        .exec(&state.db.write)
        .await?;
    Ok(())
}

/// The checklist of an organisation of the network (404 without an onboarding: it
/// did not join through an application).
pub async fn checklist<C: ConnectionTrait>(conn: &C, network_id: i64, organisation_id: i64) -> AppResult<ChecklistOut> {
    let o = onboarding::Entity::find()
        .filter(onboarding::Column::NetworkId.eq(network_id))
        .filter(onboarding::Column::OrganisationId.eq(organisation_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let since = o.started_at;
    let detail = crate::organisations::data::get(conn, network_id, organisation_id).await?;
    // Representatives who logged in since the acceptance.
    let reps: Vec<i64> = representative::Entity::find()
        .select_only()
        .column(representative::Column::PersonId)
        .filter(representative::Column::NetworkId.eq(network_id))
        .filter(representative::Column::OrganisationId.eq(organisation_id))
        .filter(representative::Column::Current.eq(true))
        .into_tuple()
        .all(conn)
        .await?;
    let confirmed = !reps.is_empty()
        && person::Entity::find()
            .filter(person::Column::Id.is_in(reps))
            .filter(person::Column::LastLoginAt.gte(since))
            .count(conn)
            .await?
            > 0;
    let software = organisation_software::Entity::find()
        .filter(organisation_software::Column::OrganisationId.eq(organisation_id))
        .count(conn)
        .await?
        > 0;
    use crate::money::entities::payment_request;
    let fee_paid = payment_request::Entity::find()
        .filter(payment_request::Column::NetworkId.eq(network_id))
        .filter(payment_request::Column::OrganisationId.eq(organisation_id))
        .filter(payment_request::Column::Purpose.eq(intercoop_domain::payments::PaymentPurpose::Fee.as_str()))
        .filter(payment_request::Column::Status.eq(intercoop_domain::payments::PaymentStatus::Paid.as_str()))
        .count(conn)
        .await?
        > 0;
    use crate::assemblies::entities::{answer, meeting};
    use intercoop_domain::meetings::MeetingKind;
    let people: Vec<i64> = affiliation::Entity::find()
        .select_only()
        .column(affiliation::Column::PersonId)
        .filter(affiliation::Column::NetworkId.eq(network_id))
        .filter(affiliation::Column::OrganisationId.eq(organisation_id))
        .into_tuple()
        .all(conn)
        .await?;
    let assemblies: Vec<i64> = meeting::Entity::find()
        .select_only()
        .column(meeting::Column::Id)
        .filter(meeting::Column::NetworkId.eq(network_id))
        .filter(meeting::Column::Kind.is_in([MeetingKind::Assembly.as_str(), MeetingKind::GeneralAssembly.as_str()]))
        .filter(meeting::Column::EndsAt.gte(since))
        .into_tuple()
        .all(conn)
        .await?;
    let attended = !people.is_empty()
        && !assemblies.is_empty()
        && answer::Entity::find()
            .filter(answer::Column::MeetingId.is_in(assemblies))
            .filter(answer::Column::PersonId.is_in(people))
            .filter(answer::Column::Present.eq(true))
            .count(conn)
            .await?
            > 0;
    let c = Checklist {
        booklet_read: o.booklet_read_at.is_some(),
        representative_confirmed: confirmed,
        software_declared: software,
        first_fee_paid: fee_paid,
        first_assembly_attended: attended,
    };
    Ok(ChecklistOut {
        organisation_id,
        organisation: detail.organisation.name,
        started_at: o.started_at,
        steps: Step::ALL
            .iter()
            .map(|s| StepOut {
                step: s.as_str().into(),
                done: c.done(*s),
            })
            .collect(),
        complete: c.complete(),
    })
}

#[derive(Template)]
#[template(path = "joining/onboarding.html")]
struct OnboardingPage {
    ctx: Ctx,
    lists: Vec<ChecklistOut>,
}

impl OnboardingPage {
    fn done_count(&self, c: &ChecklistOut) -> i64 {
        c.steps.iter().filter(|s| s.done).count() as i64
    }
}

/// `GET /organisations/{id}/onboarding`: an organisation's checklist.
pub async fn page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = parse_id(&id)?;
    require(policy::see_onboarding(&user.doer(), id))?;
    let list = checklist(&state.db.read, user.network.id, id).await?;
    render(&OnboardingPage { ctx, lists: vec![list] })
}

/// `GET /onboarding`: the checklists of the organisations the person represents.
pub async fn mine(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let mut lists = Vec::new();
    for org in user.doer().represents {
        match checklist(&state.db.read, user.network.id, org).await {
            Ok(c) => lists.push(c),
            Err(AppError::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    render(&OnboardingPage { ctx, lists })
}

/// An organisation's onboarding checklist (its representatives, the core circle and
/// administrators; 404 for an organisation that did not join through an application).
#[utoipa::path(get, path = "/api/v1/organisations/{id}/onboarding", tag = "joining",
    responses((status = 200, body = ChecklistOut), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<ChecklistOut>> {
    let id = parse_id(&id)?;
    require(policy::see_onboarding(&user.doer(), id))?;
    Ok(Json(checklist(&state.db.read, user.network.id, id).await?))
}
