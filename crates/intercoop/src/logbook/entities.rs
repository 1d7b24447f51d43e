//! The logbook's tables (migrations 29 and 33).

use crate::db::entity;
use crate::db::types::Text;

// An article: Markdown `body`, who reads it, who wrote it, and the newsletter issue it
// was sent as (none: not sent).
entity!(article, "logbook_articles", {
    network_id: i64,
    title: String,
    body: String,
    visibility: Text<crate::logbook::data::Visibility>,
    author_id: Option<i64>,
    issue_id: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
    updated_at: TimeDateTimeWithTimeZone,
});

// An image uploaded with an article (migration 33): `content_type` is one of PNG, JPEG,
// GIF, WebP, found from the bytes (`intercoop_domain::images`).
entity!(image, "logbook_images", {
    network_id: i64,
    article_id: i64,
    content_type: String,
    size: i64,
    data: Vec<u8>,
    created_at: TimeDateTimeWithTimeZone,
});

/// A person's private feed of a network's logbook, members' articles included
/// (migration 33; the token's SHA-256).
pub mod feed {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "logbook_feeds")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub token_hash: String,
        pub person_id: i64,
        pub network_id: i64,
        pub created_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
