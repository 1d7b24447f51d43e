//! What the money feature tells, and to whom: a fee or a month's provision for a shared
//! recurring cost requested (the organisation's representative), a reminder of an unpaid request after its due date (the same),
//! and, when it stays unpaid, the escalation (the representative and the network's
//! administrators). Recipients are read when the email is made.

use super::entities::payment_request;
use super::requests::{number_of, printed_reference};
use crate::error::AppResult;
use crate::notifications::recipients::{people, representatives};
use crate::notifications::{Addressee, Audiences, Kind, Notice, Var, audience, notify};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

pub fn audiences(a: Audiences) -> Audiences {
    a.with(
        Kind::FeeRequest,
        audience(|conn, n| Box::pin(async move { debtor(conn, n, false).await })),
    )
    .with(
        Kind::ProvisionRequest,
        audience(|conn, n| Box::pin(async move { debtor(conn, n, false).await })),
    )
    .with(
        Kind::PaymentReminder,
        audience(|conn, n| Box::pin(async move { debtor(conn, n, true).await })),
    )
}

/// The representative of the request's organisation; for an escalated reminder, the
/// network's administrators too.
async fn debtor<C: ConnectionTrait>(conn: &C, n: &Notice, escalation: bool) -> AppResult<Vec<Addressee>> {
    let Some(id) = n.about else {
        return Ok(Vec::new());
    };
    let Some(r) = payment_request::Entity::find_by_id(id)
        .filter(payment_request::Column::NetworkId.eq(n.network_id))
        .one(conn)
        .await?
    else {
        return Ok(Vec::new());
    };
    let mut to = people(representatives(conn, n.network_id, Some(&[r.organisation_id])).await?);
    if escalation && matches!(n.vars.get("escalated"), Some(Var::Num(1))) {
        use crate::entities::{network_person, person};
        let admins = network_person::Entity::find()
            .filter(network_person::Column::NetworkId.eq(n.network_id))
            .filter(network_person::Column::IsAdmin.eq(true))
            .all(conn)
            .await?;
        for a in admins {
            let active = person::Entity::find_by_id(a.person_id)
                .one(conn)
                .await?
                .is_some_and(|p| !p.disabled);
            if active && !to.iter().any(|t| t.person_id == a.person_id) {
                to.push(Addressee::new(a.person_id));
            }
        }
    }
    Ok(to)
}

fn about(kind: Kind, r: &payment_request::Model) -> Notice {
    Notice::new(kind, r.network_id)
        .about(r.id)
        .var("amount", Var::Money(r.amount_cents))
        .var("due", Var::Date(r.due_at))
        .text("number", number_of(r))
        .text("reference", printed_reference(&r.reference))
        .text("label", r.label.clone())
        .var("credit", Var::Money(r.credit_cents))
        .text("credit_part", if r.credit_cents > 0 { "1" } else { "" })
        .link(format!("/money/requests/{}", r.id))
}

/// A fee requested: its organisation's representative is told what to pay and how.
pub async fn fee_requested<C: ConnectionTrait>(conn: &C, r: &payment_request::Model) -> AppResult<()> {
    let notice = about(Kind::FeeRequest, r)
        .var("sponsored", Var::Money(r.sponsored_cents))
        .text("sponsored_part", if r.sponsored_cents > 0 { "1" } else { "" });
    notify(conn, notice, Some(format!("fee_request:{}", r.id))).await
}

/// A month's provision for a shared recurring cost: its organisation's representative
/// is told what to set aside, for what, and how to pay.
pub async fn provision_requested<C: ConnectionTrait>(conn: &C, r: &payment_request::Model) -> AppResult<()> {
    notify(
        conn,
        about(Kind::ProvisionRequest, r),
        Some(format!("provision_request:{}", r.id)),
    )
    .await
}

/// A period's contribution into a pool (`pools::periodic`): told as a provision (the
/// same kind, so the same preference), with the pool's own explanation.
pub async fn pool_requested<C: ConnectionTrait>(conn: &C, r: &payment_request::Model) -> AppResult<()> {
    notify(
        conn,
        about(Kind::ProvisionRequest, r).text("pool_part", "1"),
        Some(format!("pool_request:{}", r.id)),
    )
    .await
}

/// A reminder of an unpaid request (`escalated`: the second, to the administrators too).
pub async fn reminder<C: ConnectionTrait>(conn: &C, r: &payment_request::Model, escalated: bool) -> AppResult<()> {
    let notice = about(Kind::PaymentReminder, r)
        .var("outstanding", Var::Money(r.amount_cents - r.paid_cents))
        .var("escalated", Var::Num(i64::from(escalated)));
    let key = format!("payment_reminder:{}:{}", r.id, if escalated { 2 } else { 1 });
    notify(conn, notice, Some(key)).await
}
