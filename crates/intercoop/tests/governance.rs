//! The governance settings (issue 15, item 6), on SQLite and PostgreSQL: members read
//! them, administrators change them from the API and from the page; each change is in
//! the audit log with before and after and listed on the page; bad input is refused on
//! its field with nothing stored; a decision poll that names no quorum or threshold
//! takes the network's.

mod common;

use common::TestApp;
use serde_json::{Value, json};

fn settings(assembly: u32, poll: u32, threshold: &str, elected_max: u32, days: i64) -> Value {
    json!({"assembly_quorum_percent": assembly, "poll_quorum_percent": poll, "poll_threshold": threshold,
        "core_seats": {"facilitator_min": 1, "facilitator_max": 2, "elected_min": 2, "elected_max": elected_max,
            "max_mandate_days": days}})
}

both_backends!(
    settings_are_read_changed_audited_and_refused_when_bad,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let org = app.organisation(&admin, "Coop One", "user", Some(10)).await;
        let rep_id = app.person("rep@test.example", "Rep One", Some(org), true, false).await;
        let rep = app.api(&app.token_for(rep_id).await);

        // The defaults, readable by a member.
        let read = rep.json("/api/v1/governance").await;
        assert_eq!(read["settings"], settings(50, 0, "simple_majority", 3, 730), "{read}");
        assert_eq!(read["changes"], json!([]));

        // A member may not change them.
        let r = rep.put("/api/v1/governance", &settings(60, 20, "3/5", 4, 365)).await;
        assert_eq!(r.status(), 403);

        // An administrator does; the change is in the log with before and after.
        let r = admin.put("/api/v1/governance", &settings(60, 20, "3/5", 4, 365)).await;
        assert_eq!(r.status(), 200);
        let out: Value = r.json().await.unwrap();
        assert_eq!(out["settings"], settings(60, 20, "3/5", 4, 365), "{out}");
        let changes = out["changes"].as_array().unwrap();
        assert_eq!(changes.len(), 1, "{out}");
        assert_eq!(changes[0]["action"], "governance.update");
        let before: Value = serde_json::from_str(changes[0]["before"].as_str().unwrap()).unwrap();
        let after: Value = serde_json::from_str(changes[0]["after"].as_str().unwrap()).unwrap();
        assert_eq!(before, settings(50, 0, "simple_majority", 3, 730));
        assert_eq!(after, settings(60, 20, "3/5", 4, 365));
        let audit = admin.json("/api/v1/audit").await;
        assert!(audit.to_string().contains("governance.update"), "{audit}");
        // The same settings again: nothing to record.
        let r = admin.put("/api/v1/governance", &settings(60, 20, "3/5", 4, 365)).await;
        assert_eq!(r.status(), 200);
        assert_eq!(
            rep.json("/api/v1/governance").await["changes"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
        // The core circle follows the seat rules.
        assert_eq!(
            admin.json("/api/v1/core-circle").await["rules"]["max_mandate_days"],
            365
        );

        // Bad input: a 422 on the field, nothing stored, nothing logged.
        let mut min_above_max = settings(60, 20, "3/5", 4, 365);
        min_above_max["core_seats"]["elected_min"] = json!(5);
        let cases = [
            (min_above_max, "core_seats.elected_min"),
            (settings(60, 20, "3/2", 4, 365), "poll_threshold"),
            (settings(60, 20, "0/3", 4, 365), "poll_threshold"),
            (settings(60, 20, "most", 4, 365), "poll_threshold"),
            (settings(60, 20, "3/5", 4, 0), "core_seats.max_mandate_days"),
            (settings(60, 101, "3/5", 4, 365), "poll_quorum_percent"),
            (settings(101, 20, "3/5", 4, 365), "assembly_quorum_percent"),
        ];
        for (body, field) in cases {
            let r = admin.put("/api/v1/governance", &body).await;
            assert_eq!(r.status(), 422, "{body}");
            let problem: Value = r.json().await.unwrap();
            assert!(
                problem.to_string().contains(&format!("\"{field}\"")),
                "{field}: {problem}"
            );
        }
        let read = rep.json("/api/v1/governance").await;
        assert_eq!(read["settings"], settings(60, 20, "3/5", 4, 365));
        assert_eq!(read["changes"].as_array().unwrap().len(), 1);

        // A decision poll without quorum or threshold takes the network's; one that names
        // them keeps its own.
        let poll = admin
            .post("/api/v1/polls", &json!({"title": "Defaults", "method": "decision"}))
            .await;
        assert_eq!(poll.status(), 201);
        let poll: Value = poll.json().await.unwrap();
        assert_eq!(poll["method_params"]["quorum_percent"], 20, "{poll}");
        assert_eq!(poll["method_params"]["threshold"]["numerator"], 3, "{poll}");
        assert_eq!(poll["method_params"]["threshold"]["denominator"], 5, "{poll}");
        let own = admin
            .post(
                "/api/v1/polls",
                &json!({"title": "Own", "method": "decision", "quorum_percent": 0, "threshold": "simple_majority"}),
            )
            .await;
        let own: Value = own.json().await.unwrap();
        assert_eq!(own["method_params"]["quorum_percent"], 0, "{own}");
        assert_eq!(own["method_params"]["threshold"]["kind"], "simple_majority", "{own}");
    }
);

both_backends!(the_page_shows_and_changes_the_settings, |app: TestApp| async move {
    let admin_api = app.api(&app.admin_token().await);
    let org = app.organisation(&admin_api, "Coop One", "user", Some(10)).await;
    app.person("rep@test.example", "Rep One", Some(org), true, false).await;
    let fields = |elected_min: &'static str, days: &'static str| {
        vec![
            ("assembly_quorum_percent", "55"),
            ("poll_quorum_percent", "30"),
            ("poll_threshold", "two_thirds"),
            ("threshold_fraction", ""),
            ("facilitator_min", "1"),
            ("facilitator_max", "2"),
            ("elected_min", elected_min),
            ("elected_max", "3"),
            ("max_mandate_days", days),
        ]
    };

    // A member reads the page, without the form.
    let member = app.client();
    app.login(&member, "rep@test.example").await;
    let page = member.text("/governance").await;
    assert!(
        page.contains("Governance settings") && page.contains("730 days"),
        "{page}"
    );
    assert!(!page.contains("name=\"max_mandate_days\""), "{page}");
    let r = member.form("/governance", &fields("2", "700")).await;
    assert_eq!(r.status(), 403);

    let web = app.client();
    app.login(&web, "admin@test.example").await;
    let page = web.text("/governance").await;
    assert!(
        page.contains("name=\"max_mandate_days\"") && page.contains("No change yet"),
        "{page}"
    );

    // Refused: each message beside its field, what was typed kept, nothing stored.
    let r = web.form("/governance", &fields("4", "0")).await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("The minimum is above the maximum."), "{body}");
    assert!(body.contains("between 30 and 3660 days"), "{body}");
    assert!(body.contains("value=\"4\""), "{body}");
    assert_eq!(admin_api.json("/api/v1/governance").await["changes"], json!([]));
    let r = web.form("/governance", &fields("x", "700")).await;
    assert_eq!(r.status(), 422);
    let mut custom_empty = fields("2", "700");
    custom_empty[2] = ("poll_threshold", "custom");
    let r = web.form("/governance", &custom_empty).await;
    assert_eq!(r.status(), 422);
    assert_eq!(admin_api.json("/api/v1/governance").await["changes"], json!([]));

    // Saved: back to the page, the change listed with before and after.
    let r = web.form("/governance", &fields("2", "700")).await;
    assert_eq!(r.status(), 303);
    let page = web.text("/governance").await;
    assert!(
        page.contains("Before:") && page.contains("After:") && page.contains("Admin"),
        "{page}"
    );
    assert!(page.contains("two thirds") && page.contains("700 days"), "{page}");
    let read = admin_api.json("/api/v1/governance").await;
    assert_eq!(read["settings"]["poll_threshold"], "two_thirds");
    assert_eq!(read["settings"]["core_seats"]["max_mandate_days"], 700);

    // The poll form starts from the network's defaults.
    let form = web.text("/polls/new").await;
    assert!(
        form.contains(
            "name=\"quorum_percent\" type=\"number\" inputmode=\"numeric\" min=\"0\" max=\"100\" value=\"30\""
        ),
        "{form}"
    );
});
