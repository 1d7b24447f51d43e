//! Who may do what in a poll. The one place for it: handlers, the pages' buttons and
//! forms, the dashboard's "waiting for your vote" (`polls::waiting`) and the route table
//! (`polls::routes`) follow it.
//!
//! | what | who |
//! |---|---|
//! | create, open and close a poll | administrators |
//! | cast an organisation's ballot | its sitting representative (member now or not: the electorate is frozen at opening); instead, the person it delegated this poll's vote to; or the representative of the organisation holding its proxy |
//! | cast a person's ballot (one vote per person) | that person, if in the frozen electorate |
//! | record any organisation's ballot (a physical assembly; the record names who) | administrators |
//! | hand an organisation's vote (delegation, proxy) | its sitting representative (member now or not), administrators |
//! | see the electorate's names on the poll's page | administrators, and whoever may vote in it |
//! | see a poll, its result (unless hidden until closing), check a receipt | every person of the network |
//!
//! When the poll closes by itself, the job closes it as the system (`polls::jobs`).

use super::entities::{elector, mandate};
use crate::access::Doer;
use intercoop_domain::voting::MandateKind;

/// Creates, opens and closes polls.
pub fn manage(doer: &Doer) -> bool {
    doer.is_admin()
}

/// Records the ballot of any organisation of the electorate, as at a physical assembly.
pub fn record_for_others(doer: &Doer) -> bool {
    doer.is_admin()
}

/// Hands the vote of `organisation_id` in a poll to a delegate or a proxy holder.
pub fn hand_vote(doer: &Doer, organisation_id: i64) -> bool {
    doer.is_admin() || doer.seats.contains(&organisation_id)
}

/// Sees the names of the electorate on the poll's page (`may_vote`: the doer may vote
/// in this poll).
pub fn see_electorate(doer: &Doer, may_vote: bool) -> bool {
    doer.is_admin() || may_vote
}

/// How the doer may cast an elector's ballot, if at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Casting {
    /// For their own organisation (its representative, or its delegate for this poll), or
    /// themselves in a people's poll.
    Own,
    /// As the representative of the organisation holding the elector's proxy.
    Proxy,
    /// Not at all.
    No,
}

/// May the doer cast `e`'s ballot, given the poll's delegations and proxies? A
/// delegation or proxy replaces the representative's right for that poll.
pub fn casting(doer: &Doer, e: &elector::Model, mandates: &[mandate::Model]) -> Casting {
    let Some(org) = e.organisation_id else {
        return match (e.person_id, doer.person_id) {
            (Some(p), Some(me)) if p == me => Casting::Own,
            _ => Casting::No,
        };
    };
    match mandates.iter().find(|m| m.organisation_id == org) {
        Some(m) if m.kind == MandateKind::Delegate => {
            if m.person_id.is_some() && m.person_id == doer.person_id {
                Casting::Own
            } else {
                Casting::No
            }
        }
        Some(m) => {
            if m.holder_organisation_id.is_some_and(|h| doer.seats.contains(&h)) {
                Casting::Proxy
            } else {
                Casting::No
            }
        }
        None if doer.seats.contains(&org) => Casting::Own,
        None => Casting::No,
    }
}
