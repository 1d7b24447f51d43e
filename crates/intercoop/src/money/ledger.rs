//! The journal: every money event is posted here in the transaction that causes it
//! (a request made, a payment applied, a credit given), as a balanced entry of the
//! domain's ledger (`intercoop_domain::ledger`), and each account's balance is kept
//! beside it (`ledger_balances`), so that the trial balance and a member's balance read
//! a few rows. `intercoop check-books` ([`check_books`]) recomputes every balance from
//! the journal and checks every entry sums to zero.

use super::entities::{ledger_balance, ledger_entry, ledger_line};
use crate::db;
use crate::error::{AppError, AppResult};
use intercoop_domain::Money;
use intercoop_domain::ledger::{self, Account, AccountKind, Discrepancy, Event, TrialBalance};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What an entry is about (the rows it links to), and a memo.
#[derive(Debug, Clone, Default)]
pub struct About {
    pub payment_request_id: Option<i64>,
    pub payment_id: Option<i64>,
    pub credit_id: Option<i64>,
    pub campaign_id: Option<i64>,
    pub memo: String,
}

/// Posts `events` (each with what it is about) in order: one entry each, their lines,
/// and the balances of the accounts they touch, with three statements and one read
/// whatever their number. An event that does not make a balanced entry, or a balance
/// that would leave the range of cents, is an error (the caller's transaction then
/// changes nothing).
pub async fn post<C: ConnectionTrait>(conn: &C, network_id: i64, events: Vec<(Event, About)>) -> AppResult<()> {
    if events.is_empty() {
        return Ok(());
    }
    let mut entries = Vec::with_capacity(events.len());
    for (event, about) in &events {
        let entry = event
            .entry()
            .map_err(|e| AppError::Internal(anyhow::anyhow!("ledger: {e} in {event:?}")))?;
        entries.push((event.kind(), entry, about));
    }
    let now = db::now();
    let rows: Vec<ledger_entry::ActiveModel> = entries
        .iter()
        .map(|(kind, _, about)| ledger_entry::ActiveModel {
            network_id: Set(network_id),
            kind: Set((*kind).into()),
            payment_request_id: Set(about.payment_request_id),
            payment_id: Set(about.payment_id),
            credit_id: Set(about.credit_id),
            campaign_id: Set(about.campaign_id),
            memo: Set(about.memo.clone()),
            occurred_at: Set(now),
            created_at: Set(now),
            ..Default::default()
        })
        .collect();
    // RETURNING gives no order: the ids do (`db::insert_all_returning`).
    let mut ids: Vec<i64> = crate::db::insert_all_returning(conn, rows)
        .await?
        .into_iter()
        .map(|e| e.id)
        .collect();
    ids.sort_unstable();
    let mut deltas: BTreeMap<Account, i128> = BTreeMap::new();
    let mut lines = Vec::new();
    for ((_, entry, _), id) in entries.iter().zip(&ids) {
        for l in entry.lines() {
            *deltas.entry(l.account).or_default() += i128::from(l.amount.cents());
            lines.push(ledger_line::ActiveModel {
                network_id: Set(network_id),
                entry_id: Set(*id),
                account: Set(l.account.kind.into()),
                party: Set(l.account.party),
                amount_cents: Set(l.amount.cents()),
                ..Default::default()
            });
        }
    }
    for chunk in lines.chunks(1_000) {
        ledger_line::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(conn)
            .await?;
    }
    // The balances: checked in Rust against what is stored, then added in the database
    // (an upsert adding the change, so that two writers on PostgreSQL add both).
    let stored = balances_of(conn, network_id, deltas.keys().copied()).await?;
    let mut upserts = Vec::new();
    for (account, delta) in deltas {
        let was = stored.get(&account).copied().unwrap_or(Money::ZERO);
        let delta = i64::try_from(delta).ok();
        let fits = delta.and_then(|d| was.cents().checked_add(d));
        let (Some(delta), Some(_)) = (delta, fits) else {
            return Err(AppError::Internal(anyhow::anyhow!(
                "ledger: the balance of {account:?} would leave the range of cents"
            )));
        };
        if delta == 0 {
            continue;
        }
        upserts.push(ledger_balance::ActiveModel {
            network_id: Set(network_id),
            account: Set(account.kind.into()),
            party: Set(account.party),
            balance_cents: Set(delta),
            ..Default::default()
        });
    }
    for chunk in upserts.chunks(500) {
        let add = Expr::col((Alias::new("ledger_balances"), Alias::new("balance_cents")))
            .add(Expr::col((Alias::new("excluded"), Alias::new("balance_cents"))));
        ledger_balance::Entity::insert_many(chunk.to_vec())
            .on_conflict(
                OnConflict::columns([
                    ledger_balance::Column::NetworkId,
                    ledger_balance::Column::Account,
                    ledger_balance::Column::Party,
                ])
                .value(ledger_balance::Column::BalanceCents, add)
                .to_owned(),
            )
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

/// The stored balances of `accounts` (those without a row are zero).
async fn balances_of<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    accounts: impl Iterator<Item = Account>,
) -> AppResult<BTreeMap<Account, Money>> {
    let accounts: BTreeSet<Account> = accounts.collect();
    let kinds: BTreeSet<&str> = accounts.iter().map(|a| a.kind.as_str()).collect();
    let parties: BTreeSet<i64> = accounts.iter().map(|a| a.party).collect();
    let rows = ledger_balance::Entity::find()
        .filter(ledger_balance::Column::NetworkId.eq(network_id))
        .filter(ledger_balance::Column::Account.is_in(kinds))
        .filter(ledger_balance::Column::Party.is_in(parties))
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                Account {
                    kind: *r.account,
                    party: r.party,
                },
                Money::from_cents(r.balance_cents),
            )
        })
        .filter(|(a, _)| accounts.contains(a))
        .collect())
}

/// An account's balance as the trial balance shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AccountBalance {
    /// bank, receivable, member-credit, project, unidentified, fee-income, grant-income,
    /// other-income, sponsorship, operating-costs or reserve
    pub account: String,
    /// The organisation (receivable, member-credit), campaign (project) or reserve
    /// (reserve); 0 for the network's own accounts.
    pub party: i64,
    /// Positive: a debit balance; negative: a credit balance.
    pub balance_cents: i64,
}

/// The trial balance of a network.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TrialBalanceOut {
    pub debit_cents: i64,
    pub credit_cents: i64,
    pub accounts: Vec<AccountBalance>,
}

/// Every account of the network with a balance, and the debit and credit totals.
pub async fn trial_balance<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<TrialBalanceOut> {
    let rows = ledger_balance::Entity::find()
        .filter(ledger_balance::Column::NetworkId.eq(network_id))
        .order_by_asc(ledger_balance::Column::Account)
        .order_by_asc(ledger_balance::Column::Party)
        .all(conn)
        .await?;
    let TrialBalance { debit, credit } = ledger::trial_balance(rows.iter().map(|r| Money::from_cents(r.balance_cents)))
        .map_err(|e| AppError::Internal(anyhow::anyhow!("trial balance: {e}")))?;
    let mut accounts: Vec<AccountBalance> = rows
        .into_iter()
        .filter(|r| r.balance_cents != 0)
        .map(|r| AccountBalance {
            account: r.account.to_string(),
            party: r.party,
            balance_cents: r.balance_cents,
        })
        .collect();
    accounts.sort_by(|a, b| (a.account.as_str(), a.party).cmp(&(b.account.as_str(), b.party)));
    Ok(TrialBalanceOut {
        debit_cents: debit.cents(),
        credit_cents: credit.cents(),
        accounts,
    })
}

/// The debit and credit totals of the trial balance, summed by the database over the
/// covering index of migration 22 (no account read as a row): what the treasurer's
/// overview shows. The same totals as [`trial_balance`]; a sum beyond 64 bits is an
/// error on both backends (SQLite's integer overflow, PostgreSQL's cast of the numeric
/// sum to bigint).
pub async fn trial_totals<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<TrialBalance> {
    use sea_orm::{DatabaseBackend, Statement};
    let backend = conn.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Postgres => {
            "SELECT COALESCE(SUM(balance_cents) FILTER (WHERE balance_cents > 0), 0)::bigint, \
                    COALESCE(-SUM(balance_cents) FILTER (WHERE balance_cents < 0), 0)::bigint \
             FROM ledger_balances WHERE network_id = $1"
        }
        _ => {
            "SELECT COALESCE(SUM(balance_cents) FILTER (WHERE balance_cents > 0), 0), \
                    COALESCE(-SUM(balance_cents) FILTER (WHERE balance_cents < 0), 0) \
             FROM ledger_balances WHERE network_id = ?"
        }
    };
    let row = conn
        .query_one_raw(Statement::from_sql_and_values(backend, sql, [network_id.into()]))
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("trial balance: no row")))?;
    Ok(TrialBalance {
        debit: Money::from_cents(row.try_get_by_index::<i64>(0)?),
        credit: Money::from_cents(row.try_get_by_index::<i64>(1)?),
    })
}

/// The trial balance as the API answers it ([`TrialBalanceOut`] as JSON text), built by
/// the database in one row: the debit and credit totals and the accounts with a
/// non-zero balance, ordered by account then party (bytewise, as [`trial_balance`]
/// orders them). A scale-100 network has some 3 600 accounts: reading them as rows and
/// writing them again as JSON took most of the request's time, the database's own JSON
/// functions take a fraction of it (bench/MONEY.md). The same answer as
/// [`trial_balance`], a test checks it on both backends.
///
/// BACKEND-SPECIFIC: SQLite's `json_group_array(… ORDER BY …)` (3.44 and later, the
/// bundled SQLite) and PostgreSQL's `json_agg(… ORDER BY …)`, `COLLATE "C"` for the
/// bytewise order. A sum beyond 64 bits is an error on both (SQLite's integer overflow,
/// PostgreSQL's cast of the numeric sum to bigint).
pub async fn trial_balance_json<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<String> {
    use sea_orm::{DatabaseBackend, Statement};
    let backend = conn.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Postgres => {
            "SELECT json_build_object(\
               'debit_cents', COALESCE(SUM(balance_cents) FILTER (WHERE balance_cents > 0), 0)::bigint, \
               'credit_cents', COALESCE(-SUM(balance_cents) FILTER (WHERE balance_cents < 0), 0)::bigint, \
               'accounts', COALESCE(json_agg(json_build_object('account', account, 'party', party, \
                   'balance_cents', balance_cents) ORDER BY account COLLATE \"C\", party) \
                   FILTER (WHERE balance_cents <> 0), '[]'::json))::text \
             FROM ledger_balances WHERE network_id = $1"
        }
        _ => {
            "SELECT json_object(\
               'debit_cents', COALESCE(SUM(balance_cents) FILTER (WHERE balance_cents > 0), 0), \
               'credit_cents', COALESCE(-SUM(balance_cents) FILTER (WHERE balance_cents < 0), 0), \
               'accounts', json_group_array(json_object('account', account, 'party', party, \
                   'balance_cents', balance_cents) ORDER BY account, party) \
                   FILTER (WHERE balance_cents <> 0)) \
             FROM ledger_balances WHERE network_id = ?"
        }
    };
    let row = conn
        .query_one_raw(Statement::from_sql_and_values(backend, sql, [network_id.into()]))
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("trial balance: no row")))?;
    Ok(row.try_get_by_index::<String>(0)?)
}

/// The balance of one account.
pub async fn balance<C: ConnectionTrait>(conn: &C, network_id: i64, account: Account) -> AppResult<Money> {
    Ok(balances_of(conn, network_id, std::iter::once(account))
        .await?
        .get(&account)
        .copied()
        .unwrap_or(Money::ZERO))
}

/// What `check-books` found in one network.
#[derive(Debug)]
pub struct Books {
    pub network_id: i64,
    pub entries: usize,
    pub trial_balance: TrialBalance,
    pub discrepancies: Vec<Discrepancy>,
}

/// Checks every network's books: each entry sums to zero, each stored balance is the
/// sum of its journal lines, and the trial balance sums to zero.
pub async fn check_books<C: ConnectionTrait>(conn: &C) -> AppResult<Vec<Books>> {
    let networks: Vec<i64> = crate::entities::network::Entity::find()
        .order_by_asc(crate::entities::network::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|n| n.id)
        .collect();
    let mut all = Vec::new();
    for network_id in networks {
        let stored: BTreeMap<Account, Money> = ledger_balance::Entity::find()
            .filter(ledger_balance::Column::NetworkId.eq(network_id))
            .all(conn)
            .await?
            .into_iter()
            .map(|r| {
                (
                    Account {
                        kind: *r.account,
                        party: r.party,
                    },
                    Money::from_cents(r.balance_cents),
                )
            })
            .collect();
        let lines = ledger_line::Entity::find()
            .filter(ledger_line::Column::NetworkId.eq(network_id))
            .all(conn)
            .await?;
        let entries: BTreeSet<i64> = lines.iter().map(|l| l.entry_id).collect();
        let discrepancies = ledger::check(
            &stored,
            lines.into_iter().map(|l| {
                (
                    l.entry_id,
                    Account {
                        kind: *l.account,
                        party: l.party,
                    },
                    Money::from_cents(l.amount_cents),
                )
            }),
        );
        let trial_balance = ledger::trial_balance(stored.values().copied())
            .map_err(|e| AppError::Internal(anyhow::anyhow!("trial balance: {e}")))?;
        all.push(Books {
            network_id,
            entries: entries.len(),
            trial_balance,
            discrepancies,
        });
    }
    Ok(all)
}

/// Whether an account kind is per organisation (for pages that name the party).
pub fn per_organisation(kind: AccountKind) -> bool {
    matches!(kind, AccountKind::Receivable | AccountKind::MemberCredit)
}
