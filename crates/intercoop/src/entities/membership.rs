//! Table `memberships`.

use crate::db::types::Text;
use intercoop_domain::organisation::{Level, MembershipStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "memberships")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub network_id: i64,
    pub organisation_id: i64,
    pub status: Text<MembershipStatus>,
    pub level: Text<Level>,
    /// The size this network counts (e.g. member households): sharing keys by size and
    /// polls weighted by size read it. The network's own fact (migration 11).
    pub size: Option<i64>,
    pub joined_on: Option<TimeDate>,
    pub left_on: Option<TimeDate>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
