//! A pool's periodic contributions on a page, usable on a phone without JavaScript:
//! the schedule as it stands (on the pool's page and here) and, for administrators (the
//! policy of `PUT /api/v1/pools/{id}/schedule`), the form to set, change or stop it.
//! Saving shows its consequence first, figured from the members as they are (how many
//! organisations are asked how much, and the total per period), and asks once; bad
//! input keeps what was typed, each message beside its field. The rules and the audit
//! entry are [`super::periodic::set`]'s.

use super::data;
use super::pages::{Typed, error_of};
use super::periodic::{self, ScheduleIn, ScheduleOut};
use super::policy;
use crate::access::require;
use crate::api::parse_id;
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Arg;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::TransactionTrait;
use std::collections::HashMap;

/// A schedule in words, in the reader's language: "4,00 € per member worker every
/// week from 7 December 2026" (`from`: the day it applies from).
pub fn describe(ctx: &Ctx, amount_cents: i64, period: &str, per_worker: bool, from: &str) -> String {
    let per = if per_worker {
        format!(" {}", ctx.t("pools-schedule-per-worker-short"))
    } else {
        String::new()
    };
    ctx.lang.t_args(
        "pools-schedule-describe",
        &[
            ("amount", Arg::Str(ctx.money(amount_cents))),
            ("per", Arg::Str(per)),
            ("each", Arg::Str(ctx.t(&format!("pools-schedule-each-{period}")))),
            ("from", Arg::Str(day(ctx, from))),
        ],
    )
}

/// A `YYYY-MM-DD` day in the reader's language (as typed when it is not a day).
fn day(ctx: &Ctx, d: &str) -> String {
    let parsed = d.parse::<jiff::civil::Date>().ok().and_then(|d| {
        let month = time::Month::try_from(u8::try_from(d.month()).ok()?).ok()?;
        time::Date::from_calendar_date(i32::from(d.year()), month, u8::try_from(d.day()).ok()?).ok()
    });
    parsed.map(|d| ctx.day(&d)).unwrap_or_else(|| d.to_string())
}

#[derive(Template)]
#[template(path = "pools/schedule.html")]
struct SchedulePage {
    ctx: Ctx,
    pool_id: i64,
    pool_name: String,
    current: Option<ScheduleOut>,
    form: Typed,
    /// What saving would do, in words, when the form was checked and asks to confirm.
    consequence: Option<Vec<String>>,
}

impl SchedulePage {
    fn error(&self, field: &str) -> Option<String> {
        error_of(&self.form, &self.ctx, field)
    }
    fn periods(&self) -> [&'static str; 2] {
        ["weekly", "monthly"]
    }
    fn checked(&self, name: &str) -> bool {
        self.form.fields.contains_key(name)
    }
    fn current_text(&self) -> Option<String> {
        self.current
            .as_ref()
            .map(|s| describe(&self.ctx, s.amount_cents, &s.period, s.per_worker, &s.applies_from))
    }
}

async fn page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    form: Option<Typed>,
    consequence: Option<Vec<String>>,
) -> AppResult<SchedulePage> {
    let user = require_user(&ctx)?;
    let conn = &state.db.read;
    let p = data::get(conn, user.network.id, id).await?;
    let current = periodic::get(conn, user.network.id, id).await?.map(ScheduleOut::from);
    // The form starts from the schedule as it is (or a weekly one from today).
    let form = form.unwrap_or_else(|| {
        let mut fields = HashMap::new();
        match &current {
            Some(s) => {
                fields.insert("amount".into(), crate::money::forms::as_units(s.amount_cents));
                fields.insert("period".into(), s.period.clone());
                fields.insert("starts_on".into(), s.starts_on.clone());
                if s.per_worker {
                    fields.insert("per_worker".into(), "on".into());
                }
                if s.active {
                    fields.insert("active".into(), "on".into());
                }
            }
            None => {
                fields.insert("period".into(), "weekly".into());
                fields.insert("active".into(), "on".into());
            }
        }
        Typed::new(fields, FieldErrors::default())
    });
    Ok(SchedulePage {
        ctx,
        pool_id: p.id,
        pool_name: p.name,
        current,
        form,
        consequence,
    })
}

/// The schedule of a pool and (administrators) the form to set it.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    render(&page(&state, ctx, id, None, None).await?)
}

/// Checks the form: errors beside their fields (422); else its consequence, asking to
/// confirm (200); confirmed (`confirm`), stores it and goes back to the pool.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let network_id = user.network.id;
    let mut errors = FieldErrors::default();
    let amount = crate::money::forms::units(
        &mut errors,
        "amount_cents",
        &fields.get("amount").cloned().unwrap_or_default(),
    );
    let input = ScheduleIn {
        amount_cents: amount.unwrap_or(1),
        period: fields.get("period").cloned().unwrap_or_default(),
        per_worker: fields.contains_key("per_worker"),
        active: fields.contains_key("active"),
        starts_on: fields.get("starts_on").cloned().unwrap_or_default(),
    };
    if let Err(AppError::Invalid(more)) = periodic::validate(&input) {
        errors.0.extend(more.0);
    }
    if !errors.is_empty() {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(&state, ctx, id, Some(Typed::new(fields, errors)), None).await?,
        );
    }
    if !fields.contains_key("confirm") {
        let preview = periodic::preview(&state.db.read, network_id, id, &input).await?;
        let mut lines = Vec::new();
        if input.active {
            lines.push(ctx.lang.t_args(
                "pools-schedule-consequence",
                &[
                    ("count", Arg::Num(preview.members)),
                    (
                        "what",
                        Arg::Str(describe(
                            &ctx,
                            input.amount_cents,
                            &input.period,
                            input.per_worker,
                            &preview.applies_from,
                        )),
                    ),
                    ("total", Arg::Str(ctx.money(preview.total_cents))),
                    (
                        "each",
                        Arg::Str(ctx.t(&format!("pools-schedule-each-{}", input.period.trim()))),
                    ),
                ],
            ));
        } else {
            lines.push(ctx.ta(
                "pools-schedule-consequence-stop",
                "from",
                day(&ctx, &preview.applies_from),
            ));
        }
        if preview.catch_up {
            lines.push(ctx.t("pools-schedule-consequence-catch-up"));
        }
        lines.push(ctx.t("pools-schedule-consequence-kept"));
        return render(&page(&state, ctx, id, Some(Typed::new(fields, errors)), Some(lines)).await?);
    }
    let txn = state.db.write.begin().await?;
    match periodic::set(&txn, Actor::person(user.person_id), network_id, id, &input).await {
        Ok(_) => {
            txn.commit().await?;
            Ok(see_other(&format!("/pools/{id}")))
        }
        Err(AppError::Invalid(errors)) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(&state, ctx, id, Some(Typed::new(fields, errors)), None).await?,
        ),
        Err(e) => Err(e),
    }
}
