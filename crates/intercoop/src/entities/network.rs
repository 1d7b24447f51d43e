//! Table `networks`.

use crate::db::types::{Json, Text};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "networks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub default_language: Text<crate::i18n::Lang>,
    pub time_zone: String,
    pub currency: String,
    pub rules: Json<NetworkRules>,
    pub created_at: TimeDateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// A network's settings stored as JSON (`networks.rules`). A key left out takes its
/// documented default.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NetworkRules {
    /// A demo install: the home page shows the demo's logins.
    #[serde(default)]
    pub demo: bool,
    /// The share of member organisations an assembly needs present (percent; default
    /// 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assembly_quorum_percent: Option<u32>,
    /// The core circle's seat rules (default: `SeatRules::default()`, Komunigi's: 1–2
    /// facilitator seats, 2–3 elected, an elected mandate at most 730 days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub core_seats: Option<intercoop_domain::core_circle::SeatRules>,
    /// The share of the electorate's weight a decision poll needs voting when the poll
    /// names none (percent; default 0). Set on `/governance`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll_quorum_percent: Option<u32>,
    /// A decision poll's threshold when the poll names none: `simple_majority`
    /// (default), `two_thirds` or a fraction in (0, 1] such as `3/5`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll_threshold: Option<String>,
    /// A private network shows nothing to visitors: its public page (`/n/{slug}`) is a
    /// sign-in page, and its public documentation, application form and application
    /// API are closed (default: public). Set on `/settings/public`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
    /// The documentation page whose consent an application to join asks (its charter);
    /// none: no consent asked. Set on `/settings/public`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charter_page_id: Option<i64>,
}
