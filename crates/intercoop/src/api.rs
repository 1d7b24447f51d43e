//! What every JSON endpoint shares: bearer-token authentication, pagination,
//! JSON bodies whose errors become 422 problems, and the OpenAPI document.

use crate::auth::{self, CurrentUser};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::state::AppState;
use axum::extract::{FromRef, FromRequest, FromRequestParts, Request};
use axum::http::header;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

// A calendar day as `YYYY-MM-DD` (ISO 8601), what the OpenAPI document calls `format: date`.
time::serde::format_description!(
    pub iso_date,
    Date,
    "[year]-[month]-[day]"
);

/// The person behind the `Authorization: Bearer` token of an API call.
pub struct ApiUser(pub Arc<CurrentUser>);

impl<S> FromRequestParts<S> for ApiUser
where
    S: Send + Sync,
    AppState: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> AppResult<ApiUser> {
        let state = &AppState::from_ref(state);
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
            .map(str::trim)
            .ok_or(AppError::Unauthenticated)?;
        let user = auth::user_for_api_token(state, token)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        parts.extensions.insert(ApiPerson(user.person_id));
        Ok(ApiUser(user))
    }
}

/// An API call that may come without a token (a route readable by anyone, such as a
/// public documentation page): no `Authorization` header is `None`; a header with a
/// token that is not valid is still a 401.
impl<S> axum::extract::OptionalFromRequestParts<S> for ApiUser
where
    S: Send + Sync,
    AppState: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> AppResult<Option<ApiUser>> {
        if !parts.headers.contains_key(header::AUTHORIZATION) {
            return Ok(None);
        }
        <ApiUser as FromRequestParts<S>>::from_request_parts(parts, state)
            .await
            .map(Some)
    }
}

/// The id of the API caller, left in the request for the idempotency layer.
#[derive(Clone, Copy)]
pub struct ApiPerson(pub i64);

/// A JSON body. Malformed JSON is a 400; a field of the wrong type a 422 naming it.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> AppResult<ApiJson<T>> {
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| AppError::BadRequest("unreadable body".into()))?;
        let mut de = serde_json::Deserializer::from_slice(&bytes);
        match serde_path_to_error::deserialize(&mut de) {
            Ok(value) => Ok(ApiJson(value)),
            Err(e) => {
                let path = e.path().to_string();
                let inner = e.into_inner();
                if inner.is_data() {
                    let field = if path == "." { "body".to_string() } else { path };
                    let mut errors = FieldErrors::default();
                    errors.add(&field, "invalid-value");
                    if let Some(err) = errors.0.last_mut() {
                        err.message = inner.to_string();
                    }
                    Err(AppError::Invalid(errors))
                } else {
                    Err(AppError::BadRequest(format!("malformed JSON: {inner}")))
                }
            }
        }
    }
}

/// The last page a list serves: [`Page::page`] beyond it is a 422 from the API, and
/// the lists of pages (which build their `Page` themselves) answer it as the empty page
/// past the end. 200 million rows at 200 per page: more than any network holds, and
/// far from the offsets (`i64`) the databases take.
pub const MAX_PAGE: u64 = 1_000_000;

/// `?page=1&per_page=50` (at most 200 per page). A value that is not a whole number
/// (or a page past [`MAX_PAGE`]) is a 422 naming the parameter (`web::Query`).
#[derive(Debug, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct Page {
    /// Page number, from 1 (0 reads as 1) to 1 000 000.
    #[serde(deserialize_with = "crate::web::query::at_most::<MAX_PAGE, _>")]
    #[param(minimum = 1, maximum = 1000000)]
    pub page: u64,
    /// Items per page, 1 to 200 (values outside are brought within).
    pub per_page: u64,
}

impl Default for Page {
    fn default() -> Page {
        Page { page: 1, per_page: 50 }
    }
}

impl Page {
    pub fn limit(&self) -> u64 {
        self.per_page.clamp(1, 200)
    }

    /// The rows to skip: the page is brought within 1..=[`MAX_PAGE`] first, so that the
    /// product never overflows (a page past the last one is empty).
    pub fn offset(&self) -> u64 {
        (self.page.clamp(1, MAX_PAGE) - 1) * self.limit()
    }

    pub fn number(&self) -> u64 {
        self.page.max(1)
    }

    /// How many pages `total` items fill.
    pub fn count(&self, total: i64) -> u64 {
        (total.max(0) as u64).div_ceil(self.limit()).max(1)
    }
}

/// A page of a list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Paginated<T> {
    pub items: Vec<T>,
    pub page: u64,
    pub per_page: u64,
    pub total: i64,
}

impl<T> Paginated<T> {
    pub fn new(items: Vec<T>, page: &Page, total: i64) -> Paginated<T> {
        Paginated {
            items,
            page: page.number(),
            per_page: page.limit(),
            total,
        }
    }
}

pub use axum::Json;

/// The id of an API call's path, parsed with a clear 404 instead of a 400.
pub fn parse_id(raw: &str) -> AppResult<i64> {
    raw.parse().map_err(|_| AppError::NotFound)
}
