//! An organisation that leaves a network (its membership becomes `former`) leaves its
//! open co-fundings: each pledge it has on a campaign that still takes pledges is
//! released, the proposal's timeline says so, and the others' moved shares go to the
//! daily digest (issue 14: "leaving the network releases open pledges and tells those
//! concerned"). A campaign past its deadline keeps the pledge: the deadline held at its
//! instant, and the organisation pledged while a member.
//!
//! It reacts to the event `membership_ended` (see `crate::events`), in a job of its own.

use super::campaign::{locked, takes_pledges};
use super::entities::{campaign, pledge};
use crate::access::Doer;
use crate::events::MembershipEnded;
use crate::jobs::{Ctx, JobError, Registry, handler};
use crate::timeline::TimelineKind;
use intercoop_domain::funding::{CampaignStatus, PledgeStatus};
use intercoop_domain::organisation::MembershipStatus;
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

/// The job that reacts to an organisation leaving a network.
pub const ON_MEMBERSHIP_ENDED: &str = "funding.on_membership_ended";

/// The handler of [`ON_MEMBERSHIP_ENDED`].
pub fn register(r: Registry) -> Registry {
    r.with(
        ON_MEMBERSHIP_ENDED,
        handler(|ctx, txn| Box::pin(on_membership_ended(ctx, txn))),
    )
}

async fn on_membership_ended(ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    let e: MembershipEnded = crate::events::delivered(ctx, txn).await?;
    // Back as a member before this ran: nothing to release.
    let membership = crate::entities::membership::Entity::find()
        .filter(crate::entities::membership::Column::NetworkId.eq(e.network_id))
        .filter(crate::entities::membership::Column::OrganisationId.eq(e.organisation_id))
        .one(txn)
        .await?;
    if membership.is_none_or(|m| m.status.0 != MembershipStatus::Former) {
        return Ok(());
    }
    // Only the campaigns it has an active pledge on are locked, not every open one.
    let pledged: Vec<i64> = pledge::Entity::find()
        .select_only()
        .column(pledge::Column::CampaignId)
        .filter(pledge::Column::OrganisationId.eq(e.organisation_id))
        .filter(pledge::Column::Status.eq(PledgeStatus::Active.as_str()))
        .into_tuple()
        .all(txn)
        .await?;
    let open: Vec<campaign::Model> = campaign::Entity::find()
        .filter(campaign::Column::Id.is_in(pledged))
        .filter(campaign::Column::NetworkId.eq(e.network_id))
        .filter(campaign::Column::Status.eq(CampaignStatus::Open.as_str()))
        .order_by_asc(campaign::Column::Id)
        .all(txn)
        .await?;
    let now = crate::clock::now();
    for c in open {
        let Some(c) = locked(txn, c.proposal_id).await? else {
            continue;
        };
        if takes_pledges(&c, now).is_err() {
            continue;
        }
        let Some(p) = pledge::Entity::find()
            .filter(pledge::Column::CampaignId.eq(c.id))
            .filter(pledge::Column::OrganisationId.eq(e.organisation_id))
            .filter(pledge::Column::Status.eq(PledgeStatus::Active.as_str()))
            .one(txn)
            .await?
        else {
            continue;
        };
        super::pledging::remove(
            txn,
            &Doer::system(),
            e.network_id,
            &c,
            p,
            TimelineKind::PledgeReleased,
            "pledge.release",
        )
        .await?;
    }
    Ok(())
}
