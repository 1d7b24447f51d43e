//! No N+1: every list page issues the same number of queries whatever the number of
//! rows (measured at scale 1 and at a larger scale, on both databases).

mod common;

use common::{Backend, TestApp};

async fn count(app: &TestApp, client: &common::Client, path: &str) -> u64 {
    // Once to warm the session cache, then measured.
    assert_eq!(client.get(path).await.status(), 200, "{path}");
    let before = app.db().query_count();
    let r = client.get(path).await;
    assert_eq!(r.status(), 200, "{path}");
    app.db().query_count() - before
}

async fn counts_at(app: &TestApp, scale: u32, seed: u64) -> Vec<(String, u64)> {
    let seeded = intercoop::seed::seed(app.db(), scale, seed).await.unwrap();
    let client = app.client();
    app.login(&client, &seeded.admin_email).await;
    let mut out = Vec::new();
    for path in [
        "/dashboard",
        "/organisations",
        "/people",
        "/organisations?status=member&kind=user&q=a",
        "/proposals",
        "/proposals?sort=funded",
        "/proposals?sort=wanted&status=funding",
        "/polls",
        "/meetings",
        "/meetings?past=true",
    ] {
        out.push((path.to_string(), count(app, &client, path).await));
    }
    let token = app.token_for(seeded.people[0]).await;
    let api = app.api(&token);
    for path in [
        "/api/v1/organisations",
        "/api/v1/people",
        "/api/v1/proposals",
        "/api/v1/polls",
        "/api/v1/meetings?past=true",
    ] {
        api.get(path).await;
        let before = app.db().query_count();
        assert_eq!(api.get(path).await.status(), 200);
        out.push((path.to_string(), app.db().query_count() - before));
    }
    out
}

async fn run(backend: Backend) {
    let Some(app) = common::spawn_quiet(backend).await else {
        if std::env::var("CI").is_ok() {
            panic!("PostgreSQL required in CI");
        }
        return;
    };
    let small = counts_at(&app, 1, 1).await;
    let large = counts_at(&app, 4, 2).await;
    assert_eq!(small, large, "queries per page must not grow with the rows");
    // And they are few.
    eprintln!("queries per request: {small:?}");
    for (path, n) in &small {
        assert!(*n <= 8, "{path} issues {n} queries");
    }
    // The proposal and poll lists, page or API, and the organisation API are one query:
    // rows, summaries and count together.
    for (path, n) in &small {
        let one = [
            "/proposals",
            "/polls",
            "/api/v1/proposals",
            "/api/v1/polls",
            "/api/v1/organisations",
        ];
        if one.iter().any(|p| path == p || path.starts_with(&format!("{p}?"))) {
            assert_eq!(*n, 1, "{path} issues {n} queries");
        }
    }
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_pages_issue_a_bounded_number_of_queries_sqlite() {
    run(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_pages_issue_a_bounded_number_of_queries_postgres() {
    run(Backend::Postgres).await;
}

/// A seed shares the database with a real network: it marks only its own share
/// changes as told, so the real network's daily digest still goes out.
async fn seed_leaves_other_networks_alone(backend: Backend) {
    use sea_orm::{ConnectionTrait, Statement};
    use serde_json::json;
    let Some(app) = common::spawn_quiet(backend).await else {
        if std::env::var("CI").is_ok() {
            panic!("PostgreSQL required in CI");
        }
        return;
    };
    let admin = app.api(&app.admin_token().await);
    let mut shops = Vec::new();
    for name in ["Real Shop A", "Real Shop B"] {
        let org = app.organisation(&admin, name, "user", Some(100)).await;
        let email = format!("rep{}@real.example", shops.len());
        let person = app.person(&email, name, Some(org), true, false).await;
        shops.push((org, app.api(&app.token_for(person).await)));
    }
    let r = admin
        .post(
            "/api/v1/proposals",
            &json!({"title": "Real need", "description": "x", "requested_by": shops[0].0}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let id = r.json::<serde_json::Value>().await.unwrap()["id"].as_i64().unwrap();
    common::open(&admin, id, json!({"amount_cents": 10_000, "key": {"kind": "equal"}})).await;
    for (org, api) in &shops {
        common::pledge_ok(api, id, *org).await;
    }
    let db = &app.db().read;
    let count = |sql: String| async move {
        let stmt = Statement::from_string(db.get_database_backend(), sql);
        db.query_one_raw(stmt)
            .await
            .unwrap()
            .unwrap()
            .try_get::<i64>("", "n")
            .unwrap()
    };
    let unsent = || count("SELECT COUNT(*) AS n FROM campaigns WHERE digest_due".into());
    assert_eq!(unsent().await, 1, "the second pledge halved the first one's share");
    let seeded = intercoop::seed::seed(app.db(), 1, 3).await.unwrap();
    assert_eq!(unsent().await, 1, "the real network's digest is still to send");
    let sent = app.share_digest().await;
    assert_eq!(sent, 1, "one email, to the real network's first shop");
    let digests = count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'share_digest'".into()).await;
    assert_eq!(digests, 1, "none for the {} seeded people", seeded.people.len());
    // Five years of monthly assemblies and the next ones; the past ones with their
    // attendance and published minutes; none of their invitations or reminders waits.
    let n = seeded.network_id;
    let meetings = count(format!(
        "SELECT COUNT(*) AS n FROM meetings WHERE network_id = {n} AND kind = 'assembly'"
    ))
    .await;
    assert_eq!(meetings, 63);
    let published = count(format!(
        "SELECT COUNT(*) AS n FROM meetings WHERE network_id = {n} AND minutes_status = 'published'"
    ))
    .await;
    assert!((60..=61).contains(&published), "{published} minutes published");
    let decisions = count(format!(
        "SELECT COUNT(*) AS n FROM meeting_decisions d JOIN meetings m ON m.id = d.meeting_id WHERE m.network_id = {n}"
    ))
    .await;
    assert_eq!(decisions, published);
    let present = count(format!(
        "SELECT COUNT(*) AS n FROM meeting_answers a JOIN meetings m ON m.id = a.meeting_id \
         WHERE m.network_id = {n} AND a.present"
    ))
    .await;
    assert!(present >= published, "{present} present over {published} assemblies");
    let waiting = count(format!(
        "SELECT COUNT(*) AS n FROM jobs WHERE network_id = {n} AND kind IN ('assemblies.invite', 'assemblies.remind')"
    ))
    .await;
    assert_eq!(waiting, 0, "the seeded network's meetings send nothing");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_leaves_other_networks_alone_sqlite() {
    seed_leaves_other_networks_alone(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_leaves_other_networks_alone_postgres() {
    seed_leaves_other_networks_alone(Backend::Postgres).await;
}

/// List totals are kept between pages on SQLite (`db::totals`): every write must still
/// show at once, whether this server made it or another process on the same database
/// (the CLI, another instance), and a filtered list keeps a total of its own.
async fn totals_follow_every_write(backend: Backend) {
    use intercoop::organisations::data::{self, OrganisationInput};
    let Some(app) = common::spawn_quiet(backend).await else {
        if std::env::var("CI").is_ok() {
            panic!("PostgreSQL required in CI");
        }
        return;
    };
    let admin = app.api(&app.admin_token().await);
    let client = app.client();
    app.login(&client, "admin@test.example").await;
    let total = |path: &'static str| {
        let admin = &admin;
        async move { admin.json(path).await["total"].as_i64().unwrap() }
    };
    let before = total("/api/v1/organisations").await;
    // Twice: the second answer comes from the kept total on SQLite.
    assert_eq!(total("/api/v1/organisations").await, before);
    assert_eq!(total("/api/v1/organisations?q=elsewhere").await, 0);
    app.organisation(&admin, "Made here", "user", None).await;
    assert_eq!(
        total("/api/v1/organisations").await,
        before + 1,
        "a write of this server"
    );
    assert_eq!(total("/api/v1/organisations?q=elsewhere").await, 0);

    // Another process's connection to the same database.
    let other = intercoop::db::Db::connect(&app.db_args).await.unwrap();
    let input = OrganisationInput {
        name: "Made elsewhere".into(),
        kind: "user".into(),
        ..Default::default()
    };
    let network_id = app.network_id().await;
    data::create(
        &other.write,
        intercoop::audit::Actor::SYSTEM,
        network_id,
        &input.validate().unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(
        total("/api/v1/organisations").await,
        before + 2,
        "a write of another process"
    );
    assert_eq!(total("/api/v1/organisations?q=elsewhere").await, 1);
    let page = client.text("/organisations").await;
    assert!(page.contains("Made elsewhere"), "the page lists it too");
    // A page past the end still says how many there are.
    let past = admin.json("/api/v1/organisations?page=99").await;
    assert_eq!(past["total"].as_i64(), Some(before + 2));
    assert_eq!(past["items"].as_array().map(Vec::len), Some(0));
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn totals_follow_every_write_sqlite() {
    totals_follow_every_write(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn totals_follow_every_write_postgres() {
    totals_follow_every_write(Backend::Postgres).await;
}
