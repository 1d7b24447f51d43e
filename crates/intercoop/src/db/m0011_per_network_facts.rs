//! Migration 11: what an organisation is in one network stays in that network
//! (issue 20, "shared data crosses networks").
//! - `memberships.size`: the size a network counts (sharing keys by size, polls weighted
//!   by size) is the network's own fact, filled from `organisations.size`, which is
//!   dropped: an administrator of another network can no longer change it;
//! - `network_affiliations` replaces `affiliations`: a person is tied to an organisation
//!   *in a network* (their title, their roles there), so a tie made in one network
//!   gives nothing and shows nothing in another.
//!
//! # Carrying the ties over (a frozen copy)
//! [`carry_over`] copies each tie into every network that holds the organisation and
//! that the person belongs to (`network_people`), which is where the tie was seen
//! before. A tie whose person belongs to none of the organisation's networks is copied
//! into all of them, as it acted before (it put the person in the electorate of polls
//! by person): nothing is lost, and an administrator can see and end it there.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called.

use super::migrations::{BoxFuture, Step, fk, id, index, int, table, text, ts};
use sea_orm::sea_query::ForeignKeyAction::Cascade;
use sea_orm::sea_query::{Alias, ColumnDef, Expr, ExprTrait, Query, SubQueryStatement, Table};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbErr};

pub(crate) fn up() -> Vec<Step> {
    vec![
        Step::Alter(Box::new(
            Table::alter()
                .table(Alias::new("memberships"))
                .add_column(ColumnDef::new(Alias::new("size")).big_integer().null())
                .take(),
        )),
        table(
            "network_affiliations",
            vec![
                id(),
                int("network_id"),
                int("organisation_id"),
                int("person_id"),
                text("title"),
                ts("created_at"),
            ],
            vec![
                fk("network_affiliations", "network_id", "networks", Cascade),
                fk("network_affiliations", "organisation_id", "organisations", Cascade),
                fk("network_affiliations", "person_id", "people", Cascade),
            ],
        ),
        Step::Backfill(carry_over),
        index(
            "network_affiliations",
            &["network_id", "organisation_id", "person_id"],
            true,
        ),
        index("network_affiliations", &["person_id", "network_id"], false),
        Step::Drop(Box::new(Table::drop().table(Alias::new("affiliations")).take())),
        Step::Alter(Box::new(
            Table::alter()
                .table(Alias::new("organisations"))
                .drop_column(Alias::new("size"))
                .take(),
        )),
    ]
}

/// Sizes into the memberships, ties into their networks (see the module's doc). Two
/// statements, whatever the size.
fn carry_over(txn: &DatabaseTransaction) -> BoxFuture<'_, Result<(), DbErr>> {
    Box::pin(async move {
        let size = Query::select()
            .column(("o", "size"))
            .from_as("organisations", "o")
            .and_where(Expr::col(("o", "id")).equals(("memberships", "organisation_id")))
            .take();
        txn.execute(Query::update().table("memberships").value(
            "size",
            Expr::SubQuery(None, Box::new(SubQueryStatement::SelectStatement(size))),
        ))
        .await?;
        // The person belongs to the membership's network…
        let in_network = Query::select()
            .expr(Expr::val(1))
            .from_as("network_people", "np")
            .and_where(Expr::col(("np", "network_id")).equals(("m", "network_id")))
            .and_where(Expr::col(("np", "person_id")).equals(("a", "person_id")))
            .take();
        // … or to none of the organisation's networks.
        let in_any = Query::select()
            .expr(Expr::val(1))
            .from_as("memberships", "m2")
            .join_as(
                sea_orm::sea_query::JoinType::InnerJoin,
                "network_people",
                "np2",
                Expr::col(("np2", "network_id")).equals(("m2", "network_id")),
            )
            .and_where(Expr::col(("m2", "organisation_id")).equals(("a", "organisation_id")))
            .and_where(Expr::col(("np2", "person_id")).equals(("a", "person_id")))
            .take();
        let ties = Query::select()
            .column(("m", "network_id"))
            .column(("a", "organisation_id"))
            .column(("a", "person_id"))
            .column(("a", "title"))
            .column(("a", "created_at"))
            .from_as("affiliations", "a")
            .join_as(
                sea_orm::sea_query::JoinType::InnerJoin,
                "memberships",
                "m",
                Expr::col(("m", "organisation_id")).equals(("a", "organisation_id")),
            )
            .cond_where(Expr::exists(in_network).or(Expr::exists(in_any).not()))
            .take();
        let mut insert = Query::insert();
        insert
            .into_table("network_affiliations")
            .columns(["network_id", "organisation_id", "person_id", "title", "created_at"])
            .select_from(ties)
            .map_err(|e| DbErr::Custom(e.to_string()))?;
        txn.execute(&insert).await?;
        Ok(())
    })
}
