//! The notification service: every email intercoop sends goes through here.
//!
//! A feature says **what happened** ([`notify`]: a [`Notice`] of a [`Kind`], about one of
//! its rows, with the facts its message shows), in the transaction of the change. When
//! the notice is sent (the job [`SEND`], a moment later), this module decides:
//! - **who**: the kind's audience, registered by the feature that owns it (e.g.
//!   `polls::notifications`: who gets "poll opened") and asked *at sending time*, so a
//!   representative replaced meanwhile is not written to, and the new one is;
//! - **in which language**: the person's, else the network's ([`language_of`]);
//! - **how**: each person's preference for the kind in that network ([`Mode`]: at once,
//!   in the daily digest, never — see `preferences`); security messages (login links,
//!   password resets, invitations) always go at once and cannot be turned off;
//! - **what it says**: the kind's templates, `templates/notifications/<kind>/subject.txt`,
//!   `body.txt` and `body.html`, filled in the person's language (see `render`);
//! - **how to stop it**: every message but security ones carries `List-Unsubscribe` and
//!   `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 2369, RFC 8058), a link
//!   that turns that kind off for that network without logging in.
//!
//! The outbox (`crate::mail`) then delivers the rendered message, once.
//!
//! Its parts: `kinds` (the kinds of email and the modes), `notice` (what a feature
//! says), `audiences` (who gets each kind), `sending` (the job, and notices sent now or
//! held for the digest), `delivery` (each addressee's copy, by their choice).

pub mod addresses;
pub mod attachments;
pub mod digest;
pub mod preferences;
pub mod readable;
pub mod recipients;
pub mod render;

mod audiences;
mod delivery;
mod kinds;
mod notice;
mod sending;

pub use audiences::*;
pub use delivery::language_of;
pub use kinds::*;
pub use notice::*;
pub use sending::*;

/// The settings page and API (each person their own), and the unsubscribe links (the
/// link's token is the authority: no login).
pub fn routes<S>() -> crate::web::route_table::Routes<S>
where
    S: Clone + Send + Sync + 'static,
    crate::state::AppState: axum::extract::FromRef<S>,
{
    use crate::access::Access::{Person, Public};
    crate::web::route_table::Routes::new()
        .get("/settings/notifications", Person, preferences::settings_form)
        .post("/settings/notifications", Person, preferences::save_settings)
        .get("/unsubscribe/{token}", Public, preferences::unsubscribe_form)
        .post("/unsubscribe/{token}", Public, preferences::unsubscribe)
        .get("/api/v1/me/notifications", Person, preferences::api_settings)
        .put("/api/v1/me/notifications", Person, preferences::api_save_settings)
}

/// The OpenAPI paths of the notification settings.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(preferences::api_settings, preferences::api_save_settings),
    components(schemas(preferences::SettingOut))
)]
pub struct ApiDoc;
