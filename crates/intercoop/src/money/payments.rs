//! Money received: recorded by hand against a request, imported from a bank statement
//! and matched (by reference, then by amount and payer), or left for the treasurer to
//! say whose it is. Each payment is posted to the journal in its transaction: a
//! request is paid up to what it still asks, the rest becomes the member's credit
//! (an overpayment is kept, never lost); a payment nobody is found for waits in the
//! `unidentified` account.
//!
//! What a member pays beyond a request is applied to its other open requests, the
//! oldest first (`credit`).
//!
//! An import applies whole or not at all (one transaction), and the same file imported
//! twice changes nothing (its digest is unique per network); a movement already
//! imported from another file (the same bank reference) is skipped.

use super::entities::{payment, payment_request, statement};
use super::files::{self, FileError};
use super::ledger::{self, About};
use super::requests;
use super::settings;
use crate::audit::{self, Actor, Change};
use crate::db;
use crate::error::{AppError, AppResult, FieldErrors};
use intercoop_domain::Money;
use intercoop_domain::ledger::Event;
use intercoop_domain::payments::{self as rules, Match, Open, PaymentStatus, ReceivedStatus};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A payment as shown.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PaymentOut {
    pub id: i64,
    pub organisation_id: Option<i64>,
    pub payment_request_id: Option<i64>,
    pub amount_cents: i64,
    #[serde(with = "crate::api::iso_date")]
    #[schema(value_type = String, format = Date)]
    pub booked_on: time::Date,
    pub payer_name: String,
    pub payer_iban: String,
    pub remittance: String,
    /// applied or unmatched
    pub status: String,
}

impl From<payment::Model> for PaymentOut {
    fn from(p: payment::Model) -> Self {
        PaymentOut {
            id: p.id,
            organisation_id: p.organisation_id,
            payment_request_id: p.payment_request_id,
            amount_cents: p.amount_cents,
            booked_on: p.booked_on,
            payer_name: p.payer_name,
            payer_iban: p.payer_iban,
            remittance: p.remittance,
            status: p.status.to_string(),
        }
    }
}

/// A payment recorded by hand, as the API takes it and the form sends it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaymentIn {
    pub payment_request_id: i64,
    pub amount_cents: i64,
    /// The day the bank booked it (`YYYY-MM-DD`); today when left out.
    #[serde(default, with = "crate::api::iso_date::option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub booked_on: Option<time::Date>,
    #[serde(default)]
    pub payer_name: String,
}

/// Records a payment of a request by hand: partial (the request stays open),
/// exact (paid), or more (paid, the rest the member's credit). A cancelled or paid
/// request is refused (422 on `payment_request_id`).
pub async fn record<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    input: &PaymentIn,
    today: time::Date,
) -> AppResult<payment::Model> {
    let mut errors = FieldErrors::default();
    if input.amount_cents <= 0 {
        errors.add("amount_cents", "amount-positive");
    }
    let payer_name = errors.optional_line("payer_name", &input.payer_name, 140);
    let r = match requests::get(conn, network_id, input.payment_request_id).await {
        Ok(r) => Some(r),
        Err(AppError::NotFound) => {
            errors.add("payment_request_id", "request-unknown");
            None
        }
        Err(e) => return Err(e),
    };
    if let Some(r) = &r {
        match *r.status {
            PaymentStatus::Cancelled => errors.add("payment_request_id", "request-cancelled"),
            PaymentStatus::Paid => errors.add("payment_request_id", "request-paid"),
            PaymentStatus::Open => {}
        }
    }
    errors.into_result()?;
    let r = r.ok_or(AppError::NotFound)?;
    let amount = Money::from_cents(input.amount_cents);
    let to_request = amount.min(requests::outstanding(&r));
    let row = payment::ActiveModel {
        network_id: Set(network_id),
        organisation_id: Set(Some(r.organisation_id)),
        payment_request_id: Set(Some(r.id)),
        statement_id: Set(None),
        amount_cents: Set(amount.cents()),
        booked_on: Set(input.booked_on.unwrap_or(today)),
        payer_name: Set(payer_name),
        payer_iban: Set(String::new()),
        remittance: Set(String::new()),
        bank_ref: Set(None),
        status: Set(ReceivedStatus::Applied.into()),
        recorded_by: Set(actor.person_id),
        created_at: Set(db::now()),
        ..Default::default()
    };
    let row = payment::Entity::insert(row).exec_with_returning(conn).await?;
    requests::add_paid(conn, &r, to_request.cents(), false).await?;
    ledger::post(
        conn,
        network_id,
        vec![(
            Event::PaymentReceived {
                organisation: r.organisation_id,
                amount,
                to_receivable: to_request,
            },
            About {
                payment_request_id: Some(r.id),
                payment_id: Some(row.id),
                ..About::default()
            },
        )],
    )
    .await?;
    if amount > to_request {
        super::credit::apply(conn, network_id, [r.organisation_id]).await?;
    }
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "payment.record",
            entity: "payment",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(&PaymentOut::from(row.clone())),
    )
    .await?;
    Ok(row)
}

/// What an import did.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ImportOut {
    pub statement_id: i64,
    /// The same file was imported before: nothing changed.
    pub already_imported: bool,
    /// Movements in the file.
    pub entries: i64,
    /// Money in, recorded now.
    pub received: i64,
    /// Of those, matched to a request.
    pub matched: i64,
    /// Of those, waiting for the treasurer (`/money/unmatched`).
    pub unmatched: i64,
    /// Money out, and movements imported before from another file: skipped.
    pub skipped: i64,
}

fn file_error(e: FileError) -> AppError {
    let mut errors = FieldErrors::default();
    errors.add_with(
        "statement",
        e.code,
        vec![("at", e.at.to_string()), ("detail", e.detail)],
    );
    AppError::Invalid(errors)
}

/// Imports a bank statement (see the module's doc).
pub async fn import<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    currency: &str,
    bytes: &[u8],
) -> AppResult<ImportOut> {
    let digest = hex(&Sha256::digest(bytes));
    if let Some(before) = statement::Entity::find()
        .filter(statement::Column::NetworkId.eq(network_id))
        .filter(statement::Column::Digest.eq(&digest))
        .one(conn)
        .await?
    {
        return Ok(ImportOut {
            statement_id: before.id,
            already_imported: true,
            entries: before.entries,
            matched: before.matched,
            ..ImportOut::default()
        });
    }
    let file = files::read(bytes).map_err(file_error)?;
    if let (Some(account), Some(s)) = (&file.account, settings::get(conn, network_id).await?)
        && account.replace(' ', "") != s.iban
    {
        return Err(file_error(FileError {
            code: "statement-other-account",
            at: 0,
            detail: account.clone(),
        }));
    }
    for (i, line) in file.lines.iter().enumerate() {
        if !line.currency.is_empty() && line.currency != currency {
            return Err(file_error(FileError {
                code: "statement-currency",
                at: i + 1,
                detail: line.currency.clone(),
            }));
        }
    }
    let stmt = statement::Entity::insert(statement::ActiveModel {
        network_id: Set(network_id),
        digest: Set(digest),
        format: Set(file.format.to_string()),
        entries: Set(file.lines.len() as i64),
        matched: Set(0),
        imported_by: Set(actor.person_id),
        imported_at: Set(db::now()),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await?;
    // Movements imported before (from another file).
    let refs: Vec<String> = file.lines.iter().map(|l| l.bank_ref.clone()).collect();
    let mut known: HashSet<String> = HashSet::new();
    for chunk in refs.chunks(500) {
        let found: Vec<Option<String>> = payment::Entity::find()
            .select_only()
            .column(payment::Column::BankRef)
            .filter(payment::Column::NetworkId.eq(network_id))
            .filter(payment::Column::BankRef.is_in(chunk.to_vec()))
            .into_tuple()
            .all(conn)
            .await?;
        known.extend(found.into_iter().flatten());
    }
    let open_rows = payment_request::Entity::find()
        .filter(payment_request::Column::NetworkId.eq(network_id))
        .filter(payment_request::Column::Status.eq(PaymentStatus::Open.as_str()))
        .order_by_asc(payment_request::Column::Id)
        .all(conn)
        .await?;
    let mut open: Vec<Open> = open_rows
        .iter()
        .map(|r| Open {
            id: r.id,
            organisation_id: r.organisation_id,
            reference: r.reference.clone(),
            outstanding: requests::outstanding(r),
        })
        .collect();
    let by_id: HashMap<i64, &payment_request::Model> = open_rows.iter().map(|r| (r.id, r)).collect();
    let payers = payers_by_iban(conn, network_id).await?;
    let mut out = ImportOut {
        statement_id: stmt.id,
        entries: file.lines.len() as i64,
        ..ImportOut::default()
    };
    let mut rows = Vec::new();
    let mut matches = Vec::new();
    let mut paid: BTreeMap<i64, i64> = BTreeMap::new();
    // Organisations that paid more than a request asked: their credit is applied after.
    let mut credited: std::collections::BTreeSet<i64> = std::collections::BTreeSet::new();
    let now = db::now();
    for line in &file.lines {
        if !line.amount.is_positive() || !known.insert(line.bank_ref.clone()) {
            out.skipped += 1;
            continue;
        }
        let payer = payers.get(&line.payer_iban).copied();
        let found = rules::match_payment(
            &rules::Received {
                amount: line.amount,
                remittance: line.remittance.clone(),
                payer,
            },
            &open,
        );
        let request = match found {
            Match::Reference(id) | Match::AmountAndPayer(id) => Some(id),
            Match::PayerOnly(_) | Match::Unmatched => None,
        };
        let mut event = Event::Unidentified { amount: line.amount };
        let mut organisation = None;
        if let Some(id) = request
            && let Some(o) = open.iter_mut().find(|o| o.id == id)
        {
            let to_request = line.amount.min(o.outstanding);
            if to_request < line.amount {
                credited.insert(o.organisation_id);
            }
            o.outstanding = Money::from_cents(o.outstanding.cents() - to_request.cents());
            *paid.entry(id).or_default() += to_request.cents();
            organisation = Some(o.organisation_id);
            event = Event::PaymentReceived {
                organisation: o.organisation_id,
                amount: line.amount,
                to_receivable: to_request,
            };
            out.matched += 1;
        } else {
            out.unmatched += 1;
        }
        out.received += 1;
        matches.push((event, request));
        rows.push(payment::ActiveModel {
            network_id: Set(network_id),
            organisation_id: Set(organisation),
            payment_request_id: Set(request),
            statement_id: Set(Some(stmt.id)),
            amount_cents: Set(line.amount.cents()),
            booked_on: Set(line.booked_on),
            payer_name: Set(intercoop_domain::text::line(&line.payer_name, 140).unwrap_or_default()),
            payer_iban: Set(line.payer_iban.clone()),
            remittance: Set(line.remittance.chars().take(500).collect()),
            bank_ref: Set(Some(line.bank_ref.clone())),
            status: Set(if request.is_some() {
                ReceivedStatus::Applied
            } else {
                ReceivedStatus::Unmatched
            }
            .into()),
            recorded_by: Set(actor.person_id),
            created_at: Set(now),
            ..Default::default()
        });
    }
    let mut ids: Vec<i64> = crate::db::insert_all_returning(conn, rows)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    ids.sort_unstable();
    for (id, cents) in &paid {
        if let Some(r) = by_id.get(id) {
            requests::add_paid(conn, r, *cents, false).await?;
        }
    }
    let events = matches
        .into_iter()
        .zip(ids)
        .map(|((event, request), payment_id)| {
            (
                event,
                About {
                    payment_request_id: request,
                    payment_id: Some(payment_id),
                    ..About::default()
                },
            )
        })
        .collect();
    ledger::post(conn, network_id, events).await?;
    super::credit::apply(conn, network_id, credited).await?;
    statement::Entity::update_many()
        .col_expr(statement::Column::Matched, Expr::val(out.matched))
        .filter(statement::Column::Id.eq(stmt.id))
        .exec(conn)
        .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "bank_statement.import",
            entity: "bank_statement",
            entity_id: Some(stmt.id),
        },
        None::<&()>,
        Some(&out),
    )
    .await?;
    Ok(out)
}

/// The network's organisations by their bank account (electronic form).
async fn payers_by_iban<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<HashMap<String, i64>> {
    use sea_orm::sea_query::{JoinType, Query};
    #[derive(sea_orm::FromQueryResult)]
    struct Row {
        id: i64,
        bank_account: String,
    }
    let mut q = Query::select();
    q.column(("o", "id"))
        .column(("o", "bank_account"))
        .from_as("memberships", "m")
        .join_as(
            JoinType::InnerJoin,
            "organisations",
            "o",
            Expr::col(("o", "id")).equals(("m", "organisation_id")),
        )
        .and_where(Expr::col(("m", "network_id")).eq(network_id));
    let rows: Vec<Row> = crate::db::fetch_all(conn, &q).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let compact: String = r
                .bank_account
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_uppercase();
            (!compact.is_empty()).then_some((compact, r.id))
        })
        .collect())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Says whose an unmatched payment is: a request of the network (paid up to what it
/// still asks, the rest the member's credit).
pub async fn assign<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    payment_id: i64,
    request_id: i64,
) -> AppResult<payment::Model> {
    let p = payment::Entity::find_by_id(payment_id)
        .filter(payment::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    if *p.status != ReceivedStatus::Unmatched {
        return Err(AppError::Conflict("payment-matched"));
    }
    let r = match requests::get(conn, network_id, request_id).await {
        Ok(r) => r,
        Err(AppError::NotFound) => return Err(AppError::invalid("payment_request_id", "request-unknown")),
        Err(e) => return Err(e),
    };
    match *r.status {
        PaymentStatus::Cancelled => return Err(AppError::invalid("payment_request_id", "request-cancelled")),
        PaymentStatus::Paid => return Err(AppError::invalid("payment_request_id", "request-paid")),
        PaymentStatus::Open => {}
    }
    let amount = Money::from_cents(p.amount_cents);
    let to_request = amount.min(requests::outstanding(&r));
    let done = payment::Entity::update_many()
        .col_expr(payment::Column::Status, Expr::val(ReceivedStatus::Applied.as_str()))
        .col_expr(payment::Column::OrganisationId, Expr::val(r.organisation_id))
        .col_expr(payment::Column::PaymentRequestId, Expr::val(r.id))
        .filter(payment::Column::Id.eq(p.id))
        .filter(payment::Column::Status.eq(ReceivedStatus::Unmatched.as_str()))
        .exec(conn)
        .await?;
    if done.rows_affected != 1 {
        return Err(AppError::Conflict("changed-meanwhile"));
    }
    requests::add_paid(conn, &r, to_request.cents(), false).await?;
    ledger::post(
        conn,
        network_id,
        vec![(
            Event::Identified {
                organisation: r.organisation_id,
                amount,
                to_receivable: to_request,
            },
            About {
                payment_request_id: Some(r.id),
                payment_id: Some(p.id),
                ..About::default()
            },
        )],
    )
    .await?;
    if amount > to_request {
        super::credit::apply(conn, network_id, [r.organisation_id]).await?;
    }
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "payment.assign",
            entity: "payment",
            entity_id: Some(p.id),
        },
        Some(&PaymentOut::from(p.clone())),
        Some(&serde_json::json!({"payment_request_id": r.id})),
    )
    .await?;
    payment::Entity::find_by_id(p.id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// The payments waiting for the treasurer, oldest first (at most `limit`).
pub async fn unmatched<C: ConnectionTrait>(conn: &C, network_id: i64, limit: u64) -> AppResult<Vec<payment::Model>> {
    Ok(payment::Entity::find()
        .filter(payment::Column::NetworkId.eq(network_id))
        .filter(payment::Column::Status.eq(ReceivedStatus::Unmatched.as_str()))
        .order_by_asc(payment::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

/// How many received payments are still unmatched (the treasurer's overview), counted
/// on the index (network_id, status, id).
pub async fn unmatched_count<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<u64> {
    use sea_orm::PaginatorTrait;
    Ok(payment::Entity::find()
        .filter(payment::Column::NetworkId.eq(network_id))
        .filter(payment::Column::Status.eq(ReceivedStatus::Unmatched.as_str()))
        .count(conn)
        .await?)
}

/// The payments of a request.
pub async fn of_request<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    request_id: i64,
) -> AppResult<Vec<payment::Model>> {
    Ok(payment::Entity::find()
        .filter(payment::Column::NetworkId.eq(network_id))
        .filter(payment::Column::PaymentRequestId.eq(request_id))
        .order_by_asc(payment::Column::Id)
        .all(conn)
        .await?)
}
