//! `Idempotency-Key` across crashes, concurrent retries and time, on SQLite and
//! PostgreSQL: a request killed before or after its write is answered on retry (run
//! afresh, or its stored answer replayed: never "still running" for ever); concurrent
//! retries act once and all get the first answer; a refusal is replayed as the same
//! problem; keys expire after a day and a job purges them; a key is one person's in one
//! network (the same key in another network is another request).

mod common;

use common::process::{self, Server};
use common::{TestApp, open};
use intercoop::entities::idempotency_key;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// POSTs with a key to a process; `None` when the connection broke (the process died).
async fn post_keyed(base: &str, token: &str, path: &str, body: &Value, key: &str) -> Option<(u16, bool, Value)> {
    let r = reqwest::Client::new()
        .post(format!("{base}{path}"))
        .bearer_auth(token)
        .header("idempotency-key", key)
        .json(body)
        .send()
        .await
        .ok()?;
    let status = r.status().as_u16();
    let replayed = r.headers().get("idempotent-replayed").is_some();
    Some((status, replayed, r.json().await.unwrap_or(Value::Null)))
}

/// Retries a keyed request as a client would after a crash, while it is told the first
/// is "still running" (bounded: a key stuck for ever fails the test).
async fn retry_until_answered(server: &Server, token: &str, path: &str, body: &Value, key: &str) -> (u16, bool, Value) {
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        let answer = post_keyed(&server.base, token, path, body, key)
            .await
            .expect("the server answers");
        let still_running = answer.0 == 409 && answer.2["type"].as_str().is_some_and(|t| t.ends_with("in-progress"));
        if !still_running {
            return answer;
        }
        assert!(
            Instant::now() < end,
            "the key is stuck: still 'in progress' 10 s after the crash: {answer:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The organisations of that name the API lists.
async fn organisations_named(server: &Server, token: &str, name: &str) -> Vec<Value> {
    let list: Value = reqwest::Client::new()
        .get(format!("{}/api/v1/organisations?per_page=200", server.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["name"] == name)
        .cloned()
        .collect()
}

/// A process killed at `at` (`before` its handler ran, or `after` its write and answer)
/// while a keyed request is in flight: the retry on the next process is answered at
/// once, and the organisation exists exactly once.
async fn a_killed_request_is_answered_on_retry(url: Option<String>, at: &str) {
    let dir = tempfile::tempdir().unwrap();
    let url = url.as_deref();
    let token = process::admin_token(dir.path(), url);
    let fault = format!("{at}:60000");
    let a = process::serve(dir.path(), url, &[("INTERCOOP_FAULT_REQUEST_PAUSE", &fault)]).await;
    let path = "/api/v1/organisations";
    let body = json!({"name": "Crash Coop", "kind": "user"});
    let in_flight = tokio::spawn({
        let (base, token, body) = (a.base.clone(), token.clone(), body.clone());
        async move { post_keyed(&base, &token, path, &body, "crash-1").await }
    });
    a.wait_for_log("fault injection: pausing a keyed request");
    a.kill();
    assert!(
        in_flight.await.unwrap().is_none(),
        "the client saw the connection break"
    );

    let b = process::serve(dir.path(), url, &[]).await;
    let (status, replayed, answer) = retry_until_answered(&b, &token, path, &body, "crash-1").await;
    assert_eq!(status, 201, "{answer}");
    // Killed before its write: it runs now. Killed after: its stored answer comes back.
    assert_eq!(replayed, at == "after", "{at}: {answer}");
    let found = organisations_named(&b, &token, "Crash Coop").await;
    assert_eq!(found.len(), 1, "{at}: exactly once: {found:?}");
    assert_eq!(answer["id"], found[0]["id"]);
    // And again: the same answer, replayed.
    let again = post_keyed(&b.base, &token, path, &body, "crash-1").await.unwrap();
    assert_eq!((again.0, again.1), (201, true));
    assert_eq!(again.2, answer);
    assert_eq!(organisations_named(&b, &token, "Crash Coop").await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_killed_before_its_write_runs_afresh_on_sqlite() {
    a_killed_request_is_answered_on_retry(None, "before").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_killed_after_its_write_is_replayed_on_sqlite() {
    a_killed_request_is_answered_on_retry(None, "after").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_killed_before_its_write_runs_afresh_on_postgres() {
    let Some(url) = common::postgres_for_processes().await else {
        return;
    };
    a_killed_request_is_answered_on_retry(Some(url), "before").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_killed_after_its_write_is_replayed_on_postgres() {
    let Some(url) = common::postgres_for_processes().await else {
        return;
    };
    a_killed_request_is_answered_on_retry(Some(url), "after").await;
}

both_backends!(
    concurrent_retries_act_once_and_all_get_the_first_answer,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let shop = app.organisation(&admin, "La Ruche", "user", Some(10)).await;
        let r = admin
            .post("/api/v1/proposals", &json!({"title": "Labels", "requested_by": shop}))
            .await;
        let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        open(&admin, id, json!({"amount_cents": 10_000, "key": {"kind": "equal"}})).await;
        // Eight copies of one comment and eight of one pledge, sent at once.
        for (path, body, key) in [
            (
                format!("/api/v1/proposals/{id}/comments"),
                json!({"body": "Said once"}),
                "comment-1",
            ),
            (
                format!("/api/v1/proposals/{id}/pledges"),
                json!({"organisation_id": shop}),
                "pledge-1",
            ),
        ] {
            let mut sent = Vec::new();
            for _ in 0..8 {
                let (http, url, token, body) = (
                    admin.http.clone(),
                    format!("{}{path}", admin.base),
                    admin.token.clone(),
                    body.clone(),
                );
                sent.push(tokio::spawn(async move {
                    let r = http
                        .post(url)
                        .bearer_auth(token)
                        .header("idempotency-key", key)
                        .json(&body)
                        .send()
                        .await
                        .unwrap();
                    (r.status().as_u16(), r.text().await.unwrap())
                }));
            }
            let mut answers = Vec::new();
            for s in sent {
                answers.push(s.await.unwrap());
            }
            for a in &answers {
                assert_eq!(a, &answers[0], "{key}: every retry gets the first answer");
            }
            assert_eq!(answers[0].0, 201, "{key}: {}", answers[0].1);
        }
        let p = admin.json(&format!("/api/v1/proposals/{id}")).await;
        let said: Vec<&Value> = p["comments"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["body"] == "Said once")
            .collect();
        assert_eq!(said.len(), 1, "{p}");
        let shares = admin.json(&format!("/api/v1/proposals/{id}/shares")).await;
        assert_eq!(shares["shares"].as_array().unwrap().len(), 1, "{shares}");
        app.stop().await;
    }
);

both_backends!(a_refusal_is_replayed_as_the_same_problem, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let body = json!({"name": "", "kind": "user"});
    let first = admin.post_with_key("/api/v1/organisations", &body, "bad-1").await;
    assert_eq!(first.status(), 422);
    let first: Value = first.json().await.unwrap();
    assert_eq!(first["errors"][0]["field"], "name", "{first}");
    let again = admin.post_with_key("/api/v1/organisations", &body, "bad-1").await;
    assert_eq!(again.status(), 422);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.headers()["content-type"], "application/problem+json");
    assert_eq!(again.json::<Value>().await.unwrap(), first);
    app.stop().await;
});

both_backends!(
    keys_expire_after_a_day_and_a_job_purges_them,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let body = json!({"name": "Daily Coop", "kind": "user"});
        let first = admin.post_with_key("/api/v1/organisations", &body, "day-1").await;
        assert_eq!(first.status(), 201);
        let first: Value = first.json().await.unwrap();
        let keys = || async { idempotency_key::Entity::find().count(&app.db().read).await.unwrap() };
        assert_eq!(keys().await, 1);

        // Within the day, the key replays.
        app.clock.advance(time::Duration::hours(23));
        let r = admin.post_with_key("/api/v1/organisations", &body, "day-1").await;
        assert_eq!(r.headers()["idempotent-replayed"], "true");
        assert_eq!(r.json::<Value>().await.unwrap()["id"], first["id"]);

        // After it, the hourly job forgets it, and the same key is a new request.
        app.clock.advance(time::Duration::hours(2));
        app.run_jobs().await;
        assert_eq!(keys().await, 0, "the expired key is purged");
        let r = admin.post_with_key("/api/v1/organisations", &body, "day-1").await;
        assert_eq!(r.status(), 201);
        assert!(r.headers().get("idempotent-replayed").is_none());
        assert_ne!(r.json::<Value>().await.unwrap()["id"], first["id"]);

        // An expired key the job has not purged yet is not replayed either.
        app.clock
            .advance(time::Duration::hours(24) + time::Duration::minutes(1));
        let r = admin.post_with_key("/api/v1/organisations", &body, "day-1").await;
        assert_eq!(r.status(), 201);
        assert!(r.headers().get("idempotent-replayed").is_none());
        assert_eq!(admin.json("/api/v1/organisations").await["total"], 3);
        app.stop().await;
    }
);

both_backends!(a_key_is_a_persons_in_one_network, |app: TestApp| async move {
    // One person, administrator of two networks, with a token in each; a client that
    // numbers its requests sends the same key and body in both.
    let first = app.api(&app.admin_token().await);
    let (_, second) = app.network_with_admin("second", "admin@test.example").await;
    let body = json!({"name": "Twin Coop", "kind": "user"});
    let r = first.post_with_key("/api/v1/organisations", &body, "request-1").await;
    assert_eq!(r.status(), 201);
    let in_first: Value = r.json().await.unwrap();

    // In the second network it is another request: it runs there, not replayed.
    let r = second.post_with_key("/api/v1/organisations", &body, "request-1").await;
    assert_eq!(r.status(), 201);
    assert!(
        r.headers().get("idempotent-replayed").is_none(),
        "the first network's answer was replayed in the second"
    );
    let in_second: Value = r.json().await.unwrap();
    assert_ne!(in_second["id"], in_first["id"]);
    for (api, id) in [(&first, &in_first["id"]), (&second, &in_second["id"])] {
        let list = api.json("/api/v1/organisations").await;
        let items = list["items"].as_array().unwrap();
        assert_eq!(items.len(), 1, "one organisation in each network: {list}");
        assert_eq!(&items[0]["id"], id);
    }

    // Each network's retry replays its own answer.
    for (api, answer) in [(&first, &in_first), (&second, &in_second)] {
        let r = api.post_with_key("/api/v1/organisations", &body, "request-1").await;
        assert_eq!(r.headers()["idempotent-replayed"], "true");
        assert_eq!(&r.json::<Value>().await.unwrap(), answer);
    }
    assert_eq!(idempotency_key::Entity::find().count(&app.db().read).await.unwrap(), 2);
    app.stop().await;
});
