//! The notification service end to end, on SQLite and PostgreSQL: who gets each email
//! (read when it is made), each person's choice per kind (at once, daily digest, never),
//! the one-click unsubscribe link (RFC 8058) of every email but security ones.

mod common;

use common::{Api, TestApp, open, pledge_ok};
use intercoop::entities::{held_notice, outbox_message, unsubscribe_token};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

/// A member organisation, its representative's address, person id and API client.
struct Member {
    org: i64,
    email: String,
    person: i64,
    api: Api,
}

async fn members(app: &TestApp, admin: &Api, n: usize) -> Vec<Member> {
    let mut out = Vec::new();
    for i in 0..n {
        let org = app.organisation(admin, &format!("Coop {i}"), "user", None).await;
        let email = format!("rep{i}@coop{i}.example");
        let person = app.person(&email, &format!("Rep {i}"), Some(org), true, false).await;
        let api = app.api(&app.token_for(person).await);
        out.push(Member {
            org,
            email,
            person,
            api,
        });
    }
    out
}

async fn poll(admin: &Api, title: &str, closes_in_hours: Option<i64>) -> i64 {
    let mut body = json!({"title": title, "method": "decision"});
    if let Some(h) = closes_in_hours {
        body["closes_at"] = (time::OffsetDateTime::now_utc() + time::Duration::hours(h))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap()
            .into();
    }
    let r = admin.post("/api/v1/polls", &body).await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let r = admin.post(&format!("/api/v1/polls/{id}/open"), &json!({})).await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    id
}

fn of_kind<'a>(mails: &'a [outbox_message::Model], kind: &str) -> Vec<&'a outbox_message::Model> {
    mails.iter().filter(|m| m.kind.as_str() == kind).collect()
}

/// The token of the unsubscribe link of a message.
fn token_of(m: &outbox_message::Model) -> String {
    let url = m.unsubscribe_url.as_deref().expect("an unsubscribe link");
    url.rsplit('/').next().unwrap().to_string()
}

async fn setting(api: &Api, kind: &str) -> String {
    let list = api.json("/api/v1/me/notifications").await;
    list.as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == kind)
        .unwrap_or_else(|| panic!("{kind} in {list}"))["mode"]
        .as_str()
        .unwrap()
        .to_string()
}

/// A POST as a mail provider sends it: no cookie, no CSRF token, no Origin.
async fn one_click(app: &TestApp, token: &str, body: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(app.url(&format!("/unsubscribe/{token}")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_string())
        .send()
        .await
        .unwrap()
}

both_backends!(
    every_email_but_security_ones_can_be_stopped_in_one_click,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let ms = members(&app, &admin, 2).await;
        poll(&admin, "Shared shift module", None).await;

        for m in &ms {
            let mails = app.mails_to(&m.email).await;
            let opened = of_kind(&mails, "poll_opened");
            assert_eq!(opened.len(), 1);
            let mail = opened[0];
            assert_eq!(mail.person_id, Some(m.person), "the outbox knows who it is for");
            let url = mail.unsubscribe_url.as_deref().expect("a List-Unsubscribe link");
            assert!(url.starts_with(&app.url("/unsubscribe/u_")), "{url}");
            assert!(mail.text_body.contains(url), "{}", mail.text_body);
            assert!(mail.html_body.contains(url));
            assert!(mail.text_body.contains("/settings/notifications"));
        }

        // A login link is a security message: no unsubscribe link, no footer.
        let browser = app.client();
        let r = browser
            .form("/login", &[("email", ms[0].email.as_str()), ("method", "link")])
            .await;
        assert_eq!(r.status(), 200);
        let mails = app.mails_to(&ms[0].email).await;
        let login = of_kind(&mails, "login_link");
        assert_eq!(login.len(), 1);
        assert_eq!(login[0].unsubscribe_url, None);
        assert!(!login[0].text_body.contains("/unsubscribe/"));

        // A GET (a mail scanner following the link) shows the button and changes nothing.
        let token = token_of(of_kind(&mails, "poll_opened")[0]);
        let r = reqwest::get(app.url(&format!("/unsubscribe/{token}"))).await.unwrap();
        assert_eq!(r.status(), 200);
        let page = r.text().await.unwrap();
        assert!(
            page.contains("List-Unsubscribe") && page.contains("One-Click"),
            "{page}"
        );
        assert_eq!(setting(&ms[0].api, "poll_opened").await, "immediate");

        // A POST without the one-click body is refused; with it, that kind stops.
        assert_eq!(one_click(&app, &token, "").await.status(), 400);
        assert_eq!(setting(&ms[0].api, "poll_opened").await, "immediate");
        let r = one_click(&app, &token, "List-Unsubscribe=One-Click").await;
        assert_eq!(r.status(), 200);
        assert_eq!(setting(&ms[0].api, "poll_opened").await, "never");
        assert_eq!(setting(&ms[0].api, "poll_result").await, "immediate");
        assert_eq!(
            one_click(&app, "u_unknown", "List-Unsubscribe=One-Click")
                .await
                .status(),
            404
        );

        // The next poll is told to the other representative only.
        poll(&admin, "Logistics rota", None).await;
        assert_eq!(of_kind(&app.mails_to(&ms[0].email).await, "poll_opened").len(), 1);
        assert_eq!(of_kind(&app.mails_to(&ms[1].email).await, "poll_opened").len(), 2);

        // A link works a year: after that it is unknown, deleted or not.
        let token = token_of(of_kind(&app.mails_to(&ms[1].email).await, "poll_opened")[1]);
        app.clock.advance(time::Duration::days(366));
        assert_eq!(
            reqwest::get(app.url(&format!("/unsubscribe/{token}")))
                .await
                .unwrap()
                .status(),
            404
        );
        assert_eq!(
            one_click(&app, &token, "List-Unsubscribe=One-Click").await.status(),
            404
        );
        // (API tokens last 90 days: a new one, a year on.)
        let api = app.api(&app.at_server_time(app.token_for(ms[1].person)).await);
        assert_eq!(setting(&api, "poll_opened").await, "immediate");
        // The daily job forgets the old links.
        app.run_jobs().await;
        let left = unsubscribe_token::Entity::find().all(&app.db().read).await.unwrap();
        assert!(left.is_empty(), "{left:?}");
    }
);

both_backends!(
    each_person_chooses_per_kind_on_a_page_and_through_the_api,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let ms = members(&app, &admin, 1).await;
        let browser = app.client();
        app.login(&browser, &ms[0].email).await;
        let page = browser.text("/settings/notifications").await;
        for kind in ["proposal_posted", "poll_reminder", "share_digest"] {
            assert!(page.contains(&format!("name=\"{kind}\" value=\"never\"")), "{page}");
        }
        assert!(
            !page.contains("name=\"login_link\""),
            "security emails cannot be chosen"
        );
        assert!(!page.contains("name=\"share_digest\" value=\"digest\""));
        let r = browser
            .form(
                "/settings/notifications",
                &[("poll_reminder", "never"), ("proposal_posted", "digest")],
            )
            .await;
        assert_eq!(r.status(), 200);
        assert!(r.text().await.unwrap().contains("Saved"));
        assert_eq!(setting(&ms[0].api, "poll_reminder").await, "never");
        assert_eq!(setting(&ms[0].api, "proposal_posted").await, "digest");

        // Through the API; bad input is a 422 naming the field, and nothing is saved.
        let r = ms[0]
            .api
            .put("/api/v1/me/notifications", &json!({"poll_result": "digest"}))
            .await;
        assert_eq!(r.status(), 200);
        assert_eq!(setting(&ms[0].api, "poll_result").await, "digest");
        for bad in [
            json!({"poll_opened": "never", "poll_result": "sometimes"}),
            json!({"poll_opened": "never", "login_link": "never"}),
            json!({"poll_opened": "never", "share_digest": "digest"}),
            json!({"poll_opened": "never", "no_such_kind": "never"}),
        ] {
            let r = ms[0].api.put("/api/v1/me/notifications", &bad).await;
            assert_eq!(r.status(), 422, "{bad}");
            assert_eq!(r.headers()["content-type"], "application/problem+json");
            assert_eq!(setting(&ms[0].api, "poll_opened").await, "immediate", "{bad}");
        }
        let r = browser
            .form(
                "/settings/notifications",
                &[("poll_opened", "never"), ("poll_result", "sometimes")],
            )
            .await;
        assert_eq!(r.status(), 422);
        assert_eq!(setting(&ms[0].api, "poll_opened").await, "immediate");

        // Choices are per network: the other network's administrator has their own.
        let other = app.other_network_admin().await;
        assert_eq!(setting(&other, "poll_reminder").await, "immediate");
        let r = ms[0].api.get("/api/openapi.json").await;
        let doc: Value = r.json().await.unwrap();
        assert!(doc["paths"]["/api/v1/me/notifications"]["put"].is_object());
    }
);

both_backends!(
    the_daily_digest_gathers_what_a_person_chose_to_hold,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let ms = members(&app, &admin, 2).await;
        let r = ms[0]
            .api
            .put("/api/v1/me/notifications", &json!({"poll_opened": "digest"}))
            .await;
        assert_eq!(r.status(), 200);
        poll(&admin, "Membership fee 2027", None).await;
        poll(&admin, "Core circle election", None).await;
        assert_eq!(of_kind(&app.mails_to(&ms[1].email).await, "poll_opened").len(), 2);
        assert!(of_kind(&app.mails_to(&ms[0].email).await, "poll_opened").is_empty());
        let held = held_notice::Entity::find()
            .filter(held_notice::Column::PersonId.eq(ms[0].person))
            .all(&app.db().read)
            .await
            .unwrap();
        assert_eq!(held.len(), 2);

        // At 17:00 in the network's time zone: one email with both, once.
        app.clock.advance(time::Duration::hours(25));
        app.run_jobs().await;
        app.run_jobs().await;
        let mails = app.mails_to(&ms[0].email).await;
        let digests = of_kind(&mails, "digest");
        assert_eq!(digests.len(), 1, "{mails:?}");
        let d = digests[0];
        assert!(d.text_body.contains("Membership fee 2027"), "{}", d.text_body);
        assert!(d.text_body.contains("Core circle election"));
        assert!(d.unsubscribe_url.is_some());
        assert!(of_kind(&app.mails_to(&ms[1].email).await, "digest").is_empty());

        // Its one-click link stops every kind held for the digest.
        let r = one_click(&app, &token_of(d), "List-Unsubscribe=One-Click").await;
        assert_eq!(r.status(), 200);
        assert_eq!(setting(&ms[0].api, "poll_opened").await, "never");
        assert_eq!(setting(&ms[0].api, "poll_result").await, "immediate");
    }
);

both_backends!(voters_are_read_when_the_email_is_made, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let ms = members(&app, &admin, 3).await;
    let id = poll(&admin, "Odoo 17 migration", Some(3)).await;
    for m in &ms {
        assert_eq!(of_kind(&app.mails_to(&m.email).await, "poll_opened").len(), 1);
    }
    // During the poll, Coop 0 changes its representative, and Coop 2 leaves.
    let newcomer = app
        .person("nadia@coop0.example", "Nadia", Some(ms[0].org), false, false)
        .await;
    let r = admin
        .put(
            &format!("/api/v1/organisations/{}/representative", ms[0].org),
            &json!({"person_id": newcomer}),
        )
        .await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    let r = admin
        .patch(
            &format!("/api/v1/organisations/{}", ms[2].org),
            &json!({"status": "former"}),
        )
        .await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);

    app.clock.advance(time::Duration::minutes(91));
    app.run_jobs().await;
    let reminders = |mails: Vec<outbox_message::Model>| of_kind(&mails, "poll_reminder").len();
    assert_eq!(reminders(app.mails_to("nadia@coop0.example").await), 1);
    assert_eq!(reminders(app.mails_to(&ms[0].email).await), 0);
    assert_eq!(reminders(app.mails_to(&ms[1].email).await), 1);
    assert_eq!(reminders(app.mails_to(&ms[2].email).await), 0);

    let r = admin.post(&format!("/api/v1/polls/{id}/close"), &json!({})).await;
    assert_eq!(r.status(), 200);
    let results = |mails: Vec<outbox_message::Model>| of_kind(&mails, "poll_result").len();
    assert_eq!(results(app.mails_to("nadia@coop0.example").await), 1);
    assert_eq!(results(app.mails_to(&ms[0].email).await), 0);
});

both_backends!(the_digest_decides_again_at_five_pm, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let ms = members(&app, &admin, 3).await;
    for m in &ms {
        let r = m
            .api
            .put("/api/v1/me/notifications", &json!({"poll_opened": "digest"}))
            .await;
        assert_eq!(r.status(), 200);
    }
    poll(&admin, "Membership fee 2027", None).await;
    // Meanwhile: the first turns poll announcements off; the second's organisation
    // names another representative.
    let r = ms[0]
        .api
        .put("/api/v1/me/notifications", &json!({"poll_opened": "never"}))
        .await;
    assert_eq!(r.status(), 200);
    let newcomer = app
        .person("nadia@coop1.example", "Nadia", Some(ms[1].org), false, false)
        .await;
    let r = admin
        .put(
            &format!("/api/v1/organisations/{}/representative", ms[1].org),
            &json!({"person_id": newcomer}),
        )
        .await;
    assert_eq!(r.status(), 200);
    app.clock.advance(time::Duration::hours(25));
    app.run_jobs().await;
    assert!(
        of_kind(&app.mails_to(&ms[0].email).await, "digest").is_empty(),
        "turned off since"
    );
    assert!(
        of_kind(&app.mails_to(&ms[1].email).await, "digest").is_empty(),
        "no longer concerned"
    );
    let d = app.mails_to(&ms[2].email).await;
    let d = of_kind(&d, "digest");
    assert_eq!(d.len(), 1);
    assert!(d[0].text_body.contains("Membership fee 2027"));
});

both_backends!(
    a_mail_client_unsubscribes_with_multipart_form_data,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let ms = members(&app, &admin, 1).await;
        poll(&admin, "Budget", None).await;
        let mails = app.mails_to(&ms[0].email).await;
        let token = token_of(of_kind(&mails, "poll_opened")[0]);
        // RFC 8058: mailbox providers SHOULD post `multipart/form-data`.
        let boundary = "----intercoop-test";
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--{boundary}--\r\n"
        );
        let r = reqwest::Client::new()
            .post(app.url(&format!("/unsubscribe/{token}")))
            .header("content-type", format!("multipart/form-data; boundary={boundary}"))
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(setting(&ms[0].api, "poll_opened").await, "never");
    }
);

both_backends!(settings_are_for_the_network_that_wrote, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let ms = members(&app, &admin, 1).await;
    let other = app.other_network_admin().await;
    // The representative also belongs to the other network.
    let r = other
        .post("/api/v1/people", &json!({"email": ms[0].email, "name": "Rep 0"}))
        .await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    let browser = app.client();
    app.login(&browser, &ms[0].email).await;
    let page = browser.text("/settings/notifications?network=other").await;
    assert!(page.contains("Other network"), "{page}");
    assert!(page.contains("name=\"network\" value=\"other\""), "{page}");
    let r = browser
        .form(
            "/settings/notifications",
            &[("network", "other"), ("poll_result", "never")],
        )
        .await;
    assert_eq!(r.status(), 200);
    // Saved for the other network, not the session's.
    assert_eq!(setting(&ms[0].api, "poll_result").await, "immediate");
    let settings: Vec<intercoop::entities::notification_setting::Model> =
        intercoop::entities::notification_setting::Entity::find()
            .all(&app.db().read)
            .await
            .unwrap();
    assert_eq!(settings.len(), 1);
    assert_ne!(settings[0].network_id, app.network_id().await);
    // A network the person is not in: refused.
    let r = browser.get("/settings/notifications?network=nowhere").await;
    assert_eq!(r.status(), 403);
    // The emails' settings link names their network.
    poll(&admin, "Budget", None).await;
    let mails = app.mails_to(&ms[0].email).await;
    let slug = intercoop::entities::network::Entity::find_by_id(app.network_id().await)
        .one(&app.db().read)
        .await
        .unwrap()
        .unwrap()
        .slug;
    assert!(
        of_kind(&mails, "poll_opened")[0]
            .text_body
            .contains(&format!("/settings/notifications?network={slug}"))
    );
});

both_backends!(
    an_unreadable_choice_holds_back_only_its_person,
    |app: TestApp| async move {
        use sea_orm::ConnectionTrait;
        let admin = app.api(&app.admin_token().await);
        let ms = members(&app, &admin, 3).await;
        let r = ms[1]
            .api
            .put("/api/v1/me/notifications", &json!({"poll_opened": "digest"}))
            .await;
        assert_eq!(r.status(), 200, "{:?}", r.text().await);
        // A mode no version of intercoop wrote (a hand edit, a downgrade).
        let set = |mode: &str| {
            format!(
                "UPDATE notification_settings SET mode = '{mode}' WHERE person_id = {} AND kind = 'poll_opened'",
                ms[1].person
            )
        };
        app.db().write.execute_unprepared(&set("weekly")).await.unwrap();

        poll(&admin, "Odoo 17 migration", Some(48)).await;
        app.settle_jobs().await;
        // The others are told; the one whose row is unreadable is not told by default.
        let opened = |mails: Vec<outbox_message::Model>| of_kind(&mails, "poll_opened").len();
        assert_eq!(opened(app.mails_to(&ms[0].email).await), 1);
        assert_eq!(opened(app.mails_to(&ms[2].email).await), 1);
        assert_eq!(opened(app.mails_to(&ms[1].email).await), 0);
        assert_eq!(held_notice::Entity::find().all(&app.db().read).await.unwrap().len(), 0);
        // Their own notice waits, naming the row, for an administrator to see.
        let waiting: Vec<_> = intercoop::entities::job::Entity::find()
            .all(&app.db().read)
            .await
            .unwrap()
            .into_iter()
            .filter(|j| j.last_error.as_deref().is_some_and(|e| e.contains("\"weekly\"")))
            .collect();
        assert_eq!(waiting.len(), 1, "{waiting:?}");

        // Once the row is fixed, the retry tells them, once; nobody else is told twice.
        app.db().write.execute_unprepared(&set("immediate")).await.unwrap();
        app.clock.advance(time::Duration::minutes(5));
        app.run_jobs().await;
        for m in &ms {
            assert_eq!(opened(app.mails_to(&m.email).await), 1, "{}", m.email);
        }
    }
);

both_backends!(one_email_at_five_pm, |app: TestApp| async move {
    // Coop 0 gathers its polls in the daily digest; Coop 1 takes everything at once.
    let admin = app.api(&app.admin_token().await);
    let ms = members(&app, &admin, 3).await;
    let r = ms[0]
        .api
        .put("/api/v1/me/notifications", &json!({"poll_opened": "digest"}))
        .await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    let r = admin
        .post(
            "/api/v1/proposals",
            &json!({"title": "Labels", "requested_by": ms[0].org}),
        )
        .await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    open(&admin, id, json!({"amount_cents": 30_000, "key": {"kind": "equal"}})).await;
    // Each pledge after the first changes the shares of those already in.
    for m in &ms {
        pledge_ok(&m.api, id, m.org).await;
    }
    poll(&admin, "Odoo 17 migration", Some(48)).await;
    app.settle_jobs().await;
    let before: Vec<usize> = {
        let mut v = Vec::new();
        for m in &ms {
            v.push(app.mails_to(&m.email).await.len());
        }
        v
    };

    assert_eq!(app.share_digest().await, 2);
    // Coop 0: one email, its digest, with the poll and its new share in it.
    let mails = app.mails_to(&ms[0].email).await;
    let new: Vec<_> = mails[before[0]..].iter().collect();
    assert_eq!(new.len(), 1, "{new:?}");
    assert_eq!(new[0].kind.as_str(), "digest");
    assert!(new[0].text_body.contains("Odoo 17 migration"), "{}", new[0].text_body);
    assert!(
        new[0].text_body.contains("Labels") && new[0].text_body.contains("→"),
        "{}",
        new[0].text_body
    );
    // Coop 1: its share changes, on their own.
    let mails = app.mails_to(&ms[1].email).await;
    let new: Vec<_> = mails[before[1]..].iter().map(|m| m.kind.as_str().to_string()).collect();
    assert_eq!(new, ["share_digest"]);
    // Coop 2 pledged last: its share did not change after it was told.
    assert_eq!(app.mails_to(&ms[2].email).await.len(), before[2]);
    // Nothing is told twice the next day.
    assert_eq!(app.share_digest().await, 0);
});
