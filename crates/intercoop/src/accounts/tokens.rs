//! A person's API tokens in the current network, from the web: listed (name, created,
//! last used, expiry), created (the secret shown once, with its expiry) and revoked.
//!
//! A token lasts `--api-token-days` (90 by default) from its creation, then stops working;
//! a revoked one stops at once, on every instance (the sessions' cache forgets it).

use super::policy;
use crate::access::require;
use crate::auth;
use crate::entities::api_token;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use crate::web::Query;
use crate::web::{CsrfForm, Ctx, render, render_status, require_user, see_other};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use intercoop_domain::text::Title;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Deserialize;
use time::OffsetDateTime;

/// One token as the page lists it.
pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub last_used_at: Option<OffsetDateTime>,
    pub revoked_at: Option<OffsetDateTime>,
}

impl TokenRow {
    /// Whether it still opens the API.
    pub fn active(&self) -> bool {
        self.revoked_at.is_none() && self.expires_at > crate::clock::now()
    }
}

/// A token just made: its secret, shown this once.
pub struct Created {
    pub secret: String,
    pub expires_at: OffsetDateTime,
}

#[derive(Template)]
#[template(path = "accounts/tokens.html")]
struct TokensPage {
    ctx: Ctx,
    tokens: Vec<TokenRow>,
    created: Option<Created>,
    name: String,
    errors: FieldErrors,
    revoked: bool,
    lifetime: auth::TokenLifetime,
}

impl TokensPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field, self.ctx.lang)
    }

    fn days(&self) -> i64 {
        i64::from(self.lifetime.in_days())
    }
}

/// The person's tokens in the network, newest first.
async fn tokens_of(state: &AppState, person_id: i64, network_id: i64) -> AppResult<Vec<TokenRow>> {
    Ok(api_token::Entity::find()
        .filter(api_token::Column::PersonId.eq(person_id))
        .filter(api_token::Column::NetworkId.eq(network_id))
        .order_by_desc(api_token::Column::Id)
        .all(&state.db.read)
        .await?
        .into_iter()
        .map(|t| TokenRow {
            id: t.id,
            expires_at: state.config.api_tokens.expiry(t.created_at),
            name: t.name,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            revoked_at: t.revoked_at,
        })
        .collect())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Shown {
    revoked: String,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<Shown>) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let tokens = tokens_of(&state, user.person_id, user.network.id).await?;
    render(&TokensPage {
        ctx,
        tokens,
        created: None,
        name: String::new(),
        errors: FieldErrors::default(),
        revoked: !q.revoked.is_empty(),
        lifetime: state.config.api_tokens,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenForm {
    name: String,
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let name = match Title::parse(&form.name) {
        Ok(name) => name,
        Err(e) => {
            let mut errors = FieldErrors::default();
            errors.add("name", crate::error::text_error_code(e));
            let tokens = tokens_of(&state, user.person_id, user.network.id).await?;
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &TokensPage {
                    ctx,
                    tokens,
                    created: None,
                    name: form.name,
                    errors,
                    revoked: false,
                    lifetime: state.config.api_tokens,
                },
            );
        }
    };
    let secret = auth::create_api_token(&state.db.write, user.person_id, user.network.id, name.as_str()).await?;
    let tokens = tokens_of(&state, user.person_id, user.network.id).await?;
    let expires_at = tokens
        .first()
        .map(|t| t.expires_at)
        .unwrap_or_else(|| state.config.api_tokens.expiry(crate::clock::now()));
    let mut response = render_status(
        StatusCode::CREATED,
        &TokensPage {
            ctx,
            tokens,
            created: Some(Created { secret, expires_at }),
            name: String::new(),
            errors: FieldErrors::default(),
            revoked: false,
            lifetime: state.config.api_tokens,
        },
    )?;
    // The secret is on this page alone: no cache keeps it.
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

pub async fn revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Shown>,
) -> AppResult<Response> {
    let user = require_user(&ctx)?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let token = api_token::Entity::find_by_id(id)
        .one(&state.db.read)
        .await?
        .ok_or(AppError::NotFound)?;
    // Another network's token does not exist here; someone else's is theirs alone.
    if token.network_id != user.network.id {
        return Err(AppError::NotFound);
    }
    require(policy::manage_token(&user.doer(), token.person_id))?;
    auth::revoke_api_token(&state, &token).await?;
    Ok(see_other("/profile/tokens?revoked=1"))
}
