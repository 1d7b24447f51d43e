//! Table `network_people`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "network_people")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub network_id: i64,
    pub person_id: i64,
    pub is_admin: bool,
    pub is_core_circle: bool,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
