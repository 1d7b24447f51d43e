//! Pooled funds and budgeting rounds end to end on SQLite and PostgreSQL (issue 19,
//! items 1–3, 5 and 6): a pool fed by contributions (in the journal), a round with
//! equal allocations and quadratic matching, buckets and placements (one organisation
//! through two people, the bad input refused with nothing stored), the deadline held by
//! the write, the close computed once (the hand-computed quadratic figures), the
//! emails, the pages, and the books balanced; then concurrent placements by the people
//! of one organisation never spend its allocation twice.

mod common;

use common::{Api, TestApp, codes, status_and_json};
use serde_json::{Value, json};
use time::format_description::well_known::Rfc3339;

struct Org {
    id: i64,
    email: String,
    api: Api,
}

async fn member(app: &TestApp, admin: &Api, name: &str) -> Org {
    let id = app.organisation(admin, name, "user", Some(10)).await;
    let slug: String = name
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let email = format!("rep@{slug}.example");
    let person = app.person(&email, &format!("Rep {name}"), Some(id), true, false).await;
    let api = app.api(&app.token_for(person).await);
    Org { id, email, api }
}

async fn books_are_right(app: &TestApp, admin: &Api) {
    let tb = admin.json("/api/v1/ledger/trial-balance").await;
    assert_eq!(tb["debit_cents"], tb["credit_cents"], "{tb}");
    for b in intercoop::money::ledger::check_books(&app.db().read).await.unwrap() {
        assert!(b.discrepancies.is_empty(), "{:?}", b.discrepancies);
    }
}

fn in_days(app: &TestApp, days: i64) -> String {
    use intercoop::clock::Clock;
    let now = app.clock.now() + time::Duration::days(days);
    now.format(&Rfc3339).unwrap()
}

async fn created(r: reqwest::Response) -> Value {
    let (status, body) = status_and_json(r).await;
    assert_eq!(status, 201, "{body}");
    body
}

async fn place(api: &Api, bucket: i64, org: Option<i64>, cents: i64) -> (u16, Value) {
    let mut body = json!({"amount_cents": cents});
    if let Some(o) = org {
        body["organisation_id"] = o.into();
    }
    status_and_json(api.put(&format!("/api/v1/buckets/{bucket}/allocation"), &body).await).await
}

async fn bucket(api: &Api, round: i64, title: &str, min: i64, max: Option<i64>) -> i64 {
    let mut body = json!({"title": title, "min_cents": min, "description": "What it does."});
    if let Some(m) = max {
        body["max_cents"] = m.into();
    }
    created(api.post(&format!("/api/v1/rounds/{round}/buckets"), &body).await).await["id"]
        .as_i64()
        .unwrap()
}

both_backends!(
    a_pool_a_round_with_quadratic_matching_and_the_books_balanced,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let a = member(&app, &admin, "Alpha Tech").await;
        let b = member(&app, &admin, "Beta Code").await;
        let c = member(&app, &admin, "Gamma Web").await;
        // A second person of Alpha, not its representative: places for Alpha too.
        let a2_id = app
            .person("dev@alphatech.example", "Dev Alpha", Some(a.id), false, false)
            .await;
        let a2 = app.api(&app.token_for(a2_id).await);

        // Pools: bad input named, nothing made; then one pool.
        let (status, problem) = status_and_json(admin.post("/api/v1/pools", &json!({"name": ""})).await).await;
        assert_eq!(
            (status, codes(&problem)),
            (422, vec!["required".to_string()]),
            "{problem}"
        );
        assert_eq!(
            a.api.post("/api/v1/pools", &json!({"name": "Mine"})).await.status(),
            403
        );
        assert_eq!(admin.json("/api/v1/pools").await, json!([]));
        let pool = created(admin.post("/api/v1/pools", &json!({"name": "Solidarity fund"})).await).await;
        let pid = pool["id"].as_i64().unwrap();

        // Contributions: money received, each a journal entry.
        let contrib = format!("/api/v1/pools/{pid}/contributions");
        for (body, code) in [
            (
                json!({"organisation_id": a.id, "amount_cents": 0, "received": true}),
                "amount-positive",
            ),
            (
                json!({"organisation_id": a.id, "amount_cents": 100, "received": false}),
                "pools-received-only",
            ),
            (json!({"amount_cents": 100, "received": true}), "required"),
            (
                json!({"organisation_id": 999_999, "amount_cents": 100, "received": true}),
                "pools-not-a-member",
            ),
        ] {
            let (status, problem) = status_and_json(admin.post(&contrib, &body).await).await;
            assert_eq!(status, 422, "{problem}");
            assert_eq!(codes(&problem), [code], "{problem}");
        }
        created(
            admin
                .post(
                    &contrib,
                    &json!({"organisation_id": a.id, "amount_cents": 30_000, "received": true}),
                )
                .await,
        )
        .await;
        created(
            admin
                .post(
                    &contrib,
                    &json!({"organisation_id": b.id, "amount_cents": 10_000, "received": true, "kind": "periodic"}),
                )
                .await,
        )
        .await;
        created(
            admin
                .post(
                    &contrib,
                    &json!({"amount_cents": 20_000, "received": true, "kind": "grant"}),
                )
                .await,
        )
        .await;
        let pool = admin.json(&format!("/api/v1/pools/{pid}")).await;
        assert_eq!(pool["balance_cents"], 60_000, "{pool}");
        assert_eq!(pool["available_cents"], 60_000);
        books_are_right(&app, &admin).await;

        // Rounds: bad input on its field, nothing stored.
        let round = |closes: String, matching: Value| {
            json!({"pool_id": pid, "title": "Spring round", "opens_at": "2020-01-01T00:00:00Z",
                "closes_at": closes, "allocation": "equal", "matching": matching})
        };
        let quadratic = json!({"kind": "quadratic", "pool_cents": 12_000});
        for (body, code) in [
            (
                round("2019-12-31T00:00:00Z".into(), quadratic.clone()),
                "pools-closes-before-opens",
            ),
            (
                round(in_days(&app, 5), json!({"kind": "quadratic", "pool_cents": 60_001})),
                "pools-matching-above-available",
            ),
            (
                round(in_days(&app, 5), json!({"kind": "linear", "pool_cents": 100})),
                "pools-matching-kind",
            ),
        ] {
            let (status, problem) = status_and_json(admin.post("/api/v1/rounds", &body).await).await;
            assert_eq!(status, 422, "{problem}");
            assert_eq!(codes(&problem), [code], "{problem}");
        }
        assert_eq!(admin.json("/api/v1/rounds").await, json!([]));

        // A round: 60 000 available, 12 000 for matching, 48 000 shared equally.
        let r = created(admin.post("/api/v1/rounds", &round(in_days(&app, 5), quadratic)).await).await;
        let rid = r["id"].as_i64().unwrap();
        assert_eq!(r["budget_cents"], 48_000, "{r}");
        let allocations = admin.json(&format!("/api/v1/rounds/{rid}/allocations")).await;
        let given: Vec<i64> = allocations
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["allocation_cents"].as_i64().unwrap())
            .collect();
        assert_eq!(given, [16_000, 16_000, 16_000], "{allocations}");
        assert_eq!(admin.json(&format!("/api/v1/pools/{pid}")).await["available_cents"], 0);

        // Buckets: a minimum above the maximum is refused.
        let (status, problem) = status_and_json(
            a.api
                .post(
                    &format!("/api/v1/rounds/{rid}/buckets"),
                    &json!({"title": "Odd", "min_cents": 500, "max_cents": 100}),
                )
                .await,
        )
        .await;
        assert_eq!(
            (status, codes(&problem)),
            (422, vec!["pools-min-above-max".to_string()]),
            "{problem}"
        );
        let x = bucket(&a.api, rid, "Shared invoicing", 100, None).await;
        let y = bucket(&b.api, rid, "Common hosting", 1_000, None).await;
        let z = bucket(&c.api, rid, "A big office", 30_000, None).await;
        let w = bucket(&c.api, rid, "Translation", 100, Some(500)).await;

        // Placements (amounts that are perfect squares, for the hand-computed match).
        assert_eq!(
            place(&a2, x, None, 100).await.0,
            200,
            "Alpha's second person places for it"
        );
        assert_eq!(place(&b.api, x, None, 100).await.0, 200);
        assert_eq!(place(&a.api, y, None, 900).await.0, 200);
        assert_eq!(place(&b.api, y, None, 400).await.0, 200);
        assert_eq!(place(&c.api, y, None, 100).await.0, 200);
        assert_eq!(place(&c.api, z, None, 2_500).await.0, 200);
        assert_eq!(place(&a.api, w, None, 400).await.0, 200);
        // A full bucket, more than left, someone else's allocation: refused, nothing stored.
        let (status, problem) = place(&b.api, w, None, 200).await;
        assert_eq!(
            (status, codes(&problem)),
            (422, vec!["pools-bucket-full".to_string()]),
            "{problem}"
        );
        let (status, problem) = place(&a.api, z, None, 16_000).await;
        assert_eq!(
            (status, codes(&problem)),
            (422, vec!["pools-more-than-left".to_string()]),
            "{problem}"
        );
        assert_eq!(place(&a.api, z, Some(b.id), 100).await.0, 403);
        let zb = admin.json(&format!("/api/v1/buckets/{z}")).await;
        assert_eq!(zb["placed_cents"], 2_500, "{zb}");
        assert_eq!(admin.json(&format!("/api/v1/buckets/{w}")).await["placed_cents"], 400);
        // Changing one's amount: Alpha's 100 in X becomes 50, then 100 again.
        assert_eq!(place(&a.api, x, None, 50).await.0, 200);
        assert_eq!(place(&a.api, x, None, 100).await.0, 200);
        let mine = admin.json(&format!("/api/v1/rounds/{rid}/allocations")).await;
        let alpha = mine
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["organisation_id"] == a.id)
            .unwrap();
        assert_eq!(alpha["placed_cents"], 1_400, "{alpha}");

        // Not before the closing time: no close, no result.
        let (status, problem) =
            status_and_json(admin.post(&format!("/api/v1/rounds/{rid}/close"), &json!({})).await).await;
        assert_eq!(status, 409, "{problem}");
        assert_eq!(a.api.get(&format!("/api/v1/rounds/{rid}/result")).await.status(), 409);

        // Pages on a phone, without JavaScript.
        let web = app.client();
        app.login(&web, &a.email).await;
        for path in [
            "/pools".to_string(),
            format!("/pools/{pid}"),
            format!("/rounds/{rid}"),
            format!("/buckets/{x}"),
        ] {
            let r = web.get(&path).await;
            assert_eq!(r.status(), 200, "{path}");
        }
        let page = web.text(&format!("/buckets/{x}")).await;
        assert!(
            page.contains("/buckets/") && page.contains("amount"),
            "the placing form"
        );

        // Everyone was told the round opened.
        assert!(
            app.mails_to(&a.email)
                .await
                .iter()
                .any(|m| *m.kind == intercoop::notifications::Kind::RoundOpened)
        );

        // Two days before the close, those with allocation left are reminded (once).
        app.clock.advance(time::Duration::days(4));
        app.settle_jobs().await;
        app.settle_jobs().await;
        // After the closing instant the write refuses, before any job runs.
        app.clock.advance(time::Duration::days(2));
        let (status, problem) = place(&a.api, x, None, 200).await;
        assert_eq!(status, 409, "{problem}");
        // The close: once, by the administrator or the job, with the hand-computed match:
        // X (100 + 100) weighs (10 + 10)² − 200 = 200, Y (900, 400, 100) weighs
        // (30 + 20 + 10)² − 1 400 = 2 200, W (one giver) 0: 12 000 shared 1 : 11.
        assert_eq!(
            a.api
                .post(&format!("/api/v1/rounds/{rid}/close"), &json!({}))
                .await
                .status(),
            403
        );
        let (status, result) =
            status_and_json(admin.post(&format!("/api/v1/rounds/{rid}/close"), &json!({})).await).await;
        assert_eq!(status, 200, "{result}");
        let by_id = |id: i64| {
            result["buckets"]
                .as_array()
                .unwrap()
                .iter()
                .find(|b| b["id"] == id)
                .unwrap()
                .clone()
        };
        assert_eq!(
            (
                by_id(x)["funded"].clone(),
                by_id(x)["raised_cents"].clone(),
                by_id(x)["matched_cents"].clone()
            ),
            (json!(true), json!(200), json!(1_000))
        );
        assert_eq!(
            (by_id(y)["raised_cents"].clone(), by_id(y)["matched_cents"].clone()),
            (json!(1_400), json!(11_000))
        );
        assert_eq!(
            (by_id(z)["funded"].clone(), by_id(z)["raised_cents"].clone()),
            (json!(false), json!(0))
        );
        assert_eq!(
            (by_id(w)["raised_cents"].clone(), by_id(w)["matched_cents"].clone()),
            (json!(400), json!(0))
        );
        // Funded 14 000; returned 48 000 − 2 000 spent; 60 000 in all.
        assert_eq!(result["funded_cents"], 14_000);
        assert_eq!(result["returned_cents"], 46_000);
        let again = admin.json(&format!("/api/v1/rounds/{rid}/result")).await;
        assert_eq!(again, result);
        let (status, twice) =
            status_and_json(admin.post(&format!("/api/v1/rounds/{rid}/close"), &json!({})).await).await;
        assert_eq!((status, &twice), (200, &result), "closing again changes nothing");
        app.settle_jobs().await;
        assert_eq!(
            admin.json(&format!("/api/v1/rounds/{rid}/result")).await,
            result,
            "the job closes nothing twice"
        );

        // The books: 14 000 left the pool for the funded buckets, balanced.
        let pool = admin.json(&format!("/api/v1/pools/{pid}")).await;
        assert_eq!(pool["balance_cents"], 46_000, "{pool}");
        assert_eq!(pool["available_cents"], 46_000);
        books_are_right(&app, &admin).await;
        let tb = admin.json("/api/v1/ledger/trial-balance").await;
        let accounts = tb["accounts"].as_array().unwrap();
        let bucket_of = |id: i64| {
            accounts
                .iter()
                .find(|l| l["account"] == "bucket" && l["party"] == id)
                .map(|l| l["balance_cents"].clone())
        };
        assert_eq!(bucket_of(y), Some(json!(-12_400)), "{tb}");
        assert_eq!(bucket_of(z), None);

        // The result page explains the matching; emails went once each.
        let page = web.text(&format!("/rounds/{rid}")).await;
        assert!(
            page.contains("(Σ√c)²") && page.contains("round-result"),
            "the result explained"
        );
        for kind in [
            intercoop::notifications::Kind::RoundReminder,
            intercoop::notifications::Kind::RoundResult,
        ] {
            let n = app.mails_to(&a.email).await.iter().filter(|m| *m.kind == kind).count();
            assert_eq!(n, 1, "{kind:?} once");
        }
    }
);

/// Sends placements at the same time (one task each); their statuses.
async fn at_once(tries: Vec<(&Api, i64, i64)>) -> Vec<u16> {
    let mut tasks = tokio::task::JoinSet::new();
    for (api, bucket, cents) in tries {
        let api = Api {
            http: api.http.clone(),
            base: api.base.clone(),
            token: api.token.clone(),
        };
        tasks.spawn(async move { place(&api, bucket, None, cents).await.0 });
    }
    tasks.join_all().await
}

both_backends!(
    concurrent_placements_never_spend_an_allocation_twice,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let a = member(&app, &admin, "Alpha Tech").await;
        let _b = member(&app, &admin, "Beta Code").await;
        let a2_id = app
            .person("dev@alphatech.example", "Dev Alpha", Some(a.id), false, false)
            .await;
        let a2 = app.api(&app.token_for(a2_id).await);
        let pool = created(admin.post("/api/v1/pools", &json!({"name": "Fund"})).await).await;
        let pid = pool["id"].as_i64().unwrap();
        created(
            admin
                .post(
                    &format!("/api/v1/pools/{pid}/contributions"),
                    &json!({"organisation_id": a.id, "amount_cents": 10_000, "received": true}),
                )
                .await,
        )
        .await;
        let r = created(
            admin
                .post(
                    "/api/v1/rounds",
                    &json!({"pool_id": pid, "title": "Round", "opens_at": "2020-01-01",
                    "closes_at": in_days(&app, 3), "allocation": "equal"}),
                )
                .await,
        )
        .await;
        let rid = r["id"].as_i64().unwrap();
        let mut buckets = Vec::new();
        for i in 0..10 {
            buckets.push(bucket(&a.api, rid, &format!("Project {i}"), 100, None).await);
        }
        // Alpha has 5 000: ten placements of 1 000 at once, by two people.
        for _ in 0..3 {
            let tries = buckets
                .iter()
                .enumerate()
                .map(|(i, id)| (if i % 2 == 0 { &a.api } else { &a2 }, *id, 1_000))
                .collect();
            let statuses = at_once(tries).await;
            let ok = statuses.iter().filter(|s| **s == 200).count();
            assert_eq!(ok, 5, "{statuses:?}");
            assert!(
                statuses.iter().all(|s| *s == 200 || *s == 422 || *s == 409),
                "{statuses:?}"
            );
            let mine = admin.json(&format!("/api/v1/rounds/{rid}/allocations")).await;
            let alpha = mine
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["organisation_id"] == a.id)
                .unwrap()
                .clone();
            assert_eq!(alpha["placed_cents"], 5_000, "{alpha}");
            let mut placed = 0;
            for id in &buckets {
                placed += admin.json(&format!("/api/v1/buckets/{id}")).await["placed_cents"]
                    .as_i64()
                    .unwrap();
            }
            assert_eq!(placed, 5_000);
            // Take everything back for the next try.
            for id in &buckets {
                assert_eq!(place(&a.api, *id, None, 0).await.0, 200);
            }
        }
        // Two people of Alpha changing one bucket at once: the stored amounts agree.
        let one = buckets[0];
        let tries = vec![
            (&a.api, one, 3_000),
            (&a2, one, 4_000),
            (&a.api, one, 2_000),
            (&a2, one, 1_000),
        ];
        let statuses = at_once(tries).await;
        assert!(statuses.contains(&200), "{statuses:?}");
        let detail = admin.json(&format!("/api/v1/buckets/{}", buckets[0])).await;
        let mine = admin.json(&format!("/api/v1/rounds/{rid}/allocations")).await;
        let alpha = mine
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["organisation_id"] == a.id)
            .unwrap()
            .clone();
        assert_eq!(detail["placed_cents"], alpha["placed_cents"], "{detail} {alpha}");
        assert_eq!(
            detail["placements"][0]["amount_cents"], detail["placed_cents"],
            "{detail}"
        );
    }
);

both_backends!(
    rounds_opened_at_once_never_promise_the_same_money_twice,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let a = member(&app, &admin, "Alpha Tech").await;
        let _b = member(&app, &admin, "Beta Code").await;
        let pool = created(admin.post("/api/v1/pools", &json!({"name": "Fund"})).await).await;
        let pid = pool["id"].as_i64().unwrap();
        created(
            admin
                .post(
                    &format!("/api/v1/pools/{pid}/contributions"),
                    &json!({"organisation_id": a.id, "amount_cents": 10_000, "received": true}),
                )
                .await,
        )
        .await;
        // Six rounds at once, each sharing out everything available: one gets it.
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..6 {
            let api = Api {
                http: admin.http.clone(),
                base: admin.base.clone(),
                token: admin.token.clone(),
            };
            let body = json!({"pool_id": pid, "title": format!("Round {i}"), "opens_at": "2020-01-01",
                "closes_at": in_days(&app, 3), "allocation": "equal",
                "matching": {"kind": "quadratic", "pool_cents": 2_000}});
            tasks.spawn(async move { status_and_json(api.post("/api/v1/rounds", &body).await).await });
        }
        let answers = tasks.join_all().await;
        let ok = answers.iter().filter(|(s, _)| *s == 201).count();
        assert_eq!(ok, 1, "{answers:?}");
        for (s, body) in &answers {
            if *s != 201 {
                assert_eq!(*s, 422, "{body}");
                assert!(body.to_string().contains("matching.pool_cents"), "{body}");
            }
        }
        let p = admin.json(&format!("/api/v1/pools/{pid}")).await;
        assert_eq!(p["committed_cents"], 10_000, "{p}");
        assert_eq!(p["available_cents"], 0, "{p}");
        let rounds = admin.json("/api/v1/rounds").await;
        assert_eq!(rounds.as_array().unwrap().len(), 1, "{rounds}");
        let budgets: i64 = rounds
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["budget_cents"].as_i64().unwrap())
            .sum();
        assert_eq!(budgets, 8_000, "{rounds}");
    }
);

both_backends!(
    a_round_per_person_matches_an_organisation_once,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let a = member(&app, &admin, "Alpha Tech").await;
        let b = member(&app, &admin, "Beta Code").await;
        let a2_id = app
            .person("dev@alphatech.example", "Dev Alpha", Some(a.id), false, false)
            .await;
        let a2 = app.api(&app.token_for(a2_id).await);
        let pool = created(admin.post("/api/v1/pools", &json!({"name": "Fund"})).await).await;
        let pid = pool["id"].as_i64().unwrap();
        for (org, cents) in [(a.id, 6_000), (b.id, 3_000)] {
            created(
                admin
                    .post(
                        &format!("/api/v1/pools/{pid}/contributions"),
                        &json!({"organisation_id": org, "amount_cents": cents, "received": true}),
                    )
                    .await,
            )
            .await;
        }
        let body = |participants: &str| {
            json!({"pool_id": pid, "title": "People's round", "opens_at": "2020-01-01",
                "closes_at": in_days(&app, 3), "allocation": "equal", "participants": participants,
                "matching": {"kind": "quadratic", "pool_cents": 3_000}})
        };
        let (status, problem) = status_and_json(admin.post("/api/v1/rounds", &body("everyone")).await).await;
        assert_eq!((status, codes(&problem)), (422, vec!["pools-participants".to_string()]));
        let r = created(admin.post("/api/v1/rounds", &body("person")).await).await;
        assert_eq!(r["participants"], "person", "{r}");
        let rid = r["id"].as_i64().unwrap();
        // 6 000 shared equally among the three people: Alpha's two and Beta's one.
        let lines = admin.json(&format!("/api/v1/rounds/{rid}/allocations")).await;
        let lines = lines.as_array().unwrap();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines.iter().all(|l| l["allocation_cents"] == 2_000), "{lines:?}");
        let persons: Vec<i64> = lines.iter().map(|l| l["person_id"].as_i64().unwrap()).collect();
        assert!(persons.contains(&a2_id), "{lines:?}");
        let x = bucket(&a.api, rid, "Shared tool", 100, None).await;
        let y = bucket(&a.api, rid, "Joint site", 100, None).await;
        let z = bucket(&a.api, rid, "Training", 100, None).await;
        // The round as read before any placement (its buckets are then kept until the
        // database changes, on SQLite): nothing placed.
        let before = admin.json(&format!("/api/v1/rounds/{rid}")).await;
        assert_eq!(before["placed_cents"], 0, "{before}");
        // Each person places their own allocation: Alpha's two in X, Alpha and Beta in Y.
        assert_eq!(place(&a.api, x, None, 1_000).await.0, 200);
        assert_eq!(place(&a2, x, None, 1_000).await.0, 200);
        assert_eq!(place(&a.api, y, None, 500).await.0, 200);
        assert_eq!(place(&b.api, y, None, 500).await.0, 200);
        // The representative has 500 left of their own, whatever Dev Alpha has left.
        let (status, problem) = place(&a.api, z, None, 1_500).await;
        assert_eq!(
            (status, codes(&problem)),
            (422, vec!["pools-more-than-left".to_string()])
        );
        // Each placement shows at once on the round, as read again.
        let after = admin.json(&format!("/api/v1/rounds/{rid}")).await;
        assert_eq!(after["placed_cents"], 3_000, "{after}");
        assert_eq!(after["buckets"][0]["placed_cents"], 2_000, "{after}");
        let listed = admin.json("/api/v1/rounds").await;
        let listed = listed.as_array().unwrap().iter().find(|r| r["id"] == rid).cloned();
        assert_eq!(listed.map(|r| r["placed_cents"].clone()), Some(json!(3_000)));
        let detail = admin.json(&format!("/api/v1/buckets/{x}")).await;
        assert_eq!(detail["placements"].as_array().unwrap().len(), 2, "{detail}");
        assert_eq!(detail["placements"][0]["organisation_id"], a.id, "{detail}");
        assert!(detail["placements"][0]["person"].is_string(), "{detail}");
        // The pages: who receives an allocation, and the caller's own allocation.
        let web = app.client();
        app.login(&web, &a.email).await;
        let page = web.text(&format!("/rounds/{rid}")).await;
        assert!(page.contains("round-participants"), "participants shown");
        assert_eq!(page.matches("id=\"my-allocation-").count(), 1, "only the caller's own");
        let page = web.text(&format!("/buckets/{x}")).await;
        assert!(page.contains("Dev Alpha (Alpha Tech)"), "who placed, by person");

        app.clock.advance(time::Duration::days(4));
        let res = created_ok(admin.post(&format!("/api/v1/rounds/{rid}/close"), &json!({})).await).await;
        // X: Alpha alone (two people, one contributor), weight 0, no match. Y: Alpha and
        // Beta, (√500 + √500)² − 1 000 = 1 000: the whole matching pool.
        let of = |id: i64| {
            res["buckets"]
                .as_array()
                .unwrap()
                .iter()
                .find(|b| b["id"] == id)
                .unwrap()
                .clone()
        };
        assert_eq!(
            (
                of(x)["contributors"].clone(),
                of(x)["weight"].clone(),
                of(x)["matched_cents"].clone()
            ),
            (json!(1), json!("0"), json!(0)),
            "{res}"
        );
        // (Weights are shown as shared: scaled to fit, so only X's zero is exact.)
        assert_eq!(
            (of(y)["contributors"].clone(), of(y)["matched_cents"].clone()),
            (json!(2), json!(3_000)),
            "{res}"
        );
        assert_ne!(of(y)["weight"], json!("0"), "{res}");
        assert_eq!(res["returned_cents"], 3_000, "{res}");
        // Each person's unspent allocation comes back to their own line.
        let lines = admin.json(&format!("/api/v1/rounds/{rid}/allocations")).await;
        let back = |person: i64| {
            lines
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["person_id"] == person)
                .unwrap()["returned_cents"]
                .clone()
        };
        assert_eq!(back(a2_id), json!(1_000));
        let total: i64 = lines
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["returned_cents"].as_i64().unwrap())
            .sum();
        assert_eq!(total, 500 + 1_000 + 1_500, "{lines}");
        app.settle_jobs().await;
        books_are_right(&app, &admin).await;
    }
);

async fn created_ok(r: reqwest::Response) -> Value {
    let (status, body) = status_and_json(r).await;
    assert_eq!(status, 200, "{body}");
    body
}
