//! The outbox across a crash of its worker, on SQLite and PostgreSQL: a message being
//! sent when its worker dies goes out seconds later (its lease, renewed while the
//! worker lives, lapses at most 15 s after the death), before a backlog queued after
//! it; while the worker lives, no other worker takes its message, however long the
//! sending takes.

mod common;

use common::{Backend, TestApp};
use intercoop::entities::outbox_message;
use intercoop::mail::worker::{LEASE, Transport, Worker};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;
use std::sync::{Arc, Mutex};
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
        return_path: None,
    }
}

/// An SMTP server that takes `hold` to accept each message, and records the outbox ids
/// of the messages it accepted, in order.
fn slow_smtp(hold: Duration) -> (String, Arc<Mutex<Vec<i64>>>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("smtp://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let accepted = Arc::new(Mutex::new(Vec::new()));
    let record = accepted.clone();
    std::thread::spawn(move || {
        for socket in listener.incoming() {
            let Ok(mut out) = socket else { return };
            let record = record.clone();
            std::thread::spawn(move || {
                let mut lines = BufReader::new(out.try_clone().unwrap());
                let mut answer = |line: &str| out.write_all(format!("{line}\r\n").as_bytes()).is_ok();
                answer("220 slow");
                let mut line = String::new();
                while lines.read_line(&mut line).unwrap_or(0) > 0 {
                    let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
                    line.clear();
                    let ok = match verb.as_str() {
                        "DATA" => {
                            answer("354 go on");
                            let mut id = None;
                            while lines.read_line(&mut line).unwrap_or(0) > 0 && line != ".\r\n" {
                                if let Some(rest) = line.strip_prefix("Message-ID: <outbox-") {
                                    id = rest.split('-').next().and_then(|n| n.parse::<i64>().ok());
                                }
                                line.clear();
                            }
                            line.clear();
                            std::thread::sleep(hold);
                            record.lock().unwrap().extend(id);
                            answer("250 accepted")
                        }
                        "QUIT" => {
                            answer("221 bye");
                            return;
                        }
                        _ => answer("250 ok"),
                    };
                    if !ok {
                        return;
                    }
                }
            });
        }
    });
    (url, accepted)
}

/// Queues an invitation (sent at once) to `email` and returns its message's id.
async fn invite(app: &TestApp, admin: &common::Api, email: &str) -> i64 {
    let r = admin
        .post("/api/v1/people", &json!({"email": email, "name": "Invited"}))
        .await;
    assert_eq!(r.status(), 201);
    app.mails_to(email).await[0].id
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

/// The message of a dead worker goes out as soon as its lease lapses, even while the
/// next worker is busy with a backlog queued after it: it is taken right after the
/// message being sent, not after the backlog (which the worker read before the lease
/// lapsed).
async fn a_lapsed_lease_goes_before_the_backlog(backend: Backend) {
    let Some(app) = quiet(backend).await else { return };
    let admin = app.api(&app.admin_token().await);
    let first = invite(&app, &admin, "first@test.example").await;
    let (silent, _server) = silent_smtp().await;
    let dying = sending(&app, worker(&app, "dying", Some(&silent), LEASE), first).await;
    dying.abort();
    let _ = dying.await;
    let mut backlog = Vec::new();
    for n in 0..3 {
        backlog.push(invite(&app, &admin, &format!("later-{n}@test.example")).await);
    }

    // The next worker starts on the backlog before the lease has lapsed.
    let (slow, accepted) = slow_smtp(Duration::from_millis(300));
    let next = worker(&app, "next", Some(&slow), LEASE);
    let pass = tokio::spawn(intercoop::clock::scoped(app.clock.clone(), async move {
        next.run_once().await.unwrap()
    }));
    for _ in 0..400 {
        if message(&app, backlog[0]).await.status.as_str() == "sending" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert_eq!(message(&app, backlog[0]).await.status.as_str(), "sending");
    // While it sends the first of them, the dead worker's lease lapses.
    app.clock.advance(time::Duration::seconds(15));
    assert_eq!(
        pass.await.unwrap(),
        4,
        "the pass sends the backlog and the lapsed message"
    );
    assert_eq!(
        *accepted.lock().unwrap(),
        vec![backlog[0], first, backlog[1], backlog[2]],
        "the lapsed message goes right after the one being sent"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lapsed_lease_goes_before_the_backlog_on_sqlite() {
    a_lapsed_lease_goes_before_the_backlog(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lapsed_lease_goes_before_the_backlog_on_postgres() {
    a_lapsed_lease_goes_before_the_backlog(Backend::Postgres).await;
}
