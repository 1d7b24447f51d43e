//! The pure domain of intercoop: no I/O, no async, no database types.
//!
//! Everything here is deterministic and exhaustively tested; the application crate
//! constructs these types once at the edge and trusts them afterwards.

#[macro_use]
mod macros;
pub use macros::TextEnum;

pub mod bank;
pub mod calendar;
pub mod catchup;
pub mod core_circle;
pub mod documentation;
pub mod epc_qr;
pub mod fees;
pub mod funding;
pub mod images;
pub mod joining;
pub mod ledger;
pub mod lifecycle;
pub mod meetings;
pub mod money;
pub mod organisation;
pub mod payments;
pub mod pooling;
pub mod reserves;
pub mod roles;
pub mod runway;
pub mod sharing;
pub mod text;
pub mod voting;
pub mod work_sharing;

pub use money::Money;
pub use roles::{Role, RoleSet};
