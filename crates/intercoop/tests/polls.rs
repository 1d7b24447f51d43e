//! Polls end to end through the HTTP API (and pages), on SQLite and PostgreSQL.

mod common;

use common::{Api, TestApp};
use intercoop::audit::Actor;
use intercoop::organisations::data::OrganisationInput;
use intercoop::people::data::InviteInput;
use intercoop::polls::entities::{ballot, voter};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait};
use serde_json::{Value, json};

/// A member organisation with its representative and the representative's API client.
struct Member {
    org: i64,
    email: String,
    name: String,
    api: Api,
}

/// Creates `n` active member organisations, each with a representative and an API token,
/// in one transaction (the API would cost two requests per organisation).
async fn members(app: &TestApp, prefix: &str, n: usize, size: impl Fn(usize) -> Option<i64>) -> Vec<Member> {
    let network = app.network_id().await;
    let txn = app.db().write.begin().await.unwrap();
    let mut made = Vec::new();
    for i in 0..n {
        let name = format!("{prefix} {i:02}");
        let valid = OrganisationInput {
            name: name.clone(),
            kind: "user".into(),
            size: size(i).map(|s| s.to_string()).unwrap_or_default(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        let org = intercoop::organisations::data::create(&txn, Actor::SYSTEM, network, &valid)
            .await
            .unwrap();
        let email = format!("rep{i}@{}.example", prefix.to_lowercase().replace(' ', "-"));
        let inv = InviteInput {
            email: email.clone(),
            name: format!("Rep {i} of {prefix}"),
            organisation_id: org.to_string(),
            representative: "true".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        let person = intercoop::people::data::ensure_person(&txn, Actor::SYSTEM, network, &inv)
            .await
            .unwrap();
        made.push((org, person, email, name));
    }
    txn.commit().await.unwrap();
    app.state().auth_cache.clear();
    let mut out = Vec::new();
    for (org, person, email, name) in made {
        let api = app.api(&app.token_for(person).await);
        out.push(Member { org, email, name, api });
    }
    out
}

async fn create_poll(admin: &Api, body: Value) -> Value {
    let r = admin.post("/api/v1/polls", &body).await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    r.json().await.unwrap()
}

async fn open(admin: &Api, id: i64) {
    let r = admin.post(&format!("/api/v1/polls/{id}/open"), &json!({})).await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
}

async fn close(admin: &Api, id: i64) -> Value {
    let r = admin.post(&format!("/api/v1/polls/{id}/close"), &json!({})).await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    r.json().await.unwrap()
}

async fn vote(api: &Api, id: i64, body: Value) -> Value {
    let r = api.post(&format!("/api/v1/polls/{id}/ballots"), &body).await;
    assert_eq!(r.status(), 201, "{body} → {:?}", r.text().await);
    r.json().await.unwrap()
}

/// Posts a ballot expected to fail; returns the status and the problem.
async fn refused(api: &Api, id: i64, body: Value) -> (u16, Value) {
    let r = api.post(&format!("/api/v1/polls/{id}/ballots"), &body).await;
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

fn option_ids(poll: &Value) -> Vec<i64> {
    poll["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .collect()
}

fn ids(v: &Value) -> Vec<i64> {
    v.as_array().unwrap().iter().map(|x| x.as_i64().unwrap()).collect()
}

async fn ballots_stored(app: &TestApp, poll: i64) -> u64 {
    ballot::Entity::find()
        .filter(ballot::Column::PollId.eq(poll))
        .count(&app.db().read)
        .await
        .unwrap()
}

async fn voters_stored(app: &TestApp, poll: i64) -> Vec<voter::Model> {
    voter::Entity::find()
        .filter(voter::Column::PollId.eq(poll))
        .all(&app.db().read)
        .await
        .unwrap()
}

both_backends!(forty_organisations_vote_with_each_method, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let ms = members(&app, "Forty Coop", 40, |_| None).await;
    let abcd = json!(["Shift swap", "Share certificates", "Point of sale", "Exports"]);

    // Decision: 25 yes, 10 no, 5 abstain, quorum 50 %, two thirds.
    let p = create_poll(
        &admin,
        json!({"title": "Adopt the roadmap", "method": "decision", "electorate": "organisations",
               "quorum_percent": 50, "threshold": "two_thirds"}),
    )
    .await;
    let id = p["id"].as_i64().unwrap();
    let opts = option_ids(&p);
    assert_eq!(opts.len(), 3);
    assert_eq!(p["options"][0]["label"], "yes");
    open(&admin, id).await;
    for (i, m) in ms.iter().enumerate() {
        let choice = if i < 25 {
            "yes"
        } else if i < 35 {
            "no"
        } else {
            "abstain"
        };
        vote(&m.api, id, json!({"choice": choice})).await;
    }
    let r = close(&admin, id).await;
    assert_eq!(r["passed"], true);
    assert_eq!(r["final"], true);
    assert_eq!(ids(&r["winners"]), vec![opts[0]]);
    assert_eq!(r["ballots"], 40);
    assert_eq!(r["voters"], 40);
    let d = &r["details"];
    assert_eq!(
        (d["yes"].as_u64(), d["no"].as_u64(), d["abstain"].as_u64()),
        (Some(25), Some(10), Some(5))
    );
    assert_eq!(d["quorum_met"], true);
    assert_eq!(d["quorum_weight"], 20);
    assert_eq!(d["yes_needed"], 24);
    assert_eq!(admin.json(&format!("/api/v1/polls/{id}/result")).await, r);

    // Consent: one objection with its reason blocks; names are shown (not secret).
    let p = create_poll(&admin, json!({"title": "Join the federation", "method": "consent"})).await;
    let id = p["id"].as_i64().unwrap();
    open(&admin, id).await;
    for (i, m) in ms.iter().enumerate() {
        let body = if i == 7 {
            json!({"objection": "Too costly this year"})
        } else {
            json!({})
        };
        vote(&m.api, id, body).await;
    }
    let r = close(&admin, id).await;
    assert_eq!(r["passed"], false);
    assert_eq!(r["details"]["consents"], 39);
    assert_eq!(r["details"]["objections"][0]["reason"], "Too costly this year");
    assert_eq!(r["details"]["objections"][0]["organisation_id"], ms[7].org);

    // Approval: A 30, B 20, C 5, D 0.
    let p = create_poll(
        &admin,
        json!({"title": "Which modules?", "method": "approval", "options": abcd}),
    )
    .await;
    let id = p["id"].as_i64().unwrap();
    let o = option_ids(&p);
    open(&admin, id).await;
    for (i, m) in ms.iter().enumerate() {
        let mut approvals = Vec::new();
        if i < 30 {
            approvals.push(o[0]);
        }
        if i % 2 == 0 {
            approvals.push(o[1]);
        }
        if i < 5 {
            approvals.push(o[2]);
        }
        vote(&m.api, id, json!({"approvals": approvals})).await;
    }
    let r = close(&admin, id).await;
    assert_eq!(ids(&r["ranking"]), o);
    assert_eq!(ids(&r["winners"]), vec![o[0]]);
    let a = &r["details"]["approvals"];
    assert_eq!(
        [o[0], o[1], o[2], o[3]].map(|x| a[x.to_string()].as_u64().unwrap()),
        [30, 20, 5, 0]
    );

    // Points (budget 10): B 150 and D 150 tie for first, C 100.
    let p = create_poll(
        &admin,
        json!({"title": "Spread the budget", "method": "points", "points": 10, "options": abcd}),
    )
    .await;
    let id = p["id"].as_i64().unwrap();
    let o = option_ids(&p);
    open(&admin, id).await;
    for (i, m) in ms.iter().enumerate() {
        let points = if i < 25 {
            json!({o[1].to_string(): 6, o[2].to_string(): 4})
        } else {
            json!({o[3].to_string(): 10})
        };
        vote(&m.api, id, json!({"points": points})).await;
    }
    let r = close(&admin, id).await;
    assert_eq!(ids(&r["winners"]), vec![o[1], o[3]], "a tie gives several winners");
    assert_eq!(ids(&r["ranking"]), vec![o[1], o[3], o[2], o[0]]);
    assert_eq!(r["details"]["points"][o[2].to_string()], 100);
    assert_eq!(r["details"]["budget"], 10);

    // Schulze: a Condorcet cycle A>B (24:16), B>C (34:6), C>A (22:18) resolved by
    // strongest paths: A wins; D, ranked by nobody, comes last.
    let p = create_poll(
        &admin,
        json!({"title": "What first?", "method": "schulze", "options": abcd}),
    )
    .await;
    let id = p["id"].as_i64().unwrap();
    let o = option_ids(&p);
    open(&admin, id).await;
    for (i, m) in ms.iter().enumerate() {
        let ranking = if i < 18 {
            vec![o[0], o[1], o[2]]
        } else if i < 34 {
            vec![o[1], o[2], o[0]]
        } else {
            vec![o[2], o[0], o[1]]
        };
        vote(&m.api, id, json!({"ranking": ranking})).await;
    }
    let r = close(&admin, id).await;
    assert_eq!(ids(&r["ranking"]), o);
    assert_eq!(ids(&r["winners"]), vec![o[0]]);
    let d = &r["details"];
    let cell = |m: &str, a: i64, b: i64| d[m][a.to_string()][b.to_string()].as_u64().unwrap();
    assert_eq!(cell("pairwise", o[0], o[1]), 24);
    assert_eq!(cell("pairwise", o[1], o[2]), 34);
    assert_eq!(cell("pairwise", o[2], o[0]), 22);
    assert_eq!(cell("pairwise", o[0], o[3]), 40);
    assert_eq!(cell("strongest_paths", o[0], o[2]), 24);
    assert_eq!(cell("strongest_paths", o[1], o[0]), 22);
    assert_eq!(d["wins"][o[0].to_string()], 3);
    let schulze_id = id;

    // Majority judgment: A "Very good" from all; B half Excellent half Good (median Good).
    let p = create_poll(
        &admin,
        json!({"title": "How good?", "method": "majority_judgment", "options": abcd}),
    )
    .await;
    let id = p["id"].as_i64().unwrap();
    let o = option_ids(&p);
    open(&admin, id).await;
    for (i, m) in ms.iter().enumerate() {
        let b = if i < 20 { 5 } else { 3 };
        vote(
            &m.api,
            id,
            json!({"grades": {o[0].to_string(): 4, o[1].to_string(): b, o[3].to_string(): 1}}),
        )
        .await;
    }
    let r = close(&admin, id).await;
    assert_eq!(ids(&r["ranking"]), vec![o[0], o[1], o[3], o[2]]);
    assert_eq!(ids(&r["winners"]), vec![o[0]]);
    let d = &r["details"];
    assert_eq!(d["grade_count"], 6);
    assert_eq!(d["profiles"][o[0].to_string()]["majority_grade"], 4);
    assert_eq!(d["profiles"][o[1].to_string()]["majority_grade"], 3);
    assert_eq!(d["profiles"][o[2].to_string()]["distribution"][0], 40);
    assert_eq!(d["separations"][0]["ahead"], o[0]);
    assert_eq!(d["separations"][0]["behind"], o[1]);

    // The result pages explain it: a matrix for Schulze, grades in words for MJ.
    let browser = app.client();
    app.login(&browser, &ms[0].email).await;
    let page = browser.text(&format!("/polls/{schulze_id}/result")).await;
    assert!(
        page.contains("Strongest paths") && page.contains("Shift swap"),
        "{page}"
    );
    assert!(page.contains("<strong>24</strong>"), "{page}");
    // Bars in pure HTML (no inline style: the Content-Security-Policy refuses them):
    // the winner beats all three others, D beats none.
    assert!(
        page.contains("max=\"100\" value=\"100\"") && page.contains("max=\"100\" value=\"0\""),
        "{page}"
    );
    assert!(
        !page.contains("style="),
        "an inline style, which the pages' policy refuses: {page}"
    );
    let page = browser.text(&format!("/polls/{id}/result")).await;
    assert!(page.contains("Very good") && page.contains("Merit profiles"), "{page}");
    assert!(page.contains("<rect x=\"0\"") && !page.contains("style="), "{page}");
    let list = browser.text("/polls").await;
    assert!(
        list.contains("How good?") && list.contains("Majority judgment"),
        "{list}"
    );
    let listed = admin.json("/api/v1/polls?status=closed").await;
    assert_eq!(listed["total"], 6);
});

both_backends!(secret_poll_reveals_no_voter, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let ms = members(&app, "Hidden Coop", 5, |_| None).await;
    let p = create_poll(
        &admin,
        json!({"title": "Sensitive matter", "method": "consent", "secret": true, "hide_results": true}),
    )
    .await;
    let id = p["id"].as_i64().unwrap();
    open(&admin, id).await;
    let r = admin.get(&format!("/api/v1/polls/{id}/result")).await;
    assert_eq!(r.status(), 409, "results hidden until closing");
    let mut receipts = Vec::new();
    for (i, m) in ms.iter().enumerate() {
        let body = if i == 2 {
            json!({"objection": "We were not consulted"})
        } else {
            json!({})
        };
        receipts.push(vote(&m.api, id, body).await["receipt"].as_str().unwrap().to_string());
    }
    // A changed vote replaces the first ballot; the old receipt no longer counts.
    let again = vote(&ms[4].api, id, json!({})).await;
    assert_eq!(again["replaced"], true);
    let check = |code: &str| format!("/api/v1/polls/{id}/receipts/{code}");
    assert_eq!(ms[4].api.json(&check(&receipts[4])).await["counted"], false);
    assert_eq!(
        ms[4].api.json(&check(again["receipt"].as_str().unwrap())).await["counted"],
        true
    );

    let result = close(&admin, id).await;
    assert_eq!(result["passed"], false);
    assert_eq!(result["ballots"], 5);
    assert_eq!(result["voters"], 5, "each organisation voted once");
    let objection = &result["details"]["objections"][0];
    assert_eq!(objection["reason"], "We were not consulted");
    assert!(objection.get("organisation_id").is_none(), "{objection}");

    // No output names a voter: API result, poll, list, pages.
    let outputs = [
        result.to_string(),
        admin.json(&format!("/api/v1/polls/{id}/result")).await.to_string(),
        admin.json(&format!("/api/v1/polls/{id}")).await.to_string(),
        admin.json("/api/v1/polls").await.to_string(),
    ];
    let browser = app.client();
    app.login(&browser, &ms[2].email).await;
    let pages = [
        browser.text(&format!("/polls/{id}/result")).await,
        browser.text(&format!("/polls/{id}")).await,
    ];
    for out in outputs.iter().chain(pages.iter()) {
        assert!(!out.contains("organisation_id\":"), "{out}");
        for m in &ms {
            assert!(!out.contains(&m.name) && !out.contains(&m.email), "{} in {out}", m.name);
        }
    }
    assert!(pages[0].contains("We were not consulted"));
    // Stored ballots carry no voter key once closed; who voted is in its own table.
    let stored = ballot::Entity::find()
        .filter(ballot::Column::PollId.eq(id))
        .all(&app.db().read)
        .await
        .unwrap();
    assert_eq!(stored.len(), 5);
    assert!(stored.iter().all(|b| !b.ballot_key.starts_with("o:")));
    assert_eq!(voters_stored(&app, id).await.len(), 5);
});

both_backends!(delegated_proxy_and_recorded_votes, |app: TestApp| async move {
    let admin_id = app.person("admin@test.example", "Ada Admin", None, false, true).await;
    let admin = app.api(&app.token_for(admin_id).await);
    let ms = members(&app, "Mandate Coop", 4, |_| None).await;
    let colleague = app
        .person(
            "colleague@mandate.example",
            "Colette Colleague",
            Some(ms[0].org),
            false,
            false,
        )
        .await;
    let colleague_api = app.api(&app.token_for(colleague).await);
    let outsider = app
        .person("outsider@mandate.example", "Otto", Some(ms[1].org), false, false)
        .await;
    let p = create_poll(
        &admin,
        json!({"title": "Budget", "method": "decision", "quorum_percent": 0}),
    )
    .await;
    let id = p["id"].as_i64().unwrap();
    open(&admin, id).await;

    // Delegation to a person outside the organisation is refused.
    let r = ms[0]
        .api
        .post(
            &format!("/api/v1/polls/{id}/delegations"),
            &json!({"person_id": outsider}),
        )
        .await;
    assert_eq!(r.status(), 422);
    // Org 0 delegates to a colleague, who votes; the representative no longer can.
    let r = ms[0]
        .api
        .post(
            &format!("/api/v1/polls/{id}/delegations"),
            &json!({"person_id": colleague}),
        )
        .await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    let receipt = vote(&colleague_api, id, json!({"choice": "yes"})).await;
    assert_eq!(receipt["organisation_id"], ms[0].org);
    let (status, _) = refused(&ms[0].api, id, json!({"choice": "no"})).await;
    assert_eq!(status, 403);

    // Org 1 gives its proxy to org 2's representative, who votes for both.
    let r = ms[1]
        .api
        .post(
            &format!("/api/v1/polls/{id}/proxies"),
            &json!({"holder_organisation_id": ms[2].org}),
        )
        .await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    // Org 2 holds one proxy already: the default maximum.
    let r = ms[3]
        .api
        .post(
            &format!("/api/v1/polls/{id}/proxies"),
            &json!({"holder_organisation_id": ms[2].org}),
        )
        .await;
    assert_eq!(r.status(), 409);
    assert_eq!(
        r.json::<Value>().await.unwrap()["type"],
        "https://intercoop.coop/problems/poll-proxy-limit"
    );
    let own = vote(&ms[2].api, id, json!({"choice": "no"})).await;
    assert_eq!(own["organisation_id"], ms[2].org);
    let by_proxy = vote(&ms[2].api, id, json!({"organisation_id": ms[1].org, "choice": "yes"})).await;
    assert_eq!(by_proxy["organisation_id"], ms[1].org);
    let (status, _) = refused(&ms[1].api, id, json!({"choice": "no"})).await;
    assert_eq!(status, 403, "the vote was handed to the proxy");

    // At a physical assembly the facilitator records org 3's ballot; the record says so.
    let recorded = vote(&admin, id, json!({"organisation_id": ms[3].org, "choice": "abstain"})).await;
    assert_eq!(recorded["recorded_by"], admin_id);
    let voters = voters_stored(&app, id).await;
    assert_eq!(voters.len(), 4);
    let v3 = voters.iter().find(|v| v.organisation_id == Some(ms[3].org)).unwrap();
    assert_eq!(v3.recorded_by, Some(admin_id));
    let v0 = voters.iter().find(|v| v.organisation_id == Some(ms[0].org)).unwrap();
    assert_eq!((v0.cast_by, v0.recorded_by), (colleague, None));
    let r = close(&admin, id).await;
    let d = &r["details"];
    assert_eq!(
        (d["yes"].as_u64(), d["no"].as_u64(), d["abstain"].as_u64()),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(r["passed"], true);
});

both_backends!(
    simultaneous_ballots_of_one_organisation_leave_one,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let ms = members(&app, "Race Coop", 2, |_| None).await;
        let p = create_poll(
            &admin,
            json!({"title": "Race", "method": "approval", "options": ["A", "B"]}),
        )
        .await;
        let id = p["id"].as_i64().unwrap();
        let o = option_ids(&p);
        open(&admin, id).await;
        let mut tasks = tokio::task::JoinSet::new();
        for i in 0..12 {
            let api = app.api(&ms[0].api.token);
            let choice = o[i % 2];
            tasks.spawn(async move {
                api.post(&format!("/api/v1/polls/{id}/ballots"), &json!({"approvals": [choice]}))
                    .await
                    .status()
                    .as_u16()
            });
        }
        while let Some(status) = tasks.join_next().await {
            assert_eq!(status.unwrap(), 201);
        }
        assert_eq!(ballots_stored(&app, id).await, 1);
        assert_eq!(voters_stored(&app, id).await.len(), 1);
        let r = admin.json(&format!("/api/v1/polls/{id}/result")).await;
        assert_eq!(r["final"], false, "a live count while open");
        assert_eq!(r["ballots"], 1);
    }
);

both_backends!(bad_input_is_refused_and_nothing_stored, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let ms = members(&app, "Strict Coop", 2, |_| None).await;
    let field_code = |p: &Value| (p["errors"][0]["field"].clone(), p["errors"][0]["code"].clone());

    // Creation.
    for (body, field) in [
        (
            json!({"title": "", "method": "approval", "options": ["A", "B"]}),
            "title",
        ),
        (
            json!({"title": "X", "method": "lottery", "options": ["A", "B"]}),
            "method",
        ),
        (json!({"title": "X", "method": "schulze", "options": ["A"]}), "options"),
        (
            json!({"title": "X", "method": "approval", "options": ["A", "a"]}),
            "options",
        ),
        (
            json!({"title": "X", "method": "decision", "threshold": "5/3"}),
            "threshold",
        ),
        (
            json!({"title": "X", "method": "decision", "quorum_percent": 120}),
            "quorum_percent",
        ),
        (
            json!({"title": "X", "method": "majority_judgment", "options": ["A"], "grade_count": 1}),
            "grade_count",
        ),
        (
            json!({"title": "X", "method": "approval", "options": ["A", "B"], "electorate": "cats"}),
            "electorate",
        ),
    ] {
        let r = admin.post("/api/v1/polls", &body).await;
        assert_eq!(r.status(), 422, "{body}");
        let p: Value = r.json().await.unwrap();
        assert_eq!(p["errors"][0]["field"], field, "{body}: {p}");
    }
    let r = ms[0]
        .api
        .post("/api/v1/polls", &json!({"title": "X", "method": "consent"}))
        .await;
    assert_eq!(r.status(), 403, "only administrators create polls");
    assert_eq!(admin.json("/api/v1/polls").await["total"], 0);

    let schulze = create_poll(
        &admin,
        json!({"title": "Rank", "method": "schulze", "options": ["A", "B", "C"]}),
    )
    .await;
    let s = schulze["id"].as_i64().unwrap();
    let so = option_ids(&schulze);
    // Not open yet.
    let (status, p) = refused(&ms[0].api, s, json!({"ranking": [so[0]]})).await;
    assert_eq!((status, field_code(&p).1), (422, json!("poll-not-open")));
    open(&admin, s).await;
    let points = create_poll(
        &admin,
        json!({"title": "Spend", "method": "points", "points": 5, "options": ["A", "B"]}),
    )
    .await;
    let pt = points["id"].as_i64().unwrap();
    let po = option_ids(&points);
    open(&admin, pt).await;
    let mj = create_poll(
        &admin,
        json!({"title": "Grade", "method": "majority_judgment", "options": ["A", "B"], "grade_count": 4}),
    )
    .await;
    let mjid = mj["id"].as_i64().unwrap();
    let mo = option_ids(&mj);
    open(&admin, mjid).await;
    let consent = create_poll(&admin, json!({"title": "Agree", "method": "consent"})).await;
    let cid = consent["id"].as_i64().unwrap();
    open(&admin, cid).await;

    let cases = [
        (
            s,
            json!({"ranking": [so[0], 999_999]}),
            "ranking",
            "poll-unknown-option",
        ),
        (
            s,
            json!({"ranking": [so[0], so[1], so[0]]}),
            "ranking",
            "poll-ranked-twice",
        ),
        (s, json!({"ranking": [po[0]]}), "ranking", "poll-unknown-option"),
        (s, json!({"approvals": [so[0]]}), "ballot", "poll-wrong-ballot"),
        (
            pt,
            json!({"points": {po[0].to_string(): 3, po[1].to_string(): 3}}),
            "points",
            "poll-over-budget",
        ),
        (
            pt,
            json!({"points": {po[0].to_string(): -1}}),
            "points",
            "poll-negative-points",
        ),
        (pt, json!({"points": {"12345678": 1}}), "points", "poll-unknown-option"),
        (
            mjid,
            json!({"grades": {mo[0].to_string(): 4}}),
            "grades",
            "poll-unknown-grade",
        ),
        (
            mjid,
            json!({"grades": {mo[0].to_string(): 300}}),
            "grades",
            "poll-unknown-grade",
        ),
        (cid, json!({"objection": "   "}), "objection", "poll-objection-reason"),
    ];
    for (poll, body, field, code) in cases {
        let (status, p) = refused(&ms[0].api, poll, body.clone()).await;
        assert_eq!(status, 422, "{body}: {p}");
        assert_eq!(field_code(&p), (json!(field), json!(code)), "{body}: {p}");
    }
    for poll in [s, pt, mjid, cid] {
        assert_eq!(ballots_stored(&app, poll).await, 0, "nothing stored");
        assert!(voters_stored(&app, poll).await.is_empty());
    }

    // Outside the electorate: a person without organisation, a candidate organisation's
    // representative, another member voting for an organisation it does not represent.
    let nobody = app.person("nobody@strict.example", "Nobody", None, false, false).await;
    let nobody = app.api(&app.token_for(nobody).await);
    let (status, _) = refused(&nobody, s, json!({"ranking": [so[0]]})).await;
    assert_eq!(status, 403);
    let (status, _) = refused(&ms[0].api, s, json!({"organisation_id": ms[1].org, "ranking": [so[0]]})).await;
    assert_eq!(status, 403);
    let candidate = admin
        .post(
            "/api/v1/organisations",
            &json!({"name": "Candidate Coop", "kind": "user", "status": "candidate"}),
        )
        .await;
    let candidate = candidate.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let rep = app
        .person("rep@candidate.example", "Cand Rep", Some(candidate), true, false)
        .await;
    let rep = app.api(&app.token_for(rep).await);
    let (status, _) = refused(&rep, s, json!({"ranking": [so[0]]})).await;
    assert_eq!(status, 403);
    let (status, _) = refused(&admin, s, json!({"organisation_id": candidate, "ranking": [so[0]]})).await;
    assert_eq!(status, 403, "not even an administrator records outside the electorate");
    assert_eq!(ballots_stored(&app, s).await, 0);

    // After closing.
    vote(&ms[0].api, s, json!({"ranking": [so[2], so[0]]})).await;
    close(&admin, s).await;
    let (status, p) = refused(&ms[1].api, s, json!({"ranking": [so[0]]})).await;
    assert_eq!((status, field_code(&p).1), (422, json!("poll-closed")));
    assert_eq!(ballots_stored(&app, s).await, 1);
    // A closed poll does not reopen.
    let r = admin.post(&format!("/api/v1/polls/{s}/open"), &json!({})).await;
    assert_eq!(r.status(), 409);
    let r = admin.post(&format!("/api/v1/polls/{s}/close"), &json!({})).await;
    assert_eq!(r.status(), 409);
});

both_backends!(electorate_is_frozen_at_opening, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let ms = members(&app, "Frozen Coop", 2, |_| None).await;
    let p = create_poll(&admin, json!({"title": "Frozen", "method": "decision"})).await;
    let id = p["id"].as_i64().unwrap();
    open(&admin, id).await;
    // A newcomer after opening cannot vote; a member leaving after opening still can.
    let late = members(&app, "Late Coop", 1, |_| None).await;
    let (status, _) = refused(&late[0].api, id, json!({"choice": "yes"})).await;
    assert_eq!(status, 403);
    let r = admin
        .patch(
            &format!("/api/v1/organisations/{}", ms[1].org),
            &json!({"status": "former"}),
        )
        .await;
    assert_eq!(r.status(), 200);
    vote(&ms[1].api, id, json!({"choice": "no"})).await;
    let r = close(&admin, id).await;
    assert_eq!(r["electorate_size"], 2);
    assert_eq!(r["electorate_weight"], 2);
    assert_eq!(r["details"]["no"], 1);
});

both_backends!(weighted_and_people_electorates, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let ms = members(&app, "Sized Coop", 3, |i| Some([100, 10, 10][i])).await;
    let p = create_poll(
        &admin,
        json!({"title": "Weighted", "method": "decision", "weighted": true, "quorum_percent": 60}),
    )
    .await;
    let id = p["id"].as_i64().unwrap();
    open(&admin, id).await;
    vote(&ms[0].api, id, json!({"choice": "yes"})).await;
    vote(&ms[1].api, id, json!({"choice": "no"})).await;
    vote(&ms[2].api, id, json!({"choice": "no"})).await;
    let r = close(&admin, id).await;
    assert_eq!(r["electorate_weight"], 120);
    assert_eq!(r["details"]["yes"], 100);
    assert_eq!(r["details"]["no"], 20);
    assert_eq!(r["passed"], true);

    // One vote per person: both people of org 0 vote.
    let second = app
        .person("second@sized.example", "Second Person", Some(ms[0].org), false, false)
        .await;
    let second = app.api(&app.token_for(second).await);
    let p = create_poll(
        &admin,
        json!({"title": "People", "method": "approval", "electorate": "people", "options": ["A", "B"]}),
    )
    .await;
    let id = p["id"].as_i64().unwrap();
    let o = option_ids(&p);
    open(&admin, id).await;
    vote(&ms[0].api, id, json!({"approvals": [o[1]]})).await;
    vote(&second, id, json!({"approvals": [o[1]]})).await;
    let r = close(&admin, id).await;
    assert_eq!(r["electorate_size"], 4);
    assert_eq!(r["details"]["approvals"][o[1].to_string()], 2);
});

both_backends!(
    emails_reminder_once_dashboard_and_ballot_form,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let ms = members(&app, "Mail Coop", 3, |_| None).await;
        let closes = (time::OffsetDateTime::now_utc() + time::Duration::hours(3))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let p = create_poll(
            &admin,
            json!({"title": "Closing soon", "method": "decision", "closes_at": closes}),
        )
        .await;
        let id = p["id"].as_i64().unwrap();
        open(&admin, id).await;
        for m in &ms {
            let mails = app.mails_to(&m.email).await;
            assert_eq!(mails.iter().filter(|m| m.kind.as_str() == "poll_opened").count(), 1);
            assert!(mails.iter().any(|m| m.subject.contains("Closing soon")));
        }

        // The dashboard lists the poll until the organisation votes, through the page form.
        let browser = app.client();
        app.login(&browser, &ms[0].email).await;
        let dash = browser.text("/dashboard").await;
        assert!(
            dash.contains(&format!("/polls/{id}?organisation_id={}", ms[0].org)),
            "{dash}"
        );
        let page = browser.text(&format!("/polls/{id}")).await;
        assert!(
            page.contains("type=\"radio\" name=\"choice\" value=\"abstain\""),
            "{page}"
        );
        let r = browser
            .form(
                &format!("/polls/{id}/ballot"),
                &[("organisation_id", &ms[0].org.to_string())],
            )
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("This field is required"));
        let r = browser
            .form(
                &format!("/polls/{id}/ballot"),
                &[("organisation_id", &ms[0].org.to_string()), ("choice", "yes")],
            )
            .await;
        assert_eq!(r.status(), 200);
        let body = r.text().await.unwrap();
        assert!(
            body.contains("Your ballot is recorded") && body.contains("id=\"receipt\""),
            "{body}"
        );
        let dash = browser.text("/dashboard").await;
        assert!(!dash.contains("Closing soon"), "{dash}");

        // The reminder goes once, only to those who have not voted, however often jobs run:
        // halfway through the poll's three hours.
        app.run_jobs().await;
        assert_eq!(
            app.mails_to(&ms[1].email)
                .await
                .iter()
                .filter(|m| m.kind.as_str() == "poll_reminder")
                .count(),
            0
        );
        app.clock.advance(time::Duration::minutes(91));
        app.run_jobs().await;
        app.run_jobs().await;
        let reminders = |mails: Vec<intercoop::entities::outbox_message::Model>| {
            mails.iter().filter(|m| m.kind.as_str() == "poll_reminder").count()
        };
        assert_eq!(reminders(app.mails_to(&ms[0].email).await), 0);
        assert_eq!(reminders(app.mails_to(&ms[1].email).await), 1);
        assert_eq!(reminders(app.mails_to(&ms[2].email).await), 1);

        close(&admin, id).await;
        for m in &ms {
            let mails = app.mails_to(&m.email).await;
            assert_eq!(mails.iter().filter(|m| m.kind.as_str() == "poll_result").count(), 1);
        }
        let r = admin.get("/api/openapi.json").await;
        let doc: Value = r.json().await.unwrap();
        assert!(doc["paths"]["/api/v1/polls/{id}/ballots"]["post"].is_object());
        assert!(doc["components"]["schemas"]["PollResult"].is_object());
    }
);

both_backends!(polls_store_their_link_to_proposals, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let ms = members(&app, "Link Coop", 2, |_| None).await;
    let mut proposals = Vec::new();
    for title in ["Labels", "Deposits", "Exports"] {
        let r = admin
            .post("/api/v1/proposals", &json!({"title": title, "requested_by": ms[0].org}))
            .await;
        assert_eq!(r.status(), 201);
        proposals.push(r.json::<Value>().await.unwrap()["id"].as_i64().unwrap());
    }
    let [a, b, c] = proposals[..] else { unreachable!() };
    // A priority poll's options carry their proposals; only ranked or points polls qualify.
    let p = create_poll(
        &admin,
        json!({"title": "Priority", "method": "points", "priority": true, "options": ["A", "B"], "proposal_ids": [a, b]}),
    )
    .await;
    assert_eq!(p["priority"], true);
    assert_eq!(
        (
            p["options"][0]["proposal_id"].as_i64(),
            p["options"][1]["proposal_id"].as_i64()
        ),
        (Some(a), Some(b))
    );
    for (body, field) in [
        (
            json!({"title": "P", "method": "approval", "priority": true, "options": ["A", "B"], "proposal_ids": [1, 2]}),
            "priority",
        ),
        (
            json!({"title": "P", "method": "schulze", "priority": true, "options": ["A", "B"], "proposal_ids": [1]}),
            "proposal_ids",
        ),
        (
            json!({"title": "P", "method": "schulze", "priority": true, "options": ["A", "B"]}),
            "proposal_ids",
        ),
        (
            json!({"title": "P", "method": "decision", "effect": {"kind": "reject"}}),
            "proposal_id",
        ),
        // Proposals that do not exist (in this network) are refused, and effects the
        // proposal cannot take now, and terms that are not valid.
        (
            json!({"title": "P", "method": "schulze", "priority": true, "options": ["A", "B"], "proposal_ids": [a, 999_999]}),
            "proposal_ids",
        ),
        (
            json!({"title": "P", "method": "decision", "proposal_id": 999_999, "effect": {"kind": "reject"}}),
            "proposal_id",
        ),
        (
            json!({"title": "P", "method": "decision", "proposal_id": a, "effect": {"kind": "discuss"}}),
            "effect",
        ),
        (
            json!({"title": "P", "method": "decision", "proposal_id": a,
                   "effect": {"kind": "open_funding", "terms": {"amount_cents": -5, "key": {"kind": "equal"}}}}),
            "amount_cents",
        ),
        (
            json!({"title": "P", "method": "decision", "proposal_id": a,
                   "effect": {"kind": "open_funding", "terms": {"amount_cents": 500, "key": {"kind": "equal"}, "deadline": "2001-01-01T00:00:00Z"}}}),
            "deadline",
        ),
        (
            json!({"title": "P", "method": "decision", "proposal_id": a,
                   "effect": {"kind": "open_funding", "terms": {"amount": 500}}}),
            "effect.terms.amount",
        ),
    ] {
        let r = admin.post("/api/v1/polls", &body).await;
        assert_eq!(r.status(), 422, "{body}");
        assert_eq!(r.json::<Value>().await.unwrap()["errors"][0]["field"], field, "{body}");
    }
    // A linked poll stores its effect; when it does not pass, closing leaves the proposal alone.
    let p = create_poll(
        &admin,
        json!({"title": "Open the co-funding?", "method": "decision", "proposal_id": c,
               "effect": {"kind": "open_funding", "terms": {"amount_cents": 30000, "key": {"kind": "equal"}}}}),
    )
    .await;
    assert_eq!(p["effect"]["kind"], "open_funding");
    assert_eq!(p["effect"]["terms"]["amount_cents"], 30000);
    let id = p["id"].as_i64().unwrap();
    open(&admin, id).await;
    vote(&ms[0].api, id, json!({"choice": "no"})).await;
    let r = close(&admin, id).await;
    assert_eq!(r["passed"], false);
    assert_eq!(admin.json(&format!("/api/v1/polls/{id}")).await["status"], "closed");
});

both_backends!(demo_polls_load_and_render, |app: TestApp| async move {
    use intercoop::polls::entities::poll;
    intercoop::demo::load(app.db()).await.unwrap();
    let polls = poll::Entity::find().all(&app.db().read).await.unwrap();
    let status = |method: &str| {
        polls
            .iter()
            .find(|p| p.method.as_str() == method)
            .map(|p| p.status.as_str())
    };
    assert_eq!(polls.len(), 3);
    assert_eq!(status("decision"), Some("open"));
    assert_eq!(status("schulze"), Some("closed"));
    assert_eq!(status("majority_judgment"), Some("open"));
    let closed = polls.iter().find(|p| p.method.as_str() == "schulze").unwrap();
    let result: Value = serde_json::to_value(closed.result.as_ref().unwrap()).unwrap();
    assert!(result["ballots"].as_u64().unwrap() > 0);
    assert_eq!(result["winners"].as_array().unwrap().len(), 1);
    let login = &intercoop::demo::logins()[0];
    let browser = app.client();
    app.login(&browser, &login.email).await;
    let page = browser.text(&format!("/polls/{}/result", closed.id)).await;
    assert!(page.contains("Shift swap from the phone"), "{page}");
    let page = browser.text("/polls").await;
    assert!(page.contains("How well do these modules serve our members?"), "{page}");
});

both_backends!(due_polls_close_once_by_the_scheduled_job, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let ms = members(&app, "Due Coop", 2, |_| None).await;
    let soon = (time::OffsetDateTime::now_utc() + time::Duration::hours(1))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let p = create_poll(&admin, json!({"title": "Due", "method": "decision", "closes_at": soon})).await;
    let id = p["id"].as_i64().unwrap();
    open(&admin, id).await;
    vote(&ms[0].api, id, json!({"choice": "yes"})).await;
    app.clock.advance(time::Duration::hours(2));
    tokio::join!(app.run_jobs(), app.run_jobs());
    let r = admin.json(&format!("/api/v1/polls/{id}/result")).await;
    assert_eq!(r["final"], true);
    assert_eq!(r["passed"], true);
    for m in &ms {
        let mails = app.mails_to(&m.email).await;
        assert_eq!(
            mails.iter().filter(|m| m.kind.as_str() == "poll_result").count(),
            1,
            "closed once"
        );
    }
});

/// Gives `giver`'s vote in poll `id` to `holder` by proxy; the response.
async fn give_proxy(giver: &Member, id: i64, holder: &Member) -> reqwest::Response {
    giver
        .api
        .post(
            &format!("/api/v1/polls/{id}/proxies"),
            &json!({"holder_organisation_id": holder.org}),
        )
        .await
}

/// The stored proxies of a poll as (giver, holder), sorted.
async fn proxies_stored(app: &TestApp, poll: i64) -> Vec<(i64, i64)> {
    use intercoop::polls::entities::mandate;
    let mut v: Vec<(i64, i64)> = mandate::Entity::find()
        .filter(mandate::Column::PollId.eq(poll))
        .all(&app.db().read)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|m| Some((m.organisation_id, m.holder_organisation_id?)))
        .collect();
    v.sort();
    v
}

both_backends!(a_weighted_poll_needs_every_size, |app: TestApp| async move {
    use intercoop::polls::entities::elector;
    let admin = app.api(&app.admin_token().await);
    // Org 1 has no size, org 2 a size of 0; org 0 weighs 300.
    let ms = members(&app, "Sized Coop", 3, |i| [Some(300), None, Some(0)][i]).await;
    let p = create_poll(
        &admin,
        json!({"title": "Weighted budget", "method": "decision", "weighted": true, "quorum_percent": 50}),
    )
    .await;
    let id = p["id"].as_i64().unwrap();
    // Opening is refused, naming the organisations without a size and what to do.
    let r = admin.post(&format!("/api/v1/polls/{id}/open"), &json!({})).await;
    assert_eq!(r.status(), 422);
    let problem: Value = r.json().await.unwrap();
    assert_eq!(problem["type"], "https://intercoop.coop/problems/invalid");
    let error = &problem["errors"][0];
    assert_eq!(
        (&error["field"], &error["code"]),
        (&json!("weighted"), &json!("poll-missing-size"))
    );
    let message = error["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("{}, {}", ms[1].name, ms[2].name)) && !message.contains(&ms[0].name),
        "{message}"
    );
    assert!(
        message.contains("Give each of them a size, or open the poll unweighted"),
        "{message}"
    );
    // Nothing moved: still a draft, no electorate frozen, nobody told.
    assert_eq!(admin.json(&format!("/api/v1/polls/{id}")).await["status"], "draft");
    let frozen = elector::Entity::find()
        .filter(elector::Column::PollId.eq(id))
        .count(&app.db().read)
        .await
        .unwrap();
    assert_eq!(frozen, 0);
    assert!(
        app.mails_to(&ms[0].email)
            .await
            .iter()
            .all(|m| m.kind.as_str() != "poll_opened")
    );
    // The facilitation page says the same, in the reader's language.
    let browser = app.client();
    app.login(&browser, "admin@test.example").await;
    let r = browser.form(&format!("/polls/{id}/open"), &[]).await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("open the poll unweighted") && page.contains(&ms[1].name),
        "{page}"
    );
    // Once every organisation has a size the poll opens, each weighing its size.
    for (m, size) in [(&ms[1], 100), (&ms[2], 20)] {
        let r = admin
            .patch(&format!("/api/v1/organisations/{}", m.org), &json!({"size": size}))
            .await;
        assert_eq!(r.status(), 200, "{:?}", r.text().await);
    }
    open(&admin, id).await;
    assert_eq!(
        admin.json(&format!("/api/v1/polls/{id}")).await["electorate_weight"],
        420
    );
    vote(&ms[1].api, id, json!({"choice": "yes"})).await;
    vote(&ms[2].api, id, json!({"choice": "no"})).await;
    let r = close(&admin, id).await;
    assert_eq!(
        (r["details"]["yes"].as_u64(), r["details"]["no"].as_u64()),
        (Some(100), Some(20))
    );
    // An unweighted poll opens whatever the sizes: one organisation, one voice.
    let late = members(&app, "Unsized Coop", 1, |_| None).await;
    let p = create_poll(&admin, json!({"title": "One voice each", "method": "decision"})).await;
    let id = p["id"].as_i64().unwrap();
    open(&admin, id).await;
    assert_eq!(admin.json(&format!("/api/v1/polls/{id}")).await["electorate_weight"], 4);
    vote(&late[0].api, id, json!({"choice": "yes"})).await;
});

both_backends!(proxies_never_chain_and_respect_the_limit, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let ms = members(&app, "Chain Coop", 5, |_| None).await;
    let p = create_poll(
        &admin,
        json!({"title": "Chains", "method": "decision", "quorum_percent": 0, "max_proxies": 1}),
    )
    .await;
    let id = p["id"].as_i64().unwrap();
    open(&admin, id).await;
    // Org 0 gives its vote to org 1.
    let r = give_proxy(&ms[0], id, &ms[1]).await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    // Org 1 holds 0's vote: giving its own to org 2 would pass 0's on.
    let r = give_proxy(&ms[1], id, &ms[2]).await;
    assert_eq!(r.status(), 409);
    assert_eq!(
        r.json::<Value>().await.unwrap()["type"],
        "https://intercoop.coop/problems/poll-proxy-chain"
    );
    // Org 0 gave its vote away: it cannot hold org 3's.
    let r = give_proxy(&ms[3], id, &ms[0]).await;
    assert_eq!(r.status(), 422);
    assert_eq!(
        r.json::<Value>().await.unwrap()["errors"][0]["code"],
        "poll-proxy-holder"
    );
    // Org 1 is full (one proxy, the poll's maximum).
    let r = give_proxy(&ms[3], id, &ms[1]).await;
    assert_eq!(r.status(), 409);
    assert_eq!(
        r.json::<Value>().await.unwrap()["type"],
        "https://intercoop.coop/problems/poll-proxy-limit"
    );
    // Not to oneself.
    let r = give_proxy(&ms[3], id, &ms[3]).await;
    assert_eq!(r.status(), 422);
    // Giving it again replaces it, even at the limit; moving it frees org 1.
    assert_eq!(give_proxy(&ms[0], id, &ms[1]).await.status(), 201);
    assert_eq!(give_proxy(&ms[0], id, &ms[4]).await.status(), 201);
    assert_eq!(give_proxy(&ms[1], id, &ms[2]).await.status(), 201);
    assert_eq!(
        proxies_stored(&app, id).await,
        vec![(ms[0].org, ms[4].org), (ms[1].org, ms[2].org)]
    );
    // Org 2 votes for org 1, org 4 for org 0; nobody votes twice for anyone.
    vote(&ms[2].api, id, json!({"organisation_id": ms[1].org, "choice": "yes"})).await;
    vote(&ms[4].api, id, json!({"organisation_id": ms[0].org, "choice": "no"})).await;
    let (status, _) = refused(&ms[1].api, id, json!({"choice": "no"})).await;
    assert_eq!(status, 403);
});

both_backends!(simultaneous_proxies_stay_within_the_limit, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let ms = members(&app, "Rush Coop", 9, |_| None).await;
    let p = create_poll(
        &admin,
        json!({"title": "Rush", "method": "decision", "quorum_percent": 0, "max_proxies": 2}),
    )
    .await;
    let id = p["id"].as_i64().unwrap();
    open(&admin, id).await;
    // Eight organisations give their vote to org 0 at once: two may.
    let mut tasks = tokio::task::JoinSet::new();
    for m in &ms[1..] {
        let api = app.api(&m.api.token);
        let holder = ms[0].org;
        tasks.spawn(async move {
            api.post(
                &format!("/api/v1/polls/{id}/proxies"),
                &json!({"holder_organisation_id": holder}),
            )
            .await
            .status()
            .as_u16()
        });
    }
    let mut statuses = Vec::new();
    while let Some(status) = tasks.join_next().await {
        statuses.push(status.unwrap());
    }
    statuses.sort();
    assert_eq!(statuses, [201, 201, 409, 409, 409, 409, 409, 409]);
    let stored = proxies_stored(&app, id).await;
    assert_eq!(stored.len(), 2, "{stored:?}");
    assert!(stored.iter().all(|(_, holder)| *holder == ms[0].org));
    // Org 0, holding proxies, cannot give its own vote away to one that kept its own.
    let free = ms[1..]
        .iter()
        .find(|m| stored.iter().all(|(giver, _)| *giver != m.org))
        .unwrap();
    let r = give_proxy(&ms[0], id, free).await;
    assert_eq!(r.status(), 409);
});

both_backends!(
    providers_and_the_facilitator_vote_only_where_a_poll_includes_them,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let users = members(&app, "Shop", 2, |_| None).await;
        let mut others = Vec::new();
        for (name, kind) in [("Code Coop", "provider"), ("Hub", "facilitator")] {
            let org = app.organisation(&admin, name, kind, None).await;
            let email = format!("rep@{}.example", kind);
            let person = app
                .person(&email, &format!("Rep of {name}"), Some(org), true, false)
                .await;
            others.push(app.api(&app.token_for(person).await));
        }
        // By default: the active member user cooperatives, and nobody else.
        let p = create_poll(&admin, json!({"title": "Which module first", "method": "decision"})).await;
        assert_eq!(p["organisation_kinds"], json!(["user"]));
        let id = p["id"].as_i64().unwrap();
        open(&admin, id).await;
        for other in &others {
            let (status, problem) = refused(other, id, json!({"choice": "yes"})).await;
            assert_eq!(status, 403, "{problem}");
        }
        vote(&users[0].api, id, json!({"choice": "yes"})).await;
        let r = close(&admin, id).await;
        assert_eq!(r["electorate_size"], 2, "{r}");
        // A poll may include others: the provider votes there, the facilitator does not.
        let p = create_poll(
            &admin,
            json!({"title": "Coding rules", "method": "decision", "organisation_kinds": ["provider", "user"]}),
        )
        .await;
        assert_eq!(p["organisation_kinds"], json!(["user", "provider"]));
        let id = p["id"].as_i64().unwrap();
        open(&admin, id).await;
        vote(&others[0], id, json!({"choice": "yes"})).await;
        let (status, _) = refused(&others[1], id, json!({"choice": "yes"})).await;
        assert_eq!(status, 403);
        let r = close(&admin, id).await;
        assert_eq!(r["electorate_size"], 3, "{r}");
        // No kind, or an unknown one: refused on the field, nothing stored.
        for kinds in [json!([]), json!(["user", "bank"])] {
            let r = admin
                .post(
                    "/api/v1/polls",
                    &json!({"title": "Nobody", "method": "decision", "organisation_kinds": kinds}),
                )
                .await;
            assert_eq!(r.status(), 422);
            let problem: Value = r.json().await.unwrap();
            assert!(problem.to_string().contains("organisation_kinds"), "{problem}");
        }
        let list = admin.json("/api/v1/polls").await;
        assert!(!list.to_string().contains("Nobody"), "{list}");
    }
);
