//! Work sharing (issue 19, item 4), end to end on SQLite and PostgreSQL: an opportunity
//! brought by one member (a finder's fee) and posted by another, shared by three members
//! by their capacities; the shares exact to the cent and the days exact; bad capacities
//! refused on their field with nothing stored; how busy each member will be; a capacity
//! change proposing a new split that comes into force only once every member consents
//! (one refusal keeps the split in force); the emails; the pages; another network sees
//! nothing.

mod common;

use common::{TestApp, codes, status_and_json};
use intercoop_domain::Money;
use serde_json::{Value, json};

/// An amount as a page or an email in French or English writes it.
fn shows(text: &str, cents: i64) -> bool {
    ["fr", "en"]
        .iter()
        .any(|lang| text.contains(&Money::from_cents(cents).format(lang, "EUR")))
}

/// A member organisation and its representative's API.
struct Member {
    org: i64,
    email: String,
    api: common::Api,
}

async fn member(app: &TestApp, admin: &common::Api, name: &str, email: &str) -> Member {
    let org = app.organisation(admin, name, "user", Some(10)).await;
    let person = app
        .person(email, &format!("Rep of {name}"), Some(org), true, false)
        .await;
    Member {
        org,
        email: email.into(),
        api: app.api(&app.token_for(person).await),
    }
}

fn interest(org: i64, days: i64) -> Value {
    json!({
        "organisation_id": org,
        "capacity_days": days,
        "available_from": "2030-03-01",
        "available_to": "2030-04-30",
        "day_rate_cents": 55_000,
        "skills": ["Rust", "design"],
    })
}

/// (organisation, days, cents) of a split's lines.
fn parts(split: &Value) -> Vec<(i64, i64, i64)> {
    split["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["organisation_id"].as_i64().unwrap(),
                l["days"].as_i64().unwrap(),
                l["amount_cents"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// The lines and the fee sum exactly to the budget, the days to the work's days.
fn exact(split: &Value, budget: i64, days: i64) {
    let p = parts(split);
    assert_eq!(
        p.iter().map(|l| l.2).sum::<i64>() + split["fee_cents"].as_i64().unwrap(),
        budget,
        "{split}"
    );
    assert_eq!(p.iter().map(|l| l.1).sum::<i64>(), days, "{split}");
}

both_backends!(an_opportunity_shared_by_three_members, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let poster = member(&app, &admin, "Poster Coop", "poster@test.example").await;
    let a = member(&app, &admin, "Alpha Devs", "a@test.example").await;
    let b = member(&app, &admin, "Beta Design", "b@test.example").await;
    let c = member(&app, &admin, "Gamma Ops", "c@test.example").await;
    let a_worker = app
        .person("worker@test.example", "Wendy Worker", Some(a.org), false, false)
        .await;
    let a_worker = app.api(&app.token_for(a_worker).await);

    // Posted by the poster's representative, brought by Alpha: a 5 % finder's fee.
    let budget = 3_000_001;
    let body = json!({
        "organisation_id": poster.org,
        "title": "Tender: a booking app for a bike coop",
        "scope_markdown": "Design, **build** and train.",
        "budget_cents": budget,
        "days": 40,
        "starts_on": "2030-03-01",
        "ends_on": "2030-04-30",
        "skills": ["Rust", "design"],
        "finder_organisation_id": a.org,
        "finder_fee_basis_points": 500,
    });
    // Only a representative of the organisation (or an administrator) posts for it.
    assert_eq!(a.api.post("/api/v1/opportunities", &body).await.status(), 403);
    for (field, value) in [
        ("budget_cents", json!(0)),
        ("days", json!(0)),
        ("ends_on", json!("2030-02-01")),
        ("finder_fee_basis_points", json!(5001)),
    ] {
        let mut bad = body.clone();
        bad[field] = value;
        let (status, problem) = status_and_json(poster.api.post("/api/v1/opportunities", &bad).await).await;
        assert_eq!(status, 422, "{field}: {problem}");
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
    }
    assert_eq!(poster.api.json("/api/v1/opportunities").await["items"], json!([]));
    let (status, o) = status_and_json(poster.api.post("/api/v1/opportunities", &body).await).await;
    assert_eq!(status, 201, "{o}");
    let id = o["id"].as_i64().unwrap();
    assert_eq!(o["finder_fee_cents"], 150_000, "5 % of 30 000,01 rounded down: {o}");
    assert_eq!(o["status"], "open");

    // The other members' representatives are told; not the poster's.
    let posted = |mails: Vec<intercoop::entities::outbox_message::Model>| {
        mails
            .iter()
            .filter(|m| m.kind.0.as_str() == "opportunity_posted")
            .count()
    };
    assert_eq!(posted(app.mails_to(&a.email).await), 1);
    assert_eq!(posted(app.mails_to(&c.email).await), 1);
    assert_eq!(posted(app.mails_to(&poster.email).await), 0);

    // Bad capacities: 422 on the field, nothing stored.
    let path = format!("/api/v1/opportunities/{id}/interests");
    for (field, bad, code) in [
        ("capacity_days", json!({"capacity_days": -3}), "work-capacity-positive"),
        ("capacity_days", json!({"capacity_days": 0}), "work-capacity-positive"),
        (
            "capacity_days",
            json!({"capacity_days": 62}),
            "work-capacity-over-period",
        ),
        ("day_rate_cents", json!({"day_rate_cents": -1}), "work-rate-negative"),
        (
            "available_to",
            json!({"available_to": "2030-02-01"}),
            "work-period-order",
        ),
    ] {
        let mut body = interest(a.org, 20);
        for (k, v) in bad.as_object().unwrap() {
            body[k] = v.clone();
        }
        let (status, problem) = status_and_json(a.api.put(&path, &body).await).await;
        assert_eq!(status, 422, "{body}: {problem}");
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
        assert_eq!(codes(&problem), vec![code.to_string()]);
    }
    assert_eq!(a.api.json(&path).await, json!([]));
    // A worker of Alpha does not commit it.
    assert_eq!(a_worker.put(&path, &interest(a.org, 20)).await.status(), 403);
    for (m, days) in [(&a, 20), (&b, 10), (&c, 10)] {
        assert_eq!(m.api.put(&path, &interest(m.org, days)).await.status(), 201);
    }
    assert_eq!(
        a.api.put(&path, &interest(a.org, 20)).await.status(),
        200,
        "changed, not new"
    );
    assert_eq!(a.api.json(&path).await.as_array().unwrap().len(), 3);

    // Another network sees nothing.
    let other = app.other_network_admin().await;
    assert_eq!(other.json("/api/v1/opportunities").await["items"], json!([]));
    assert_eq!(other.get(&format!("/api/v1/opportunities/{id}")).await.status(), 404);
    assert_eq!(other.get(&path).await.status(), 404);
    assert_eq!(other.put(&path, &interest(a.org, 5)).await.status(), 404);
    assert_eq!(
        other
            .get(&format!("/api/v1/busyness?organisation_id={}", a.org))
            .await
            .status(),
        404
    );

    // The team: by capacities 20/10/10. The fee first (150 000), then 2 850 001 cents:
    // 1 425 000,5 and twice 712 500,25 exactly; rounded up, the two cents too many come
    // back from the smaller weights (the co-funding's rule). 40 days: 20, 10, 10.
    let team_path = format!("/api/v1/opportunities/{id}/team");
    let team = json!({"basis": "capacity", "members": [
        {"organisation_id": a.org}, {"organisation_id": b.org}, {"organisation_id": c.org}
    ]});
    assert_eq!(
        a.api.post(&team_path, &team).await.status(),
        403,
        "only the poster forms it"
    );
    let bad =
        json!({"basis": "shares", "members": [{"organisation_id": a.org, "share": 2}, {"organisation_id": b.org}]});
    let (status, problem) = status_and_json(poster.api.post(&team_path, &bad).await).await;
    assert_eq!((status, codes(&problem)), (422, vec!["work-missing-share".to_string()]));
    assert_eq!(a.api.json(&team_path).await["in_force"], Value::Null, "nothing stored");
    let (status, formed) = status_and_json(poster.api.post(&team_path, &team).await).await;
    assert_eq!(status, 201, "{formed}");
    let first = &formed["in_force"];
    assert_eq!(first["fee_cents"], 150_000);
    assert_eq!(first["finder_organisation_id"], a.org);
    assert_eq!(
        parts(first),
        vec![(a.org, 20, 1_425_001), (b.org, 10, 712_500), (c.org, 10, 712_500)]
    );
    exact(first, budget, 40);
    assert_eq!(poster.api.post(&team_path, &team).await.status(), 409, "one team");

    // Each member's people are told their own share.
    let formed_mail = |mails: Vec<intercoop::entities::outbox_message::Model>| {
        mails
            .into_iter()
            .find(|m| m.kind.0.as_str() == "team_formed")
            .map(|m| m.text_body)
    };
    let mail = formed_mail(app.mails_to(&b.email).await).expect("B is told");
    assert!(mail.contains("Beta Design") && shows(&mail, 712_500), "{mail}");
    assert!(!shows(&mail, 1_425_001), "only its own share: {mail}");
    assert!(formed_mail(app.mails_to("worker@test.example").await).is_some());
    assert!(formed_mail(app.mails_to(&poster.email).await).is_none());

    // How busy: Alpha's 20 days over March (31 days) and April (30): 10 and 10, against
    // its 20 days declared over the same months.
    let busy = a.api.json(&format!("/api/v1/busyness?organisation_id={}", a.org)).await;
    let months: Vec<(String, i64, i64)> = busy["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["month"].as_str().unwrap().to_string(),
                m["booked_days"].as_i64().unwrap(),
                m["capacity_days"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        months,
        vec![("2030-03".into(), 10, 10), ("2030-04".into(), 10, 10)],
        "{busy}"
    );
    assert_eq!(busy["months"][0]["percent"], 100);
    // Alpha's worker sees it; Beta's representative does not see Alpha's.
    assert_eq!(a_worker.json("/api/v1/busyness").await["organisation_id"], a.org);
    assert_eq!(
        b.api
            .get(&format!("/api/v1/busyness?organisation_id={}", a.org))
            .await
            .status(),
        403
    );

    // Beta can now give 20 days: a new split is proposed, the one in force stays.
    assert_eq!(b.api.put(&path, &interest(b.org, 20)).await.status(), 200);
    let t = a.api.json(&team_path).await;
    assert_eq!(parts(&t["in_force"]), parts(first), "{t}");
    let proposed = &t["proposed"];
    assert_eq!(proposed["status"], "proposed");
    assert_eq!(proposed["number"], 2);
    exact(proposed, budget, 40);
    assert_eq!(
        parts(proposed),
        vec![(a.org, 16, 1_140_001), (b.org, 16, 1_140_000), (c.org, 8, 570_000)]
    );
    assert_eq!(proposed["waiting_for"], json!([a.org, b.org, c.org]));
    let asked = app.mails_to(&c.email).await;
    let asked = asked
        .iter()
        .find(|m| m.kind.0.as_str() == "split_proposed")
        .expect("C is asked");
    assert!(
        shows(&asked.text_body, 712_500) && shows(&asked.text_body, 570_000),
        "before and after: {}",
        asked.text_body
    );

    // Consent: each member's representative, for it alone.
    let consents = format!("/api/v1/opportunities/{id}/team/consents");
    let yes = |org: i64| json!({"organisation_id": org, "accept": true});
    assert_eq!(a_worker.post(&consents, &yes(a.org)).await.status(), 403);
    assert_eq!(admin.post(&consents, &yes(c.org)).await.status(), 403);
    assert_eq!(a.api.post(&consents, &yes(b.org)).await.status(), 403);
    let (status, problem) = status_and_json(poster.api.post(&consents, &yes(poster.org)).await).await;
    assert_eq!((status, codes(&problem)), (422, vec!["work-not-in-team".to_string()]));
    assert_eq!(a.api.post(&consents, &yes(a.org)).await.status(), 200);
    assert_eq!(a.api.post(&consents, &yes(a.org)).await.status(), 409, "answered once");
    let (status, t) = status_and_json(b.api.post(&consents, &yes(b.org)).await).await;
    assert_eq!(status, 200);
    assert_eq!(parts(&t["in_force"]), parts(first), "not yet: C has not answered");
    assert_eq!(t["proposed"]["waiting_for"], json!([c.org]));
    assert_eq!(t["proposed"]["consents"][0]["person"], "Rep of Alpha Devs");
    let (status, t) = status_and_json(c.api.post(&consents, &yes(c.org)).await).await;
    assert_eq!(status, 200);
    assert_eq!(t["in_force"]["number"], 2, "{t}");
    assert_eq!(t["proposed"], Value::Null);
    assert_eq!(
        t["in_force"]["consents"].as_array().unwrap().len(),
        3,
        "who consented, and when"
    );
    let busy = b.api.json("/api/v1/busyness").await;
    let booked: i64 = busy["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["booked_days"].as_i64().unwrap())
        .sum();
    assert_eq!(booked, 16, "{busy}");

    // Gamma drops to 5 days: proposed, and Alpha declines: the split in force stays.
    assert_eq!(c.api.put(&path, &interest(c.org, 5)).await.status(), 200);
    let no = json!({"organisation_id": a.org, "accept": false});
    let (status, t) = status_and_json(a.api.post(&consents, &no).await).await;
    assert_eq!(status, 200);
    assert_eq!(t["in_force"]["number"], 2);
    assert_eq!(t["proposed"], Value::Null);
    assert_eq!(c.api.post(&consents, &yes(c.org)).await.status(), 409, "nothing waits");

    // The pages: the list, the opportunity with its team, how busy, in French too.
    let web = app.client();
    app.login(&web, &b.email).await;
    let list = web.text("/opportunities").await;
    assert!(list.contains("Tender: a booking app for a bike coop"), "{list}");
    let page = web.text(&format!("/opportunities/{id}")).await;
    assert!(page.contains("Beta Design") && shows(&page, 150_000), "{page}");
    let busy = web.text("/busyness").await;
    assert!(busy.contains("2030-03"), "{busy}");
    // A bad capacity from the page: the form again, 422, nothing changed.
    let r = web
        .form(
            &format!("/opportunities/{id}/interest"),
            &[
                ("organisation_id", &b.org.to_string()),
                ("capacity_days", "-2"),
                ("available_from", "2030-03-01"),
                ("available_to", "2030-04-30"),
                ("day_rate", "550"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let interests = b.api.json(&path).await;
    let mine = interests
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["organisation_id"] == b.org)
        .unwrap();
    assert_eq!(mine["capacity_days"], 20);
});

both_backends!(
    a_team_formed_from_the_pages_shows_the_split_before_confirming,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let poster = member(&app, &admin, "Poster Coop", "poster@test.example").await;
        let a = member(&app, &admin, "Alpha Devs", "a@test.example").await;
        let b = member(&app, &admin, "Beta Design", "b@test.example").await;
        let web = app.client();
        app.login(&web, &poster.email).await;
        let r = web
            .form(
                "/opportunities/new",
                &[
                    ("organisation_id", &poster.org.to_string()),
                    ("title", "Shop for a brewery"),
                    ("budget", "1000,00"),
                    ("days", "9"),
                    ("starts_on", "2030-05-01"),
                    ("ends_on", "2030-05-31"),
                    ("skills", "Odoo, design"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let id: i64 = r.headers()["location"]
            .to_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let path = format!("/api/v1/opportunities/{id}/interests");
        for m in [&a, &b] {
            let body = json!({"organisation_id": m.org, "capacity_days": 5, "available_from": "2030-05-01",
            "available_to": "2030-05-31", "day_rate_cents": 50_000});
            assert_eq!(m.api.put(&path, &body).await.status(), 201);
        }
        // Agreed shares 2 and 1: 666,67 and 333,33; 6 days and 3.
        let fields = [
            ("basis", "shares".to_string()),
            (&*format!("member_{}", a.org), "on".to_string()),
            (&*format!("share_{}", a.org), "2".to_string()),
            (&*format!("member_{}", b.org), "on".to_string()),
            (&*format!("share_{}", b.org), "1".to_string()),
        ]
        .map(|(k, v)| (k.to_string(), v));
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let r = web.form(&format!("/opportunities/{id}/team"), &pairs).await;
        assert_eq!(r.status(), 200);
        let preview = r.text().await.unwrap();
        assert!(shows(&preview, 66_667) && shows(&preview, 33_333), "{preview}");
        assert!(preview.contains("name=\"confirm\" value=\"yes\""));
        let team = poster.api.json(&format!("/api/v1/opportunities/{id}/team")).await;
        assert_eq!(team["in_force"], Value::Null, "shown, not formed");
        let mut confirmed = pairs.clone();
        confirmed.push(("confirm", "yes"));
        let r = web.form(&format!("/opportunities/{id}/team"), &confirmed).await;
        assert_eq!(r.status(), 303);
        let team = poster.api.json(&format!("/api/v1/opportunities/{id}/team")).await;
        assert_eq!(parts(&team["in_force"]), vec![(a.org, 6, 66_667), (b.org, 3, 33_333)]);
        assert_eq!(team["in_force"]["basis"], "shares");
    }
);

both_backends!(
    an_opportunity_closed_or_withdrawn_takes_no_new_interest,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let poster = member(&app, &admin, "Poster Coop", "rep@poster.example").await;
        let a = member(&app, &admin, "Alpha Works", "rep@alpha.example").await;
        let b = member(&app, &admin, "Beta Works", "rep@beta.example").await;
        let body = |title: &str| {
            json!({"organisation_id": poster.org, "title": title, "budget_cents": 100_000,
                "days": 10, "starts_on": "2030-03-01", "ends_on": "2030-03-31"})
        };
        let (_, o) = status_and_json(poster.api.post("/api/v1/opportunities", &body("Tender")).await).await;
        let id = o["id"].as_i64().unwrap();
        let interests = format!("/api/v1/opportunities/{id}/interests");
        assert_eq!(a.api.put(&interests, &interest(a.org, 5)).await.status(), 201);
        let end = format!("/api/v1/opportunities/{id}/close");
        // Only the poster's representative (or an administrator) ends it; a bad outcome
        // is named; nothing changes then.
        assert_eq!(a.api.post(&end, &json!({"outcome": "lost"})).await.status(), 403);
        let (status, problem) = status_and_json(poster.api.post(&end, &json!({"outcome": "done"})).await).await;
        assert_eq!((status, codes(&problem)), (422, vec!["work-outcome".to_string()]));
        assert_eq!(
            poster.api.json(&format!("/api/v1/opportunities/{id}")).await["status"],
            "open"
        );
        let (status, out) = status_and_json(poster.api.post(&end, &json!({"outcome": "lost"})).await).await;
        assert_eq!(status, 200, "{out}");
        assert_eq!(out["status"], "lost", "{out}");
        // Once: a second ending and a new interest (or a changed one) are refused.
        let (status, problem) = status_and_json(poster.api.post(&end, &json!({"outcome": "filled"})).await).await;
        assert_eq!(status, 409, "{problem}");
        assert!(problem.to_string().contains("work-opportunity-ended"), "{problem}");
        let (status, problem) = status_and_json(b.api.put(&interests, &interest(b.org, 5)).await).await;
        assert_eq!(status, 409, "{problem}");
        assert!(problem.to_string().contains("work-opportunity-ended"), "{problem}");
        assert_eq!(a.api.put(&interests, &interest(a.org, 7)).await.status(), 409);
        let listed = poster.api.json(&interests).await;
        assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
        // The interested member is told, in its language; the others are not.
        let ended = |mails: Vec<intercoop::entities::outbox_message::Model>| {
            mails
                .into_iter()
                .filter(|m| m.kind.0.as_str() == "opportunity_ended")
                .collect::<Vec<_>>()
        };
        let told = ended(app.mails_to(&a.email).await);
        assert_eq!(told.len(), 1);
        assert!(told[0].text_body.contains("Tender"), "{}", told[0].text_body);
        assert!(ended(app.mails_to(&b.email).await).is_empty());
        assert!(ended(app.mails_to(&poster.email).await).is_empty());

        // The page: the poster sees what ending does and confirms once.
        let (_, o2) = status_and_json(poster.api.post("/api/v1/opportunities", &body("Second")).await).await;
        let id2 = o2["id"].as_i64().unwrap();
        assert_eq!(
            a.api
                .put(&format!("/api/v1/opportunities/{id2}/interests"), &interest(a.org, 5))
                .await
                .status(),
            201
        );
        let web = app.client();
        app.login(&web, &poster.email).await;
        let page = web.text(&format!("/opportunities/{id2}")).await;
        assert!(
            page.contains(&format!("/opportunities/{id2}/close")),
            "the poster may end it"
        );
        let page = web.text(&format!("/opportunities/{id2}/close")).await;
        assert!(page.contains("Alpha Works"), "who is told");
        let r = web.form(&format!("/opportunities/{id2}/close"), &[]).await;
        assert_eq!(r.status(), 422);
        let r = web
            .form(&format!("/opportunities/{id2}/close"), &[("outcome", "withdrawn")])
            .await;
        assert_eq!(r.status(), 303);
        let page = web.text(&format!("/opportunities/{id2}")).await;
        assert!(page.contains("opportunity-status"), "shown as ended");
        assert!(
            !page.contains(&format!("/opportunities/{id2}/close")),
            "no second ending"
        );
        assert_eq!(ended(app.mails_to(&a.email).await).len(), 2);
    }
);
