//! Table `unsubscribe_tokens` (migration 10): the one-click unsubscribe link of an email
//! (RFC 8058), stored hashed.

use crate::db::types::Text;
use crate::notifications::Kind;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "unsubscribe_tokens")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub person_id: i64,
    pub network_id: i64,
    pub kind: Text<Kind>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub used_at: Option<TimeDateTimeWithTimeZone>,
    /// A list's link (migration 23): leaves that list rather than turning a kind off.
    pub list_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
