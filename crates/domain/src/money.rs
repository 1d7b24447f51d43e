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

    /// The VAT on this amount at `basis_points` hundredths of a percent (2100 = 21 %,
    /// 550 = 5,5 %), in cents, rounded to the cent **half up**: half a cent or more
    /// rounds away from zero, less rounds towards it (`1,5 → 2`, `1,49 → 1`). On a
    /// negative amount (a credit note) it is the exact opposite of the VAT on the
    /// positive amount (`-1,5 → -2`), so an invoice and its cancellation sum to zero.
    ///
    /// Exact: the product `cents × basis_points` is taken in 128 bits, so only the
    /// result can be out of range ([`MoneyError::Overflow`], never a wrap-around or a
    /// panic). Rates above 100 % are allowed here; callers bound them.
    pub fn vat(self, basis_points: u32) -> Result<Money, MoneyError> {
        let product = i128::from(self.0) * i128::from(basis_points);
        let magnitude = (product.unsigned_abs() + 5_000) / 10_000;
        let vat = i128::try_from(magnitude).map_err(|_| MoneyError::Overflow)?;
        let vat = if product < 0 { -vat } else { vat };
        i64::try_from(vat).map(Money).map_err(|_| MoneyError::Overflow)
    }

    /// This amount with its VAT ([`Money::vat`]) added: what a quote of `self` before
    /// VAT costs in total. [`MoneyError::Overflow`] when the VAT or the total is out of
    /// range: a quote of 50 000 000 000 000 € at 21 % is refused, never wrapped.
    pub fn with_vat(self, basis_points: u32) -> Result<Money, MoneyError> {
        self.checked_add(self.vat(basis_points)?).ok_or(MoneyError::Overflow)
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

    #[test]
    fn vat_is_rounded_half_up() {
        let vat = |cents: i64, bp: u32| Money::from_cents(cents).vat(bp).unwrap().cents();
        // 1 000 € at 21 %: 210 €; at 5,5 %: 55 €.
        assert_eq!(vat(100_000, 2_100), 21_000);
        assert_eq!(vat(100_000, 550), 5_500);
        // 0,10 € at 5 % is half a cent: up. 0,09 € at 5 % is 0,45 cent: down.
        assert_eq!(vat(10, 500), 1);
        assert_eq!(vat(9, 500), 0);
        // 0,50 € at 21 % = 10,5 cents → 11; 0,49 € = 10,29 cents → 10.
        assert_eq!(vat(50, 2_100), 11);
        assert_eq!(vat(49, 2_100), 10);
        // A credit note's VAT is the opposite of the invoice's.
        assert_eq!(vat(-10, 500), -1);
        assert_eq!(vat(-50, 2_100), -11);
        assert_eq!(vat(0, 2_100), 0);
        assert_eq!(vat(12_345, 0), 0);
        // 121 000 € at 21 %: 146 410 €.
        assert_eq!(
            Money::from_cents(12_100_000).with_vat(2_100),
            Ok(Money::from_cents(14_641_000))
        );
        assert_eq!(
            Money::from_cents(100_000).with_vat(10_000),
            Ok(Money::from_cents(200_000))
        );
    }

    #[test]
    fn vat_out_of_range_is_an_error() {
        // 50 000 000 000 000 € at 21 %: the product overflowed i64 and wrapped before.
        let huge = Money::from_cents(5_000_000_000_000_000);
        assert_eq!(huge.vat(2_100), Ok(Money::from_cents(1_050_000_000_000_000)));
        assert_eq!(huge.with_vat(2_100), Ok(Money::from_cents(6_050_000_000_000_000)));
        assert_eq!(
            Money::from_cents(8_000_000_000_000_000_000).with_vat(2_100),
            Err(MoneyError::Overflow)
        );
        assert_eq!(Money::from_cents(i64::MAX).with_vat(1), Err(MoneyError::Overflow));
        assert_eq!(Money::from_cents(i64::MIN).with_vat(1), Err(MoneyError::Overflow));
        assert_eq!(Money::from_cents(i64::MAX).vat(u32::MAX), Err(MoneyError::Overflow));
        assert_eq!(Money::from_cents(i64::MAX).with_vat(0), Ok(Money::from_cents(i64::MAX)));
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    /// The exact total in 128 bits, rounded half away from zero.
    fn exact(cents: i64, bp: u32) -> i128 {
        let product = i128::from(cents) * i128::from(bp);
        let vat = (product.abs() + 5_000) / 10_000;
        i128::from(cents) + product.signum() * vat
    }

    proptest! {
        #[test]
        fn never_panics_and_is_exact_or_out_of_range(cents in any::<i64>(), bp in any::<u32>()) {
            let expected = exact(cents, bp);
            match Money::from_cents(cents).with_vat(bp) {
                Ok(total) => prop_assert_eq!(i128::from(total.cents()), expected),
                Err(e) => {
                    prop_assert_eq!(e, MoneyError::Overflow);
                    prop_assert!(i64::try_from(expected).is_err());
                }
            }
        }

        #[test]
        fn never_below_the_amount(cents in 0i64..=i64::MAX, bp in 0u32..=10_000) {
            if let Ok(total) = Money::from_cents(cents).with_vat(bp) {
                prop_assert!(total >= Money::from_cents(cents));
                // And never above twice the amount at rates up to 100 %.
                prop_assert!(i128::from(total.cents()) <= 2 * i128::from(cents));
            }
        }

        #[test]
        fn quotes_in_range_never_overflow(cents in 0i64..=i64::MAX / 2, bp in 0u32..=10_000) {
            prop_assert!(Money::from_cents(cents).with_vat(bp).is_ok());
        }

        #[test]
        fn exact_for_multiples_of_ten_thousand(units in -922_337_203_685i64..=922_337_203_685, bp in 0u32..=10_000) {
            let cents = units * 10_000;
            let vat = Money::from_cents(cents).vat(bp).unwrap();
            prop_assert_eq!(vat.cents(), units * i64::from(bp));
        }

        #[test]
        fn a_credit_note_is_the_opposite(cents in (i64::MIN + 1)..=i64::MAX, bp in any::<u32>()) {
            let plus = Money::from_cents(cents).vat(bp);
            let minus = Money::from_cents(-cents).vat(bp);
            prop_assert_eq!(plus.map(|m| -m.cents()), minus.map(Money::cents));
        }

        #[test]
        fn agrees_with_the_old_formula_where_it_did_not_wrap(cents in 0i64..=1_000_000_000_000, bp in 0u32..=10_000) {
            // The formula quotes used on bare i64: right whenever the product fits.
            let old = cents + (cents * i64::from(bp) + 5_000) / 10_000;
            prop_assert_eq!(Money::from_cents(cents).with_vat(bp), Ok(Money::from_cents(old)));
        }

        #[test]
        fn more_vat_at_a_higher_rate(cents in 0i64..=i64::MAX / 4, a in 0u32..=10_000, b in 0u32..=10_000) {
            let (low, high) = (a.min(b), a.max(b));
            prop_assert!(Money::from_cents(cents).vat(low).unwrap() <= Money::from_cents(cents).vat(high).unwrap());
        }
    }
}
