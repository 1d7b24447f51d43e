//! The shared mechanisms every capability builds on, through the running server on
//! SQLite and PostgreSQL: typed stored values (an unreadable one is an error naming its
//! row, never a default).

mod common;

use common::{TestApp, open};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

/// Rewrites one stored value behind the application's back.
async fn corrupt(app: &TestApp, table: &str, column: &str, value: &str, id: i64) {
    let sql = format!("UPDATE {table} SET {column} = '{value}' WHERE id = {id}");
    app.db().write.execute_unprepared(&sql).await.unwrap();
    app.state().auth_cache.clear();
}

/// The error the data layer gives when it reads the corrupted row.
fn names_the_row(e: intercoop::error::AppError, what: &str, value: &str, id: i64) {
    let text = e.to_string();
    assert!(text.contains(what), "{text}");
    assert!(text.contains(value), "{text}");
    assert!(text.contains(&format!("row id {id}")), "{text}");
}

both_backends!(
    an_unreadable_stored_value_is_an_error_never_a_default,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let shop = app.organisation(&admin, "Épicerie Nord", "user", Some(100)).await;
        let other = app.organisation(&admin, "Épicerie Sud", "user", Some(300)).await;
        let network = app.network_id().await;
        let proposal = |title: &'static str| {
            let admin = &admin;
            async move {
                let r = admin
                    .post("/api/v1/proposals", &json!({"title": title, "requested_by": shop}))
                    .await;
                assert_eq!(r.status(), 201);
                r.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
            }
        };

        // A proposal status the application does not know: not read as a draft.
        let id = proposal("Shelf labels").await;
        corrupt(&app, "proposals", "status", "drafty", id).await;
        let r = admin.get(&format!("/api/v1/proposals/{id}")).await;
        assert_eq!(r.status(), 500, "{:?}", r.text().await);
        let e = intercoop::proposals::data::get(&app.db().read, network, id)
            .await
            .unwrap_err();
        names_the_row(e, "ProposalStatus", "drafty", id);

        // A sharing key of another shape: not read as "equal" (which would change every share).
        let id = proposal("Deposits").await;
        let campaign = open(&admin, id, json!({"amount_cents": 40_000, "key": {"kind": "size"}})).await;
        let campaign_id = campaign["campaign"]["id"].as_i64().unwrap();
        common::pledge_ok(&admin, id, shop).await;
        common::pledge_ok(&admin, id, other).await;
        let shares = admin.json(&format!("/api/v1/proposals/{id}/shares")).await;
        assert_eq!(shares["shares"][0]["amount_cents"], 10_000);
        corrupt(&app, "campaigns", "sharing_key", r#"{"kind":"by_magic"}"#, campaign_id).await;
        let r = admin.get(&format!("/api/v1/proposals/{id}/shares")).await;
        assert_eq!(r.status(), 500, "{:?}", r.text().await);
        let e = intercoop::funding::campaign::of(&app.db().read, id).await.unwrap_err();
        names_the_row(e, "SharingKey", "by_magic", campaign_id);
        // An organisation's commitments are not shown as 0 either.
        let r = admin.get(&format!("/api/v1/commitments?organisation_id={shop}")).await;
        assert_eq!(r.status(), 500);

        // A voting method of another shape: not read as approval.
        let r = admin
            .post("/api/v1/polls", &json!({"title": "Budget 2027", "method": "decision"}))
            .await;
        assert_eq!(r.status(), 201);
        let poll = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        corrupt(&app, "polls", "method_params", r#"{"kind":"lottery"}"#, poll).await;
        let r = admin.get(&format!("/api/v1/polls/{poll}")).await;
        assert_eq!(r.status(), 500);
        let e = intercoop::polls::data::get(&app.db().read, network, poll)
            .await
            .unwrap_err();
        names_the_row(e, "Method", "lottery", poll);

        // A membership level of another word: not read as a member who votes.
        let membership: i64 = {
            use intercoop::entities::membership;
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            membership::Entity::find()
                .filter(membership::Column::OrganisationId.eq(other))
                .one(&app.db().read)
                .await
                .unwrap()
                .unwrap()
                .id
        };
        corrupt(&app, "memberships", "level", "boss", membership).await;
        let r = admin.get(&format!("/api/v1/organisations/{other}")).await;
        assert_eq!(r.status(), 500);
        let e = intercoop::organisations::data::get(&app.db().read, network, other)
            .await
            .unwrap_err();
        names_the_row(e, "Level", "boss", membership);
    }
);

both_backends!(
    a_draft_is_announced_when_published_never_when_dropped,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let author = app.organisation(&admin, "Épicerie Nord", "user", Some(100)).await;
        let runner = app.organisation(&admin, "Épicerie Sud", "user", Some(100)).await;
        let r = admin
            .patch(
                &format!("/api/v1/organisations/{runner}"),
                &json!({"software": ["Odoo 16"]}),
            )
            .await;
        assert_eq!(r.status(), 200);
        app.person("lea@sud.example", "Léa", Some(runner), true, false).await;
        let draft = |title: &'static str| {
            let admin = &admin;
            async move {
                let r = admin
                    .post(
                        "/api/v1/proposals",
                        &json!({"title": title, "requested_by": author, "software": "Odoo 16", "draft": true}),
                    )
                    .await;
                assert_eq!(r.status(), 201, "{:?}", r.text().await);
                r.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
            }
        };
        async fn posted(app: &TestApp) -> Vec<String> {
            app.mails_to("lea@sud.example")
                .await
                .into_iter()
                .filter(|m| m.kind.as_str() == "proposal_posted")
                .map(|m| m.subject)
                .collect()
        }
        // Drafts rejected or withdrawn before publication: nobody is told they were posted.
        let rejected = draft("Rejected draft").await;
        let withdrawn = draft("Withdrawn draft").await;
        for (id, to) in [(rejected, "rejected"), (withdrawn, "withdrawn")] {
            let r = admin
                .post(&format!("/api/v1/proposals/{id}/transition"), &json!({"to": to}))
                .await;
            assert_eq!(r.status(), 200, "{:?}", r.text().await);
        }
        app.run_jobs().await;
        assert_eq!(posted(&app).await, Vec::<String>::new());
        // A draft published is announced, once, however often it moves afterwards.
        let published = draft("Published draft").await;
        assert_eq!(posted(&app).await, Vec::<String>::new(), "not while a draft");
        let r = admin
            .post(
                &format!("/api/v1/proposals/{published}/transition"),
                &json!({"to": "discussion"}),
            )
            .await;
        assert_eq!(r.status(), 200);
        app.run_jobs().await;
        let told = posted(&app).await;
        assert_eq!(told.len(), 1, "{told:?}");
        assert!(told[0].contains("Published draft"));
    }
);

both_backends!(
    opening_a_campaign_from_a_quote_records_who_selected_it,
    |app: TestApp| async move {
        use intercoop::entities::audit_entry;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let admin_id = app.person("admin@test.example", "Ada Admin", None, false, true).await;
        let admin = app.api(&app.token_for(admin_id).await);
        let shop = app.organisation(&admin, "Épicerie Nord", "user", Some(100)).await;
        let dev = app.organisation(&admin, "Dev Coop", "provider", None).await;
        let r = admin
            .post(
                "/api/v1/proposals",
                &json!({"title": "Stock sync", "requested_by": shop}),
            )
            .await;
        let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        let r = admin
            .post(
                &format!("/api/v1/proposals/{id}/quotes"),
                &json!({"provider_id": dev, "amount_cents": 30_000}),
            )
            .await;
        let quote = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        // Opening from a quote nobody selected yet selects it: the administrator did.
        open(&admin, id, json!({"quote_id": quote, "key": {"kind": "equal"}})).await;
        let selected = audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("quote.select"))
            .filter(audit_entry::Column::EntityId.eq(id))
            .all(&app.db().read)
            .await
            .unwrap();
        assert_eq!(selected.len(), 1);
        assert_eq!(selected[0].actor_id, Some(admin_id), "not 'the assembly'");
    }
);

both_backends!(
    a_deadline_picked_on_the_page_is_that_day_where_the_network_is,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let shop = app.organisation(&admin, "Épicerie Nord", "user", Some(100)).await;
        let network = app.network_id().await;
        app.db()
            .write
            .execute_unprepared(&format!(
                "UPDATE networks SET time_zone = 'Pacific/Auckland' WHERE id = {network}"
            ))
            .await
            .unwrap();
        app.state().auth_cache.clear();
        let r = admin
            .post(
                "/api/v1/proposals",
                &json!({"title": "Stock sync", "requested_by": shop}),
            )
            .await;
        let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        let browser = app.client();
        app.login(&browser, "admin@test.example").await;
        let r = browser
            .form(
                &format!("/proposals/{id}/campaign"),
                &[("amount", "1000"), ("key", "equal"), ("deadline", "2027-03-10")],
            )
            .await;
        assert_eq!(r.status(), 303, "{:?}", r.text().await);
        let p = admin.json(&format!("/api/v1/proposals/{id}")).await;
        // 23:59:59 on 10 March in Auckland (UTC+13 in summer), not in UTC.
        assert_eq!(p["campaign"]["deadline"], "2027-03-10T10:59:59Z", "{p}");
    }
);

/// Deadlines hold at their instant: once a campaign's deadline or a poll's closing time
/// has passed, pledges, withdrawals, ballots and proxies are refused, whether or not the
/// job that closes it has run (here: no worker runs).
async fn deadlines_hold_at_their_instant(app: TestApp) {
    let admin = app.api(&app.admin_token().await);
    let shop = app.organisation(&admin, "Épicerie Nord", "user", Some(100)).await;
    let other = app.organisation(&admin, "Épicerie Sud", "user", Some(100)).await;
    let rep = app
        .person("rep@nord.example", "Rep Nord", Some(shop), true, false)
        .await;
    let rep = app.api(&app.token_for(rep).await);
    app.person("rep2@sud.example", "Rep Sud", Some(other), true, false)
        .await;
    let r = admin
        .post(
            "/api/v1/proposals",
            &json!({"title": "Stock sync", "requested_by": shop}),
        )
        .await;
    let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let now = app.at_server_time(async { intercoop::clock::now() }).await;
    let rfc = |t: time::OffsetDateTime| t.format(&time::format_description::well_known::Rfc3339).unwrap();
    let deadline = now + time::Duration::hours(2);
    open(
        &admin,
        id,
        json!({"amount_cents": 10_000, "key": {"kind": "equal"}, "deadline": rfc(deadline)}),
    )
    .await;
    let pledges = format!("/api/v1/proposals/{id}/pledges");
    assert_eq!(
        rep.post(&pledges, &json!({"organisation_id": shop})).await.status(),
        201
    );
    let r = admin
        .post(
            "/api/v1/polls",
            &json!({"title": "Budget", "method": "decision", "closes_at": rfc(deadline)}),
        )
        .await;
    let poll = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    assert_eq!(
        admin
            .post(&format!("/api/v1/polls/{poll}/open"), &json!({}))
            .await
            .status(),
        200
    );

    app.clock.set(deadline);
    // The campaign: no pledge, no withdrawal, though it still says open.
    let r = admin.post(&pledges, &json!({"organisation_id": other})).await;
    assert_eq!(r.status(), 409);
    let r = rep.delete(&format!("{pledges}?organisation_id={shop}")).await;
    assert_eq!(r.status(), 409);
    let shares = admin.json(&format!("/api/v1/proposals/{id}/shares")).await;
    assert_eq!(shares["shares"].as_array().unwrap().len(), 1, "{shares}");
    // The poll: no ballot, no proxy.
    let r = rep
        .post(
            &format!("/api/v1/polls/{poll}/ballots"),
            &json!({"organisation_id": shop, "choice": "yes"}),
        )
        .await;
    assert_eq!(r.status(), 422);
    let r = rep
        .post(
            &format!("/api/v1/polls/{poll}/proxies"),
            &json!({"organisation_id": shop, "holder_organisation_id": other}),
        )
        .await;
    assert_eq!(r.status(), 409);
    let p = admin.json(&format!("/api/v1/polls/{poll}")).await;
    assert_eq!(p["status"], "open", "no job ran: the instant alone refuses");
    // The pages stop inviting: no join button, the poll says voting is over, and the
    // dashboard asks nothing.
    let browser = app.client();
    app.login(&browser, "rep2@sud.example").await;
    let page = browser.text(&format!("/proposals/{id}")).await;
    assert!(!page.contains("/pledge\""), "{page}");
    assert!(page.contains("deadline passed"), "{page}");
    let page = browser.text(&format!("/polls/{poll}")).await;
    assert!(page.contains("Voting is over"), "{page}");
    let dash = browser.text("/dashboard").await;
    assert!(!dash.contains("Stock sync") && !dash.contains("Budget"), "{dash}");
    // A minute before, both were taken (the boundary is the instant itself).
    app.clock.set(deadline - time::Duration::minutes(1));
    let r = admin.post(&pledges, &json!({"organisation_id": other})).await;
    assert_eq!(r.status(), 201);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deadlines_hold_at_their_instant_on_sqlite() {
    deadlines_hold_at_their_instant(common::spawn_quiet(common::Backend::Sqlite).await.unwrap()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deadlines_hold_at_their_instant_on_postgres() {
    if std::env::var("TEST_DATABASE_URL").is_err() {
        assert!(
            std::env::var("CI").is_err(),
            "TEST_DATABASE_URL must point at PostgreSQL in CI"
        );
        return;
    }
    deadlines_hold_at_their_instant(common::spawn_quiet(common::Backend::Postgres).await.unwrap()).await;
}

both_backends!(
    a_poll_opens_at_its_time_and_never_with_its_closing_past,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let shop = app.organisation(&admin, "Épicerie Nord", "user", Some(100)).await;
        app.person("rep@nord.example", "Rep Nord", Some(shop), true, false)
            .await;
        let now = app.at_server_time(async { intercoop::clock::now() }).await;
        let rfc = |t: time::OffsetDateTime| t.format(&time::format_description::well_known::Rfc3339).unwrap();
        // A closing time already past (a typo in the year) is refused when creating.
        let r = admin
            .post(
                "/api/v1/polls",
                &json!({"title": "Budget", "method": "decision", "closes_at": "2026-01-01T10:00:00Z"}),
            )
            .await;
        assert_eq!(r.status(), 422);
        let p: Value = r.json().await.unwrap();
        assert_eq!(p["errors"][0]["field"], "closes_at", "{p}");
        // And when opening a draft whose closing time has passed since.
        let r = admin
            .post(
                "/api/v1/polls",
                &json!({"title": "Budget", "method": "decision", "closes_at": rfc(now + time::Duration::hours(1))}),
            )
            .await;
        let draft = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        app.clock.advance(time::Duration::hours(2));
        let r = admin.post(&format!("/api/v1/polls/{draft}/open"), &json!({})).await;
        assert_eq!(r.status(), 422);
        assert!(app.mails_to("rep@nord.example").await.is_empty(), "nobody told");
        // An opening time opens the poll then, by itself.
        let now = now + time::Duration::hours(2);
        let r = admin
            .post(
                "/api/v1/polls",
                &json!({"title": "Fee 2027", "method": "decision",
                    "opens_at": rfc(now + time::Duration::hours(1)),
                    "closes_at": rfc(now + time::Duration::days(7))}),
            )
            .await;
        assert_eq!(r.status(), 201);
        let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        app.run_jobs().await;
        assert_eq!(admin.json(&format!("/api/v1/polls/{id}")).await["status"], "draft");
        app.clock.advance(time::Duration::minutes(61));
        app.run_jobs().await;
        assert_eq!(admin.json(&format!("/api/v1/polls/{id}")).await["status"], "open");
        let mails = app.mails_to("rep@nord.example").await;
        assert_eq!(mails.iter().filter(|m| m.kind.as_str() == "poll_opened").count(), 1);
    }
);
