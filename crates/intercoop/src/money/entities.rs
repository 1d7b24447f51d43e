//! SeaORM entities of the money tables (migration 2): payment requests and the
//! credits a catch-up share gives the earlier funders.

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
