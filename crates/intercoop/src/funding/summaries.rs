//! The list summary of each campaign (coverage, participants, active pledges) and each
//! proposal's number of interested organisations, kept as columns by the writes that
//! change them so that the proposal list never loads pledges (see migration 6), and
//! rebuilt from the pledges when a migration asks for it ([`REBUILD_SUMMARIES`]).

use super::campaign::participants_of;
use super::entities::campaign;
use super::terms::terms_of;
use crate::db::migrations::Rebuild;
use crate::error::{AppError, AppResult};
use intercoop_domain::sharing::{Shares, compute_shares};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// Writes a campaign's list summary (coverage, participants, active pledges) from its
/// current split, so that the proposal list never loads pledges (see migration 6), and
/// marks it for the daily digest when `others_changed` (see `digest`).
pub async fn store_summary<C: ConnectionTrait>(
    conn: &C,
    campaign_id: i64,
    shares: &Shares,
    pledges: usize,
    others_changed: bool,
) -> AppResult<()> {
    store_summaries(
        conn,
        &[Summary {
            campaign_id,
            shares,
            pledges,
            others_changed,
        }],
    )
    .await
}

/// A campaign's list summary, to store.
pub struct Summary<'a> {
    pub campaign_id: i64,
    pub shares: &'a Shares,
    pub pledges: usize,
    /// Whether the change moved an earlier participant's share (the digest reports it).
    pub others_changed: bool,
}

/// [`store_summary`] for several campaigns in one statement (a batch of pledges).
pub async fn store_summaries<C: ConnectionTrait>(conn: &C, summaries: &[Summary<'_>]) -> AppResult<()> {
    use sea_orm::sea_query::CaseStatement;
    if summaries.is_empty() {
        return Ok(());
    }
    let by_campaign = |value: &dyn Fn(&Summary) -> Expr| {
        summaries.iter().fold(CaseStatement::new(), |case, s| {
            case.case(campaign::Column::Id.eq(s.campaign_id), value(s))
        })
    };
    let covered = by_campaign(&|s| Expr::val(s.shares.covered.cents()));
    let participants = by_campaign(&|s| Expr::val(s.shares.participant_lines().count() as i64));
    let pledges = by_campaign(&|s| Expr::val(s.pledges as i64));
    let mut update = campaign::Entity::update_many()
        .col_expr(campaign::Column::CoveredCents, covered.into())
        .col_expr(campaign::Column::ParticipantCount, participants.into())
        .col_expr(campaign::Column::PledgeCount, pledges.into());
    let due: Vec<i64> = summaries
        .iter()
        .filter(|s| s.others_changed)
        .map(|s| s.campaign_id)
        .collect();
    if !due.is_empty() {
        let digest_due = CaseStatement::new()
            .case(campaign::Column::Id.is_in(due), Expr::val(true))
            .finally(Expr::col(campaign::Column::DigestDue));
        update = update.col_expr(campaign::Column::DigestDue, digest_due.into());
    }
    update
        .filter(campaign::Column::Id.is_in(summaries.iter().map(|s| s.campaign_id)))
        .exec(conn)
        .await?;
    Ok(())
}

/// Recomputes a campaign's list summary from its stored pledges and adopters.
pub async fn refresh_summary<C: ConnectionTrait>(conn: &C, campaign_id: i64) -> AppResult<()> {
    let c = campaign::Entity::find_by_id(campaign_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut parts = participants_of(conn, &[c.id]).await?;
    let (mut pledged, adopters) = parts.remove(&c.id).unwrap_or_default();
    let pledges = pledged.len();
    pledged.extend(adopters);
    // Every stored split was computed when it was written: one that cannot be now is an
    // internal error naming the campaign, never "nothing covered".
    let shares = compute_shares(&terms_of(&c), &pledged)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("campaign {}: its split cannot be computed: {e}", c.id)))?;
    store_summary(conn, c.id, &shares, pledges, false).await
}

/// Recomputes every list summary ([`refresh_all_summaries`]): asked for by migration 6,
/// which added the columns, and run after the last migration.
pub const REBUILD_SUMMARIES: Rebuild = Rebuild {
    name: "funding.summaries",
    run: |txn| Box::pin(refresh_all_summaries(txn)),
};

/// Fills the summaries of every proposal (interested organisations) and every campaign
/// (coverage, participants, active pledges) from the rows they summarise.
pub async fn refresh_all_summaries(conn: &sea_orm::DatabaseTransaction) -> Result<(), sea_orm::DbErr> {
    use sea_orm::QuerySelect;
    let count = Query::select()
        .expr(Expr::col(("i", "id")).count())
        .from_as("proposal_interests", "i")
        .and_where(Expr::col(("i", "proposal_id")).equals(("proposals", "id")))
        .take();
    conn.execute(Query::update().table("proposals").value(
        "interest_count",
        Expr::SubQuery(
            None,
            Box::new(sea_orm::sea_query::SubQueryStatement::SelectStatement(count)),
        ),
    ))
    .await?;
    let ids: Vec<i64> = campaign::Entity::find()
        .select_only()
        .column(campaign::Column::Id)
        .into_tuple()
        .all(conn)
        .await?;
    for id in ids {
        refresh_summary(conn, id).await.map_err(|e| match e {
            AppError::Db(e) => e,
            other => sea_orm::DbErr::Custom(other.to_string()),
        })?;
    }
    Ok(())
}
