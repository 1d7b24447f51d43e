//! Tables of the mailing lists (migration 23).

macro_rules! entity {
    ($m:ident, $table:literal, { $($field:ident : $ty:ty),* $(,)? }) => {
        pub mod $m {
            use sea_orm::entity::prelude::*;

            #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
            #[sea_orm(table_name = $table)]
            pub struct Model {
                #[sea_orm(primary_key)]
                pub id: i64,
                $(pub $field: $ty,)*
            }

            #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
            pub enum Relation {}

            impl ActiveModelBehavior for ActiveModel {}
        }
    };
}

// `posting`: members, representatives, core, facilitator, moderated (`super::data::Posting`);
// `reply_to`: list or sender.
entity!(list, "lists", {
    network_id: i64,
    name: String,
    local_part: String,
    description: String,
    posting: String,
    subscribed_by_default: bool,
    reply_to: String,
    moderate_first_posts: bool,
    moderate_non_members: bool,
    public: bool,
    created_at: TimeDateTimeWithTimeZone,
});

// `delivery`: each, digest, web, none (`super::data::Delivery`).
entity!(subscription, "list_subscriptions", {
    list_id: i64,
    network_id: i64,
    person_id: i64,
    delivery: String,
    created_at: TimeDateTimeWithTimeZone,
});

// `message_id`: the RFC 5322 id without angle brackets; `refs`: the References, space
// separated; `status`: held, published, rejected; `source`: web or email.
entity!(message, "list_messages", {
    list_id: i64,
    network_id: i64,
    thread_id: Option<i64>,
    parent_id: Option<i64>,
    message_id: String,
    refs: String,
    author_id: Option<i64>,
    from_address: String,
    from_name: String,
    subject: String,
    body_text: String,
    body_html: String,
    status: String,
    hold_reason: Option<String>,
    source: String,
    decided_by: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
});

entity!(attachment, "list_attachments", {
    list_message_id: i64,
    network_id: i64,
    filename: String,
    content_type: String,
    size: i64,
    data: Vec<u8>,
});

// An address a moderator accepted for a person: their next mails from it are posted.
entity!(sender, "list_senders", {
    network_id: i64,
    address: String,
    person_id: i64,
    created_at: TimeDateTimeWithTimeZone,
});
