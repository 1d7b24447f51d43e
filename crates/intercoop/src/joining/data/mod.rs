//! Applications to join: what an application says (as the API's body and the form's
//! fields) and its checks ([`form`]), taking it (one open application per contact and
//! organisation) and confirming the contact's address ([`take`]), and reading them for
//! the review, with the poll that decides one ([`review`]). The decision is
//! [`super::decide`]'s; spam resistance is [`super::guard`]'s.

pub mod form;
pub mod review;
pub mod take;

pub use form::{APPLYING_KINDS, ApplicationForm, ApplicationIn, ContactIn, OrganisationIn, Valid};
pub use review::{
    ApplicationCommentOut, ApplicationOut, ApplicationPollState, MAX_COMMENT_CHARS, add_comment, get, list, overview,
    overview_page, read,
};
pub use take::{Taken, by_token, charter, confirm, take};

/// The longest "why we want to join" (characters).
pub const MAX_MOTIVATION_CHARS: usize = 5_000;
/// The most software names an application lists.
pub const MAX_SOFTWARE: usize = 30;
/// How long a confirmation link works (days).
pub const CONFIRM_DAYS: i64 = 7;

intercoop_domain::text_enum!(
    /// Where an application stands: `unconfirmed` until its contact confirms their
    /// address (nobody sees it), `pending` for the review, then decided.
    Status { Unconfirmed = "unconfirmed", Pending = "pending", Accepted = "accepted", Declined = "declined" }
);
