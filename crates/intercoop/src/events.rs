//! Events between features: a feature that must react to another's change does so
//! through a recorded event, so that neither blocks the other.
//!
//! [`publish`] records the event (`events`) and a dispatch job in the transaction of the
//! change; the dispatch job gives each subscriber a job of its own (its kind, the event's
//! id), which it does, retries and fails on its own. A poll closes whatever its effect
//! on a proposal does afterwards; a proposal that cannot take the effect records why on
//! its timeline.
//!
//! The subscriptions are assembled at the top (`crate::app::jobs`), so that the feature
//! that publishes knows nothing of those that listen.

use crate::entities::event;
use crate::jobs::{Ctx, JobError, NewJob, Registry, handler};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait, Set};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The job that hands an event to its subscribers.
pub const DISPATCH: &str = "events.dispatch";

/// A poll closed: its result as the features that react need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollClosed {
    pub poll_id: i64,
    pub network_id: i64,
    /// For decisions and consents: did it pass?
    pub passed: Option<bool>,
    /// The proposal the poll decides and what happens to it when the poll passes (the
    /// JSON of `crate::proposals::ProposalEffect`).
    pub proposal_id: Option<i64>,
    pub effect: Option<serde_json::Value>,
    /// A priority poll: the proposals in the order its result gives, best first, and the
    /// method that computed it.
    pub priority: Option<PriorityOrder>,
}

/// The order a priority poll gives its proposals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityOrder {
    pub method: intercoop_domain::voting::MethodKind,
    pub proposal_ids: Vec<i64>,
    /// The rank of each of `proposal_ids` ("1, 1, 3": proposals the poll left equal
    /// share one). Absent from the events of a version that knew no ties: there each
    /// proposal has its own place, as it had then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ranks: Option<Vec<u32>>,
}

/// An organisation stopped being a member of a network (its membership became
/// `former`): the co-funding releases its open pledges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembershipEnded {
    pub network_id: i64,
    pub organisation_id: i64,
}

/// Something that happened, that other features may react to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    PollClosed(PollClosed),
    MembershipEnded(MembershipEnded),
}

impl Event {
    /// The event's kind, as stored and as subscribed to.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::PollClosed(_) => POLL_CLOSED,
            Event::MembershipEnded(_) => MEMBERSHIP_ENDED,
        }
    }

    fn network_id(&self) -> Option<i64> {
        match self {
            Event::PollClosed(e) => Some(e.network_id),
            Event::MembershipEnded(e) => Some(e.network_id),
        }
    }

    fn payload(&self) -> serde_json::Value {
        // Plain structs: serialising them does not fail.
        match self {
            Event::PollClosed(e) => serde_json::to_value(e).expect("an event serialises"),
            Event::MembershipEnded(e) => serde_json::to_value(e).expect("an event serialises"),
        }
    }
}

/// The kind of [`Event::PollClosed`].
pub const POLL_CLOSED: &str = "poll_closed";

/// The kind of [`Event::MembershipEnded`].
pub const MEMBERSHIP_ENDED: &str = "membership_ended";

/// The payload of a subscriber's job: the event it reacts to.
#[derive(Debug, Serialize, Deserialize)]
pub struct Delivery {
    pub event_id: i64,
}

/// Records an event and its dispatch, in the caller's transaction.
pub async fn publish<C: ConnectionTrait>(conn: &C, e: Event) -> Result<i64, DbErr> {
    let row = event::Entity::insert(event::ActiveModel {
        kind: Set(e.kind().to_string()),
        network_id: Set(e.network_id()),
        payload: Set(e.payload().to_string()),
        created_at: Set(crate::clock::now()),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    let id = row.last_insert_id;
    let mut job = NewJob::new(DISPATCH, &Delivery { event_id: id }).unique(format!("{DISPATCH}:{id}"));
    if let Some(n) = e.network_id() {
        job = job.network(n);
    }
    crate::jobs::enqueue(conn, job).await?;
    Ok(id)
}

/// Reads the event of a subscriber's job, as `T` (the event's payload).
pub async fn delivered<T: serde::de::DeserializeOwned>(ctx: &Ctx, conn: &DatabaseTransaction) -> Result<T, JobError> {
    let d: Delivery = ctx.payload()?;
    let row = event::Entity::find_by_id(d.event_id)
        .one(conn)
        .await?
        .ok_or_else(|| JobError::Fail(format!("event {} is gone", d.event_id)))?;
    serde_json::from_str(&row.payload)
        .map_err(|e| JobError::Fail(format!("unreadable payload of event {} ({}): {e}", row.id, row.kind)))
}

/// Who listens to which kind of event: the job kind each subscriber's reaction runs as.
#[derive(Debug, Clone, Default)]
pub struct Subscriptions {
    by_kind: BTreeMap<&'static str, Vec<&'static str>>,
}

impl Subscriptions {
    pub fn new() -> Subscriptions {
        Subscriptions::default()
    }

    /// The job `job_kind` (registered with its handler) reacts to every `event_kind`.
    pub fn on(mut self, event_kind: &'static str, job_kind: &'static str) -> Subscriptions {
        self.by_kind.entry(event_kind).or_default().push(job_kind);
        self
    }

    /// Every (event kind, job kind) pair, for checks.
    pub fn pairs(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.by_kind
            .iter()
            .flat_map(|(e, jobs)| jobs.iter().map(move |j| (*e, *j)))
    }
}

/// Registers the dispatch job, which gives each subscriber of an event a job of its own.
pub fn register(r: Registry, subscriptions: Subscriptions) -> Registry {
    let subscriptions = Arc::new(subscriptions);
    r.with(
        DISPATCH,
        handler(move |ctx, txn| {
            let subscriptions = subscriptions.clone();
            Box::pin(async move { dispatch(ctx, txn, &subscriptions).await })
        }),
    )
}

async fn dispatch(ctx: &Ctx, txn: &DatabaseTransaction, subscriptions: &Subscriptions) -> Result<(), JobError> {
    let d: Delivery = ctx.payload()?;
    let row = event::Entity::find_by_id(d.event_id)
        .one(txn)
        .await?
        .ok_or_else(|| JobError::Fail(format!("event {} is gone", d.event_id)))?;
    for job_kind in subscriptions.by_kind.get(row.kind.as_str()).into_iter().flatten() {
        let mut job = NewJob::new(job_kind, &Delivery { event_id: row.id }).unique(format!("{job_kind}:{}", row.id));
        if let Some(n) = row.network_id {
            job = job.network(n);
        }
        crate::jobs::enqueue(txn, job).await?;
    }
    Ok(())
}
