//! The logbook's Atom feed (RFC 4287), made with `atom_syndication`: a network's public
//! articles only, newest first, each with its sanitized HTML as content. A members'
//! article is never in it: the feed is read by aggregators, without logging in.

use super::data::ArticleOut;
use crate::entities::network;
use crate::i18n::Lang;
use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};

/// An instant as the feed's dates (RFC 3339, UTC).
fn instant(at: time::OffsetDateTime) -> FixedDateTime {
    chrono::DateTime::from_timestamp(at.unix_timestamp(), at.nanosecond())
        .unwrap_or_default()
        .fixed_offset()
}

fn link(href: String, rel: &str, mime: Option<&str>) -> Link {
    let mut l = Link::default();
    l.set_href(href);
    l.set_rel(rel);
    l.set_mime_type(mime.map(str::to_string));
    l
}

/// The feed of `n`'s public `articles` (already filtered and ordered), as XML. Ids are
/// the articles' public addresses (permanent, RFC 4287 §4.2.6); `updated` is the latest
/// change, or the network's creation when there is no article.
pub fn atom(base_url: &str, n: &network::Model, lang: Lang, articles: &[ArticleOut]) -> String {
    let home = format!("{base_url}/n/{}/logbook", n.slug);
    atom_at(&format!("{home}.atom"), &home, n, lang, articles)
}

/// A feed of `articles` whose own address is `self_url` and whose articles' pages are
/// under `home` (the public pages, or `/logbook` for a person's private feed).
pub fn atom_at(self_url: &str, home: &str, n: &network::Model, lang: Lang, articles: &[ArticleOut]) -> String {
    let home = home.to_string();
    let mut feed = Feed::default();
    feed.set_id(self_url.to_string());
    feed.set_title(Text::plain(format!("{} — {}", n.name, lang.t("logbook-title"))));
    feed.set_lang(Some(lang.code().to_string()));
    feed.set_updated(instant(
        articles
            .iter()
            .map(|a| a.summary.updated_at)
            .max()
            .unwrap_or(n.created_at),
    ));
    let mut network_author = Person::default();
    network_author.set_name(n.name.clone());
    feed.set_authors(vec![network_author.clone()]);
    feed.set_links(vec![
        link(self_url.to_string(), "self", Some("application/atom+xml")),
        link(home.clone(), "alternate", Some("text/html")),
    ]);
    let entries = articles
        .iter()
        .map(|a| {
            let s = &a.summary;
            let url = format!("{home}/{}", s.id);
            let mut e = Entry::default();
            e.set_id(url.clone());
            e.set_title(Text::plain(s.title.clone()));
            e.set_updated(instant(s.updated_at));
            e.set_published(Some(instant(s.created_at)));
            e.set_links(vec![link(url, "alternate", Some("text/html"))]);
            let author = match &s.author {
                Some(name) => {
                    let mut p = Person::default();
                    p.set_name(name.clone());
                    p
                }
                None => network_author.clone(),
            };
            e.set_authors(vec![author]);
            let mut c = Content::default();
            c.set_content_type(Some("html".to_string()));
            c.set_value(Some(a.html.clone()));
            e.set_content(Some(c));
            e
        })
        .collect::<Vec<_>>();
    feed.set_entries(entries);
    feed.to_string()
}
