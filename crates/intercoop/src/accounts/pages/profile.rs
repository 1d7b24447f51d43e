//! The profile: a person's name, language and password (a new one ends their other
//! sessions and they are told).

use super::reset::{PasswordForm, check_password, tell_password_changed};
use crate::auth::rate_limit::{Attempt, ClientAddr};
use crate::auth::{self};

use crate::entities::person;
use crate::error::{AppResult, FieldErrors};
use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, LANG_COOKIE, cookies, render, render_status, require_user};
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use intercoop_domain::text::PersonName;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "accounts/profile.html")]
struct ProfilePage {
    ctx: Ctx,
    /// A password is set: changing it asks for the current one.
    has_password: bool,
    name: String,
    language: String,
    errors: FieldErrors,
    saved: bool,
}

impl ProfilePage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }
}

pub async fn profile_form(ctx: Ctx) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let name = user.name.clone();
    let language = user.language.map(|l| l.code().to_string()).unwrap_or_default();
    render(&ProfilePage {
        has_password: user.has_password,
        ctx,
        name,
        language,
        errors: FieldErrors::default(),
        saved: false,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProfileForm {
    name: String,
    language: String,
    /// The current password, asked when one is set and a new one is typed.
    current: String,
    password: String,
    confirm: String,
}

pub async fn save_profile(
    State(state): State<AppState>,
    ctx: Ctx,
    addr: ClientAddr,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<ProfileForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let mut errors = FieldErrors::default();
    let name = PersonName::parse(&form.name)
        .map_err(|e| errors.add("name", crate::error::text_error_code(e)))
        .ok();
    let language = match form.language.as_str() {
        "" => None,
        code => {
            let l = Lang::parse(code);
            if l.is_none() {
                errors.add("language", "invalid-choice");
            }
            l
        }
    };
    let pw = PasswordForm {
        password: form.password.clone(),
        confirm: form.confirm.clone(),
    };
    let changes_password = !form.password.is_empty();
    if changes_password {
        check_password(&pw, &mut errors);
        if user.has_password && form.current.is_empty() {
            errors.add("current", "required");
        }
    }
    // The current password is checked last, once everything cheap is right: it costs
    // an argon2 check, counted against the account's password attempts.
    if changes_password && user.has_password && errors.is_empty() {
        state.login_limits.check(Attempt::Password, &user.email, &addr)?;
        let stored = person::Entity::find_by_id(user.person_id)
            .one(&state.db.read)
            .await?
            .and_then(|p| p.password_hash);
        if !state.passwords.verify(form.current.clone(), stored).await {
            errors.add("current", "wrong-password");
        }
    }
    let Some(name) = name.filter(|_| errors.is_empty()) else {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ProfilePage {
                has_password: user.has_password,
                ctx,
                name: form.name,
                language: form.language,
                errors,
                saved: false,
            },
        );
    };
    let hash = if form.password.is_empty() {
        None
    } else {
        Some(state.passwords.hash(form.password).await?)
    };
    let txn = state.db.write.begin().await?;
    let mut update = person::Entity::update_many()
        .col_expr(person::Column::Name, Expr::val(name.to_string()))
        .col_expr(
            person::Column::NameKey,
            Expr::val(Some(crate::collation::sort_key(&name.to_string()))),
        )
        .col_expr(person::Column::Language, Expr::val(language.map(|l| l.code())))
        .filter(person::Column::Id.eq(user.person_id));
    if let Some(hash) = hash {
        update = update.col_expr(person::Column::PasswordHash, Expr::val(Some(hash)));
    }
    update.exec(&txn).await?;
    // A new password ends every other session of the person, and they are told.
    let session = cookies::get(&headers, auth::SESSION_COOKIE);
    let ended = if changes_password {
        tell_password_changed(&txn, &state, user.person_id, user.network.id, ctx.lang).await?;
        auth::end_other_sessions(&txn, user.person_id, session.as_deref()).await?
    } else {
        Vec::new()
    };
    crate::audit::record(
        &txn,
        crate::audit::Change {
            network_id: Some(user.network.id),
            actor: crate::audit::Actor::person(user.person_id),
            action: "person.profile",
            entity: "person",
            entity_id: Some(user.person_id),
        },
        Some(&(user.name.clone(), user.language.map(|l| l.code()))),
        Some(&(name.to_string(), language.map(|l| l.code()))),
    )
    .await?;
    if changes_password {
        crate::audit::record(
            &txn,
            crate::audit::Change {
                network_id: Some(user.network.id),
                actor: crate::audit::Actor::person(user.person_id),
                action: "person.password_changed",
                entity: "person",
                entity_id: Some(user.person_id),
            },
            None::<&()>,
            None::<&()>,
        )
        .await?;
    }
    txn.commit().await?;
    auth::forget_sessions(&state, &ended);
    state.auth_cache.clear();
    // Show the saved profile in its (maybe new) language.
    let mut ctx = ctx;
    if let Some(token) = cookies::get(&headers, auth::SESSION_COOKIE) {
        ctx.user = auth::user_for_session(&state, &token).await?;
    }
    ctx.lang = language.unwrap_or(ctx.lang);
    let mut response = render(&ProfilePage {
        has_password: user.has_password || changes_password,
        ctx,
        name: name.to_string(),
        language: form.language,
        errors: FieldErrors::default(),
        saved: true,
    })?;
    if let Some(l) = language {
        response.headers_mut().append(
            header::SET_COOKIE,
            cookies::set(LANG_COOKIE, l.code(), 31_536_000, state.config.secure_cookies),
        );
    }
    Ok(response)
}
