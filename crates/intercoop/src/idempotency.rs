//! `Idempotency-Key` on API POSTs: a retried request (same key, same person, same
//! network, same body) gets the first answer again instead of acting twice; the same
//! key with a different body is refused (409 `idempotency-mismatch`). A key is one
//! person's in one network (the API token's): the same key used by that person in
//! another network is another request there, never answered with this one's answer. Keys are kept [`KEEP`]
//! (24 hours), then forgotten: an hourly job ([`PURGE`]) deletes them, and an older key
//! is a new request.
//!
//! **A key is stored with its answer, in the transaction of the request's write**
//! ([`commit`], or [`Claim::store`] where the write runs elsewhere, as a pledge's batch):
//! the key, the write and the answer commit together or not at all. Nothing is stored
//! before the handler runs, so no key can be left "in progress" by a process that died:
//! a retry after a crash finds the answer (the write happened: it is replayed) or no
//! key (the write did not: the request runs afresh).
//!
//! Retries that arrive together all run; the first to commit stores its answer, and the
//! others, whose insert of the key finds it there, roll back their write and answer
//! with the stored answer. A refusal (4xx) wrote nothing: it is stored after the
//! handler, and replayed the same way. A server error stores nothing (a retry runs
//! afresh).

use crate::auth::{self, tokens};
use crate::db;
use crate::entities::idempotency_key;
use crate::error::{AppError, AppResult, ErrorInfo};
use crate::jobs::{self, Ctx, Every, JobError, Recurring, Registry};
use crate::state::AppState;
use axum::Json;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter, Set};
use serde::Serialize;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

const MAX_BODY: usize = 1024 * 1024;

/// How long a key is kept (and replayed) after its request.
pub const KEEP: time::Duration = time::Duration::hours(24);

/// The hourly job that deletes the keys older than [`KEEP`].
pub const PURGE: &str = "idempotency.purge";

/// The conflict a request answers when a concurrent retry with its key stored its
/// answer first (the layer then replays that answer instead).
const TAKEN: &str = "idempotency-in-progress";

tokio::task_local! {
    /// The key of the API request being handled (set by [`layer`]).
    static CURRENT: Claim;
}

/// The `Idempotency-Key` of a request, to store its answer with its write.
#[derive(Clone, Debug)]
pub struct Claim {
    person_id: i64,
    network_id: i64,
    key: String,
    request_hash: String,
    /// Set once the answer has committed with the write.
    stored: Arc<AtomicBool>,
}

impl Claim {
    /// The key of the API request being handled, if it carries one.
    pub fn current() -> Option<Claim> {
        CURRENT.try_with(Claim::clone).ok()
    }

    /// Stores the answer in the request's write transaction `conn`. False when the key
    /// is already stored (a concurrent retry committed first): roll the transaction back,
    /// the layer answers with the stored answer. Call [`Claim::committed`] after the commit.
    pub async fn store<C: ConnectionTrait, T: Serialize>(
        &self,
        conn: &C,
        status: StatusCode,
        answer: &T,
    ) -> Result<bool, DbErr> {
        let body = serde_json::to_string(answer).map_err(|e| DbErr::Custom(format!("an answer to store: {e}")))?;
        self.store_raw(conn, status, body).await
    }

    async fn store_raw<C: ConnectionTrait>(&self, conn: &C, status: StatusCode, body: String) -> Result<bool, DbErr> {
        let row = idempotency_key::ActiveModel {
            person_id: Set(self.person_id),
            network_id: Set(self.network_id),
            key: Set(self.key.clone()),
            request_hash: Set(self.request_hash.clone()),
            status_code: Set(i64::from(status.as_u16())),
            response_body: Set(body),
            created_at: Set(db::now()),
            ..Default::default()
        };
        let inserted = idempotency_key::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([
                    idempotency_key::Column::PersonId,
                    idempotency_key::Column::NetworkId,
                    idempotency_key::Column::Key,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(conn)
            .await?;
        Ok(inserted == 1)
    }

    /// The transaction that stored the answer has committed.
    pub fn committed(&self) {
        self.stored.store(true, Ordering::Release);
    }

    fn is_stored(&self) -> bool {
        self.stored.load(Ordering::Acquire)
    }
}

/// Commits a request's write transaction, with its answer when the request carries an
/// `Idempotency-Key` (see the module's doc): every API POST that writes commits here.
/// When a concurrent retry has stored its answer first, the write is rolled back and
/// that answer is the one given.
pub async fn commit<T: Serialize>(
    txn: DatabaseTransaction,
    status: StatusCode,
    answer: T,
) -> AppResult<(StatusCode, Json<T>)> {
    match Claim::current() {
        Some(claim) => {
            if !claim.store(&txn, status, &answer).await? {
                txn.rollback().await?;
                return Err(AppError::Conflict(TAKEN));
            }
            txn.commit().await?;
            claim.committed();
        }
        None => txn.commit().await?,
    }
    Ok((status, Json(answer)))
}

/// The middleware: replays a stored answer, or runs the request with its [`Claim`] (and
/// stores a refusal after it).
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
    let (person_id, network_id) = match bearer {
        Some(t) => match auth::user_for_api_token(&state, &t).await {
            Ok(Some(u)) => (u.person_id, u.network.id),
            Ok(None) => return next.run(req).await, // the handler answers 401
            Err(e) => return e.into_response(),
        },
        None => return next.run(req).await,
    };
    let (parts, body) = req.into_parts();
    // Up to the server's bound (a bank statement may be that large): each route's
    // extractor then refuses what is more than its own limit.
    let bytes = match axum::body::to_bytes(body, crate::web::route_table::LARGE_BODY).await {
        Ok(b) => b,
        Err(_) => return AppError::BadRequest("body too large".into()).into_response(),
    };
    let request_hash = tokens::hash_token(&format!(
        "{} {}\n{}",
        parts.method,
        parts.uri.path(),
        String::from_utf8_lossy(&bytes)
    ));
    match find(&state.db.read, person_id, network_id, &key).await {
        Ok(Some(row)) if is_live(&row) => return answer(&row, &request_hash),
        Ok(Some(row)) => {
            if let Err(e) = forget(&state.db.write, &row).await {
                return AppError::Db(e).into_response();
            }
        }
        Ok(None) => {}
        Err(e) => return AppError::Db(e).into_response(),
    }
    let request_id = parts
        .headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_string();
    let instance = parts.uri.path_and_query().map(|p| p.to_string()).unwrap_or_default();
    let claim = Claim {
        person_id,
        network_id,
        key: key.clone(),
        request_hash: request_hash.clone(),
        stored: Arc::default(),
    };
    fault_pause(&state, "before").await;
    let response = CURRENT
        .scope(claim.clone(), next.run(Request::from_parts(parts, Body::from(bytes))))
        .await;
    fault_pause(&state, "after").await;
    if claim.is_stored() || response.status().is_server_error() {
        // Stored with its write; or a failure that stored nothing (a retry runs afresh).
        return response;
    }
    // A refusal (or an answer that wrote nothing): stored now, as the problem it is.
    let response = match response.extensions().get::<Arc<ErrorInfo>>().cloned() {
        Some(info) => crate::web::problem_response(&info, &request_id, &instance),
        None => response,
    };
    let status = response.status();
    let (resp_parts, resp_body) = response.into_parts();
    let body = axum::body::to_bytes(resp_body, 16 * MAX_BODY).await.unwrap_or_default();
    match claim
        .store_raw(&state.db.write, status, String::from_utf8_lossy(&body).into_owned())
        .await
    {
        Ok(true) => Response::from_parts(resp_parts, Body::from(body)),
        // A concurrent retry stored its answer first: that is the answer.
        Ok(false) => match find(&state.db.read, person_id, network_id, &key).await {
            Ok(Some(row)) => answer(&row, &request_hash),
            Ok(None) => Response::from_parts(resp_parts, Body::from(body)),
            Err(e) => AppError::Db(e).into_response(),
        },
        Err(e) => {
            tracing::warn!(error = %e, "idempotency answer not stored");
            Response::from_parts(resp_parts, Body::from(body))
        }
    }
}

/// Forgets the stored answers of a network, made since `since`, that `answers` (their
/// JSON) says must not be kept: a secret poll's receipts, which the ballots' receipt
/// hashes would tie to the person who asked (issue 20: after a secret poll closes,
/// nothing stored links a ballot to its voter). A retry with such a key then runs
/// afresh (and is refused: the poll is closed). In the caller's transaction; returns how
/// many were forgotten. Bounded by what is kept ([`KEEP`]).
pub async fn forget_answers<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    since: time::OffsetDateTime,
    answers: impl Fn(&serde_json::Value) -> bool,
) -> Result<u64, DbErr> {
    use sea_orm::QuerySelect;
    let rows: Vec<(i64, String)> = idempotency_key::Entity::find()
        .select_only()
        .column(idempotency_key::Column::Id)
        .column(idempotency_key::Column::ResponseBody)
        .filter(idempotency_key::Column::NetworkId.eq(network_id))
        .filter(idempotency_key::Column::CreatedAt.gte(since))
        .into_tuple()
        .all(conn)
        .await?;
    let ids: Vec<i64> = rows
        .into_iter()
        .filter(|(_, body)| serde_json::from_str(body).is_ok_and(|v: serde_json::Value| answers(&v)))
        .map(|(id, _)| id)
        .collect();
    let mut forgotten = 0;
    for chunk in ids.chunks(500) {
        forgotten += idempotency_key::Entity::delete_many()
            .filter(idempotency_key::Column::Id.is_in(chunk.to_vec()))
            .exec(conn)
            .await?
            .rows_affected;
    }
    Ok(forgotten)
}

async fn find<C: ConnectionTrait>(
    conn: &C,
    person_id: i64,
    network_id: i64,
    key: &str,
) -> Result<Option<idempotency_key::Model>, DbErr> {
    idempotency_key::Entity::find()
        .filter(idempotency_key::Column::PersonId.eq(person_id))
        .filter(idempotency_key::Column::NetworkId.eq(network_id))
        .filter(idempotency_key::Column::Key.eq(key))
        .one(conn)
        .await
}

/// A key younger than [`KEEP`] with its answer. (Status 0 marks the claim an earlier
/// version stored before running the request: it may be left by a crash, and is not an
/// answer.)
fn is_live(row: &idempotency_key::Model) -> bool {
    row.status_code != 0 && row.created_at > db::now() - KEEP
}

/// Deletes an expired key (or an earlier version's claim), so that the request runs afresh.
async fn forget<C: ConnectionTrait>(conn: &C, row: &idempotency_key::Model) -> Result<(), DbErr> {
    idempotency_key::Entity::delete_many()
        .filter(idempotency_key::Column::Id.eq(row.id))
        .filter(
            Condition::any()
                .add(idempotency_key::Column::StatusCode.eq(0))
                .add(idempotency_key::Column::CreatedAt.lte(db::now() - KEEP)),
        )
        .exec(conn)
        .await?;
    Ok(())
}

/// The stored answer for the same request; 409 for another request under the same key.
fn answer(row: &idempotency_key::Model, request_hash: &str) -> Response {
    if row.request_hash != request_hash {
        return AppError::Conflict("idempotency-mismatch").into_response();
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

/// Registers the hourly purge of expired keys.
pub fn register(r: Registry) -> Registry {
    r.with(PURGE, jobs::handler(|ctx, txn| Box::pin(purge(ctx, txn))))
        .every(Recurring {
            kind: PURGE,
            every: Every::Hour,
        })
}

async fn purge(_ctx: &Ctx, txn: &DatabaseTransaction) -> Result<(), JobError> {
    idempotency_key::Entity::delete_many()
        .filter(idempotency_key::Column::CreatedAt.lte(crate::clock::now() - KEEP))
        .exec(txn)
        .await?;
    Ok(())
}

/// Fault injection for the crash tests (`INTERCOOP_FAULT_REQUEST_PAUSE`).
async fn fault_pause(state: &AppState, at: &str) {
    if let Some((point, pause)) = &state.config.fault_request_pause
        && point == at
    {
        tracing::warn!(at, ?pause, "fault injection: pausing a keyed request");
        tokio::time::sleep(*pause).await;
    }
}

#[cfg(test)]
mod tests {
    /// Every API handler that writes commits through [`super::commit`] (or stores its
    /// answer with [`super::Claim::store`]), so that its answer commits with its write.
    #[test]
    fn every_api_write_commits_with_its_answer() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut stack = vec![src];
        let mut checked = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let name = path.file_name().unwrap().to_string_lossy().to_string();
                if !name.ends_with("api.rs") || name == "api.rs" && path.parent().unwrap().ends_with("src") {
                    continue;
                }
                checked += 1;
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(
                    !text.contains(".commit()"),
                    "{}: an API handler commits its write without its answer: use idempotency::commit",
                    path.display()
                );
            }
        }
        assert!(checked >= 6, "the API handlers were found ({checked})");
    }
}
