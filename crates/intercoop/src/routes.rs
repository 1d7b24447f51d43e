//! Every route of intercoop, merged in one place.

use crate::access::Access;
use crate::state::AppState;
use crate::web;
use crate::web::route_table::{RouteSpec, Routes};
use axum::Router;
use axum::extract::FromRef;
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use std::time::Duration;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

/// Every route of every feature, with who may use it (see `web::route_table`).
fn all<S>() -> Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
    crate::funding::FundingState: FromRef<S>,
    crate::home::HomeState: FromRef<S>,
    crate::joining::JoiningState: FromRef<S>,
    crate::newsletter::NewsletterState: FromRef<S>,
{
    Routes::new()
        // Home, dashboard, health checks.
        .merge(crate::home::routes())
        // Login, logout, magic links, password reset, profile, switchers.
        .merge(crate::accounts::routes())
        // Member organisations and representatives.
        .merge(crate::organisations::routes())
        // People and invitations.
        .merge(crate::people::routes())
        // Proposals, quotes, co-funding campaigns, pledges, catch-up shares.
        .merge(crate::proposals::routes())
        // Payment settings, requests, payments, statements, the journal, fees, runway.
        .merge(crate::money::routes())
        // Polls, ballots, results, the prioritised backlog.
        .merge(crate::polls::routes())
        // Meetings, invitations, answers, attendance, calendars.
        .merge(crate::assemblies::routes())
        // Mailing lists: archive, posting, moderation, subscriptions.
        .merge(crate::lists::routes())
        // The documentation space and the welcome booklet.
        .merge(crate::documentation::routes())
        // Pooled funds, budgeting rounds, buckets and matching.
        .merge(crate::pools::routes())
        // Applying to join, the review, the onboarding checklist.
        .merge(crate::joining::routes())
        // A network's public page, its settings, an organisation's public listing.
        .merge(crate::public::routes())
        .merge(crate::work::routes())
        // The logbook, its public pages and Atom feed.
        .merge(crate::logbook::routes())
        // The newsletter: issues, the public archive, double opt-in, its links.
        .merge(crate::newsletter::routes())
        // Jobs that could not be done (administrators).
        .merge(crate::jobs::routes())
        // The network's audit log (administrators).
        .merge(crate::audit::routes())
        // Which emails each person gets; one-click unsubscribe.
        .merge(crate::notifications::routes())
        // Vendored assets (never from a CDN), the API's description.
        .get("/static/app.css", Access::Public, css)
        .get("/static/htmx.min.js", Access::Public, htmx)
        .get("/api/openapi.json", Access::Public, crate::openapi::serve)
}

/// The route table: every route, its method and who may use it.
pub fn table() -> Vec<RouteSpec> {
    all::<crate::app::App>().into_parts().1
}

pub fn app(state: AppState) -> Router {
    let app = crate::app::App::new(state.clone());
    let (routes, _) = all::<crate::app::App>().into_parts();
    Router::new()
        .merge(routes)
        // `Idempotency-Key` on API POSTs (the layer lets every other request through).
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::idempotency::layer,
        ))
        .fallback(|| async { crate::error::AppError::NotFound })
        .layer(axum::middleware::from_fn_with_state(state.clone(), web::render_errors))
        .layer(axum::middleware::from_fn_with_state(state.clone(), web::csrf_cookie))
        .layer(axum::middleware::from_fn(request_scope))
        .layer(axum::middleware::from_fn_with_state(state.clone(), wake_workers))
        .layer(axum::middleware::from_fn_with_state(state.clone(), clock_scope))
        .layer(
            TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
                let route = req
                    .extensions()
                    .get::<axum::extract::MatchedPath>()
                    .map(|p| p.as_str().to_string())
                    .unwrap_or_else(|| "-".into());
                let id = req
                    .headers()
                    .get("x-request-id")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-")
                    .to_string();
                tracing::info_span!("request", method = %req.method(), route, request_id = id)
            }),
        )
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        // The largest body of any route (a bank statement); each extractor keeps axum's
        // 2 MB unless its route says more (`Routes::post_up_to`).
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            web::route_table::LARGE_BODY,
        ))
        .with_state(app)
}

/// Runs the request on the server's clock (see `crate::clock`).
async fn clock_scope(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    crate::clock::scoped(state.clock.clone(), next.run(req)).await
}

/// After a request that may have changed something, wakes the job and mail workers:
/// what it enqueued (a notice, a deadline, an email) is done at once rather than at the
/// workers' next poll. One place, so that no handler can forget it.
async fn wake_workers(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let writes = !req.method().is_safe();
    let response = next.run(req).await;
    if writes {
        state.jobs_wakeup.notify_one();
        state.mail_wakeup.notify_one();
    }
    response
}

/// Makes the request id available to the audit log.
async fn request_scope(req: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_string();
    let mut response = crate::audit::REQUEST_ID.scope(id, next.run(req)).await;
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'",
        ));
    response
}

async fn css() -> impl IntoResponse {
    static_asset("text/css; charset=utf-8", include_str!("../static/app.css"))
}

async fn htmx() -> impl IntoResponse {
    static_asset("text/javascript; charset=utf-8", include_str!("../static/htmx.min.js"))
}

fn static_asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
        ],
        body,
    )
}
