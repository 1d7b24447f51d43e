//! What the treasurer and the members read: an organisation's statement (what it was
//! asked, paid and credited, from the journal), outstanding and collected per member,
//! and the runway.

use super::entities::{ledger_entry, ledger_line, payment_request};
use super::ledger;
use super::settings;
use crate::error::AppResult;
use intercoop_domain::Money;
use intercoop_domain::ledger::{Account, AccountKind, EntryKind};
use intercoop_domain::payments::PaymentStatus;
use intercoop_domain::runway::{self, Budget, Runway};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use std::collections::BTreeMap;

/// One line of an organisation's statement: an entry of the journal on its accounts.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StatementLine {
    pub entry_id: i64,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub at: time::OffsetDateTime,
    /// share-requested, fee-requested, other-requested, cancelled, payment-received,
    /// identified, credit-applied or catch-up-credited
    pub kind: String,
    pub payment_request_id: Option<i64>,
    /// Positive: the organisation owes more; negative: it paid or was credited.
    pub amount_cents: i64,
    /// What it owes after this line (negative: its credit).
    pub balance_cents: i64,
    /// For a `credit-applied` line (whose amount is zero: credit and debt both go down):
    /// the credit used to pay the request.
    pub credit_used_cents: i64,
}

/// An organisation's statement.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OrgStatement {
    pub organisation_id: i64,
    pub asked_cents: i64,
    pub paid_cents: i64,
    pub credited_cents: i64,
    /// What it owes now (negative: its credit).
    pub balance_cents: i64,
    pub lines: Vec<StatementLine>,
    /// What it has set aside per reserve of a shared recurring cost (its provisions).
    pub set_aside: Vec<super::reserves::SetAside>,
}

/// The statement of `organisation_id`: its lines of the journal (receivable and
/// member-credit), one per entry, in order, each with the balance after it.
pub async fn statement<C: ConnectionTrait>(conn: &C, network_id: i64, organisation_id: i64) -> AppResult<OrgStatement> {
    let lines = ledger_line::Entity::find()
        .filter(ledger_line::Column::NetworkId.eq(network_id))
        .filter(ledger_line::Column::Party.eq(organisation_id))
        .filter(
            ledger_line::Column::Account.is_in([AccountKind::Receivable.as_str(), AccountKind::MemberCredit.as_str()]),
        )
        .order_by_asc(ledger_line::Column::EntryId)
        .all(conn)
        .await?;
    let ids: Vec<i64> = lines.iter().map(|l| l.entry_id).collect();
    let mut entries = BTreeMap::new();
    for chunk in ids.chunks(500) {
        for e in ledger_entry::Entity::find()
            .filter(ledger_entry::Column::NetworkId.eq(network_id))
            .filter(ledger_entry::Column::Id.is_in(chunk.to_vec()))
            .all(conn)
            .await?
        {
            entries.insert(e.id, e);
        }
    }
    let mut by_entry: BTreeMap<i64, i64> = BTreeMap::new();
    let mut used: BTreeMap<i64, i64> = BTreeMap::new();
    for l in &lines {
        *by_entry.entry(l.entry_id).or_default() += l.amount_cents;
        if *l.account == AccountKind::MemberCredit && l.amount_cents > 0 {
            *used.entry(l.entry_id).or_default() += l.amount_cents;
        }
    }
    let (mut asked, mut paid, mut credited, mut balance) = (0i64, 0i64, 0i64, 0i64);
    let mut out = Vec::new();
    for (entry_id, amount) in by_entry {
        let Some(e) = entries.get(&entry_id) else { continue };
        balance += amount;
        match *e.kind {
            EntryKind::ShareRequested
            | EntryKind::FeeRequested
            | EntryKind::OtherRequested
            | EntryKind::ProvisionRequested => asked += amount,
            EntryKind::PaymentReceived | EntryKind::Identified => paid -= amount,
            EntryKind::CatchUpCredited | EntryKind::Cancelled => credited -= amount,
            _ => {}
        }
        let credit_used = if *e.kind == EntryKind::CreditApplied {
            used.get(&entry_id).copied().unwrap_or(0)
        } else {
            0
        };
        if amount == 0 && credit_used == 0 {
            continue;
        }
        out.push(StatementLine {
            entry_id,
            at: e.occurred_at,
            kind: e.kind.to_string(),
            payment_request_id: e.payment_request_id,
            amount_cents: amount,
            balance_cents: balance,
            credit_used_cents: credit_used,
        });
    }
    Ok(OrgStatement {
        organisation_id,
        asked_cents: asked,
        paid_cents: paid,
        credited_cents: credited,
        balance_cents: balance,
        lines: out,
        set_aside: super::reserves::set_aside_by(conn, network_id, organisation_id).await?,
    })
}

/// Asked, paid and outstanding per organisation (requests not cancelled), for the
/// treasurer: the requests' amounts summed in Rust, checked (no backend's SUM type).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MemberTotals {
    pub organisation_id: i64,
    pub name: String,
    pub asked_cents: i64,
    pub paid_cents: i64,
    pub outstanding_cents: i64,
}

pub async fn by_member<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    year: Option<i64>,
) -> AppResult<Vec<MemberTotals>> {
    use sea_orm::QuerySelect;
    let mut q = payment_request::Entity::find()
        .select_only()
        .column(payment_request::Column::OrganisationId)
        .column(payment_request::Column::AmountCents)
        .column(payment_request::Column::PaidCents)
        .filter(payment_request::Column::NetworkId.eq(network_id))
        .filter(payment_request::Column::Status.ne(PaymentStatus::Cancelled.as_str()));
    if let Some(y) = year {
        q = q.filter(payment_request::Column::Year.eq(y));
    }
    let rows: Vec<(i64, i64, i64)> = q.into_tuple().all(conn).await?;
    let totals = sum_by_organisation(rows)?;
    let names: BTreeMap<i64, String> = crate::entities::organisation::Entity::find()
        .filter(crate::entities::organisation::Column::Id.is_in(totals.keys().copied().collect::<Vec<_>>()))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let mut out: Vec<MemberTotals> = totals
        .into_iter()
        .map(|(org, (asked, paid, outstanding))| MemberTotals {
            organisation_id: org,
            name: names.get(&org).cloned().unwrap_or_default(),
            asked_cents: asked.cents(),
            paid_cents: paid.cents(),
            outstanding_cents: outstanding.cents(),
        })
        .collect();
    crate::collation::sort_by_name(&mut out, |a| &a.name);
    Ok(out)
}

/// Asked, paid and outstanding per organisation from (organisation, amount, paid) rows
/// of requests, checked.
fn sum_by_organisation(rows: Vec<(i64, i64, i64)>) -> AppResult<BTreeMap<i64, (Money, Money, Money)>> {
    let mut totals: BTreeMap<i64, (Money, Money, Money)> = BTreeMap::new();
    let overflow = || crate::error::AppError::Internal(anyhow::anyhow!("totals out of range"));
    for (org, amount, paid) in rows {
        let t = totals.entry(org).or_default();
        let owed = Money::from_cents((amount - paid).max(0));
        t.0 = t.0.checked_add(Money::from_cents(amount)).ok_or_else(overflow)?;
        t.1 = t.1.checked_add(Money::from_cents(paid)).ok_or_else(overflow)?;
        t.2 = t.2.checked_add(owed).ok_or_else(overflow)?;
    }
    Ok(totals)
}

/// One page of [`by_member`] for `year` (the same rows, in the same order: by name in
/// the collation order, then id), `per_page` organisations from `offset`, and whether
/// more follow. Read in the order of the organisations' name keys (migration 20), each
/// kept if it has a request of the year that is not cancelled, so that a page reads
/// its organisations' requests only, not the year's (31 000 at scale 100).
pub async fn by_member_page<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    year: i64,
    offset: u64,
    per_page: u64,
) -> AppResult<(Vec<MemberTotals>, bool)> {
    use crate::entities::organisation;
    use sea_orm::QuerySelect;
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    let mut has_request = Query::select();
    has_request
        .expr(Expr::val(1))
        .from(payment_request::Entity)
        .and_where(
            Expr::col((payment_request::Entity, payment_request::Column::OrganisationId))
                .equals((organisation::Entity, organisation::Column::Id)),
        )
        .and_where(Expr::col((payment_request::Entity, payment_request::Column::NetworkId)).eq(network_id))
        .and_where(Expr::col((payment_request::Entity, payment_request::Column::Year)).eq(year))
        .and_where(
            Expr::col((payment_request::Entity, payment_request::Column::Status)).ne(PaymentStatus::Cancelled.as_str()),
        )
        // BACKEND-SPECIFIC: `LIMIT 1` keeps SQLite (3.51) from turning this EXISTS into a
        // join ("EXISTS-to-JOIN"): there, the rows that OFFSET skips are counted once per
        // matching request, not once per organisation (an organisation with three requests
        // used up three of the rows to skip, and was then listed anyway), so a page began
        // too early. The optimisation leaves an EXISTS with a LIMIT alone; PostgreSQL drops
        // a constant LIMIT from an EXISTS and plans it as before.
        .limit(1);
    let mut orgs: Vec<(i64, String)> = organisation::Entity::find()
        .select_only()
        .column(organisation::Column::Id)
        .column(organisation::Column::Name)
        .filter(Expr::exists(has_request))
        .order_by_asc(organisation::Column::NameKey)
        .order_by_asc(organisation::Column::Id)
        .limit(per_page + 1)
        .offset(offset)
        .into_tuple()
        .all(conn)
        .await?;
    let more = orgs.len() as u64 > per_page;
    orgs.truncate(per_page as usize);
    let rows: Vec<(i64, i64, i64)> = payment_request::Entity::find()
        .select_only()
        .column(payment_request::Column::OrganisationId)
        .column(payment_request::Column::AmountCents)
        .column(payment_request::Column::PaidCents)
        .filter(payment_request::Column::OrganisationId.is_in(orgs.iter().map(|o| o.0).collect::<Vec<_>>()))
        .filter(payment_request::Column::NetworkId.eq(network_id))
        .filter(payment_request::Column::Year.eq(year))
        .filter(payment_request::Column::Status.ne(PaymentStatus::Cancelled.as_str()))
        .into_tuple()
        .all(conn)
        .await?;
    let totals = sum_by_organisation(rows)?;
    let out = orgs
        .into_iter()
        .map(|(org, name)| {
            let (asked, paid, outstanding) = totals.get(&org).copied().unwrap_or_default();
            MemberTotals {
                organisation_id: org,
                name,
                asked_cents: asked.cents(),
                paid_cents: paid.cents(),
                outstanding_cents: outstanding.cents(),
            }
        })
        .collect();
    Ok((out, more))
}

/// The runway report.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RunwayOut {
    /// Money at the bank (the journal's bank account).
    pub cash_cents: i64,
    pub monthly_costs_cents: i64,
    /// Fee income per month: this year's schedule applied to the member organisations.
    pub monthly_fees_cents: i64,
    pub grant_monthly_cents: i64,
    /// Whole months the grant still pays.
    pub grant_months: u32,
    /// Months the money lasts; null when fees cover costs after the grant.
    pub months: Option<u32>,
    /// Member organisations paying fees.
    pub members: i64,
    /// The monthly fee per member that would cover the costs on its own (null without
    /// members).
    pub sustainable_fee_cents: Option<i64>,
}

/// Whole months from `today` to the end of `ends_on` (the grant's last day).
fn months_until(today: time::Date, ends_on: Option<time::Date>) -> u32 {
    let Some(end) = ends_on else { return 0 };
    if end < today {
        return 0;
    }
    let months = (end.year() - today.year()) * 12 + (end.month() as i32 - today.month() as i32);
    let months = if end.day() >= today.day() { months + 1 } else { months };
    u32::try_from(months.max(0)).unwrap_or(0)
}

/// The runway of the network today (`today` in its time zone).
pub async fn runway<C: ConnectionTrait>(conn: &C, network_id: i64, today: time::Date) -> AppResult<RunwayOut> {
    let cash = ledger::balance(conn, network_id, Account::BANK).await?;
    let budget = settings::budget(conn, network_id).await?;
    let (costs, grant, ends) = budget
        .map(|b| (b.monthly_costs_cents, b.grant_monthly_cents, b.grant_ends_on))
        .unwrap_or((0, 0, None));
    let grant_months = months_until(today, ends);
    let (fees, members) = monthly_fees(conn, network_id, i64::from(today.year())).await?;
    let b = Budget {
        cash,
        costs: Money::from_cents(costs),
        fees: Money::from_cents(fees),
        grant: Money::from_cents(grant),
        grant_months,
    };
    let months = match runway::runway(&b) {
        Runway::Sustainable => None,
        Runway::Months(m) => Some(m),
    };
    Ok(RunwayOut {
        cash_cents: cash.cents(),
        monthly_costs_cents: costs,
        monthly_fees_cents: fees,
        grant_monthly_cents: grant,
        grant_months,
        months,
        members,
        sustainable_fee_cents: runway::sustainable_fee(Money::from_cents(costs), members).map(|m| m.cents()),
    })
}

/// The fee income of a month of `year` (the prices of its schedule, or of the latest
/// before it: fees go on at the last prices set; member organisations now), and how
/// many pay.
async fn monthly_fees<C: ConnectionTrait>(conn: &C, network_id: i64, year: i64) -> AppResult<(i64, i64)> {
    // Newest year first.
    let Some(s) = super::fees::list(conn, network_id)
        .await?
        .into_iter()
        .find(|s| s.year <= year)
    else {
        return Ok((0, 0));
    };
    use crate::entities::membership;
    use intercoop_domain::fees::{Tier, Tiers};
    use intercoop_domain::organisation::MembershipStatus;
    use sea_orm::QuerySelect;
    // The member organisations counted per level and size (a few dozen groups, not a
    // row per member).
    let groups: Vec<(String, Option<i64>, i64)> = membership::Entity::find()
        .select_only()
        .column(membership::Column::Level)
        .column(membership::Column::Size)
        .column_as(membership::Column::Id.count(), "n")
        .filter(membership::Column::NetworkId.eq(network_id))
        .filter(membership::Column::Status.eq(MembershipStatus::Member.as_str()))
        .group_by(membership::Column::Level)
        .group_by(membership::Column::Size)
        .into_tuple()
        .all(conn)
        .await?;
    let (mut total, mut count) = (0i64, 0i64);
    for (level, size, n) in groups {
        let Some(list) = s.tiers.get(level.as_str()) else {
            continue;
        };
        let Ok(tiers) = Tiers::new(
            list.iter()
                .map(|(min_size, c)| Tier {
                    min_size: *min_size,
                    monthly: Money::from_cents(*c),
                })
                .collect(),
        ) else {
            continue;
        };
        let price = tiers.monthly(size).cents();
        if price > 0 {
            total = total.saturating_add(price.saturating_mul(n));
            count += n;
        }
    }
    Ok((total, count))
}

/// How many open requests are past their due date (the treasurer's overview), counted
/// on the index (network_id, status, due_at).
pub async fn overdue_count<C: ConnectionTrait>(conn: &C, network_id: i64, now: time::OffsetDateTime) -> AppResult<u64> {
    use sea_orm::PaginatorTrait;
    Ok(payment_request::Entity::find()
        .filter(payment_request::Column::NetworkId.eq(network_id))
        .filter(payment_request::Column::Status.eq(PaymentStatus::Open.as_str()))
        .filter(payment_request::Column::DueAt.lt(now))
        .count(conn)
        .await?)
}
