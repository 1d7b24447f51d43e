//! Who may do what with meetings. The one place for it: handlers, the pages' buttons,
//! the route table (`assemblies::routes`) and the jobs follow it.
//!
//! | what | who |
//! |---|---|
//! | schedule, change, cancel a meeting; take attendance | administrators (facilitators) |
//! | see the meetings, download a meeting's `.ics`, have a calendar feed | every person of the network |
//! | write a meeting's minutes and decisions, approve and publish them | administrators (facilitators) |
//! | read published minutes and the network's decisions | every person of the network |
//! | record a core circle mandate; call an election, start its vote | administrators (facilitators) |
//! | stand in an election | a user cooperative's representative, or an administrator for it |
//! | see the core circle, its rules and history | every person of the network |
//! | change the governance settings (`/governance`) | administrators |
//! | read the governance settings and their changes | every person of the network |
//! | give or withdraw an organisation's proxy for an assembly | its representative, or an administrator |
//! | answer whether they come | each person invited, for themselves (logged in, or from the invitation's link without logging in: the link is the authority) |

use crate::access::Doer;

/// Schedules, changes and cancels meetings.
pub fn manage(doer: &Doer) -> bool {
    doer.is_admin()
}

/// Takes attendance during a meeting.
pub fn take_attendance(doer: &Doer) -> bool {
    doer.is_admin()
}

/// Answers for themselves (`invited`: the person is among those invited now).
pub fn answer(doer: &Doer, invited: bool) -> bool {
    doer.person_id.is_some() && invited
}

/// Writes a meeting's minutes and decisions, approves and publishes them.
pub fn write_minutes(doer: &Doer) -> bool {
    doer.is_admin()
}

/// Records the core circle's mandates.
pub fn manage_core(doer: &Doer) -> bool {
    doer.is_admin()
}

/// Stands for `organisation_id` in an election to the core circle.
pub fn stand(doer: &Doer, organisation_id: i64) -> bool {
    doer.is_admin() || doer.represents.contains(&organisation_id)
}

/// Changes the network's governance settings (quorums, threshold, seat rules).
pub fn manage_governance(doer: &Doer) -> bool {
    doer.is_admin()
}

/// Gives or withdraws the proxy of `organisation_id` for a meeting (its representative,
/// or an administrator for it).
pub fn give_proxy(doer: &Doer, organisation_id: i64) -> bool {
    doer.is_admin() || doer.represents.contains(&organisation_id)
}
