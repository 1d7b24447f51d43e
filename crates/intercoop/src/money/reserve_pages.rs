//! The pages of shared recurring costs (`reserves`), usable on a phone without
//! JavaScript: the list with the form to set one up (any sharing key the API takes:
//! equal, by size, by explicit weights per member, by size tiers), and one reserve's
//! page, to change it (from the next month asked) or close it, the consequence shown
//! with its amounts before the one confirmation. The API is [`super::reserve_web`].

use super::policy;
use super::reserves::{self, ReserveChange, ReserveIn, ReserveOut};
use crate::access::require;
use crate::api::parse_id;
use crate::audit::Actor;
use crate::error::{AppResult, FieldErrors};
use crate::funding::terms::{CampaignForm, KEYS};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::sharing::SharingKey;
use sea_orm::TransactionTrait;
use std::collections::HashMap;

/// A reserve as typed: a name, a monthly amount in units ("12,50"), and the sharing key
/// with its weights (`weight_<org id>`) or tiers (`tier_small`…), read by the campaign
/// form's own reader so that both offer the same keys with the same errors.
#[derive(Default)]
pub struct ReserveForm {
    name: String,
    monthly: String,
    key: CampaignForm,
}

impl ReserveForm {
    fn from_fields(fields: &HashMap<String, String>) -> ReserveForm {
        ReserveForm {
            name: fields.get("name").cloned().unwrap_or_default(),
            monthly: fields.get("monthly").cloned().unwrap_or_default(),
            key: CampaignForm::from_fields(fields),
        }
    }

    /// A new reserve's form: equal shares, tiers 1-2-3 ready.
    fn blank() -> ReserveForm {
        ReserveForm {
            key: CampaignForm::new_campaign(None),
            ..ReserveForm::default()
        }
    }

    /// The form showing a stored reserve, to change it.
    fn of(r: &ReserveOut) -> ReserveForm {
        let mut key = CampaignForm::new_campaign(None);
        key.show_key(&r.key);
        ReserveForm {
            name: r.name.clone(),
            monthly: super::forms::as_units(r.monthly_cents),
            key,
        }
    }

    fn read(&self) -> Result<ReserveIn, FieldErrors> {
        let mut errors = FieldErrors::default();
        let monthly = super::forms::units(&mut errors, "monthly_cents", &self.monthly);
        let key = self.key.read_key(&mut errors);
        // Weights that name nobody: said beside the weights, where they are typed.
        if let Some(SharingKey::Weights { weights }) = &key
            && weights.values().all(|w| *w == 0)
            && !errors.has("weights")
        {
            errors.add("weights", "proposals-zero-weights");
        }
        match (monthly, key) {
            (Some(m), Some(key)) if errors.is_empty() => Ok(ReserveIn {
                name: self.name.clone(),
                monthly_cents: m,
                key,
            }),
            _ => Err(errors),
        }
    }
}

/// What the key fields of a reserve form need (shared by both pages' template).
pub struct KeyFields {
    form: ReserveForm,
    errors: FieldErrors,
    /// Member organisations: (id, name, their size in words).
    members: Vec<(i64, String, String)>,
}

impl KeyFields {
    async fn new(
        state: &AppState,
        ctx: &Ctx,
        network_id: i64,
        form: ReserveForm,
        errors: FieldErrors,
    ) -> AppResult<Self> {
        let members = crate::organisations::data::member_choices(&state.db.read, network_id)
            .await?
            .into_iter()
            .map(|o| {
                let size = match o.size {
                    Some(s) => ctx.tn("proposals-campaign-size", s),
                    None => ctx.t("proposals-campaign-no-size"),
                };
                (o.id, o.name, size)
            })
            .collect();
        Ok(KeyFields { form, errors, members })
    }
}

#[derive(Template)]
#[template(path = "money/reserves.html")]
struct ListPage {
    ctx: Ctx,
    reserves: Vec<ReserveOut>,
    f: KeyFields,
}

#[derive(Template)]
#[template(path = "money/reserve.html")]
struct ReservePage {
    ctx: Ctx,
    r: ReserveOut,
    f: KeyFields,
}

/// The helpers both templates call.
macro_rules! key_helpers {
    ($t:ty) => {
        impl $t {
            fn error(&self, field: &str) -> Option<String> {
                self.f.errors.get(field, self.ctx.lang)
            }
            fn has_error(&self, field: &str) -> bool {
                self.f.errors.has(field)
            }
            fn keys(&self) -> &'static [&'static str] {
                &KEYS
            }
            fn key_is(&self, k: &str) -> bool {
                self.f.form.key.key == k
            }
            fn weight_of(&self, id: impl crate::web::Num) -> String {
                self.f.form.key.weight_of(id.num())
            }
            fn key_name(&self, key: &SharingKey) -> String {
                let k = match key {
                    SharingKey::Equal => "equal",
                    SharingKey::Size => "size",
                    SharingKey::Weights { .. } => "weights",
                    SharingKey::Tiers { .. } => "tiers",
                };
                self.ctx.t(&format!("proposals-key-{k}"))
            }
        }
    };
}
key_helpers!(ListPage);
key_helpers!(ReservePage);

async fn list_page(state: &AppState, ctx: Ctx, form: ReserveForm, errors: FieldErrors) -> AppResult<ListPage> {
    let user = require_user(&ctx)?;
    let network_id = user.network.id;
    let reserves = reserves::list(&state.db.read, network_id).await?;
    let f = KeyFields::new(state, &ctx, network_id, form, errors).await?;
    Ok(ListPage { ctx, reserves, f })
}

/// The reserves and the form to set one up.
pub async fn page_list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    render(&list_page(&state, ctx, ReserveForm::blank(), FieldErrors::default()).await?)
}

/// Sets a reserve up; errors beside their fields (422).
pub async fn page_create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let form = ReserveForm::from_fields(&fields);
    match form.read().and_then(|input| input.validate()) {
        Ok(valid) => {
            let txn = state.db.write.begin().await?;
            reserves::create(&txn, Actor::person(user.person_id), user.network.id, &valid).await?;
            txn.commit().await?;
            Ok(see_other("/money/reserves"))
        }
        Err(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &list_page(&state, ctx, form, errors).await?,
        ),
    }
}

async fn reserve_page(
    state: &AppState,
    ctx: Ctx,
    r: ReserveOut,
    form: Option<ReserveForm>,
    errors: FieldErrors,
) -> AppResult<ReservePage> {
    let network_id = require_user(&ctx)?.network.id;
    let form = form.unwrap_or_else(|| ReserveForm::of(&r));
    let f = KeyFields::new(state, &ctx, network_id, form, errors).await?;
    Ok(ReservePage { ctx, r, f })
}

/// One reserve: its money, the form to change it, and closing it with its consequence.
pub async fn page_show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let r = reserves::show(&state.db.read, user.network.id, parse_id(&id)?).await?;
    render(&reserve_page(&state, ctx, r, None, FieldErrors::default()).await?)
}

/// Changes a reserve from the next month asked; errors beside their fields (422).
pub async fn page_change(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(fields): CsrfForm<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let form = ReserveForm::from_fields(&fields);
    let errors = match form.read() {
        Ok(input) => {
            let change = ReserveChange {
                name: Some(input.name),
                monthly_cents: Some(input.monthly_cents),
                key: Some(input.key),
            };
            let txn = state.db.write.begin().await?;
            match reserves::change(&txn, Actor::person(user.person_id), user.network.id, id, &change).await {
                Ok(_) => {
                    txn.commit().await?;
                    return Ok(see_other(&format!("/money/reserves/{id}")));
                }
                Err(crate::error::AppError::Invalid(errors)) => errors,
                Err(e) => return Err(e),
            }
        }
        Err(errors) => errors,
    };
    let r = reserves::show(&state.db.read, user.network.id, id).await?;
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &reserve_page(&state, ctx, r, Some(form), errors).await?,
    )
}

/// Closes a reserve (the page showed what happens to its money before this button).
pub async fn page_close(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let id = parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    reserves::close(&txn, Actor::person(user.person_id), user.network.id, id).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/money/reserves/{id}")))
}
