//! Migration 17: the money side (issue 16).
//! - `payment_settings`: a network's legal name, address, bank account and payment
//!   reference scheme (Belgian structured communication or RF), shown on its requests;
//! - `network_budgets`: its monthly costs and grant, for the runway;
//! - `payment_requests` gain a number without gaps per network and year
//!   (`payment_request_numbers` holds the last one given), a payment reference, what
//!   has been paid, a sponsored part, a label, the fee period they bill and when their
//!   reminders went;
//! - `ledger_entries`, `ledger_lines`, `ledger_balances`: the double-entry journal and
//!   each account's balance, kept in the transaction of each money event;
//! - `payments` (recorded by hand or imported) and `bank_statements` (each import,
//!   once: its digest is unique per network);
//! - `fee_schedules`: a network's fees for a year.
//!
//! # Carrying the requests over (a frozen copy)
//! [`carry_over`] numbers the existing requests per network and year of their creation
//! in the network's time zone, in the order they were made, gives each the Belgian
//! structured communication of its number (the scheme of a network without settings),
//! and posts each request and each catch-up credit into the journal as the money
//! feature does: a share requested is a debit of the organisation's receivable and a
//! credit of the campaign's project account; a catch-up credit a debit of the
//! project account and a credit of the funder's member-credit account. The balances
//! are the sums of the lines.
//!
//! Frozen history: names are spelled out here and nothing outside `db` is called (the
//! check digits of the references are a copy of the rule, [`structured`]).

use super::migrations::{BoxFuture, Step, fk, id, index, int, int_null, table, text, text_null, ts, ts_null};
use sea_orm::sea_query::ForeignKeyAction::{Cascade, Restrict};
use sea_orm::sea_query::{Alias, ColumnDef, Expr, ExprTrait, Func, JoinType, Query, Table};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbErr};
use std::collections::BTreeMap;

fn int_default(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .big_integer()
        .not_null()
        .default(0)
        .take()
}

fn text_default(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name)).text().not_null().default("").take()
}

fn add(column: ColumnDef) -> Step {
    Step::Alter(Box::new(
        Table::alter()
            .table(Alias::new("payment_requests"))
            .add_column(column)
            .take(),
    ))
}

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "payment_settings",
            vec![
                id(),
                int("network_id"),
                text("legal_name"),
                text("address"),
                text("iban"),
                text_null("bic"),
                text("reference_scheme"),
                ts("updated_at"),
            ],
            vec![fk("payment_settings", "network_id", "networks", Cascade)],
        ),
        index("payment_settings", &["network_id"], true),
        table(
            "network_budgets",
            vec![
                id(),
                int("network_id"),
                int("monthly_costs_cents"),
                int("grant_monthly_cents"),
                ColumnDef::new(Alias::new("grant_ends_on")).date().null().take(),
                ts("updated_at"),
            ],
            vec![fk("network_budgets", "network_id", "networks", Cascade)],
        ),
        index("network_budgets", &["network_id"], true),
        table(
            "payment_request_numbers",
            vec![id(), int("network_id"), int("year"), int("last_number")],
            vec![fk("payment_request_numbers", "network_id", "networks", Cascade)],
        ),
        index("payment_request_numbers", &["network_id", "year"], true),
        table(
            "fee_schedules",
            vec![
                id(),
                int("network_id"),
                int("year"),
                text("period"),
                // {"observer": [[min_size, monthly_cents], …], "active": […]}
                text("tiers"),
                int("sponsorship_basis_points"),
                int("sponsorship_years"),
                ts("created_at"),
            ],
            vec![fk("fee_schedules", "network_id", "networks", Cascade)],
        ),
        index("fee_schedules", &["network_id", "year"], true),
        add(int_default("year")),
        add(int_default("number")),
        add(text_default("reference")),
        add(int_default("paid_cents")),
        add(int_default("sponsored_cents")),
        add(text_default("label")),
        add(int_null("fee_schedule_id")),
        add(int_null("fee_period")),
        add(ts_null("reminded_at")),
        add(ts_null("escalated_at")),
        table(
            "bank_statements",
            vec![
                id(),
                int("network_id"),
                text("digest"),
                text("format"),
                int("entries"),
                int("matched"),
                int_null("imported_by"),
                ts("imported_at"),
            ],
            vec![fk("bank_statements", "network_id", "networks", Cascade)],
        ),
        index("bank_statements", &["network_id", "digest"], true),
        table(
            "payments",
            vec![
                id(),
                int("network_id"),
                int_null("organisation_id"),
                int_null("payment_request_id"),
                int_null("statement_id"),
                int("amount_cents"),
                ColumnDef::new(Alias::new("booked_on")).date().not_null().take(),
                text("payer_name"),
                text("payer_iban"),
                text("remittance"),
                // The bank's own reference of the entry (or a digest of it): a line
                // imported twice is recognised.
                text_null("bank_ref"),
                text("status"),
                int_null("recorded_by"),
                ts("created_at"),
            ],
            vec![
                fk("payments", "network_id", "networks", Cascade),
                fk("payments", "organisation_id", "organisations", Restrict),
                fk("payments", "payment_request_id", "payment_requests", Restrict),
                fk("payments", "statement_id", "bank_statements", Restrict),
            ],
        ),
        index("payments", &["network_id", "bank_ref"], true),
        index("payments", &["network_id", "status", "id"], false),
        index("payments", &["payment_request_id"], false),
        table(
            "ledger_entries",
            vec![
                id(),
                int("network_id"),
                text("kind"),
                int_null("payment_request_id"),
                int_null("payment_id"),
                int_null("credit_id"),
                int_null("campaign_id"),
                text("memo"),
                ts("occurred_at"),
                ts("created_at"),
            ],
            vec![fk("ledger_entries", "network_id", "networks", Cascade)],
        ),
        index("ledger_entries", &["network_id", "id"], false),
        table(
            "ledger_lines",
            vec![
                id(),
                int("network_id"),
                int("entry_id"),
                text("account"),
                int("party"),
                int("amount_cents"),
            ],
            vec![
                fk("ledger_lines", "network_id", "networks", Cascade),
                fk("ledger_lines", "entry_id", "ledger_entries", Cascade),
            ],
        ),
        index("ledger_lines", &["network_id", "account", "party", "entry_id"], false),
        index("ledger_lines", &["entry_id"], false),
        table(
            "ledger_balances",
            vec![
                id(),
                int("network_id"),
                text("account"),
                int("party"),
                int("balance_cents"),
            ],
            vec![fk("ledger_balances", "network_id", "networks", Cascade)],
        ),
        index("ledger_balances", &["network_id", "account", "party"], true),
        Step::Backfill(carry_over),
        index("payment_requests", &["network_id", "year", "number"], true),
        index("payment_requests", &["network_id", "reference"], false),
        index("payment_requests", &["network_id", "status", "due_at"], false),
        index(
            "payment_requests",
            &["fee_schedule_id", "fee_period", "organisation_id"],
            true,
        ),
    ]
}

/// The Belgian structured communication of `base` (10 digits), electronic form: the
/// digits, then their remainder modulo 97 (97 for 0). A frozen copy of the rule.
fn structured(base: i64) -> String {
    let check = match base % 97 {
        0 => 97,
        r => r,
    };
    format!("{base:010}{check:02}")
}

/// Numbers, references and the journal of the requests and credits made before (see
/// the module's doc).
fn carry_over(txn: &DatabaseTransaction) -> BoxFuture<'_, Result<(), DbErr>> {
    Box::pin(async move {
        let mut zones = BTreeMap::new();
        for row in txn
            .query_all(Query::select().columns(["id", "time_zone"]).from("networks"))
            .await?
        {
            let id: i64 = row.try_get("", "id")?;
            let zone: String = row.try_get("", "time_zone")?;
            let tz = jiff::tz::TimeZone::get(&zone).unwrap_or(jiff::tz::TimeZone::UTC);
            zones.insert(id, tz);
        }
        let rows = txn
            .query_all(
                Query::select()
                    .columns(["id", "network_id", "created_at"])
                    .from("payment_requests")
                    .order_by("id", sea_orm::Order::Asc),
            )
            .await?;
        let mut last: BTreeMap<(i64, i64), i64> = BTreeMap::new();
        for row in rows {
            let id: i64 = row.try_get("", "id")?;
            let network: i64 = row.try_get("", "network_id")?;
            let at: time::OffsetDateTime = row.try_get("", "created_at")?;
            let tz = zones.get(&network).cloned().unwrap_or(jiff::tz::TimeZone::UTC);
            let year = jiff::Timestamp::from_second(at.unix_timestamp())
                .map(|t| i64::from(t.to_zoned(tz).year()))
                .unwrap_or(i64::from(at.year()));
            let number = last.entry((network, year)).or_insert(0);
            *number += 1;
            let base = year * 1_000_000 + *number;
            if !(0..10_000_000_000).contains(&base) {
                return Err(DbErr::Custom(format!("payment request {id}: year {year} out of range")));
            }
            txn.execute(
                Query::update()
                    .table("payment_requests")
                    .value("year", year)
                    .value("number", *number)
                    .value("reference", structured(base))
                    .and_where(Expr::col("id").eq(id)),
            )
            .await?;
        }
        for ((network, year), number) in last {
            txn.execute(
                Query::insert()
                    .into_table("payment_request_numbers")
                    .columns(["network_id", "year", "last_number"])
                    .values_panic([network.into(), year.into(), number.into()]),
            )
            .await?;
        }
        // One entry per request …
        let requests = Query::select()
            .column("network_id")
            .expr(Expr::val("share-requested"))
            .column("id")
            .column("campaign_id")
            .expr(Expr::val(""))
            .column("created_at")
            .column("created_at")
            .from("payment_requests")
            .take();
        let mut insert = Query::insert();
        insert
            .into_table("ledger_entries")
            .columns([
                "network_id",
                "kind",
                "payment_request_id",
                "campaign_id",
                "memo",
                "occurred_at",
                "created_at",
            ])
            .select_from(requests)
            .map_err(|e| DbErr::Custom(e.to_string()))?;
        txn.execute(&insert).await?;
        // … and per catch-up credit (its network and campaign through its catch-up).
        let credits = Query::select()
            .column(("c", "network_id"))
            .expr(Expr::val("catch-up-credited"))
            .column(("cr", "id"))
            .column(("c", "id"))
            .expr(Expr::val(""))
            .column(("cr", "created_at"))
            .column(("cr", "created_at"))
            .from_as("catch_up_credits", "cr")
            .join_as(
                JoinType::InnerJoin,
                "catch_ups",
                "cu",
                Expr::col(("cu", "id")).equals(("cr", "catch_up_id")),
            )
            .join_as(
                JoinType::InnerJoin,
                "campaigns",
                "c",
                Expr::col(("c", "id")).equals(("cu", "campaign_id")),
            )
            .take();
        let mut insert = Query::insert();
        insert
            .into_table("ledger_entries")
            .columns([
                "network_id",
                "kind",
                "credit_id",
                "campaign_id",
                "memo",
                "occurred_at",
                "created_at",
            ])
            .select_from(credits)
            .map_err(|e| DbErr::Custom(e.to_string()))?;
        txn.execute(&insert).await?;
        // The lines: two per entry.
        let line = |kind: &'static str,
                    source: &'static str,
                    source_col: &'static str,
                    account: &'static str,
                    party: (&'static str, &'static str),
                    sign: i64| {
            let amount = if sign > 0 {
                Expr::col(("s", "amount_cents"))
            } else {
                Expr::val(0).sub(Expr::col(("s", "amount_cents")))
            };
            Query::select()
                .column(("e", "network_id"))
                .column(("e", "id"))
                .expr(Expr::val(account))
                .column(party)
                .expr(amount)
                .from_as("ledger_entries", "e")
                .join_as(
                    JoinType::InnerJoin,
                    source,
                    "s",
                    Expr::col(("s", "id")).equals(("e", source_col)),
                )
                .and_where(Expr::col(("e", "kind")).eq(kind))
                .take()
        };
        for select in [
            line(
                "share-requested",
                "payment_requests",
                "payment_request_id",
                "receivable",
                ("s", "organisation_id"),
                1,
            ),
            line(
                "share-requested",
                "payment_requests",
                "payment_request_id",
                "project",
                ("e", "campaign_id"),
                -1,
            ),
            line(
                "catch-up-credited",
                "catch_up_credits",
                "credit_id",
                "project",
                ("e", "campaign_id"),
                1,
            ),
            line(
                "catch-up-credited",
                "catch_up_credits",
                "credit_id",
                "member-credit",
                ("s", "organisation_id"),
                -1,
            ),
        ] {
            let mut insert = Query::insert();
            insert
                .into_table("ledger_lines")
                .columns(["network_id", "entry_id", "account", "party", "amount_cents"])
                .select_from(select)
                .map_err(|e| DbErr::Custom(e.to_string()))?;
            txn.execute(&insert).await?;
        }
        // A request without a campaign would have a project line of party NULL: none
        // was ever made (every request before this migration was a campaign's).
        let balances = Query::select()
            .columns(["network_id", "account", "party"])
            .expr(Func::sum(Expr::col("amount_cents")))
            .from("ledger_lines")
            .group_by_columns(["network_id", "account", "party"])
            .take();
        let mut insert = Query::insert();
        insert
            .into_table("ledger_balances")
            .columns(["network_id", "account", "party", "balance_cents"])
            .select_from(balances)
            .map_err(|e| DbErr::Custom(e.to_string()))?;
        txn.execute(&insert).await?;
        Ok(())
    })
}
