//! What happened to a proposal, in order: its timeline (`proposal_events`), written by
//! the proposals, the co-funding and the decisions of polls.

use crate::access::Doer;
use crate::db;
use crate::error::AppResult;
use intercoop_domain::lifecycle::ProposalStatus;
use sea_orm::{ConnectionTrait, EntityTrait, Set};

/// Table `proposal_events`.
pub mod event {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "proposal_events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub proposal_id: i64,
        pub actor_id: Option<i64>,
        pub kind: String,
        pub from_status: Option<String>,
        pub to_status: Option<String>,
        pub reason: String,
        pub poll_id: Option<i64>,
        pub at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
// ---------------------------------------------------------------- timeline

pub struct EventInput<'a> {
    pub kind: &'a str,
    pub from: Option<ProposalStatus>,
    pub to: Option<ProposalStatus>,
    pub reason: String,
    pub poll_id: Option<i64>,
}

pub async fn add_event<C: ConnectionTrait>(
    conn: &C,
    proposal_id: i64,
    doer: &Doer,
    e: EventInput<'_>,
) -> AppResult<()> {
    event::Entity::insert(event_row(proposal_id, doer, e))
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// A timeline event, to insert (alone, or with others: a batch of pledges).
pub fn event_row(proposal_id: i64, doer: &Doer, e: EventInput<'_>) -> event::ActiveModel {
    event::ActiveModel {
        proposal_id: Set(proposal_id),
        actor_id: Set(doer.person_id),
        kind: Set(e.kind.to_string()),
        from_status: Set(e.from.map(|s| s.as_str().to_string())),
        to_status: Set(e.to.map(|s| s.as_str().to_string())),
        reason: Set(e.reason),
        poll_id: Set(e.poll_id),
        at: Set(db::now()),
        ..Default::default()
    }
}
