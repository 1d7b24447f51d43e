//! SeaORM entities of the money tables: payment requests and the credits a catch-up
//! share gives the earlier funders (migration 2); the payment settings, budgets, fee
//! schedules, payments, bank statements and the ledger (migration 17); the reserves of
//! shared recurring costs (migration 19).

/// Table `payment_requests`.
pub mod payment_request {
    use crate::db::types::Text;
    use intercoop_domain::payments::{PaymentPurpose, PaymentStatus};
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "payment_requests")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub network_id: i64,
        pub organisation_id: i64,
        pub campaign_id: Option<i64>,
        pub catch_up_id: Option<i64>,
        pub purpose: Text<PaymentPurpose>,
        pub amount_cents: i64,
        pub due_at: TimeDateTimeWithTimeZone,
        pub status: Text<PaymentStatus>,
        pub created_at: TimeDateTimeWithTimeZone,
        /// The year of its number, in the network's time zone.
        pub year: i64,
        /// Its number in the year, without gaps (`payment_request_numbers`).
        pub number: i64,
        /// Its payment reference, electronic form (12 digits, or `RF…`).
        pub reference: String,
        pub paid_cents: i64,
        /// The part of a fee the network pays (sponsorship); `amount_cents` is the rest.
        pub sponsored_cents: i64,
        /// What it is for, in the treasurer's words.
        pub label: String,
        pub fee_schedule_id: Option<i64>,
        pub fee_period: Option<i64>,
        pub reminded_at: Option<TimeDateTimeWithTimeZone>,
        pub escalated_at: Option<TimeDateTimeWithTimeZone>,
        /// The reserve a provision is for (migration 19).
        pub reserve_id: Option<i64>,
        /// The month a provision is for, `year × 100 + month`.
        pub reserve_month: Option<i64>,
        /// The part of `paid_cents` that came from the organisation's credit.
        pub credit_cents: i64,
        /// The pool a periodic contribution is for (migration 36).
        pub pool_id: Option<i64>,
        /// The period a periodic contribution is for: its first day as `YYYYMMDD`.
        pub pool_period: Option<i64>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `catch_up_credits`.
pub mod credit {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "catch_up_credits")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub catch_up_id: i64,
        pub organisation_id: i64,
        pub amount_cents: i64,
        pub created_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `payment_settings`: what a network's payment requests say about it.
pub mod settings {
    use crate::db::types::Text;
    use intercoop_domain::bank::ReferenceScheme;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "payment_settings")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub network_id: i64,
        pub legal_name: String,
        pub address: String,
        pub iban: String,
        pub bic: Option<String>,
        pub reference_scheme: Text<ReferenceScheme>,
        pub updated_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `network_budgets`: the monthly costs and grant the runway is computed from.
pub mod budget {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "network_budgets")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub network_id: i64,
        pub monthly_costs_cents: i64,
        pub grant_monthly_cents: i64,
        pub grant_ends_on: Option<TimeDate>,
        pub updated_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `payment_request_numbers`: the last number given per network and year.
pub mod number {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "payment_request_numbers")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub network_id: i64,
        pub year: i64,
        pub last_number: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `fee_schedules`: a network's fees for a year.
pub mod fee_schedule {
    use crate::db::types::{Json, Text};
    use intercoop_domain::fees::BillingPeriod;
    use sea_orm::entity::prelude::*;
    use std::collections::BTreeMap;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "fee_schedules")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub network_id: i64,
        pub year: i64,
        pub period: Text<BillingPeriod>,
        /// Level (`observer`, `active`) → tiers as `[min_size, monthly_cents]`.
        pub tiers: Json<BTreeMap<String, Vec<(i64, i64)>>>,
        pub sponsorship_basis_points: i64,
        pub sponsorship_years: i64,
        pub created_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `bank_statements`: each statement imported, once.
pub mod statement {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "bank_statements")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub network_id: i64,
        /// SHA-256 of the file, hex.
        pub digest: String,
        /// `camt.053` or `csv`.
        pub format: String,
        pub entries: i64,
        pub matched: i64,
        pub imported_by: Option<i64>,
        pub imported_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `payments`: money received, recorded by hand or imported.
pub mod payment {
    use crate::db::types::Text;
    use intercoop_domain::payments::ReceivedStatus;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "payments")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub network_id: i64,
        pub organisation_id: Option<i64>,
        pub payment_request_id: Option<i64>,
        pub statement_id: Option<i64>,
        pub amount_cents: i64,
        pub booked_on: TimeDate,
        pub payer_name: String,
        pub payer_iban: String,
        pub remittance: String,
        pub bank_ref: Option<String>,
        pub status: Text<ReceivedStatus>,
        pub recorded_by: Option<i64>,
        pub created_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Tables `ledger_entries`, `ledger_lines`, `ledger_balances`: the journal.
pub mod ledger_entry {
    use crate::db::types::Text;
    use intercoop_domain::ledger::EntryKind;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "ledger_entries")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub network_id: i64,
        pub kind: Text<EntryKind>,
        pub payment_request_id: Option<i64>,
        pub payment_id: Option<i64>,
        pub credit_id: Option<i64>,
        pub campaign_id: Option<i64>,
        pub memo: String,
        pub occurred_at: TimeDateTimeWithTimeZone,
        pub created_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod ledger_line {
    use crate::db::types::Text;
    use intercoop_domain::ledger::AccountKind;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "ledger_lines")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub network_id: i64,
        pub entry_id: i64,
        pub account: Text<AccountKind>,
        pub party: i64,
        pub amount_cents: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod ledger_balance {
    use crate::db::types::Text;
    use intercoop_domain::ledger::AccountKind;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "ledger_balances")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub network_id: i64,
        pub account: Text<AccountKind>,
        pub party: i64,
        pub balance_cents: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `reserves`: money a network sets aside for a shared recurring cost.
pub mod reserve {
    use crate::db::types::Json;
    use intercoop_domain::sharing::SharingKey;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "reserves")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub network_id: i64,
        /// What it is for ("Odoo 19 migration").
        pub name: String,
        /// What the members set aside together each month, in cents.
        pub monthly_cents: i64,
        /// How the month is split among the members.
        pub sharing_key: Json<SharingKey>,
        /// Billed each month while active.
        pub active: bool,
        pub created_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
