//! Who may do what to a proposal. The one place for it: handlers, the proposal page's
//! buttons, the dashboard's "waiting for me" (its SQL form, [`waiting`]) and the route
//! table (`proposals::routes`) follow it. The co-funding steps are `funding::policy`'s.
//!
//! | what | who |
//! |---|---|
//! | see proposals, their timeline, quotes and comments | every person of the network |
//! | post a proposal for an organisation | its people, administrators |
//! | say "we need it too" for an organisation | its people, administrators; user cooperatives only (a provider does not need the work it would be paid for) |
//! | comment or object (in an organisation's name: its people) | every person of the network |
//! | add a quote | administrators, the core circle, the provider's own staff |
//! | select a quote | administrators, the core circle |
//! | move a proposal along its lifecycle | the lifecycle's table (`intercoop_domain::lifecycle`): author, core circle, administrators, selected provider; but the co-funding steps (to `funding`, `funded`, `lapsed`) only through their own forms ([`has_own_step`]), and to `quoted` only once it has a quote |
//! | mark the work delivered | administrators, the selected provider |

use super::entities::proposal;
use crate::access::Doer;
use intercoop_domain::lifecycle::{self, Actor, ProposalStatus, TransitionError};
use sea_orm::Condition;
use sea_orm::sea_query::{Expr, ExprTrait};

/// Posts a proposal requested by `organisation_id`.
pub fn post_for(doer: &Doer, organisation_id: i64) -> bool {
    acts_for(doer, organisation_id)
}

/// Says "we need it too" for `organisation_id`, of kind `kind`: only a user cooperative
/// needs work done (issue 14: providers said it of a supermarket's need).
pub fn need_too(doer: &Doer, organisation_id: i64, kind: intercoop_domain::organisation::OrgKind) -> bool {
    kind == intercoop_domain::organisation::OrgKind::User && acts_for(doer, organisation_id)
}

/// Comments in the name of `organisation_id` (a comment of one's own needs nothing).
pub fn comment_as(doer: &Doer, organisation_id: i64) -> bool {
    doer.organisations.contains(&organisation_id)
}

/// Adds a quote from `provider_id`.
pub fn add_quote(doer: &Doer, provider_id: i64) -> bool {
    doer.roles.steers() || doer.organisations.contains(&provider_id)
}

/// Selects a quote.
pub fn select_quote(doer: &Doer) -> bool {
    doer.roles.steers()
}

/// A person of the organisation, or an administrator.
fn acts_for(doer: &Doer, organisation_id: i64) -> bool {
    doer.is_admin() || doer.organisations.contains(&organisation_id)
}

/// The lifecycle's view of a doer acting on a proposal (`selected_provider`: the
/// provider of its selected quote).
pub fn actor(doer: &Doer, p: &proposal::Model, selected_provider: Option<i64>) -> Actor {
    Actor {
        roles: doer.roles,
        is_author: doer.organisations.contains(&p.requested_by),
        is_selected_provider: selected_provider.is_some_and(|s| doer.organisations.contains(&s)),
        system: doer.system,
    }
}

/// Moves `p` to `to`: `NotAllowed` when no one may (409), `Forbidden` when someone else
/// may (403).
pub fn move_to(
    doer: &Doer,
    p: &proposal::Model,
    selected_provider: Option<i64>,
    to: ProposalStatus,
) -> Result<(), TransitionError> {
    let from = super::data::status_of(p);
    lifecycle::check_transition(from, to, actor(doer, p, selected_provider))
}

/// The co-funding steps have their own forms and endpoints (opening with its terms;
/// closing with its shares and payment requests): a plain transition never takes them.
pub fn has_own_step(to: ProposalStatus) -> bool {
    matches!(
        to,
        ProposalStatus::Funding | ProposalStatus::Funded | ProposalStatus::Lapsed
    )
}

/// Marks the work delivered (through `in_progress` if it had not started): who the
/// lifecycle lets take those steps, whatever the proposal's status now.
pub fn deliver(doer: &Doer, p: &proposal::Model, selected_provider: Option<i64>) -> bool {
    let actor = actor(doer, p, selected_provider);
    lifecycle::check_transition(ProposalStatus::Funded, ProposalStatus::InProgress, actor).is_ok()
        && lifecycle::check_transition(ProposalStatus::InProgress, ProposalStatus::Delivered, actor).is_ok()
}

/// What waits for the doer, as a condition on a proposal `p` and its campaign `c`:
/// proposals to prepare (in discussion or quoted) for those who select quotes, and the
/// co-funding steps of `funding::policy::waiting`. `None` when nothing can.
pub fn waiting(doer: &Doer, now: time::OffsetDateTime) -> Option<Condition> {
    let mut waiting = Condition::any();
    if select_quote(doer) {
        waiting = waiting.add(
            Expr::col(("p", "status")).is_in([ProposalStatus::Discussion.as_str(), ProposalStatus::Quoted.as_str()]),
        );
    }
    if let Some(funding) = crate::funding::policy::waiting(doer, now) {
        waiting = waiting.add(funding);
    }
    (!waiting.is_empty()).then_some(waiting)
}
