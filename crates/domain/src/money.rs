//! Money as an integer number of cents. Never a float.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::iter::Sum;

/// An amount of money in cents of the network's currency.
///
/// Arithmetic is checked: an overflow is an error, never a wrap-around.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Money(i64);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("amount out of range")]
    Overflow,
    #[error("not an amount: {0}")]
    Unparsable(String),
}

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Sums amounts, failing on overflow.
    pub fn checked_sum<I: IntoIterator<Item = Money>>(items: I) -> Result<Money, MoneyError> {
        items
            .into_iter()
            .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
            .ok_or(MoneyError::Overflow)
    }

    /// Parses a human amount in units ("1200", "1 200,50", "1200.5", "1.200,50"),
    /// as typed in a form, into cents. At most two decimals.
    pub fn parse_units(input: &str) -> Result<Money, MoneyError> {
        let err = || MoneyError::Unparsable(input.to_string());
        let cleaned: String = input
            .trim()
            .trim_end_matches('€')
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}' && *c != '\'')
            .collect();
        if cleaned.is_empty() {
            return Err(err());
        }
        let (negative, body) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.as_str()),
        };
        // The last '.' or ',' followed by one or two digits is the decimal separator;
        // any other separator groups thousands.
        let sep_pos = body.rfind(['.', ',']);
        let (int_part, frac_part) = match sep_pos {
            Some(p) if body.len() - p - 1 <= 2 && body.len() - p - 1 > 0 => (&body[..p], &body[p + 1..]),
            _ => (body, ""),
        };
        let int_digits: String = int_part.chars().filter(|c| *c != '.' && *c != ',').collect();
        if int_digits.is_empty() && frac_part.is_empty() {
            return Err(err());
        }
        if !int_digits.chars().all(|c| c.is_ascii_digit()) || !frac_part.chars().all(|c| c.is_ascii_digit()) {
            return Err(err());
        }
        let units: i64 = if int_digits.is_empty() {
            0
        } else {
            int_digits.parse().map_err(|_| MoneyError::Overflow)?
        };
        let frac: i64 = match frac_part.len() {
            0 => 0,
            1 => frac_part.parse::<i64>().map_err(|_| err())? * 10,
            _ => frac_part.parse::<i64>().map_err(|_| err())?,
        };
        let cents = units
            .checked_mul(100)
            .and_then(|c| c.checked_add(frac))
            .ok_or(MoneyError::Overflow)?;
        Ok(Money(if negative { -cents } else { cents }))
    }

    /// Formats for people: `1 234,56` (French, German, Dutch) or `1,234.56` (English),
    /// followed by the currency code or symbol given.
    pub fn format(self, lang: &str, currency: &str) -> String {
        let (group, decimal) = if lang.starts_with("en") {
            (',', '.')
        } else {
            ('\u{202f}', ',')
        };
        let abs = self.0.unsigned_abs();
        let units = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, ch) in units.chars().enumerate() {
            if i > 0 && (units.len() - i).is_multiple_of(3) {
                grouped.push(group);
            }
            grouped.push(ch);
        }
        let sign = if self.0 < 0 { "-" } else { "" };
        let symbol = match currency {
            "EUR" => "€",
            "GBP" => "£",
            "CHF" => "CHF",
            "NZD" => "NZ$",
            other => other,
        };
        if lang.starts_with("en") && currency != "CHF" {
            format!("{sign}{symbol}{grouped}{decimal}{:02}", abs % 100)
        } else {
            format!("{sign}{grouped}{decimal}{:02}\u{a0}{symbol}", abs % 100)
        }
    }
}

impl fmt::Display for Money {
    /// Plain form for logs and exports: `-1234.56`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl Sum for Money {
    /// Panics on overflow; use [`Money::checked_sum`] on untrusted input.
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        Money::checked_sum(iter).expect("money overflow")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_forms() {
        assert_eq!(Money::parse_units("1200").unwrap().cents(), 120_000);
        assert_eq!(Money::parse_units("1 200,50").unwrap().cents(), 120_050);
        assert_eq!(Money::parse_units("1.200,5").unwrap().cents(), 120_050);
        assert_eq!(Money::parse_units("1,200.05").unwrap().cents(), 120_005);
        assert_eq!(Money::parse_units("50 000 €").unwrap().cents(), 5_000_000);
        assert_eq!(Money::parse_units("0,3").unwrap().cents(), 30);
        assert_eq!(Money::parse_units("-3").unwrap().cents(), -300);
        assert!(Money::parse_units("").is_err());
        assert!(Money::parse_units("abc").is_err());
        assert!(Money::parse_units("1.2.3x").is_err());
        assert_eq!(Money::parse_units("99999999999999999999"), Err(MoneyError::Overflow));
    }

    #[test]
    fn formats_per_language() {
        let m = Money::from_cents(123_456_789);
        assert_eq!(m.format("fr", "EUR"), "1\u{202f}234\u{202f}567,89\u{a0}€");
        assert_eq!(m.format("en", "EUR"), "€1,234,567.89");
        assert_eq!(Money::from_cents(-5).format("en", "GBP"), "-£0.05");
        assert_eq!(m.to_string(), "1234567.89");
    }

    #[test]
    fn checked_arithmetic() {
        assert_eq!(Money::from_cents(i64::MAX).checked_add(Money::from_cents(1)), None);
        assert_eq!(
            Money::checked_sum([Money::from_cents(i64::MAX), Money::from_cents(1)]),
            Err(MoneyError::Overflow)
        );
        assert_eq!(
            Money::checked_sum([Money::from_cents(2), Money::from_cents(3)]),
            Ok(Money::from_cents(5))
        );
    }
}
