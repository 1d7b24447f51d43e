//! An application to join decided by a poll (issue 18, item 3: "optionally through a
//! poll of the deciding issue").
//!
//! 1. The review opens a decision poll on a pending application ([`open`]): "Accept
//!    {organisation}?", the contact's motivation as its description, the network's
//!    quorum and threshold (`/governance`), closing at the end of the day given (in
//!    the network's time zone) or by hand. The poll is a poll as any other
//!    (`crate::polls`): its electorate, ballots, proxies, reminders and closing job.
//!    The application records it; a decision by hand is then refused (409
//!    `application-poll-open`), so that the decision happens once.
//! 2. When the poll closes (at its deadline or early), the event `poll_closed` runs
//!    [`ON_POLL_CLOSED`], which applies the outcome through `super::decide`, the code
//!    of a decision by hand: passed → accepted (organisation, invitation, booklet,
//!    first fee); not passed (rejected, quorum not reached) → declined. The
//!    application's conditional write (`decide::pending`) makes a retried or doubled
//!    job apply it once.

use super::data::{self, Status};
use super::decide::{self, By, DecisionIn};
use super::entities::application;
use crate::audit::{self, Actor, Change};
use crate::db;
use crate::entities::{network, person};
use crate::error::{AppError, AppResult};
use crate::events::PollClosed;
use crate::i18n::Arg;
use crate::jobs::{Ctx, JobError, Registry, handler};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The subscriber of `poll_closed` that applies an application's poll.
pub const ON_POLL_CLOSED: &str = "joining.on_poll_closed";

/// The poll asked (the API's body).
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ApplicationPollIn {
    /// The poll's last day, `YYYY-MM-DD` in the network's time zone (it closes at the
    /// end of that day); none: it stays open until closed by hand.
    pub closes_on: Option<String>,
}

/// The poll opened.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApplicationPollOut {
    /// The poll (`/api/v1/polls/{id}`).
    pub poll_id: i64,
    /// The application it decides.
    pub application_id: i64,
}

/// Opens a decision poll on a pending application and records it (see the module).
/// 409 `application-decided` once decided, `application-poll-open` when a poll is
/// already opened on it; 422 on `closes_on` (not a day, or past).
pub async fn open<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    n: &network::Model,
    id: i64,
    input: &ApplicationPollIn,
) -> AppResult<ApplicationPollOut> {
    let closes_at = match input.closes_on.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(day) => {
            let at = crate::web::picked::end_of_day(day, &n.time_zone)
                .ok_or_else(|| AppError::invalid("closes_on", "application-poll-day"))?;
            if at <= crate::clock::now() {
                return Err(AppError::invalid("closes_on", "poll-closes-past"));
            }
            Some(at)
        }
    };
    let a = data::get(conn, n.id, id).await?;
    if a.status != Status::Pending.as_str() {
        return Err(AppError::Conflict("application-decided"));
    }
    if a.poll_id.is_some() {
        return Err(AppError::Conflict("application-poll-open"));
    }
    // The poll is written once for everyone: in the network's language.
    let lang = n.default_language.0;
    let (quorum, threshold) = crate::assemblies::governance::poll_defaults(conn, n.id).await?;
    let poll = crate::polls::input::PollInput {
        title: lang.t_args("join-accept-heading", &[("organisation", Arg::Str(a.org_name.clone()))]),
        description: Some(a.motivation.clone()),
        method: "decision".into(),
        quorum_percent: Some(quorum),
        threshold: Some(threshold),
        closes_at: closes_at
            .map(|c| c.format(&time::format_description::well_known::Rfc3339))
            .transpose()
            .map_err(anyhow::Error::from)?,
        ..Default::default()
    };
    let valid = poll.validate().map_err(|e| {
        // The poll's fields are the application's `closes_on`.
        let mut shown = crate::error::FieldErrors::default();
        for f in e.0 {
            shown.add(
                if f.field == "closes_at" {
                    "closes_on"
                } else {
                    f.field.as_str()
                },
                &f.code,
            );
        }
        AppError::Invalid(shown)
    })?;
    let poll_id = crate::polls::data::create(conn, actor, n.id, &valid).await?;
    // Recorded only if nobody recorded one meanwhile: one poll per application.
    let taken = application::Entity::update_many()
        .col_expr(application::Column::PollId, sea_orm::sea_query::Expr::value(poll_id))
        .col_expr(
            application::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(db::now()),
        )
        .filter(application::Column::Id.eq(a.id))
        .filter(application::Column::NetworkId.eq(n.id))
        .filter(application::Column::Status.eq(Status::Pending.as_str()))
        .filter(application::Column::PollId.is_null())
        .exec(conn)
        .await?;
    if taken.rows_affected != 1 {
        return Err(AppError::Conflict("application-poll-open"));
    }
    crate::polls::life::open(conn, actor, n.id, poll_id).await?;
    audit::record(
        conn,
        Change {
            network_id: Some(n.id),
            actor,
            action: "application.poll",
            entity: "application",
            entity_id: Some(a.id),
        },
        None::<&()>,
        Some(&serde_json::json!({"poll_id": poll_id})),
    )
    .await?;
    Ok(ApplicationPollOut {
        poll_id,
        application_id: a.id,
    })
}

/// The handler of [`ON_POLL_CLOSED`].
pub fn register(r: Registry) -> Registry {
    r.with(ON_POLL_CLOSED, handler(|ctx, txn| Box::pin(on_poll_closed(ctx, txn))))
}

/// A poll closed: if it decides an application still pending, its outcome is applied
/// as a decision by the system naming the poll. A decided application (a job retried,
/// or run twice) is left as it is.
async fn on_poll_closed(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let ev: PollClosed = crate::events::delivered(ctx, txn).await?;
    let Some(a) = application::Entity::find()
        .filter(application::Column::PollId.eq(ev.poll_id))
        .filter(application::Column::NetworkId.eq(ev.network_id))
        .one(txn)
        .await?
    else {
        return Ok(());
    };
    if a.status != Status::Pending.as_str() {
        return Ok(());
    }
    let d = DecisionIn {
        poll_id: Some(ev.poll_id),
        ..Default::default()
    };
    let by = By::Poll(ev.poll_id);
    let done = if ev.passed == Some(true) {
        let n = network::Entity::find_by_id(ev.network_id)
            .one(txn)
            .await?
            .ok_or_else(|| JobError::Fail(format!("network {} is gone", ev.network_id)))?;
        // The invitation names who opened the poll, else the network.
        let poll = crate::polls::data::get(txn, n.id, ev.poll_id).await?;
        let opener = match poll.poll.created_by {
            Some(p) => person::Entity::find_by_id(p).one(txn).await?.map(|p| p.name),
            None => None,
        };
        let inviter = opener.unwrap_or_else(|| n.name.clone());
        let base_url = ctx.state.config.base_url.clone();
        decide::accept_as(txn, &base_url, Actor::SYSTEM, &inviter, &n, a.id, &d, by)
            .await
            .map(|_| ())
    } else {
        decide::decline_as(txn, Actor::SYSTEM, ev.network_id, a.id, &d, by).await
    };
    match done {
        Ok(()) | Err(AppError::Conflict("application-decided")) => Ok(()),
        Err(e) => Err(e.into()),
    }
}
