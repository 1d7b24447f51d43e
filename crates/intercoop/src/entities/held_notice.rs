//! Table `held_notices` (migration 10): what waits for a person's daily digest.

use crate::db::types::Json;
use crate::db::types::Text;
use crate::notifications::{HeldNotice, Kind};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "held_notices")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub person_id: i64,
    pub network_id: i64,
    pub kind: Text<Kind>,
    /// The notice and what only this person sees.
    pub notice: Json<HeldNotice>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub sent_at: Option<TimeDateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
