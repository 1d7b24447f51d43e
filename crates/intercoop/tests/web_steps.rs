//! Every step of the API has a page a volunteer can use: creating a poll, handing a vote
//! (delegation, proxy), checking a receipt, quoting, and opening a co-funding with every
//! term. Each page through the real server, on SQLite and PostgreSQL: the form, a valid
//! submission and its effect (read back through the API), and an invalid one answered
//! with 422, the API's message beside its field and what was typed kept. And a ballot
//! that cannot be misread: after voting, the page shows what was recorded (only that a
//! ballot counts, in a secret poll), and the receipt says what was counted.

mod common;

use common::{Api, Client, TestApp};
use serde_json::{Value, json};

/// A member organisation with its representative, logged in on the web.
struct Member {
    id: i64,
    web: Client,
    api: Api,
}

async fn member(app: &TestApp, admin: &Api, name: &str, kind: &str, size: Option<i64>) -> Member {
    let id = app.organisation(admin, name, kind, size).await;
    let email = format!("rep@{}.example", name.to_lowercase().replace(' ', "-"));
    let person = app
        .person(&email, &format!("Rep of {name}"), Some(id), true, false)
        .await;
    let web = app.client();
    app.login(&web, &email).await;
    let api = app.api(&app.token_for(person).await);
    Member { id, web, api }
}

async fn admin_web(app: &TestApp) -> (Api, Client) {
    let admin = app.api(&app.admin_token().await);
    let web = app.client();
    app.login(&web, "admin@test.example").await;
    (admin, web)
}

async fn body_of(r: reqwest::Response) -> (u16, String) {
    let status = r.status().as_u16();
    (status, r.text().await.unwrap())
}

/// The message shown beside a field: the `<p class="error" id="…-error">` after it.
fn error_beside(page: &str, id: &str, message: &str) {
    let marker = format!("id=\"{id}-error\">{message}");
    assert!(page.contains(&marker), "no {marker:?} in\n{page}");
}

fn location(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_string()
}

both_backends!(a_facilitator_creates_a_poll_from_the_page, |app: TestApp| async move {
    let (admin, web) = admin_web(&app).await;
    let page = web.text("/polls").await;
    assert!(page.contains("href=\"/polls/new\""), "{page}");
    let form = web.text("/polls/new").await;
    for field in [
        "name=\"method\"",
        "name=\"options\"",
        "name=\"electorate\"",
        "name=\"secret\"",
        "name=\"hide_results\"",
        "name=\"weighted\"",
        "name=\"kind_user\" value=\"1\" checked",
        "name=\"kind_provider\" value=\"1\">",
        "type=\"datetime-local\"",
        "Europe/Brussels",
    ] {
        assert!(form.contains(field), "{field} in\n{form}");
    }
    // Refused as the API refuses it, each message beside its field, what was typed kept.
    let r = web
        .form(
            "/polls/new",
            &[
                ("title", ""),
                ("method", "schulze"),
                ("options", "Only this one"),
                ("secret", "1"),
                ("weighted", "1"),
                ("closes_at", "2020-01-01T10:00"),
                ("points", "ten"),
                ("electorate", "organisations"),
            ],
        )
        .await;
    let (status, page) = body_of(r).await;
    assert_eq!(status, 422, "{page}");
    error_beside(&page, "title", "This field is required.");
    error_beside(
        &page,
        "options",
        "This method needs another number of options (at least 2 to compare).",
    );
    error_beside(&page, "secret", "A secret poll cannot be weighted by size");
    error_beside(&page, "closes_at", "The closing time has already passed");
    error_beside(&page, "points", "Enter a whole number.");
    error_beside(&page, "kinds", "Tick at least one kind of organisation.");
    assert!(
        page.contains(">Only this one</textarea>") && page.contains("value=\"2020-01-01T10:00\""),
        "{page}"
    );
    assert!(page.contains("value=\"schulze\" checked"), "{page}");
    // A majority judgment of the people, closing at 18:00 where the network is.
    let r = web
        .form(
            "/polls/new",
            &[
                ("title", "How well do these modules serve us?"),
                ("method", "majority_judgment"),
                ("options", "Shelf labels\r\nStock sync\r\n"),
                ("electorate", "people"),
                ("grade_count", "6"),
                ("hide_results", "1"),
                ("closes_at", "2099-03-01T18:00"),
                ("max_proxies", "2"),
                ("kind_user", "1"),
                ("kind_provider", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "{:?}", r.text().await);
    let id: i64 = location(&r).rsplit('/').next().unwrap().parse().unwrap();
    let poll = admin.json(&format!("/api/v1/polls/{id}")).await;
    assert_eq!(poll["method"], "majority_judgment");
    assert_eq!(poll["electorate"], "people");
    assert_eq!(poll["organisation_kinds"], json!(["user", "provider"]));
    assert_eq!(poll["status"], "draft");
    assert_eq!(
        (poll["hide_results"].as_bool(), poll["secret"].as_bool()),
        (Some(true), Some(false))
    );
    assert_eq!(
        poll["closes_at"], "2099-03-01T17:00:00Z",
        "18:00 in Brussels is 17:00 UTC in March"
    );
    assert_eq!(poll["max_proxies"], 2);
    let labels: Vec<&str> = poll["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["Shelf labels", "Stock sync"]);
    // Its page says what opening does before it is done.
    let page = web.text(&format!("/polls/{id}")).await;
    assert!(
        page.contains("<summary>Open the poll</summary>") && page.contains("Opening freezes who may vote"),
        "{page}"
    );
    // Someone who may not create polls gets no form.
    let shop = member(&app, &admin, "Shop", "user", Some(10)).await;
    assert_eq!(shop.web.get("/polls/new").await.status(), 403);
    let r = shop
        .web
        .form("/polls/new", &[("title", "Mine"), ("method", "decision")])
        .await;
    assert_eq!(r.status(), 403);
    app.stop().await;
});

both_backends!(
    a_representative_hands_the_vote_from_the_page,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let a = member(&app, &admin, "Alpha Shop", "user", Some(10)).await;
        let b = member(&app, &admin, "Beta Shop", "user", Some(10)).await;
        let c = member(&app, &admin, "Gamma Shop", "user", Some(10)).await;
        let staff = app
            .person("staff@alpha-shop.example", "Stef Staff", Some(a.id), false, false)
            .await;
        let r = admin
            .post(
                "/api/v1/polls",
                &json!({"title": "Budget 2027", "method": "decision", "max_proxies": 1}),
            )
            .await;
        let poll: Value = r.json().await.unwrap();
        let id = poll["id"].as_i64().unwrap();
        admin.post(&format!("/api/v1/polls/{id}/open"), &json!({})).await;
        // The poll page offers the representative to hand its vote.
        let page = a.web.text(&format!("/polls/{id}")).await;
        assert!(
            page.contains(&format!("/polls/{id}/mandate?organisation_id={}", a.id)),
            "{page}"
        );
        let form = a
            .web
            .text(&format!("/polls/{id}/mandate?organisation_id={}", a.id))
            .await;
        assert!(form.contains("Stef Staff") && form.contains("Beta Shop"), "{form}");
        assert!(form.contains("Its representative votes"), "{form}");
        // Without a person: the API's message beside the field, 422.
        let org = a.id.to_string();
        let (status, page) = body_of(
            a.web
                .form(
                    &format!("/polls/{id}/mandate"),
                    &[("organisation_id", &org), ("kind", "delegate"), ("person_id", "")],
                )
                .await,
        )
        .await;
        assert_eq!(status, 422, "{page}");
        error_beside(&page, "person_id", "This field is required.");
        // A delegation, then a proxy instead: each shown as the current hand.
        let r = a
            .web
            .form(
                &format!("/polls/{id}/mandate"),
                &[
                    ("organisation_id", &org),
                    ("kind", "delegate"),
                    ("person_id", &staff.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let page = a.web.text(&location(&r)).await;
        assert!(page.contains("Delegated to Stef Staff"), "{page}");
        let r = a
            .web
            .form(
                &format!("/polls/{id}/mandate"),
                &[
                    ("organisation_id", &org),
                    ("kind", "proxy"),
                    ("holder_organisation_id", &b.id.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let page = a.web.text(&location(&r)).await;
        assert!(page.contains("Proxy held by Beta Shop"), "{page}");
        // Beta's representative now votes for Alpha.
        let r = b
            .api
            .post(
                &format!("/api/v1/polls/{id}/ballots"),
                &json!({"organisation_id": a.id, "choice": "yes"}),
            )
            .await;
        assert_eq!(r.status(), 201, "{:?}", r.text().await);
        // A second proxy to Beta is over the poll's limit: said beside the holder, kept.
        let (status, page) = body_of(
            c.web
                .form(
                    &format!("/polls/{id}/mandate"),
                    &[
                        ("organisation_id", &c.id.to_string()),
                        ("kind", "proxy"),
                        ("holder_organisation_id", &b.id.to_string()),
                    ],
                )
                .await,
        )
        .await;
        assert_eq!(status, 409, "{page}");
        error_beside(
            &page,
            "holder",
            "This organisation already holds as many proxies as allowed",
        );
        assert!(
            page.contains(&format!("value=\"{}\" selected>Beta Shop", b.id)),
            "{page}"
        );
        // Nobody hands another organisation's vote.
        let r = c
            .web
            .get(&format!("/polls/{id}/mandate?organisation_id={}", a.id))
            .await;
        assert_eq!(r.status(), 403);
        app.stop().await;
    }
);

both_backends!(
    a_voter_sees_what_was_recorded_and_what_its_receipt_counted,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let a = member(&app, &admin, "Alpha Shop", "user", Some(10)).await;
        let poll = |body: Value| {
            let admin = &admin;
            async move {
                let p: Value = admin.post("/api/v1/polls", &body).await.json().await.unwrap();
                let id = p["id"].as_i64().unwrap();
                admin.post(&format!("/api/v1/polls/{id}/open"), &json!({})).await;
                p
            }
        };
        // A decision: the page after voting shows the receipt and what it counted.
        let decision = poll(json!({"title": "Budget 2027", "method": "decision"})).await;
        let id = decision["id"].as_i64().unwrap();
        let (status, page) = body_of(a.web.form(&format!("/polls/{id}/ballot"), &[("choice", "no")]).await).await;
        assert_eq!(status, 200, "{page}");
        assert!(
            page.contains("What was counted:") && page.contains("<ul class=\"counted\"><li>No</li></ul>"),
            "{page}"
        );
        let receipt = page
            .split("<code id=\"receipt\">")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_string();
        // Later, the poll's page shows what is recorded for the organisation.
        let page = a.web.text(&format!("/polls/{id}")).await;
        assert!(
            page.contains("Recorded for Alpha Shop") && page.contains("<ul class=\"recorded-lines\"><li>No</li></ul>"),
            "{page}"
        );
        assert!(page.contains("1 voted, out of 1"), "{page}");
        // The form to change the vote starts from the ballot recorded.
        assert!(page.contains("value=\"no\" checked"), "{page}");
        // The receipt page says the same; a replaced ballot's receipt no longer counts.
        let page = a.web.text(&format!("/polls/{id}/receipt?code={receipt}")).await;
        assert!(page.contains("ballot is counted</h2>"), "{page}");
        assert!(page.contains("<li>No</li>"), "{page}");
        a.web.form(&format!("/polls/{id}/ballot"), &[("choice", "yes")]).await;
        let page = a.web.text(&format!("/polls/{id}/receipt?code={receipt}")).await;
        assert!(page.contains("No ballot with this receipt is counted"), "{page}");
        let page = a.web.text(&format!("/polls/{id}")).await;
        assert!(
            page.contains("<ul class=\"recorded-lines\"><li>Yes</li></ul>"),
            "{page}"
        );

        // Majority judgment: each option with its grade.
        let mj = poll(json!({"title": "Modules", "method": "majority_judgment", "options": ["Labels", "Stock"]})).await;
        let id = mj["id"].as_i64().unwrap();
        let ids: Vec<i64> = mj["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_i64().unwrap())
            .collect();
        let (status, page) = body_of(
            a.web
                .form(
                    &format!("/polls/{id}/ballot"),
                    &[(&format!("grade-{}", ids[0]), "3"), (&format!("grade-{}", ids[1]), "5")],
                )
                .await,
        )
        .await;
        assert_eq!(status, 200, "{page}");
        assert!(
            page.contains("<li>Labels: Good</li>") && page.contains("<li>Stock: Excellent</li>"),
            "{page}"
        );

        // A secret poll: only that a ballot is counted, never what it says.
        let secret =
            poll(json!({"title": "Board", "method": "approval", "options": ["Ana", "Bo"], "secret": true})).await;
        let id = secret["id"].as_i64().unwrap();
        let first = secret["options"][0]["id"].as_i64().unwrap();
        let (status, page) = body_of(
            a.web
                .form(&format!("/polls/{id}/ballot"), &[(&format!("approve-{first}"), "1")])
                .await,
        )
        .await;
        assert_eq!(status, 200, "{page}");
        assert!(
            page.contains("The poll is secret") && !page.contains("Approved: Ana"),
            "{page}"
        );
        let page = a.web.text(&format!("/polls/{id}")).await;
        assert!(
            page.contains("Your ballot is counted") && page.contains("A ballot is counted."),
            "{page}"
        );
        assert!(!page.contains("Recorded for"), "{page}");
        assert!(
            !page.contains("recorded-lines") && !page.contains("Approved: Ana"),
            "{page}"
        );
        app.stop().await;
    }
);

both_backends!(a_provider_quotes_from_the_page, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let shop = member(&app, &admin, "Shop", "user", Some(10)).await;
    let provider = member(&app, &admin, "Code Coop", "provider", None).await;
    let p: Value = shop
        .api
        .post(
            "/api/v1/proposals",
            &json!({"title": "Shelf labels", "requested_by": shop.id}),
        )
        .await
        .json()
        .await
        .unwrap();
    let id = p["id"].as_i64().unwrap();
    let page = provider.web.text(&format!("/proposals/{id}")).await;
    assert!(page.contains(&format!("href=\"/proposals/{id}/quotes/new\"")), "{page}");
    let form = provider.web.text(&format!("/proposals/{id}/quotes/new")).await;
    assert!(
        form.contains("Code Coop") && form.contains("name=\"milestone_title_1\""),
        "{form}"
    );
    // What cannot be read, and what the API refuses, beside their fields; kept.
    let pid = provider.id.to_string();
    let (status, page) = body_of(
        provider
            .web
            .form(
                &format!("/proposals/{id}/quotes"),
                &[
                    ("provider_id", &pid),
                    ("amount", "lots"),
                    ("vat_percent", "21"),
                    ("valid_until", "someday"),
                ],
            )
            .await,
    )
    .await;
    assert_eq!(status, 422, "{page}");
    error_beside(&page, "amount", "Enter an amount such as 1200 or 1 200,50.");
    error_beside(&page, "valid", "Choose a date.");
    assert!(
        page.contains("value=\"lots\"") && page.contains("value=\"21\""),
        "{page}"
    );
    let (status, page) = body_of(
        provider
            .web
            .form(
                &format!("/proposals/{id}/quotes"),
                &[
                    ("provider_id", &pid),
                    ("amount", "1 200,50"),
                    ("milestone_title_1", "Design"),
                    ("milestone_amount_1", "200"),
                ],
            )
            .await,
    )
    .await;
    assert_eq!(status, 422, "{page}");
    error_beside(&page, "milestones", "The milestones must sum to the amount.");
    assert!(
        page.contains("value=\"Design\"") && page.contains("value=\"1 200,50\""),
        "{page}"
    );
    // A valid quote: the proposal is quoted, with its VAT, hours, validity and milestones.
    let r = provider
        .web
        .form(
            &format!("/proposals/{id}/quotes"),
            &[
                ("provider_id", &pid),
                ("amount", "1 200,50"),
                ("vat_percent", "21"),
                ("hours", "12"),
                ("valid_until", "2099-12-20"),
                ("milestone_title_1", "Design"),
                ("milestone_amount_1", "200,50"),
                ("milestone_title_2", "Code"),
                ("milestone_amount_2", "1 000"),
                ("note", "Tested on Odoo 16"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303, "{:?}", r.text().await);
    let p = admin.json(&format!("/api/v1/proposals/{id}")).await;
    assert_eq!(p["status"], "quoted");
    let q = &p["quotes"][0];
    assert_eq!(
        (q["amount_cents"].as_i64(), q["vat_basis_points"].as_i64()),
        (Some(120_050), Some(2100))
    );
    assert_eq!(q["hours"], 12);
    assert_eq!(q["valid_until"], "2099-12-20T22:59:59Z");
    assert_eq!(q["milestones"].as_array().unwrap().len(), 2);
    // A supermarket quotes for no provider: no form, and its post is refused.
    assert_eq!(shop.web.get(&format!("/proposals/{id}/quotes/new")).await.status(), 403);
    let r = shop
        .web
        .form(
            &format!("/proposals/{id}/quotes"),
            &[("provider_id", &pid), ("amount", "10")],
        )
        .await;
    assert_eq!(r.status(), 403);
    let p = admin.json(&format!("/api/v1/proposals/{id}")).await;
    assert_eq!(p["quotes"].as_array().unwrap().len(), 1);
    app.stop().await;
});

both_backends!(
    a_facilitator_opens_a_co_funding_with_every_term,
    |app: TestApp| async move {
        let (admin, web) = admin_web(&app).await;
        let big = member(&app, &admin, "Big Shop", "user", Some(2400)).await;
        let small = member(&app, &admin, "Small Shop", "user", Some(300)).await;
        let fac = member(&app, &admin, "Facilitators", "facilitator", Some(5)).await;
        let p: Value = big
            .api
            .post(
                "/api/v1/proposals",
                &json!({"title": "Stock sync", "requested_by": big.id}),
            )
            .await
            .json()
            .await
            .unwrap();
        let id = p["id"].as_i64().unwrap();
        let page = web.text(&format!("/proposals/{id}")).await;
        assert!(
            page.contains(&format!("href=\"/proposals/{id}/campaign/new\"")),
            "{page}"
        );
        let form = web.text(&format!("/proposals/{id}/campaign/new")).await;
        for field in [
            "value=\"weights\"",
            "value=\"tiers\"",
            &format!("name=\"weight_{}\"", big.id),
            "name=\"fixed_percent_1\"",
            "name=\"catch_up_years\"",
            "name=\"tier_large_from\"",
        ] {
            assert!(form.contains(field), "{field} in\n{form}");
        }
        let (b, s, f) = (big.id.to_string(), small.id.to_string(), fac.id.to_string());
        let terms: Vec<(String, &str)> = vec![
            ("amount".into(), "1 000"),
            ("key".into(), "weights"),
            (format!("weight_{b}"), "3"),
            (format!("weight_{s}"), "1"),
            ("fixed_org_1".into(), &f),
            ("fixed_amount_1".into(), "100"),
            ("fixed_org_2".into(), &b),
            ("fixed_percent_2".into(), "10"),
            ("deadline".into(), "2099-01-31"),
            ("min_participants".into(), "2"),
            ("catch_up_years".into(), "2"),
        ];
        let fields = |extra: &[(&'static str, &'static str)]| {
            let mut all: Vec<(&str, &str)> = terms.iter().map(|(k, v)| (k.as_str(), *v)).collect();
            all.extend_from_slice(extra);
            all
        };
        // Checking first: what opening does, and nothing opened yet.
        let (status, page) = body_of(
            web.form(&format!("/proposals/{id}/campaign"), &fields(&[("review", "1")]))
                .await,
        )
        .await;
        assert_eq!(status, 200, "{page}");
        assert!(page.contains("What opening will do"), "{page}");
        assert!(page.contains("<dd id=\"review-total\">€1,000.00</dd>"), "{page}");
        assert!(page.contains("<dd id=\"review-to-share\">€800.00</dd>"), "{page}");
        assert!(
            page.contains("Fixed contribution of Facilitators") && page.contains("€100.00"),
            "{page}"
        );
        assert!(page.contains("3 representatives are emailed at once."), "{page}");
        assert!(admin.json(&format!("/api/v1/proposals/{id}")).await["campaign"].is_null());
        // Terms the API refuses: each message beside its field, what was typed kept.
        let (status, page) = body_of(
            web.form(
                &format!("/proposals/{id}/campaign"),
                &[
                    ("amount", "1 000"),
                    ("key", "tiers"),
                    ("tier_small", "1"),
                    ("fixed_amount_1", "50"),
                    ("deadline", "2001-01-01"),
                    ("review", "1"),
                ],
            )
            .await,
        )
        .await;
        assert_eq!(status, 422, "{page}");
        error_beside(&page, "tiers", "The tiers are not valid.");
        error_beside(
            &page,
            "fixed",
            "Choose the organisation that makes this fixed contribution.",
        );
        assert!(
            page.contains("value=\"tiers\" checked") && page.contains("value=\"50\""),
            "{page}"
        );
        let (status, page) = body_of(
            web.form(
                &format!("/proposals/{id}/campaign"),
                &[("amount", "1 000"), ("key", "equal"), ("deadline", "2001-01-01")],
            )
            .await,
        )
        .await;
        assert_eq!(status, 422, "{page}");
        error_beside(&page, "deadline", "The deadline must be in the future.");
        // Confirmed: opened with every term.
        let r = web.form(&format!("/proposals/{id}/campaign"), &fields(&[])).await;
        assert_eq!(r.status(), 303, "{:?}", r.text().await);
        let c = &admin.json(&format!("/api/v1/proposals/{id}")).await["campaign"];
        assert_eq!(c["deadline"], "2099-01-31T22:59:59Z", "{c}");
        assert_eq!(c["min_participants"], 2, "{c}");
        // Big pays its fixed 10 % and three quarters of the rest; Small a quarter.
        let shares = |v: &Value| -> Vec<(i64, i64)> {
            let mut out: Vec<(i64, i64)> = v["shares"]["shares"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    (
                        s["organisation_id"].as_i64().unwrap(),
                        s["amount_cents"].as_i64().unwrap(),
                    )
                })
                .collect();
            out.sort();
            out
        };
        // A cap refused by the pledge's rules: beside the cap, as typed, nothing pledged.
        let (status, page) = body_of(
            small
                .web
                .form(
                    &format!("/proposals/{id}/pledge"),
                    &[("organisation_id", &s), ("cap", "-5")],
                )
                .await,
        )
        .await;
        assert_eq!(status, 422, "{page}");
        assert!(
            page.contains(&format!("id=\"cap-error-{s}\">A cap cannot be below zero."))
                && page.contains("value=\"-5\""),
            "{page}"
        );
        common::pledge_ok(&small.api, id, small.id).await;
        // The administrator records a pledge made at the assembly, and withdraws it: the
        // API's rules, the API's messages.
        let late = app.organisation(&admin, "Late Shop", "user", Some(50)).await;
        let page = web.text(&format!("/proposals/{id}")).await;
        assert!(
            page.contains("For an organisation (administrators)") && page.contains(">Late Shop</option>"),
            "{page}"
        );
        let (status, page) = body_of(
            web.form(
                &format!("/proposals/{id}/pledge"),
                &[("organisation_id", &f), ("cap", "")],
            )
            .await,
        )
        .await;
        assert_eq!(status, 422, "{page}");
        assert!(
            page.contains("id=\"record-error\">This organisation already makes a fixed contribution."),
            "{page}"
        );
        // Late Shop has no weight in the key: refused as the API refuses it.
        let late_id = late.to_string();
        let (status, page) = body_of(
            web.form(
                &format!("/proposals/{id}/pledge"),
                &[("organisation_id", &late_id), ("cap", "")],
            )
            .await,
        )
        .await;
        assert_eq!(status, 422, "{page}");
        assert!(
            page.contains("id=\"record-error\">This organisation has no weight in the sharing key."),
            "{page}"
        );
        // Small Shop's pledge withdrawn for it, then recorded again.
        let r = web
            .form(&format!("/proposals/{id}/pledge/withdraw"), &[("organisation_id", &s)])
            .await;
        assert_eq!(r.status(), 303);
        let c = admin.json(&format!("/api/v1/proposals/{id}")).await["campaign"].clone();
        assert!(shares(&c).iter().all(|(o, _)| *o != small.id), "{c}");
        let r = web
            .form(
                &format!("/proposals/{id}/pledge"),
                &[("organisation_id", &s), ("cap", "")],
            )
            .await;
        assert_eq!(r.status(), 303);
        let c = admin.json(&format!("/api/v1/proposals/{id}")).await["campaign"].clone();
        let mut expected = vec![(big.id, 10_000), (small.id, 80_000), (fac.id, 10_000)];
        expected.sort();
        assert_eq!(shares(&c), expected, "{c}");
        // More members than the chooser lists: the first 50 by name and a search by name
        // for the others (it listed every member of the network, 1 414 at scale 100).
        for i in 0..55 {
            app.organisation(&admin, &format!("Bulk Shop {i:02}"), "user", Some(10))
                .await;
        }
        let chooser = |page: &str| -> Vec<String> {
            let Some(start) = page.find("id=\"record-organisation\"") else {
                return Vec::new();
            };
            let list = &page[start..start + page[start..].find("</select>").unwrap()];
            list.split("</option>")
                .filter_map(|o| o.rsplit_once('>').map(|(_, name)| name.to_string()))
                .filter(|n| !n.is_empty())
                .collect()
        };
        let page = web.text(&format!("/proposals/{id}")).await;
        let listed = chooser(&page);
        assert_eq!(listed.len(), 50, "{listed:?}");
        assert_eq!(listed[0], "Bulk Shop 00");
        assert!(!listed.contains(&"Late Shop".to_string()), "{listed:?}");
        assert!(
            page.contains("id=\"record-search\"") && page.contains("The first 50 of 56 are listed"),
            "{page}"
        );
        let page = web.text(&format!("/proposals/{id}?organisation=LATE")).await;
        assert_eq!(chooser(&page), vec!["Late Shop".to_string()], "{page}");
        assert!(page.contains("value=\"LATE\""), "the search as typed");
        let page = web.text(&format!("/proposals/{id}?organisation=nowhere")).await;
        assert!(chooser(&page).is_empty());
        assert!(
            page.contains("No organisation that has not joined has this in its name."),
            "{page}"
        );
        // A refused pledge for an organisation past the first 50 keeps it chosen.
        let (status, page) = body_of(
            web.form(
                &format!("/proposals/{id}/pledge"),
                &[("organisation_id", &late_id), ("cap", "")],
            )
            .await,
        )
        .await;
        assert_eq!(status, 422, "{page}");
        assert!(
            page.contains(&format!("<option value=\"{late}\" selected>Late Shop</option>")),
            "{page}"
        );
        assert_eq!(chooser(&page).len(), 51, "the 50 listed and the refused one");
        assert!(page.contains("The first 50 of 56 are listed"), "{page}");
        app.stop().await;
    }
);

both_backends!(
    a_facilitator_puts_priorities_and_a_co_funding_to_a_vote_from_the_pages,
    |app: TestApp| async move {
        let (admin, web) = admin_web(&app).await;
        let shops = [
            member(&app, &admin, "Shop A", "user", Some(100)).await,
            member(&app, &admin, "Shop B", "user", Some(100)).await,
        ];
        let mut ids = Vec::new();
        for title in ["Labels", "Scales", "Odoo 17"] {
            let r = admin
                .post(
                    "/api/v1/proposals",
                    &json!({"title": title, "requested_by": shops[0].id}),
                )
                .await;
            assert_eq!(r.status(), 201, "{:?}", r.text().await);
            ids.push(r.json::<Value>().await.unwrap()["id"].as_i64().unwrap());
        }

        // A priority poll over two of the three proposals, from the form.
        let form = web.text("/polls/new").await;
        assert!(form.contains("name=\"priority\""), "{form}");
        assert!(form.contains(&format!("name=\"order_{}\"", ids[2])), "{form}");
        let (order_a, order_c) = (format!("order_{}", ids[0]), format!("order_{}", ids[2]));
        let r = web
            .form(
                "/polls/new",
                &[
                    ("title", "What first?"),
                    ("method", "schulze"),
                    ("electorate", "organisations"),
                    ("kind_user", "1"),
                    ("priority", "1"),
                    (order_a.as_str(), "1"),
                    (order_c.as_str(), "1"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303, "{:?}", r.text().await);
        let poll = admin.json(&location(&r).replace("/polls/", "/api/v1/polls/")).await;
        let labels: Vec<&str> = poll["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["label"].as_str().unwrap())
            .collect();
        // In the order of the form's list (newest first).
        assert_eq!(labels, ["Odoo 17", "Labels"], "{poll}");
        assert!(
            poll.to_string().contains(&format!("\"proposal_id\":{}", ids[2])),
            "{poll}"
        );
        // Priority with a method that cannot order: the API's message beside the box.
        let r = web
            .form(
                "/polls/new",
                &[
                    ("title", "What first?"),
                    ("method", "approval"),
                    ("electorate", "organisations"),
                    ("kind_user", "1"),
                    ("priority", "1"),
                    (order_a.as_str(), "1"),
                ],
            )
            .await;
        let (status, page) = body_of(r).await;
        assert_eq!(status, 422);
        error_beside(&page, "priority", "A priority poll is ranked (schulze) or by points.");

        // The co-funding's terms chosen on its page, then put to a vote.
        let campaign = web.text(&format!("/proposals/{}/campaign/new", ids[1])).await;
        assert!(campaign.contains("name=\"decide\" value=\"poll\""), "{campaign}");
        let r = web
            .form(
                &format!("/proposals/{}/campaign", ids[1]),
                &[
                    ("amount", "300"),
                    ("key", "equal"),
                    ("min_participants", "1"),
                    ("decide", "poll"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303, "{:?}", r.text().await);
        let prepared = location(&r);
        assert!(prepared.starts_with("/polls/new?"), "{prepared}");
        // Nothing opened yet.
        let p = admin.json(&format!("/api/v1/proposals/{}", ids[1])).await;
        assert_ne!(p["status"], "funding", "{p}");
        let form = web.text(&prepared).await;
        assert!(form.contains("value=\"open_funding\" selected"), "{form}");
        assert!(form.contains("Open the co-funding of “Scales”?"), "{form}");
        assert!(form.contains("id=\"funding-terms\""), "{form}");
        let terms = form
            .split("name=\"funding_terms\" value=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap()
            .replace("&quot;", "\"")
            .replace("&#34;", "\"");
        let proposal = ids[1].to_string();
        let r = web
            .form(
                "/polls/new",
                &[
                    ("title", "Open the co-funding of Scales?"),
                    ("method", "decision"),
                    ("electorate", "organisations"),
                    ("kind_user", "1"),
                    ("threshold", "simple_majority"),
                    ("proposal_id", proposal.as_str()),
                    ("effect", "open_funding"),
                    ("funding_terms", terms.as_str()),
                ],
            )
            .await;
        assert_eq!(r.status(), 303, "{:?}", r.text().await);
        let poll_id = location(&r).trim_start_matches("/polls/").to_string();
        let r = admin.post(&format!("/api/v1/polls/{poll_id}/open"), &json!({})).await;
        assert_eq!(r.status(), 200, "{:?}", r.text().await);
        for s in &shops {
            let r = s
                .api
                .post(&format!("/api/v1/polls/{poll_id}/ballots"), &json!({"choice": "yes"}))
                .await;
            assert_eq!(r.status(), 201, "{:?}", r.text().await);
        }
        let r = admin.post(&format!("/api/v1/polls/{poll_id}/close"), &json!({})).await;
        assert_eq!(r.status(), 200, "{:?}", r.text().await);
        app.settle_jobs().await;
        // The pass opened the co-funding with the terms chosen on its page.
        let p = admin.json(&format!("/api/v1/proposals/{}", ids[1])).await;
        assert_eq!(p["status"], "funding", "{p}");
        assert!(p.to_string().contains("30000"), "{p}");
    }
);
