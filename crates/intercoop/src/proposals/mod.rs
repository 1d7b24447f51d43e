//! Proposals, from need to delivery: posting a need, "we need it too", comments and
//! objections, quotes, the lifecycle, the network's priority order, and the co-funding
//! steps of the lifecycle (the money side is `crate::funding`'s).
//!
//! # Layout
//! - `data`: reading a proposal; `needs`: posting, interest, comments; `quotes`;
//!   `lifecycle`: transitions and delivery; `priority`: the order a priority poll sets;
//!   `effects`: what a passed poll does to a proposal.
//! - `cofunding`: opening, closing and adopting, with the proposal's moves.
//! - `views`, `commitments`: read models; `notifications`: who is told of a posted
//!   proposal.
//! - `api`, `pages` (and `cofunding_api`, `cofunding_pages`): the JSON API and pages;
//!   `quote_pages`, `campaign_pages`: quoting and opening the co-funding from the web.
//!
//! Every change runs in the caller's transaction and records its audit entry and its
//! timeline event (`crate::timeline`) there; emails are enqueued in the same
//! transaction.

pub mod api;
pub mod campaign_pages;
pub mod cofunding;
pub mod cofunding_api;
pub mod cofunding_pages;
pub mod commitments;
pub mod data;
mod demo;
pub mod effects;
pub mod entities;
pub mod jobs;
pub mod lifecycle;
pub mod needs;
pub mod notifications;
pub mod pages;
pub mod policy;
pub mod priority;
pub mod quote_pages;
pub mod quotes;
pub mod views;

pub use effects::{ProposalEffect, apply_effect};

use crate::access::Access::{self, Person, Policy};
use crate::auth::CurrentUser;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::dashboard::{DashboardItem, DashboardSection};
use crate::web::route_table::Routes;
use axum::extract::FromRef;

/// Pages and API; who may use them is [`policy`]'s, and `funding::policy`'s for the
/// co-funding steps.
pub fn routes<S>() -> Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
    crate::funding::FundingState: FromRef<S>,
{
    const POST_FOR: Access = Policy("proposals::policy::post_for");
    const NEED_TOO: Access = Policy("proposals::policy::need_too");
    const MOVE_TO: Access = Policy("proposals::policy::move_to");
    const ADD_QUOTE: Access = Policy("proposals::policy::add_quote");
    const SELECT_QUOTE: Access = Policy("proposals::policy::select_quote");
    const DELIVER: Access = Policy("proposals::policy::deliver");
    const OPEN_CAMPAIGN: Access = Policy("funding::policy::open_campaign");
    const CLOSE_CAMPAIGN: Access = Policy("funding::policy::close_campaign");
    const PLEDGE_FOR: Access = Policy("funding::policy::pledge_for");
    const ADOPT_FOR: Access = Policy("funding::policy::adopt_for");
    const SEE_COMMITMENTS: Access = Policy("funding::policy::see_commitments");
    Routes::new()
        .get("/proposals", Person, pages::list)
        .post("/proposals", POST_FOR, pages::create)
        .get("/proposals/new", Person, pages::new_form)
        .get("/proposals/commitments", Person, cofunding_pages::commitments)
        .get("/proposals/{id}", Person, pages::show)
        .post("/proposals/{id}/interest", NEED_TOO, pages::interest)
        .post("/proposals/{id}/comments", Person, pages::comment)
        .post("/proposals/{id}/transition", MOVE_TO, pages::transition)
        .post("/proposals/{id}/pledge", PLEDGE_FOR, cofunding_pages::pledge)
        .post("/proposals/{id}/pledge/withdraw", PLEDGE_FOR, cofunding_pages::withdraw)
        .post("/proposals/{id}/close", CLOSE_CAMPAIGN, cofunding_pages::close)
        .get("/proposals/{id}/campaign/new", OPEN_CAMPAIGN, campaign_pages::new_form)
        .post("/proposals/{id}/campaign", OPEN_CAMPAIGN, campaign_pages::open_campaign)
        .get("/proposals/{id}/quotes/new", ADD_QUOTE, quote_pages::new_form)
        .post("/proposals/{id}/quotes", ADD_QUOTE, quote_pages::create)
        .post(
            "/proposals/{id}/quotes/{quote_id}/select",
            SELECT_QUOTE,
            pages::select_quote,
        )
        .post("/proposals/{id}/deliver", DELIVER, pages::deliver)
        .post("/proposals/{id}/adopt", ADOPT_FOR, cofunding_pages::adopt)
        .get("/api/v1/proposals", Person, api::list)
        .post("/api/v1/proposals", POST_FOR, api::create)
        .get("/api/v1/proposals/{id}", Person, api::show)
        .post("/api/v1/proposals/{id}/transition", MOVE_TO, api::transition)
        .post("/api/v1/proposals/{id}/interest", NEED_TOO, api::interest)
        .post("/api/v1/proposals/{id}/comments", Person, api::comment)
        .post("/api/v1/proposals/{id}/quotes", ADD_QUOTE, api::add_quote)
        .post(
            "/api/v1/proposals/{id}/quotes/{quote_id}/select",
            SELECT_QUOTE,
            api::select_quote,
        )
        .post(
            "/api/v1/proposals/{id}/campaign",
            OPEN_CAMPAIGN,
            cofunding_api::open_campaign,
        )
        .post("/api/v1/proposals/{id}/pledges", PLEDGE_FOR, cofunding_api::pledge)
        .delete("/api/v1/proposals/{id}/pledges", PLEDGE_FOR, cofunding_api::withdraw)
        .get("/api/v1/proposals/{id}/shares", Person, cofunding_api::shares)
        .get("/api/v1/proposals/{id}/preview", Person, cofunding_api::preview)
        .post("/api/v1/proposals/{id}/close", CLOSE_CAMPAIGN, cofunding_api::close)
        .post("/api/v1/proposals/{id}/deliver", DELIVER, api::deliver)
        .post("/api/v1/proposals/{id}/adopt", ADOPT_FOR, cofunding_api::adopt)
        .get("/api/v1/commitments", SEE_COMMITMENTS, cofunding_api::commitments)
}

/// The OpenAPI paths of this feature area, merged into `/api/openapi.json`.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        api::list,
        api::create,
        api::show,
        api::transition,
        api::interest,
        api::comment,
        api::add_quote,
        api::select_quote,
        cofunding_api::open_campaign,
        cofunding_api::pledge,
        cofunding_api::withdraw,
        cofunding_api::shares,
        cofunding_api::preview,
        cofunding_api::close,
        api::deliver,
        cofunding_api::adopt,
        cofunding_api::commitments
    ),
    components(schemas(
        api::ProposalBody,
        api::TransitionBody,
        api::OrganisationRef,
        api::CommentBody,
        api::QuoteBody,
        cofunding_api::PledgeBody,
        cofunding_api::PreviewOut,
        cofunding_api::ChangeOut,
        crate::funding::terms::CampaignBody,
        crate::funding::terms::FixedBody,
        quotes::Milestone,
        crate::funding::closing::Closed,
        crate::money::requests::PaymentRequestOut,
        crate::funding::catch_up::Adoption,
        crate::funding::catch_up::CreditOut,
        views::ProposalRow,
        views::ProposalOut,
        views::QuoteOut,
        views::CommentOut,
        views::EventOut,
        crate::funding::views::CampaignOut,
        crate::funding::views::SharesOut,
        crate::funding::views::ShareOut,
        commitments::Commitments,
        commitments::CommitmentOut,
        commitments::CreditLine,
        ProposalEffect
    )),
    tags((name = "proposals", description = "Proposals, quotes, co-funding campaigns, pledges, shares, catch-up shares"))
)]
pub struct ApiDoc;

/// What this feature asks of the person on the dashboard ("what needs me").
pub async fn dashboard_section(
    state: &AppState,
    user: &CurrentUser,
    lang: crate::i18n::Lang,
) -> AppResult<Option<DashboardSection>> {
    let doer = crate::access::Doer::user(user);
    let filter = views::ListFilter {
        mine: Some(true),
        ..Default::default()
    };
    let rows = views::first_rows(&state.db.read, user.network.id, &doer, &filter, 10).await?;
    if rows.is_empty() {
        return Ok(None);
    }
    let items = rows
        .into_iter()
        .take(10)
        .map(|r| DashboardItem {
            text: r.title.clone(),
            href: format!("/proposals/{}", r.id),
            detail: lang.t(&format!("proposals-status-{}", r.status)),
        })
        .collect();
    Ok(Some(DashboardSection {
        title: lang.t("proposals-dashboard-title"),
        items,
    }))
}

/// For administrators: the decisions of polls that could not be carried out on their
/// proposal, until someone acts on it (see `effects::decisions_to_check`).
pub async fn decisions_section(
    state: &AppState,
    user: &CurrentUser,
    lang: crate::i18n::Lang,
) -> AppResult<Option<DashboardSection>> {
    if !crate::funding::policy::open_campaign(&user.doer()) {
        return Ok(None);
    }
    let list = effects::decisions_to_check(&state.db.read, user.network.id).await?;
    if list.is_empty() {
        return Ok(None);
    }
    Ok(Some(DashboardSection {
        title: lang.t("proposals-decisions-title"),
        items: list
            .into_iter()
            .map(|d| DashboardItem {
                text: d.title,
                href: format!("/proposals/{}", d.proposal_id),
                detail: lang.t_args(
                    "proposals-decision-not-carried-out",
                    &[
                        ("poll", crate::i18n::Arg::Num(d.poll_id.unwrap_or_default())),
                        ("reason", lang.t(&format!("error-{}", d.reason)).into()),
                    ],
                ),
            })
            .collect(),
    }))
}

/// Demo content of this feature area, loaded in the demo's first network.
pub async fn load_demo<C: sea_orm::ConnectionTrait>(conn: &C, network_id: i64) -> anyhow::Result<()> {
    demo::load_demo(conn, network_id).await
}
