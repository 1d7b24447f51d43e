//! `spawn_app()`: a real intercoop server on port 0 against a fresh database —
//! a SQLite file in a temporary folder, or a fresh PostgreSQL database when
//! `TEST_DATABASE_URL` points at a server — and a cookie-keeping client.

#![allow(dead_code)]

use intercoop::audit::Actor;
use intercoop::auth;
use intercoop::config::{DbArgs, ServeArgs, SqliteSync};
use intercoop::entities::outbox_message;
use intercoop::people::data::InviteInput;
use intercoop::server::{self, Running};
use reqwest::cookie::{CookieStore, Jar};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs a test body against SQLite, and against PostgreSQL when it is available.
#[macro_export]
macro_rules! both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = $crate::common::spawn_app($crate::common::Backend::Sqlite).await;
                ($body)(app).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(app) = $crate::common::spawn_postgres().await else {
                    return;
                };
                ($body)(app).await;
            }
        }
    };
}

pub struct TestApp {
    pub running: Option<Running>,
    /// The server's clock: tests move time with it (`app.clock.advance(…)`).
    pub clock: Arc<intercoop::clock::ManualClock>,
    pub base: String,
    pub backend: Backend,
    pub data_dir: tempfile::TempDir,
    pub db_args: DbArgs,
}

impl TestApp {
    pub fn state(&self) -> &intercoop::state::AppState {
        &self.running.as_ref().expect("running").state
    }

    pub fn db(&self) -> &intercoop::db::Db {
        &self.state().db
    }

    /// Runs `work` on the server's clock (as its requests and jobs do).
    pub async fn at_server_time<F: std::future::Future>(&self, work: F) -> F::Output {
        intercoop::clock::scoped(self.clock.clone(), work).await
    }

    /// Runs the digest hour (17:00) of every network now, as its daily job does: the
    /// features' daily notices (the share changes), then the digests; how many share
    /// digests and digests it enqueued.
    pub async fn share_digest(&self) -> usize {
        use intercoop::entities::{network, outbox_message};
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        // Only the emails of the digest hour: the server's own worker may be sending others.
        let count = || async {
            outbox_message::Entity::find()
                .filter(outbox_message::Column::Kind.is_in(["share_digest", "digest"]))
                .count(&self.db().read)
                .await
                .unwrap()
        };
        let before = count().await;
        let txn = self.db().write.begin().await.unwrap();
        let base = self.state().config.base_url.clone();
        let audiences = intercoop::app::audiences();
        for n in network::Entity::find().all(&txn).await.unwrap() {
            self.at_server_time(async {
                intercoop::notifications::digest::daily_notices(&txn, &base, n.id, &audiences).await?;
                intercoop::notifications::digest::send_digests(&txn, &base, n.id, &audiences).await
            })
            .await
            .unwrap();
        }
        txn.commit().await.unwrap();
        self.state().mail_wakeup.notify_one();
        (count().await - before) as usize
    }

    /// A job of `network` that failed for good (for the jobs page and its API), its id.
    pub async fn failed_job(&self, network: i64) -> i64 {
        use intercoop::entities::job;
        use sea_orm::{ActiveModelTrait, Set};
        let now = time::OffsetDateTime::now_utc();
        job::ActiveModel {
            kind: Set("proposals.close_campaign".into()),
            payload: Set(r#"{"campaign_id":0}"#.into()),
            network_id: Set(Some(network)),
            unique_key: Set(None),
            run_at: Set(now),
            status: Set(intercoop::jobs::JobStatus::Failed.into()),
            attempts: Set(8),
            max_attempts: Set(8),
            locked_by: Set(None),
            locked_until: Set(None),
            last_error: Set(Some("the bank is down".into())),
            created_at: Set(now),
            updated_at: Set(now),
            finished_at: Set(Some(now)),
            ..Default::default()
        }
        .insert(&self.db().write)
        .await
        .unwrap()
        .id
    }

    /// Runs the jobs due at the server's time (beside its own worker), then waits until
    /// none is due or running.
    pub async fn run_jobs(&self) {
        let worker = &self.running.as_ref().expect("running").jobs;
        while self.at_server_time(worker.run_once()).await.unwrap() > 0 {}
        self.settle_jobs().await;
    }

    /// Waits until no job is due or running at the server's time (bounded).
    pub async fn settle_jobs(&self) {
        use intercoop::entities::job;
        // Settled when seen idle twice in a row, a moment apart: a job's follow-up (the
        // email a notice job makes) must not slip between two looks.
        let mut idle = 0;
        for _ in 0..400 {
            let now = self.at_server_time(async { intercoop::clock::now() }).await;
            // Compared here, not in SQL: SQLite keeps instants as RFC 3339 text whose
            // fraction has as many digits as it needs ("…:05.12Z", "…:05.123456Z"), so
            // comparing the text can put a due job after `now` for up to a second.
            let jobs = job::Entity::find()
                .filter(job::Column::Status.is_in(["pending", "running", "failed"]))
                .all(&self.db().read)
                .await
                .unwrap();
            let busy = jobs.iter().any(|j| {
                j.status == intercoop::jobs::JobStatus::Running
                    || (j.status == intercoop::jobs::JobStatus::Pending && j.run_at <= now)
            });
            if busy {
                idle = 0;
            } else {
                idle += 1;
            }
            if idle == 2 {
                // A job waiting for a retry is not run here, and a failed one is over:
                // say so, for a test that then misses what it would have done.
                for j in jobs.iter().filter(|j| j.last_error.is_some()) {
                    eprintln!(
                        "settle_jobs: job {} ({}) is {} (next run {}) after: {}",
                        j.id,
                        j.kind,
                        j.status.as_str(),
                        j.run_at,
                        j.last_error.as_deref().unwrap_or_default()
                    );
                }
                return;
            }
            self.state().jobs_wakeup.notify_one();
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        panic!("the job queue did not settle");
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A browser-like client: keeps cookies, does not follow redirects.
    pub fn client(&self) -> Client {
        Client::new(&self.base)
    }

    /// A browser-like client connecting from another loopback address (`127.0.0.2`…):
    /// another client, as the server sees it.
    pub fn client_from(&self, local: &str) -> Client {
        let jar = Arc::new(Jar::default());
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("accept-language", "en".parse().unwrap());
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .local_address(local.parse::<std::net::IpAddr>().unwrap())
            .build()
            .unwrap();
        Client {
            http,
            jar,
            base: self.base.clone(),
        }
    }

    /// A client for the API with a bearer token.
    pub fn api(&self, token: &str) -> Api {
        Api {
            http: reqwest::Client::new(),
            base: self.base.clone(),
            token: token.to_string(),
        }
    }

    /// Creates (or finds) a person in the first network, optionally in an organisation.
    pub async fn person(&self, email: &str, name: &str, org: Option<i64>, representative: bool, admin: bool) -> i64 {
        let yes = |b: bool| if b { "true".to_string() } else { String::new() };
        let inv = InviteInput {
            email: email.into(),
            name: name.into(),
            organisation_id: org.map(|o| o.to_string()).unwrap_or_default(),
            representative: yes(representative),
            admin: yes(admin),
            ..Default::default()
        }
        .validate()
        .unwrap();
        let txn = self.db().write.begin().await.unwrap();
        let id = intercoop::people::data::ensure_person(&txn, Actor::SYSTEM, self.network_id().await, &inv)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        self.state().auth_cache.clear();
        id
    }

    pub async fn network_id(&self) -> i64 {
        use intercoop::entities::network;
        network::Entity::find()
            .order_by_asc(network::Column::Id)
            .one(&self.db().read)
            .await
            .unwrap()
            .unwrap()
            .id
    }

    /// An API token for a person (in their first network).
    pub async fn token_for(&self, person_id: i64) -> String {
        let network = auth::network_for_person(self.db(), person_id, None)
            .await
            .unwrap()
            .unwrap();
        auth::create_api_token(&self.db().write, person_id, network, "test")
            .await
            .unwrap()
    }

    /// A confirmed application to `network` from the organisation `name` (its contact
    /// `email`), waiting for the review, written as the form and its confirmation leave
    /// it, made and confirmed at `at`: its id.
    pub async fn pending_application(&self, network: i64, name: &str, email: &str, at: time::OffsetDateTime) -> i64 {
        use intercoop::joining::entities::application;
        use sea_orm::{ActiveModelTrait, Set};
        application::ActiveModel {
            network_id: Set(network),
            status: Set("pending".into()),
            open_key: Set(Some(intercoop_domain::joining::open_key(email, name))),
            org_kind: Set("user".into()),
            org_name: Set(name.into()),
            country: Set("BE".into()),
            city: Set("Liège".into()),
            company_number: Set(String::new()),
            size: Set(Some(10)),
            website: Set(String::new()),
            software: Set("Odoo".into()),
            contact_name: Set("Zoe Applicant".into()),
            contact_email: Set(email.into()),
            contact_language: Set("en".into()),
            person_id: Set(None),
            level: Set("active".into()),
            motivation: Set("To share.".into()),
            charter_page_id: Set(None),
            charter_revision: Set(None),
            confirm_hash: Set(None),
            confirmed_at: Set(Some(at)),
            organisation_id: Set(None),
            decided_by: Set(None),
            decided_at: Set(None),
            decision_note: Set(String::new()),
            sponsorship_basis_points: Set(0),
            poll_id: Set(None),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        }
        .insert(&self.db().write)
        .await
        .unwrap()
        .id
    }

    /// An administrator and their API token.
    pub async fn admin_token(&self) -> String {
        let id = self.person("admin@test.example", "Ada Admin", None, false, true).await;
        self.token_for(id).await
    }

    /// The administrator of a second network of the same install, and their API token.
    pub async fn other_network_admin(&self) -> Api {
        self.other_network_admin_in("Europe/Brussels").await.1
    }

    /// A second network in a time zone, its id and its administrator's API.
    pub async fn other_network_admin_in(&self, time_zone: &str) -> (i64, Api) {
        let txn = self.db().write.begin().await.unwrap();
        let network = intercoop::networks::create(&txn, "other", "Other network", "", "en", time_zone, "EUR")
            .await
            .unwrap();
        let inv = InviteInput {
            email: "other-admin@test.example".into(),
            name: "Otto Other".into(),
            admin: "true".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        let person = intercoop::people::data::ensure_person(&txn, Actor::SYSTEM, network, &inv)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        let token = auth::create_api_token(&self.db().write, person, network, "test")
            .await
            .unwrap();
        (network, self.api(&token))
    }

    /// A second network (`slug`) whose administrator is the person of `email` (the same
    /// person when they exist already: one person in two networks), its id and their
    /// API with a token of that network.
    pub async fn network_with_admin(&self, slug: &str, email: &str) -> (i64, Api) {
        let txn = self.db().write.begin().await.unwrap();
        let network = intercoop::networks::create(&txn, slug, "Second network", "", "en", "Europe/Brussels", "EUR")
            .await
            .unwrap();
        let inv = InviteInput {
            email: email.into(),
            name: "Twice Admin".into(),
            admin: "true".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        let person = intercoop::people::data::ensure_person(&txn, Actor::SYSTEM, network, &inv)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        self.state().auth_cache.clear();
        let token = auth::create_api_token(&self.db().write, person, network, "test")
            .await
            .unwrap();
        (network, self.api(&token))
    }

    /// Creates an organisation through the API as the administrator.
    pub async fn organisation(&self, admin: &Api, name: &str, kind: &str, size: Option<i64>) -> i64 {
        let mut body = serde_json::json!({"name": name, "kind": kind});
        if let Some(s) = size {
            body["size"] = s.into();
        }
        let r = admin.post("/api/v1/organisations", &body).await;
        assert_eq!(r.status(), 201, "{:?}", r.text().await);
        r.json::<serde_json::Value>().await.unwrap()["id"].as_i64().unwrap()
    }

    /// Every message in the outbox for an address, oldest first (once the jobs that
    /// make messages have run).
    pub async fn mails_to(&self, address: &str) -> Vec<outbox_message::Model> {
        if self.running.as_ref().is_some_and(|r| r.state.config.run_worker) {
            self.settle_jobs().await;
        }
        outbox_message::Entity::find()
            .filter(outbox_message::Column::ToAddress.eq(address))
            .order_by_asc(outbox_message::Column::Id)
            .all(&self.db().read)
            .await
            .unwrap()
    }

    /// The path of the last link (`/login/link/…` or `/password/reset/…`) mailed to an address.
    pub async fn last_link(&self, address: &str) -> String {
        // Links are sent by a job (`accounts::links`): a server without a worker runs it
        // here, and it alone (a test of deadlines runs the others when it means to).
        if self.running.as_ref().is_some_and(|r| !r.state.config.run_worker) {
            self.send_links().await;
        }
        let mails = self.mails_to(address).await;
        let links = [
            format!("{}/login/link/", self.base),
            format!("{}/password/reset/", self.base),
        ];
        let (mail, start) = mails
            .iter()
            .rev()
            .find_map(|m| links.iter().find_map(|l| m.text_body.find(l.as_str())).map(|s| (m, s)))
            .unwrap_or_else(|| panic!("no login or reset link mailed to {address}"));
        let rest = &mail.text_body[start + self.base.len()..];
        rest.split_whitespace().next().unwrap().to_string()
    }

    /// Runs the pending link jobs (`accounts::links::SEND`) and no other, claimed as the
    /// worker claims a job.
    async fn send_links(&self) {
        use intercoop::entities::job;
        use sea_orm::sea_query::{Expr, ExprTrait};
        let worker = &self.running.as_ref().expect("running").jobs;
        let pending = job::Entity::find()
            .filter(job::Column::Kind.eq(intercoop::accounts::links::SEND))
            .filter(job::Column::Status.eq("pending"))
            .all(&self.db().read)
            .await
            .unwrap();
        for j in pending {
            let now = self.at_server_time(async { intercoop::clock::now() }).await;
            let claimed = job::Entity::update_many()
                .col_expr(job::Column::Status, Expr::val("running"))
                .col_expr(job::Column::LockedBy, Expr::val(Some("test/links")))
                .col_expr(
                    job::Column::LockedUntil,
                    Expr::val(Some(now + time::Duration::minutes(1))),
                )
                .col_expr(job::Column::Attempts, Expr::col(job::Column::Attempts).add(1))
                .filter(job::Column::Id.eq(j.id))
                .filter(job::Column::Status.eq("pending"))
                .exec(&self.db().write)
                .await
                .unwrap();
            if claimed.rows_affected == 1 {
                let j = job::Entity::find_by_id(j.id)
                    .one(&self.db().read)
                    .await
                    .unwrap()
                    .unwrap();
                self.at_server_time(worker.execute(j)).await;
            }
        }
    }

    /// Logs a client in through a magic link sent by email.
    pub async fn login(&self, client: &Client, email: &str) {
        let r = client.form("/login", &[("email", email), ("method", "link")]).await;
        assert_eq!(r.status(), 200);
        let link = self.last_link(email).await;
        let r = client.use_link(&link).await;
        assert_eq!(r.status(), 303, "following {link}");
    }

    /// Waits until the workers have made and sent every pending message (bounded).
    pub async fn drain_outbox(&self) {
        self.settle_jobs().await;
        for _ in 0..200 {
            let pending = outbox_message::Entity::find()
                .filter(outbox_message::Column::Status.is_in(["pending", "sending"]))
                .all(&self.db().read)
                .await
                .unwrap();
            if pending.is_empty() {
                return;
            }
            self.state().mail_wakeup.notify_one();
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        panic!("the outbox did not drain");
    }

    pub async fn stop(mut self) {
        if let Some(r) = self.running.take() {
            r.stop().await;
        }
    }
}

pub struct Client {
    pub http: reqwest::Client,
    pub jar: Arc<Jar>,
    pub base: String,
}

impl Client {
    /// A browser-like client of a server started elsewhere (another process).
    pub fn new(base: &str) -> Client {
        let jar = Arc::new(Jar::default());
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("accept-language", "en".parse().unwrap());
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Client {
            http,
            jar,
            base: base.to_string(),
        }
    }

    /// Follows an emailed login or invitation link as a person does: opening it shows a
    /// button and uses nothing (200); the button uses it. Returns the button's answer.
    pub async fn use_link(&self, link: &str) -> reqwest::Response {
        let r = self.get(link).await;
        let status = r.status();
        let page = r.text().await.unwrap();
        assert_eq!(status, 200, "opening {link}: {page}");
        let path = link.split('?').next().unwrap_or(link);
        assert!(page.contains(&format!("action=\"{path}\"")), "{page}");
        let next = link
            .split_once("?next=")
            .map(|(_, n)| urlencoding_decode(n))
            .unwrap_or_default();
        self.form(path, &[("next", next.as_str())]).await
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http.get(format!("{}{}", self.base, path)).send().await.unwrap()
    }

    /// GET, following redirects within the site; returns the final response.
    pub async fn get_follow(&self, path: &str) -> reqwest::Response {
        let mut path = path.to_string();
        for _ in 0..5 {
            let r = self.get(&path).await;
            if r.status().is_redirection() {
                path = r.headers()["location"].to_str().unwrap().to_string();
                continue;
            }
            return r;
        }
        panic!("too many redirects");
    }

    pub async fn text(&self, path: &str) -> String {
        self.get_follow(path).await.text().await.unwrap()
    }

    /// The CSRF cookie of this client (visiting the home page first if needed).
    pub async fn csrf(&self) -> String {
        let url = reqwest::Url::parse(&self.base).unwrap();
        let find = |jar: &Jar| {
            jar.cookies(&url).and_then(|h| {
                h.to_str().ok().and_then(|s| {
                    s.split("; ")
                        .find_map(|kv| kv.strip_prefix("ic_csrf=").map(str::to_string))
                })
            })
        };
        if let Some(c) = find(&self.jar) {
            return c;
        }
        self.get("/login").await;
        find(&self.jar).expect("a CSRF cookie")
    }

    /// POSTs a form with the CSRF token, as a browser on this site would.
    pub async fn form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let csrf = self.csrf().await;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("_csrf", &csrf));
        self.http
            .post(format!("{}{}", self.base, path))
            .header("origin", &self.base)
            .form(&all)
            .send()
            .await
            .unwrap()
    }
}

pub struct Api {
    pub http: reqwest::Client,
    pub base: String,
    pub token: String,
}

impl Api {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{}", self.base, path))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap()
    }

    pub async fn post(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.http
            .post(format!("{}{}", self.base, path))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    /// POSTs a body as it is (a bank statement file).
    pub async fn post_raw(&self, path: &str, body: &str) -> reqwest::Response {
        self.http
            .post(format!("{}{}", self.base, path))
            .bearer_auth(&self.token)
            .header("content-type", "application/octet-stream")
            .body(body.to_string())
            .send()
            .await
            .unwrap()
    }

    pub async fn post_with_key(&self, path: &str, body: &serde_json::Value, key: &str) -> reqwest::Response {
        self.http
            .post(format!("{}{}", self.base, path))
            .bearer_auth(&self.token)
            .header("idempotency-key", key)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn patch(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.http
            .patch(format!("{}{}", self.base, path))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn put(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.http
            .put(format!("{}{}", self.base, path))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn delete(&self, path: &str) -> reqwest::Response {
        self.http
            .delete(format!("{}{}", self.base, path))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap()
    }

    pub async fn json(&self, path: &str) -> serde_json::Value {
        let r = self.get(path).await;
        assert_eq!(r.status(), 200, "GET {path}");
        r.json().await.unwrap()
    }
}

fn serve_args(db: DbArgs, smtp_url: Option<String>) -> ServeArgs {
    ServeArgs {
        db,
        bind: "127.0.0.1:0".into(),
        base_url: None,
        smtp_url,
        mail_from: "intercoop <noreply@test.example>".into(),
        log_json: false,
        no_worker: false,
        worker_interval_ms: 20,
        job_lease_seconds: 30,
        fault_job_pause: None,
        fault_request_pause: None,
        trusted_proxies: Vec::new(),
        session_idle_days: 30,
        session_max_days: 90,
        api_token_days: 90,
        lists_domain: Some("lists.test.example".into()),
        inbound_smtp: None,
    }
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_with(backend, None).await.expect("PostgreSQL test server")
}

/// A server on PostgreSQL, or None (test skipped) when no server is configured.
/// In CI (`CI` set) a missing PostgreSQL is an error, not a skip.
pub async fn spawn_postgres() -> Option<TestApp> {
    if std::env::var("TEST_DATABASE_URL").is_err() {
        if std::env::var("CI").is_ok() {
            panic!("TEST_DATABASE_URL must point at PostgreSQL in CI");
        }
        eprintln!("skipped: set TEST_DATABASE_URL to run on PostgreSQL");
        return None;
    }
    spawn_with(Backend::Postgres, None).await
}

/// A fresh PostgreSQL database for tests that start `intercoop` processes themselves,
/// or None (skipped outside CI) when no server is configured.
pub async fn postgres_for_processes() -> Option<String> {
    if std::env::var("TEST_DATABASE_URL").is_err() {
        if std::env::var("CI").is_ok() {
            panic!("TEST_DATABASE_URL must point at PostgreSQL in CI");
        }
        eprintln!("skipped: set TEST_DATABASE_URL to run on PostgreSQL");
        return None;
    }
    fresh_postgres_database().await
}

/// A server without the outbox worker and scheduled jobs, whose database sees only
/// the requests of the test (for counting queries).
pub async fn spawn_quiet(backend: Backend) -> Option<TestApp> {
    spawn_inner(backend, None, true).await
}

pub async fn spawn_with(backend: Backend, smtp_url: Option<String>) -> Option<TestApp> {
    spawn_inner(backend, smtp_url, false).await
}

/// A server whose settings the test changes (`--trusted-proxies`, `--base-url`…), or
/// None on PostgreSQL when no server is configured.
pub async fn spawn_configured(backend: Backend, configure: impl FnOnce(&mut ServeArgs)) -> Option<TestApp> {
    spawn_full(backend, None, false, configure).await
}

async fn spawn_inner(backend: Backend, smtp_url: Option<String>, no_worker: bool) -> Option<TestApp> {
    spawn_full(backend, smtp_url, no_worker, |_| {}).await
}

async fn spawn_full(
    backend: Backend,
    smtp_url: Option<String>,
    no_worker: bool,
    configure: impl FnOnce(&mut ServeArgs),
) -> Option<TestApp> {
    if backend == Backend::Postgres && std::env::var("TEST_DATABASE_URL").is_err() {
        return None;
    }
    let data_dir = tempfile::tempdir().unwrap();
    let database_url = match backend {
        Backend::Sqlite => None,
        Backend::Postgres => Some(fresh_postgres_database().await?),
    };
    let db_args = DbArgs {
        data_dir: data_dir.path().to_path_buf(),
        database_url,
        sqlite_sync: SqliteSync::Normal,
        db_connections: None,
    };
    intercoop::cli::ensure_install(&db_args).await.unwrap();
    let mut args = serve_args(db_args.clone(), smtp_url);
    args.no_worker = no_worker;
    configure(&mut args);
    let clock = Arc::new(intercoop::clock::ManualClock::new());
    let running = server::start_with_clock(&args, clock.clone()).await.unwrap();
    let base = running.state.config.base_url.clone();
    Some(TestApp {
        running: Some(running),
        clock,
        base,
        backend,
        data_dir,
        db_args,
    })
}

/// Creates an empty database on the test PostgreSQL server and returns its URL.
pub async fn fresh_postgres_database() -> Option<String> {
    let admin_url = std::env::var("TEST_DATABASE_URL").ok()?;
    let name = format!(
        "intercoop_test_{}",
        &auth::tokens::new_token("").to_lowercase().replace(['-', '_'], "")[..16]
    );
    let admin = sea_orm::Database::connect(&admin_url)
        .await
        .expect("connect to TEST_DATABASE_URL");
    use sea_orm::ConnectionTrait;
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    admin.close().await.ok();
    let mut url = url::Url::parse(&admin_url).unwrap();
    url.set_path(&format!("/{name}"));
    Some(url.to_string())
}

/// Opens a proposal's co-funding campaign through the API (201 expected).
pub async fn open(admin: &Api, id: i64, body: serde_json::Value) -> serde_json::Value {
    let r = admin.post(&format!("/api/v1/proposals/{id}/campaign"), &body).await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    r.json().await.unwrap()
}

/// Pledges an organisation to a proposal's open campaign through the API (201 expected).
pub async fn pledge_ok(api: &Api, id: i64, org: i64) -> serde_json::Value {
    let r = api
        .post(
            &format!("/api/v1/proposals/{id}/pledges"),
            &serde_json::json!({"organisation_id": org}),
        )
        .await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    r.json().await.unwrap()
}

/// The (organisation, cents) lines of a `shares` answer, by organisation.
pub fn amounts(shares: &serde_json::Value) -> Vec<(i64, i64)> {
    let mut v: Vec<(i64, i64)> = shares["shares"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["organisation_id"].as_i64().unwrap(),
                s["amount_cents"].as_i64().unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// Real `intercoop` processes, for the tests that kill one (`SIGKILL`) or run the
/// command line beside one.
pub mod process {
    use std::io::BufRead;
    use std::process::{Child, Command, Stdio};
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    pub const BIN: &str = env!("CARGO_BIN_EXE_intercoop");

    /// A running `intercoop serve`, killed (SIGKILL) when dropped.
    pub struct Server {
        child: Child,
        pub base: String,
        log: mpsc::Receiver<String>,
    }

    impl Drop for Server {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    impl Server {
        /// Waits (bounded) for a line of its log containing `text`.
        pub fn wait_for_log(&self, text: &str) {
            let end = Instant::now() + Duration::from_secs(20);
            while let Some(left) = end.checked_duration_since(Instant::now()) {
                match self.log.recv_timeout(left) {
                    Ok(line) if line.contains(text) => return,
                    Ok(_) => {}
                    Err(_) => break,
                }
            }
            panic!("the server never logged {text:?}");
        }

        /// Kills it as a crash would (SIGKILL), and waits until it is gone.
        pub fn kill(self) {
            drop(self);
        }
    }

    fn free_port() -> u16 {
        std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    }

    /// `--data-dir` and, for PostgreSQL, `--database-url`.
    pub fn db_args(data_dir: &std::path::Path, url: Option<&str>) -> Vec<String> {
        let mut args = vec!["--data-dir".to_string(), data_dir.display().to_string()];
        if let Some(url) = url {
            args.extend(["--database-url".to_string(), url.to_string()]);
        }
        args
    }

    /// Runs a command of the command line; (success, stdout, stderr).
    pub fn cli(data_dir: &std::path::Path, url: Option<&str>, args: &[&str]) -> (bool, String, String) {
        let out = Command::new(BIN)
            .args(args)
            .args(db_args(data_dir, url))
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

    /// An administrator made with the command line, and their API token.
    pub fn admin_token(data_dir: &std::path::Path, url: Option<&str>) -> String {
        let (ok, _, err) = cli(
            data_dir,
            url,
            &["user", "create", "ada@test.example", "--name", "Ada", "--admin"],
        );
        assert!(ok, "{err}");
        let (ok, out, err) = cli(data_dir, url, &["token", "create", "ada@test.example"]);
        assert!(ok, "{err}");
        out.trim().to_string()
    }

    /// Starts `intercoop serve` (with the given environment) and waits until it is ready.
    pub async fn serve(data_dir: &std::path::Path, url: Option<&str>, env: &[(&str, &str)]) -> Server {
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");
        let mut child = Command::new(BIN)
            .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--base-url", &base])
            .args(db_args(data_dir, url))
            .env("INTERCOOP_WORKER_INTERVAL_MS", "20")
            .env_remove("DATABASE_URL")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().expect("piped stderr");
        let (tx, log) = mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let server = Server { child, base, log };
        for _ in 0..400 {
            if let Ok(r) = reqwest::get(format!("{}/readyz", server.base)).await
                && r.status() == 200
            {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("intercoop did not become ready");
    }
}

/// A query value decoded (`%2F` → `/`).
pub fn urlencoding_decode(v: &str) -> String {
    form_urlencoded::parse(format!("v={v}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

// Money tests' helpers (money.rs, reserves.rs, reserve_changes.rs).

/// An answer's status and body (JSON, or the text as a JSON string).
pub async fn status_and_json(r: reqwest::Response) -> (u16, serde_json::Value) {
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
    )
}

/// The codes of a problem's field errors.
pub fn codes(problem: &serde_json::Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| a.iter().map(|e| e["code"].as_str().unwrap_or("").to_string()).collect())
        .unwrap_or_default()
}

/// Asks the month's provisions now, as the daily job does; how many requests.
pub async fn bill(app: &TestApp) -> usize {
    let network = app.network_id().await;
    let txn = sea_orm::TransactionTrait::begin(&app.db().write).await.unwrap();
    let made = app
        .at_server_time(intercoop::money::reserves::bill_network(&txn, network))
        .await
        .unwrap();
    txn.commit().await.unwrap();
    app.run_jobs().await;
    made
}
