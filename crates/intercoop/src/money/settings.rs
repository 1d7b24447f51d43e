//! A network's payment settings: the legal name, address and bank account its payment
//! requests show, and its payment reference scheme; and its budget (monthly costs, the
//! grant and its end), which the runway is computed from.

use super::entities::{budget, settings};
use crate::audit::{self, Actor, Change};
use crate::db;
use crate::error::{AppResult, FieldErrors};
use intercoop_domain::Money;
use intercoop_domain::bank::{BankError, Bic, Iban, ReferenceScheme};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};

/// The settings as the API takes them and the form sends them (every field as typed).
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaymentSettingsIn {
    pub legal_name: String,
    pub address: String,
    pub iban: String,
    #[serde(default)]
    pub bic: Option<String>,
    /// `be` (Belgian structured communication) or `rf` (ISO 11649 creditor reference)
    pub reference_scheme: String,
}

/// Checked settings.
#[derive(Debug, Clone)]
pub struct PaymentSettings {
    pub legal_name: String,
    pub address: String,
    pub iban: Iban,
    pub bic: Option<Bic>,
    pub scheme: ReferenceScheme,
}

fn bank_code(e: BankError) -> &'static str {
    match e {
        BankError::Form => "bank-form",
        BankError::Length => "bank-length",
        BankError::Check => "bank-check",
    }
}

impl PaymentSettingsIn {
    pub fn validate(&self) -> Result<PaymentSettings, FieldErrors> {
        let mut errors = FieldErrors::default();
        let legal_name = errors.line("legal_name", &self.legal_name, 70);
        let address = errors.line("address", &self.address, 200);
        let iban = Iban::parse(&self.iban)
            .map_err(|e| errors.add("iban", bank_code(e)))
            .ok();
        let bic = match self.bic.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
            Some(b) => Bic::parse(b).map_err(|e| errors.add("bic", bank_code(e))).ok(),
            None => None,
        };
        let scheme = ReferenceScheme::parse(&self.reference_scheme);
        if scheme.is_none() {
            errors.add("reference_scheme", "reference-scheme");
        }
        match (legal_name, address, iban, scheme) {
            (Some(legal_name), Some(address), Some(iban), Some(scheme)) if errors.is_empty() => Ok(PaymentSettings {
                legal_name,
                address,
                iban,
                bic,
                scheme,
            }),
            _ => Err(errors),
        }
    }
}

/// The settings as shown.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PaymentSettingsOut {
    pub legal_name: String,
    pub address: String,
    /// Electronic form, no spaces.
    pub iban: String,
    pub bic: Option<String>,
    pub reference_scheme: String,
}

impl From<settings::Model> for PaymentSettingsOut {
    fn from(s: settings::Model) -> Self {
        PaymentSettingsOut {
            legal_name: s.legal_name,
            address: s.address,
            iban: s.iban,
            bic: s.bic,
            reference_scheme: s.reference_scheme.to_string(),
        }
    }
}

pub async fn get<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Option<settings::Model>> {
    Ok(settings::Entity::find()
        .filter(settings::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?)
}

/// The network's reference scheme: the Belgian one until it chooses.
pub async fn scheme<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<ReferenceScheme> {
    Ok(get(conn, network_id)
        .await?
        .map(|s| *s.reference_scheme)
        .unwrap_or(ReferenceScheme::Be))
}

/// Stores the settings (audited with before and after).
pub async fn put<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    s: &PaymentSettings,
) -> AppResult<settings::Model> {
    let before = get(conn, network_id).await?.map(PaymentSettingsOut::from);
    let row = settings::Entity::insert(settings::ActiveModel {
        network_id: Set(network_id),
        legal_name: Set(s.legal_name.clone()),
        address: Set(s.address.clone()),
        iban: Set(s.iban.as_str().to_string()),
        bic: Set(s.bic.as_ref().map(|b| b.as_str().to_string())),
        reference_scheme: Set(s.scheme.into()),
        updated_at: Set(db::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(settings::Column::NetworkId)
            .update_columns([
                settings::Column::LegalName,
                settings::Column::Address,
                settings::Column::Iban,
                settings::Column::Bic,
                settings::Column::ReferenceScheme,
                settings::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_with_returning(conn)
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "payment_settings.update",
            entity: "payment_settings",
            entity_id: Some(row.id),
        },
        before.as_ref(),
        Some(&PaymentSettingsOut::from(row.clone())),
    )
    .await?;
    Ok(row)
}

/// The budget as the API takes it and the form sends it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetIn {
    /// What the network spends per month (facilitation, hosting…), in cents.
    pub monthly_costs_cents: i64,
    /// What its grant pays per month, in cents (0: none).
    #[serde(default)]
    pub grant_monthly_cents: i64,
    /// The grant's last day (`YYYY-MM-DD`, in the network's time zone).
    #[serde(default, with = "crate::api::iso_date::option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub grant_ends_on: Option<time::Date>,
}

impl BudgetIn {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        if self.monthly_costs_cents < 0 {
            errors.add("monthly_costs_cents", "amount-not-negative");
        }
        if self.grant_monthly_cents < 0 {
            errors.add("grant_monthly_cents", "amount-not-negative");
        }
        if self.grant_monthly_cents > 0 && self.grant_ends_on.is_none() {
            errors.add("grant_ends_on", "required");
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

pub async fn budget<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Option<budget::Model>> {
    Ok(budget::Entity::find()
        .filter(budget::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?)
}

pub async fn put_budget<C: ConnectionTrait>(conn: &C, actor: Actor, network_id: i64, b: &BudgetIn) -> AppResult<()> {
    let before = budget(conn, network_id).await?;
    let row = budget::Entity::insert(budget::ActiveModel {
        network_id: Set(network_id),
        monthly_costs_cents: Set(Money::from_cents(b.monthly_costs_cents).cents()),
        grant_monthly_cents: Set(b.grant_monthly_cents),
        grant_ends_on: Set(b.grant_ends_on),
        updated_at: Set(db::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(budget::Column::NetworkId)
            .update_columns([
                budget::Column::MonthlyCostsCents,
                budget::Column::GrantMonthlyCents,
                budget::Column::GrantEndsOn,
                budget::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_with_returning(conn)
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "budget.update",
            entity: "network_budget",
            entity_id: Some(row.id),
        },
        before.as_ref(),
        Some(&row),
    )
    .await?;
    Ok(())
}
