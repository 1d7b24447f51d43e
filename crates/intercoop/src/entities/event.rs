//! Table `events` (migration 9): what happened in one feature that others react to
//! (see `crate::events`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `poll_closed`…
    pub kind: String,
    pub network_id: Option<i64>,
    /// The event's facts, as JSON (see `crate::events::Event`).
    pub payload: String,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
