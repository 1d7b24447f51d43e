//! Who may do what with co-funding. The one place for it: handlers, the proposal page's
//! buttons, the dashboard's "waiting for me" (its SQL form, [`waiting`]), the deadline
//! job and the route table (`proposals::routes`) follow it.
//!
//! | what | who |
//! |---|---|
//! | open a proposal's co-funding | who may move it to `funding` in the lifecycle (`intercoop_domain::lifecycle`): administrators, and a passed poll (the assembly) |
//! | close a campaign (funded or lapsed) | who may move it to `funded`/`lapsed` in the lifecycle: administrators, and the system at the deadline (`proposals::jobs`) |
//! | pledge, change or withdraw an organisation's pledge | its sitting representative, administrators |
//! | adopt delivered work for an organisation (its catch-up share) | its sitting representative, administrators |
//! | see an organisation's commitments, payment requests and credits | its people, administrators |
//! | see a campaign's shares, preview joining | every person of the network |

use crate::access::Doer;
use intercoop_domain::funding::{CampaignStatus, PledgeStatus};
use intercoop_domain::lifecycle::{Actor, ProposalStatus, check_transition};
use sea_orm::Condition;
use sea_orm::sea_query::{Expr, ExprTrait, Query};

/// The lifecycle's view of a doer for the co-funding steps (which do not depend on who
/// requested the proposal nor on the provider).
fn actor(doer: &Doer) -> Actor {
    Actor {
        roles: doer.roles,
        system: doer.system,
        ..Actor::default()
    }
}

/// Opens a proposal's co-funding (the lifecycle's step to `funding`).
pub fn open_campaign(doer: &Doer) -> bool {
    check_transition(ProposalStatus::Quoted, ProposalStatus::Funding, actor(doer)).is_ok()
}

/// Closes a campaign, funded or lapsed (the lifecycle's steps out of `funding`).
pub fn close_campaign(doer: &Doer) -> bool {
    check_transition(ProposalStatus::Funding, ProposalStatus::Funded, actor(doer)).is_ok()
}

/// Pledges for `organisation_id`, changes or withdraws its pledge.
pub fn pledge_for(doer: &Doer, organisation_id: i64) -> bool {
    speaks_for(doer, organisation_id)
}

/// Adopts delivered work for `organisation_id` (it owes a catch-up share).
pub fn adopt_for(doer: &Doer, organisation_id: i64) -> bool {
    speaks_for(doer, organisation_id)
}

/// Sees what `organisation_id` committed, owes and is credited.
pub fn see_commitments(doer: &Doer, organisation_id: i64) -> bool {
    doer.is_admin() || doer.organisations.contains(&organisation_id)
}

/// Commits an organisation's money: its sitting representative, or an administrator.
fn speaks_for(doer: &Doer, organisation_id: i64) -> bool {
    doer.is_admin() || doer.represents.contains(&organisation_id)
}

/// What waits for the doer in co-funding, as a condition on a proposal `p` and its
/// campaign `c` (the dashboard and "waiting for me" of the list): campaigns past their
/// deadline for whoever may close them; open campaigns an organisation they may pledge
/// for has not joined. `None` when nothing can.
pub fn waiting(doer: &Doer, now: time::OffsetDateTime) -> Option<Condition> {
    let mut waiting = Condition::any();
    if close_campaign(doer) && !doer.system {
        waiting = waiting.add(
            Expr::col(("c", "status"))
                .eq(CampaignStatus::Open.as_str())
                .and(Expr::col(("c", "deadline")).lte(now)),
        );
    }
    for org in doer.represents.iter().filter(|o| pledge_for(doer, **o)) {
        let pledged = Query::select()
            .expr(Expr::val(1))
            .from_as("pledges", "pl")
            .and_where(Expr::col(("pl", "campaign_id")).equals(("c", "id")))
            .and_where(Expr::col(("pl", "organisation_id")).eq(*org))
            .and_where(Expr::col(("pl", "status")).eq(PledgeStatus::Active.as_str()))
            .take();
        waiting = waiting.add(
            Expr::col(("c", "status"))
                .eq(CampaignStatus::Open.as_str())
                .and(Expr::col(("c", "deadline")).gt(now))
                .and(Expr::exists(pledged).not()),
        );
    }
    (!waiting.is_empty()).then_some(waiting)
}
