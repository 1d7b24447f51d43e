//! Bank statement files read into lines: ISO 20022 camt.053 (bank-to-customer
//! statement, versions 001.02 to 001.13: the elements read are the same in each) and
//! CSV with a header row. Pure functions: a file is read whole or refused with the line
//! (CSV) or entry (camt.053) at fault, and nothing is stored here.

use intercoop_domain::Money;
use intercoop_domain::payments::{AmountError, parse_amount};
use quick_xml::events::Event as Xml;

/// One movement of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The bank's reference of the movement (`AcctSvcrRef`, a CSV `id` column), or one
    /// made from the file's and the movement's identity: importing it again is found.
    pub bank_ref: String,
    pub booked_on: time::Date,
    /// Positive: money in; negative: money out.
    pub amount: Money,
    pub currency: String,
    pub payer_name: String,
    pub payer_iban: String,
    pub remittance: String,
}

/// A statement read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// `camt.053` or `csv`.
    pub format: &'static str,
    /// The account the statement is of, when the file says (camt.053).
    pub account: Option<String>,
    pub lines: Vec<Line>,
}

/// Why a file was refused: a Fluent code (`error-statement-…`) and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code} at {at}: {detail}")]
pub struct FileError {
    pub code: &'static str,
    /// The entry (camt.053) or line (CSV), from 1; 0 for the file as a whole.
    pub at: usize,
    pub detail: String,
}

fn fail(code: &'static str, at: usize, detail: impl Into<String>) -> FileError {
    FileError {
        code,
        at,
        detail: detail.into(),
    }
}

fn amount(raw: &str, at: usize) -> Result<Money, FileError> {
    parse_amount(raw).map_err(|e| match e {
        AmountError::Decimals => fail("statement-decimals", at, raw),
        _ => fail("statement-amount", at, raw),
    })
}

fn date(raw: &str, at: usize) -> Result<time::Date, FileError> {
    let raw = raw.trim();
    let iso = time::macros::format_description!("[year]-[month]-[day]");
    let european = time::macros::format_description!("[day]/[month]/[year]");
    // A camt.053 `DtTm` carries a time after the date.
    let day = raw.get(..10).unwrap_or(raw);
    time::Date::parse(day, iso)
        .or_else(|_| time::Date::parse(raw, european))
        .map_err(|_| fail("statement-date", at, raw))
}

/// Reads a file: camt.053 when it starts like XML, CSV otherwise.
pub fn read(bytes: &[u8]) -> Result<Statement, FileError> {
    let text = std::str::from_utf8(bytes).map_err(|_| fail("statement-encoding", 0, "not UTF-8"))?;
    let text = text.trim_start_matches('\u{feff}');
    if text.trim_start().starts_with('<') {
        camt053(text)
    } else {
        csv_file(text)
    }
}

/// What is collected of one `TxDtls` (or of an entry without any).
#[derive(Default, Clone)]
struct Tx {
    amount: Option<String>,
    currency: Option<String>,
    reference: Option<String>,
    name: String,
    iban: String,
    remittance: Vec<String>,
}

#[derive(Default)]
struct Entry {
    amount: Option<String>,
    currency: Option<String>,
    credit: Option<bool>,
    status: Option<String>,
    booked: Option<String>,
    reference: Option<String>,
    entry_ref: Option<String>,
    txs: Vec<Tx>,
}

/// Reads an ISO 20022 camt.053 statement: every booked entry (`Sts` BOOK), each of its
/// transaction details a line (an entry without details is one line).
pub fn camt053(text: &str) -> Result<Statement, FileError> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut path: Vec<String> = Vec::new();
    let mut namespace = None;
    let mut statement_id = String::new();
    let mut account = None;
    let mut entries: Vec<Entry> = Vec::new();
    let mut seen_root = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| fail("statement-xml", entries.len(), e.to_string()))?;
        match event {
            Xml::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if !seen_root {
                    seen_root = true;
                    if name != "Document" {
                        return Err(fail("statement-not-camt053", 0, name));
                    }
                    namespace = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == b"xmlns")
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned());
                }
                if name == "Ntry" && path.last().map(String::as_str) == Some("Stmt") {
                    entries.push(Entry::default());
                }
                if name == "TxDtls"
                    && let Some(entry) = entries.last_mut()
                {
                    entry.txs.push(Tx::default());
                }
                if name == "Amt"
                    && let Some(entry) = entries.last_mut()
                {
                    let ccy = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == b"Ccy")
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned());
                    match (path.last().map(String::as_str), entry.txs.last_mut()) {
                        (Some("Ntry"), _) => entry.currency = ccy,
                        (_, Some(tx)) if path.iter().any(|p| p == "TxDtls") => tx.currency = ccy,
                        _ => {}
                    }
                }
                path.push(name);
            }
            Xml::End(_) => {
                path.pop();
            }
            Xml::Text(t) => {
                let value = t
                    .unescape()
                    .map_err(|e| fail("statement-xml", entries.len(), e.to_string()))?
                    .into_owned();
                collect(&path, value, &mut entries, &mut statement_id, &mut account);
            }
            Xml::Eof => break,
            _ => {}
        }
    }
    let camt = namespace
        .as_deref()
        .is_some_and(|ns| ns.starts_with("urn:iso:std:iso:20022:tech:xsd:camt.053."));
    if !camt {
        return Err(fail("statement-not-camt053", 0, namespace.unwrap_or_default()));
    }
    let mut lines = Vec::new();
    for (i, entry) in entries.into_iter().enumerate() {
        let at = i + 1;
        if entry.status.as_deref().is_some_and(|s| s != "BOOK") {
            continue;
        }
        let credit = entry.credit.ok_or_else(|| fail("statement-entry", at, "CdtDbtInd"))?;
        let booked = date(
            entry
                .booked
                .as_deref()
                .ok_or_else(|| fail("statement-entry", at, "BookgDt"))?,
            at,
        )?;
        let entry_amount = amount(
            entry
                .amount
                .as_deref()
                .ok_or_else(|| fail("statement-entry", at, "Amt"))?,
            at,
        )?;
        let txs = if entry.txs.is_empty() {
            vec![Tx::default()]
        } else {
            entry.txs.clone()
        };
        let single = txs.len() == 1;
        for (j, tx) in txs.into_iter().enumerate() {
            let raw = match (&tx.amount, single) {
                (Some(a), _) => amount(a, at)?,
                (None, true) => entry_amount,
                (None, false) => return Err(fail("statement-entry", at, "TxDtls without Amt")),
            };
            let signed = if credit { raw } else { Money::from_cents(-raw.cents()) };
            let currency = tx.currency.or(entry.currency.clone()).unwrap_or_default();
            let bank_ref = tx
                .reference
                .clone()
                .or_else(|| {
                    entry
                        .reference
                        .clone()
                        .map(|r| if single { r } else { format!("{r}/{}", j + 1) })
                })
                .or_else(|| entry.entry_ref.clone().map(|r| format!("{statement_id}/{r}/{}", j + 1)))
                .unwrap_or_else(|| format!("{statement_id}/{at}/{}", j + 1));
            lines.push(Line {
                bank_ref,
                booked_on: booked,
                amount: signed,
                currency,
                payer_name: tx.name,
                payer_iban: tx.iban,
                remittance: tx.remittance.join(" "),
            });
        }
    }
    Ok(Statement {
        format: "camt.053",
        account,
        lines,
    })
}

/// Files a text found at `path` where it belongs.
fn collect(
    path: &[String],
    value: String,
    entries: &mut [Entry],
    statement_id: &mut String,
    account: &mut Option<String>,
) {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    let Some(ntry) = p.iter().position(|n| *n == "Ntry") else {
        match p.as_slice() {
            [.., "Stmt", "Id"] => *statement_id = value,
            [.., "Stmt", "Acct", "Id", "IBAN"] => *account = Some(value),
            _ => {}
        }
        return;
    };
    let Some(entry) = entries.last_mut() else { return };
    let inner = &p[ntry + 1..];
    let in_tx = inner.first() == Some(&"NtryDtls") && inner.get(1) == Some(&"TxDtls");
    if !in_tx {
        match inner {
            ["Amt"] => entry.amount = Some(value),
            ["CdtDbtInd"] => entry.credit = Some(value == "CRDT"),
            ["Sts"] | ["Sts", "Cd"] => entry.status = Some(value),
            ["BookgDt", "Dt" | "DtTm"] => entry.booked = Some(value),
            ["AcctSvcrRef"] => entry.reference = Some(value),
            ["NtryRef"] => entry.entry_ref = Some(value),
            _ => {}
        }
        return;
    }
    let Some(tx) = entry.txs.last_mut() else { return };
    match &inner[2..] {
        ["Amt"] | ["AmtDtls", "TxAmt", "Amt"] => tx.amount = Some(value),
        ["Refs", "AcctSvcrRef"] => tx.reference = Some(value),
        ["RltdPties", "Dbtr", "Nm"] | ["RltdPties", "Dbtr", "Pty", "Nm"] => tx.name = value,
        ["RltdPties", "DbtrAcct", "Id", "IBAN"] => tx.iban = value,
        ["RmtInf", "Ustrd"] => tx.remittance.push(value),
        ["RmtInf", "Strd", "CdtrRefInf", "Ref"] => tx.remittance.insert(0, value),
        _ => {}
    }
}

/// Reads a CSV statement with a header row (`;` or `,` between fields, detected from
/// the header). Columns, by name in any order and case: `date` (`YYYY-MM-DD` or
/// `DD/MM/YYYY`), `amount` (a point or a comma before at most two decimals; negative
/// for money out), and optionally `currency`, `name` (the payer), `iban` (the payer's
/// account), `communication` (or `reference`, `remittance`), `id` (the bank's
/// reference of the movement).
pub fn csv_file(text: &str) -> Result<Statement, FileError> {
    let header = text.lines().next().unwrap_or("");
    let delimiter = if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| fail("statement-csv", 1, e.to_string()))?
        .clone();
    let find = |names: &[&str]| {
        headers
            .iter()
            .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    };
    let (Some(c_date), Some(c_amount)) = (find(&["date", "booking date"]), find(&["amount"])) else {
        return Err(fail(
            "statement-csv-columns",
            1,
            headers.iter().collect::<Vec<_>>().join(","),
        ));
    };
    let c_currency = find(&["currency"]);
    let c_name = find(&["name", "payer", "counterparty"]);
    let c_iban = find(&["iban", "account", "counterparty account"]);
    let c_text = find(&["communication", "reference", "remittance", "description"]);
    let c_id = find(&["id", "transaction id", "bank reference"]);
    let mut lines = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let at = i + 2;
        let record = record.map_err(|e| fail("statement-csv", at, e.to_string()))?;
        let get = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("").trim().to_string();
        let booked_on = date(&get(Some(c_date)), at)?;
        let amount = amount(&get(Some(c_amount)), at)?;
        let payer_iban: String = get(c_iban).chars().filter(|c| !c.is_whitespace()).collect();
        let remittance = get(c_text);
        let bank_ref = match get(c_id) {
            id if !id.is_empty() => id,
            // Without the bank's reference: the movement itself (two identical
            // movements on the same day of one file are told apart by their line).
            _ => format!("csv:{booked_on}:{}:{payer_iban}:{remittance}:{at}", amount.cents()),
        };
        lines.push(Line {
            bank_ref,
            booked_on,
            amount,
            currency: get(c_currency),
            payer_name: get(c_name),
            payer_iban,
            remittance,
        });
    }
    Ok(Statement {
        format: "csv",
        account: None,
        lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_both_separators() {
        let s = csv_file("Date;Amount;Name;IBAN;Communication\n2026-03-02;25,00;Coop A;BE68 5390 0754 7034;+++202/6000/00107+++\n02/03/2026;-10.5;Hosting;;invoice\n").unwrap();
        assert_eq!(s.lines.len(), 2);
        assert_eq!(s.lines[0].amount, Money::from_cents(2500));
        assert_eq!(s.lines[0].payer_iban, "BE68539007547034");
        assert_eq!(s.lines[1].amount, Money::from_cents(-1050));
        let e = csv_file("date,amount\n2026-03-02,12.345\n").unwrap_err();
        assert_eq!((e.code, e.at), ("statement-decimals", 2));
        assert_eq!(csv_file("when,how much\n").unwrap_err().code, "statement-csv-columns");
    }

    #[test]
    fn foreign_xml_is_refused() {
        let pain = r#"<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>"#;
        assert_eq!(read(pain.as_bytes()).unwrap_err().code, "statement-not-camt053");
        assert_eq!(read(b"<html><body/></html>").unwrap_err().code, "statement-not-camt053");
        assert_eq!(
            read(b"<Document><unclosed></Document>").unwrap_err().code,
            "statement-xml"
        );
    }
}
