//! The pages of rounds and buckets: opening a round, a round's page (a progress bar per
//! bucket, the participant's allocation left, the form to propose a bucket, and once
//! closed the result explained: the formula and every figure of the matching), closing
//! a round (its consequences shown before the one confirmation), and a bucket's page
//! with the form to place an allocation in it.

use super::close::{self, ResultOut};
use super::data::{self, PoolOut};
use super::entities::{CLOSED, placement};
use super::pages::{Typed, error_of, optional_units};
use super::placements::{self, AllocationOut};
use super::policy;
use super::rounds::{self, BucketIn, BucketOut, MatchingIn, RoundIn, RoundOut};
use crate::access::require;
use crate::api::parse_id;
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::{Lang, Phrase};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use std::collections::{BTreeMap, HashMap};

#[derive(Template)]
#[template(path = "pools/round_new.html")]
struct NewRoundPage {
    ctx: Ctx,
    p: PoolOut,
    form: Typed,
}

impl NewRoundPage {
    fn error(&self, field: &str) -> Option<String> {
        error_of(&self.form, &self.ctx, field)
    }
    fn checked(&self, name: &str, value: &str, default: bool) -> bool {
        self.form.is(name, value) || (default && self.form.val(name).is_empty())
    }
}

/// The form to open a round on a pool (administrators).
pub async fn new_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let p = data::show(&state.db.read, user.network.id, parse_id(&id)?).await?;
    render(&NewRoundPage {
        ctx,
        p,
        form: Typed::default(),
    })
}

/// Opens a round; errors beside their fields (422).
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let pool_id = parse_id(&id)?;
    let mut errors = FieldErrors::default();
    let get = |k: &str| fields.get(k).cloned().unwrap_or_default();
    let matching = match get("matching").as_str() {
        "" | "none" => None,
        kind => {
            let pool_cents = optional_units(&mut errors, "matching.pool_cents", fields.get("matching_pool"));
            if pool_cents.is_none() && !errors.has("matching.pool_cents") {
                errors.add("matching.pool_cents", "required");
            }
            Some(MatchingIn {
                kind: kind.to_string(),
                pool_cents: pool_cents.unwrap_or(0),
                cap_cents: optional_units(&mut errors, "matching.cap_cents", fields.get("matching_cap")),
            })
        }
    };
    let input = RoundIn {
        pool_id,
        title: get("title"),
        description: Some(get("description")),
        opens_at: get("opens_at"),
        closes_at: get("closes_at"),
        allocation: get("allocation"),
        participants: Some(get("participants")).filter(|r| !r.is_empty()),
        returns: Some(get("returns")).filter(|r| !r.is_empty()),
        matching,
    };
    let errors = if errors.is_empty() {
        let txn = state.db.write.begin().await?;
        let made = rounds::create(
            &txn,
            Actor::person(user.person_id),
            user.network.id,
            &user.network.time_zone,
            &input,
        )
        .await;
        match made {
            Ok(r) => {
                txn.commit().await?;
                return Ok(see_other(&format!("/rounds/{}", r.id)));
            }
            Err(AppError::Invalid(errors)) => errors,
            Err(e) => return Err(e),
        }
    } else {
        errors
    };
    let p = data::show(&state.db.read, user.network.id, pool_id).await?;
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &NewRoundPage {
            ctx,
            p,
            form: Typed::new(fields, errors),
        },
    )
}

/// One line of the matching's explanation.
pub struct Explained {
    pub title: String,
    pub funded: bool,
    /// Each contributor's amount and its square root (in units).
    pub contributions: Vec<(i64, f64)>,
    pub sum_roots_squared: f64,
    pub sum: f64,
    /// The weight in units: raised (proportional) or (Σ√c)² − Σc (quadratic).
    pub weight: f64,
    /// Its part of all weights, in percent.
    pub percent: f64,
    pub matched_cents: i64,
}

#[derive(Template)]
#[template(path = "pools/round.html")]
struct RoundPage {
    ctx: Ctx,
    r: RoundOut,
    /// The round's pool (its name and link only: the pool's money is on its own page).
    pool: super::entities::pool::Model,
    /// The caller's organisations' allocations in the round.
    mine: Vec<AllocationOut>,
    result: Option<ResultOut>,
    explained: Vec<Explained>,
    manage: bool,
    /// The closing instant has passed and the round is still open.
    due: bool,
    form: Typed,
    /// What each bucket's line says, formatted once for all of them.
    phrases: BucketPhrases,
}

/// "minimum …", "maximum …", "matched …" in the reader's language.
struct BucketPhrases {
    minimum: Phrase,
    maximum: Phrase,
    matched: Phrase,
}

impl BucketPhrases {
    fn new(lang: Lang) -> BucketPhrases {
        BucketPhrases {
            minimum: Phrase::new(lang, "pools-minimum", "amount"),
            maximum: Phrase::new(lang, "pools-maximum", "amount"),
            matched: Phrase::new(lang, "pools-matched-of", "amount"),
        }
    }
}

impl RoundPage {
    fn error(&self, field: &str) -> Option<String> {
        error_of(&self.form, &self.ctx, field)
    }
    fn open(&self) -> bool {
        self.r.status == super::entities::OPEN
    }
    fn quadratic(&self) -> bool {
        self.r.matching.as_ref().is_some_and(|m| m.kind == "quadratic")
    }
    /// A bucket's progress: percent of its maximum (or of its minimum without one).
    fn percent(&self, b: &BucketOut) -> i64 {
        let goal = b.max_cents.unwrap_or(b.min_cents).max(1);
        (b.placed_cents.saturating_mul(100) / goal).clamp(0, 100)
    }
    fn fig(&self, x: &f64) -> String {
        format!("{x:.2}")
    }
}

/// The matching explained bucket by bucket, from the result and the placements (figures
/// in units, for reading; the shares themselves were computed on integers).
fn explain(r: &RoundOut, result: &ResultOut, placements: &[placement::Model]) -> Vec<Explained> {
    let Some(m) = &r.matching else {
        return Vec::new();
    };
    let quadratic = m.kind == "quadratic";
    let mut by_bucket: BTreeMap<i64, BTreeMap<i64, i64>> = BTreeMap::new();
    for p in placements {
        *by_bucket
            .entry(p.bucket_id)
            .or_default()
            .entry(p.organisation_id)
            .or_default() += p.amount_cents;
    }
    let mut lines: Vec<Explained> = result
        .buckets
        .iter()
        .map(|b| {
            let contributions: Vec<(i64, f64)> = by_bucket
                .get(&b.id)
                .map(|m| m.values().map(|c| (*c, (*c as f64 / 100.0).sqrt())).collect())
                .unwrap_or_default();
            let roots: f64 = contributions.iter().map(|c| c.1).sum();
            let sum: f64 = contributions.iter().map(|c| c.0 as f64 / 100.0).sum();
            let weight = if !b.funded {
                0.0
            } else if quadratic {
                (roots * roots - sum).max(0.0)
            } else {
                b.raised_cents as f64 / 100.0
            };
            Explained {
                title: b.title.clone(),
                funded: b.funded,
                contributions,
                sum_roots_squared: roots * roots,
                sum,
                weight,
                percent: 0.0,
                matched_cents: b.matched_cents,
            }
        })
        .collect();
    let total: f64 = lines.iter().map(|l| l.weight).sum();
    if total > 0.0 {
        for l in &mut lines {
            l.percent = l.weight * 100.0 / total;
        }
    }
    lines
}

async fn round_page(state: &AppState, ctx: Ctx, id: i64, form: Typed) -> AppResult<RoundPage> {
    let user = require_user(&ctx)?;
    let conn = &state.db.read;
    let network_id = user.network.id;
    let r = rounds::show_kept(&state.db, network_id, id).await?;
    // The pool's name alone: its figures (a sum of its contributions, its balance in the
    // ledger, its rounds and carried allocations: five queries) are its page's.
    let pool = data::get(conn, network_id, r.pool_id).await?;
    let doer = user.doer();
    let mine = placements::allocations_of(conn, network_id, id, &doer.organisations, user.person_id).await?;
    let (result, explained) = if r.status == CLOSED {
        let result = close::result(conn, network_id, id).await?;
        let placements = placement::Entity::find()
            .filter(placement::Column::RoundId.eq(id))
            .filter(placement::Column::AmountCents.gt(0))
            .all(conn)
            .await?;
        let explained = explain(&r, &result, &placements);
        (Some(result), explained)
    } else {
        (None, Vec::new())
    };
    let due = r.status != CLOSED && crate::clock::now() >= r.closes_at;
    Ok(RoundPage {
        phrases: BucketPhrases::new(ctx.lang),
        ctx,
        r,
        pool,
        mine,
        result,
        explained,
        manage: policy::manage(&doer),
        due,
        form,
    })
}

/// A round: its buckets with their progress, the caller's allocation, the form to
/// propose a bucket; once closed, the result explained.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let id = parse_id(&id)?;
    render(&round_page(&state, ctx, id, Typed::default()).await?)
}

/// Proposes a bucket; errors beside their fields (422).
pub async fn create_bucket(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::propose(&user.doer()))?;
    let id = parse_id(&id)?;
    let mut errors = FieldErrors::default();
    let min = optional_units(&mut errors, "min_cents", fields.get("min"));
    if min.is_none() && !errors.has("min_cents") {
        errors.add("min_cents", "required");
    }
    let max = optional_units(&mut errors, "max_cents", fields.get("max"));
    let input = BucketIn {
        title: fields.get("title").cloned().unwrap_or_default(),
        description: fields.get("description").cloned(),
        breakdown: fields.get("breakdown").cloned(),
        min_cents: min.unwrap_or(0),
        max_cents: max,
    };
    let errors = if errors.is_empty() {
        let txn = state.db.write.begin().await?;
        match rounds::create_bucket(&txn, Actor::person(user.person_id), user.network.id, id, &input).await {
            Ok(b) => {
                txn.commit().await?;
                return Ok(see_other(&format!("/buckets/{}", b.id)));
            }
            Err(AppError::Invalid(errors)) => errors,
            Err(e) => return Err(e),
        }
    } else {
        errors
    };
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &round_page(&state, ctx, id, Typed::new(fields, errors)).await?,
    )
}

#[derive(Template)]
#[template(path = "pools/close.html")]
struct ClosePage {
    ctx: Ctx,
    r: RoundOut,
    /// What closing would give: (title, placed, funded, raised, matched).
    preview: Vec<(String, i64, bool, i64, i64)>,
    returned_cents: i64,
    funded_cents: i64,
}

/// What closing a round does, with the figures it would give, and the one button.
pub async fn close_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let conn = &state.db.read;
    let model = rounds::get(conn, user.network.id, id).await?;
    if model.status == CLOSED {
        return Ok(see_other(&format!("/rounds/{id}")));
    }
    // Its title and rules; the buckets are read by `outcome`.
    let r = rounds::round_out(model.clone(), Vec::new());
    let (outcome, buckets) = close::outcome(conn, &model).await?;
    let titles: BTreeMap<i64, String> = buckets.into_iter().map(|b| (b.id, b.title)).collect();
    let preview = outcome
        .buckets
        .iter()
        .map(|b| {
            (
                titles.get(&b.id).cloned().unwrap_or_default(),
                b.placed.cents(),
                b.funded,
                b.raised.cents(),
                b.matched.cents(),
            )
        })
        .collect();
    render(&ClosePage {
        ctx,
        r,
        preview,
        returned_cents: outcome.returned_total().cents(),
        funded_cents: outcome.funded_total().cents(),
    })
}

/// Closes a round (the page showed what it gives before this button).
pub async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    close::close(&txn, Actor::person(user.person_id), user.network.id, id).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/rounds/{id}")))
}

#[derive(Template)]
#[template(path = "pools/bucket.html")]
struct BucketPage {
    ctx: Ctx,
    b: BucketOut,
    r: RoundOut,
    placements: Vec<placements::PlacementOut>,
    /// The caller's organisations' allocations, with what each placed here.
    mine: Vec<(AllocationOut, i64)>,
    form: Typed,
}

impl BucketPage {
    fn error(&self, field: &str) -> Option<String> {
        error_of(&self.form, &self.ctx, field)
    }
    fn open(&self) -> bool {
        self.r.status == super::entities::OPEN
    }
    fn percent(&self) -> i64 {
        let goal = self.b.max_cents.unwrap_or(self.b.min_cents).max(1);
        (self.b.placed_cents.saturating_mul(100) / goal).clamp(0, 100)
    }
    /// The amount to show in the form: as typed, else what the organisation placed.
    fn amount_value(&self, placed: &i64) -> String {
        let typed = self.form.val("amount");
        if typed.is_empty() && self.form.errors.is_empty() {
            crate::money::forms::as_units(*placed)
        } else {
            typed
        }
    }
}

async fn bucket_page(state: &AppState, ctx: Ctx, id: i64, form: Typed) -> AppResult<BucketPage> {
    let user = require_user(&ctx)?;
    let conn = &state.db.read;
    let network_id = user.network.id;
    let b = rounds::get_bucket(conn, network_id, id).await?;
    // The round's title and whether it accepts placements, not its other buckets.
    let r = rounds::round_out(rounds::get(conn, network_id, b.round_id).await?, Vec::new());
    let placements = placements::placements(conn, b.id).await?;
    let doer = user.doer();
    let mine = placements::allocations_of(conn, network_id, r.id, &doer.organisations, user.person_id)
        .await?
        .into_iter()
        .map(|a| {
            let here = placements
                .iter()
                .find(|p| p.organisation_id == a.organisation_id && p.person_id == a.person_id)
                .map(|p| p.amount_cents)
                .unwrap_or(0);
            (a, here)
        })
        .collect();
    let b = rounds::bucket_out(b, r.status == CLOSED);
    Ok(BucketPage {
        ctx,
        b,
        r,
        placements,
        mine,
        form,
    })
}

/// A bucket: its goals, its progress, who placed what, and the form to place the
/// caller's organisation's allocation.
pub async fn bucket(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let id = parse_id(&id)?;
    render(&bucket_page(&state, ctx, id, Typed::default()).await?)
}

/// Places an organisation's allocation in a bucket; errors beside their fields (422).
pub async fn place(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = parse_id(&id)?;
    let org = super::api::placing_for(&user, fields.get("organisation_id").and_then(|o| o.parse().ok()))?;
    let mut errors = FieldErrors::default();
    let amount = crate::money::forms::units(
        &mut errors,
        "amount_cents",
        &fields.get("amount").cloned().unwrap_or_default(),
    );
    let errors = match amount {
        Some(cents) if errors.is_empty() => {
            let txn = state.db.write.begin().await?;
            match placements::place(&txn, Actor::person(user.person_id), user.network.id, id, org, cents).await {
                Ok(_) => {
                    txn.commit().await?;
                    return Ok(see_other(&format!("/buckets/{id}")));
                }
                Err(AppError::Invalid(errors)) => errors,
                Err(e) => return Err(e),
            }
        }
        _ => errors,
    };
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &bucket_page(&state, ctx, id, Typed::new(fields, errors)).await?,
    )
}
