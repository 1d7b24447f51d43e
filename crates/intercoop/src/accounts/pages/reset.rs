//! A forgotten password: asking for a reset link, and choosing a new password with it;
//! and the message that tells a person their password changed.

use super::start_session;
use crate::accounts::links;
use crate::auth::rate_limit::{Attempt, ClientAddr};
use crate::auth::{self, LinkPurpose, password};

use crate::entities::person;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Lang;
use crate::notifications::{self, Addressee, Kind, Notice};
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, render, render_status};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::text::Email;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use serde::Deserialize;

/// Tells a person that their password changed (a security message: always sent, at
/// once, with a link to choose another one if it was not them).
pub(super) async fn tell_password_changed<C: sea_orm::ConnectionTrait>(
    conn: &C,
    state: &AppState,
    person_id: i64,
    network_id: i64,
    lang: Lang,
) -> AppResult<()> {
    let to = Addressee {
        fallback_lang: Some(lang),
        ..Addressee::new(person_id)
    };
    let notice = Notice::new(Kind::PasswordChanged, network_id)
        .link("/password/forgot")
        .to(vec![to]);
    notifications::send_now(conn, &state.config.base_url, notice).await?;
    Ok(())
}

#[derive(Template)]
#[template(path = "accounts/forgot.html")]
struct ForgotPage {
    ctx: Ctx,
    email: String,
    errors: FieldErrors,
    sent: bool,
}

impl ForgotPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
}

pub async fn forgot_form(ctx: Ctx) -> AppResult<Response> {
    render(&ForgotPage {
        ctx,
        email: String::new(),
        errors: FieldErrors::default(),
        sent: false,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EmailForm {
    email: String,
}

pub async fn forgot(
    State(state): State<AppState>,
    ctx: Ctx,
    addr: ClientAddr,
    CsrfForm(form): CsrfForm<EmailForm>,
) -> AppResult<Response> {
    let email = match Email::parse(&form.email) {
        Ok(e) => e,
        Err(e) => {
            let mut errors = FieldErrors::default();
            errors.add("email", crate::error::text_error_code(e));
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ForgotPage {
                    ctx,
                    email: form.email,
                    errors,
                    sent: false,
                },
            );
        }
    };
    state.login_limits.check(Attempt::Link, email.as_str(), &addr)?;
    // The same work whether the address has an account or not (`accounts::links`).
    links::request(&state.db.write, &email, LinkPurpose::Reset, None, ctx.lang).await?;
    render(&ForgotPage {
        ctx,
        email: email.to_string(),
        errors: FieldErrors::default(),
        sent: true,
    })
}

#[derive(Template)]
#[template(path = "accounts/reset.html")]
struct ResetPage {
    ctx: Ctx,
    token: String,
    errors: FieldErrors,
}

impl ResetPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
}

pub async fn reset_form(ctx: Ctx, Path(token): Path<String>) -> AppResult<Response> {
    render(&ResetPage {
        ctx,
        token,
        errors: FieldErrors::default(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    pub(super) password: String,
    pub(super) confirm: String,
}

pub(super) fn check_password(form: &PasswordForm, errors: &mut FieldErrors) {
    if form.password.chars().count() < password::MIN_LENGTH {
        errors.add("password", "password-too-short");
    } else if form.password.len() > 1000 {
        errors.add("password", "too-long");
    } else if form.password != form.confirm {
        errors.add("confirm", "password-mismatch");
    }
}

pub async fn reset(
    State(state): State<AppState>,
    ctx: Ctx,
    addr: ClientAddr,
    Path(token): Path<String>,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> AppResult<Response> {
    // The cheap checks first: the link (a read), then the form; only then the argon2
    // work, a few at a time (`auth::password::Hasher`).
    auth::usable_link(&state.db.read, &token, &[LinkPurpose::Reset]).await?;
    state.login_limits.check_address(Attempt::Password, &addr)?;
    let mut errors = FieldErrors::default();
    check_password(&form, &mut errors);
    if !errors.is_empty() {
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &ResetPage { ctx, token, errors });
    }
    let hash = state.passwords.hash(form.password).await?;
    let txn = state.db.write.begin().await?;
    let (person_id, network_id) = auth::consume_link(&txn, &token, &[LinkPurpose::Reset]).await?;
    person::Entity::update_many()
        .col_expr(person::Column::PasswordHash, Expr::val(Some(hash)))
        .filter(person::Column::Id.eq(person_id))
        .exec(&txn)
        .await?;
    // Whoever was logged in as this person (perhaps with the old password) is out.
    let ended = auth::end_other_sessions(&txn, person_id, None).await?;
    if let Some(network) = auth::first_network(&txn, person_id, network_id).await? {
        tell_password_changed(&txn, &state, person_id, network, ctx.lang).await?;
    }
    crate::audit::record(
        &txn,
        crate::audit::Change {
            network_id,
            actor: crate::audit::Actor::person(person_id),
            action: "person.password_reset",
            entity: "person",
            entity_id: Some(person_id),
        },
        None::<&()>,
        None::<&()>,
    )
    .await?;
    txn.commit().await?;
    auth::forget_sessions(&state, &ended);
    let network_id = auth::network_for_person(&state.db, person_id, network_id)
        .await?
        .ok_or(AppError::Forbidden)?;
    start_session(&state, person_id, network_id, "/dashboard").await
}
