//! Table `notification_settings` (migration 10): how a person wants a kind of email of a
//! network (see `crate::notifications::preferences`).

use crate::db::types::Text;
use crate::notifications::{Kind, Mode};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "notification_settings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub person_id: i64,
    pub network_id: i64,
    pub kind: Text<Kind>,
    pub mode: Text<Mode>,
    pub updated_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
