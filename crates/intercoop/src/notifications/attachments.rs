//! Files a notice sends with its messages. A feature names what to attach
//! ([`Attach`], e.g. the welcome booklet); the file is made here when the notice is sent
//! (the job `notifications.send`), in each reader's language, and stored with each message
//! in the outbox (`outbox_attachments`, migration 34).
//!
//! Stored rather than made again by the mail worker: the worker is a transport, every
//! attempt then sends the same bytes, and a page changed between the decision and a
//! retry an hour later does not change what the first attempt would have sent. The
//! cost is the file's size once per message (a booklet of 30 pages is about 100 kB).

use crate::documentation;
use crate::entities::{network, outbox_attachment};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use intercoop_domain::documentation::Reader;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::{Deserialize, Serialize};

/// What a notice sends with each of its messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attach {
    /// The network's welcome booklet as a PDF (`welcome-booklet.pdf`), with the pages a
    /// member reads: the public and members' ones, never the core circle's. It goes to a
    /// newcomer whose organisation was just accepted (a member from that day).
    WelcomeBooklet,
}

/// A file as sent: its name, MIME type and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub filename: String,
    pub content_type: String,
    pub data: Vec<u8>,
}

/// Makes the files of a notice for a reader of language `lang`.
///
/// Errors: the database's; a PDF that cannot be made (`Internal`).
pub async fn make<C: ConnectionTrait>(
    conn: &C,
    network: &network::Model,
    attach: &[Attach],
    lang: Lang,
) -> AppResult<Vec<File>> {
    let mut files = Vec::new();
    for a in attach {
        match a {
            Attach::WelcomeBooklet => {
                let rows = documentation::data::booklet(conn, network.id, Reader::Member).await?;
                let booklet = documentation::pdf::Booklet {
                    network: network.name.clone(),
                    title: lang.t("docs-booklet"),
                    contents: lang.t("docs-booklet-contents"),
                    chapters: rows
                        .into_iter()
                        .map(|p| documentation::pdf::Chapter {
                            title: p.title,
                            markdown: p.body,
                        })
                        .collect(),
                };
                let data = tokio::task::spawn_blocking(move || documentation::pdf::render(&booklet))
                    .await
                    .map_err(|e| AppError::Internal(e.into()))??;
                files.push(File {
                    filename: "welcome-booklet.pdf".into(),
                    content_type: "application/pdf".into(),
                    data,
                });
            }
        }
    }
    Ok(files)
}

/// Stores the files of a message of the outbox, in the transaction that writes it.
pub async fn store<C: ConnectionTrait>(conn: &C, outbox_id: i64, files: &[File]) -> AppResult<()> {
    for f in files {
        outbox_attachment::ActiveModel {
            outbox_id: Set(outbox_id),
            filename: Set(f.filename.clone()),
            content_type: Set(f.content_type.clone()),
            data: Set(f.data.clone()),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

/// The files of a message of the outbox, in the order they were stored (the mail
/// worker sends them).
pub async fn of<C: ConnectionTrait>(conn: &C, outbox_id: i64) -> Result<Vec<File>, sea_orm::DbErr> {
    Ok(outbox_attachment::Entity::find()
        .filter(outbox_attachment::Column::OutboxId.eq(outbox_id))
        .order_by_asc(outbox_attachment::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|r| File {
            filename: r.filename,
            content_type: r.content_type,
            data: r.data,
        })
        .collect())
}
