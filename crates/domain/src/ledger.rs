//! Double-entry bookkeeping: every money event of a network is an entry of lines on
//! accounts whose amounts sum to zero, so the trial balance always does too.
//!
//! A line's amount is signed: positive is a debit, negative a credit. Assets and
//! expenses (the bank, what members owe, sponsorship, operating costs) normally hold
//! debits; liabilities and income (members' credit, money held per proposal, money set
//! aside per purpose, fees, grants) credits.
//!
//! | event | debit | credit |
//! |---|---|---|
//! | a share or catch-up share requested | receivable (organisation) | project (campaign) |
//! | a fee requested (with a sponsored part) | receivable (net), sponsorship (discount) | fee income (gross) |
//! | anything else requested | receivable | other income |
//! | a request cancelled | what it credited | receivable |
//! | a cancelled fee's sponsored part | fee income | sponsorship |
//! | a payment received for a member | bank | receivable (up to what is owed), member credit (the rest) |
//! | a payment nobody could be found for | bank | unidentified |
//! | an unidentified payment matched later | unidentified | receivable, member credit |
//! | a member's credit used for a request | member credit | receivable |
//! | a catch-up credit to an earlier funder | project (campaign) | member credit (organisation) |
//! | a provider paid | project (campaign) | bank |
//! | a provision for a shared recurring cost requested | receivable | reserve (purpose) |
//! | a reserve drawn by a funded campaign | reserve (purpose) | project (campaign) |
//! | a grant received | bank | grant income |
//! | an operating cost paid | operating costs | bank |
//! | money received into a pooled fund | bank | pool |
//! | a pool's periodic request paid (asked as other income, received in the bank) | other income | pool |
//! | a budgeting round funds a bucket (raised and matched) | pool | bucket |

use crate::money::Money;
use std::collections::BTreeMap;

text_enum!(
    /// The kind of a ledger account. `receivable` and `member-credit` are per
    /// organisation, `project` per campaign, `reserve` per purpose of a shared recurring
    /// cost; the others are the network's.
    AccountKind {
        Bank = "bank",
        Receivable = "receivable",
        MemberCredit = "member-credit",
        Project = "project",
        Unidentified = "unidentified",
        FeeIncome = "fee-income",
        GrantIncome = "grant-income",
        OtherIncome = "other-income",
        Sponsorship = "sponsorship",
        OperatingCosts = "operating-costs",
        Reserve = "reserve",
        Pool = "pool",
        Bucket = "bucket",
    }
);

impl AccountKind {
    /// Whether the account is kept per organisation or campaign (its party), or is one
    /// for the network (party 0).
    pub fn has_party(self) -> bool {
        matches!(
            self,
            AccountKind::Receivable
                | AccountKind::MemberCredit
                | AccountKind::Project
                | AccountKind::Reserve
                | AccountKind::Pool
                | AccountKind::Bucket
        )
    }
}

/// An account: its kind and its party (an organisation for `receivable` and
/// `member-credit`, a campaign for `project`, a reserve for `reserve`, 0 for the
/// network's own accounts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Account {
    pub kind: AccountKind,
    pub party: i64,
}

impl Account {
    pub const BANK: Account = Account::of(AccountKind::Bank);
    pub const UNIDENTIFIED: Account = Account::of(AccountKind::Unidentified);
    pub const FEE_INCOME: Account = Account::of(AccountKind::FeeIncome);
    pub const GRANT_INCOME: Account = Account::of(AccountKind::GrantIncome);
    pub const OTHER_INCOME: Account = Account::of(AccountKind::OtherIncome);
    pub const SPONSORSHIP: Account = Account::of(AccountKind::Sponsorship);
    pub const OPERATING_COSTS: Account = Account::of(AccountKind::OperatingCosts);

    const fn of(kind: AccountKind) -> Account {
        Account { kind, party: 0 }
    }
    pub const fn receivable(organisation: i64) -> Account {
        Account {
            kind: AccountKind::Receivable,
            party: organisation,
        }
    }
    pub const fn credit(organisation: i64) -> Account {
        Account {
            kind: AccountKind::MemberCredit,
            party: organisation,
        }
    }
    pub const fn project(campaign: i64) -> Account {
        Account {
            kind: AccountKind::Project,
            party: campaign,
        }
    }
    /// The money of a pooled fund (issue 19), until a round funds buckets with it.
    pub const fn pool(pool: i64) -> Account {
        Account {
            kind: AccountKind::Pool,
            party: pool,
        }
    }
    /// The money a budgeting round gave a funded bucket (a project), to be paid out.
    pub const fn bucket(bucket: i64) -> Account {
        Account {
            kind: AccountKind::Bucket,
            party: bucket,
        }
    }
    /// The money set aside for one purpose (a shared recurring cost).
    pub const fn reserve(reserve: i64) -> Account {
        Account {
            kind: AccountKind::Reserve,
            party: reserve,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    #[error("an entry needs at least two lines")]
    TooFewLines,
    #[error("an entry's lines must sum to zero (they sum to {0} cents)")]
    Unbalanced(i128),
    #[error("a line of zero")]
    ZeroLine,
    #[error("an account of kind {0} needs a party, and only those may have one")]
    Party(&'static str),
    #[error("an amount that must be positive is not")]
    NotPositive,
    #[error("amount out of range")]
    Overflow,
}

/// One line: an account and a signed amount (positive: debit, negative: credit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub account: Account,
    pub amount: Money,
}

/// A balanced entry: at least two lines, none zero, summing exactly to zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    lines: Vec<Line>,
}

impl Entry {
    /// Checks the lines balance; lines of zero are dropped first (a fee with no
    /// sponsored part has no sponsorship line).
    pub fn new(lines: Vec<Line>) -> Result<Entry, LedgerError> {
        let lines: Vec<Line> = lines.into_iter().filter(|l| l.amount != Money::ZERO).collect();
        if lines.len() < 2 {
            return Err(LedgerError::TooFewLines);
        }
        let mut sum: i128 = 0;
        for l in &lines {
            if l.account.kind.has_party() != (l.account.party != 0) {
                return Err(LedgerError::Party(l.account.kind.as_str()));
            }
            sum += i128::from(l.amount.cents());
        }
        if sum != 0 {
            return Err(LedgerError::Unbalanced(sum));
        }
        Ok(Entry { lines })
    }

    pub fn lines(&self) -> &[Line] {
        &self.lines
    }
}

fn debit(account: Account, amount: Money) -> Line {
    Line { account, amount }
}

fn credit(account: Account, amount: Money) -> Result<Line, LedgerError> {
    let amount = Money::from_cents(amount.cents().checked_neg().ok_or(LedgerError::Overflow)?);
    Ok(Line { account, amount })
}

fn positive(amounts: &[Money]) -> Result<(), LedgerError> {
    if amounts.iter().all(|a| a.is_positive()) {
        Ok(())
    } else {
        Err(LedgerError::NotPositive)
    }
}

fn not_negative(amounts: &[Money]) -> Result<(), LedgerError> {
    if amounts.iter().all(|a| !a.is_negative()) {
        Ok(())
    } else {
        Err(LedgerError::NotPositive)
    }
}

text_enum!(
    /// What an entry of the journal records (one per kind of [`Event`]).
    EntryKind {
        ShareRequested = "share-requested",
        FeeRequested = "fee-requested",
        OtherRequested = "other-requested",
        Cancelled = "cancelled",
        SponsorshipCancelled = "sponsorship-cancelled",
        PaymentReceived = "payment-received",
        Unidentified = "unidentified",
        Identified = "identified",
        CreditApplied = "credit-applied",
        CatchUpCredited = "catch-up-credited",
        ProviderPaid = "provider-paid",
        GrantReceived = "grant-received",
        OperatingCost = "operating-cost",
        ProvisionRequested = "provision-requested",
        ReserveDrawn = "reserve-drawn",
        PoolContribution = "pool-contribution",
        PoolPeriodicPaid = "pool-periodic-paid",
        BucketFunded = "bucket-funded",
    }
);

/// What happened to the network's money, as the features say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A payment request for a co-funding or catch-up share of `campaign`.
    ShareRequested {
        organisation: i64,
        campaign: i64,
        amount: Money,
    },
    /// A fee request: `gross` is the fee, `sponsored` the part the network pays.
    FeeRequested {
        organisation: i64,
        gross: Money,
        sponsored: Money,
    },
    /// A request for anything else the treasurer asks (other income).
    OtherRequested {
        organisation: i64,
        amount: Money,
    },
    /// A request cancelled: its receivable goes back against the account it credited.
    Cancelled {
        organisation: i64,
        against: Account,
        amount: Money,
    },
    /// The sponsored part of a cancelled fee: the network no longer pays it.
    SponsorshipCancelled {
        amount: Money,
    },
    /// Money received from a member: `to_receivable` pays what it owes, the rest
    /// becomes its credit.
    PaymentReceived {
        organisation: i64,
        amount: Money,
        to_receivable: Money,
    },
    /// Money received that no member could be found for yet.
    Unidentified {
        amount: Money,
    },
    /// An unidentified payment attributed to a member.
    Identified {
        organisation: i64,
        amount: Money,
        to_receivable: Money,
    },
    /// A member's credit used to pay what it owes.
    CreditApplied {
        organisation: i64,
        amount: Money,
    },
    /// A catch-up credit to an earlier funder of `campaign`.
    CatchUpCredited {
        organisation: i64,
        campaign: i64,
        amount: Money,
    },
    ProviderPaid {
        campaign: i64,
        amount: Money,
    },
    GrantReceived {
        amount: Money,
    },
    OperatingCost {
        amount: Money,
    },
    /// A member's monthly provision for a shared recurring cost, set aside in `reserve`.
    ProvisionRequested {
        organisation: i64,
        reserve: i64,
        amount: Money,
    },
    /// A funded campaign takes its part from a reserve: the money set aside becomes the
    /// campaign's, to pay the provider with the shares.
    ReserveDrawn {
        reserve: i64,
        campaign: i64,
        amount: Money,
    },
    /// Money received into a pooled fund (a member's contribution, a gift, a grant).
    PoolContribution {
        pool: i64,
        amount: Money,
    },
    /// A member paid a pool's periodic request (asked as other income): the money,
    /// already in the bank, becomes the pool's. Posted once, when the request is paid.
    PoolPeriodicPaid {
        pool: i64,
        amount: Money,
    },
    /// A closed budgeting round gives a funded bucket what it raised and was matched,
    /// out of the pool.
    BucketFunded {
        pool: i64,
        bucket: i64,
        amount: Money,
    },
}

impl Event {
    pub fn kind(&self) -> EntryKind {
        match self {
            Event::ShareRequested { .. } => EntryKind::ShareRequested,
            Event::FeeRequested { .. } => EntryKind::FeeRequested,
            Event::OtherRequested { .. } => EntryKind::OtherRequested,
            Event::Cancelled { .. } => EntryKind::Cancelled,
            Event::SponsorshipCancelled { .. } => EntryKind::SponsorshipCancelled,
            Event::PaymentReceived { .. } => EntryKind::PaymentReceived,
            Event::Unidentified { .. } => EntryKind::Unidentified,
            Event::Identified { .. } => EntryKind::Identified,
            Event::CreditApplied { .. } => EntryKind::CreditApplied,
            Event::CatchUpCredited { .. } => EntryKind::CatchUpCredited,
            Event::ProviderPaid { .. } => EntryKind::ProviderPaid,
            Event::GrantReceived { .. } => EntryKind::GrantReceived,
            Event::OperatingCost { .. } => EntryKind::OperatingCost,
            Event::ProvisionRequested { .. } => EntryKind::ProvisionRequested,
            Event::ReserveDrawn { .. } => EntryKind::ReserveDrawn,
            Event::PoolContribution { .. } => EntryKind::PoolContribution,
            Event::PoolPeriodicPaid { .. } => EntryKind::PoolPeriodicPaid,
            Event::BucketFunded { .. } => EntryKind::BucketFunded,
        }
    }

    /// The entry of the event. Amounts must be positive (`to_receivable` and
    /// `sponsored` may be zero, and at most the amount).
    pub fn entry(&self) -> Result<Entry, LedgerError> {
        use Event::*;
        let lines = match *self {
            ShareRequested {
                organisation,
                campaign,
                amount,
            } => {
                positive(&[amount])?;
                vec![
                    debit(Account::receivable(organisation), amount),
                    credit(Account::project(campaign), amount)?,
                ]
            }
            FeeRequested {
                organisation,
                gross,
                sponsored,
            } => {
                positive(&[gross])?;
                not_negative(&[sponsored])?;
                let net = gross.checked_sub(sponsored).ok_or(LedgerError::Overflow)?;
                not_negative(&[net])?;
                vec![
                    debit(Account::receivable(organisation), net),
                    debit(Account::SPONSORSHIP, sponsored),
                    credit(Account::FEE_INCOME, gross)?,
                ]
            }
            OtherRequested { organisation, amount } => {
                positive(&[amount])?;
                vec![
                    debit(Account::receivable(organisation), amount),
                    credit(Account::OTHER_INCOME, amount)?,
                ]
            }
            Cancelled {
                organisation,
                against,
                amount,
            } => {
                positive(&[amount])?;
                vec![
                    debit(against, amount),
                    credit(Account::receivable(organisation), amount)?,
                ]
            }
            SponsorshipCancelled { amount } => {
                positive(&[amount])?;
                vec![
                    debit(Account::FEE_INCOME, amount),
                    credit(Account::SPONSORSHIP, amount)?,
                ]
            }
            PaymentReceived {
                organisation,
                amount,
                to_receivable,
            } => split(Account::BANK, organisation, amount, to_receivable)?,
            Unidentified { amount } => {
                positive(&[amount])?;
                vec![debit(Account::BANK, amount), credit(Account::UNIDENTIFIED, amount)?]
            }
            Identified {
                organisation,
                amount,
                to_receivable,
            } => split(Account::UNIDENTIFIED, organisation, amount, to_receivable)?,
            CreditApplied { organisation, amount } => {
                positive(&[amount])?;
                vec![
                    debit(Account::credit(organisation), amount),
                    credit(Account::receivable(organisation), amount)?,
                ]
            }
            CatchUpCredited {
                organisation,
                campaign,
                amount,
            } => {
                positive(&[amount])?;
                vec![
                    debit(Account::project(campaign), amount),
                    credit(Account::credit(organisation), amount)?,
                ]
            }
            ProviderPaid { campaign, amount } => {
                positive(&[amount])?;
                vec![
                    debit(Account::project(campaign), amount),
                    credit(Account::BANK, amount)?,
                ]
            }
            GrantReceived { amount } => {
                positive(&[amount])?;
                vec![debit(Account::BANK, amount), credit(Account::GRANT_INCOME, amount)?]
            }
            OperatingCost { amount } => {
                positive(&[amount])?;
                vec![debit(Account::OPERATING_COSTS, amount), credit(Account::BANK, amount)?]
            }
            ProvisionRequested {
                organisation,
                reserve,
                amount,
            } => {
                positive(&[amount])?;
                vec![
                    debit(Account::receivable(organisation), amount),
                    credit(Account::reserve(reserve), amount)?,
                ]
            }
            ReserveDrawn {
                reserve,
                campaign,
                amount,
            } => {
                positive(&[amount])?;
                vec![
                    debit(Account::reserve(reserve), amount),
                    credit(Account::project(campaign), amount)?,
                ]
            }
            PoolContribution { pool, amount } => {
                positive(&[amount])?;
                vec![debit(Account::BANK, amount), credit(Account::pool(pool), amount)?]
            }
            PoolPeriodicPaid { pool, amount } => {
                positive(&[amount])?;
                vec![
                    debit(Account::OTHER_INCOME, amount),
                    credit(Account::pool(pool), amount)?,
                ]
            }
            BucketFunded { pool, bucket, amount } => {
                positive(&[amount])?;
                vec![
                    debit(Account::pool(pool), amount),
                    credit(Account::bucket(bucket), amount)?,
                ]
            }
        };
        Entry::new(lines)
    }
}

/// Money from `from` (the bank, or the unidentified payments) to a member: what it
/// owes first, the rest as its credit.
fn split(from: Account, organisation: i64, amount: Money, to_receivable: Money) -> Result<Vec<Line>, LedgerError> {
    positive(&[amount])?;
    not_negative(&[to_receivable])?;
    let rest = amount.checked_sub(to_receivable).ok_or(LedgerError::Overflow)?;
    not_negative(&[rest])?;
    Ok(vec![
        debit(from, amount),
        credit(Account::receivable(organisation), to_receivable)?,
        credit(Account::credit(organisation), rest)?,
    ])
}

/// Balances of accounts, posted entry by entry with checked arithmetic.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Books {
    pub balances: BTreeMap<Account, Money>,
}

/// The trial balance: the debit balances and the credit balances, which are equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TrialBalance {
    pub debit: Money,
    pub credit: Money,
}

impl Books {
    /// Posts an entry; on an overflow nothing is changed.
    pub fn post(&mut self, entry: &Entry) -> Result<(), LedgerError> {
        let mut next = Vec::with_capacity(entry.lines.len());
        for l in &entry.lines {
            let was = next
                .iter()
                .rev()
                .find(|(a, _)| *a == l.account)
                .map(|(_, m)| *m)
                .unwrap_or_else(|| self.balance(l.account));
            let now = was.checked_add(l.amount).ok_or(LedgerError::Overflow)?;
            next.push((l.account, now));
        }
        for (account, balance) in next {
            self.balances.insert(account, balance);
        }
        Ok(())
    }

    pub fn balance(&self, account: Account) -> Money {
        self.balances.get(&account).copied().unwrap_or(Money::ZERO)
    }

    pub fn trial_balance(&self) -> Result<TrialBalance, LedgerError> {
        trial_balance(self.balances.values().copied())
    }
}

/// The trial balance of account balances: positive ones are debits, negative credits.
pub fn trial_balance(balances: impl IntoIterator<Item = Money>) -> Result<TrialBalance, LedgerError> {
    let mut tb = TrialBalance::default();
    for b in balances {
        if b.is_positive() {
            tb.debit = tb.debit.checked_add(b).ok_or(LedgerError::Overflow)?;
        } else {
            let c = Money::from_cents(b.cents().checked_neg().ok_or(LedgerError::Overflow)?);
            tb.credit = tb.credit.checked_add(c).ok_or(LedgerError::Overflow)?;
        }
    }
    Ok(tb)
}

/// What `check-books` finds: an account whose stored balance is not the sum of its
/// journal lines, or journal entries that do not balance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Discrepancy {
    Balance {
        account: Account,
        stored: Money,
        journal: Money,
    },
    Entry {
        entry: i64,
        sum: i128,
    },
}

/// Compares stored balances with the journal's lines `(entry id, account, amount)`.
pub fn check(
    stored: &BTreeMap<Account, Money>,
    lines: impl IntoIterator<Item = (i64, Account, Money)>,
) -> Vec<Discrepancy> {
    let mut journal: BTreeMap<Account, i128> = BTreeMap::new();
    let mut entries: BTreeMap<i64, i128> = BTreeMap::new();
    for (entry, account, amount) in lines {
        *journal.entry(account).or_default() += i128::from(amount.cents());
        *entries.entry(entry).or_default() += i128::from(amount.cents());
    }
    let mut found: Vec<Discrepancy> = entries
        .into_iter()
        .filter(|(_, sum)| *sum != 0)
        .map(|(entry, sum)| Discrepancy::Entry { entry, sum })
        .collect();
    let accounts: std::collections::BTreeSet<Account> = stored.keys().chain(journal.keys()).copied().collect();
    for account in accounts {
        let s = stored.get(&account).copied().unwrap_or(Money::ZERO);
        let j = journal.get(&account).copied().unwrap_or(0);
        if i128::from(s.cents()) != j {
            found.push(Discrepancy::Balance {
                account,
                stored: s,
                journal: Money::from_cents(i64::try_from(j).unwrap_or(i64::MAX)),
            });
        }
    }
    found
}

#[cfg(test)]
mod tests;
