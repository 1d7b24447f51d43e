//! What a form or a JSON body says about an organisation, as typed, and the checks that
//! make it a valid one; and the stored organisation as a form shows it.

use super::OrganisationDetail;
use crate::error::FieldErrors;
use intercoop_domain::organisation::{Level, MembershipStatus, OrgKind};
use intercoop_domain::text::OrganisationName;
use serde::{Deserialize, Serialize};

/// What a form or a JSON body says about an organisation, as typed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct OrganisationInput {
    pub name: String,
    pub kind: String,
    pub country: String,
    pub language: String,
    pub address: String,
    pub company_number: String,
    pub size: String,
    pub bank_account: String,
    pub website: String,
    /// One software per line or comma ("Odoo 12", "cooperator", "shift").
    pub software: String,
    pub status: String,
    pub level: String,
}

/// An organisation that passed validation.
#[derive(Debug, Clone, Serialize)]
pub struct ValidOrganisation {
    pub name: OrganisationName,
    pub kind: OrgKind,
    pub country: String,
    pub language: String,
    pub address: String,
    pub company_number: String,
    pub size: Option<i64>,
    pub bank_account: String,
    pub website: String,
    pub software: Vec<String>,
    pub status: MembershipStatus,
    pub level: Level,
}

impl OrganisationInput {
    pub fn validate(&self) -> Result<ValidOrganisation, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = OrganisationName::parse(&self.name)
            .map_err(|e| errors.add("name", crate::error::text_error_code(e)))
            .ok();
        let kind = OrgKind::parse(&self.kind);
        if kind.is_none() {
            errors.add("kind", "invalid-choice");
        }
        let status = if self.status.trim().is_empty() {
            Some(MembershipStatus::Member)
        } else {
            MembershipStatus::parse(&self.status)
        };
        if status.is_none() {
            errors.add("status", "invalid-choice");
        }
        let level = if self.level.trim().is_empty() {
            Some(Level::Active)
        } else {
            Level::parse(&self.level)
        };
        if level.is_none() {
            errors.add("level", "invalid-choice");
        }
        let country = country_code(&mut errors, "country", &self.country);
        let language = self.language.trim().to_lowercase();
        if !language.is_empty() && crate::i18n::Lang::parse(&language).is_none() {
            errors.add("language", "invalid-choice");
        }
        let size = size(&mut errors, "size", &self.size);
        let website = website(&mut errors, "website", &self.website);
        if self.address.chars().count() > 500 {
            errors.add("address", "too-long");
        }
        // Lines read as names (NFC, nothing invisible): a company number or a bank
        // account with a right-to-left override would read as another one.
        let company_number = errors.optional_line("company_number", &self.company_number, 50);
        let bank_account = errors.optional_line("bank_account", &self.bank_account, 60);
        let software: Vec<String> = parse_software(&self.software);
        if let Some(e) = software.iter().find_map(|s| intercoop_domain::text::line(s, 80).err()) {
            errors.add("software", crate::error::text_error_code(e));
        }
        let software: Vec<String> = software
            .iter()
            .filter_map(|s| intercoop_domain::text::line(s, 80).ok())
            .collect();
        match (name, kind, status, level) {
            (Some(name), Some(kind), Some(status), Some(level)) if errors.is_empty() => Ok(ValidOrganisation {
                name,
                kind,
                country,
                language,
                address: self.address.trim().to_string(),
                company_number,
                size,
                bank_account,
                website,
                software,
                status,
                level,
            }),
            _ => Err(errors),
        }
    }
}

/// Splits "Odoo 12, cooperator\nshift" into distinct trimmed names.
pub fn parse_software(text: &str) -> Vec<String> {
    let mut names: Vec<String> = text
        .split([',', '\n', ';'])
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect();
    crate::collation::sort_by_name(&mut names, |s| s);
    names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    names
}

impl OrganisationInput {
    /// The stored organisation as a form would show it (to edit it, or to PATCH it).
    pub fn from_detail(d: &OrganisationDetail) -> OrganisationInput {
        OrganisationInput {
            name: d.organisation.name.clone(),
            kind: d.organisation.kind.to_string(),
            country: d.organisation.country.clone(),
            language: d.organisation.language.clone(),
            address: d.organisation.address.clone(),
            company_number: d.organisation.company_number.clone(),
            size: d.membership.size.map(|s| s.to_string()).unwrap_or_default(),
            bank_account: d.organisation.bank_account.clone(),
            website: d.organisation.website.clone(),
            software: d.software.join("\n"),
            status: d.membership.status.to_string(),
            level: d.membership.level.to_string(),
        }
    }
}

/// A country as typed: empty, or an ISO 3166-1 alpha-2 code in any case (returned in
/// capitals); else `invalid-country` on `field`. Shared by the organisation's form and
/// the application to join.
pub fn country_code(errors: &mut FieldErrors, field: &str, input: &str) -> String {
    let country = input.trim().to_uppercase();
    if !country.is_empty() && (country.len() != 2 || !country.chars().all(|c| c.is_ascii_uppercase())) {
        errors.add(field, "invalid-country");
    }
    country
}

/// A size (member workers) as typed: empty (none), or a whole number ≥ 0 with spaces
/// allowed between digits; else `invalid-size` on `field`.
pub fn size(errors: &mut FieldErrors, field: &str, input: &str) -> Option<i64> {
    match input.trim() {
        "" => None,
        s => match s.replace([' ', '\u{a0}'], "").parse::<i64>() {
            Ok(n) if n >= 0 => Some(n),
            _ => {
                errors.add(field, "invalid-size");
                None
            }
        },
    }
}

/// A website as typed, trimmed: empty, or an `http`/`https` address; else `invalid-url`
/// on `field`.
pub fn website(errors: &mut FieldErrors, field: &str, input: &str) -> String {
    let website = input.trim().to_string();
    if !website.is_empty()
        && url::Url::parse(&website)
            .map(|u| !matches!(u.scheme(), "http" | "https"))
            .unwrap_or(true)
    {
        errors.add(field, "invalid-url");
    }
    website
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(errors: &FieldErrors) -> Vec<(String, String)> {
        errors.0.iter().map(|e| (e.field.clone(), e.code.clone())).collect()
    }

    #[test]
    fn country_size_and_website_as_both_forms_check_them() {
        let mut e = FieldErrors::default();
        assert_eq!(country_code(&mut e, "country", " be "), "BE");
        assert_eq!(country_code(&mut e, "country", ""), "");
        assert_eq!(size(&mut e, "size", "1 200"), Some(1200));
        assert_eq!(size(&mut e, "size", " "), None);
        assert_eq!(
            website(&mut e, "website", " https://coop.example "),
            "https://coop.example"
        );
        assert_eq!(website(&mut e, "website", ""), "");
        assert!(codes(&e).is_empty());
        country_code(&mut e, "organisation.country", "BEL");
        size(&mut e, "organisation.size", "-3");
        website(&mut e, "organisation.website", "ftp://coop.example");
        let want = [
            ("organisation.country", "invalid-country"),
            ("organisation.size", "invalid-size"),
            ("organisation.website", "invalid-url"),
        ]
        .map(|(f, c)| (f.to_string(), c.to_string()));
        assert_eq!(codes(&e), want);
    }
}
