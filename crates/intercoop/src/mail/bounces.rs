//! Addresses that failed for good (a hard bounce): a permanent (5xx) refusal when the
//! outbox worker sent to them, or a delivery status notification (RFC 3464) received
//! by the inbound listener saying `Action: failed` with a `5.x.x` status. The
//! notification service never writes to such an address again when it is an address
//! recipient (`crate::notifications::addresses`); people's own messages (a login link)
//! still go, since a person can change their address.
//!
//! One row per address for the whole instance: an address that does not exist does not
//! exist for any network.

use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use std::collections::BTreeSet;

crate::db::entity!(bounce, "mail_bounces", {
    address: String,
    reason: String,
    source: String,
    created_at: TimeDateTimeWithTimeZone,
});

/// The local part of the address delivery reports come back to (`bounces@` the lists'
/// domain): the envelope sender of messages to address recipients, accepted by the
/// inbound listener; no list may take it.
pub const LOCAL_PART: &str = "bounces";

/// The return path of messages to address recipients.
pub fn return_path(lists_domain: &str) -> String {
    format!("{LOCAL_PART}@{lists_domain}")
}

/// Where a hard bounce was learnt: at sending (`smtp`) or from a received report (`dsn`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Smtp,
    Dsn,
}

impl Source {
    fn as_str(self) -> &'static str {
        match self {
            Source::Smtp => "smtp",
            Source::Dsn => "dsn",
        }
    }
}

/// Records that `address` failed for good (the first reason is kept; again is nothing).
pub async fn record<C: ConnectionTrait>(
    conn: &C,
    address: &str,
    reason: &str,
    source: Source,
) -> Result<(), sea_orm::DbErr> {
    let reason: String = reason.chars().take(500).collect();
    bounce::Entity::insert(bounce::ActiveModel {
        address: Set(address.trim().to_ascii_lowercase()),
        reason: Set(reason),
        source: Set(source.as_str().to_string()),
        created_at: Set(crate::db::now()),
        ..Default::default()
    })
    .on_conflict(OnConflict::column(bounce::Column::Address).do_nothing().to_owned())
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

/// The addresses of `emails` (lower case) that bounced for good.
pub async fn among<C: ConnectionTrait>(conn: &C, emails: &[String]) -> Result<BTreeSet<String>, sea_orm::DbErr> {
    let mut out = BTreeSet::new();
    // Bounded IN lists: a newsletter may go to thousands.
    for chunk in emails.chunks(500) {
        let rows: Vec<String> = bounce::Entity::find()
            .select_only()
            .column(bounce::Column::Address)
            .filter(bounce::Column::Address.is_in(chunk.to_vec()))
            .into_tuple()
            .all(conn)
            .await?;
        out.extend(rows);
    }
    Ok(out)
}

/// The hard bounces a delivery status notification (RFC 3464) reports: each
/// `Final-Recipient` (else `Original-Recipient`) whose `Action` is `failed` and whose
/// `Status` is permanent (`5.x.x`), with its diagnostic. `report` is the
/// `message/delivery-status` part: groups of header fields, the first per message, the
/// others one per recipient.
pub fn failed_recipients(report: &str) -> Vec<(String, String)> {
    let report = report.replace("\r\n", "\n");
    let mut out = Vec::new();
    for group in report.split("\n\n").skip(1) {
        // Continuation lines (folded fields) join their field.
        let mut fields: Vec<(String, String)> = Vec::new();
        for line in group.lines() {
            if line.starts_with([' ', '\t']) {
                if let Some(last) = fields.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(line.trim());
                }
            } else if let Some((name, value)) = line.split_once(':') {
                fields.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
        let field = |name: &str| fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
        let action = field("action").unwrap_or("").to_ascii_lowercase();
        let status = field("status").unwrap_or("");
        if action != "failed" || !status.starts_with('5') {
            continue;
        }
        // `rfc822; someone@example.org`: the address after the type.
        let Some(recipient) = field("final-recipient").or_else(|| field("original-recipient")) else {
            continue;
        };
        let address = recipient.split_once(';').map_or(recipient, |(_, a)| a).trim();
        let address = address.trim_matches(['<', '>']).to_ascii_lowercase();
        if address.contains('@') {
            let why = field("diagnostic-code").unwrap_or(status);
            out.push((address, format!("{status} {why}")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::failed_recipients;

    #[test]
    fn a_report_gives_its_permanent_failures_only() {
        let report = "Reporting-MTA: dns; mx.example.org\r\nArrival-Date: Mon, 30 Nov 2026 09:00:00 +0000\r\n\r\n\
            Final-Recipient: rfc822; Gone@Example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n\
            Diagnostic-Code: smtp; 550 5.1.1 no such\r\n  user\r\n\r\n\
            Final-Recipient: rfc822; later@example.org\r\nAction: delayed\r\nStatus: 4.4.1\r\n\r\n\
            Original-Recipient: rfc822;full@example.org\r\nAction: failed\r\nStatus: 4.2.2\r\n";
        let got = failed_recipients(report);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "gone@example.org");
        assert!(got[0].1.contains("no such user"), "{:?}", got[0]);
    }

    #[test]
    fn a_report_without_recipients_gives_nothing() {
        assert!(failed_recipients("Reporting-MTA: dns; mx\n").is_empty());
        assert!(failed_recipients("").is_empty());
    }
}
