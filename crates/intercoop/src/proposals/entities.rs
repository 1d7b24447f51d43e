//! SeaORM entities of the proposals tables (migration 2).

/// Table `proposals`.
pub mod proposal {
    use crate::db::types::Text;
    use intercoop_domain::lifecycle::ProposalStatus;
    use intercoop_domain::voting::MethodKind;
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
        pub status: Text<ProposalStatus>,
        pub selected_quote_id: Option<i64>,
        pub priority_rank: Option<i64>,
        pub priority_poll_id: Option<i64>,
        pub priority_method: Option<Text<MethodKind>>,
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

/// Table `quotes`.
pub mod quote {
    use crate::db::types::Json;
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
        pub milestones: Json<Vec<crate::proposals::quotes::Milestone>>,
        pub note: String,
        pub created_by: Option<i64>,
        pub created_at: TimeDateTimeWithTimeZone,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
