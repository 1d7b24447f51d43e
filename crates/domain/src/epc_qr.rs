//! The payload of the European Payments Council's QR code for a SEPA credit transfer
//! ("Quick Response Code: guidelines to enable data capture for the initiation of a
//! SEPA credit transfer", EPC069-12, version 3.0, 2022), version `002`: the lines a
//! banking app reads to fill in a transfer.
//!
//! | line | element | here |
//! |---|---|---|
//! | 1 | service tag | `BCD` |
//! | 2 | version | `002` (the BIC may be left out within the EEA) |
//! | 3 | character set | `1` (UTF-8) |
//! | 4 | identification | `SCT` |
//! | 5 | BIC of the beneficiary's bank | optional |
//! | 6 | beneficiary's name | at most 70 characters |
//! | 7 | beneficiary's IBAN | |
//! | 8 | amount | `EUR` then 0.01 to 999999999.99, a point and at most two decimals |
//! | 9 | purpose code | empty |
//! | 10 | structured remittance (creditor reference) | at most 35 characters |
//! | 11 | unstructured remittance | at most 140, only when line 10 is empty |
//! | 12 | beneficiary to originator information | empty (trailing empty lines are left out) |
//!
//! Lines are separated by LF; the whole payload is at most 331 bytes. The Belgian
//! structured communication goes in line 10 as its 12 digits, as an RF reference does
//! (Febelfin's guidance for QR codes on Belgian payment requests).

use crate::bank::{Bic, Iban, Reference};
use crate::money::Money;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EpcError {
    #[error("the EPC QR code is for euros only")]
    Currency,
    #[error("the amount must be between 0.01 and 999999999.99 EUR")]
    Amount,
    #[error("the beneficiary's name must have 1 to 70 characters")]
    Name,
    #[error("the payload is longer than 331 bytes")]
    TooLong,
}

/// What the QR code of a payment request asks the payer's bank to do.
#[derive(Debug, Clone)]
pub struct Transfer<'a> {
    pub currency: &'a str,
    pub bic: Option<&'a Bic>,
    pub name: &'a str,
    pub iban: &'a Iban,
    pub amount: Money,
    pub reference: &'a Reference,
}

/// The EPC QR payload (version 002, UTF-8) of a transfer.
pub fn payload(t: &Transfer<'_>) -> Result<String, EpcError> {
    if t.currency != "EUR" {
        return Err(EpcError::Currency);
    }
    let cents = t.amount.cents();
    if !(1..=99_999_999_999).contains(&cents) {
        return Err(EpcError::Amount);
    }
    let name = t.name.trim();
    let name_chars = name.chars().count();
    if name_chars == 0 || name_chars > 70 || name.contains(['\n', '\r']) {
        return Err(EpcError::Name);
    }
    let amount = format!("EUR{}.{:02}", cents / 100, cents % 100);
    let lines = [
        "BCD",
        "002",
        "1",
        "SCT",
        t.bic.map(Bic::as_str).unwrap_or(""),
        name,
        t.iban.as_str(),
        &amount,
        "",
        t.reference.electronic(),
    ];
    let payload = lines.join("\n");
    if payload.len() > 331 {
        return Err(EpcError::TooLong);
    }
    Ok(payload)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::ReferenceScheme;

    fn iban() -> Iban {
        Iban::parse("BE68 5390 0754 7034").unwrap()
    }

    /// Field by field against EPC069-12's table of elements, for the beneficiary of the
    /// guidelines' own example (Red Cross of Belgium, BPOTBEB1, BE72 0000 0000 1616,
    /// 1.00 EUR) with ISO 11649's example reference in place of its free text.
    #[test]
    fn every_field_in_its_place() {
        let bic = Bic::parse("BPOTBEB1").unwrap();
        let iban = Iban::parse("BE72000000001616").unwrap();
        let reference = Reference::parse("RF18 5390 0754 7034").unwrap();
        let p = payload(&Transfer {
            currency: "EUR",
            bic: Some(&bic),
            name: "Red Cross of Belgium",
            iban: &iban,
            amount: Money::from_cents(100),
            reference: &reference,
        })
        .unwrap();
        let lines: Vec<&str> = p.split('\n').collect();
        assert_eq!(lines[0], "BCD", "service tag");
        assert_eq!(lines[1], "002", "version");
        assert_eq!(lines[2], "1", "character set: UTF-8");
        assert_eq!(lines[3], "SCT", "identification");
        assert_eq!(lines[4], "BPOTBEB1", "BIC");
        assert_eq!(lines[5], "Red Cross of Belgium", "name");
        assert_eq!(lines[6], "BE72000000001616", "IBAN, electronic form");
        assert_eq!(lines[7], "EUR1.00", "amount");
        assert_eq!(lines[8], "", "purpose");
        assert_eq!(lines[9], "RF18539007547034", "structured remittance");
        assert_eq!(lines.len(), 10, "trailing empty elements left out");
        assert!(!p.ends_with('\n'));
    }

    #[test]
    fn belgian_structured_communication_and_no_bic() {
        let reference = Reference::for_number(ReferenceScheme::Be, 2_026_000_042).unwrap();
        let iban = iban();
        let p = payload(&Transfer {
            currency: "EUR",
            bic: None,
            name: "Komunigi ASBL — Réseau",
            iban: &iban,
            amount: Money::from_cents(12_345_678),
            reference: &reference,
        })
        .unwrap();
        assert_eq!(
            p,
            "BCD\n002\n1\nSCT\n\nKomunigi ASBL — Réseau\nBE68539007547034\nEUR123456.78\n\n202600004236"
        );
    }

    #[test]
    fn refusals() {
        let reference = Reference::for_number(ReferenceScheme::Rf, 1).unwrap();
        let iban = iban();
        let t = |currency, name, cents| Transfer {
            currency,
            bic: None,
            name,
            iban: &iban,
            amount: Money::from_cents(cents),
            reference: &reference,
        };
        assert_eq!(payload(&t("CHF", "A", 100)), Err(EpcError::Currency));
        assert_eq!(payload(&t("EUR", "A", 0)), Err(EpcError::Amount));
        assert_eq!(payload(&t("EUR", "A", -5)), Err(EpcError::Amount));
        assert_eq!(payload(&t("EUR", "A", 100_000_000_000)), Err(EpcError::Amount));
        assert!(payload(&t("EUR", "A", 99_999_999_999)).is_ok());
        assert_eq!(payload(&t("EUR", "", 100)), Err(EpcError::Name));
        let long = "x".repeat(71);
        assert_eq!(payload(&t("EUR", &long, 100)), Err(EpcError::Name));
        let seventy = "é".repeat(70);
        assert!(payload(&t("EUR", &seventy, 100)).is_ok(), "70 characters, 140 bytes");
    }
}
