//! Who is told what about co-funding campaigns, by email through the outbox, each
//! person in their language: a campaign opened (every representative), funded (the
//! participants' people, and each its payment request), lapsed, catch-up credits, and
//! the daily digest of share changes (worked out when it is sent, see `digest`).

use super::digest;
use super::entities::{campaign, catch_up};
use crate::db;
use crate::error::AppResult;
use crate::i18n::Arg;
use crate::mail::audience::{Net, Recipient, net, once_per_person, people_of, representatives};
use crate::mail::{self, Content};
use crate::money::entities::payment_request;
use crate::money::requests::PaymentRequestOut;
use crate::organisations::data::names;
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

/// The proposal of a campaign, read by name (the co-funding sits below the proposals
/// feature).
async fn proposal_of<C: ConnectionTrait>(conn: &C, c: &campaign::Model) -> AppResult<ProposalRef> {
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

/// Announces an opened campaign once (the job `funding.announce_campaign`, enqueued
/// when it opens): marks it announced and tells every representative.
pub async fn announce<C: ConnectionTrait>(conn: &C, campaign_id: i64, base: &str) -> AppResult<()> {
    let Some(c) = campaign::Entity::find_by_id(campaign_id).one(conn).await? else {
        return Ok(());
    };
    let claimed = campaign::Entity::update_many()
        .col_expr(campaign::Column::AnnouncedAt, Expr::val(Some(db::now())))
        .filter(campaign::Column::Id.eq(c.id))
        .filter(campaign::Column::AnnouncedAt.is_null())
        .exec(conn)
        .await?;
    if claimed.rows_affected == 1 && c.status == intercoop_domain::funding::CampaignStatus::Open {
        announce_campaign(conn, &c, base).await?;
    }
    Ok(())
}

/// Tells every representative that a campaign opened.
async fn announce_campaign<C: ConnectionTrait>(conn: &C, c: &campaign::Model, base: &str) -> AppResult<()> {
    let p = proposal_of(conn, c).await?;
    let n = net(conn, c.network_id).await?;
    for r in once_per_person(representatives(conn, c.network_id, None).await?) {
        let lang = n.lang(&r);
        let deadline = n.date(lang, &c.deadline);
        let mail = Content::new(
            lang,
            lang.t_args(
                "proposals-mail-opened-subject",
                &[("title", Arg::from(p.title.as_str()))],
            ),
            &r.name,
            &n.name,
        )
        .para(lang.t_args(
            "proposals-mail-opened-body",
            &[
                ("title", Arg::from(p.title.as_str())),
                ("amount", Arg::from(n.money(lang, c.amount_cents))),
                ("deadline", Arg::from(deadline)),
            ],
        ))
        .para(lang.t("proposals-mail-opened-share"))
        .action(lang.t("proposals-mail-open"), format!("{base}/proposals/{}", p.id))
        .into_mail("campaign_opened", &r.email, &r.name, Some(n.id))?;
        mail::enqueue(conn, mail).await?;
    }
    Ok(())
}

/// Funded: every participant is told, and its representatives get its payment request.
pub async fn funded<C: ConnectionTrait>(
    conn: &C,
    p: &ProposalRef,
    shares: &Shares,
    requests: &[payment_request::Model],
    base: &str,
) -> AppResult<()> {
    let n = net(conn, p.network_id).await?;
    let orgs: Vec<i64> = shares.lines.iter().map(|l| l.organisation_id).collect();
    let link = format!("{base}/proposals/{}", p.id);
    for r in once_per_person(people_of(conn, p.network_id, &orgs).await?) {
        let lang = n.lang(&r);
        let mail = Content::new(
            lang,
            lang.t_args(
                "proposals-mail-funded-subject",
                &[("title", Arg::from(p.title.as_str()))],
            ),
            &r.name,
            &n.name,
        )
        .para(lang.t_args(
            "proposals-mail-funded-body",
            &[
                ("title", Arg::from(p.title.as_str())),
                ("amount", Arg::from(n.money(lang, shares.total.cents()))),
                ("count", Arg::Num(shares.lines.len() as i64)),
            ],
        ))
        .action(lang.t("proposals-mail-open"), link.clone())
        .into_mail("campaign_funded", &r.email, &r.name, Some(n.id))?;
        mail::enqueue(conn, mail).await?;
    }
    for req in requests {
        payment_request_mail(conn, &n, p, &req.clone().into(), base).await?;
    }
    Ok(())
}

async fn payment_request_mail<C: ConnectionTrait>(
    conn: &C,
    n: &Net,
    p: &ProposalRef,
    req: &PaymentRequestOut,
    base: &str,
) -> AppResult<()> {
    for r in representatives(conn, n.id, Some(&[req.organisation_id])).await? {
        let lang = n.lang(&r);
        let due = n.date(lang, &req.due_at);
        let mail = Content::new(
            lang,
            lang.t_args(
                "proposals-mail-request-subject",
                &[("title", Arg::from(p.title.as_str()))],
            ),
            &r.name,
            &n.name,
        )
        .para(lang.t_args(
            if req.purpose == "catch-up" {
                "proposals-mail-request-catch-up"
            } else {
                "proposals-mail-request-body"
            },
            &[
                ("title", Arg::from(p.title.as_str())),
                ("amount", Arg::from(n.money(lang, req.amount_cents))),
                ("due", Arg::from(due)),
            ],
        ))
        .para(lang.t_args("proposals-mail-request-reference", &[("id", Arg::Num(req.id))]))
        .action(
            lang.t("proposals-mail-commitments"),
            format!("{base}/proposals/commitments"),
        )
        .into_mail("payment_request", &r.email, &r.name, Some(n.id))?;
        mail::enqueue(conn, mail).await?;
    }
    Ok(())
}

/// Lapsed: every pledger and the requesting organisation are told; pledges are released.
pub async fn lapsed<C: ConnectionTrait>(conn: &C, p: &ProposalRef, shares: &Shares, base: &str) -> AppResult<()> {
    let n = net(conn, p.network_id).await?;
    let mut orgs: Vec<i64> = shares.lines.iter().map(|l| l.organisation_id).collect();
    orgs.push(p.requested_by);
    for r in once_per_person(people_of(conn, p.network_id, &orgs).await?) {
        let lang = n.lang(&r);
        let mail = Content::new(
            lang,
            lang.t_args(
                "proposals-mail-lapsed-subject",
                &[("title", Arg::from(p.title.as_str()))],
            ),
            &r.name,
            &n.name,
        )
        .para(lang.t_args(
            "proposals-mail-lapsed-body",
            &[
                ("title", Arg::from(p.title.as_str())),
                ("covered", Arg::from(n.money(lang, shares.covered.cents()))),
                ("amount", Arg::from(n.money(lang, shares.total.cents()))),
            ],
        ))
        .action(lang.t("proposals-mail-open"), format!("{base}/proposals/{}", p.id))
        .into_mail("campaign_lapsed", &r.email, &r.name, Some(n.id))?;
        mail::enqueue(conn, mail).await?;
    }
    Ok(())
}

/// A late adopter: its payment request, and each credited funder is told.
pub async fn adopted<C: ConnectionTrait>(
    conn: &C,
    p: &ProposalRef,
    c: &catch_up::Model,
    request: &payment_request::Model,
    credits: &[super::catch_up::CreditOut],
    base: &str,
) -> AppResult<()> {
    let n = net(conn, p.network_id).await?;
    payment_request_mail(conn, &n, p, &request.clone().into(), base).await?;
    let adopter = names(conn, &[c.organisation_id])
        .await?
        .remove(&c.organisation_id)
        .unwrap_or_default();
    let orgs: Vec<i64> = credits.iter().map(|c| c.organisation_id).collect();
    for r in representatives(conn, n.id, Some(&orgs)).await? {
        let Some(cr) = credits.iter().find(|c| c.organisation_id == r.organisation_id) else {
            continue;
        };
        let lang = n.lang(&r);
        let mail = Content::new(
            lang,
            lang.t_args(
                "proposals-mail-credit-subject",
                &[("title", Arg::from(p.title.as_str()))],
            ),
            &r.name,
            &n.name,
        )
        .para(lang.t_args(
            "proposals-mail-credit-body",
            &[
                ("title", Arg::from(p.title.as_str())),
                ("adopter", Arg::from(adopter.as_str())),
                ("amount", Arg::from(n.money(lang, cr.amount_cents))),
            ],
        ))
        .action(
            lang.t("proposals-mail-commitments"),
            format!("{base}/proposals/commitments"),
        )
        .into_mail("catch_up_credit", &r.email, &r.name, Some(n.id))?;
        mail::enqueue(conn, mail).await?;
    }
    Ok(())
}

/// (organisation, proposal) → (amount last told, amount now, title).
type ChangesByOrg = BTreeMap<(i64, i64), (i64, i64, String)>;

/// The daily digest of share changes (of one network, or of all): one email per person,
/// listing every change of share of its organisations since the last digest (the amount last told and the
/// amount now, per campaign; see `digest`), instead of one email per pledge. Returns
/// how many emails it enqueued.
pub async fn send_share_digest<C: ConnectionTrait>(conn: &C, network: Option<i64>, base: &str) -> AppResult<usize> {
    let txn = conn;
    let pending = digest::take_changes(txn, network).await?;
    let mut net_changes: BTreeMap<i64, ChangesByOrg> = BTreeMap::new();
    for c in pending {
        net_changes.entry(c.network_id).or_default().insert(
            (c.organisation_id, c.proposal_id),
            (c.before_cents, c.after_cents, c.title),
        );
    }
    let mut sent = 0;
    for (network_id, changes) in net_changes {
        let n = net(txn, network_id).await?;
        let orgs: Vec<i64> = changes
            .keys()
            .map(|(o, _)| *o)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let names = names(txn, &orgs).await?;
        let mut per_person: BTreeMap<i64, (Recipient, Vec<i64>)> = BTreeMap::new();
        for r in people_of(txn, network_id, &orgs).await? {
            per_person
                .entry(r.person_id)
                .or_insert_with(|| (r.clone(), Vec::new()))
                .1
                .push(r.organisation_id);
        }
        for (_, (r, my_orgs)) in per_person {
            let lang = n.lang(&r);
            let mut content = Content::new(lang, lang.t("proposals-mail-digest-subject"), &r.name, &n.name)
                .para(lang.t("proposals-mail-digest-intro"));
            let mut any = false;
            for ((org, _proposal), (before, after, title)) in changes.iter().filter(|((o, _), _)| my_orgs.contains(o)) {
                if before == after {
                    continue;
                }
                any = true;
                content = content.para(lang.t_args(
                    "proposals-mail-digest-line",
                    &[
                        ("organisation", Arg::from(names.get(org).cloned().unwrap_or_default())),
                        ("title", Arg::from(title.as_str())),
                        ("before", Arg::from(n.money(lang, *before))),
                        ("after", Arg::from(n.money(lang, *after))),
                    ],
                ));
            }
            if !any {
                continue;
            }
            let mail = content
                .action(
                    lang.t("proposals-mail-commitments"),
                    format!("{base}/proposals/commitments"),
                )
                .into_mail("share_digest", &r.email, &r.name, Some(network_id))?;
            mail::enqueue(txn, mail).await?;
            sent += 1;
        }
    }
    Ok(sent)
}
