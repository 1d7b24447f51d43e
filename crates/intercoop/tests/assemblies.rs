//! Meetings end to end, on SQLite and PostgreSQL: scheduling through the API (with the
//! bad inputs refused and nothing stored), the `.ics` and the personal feed read by an
//! independent iCalendar parser (Python's `icalendar`), invitations, updates,
//! cancellations and reminders each sent once with their calendar, answers from the
//! email's link without logging in, attendance and the quorum.

mod common;

use common::TestApp;
use serde_json::{Value, json};

/// Parses iCalendar text with Python's `icalendar` and returns, per event, its UID,
/// SEQUENCE, STATUS, DTSTART (UTC) and the calendar's METHOD.
fn parse_ics(text: &str) -> Value {
    let script = r#"
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
out = {"method": str(cal.get("METHOD", "")), "events": []}
for e in cal.walk("VEVENT"):
    out["events"].append({"uid": str(e["UID"]), "sequence": int(e.get("SEQUENCE", 0)),
        "status": str(e.get("STATUS", "")), "start": e.decoded("DTSTART").isoformat(),
        "summary": str(e["SUMMARY"])})
print(json.dumps(out))
"#;
    use std::io::Write;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "icalendar refused:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The meetings' emails to an address (not the login links of the test's own logins).
async fn meeting_mails(app: &TestApp, address: &str) -> Vec<intercoop::entities::outbox_message::Model> {
    app.mails_to(address)
        .await
        .into_iter()
        .filter(|m| m.kind.0.as_str().starts_with("meeting_"))
        .collect()
}

async fn setup(app: &TestApp) -> (common::Api, i64, i64) {
    let admin = app.api(&app.admin_token().await);
    let org = app.organisation(&admin, "Coop Alpha", "user", Some(100)).await;
    let org2 = app.organisation(&admin, "Coop Beta", "user", Some(100)).await;
    let rep = app
        .person("rep@alpha.example", "Rita Rep", Some(org), true, false)
        .await;
    app.person("rep@beta.example", "Bert Rep", Some(org2), true, false)
        .await;
    (admin, org, rep)
}

both_backends!(bad_meetings_are_refused_and_nothing_stored, |app: TestApp| async move {
    let (admin, _, _) = setup(&app).await;
    let base = json!({"kind": "assembly", "title": "Assembly", "starts_at": "2030-01-08T19:00:00",
        "duration_minutes": 90, "time_zone": "Europe/Brussels"});
    let bad = [
        ("duration_minutes", json!(-30), "meeting-ends-before-start"),
        ("duration_minutes", json!(0), "meeting-ends-before-start"),
        (
            "recurrence",
            json!("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"),
            "meeting-recurrence-never",
        ),
        ("recurrence", json!("EVERY TUESDAY"), "meeting-recurrence-invalid"),
        ("reminders_minutes", json!([-60]), "meeting-reminder-after"),
        ("time_zone", json!("Mars/Olympus"), "meeting-time-zone"),
        ("kind", json!("party"), "meeting-kind"),
    ];
    for (field, value, code) in bad {
        let mut body = base.clone();
        body[field] = value;
        let r = admin.post("/api/v1/meetings", &body).await;
        assert_eq!(r.status(), 422, "{field}");
        let text = r.text().await.unwrap();
        assert!(text.contains(code) && text.contains(field), "{field}: {text}");
    }
    let list = admin.json("/api/v1/meetings").await;
    assert_eq!(list["total"], 0, "nothing stored");
    app.stop().await;
});

both_backends!(
    a_monthly_assembly_stays_at_19_00_brussels_across_dst,
    |app: TestApp| async move {
        let (admin, _, _) = setup(&app).await;
        let r = admin
            .post(
                "/api/v1/meetings",
                &json!({"kind": "assembly", "title": "Monthly assembly", "starts_at": "2099-01-06T19:00:00",
                "duration_minutes": 90, "time_zone": "Europe/Brussels", "recurrence": "FREQ=MONTHLY;BYDAY=1TU"}),
            )
            .await;
        assert_eq!(r.status(), 201);
        let m: Value = r.json().await.unwrap();
        assert_eq!(m["starts_at"], "2099-01-06T18:00:00Z");
        let occ = m["occurrences"].as_array().unwrap();
        assert_eq!(occ.len(), 12, "a year ahead: {m}");
        // April is summer time: 19:00 in Brussels is 17:00 UTC.
        let april = admin.json(&format!("/api/v1/meetings/{}", occ[2])).await;
        assert_eq!(april["starts_at"], "2099-04-07T17:00:00Z");
        assert_ne!(april["uid"], m["uid"], "each occurrence has its own UID");
        app.stop().await;
    }
);

both_backends!(an_assembly_from_invitation_to_quorum, |app: TestApp| async move {
    let (admin, org, rep) = setup(&app).await;
    // The meeting is 10 days ahead: invited at once, reminded 7 days and 1 day before.
    let now = app.at_server_time(async { intercoop::clock::now() }).await;
    let start = now + time::Duration::days(10);
    let local = start
        .to_offset(time::UtcOffset::UTC)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let r = admin
        .post(
            "/api/v1/meetings",
            &json!({"kind": "assembly", "title": "June assembly", "starts_at": local,
                "duration_minutes": 90, "place": "Maison des coopératives",
                "agenda": [{"text": "Welcome"}]}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let m: Value = r.json().await.unwrap();
    let id = m["id"].as_i64().unwrap();
    let uid = m["uid"].as_str().unwrap().to_string();

    // The invitation, with its METHOD:REQUEST calendar, once.
    let mails = meeting_mails(&app, "rep@alpha.example").await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    let cal = mails[0].calendar.clone().expect("a calendar");
    let parsed = parse_ics(&cal);
    assert_eq!(parsed["method"], "REQUEST");
    assert_eq!(parsed["events"][0]["uid"], uid.as_str());
    assert_eq!(parsed["events"][0]["sequence"], 0);
    assert!(
        mails[0].text_body.contains("/meetings/answer/"),
        "{}",
        mails[0].text_body
    );
    assert_eq!(meeting_mails(&app, "rep@beta.example").await.len(), 1);

    // The .ics download and the personal feed, read by another parser.
    let web = app.client();
    app.login(&web, "rep@alpha.example").await;
    let r = web.get(&format!("/meetings/{id}.ics")).await;
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let one = parse_ics(&r.text().await.unwrap());
    assert_eq!(one["events"][0]["uid"], uid.as_str());
    assert_eq!(one["events"][0]["summary"], "June assembly");
    let rep_api = app.api(&app.token_for(rep).await);
    let feed: Value = rep_api
        .post("/api/v1/me/calendar-feed", &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let path = feed["url"].as_str().unwrap().replace(&app.base, "");
    let anonymous = app.client();
    let r = anonymous.get(&path).await;
    assert_eq!(r.status(), 200, "the feed needs no login");
    let all = parse_ics(&r.text().await.unwrap());
    assert_eq!(all["events"].as_array().unwrap().len(), 1);
    assert_eq!(all["events"][0]["uid"], uid.as_str());
    // A new address stops the old one.
    let renewed: Value = rep_api
        .post("/api/v1/me/calendar-feed", &json!({}))
        .await
        .json()
        .await
        .unwrap();
    let second = renewed["url"].as_str().unwrap().replace(&app.base, "");
    assert_ne!(second, path);
    assert_eq!(anonymous.get(&path).await.status(), 404);
    assert_eq!(anonymous.get(&second).await.status(), 200);

    // Answering from the email's link, without logging in: a GET answers nothing.
    let link = mails[0]
        .text_body
        .lines()
        .find(|l| l.contains("/meetings/answer/"))
        .unwrap()
        .trim()
        .replace(&app.base, "");
    assert_eq!(anonymous.get(&link).await.status(), 200);
    let att = admin.json(&format!("/api/v1/meetings/{id}/attendance")).await;
    assert_eq!(att["answers"]["yes"], 0);
    let r = anonymous.form(&link, &[("answer", "yes")]).await;
    assert_eq!(r.status(), 200);
    let att = admin.json(&format!("/api/v1/meetings/{id}/attendance")).await;
    assert_eq!(att["answers"]["yes"], 1);

    // An update reaches calendars as such: same UID, a higher SEQUENCE; once.
    let r = admin
        .patch(&format!("/api/v1/meetings/{id}"), &json!({"place": "Salle 2"}))
        .await;
    assert_eq!(r.status(), 200);
    let mails = meeting_mails(&app, "rep@alpha.example").await;
    assert_eq!(
        mails.len(),
        2,
        "{:?}",
        mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    let upd = parse_ics(mails[1].calendar.as_deref().unwrap());
    assert_eq!(upd["method"], "REQUEST");
    assert_eq!(upd["events"][0]["uid"], uid.as_str());
    assert_eq!(upd["events"][0]["sequence"], 1);

    // Reminders: 7 days before (3 days from now) and 1 day before, each once.
    app.clock.advance(time::Duration::days(3) + time::Duration::minutes(1));
    app.run_jobs().await;
    app.run_jobs().await;
    let mails = meeting_mails(&app, "rep@alpha.example").await;
    assert_eq!(
        mails.len(),
        3,
        "{:?}",
        mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    assert_eq!(mails[2].kind.0, intercoop::notifications::Kind::MeetingReminder);
    app.clock.advance(time::Duration::days(6));
    app.run_jobs().await;
    app.run_jobs().await;
    assert_eq!(meeting_mails(&app, "rep@alpha.example").await.len(), 4);

    // During the meeting: attendance and the quorum (1 of 2 member organisations: 50 %).
    app.clock.advance(time::Duration::days(1));
    let r = admin
        .put(&format!("/api/v1/meetings/{id}/attendance"), &json!({"present": [rep]}))
        .await;
    assert_eq!(r.status(), 200);
    let att: Value = r.json().await.unwrap();
    assert_eq!(att["quorum"]["organisations_present"], 1);
    assert_eq!(att["quorum"]["members"], 2);
    assert_eq!(att["quorum"]["met"], true);
    // The start holds at its instant: no answer, no change, no cancellation.
    assert_eq!(anonymous.form(&link, &[("answer", "no")]).await.status(), 409);
    assert_eq!(
        admin
            .post(&format!("/api/v1/meetings/{id}/cancel"), &json!({}))
            .await
            .status(),
        409
    );
    let _ = org;
    app.stop().await;
});

both_backends!(a_cancellation_reaches_calendars_once, |app: TestApp| async move {
    let (admin, _, _) = setup(&app).await;
    let now = app.at_server_time(async { intercoop::clock::now() }).await;
    let start = (now + time::Duration::days(5))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let m: Value = admin
        .post(
            "/api/v1/meetings",
            &json!({"kind": "assembly", "title": "Short notice", "starts_at": start, "duration_minutes": 60}),
        )
        .await
        .json()
        .await
        .unwrap();
    let id = m["id"].as_i64().unwrap();
    assert_eq!(meeting_mails(&app, "rep@alpha.example").await.len(), 1);
    assert_eq!(
        admin
            .post(&format!("/api/v1/meetings/{id}/cancel"), &json!({}))
            .await
            .status(),
        200
    );
    assert_eq!(
        admin
            .post(&format!("/api/v1/meetings/{id}/cancel"), &json!({}))
            .await
            .status(),
        409
    );
    let mails = meeting_mails(&app, "rep@alpha.example").await;
    assert_eq!(
        mails.len(),
        2,
        "{:?}",
        mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    let c = parse_ics(mails[1].calendar.as_deref().unwrap());
    assert_eq!(c["method"], "CANCEL");
    assert_eq!(c["events"][0]["status"], "CANCELLED");
    assert_eq!(c["events"][0]["uid"], m["uid"]);
    // The reminders of a cancelled meeting never go.
    app.clock.advance(time::Duration::days(5));
    app.run_jobs().await;
    assert_eq!(meeting_mails(&app, "rep@alpha.example").await.len(), 2);
    app.stop().await;
});

/// Every email of a kind to an address.
async fn mails_of(app: &TestApp, address: &str, kind: &str) -> Vec<intercoop::entities::outbox_message::Model> {
    app.mails_to(address)
        .await
        .into_iter()
        .filter(|m| m.kind.0.as_str() == kind)
        .collect()
}

both_backends!(
    an_assembly_decides_a_proposal_through_a_poll_and_publishes_its_minutes,
    |app: TestApp| async move {
        let (admin, org, rep) = setup(&app).await;
        let org2 = admin.json("/api/v1/organisations?q=beta").await["items"][0]["id"]
            .as_i64()
            .unwrap();
        let rep_api = app.api(&app.token_for(rep).await);
        // A proposal and the poll that decides it, both on the agenda.
        let proposal = admin
            .post(
                "/api/v1/proposals",
                &json!({"title": "Shared label printer", "description": "A need.", "requested_by": org}),
            )
            .await
            .json::<Value>()
            .await
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let poll = admin
            .post(
                "/api/v1/polls",
                &json!({"title": "Set the printer aside?", "method": "decision", "proposal_id": proposal,
                    "effect": {"kind": "reject"}}),
            )
            .await
            .json::<Value>()
            .await
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let now = app.at_server_time(async { intercoop::clock::now() }).await;
        let start = (now + time::Duration::days(10))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let r = admin
            .post(
                "/api/v1/meetings",
                &json!({"kind": "assembly", "title": "October assembly", "starts_at": start,
                    "duration_minutes": 90, "agenda": [{"proposal_id": proposal}, {"poll_id": poll}]}),
            )
            .await;
        assert_eq!(r.status(), 201);
        let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        assert_eq!(meeting_mails(&app, "rep@alpha.example").await.len(), 1, "invited");

        // Minutes are written ahead, but published only once the meeting has begun.
        let minutes = format!("/api/v1/meetings/{id}/minutes");
        let r = admin
            .put(
                &minutes,
                &json!({"markdown": "**Present**: Alpha.\n\n<script>alert(1)</script>\n\nThe printer is set aside."}),
            )
            .await;
        assert_eq!(r.status(), 200);
        let m: Value = r.json().await.unwrap();
        assert_eq!(m["status"], "draft");
        let html = m["html"].as_str().unwrap();
        assert!(
            html.contains("<strong>Present</strong>") && !html.contains("<script"),
            "sanitized: {html}"
        );
        let r = admin.post(&format!("{minutes}/publish"), &json!({})).await;
        assert_eq!(r.status(), 409);
        assert!(r.text().await.unwrap().contains("minutes-before-meeting"));
        // A draft is the facilitators': others see its status only, and may not write.
        let seen = rep_api.json(&minutes).await;
        assert_eq!(
            (seen["status"].as_str(), seen["markdown"].as_str()),
            (Some("draft"), Some(""))
        );
        assert_eq!(rep_api.put(&minutes, &json!({"markdown": "x"})).await.status(), 403);

        // The meeting: attendance and the quorum, then the poll voted there and then.
        app.clock.advance(time::Duration::days(10) + time::Duration::minutes(5));
        let att: Value = admin
            .put(&format!("/api/v1/meetings/{id}/attendance"), &json!({"present": [rep]}))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(att["quorum"]["organisations_present"], 1);
        assert_eq!(att["quorum"]["met"], true);
        assert_eq!(
            admin
                .post(&format!("/api/v1/polls/{poll}/open"), &json!({}))
                .await
                .status(),
            200
        );
        for o in [org, org2] {
            let r = admin
                .post(
                    &format!("/api/v1/polls/{poll}/ballots"),
                    &json!({"organisation_id": o, "choice": "yes"}),
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
        assert_eq!(result["passed"], true);
        app.settle_jobs().await;
        let p = admin.json(&format!("/api/v1/proposals/{proposal}")).await;
        assert_eq!(p["status"], "rejected");
        let event = p["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["to_status"] == "rejected")
            .expect("the transition")["id"]
            .as_i64()
            .unwrap();

        // Bad decisions are refused, on their field, and nothing is stored.
        let decisions = format!("/api/v1/meetings/{id}/decisions");
        for (body, field, code) in [
            (json!({"text": "  "}), "text", "decision-text-empty"),
            (
                json!({"text": "x", "poll_id": 999_999}),
                "poll_id",
                "decision-poll-unknown",
            ),
            (
                json!({"text": "x", "proposal_event_id": 999_999}),
                "proposal_event_id",
                "decision-transition-unknown",
            ),
        ] {
            let r = admin.post(&decisions, &body).await;
            assert_eq!(r.status(), 422, "{body}");
            let text = r.text().await.unwrap();
            assert!(text.contains(field) && text.contains(code), "{body}: {text}");
        }
        assert_eq!(admin.json(&minutes).await["decisions"], json!([]), "nothing stored");

        // The decision, linked to the poll and the proposal's transition it made.
        let r = admin
            .post(
                &decisions,
                &json!({"text": "The label printer is set aside.", "poll_id": poll, "proposal_event_id": event}),
            )
            .await;
        assert_eq!(r.status(), 201);
        let d: Value = r.json().await.unwrap();
        assert_eq!(d["poll_title"], "Set the printer aside?");
        assert_eq!(
            (d["proposal_id"].as_i64(), d["to_status"].as_str()),
            (Some(proposal), Some("rejected"))
        );
        // One recorded by mistake, removed.
        let wrong: Value = admin
            .post(&decisions, &json!({"text": "Wrong"}))
            .await
            .json()
            .await
            .unwrap();
        let r = admin.delete(&format!("{decisions}/{}", wrong["id"])).await;
        assert_eq!(r.status(), 200);
        assert_eq!(
            r.json::<Value>().await.unwrap()["decisions"].as_array().unwrap().len(),
            1
        );
        // Unpublished decisions are not the network's yet.
        assert_eq!(rep_api.json("/api/v1/decisions").await["total"], 0);

        // Approved and published: everyone is told once; nothing changes any more.
        let r = admin.post(&format!("{minutes}/publish"), &json!({})).await;
        assert_eq!(r.status(), 200);
        let m: Value = r.json().await.unwrap();
        assert_eq!(m["status"], "published");
        assert!(m["published_at"].is_string());
        assert_eq!(
            admin.post(&format!("{minutes}/publish"), &json!({})).await.status(),
            409
        );
        assert_eq!(admin.put(&minutes, &json!({"markdown": "changed"})).await.status(), 409);
        assert_eq!(admin.post(&decisions, &json!({"text": "late"})).await.status(), 409);
        app.settle_jobs().await;
        for address in ["rep@alpha.example", "rep@beta.example", "admin@test.example"] {
            let mails = mails_of(&app, address, "minutes_published").await;
            assert_eq!(mails.len(), 1, "{address}");
            assert!(mails[0].subject.contains("October assembly"), "{}", mails[0].subject);
        }
        let seen = rep_api.json(&minutes).await;
        assert_eq!(seen["decisions"][0]["text"], "The label printer is set aside.");

        // The network's decisions, searchable; another network sees none of them.
        let found = rep_api.json("/api/v1/decisions?q=PRINTER").await;
        assert_eq!(found["total"], 1, "{found}");
        assert_eq!(found["items"][0]["meeting_id"], id);
        assert_eq!(rep_api.json("/api/v1/decisions?q=budget").await["total"], 0);
        let other = app.other_network_admin().await;
        assert_eq!(other.json("/api/v1/decisions").await["total"], 0);
        assert_eq!(other.get(&minutes).await.status(), 404);

        // The pages: the meeting shows its minutes and decisions; the list finds them.
        let web = app.client();
        app.login(&web, "rep@alpha.example").await;
        let page = web.text(&format!("/meetings/{id}")).await;
        assert!(
            page.contains("<strong>Present</strong>") && page.contains("The label printer is set aside."),
            "{page}"
        );
        let list = web.text("/decisions?q=printer").await;
        assert!(list.contains("The label printer is set aside.") && list.contains("Set the printer aside?"));
        assert_eq!(web.get(&format!("/meetings/{id}/minutes")).await.status(), 403);
        app.stop().await;
    }
);

both_backends!(
    minutes_are_written_and_published_from_the_pages,
    |app: TestApp| async move {
        let (admin, _, _) = setup(&app).await;
        let now = app.at_server_time(async { intercoop::clock::now() }).await;
        let start = (now + time::Duration::days(2))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let id = admin
            .post(
                "/api/v1/meetings",
                &json!({"kind": "assembly", "title": "Phone minutes", "starts_at": start, "duration_minutes": 60}),
            )
            .await
            .json::<Value>()
            .await
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let web = app.client();
        app.login(&web, "admin@test.example").await;
        let form = web.text(&format!("/meetings/{id}/minutes")).await;
        assert!(form.contains("name=\"markdown\""), "{form}");
        // Bad input is shown beside its field, and nothing is stored.
        let r = web
            .form(&format!("/meetings/{id}/decisions"), &[("text", " "), ("made_by", "")])
            .await;
        assert_eq!(r.status(), 422);
        assert_eq!(
            admin.json(&format!("/api/v1/meetings/{id}/minutes")).await["decisions"],
            json!([])
        );
        let r = web
            .form(
                &format!("/meetings/{id}/minutes"),
                &[("markdown", "# Minutes\n\nAll agreed.")],
            )
            .await;
        assert_eq!(r.status(), 303);
        let r = web
            .form(
                &format!("/meetings/{id}/decisions"),
                &[("text", "Budget approved."), ("made_by", "")],
            )
            .await;
        assert_eq!(r.status(), 303);
        // Not before the meeting: the page says why instead of offering the button.
        let form = web.text(&format!("/meetings/{id}/minutes")).await;
        assert!(!form.contains("/minutes/publish"), "{form}");
        app.clock.advance(time::Duration::days(2) + time::Duration::minutes(1));
        let form = web.text(&format!("/meetings/{id}/minutes")).await;
        assert!(form.contains("/minutes/publish"), "{form}");
        // Held, its minutes not published: on the facilitator's dashboard.
        let dash = web.text("/dashboard").await;
        assert!(dash.contains(&format!("/meetings/{id}/minutes")), "{dash}");
        let r = web.form(&format!("/meetings/{id}/minutes/publish"), &[]).await;
        assert_eq!(r.status(), 303);
        let m = admin.json(&format!("/api/v1/meetings/{id}/minutes")).await;
        assert_eq!(m["status"], "published");
        assert_eq!(m["decisions"][0]["text"], "Budget approved.");
        let page = web.text(&format!("/meetings/{id}")).await;
        assert!(page.contains("All agreed.") && page.contains("Budget approved."));
        let dash = web.text("/dashboard").await;
        assert!(
            !dash.contains(&format!("/meetings/{id}/minutes")),
            "published: off the dashboard"
        );
        app.settle_jobs().await;
        assert_eq!(mails_of(&app, "rep@alpha.example", "minutes_published").await.len(), 1);
        app.stop().await;
    }
);

both_backends!(
    proxies_count_in_the_quorum_and_their_rules_hold,
    |app: TestApp| async move {
        let (admin, alpha, rep_alpha) = setup(&app).await;
        let beta = admin.json("/api/v1/organisations?q=beta").await["items"][0]["id"]
            .as_i64()
            .unwrap();
        let gamma = app.organisation(&admin, "Coop Gamma", "user", Some(50)).await;
        let r = admin
            .post(
                "/api/v1/organisations",
                &json!({"name": "Coop Delta", "kind": "user", "status": "candidate"}),
            )
            .await;
        assert_eq!(r.status(), 201);
        let delta = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        let rep_beta = admin.json("/api/v1/people?q=bert").await["items"][0]["id"]
            .as_i64()
            .unwrap();
        let now = app.at_server_time(async { intercoop::clock::now() }).await;
        let start = (now + time::Duration::hours(2))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let m: Value = admin
            .post(
                "/api/v1/meetings",
                &json!({"kind": "assembly", "title": "Proxy assembly", "starts_at": start, "duration_minutes": 90}),
            )
            .await
            .json()
            .await
            .unwrap();
        let id = m["id"].as_i64().unwrap();
        let path = format!("/api/v1/meetings/{id}/proxies");
        let beta_api = app.api(&app.token_for(rep_beta).await);
        let alpha_api = app.api(&app.token_for(rep_alpha).await);

        // Beta's representative gives Beta's proxy to Alpha.
        let r = beta_api
            .post(
                &path,
                &json!({"organisation_id": beta, "holder_organisation_id": alpha}),
            )
            .await;
        assert_eq!(r.status(), 201);
        let p: Value = r.json().await.unwrap();
        assert_eq!(p["holder_name"], "Coop Alpha");

        // Refused, each with its reason, nothing stored.
        let refused = [
            (&beta_api, beta, beta, 422, "meeting-proxy-self"),
            (&admin, gamma, beta, 422, "meeting-proxy-holder-gave"),
            (&alpha_api, alpha, gamma, 409, "meeting-proxy-chain"),
            (&admin, gamma, alpha, 409, "meeting-proxy-limit"),
            (&admin, gamma, delta, 422, "meeting-proxy-member"),
            (&admin, delta, gamma, 422, "meeting-proxy-member"),
            (&alpha_api, beta, gamma, 403, ""),
        ];
        for (api, giver, holder, status, code) in refused {
            let r = api
                .post(
                    &path,
                    &json!({"organisation_id": giver, "holder_organisation_id": holder}),
                )
                .await;
            assert_eq!(r.status(), status, "{giver} → {holder}");
            let text = r.text().await.unwrap();
            assert!(text.contains(code), "{giver} → {holder}: {text}");
        }
        let att = admin.json(&format!("/api/v1/meetings/{id}/attendance")).await;
        assert_eq!(att["proxies"].as_array().unwrap().len(), 1, "{att}");

        // Alpha present: Alpha and Beta count, 2 of 3 members (Delta is a candidate).
        let r = admin
            .put(
                &format!("/api/v1/meetings/{id}/attendance"),
                &json!({"present": [rep_alpha]}),
            )
            .await;
        assert_eq!(r.status(), 200);
        let att: Value = r.json().await.unwrap();
        assert_eq!(att["quorum"]["members"], 3);
        assert_eq!(att["quorum"]["organisations_present"], 1);
        assert_eq!(att["quorum"]["organisations_represented"], 1);
        assert_eq!(att["quorum"]["organisations_counted"], 2);
        assert_eq!(att["quorum"]["met"], true, "{att}");

        // The page: Beta's representative sees the proxy, a bad holder is refused beside
        // its field, then withdraws it; the quorum falls back.
        let web = app.client();
        app.login(&web, "rep@beta.example").await;
        let page = web.text(&format!("/meetings/{id}")).await;
        assert!(page.contains(&format!("href=\"/meetings/{id}/proxy\"")), "{page}");
        let page = web.text(&format!("/meetings/{id}/proxy")).await;
        assert!(
            page.contains("Coop Alpha") && page.contains("/proxy/withdraw"),
            "{page}"
        );
        let r = web
            .form(
                &format!("/meetings/{id}/proxy"),
                &[
                    ("organisation_id", &beta.to_string()),
                    ("holder_organisation_id", &beta.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("class=\"error\""));
        let r = web
            .form(
                &format!("/meetings/{id}/proxy/withdraw"),
                &[("organisation_id", &beta.to_string())],
            )
            .await;
        assert_eq!(r.status(), 303);
        let att = admin.json(&format!("/api/v1/meetings/{id}/attendance")).await;
        assert_eq!(att["quorum"]["organisations_counted"], 1);
        assert_eq!(att["quorum"]["met"], false, "{att}");
        let page = web.text(&format!("/meetings/{id}/proxy")).await;
        assert!(!page.contains("/proxy/withdraw"), "{page}");

        // Once the meeting has ended, proxies no longer change; an event takes none.
        app.clock.advance(time::Duration::hours(4));
        let r = beta_api
            .post(
                &path,
                &json!({"organisation_id": beta, "holder_organisation_id": alpha}),
            )
            .await;
        assert_eq!(r.status(), 409);
        assert!(r.text().await.unwrap().contains("meeting-proxy-closed"));
        let now = app.at_server_time(async { intercoop::clock::now() }).await;
        let start = (now + time::Duration::days(3))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let event: Value = admin
            .post(
                "/api/v1/meetings",
                &json!({"kind": "event", "title": "Hackathon", "starts_at": start, "duration_minutes": 90}),
            )
            .await
            .json()
            .await
            .unwrap();
        let r = beta_api
            .post(
                &format!("/api/v1/meetings/{}/proxies", event["id"]),
                &json!({"organisation_id": beta, "holder_organisation_id": alpha}),
            )
            .await;
        assert_eq!(r.status(), 409);
        assert!(r.text().await.unwrap().contains("meeting-proxy-kind"));
        app.stop().await;
    }
);

both_backends!(
    an_event_fills_its_places_then_a_waiting_list_promoted_on_withdrawal,
    |app: TestApp| async move {
        let (admin, _, _) = setup(&app).await;
        let now = app.at_server_time(async { intercoop::clock::now() }).await;
        let start = (now + time::Duration::days(40))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let event = json!({"kind": "event", "title": "Hackathon", "starts_at": start, "duration_minutes": 480});
        // Bad capacities: refused, nothing stored.
        for (kind, capacity, code) in [
            ("event", json!(0), "meeting-capacity"),
            ("event", json!(100_001), "meeting-capacity"),
            ("assembly", json!(10), "meeting-capacity-kind"),
        ] {
            let mut body = event.clone();
            body["kind"] = json!(kind);
            body["capacity"] = capacity;
            let r = admin.post("/api/v1/meetings", &body).await;
            assert_eq!(r.status(), 422);
            assert!(r.text().await.unwrap().contains(code), "{code}");
        }
        assert_eq!(admin.json("/api/v1/meetings").await["total"], 0);
        let mut body = event.clone();
        body["capacity"] = json!(2);
        let m: Value = admin.post("/api/v1/meetings", &body).await.json().await.unwrap();
        assert_eq!(m["capacity"], 2);
        let id = m["id"].as_i64().unwrap();
        let reg = format!("/api/v1/meetings/{id}/registration");
        let mut apis = Vec::new();
        for n in 1..=4 {
            let p = app
                .person(
                    &format!("p{n}@event.example"),
                    &format!("Person {n}"),
                    None,
                    false,
                    false,
                )
                .await;
            apis.push(app.api(&app.token_for(p).await));
        }
        let mut seen = Vec::new();
        for api in &apis {
            let r = api.put(&reg, &json!({})).await;
            assert_eq!(r.status(), 200);
            let v: Value = r.json().await.unwrap();
            seen.push((v["status"].as_str().unwrap().to_string(), v["position"].clone()));
        }
        assert_eq!(
            seen,
            vec![
                ("registered".into(), Value::Null),
                ("registered".into(), Value::Null),
                ("waiting".into(), json!(1)),
                ("waiting".into(), json!(2)),
            ]
        );
        // Registering again changes nothing.
        let v: Value = apis[3].put(&reg, &json!({})).await.json().await.unwrap();
        assert_eq!(
            (v["status"].as_str(), v["position"].as_i64()),
            (Some("waiting"), Some(2))
        );
        assert_eq!(v["places_left"], 0);

        // The first registered withdraws: the first waiting gets the place at that write,
        // and one email.
        let r = apis[0].delete(&reg).await;
        assert_eq!(r.status(), 200);
        assert_eq!(apis[0].delete(&reg).await.status(), 404);
        let v = apis[2].json(&reg).await;
        assert_eq!(v["status"], "registered", "{v}");
        let v = apis[3].json(&reg).await;
        assert_eq!(v["position"], 1, "{v}");
        let place = |n: usize| {
            let app = &app;
            async move {
                app.mails_to(&format!("p{n}@event.example"))
                    .await
                    .into_iter()
                    .filter(|m| m.kind.0.as_str() == "meeting_place")
                    .count()
            }
        };
        assert_eq!(place(3).await, 1);
        assert_eq!(place(4).await, 0);

        // Fewer places than registered: refused; more: the next waiting is promoted.
        let r = admin
            .patch(&format!("/api/v1/meetings/{id}"), &json!({"capacity": 1}))
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("meeting-capacity-below"));
        let r = admin
            .patch(&format!("/api/v1/meetings/{id}"), &json!({"capacity": 3}))
            .await;
        assert_eq!(r.status(), 200);
        assert_eq!(apis[3].json(&reg).await["status"], "registered");
        assert_eq!(place(4).await, 1);
        assert_eq!(place(3).await, 1, "told once");

        // The page: places left and one's position, and the buttons.
        let web = app.client();
        app.login(&web, "p1@event.example").await;
        let page = web.text(&format!("/meetings/{id}")).await;
        assert!(page.contains("id=\"registration\""), "{page}");
        let r = web.form(&format!("/meetings/{id}/register"), &[]).await;
        assert_eq!(r.status(), 303);
        let page = web.text(&format!("/meetings/{id}")).await;
        assert!(page.contains(&format!("/meetings/{id}/register/withdraw")), "{page}");
        // All three places are taken: the page's registration is a place in the queue.
        let v = apis[0].json(&reg).await;
        assert_eq!(
            (v["status"].as_str(), v["position"].as_i64()),
            (Some("waiting"), Some(1))
        );
        assert_eq!(v["places_left"], 0);
        // An assembly takes no registrations.
        let r = admin
            .post(
                "/api/v1/meetings",
                &json!({"kind": "assembly", "title": "A", "starts_at": start, "duration_minutes": 60}),
            )
            .await;
        let assembly = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        let r = apis[0]
            .put(&format!("/api/v1/meetings/{assembly}/registration"), &json!({}))
            .await;
        assert_eq!(r.status(), 409);
        app.stop().await;
    }
);

both_backends!(
    two_registrations_for_the_last_place_give_it_once,
    |app: TestApp| async move {
        let (admin, _, _) = setup(&app).await;
        let now = app.at_server_time(async { intercoop::clock::now() }).await;
        let start = (now + time::Duration::days(40))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        for round in 0..5 {
            let m: Value = admin
                .post(
                    "/api/v1/meetings",
                    &json!({"kind": "event", "title": format!("Workshop {round}"), "starts_at": start,
                        "duration_minutes": 120, "capacity": 1}),
                )
                .await
                .json()
                .await
                .unwrap();
            let reg = format!("/api/v1/meetings/{}/registration", m["id"]);
            let a = app
                .person(&format!("a{round}@event.example"), "A", None, false, false)
                .await;
            let b = app
                .person(&format!("b{round}@event.example"), "B", None, false, false)
                .await;
            let (a, b) = (app.api(&app.token_for(a).await), app.api(&app.token_for(b).await));
            let empty = json!({});
            let (ra, rb) = tokio::join!(a.put(&reg, &empty), b.put(&reg, &empty));
            assert_eq!((ra.status().as_u16(), rb.status().as_u16()), (200, 200));
            let (va, vb): (Value, Value) = (ra.json().await.unwrap(), rb.json().await.unwrap());
            let mut statuses = [va["status"].as_str().unwrap(), vb["status"].as_str().unwrap()];
            statuses.sort_unstable();
            assert_eq!(statuses, ["registered", "waiting"], "{va} {vb}");
            let v = admin.json(&reg).await;
            assert_eq!((v["registered"].as_i64(), v["waiting"].as_i64()), (Some(1), Some(1)));
        }
        app.stop().await;
    }
);

both_backends!(
    the_quorum_counts_only_sitting_representatives_of_members,
    |app: TestApp| async move {
        // Present in the attendance, but none of them sits for a member organisation: a
        // disabled representative, a representative whose mandate has ended (a new one
        // sits, absent), the representative of a candidate organisation, and a person of no
        // organisation. The quorum counts the organisations of those invited as
        // representatives, and the two agree.
        use sea_orm::{ConnectionTrait, EntityTrait};
        let (admin, _alpha, rep_alpha) = setup(&app).await;
        let gamma = app.organisation(&admin, "Coop Gamma", "user", Some(50)).await;
        let gail = app
            .person("rep@gamma.example", "Gail Rep", Some(gamma), true, false)
            .await;
        let epsilon = app.organisation(&admin, "Coop Epsilon", "user", Some(50)).await;
        let ed = app
            .person("ed@epsilon.example", "Ed Former", Some(epsilon), true, false)
            .await;
        let eve = app
            .person("eve@epsilon.example", "Eve Rep", Some(epsilon), true, false)
            .await;
        let r = admin
            .post(
                "/api/v1/organisations",
                &json!({"name": "Coop Delta", "kind": "user", "status": "candidate"}),
            )
            .await;
        assert_eq!(r.status(), 201);
        let delta = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        let dan = app
            .person("rep@delta.example", "Dan Rep", Some(delta), true, false)
            .await;
        let nobody = app.person("nobody@example.org", "No Org", None, false, false).await;
        app.db()
            .write
            .execute_unprepared(&format!("UPDATE people SET disabled = TRUE WHERE id = {gail}"))
            .await
            .unwrap();
        let now = app.at_server_time(async { intercoop::clock::now() }).await;
        let start = (now + time::Duration::hours(2))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let m: Value = admin
            .post(
                "/api/v1/meetings",
                &json!({"kind": "assembly", "title": "Who counts", "starts_at": start, "duration_minutes": 90}),
            )
            .await
            .json()
            .await
            .unwrap();
        let id = m["id"].as_i64().unwrap();
        let meeting = intercoop::assemblies::entities::meeting::Entity::find_by_id(id)
            .one(&app.db().read)
            .await
            .unwrap()
            .unwrap();
        let invited = intercoop::assemblies::notifications::invited(&app.db().read, &meeting)
            .await
            .unwrap();
        assert!(invited.contains(&rep_alpha) && invited.contains(&eve), "{invited:?}");
        for p in [gail, ed, dan, nobody] {
            assert!(!invited.contains(&p), "{p} is not invited: {invited:?}");
        }
        let r = admin
            .put(
                &format!("/api/v1/meetings/{id}/attendance"),
                &json!({"present": [gail, ed, dan, nobody]}),
            )
            .await;
        assert_eq!(r.status(), 200);
        let att: Value = r.json().await.unwrap();
        assert_eq!(att["answers"]["present"], 4, "{att}");
        assert_eq!(att["quorum"]["members"], 4, "{att}");
        assert_eq!(att["quorum"]["organisations_present"], 0, "{att}");
        // The one sitting representative present counts her organisation, once.
        let r = admin
            .put(
                &format!("/api/v1/meetings/{id}/attendance"),
                &json!({"present": [gail, ed, dan, nobody, rep_alpha]}),
            )
            .await;
        let att: Value = r.json().await.unwrap();
        assert_eq!(att["quorum"]["organisations_present"], 1, "{att}");
        assert_eq!(att["quorum"]["organisations_counted"], 1, "{att}");
        app.stop().await;
    }
);
