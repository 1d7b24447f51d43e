//! Organisations: queries and changes, shared by the pages and the API.
//!
//! - `input`: what a form or a JSON body says about an organisation, and its checks;
//! - `listing`: the list of a network's organisations, filtered, a page at a time;
//! - `detail`: one organisation as a network sees it, and what every network shares;
//! - `changes`: creating an organisation, adding it to a network, updating it;
//! - `members`: what other features ask: a member's size, the members to choose
//!   from, names, and whether an organisation is (a member) in the network.

mod changes;
mod detail;
mod input;
mod listing;
mod members;

pub use changes::*;
pub use detail::*;
pub use input::*;
pub use listing::*;
pub use members::*;
