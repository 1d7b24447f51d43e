//! The durable job queue through the running server, on SQLite and PostgreSQL: work that
//! fails is retried and done once (never zero times), failures are shown to
//! administrators to retry or discard, daily digests go out at 17:00 in each network's
//! own time zone, and a process killed between claim and work leaves the job to another
//! process, which does it once (two real processes).

mod common;

use common::{TestApp, open, pledge_ok};
use intercoop::entities::job;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

async fn jobs_of(app: &TestApp, kind: &str) -> Vec<job::Model> {
    job::Entity::find()
        .filter(job::Column::Kind.eq(kind))
        .all(&app.db().read)
        .await
        .unwrap()
}

/// Two member organisations, a proposal of the first, and its campaign of 100 € opened
/// and fully pledged; returns (proposal id, campaign id, the organisations).
async fn pledged_campaign(app: &TestApp, admin: &common::Api) -> (i64, i64, [i64; 2]) {
    let a = app.organisation(admin, "Coop A", "user", Some(10)).await;
    let b = app.organisation(admin, "Coop B", "user", Some(10)).await;
    let r = admin
        .post("/api/v1/proposals", &json!({"title": "Labels", "requested_by": a}))
        .await;
    let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let c = open(admin, id, json!({"amount_cents": 10_000, "key": {"kind": "equal"}})).await;
    pledge_ok(admin, id, a).await;
    pledge_ok(admin, id, b).await;
    (id, c["campaign"]["id"].as_i64().unwrap(), [a, b])
}

/// Makes the database refuse to record payment requests (a fault to inject), or lifts it.
async fn refuse_payment_requests(app: &TestApp, refuse: bool) {
    let sql = match (app.backend, refuse) {
        (common::Backend::Sqlite, true) => {
            "CREATE TRIGGER refuse_requests BEFORE INSERT ON payment_requests \
             BEGIN SELECT RAISE(ABORT, 'the bank is down'); END"
        }
        (common::Backend::Sqlite, false) => "DROP TRIGGER refuse_requests",
        (common::Backend::Postgres, true) => {
            "CREATE FUNCTION refuse_requests() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
             RAISE EXCEPTION 'the bank is down'; END $$; \
             CREATE TRIGGER refuse_requests BEFORE INSERT ON payment_requests \
             FOR EACH ROW EXECUTE FUNCTION refuse_requests()"
        }
        (common::Backend::Postgres, false) => "DROP TRIGGER refuse_requests ON payment_requests",
    };
    app.db().write.execute_unprepared(sql).await.unwrap();
}

both_backends!(
    a_deadline_that_fails_to_close_is_retried_and_closes_once,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let (id, campaign, _) = pledged_campaign(&app, &admin).await;
        let close = &jobs_of(&app, "proposals.close_campaign").await[0];
        assert_eq!(
            close.unique_key.as_deref(),
            Some(&*format!("close_campaign:{campaign}"))
        );

        // At the deadline the database fails: the closing is rolled back and will be retried.
        refuse_payment_requests(&app, true).await;
        app.clock.advance(time::Duration::days(31));
        app.run_jobs().await;
        let close = &jobs_of(&app, "proposals.close_campaign").await[0];
        assert_eq!(close.status.as_str(), "pending", "{close:?}");
        assert_eq!(close.attempts, 1);
        assert!(
            close.last_error.as_deref().unwrap().contains("the bank is down"),
            "{close:?}"
        );
        assert_eq!(
            admin.json(&format!("/api/v1/proposals/{id}")).await["status"],
            "funding"
        );

        // Once the cause is gone, the next attempt (after its backoff) closes it, once.
        refuse_payment_requests(&app, false).await;
        app.clock.advance(time::Duration::minutes(1));
        app.run_jobs().await;
        app.run_jobs().await;
        let close = &jobs_of(&app, "proposals.close_campaign").await[0];
        assert_eq!(close.status.as_str(), "done");
        assert_eq!(close.attempts, 2);
        let p = admin.json(&format!("/api/v1/proposals/{id}")).await;
        assert_eq!(p["status"], "funded");
        let requests = app
            .db()
            .read
            .query_one_raw(sea_orm::Statement::from_string(
                app.db().backend(),
                format!("SELECT COUNT(*) AS n FROM payment_requests WHERE campaign_id = {campaign}"),
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get::<i64>("", "n")
            .unwrap();
        assert_eq!(requests, 2, "one payment request per participant, made once");
        app.stop().await;
    }
);

both_backends!(
    failed_jobs_are_shown_to_administrators_to_retry_or_discard,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let (id, _, _) = pledged_campaign(&app, &admin).await;
        refuse_payment_requests(&app, true).await;
        app.clock.advance(time::Duration::days(31));
        // Every attempt fails: after the last one the job is kept as failed.
        for _ in 0..intercoop::jobs::DEFAULT_ATTEMPTS {
            app.run_jobs().await;
            app.clock.advance(time::Duration::hours(2));
        }
        let close = &jobs_of(&app, "proposals.close_campaign").await[0];
        assert_eq!(close.status.as_str(), "failed", "{close:?}");

        // The administrator sees it on the page and in the API, with its error.
        let browser = app.client();
        app.login(&browser, "admin@test.example").await;
        let page = browser.text("/admin/jobs").await;
        assert!(page.contains("Close a co-funding campaign at its deadline"), "{page}");
        assert!(page.contains("the bank is down"), "{page}");
        let listed = admin.json("/api/v1/jobs").await;
        assert_eq!(listed[0]["id"], close.id);
        assert_eq!(listed[0]["status"], "failed");
        // The dashboard counts it.
        let dash = browser.text("/dashboard").await;
        assert!(dash.contains("1 job could not be done"), "{dash}");

        // Another network's administrator sees nothing of it and cannot touch it.
        let other = app.other_network_admin().await;
        assert_eq!(other.json("/api/v1/jobs").await, json!([]));
        let r = other
            .post(&format!("/api/v1/jobs/{}/retry", close.id), &json!({}))
            .await;
        assert_eq!(r.status(), 404);

        // Retried from the page once the cause is mended: the campaign closes.
        refuse_payment_requests(&app, false).await;
        let r = browser.form(&format!("/admin/jobs/{}/retry", close.id), &[]).await;
        assert_eq!(r.status(), 303);
        app.run_jobs().await;
        assert_eq!(admin.json(&format!("/api/v1/proposals/{id}")).await["status"], "funded");
        let close = &jobs_of(&app, "proposals.close_campaign").await[0];
        assert_eq!(close.status.as_str(), "done");
        // A job no longer failed cannot be retried or discarded again.
        let r = admin
            .post(&format!("/api/v1/jobs/{}/discard", close.id), &json!({}))
            .await;
        assert_eq!(r.status(), 409);
        app.stop().await;
    }
);

both_backends!(
    daily_digests_go_out_at_five_in_each_networks_time_zone,
    |app: TestApp| async move {
        // Midnight UTC on 1 December 2026 is 13:00 in Auckland (UTC+13 in December).
        app.clock.set(time::macros::datetime!(2026-12-01 00:00 UTC));
        let (network, admin) = app.other_network_admin_in("Pacific/Auckland").await;
        let (id, _, [a, _]) = pledged_campaign(&app, &admin).await;
        // Coop A's representative, in the Auckland network.
        let inv = intercoop::people::data::InviteInput {
            email: "rep@a.example".into(),
            name: "Rep A".into(),
            organisation_id: a.to_string(),
            representative: "true".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        let txn = sea_orm::TransactionTrait::begin(&app.db().write).await.unwrap();
        intercoop::people::data::ensure_person(&txn, intercoop::audit::Actor::SYSTEM, network, &inv)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        // A third organisation joins: the first two's shares change (50 € → 33,34 €).
        let c = app.organisation(&admin, "Coop C", "user", Some(10)).await;
        pledge_ok(&admin, id, c).await;
        // A new network's recurring jobs are scheduled by the next maintenance run.
        app.at_server_time(intercoop::jobs::ensure_scheduled(
            &app.db().write,
            &intercoop::app::jobs(),
        ))
        .await
        .unwrap();
        let digest = jobs_of(&app, "notifications.daily_digest")
            .await
            .into_iter()
            .find(|j| j.network_id == Some(network))
            .unwrap();
        // 17:00 in Auckland on 1 December is 04:00 UTC.
        assert_eq!(digest.run_at, time::macros::datetime!(2026-12-01 04:00 UTC));
        assert_eq!(
            digest.unique_key.as_deref(),
            Some(&*format!("notifications.daily_digest:{network}:2026-12-01"))
        );
        // Before 17:00 there: nothing; at 17:00 there: one email; then tomorrow's is scheduled.
        app.clock.set(time::macros::datetime!(2026-12-01 03:59 UTC));
        app.run_jobs().await;
        assert!(
            app.mails_to("rep@a.example")
                .await
                .iter()
                .all(|m| m.kind.as_str() != "share_digest")
        );
        app.clock.set(time::macros::datetime!(2026-12-01 04:00:01 UTC));
        app.run_jobs().await;
        let digests: Vec<_> = app
            .mails_to("rep@a.example")
            .await
            .into_iter()
            .filter(|m| m.kind.as_str() == "share_digest")
            .collect();
        assert_eq!(digests.len(), 1);
        let next = jobs_of(&app, "notifications.daily_digest")
            .await
            .into_iter()
            .filter(|j| j.network_id == Some(network) && j.status.as_str() == "pending")
            .collect::<Vec<_>>();
        assert_eq!(next.len(), 1);
        assert_eq!(next[0].run_at, time::macros::datetime!(2026-12-02 04:00 UTC));
        app.stop().await;
    }
);

// ---------------------------------------------------------------- two processes

const BIN: &str = env!("CARGO_BIN_EXE_intercoop");

struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn db_args(data_dir: &std::path::Path, url: Option<&str>) -> Vec<String> {
    let mut args = vec!["--data-dir".to_string(), data_dir.display().to_string()];
    if let Some(url) = url {
        args.extend(["--database-url".to_string(), url.to_string()]);
    }
    args
}

/// Starts `intercoop serve` with a 2-second job lease (and the given environment).
async fn serve(data_dir: &std::path::Path, url: Option<&str>, env: &[(&str, &str)]) -> (Process, String) {
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let child = Command::new(BIN)
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--base-url", &base])
        .args(db_args(data_dir, url))
        .env("INTERCOOP_WORKER_INTERVAL_MS", "20")
        .env("INTERCOOP_JOB_LEASE_SECONDS", "2")
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let process = Process(child);
    for _ in 0..400 {
        if let Ok(r) = reqwest::get(format!("{base}/readyz")).await
            && r.status() == 200
        {
            return (process, base);
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("intercoop did not become ready");
}

/// A process killed between claiming a job and doing it: another process does the job,
/// once, after the lease has expired.
async fn a_killed_process_leaves_its_job_to_another(url: Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let url = url.as_deref();
    let out = Command::new(BIN)
        .args(["token", "create", "ada@test.example"])
        .args(db_args(dir.path(), url))
        .output()
        .unwrap();
    assert!(!out.status.success(), "no such person yet");
    let created = Command::new(BIN)
        .args(["user", "create", "ada@test.example", "--name", "Ada", "--admin"])
        .args(db_args(dir.path(), url))
        .output()
        .unwrap();
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));
    let out = Command::new(BIN)
        .args(["token", "create", "ada@test.example"])
        .args(db_args(dir.path(), url))
        .output()
        .unwrap();
    let token = String::from_utf8(out.stdout).unwrap().trim().to_string();

    // Process A stalls for a minute after claiming the closing of a campaign.
    let (a, base) = serve(
        dir.path(),
        url,
        &[("INTERCOOP_FAULT_JOB_PAUSE", "proposals.close_campaign:60000")],
    )
    .await;
    let api = reqwest::Client::new();
    let post = |path: &str, body: Value| api.post(format!("{base}{path}")).bearer_auth(&token).json(&body).send();
    let mut orgs = Vec::new();
    for name in ["Coop A", "Coop B"] {
        let r = post("/api/v1/organisations", json!({"name": name, "kind": "user"}))
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
        orgs.push(r.json::<Value>().await.unwrap()["id"].as_i64().unwrap());
    }
    let r = post("/api/v1/proposals", json!({"title": "Labels", "requested_by": orgs[0]}))
        .await
        .unwrap();
    let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let deadline = (time::OffsetDateTime::now_utc() + time::Duration::seconds(3))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let r = post(
        &format!("/api/v1/proposals/{id}/campaign"),
        json!({"amount_cents": 10_000, "key": {"kind": "equal"}, "deadline": deadline}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    for org in &orgs {
        let r = post(
            &format!("/api/v1/proposals/{id}/pledges"),
            json!({"organisation_id": org}),
        )
        .await
        .unwrap();
        assert_eq!(r.status(), 201);
    }

    // A claims the closing at the deadline, then dies before doing it.
    let db = sea_orm::Database::connect(
        url.map(str::to_string)
            .unwrap_or_else(|| format!("sqlite://{}/intercoop.db?mode=rw", dir.path().display())),
    )
    .await
    .unwrap();
    let close = || async {
        job::Entity::find()
            .filter(job::Column::Kind.eq("proposals.close_campaign"))
            .one(&db)
            .await
            .unwrap()
            .unwrap()
    };
    let mut claimed = false;
    for _ in 0..400 {
        if close().await.status.as_str() == "running" {
            claimed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(claimed, "process A claimed the job");
    drop(a); // SIGKILL
    assert_eq!(
        close().await.status.as_str(),
        "running",
        "left claimed by the dead process"
    );

    // Process B takes it over once the lease has expired, and does it once.
    let (_b, base_b) = serve(dir.path(), url, &[]).await;
    let mut done = None;
    for _ in 0..600 {
        let j = close().await;
        if j.status.as_str() == "done" {
            done = Some(j);
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let done = done.expect("process B did the job");
    assert_eq!(done.attempts, 2, "claimed by A, then by B");
    let p: Value = api
        .get(format!("{base_b}/api/v1/proposals/{id}"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(p["status"], "funded");
    let count = |sql: &'static str| {
        let db = &db;
        async move {
            db.query_one_raw(sea_orm::Statement::from_string(db.get_database_backend(), sql))
                .await
                .unwrap()
                .unwrap()
                .try_get::<i64>("", "n")
                .unwrap()
        }
    };
    assert_eq!(count("SELECT COUNT(*) AS n FROM payment_requests").await, 2);
    assert_eq!(
        count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'campaign.close'").await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_process_leaves_its_job_to_another_on_sqlite() {
    a_killed_process_leaves_its_job_to_another(None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_process_leaves_its_job_to_another_on_postgres() {
    let Some(url) = common::postgres_for_processes().await else {
        return;
    };
    a_killed_process_leaves_its_job_to_another(Some(url)).await;
}
