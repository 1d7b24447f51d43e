//! What an application says, as the API's body ([`ApplicationIn`]) and as the form's
//! fields ([`ApplicationForm`]), and its checks: every refused field named as the API
//! names it.

use super::{MAX_MOTIVATION_CHARS, MAX_SOFTWARE};
use crate::error::FieldErrors;
use crate::i18n::Lang;
use intercoop_domain::organisation::{Level, OrgKind};
use intercoop_domain::text::{Email, OrganisationName, PersonName};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

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
        let country = crate::organisations::data::country_code(&mut errors, "organisation.country", &self.country);
        if country.is_empty() {
            errors.add("organisation.country", "required");
        }
        let city = errors.line("organisation.city", &self.city, 100);
        let company_number = errors.optional_line("organisation.company_number", &self.company_number, 50);
        let size = crate::organisations::data::size(&mut errors, "organisation.size", &self.size);
        let website = crate::organisations::data::website(&mut errors, "organisation.website", &self.website);
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
