//! Who is told what about proposals and campaigns, by email through the outbox, each
//! person in their language.
//!
//! Announcements (a proposal posted, a campaign opened) are marked on their row
//! (`announced_at`) and sent by [`announce_pending`], right after the change commits
//! and again by the scheduled job: a change made by a poll (which has no base URL at
//! hand) is announced within a minute, and the conditional update makes each
//! announcement go out once even with several instances.

use super::data::{self, PaymentRequestOut};
use super::digest;
use super::entities::{campaign, catch_up, payment_request, proposal};
use crate::db;
use crate::entities::{network, organisation_software};
use crate::error::AppResult;
use crate::i18n::{Arg, Lang};
use crate::mail::{self, Content};
use crate::state::AppState;
use intercoop_domain::Money;
use intercoop_domain::sharing::Shares;
use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait};
use std::collections::{BTreeMap, BTreeSet};

/// A person to write to, and for which organisation.
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
pub struct Recipient {
    pub person_id: i64,
    pub email: String,
    pub name: String,
    pub language: Option<String>,
    pub organisation_id: i64,
}

/// The sitting representatives of the network (of the given organisations only, if any).
pub async fn representatives<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    only: Option<&[i64]>,
) -> AppResult<Vec<Recipient>> {
    let mut q = Query::select();
    q.expr_as(Expr::col(("p", "id")), "person_id")
        .expr_as(Expr::col(("p", "email")), "email")
        .expr_as(Expr::col(("p", "name")), "name")
        .expr_as(Expr::col(("p", "language")), "language")
        .expr_as(Expr::col(("r", "organisation_id")), "organisation_id")
        .from_as("representatives", "r")
        .join_as(
            JoinType::InnerJoin,
            "people",
            "p",
            Expr::col(("p", "id")).equals(("r", "person_id")),
        )
        .and_where(Expr::col(("r", "network_id")).eq(network_id))
        .and_where(Expr::col(("r", "current")).eq(true))
        .and_where(Expr::col(("p", "disabled")).eq(false))
        .order_by(("p", "id"), sea_orm::Order::Asc);
    if let Some(ids) = only {
        q.and_where(Expr::col(("r", "organisation_id")).is_in(ids.to_vec()));
    }
    Ok(db::fetch_all(conn, &q).await?)
}

/// Every person of the given organisations who belongs to the network.
///
/// Read from the organisations' affiliations outwards, in that order (`db::join_in_order`):
/// without statistics (a new network, or the seed's single transaction) SQLite started
/// from the network's people instead and read all of them for each announcement
/// (4.5 ms at scale 25 against 13 µs; three quarters of the scale-100 seed).
pub async fn people_of<C: ConnectionTrait>(conn: &C, network_id: i64, orgs: &[i64]) -> AppResult<Vec<Recipient>> {
    if orgs.is_empty() {
        return Ok(Vec::new());
    }
    let backend = conn.get_database_backend();
    let mut q = Query::select();
    q.expr_as(Expr::col(("p", "id")), "person_id")
        .expr_as(Expr::col(("p", "email")), "email")
        .expr_as(Expr::col(("p", "name")), "name")
        .expr_as(Expr::col(("p", "language")), "language")
        .expr_as(Expr::col(("a", "organisation_id")), "organisation_id")
        .from_as("affiliations", "a");
    db::join_in_order(
        &mut q,
        backend,
        "people",
        "p",
        Expr::col(("p", "id")).equals(("a", "person_id")),
    );
    db::join_in_order(
        &mut q,
        backend,
        "network_people",
        "np",
        Expr::col(("np", "person_id"))
            .equals(("p", "id"))
            .and(Expr::col(("np", "network_id")).eq(network_id)),
    );
    q.and_where(Expr::col(("a", "organisation_id")).is_in(orgs.to_vec()))
        .and_where(Expr::col(("p", "disabled")).eq(false))
        .order_by(("p", "id"), sea_orm::Order::Asc);
    Ok(db::fetch_all(conn, &q).await?)
}

/// One message per person (a person of two organisations is written to once).
fn once_per_person(list: Vec<Recipient>) -> Vec<Recipient> {
    let mut seen = BTreeSet::new();
    list.into_iter().filter(|r| seen.insert(r.person_id)).collect()
}

struct Net {
    id: i64,
    name: String,
    default_language: String,
    currency: String,
    time_zone: String,
}

async fn net<C: ConnectionTrait>(conn: &C, id: i64) -> AppResult<Net> {
    let n = network::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(crate::error::AppError::NotFound)?;
    Ok(Net {
        id: n.id,
        name: n.name,
        default_language: n.default_language,
        currency: n.currency,
        time_zone: n.time_zone,
    })
}

impl Net {
    fn lang(&self, r: &Recipient) -> Lang {
        r.language
            .as_deref()
            .and_then(Lang::parse)
            .or(Lang::parse(&self.default_language))
            .unwrap_or(Lang::En)
    }
}

impl Net {
    fn money(&self, lang: Lang, cents: i64) -> String {
        Money::from_cents(cents).format(lang.code(), &self.currency)
    }

    fn date(&self, lang: Lang, at: &time::OffsetDateTime) -> String {
        crate::web::format::date(at, &self.time_zone, lang)
    }
}

/// Does an organisation running `software` (its `organisation_software` names) run
/// the software a proposal concerns? The tag "Odoo 16 / cooperator" concerns an
/// organisation that runs every part of it ("Odoo 16" and "cooperator"); compared
/// without regard to case.
pub fn concerns(tag: &str, software: &BTreeSet<String>) -> bool {
    let parts: Vec<String> = tag
        .split(['/', ',', '+'])
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
        .collect();
    !parts.is_empty() && parts.iter().all(|p| software.contains(p))
}

/// Sends the announcements not sent yet (after a commit, and every minute).
pub async fn announce_pending(state: &AppState) -> AppResult<()> {
    let base = state.config.base_url.clone();
    let proposals = proposal::Entity::find()
        .filter(proposal::Column::AnnouncedAt.is_null())
        .filter(proposal::Column::Status.ne("draft"))
        .all(&state.db.read)
        .await?;
    for p in proposals {
        let txn = state.db.write.begin().await?;
        let claimed = proposal::Entity::update_many()
            .col_expr(proposal::Column::AnnouncedAt, Expr::val(Some(db::now())))
            .filter(proposal::Column::Id.eq(p.id))
            .filter(proposal::Column::AnnouncedAt.is_null())
            .exec(&txn)
            .await?;
        if claimed.rows_affected == 1 {
            announce_proposal(&txn, &p, &base).await?;
        }
        txn.commit().await?;
    }
    let campaigns = campaign::Entity::find()
        .filter(campaign::Column::AnnouncedAt.is_null())
        .all(&state.db.read)
        .await?;
    for c in campaigns {
        let txn = state.db.write.begin().await?;
        let claimed = campaign::Entity::update_many()
            .col_expr(campaign::Column::AnnouncedAt, Expr::val(Some(db::now())))
            .filter(campaign::Column::Id.eq(c.id))
            .filter(campaign::Column::AnnouncedAt.is_null())
            .exec(&txn)
            .await?;
        if claimed.rows_affected == 1 && c.status == "open" {
            announce_campaign(&txn, &c, &base).await?;
        }
        txn.commit().await?;
    }
    state.mail_wakeup.notify_one();
    Ok(())
}

/// Tells every organisation running the software concerned (to its people).
async fn announce_proposal<C: ConnectionTrait>(conn: &C, p: &proposal::Model, base: &str) -> AppResult<()> {
    if p.software.trim().is_empty() {
        return Ok(());
    }
    let mut by_org: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for row in organisation_software::Entity::find().all(conn).await? {
        by_org
            .entry(row.organisation_id)
            .or_default()
            .insert(row.name.trim().to_lowercase());
    }
    let orgs: Vec<i64> = by_org
        .iter()
        .filter(|(id, sw)| **id != p.requested_by && concerns(&p.software, sw))
        .map(|(id, _)| *id)
        .collect();
    let n = net(conn, p.network_id).await?;
    for r in once_per_person(people_of(conn, p.network_id, &orgs).await?) {
        let lang = n.lang(&r);
        let mail = Content::new(
            lang,
            lang.t_args(
                "proposals-mail-posted-subject",
                &[("title", Arg::from(p.title.as_str()))],
            ),
            &r.name,
            &n.name,
        )
        .para(lang.t_args(
            "proposals-mail-posted-body",
            &[
                ("title", Arg::from(p.title.as_str())),
                ("software", Arg::from(p.software.as_str())),
            ],
        ))
        .para(lang.t("proposals-mail-posted-ask"))
        .action(lang.t("proposals-mail-open"), format!("{base}/proposals/{}", p.id))
        .into_mail("proposal_posted", &r.email, &r.name, Some(n.id))?;
        mail::enqueue(conn, mail).await?;
    }
    Ok(())
}

/// Tells every representative that a campaign opened.
async fn announce_campaign<C: ConnectionTrait>(conn: &C, c: &campaign::Model, base: &str) -> AppResult<()> {
    let p = data::get(conn, c.network_id, c.proposal_id).await?;
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
    p: &proposal::Model,
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
    p: &proposal::Model,
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
pub async fn lapsed<C: ConnectionTrait>(conn: &C, p: &proposal::Model, shares: &Shares, base: &str) -> AppResult<()> {
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
    p: &proposal::Model,
    c: &catch_up::Model,
    request: &payment_request::Model,
    credits: &[data::CreditOut],
    base: &str,
) -> AppResult<()> {
    let n = net(conn, p.network_id).await?;
    payment_request_mail(conn, &n, p, &request.clone().into(), base).await?;
    let adopter = data::org_names(conn, &[c.organisation_id])
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

/// The daily digest of share changes: one email per person, listing every change of
/// share of its organisations since the last digest (the amount last told and the
/// amount now, per campaign; see `digest`), instead of one email per pledge. Returns
/// how many emails it enqueued.
pub async fn send_share_digest(state: &AppState) -> AppResult<usize> {
    let base = state.config.base_url.clone();
    let txn = state.db.write.begin().await?;
    let pending = digest::take_changes(&txn, None).await?;
    let mut net_changes: BTreeMap<i64, ChangesByOrg> = BTreeMap::new();
    for c in pending {
        net_changes.entry(c.network_id).or_default().insert(
            (c.organisation_id, c.proposal_id),
            (c.before_cents, c.after_cents, c.title),
        );
    }
    let mut sent = 0;
    for (network_id, changes) in net_changes {
        let n = net(&txn, network_id).await?;
        let orgs: Vec<i64> = changes
            .keys()
            .map(|(o, _)| *o)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let names = data::org_names(&txn, &orgs).await?;
        let mut per_person: BTreeMap<i64, (Recipient, Vec<i64>)> = BTreeMap::new();
        for r in people_of(&txn, network_id, &orgs).await? {
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
            mail::enqueue(&txn, mail).await?;
            sent += 1;
        }
    }
    txn.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::concerns;
    use std::collections::BTreeSet;

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_lowercase()).collect()
    }

    #[test]
    fn a_tag_concerns_organisations_running_every_part() {
        assert!(concerns(
            "Odoo 16 / cooperator",
            &set(&["Odoo 16", "cooperator", "shift"])
        ));
        assert!(!concerns("Odoo 16 / cooperator", &set(&["Odoo 12", "cooperator"])));
        assert!(concerns("odoo 12", &set(&["Odoo 12"])));
        assert!(!concerns("", &set(&["Odoo 12"])));
    }
}
