//! Who may do what in work sharing. The one place for it: handlers, the pages' buttons
//! and the route table (`work::routes`) follow it.
//!
//! | what | who |
//! |---|---|
//! | read opportunities, interests, teams | every person of the network |
//! | post an opportunity for an organisation, declare its interest and capacity | its sitting representative, or an administrator (as for a pledge: it commits the organisation) |
//! | form the team of an opportunity | the representative of the organisation that posted it, or an administrator |
//! | close an opportunity (filled, lost) or withdraw it | the representative of the organisation that posted it, or an administrator |
//! | accept or decline a proposed new split | the sitting representative of a team member, for it alone (its consent is its own: an administrator does not give it for it) |
//! | see how busy an organisation will be | its people, and administrators |

use crate::access::Doer;

/// Commits an organisation: its sitting representative, or an administrator.
pub fn speaks_for(doer: &Doer, organisation_id: i64) -> bool {
    doer.is_admin() || doer.represents.contains(&organisation_id)
}

/// Posts an opportunity for `organisation_id`.
pub fn post_for(doer: &Doer, organisation_id: i64) -> bool {
    speaks_for(doer, organisation_id)
}

/// Declares `organisation_id`'s interest and capacity.
pub fn declare_for(doer: &Doer, organisation_id: i64) -> bool {
    speaks_for(doer, organisation_id)
}

/// Forms the team of an opportunity posted by `poster`.
pub fn form_team(doer: &Doer, poster: i64) -> bool {
    speaks_for(doer, poster)
}

/// Ends (closes or withdraws) an opportunity posted by `poster`.
pub fn end(doer: &Doer, poster: i64) -> bool {
    speaks_for(doer, poster)
}

/// Answers a proposed split for `organisation_id`.
pub fn consent_for(doer: &Doer, organisation_id: i64) -> bool {
    doer.represents.contains(&organisation_id)
}

/// Sees how busy `organisation_id` will be.
pub fn see_busyness(doer: &Doer, organisation_id: i64) -> bool {
    doer.is_admin() || doer.organisations.contains(&organisation_id)
}

/// The organisations the doer may act for among the members (`all`: the network's
/// member organisations).
pub fn acting_for(doer: &Doer, all: &[i64]) -> Vec<i64> {
    all.iter().copied().filter(|o| speaks_for(doer, *o)).collect()
}
