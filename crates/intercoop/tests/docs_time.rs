//! How fast the documentation space is at a large size (issue 18, speed): the search
//! over 5 000 pages answers in ≤ 20 ms, the welcome booklet's PDF of 30 pages is made
//! in ≤ 2 s. Not checks: ignored, they print the times. `bench/docs` runs them on
//! SQLite and, when `TEST_DATABASE_URL` is set, on PostgreSQL (`bench/docs --release`
//! for the release profile); the figures are in bench/DOCS.md.

mod common;

use common::{Api, Backend, TestApp, status_and_json};
use intercoop::documentation::entities::page;
use intercoop::entities::person;
use intercoop_domain::documentation::{Reader, Visibility};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use std::time::{Duration, Instant};

const PAGES: i64 = 5_000;
const BOOKLET: i64 = 30;

const SUBJECTS: &[&str] = &[
    "l'assemblée générale",
    "la cotisation",
    "le planning des bénévoles",
    "la caisse",
    "les commandes groupées",
    "la comptabilité",
    "l'inventaire",
    "les statuts",
    "le conseil d'administration",
    "les fournisseurs",
];

/// A page's Markdown: about 1 800 characters (a printed page with its headings), its
/// subject in turn, its number once.
fn body(i: i64) -> String {
    let subject = SUBJECTS[i as usize % SUBJECTS.len()];
    let other = SUBJECTS[(i as usize * 7 + 3) % SUBJECTS.len()];
    let mut s =
        format!("Cette page explique {subject} (fiche {i}). Elle complète celle sur {other}.\n\n## Pour commencer\n\n");
    for k in 0..4 {
        s.push_str(&format!(
            "Chaque membre peut consulter {subject} depuis son espace. Les décisions sont prises \
             en réunion et notées au procès-verbal ; les documents utiles sont rangés dans \
             l'espace de documentation, sous la rubrique qui leur correspond ({k}).\n\n"
        ));
    }
    s.push_str("## En pratique\n\n- demander l'accès au groupe\n- lire la charte\n- noter ses questions\n\n");
    s.push_str(&format!(
        "Pour toute question sur {subject}, écrivez au cercle de coordination. `réponse sous huit jours`\n"
    ));
    s
}

/// `PAGES` pages written 500 rows a statement: 50 top pages of 99 children each, the
/// first `BOOKLET` top pages in the booklet; a tenth for the core circle.
async fn add_pages(app: &TestApp, network_id: i64) {
    let txn = app.db().write.begin().await.unwrap();
    let now = intercoop::db::now();
    let row = |i: i64, parent: Option<i64>, position: i64| page::ActiveModel {
        network_id: Set(network_id),
        parent_id: Set(parent),
        title: Set(format!("Fiche {i} : {}", SUBJECTS[i as usize % SUBJECTS.len()])),
        body: Set(body(i)),
        visibility: Set(if i % 10 == 9 {
            Visibility::Core
        } else {
            Visibility::Members
        }
        .into()),
        position: Set(position),
        booklet_position: Set((parent.is_none() && position <= BOOKLET).then_some(position)),
        revision: Set(1),
        created_by: Set(None),
        created_at: Set(now),
        updated_by: Set(None),
        updated_at: Set(now),
        ..Default::default()
    };
    let tops: Vec<i64> = page::Entity::insert_many((1..=50).map(|p| {
        let mut r = row(p - 1, None, p);
        r.visibility = Set(Visibility::Members.into());
        r
    }))
    .exec_with_returning(&txn)
    .await
    .unwrap()
    .into_iter()
    .map(|p| p.id)
    .collect();
    let children: Vec<i64> = (50..PAGES).collect();
    for chunk in children.chunks(500) {
        page::Entity::insert_many(chunk.iter().map(|i| row(*i, Some(tops[(*i % 50) as usize]), *i / 50)))
            .exec_without_returning(&txn)
            .await
            .unwrap();
    }
    txn.commit().await.unwrap();
}

const QUERIES: &[&str] = &[
    "assemblée",
    "cotisation",
    "procès-verbal",
    "statuts conseil",
    "4242",
    "introuvable",
];

async fn time_search(app: TestApp) {
    let admin = app.api(&app.admin_token().await);
    let network_id = app.network_id().await;
    let t0 = Instant::now();
    add_pages(&app, network_id).await;
    let seeded = t0.elapsed();
    let (median, worst, hits) = time_queries(&admin, 5).await;
    // The search alone (`documentation::search::search`, as the API and the page call it).
    let mut alone = Vec::new();
    for q in QUERIES {
        for _ in 0..5 {
            let t0 = Instant::now();
            intercoop::documentation::search::search(&app.db().read, network_id, Reader::Member, q)
                .await
                .unwrap();
            alone.push(t0.elapsed());
        }
    }
    alone.sort();
    // The index alone (`db::search::doc_pages`: every page found, ranked).
    let mut index = Vec::new();
    for q in QUERIES {
        for _ in 0..5 {
            let t0 = Instant::now();
            intercoop::db::search::doc_pages(&app.db().read, network_id, q)
                .await
                .unwrap();
            index.push(t0.elapsed());
        }
    }
    index.sort();
    println!(
        "{:?}: documentation search over {PAGES} pages, {} queries × 5 through the API: median {:.1} ms, \
         worst {:.1} ms (target ≤ 20 ms; the search alone: median {:.1} ms, worst {:.1} ms; the index's query \
         alone: median {:.1} ms, worst {:.1} ms; hits per query {hits:?}; seeded in {:.1} s)",
        app.backend,
        QUERIES.len(),
        median.as_secs_f64() * 1000.0,
        worst.as_secs_f64() * 1000.0,
        alone[alone.len() / 2].as_secs_f64() * 1000.0,
        alone.last().unwrap().as_secs_f64() * 1000.0,
        index[index.len() / 2].as_secs_f64() * 1000.0,
        index.last().unwrap().as_secs_f64() * 1000.0,
        seeded.as_secs_f64(),
    );
}

/// Times each query `runs` times through the API (after one unmeasured run): the
/// median, the worst, and the hits of each query (at most 50 are answered).
async fn time_queries(admin: &Api, runs: usize) -> (Duration, Duration, Vec<usize>) {
    let mut times = Vec::new();
    let mut hits = Vec::new();
    for q in QUERIES {
        let url = format!("/api/v1/docs?q={}", q.replace(' ', "+"));
        let (status, body) = status_and_json(admin.get(&url).await).await;
        assert_eq!(status, 200, "{body}");
        hits.push(body["found"].as_array().map_or(0, Vec::len));
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

async fn time_booklet(app: TestApp) {
    let _ = app.admin_token().await;
    let network_id = app.network_id().await;
    add_pages(&app, network_id).await;
    let web = app.client();
    app.login(&web, "admin@test.example").await;
    let mut times = Vec::new();
    let mut bytes = Vec::new();
    for _ in 0..4 {
        let t0 = Instant::now();
        let r = web.get("/docs/booklet.pdf").await;
        assert_eq!(r.status(), 200);
        bytes = r.bytes().await.unwrap().to_vec();
        times.push(t0.elapsed());
    }
    // The first asks also marks the booklet opened: the others are the steady state.
    let text = String::from_utf8_lossy(&bytes);
    let sheets = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
    times.sort();
    let person = person::Entity::find()
        .filter(person::Column::Email.eq("admin@test.example"))
        .one(&app.db().read)
        .await
        .unwrap();
    assert!(person.is_some());
    println!(
        "{:?}: the booklet PDF of {BOOKLET} chapters ({sheets} sheets, {} kB) among {PAGES} pages: \
         median {:.0} ms, worst {:.0} ms of 4 (target ≤ 2 s)",
        app.backend,
        bytes.len() / 1024,
        times[times.len() / 2].as_secs_f64() * 1000.0,
        times.last().unwrap().as_secs_f64() * 1000.0,
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measure, not a check: bench/docs runs it"]
async fn search_sqlite() {
    time_search(common::spawn_quiet(Backend::Sqlite).await.unwrap()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measure, not a check: bench/docs runs it"]
async fn search_postgres() {
    if let Some(app) = common::spawn_quiet(Backend::Postgres).await {
        time_search(app).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measure, not a check: bench/docs runs it"]
async fn booklet_sqlite() {
    time_booklet(common::spawn_quiet(Backend::Sqlite).await.unwrap()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measure, not a check: bench/docs runs it"]
async fn booklet_postgres() {
    if let Some(app) = common::spawn_quiet(Backend::Postgres).await {
        time_booklet(app).await;
    }
}
