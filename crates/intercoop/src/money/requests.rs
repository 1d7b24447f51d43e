//! Payment requests: who owes what for what (co-funding shares, catch-up shares,
//! membership fees, anything else the treasurer asks), each numbered without gaps per
//! network and year, with its payment reference, and posted to the journal in the
//! transaction that makes it.
//!
//! # Numbers without gaps
//! `payment_request_numbers` holds the last number given per network and year (the
//! year of the request's making in the network's time zone). Making requests adds
//! their count to it with one upsert whose `RETURNING` gives the new last number, in
//! the transaction that inserts them: a rollback takes the numbers back, and two
//! transactions wait for each other on that row (PostgreSQL's row lock; SQLite's one
//! writer), so numbers are never skipped nor given twice (a unique index on network,
//! year and number is the last guard).
//!
//! # References
//! A request's reference is made from its year and number (`YYYYNNNNNN`, 10 digits:
//! at most 999 999 requests per network and year) under the network's scheme at the
//! time (Belgian structured communication by default, or RF): it never changes after.

use super::entities::{number, payment_request};
use super::ledger::{self, About};
use super::settings;
use crate::db;
use crate::error::{AppError, AppResult};
use intercoop_domain::Money;
use intercoop_domain::bank::Reference;
use intercoop_domain::ledger::{Account, Event};
use intercoop_domain::payments::{PaymentPurpose, PaymentStatus};
use intercoop_domain::sharing::Shares;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::Serialize;
use time::{Duration, OffsetDateTime};

/// How long a payment request gives to pay.
pub const PAYMENT_DAYS: i64 = 30;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PaymentRequestOut {
    pub id: i64,
    pub organisation_id: i64,
    pub amount_cents: i64,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub due_at: OffsetDateTime,
    pub purpose: String,
    pub status: String,
    /// Its number, `YYYY-N` (N without gaps per network and year).
    pub number: String,
    /// Its payment reference as printed (`+++202/6000/00042+++` or `RF…`).
    pub reference: String,
    pub paid_cents: i64,
    /// The part of `paid_cents` that came from the organisation's credit.
    pub credit_cents: i64,
    /// The part of a fee the network pays (sponsorship), not asked.
    pub sponsored_cents: i64,
    pub label: String,
}

impl From<payment_request::Model> for PaymentRequestOut {
    fn from(r: payment_request::Model) -> Self {
        PaymentRequestOut {
            id: r.id,
            organisation_id: r.organisation_id,
            amount_cents: r.amount_cents,
            due_at: r.due_at,
            purpose: r.purpose.to_string(),
            status: r.status.to_string(),
            number: number_of(&r),
            reference: printed_reference(&r.reference),
            paid_cents: r.paid_cents,
            credit_cents: r.credit_cents,
            sponsored_cents: r.sponsored_cents,
            label: r.label,
        }
    }
}

/// `2026-42`.
pub fn number_of(r: &payment_request::Model) -> String {
    format!("{}-{}", r.year, r.number)
}

/// A stored reference as printed (what was stored is always valid; a row written by
/// hand that is not is shown as it is).
pub fn printed_reference(electronic: &str) -> String {
    Reference::parse(electronic)
        .map(|r| r.to_string())
        .unwrap_or_else(|_| electronic.to_string())
}

/// A request to make.
#[derive(Debug, Clone)]
pub struct NewRequest {
    pub organisation_id: i64,
    pub purpose: PaymentPurpose,
    /// What is asked.
    pub amount: Money,
    /// The part of a fee the network pays.
    pub sponsored: Money,
    pub label: String,
    pub campaign_id: Option<i64>,
    pub catch_up_id: Option<i64>,
    pub fee: Option<(i64, i64)>,
    /// A provision: its reserve and month (`year × 100 + month`).
    pub reserve: Option<(i64, i64)>,
    /// A periodic contribution: its pool and period (first day as `YYYYMMDD`).
    pub pool: Option<(i64, i64)>,
    pub due_at: OffsetDateTime,
}

impl NewRequest {
    fn event(&self) -> AppResult<Event> {
        let organisation = self.organisation_id;
        Ok(match self.purpose {
            PaymentPurpose::CoFunding | PaymentPurpose::CatchUp => Event::ShareRequested {
                organisation,
                campaign: self
                    .campaign_id
                    .ok_or_else(|| AppError::Internal(anyhow::anyhow!("a share without campaign")))?,
                amount: self.amount,
            },
            PaymentPurpose::Fee => Event::FeeRequested {
                organisation,
                gross: self
                    .amount
                    .checked_add(self.sponsored)
                    .ok_or_else(|| AppError::invalid("amount_cents", "amount-out-of-range"))?,
                sponsored: self.sponsored,
            },
            PaymentPurpose::Other => Event::OtherRequested {
                organisation,
                amount: self.amount,
            },
            PaymentPurpose::Provision => Event::ProvisionRequested {
                organisation,
                reserve: self
                    .reserve
                    .ok_or_else(|| AppError::Internal(anyhow::anyhow!("a provision without reserve")))?
                    .0,
                amount: self.amount,
            },
        })
    }
}

/// The account a request credited when it was made (what its cancellation debits).
pub fn credited_account(r: &payment_request::Model) -> Account {
    match *r.purpose {
        PaymentPurpose::CoFunding | PaymentPurpose::CatchUp => Account::project(r.campaign_id.unwrap_or(0)),
        PaymentPurpose::Fee => Account::FEE_INCOME,
        PaymentPurpose::Other => Account::OTHER_INCOME,
        PaymentPurpose::Provision => Account::reserve(r.reserve_id.unwrap_or(0)),
    }
}

/// The year of `at` in the network's time zone.
pub async fn year_of<C: ConnectionTrait>(conn: &C, network_id: i64, at: OffsetDateTime) -> AppResult<i64> {
    let network = crate::entities::network::Entity::find_by_id(network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let tz = jiff::tz::TimeZone::get(&network.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let ts = jiff::Timestamp::from_second(at.unix_timestamp()).map_err(|e| AppError::Internal(e.into()))?;
    Ok(i64::from(ts.to_zoned(tz).year()))
}

/// Takes `count` numbers of `year` for the network: the first of them.
async fn take_numbers<C: ConnectionTrait>(conn: &C, network_id: i64, year: i64, count: i64) -> AppResult<i64> {
    let add = Expr::col((Alias::new("payment_request_numbers"), Alias::new("last_number")))
        .add(Expr::col((Alias::new("excluded"), Alias::new("last_number"))));
    let row = number::Entity::insert(number::ActiveModel {
        network_id: Set(network_id),
        year: Set(year),
        last_number: Set(count),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([number::Column::NetworkId, number::Column::Year])
            .value(number::Column::LastNumber, add)
            .to_owned(),
    )
    .exec_with_returning(conn)
    .await?;
    Ok(row.last_number - count + 1)
}

/// Makes requests (numbered in the order given, with their references) and posts them
/// to the journal: three statements for the requests, whatever their number. Returned
/// in id order, which is their order.
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    new: Vec<NewRequest>,
) -> AppResult<Vec<payment_request::Model>> {
    if new.is_empty() {
        return Ok(Vec::new());
    }
    for n in &new {
        if !n.amount.is_positive() || n.sponsored.is_negative() {
            return Err(AppError::invalid("amount_cents", "amount-positive"));
        }
    }
    let now = db::now();
    let year = year_of(conn, network_id, now).await?;
    let scheme = settings::scheme(conn, network_id).await?;
    let first = take_numbers(conn, network_id, year, new.len() as i64).await?;
    if first + new.len() as i64 - 1 > 999_999 {
        return Err(AppError::Conflict("too-many-requests"));
    }
    let mut rows = Vec::with_capacity(new.len());
    let mut events = Vec::with_capacity(new.len());
    for (i, n) in new.iter().enumerate() {
        let number = first + i as i64;
        let reference = Reference::for_number(scheme, (year * 1_000_000 + number) as u64)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("reference of {year}-{number}: {e}")))?;
        events.push(n.event()?);
        rows.push(payment_request::ActiveModel {
            network_id: Set(network_id),
            organisation_id: Set(n.organisation_id),
            campaign_id: Set(n.campaign_id),
            catch_up_id: Set(n.catch_up_id),
            purpose: Set(n.purpose.into()),
            amount_cents: Set(n.amount.cents()),
            due_at: Set(n.due_at),
            status: Set(PaymentStatus::Open.into()),
            created_at: Set(now),
            year: Set(year),
            number: Set(number),
            reference: Set(reference.electronic().to_string()),
            paid_cents: Set(0),
            sponsored_cents: Set(n.sponsored.cents()),
            label: Set(n.label.clone()),
            fee_schedule_id: Set(n.fee.map(|f| f.0)),
            fee_period: Set(n.fee.map(|f| f.1)),
            reminded_at: Set(None),
            escalated_at: Set(None),
            reserve_id: Set(n.reserve.map(|r| r.0)),
            credit_cents: Set(0),
            reserve_month: Set(n.reserve.map(|r| r.1)),
            pool_id: Set(n.pool.map(|p| p.0)),
            pool_period: Set(n.pool.map(|p| p.1)),
            ..Default::default()
        });
    }
    let mut requests = crate::db::insert_all_returning(conn, rows).await?;
    requests.sort_by_key(|r| r.id);
    let posted = requests
        .iter()
        .zip(events)
        .map(|(r, e)| {
            (
                e,
                About {
                    payment_request_id: Some(r.id),
                    campaign_id: r.campaign_id,
                    ..About::default()
                },
            )
        })
        .collect();
    ledger::post(conn, network_id, posted).await?;
    // A member's credit pays its new requests at once (the oldest first).
    let orgs: Vec<i64> = requests.iter().map(|r| r.organisation_id).collect();
    if super::credit::apply(conn, network_id, orgs).await? > 0 {
        let ids: Vec<i64> = requests.iter().map(|r| r.id).collect();
        let mut fresh = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            fresh.extend(
                payment_request::Entity::find()
                    .filter(payment_request::Column::Id.is_in(chunk.to_vec()))
                    .all(conn)
                    .await?,
            );
        }
        fresh.sort_by_key(|r| r.id);
        return Ok(fresh);
    }
    Ok(requests)
}

/// One payment request per participant with a positive share of a funded campaign,
/// due in [`PAYMENT_DAYS`]; returned in id order.
pub async fn for_campaign<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    campaign_id: i64,
    shares: &Shares,
) -> AppResult<Vec<payment_request::Model>> {
    let due = db::now() + Duration::days(PAYMENT_DAYS);
    let new = shares
        .lines
        .iter()
        .filter(|l| l.amount.is_positive())
        .map(|line| NewRequest {
            organisation_id: line.organisation_id,
            purpose: PaymentPurpose::CoFunding,
            amount: line.amount,
            sponsored: Money::ZERO,
            label: String::new(),
            campaign_id: Some(campaign_id),
            catch_up_id: None,
            fee: None,
            reserve: None,
            pool: None,
            due_at: due,
        })
        .collect();
    create(conn, network_id, new).await
}

/// A late adopter's payment request for its catch-up share, due in [`PAYMENT_DAYS`].
pub async fn for_catch_up<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    organisation_id: i64,
    campaign_id: i64,
    catch_up_id: i64,
    amount_cents: i64,
) -> AppResult<payment_request::Model> {
    let new = NewRequest {
        organisation_id,
        purpose: PaymentPurpose::CatchUp,
        amount: Money::from_cents(amount_cents),
        sponsored: Money::ZERO,
        label: String::new(),
        campaign_id: Some(campaign_id),
        catch_up_id: Some(catch_up_id),
        fee: None,
        reserve: None,
        pool: None,
        due_at: db::now() + Duration::days(PAYMENT_DAYS),
    };
    create(conn, network_id, vec![new])
        .await?
        .pop()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no request made")))
}

/// The credits a catch-up share gives earlier funders, `(credit id, organisation,
/// amount)`, posted to the journal: the campaign's money becomes theirs.
pub async fn credits_given<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    campaign_id: i64,
    credits: &[(i64, i64, Money)],
) -> AppResult<()> {
    let events = credits
        .iter()
        .map(|(id, organisation, amount)| {
            (
                Event::CatchUpCredited {
                    organisation: *organisation,
                    campaign: campaign_id,
                    amount: *amount,
                },
                About {
                    credit_id: Some(*id),
                    campaign_id: Some(campaign_id),
                    ..About::default()
                },
            )
        })
        .collect();
    ledger::post(conn, network_id, events).await
}

/// One request of the network (another network's reads as absent).
pub async fn get<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<payment_request::Model> {
    payment_request::Entity::find_by_id(id)
        .filter(payment_request::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// What is still owed on a request (0 once paid or cancelled).
pub fn outstanding(r: &payment_request::Model) -> Money {
    if *r.status == PaymentStatus::Open {
        Money::from_cents(std::cmp::max(r.amount_cents - r.paid_cents, 0))
    } else {
        Money::ZERO
    }
}

/// Adds `cents` to what a request has been paid (`from_credit`: out of the member's
/// credit, kept apart on the request), if it is still as read (open, with that paid
/// amount): 409 `changed-meanwhile` otherwise. Every path that pays a request comes
/// here (a payment recorded by hand, imported from a bank statement, assigned by the
/// treasurer, a member's credit applied), so what follows a request becoming paid is
/// done once, in the payment's transaction: a pool's periodic request gives its pool
/// the contribution ([`crate::pools::periodic::paid`]). The conditional update lets
/// one transaction only turn a request paid.
pub async fn add_paid<C: ConnectionTrait>(
    conn: &C,
    r: &payment_request::Model,
    cents: i64,
    from_credit: bool,
) -> AppResult<()> {
    let overflow = || AppError::invalid("amount_cents", "amount-out-of-range");
    let paid = r.paid_cents.checked_add(cents).ok_or_else(overflow)?;
    let credit = if from_credit {
        r.credit_cents.checked_add(cents).ok_or_else(overflow)?
    } else {
        r.credit_cents
    };
    let status = if paid >= r.amount_cents {
        PaymentStatus::Paid
    } else {
        PaymentStatus::Open
    };
    let done = payment_request::Entity::update_many()
        .col_expr(payment_request::Column::PaidCents, Expr::val(paid))
        .col_expr(payment_request::Column::CreditCents, Expr::val(credit))
        .col_expr(payment_request::Column::Status, Expr::val(status.as_str()))
        .filter(payment_request::Column::Id.eq(r.id))
        .filter(payment_request::Column::Status.eq(PaymentStatus::Open.as_str()))
        .filter(payment_request::Column::PaidCents.eq(r.paid_cents))
        .exec(conn)
        .await?;
    if done.rows_affected != 1 {
        return Err(AppError::Conflict("changed-meanwhile"));
    }
    if status == PaymentStatus::Paid {
        crate::pools::periodic::paid(conn, r).await?;
    }
    Ok(())
}

/// Cancels an unpaid request: nothing more is owed, the journal takes back what it
/// asked, and a payment for it is refused from now on. A request partly paid is not
/// cancelled (409 `request-partly-paid`: its payment would have nowhere to go), nor a
/// provision whose money a campaign has taken or was promised (409
/// `reserve-would-overdraw`, [`super::reserves::may_take_back`]).
pub async fn cancel<C: ConnectionTrait>(
    conn: &C,
    actor: crate::audit::Actor,
    network_id: i64,
    id: i64,
) -> AppResult<payment_request::Model> {
    let r = get(conn, network_id, id).await?;
    if *r.status != PaymentStatus::Open {
        return Err(AppError::Conflict("request-not-open"));
    }
    if r.paid_cents > 0 {
        return Err(AppError::Conflict("request-partly-paid"));
    }
    // A provision leaves its reserve: never the money a campaign has taken or was promised.
    if let (PaymentPurpose::Provision, Some(reserve)) = (*r.purpose, r.reserve_id) {
        super::reserves::may_take_back(conn, network_id, reserve, Money::from_cents(r.amount_cents)).await?;
    }
    let done = payment_request::Entity::update_many()
        .col_expr(
            payment_request::Column::Status,
            Expr::val(PaymentStatus::Cancelled.as_str()),
        )
        .filter(payment_request::Column::Id.eq(r.id))
        .filter(payment_request::Column::Status.eq(PaymentStatus::Open.as_str()))
        .filter(payment_request::Column::PaidCents.eq(0))
        .exec(conn)
        .await?;
    if done.rows_affected != 1 {
        return Err(AppError::Conflict("changed-meanwhile"));
    }
    let mut events = vec![(
        Event::Cancelled {
            organisation: r.organisation_id,
            against: credited_account(&r),
            amount: Money::from_cents(r.amount_cents),
        },
        About {
            payment_request_id: Some(r.id),
            campaign_id: r.campaign_id,
            ..About::default()
        },
    )];
    // A fee's sponsored part goes back too: the network no longer pays it.
    if r.sponsored_cents > 0 {
        events.push((
            Event::SponsorshipCancelled {
                amount: Money::from_cents(r.sponsored_cents),
            },
            About {
                payment_request_id: Some(r.id),
                ..About::default()
            },
        ));
    }
    ledger::post(conn, network_id, events).await?;
    crate::audit::record(
        conn,
        crate::audit::Change {
            network_id: Some(network_id),
            actor,
            action: "payment_request.cancel",
            entity: "payment_request",
            entity_id: Some(r.id),
        },
        Some(&PaymentRequestOut::from(r.clone())),
        None::<&()>,
    )
    .await?;
    get(conn, network_id, id).await
}
