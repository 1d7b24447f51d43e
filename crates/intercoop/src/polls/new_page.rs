//! Creating a poll from the web (`/polls/new`), as `POST /api/v1/polls` does: the form
//! ([`PollForm`]) is read into the API's body and validated by the same rules; the draft
//! is then opened from its page, which says whom opening tells.

use super::form::{METHODS, PollForm};
use super::policy;
use crate::access::require;
use crate::audit::Actor;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::lifecycle::ProposalStatus;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait};

#[derive(Template)]
#[template(path = "polls/new.html")]
struct NewPage {
    ctx: Ctx,
    form: PollForm,
    errors: FieldErrors,
    /// Proposals a poll may decide (those a pass can move: draft, discussion, quoted).
    proposals: Vec<(i64, String)>,
    /// Proposals a priority poll may order (not yet funded, closed or withdrawn).
    open: Vec<(i64, String)>,
}

impl NewPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn has_error(&self, field: &str) -> bool {
        self.errors.has(field)
    }
    fn methods(&self) -> &'static [&'static str] {
        &METHODS
    }
    fn method_is(&self, m: &str) -> bool {
        self.form.method == m
    }
    fn electorate_is(&self, e: &str) -> bool {
        self.form.electorate == e
    }
    fn threshold_is(&self, t: &str) -> bool {
        self.form.threshold == t
    }
    fn effect_is(&self, e: &str) -> bool {
        self.form.effect == e
    }
    fn proposal_is(&self, id: impl crate::web::Num) -> bool {
        self.form.proposal_id.trim() == id.num().to_string()
    }
    fn ticked(&self, field: &str) -> bool {
        self.form.ticked(field)
    }
    fn ordered(&self, id: impl crate::web::Num) -> bool {
        self.form.ordered().contains(&id.num())
    }
    /// The co-funding terms a poll with the `open_funding` effect carries, as a reader
    /// sees them: the amount (or the quote), the sharing key, the deadline.
    fn funding_terms(&self) -> Option<Vec<(String, String)>> {
        let body: crate::funding::terms::CampaignBody = serde_json::from_str(&self.form.funding_terms).ok()?;
        let ctx = &self.ctx;
        let mut out = Vec::new();
        if let Some(cents) = body.amount_cents {
            out.push((ctx.t("proposals-campaign-amount"), ctx.money(cents)));
        }
        if let Some(q) = body.quote_id {
            out.push((ctx.t("proposals-share-quote"), format!("#{q}")));
        }
        let key = serde_json::to_value(&body.key).ok()?;
        let kind = key["kind"].as_str().unwrap_or_default().to_string();
        out.push((ctx.t("proposals-key"), ctx.t(&format!("proposals-key-{kind}"))));
        if let Some(at) = body.deadline {
            out.push((
                ctx.t("proposals-deadline-field"),
                format!("{} ({})", ctx.datetime(&at), ctx.time_zone()),
            ));
        }
        Some(out)
    }
    /// The network's time zone, said beside the times picked.
    fn zone(&self) -> String {
        self.ctx.time_zone()
    }
}

async fn decidable_proposals(state: &AppState, network_id: i64) -> AppResult<Vec<(i64, String)>> {
    proposals_in(
        state,
        network_id,
        &[
            ProposalStatus::Draft,
            ProposalStatus::Discussion,
            ProposalStatus::Quoted,
        ],
    )
    .await
}

/// The network's proposals in these statuses, newest first (at most 200).
async fn proposals_in(state: &AppState, network_id: i64, statuses: &[ProposalStatus]) -> AppResult<Vec<(i64, String)>> {
    use crate::proposals::entities::proposal;
    Ok(proposal::Entity::find()
        .filter(proposal::Column::NetworkId.eq(network_id))
        .filter(proposal::Column::Status.is_in(statuses.iter().map(|s| s.as_str())))
        .order_by_desc(proposal::Column::Id)
        .limit(200)
        .all(&state.db.read)
        .await?
        .into_iter()
        .map(|p| (p.id, p.title))
        .collect())
}

async fn open_proposals(state: &AppState, network_id: i64) -> AppResult<Vec<(i64, String)>> {
    proposals_in(
        state,
        network_id,
        &[
            ProposalStatus::Draft,
            ProposalStatus::Discussion,
            ProposalStatus::Quoted,
            ProposalStatus::Funding,
        ],
    )
    .await
}

/// What `GET /polls/new` may be given: a poll deciding a proposal, prepared on another
/// page (the co-funding page's "decide by a poll": `effect=open_funding` with the terms).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct Prepared {
    proposal_id: String,
    effect: String,
    funding_terms: String,
}

/// `GET /polls/new`: the form (administrators), prepared when given a proposal and effect.
pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    crate::web::Query(prepared): crate::web::Query<Prepared>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    let proposals = decidable_proposals(&state, user.network.id).await?;
    let open = open_proposals(&state, user.network.id).await?;
    let mut form = PollForm::new_poll();
    // The network's defaults for a decision (`/governance`), ready to change.
    let (quorum, threshold) = crate::assemblies::governance::poll_defaults(&state.db.read, user.network.id).await?;
    form.quorum_percent = quorum.to_string();
    match threshold.as_str() {
        "simple_majority" | "two_thirds" => form.threshold = threshold,
        _ => {
            form.threshold = "custom".into();
            form.threshold_fraction = threshold;
        }
    }
    if let Some((id, title)) = proposals.iter().find(|(id, _)| id.to_string() == prepared.proposal_id) {
        form.proposal_id = id.to_string();
        if prepared.effect == "open_funding" && !prepared.funding_terms.is_empty() {
            form.title = ctx.ta("polls-open-funding-title", "title", title);
            form.effect = prepared.effect;
            form.funding_terms = prepared.funding_terms;
        }
    }
    render(&NewPage {
        ctx,
        form,
        errors: FieldErrors::default(),
        proposals,
        open,
    })
}

/// `POST /polls/new`: creates the draft and shows it; a form with errors comes back with
/// what was typed and each message beside its field (422).
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(mut form): CsrfForm<PollForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    require(policy::manage(&user.doer()))?;
    // A quorum or threshold left empty takes the network's default, as the API does.
    if form.quorum_percent.trim().is_empty() || form.threshold.trim().is_empty() {
        let (quorum, threshold) = crate::assemblies::governance::poll_defaults(&state.db.read, user.network.id).await?;
        if form.quorum_percent.trim().is_empty() {
            form.quorum_percent = quorum.to_string();
        }
        if form.threshold.trim().is_empty() {
            form.threshold = "custom".into();
            form.threshold_fraction = threshold;
        }
    }
    let open = open_proposals(&state, user.network.id).await?;
    let created = match form.validate(&user.network.time_zone, &open) {
        Ok(valid) => {
            let txn = state.db.write.begin().await?;
            match super::data::create(&txn, Actor::person(user.person_id), user.network.id, &valid).await {
                Ok(id) => {
                    txn.commit().await?;
                    Ok(id)
                }
                Err(e) => Err(e),
            }
        }
        Err(errors) => Err(AppError::Invalid(errors)),
    };
    match created {
        Ok(id) => Ok(see_other(&format!("/polls/{id}"))),
        Err(AppError::Invalid(errors)) => {
            let proposals = decidable_proposals(&state, user.network.id).await?;
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &NewPage {
                    ctx,
                    form,
                    errors,
                    proposals,
                    open,
                },
            )
        }
        Err(e) => Err(e),
    }
}
