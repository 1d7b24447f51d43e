//! One application error type. Handlers return it; a middleware (`render_errors`)
//! turns it into RFC 9457 problem+json under `/api` and into a page in the
//! visitor's language elsewhere, so that no handler formats errors itself.

use crate::i18n::Lang;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use sea_orm::DbErr;
use serde::Serialize;
use std::sync::Arc;

/// An error in one field of a form or JSON body. `code` names a Fluent message
/// `error-<code>` so that it can be shown in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    /// English text, for API clients.
    pub message: String,
    /// The message's named arguments (what it names: an organisation…), to translate it
    /// into another language.
    #[serde(skip)]
    pub args: Vec<(&'static str, String)>,
}

impl FieldError {
    /// The message `error-<code>` in `lang`, with its arguments.
    pub fn text(&self, lang: Lang) -> String {
        let key = format!("error-{}", self.code);
        if self.args.is_empty() {
            return lang.t(&key);
        }
        let args: Vec<(&'static str, crate::i18n::Arg)> =
            self.args.iter().map(|(k, v)| (*k, v.as_str().into())).collect();
        lang.t_args(&key, &args)
    }
}

/// The field errors of one submission.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, code: &str) {
        self.add_with(field, code, Vec::new());
    }

    /// An error whose message names something (`{ $organisations }`): `args` are its
    /// named arguments.
    pub fn add_with(&mut self, field: &str, code: &str, args: Vec<(&'static str, String)>) {
        let mut error = FieldError {
            field: field.to_string(),
            code: code.to_string(),
            message: String::new(),
            args,
        };
        error.message = error.text(Lang::En);
        self.0.push(error);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `field` already has an error (a second check of it would only repeat it).
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|e| e.field == field)
    }

    /// A name, title or option as typed, cleaned by [`intercoop_domain::text::line`]
    /// (NFC, nothing invisible, at most `max` characters); `None` and the error beside
    /// `field` when refused.
    pub fn line(&mut self, field: &str, input: &str, max: usize) -> Option<String> {
        intercoop_domain::text::line(input, max)
            .map_err(|e| self.add(field, text_error_code(e)))
            .ok()
    }

    /// [`FieldErrors::line`] for a line that may be left empty (then `""`).
    pub fn optional_line(&mut self, field: &str, input: &str, max: usize) -> String {
        if input.trim().is_empty() {
            return String::new();
        }
        self.line(field, input, max).unwrap_or_default()
    }

    /// The translated message for a field, if it has an error.
    pub fn get(&self, field: &str, lang: Lang) -> Option<String> {
        self.0.iter().find(|e| e.field == field).map(|e| e.text(lang))
    }

    /// `Err(AppError::Invalid)` when there is any error.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self))
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("authentication required")]
    Unauthenticated,
    #[error("your role does not allow this")]
    Forbidden,
    #[error("the form has expired or was not sent from intercoop")]
    Csrf,
    #[error("this link has expired or was already used")]
    Gone,
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// A conflict with stored state; the string is a Fluent id `error-<code>`.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("too many attempts")]
    RateLimited,
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn invalid(field: &str, code: &str) -> AppError {
        let mut errors = FieldErrors::default();
        errors.add(field, code);
        AppError::Invalid(errors)
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::Gone => StatusCode::GONE,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Db(e) if is_unique_violation(e) => StatusCode::CONFLICT,
            AppError::Db(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The Fluent id of the title shown to people.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not-found",
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden => "forbidden",
            AppError::Csrf => "csrf",
            AppError::Gone => "gone",
            AppError::Invalid(_) => "invalid",
            AppError::Conflict(code) => code,
            AppError::RateLimited => "rate-limited",
            AppError::BadRequest(_) => "bad-request",
            AppError::Db(e) if is_unique_violation(e) => "duplicate",
            AppError::Db(_) | AppError::Internal(_) => "internal",
        }
    }
}

/// The field error code (`error-<code>` in Fluent) of a domain text refusal.
pub fn text_error_code(e: intercoop_domain::text::TextError) -> &'static str {
    match e {
        intercoop_domain::text::TextError::Empty => "required",
        intercoop_domain::text::TextError::TooLong { .. } => "too-long",
        intercoop_domain::text::TextError::InvalidEmail => "invalid-email",
        intercoop_domain::text::TextError::ControlCharacters => "control-characters",
        intercoop_domain::text::TextError::InvalidSlug => "invalid-slug",
        intercoop_domain::text::TextError::InvisibleCharacters => "invisible-characters",
    }
}

/// Unique-constraint violations are a conflict with what is stored, not a crash.
pub fn is_unique_violation(e: &DbErr) -> bool {
    matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_)))
}

/// What the error middleware needs to render an error, carried in the response.
#[derive(Debug, Clone)]
pub struct ErrorInfo {
    pub status: StatusCode,
    pub code: &'static str,
    pub detail: Option<String>,
    pub fields: Vec<FieldError>,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            // Logged once, with its cause chain; people see an opaque message and the request id.
            tracing::error!(error = ?self, "internal error");
        }
        let info = ErrorInfo {
            status,
            code: self.code(),
            detail: match &self {
                AppError::BadRequest(d) => Some(d.clone()),
                _ => None,
            },
            fields: match self {
                AppError::Invalid(f) => f.0,
                _ => Vec::new(),
            },
        };
        let mut response = status.into_response();
        response.extensions_mut().insert(Arc::new(info));
        response
    }
}
