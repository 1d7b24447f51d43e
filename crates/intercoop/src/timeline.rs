//! What happened to a proposal, in order: its timeline (`proposal_events`), written by
//! the proposals, the co-funding and the decisions of polls.

use crate::access::Doer;
use crate::db;
use crate::db::types::Text;
use crate::error::AppResult;
use intercoop_domain::lifecycle::ProposalStatus;
use sea_orm::{ConnectionTrait, EntityTrait, Set};

/// Table `proposal_events`.
pub mod event {
    use crate::db::types::Text;
    use intercoop_domain::lifecycle::ProposalStatus;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "proposal_events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub proposal_id: i64,
        pub actor_id: Option<i64>,
        pub kind: Text<super::TimelineKind>,
        pub from_status: Option<Text<ProposalStatus>>,
        pub to_status: Option<Text<ProposalStatus>>,
        pub reason: String,
        pub poll_id: Option<i64>,
        pub at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
// ---------------------------------------------------------------- timeline

intercoop_domain::text_enum!(
    /// What a timeline entry records (each has a Fluent message `proposals-event-<kind>`);
    /// `effect_failed`: a passed poll's effect the proposal could not take (the reason is
    /// the refusal's message id); `pledge_released`: the pledge of an organisation that
    /// left the network (the reason is its name).
    TimelineKind {
        Posted = "posted",
        Transition = "transition",
        Interest = "interest",
        Comment = "comment",
        Objection = "objection",
        Quote = "quote",
        QuoteSelected = "quote_selected",
        Pledge = "pledge",
        PledgeWithdrawn = "pledge_withdrawn",
        PledgeReleased = "pledge_released",
        Adopted = "adopted",
        Priority = "priority",
        EffectFailed = "effect_failed",
    }
);

/// A timeline entry to record: its kind, the status change if any, a reason or detail
/// (free text: a person's reason, an organisation's name, a rank), the deciding poll.
pub struct EventInput {
    pub kind: TimelineKind,
    pub from: Option<ProposalStatus>,
    pub to: Option<ProposalStatus>,
    pub reason: String,
    pub poll_id: Option<i64>,
}

pub async fn add_event<C: ConnectionTrait>(conn: &C, proposal_id: i64, doer: &Doer, e: EventInput) -> AppResult<()> {
    event::Entity::insert(event_row(proposal_id, doer, e))
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// A timeline event, to insert (alone, or with others: a batch of pledges).
pub fn event_row(proposal_id: i64, doer: &Doer, e: EventInput) -> event::ActiveModel {
    event::ActiveModel {
        proposal_id: Set(proposal_id),
        actor_id: Set(doer.person_id),
        kind: Set(e.kind.into()),
        from_status: Set(e.from.map(Text)),
        to_status: Set(e.to.map(Text)),
        reason: Set(e.reason),
        poll_id: Set(e.poll_id),
        at: Set(db::now()),
        ..Default::default()
    }
}
