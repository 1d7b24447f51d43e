//! The people list is sorted by name: an index lets a page read 50 people in order
//! instead of sorting every person of a federation for each request.

use super::migrations::{Step, index};

pub(crate) fn up() -> Vec<Step> {
    vec![index("people", &["name"], false)]
}
