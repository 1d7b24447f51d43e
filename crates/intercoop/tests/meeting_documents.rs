//! Documents attached to a meeting (issue 15, item 1), on SQLite and PostgreSQL: an
//! administrator attaches files and documentation pages from the API and the page;
//! every person of the network downloads the files, byte for byte; a core circle page
//! stays hidden from members; another network sees nothing; bad input is refused on
//! its field with nothing stored; a removal is asked once and audited.

mod common;

use common::{Api, Client, TestApp};
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

fn file(name: &str, mime: &str, bytes: Vec<u8>) -> Part {
    Part::bytes(bytes).file_name(name.to_string()).mime_str(mime).unwrap()
}

async fn attach(api: &Api, meeting: i64, form: Form) -> reqwest::Response {
    api.http
        .post(format!("{}/api/v1/meetings/{meeting}/documents", api.base))
        .bearer_auth(&api.token)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// Posts the page's multipart form as a browser does (the CSRF field, the Origin).
async fn page_form(client: &Client, path: &str, form: Form) -> reqwest::Response {
    let csrf = client.csrf().await;
    client
        .http
        .post(format!("{}{}", client.base, path))
        .header("origin", &client.base)
        .multipart(form.text("_csrf", csrf))
        .send()
        .await
        .unwrap()
}

async fn doc_page(api: &Api, title: &str, visibility: &str) -> i64 {
    let r = api
        .post(
            "/api/v1/docs",
            &json!({"title": title, "body_markdown": format!("# {title}"), "visibility": visibility}),
        )
        .await;
    assert_eq!(r.status(), 201);
    r.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

fn titles(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|d| d["title"].as_str().unwrap().to_string())
        .collect()
}

both_backends!(files_and_pages_attached_read_and_removed, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let org = app.organisation(&admin, "Coop One", "user", Some(10)).await;
    let member_id = app.person("rep@test.example", "Rep One", Some(org), true, false).await;
    let member = app.api(&app.token_for(member_id).await);
    let r = admin
        .post(
            "/api/v1/meetings",
            &json!({"kind": "assembly", "title": "June assembly", "starts_at": "2099-06-02T19:00:00",
                "duration_minutes": 90, "time_zone": "Europe/Brussels"}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let meeting = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let docs = format!("/api/v1/meetings/{meeting}/documents");

    // A file, a members' page and a core circle page.
    let budget: Vec<u8> = b"%PDF-1.4\n% budget 2027\n\x00\xff".to_vec();
    let r = attach(
        &admin,
        meeting,
        Form::new()
            .part("file", file("budget 2027.pdf", "application/pdf", budget.clone()))
            .text("title", "Budget 2027"),
    )
    .await;
    assert_eq!(r.status(), 201);
    let d: Value = r.json().await.unwrap();
    assert_eq!(d["kind"], "file");
    assert_eq!(d["title"], "Budget 2027");
    assert_eq!(d["filename"], "budget 2027.pdf");
    assert_eq!(d["size_bytes"], budget.len());
    let file_id = d["id"].as_i64().unwrap();
    let members_page = doc_page(&admin, "How we decide", "members").await;
    let core_page = doc_page(&admin, "Core circle notes", "core").await;
    for p in [members_page, core_page] {
        let r = attach(&admin, meeting, Form::new().text("doc_page_id", p.to_string())).await;
        assert_eq!(r.status(), 201);
    }
    // A file without a title is named by its file name.
    let r = attach(
        &admin,
        meeting,
        Form::new().part(
            "file",
            file("notes.html", "text/html", b"<script>alert(1)</script>".to_vec()),
        ),
    )
    .await;
    assert_eq!(r.status(), 201);
    let html: Value = r.json().await.unwrap();
    assert_eq!(html["title"], "notes.html");

    // The administrator sees all four; a member does not see the core circle's page.
    let all = admin.json(&docs).await;
    assert_eq!(
        titles(&all),
        ["Budget 2027", "How we decide", "Core circle notes", "notes.html"]
    );
    assert_eq!(all[1]["kind"], "page");
    assert_eq!(all[1]["url"], format!("/docs/{members_page}"));
    let seen = member.json(&docs).await;
    assert_eq!(titles(&seen), ["Budget 2027", "How we decide", "notes.html"]);

    // The member downloads the file byte for byte, as an attachment; HTML is never
    // served as HTML.
    let r = member.get(&format!("{docs}/{file_id}")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(r.bytes().await.unwrap().to_vec(), budget);
    let r = member.get(&format!("{docs}/{}", html["id"])).await;
    assert_eq!(r.headers()["content-type"], "application/octet-stream");

    // A member may not attach or remove.
    let r = attach(
        &member,
        meeting,
        Form::new().text("doc_page_id", members_page.to_string()),
    )
    .await;
    assert_eq!(r.status(), 403);
    assert_eq!(member.delete(&format!("{docs}/{file_id}")).await.status(), 403);

    // Another network sees nothing, and cannot have its page linked here.
    let other = app.other_network_admin().await;
    assert_eq!(other.get(&docs).await.status(), 404);
    assert_eq!(other.get(&format!("{docs}/{file_id}")).await.status(), 404);
    assert_eq!(
        attach(
            &other,
            meeting,
            Form::new().text("doc_page_id", members_page.to_string())
        )
        .await
        .status(),
        404
    );
    let foreign_page = doc_page(&other, "Other network's page", "members").await;

    // Bad input: a 422 on the field, nothing stored.
    let big = vec![b'x'; 10 * 1024 * 1024 + 1];
    let cases: Vec<(Form, &str, &str)> = vec![
        (
            Form::new().text("title", "Nothing"),
            "file",
            "meeting-document-required",
        ),
        (
            Form::new()
                .part("file", file("a.txt", "text/plain", b"a".to_vec()))
                .text("doc_page_id", members_page.to_string()),
            "doc_page_id",
            "meeting-document-one",
        ),
        (
            Form::new().part("file", file("empty.txt", "text/plain", Vec::new())),
            "file",
            "meeting-document-empty",
        ),
        (
            Form::new().part("file", file("big.bin", "application/octet-stream", big)),
            "file",
            "meeting-document-too-large",
        ),
        (
            Form::new().text("doc_page_id", foreign_page.to_string()),
            "doc_page_id",
            "meeting-document-page-unknown",
        ),
        (
            Form::new().text("doc_page_id", "first"),
            "doc_page_id",
            "meeting-document-page-unknown",
        ),
        (
            Form::new()
                .part("file", file("a.txt", "text/plain", b"a".to_vec()))
                .text("title", "t".repeat(201)),
            "title",
            "meeting-document-title-long",
        ),
    ];
    for (form, field, code) in cases {
        let r = attach(&admin, meeting, form).await;
        assert_eq!(r.status(), 422, "{code}");
        let text = r.text().await.unwrap();
        assert!(text.contains(field) && text.contains(code), "{code}: {text}");
    }
    assert_eq!(admin.json(&docs).await.as_array().unwrap().len(), 4, "nothing stored");

    // The meeting's page lists what the reader may see.
    let rep = app.client();
    app.login(&rep, "rep@test.example").await;
    let page = rep.text(&format!("/meetings/{meeting}")).await;
    assert!(page.contains("Budget 2027") && page.contains("How we decide"), "{page}");
    assert!(!page.contains("Core circle notes"), "{page}");
    assert!(
        !page.contains(&format!("/meetings/{meeting}/documents\"")),
        "no manage link: {page}"
    );
    let r = rep.get(&format!("/meetings/{meeting}/documents/{file_id}")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.bytes().await.unwrap().to_vec(), budget);
    assert_eq!(rep.get(&format!("/meetings/{meeting}/documents")).await.status(), 403);

    // The administrator's page: attach a file, a refused form keeps what was typed.
    let web = app.client();
    app.login(&web, "admin@test.example").await;
    let path = format!("/meetings/{meeting}/documents");
    let form = web.text(&path).await;
    assert!(
        form.contains("enctype=\"multipart/form-data\"") && form.contains("How we decide"),
        "{form}"
    );
    let r = page_form(&web, &path, Form::new().text("title", "Minutes of May")).await;
    assert_eq!(r.status(), 422);
    let refused = r.text().await.unwrap();
    assert!(refused.contains("Choose a file, or a page to link."), "{refused}");
    assert!(refused.contains("value=\"Minutes of May\""), "{refused}");
    let r = page_form(
        &web,
        &path,
        Form::new()
            .part("file", file("may.txt", "text/plain", b"May minutes".to_vec()))
            .text("title", "Minutes of May"),
    )
    .await;
    assert_eq!(r.status(), 303);
    // Without the CSRF field nothing is stored.
    let r = web
        .http
        .post(format!("{}{}", web.base, path))
        .header("origin", &web.base)
        .multipart(Form::new().part("file", file("x.txt", "text/plain", b"x".to_vec())))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let all = admin.json(&docs).await;
    assert_eq!(all.as_array().unwrap().len(), 5);
    assert_eq!(all[4]["title"], "Minutes of May");

    // Removing: the page says what goes, then it goes; the API removes the page link.
    let remove = format!("/meetings/{meeting}/documents/{file_id}/remove");
    let confirm = web.text(&remove).await;
    assert!(
        confirm.contains("Budget 2027") && confirm.contains("Nobody is emailed"),
        "{confirm}"
    );
    assert_eq!(web.form(&remove, &[]).await.status(), 303);
    let r = admin.delete(&format!("{docs}/{}", all[1]["id"])).await;
    assert_eq!(r.status(), 204);
    assert_eq!(
        titles(&admin.json(&docs).await),
        ["Core circle notes", "notes.html", "Minutes of May"]
    );
    assert_eq!(member.get(&format!("{docs}/{file_id}")).await.status(), 404);
    let audit = admin.json("/api/v1/audit").await.to_string();
    assert!(
        audit.contains("meeting.document_add") && audit.contains("meeting.document_remove"),
        "{audit}"
    );
    app.stop().await;
});
