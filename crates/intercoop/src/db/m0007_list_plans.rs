//! List plans at a federation's size (scale 100):
//! - the few disabled people, indexed apart: a people list counts a network's members
//!   from its link table alone and subtracts the disabled ones found through this index,
//!   instead of reading every person of a federation for each page (see
//!   `people::data::list`);
//! - a network's polls newest first, read in index order instead of sorted per page.

use super::migrations::{Step, index};
use sea_orm::sea_query::{Alias, ConditionalStatement, Expr, Index};

pub(crate) fn up() -> Vec<Step> {
    let mut idx = Index::create();
    idx.name("ix_people_disabled")
        .table(Alias::new("people"))
        .col(Alias::new("id"))
        .and_where(Expr::col(Alias::new("disabled")));
    vec![
        Step::Index(Box::new(idx.take())),
        index("polls", &["network_id", "id"], false),
    ]
}
