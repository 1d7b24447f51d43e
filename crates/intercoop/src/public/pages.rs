//! The public page of a network, its settings, and an organisation's listing.

use super::data::{self, Event, Listed, Work};
use super::settings;
use crate::access::require;
use crate::api::parse_id;
use crate::audit::Actor;
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
use sea_orm::TransactionTrait;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "public/network.html")]
struct NetworkPage {
    ctx: Ctx,
    network: network::Model,
    shown: Shown,
    events: Vec<(Event, String)>,
}

/// How many of the logbook's articles the public page shows.
const LATEST_ARTICLES: u64 = 3;

#[derive(Template)]
#[template(path = "public/private.html")]
struct PrivatePage {
    ctx: Ctx,
    network: network::Model,
}

/// What the public page shows that changes only when the database does, in one
/// language: kept until the database changes (`Db::memo`, on SQLite), because visitors
/// and crawlers hit this page most. Before, each visit read six queries, rendered and
/// sanitized the about text's Markdown and drew the map (bench/run: 12 to 17 times a
/// `/healthz` at scale 100). The upcoming events depend on the clock and are kept apart
/// ([`upcoming`]).
#[derive(Clone)]
struct Shown {
    about_html: String,
    /// The first members listed by name ([`data::MEMBERS_SHOWN`]), and how many there are.
    members: Vec<Listed>,
    members_total: i64,
    map: Option<String>,
    funded: Vec<Work>,
    cofunding: Vec<Work>,
    /// The logbook's latest public articles: (id, title, day written).
    articles: Vec<(i64, String, String)>,
}

/// Reads and renders [`Shown`] for network `n` in the reader's language.
async fn shown(state: &AppState, ctx: &Ctx, n: &network::Model) -> AppResult<Shown> {
    let db = &state.db;
    let conn = &db.read;
    let about = data::about_text(conn, n.id, ctx.lang, n.default_language.0).await?;
    let shown = crate::api::Page {
        page: 1,
        per_page: data::MEMBERS_SHOWN,
    };
    let (members, members_total) = data::listed(db, n.id, &shown).await?;
    let places = data::places(conn, n.id).await?;
    let map = super::map::svg(&places, &ctx.t("public-map-label"), |p| place_title(ctx, p));
    let funded = data::funded(conn, n.id).await?;
    let cofunding = data::cofunding(conn, n.id).await?;
    let articles = crate::logbook::data::latest_public(conn, n.id, LATEST_ARTICLES)
        .await?
        .into_iter()
        .map(|(id, title, at)| (id, title, crate::web::format::date(&at, &n.time_zone, ctx.lang)))
        .collect();
    Ok(Shown {
        about_html: crate::proposals::pages::markdown(&about),
        members,
        members_total,
        map,
        funded,
        cofunding,
        articles,
    })
}

/// The upcoming public events, kept like [`Shown`] with the instant they were read at,
/// while none of them has ended (then read again: one that ends leaves the page at its
/// instant, and the next one takes its place). A clock set back (in tests) reads again.
async fn upcoming(state: &AppState, n: &network::Model) -> AppResult<Vec<Event>> {
    let now = crate::clock::now();
    let (_, events) = state
        .db
        .memo_while(
            &format!("public-events:{}", n.id),
            |(read_at, events): &(time::OffsetDateTime, Vec<Event>)| {
                *read_at <= now && events.iter().all(|e| e.ends_at >= now)
            },
            || async move { Ok::<_, AppError>((now, data::events(&state.db.read, n.id, now).await?)) },
        )
        .await?;
    Ok(events)
}

/// `GET /n/{slug}`: the network's public page, or a sign-in page when it is private.
pub async fn network(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let n = crate::joining::network_by_slug(&state, &slug).await?;
    if n.rules.private {
        return render(&PrivatePage { ctx, network: n });
    }
    // A network's id and the language name everything [`shown`] reads besides the
    // database (the network's row, its time zone and default language among it).
    let shown = state
        .db
        .memo(&format!("public-page:{}:{}", n.id, ctx.lang.code()), || {
            shown(&state, &ctx, &n)
        })
        .await?;
    let events = upcoming(&state, &n)
        .await?
        .into_iter()
        .map(|e| {
            let when = crate::web::format::datetime(&e.starts_at, &n.time_zone, ctx.lang);
            (e, when)
        })
        .collect();
    render(&NetworkPage {
        ctx,
        network: n,
        shown,
        events,
    })
}

/// What a dot of the map says: the city and how many members are there.
fn place_title(ctx: &Ctx, p: &data::Place) -> String {
    ctx.lang.t_args(
        "public-map-place",
        &[
            ("city", crate::i18n::Arg::Str(p.city.clone())),
            ("count", crate::i18n::Arg::Num(p.members)),
        ],
    )
}

#[derive(Template)]
#[template(path = "public/members.html")]
struct MembersPage {
    ctx: Ctx,
    network: network::Model,
    members: Vec<Listed>,
    total: i64,
    page: u64,
    pages: u64,
    /// The list's filters as a query string (none here), for the pagination links.
    query: String,
}

/// Members listed per page of `/n/{slug}/members`.
const MEMBERS_PER_PAGE: u64 = 100;

#[derive(Debug, Default, Deserialize)]
pub struct MembersParams {
    pub page: Option<u64>,
}

/// `GET /n/{slug}/members`: every member that agreed to be listed, by name, a page at a
/// time; the sign-in page when the network is private.
pub async fn members(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    crate::web::Query(params): crate::web::Query<MembersParams>,
) -> AppResult<Response> {
    let n = crate::joining::network_by_slug(&state, &slug).await?;
    if n.rules.private {
        return render(&PrivatePage { ctx, network: n });
    }
    let page = crate::api::Page {
        page: params.page.unwrap_or(1).min(crate::api::MAX_PAGE),
        per_page: MEMBERS_PER_PAGE,
    };
    let (members, total) = data::listed(&state.db, n.id, &page).await?;
    render(&MembersPage {
        ctx,
        network: n,
        members,
        total,
        page: page.number(),
        pages: page.count(total),
        query: String::new(),
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
    let charter = match form.charter_page_id.trim() {
        "" => Ok(None),
        s => s.parse::<i64>().map(Some),
    };
    let Ok(charter_page_id) = charter else {
        let mut errors = FieldErrors::default();
        errors.add("charter_page_id", "invalid-choice");
        return settings_page(&state, ctx, Some(form), errors, false).await;
    };
    let input = settings::PublicSettings {
        about: Lang::ALL
            .iter()
            .map(|l| (l.code().to_string(), form.about(*l)))
            .collect(),
        private: form.private == "on",
        charter_page_id,
    };
    let txn = state.db.write.begin().await?;
    match settings::save(&txn, user.network.id, Actor::person(user.person_id), &input).await {
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            return settings_page(&state, ctx, Some(form), errors, false).await;
        }
        done => done?,
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
                latitude: settings::degrees(l.latitude_e6),
                longitude: settings::degrees(l.longitude_e6),
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
    let txn = state.db.write.begin().await?;
    let saved = settings::save_listing(
        &txn,
        user.network.id,
        Actor::person(user.person_id),
        id,
        (form.listed == "on", &form.city, &form.latitude, &form.longitude),
    )
    .await;
    match saved {
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            return listing_page(&state, ctx, id, Some(form), errors).await;
        }
        done => done?,
    }
    txn.commit().await?;
    Ok(see_other(&format!("/organisations/{id}")))
}
