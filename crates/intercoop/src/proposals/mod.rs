//! Proposals, from need to delivery: posting a need, "we need it too", comments and
//! objections, quotes, co-funding campaigns with sharing keys, caps and fixed
//! contributions, pledges, closing (funded or lapsed), delivery and catch-up shares.
//!
//! # Layout
//! - `data`: every change (one function serves pages, API, jobs and polls), in the
//!   caller's transaction, with its audit entry and timeline event.
//! - `pledging`: the pledge, the hot write, alone or group-committed.
//! - `views`: read models (list with filters and sorts, one proposal, commitments).
//! - `notify`: who is told what, by email through the outbox; the daily digest, whose
//!   share changes `digest` works out when it is sent.
//! - `api`, `pages`: the JSON API and the server-rendered pages.
//!
//! # Exact shares, and why not largest remainder
//! Shares come from `intercoop_domain::sharing::compute_shares`: integer cents that
//! always sum exactly to the amount to share (or to what can be covered, the rest
//! being the shortfall), with caps water-filled over the others. They are rounded with
//! a divisor method (Adams: one common rate, rounded up, ties broken by organisation id)
//! rather than the largest remainder method. Largest remainder can *raise* a
//! participant's share when another joins (the Alabama paradox), which would make a
//! pledge announce a rise to others and make catch-up credits negative. Under the equal
//! key both methods give the same result.
//!
//! # Concurrency
//! A pledge, a withdrawal, a closing and a catch-up read their campaign locked inside
//! the transaction (`data::campaign_locked`: `SELECT … FOR UPDATE` on PostgreSQL, the
//! one backend-specific statement; on SQLite the single writer connection serialises
//! writes), then check the campaign is open and the organisation has not pledged
//! (409). A unique index on (campaign, organisation) is the last guard. Each of them
//! also rewrites the campaign's list summary (`data::store_summary`) in the same
//! transaction. Pledges from the page and the API are committed in batches on SQLite
//! (`pledging`): a batch locks and reads its campaigns once and decides each pledge in
//! arrival order, as the pledges one after the other would.
//!
//! # Emails
//! A posted proposal is announced to the people of every organisation running the
//! software concerned; an opened campaign to every representative; funded, lapsed,
//! payment requests and catch-up credits as they happen; share changes are told in a
//! daily digest, one email per person, worked out when it is sent (`digest`).

pub mod api;
pub mod data;
pub mod digest;
pub mod entities;
pub mod notify;
pub mod pages;
pub mod pledging;
pub mod views;

use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::home::{DashboardItem, DashboardSection};
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};
use intercoop_domain::lifecycle::ProposalStatus;
use sea_orm::TransactionTrait;

/// Pages of this feature area.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/proposals", get(pages::list).post(pages::create))
        .route("/proposals/new", get(pages::new_form))
        .route("/proposals/commitments", get(pages::commitments))
        .route("/proposals/{id}", get(pages::show))
        .route("/proposals/{id}/interest", post(pages::interest))
        .route("/proposals/{id}/comments", post(pages::comment))
        .route("/proposals/{id}/transition", post(pages::transition))
        .route("/proposals/{id}/pledge", post(pages::pledge))
        .route("/proposals/{id}/pledge/withdraw", post(pages::withdraw))
        .route("/proposals/{id}/close", post(pages::close))
        .route("/proposals/{id}/campaign", post(pages::open_campaign))
        .route("/proposals/{id}/quotes/{quote_id}/select", post(pages::select_quote))
        .route("/proposals/{id}/deliver", post(pages::deliver))
        .route("/proposals/{id}/adopt", post(pages::adopt))
}

/// JSON API of this feature area.
pub fn api_router() -> Router<AppState> {
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
        .route("/api/v1/proposals/{id}/campaign", post(api::open_campaign))
        .route(
            "/api/v1/proposals/{id}/pledges",
            post(api::pledge).delete(api::withdraw),
        )
        .route("/api/v1/proposals/{id}/shares", get(api::shares))
        .route("/api/v1/proposals/{id}/preview", get(api::preview))
        .route("/api/v1/proposals/{id}/close", post(api::close))
        .route("/api/v1/proposals/{id}/deliver", post(api::deliver))
        .route("/api/v1/proposals/{id}/adopt", post(api::adopt))
        .route("/api/v1/commitments", get(api::commitments))
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
        api::open_campaign,
        api::pledge,
        api::withdraw,
        api::shares,
        api::preview,
        api::close,
        api::deliver,
        api::adopt,
        api::commitments
    ),
    components(schemas(
        api::ProposalBody,
        api::TransitionBody,
        api::OrganisationRef,
        api::CommentBody,
        api::QuoteBody,
        api::PledgeBody,
        api::PreviewOut,
        api::ChangeOut,
        data::CampaignBody,
        data::FixedBody,
        data::Milestone,
        data::Closed,
        data::PaymentRequestOut,
        data::Adoption,
        data::CreditOut,
        views::ProposalRow,
        views::ProposalOut,
        views::QuoteOut,
        views::CommentOut,
        views::EventOut,
        views::CampaignOut,
        views::SharesOut,
        views::ShareOut,
        views::Commitments,
        views::CommitmentOut,
        views::CreditLine,
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
    let doer = data::Doer::user(user);
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

/// Scheduled work: announcements not sent yet, campaigns past their deadline (each
/// closed once across instances), and the daily digest of share changes (from 17:00 UTC).
pub async fn tick(state: &AppState) -> Result<(), sea_orm::DbErr> {
    let wrap = |e: AppError| match e {
        AppError::Db(e) => e,
        other => sea_orm::DbErr::Custom(other.to_string()),
    };
    notify::announce_pending(state).await.map_err(wrap)?;
    close_due(state).await.map_err(wrap)?;
    let now = crate::db::now();
    if now.hour() >= 17 && crate::jobs::claim(state, "proposals_share_digest", &now.date().to_string()).await? {
        notify::send_share_digest(state).await.map_err(wrap)?;
    }
    Ok(())
}

/// Closes the open campaigns whose deadline has passed (returns how many).
pub async fn close_due(state: &AppState) -> AppResult<usize> {
    use entities::campaign;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let due = campaign::Entity::find()
        .filter(campaign::Column::Status.eq("open"))
        .filter(campaign::Column::Deadline.lte(crate::db::now()))
        .all(&state.db.read)
        .await?;
    let mut closed = 0;
    for c in due {
        if !crate::jobs::claim(state, "proposals_close_campaign", &c.id.to_string()).await? {
            continue;
        }
        let txn = state.db.write.begin().await?;
        let p = data::get(&txn, c.network_id, c.proposal_id).await?;
        match data::close(&txn, &data::Doer::system(), &p, &state.config.base_url).await {
            Ok(_) => {
                txn.commit().await?;
                closed += 1;
            }
            Err(AppError::Conflict(_)) => {} // closed on demand meanwhile
            Err(e) => return Err(e),
        }
    }
    state.mail_wakeup.notify_one();
    Ok(closed)
}

/// Demo content of this feature area, loaded in the demo's first network.
pub async fn load_demo<C: sea_orm::ConnectionTrait>(conn: &C, network_id: i64) -> anyhow::Result<()> {
    pages::load_demo(conn, network_id).await
}

/// What a passed poll does to the proposal it decides (polls call [`apply_effect`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProposalEffect {
    /// Move the proposal into discussion.
    Discuss,
    /// Reject the proposal.
    Reject,
    /// Open the co-funding with these terms: the body of `POST /api/v1/proposals/{id}/campaign`.
    OpenFunding {
        #[schema(value_type = Object)]
        terms: serde_json::Value,
    },
}

/// Carries out a passed poll's effect on a proposal, in the caller's transaction,
/// with the poll recorded as the reason on the proposal's timeline.
///
/// The poll decides with the network's authority (the lifecycle is still checked: a
/// proposal already funded cannot be rejected, 409). Announcements (a proposal now in
/// discussion, a campaign opened) are sent by the next scheduled run, within a minute.
pub async fn apply_effect<C: sea_orm::ConnectionTrait>(
    conn: &C,
    network_id: i64,
    proposal_id: i64,
    effect: &ProposalEffect,
    poll_id: i64,
) -> AppResult<()> {
    let p = data::get(conn, network_id, proposal_id).await?;
    let doer = data::Doer::assembly();
    let reason = format!("poll {poll_id}");
    match effect {
        ProposalEffect::Discuss => {
            data::transition(conn, &doer, &p, ProposalStatus::Discussion, &reason, Some(poll_id)).await?;
        }
        ProposalEffect::Reject => {
            data::transition(conn, &doer, &p, ProposalStatus::Rejected, &reason, Some(poll_id)).await?;
        }
        ProposalEffect::OpenFunding { terms } => {
            let body: data::CampaignBody = serde_path_to_error::deserialize(terms.clone()).map_err(|e| {
                let path = e.path().to_string();
                AppError::invalid(if path == "." { "terms" } else { &path }, "invalid-value")
            })?;
            data::open_campaign(conn, &doer, &p, &body, Some(poll_id)).await?;
        }
    }
    Ok(())
}

/// Records the network's priority order of open proposals, as computed by a
/// priority poll (`method` names how: "schulze" or "points"), best first.
pub async fn set_network_priority<C: sea_orm::ConnectionTrait>(
    conn: &C,
    network_id: i64,
    poll_id: i64,
    method: &str,
    ordered_proposal_ids: &[i64],
) -> AppResult<()> {
    data::set_priority(conn, network_id, poll_id, method, ordered_proposal_ids).await
}
