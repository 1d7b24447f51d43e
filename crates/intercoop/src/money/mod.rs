//! Money: payment requests (who owes what for what) and the credits catch-up shares
//! give earlier funders. The money capability (fees, ledger, bank statements) grows
//! here.

pub mod entities;
pub mod requests;
