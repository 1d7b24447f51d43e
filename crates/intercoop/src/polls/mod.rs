//! Polls: deciding together, one organisation one voice (or one person one voice), with
//! every method of `intercoop_domain::voting`, delegations, proxies, secret ballots and
//! explained results.

pub mod api;
pub mod ballots;
pub mod data;
mod demo;
pub mod electorate;
pub mod entities;
pub mod form;
pub mod input;
pub mod jobs;
pub mod life;
pub mod mandate_page;
pub mod new_page;
pub mod notifications;
pub mod pages;
pub mod policy;
pub mod proxies;
pub mod receipt_page;
pub mod recorded;
pub mod result;
pub mod result_page;
pub mod waiting;

use crate::access::Access::{self, Person, Policy};
use crate::auth::CurrentUser;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::dashboard::{DashboardItem, DashboardSection};
use crate::web::route_table::Routes;
use axum::extract::FromRef;

/// Pages and API; who may use them is [`policy`]'s.
pub fn routes<S>() -> Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    const MANAGE: Access = Policy("polls::policy::manage");
    const CAST: Access = Policy("polls::policy::casting");
    const HAND_VOTE: Access = Policy("polls::policy::hand_vote");
    Routes::new()
        .get("/polls", Person, pages::list)
        .get("/polls/{id}", Person, pages::show)
        .post("/polls/{id}/ballot", CAST, pages::vote)
        .post("/polls/{id}/open", MANAGE, pages::open)
        .post("/polls/{id}/close", MANAGE, pages::close)
        .get("/polls/{id}/result", Person, result_page::result)
        .get("/api/v1/polls", Person, api::list)
        .post("/api/v1/polls", MANAGE, api::create)
        .get("/api/v1/polls/{id}", Person, api::show)
        .post("/api/v1/polls/{id}/open", MANAGE, api::open)
        .post("/api/v1/polls/{id}/close", MANAGE, api::close)
        .post("/api/v1/polls/{id}/ballots", CAST, api::ballot)
        .get("/api/v1/polls/{id}/result", Person, api::result)
        .get("/api/v1/polls/{id}/receipts/{code}", Person, api::receipt)
        .post("/api/v1/polls/{id}/delegations", HAND_VOTE, api::delegate)
        .post("/api/v1/polls/{id}/proxies", HAND_VOTE, api::proxy)
        // The API's steps that have a page of their own: creating a poll, handing a
        // vote (delegation or proxy), checking a receipt.
        .get("/polls/new", MANAGE, new_page::new_form)
        .post("/polls/new", MANAGE, new_page::create)
        .get("/polls/{id}/mandate", HAND_VOTE, mandate_page::form)
        .post("/polls/{id}/mandate", HAND_VOTE, mandate_page::give)
        .get("/polls/{id}/receipt", Person, receipt_page::check)
}

/// The OpenAPI paths of this feature area, merged into `/api/openapi.json`.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        api::list,
        api::show,
        api::create,
        api::open,
        api::close,
        api::ballot,
        api::result,
        api::receipt,
        api::delegate,
        api::proxy
    ),
    components(schemas(
        api::PollOut,
        api::OptionOut,
        api::PollRow,
        api::ReceiptCheck,
        api::DelegationBody,
        api::ProxyBody,
        api::MandateOut,
        input::PollInput,
        ballots::BallotInput,
        result::PollResult,
        ballots::Receipt,
        crate::proposals::ProposalEffect
    )),
    tags((name = "polls", description = "Polls: create, open, vote, close, results"))
)]
pub struct ApiDoc;

/// What this feature asks of the person on the dashboard: polls waiting for their vote.
pub async fn dashboard_section(
    state: &AppState,
    user: &CurrentUser,
    lang: crate::i18n::Lang,
) -> AppResult<Option<DashboardSection>> {
    let waiting = waiting::waiting_for(&state.db.read, user.network.id, &user.doer()).await?;
    if waiting.is_empty() {
        return Ok(None);
    }
    let names = data::organisation_names(&state.db.read, waiting.iter().filter_map(|(_, o)| *o).collect()).await?;
    let items = waiting
        .into_iter()
        .map(|(p, org)| {
            let mut detail = org
                .and_then(|o| names.get(&o).cloned())
                .map(|n| lang.t_args("polls-for-organisation", &[("name", n.into())]))
                .unwrap_or_default();
            if let Some(c) = p.closes_at {
                let closes = crate::web::format::datetime(&c, &user.network.time_zone, lang);
                if !detail.is_empty() {
                    detail.push_str(" — ");
                }
                detail.push_str(&lang.t_args("polls-closes-at", &[("closes", closes.into())]));
            }
            DashboardItem {
                text: p.title,
                href: match org {
                    Some(o) => format!("/polls/{}?organisation_id={o}", p.id),
                    None => format!("/polls/{}", p.id),
                },
                detail,
            }
        })
        .collect();
    Ok(Some(DashboardSection {
        title: lang.t("polls-waiting-title"),
        items,
    }))
}

/// Demo content: an open decision poll, a closed priority-style Schulze poll with its
/// result, and an open majority-judgment poll.
pub async fn load_demo<C: sea_orm::ConnectionTrait>(conn: &C, network_id: i64) -> anyhow::Result<()> {
    demo::load(conn, network_id).await
}
