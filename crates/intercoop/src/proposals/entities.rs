//! SeaORM entities of the proposals tables (migration 2).

/// Table `proposals`.
pub mod proposal {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "proposals")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub network_id: i64,
        pub title: String,
        pub description: String,
        pub software: String,
        pub links: String,
        pub requested_by: i64,
        pub author_id: Option<i64>,
        pub status: String,
        pub selected_quote_id: Option<i64>,
        pub priority_rank: Option<i64>,
        pub priority_poll_id: Option<i64>,
        pub priority_method: Option<String>,
        pub priority_at: Option<TimeDateTimeWithTimeZone>,
        pub delivered_at: Option<TimeDateTimeWithTimeZone>,
        pub announced_at: Option<TimeDateTimeWithTimeZone>,
        pub created_at: TimeDateTimeWithTimeZone,
        pub updated_at: TimeDateTimeWithTimeZone,
        /// Organisations that said "we need it too" (kept by `add_interest`).
        pub interest_count: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `proposal_interests`.
pub mod interest {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "proposal_interests")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub proposal_id: i64,
        pub organisation_id: i64,
        pub person_id: Option<i64>,
        pub created_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `proposal_comments`.
pub mod comment {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "proposal_comments")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub proposal_id: i64,
        pub person_id: i64,
        pub organisation_id: Option<i64>,
        pub body: String,
        pub is_objection: bool,
        pub created_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `proposal_events`.
pub mod event {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "proposal_events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub proposal_id: i64,
        pub actor_id: Option<i64>,
        pub kind: String,
        pub from_status: Option<String>,
        pub to_status: Option<String>,
        pub reason: String,
        pub poll_id: Option<i64>,
        pub at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `quotes`.
pub mod quote {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "quotes")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub proposal_id: i64,
        pub provider_id: i64,
        pub amount_cents: i64,
        pub vat_basis_points: i64,
        pub hours: Option<i64>,
        pub valid_until: Option<TimeDateTimeWithTimeZone>,
        pub milestones: String,
        pub note: String,
        pub created_by: Option<i64>,
        pub created_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `campaigns`.
pub mod campaign {
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
        pub sharing_key: String,
        pub fixed: String,
        pub deadline: TimeDateTimeWithTimeZone,
        pub min_participants: i64,
        pub catch_up_years: i64,
        pub status: String,
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
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `pledges`.
pub mod pledge {
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
        pub status: String,
        pub created_at: TimeDateTimeWithTimeZone,
        /// The share its organisation was last told: at its pledge, then in each daily
        /// digest that reported a change (see `digest`).
        pub notified_cents: Option<i64>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Table `payment_requests`.
pub mod payment_request {
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
        pub purpose: String,
        pub amount_cents: i64,
        pub due_at: TimeDateTimeWithTimeZone,
        pub status: String,
        pub created_at: TimeDateTimeWithTimeZone,
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
