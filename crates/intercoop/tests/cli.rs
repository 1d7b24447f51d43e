//! The command line and the demo, through the real binary and the real server.

mod common;

use common::{Backend, TestApp};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_intercoop");

fn run(data_dir: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN)
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env("INTERCOOP_BASE_URL", "http://127.0.0.1:9")
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn first_administrator_tokens_and_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, out, err) = run(
        dir.path(),
        &[
            "user",
            "create",
            "first@test.example",
            "--name",
            "First Admin",
            "--admin",
        ],
    );
    assert!(ok, "{err}");
    assert!(out.trim().starts_with("http://127.0.0.1:9/login/link/l_"), "{out}");
    assert_eq!(out.lines().count(), 1);
    // token create prints the token and nothing else.
    let (ok, out, err) = run(dir.path(), &["token", "create", "first@test.example"]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 1);
    assert!(out.trim().starts_with("ic_") && out.trim().len() == 46, "{out}");
    let (ok, _, err) = run(dir.path(), &["token", "create", "nobody@test.example"]);
    assert!(!ok);
    assert!(err.contains("nobody has the address"), "{err}");
    let (ok, _, err) = run(
        dir.path(),
        &["token", "create", "first@test.example", "--network", "nope"],
    );
    assert!(!ok);
    assert!(err.contains("no network nope"), "{err}");
    // Networks.
    let (ok, _, err) = run(
        dir.path(),
        &["network", "create", "breweries", "--name", "Brasseries coopératives"],
    );
    assert!(ok, "{err}");
    let (ok, _, err) = run(dir.path(), &["network", "create", "Bad Slug", "--name", "X"]);
    assert!(!ok);
    assert!(err.contains("slug"), "{err}");
    let (_, out, _) = run(dir.path(), &["network", "list"]);
    assert!(out.contains("main\t") && out.contains("breweries\t"), "{out}");
    // A consistent copy of the live database.
    let backup = dir.path().join("copy.db");
    let (ok, _, err) = run(dir.path(), &["backup", backup.to_str().unwrap()]);
    assert!(ok, "{err}");
    let count = Command::new("sqlite3")
        .arg(&backup)
        .arg("SELECT count(*) FROM people")
        .output();
    if let Ok(c) = count {
        assert_eq!(String::from_utf8_lossy(&c.stdout).trim(), "1");
    }
    let (ok, _, err) = run(dir.path(), &["backup", backup.to_str().unwrap()]);
    assert!(!ok && err.contains("already exists"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_install_says_how_to_make_the_first_administrator() {
    let app = common::spawn_app(Backend::Sqlite).await;
    let page = app.client().text("/").await;
    assert!(page.contains("intercoop user create"), "{page}");
    assert!(page.contains("Nobody has an account yet"));
    app.stop().await;
}

both_backends!(
    demo_holds_two_networks_that_share_a_provider,
    |app: TestApp| async move {
        intercoop::demo::load(app.db()).await.unwrap();
        // Loading again refreshes without duplicating.
        intercoop::demo::load(app.db()).await.unwrap();
        let home = app.client().text("/").await;
        assert!(
            home.contains("claire@coopcommons.example"),
            "the home page tells how to log in"
        );
        // Jordi (provider staff) belongs to both networks: the switcher shows.
        let c = app.client();
        let r = c
            .form(
                "/login",
                &[
                    ("email", "jordi@codecoop.example"),
                    ("password", intercoop::demo::PASSWORD),
                    ("method", "password"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let page = c.text("/dashboard").await;
        assert!(page.contains("name=\"network\""), "switcher");
        assert!(page.contains("Réseau des supermarchés coopératifs"));
        // From a proposal of the first network, the switcher lands on the proposals
        // of the second (that proposal is not there), not on the dashboard.
        let r = c
            .form("/network", &[("network", "techcoops"), ("next", "/proposals/1")])
            .await;
        assert_eq!(r.status(), 303);
        assert_eq!(r.headers()["location"], "/proposals");
        let page = c.text("/organisations").await;
        assert!(page.contains("Northern Pixels") && page.contains("Code Coop"));
        assert!(!page.contains("La Ruche Coop"), "each network sees its own members");
        // The first network: about ten supermarkets, providers, facilitator, partner, 40+ people.
        let claire = app.client();
        claire
            .form(
                "/login",
                &[
                    ("email", "claire@coopcommons.example"),
                    ("password", intercoop::demo::PASSWORD),
                    ("method", "password"),
                ],
            )
            .await;
        let token = {
            use intercoop::entities::person;
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            let p = person::Entity::find()
                .filter(person::Column::Email.eq("claire@coopcommons.example"))
                .one(&app.db().read)
                .await
                .unwrap()
                .unwrap();
            app.token_for(p.id).await
        };
        let api = app.api(&token);
        let orgs = api.json("/api/v1/organisations?per_page=200").await;
        let kinds: Vec<&str> = orgs["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds.iter().filter(|k| **k == "user").count(), 10);
        assert_eq!(kinds.iter().filter(|k| **k == "provider").count(), 2);
        assert!(kinds.contains(&"facilitator") && kinds.contains(&"partner"));
        let without: Vec<&serde_json::Value> = orgs["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["kind"] != "partner" && o["representative_id"].is_null())
            .collect();
        assert!(without.is_empty(), "{without:?}");
        let people = api.json("/api/v1/people?per_page=1").await;
        assert!(people["total"].as_i64().unwrap() >= 40, "{people}");
        app.stop().await;
    }
);

/// The administrators' commands beside a live server under write load (the documented
/// way to make an administrator or a token): every one succeeds, and the server answers
/// every write (no "database is locked", code 517, on either side).
async fn commands_beside_a_live_server_under_write_load(url: Option<String>) {
    use common::process;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let url = url.as_deref();
    let token = process::admin_token(dir.path(), url);
    let server = process::serve(dir.path(), url, &[]).await;
    let http = reqwest::Client::new();
    let r = http
        .post(format!("{}/api/v1/organisations", server.base))
        .bearer_auth(&token)
        .json(&serde_json::json!({"name": "Busy Coop", "kind": "user"}))
        .send()
        .await
        .unwrap();
    let org = r.json::<serde_json::Value>().await.unwrap()["id"].as_i64().unwrap();
    let r = http
        .post(format!("{}/api/v1/proposals", server.base))
        .bearer_auth(&token)
        .json(&serde_json::json!({"title": "Busy", "requested_by": org}))
        .send()
        .await
        .unwrap();
    let proposal = r.json::<serde_json::Value>().await.unwrap()["id"].as_i64().unwrap();

    // Eight clients write without pause: organisations and comments (transactions that
    // read, then write).
    let stop = Arc::new(AtomicBool::new(false));
    let mut load = Vec::new();
    for n in 0..8 {
        let (http, base, token, stop) = (http.clone(), server.base.clone(), token.clone(), stop.clone());
        load.push(tokio::spawn(async move {
            let mut failed = Vec::new();
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                i += 1;
                let (path, body) = if i % 2 == 0 {
                    (
                        "/api/v1/organisations".to_string(),
                        serde_json::json!({"name": format!("Load {n}-{i}"), "kind": "user"}),
                    )
                } else {
                    (
                        format!("/api/v1/proposals/{proposal}/comments"),
                        serde_json::json!({"body": format!("load {n}-{i}")}),
                    )
                };
                let r = http
                    .post(format!("{base}{path}"))
                    .bearer_auth(&token)
                    .json(&body)
                    .send()
                    .await
                    .unwrap();
                if r.status() != 201 {
                    failed.push(format!("{path}: {} {}", r.status(), r.text().await.unwrap()));
                }
            }
            (i, failed)
        }));
    }
    // Meanwhile, the commands.
    let data_dir = dir.path().to_path_buf();
    let url_owned = url.map(str::to_string);
    let commands = tokio::task::spawn_blocking(move || {
        let mut failed = Vec::new();
        for i in 0..15 {
            let email = format!("admin-{i}@test.example");
            let runs = [
                vec!["user", "create", email.as_str(), "--name", "Admin", "--admin"],
                vec!["token", "create", email.as_str()],
            ];
            for args in runs {
                let (ok, _, err) = process::cli(&data_dir, url_owned.as_deref(), &args);
                if !ok {
                    // The error's first line (a backtrace may follow it).
                    let first = err.lines().next().unwrap_or_default();
                    failed.push(format!("intercoop {}: {first}", args.join(" ")));
                }
            }
        }
        failed
    });
    let commands_failed = commands.await.unwrap();
    stop.store(true, Ordering::Relaxed);
    let mut writes = 0;
    let mut writes_failed = Vec::new();
    for l in load {
        let (n, failed) = l.await.unwrap();
        writes += n;
        writes_failed.extend(failed);
    }
    assert!(writes > 30, "the server was under load ({writes} writes)");
    assert!(commands_failed.is_empty(), "{commands_failed:#?}");
    assert!(writes_failed.is_empty(), "{writes_failed:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_beside_a_live_server_under_write_load_succeed_on_sqlite() {
    commands_beside_a_live_server_under_write_load(None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_beside_a_live_server_under_write_load_succeed_on_postgres() {
    let Some(url) = common::postgres_for_processes().await else {
        return;
    };
    commands_beside_a_live_server_under_write_load(Some(url)).await;
}
