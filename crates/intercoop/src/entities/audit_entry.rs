//! Table `audit_log`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub network_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub before: Option<String>,
    pub after: Option<String>,
    pub request_id: String,
    pub at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
