//! Pooling among cooperatives (issue 19, items 1–3, 5 and 6): pooled funds fed by
//! contributions (each a journal entry; periodic ones asked by a schedule, [`periodic`]), collaborative budgeting rounds in which
//! member organisations place their allocation in buckets (projects with a minimum and
//! a maximum), and matching funds (proportional with a cap, or quadratic funding).
//! The rules are the domain's (`intercoop_domain::pooling`); the money is in the
//! journal (`money::ledger`: bank / pool for a contribution, pool / bucket for a
//! funded bucket).

pub mod api;
pub mod close;
pub mod data;
pub mod entities;
pub mod jobs;
pub mod notifications;
pub mod pages;
mod pages_round;
mod pages_schedule;
pub mod periodic;
pub mod placements;
pub mod policy;
pub mod rounds;
pub mod seed;
pub mod shares;

use crate::access::Access::{Admin, Person, Policy};
use crate::state::AppState;
use crate::web::route_table::Routes;
use axum::extract::FromRef;

/// Pages and API; who may use them is [`policy`]'s.
pub fn routes<S>() -> Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    const PLACE: crate::access::Access = Policy("pools::policy::allocate_for");
    Routes::new()
        .get("/pools", Person, pages::list)
        .post("/pools", Admin, pages::create)
        .get("/pools/{id}", Person, pages::show)
        .post("/pools/{id}/contributions", Admin, pages::contribute)
        .get("/pools/{id}/schedule", Admin, pages_schedule::show)
        .post("/pools/{id}/schedule", Admin, pages_schedule::save)
        .get("/pools/{id}/rounds/new", Admin, pages_round::new_form)
        .post("/pools/{id}/rounds/new", Admin, pages_round::create)
        .get("/rounds/{id}", Person, pages_round::show)
        .post("/rounds/{id}/buckets", Person, pages_round::create_bucket)
        .get("/rounds/{id}/close", Admin, pages_round::close_form)
        .post("/rounds/{id}/close", Admin, pages_round::close)
        .get("/buckets/{id}", Person, pages_round::bucket)
        .post("/buckets/{id}/allocation", PLACE, pages_round::place)
        .get("/api/v1/pools", Person, api::list)
        .post("/api/v1/pools", Admin, api::create)
        .get("/api/v1/pools/{id}", Person, api::show)
        .get("/api/v1/pools/{id}/contributions", Person, api::contributions)
        .post("/api/v1/pools/{id}/contributions", Admin, api::contribute)
        .get("/api/v1/pools/{id}/schedule", Person, api::schedule)
        .put("/api/v1/pools/{id}/schedule", Admin, api::set_schedule)
        .get("/api/v1/rounds", Person, api::rounds)
        .post("/api/v1/rounds", Admin, api::create_round)
        .get("/api/v1/rounds/{id}", Person, api::round)
        .get("/api/v1/rounds/{id}/allocations", Person, api::allocations)
        .post("/api/v1/rounds/{id}/buckets", Person, api::create_bucket)
        .post("/api/v1/rounds/{id}/close", Admin, api::close_round)
        .get("/api/v1/rounds/{id}/result", Person, api::result)
        .get("/api/v1/buckets/{id}", Person, api::bucket)
        .put("/api/v1/buckets/{id}/allocation", PLACE, api::place)
}

/// The OpenAPI paths of pools and rounds.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        api::list,
        api::create,
        api::show,
        api::contributions,
        api::contribute,
        api::schedule,
        api::set_schedule,
        api::rounds,
        api::create_round,
        api::round,
        api::allocations,
        api::create_bucket,
        api::bucket,
        api::place,
        api::close_round,
        api::result
    ),
    components(schemas(
        data::PoolIn,
        data::PoolOut,
        data::ContributionIn,
        data::ContributionOut,
        periodic::ScheduleIn,
        periodic::ScheduleOut,
        rounds::RoundIn,
        rounds::MatchingIn,
        rounds::MatchingOut,
        rounds::RoundOut,
        rounds::BucketIn,
        rounds::BucketOut,
        placements::PlacementIn,
        placements::AllocationOut,
        close::ResultOut,
        close::BucketResult,
        api::BucketDetail,
        placements::PlacementOut
    )),
    tags((name = "pools", description = "Pooled funds, budgeting rounds, buckets and matching"))
)]
pub struct ApiDoc;
