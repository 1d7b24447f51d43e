//! The home page, the dashboard ("what needs me") and health checks.

use crate::access::Access;
use crate::auth::MyOrganisation;
use crate::db;
use crate::entities::{network, person};
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::route_table::Routes;
use crate::web::{Ctx, render, require_user};
use askama::Template;
use axum::extract::FromRef;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use sea_orm::sea_query::ExprTrait;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder};

pub mod demo_logins;

pub use crate::web::dashboard::{DashboardItem, DashboardSection};
use demo_logins::DemoLogin;

pub fn routes<S>() -> Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
    HomeState: FromRef<S>,
{
    Routes::new()
        .get("/", Access::Public, home)
        .get("/dashboard", Access::Person, dashboard)
        .get("/healthz", Access::Public, healthz)
        .get("/readyz", Access::Public, readyz)
}

#[derive(Template)]
#[template(path = "home/home.html")]
struct HomePage {
    ctx: Ctx,
    description: String,
    empty_install: bool,
    demo_logins: Vec<DemoLogin>,
    demo_password: &'static str,
}

async fn home(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    if ctx.user.is_some() {
        return Ok(Redirect::to("/dashboard").into_response());
    }
    let empty_install = person::Entity::find().count(&state.db.read).await? == 0;
    let first = network::Entity::find()
        .order_by_asc(network::Column::Id)
        .one(&state.db.read)
        .await?;
    let (description, demo) = match &first {
        Some(n) => (n.description.clone(), n.rules.demo),
        None => (String::new(), false),
    };
    let demo_logins = if demo { demo_logins::logins() } else { Vec::new() };
    render(&HomePage {
        ctx,
        description,
        empty_install,
        demo_logins,
        demo_password: demo_logins::PASSWORD,
    })
}

#[derive(Template)]
#[template(path = "home/dashboard.html")]
struct DashboardPage {
    ctx: Ctx,
    organisations: Vec<MyOrganisation>,
    admin: Option<AdminTodo>,
    sections: Vec<DashboardSection>,
}

/// This feature's part of the server's state: the administrator's to-do counts per
/// network (they read whole tables; a few seconds of staleness is harmless on a to-do
/// list).
#[derive(Clone)]
pub struct HomeState {
    pub admin_todo: std::sync::Arc<crate::ttl_cache::TtlCache<i64, AdminTodo>>,
}

impl Default for HomeState {
    fn default() -> Self {
        HomeState {
            admin_todo: std::sync::Arc::new(crate::ttl_cache::TtlCache::new(
                std::time::Duration::from_secs(10),
                1_000,
            )),
        }
    }
}

/// What an administrator should look at (counted at most every 10 s per network).
#[derive(Clone)]
pub struct AdminTodo {
    pub candidates: i64,
    pub without_representative: i64,
    pub failed_emails: i64,
    pub never_logged_in: i64,
    /// Jobs of the network (or of none) that failed for good (`/admin/jobs`).
    pub failed_jobs: i64,
}

#[derive(sea_orm::FromQueryResult)]
struct Counts {
    candidates: i64,
    without_representative: i64,
    failed_emails: i64,
    never_logged_in: i64,
    failed_jobs: i64,
}

async fn dashboard(State(state): State<AppState>, State(home): State<HomeState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    // The administrators' to-do, for whoever manages the organisations; each count leads
    // to a page that asks its own policy.
    let admin = if crate::organisations::policy::manage(&user.doer()) {
        admin_todo(&state, &home, user.network.id).await?
    } else {
        None
    };
    let organisations = user.organisations.clone();
    let mut sections = Vec::new();
    // Sections speak the page's language (profile, then browser, then network).
    sections.extend(crate::proposals::decisions_section(&state, &user, ctx.lang).await?);
    sections.extend(crate::proposals::dashboard_section(&state, &user, ctx.lang).await?);
    sections.extend(crate::polls::dashboard_section(&state, &user, ctx.lang).await?);
    sections.extend(crate::assemblies::dashboard_section(&state, &user, ctx.lang).await?);
    sections.extend(crate::lists::dashboard_section(&state, &user, ctx.lang).await?);
    render(&DashboardPage {
        ctx,
        organisations,
        admin,
        sections,
    })
}

/// The administrator's five to-do counts, read in one round trip and kept 10 s per
/// network (they count whole tables).
async fn admin_todo(state: &AppState, home: &HomeState, n: i64) -> AppResult<Option<AdminTodo>> {
    if let Some(todo) = home.admin_todo.get(&n) {
        return Ok(Some(todo));
    }
    let count = |q: sea_orm::sea_query::SelectStatement| sea_orm::sea_query::SubQueryStatement::SelectStatement(q);
    let mut candidates = Query::select();
    candidates
        .expr(Expr::col("id").count())
        .from("memberships")
        .and_where(Expr::col("network_id").eq(n))
        .and_where(Expr::col("status").eq("candidate"));
    let mut without = Query::select();
    without
        .expr(Expr::col(("m", "id")).count())
        .from_as("memberships", "m")
        .and_where(Expr::col(("m", "network_id")).eq(n))
        .and_where(Expr::col(("m", "status")).eq("member"))
        .and_where(
            Expr::exists(
                Query::select()
                    .expr(Expr::val(1))
                    .from_as("representatives", "r")
                    .and_where(Expr::col(("r", "organisation_id")).equals(("m", "organisation_id")))
                    .and_where(Expr::col(("r", "network_id")).eq(n))
                    .and_where(Expr::col(("r", "current")).eq(true))
                    .take(),
            )
            .not(),
        );
    let mut failed = Query::select();
    failed
        .expr(Expr::col("id").count())
        .from("outbox")
        .and_where(Expr::col("network_id").eq(n))
        .and_where(Expr::col("status").eq(crate::mail::worker::OutboxStatus::Failed.as_str()));
    let mut never = Query::select();
    never
        .expr(Expr::col(("p", "id")).count())
        .from_as("people", "p")
        .join_as(
            sea_orm::sea_query::JoinType::InnerJoin,
            "network_people",
            "np",
            Expr::col(("np", "person_id")).equals(("p", "id")),
        )
        .and_where(Expr::col(("np", "network_id")).eq(n))
        .and_where(Expr::col(("p", "last_login_at")).is_null());
    let mut failed_jobs = Query::select();
    failed_jobs
        .expr(Expr::col("id").count())
        .from("jobs")
        .and_where(Expr::col("status").eq(crate::jobs::JobStatus::Failed.as_str()))
        .and_where(Expr::col("network_id").eq(n).or(Expr::col("network_id").is_null()));
    // One round trip for the five figures.
    let all = Query::select()
        .expr_as(Expr::SubQuery(None, Box::new(count(candidates))), "candidates")
        .expr_as(Expr::SubQuery(None, Box::new(count(without))), "without_representative")
        .expr_as(Expr::SubQuery(None, Box::new(count(failed))), "failed_emails")
        .expr_as(Expr::SubQuery(None, Box::new(count(never))), "never_logged_in")
        .expr_as(Expr::SubQuery(None, Box::new(count(failed_jobs))), "failed_jobs")
        .take();
    Ok(db::fetch_one::<Counts, _>(&state.db.read, &all).await?.map(|c| {
        let todo = AdminTodo {
            candidates: c.candidates,
            without_representative: c.without_representative,
            failed_emails: c.failed_emails,
            never_logged_in: c.never_logged_in,
            failed_jobs: c.failed_jobs,
        };
        home.admin_todo.put(n, todo.clone());
        todo
    }))
}

/// The HTTP stack answers (no database involved).
async fn healthz() -> &'static str {
    "ok"
}

/// The database answers too.
async fn readyz(State(state): State<AppState>) -> Response {
    if state.db.ping().await {
        (StatusCode::OK, "ready").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
    }
}
