//! The daily digest's share changes are worked out when the digest is sent instead of
//! queued at each pledge (see `proposals::digest`): a pledge's cost no longer grows with
//! its campaign.
//! - `pledges.notified_cents`: the share its organisation was last told;
//! - `campaigns.digest_due`: the others' shares moved since the last digest, with a
//!   partial index (the digest reads the few marked campaigns, not all of them);
//! - `share_changes` is dropped once what it still held is carried over.

use super::migrations::Step;
use sea_orm::sea_query::{Alias, ColumnDef, ConditionalStatement, Expr, Index, Table};

pub(crate) fn up() -> Vec<Step> {
    let mut idx = Index::create();
    idx.name("ix_campaigns_digest_due")
        .table(Alias::new("campaigns"))
        .col(Alias::new("id"))
        .and_where(Expr::col(Alias::new("digest_due")));
    vec![
        Step::Alter(Box::new(
            Table::alter()
                .table(Alias::new("pledges"))
                .add_column(ColumnDef::new(Alias::new("notified_cents")).big_integer().null())
                .take(),
        )),
        Step::Alter(Box::new(
            Table::alter()
                .table(Alias::new("campaigns"))
                .add_column(
                    ColumnDef::new(Alias::new("digest_due"))
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .take(),
        )),
        Step::Backfill(|txn| Box::pin(crate::funding::digest::backfill_told(txn))),
        Step::Drop(Box::new(Table::drop().table(Alias::new("share_changes")).take())),
        Step::Index(Box::new(idx.take())),
    ]
}
