//! Polls that act on proposals: a linked poll carries its effect when it passes, a
//! priority poll records the network priority, through `crate::proposals::apply_effect`
//! and `set_network_priority`.

mod common;

use common::{Api, TestApp};
use serde_json::{Value, json};

async fn post(api: &Api, path: &str, body: Value) -> Value {
    let r = api.post(path, &body).await;
    let status = r.status();
    let text = r.text().await.unwrap();
    assert!(status.is_success(), "POST {path} {body} → {status} {text}");
    serde_json::from_str(&text).unwrap()
}

async fn proposal(admin: &Api, title: &str, org: i64) -> i64 {
    post(
        admin,
        "/api/v1/proposals",
        json!({"title": title, "description": "A need of the network.", "requested_by": org}),
    )
    .await["id"]
        .as_i64()
        .unwrap()
}

both_backends!(
    a_passed_poll_carries_its_effect_a_failed_one_does_not,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let org = app.organisation(&admin, "Linked Coop", "user", None).await;
        let rep = app.person("rep@linked.example", "Rep", Some(org), true, false).await;
        let rep = app.api(&app.token_for(rep).await);

        for (choice, rejected) in [("yes", true), ("no", false)] {
            let id = proposal(&admin, &format!("Need decided by {choice}"), org).await;
            let before = admin.json(&format!("/api/v1/proposals/{id}")).await["status"].clone();
            let poll = post(
            &admin,
            "/api/v1/polls",
            json!({"title": "Reject this need?", "method": "decision", "proposal_id": id, "effect": {"kind": "reject"}}),
        )
        .await;
            assert_eq!(poll["proposal_id"], id);
            assert_eq!(poll["effect"], json!({"kind": "reject"}));
            let pid = poll["id"].as_i64().unwrap();
            post(&admin, &format!("/api/v1/polls/{pid}/open"), json!({})).await;
            post(&rep, &format!("/api/v1/polls/{pid}/ballots"), json!({"choice": choice})).await;
            let result = post(&admin, &format!("/api/v1/polls/{pid}/close"), json!({})).await;
            assert_eq!(result["passed"], rejected);
            let after = admin.json(&format!("/api/v1/proposals/{id}")).await["status"].clone();
            if rejected {
                assert_eq!(after, "rejected");
            } else {
                assert_eq!(after, before);
            }
        }
    }
);

both_backends!(a_priority_poll_orders_the_proposals, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let org = app.organisation(&admin, "Priority Coop", "user", None).await;
    let rep = app.person("rep@priority.example", "Rep", Some(org), true, false).await;
    let rep = app.api(&app.token_for(rep).await);
    let first = proposal(&admin, "Shift swap", org).await;
    let second = proposal(&admin, "Exports", org).await;
    let poll = post(
        &admin,
        "/api/v1/polls",
        json!({"title": "Network priority", "method": "schulze", "priority": true,
               "options": ["Shift swap", "Exports"], "proposal_ids": [first, second]}),
    )
    .await;
    assert_eq!(poll["options"][1]["proposal_id"], second);
    let pid = poll["id"].as_i64().unwrap();
    let second_option = poll["options"][1]["id"].as_i64().unwrap();
    let first_option = poll["options"][0]["id"].as_i64().unwrap();
    post(&admin, &format!("/api/v1/polls/{pid}/open"), json!({})).await;
    post(
        &rep,
        &format!("/api/v1/polls/{pid}/ballots"),
        json!({"ranking": [second_option, first_option]}),
    )
    .await;
    let result = post(&admin, &format!("/api/v1/polls/{pid}/close"), json!({})).await;
    assert_eq!(result["ranking"], json!([second_option, first_option]));
    // The proposals capability shows the network priority: "Exports" now comes first.
    let list = admin.json("/api/v1/proposals?sort=priority").await;
    let text = list["items"].to_string();
    assert!(
        text.find("Exports").unwrap() < text.find("Shift swap").unwrap(),
        "{list}"
    );
});
