//! The core circle in the app, on SQLite and PostgreSQL: the default composition
//! accepted, each rule's violation refused with the rule named and nothing stored, the
//! history, and the warning 60 days before a mandate ends sent once to the core circle
//! and the facilitators.

mod common;

use common::TestApp;
use serde_json::{Value, json};

fn day(d: time::Date) -> String {
    d.to_string()
}

both_backends!(
    the_default_composition_is_accepted_and_each_violation_refused,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let facilitator = app.organisation(&admin, "Komunigi", "facilitator", None).await;
        let users: Vec<i64> = {
            let mut v = Vec::new();
            for name in ["Coop One", "Coop Two", "Coop Three", "Coop Four"] {
                v.push(app.organisation(&admin, name, "user", Some(50)).await);
            }
            v
        };
        let provider = app.organisation(&admin, "Code Shop", "provider", None).await;
        let now = app.at_server_time(async { intercoop::clock::now() }).await;
        let today = now.date();
        let mandate = |org: i64, seat: &str, from: time::Date, to: time::Date| json!({"organisation_id": org, "seat": seat, "starts_on": day(from), "ends_on": day(to)});
        let two_years = today + time::Duration::days(729);
        // Komunigi's composition: the facilitating cooperative, two elected user
        // cooperatives for two years.
        for body in [
            mandate(facilitator, "facilitator", today, today + time::Duration::days(1500)),
            mandate(users[0], "elected", today, two_years),
            mandate(users[1], "elected", today, two_years),
        ] {
            let r = admin.post("/api/v1/core-circle/mandates", &body).await;
            assert_eq!(r.status(), 201, "{body}: {}", r.text().await.unwrap());
        }
        let core = admin.json("/api/v1/core-circle").await;
        assert_eq!(core["sitting"].as_array().unwrap().len(), 3, "{core}");
        assert_eq!(core["rules"]["max_mandate_days"], 730);

        // Each violation: refused on its field with the rule, nothing stored.
        let bad = [
            (
                mandate(users[2], "elected", today, today + time::Duration::days(731)),
                "ends_on",
                "core-too-long",
            ),
            (
                mandate(users[2], "elected", today, today - time::Duration::days(1)),
                "ends_on",
                "core-ends-before-start",
            ),
            (
                mandate(users[0], "elected", today + time::Duration::days(10), two_years),
                "organisation_id",
                "core-two-seats",
            ),
            (
                mandate(provider, "elected", today, two_years),
                "organisation_id",
                "core-elected-user",
            ),
            (
                mandate(users[2], "facilitator", today, two_years),
                "organisation_id",
                "core-facilitator-kind",
            ),
            (
                json!({"organisation_id": users[2], "seat": "chair", "starts_on": day(today), "ends_on": day(two_years)}),
                "seat",
                "core-seat",
            ),
            (
                json!({"organisation_id": users[2], "seat": "elected", "starts_on": "tomorrow", "ends_on": day(two_years)}),
                "starts_on",
                "core-day",
            ),
        ];
        for (body, field, code) in bad {
            let r = admin.post("/api/v1/core-circle/mandates", &body).await;
            assert_eq!(r.status(), 422, "{body}");
            let text = r.text().await.unwrap();
            assert!(text.contains(field) && text.contains(code), "{body}: {text}");
        }
        // A third elected seat is within the rules, a fourth is not.
        let r = admin
            .post(
                "/api/v1/core-circle/mandates",
                &mandate(users[2], "elected", today, two_years),
            )
            .await;
        assert_eq!(r.status(), 201);
        let r = admin
            .post(
                "/api/v1/core-circle/mandates",
                &mandate(users[3], "elected", today, two_years),
            )
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("core-too-many"));
        let core = admin.json("/api/v1/core-circle").await;
        assert_eq!(
            core["history"].as_array().unwrap().len(),
            4,
            "nothing else stored: {core}"
        );

        // A representative sees the circle and its history, and may not record.
        let rep = app.person("rep@one.example", "Rita", Some(users[0]), true, false).await;
        let rep_api = app.api(&app.token_for(rep).await);
        assert_eq!(
            rep_api.json("/api/v1/core-circle").await["sitting"]
                .as_array()
                .unwrap()
                .len(),
            4
        );
        let r = rep_api
            .post(
                "/api/v1/core-circle/mandates",
                &mandate(users[3], "elected", today, two_years),
            )
            .await;
        assert_eq!(r.status(), 403);

        // The page: the rule named beside the field, and nothing stored.
        let web = app.client();
        app.login(&web, "admin@test.example").await;
        let page = web.text("/core-circle").await;
        assert!(page.contains("Coop Three") && page.contains("Komunigi"), "{page}");
        let r = web
            .form(
                "/core-circle/mandates",
                &[
                    ("organisation_id", &users[3].to_string()),
                    ("seat", "elected"),
                    ("starts_on", &day(today)),
                    ("ends_on", &day(two_years)),
                ],
            )
            .await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("Rule broken"), "{body}");
        assert_eq!(
            admin.json("/api/v1/core-circle").await["history"]
                .as_array()
                .unwrap()
                .len(),
            4
        );
        app.stop().await;
    }
);

both_backends!(
    the_warning_60_days_before_a_mandate_ends_is_sent_once,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let coop = app.organisation(&admin, "Coop Ending", "user", Some(10)).await;
        let r = admin
            .post(
                "/api/v1/people",
                &json!({"email": "core@test.example", "name": "Cora Core", "core_circle": true}),
            )
            .await;
        assert!(r.status().is_success(), "{}", r.text().await.unwrap());
        let rep = app.person("rep@ending.example", "Rep", Some(coop), true, false).await;
        let now = app.at_server_time(async { intercoop::clock::now() }).await;
        let today = now.date();
        let r = admin
            .post(
                "/api/v1/core-circle/mandates",
                &json!({"organisation_id": coop, "seat": "elected",
                "starts_on": day(today - time::Duration::days(600)), "ends_on": day(today + time::Duration::days(70))}),
            )
            .await;
        assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
        let warnings = |address: &'static str| {
            let app = &app;
            async move {
                app.mails_to(address)
                    .await
                    .into_iter()
                    .filter(|m| m.kind.0.as_str() == "mandate_ending")
                    .collect::<Vec<_>>()
            }
        };
        // 70 days before: no warning yet.
        app.clock.advance(time::Duration::days(1));
        app.run_jobs().await;
        assert!(warnings("admin@test.example").await.is_empty());
        // Past 60 days before: one warning to the facilitators and the core circle.
        app.clock.advance(time::Duration::days(10));
        app.run_jobs().await;
        let sent = warnings("admin@test.example").await;
        assert_eq!(sent.len(), 1);
        assert!(sent[0].text_body.contains("Coop Ending"), "{}", sent[0].text_body);
        assert_eq!(warnings("core@test.example").await.len(), 1);
        assert!(
            warnings("rep@ending.example").await.is_empty(),
            "not to a representative"
        );
        // The dashboard shows the mandate ending soon.
        let web = app.client();
        app.login(&web, "admin@test.example").await;
        let dash = web.text("/dashboard").await;
        assert!(dash.contains("Coop Ending") && dash.contains("/core-circle"), "{dash}");
        // The days after: never again.
        for _ in 0..3 {
            app.clock.advance(time::Duration::days(1));
            app.run_jobs().await;
        }
        assert_eq!(warnings("admin@test.example").await.len(), 1);
        assert_eq!(warnings("core@test.example").await.len(), 1);
        let _ = (rep, Value::Null);
        app.stop().await;
    }
);

/// The option ids of an election's poll, by label.
async fn options(api: &common::Api, poll: i64) -> std::collections::BTreeMap<String, i64> {
    let p = api.json(&format!("/api/v1/polls/{poll}")).await;
    p["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["label"].as_str().unwrap().to_string(), o["id"].as_i64().unwrap()))
        .collect()
}

both_backends!(
    an_election_calls_for_candidates_then_its_poll_makes_the_mandates,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let mut orgs = Vec::new();
        let mut reps = Vec::new();
        for (i, name) in ["Coop Ana", "Coop Bea", "Coop Cid"].iter().enumerate() {
            let o = app.organisation(&admin, name, "user", Some(20)).await;
            let p = app
                .person(&format!("rep{i}@coop.example"), name, Some(o), true, false)
                .await;
            orgs.push(o);
            reps.push(app.api(&app.token_for(p).await));
        }
        let now = app.at_server_time(async { intercoop::clock::now() }).await;
        let starts = now.date() + time::Duration::days(30);
        let call = |seats: u32, days: i64| json!({"seats": seats, "starts_on": day(starts), "ends_on": day(starts + time::Duration::days(days))});
        // Bad calls: refused on their field with the rule, nothing stored.
        for (body, field, code) in [
            (call(4, 700), "seats", "core-election-seats"),
            (call(2, 800), "ends_on", "core-too-long"),
        ] {
            let r = admin.post("/api/v1/core-circle/elections", &body).await;
            assert_eq!(r.status(), 422, "{body}");
            let text = r.text().await.unwrap();
            assert!(text.contains(field) && text.contains(code), "{text}");
        }
        assert_eq!(admin.json("/api/v1/core-circle").await["elections"], json!([]));
        let r = admin.post("/api/v1/core-circle/elections", &call(2, 700)).await;
        assert_eq!(r.status(), 201);
        let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        app.settle_jobs().await;
        let calls: Vec<_> = app
            .mails_to("rep0@coop.example")
            .await
            .into_iter()
            .filter(|m| m.kind.0.as_str() == "candidacy_call")
            .collect();
        assert_eq!(calls.len(), 1, "the representatives are called");

        // Each representative stands for their own cooperative only, once.
        let stand = format!("/api/v1/core-circle/elections/{id}/candidates");
        assert_eq!(
            reps[0]
                .post(&stand, &json!({"organisation_id": orgs[1]}))
                .await
                .status(),
            403
        );
        for (rep, org) in reps.iter().zip(&orgs) {
            assert_eq!(rep.post(&stand, &json!({"organisation_id": org})).await.status(), 200);
        }
        assert_eq!(
            reps[0]
                .post(&stand, &json!({"organisation_id": orgs[0]}))
                .await
                .status(),
            409
        );

        // The vote: an approval poll; the two most approved take the seats.
        let r = admin
            .post(&format!("/api/v1/core-circle/elections/{id}/vote"), &json!({}))
            .await;
        assert_eq!(r.status(), 200);
        let e: Value = r.json().await.unwrap();
        assert_eq!(e["status"], "voting");
        let poll = e["poll_id"].as_i64().unwrap();
        // Written once for everyone, in the network's language, days in words.
        let p = admin.json(&format!("/api/v1/polls/{poll}")).await;
        let title = p["title"].as_str().unwrap();
        assert!(title.starts_with("Élection au noyau, mandats du "), "{title}");
        assert!(!title.contains("-0") && !title.contains("-1"), "days in words: {title}");
        assert_eq!(
            reps[0]
                .post(&stand, &json!({"organisation_id": orgs[0]}))
                .await
                .status(),
            409
        );
        let opt = options(&admin, poll).await;
        let (ana, bea, cid) = (opt["Coop Ana"], opt["Coop Bea"], opt["Coop Cid"]);
        for (org, approvals) in [
            (orgs[0], vec![ana, bea]),
            (orgs[1], vec![bea]),
            (orgs[2], vec![cid, bea, ana]),
        ] {
            let r = admin
                .post(
                    &format!("/api/v1/polls/{poll}/ballots"),
                    &json!({"organisation_id": org, "approvals": approvals}),
                )
                .await;
            assert!(r.status().is_success(), "{}", r.text().await.unwrap());
        }
        let r = admin.post(&format!("/api/v1/polls/{poll}/close"), &json!({})).await;
        assert_eq!(r.status(), 200);
        app.settle_jobs().await;
        let core = admin.json("/api/v1/core-circle").await;
        assert_eq!(core["elections"][0]["status"], "done", "{core}");
        let mut elected: Vec<i64> = core["history"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["poll_id"] == poll)
            .map(|m| m["organisation_id"].as_i64().unwrap())
            .collect();
        elected.sort_unstable();
        assert_eq!(elected, vec![orgs[0], orgs[1]], "{core}");
        assert_eq!(core["history"][0]["starts_on"], day(starts));
        app.stop().await;
    }
);

both_backends!(
    an_election_whose_result_breaks_a_seat_rule_records_nothing_and_says_which,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let mut orgs = Vec::new();
        for name in ["Sit One", "Sit Two", "Sit Three", "Runs Four", "Runs Five"] {
            orgs.push(app.organisation(&admin, name, "user", Some(10)).await);
        }
        let now = app.at_server_time(async { intercoop::clock::now() }).await;
        let (from, to) = (now.date(), now.date() + time::Duration::days(700));
        // Three elected seats already sit for the whole period: the maximum.
        for org in &orgs[..3] {
            let r = admin
                .post(
                    "/api/v1/core-circle/mandates",
                    &json!({"organisation_id": org, "seat": "elected", "starts_on": day(from), "ends_on": day(to)}),
                )
                .await;
            assert_eq!(r.status(), 201);
        }
        let id = admin
            .post(
                "/api/v1/core-circle/elections",
                &json!({"seats": 1, "starts_on": day(from + time::Duration::days(10)), "ends_on": day(to)}),
            )
            .await
            .json::<Value>()
            .await
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        for org in &orgs[3..] {
            let r = admin
                .post(
                    &format!("/api/v1/core-circle/elections/{id}/candidates"),
                    &json!({"organisation_id": org}),
                )
                .await;
            assert_eq!(r.status(), 200);
        }
        let poll = admin
            .post(&format!("/api/v1/core-circle/elections/{id}/vote"), &json!({}))
            .await
            .json::<Value>()
            .await
            .unwrap()["poll_id"]
            .as_i64()
            .unwrap();
        let four = options(&admin, poll).await["Runs Four"];
        let r = admin
            .post(
                &format!("/api/v1/polls/{poll}/ballots"),
                &json!({"organisation_id": orgs[0], "approvals": [four]}),
            )
            .await;
        assert!(r.status().is_success(), "{}", r.text().await.unwrap());
        admin.post(&format!("/api/v1/polls/{poll}/close"), &json!({})).await;
        app.settle_jobs().await;
        let core = admin.json("/api/v1/core-circle").await;
        assert_eq!(core["elections"][0]["status"], "failed");
        assert_eq!(core["elections"][0]["outcome"], "core-too-many");
        assert_eq!(core["history"].as_array().unwrap().len(), 3, "nothing recorded");
        app.stop().await;
    }
);
