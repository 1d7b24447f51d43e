//! The public page's settings and an organisation's listing: the rules and their audit
//! entries, shared by the pages (`/settings/public`, `/organisations/{id}/listing`) and
//! the API (`/api/v1/public-settings`, `/api/v1/organisations/{id}/listing`).

use super::data;
use crate::access::require;
use crate::api::{ApiJson, ApiUser, Json, parse_id};
use crate::audit::{Actor, Change};
use crate::entities::network;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Lang;
use crate::joining::policy;
use crate::state::AppState;
use axum::extract::{Path, State};
use intercoop_domain::documentation::Reader;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set, TransactionTrait};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// The longest text about the network, per language (characters).
pub const MAX_ABOUT_CHARS: usize = 50_000;

/// The network's public page settings.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublicSettings {
    /// The text about the network (Markdown, sanitized when shown) by language code
    /// (`fr`, `en`, `de`, `nl`), at most 50 000 characters each; a language left out or
    /// empty has none (the page shows the network's language, else any).
    #[serde(default)]
    pub about: BTreeMap<String, String>,
    /// Private: nothing public but a sign-in page (no public page, join form,
    /// documentation, logbook or newsletter archive).
    #[serde(default)]
    pub private: bool,
    /// The charter applicants agree to: a public page of the network's documentation.
    #[serde(default)]
    pub charter_page_id: Option<i64>,
}

/// The settings as stored.
pub async fn read<C: ConnectionTrait>(conn: &C, n: &network::Model) -> AppResult<PublicSettings> {
    Ok(PublicSettings {
        about: data::about_all(conn, n.id)
            .await?
            .into_iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(l, t)| (l.code().to_string(), t))
            .collect(),
        private: n.rules.private,
        charter_page_id: n.rules.charter_page_id,
    })
}

/// Saves the settings: every language's text, privacy and the charter; a change of
/// privacy or charter is audited (`network.public_settings`, before and after).
///
/// Errors: 422 on `about_<code>` (too long, or a language intercoop does not speak) and
/// on `charter_page_id` (not a public page of this network).
pub async fn save<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    actor: Actor,
    input: &PublicSettings,
) -> AppResult<()> {
    let mut errors = FieldErrors::default();
    for (code, text) in &input.about {
        if Lang::parse(code).is_none_or(|l| l.code() != code) {
            errors.add(&format!("about_{code}"), "invalid-choice");
        } else if text.chars().count() > MAX_ABOUT_CHARS {
            errors.add(&format!("about_{code}"), "too-long");
        }
    }
    if let Some(id) = input.charter_page_id {
        // The charter is read by applicants: a public page of this network.
        let readable = crate::documentation::data::pages(conn, network_id)
            .await?
            .readable(Reader::Visitor)
            .iter()
            .any(|p| p.id == id);
        if !readable {
            errors.add("charter_page_id", "invalid-choice");
        }
    }
    errors.into_result()?;
    for l in Lang::ALL {
        let text = input.about.get(l.code()).map(String::as_str).unwrap_or("");
        data::save_about(conn, network_id, l, text, actor.person_id.unwrap_or_default()).await?;
    }
    let n = network::Entity::find_by_id(network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let before = n.rules.0.clone();
    let mut rules = before.clone();
    rules.private = input.private;
    rules.charter_page_id = input.charter_page_id;
    if rules != before {
        let mut m: network::ActiveModel = n.into();
        m.rules = Set(crate::db::types::Json(rules.clone()));
        m.update(conn).await?;
        crate::audit::record(
            conn,
            Change {
                network_id: Some(network_id),
                actor,
                action: "network.public_settings",
                entity: "network",
                entity_id: Some(network_id),
            },
            Some(&before),
            Some(&rules),
        )
        .await?;
    }
    Ok(())
}

/// An organisation's public listing.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Listing {
    /// Shown on the network's public page (the organisation agrees).
    #[serde(default)]
    pub listed: bool,
    /// Its city, at most 100 characters.
    #[serde(default)]
    pub city: String,
    /// Its place on the map, in degrees (−90 to 90, −180 to 180, six decimals kept):
    /// both or neither.
    #[serde(default)]
    pub latitude: Option<f64>,
    #[serde(default)]
    pub longitude: Option<f64>,
}

/// Degrees as the pages show them (`50.850300`), from millionths.
pub fn degrees(e6: Option<i64>) -> String {
    e6.map(|v| {
        let sign = if v < 0 { "-" } else { "" };
        format!("{sign}{}.{:06}", v.abs() / 1_000_000, v.abs() % 1_000_000)
    })
    .unwrap_or_default()
}

/// An organisation's listing as stored.
pub async fn listing<C: ConnectionTrait>(conn: &C, network_id: i64, organisation_id: i64) -> AppResult<Listing> {
    let l = data::listing_of(conn, network_id, organisation_id).await?;
    let deg = |v: Option<i64>| v.map(|v| v as f64 / 1_000_000.0);
    Ok(Listing {
        listed: l.listed,
        city: l.city,
        latitude: deg(l.latitude_e6),
        longitude: deg(l.longitude_e6),
    })
}

/// Saves an organisation's listing, audited (`organisation.listing`, before and after).
/// `latitude` and `longitude` as typed (degrees; empty: no place).
///
/// Errors: 422 on `city` (over 100 characters), on `latitude` or `longitude` (not a
/// number of degrees in range, or one without the other).
pub async fn save_listing<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    actor: Actor,
    organisation_id: i64,
    (listed, city, latitude, longitude): (bool, &str, &str, &str),
) -> AppResult<()> {
    let mut errors = FieldErrors::default();
    let city = errors.optional_line("city", city, 100);
    let place = |field: &str, raw: &str, latitude: bool, errors: &mut FieldErrors| -> Option<i64> {
        if raw.trim().is_empty() {
            return None;
        }
        let v = intercoop_domain::joining::parse_degrees(raw, latitude);
        if v.is_none() {
            errors.add(field, "invalid-degrees");
        }
        v
    };
    let latitude = place("latitude", latitude, true, &mut errors);
    let longitude = place("longitude", longitude, false, &mut errors);
    if latitude.is_some() != longitude.is_some() && errors.is_empty() {
        errors.add(if latitude.is_none() { "latitude" } else { "longitude" }, "required");
    }
    errors.into_result()?;
    let before = data::listing_of(conn, network_id, organisation_id).await?;
    let after = crate::joining::entities::listing::Model {
        listed,
        city,
        latitude_e6: latitude,
        longitude_e6: longitude,
        ..before.clone()
    };
    data::save_listing(conn, after.clone()).await?;
    crate::audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "organisation.listing",
            entity: "organisation",
            entity_id: Some(organisation_id),
        },
        Some(&before),
        Some(&after),
    )
    .await?;
    Ok(())
}

/// The public page's settings (the core circle and administrators).
#[utoipa::path(get, path = "/api/v1/public-settings", tag = "joining",
    responses((status = 200, body = PublicSettings), (status = 403, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_show(State(state): State<AppState>, ApiUser(user): ApiUser) -> AppResult<Json<PublicSettings>> {
    require(policy::edit_public(&user.doer()))?;
    let n = crate::joining::network_of(&state, user.network.id).await?;
    Ok(Json(read(&state.db.read, &n).await?))
}

/// Changes the public page's settings, every field given (a language left out has no
/// text), as the settings page does: the same rules, the same audit entry. 422 on
/// `about_<code>` or `charter_page_id`.
#[utoipa::path(put, path = "/api/v1/public-settings", tag = "joining", request_body = PublicSettings,
    responses((status = 200, body = PublicSettings), (status = 403, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_save(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<PublicSettings>,
) -> AppResult<Json<PublicSettings>> {
    require(policy::edit_public(&user.doer()))?;
    let txn = state.db.write.begin().await?;
    save(&txn, user.network.id, Actor::person(user.person_id), &body).await?;
    let n = network::Entity::find_by_id(user.network.id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let answer = read(&txn, &n).await?;
    txn.commit().await?;
    Ok(Json(answer))
}

/// An organisation's public listing (its representatives and administrators).
#[utoipa::path(get, path = "/api/v1/organisations/{id}/listing", tag = "joining",
    responses((status = 200, body = Listing), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_listing(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<Listing>> {
    let id = parse_id(&id)?;
    require(policy::edit_listing(&user.doer(), id))?;
    crate::organisations::data::get(&state.db.read, user.network.id, id).await?;
    Ok(Json(listing(&state.db.read, user.network.id, id).await?))
}

/// Changes an organisation's public listing, as its page does (same rules, same audit
/// entry). 422 on `city`, `latitude` or `longitude`.
#[utoipa::path(put, path = "/api/v1/organisations/{id}/listing", tag = "joining", request_body = Listing,
    responses((status = 200, body = Listing), (status = 403, body = crate::web::Problem), (status = 404, body = crate::web::Problem), (status = 422, body = crate::web::Problem)),
    security(("bearer" = [])))]
pub async fn api_save_listing(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Listing>,
) -> AppResult<Json<Listing>> {
    let id = parse_id(&id)?;
    require(policy::edit_listing(&user.doer(), id))?;
    crate::organisations::data::get(&state.db.read, user.network.id, id).await?;
    let text = |v: Option<f64>| v.map(|v| format!("{v:.6}")).unwrap_or_default();
    let txn = state.db.write.begin().await?;
    save_listing(
        &txn,
        user.network.id,
        Actor::person(user.person_id),
        id,
        (body.listed, &body.city, &text(body.latitude), &text(body.longitude)),
    )
    .await?;
    let answer = listing(&txn, user.network.id, id).await?;
    txn.commit().await?;
    Ok(Json(answer))
}
