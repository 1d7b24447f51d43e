//! Files in and out of pages: the fields of a `multipart/form-data` form with its
//! files (the CSRF field checked as [`super::CsrfForm`] checks it), and a stored file
//! sent back as a download.

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::Multipart;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// A file sent with a form: its name as the sender's system gave it, its declared media
/// type (`application/octet-stream` when none), and its bytes.
#[derive(Debug, Clone)]
pub struct Upload {
    pub filename: String,
    pub content_type: String,
    pub data: Vec<u8>,
}

/// A multipart form read whole: its text fields and its files, by field name. A file
/// field left empty by the browser (no name, no bytes) is not kept. A name sent again
/// (`<input type="file" multiple>`) keeps its first file in `files` and the others, in
/// order, in `more` (see [`UploadForm::take_all`]).
#[derive(Debug, Default)]
pub struct UploadForm {
    pub fields: HashMap<String, String>,
    pub files: HashMap<String, Upload>,
    pub more: Vec<(String, Upload)>,
}

impl UploadForm {
    /// A text field, trimmed; empty when absent.
    pub fn text(&self, name: &str) -> String {
        self.fields.get(name).map(|v| v.trim().to_string()).unwrap_or_default()
    }

    /// Every file sent under `name`, in the order sent (none when absent).
    pub fn take_all(&mut self, name: &str) -> Vec<Upload> {
        let mut out: Vec<Upload> = self.files.remove(name).into_iter().collect();
        let (mine, others): (Vec<_>, Vec<_>) = std::mem::take(&mut self.more).into_iter().partition(|(n, _)| n == name);
        self.more = others;
        out.extend(mine.into_iter().map(|(_, u)| u));
        out
    }

    /// Reads every field of `form`. Errors: `BadRequest` for a body that is not
    /// well-formed multipart (or larger than the route's limit).
    pub async fn read(mut form: Multipart) -> AppResult<UploadForm> {
        let bad = |e: axum::extract::multipart::MultipartError| AppError::BadRequest(e.body_text());
        let mut out = UploadForm::default();
        while let Some(field) = form.next_field().await.map_err(bad)? {
            let Some(name) = field.name().map(str::to_string) else {
                continue;
            };
            match field.file_name().map(str::to_string) {
                Some(filename) => {
                    let content_type = field.content_type().unwrap_or("application/octet-stream").to_string();
                    let data = field.bytes().await.map_err(bad)?.to_vec();
                    if !filename.is_empty() || !data.is_empty() {
                        let upload = Upload {
                            filename,
                            content_type,
                            data,
                        };
                        match out.files.entry(name) {
                            Entry::Occupied(e) => out.more.push((e.key().clone(), upload)),
                            Entry::Vacant(e) => {
                                e.insert(upload);
                            }
                        }
                    }
                }
                None => {
                    let value = field.text().await.map_err(bad)?;
                    out.fields.insert(name, value);
                }
            }
        }
        Ok(out)
    }

    /// Reads a page's form: the Origin check and the CSRF field against the cookie
    /// (double submit), as for url-encoded forms. Errors: `Csrf` when either fails.
    pub async fn read_page(state: &AppState, headers: &HeaderMap, form: Multipart) -> AppResult<UploadForm> {
        super::check_origin(headers, state)?;
        let cookie =
            super::cookies::get(headers, super::csrf_cookie_name(state.config.secure_cookies)).ok_or(AppError::Csrf)?;
        let out = Self::read(form).await?;
        let csrf = out.fields.get(super::CSRF_FIELD).ok_or(AppError::Csrf)?;
        if !crate::auth::tokens::constant_time_eq(csrf, &cookie) {
            return Err(AppError::Csrf);
        }
        Ok(out)
    }
}

/// A stored file as a download, never shown inline (an HTML or SVG file would run as
/// the site): `Content-Disposition: attachment` with an ASCII name (other characters
/// become `_`), and HTML or SVG sent as `application/octet-stream`.
pub fn download(filename: &str, content_type: &str, data: Vec<u8>) -> Response {
    let name: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let lower = content_type.to_ascii_lowercase();
    let content_type = HeaderValue::from_str(content_type)
        .ok()
        .filter(|_| !lower.contains("html") && !lower.contains("svg") && !lower.contains("xml"))
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or(HeaderValue::from_static("attachment"));
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, disposition),
            (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        ],
        data,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_download_is_never_inline_html() {
        let r = download("évaluation <1>.html", "text/html; charset=utf-8", b"<script>".to_vec());
        let h = r.headers();
        assert_eq!(h[header::CONTENT_TYPE], "application/octet-stream");
        assert_eq!(
            h[header::CONTENT_DISPOSITION],
            "attachment; filename=\"_valuation__1_.html\""
        );
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        let pdf = download("budget.pdf", "application/pdf", b"%PDF".to_vec());
        assert_eq!(pdf.headers()[header::CONTENT_TYPE], "application/pdf");
    }
}
