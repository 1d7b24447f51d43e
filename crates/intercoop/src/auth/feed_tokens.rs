//! Personal feed tokens: the address of a private feed (a person's calendar of meetings,
//! `assemblies::feed`; their logbook's Atom feed, `logbook::private_feed`) holds a token
//! that is the authority, stored hashed ([`super::tokens`]), one per person and network.
//! Each feature keeps its own table of the same shape: `token_hash` (the primary key),
//! `person_id`, `network_id`, `created_at`.

use crate::error::AppResult;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, EntityTrait};

/// A new token (with `prefix` naming its feed) for a person in a network, stored hashed
/// in `table` (a feed table of the shape above); the person's previous token there is
/// removed, so the old address stops working. Returns the token, to be shown once.
pub async fn renew<E: EntityTrait, C: ConnectionTrait>(
    conn: &C,
    table: E,
    prefix: &str,
    person_id: i64,
    network_id: i64,
) -> AppResult<String> {
    conn.execute(
        Query::delete()
            .from_table(table)
            .and_where(Expr::col("person_id").eq(person_id))
            .and_where(Expr::col("network_id").eq(network_id)),
    )
    .await?;
    let token = super::tokens::new_token(prefix);
    conn.execute(
        Query::insert()
            .into_table(table)
            .columns(["token_hash", "person_id", "network_id", "created_at"])
            .values_panic([
                super::tokens::hash_token(&token).into(),
                person_id.into(),
                network_id.into(),
                crate::clock::now().into(),
            ]),
    )
    .await?;
    Ok(token)
}
