//! `Idempotency-Key` on API POSTs: a retried request (same key, same person, same
//! body) gets the first answer again instead of acting twice; the same key with a
//! different body is refused; while the first is still running, a retry gets 409.

use crate::auth::{self, tokens};
use crate::db;
use crate::entities::idempotency_key;
use crate::error::{AppError, is_unique_violation};
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

const MAX_BODY: usize = 1024 * 1024;

pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() != Method::POST || !req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let Some(key) = req
        .headers()
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
    else {
        return next.run(req).await;
    };
    if key.is_empty() || key.len() > 200 {
        return AppError::BadRequest("Idempotency-Key must be 1 to 200 characters".into()).into_response();
    }
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .map(str::to_string);
    let person_id = match bearer {
        Some(t) => match auth::user_for_api_token(&state, &t).await {
            Ok(Some(u)) => u.person_id,
            Ok(None) => return next.run(req).await, // the handler answers 401
            Err(e) => return e.into_response(),
        },
        None => return next.run(req).await,
    };
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(b) => b,
        Err(_) => return AppError::BadRequest("body too large".into()).into_response(),
    };
    let request_hash = tokens::hash_token(&format!(
        "{} {}\n{}",
        parts.method,
        parts.uri.path(),
        String::from_utf8_lossy(&bytes)
    ));
    let existing = idempotency_key::Entity::find()
        .filter(idempotency_key::Column::PersonId.eq(person_id))
        .filter(idempotency_key::Column::Key.eq(key.clone()))
        .one(&state.db.write)
        .await;
    match existing {
        Ok(Some(row)) if row.request_hash != request_hash => {
            return AppError::Conflict("idempotency-mismatch").into_response();
        }
        Ok(Some(row)) => return replay(&row),
        Ok(None) => {}
        Err(e) => return AppError::Db(e).into_response(),
    }
    // Claim the key before running the request: of two concurrent retries, one runs.
    let claim = idempotency_key::ActiveModel {
        person_id: Set(person_id),
        key: Set(key.clone()),
        request_hash: Set(request_hash.clone()),
        status_code: Set(0),
        response_body: Set(String::new()),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(&state.db.write)
    .await;
    let claim = match claim {
        Ok(row) => row,
        Err(e) if is_unique_violation(&e) => return AppError::Conflict("idempotency-in-progress").into_response(),
        Err(e) => return AppError::Db(e).into_response(),
    };
    let response = next.run(Request::from_parts(parts, Body::from(bytes))).await;
    let status = response.status();
    if status.is_server_error() {
        // Let the client retry for real.
        let _ = idempotency_key::Entity::delete_by_id(claim.id)
            .exec(&state.db.write)
            .await;
        return response;
    }
    let (resp_parts, resp_body) = response.into_parts();
    let body = axum::body::to_bytes(resp_body, 16 * MAX_BODY).await.unwrap_or_default();
    let mut stored: idempotency_key::ActiveModel = claim.into();
    stored.status_code = Set(i64::from(status.as_u16()));
    stored.response_body = Set(String::from_utf8_lossy(&body).into_owned());
    if let Err(e) = stored.update(&state.db.write).await {
        tracing::warn!(error = %e, "idempotency response not stored");
    }
    Response::from_parts(resp_parts, Body::from(body))
}

fn replay(row: &idempotency_key::Model) -> Response {
    if row.status_code == 0 {
        return AppError::Conflict("idempotency-in-progress").into_response();
    }
    let status = StatusCode::from_u16(row.status_code as u16).unwrap_or(StatusCode::OK);
    let mut response = (status, row.response_body.clone()).into_response();
    let content_type = if status.is_success() {
        "application/json"
    } else {
        "application/problem+json"
    };
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
        .headers_mut()
        .insert("idempotent-replayed", HeaderValue::from_static("true"));
    response
}
