//! Work sharing (issue 19, item 4): a member posts an opportunity (a tender, a client's
//! request: scope, budget, days, dates, skills, a finder's fee); others declare their
//! interest and capacity; the poster forms a team and the work and the money are split
//! by capacities or agreed shares, exact to the cent, the finder's fee first. Each member
//! sees how busy it will be; a capacity changed after the team is formed proposes a new
//! split, in force only once every team member has consented.
//!
//! The rules are `intercoop_domain::work_sharing`'s; the reads [`data`]'s, the writes
//! [`write`]'s; who may is [`policy`]'s.

pub mod api;
pub mod busy;
pub mod data;
pub mod ending;
pub mod entities;
pub mod forms;
pub mod notifications;
pub mod pages;
pub mod policy;
pub mod seed;
pub mod write;

use crate::access::Access::{Person, Policy};
use crate::state::AppState;
use crate::web::route_table::Routes;
use axum::extract::FromRef;

/// Pages and API; who may use them is [`policy`]'s.
pub fn routes<S>() -> Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    Routes::new()
        .get("/opportunities", Person, pages::list)
        .get("/opportunities/new", Person, pages::new_form)
        .post("/opportunities/new", Policy("work::policy::post_for"), pages::create)
        .get("/opportunities/{id}", Person, pages::show)
        .get("/opportunities/{id}/interest", Person, pages::interest_form)
        .post(
            "/opportunities/{id}/interest",
            Policy("work::policy::declare_for"),
            pages::declare,
        )
        .get("/opportunities/{id}/team", Person, pages::team_form)
        .post(
            "/opportunities/{id}/team",
            Policy("work::policy::form_team"),
            pages::form_team,
        )
        .get("/opportunities/{id}/close", Person, ending::close_form)
        .post("/opportunities/{id}/close", Policy("work::policy::end"), ending::close)
        .post(
            "/opportunities/{id}/consent",
            Policy("work::policy::consent_for"),
            pages::consent,
        )
        .get("/busyness", Person, pages::busyness)
        .get("/api/v1/opportunities", Person, api::list)
        .post("/api/v1/opportunities", Policy("work::policy::post_for"), api::create)
        .get("/api/v1/opportunities/{id}", Person, api::show)
        .get("/api/v1/opportunities/{id}/interests", Person, api::interests)
        .put(
            "/api/v1/opportunities/{id}/interests",
            Policy("work::policy::declare_for"),
            api::declare,
        )
        .get("/api/v1/opportunities/{id}/team", Person, api::team)
        .post(
            "/api/v1/opportunities/{id}/team",
            Policy("work::policy::form_team"),
            api::form_team,
        )
        .post(
            "/api/v1/opportunities/{id}/team/consents",
            Policy("work::policy::consent_for"),
            api::consent,
        )
        .post(
            "/api/v1/opportunities/{id}/close",
            Policy("work::policy::end"),
            ending::end,
        )
        .get("/api/v1/busyness", Person, api::busyness)
}

/// The OpenAPI paths of work sharing.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        api::list,
        api::create,
        api::show,
        api::interests,
        api::declare,
        api::team,
        api::form_team,
        api::consent,
        ending::end,
        api::busyness
    ),
    components(schemas(
        data::OpportunityIn,
        data::InterestIn,
        data::TeamIn,
        data::TeamMemberIn,
        data::ConsentIn,
        data::OpportunitySummary,
        data::OpportunityOut,
        data::InterestOut,
        data::TeamOut,
        data::SplitOut,
        data::LineOut,
        data::ConsentOut,
        busy::BusynessOut,
        busy::MonthOut,
        api::OpportunitiesOut,
        ending::EndIn
    ))
)]
pub struct ApiDoc;
