//! Table `representatives`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "representatives")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub network_id: i64,
    pub organisation_id: i64,
    pub person_id: i64,
    pub current: Option<bool>,
    pub since: TimeDateTimeWithTimeZone,
    pub until: Option<TimeDateTimeWithTimeZone>,
    pub appointed_by: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
