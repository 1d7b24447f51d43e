//! Translations with Fluent. French, English, German and Dutch are complete: the tests
//! below prove that every locale has exactly the messages of English, that each parses,
//! renders in its own language (no fallback) and uses the same `$variables` as English.
//! The fallback to English stays as a safety net; these tests keep it unused.
//!
//! The language of a page is, in order: the person's profile choice, the browser's
//! `Accept-Language`, the network's default language.

mod phrase;
pub use phrase::Phrase;

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
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey};
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    /// The locales that must mirror English.
    const TRANSLATIONS: [Lang; 3] = [Lang::Fr, Lang::De, Lang::Nl];

    /// What a translation must keep of its English message.
    #[derive(Debug, Default)]
    struct Shape {
        /// `de/proposals.ftl`, for the failure messages.
        file: String,
        /// Every `$variable`, in the value, the variants and the attributes.
        variables: BTreeSet<String>,
        /// Exact-number variant keys such as `[0]`.
        numeric_variants: BTreeSet<String>,
        /// Attribute names (`.label`).
        attributes: BTreeSet<String>,
    }

    /// Every message (and `-term`) of a locale, read with fluent-syntax. Panics naming the
    /// file and line of a syntax error, or a message defined twice.
    fn messages(lang: Lang) -> BTreeMap<String, Shape> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang.code());
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("locale folder")
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        paths.sort();
        let mut out = BTreeMap::new();
        for path in paths {
            let file = format!("{}/{}", lang.code(), path.file_name().unwrap().to_string_lossy());
            let text = std::fs::read_to_string(&path).unwrap();
            let resource = fluent_syntax::parser::parse(text.as_str()).unwrap_or_else(|(_, errors)| {
                let errors: Vec<String> = errors
                    .iter()
                    .map(|e| {
                        let line = text[..e.pos.start].lines().count().max(1);
                        format!("line {line}: {:?}", e.kind)
                    })
                    .collect();
                panic!("{file} does not parse: {errors:#?}")
            });
            for entry in &resource.body {
                let (id, value, attributes) = match entry {
                    Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref(), &m.attributes),
                    Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
                    _ => continue,
                };
                let mut shape = Shape {
                    file: file.clone(),
                    ..Shape::default()
                };
                if let Some(value) = value {
                    walk_pattern(value, &mut shape);
                }
                for attribute in attributes {
                    shape.attributes.insert(attribute.id.name.to_string());
                    walk_pattern(&attribute.value, &mut shape);
                }
                if let Some(first) = out.insert(id.clone(), shape) {
                    panic!("`{id}` is defined twice: in {} and in {file}", first.file);
                }
            }
        }
        out
    }

    fn walk_pattern(pattern: &Pattern<&str>, shape: &mut Shape) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                walk_expression(expression, shape);
            }
        }
    }

    fn walk_expression(expression: &Expression<&str>, shape: &mut Shape) {
        match expression {
            Expression::Select { selector, variants } => {
                walk_inline(selector, shape);
                for variant in variants {
                    if let VariantKey::NumberLiteral { value } = &variant.key {
                        shape.numeric_variants.insert(value.to_string());
                    }
                    walk_pattern(&variant.value, shape);
                }
            }
            Expression::Inline(inline) => walk_inline(inline, shape),
        }
    }

    fn walk_inline(inline: &InlineExpression<&str>, shape: &mut Shape) {
        let arguments = match inline {
            InlineExpression::VariableReference { id } => {
                shape.variables.insert(id.name.to_string());
                return;
            }
            InlineExpression::Placeable { expression } => return walk_expression(expression, shape),
            InlineExpression::FunctionReference { arguments, .. } => arguments,
            InlineExpression::TermReference {
                arguments: Some(arguments),
                ..
            } => arguments,
            _ => return,
        };
        for positional in &arguments.positional {
            walk_inline(positional, shape);
        }
        for named in &arguments.named {
            walk_inline(&named.value, shape);
        }
    }

    /// A message in one language's own bundle, without falling back to English.
    fn render(lang: Lang, id: &str, args: &HashMap<String, FluentValue<'static>>) -> String {
        LOCALES
            .lookup_single_language(lang.langid(), id, Some(args))
            .unwrap_or_else(|e| panic!("{}: `{id}` does not render: {e}", lang.code()))
    }

    /// Each variable of a message as a recognisable text: `<amount>`.
    fn placeholders(shape: &Shape) -> HashMap<String, FluentValue<'static>> {
        shape
            .variables
            .iter()
            .map(|v| (v.clone(), FluentValue::from(format!("<{v}>"))))
            .collect()
    }

    fn listed(keys: &[&String]) -> String {
        keys.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
    }

    /// Every error code the code can raise has its message in English (hence, by the
    /// test below, in every locale): `Conflict("x")`, `invalid(field, "x")`,
    /// `errors.add(field, "x")` need `error-x`. Found by reading the sources: a code
    /// without its message shows "Unknown localization key" to a person.
    #[test]
    fn every_error_code_in_the_code_has_its_message() {
        let english = messages(Lang::En);
        let mut missing = BTreeSet::new();
        let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                // Not this file: its comments show the markers.
                if path.extension().is_none_or(|e| e != "rs") || path.ends_with("i18n.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for code in error_codes(&text) {
                    if !english.contains_key(&format!("error-{code}")) {
                        missing.insert(format!("error-{code} ({})", path.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "error codes without a message: {missing:#?}");
    }

    /// The string literals passed as error codes in a source file.
    fn error_codes(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (marker, comma) in [("Conflict(\"", false), ("invalid(", true), (".add(", true)] {
            let mut rest = text;
            while let Some(i) = rest.find(marker) {
                rest = &rest[i + marker.len()..];
                let args = if comma {
                    // The second argument, when it is a literal on the same call.
                    let Some(end) = rest.find(')') else { break };
                    let call = &rest[..end];
                    match call.split_once(',') {
                        Some((_, second)) => second.trim().to_string(),
                        None => continue,
                    }
                } else {
                    format!("\"{}", rest)
                };
                let Some(literal) = args.strip_prefix('"') else {
                    continue;
                };
                let Some(end) = literal.find('"') else { continue };
                let code = &literal[..end];
                if !code.is_empty()
                    && code
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
                {
                    out.push(code.to_string());
                }
            }
        }
        out
    }

    #[test]
    fn every_locale_has_exactly_the_messages_of_english() {
        let en = messages(Lang::En);
        assert!(en.len() > 400, "only {} English messages", en.len());
        let mut failures = Vec::new();
        for lang in TRANSLATIONS {
            let theirs = messages(lang);
            let missing: Vec<_> = en.keys().filter(|k| !theirs.contains_key(*k)).collect();
            let orphans: Vec<_> = theirs.keys().filter(|k| !en.contains_key(*k)).collect();
            if !missing.is_empty() {
                failures.push(format!(
                    "{} lacks {} message(s) of English: {}",
                    lang.code(),
                    missing.len(),
                    listed(&missing)
                ));
            }
            if !orphans.is_empty() {
                failures.push(format!(
                    "{} has {} message(s) that English does not have: {}",
                    lang.code(),
                    orphans.len(),
                    listed(&orphans)
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// A translation that forgets `{ $amount }` tells a supermarket nothing about what it
    /// owes; one that invents `{ $amont }` shows an error instead.
    #[test]
    fn every_translation_keeps_the_variables_variants_and_attributes_of_english() {
        let en = messages(Lang::En);
        let mut failures = Vec::new();
        for lang in TRANSLATIONS {
            for (key, theirs) in messages(lang) {
                let Some(english) = en.get(&key) else { continue };
                if theirs.variables != english.variables {
                    failures.push(format!(
                        "{}: `{key}` uses {:?}, English uses {:?}",
                        theirs.file, theirs.variables, english.variables
                    ));
                }
                let lost: Vec<_> = english.numeric_variants.difference(&theirs.numeric_variants).collect();
                if !lost.is_empty() {
                    failures.push(format!(
                        "{}: `{key}` lacks the variant(s) {lost:?} of English",
                        theirs.file
                    ));
                }
                if theirs.attributes != english.attributes {
                    failures.push(format!(
                        "{}: `{key}` has the attributes {:?}, English {:?}",
                        theirs.file, theirs.attributes, english.attributes
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Through the loader, in each language's own bundle (no fallback to English): every
    /// message formats without a Fluent error, whatever the count, and shows every
    /// argument that its English message shows.
    #[test]
    fn every_message_renders_in_its_own_language() {
        let en = messages(Lang::En);
        let mut failures = Vec::new();
        for (key, english) in en.iter().filter(|(k, _)| !k.starts_with('-')) {
            let ids: Vec<String> = std::iter::once(key.clone())
                .chain(english.attributes.iter().map(|a| format!("{key}.{a}")))
                .collect();
            for id in &ids {
                for n in [0, 1, 2, 5, 21] {
                    let args = english
                        .variables
                        .iter()
                        .map(|v| (v.clone(), FluentValue::from(n)))
                        .collect();
                    for lang in Lang::ALL {
                        assert!(
                            !render(lang, id, &args).trim().is_empty(),
                            "{}: `{id}` is empty",
                            lang.code()
                        );
                    }
                }
                let args = placeholders(english);
                let shown = render(Lang::En, id, &args);
                for lang in TRANSLATIONS {
                    let text = render(lang, id, &args);
                    for v in &english.variables {
                        let value = format!("<{v}>");
                        if shown.contains(&value) && !text.contains(&value) {
                            failures.push(format!("{}: `{id}` does not show ${v}: {text:?}", lang.code()));
                        }
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Fluent puts 0 in French's `one` category: "[one] Une organisation en a besoin"
    /// then reads so for none. Every message counting something says "none" otherwise
    /// than "one" (a `[0]` variant, or `{ $count }` in the `one` variant), in every
    /// language.
    #[test]
    fn zero_never_reads_as_one() {
        let en = messages(Lang::En);
        let mut failures = Vec::new();
        for (key, english) in en.iter().filter(|(_, m)| m.variables.iter().any(|v| v == "count")) {
            let with = |n: i64| -> HashMap<String, FluentValue<'static>> {
                english
                    .variables
                    .iter()
                    .map(|v| {
                        (
                            v.clone(),
                            if v == "count" {
                                FluentValue::from(n)
                            } else {
                                FluentValue::from(format!("<{v}>"))
                            },
                        )
                    })
                    .collect()
            };
            for lang in Lang::ALL {
                let (zero, one) = (render(lang, key, &with(0)), render(lang, key, &with(1)));
                if zero == one {
                    failures.push(format!("{}: `{key}` reads the same for 0 and 1: {zero:?}", lang.code()));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Emails are what representatives read: none may be left in English.
    #[test]
    fn german_and_dutch_emails_are_translated() {
        let en = messages(Lang::En);
        // Only names and punctuation: the same in every language.
        let language_free = ["proposals-mail-digest-line"];
        for lang in [Lang::De, Lang::Nl] {
            for (key, shape) in en
                .iter()
                .filter(|(k, _)| k.contains("mail-") && !language_free.contains(&k.as_str()))
            {
                let args = placeholders(shape);
                assert_ne!(
                    render(lang, key, &args),
                    render(Lang::En, key, &args),
                    "{}: `{key}` is still in English",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn german_and_dutch_render_their_plurals_and_arguments() {
        let failed = |lang: Lang, n: i64| lang.t_args("dashboard-failed-emails", &[("count", n.into())]);
        assert_eq!(failed(Lang::De, 0), "Alle E-Mails wurden zugestellt");
        assert_eq!(failed(Lang::De, 1), "Eine E-Mail konnte nicht gesendet werden");
        assert_eq!(failed(Lang::De, 2), "2 E-Mails konnten nicht gesendet werden");
        assert_eq!(failed(Lang::Nl, 0), "Alle e-mails zijn afgeleverd");
        assert_eq!(failed(Lang::Nl, 1), "Eén e-mail kon niet verstuurd worden");
        assert_eq!(failed(Lang::Nl, 2), "2 e-mails konden niet verstuurd worden");

        assert_eq!(
            Lang::De.t_args("polls-count", &[("count", Arg::Num(1))]),
            "Eine Abstimmung"
        );
        assert_eq!(
            Lang::Nl.t_args("polls-count", &[("count", Arg::Num(3))]),
            "3 stemmingen"
        );
        assert_eq!(Lang::Nl.t_args("proposals-hours", &[("count", Arg::Num(12))]), "12 uur");

        // Formerly English in a German page; now German.
        assert_eq!(Lang::De.t("organisations-new"), "Organisation hinzufügen");
        assert_eq!(Lang::Nl.t("proposals-key"), "Verdeelsleutel");

        let request = [
            ("title", Arg::from("Regaletiketten drucken")),
            ("amount", Arg::from("240,00 €")),
            ("due", Arg::from("1. März 2026")),
        ];
        assert_eq!(
            Lang::De.t_args("proposals-mail-request-body", &request),
            "Der Anteil Ihrer Organisation an „Regaletiketten drucken“ beträgt 240,00 €, zu zahlen bis zum 1. März 2026."
        );
        // A selector inside a sentence keeps the sentence whole.
        let funded = |n: i64| {
            Lang::Nl.t_args(
                "proposals-mail-funded-body",
                &[
                    ("title", "Schaplabels".into()),
                    ("amount", "1 200,00 €".into()),
                    ("count", n.into()),
                ],
            )
        };
        assert_eq!(
            funded(1),
            "“Schaplabels” is gefinancierd: 1 200,00 €, verdeeld over één organisatie. Het werk kan beginnen."
        );
        assert_eq!(
            funded(4),
            "“Schaplabels” is gefinancierd: 1 200,00 €, verdeeld over 4 organisaties. Het werk kan beginnen."
        );
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
    fn lookups_work_with_arguments() {
        assert_eq!(Lang::Fr.t("nav-organisations"), "Organisations");
        let s = Lang::En.t_args("dashboard-hello", &[("name", "Anne".into())]);
        assert!(s.contains("Anne"), "{s}");
    }
}
