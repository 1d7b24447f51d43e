//! What an attacker tries, through the running server, on SQLite and PostgreSQL
//! (issue 20): expensive work before any check, lock-outs, redirects off the site,
//! account takeovers, numbers from the URL, timing that tells who has an account,
//! names that lie.

mod common;

use common::TestApp;
use futures_util::future::join_all;

// ------------------------------------------------------------ expensive work first

both_backends!(
    bogus_resets_never_hash_and_hashing_is_bounded,
    |app: TestApp| async move {
        let c = app.client();
        c.csrf().await;
        let hasher = app.state().passwords.clone();
        let before = hasher.stats();
        // Thirty resets at once with made-up tokens: each answered without any argon2 work.
        let answers = join_all((0..30).map(|i| {
            let c = &c;
            async move {
                let path = format!("/password/reset/l_bogus-{i}");
                c.form(
                    &path,
                    &[("password", "a long enough pass"), ("confirm", "a long enough pass")],
                )
                .await
                .status()
                .as_u16()
            }
        }))
        .await;
        assert!(answers.iter().all(|s| *s == 404), "{answers:?}");
        assert_eq!(
            hasher.stats().started,
            before.started,
            "a bogus reset hashed a password"
        );

        // Password logins at once (unknown addresses: each is checked against a dummy hash,
        // so that timing tells nothing): they all run, never more than the permits at once.
        let answers = join_all((0..8).map(|i| {
            let c = &c;
            async move {
                let email = format!("nobody-{i}@test.example");
                c.form(
                    "/login",
                    &[
                        ("email", &email),
                        ("password", "a wrong password"),
                        ("method", "password"),
                    ],
                )
                .await
                .status()
                .as_u16()
            }
        }))
        .await;
        assert!(answers.iter().all(|s| *s == 422), "{answers:?}");
        let after = hasher.stats();
        assert_eq!(after.started, before.started + 8);
        assert!(
            after.peak <= hasher.permits() && hasher.permits() <= 4,
            "{} hashes at once, {} permits",
            after.peak,
            hasher.permits()
        );
        app.stop().await;
    }
);

// ------------------------------------------------------------ nobody locked out

/// Gives a person a password, as a reset would.
async fn set_password(app: &TestApp, email: &str, password: &str) {
    use intercoop::entities::person;
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let hash = intercoop::auth::password::hash(password.into()).await.unwrap();
    person::Entity::update_many()
        .col_expr(person::Column::PasswordHash, Expr::val(Some(hash)))
        .filter(person::Column::Email.eq(email))
        .exec(&app.db().write)
        .await
        .unwrap();
}

async fn password_login(c: &common::Client, email: &str, password: &str) -> u16 {
    c.form(
        "/login",
        &[("email", email), ("password", password), ("method", "password")],
    )
    .await
    .status()
    .as_u16()
}

/// A password login that writes its own `X-Forwarded-For`.
async fn password_login_via(c: &common::Client, email: &str, forwarded_for: &str) -> u16 {
    let csrf = c.csrf().await;
    c.http
        .post(format!("{}/login", c.base))
        .header("origin", &c.base)
        .header("x-forwarded-for", forwarded_for)
        .form(&[
            ("email", email),
            ("password", "a wrong password"),
            ("method", "password"),
            ("_csrf", &csrf),
        ])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

both_backends!(
    failed_logins_lock_out_neither_others_nor_the_owners_link,
    |app: TestApp| async move {
        app.person("victim@test.example", "Vic Tim", None, false, false).await;
        app.person("other@test.example", "Oth Er", None, false, false).await;
        set_password(&app, "victim@test.example", "the victim's secret").await;
        set_password(&app, "other@test.example", "the other's secret").await;

        // Someone guesses the victim's password: after the account's burst, 429.
        let attacker = app.client_from("127.0.0.2");
        let mut answers = Vec::new();
        for _ in 0..12 {
            answers.push(password_login(&attacker, "victim@test.example", "a wrong guess").await);
        }
        assert_eq!(answers[..10], [422; 10], "{answers:?}");
        assert_eq!(answers[10..], [429; 2], "{answers:?}");

        // Another person, from elsewhere, is not locked out by that.
        let other = app.client_from("127.0.0.3");
        assert_eq!(
            password_login(&other, "other@test.example", "the other's secret").await,
            303
        );

        // The owner still gets a magic link (even from the attacker's address), and it works.
        for owner in [app.client_from("127.0.0.4"), attacker] {
            let r = owner
                .form("/login", &[("email", "victim@test.example"), ("method", "link")])
                .await;
            assert_eq!(r.status(), 200);
            let link = app.last_link("victim@test.example").await;
            assert_eq!(owner.get(&link).await.status(), 303);
        }

        // A client that writes a new X-Forwarded-For each time is still one address: after
        // the address's burst, 429, whatever accounts it tries.
        let sprayer = app.client_from("127.0.0.5");
        let mut answers = Vec::new();
        for i in 0..32 {
            let email = format!("spray-{i}@test.example");
            answers.push(password_login_via(&sprayer, &email, &format!("198.51.100.{i}")).await);
        }
        assert_eq!(answers[..30], [422; 30], "{answers:?}");
        assert_eq!(answers[30..], [429; 2], "{answers:?}");
        app.stop().await;
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_each_client_has_its_own_bucket() {
    let app = common::spawn_configured(common::Backend::Sqlite, |args| {
        args.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
    })
    .await
    .unwrap();
    // The proxy (127.0.0.1) forwards one client's attempts, then another's.
    let proxy = app.client();
    for i in 0..30 {
        let email = format!("a-{i}@test.example");
        assert_eq!(password_login_via(&proxy, &email, "6.6.6.6, 203.0.113.7").await, 422);
    }
    assert_eq!(password_login_via(&proxy, "a-x@test.example", "203.0.113.7").await, 429);
    assert_eq!(password_login_via(&proxy, "a-y@test.example", "203.0.113.8").await, 422);
    // The header of a client that is not a trusted proxy is ignored.
    let direct = app.client_from("127.0.0.9");
    for i in 0..30 {
        let email = format!("b-{i}@test.example");
        assert_eq!(password_login_via(&direct, &email, &format!("192.0.2.{i}")).await, 422);
    }
    assert_eq!(
        password_login_via(&direct, "b-x@test.example", "192.0.2.200").await,
        429
    );
    app.stop().await;
}

// ------------------------------------------------------------ redirects stay here

/// What `next` may hold to send a browser elsewhere (each as the server receives it,
/// after the query's own decoding).
const OFF_SITE: [&str; 17] = [
    "//evil.example/phish",
    "///evil.example/phish",
    "/\\evil.example/phish",
    "\\/evil.example/phish",
    "/\t/evil.example/phish",
    "/\n/evil.example/phish",
    "/\r\n/evil.example/phish",
    " //evil.example/phish",
    "\t//evil.example/phish",
    "/.//evil.example/phish",
    "/..//evil.example/phish",
    "/\\\\evil.example/phish",
    "https://evil.example/phish",
    "https:evil.example/phish",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/%2F%2Fevil.example/phish",
];

/// Where a browser goes when it follows the redirect: on this site, whatever `next` was.
fn assert_stays(app: &TestApp, r: &reqwest::Response, what: &str) {
    assert!(r.status().is_redirection(), "{what}: {}", r.status());
    let location = String::from_utf8_lossy(r.headers()["location"].as_bytes()).to_string();
    let base = url::Url::parse(&app.base).unwrap();
    let target = base.join(&location).unwrap();
    assert_eq!(
        target.origin(),
        base.origin(),
        "{what}: Location {location:?} leads to {target}"
    );
    assert!(
        location.starts_with('/') && !location.starts_with("//"),
        "{what}: {location:?}"
    );
}

both_backends!(redirects_never_leave_the_site, |app: TestApp| async move {
    let query = |next: &str| {
        form_urlencoded::Serializer::new(String::new())
            .append_pair("next", next)
            .finish()
    };
    for (i, next) in OFF_SITE.iter().enumerate() {
        // In the login email: the link asked with `next` leads back here.
        let email = format!("r{i}@test.example");
        app.person(&email, "Red Irect", None, false, false).await;
        let c = app.client();
        let r = c
            .form("/login", &[("email", &email), ("method", "link"), ("next", next)])
            .await;
        assert_eq!(r.status(), 200);
        let link = app.last_link(&email).await;
        let r = c.get(&link).await;
        assert_stays(&app, &r, &format!("the emailed link for {next:?} ({link})"));
        // A logged-in visitor sent to the login page.
        let r = c.get(&format!("/login?{}", query(next))).await;
        assert_stays(&app, &r, &format!("/login?next={next:?}"));
        // A link with its own `next` (as an attacker would craft it).
        let c = app.client();
        c.form("/login", &[("email", &email), ("method", "link")]).await;
        let link = app.last_link(&email).await;
        let r = c.get(&format!("{link}?{}", query(next))).await;
        assert_stays(&app, &r, &format!("a link with next={next:?}"));
        // The language switcher.
        let r = c.form("/language", &[("lang", "fr"), ("next", next)]).await;
        assert_stays(&app, &r, &format!("/language with next={next:?}"));
    }
    // A path of the site is followed, normalised.
    let c = app.client();
    let r = c
        .form("/language", &[("lang", "en"), ("next", "/proposals?page=2")])
        .await;
    assert_eq!(r.headers()["location"], "/proposals?page=2");
    app.stop().await;
});

// ------------------------------------------------------------ timing tells nothing

/// How many rows each table holds.
async fn row_counts(app: &TestApp) -> std::collections::BTreeMap<String, i64> {
    use sea_orm::{ConnectionTrait, DbBackend, Statement};
    let db = &app.db().write;
    let backend = db.get_database_backend();
    let tables_sql = match backend {
        DbBackend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        _ => "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()",
    };
    let mut counts = std::collections::BTreeMap::new();
    for row in db
        .query_all_raw(Statement::from_string(backend, tables_sql))
        .await
        .unwrap()
    {
        let table: String = row.try_get("", "name").unwrap();
        let sql = format!("SELECT COUNT(*) AS n FROM \"{table}\"");
        let n: i64 = db
            .query_one_raw(Statement::from_string(backend, sql))
            .await
            .unwrap()
            .unwrap()
            .try_get("", "n")
            .unwrap();
        counts.insert(table, n);
    }
    counts
}

/// The tables a request added rows to (or removed from), and how many.
async fn rows_written_by(app: &TestApp, request: impl std::future::Future<Output = u16>) -> Vec<(String, i64)> {
    let before = row_counts(app).await;
    assert_eq!(request.await, 200);
    let after = row_counts(app).await;
    after
        .iter()
        .filter_map(|(t, n)| {
            let d = n - before.get(t).copied().unwrap_or(0);
            (d != 0).then(|| (t.clone(), d))
        })
        .collect()
}

/// The kinds of the jobs waiting, in order.
async fn pending_job_kinds(app: &TestApp) -> Vec<String> {
    use intercoop::entities::job;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    job::Entity::find()
        .filter(job::Column::Status.eq("pending"))
        .order_by_asc(job::Column::Id)
        .all(&app.db().read)
        .await
        .unwrap()
        .into_iter()
        .map(|j| j.kind)
        .collect()
}

/// Asking for a link (login, reset) writes the same rows whether the address has an
/// account or not — one job — so that neither the answer nor its time tells; the job
/// then sends the link, or nothing.
async fn link_requests_do_the_same_work(app: TestApp) {
    app.person("known@test.example", "Known Person", None, false, false)
        .await;
    let c = app.client();
    c.csrf().await;
    for (path, method) in [("/login", Some("link")), ("/password/forgot", None)] {
        let mut written = Vec::new();
        for email in ["known@test.example", "unknown@test.example"] {
            let mut fields = vec![("email", email)];
            if let Some(m) = method {
                fields.push(("method", m));
            }
            let jobs_before = pending_job_kinds(&app).await;
            let rows = rows_written_by(&app, async { c.form(path, &fields).await.status().as_u16() }).await;
            let jobs_after = pending_job_kinds(&app).await;
            let new_jobs = jobs_after[jobs_before.len()..].to_vec();
            written.push((rows, new_jobs));
        }
        assert_eq!(written[0], written[1], "{path}: known address, then unknown one");
        assert_eq!(written[0].0, vec![("jobs".to_string(), 1)], "{path}");
    }
    // The jobs then send the links to the known address, and nothing to the other one.
    app.run_jobs().await;
    let kinds: Vec<String> = app
        .mails_to("known@test.example")
        .await
        .iter()
        .map(|m| m.kind.as_str().to_string())
        .collect();
    assert_eq!(kinds, ["login_link", "password_reset"]);
    assert!(app.mails_to("unknown@test.example").await.is_empty());
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn link_requests_do_the_same_work_on_sqlite() {
    link_requests_do_the_same_work(common::spawn_quiet(common::Backend::Sqlite).await.unwrap()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn link_requests_do_the_same_work_on_postgres() {
    if let Some(app) = common::spawn_quiet(common::Backend::Postgres).await {
        link_requests_do_the_same_work(app).await;
    } else {
        assert!(
            std::env::var("CI").is_err(),
            "TEST_DATABASE_URL must point at PostgreSQL in CI"
        );
    }
}

// ------------------------------------------------------------ account changes

fn profile_change<'a>(current: &'a str, new: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", "Pat Word"),
        ("language", ""),
        ("current", current),
        ("password", new),
        ("confirm", new),
    ]
}

async fn is_logged_in(c: &common::Client) -> bool {
    let r = c.get("/dashboard").await;
    match r.status().as_u16() {
        200 => true,
        303 => {
            assert!(r.headers()["location"].to_str().unwrap().starts_with("/login"));
            false
        }
        s => panic!("/dashboard: {s}"),
    }
}

both_backends!(
    a_password_change_asks_for_the_current_one_and_ends_the_other_sessions,
    |app: TestApp| async move {
        app.person("pat@test.example", "Pat Word", None, false, false).await;
        set_password(&app, "pat@test.example", "the old secret 1").await;
        let here = app.client();
        app.login(&here, "pat@test.example").await;
        let there = app.client();
        app.login(&there, "pat@test.example").await;

        // Without the current password, or with a wrong one: 422 naming it, nothing changed.
        let r = here.form("/profile", &profile_change("", "the new secret 2")).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("id=\"current-error\""));
        let r = here
            .form("/profile", &profile_change("a wrong guess", "the new secret 2"))
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("This is not your current password."));
        assert!(is_logged_in(&there).await);

        // With it: saved; the other session is over, this one goes on; the person is told.
        let r = here
            .form("/profile", &profile_change("the old secret 1", "the new secret 2"))
            .await;
        assert_eq!(r.status(), 200);
        assert!(is_logged_in(&here).await);
        assert!(!is_logged_in(&there).await);
        let mails = app.mails_to("pat@test.example").await;
        let told = mails.last().unwrap();
        assert_eq!(told.kind.as_str(), "password_changed");
        assert!(
            told.unsubscribe_url.is_none(),
            "a security message cannot be turned off"
        );
        assert!(told.text_body.contains("/password/forgot"));
        let fresh = app.client();
        assert_eq!(
            password_login(&fresh, "pat@test.example", "the new secret 2").await,
            303
        );
        assert_eq!(
            password_login(&app.client(), "pat@test.example", "the old secret 1").await,
            422
        );
        app.stop().await;
    }
);

both_backends!(
    a_reset_ends_every_session_and_tells_the_person,
    |app: TestApp| async move {
        app.person("pat@test.example", "Pat Word", None, false, false).await;
        let before = app.client();
        app.login(&before, "pat@test.example").await;
        let c = app.client();
        c.form("/password/forgot", &[("email", "pat@test.example")]).await;
        let link = app.last_link("pat@test.example").await;
        let r = c
            .form(
                &link,
                &[("password", "a brand new one"), ("confirm", "a brand new one")],
            )
            .await;
        assert_eq!(r.status(), 303);
        assert!(is_logged_in(&c).await);
        assert!(!is_logged_in(&before).await, "a reset leaves no other session");
        let kinds: Vec<String> = app
            .mails_to("pat@test.example")
            .await
            .iter()
            .map(|m| m.kind.as_str().to_string())
            .collect();
        assert_eq!(kinds.last().map(String::as_str), Some("password_changed"), "{kinds:?}");
        app.stop().await;
    }
);

both_backends!(
    sessions_end_when_idle_and_at_their_absolute_limit,
    |app: TestApp| async move {
        use intercoop::entities::session;
        use sea_orm::{EntityTrait, PaginatorTrait};
        let days = |n: i64| time::Duration::days(n);
        app.person("pat@test.example", "Pat Word", None, false, false).await;
        // Used every 29 days, a session goes on; 31 days without use end it.
        let c = app.client();
        app.login(&c, "pat@test.example").await;
        for _ in 0..2 {
            app.clock.advance(days(29));
            assert!(is_logged_in(&c).await);
        }
        app.clock.advance(days(31));
        assert!(!is_logged_in(&c).await, "idle for 31 days");
        // However much it is used, it ends 90 days after login.
        let c = app.client();
        app.login(&c, "pat@test.example").await;
        for _ in 0..4 {
            app.clock.advance(days(20));
            assert!(is_logged_in(&c).await);
        }
        app.clock.advance(days(11));
        assert!(!is_logged_in(&c).await, "91 days after login");
        // The hourly maintenance deletes ended sessions.
        app.clock.advance(time::Duration::hours(2));
        app.run_jobs().await;
        assert_eq!(session::Entity::find().count(&app.db().read).await.unwrap(), 0);
        app.stop().await;
    }
);

/// The secret and revoke path of the token a page shows.
fn new_token_on(page: &str) -> String {
    let start = page.find("<code id=\"new-token\">").expect("a new token shown") + "<code id=\"new-token\">".len();
    page[start..].split('<').next().unwrap().to_string()
}

fn revoke_paths(page: &str) -> Vec<String> {
    page.match_indices("action=\"/profile/tokens/")
        .map(|(i, _)| page[i + 8..].split('"').next().unwrap().to_string())
        .collect()
}

both_backends!(
    api_tokens_are_listed_revoked_from_the_web_and_expire,
    |app: TestApp| async move {
        app.person("pat@test.example", "Pat Word", None, false, false).await;
        app.person("sam@test.example", "Sam Else", None, false, false).await;
        let c = app.client();
        app.login(&c, "pat@test.example").await;
        let page = c.text("/profile/tokens").await;
        assert!(page.contains("You have no API tokens"), "{page}");
        // Made from the page: shown once, with its expiry (90 days).
        let r = c.form("/profile/tokens", &[("name", "Laptop script")]).await;
        assert_eq!(r.status(), 201);
        assert_eq!(r.headers()["cache-control"], "no-store");
        let page = r.text().await.unwrap();
        let secret = new_token_on(&page);
        assert!(page.contains("It expires on"), "{page}");
        let api = app.api(&secret);
        assert_eq!(api.get("/api/v1/me/notifications").await.status(), 200);
        // Listed (without its secret); someone else cannot revoke it; its owner can.
        let page = c.text("/profile/tokens").await;
        assert!(page.contains("Laptop script") && !page.contains(&secret));
        let revoke = revoke_paths(&page).pop().unwrap();
        let other = app.client();
        app.login(&other, "sam@test.example").await;
        assert_eq!(other.form(&revoke, &[]).await.status(), 403);
        assert_eq!(api.get("/api/v1/me/notifications").await.status(), 200);
        let r = c.form(&revoke, &[]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(api.get("/api/v1/me/notifications").await.status(), 401);
        assert!(c.text("/profile/tokens").await.contains("revoked"));
        // A token stops working 90 days after it was made.
        let r = c.form("/profile/tokens", &[("name", "Cron job")]).await;
        let api = app.api(&new_token_on(&r.text().await.unwrap()));
        app.clock.advance(time::Duration::days(89));
        assert_eq!(api.get("/api/v1/me/notifications").await.status(), 200);
        app.clock.advance(time::Duration::days(2));
        assert_eq!(api.get("/api/v1/me/notifications").await.status(), 401);
        app.login(&c, "pat@test.example").await; // the session itself ended meanwhile (idle)
        assert!(c.text("/profile/tokens").await.contains("expired"));
        app.stop().await;
    }
);

both_backends!(the_csrf_cookie_is_renewed_at_login, |app: TestApp| async move {
    app.person("pat@test.example", "Pat Word", None, false, false).await;
    let c = app.client();
    let before = c.csrf().await;
    app.login(&c, "pat@test.example").await;
    let after = c.csrf().await;
    assert_ne!(before, after, "a token from before login is not the session's");
    assert!(is_logged_in(&c).await);
    app.stop().await;
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_https_the_csrf_cookie_is_host_prefixed() {
    let app = common::spawn_configured(common::Backend::Sqlite, |args| {
        args.base_url = Some("https://coop.test".into());
    })
    .await
    .unwrap();
    let addr = format!("http://{}", app.running.as_ref().unwrap().addr);
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let r = http.get(format!("{addr}/login")).send().await.unwrap();
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.contains("csrf"))
        .unwrap();
    assert!(cookie.starts_with("__Host-ic_csrf=c_"), "{cookie}");
    assert!(cookie.contains("; Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"));
    let post = |name: &'static str| {
        http.post(format!("{addr}/login"))
            .header("origin", "https://coop.test")
            .header("cookie", format!("{name}=c_token"))
            .form(&[("email", "pat@test.example"), ("method", "link"), ("_csrf", "c_token")])
            .send()
    };
    assert_eq!(post("__Host-ic_csrf").await.unwrap().status(), 200);
    // The unprefixed cookie (a neighbouring subdomain could set it) is not accepted.
    assert_eq!(post("ic_csrf").await.unwrap().status(), 403);
    app.stop().await;
}
