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
        let r = c.form("/network", &[("network", "techcoops")]).await;
        assert_eq!(r.status(), 303);
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
