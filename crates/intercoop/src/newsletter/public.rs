//! The newsletter's public pages, for anyone without logging in: a network's archive of
//! sent issues with the subscription form (`/n/{slug}/newsletter`), an archived issue in
//! the visitor's language where it has one, the confirmation link (a GET shows a
//! button, a POST confirms: mail scanners follow links) and the unsubscribe link (a
//! POST with `List-Unsubscribe=One-Click`, RFC 8058, without cookie or CSRF token).

use super::data::{self, IssueOut};
use super::subscribe::{self, Outcome};
use crate::api::parse_id;
use crate::auth::rate_limit::ClientAddr;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Lang;
use crate::notifications::preferences::{OneClick, masked};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use sea_orm::{EntityTrait, TransactionTrait};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "newsletter/public.html")]
struct PublicPage {
    ctx: Ctx,
    network: String,
    slug: String,
    issues: Vec<IssueOut>,
    form: SubscribeForm,
    errors: FieldErrors,
    /// The form was sent: the visitor is asked to look in their mailbox.
    asked: bool,
    /// Refused by the rate limit (`super::guard`): the visitor is asked to wait.
    limited: bool,
}

impl PublicPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
    fn subject(&self, i: &IssueOut) -> String {
        i.in_language(self.ctx.lang).subject.clone()
    }
}

#[derive(Template)]
#[template(path = "newsletter/archived.html")]
struct ArchivedPage {
    ctx: Ctx,
    slug: String,
    issue: IssueOut,
}

impl ArchivedPage {
    fn version(&self) -> &super::data::Version {
        self.issue.in_language(self.ctx.lang)
    }
}

#[derive(Template)]
#[template(path = "newsletter/link.html")]
struct LinkPage {
    ctx: Ctx,
    network: String,
    slug: String,
    address: String,
    /// `confirm` or `unsubscribe`.
    purpose: &'static str,
    token: String,
    outcome: Option<Outcome>,
}

impl LinkPage {
    fn done(&self) -> bool {
        self.outcome == Some(Outcome::Done)
    }
    fn already(&self) -> bool {
        self.outcome == Some(Outcome::Already)
    }
    fn sentence(&self, id: &str) -> String {
        self.ctx.lang.t_args(
            id,
            &[
                ("network", crate::i18n::Arg::Str(self.network.clone())),
                ("address", crate::i18n::Arg::Str(self.address.clone())),
            ],
        )
    }
}

/// The subscription form's fields, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SubscribeForm {
    pub email: String,
    /// `fr`, `en`, `de` or `nl`; empty: the page's.
    pub language: String,
}

async fn public_page(
    state: &AppState,
    ctx: Ctx,
    slug: &str,
    form: SubscribeForm,
    errors: FieldErrors,
    asked: bool,
) -> AppResult<Response> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page_with_status(state, ctx, slug, form, errors, asked, status).await
}

/// The page with the status given (429: the rate limit's message above the form, the
/// form kept as typed).
async fn page_with_status(
    state: &AppState,
    ctx: Ctx,
    slug: &str,
    form: SubscribeForm,
    errors: FieldErrors,
    asked: bool,
    status: StatusCode,
) -> AppResult<Response> {
    let n = crate::joining::open_network(state, slug).await?;
    let issues = data::issues(&state.db.read, n.id, false).await?;
    render_status(
        status,
        &PublicPage {
            ctx,
            network: n.name,
            slug: n.slug,
            issues,
            form,
            errors,
            asked,
            limited: status == StatusCode::TOO_MANY_REQUESTS,
        },
    )
}

/// `GET /n/{slug}/newsletter`: the archive and the subscription form.
pub async fn archive(State(state): State<AppState>, ctx: Ctx, Path(slug): Path<String>) -> AppResult<Response> {
    let form = SubscribeForm {
        language: ctx.lang.code().to_string(),
        ..SubscribeForm::default()
    };
    public_page(&state, ctx, &slug, form, FieldErrors::default(), false).await
}

/// `POST /n/{slug}/newsletter`: asks for a subscription; the page then says to follow
/// the link sent (the same words whether or not the address was already confirmed).
/// Past the rate limit (`super::guard`), 429 with the form as typed.
pub async fn subscribe(
    State(state): State<AppState>,
    State(newsletter): State<super::NewsletterState>,
    client: ClientAddr,
    ctx: Ctx,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<SubscribeForm>,
) -> AppResult<Response> {
    let n = crate::joining::open_network(&state, &slug).await?;
    let lang = match form.language.trim() {
        "" => Some(ctx.lang),
        code => <Lang as intercoop_domain::TextEnum>::parse(code),
    };
    let Some(lang) = lang else {
        let mut errors = FieldErrors::default();
        errors.add("language", "invalid-choice");
        return public_page(&state, ctx, &slug, form, errors, false).await;
    };
    if intercoop_domain::text::Email::parse(&form.email).is_err() {
        let mut errors = FieldErrors::default();
        errors.add("email", "invalid-email");
        return public_page(&state, ctx, &slug, form, errors, false).await;
    }
    if newsletter.guard.count(n.id, &form.email, &client).is_err() {
        let status = StatusCode::TOO_MANY_REQUESTS;
        return page_with_status(&state, ctx, &slug, form, FieldErrors::default(), false, status).await;
    }
    let txn = state.db.write.begin().await?;
    match subscribe::subscribe(&txn, &state.config.base_url, n.id, &form.email, lang).await {
        Ok(_) => {
            txn.commit().await?;
            public_page(
                &state,
                ctx,
                &slug,
                SubscribeForm::default(),
                FieldErrors::default(),
                true,
            )
            .await
        }
        Err(AppError::Invalid(errors)) => {
            drop(txn);
            public_page(&state, ctx, &slug, form, errors, false).await
        }
        Err(e) => Err(e),
    }
}

/// `GET /n/{slug}/newsletter/{id}`: a sent issue, in the visitor's language where it
/// has a translation (404 for a draft).
pub async fn archived(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let n = crate::joining::open_network(&state, &slug).await?;
    let issue = data::read(&state.db.read, n.id, parse_id(&id)?, false).await?;
    render(&ArchivedPage {
        ctx,
        slug: n.slug,
        issue,
    })
}

async fn link_page(
    state: &AppState,
    mut ctx: Ctx,
    s: &super::entities::subscriber::Model,
    purpose: &'static str,
    token: String,
    outcome: Option<Outcome>,
) -> AppResult<Response> {
    let n = crate::entities::network::Entity::find_by_id(s.network_id)
        .one(&state.db.read)
        .await?
        .ok_or(AppError::NotFound)?;
    ctx.lang = s.language.0;
    render(&LinkPage {
        ctx,
        network: n.name,
        slug: n.slug,
        address: masked(&s.email),
        purpose,
        token,
        outcome,
    })
}

/// `GET /newsletter/confirm/{token}`: the button that confirms (nothing changes yet).
pub async fn confirm_form(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> AppResult<Response> {
    let (row, s) = subscribe::link(&state.db.read, &token, true).await?;
    let already = (s.status.0 == subscribe::Status::Confirmed || row.used_at.is_some()).then_some(Outcome::Already);
    link_page(&state, ctx, &s, "confirm", token, already).await
}

/// `POST /newsletter/confirm/{token}`: confirmed (a second time: said so).
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    CsrfForm(_): CsrfForm<crate::web::Empty>,
) -> AppResult<Response> {
    let txn = state.db.write.begin().await?;
    let (outcome, s) = subscribe::confirm(&txn, &token).await?;
    txn.commit().await?;
    link_page(&state, ctx, &s, "confirm", token, Some(outcome)).await
}

/// `GET /newsletter/unsubscribe/{token}`: the button that unsubscribes.
pub async fn unsubscribe_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let (_, s) = subscribe::link(&state.db.read, &token, false).await?;
    let already = (s.status.0 == subscribe::Status::Left).then_some(Outcome::Already);
    link_page(&state, ctx, &s, "unsubscribe", token, already).await
}

/// `POST /newsletter/unsubscribe/{token}` with `List-Unsubscribe=One-Click` (RFC 8058:
/// mail providers post it without cookies or CSRF token, so none is asked).
pub async fn unsubscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    OneClick(one_click): OneClick,
) -> AppResult<Response> {
    if !one_click {
        return Err(AppError::BadRequest("expected List-Unsubscribe=One-Click".into()));
    }
    let txn = state.db.write.begin().await?;
    let (outcome, s) = subscribe::unsubscribe(&txn, &token).await?;
    txn.commit().await?;
    link_page(&state, ctx, &s, "unsubscribe", token, Some(outcome)).await
}
