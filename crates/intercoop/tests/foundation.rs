//! The foundation, end to end through the running server, on SQLite and PostgreSQL.

mod common;

use common::TestApp;
use serde_json::{Value, json};

both_backends!(invite_then_magic_link_logs_in, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let org = app.organisation(&admin, "La Ruche Coop", "user", Some(2400)).await;
    let r = admin
        .post("/api/v1/people", &json!({"email": "Marc@LaRuche.example", "name": "Marc Dubois", "organisation_id": org, "representative": true, "language": "fr"}))
        .await;
    assert_eq!(r.status(), 201);
    let person: Value = r.json().await.unwrap();
    assert_eq!(person["email"], "marc@laruche.example");
    assert_eq!(person["organisations"][0]["is_representative"], true);

    // The invitation is in the outbox, in French, with both bodies.
    let mails = app.mails_to("marc@laruche.example").await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].kind.as_str(), "invitation");
    assert_eq!(mails[0].language.code(), "fr");
    assert!(mails[0].subject.contains("invité"), "{}", mails[0].subject);
    assert!(mails[0].html_body.contains("<a href=\""));

    let browser = app.client();
    let link = app.last_link("marc@laruche.example").await;
    // Opening the link (as a mail scanner or a link preview does) uses nothing: it
    // shows a button, and opening it again still does.
    for _ in 0..2 {
        let opened = app.client().get(&link).await;
        assert_eq!(opened.status(), 200);
        let page = opened.text().await.unwrap();
        assert!(
            page.contains("Marc Dubois") && page.contains("method=\"post\""),
            "{page}"
        );
    }
    let r = browser.use_link(&link).await;
    assert_eq!(r.status(), 303);
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("ic_session="))
        .unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    let page = browser.text("/dashboard").await;
    assert!(page.contains("Bonjour Marc Dubois"), "{page}");
    assert!(page.contains("La Ruche Coop"));

    // The link works once.
    let again = app.client().get(&link).await;
    assert_eq!(again.status(), 410);
    // An unknown link is a 404.
    assert_eq!(app.client().get("/login/link/l_nothing").await.status(), 404);
    // The worker sends the invitation.
    app.drain_outbox().await;
    let files: Vec<_> = std::fs::read_dir(app.data_dir.path().join("outbox")).unwrap().collect();
    assert_eq!(files.len(), 1);
    app.stop().await;
});

both_backends!(
    login_never_reveals_whether_an_address_exists,
    |app: TestApp| async move {
        app.person("known@test.example", "Known Person", None, false, false)
            .await;
        let c = app.client();
        let known = c
            .form("/login", &[("email", "known@test.example"), ("method", "link")])
            .await;
        let known_status = known.status();
        let known_text = known.text().await.unwrap().replace("known@test.example", "X");
        let unknown = c
            .form("/login", &[("email", "nobody@test.example"), ("method", "link")])
            .await;
        assert_eq!(known_status, unknown.status());
        assert_eq!(
            known_text.len(),
            unknown.text().await.unwrap().replace("nobody@test.example", "X").len()
        );
        assert_eq!(app.mails_to("known@test.example").await.len(), 1);
        assert_eq!(app.mails_to("nobody@test.example").await.len(), 0);
        // Wrong passwords read the same whether the account exists or not.
        let a = c
            .form(
                "/login",
                &[
                    ("email", "known@test.example"),
                    ("password", "wrong password"),
                    ("method", "password"),
                ],
            )
            .await;
        let b = c
            .form(
                "/login",
                &[
                    ("email", "nobody@test.example"),
                    ("password", "wrong password"),
                    ("method", "password"),
                ],
            )
            .await;
        assert_eq!(a.status(), 422);
        assert_eq!(b.status(), 422);
        assert!(a.text().await.unwrap().contains("Email address or password incorrect"));
        app.stop().await;
    }
);

both_backends!(password_login_and_reset, |app: TestApp| async move {
    app.person("pw@test.example", "Pat Word", None, false, false).await;
    let c = app.client();
    c.form("/password/forgot", &[("email", "pw@test.example")]).await;
    let link = app.last_link("pw@test.example").await;
    assert!(link.starts_with("/password/reset/"));
    // Too short: the form says so, nothing changes.
    let r = c.form(&link, &[("password", "short"), ("confirm", "short")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("at least 10 characters"));
    let r = c
        .form(
            &link,
            &[("password", "a long secret 42"), ("confirm", "a long secret 42")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let fresh = app.client();
    let r = fresh
        .form(
            "/login",
            &[
                ("email", "pw@test.example"),
                ("password", "a long secret 42"),
                ("method", "password"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert!(fresh.text("/dashboard").await.contains("Pat Word"));
    // Logout ends the session.
    let r = fresh.form("/logout", &[]).await;
    assert_eq!(r.status(), 303);
    let r = fresh.get("/dashboard").await;
    assert_eq!(r.status(), 303);
    assert!(r.headers()["location"].to_str().unwrap().starts_with("/login"));
    app.stop().await;
});

both_backends!(csrf_and_origin_are_checked, |app: TestApp| async move {
    let admin_id = app.person("admin@test.example", "Ada Admin", None, false, true).await;
    let _ = admin_id;
    let c = app.client();
    app.login(&c, "admin@test.example").await;
    let count_before = app.api(&app.admin_token().await).json("/api/v1/organisations").await["total"]
        .as_i64()
        .unwrap();
    // Missing token.
    let r = c
        .http
        .post(app.url("/organisations/new"))
        .form(&[("name", "Sneaky"), ("kind", "user")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert!(r.text().await.unwrap().contains("This form has expired"));
    // Tampered token.
    let r = c
        .http
        .post(app.url("/organisations/new"))
        .form(&[("name", "Sneaky"), ("kind", "user"), ("_csrf", "c_forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    // Right token, foreign origin.
    let csrf = c.csrf().await;
    let r = c
        .http
        .post(app.url("/organisations/new"))
        .header("origin", "https://evil.example")
        .form(&[("name", "Sneaky"), ("kind", "user"), ("_csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    // The real form works.
    let r = c
        .form(
            "/organisations/new",
            &[
                ("name", "Genuine Coop"),
                ("kind", "user"),
                ("status", "member"),
                ("level", "active"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let count_after = app.api(&app.admin_token().await).json("/api/v1/organisations").await["total"]
        .as_i64()
        .unwrap();
    assert_eq!(count_after, count_before + 1);
    app.stop().await;
});

both_backends!(roles_are_checked_on_pages_and_api, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let org = app.organisation(&admin, "Épi Solidaire", "user", Some(900)).await;
    let member = app
        .person("tom@test.example", "Tom Member", Some(org), false, false)
        .await;
    let c = app.client();
    app.login(&c, "tom@test.example").await;
    // A member may read, not create or edit.
    assert_eq!(c.get("/organisations").await.status(), 200);
    assert_eq!(c.get("/organisations/new").await.status(), 403);
    assert_eq!(c.get(&format!("/organisations/{org}/edit")).await.status(), 403);
    let r = c
        .form(
            &format!("/organisations/{org}/representative"),
            &[("person_id", &member.to_string())],
        )
        .await;
    assert_eq!(r.status(), 403);
    let api = app.api(&app.token_for(member).await);
    let r = api
        .post("/api/v1/organisations", &json!({"name": "Nope", "kind": "user"}))
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    let p: Value = r.json().await.unwrap();
    assert_eq!(p["status"], 403);
    assert_eq!(p["title"], "Not allowed");
    // Unknown ids are 404, on pages and in the API.
    assert_eq!(c.get("/organisations/999999").await.status(), 404);
    assert_eq!(c.get("/organisations/abc").await.status(), 404);
    assert_eq!(api.get("/api/v1/organisations/999999").await.status(), 404);
    app.stop().await;
});

both_backends!(api_tokens_authenticate_and_scope, |app: TestApp| async move {
    let anonymous = app.api("ic_not_a_token");
    let r = anonymous.get("/api/v1/me").await;
    assert_eq!(r.status(), 401);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    let r = reqwest::get(app.url("/api/v1/organisations")).await.unwrap();
    assert_eq!(r.status(), 401);

    let admin = app.api(&app.admin_token().await);
    let me = admin.json("/api/v1/me").await;
    assert_eq!(me["email"], "admin@test.example");
    assert_eq!(me["roles"], json!(["administrator"]));
    for i in 0..7 {
        app.organisation(&admin, &format!("Coop {i:02}"), "user", Some(100 + i))
            .await;
    }
    let page = admin.json("/api/v1/organisations?per_page=3&page=2").await;
    assert_eq!(page["total"], 7);
    assert_eq!(page["page"], 2);
    let names: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Coop 03", "Coop 04", "Coop 05"]);
    app.stop().await;
});

both_backends!(bad_input_is_422_and_nothing_is_stored, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let r = admin
        .post(
            "/api/v1/organisations",
            &json!({"name": "  ", "kind": "bakery", "size": -3}),
        )
        .await;
    assert_eq!(r.status(), 422);
    let p: Value = r.json().await.unwrap();
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"name") && fields.contains(&"kind") && fields.contains(&"size"),
        "{p}"
    );
    let r = admin
        .post(
            "/api/v1/organisations",
            &json!({"name": "X", "kind": "user", "size": "big"}),
        )
        .await;
    assert_eq!(r.status(), 422);
    let r = admin
        .post(
            "/api/v1/organisations",
            &json!({"name": "X", "kind": "user", "colour": "red"}),
        )
        .await;
    assert_eq!(r.status(), 422);
    let r = admin
        .http
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&admin.token)
        .body("{not json")
        .header("content-type", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(admin.json("/api/v1/organisations").await["total"], 0);

    // The form shows each error beside its field, in the user's language, and keeps what was typed.
    let c = app.client();
    app.login(&c, "admin@test.example").await;
    c.form("/language", &[("lang", "fr"), ("next", "/")]).await;
    let r = c
        .form(
            "/organisations/new",
            &[
                ("name", "Ma coop"),
                ("kind", "user"),
                ("size", "beaucoup"),
                ("website", "pas une adresse"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("Indiquez un nombre entier"), "{html}");
    assert!(html.contains("value=\"Ma coop\""));
    assert!(html.contains("value=\"beaucoup\""));
    assert_eq!(admin.json("/api/v1/organisations").await["total"], 0);
    app.stop().await;
});

both_backends!(
    representatives_change_with_history_and_audit,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let org = app.organisation(&admin, "De Korf", "user", Some(650)).await;
        let a = app
            .person("pieter@test.example", "Pieter", Some(org), true, false)
            .await;
        let b = app.person("els@test.example", "Els", Some(org), false, false).await;
        let outsider = app.person("out@test.example", "Outsider", None, false, false).await;
        let r = admin
            .put(
                &format!("/api/v1/organisations/{org}/representative"),
                &json!({"person_id": outsider}),
            )
            .await;
        assert_eq!(r.status(), 422);
        // The sitting representative hands over.
        let rep = app.api(&app.token_for(a).await);
        let r = rep
            .put(
                &format!("/api/v1/organisations/{org}/representative"),
                &json!({"person_id": b}),
            )
            .await;
        assert_eq!(r.status(), 200, "{:?}", r.text().await);
        let o: Value = r.json().await.unwrap();
        let mandates = o["representatives"].as_array().unwrap();
        assert_eq!(mandates.len(), 2);
        assert_eq!(mandates[0]["person_id"], b);
        assert!(mandates[0]["until"].is_null());
        assert!(!mandates[1]["until"].is_null());
        // The former representative can no longer do it.
        let r = rep
            .put(
                &format!("/api/v1/organisations/{org}/representative"),
                &json!({"person_id": a}),
            )
            .await;
        assert_eq!(r.status(), 403);
        // PATCH keeps an audit trail with before and after.
        let r = admin
            .patch(
                &format!("/api/v1/organisations/{org}"),
                &json!({"size": 700, "software": ["Odoo 16", "cooperator"]}),
            )
            .await;
        assert_eq!(r.status(), 200);
        let o: Value = r.json().await.unwrap();
        assert_eq!(o["size"], 700);
        assert_eq!(o["software"], json!(["cooperator", "Odoo 16"]));
        use intercoop::entities::audit_entry;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let entries = audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("organisation.update"))
            .all(&app.db().read)
            .await
            .unwrap();
        assert_eq!(entries.len(), 1);
        assert!(entries[0].before.as_deref().unwrap().contains("650"));
        assert!(entries[0].after.as_deref().unwrap().contains("700"));
        assert!(entries[0].actor_id.is_some());
        app.stop().await;
    }
);

both_backends!(
    language_follows_profile_then_browser_then_network,
    |app: TestApp| async move {
        app.person("lang@test.example", "Lena", None, false, false).await;
        let anon = app.client();
        let fr = anon
            .http
            .get(app.url("/login"))
            .header("accept-language", "fr-BE,fr;q=0.9")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(fr.contains("Recevoir un lien de connexion"));
        let en = anon
            .http
            .get(app.url("/login"))
            .header("accept-language", "en-GB")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(en.contains("Send me a login link"));
        // No header: the network's default language (French for a fresh install).
        let default = reqwest::get(app.url("/login")).await.unwrap().text().await.unwrap();
        assert!(default.contains("Recevoir un lien de connexion"));
        // The profile wins over the browser.
        let c = app.client();
        app.login(&c, "lang@test.example").await;
        let r = c.form("/profile", &[("name", "Lena"), ("language", "en")]).await;
        assert_eq!(r.status(), 200);
        let page = c
            .http
            .get(app.url("/dashboard"))
            .header("accept-language", "fr")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("Hello Lena"), "{page}");
        // A fresh install has one network: no switcher.
        assert!(!page.contains("name=\"network\""));
        app.stop().await;
    }
);

both_backends!(openapi_document_is_served, |app: TestApp| async move {
    let doc: Value = reqwest::get(app.url("/api/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/organisations",
        "/api/v1/organisations/{id}",
        "/api/v1/people",
        "/api/v1/me",
    ] {
        assert!(doc["paths"].get(path).is_some(), "missing {path}");
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    assert_eq!(
        reqwest::get(app.url("/healthz")).await.unwrap().text().await.unwrap(),
        "ok"
    );
    assert_eq!(reqwest::get(app.url("/readyz")).await.unwrap().status(), 200);
    app.stop().await;
});

both_backends!(
    idempotency_key_replays_instead_of_acting_twice,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let body = json!({"name": "Once Coop", "kind": "user"});
        let a = admin.post_with_key("/api/v1/organisations", &body, "key-1").await;
        assert_eq!(a.status(), 201);
        let a: Value = a.json().await.unwrap();
        let b = admin.post_with_key("/api/v1/organisations", &body, "key-1").await;
        assert_eq!(b.status(), 201);
        assert_eq!(b.headers()["idempotent-replayed"], "true");
        let b: Value = b.json().await.unwrap();
        assert_eq!(a["id"], b["id"]);
        let c = admin
            .post_with_key(
                "/api/v1/organisations",
                &json!({"name": "Other", "kind": "user"}),
                "key-1",
            )
            .await;
        assert_eq!(c.status(), 409);
        assert_eq!(admin.json("/api/v1/organisations").await["total"], 1);
        app.stop().await;
    }
);

both_backends!(an_expired_magic_link_is_410, |app: TestApp| async move {
    app.person("late@test.example", "Late Comer", None, false, false).await;
    let c = app.client();
    c.form("/login", &[("email", "late@test.example"), ("method", "link")])
        .await;
    let link = app.last_link("late@test.example").await;
    // The link lives 30 minutes.
    app.clock.advance(time::Duration::minutes(31));
    let r = c.get(&link).await;
    assert_eq!(r.status(), 410);
    assert!(r.text().await.unwrap().contains("This link has expired"));
    assert_eq!(c.get("/dashboard").await.status(), 303, "not logged in");
    app.stop().await;
});

both_backends!(
    list_totals_leave_out_disabled_people_and_follow_filters,
    |app: TestApp| async move {
        use sea_orm::ConnectionTrait;
        let admin = app.api(&app.admin_token().await);
        let shop = app.organisation(&admin, "Shop", "user", Some(100)).await;
        app.organisation(&admin, "Dev Coop", "provider", None).await;
        let mut ids = Vec::new();
        for i in 0..5 {
            ids.push(
                app.person(
                    &format!("p{i}@test.example"),
                    &format!("Person {i}"),
                    Some(shop),
                    false,
                    false,
                )
                .await,
            );
        }
        let before = admin.json("/api/v1/people?per_page=2").await;
        let everyone = before["total"].as_i64().unwrap();
        assert!(everyone >= 6, "the five and the administrator: {before}");
        // A disabled person is neither listed nor counted (the count reads a partial index).
        let sql = format!("UPDATE people SET disabled = TRUE WHERE id IN ({}, {})", ids[1], ids[3]);
        app.db().write.execute_unprepared(&sql).await.unwrap();
        let all = admin.json(&format!("/api/v1/people?per_page={everyone}")).await;
        assert_eq!(all["total"].as_i64().unwrap(), everyone - 2, "{all}");
        let names: Vec<&str> = all["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(names.len() as i64, everyone - 2);
        assert!(
            !names.contains(&"Person 1") && !names.contains(&"Person 3"),
            "{names:?}"
        );
        // A page past the last one is empty but still tells the total.
        let past = admin.json("/api/v1/people?per_page=2&page=50").await;
        assert_eq!(past["items"].as_array().unwrap().len(), 0);
        assert_eq!(past["total"].as_i64().unwrap(), everyone - 2);
        // The organisation count follows the filters, with or without the organisation's own columns.
        let orgs = admin.json("/api/v1/organisations").await;
        assert_eq!(orgs["total"], 2);
        let names: Vec<&str> = orgs["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["Dev Coop", "Shop"], "by name");
        assert_eq!(admin.json("/api/v1/organisations?kind=provider").await["total"], 1);
        assert_eq!(admin.json("/api/v1/organisations?q=shop").await["total"], 1);
        let past = admin.json("/api/v1/organisations?kind=user&page=9").await;
        assert_eq!(past["total"], 1);
        assert_eq!(past["items"].as_array().unwrap().len(), 0);
        app.stop().await;
    }
);

// Two administrators changing an organisation's membership at the same moment (a
// candidate admitted and turned down at once): each change is made from the status the
// other left, or refused (409: it changed meanwhile), never decided on a status read
// before the other's commit. The audit log tells: each change starts where the one
// before ended. Several rounds, as the requests only sometimes meet inside each
// other's transactions.
both_backends!(a_membership_changes_from_the_status_it_has, |app: TestApp| async move {
    use intercoop::entities::audit_entry;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let admin = app.api(&app.admin_token().await);
    for round in 0..6 {
        let r = admin
            .post(
                "/api/v1/organisations",
                &json!({"name": format!("Candidate {round}"), "kind": "user", "status": "candidate"}),
            )
            .await;
        assert_eq!(r.status(), 201);
        let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        let mut tasks = Vec::new();
        for status in ["member", "former"] {
            let api = app.api(&admin.token);
            tasks.push(tokio::spawn(async move {
                api.patch(&format!("/api/v1/organisations/{id}"), &json!({"status": status}))
                    .await
                    .status()
                    .as_u16()
            }));
        }
        let mut statuses = Vec::new();
        for t in tasks {
            statuses.push(t.await.unwrap());
        }
        assert!(statuses.contains(&200), "round {round}: {statuses:?}");
        assert!(
            statuses.iter().all(|s| [200, 409].contains(s)),
            "round {round}: {statuses:?}"
        );
        let changes = audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("organisation.update"))
            .filter(audit_entry::Column::EntityId.eq(id))
            .order_by_asc(audit_entry::Column::Id)
            .all(&app.db().read)
            .await
            .unwrap();
        assert_eq!(
            changes.len(),
            statuses.iter().filter(|s| **s == 200).count(),
            "round {round}"
        );
        let json = |s: &Option<String>| serde_json::from_str::<Value>(s.as_deref().unwrap()).unwrap();
        let mut status = "candidate".to_string();
        for c in &changes {
            assert_eq!(
                json(&c.before)["membership"]["status"],
                status.as_str(),
                "round {round}"
            );
            status = json(&c.after)["status"].as_str().unwrap().to_string();
        }
        assert_eq!(
            admin.json(&format!("/api/v1/organisations/{id}")).await["status"],
            status.as_str()
        );
    }
    app.stop().await;
});

both_backends!(
    the_next_page_of_a_filtered_list_keeps_its_filter,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        for i in 0..51 {
            app.organisation(&admin, &format!("Coop {i:02}"), "user", None).await;
        }
        let client = app.client();
        app.login(&client, "admin@test.example").await;
        let page = client
            .get("/organisations?status=member&kind=user")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("?kind=user&#38;status=member&amp;page=2"),
            "the link to page 2 keeps the filter: {page}"
        );
    }
);

both_backends!(pages_speak_the_readers_words_not_codes, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let r = admin
        .post(
            "/api/v1/people",
            &json!({"email": "lea@fr.example", "name": "Léa", "admin": true, "language": "fr"}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let r = admin
        .post(
            "/api/v1/organisations",
            &json!({"name": "Épicerie Sud", "kind": "user", "country": "FR", "language": "nl", "size": 40}),
        )
        .await;
    let shop = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let provider = app.organisation(&admin, "Code Coop", "provider", None).await;
    let r = admin
        .post(
            "/api/v1/proposals",
            &json!({"title": "Étiquettes", "requested_by": shop}),
        )
        .await;
    let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let r = admin
        .post(
            &format!("/api/v1/proposals/{id}/quotes"),
            &json!({"provider_id": provider, "amount_cents": 10_000, "vat_basis_points": 550}),
        )
        .await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);

    let client = app.client();
    app.login(&client, "lea@fr.example").await;
    let page = client
        .get(&format!("/organisations/{shop}"))
        .await
        .text()
        .await
        .unwrap();
    // Labels are labels (the hint is on the form), languages have their names,
    // days are written out.
    assert!(page.contains("<dt>Pays</dt>") && !page.contains("2 lettres"), "{page}");
    assert!(page.contains("Nederlands") && !page.contains("<dd>nl</dd>"), "{page}");
    let year = time::OffsetDateTime::now_utc().year();
    assert!(
        page.contains(&format!(" {year}</dd>")) && !page.contains(&format!("<dd>{year}-")),
        "{page}"
    );
    let form = client
        .get(&format!("/organisations/{shop}/edit"))
        .await
        .text()
        .await
        .unwrap();
    assert!(form.contains("Deux lettres, p. ex. BE"), "{form}");
    // A French reader reads a decimal comma.
    let page = client.get(&format!("/proposals/{id}")).await.text().await.unwrap();
    assert!(page.contains("TVA 5,5"), "{page}");
    // A list counting nothing says so.
    let page = client.get("/polls").await.text().await.unwrap();
    assert!(page.contains("Statut") || page.contains("Aucun scrutin"), "{page}");
    let page = client.get("/organisations?q=zzz").await.text().await.unwrap();
    assert!(
        page.contains("Aucune organisation") && !page.contains("Une organisation"),
        "{page}"
    );
});

both_backends!(lists_sort_names_as_readers_expect, |app: TestApp| async move {
    // Byte order put "Épicerie" after "Zèbre" and "abeille" after every capital.
    let admin = app.api(&app.admin_token().await);
    let mut ids = Vec::new();
    for name in ["Zèbre", "Épicerie Bio", "abeille", "Ölmühle", "Oliveraie", "Cabas"] {
        ids.push(app.organisation(&admin, name, "user", None).await);
    }
    // A renamed organisation moves to its new place (the key follows the name).
    let r = admin
        .patch(
            &format!("/api/v1/organisations/{}", ids[5]),
            &json!({"name": "Ça Marche"}),
        )
        .await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    let expected = ["abeille", "Ça Marche", "Épicerie Bio", "Oliveraie", "Ölmühle", "Zèbre"];
    let names = |v: Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(admin.json("/api/v1/organisations").await), expected);
    // Pages of two keep the order across pages.
    let first = names(admin.json("/api/v1/organisations?per_page=2").await);
    let second = names(admin.json("/api/v1/organisations?per_page=2&page=2").await);
    assert_eq!([first, second].concat(), expected[..4]);

    for (email, name) in [
        ("z@t.example", "Zoé"),
        ("e@t.example", "Émile"),
        ("a@t.example", "anna"),
    ] {
        let r = admin
            .post("/api/v1/people", &json!({"email": email, "name": name}))
            .await;
        assert_eq!(r.status(), 201, "{:?}", r.text().await);
    }
    let people: Vec<String> = names(admin.json("/api/v1/people").await)
        .into_iter()
        .filter(|n| ["Zoé", "Émile", "anna"].contains(&n.as_str()))
        .collect();
    assert_eq!(people, ["anna", "Émile", "Zoé"]);

    // The page shows the same order.
    let c = app.client();
    app.login(&c, "admin@test.example").await;
    let page = c.get("/organisations").await.text().await.unwrap();
    let at: Vec<usize> = expected
        .iter()
        .map(|n| page.find(&format!(">{n}<")).unwrap_or_else(|| panic!("{n} in {page}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    app.stop().await;
});
