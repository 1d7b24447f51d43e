//! Delivering a notice to each addressee as they chose: an outbox row with its one-click
//! unsubscribe link, a notice held for their digest, or nothing; in their language.

use super::{Addressee, Kind, Mode, Notice, attachments, digest, preferences, readable, render};
use crate::db::types::Text;
use crate::entities::{network, outbox_message, person, unsubscribe_token};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use std::collections::BTreeMap;

/// What a delivery did: how many emails it wrote, and the addressees it held back
/// because a stored value of theirs is unreadable (with the reason).
pub(super) struct Delivery {
    pub(super) sent: usize,
    pub(super) held_back: Vec<(Addressee, String)>,
}

impl Delivery {
    /// The reasons, one per person held back.
    pub(super) fn reasons(&self) -> String {
        self.held_back
            .iter()
            .map(|(a, why)| format!("person {}: {why}", a.person_id))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The language of a person's messages: theirs, else the network's.
pub fn language_of(person: &person::Model, network: &network::Model) -> Lang {
    person.language.map_or(network.default_language.0, |l| l.0)
}

/// Delivers a notice to each addressee according to their preference: an outbox row
/// (with its unsubscribe link), a held notice for the digest, or nothing. Disabled
/// people and unknown ones are left out; a person is written to once. A person whose
/// row or choice is unreadable is held back, not given a default (`readable`).
pub(super) async fn deliver<C: ConnectionTrait>(
    conn: &C,
    base_url: &str,
    notice: &Notice,
    to: Vec<Addressee>,
) -> AppResult<Delivery> {
    let mut delivery = Delivery {
        sent: 0,
        held_back: Vec::new(),
    };
    if to.is_empty() || crate::mail::is_discarding() {
        return Ok(delivery);
    }
    let network = network::Entity::find_by_id(notice.network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let ids: Vec<i64> = to.iter().map(|a| a.person_id).collect();
    let (people, mut held) = readable::people(conn, &ids).await?;
    // Security messages, digests and list messages go whatever the person chose here:
    // their choice is not read (a list's delivery is chosen per list, before this).
    let chooses = !(notice.kind.is_security() || notice.kind.chosen_elsewhere());
    let modes = if chooses {
        let (modes, unreadable) = preferences::modes_of(conn, notice.network_id, &ids, notice.kind).await?;
        held.extend(unreadable);
        modes
    } else {
        BTreeMap::new()
    };
    // The unsubscribe tokens and the outbox rows are written [`crate::db::ROWS_PER_INSERT`] to a statement
    // after the loop (a list message to 6 000 subscribers made 12 000 round trips:
    // bench/LISTS.md), in the caller's transaction as before. A message with files
    // writes its row at once: its attachments need the row's id.
    let mut tokens: Vec<unsubscribe_token::ActiveModel> = Vec::new();
    let mut rows: Vec<outbox_message::ActiveModel> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for a in to {
        if !seen.insert(a.person_id) {
            continue;
        }
        if let Some(why) = held.remove(&a.person_id) {
            delivery.held_back.push((a, why));
            continue;
        }
        let Some(p) = people.get(&a.person_id) else {
            continue;
        };
        let mode = modes.get(&p.id).copied().unwrap_or(Mode::Immediate);
        let lang = match (p.language, a.fallback_lang) {
            (None, Some(l)) => l,
            _ => language_of(p, &network),
        };
        let unsubscribe = match (mode, notice.kind.is_security()) {
            (Mode::Immediate, false) => {
                let (token, link) = unsubscribe_link(
                    base_url,
                    p.id,
                    network.id,
                    notice.kind,
                    notice.list.as_ref().map(|l| l.list_id),
                );
                tokens.push(token);
                Some(link)
            }
            _ => None,
        };
        let message = render::Message::new(base_url, lang, p, &network, notice, &a, unsubscribe.clone());
        match mode {
            Mode::Never => {}
            Mode::Digest => digest::hold(conn, notice, &a).await?,
            Mode::Immediate => {
                let (subject, text, html) = message.render()?;
                let extra = Extra {
                    calendar: notice.calendar.clone(),
                    list_headers: notice.list.as_ref().map(|l| l.headers.clone()),
                };
                let row = outbox_row(
                    p,
                    &network,
                    notice.kind,
                    lang,
                    (subject, text, html),
                    unsubscribe,
                    extra,
                )?;
                if notice.attach.is_empty() {
                    rows.push(row);
                } else {
                    let files = attachments::make(conn, &network, &notice.attach, lang).await?;
                    let outbox_id = row.insert(conn).await?.id;
                    attachments::store(conn, outbox_id, &files).await?;
                }
                delivery.sent += 1;
            }
        }
    }
    crate::db::insert_all(conn, tokens).await?;
    crate::db::insert_all(conn, rows).await?;
    Ok(delivery)
}

/// A new one-click unsubscribe link for a person, network and kind, or list, and the
/// row that stores it hashed (for the caller to write).
fn unsubscribe_link(
    base_url: &str,
    person_id: i64,
    network_id: i64,
    kind: Kind,
    list_id: Option<i64>,
) -> (unsubscribe_token::ActiveModel, String) {
    let token = crate::auth::tokens::new_token("u_");
    let row = unsubscribe_token::ActiveModel {
        token_hash: Set(crate::auth::tokens::hash_token(&token)),
        person_id: Set(person_id),
        network_id: Set(network_id),
        kind: Set(kind.into()),
        created_at: Set(crate::clock::now()),
        used_at: Set(None),
        list_id: Set(list_id),
    };
    (row, format!("{base_url}/unsubscribe/{token}"))
}

/// What a copy carries beside its bodies: an invitation's calendar, a list message's
/// headers.
struct Extra {
    calendar: Option<String>,
    list_headers: Option<crate::mail::ListHeaders>,
}

/// The outbox row of a rendered message (for the caller to write).
fn outbox_row(
    p: &person::Model,
    network: &network::Model,
    kind: Kind,
    lang: Lang,
    (subject, text, html): (String, String, String),
    unsubscribe: Option<String>,
    extra: Extra,
) -> AppResult<outbox_message::ActiveModel> {
    let now = crate::clock::now();
    let row = outbox_message::ActiveModel {
        network_id: Set(Some(network.id)),
        person_id: Set(Some(p.id)),
        to_address: Set(p.email.clone()),
        to_name: Set(p.name.clone()),
        subject: Set(subject),
        text_body: Set(text),
        html_body: Set(html),
        language: Set(Text(lang)),
        kind: Set(Text(kind)),
        status: Set(crate::mail::worker::OutboxStatus::Pending.into()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        created_at: Set(now),
        unsubscribe_url: Set(unsubscribe),
        calendar: Set(extra.calendar),
        list_headers: Set(extra
            .list_headers
            .map(|h| serde_json::to_string(&h))
            .transpose()
            .map_err(anyhow::Error::from)?),
        ..Default::default()
    };
    Ok(row)
}
