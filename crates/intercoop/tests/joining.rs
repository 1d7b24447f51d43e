//! Joining a network (issue 18, items 1, 2, 3 and 5), on SQLite and PostgreSQL: the
//! whole path (apply → confirm the address → review → accept → organisation, invitation,
//! booklet, first fee, checklist), every bad input named on its field with what was
//! typed kept, the honeypot, the minimum fill time, the rate limit per address and
//! network, one application per contact and organisation, a decline in the applicant's
//! language, the checklist ticked by the facts, a private network, and public pages
//! that list only the members who agreed.

mod common;

use common::{TestApp, codes, status_and_json};
use intercoop::entities::network;
use intercoop::joining::entities::application;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::{Value, json};

/// A person of the core circle of the first network.
async fn core_person(app: &TestApp) -> i64 {
    let inv = intercoop::people::data::InviteInput {
        email: "core@test.example".into(),
        name: "Cora Core".into(),
        core_circle: "true".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    let txn = sea_orm::TransactionTrait::begin(&app.db().write).await.unwrap();
    let id =
        intercoop::people::data::ensure_person(&txn, intercoop::audit::Actor::SYSTEM, app.network_id().await, &inv)
            .await
            .unwrap();
    txn.commit().await.unwrap();
    app.state().auth_cache.clear();
    id
}

async fn network_row(app: &TestApp) -> network::Model {
    network::Entity::find_by_id(app.network_id().await)
        .one(&app.db().read)
        .await
        .unwrap()
        .unwrap()
}

/// Changes the first network's settings.
async fn set_rules(app: &TestApp, change: impl FnOnce(&mut network::NetworkRules)) {
    let n = network_row(app).await;
    let mut rules = n.rules.0.clone();
    change(&mut rules);
    let mut m: network::ActiveModel = n.into();
    m.rules = Set(intercoop::db::types::Json(rules));
    m.update(&app.db().write).await.unwrap();
}

/// An application's body as the API takes it.
fn body(org: &str, email: &str, language: &str) -> Value {
    json!({
        "organisation": {"kind": "user", "name": org, "country": "BE", "city": "Liège",
            "company_number": "BE0123456789", "size": 1200, "website": "https://coop.example",
            "software": ["Odoo 12", "shift"]},
        "contact": {"name": "Ana Lopes", "email": email, "language": language},
        "level": "active",
        "motivation": "Nous voulons partager nos logiciels.",
        "charter_accepted": true
    })
}

async fn apply_api(app: &TestApp, slug: &str, body: &Value) -> reqwest::Response {
    reqwest::Client::new()
        .post(app.url(&format!("/api/v1/applications?network={slug}")))
        .json(body)
        .send()
        .await
        .unwrap()
}

/// The confirmation link mailed to an address (its path).
async fn confirm_link(app: &TestApp, address: &str) -> String {
    let mails = app.mails_to(address).await;
    let start = format!("{}/join/confirm/", app.base);
    let m = mails
        .iter()
        .rev()
        .find(|m| m.text_body.contains(&start))
        .unwrap_or_else(|| panic!("no confirmation link to {address}"));
    let at = m.text_body.find(&start).unwrap();
    m.text_body[at + app.base.len()..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

/// The signed time in a form page.
fn stamp(page: &str) -> String {
    let at = page.find("name=\"shown\" value=\"").expect("a signed time") + 20;
    page[at..].split('"').next().unwrap().to_string()
}

fn form_fields(org: &str, email: &str) -> Vec<(&'static str, String)> {
    vec![
        ("organisation.kind", "user".into()),
        ("organisation.name", org.into()),
        ("organisation.country", "be".into()),
        ("organisation.city", "Namur".into()),
        ("organisation.company_number", "".into()),
        ("organisation.size", "300".into()),
        ("organisation.website", "".into()),
        ("organisation.software", "Odoo\nshift".into()),
        ("contact.name", "Jeanne Dupont".into()),
        ("contact.email", email.into()),
        ("contact.language", "fr".into()),
        ("level", "active".into()),
        ("motivation", "Rejoindre le réseau.".into()),
        ("charter_accepted", "on".into()),
        ("nickname", "".into()),
    ]
}

fn with(fields: &[(&'static str, String)], name: &str, value: &str) -> Vec<(&'static str, String)> {
    fields
        .iter()
        .map(|(k, v)| (*k, if *k == name { value.to_string() } else { v.clone() }))
        .collect()
}

async fn post_form(client: &common::Client, slug: &str, fields: &[(&'static str, String)]) -> (u16, String) {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = client.form(&format!("/n/{slug}/join"), &pairs).await;
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn applications(app: &TestApp) -> u64 {
    application::Entity::find().count(&app.db().read).await.unwrap()
}

both_backends!(apply_confirm_review_accept_and_onboard, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let core_id = core_person(&app).await;
    let core = app.api(&app.token_for(core_id).await);
    let slug = network_row(&app).await.slug;
    // The booklet's page, the charter (public), and this year's fees.
    let mut welcome =
        json!({"title": "Bienvenue", "body_markdown": "Le réseau se réunit chaque mois.", "visibility": "members"});
    welcome["booklet_position"] = json!(1);
    assert_eq!(core.post("/api/v1/docs", &welcome).await.status(), 201);
    let inner = json!({"title": "Core circle notes", "body_markdown": "Internal.", "visibility": "core",
        "booklet_position": 2});
    assert_eq!(core.post("/api/v1/docs", &inner).await.status(), 201);
    let charter = core
        .post(
            "/api/v1/docs",
            &json!({"title": "Charte", "body_markdown": "Nous coopérons.", "visibility": "public"}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    set_rules(&app, |r| r.charter_page_id = Some(charter)).await;
    let year = app.at_server_time(async { intercoop::clock::now() }).await.year();
    let r = admin
        .post(
            "/api/v1/fee-schedules",
            &json!({"year": year, "period": "yearly", "tiers": {"active": [[0, 2500], [1000, 3500]], "observer": [[0, 1000]]}}),
        )
        .await;
    assert_eq!(r.status(), 201);

    // A visitor opens the form and sends it at once: too fast, what was typed is kept.
    let visitor = app.client();
    let page = visitor.text(&format!("/n/{slug}/join")).await;
    assert!(page.contains("/n/") && page.contains("charter_accepted"), "{page}");
    let mut fields = form_fields("Coop Namur", "jeanne@namur.example");
    fields.push(("shown", stamp(&page)));
    let (status, page) = post_form(&visitor, &slug, &fields).await;
    assert_eq!(status, 422);
    assert!(
        page.contains("too fast") && page.contains("value=\"Coop Namur\""),
        "{page}"
    );
    app.clock.advance(time::Duration::seconds(5));
    // Each bad field is named beside itself; the rest stays as typed.
    let fields = with(&fields, "shown", &stamp(&page));
    for (field, value, message) in [
        ("organisation.name", "", "this field is required"),
        ("organisation.country", "Belgique", "two-letter country code"),
        ("contact.email", "jeanne-at-namur", "not a valid email address"),
        ("level", "boss", "choose one of the options"),
        ("charter_accepted", "", "agree to the charter"),
    ] {
        let (status, page) = post_form(&visitor, &slug, &with(&fields, field, value)).await;
        assert_eq!(status, 422, "{field}");
        assert!(
            page.contains("Jeanne Dupont") && page.contains("Rejoindre le réseau."),
            "{field}: {page}"
        );
        assert!(page.to_lowercase().contains(message), "{field}: {page}");
    }
    // A form too old, or whose time was not signed here.
    let (status, page) = post_form(&visitor, &slug, &with(&fields, "shown", "1.forged")).await;
    assert_eq!(status, 422);
    assert!(page.contains("too old"), "{page}");
    // The honeypot: answered as taken, nothing stored or sent.
    let (status, _) = post_form(&visitor, &slug, &with(&fields, "nickname", "bot")).await;
    assert_eq!(status, 202);
    assert_eq!(applications(&app).await, 0);
    assert!(app.mails_to("jeanne@namur.example").await.is_empty());

    // Sent: the contact is asked to confirm, in French; nobody sees it yet.
    let (status, page) = post_form(&visitor, &slug, &fields).await;
    assert_eq!(status, 202, "{page}");
    let mails = app.mails_to("jeanne@namur.example").await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].subject.contains("Confirmez"), "{}", mails[0].subject);
    assert_eq!(core.json("/api/v1/applications").await, json!([]));
    // The same contact for the same organisation again: one application.
    let again = with(&fields, "organisation.name", "  coop   NAMUR ");
    let (status, _) = post_form(&visitor, &slug, &again).await;
    assert_eq!(status, 202);
    assert_eq!(applications(&app).await, 1);

    // The contact confirms: opening the link shows a button, the button confirms.
    let link = confirm_link(&app, "jeanne@namur.example").await;
    let r = visitor.use_link(&link).await;
    assert_eq!(r.status(), 200);
    assert_eq!(visitor.get(&link).await.status(), 410, "a link works once");
    let list = core.json("/api/v1/applications").await;
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    let id = list[0]["id"].as_i64().unwrap();
    assert_eq!(list[0]["status"], "pending");
    assert_eq!(list[0]["charter_page_id"], charter);
    assert_eq!(list[0]["organisation"]["name"], "coop NAMUR");
    let told = app.mails_to("core@test.example").await;
    assert!(
        told.iter().any(|m| m.subject.contains("coop NAMUR")),
        "the core circle is told"
    );
    // A member who is not of the core circle sees nothing.
    let org = app.organisation(&admin, "Coop One", "user", Some(10)).await;
    let member_id = app
        .person("member@test.example", "Mia Member", Some(org), false, false)
        .await;
    let member = app.api(&app.token_for(member_id).await);
    assert_eq!(member.get("/api/v1/applications").await.status(), 403);
    assert_eq!(member.get(&format!("/api/v1/applications/{id}")).await.status(), 403);

    // The review comments (API and page), then accepts from the page with a
    // sponsorship of half the first fee.
    let r = core
        .post(
            &format!("/api/v1/applications/{id}/comments"),
            &json!({"body": "Ils utilisent Odoo 12."}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let web = app.client();
    app.login(&web, "core@test.example").await;
    let r = web.form(&format!("/applications/{id}/comments"), &[("body", "")]).await;
    assert_eq!(r.status(), 422);
    let page = web.text(&format!("/applications/{id}")).await;
    assert!(page.contains("Ils utilisent Odoo 12."), "{page}");
    let page = web.text(&format!("/applications/{id}/accept")).await;
    assert!(
        page.contains("jeanne@namur.example") && page.contains("cannot be undone"),
        "{page}"
    );
    let r = web
        .form(
            &format!("/applications/{id}/accept"),
            &[("sponsorship_percent", "120"), ("note", ""), ("poll_id", "")],
        )
        .await;
    assert_eq!(r.status(), 422, "a sponsorship over 100 %");
    let r = web
        .form(
            &format!("/applications/{id}/accept"),
            &[("sponsorship_percent", "50"), ("note", "Bienvenue !"), ("poll_id", "")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let to = r.headers()["location"].to_str().unwrap().to_string();
    let org_id: i64 = to.trim_start_matches("/organisations/").parse().unwrap();
    let r = core
        .post(&format!("/api/v1/applications/{id}/accept"), &json!({}))
        .await;
    assert_eq!(r.status(), 409, "decided once");

    // The organisation: a member from today, its software, its contact the representative.
    let o = admin.json(&format!("/api/v1/organisations/{org_id}")).await;
    assert_eq!(o["status"], "member", "{o}");
    assert!(o["joined_on"].is_string(), "{o}");
    assert_eq!(o["software"], json!(["Odoo", "shift"]), "{o}");
    let a = core.json(&format!("/api/v1/applications/{id}")).await;
    assert_eq!(a["status"], "accepted");
    assert_eq!(a["organisation_id"], org_id);
    assert_eq!(a["sponsorship_basis_points"], 5000);
    // The contact's emails, in French: the acceptance with the booklet's link and the
    // note, the invitation, and the first fee (300 members: 25 €/month, half paid by
    // the network) for the months left in the year, this month included.
    let mails = app.mails_to("jeanne@namur.example").await;
    let subjects: Vec<&str> = mails.iter().map(|m| m.subject.as_str()).collect();
    let accepted = mails
        .iter()
        .find(|m| m.subject.contains("Bienvenue dans"))
        .expect("accepted");
    assert!(accepted.text_body.contains("/docs/booklet") && accepted.text_body.contains("Bienvenue !"));
    // The booklet itself, as a PDF stored with the message: the members' chapter, never
    // the core circle's.
    let files = intercoop::notifications::attachments::of(&app.db().read, accepted.id)
        .await
        .unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(
        (files[0].filename.as_str(), files[0].content_type.as_str()),
        ("welcome-booklet.pdf", "application/pdf")
    );
    let pdf = String::from_utf8_lossy(&files[0].data);
    assert!(
        pdf.starts_with("%PDF") && pdf.contains("Bienvenue"),
        "the members' chapter"
    );
    assert!(!pdf.contains("Core circle notes"), "never the core circle's chapter");
    assert!(
        mails.iter().any(|m| m.text_body.contains("/login/link/")),
        "{subjects:?}"
    );
    assert!(
        mails
            .iter()
            .any(|m| m.kind.0 == intercoop::notifications::Kind::FeeRequest),
        "{subjects:?}"
    );
    assert!(
        mails.iter().all(|m| m.language.0 == intercoop::i18n::Lang::Fr),
        "{subjects:?}"
    );
    let requests = admin
        .json(&format!("/api/v1/payment-requests?organisation_id={org_id}"))
        .await;
    let fee = requests["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["organisation_id"] == org_id)
        .unwrap_or_else(|| panic!("{requests}"))
        .clone();
    // This month in the network's time zone (the fee's months are the network's: at
    // 23:30 UTC on 30 November it is already December in Brussels).
    let tz = network_row(&app).await.time_zone;
    let month = app
        .at_server_time(async move { intercoop::money::today(&tz) })
        .await
        .month() as i64;
    let months = 12 - month + 1;
    assert_eq!(fee["amount_cents"], 2500 * months - 2500 * months / 2, "{fee}");
    assert_eq!(fee["sponsored_cents"], 2500 * months / 2, "{fee}");

    // The checklist: the software is declared (the application said it); the rest
    // comes with the facts.
    let check = |v: &Value| -> Vec<(String, bool)> {
        v["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["step"].as_str().unwrap().to_string(), s["done"].as_bool().unwrap()))
            .collect()
    };
    let c = core.json(&format!("/api/v1/organisations/{org_id}/onboarding")).await;
    let done: Vec<String> = check(&c).into_iter().filter(|s| s.1).map(|s| s.0).collect();
    assert_eq!(done, ["software_declared"], "{c}");
    assert_eq!(
        member
            .get(&format!("/api/v1/organisations/{org_id}/onboarding"))
            .await
            .status(),
        403
    );
    // The representative logs in with the invitation, then opens the booklet.
    let rep = app.client();
    let invite = app.last_link("jeanne@namur.example").await;
    assert_eq!(rep.use_link(&invite).await.status(), 303);
    let page = rep.text("/onboarding").await;
    assert!(page.contains("coop NAMUR"), "{page}");
    assert_eq!(rep.get("/docs/booklet").await.status(), 200);
    // The first fee is paid; the organisation's representative is present at an assembly.
    let r = admin
        .post(
            "/api/v1/payments",
            &json!({"payment_request_id": fee["id"], "amount_cents": fee["amount_cents"]}),
        )
        .await;
    assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
    let start = app.at_server_time(async { intercoop::clock::now() }).await + time::Duration::hours(1);
    let starts_at = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:00",
        start.year(),
        start.month() as u8,
        start.day(),
        start.hour(),
        start.minute()
    );
    let r = admin
        .post(
            "/api/v1/meetings",
            &json!({"kind": "assembly", "title": "Assemblée", "starts_at": starts_at, "duration_minutes": 120, "time_zone": "UTC"}),
        )
        .await;
    let (status, m) = status_and_json(r).await;
    assert_eq!(status, 201, "{m}");
    app.clock.advance(time::Duration::minutes(90));
    let rep_person = intercoop::entities::person::Entity::find()
        .filter(intercoop::entities::person::Column::Email.eq("jeanne@namur.example"))
        .one(&app.db().read)
        .await
        .unwrap()
        .unwrap();
    let r = admin
        .put(
            &format!("/api/v1/meetings/{}/attendance", m["id"]),
            &json!({"present": [rep_person.id]}),
        )
        .await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    let c = core.json(&format!("/api/v1/organisations/{org_id}/onboarding")).await;
    assert!(check(&c).iter().all(|s| s.1), "{c}");
    assert_eq!(c["complete"], true);
    app.stop().await;
});

both_backends!(
    declined_in_the_applicants_language_and_every_bad_input,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let slug = network_row(&app).await.slug;
        // Every bad input, named on its field; nothing stored.
        let cases: [(&str, Value); 13] = [
            ("organisation.kind", json!({"organisation": {"kind": "facilitator"}})),
            ("organisation.name", json!({"organisation": {"name": " "}})),
            ("organisation.country", json!({"organisation": {"country": "BEL"}})),
            ("organisation.city", json!({"organisation": {"city": ""}})),
            ("organisation.size", json!({"organisation": {"size": -3}})),
            (
                "organisation.website",
                json!({"organisation": {"website": "ftp://coop.example"}}),
            ),
            (
                "organisation.software",
                json!({"organisation": {"software": ["x".repeat(81)]}}),
            ),
            (
                "organisation.company_number",
                json!({"organisation": {"company_number": "BE\u{202e}123"}}),
            ),
            ("contact.name", json!({"contact": {"name": ""}})),
            ("contact.email", json!({"contact": {"email": "nobody"}})),
            ("contact.language", json!({"contact": {"language": "es"}})),
            ("level", json!({"level": "member"})),
            ("motivation", json!({"motivation": "  "})),
        ];
        for (field, change) in cases {
            let mut b = body("Bees Coop", "bees@test.example", "de");
            for (part, values) in change.as_object().unwrap() {
                match values {
                    Value::Object(inner) => {
                        for (k, v) in inner {
                            b[part][k] = v.clone();
                        }
                    }
                    v => b[part] = v.clone(),
                }
            }
            let (status, problem) = status_and_json(apply_api(&app, &slug, &b).await).await;
            assert_eq!(status, 422, "{field}: {problem}");
            let fields: Vec<&str> = problem["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["field"].as_str().unwrap())
                .collect();
            assert_eq!(fields, [field], "{problem}");
        }
        let (status, problem) =
            status_and_json(apply_api(&app, "no-such-network", &body("Bees", "b@x.example", "de")).await).await;
        assert_eq!(status, 404, "{problem}");
        assert_eq!(applications(&app).await, 0);

        // A charter is asked for once the network chooses one.
        let charter = admin
            .post(
                "/api/v1/docs",
                &json!({"title": "Charta", "body_markdown": "…", "visibility": "public"}),
            )
            .await
            .json::<Value>()
            .await
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        set_rules(&app, |r| r.charter_page_id = Some(charter)).await;
        let mut b = body("Bees Coop", "bees@test.example", "de");
        b["charter_accepted"] = json!(false);
        let (status, problem) = status_and_json(apply_api(&app, &slug, &b).await).await;
        assert_eq!((status, codes(&problem)), (422, vec!["charter-consent".to_string()]));

        // Taken (202), confirmed, declined with a note: told in German.
        let r = apply_api(&app, &slug, &body("Bees Coop", "bees@test.example", "de")).await;
        let (status, answer) = status_and_json(r).await;
        assert_eq!((status, answer), (202, json!({"status": "awaiting_confirmation"})));
        let mails = app.mails_to("bees@test.example").await;
        assert!(mails[0].subject.contains("Bestätigen"), "{}", mails[0].subject);
        let visitor = app.client();
        assert_eq!(
            visitor
                .use_link(&confirm_link(&app, "bees@test.example").await)
                .await
                .status(),
            200
        );
        let id = admin.json("/api/v1/applications?status=pending").await[0]["id"]
            .as_i64()
            .unwrap();
        let r = admin
            .post(
                &format!("/api/v1/applications/{id}/decline"),
                &json!({"note": "Noch zu früh.", "poll_id": 99999}),
            )
            .await;
        let (status, problem) = status_and_json(r).await;
        assert_eq!(
            (status, codes(&problem)),
            (422, vec!["invalid-choice".to_string()]),
            "a poll of no network"
        );
        let r = admin
            .post(
                &format!("/api/v1/applications/{id}/decline"),
                &json!({"note": "Noch zu früh."}),
            )
            .await;
        let (status, a) = status_and_json(r).await;
        assert_eq!(status, 200, "{a}");
        assert_eq!(a["status"], "declined");
        let mails = app.mails_to("bees@test.example").await;
        let declined = mails.last().unwrap();
        assert_eq!(declined.language.0, intercoop::i18n::Lang::De);
        assert!(declined.text_body.contains("nicht angenommen") && declined.text_body.contains("Noch zu früh."));
        assert_eq!(
            admin
                .post(&format!("/api/v1/applications/{id}/decline"), &json!({}))
                .await
                .status(),
            409
        );
        // Declined, the organisation may apply again: a new application.
        assert_eq!(
            apply_api(&app, &slug, &body("Bees Coop", "bees@test.example", "de"))
                .await
                .status(),
            202
        );
        assert_eq!(applications(&app).await, 2);
        assert_eq!(
            admin
                .json("/api/v1/applications?status=declined")
                .await
                .as_array()
                .unwrap()
                .len(),
            1
        );
        app.stop().await;
    }
);

both_backends!(
    rate_limited_per_address_and_network_and_private_networks,
    |app: TestApp| async move {
        let slug = network_row(&app).await.slug;
        let (_, other) = app.other_network_admin_in("Europe/Brussels").await;
        let other_slug = other.json("/api/v1/me").await["network"]["slug"]
            .as_str()
            .unwrap()
            .to_string();
        // Five applications from one address, then refused; refused ones store nothing.
        for i in 0..5 {
            let r = apply_api(
                &app,
                &slug,
                &body(&format!("Coop {i}"), &format!("c{i}@test.example"), "en"),
            )
            .await;
            assert_eq!(r.status(), 202);
        }
        let r = apply_api(&app, &slug, &body("Coop 5", "c5@test.example", "en")).await;
        assert_eq!(r.status(), 429);
        assert_eq!(applications(&app).await, 5);
        // Bad input does not count, and is still named.
        let mut bad = body("Coop 6", "c6@test.example", "en");
        bad["level"] = json!("x");
        assert_eq!(apply_api(&app, &slug, &bad).await.status(), 422);
        // Another network, from the same address; the same network, from another address.
        assert_eq!(
            apply_api(&app, &other_slug, &body("Coop 5", "c5@test.example", "en"))
                .await
                .status(),
            202
        );
        let elsewhere = reqwest::Client::builder()
            .local_address("127.0.0.2".parse::<std::net::IpAddr>().unwrap())
            .build()
            .unwrap();
        let r = elsewhere
            .post(app.url(&format!("/api/v1/applications?network={slug}")))
            .json(&body("Coop 5", "c5@test.example", "en"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 202);
        // Waiting refills the bucket.
        app.clock.advance(time::Duration::minutes(10));
        assert_eq!(
            apply_api(&app, &slug, &body("Coop 7", "c7@test.example", "en"))
                .await
                .status(),
            202
        );

        // A private network: no form, no API, no public documentation.
        let admin = app.api(&app.admin_token().await);
        let r = admin
            .post(
                "/api/v1/docs",
                &json!({"title": "Public page", "body_markdown": "Hello.", "visibility": "public"}),
            )
            .await;
        assert_eq!(r.status(), 201);
        let visitor = app.client();
        assert_eq!(visitor.get(&format!("/n/{slug}/docs")).await.status(), 200);
        set_rules(&app, |r| r.private = true).await;
        for path in [format!("/n/{slug}/join"), format!("/n/{slug}/docs")] {
            assert_eq!(visitor.get(&path).await.status(), 404, "{path}");
        }
        assert_eq!(
            apply_api(&app, &slug, &body("Coop 8", "c8@test.example", "en"))
                .await
                .status(),
            404
        );
        app.stop().await;
    }
);

both_backends!(public_pages_list_only_members_who_agree, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let slug = network_row(&app).await.slug;
    let listed = app.organisation(&admin, "Coop Listed", "user", Some(10)).await;
    let hidden = app.organisation(&admin, "Coop Hidden", "user", Some(10)).await;
    let rep_id = app
        .person("rep@listed.example", "Rita Rep", Some(listed), true, false)
        .await;
    let web = app.client();
    app.login(&web, "admin@test.example").await;
    // The administrator writes the text about the network in two languages.
    let r = web
        .form(
            "/settings/public",
            &[
                (
                    "about_fr",
                    "Un réseau de **supermarchés coopératifs**.<script>alert(1)</script>",
                ),
                ("about_en", "A network of *cooperative supermarkets*."),
                ("about_de", ""),
                ("about_nl", ""),
                ("charter_page_id", "999999"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422, "a charter that is no public page of the network");
    let r = web
        .form(
            "/settings/public",
            &[
                (
                    "about_fr",
                    "Un réseau de **supermarchés coopératifs**.<script>alert(1)</script>",
                ),
                ("about_en", "A network of *cooperative supermarkets*."),
                ("about_de", ""),
                ("about_nl", ""),
                ("charter_page_id", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    // The representative agrees to be listed and gives the place; the other member did not.
    let rep = app.client();
    app.login(&rep, "rep@listed.example").await;
    let r = rep
        .form(
            &format!("/organisations/{listed}/listing"),
            &[
                ("listed", "on"),
                ("city", "Bruxelles"),
                ("latitude", "50.8503"),
                ("longitude", "400"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422, "a longitude out of range");
    let r = rep
        .form(
            &format!("/organisations/{listed}/listing"),
            &[
                ("listed", "on"),
                ("city", "Bruxelles"),
                ("latitude", "50.8503"),
                ("longitude", "4.3517"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = rep
        .form(
            &format!("/organisations/{hidden}/listing"),
            &[("listed", "on"), ("city", "Gent"), ("latitude", ""), ("longitude", "")],
        )
        .await;
    assert_eq!(r.status(), 403, "another organisation's representative");
    let _ = rep_id;
    // The representative's organisation page links to its listing and its checklist;
    // the navigation links to the applications for the core circle only.
    let org_page = rep.text(&format!("/organisations/{listed}")).await;
    assert!(
        org_page.contains(&format!("href=\"/organisations/{listed}/listing\""))
            && org_page.contains(&format!("href=\"/organisations/{listed}/onboarding\"")),
        "{org_page}"
    );
    assert!(!org_page.contains("href=\"/applications\""), "not for a representative");
    let hidden_page = rep.text(&format!("/organisations/{hidden}")).await;
    assert!(!hidden_page.contains(&format!("/organisations/{hidden}/listing")));
    assert!(web.text("/dashboard").await.contains("href=\"/applications\""));
    // The logbook: a public article and a members' one; the public page shows the
    // first only.
    for (title, visibility) in [("Our first assembly", "public"), ("Internal budget talk", "members")] {
        let r = admin
            .post(
                "/api/v1/logbook",
                &json!({"title": title, "body_markdown": "Text.", "visibility": visibility}),
            )
            .await;
        assert_eq!(r.status(), 201);
    }
    // A visitor: the text (sanitized), the listed member on the map, not the other one.
    let visitor = app.client();
    let page = visitor.text(&format!("/n/{slug}")).await;
    assert!(page.contains("<em>cooperative supermarkets</em>"), "{page}");
    assert!(page.contains("Coop Listed") && page.contains("<circle"), "{page}");
    assert!(!page.contains("Coop Hidden"), "a member who did not agree is not shown");
    assert!(page.contains(&format!("/n/{slug}/join")));
    assert!(
        page.contains("Our first assembly") && page.contains(&format!("/n/{slug}/logbook/")),
        "{page}"
    );
    assert!(
        !page.contains("Internal budget talk"),
        "a members' article is not public"
    );
    let r = visitor
        .http
        .get(app.url(&format!("/n/{slug}")))
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap();
    let fr = r.text().await.unwrap();
    assert!(
        fr.contains("<strong>supermarchés coopératifs</strong>") && !fr.contains("<script>alert"),
        "{fr}"
    );
    // The same settings through the API: what the page saved; made private there,
    // audited as from the page.
    let mut settings = admin.json("/api/v1/public-settings").await;
    assert_eq!(
        settings["about"]["en"], "A network of *cooperative supermarkets*.",
        "{settings}"
    );
    assert_eq!(settings["private"], false);
    settings["private"] = json!(true);
    let r = admin.put("/api/v1/public-settings", &settings).await;
    assert_eq!(r.status(), 200);
    let audit = admin.json("/api/v1/audit?per_page=200").await;
    assert!(audit.to_string().contains("network.public_settings"), "{audit}");
    let listing = admin.json(&format!("/api/v1/organisations/{listed}/listing")).await;
    assert_eq!(
        (listing["city"].as_str(), listing["latitude"].as_f64()),
        (Some("Bruxelles"), Some(50.8503))
    );
    // Private: a sign-in page only, nothing of the network's members.
    let r = visitor.get(&format!("/n/{slug}")).await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("/login")
            && !page.contains("Coop Listed")
            && !page.contains("supermarkets")
            && !page.contains("Our first assembly"),
        "{page}"
    );
    assert_eq!(visitor.get("/n/no-such-network").await.status(), 404);
    app.stop().await;
});

// The public page keeps what it shows until the database changes (on SQLite): each
// write shows on the next visit, and an event leaves the page at its end with nothing
// written in between.
both_backends!(
    the_public_page_follows_writes_and_the_clock,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let slug = network_row(&app).await.slug;
        let visitor = app.client();
        let page = visitor.text(&format!("/n/{slug}")).await;
        assert!(!page.contains("Open day") && !page.contains("A new member"), "{page}");
        let r = admin
            .post(
                "/api/v1/logbook",
                &json!({"title": "A new member", "body_markdown": "Text.", "visibility": "public"}),
            )
            .await;
        assert_eq!(r.status(), 201);
        let now = app.at_server_time(async { intercoop::clock::now() }).await;
        let start = (now + time::Duration::hours(1))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let r = admin
            .post(
                "/api/v1/meetings",
                &json!({"kind": "event", "title": "Open day", "starts_at": start, "duration_minutes": 60}),
            )
            .await;
        assert_eq!(r.status(), 201);
        let page = visitor.text(&format!("/n/{slug}")).await;
        assert!(page.contains("A new member") && page.contains("Open day"), "{page}");
        let mut settings = admin.json("/api/v1/public-settings").await;
        settings["about"]["en"] = json!("We share *Odoo modules*.");
        assert_eq!(admin.put("/api/v1/public-settings", &settings).await.status(), 200);
        let page = visitor.text(&format!("/n/{slug}")).await;
        assert!(page.contains("<em>Odoo modules</em>"), "{page}");
        // A second before the event ends it is there; a second after, it is gone.
        app.clock
            .set(now + time::Duration::hours(2) - time::Duration::seconds(1));
        assert!(visitor.text(&format!("/n/{slug}")).await.contains("Open day"));
        app.clock
            .set(now + time::Duration::hours(2) + time::Duration::seconds(1));
        let page = visitor.text(&format!("/n/{slug}")).await;
        assert!(!page.contains("Open day") && page.contains("A new member"), "{page}");
        app.stop().await;
    }
);

// A network larger than its public page: the page names the first members by name and
// links to all of them, a page at a time; the map has one dot per place, saying how many
// members are there (it read one row per member, and named them all, before).
both_backends!(a_large_network_pages_its_members, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let slug = network_row(&app).await.slug;
    // 30 listed members (20 in Bruxelles, 10 in Gent) and one that did not agree.
    for i in 0..31 {
        let org = app
            .organisation(&admin, &format!("Coop {i:02}"), "user", Some(10))
            .await;
        let (city, lat, lon) = if i % 3 == 2 {
            ("Gent", 51.0543, 3.7174)
        } else {
            ("Bruxelles", 50.8503, 4.3517)
        };
        let r = admin
            .put(
                &format!("/api/v1/organisations/{org}/listing"),
                &json!({"listed": i != 30, "city": city, "latitude": lat, "longitude": lon}),
            )
            .await;
        assert_eq!(r.status(), 200);
    }
    let visitor = app.client();
    let page = visitor.text(&format!("/n/{slug}")).await;
    let named = (0..31).filter(|i| page.contains(&format!("Coop {i:02}"))).count();
    assert_eq!(named, 24, "the first 24 by name: {page}");
    assert!(page.contains("Coop 00") && page.contains("Coop 23") && !page.contains("Coop 24"));
    assert!(
        page.contains(&format!("href=\"/n/{slug}/members\">All 30 members</a>")),
        "{page}"
    );
    assert_eq!(page.matches("<circle").count(), 2, "{page}");
    assert!(
        page.contains("<title>Bruxelles: 20 members</title>") && page.contains("<title>Gent: 10 members</title>"),
        "{page}"
    );
    // All of them on the members' page, not the one that did not agree.
    let all = visitor.text(&format!("/n/{slug}/members")).await;
    assert_eq!(
        (0..30).filter(|i| all.contains(&format!("Coop {i:02}"))).count(),
        30,
        "{all}"
    );
    assert!(
        !all.contains("Coop 30") && all.contains("30 member organisations are listed."),
        "{all}"
    );
    let past = visitor.text(&format!("/n/{slug}/members?page=2")).await;
    assert!(!past.contains("Coop 00"), "past the last page: none");
    // A private network shows neither.
    set_rules(&app, |r| r.private = true).await;
    let hidden = visitor.text(&format!("/n/{slug}/members")).await;
    assert!(hidden.contains("/login") && !hidden.contains("Coop 00"), "{hidden}");
    app.stop().await;
});

// The core circle's list of applications shows 50 a page (it showed up to 500), newest
// first, with the links to the others; the filter stays in the links.
both_backends!(the_applications_list_is_paged, |app: TestApp| async move {
    app.admin_token().await;
    let network_id = app.network_id().await;
    let now = intercoop::db::now();
    for i in 0..51i64 {
        let at = now - time::Duration::minutes(60 - i);
        app.pending_application(
            network_id,
            &format!("Candidate {i:02}"),
            &format!("c{i}@candidates.example"),
            at,
        )
        .await;
    }
    let web = app.client();
    app.login(&web, "admin@test.example").await;
    let first = web.text("/applications").await;
    let shown = |page: &str| (0..51).filter(|i| page.contains(&format!("Candidate {i:02}<"))).count();
    assert_eq!(shown(&first), 50, "{first}");
    assert!(
        first.contains("Candidate 50<") && !first.contains("Candidate 00<"),
        "newest first"
    );
    assert!(first.contains("href=\"?status=pending&amp;page=2\""), "{first}");
    let second = web.text("/applications?status=pending&page=2").await;
    assert_eq!(shown(&second), 1, "{second}");
    assert!(second.contains("Candidate 00<") && second.contains("2 / 2"), "{second}");
    // The API answers them all, as before (up to 500).
    let admin = app.api(&app.admin_token().await);
    let all = admin.json("/api/v1/applications?status=pending").await;
    assert_eq!(all.as_array().unwrap().len(), 51);
    app.stop().await;
});

/// A confirmed application of `org`, whose contact writes in `language`: its id.
async fn confirmed(app: &TestApp, admin: &common::Api, slug: &str, org: &str, email: &str, language: &str) -> i64 {
    assert_eq!(apply_api(app, slug, &body(org, email, language)).await.status(), 202);
    let visitor = app.client();
    assert_eq!(visitor.use_link(&confirm_link(app, email).await).await.status(), 200);
    let list = admin.json("/api/v1/applications?status=pending").await;
    list.as_array()
        .unwrap()
        .iter()
        .find(|a| a["organisation"]["name"] == org)
        .expect("the application")["id"]
        .as_i64()
        .unwrap()
}

both_backends!(an_application_decided_by_a_poll, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let core_id = core_person(&app).await;
    let core = app.api(&app.token_for(core_id).await);
    let slug = network_row(&app).await.slug;
    // The electorate: two member user cooperatives.
    let voters = [
        app.organisation(&admin, "Coop One", "user", Some(10)).await,
        app.organisation(&admin, "Coop Two", "user", Some(20)).await,
    ];
    let id = confirmed(&app, &admin, &slug, "Coop Liège", "ana@liege.example", "fr").await;

    // The core circle opens the poll from the application's page, closing tomorrow.
    let web = app.client();
    app.login(&web, "core@test.example").await;
    let page = web.text(&format!("/applications/{id}")).await;
    assert!(page.contains(&format!("/applications/{id}/poll")), "{page}");
    let r = web
        .form(&format!("/applications/{id}/poll"), &[("closes_on", "yesterday")])
        .await;
    assert_eq!(r.status(), 422, "not a day");
    let now = app.at_server_time(async { intercoop::clock::now() }).await;
    let tomorrow = (now + time::Duration::days(1)).date().to_string();
    let r = web
        .form(&format!("/applications/{id}/poll"), &[("closes_on", tomorrow.as_str())])
        .await;
    assert_eq!(r.status(), 303);
    let a = core.json(&format!("/api/v1/applications/{id}")).await;
    let poll = a["poll_id"].as_i64().expect("the poll recorded");
    assert_eq!(a["status"], "pending");
    let p = admin.json(&format!("/api/v1/polls/{poll}")).await;
    assert_eq!(p["status"], "open", "{p}");
    assert!(p["title"].as_str().unwrap().contains("Coop Liège"), "{p}");
    // The page shows the poll and its state, and no longer offers a decision by hand.
    let page = web.text(&format!("/applications/{id}")).await;
    assert!(
        page.contains(&format!("/polls/{poll}")) && page.contains("Open"),
        "{page}"
    );
    assert!(!page.contains(&format!("/applications/{id}/accept\"")), "{page}");
    // A decision by hand, or a second poll, is refused while the poll decides.
    for path in ["accept", "decline", "poll"] {
        let r = core
            .post(&format!("/api/v1/applications/{id}/{path}"), &json!({}))
            .await;
        let (status, problem) = status_and_json(r).await;
        assert_eq!(status, 409, "{path}");
        assert!(
            problem.to_string().contains("application-poll-open"),
            "{path}: {problem}"
        );
    }
    let r = web
        .form(
            &format!("/applications/{id}/accept"),
            &[("sponsorship_percent", "0"), ("note", ""), ("poll_id", "")],
        )
        .await;
    assert_eq!(r.status(), 409);
    assert!(r.text().await.unwrap().contains("A poll decides this application"));

    // Both vote yes; the poll closes at its deadline, by the jobs.
    for o in voters {
        let r = admin
            .post(
                &format!("/api/v1/polls/{poll}/ballots"),
                &json!({"organisation_id": o, "choice": "yes"}),
            )
            .await;
        assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    }
    app.clock.advance(time::Duration::days(3));
    app.run_jobs().await;
    let p = admin.json(&format!("/api/v1/polls/{poll}")).await;
    assert_eq!(p["status"], "closed", "{p}");
    let a = core.json(&format!("/api/v1/applications/{id}")).await;
    assert_eq!(a["status"], "accepted", "{a}");
    assert_eq!(a["poll_id"], poll);
    let org_id = a["organisation_id"].as_i64().expect("the organisation");
    let o = admin.json(&format!("/api/v1/organisations/{org_id}")).await;
    assert_eq!(
        (o["name"].as_str(), o["status"].as_str()),
        (Some("Coop Liège"), Some("member")),
        "{o}"
    );

    // Applied once, even when the reaction runs again (a retry, a second instance).
    let event = intercoop::entities::event::Entity::find()
        .all(&app.db().read)
        .await
        .unwrap()
        .into_iter()
        .rev()
        .find(|e| e.kind == "poll_closed")
        .unwrap();
    let txn = sea_orm::TransactionTrait::begin(&app.db().write).await.unwrap();
    intercoop::jobs::enqueue(
        &txn,
        intercoop::jobs::NewJob::new(
            intercoop::joining::poll::ON_POLL_CLOSED,
            &intercoop::events::Delivery { event_id: event.id },
        )
        .unique("again"),
    )
    .await
    .unwrap();
    txn.commit().await.unwrap();
    app.run_jobs().await;
    let mails = app.mails_to("ana@liege.example").await;
    let welcomes = mails.iter().filter(|m| m.subject.contains("Bienvenue dans")).count();
    assert_eq!(
        welcomes,
        1,
        "{:?}",
        mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    assert!(
        mails.iter().any(|m| m.text_body.contains("/login/link/")),
        "the invitation"
    );
    let orgs = admin.json("/api/v1/organisations").await;
    assert_eq!(orgs.to_string().matches("\"Coop Liège\"").count(), 1, "{orgs}");
    let failed = intercoop::entities::job::Entity::find()
        .filter(intercoop::entities::job::Column::Status.eq("failed"))
        .count(&app.db().read)
        .await
        .unwrap();
    assert_eq!(failed, 0);

    // A second application, by the API: the poll rejects it, closed early; the
    // contact is told in German, and no organisation is made.
    let id = confirmed(&app, &admin, &slug, "Bees Coop", "bees@test.example", "de").await;
    let r = core
        .post(
            &format!("/api/v1/applications/{id}/poll"),
            &json!({"closes_on": "2001-01-01"}),
        )
        .await;
    let (status, problem) = status_and_json(r).await;
    assert_eq!((status, codes(&problem)), (422, vec!["poll-closes-past".to_string()]));
    let r = core.post(&format!("/api/v1/applications/{id}/poll"), &json!({})).await;
    let (status, answer) = status_and_json(r).await;
    assert_eq!(status, 201, "{answer}");
    let poll = answer["poll_id"].as_i64().unwrap();
    assert_eq!(answer["application_id"], id);
    for o in voters {
        let r = admin
            .post(
                &format!("/api/v1/polls/{poll}/ballots"),
                &json!({"organisation_id": o, "choice": "no"}),
            )
            .await;
        assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    }
    let result: Value = admin
        .post(&format!("/api/v1/polls/{poll}/close"), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(result["passed"], false);
    app.settle_jobs().await;
    let a = core.json(&format!("/api/v1/applications/{id}")).await;
    assert_eq!(
        (a["status"].as_str(), a["poll_id"].as_i64()),
        (Some("declined"), Some(poll)),
        "{a}"
    );
    assert!(a["organisation_id"].is_null());
    let mails = app.mails_to("bees@test.example").await;
    let declined = mails.last().unwrap();
    assert_eq!(declined.language.0, intercoop::i18n::Lang::De);
    assert!(
        declined.text_body.contains("nicht angenommen"),
        "{}",
        declined.text_body
    );
    let orgs = admin.json("/api/v1/organisations").await;
    assert!(
        orgs.to_string().contains("Coop Liège") && !orgs.to_string().contains("Bees Coop"),
        "{orgs}"
    );
});

both_backends!(a_poll_without_its_quorum_declines, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let core_id = core_person(&app).await;
    let core = app.api(&app.token_for(core_id).await);
    let slug = network_row(&app).await.slug;
    // The network's quorum: 60 % of the electorate must vote.
    set_rules(&app, |r| r.poll_quorum_percent = Some(60)).await;
    let voters = [
        app.organisation(&admin, "Coop One", "user", Some(10)).await,
        app.organisation(&admin, "Coop Two", "user", Some(20)).await,
    ];
    let id = confirmed(&app, &admin, &slug, "Coop Gent", "jan@gent.example", "nl").await;
    let now = app.at_server_time(async { intercoop::clock::now() }).await;
    let tomorrow = (now + time::Duration::days(1)).date().to_string();
    let r = core
        .post(
            &format!("/api/v1/applications/{id}/poll"),
            &json!({"closes_on": tomorrow}),
        )
        .await;
    let (status, answer) = status_and_json(r).await;
    assert_eq!(status, 201, "{answer}");
    let poll = answer["poll_id"].as_i64().unwrap();

    // The application shows its poll: open, its deadline, no outcome yet; the list too.
    let a = core.json(&format!("/api/v1/applications/{id}")).await;
    let p = admin.json(&format!("/api/v1/polls/{poll}")).await;
    assert_eq!(
        (
            &a["poll"]["id"],
            &a["poll"]["state"],
            &a["poll"]["closed_at"],
            &a["poll"]["outcome"]
        ),
        (&json!(poll), &json!("open"), &Value::Null, &Value::Null),
        "{a}"
    );
    let closes_at = a["poll"]["closes_at"].as_str().expect("the deadline");
    let parsed = time::OffsetDateTime::parse(closes_at, &time::format_description::well_known::Rfc3339).unwrap();
    assert_eq!(parsed.offset(), time::UtcOffset::UTC, "{closes_at}");
    let deadline = p["closes_at"].as_str().unwrap();
    assert_eq!(
        parsed,
        time::OffsetDateTime::parse(deadline, &time::format_description::well_known::Rfc3339).unwrap()
    );
    let list = core.json("/api/v1/applications?status=pending").await;
    let listed = list.as_array().unwrap().iter().find(|x| x["id"] == id).unwrap();
    assert_eq!(listed["poll"], a["poll"]);
    let web = app.client();
    app.login(&web, "core@test.example").await;
    let page = web.text(&format!("/applications/{id}")).await;
    assert!(page.contains("The poll closes on"), "{page}");

    // One organisation of two votes yes: every ballot says yes, but 50 % of the
    // electorate is under the quorum. The poll closes at its deadline, by the jobs.
    let r = admin
        .post(
            &format!("/api/v1/polls/{poll}/ballots"),
            &json!({"organisation_id": voters[0], "choice": "yes"}),
        )
        .await;
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    app.clock.advance(time::Duration::days(3));
    app.settle_jobs().await;
    let result = admin.json(&format!("/api/v1/polls/{poll}/result")).await;
    assert_eq!(
        (&result["passed"], &result["details"]["quorum_met"]),
        (&json!(false), &json!(false)),
        "{result}"
    );
    let a = core.json(&format!("/api/v1/applications/{id}")).await;
    assert_eq!(
        (a["status"].as_str(), a["poll_id"].as_i64(), &a["organisation_id"]),
        (Some("declined"), Some(poll), &Value::Null),
        "{a}"
    );
    assert_eq!(
        (&a["poll"]["state"], &a["poll"]["outcome"]),
        (&json!("closed"), &json!("no_quorum")),
        "{a}"
    );
    assert!(a["poll"]["closed_at"].is_string(), "{a}");
    let page = web.text(&format!("/applications/{id}")).await;
    assert!(
        page.contains("Quorum not reached: declined") && page.contains("The poll closed on"),
        "{page}"
    );

    // The contact is told once, in Dutch; no organisation is made.
    let told = |mails: Vec<intercoop::entities::outbox_message::Model>| {
        mails
            .into_iter()
            .filter(|m| m.text_body.contains("niet aanvaard"))
            .collect::<Vec<_>>()
    };
    let declined = told(app.mails_to("jan@gent.example").await);
    assert_eq!(declined.len(), 1);
    assert_eq!(declined[0].language.0, intercoop::i18n::Lang::Nl);
    let orgs = admin.json("/api/v1/organisations").await;
    assert!(!orgs.to_string().contains("Coop Gent"), "{orgs}");

    // The reaction run again (a retry, a second instance) changes nothing.
    let before = application::Entity::find_by_id(id)
        .one(&app.db().read)
        .await
        .unwrap()
        .unwrap();
    let event = intercoop::entities::event::Entity::find()
        .all(&app.db().read)
        .await
        .unwrap()
        .into_iter()
        .rev()
        .find(|e| e.kind == "poll_closed")
        .unwrap();
    let txn = sea_orm::TransactionTrait::begin(&app.db().write).await.unwrap();
    intercoop::jobs::enqueue(
        &txn,
        intercoop::jobs::NewJob::new(
            intercoop::joining::poll::ON_POLL_CLOSED,
            &intercoop::events::Delivery { event_id: event.id },
        )
        .unique("again"),
    )
    .await
    .unwrap();
    txn.commit().await.unwrap();
    app.settle_jobs().await;
    let after = application::Entity::find_by_id(id)
        .one(&app.db().read)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(before, after);
    assert_eq!(told(app.mails_to("jan@gent.example").await).len(), 1);
    let orgs = admin.json("/api/v1/organisations").await;
    assert!(!orgs.to_string().contains("Coop Gent"), "{orgs}");
    let failed = intercoop::entities::job::Entity::find()
        .filter(intercoop::entities::job::Column::Status.eq("failed"))
        .count(&app.db().read)
        .await
        .unwrap();
    assert_eq!(failed, 0);
});
