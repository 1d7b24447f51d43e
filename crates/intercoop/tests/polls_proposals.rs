//! Polls that act on proposals: a linked poll carries its effect when it passes, a
//! priority poll records the network priority — through the event `poll_closed`, to which
//! the proposals feature reacts in a job of its own; an effect the proposal can no
//! longer take never blocks the poll and is shown to the facilitators.

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
            // The proposals feature reacts to the closed poll in a job of its own.
            app.settle_jobs().await;
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
    app.settle_jobs().await;
    // The proposals capability shows the network priority: "Exports" now comes first.
    let list = admin.json("/api/v1/proposals?sort=priority").await;
    let text = list["items"].to_string();
    assert!(
        text.find("Exports").unwrap() < text.find("Shift swap").unwrap(),
        "{list}"
    );
});

both_backends!(
    an_effect_the_proposal_can_no_longer_take_never_blocks_the_poll,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let org = app.organisation(&admin, "Linked Coop", "user", Some(10)).await;
        let rep = app.person("rep@linked.example", "Rep", Some(org), true, false).await;
        let rep = app.api(&app.token_for(rep).await);
        let id = proposal(&admin, "Need to reject", org).await;
        let poll = post(
            &admin,
            "/api/v1/polls",
            json!({"title": "Reject this need?", "method": "decision", "proposal_id": id, "effect": {"kind": "reject"}}),
        )
        .await;
        let pid = poll["id"].as_i64().unwrap();
        post(&admin, &format!("/api/v1/polls/{pid}/open"), json!({})).await;
        post(&rep, &format!("/api/v1/polls/{pid}/ballots"), json!({"choice": "yes"})).await;
        // Meanwhile the co-funding opens: a proposal in funding can no longer be rejected.
        post(
            &admin,
            &format!("/api/v1/proposals/{id}/campaign"),
            json!({"amount_cents": 10_000, "key": {"kind": "equal"}}),
        )
        .await;
        // The poll closes and publishes its result all the same.
        let result = post(&admin, &format!("/api/v1/polls/{pid}/close"), json!({})).await;
        assert_eq!(result["passed"], true);
        app.settle_jobs().await;
        assert_eq!(admin.json(&format!("/api/v1/polls/{pid}")).await["status"], "closed");
        // The proposal stays in funding; its timeline says why the decision was not applied.
        let p = admin.json(&format!("/api/v1/proposals/{id}")).await;
        assert_eq!(p["status"], "funding");
        let last = p["timeline"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["kind"], "effect_failed", "{last}");
        assert_eq!(last["poll_id"], pid);
        assert_eq!(last["reason"], "proposals-wrong-status");
        // The job that reacted is done, not stuck retrying.
        let jobs = admin.json("/api/v1/jobs").await;
        assert_eq!(jobs, json!([]), "no failed job");
        // The facilitators see it on their dashboard and on the proposal's page.
        let browser = app.client();
        app.login(&browser, "admin@test.example").await;
        let dash = browser.text("/dashboard").await;
        assert!(dash.contains("Decisions of polls not carried out"), "{dash}");
        assert!(dash.contains("Need to reject"), "{dash}");
        let page = browser.text(&format!("/proposals/{id}")).await;
        assert!(page.contains("could not be carried out"), "{page}");
        // Once someone acts on the proposal, the dashboard no longer asks.
        post(
            &admin,
            &format!("/api/v1/proposals/{id}/comments"),
            json!({"body": "We keep funding it."}),
        )
        .await;
        let dash = browser.text("/dashboard").await;
        assert!(!dash.contains("Decisions of polls not carried out"), "{dash}");
    }
);

both_backends!(
    an_effect_is_checked_again_when_its_poll_opens,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let org = app.organisation(&admin, "Linked Coop", "user", Some(10)).await;
        let id = proposal(&admin, "Need to reject", org).await;
        let poll = post(
        &admin,
        "/api/v1/polls",
        json!({"title": "Reject this need?", "method": "decision", "proposal_id": id, "effect": {"kind": "reject"}}),
    )
    .await;
        let pid = poll["id"].as_i64().unwrap();
        post(
            &admin,
            &format!("/api/v1/proposals/{id}/transition"),
            json!({"to": "withdrawn"}),
        )
        .await;
        let r = admin.post(&format!("/api/v1/polls/{pid}/open"), &json!({})).await;
        assert_eq!(r.status(), 422);
        let problem: Value = r.json().await.unwrap();
        assert_eq!(problem["errors"][0]["field"], "effect", "{problem}");
        assert_eq!(admin.json(&format!("/api/v1/polls/{pid}")).await["status"], "draft");
    }
);

both_backends!(
    ties_are_shown_as_ties_in_results_and_the_backlog,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let mut reps = Vec::new();
        for name in ["Tie Coop A", "Tie Coop B"] {
            let org = app.organisation(&admin, name, "user", None).await;
            let email = format!("rep@{}.example", name.to_lowercase().replace(' ', "-"));
            let rep = app.person(&email, "Rep", Some(org), true, false).await;
            reps.push((org, app.api(&app.token_for(rep).await)));
        }
        let org = reps[0].0;
        let labels = proposal(&admin, "Shelf labels", org).await;
        let exports = proposal(&admin, "Exports", org).await;
        let swap = proposal(&admin, "Shift swap", org).await;
        let poll = post(
            &admin,
            "/api/v1/polls",
            json!({"title": "Network priority", "method": "schulze", "priority": true,
               "options": ["Shelf labels", "Exports", "Shift swap"],
               "proposal_ids": [labels, exports, swap]}),
        )
        .await;
        let pid = poll["id"].as_i64().unwrap();
        let o: Vec<i64> = (0..3).map(|i| poll["options"][i]["id"].as_i64().unwrap()).collect();
        post(&admin, &format!("/api/v1/polls/{pid}/open"), json!({})).await;
        // One puts Exports first, the other Shift swap: both beat Shelf labels, and neither
        // beats the other.
        for (rep, ranking) in [(&reps[0].1, [o[1], o[2], o[0]]), (&reps[1].1, [o[2], o[1], o[0]])] {
            post(
                rep,
                &format!("/api/v1/polls/{pid}/ballots"),
                json!({"ranking": ranking}),
            )
            .await;
        }
        let result = post(&admin, &format!("/api/v1/polls/{pid}/close"), json!({})).await;
        assert_eq!(result["ranking"], json!([o[1], o[2], o[0]]), "{result}");
        assert_eq!(result["ranks"], json!([1, 1, 3]), "{result}");
        assert_eq!(result["winners"], json!([o[1], o[2]]), "{result}");
        let stored = admin.json(&format!("/api/v1/polls/{pid}/result")).await;
        assert_eq!(stored["ranks"], json!([1, 1, 3]), "{stored}");
        // The result page says they are tied; the backlog gives both the first place.
        let web = app.client();
        app.login(&web, "admin@test.example").await;
        let page = web.text(&format!("/polls/{pid}/result")).await;
        assert_eq!(page.matches("<span class=\"tag\">tied</span>").count(), 2, "{page}");
        app.settle_jobs().await;
        let list = admin.json("/api/v1/proposals?sort=priority").await;
        let places: Vec<(i64, i64, bool)> = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["id"].as_i64().unwrap(),
                    r["priority_rank"].as_i64().unwrap(),
                    r["priority_tied"].as_bool().unwrap(),
                )
            })
            .collect();
        assert_eq!(places, [(exports, 1, true), (swap, 1, true), (labels, 3, false)]);
        let page = web.text("/proposals?sort=priority").await;
        assert_eq!(page.matches("Priority #1, tied").count(), 2, "{page}");
    }
);
