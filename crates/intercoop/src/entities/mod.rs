//! SeaORM entities, one file per table. The schema itself is in `db::migrations`.

pub mod affiliation;
pub mod api_token;
pub mod audit_entry;
pub mod event;
pub mod held_notice;
pub mod idempotency_key;
pub mod job;
pub mod login_token;
pub mod membership;
pub mod network;
pub mod network_person;
pub mod notification_setting;
pub mod organisation;
pub mod organisation_software;
pub mod outbox_attachment;
pub mod outbox_message;
pub mod person;
pub mod representative;
pub mod session;
pub mod unsubscribe_token;
