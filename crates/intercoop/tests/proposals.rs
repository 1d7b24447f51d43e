//! Proposals and co-funding, end to end through the running server, on SQLite and
//! PostgreSQL: the seed co-fundings to the cent, concurrent pledges, closing, catch-up
//! shares, bad input, role checks, emails and the daily digest, polls' effects.

mod common;

use common::{Api, TestApp, amounts, open, pledge_ok};
use intercoop::funding::entities::{campaign, pledge};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait};
use serde_json::{Value, json};

/// An organisation with a representative and its API.
struct Org {
    id: i64,
    email: String,
    api: Api,
}

async fn member(app: &TestApp, admin: &Api, name: &str, kind: &str, size: Option<i64>) -> Org {
    let id = app.organisation(admin, name, kind, size).await;
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

async fn supermarkets(app: &TestApp, admin: &Api, n: usize) -> Vec<Org> {
    let mut out = Vec::new();
    for i in 0..n {
        out.push(
            member(
                app,
                admin,
                &format!("Supermarket {i:02}"),
                "user",
                Some(500 + 100 * i as i64),
            )
            .await,
        );
    }
    out
}

async fn proposal(admin: &Api, by: i64, title: &str) -> i64 {
    let r = admin
        .post(
            "/api/v1/proposals",
            &json!({"title": title, "description": "We need **this**.", "requested_by": by}),
        )
        .await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["status"], "discussion");
    v["id"].as_i64().unwrap()
}

async fn problem(r: reqwest::Response, status: u16) -> Value {
    assert_eq!(r.status().as_u16(), status);
    r.json().await.unwrap()
}

both_backends!(seed_cofundings_to_the_cent, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let coop = member(&app, &admin, "Coop Commons", "facilitator", None).await;
    let shops = supermarkets(&app, &admin, 6).await;
    let provider = member(&app, &admin, "Code Coop", "provider", None).await;

    // 1. The 50 000 € migration, shared by 6 supermarkets and the facilitating coop.
    let id = proposal(&admin, shops[0].id, "Migrate to Odoo 16").await;
    let r = provider
        .api
        .post(
            &format!("/api/v1/proposals/{id}/quotes"),
            &json!({"provider_id": provider.id, "amount_cents": 5_000_000}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let quote: Value = r.json().await.unwrap();
    assert_eq!(quote["amount_cents"], 5_000_000);
    let p = admin.json(&format!("/api/v1/proposals/{id}")).await;
    assert_eq!(p["status"], "quoted");
    let opened = open(
        &admin,
        id,
        json!({"quote_id": quote["id"], "key": {"kind": "equal"}, "min_participants": 7}),
    )
    .await;
    assert_eq!(opened["status"], "funding");
    assert_eq!(opened["selected_quote_id"], quote["id"]);
    for s in &shops {
        pledge_ok(&s.api, id, s.id).await;
    }
    pledge_ok(&coop.api, id, coop.id).await;
    let shares = admin.json(&format!("/api/v1/proposals/{id}/shares")).await;
    assert_eq!(shares["total_cents"], 5_000_000);
    assert_eq!(shares["covered_cents"], 5_000_000);
    assert_eq!(shares["shortfall_cents"], 0);
    // 5 000 000 / 7 = 714 285.71…: the five lowest ids keep the extra cent.
    let mut ids: Vec<i64> = shops.iter().map(|s| s.id).chain([coop.id]).collect();
    ids.sort();
    let expected: Vec<(i64, i64)> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, if i < 5 { 714_286 } else { 714_285 }))
        .collect();
    assert_eq!(amounts(&shares), expected);
    assert!(shares["shares"].as_array().unwrap().iter().all(|s| s["fixed"] == false));
    let closed: Value = admin
        .post(&format!("/api/v1/proposals/{id}/close"), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(closed["status"], "funded");
    let mut requests: Vec<(i64, i64)> = closed["payment_requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["organisation_id"].as_i64().unwrap(),
                r["amount_cents"].as_i64().unwrap(),
            )
        })
        .collect();
    requests.sort();
    assert_eq!(requests, expected);
    let mails = app.mails_to(&shops[0].email).await;
    let request_mail = mails
        .iter()
        .find(|m| m.kind.as_str() == "payment_request")
        .expect("payment request mail");
    // The network speaks French: 7 142,86 €.
    assert!(request_mail.text_body.contains("142,86"), "{}", request_mail.text_body);
    assert!(mails.iter().any(|m| m.kind.as_str() == "campaign_opened"));
    assert!(mails.iter().any(|m| m.kind.as_str() == "campaign_funded"));

    // 2. A 300 € improvement shared by 4 supermarkets.
    let id = proposal(&admin, shops[1].id, "Shelf labels").await;
    open(&admin, id, json!({"amount_cents": 30_000, "key": {"kind": "equal"}})).await;
    for s in &shops[..4] {
        pledge_ok(&s.api, id, s.id).await;
    }
    let shares = admin.json(&format!("/api/v1/proposals/{id}/shares")).await;
    assert!(amounts(&shares).iter().all(|(_, a)| *a == 7_500));
    assert_eq!(amounts(&shares).len(), 4);
    let closed: Value = admin
        .post(&format!("/api/v1/proposals/{id}/close"), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(closed["status"], "funded");
    assert_eq!(closed["payment_requests"].as_array().unwrap().len(), 4);

    // 3. A 400 € improvement shared by 2.
    let id = proposal(&admin, shops[2].id, "Deposit on jars").await;
    open(
        &admin,
        id,
        json!({"amount_cents": 40_000, "key": {"kind": "equal"}, "min_participants": 2}),
    )
    .await;
    // Before joining, the second sees its would-be share and the first's drop.
    pledge_ok(&shops[4].api, id, shops[4].id).await;
    let preview = shops[5]
        .api
        .json(&format!(
            "/api/v1/proposals/{id}/preview?organisation_id={}",
            shops[5].id
        ))
        .await;
    assert_eq!(preview["your_share_cents"], 20_000);
    assert_eq!(preview["changes"][0]["before_cents"], 40_000);
    assert_eq!(preview["changes"][0]["after_cents"], 20_000);
    let after = pledge_ok(&shops[5].api, id, shops[5].id).await;
    assert_eq!(amounts(&after), vec![(shops[4].id, 20_000), (shops[5].id, 20_000)]);
    let closed: Value = admin
        .post(&format!("/api/v1/proposals/{id}/close"), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(closed["status"], "funded");
    app.stop().await;
});

both_backends!(fixed_contributions_caps_and_shortfall, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let coop = member(&app, &admin, "Coop Commons", "facilitator", None).await;
    let shops = supermarkets(&app, &admin, 3).await; // sizes 500, 600, 700
    let id = proposal(&admin, shops[0].id, "Migration").await;
    // The facilitating coop covers 10 000 €; 30 % by a grant (here the coop's partner share).
    open(
        &admin,
        id,
        json!({"amount_cents": 5_000_000, "key": {"kind": "size"}, "fixed": [{"organisation_id": coop.id, "amount_cents": 1_000_000}]}),
    )
    .await;
    for s in &shops {
        pledge_ok(&s.api, id, s.id).await;
    }
    let shares = admin.json(&format!("/api/v1/proposals/{id}/shares")).await;
    // 4 000 000 by size 500:600:700 = 1 111 111.1…, 1 333 333.3…, 1 555 555.5…
    let a = amounts(&shares);
    assert_eq!(a.iter().map(|x| x.1).sum::<i64>(), 5_000_000);
    let fixed: Vec<&Value> = shares["shares"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["fixed"] == true)
        .collect();
    assert_eq!(fixed.len(), 1);
    assert_eq!(fixed[0]["amount_cents"], 1_000_000);
    // Rounded with one common rate: 1 111 111, 1 333 333, 1 555 556.
    assert_eq!(
        &a[1..],
        &[
            (shops[0].id, 1_111_111),
            (shops[1].id, 1_333_333),
            (shops[2].id, 1_555_556)
        ]
    );
    assert_eq!(a[0], (coop.id, 1_000_000));

    // Caps: a 300 € campaign where two of three cap at 50 €: the third pays the rest;
    // with all capped below the total, the shortfall shows.
    let id = proposal(&admin, shops[1].id, "Labels").await;
    open(&admin, id, json!({"amount_cents": 30_000, "key": {"kind": "equal"}})).await;
    for s in &shops[..2] {
        let r = s
            .api
            .post(
                &format!("/api/v1/proposals/{id}/pledges"),
                &json!({"organisation_id": s.id, "cap_cents": 5_000}),
            )
            .await;
        assert_eq!(r.status(), 201);
    }
    let shares = admin.json(&format!("/api/v1/proposals/{id}/shares")).await;
    assert_eq!(shares["shortfall_cents"], 20_000);
    assert_eq!(shares["covered_cents"], 10_000);
    pledge_ok(&shops[2].api, id, shops[2].id).await;
    let shares = admin.json(&format!("/api/v1/proposals/{id}/shares")).await;
    assert_eq!(shares["shortfall_cents"], 0);
    assert_eq!(
        amounts(&shares),
        vec![(shops[0].id, 5_000), (shops[1].id, 5_000), (shops[2].id, 20_000)]
    );
    assert!(
        shares["shares"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["capped"] == true)
            .count()
            == 2
    );
    app.stop().await;
});

both_backends!(fifty_concurrent_pledges_none_lost, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let shops = supermarkets(&app, &admin, 50).await;
    let id = proposal(&admin, shops[0].id, "Everyone in").await;
    open(&admin, id, json!({"amount_cents": 1_000_003, "key": {"kind": "size"}})).await;
    let mut tasks = Vec::new();
    for s in shops {
        tasks.push(tokio::spawn(async move {
            let r = s
                .api
                .post(
                    &format!("/api/v1/proposals/{id}/pledges"),
                    &json!({"organisation_id": s.id}),
                )
                .await;
            (s, r.status().as_u16())
        }));
    }
    let mut shops = Vec::new();
    for t in tasks {
        let (s, status) = t.await.unwrap();
        assert_eq!(status, 201);
        shops.push(s);
    }
    let shares = admin.json(&format!("/api/v1/proposals/{id}/shares")).await;
    let a = amounts(&shares);
    assert_eq!(a.len(), 50);
    assert_eq!(a.iter().map(|x| x.1).sum::<i64>(), 1_000_003);
    assert_eq!(shares["shortfall_cents"], 0);
    // The same organisation pledging ten times at once: one pledge, nine conflicts.
    let id2 = proposal(&admin, shops[0].id, "Twice").await;
    open(&admin, id2, json!({"amount_cents": 10_000, "key": {"kind": "equal"}})).await;
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let api = app.api(&app.admin_token().await);
        let org = shops[0].id;
        tasks.push(tokio::spawn(async move {
            api.post(
                &format!("/api/v1/proposals/{id2}/pledges"),
                &json!({"organisation_id": org}),
            )
            .await
            .status()
            .as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    statuses.sort();
    assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 201 || *s == 409), "{statuses:?}");
    let total = pledge::Entity::find().count(&app.db().read).await.unwrap();
    assert_eq!(total, 51);
    app.stop().await;
});

both_backends!(catch_up_shares_refund_the_funders, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let shops = supermarkets(&app, &admin, 6).await;
    let provider = member(&app, &admin, "Code Coop", "provider", None).await;
    let id = proposal(&admin, shops[0].id, "Shelf labels").await;
    let q: Value = provider
        .api
        .post(
            &format!("/api/v1/proposals/{id}/quotes"),
            &json!({"provider_id": provider.id, "amount_cents": 30_000}),
        )
        .await
        .json()
        .await
        .unwrap();
    open(
        &admin,
        id,
        json!({"quote_id": q["id"], "key": {"kind": "equal"}, "catch_up_years": 2}),
    )
    .await;
    for s in &shops[..4] {
        pledge_ok(&s.api, id, s.id).await;
    }
    // Adopting before delivery is refused.
    let r = shops[4]
        .api
        .post(
            &format!("/api/v1/proposals/{id}/adopt"),
            &json!({"organisation_id": shops[4].id}),
        )
        .await;
    assert_eq!(problem(r, 409).await["status"], 409);
    admin.post(&format!("/api/v1/proposals/{id}/close"), &json!({})).await;
    // The selected provider delivers.
    let r = provider
        .api
        .post(&format!("/api/v1/proposals/{id}/deliver"), &json!({}))
        .await;
    assert_eq!(r.status(), 200);
    let p: Value = r.json().await.unwrap();
    assert_eq!(p["status"], "delivered");
    // A fifth supermarket adopts: it pays 60 €, each funder is credited 15 €.
    let r = shops[4]
        .api
        .post(
            &format!("/api/v1/proposals/{id}/adopt"),
            &json!({"organisation_id": shops[4].id}),
        )
        .await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    let a: Value = r.json().await.unwrap();
    assert_eq!(a["amount_cents"], 6_000);
    let credits: Vec<(i64, i64)> = a["credits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["organisation_id"].as_i64().unwrap(),
                c["amount_cents"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(credits, shops[..4].iter().map(|s| (s.id, 1_500)).collect::<Vec<_>>());
    let shares = admin.json(&format!("/api/v1/proposals/{id}/shares")).await;
    assert!(amounts(&shares).iter().all(|(_, a)| *a == 6_000));
    // A sixth adopts: 50 € each in the end; credits 10 € to each of the five.
    let a: Value = shops[5]
        .api
        .post(
            &format!("/api/v1/proposals/{id}/adopt"),
            &json!({"organisation_id": shops[5].id}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(a["amount_cents"], 5_000);
    assert_eq!(a["credits"].as_array().unwrap().len(), 5);
    assert!(
        a["credits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["amount_cents"] == 1_000)
    );
    // Adopting twice, or as a funder, is a conflict.
    let r = shops[5]
        .api
        .post(
            &format!("/api/v1/proposals/{id}/adopt"),
            &json!({"organisation_id": shops[5].id}),
        )
        .await;
    assert_eq!(r.status(), 409);
    // Every member sees its credits.
    let c = shops[0]
        .api
        .json(&format!("/api/v1/commitments?organisation_id={}", shops[0].id))
        .await;
    assert_eq!(c["credited_total_cents"], 2_500);
    assert_eq!(c["requested_total_cents"], 7_500);
    let mails = app.mails_to(&shops[0].email).await;
    assert_eq!(mails.iter().filter(|m| m.kind.as_str() == "catch_up_credit").count(), 2);
    assert!(
        app.mails_to(&shops[4].email)
            .await
            .iter()
            .any(|m| m.kind.as_str() == "payment_request" && m.text_body.contains("60"))
    );
    let browser = app.client();
    app.login(&browser, &shops[0].email).await;
    let page = browser.text("/proposals/commitments").await;
    assert!(
        page.contains("Supermarket 04") && page.contains("€15.00") || page.contains("15.00"),
        "{page}"
    );
    app.stop().await;
});

both_backends!(bad_input_is_refused_and_nothing_stored, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let shops = supermarkets(&app, &admin, 2).await;
    let provider = member(&app, &admin, "Code Coop", "provider", None).await;
    let r = admin
        .post(
            "/api/v1/organisations",
            &json!({"name": "Candidate Coop", "kind": "user", "status": "candidate"}),
        )
        .await;
    let candidate = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let id = proposal(&admin, shops[0].id, "Labels").await;
    let campaigns = || async { campaign::Entity::find().count(&app.db().read).await.unwrap() };
    let path = format!("/api/v1/proposals/{id}/campaign");
    for (body, field) in [
        (json!({"amount_cents": 0, "key": {"kind": "equal"}}), "amount_cents"),
        (json!({"amount_cents": -100, "key": {"kind": "equal"}}), "amount_cents"),
        (
            json!({"amount_cents": 100, "key": {"kind": "weights", "weights": {shops[0].id.to_string(): 0}}}),
            "key",
        ),
        (
            json!({"amount_cents": 100, "key": {"kind": "equal"}, "fixed": [{"organisation_id": shops[1].id, "amount_cents": 101}]}),
            "fixed",
        ),
        (
            json!({"amount_cents": 100, "key": {"kind": "equal"}, "deadline": "2001-01-01T00:00:00Z"}),
            "deadline",
        ),
        (
            json!({"amount_cents": 100, "key": {"kind": "equal"}, "fixed": [{"organisation_id": candidate, "amount_cents": 10}]}),
            "fixed",
        ),
        (
            json!({"amount_cents": 100, "key": {"kind": "weights", "weights": {"1": -1}}}),
            "key",
        ),
    ] {
        let p = problem(admin.post(&path, &body).await, 422).await;
        assert_eq!(p["errors"][0]["field"], field, "{body} → {p}");
        assert_eq!(campaigns().await, 0);
    }
    // Quotes: zero amount.
    let r = provider
        .api
        .post(
            &format!("/api/v1/proposals/{id}/quotes"),
            &json!({"provider_id": provider.id, "amount_cents": 0}),
        )
        .await;
    assert_eq!(problem(r, 422).await["errors"][0]["field"], "amount_cents");
    open(&admin, id, json!({"amount_cents": 10_000, "key": {"kind": "equal"}})).await;
    let pledges = || async { pledge::Entity::find().count(&app.db().read).await.unwrap() };
    let ppath = format!("/api/v1/proposals/{id}/pledges");
    // A negative cap.
    let p = problem(
        admin
            .post(&ppath, &json!({"organisation_id": shops[0].id, "cap_cents": -1}))
            .await,
        422,
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "cap_cents");
    // An organisation that is not a member.
    let p = problem(admin.post(&ppath, &json!({"organisation_id": candidate})).await, 422).await;
    assert_eq!(p["errors"][0]["field"], "organisation_id");
    assert_eq!(pledges().await, 0);
    // A second pledge by the same organisation.
    pledge_ok(&shops[0].api, id, shops[0].id).await;
    let p = problem(
        shops[0]
            .api
            .post(&ppath, &json!({"organisation_id": shops[0].id}))
            .await,
        409,
    )
    .await;
    assert!(p["title"].as_str().unwrap().contains("Already joined"), "{p}");
    assert_eq!(pledges().await, 1);
    // A second campaign.
    let r = admin
        .post(&path, &json!({"amount_cents": 100, "key": {"kind": "equal"}}))
        .await;
    assert_eq!(r.status(), 409);
    // A pledge on a closed campaign.
    let closed: Value = admin
        .post(&format!("/api/v1/proposals/{id}/close"), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(closed["status"], "funded");
    let p = problem(
        shops[1]
            .api
            .post(&ppath, &json!({"organisation_id": shops[1].id}))
            .await,
        409,
    )
    .await;
    assert!(p["title"].as_str().unwrap().contains("closed"), "{p}");
    let r = shops[0]
        .api
        .delete(&format!("{ppath}?organisation_id={}", shops[0].id))
        .await;
    assert_eq!(r.status(), 409);
    assert_eq!(pledges().await, 1);
    // A proposal that does not exist (the batch of pledges answers it, nothing read before).
    let r = shops[1]
        .api
        .post(
            "/api/v1/proposals/9999999/pledges",
            &json!({"organisation_id": shops[1].id}),
        )
        .await;
    problem(r, 404).await;
    assert_eq!(pledges().await, 1);
    // A key by weights that leaves a pledging organisation out.
    let id = proposal(&admin, shops[0].id, "Weighted").await;
    open(
        &admin,
        id,
        json!({"amount_cents": 100, "key": {"kind": "weights", "weights": {shops[0].id.to_string(): 2}}}),
    )
    .await;
    let p = problem(
        shops[1]
            .api
            .post(
                &format!("/api/v1/proposals/{id}/pledges"),
                &json!({"organisation_id": shops[1].id}),
            )
            .await,
        422,
    )
    .await;
    assert_eq!(p["errors"][0]["code"], "proposals-not-in-key");
    assert_eq!(pledges().await, 1);
    app.stop().await;
});

both_backends!(transitions_check_roles_and_keep_a_timeline, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let shops = supermarkets(&app, &admin, 2).await;
    let provider = member(&app, &admin, "Code Coop", "provider", None).await;
    // A plain member of the first supermarket (not its representative).
    let tom = app
        .person("tom@shop.example", "Tom", Some(shops[0].id), false, false)
        .await;
    let tom = app.api(&app.token_for(tom).await);
    let r = tom
        .post(
            "/api/v1/proposals",
            &json!({"title": "Draft need", "requested_by": shops[0].id, "draft": true}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let tpath = format!("/api/v1/proposals/{id}/transition");
    // Someone of another organisation may not move it; its author may.
    assert_eq!(
        shops[1].api.post(&tpath, &json!({"to": "discussion"})).await.status(),
        403
    );
    let r = tom
        .post(&tpath, &json!({"to": "discussion", "reason": "Ready for comments"}))
        .await;
    assert_eq!(r.status(), 200);
    // Only the core circle or administrators reject; not providers, not the author.
    assert_eq!(
        provider
            .api
            .post(&tpath, &json!({"to": "rejected", "reason": "no"}))
            .await
            .status(),
        403
    );
    assert_eq!(tom.post(&tpath, &json!({"to": "rejected"})).await.status(), 403);
    // Not an allowed pair at all: 409.
    assert_eq!(admin.post(&tpath, &json!({"to": "delivered"})).await.status(), 409);
    assert_eq!(admin.post(&tpath, &json!({"to": "funded"})).await.status(), 409);
    // Only administrators open the co-funding or close it.
    let cpath = format!("/api/v1/proposals/{id}/campaign");
    assert_eq!(
        tom.post(&cpath, &json!({"amount_cents": 100, "key": {"kind": "equal"}}))
            .await
            .status(),
        403
    );
    assert_eq!(campaign::Entity::find().count(&app.db().read).await.unwrap(), 0);
    open(
        &admin,
        id,
        json!({"amount_cents": 100, "key": {"kind": "equal"}, "min_participants": 2}),
    )
    .await;
    // A member who does not represent the organisation may not pledge for it.
    let r = tom
        .post(
            &format!("/api/v1/proposals/{id}/pledges"),
            &json!({"organisation_id": shops[0].id}),
        )
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(
        shops[0]
            .api
            .post(&format!("/api/v1/proposals/{id}/close"), &json!({}))
            .await
            .status(),
        403
    );
    pledge_ok(&shops[0].api, id, shops[0].id).await;
    // Too few participants: lapsed, pledges released, everyone told.
    let closed: Value = admin
        .post(&format!("/api/v1/proposals/{id}/close"), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(closed["status"], "lapsed");
    let released = pledge::Entity::find()
        .filter(pledge::Column::Status.eq("released"))
        .count(&app.db().read)
        .await
        .unwrap();
    assert_eq!(released, 1);
    assert!(
        app.mails_to(&shops[0].email)
            .await
            .iter()
            .any(|m| m.kind.as_str() == "campaign_lapsed")
    );
    assert!(
        app.mails_to("tom@shop.example")
            .await
            .iter()
            .any(|m| m.kind.as_str() == "campaign_lapsed")
    );
    // Administrators reopen a lapsed proposal; the author withdraws it.
    assert_eq!(tom.post(&tpath, &json!({"to": "discussion"})).await.status(), 403);
    assert_eq!(
        admin
            .post(&tpath, &json!({"to": "discussion", "reason": "Second try"}))
            .await
            .status(),
        200
    );
    let p: Value = tom
        .post(&tpath, &json!({"to": "withdrawn", "reason": "Done otherwise"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(p["status"], "withdrawn");
    let steps: Vec<String> = p["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "transition")
        .map(|e| {
            format!(
                "{}>{}:{}",
                e["from_status"].as_str().unwrap(),
                e["to_status"].as_str().unwrap(),
                e["reason"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        steps,
        vec![
            "draft>discussion:Ready for comments",
            "discussion>funding:",
            "funding>lapsed:too_few_participants",
            "lapsed>discussion:Second try",
            "discussion>withdrawn:Done otherwise"
        ]
    );
    // In the audit log, in the same transactions.
    use intercoop::entities::audit_entry;
    let audits = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("proposal.transition"))
        .filter(audit_entry::Column::EntityId.eq(id))
        .count(&app.db().read)
        .await
        .unwrap();
    assert_eq!(audits, 5);
    app.stop().await;
});

/// A proposal whose campaign (`amount_cents`, equal shares) the first `n` supermarkets
/// pledged to, in order.
async fn pledged_campaign(app: &TestApp, admin: &Api, n: usize, amount_cents: i64) -> (Vec<Org>, i64) {
    let shops = supermarkets(app, admin, n).await;
    let id = proposal(admin, shops[0].id, "Labels").await;
    open(
        admin,
        id,
        json!({"amount_cents": amount_cents, "key": {"kind": "equal"}}),
    )
    .await;
    for s in &shops {
        pledge_ok(&s.api, id, s.id).await;
    }
    (shops, id)
}

/// Runs the daily digest now; how many emails it enqueued.
async fn digest(app: &TestApp) -> usize {
    app.share_digest().await
}

/// The campaign of a proposal, as stored.
async fn campaign_of(app: &TestApp, id: i64) -> campaign::Model {
    campaign::Entity::find()
        .filter(campaign::Column::ProposalId.eq(id))
        .one(&app.db().read)
        .await
        .unwrap()
        .unwrap()
}

both_backends!(share_changes_go_in_one_daily_digest, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let (shops, id) = pledged_campaign(&app, &admin, 4, 12_000).await;
    // Three changes for the first organisation (120 → 60 → 40 → 30 €): no email yet, its
    // pledge remembers what it was told (120 €), the campaign waits for the digest.
    let db = &app.db().read;
    let told = |org: i64| async move {
        pledge::Entity::find()
            .filter(pledge::Column::OrganisationId.eq(org))
            .one(db)
            .await
            .unwrap()
            .unwrap()
            .notified_cents
    };
    assert_eq!(told(shops[0].id).await, Some(12_000));
    assert_eq!(
        told(shops[3].id).await,
        Some(3_000),
        "the last one saw its share when pledging"
    );
    let app_ref = &app;
    let due = || async move { campaign_of(app_ref, id).await.digest_due };
    assert!(due().await);
    assert!(
        app.mails_to(&shops[0].email)
            .await
            .iter()
            .all(|m| m.kind.as_str() != "share_digest")
    );
    let sent = digest(&app).await;
    assert_eq!(sent, 3); // the first three organisations; the last one's share never changed
    let digests = |email: String| async move {
        app_ref
            .mails_to(&email)
            .await
            .into_iter()
            .filter(|m| m.kind.as_str() == "share_digest")
            .collect::<Vec<_>>()
    };
    let first = digests(shops[0].email.clone()).await;
    assert_eq!(first.len(), 1);
    assert!(
        first[0].text_body.contains("120,00") && first[0].text_body.contains("30,00"),
        "{}",
        first[0].text_body
    );
    assert!(digests(shops[3].email.clone()).await.is_empty());
    assert!(!due().await);
    assert_eq!(told(shops[0].id).await, Some(3_000));
    // Nothing new: nothing sent.
    assert_eq!(digest(&app).await, 0);
    // A withdrawal raises the others' shares (30 → 40 €): the next digest says so, from
    // the amount the last digest told.
    let r = shops[3]
        .api
        .delete(&format!(
            "/api/v1/proposals/{id}/pledges?organisation_id={}",
            shops[3].id
        ))
        .await;
    assert!(r.status().is_success(), "{}", r.status());
    assert!(due().await);
    assert_eq!(digest(&app).await, 3);
    let second = digests(shops[1].email.clone()).await;
    assert_eq!(second.len(), 2);
    assert!(
        second[1].text_body.contains("30,00") && second[1].text_body.contains("40,00"),
        "{}",
        second[1].text_body
    );
    assert!(digests(shops[3].email.clone()).await.is_empty(), "the leaver knows");
    app.stop().await;
});

both_backends!(a_closed_campaign_is_not_in_the_digest, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let (_, id) = pledged_campaign(&app, &admin, 2, 10_000).await;
    let r = admin.post(&format!("/api/v1/proposals/{id}/close"), &json!({})).await;
    assert_eq!(r.status(), 200);
    // Its participants were told how it closed; the halving of the first share is moot.
    assert_eq!(digest(&app).await, 0);
    assert!(!campaign_of(&app, id).await.digest_due);
    app.stop().await;
});

// Migration 8 replaced the queue of share changes: what was still queued is carried
// over (told the first amount not yet sent), so the next digest sends it once.
both_backends!(
    migration_8_carries_queued_share_changes_over,
    |app: TestApp| async move {
        use sea_orm::sea_query::{Alias, ColumnDef, Index, Query, Table};
        use sea_orm::{ConnectionTrait, Statement};
        let admin = app.api(&app.admin_token().await);
        let (shops, id) = pledged_campaign(&app, &admin, 2, 12_000).await;
        let c = campaign_of(&app, id).await;
        // Back to version 7: the queue holds the first shop's change (120 → 60 €), not sent,
        // and an older one already sent.
        let db = &app.db().write;
        let run = |sql: String| async move {
            db.execute_raw(Statement::from_string(db.get_database_backend(), sql))
                .await
                .unwrap();
        };
        run("DROP INDEX ix_campaigns_digest_due".into()).await;
        run("ALTER TABLE pledges DROP COLUMN notified_cents".into()).await;
        run("ALTER TABLE campaigns DROP COLUMN digest_due".into()).await;
        let col = |name: &str| ColumnDef::new(Alias::new(name)).big_integer().not_null().take();
        db.execute(
            Table::create()
                .table(Alias::new("share_changes"))
                .col(
                    ColumnDef::new(Alias::new("id"))
                        .big_integer()
                        .not_null()
                        .auto_increment()
                        .primary_key(),
                )
                .col(col("network_id"))
                .col(col("campaign_id"))
                .col(col("organisation_id"))
                .col(col("before_cents"))
                .col(col("after_cents"))
                .col(
                    ColumnDef::new(Alias::new("created_at"))
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(ColumnDef::new(Alias::new("sent_at")).timestamp_with_time_zone().null()),
        )
        .await
        .unwrap();
        db.execute(
            Index::create()
                .name("ix_share_changes_sent_at")
                .table(Alias::new("share_changes"))
                .col(Alias::new("sent_at")),
        )
        .await
        .unwrap();
        let now = time::OffsetDateTime::now_utc();
        for (before, after, sent) in [(9_000, 12_000, Some(now)), (12_000, 6_000, None)] {
            db.execute(
                Query::insert()
                    .into_table(Alias::new("share_changes"))
                    .columns(
                        [
                            "network_id",
                            "campaign_id",
                            "organisation_id",
                            "before_cents",
                            "after_cents",
                            "created_at",
                            "sent_at",
                        ]
                        .map(Alias::new),
                    )
                    .values_panic([
                        c.network_id.into(),
                        c.id.into(),
                        shops[0].id.into(),
                        before.into(),
                        after.into(),
                        now.into(),
                        sent.into(),
                    ]),
            )
            .await
            .unwrap();
        }
        run("DELETE FROM schema_migrations WHERE version = 8".into()).await;
        assert_eq!(app.db().migrate(&intercoop::app::rebuilds()).await.unwrap(), 1);

        let told: Vec<(i64, Option<i64>)> = pledge::Entity::find()
            .filter(pledge::Column::CampaignId.eq(c.id))
            .all(&app.db().read)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.organisation_id, p.notified_cents))
            .collect();
        assert_eq!(told, vec![(shops[0].id, Some(12_000)), (shops[1].id, Some(6_000))]);
        let c = campaign::Entity::find_by_id(c.id)
            .one(&app.db().read)
            .await
            .unwrap()
            .unwrap();
        assert!(c.digest_due);
        assert!(
            db.execute_raw(Statement::from_string(
                db.get_database_backend(),
                "SELECT 1 FROM share_changes"
            ))
            .await
            .is_err(),
            "the queue is gone"
        );
        let sent = digest(&app).await;
        assert_eq!(sent, 1);
        let digest: Vec<_> = app
            .mails_to(&shops[0].email)
            .await
            .into_iter()
            .filter(|m| m.kind.as_str() == "share_digest")
            .collect();
        assert_eq!(digest.len(), 1);
        assert!(
            digest[0].text_body.contains("120,00") && digest[0].text_body.contains("60,00"),
            "{}",
            digest[0].text_body
        );
        app.stop().await;
    }
);

both_backends!(
    posting_tells_the_organisations_running_the_software,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let shops = supermarkets(&app, &admin, 3).await;
        for (s, software) in [
            // Written as the proposal form's example writes it.
            (&shops[1], json!(["Odoo 16 / cooperator"])),
            (&shops[2], json!(["Odoo 12", "cooperator"])),
        ] {
            let r = admin
                .patch(
                    &format!("/api/v1/organisations/{}", s.id),
                    &json!({"software": software}),
                )
                .await;
            assert_eq!(r.status(), 200);
        }
        let r = admin
        .post("/api/v1/people", &json!({"email": "lea@shop01.example", "name": "Léa", "organisation_id": shops[1].id, "language": "fr"}))
        .await;
        assert_eq!(r.status(), 201);
        let r = admin
        .post(
            "/api/v1/proposals",
            &json!({"title": "Parts sociales en ligne", "description": "<script>alert(1)</script>\n\n**Vite**", "requested_by": shops[0].id, "software": "Odoo 16 / cooperator", "links": ["https://github.com/coopiteasy/cooperator/issues/1"]}),
        )
        .await;
        assert_eq!(r.status(), 201);
        let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        let told: Vec<_> = app
            .mails_to("lea@shop01.example")
            .await
            .into_iter()
            .filter(|m| m.kind.as_str() == "proposal_posted")
            .collect();
        assert_eq!(told.len(), 1);
        assert_eq!(told[0].language.code(), "fr");
        assert!(told[0].subject.contains("Parts sociales en ligne"));
        assert!(told[0].text_body.contains(&format!("/proposals/{id}")));
        assert_eq!(
            app.mails_to(&shops[1].email)
                .await
                .iter()
                .filter(|m| m.kind.as_str() == "proposal_posted")
                .count(),
            1
        );
        assert!(
            app.mails_to(&shops[2].email)
                .await
                .iter()
                .all(|m| m.kind.as_str() != "proposal_posted")
        );
        // The description is rendered as Markdown, sanitized.
        let browser = app.client();
        app.login(&browser, &shops[2].email).await;
        let page = browser.text(&format!("/proposals/{id}")).await;
        assert!(page.contains("<strong>Vite</strong>"), "{page}");
        assert!(!page.contains("<script>alert"), "{page}");
        // Comments and objections.
        let r = shops[2]
            .api
            .post(
                &format!("/api/v1/proposals/{id}/comments"),
                &json!({"body": "Not on our Odoo 12!", "objection": true, "organisation_id": shops[2].id}),
            )
            .await;
        assert_eq!(r.status(), 201);
        let p: Value = r.json().await.unwrap();
        assert_eq!(p["comments"][0]["is_objection"], true);
        // "We need it too" counts once per organisation and drives "most wanted".
        for _ in 0..2 {
            let r = shops[2]
                .api
                .post(
                    &format!("/api/v1/proposals/{id}/interest"),
                    &json!({"organisation_id": shops[2].id}),
                )
                .await;
            assert_eq!(r.status(), 200);
        }
        let other = proposal(&admin, shops[0].id, "Later need").await;
        let list = admin.json("/api/v1/proposals?sort=wanted").await;
        assert_eq!(list["items"][0]["id"], id);
        assert_eq!(list["items"][0]["interested"], 1);
        let list = admin.json("/api/v1/proposals").await;
        assert_eq!(list["items"][0]["id"], other);
        assert_eq!(list["total"], 2);
        let list = admin.json("/api/v1/proposals?software=odoo%2016").await;
        assert_eq!(list["items"].as_array().unwrap().len(), 1);
        assert_eq!(list["total"], 1);
        let list = admin.json("/api/v1/proposals?per_page=1&page=2").await;
        assert_eq!(list["items"][0]["id"], id);
        app.stop().await;
    }
);

both_backends!(polls_apply_effects_and_set_the_priority, |app: TestApp| async move {
    use intercoop::proposals::priority::set_priority as set_network_priority;
    use intercoop::proposals::{ProposalEffect, apply_effect};
    let admin = app.api(&app.admin_token().await);
    let shops = supermarkets(&app, &admin, 2).await;
    let network = app.network_id().await;
    let r = admin
        .post(
            "/api/v1/proposals",
            &json!({"title": "Draft", "requested_by": shops[0].id, "draft": true}),
        )
        .await;
    let a = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let b = proposal(&admin, shops[0].id, "B").await;
    let c = proposal(&admin, shops[1].id, "C").await;
    let txn = app.db().write.begin().await.unwrap();
    apply_effect(&txn, network, a, &ProposalEffect::Discuss, 41)
        .await
        .unwrap();
    apply_effect(
        &txn,
        network,
        b,
        &ProposalEffect::OpenFunding {
            terms: json!({"amount_cents": 30_000, "key": {"kind": "equal"}, "min_participants": 2}),
        },
        42,
    )
    .await
    .unwrap();
    apply_effect(&txn, network, c, &ProposalEffect::Reject, 43)
        .await
        .unwrap();
    txn.commit().await.unwrap();
    // A rejected proposal cannot be rejected again; bad terms are a 422; nothing stored.
    let txn = app.db().write.begin().await.unwrap();
    let e = apply_effect(&txn, network, c, &ProposalEffect::Reject, 44)
        .await
        .unwrap_err();
    assert_eq!(e.status().as_u16(), 409);
    let e = apply_effect(
        &txn,
        network,
        a,
        &ProposalEffect::OpenFunding {
            terms: json!({"amount_cents": -5, "key": {"kind": "equal"}}),
        },
        45,
    )
    .await
    .unwrap_err();
    assert_eq!(e.status().as_u16(), 422);
    drop(txn);
    let pa = admin.json(&format!("/api/v1/proposals/{a}")).await;
    assert_eq!(pa["status"], "discussion");
    assert_eq!(pa["timeline"].as_array().unwrap().last().unwrap()["poll_id"], 41);
    let pb = admin.json(&format!("/api/v1/proposals/{b}")).await;
    assert_eq!(pb["status"], "funding");
    assert_eq!(pb["campaign"]["amount_cents"], 30_000);
    assert_eq!(pb["campaign"]["min_participants"], 2);
    assert_eq!(
        admin.json(&format!("/api/v1/proposals/{c}")).await["status"],
        "rejected"
    );
    // The campaign opened by the poll is announced by a job enqueued with it, once.
    app.run_jobs().await;
    assert_eq!(
        app.mails_to(&shops[0].email)
            .await
            .iter()
            .filter(|m| m.kind.as_str() == "campaign_opened")
            .count(),
        1
    );
    // The network priority.
    let txn = app.db().write.begin().await.unwrap();
    set_network_priority(
        &txn,
        network,
        50,
        intercoop_domain::voting::MethodKind::Schulze,
        &[c, a, b],
        &[1, 2, 2],
    )
    .await
    .unwrap();
    txn.commit().await.unwrap();
    let list = admin.json("/api/v1/proposals?sort=priority").await;
    let order: Vec<i64> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    assert_eq!(order, vec![c, a, b]);
    // A and B, left equal by the poll, share the second place and say so.
    let places: Vec<(i64, bool)> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["priority_rank"].as_i64().unwrap(),
                r["priority_tied"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(places, [(1, false), (2, true), (2, true)]);
    assert_eq!(list["items"][0]["priority_method"], "schulze");
    assert_eq!(list["items"][0]["priority_poll_id"], 50);
    let browser = app.client();
    app.login(&browser, "admin@test.example").await;
    let page = browser.text("/proposals?sort=priority").await;
    assert!(page.contains("schulze") && page.contains("#50"), "{page}");
    app.stop().await;
});

both_backends!(the_deadline_job_closes_once, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let shops = supermarkets(&app, &admin, 2).await;
    let id = proposal(&admin, shops[0].id, "Labels").await;
    open(&admin, id, json!({"amount_cents": 10_000, "key": {"kind": "equal"}})).await;
    pledge_ok(&shops[0].api, id, shops[0].id).await;
    pledge_ok(&shops[1].api, id, shops[1].id).await;
    // The deadline (30 days by default) passes.
    app.clock.advance(time::Duration::days(31));
    app.run_jobs().await;
    app.run_jobs().await;
    let p = admin.json(&format!("/api/v1/proposals/{id}")).await;
    assert_eq!(p["status"], "funded");
    let c = shops[1]
        .api
        .json(&format!("/api/v1/commitments?organisation_id={}", shops[1].id))
        .await;
    assert_eq!(c["payment_requests"].as_array().unwrap().len(), 1);
    assert_eq!(c["payment_requests"][0]["amount_cents"], 5_000);
    app.stop().await;
});

both_backends!(a_representative_joins_from_the_page, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let shops = supermarkets(&app, &admin, 3).await;
    let id = proposal(&admin, shops[0].id, "Shelf labels").await;
    open(&admin, id, json!({"amount_cents": 120_000, "key": {"kind": "equal"}})).await;
    pledge_ok(&shops[0].api, id, shops[0].id).await;
    pledge_ok(&shops[1].api, id, shops[1].id).await;
    let browser = app.client();
    app.login(&browser, &shops[2].email).await;
    // The dashboard says a decision waits, in the page's language.
    let dashboard = browser.text("/dashboard").await;
    assert!(
        dashboard.contains("Proposals waiting for your decision") && dashboard.contains(&format!("/proposals/{id}")),
        "{dashboard}"
    );
    let mine = browser.text("/proposals?mine=1").await;
    assert!(mine.contains("Shelf labels"), "{mine}");
    let page = browser.text(&format!("/proposals/{id}")).await;
    assert!(page.contains("Your share would be"), "{page}");
    assert!(page.contains("€400.00"), "{page}");
    assert!(page.contains("€600.00 → €400.00"), "{page}");
    let r = browser
        .form(
            &format!("/proposals/{id}/pledge"),
            &[("organisation_id", &shops[2].id.to_string()), ("cap", "")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let page = browser.text(&format!("/proposals/{id}")).await;
    assert!(page.contains("Share of Supermarket 02"), "{page}");
    assert!(!page.contains("Your share would be"));
    let mine = browser.text("/proposals?mine=1").await;
    assert!(!mine.contains("Shelf labels"), "{mine}");
    // The list shows the progress; the commitments page the share.
    let list = browser.text("/proposals?sort=funded").await;
    assert!(list.contains("<progress") && list.contains("value=\"100\""), "{list}");
    let mine = browser.text("/proposals/commitments").await;
    assert!(mine.contains("Shelf labels") && mine.contains("€400.00"), "{mine}");
    // A second join from the page is a conflict page.
    let r = browser
        .form(
            &format!("/proposals/{id}/pledge"),
            &[("organisation_id", &shops[2].id.to_string()), ("cap", "")],
        )
        .await;
    assert_eq!(r.status(), 409);
    app.stop().await;
});

both_backends!(the_whole_journey_through_the_pages, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let shops = supermarkets(&app, &admin, 3).await;
    let provider = member(&app, &admin, "Code Coop", "provider", None).await;
    // A representative posts the need from the form; a bad link keeps what was typed.
    let rep = app.client();
    app.login(&rep, &shops[0].email).await;
    let r = rep
        .form(
            "/proposals",
            &[
                ("title", "Print shelf labels"),
                ("description", "Labels"),
                ("software", ""),
                ("links", "not a link"),
                ("requested_by", &shops[0].id.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("Print shelf labels") && page.contains("aria-invalid=\"true\""),
        "{page}"
    );
    let r = rep
        .form(
            "/proposals",
            &[
                ("title", "Print shelf labels"),
                ("description", "Labels"),
                ("software", ""),
                ("links", "https://github.com/OCA/report-print-send"),
                ("requested_by", &shops[0].id.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let path = r.headers()["location"].to_str().unwrap().to_string();
    let id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    let q: Value = provider
        .api
        .post(
            &format!("/api/v1/proposals/{id}/quotes"),
            &json!({"provider_id": provider.id, "amount_cents": 100_000, "vat_basis_points": 2_100, "hours": 12}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(q["total_cents"], 121_000);
    // The facilitator selects the quote and opens the co-funding from the page.
    let fac = app.client();
    app.login(&fac, "admin@test.example").await;
    let r = fac
        .form(&format!("/proposals/{id}/quotes/{}/select", q["id"]), &[])
        .await;
    assert_eq!(r.status(), 303);
    let r = fac
        .form(
            &format!("/proposals/{id}/campaign"),
            &[
                ("quote_id", &q["id"].to_string()),
                ("amount", ""),
                ("key", "equal"),
                ("deadline", "2099-01-31"),
                ("min_participants", "2"),
                ("fixed_organisation_id", ""),
                ("fixed_amount", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    for s in &shops[..2] {
        pledge_ok(&s.api, id, s.id).await;
    }
    // Closing shows what it will do before it is done.
    let page = fac.text(&format!("/proposals/{id}")).await;
    assert!(
        page.contains("<summary>Close the campaign now</summary>")
            && page.contains("each of the 2 participating organisations gets its payment request"),
        "{page}"
    );
    assert_eq!(fac.form(&format!("/proposals/{id}/close"), &[]).await.status(), 303);
    assert_eq!(
        fac.form(
            &format!("/proposals/{id}/deliver"),
            &[
                ("to", "delivered"),
                ("reason", "https://github.com/OCA/report-print-send/pull/1")
            ]
        )
        .await
        .status(),
        303
    );
    // A third supermarket adopts it from the page: 1 210 € / 3, refunded to the two funders.
    let late = app.client();
    app.login(&late, &shops[2].email).await;
    let page = late.text(&format!("/proposals/{id}")).await;
    assert!(page.contains("Adopt it for Supermarket 02"), "{page}");
    // What adopting costs is shown before it is done, and the button says it.
    assert!(page.contains("catch-up share: €403.33."), "{page}");
    assert!(
        page.contains("The 2 earlier funders are credited their parts") && page.contains("Adopt it and owe €403.33"),
        "{page}"
    );
    let r = late
        .form(
            &format!("/proposals/{id}/adopt"),
            &[("organisation_id", &shops[2].id.to_string()), ("cap", "")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let c = shops[0]
        .api
        .json(&format!("/api/v1/commitments?organisation_id={}", shops[0].id))
        .await;
    assert_eq!(c["requested_total_cents"], 60_500);
    assert_eq!(c["credited_total_cents"], 60_500 - 40_334);
    let p = admin.json(&format!("/api/v1/proposals/{id}")).await;
    assert_eq!(p["status"], "delivered");
    let shares: Vec<i64> = p["campaign"]["shares"]["shares"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["amount_cents"].as_i64().unwrap())
        .collect();
    assert_eq!(shares, vec![40_334, 40_333, 40_333]);
    app.stop().await;
});

both_backends!(
    a_retried_pledge_with_an_idempotency_key_counts_once,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let shops = supermarkets(&app, &admin, 1).await;
        let id = proposal(&admin, shops[0].id, "Labels").await;
        open(&admin, id, json!({"amount_cents": 10_000, "key": {"kind": "equal"}})).await;
        let body = json!({"organisation_id": shops[0].id});
        let path = format!("/api/v1/proposals/{id}/pledges");
        let first = shops[0].api.post_with_key(&path, &body, "pledge-1").await;
        assert_eq!(first.status(), 201);
        let first: Value = first.json().await.unwrap();
        let again = shops[0].api.post_with_key(&path, &body, "pledge-1").await;
        assert_eq!(again.status(), 201);
        assert_eq!(again.json::<Value>().await.unwrap(), first);
        assert_eq!(pledge::Entity::find().count(&app.db().read).await.unwrap(), 1);
        app.stop().await;
    }
);

// The list reads coverage and counts from summaries kept by the writes: after each
// pledge, capped pledge, withdrawal, interest and closing, the list agrees with the
// split computed from the stored pledges (`/shares`).
both_backends!(the_list_summary_follows_every_write, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let shops = supermarkets(&app, &admin, 4).await;
    let id = proposal(&admin, shops[0].id, "Summaries").await;
    open(
        &admin,
        id,
        json!({"amount_cents": 100_000, "key": {"kind": "size"}, "min_participants": 3}),
    )
    .await;
    let check = |step: &'static str| {
        let admin = &admin;
        async move {
            let shares: Value = admin
                .get(&format!("/api/v1/proposals/{id}/shares"))
                .await
                .json()
                .await
                .unwrap();
            let list: Value = admin.get("/api/v1/proposals").await.json().await.unwrap();
            let row = list["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["id"] == id)
                .unwrap()
                .clone();
            let participants = shares["shares"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["amount_cents"].as_i64().unwrap() > 0)
                .count() as i64;
            assert_eq!(row["covered_cents"], shares["covered_cents"], "{step}: {row} {shares}");
            assert_eq!(row["participants"].as_i64().unwrap(), participants, "{step}: {row}");
            assert_eq!(row["total_cents"], 100_000, "{step}");
            row
        }
    };
    assert_eq!(check("opened").await["participants"], 0);
    pledge_ok(&shops[0].api, id, shops[0].id).await;
    check("one pledge").await;
    let r = shops[1]
        .api
        .post(
            &format!("/api/v1/proposals/{id}/pledges"),
            &json!({"organisation_id": shops[1].id, "cap_cents": 1_000}),
        )
        .await;
    assert_eq!(r.status(), 201);
    check("a capped pledge").await;
    pledge_ok(&shops[2].api, id, shops[2].id).await;
    assert_eq!(check("three pledges").await["participants"], 3);
    let r = shops[2]
        .api
        .delete(&format!(
            "/api/v1/proposals/{id}/pledges?organisation_id={}",
            shops[2].id
        ))
        .await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    assert_eq!(check("a withdrawal").await["participants"], 2);
    let r = shops[3]
        .api
        .post(
            &format!("/api/v1/proposals/{id}/interest"),
            &json!({"organisation_id": shops[3].id}),
        )
        .await;
    assert!(r.status().is_success());
    // Saying it twice counts once.
    shops[3]
        .api
        .post(
            &format!("/api/v1/proposals/{id}/interest"),
            &json!({"organisation_id": shops[3].id}),
        )
        .await;
    assert_eq!(check("an interest").await["interested"], 1);
    // Closing with too few participants lapses: pledges released, nothing covered.
    let r = admin.post(&format!("/api/v1/proposals/{id}/close"), &json!({})).await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    let closed: Value = r.json().await.unwrap();
    assert_eq!(closed["status"], "lapsed", "{closed}");
    let list: Value = admin.get("/api/v1/proposals?status=lapsed").await.json().await.unwrap();
    let row = &list["items"][0];
    assert_eq!(row["id"], id);
    assert_eq!(row["covered_cents"], 0, "{row}");
    assert_eq!(row["participants"], 0, "{row}");
    assert_eq!(list["total"], 1);
});

/// What a batch answered for one request, comparable across runs.
fn outcome(r: &intercoop::error::AppResult<intercoop::funding::pledging::Pledged>) -> String {
    use intercoop::error::AppError;
    match r {
        Ok(p) => format!(
            "ok {:?}",
            p.shares
                .participant_lines()
                .map(|l| (l.organisation_id, l.amount.cents()))
                .collect::<Vec<_>>()
        ),
        Err(AppError::Conflict(code)) => format!("conflict {code}"),
        Err(AppError::Invalid(_)) => "invalid".into(),
        Err(AppError::Forbidden) => "forbidden".into(),
        Err(AppError::Db(_)) => "database error".into(),
        Err(AppError::NotFound) => "not-found".into(),
        Err(other) => format!("other {other}"),
    }
}

both_backends!(a_batch_of_pledges_decides_each_as_if_alone, |app: TestApp| async move {
    use intercoop::access::Doer;
    use intercoop::funding::pledging::{PledgeRequest, commit_batch};
    use intercoop::proposals::data;
    let admin = app.api(&app.admin_token().await);
    let shops = supermarkets(&app, &admin, 5).await;
    let network = app.network_id().await;
    let db = app.db();
    // A fault to inject: the database refuses a pledge made by the person 9999999.
    let refuse = if app.backend == common::Backend::Sqlite {
        "CREATE TRIGGER refuse_ghost BEFORE INSERT ON pledges WHEN NEW.person_id = 9999999 \
         BEGIN SELECT RAISE(ABORT, 'ghost'); END"
    } else {
        "CREATE FUNCTION refuse_ghost() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
         IF NEW.person_id = 9999999 THEN RAISE EXCEPTION 'ghost'; END IF; RETURN NEW; END $$; \
         CREATE TRIGGER refuse_ghost BEFORE INSERT ON pledges FOR EACH ROW EXECUTE FUNCTION refuse_ghost()"
    };
    sea_orm::ConnectionTrait::execute_unprepared(&db.write, refuse)
        .await
        .unwrap();
    // The same situation twice: by size with a cap, equal, and no campaign.
    let mut runs = Vec::new();
    for round in ["batch", "alone"] {
        let by_size = proposal(&admin, shops[0].id, &format!("By size ({round})")).await;
        open(
            &admin,
            by_size,
            json!({"amount_cents": 100_001, "key": {"kind": "size"}}),
        )
        .await;
        let equal = proposal(&admin, shops[0].id, &format!("Equal ({round})")).await;
        open(&admin, equal, json!({"amount_cents": 30_000, "key": {"kind": "equal"}})).await;
        // Already one pledge: the batch's first newcomer moves its share.
        pledge_ok(&shops[4].api, equal, shops[4].id).await;
        let none = proposal(&admin, shops[0].id, &format!("No campaign ({round})")).await;
        let get = |id| async move { data::get(&db.read, network, id).await.unwrap() };
        let (by_size, equal, none) = (get(by_size).await, get(equal).await, get(none).await);
        let admin_doer = Doer::assembly();
        let stranger = Doer::default();
        let ghost = Doer {
            person_id: Some(9_999_999), // the database refuses its pledge (see above)
            ..Doer::assembly()
        };
        let ask = |doer: &Doer, p: &intercoop::proposals::entities::proposal::Model, org, cap| {
            let mut r = PledgeRequest::new(doer.clone(), network, p.id, org, cap);
            r.request_id = format!("{round}-{org}");
            r
        };
        let requests = vec![
            ask(&admin_doer, &by_size, shops[0].id, None),
            ask(&admin_doer, &by_size, shops[1].id, Some(10_000)),
            ask(&admin_doer, &by_size, shops[0].id, None), // pledged just before: 409
            ask(&admin_doer, &none, shops[2].id, None),    // no campaign: 409
            ask(&admin_doer, &by_size, 9_999_999, None),   // not a member: 422
            ask(&stranger, &equal, shops[3].id, None),     // not its representative: 403
            ask(&admin_doer, &equal, shops[3].id, None),
            ask(&admin_doer, &by_size, shops[4].id, Some(-5)), // negative cap: 422
            ask(&ghost, &equal, shops[2].id, None),            // a database error, alone
            ask(&admin_doer, &by_size, shops[2].id, None),
            PledgeRequest::new(admin_doer.clone(), network, 9_999_998, shops[3].id, None), // no such proposal: 404
        ];
        let outcomes: Vec<String> = if round == "batch" {
            commit_batch(db.write.clone(), requests)
                .await
                .iter()
                .map(outcome)
                .collect()
        } else {
            let mut out = Vec::new();
            for r in requests {
                out.push(outcome(&commit_batch(db.write.clone(), vec![r]).await[0]));
            }
            out
        };
        let mut stored = Vec::new();
        for p in [&by_size, &equal] {
            let c = campaign_of(&app, p.id).await;
            let mut pledges: Vec<(i64, Option<i64>, Option<i64>)> = pledge::Entity::find()
                .filter(pledge::Column::CampaignId.eq(c.id))
                .all(&db.read)
                .await
                .unwrap()
                .into_iter()
                .map(|p| (p.organisation_id, p.cap_cents, p.notified_cents))
                .collect();
            pledges.sort();
            stored.push((
                c.covered_cents,
                c.participant_count,
                c.pledge_count,
                c.digest_due,
                pledges,
            ));
        }
        runs.push((outcomes, stored));
    }
    let (batch, alone) = (&runs[0], &runs[1]);
    assert_eq!(batch, alone, "a batch gives what the same pledges one at a time give");
    let kinds: Vec<&str> = batch.0.iter().map(|o| o.split(' ').next().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "ok",
            "ok",
            "conflict",
            "conflict",
            "invalid",
            "forbidden",
            "ok",
            "invalid",
            "database",
            "ok",
            "not-found"
        ]
    );
    assert_eq!(batch.0[2], "conflict proposals-already-pledged");
    assert_eq!(batch.0[3], "conflict proposals-no-campaign");
    // By size: three pledges, the capped one at its cap, the first one's share moved;
    // equal: two, the first one's share moved.
    let (covered, participants, pledges, due, ref rows) = batch.1[0];
    assert_eq!((covered, participants, pledges, due), (100_001, 3, 3, true));
    assert!(
        rows.iter().any(|r| r.0 == shops[1].id && r.2 == Some(10_000)),
        "{rows:?}"
    );
    let (covered, participants, pledges, due, _) = &batch.1[1];
    assert_eq!((*covered, *participants, *pledges, *due), (30_000, 2, 2, true));
    // Each accepted pledge has its timeline event and its audit entry, with its request's id.
    use intercoop::entities::audit_entry;
    let audited: Vec<String> = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("pledge.create"))
        .filter(audit_entry::Column::RequestId.starts_with("batch-"))
        .all(&db.read)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.request_id)
        .collect();
    let mut audited = audited;
    audited.sort();
    let mut expected: Vec<String> = [0, 1, 3, 2].iter().map(|i| format!("batch-{}", shops[*i].id)).collect();
    expected.sort();
    assert_eq!(audited, expected);
    app.stop().await;
});

both_backends!(vat_totals_are_exact_and_never_wrap, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let shops = supermarkets(&app, &admin, 2).await;
    let provider = member(&app, &admin, "Code Coop", "provider", None).await;
    let id = proposal(&admin, shops[0].id, "A very large migration").await;
    let quotes = format!("/api/v1/proposals/{id}/quotes");
    // 50 000 000 000 000 € at 21 %: amount × rate is beyond 64 bits, the total is not.
    let r = provider
        .api
        .post(
            &quotes,
            &json!({"provider_id": provider.id, "amount_cents": 5_000_000_000_000_000i64, "vat_basis_points": 2100}),
        )
        .await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    let big: Value = r.json().await.unwrap();
    assert_eq!(big["total_cents"], 6_050_000_000_000_000i64);
    // A total beyond the range of amounts is refused when the quote is made.
    let p = problem(
        provider
            .api
            .post(
                &quotes,
                &json!({"provider_id": provider.id, "amount_cents": 8_000_000_000_000_000_000i64, "vat_basis_points": 2100}),
            )
            .await,
        422,
    )
    .await;
    assert_eq!(p["type"], "https://intercoop.coop/problems/invalid");
    assert_eq!(p["errors"][0]["field"], "amount_cents");
    assert_eq!(p["errors"][0]["code"], "proposals-out-of-range");
    // Milestones whose sum is beyond range (and would wrap to the amount) do not sum to it.
    let p = problem(
        provider
            .api
            .post(
                &quotes,
                &json!({"provider_id": provider.id, "amount_cents": 1, "milestones": [
                    {"title": "First half", "amount_cents": i64::MAX},
                    {"title": "Second half", "amount_cents": i64::MAX},
                    {"title": "Rest", "amount_cents": 3},
                ]}),
            )
            .await,
        422,
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "milestones");
    assert_eq!(p["errors"][0]["code"], "proposals-milestones-sum");
    // Only the first quote is stored; the page shows its exact total.
    let detail = admin.json(&format!("/api/v1/proposals/{id}")).await;
    assert_eq!(detail["quotes"].as_array().unwrap().len(), 1);
    let browser = app.client();
    app.login(&browser, "admin@test.example").await;
    let page = browser.text(&format!("/proposals/{id}")).await;
    assert!(page.contains("€60,500,000,000,000.00"), "{page}");
    // A campaign opened from the quote shares its checked total, VAT included.
    open(&admin, id, json!({"quote_id": big["id"], "key": {"kind": "equal"}})).await;
    let shares = admin.json(&format!("/api/v1/proposals/{id}/shares")).await;
    assert_eq!(shares["total_cents"], 6_050_000_000_000_000i64);
    pledge_ok(&shops[0].api, id, shops[0].id).await;
    pledge_ok(&shops[1].api, id, shops[1].id).await;
    let shares = admin.json(&format!("/api/v1/proposals/{id}/shares")).await;
    assert_eq!(
        amounts(&shares),
        vec![
            (shops[0].id, 3_025_000_000_000_000),
            (shops[1].id, 3_025_000_000_000_000)
        ]
    );
});

/// The same organisation's representative with an API token made now: a token stops
/// working 90 days after it was made, and some tests move the clock on by years.
async fn renewed(app: &TestApp, org: &Org) -> Org {
    use intercoop::entities::person;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let person = person::Entity::find()
        .filter(person::Column::Email.eq(org.email.as_str()))
        .one(&app.db().read)
        .await
        .unwrap()
        .unwrap();
    Org {
        id: org.id,
        email: org.email.clone(),
        api: app.api(&app.at_server_time(app.token_for(person.id)).await),
    }
}

/// Adopts delivered proposal `id` as `org`; the response's status.
async fn adopt(org: &Org, id: i64) -> reqwest::Response {
    org.api
        .post(
            &format!("/api/v1/proposals/{id}/adopt"),
            &json!({"organisation_id": org.id}),
        )
        .await
}

both_backends!(
    the_catch_up_window_counts_calendar_years_in_the_network_zone,
    |app: TestApp| async move {
        use time::macros::datetime;
        app.clock.set(datetime!(2024-02-01 09:00 UTC));
        let admin = app.api(&app.admin_token().await);
        let shops = supermarkets(&app, &admin, 7).await;
        // Two proposals funded by shops 0 and 1, with windows of 1 and 4 years.
        let mut ids = Vec::new();
        for (title, years) in [("Leap labels", 1), ("Leap scales", 4)] {
            let id = proposal(&admin, shops[0].id, title).await;
            open(
                &admin,
                id,
                json!({"amount_cents": 30_000, "key": {"kind": "equal"}, "catch_up_years": years}),
            )
            .await;
            pledge_ok(&shops[0].api, id, shops[0].id).await;
            pledge_ok(&shops[1].api, id, shops[1].id).await;
            let r = admin.post(&format!("/api/v1/proposals/{id}/close"), &json!({})).await;
            assert_eq!(r.status(), 200, "{:?}", r.text().await);
            ids.push(id);
        }
        // Both delivered on 29 February 2024 at 18:00 in Brussels (the network's zone, UTC+1).
        app.clock.set(datetime!(2024-02-29 17:00 UTC));
        for id in &ids {
            let r = admin.post(&format!("/api/v1/proposals/{id}/deliver"), &json!({})).await;
            assert_eq!(r.status(), 200, "{:?}", r.text().await);
        }
        let closed = |r: reqwest::Response| async move {
            assert_eq!(
                problem(r, 409).await["type"],
                "https://intercoop.coop/problems/proposals-window-closed"
            );
        };
        // One year: 2025 has no 29 February, the window ends on the 28th at 18:00 in Brussels.
        app.clock.set(datetime!(2025-02-28 16:59:58 UTC));
        let mut renew = Vec::new();
        for shop in &shops {
            renew.push(renewed(&app, shop).await);
        }
        let shops = renew;
        assert_eq!(adopt(&shops[2], ids[0]).await.status(), 201);
        app.clock.set(datetime!(2025-02-28 17:00:01 UTC));
        closed(adopt(&shops[3], ids[0]).await).await;
        // Four years: 29 February 2028 at 18:00 in Brussels, where 4 × 365 days ended on
        // the 28th.
        app.clock.set(datetime!(2028-02-29 11:00 UTC));
        let mut renew = Vec::new();
        for shop in &shops {
            renew.push(renewed(&app, shop).await);
        }
        let shops = renew;
        assert_eq!(adopt(&shops[4], ids[1]).await.status(), 201);
        app.clock.set(datetime!(2028-02-29 16:59:58 UTC));
        assert_eq!(adopt(&shops[5], ids[1]).await.status(), 201);
        app.clock.set(datetime!(2028-02-29 17:00:01 UTC));
        closed(adopt(&shops[6], ids[1]).await).await;
        app.stop().await;
    }
);

/// The moves of a proposal's timeline (`from>to`), oldest first.
async fn moves(admin: &Api, id: i64) -> Vec<String> {
    let p = admin.json(&format!("/api/v1/proposals/{id}")).await;
    p["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "transition")
        .map(|e| {
            format!(
                "{}>{}",
                e["from_status"].as_str().unwrap(),
                e["to_status"].as_str().unwrap()
            )
        })
        .collect()
}

/// The statuses a proposal left, as its audit entries record them.
async fn audited_moves(app: &TestApp, id: i64) -> Vec<String> {
    use intercoop::entities::audit_entry;
    audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("proposal.transition"))
        .filter(audit_entry::Column::EntityId.eq(id))
        .all(&app.db().read)
        .await
        .unwrap()
        .into_iter()
        .map(|a| serde_json::from_str::<Value>(a.before.as_deref().unwrap()).unwrap()["status"].to_string())
        .collect()
}

/// A response's status, and its problem type when it is an error.
async fn answer(r: reqwest::Response) -> (u16, String) {
    let status = r.status().as_u16();
    let body: Value = r.json().await.unwrap();
    (status, body["type"].as_str().unwrap_or_default().to_string())
}

/// The active pledges of a proposal's campaign, and the campaign's status.
async fn active_pledges(app: &TestApp, id: i64) -> (u64, String) {
    let c = campaign_of(app, id).await;
    let active = pledge::Entity::find()
        .filter(pledge::Column::CampaignId.eq(c.id))
        .filter(pledge::Column::Status.eq("active"))
        .count(&app.db().read)
        .await
        .unwrap();
    (active, c.status.to_string())
}

// Two people moving the same proposal at the same moment (two withdrawals, or a
// withdrawal and the closing): one wins, the other is told 409 (it moved meanwhile),
// and the timeline and the audit log show one move. Several rounds, as the requests
// only sometimes meet inside each other's transactions; a round's outcome is checked
// whichever wins.
both_backends!(
    a_proposal_moves_once_when_two_move_it_at_once,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let shops = supermarkets(&app, &admin, 2).await;
        for round in 0..10 {
            let id = proposal(&admin, shops[0].id, &format!("Race {round}")).await;
            // Two participants needed: closing lapses it (and releases the pledge).
            open(
                &admin,
                id,
                json!({"amount_cents": 10_000, "key": {"kind": "equal"}, "min_participants": 2}),
            )
            .await;
            pledge_ok(&shops[1].api, id, shops[1].id).await;
            let withdraw = |api: Api| {
                tokio::spawn(async move {
                    answer(
                        api.post(
                            &format!("/api/v1/proposals/{id}/transition"),
                            &json!({"to": "withdrawn", "reason": "Race"}),
                        )
                        .await,
                    )
                    .await
                })
            };
            // The author's representative withdraws it while an administrator withdraws it
            // too (even rounds) or closes its campaign (odd rounds).
            let author = withdraw(app.api(&shops[0].api.token));
            let other = if round % 2 == 0 {
                withdraw(app.api(&admin.token))
            } else {
                let api = app.api(&admin.token);
                tokio::spawn(async move {
                    answer(api.post(&format!("/api/v1/proposals/{id}/close"), &json!({})).await).await
                })
            };
            let mut answers = vec![author.await.unwrap(), other.await.unwrap()];
            answers.sort();
            assert_eq!(
                (answers[0].0, answers[1].0),
                (200, 409),
                "round {round}: one move wins, the other is refused: {answers:?}"
            );
            let moved = moves(&admin, id).await;
            let out_of_funding: Vec<&String> = moved.iter().filter(|m| m.starts_with("funding>")).collect();
            assert_eq!(out_of_funding.len(), 1, "round {round}: {moved:?}");
            let audited = audited_moves(&app, id).await;
            assert_eq!(
                audited.iter().filter(|s| *s == "\"funding\"").count(),
                1,
                "round {round}: {audited:?}"
            );
            // Whoever won, the campaign agrees with the proposal.
            let status = admin.json(&format!("/api/v1/proposals/{id}")).await["status"].clone();
            let (active, campaign) = active_pledges(&app, id).await;
            match status.as_str().unwrap() {
                "withdrawn" => assert_eq!((active, campaign.as_str()), (0, "withdrawn"), "round {round}"),
                "lapsed" => assert_eq!((active, campaign.as_str()), (0, "lapsed"), "round {round}"),
                other => panic!("round {round}: {other}"),
            }
        }
        app.stop().await;
    }
);

// Pledges made at the moment the proposal is withdrawn during its co-funding: each is
// either refused (409, the campaign is closed) or made before the withdrawal and then
// released by it; no active pledge survives on a withdrawn campaign. Several rounds.
both_backends!(
    a_pledge_racing_a_withdrawal_never_survives_it,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let shops = supermarkets(&app, &admin, 7).await;
        for round in 0..6 {
            let id = proposal(&admin, shops[0].id, &format!("Pledge race {round}")).await;
            open(&admin, id, json!({"amount_cents": 70_000, "key": {"kind": "equal"}})).await;
            let mut pledges = Vec::new();
            for s in &shops[1..] {
                let (api, org) = (app.api(&s.api.token), s.id);
                pledges.push(tokio::spawn(async move {
                    api.post(
                        &format!("/api/v1/proposals/{id}/pledges"),
                        &json!({"organisation_id": org}),
                    )
                    .await
                    .status()
                    .as_u16()
                }));
            }
            let api = app.api(&admin.token);
            let withdrawal = tokio::spawn(async move {
                api.post(
                    &format!("/api/v1/proposals/{id}/transition"),
                    &json!({"to": "withdrawn", "reason": "Done otherwise"}),
                )
                .await
                .status()
                .as_u16()
            });
            assert_eq!(withdrawal.await.unwrap(), 200, "round {round}");
            for p in pledges {
                let status = p.await.unwrap();
                assert!(status == 201 || status == 409, "round {round}: {status}");
            }
            assert_eq!(
                active_pledges(&app, id).await,
                (0, "withdrawn".to_string()),
                "round {round}: a pledge survived the withdrawal"
            );
            // The list summary agrees: nobody takes part any more.
            let summary = campaign_of(&app, id).await;
            assert_eq!(
                (summary.participant_count, summary.pledge_count),
                (0, 0),
                "round {round}"
            );
        }
        app.stop().await;
    }
);

/// The roles `/api/v1/me` gives.
async fn roles(api: &Api) -> Vec<String> {
    let me = api.json("/api/v1/me").await;
    me["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().to_string())
        .collect()
}

// Only an organisation that is a member of the network gives its people roles and a
// voice: once a provider is a former member, its staff may still log in and read the
// network, but may no longer quote, move a proposal to "quoted" or mark its work
// delivered; once a cooperative is a former member, its representative speaks for
// nobody (no pledge, no comment in its name, no new representative).
both_backends!(former_members_give_no_rights, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let shops = supermarkets(&app, &admin, 2).await;
    let provider = member(&app, &admin, "Code Coop", "provider", None).await;
    let dev = app
        .person("dev@codecoop.example", "Dev", Some(provider.id), false, false)
        .await;
    let dev = app.api(&app.token_for(dev).await);
    assert_eq!(roles(&dev).await, vec!["provider_staff"]);
    // Funded work of the provider, and a proposal still in discussion.
    let funded = proposal(&admin, shops[0].id, "Funded labels").await;
    let r = dev
        .post(
            &format!("/api/v1/proposals/{funded}/quotes"),
            &json!({"provider_id": provider.id, "amount_cents": 10_000}),
        )
        .await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    let quote: Value = r.json().await.unwrap();
    open(
        &admin,
        funded,
        json!({"quote_id": quote["id"], "key": {"kind": "equal"}}),
    )
    .await;
    pledge_ok(&shops[0].api, funded, shops[0].id).await;
    let r = admin
        .post(&format!("/api/v1/proposals/{funded}/close"), &json!({}))
        .await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    let discussed = proposal(&admin, shops[0].id, "Discussed scales").await;
    let in_funding = proposal(&admin, shops[0].id, "Scales in funding").await;
    open(
        &admin,
        in_funding,
        json!({"amount_cents": 10_000, "key": {"kind": "equal"}}),
    )
    .await;

    // The provider and the second cooperative leave the network.
    for org in [provider.id, shops[1].id] {
        let r = admin
            .patch(&format!("/api/v1/organisations/{org}"), &json!({"status": "former"}))
            .await;
        assert_eq!(r.status(), 200, "{:?}", r.text().await);
    }

    // The provider's staff still read the network, with no role.
    assert_eq!(dev.get(&format!("/api/v1/proposals/{discussed}")).await.status(), 200);
    assert!(roles(&dev).await.is_empty());
    assert!(roles(&provider.api).await.is_empty());
    let r = dev
        .post(
            &format!("/api/v1/proposals/{discussed}/quotes"),
            &json!({"provider_id": provider.id, "amount_cents": 10_000}),
        )
        .await;
    assert_eq!(r.status(), 403, "{:?}", r.text().await);
    for api in [&dev, &provider.api] {
        let r = api
            .post(
                &format!("/api/v1/proposals/{discussed}/transition"),
                &json!({"to": "quoted"}),
            )
            .await;
        assert_eq!(r.status(), 403, "{:?}", r.text().await);
        let r = api
            .post(&format!("/api/v1/proposals/{funded}/deliver"), &json!({}))
            .await;
        assert_eq!(r.status(), 403, "{:?}", r.text().await);
    }
    let p = admin.json(&format!("/api/v1/proposals/{discussed}")).await;
    assert_eq!(
        (p["status"].as_str(), p["quotes"].as_array().unwrap().len()),
        (Some("discussion"), 0)
    );
    assert_eq!(
        admin.json(&format!("/api/v1/proposals/{funded}")).await["status"],
        "funded"
    );

    // The former cooperative's representative speaks for nobody.
    let rep = &shops[1];
    assert!(roles(&rep.api).await.is_empty());
    let r = rep
        .api
        .post(
            &format!("/api/v1/proposals/{in_funding}/pledges"),
            &json!({"organisation_id": rep.id}),
        )
        .await;
    assert_eq!(problem(r, 422).await["errors"][0]["field"], "organisation_id");
    let r = rep
        .api
        .post(
            &format!("/api/v1/proposals/{discussed}/comments"),
            &json!({"body": "We object.", "organisation_id": rep.id, "objection": true}),
        )
        .await;
    assert_eq!(problem(r, 422).await["errors"][0]["field"], "organisation_id");
    let successor = app
        .person("next@shop01.example", "Next", Some(rep.id), false, false)
        .await;
    let r = rep
        .api
        .put(
            &format!("/api/v1/organisations/{}/representative", rep.id),
            &json!({"person_id": successor}),
        )
        .await;
    assert_eq!(r.status(), 403, "{:?}", r.text().await);
    let r = rep
        .api
        .get(&format!("/api/v1/commitments?organisation_id={}", rep.id))
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(
        pledge::Entity::find()
            .filter(pledge::Column::OrganisationId.eq(rep.id))
            .count(&app.db().read)
            .await
            .unwrap(),
        0
    );
    // A member again, it speaks again.
    let r = admin
        .patch(
            &format!("/api/v1/organisations/{}", rep.id),
            &json!({"status": "member"}),
        )
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(roles(&rep.api).await, vec!["representative", "member"]);
    pledge_ok(&rep.api, in_funding, rep.id).await;
    app.stop().await;
});

both_backends!(a_link_on_the_timeline_can_be_followed, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let shops = supermarkets(&app, &admin, 1).await;
    let id = proposal(&admin, shops[0].id, "Labels").await;
    let r = admin
        .post(
            &format!("/api/v1/proposals/{id}/transition"),
            &json!({"to": "rejected", "reason": "Done upstream: https://github.com/OCA/pos/pull/1234. <b>thanks</b>"}),
        )
        .await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    let browser = app.client();
    app.login(&browser, &shops[0].email).await;
    let page = browser.text(&format!("/proposals/{id}")).await;
    assert!(
        page.contains(r#"<a href="https://github.com/OCA/pos/pull/1234" rel="nofollow noopener noreferrer">"#),
        "{page}"
    );
    assert!(page.contains("&lt;b&gt;thanks&lt;/b&gt;"), "{page}");
});

both_backends!(only_users_need_and_quoted_means_a_quote, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let shops = supermarkets(&app, &admin, 1).await;
    let provider = member(&app, &admin, "Dev Coop", "provider", None).await;
    let id = proposal(&admin, shops[0].id, "Labels").await;
    // A provider does not need the work it would be paid for, whoever says so.
    for api in [&provider.api, &admin] {
        let r = api
            .post(
                &format!("/api/v1/proposals/{id}/interest"),
                &json!({"organisation_id": provider.id}),
            )
            .await;
        assert_eq!(r.status(), 403, "{:?}", r.text().await);
    }
    // "Quoted" without a quote: refused, and no button offers it.
    let r = admin
        .post(&format!("/api/v1/proposals/{id}/transition"), &json!({"to": "quoted"}))
        .await;
    let problem = problem(r, 409).await;
    assert!(
        problem["type"].as_str().unwrap().ends_with("/proposals-no-quote"),
        "{problem}"
    );
    let p = admin.json(&format!("/api/v1/proposals/{id}")).await;
    assert_eq!(p["status"], "discussion");
    assert!(p["interested"].as_array().unwrap().is_empty(), "{p}");
    let browser = app.client();
    app.login(&browser, "admin@test.example").await;
    let page = browser.text(&format!("/proposals/{id}")).await;
    assert!(!page.contains(r#"value="quoted""#), "{page}");
    // Adding a quote takes the step.
    let r = provider
        .api
        .post(
            &format!("/api/v1/proposals/{id}/quotes"),
            &json!({"provider_id": provider.id, "amount_cents": 10_000}),
        )
        .await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    assert_eq!(admin.json(&format!("/api/v1/proposals/{id}")).await["status"], "quoted");
});

both_backends!(
    an_organisation_of_weight_zero_may_join_first,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let shops = supermarkets(&app, &admin, 2).await;
        let id = proposal(&admin, shops[0].id, "Labels").await;
        let weights = json!({shops[0].id.to_string(): 0, shops[1].id.to_string(): 5});
        open(
            &admin,
            id,
            json!({"amount_cents": 10_000, "key": {"kind": "weights", "weights": weights}}),
        )
        .await;
        // It pays nothing; the whole amount waits for those who weigh.
        pledge_ok(&shops[0].api, id, shops[0].id).await;
        let s = admin.json(&format!("/api/v1/proposals/{id}/shares")).await;
        assert_eq!(amounts(&s), vec![(shops[0].id, 0)], "{s}");
        assert_eq!(s["shortfall_cents"], 10_000, "{s}");
        pledge_ok(&shops[1].api, id, shops[1].id).await;
        let s = admin.json(&format!("/api/v1/proposals/{id}/shares")).await;
        assert_eq!(amounts(&s), vec![(shops[0].id, 0), (shops[1].id, 10_000)], "{s}");
    }
);

both_backends!(a_form_offers_every_member_however_many, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let shops = supermarkets(&app, &admin, 1).await;
    for i in 0..201 {
        app.organisation(&admin, &format!("Aa Coop {i:03}"), "user", Some(10))
            .await;
    }
    // Last by name, after a page of 200 members.
    let provider = app.organisation(&admin, "Zz Dev Coop", "provider", None).await;
    let id = proposal(&admin, shops[0].id, "Labels").await;
    let browser = app.client();
    app.login(&browser, "admin@test.example").await;
    let page = browser.text(&format!("/proposals/{id}/quotes/new")).await;
    assert!(
        page.contains(&format!(r#"value="{provider}""#)) && page.contains("Zz Dev Coop"),
        "{page}"
    );
});

both_backends!(
    withdrawing_a_proposal_in_funding_tells_the_pledgers_and_says_so_on_its_page,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let shops = supermarkets(&app, &admin, 3).await;
        let id = proposal(&admin, shops[0].id, "Shelf labels").await;
        open(&admin, id, json!({"amount_cents": 30_000, "key": {"kind": "equal"}})).await;
        for s in &shops[1..] {
            pledge_ok(&s.api, id, s.id).await;
        }
        // The page says what withdrawing does while the co-funding is open.
        let web = app.client();
        app.login(&web, "admin@test.example").await;
        let page = web.text(&format!("/proposals/{id}")).await;
        assert!(page.contains("Withdrawing releases the 2 pledges"), "{page}");
        let r = admin
            .post(
                &format!("/api/v1/proposals/{id}/transition"),
                &json!({"to": "withdrawn", "reason": "Done otherwise"}),
            )
            .await;
        assert_eq!(r.status(), 200);
        // Each pledger and the requesting organisation is told, once.
        for s in &shops {
            let told = app
                .mails_to(&s.email)
                .await
                .iter()
                .filter(|m| m.kind.as_str() == "campaign_withdrawn")
                .count();
            assert_eq!(told, 1, "{}", s.email);
        }
        let mail = app.mails_to(&shops[1].email).await;
        let mail = mail.iter().find(|m| m.kind.as_str() == "campaign_withdrawn").unwrap();
        assert!(
            // In the representative's own language (French here).
            mail.subject.contains("Retiré : Shelf labels") && mail.text_body.contains("personne ne doit rien"),
            "{}\n{}",
            mail.subject,
            mail.text_body
        );
        // The campaign no longer reads as if nobody had ever joined.
        let page = web.text(&format!("/proposals/{id}")).await;
        assert!(
            page.contains("Every pledge was released when the proposal was withdrawn")
                && !page.contains("Nobody has joined yet"),
            "{page}"
        );
    }
);
