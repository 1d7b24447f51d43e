//! Bank identifiers and payment references, each checked by its standard's check digits:
//! IBAN (ISO 13616), BIC (ISO 9362), the Belgian structured communication (Febelfin,
//! modulo 97) and the ISO 11649 RF creditor reference (ISO 7064 MOD 97-10).
//!
//! Each type is built once at the edge from what was typed (spaces and case forgiven)
//! and keeps the electronic form; `Display` gives the printed form.

use std::fmt;

/// Why a bank identifier or a reference was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BankError {
    #[error("not the right form")]
    Form,
    #[error("wrong length for its country")]
    Length,
    #[error("wrong check digits")]
    Check,
}

/// ISO 7064 MOD 97-10 of a string of digits and capital letters (A = 10 … Z = 35),
/// computed piecewise so that any length fits: the remainder, 0 to 96.
fn mod97(chars: impl Iterator<Item = char>) -> Option<u32> {
    let mut rem: u32 = 0;
    for c in chars {
        let v = c.to_digit(36)?;
        rem = if v < 10 {
            (rem * 10 + v) % 97
        } else {
            (rem * 100 + v) % 97
        };
    }
    Some(rem)
}

/// What was typed, without spaces, in capitals.
fn compact(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// IBAN lengths of the SEPA countries (ECBS/SWIFT IBAN registry).
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AT", 20),
    ("BE", 16),
    ("BG", 22),
    ("CH", 21),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("EE", 20),
    ("ES", 24),
    ("FI", 18),
    ("FR", 27),
    ("GB", 22),
    ("GI", 23),
    ("GR", 27),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IS", 26),
    ("IT", 27),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MT", 31),
    ("NL", 18),
    ("NO", 15),
    ("PL", 28),
    ("PT", 25),
    ("RO", 24),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("VA", 22),
];

/// An International Bank Account Number of a SEPA country, checked (ISO 13616: its
/// length for the country, and MOD 97-10 of the BBAN followed by the country and check
/// digits is 1).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Iban(String);

impl Iban {
    pub fn parse(input: &str) -> Result<Iban, BankError> {
        let s = compact(input);
        if s.len() < 5 || !s.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(BankError::Form);
        }
        let (country, rest) = s.split_at(2);
        if !country.chars().all(|c| c.is_ascii_uppercase()) || !rest[..2].chars().all(|c| c.is_ascii_digit()) {
            return Err(BankError::Form);
        }
        let len = IBAN_LENGTHS
            .iter()
            .find(|(c, _)| *c == country)
            .map(|(_, l)| *l)
            .ok_or(BankError::Form)?;
        if s.len() != len {
            return Err(BankError::Length);
        }
        let rearranged = s[4..].chars().chain(s[..4].chars());
        match mod97(rearranged) {
            Some(1) => Ok(Iban(s)),
            _ => Err(BankError::Check),
        }
    }

    /// The electronic form: no spaces (`BE68539007547034`).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Iban {
    /// The printed form: groups of four (`BE68 5390 0754 7034`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let groups: Vec<&str> = self
            .0
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap_or(""))
            .collect();
        f.write_str(&groups.join(" "))
    }
}

/// A Business Identifier Code (ISO 9362): 4 letters (the bank), 2 letters (the
/// country), 2 letters or digits (the place), optionally 3 more (the branch).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Bic(String);

impl Bic {
    pub fn parse(input: &str) -> Result<Bic, BankError> {
        let s = compact(input);
        let ok = (s.len() == 8 || s.len() == 11)
            && s.is_ascii()
            && s[..6].chars().all(|c| c.is_ascii_uppercase())
            && s[6..].chars().all(|c| c.is_ascii_alphanumeric());
        if ok { Ok(Bic(s)) } else { Err(BankError::Form) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Bic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

text_enum!(
    /// Which payment reference a network's requests carry: the Belgian structured
    /// communication or the ISO 11649 RF creditor reference.
    ReferenceScheme { Be = "be", Rf = "rf" }
);

/// A payment reference a bank transfer carries, checked.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Reference {
    /// Belgian structured communication: 10 digits and their 2 check digits.
    Structured(String),
    /// ISO 11649 creditor reference: `RF`, 2 check digits, up to 21 letters or digits.
    Rf(String),
}

impl Reference {
    /// The reference of a payment request: its `base` (at most 10 digits: the year and
    /// the request's number) under the network's scheme.
    pub fn for_number(scheme: ReferenceScheme, base: u64) -> Result<Reference, BankError> {
        if base >= 10_000_000_000 {
            return Err(BankError::Length);
        }
        let digits = format!("{base:010}");
        Ok(match scheme {
            ReferenceScheme::Be => {
                let check = structured_check(&digits);
                Reference::Structured(format!("{digits}{check:02}"))
            }
            ReferenceScheme::Rf => {
                // ISO 11649: check digits = 98 − MOD 97-10 of (reference + "RF00").
                let rem = mod97(digits.chars().chain("RF00".chars())).unwrap_or(0);
                Reference::Rf(format!("RF{:02}{digits}", 98 - rem))
            }
        })
    }

    /// Reads a reference as typed or as found in a bank statement: `+++123/4567/89012+++`,
    /// `***…***`, 12 digits, or `RF…` (spaces forgiven).
    pub fn parse(input: &str) -> Result<Reference, BankError> {
        let s = compact(input);
        if let Some(body) = s.strip_prefix("RF") {
            if s.len() < 5 || s.len() > 25 || !body.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(BankError::Form);
            }
            if !body[..2].chars().all(|c| c.is_ascii_digit()) {
                return Err(BankError::Form);
            }
            let rearranged = s[4..].chars().chain(s[..4].chars());
            return match mod97(rearranged) {
                Some(1) => Ok(Reference::Rf(s)),
                _ => Err(BankError::Check),
            };
        }
        let digits: String = s.chars().filter(|c| !matches!(c, '+' | '*' | '/')).collect();
        let framed = s.starts_with("+++") && s.ends_with("+++") || s.starts_with("***") && s.ends_with("***");
        let bare = !s.contains(['+', '*', '/']);
        if !(framed || bare) || digits.len() != 12 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(BankError::Form);
        }
        let check: u32 = digits[10..].parse().map_err(|_| BankError::Form)?;
        if check == structured_check(&digits[..10]) {
            Ok(Reference::Structured(digits))
        } else {
            Err(BankError::Check)
        }
    }

    /// The electronic form, as a bank sends it and as the EPC QR code carries it:
    /// 12 digits, or `RF…` without spaces.
    pub fn electronic(&self) -> &str {
        match self {
            Reference::Structured(s) | Reference::Rf(s) => s,
        }
    }
}

/// The check digits of a structured communication: the 10 digits modulo 97, with 97
/// for a remainder of 0.
fn structured_check(ten_digits: &str) -> u32 {
    let rem = mod97(ten_digits.chars()).unwrap_or(0);
    if rem == 0 { 97 } else { rem }
}

impl fmt::Display for Reference {
    /// The printed form: `+++123/4567/89012+++`, or `RF18 5390 0754 7034`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reference::Structured(d) => write!(f, "+++{}/{}/{}+++", &d[..3], &d[3..7], &d[7..]),
            Reference::Rf(s) => {
                let groups: Vec<&str> = s
                    .as_bytes()
                    .chunks(4)
                    .map(|c| std::str::from_utf8(c).unwrap_or(""))
                    .collect();
                f.write_str(&groups.join(" "))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Published examples: the ECBS/SWIFT IBAN registry's and Wikipedia's ("International
    /// Bank Account Number", section Validating the IBAN: GB82 WEST 1234 5698 7654 32),
    /// and the Belgian example account BE68 5390 0754 7034 of the Belgian IBAN
    /// documentation (Febelfin).
    #[test]
    fn published_ibans() {
        for ok in [
            "GB82 WEST 1234 5698 7654 32",
            "BE68 5390 0754 7034",
            "DE89 3704 0044 0532 0130 00",
            "NL91 ABNA 0417 1643 00",
            "FR14 2004 1010 0505 0001 3M02 606",
            "CH93 0076 2011 6238 5295 7",
            "be68539007547034",
        ] {
            assert!(Iban::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(Iban::parse("GB82 WEST 1234 5698 7654 33"), Err(BankError::Check));
        assert_eq!(Iban::parse("BE69 5390 0754 7034"), Err(BankError::Check));
        assert_eq!(Iban::parse("BE68 5390 0754 703"), Err(BankError::Length));
        assert_eq!(Iban::parse("XX68 5390 0754 7034"), Err(BankError::Form));
        assert_eq!(Iban::parse("BE6853900754703!"), Err(BankError::Form));
        assert_eq!(Iban::parse(""), Err(BankError::Form));
        assert_eq!(
            Iban::parse("be68 5390 0754 7034").unwrap().to_string(),
            "BE68 5390 0754 7034"
        );
    }

    #[test]
    fn bics() {
        assert!(Bic::parse("GEBABEBB").is_ok());
        assert!(Bic::parse("deutdeff500").is_ok());
        assert!(Bic::parse("GEBABEB").is_err());
        assert!(Bic::parse("1EBABEBB").is_err());
    }

    /// The Belgian structured communication (Febelfin, "gestructureerde mededeling /
    /// communication structurée"): the 10 first digits modulo 97 are the last two, 97
    /// when the remainder is 0. Published examples: `+++090/9337/55493+++` (eConnect's
    /// documentation of the Belgian OGM, "payment reference Belgium": 0909337554 mod 97
    /// = 93) and `+++000/0000/00097+++`, the lowest valid one (the Haskell package
    /// belgian-structured-communication's README).
    #[test]
    fn structured_communications() {
        let r = Reference::parse("+++090/9337/55493+++").unwrap();
        assert_eq!(r.electronic(), "090933755493");
        assert_eq!(r.to_string(), "+++090/9337/55493+++");
        assert!(Reference::parse("***090/9337/55493***").is_ok());
        assert!(Reference::parse("090933755493").is_ok());
        assert!(Reference::parse("+++000/0000/00097+++").is_ok());
        assert_eq!(Reference::parse("+++000/0000/00000+++"), Err(BankError::Check));
        // Remainder 0 → 97: 0000000097 is 97 × 1.
        assert_eq!(
            Reference::for_number(ReferenceScheme::Be, 97).unwrap().electronic(),
            "000000009797"
        );
        assert_eq!(Reference::parse("+++090/9337/55494+++"), Err(BankError::Check));
        assert_eq!(Reference::parse("+++090/9337/5549+++"), Err(BankError::Form));
        assert_eq!(Reference::parse("+++090/9337/55493"), Err(BankError::Form));
        assert_eq!(Reference::parse("09093375549A"), Err(BankError::Form));
    }

    /// ISO 11649's example `RF18 5390 0754 7034` (the standard's own, also in
    /// Wikipedia's "Creditor Reference" and the Belgian banks' CODA documentation): a
    /// check digit changed is refused, and references made by the rule (98 − MOD 97-10
    /// of the reference followed by `RF00`) read back.
    #[test]
    fn rf_creditor_references() {
        let r = Reference::parse("RF18 5390 0754 7034").unwrap();
        assert_eq!(r.electronic(), "RF18539007547034");
        assert_eq!(r.to_string(), "RF18 5390 0754 7034");
        assert_eq!(Reference::parse("RF19 5390 0754 7034"), Err(BankError::Check));
        assert_eq!(Reference::parse("RF1"), Err(BankError::Form));
        assert_eq!(Reference::parse("RFAB539007547034"), Err(BankError::Form));
        // The same digits made into a reference give the standard's check digits.
        let made = Reference::for_number(ReferenceScheme::Rf, 539_007_547_034 % 10_000_000_000).unwrap();
        assert!(Reference::parse(made.electronic()).is_ok());
    }

    proptest! {
        #[test]
        fn every_made_reference_reads_back(base in 0u64..10_000_000_000, rf in any::<bool>()) {
            let scheme = if rf { ReferenceScheme::Rf } else { ReferenceScheme::Be };
            let r = Reference::for_number(scheme, base).unwrap();
            prop_assert_eq!(Reference::parse(r.electronic()).unwrap(), r.clone());
            prop_assert_eq!(Reference::parse(&r.to_string()).unwrap(), r);
        }

        #[test]
        fn one_wrong_digit_is_caught(base in 0u64..10_000_000_000, rf in any::<bool>(), pos in 0usize..10, delta in 1u32..10) {
            let scheme = if rf { ReferenceScheme::Rf } else { ReferenceScheme::Be };
            let r = Reference::for_number(scheme, base).unwrap();
            let s = r.electronic().to_string();
            let at = if rf { 4 + pos } else { pos };
            let mut chars: Vec<char> = s.chars().collect();
            let d = chars[at].to_digit(10).unwrap();
            chars[at] = char::from_digit((d + delta) % 10, 10).unwrap();
            let changed: String = chars.into_iter().collect();
            prop_assert!(Reference::parse(&changed).is_err());
        }

        #[test]
        fn parsing_never_panics(s in "\\PC{0,40}") {
            let _ = Reference::parse(&s);
            let _ = Iban::parse(&s);
            let _ = Bic::parse(&s);
        }
    }
}
