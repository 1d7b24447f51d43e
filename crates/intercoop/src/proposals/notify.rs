//! Who is told about proposals, by email through the outbox, each person in their
//! language: a posted proposal is announced to the people of every organisation running
//! the software concerned. (Co-funding emails: `crate::funding::notify`.)
//!
//! A proposal is announced by a job enqueued when it is published (posted, or moved out
//! of draft), so that a draft rejected or withdrawn before publication is never
//! announced; the row's `announced_at` records it.

use super::entities::proposal;
use crate::db;
use crate::entities::organisation_software;
use crate::error::AppResult;
use crate::i18n::Arg;
use crate::mail::audience::{net, once_per_person, people_of};
use crate::mail::{self, Content};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, BTreeSet};

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

/// Announces a published proposal once (the job `proposals.announce`, enqueued when it
/// is published): marks it announced and tells the organisations concerned.
pub async fn announce<C: ConnectionTrait>(conn: &C, proposal_id: i64, base: &str) -> AppResult<()> {
    let Some(p) = proposal::Entity::find_by_id(proposal_id).one(conn).await? else {
        return Ok(());
    };
    let claimed = proposal::Entity::update_many()
        .col_expr(proposal::Column::AnnouncedAt, Expr::val(Some(db::now())))
        .filter(proposal::Column::Id.eq(p.id))
        .filter(proposal::Column::AnnouncedAt.is_null())
        .exec(conn)
        .await?;
    if claimed.rows_affected == 1 {
        announce_proposal(conn, &p, base).await?;
    }
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
