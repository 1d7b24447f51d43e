//! Logging in and out (magic links, passwords), password reset, the profile,
//! and the language and network switchers.

pub mod links;
pub mod pages;
pub mod policy;
pub mod tokens;

use crate::access::Access;
use crate::state::AppState;
use crate::web::route_table::Routes;
use axum::extract::FromRef;

pub fn routes<S>() -> Routes<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    Routes::new()
        .get("/login", Access::Public, pages::login_form)
        .post("/login", Access::Public, pages::login)
        .get("/login/link/{token}", Access::Public, pages::follow_link)
        .post("/login/link/{token}", Access::Public, pages::use_link)
        .post("/logout", Access::Public, pages::logout)
        .get("/password/forgot", Access::Public, pages::forgot_form)
        .post("/password/forgot", Access::Public, pages::forgot)
        .get("/password/reset/{token}", Access::Public, pages::reset_form)
        .post("/password/reset/{token}", Access::Public, pages::reset)
        .get("/profile", Access::Person, pages::profile_form)
        .post("/profile", Access::Person, pages::save_profile)
        .get("/profile/tokens", Access::Person, tokens::list)
        .post("/profile/tokens", Access::Person, tokens::create)
        .post(
            "/profile/tokens/{id}/revoke",
            Access::Policy("accounts::policy::manage_token"),
            tokens::revoke,
        )
        .post("/language", Access::Public, pages::choose_language)
        .post("/network", Access::Person, pages::choose_network)
}
