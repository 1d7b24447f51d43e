//! Payment requests and the payments that settle them: what they are for, where they
//! stand, and how a payment found in a bank statement is matched to one.

use crate::bank::Reference;
use crate::money::Money;

text_enum!(
    /// What a payment request is for: a share of a funded campaign, a late adopter's
    /// catch-up share, a membership fee, a monthly provision for a shared recurring cost
    /// (set aside in a reserve), or anything else the treasurer asks.
    PaymentPurpose {
        CoFunding = "co-funding",
        CatchUp = "catch-up",
        Fee = "fee",
        Provision = "provision",
        Other = "other",
    }
);
text_enum!(
    /// Where a payment request stands: open (partly paid or not at all), paid in full,
    /// or cancelled (nothing more is owed; a payment for it is refused).
    PaymentStatus { Open = "open", Paid = "paid", Cancelled = "cancelled" }
);

text_enum!(
    /// Where a payment received stands: applied to a member (its request, or its
    /// credit), or waiting for the treasurer to say whose it is.
    ReceivedStatus { Applied = "applied", Unmatched = "unmatched" }
);

/// Why an amount typed or read from a statement was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("not an amount")]
    Form,
    #[error("more than two decimals")]
    Decimals,
    #[error("amount out of range")]
    Range,
}

/// Reads an amount as bank files write it: digits, an optional `.` or `,` and at most
/// two decimals, an optional leading sign (`-12.5`, `1234,56`). No thousands
/// separators: `1.234` is refused as three decimals rather than read as 1 234.
pub fn parse_amount(input: &str) -> Result<Money, AmountError> {
    let s = input.trim();
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (units, frac) = match body.find(['.', ',']) {
        Some(p) => (&body[..p], &body[p + 1..]),
        None => (body, ""),
    };
    if units.is_empty() || !units.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(AmountError::Form);
    }
    if frac.len() > 2 {
        return Err(AmountError::Decimals);
    }
    let u: i64 = units.parse().map_err(|_| AmountError::Range)?;
    let f: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().map_err(|_| AmountError::Form)? * 10,
        _ => frac.parse().map_err(|_| AmountError::Form)?,
    };
    let cents = u
        .checked_mul(100)
        .and_then(|c| c.checked_add(f))
        .ok_or(AmountError::Range)?;
    Ok(Money::from_cents(if negative { -cents } else { cents }))
}

/// The first valid payment reference in a remittance text: the whole text, or a
/// structured communication (`+++…+++`, `***…***`, 12 digits) or an `RF…` reference
/// within it.
pub fn find_reference(text: &str) -> Option<Reference> {
    if let Ok(r) = Reference::parse(text) {
        return Some(r);
    }
    let chars: Vec<char> = text.chars().collect();
    for start in 0..chars.len() {
        // A structured communication, spaces and framing allowed: take up to 20 chars.
        if chars[start].is_ascii_digit() || matches!(chars[start], '+' | '*') {
            let mut digits = String::new();
            for c in &chars[start..] {
                if c.is_ascii_digit() {
                    digits.push(*c);
                } else if !matches!(c, '+' | '*' | '/' | ' ') {
                    break;
                }
                if digits.len() == 12 {
                    break;
                }
            }
            if digits.len() == 12
                && let Ok(r) = Reference::parse(&digits)
            {
                return Some(r);
            }
        }
        if chars[start] == 'R' || chars[start] == 'r' {
            let candidate: String = chars[start..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == ' ')
                .collect();
            // The longest prefix that reads as a reference.
            let compact: Vec<char> = candidate.chars().filter(|c| *c != ' ').collect();
            for end in (5..=compact.len().min(25)).rev() {
                let s: String = compact[..end].iter().collect();
                if let Ok(r) = Reference::parse(&s) {
                    return Some(r);
                }
            }
        }
    }
    None
}

/// An open request as matching sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open {
    pub id: i64,
    pub organisation_id: i64,
    /// Its reference, electronic form.
    pub reference: String,
    /// What is still owed.
    pub outstanding: Money,
}

/// A payment received, as read from a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub amount: Money,
    pub remittance: String,
    /// The organisation whose bank account sent it, when known.
    pub payer: Option<i64>,
}

/// How a payment was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// Its reference is the request's.
    Reference(i64),
    /// No reference, but its payer has exactly one open request of that amount.
    AmountAndPayer(i64),
    /// A member paid, but nothing tells which request: its credit.
    PayerOnly(i64),
    Unmatched,
}

/// Matches a payment: by reference first, then by amount and payer. A reference that
/// names no open request (paid already, cancelled, another network's) is not guessed
/// around: the payment waits for the treasurer.
pub fn match_payment(received: &Received, open: &[Open]) -> Match {
    if let Some(r) = find_reference(&received.remittance) {
        return match open.iter().find(|o| o.reference == r.electronic()) {
            Some(o) => Match::Reference(o.id),
            None => Match::Unmatched,
        };
    }
    if let Some(payer) = received.payer {
        let mut same = open
            .iter()
            .filter(|o| o.organisation_id == payer && o.outstanding == received.amount);
        if let (Some(o), None) = (same.next(), same.next()) {
            return Match::AmountAndPayer(o.id);
        }
        return Match::PayerOnly(payer);
    }
    Match::Unmatched
}

/// How a member's credit (what it paid beyond what it was asked, or was credited) pays
/// its open requests: the oldest first (`open` in the order the requests were made, as
/// `(id, outstanding)`), each up to what it still owes, until the credit is used up.
/// Never more than the credit in all, never more than a request owes; requests owing
/// nothing and a credit of zero or less take nothing.
pub fn allocate_credit(credit: Money, open: &[(i64, Money)]) -> Vec<(i64, Money)> {
    let mut left = credit.cents().max(0);
    let mut out = Vec::new();
    for (id, owed) in open {
        if left == 0 {
            break;
        }
        let take = owed.cents().max(0).min(left);
        if take > 0 {
            out.push((*id, Money::from_cents(take)));
            left -= take;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::ReferenceScheme;
    use proptest::prelude::*;

    #[test]
    fn credit_pays_the_oldest_requests_first() {
        let m = Money::from_cents;
        assert_eq!(
            allocate_credit(m(2_500), &[(3, m(1_000)), (5, m(0)), (7, m(2_000)), (9, m(400))]),
            vec![(3, m(1_000)), (7, m(1_500))]
        );
        assert_eq!(allocate_credit(m(0), &[(3, m(1_000))]), vec![]);
        assert_eq!(allocate_credit(m(-5), &[(3, m(1_000))]), vec![]);
    }

    proptest! {
        /// Never more than the credit, never more than a request owes, the oldest first:
        /// a request gets something only when every older one is paid in full.
        #[test]
        fn credit_is_never_overdrawn(credit in -1_000i64..100_000, owed in proptest::collection::vec(0i64..50_000, 0..12)) {
            let open: Vec<(i64, Money)> = owed.iter().enumerate().map(|(i, o)| (i as i64, Money::from_cents(*o))).collect();
            let got = allocate_credit(Money::from_cents(credit), &open);
            let total: i64 = got.iter().map(|(_, a)| a.cents()).sum();
            prop_assert!(total <= credit.max(0));
            let owed_total: i64 = owed.iter().sum();
            prop_assert_eq!(total, credit.max(0).min(owed_total));
            for (id, a) in &got {
                prop_assert!(a.is_positive() && a.cents() <= owed[*id as usize]);
            }
            if let Some((last, _)) = got.last() {
                for (id, a) in &got[..got.len() - 1] {
                    prop_assert_eq!(a.cents(), owed[*id as usize]);
                }
                prop_assert!(got.iter().all(|(id, _)| id <= last));
            }
        }
    }

    #[test]
    fn amounts_as_banks_write_them() {
        assert_eq!(parse_amount("12.5"), Ok(Money::from_cents(1250)));
        assert_eq!(parse_amount("1234,56"), Ok(Money::from_cents(123_456)));
        assert_eq!(parse_amount("-0.01"), Ok(Money::from_cents(-1)));
        assert_eq!(parse_amount("+7"), Ok(Money::from_cents(700)));
        assert_eq!(parse_amount("12.345"), Err(AmountError::Decimals));
        assert_eq!(parse_amount("1.234,5"), Err(AmountError::Form));
        assert_eq!(parse_amount("abc"), Err(AmountError::Form));
        assert_eq!(parse_amount(""), Err(AmountError::Form));
        assert_eq!(parse_amount("92233720368547758.08"), Err(AmountError::Range));
    }

    #[test]
    fn references_inside_remittance_texts() {
        let be = Reference::for_number(ReferenceScheme::Be, 2_026_000_042).unwrap();
        assert_eq!(find_reference("+++202/6000/04236+++"), Some(be.clone()));
        assert_eq!(
            find_reference("Cotisation +++202/6000/04236+++ merci"),
            Some(be.clone())
        );
        assert_eq!(find_reference("202600004236"), Some(be));
        let rf = Reference::parse("RF18539007547034").unwrap();
        assert_eq!(find_reference("Invoice RF18 5390 0754 7034 thanks"), Some(rf));
        assert_eq!(find_reference("+++202/6000/04237+++"), None, "wrong check digits");
        assert_eq!(find_reference("nothing here 12"), None);
    }

    #[test]
    fn matching_order() {
        let r1 = Reference::for_number(ReferenceScheme::Be, 2_026_000_001).unwrap();
        let open = vec![
            Open {
                id: 1,
                organisation_id: 10,
                reference: r1.electronic().into(),
                outstanding: Money::from_cents(5000),
            },
            Open {
                id: 2,
                organisation_id: 10,
                reference: "x".into(),
                outstanding: Money::from_cents(7000),
            },
            Open {
                id: 3,
                organisation_id: 11,
                reference: "y".into(),
                outstanding: Money::from_cents(7000),
            },
        ];
        let rec = |amount, remittance: &str, payer| Received {
            amount: Money::from_cents(amount),
            remittance: remittance.into(),
            payer,
        };
        assert_eq!(
            match_payment(&rec(1, &r1.to_string(), None), &open),
            Match::Reference(1),
            "partial payment"
        );
        assert_eq!(
            match_payment(&rec(7000, "fee", Some(10)), &open),
            Match::AmountAndPayer(2)
        );
        assert_eq!(
            match_payment(&rec(7000, "fee", None), &open),
            Match::Unmatched,
            "two requests of that amount"
        );
        assert_eq!(match_payment(&rec(6000, "fee", Some(10)), &open), Match::PayerOnly(10));
        let other = Reference::for_number(ReferenceScheme::Be, 2_026_000_009).unwrap();
        assert_eq!(
            match_payment(&rec(5000, other.electronic(), Some(10)), &open),
            Match::Unmatched
        );
    }
}
