//! Query-string parameters (`?page=2&organisation_id=7`) read into a typed struct.
//!
//! axum's own `Query` answers a value that does not fit its field with a plain-text 400
//! and lets any number through that fits the type — `page=18446744073709551615` then
//! overflowed the offset and the database driver panicked, dropping the connection.
//! This one answers **422 naming the parameter** (problem+json under `/api`, the error
//! page elsewhere) for a value that does not fit: not a number, negative where only
//! positive ones exist, too large for its type, or beyond its declared bound (a field
//! read with [`at_most`], as `api::Page::page`).

use crate::error::{AppError, AppResult, FieldErrors};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer, Error as _};

/// Typed query-string parameters; see the module's doc.
#[derive(Debug, Clone, Copy, Default)]
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> AppResult<Query<T>> {
        parse(parts.uri.query().unwrap_or_default()).map(Query)
    }
}

/// Reads a query string into `T`, or the 422 naming the parameter that does not fit.
pub fn parse<T: DeserializeOwned>(query: &str) -> AppResult<T> {
    let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(de).map_err(|e| {
        let detail = e.inner().to_string();
        // A parameter that must be there and is not: serde names it in its message.
        let missing = detail
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
            .map(str::to_string);
        let (field, code) = match (missing, e.path().to_string()) {
            (Some(name), _) => (name, "required"),
            (None, p) if p == "." => ("query".to_string(), "invalid-value"),
            (None, p) if is_number_error(&detail) => (p, "invalid-number"),
            (None, p) => (p, "invalid-value"),
        };
        let mut errors = FieldErrors::default();
        errors.add(&field, code);
        if let Some(err) = errors.0.last_mut() {
            err.message = format!("{}: {detail}", err.message);
        }
        AppError::Invalid(errors)
    })
}

/// Whether serde's message is about a number (Rust's integer parsing, or [`at_most`]).
fn is_number_error(detail: &str) -> bool {
    ["invalid digit", "too large", "too small", "parse integer", "at most"]
        .iter()
        .any(|m| detail.contains(m))
}

/// Reads a whole number of at most `MAX` (`#[serde(deserialize_with = "at_most::<1000000, _>")]`).
pub fn at_most<'de, const MAX: u64, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let n = u64::deserialize(d)?;
    if n > MAX {
        return Err(D::Error::custom(format!("at most {MAX}")));
    }
    Ok(n)
}

/// Reads an optional whole number where an empty value means none (`?organisation_id=`,
/// a form's "none" choice): `#[serde(default, deserialize_with = "optional_id")]`.
/// Anything else that is not an `i64` is refused like any number that does not fit.
pub fn optional_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let raw = String::deserialize(d)?;
    match raw.trim() {
        "" => Ok(None),
        s => s.parse::<i64>().map(Some).map_err(D::Error::custom),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Needs {
        #[allow(dead_code)]
        organisation_id: i64,
    }

    #[test]
    fn a_missing_parameter_is_named() {
        match parse::<Needs>("page=2") {
            Err(AppError::Invalid(e)) => assert_eq!(
                (e.0[0].field.as_str(), e.0[0].code.as_str()),
                ("organisation_id", "required")
            ),
            other => panic!("{other:?}"),
        }
    }

    #[derive(Debug, Deserialize, Default)]
    #[serde(default)]
    struct P {
        #[serde(deserialize_with = "at_most::<1000, _>")]
        page: u64,
        organisation_id: Option<i64>,
        q: Option<String>,
        #[serde(deserialize_with = "optional_id")]
        chosen: Option<i64>,
    }

    fn field_of(query: &str) -> (String, String) {
        match parse::<P>(query) {
            Err(AppError::Invalid(e)) => (e.0[0].field.clone(), e.0[0].code.clone()),
            other => panic!("{query}: {other:?}"),
        }
    }

    #[test]
    fn a_number_that_does_not_fit_names_its_parameter() {
        let ok: P = parse("page=3&organisation_id=-2&q=x").unwrap();
        assert_eq!((ok.page, ok.organisation_id, ok.q.as_deref()), (3, Some(-2), Some("x")));
        assert_eq!(parse::<P>("chosen=").unwrap().chosen, None);
        assert_eq!(parse::<P>("chosen=7").unwrap().chosen, Some(7));
        for (query, field) in [
            ("page=18446744073709551615", "page"),
            ("page=18446744073709551616", "page"),
            ("page=-1", "page"),
            ("page=abc", "page"),
            ("page=1001", "page"),
            ("organisation_id=99999999999999999999", "organisation_id"),
            ("organisation_id=1.5", "organisation_id"),
            ("chosen=x", "chosen"),
            ("chosen=9223372036854775808", "chosen"),
        ] {
            assert_eq!(
                field_of(query),
                (field.to_string(), "invalid-number".to_string()),
                "{query}"
            );
        }
    }
}
