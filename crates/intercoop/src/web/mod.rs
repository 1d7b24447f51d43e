//! What every page shares: the page context (language, person, CSRF token), the
//! CSRF check of forms, rendering, and the translation of errors into pages or
//! problem+json.

pub mod cookies;
pub mod dashboard;
pub mod files;
pub mod format;
pub mod picked;
pub mod query;
pub mod route_table;

use crate::auth::{self, CurrentUser, NetworkInfo};
use crate::entities::network;
use crate::error::{AppError, AppResult, ErrorInfo};
use crate::i18n::{self, Arg, Lang};
use crate::state::AppState;
use askama::Template;
use axum::extract::{FromRef, FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use sea_orm::{EntityTrait, QueryOrder};
use serde::de::DeserializeOwned;
use std::sync::Arc;

pub use query::Query;

/// A form with nothing but its CSRF token: the button that confirms a step the page
/// described (`CsrfForm<Empty>`).
#[derive(Debug, Default, serde::Deserialize)]
pub struct Empty {}

/// The CSRF cookie over plain http (the demo, tests).
pub const CSRF_COOKIE: &str = "ic_csrf";
/// The CSRF cookie behind https: the `__Host-` prefix makes browsers refuse it unless it
/// is Secure, for the whole site (`Path=/`) and set by this host alone (no `Domain`),
/// so a neighbouring subdomain cannot plant a token of its choosing.
pub const CSRF_COOKIE_SECURE: &str = "__Host-ic_csrf";

/// The CSRF cookie's name: `__Host-` prefixed when cookies are Secure.
pub fn csrf_cookie_name(secure: bool) -> &'static str {
    if secure { CSRF_COOKIE_SECURE } else { CSRF_COOKIE }
}

/// How long a CSRF cookie lives (a year; renewed at each login).
const CSRF_SECONDS: i64 = 60 * 60 * 24 * 365;

/// A new CSRF cookie (at login: see `accounts::pages::start_session`).
pub fn new_csrf_cookie(secure: bool) -> HeaderValue {
    cookies::set(
        csrf_cookie_name(secure),
        &auth::tokens::new_token("c_"),
        CSRF_SECONDS,
        secure,
    )
}
pub const CSRF_FIELD: &str = "_csrf";
pub const LANG_COOKIE: &str = "ic_lang";

/// The CSRF token of this visitor (double-submit: a cookie and a form field that
/// must match), put into the request by [`csrf_cookie`].
#[derive(Clone)]
pub struct CsrfToken(pub String);

/// Gives every visitor a CSRF cookie, so that the forms of the very first page work.
pub async fn csrf_cookie(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let secure = state.config.secure_cookies;
    let name = csrf_cookie_name(secure);
    let existing = cookies::get(req.headers(), name);
    let token = existing.clone().unwrap_or_else(|| auth::tokens::new_token("c_"));
    req.extensions_mut().insert(CsrfToken(token.clone()));
    let mut response = next.run(req).await;
    // A login sets a new one itself.
    let renewed = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|c| c.as_bytes().starts_with(format!("{name}=").as_bytes()));
    if existing.is_none() && !renewed {
        response
            .headers_mut()
            .append(header::SET_COOKIE, cookies::set(name, &token, CSRF_SECONDS, secure));
    }
    response
}

/// Cents as a template holds them: a field by value or by reference.
pub trait Cents {
    fn cents(&self) -> i64;
}
impl Cents for i64 {
    fn cents(&self) -> i64 {
        *self
    }
}
impl<T: Cents + ?Sized> Cents for &T {
    fn cents(&self) -> i64 {
        (**self).cents()
    }
}

/// Everything a page template needs besides its own data.
pub struct Ctx {
    pub lang: Lang,
    pub user: Option<Arc<CurrentUser>>,
    pub csrf: String,
    pub path: String,
    pub network: Option<NetworkInfo>,
    /// The networks the switcher offers (empty unless there are two or more).
    pub switchable: Vec<NetworkInfo>,
}

impl Ctx {
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// Translation with one named argument.
    pub fn ta(&self, key: &str, name: &'static str, value: impl std::fmt::Display) -> String {
        self.lang.t_args(key, &[(name, Arg::Str(value.to_string()))])
    }

    /// Translation with a count (plural rules) and an optional extra argument.
    pub fn tn(&self, key: &str, count: impl std::borrow::Borrow<i64>) -> String {
        self.lang.t_args(key, &[("count", Arg::Num(*count.borrow()))])
    }

    pub fn langs(&self) -> [Lang; 4] {
        Lang::ALL
    }

    /// Whether the reader administers this network (the navigation's money link).
    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.doer().is_admin())
    }

    /// Whether the reader is of the core circle or administers the network (the
    /// navigation's applications link).
    pub fn steers(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.doer().roles.steers())
    }

    pub fn logged_in(&self) -> bool {
        self.user.is_some()
    }

    pub fn user(&self) -> AppResult<&Arc<CurrentUser>> {
        self.user.as_ref().ok_or(AppError::Unauthenticated)
    }

    pub fn network_name(&self) -> String {
        self.network
            .as_ref()
            .map(|n| n.name.clone())
            .unwrap_or_else(|| "intercoop".to_string())
    }

    pub fn time_zone(&self) -> String {
        self.network
            .as_ref()
            .map(|n| n.time_zone.clone())
            .unwrap_or_else(|| "Europe/Brussels".into())
    }

    pub fn currency(&self) -> String {
        self.network
            .as_ref()
            .map(|n| n.currency.clone())
            .unwrap_or_else(|| "EUR".into())
    }

    /// Is this link the current section (for `aria-current`)?
    pub fn current(&self, prefix: &str) -> bool {
        if prefix == "/" {
            self.path == "/"
        } else {
            self.path.starts_with(prefix)
        }
    }

    pub fn money(&self, cents: i64) -> String {
        intercoop_domain::Money::from_cents(cents).format(self.lang.code(), &self.currency())
    }

    /// [`Ctx::money`] for what a template holds by value or by reference.
    pub fn cents(&self, cents: impl Cents) -> String {
        self.money(cents.cents())
    }

    pub fn datetime(&self, at: &time::OffsetDateTime) -> String {
        format::datetime(at, &self.time_zone(), self.lang)
    }

    pub fn date(&self, at: &time::OffsetDateTime) -> String {
        format::date(at, &self.time_zone(), self.lang)
    }

    /// A calendar day in the reader's language ("1 mars 2026").
    pub fn day(&self, d: &time::Date) -> String {
        format::day(d, self.lang)
    }

    /// A language by its own name ("fr" → "Français"); the code itself when unknown.
    pub fn language_name(&self, code: &str) -> String {
        crate::i18n::Lang::parse(code)
            .map(|l| l.native_name().to_string())
            .unwrap_or_else(|| code.to_string())
    }
}

/// The first network of the install, shown to visitors who are not logged in.
pub async fn default_network(state: &AppState) -> AppResult<Option<NetworkInfo>> {
    Ok(network::Entity::find()
        .order_by_asc(network::Column::Id)
        .one(&state.db.read)
        .await?
        .map(|n| NetworkInfo {
            id: n.id,
            slug: n.slug,
            name: n.name,
            default_language: n.default_language,
            time_zone: n.time_zone,
            currency: n.currency,
        }))
}

impl<S> FromRequestParts<S> for Ctx
where
    S: Send + Sync,
    AppState: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> AppResult<Ctx> {
        let state = &AppState::from_ref(state);
        let user = match cookies::get(&parts.headers, auth::SESSION_COOKIE) {
            Some(token) => auth::user_for_session(state, &token).await?,
            None => None,
        };
        let network = match &user {
            Some(u) => Some(u.network.clone()),
            None => default_network(state).await?,
        };
        let lang = page_lang(&parts.headers, user.as_deref(), network.as_ref());
        let csrf = parts
            .extensions
            .get::<CsrfToken>()
            .map(|t| t.0.clone())
            .unwrap_or_default();
        let switchable = match &user {
            Some(u) if u.networks.len() > 1 => u.networks.clone(),
            _ => Vec::new(),
        };
        Ok(Ctx {
            lang,
            user,
            csrf,
            path: parts.uri.path().to_string(),
            network,
            switchable,
        })
    }
}

/// Profile, then the switcher's cookie, then the browser, then the network default.
pub fn page_lang(headers: &HeaderMap, user: Option<&CurrentUser>, network: Option<&NetworkInfo>) -> Lang {
    let profile = user.and_then(|u| u.language).map(Lang::code);
    let cookie = cookies::get(headers, LANG_COOKIE);
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    let default = network.map(|n| n.default_language.code()).unwrap_or("en");
    i18n::negotiate(profile.or(cookie.as_deref()), accept, default)
}

/// A number by value or through references: templates pass loop variables as `&&i64`,
/// fields as `&i64`; a page's helper takes any of them.
pub trait Num {
    /// The number itself.
    fn num(&self) -> i64;
}

impl Num for i64 {
    fn num(&self) -> i64 {
        *self
    }
}

impl<T: Num + ?Sized> Num for &T {
    fn num(&self) -> i64 {
        (**self).num()
    }
}

/// Renders a template into a page.
pub fn render(template: &impl Template) -> AppResult<Response> {
    let html = template
        .render()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("template: {e}")))?;
    Ok(Html(html).into_response())
}

/// Renders with a status (e.g. 422 for a form with errors).
pub fn render_status(status: StatusCode, template: &impl Template) -> AppResult<Response> {
    let mut response = render(template)?;
    *response.status_mut() = status;
    Ok(response)
}

/// After a successful POST: go to a page (303, so that reload does not resubmit).
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// Where to send a visitor after a form or a link (`?next=`): the path of this site
/// that `next` stands for, **as a browser reads it**, or `None` when it would leave
/// the site.
///
/// A browser parses a `Location` by the WHATWG URL Standard, which the `url` crate
/// implements: it drops tabs and newlines anywhere (`/%09/evil.example` is
/// `//evil.example`), trims spaces and controls at both ends, reads `\` as `/` (`/\x`,
/// `\/x`), resolves `.` and `..` (`/.//x`). So `next` is resolved against intercoop's
/// own address exactly as a browser would, kept only if it stays on the same origin,
/// and what is returned is the normalised path, query and fragment — never the text
/// as typed — which cannot start with `//` (a path that normalises to one is refused:
/// on its own it would name another host). Percent-escapes stay as they are, as
/// browsers keep them in a path (`/%2F%2Fx` is a path of this site).
pub fn local_path(next: &str, base_url: &str) -> Option<String> {
    let base = url::Url::parse(base_url).ok()?;
    // What a browser would drop before parsing; what is left must start as a path.
    let stripped: String = next.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let stripped = stripped.trim_matches(|c: char| c <= ' ');
    if !stripped.starts_with('/') || next.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')) {
        return None;
    }
    let url = base.join(next).ok()?;
    if url.origin() != base.origin() || !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    let path = &url[url::Position::BeforePath..];
    (path.starts_with('/') && !path.starts_with("//")).then(|| path.to_string())
}

/// [`local_path`], or `fallback` when `next` would leave the site.
pub fn local_path_or(next: &str, base_url: &str, fallback: &str) -> String {
    local_path(next, base_url).unwrap_or_else(|| fallback.to_string())
}

/// A form body whose CSRF token and origin were checked.
///
/// Fields of `T` should be `String`s so that a form with errors can be shown again
/// with exactly what was typed.
pub struct CsrfForm<T>(pub T);

impl<T, S> FromRequest<S> for CsrfForm<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
    AppState: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> AppResult<CsrfForm<T>> {
        let app = AppState::from_ref(state);
        check_origin(req.headers(), &app)?;
        let cookie = cookies::get(req.headers(), csrf_cookie_name(app.config.secure_cookies)).ok_or(AppError::Csrf)?;
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| AppError::BadRequest("unreadable body".into()))?;
        let sent = form_urlencoded::parse(&bytes)
            .find(|(k, _)| k == CSRF_FIELD)
            .map(|(_, v)| v.into_owned())
            .ok_or(AppError::Csrf)?;
        if !auth::tokens::constant_time_eq(&sent, &cookie) {
            return Err(AppError::Csrf);
        }
        let value = serde_urlencoded::from_bytes(&bytes).map_err(|e| AppError::BadRequest(e.to_string()))?;
        Ok(CsrfForm(value))
    }
}

/// A state-changing request must come from our own pages: its `Origin` (or, when a
/// browser sends none, its `Referer`) must be intercoop's address or the host asked.
pub fn check_origin(headers: &HeaderMap, state: &AppState) -> AppResult<()> {
    let source = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    let Some(source) = source else {
        return Ok(()); // non-browser clients; the CSRF token still has to match
    };
    let Ok(url) = url::Url::parse(source) else {
        return Err(AppError::Csrf);
    };
    let origin = url.origin().ascii_serialization();
    let base = url::Url::parse(&state.config.base_url)
        .map(|b| b.origin().ascii_serialization())
        .unwrap_or_default();
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    let same_host = url.host_str().is_some_and(|h| {
        let with_port = match url.port() {
            Some(p) => format!("{h}:{p}"),
            None => h.to_string(),
        };
        with_port == host
    });
    if origin == base || same_host {
        Ok(())
    } else {
        Err(AppError::Csrf)
    }
}

/// Turns an [`AppError`] carried by a response into problem+json (under `/api`) or
/// into a page in the visitor's language.
pub async fn render_errors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let path_and_query = req.uri().path_and_query().map(|p| p.to_string()).unwrap_or_default();
    let method = req.method().clone();
    let headers = req.headers().clone();
    let request_id = headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_string();
    let response = next.run(req).await;
    let Some(info) = response.extensions().get::<Arc<ErrorInfo>>().cloned() else {
        return response;
    };
    if is_api {
        return problem_response(&info, &request_id, &path_and_query);
    }
    if info.status == StatusCode::UNAUTHORIZED && method == Method::GET {
        let next = form_urlencoded::byte_serialize(path_and_query.as_bytes()).collect::<String>();
        return Redirect::to(&format!("/login?next={next}")).into_response();
    }
    // The page of whoever is reading: their language, their network, their header (an
    // error must not log them out in appearance). A session that cannot be read now is
    // shown as a visitor's page.
    let user = match cookies::get(&headers, auth::SESSION_COOKIE) {
        Some(token) => auth::user_for_session(&state, &token).await.ok().flatten(),
        None => None,
    };
    let network = match &user {
        Some(u) => Some(u.network.clone()),
        None => default_network(&state).await.ok().flatten(),
    };
    let lang = page_lang(&headers, user.as_deref(), network.as_ref());
    let detail_key = format!("error-{}-detail", info.code);
    let fields = info.fields.iter().map(|f| (f.field.clone(), f.text(lang))).collect();
    let page = ErrorPage {
        fields,
        ctx: Ctx {
            lang,
            user,
            csrf: String::new(),
            path: String::new(),
            network,
            switchable: Vec::new(),
        },
        status: info.status.as_u16(),
        title: lang.t(&format!("error-{}", info.code)),
        detail: if lang.has(&detail_key) {
            lang.t(&detail_key)
        } else {
            String::new()
        },
        request_id,
    };
    match render_status(info.status, &page) {
        Ok(r) => r,
        Err(_) => (info.status, info.status.canonical_reason().unwrap_or("error")).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_paths_of_this_site_are_followed() {
        let base = "https://coop.example";
        for ok in [
            "/dashboard",
            "/polls/3?tab=result#votes",
            "/%2F%2Fevil.example",
            "/a/../b",
        ] {
            let path = local_path(ok, base).unwrap_or_else(|| panic!("{ok:?} refused"));
            assert!(path.starts_with('/') && !path.starts_with("//"), "{ok:?} → {path:?}");
        }
        assert_eq!(local_path("/a/../b", base).as_deref(), Some("/b"));
        assert_eq!(local_path("https://coop.example/x", base), None, "not a path");
        for bad in [
            "//evil.example/x",
            "///evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "/\t/evil.example/phish",
            "/\n/evil.example",
            "/\r\n/evil.example",
            " //evil.example",
            "\t//evil.example",
            "/.//evil.example",
            "/..//evil.example",
            "https://evil.example",
            "javascript:alert(1)",
            "data:text/html,<script>x</script>",
            "dashboard",
            "",
            "/\u{0}/x",
        ] {
            assert_eq!(local_path(bad, base), None, "{bad:?}");
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: Ctx,
    /// The fields (or query parameters) refused, with the reason in the page's language.
    fields: Vec<(String, String)>,
    status: u16,
    title: String,
    detail: String,
    request_id: String,
}

/// RFC 9457 problem details.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub instance: String,
    /// Field errors of a 422.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<crate::error::FieldError>,
    pub request_id: String,
}

pub(crate) fn problem_response(info: &ErrorInfo, request_id: &str, instance: &str) -> Response {
    let problem = Problem {
        kind: format!("https://intercoop.coop/problems/{}", info.code),
        title: Lang::En.t(&format!("error-{}", info.code)),
        status: info.status.as_u16(),
        detail: info.detail.clone().or_else(|| {
            let key = format!("error-{}-detail", info.code);
            Lang::En.has(&key).then(|| Lang::En.t(&key))
        }),
        instance: instance.to_string(),
        errors: info.fields.clone(),
        request_id: request_id.to_string(),
    };
    let mut response = (info.status, axum::Json(problem)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

/// Pages that need someone logged in.
pub fn require_user(ctx: &Ctx) -> AppResult<Arc<CurrentUser>> {
    ctx.user.clone().ok_or(AppError::Unauthenticated)
}
