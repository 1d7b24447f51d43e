//! Reserves of shared recurring costs after they are set up (issue 16, item 5), on
//! SQLite and PostgreSQL: a provision cancelled never overdraws its reserve (the money
//! a campaign took or was promised stays there), a reserve is changed from the next
//! month asked (every sharing key, on the page as in the API, errors beside their
//! fields) and closed (its money stays available to campaigns), each in the audit log;
//! and the trial balance the database builds is the one the journal's balances make.

mod common;

use common::{Api, TestApp, bill, codes, open, pledge_ok, status_and_json};
use serde_json::{Value, json};

async fn member(app: &TestApp, admin: &Api, name: &str, size: i64) -> (i64, Api) {
    let id = app.organisation(admin, name, "user", Some(size)).await;
    let slug: String = name
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let person = app
        .person(
            &format!("rep@{slug}.example"),
            &format!("Rep {name}"),
            Some(id),
            true,
            false,
        )
        .await;
    (id, app.api(&app.token_for(person).await))
}

/// The provisions of a reserve, oldest first.
async fn provisions(admin: &Api, reserve: i64) -> Vec<Value> {
    let all = admin.json("/api/v1/payment-requests?per_page=100").await;
    let mut out: Vec<Value> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["purpose"] == "provision" && r["label"].as_str().is_some())
        .filter(|r| r["reserve_id"].as_i64().is_none_or(|id| id == reserve))
        .cloned()
        .collect();
    out.sort_by_key(|r| r["id"].as_i64());
    out
}

/// The journal balances, the stored balances are the journal's, and the trial balance
/// the API answers (built by the database) is the one the stored balances make.
async fn books_are_right(app: &TestApp, admin: &Api) {
    let tb = admin.json("/api/v1/ledger/trial-balance").await;
    assert_eq!(tb["debit_cents"], tb["credit_cents"], "{tb}");
    for b in intercoop::money::ledger::check_books(&app.db().read).await.unwrap() {
        assert!(b.discrepancies.is_empty(), "{:?}", b.discrepancies);
    }
    let network = app.network_id().await;
    let computed = intercoop::money::ledger::trial_balance(&app.db().read, network)
        .await
        .unwrap();
    assert_eq!(tb, serde_json::to_value(&computed).unwrap());
}

async fn reserve(admin: &Api, rid: i64) -> Value {
    admin.json(&format!("/api/v1/reserves/{rid}")).await
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
    a_cancelled_provision_never_overdraws_its_reserve,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let (a, a_api) = member(&app, &admin, "Alpha Market", 300).await;
        let (b, b_api) = member(&app, &admin, "Beta Market", 300).await;
        let _ = member(&app, &admin, "Gamma Market", 300).await;
        let (_, created) = status_and_json(
            admin
                .post(
                    "/api/v1/reserves",
                    &json!({"name": "Odoo 19 migration", "monthly_cents": 10_000, "key": {"kind": "equal"}}),
                )
                .await,
        )
        .await;
        let rid = created["id"].as_i64().unwrap();
        assert_eq!(bill(&app).await, 3);
        assert_eq!(reserve(&admin, rid).await["held_cents"], 10_000);

        // A campaign takes the whole reserve; a provision cancelled now would take back
        // money promised to it: refused, with a message, and nothing changes.
        let p = proposal(&admin, a, "Odoo 19").await;
        open(
            &admin,
            p,
            json!({"amount_cents": 50_000, "key": {"kind": "equal"}, "reserve_id": rid}),
        )
        .await;
        let first = provisions(&admin, rid).await;
        let victim = first[2]["id"].as_i64().unwrap();
        let (status, problem) = status_and_json(
            admin
                .post(&format!("/api/v1/payment-requests/{victim}/cancel"), &json!({}))
                .await,
        )
        .await;
        assert_eq!(status, 409, "{problem}");
        assert!(problem.to_string().contains("reserve-would-overdraw"), "{problem}");
        let client = app.client();
        app.login(&client, "admin@test.example").await;
        let r = client.form(&format!("/money/requests/{victim}/cancel"), &[]).await;
        assert_eq!(r.status(), 409, "the page refuses it too");
        let html = r.text().await.unwrap();
        assert!(
            [
                "already given this money",
                "a déjà donné cet argent",
                "bereits einer Kampagne",
                "al aan een campagne"
            ]
            .iter()
            .any(|t| html.contains(t)),
            "{html}"
        );
        let held = reserve(&admin, rid).await;
        assert_eq!(
            (held["held_cents"].as_i64(), held["earmarked_cents"].as_i64()),
            (Some(10_000), Some(10_000))
        );

        // Funded: the campaign finds its part, the reserve is empty, never negative.
        pledge_ok(&a_api, p, a).await;
        pledge_ok(&b_api, p, b).await;
        let closed: Value = admin
            .post(&format!("/api/v1/proposals/{p}/close"), &json!({}))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(closed["status"], "funded", "{closed}");
        assert_eq!(reserve(&admin, rid).await["held_cents"], 0);
        // The money is spent: the provision still cannot be taken back.
        let r = admin
            .post(&format!("/api/v1/payment-requests/{victim}/cancel"), &json!({}))
            .await;
        assert_eq!(r.status(), 409);
        assert_eq!(reserve(&admin, rid).await["held_cents"], 0);
        books_are_right(&app, &admin).await;

        // A later month's provision, promised to no campaign, is cancelled as before.
        app.clock.advance(time::Duration::days(32));
        assert_eq!(bill(&app).await, 3);
        let later = provisions(&admin, rid).await;
        let last = later.last().unwrap();
        let r = admin
            .post(&format!("/api/v1/payment-requests/{}/cancel", last["id"]), &json!({}))
            .await;
        assert_eq!(r.status(), 200, "{:?}", r.text().await);
        let held = reserve(&admin, rid).await["held_cents"].as_i64().unwrap();
        assert_eq!(held, 10_000 - last["amount_cents"].as_i64().unwrap());
        assert!(held >= 0);
        books_are_right(&app, &admin).await;
    }
);

both_backends!(
    a_reserve_is_changed_from_next_month_and_closed,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let (a, a_api) = member(&app, &admin, "Alpha Market", 50).await;
        let (b, _) = member(&app, &admin, "Beta Market", 400).await;
        let (c, _) = member(&app, &admin, "Gamma Market", 2_000).await;
        let client = app.client();
        app.login(&client, "admin@test.example").await;

        // Set up on the page with tiers by size: small 1, medium (from 100) 2, large
        // (from 1000) 4.
        let r = client
            .form(
                "/money/reserves",
                &[
                    ("name", "Hosting"),
                    ("monthly", "70"),
                    ("key", "tiers"),
                    ("tier_small", "1"),
                    ("tier_medium_from", "100"),
                    ("tier_medium", "2"),
                    ("tier_large_from", "1000"),
                    ("tier_large", "4"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303, "{:?}", r.text().await);
        let list = admin.json("/api/v1/reserves").await;
        let rid = list[0]["id"].as_i64().unwrap();
        assert_eq!(list[0]["key"]["kind"], "tiers", "{list}");
        assert_eq!(bill(&app).await, 3);
        let month_one: Vec<(i64, i64)> = provisions(&admin, rid)
            .await
            .iter()
            .map(|r| {
                (
                    r["organisation_id"].as_i64().unwrap(),
                    r["amount_cents"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(month_one.iter().map(|x| x.1).sum::<i64>(), 7_000);
        assert!(
            month_one.contains(&(a, 1_000)) && month_one.contains(&(c, 4_000)),
            "{month_one:?}"
        );

        // The page's errors stand beside their fields; nothing changes.
        for (fields, error_id) in [
            (
                vec![("name", "Hosting"), ("monthly", "12,345"), ("key", "equal")],
                "monthly-error",
            ),
            (
                vec![
                    ("name", "Hosting"),
                    ("monthly", "70"),
                    ("key", "tiers"),
                    ("tier_small", ""),
                ],
                "tiers-error",
            ),
            (
                vec![("name", "Hosting"), ("monthly", "70"), ("key", "weights")],
                "weights-error",
            ),
            (vec![("name", ""), ("monthly", "70"), ("key", "equal")], "name-error"),
            (
                vec![("name", "Hosting"), ("monthly", "70"), ("key", "lottery")],
                "key-error",
            ),
        ] {
            let r = client.form(&format!("/money/reserves/{rid}"), &fields).await;
            assert_eq!(r.status(), 422, "{fields:?}");
            let html = r.text().await.unwrap();
            assert!(html.contains(&format!("id=\"{error_id}\"")), "{error_id}: {html}");
            let r = client.form("/money/reserves", &fields).await;
            assert_eq!(r.status(), 422, "{fields:?}");
        }
        assert_eq!(reserve(&admin, rid).await["monthly_cents"], 7_000);

        // The API refuses bad changes on their fields, another network's reserve is absent.
        for (body, code) in [
            (json!({"monthly_cents": 0}), "amount-positive"),
            (json!({"name": ""}), "required"),
            (
                json!({"key": {"kind": "weights", "weights": {}}}),
                "proposals-zero-weights",
            ),
        ] {
            let (status, problem) = status_and_json(admin.patch(&format!("/api/v1/reserves/{rid}"), &body).await).await;
            assert_eq!((status, codes(&problem)), (422, vec![code.to_string()]), "{problem}");
        }
        let r = admin
            .patch(&format!("/api/v1/reserves/{rid}"), &json!({"colour": "blue"}))
            .await;
        assert!(r.status().is_client_error());
        let other = app.other_network_admin().await;
        assert_eq!(
            other
                .patch(&format!("/api/v1/reserves/{rid}"), &json!({"monthly_cents": 1}))
                .await
                .status(),
            404
        );
        assert_eq!(
            other
                .post(&format!("/api/v1/reserves/{rid}/close"), &json!({}))
                .await
                .status(),
            404
        );
        // A representative may not change it.
        assert_eq!(
            a_api
                .patch(&format!("/api/v1/reserves/{rid}"), &json!({"monthly_cents": 1}))
                .await
                .status(),
            403
        );

        // Changed on the page to weights (A 2, B 1, C not named): the month already
        // asked keeps its amounts, the next month is asked by the new ones.
        let page = client.text(&format!("/money/reserves/{rid}")).await;
        assert!(page.contains(&format!("name=\"weight_{a}\"")), "{page}");
        let (wa, wb) = (format!("weight_{a}"), format!("weight_{b}"));
        let r = client
            .form(
                &format!("/money/reserves/{rid}"),
                &[
                    ("name", "Hosting and backups"),
                    ("monthly", "90"),
                    ("key", "weights"),
                    (wa.as_str(), "2"),
                    (wb.as_str(), "1"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303, "{:?}", r.text().await);
        let changed = reserve(&admin, rid).await;
        assert_eq!(
            (changed["name"].as_str(), changed["monthly_cents"].as_i64()),
            (Some("Hosting and backups"), Some(9_000))
        );
        assert_eq!(changed["key"]["kind"], "weights");
        assert_eq!(bill(&app).await, 0, "this month is asked already");
        app.clock.advance(time::Duration::days(32));
        assert_eq!(bill(&app).await, 2, "C is not named by the weights");
        let all = provisions(&admin, rid).await;
        let second: Vec<(i64, i64)> = all[3..]
            .iter()
            .map(|r| {
                (
                    r["organisation_id"].as_i64().unwrap(),
                    r["amount_cents"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(second, vec![(a, 6_000), (b, 3_000)]);
        let first_again: Vec<i64> = all[..3].iter().map(|r| r["amount_cents"].as_i64().unwrap()).collect();
        assert_eq!(
            first_again.iter().sum::<i64>(),
            7_000,
            "the month asked keeps its amounts"
        );

        // Through the API: back to equal shares.
        let (status, out) = status_and_json(
            admin
                .patch(
                    &format!("/api/v1/reserves/{rid}"),
                    &json!({"key": {"kind": "equal"}, "monthly_cents": 9_900}),
                )
                .await,
        )
        .await;
        assert_eq!(status, 200, "{out}");
        assert_eq!(
            (out["key"]["kind"].as_str(), out["monthly_cents"].as_i64()),
            (Some("equal"), Some(9_900))
        );

        // Closing: the page shows what happens to the money held, with its amount, and
        // asks once.
        let held = reserve(&admin, rid).await["held_cents"].as_i64().unwrap();
        assert_eq!(held, 16_000);
        // (A month has passed: the session has ended.)
        app.login(&client, "admin@test.example").await;
        let page = client.text(&format!("/money/reserves/{rid}")).await;
        assert!(page.contains("id=\"close-reserve\""), "{page}");
        assert!(page.contains("160"), "the amount held is shown: {page}");
        let r = client.form(&format!("/money/reserves/{rid}/close"), &[]).await;
        assert_eq!(r.status(), 303);
        let closed = reserve(&admin, rid).await;
        assert_eq!(closed["active"], false);
        assert_eq!(closed["held_cents"], 16_000, "the money stays in the reserve");
        let page = client.text(&format!("/money/reserves/{rid}")).await;
        assert!(page.contains("id=\"reserve-closed\"") && !page.contains("id=\"close-reserve\""));
        // No more provisions.
        app.clock.advance(time::Duration::days(32));
        assert_eq!(bill(&app).await, 0);
        // Closed: no change, no second close.
        let (status, problem) = status_and_json(
            admin
                .patch(&format!("/api/v1/reserves/{rid}"), &json!({"monthly_cents": 1}))
                .await,
        )
        .await;
        assert_eq!(status, 409, "{problem}");
        assert!(problem.to_string().contains("reserve-closed"), "{problem}");
        let r = admin.post(&format!("/api/v1/reserves/{rid}/close"), &json!({})).await;
        assert_eq!(r.status(), 409);
        // Its money is still there for a campaign that draws on it.
        let p = proposal(&admin, a, "New hosting").await;
        open(
            &admin,
            p,
            json!({"amount_cents": 50_000, "key": {"kind": "equal"}, "reserve_id": rid}),
        )
        .await;
        let shown = admin.json(&format!("/api/v1/proposals/{p}")).await;
        assert_eq!(shown["campaign"]["reserve"]["covers_cents"], 16_000, "{shown}");

        // Each change is in the audit log.
        let audit = admin.json("/api/v1/audit?per_page=100").await.to_string();
        assert!(
            audit.contains("reserve.change") && audit.contains("reserve.close"),
            "{audit}"
        );
        books_are_right(&app, &admin).await;
    }
);
