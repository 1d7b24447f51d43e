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
}

fn clean_line(input: &str, max: usize) -> Result<String, TextError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(TextError::Empty);
    }
    if trimmed.chars().any(char::is_control) {
        return Err(TextError::ControlCharacters);
    }
    if trimmed.chars().count() > max {
        return Err(TextError::TooLong { max });
    }
    // Collapse inner runs of whitespace so "Bees  coop" and "Bees coop" are one name.
    Ok(trimmed.split_whitespace().collect::<Vec<_>>().join(" "))
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
                clean_line(input, Self::MAX).map(Self)
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
