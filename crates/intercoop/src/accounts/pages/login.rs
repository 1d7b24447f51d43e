//! Logging in (a password, or a magic link sent by email), following and using an
//! emailed login or invitation link, and logging out.

use super::{NextParam, safe_next, start_session};
use crate::accounts::links;
use crate::auth::rate_limit::{Attempt, ClientAddr};
use crate::auth::{self, LinkPurpose};

use crate::entities::person;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::Query;
use crate::web::{CsrfForm, Ctx, cookies, render, render_status};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use intercoop_domain::text::Email;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "accounts/login.html")]
struct LoginPage {
    ctx: Ctx,
    email: String,
    next: String,
    errors: FieldErrors,
    /// Shown after a link was asked for.
    sent: bool,
}

impl LoginPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
}

pub async fn login_form(State(state): State<AppState>, ctx: Ctx, Query(q): Query<NextParam>) -> AppResult<Response> {
    if ctx.user.is_some() {
        return Ok(Redirect::to(&safe_next(&state, &q.next)).into_response());
    }
    render(&LoginPage {
        ctx,
        email: String::new(),
        next: q.next,
        errors: FieldErrors::default(),
        sent: false,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    next: String,
    /// "link" (send me a link) or "password".
    method: String,
}

pub async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    addr: ClientAddr,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> AppResult<Response> {
    let mut errors = FieldErrors::default();
    let email = match Email::parse(&form.email) {
        Ok(e) => Some(e),
        Err(e) => {
            errors.add("email", crate::error::text_error_code(e));
            None
        }
    };
    let use_password = form.method == "password" || (!form.password.is_empty() && form.method != "link");
    if use_password && form.password.is_empty() {
        errors.add("password", "required");
    }
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &LoginPage {
                ctx,
                email: form.email,
                next: form.next,
                errors,
                sent: false,
            },
        );
    };
    // Passwords and links have buckets of their own: failed passwords never stop the
    // owner's magic link.
    let attempt = if use_password { Attempt::Password } else { Attempt::Link };
    state.login_limits.check(attempt, email.as_str(), &addr)?;
    if use_password {
        let found = person::Entity::find()
            .filter(person::Column::Email.eq(email.as_str()))
            .filter(person::Column::Disabled.eq(false))
            .one(&state.db.read)
            .await?;
        let ok = state
            .passwords
            .verify(
                form.password.clone(),
                found.as_ref().and_then(|p| p.password_hash.clone()),
            )
            .await;
        let network_id = match (&found, ok) {
            (Some(p), true) => auth::network_for_person(&state.db, p.id, None).await?,
            _ => None,
        };
        let (Some(p), Some(network_id)) = (found, network_id) else {
            let mut errors = FieldErrors::default();
            errors.add("password", "wrong-credentials");
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &LoginPage {
                    ctx,
                    email: form.email,
                    next: form.next,
                    errors,
                    sent: false,
                },
            );
        };
        return start_session(&state, p.id, network_id, &safe_next(&state, &form.next)).await;
    }
    // The same work whether the address has an account or not (`accounts::links`).
    let next = Some(safe_next(&state, &form.next));
    links::request(&state.db.write, &email, LinkPurpose::Login, next, ctx.lang).await?;
    render(&LoginPage {
        ctx,
        email: email.to_string(),
        next: form.next,
        errors: FieldErrors::default(),
        sent: true,
    })
}

/// A magic link or invitation from an email: logs in, once.
#[derive(Template)]
#[template(path = "accounts/link.html")]
struct LinkPage {
    ctx: Ctx,
    token: String,
    next: String,
    /// The name of the person the link logs in.
    name: String,
}

/// Opening an emailed login or invitation link shows a button and uses nothing: mail
/// scanners and link previews open links before the person does, and a link used up
/// by them no longer works for its owner. The link is used by the button (a POST).
/// A link that could not be used answers 404 / 410 here already.
pub async fn follow_link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Query(q): Query<NextParam>,
) -> AppResult<Response> {
    let row = auth::usable_link(&state.db.read, &token, &[LinkPurpose::Login, LinkPurpose::Invite]).await?;
    let name = person::Entity::find_by_id(row.person_id)
        .one(&state.db.read)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    render(&LinkPage {
        ctx,
        token,
        next: q.next,
        name,
    })
}

/// Uses an emailed login or invitation link (the button of [`follow_link`]'s page):
/// valid once, before it expires (410 otherwise); opens a session.
pub async fn use_link(
    State(state): State<AppState>,
    Path(token): Path<String>,
    CsrfForm(q): CsrfForm<NextParam>,
) -> AppResult<Response> {
    let (person_id, network_id) =
        auth::consume_link(&state.db.write, &token, &[LinkPurpose::Login, LinkPurpose::Invite]).await?;
    let network_id = auth::network_for_person(&state.db, person_id, network_id)
        .await?
        .ok_or(AppError::Forbidden)?;
    start_session(&state, person_id, network_id, &safe_next(&state, &q.next)).await
}

pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    CsrfForm(_): CsrfForm<NextParam>,
) -> AppResult<Response> {
    if let Some(token) = cookies::get(&headers, auth::SESSION_COOKIE) {
        auth::end_session(&state, &token).await?;
    }
    let mut response = Redirect::to("/").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        cookies::clear(auth::SESSION_COOKIE, state.config.secure_cookies),
    );
    Ok(response)
}
