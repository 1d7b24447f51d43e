//! Pledges, the hot write of a co-funding: one at a time in the caller's transaction
//! ([`pledge`], the seed and the demo), or several committed together
//! ([`pledge_committed`], the page and the API; see `db::Batcher`).
//!
//! A batch issues the same statements as a single pledge, whatever its size and the
//! number of participants: the members among the organisations, the campaigns (locked),
//! their pledges, then one insert of the pledges, one update of the campaigns' list
//! summaries, one insert of the timeline events and one of the audit entries. The
//! others' new shares are not written: the campaign is marked and the daily digest
//! works them out (see `digest`).
//!
//! Each request is decided in arrival order against the campaign as the requests before
//! it in the batch left it, so a batch gives exactly what the same pledges one after
//! the other would: the same shares, the same refusals (409 for an organisation that
//! pledged just before, in the batch or not).

use super::campaign::{Locked, current_shares, join_preview, open_locked, shares_moved, takes_pledges};
use super::entities::{campaign, pledge};
use super::summaries::{self, store_summary};
use crate::access::Doer;
use crate::audit::{self, Change};
use crate::db;
use crate::entities::{membership, organisation};
use crate::error::{AppError, AppResult};
use crate::organisations::data::names;
use crate::timeline::{self, EventInput, TimelineKind, add_event};
use intercoop_domain::Money;
use intercoop_domain::funding::{CampaignStatus, PledgeStatus};
use intercoop_domain::sharing::{Participant, Shares};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One organisation joining one proposal's campaign, optionally with a cap.
#[derive(Debug, Clone)]
pub struct PledgeRequest {
    pub doer: Doer,
    pub proposal_id: i64,
    pub network_id: i64,
    pub organisation_id: i64,
    pub cap_cents: Option<i64>,
    /// The id of the HTTP request, for the audit entry (the batch runs on another task).
    pub request_id: String,
    /// The server's clock (the batch runs on the writer's thread, outside the request).
    pub clock: std::sync::Arc<dyn crate::clock::Clock>,
    /// The request's `Idempotency-Key`: its answer is stored in the batch's transaction.
    pub claim: Option<crate::idempotency::Claim>,
}

impl PledgeRequest {
    /// `proposal_id` as asked (a proposal of another network answers 404).
    pub fn new(
        doer: Doer,
        network_id: i64,
        proposal_id: i64,
        organisation_id: i64,
        cap_cents: Option<i64>,
    ) -> PledgeRequest {
        PledgeRequest {
            doer,
            proposal_id,
            network_id,
            organisation_id,
            cap_cents,
            request_id: audit::current_request_id(),
            clock: crate::clock::current(),
            claim: crate::idempotency::Claim::current(),
        }
    }
}

/// The queue of pledges waiting for the writer (see `db::Batcher`).
pub type PledgeQueue = db::Batcher<PledgeRequest, AppResult<Pledged>>;

/// Starts the pledge queue of an instance.
pub fn queue(db: &db::Db) -> PledgeQueue {
    db.batcher(|conn, requests| Box::pin(commit_batch(conn, requests)))
}

/// A pledge in a transaction of its own, committed (with the others waiting) before it
/// returns. Nothing is read beforehand: the batch reads the proposals' campaigns, their
/// pledges and the organisations' names, all it needs to decide and to answer.
pub async fn pledge_committed(
    queue: &PledgeQueue,
    doer: Doer,
    network_id: i64,
    proposal_id: i64,
    organisation_id: i64,
    cap_cents: Option<i64>,
) -> AppResult<Pledged> {
    queue
        .call(PledgeRequest::new(
            doer,
            network_id,
            proposal_id,
            organisation_id,
            cap_cents,
        ))
        .await
}

/// Commits `requests` in one transaction and answers each, in order. When it fails as a
/// whole (a database error, not a refusal), each request is tried again alone, so that
/// only the one at fault fails.
pub async fn commit_batch(conn: db::Writer, requests: Vec<PledgeRequest>) -> Vec<AppResult<Pledged>> {
    // One server, one clock: the batch runs at its requests' time.
    let clock = match requests.first() {
        Some(r) => r.clock.clone(),
        None => return Vec::new(),
    };
    crate::clock::scoped(clock, commit_batch_now(conn, requests)).await
}

async fn commit_batch_now(conn: db::Writer, requests: Vec<PledgeRequest>) -> Vec<AppResult<Pledged>> {
    match in_transaction(&conn, &requests).await {
        Ok(results) => results,
        Err(e) if requests.len() == 1 => vec![Err(e)],
        Err(e) => {
            tracing::warn!(error = %e, pledges = requests.len(), "a batch of pledges failed; each is tried alone");
            let mut results = Vec::with_capacity(requests.len());
            for r in &requests {
                results.push(match in_transaction(&conn, std::slice::from_ref(r)).await {
                    Ok(mut one) => one.pop().expect("one result per request"),
                    Err(e) => Err(e),
                });
            }
            results
        }
    }
}

async fn in_transaction(conn: &db::Writer, requests: &[PledgeRequest]) -> AppResult<Vec<AppResult<Pledged>>> {
    let txn = conn.begin().await?;
    let mut results = pledge_many(&txn, requests).await?;
    // A request with an Idempotency-Key stores its answer with its pledge.
    let mut stored = Vec::new();
    for (r, result) in requests.iter().zip(results.iter_mut()) {
        let (Some(claim), Ok(pledged)) = (&r.claim, result) else {
            continue;
        };
        let answer = super::views::shares_out_with_caps(&txn, &pledged.shares, &pledged.caps, &pledged.names).await?;
        if !claim.store(&txn, axum::http::StatusCode::CREATED, &answer).await? {
            // A retry with the same key answered first (in this batch or before it): the
            // batch is rolled back and its requests tried alone, where this one answers
            // what the first stored.
            return Err(AppError::Conflict("idempotency-in-progress"));
        }
        pledged.answer = Some(answer);
        stored.push(claim);
    }
    txn.commit().await?;
    for claim in stored {
        claim.committed();
    }
    Ok(results)
}

/// What the split needs of a pledge, and its organisation's name for the answer.
#[derive(Debug, sea_orm::FromQueryResult)]
struct PledgeTerms {
    campaign_id: i64,
    organisation_id: i64,
    size: Option<i64>,
    cap_cents: Option<i64>,
    name: String,
}

impl PledgeTerms {
    fn participant(&self) -> Participant {
        Participant {
            organisation_id: self.organisation_id,
            size: self.size.and_then(|s| u64::try_from(s).ok()),
            cap: self.cap_cents.map(Money::from_cents),
        }
    }
}

/// An organisation that is a member of a network.
#[derive(Debug, sea_orm::FromQueryResult)]
struct Member {
    network_id: i64,
    id: i64,
    name: String,
    size: Option<i64>,
}

/// A campaign as the batch leaves it.
struct Joined {
    campaign: campaign::Model,
    /// Its pledges, oldest first (those stored, then the batch's).
    pledges: Vec<PledgeTerms>,
    shares: Option<Shares>,
    /// Whether a pledge of the batch moved an earlier participant's share.
    others_changed: bool,
}

/// A request the batch accepted, before it is written.
struct Accepted<'a> {
    request: &'a PledgeRequest,
    campaign_id: i64,
    org_name: String,
    row: pledge::ActiveModel,
    pledged: Pledged,
}

/// Decides and writes `requests` in the caller's transaction, in order. The outer error
/// is a database error (the transaction must be rolled back); each inner result is one
/// request's answer.
pub async fn pledge_many<C: ConnectionTrait>(
    conn: &C,
    requests: &[PledgeRequest],
) -> AppResult<Vec<AppResult<Pledged>>> {
    let members = members(conn, requests).await?;
    let mut campaigns = campaigns(conn, requests).await?;
    let without_campaign = proposals_without_campaign(conn, requests, &campaigns).await?;
    let mut results: Vec<Option<AppResult<Pledged>>> = Vec::with_capacity(requests.len());
    let mut accepted: Vec<(usize, Accepted)> = Vec::new();
    for (i, r) in requests.iter().enumerate() {
        match decide(r, &members, &without_campaign, &mut campaigns) {
            Ok(a) => {
                results.push(None);
                accepted.push((i, a));
            }
            Err(e) => results.push(Some(Err(e))),
        }
    }
    if !accepted.is_empty() {
        write(conn, &accepted, &campaigns).await?;
    }
    for (i, a) in accepted {
        results[i] = Some(Ok(a.pledged));
    }
    Ok(results.into_iter().map(|r| r.expect("every request decided")).collect())
}

/// The organisations of `requests` that are members of the request's network.
async fn members<C: ConnectionTrait>(conn: &C, requests: &[PledgeRequest]) -> AppResult<HashMap<(i64, i64), Member>> {
    let orgs: BTreeSet<i64> = requests.iter().map(|r| r.organisation_id).collect();
    let networks: BTreeSet<i64> = requests.iter().map(|r| r.network_id).collect();
    let q = Query::select()
        .column((membership::Entity, membership::Column::NetworkId))
        .columns([
            (organisation::Entity, organisation::Column::Id),
            (organisation::Entity, organisation::Column::Name),
        ])
        .column((membership::Entity, membership::Column::Size))
        .from(membership::Entity)
        .inner_join(
            organisation::Entity,
            Expr::col((organisation::Entity, organisation::Column::Id))
                .equals((membership::Entity, membership::Column::OrganisationId)),
        )
        .and_where(Expr::col((membership::Entity, membership::Column::OrganisationId)).is_in(orgs))
        .and_where(Expr::col((membership::Entity, membership::Column::NetworkId)).is_in(networks))
        .and_where(Expr::col((membership::Entity, membership::Column::Status)).eq("member"))
        .take();
    let rows: Vec<Member> = db::fetch_all(conn, &q).await?;
    Ok(rows.into_iter().map(|m| ((m.network_id, m.id), m)).collect())
}

/// The campaigns of `requests`' proposals, locked, with their pledges, by proposal.
///
/// BACKEND-SPECIFIC: PostgreSQL locks the rows (`SELECT … FOR UPDATE`, in id order so
/// that two instances' batches cannot deadlock). On SQLite the single writer connection
/// serialises writes.
async fn campaigns<C: ConnectionTrait>(conn: &C, requests: &[PledgeRequest]) -> AppResult<HashMap<i64, Joined>> {
    let proposals: BTreeSet<i64> = requests.iter().map(|r| r.proposal_id).collect();
    let mut q = campaign::Entity::find()
        .filter(campaign::Column::ProposalId.is_in(proposals))
        .order_by_asc(campaign::Column::Id);
    if conn.get_database_backend() == DatabaseBackend::Postgres {
        q = q.lock_exclusive();
    }
    let found = q.all(conn).await?;
    // An open campaign has only active pledges and no adopters (catch-ups come after delivery).
    let open: Vec<i64> = found
        .iter()
        .filter(|c| c.status == CampaignStatus::Open)
        .map(|c| c.id)
        .collect();
    let mut pledges: HashMap<i64, Vec<PledgeTerms>> = HashMap::new();
    if !open.is_empty() {
        let q = Query::select()
            .columns([
                (pledge::Entity, pledge::Column::CampaignId),
                (pledge::Entity, pledge::Column::OrganisationId),
                (pledge::Entity, pledge::Column::Size),
                (pledge::Entity, pledge::Column::CapCents),
            ])
            .column((organisation::Entity, organisation::Column::Name))
            .from(pledge::Entity)
            .inner_join(
                organisation::Entity,
                Expr::col((organisation::Entity, organisation::Column::Id))
                    .equals((pledge::Entity, pledge::Column::OrganisationId)),
            )
            .and_where(Expr::col((pledge::Entity, pledge::Column::CampaignId)).is_in(open))
            .order_by((pledge::Entity, pledge::Column::Id), sea_orm::Order::Asc)
            .take();
        let rows: Vec<PledgeTerms> = db::fetch_all(conn, &q).await?;
        for row in rows {
            pledges.entry(row.campaign_id).or_default().push(row);
        }
    }
    Ok(found
        .into_iter()
        .map(|c| {
            let list = pledges.remove(&c.id).unwrap_or_default();
            (
                c.proposal_id,
                Joined {
                    campaign: c,
                    pledges: list,
                    shares: None,
                    others_changed: false,
                },
            )
        })
        .collect())
}

/// The requests' proposals that are in the request's network but have no campaign (a
/// 409, where an unknown proposal is a 404): a query only when there are some.
async fn proposals_without_campaign<C: ConnectionTrait>(
    conn: &C,
    requests: &[PledgeRequest],
    campaigns: &HashMap<i64, Joined>,
) -> AppResult<BTreeSet<(i64, i64)>> {
    let asked: BTreeSet<(i64, i64)> = requests
        .iter()
        .filter(|r| !campaign_in_network(campaigns, r))
        .map(|r| (r.network_id, r.proposal_id))
        .collect();
    if asked.is_empty() {
        return Ok(BTreeSet::new());
    }
    // The proposals table is read by name: the co-funding sits below the proposals feature.
    #[derive(sea_orm::FromQueryResult)]
    struct Found {
        network_id: i64,
        id: i64,
    }
    let q = Query::select()
        .columns(["network_id", "id"])
        .from("proposals")
        .and_where(Expr::col("id").is_in(asked.iter().map(|(_, p)| *p)))
        .take();
    let found: Vec<(i64, i64)> = db::fetch_all::<Found, _>(conn, &q)
        .await?
        .into_iter()
        .map(|f| (f.network_id, f.id))
        .collect();
    Ok(found.into_iter().filter(|k| asked.contains(k)).collect())
}

/// Whether the request's proposal has a campaign in the request's network.
fn campaign_in_network(campaigns: &HashMap<i64, Joined>, r: &PledgeRequest) -> bool {
    campaigns
        .get(&r.proposal_id)
        .is_some_and(|j| j.campaign.network_id == r.network_id)
}

/// Decides one request against the campaign as the batch left it so far, and if it is
/// accepted, adds it to the campaign. Refusals in the order a single pledge checks: the
/// proposal (404 outside the network), the cap, membership, the right to speak for the
/// organisation, the campaign, a pledge already there.
fn decide<'a>(
    r: &'a PledgeRequest,
    members: &HashMap<(i64, i64), Member>,
    without_campaign: &BTreeSet<(i64, i64)>,
    campaigns: &mut HashMap<i64, Joined>,
) -> AppResult<Accepted<'a>> {
    let has_campaign = campaign_in_network(campaigns, r);
    if !has_campaign && !without_campaign.contains(&(r.network_id, r.proposal_id)) {
        return Err(AppError::NotFound);
    }
    if r.cap_cents.is_some_and(|c| c < 0) {
        return Err(AppError::invalid("cap_cents", "proposals-negative-cap"));
    }
    let org = members
        .get(&(r.network_id, r.organisation_id))
        .ok_or_else(|| AppError::invalid("organisation_id", "proposals-not-member"))?;
    if !super::policy::pledge_for(&r.doer, r.organisation_id) {
        return Err(AppError::Forbidden);
    }
    let joined = campaigns
        .get_mut(&r.proposal_id)
        .filter(|_| has_campaign)
        .ok_or(AppError::Conflict("proposals-no-campaign"))?;
    let c = &joined.campaign;
    takes_pledges(c, crate::clock::now())?;
    if joined.pledges.iter().any(|pl| pl.organisation_id == r.organisation_id) {
        return Err(AppError::Conflict("proposals-already-pledged"));
    }
    let participants: Vec<Participant> = joined.pledges.iter().map(PledgeTerms::participant).collect();
    let newcomer = Participant {
        organisation_id: org.id,
        size: org.size.and_then(|s| u64::try_from(s).ok()),
        cap: r.cap_cents.map(Money::from_cents),
    };
    let preview = join_preview(c, &participants, newcomer)?;
    let now = db::now();
    let row = pledge::ActiveModel {
        campaign_id: sea_orm::Set(c.id),
        organisation_id: sea_orm::Set(r.organisation_id),
        person_id: sea_orm::Set(r.doer.person_id),
        cap_cents: sea_orm::Set(r.cap_cents),
        size: sea_orm::Set(org.size),
        status: sea_orm::Set(PledgeStatus::Active.into()),
        created_at: sea_orm::Set(now),
        // The newcomer saw its share before pledging: the digest tells it only later changes.
        notified_cents: sea_orm::Set(Some(
            preview
                .after
                .amount_of(r.organisation_id)
                .unwrap_or(Money::ZERO)
                .cents(),
        )),
        ..Default::default()
    };
    joined.others_changed |= shares_moved(&preview.before, &preview.after);
    joined.pledges.push(PledgeTerms {
        campaign_id: c.id,
        organisation_id: r.organisation_id,
        size: org.size,
        cap_cents: r.cap_cents,
        name: org.name.clone(),
    });
    let caps = joined
        .pledges
        .iter()
        .map(|pl| (pl.organisation_id, pl.cap_cents))
        .collect::<BTreeMap<_, _>>();
    let names = joined
        .pledges
        .iter()
        .map(|pl| (pl.organisation_id, pl.name.clone()))
        .collect::<BTreeMap<_, _>>();
    joined.shares = Some(preview.after.clone());
    Ok(Accepted {
        request: r,
        campaign_id: c.id,
        org_name: org.name.clone(),
        row,
        pledged: Pledged {
            shares: preview.after,
            caps,
            names,
            answer: None,
        },
    })
}

/// Writes the accepted pledges, the campaigns' summaries, the timeline events and the
/// audit entries: four statements.
async fn write<C: ConnectionTrait>(
    conn: &C,
    accepted: &[(usize, Accepted<'_>)],
    campaigns: &HashMap<i64, Joined>,
) -> AppResult<()> {
    let rows = pledge::Entity::insert_many(accepted.iter().map(|(_, a)| a.row.clone()))
        .exec_with_returning(conn)
        .await?;
    // Matched by (campaign, organisation), unique: RETURNING's order is not promised.
    let stored: HashMap<(i64, i64), pledge::Model> = rows
        .into_iter()
        .map(|row| ((row.campaign_id, row.organisation_id), row))
        .collect();
    let summaries: Vec<summaries::Summary> = campaigns
        .values()
        .filter_map(|j| {
            j.shares.as_ref().map(|shares| summaries::Summary {
                campaign_id: j.campaign.id,
                shares,
                pledges: j.pledges.len(),
                others_changed: j.others_changed,
            })
        })
        .collect();
    summaries::store_summaries(conn, &summaries).await?;
    timeline::event::Entity::insert_many(accepted.iter().map(|(_, a)| {
        timeline::event_row(
            a.request.proposal_id,
            &a.request.doer,
            EventInput {
                kind: TimelineKind::Pledge,
                from: None,
                to: None,
                reason: a.org_name.clone(),
                poll_id: None,
            },
        )
    }))
    .exec_without_returning(conn)
    .await?;
    let mut entries = Vec::with_capacity(accepted.len());
    for (_, a) in accepted {
        let row = stored
            .get(&(a.campaign_id, a.request.organisation_id))
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("a pledge was not stored")))?;
        entries.push(audit::entry(
            Change {
                network_id: Some(a.request.network_id),
                actor: a.request.doer.audit_actor(),
                action: "pledge.create",
                entity: "pledge",
                entity_id: Some(row.id),
            },
            None::<&()>,
            Some(row),
            a.request.request_id.clone(),
        ));
    }
    audit::record_all(conn, entries).await?;
    Ok(())
}

/// What a pledge leaves: the new split, and each pledger's cap and name.
pub struct Pledged {
    pub shares: Shares,
    pub caps: BTreeMap<i64, Option<i64>>,
    pub names: BTreeMap<i64, String>,
    /// The API's answer, when it was stored with the pledge (an `Idempotency-Key`).
    pub answer: Option<super::views::SharesOut>,
}

/// A pledge, in the caller's transaction: the organisation joins the campaign,
/// optionally with a cap. See `pledging` (the page and the API commit pledges in
/// batches through `pledging::pledge_committed`).
pub async fn pledge<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    network_id: i64,
    proposal_id: i64,
    organisation_id: i64,
    cap_cents: Option<i64>,
) -> AppResult<Pledged> {
    let request = PledgeRequest::new(doer.clone(), network_id, proposal_id, organisation_id, cap_cents);
    let mut results = pledge_many(conn, std::slice::from_ref(&request)).await?;
    results.pop().expect("one result per request")
}

/// Withdraws a pledge while the campaign of a proposal (of `network_id`, checked by the
/// caller) is open.
pub async fn withdraw<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    network_id: i64,
    proposal_id: i64,
    organisation_id: i64,
) -> AppResult<Shares> {
    crate::access::require(super::policy::pledge_for(doer, organisation_id))?;
    let c = open_locked(conn, proposal_id).await?;
    takes_pledges(&c, crate::clock::now())?;
    let existing = pledge::Entity::find()
        .filter(pledge::Column::CampaignId.eq(c.id))
        .filter(pledge::Column::OrganisationId.eq(organisation_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    remove(
        conn,
        doer,
        network_id,
        &c,
        existing,
        TimelineKind::PledgeWithdrawn,
        "pledge.withdraw",
    )
    .await
}

/// Takes a pledge off its open campaign (held locked), in the caller's transaction: the
/// shares are worked out again (the others' moved shares go to the daily digest), the
/// proposal's timeline says it (`kind`, with the organisation's name) and the audit log
/// records `action` with the pledge as it was.
pub(super) async fn remove<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    network_id: i64,
    c: &Locked,
    existing: pledge::Model,
    kind: TimelineKind,
    action: &'static str,
) -> AppResult<Shares> {
    let (proposal_id, organisation_id) = (c.proposal_id, existing.organisation_id);
    let before = current_shares(conn, c).await?;
    pledge::Entity::delete_by_id(existing.id).exec(conn).await?;
    let after = current_shares(conn, c).await?;
    let pledges = sea_orm::PaginatorTrait::count(
        pledge::Entity::find()
            .filter(pledge::Column::CampaignId.eq(c.id))
            .filter(pledge::Column::Status.eq(PledgeStatus::Active.as_str())),
        conn,
    )
    .await?;
    store_summary(conn, c.id, &after, pledges as usize, shares_moved(&before, &after)).await?;
    add_event(
        conn,
        proposal_id,
        doer,
        EventInput {
            kind,
            from: None,
            to: None,
            reason: names(conn, &[organisation_id])
                .await?
                .remove(&organisation_id)
                .unwrap_or_default(),
            poll_id: None,
        },
    )
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor: doer.audit_actor(),
            action,
            entity: "pledge",
            entity_id: Some(existing.id),
        },
        Some(&existing),
        None::<&()>,
    )
    .await?;
    Ok(after)
}
