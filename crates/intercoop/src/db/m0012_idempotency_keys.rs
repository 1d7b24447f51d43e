//! Migration 12: `Idempotency-Key`s are stored with their answer, in the transaction
//! of their request's write, and kept a day.
//! - an index on `idempotency_keys.created_at`, for the hourly purge of the keys older
//!   than a day;
//! - the claims (`status_code` 0) that earlier versions stored before running a request
//!   are deleted: one left by a crash answered "still in progress" for ever, and a
//!   claim is not an answer (its request runs afresh when retried).
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{BoxFuture, Step, index};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbErr};

pub(crate) fn up() -> Vec<Step> {
    vec![
        index("idempotency_keys", &["created_at"], false),
        Step::Backfill(forget_claims),
    ]
}

/// Deletes the claims left without an answer (one statement).
fn forget_claims(txn: &DatabaseTransaction) -> BoxFuture<'_, Result<(), DbErr>> {
    Box::pin(async move {
        txn.execute(
            Query::delete()
                .from_table("idempotency_keys")
                .and_where(Expr::col("status_code").eq(0)),
        )
        .await?;
        Ok(())
    })
}
