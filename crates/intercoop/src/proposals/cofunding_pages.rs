//! Co-funding pages of a proposal: joining (pledge) and leaving, opening and closing
//! the campaign, adopting delivered work, and "my organisation's commitments".

use super::commitments::{self, Commitments};
use super::data;
use super::pages::{AsCents, OrgForm, org_id};
use crate::access::Doer;
use crate::error::{AppError, AppResult};
use crate::funding::FundingState;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use sea_orm::TransactionTrait;

pub async fn pledge(
    State(state): State<AppState>,
    State(funding): State<FundingState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<OrgForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let org = org_id(&form)?;
    // The cap typed, read as the API's `cap_cents`; refused with the API's message.
    let cap = match form.cap.trim() {
        "" => Ok(None),
        s => match intercoop_domain::Money::parse_units(s) {
            Ok(m) => Ok(Some(m.cents())),
            Err(_) if s.starts_with('-') => Err(AppError::invalid("cap_cents", "proposals-negative-cap")),
            Err(_) => Err(AppError::invalid("cap_cents", "amount-units")),
        },
    };
    let pledged = match cap {
        Ok(cap) => {
            crate::funding::pledging::pledge_committed(
                &funding.pledges,
                Doer::user(&user),
                user.network.id,
                id,
                org,
                cap,
            )
            .await
        }
        Err(e) => Err(e),
    };
    match pledged {
        Ok(_) => Ok(see_other(&format!("/proposals/{id}#campaign"))),
        // Refused by the pledge's rules: the form again, with the message beside the cap.
        Err(AppError::Invalid(errors)) if crate::funding::policy::pledge_for(&Doer::user(&user), org) => {
            let refused = super::pages::RefusedJoin {
                organisation_id: org,
                cap: form.cap.clone(),
                errors,
            };
            super::pages::show_page(&state, ctx, id, Some(refused), "").await
        }
        Err(e) => Err(e),
    }
}

pub async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<OrgForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    crate::funding::pledging::withdraw(&txn, &Doer::user(&user), p.network_id, p.id, org_id(&form)?).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}#campaign")))
}

use crate::web::Empty;

pub async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_form): CsrfForm<Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    super::cofunding::close(&txn, &Doer::user(&user), &p).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}")))
}

pub async fn adopt(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<OrgForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    super::cofunding::adopt(&txn, &Doer::user(&user), &p, org_id(&form)?).await?;
    txn.commit().await?;
    Ok(see_other("/proposals/commitments"))
}

#[derive(Template)]
#[template(path = "proposals/commitments.html")]
struct CommitmentsPage {
    ctx: Ctx,
    list: Vec<Commitments>,
}

impl CommitmentsPage {
    /// Money in the page's language (accepts a value or a reference).
    fn m(&self, cents: impl AsCents) -> String {
        self.ctx.money(cents.cents())
    }
}

pub async fn commitments(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let mut list = Vec::new();
    for o in user.member_organisations() {
        list.push(commitments::commitments(&state.db.read, user.network.id, o.id).await?);
    }
    render(&CommitmentsPage { ctx, list })
}

/// For administrators, what the API lets them do for any member organisation of an open
/// campaign, as forms on the proposal's page: record a pledge (made at an assembly, by
/// phone) and withdraw one.
pub struct OnBehalf {
    /// Member organisations that have not joined: (id, name), the first
    /// [`CHOOSER_SHOWN`] by name of those matching the search.
    pub record_for: Vec<(i64, String)>,
    /// The search typed (part of a name), if any.
    pub search: String,
    /// Offer the search: more organisations match than are listed, or one was typed.
    pub searchable: bool,
    /// What the search field says: how many are listed of how many, or that none matches.
    pub search_hint: Option<String>,
    /// Participants (not a fixed contribution): (id, name, share in cents).
    pub withdraw_for: Vec<(i64, String, i64)>,
    /// A refused pledge recorded for one of them: the organisation and the cap as typed,
    /// and the message.
    pub organisation_id: String,
    pub cap: String,
    pub error: Option<String>,
}

impl OnBehalf {
    /// Is this organisation the one of the refused pledge?
    pub fn is_chosen(&self, id: impl crate::web::Num) -> bool {
        self.organisation_id == id.num().to_string()
    }
}

/// The most organisations the chooser of a recorded pledge lists; beyond, it offers a
/// search by name. A network of 1 500 members listed them all: the page grew with the
/// network (2.8 times the server's time at scale 100, bench/run), and so did the list an
/// administrator scrolled on a phone.
pub const CHOOSER_SHOWN: u64 = 50;

/// The on-behalf forms of a campaign that takes pledges, for an administrator (`None`
/// for anyone else); `refused`: a pledge just refused for one of them; `search`: part of
/// a name typed to find an organisation among those that have not joined.
pub(super) async fn on_behalf(
    state: &AppState,
    doer: &Doer,
    network_id: i64,
    shares: &crate::funding::views::SharesOut,
    refused: Option<&super::pages::RefusedJoin>,
    lang: crate::i18n::Lang,
    search: &str,
) -> AppResult<Option<OnBehalf>> {
    if !doer.is_admin() {
        return Ok(None);
    }
    let joined: Vec<i64> = shares.shares.iter().map(|s| s.organisation_id).collect();
    let (choices, matching) =
        crate::organisations::data::member_choices_matching(&state.db, network_id, &joined, search, CHOOSER_SHOWN)
            .await?;
    let mut record_for: Vec<(i64, String)> = choices.into_iter().map(|o| (o.id, o.name)).collect();
    // How many of those matching are listed (the refused one below is not counted).
    let listed = record_for.len() as i64;
    // The organisation of a refused pledge stays chosen, listed or not.
    if let Some(r) = refused.filter(|r| record_for.iter().all(|(id, _)| *id != r.organisation_id)) {
        let names = crate::organisations::data::names(&state.db.read, &[r.organisation_id]).await?;
        if let Some(name) = names.get(&r.organisation_id) {
            record_for.insert(0, (r.organisation_id, name.clone()));
        }
    }
    let search = search.trim().to_string();
    let search_hint = if matching > listed {
        Some(lang.t_args(
            "proposals-on-behalf-more",
            &[
                ("shown", crate::i18n::Arg::Num(listed)),
                ("total", crate::i18n::Arg::Num(matching)),
            ],
        ))
    } else if matching == 0 && !search.is_empty() {
        Some(lang.t("proposals-on-behalf-none"))
    } else {
        None
    };
    let mut withdraw_for: Vec<(i64, String, i64)> = shares
        .shares
        .iter()
        .filter(|s| !s.fixed)
        .map(|s| (s.organisation_id, s.organisation_name.clone(), s.amount_cents))
        .collect();
    crate::collation::sort_by_name(&mut withdraw_for, |(_, n, _)| n);
    Ok(Some(OnBehalf {
        record_for,
        searchable: matching > CHOOSER_SHOWN as i64 || !search.is_empty(),
        search,
        search_hint,
        withdraw_for,
        organisation_id: refused.map(|r| r.organisation_id.to_string()).unwrap_or_default(),
        cap: refused.map(|r| r.cap.clone()).unwrap_or_default(),
        error: refused.and_then(|r| r.errors.0.first()).map(|e| e.text(lang)),
    }))
}
