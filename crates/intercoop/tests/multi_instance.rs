//! Two `intercoop serve` processes on one PostgreSQL, as behind a load balancer:
//! a session made on one is valid on the other, a logout on one ends it on both,
//! the outbox sends each email exactly once while both workers run, and scheduled
//! jobs run once.

mod common;

use serde_json::json;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Instance {
    child: Child,
    base: String,
    data_dir: tempfile::TempDir,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const BIN: &str = env!("CARGO_BIN_EXE_intercoop");

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn cli(database_url: &str, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(args)
        .args(["--database-url", database_url])
        .env("INTERCOOP_BASE_URL", "http://127.0.0.1:1")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

async fn start(database_url: &str) -> Instance {
    let port = free_port();
    let data_dir = tempfile::tempdir().unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let child = Command::new(BIN)
        .args([
            "serve",
            "--bind",
            &format!("127.0.0.1:{port}"),
            "--base-url",
            &base,
            "--database-url",
            database_url,
        ])
        .arg("--data-dir")
        .arg(data_dir.path())
        .env("INTERCOOP_WORKER_INTERVAL_MS", "20")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let instance = Instance { child, base, data_dir };
    for _ in 0..400 {
        if let Ok(r) = reqwest::get(format!("{}/readyz", instance.base)).await
            && r.status() == 200
        {
            return instance;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("instance did not become ready");
}

fn eml_count(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir.join("outbox"))
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                .count()
        })
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_share_sessions_outbox_and_jobs() {
    let Some(url) = common::postgres_for_processes().await else {
        return;
    };
    let link = cli(
        &url,
        &["user", "create", "ada@test.example", "--name", "Ada Admin", "--admin"],
    );
    let token = cli(&url, &["token", "create", "ada@test.example"]);
    let a = start(&url).await;
    let b = start(&url).await;

    // A session made on A is valid on B.
    let browser = common::Client::new(&a.base);
    let path = link.split_once("127.0.0.1:1").unwrap().1;
    // Opening the link shows its button; the button (a POST) logs in.
    let r = browser.use_link(path).await;
    assert_eq!(r.status(), 303);
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("ic_session="))
        .unwrap();
    let session = cookie.split(';').next().unwrap().to_string();
    let on = |base: &str| {
        let base = base.to_string();
        let session = session.clone();
        async move {
            reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap()
                .get(format!("{base}/dashboard"))
                .header("cookie", &session)
                .header("accept-language", "en")
                .send()
                .await
                .unwrap()
        }
    };
    let r = on(&b.base).await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("Hello Ada Admin"));
    assert_eq!(on(&a.base).await.status(), 200); // now cached on A too

    // Emails enqueued through both instances are each sent exactly once.
    let api = reqwest::Client::new();
    for i in 0..30 {
        let base = if i % 2 == 0 { &a.base } else { &b.base };
        let r = api
            .post(format!("{base}/api/v1/people"))
            .bearer_auth(&token)
            .json(&json!({"email": format!("p{i}@test.example"), "name": format!("Person {i}")}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
    }
    let mut total = 0;
    for _ in 0..400 {
        total = eml_count(a.data_dir.path()) + eml_count(b.data_dir.path());
        if total >= 30 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        eml_count(a.data_dir.path()) + eml_count(b.data_dir.path()),
        30,
        "each email sent once"
    );
    let db = sea_orm::Database::connect(&url).await.unwrap();
    use intercoop::entities::{job, outbox_message};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let rows = outbox_message::Entity::find().all(&db).await.unwrap();
    assert_eq!(rows.len(), 30);
    assert!(
        rows.iter().all(|r| r.status.as_str() == "sent" && r.attempts == 1),
        "{rows:?}"
    );
    assert!(total >= 30);
    // Both instances scheduled the recurring jobs at start: each occurrence once.
    let runs = job::Entity::find()
        .filter(job::Column::Kind.eq(intercoop::jobs::MAINTENANCE))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(runs.len(), 1, "{runs:?}");

    // Pledges sent to both instances at once are all kept, and shares stay exact.
    let mut orgs = Vec::new();
    for i in 0..20 {
        let r = api
            .post(format!("{}/api/v1/organisations", a.base))
            .bearer_auth(&token)
            .json(&json!({"name": format!("Coop {i:02}"), "kind": "user", "size": 100 + i}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
        orgs.push(r.json::<serde_json::Value>().await.unwrap()["id"].as_i64().unwrap());
    }
    let r = api
        .post(format!("{}/api/v1/proposals", a.base))
        .bearer_auth(&token)
        .json(&json!({"title": "Shelf labels", "description": "Print them from Odoo", "requested_by": orgs[0]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let proposal = r.json::<serde_json::Value>().await.unwrap()["id"].as_i64().unwrap();
    let r = api
        .post(format!("{}/api/v1/proposals/{proposal}/campaign", b.base))
        .bearer_auth(&token)
        .json(&json!({"amount_cents": 100_001, "key": {"kind": "equal"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    let pledges: Vec<_> = orgs
        .iter()
        .enumerate()
        .map(|(i, org)| {
            let base = if i % 2 == 0 { a.base.clone() } else { b.base.clone() };
            let api = api.clone();
            let token = token.clone();
            let org = *org;
            tokio::spawn(async move {
                api.post(format!("{base}/api/v1/proposals/{proposal}/pledges"))
                    .bearer_auth(&token)
                    .json(&json!({"organisation_id": org}))
                    .send()
                    .await
                    .unwrap()
                    .status()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for p in pledges {
        statuses.push(p.await.unwrap());
    }
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    let shares: serde_json::Value = api
        .get(format!("{}/api/v1/proposals/{proposal}/shares", a.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let lines = shares["shares"].as_array().unwrap();
    assert_eq!(lines.len(), 20, "{shares}");
    assert_eq!(
        lines.iter().map(|l| l["amount_cents"].as_i64().unwrap()).sum::<i64>(),
        100_001
    );

    // A logout on B ends the session on A at once (A had it cached).
    let csrf = "c_multi";
    let r = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(format!("{}/logout", b.base))
        .header("cookie", format!("{session}; ic_csrf={csrf}"))
        .form(&[("_csrf", csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let mut ended = false;
    for _ in 0..40 {
        if on(&a.base).await.status() == 303 {
            ended = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(ended, "the session still works on A after logout on B");
}
