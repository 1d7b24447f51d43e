//! Subscribing to a network's newsletter, with double opt-in: an address asked for is
//! `pending` and gets one email, the confirmation link; nothing else is ever sent to it
//! before that link is followed (`confirmed`). Each issue carries its own one-click
//! unsubscribe link (RFC 8058), which works without logging in (`left`). A subscriber is
//! an address, not a person: no account is made.
//!
//! | asked | what happens |
//! |---|---|
//! | a new address | `pending`, a confirmation email |
//! | a pending address, or one that left | `pending` again (its language as chosen now), a new confirmation email |
//! | a confirmed address | nothing changes, nothing is sent (the page says the same, so it does not tell who subscribed) |
//! | a confirmation link followed twice | the second time the page says it is already confirmed |
//! | an unsubscribe link of an address already gone | the page says it is already gone |

use super::entities::{subscriber, token};
use crate::auth::tokens::{hash_token, new_token};
use crate::db::types::Text;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Lang;
use crate::notifications::{Kind, Notice, addresses};
use intercoop_domain::text::Email;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

intercoop_domain::text_enum!(
    /// Where a subscriber stands: asked and not yet confirmed, confirmed, or gone.
    Status { Pending = "pending", Confirmed = "confirmed", Left = "left" }
);

/// How long a confirmation link works.
pub const CONFIRM_DAYS: i64 = 7;

const CONFIRM: &str = "confirm";
const UNSUBSCRIBE: &str = "unsubscribe";

/// A new link's token for a subscriber (stored hashed).
async fn new_link<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    subscriber_id: i64,
    purpose: &str,
) -> AppResult<String> {
    let t = new_token("n_");
    token::ActiveModel {
        token_hash: Set(hash_token(&t)),
        network_id: Set(network_id),
        subscriber_id: Set(subscriber_id),
        purpose: Set(purpose.to_string()),
        created_at: Set(crate::clock::now()),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(t)
}

/// A new unsubscribe link for a subscriber (each issue's `List-Unsubscribe`).
pub async fn unsubscribe_url<C: ConnectionTrait>(
    conn: &C,
    base_url: &str,
    network_id: i64,
    subscriber_id: i64,
) -> AppResult<String> {
    let t = new_link(conn, network_id, subscriber_id, UNSUBSCRIBE).await?;
    Ok(format!("{base_url}/newsletter/unsubscribe/{t}"))
}

/// Asks for `email` to receive `network_id`'s newsletter in `lang` (see the module's
/// table). Returns how many emails were written (1, or 0 for an address already
/// confirmed).
///
/// Errors: 422 on `email` for an address that is not one.
pub async fn subscribe<C: ConnectionTrait>(
    conn: &C,
    base_url: &str,
    network_id: i64,
    email: &str,
    lang: Lang,
) -> AppResult<usize> {
    let email = match Email::parse(email) {
        Ok(e) => e.as_str().to_string(),
        Err(_) => {
            let mut errors = FieldErrors::default();
            errors.add("email", "invalid-email");
            return Err(AppError::Invalid(errors));
        }
    };
    let now = crate::clock::now();
    let existing = subscriber::Entity::find()
        .filter(subscriber::Column::NetworkId.eq(network_id))
        .filter(subscriber::Column::Email.eq(email.clone()))
        .one(conn)
        .await?;
    let row = match existing {
        Some(s) if s.status.0 == Status::Confirmed => return Ok(0),
        Some(s) => {
            let mut a: subscriber::ActiveModel = s.into();
            a.status = Set(Text(Status::Pending));
            a.language = Set(Text(lang));
            a.left_at = Set(None);
            a.update(conn).await?
        }
        None => {
            subscriber::ActiveModel {
                network_id: Set(network_id),
                email: Set(email.clone()),
                language: Set(Text(lang)),
                status: Set(Text(Status::Pending)),
                created_at: Set(now),
                confirmed_at: Set(None),
                left_at: Set(None),
                ..Default::default()
            }
            .insert(conn)
            .await?
        }
    };
    let t = new_link(conn, network_id, row.id, CONFIRM).await?;
    let notice = Notice::new(Kind::NewsletterConfirmation, network_id).link(format!("/newsletter/confirm/{t}"));
    let to = vec![addresses::Recipient {
        email,
        lang,
        vars: Default::default(),
        unsubscribe_url: None,
    }];
    addresses::send_now(conn, base_url, &notice, to).await
}

/// What a link did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done now.
    Done,
    /// Already done before (a link followed twice; an address already gone).
    Already,
}

/// A link's token row and its subscriber, if the token is one of `purpose` (and, for a
/// confirmation, not older than [`CONFIRM_DAYS`]).
///
/// Errors: `NotFound` for any other token.
pub async fn link<C: ConnectionTrait>(
    conn: &C,
    t: &str,
    purpose_confirm: bool,
) -> AppResult<(token::Model, subscriber::Model)> {
    let purpose = if purpose_confirm { CONFIRM } else { UNSUBSCRIBE };
    let row = token::Entity::find()
        .filter(token::Column::TokenHash.eq(hash_token(t)))
        .filter(token::Column::Purpose.eq(purpose))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    if purpose_confirm && row.created_at < crate::clock::now() - time::Duration::days(CONFIRM_DAYS) {
        return Err(AppError::NotFound);
    }
    let s = subscriber::Entity::find_by_id(row.subscriber_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((row, s))
}

/// Follows a confirmation link: the address is confirmed (from now on it receives the
/// issues sent).
///
/// Errors: `NotFound` for an unknown or expired link.
pub async fn confirm<C: ConnectionTrait>(conn: &C, t: &str) -> AppResult<(Outcome, subscriber::Model)> {
    let (row, s) = link(conn, t, true).await?;
    if s.status.0 == Status::Confirmed || row.used_at.is_some() {
        return Ok((Outcome::Already, s));
    }
    let now = crate::clock::now();
    // The token is marked used by a conditional write: of two requests, one confirms.
    let used = token::Entity::update_many()
        .col_expr(token::Column::UsedAt, Expr::val(Some(now)))
        .filter(token::Column::Id.eq(row.id))
        .filter(token::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    if used.rows_affected == 0 {
        return Ok((Outcome::Already, s));
    }
    let mut a: subscriber::ActiveModel = s.into();
    a.status = Set(Text(Status::Confirmed));
    a.confirmed_at = Set(Some(now));
    a.left_at = Set(None);
    Ok((Outcome::Done, a.update(conn).await?))
}

/// Follows an unsubscribe link (RFC 8058 one-click, or the page's button): the address
/// receives nothing more.
///
/// Errors: `NotFound` for an unknown link.
pub async fn unsubscribe<C: ConnectionTrait>(conn: &C, t: &str) -> AppResult<(Outcome, subscriber::Model)> {
    let (row, s) = link(conn, t, false).await?;
    if s.status.0 == Status::Left {
        return Ok((Outcome::Already, s));
    }
    let now = crate::clock::now();
    token::Entity::update_many()
        .col_expr(token::Column::UsedAt, Expr::val(Some(now)))
        .filter(token::Column::Id.eq(row.id))
        .exec(conn)
        .await?;
    let mut a: subscriber::ActiveModel = s.into();
    a.status = Set(Text(Status::Left));
    a.left_at = Set(Some(now));
    Ok((Outcome::Done, a.update(conn).await?))
}
