//! A member's credit applied automatically, on SQLite and PostgreSQL (issue 16): an
//! overpayment kept as credit pays the organisation's next requests, the oldest first,
//! each use in the journal, shown on the request and in the statement, never more than
//! the credit and never twice.

mod common;

use common::TestApp;
use serde_json::{Value, json};

both_backends!(
    credit_pays_the_next_requests_oldest_first_never_more_than_it_is,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let org = app.organisation(&admin, "Alpha Market", "user", Some(400)).await;
        let ask = |cents: i64| {
            let admin = &admin;
            async move {
                let r = admin
                    .post(
                        "/api/v1/payment-requests",
                        &json!({"organisation_id": org, "amount_cents": cents, "purpose": "Hosting"}),
                    )
                    .await;
                assert_eq!(r.status(), 201);
                r.json::<Value>().await.unwrap()
            }
        };
        let first = ask(10_000).await;
        // 150 € for a request of 100 €: 50 € of credit, with nothing else to pay yet.
        let r = admin
            .post(
                "/api/v1/payments",
                &json!({"payment_request_id": first["id"], "amount_cents": 15_000}),
            )
            .await;
        assert_eq!(r.status(), 201, "{:?}", r.text().await);
        let statement = admin.json(&format!("/api/v1/organisations/{org}/statement")).await;
        assert_eq!(statement["balance_cents"], -5_000, "{statement}");

        // The next requests take it, the oldest first: 30 € in full, then 20 € of 40 €.
        let second = ask(3_000).await;
        assert_eq!(
            (second["status"].as_str(), second["credit_cents"].as_i64()),
            (Some("paid"), Some(3_000)),
            "{second}"
        );
        let third = ask(4_000).await;
        assert_eq!(
            (
                third["status"].as_str(),
                third["paid_cents"].as_i64(),
                third["credit_cents"].as_i64()
            ),
            (Some("open"), Some(2_000), Some(2_000)),
            "{third}"
        );
        // The credit is used up: the next request takes nothing.
        let fourth = ask(1_000).await;
        assert_eq!(
            (fourth["paid_cents"].as_i64(), fourth["status"].as_str()),
            (Some(0), Some("open"))
        );

        // The statement shows each use; the balance is what is still owed.
        let statement = admin.json(&format!("/api/v1/organisations/{org}/statement")).await;
        assert_eq!(statement["balance_cents"], 2_000 + 1_000, "{statement}");
        let used: Vec<i64> = statement["lines"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l["kind"] == "credit-applied")
            .map(|l| l["credit_used_cents"].as_i64().unwrap())
            .collect();
        assert_eq!(used, [3_000, 2_000]);
        // The request's page says what the credit paid.
        let client = app.client();
        app.login(&client, "admin@test.example").await;
        let html = client.text(&format!("/money/requests/{}", third["id"])).await;
        assert!(html.contains("id=\"paid-from-credit\""), "{html}");

        // A payment of the open remainder and more: the new credit pays the last request.
        let r = admin
            .post(
                "/api/v1/payments",
                &json!({"payment_request_id": third["id"], "amount_cents": 2_500}),
            )
            .await;
        assert_eq!(r.status(), 201);
        let fourth = admin.json(&format!("/api/v1/payment-requests/{}", fourth["id"])).await;
        assert_eq!(
            (fourth["paid_cents"].as_i64(), fourth["credit_cents"].as_i64()),
            (Some(500), Some(500))
        );
        let tb = admin.json("/api/v1/ledger/trial-balance").await;
        assert_eq!(tb["debit_cents"], tb["credit_cents"]);
        for b in intercoop::money::ledger::check_books(&app.db().read).await.unwrap() {
            assert!(b.discrepancies.is_empty(), "{:?}", b.discrepancies);
        }
        let credit = tb["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["account"] == "member-credit")
            .map(|a| a["balance_cents"].as_i64().unwrap())
            .sum::<i64>();
        assert_eq!(credit, 0, "never more than the credit: {tb}");
    }
);
