//! CSV exports a spreadsheet or an accounting program (Odoo's journal import) reads:
//! the network's journal (one row per line) and an organisation's statement. Amounts
//! are written in units with a point and two decimals, never rounded.

use super::entities::{ledger_entry, ledger_line};
use super::forms::as_units;
use super::{policy, reports};
use crate::access::require;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::{Ctx, require_user};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::BTreeMap;

fn csv_response(name: &str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        body,
    )
        .into_response()
}

fn write(rows: Vec<Vec<String>>) -> AppResult<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        w.write_record(&row).map_err(|e| AppError::Internal(e.into()))?;
    }
    w.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))
}

/// The journal: entry, date, kind, request, account, party, debit, credit.
pub async fn journal(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let db = &state.db.read;
    let network = user.network.id;
    let entries: BTreeMap<i64, ledger_entry::Model> = ledger_entry::Entity::find()
        .filter(ledger_entry::Column::NetworkId.eq(network))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let lines = ledger_line::Entity::find()
        .filter(ledger_line::Column::NetworkId.eq(network))
        .order_by_asc(ledger_line::Column::EntryId)
        .order_by_asc(ledger_line::Column::Id)
        .all(db)
        .await?;
    let mut rows = vec![
        [
            "entry",
            "date",
            "kind",
            "payment_request",
            "account",
            "party",
            "debit",
            "credit",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for l in lines {
        let Some(e) = entries.get(&l.entry_id) else { continue };
        let (debit, credit) = if l.amount_cents >= 0 {
            (as_units(l.amount_cents), String::new())
        } else {
            (String::new(), as_units(-l.amount_cents))
        };
        rows.push(vec![
            e.id.to_string(),
            e.occurred_at.date().to_string(),
            e.kind.to_string(),
            e.payment_request_id.map(|i| i.to_string()).unwrap_or_default(),
            l.account.to_string(),
            l.party.to_string(),
            debit,
            credit,
        ]);
    }
    Ok(csv_response("journal.csv", write(rows)?))
}

/// An organisation's statement: date, kind, request, amount, balance.
pub async fn statement(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    require(policy::see_account(&user.doer(), id))?;
    crate::organisations::data::get(&state.db.read, user.network.id, id).await?;
    let s = reports::statement(&state.db.read, user.network.id, id).await?;
    let mut rows = vec![
        ["date", "kind", "payment_request", "amount", "balance"]
            .map(String::from)
            .to_vec(),
    ];
    for l in s.lines {
        rows.push(vec![
            l.at.date().to_string(),
            l.kind,
            l.payment_request_id.map(|i| i.to_string()).unwrap_or_default(),
            as_units(l.amount_cents),
            as_units(l.balance_cents),
        ]);
    }
    Ok(csv_response(&format!("statement-{id}.csv"), write(rows)?))
}
