//! Table `outbox`.

use crate::db::types::Text;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub network_id: Option<i64>,
    pub to_address: String,
    pub to_name: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub language: Text<crate::i18n::Lang>,
    /// The kind of notification (`poll_opened`…): see `crate::notifications::Kind`.
    pub kind: Text<crate::notifications::Kind>,
    pub status: Text<crate::mail::worker::OutboxStatus>,
    pub attempts: i64,
    pub next_attempt_at: TimeDateTimeWithTimeZone,
    pub locked_until: Option<TimeDateTimeWithTimeZone>,
    pub locked_by: Option<String>,
    pub sent_at: Option<TimeDateTimeWithTimeZone>,
    pub last_error: Option<String>,
    pub created_at: TimeDateTimeWithTimeZone,
    /// The person the message is for.
    pub person_id: Option<i64>,
    /// Its one-click unsubscribe link (RFC 8058); none for security messages.
    pub unsubscribe_url: Option<String>,
    /// An iCalendar invitation (`METHOD:REQUEST` or `CANCEL`) sent with the message.
    pub calendar: Option<String>,
    /// A list message's copy: its list headers (`crate::lists::delivery::ListHeaders`, JSON).
    pub list_headers: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
