//! Payment requests: who owes what for what (co-funding shares, catch-up shares).

use super::entities::payment_request;
use crate::db;
use crate::error::AppResult;
use intercoop_domain::payments::{PaymentPurpose, PaymentStatus};
use intercoop_domain::sharing::Shares;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use serde::Serialize;
use time::{Duration, OffsetDateTime};

/// How long a payment request gives to pay.
pub const PAYMENT_DAYS: i64 = 30;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PaymentRequestOut {
    pub id: i64,
    pub organisation_id: i64,
    pub amount_cents: i64,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub due_at: OffsetDateTime,
    pub purpose: String,
    pub status: String,
}

impl From<payment_request::Model> for PaymentRequestOut {
    fn from(r: payment_request::Model) -> Self {
        PaymentRequestOut {
            id: r.id,
            organisation_id: r.organisation_id,
            amount_cents: r.amount_cents,
            due_at: r.due_at,
            purpose: r.purpose.to_string(),
            status: r.status.to_string(),
        }
    }
}
/// One payment request per participant with a positive share of a funded campaign,
/// due in [`PAYMENT_DAYS`], in one multi-row insert; returned in id order.
pub async fn for_campaign<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    campaign_id: i64,
    shares: &Shares,
) -> AppResult<Vec<payment_request::Model>> {
    let now = db::now();
    let due = now + Duration::days(PAYMENT_DAYS);
    let rows: Vec<payment_request::ActiveModel> = shares
        .lines
        .iter()
        .filter(|l| l.amount.is_positive())
        .map(|line| payment_request::ActiveModel {
            network_id: Set(network_id),
            organisation_id: Set(line.organisation_id),
            campaign_id: Set(Some(campaign_id)),
            catch_up_id: Set(None),
            purpose: Set(PaymentPurpose::CoFunding.into()),
            amount_cents: Set(line.amount.cents()),
            due_at: Set(due),
            status: Set(PaymentStatus::Open.into()),
            created_at: Set(now),
            ..Default::default()
        })
        .collect();
    let mut requests = Vec::new();
    if !rows.is_empty() {
        // One multi-row insert; RETURNING gives no order, the ids do.
        requests = payment_request::Entity::insert_many(rows)
            .exec_with_returning(conn)
            .await?;
        requests.sort_by_key(|r| r.id);
    }
    Ok(requests)
}

/// A late adopter's payment request for its catch-up share, due in [`PAYMENT_DAYS`].
pub async fn for_catch_up<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    organisation_id: i64,
    campaign_id: i64,
    catch_up_id: i64,
    amount_cents: i64,
) -> AppResult<payment_request::Model> {
    let now = db::now();
    Ok(payment_request::ActiveModel {
        network_id: Set(network_id),
        organisation_id: Set(organisation_id),
        campaign_id: Set(Some(campaign_id)),
        catch_up_id: Set(Some(catch_up_id)),
        purpose: Set(PaymentPurpose::CatchUp.into()),
        amount_cents: Set(amount_cents),
        due_at: Set(now + Duration::days(PAYMENT_DAYS)),
        status: Set(PaymentStatus::Open.into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?)
}
