//! A page's address by its place in the tree: each page has a slug made from its title
//! (`First steps` → `first-steps`), and its path is the slugs from the top
//! (`welcome/first-steps`). The API's `/api/v1/docs/{path}` takes a path or, as before,
//! a page's id (`/api/v1/docs/12`, `/api/v1/docs/12/revisions`).
//!
//! Slugs are derived, not stored: a page renamed moves to the new path (its id stays).
//! Among siblings with the same slug, the oldest page keeps it and the others get their
//! id after it (`notes-14`); a slug that would read as an id (all digits), be empty, or
//! be a word the API uses (`booklet`, `revisions`, `diff`) gets the prefix `page-` and its
//! id (`page-14`), so that a path never reads two ways.

use super::data::Pages;
use std::collections::HashMap;

/// Segments the API gives a meaning after a page (`…/revisions`, `…/diff`) or beside
/// the pages (`/api/v1/docs/booklet`).
const RESERVED: [&str; 3] = ["booklet", "revisions", "diff"];

/// A title's slug: lower-case letters and digits (any script), the rest a single `-`.
pub fn slugify(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    // Long titles make long addresses: 80 characters are enough to tell pages apart.
    if out.chars().count() > 80 {
        out = out.chars().take(80).collect();
        while out.ends_with('-') {
            out.pop();
        }
    }
    out
}

/// Every page's slug (unique among its siblings), by id.
pub fn slugs(all: &Pages) -> HashMap<i64, String> {
    let known: std::collections::HashSet<i64> = all.rows.iter().map(|r| r.id).collect();
    slugs_of(
        all.rows
            .iter()
            .map(|r| (r.id, r.parent_id.filter(|p| known.contains(p)), r.title.as_str())),
    )
}

/// The slugs of pages given as (id, parent, title), by id; they must come by id, and
/// with each page its older siblings (a page's slug depends on theirs alone: the oldest
/// page keeps a shared slug).
pub fn slugs_of<'a>(rows: impl IntoIterator<Item = (i64, Option<i64>, &'a str)>) -> HashMap<i64, String> {
    let mut taken: HashMap<(Option<i64>, String), i64> = HashMap::new();
    let mut out = HashMap::new();
    for (id, parent, title) in rows {
        let base = slugify(title);
        let plain = base.is_empty() || base.chars().all(|c| c.is_ascii_digit()) || RESERVED.contains(&base.as_str());
        let slug = if plain {
            format!("page-{id}")
        } else if taken.contains_key(&(parent, base.clone())) {
            format!("{base}-{id}")
        } else {
            base
        };
        taken.insert((parent, slug.clone()), id);
        out.insert(id, slug);
    }
    out
}

/// A page's path: its ancestors' slugs and its own, joined by `/`.
pub fn path_of(all: &Pages, slugs: &HashMap<i64, String>, id: i64) -> String {
    let mut parts: Vec<&str> = all
        .tree
        .ancestors(id)
        .iter()
        .rev()
        .filter_map(|a| slugs.get(a).map(String::as_str))
        .collect();
    if let Some(own) = slugs.get(&id) {
        parts.push(own);
    }
    parts.join("/")
}

/// The page at a path of slugs (`welcome/first-steps`), whoever may read it.
pub fn resolve(all: &Pages, segments: &[&str]) -> Option<i64> {
    if segments.is_empty() {
        return None;
    }
    let slugs = &all.slugs;
    let known: std::collections::HashSet<i64> = all.rows.iter().map(|r| r.id).collect();
    let mut parent: Option<i64> = None;
    for seg in segments {
        let here = all.rows.iter().find(|r| {
            r.parent_id.filter(|p| known.contains(p)) == parent && slugs.get(&r.id).map(String::as_str) == Some(*seg)
        })?;
        parent = Some(here.id);
    }
    parent
}

/// What an address under `/api/v1/docs/` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The page itself.
    Page(i64),
    /// Its revisions.
    Revisions(i64),
    /// The difference between two of its revisions.
    Diff(i64),
}

fn segments(raw: &str) -> Vec<&str> {
    raw.trim_matches('/').split('/').filter(|s| !s.is_empty()).collect()
}

fn suffix(rest: &[&str], id: i64) -> Option<Target> {
    match rest {
        [] => Some(Target::Page(id)),
        ["revisions"] => Some(Target::Revisions(id)),
        ["diff"] => Some(Target::Diff(id)),
        _ => None,
    }
}

/// Reads an address by id (`12`, `12/revisions`, `12/diff`), without the tree: `None`
/// when the address does not start with an id, `Some(None)` when it does but names
/// nothing. An address by id needs no other page: reading the whole tree for it made
/// the API's page grow with the documentation (3.3× at scale 100, bench/run).
pub fn by_id(raw: &str) -> Option<Option<Target>> {
    let segments = segments(raw);
    let (first, rest) = segments.split_first()?;
    if !first.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(first.parse().ok().and_then(|id| suffix(rest, id)))
}

/// Reads an address: an id (`12`, `12/revisions`, `12/diff`, as [`by_id`]), or a path
/// of slugs (`welcome/first-steps`, `welcome/first-steps/revisions`). None: no such page.
pub fn target(all: &Pages, raw: &str) -> Option<Target> {
    if let Some(by_id) = by_id(raw) {
        return by_id;
    }
    let segments = segments(raw);
    if let Some(id) = resolve(all, &segments) {
        return Some(Target::Page(id));
    }
    let (last, before) = segments.split_last()?;
    resolve(all, before).and_then(|id| suffix(&[*last], id))
}
