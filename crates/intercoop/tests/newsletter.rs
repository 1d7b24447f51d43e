//! The newsletter and the logbook (issue 17, items 5 and 6), on SQLite and PostgreSQL:
//! double opt-in (nothing but the confirmation before the link is followed; the link
//! twice says so), issues in each subscriber's language where a translation exists,
//! one-click unsubscribe by POST without a session, the public archive, hard bounces
//! (an SMTP 5xx at sending and a delivery report received) that stop delivery to that
//! address, the logbook's visibility, its Atom feed read by Python's `feedparser`
//! (valid, without the members' articles), and an article sent as an issue in one step.

mod common;

use common::{Backend, Client, TestApp};
use intercoop::entities::outbox_message;
use serde_json::{Value, json};
use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const DOMAIN: &str = "lists.test.example";

/// Asks for a subscription from the public page, as a visitor.
async fn subscribe(app: &TestApp, email: &str, lang: &str) -> reqwest::Response {
    app.client()
        .form("/n/main/newsletter", &[("email", email), ("language", lang)])
        .await
}

/// The path of the last confirmation link mailed to an address.
async fn confirm_link(app: &TestApp, email: &str) -> String {
    let mails = app.mails_to(email).await;
    let m = mails
        .iter()
        .rev()
        .find(|m| m.kind.as_str() == "newsletter_confirmation")
        .expect("a confirmation");
    let start = m.text_body.find("/newsletter/confirm/").expect("the link");
    m.text_body[start..].split_whitespace().next().unwrap().to_string()
}

/// Subscribes and confirms an address.
async fn confirmed(app: &TestApp, email: &str, lang: &str) {
    assert_eq!(subscribe(app, email, lang).await.status(), 200);
    let link = confirm_link(app, email).await;
    let r = app.client().use_link(&link).await;
    assert_eq!(r.status(), 200);
}

/// The newsletter issues written to an address, oldest first.
async fn issues_to(app: &TestApp, email: &str) -> Vec<outbox_message::Model> {
    app.mails_to(email)
        .await
        .into_iter()
        .filter(|m| m.kind.as_str() == "newsletter_issue")
        .collect()
}

async fn new_issue(admin: &common::Api, subject: &str, body: &str) -> i64 {
    let r = admin
        .post(
            "/api/v1/newsletter/issues",
            &json!({"subject": subject, "body_markdown": body, "language": "en"}),
        )
        .await;
    assert_eq!(r.status(), 201);
    r.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

/// One-click unsubscribe as a mail provider does it: a POST with
/// `List-Unsubscribe=One-Click`, no cookie, no CSRF token.
async fn one_click(url: &str) -> (u16, String) {
    let r = reqwest::Client::new()
        .post(url)
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.text().await.unwrap())
}

async fn double_opt_in_languages_unsubscribe_and_archive(app: TestApp) {
    let admin = app.api(&app.admin_token().await);

    // Bad input: the field says why, and what was typed stays.
    let r = subscribe(&app, "not an address", "fr").await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("value=\"not an address\""), "{page}");
    assert!(page.contains("class=\"error\""), "{page}");

    // Double opt-in: the confirmation only, without an unsubscribe link (it answers the
    // visitor's own request).
    assert_eq!(subscribe(&app, "ana@ext.example", "fr").await.status(), 200);
    assert_eq!(subscribe(&app, "bob@ext.example", "en").await.status(), 200);
    confirmed(&app, "carl@ext.example", "de").await;
    let to_ana = app.mails_to("ana@ext.example").await;
    assert_eq!(to_ana.len(), 1);
    assert_eq!(to_ana[0].kind.as_str(), "newsletter_confirmation");
    assert_eq!(to_ana[0].language.code(), "fr");
    assert!(to_ana[0].unsubscribe_url.is_none());
    assert!(to_ana[0].person_id.is_none());

    // An issue sent while Ana has not confirmed: she gets nothing more.
    let first = new_issue(&admin, "First news", "Hello **all**.").await;
    let r = admin
        .post(&format!("/api/v1/newsletter/issues/{first}/send"), &json!({}))
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["receivers"], 1);
    assert!(issues_to(&app, "ana@ext.example").await.is_empty());
    assert_eq!(issues_to(&app, "carl@ext.example").await.len(), 1);
    // Sent twice: refused, nobody gets it twice.
    let r = admin
        .post(&format!("/api/v1/newsletter/issues/{first}/send"), &json!({}))
        .await;
    assert_eq!(r.status(), 409);

    // Ana confirms; the link a second time says it is done already.
    let link = confirm_link(&app, "ana@ext.example").await;
    let visitor = app.client();
    assert_eq!(visitor.use_link(&link).await.status(), 200);
    let again = visitor.text(&link).await;
    assert!(again.contains("reçoit déjà"), "{again}");

    // An issue with a French translation: Ana reads French, Carl (German, no
    // translation) the issue's own English; Bob, never confirmed, nothing.
    let second = new_issue(&admin, "Second news", "The *assembly* is on Tuesday.").await;
    let r = admin
        .put(
            &format!("/api/v1/newsletter/issues/{second}/translations/fr"),
            &json!({"subject": "Deuxièmes nouvelles", "body_markdown": "L'*assemblée* est mardi."}),
        )
        .await;
    assert_eq!(r.status(), 200);
    let r = admin
        .put(
            &format!("/api/v1/newsletter/issues/{second}/translations/en"),
            &json!({"subject": "Same", "body_markdown": "The issue's own language"}),
        )
        .await;
    assert_eq!(r.status(), 422, "a translation into the issue's own language");
    // The preview page shows both.
    let admin_client = app.client();
    app.login(&admin_client, "admin@test.example").await;
    let preview = admin_client.text(&format!("/newsletter/issues/{second}")).await;
    assert!(
        preview.contains("Deuxièmes nouvelles") && preview.contains("<em>assembly</em>"),
        "{preview}"
    );
    admin
        .post(&format!("/api/v1/newsletter/issues/{second}/send"), &json!({}))
        .await;
    let ana = issues_to(&app, "ana@ext.example").await;
    assert_eq!(ana.len(), 1);
    assert_eq!(ana[0].subject, "Deuxièmes nouvelles");
    assert!(ana[0].html_body.contains("<em>assemblée</em>"), "{}", ana[0].html_body);
    assert_eq!(ana[0].language.code(), "fr");
    let carl = issues_to(&app, "carl@ext.example").await;
    assert_eq!(carl.len(), 2);
    assert_eq!(carl[1].subject, "Second news");
    assert!(issues_to(&app, "bob@ext.example").await.is_empty());
    // A translation once sent: refused.
    let r = admin
        .put(
            &format!("/api/v1/newsletter/issues/{second}/translations/de"),
            &json!({"subject": "Zweite", "body_markdown": "Spät."}),
        )
        .await;
    assert_eq!(r.status(), 409);

    // One-click unsubscribe, without a session; again: already gone, said so.
    let url = ana[0].unsubscribe_url.clone().expect("an unsubscribe link");
    let (status, page) = one_click(&url).await;
    assert_eq!(status, 200, "{page}");
    let (status, page) = one_click(&url).await;
    assert_eq!(status, 200);
    assert!(page.contains("ne reçoit plus"), "{page}");
    let third = new_issue(&admin, "Third news", "More.").await;
    admin
        .post(&format!("/api/v1/newsletter/issues/{third}/send"), &json!({}))
        .await;
    assert_eq!(issues_to(&app, "ana@ext.example").await.len(), 1);
    assert_eq!(issues_to(&app, "carl@ext.example").await.len(), 3);

    // The archive is public; a draft is not in it.
    let draft = new_issue(&admin, "Not yet", "Draft.").await;
    let visitor = Client::new(&app.base);
    let archive = visitor.text("/n/main/newsletter").await;
    assert!(
        archive.contains("Second news") || archive.contains("Deuxièmes nouvelles"),
        "{archive}"
    );
    assert!(!archive.contains("Not yet"));
    assert_eq!(visitor.get(&format!("/n/main/newsletter/{second}")).await.status(), 200);
    assert_eq!(visitor.get(&format!("/n/main/newsletter/{draft}")).await.status(), 404);
    // Another network reads none of it.
    let other = app.other_network_admin().await;
    assert_eq!(
        other.get(&format!("/api/v1/newsletter/issues/{second}")).await.status(),
        404
    );
    let subscribers = admin.json("/api/v1/newsletter/subscribers").await;
    let statuses: Vec<&str> = subscribers
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses.iter().filter(|s| **s == "confirmed").count(), 1);
    assert_eq!(statuses.iter().filter(|s| **s == "left").count(), 1);
    assert_eq!(statuses.iter().filter(|s| **s == "pending").count(), 1);
    app.stop().await;
}
both_backends!(
    double_opt_in_languages_unsubscribe_and_archive,
    double_opt_in_languages_unsubscribe_and_archive
);

/// An SMTP server on loopback (aiosmtpd) that refuses `gone@…` at RCPT with a 550 and
/// records every message it takes with its envelope, one JSON line each.
struct RefusingSmtp {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl Drop for RefusingSmtp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn python_has(module: &str) -> bool {
    let ok = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok && std::env::var("CI").is_ok() {
        panic!("{module} is required in CI (pip install {module})");
    }
    ok
}

async fn refusing_smtp() -> Option<RefusingSmtp> {
    if !python_has("aiosmtpd") {
        eprintln!("skipped: pip install aiosmtpd");
        return None;
    }
    let script = r#"
import json, sys, time
from aiosmtpd.controller import Controller
class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith('gone@'):
            return '550 5.1.1 no such user here'
        envelope.rcpt_tos.append(address)
        return '250 OK'
    async def handle_DATA(self, server, session, envelope):
        with open(sys.argv[2], 'a') as f:
            f.write(json.dumps({'mail_from': envelope.mail_from, 'to': envelope.rcpt_tos}) + '\n')
        return '250 OK'
c = Controller(Handler(), hostname='127.0.0.1', port=int(sys.argv[1]))
c.start()
while True:
    time.sleep(3600)
"#;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let child = Command::new("python3")
        .args(["-c", script, &port.to_string()])
        .arg(dir.path().join("got.jsonl"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = RefusingSmtp { child, port, dir };
    for _ in 0..200 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return Some(server);
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("aiosmtpd did not start");
}

fn taken(smtp: &RefusingSmtp) -> Vec<Value> {
    std::fs::read_to_string(smtp.dir.path().join("got.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A delivery status notification (RFC 3464) for `address`, naming the message it
/// returns by its `Message-ID`.
fn report(address: &str, message_id: &str) -> Vec<u8> {
    format!(
        "From: Mail Delivery System <MAILER-DAEMON@mx.ext.example>\r\n\
         To: bounces@{DOMAIN}\r\nSubject: Undelivered Mail Returned to Sender\r\n\
         Auto-Submitted: auto-replied\r\nMessage-ID: <dsn-{address}@mx.ext.example>\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n\
         --B\r\nContent-Type: text/plain\r\n\r\nThe mailbox is gone.\r\n\
         --B\r\nContent-Type: message/delivery-status\r\n\r\n\
         Reporting-MTA: dns; mx.ext.example\r\n\r\n\
         Final-Recipient: rfc822; {address}\r\nAction: failed\r\nStatus: 5.1.1\r\n\
         Diagnostic-Code: smtp; 550 5.1.1 mailbox unavailable\r\n\r\n\
         --B\r\nContent-Type: text/rfc822-headers\r\n\r\n\
         Message-ID: {message_id}\r\nSubject: news\r\n\r\n--B--\r\n"
    )
    .into_bytes()
}

async fn hard_bounces_stop_delivery(backend: Backend) {
    let Some(smtp) = refusing_smtp().await else { return };
    let url = format!("smtp://127.0.0.1:{}", smtp.port);
    let Some(app) = common::spawn_with(backend, Some(url)).await else {
        assert!(
            std::env::var("CI").is_err(),
            "TEST_DATABASE_URL must point at PostgreSQL in CI"
        );
        return;
    };
    let admin = app.api(&app.admin_token().await);
    for who in [
        "gone@ext.example",
        "ok@ext.example",
        "dsn@ext.example",
        "kept@ext.example",
    ] {
        confirmed(&app, who, "en").await;
    }
    app.drain_outbox().await;

    // The server refused gone@'s confirmation for good (550): not retried, a hard bounce;
    // the first issue is then never written to it.
    let refused = app.mails_to("gone@ext.example").await;
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].status.as_str(), "failed");
    assert_eq!(refused[0].attempts, 1, "a permanent refusal is not retried");
    let first = new_issue(&admin, "First", "One.").await;
    let r = admin
        .post(&format!("/api/v1/newsletter/issues/{first}/send"), &json!({}))
        .await;
    assert_eq!(r.json::<Value>().await.unwrap()["receivers"], 3);
    app.drain_outbox().await;
    assert!(issues_to(&app, "gone@ext.example").await.is_empty());
    let got = taken(&smtp);
    let ok: Vec<&Value> = got.iter().filter(|m| m["to"][0] == "ok@ext.example").collect();
    assert_eq!(ok.len(), 2, "the confirmation and the issue: {got:?}");
    // Reports come back to the lists' domain, where the listener reads them.
    assert_eq!(ok[1]["mail_from"], format!("bounces@{DOMAIN}"));

    // A delivery report for dsn@ arrives at the inbound side, naming the message sent
    // to it: a hard bounce. A forged one for kept@, naming dsn@'s message: nothing.
    let sent_to_dsn = issues_to(&app, "dsn@ext.example").await;
    let message_id = format!(
        "<outbox-{}-{}@127.0.0.1>",
        sent_to_dsn[0].id,
        sent_to_dsn[0].created_at.unix_timestamp()
    );
    let env = intercoop::lists::inbound::Envelope {
        mail_from: Some(String::new()),
        recipients: vec![format!("bounces@{DOMAIN}")],
    };
    let db = app.db().clone();
    let out = intercoop::lists::inbound::receive(&db, DOMAIN, &report("dsn@ext.example", &message_id), &env)
        .await
        .unwrap();
    assert_eq!(
        out,
        vec![intercoop::lists::inbound::Outcome::Dropped("delivery report")]
    );
    intercoop::lists::inbound::receive(&db, DOMAIN, &report("kept@ext.example", &message_id), &env)
        .await
        .unwrap();

    // The next issue: neither bounced address gets one; the others do.
    let second = new_issue(&admin, "Second", "Two.").await;
    let r = admin
        .post(&format!("/api/v1/newsletter/issues/{second}/send"), &json!({}))
        .await;
    assert_eq!(r.json::<Value>().await.unwrap()["receivers"], 2);
    app.drain_outbox().await;
    assert!(issues_to(&app, "gone@ext.example").await.is_empty());
    assert_eq!(issues_to(&app, "dsn@ext.example").await.len(), 1);
    assert_eq!(issues_to(&app, "ok@ext.example").await.len(), 2);
    assert_eq!(issues_to(&app, "kept@ext.example").await.len(), 2);
    let subscribers = admin.json("/api/v1/newsletter/subscribers").await;
    let bounced: Vec<&str> = subscribers
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["bounced"] == true)
        .map(|s| s["email"].as_str().unwrap())
        .collect();
    assert_eq!(bounced.len(), 2, "{bounced:?}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hard_bounces_stop_delivery_sqlite() {
    hard_bounces_stop_delivery(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hard_bounces_stop_delivery_postgres() {
    hard_bounces_stop_delivery(Backend::Postgres).await;
}

/// Python's feedparser's reading of a feed: `bozo` (1 when the feed is not well formed
/// or not valid), its version, title and entries.
fn feedparser(xml: &str) -> Option<Value> {
    if !python_has("feedparser") {
        eprintln!("skipped: pip install feedparser");
        return None;
    }
    let script = r#"
import feedparser, json, sys
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({'bozo': int(d.bozo), 'why': str(d.get('bozo_exception', '')), 'version': d.version,
  'title': d.feed.get('title'), 'entries': [{'title': e.get('title'), 'link': e.get('link'), 'id': e.get('id'),
  'author': e.get('author'), 'content': e.get('content', [{}])[0].get('value'), 'published': e.get('published')} for e in d.entries]}))
"#;
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(xml.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

async fn logbook_feed_and_article_as_issue(app: TestApp) {
    let admin = app.api(&app.admin_token().await);
    let member_id = app.person("mia@test.example", "Mia", None, false, false).await;
    let member = app.api(&app.token_for(member_id).await);

    // Bad input: each fault on its field, nothing stored.
    let r = admin
        .post(
            "/api/v1/logbook",
            &json!({"title": "", "body_markdown": "", "visibility": "secret"}),
        )
        .await;
    assert_eq!(r.status(), 422);
    let problem: Value = r.json().await.unwrap();
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(fields.contains(&"title") && fields.contains(&"body_markdown") && fields.contains(&"visibility"));
    // A member does not write.
    let r = member
        .post(
            "/api/v1/logbook",
            &json!({"title": "Mine", "body_markdown": "x", "visibility": "public"}),
        )
        .await;
    assert_eq!(r.status(), 403);

    let public = admin
        .post(
            "/api/v1/logbook",
            &json!({"title": "Our first year", "body_markdown": "We grew <script>alert(1)</script> to **twelve** shops.\n\n![The team](https://img.example/team.jpg)", "visibility": "public"}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    let public_id = public["id"].as_i64().unwrap();
    assert!(public["html"].as_str().unwrap().contains("<strong>twelve</strong>"));
    assert!(!public["html"].as_str().unwrap().contains("<script"), "sanitized");
    assert!(
        public["html"]
            .as_str()
            .unwrap()
            .contains("<img src=\"https://img.example/team.jpg\"")
    );
    let inside = admin
        .post(
            "/api/v1/logbook",
            &json!({"title": "Budget worries", "body_markdown": "Internal only.", "visibility": "members"}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    let inside_id = inside["id"].as_i64().unwrap();

    // Members read both; visitors the public one only.
    let listed = member.json("/api/v1/logbook").await;
    assert_eq!(listed.as_array().unwrap().len(), 2);
    let visitor = Client::new(&app.base);
    let page = visitor.text("/n/main/logbook").await;
    assert!(
        page.contains("Our first year") && !page.contains("Budget worries"),
        "{page}"
    );
    assert_eq!(visitor.get(&format!("/n/main/logbook/{public_id}")).await.status(), 200);
    assert_eq!(visitor.get(&format!("/n/main/logbook/{inside_id}")).await.status(), 404);
    let other = app.other_network_admin().await;
    assert_eq!(other.get(&format!("/api/v1/logbook/{public_id}")).await.status(), 404);

    // The page's form keeps what was typed, the fault beside its field.
    let writer = app.client();
    app.login(&writer, "admin@test.example").await;
    let r = writer
        .form(
            "/logbook/new",
            &[
                ("title", "Half written"),
                ("body_markdown", ""),
                ("visibility", "public"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let form = r.text().await.unwrap();
    assert!(
        form.contains("value=\"Half written\"") && form.contains("id=\"body-error\""),
        "{form}"
    );

    // The Atom feed: valid for an independent parser, the public article only.
    let r = visitor.get("/n/main/logbook.atom").await;
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let xml = r.text().await.unwrap();
    assert!(!xml.contains("Budget worries"));
    if let Some(feed) = feedparser(&xml) {
        assert_eq!(feed["bozo"], 0, "{feed}");
        assert_eq!(feed["version"], "atom10");
        let entries = feed["entries"].as_array().unwrap();
        assert_eq!(entries.len(), 1, "{feed}");
        assert_eq!(entries[0]["title"], "Our first year");
        assert_eq!(entries[0]["link"], app.url(&format!("/n/main/logbook/{public_id}")));
        assert_eq!(entries[0]["author"], "Ada Admin");
        assert!(
            entries[0]["content"]
                .as_str()
                .unwrap()
                .contains("<strong>twelve</strong>")
        );
    }

    // An article as a newsletter issue, in one step; once only, public ones only.
    confirmed(&app, "reader@ext.example", "fr").await;
    let r = admin
        .post(&format!("/api/v1/logbook/{inside_id}/issue"), &json!({}))
        .await;
    assert_eq!(r.status(), 409);
    let r = admin
        .post(&format!("/api/v1/logbook/{public_id}/issue"), &json!({}))
        .await;
    assert_eq!(r.status(), 201);
    let sent: Value = r.json().await.unwrap();
    assert_eq!(sent["receivers"], 1);
    assert_eq!(sent["issue"]["subject"], "Our first year");
    assert_eq!(sent["issue"]["status"], "sent");
    let r = admin
        .post(&format!("/api/v1/logbook/{public_id}/issue"), &json!({}))
        .await;
    assert_eq!(r.status(), 409);
    let got = issues_to(&app, "reader@ext.example").await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].subject, "Our first year");
    assert!(got[0].html_body.contains("<strong>twelve</strong>"));
    let article = admin.json(&format!("/api/v1/logbook/{public_id}")).await;
    assert_eq!(article["issue_id"], sent["issue"]["id"]);
    let archive = visitor.text("/n/main/newsletter").await;
    assert!(archive.contains("Our first year"), "{archive}");
    app.stop().await;
}
both_backends!(logbook_feed_and_article_as_issue, logbook_feed_and_article_as_issue);

/// The public form cannot be made to mail an address at will: three confirmations to
/// one address (from any client), then 429 with the form kept and a message; ten
/// subscriptions from one client, then 429; the API the same, as problem+json. Nothing
/// more is sent past the limit.
/// Asks for a subscription from the public page, from a given client.
async fn ask(c: &Client, email: &str) -> reqwest::Response {
    c.form("/n/main/newsletter", &[("email", email), ("language", "en")])
        .await
}

async fn subscribing_is_rate_limited(app: TestApp) {
    for n in 2..5 {
        let r = ask(&app.client_from(&format!("127.0.0.{n}")), "target@ext.example").await;
        assert_eq!(r.status(), 200);
    }
    let r = ask(&app.client_from("127.0.0.5"), "target@ext.example").await;
    assert_eq!(r.status(), 429);
    let page = r.text().await.unwrap();
    assert!(page.contains("Wait an hour"), "{page}");
    assert!(page.contains("value=\"target@ext.example\""), "the form is kept");
    assert_eq!(app.mails_to("target@ext.example").await.len(), 3);
    // The API counts in the same buckets, and says so as problem+json.
    let r = reqwest::Client::new()
        .post(format!("{}/api/v1/newsletter/subscriptions?network=main", app.base))
        .json(&json!({"email": "target@ext.example"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/problem+json")
    );
    // One client: ten addresses, then refused (another client still goes).
    let one = app.client_from("127.0.0.9");
    for n in 0..10 {
        let email = format!("p{n}@ext.example");
        assert_eq!(ask(&one, &email).await.status(), 200, "{email}");
    }
    assert_eq!(ask(&one, "p10@ext.example").await.status(), 429);
    assert!(app.mails_to("p10@ext.example").await.is_empty());
    assert_eq!(
        ask(&app.client_from("127.0.0.10"), "p10@ext.example").await.status(),
        200
    );
    // A refused field costs nothing: a bad address is not counted.
    let fixing = app.client_from("127.0.0.11");
    for _ in 0..12 {
        assert_eq!(ask(&fixing, "not an address").await.status(), 422);
    }
    assert_eq!(ask(&fixing, "fixed@ext.example").await.status(), 200);
    app.stop().await;
}
both_backends!(subscribing_is_rate_limited, subscribing_is_rate_limited);

/// Posts a logbook article's image form as a browser does.
async fn upload_image(client: &Client, article: i64, name: &str, mime: &str, bytes: Vec<u8>) -> reqwest::Response {
    let csrf = client.csrf().await;
    let part = reqwest::multipart::Part::bytes(bytes)
        .file_name(name.to_string())
        .mime_str(mime)
        .unwrap();
    let form = reqwest::multipart::Form::new()
        .text("_csrf", csrf)
        .text("alt", "The [hall]")
        .part("image", part);
    client
        .http
        .post(format!("{}/logbook/{article}/images", client.base))
        .header("origin", &client.base)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn article(admin: &common::Api, title: &str, visibility: &str) -> i64 {
    let r = admin
        .post(
            "/api/v1/logbook",
            &json!({"title": title, "body_markdown": "Text.", "visibility": visibility}),
        )
        .await;
    assert_eq!(r.status(), 201);
    r.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

/// Images uploaded with articles: the type from the bytes (an SVG named `.png` is
/// refused, nothing stored), put in the Markdown, served with their type and `nosniff`;
/// a public article's image for anyone, a members' one for members only (a visitor and
/// another network get 404). The private feed: members' articles in it, read by
/// `feedparser`, and a stopped or replaced address answers 404.
async fn logbook_images_and_private_feed(app: TestApp) {
    let admin = app.api(&app.admin_token().await);
    let m = app.person("mia@test.example", "Mia", None, false, false).await;
    let public = article(&admin, "Open day", "public").await;
    let inside = article(&admin, "Inside news", "members").await;
    let writer = app.client();
    app.login(&writer, "admin@test.example").await;

    let svg = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".to_vec();
    let r = upload_image(&writer, public, "photo.png", "image/png", svg).await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("id=\"image-error\"") && page.contains("not a PNG"),
        "{page}"
    );
    let big = [b"\x89PNG\r\n\x1a\n".to_vec(), vec![0; 5 * 1024 * 1024]].concat();
    assert_eq!(
        upload_image(&writer, public, "big.png", "image/png", big)
            .await
            .status(),
        422
    );
    let body = admin.json(&format!("/api/v1/logbook/{public}")).await["body_markdown"].clone();
    assert_eq!(body, "Text.", "nothing stored");

    // A GIF sent as "text/html": taken for what its bytes are.
    let gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;".to_vec();
    let r = upload_image(&writer, public, "x.html", "text/html", gif.clone()).await;
    assert_eq!(r.status(), 303);
    let body = admin.json(&format!("/api/v1/logbook/{public}")).await["body_markdown"]
        .as_str()
        .unwrap()
        .to_string();
    let start = body.find("](/logbook/images/").expect("the image in the Markdown") + 2;
    assert!(body.contains("![The hall](/logbook/images/"), "{body}");
    let public_image = body[start..].trim_end().trim_end_matches(')').to_string();
    let webp =
        b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00".to_vec();
    assert_eq!(
        upload_image(&writer, inside, "in.webp", "application/octet-stream", webp.clone())
            .await
            .status(),
        303
    );
    let body = admin.json(&format!("/api/v1/logbook/{inside}")).await["body_markdown"]
        .as_str()
        .unwrap()
        .to_string();
    let start = body.find("](/logbook/images/").unwrap() + 2;
    let inside_image = body[start..].trim_end().trim_end_matches(')').to_string();

    // Anyone reads the public one, with its type and nosniff; the article's page shows it.
    let visitor = Client::new(&app.base);
    let r = visitor.get(&public_image).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "image/gif");
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    assert_eq!(r.bytes().await.unwrap().to_vec(), gif);
    let page = visitor.text(&format!("/n/main/logbook/{public}")).await;
    assert!(page.contains(&format!("src=\"{public_image}\"")), "{page}");
    // The members' one: a visitor and another network are refused, a member reads it.
    assert_eq!(visitor.get(&inside_image).await.status(), 404);
    let other = app.other_network_admin().await;
    assert_eq!(other.get(&inside_image).await.status(), 404);
    let mia = app.client();
    app.login(&mia, "mia@test.example").await;
    let r = mia.get(&inside_image).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "image/webp");
    assert_eq!(r.bytes().await.unwrap().to_vec(), webp);
    // A member does not upload.
    let r = upload_image(&mia, public, "a.gif", "image/gif", gif.clone()).await;
    assert_eq!(r.status(), 403);

    // The private feed: made on its page, shown once, with the members' article.
    let r = mia.form("/logbook/feed", &[]).await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    let start = page.find("/logbook/feed/lf_").expect("the address");
    let path = page[start..].split('<').next().unwrap().to_string();
    let xml = visitor.text(&path).await;
    assert!(xml.contains("Inside news") && xml.contains("Open day"), "{xml}");
    if let Some(parsed) = feedparser(&xml) {
        assert_eq!(parsed["bozo"], 0, "{parsed}");
        assert_eq!(parsed["version"], "atom10");
        let titles: Vec<&str> = parsed["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["title"].as_str().unwrap())
            .collect();
        assert!(titles.contains(&"Inside news"), "{titles:?}");
    }
    let public_feed = visitor.text("/n/main/logbook.atom").await;
    assert!(!public_feed.contains("Inside news"));
    // A new address stops the old one; stopping stops the new one.
    let r = mia.form("/logbook/feed", &[]).await;
    let page = r.text().await.unwrap();
    let start = page.find("/logbook/feed/lf_").unwrap();
    let second = page[start..].split('<').next().unwrap().to_string();
    assert_ne!(second, path);
    assert_eq!(visitor.get(&path).await.status(), 404);
    assert_eq!(visitor.get(&second).await.status(), 200);
    assert_eq!(mia.form("/logbook/feed/remove", &[]).await.status(), 200);
    assert_eq!(visitor.get(&second).await.status(), 404);
    let _ = m;
    app.stop().await;
}
both_backends!(logbook_images_and_private_feed, logbook_images_and_private_feed);

/// Posts an image to `POST /api/v1/logbook/{article}/images` with a token, as an API
/// client does (`image` omitted when `bytes` is `None`).
async fn api_image(api: &common::Api, article: i64, mime: &str, bytes: Option<Vec<u8>>) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new().text("alt", "The stage");
    if let Some(bytes) = bytes {
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name("upload.bin")
            .mime_str(mime)
            .unwrap();
        form = form.part("image", part);
    }
    api.http
        .post(format!("{}/api/v1/logbook/{article}/images", api.base))
        .bearer_auth(&api.token)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// Every `src="…"` of some HTML.
fn sources(html: &str) -> Vec<String> {
    html.split("src=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_string())
        .collect()
}

/// Images added through the API, by the same rule as the page (422 on `image` and
/// nothing stored for a file that is not an image, too large, or missing; 403 for a
/// member, 404 for another network's writer), and the private feed's images: a
/// members' article's images are at the feed's own addresses, which a feed reader
/// without a session loads while the feed works (`feedparser` reads the feed, and the
/// addresses it finds are fetched); a wrong, replaced or stopped token, another
/// network's image, or a person who left gets 404; a public article keeps its public
/// address.
async fn logbook_images_by_api_and_in_the_private_feed(app: TestApp) {
    let admin = app.api(&app.admin_token().await);
    let mia_id = app.person("mia@test.example", "Mia", None, false, false).await;
    let public = article(&admin, "Open day", "public").await;
    let inside = article(&admin, "Inside news", "members").await;
    let gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;".to_vec();
    let webp =
        b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00".to_vec();

    // Refused on the field, as the page refuses it, with nothing stored.
    let svg = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".to_vec();
    let big = [b"\x89PNG\r\n\x1a\n".to_vec(), vec![0; 5 * 1024 * 1024]].concat();
    for (bytes, code) in [
        (Some(svg), "logbook-image-type"),
        (Some(big), "logbook-image-too-large"),
        (None, "logbook-image-required"),
    ] {
        let r = api_image(&admin, public, "image/png", bytes).await;
        assert_eq!(r.status(), 422, "{code}");
        assert_eq!(r.headers()["content-type"], "application/problem+json");
        let problem: Value = r.json().await.unwrap();
        assert_eq!(
            (&problem["errors"][0]["field"], &problem["errors"][0]["code"]),
            (&json!("image"), &json!(code)),
            "{problem}"
        );
    }
    let mia_api = app.api(&app.token_for(mia_id).await);
    assert_eq!(
        api_image(&mia_api, public, "image/gif", Some(gif.clone()))
            .await
            .status(),
        403
    );
    let other = app.other_network_admin().await;
    assert_eq!(
        api_image(&other, public, "image/gif", Some(gif.clone())).await.status(),
        404
    );
    assert_eq!(
        api_image(&admin, 999_999, "image/gif", Some(gif.clone()))
            .await
            .status(),
        404
    );
    for id in [public, inside] {
        let body = admin.json(&format!("/api/v1/logbook/{id}")).await["body_markdown"].clone();
        assert_eq!(body, "Text.", "nothing stored");
    }

    // Taken for what its bytes are, put in the Markdown, read at its address.
    let r = api_image(&admin, public, "text/html", Some(gif.clone())).await;
    assert_eq!(r.status(), 201);
    let added: Value = r.json().await.unwrap();
    let public_image = added["id"].as_i64().unwrap();
    assert_eq!(
        (&added["article_id"], &added["path"], &added["url"], &added["markdown"]),
        (
            &json!(public),
            &json!(format!("/logbook/images/{public_image}")),
            &json!(app.url(&format!("/logbook/images/{public_image}"))),
            &json!(format!("![The stage](/logbook/images/{public_image})")),
        )
    );
    let body = admin.json(&format!("/api/v1/logbook/{public}")).await["body_markdown"].clone();
    assert_eq!(body, format!("Text.\n\n![The stage](/logbook/images/{public_image})\n"));
    let visitor = Client::new(&app.base);
    let r = visitor.get(&format!("/logbook/images/{public_image}")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.bytes().await.unwrap().to_vec(), gif);
    let r = api_image(&admin, inside, "image/webp", Some(webp.clone())).await;
    assert_eq!(r.status(), 201);
    let inside_image = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    assert_eq!(
        visitor.get(&format!("/logbook/images/{inside_image}")).await.status(),
        404
    );
    // Another network's members' image, to try through this network's feed.
    let theirs = article(&other, "Their news", "members").await;
    let r = api_image(&other, theirs, "image/gif", Some(gif.clone())).await;
    assert_eq!(r.status(), 201);
    let their_image = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();

    // Mia's private feed, as a feed reader reads it: no session.
    let mia = app.client();
    app.login(&mia, "mia@test.example").await;
    let new_feed = |page: String| {
        let start = page.find("/logbook/feed/lf_").expect("the address");
        page[start..].split('<').next().unwrap().to_string()
    };
    let feed = new_feed(mia.form("/logbook/feed", &[]).await.text().await.unwrap());
    let xml = visitor.text(&feed).await;
    let own = app.url(&format!("{feed}/images/{inside_image}"));
    let (inside_html, public_html) = match feedparser(&xml) {
        Some(parsed) => {
            assert_eq!(parsed["bozo"], 0, "{parsed}");
            let content = |title: &str| {
                parsed["entries"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|e| e["title"] == title)
                    .unwrap()["content"]
                    .as_str()
                    .unwrap()
                    .to_string()
            };
            (content("Inside news"), content("Open day"))
        }
        None => (xml.clone(), xml.clone()),
    };
    assert_eq!(sources(&inside_html), vec![own.clone()], "{inside_html}");
    let public_sources = sources(&public_html);
    assert_eq!(public_sources.len(), 1, "{public_html}");
    assert!(
        public_sources[0].ends_with(&format!("/logbook/images/{public_image}")) && !public_sources[0].contains("lf_"),
        "a public article keeps its public address: {public_html}"
    );
    assert!(!xml.contains(&format!("{feed}/images/{public_image}")), "{xml}");
    // The address the reader found loads without a session, privately cached.
    let r = visitor.http.get(&own).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "image/webp");
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    assert_eq!(r.headers()["cache-control"], "private, max-age=300");
    assert_eq!(r.bytes().await.unwrap().to_vec(), webp);

    // Nobody else: a wrong token, another network's image, a replaced token.
    let status = |path: String| {
        let visitor = &visitor;
        async move { visitor.get(&path).await.status().as_u16() }
    };
    assert_eq!(
        status(format!("/logbook/feed/lf_wrong/images/{inside_image}")).await,
        404
    );
    assert_eq!(status(format!("{feed}/images/{their_image}")).await, 404);
    assert_eq!(status(format!("{feed}/images/999999")).await, 404);
    let second = new_feed(mia.form("/logbook/feed", &[]).await.text().await.unwrap());
    assert_ne!(second, feed);
    assert_eq!(status(format!("{feed}/images/{inside_image}")).await, 404);
    assert_eq!(status(format!("{second}/images/{inside_image}")).await, 200);
    // Stopped, then made again, then Mia leaves the network: 404.
    assert_eq!(mia.form("/logbook/feed/remove", &[]).await.status(), 200);
    assert_eq!(status(format!("{second}/images/{inside_image}")).await, 404);
    let third = new_feed(mia.form("/logbook/feed", &[]).await.text().await.unwrap());
    assert_eq!(status(format!("{third}/images/{inside_image}")).await, 200);
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    intercoop::entities::network_person::Entity::delete_many()
        .filter(intercoop::entities::network_person::Column::PersonId.eq(mia_id))
        .filter(intercoop::entities::network_person::Column::NetworkId.eq(app.network_id().await))
        .exec(&app.db().write)
        .await
        .unwrap();
    assert_eq!(status(format!("{third}/images/{inside_image}")).await, 404);
    assert_eq!(status(third).await, 404);
    app.stop().await;
}
both_backends!(
    logbook_images_by_api_and_in_the_private_feed,
    logbook_images_by_api_and_in_the_private_feed
);
