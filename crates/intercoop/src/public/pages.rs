//! The public page of a network, its settings, and an organisation's listing.

use super::data::{self, Event, Listed, Work};
use crate::access::require;
use crate::api::parse_id;
use crate::entities::network;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Lang;
use crate::joining::policy;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "public/network.html")]
struct NetworkPage {
    ctx: Ctx,
    network: network::Model,
    about_html: String,
    members: Vec<Listed>,
    map: Option<String>,
    funded: Vec<Work>,
    cofunding: Vec<Work>,
    events: Vec<(Event, String)>,
    /// The logbook's latest public articles: (id, title, day written).
    articles: Vec<(i64, String, String)>,
}

/// How many of the logbook's articles the public page shows.
const LATEST_ARTICLES: u64 = 3;

#[derive(Template)]
#[template(path = "public/private.html")]
struct PrivatePage {
    ctx: Ctx,
    network: network::Model,
}

/// `GET /n/{slug}`: the network's public page, or a sign-in page when it is private.
pub async fn network(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let n = network::Entity::find()
        .filter(network::Column::Slug.eq(slug.trim()))
        .one(&state.db.read)
        .await?
        .ok_or(AppError::NotFound)?;
    if n.rules.private {
        return render(&PrivatePage { ctx, network: n });
    }
    let conn = &state.db.read;
    let about = data::about_text(conn, n.id, ctx.lang, n.default_language.0).await?;
    let members = data::listed(conn, n.id).await?;
    let map = super::map::svg(&members, &ctx.t("public-map-label"));
    let funded = data::funded(conn, n.id).await?;
    let cofunding = data::cofunding(conn, n.id).await?;
    let events = data::events(conn, n.id, crate::clock::now())
        .await?
        .into_iter()
        .map(|e| {
            let when = crate::web::format::datetime(&e.starts_at, &n.time_zone, ctx.lang);
            (e, when)
        })
        .collect();
    let articles = crate::logbook::data::latest_public(conn, n.id, LATEST_ARTICLES)
        .await?
        .into_iter()
        .map(|(id, title, at)| (id, title, crate::web::format::date(&at, &n.time_zone, ctx.lang)))
        .collect();
    render(&NetworkPage {
        about_html: crate::proposals::pages::markdown(&about),
        ctx,
        network: n,
        members,
        map,
        funded,
        cofunding,
        events,
        articles,
    })
}

#[derive(Template)]
#[template(path = "public/settings.html")]
struct SettingsPage {
    ctx: Ctx,
    slug: String,
    abouts: Vec<(Lang, String)>,
    private: bool,
    charter: String,
    /// The public pages of the documentation, to choose the charter among.
    pages: Vec<(i64, String)>,
    errors: FieldErrors,
    saved: bool,
}

impl SettingsPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
}

/// The longest text about the network, per language (characters).
pub const MAX_ABOUT_CHARS: usize = 50_000;

async fn settings_page(
    state: &AppState,
    ctx: Ctx,
    form: Option<SettingsForm>,
    errors: FieldErrors,
    saved: bool,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::edit_public(&user.doer()))?;
    let conn = &state.db.read;
    let n = crate::joining::network_of(state, user.network.id).await?;
    let pages = crate::documentation::data::pages(conn, n.id)
        .await?
        .readable(intercoop_domain::documentation::Reader::Visitor)
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect();
    let (abouts, private, charter) = match form {
        Some(f) => (
            Lang::ALL.iter().map(|l| (*l, f.about(*l))).collect(),
            f.private == "on",
            f.charter_page_id,
        ),
        None => (
            data::about_all(conn, n.id).await?,
            n.rules.private,
            n.rules.charter_page_id.map(|c| c.to_string()).unwrap_or_default(),
        ),
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &SettingsPage {
            ctx,
            slug: n.slug,
            abouts,
            private,
            charter,
            pages,
            errors,
            saved,
        },
    )
}

/// The settings form, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    pub about_fr: String,
    pub about_en: String,
    pub about_de: String,
    pub about_nl: String,
    /// "on": private.
    pub private: String,
    /// A public documentation page's id; empty: no charter.
    pub charter_page_id: String,
}

impl SettingsForm {
    fn about(&self, l: Lang) -> String {
        match l.code() {
            "fr" => self.about_fr.clone(),
            "de" => self.about_de.clone(),
            "nl" => self.about_nl.clone(),
            _ => self.about_en.clone(),
        }
    }
}

/// `GET /settings/public`.
pub async fn settings_form(
    State(state): State<AppState>,
    ctx: Ctx,
    crate::web::Query(q): crate::web::Query<HashMap<String, String>>,
) -> AppResult<Response> {
    settings_page(&state, ctx, None, FieldErrors::default(), q.contains_key("saved")).await
}

/// `POST /settings/public`: the texts, privacy and the charter.
pub async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::edit_public(&user.doer()))?;
    let mut errors = FieldErrors::default();
    for l in Lang::ALL {
        if form.about(l).chars().count() > MAX_ABOUT_CHARS {
            errors.add(&format!("about_{}", l.code()), "too-long");
        }
    }
    let charter = match form.charter_page_id.trim() {
        "" => None,
        s => match s.parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("charter_page_id", "invalid-choice");
                None
            }
        },
    };
    let txn = state.db.write.begin().await?;
    if let Some(id) = charter {
        // The charter is read by applicants: a public page of this network.
        let readable = crate::documentation::data::pages(&txn, user.network.id)
            .await?
            .readable(intercoop_domain::documentation::Reader::Visitor)
            .iter()
            .any(|p| p.id == id);
        if !readable {
            errors.add("charter_page_id", "invalid-choice");
        }
    }
    if !errors.is_empty() {
        drop(txn);
        return settings_page(&state, ctx, Some(form), errors, false).await;
    }
    for l in Lang::ALL {
        data::save_about(&txn, user.network.id, l, &form.about(l), user.person_id).await?;
    }
    let n = network::Entity::find_by_id(user.network.id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let before = n.rules.0.clone();
    let mut rules = before.clone();
    rules.private = form.private == "on";
    rules.charter_page_id = charter;
    if rules != before {
        let mut m: network::ActiveModel = n.into();
        m.rules = Set(crate::db::types::Json(rules.clone()));
        m.update(&txn).await?;
        crate::audit::record(
            &txn,
            crate::audit::Change {
                network_id: Some(user.network.id),
                actor: crate::audit::Actor::person(user.person_id),
                action: "network.public_settings",
                entity: "network",
                entity_id: Some(user.network.id),
            },
            Some(&before),
            Some(&rules),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(see_other("/settings/public?saved"))
}

#[derive(Template)]
#[template(path = "public/listing.html")]
struct ListingPage {
    ctx: Ctx,
    organisation_id: i64,
    organisation: String,
    form: ListingForm,
    errors: FieldErrors,
}

impl ListingPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
}

/// An organisation's listing, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ListingForm {
    /// "on": listed on the public page.
    pub listed: String,
    pub city: String,
    /// Degrees (`50.8503`).
    pub latitude: String,
    pub longitude: String,
}

fn degrees(e6: Option<i64>) -> String {
    e6.map(|v| {
        let sign = if v < 0 { "-" } else { "" };
        format!("{sign}{}.{:06}", v.abs() / 1_000_000, v.abs() % 1_000_000)
    })
    .unwrap_or_default()
}

async fn listing_page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    form: Option<ListingForm>,
    errors: FieldErrors,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::edit_listing(&user.doer(), id))?;
    let conn = &state.db.read;
    let detail = crate::organisations::data::get(conn, user.network.id, id).await?;
    let form = match form {
        Some(f) => f,
        None => {
            let l = data::listing_of(conn, user.network.id, id).await?;
            ListingForm {
                listed: if l.listed { "on".into() } else { String::new() },
                city: l.city,
                latitude: degrees(l.latitude_e6),
                longitude: degrees(l.longitude_e6),
            }
        }
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        status,
        &ListingPage {
            ctx,
            organisation_id: id,
            organisation: detail.organisation.name,
            form,
            errors,
        },
    )
}

/// `GET /organisations/{id}/listing`.
pub async fn listing_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    listing_page(&state, ctx, parse_id(&id)?, None, FieldErrors::default()).await
}

/// `POST /organisations/{id}/listing`: listed or not, its city and place.
pub async fn save_listing(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ListingForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = parse_id(&id)?;
    require(policy::edit_listing(&user.doer(), id))?;
    crate::organisations::data::get(&state.db.read, user.network.id, id).await?;
    let mut errors = FieldErrors::default();
    let city = errors.optional_line("city", &form.city, 100);
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
    let latitude = place("latitude", &form.latitude, true, &mut errors);
    let longitude = place("longitude", &form.longitude, false, &mut errors);
    if latitude.is_some() != longitude.is_some() && errors.is_empty() {
        errors.add(if latitude.is_none() { "latitude" } else { "longitude" }, "required");
    }
    if !errors.is_empty() {
        return listing_page(&state, ctx, id, Some(form), errors).await;
    }
    let txn = state.db.write.begin().await?;
    let before = data::listing_of(&txn, user.network.id, id).await?;
    let after = crate::joining::entities::listing::Model {
        listed: form.listed == "on",
        city,
        latitude_e6: latitude,
        longitude_e6: longitude,
        ..before.clone()
    };
    data::save_listing(&txn, after.clone()).await?;
    crate::audit::record(
        &txn,
        crate::audit::Change {
            network_id: Some(user.network.id),
            actor: crate::audit::Actor::person(user.person_id),
            action: "organisation.listing",
            entity: "organisation",
            entity_id: Some(id),
        },
        Some(&before),
        Some(&after),
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!("/organisations/{id}")))
}
