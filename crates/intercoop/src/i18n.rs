//! Translations with Fluent. French and English are complete (a test proves every
//! key exists in both); German and Dutch fall back to English where a key is missing.
//!
//! The language of a page is, in order: the person's profile choice, the browser's
//! `Accept-Language`, the network's default language.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::LanguageIdentifier;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Bidi isolation marks around arguments break emails and plain-text tests.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    De,
    Nl,
}

impl intercoop_domain::TextEnum for Lang {
    const NAME: &'static str = "Lang";
    fn as_str(self) -> &'static str {
        self.code()
    }
    /// Exactly one of the four codes (`Lang::parse` also reads "fr-BE").
    fn parse(s: &str) -> Option<Self> {
        Lang::ALL.into_iter().find(|l| l.code() == s)
    }
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Fr, Lang::En, Lang::De, Lang::Nl];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Nl => "nl",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::De => "Deutsch",
            Lang::Nl => "Nederlands",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first supported language of an `Accept-Language` header, by quality.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut ranked: Vec<(f32, usize, Lang)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut pieces = part.split(';');
                let lang = Lang::parse(pieces.next()?)?;
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok()))
                    .unwrap_or(1.0);
                (q > 0.0).then_some((q, i, lang))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.first().map(|r| r.2)
    }

    /// Parsed once per language: pages ask for hundreds of messages.
    fn langid(self) -> &'static LanguageIdentifier {
        static IDS: std::sync::OnceLock<[LanguageIdentifier; 4]> = std::sync::OnceLock::new();
        let ids =
            IDS.get_or_init(|| ["en", "fr", "de", "nl"].map(|code| code.parse().expect("valid language identifier")));
        &ids[self as usize]
    }

    /// Translates a message id.
    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(self.langid(), key)
    }

    /// Translates a message id with named arguments.
    pub fn t_args(self, key: &str, args: &[(&'static str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> =
            args.iter().map(|(k, v)| (Cow::Borrowed(*k), v.fluent())).collect();
        LOCALES.lookup_with_args(self.langid(), key, &map)
    }

    /// Translates a message id with arguments named at run time (a notification's facts).
    pub fn t_named(self, key: &str, args: &[(String, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> =
            args.iter().map(|(k, v)| (Cow::Owned(k.clone()), v.fluent())).collect();
        LOCALES.lookup_with_args(self.langid(), key, &map)
    }

    /// Does this id exist (in this language or the fallback)?
    pub fn has(self, key: &str) -> bool {
        LOCALES.try_lookup(self.langid(), key).is_some()
    }
}

/// An argument of a translated message.
#[derive(Debug, Clone)]
pub enum Arg {
    Str(String),
    Num(i64),
}

impl Arg {
    fn fluent(&self) -> FluentValue<'static> {
        match self {
            Arg::Str(s) => FluentValue::from(s.clone()),
            Arg::Num(n) => FluentValue::from(*n),
        }
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Num(n)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Num(n as i64)
    }
}

/// Chooses the language: profile, then browser, then network default.
pub fn negotiate(profile: Option<&str>, accept_language: Option<&str>, network_default: &str) -> Lang {
    profile
        .and_then(Lang::parse)
        .or_else(|| accept_language.and_then(Lang::from_accept_language))
        .or_else(|| Lang::parse(network_default))
        .unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn keys(lang: &str) -> BTreeSet<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang);
        let mut keys = BTreeSet::new();
        for entry in std::fs::read_dir(&dir).expect("locale folder") {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                if let Some((key, _)) = line.split_once(" =")
                    && !key.is_empty()
                    && !key.starts_with([' ', '#', '.', '*', '['])
                {
                    keys.insert(key.to_string());
                }
            }
        }
        keys
    }

    #[test]
    fn french_and_english_are_complete() {
        let en = keys("en");
        let fr = keys("fr");
        assert!(en.len() > 50, "only {} keys", en.len());
        let missing_fr: Vec<_> = en.difference(&fr).collect();
        let missing_en: Vec<_> = fr.difference(&en).collect();
        assert!(missing_fr.is_empty(), "missing in French: {missing_fr:?}");
        assert!(missing_en.is_empty(), "missing in English: {missing_en:?}");
    }

    #[test]
    fn negotiation_order() {
        assert_eq!(negotiate(Some("fr"), Some("en-GB"), "de"), Lang::Fr);
        assert_eq!(negotiate(None, Some("nl-BE,fr;q=0.8"), "fr"), Lang::Nl);
        assert_eq!(negotiate(None, Some("es, fr;q=0.5, en;q=0.9"), "de"), Lang::En);
        assert_eq!(negotiate(None, Some("es"), "fr"), Lang::Fr);
        assert_eq!(negotiate(None, None, "xx"), Lang::En);
    }

    #[test]
    fn german_and_dutch_fall_back_to_english() {
        assert_eq!(Lang::De.t("nav-people"), "Personen");
        assert_eq!(Lang::Nl.t("nav-people"), "Personen");
        assert_eq!(Lang::De.t("organisations-new"), Lang::En.t("organisations-new"));
        // Every German or Dutch key exists in English (no orphan translations).
        let en = keys("en");
        for lang in ["de", "nl"] {
            let orphans: Vec<_> = keys(lang).difference(&en).cloned().collect();
            assert!(orphans.is_empty(), "{lang}: {orphans:?}");
        }
    }

    #[test]
    fn lookups_work_with_arguments() {
        assert_eq!(Lang::Fr.t("nav-organisations"), "Organisations");
        let s = Lang::En.t_args("dashboard-hello", &[("name", "Anne".into())]);
        assert!(s.contains("Anne"), "{s}");
    }
}
