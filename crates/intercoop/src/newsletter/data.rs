//! The newsletter's issues: written in Markdown in a language, translated into others,
//! previewed, sent once through the notification service (each confirmed subscriber in
//! their language where a translation exists, else the issue's own), then archived
//! publicly. Who may is [`super::policy`]'s.

use super::entities::{issue, subscriber, translation};
use super::subscribe::Status;
use crate::audit::{Actor, Change};
use crate::db::types::Text;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Lang;
use crate::notifications::{Kind, Notice};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

/// A subject's longest length (characters).
pub const MAX_SUBJECT_CHARS: usize = 200;
/// An issue's longest Markdown (characters).
pub const MAX_BODY_CHARS: usize = 100_000;

intercoop_domain::text_enum!(
    /// Where an issue stands: written (changed, translated, previewed), or sent (then
    /// archived as it was).
    IssueStatus { Draft = "draft", Sent = "sent" }
);

/// An issue as written (the API's body and the form's fields).
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueInput {
    /// 1 to 200 characters.
    pub subject: String,
    /// Markdown, 1 to 100 000 characters (rendered sanitized).
    pub body_markdown: String,
    /// The language it is written in: `fr`, `en`, `de` or `nl`; empty: the network's.
    #[serde(default)]
    pub language: String,
}

/// An issue in another language.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationInput {
    /// 1 to 200 characters.
    pub subject: String,
    /// Markdown, 1 to 100 000 characters.
    pub body_markdown: String,
}

/// An issue's text in one language.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Version {
    /// `fr`, `en`, `de` or `nl`.
    pub language: String,
    pub subject: String,
    pub body_markdown: String,
    /// The Markdown rendered to HTML, sanitized.
    pub html: String,
}

/// An issue: its own text first, then its translations.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct IssueOut {
    pub id: i64,
    /// `draft` or `sent`.
    pub status: String,
    /// The issue's own language and text.
    #[serde(flatten)]
    pub original: Version,
    pub translations: Vec<Version>,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[schema(value_type = Option<String>, format = DateTime)]
    #[serde(with = "time::serde::rfc3339::option")]
    pub sent_at: Option<OffsetDateTime>,
}

impl IssueOut {
    /// The issue in `lang`: its translation there, else its own text.
    pub fn in_language(&self, lang: Lang) -> &Version {
        self.translations
            .iter()
            .find(|t| t.language == lang.code())
            .unwrap_or(&self.original)
    }
}

/// A newsletter subscriber, as administrators see them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SubscriberOut {
    pub id: i64,
    pub email: String,
    pub language: String,
    /// `pending` (not confirmed yet), `confirmed` or `left`.
    pub status: String,
    /// Mail to this address failed for good: nothing more is sent to it.
    pub bounced: bool,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[schema(value_type = Option<String>, format = DateTime)]
    #[serde(with = "time::serde::rfc3339::option")]
    pub confirmed_at: Option<OffsetDateTime>,
}

fn version(lang: Lang, subject: &str, body: &str) -> Version {
    Version {
        language: lang.code().to_string(),
        subject: subject.to_string(),
        body_markdown: body.to_string(),
        html: crate::proposals::pages::markdown(body),
    }
}

/// The subject and text checked: every fault beside its field.
fn check(errors: &mut FieldErrors, subject: &str, body: &str) -> String {
    let subject = errors.line("subject", subject, MAX_SUBJECT_CHARS);
    if body.trim().is_empty() {
        errors.add("body_markdown", "required");
    } else if body.chars().count() > MAX_BODY_CHARS {
        errors.add("body_markdown", "newsletter-too-long");
    }
    subject.unwrap_or_default()
}

async fn audit<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    action: &str,
    id: i64,
    after: serde_json::Value,
) -> AppResult<()> {
    crate::audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action,
            entity: "newsletter_issue",
            entity_id: Some(id),
        },
        None::<&()>,
        Some(&after),
    )
    .await?;
    Ok(())
}

/// Writes a draft issue.
///
/// Errors: 422 on the field (see [`IssueInput`]).
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    default_lang: Lang,
    input: &IssueInput,
) -> AppResult<i64> {
    let mut errors = FieldErrors::default();
    let subject = check(&mut errors, &input.subject, &input.body_markdown);
    let lang = match input.language.trim() {
        "" => Some(default_lang),
        code => <Lang as intercoop_domain::TextEnum>::parse(code),
    };
    if lang.is_none() {
        errors.add("language", "invalid-choice");
    }
    errors.into_result()?;
    let lang = lang.unwrap_or(default_lang);
    let row = issue::ActiveModel {
        network_id: Set(network_id),
        subject: Set(subject.clone()),
        body: Set(input.body_markdown.clone()),
        language: Set(Text(lang)),
        status: Set(Text(IssueStatus::Draft)),
        created_by: Set(actor.person_id),
        created_at: Set(crate::clock::now()),
        sent_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    audit(
        conn,
        actor,
        network_id,
        "newsletter.create",
        row.id,
        serde_json::json!({"subject": subject, "language": lang.code()}),
    )
    .await?;
    Ok(row.id)
}

async fn row<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<issue::Model> {
    issue::Entity::find_by_id(id)
        .filter(issue::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// Sets an issue's text in another language (a second time: replaces it). A sent issue
/// is archived as it was: refused (409 `newsletter-sent`).
///
/// Errors: `NotFound`; 422 on the field, or on `language` for the issue's own language
/// or one intercoop does not speak; 409 once sent.
pub async fn translate<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    id: i64,
    lang: &str,
    input: &TranslationInput,
) -> AppResult<()> {
    let i = row(conn, network_id, id).await?;
    if i.status.0 == IssueStatus::Sent {
        return Err(AppError::Conflict("newsletter-sent"));
    }
    let mut errors = FieldErrors::default();
    let subject = check(&mut errors, &input.subject, &input.body_markdown);
    let lang = <Lang as intercoop_domain::TextEnum>::parse(lang).filter(|l| *l != i.language.0);
    if lang.is_none() {
        errors.add("language", "newsletter-language");
    }
    errors.into_result()?;
    let Some(lang) = lang else {
        return Err(AppError::NotFound);
    };
    translation::Entity::insert(translation::ActiveModel {
        network_id: Set(network_id),
        issue_id: Set(id),
        language: Set(Text(lang)),
        subject: Set(subject.clone()),
        body: Set(input.body_markdown.clone()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([translation::Column::IssueId, translation::Column::Language])
            .update_columns([translation::Column::Subject, translation::Column::Body])
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    audit(
        conn,
        actor,
        network_id,
        "newsletter.translate",
        id,
        serde_json::json!({"subject": subject, "language": lang.code()}),
    )
    .await
}

/// Sends a draft issue: marked sent (from then on in the public archive) and told to
/// the notification service, which writes to each confirmed subscriber, in their
/// language, when its job runs (those confirmed then, none that bounced for good).
/// Returns how many subscribers were confirmed at the write.
///
/// Errors: `NotFound`; 409 `newsletter-sent` when it was sent already (of two sends
/// at once, one goes: the write is conditional).
pub async fn send<C: ConnectionTrait>(conn: &C, actor: Actor, network_id: i64, id: i64) -> AppResult<u64> {
    let now = crate::clock::now();
    let changed = issue::Entity::update_many()
        .col_expr(issue::Column::Status, Expr::val(IssueStatus::Sent.as_str()))
        .col_expr(issue::Column::SentAt, Expr::val(Some(now)))
        .filter(issue::Column::Id.eq(id))
        .filter(issue::Column::NetworkId.eq(network_id))
        .filter(issue::Column::Status.eq(IssueStatus::Draft.as_str()))
        .exec(conn)
        .await?;
    if changed.rows_affected == 0 {
        row(conn, network_id, id).await?;
        return Err(AppError::Conflict("newsletter-sent"));
    }
    crate::notifications::notify(
        conn,
        Notice::new(Kind::NewsletterIssue, network_id).about(id),
        Some(format!("newsletter_issue:{id}")),
    )
    .await?;
    audit(
        conn,
        actor,
        network_id,
        "newsletter.send",
        id,
        serde_json::json!({"status": "sent"}),
    )
    .await?;
    confirmed_count(conn, network_id).await
}

/// An issue with its translations. Drafts only when `drafts` (the writers).
///
/// Errors: `NotFound` for another network's issue, or a draft when not `drafts`.
pub async fn read<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64, drafts: bool) -> AppResult<IssueOut> {
    let i = row(conn, network_id, id).await?;
    if !drafts && i.status.0 != IssueStatus::Sent {
        return Err(AppError::NotFound);
    }
    let translations = translation::Entity::find()
        .filter(translation::Column::IssueId.eq(id))
        .filter(translation::Column::NetworkId.eq(network_id))
        .order_by_asc(translation::Column::Id)
        .all(conn)
        .await?;
    Ok(out(&i, &translations))
}

fn out(i: &issue::Model, translations: &[translation::Model]) -> IssueOut {
    IssueOut {
        id: i.id,
        status: i.status.0.to_string(),
        original: version(i.language.0, &i.subject, &i.body),
        translations: translations
            .iter()
            .filter(|t| t.issue_id == i.id)
            .map(|t| version(t.language.0, &t.subject, &t.body))
            .collect(),
        created_at: i.created_at,
        sent_at: i.sent_at,
    }
}

/// A network's issues, newest first (sent ones only unless `drafts`), with their
/// translations: two queries.
pub async fn issues<C: ConnectionTrait>(conn: &C, network_id: i64, drafts: bool) -> AppResult<Vec<IssueOut>> {
    let mut q = issue::Entity::find().filter(issue::Column::NetworkId.eq(network_id));
    if !drafts {
        q = q.filter(issue::Column::Status.eq(IssueStatus::Sent.as_str()));
    }
    let rows = q.order_by_desc(issue::Column::Id).limit(200).all(conn).await?;
    let ids: Vec<i64> = rows.iter().map(|i| i.id).collect();
    let translations = translation::Entity::find()
        .filter(translation::Column::NetworkId.eq(network_id))
        .filter(translation::Column::IssueId.is_in(ids))
        .order_by_asc(translation::Column::Id)
        .all(conn)
        .await?;
    Ok(rows.iter().map(|i| out(i, &translations)).collect())
}

/// How many addresses receive the network's issues now (confirmed, not bounced).
pub async fn confirmed_count<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<u64> {
    let emails: Vec<String> = subscriber::Entity::find()
        .select_only()
        .column(subscriber::Column::Email)
        .filter(subscriber::Column::NetworkId.eq(network_id))
        .filter(subscriber::Column::Status.eq(Status::Confirmed.as_str()))
        .into_tuple()
        .all(conn)
        .await?;
    let bounced = crate::mail::bounces::among(conn, &emails).await?;
    Ok((emails.len() - bounced.len()) as u64)
}

/// How many addresses a network has in each state (pending, confirmed, left).
pub async fn counts<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<[u64; 3]> {
    let mut out = [0; 3];
    for (i, s) in [Status::Pending, Status::Confirmed, Status::Left]
        .into_iter()
        .enumerate()
    {
        out[i] = subscriber::Entity::find()
            .filter(subscriber::Column::NetworkId.eq(network_id))
            .filter(subscriber::Column::Status.eq(s.as_str()))
            .count(conn)
            .await?;
    }
    Ok(out)
}

/// A network's subscribers, the newest first (at most 1 000).
pub async fn subscribers<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<SubscriberOut>> {
    let rows = subscriber::Entity::find()
        .filter(subscriber::Column::NetworkId.eq(network_id))
        .order_by_desc(subscriber::Column::Id)
        .limit(1000)
        .all(conn)
        .await?;
    let emails: Vec<String> = rows.iter().map(|s| s.email.clone()).collect();
    let bounced = crate::mail::bounces::among(conn, &emails).await?;
    Ok(rows
        .into_iter()
        .map(|s| SubscriberOut {
            id: s.id,
            bounced: bounced.contains(&s.email),
            email: s.email,
            language: s.language.0.code().to_string(),
            status: s.status.0.to_string(),
            created_at: s.created_at,
            confirmed_at: s.confirmed_at,
        })
        .collect())
}
