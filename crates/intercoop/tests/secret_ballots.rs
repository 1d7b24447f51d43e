//! Secret means no trace (issue 20): once a secret poll closes, nothing stored anywhere
//! — any table, the idempotency keys, the audit log, the outbox, the order of rows, their
//! times, and on SQLite the bytes of the database files — links a ballot to its voter.
//! On SQLite and PostgreSQL, through the running server.

mod common;

use common::{Api, TestApp};
use intercoop::auth::tokens::hash_token;
use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
use serde_json::{Value, json};

/// Every row of every table as text, by table (the ballots apart).
async fn every_row(app: &TestApp) -> Vec<(String, String)> {
    let db = &app.db().read;
    let backend = db.get_database_backend();
    let tables: Vec<String> = {
        let sql = match backend {
            DatabaseBackend::Postgres => {
                "SELECT table_name AS name FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            }
            _ => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        };
        db.query_all_raw(Statement::from_string(backend, sql))
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.try_get::<String>("", "name").unwrap())
            .collect()
    };
    let mut out = Vec::new();
    for table in tables {
        let sql = match backend {
            DatabaseBackend::Postgres => format!("SELECT t::text AS row FROM \"{table}\" AS t"),
            _ => {
                let cols: Vec<String> = db
                    .query_all_raw(Statement::from_string(
                        backend,
                        format!("SELECT name FROM pragma_table_info('{table}')"),
                    ))
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|r| format!("quote(\"{}\")", r.try_get::<String>("", "name").unwrap()))
                    .collect();
                format!("SELECT {} AS row FROM \"{table}\"", cols.join(" || '|' || "))
            }
        };
        for r in db.query_all_raw(Statement::from_string(backend, sql)).await.unwrap() {
            out.push((table.clone(), r.try_get::<String>("", "row").unwrap()));
        }
    }
    out
}

/// (id, ballot_key, receipt_hash, cast_at as text) of a poll's ballots, by id.
async fn ballots(app: &TestApp, poll: i64) -> Vec<(i64, String, String, String)> {
    let db = &app.db().read;
    let backend = db.get_database_backend();
    let cast = match backend {
        DatabaseBackend::Postgres => "cast_at::text",
        _ => "cast_at",
    };
    db.query_all_raw(Statement::from_string(
        backend,
        format!(
            "SELECT id, ballot_key, receipt_hash, {cast} AS at FROM poll_ballots WHERE poll_id = {poll} ORDER BY id"
        ),
    ))
    .await
    .unwrap()
    .into_iter()
    .map(|r| {
        (
            r.try_get("", "id").unwrap(),
            r.try_get("", "ballot_key").unwrap(),
            r.try_get("", "receipt_hash").unwrap(),
            r.try_get("", "at").unwrap(),
        )
    })
    .collect()
}

async fn salt(app: &TestApp, poll: i64) -> Option<String> {
    let db = &app.db().read;
    let backend = db.get_database_backend();
    db.query_one_raw(Statement::from_string(
        backend,
        format!("SELECT secret_salt FROM polls WHERE id = {poll}"),
    ))
    .await
    .unwrap()
    .unwrap()
    .try_get::<Option<String>>("", "secret_salt")
    .unwrap()
}

struct Voter {
    org: i64,
    api: Api,
}

async fn voters(app: &TestApp, admin: &Api, n: usize) -> Vec<Voter> {
    let mut out = Vec::new();
    for i in 0..n {
        let org = app
            .organisation(admin, &format!("Quiet Coop {i}"), "user", Some(100))
            .await;
        let person = app
            .person(
                &format!("rep{i}@quiet.example"),
                &format!("Rep {i}"),
                Some(org),
                true,
                false,
            )
            .await;
        out.push(Voter {
            org,
            api: app.api(&app.token_for(person).await),
        });
    }
    out
}

both_backends!(
    a_closed_secret_poll_leaves_no_trace_linking_a_ballot_to_its_voter,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let vs = voters(&app, &admin, 6).await;

        // Weights by size would tell whose ballot is whose: refused, with the reason.
        let r = admin
            .post(
                "/api/v1/polls",
                &json!({"title": "Weighted secret", "method": "approval", "options": ["A", "B"], "secret": true, "weighted": true}),
            )
            .await;
        assert_eq!(r.status(), 422);
        let problem: Value = r.json().await.unwrap();
        assert!(problem.to_string().contains("poll-secret-weighted"), "{problem}");

        let r = admin
            .post(
                "/api/v1/polls",
                &json!({"title": "Who leads the working group?", "method": "approval", "options": ["Ana", "Ben", "Cleo"], "secret": true}),
            )
            .await;
        assert_eq!(r.status(), 201);
        let poll: Value = r.json().await.unwrap();
        let id = poll["id"].as_i64().unwrap();
        let o: Vec<i64> = poll["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["id"].as_i64().unwrap())
            .collect();
        let r = admin.post(&format!("/api/v1/polls/{id}/open"), &json!({})).await;
        assert_eq!(r.status(), 200);

        // Each votes with an Idempotency-Key (as scripts do); the last one twice, then
        // changes their mind (a replaced ballot).
        let mut receipts = Vec::new();
        for (i, v) in vs.iter().enumerate() {
            let body = json!({"approvals": [o[i % 3]]});
            let key = format!("ballot-key-{i}");
            let r = v
                .api
                .post_with_key(&format!("/api/v1/polls/{id}/ballots"), &body, &key)
                .await;
            assert_eq!(r.status(), 201, "{:?}", r.text().await);
            receipts.push(
                r.json::<Value>().await.unwrap()["receipt"]
                    .as_str()
                    .unwrap()
                    .to_string(),
            );
        }
        let last = vs.last().unwrap();
        let r = last
            .api
            .post_with_key(
                &format!("/api/v1/polls/{id}/ballots"),
                &json!({"approvals": [o[0], o[1]]}),
                "ballot-key-again",
            )
            .await;
        assert_eq!(r.status(), 201);
        receipts.push(
            r.json::<Value>().await.unwrap()["receipt"]
                .as_str()
                .unwrap()
                .to_string(),
        );
        let open_keys: Vec<String> = ballots(&app, id).await.into_iter().map(|b| b.1).collect();
        let open_salt = salt(&app, id).await.expect("a secret poll has a salt while open");

        let r = admin.post(&format!("/api/v1/polls/{id}/close"), &json!({})).await;
        assert_eq!(r.status(), 200, "{:?}", r.text().await);
        app.settle_jobs().await;
        app.drain_outbox().await;

        // The salt that tied ballot keys to voters is gone; the ballots are in the
        // order of their keys, all with one time: neither ids nor times follow voting.
        assert_eq!(salt(&app, id).await, None);
        let stored = ballots(&app, id).await;
        assert_eq!(stored.len(), 6);
        let mut by_key = stored.clone();
        by_key.sort_by(|a, b| a.1.cmp(&b.1));
        assert_eq!(stored, by_key, "ballot ids follow their keys, not the order of voting");
        assert!(
            stored.windows(2).all(|w| w[0].3 == w[1].3),
            "one time for all: {stored:?}"
        );

        // Nothing outside the ballots names a ballot: not its receipt (plain or hashed),
        // not its key; no stored answer keeps a receipt.
        let mut needles: Vec<String> = receipts.clone();
        needles.extend(receipts.iter().map(|r| hash_token(r)));
        needles.extend(open_keys.iter().cloned());
        needles.push(open_salt.clone());
        for (table, row) in every_row(&app).await {
            if table == "poll_ballots" {
                for v in &vs {
                    assert!(
                        !row.contains(&format!("o:{}", v.org)),
                        "a ballot names its voter: {row}"
                    );
                }
                continue;
            }
            for n in &needles {
                assert!(
                    !row.contains(n.as_str()),
                    "{table} links a ballot to its voter ({n}): {row}"
                );
            }
        }

        // On SQLite, not even the files' bytes (deleted rows, the write-ahead log).
        if app.backend == common::Backend::Sqlite {
            let mut bytes = Vec::new();
            for entry in std::fs::read_dir(app.data_dir.path()).unwrap() {
                let path = entry.unwrap().path();
                if path.is_file() {
                    bytes.extend(std::fs::read(&path).unwrap());
                }
            }
            let found = |n: &str| bytes.windows(n.len()).any(|w| w == n.as_bytes());
            for n in std::iter::once(&open_salt).chain(receipts.iter()) {
                assert!(!found(n), "{n} is still in the database files");
            }
        }
    }
);
