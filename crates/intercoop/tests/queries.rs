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
    // The proposal list, page or API, is one query: rows, summaries and count together.
    for (path, n) in &small {
        if path.starts_with("/proposals") || path == "/api/v1/proposals" {
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
