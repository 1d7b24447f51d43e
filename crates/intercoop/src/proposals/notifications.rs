//! What the proposals feature tells, and to whom (decided when each email is made, by
//! the notification service, in each reader's language):
//!
//! | kind | who | when |
//! |---|---|---|
//! | `proposal_posted` | the people of every member organisation (but the requester) running the software the proposal concerns | a proposal is published (posted, or moved out of draft), once |

use super::entities::proposal;
use crate::db;
use crate::entities::organisation_software;
use crate::error::AppResult;
use crate::notifications::recipients::{people, people_of};
use crate::notifications::{Addressee, Audiences, Kind, Notice, audience, notify};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, BTreeSet};

/// Does an organisation running `software` (its `organisation_software` names) run
/// the software a proposal concerns? The tag "Odoo 16 / cooperator" concerns an
/// organisation that runs every part of it ("Odoo 16" and "cooperator"); compared
/// without regard to case.
pub fn concerns(tag: &str, software: &BTreeSet<String>) -> bool {
    let parts = parts(tag);
    !parts.is_empty() && parts.iter().all(|p| software.contains(p))
}

/// The parts of a software name or tag, lower-cased: "Odoo 16 / cooperator" and
/// "Odoo 16, cooperator" both give "odoo 16" and "cooperator", whether a proposal or an
/// organisation wrote it.
pub fn parts(name: &str) -> Vec<String> {
    name.split(['/', ',', '+'])
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The audiences of this feature's notices.
pub fn audiences(a: Audiences) -> Audiences {
    a.with(
        Kind::ProposalPosted,
        audience(|conn, n| Box::pin(async move { concerned(conn, n).await })),
    )
}

/// A proposal was published (posted, or moved out of draft): it is announced once, and
/// marked announced. A draft rejected or withdrawn before publication is never announced.
pub async fn posted<C: ConnectionTrait>(conn: &C, p: &proposal::Model) -> AppResult<()> {
    proposal::Entity::update_many()
        .col_expr(proposal::Column::AnnouncedAt, Expr::val(Some(db::now())))
        .filter(proposal::Column::Id.eq(p.id))
        .filter(proposal::Column::AnnouncedAt.is_null())
        .exec(conn)
        .await?;
    let notice = Notice::new(Kind::ProposalPosted, p.network_id)
        .about(p.id)
        .text("title", p.title.clone())
        .text("software", p.software.clone())
        .link(format!("/proposals/{}", p.id));
    notify(conn, notice, Some(format!("proposal_posted:{}", p.id))).await
}

/// The people of the member organisations (but the requester) running the software the
/// proposal concerns, as they are now.
async fn concerned<C: ConnectionTrait>(conn: &C, n: &Notice) -> AppResult<Vec<Addressee>> {
    let Some(id) = n.about else {
        return Ok(Vec::new());
    };
    let Some(p) = proposal::Entity::find_by_id(id).one(conn).await? else {
        return Ok(Vec::new());
    };
    if p.software.trim().is_empty() {
        return Ok(Vec::new());
    }
    let mut by_org: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for row in organisation_software::Entity::find().all(conn).await? {
        by_org.entry(row.organisation_id).or_default().extend(parts(&row.name));
    }
    let orgs: Vec<i64> = by_org
        .iter()
        .filter(|(id, sw)| **id != p.requested_by && concerns(&p.software, sw))
        .map(|(id, _)| *id)
        .collect();
    Ok(people(people_of(conn, p.network_id, &orgs).await?))
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
        // An organisation that wrote its software as the proposal form's example does.
        let written: BTreeSet<String> = super::parts("Odoo 16 / cooperator").into_iter().collect();
        assert!(concerns("Odoo 16 / cooperator", &written));
        assert!(concerns("odoo  16", &written));
    }
}
