//! Networks that share an organisation cannot touch each other (issue 20, "shared data
//! crosses networks"), through the running server on SQLite and PostgreSQL: what a
//! network counts (size, status, level, representative, people's ties) is its own, and
//! what the organisation is (name, bank account…) changes only with an entry in every
//! holding network's audit log.

mod common;

use common::TestApp;
use intercoop_domain::organisation::{Level, MembershipStatus};
use sea_orm::TransactionTrait;
use serde_json::{Value, json};

/// Network A's organisation, also held by network B (as the demo's Code Coop); returns
/// (A's admin, B's id and admin, the organisation).
async fn shared(app: &TestApp) -> (common::Api, i64, common::Api, i64) {
    let a = app.api(&app.admin_token().await);
    let org = app.organisation(&a, "Shared Coop", "user", Some(100)).await;
    let (b, b_admin) = app.other_network_admin_in("Europe/Berlin").await;
    let txn = app.db().write.begin().await.unwrap();
    intercoop::organisations::data::join_network(&txn, b, org, MembershipStatus::Member, Level::Active, Some(100))
        .await
        .unwrap();
    txn.commit().await.unwrap();
    (a, b, b_admin, org)
}

both_backends!(
    what_a_network_counts_is_its_own_and_shared_facts_change_with_an_entry_everywhere,
    |app: TestApp| async move {
        let (a, _b, b_admin, org) = shared(&app).await;
        let path = format!("/api/v1/organisations/{org}");
        assert_eq!(a.json(&path).await["other_networks"], 1);

        // B's size is B's: A's sharing keys and weighted votes keep A's.
        let r = b_admin.patch(&path, &json!({"size": 5000, "level": "observer"})).await;
        assert_eq!(r.status(), 200, "{:?}", r.text().await);
        let in_a = a.json(&path).await;
        assert_eq!(
            (in_a["size"].as_i64(), in_a["level"].as_str()),
            (Some(100), Some("active"))
        );
        assert_eq!(b_admin.json(&path).await["size"], 5000);
        let rows = a.json("/api/v1/organisations").await;
        assert_eq!(rows["items"][0]["size"], 100, "{rows}");
        // Nothing shared changed: A's log has no entry from B.
        let log = a.json("/api/v1/audit").await;
        assert!(
            !log["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["action"] == "organisation.update_shared"),
            "{log}"
        );

        // The name and bank account are the organisation's, the same everywhere, and A
        // is told in its own log who changed them, from which values.
        let r = b_admin
            .patch(
                &path,
                &json!({"name": "Shared Coop SC", "bank_account": "BE71096123456769"}),
            )
            .await;
        assert_eq!(r.status(), 200);
        assert_eq!(a.json(&path).await["name"], "Shared Coop SC");
        let log = a.json("/api/v1/audit").await;
        let entry = log["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["action"] == "organisation.update_shared")
            .unwrap_or_else(|| panic!("A's log shows B's change: {log}"))
            .clone();
        assert_eq!(entry["entity_id"], org);
        assert_eq!(entry["actor_name"], "Otto Other");
        let before: Value = serde_json::from_str(entry["before"].as_str().unwrap()).unwrap();
        let after: Value = serde_json::from_str(entry["after"].as_str().unwrap()).unwrap();
        assert_eq!(
            (before["name"].as_str(), after["name"].as_str()),
            (Some("Shared Coop"), Some("Shared Coop SC"))
        );
        assert_eq!(after["bank_account"], "BE71096123456769");
        // B's membership (its size, its level) is not in A's entry.
        assert!(after.get("size").is_none() && after.get("level").is_none(), "{after}");

        // A's administrators see it on their page, in their language.
        let client = app.client();
        app.login(&client, "admin@test.example").await;
        let page = client.get("/admin/audit").await.text().await.unwrap();
        assert!(
            page.contains("Shared organisation changed by another network"),
            "{page}"
        );
        assert!(page.contains("Otto Other") && page.contains("Bank account"), "{page}");
        // The form says what a change does before it is made.
        let form = client
            .get(&format!("/organisations/{org}/edit"))
            .await
            .text()
            .await
            .unwrap();
        assert!(form.contains("also belongs to another network"), "{form}");
    }
);

both_backends!(
    a_tie_made_in_one_network_shows_and_gives_nothing_in_another,
    |app: TestApp| async move {
        let (a, _b, b_admin, org) = shared(&app).await;
        // B ties one of its people to the shared organisation.
        let r = b_admin
            .post(
                "/api/v1/people",
                &json!({"email": "bea@b.example", "name": "Bea Bonly", "organisation_id": org}),
            )
            .await;
        assert_eq!(r.status(), 201, "{:?}", r.text().await);
        let bea = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        // A's organisation page does not list her…
        let client = app.client();
        app.login(&client, "admin@test.example").await;
        let page = client.get(&format!("/organisations/{org}")).await.text().await.unwrap();
        assert!(page.contains("Shared Coop") && !page.contains("Bea Bonly"), "{page}");
        // … nor can A make her its representative: she is nobody in A.
        let r = a
            .put(
                &format!("/api/v1/organisations/{org}/representative"),
                &json!({"person_id": bea}),
            )
            .await;
        assert_eq!(r.status(), 422, "{:?}", r.text().await);
        // In B she is the organisation's, and may represent it there.
        let r = b_admin
            .put(
                &format!("/api/v1/organisations/{org}/representative"),
                &json!({"person_id": bea}),
            )
            .await;
        assert_eq!(r.status(), 200, "{:?}", r.text().await);
        // A's representative is still nobody.
        let in_a = a.json(&format!("/api/v1/organisations/{org}")).await;
        assert!(in_a["representatives"].as_array().unwrap().is_empty(), "{in_a}");
        // A person of A tied to it in A is A's only.
        app.person("ann@a.example", "Ann Aonly", Some(org), true, false).await;
        let page = {
            let c = app.client();
            app.login(&c, "other-admin@test.example").await;
            c.get(&format!("/organisations/{org}")).await.text().await.unwrap()
        };
        assert!(page.contains("Bea Bonly") && !page.contains("Ann Aonly"), "{page}");
    }
);
