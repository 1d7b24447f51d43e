//! Taking an application (stored unconfirmed, one open application per contact and
//! organisation) and confirming its contact's address, which hands it to the review.

use super::form::Valid;
use super::{CONFIRM_DAYS, Status};
use crate::audit::{self, Actor, Change};
use crate::db;
use crate::entities::{network, person};
use crate::error::{AppError, AppResult};
use crate::joining::entities::application;
use crate::notifications::{self, Addressee, Kind, Notice};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// What taking an application did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    /// A new application; the contact was sent a confirmation link.
    New(i64),
    /// The contact already applied for this organisation: that application (its
    /// fields now as last typed while still unconfirmed, with a new confirmation link).
    Again(i64),
}

/// The network's charter: a page of its documentation and its revision, if it chose
/// one (`NetworkRules::charter_page_id`) and the page still exists.
pub async fn charter<C: ConnectionTrait>(conn: &C, n: &network::Model) -> AppResult<Option<(i64, i64)>> {
    let Some(id) = n.rules.charter_page_id else {
        return Ok(None);
    };
    Ok(crate::documentation::entities::page::Entity::find_by_id(id)
        .filter(crate::documentation::entities::page::Column::NetworkId.eq(n.id))
        .one(conn)
        .await?
        .map(|p| (p.id, p.revision)))
}

/// Takes an application: stores it unconfirmed and sends its contact a confirmation
/// link (the contact becomes a person of intercoop, of no network, so that the
/// notification service writes to them in their language). The same contact applying
/// again for the same organisation while the first is open finds it ([`Taken::Again`]).
pub async fn take<C: ConnectionTrait>(conn: &C, n: &network::Model, v: &Valid) -> AppResult<Taken> {
    let key = intercoop_domain::joining::open_key(v.contact_email.as_str(), v.name.as_str());
    let charter = charter(conn, n).await?;
    let existing = application::Entity::find()
        .filter(application::Column::NetworkId.eq(n.id))
        .filter(application::Column::OpenKey.eq(key.as_str()))
        .one(conn)
        .await?;
    let now = db::now();
    let token = crate::auth::tokens::new_token("a_");
    let hash = crate::auth::tokens::hash_token(&token);
    let (id, taken, person_id) = match existing {
        Some(a) if a.status == Status::Unconfirmed.as_str() => {
            let id = a.id;
            let person_id = a.person_id;
            let mut a: application::ActiveModel = a.into();
            fill(&mut a, v, charter);
            a.confirm_hash = Set(Some(hash));
            a.updated_at = Set(now);
            a.update(conn).await?;
            (id, Taken::Again(id), person_id)
        }
        // Confirmed: the review has it; nothing is sent again.
        Some(a) => return Ok(Taken::Again(a.id)),
        None => {
            let person_id = contact_person(conn, v).await?;
            let mut a = application::ActiveModel {
                network_id: Set(n.id),
                status: Set(Status::Unconfirmed.as_str().into()),
                open_key: Set(Some(key)),
                person_id: Set(Some(person_id)),
                confirm_hash: Set(Some(hash)),
                confirmed_at: Set(None),
                organisation_id: Set(None),
                decided_by: Set(None),
                decided_at: Set(None),
                decision_note: Set(String::new()),
                sponsorship_basis_points: Set(0),
                poll_id: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            };
            fill(&mut a, v, charter);
            let a = a.insert(conn).await?;
            audit::record(
                conn,
                Change {
                    network_id: Some(n.id),
                    actor: Actor::SYSTEM,
                    action: "application.create",
                    entity: "application",
                    entity_id: Some(a.id),
                },
                None::<&()>,
                Some(v),
            )
            .await?;
            (a.id, Taken::New(a.id), Some(person_id))
        }
    };
    if let Some(person_id) = person_id {
        let mut to = Addressee::new(person_id);
        to.fallback_lang = Some(v.contact_language);
        let notice = Notice::new(Kind::ApplicationConfirm, n.id)
            .about(id)
            .link(format!("/join/confirm/{token}"))
            .text("organisation", v.name.as_str())
            .var("days", notifications::Var::Num(CONFIRM_DAYS))
            .to(vec![to]);
        notifications::notify(conn, notice, None).await?;
    }
    Ok(taken)
}

fn fill(a: &mut application::ActiveModel, v: &Valid, charter: Option<(i64, i64)>) {
    a.org_kind = Set(v.kind.as_str().into());
    a.org_name = Set(v.name.to_string());
    a.country = Set(v.country.clone());
    a.city = Set(v.city.clone());
    a.company_number = Set(v.company_number.clone());
    a.size = Set(v.size);
    a.website = Set(v.website.clone());
    a.software = Set(v.software.join("\n"));
    a.contact_name = Set(v.contact_name.to_string());
    a.contact_email = Set(v.contact_email.to_string());
    a.contact_language = Set(v.contact_language.code().into());
    a.level = Set(v.level.as_str().into());
    a.motivation = Set(v.motivation.clone());
    a.charter_page_id = Set(charter.map(|c| c.0));
    a.charter_revision = Set(charter.map(|c| c.1));
}

/// The contact as a person: the one with that address, or a new one (of no network:
/// nothing is open to them until an acceptance invites them).
async fn contact_person<C: ConnectionTrait>(conn: &C, v: &Valid) -> AppResult<i64> {
    if let Some(p) = person::Entity::find()
        .filter(person::Column::Email.eq(v.contact_email.as_str()))
        .one(conn)
        .await?
    {
        return Ok(p.id);
    }
    let p = person::ActiveModel {
        email: Set(v.contact_email.to_string()),
        name: Set(v.contact_name.to_string()),
        language: Set(Some(crate::db::types::Text(v.contact_language))),
        password_hash: Set(None),
        phone: Set(String::new()),
        disabled: Set(false),
        created_at: Set(db::now()),
        last_login_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(p.id)
}

/// The application a confirmation link names, while it works (unconfirmed, at most
/// [`CONFIRM_DAYS`] since it was last sent); `Gone` (410) otherwise.
pub async fn by_token<C: ConnectionTrait>(conn: &C, token: &str) -> AppResult<application::Model> {
    let hash = crate::auth::tokens::hash_token(token);
    let a = application::Entity::find()
        .filter(application::Column::ConfirmHash.eq(hash))
        .one(conn)
        .await?
        .ok_or(AppError::Gone)?;
    if a.status != Status::Unconfirmed.as_str() || a.updated_at + time::Duration::days(CONFIRM_DAYS) < db::now() {
        return Err(AppError::Gone);
    }
    Ok(a)
}

/// Confirms the contact's address: the application goes to the review, and the core
/// circle and administrators are told.
pub async fn confirm<C: ConnectionTrait>(conn: &C, a: application::Model) -> AppResult<application::Model> {
    let now = db::now();
    let network_id = a.network_id;
    let mut m: application::ActiveModel = a.into();
    m.status = Set(Status::Pending.as_str().into());
    m.confirm_hash = Set(None);
    m.confirmed_at = Set(Some(now));
    m.updated_at = Set(now);
    let a = m.update(conn).await?;
    let notice = Notice::new(Kind::ApplicationReceived, network_id)
        .about(a.id)
        .link(format!("/applications/{}", a.id))
        .text("organisation", a.org_name.clone());
    notifications::notify(conn, notice, Some(format!("application_received:{}", a.id))).await?;
    Ok(a)
}
