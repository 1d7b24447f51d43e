//! The documentation space's rules (issue 18, item 4): who may read a page, where a
//! page may move in the tree, and the readable difference between two revisions.
//!
//! - A page's **visibility** is its own or its ancestors', whichever is the most
//!   restricted: a page under a core-circle page is the core circle's, whatever it says
//!   itself (as in Confluence or MediaWiki namespaces, a restriction is inherited).
//! - A page moves under any page of its network but itself or one of its descendants.
//! - The **difference** between two revisions is a line diff (Myers' algorithm, from the
//!   well-kept `similar` crate), grouped in hunks with three lines of context.

use std::collections::BTreeMap;

crate::text_enum!(
    /// Who may read a page: anyone (its network's public pages), the network's people,
    /// or the core circle and the administrators.
    Visibility { Public = "public", Members = "members", Core = "core" }
);

crate::text_enum!(
    /// Who reads: a visitor (not logged in to the network), a person of the network, or
    /// a person of its core circle or an administrator.
    Reader { Visitor = "visitor", Member = "member", Core = "core" }
);

impl Visibility {
    fn rank(self) -> u8 {
        match self {
            Visibility::Public => 0,
            Visibility::Members => 1,
            Visibility::Core => 2,
        }
    }

    /// The more restricted of two visibilities.
    pub fn strictest(self, other: Visibility) -> Visibility {
        if other.rank() > self.rank() { other } else { self }
    }

    /// Whether `reader` may read a page of this (effective) visibility.
    pub fn readable_by(self, reader: Reader) -> bool {
        let rank = match reader {
            Reader::Visitor => 0,
            Reader::Member => 1,
            Reader::Core => 2,
        };
        self.rank() <= rank
    }
}

/// One page of a tree: its parent (none at the root) and its own visibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    pub parent: Option<i64>,
    pub visibility: Visibility,
}

/// Why a page may not move under another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MoveError {
    /// The new parent is not a page of the tree (another network's, or none).
    #[error("the parent page does not exist")]
    UnknownParent,
    /// The new parent is the page itself or one of its descendants.
    #[error("a page cannot go under itself")]
    UnderItself,
}

/// A network's pages by id.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    nodes: BTreeMap<i64, Node>,
}

impl Tree {
    pub fn new(nodes: impl IntoIterator<Item = (i64, Node)>) -> Tree {
        Tree {
            nodes: nodes.into_iter().collect(),
        }
    }

    /// The page's ancestors, its parent first. Stops at a parent that is not in the
    /// tree and at a cycle (which [`Tree::may_move`] never lets in), so it ends.
    pub fn ancestors(&self, id: i64) -> Vec<i64> {
        let mut out = Vec::new();
        let mut at = self.nodes.get(&id).and_then(|n| n.parent);
        while let Some(p) = at {
            if p == id || out.contains(&p) || !self.nodes.contains_key(&p) {
                break;
            }
            out.push(p);
            at = self.nodes.get(&p).and_then(|n| n.parent);
        }
        out
    }

    /// The page's effective visibility: the most restricted of its own and its
    /// ancestors'. `None` for a page not in the tree.
    pub fn visibility(&self, id: i64) -> Option<Visibility> {
        let own = self.nodes.get(&id)?.visibility;
        Some(
            self.ancestors(id)
                .iter()
                .filter_map(|a| self.nodes.get(a))
                .fold(own, |v, n| v.strictest(n.visibility)),
        )
    }

    /// Whether `reader` may read the page (false for a page not in the tree).
    pub fn readable(&self, id: i64, reader: Reader) -> bool {
        self.visibility(id).is_some_and(|v| v.readable_by(reader))
    }

    /// Whether the page may go under `parent` (`None`: the root).
    ///
    /// Errors: [`MoveError::UnknownParent`], [`MoveError::UnderItself`].
    pub fn may_move(&self, id: i64, parent: Option<i64>) -> Result<(), MoveError> {
        let Some(p) = parent else { return Ok(()) };
        if !self.nodes.contains_key(&p) {
            return Err(MoveError::UnknownParent);
        }
        if p == id || self.ancestors(p).contains(&id) {
            return Err(MoveError::UnderItself);
        }
        Ok(())
    }
}

/// What a line of a difference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Same,
    Added,
    Removed,
}

/// One line of a difference, with its numbers in the old and the new text (from 1).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DiffLine {
    pub change: Change,
    pub old_line: Option<usize>,
    pub new_line: Option<usize>,
    pub text: String,
}

/// The difference between two texts, line by line, in hunks of changed lines with
/// three lines of context each; no hunk when the texts are the same.
pub fn diff(old: &str, new: &str) -> Vec<Vec<DiffLine>> {
    let d = similar::TextDiff::from_lines(old, new);
    d.grouped_ops(3)
        .iter()
        .map(|group| {
            group
                .iter()
                .flat_map(|op| d.iter_changes(op))
                .map(|c| DiffLine {
                    change: match c.tag() {
                        similar::ChangeTag::Equal => Change::Same,
                        similar::ChangeTag::Insert => Change::Added,
                        similar::ChangeTag::Delete => Change::Removed,
                    },
                    old_line: c.old_index().map(|i| i + 1),
                    new_line: c.new_index().map(|i| i + 1),
                    text: c.value().trim_end_matches(['\n', '\r']).to_string(),
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tree(nodes: &[(i64, Option<i64>, Visibility)]) -> Tree {
        Tree::new(
            nodes
                .iter()
                .map(|&(id, parent, visibility)| (id, Node { parent, visibility })),
        )
    }

    #[test]
    fn the_strictest_visibility_on_the_path_wins() {
        use Visibility::*;
        let t = tree(&[
            (1, None, Core),
            (2, Some(1), Public),
            (3, None, Public),
            (4, Some(3), Members),
        ]);
        assert_eq!(t.visibility(2), Some(Core));
        assert_eq!(t.visibility(4), Some(Members));
        assert!(!t.readable(2, Reader::Member));
        assert!(t.readable(2, Reader::Core));
        assert!(t.readable(3, Reader::Visitor));
        assert!(!t.readable(4, Reader::Visitor));
        assert!(!t.readable(9, Reader::Core), "a page not in the tree");
    }

    #[test]
    fn a_page_never_goes_under_itself() {
        use Visibility::Members;
        let t = tree(&[(1, None, Members), (2, Some(1), Members), (3, Some(2), Members)]);
        assert_eq!(t.may_move(1, Some(3)), Err(MoveError::UnderItself));
        assert_eq!(t.may_move(1, Some(1)), Err(MoveError::UnderItself));
        assert_eq!(t.may_move(1, Some(7)), Err(MoveError::UnknownParent));
        assert_eq!(t.may_move(3, Some(1)), Ok(()));
        assert_eq!(t.may_move(3, None), Ok(()));
    }

    #[test]
    fn a_diff_names_added_and_removed_lines() {
        let hunks = diff("a\nb\nc\n", "a\nB\nc\nd\n");
        assert_eq!(hunks.len(), 1);
        let lines: Vec<(Change, &str)> = hunks[0].iter().map(|l| (l.change, l.text.as_str())).collect();
        assert_eq!(
            lines,
            vec![
                (Change::Same, "a"),
                (Change::Removed, "b"),
                (Change::Added, "B"),
                (Change::Same, "c"),
                (Change::Added, "d"),
            ]
        );
        assert_eq!(hunks[0][2].new_line, Some(2));
        assert_eq!(hunks[0][1].old_line, Some(2));
        assert!(diff("same\n", "same\n").is_empty());
    }

    #[test]
    fn far_apart_changes_make_separate_hunks() {
        let old: String = (1..=20).map(|i| format!("{i}\n")).collect();
        let new = old.replace("2\n", "two\n").replace("19\n", "nineteen\n");
        assert_eq!(diff(&old, &new).len(), 2);
    }

    proptest! {
        /// Whatever the moves allowed, every page's ancestors end and never hold the
        /// page itself, and a page's visibility is never looser than its own.
        #[test]
        fn allowed_moves_keep_a_tree(moves in proptest::collection::vec((1i64..8, proptest::option::of(1i64..8)), 0..40)) {
            let mut nodes: BTreeMap<i64, Node> = (1..8).map(|i| (i, Node { parent: None, visibility: Visibility::ALL[(i % 3) as usize] })).collect();
            for (id, parent) in moves {
                let t = Tree { nodes: nodes.clone() };
                if t.may_move(id, parent).is_ok() {
                    nodes.get_mut(&id).unwrap().parent = parent;
                }
            }
            let t = Tree { nodes: nodes.clone() };
            for (&id, n) in &nodes {
                let a = t.ancestors(id);
                prop_assert!(!a.contains(&id));
                prop_assert!(a.len() < nodes.len());
                let v = t.visibility(id).unwrap();
                prop_assert_eq!(v.strictest(n.visibility), v);
            }
        }

        /// Applying a diff's added and same lines gives back the new text's changed
        /// region: every added line is a line of the new text at its number.
        #[test]
        fn added_lines_are_the_new_texts(old in "[ab\n]{0,40}", new in "[ab\n]{0,40}") {
            let new_lines: Vec<&str> = new.lines().collect();
            for hunk in diff(&old, &new) {
                for l in hunk {
                    if let Some(n) = l.new_line {
                        prop_assert_eq!(new_lines[n - 1], l.text.as_str());
                    }
                }
            }
        }
    }
}
