//! Applications to join: what an application says (as the API's body and the form's
//! fields), its checks, taking it (one open application per contact and organisation),
//! confirming the contact's address, and reading them for the review. The decision is
//! [`super::decide`]'s; spam resistance is [`super::guard`]'s.

use super::entities::{application, comment};
use crate::audit::{self, Actor, Change};
use crate::db;
use crate::entities::{network, person};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Lang;
use crate::notifications::{self, Addressee, Kind, Notice};
use intercoop_domain::organisation::{Level, OrgKind};
use intercoop_domain::text::{Email, OrganisationName, PersonName};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

/// The longest "why we want to join" (characters).
pub const MAX_MOTIVATION_CHARS: usize = 5_000;
/// The most software names an application lists.
pub const MAX_SOFTWARE: usize = 30;
/// How long a confirmation link works (days).
pub const CONFIRM_DAYS: i64 = 7;

intercoop_domain::text_enum!(
    /// Where an application stands: `unconfirmed` until its contact confirms their
    /// address (nobody sees it), `pending` for the review, then decided.
    Status { Unconfirmed = "unconfirmed", Pending = "pending", Accepted = "accepted", Declined = "declined" }
);

/// The organisation that applies, as the API takes it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct OrganisationIn {
    /// `user` (a cooperative that uses the software), `provider` or `partner`.
    pub kind: String,
    /// 1 to 120 characters.
    pub name: String,
    /// Two letters (ISO 3166-1), e.g. `BE`.
    pub country: String,
    /// 1 to 100 characters; the public map shows it once the member agrees.
    pub city: String,
    pub company_number: String,
    /// E.g. member households; none when not given.
    pub size: Option<i64>,
    /// `http` or `https`.
    pub website: String,
    /// The software it runs, at most 30 names of at most 80 characters.
    pub software: Vec<String>,
}

/// The person who applies for it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ContactIn {
    pub name: String,
    /// Where the confirmation and the decision are sent.
    pub email: String,
    /// `fr`, `en`, `de` or `nl`: the language of every email the contact gets.
    pub language: String,
}

/// An application to join (`POST /api/v1/applications`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ApplicationIn {
    pub organisation: OrganisationIn,
    pub contact: ContactIn,
    /// `observer` (sees everything, does not vote) or `active` (also votes).
    pub level: String,
    /// Why it wants to join: 1 to 5 000 characters.
    pub motivation: String,
    /// Consent to the network's charter (a page of its documentation): required when
    /// the network has chosen one.
    pub charter_accepted: bool,
}

/// The application's fields as the form has them (named as the API's errors name
/// them), kept as typed when refused.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ApplicationForm {
    #[serde(rename = "organisation.kind")]
    pub kind: String,
    #[serde(rename = "organisation.name")]
    pub name: String,
    #[serde(rename = "organisation.country")]
    pub country: String,
    #[serde(rename = "organisation.city")]
    pub city: String,
    #[serde(rename = "organisation.company_number")]
    pub company_number: String,
    #[serde(rename = "organisation.size")]
    pub size: String,
    #[serde(rename = "organisation.website")]
    pub website: String,
    /// One per line or comma.
    #[serde(rename = "organisation.software")]
    pub software: String,
    #[serde(rename = "contact.name")]
    pub contact_name: String,
    #[serde(rename = "contact.email")]
    pub contact_email: String,
    #[serde(rename = "contact.language")]
    pub contact_language: String,
    pub level: String,
    pub motivation: String,
    /// The charter checkbox ("on").
    pub charter_accepted: String,
    /// The honeypot: people leave it empty.
    pub nickname: String,
    /// The signed time the form was shown (`guard::Guard::stamp`).
    pub shown: String,
}

impl ApplicationIn {
    /// The API's body as the form's fields.
    pub fn form(&self) -> ApplicationForm {
        let o = &self.organisation;
        ApplicationForm {
            kind: o.kind.clone(),
            name: o.name.clone(),
            country: o.country.clone(),
            city: o.city.clone(),
            company_number: o.company_number.clone(),
            size: o.size.map(|s| s.to_string()).unwrap_or_default(),
            website: o.website.clone(),
            software: o.software.join("\n"),
            contact_name: self.contact.name.clone(),
            contact_email: self.contact.email.clone(),
            contact_language: self.contact.language.clone(),
            level: self.level.clone(),
            motivation: self.motivation.clone(),
            charter_accepted: if self.charter_accepted {
                "on".into()
            } else {
                String::new()
            },
            nickname: String::new(),
            shown: String::new(),
        }
    }
}

/// A checked application.
#[derive(Debug, Clone, Serialize)]
pub struct Valid {
    pub kind: OrgKind,
    pub name: OrganisationName,
    pub country: String,
    pub city: String,
    pub company_number: String,
    pub size: Option<i64>,
    pub website: String,
    pub software: Vec<String>,
    pub contact_name: PersonName,
    pub contact_email: Email,
    pub contact_language: Lang,
    pub level: Level,
    pub motivation: String,
}

/// The kinds an application may ask for (the facilitator is not applied for).
pub const APPLYING_KINDS: [OrgKind; 3] = [OrgKind::User, OrgKind::Provider, OrgKind::Partner];

impl ApplicationForm {
    /// Checks every field; the errors name each refused one (`organisation.city`,
    /// `contact.email`, `charter_accepted`…). `charter`: the network asks consent to one.
    pub fn validate(&self, charter: bool) -> Result<Valid, FieldErrors> {
        let mut errors = FieldErrors::default();
        let code = crate::error::text_error_code;
        let kind = OrgKind::parse(self.kind.trim()).filter(|k| APPLYING_KINDS.contains(k));
        if kind.is_none() {
            errors.add("organisation.kind", "invalid-choice");
        }
        let name = OrganisationName::parse(&self.name)
            .map_err(|e| errors.add("organisation.name", code(e)))
            .ok();
        let country = self.country.trim().to_uppercase();
        if country.is_empty() {
            errors.add("organisation.country", "required");
        } else if country.len() != 2 || !country.chars().all(|c| c.is_ascii_uppercase()) {
            errors.add("organisation.country", "invalid-country");
        }
        let city = errors.line("organisation.city", &self.city, 100);
        let company_number = errors.optional_line("organisation.company_number", &self.company_number, 50);
        let size = match self.size.trim() {
            "" => None,
            s => match s.replace([' ', '\u{a0}'], "").parse::<i64>() {
                Ok(n) if n >= 0 => Some(n),
                _ => {
                    errors.add("organisation.size", "invalid-size");
                    None
                }
            },
        };
        let website = self.website.trim().to_string();
        if !website.is_empty()
            && url::Url::parse(&website)
                .map(|u| !matches!(u.scheme(), "http" | "https"))
                .unwrap_or(true)
        {
            errors.add("organisation.website", "invalid-url");
        }
        let software = crate::organisations::data::parse_software(&self.software);
        if software.len() > MAX_SOFTWARE {
            errors.add("organisation.software", "too-long");
        } else if let Some(e) = software.iter().find_map(|s| intercoop_domain::text::line(s, 80).err()) {
            errors.add("organisation.software", code(e));
        }
        let contact_name = PersonName::parse(&self.contact_name)
            .map_err(|e| errors.add("contact.name", code(e)))
            .ok();
        let contact_email = Email::parse(&self.contact_email)
            .map_err(|e| errors.add("contact.email", code(e)))
            .ok();
        let contact_language = Lang::parse(self.contact_language.trim());
        if contact_language.is_none() {
            errors.add("contact.language", "invalid-choice");
        }
        let level = Level::parse(self.level.trim());
        if level.is_none() {
            errors.add("level", "invalid-choice");
        }
        let motivation = self.motivation.trim().to_string();
        if motivation.is_empty() {
            errors.add("motivation", "required");
        } else if motivation.chars().count() > MAX_MOTIVATION_CHARS {
            errors.add("motivation", "too-long");
        } else if motivation
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
        {
            errors.add("motivation", "control-characters");
        }
        if charter && !matches!(self.charter_accepted.trim(), "on" | "true" | "1" | "yes") {
            errors.add("charter_accepted", "charter-consent");
        }
        match (kind, name, city, contact_name, contact_email, contact_language, level) {
            (Some(kind), Some(name), Some(city), Some(contact_name), Some(contact_email), Some(lang), Some(level))
                if errors.is_empty() =>
            {
                Ok(Valid {
                    kind,
                    name,
                    country,
                    city,
                    company_number,
                    size,
                    website,
                    software,
                    contact_name,
                    contact_email,
                    contact_language: lang,
                    level,
                    motivation,
                })
            }
            _ => Err(errors),
        }
    }
}

/// What taking an application did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    /// A new application; the contact was sent a confirmation link.
    New(i64),
    /// The contact already applied for this organisation: that application (its
    /// fields now as last typed while still unconfirmed, with a new confirmation link).
    Again(i64),
}

/// The network's charter: a page of its documentation and its revision, if it chose
/// one (`NetworkRules::charter_page_id`) and the page still exists.
pub async fn charter<C: ConnectionTrait>(conn: &C, n: &network::Model) -> AppResult<Option<(i64, i64)>> {
    let Some(id) = n.rules.charter_page_id else {
        return Ok(None);
    };
    Ok(crate::documentation::entities::page::Entity::find_by_id(id)
        .filter(crate::documentation::entities::page::Column::NetworkId.eq(n.id))
        .one(conn)
        .await?
        .map(|p| (p.id, p.revision)))
}

/// Takes an application: stores it unconfirmed and sends its contact a confirmation
/// link (the contact becomes a person of intercoop, of no network, so that the
/// notification service writes to them in their language). The same contact applying
/// again for the same organisation while the first is open finds it ([`Taken::Again`]).
pub async fn take<C: ConnectionTrait>(conn: &C, n: &network::Model, v: &Valid) -> AppResult<Taken> {
    let key = intercoop_domain::joining::open_key(v.contact_email.as_str(), v.name.as_str());
    let charter = charter(conn, n).await?;
    let existing = application::Entity::find()
        .filter(application::Column::NetworkId.eq(n.id))
        .filter(application::Column::OpenKey.eq(key.as_str()))
        .one(conn)
        .await?;
    let now = db::now();
    let token = crate::auth::tokens::new_token("a_");
    let hash = crate::auth::tokens::hash_token(&token);
    let (id, taken, person_id) = match existing {
        Some(a) if a.status == Status::Unconfirmed.as_str() => {
            let id = a.id;
            let person_id = a.person_id;
            let mut a: application::ActiveModel = a.into();
            fill(&mut a, v, charter);
            a.confirm_hash = Set(Some(hash));
            a.updated_at = Set(now);
            a.update(conn).await?;
            (id, Taken::Again(id), person_id)
        }
        // Confirmed: the review has it; nothing is sent again.
        Some(a) => return Ok(Taken::Again(a.id)),
        None => {
            let person_id = contact_person(conn, v).await?;
            let mut a = application::ActiveModel {
                network_id: Set(n.id),
                status: Set(Status::Unconfirmed.as_str().into()),
                open_key: Set(Some(key)),
                person_id: Set(Some(person_id)),
                confirm_hash: Set(Some(hash)),
                confirmed_at: Set(None),
                organisation_id: Set(None),
                decided_by: Set(None),
                decided_at: Set(None),
                decision_note: Set(String::new()),
                sponsorship_basis_points: Set(0),
                poll_id: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            };
            fill(&mut a, v, charter);
            let a = a.insert(conn).await?;
            audit::record(
                conn,
                Change {
                    network_id: Some(n.id),
                    actor: Actor::SYSTEM,
                    action: "application.create",
                    entity: "application",
                    entity_id: Some(a.id),
                },
                None::<&()>,
                Some(v),
            )
            .await?;
            (a.id, Taken::New(a.id), Some(person_id))
        }
    };
    if let Some(person_id) = person_id {
        let mut to = Addressee::new(person_id);
        to.fallback_lang = Some(v.contact_language);
        let notice = Notice::new(Kind::ApplicationConfirm, n.id)
            .about(id)
            .link(format!("/join/confirm/{token}"))
            .text("organisation", v.name.as_str())
            .var("days", notifications::Var::Num(CONFIRM_DAYS))
            .to(vec![to]);
        notifications::notify(conn, notice, None).await?;
    }
    Ok(taken)
}

fn fill(a: &mut application::ActiveModel, v: &Valid, charter: Option<(i64, i64)>) {
    a.org_kind = Set(v.kind.as_str().into());
    a.org_name = Set(v.name.to_string());
    a.country = Set(v.country.clone());
    a.city = Set(v.city.clone());
    a.company_number = Set(v.company_number.clone());
    a.size = Set(v.size);
    a.website = Set(v.website.clone());
    a.software = Set(v.software.join("\n"));
    a.contact_name = Set(v.contact_name.to_string());
    a.contact_email = Set(v.contact_email.to_string());
    a.contact_language = Set(v.contact_language.code().into());
    a.level = Set(v.level.as_str().into());
    a.motivation = Set(v.motivation.clone());
    a.charter_page_id = Set(charter.map(|c| c.0));
    a.charter_revision = Set(charter.map(|c| c.1));
}

/// The contact as a person: the one with that address, or a new one (of no network:
/// nothing is open to them until an acceptance invites them).
async fn contact_person<C: ConnectionTrait>(conn: &C, v: &Valid) -> AppResult<i64> {
    if let Some(p) = person::Entity::find()
        .filter(person::Column::Email.eq(v.contact_email.as_str()))
        .one(conn)
        .await?
    {
        return Ok(p.id);
    }
    let p = person::ActiveModel {
        email: Set(v.contact_email.to_string()),
        name: Set(v.contact_name.to_string()),
        language: Set(Some(crate::db::types::Text(v.contact_language))),
        password_hash: Set(None),
        phone: Set(String::new()),
        disabled: Set(false),
        created_at: Set(db::now()),
        last_login_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(p.id)
}

/// The application a confirmation link names, while it works (unconfirmed, at most
/// [`CONFIRM_DAYS`] since it was last sent); `Gone` (410) otherwise.
pub async fn by_token<C: ConnectionTrait>(conn: &C, token: &str) -> AppResult<application::Model> {
    let hash = crate::auth::tokens::hash_token(token);
    let a = application::Entity::find()
        .filter(application::Column::ConfirmHash.eq(hash))
        .one(conn)
        .await?
        .ok_or(AppError::Gone)?;
    if a.status != Status::Unconfirmed.as_str() || a.updated_at + time::Duration::days(CONFIRM_DAYS) < db::now() {
        return Err(AppError::Gone);
    }
    Ok(a)
}

/// Confirms the contact's address: the application goes to the review, and the core
/// circle and administrators are told.
pub async fn confirm<C: ConnectionTrait>(conn: &C, a: application::Model) -> AppResult<application::Model> {
    let now = db::now();
    let network_id = a.network_id;
    let mut m: application::ActiveModel = a.into();
    m.status = Set(Status::Pending.as_str().into());
    m.confirm_hash = Set(None);
    m.confirmed_at = Set(Some(now));
    m.updated_at = Set(now);
    let a = m.update(conn).await?;
    let notice = Notice::new(Kind::ApplicationReceived, network_id)
        .about(a.id)
        .link(format!("/applications/{}", a.id))
        .text("organisation", a.org_name.clone());
    notifications::notify(conn, notice, Some(format!("application_received:{}", a.id))).await?;
    Ok(a)
}

/// An application as the review reads it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApplicationOut {
    pub id: i64,
    /// `pending` (waiting for the review), `accepted` or `declined` (the review never
    /// sees an unconfirmed one).
    pub status: String,
    pub organisation: OrganisationIn,
    pub contact: ContactIn,
    pub level: String,
    pub motivation: String,
    /// The charter page consented to, and its revision then.
    pub charter_page_id: Option<i64>,
    pub charter_revision: Option<i64>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub confirmed_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub decided_at: Option<OffsetDateTime>,
    pub decision_note: String,
    /// The part of the first fee the network pays, in hundredths of a percent.
    pub sponsorship_basis_points: i64,
    /// The organisation an acceptance made.
    pub organisation_id: Option<i64>,
    /// The poll that decided, if one did.
    pub poll_id: Option<i64>,
    pub comments: Vec<ApplicationCommentOut>,
}

/// A comment of the review.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApplicationCommentOut {
    pub id: i64,
    pub author: String,
    pub body: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl ApplicationOut {
    pub fn of(a: &application::Model, comments: Vec<ApplicationCommentOut>) -> ApplicationOut {
        ApplicationOut {
            id: a.id,
            status: a.status.clone(),
            organisation: OrganisationIn {
                kind: a.org_kind.clone(),
                name: a.org_name.clone(),
                country: a.country.clone(),
                city: a.city.clone(),
                company_number: a.company_number.clone(),
                size: a.size,
                website: a.website.clone(),
                software: a.software.lines().map(str::to_string).collect(),
            },
            contact: ContactIn {
                name: a.contact_name.clone(),
                email: a.contact_email.clone(),
                language: a.contact_language.clone(),
            },
            level: a.level.clone(),
            motivation: a.motivation.clone(),
            charter_page_id: a.charter_page_id,
            charter_revision: a.charter_revision,
            created_at: a.created_at,
            confirmed_at: a.confirmed_at,
            decided_at: a.decided_at,
            decision_note: a.decision_note.clone(),
            sponsorship_basis_points: a.sponsorship_basis_points,
            organisation_id: a.organisation_id,
            poll_id: a.poll_id,
            comments,
        }
    }
}

/// The confirmed applications of a network, newest first (`status`: only those).
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    status: Option<Status>,
) -> AppResult<Vec<application::Model>> {
    let mut q = application::Entity::find()
        .filter(application::Column::NetworkId.eq(network_id))
        .filter(application::Column::Status.ne(Status::Unconfirmed.as_str()));
    if let Some(s) = status {
        q = q.filter(application::Column::Status.eq(s.as_str()));
    }
    Ok(q.order_by_desc(application::Column::CreatedAt)
        .order_by_desc(application::Column::Id)
        .limit(500)
        .all(conn)
        .await?)
}

/// A confirmed application of the network (404 for an unconfirmed one: nobody sees it).
pub async fn get<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<application::Model> {
    application::Entity::find_by_id(id)
        .filter(application::Column::NetworkId.eq(network_id))
        .filter(application::Column::Status.ne(Status::Unconfirmed.as_str()))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// An application with its comments, oldest first.
pub async fn read<C: ConnectionTrait>(conn: &C, network_id: i64, id: i64) -> AppResult<ApplicationOut> {
    let a = get(conn, network_id, id).await?;
    let rows = comment::Entity::find()
        .filter(comment::Column::ApplicationId.eq(id))
        .order_by_asc(comment::Column::CreatedAt)
        .order_by_asc(comment::Column::Id)
        .all(conn)
        .await?;
    let ids: Vec<i64> = rows.iter().filter_map(|c| c.author_id).collect();
    let names: std::collections::HashMap<i64, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let comments = rows
        .into_iter()
        .map(|c| ApplicationCommentOut {
            id: c.id,
            author: c.author_id.and_then(|id| names.get(&id).cloned()).unwrap_or_default(),
            body: c.body,
            created_at: c.created_at,
        })
        .collect();
    Ok(ApplicationOut::of(&a, comments))
}

/// The longest comment (characters).
pub const MAX_COMMENT_CHARS: usize = 5_000;

/// Comments on an application (1 to 5 000 characters).
pub async fn add_comment<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    id: i64,
    author_id: i64,
    body: &str,
) -> AppResult<i64> {
    get(conn, network_id, id).await?;
    let body = body.trim();
    if body.is_empty() {
        return Err(AppError::invalid("body", "required"));
    }
    if body.chars().count() > MAX_COMMENT_CHARS {
        return Err(AppError::invalid("body", "too-long"));
    }
    let c = comment::ActiveModel {
        network_id: Set(network_id),
        application_id: Set(id),
        author_id: Set(Some(author_id)),
        body: Set(body.to_string()),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(c.id)
}
