//! The inbound SMTP/LMTP listener (`intercoop serve --inbound-smtp 127.0.0.1:2525`), for
//! the transport of a mail server (Postfix, Exim) to hand the lists' mail to.
//!
//! No server-side SMTP crate fitted (checked on the registry: `mailin`'s handler is
//! synchronous, so a message could not be stored before the reply to its DATA, and it
//! lives outside the usual forges; `samotop` is unmaintained). So this is a minimal
//! listener: the commands and the DATA's dot-unstuffing are parsed by Stalwart's
//! `smtp-proto` (never by hand), and this module is only the loop around them. It
//! speaks to a mail server on the same machine or network: no TLS, no AUTH. It accepts
//! EHLO/HELO (SMTP) and LHLO (LMTP: one reply per recipient after DATA), MAIL, RCPT (a
//! list's address only: 550 for any other), DATA, RSET, NOOP and QUIT. A message is
//! answered after it is stored (or refused with its reason, `inbound::Bounce`): a 250
//! means it is kept.

use super::data;
use super::inbound::{self, Envelope};
use super::messages::MAX_MESSAGE;
use crate::db::Db;
use smtp_proto::Request;
use smtp_proto::request::receiver::{DataReceiver, RequestReceiver};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// The most recipients of one message.
const MAX_RECIPIENTS: usize = 100;

/// Accepts connections until `shutdown` turns true; each is served on its own task.
pub async fn serve(listener: TcpListener, db: Db, domain: String, mut shutdown: watch::Receiver<bool>) {
    tracing::info!(addr = ?listener.local_addr().ok(), "inbound SMTP/LMTP listener started");
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let (db, domain) = (db.clone(), domain.clone());
                    let clock = crate::clock::current();
                    tokio::spawn(crate::clock::scoped(clock, async move {
                        if let Err(e) = session(stream, &db, &domain).await {
                            tracing::debug!(error = %e, "inbound SMTP session ended");
                        }
                    }));
                }
                Err(e) => tracing::warn!(error = %e, "inbound SMTP: accept failed"),
            },
            _ = shutdown.changed() => break,
        }
    }
    tracing::info!("inbound SMTP/LMTP listener stopped");
}

/// One transaction's state.
#[derive(Default)]
struct Transaction {
    mail_from: Option<String>,
    recipients: Vec<String>,
}

/// One write per reply: a reply in two small writes waited for the client's delayed
/// acknowledgement (Nagle's algorithm), about 40 ms a command, 4 messages a second from
/// one client (bench/inbound).
async fn reply(stream: &mut TcpStream, text: &str) -> std::io::Result<()> {
    stream.write_all(format!("{text}\r\n").as_bytes()).await
}

async fn session(mut stream: TcpStream, db: &Db, domain: &str) -> std::io::Result<()> {
    reply(&mut stream, &format!("220 {domain} intercoop lists ready")).await?;
    let mut requests = RequestReceiver::default();
    let mut data_rx: Option<DataReceiver> = None;
    let mut data = Vec::new();
    let mut oversize = false;
    let mut lmtp = false;
    let mut greeted = false;
    let mut tx = Transaction::default();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            return Ok(());
        }
        let mut bytes = buf[..n].iter();
        loop {
            if let Some(rx) = data_rx.as_mut() {
                let done = rx.ingest(&mut bytes, &mut data);
                if data.len() > MAX_MESSAGE {
                    oversize = true;
                    data.clear();
                }
                if !done {
                    break;
                }
                data_rx = None;
                let answers = if oversize {
                    vec!["552 5.3.4 the message is over the size limit".to_string()]
                } else {
                    deliver(db, domain, &data, &tx).await
                };
                let per_recipient = if lmtp { tx.recipients.len().max(1) } else { 1 };
                for _ in 0..per_recipient {
                    reply(&mut stream, &answers[0]).await?;
                }
                data.clear();
                oversize = false;
                tx = Transaction::default();
                continue;
            }
            let request = match requests.ingest(&mut bytes) {
                Ok(r) => r.into_owned(),
                Err(smtp_proto::Error::NeedsMoreData { .. }) => break,
                Err(e) => {
                    reply(&mut stream, &format!("500 5.5.2 {e}")).await?;
                    continue;
                }
            };
            match request {
                Request::Ehlo { .. } | Request::Lhlo { .. } => {
                    lmtp = matches!(request, Request::Lhlo { .. });
                    greeted = true;
                    tx = Transaction::default();
                    reply(&mut stream, &format!("250-{domain}")).await?;
                    reply(&mut stream, "250-PIPELINING").await?;
                    reply(&mut stream, "250-8BITMIME").await?;
                    reply(&mut stream, &format!("250 SIZE {MAX_MESSAGE}")).await?;
                }
                Request::Helo { .. } => {
                    greeted = true;
                    tx = Transaction::default();
                    reply(&mut stream, &format!("250 {domain}")).await?;
                }
                Request::Mail { from } => {
                    if !greeted {
                        reply(&mut stream, "503 5.5.1 say hello first").await?;
                    } else if from.size > MAX_MESSAGE {
                        reply(&mut stream, "552 5.3.4 the message is over the size limit").await?;
                    } else {
                        tx = Transaction {
                            mail_from: Some(from.address),
                            recipients: Vec::new(),
                        };
                        reply(&mut stream, "250 2.1.0 OK").await?;
                    }
                }
                Request::Rcpt { to } => {
                    if tx.mail_from.is_none() {
                        reply(&mut stream, "503 5.5.1 MAIL first").await?;
                    } else if tx.recipients.len() >= MAX_RECIPIENTS {
                        reply(&mut stream, "452 4.5.3 too many recipients").await?;
                    } else {
                        let report = to
                            .address
                            .eq_ignore_ascii_case(&crate::mail::bounces::return_path(domain));
                        match data::by_address(&db.read, &to.address, domain).await {
                            Ok(_) if report => {
                                tx.recipients.push(to.address);
                                reply(&mut stream, "250 2.1.5 OK").await?;
                            }
                            Ok(Some(_)) => {
                                tx.recipients.push(to.address);
                                reply(&mut stream, "250 2.1.5 OK").await?;
                            }
                            Ok(None) => {
                                let why = inbound::Bounce::UnknownList(to.address);
                                reply(&mut stream, &format!("550 5.1.1 {why}")).await?;
                            }
                            Err(e) => {
                                tracing::error!(error = %e, "inbound SMTP: list lookup failed");
                                reply(&mut stream, "451 4.3.0 try again later").await?;
                            }
                        }
                    }
                }
                Request::Data => {
                    if tx.recipients.is_empty() {
                        reply(&mut stream, "503 5.5.1 no valid recipient").await?;
                    } else {
                        data_rx = Some(DataReceiver::new());
                        reply(&mut stream, "354 end the message with a line holding a dot").await?;
                    }
                }
                Request::Rset => {
                    tx = Transaction::default();
                    reply(&mut stream, "250 2.0.0 OK").await?;
                }
                Request::Noop { .. } => reply(&mut stream, "250 2.0.0 OK").await?,
                Request::Quit => {
                    reply(&mut stream, "221 2.0.0 bye").await?;
                    return Ok(());
                }
                _ => reply(&mut stream, "502 5.5.1 not implemented").await?,
            }
        }
    }
}

/// Stores a message and says how it went, as an SMTP reply.
async fn deliver(db: &Db, domain: &str, raw: &[u8], tx: &Transaction) -> Vec<String> {
    let env = Envelope {
        mail_from: tx.mail_from.clone(),
        recipients: tx.recipients.clone(),
    };
    match inbound::receive(db, domain, raw, &env).await {
        Ok(outcomes) => {
            tracing::info!(?outcomes, "inbound list mail");
            vec!["250 2.0.0 OK".to_string()]
        }
        Err(bounce) => {
            let code = bounce.smtp_code();
            let class = code / 100;
            vec![format!("{code} {class}.0.0 {bounce}")]
        }
    }
}
