//! How fast the mailing lists are at a federation's size (issue 17, speed): one message
//! to a list of 6 000 subscribers is accepted and its deliveries queued in ≤ 2 s, and
//! the archive search over 100 000 messages answers in ≤ 20 ms. Not checks: ignored,
//! they print the times. `bench/lists` runs them on SQLite and, when
//! `TEST_DATABASE_URL` is set, on PostgreSQL (`bench/lists --release` for the release
//! profile); the figures are in bench/LISTS.md. The inbound listener's rate is
//! measured by `bench/inbound`, against a running server.

mod common;

use common::{Api, Backend, TestApp, status_and_json};
use intercoop::entities::{network_person, outbox_message, person};
use intercoop::lists::entities::message;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait,
};
use serde_json::json;
use std::time::{Duration, Instant};

const SUBSCRIBERS: i64 = 6_000;
const MESSAGES: i64 = 100_000;

/// The network's mutual-help list (subscribed by default: everyone gets each message).
async fn help_list(admin: &Api) -> i64 {
    admin.json("/api/v1/lists").await["items"][0]["id"].as_i64().unwrap()
}

/// `n` people of the network, written 500 rows a statement (as the invitations would
/// leave them, without the emails).
async fn add_people(app: &TestApp, network_id: i64, n: i64) {
    let txn = app.db().write.begin().await.unwrap();
    let now = intercoop::db::now();
    let numbers: Vec<i64> = (0..n).collect();
    for chunk in numbers.chunks(500) {
        let rows = chunk.iter().map(|i| {
            let name = format!("Subscriber {i}");
            person::ActiveModel {
                email: Set(format!("subscriber{i}@coop{}.example", i % 300)),
                name_key: Set(Some(intercoop::collation::sort_key(&name))),
                name: Set(name),
                language: Set(None),
                password_hash: Set(None),
                phone: Set(String::new()),
                disabled: Set(false),
                created_at: Set(now),
                last_login_at: Set(None),
                ..Default::default()
            }
        });
        let ids: Vec<i64> = person::Entity::insert_many(rows)
            .exec_with_returning(&txn)
            .await
            .unwrap()
            .into_iter()
            .map(|p| p.id)
            .collect();
        let rows = ids.iter().map(|id| network_person::ActiveModel {
            network_id: Set(network_id),
            person_id: Set(*id),
            is_admin: Set(false),
            is_core_circle: Set(false),
            created_at: Set(now),
            ..Default::default()
        });
        network_person::Entity::insert_many(rows)
            .exec_without_returning(&txn)
            .await
            .unwrap();
    }
    txn.commit().await.unwrap();
}

async fn time_fan_out(app: TestApp) {
    let admin = app.api(&app.admin_token().await);
    let network_id = app.network_id().await;
    let list = help_list(&admin).await;
    let t0 = Instant::now();
    add_people(&app, network_id, SUBSCRIBERS).await;
    let seeded = t0.elapsed();
    eprintln!(
        "{:?}: {SUBSCRIBERS} people in {:.1} s",
        app.backend,
        seeded.as_secs_f64()
    );

    // Accepted: the API's answer (stored, indexed, its delivery job queued). Queued:
    // the job has written one outbox email per subscriber (sending is the outbox's).
    let t0 = Instant::now();
    let (status, body) = status_and_json(
        admin
            .post(
                &format!("/api/v1/lists/{list}/messages"),
                &json!({"subject": "Assemblée de printemps",
                    "body_markdown": "Bonjour à toutes et à tous,\n\nL'assemblée se tient le **12 avril** à Namur. \
                     L'ordre du jour suit ; les documents sont dans l'espace.\n\n- accueil\n- comptes\n- projets"}),
            )
            .await,
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let accepted = t0.elapsed();
    eprintln!("accepted in {:.0} ms", accepted.as_secs_f64() * 1000.0);
    let worker = &app.running.as_ref().expect("running").jobs;
    while app.at_server_time(worker.run_once()).await.unwrap() > 0 {}
    let queued = t0.elapsed();
    let emails = outbox_message::Entity::find()
        .filter(outbox_message::Column::Kind.eq("list_message"))
        .count(&app.db().read)
        .await
        .unwrap();
    assert!(emails as i64 > SUBSCRIBERS, "{emails} emails queued");
    println!(
        "{:?}: one message to {SUBSCRIBERS} subscribers: accepted in {:.0} ms, {emails} deliveries queued in \
         {:.0} ms (target ≤ 2 s; seeded in {:.1} s)",
        app.backend,
        accepted.as_secs_f64() * 1000.0,
        queued.as_secs_f64() * 1000.0,
        seeded.as_secs_f64(),
    );
}

const TOPICS: &[&str] = &[
    "étiquettes",
    "caisse",
    "balance",
    "inventaire",
    "fournisseur",
    "cotisation",
    "bénévoles",
    "planning",
    "commande",
    "facture",
    "stock",
    "Odoo",
    "imprimante",
    "adhésion",
    "livraison",
    "comptabilité",
];

/// `MESSAGES` published messages in the list, 500 rows a statement, in threads of four
/// (a question naming its topic and Odoo, three answers), as the seed writes them; on
/// SQLite their rows of the search index too (`index_list_message` does one at a time).
async fn add_messages(app: &TestApp, network_id: i64, list: i64, author: i64) {
    let txn = app.db().write.begin().await.unwrap();
    let now = intercoop::db::now();
    let numbers: Vec<i64> = (0..MESSAGES).collect();
    for chunk in numbers.chunks(500) {
        let rows = chunk.iter().map(|i| {
            let topic = TOPICS[(*i as usize / 4) % TOPICS.len()];
            let (subject, body) = if i % 4 == 0 {
                (
                    format!("{topic} : une question ({i})"),
                    format!("Comment faites-vous pour {topic} ? Nous avons essayé avec Odoo (message {i})."),
                )
            } else {
                (
                    format!("Re: {topic} : une question ({})", i - i % 4),
                    format!("Il faut vérifier la configuration, puis relancer. À propos de {topic} (message {i})."),
                )
            };
            message::ActiveModel {
                list_id: Set(list),
                network_id: Set(network_id),
                thread_id: Set(None),
                parent_id: Set(None),
                message_id: Set(format!("bench-{i}@bench.example")),
                refs: Set(String::new()),
                author_id: Set(Some(author)),
                from_address: Set("admin@test.example".into()),
                from_name: Set("Ada Admin".into()),
                subject: Set(subject),
                body_html: Set(format!("<p>{body}</p>")),
                body_text: Set(body),
                status: Set("published".into()),
                hold_reason: Set(None),
                source: Set("web".into()),
                decided_by: Set(None),
                created_at: Set(now),
                ..Default::default()
            }
        });
        message::Entity::insert_many(rows)
            .exec_without_returning(&txn)
            .await
            .unwrap();
    }
    let sqlite = txn.get_database_backend() == sea_orm::DatabaseBackend::Sqlite;
    if sqlite {
        txn.execute_unprepared(&format!(
            "INSERT INTO list_messages_fts (rowid, subject, body) \
             SELECT id, subject, body_text FROM list_messages WHERE list_id = {list}"
        ))
        .await
        .unwrap();
    }
    txn.commit().await.unwrap();
    if !sqlite {
        // What PostgreSQL's autovacuum does within a minute of such a load: without the
        // table's statistics its planner computes every message's words (1.5 s a query).
        app.db()
            .write
            .execute_unprepared("ANALYZE list_messages")
            .await
            .unwrap();
    }
}

/// Words asked: a topic (1 message in 16), Odoo (every question), two words, a word of
/// every answer, a message's number (one), a word no message has.
const QUERIES: &[&str] = &[
    "inventaire",
    "odoo",
    "balance odoo",
    "relancer",
    "imprimante configuration",
    "4242",
    "introuvable",
];

/// Times each query `runs` times through the API (after one unmeasured run); the median
/// and the worst, and the hits of each query.
async fn time_queries(admin: &Api, path: impl Fn(&str) -> String, runs: usize) -> (Duration, Duration, Vec<usize>) {
    let mut times = Vec::new();
    let mut hits = Vec::new();
    for q in QUERIES {
        let url = path(&q.replace(' ', "+"));
        let (status, body) = status_and_json(admin.get(&url).await).await;
        assert_eq!(status, 200, "{body}");
        hits.push(body["items"].as_array().map_or(0, Vec::len));
        for _ in 0..runs {
            let t0 = Instant::now();
            let r = admin.get(&url).await;
            assert_eq!(r.status(), 200);
            r.bytes().await.unwrap();
            times.push(t0.elapsed());
        }
    }
    times.sort();
    (times[times.len() / 2], *times.last().unwrap(), hits)
}

async fn time_search(app: TestApp) {
    let admin = app.api(&app.admin_token().await);
    let network_id = app.network_id().await;
    let list = help_list(&admin).await;
    let author = person::Entity::find()
        .filter(person::Column::Email.eq("admin@test.example"))
        .one(&app.db().read)
        .await
        .unwrap()
        .unwrap()
        .id;
    let t0 = Instant::now();
    add_messages(&app, network_id, list, author).await;
    let seeded = t0.elapsed();
    eprintln!(
        "{:?}: {MESSAGES} messages in {:.1} s",
        app.backend,
        seeded.as_secs_f64()
    );
    let (median, worst, hits) = time_queries(&admin, |q| format!("/api/v1/lists/{list}/messages?q={q}"), 5).await;
    println!(
        "{:?}: archive search over {MESSAGES} messages, {} queries × 5 through the API: median {:.1} ms, \
         worst {:.1} ms (target ≤ 20 ms; hits per query {hits:?}; seeded in {:.1} s)",
        app.backend,
        QUERIES.len(),
        median.as_secs_f64() * 1000.0,
        worst.as_secs_f64() * 1000.0,
        seeded.as_secs_f64(),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measure, not a check: bench/lists runs it"]
async fn fan_out_sqlite() {
    time_fan_out(common::spawn_quiet(Backend::Sqlite).await.unwrap()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measure, not a check: bench/lists runs it"]
async fn fan_out_postgres() {
    if let Some(app) = common::spawn_quiet(Backend::Postgres).await {
        time_fan_out(app).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measure, not a check: bench/lists runs it"]
async fn search_sqlite() {
    time_search(common::spawn_quiet(Backend::Sqlite).await.unwrap()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measure, not a check: bench/lists runs it"]
async fn search_postgres() {
    if let Some(app) = common::spawn_quiet(Backend::Postgres).await {
        time_search(app).await;
    }
}
