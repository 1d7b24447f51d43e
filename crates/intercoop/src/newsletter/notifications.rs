//! Who gets a newsletter issue: the network's confirmed subscribers when the issue's
//! job runs (an address that left meanwhile gets nothing), each in their language
//! where the issue has a translation, else in the issue's own, each with a new
//! one-click unsubscribe link.

use super::data;
use super::entities::subscriber;
use super::subscribe::{Status, unsubscribe_url};
use crate::error::AppResult;
use crate::notifications::addresses::{AddressAudience, Recipient, audience};
use crate::notifications::{Kind, Notice, Var, Vars};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder};

/// The audiences of the newsletter's kinds (wired in `crate::app::audiences`).
pub fn audiences(a: crate::notifications::Audiences) -> crate::notifications::Audiences {
    let issue: AddressAudience = audience(|txn, notice, base_url| Box::pin(readers(txn, notice, base_url)));
    a.with_addresses(Kind::NewsletterIssue, issue)
}

async fn readers(txn: &DatabaseTransaction, notice: &Notice, base_url: &str) -> AppResult<Vec<Recipient>> {
    let Some(id) = notice.about else { return Ok(Vec::new()) };
    let issue = match data::read(txn, notice.network_id, id, false).await {
        Ok(i) => i,
        // The issue (or its network) was deleted since: nobody to tell.
        Err(crate::error::AppError::NotFound) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let Some(network) = crate::entities::network::Entity::find_by_id(notice.network_id)
        .one(txn)
        .await?
    else {
        return Ok(Vec::new());
    };
    let subscribers = subscriber::Entity::find()
        .filter(subscriber::Column::NetworkId.eq(notice.network_id))
        .filter(subscriber::Column::Status.eq(Status::Confirmed.as_str()))
        .order_by_asc(subscriber::Column::Id)
        .all(txn)
        .await?;
    let mut out = Vec::with_capacity(subscribers.len());
    for s in subscribers {
        let lang = s.language.0;
        let v = issue.in_language(lang);
        let mut vars = Vars::new();
        vars.insert("subject".into(), Var::Text(v.subject.clone()));
        vars.insert("body_html".into(), Var::Text(v.html.clone()));
        vars.insert("body".into(), Var::Text(v.body_markdown.clone()));
        vars.insert(
            "url".into(),
            Var::Path(format!("/n/{}/newsletter/{}", network.slug, issue.id)),
        );
        out.push(Recipient {
            unsubscribe_url: Some(unsubscribe_url(txn, base_url, notice.network_id, s.id).await?),
            email: s.email,
            lang,
            vars,
        });
    }
    Ok(out)
}
