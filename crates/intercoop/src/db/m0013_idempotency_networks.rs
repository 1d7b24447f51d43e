//! Migration 13: an `Idempotency-Key` belongs to a person **in a network** (the network
//! of the API token that sent it). Keys were unique per person only, so a person with a
//! token in each of two networks who used one key in both (a client that numbers its
//! requests) was answered, in the second network, with the first network's stored
//! answer, and nothing was done there.
//! - `idempotency_keys.network_id`, filled from the person's API tokens when they are
//!   all of one network; a key whose network cannot be known (tokens in several
//!   networks, or none) is deleted: it is at most a day old, and a retry of its request
//!   runs afresh rather than risk another network's answer;
//! - the unique index `(person_id, key)` becomes `(person_id, network_id, key)`.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{BoxFuture, Step, index};
use sea_orm::sea_query::{Alias, ColumnDef, Expr, ExprTrait, Index, Query, SelectStatement, Table};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbErr};

pub(crate) fn up() -> Vec<Step> {
    vec![
        Step::Alter(Box::new(
            Table::alter()
                .table(Alias::new("idempotency_keys"))
                .add_column(
                    ColumnDef::new(Alias::new("network_id"))
                        .big_integer()
                        .not_null()
                        .default(0),
                )
                .take(),
        )),
        Step::Backfill(scope_keys),
        Step::DropIndex(Box::new(
            Index::drop().name("ix_idempotency_keys_person_id_key").to_owned(),
        )),
        index("idempotency_keys", &["person_id", "network_id", "key"], true),
    ]
}

/// `MIN(network_id)` or `MAX(network_id)` of the key's person's API tokens (a
/// correlated sub-query).
fn token_network(max: bool) -> SelectStatement {
    let network = Expr::col((Alias::new("api_tokens"), Alias::new("network_id")));
    Query::select()
        .expr(if max { network.max() } else { network.min() })
        .from(Alias::new("api_tokens"))
        .and_where(
            Expr::col((Alias::new("api_tokens"), Alias::new("person_id")))
                .equals((Alias::new("idempotency_keys"), Alias::new("person_id"))),
        )
        .take()
}

/// Gives each key the network of its person's tokens when there is one; deletes the
/// others (two statements).
fn scope_keys(txn: &DatabaseTransaction) -> BoxFuture<'_, Result<(), DbErr>> {
    Box::pin(async move {
        txn.execute(
            Query::update()
                .table(Alias::new("idempotency_keys"))
                .value(Alias::new("network_id"), Expr::expr(token_network(false)))
                .and_where(Expr::expr(token_network(false)).eq(Expr::expr(token_network(true)))),
        )
        .await?;
        txn.execute(
            Query::delete()
                .from_table(Alias::new("idempotency_keys"))
                .and_where(Expr::col(Alias::new("network_id")).eq(0)),
        )
        .await?;
        Ok(())
    })
}
