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
