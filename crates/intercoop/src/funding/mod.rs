//! Co-funding: a proposal's campaign, its terms and sharing key, pledges, closing
//! (funded or lapsed), catch-up shares and the list summaries, below the proposals
//! feature (which moves the proposal and owns the pages: `crate::proposals::cofunding`).
//!
//! # Layout
//! - `terms`: the campaign's terms as asked, stored and read by the sharing domain.
//! - `campaign`: opening, reading (locked), participants, current split, join preview.
//! - `pledging`: the pledge, the hot write, alone or group-committed; withdrawal.
//! - `closing`: funded (payment requests) or lapsed (pledges released).
//! - `catch_up`: late adopters' shares and the credits to earlier funders.
//! - `summaries`: the list columns kept by the writes; `digest`: share changes.
//! - `views`: read models; `notifications`: what is told to whom.
//!
//! # Exact shares, and why not largest remainder
//! Shares come from `intercoop_domain::sharing::compute_shares`: integer cents that
//! always sum exactly to the amount to share (or to what can be covered, the rest
//! being the shortfall), with caps water-filled over the others. They are rounded with
//! a divisor method (Adams: one common rate, rounded up, ties broken by organisation id)
//! rather than the largest remainder method. Largest remainder can *raise* a
//! participant's share when another joins (the Alabama paradox), which would make a
//! pledge announce a rise to others and make catch-up credits negative. Under the equal
//! key both methods give the same result.
//!
//! # Concurrency
//! A pledge, a withdrawal, a closing and a catch-up read their campaign locked inside
//! the transaction (`campaign::locked`: `SELECT … FOR UPDATE` on PostgreSQL, the
//! one backend-specific statement; on SQLite the single writer connection serialises
//! writes), then check the campaign is open and the organisation has not pledged
//! (409). A unique index on (campaign, organisation) is the last guard. Each of them
//! also rewrites the campaign's list summary (`summaries::store_summary`) in the same
//! transaction. Closing and releasing pledges take a campaign read locked
//! (`campaign::Locked`), so that none can skip the lock: withdrawing a proposal in
//! funding locks its campaign before moving the proposal, as closing does, and a pledge
//! made at that moment is either released or refused. A campaign closes by a
//! conditional update (`… WHERE status = 'open'`), a proposal moves by one too. Pledges from the page and the API are committed in batches on SQLite
//! (`pledging`): a batch locks and reads its campaigns once and decides each pledge in
//! arrival order, as the pledges one after the other would.

pub mod campaign;
pub mod catch_up;
pub mod closing;
pub mod digest;
pub mod entities;
pub mod jobs;
pub mod leaving;
pub mod notifications;
pub mod pledging;
pub mod policy;
pub mod summaries;
pub mod terms;
pub mod views;

/// This feature's part of the server's state: the queue of pledges waiting for the
/// writer (see `db::Batcher`).
#[derive(Clone)]
pub struct FundingState {
    pub pledges: pledging::PledgeQueue,
}

impl FundingState {
    pub fn new(db: &crate::db::Db) -> FundingState {
        FundingState {
            pledges: pledging::queue(db),
        }
    }
}
