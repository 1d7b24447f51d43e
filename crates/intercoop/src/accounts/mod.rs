//! Logging in and out (magic links, passwords), password reset, the profile,
//! and the language and network switchers.

pub mod pages;

use crate::state::AppState;
use axum::Router;
use axum::extract::FromRef;
use axum::routing::{get, post};

pub fn router<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    Router::new()
        .route("/login", get(pages::login_form).post(pages::login))
        .route("/login/link/{token}", get(pages::follow_link))
        .route("/logout", post(pages::logout))
        .route("/password/forgot", get(pages::forgot_form).post(pages::forgot))
        .route("/password/reset/{token}", get(pages::reset_form).post(pages::reset))
        .route("/profile", get(pages::profile_form).post(pages::save_profile))
        .route("/language", post(pages::choose_language))
        .route("/network", post(pages::choose_network))
}
