//! Table `outbox_attachments` (migration 34): a file sent with a message of the outbox.

crate::db::entity!(outbox_attachment, "outbox_attachments", {
    outbox_id: i64,
    filename: String,
    content_type: String,
    data: Vec<u8>,
});

pub use outbox_attachment::*;
