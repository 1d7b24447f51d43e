//! Validated text newtypes, built once at the edge (form or API) and trusted afterwards.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a piece of text was refused. The application turns each into a translated
/// message next to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("required")]
    Empty,
    #[error("too long (at most {max} characters)")]
    TooLong { max: usize },
    #[error("not a valid email address")]
    InvalidEmail,
    #[error("contains control characters")]
    ControlCharacters,
    #[error("only lowercase letters, digits and dashes")]
    InvalidSlug,
    #[error("contains invisible or text-direction characters")]
    InvisibleCharacters,
}

/// A line of text people read as a name: a person's, an organisation's, a network's,
/// a title, a poll's option, a software's name. Trimmed, inner runs of white space
/// made one space, normalised to NFC (an "é" typed as `e` + combining accent is the
/// same name as the precomposed one), at most `max` characters once normalised.
///
/// Refused: control characters, and every character that shows nothing or changes how
/// the text around it reads ([`invisible`]): with a zero-width space someone could
/// take a name that looks exactly like another member's, and a right-to-left override
/// turns the rest of a sentence that shows the name around (`Amir` + U+202E + `tnemyap evorppa` shows as "Amir approve payment").
pub fn line(input: &str, max: usize) -> Result<String, TextError> {
    use unicode_normalization::UnicodeNormalization;
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(TextError::Empty);
    }
    if trimmed.chars().any(char::is_control) {
        return Err(TextError::ControlCharacters);
    }
    let normalised: String = trimmed.nfc().collect();
    if normalised.chars().any(invisible) {
        return Err(TextError::InvisibleCharacters);
    }
    // Collapse inner runs of whitespace so "Bees  coop" and "Bees coop" are one name
    // (Unicode spaces too: a no-break or ideographic space becomes a plain one).
    let collapsed = normalised.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() > max {
        return Err(TextError::TooLong { max });
    }
    Ok(collapsed)
}

/// Whether a character shows nothing, or changes the direction or shape of the text
/// around it, so that two names can look alike and differ, or a name can disguise
/// what surrounds it:
/// - Unicode's format characters (`Cf`): zero-width space and joiners, soft hyphen,
///   word joiner, the byte-order mark, every bidirectional control (the marks LRM, RLM
///   and ALM, the embeddings, overrides and isolates), tags;
/// - unassigned and private-use code points (nothing says what they look like), line
///   and paragraph separators, surrogates;
/// - the other default-ignorable characters, which fonts draw as nothing (the Hangul
///   fillers, the combining grapheme joiner, Mongolian variation selectors, the
///   variation selectors on letters), and the blank Braille pattern — except the two
///   emoji variation selectors (U+FE0E text, U+FE0F emoji: "❤️"), which only choose how
///   the character before them is drawn.
pub fn invisible(c: char) -> bool {
    use unicode_properties::{GeneralCategory as G, UnicodeGeneralCategory};
    if matches!(c, '\u{FE0E}' | '\u{FE0F}') {
        return false;
    }
    matches!(
        c.general_category(),
        G::Format | G::Unassigned | G::PrivateUse | G::Surrogate | G::LineSeparator | G::ParagraphSeparator
    ) || matches!(
        c,
        '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FFA0}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

macro_rules! line_newtype {
    ($(#[$doc:meta])* $name:ident, $max:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub const MAX: usize = $max;

            pub fn parse(input: &str) -> Result<Self, TextError> {
                line(input, Self::MAX).map(Self)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = TextError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

line_newtype!(
    /// The name of an organisation ("BEES coop").
    OrganisationName,
    120
);
line_newtype!(
    /// A person's display name.
    PersonName,
    100
);
line_newtype!(
    /// A short title (proposal, poll, meeting).
    Title,
    200
);

/// An email address, lower-cased, checked for the shape `local@domain.tld`.
///
/// This is deliberately not a full RFC 5322 parser: the address is proven by the
/// magic link sent to it, and a looser check never refuses a real address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub const MAX: usize = 254;

    pub fn parse(input: &str) -> Result<Email, TextError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(TextError::Empty);
        }
        if s.len() > Self::MAX {
            return Err(TextError::TooLong { max: Self::MAX });
        }
        let (local, domain) = s.rsplit_once('@').ok_or(TextError::InvalidEmail)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.contains('@')
            && !local
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>' || c == ',');
        if !domain_ok || !local_ok {
            return Err(TextError::InvalidEmail);
        }
        Ok(Email(s.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = TextError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Email::parse(&value)
    }
}

impl From<Email> for String {
    fn from(value: Email) -> String {
        value.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A network's short name in URLs and on the command line (`komunigi`, `cotech`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    pub fn parse(input: &str) -> Result<Slug, TextError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(TextError::Empty);
        }
        if s.len() > 40 {
            return Err(TextError::TooLong { max: 40 });
        }
        let ok = s
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !s.starts_with('-')
            && !s.ends_with('-');
        if !ok {
            return Err(TextError::InvalidSlug);
        }
        Ok(Slug(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = TextError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Slug::parse(&value)
    }
}

impl From<Slug> for String {
    fn from(value: Slug) -> String {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(OrganisationName::parse("  BEES   coop ").unwrap().as_str(), "BEES coop");
        assert_eq!(OrganisationName::parse("   "), Err(TextError::Empty));
        assert_eq!(
            OrganisationName::parse(&"x".repeat(121)),
            Err(TextError::TooLong { max: 120 })
        );
        assert_eq!(PersonName::parse("a\u{7}b"), Err(TextError::ControlCharacters));
        assert!(Title::parse("Imprimer les étiquettes de rayon").is_ok());
    }

    #[test]
    fn names_refuse_what_does_not_show_and_are_nfc() {
        // Found by issue 20: a zero-width space to look like someone else, a
        // right-to-left override in a name or a poll option.
        for bad in [
            "Anne\u{200B} Martin",
            "\u{200B}Anne Martin",
            "Anne\u{200C}Martin",
            "Anne\u{200D}Martin",
            "Anne\u{2060}Martin",
            "Anne\u{FEFF}Martin",
            "Anne\u{00AD}Martin",
            "Amir\u{202E}tnemyap evorppa",
            "Amir\u{202D}x",
            "a\u{202A}b\u{202C}",
            "a\u{2066}b\u{2069}",
            "a\u{2067}b",
            "a\u{2068}b",
            "a\u{200E}b",
            "a\u{200F}b",
            "a\u{061C}b",
            "\u{3164}",
            "Anne\u{3164}",
            "Anne\u{115F}",
            "A\u{034F}nne",
            "A\u{FE00}nne",
            "Anne\u{E0041}",
            "Anne\u{E000}",
            "Anne\u{0378}",
            "Anne\u{2028}Martin",
            "Anne\u{2800}",
        ] {
            assert_eq!(PersonName::parse(bad), Err(TextError::InvisibleCharacters), "{bad:?}");
            assert_eq!(line(bad, 200), Err(TextError::InvisibleCharacters), "{bad:?}");
        }
        // Two ways of typing "é" are one name.
        let decomposed = PersonName::parse("Ele\u{0301}ne").unwrap();
        assert_eq!(decomposed, PersonName::parse("Ele\u{0301}ne").unwrap());
        assert_eq!(decomposed.as_str(), "El\u{e9}ne");
        // What people really write goes through: accents, scripts written right to
        // left, CJK, emoji with their presentation selector, Unicode spaces.
        for good in [
            "Zoë Ağaoğlu",
            "مريم الحسيني",
            "שרה לוי",
            "李小龙",
            "Coop ❤\u{FE0F}",
            "Ẓ̌ɑ ß",
        ] {
            assert!(PersonName::parse(good).is_ok(), "{good:?}");
        }
        assert_eq!(Title::parse("Bees\u{00A0}\u{3000}coop").unwrap().as_str(), "Bees coop");
        // The limit counts characters once normalised.
        assert!(line(&"e\u{0301}".repeat(10), 10).is_ok());
    }

    #[test]
    fn emails_are_checked_and_lowercased() {
        assert_eq!(
            Email::parse(" Anne@Bees-Coop.be ").unwrap().as_str(),
            "anne@bees-coop.be"
        );
        assert_eq!(Email::parse("élise@coopéco.fr").unwrap().as_str(), "élise@coopéco.fr");
        for bad in [
            "",
            "anne",
            "anne@",
            "@bees.be",
            "anne@bees",
            "an ne@bees.be",
            "anne@bees..be",
            "a@b@c.de",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn slugs_are_url_safe() {
        assert!(Slug::parse("komunigi").is_ok());
        assert!(Slug::parse("it-4-social-economy").is_ok());
        assert_eq!(Slug::parse("Komunigi"), Err(TextError::InvalidSlug));
        assert_eq!(Slug::parse("-x"), Err(TextError::InvalidSlug));
    }

    #[test]
    fn serde_validates() {
        let e: Result<Email, _> = serde_json::from_str("\"nope\"");
        assert!(e.is_err());
        let n: OrganisationName = serde_json::from_str("\" Bab'I Market \"").unwrap();
        assert_eq!(n.as_str(), "Bab'I Market");
    }
}
