//! What a passed poll does to the proposal it decides: move it into discussion, reject
//! it, or open its co-funding with given terms.

use super::cofunding;
use super::data;
use super::lifecycle::transition;
use crate::access::Doer;
use crate::error::{AppError, AppResult};
use crate::funding::terms::CampaignBody;
use intercoop_domain::lifecycle::ProposalStatus;

/// What a passed poll does to the proposal it decides (polls call [`apply_effect`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProposalEffect {
    /// Move the proposal into discussion.
    Discuss,
    /// Reject the proposal.
    Reject,
    /// Open the co-funding with these terms: the body of `POST /api/v1/proposals/{id}/campaign`.
    OpenFunding {
        #[schema(value_type = Object)]
        terms: serde_json::Value,
    },
}

/// Carries out a passed poll's effect on a proposal, in the caller's transaction,
/// with the poll recorded as the reason on the proposal's timeline.
///
/// The poll decides with the network's authority (the lifecycle is still checked: a
/// proposal already funded cannot be rejected, 409). Announcements (a proposal now in
/// discussion, a campaign opened) are sent by the next scheduled run, within a minute.
pub async fn apply_effect<C: sea_orm::ConnectionTrait>(
    conn: &C,
    network_id: i64,
    proposal_id: i64,
    effect: &ProposalEffect,
    poll_id: i64,
) -> AppResult<()> {
    let p = data::get(conn, network_id, proposal_id).await?;
    let doer = Doer::assembly();
    let reason = format!("poll {poll_id}");
    match effect {
        ProposalEffect::Discuss => {
            transition(conn, &doer, &p, ProposalStatus::Discussion, &reason, Some(poll_id)).await?;
        }
        ProposalEffect::Reject => {
            transition(conn, &doer, &p, ProposalStatus::Rejected, &reason, Some(poll_id)).await?;
        }
        ProposalEffect::OpenFunding { terms } => {
            let body: CampaignBody = serde_path_to_error::deserialize(terms.clone()).map_err(|e| {
                let path = e.path().to_string();
                AppError::invalid(if path == "." { "terms" } else { &path }, "invalid-value")
            })?;
            cofunding::open_campaign(conn, &doer, &p, &body, Some(poll_id)).await?;
        }
    }
    Ok(())
}
