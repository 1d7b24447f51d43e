//! Proposal pages: the list, a proposal with its campaign and join form, posting a
//! need, and "my organisation's commitments"; and the demo content.

use super::data;
use super::needs::ProposalInput;
use super::policy;
use super::views::{self, ListFilter, ProposalOut, ProposalRow};
use crate::access::Doer;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::timeline::TimelineKind;
use crate::web::Query;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::lifecycle::ProposalStatus;
use intercoop_domain::organisation::{MembershipStatus, OrgKind};
use sea_orm::TransactionTrait;
use serde::Deserialize;

/// An amount in cents, by value or through references (templates pass either).
pub trait AsCents {
    fn cents(&self) -> i64;
}

impl AsCents for i64 {
    fn cents(&self) -> i64 {
        *self
    }
}

impl<T: AsCents + ?Sized> AsCents for &T {
    fn cents(&self) -> i64 {
        (**self).cents()
    }
}

/// Markdown to HTML, sanitized (no scripts, no event handlers, links made safe).
pub fn markdown(text: &str) -> String {
    markdown_with(text, ammonia::UrlRelative::PassThrough)
}

/// [`markdown`] whose relative addresses (of links and images) `relative` rewrites
/// (e.g. a private feed's own addresses for the logbook's images:
/// `crate::logbook::images::in_feed`); absolute ones are kept as they are.
pub fn markdown_with(text: &str, relative: ammonia::UrlRelative<'_>) -> String {
    let parser = pulldown_cmark::Parser::new_ext(text, pulldown_cmark::Options::ENABLE_TABLES);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_relative(relative)
        .clean(&html)
        .to_string()
}

#[derive(Template)]
#[template(path = "proposals/list.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<ProposalRow>,
    filter: ListFilter,
    priority: Option<(i64, String, time::OffsetDateTime)>,
    page: u64,
    pages: u64,
    total: i64,
    /// The filters as a query string, for the pagination links.
    query: String,
}

/// `status=…&software=…&mine=1&sort=…` for links that keep the filters.
fn list_query_string(f: &ListFilter) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    if let Some(s) = &f.status {
        q.append_pair("status", s);
    }
    if let Some(s) = &f.software {
        q.append_pair("software", s);
    }
    if f.mine == Some(true) {
        q.append_pair("mine", "1");
    }
    if let Some(s) = &f.sort {
        q.append_pair("sort", s);
    }
    q.finish()
}

impl ListPage {
    fn statuses(&self) -> &'static [ProposalStatus] {
        &ProposalStatus::ALL
    }
    fn selected_status(&self, s: &ProposalStatus) -> bool {
        self.filter.status.as_deref() == Some(s.as_str())
    }
    fn sort(&self) -> &str {
        self.filter.sort.as_deref().unwrap_or("newest")
    }
    fn mine(&self) -> bool {
        self.filter.mine == Some(true)
    }
    fn sort_is(&self, s: &str) -> bool {
        self.sort() == s
    }

    /// Money in the page's language (accepts a value or a reference).
    fn m(&self, cents: impl AsCents) -> String {
        self.ctx.money(cents.cents())
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListParams {
    status: Option<String>,
    software: Option<String>,
    mine: Option<String>,
    sort: Option<String>,
    page: Option<u64>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(params): Query<ListParams>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let filter = ListFilter {
        status: params.status.filter(|s| !s.is_empty()),
        software: params.software.filter(|s| !s.is_empty()),
        mine: params.mine.map(|m| !m.is_empty()),
        sort: params.sort.filter(|s| !s.is_empty()),
    };
    let page = crate::api::Page {
        page: params.page.unwrap_or(1),
        per_page: 50,
    };
    let (rows, total) = views::list(&state.db, user.network.id, &Doer::user(&user), &filter, &page).await?;
    let priority = views::priority_note(&rows);
    let pages = page.count(total);
    let query = list_query_string(&filter);
    render(&ListPage {
        ctx,
        rows,
        filter,
        priority,
        page: page.number(),
        pages,
        total,
        query,
    })
}

/// What joining would do for one of my organisations.
struct JoinOffer {
    organisation_id: i64,
    organisation_name: String,
    your_share: i64,
    /// (name, before, after) of each other participant whose share changes.
    changes: Vec<(String, i64, i64)>,
    error: Option<String>,
    /// The cap typed, and its error, when joining was refused.
    cap: String,
    cap_error: Option<String>,
}

/// A join refused by the pledge's rules (a cap below zero…): shown again on the
/// proposal's page with what was typed and the message beside the cap (422).
pub struct RefusedJoin {
    pub organisation_id: i64,
    pub cap: String,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "proposals/show.html")]
struct ShowPage {
    ctx: Ctx,
    p: ProposalOut,
    description_html: String,
    next_steps: Vec<ProposalStatus>,
    offers: Vec<JoinOffer>,
    /// My organisations that pledged (for withdrawing), with their share.
    pledged: Vec<(i64, String, i64)>,
    /// My organisations that may say "we need it too".
    may_be_interested: Vec<(i64, String)>,
    my_orgs: Vec<(i64, String)>,
    /// What closing now would do (shown before it is done): funded or not, and how
    /// many organisations take part (each told; a payment request each when funded).
    close_preview: Option<(bool, i64)>,
    /// Open, but its deadline has passed: closing shortly.
    past_deadline: bool,
    percent: i64,
    /// Administrators may open the co-funding (`campaign_pages`).
    can_open: bool,
    /// The reader may quote for a provider (`quote_pages`).
    can_quote: bool,
    can_select_quote: bool,
    can_deliver: bool,
    /// My organisations that may adopt the delivered work, each with what adopting
    /// would cost it now (catch-up share, cents) and how many funders it credits.
    may_adopt: Vec<(i64, String, i64, usize)>,
    /// Administrators: pledges to record or withdraw for any member organisation.
    on_behalf: Option<super::cofunding_pages::OnBehalf>,
}

impl ShowPage {
    /// While the co-funding is open and the reader may withdraw the proposal: how many
    /// pledges withdrawing releases (each pledger is told).
    fn withdraw_releases(&self) -> Option<i64> {
        let c = self.p.campaign.as_ref().filter(|c| c.status == "open")?;
        self.next_steps
            .contains(&ProposalStatus::Withdrawn)
            .then(|| c.shares.shares.iter().filter(|s| !s.fixed).count() as i64)
    }

    /// Money in the page's language (accepts a value or a reference).
    fn m(&self, cents: impl AsCents) -> String {
        self.ctx.money(cents.cents())
    }
    /// A person's reason on the timeline, as HTML with its web addresses as links.
    fn linked(&self, reason: &str) -> String {
        crate::web::format::linked(reason)
    }

    fn event_text(&self, e: &views::EventOut) -> String {
        let lang = self.ctx.lang;
        match (e.from_status.as_deref(), e.to_status.as_deref()) {
            (Some(from), Some(to)) => lang.t_args(
                "proposals-event-transition",
                &[
                    ("from", lang.t(&format!("proposals-status-{from}")).into()),
                    ("to", lang.t(&format!("proposals-status-{to}")).into()),
                ],
            ),
            _ if e.kind == TimelineKind::EffectFailed.as_str() => lang.t_args(
                "proposals-event-effect_failed",
                &[("detail", lang.t(&format!("error-{}", e.reason)).into())],
            ),
            _ => lang.t_args(
                &format!("proposals-event-{}", e.kind),
                &[("detail", e.reason.clone().into())],
            ),
        }
    }
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    show_page(&state, ctx, crate::api::parse_id(&id)?, None).await
}

/// The proposal's page; with a refused join, that join's form again (422).
pub async fn show_page(state: &AppState, ctx: Ctx, id: i64, refused: Option<RefusedJoin>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let conn = &state.db.read;
    let model = data::get(conn, user.network.id, id).await?;
    let doer = Doer::user(&user);
    let p = views::detail(conn, &model).await?;
    let next_steps = super::lifecycle::next_steps(conn, &model, &doer).await?;
    let mut offers = Vec::new();
    let mut pledged = Vec::new();
    let mut percent = 0;
    let mut past_deadline = false;
    let mut on_behalf = None;
    if let Some(c) = &p.campaign {
        percent = if c.shares.total_cents > 0 {
            // As `ProposalRow::percent`: 128 bits, a quotient of 0..=100.
            (i128::from(c.shares.covered_cents) * 100 / i128::from(c.shares.total_cents)) as i64
        } else {
            0
        };
        let campaign = crate::funding::campaign::of(conn, p.id)
            .await?
            .ok_or(AppError::NotFound)?;
        // Past its deadline a campaign takes nothing, closed or not yet (the job tidies).
        let takes_pledges = crate::funding::campaign::takes_pledges(&campaign, crate::clock::now()).is_ok();
        past_deadline = c.status == "open" && !takes_pledges;
        if takes_pledges {
            let refused_other = refused.as_ref().filter(|r| {
                !user
                    .member_organisations()
                    .any(|o| o.id == r.organisation_id && o.is_representative)
            });
            on_behalf =
                super::cofunding_pages::on_behalf(state, &doer, user.network.id, &c.shares, refused_other, ctx.lang)
                    .await?;
        }
        let names: std::collections::BTreeMap<i64, String> = c
            .shares
            .shares
            .iter()
            .map(|s| (s.organisation_id, s.organisation_name.clone()))
            .collect();
        for o in user
            .member_organisations()
            .filter(|o| o.is_representative && crate::funding::policy::pledge_for(&doer, o.id))
        {
            if let Some(line) = c.shares.shares.iter().find(|s| s.organisation_id == o.id) {
                if !line.fixed && takes_pledges {
                    pledged.push((o.id, o.name.clone(), line.amount_cents));
                }
                continue;
            }
            if !takes_pledges || o.status != MembershipStatus::Member {
                continue;
            }
            match crate::funding::campaign::preview(conn, &campaign, o.id, None).await {
                Ok(pv) => offers.push(JoinOffer {
                    organisation_id: o.id,
                    organisation_name: o.name.clone(),
                    your_share: pv.your_share.cents(),
                    changes: pv
                        .changes()
                        .into_iter()
                        .filter(|ch| ch.before != ch.after)
                        .map(|ch| {
                            (
                                names.get(&ch.organisation_id).cloned().unwrap_or_default(),
                                ch.before.cents(),
                                ch.after.cents(),
                            )
                        })
                        .collect(),
                    error: None,
                    cap: String::new(),
                    cap_error: None,
                }),
                Err(AppError::Invalid(errors)) => offers.push(JoinOffer {
                    organisation_id: o.id,
                    organisation_name: o.name.clone(),
                    your_share: 0,
                    changes: Vec::new(),
                    error: errors.0.first().map(|e| e.text(ctx.lang)),
                    cap: String::new(),
                    cap_error: None,
                }),
                Err(e) => return Err(e),
            }
        }
    }
    let my_orgs: Vec<(i64, String)> = user.member_organisations().map(|o| (o.id, o.name.clone())).collect();
    let interested: Vec<&String> = p.interested.iter().collect();
    let may_be_interested = user
        .organisations
        .iter()
        .filter(|o| {
            o.status == MembershipStatus::Member
                && o.id != p.requested_by
                && !interested.contains(&&o.name)
                && policy::need_too(&doer, o.id, o.kind.0)
        })
        .map(|o| (o.id, o.name.clone()))
        .collect();
    let can_close =
        crate::funding::policy::close_campaign(&doer) && p.campaign.as_ref().is_some_and(|c| c.status == "open");
    let description_html = markdown(&p.description);
    let status = data::status_of(&model);
    let selected_provider = p.quotes.iter().find(|q| q.selected).map(|q| q.provider_id);
    let can_open = crate::funding::policy::open_campaign(&doer)
        && p.campaign.is_none()
        && policy::move_to(&doer, &model, selected_provider, ProposalStatus::Funding).is_ok();
    // The quote page offers the providers the reader may quote for (`quote_pages`).
    let can_quote = super::quotes::quotes_open(status)
        && (policy::select_quote(&doer)
            || user.member_organisations().any(|o| {
                matches!(o.kind.0, OrgKind::Provider | OrgKind::Facilitator) && policy::add_quote(&doer, o.id)
            }));
    let can_select_quote = policy::select_quote(&doer) && super::quotes::quotes_open(status);
    let can_deliver = matches!(status, ProposalStatus::Funded | ProposalStatus::InProgress)
        && policy::deliver(&doer, &model, selected_provider);
    let funders: Vec<i64> = p
        .campaign
        .as_ref()
        .map(|c| c.shares.shares.iter().map(|s| s.organisation_id).collect())
        .unwrap_or_default();
    let may_adopt = if status == ProposalStatus::Delivered {
        user.organisations
            .iter()
            .filter(|o| {
                o.is_representative
                    && crate::funding::policy::adopt_for(&doer, o.id)
                    && o.status == MembershipStatus::Member
                    && !funders.contains(&o.id)
            })
            .map(|o| (o.id, o.name.clone()))
            .collect::<Vec<_>>()
    } else {
        Vec::new()
    };
    // What adopting costs, shown before the adopter confirms (the same computation as
    // the adoption itself; an organisation it would refuse is not offered), and what
    // closing now would do: read only when the page offers either.
    let campaign = if !may_adopt.is_empty() || can_close {
        crate::funding::campaign::of(&state.db.read, model.id).await?
    } else {
        None
    };
    let mut may_adopt_with_cost = Vec::new();
    if let Some(c) = campaign.as_ref().filter(|_| !may_adopt.is_empty()) {
        let delivered = model.delivered_at.unwrap_or(model.updated_at);
        for (id, name) in may_adopt {
            match crate::funding::catch_up::preview(&state.db.read, c, id, delivered).await {
                Ok((share, credited)) => may_adopt_with_cost.push((id, name, share.cents(), credited)),
                // The adoption would be refused (window closed, already a funder…).
                Err(AppError::Conflict(_) | AppError::Invalid(_)) => {}
                Err(e) => return Err(e),
            }
        }
    }
    let may_adopt = may_adopt_with_cost;
    let close_preview = match campaign.filter(|_| can_close) {
        Some(c) => {
            let shares = crate::funding::campaign::current_shares(&state.db.read, &c).await?;
            let min = u64::try_from(c.min_participants).unwrap_or(0);
            let funded = intercoop_domain::funding::outcome(&shares, min).is_funded();
            Some((funded, shares.participant_lines().count() as i64))
        }
        None => None,
    };
    let status = match &refused {
        Some(r) => {
            if let Some(o) = offers.iter_mut().find(|o| o.organisation_id == r.organisation_id) {
                o.cap = r.cap.clone();
                for e in &r.errors.0 {
                    if e.field == "cap_cents" {
                        o.cap_error = Some(e.text(ctx.lang));
                    } else {
                        o.error = Some(e.text(ctx.lang));
                    }
                }
            }
            StatusCode::UNPROCESSABLE_ENTITY
        }
        None => StatusCode::OK,
    };
    render_status(
        status,
        &ShowPage {
            ctx,
            p,
            description_html,
            next_steps,
            offers,
            pledged,
            may_be_interested,
            my_orgs,
            close_preview,
            past_deadline,
            percent,
            can_open,
            can_quote,
            can_select_quote,
            can_deliver,
            may_adopt,
            on_behalf,
        },
    )
}

#[derive(Template)]
#[template(path = "proposals/form.html")]
struct FormPage {
    ctx: Ctx,
    input: ProposalInput,
    errors: FieldErrors,
    orgs: Vec<(i64, String)>,
}

impl FormPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
}

fn my_member_orgs(user: &crate::auth::CurrentUser) -> Vec<(i64, String)> {
    user.organisations
        .iter()
        .filter(|o| o.status == MembershipStatus::Member)
        .map(|o| (o.id, o.name.clone()))
        .collect()
}

pub async fn new_form(ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let orgs = my_member_orgs(&user);
    let input = ProposalInput {
        requested_by: orgs.first().map(|o| o.0.to_string()).unwrap_or_default(),
        ..Default::default()
    };
    render(&FormPage {
        ctx,
        input,
        errors: FieldErrors::default(),
        orgs,
    })
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(input): CsrfForm<ProposalInput>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let orgs = my_member_orgs(&user);
    let fail = |ctx, input, errors| {
        render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &FormPage {
                ctx,
                input,
                errors,
                orgs: orgs.clone(),
            },
        )
    };
    let valid = match input.validate() {
        Ok(v) => v,
        Err(errors) => return fail(ctx, input, errors),
    };
    let txn = state.db.write.begin().await?;
    let id = match super::needs::create(&txn, &Doer::user(&user), user.network.id, &valid).await {
        Ok(id) => id,
        Err(AppError::Invalid(errors)) => return fail(ctx, input, errors),
        Err(e) => return Err(e),
    };
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}")))
}

#[derive(Deserialize)]
pub struct OrgForm {
    pub(super) organisation_id: String,
    #[serde(default)]
    pub(super) cap: String,
}

pub(super) fn org_id(form: &OrgForm) -> AppResult<i64> {
    form.organisation_id
        .trim()
        .parse()
        .map_err(|_| AppError::invalid("organisation_id", "invalid-choice"))
}

pub async fn interest(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<OrgForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    super::needs::add_interest(&txn, &Doer::user(&user), &p, org_id(&form)?).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}")))
}

#[derive(Deserialize)]
pub struct CommentForm {
    body: String,
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    objection: String,
}

pub async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<CommentForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    let org = form.organisation_id.trim().parse().ok();
    super::needs::add_comment(
        &txn,
        &Doer::user(&user),
        &p,
        org,
        &form.body,
        !form.objection.is_empty(),
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}#comments")))
}

#[derive(Deserialize)]
pub struct TransitionForm {
    to: String,
    #[serde(default)]
    reason: String,
}

pub async fn transition(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<TransitionForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let to: ProposalStatus = form.to.parse().map_err(|_| AppError::invalid("to", "invalid-choice"))?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    super::lifecycle::transition(&txn, &Doer::user(&user), &p, to, &form.reason).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}")))
}

use crate::web::Empty;

pub async fn select_quote(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, quote_id)): Path<(String, String)>,
    CsrfForm(_form): CsrfForm<Empty>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let quote_id = crate::api::parse_id(&quote_id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    super::quotes::select_quote(&txn, &Doer::user(&user), &p, quote_id).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}")))
}

#[derive(Deserialize)]
pub struct DeliverForm {
    /// Where the work is (a release, a link).
    #[serde(default)]
    reason: String,
}

pub async fn deliver(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<DeliverForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    super::lifecycle::deliver(&txn, &Doer::user(&user), &p, &form.reason).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}")))
}
