//! Assemblies and meetings: the monthly assembly, core circle meetings, general
//! assemblies and events, scheduled once or by a recurrence rule; invitations with an
//! iCalendar object, updates and cancellations that reach calendars as such, reminders,
//! answers from the email in one tap, attendance and the quorum, a `.ics` per meeting
//! and a private calendar feed per person.

pub mod answers;
pub mod api;
pub mod attendance_page;
pub mod circle;
pub mod core_pages;
pub mod data;
pub mod documents;
pub mod documents_page;
pub mod edit_page;
pub mod elections;
pub mod elections_pages;
pub mod entities;
pub mod feed;
pub mod governance;
pub mod governance_pages;
pub mod ics;
pub mod input;
pub mod jobs;
pub mod minutes;
pub mod minutes_api;
pub mod minutes_page;
pub mod notifications;
pub mod pages;
pub mod policy;
pub mod proxies;
pub mod proxy_page;
pub mod registrations;

use crate::access::Access::{self, Person, Policy, Public};
use crate::auth::CurrentUser;
use crate::error::AppResult;
use crate::state::AppState;
use crate::web::dashboard::{DashboardItem, DashboardSection};
use crate::web::route_table::Routes;
use axum::extract::FromRef;
use sea_orm::ConnectionTrait;

/// Pages and API; who may use them is [`policy`]'s.
pub fn routes<S>() -> Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    const MANAGE: Access = Policy("assemblies::policy::manage");
    const ATTENDANCE: Access = Policy("assemblies::policy::take_attendance");
    const MINUTES: Access = Policy("assemblies::policy::write_minutes");
    const CORE: Access = Policy("assemblies::policy::manage_core");
    const STAND: Access = Policy("assemblies::policy::stand");
    const GOVERNANCE: Access = Policy("assemblies::policy::manage_governance");
    const PROXY: Access = Policy("assemblies::policy::give_proxy");
    Routes::new()
        .get("/meetings", Person, pages::list)
        .get("/meetings/new", MANAGE, pages::new_form)
        .post("/meetings/new", MANAGE, pages::create)
        // `/meetings/12` is the page, `/meetings/12.ics` its calendar file.
        .get("/meetings/{id}", Person, pages::show)
        .get("/meetings/{id}/edit", MANAGE, edit_page::form)
        .post("/meetings/{id}/edit", MANAGE, edit_page::save)
        .post("/meetings/{id}/cancel", MANAGE, pages::cancel)
        .post("/meetings/{id}/answer", Person, pages::answer)
        .get("/meetings/{id}/documents", MANAGE, documents_page::form)
        .post_up_to(
            "/meetings/{id}/documents",
            MANAGE,
            documents_page::add,
            crate::web::route_table::LARGE_BODY,
        )
        .get("/meetings/{id}/documents/{document_id}", Person, documents_page::file)
        .get(
            "/meetings/{id}/documents/{document_id}/remove",
            MANAGE,
            documents_page::confirm,
        )
        .post(
            "/meetings/{id}/documents/{document_id}/remove",
            MANAGE,
            documents_page::remove,
        )
        .post("/meetings/{id}/register", Person, registrations::page_register)
        .post("/meetings/{id}/register/withdraw", Person, registrations::page_withdraw)
        .get("/meetings/{id}/proxy", PROXY, proxy_page::form)
        .post("/meetings/{id}/proxy", PROXY, proxy_page::give)
        .post("/meetings/{id}/proxy/withdraw", PROXY, proxy_page::withdraw)
        .get("/meetings/{id}/attendance", ATTENDANCE, attendance_page::form)
        .post("/meetings/{id}/attendance", ATTENDANCE, attendance_page::save)
        .get("/meetings/{id}/minutes", MINUTES, minutes_page::form)
        .post("/meetings/{id}/minutes", MINUTES, minutes_page::save)
        .post("/meetings/{id}/minutes/publish", MINUTES, minutes_page::publish)
        .post("/meetings/{id}/decisions", MINUTES, minutes_page::add_decision)
        .post(
            "/meetings/{id}/decisions/{decision_id}/remove",
            MINUTES,
            minutes_page::remove_decision,
        )
        .get("/decisions", Person, minutes_page::decisions)
        .get("/governance", Person, governance_pages::show)
        .post("/governance", GOVERNANCE, governance_pages::save)
        .get("/core-circle", Person, core_pages::show)
        .post("/core-circle/mandates", CORE, core_pages::add)
        .post("/core-circle/elections", CORE, elections_pages::call)
        .post("/core-circle/elections/{id}/candidates", STAND, elections_pages::stand)
        .post("/core-circle/elections/{id}/vote", CORE, elections_pages::vote)
        // The invitation's answer link: the token is the authority, no login.
        .get("/meetings/answer/{token}", Public, pages::answer_link_form)
        .post("/meetings/answer/{token}", Public, pages::answer_link)
        .get("/calendar", Person, attendance_page::calendar)
        .post("/calendar", Person, attendance_page::new_feed)
        // A person's private feed (`/calendar/<token>.ics`): the token is the authority.
        .get("/calendar/{token}", Public, feed::serve)
        .get("/api/v1/meetings", Person, api::list)
        .post("/api/v1/meetings", MANAGE, api::create)
        .get("/api/v1/meetings/{id}", Person, api::show)
        .patch("/api/v1/meetings/{id}", MANAGE, api::update)
        .post("/api/v1/meetings/{id}/cancel", MANAGE, api::cancel)
        .put("/api/v1/meetings/{id}/answer", Person, api::answer)
        .get("/api/v1/meetings/{id}/attendance", Person, api::attendance)
        .put("/api/v1/meetings/{id}/attendance", ATTENDANCE, api::take_attendance)
        .post("/api/v1/me/calendar-feed", Person, api::new_feed)
        .get("/api/v1/meetings/{id}/registration", Person, registrations::api_show)
        .put(
            "/api/v1/meetings/{id}/registration",
            Person,
            registrations::api_register,
        )
        .delete(
            "/api/v1/meetings/{id}/registration",
            Person,
            registrations::api_withdraw,
        )
        .post("/api/v1/meetings/{id}/proxies", PROXY, proxies::api_give)
        .delete(
            "/api/v1/meetings/{id}/proxies/{organisation_id}",
            PROXY,
            proxies::api_withdraw,
        )
        .get("/api/v1/meetings/{id}/documents", Person, documents::api_list)
        .post_up_to(
            "/api/v1/meetings/{id}/documents",
            MANAGE,
            documents::api_add,
            crate::web::route_table::LARGE_BODY,
        )
        .get(
            "/api/v1/meetings/{id}/documents/{document_id}",
            Person,
            documents::api_file,
        )
        .delete(
            "/api/v1/meetings/{id}/documents/{document_id}",
            MANAGE,
            documents::api_remove,
        )
        .get("/api/v1/meetings/{id}/minutes", Person, minutes_api::show)
        .put("/api/v1/meetings/{id}/minutes", MINUTES, minutes_api::save)
        .post("/api/v1/meetings/{id}/minutes/publish", MINUTES, minutes_api::publish)
        .post("/api/v1/meetings/{id}/decisions", MINUTES, minutes_api::add_decision)
        .delete(
            "/api/v1/meetings/{id}/decisions/{decision_id}",
            MINUTES,
            minutes_api::remove_decision,
        )
        .get("/api/v1/decisions", Person, minutes_api::decisions)
        .get("/api/v1/governance", Person, governance_pages::api_show)
        .put("/api/v1/governance", GOVERNANCE, governance_pages::api_update)
        .get("/api/v1/core-circle", Person, core_pages::api_show)
        .post("/api/v1/core-circle/mandates", CORE, core_pages::api_add)
        .post("/api/v1/core-circle/elections", CORE, elections_pages::api_call)
        .post(
            "/api/v1/core-circle/elections/{id}/candidates",
            STAND,
            elections_pages::api_stand,
        )
        .post(
            "/api/v1/core-circle/elections/{id}/vote",
            CORE,
            elections_pages::api_vote,
        )
}

/// The OpenAPI paths of this feature area.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        api::list,
        api::create,
        api::show,
        api::update,
        api::cancel,
        api::answer,
        api::attendance,
        api::take_attendance,
        api::new_feed,
        proxies::api_give,
        registrations::api_show,
        registrations::api_register,
        registrations::api_withdraw,
        proxies::api_withdraw,
        documents::api_list,
        documents::api_add,
        documents::api_file,
        documents::api_remove,
        minutes_api::show,
        minutes_api::save,
        minutes_api::publish,
        minutes_api::add_decision,
        minutes_api::remove_decision,
        minutes_api::decisions,
        core_pages::api_show,
        core_pages::api_add,
        governance_pages::api_show,
        governance_pages::api_update,
        elections_pages::api_call,
        elections_pages::api_stand,
        elections_pages::api_vote
    ),
    components(schemas(
        api::MeetingOut,
        api::AnswerBody,
        api::AttendanceOut,
        api::PresentBody,
        api::FeedOut,
        proxies::ProxyOut,
        documents::DocumentOut,
        registrations::RegistrationOut,
        proxies::ProxyBody,
        answers::AnswerCounts,
        answers::Quorum,
        data::MeetingRow,
        input::MeetingInput,
        input::MeetingChange,
        input::AgendaInput,
        minutes::MinutesOut,
        minutes::MinutesInput,
        minutes::DecisionOut,
        minutes::DecisionInput,
        circle::CoreOut,
        circle::MandateOut,
        circle::MandateInput,
        circle::SeatRulesOut,
        governance::GovernanceSettings,
        governance::GovernanceOut,
        elections::ElectionInput,
        elections::CandidateInput,
        elections::ElectionOut,
        elections::CandidateOut
    )),
    tags((name = "meetings", description = "Meetings: schedule, invite, answer, attendance, calendars, minutes and decisions"))
)]
pub struct ApiDoc;

/// The share of member organisations an assembly of the network needs present.
pub async fn quorum_percent<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<u32> {
    use sea_orm::EntityTrait;
    let n = crate::entities::network::Entity::find_by_id(network_id)
        .one(conn)
        .await?
        .ok_or(crate::error::AppError::NotFound)?;
    Ok(n.rules.0.assembly_quorum_percent.unwrap_or(50).min(100))
}

/// On the dashboard: the next meeting the person is invited to, with their answer; for
/// those who write minutes, the meetings held whose minutes are not published; the core
/// circle mandates ending within 60 days.
pub async fn dashboard_section(
    state: &AppState,
    user: &CurrentUser,
    lang: crate::i18n::Lang,
) -> AppResult<Vec<DashboardSection>> {
    let mut out: Vec<DashboardSection> = next_meeting(state, user, lang).await?.into_iter().collect();
    if policy::write_minutes(&user.doer()) {
        out.extend(needing_minutes(state, user, lang).await?);
    }
    let ending = circle::ending_within(
        &state.db.read,
        user.network.id,
        &user.network.time_zone,
        intercoop_domain::core_circle::WARN_DAYS,
    )
    .await?;
    if !ending.is_empty() {
        out.push(DashboardSection {
            title: lang.t("core-ending-title"),
            items: ending
                .into_iter()
                .map(|m| DashboardItem {
                    text: m.organisation_name,
                    href: "/core-circle".into(),
                    detail: format!("{} : {}", lang.t("core-field-ends-on"), m.ends_on),
                })
                .collect(),
        });
    }
    Ok(out)
}

/// The meetings begun in the last 180 days whose minutes are not published (at most 10,
/// latest first).
async fn needing_minutes(
    state: &AppState,
    user: &CurrentUser,
    lang: crate::i18n::Lang,
) -> AppResult<Option<DashboardSection>> {
    use entities::meeting;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
    let now = crate::clock::now();
    let rows = meeting::Entity::find()
        .filter(meeting::Column::NetworkId.eq(user.network.id))
        .filter(meeting::Column::StartsAt.lte(now))
        .filter(meeting::Column::StartsAt.gt(now - time::Duration::days(180)))
        .filter(meeting::Column::Status.eq("scheduled"))
        .filter(meeting::Column::MinutesStatus.ne("published"))
        .order_by_desc(meeting::Column::StartsAt)
        .limit(10)
        .all(&state.db.read)
        .await?;
    if rows.is_empty() {
        return Ok(None);
    }
    Ok(Some(DashboardSection {
        title: lang.t("assemblies-needing-minutes-title"),
        items: rows
            .into_iter()
            .map(|m| DashboardItem {
                detail: crate::web::format::datetime(&m.starts_at, &user.network.time_zone, lang),
                href: format!("/meetings/{}/minutes", m.id),
                text: m.title,
            })
            .collect(),
    }))
}

/// The next meeting the person is invited to, with their answer.
async fn next_meeting(
    state: &AppState,
    user: &CurrentUser,
    lang: crate::i18n::Lang,
) -> AppResult<Option<DashboardSection>> {
    use entities::meeting;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let conn = &state.db.read;
    // From the roles the request already holds (as `feed::kinds_for` reads them).
    let roles = user.roles;
    let mut kinds = vec![intercoop_domain::meetings::MeetingKind::Event];
    if roles.is_admin() || roles.has(intercoop_domain::Role::Representative) {
        kinds.extend([
            intercoop_domain::meetings::MeetingKind::Assembly,
            intercoop_domain::meetings::MeetingKind::GeneralAssembly,
        ]);
    }
    if roles.is_admin() || roles.has(intercoop_domain::Role::CoreCircle) {
        kinds.push(intercoop_domain::meetings::MeetingKind::Core);
    }
    // The meeting and the person's answer in one query (the dashboard is read often).
    #[derive(sea_orm::FromQueryResult)]
    struct Next {
        id: i64,
        title: String,
        starts_at: sea_orm::prelude::TimeDateTimeWithTimeZone,
        answer: Option<Text<intercoop_domain::meetings::Answer>>,
    }
    use crate::db::types::Text;
    use sea_orm::QuerySelect;
    use sea_orm::sea_query::{Expr, ExprTrait, Query, SimpleExpr, SubQueryStatement};
    let mine = Query::select()
        .column(("a", "answer"))
        .from_as("meeting_answers", "a")
        .and_where(Expr::col(("a", "meeting_id")).equals((meeting::Entity, meeting::Column::Id)))
        .and_where(Expr::col(("a", "person_id")).eq(user.person_id))
        .limit(1)
        .take();
    let Some(next) = meeting::Entity::find()
        .select_only()
        .columns([meeting::Column::Id, meeting::Column::Title, meeting::Column::StartsAt])
        .column_as(
            SimpleExpr::SubQuery(None, Box::new(SubQueryStatement::SelectStatement(mine))),
            "answer",
        )
        .filter(meeting::Column::NetworkId.eq(user.network.id))
        .filter(meeting::Column::StartsAt.gt(crate::clock::now()))
        .filter(meeting::Column::Status.eq("scheduled"))
        .filter(meeting::Column::Kind.is_in(kinds.iter().map(|k| k.as_str())))
        .order_by_asc(meeting::Column::StartsAt)
        .into_model::<Next>()
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let answer = next.answer.map(|a| a.0);
    let when = crate::web::format::datetime(&next.starts_at, &user.network.time_zone, lang);
    let detail = match answer {
        Some(a) => format!("{when} — {}", lang.t(&format!("assemblies-answer-{a}"))),
        None => format!("{when} — {}", lang.t("assemblies-not-answered")),
    };
    Ok(Some(DashboardSection {
        title: lang.t("assemblies-next-title"),
        items: vec![DashboardItem {
            text: next.title,
            href: format!("/meetings/{}", next.id),
            detail,
        }],
    }))
}
