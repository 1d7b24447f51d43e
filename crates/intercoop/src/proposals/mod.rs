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
//! - `api`, `pages` (and `cofunding_api`, `cofunding_pages`): the JSON API and pages.
//!
//! Every change runs in the caller's transaction and records its audit entry and its
//! timeline event (`crate::timeline`) there; emails are enqueued in the same
//! transaction.

pub mod api;
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
pub mod priority;
pub mod quotes;
pub mod views;

pub use effects::{ProposalEffect, apply_effect};

use crate::auth::CurrentUser;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::dashboard::{DashboardItem, DashboardSection};
use axum::Router;
use axum::extract::FromRef;
use axum::routing::{get, post};

/// Pages of this feature area.
pub fn router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
    crate::funding::FundingState: FromRef<S>,
{
    Router::new()
        .route("/proposals", get(pages::list).post(pages::create))
        .route("/proposals/new", get(pages::new_form))
        .route("/proposals/commitments", get(cofunding_pages::commitments))
        .route("/proposals/{id}", get(pages::show))
        .route("/proposals/{id}/interest", post(pages::interest))
        .route("/proposals/{id}/comments", post(pages::comment))
        .route("/proposals/{id}/transition", post(pages::transition))
        .route("/proposals/{id}/pledge", post(cofunding_pages::pledge))
        .route("/proposals/{id}/pledge/withdraw", post(cofunding_pages::withdraw))
        .route("/proposals/{id}/close", post(cofunding_pages::close))
        .route("/proposals/{id}/campaign", post(cofunding_pages::open_campaign))
        .route("/proposals/{id}/quotes/{quote_id}/select", post(pages::select_quote))
        .route("/proposals/{id}/deliver", post(pages::deliver))
        .route("/proposals/{id}/adopt", post(cofunding_pages::adopt))
}

/// JSON API of this feature area.
pub fn api_router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
    crate::funding::FundingState: FromRef<S>,
{
    Router::new()
        .route("/api/v1/proposals", get(api::list).post(api::create))
        .route("/api/v1/proposals/{id}", get(api::show))
        .route("/api/v1/proposals/{id}/transition", post(api::transition))
        .route("/api/v1/proposals/{id}/interest", post(api::interest))
        .route("/api/v1/proposals/{id}/comments", post(api::comment))
        .route("/api/v1/proposals/{id}/quotes", post(api::add_quote))
        .route(
            "/api/v1/proposals/{id}/quotes/{quote_id}/select",
            post(api::select_quote),
        )
        .route("/api/v1/proposals/{id}/campaign", post(cofunding_api::open_campaign))
        .route(
            "/api/v1/proposals/{id}/pledges",
            post(cofunding_api::pledge).delete(cofunding_api::withdraw),
        )
        .route("/api/v1/proposals/{id}/shares", get(cofunding_api::shares))
        .route("/api/v1/proposals/{id}/preview", get(cofunding_api::preview))
        .route("/api/v1/proposals/{id}/close", post(cofunding_api::close))
        .route("/api/v1/proposals/{id}/deliver", post(api::deliver))
        .route("/api/v1/proposals/{id}/adopt", post(cofunding_api::adopt))
        .route("/api/v1/commitments", get(cofunding_api::commitments))
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
    if !user.is_admin() {
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
