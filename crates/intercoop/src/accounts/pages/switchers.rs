//! The language and network switchers shown on every page.

use crate::auth::{self};

use crate::entities::person;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::{CsrfForm, Ctx, LANG_COOKIE, cookies, local_path_or, require_user};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;

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
