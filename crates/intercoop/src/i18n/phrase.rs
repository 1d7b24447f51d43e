//! A message with one text argument, formatted by Fluent once and then filled in many
//! times: a round's page says "minimum €500.00" for each of its 200 buckets, and each
//! Fluent formatting (its arguments' map, the bundle's look-up, the pattern's walk) cost
//! more than the rest of the line.
//!
//! Written here because Fluent has no compiled form of a message. It is exact for a
//! message that places its text argument and selects nothing on it (Fluent would pick a
//! text argument's default variant anyway, unless a variant is named like the value):
//! the messages a page fills in this way are listed in the test below, which compares
//! every language with Fluent's own formatting. [`Phrase::new`] checks that the argument
//! appears once, with two different markers; otherwise Fluent formats each time.

use super::{Arg, Lang};

/// Markers from Unicode's private use area: no translation or argument holds them.
const MARK: &str = "\u{e000}";
const OTHER: &str = "\u{e001}";

/// A message of `lang` whose argument `name` is filled in by [`Phrase::with`].
#[derive(Debug, Clone)]
pub struct Phrase {
    lang: Lang,
    key: &'static str,
    name: &'static str,
    /// The text before and after the argument, when the argument appears once as text.
    parts: Option<(String, String)>,
}

impl Phrase {
    pub fn new(lang: Lang, key: &'static str, name: &'static str) -> Phrase {
        let split = |marker: &str| {
            let text = lang.t_args(key, &[(name, Arg::Str(marker.to_string()))]);
            let (before, after) = text.split_once(marker)?;
            (!after.contains(marker)).then(|| (before.to_string(), after.to_string()))
        };
        let parts = match (split(MARK), split(OTHER)) {
            (Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        };
        Phrase { lang, key, name, parts }
    }

    /// The message with `value` as its argument: what `Lang::t_args` gives.
    pub fn with(&self, value: impl std::fmt::Display) -> String {
        match &self.parts {
            Some((before, after)) => format!("{before}{value}{after}"),
            None => self.lang.t_args(self.key, &[(self.name, Arg::Str(value.to_string()))]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_says_what_fluent_says() {
        for lang in Lang::ALL {
            for (key, name) in [
                ("pools-minimum", "amount"),
                ("pools-maximum", "amount"),
                ("pools-matched-of", "amount"),
            ] {
                let phrase = Phrase::new(lang, key, name);
                assert!(phrase.parts.is_some(), "{key} in {lang:?}");
                for value in ["1 234,56 €", "£0.01", "", "{ $amount }", "<b>"] {
                    assert_eq!(
                        phrase.with(value),
                        lang.t_args(key, &[(name, Arg::Str(value.into()))]),
                        "{key} in {lang:?}"
                    );
                }
            }
        }
    }
}
