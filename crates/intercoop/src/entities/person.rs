//! Table `people`.

use crate::db::types::Text;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "people")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub email: String,
    pub name: String,
    /// The collation sort key of `name` (`collation::sort_key`), kept by `before_save`;
    /// `None` only until the start that follows migration 20 fills it.
    #[serde(skip)]
    pub name_key: Option<Vec<u8>>,
    pub language: Option<Text<crate::i18n::Lang>>,
    pub password_hash: Option<String>,
    pub phone: String,
    pub disabled: bool,
    pub created_at: TimeDateTimeWithTimeZone,
    pub last_login_at: Option<TimeDateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

#[async_trait::async_trait]
impl ActiveModelBehavior for ActiveModel {
    /// Keeps `name_key` with every write of the name (lists sort by it).
    async fn before_save<C>(mut self, _db: &C, _insert: bool) -> Result<Self, DbErr>
    where
        C: ConnectionTrait,
    {
        if let sea_orm::ActiveValue::Set(name) = &self.name {
            self.name_key = sea_orm::ActiveValue::Set(Some(crate::collation::sort_key(name)));
        }
        Ok(self)
    }
}
