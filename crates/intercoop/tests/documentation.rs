//! The documentation space (issue 18, item 4), on SQLite and PostgreSQL: the core
//! circle writes pages in a tree from the pages and the API; each visibility is held
//! (members do not see core pages, visitors only public ones, another network nothing);
//! every change is a revision with a readable difference; two writers from the same
//! revision never overwrite each other; a page never goes under itself; search finds
//! only what the reader may read; the welcome booklet is a printable page and a PDF.

mod common;

use common::TestApp;
use intercoop::people::data::InviteInput;
use sea_orm::{EntityTrait, TransactionTrait};
use serde_json::{Value, json};

/// A core circle member of the first network (no organisation).
async fn core_person(app: &TestApp) -> i64 {
    let inv = InviteInput {
        email: "core@test.example".into(),
        name: "Cora Core".into(),
        core_circle: "true".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    let txn = app.db().write.begin().await.unwrap();
    let id =
        intercoop::people::data::ensure_person(&txn, intercoop::audit::Actor::SYSTEM, app.network_id().await, &inv)
            .await
            .unwrap();
    txn.commit().await.unwrap();
    app.state().auth_cache.clear();
    id
}

fn page(title: &str, body: &str, visibility: &str) -> Value {
    json!({"title": title, "body_markdown": body, "visibility": visibility})
}

both_backends!(pages_revisions_visibility_and_the_booklet, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let org = app.organisation(&admin, "Coop One", "user", Some(10)).await;
    let member_id = app
        .person("member@test.example", "Mia Member", Some(org), false, false)
        .await;
    let member = app.api(&app.token_for(member_id).await);
    let core_id = core_person(&app).await;
    let core = app.api(&app.token_for(core_id).await);

    // The core circle writes the welcome page (in the booklet), an internal page under
    // it, and a public page.
    let mut welcome = page(
        "Bienvenue",
        "# Bienvenue\n\nLe réseau se réunit chaque mois.\n",
        "members",
    );
    welcome["booklet_position"] = json!(1);
    let r = core.post("/api/v1/docs", &welcome).await;
    assert_eq!(r.status(), 201);
    let w: Value = r.json().await.unwrap();
    let welcome_id = w["id"].as_i64().unwrap();
    assert_eq!(w["revision"], 1);
    let mut internal = page(
        "Budget interne",
        "Le cercle cœur prépare le budget confidentiel.",
        "public",
    );
    internal["parent_id"] = json!(welcome_id);
    internal["visibility"] = json!("core");
    let internal_id = core
        .post("/api/v1/docs", &internal)
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let public_id = admin
        .post(
            "/api/v1/docs",
            &page("Qui sommes-nous", "Une douzaine de supermarchés coopératifs.", "public"),
        )
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();

    // A member may not write.
    let r = member.post("/api/v1/docs", &page("Mine", "", "members")).await;
    assert_eq!(r.status(), 403);

    // Visibility: a public page under a core page is the core circle's.
    let mut under_core = page("Public mais caché", "mot-caché", "public");
    under_core["parent_id"] = json!(internal_id);
    let hidden_id = core
        .post("/api/v1/docs", &under_core)
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let tree = member.json("/api/v1/docs").await;
    let titles: Vec<&str> = tree["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, vec!["Bienvenue", "Qui sommes-nous"], "{tree}");
    assert_eq!(member.get(&format!("/api/v1/docs/{internal_id}")).await.status(), 404);
    assert_eq!(member.get(&format!("/api/v1/docs/{hidden_id}")).await.status(), 404);
    let seen = core.json(&format!("/api/v1/docs/{hidden_id}")).await;
    assert_eq!(seen["effective_visibility"], "core", "{seen}");
    assert_eq!(seen["ancestors"][0]["title"], "Bienvenue");
    let tree = core.json("/api/v1/docs").await;
    let depths: Vec<(String, i64)> = tree["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["title"].as_str().unwrap().to_string(), p["depth"].as_i64().unwrap()))
        .collect();
    assert_eq!(
        depths,
        vec![
            ("Bienvenue".into(), 0),
            ("Budget interne".into(), 1),
            ("Public mais caché".into(), 2),
            ("Qui sommes-nous".into(), 0)
        ]
    );

    // Search: a word of a body, only in what the reader may read.
    let found = member.json("/api/v1/docs?q=r%C3%A9unit").await;
    assert_eq!(found["found"][0]["id"], welcome_id, "{found}");
    // With `q`, `items` holds the summaries of the pages found alone, in their order.
    let found_ids: Vec<&serde_json::Value> = found["found"].as_array().unwrap().iter().map(|h| &h["id"]).collect();
    let item_ids: Vec<&serde_json::Value> = found["items"].as_array().unwrap().iter().map(|p| &p["id"]).collect();
    assert_eq!(found_ids, item_ids, "{found}");
    assert!(
        found["items"][0]["path"].as_str().is_some_and(|p| !p.is_empty()),
        "{found}"
    );
    let found = member.json("/api/v1/docs?q=confidentiel").await;
    assert_eq!(found["found"], json!([]), "{found}");
    assert_eq!(found["items"], json!([]), "{found}");
    let found = core.json("/api/v1/docs?q=CONFIDENTIEL").await;
    assert_eq!(found["found"][0]["id"], internal_id, "{found}");
    assert_eq!(found["items"][0]["id"], internal_id, "{found}");
    assert_eq!(found["items"][0]["depth"], 1, "{found}");

    // Another network sees nothing of these pages, and its search finds nothing.
    let other = app.other_network_admin().await;
    assert_eq!(other.get(&format!("/api/v1/docs/{welcome_id}")).await.status(), 404);
    assert_eq!(other.json("/api/v1/docs?q=r%C3%A9unit").await["found"], json!([]));
    assert_eq!(other.json("/api/v1/docs").await["items"], json!([]));

    // Two revisions more; the difference between any two is readable.
    let mut v2 = welcome.clone();
    v2["body_markdown"] =
        json!("# Bienvenue\n\nLe réseau se réunit le premier mardi du mois.\n\nUn carnet d'accueil vous attend.\n");
    v2["base_revision"] = json!(1);
    let r = core.put(&format!("/api/v1/docs/{welcome_id}"), &v2).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["revision"], 2);
    // The same again: nothing changed, no revision.
    v2["base_revision"] = json!(2);
    assert_eq!(
        core.put(&format!("/api/v1/docs/{welcome_id}"), &v2)
            .await
            .json::<Value>()
            .await
            .unwrap()["revision"],
        2
    );
    let mut v3 = v2.clone();
    v3["title"] = json!("Bienvenue dans le réseau");
    let r = admin.put(&format!("/api/v1/docs/{welcome_id}"), &v3).await;
    assert_eq!(r.json::<Value>().await.unwrap()["revision"], 3);
    // A writer who started from revision 2 is refused; nothing of theirs is stored.
    let mut stale = v2.clone();
    stale["body_markdown"] = json!("Écrasé ?");
    let r = core.put(&format!("/api/v1/docs/{welcome_id}"), &stale).await;
    assert_eq!(r.status(), 409);
    let now = member.json(&format!("/api/v1/docs/{welcome_id}")).await;
    assert_eq!(now["title"], "Bienvenue dans le réseau");
    assert!(now["body_markdown"].as_str().unwrap().contains("premier mardi"));
    let revisions = member.json(&format!("/api/v1/docs/{welcome_id}/revisions")).await;
    let numbers: Vec<i64> = revisions
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["number"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, vec![3, 2, 1]);
    assert_eq!(revisions[0]["author"], "Ada Admin");
    assert_eq!(revisions[2]["author"], "Cora Core");
    let diff = member
        .json(&format!("/api/v1/docs/{welcome_id}/diff?from=1&to=3"))
        .await;
    assert_eq!(
        (diff["added"].as_i64(), diff["removed"].as_i64()),
        (Some(3), Some(1)),
        "{diff}"
    );
    let lines = diff["hunks"][0].as_array().unwrap();
    assert!(
        lines
            .iter()
            .any(|l| l["change"] == "removed" && l["text"] == "Le réseau se réunit chaque mois.")
    );
    assert!(
        lines
            .iter()
            .any(|l| l["change"] == "added" && l["text"] == "Un carnet d'accueil vous attend.")
    );
    assert_eq!(diff["title_to"], "Bienvenue dans le réseau");
    let r = member.get(&format!("/api/v1/docs/{welcome_id}/diff?from=1&to=9")).await;
    assert_eq!(r.status(), 422);

    // Bad input: each on its field, nothing stored.
    let mut loop_move = v3.clone();
    loop_move["parent_id"] = json!(hidden_id);
    loop_move["base_revision"] = json!(3);
    let mut foreign_parent = page("X", "", "members");
    foreign_parent["parent_id"] = json!(999_999);
    let mut bad_booklet = page("X", "", "members");
    bad_booklet["booklet_position"] = json!(0);
    for (url, body, field) in [
        (format!("/api/v1/docs/{welcome_id}"), loop_move, "parent_id"),
        ("/api/v1/docs".to_string(), foreign_parent, "parent_id"),
        ("/api/v1/docs".to_string(), bad_booklet, "booklet_position"),
        ("/api/v1/docs".to_string(), page("", "", "members"), "title"),
        ("/api/v1/docs".to_string(), page("X", "", "everyone"), "visibility"),
        (
            "/api/v1/docs".to_string(),
            page("X", &"x".repeat(200_001), "members"),
            "body_markdown",
        ),
    ] {
        let r = if url.ends_with("docs") {
            admin.post(&url, &body).await
        } else {
            admin.put(&url, &body).await
        };
        assert_eq!(r.status(), 422, "{url}");
        let problem: Value = r.json().await.unwrap();
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
    }
    assert_eq!(core.json("/api/v1/docs").await["items"].as_array().unwrap().len(), 4);
    assert_eq!(core.json(&format!("/api/v1/docs/{welcome_id}")).await["revision"], 3);

    // The booklet: the members' chapter; the API, the page and the PDF.
    let booklet = member.json("/api/v1/docs/booklet").await;
    assert_eq!(booklet.as_array().unwrap().len(), 1);
    assert_eq!(booklet[0]["id"], welcome_id);

    // The pages, as a member logged in on a phone would use them.
    let web = app.client();
    app.login(&web, "member@test.example").await;
    let list = web.text("/docs").await;
    assert!(
        list.contains("Bienvenue dans le réseau") && !list.contains("Budget interne"),
        "{list}"
    );
    let shown = web.text(&format!("/docs/{welcome_id}")).await;
    assert!(shown.contains("premier mardi") && !shown.contains("/edit"), "{shown}");
    assert!(
        shown.contains(&format!("[Bienvenue dans le réseau](/docs/{welcome_id})")),
        "{shown}"
    );
    assert_eq!(web.get(&format!("/docs/{internal_id}")).await.status(), 404);
    assert_eq!(web.get("/docs/new").await.status(), 403);
    let found = web.text("/docs?q=carnet").await;
    assert!(found.contains("Un carnet d&#39;accueil vous attend."), "{found}");
    let history = web.text(&format!("/docs/{welcome_id}/history")).await;
    assert!(
        history.contains("Cora Core") && history.contains("Ada Admin"),
        "{history}"
    );
    let diff = web.text(&format!("/docs/{welcome_id}/diff?from=2&to=3")).await;
    assert!(diff.contains("<del>Bienvenue</del>"), "{diff}");
    let printable = web.text("/docs/booklet").await;
    assert!(
        printable.contains("premier mardi") && printable.contains("/docs/booklet.pdf"),
        "{printable}"
    );
    let r = web.get("/docs/booklet.pdf").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let pdf = r.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // The chapter's title in WinAnsi (é is 0xE9), in the content.
    // pdf-writer writes a string with a byte past ASCII in hexadecimal.
    let title: Vec<u8> = b"1. Bienvenue dans le r\xe9seau".to_vec();
    let hex: String = title.iter().map(|b| format!("{b:02X}")).collect();
    let needle = format!("<{hex}> Tj");
    assert!(
        pdf.windows(needle.len()).any(|w| w == needle.as_bytes()),
        "the chapter title in the PDF"
    );

    // The public pages: the public page only, no login.
    let slug = {
        use intercoop::entities::network;
        network::Entity::find_by_id(app.network_id().await)
            .one(&app.db().read)
            .await
            .unwrap()
            .unwrap()
            .slug
    };
    let visitor = app.client();
    let public = visitor.text(&format!("/n/{slug}/docs")).await;
    assert!(
        public.contains("Qui sommes-nous") && !public.contains("Bienvenue"),
        "{public}"
    );
    let r = visitor.get(&format!("/n/{slug}/docs/{public_id}")).await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("supermarchés coopératifs"));
    assert_eq!(visitor.get(&format!("/n/{slug}/docs/{welcome_id}")).await.status(), 404);
    assert_eq!(visitor.get("/n/no-such-network/docs").await.status(), 404);
});

both_backends!(
    search_follows_edits_finds_word_starts_and_keeps_visibility,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let post = |body: Value| {
            let admin = &admin;
            async move {
                let r = admin.post("/api/v1/docs", &body).await;
                assert_eq!(r.status(), 201);
                r.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
            }
        };
        let agenda = post(page(
            "Ordre du jour",
            "L'assemblée générale se réunit chaque mois.",
            "members",
        ))
        .await;
        let assembly = post(page("Assemblée générale", "Comment voter.", "members")).await;
        let secret = post(page("Réservé aux membres", "Le code du local : xylophone.", "members")).await;
        let ids = |found: &Value| -> Vec<i64> {
            found["found"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h["id"].as_i64().unwrap())
                .collect()
        };

        // A word's start finds the whole word; a word in the title counts more.
        let found = admin.json("/api/v1/docs?q=assembl").await;
        assert_eq!(ids(&found), vec![assembly, agenda], "{found}");
        // Punctuation and the syntax of either index's queries are only separators.
        let found = admin
            .json("/api/v1/docs?q=%22assembl*%22%20OR%20(g%C3%A9n%C3%A9r:*%20%26%20!x)")
            .await;
        assert_eq!(
            found["found"],
            json!([]),
            "every word is required, or and x too\n{found}"
        );
        let found = admin
            .json("/api/v1/docs?q=%22assembl*%22%2C%20(g%C3%A9n%C3%A9r%3A*)")
            .await;
        assert_eq!(ids(&found), vec![assembly, agenda], "{found}");
        // Accents: ignored on SQLite (FTS5's folding); PostgreSQL's `simple` keeps them.
        let found = admin.json("/api/v1/docs?q=REUNIT").await;
        match app.backend {
            common::Backend::Sqlite => assert_eq!(ids(&found), vec![agenda], "{found}"),
            _ => assert_eq!(ids(&found), Vec::<i64>::new(), "{found}"),
        }

        // An edit: the page is found by its new word, no longer by the word it lost.
        assert_eq!(ids(&admin.json("/api/v1/docs?q=chaque").await), vec![agenda]);
        let mut edited = page(
            "Ordre du jour",
            "L'assemblée générale se tient le premier mardi.",
            "members",
        );
        edited["base_revision"] = json!(1);
        assert_eq!(
            admin.put(&format!("/api/v1/docs/{agenda}"), &edited).await.status(),
            200
        );
        assert_eq!(admin.json("/api/v1/docs?q=chaque").await["found"], json!([]));
        assert_eq!(ids(&admin.json("/api/v1/docs?q=mardi").await), vec![agenda]);
        // A new title too.
        edited["title"] = json!("Calendrier");
        edited["base_revision"] = json!(2);
        assert_eq!(
            admin.put(&format!("/api/v1/docs/{agenda}"), &edited).await.status(),
            200
        );
        assert_eq!(ids(&admin.json("/api/v1/docs?q=calendr").await), vec![agenda]);
        assert_eq!(ids(&admin.json("/api/v1/docs?q=ordre").await), Vec::<i64>::new());

        // Visibility follows the tree: 120 public pages under a core circle page rank before
        // the members' page holding the same word; a member finds that one alone (read past
        // the first batch of pages found), the core circle all of them but the first 50.
        let internal = post(page("Interne", "", "core")).await;
        for n in 0..120 {
            let mut child = page(&format!("Note {n}"), "zèbre", "public");
            child["parent_id"] = json!(internal);
            post(child).await;
        }
        let open = post(page(
            "Ouvert",
            &format!("zèbre {}", "et encore du texte ".repeat(40)),
            "members",
        ))
        .await;
        let member_id = app
            .person("member@test.example", "Mia Member", None, false, false)
            .await;
        let member = app.api(&app.token_for(member_id).await);
        assert_eq!(ids(&member.json("/api/v1/docs?q=z%C3%A8bre").await), vec![open]);
        let found = admin.json("/api/v1/docs?q=z%C3%A8bre").await;
        assert_eq!(ids(&found).len(), 50, "{found}");
        assert!(!ids(&found).contains(&open), "{found}");

        // A members' page: a logged-out visitor finds nothing of it, on the public pages
        // (which show the public tree, and no search) or the API (which wants a token).
        let slug = {
            use intercoop::entities::network;
            network::Entity::find_by_id(app.network_id().await)
                .one(&app.db().read)
                .await
                .unwrap()
                .unwrap()
                .slug
        };
        let visitor = app.client();
        let public = visitor.text(&format!("/n/{slug}/docs?q=xylophone")).await;
        assert!(
            !public.contains("xylophone") && !public.contains("Réservé aux membres"),
            "{public}"
        );
        assert_eq!(visitor.get("/api/v1/docs?q=xylophone").await.status(), 401);
        assert_eq!(ids(&admin.json("/api/v1/docs?q=xylophone").await), vec![secret]);

        // The app deletes no page; a row deleted all the same (by hand, by a cascade) leaves
        // the index too.
        use intercoop::documentation::entities::page as doc_page;
        doc_page::Entity::delete_by_id(secret)
            .exec(&app.db().write)
            .await
            .unwrap();
        let network = app.network_id().await;
        let left = intercoop::db::search::doc_pages(&app.db().read, network, "xylophone")
            .await
            .unwrap();
        assert_eq!(left, Vec::<i64>::new());
        assert_eq!(admin.json("/api/v1/docs?q=xylophone").await["found"], json!([]));
    }
);

both_backends!(
    the_pages_write_move_and_keep_a_conflicting_text,
    |app: TestApp| async move {
        let admin_id = app.person("admin@test.example", "Ada Admin", None, false, true).await;
        let _ = admin_id;
        let web = app.client();
        app.login(&web, "admin@test.example").await;
        let r = web
            .form(
                "/docs/new",
                &[
                    ("title", "Odoo: how we install"),
                    ("body_markdown", "Step one.\n"),
                    ("visibility", "members"),
                    ("booklet_position", "2"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let parent = r.headers()["location"].to_str().unwrap().to_string();
        let parent_id = parent.trim_start_matches("/docs/").to_string();
        let r = web
            .form(
                "/docs/new",
                &[
                    ("title", "Child"),
                    ("body_markdown", ""),
                    ("visibility", "members"),
                    ("parent_id", &parent_id),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let child_id = r.headers()["location"]
            .to_str()
            .unwrap()
            .trim_start_matches("/docs/")
            .to_string();

        // Moving the parent under its child: refused beside the field, the text kept.
        let r = web
            .form(
                &format!("{parent}/edit"),
                &[
                    ("title", "Odoo: how we install"),
                    ("body_markdown", "Step one, kept.\n"),
                    ("visibility", "members"),
                    ("parent_id", &child_id),
                    ("base_revision", "1"),
                ],
            )
            .await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(
            body.contains("cannot go under itself") && body.contains("Step one, kept."),
            "{body}"
        );
        // A bad number: refused beside it.
        let r = web
            .form(
                &format!("{parent}/edit"),
                &[
                    ("title", "Odoo"),
                    ("visibility", "members"),
                    ("booklet_position", "two"),
                    ("base_revision", "1"),
                ],
            )
            .await;
        assert_eq!(r.status(), 422);

        // Two people from revision 1: the first saves, the second is told and keeps their text.
        let edit = |text: &'static str| {
            vec![
                ("title", "Odoo: how we install"),
                ("body_markdown", text),
                ("visibility", "members"),
                ("booklet_position", "2"),
                ("base_revision", "1"),
            ]
        };
        let r = web
            .form(&format!("{parent}/edit"), &edit("Step one.\nStep two.\n"))
            .await;
        assert_eq!(r.status(), 303);
        let r = web.form(&format!("{parent}/edit"), &edit("My own steps.\n")).await;
        assert_eq!(r.status(), 409);
        let body = r.text().await.unwrap();
        assert!(
            body.contains("Someone saved this page") && body.contains("My own steps."),
            "{body}"
        );
        // The form now starts from revision 2: saving again is deliberate, and works.
        assert!(body.contains(r#"name="base_revision" value="2""#), "{body}");
        let page = web.text(&parent).await;
        assert!(page.contains("Step two.") && !page.contains("My own steps."), "{page}");
        let history = web.text(&format!("{parent}/history")).await;
        assert!(
            history.contains("Revision 2") && !history.contains("Revision 3"),
            "{history}"
        );
    }
);

// The API addresses a page by its path in the tree (issue 18, item 6): the slugs from
// the top, as scripts write them; the id still works. A visitor of the network reads
// the public pages by path and never a members' page; two writers from the same
// revision: the second gets a 409 with both versions.
both_backends!(pages_by_path_in_the_api, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let slug = intercoop::entities::network::Entity::find_by_id(app.network_id().await)
        .one(&app.db().read)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let made = |v: Value| v["id"].as_i64().unwrap();
    let r = admin.post("/api/v1/docs", &page("Welcome", "Hello.", "public")).await;
    let welcome = made(r.json().await.unwrap());
    let mut first = page("First steps", "Read the charter.", "public");
    first["parent_id"] = json!(welcome);
    let first = made(admin.post("/api/v1/docs", &first).await.json().await.unwrap());
    let mut inner = page("Budget: 2027!", "Members only.", "members");
    inner["parent_id"] = json!(welcome);
    let inner = made(admin.post("/api/v1/docs", &inner).await.json().await.unwrap());
    // A sibling with the same title, and a title that would read as an id.
    let mut twin = page("First steps", "Another.", "public");
    twin["parent_id"] = json!(welcome);
    let twin = made(admin.post("/api/v1/docs", &twin).await.json().await.unwrap());
    let year = made(
        admin
            .post("/api/v1/docs", &page("2027", "Plans.", "public"))
            .await
            .json()
            .await
            .unwrap(),
    );

    // Each page says its path; the API reads it there, and by id as before.
    let p = admin.json("/api/v1/docs/welcome/first-steps").await;
    assert_eq!(p["id"], first, "{p}");
    assert_eq!(p["path"], "welcome/first-steps");
    assert_eq!(p["slug"], "first-steps");
    assert_eq!(p["body_markdown"], "Read the charter.");
    assert_eq!(admin.json(&format!("/api/v1/docs/{first}")).await["id"], first);
    let t = admin.json(&format!("/api/v1/docs/{twin}")).await;
    assert_eq!(t["path"], format!("welcome/first-steps-{twin}"));
    assert_eq!(
        admin.json(&format!("/api/v1/docs/welcome/first-steps-{twin}")).await["id"],
        twin
    );
    let y = admin.json(&format!("/api/v1/docs/{year}")).await;
    assert_eq!(y["path"], format!("page-{year}"));
    assert_eq!(admin.json(&format!("/api/v1/docs/page-{year}")).await["id"], year);
    let b = admin.json(&format!("/api/v1/docs/{inner}")).await;
    assert_eq!(b["path"], "welcome/budget-2027");
    // A search's pages say the same paths: the twin's slug is told apart from its older
    // sibling's (read apart from the tree, `search::found_pages`).
    for (q, id, path) in [
        ("another", twin, format!("welcome/first-steps-{twin}")),
        ("charter", first, "welcome/first-steps".to_string()),
        ("plans", year, format!("page-{year}")),
    ] {
        let found = admin.json(&format!("/api/v1/docs?q={q}")).await;
        assert_eq!(found["items"][0]["id"], id, "{found}");
        assert_eq!(found["items"][0]["path"], path, "{found}");
        let depth = if path.contains('/') { 1 } else { 0 };
        assert_eq!(found["items"][0]["depth"], depth, "{found}");
    }
    let list = admin.json("/api/v1/docs").await;
    assert!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["path"] == "welcome/budget-2027"),
        "{list}"
    );
    // Revisions and differences after a path, as after an id.
    let revs = admin.json("/api/v1/docs/welcome/first-steps/revisions").await;
    assert_eq!(revs.as_array().unwrap().len(), 1, "{revs}");
    assert_eq!(admin.get("/api/v1/docs/welcome/nothing-here").await.status(), 404);

    // A visitor of the network (no token): public pages by path, never a members' one,
    // which answers as if it did not exist.
    let visitor = reqwest::Client::new();
    let read = |path: String| {
        let visitor = visitor.clone();
        let url = app.url(&path);
        async move { visitor.get(url).send().await.unwrap() }
    };
    let r = read(format!("/api/v1/docs/welcome/first-steps?network={slug}")).await;
    assert_eq!(r.status(), 200);
    let r = read(format!("/api/v1/docs/welcome/budget-2027?network={slug}")).await;
    assert_eq!(r.status(), 404);
    let body = r.text().await.unwrap();
    assert!(!body.contains("Members only."), "{body}");
    assert_eq!(read(format!("/api/v1/docs/{inner}?network={slug}")).await.status(), 404);
    assert_eq!(
        read(format!("/api/v1/docs/{inner}/revisions?network={slug}"))
            .await
            .status(),
        404
    );
    let tree: Value = read(format!("/api/v1/docs/welcome?network={slug}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(tree["id"], welcome);
    assert_eq!(
        read("/api/v1/docs/welcome".into()).await.status(),
        401,
        "no token, no network"
    );
    // A private network shows nothing to visitors.
    let n = intercoop::entities::network::Entity::find_by_id(app.network_id().await)
        .one(&app.db().read)
        .await
        .unwrap()
        .unwrap();
    let mut rules = n.rules.0.clone();
    rules.private = true;
    let mut m: intercoop::entities::network::ActiveModel = n.into();
    m.rules = sea_orm::Set(intercoop::db::types::Json(rules));
    sea_orm::ActiveModelTrait::update(m, &app.db().write).await.unwrap();
    let r = read(format!("/api/v1/docs/welcome/first-steps?network={slug}")).await;
    assert_eq!(r.status(), 404, "a private network");

    // Two writers from revision 1, by path: the first wins, the second is refused with
    // both versions, and nothing of either is lost.
    let mut mine = page("First steps", "Read the charter first.", "public");
    mine["parent_id"] = json!(welcome);
    mine["base_revision"] = json!(1);
    let mut theirs = mine.clone();
    theirs["body_markdown"] = json!("Come to an assembly.");
    let r = admin.put("/api/v1/docs/welcome/first-steps", &mine).await;
    assert_eq!(r.status(), 200);
    let r = admin.put("/api/v1/docs/welcome/first-steps", &theirs).await;
    assert_eq!(r.status(), 409);
    let conflict: Value = r.json().await.unwrap();
    assert_eq!(conflict["status"], 409);
    assert_eq!(
        conflict["current"]["body_markdown"], "Read the charter first.",
        "{conflict}"
    );
    assert_eq!(conflict["current"]["revision"], 2);
    assert_eq!(conflict["yours"]["body_markdown"], "Come to an assembly.");
    // Sent again from the current revision: saved.
    theirs["base_revision"] = json!(2);
    assert_eq!(
        admin.put("/api/v1/docs/welcome/first-steps", &theirs).await.status(),
        200
    );
    assert_eq!(
        admin.json(&format!("/api/v1/docs/{first}")).await["body_markdown"],
        "Come to an assembly."
    );
    // By id, the same refusal.
    let r = admin.put(&format!("/api/v1/docs/{first}"), &mine).await;
    assert_eq!(r.status(), 409);
    // A member may not write, by path either.
    let org = app.organisation(&admin, "Coop One", "user", Some(10)).await;
    let member_id = app
        .person("member@test.example", "Mia Member", Some(org), false, false)
        .await;
    let member = app.api(&app.token_for(member_id).await);
    assert_eq!(
        member.put("/api/v1/docs/welcome/first-steps", &theirs).await.status(),
        403
    );
    assert_eq!(member.get("/api/v1/docs/welcome/budget-2027").await.status(), 200);
});
