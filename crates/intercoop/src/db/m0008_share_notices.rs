//! The daily digest's share changes are worked out when the digest is sent instead of
//! queued at each pledge (see the funding feature's digest): a pledge's cost no longer
//! grows with its campaign.
//! - `pledges.notified_cents`: the share its organisation was last told;
//! - `campaigns.digest_due`: the others' shares moved since the last digest, with a
//!   partial index (the digest reads the few marked campaigns, not all of them);
//! - `share_changes` is dropped once what it still held is carried over.
//!
//! # Carrying the queue over (a frozen copy)
//! [`carry_over`] gives every active pledge of an open campaign the `before_cents` of
//! the oldest unsent row of `share_changes` for its (campaign, organisation), if there
//! is one (the amount the organisation was last told), and marks the campaigns of those
//! pledges `digest_due`. The other pledges of open campaigns are told their current
//! share by the rebuild `funding.told_shares`, after the last migration: a share is
//! derived from the campaign's terms and pledges, which today's code reads.
//!
//! This migration as first released did both here with the feature's code, and marked a
//! campaign only when a first unsent amount differed from the current share. Marking
//! every campaign with an unsent row gives the same digests: the digest recomputes a
//! marked campaign's shares, reports each organisation whose share differs from what it
//! was told, and a pledge whose first unsent amount equals its current share is simply
//! not reported (then the mark is cleared). Nothing queued is lost (every organisation
//! with an unsent change is reported the move from its first unsent amount to its share
//! now, as the queue would have) or sent twice (rows already sent are not read; once
//! reported, what it was told is its share). Changes queued for a released pledge or a
//! closed campaign are dropped, as before: their organisations were told how it closed.

use super::migrations::{BoxFuture, Step};
use sea_orm::sea_query::{
    Alias, ColumnDef, ConditionalStatement, Expr, ExprTrait, Index, Order, Query, SubQueryStatement, Table,
};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbErr};

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
        Step::Backfill(carry_over),
        Step::Rebuild("funding.told_shares"),
        Step::Drop(Box::new(Table::drop().table(Alias::new("share_changes")).take())),
        Step::Index(Box::new(idx.take())),
    ]
}

/// The unsent share changes carried over to `pledges.notified_cents` and
/// `campaigns.digest_due` (see the module's doc). Two statements, whatever the size.
fn carry_over(txn: &DatabaseTransaction) -> BoxFuture<'_, Result<(), DbErr>> {
    Box::pin(async move {
        // The unsent rows of the updated pledge's campaign and organisation.
        let unsent = || {
            Query::select()
                .from_as("share_changes", "s")
                .and_where(Expr::col(("s", "campaign_id")).equals(("pledges", "campaign_id")))
                .and_where(Expr::col(("s", "organisation_id")).equals(("pledges", "organisation_id")))
                .and_where(Expr::col(("s", "sent_at")).is_null())
                .take()
        };
        let first_unsent = unsent()
            .column(("s", "before_cents"))
            .order_by(("s", "id"), Order::Asc)
            .limit(1)
            .take();
        let any_unsent = unsent().expr(Expr::val(1)).take();
        let open_campaigns = Query::select()
            .column("id")
            .from("campaigns")
            .and_where(Expr::col("status").eq("open"))
            .take();
        txn.execute(
            Query::update()
                .table("pledges")
                .value(
                    "notified_cents",
                    Expr::SubQuery(None, Box::new(SubQueryStatement::SelectStatement(first_unsent))),
                )
                .and_where(Expr::col("status").eq("active"))
                .and_where(Expr::col("campaign_id").in_subquery(open_campaigns))
                .and_where(Expr::exists(any_unsent)),
        )
        .await?;
        // Only the pledges just given an unsent amount have one yet.
        let carried = Query::select()
            .expr(Expr::val(1))
            .from_as("pledges", "p")
            .and_where(Expr::col(("p", "campaign_id")).equals(("campaigns", "id")))
            .and_where(Expr::col(("p", "notified_cents")).is_not_null())
            .take();
        txn.execute(
            Query::update()
                .table("campaigns")
                .value("digest_due", true)
                .and_where(Expr::col("status").eq("open"))
                .and_where(Expr::exists(carried)),
        )
        .await?;
        Ok(())
    })
}
