//! Mailing lists end to end (issue 17): the default lists and new ones, posting from the
//! API and by email (the SMTP listener, with Python's `smtplib`; `intercoop mail
//! receive` on standard input), delivery through the outbox with the list headers to a
//! real SMTP server on loopback (Python's aiosmtpd), threading, moderation, automatic
//! mail and loops dropped, bounces for bad input, one-click unsubscribe without a
//! session, the digest and web-only choices, and search on both databases that never
//! crosses networks.

mod common;

use common::{Api, Backend, TestApp, spawn_configured};
use intercoop::entities::outbox_message;
use intercoop::lists::inbound::{self, Bounce, Envelope, Outcome};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const DOMAIN: &str = "lists.test.example";

/// The mutual-help list of the test network ("main", in French).
const HELP: &str = "main-entraide@lists.test.example";

async fn lists(api: &Api) -> Vec<Value> {
    api.json("/api/v1/lists").await["items"].as_array().unwrap().clone()
}

async fn help_id(api: &Api) -> i64 {
    lists(api)
        .await
        .iter()
        .find(|l| l["address"] == HELP)
        .unwrap_or_else(|| panic!("no {HELP}"))["id"]
        .as_i64()
        .unwrap()
}

/// The list copies in the outbox.
async fn copies(app: &TestApp) -> Vec<outbox_message::Model> {
    app.settle_jobs().await;
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Kind.eq("list_message"))
        // In the order they were made (PostgreSQL returns rows as stored, and a sent
        // copy, updated, moves).
        .order_by_asc(outbox_message::Column::Id)
        .all(&app.db().read)
        .await
        .unwrap()
}

fn mail(from: &str, subject: &str, body: &str, extra: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {HELP}\r\nSubject: {subject}\r\nMessage-ID: <{}@mua.example>\r\n{extra}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n",
        subject.replace(' ', "-").to_lowercase()
    )
    .into_bytes()
}

async fn receive(app: &TestApp, raw: &[u8]) -> Result<Vec<Outcome>, Bounce> {
    let env = Envelope::default();
    app.at_server_time(inbound::receive(app.db(), DOMAIN, raw, &env)).await
}

/// A network with its default lists: two members, the lists listed with their
/// addresses, a new list by the administrator (and the refusals).
async fn lists_are_made_and_listed(app: TestApp) {
    let admin = app.api(&app.admin_token().await);
    let all = lists(&admin).await;
    let addresses: Vec<&str> = all.iter().map(|l| l["address"].as_str().unwrap()).collect();
    assert_eq!(
        addresses,
        [HELP, "main-logistique@lists.test.example"],
        "the defaults, named in the network's language"
    );
    assert_eq!(all[0]["name"], "Entraide");
    assert_eq!(all[1]["posting"], "core");
    let r = admin
        .post(
            "/api/v1/lists",
            &json!({"name": "Odoo", "local_part": "odoo", "posting": "moderated"}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let odoo: Value = r.json().await.unwrap();
    assert_eq!(odoo["address"], "odoo@lists.test.example");
    let r = admin
        .post(
            "/api/v1/lists",
            &json!({"name": "Odoo 2", "local_part": "odoo", "posting": "members"}),
        )
        .await;
    assert_eq!(r.status(), 409, "the address is taken");
    let r = admin
        .post(
            "/api/v1/lists",
            &json!({"name": "Bad", "local_part": "a b", "posting": "all"}),
        )
        .await;
    assert_eq!(r.status(), 422);
    let body: Value = r.json().await.unwrap();
    let text = body.to_string();
    assert!(text.contains("local_part") && text.contains("posting"), "{text}");
    // A member may not make lists.
    let member = app.person("mia@coop.example", "Mia", None, false, false).await;
    let mia = app.api(&app.token_for(member).await);
    let r = mia
        .post("/api/v1/lists", &json!({"name": "Mine", "local_part": "mine"}))
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(lists(&mia).await.len(), 3);
    app.stop().await;
}
both_backends!(lists_are_made_and_listed, lists_are_made_and_listed);

/// Posting from the API: one copy per subscriber, in the outbox, with the list
/// headers; an answer joins the thread; the digest and web-only choices; a list the
/// person may not post to.
async fn posting_delivers_once_per_subscriber(app: TestApp) {
    let admin_token = app.admin_token().await;
    let admin = app.api(&admin_token);
    let a = app.person("ana@coop.example", "Ana", None, false, false).await;
    let b = app.person("ben@coop.example", "Ben", None, false, false).await;
    let c = app.person("cy@coop.example", "Cy", None, false, false).await;
    let (ana, ben, cy) = (
        app.api(&app.token_for(a).await),
        app.api(&app.token_for(b).await),
        app.api(&app.token_for(c).await),
    );
    let help = help_id(&ana).await;
    let r = ben
        .put(
            &format!("/api/v1/lists/{help}/subscription"),
            &json!({"delivery": "digest"}),
        )
        .await;
    assert_eq!(r.status(), 200);
    let r = cy
        .put(
            &format!("/api/v1/lists/{help}/subscription"),
            &json!({"delivery": "web"}),
        )
        .await;
    assert_eq!(r.status(), 200);
    let r = ana
        .post(
            &format!("/api/v1/lists/{help}/messages"),
            &json!({"subject": "Étiquettes", "body_markdown": "Comment imprimer des **étiquettes** de rayon ?"}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let first: Value = r.json().await.unwrap();
    assert_eq!(first["status"], "published");
    let sent = copies(&app).await;
    let mut to: Vec<&str> = sent.iter().map(|m| m.to_address.as_str()).collect();
    to.sort();
    // The administrator and Ana by email; Ben in his digest; Cy on the web only.
    assert_eq!(to, ["admin@test.example", "ana@coop.example"], "{to:?}");
    let copy = &sent[0];
    assert_eq!(copy.subject, "[Entraide] Étiquettes");
    let headers: Value = serde_json::from_str(copy.list_headers.as_deref().unwrap()).unwrap();
    assert_eq!(headers["list_id"], "Entraide <main-entraide.lists.test.example>");
    assert_eq!(headers["message_id"], first["message_id"]);
    assert!(copy.unsubscribe_url.is_some());
    assert!(copy.text_body.contains("Comment imprimer"), "{}", copy.text_body);
    assert!(
        copy.html_body.contains("<strong>étiquettes</strong>"),
        "{}",
        copy.html_body
    );
    assert!(
        copy.text_body.contains(&format!("/lists/{help}/messages/")),
        "the archive link"
    );
    assert!(copy.text_body.contains("/settings/lists"), "the settings link");
    let held = intercoop::entities::held_notice::Entity::find()
        .filter(intercoop::entities::held_notice::Column::PersonId.eq(b))
        .all(&app.db().read)
        .await
        .unwrap();
    assert_eq!(held.len(), 1, "Ben's digest holds it");

    // An answer, in the same thread, threaded in its headers.
    let r = cy
        .post(
            &format!("/api/v1/lists/{help}/messages"),
            &json!({"subject": "Re: Étiquettes", "body_markdown": "Avec le module product_label.", "in_reply_to": first["id"]}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let answer: Value = r.json().await.unwrap();
    assert_eq!(answer["thread_id"], first["id"]);
    let sent = copies(&app).await;
    assert_eq!(sent.len(), 4, "two more copies, no more");
    let last: Value = serde_json::from_str(sent[3].list_headers.as_deref().unwrap()).unwrap();
    assert_eq!(last["in_reply_to"], first["message_id"]);
    assert_eq!(last["references"], json!([first["message_id"]]));
    let thread = ana
        .json(&format!("/api/v1/lists/{help}/messages/{}", answer["id"]))
        .await;
    assert_eq!(thread["thread"].as_array().unwrap().len(), 2);

    // Logistics: the core circle and the facilitator post; a member may not.
    let logistics = lists(&ana).await[1]["id"].as_i64().unwrap();
    let r = ana
        .post(
            &format!("/api/v1/lists/{logistics}/messages"),
            &json!({"subject": "Hello", "body_markdown": "x"}),
        )
        .await;
    assert_eq!(r.status(), 403);
    let r = admin
        .post(
            &format!("/api/v1/lists/{logistics}/messages"),
            &json!({"subject": "", "body_markdown": ""}),
        )
        .await;
    assert_eq!(r.status(), 422);
    assert_eq!(copies(&app).await.len(), 4, "nothing sent for a refusal");

    // The pages: the archive, the message in its thread, the settings.
    let web = app.client();
    app.login(&web, "ana@coop.example").await;
    let page = web.text(&format!("/lists/{help}")).await;
    assert!(page.contains("Étiquettes"), "{page}");
    let page = web.text(&format!("/lists/{help}/messages/{}", first["id"])).await;
    assert!(page.contains("product_label") && page.contains("<strong>étiquettes</strong>"));
    let page = web.text("/settings/lists").await;
    assert!(page.contains(HELP));
    let page = web.text("/dashboard").await;
    assert!(page.contains("Étiquettes"), "the dashboard shows the new thread");
    app.drain_outbox().await;
    app.stop().await;
}
both_backends!(
    posting_delivers_once_per_subscriber,
    posting_delivers_once_per_subscriber
);

/// Search finds a word of a body, in this list only: not in another network's list
/// holding the same word, not in a held message.
async fn search_stays_in_its_list(app: TestApp) {
    let admin = app.api(&app.admin_token().await);
    let help = help_id(&admin).await;
    for (subject, body) in [
        ("Balance", "Notre balance Mettler ne parle pas à Odoo."),
        ("Caisse", "La caisse se fige le samedi."),
    ] {
        let r = admin
            .post(
                &format!("/api/v1/lists/{help}/messages"),
                &json!({"subject": subject, "body_markdown": body}),
            )
            .await;
        assert_eq!(r.status(), 201);
    }
    let other = app.other_network_admin().await;
    let other_help = lists(&other).await[0]["id"].as_i64().unwrap();
    let r = other
        .post(
            &format!("/api/v1/lists/{other_help}/messages"),
            &json!({"subject": "Mettler", "body_markdown": "Mettler encore"}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let found = admin.json(&format!("/api/v1/lists/{help}/messages?q=mettler")).await;
    let subjects: Vec<&str> = found["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["subject"].as_str().unwrap())
        .collect();
    assert_eq!(subjects, ["Balance"], "a word of a body, in this list only");
    let found = admin
        .json(&format!("/api/v1/lists/{help}/messages?q=caisse samedi"))
        .await;
    assert_eq!(found["items"].as_array().unwrap().len(), 1);
    let found = admin.json(&format!("/api/v1/lists/{help}/messages?q=\"OR*")).await;
    assert!(
        found["items"].as_array().unwrap().is_empty(),
        "operators are plain words"
    );
    // The other network's list is not found from here, nor its archive.
    let r = admin
        .get(&format!("/api/v1/lists/{other_help}/messages?q=mettler"))
        .await;
    assert_eq!(r.status(), 404);
    let theirs = other
        .json(&format!("/api/v1/lists/{other_help}/messages?q=mettler"))
        .await;
    assert_eq!(theirs["items"].as_array().unwrap().len(), 1);
    app.drain_outbox().await;
    app.stop().await;
}
both_backends!(search_stays_in_its_list, search_stays_in_its_list);

/// Mail in: a non-member is held, approved, delivered; a member's first mail from an
/// address is held, the next is not; a reply by email joins its thread; automatic mail
/// and loops are dropped; bad input bounces and nothing is stored.
async fn inbound_mail_follows_the_rules(app: TestApp) {
    let admin = app.api(&app.admin_token().await);
    let help = help_id(&admin).await;
    app.person("ana@coop.example", "Ana", None, false, false).await;

    // A stranger: held.
    let out = receive(
        &app,
        &mail("Stranger <x@elsewhere.example>", "Hello there", "Hi all", ""),
    )
    .await
    .unwrap();
    let Outcome::Held { id, reason, .. } = out[0] else {
        panic!("{out:?}")
    };
    assert_eq!(reason, "non_member");
    assert!(copies(&app).await.is_empty(), "held: sent to nobody");
    let held = admin.json(&format!("/api/v1/lists/{help}/held")).await;
    assert_eq!(held["items"][0]["id"], id);
    let r = admin
        .post(&format!("/api/v1/lists/{help}/held/{id}/approve"), &json!({}))
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(copies(&app).await.len(), 2, "delivered once approved");
    let r = admin
        .post(&format!("/api/v1/lists/{help}/held/{id}/approve"), &json!({}))
        .await;
    assert_eq!(r.status(), 409, "decided once");

    // Ana's first mail from her address: held; approved, her next one is published.
    let first = mail("Ana <ana@coop.example>", "Labels", "How do you print labels?", "");
    let out = receive(&app, &first).await.unwrap();
    let Outcome::Held { id, reason, .. } = out[0] else {
        panic!("{out:?}")
    };
    assert_eq!(reason, "new_address");
    admin
        .post(&format!("/api/v1/lists/{help}/held/{id}/approve"), &json!({}))
        .await;
    assert_eq!(receive(&app, &first).await.unwrap(), [Outcome::Dropped("duplicate")]);
    let reply = mail(
        "Ana <ana@coop.example>",
        "Re: [Entraide] Labels",
        "Found it: product_label.",
        "In-Reply-To: <labels@mua.example>\r\nReferences: <labels@mua.example>\r\n",
    );
    let out = receive(&app, &reply).await.unwrap();
    let Outcome::Published { id: answer, .. } = out[0] else {
        panic!("{out:?}")
    };
    let thread = admin.json(&format!("/api/v1/lists/{help}/messages/{answer}")).await;
    let subjects: Vec<&str> = thread["thread"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["subject"].as_str().unwrap())
        .collect();
    assert_eq!(subjects, ["Labels", "Re: Labels"], "the reply is in the thread");

    let before = copies(&app).await.len();
    // An auto-reply, a bulk message, a bounce: never redistributed.
    for (i, extra) in [
        "Auto-Submitted: auto-replied\r\n",
        "Precedence: bulk\r\n",
        "Return-Path: <>\r\n",
    ]
    .into_iter()
    .enumerate()
    {
        let raw = mail("Ana <ana@coop.example>", &format!("Away {i}"), "I am away", extra);
        assert_eq!(receive(&app, &raw).await.unwrap(), [Outcome::Dropped("automatic")]);
    }
    // A loop: this list's own List-Id.
    let raw = mail(
        "Ana <ana@coop.example>",
        "Looping",
        "again",
        "List-Id: Entraide <main-entraide.lists.test.example>\r\n",
    );
    assert_eq!(receive(&app, &raw).await.unwrap(), [Outcome::Dropped("loop")]);

    // Bad input: a clear bounce each, nothing stored.
    assert!(matches!(
        receive(&app, b"not a message at all").await,
        Err(Bounce::NotMail)
    ));
    let unknown = b"From: ana@coop.example\r\nTo: nobody@lists.test.example\r\nSubject: x\r\n\r\nx\r\n";
    assert!(matches!(receive(&app, unknown).await, Err(Bounce::UnknownList(_))));
    let no_text = format!(
        "From: ana@coop.example\r\nTo: {HELP}\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=a.pdf\r\n\r\n%PDF\r\n"
    );
    assert!(
        matches!(receive(&app, no_text.as_bytes()).await, Err(Bounce::NoText)),
        "no text part"
    );
    let big = "A".repeat(11 * 1024 * 1024);
    let with_big = format!(
        "From: ana@coop.example\r\nTo: {HELP}\r\nSubject: big\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=big.bin\r\n\r\n{big}\r\n--b--\r\n"
    );
    let e = receive(&app, with_big.as_bytes()).await.unwrap_err();
    assert!(matches!(e, Bounce::AttachmentTooLarge(ref n) if n == "big.bin"), "{e}");
    let small = "From: ana@coop.example\r\nTo: main-entraide@lists.test.example\r\nSubject: Spec\r\nMessage-ID: <spec@mua.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nThe spec is attached.\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=spec.pdf\r\n\r\n%PDF-1.4 tiny\r\n--b--\r\n";
    let out = receive(&app, small.as_bytes()).await.unwrap();
    let Outcome::Published { id: spec, .. } = out[0] else {
        panic!("{out:?}")
    };
    let m = admin.json(&format!("/api/v1/lists/{help}/messages/{spec}")).await;
    let url = m["message"]["attachments"][0]["url"].as_str().unwrap().to_string();
    let web = app.client();
    app.login(&web, "ana@coop.example").await;
    let r = web.get(&url).await;
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(r.text().await.unwrap().trim(), "%PDF-1.4 tiny");
    let after = copies(&app).await.len();
    assert_eq!(after, before + 2, "only the message with its attachment went out");
    app.drain_outbox().await;
    app.stop().await;
}
both_backends!(inbound_mail_follows_the_rules, inbound_mail_follows_the_rules);

/// One-click unsubscribe: the copy's link, posted by a mail client without a session,
/// leaves that list (and nothing else); the next message does not reach the person.
async fn one_click_leaves_the_list(app: TestApp) {
    let admin = app.api(&app.admin_token().await);
    let a = app.person("ana@coop.example", "Ana", None, false, false).await;
    let ana = app.api(&app.token_for(a).await);
    let help = help_id(&admin).await;
    admin
        .post(
            &format!("/api/v1/lists/{help}/messages"),
            &json!({"subject": "One", "body_markdown": "one"}),
        )
        .await;
    let copy = app.mails_to("ana@coop.example").await.pop().unwrap();
    let url = copy.unsubscribe_url.unwrap();
    let r = reqwest::Client::new()
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let mine = lists(&ana).await;
    assert_eq!(mine[0]["delivery"], "none");
    assert_eq!(mine[1]["delivery"], "each", "the other list is not touched");
    admin
        .post(
            &format!("/api/v1/lists/{help}/messages"),
            &json!({"subject": "Two", "body_markdown": "two"}),
        )
        .await;
    let to_ana = app.mails_to("ana@coop.example").await;
    assert_eq!(to_ana.len(), 1, "the second message did not reach her");
    app.drain_outbox().await;
    app.stop().await;
}
both_backends!(one_click_leaves_the_list, one_click_leaves_the_list);

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

async fn start_smtp() -> Option<SmtpServer> {
    if !python_has("aiosmtpd") {
        eprintln!("skipped: pip install aiosmtpd");
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let maildir = tempfile::tempdir().unwrap();
    let child = Command::new("python3")
        .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
        .args(["-c", "aiosmtpd.handlers.Mailbox"])
        .arg(maildir.path().join("mail"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = SmtpServer { child, port, maildir };
    for _ in 0..200 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return Some(server);
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("aiosmtpd did not start");
}

/// The messages aiosmtpd received, with their list headers (Python's email package).
fn received(smtp: &SmtpServer) -> Vec<Value> {
    let script = r#"
import email, json, mailbox, sys
out = []
for msg in mailbox.Maildir(sys.argv[1], create=False):
    out.append({k: msg[v] for k, v in [('to', 'To'), ('subject', 'Subject'), ('message_id', 'Message-ID'),
        ('in_reply_to', 'In-Reply-To'), ('references', 'References'), ('list_id', 'List-Id'),
        ('list_post', 'List-Post'), ('list_archive', 'List-Archive'), ('list_unsubscribe', 'List-Unsubscribe'),
        ('list_unsubscribe_post', 'List-Unsubscribe-Post'), ('reply_to', 'Reply-To'), ('from', 'From')]})
print(json.dumps(out))
"#;
    let dir = smtp.maildir.path().join("mail");
    if !dir.exists() {
        return Vec::new();
    }
    let output = Command::new("python3").args(["-c", script]).arg(dir).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Sends a message to the inbound listener with Python's smtplib; the listener's
/// answer to DATA (250 when kept), or the refusal.
fn smtplib_send(port: u16, from: &str, to: &str, raw: &[u8]) -> String {
    let script = r#"
import smtplib, sys
data = sys.stdin.buffer.read()
try:
    with smtplib.SMTP('127.0.0.1', int(sys.argv[1]), timeout=20) as s:
        s.ehlo('mta.test')
        code, text = s.docmd('MAIL', 'FROM:<%s>' % sys.argv[2])
        assert code == 250, (code, text)
        code, text = s.docmd('RCPT', 'TO:<%s>' % sys.argv[3])
        if code != 250:
            print(code); sys.exit(0)
        code, text = s.data(data)
        print(code)
except smtplib.SMTPResponseException as e:
    print(e.smtp_code)
"#;
    let mut child = Command::new("python3")
        .args(["-c", script, &port.to_string(), from, to])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(raw).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The whole way by email: Python's smtplib sends to the inbound listener; the
/// message is archived (after a moderator accepts the sender's address) and reaches
/// each subscriber exactly once at aiosmtpd with the list headers; a reply by email
/// lands in the same thread; the same through `intercoop mail receive` on standard
/// input; unknown addresses are refused at RCPT, a bounce is answered at DATA.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn email_in_and_out_through_real_smtp() {
    let Some(smtp) = start_smtp().await else { return };
    let smtp_url = format!("smtp://127.0.0.1:{}", smtp.port);
    let app = spawn_configured(Backend::Sqlite, |args| {
        args.smtp_url = Some(smtp_url);
        args.inbound_smtp = Some("127.0.0.1:0".into());
    })
    .await
    .unwrap();
    let port = app.running.as_ref().unwrap().inbound_smtp.unwrap().port();
    let admin = app.api(&app.admin_token().await);
    let help = help_id(&admin).await;
    app.person("ana@coop.example", "Ana", None, false, false).await;
    app.person("ben@coop.example", "Ben", None, false, false).await;
    app.drain_outbox().await;
    let people = 3; // the administrator, Ana, Ben

    let question = mail("Ana <ana@coop.example>", "Labels", "How do you print shelf labels?", "");
    assert_eq!(smtplib_send(port, "ana@coop.example", HELP, &question), "250");
    let held = admin.json(&format!("/api/v1/lists/{help}/held")).await;
    let id = held["items"][0]["id"]
        .as_i64()
        .expect("held: Ana's first mail from this address");
    admin
        .post(&format!("/api/v1/lists/{help}/held/{id}/approve"), &json!({}))
        .await;
    app.drain_outbox().await;

    // Ben answers from his mail client (his address accepted once, as Ana's was).
    let answer = mail(
        "Ben <ben@coop.example>",
        "Re: [Entraide] Labels",
        "With product_label.",
        "In-Reply-To: <labels@mua.example>\r\nReferences: <labels@mua.example>\r\n",
    );
    assert_eq!(smtplib_send(port, "ben@coop.example", HELP, &answer), "250");
    let held = admin.json(&format!("/api/v1/lists/{help}/held")).await;
    let id = held["items"][0]["id"].as_i64().unwrap();
    admin
        .post(&format!("/api/v1/lists/{help}/held/{id}/approve"), &json!({}))
        .await;
    app.drain_outbox().await;

    let mut got = Vec::new();
    for _ in 0..200 {
        got = received(&smtp);
        if got.len() >= 2 * people {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(got.len(), 2 * people, "each subscriber once per message: {got:#?}");
    for to in ["admin@test.example", "ana@coop.example", "ben@coop.example"] {
        let mine: Vec<&Value> = got.iter().filter(|m| m["to"].as_str().unwrap().contains(to)).collect();
        assert_eq!(mine.len(), 2, "{to}: {mine:#?}");
    }
    let q = got.iter().find(|m| m["in_reply_to"].is_null()).unwrap();
    assert_eq!(q["message_id"], "<labels@mua.example>");
    assert_eq!(q["list_id"], "Entraide <main-entraide.lists.test.example>");
    assert_eq!(q["list_post"], format!("<mailto:{HELP}>"));
    assert_eq!(q["list_archive"], format!("<{}/lists/{help}>", app.base));
    assert!(q["list_unsubscribe"].as_str().unwrap().contains("/unsubscribe/u_"));
    assert_eq!(q["list_unsubscribe_post"], "List-Unsubscribe=One-Click");
    assert_eq!(q["reply_to"], HELP);
    assert!(q["from"].as_str().unwrap().contains("Ana via Entraide"), "{q}");
    let a = got.iter().find(|m| !m["in_reply_to"].is_null()).unwrap();
    assert_eq!(a["in_reply_to"], "<labels@mua.example>");
    assert_eq!(a["references"], "<labels@mua.example>");
    let thread = admin
        .json(&format!("/api/v1/lists/{help}/messages?q=product_label"))
        .await;
    let found = &thread["items"][0];
    let whole = admin
        .json(&format!("/api/v1/lists/{help}/messages/{}", found["id"]))
        .await;
    assert_eq!(
        whole["thread"].as_array().unwrap().len(),
        2,
        "the reply is in the thread"
    );

    // Refusals at the listener: an unknown address at RCPT, a message without text.
    assert_eq!(
        smtplib_send(port, "ana@coop.example", "nobody@lists.test.example", &question),
        "550"
    );
    let no_text = b"From: ana@coop.example\r\nSubject: x\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=a.pdf\r\n\r\n%PDF\r\n";
    assert_eq!(smtplib_send(port, "ana@coop.example", HELP, no_text), "554");

    // The same way in through `intercoop mail receive`, for a pipe transport: Ana's
    // address is known now, her message is published at once.
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_intercoop"));
    cmd.args(["mail", "receive", "--recipient", HELP, "--sender", "ana@coop.example"])
        .args(["--lists-domain", DOMAIN, "--data-dir"])
        .arg(&app.db_args.data_dir);
    if let Some(url) = &app.db_args.database_url {
        cmd.args(["--database-url", url]);
    }
    let mut child = cmd
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let piped = mail(
        "Ana <ana@coop.example>",
        "Re: Labels piped",
        "Thanks, it works.",
        "In-Reply-To: <labels@mua.example>\r\n",
    );
    child.stdin.take().unwrap().write_all(&piped).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("published"));
    app.drain_outbox().await;
    let whole = admin
        .json(&format!("/api/v1/lists/{help}/messages/{}", found["id"]))
        .await;
    assert_eq!(whole["thread"].as_array().unwrap().len(), 3, "in the same thread");
    for _ in 0..200 {
        got = received(&smtp);
        if got.len() >= 3 * people {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(got.len(), 3 * people);
    // A message to an unknown list on standard input: the sysexits "no such user".
    let mut child = Command::new(env!("CARGO_BIN_EXE_intercoop"))
        .args(["mail", "receive", "--recipient", "nobody@lists.test.example"])
        .args(["--lists-domain", DOMAIN, "--data-dir"])
        .arg(&app.db_args.data_dir)
        .args(
            app.db_args
                .database_url
                .iter()
                .flat_map(|u| ["--database-url", u.as_str()]),
        )
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&piped).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(67));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nobody@lists.test.example"));
    app.stop().await;
}

/// A public list's archive reads without logging in; a list that is not public does
/// not, and its messages never show there.
async fn public_archive_reads_without_login(app: TestApp) {
    let admin = app.api(&app.admin_token().await);
    let help = help_id(&admin).await;
    let r = admin
        .post(
            "/api/v1/lists",
            &json!({"name": "Annonces", "local_part": "annonces", "posting": "facilitator", "public": true}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let public = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let posted: Value = admin
        .post(
            &format!("/api/v1/lists/{public}/messages"),
            &json!({"subject": "Assemblée", "body_markdown": "Le 3 décembre."}),
        )
        .await
        .json()
        .await
        .unwrap();
    admin
        .post(
            &format!("/api/v1/lists/{help}/messages"),
            &json!({"subject": "Interne", "body_markdown": "Entre nous."}),
        )
        .await;
    let visitor = app.client();
    let page = visitor.text(&format!("/public/lists/{public}")).await;
    assert!(page.contains("Assemblée"), "{page}");
    let page = visitor
        .text(&format!("/public/lists/{public}/messages/{}", posted["id"]))
        .await;
    assert!(page.contains("Le 3 décembre."));
    let r = visitor.get(&format!("/public/lists/{help}")).await;
    assert_eq!(r.status(), 404);
    let r = visitor.get(&format!("/lists/{public}")).await;
    assert_eq!(r.status(), 303, "the members' pages ask to log in");
    app.drain_outbox().await;
    app.stop().await;
}
both_backends!(public_archive_reads_without_login, public_archive_reads_without_login);

/// A list's settings after its creation (administrators, page and API): only the fields
/// given change, each bad value is refused on its field, the change is in the audit log,
/// and it takes effect (a list made public is read without logging in).
async fn settings_change_after_creation(app: TestApp) {
    let admin = app.api(&app.admin_token().await);
    let help = help_id(&admin).await;
    let member_id = app.person("mia@test.example", "Mia", None, false, false).await;
    let member = app.api(&app.token_for(member_id).await);
    let path = format!("/api/v1/lists/{help}");
    assert_eq!(member.patch(&path, &json!({"posting": "core"})).await.status(), 403);
    let r = admin
        .patch(&path, &json!({"posting": "everyone", "reply_to": "nobody", "name": ""}))
        .await;
    assert_eq!(r.status(), 422);
    let problem: Value = r.json().await.unwrap();
    let mut fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    fields.sort();
    assert_eq!(fields, ["name", "posting", "reply_to"]);
    let visitor = common::Client::new(&app.base);
    assert_eq!(visitor.get(&format!("/public/lists/{help}")).await.status(), 404);
    let before = lists(&admin).await.into_iter().find(|l| l["id"] == help).unwrap();
    let r = admin
        .patch(&path, &json!({"posting": "core", "reply_to": "sender", "public": true}))
        .await;
    assert_eq!(r.status(), 200);
    let after: Value = r.json().await.unwrap();
    assert_eq!(after["posting"], "core");
    assert_eq!(after["reply_to"], "sender");
    assert_eq!(after["public"], true);
    assert_eq!(after["name"], before["name"], "a field not given stays");
    assert_eq!(after["address"], before["address"]);
    assert_eq!(visitor.get(&format!("/public/lists/{help}")).await.status(), 200);
    let audit = intercoop::entities::audit_entry::Entity::find()
        .filter(intercoop::entities::audit_entry::Column::Action.eq("lists.update"))
        .all(&app.db().read)
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert!(audit[0].before.as_deref().unwrap().contains("\"posting\":\"members\""));
    // The page: a bad choice comes back on its field, with what was typed.
    let page = app.client();
    app.login(&page, "admin@test.example").await;
    let form = page.text(&format!("/lists/{help}/settings")).await;
    assert!(form.contains("value=\"sender\" selected"), "{form}");
    let r = page
        .form(
            &format!("/lists/{help}/settings"),
            &[("name", "Entraide renamed"), ("posting", "bogus"), ("reply_to", "list")],
        )
        .await;
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(
        body.contains("value=\"Entraide renamed\"") && body.contains("class=\"error\""),
        "{body}"
    );
    let r = page
        .form(
            &format!("/lists/{help}/settings"),
            &[
                ("name", "Entraide renamed"),
                ("posting", "members"),
                ("reply_to", "list"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let now = lists(&admin).await.into_iter().find(|l| l["id"] == help).unwrap();
    assert_eq!(now["name"], "Entraide renamed");
    assert_eq!(now["public"], false, "an unticked box is a false");
    app.stop().await;
}
both_backends!(settings_change_after_creation, settings_change_after_creation);

/// Posts the archive page's multipart form as a browser does (the CSRF field, the
/// Origin).
async fn post_page(client: &common::Client, list: i64, form: reqwest::multipart::Form) -> reqwest::Response {
    let csrf = client.csrf().await;
    client
        .http
        .post(format!("{}/lists/{list}/messages", client.base))
        .header("origin", &client.base)
        .multipart(form.text("_csrf", csrf))
        .send()
        .await
        .unwrap()
}

fn part(name: &str, mime: &str, bytes: Vec<u8>) -> reqwest::multipart::Part {
    reqwest::multipart::Part::bytes(bytes)
        .file_name(name.to_string())
        .mime_str(mime)
        .unwrap()
}

/// Files posted from the web page: kept with the message, a download link in each
/// subscriber's copy, downloaded byte for byte (an HTML file never inline); a file over
/// the email limit, or an empty one, is refused beside the field with nothing stored.
async fn web_posts_keep_their_files(app: TestApp) {
    use reqwest::multipart::Form;
    let admin = app.api(&app.admin_token().await);
    app.person("ana@coop.example", "Ana", None, false, false).await;
    app.person("bob@coop.example", "Bob", None, false, false).await;
    let help = help_id(&admin).await;
    let web = app.client();
    app.login(&web, "ana@coop.example").await;
    let before = admin.json(&format!("/api/v1/lists/{help}/messages")).await;

    // Over the limit, or empty: the form again, the message beside the field.
    let big = Form::new()
        .text("subject", "Big")
        .text("body_markdown", "see attached")
        .part(
            "attachment",
            part("big.bin", "application/octet-stream", vec![b'A'; 10 * 1024 * 1024 + 1]),
        );
    let r = post_page(&web, help, big).await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("id=\"attachment-error\""), "{page}");
    assert!(page.contains("larger than 10 MB"), "{page}");
    assert!(page.contains("value=\"Big\""), "what was typed stays");
    let empty = Form::new()
        .text("subject", "Empty")
        .text("body_markdown", "x")
        .part("attachment", part("empty.txt", "text/plain", Vec::new()));
    assert_eq!(post_page(&web, help, empty).await.status(), 422);
    assert_eq!(
        admin.json(&format!("/api/v1/lists/{help}/messages")).await,
        before,
        "nothing stored"
    );

    // Two files: posted, each subscriber's copy links to both.
    let pdf = b"%PDF-1.4 minutes".to_vec();
    let ok = Form::new()
        .text("subject", "Minutes")
        .text("body_markdown", "The minutes and the **plan**.")
        .part("attachment", part("minutes.pdf", "application/pdf", pdf.clone()))
        .part(
            "attachment",
            part("plan.html", "text/html", b"<script>alert(1)</script>".to_vec()),
        );
    let r = post_page(&web, help, ok).await;
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"].to_str().unwrap().to_string();
    let id: i64 = location.rsplit('/').next().unwrap().parse().unwrap();
    let m = admin.json(&format!("/api/v1/lists/{help}/messages/{id}")).await;
    let files = m["message"]["attachments"].as_array().unwrap().clone();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["filename"], "minutes.pdf");
    let copy = app
        .mails_to("bob@coop.example")
        .await
        .into_iter()
        .find(|c| c.kind.as_str() == "list_message")
        .expect("Bob's copy");
    for f in &files {
        let url = f["url"].as_str().unwrap();
        assert!(copy.text_body.contains(url), "{url} in\n{}", copy.text_body);
    }
    let r = web.get(files[0]["url"].as_str().unwrap()).await;
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(r.bytes().await.unwrap().to_vec(), pdf);
    let r = web.get(files[1]["url"].as_str().unwrap()).await;
    assert_eq!(
        r.headers()["content-type"],
        "application/octet-stream",
        "never inline HTML"
    );
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    // A visitor does not download it.
    let r = app.client().get(files[0]["url"].as_str().unwrap()).await;
    assert_ne!(r.status(), 200);
    app.drain_outbox().await;
    app.stop().await;
}
both_backends!(web_posts_keep_their_files, web_posts_keep_their_files);
