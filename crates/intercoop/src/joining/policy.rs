//! Who may do what with applications to join. The one place for it: handlers, the
//! pages' buttons and the route table (`joining::routes`) follow it.
//!
//! | what | who |
//! |---|---|
//! | apply, confirm the contact's address | anyone (no login), unless the network is private |
//! | see applications, comment, accept, decline | the core circle and administrators (as in Komunigi, where the core circle welcomes newcomers) |
//! | see an organisation's onboarding checklist | its representatives, the core circle and administrators |
//! | edit the public page, make the network private, choose the charter | administrators and the core circle |
//! | agree to be listed, give the organisation's place | its representatives and administrators |

use crate::access::Doer;

/// Sees, comments on and decides applications.
pub fn review(doer: &Doer) -> bool {
    doer.roles.steers()
}

/// Sees an organisation's onboarding checklist.
pub fn see_onboarding(doer: &Doer, organisation_id: i64) -> bool {
    doer.roles.steers() || doer.represents.contains(&organisation_id)
}

/// Edits the network's public page and its settings.
pub fn edit_public(doer: &Doer) -> bool {
    doer.roles.steers()
}

/// Changes an organisation's public listing.
pub fn edit_listing(doer: &Doer, organisation_id: i64) -> bool {
    doer.is_admin() || doer.represents.contains(&organisation_id)
}
