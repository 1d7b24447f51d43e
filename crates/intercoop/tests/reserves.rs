//! Shared recurring costs end to end on SQLite and PostgreSQL (issue 16, item 5): a
//! reserve set up by the treasurer, its monthly provisions asked once per month and
//! member (split to the cent, emailed, shown in the statement), a provision cancelled,
//! a campaign that draws on the reserve first (the rest shared among the pledgers, the
//! draw in the journal when funded, money neither doubled nor lost), a lapsed campaign
//! that frees its earmark, the money held per proposal, and the bad input refused.

mod common;

use common::{Api, TestApp, bill, codes, open, pledge_ok, status_and_json};
use serde_json::{Value, json};

struct Org {
    id: i64,
    email: String,
    api: Api,
}

async fn member(app: &TestApp, admin: &Api, name: &str, kind: &str) -> Org {
    let id = app.organisation(admin, name, kind, Some(300)).await;
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

async fn provisions(admin: &Api) -> Vec<Value> {
    let all = admin.json("/api/v1/payment-requests?per_page=100").await;
    all["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["purpose"] == "provision")
        .cloned()
        .collect()
}

async fn books_are_right(app: &TestApp, admin: &Api) {
    let tb = admin.json("/api/v1/ledger/trial-balance").await;
    assert_eq!(tb["debit_cents"], tb["credit_cents"], "{tb}");
    for b in intercoop::money::ledger::check_books(&app.db().read).await.unwrap() {
        assert!(b.discrepancies.is_empty(), "{:?}", b.discrepancies);
    }
}

async fn proposal(admin: &Api, by: i64, title: &str) -> i64 {
    let r = admin
        .post(
            "/api/v1/proposals",
            &json!({"title": title, "description": "Move to the next version.", "requested_by": by}),
        )
        .await;
    assert_eq!(r.status(), 201);
    r.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

both_backends!(
    a_reserve_is_set_aside_monthly_and_spent_by_a_campaign_first,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let a = member(&app, &admin, "Alpha Market", "user").await;
        let b = member(&app, &admin, "Beta Market", "user").await;
        let c = member(&app, &admin, "Gamma Market", "user").await;

        // Bad input: each field named, nothing made.
        for (body, field_code) in [
            (
                json!({"name": "", "monthly_cents": 100, "key": {"kind": "equal"}}),
                "required",
            ),
            (
                json!({"name": "Hosting", "monthly_cents": 0, "key": {"kind": "equal"}}),
                "amount-positive",
            ),
            (
                json!({"name": "Hosting", "monthly_cents": 100, "key": {"kind": "weights", "weights": {}}}),
                "proposals-zero-weights",
            ),
        ] {
            let (status, problem) = status_and_json(admin.post("/api/v1/reserves", &body).await).await;
            assert_eq!(status, 422, "{problem}");
            assert_eq!(codes(&problem), [field_code], "{problem}");
        }
        assert_eq!(admin.json("/api/v1/reserves").await, json!([]));
        // A representative may not set money aside for the network.
        let r = a
            .api
            .post(
                "/api/v1/reserves",
                &json!({"name": "Hosting", "monthly_cents": 100, "key": {"kind": "equal"}}),
            )
            .await;
        assert_eq!(r.status(), 403);

        // 1. A reserve of 100,01 € a month, split equally to the cent among the 3 members.
        let (status, reserve) = status_and_json(
            admin
                .post(
                    "/api/v1/reserves",
                    &json!({"name": "Odoo 19 migration", "monthly_cents": 10_001, "key": {"kind": "equal"}}),
                )
                .await,
        )
        .await;
        assert_eq!(status, 201, "{reserve}");
        let rid = reserve["id"].as_i64().unwrap();
        assert_eq!(reserve["held_cents"], 0);

        // 2. The month's provisions: one per member, summing exactly, asked once.
        assert_eq!(bill(&app).await, 3);
        assert_eq!(bill(&app).await, 0, "a month is asked once");
        let first = provisions(&admin).await;
        let mut amounts: Vec<i64> = first.iter().map(|r| r["amount_cents"].as_i64().unwrap()).collect();
        amounts.sort_unstable();
        assert_eq!(amounts, [3_333, 3_334, 3_334]);
        assert!(first[0]["label"].as_str().unwrap().starts_with("Odoo 19 migration "));
        let mail = app
            .mails_to(&a.email)
            .await
            .into_iter()
            .find(|m| *m.kind == intercoop::notifications::Kind::ProvisionRequest)
            .expect("the provision email");
        let of_a = first.iter().find(|r| r["organisation_id"] == a.id).unwrap();
        assert!(
            mail.text_body.contains(of_a["reference"].as_str().unwrap()),
            "{}",
            mail.text_body
        );
        assert_eq!(
            admin.json(&format!("/api/v1/reserves/{rid}")).await["held_cents"],
            10_001
        );

        // A pays 50 € more than its provision: its credit pays its next one.
        let r = admin
            .post(
                "/api/v1/payments",
                &json!({"payment_request_id": of_a["id"], "amount_cents": of_a["amount_cents"].as_i64().unwrap() + 5_000}),
            )
            .await;
        assert_eq!(r.status(), 201, "{:?}", r.text().await);
        // The next month: three more.
        app.clock.advance(time::Duration::days(32));
        assert_eq!(bill(&app).await, 3);
        let second_of_a = provisions(&admin)
            .await
            .into_iter()
            .filter(|r| r["organisation_id"] == a.id)
            .max_by_key(|r| r["id"].as_i64())
            .unwrap();
        assert_eq!(second_of_a["status"], "paid", "{second_of_a}");
        assert_eq!(second_of_a["credit_cents"], second_of_a["amount_cents"]);
        let told = app
            .mails_to(&a.email)
            .await
            .into_iter()
            .filter(|m| *m.kind == intercoop::notifications::Kind::ProvisionRequest)
            .any(|m| {
                [
                    "credit already pays",
                    "en paie déjà",
                    "bezahlt davon bereits",
                    "betaalt er al",
                ]
                .iter()
                .any(|t| m.text_body.contains(t))
            });
        assert!(told, "the email says the credit pays it");
        let held = admin.json(&format!("/api/v1/reserves/{rid}")).await;
        assert_eq!(
            (held["held_cents"].as_i64(), held["available_cents"].as_i64()),
            (Some(20_002), Some(20_002))
        );
        // Each member's statement shows what it set aside, per purpose.
        let statement = a.api.json(&format!("/api/v1/organisations/{}/statement", a.id)).await;
        assert_eq!(statement["set_aside"][0]["reserve_id"], rid);
        assert_eq!(statement["set_aside"][0]["name"], "Odoo 19 migration");
        assert!(
            statement["lines"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l["kind"] == "provision-requested"),
            "{statement}"
        );
        let rep = app.client();
        app.login(&rep, &a.email).await;
        let html = rep.text(&format!("/organisations/{}/statement", a.id)).await;
        assert!(html.contains("id=\"set-aside\"") && html.contains("Odoo 19 migration"));

        // A provision cancelled goes back out of the reserve.
        let cancelled = provisions(&admin)
            .await
            .into_iter()
            .find(|r| r["organisation_id"] == c.id)
            .unwrap();
        let r = admin
            .post(
                &format!("/api/v1/payment-requests/{}/cancel", cancelled["id"]),
                &json!({}),
            )
            .await;
        assert_eq!(r.status(), 200, "{:?}", r.text().await);
        let held_now = 20_002 - cancelled["amount_cents"].as_i64().unwrap();
        assert_eq!(
            admin.json(&format!("/api/v1/reserves/{rid}")).await["held_cents"],
            held_now
        );
        books_are_right(&app, &admin).await;

        // 3. A campaign may not use a reserve that covers it all, nor another network's.
        let p = proposal(&admin, a.id, "Odoo 19").await;
        let (status, problem) = status_and_json(
            admin
                .post(
                    &format!("/api/v1/proposals/{p}/campaign"),
                    &json!({"amount_cents": held_now, "key": {"kind": "equal"}, "reserve_id": rid}),
                )
                .await,
        )
        .await;
        assert_eq!((status, codes(&problem)), (422, vec!["reserve-covers-all".to_string()]));
        let (_, other) = app.network_with_admin("other-net", "admin@other.example").await;
        let (status, theirs) = status_and_json(
            other
                .post(
                    "/api/v1/reserves",
                    &json!({"name": "Theirs", "monthly_cents": 100, "key": {"kind": "equal"}}),
                )
                .await,
        )
        .await;
        assert_eq!(status, 201);
        let (status, problem) = status_and_json(
            admin
                .post(
                    &format!("/api/v1/proposals/{p}/campaign"),
                    &json!({"amount_cents": 50_000, "key": {"kind": "equal"}, "reserve_id": theirs["id"]}),
                )
                .await,
        )
        .await;
        assert_eq!((status, codes(&problem)), (422, vec!["reserve-unknown".to_string()]));
        assert_eq!(other.get(&format!("/api/v1/reserves/{rid}")).await.status(), 404);

        // 4. The reserve covers the cost first; only the rest is shared.
        open(
            &admin,
            p,
            json!({"amount_cents": 50_000, "key": {"kind": "equal"}, "reserve_id": rid}),
        )
        .await;
        let shown = admin.json(&format!("/api/v1/proposals/{p}")).await;
        let campaign = &shown["campaign"];
        assert_eq!(campaign["cost_cents"], 50_000, "{campaign}");
        assert_eq!(campaign["reserve"]["covers_cents"], held_now);
        assert_eq!(campaign["amount_cents"], 50_000 - held_now);
        let held = admin.json(&format!("/api/v1/reserves/{rid}")).await;
        assert_eq!(
            (held["earmarked_cents"].as_i64(), held["available_cents"].as_i64()),
            (Some(held_now), Some(0)),
            "earmarked while open: another campaign cannot take it too"
        );
        // The campaign's page says so.
        let html = rep.text(&format!("/proposals/{p}")).await;
        assert!(
            html.contains("id=\"campaign-reserve\""),
            "the page shows the reserve's part"
        );
        pledge_ok(&a.api, p, a.id).await;
        pledge_ok(&b.api, p, b.id).await;
        let closed: Value = admin
            .post(&format!("/api/v1/proposals/{p}/close"), &json!({}))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(closed["status"], "funded", "{closed}");
        let shared: i64 = closed["payment_requests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["amount_cents"].as_i64().unwrap())
            .sum();
        assert_eq!(
            shared + held_now,
            50_000,
            "the draw and the shares make the cost exactly"
        );
        // What is left of A's credit pays its share at once.
        let from_credit: i64 = closed["payment_requests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["credit_cents"].as_i64().unwrap())
            .sum();
        assert!(from_credit > 0, "{closed}");
        // The journal records the draw: the reserve is empty, the campaign holds the cost.
        let held = admin.json(&format!("/api/v1/reserves/{rid}")).await;
        assert_eq!(
            (held["held_cents"].as_i64(), held["earmarked_cents"].as_i64()),
            (Some(0), Some(0))
        );
        let tb = admin.json("/api/v1/ledger/trial-balance").await;
        let project = tb["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["account"] == "project")
            .cloned()
            .unwrap_or_default();
        assert_eq!(project["balance_cents"], -50_000, "{tb}");
        books_are_right(&app, &admin).await;
        // The money held per proposal (issue 16, item 6): pledged, from the reserve,
        // asked, paid, owed, paid to the provider, held.
        let r = admin
            .post(
                "/api/v1/ledger/entries",
                &json!({"kind": "provider-paid", "amount_cents": 10_000, "campaign_id": campaign["id"]}),
            )
            .await;
        assert_eq!(r.status(), 201, "{:?}", r.text().await);
        let held = admin.json("/api/v1/money/proposals").await;
        let row = held
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["proposal_id"] == p)
            .cloned()
            .unwrap();
        let shared_part = 50_000 - held_now;
        assert_eq!(
            (
                row["pledged_cents"].as_i64(),
                row["from_reserve_cents"].as_i64(),
                row["requested_cents"].as_i64(),
                row["paid_cents"].as_i64(),
                row["owed_cents"].as_i64(),
                row["provider_paid_cents"].as_i64(),
                row["held_cents"].as_i64()
            ),
            (
                Some(shared_part),
                Some(held_now),
                Some(shared_part),
                Some(from_credit),
                Some(shared_part - from_credit),
                Some(10_000),
                Some(40_000)
            ),
            "{row}"
        );
        assert_eq!(row["status"], "funded");

        // 5. A campaign that lapses frees its earmark.
        app.clock.advance(time::Duration::days(31));
        assert_eq!(bill(&app).await, 3);
        let p2 = proposal(&admin, a.id, "Hosting").await;
        open(
            &admin,
            p2,
            json!({"amount_cents": 90_000, "key": {"kind": "equal"}, "reserve_id": rid, "min_participants": 2}),
        )
        .await;
        assert_eq!(
            admin.json(&format!("/api/v1/reserves/{rid}")).await["available_cents"],
            0
        );
        let closed: Value = admin
            .post(&format!("/api/v1/proposals/{p2}/close"), &json!({}))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(closed["status"], "lapsed");
        let held = admin.json(&format!("/api/v1/reserves/{rid}")).await;
        assert_eq!(held["available_cents"], 10_001);
        assert_eq!(held["held_cents"], 10_001);
        books_are_right(&app, &admin).await;

        // 6. The treasurer's page lists the reserve and sets one up from a phone's form.
        let client = app.client();
        app.login(&client, "admin@test.example").await;
        let html = client.text("/money/proposals").await;
        assert!(
            html.contains("Odoo 19") && html.contains(&format!("id=\"held-{p}\"")),
            "{html}"
        );
        let html = client.text("/money/reserves").await;
        assert!(html.contains("Odoo 19 migration"), "{html}");
        let r = client
            .form(
                "/money/reserves",
                &[("name", "Hosting"), ("monthly", "12,5"), ("key", "equal")],
            )
            .await;
        assert_eq!(r.status(), 303);
        let list = admin.json("/api/v1/reserves").await;
        assert_eq!(list[1]["monthly_cents"], 1_250, "{list}");
        let r = client
            .form(
                "/money/reserves",
                &[("name", "Hosting"), ("monthly", "12,345"), ("key", "equal")],
            )
            .await;
        assert_eq!(r.status(), 422, "an amount with more than two decimals");
    }
);
