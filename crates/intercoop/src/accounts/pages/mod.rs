//! Account pages.
//!
//! Login never reveals whether an address has an account: the "check your inbox"
//! answer is the same either way, and a wrong password reads "email or password
//! incorrect" whichever of the two is wrong.
//!
//! - `login`: the login form (password or magic link), following and using an
//!   emailed link, logging out;
//! - `reset`: a forgotten password and its reset, and the message that tells a
//!   person their password changed;
//! - `profile`: each person's name, language and password;
//! - `switchers`: the language and network switchers on every page.
//!
//! What they share is here: where to go after login, and opening a session.

mod login;
mod profile;
mod reset;
mod switchers;

pub use login::*;
pub use profile::*;
pub use reset::*;
pub use switchers::*;

use crate::auth::{self};

use crate::error::AppResult;
use crate::state::AppState;
use crate::web::{cookies, local_path_or};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

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
