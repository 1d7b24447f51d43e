//! What the co-funding tells, and to whom (decided when each email is made, by the
//! notification service, in each reader's language):
//!
//! | kind | who | when |
//! |---|---|---|
//! | `campaign_opened` | the sitting representative of every member organisation | a campaign opens |
//! | `campaign_funded` | the people of every organisation that takes part | it closes funded |
//! | `payment_request` | the sitting representative of the organisation that owes | a payment request is made (funded, catch-up) |
//! | `campaign_lapsed` | the people of the pledgers and of the requesting organisation | it closes lapsed |
//! | `campaign_withdrawn` | the same | the proposal is withdrawn while its co-funding is open |
//! | `catch_up_credit` | the sitting representative of each credited organisation | a late adopter pays a catch-up share |
//! | `share_digest` | the people of the organisations whose share moved since the last digest | daily, 17:00 in the network's time zone |

use super::digest;
use super::entities::{campaign, pledge};
use crate::db;
use crate::error::AppResult;
use crate::money::entities::payment_request;
use crate::notifications::recipients::{people, people_of, representatives};
use crate::notifications::{Addressee, Audiences, Kind, Line, Notice, Var, audience, notify};
use crate::organisations::data::names;
use intercoop_domain::payments::PaymentPurpose;
use intercoop_domain::sharing::Shares;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, BTreeSet};

/// The proposal a campaign funds, as its emails name it.
pub struct ProposalRef {
    pub id: i64,
    pub network_id: i64,
    pub title: String,
    pub requested_by: i64,
}

impl ProposalRef {
    fn link(&self) -> String {
        format!("/proposals/{}", self.id)
    }
}

/// The proposal of a campaign, read by name (the co-funding sits below the proposals
/// feature).
pub async fn proposal_of<C: ConnectionTrait>(conn: &C, c: &campaign::Model) -> AppResult<ProposalRef> {
    #[derive(sea_orm::FromQueryResult)]
    struct Row {
        id: i64,
        network_id: i64,
        title: String,
        requested_by: i64,
    }
    let q = Query::select()
        .columns(["id", "network_id", "title", "requested_by"])
        .from("proposals")
        .and_where(Expr::col("id").eq(c.proposal_id))
        .and_where(Expr::col("network_id").eq(c.network_id))
        .take();
    let r = db::fetch_one::<Row, _>(conn, &q)
        .await?
        .ok_or(crate::error::AppError::NotFound)?;
    Ok(ProposalRef {
        id: r.id,
        network_id: r.network_id,
        title: r.title,
        requested_by: r.requested_by,
    })
}

/// The audiences of this feature's notices, and its daily share changes.
pub fn audiences(a: Audiences) -> Audiences {
    a.daily(daily_share_changes)
        .with(
            Kind::CampaignOpened,
            audience(|conn, n| Box::pin(async move { Ok(people(representatives(conn, n.network_id, None).await?)) })),
        )
        .with(
            Kind::CampaignFunded,
            audience(|conn, n| Box::pin(async move { participants(conn, n).await })),
        )
        .with(
            Kind::CampaignLapsed,
            audience(|conn, n| Box::pin(async move { pledgers_and_requester(conn, n).await })),
        )
        .with(
            Kind::CampaignWithdrawn,
            audience(|conn, n| Box::pin(async move { pledgers_and_requester(conn, n).await })),
        )
        .with(
            Kind::PaymentRequest,
            audience(|conn, n| Box::pin(async move { debtor(conn, n).await })),
        )
        .with(
            Kind::CatchUpCredit,
            audience(|conn, n| Box::pin(async move { credited(conn, n).await })),
        )
}

/// A campaign opened (its announcement, once).
pub async fn opened<C: ConnectionTrait>(conn: &C, c: &campaign::Model) -> AppResult<()> {
    let p = proposal_of(conn, c).await?;
    let notice = Notice::new(Kind::CampaignOpened, c.network_id)
        .about(c.id)
        .text("title", p.title.clone())
        .var("amount", Var::Money(c.amount_cents))
        .var("deadline", Var::Date(c.deadline))
        .link(p.link());
    notify(conn, notice, Some(format!("campaign_opened:{}", c.id))).await
}

/// Funded: every participant is told, and each its payment request.
pub async fn funded<C: ConnectionTrait>(
    conn: &C,
    p: &ProposalRef,
    c: &campaign::Model,
    shares: &Shares,
    requests: &[payment_request::Model],
) -> AppResult<()> {
    let notice = Notice::new(Kind::CampaignFunded, p.network_id)
        .about(c.id)
        .text("title", p.title.clone())
        .var("amount", Var::Money(shares.total.cents()))
        .var("count", Var::Num(shares.lines.len() as i64))
        .link(p.link());
    notify(conn, notice, Some(format!("campaign_funded:{}", c.id))).await?;
    for r in requests {
        payment_requested(conn, p, r).await?;
    }
    Ok(())
}

/// A payment request made: its organisation's representative is told what to pay.
pub async fn payment_requested<C: ConnectionTrait>(
    conn: &C,
    p: &ProposalRef,
    r: &payment_request::Model,
) -> AppResult<()> {
    let notice = Notice::new(Kind::PaymentRequest, p.network_id)
        .about(r.id)
        .text("title", p.title.clone())
        .var("amount", Var::Money(r.amount_cents))
        .var("due", Var::Date(r.due_at))
        .var("id", Var::Num(r.id))
        .text("number", crate::money::requests::number_of(r))
        .text("reference", crate::money::requests::printed_reference(&r.reference))
        .text("purpose", r.purpose.as_str())
        .var("credit", Var::Money(r.credit_cents))
        .text("credit_part", if r.credit_cents > 0 { "1" } else { "" })
        .link(format!("/money/requests/{}", r.id));
    notify(conn, notice, Some(format!("payment_request:{}", r.id))).await
}

/// Lapsed: the pledgers and the requesting organisation are told (pledges released).
pub async fn lapsed<C: ConnectionTrait>(
    conn: &C,
    p: &ProposalRef,
    c: &campaign::Model,
    shares: &Shares,
) -> AppResult<()> {
    released(conn, Kind::CampaignLapsed, p, c, shares).await
}

/// Withdrawn while open: the pledgers and the requesting organisation are told that the
/// pledges (`covered` of `amount`) are released; the page says why (its timeline).
pub async fn withdrawn<C: ConnectionTrait>(
    conn: &C,
    p: &ProposalRef,
    c: &campaign::Model,
    shares: &Shares,
) -> AppResult<()> {
    released(conn, Kind::CampaignWithdrawn, p, c, shares).await
}

/// A campaign ended without funding (`kind`: lapsed or withdrawn), once per campaign.
async fn released<C: ConnectionTrait>(
    conn: &C,
    kind: Kind,
    p: &ProposalRef,
    c: &campaign::Model,
    shares: &Shares,
) -> AppResult<()> {
    let notice = Notice::new(kind, p.network_id)
        .about(c.id)
        .text("title", p.title.clone())
        .var("covered", Var::Money(shares.covered.cents()))
        .var("amount", Var::Money(shares.total.cents()))
        .var("requested_by", Var::Num(p.requested_by))
        .link(p.link());
    notify(conn, notice, Some(format!("{kind}:{}", c.id))).await
}

/// A late adopter: its payment request, and each credited funder is told its credit.
pub async fn adopted<C: ConnectionTrait>(
    conn: &C,
    p: &ProposalRef,
    adopter: i64,
    catch_up_id: i64,
    request: &payment_request::Model,
    credits: &[super::catch_up::CreditOut],
) -> AppResult<()> {
    payment_requested(conn, p, request).await?;
    let adopter_name = names(conn, &[adopter]).await?.remove(&adopter).unwrap_or_default();
    for cr in credits {
        let notice = Notice::new(Kind::CatchUpCredit, p.network_id)
            .about(catch_up_id)
            .text("title", p.title.clone())
            .text("adopter", adopter_name.clone())
            .var("amount", Var::Money(cr.amount_cents))
            .var("organisation_id", Var::Num(cr.organisation_id))
            .link("/proposals/commitments");
        notify(
            conn,
            notice,
            Some(format!("catch_up_credit:{catch_up_id}:{}", cr.organisation_id)),
        )
        .await?;
    }
    Ok(())
}

fn num(n: &Notice, name: &str) -> Option<i64> {
    match n.vars.get(name) {
        Some(Var::Num(v)) => Some(*v),
        _ => None,
    }
}

/// The organisations of a funded campaign's payment requests (every participant with a
/// share to pay, fixed contributors included): their people.
async fn participants<C: ConnectionTrait>(conn: &C, n: &Notice) -> AppResult<Vec<Addressee>> {
    let Some(campaign_id) = n.about else {
        return Ok(Vec::new());
    };
    let orgs: BTreeSet<i64> = payment_request::Entity::find()
        .filter(payment_request::Column::CampaignId.eq(campaign_id))
        .filter(payment_request::Column::Purpose.eq(PaymentPurpose::CoFunding.as_str()))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.organisation_id)
        .collect();
    let orgs: Vec<i64> = orgs.into_iter().collect();
    Ok(people(people_of(conn, n.network_id, &orgs).await?))
}

/// The organisations that pledged to a lapsed campaign, and the requester: their people.
async fn pledgers_and_requester<C: ConnectionTrait>(conn: &C, n: &Notice) -> AppResult<Vec<Addressee>> {
    let Some(campaign_id) = n.about else {
        return Ok(Vec::new());
    };
    let mut orgs: BTreeSet<i64> = pledge::Entity::find()
        .filter(pledge::Column::CampaignId.eq(campaign_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| p.organisation_id)
        .collect();
    orgs.extend(num(n, "requested_by"));
    let orgs: Vec<i64> = orgs.into_iter().collect();
    Ok(people(people_of(conn, n.network_id, &orgs).await?))
}

/// The representative of the organisation a payment request is for.
async fn debtor<C: ConnectionTrait>(conn: &C, n: &Notice) -> AppResult<Vec<Addressee>> {
    let Some(id) = n.about else {
        return Ok(Vec::new());
    };
    let Some(r) = payment_request::Entity::find_by_id(id).one(conn).await? else {
        return Ok(Vec::new());
    };
    Ok(people(
        representatives(conn, n.network_id, Some(&[r.organisation_id])).await?,
    ))
}

/// The representative of the credited organisation.
async fn credited<C: ConnectionTrait>(conn: &C, n: &Notice) -> AppResult<Vec<Addressee>> {
    let Some(org) = num(n, "organisation_id") else {
        return Ok(Vec::new());
    };
    Ok(people(representatives(conn, n.network_id, Some(&[org])).await?))
}

/// (organisation, proposal) → (amount last told, amount now, title).
type ChangesByOrg = BTreeMap<(i64, i64), (i64, i64, String)>;

/// The share changes of one network since the last digest, as notices to send at the
/// digest hour (a `notifications::DailySource`): one per network, addressed to each
/// person of an organisation whose share changed, a line per change (the amount last
/// told and the amount now, per campaign; see `digest`), instead of one email per
/// pledge. The daily digest job sends it, inside the person's digest when they get one.
pub fn daily_share_changes(
    conn: &sea_orm::DatabaseTransaction,
    network: i64,
) -> crate::jobs::BoxFuture<'_, AppResult<Vec<Notice>>> {
    Box::pin(share_changes(conn, Some(network)))
}

/// The notices of share changes since the last digest (of one network, or of all),
/// recorded as told.
async fn share_changes<C: ConnectionTrait>(conn: &C, network: Option<i64>) -> AppResult<Vec<Notice>> {
    let pending = digest::take_changes(conn, network).await?;
    let mut net_changes: BTreeMap<i64, ChangesByOrg> = BTreeMap::new();
    for c in pending {
        net_changes.entry(c.network_id).or_default().insert(
            (c.organisation_id, c.proposal_id),
            (c.before_cents, c.after_cents, c.title),
        );
    }
    let mut notices = Vec::new();
    for (network_id, changes) in net_changes {
        let orgs: Vec<i64> = changes
            .keys()
            .map(|(o, _)| *o)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let names = names(conn, &orgs).await?;
        let mut per_person: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
        for r in people_of(conn, network_id, &orgs).await? {
            per_person.entry(r.person_id).or_default().push(r.organisation_id);
        }
        let mut to = Vec::new();
        for (person_id, my_orgs) in per_person {
            let lines: Vec<Line> = changes
                .iter()
                .filter(|((o, _), (before, after, _))| my_orgs.contains(o) && before != after)
                .map(|((org, _), (before, after, title))| Line {
                    message: "proposals-mail-digest-line".into(),
                    vars: [
                        (
                            "organisation".to_string(),
                            Var::Text(names.get(org).cloned().unwrap_or_default()),
                        ),
                        ("title".to_string(), Var::Text(title.clone())),
                        ("before".to_string(), Var::Money(*before)),
                        ("after".to_string(), Var::Money(*after)),
                    ]
                    .into(),
                })
                .collect();
            if !lines.is_empty() {
                to.push(Addressee {
                    lines,
                    ..Addressee::new(person_id)
                });
            }
        }
        if !to.is_empty() {
            notices.push(
                Notice::new(Kind::ShareDigest, network_id)
                    .link("/proposals/commitments")
                    .to(to),
            );
        }
    }
    Ok(notices)
}
