//! Proposal pages: the list, a proposal with its campaign and join form, posting a
//! need, and "my organisation's commitments"; and the demo content.
//!
//! Here: `listing` (the list, filtered and paged), `proposal` (a proposal's page, with
//! what joining its campaign would do), `need` (posting a need), `actions` (interest,
//! comments, status changes, choosing a quote, delivering); and what the proposals'
//! pages share (amounts in templates, Markdown).

mod actions;
mod listing;
mod need;
mod proposal;

pub use actions::*;
pub use listing::*;
pub use need::*;
pub use proposal::*;

/// An amount in cents, by value or through references (templates pass either).
pub trait AsCents {
    fn cents(&self) -> i64;
}

impl AsCents for i64 {
    fn cents(&self) -> i64 {
        *self
    }
}

impl<T: AsCents + ?Sized> AsCents for &T {
    fn cents(&self) -> i64 {
        (**self).cents()
    }
}

/// Markdown to HTML, sanitized (no scripts, no event handlers, links made safe).
pub fn markdown(text: &str) -> String {
    markdown_with(text, ammonia::UrlRelative::PassThrough)
}

/// [`markdown`] whose relative addresses (of links and images) `relative` rewrites
/// (e.g. a private feed's own addresses for the logbook's images:
/// `crate::logbook::images::in_feed`); absolute ones are kept as they are.
pub fn markdown_with(text: &str, relative: ammonia::UrlRelative<'_>) -> String {
    let parser = pulldown_cmark::Parser::new_ext(text, pulldown_cmark::Options::ENABLE_TABLES);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_relative(relative)
        .clean(&html)
        .to_string()
}
