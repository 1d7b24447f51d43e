//! A proposal's page: the need, its quotes, its campaign and shares, what joining would
//! do for each of my organisations, its comments and timeline, and the buttons the
//! person may use.

use super::{AsCents, markdown};
use crate::access::Doer;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::proposals::data;
use crate::proposals::policy;
use crate::proposals::views::{self, ProposalOut};
use crate::state::AppState;
use crate::timeline::TimelineKind;
use crate::web::{Ctx, render_status, require_user};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::lifecycle::ProposalStatus;
use intercoop_domain::organisation::{MembershipStatus, OrgKind};

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
    on_behalf: Option<crate::proposals::cofunding_pages::OnBehalf>,
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

/// The proposal page's query.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ShowParams {
    /// Part of a name, to find a member organisation an administrator may record a
    /// pledge for (`cofunding_pages::on_behalf`).
    pub organisation: String,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    crate::web::Query(params): crate::web::Query<ShowParams>,
) -> AppResult<Response> {
    show_page(&state, ctx, crate::api::parse_id(&id)?, None, &params.organisation).await
}

/// The proposal's page; with a refused join, that join's form again (422); `search`:
/// part of a name among the organisations a pledge may be recorded for.
pub async fn show_page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    refused: Option<RefusedJoin>,
    search: &str,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let conn = &state.db.read;
    let model = data::get(conn, user.network.id, id).await?;
    let doer = Doer::user(&user);
    let p = views::detail(conn, &model).await?;
    let next_steps = crate::proposals::lifecycle::next_steps(conn, &model, &doer).await?;
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
            on_behalf = crate::proposals::cofunding_pages::on_behalf(
                state,
                &doer,
                user.network.id,
                &c.shares,
                refused_other,
                ctx.lang,
                search,
            )
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
    let can_quote = crate::proposals::quotes::quotes_open(status)
        && (policy::select_quote(&doer)
            || user.member_organisations().any(|o| {
                matches!(o.kind.0, OrgKind::Provider | OrgKind::Facilitator) && policy::add_quote(&doer, o.id)
            }));
    let can_select_quote = policy::select_quote(&doer) && crate::proposals::quotes::quotes_open(status);
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
