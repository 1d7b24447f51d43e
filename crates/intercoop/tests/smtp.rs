//! Email through a real SMTP server on loopback (Python's aiosmtpd, from PyPI):
//! the message arrives once, with a text and an HTML body, in the recipient's language;
//! the welcome email carries the booklet as a PDF.

mod common;

use common::{Backend, spawn_with};
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct SmtpServer {
    child: Child,
    port: u16,
    maildir: tempfile::TempDir,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits for `n` messages in the Maildir.
async fn wait_for(smtp: &SmtpServer, n: usize) -> Vec<Value> {
    let mut messages = Vec::new();
    for _ in 0..200 {
        messages = read_maildir(&smtp.maildir.path().join("mail"));
        if messages.len() >= n {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    messages
}

async fn start_smtp() -> Option<SmtpServer> {
    let available = Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !available {
        if std::env::var("CI").is_ok() {
            panic!("aiosmtpd is required in CI (pip install aiosmtpd)");
        }
        eprintln!("skipped: pip install aiosmtpd to run the SMTP test");
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let maildir = tempfile::tempdir().unwrap();
    let child = Command::new("python3")
        .args([
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            &format!("127.0.0.1:{port}"),
            "-c",
            "aiosmtpd.handlers.Mailbox",
        ])
        .arg(maildir.path().join("mail"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The server is owned (and killed and waited for) by `SmtpServer` from here on.
    let server = SmtpServer { child, port, maildir };
    for _ in 0..200 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return Some(server);
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("aiosmtpd did not start");
}

/// Parses the messages of the Maildir with Python's email package.
fn read_maildir(dir: &std::path::Path) -> Vec<Value> {
    let script = r#"
import email, json, mailbox, sys
from email.header import decode_header, make_header
out = []
for msg in mailbox.Maildir(sys.argv[1], create=False):
    parts = {}
    files = []
    for part in msg.walk():
        if part.get_filename():
            files.append({'name': part.get_filename(), 'type': part.get_content_type(),
                          'data': part.get_payload(decode=True).decode('latin-1')})
        elif part.get_content_maintype() == 'text':
            parts[part.get_content_type()] = part.get_payload(decode=True).decode(part.get_content_charset() or 'utf-8')
    out.append({'to': msg['To'], 'subject': str(make_header(decode_header(msg['Subject']))),
                'language': msg['Content-Language'], 'message_id': msg['Message-ID'], 'parts': parts, 'files': files,
                'list_unsubscribe': msg['List-Unsubscribe'], 'list_unsubscribe_post': msg['List-Unsubscribe-Post'],
                'auto_submitted': msg['Auto-Submitted']})
print(json.dumps(out))
"#;
    let output = Command::new("python3").args(["-c", script]).arg(dir).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invitation_arrives_once_with_both_bodies_in_french() {
    let Some(smtp) = start_smtp().await else { return };
    let app = spawn_with(Backend::Sqlite, Some(format!("smtp://127.0.0.1:{}", smtp.port)))
        .await
        .unwrap();
    let admin = app.api(&app.admin_token().await);
    let r = admin
        .post(
            "/api/v1/people",
            &json!({"email": "elise@test.example", "name": "Élise Thiry", "language": "fr"}),
        )
        .await;
    assert_eq!(r.status(), 201);
    app.drain_outbox().await;
    // A second pass of the worker finds nothing more to send.
    let worker_sent_again = intercoop::mail::worker::Worker {
        db: app.db().clone(),
        transport: intercoop::mail::worker::Transport::from_config(
            Some(&format!("smtp://127.0.0.1:{}", smtp.port)),
            app.data_dir.path(),
        )
        .unwrap(),
        from: "intercoop <noreply@test.example>".parse().unwrap(),
        instance: "second".into(),
        domain: "test.example".into(),
        wakeup: Default::default(),
        idle: Duration::from_millis(10),
        lease: intercoop::mail::worker::LEASE,
        return_path: None,
    }
    .run_once()
    .await
    .unwrap();
    assert_eq!(worker_sent_again, 0);
    let mut messages = Vec::new();
    for _ in 0..100 {
        messages = read_maildir(&smtp.maildir.path().join("mail"));
        if !messages.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(messages.len(), 1, "{messages:?}");
    let m = &messages[0];
    assert!(m["to"].as_str().unwrap().contains("elise@test.example"));
    assert_eq!(m["subject"], "Vous êtes invité·e à rejoindre intercoop");
    assert_eq!(m["language"], "fr");
    assert!(m["message_id"].as_str().unwrap().starts_with("<outbox-"));
    assert_eq!(m["auto_submitted"], "auto-generated");
    // An invitation is a security message: nothing to unsubscribe from.
    assert!(m["list_unsubscribe"].is_null(), "{m}");
    let text = m["parts"]["text/plain"].as_str().unwrap();
    let html = m["parts"]["text/html"].as_str().unwrap();
    assert!(text.contains("Bonjour Élise Thiry,"), "{text}");
    assert!(text.contains("/login/link/l_"));
    assert!(html.contains("Accepter et me connecter"));
    assert!(html.contains("<html lang=\"fr\">"));
    app.stop().await;
}

/// Every email but security ones carries the one-click unsubscribe headers (RFC 2369,
/// RFC 8058), so that the reader's mail client shows its own "unsubscribe" button.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn announcements_carry_one_click_unsubscribe_headers() {
    let Some(smtp) = start_smtp().await else { return };
    let app = spawn_with(Backend::Sqlite, Some(format!("smtp://127.0.0.1:{}", smtp.port)))
        .await
        .unwrap();
    let admin = app.api(&app.admin_token().await);
    let org = app.organisation(&admin, "La Ruche", "user", None).await;
    app.person("rep@laruche.example", "Rep", Some(org), true, false).await;
    let r = admin
        .post("/api/v1/polls", &json!({"title": "Budget 2027", "method": "decision"}))
        .await;
    assert_eq!(r.status(), 201);
    let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let r = admin.post(&format!("/api/v1/polls/{id}/open"), &json!({})).await;
    assert_eq!(r.status(), 200);
    app.drain_outbox().await;
    let messages = wait_for(&smtp, 1).await;
    let m = messages
        .iter()
        .find(|m| m["to"].as_str().unwrap().contains("rep@laruche.example"))
        .unwrap_or_else(|| panic!("{messages:?}"));
    let link = m["list_unsubscribe"].as_str().expect("List-Unsubscribe");
    assert!(link.starts_with(&format!("<{}/unsubscribe/u_", app.base)), "{link}");
    assert_eq!(m["list_unsubscribe_post"], "List-Unsubscribe=One-Click");
    // The mail client's button: a POST of the one-click body to the link, nothing else.
    let url = link.trim_start_matches('<').trim_end_matches('>');
    let r = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    app.stop().await;
}

/// The calendar part of a message, read by Python's `icalendar`: its METHOD and its first
/// event's UID and SEQUENCE.
fn calendar_of(message: &Value) -> (String, String, i64) {
    let text = message["parts"]["text/calendar"]
        .as_str()
        .unwrap_or_else(|| panic!("no calendar in {message}"));
    let script = r#"
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
e = next(iter(cal.walk("VEVENT")))
print(json.dumps([str(cal.get("METHOD", "")), str(e["UID"]), int(e.get("SEQUENCE", 0))]))
"#;
    use std::io::Write;
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    (
        v[0].as_str().unwrap().into(),
        v[1].as_str().unwrap().into(),
        v[2].as_i64().unwrap(),
    )
}

/// The meeting emails the representative has received, once there are `n` (bounded wait).
async fn rep_mails(smtp: &SmtpServer, n: usize) -> Vec<Value> {
    let mut mine = Vec::new();
    for _ in 0..200 {
        mine = read_maildir(&smtp.maildir.path().join("mail"))
            .into_iter()
            .filter(|m| m["to"].as_str().unwrap().contains("rep@laruche.example"))
            .filter(|m| m["parts"]["text/plain"].as_str().unwrap_or("").contains("/meetings/"))
            .collect();
        if mine.len() >= n {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    mine
}

/// A meeting's emails at a real SMTP server on loopback, each once: the invitation, the
/// update made on the page `/meetings/{id}/edit` (same UID, higher SEQUENCE), a reminder,
/// and the cancellation made on the meeting's page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meeting_s_invitation_update_reminder_and_cancellation_arrive_once_each() {
    let Some(smtp) = start_smtp().await else { return };
    let app = spawn_with(Backend::Sqlite, Some(format!("smtp://127.0.0.1:{}", smtp.port)))
        .await
        .unwrap();
    let admin = app.api(&app.admin_token().await);
    let org = app.organisation(&admin, "La Ruche", "user", None).await;
    app.person("rep@laruche.example", "Rep Ruche", Some(org), true, false)
        .await;
    app.drain_outbox().await;
    let now = app.at_server_time(async { intercoop::clock::now() }).await;
    let start = (now + time::Duration::days(10))
        .replace_second(0)
        .unwrap()
        .replace_nanosecond(0)
        .unwrap()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let r = admin
        .post(
            "/api/v1/meetings",
            &json!({"kind": "assembly", "title": "Assemblée de juin", "starts_at": start,
                "duration_minutes": 90, "place": "Salle 1"}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let m: Value = r.json().await.unwrap();
    let id = m["id"].as_i64().unwrap();
    let uid = m["uid"].as_str().unwrap().to_string();
    app.drain_outbox().await;
    let mine = rep_mails(&smtp, 1).await;
    assert_eq!(mine.len(), 1, "the invitation: {mine:?}");
    assert_eq!(calendar_of(&mine[0]), ("REQUEST".into(), uid.clone(), 0));

    // The page: the meeting's fields, who gets the update, one button.
    let web = app.client();
    app.login(&web, "admin@test.example").await;
    let page = web.text(&format!("/meetings/{id}")).await;
    assert!(page.contains(&format!("href=\"/meetings/{id}/edit\"")), "{page}");
    let form = web.text(&format!("/meetings/{id}/edit")).await;
    assert!(form.contains("value=\"Salle 1\""), "{form}");
    assert!(form.contains("Rep Ruche"), "who is told: {form}");
    let starts_at = form
        .split("name=\"starts_at\"")
        .nth(1)
        .and_then(|s| s.split("value=\"").nth(1))
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    // A bad field: 422 beside it, everything typed kept, nothing changed or sent.
    let r = web
        .form(
            &format!("/meetings/{id}/edit"),
            &[
                ("title", "Assemblée de juin"),
                ("starts_at", &starts_at),
                ("duration_minutes", "-5"),
                ("place", "Salle 2 (typed)"),
                ("reminder_days", "7, 1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("value=\"Salle 2 (typed)\""), "{body}");
    assert!(body.contains("class=\"error\""), "{body}");
    assert_eq!(admin.json(&format!("/api/v1/meetings/{id}")).await["place"], "Salle 1");
    // The change: through PATCH's code path, the update once.
    let r = web
        .form(
            &format!("/meetings/{id}/edit"),
            &[
                ("title", "Assemblée de juin"),
                ("starts_at", &starts_at),
                ("duration_minutes", "90"),
                ("place", "Salle 2"),
                ("reminder_days", "7, 1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let after = admin.json(&format!("/api/v1/meetings/{id}")).await;
    assert_eq!(after["place"], "Salle 2");
    assert_eq!(after["starts_at"], m["starts_at"], "an untouched start stays");
    assert_eq!(after["sequence"], 1);
    app.drain_outbox().await;
    let mine = rep_mails(&smtp, 2).await;
    assert_eq!(mine.len(), 2, "{mine:?}");
    let update = mine
        .iter()
        .find(|m| calendar_of(m).2 == 1)
        .unwrap_or_else(|| panic!("{mine:?}"));
    assert_eq!(calendar_of(update), ("REQUEST".into(), uid.clone(), 1));
    // The same form sent again changes nothing a calendar holds: nothing more is sent.
    let r = web
        .form(
            &format!("/meetings/{id}/edit"),
            &[
                ("title", "Assemblée de juin"),
                ("starts_at", &starts_at),
                ("duration_minutes", "90"),
                ("place", "Salle 2"),
                ("reminder_days", "7, 1"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);

    // The reminder 7 days before, once.
    app.clock.advance(time::Duration::days(3) + time::Duration::minutes(1));
    app.run_jobs().await;
    app.run_jobs().await;
    app.drain_outbox().await;
    let mine = rep_mails(&smtp, 3).await;
    assert_eq!(mine.len(), 3, "{mine:?}");

    // The cancellation, from the meeting's page, once.
    let r = web.form(&format!("/meetings/{id}/cancel"), &[]).await;
    assert_eq!(r.status(), 303);
    app.drain_outbox().await;
    let mine = rep_mails(&smtp, 4).await;
    assert_eq!(mine.len(), 4, "{mine:?}");
    let cancels: Vec<_> = mine
        .iter()
        .filter(|m| m["parts"]["text/calendar"].is_string() && calendar_of(m).0 == "CANCEL")
        .collect();
    assert_eq!(cancels.len(), 1, "{mine:?}");
    assert_eq!(calendar_of(cancels[0]), ("CANCEL".into(), uid, 2));
    // Once begun or cancelled, the page refuses a change.
    assert_eq!(web.get(&format!("/meetings/{id}/edit")).await.status(), 409);
    app.stop().await;
}

/// An application accepted: the welcome email reaches the SMTP server with the welcome
/// booklet as a PDF, which holds the members' chapter and not the core circle's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_welcome_email_carries_the_booklet_pdf() {
    let Some(smtp) = start_smtp().await else { return };
    let app = spawn_with(Backend::Sqlite, Some(format!("smtp://127.0.0.1:{}", smtp.port)))
        .await
        .unwrap();
    let admin = app.api(&app.admin_token().await);
    for (title, visibility, place) in [("Welcome aboard", "members", 1), ("Core circle notes", "core", 2)] {
        let page = json!({"title": title, "body_markdown": "We meet every month.", "visibility": visibility,
            "booklet_position": place});
        assert_eq!(admin.post("/api/v1/docs", &page).await.status(), 201);
    }
    let slug = intercoop::entities::network::Entity::find_by_id(app.network_id().await)
        .one(&app.db().read)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let application = json!({
        "organisation": {"kind": "user", "name": "Coop Mons", "country": "BE", "city": "Mons"},
        "contact": {"name": "Ana Lopes", "email": "ana@mons.example", "language": "en"},
        "level": "observer",
        "motivation": "To share our software.",
        "charter_accepted": true
    });
    let r = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/applications?network={slug}")))
        .json(&application)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 202);
    let confirm = app
        .mails_to("ana@mons.example")
        .await
        .into_iter()
        .find_map(|m| {
            let start = format!("{}/join/confirm/", app.base);
            let at = m.text_body.find(&start)?;
            Some(
                m.text_body[at + app.base.len()..]
                    .split_whitespace()
                    .next()?
                    .to_string(),
            )
        })
        .expect("a confirmation link");
    assert_eq!(app.client().use_link(&confirm).await.status(), 200);
    let list: Value = admin.json("/api/v1/applications").await;
    let id = list[0]["id"].as_i64().unwrap();
    let r = admin
        .post(&format!("/api/v1/applications/{id}/accept"), &json!({}))
        .await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    app.drain_outbox().await;
    let mut welcome = None;
    for _ in 0..200 {
        welcome = read_maildir(&smtp.maildir.path().join("mail")).into_iter().find(|m| {
            m["to"].as_str().unwrap_or("").contains("ana@mons.example")
                && m["files"].as_array().is_some_and(|f| !f.is_empty())
        });
        if welcome.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let welcome = welcome.expect("the welcome email with a file");
    assert!(
        welcome["parts"]["text/plain"]
            .as_str()
            .unwrap()
            .contains("/docs/booklet"),
        "{welcome}"
    );
    let file = &welcome["files"][0];
    assert_eq!(file["name"], "welcome-booklet.pdf");
    assert_eq!(file["type"], "application/pdf");
    let pdf = file["data"].as_str().unwrap();
    assert!(pdf.starts_with("%PDF"), "{}", &pdf[..pdf.len().min(40)]);
    assert!(pdf.contains("Welcome aboard"), "the members' chapter");
    assert!(!pdf.contains("Core circle notes"), "never the core circle's chapter");
}
