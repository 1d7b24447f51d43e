//! The outbox across a crash of its worker, on SQLite and PostgreSQL: a message being
//! sent when its worker dies goes out seconds later (its lease, renewed while the
//! worker lives, lapses at most 15 s after the death); while the worker lives, no
//! other worker takes its message, however long the sending takes.

mod common;

use common::{Backend, TestApp};
use intercoop::entities::outbox_message;
use intercoop::mail::worker::{LEASE, Transport, Worker};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use std::time::Duration;

/// A server without its own workers (the test runs them), or None when PostgreSQL is
/// not configured (an error in CI).
async fn quiet(backend: Backend) -> Option<TestApp> {
    if backend == Backend::Postgres && std::env::var("TEST_DATABASE_URL").is_err() {
        if std::env::var("CI").is_ok() {
            panic!("TEST_DATABASE_URL must point at PostgreSQL in CI");
        }
        eprintln!("skipped: set TEST_DATABASE_URL to run on PostgreSQL");
        return None;
    }
    common::spawn_quiet(backend).await
}

/// An SMTP server that accepts connections and never answers: a message sent to it
/// stays in flight (until lettre's timeout, 20 s).
async fn silent_smtp() -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("smtp://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let task = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    (url, task)
}

fn worker(app: &TestApp, name: &str, smtp: Option<&str>, lease: Duration) -> Worker {
    Worker {
        db: app.db().clone(),
        transport: Transport::from_config(smtp, app.data_dir.path()).unwrap(),
        from: "intercoop <noreply@test.example>".parse().unwrap(),
        instance: name.into(),
        domain: "test.example".into(),
        wakeup: Default::default(),
        idle: Duration::from_millis(10),
        lease,
    }
}

/// Queues an invitation (sent at once) and returns its message's id.
async fn invitation(app: &TestApp) -> i64 {
    let admin = app.api(&app.admin_token().await);
    let r = admin
        .post(
            "/api/v1/people",
            &json!({"email": "elise@test.example", "name": "Élise Thiry"}),
        )
        .await;
    assert_eq!(r.status(), 201);
    app.mails_to("elise@test.example").await[0].id
}

async fn message(app: &TestApp, id: i64) -> outbox_message::Model {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Id.eq(id))
        .one(&app.db().read)
        .await
        .unwrap()
        .unwrap()
}

/// Starts `w` on one pass over the outbox (on the server's clock), and waits until it
/// has claimed message `id`.
async fn sending(app: &TestApp, w: Worker, id: i64) -> tokio::task::JoinHandle<()> {
    let task = tokio::spawn(intercoop::clock::scoped(app.clock.clone(), async move {
        let _ = w.run_once().await;
    }));
    for _ in 0..400 {
        if message(app, id).await.status.as_str() == "sending" {
            return task;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the worker did not claim the message");
}

async fn in_flight_at_a_crash_goes_out_seconds_later(backend: Backend) {
    let Some(app) = quiet(backend).await else { return };
    let id = invitation(&app).await;
    let (smtp, _server) = silent_smtp().await;
    let claimed_at = app.at_server_time(async { intercoop::clock::now() }).await;
    let dying = sending(&app, worker(&app, "dying", Some(&smtp), LEASE), id).await;
    // The worker dies in the middle of sending it.
    dying.abort();
    let _ = dying.await;
    let left = message(&app, id).await;
    assert_eq!(left.status.as_str(), "sending");
    let lease = left.locked_until.expect("leased") - claimed_at;
    assert!(
        lease <= time::Duration::seconds(15),
        "the lease lapses {lease} after the crash"
    );

    // Another worker takes it as soon as the lease has lapsed: 15 s later at most.
    let next = worker(&app, "next", None, LEASE);
    app.clock.advance(time::Duration::seconds(15));
    assert_eq!(app.at_server_time(next.run_once()).await.unwrap(), 1);
    let sent = message(&app, id).await;
    assert_eq!(sent.status.as_str(), "sent");
    assert_eq!(sent.attempts, 2, "claimed by the dead worker, then by the next");
    assert!(app.data_dir.path().join(format!("outbox/{id:08}.eml")).exists());
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_in_flight_at_a_crash_goes_out_seconds_later_on_sqlite() {
    in_flight_at_a_crash_goes_out_seconds_later(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_in_flight_at_a_crash_goes_out_seconds_later_on_postgres() {
    in_flight_at_a_crash_goes_out_seconds_later(Backend::Postgres).await;
}

async fn a_living_worker_keeps_its_message(backend: Backend) {
    let Some(app) = quiet(backend).await else { return };
    let id = invitation(&app).await;
    let (smtp, _server) = silent_smtp().await;
    // A short lease, renewed every 200 ms (every third of it) while the worker lives.
    let lease = Duration::from_millis(600);
    let alive = sending(&app, worker(&app, "alive", Some(&smtp), lease), id).await;
    let first = message(&app, id).await.locked_until.expect("leased");
    // An hour passes for the server while the SMTP server keeps the message.
    app.clock.advance(time::Duration::hours(1));
    let mut renewed = None;
    for _ in 0..500 {
        let until = message(&app, id).await.locked_until.expect("leased");
        if until > first + time::Duration::minutes(59) {
            renewed = Some(until);
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(renewed.is_some(), "the living worker renews its lease");
    // Another worker finds nothing to take: the message is not sent twice.
    let other = worker(&app, "other", None, LEASE);
    assert_eq!(app.at_server_time(other.run_once()).await.unwrap(), 0);
    assert_eq!(message(&app, id).await.attempts, 1);
    alive.abort();
    let _ = alive.await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_living_worker_keeps_its_message_on_sqlite() {
    a_living_worker_keeps_its_message(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_living_worker_keeps_its_message_on_postgres() {
    a_living_worker_keeps_its_message(Backend::Postgres).await;
}
