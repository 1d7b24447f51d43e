//! Shared recurring costs: reserves a network sets money aside in, month by month, for
//! a cost it knows will come. Each reserve has a monthly amount split among the member
//! organisations by a sharing key; a job (`money.provisions`, daily at 06:00 in each
//! network's time zone) asks each member its share of the current month, once (a
//! unique index on reserve, month and organisation), as a payment request of purpose
//! `provision`, emailed through the notification service. The journal credits the
//! reserve's account with each provision asked.
//!
//! A co-funding campaign may draw on a reserve ([`draw_for`]): what the reserve has
//! available (held minus what open campaigns have earmarked) covers the cost first,
//! and only the rest is shared among the pledgers; the draw is posted when the campaign
//! is funded ([`drawn`]). The rules are the domain's (`intercoop_domain::reserves`).

use super::entities::{payment_request, reserve};
use super::ledger::{self, About};
use super::requests::{self, NewRequest};
use crate::audit::{self, Actor, Change};
use crate::db::{self, types::Json};
use crate::error::{AppError, AppResult, FieldErrors};
use intercoop_domain::Money;
use intercoop_domain::ledger::{Account, Event};
use intercoop_domain::organisation::MembershipStatus;
use intercoop_domain::payments::PaymentPurpose;
use intercoop_domain::reserves::{self as rules, Draw, ReserveError};
use intercoop_domain::sharing::{Participant, SharingKey};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// The job that asks the month's provisions of a network's reserves.
pub const PROVISIONS: &str = "money.provisions";

/// A reserve as the API takes it.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReserveIn {
    /// What the money is set aside for ("Odoo 19 migration"), at most 140 characters.
    pub name: String,
    /// What the members set aside together each month, in cents (positive).
    pub monthly_cents: i64,
    /// How each month is split: `{"kind":"equal"}`, `{"kind":"size"}`,
    /// `{"kind":"weights","weights":{"<org_id>":int}}` or `{"kind":"tiers",…}` (the
    /// co-funding keys). Members a weights key does not name pay nothing.
    #[schema(value_type = Object)]
    pub key: SharingKey,
}

/// A checked reserve.
pub struct Valid {
    name: String,
    monthly: Money,
    key: SharingKey,
}

impl ReserveIn {
    pub fn validate(&self) -> Result<Valid, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = errors.line("name", &self.name, 140);
        if self.monthly_cents <= 0 {
            errors.add("monthly_cents", "amount-positive");
        } else if self.monthly_cents > 99_999_999_999 {
            errors.add("monthly_cents", "amount-out-of-range");
        }
        let terms = intercoop_domain::sharing::CampaignTerms {
            total: Money::from_cents(self.monthly_cents.max(1)),
            key: self.key.clone(),
            fixed: Vec::new(),
        };
        match intercoop_domain::sharing::validate_terms(&terms) {
            Ok(()) => {}
            Err(intercoop_domain::sharing::SharingError::InvalidTiers) => errors.add("key", "proposals-invalid-tiers"),
            Err(_) => errors.add("key", "proposals-zero-weights"),
        }
        match name {
            Some(name) if errors.is_empty() => Ok(Valid {
                name,
                monthly: Money::from_cents(self.monthly_cents),
                key: self.key.clone(),
            }),
            _ => Err(errors),
        }
    }
}

/// A reserve with its money: held (what the provisions asked, less what campaigns
/// drew), earmarked by open campaigns, and available.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReserveOut {
    pub id: i64,
    pub name: String,
    pub monthly_cents: i64,
    #[schema(value_type = Object)]
    pub key: SharingKey,
    pub active: bool,
    /// The reserve's balance in the journal.
    pub held_cents: i64,
    /// Promised to open campaigns, drawn when they are funded.
    pub earmarked_cents: i64,
    /// What a new campaign can draw on.
    pub available_cents: i64,
}

/// Makes a reserve; its first provisions are asked by the next run of the job (the
/// current month).
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    v: &Valid,
) -> AppResult<reserve::Model> {
    let row = reserve::Entity::insert(reserve::ActiveModel {
        network_id: Set(network_id),
        name: Set(v.name.clone()),
        monthly_cents: Set(v.monthly.cents()),
        sharing_key: Set(Json(v.key.clone())),
        active: Set(true),
        created_at: Set(db::now()),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "reserve.create",
            entity: "reserve",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(&row),
    )
    .await?;
    Ok(row)
}

/// A change to a reserve as the API takes it: each field given replaces the stored one.
/// The provisions already asked keep their amounts; the next month asked (the job asks
/// each month on its first day) uses the new amount and key.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReserveChange {
    pub name: Option<String>,
    /// In cents, positive.
    pub monthly_cents: Option<i64>,
    /// A sharing key, as in [`ReserveIn`].
    #[schema(value_type = Option<Object>)]
    pub key: Option<SharingKey>,
}

impl ReserveChange {
    /// The reserve as it would be after the change, checked as a new one is (errors on
    /// the same fields).
    pub fn applied_to(&self, r: &reserve::Model) -> Result<Valid, FieldErrors> {
        ReserveIn {
            name: self.name.clone().unwrap_or_else(|| r.name.clone()),
            monthly_cents: self.monthly_cents.unwrap_or(r.monthly_cents),
            key: self.key.clone().unwrap_or_else(|| r.sharing_key.0.clone()),
        }
        .validate()
    }
}

/// Changes an open reserve's name, monthly amount or key (409 `reserve-closed` once
/// closed), in the audit log with what it was.
pub async fn change<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    id: i64,
    change: &ReserveChange,
) -> AppResult<reserve::Model> {
    let before = get(conn, network_id, id).await?;
    if !before.active {
        return Err(AppError::Conflict("reserve-closed"));
    }
    let v = change.applied_to(&before).map_err(AppError::Invalid)?;
    let after = reserve::Entity::update(reserve::ActiveModel {
        id: Set(before.id),
        name: Set(v.name.clone()),
        monthly_cents: Set(v.monthly.cents()),
        sharing_key: Set(Json(v.key.clone())),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "reserve.change",
            entity: "reserve",
            entity_id: Some(id),
        },
        Some(&before),
        Some(&after),
    )
    .await?;
    Ok(after)
}

/// Closes a reserve: no provision is asked any more (those already asked stay owed).
/// The money it holds stays in it, available to the campaigns that draw on it (the
/// domain's rule, `intercoop_domain::reserves`). 409 `reserve-closed` when it already is.
pub async fn close<C: ConnectionTrait>(conn: &C, actor: Actor, network_id: i64, id: i64) -> AppResult<reserve::Model> {
    let before = get(conn, network_id, id).await?;
    let done = reserve::Entity::update_many()
        .col_expr(reserve::Column::Active, sea_orm::sea_query::Expr::val(false))
        .filter(reserve::Column::Id.eq(id))
        .filter(reserve::Column::NetworkId.eq(network_id))
        .filter(reserve::Column::Active.eq(true))
        .exec(conn)
        .await?;
    if done.rows_affected != 1 {
        return Err(AppError::Conflict("reserve-closed"));
    }
    let after = get(conn, network_id, id).await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "reserve.close",
            entity: "reserve",
            entity_id: Some(id),
        },
        Some(&before),
        Some(&after),
    )
    .await?;
    Ok(after)
}

/// One reserve of the network (another network's reads as absent).
pub async fn get<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<reserve::Model> {
    reserve::Entity::find_by_id(id)
        .filter(reserve::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// What open campaigns of the network have earmarked, per reserve (read by the
/// campaigns' table: money sits below co-funding).
async fn earmarks<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<BTreeMap<i64, Vec<Money>>> {
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    let q = Query::select()
        .columns(["reserve_id", "reserve_cents"])
        .from("campaigns")
        .and_where(Expr::col("network_id").eq(network_id))
        .and_where(Expr::col("status").eq("open"))
        .and_where(Expr::col("reserve_id").is_not_null())
        .take();
    let mut out: BTreeMap<i64, Vec<Money>> = BTreeMap::new();
    for row in conn.query_all(&q).await? {
        let id: i64 = row.try_get("", "reserve_id")?;
        let cents: i64 = row.try_get("", "reserve_cents")?;
        out.entry(id).or_default().push(Money::from_cents(cents));
    }
    Ok(out)
}

fn out_of(r: reserve::Model, held: Money, earmarked: &[Money]) -> AppResult<ReserveOut> {
    let overflow = |_| AppError::Internal(anyhow::anyhow!("reserve {}: amounts out of range", r.id));
    let available = rules::available(held, earmarked.iter().copied()).map_err(overflow)?;
    let earmarked = Money::checked_sum(earmarked.iter().copied())
        .map_err(|_| AppError::Internal(anyhow::anyhow!("earmarks out of range")))?;
    Ok(ReserveOut {
        id: r.id,
        name: r.name,
        monthly_cents: r.monthly_cents,
        key: r.sharing_key.0,
        active: r.active,
        held_cents: held.cents(),
        earmarked_cents: earmarked.cents(),
        available_cents: available.cents(),
    })
}

/// The journal holds a reserve as a credit: what it holds is the balance's opposite.
async fn held<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<Money> {
    let balance = ledger::balance(conn, network_id, Account::reserve(id)).await?;
    balance
        .cents()
        .checked_neg()
        .map(Money::from_cents)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("reserve {id}: balance out of range")))
}

/// The network's reserves with their money, in the order they were made.
pub async fn list<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<ReserveOut>> {
    let rows = reserve::Entity::find()
        .filter(reserve::Column::NetworkId.eq(network_id))
        .order_by_asc(reserve::Column::Id)
        .all(conn)
        .await?;
    let marks = earmarks(conn, network_id).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let h = held(conn, network_id, r.id).await?;
        let m = marks.get(&r.id).cloned().unwrap_or_default();
        out.push(out_of(r, h, &m)?);
    }
    Ok(out)
}

/// One reserve with its money.
pub async fn show<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<ReserveOut> {
    let r = get(conn, network_id, id).await?;
    let h = held(conn, network_id, r.id).await?;
    let m = earmarks(conn, network_id).await?.remove(&r.id).unwrap_or_default();
    out_of(r, h, &m)
}

/// What a campaign costing `cost` cents takes from reserve `id` and what it shares: a
/// 422 on `field` when the reserve is not the network's (`reserve-unknown`) or holds
/// the whole cost (`reserve-covers-all`).
///
/// BACKEND-SPECIFIC: on PostgreSQL the reserve's row is locked (`SELECT … FOR UPDATE`)
/// until the end of the transaction, so that two campaigns opening together cannot
/// both earmark the same money; SQLite's single writer already serialises them.
pub async fn draw_for<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    id: i64,
    cost: i64,
    field: &str,
) -> AppResult<Draw> {
    let mut q = reserve::Entity::find_by_id(id).filter(reserve::Column::NetworkId.eq(network_id));
    if conn.get_database_backend() == DatabaseBackend::Postgres {
        q = QuerySelect::lock_exclusive(q);
    }
    if q.one(conn).await?.is_none() {
        return Err(AppError::invalid(field, "reserve-unknown"));
    }
    let h = held(conn, network_id, id).await?;
    let m = earmarks(conn, network_id).await?.remove(&id).unwrap_or_default();
    let available = rules::available(h, m).map_err(|_| AppError::invalid(field, "amount-out-of-range"))?;
    rules::draw(available, Money::from_cents(cost)).map_err(|e| match e {
        ReserveError::CoversAll => AppError::invalid(field, "reserve-covers-all"),
        ReserveError::NonPositiveCost => AppError::invalid("amount_cents", "proposals-positive-amount"),
        ReserveError::Overflow | ReserveError::WouldOverdraw { .. } => {
            AppError::invalid("amount_cents", "proposals-out-of-range")
        }
    })
}

/// Whether a provision of `amount` may leave reserve `id` (its request cancelled): a
/// 409 `reserve-would-overdraw` when the reserve would then hold less than what open
/// campaigns were promised, or less than zero (the domain's `take_back`, whose
/// documentation gives the rule's reason).
///
/// BACKEND-SPECIFIC: on PostgreSQL the reserve's row is locked as in [`draw_for`], so
/// that a campaign opening and a cancellation cannot both count the same money.
pub async fn may_take_back<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64, amount: Money) -> AppResult<()> {
    let mut q = reserve::Entity::find_by_id(id).filter(reserve::Column::NetworkId.eq(network_id));
    if conn.get_database_backend() == DatabaseBackend::Postgres {
        q = QuerySelect::lock_exclusive(q);
    }
    if q.one(conn).await?.is_none() {
        return Ok(());
    }
    let h = held(conn, network_id, id).await?;
    let m = earmarks(conn, network_id).await?.remove(&id).unwrap_or_default();
    match rules::take_back(h, m, amount) {
        Ok(_) => Ok(()),
        Err(ReserveError::WouldOverdraw { .. }) => Err(AppError::Conflict("reserve-would-overdraw")),
        Err(_) => Err(AppError::Conflict("amount-out-of-range")),
    }
}

/// A funded campaign's part of its reserve (`cents`), posted to the journal: the
/// reserve's money becomes the campaign's. Nothing without a reserve or a part.
pub async fn drawn<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    campaign_id: i64,
    reserve: Option<i64>,
    cents: i64,
) -> AppResult<()> {
    let (Some(reserve), true) = (reserve, cents > 0) else {
        return Ok(());
    };
    ledger::post(
        conn,
        network_id,
        vec![(
            Event::ReserveDrawn {
                reserve,
                campaign: campaign_id,
                amount: Money::from_cents(cents),
            },
            About {
                campaign_id: Some(campaign_id),
                ..About::default()
            },
        )],
    )
    .await
}

/// The member organisations of a network as the sharing sees them (with their size).
async fn members<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<Participant>> {
    use crate::entities::membership;
    Ok(membership::Entity::find()
        .filter(membership::Column::NetworkId.eq(network_id))
        .filter(membership::Column::Status.eq(MembershipStatus::Member.as_str()))
        .order_by_asc(membership::Column::OrganisationId)
        .all(conn)
        .await?
        .into_iter()
        .map(|m| Participant {
            organisation_id: m.organisation_id,
            size: m.size.and_then(|s| u64::try_from(s).ok()),
            cap: None,
        })
        .collect())
}

/// Asks the provisions of `month` (`year × 100 + month`) of a reserve: one request per
/// member with a positive share and none for that month yet, each emailed. Run again,
/// it makes none. A key that cannot split among the members (a size missing under the
/// size key) is an error naming the reserve.
pub async fn bill_month<C: ConnectionTrait>(
    conn: &C,
    r: &reserve::Model,
    month: i64,
) -> AppResult<Vec<payment_request::Model>> {
    let already: HashSet<i64> = payment_request::Entity::find()
        .select_only()
        .column(payment_request::Column::OrganisationId)
        .filter(payment_request::Column::ReserveId.eq(r.id))
        .filter(payment_request::Column::ReserveMonth.eq(month))
        .into_tuple::<i64>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let part = rules::taking_part(&r.sharing_key, members(conn, r.network_id).await?);
    if part.is_empty() {
        return Ok(Vec::new());
    }
    let shares = rules::monthly_shares(Money::from_cents(r.monthly_cents), &r.sharing_key, &part)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("reserve {} ({}): {e}", r.id, r.name)))?;
    let due = db::now() + time::Duration::days(requests::PAYMENT_DAYS);
    let label = format!("{} {}", r.name, rules::month_label(month));
    let new: Vec<NewRequest> = shares
        .lines
        .iter()
        .filter(|l| l.amount.is_positive() && !already.contains(&l.organisation_id))
        .map(|l| NewRequest {
            organisation_id: l.organisation_id,
            purpose: PaymentPurpose::Provision,
            amount: l.amount,
            sponsored: Money::ZERO,
            label: label.clone(),
            campaign_id: None,
            catch_up_id: None,
            fee: None,
            reserve: Some((r.id, month)),
            pool: None,
            due_at: due,
        })
        .collect();
    let made = requests::create(conn, r.network_id, new).await?;
    for m in &made {
        super::notifications::provision_requested(conn, m).await?;
    }
    Ok(made)
}

/// Asks the current month's provisions (the month of today in the network's time
/// zone) of every active reserve of a network; returns how many requests were made.
pub async fn bill_network<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<usize> {
    let network = crate::entities::network::Entity::find_by_id(network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let today = super::today(&network.time_zone);
    let month = rules::month_key(
        i16::try_from(today.year()).map_err(|e| AppError::Internal(e.into()))?,
        today.month() as i8,
    );
    let reserves = reserve::Entity::find()
        .filter(reserve::Column::NetworkId.eq(network_id))
        .filter(reserve::Column::Active.eq(true))
        .order_by_asc(reserve::Column::Id)
        .all(conn)
        .await?;
    let mut made = 0;
    for r in reserves {
        made += bill_month(conn, &r, month).await?.len();
    }
    Ok(made)
}

/// What an organisation has set aside per reserve: its provisions not cancelled, with
/// what it has paid of them, for its statement.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SetAside {
    pub reserve_id: i64,
    pub name: String,
    pub asked_cents: i64,
    pub paid_cents: i64,
}

pub async fn set_aside_by<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    organisation_id: i64,
) -> AppResult<Vec<SetAside>> {
    use intercoop_domain::payments::PaymentStatus;
    let rows: Vec<(Option<i64>, i64, i64)> = payment_request::Entity::find()
        .select_only()
        .column(payment_request::Column::ReserveId)
        .column(payment_request::Column::AmountCents)
        .column(payment_request::Column::PaidCents)
        .filter(payment_request::Column::NetworkId.eq(network_id))
        .filter(payment_request::Column::OrganisationId.eq(organisation_id))
        .filter(payment_request::Column::Purpose.eq(PaymentPurpose::Provision.as_str()))
        .filter(payment_request::Column::Status.ne(PaymentStatus::Cancelled.as_str()))
        .into_tuple()
        .all(conn)
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let names: BTreeMap<i64, String> = reserve::Entity::find()
        .filter(reserve::Column::NetworkId.eq(network_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| (r.id, r.name))
        .collect();
    let mut sums: BTreeMap<i64, (i64, i64)> = BTreeMap::new();
    for (id, amount, paid) in rows {
        let Some(id) = id else { continue };
        let s = sums.entry(id).or_default();
        s.0 =
            s.0.checked_add(amount)
                .ok_or(AppError::Conflict("amount-out-of-range"))?;
        s.1 = s.1.checked_add(paid).ok_or(AppError::Conflict("amount-out-of-range"))?;
    }
    Ok(sums
        .into_iter()
        .map(|(id, (asked, paid))| SetAside {
            reserve_id: id,
            name: names.get(&id).cloned().unwrap_or_default(),
            asked_cents: asked,
            paid_cents: paid,
        })
        .collect())
}
