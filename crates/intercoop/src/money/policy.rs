//! Who may do what with the network's money. The one place for it: handlers, the
//! pages' buttons and the route table (`money::routes`) follow it.
//!
//! | what | who |
//! |---|---|
//! | set the payment settings and the budget, make or cancel payment requests, record payments, import statements, match payments, make and bill fee schedules, read the books, the reports and the runway | administrators (the facilitator, the treasurer) |
//! | see a payment request (its printable page, QR code) and an organisation's statement | the organisation's people, administrators |

use crate::access::Doer;

/// Keeps the books: settings, requests, payments, statements, fees, reports.
pub fn manage(doer: &Doer) -> bool {
    doer.is_admin()
}

/// Sees the requests and the statement of `organisation_id`.
pub fn see_account(doer: &Doer, organisation_id: i64) -> bool {
    doer.is_admin() || doer.organisations.contains(&organisation_id)
}
