//! Money never wraps (issue 20, "money arithmetic wraps"): every amount the API takes,
//! at the edges of `i64` cents, is either accepted and shared to the exact cent, or
//! refused with a 422 naming the field — never a 500, never a wrapped total. On SQLite
//! and PostgreSQL, through the running server.

mod common;

use common::{Api, TestApp, pledge_ok};
use serde_json::{Value, json};

const MAX: i64 = i64::MAX;

async fn proposal(admin: &Api, by: i64, title: &str) -> i64 {
    let r = admin
        .post("/api/v1/proposals", &json!({"title": title, "requested_by": by}))
        .await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    r.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

/// 201 with shares summing exactly to the amount, or a 422 naming `field`.
async fn exact_or_refused(r: reqwest::Response, field: &str) -> Option<Value> {
    let status = r.status().as_u16();
    let body: Value = r.json().await.unwrap_or(Value::Null);
    match status {
        200 | 201 => Some(body),
        422 => {
            assert!(body.to_string().contains(field), "the refusal names {field}: {body}");
            None
        }
        other => panic!("{other} for {field}: {body}"),
    }
}

both_backends!(
    amounts_at_the_edges_are_exact_or_refused_never_wrapped,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let mut shops = Vec::new();
        for i in 0..3 {
            let id = app
                .organisation(&admin, &format!("Edge {i}"), "user", Some(1 + i))
                .await;
            let person = app
                .person(
                    &format!("rep@edge{i}.example"),
                    &format!("Rep {i}"),
                    Some(id),
                    true,
                    false,
                )
                .await;
            shops.push((id, app.api(&app.token_for(person).await)));
        }
        let provider = app.organisation(&admin, "Edge Dev", "provider", None).await;

        // Quotes: the amount, its VAT and the milestones.
        let id = proposal(&admin, shops[0].0, "Quotes at the edge").await;
        for (body, field) in [
            (
                json!({"provider_id": provider, "amount_cents": MAX, "vat_basis_points": 2100}),
                "amount_cents",
            ),
            (
                json!({"provider_id": provider, "amount_cents": MAX, "vat_basis_points": 0}),
                "amount_cents",
            ),
            (json!({"provider_id": provider, "amount_cents": -1}), "amount_cents"),
            (
                json!({"provider_id": provider, "amount_cents": 100, "milestones": [{"title": "a", "amount_cents": MAX}, {"title": "b", "amount_cents": MAX}]}),
                "milestones",
            ),
        ] {
            let r = admin.post(&format!("/api/v1/proposals/{id}/quotes"), &body).await;
            if let Some(q) = exact_or_refused(r, field).await
                && let Some(total) = q["total_cents"].as_i64()
            {
                assert!(
                    total >= q["amount_cents"].as_i64().unwrap(),
                    "a total below its amount: {q}"
                );
            }
        }

        // Campaigns: the amount, fixed contributions, caps.
        let terms = [
            (json!({"amount_cents": MAX, "key": {"kind": "size"}}), "amount_cents"),
            (
                json!({"amount_cents": MAX, "key": {"kind": "equal"}, "fixed": [{"organisation_id": shops[2].0, "amount_cents": MAX}]}),
                "fixed",
            ),
            (
                json!({"amount_cents": MAX, "key": {"kind": "equal"}, "fixed": [{"organisation_id": shops[2].0, "amount_cents": MAX}, {"organisation_id": provider, "amount_cents": MAX}]}),
                "fixed",
            ),
            (json!({"amount_cents": -5, "key": {"kind": "equal"}}), "amount_cents"),
        ];
        for (n, (body, field)) in terms.into_iter().enumerate() {
            let id = proposal(&admin, shops[0].0, &format!("Campaign at the edge {n}")).await;
            let r = admin.post(&format!("/api/v1/proposals/{id}/campaign"), &body).await;
            if exact_or_refused(r, field).await.is_none() {
                continue;
            }
            for (org, api) in &shops[..2] {
                pledge_ok(api, id, *org).await;
            }
            let r = shops[0]
                .1
                .post(
                    &format!("/api/v1/proposals/{id}/pledges"),
                    &json!({"organisation_id": shops[0].0, "cap_cents": MAX}),
                )
                .await;
            assert!(matches!(r.status().as_u16(), 201 | 409 | 422), "{:?}", r.text().await);
            let s = admin.json(&format!("/api/v1/proposals/{id}/shares")).await;
            let sum: i128 = s["shares"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| i128::from(l["amount_cents"].as_i64().unwrap()))
                .sum();
            let shortfall = i128::from(s["shortfall_cents"].as_i64().unwrap_or(0));
            assert_eq!(
                sum + shortfall,
                i128::from(MAX),
                "shares and shortfall sum to the amount: {s}"
            );
            assert!(
                s["shares"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|l| l["amount_cents"].as_i64().unwrap() >= 0),
                "{s}"
            );
        }
        // A cap that is negative is refused, named.
        let id = proposal(&admin, shops[0].0, "Negative cap").await;
        let r = admin
            .post(
                &format!("/api/v1/proposals/{id}/campaign"),
                &json!({"amount_cents": 1000, "key": {"kind": "equal"}}),
            )
            .await;
        assert_eq!(r.status(), 201);
        let r = shops[1]
            .1
            .post(
                &format!("/api/v1/proposals/{id}/pledges"),
                &json!({"organisation_id": shops[1].0, "cap_cents": -1}),
            )
            .await;
        exact_or_refused(r, "cap_cents").await;
    }
);
