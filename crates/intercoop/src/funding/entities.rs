//! SeaORM entities of the co-funding tables (migration 2): campaigns, pledges and
//! catch-up shares.

/// Table `campaigns`.
pub mod campaign {
    use crate::db::types::{Json, Text};
    use intercoop_domain::funding::CampaignStatus;
    use intercoop_domain::sharing::{FixedContribution, SharingKey};
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "campaigns")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub network_id: i64,
        pub proposal_id: i64,
        pub quote_id: Option<i64>,
        pub amount_cents: i64,
        pub sharing_key: Json<SharingKey>,
        pub fixed: Json<Vec<FixedContribution>>,
        pub deadline: TimeDateTimeWithTimeZone,
        pub min_participants: i64,
        pub catch_up_years: i64,
        pub status: Text<CampaignStatus>,
        pub opened_at: TimeDateTimeWithTimeZone,
        pub closed_at: Option<TimeDateTimeWithTimeZone>,
        pub announced_at: Option<TimeDateTimeWithTimeZone>,
        /// The list's summary of the current split, kept by `data::store_summary` on
        /// every write that changes pledges, adopters or the campaign's status.
        pub covered_cents: i64,
        pub participant_count: i64,
        /// Active pledges (the "most funded" sort).
        pub pledge_count: i64,
        /// The others' shares changed since the last daily digest (see `digest`).
        pub digest_due: bool,
        /// The reserve of a shared recurring cost the campaign draws on (migration 19).
        pub reserve_id: Option<i64>,
        /// The part of the cost the reserve covers: earmarked while the campaign is
        /// open, drawn in the journal when it is funded. `amount_cents` is the rest, the
        /// part shared among the pledgers; the cost is their sum.
        pub reserve_cents: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `pledges`.
pub mod pledge {
    use crate::db::types::Text;
    use intercoop_domain::funding::PledgeStatus;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "pledges")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub campaign_id: i64,
        pub organisation_id: i64,
        pub person_id: Option<i64>,
        pub cap_cents: Option<i64>,
        pub size: Option<i64>,
        pub status: Text<PledgeStatus>,
        pub created_at: TimeDateTimeWithTimeZone,
        /// The share its organisation was last told: at its pledge, then in each daily
        /// digest that reported a change (see `digest`).
        pub notified_cents: Option<i64>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `catch_ups`.
pub mod catch_up {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "catch_ups")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub campaign_id: i64,
        pub organisation_id: i64,
        pub size: Option<i64>,
        pub amount_cents: i64,
        pub created_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
