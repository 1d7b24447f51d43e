//! Proposal pages: the list, a proposal with its campaign and join form, posting a
//! need, and "my organisation's commitments"; and the demo content.

use super::data::{self, Doer, ProposalInput};
use super::notify;
use super::views::{self, Commitments, ListFilter, ProposalOut, ProposalRow};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::lifecycle::ProposalStatus;
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
    let parser = pulldown_cmark::Parser::new_ext(text, pulldown_cmark::Options::ENABLE_TABLES);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
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
    can_close: bool,
    percent: i64,
    /// Administrators may open the co-funding (with these organisations for a fixed part).
    can_open: bool,
    members: Vec<(i64, String)>,
    can_select_quote: bool,
    can_deliver: bool,
    /// My organisations that may adopt the delivered work (catch-up share).
    may_adopt: Vec<(i64, String)>,
}

impl ShowPage {
    /// Money in the page's language (accepts a value or a reference).
    fn m(&self, cents: impl AsCents) -> String {
        self.ctx.money(cents.cents())
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
            _ => lang.t_args(
                &format!("proposals-event-{}", e.kind),
                &[("detail", e.reason.clone().into())],
            ),
        }
    }
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let conn = &state.db.read;
    let model = data::get(conn, user.network.id, id).await?;
    let doer = Doer::user(&user);
    let p = views::detail(conn, &model).await?;
    let next_steps = data::next_steps(conn, &model, &doer).await?;
    let mut offers = Vec::new();
    let mut pledged = Vec::new();
    let mut percent = 0;
    if let Some(c) = &p.campaign {
        percent = if c.shares.total_cents > 0 {
            (i128::from(c.shares.covered_cents) * 100 / i128::from(c.shares.total_cents)) as i64
        } else {
            0
        };
        let campaign = data::campaign_of(conn, p.id).await?.ok_or(AppError::NotFound)?;
        let names: std::collections::BTreeMap<i64, String> = c
            .shares
            .shares
            .iter()
            .map(|s| (s.organisation_id, s.organisation_name.clone()))
            .collect();
        for o in user.organisations.iter().filter(|o| o.is_representative) {
            if let Some(line) = c.shares.shares.iter().find(|s| s.organisation_id == o.id) {
                if !line.fixed && c.status == "open" {
                    pledged.push((o.id, o.name.clone(), line.amount_cents));
                }
                continue;
            }
            if c.status != "open" || o.status != "member" {
                continue;
            }
            match data::preview(conn, &campaign, o.id, None).await {
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
                }),
                Err(AppError::Invalid(errors)) => offers.push(JoinOffer {
                    organisation_id: o.id,
                    organisation_name: o.name.clone(),
                    your_share: 0,
                    changes: Vec::new(),
                    error: errors.0.first().map(|e| ctx.t(&format!("error-{}", e.code))),
                }),
                Err(e) => return Err(e),
            }
        }
    }
    let my_orgs: Vec<(i64, String)> = user.organisations.iter().map(|o| (o.id, o.name.clone())).collect();
    let interested: Vec<&String> = p.interested.iter().collect();
    let may_be_interested = user
        .organisations
        .iter()
        .filter(|o| o.status == "member" && o.id != p.requested_by && !interested.contains(&&o.name))
        .map(|o| (o.id, o.name.clone()))
        .collect();
    let can_close = user.is_admin() && p.campaign.as_ref().is_some_and(|c| c.status == "open");
    let description_html = markdown(&p.description);
    let status = data::status_of(&model);
    let can_open = user.is_admin()
        && p.campaign.is_none()
        && matches!(status, ProposalStatus::Discussion | ProposalStatus::Quoted);
    let members = if can_open {
        crate::organisations::data::list(
            &state.db,
            user.network.id,
            &crate::organisations::data::ListFilter {
                status: Some("member".into()),
                ..Default::default()
            },
            &crate::api::Page { page: 1, per_page: 200 },
        )
        .await?
        .0
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect()
    } else {
        Vec::new()
    };
    let can_select_quote = user.roles.steers() && matches!(status, ProposalStatus::Discussion | ProposalStatus::Quoted);
    let selected_provider = p.quotes.iter().find(|q| q.selected).map(|q| q.provider_id);
    let can_deliver = matches!(status, ProposalStatus::Funded | ProposalStatus::InProgress)
        && (user.is_admin() || selected_provider.is_some_and(|s| user.belongs_to(s)));
    let funders: Vec<i64> = p
        .campaign
        .as_ref()
        .map(|c| c.shares.shares.iter().map(|s| s.organisation_id).collect())
        .unwrap_or_default();
    let may_adopt = if status == ProposalStatus::Delivered {
        user.organisations
            .iter()
            .filter(|o| o.is_representative && o.status == "member" && !funders.contains(&o.id))
            .map(|o| (o.id, o.name.clone()))
            .collect()
    } else {
        Vec::new()
    };
    render(&ShowPage {
        ctx,
        p,
        description_html,
        next_steps,
        offers,
        pledged,
        may_be_interested,
        my_orgs,
        can_close,
        percent,
        can_open,
        members,
        can_select_quote,
        can_deliver,
        may_adopt,
    })
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
        .filter(|o| o.status == "member")
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
    let id = match data::create(&txn, &Doer::user(&user), user.network.id, &valid).await {
        Ok(id) => id,
        Err(AppError::Invalid(errors)) => return fail(ctx, input, errors),
        Err(e) => return Err(e),
    };
    txn.commit().await?;
    notify::announce_pending(&state).await?;
    Ok(see_other(&format!("/proposals/{id}")))
}

#[derive(Deserialize)]
pub struct OrgForm {
    organisation_id: String,
    #[serde(default)]
    cap: String,
}

fn org_id(form: &OrgForm) -> AppResult<i64> {
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
    data::add_interest(&txn, &Doer::user(&user), &p, org_id(&form)?).await?;
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
    data::add_comment(
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
    if matches!(
        to,
        ProposalStatus::Funding | ProposalStatus::Funded | ProposalStatus::Lapsed
    ) {
        return Err(AppError::Conflict("proposals-wrong-status"));
    }
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    data::transition(&txn, &Doer::user(&user), &p, to, &form.reason, None).await?;
    txn.commit().await?;
    notify::announce_pending(&state).await?;
    Ok(see_other(&format!("/proposals/{id}")))
}

pub async fn pledge(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<OrgForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let cap = match form.cap.trim() {
        "" => None,
        s => Some(
            intercoop_domain::Money::parse_units(s)
                .map_err(|_| AppError::invalid("cap_cents", "proposals-negative-cap"))?
                .cents(),
        ),
    };
    super::pledging::pledge_committed(
        &state.pledges,
        Doer::user(&user),
        user.network.id,
        id,
        org_id(&form)?,
        cap,
    )
    .await?;
    Ok(see_other(&format!("/proposals/{id}#campaign")))
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
    data::withdraw_pledge(&txn, &Doer::user(&user), &p, org_id(&form)?).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}#campaign")))
}

#[derive(Deserialize)]
pub struct Empty {}

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
    data::close(&txn, &Doer::user(&user), &p, &state.config.base_url).await?;
    txn.commit().await?;
    state.mail_wakeup.notify_one();
    Ok(see_other(&format!("/proposals/{id}")))
}

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
    data::select_quote(&txn, &Doer::user(&user), &p, quote_id).await?;
    txn.commit().await?;
    Ok(see_other(&format!("/proposals/{id}")))
}

/// The co-funding form as typed (amounts in units, e.g. "1200" or "1 200,50").
#[derive(Deserialize)]
pub struct CampaignForm {
    #[serde(default)]
    amount: String,
    #[serde(default)]
    quote_id: String,
    key: String,
    #[serde(default)]
    deadline: String,
    #[serde(default)]
    min_participants: String,
    #[serde(default)]
    fixed_organisation_id: String,
    #[serde(default)]
    fixed_amount: String,
}

fn units(field: &str, raw: &str) -> AppResult<Option<i64>> {
    match raw.trim() {
        "" => Ok(None),
        s => intercoop_domain::Money::parse_units(s)
            .map(|m| Some(m.cents()))
            .map_err(|_| AppError::invalid(field, "proposals-positive-amount")),
    }
}

pub async fn open_campaign(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<CampaignForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let key = match form.key.as_str() {
        "equal" => intercoop_domain::sharing::SharingKey::Equal,
        "size" => intercoop_domain::sharing::SharingKey::Size,
        _ => return Err(AppError::invalid("key", "invalid-choice")),
    };
    let deadline = match form.deadline.trim() {
        "" => None,
        d => {
            let date = time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]"))
                .map_err(|_| AppError::invalid("deadline", "proposals-deadline-past"))?;
            Some(date.with_hms(23, 59, 0).map_err(anyhow::Error::from)?.assume_utc())
        }
    };
    let fixed = match (
        form.fixed_organisation_id.trim().parse::<i64>(),
        units("fixed", &form.fixed_amount)?,
    ) {
        (Ok(org), Some(cents)) => vec![data::FixedBody {
            organisation_id: org,
            amount_cents: Some(cents),
            basis_points: None,
        }],
        _ => Vec::new(),
    };
    let body = data::CampaignBody {
        amount_cents: units("amount_cents", &form.amount)?,
        quote_id: form.quote_id.trim().parse().ok(),
        key,
        fixed,
        deadline,
        min_participants: form.min_participants.trim().parse().ok(),
        catch_up_years: None,
    };
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    data::open_campaign(&txn, &Doer::user(&user), &p, &body, None).await?;
    txn.commit().await?;
    notify::announce_pending(&state).await?;
    Ok(see_other(&format!("/proposals/{id}#campaign")))
}

pub async fn deliver(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<TransitionForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id = crate::api::parse_id(&id)?;
    let txn = state.db.write.begin().await?;
    let p = data::get(&txn, user.network.id, id).await?;
    data::deliver(&txn, &Doer::user(&user), &p, &form.reason).await?;
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
    data::adopt(&txn, &Doer::user(&user), &p, org_id(&form)?, &state.config.base_url).await?;
    txn.commit().await?;
    state.mail_wakeup.notify_one();
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
    for o in &user.organisations {
        list.push(views::commitments(&state.db.read, user.network.id, o.id).await?);
    }
    render(&CommitmentsPage { ctx, list })
}

// ---------------------------------------------------------------- demo

/// A few realistic proposals in various states: a need in discussion, a quoted one,
/// a campaign open with pledges, a funded and delivered one.
pub async fn load_demo<C: sea_orm::ConnectionTrait>(conn: &C, network_id: i64) -> anyhow::Result<()> {
    use crate::entities::{membership, organisation};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let members: Vec<i64> = membership::Entity::find()
        .filter(membership::Column::NetworkId.eq(network_id))
        .filter(membership::Column::Status.eq("member"))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| m.organisation_id)
        .collect();
    let orgs = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(members))
        .all(conn)
        .await?;
    let mut users: Vec<&organisation::Model> = orgs.iter().filter(|o| o.kind == "user" && o.size.is_some()).collect();
    users.sort_by_key(|o| o.id);
    let provider = orgs.iter().find(|o| o.kind == "provider");
    let facilitator = orgs.iter().find(|o| o.kind == "facilitator");
    let (Some(provider), Some(facilitator)) = (provider, facilitator) else {
        return Ok(());
    };
    if users.len() < 4 {
        return Ok(());
    }
    let admin = Doer::assembly();
    let err = |e: AppError| anyhow::anyhow!("demo proposals: {e}");
    let post = |title: &str, software: &str, description: &str, by: i64| {
        (
            ProposalInput {
                title: title.into(),
                description: description.into(),
                software: software.into(),
                links: "https://github.com/OCA/product-attribute".into(),
                requested_by: by.to_string(),
                draft: false,
            },
            by,
        )
    };
    let mut ids = Vec::new();
    for (input, _) in [
        post(
            "Print shelf labels from Odoo",
            "Odoo 12 / shift",
            "Shelf labels with the **price per kilo**, the origin and a barcode, printed in batches from the product list.\n\n- A4 sheets of 24 labels\n- one click from *Inventory → Products*",
            users[0].id,
        ),
        post(
            "Deposit management for returnable jars",
            "Odoo 12",
            "Track the deposit paid on returnable jars and bottles at the till, and refund it when they come back.",
            users[1].id,
        ),
        post(
            "Migrate our shared modules from Odoo 12 to Odoo 16",
            "Odoo 12",
            "Odoo 12 is out of support. Port the cooperator, shift and POS modules we share to Odoo 16, with their data migration scripts.",
            users[2].id,
        ),
        post(
            "Member card with a QR code at the till",
            "Odoo 12 / cooperator",
            "Show a QR code on the member's card and scan it at the till to find the member.",
            users[3].id,
        ),
    ] {
        let valid = input.validate().map_err(|e| anyhow::anyhow!("demo proposal: {e:?}"))?;
        let id = data::create(conn, &admin, network_id, &valid).await.map_err(err)?;
        ids.push(id);
    }
    // Shelf labels: quoted 1 200 €, a campaign open with three pledges.
    let p = data::get(conn, network_id, ids[0]).await.map_err(err)?;
    data::add_interest(conn, &admin, &p, users[1].id).await.map_err(err)?;
    data::add_interest(conn, &admin, &p, users[2].id).await.map_err(err)?;
    let quote = data::add_quote(
        conn,
        &admin,
        &p,
        &data::QuoteInput {
            provider_id: provider.id,
            amount_cents: 120_000,
            vat_basis_points: 0,
            hours: Some(16),
            valid_until: Some(crate::db::now() + time::Duration::days(90)),
            milestones: vec![
                data::Milestone {
                    title: "Label layout and printing".into(),
                    amount_cents: 80_000,
                },
                data::Milestone {
                    title: "Tests and release on the OCA".into(),
                    amount_cents: 40_000,
                },
            ],
            note: String::new(),
        },
    )
    .await
    .map_err(err)?;
    let p = data::get(conn, network_id, ids[0]).await.map_err(err)?;
    let body = data::CampaignBody {
        amount_cents: None,
        quote_id: Some(quote.id),
        key: intercoop_domain::sharing::SharingKey::Equal,
        fixed: Vec::new(),
        deadline: Some(crate::db::now() + time::Duration::days(21)),
        min_participants: Some(3),
        catch_up_years: None,
    };
    data::open_campaign(conn, &admin, &p, &body, None).await.map_err(err)?;
    for o in users.iter().take(3) {
        data::pledge(conn, &admin, &p, o.id, None).await.map_err(err)?;
    }
    // Deposit management: quoted, waiting for the assembly.
    let p = data::get(conn, network_id, ids[1]).await.map_err(err)?;
    data::add_quote(
        conn,
        &admin,
        &p,
        &data::QuoteInput {
            provider_id: provider.id,
            amount_cents: 300_000,
            vat_basis_points: 0,
            hours: Some(40),
            valid_until: Some(crate::db::now() + time::Duration::days(60)),
            milestones: Vec::new(),
            note: String::new(),
        },
    )
    .await
    .map_err(err)?;
    // The migration: 50 000 €, the facilitating cooperative covers 10 000 €, the rest
    // by size; funded and in progress.
    let p = data::get(conn, network_id, ids[2]).await.map_err(err)?;
    let body = data::CampaignBody {
        amount_cents: Some(5_000_000),
        quote_id: None,
        key: intercoop_domain::sharing::SharingKey::Size,
        fixed: vec![data::FixedBody {
            organisation_id: facilitator.id,
            amount_cents: Some(1_000_000),
            basis_points: None,
        }],
        deadline: Some(crate::db::now() + time::Duration::days(10)),
        min_participants: Some(3),
        catch_up_years: None,
    };
    data::open_campaign(conn, &admin, &p, &body, None).await.map_err(err)?;
    for o in users.iter().take(6) {
        data::pledge(conn, &admin, &p, o.id, None).await.map_err(err)?;
    }
    data::close(conn, &admin, &p, "").await.map_err(err)?;
    let p = data::get(conn, network_id, ids[2]).await.map_err(err)?;
    data::transition(conn, &admin, &p, ProposalStatus::InProgress, "", None)
        .await
        .map_err(err)?;
    Ok(())
}
