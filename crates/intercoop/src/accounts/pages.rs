//! Account pages.
//!
//! Login never reveals whether an address has an account: the "check your inbox"
//! answer is the same either way, and a wrong password reads "email or password
//! incorrect" whichever of the two is wrong.

use super::links;
use crate::auth::rate_limit::{Attempt, ClientAddr};
use crate::auth::{self, LinkPurpose, password};

use crate::entities::person;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Lang;
use crate::notifications::{self, Addressee, Kind, Notice};
use crate::state::AppState;
use crate::web::Query;
use crate::web::{CsrfForm, Ctx, LANG_COOKIE, cookies, local_path_or, render, render_status, require_user};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use intercoop_domain::text::{Email, PersonName};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
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

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NextParam {
    next: String,
}

/// Only paths of this site are followed after login (no open redirect): see
/// [`crate::web::local_path`].
fn safe_next(state: &AppState, next: &str) -> String {
    local_path_or(next, &state.config.base_url, "/dashboard")
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

/// Opens a session and sets its cookie, then goes to `next`. The CSRF token is renewed
/// too: a token a visitor had before logging in (perhaps planted) is not the one of
/// their session.
async fn start_session(state: &AppState, person_id: i64, network_id: i64, next: &str) -> AppResult<Response> {
    let limits = state.config.sessions;
    let token = auth::create_session(&state.db.write, person_id, network_id, limits).await?;
    let mut response = Redirect::to(next).into_response();
    let secure = state.config.secure_cookies;
    response.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(auth::SESSION_COOKIE, &token, limits.max.whole_seconds(), secure),
    );
    response
        .headers_mut()
        .append(header::SET_COOKIE, crate::web::new_csrf_cookie(secure));
    Ok(response)
}

/// Tells a person that their password changed (a security message: always sent, at
/// once, with a link to choose another one if it was not them).
async fn tell_password_changed<C: sea_orm::ConnectionTrait>(
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
    password: String,
    confirm: String,
}

fn check_password(form: &PasswordForm, errors: &mut FieldErrors) {
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

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LanguageForm {
    lang: String,
    next: String,
}

/// The switcher on every page: remembered in a cookie, and in the profile of a
/// logged-in person (so that their emails follow).
pub async fn choose_language(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<LanguageForm>,
) -> AppResult<Response> {
    let lang = Lang::parse(&form.lang).ok_or_else(|| AppError::invalid("lang", "invalid-choice"))?;
    if let Some(user) = &ctx.user {
        person::Entity::update_many()
            .col_expr(person::Column::Language, Expr::val(Some(lang.code().to_string())))
            .filter(person::Column::Id.eq(user.person_id))
            .exec(&state.db.write)
            .await?;
        state.auth_cache.clear();
    }
    let next = local_path_or(&form.next, &state.config.base_url, "/");
    let mut response = Redirect::to(&next).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(LANG_COOKIE, lang.code(), 31_536_000, state.config.secure_cookies),
    );
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Cookie"));
    Ok(response)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NetworkForm {
    network: String,
    /// The page the person was on.
    next: String,
}

/// The network switcher (shown when a person belongs to two networks or more).
pub async fn choose_network(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    CsrfForm(form): CsrfForm<NetworkForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let target = user
        .networks
        .iter()
        .find(|n| n.slug == form.network)
        .ok_or(AppError::Forbidden)?;
    let token = cookies::get(&headers, auth::SESSION_COOKIE).ok_or(AppError::Unauthenticated)?;
    auth::switch_network(&state, &token, target.id).await?;
    let here = crate::web::local_path(&form.next, &state.config.base_url).unwrap_or_default();
    Ok(Redirect::to(&same_place_elsewhere(&here)).into_response())
}

/// Where the network switcher lands: the same page in the other network, or, from a
/// page about one thing of the first network (`/proposals/12/edit`), the list it is in
/// (`/proposals`), since that thing is not in the other network. The query string (a
/// list's filters) is kept only when the page is kept. The dashboard when nothing is
/// left (`/`, an empty or foreign `next`).
fn same_place_elsewhere(path: &str) -> String {
    let (path_only, query) = path.split_once('?').unwrap_or((path, ""));
    let segments: Vec<&str> = path_only.split('/').filter(|s| !s.is_empty()).collect();
    let kept: Vec<&str> = segments
        .iter()
        .copied()
        .take_while(|s| !s.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    match (kept.len(), kept.len() == segments.len()) {
        (0, _) => "/dashboard".to_string(),
        (_, true) if !query.is_empty() => format!("/{}?{query}", kept.join("/")),
        _ => format!("/{}", kept.join("/")),
    }
}

#[cfg(test)]
mod switcher_tests {
    use super::same_place_elsewhere as land;

    #[test]
    fn the_switcher_keeps_the_place_not_the_thing() {
        assert_eq!(land("/proposals"), "/proposals");
        assert_eq!(land("/proposals?status=open"), "/proposals?status=open");
        assert_eq!(land("/proposals/12"), "/proposals");
        assert_eq!(land("/proposals/12/quotes/new?x=1"), "/proposals");
        assert_eq!(land("/organisations/5/edit"), "/organisations");
        assert_eq!(land("/settings/notifications"), "/settings/notifications");
        assert_eq!(land("/"), "/dashboard");
        assert_eq!(land(""), "/dashboard");
    }
}
