//! A member's credit applied automatically: what an organisation paid beyond what it
//! was asked (or was credited by a catch-up) pays its open requests, the oldest first,
//! as soon as there is both (a request made, a payment recorded, imported or matched).
//! Each use is an entry of the journal (`credit-applied`: member credit against
//! receivable) linked to its request, and the request keeps the part paid from credit
//! (`credit_cents`), shown on it and in the statement. The split is the domain's
//! (`intercoop_domain::payments::allocate_credit`).
//!
//! Never more than the credit: the credit is read from the journal in the transaction,
//! each request is paid by a conditional update (still open, with the paid amount as
//! read, so twice is impossible), and after posting, a credit balance that turned into
//! a debit (another transaction used the same credit meanwhile) rolls everything back
//! (409 `changed-meanwhile`).

use super::entities::payment_request;
use super::ledger::{self, About};
use super::requests;
use crate::error::{AppError, AppResult};
use intercoop_domain::Money;
use intercoop_domain::ledger::{Account, Event};
use intercoop_domain::payments::{PaymentStatus, allocate_credit};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::BTreeSet;

/// Applies the credit of each of `organisations` to its open requests, the oldest
/// first; returns how many requests it paid (in part or in full).
pub async fn apply<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    organisations: impl IntoIterator<Item = i64>,
) -> AppResult<usize> {
    let orgs: BTreeSet<i64> = organisations.into_iter().collect();
    let mut events = Vec::new();
    let mut touched = Vec::new();
    for org in orgs {
        let balance = ledger::balance(conn, network_id, Account::credit(org)).await?;
        // The journal holds a credit as a negative balance.
        let credit = Money::from_cents(balance.cents().saturating_neg());
        if !credit.is_positive() {
            continue;
        }
        let open = payment_request::Entity::find()
            .filter(payment_request::Column::NetworkId.eq(network_id))
            .filter(payment_request::Column::OrganisationId.eq(org))
            .filter(payment_request::Column::Status.eq(PaymentStatus::Open.as_str()))
            .order_by_asc(payment_request::Column::Id)
            .all(conn)
            .await?;
        let owed: Vec<(i64, Money)> = open.iter().map(|r| (r.id, requests::outstanding(r))).collect();
        for (id, amount) in allocate_credit(credit, &owed) {
            let Some(r) = open.iter().find(|r| r.id == id) else {
                continue;
            };
            requests::add_paid(conn, r, amount.cents(), true).await?;
            events.push((
                Event::CreditApplied {
                    organisation: org,
                    amount,
                },
                About {
                    payment_request_id: Some(id),
                    ..About::default()
                },
            ));
        }
        touched.push(org);
    }
    let paid = events.len();
    ledger::post(conn, network_id, events).await?;
    for org in touched {
        if ledger::balance(conn, network_id, Account::credit(org))
            .await?
            .is_positive()
        {
            return Err(AppError::Conflict("changed-meanwhile"));
        }
    }
    Ok(paid)
}
