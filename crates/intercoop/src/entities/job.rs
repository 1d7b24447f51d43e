//! Table `jobs` (migration 9): the durable job queue (see `crate::jobs`).

use crate::db::types::Text;
use crate::jobs::JobStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "jobs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// What to do: the name of a registered handler (`funding.close_campaign`).
    pub kind: String,
    /// The handler's input, as JSON.
    pub payload: String,
    /// The network the work concerns, if one (administrators see its failures).
    pub network_id: Option<i64>,
    /// At most one job ever holds a key (`close_campaign:12`): enqueuing it again is a no-op.
    pub unique_key: Option<String>,
    /// Not before (UTC).
    pub run_at: TimeDateTimeWithTimeZone,
    pub status: Text<JobStatus>,
    /// Attempts started so far, and how many are allowed before it fails for good.
    pub attempts: i64,
    pub max_attempts: i64,
    /// The claim of the worker running it (instance and claim id) and its lease.
    pub locked_by: Option<String>,
    pub locked_until: Option<TimeDateTimeWithTimeZone>,
    pub last_error: Option<String>,
    pub created_at: TimeDateTimeWithTimeZone,
    pub updated_at: TimeDateTimeWithTimeZone,
    pub finished_at: Option<TimeDateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
