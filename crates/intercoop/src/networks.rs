//! Networks: a deployment hosts one or several, each with its own name, default
//! language, time zone, currency and rules.

use crate::db;
use crate::entities::network;
use crate::error::{AppError, AppResult, FieldErrors};
use intercoop_domain::text::{OrganisationName, Slug};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

/// Creates a network after checking its settings.
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    slug: &str,
    name: &str,
    description: &str,
    language: &str,
    time_zone: &str,
    currency: &str,
) -> AppResult<i64> {
    let mut errors = FieldErrors::default();
    let slug = Slug::parse(slug)
        .map_err(|e| errors.add("slug", crate::error::text_error_code(e)))
        .ok();
    let name = OrganisationName::parse(name)
        .map_err(|e| errors.add("name", crate::error::text_error_code(e)))
        .ok();
    let lang = crate::i18n::Lang::parse(language);
    if lang.is_none() {
        errors.add("language", "invalid-choice");
    }
    if jiff::tz::TimeZone::get(time_zone).is_err() {
        errors.add("time_zone", "invalid-choice");
    }
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
        errors.add("currency", "invalid-choice");
    }
    let (Some(slug), Some(name), Some(lang)) = (slug, name, lang) else {
        return Err(AppError::Invalid(errors));
    };
    errors.into_result()?;
    let row = network::ActiveModel {
        slug: Set(slug.as_str().to_string()),
        name: Set(name.to_string()),
        description: Set(description.to_string()),
        default_language: Set(lang.into()),
        time_zone: Set(time_zone.to_string()),
        currency: Set(currency.to_string()),
        rules: Set(crate::db::types::Json(Default::default())),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    // Every network talks in its mutual-help and logistics lists from the start.
    crate::lists::data::create_defaults(conn, row.id, &row.slug, lang).await?;
    Ok(row.id)
}

/// A fresh install has one network.
pub async fn ensure_default<C: ConnectionTrait>(conn: &C) -> AppResult<()> {
    if network::Entity::find().count(conn).await? == 0 {
        create(conn, "main", "intercoop", "", "fr", "Europe/Brussels", "EUR").await?;
    }
    Ok(())
}

/// Removes a network that nobody and no organisation has joined yet.
pub async fn remove_if_empty<C: ConnectionTrait>(conn: &C, slug: &str) -> AppResult<bool> {
    use crate::entities::{membership, network_person};
    let Some(n) = network::Entity::find()
        .filter(network::Column::Slug.eq(slug))
        .one(conn)
        .await?
    else {
        return Ok(false);
    };
    let members = membership::Entity::find()
        .filter(membership::Column::NetworkId.eq(n.id))
        .count(conn)
        .await?;
    let people = network_person::Entity::find()
        .filter(network_person::Column::NetworkId.eq(n.id))
        .count(conn)
        .await?;
    if members + people > 0 {
        return Ok(false);
    }
    network::Entity::delete_by_id(n.id).exec(conn).await?;
    Ok(true)
}

/// A network by its slug, for its public pages (`/n/{slug}/…`, no login).
///
/// Errors: `NotFound` for a slug no network has.
pub async fn by_slug<C: ConnectionTrait>(conn: &C, slug: &str) -> AppResult<network::Model> {
    network::Entity::find()
        .filter(network::Column::Slug.eq(slug))
        .one(conn)
        .await?
        .ok_or(crate::error::AppError::NotFound)
}
