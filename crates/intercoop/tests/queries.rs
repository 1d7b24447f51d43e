//! No N+1: every list page issues the same number of queries whatever the number of
//! rows (measured at scale 1 and at a larger scale, on both databases).

mod common;

use common::{Backend, TestApp};

async fn count(app: &TestApp, client: &common::Client, path: &str) -> u64 {
    // Once to warm the session cache, then measured.
    assert_eq!(client.get(path).await.status(), 200, "{path}");
    let before = app.db().query_count();
    let r = client.get(path).await;
    assert_eq!(r.status(), 200, "{path}");
    app.db().query_count() - before
}

async fn counts_at(app: &TestApp, scale: u32, seed: u64) -> Vec<(String, u64)> {
    let seeded = intercoop::seed::seed(app.db(), scale, seed).await.unwrap();
    let client = app.client();
    app.login(&client, &seeded.admin_email).await;
    let mut out = Vec::new();
    for path in [
        "/dashboard",
        "/organisations",
        "/people",
        "/organisations?status=member&kind=user&q=a",
        "/proposals",
        "/proposals?sort=funded",
        "/proposals?sort=wanted&status=funding",
        "/polls",
        "/meetings",
        "/meetings?past=true",
    ] {
        out.push((path.to_string(), count(app, &client, path).await));
    }
    // The treasurer's overview (sums and counts made by the database, a page of 50
    // organisations) and the latest past assembly's page (the number invited, not the
    // list; the quorum from the organisations present).
    out.push(("/money".into(), count(app, &client, "/money").await));
    let assembly = latest_past_assembly(app, seeded.network_id).await;
    out.push((
        "/meetings/{an assembly}".into(),
        count(app, &client, &format!("/meetings/{assembly}")).await,
    ));
    let token = app.token_for(seeded.people[0]).await;
    let api = app.api(&token);
    for path in [
        "/api/v1/organisations",
        "/api/v1/people",
        "/api/v1/proposals",
        "/api/v1/polls",
        "/api/v1/meetings?past=true",
    ] {
        api.get(path).await;
        let before = app.db().query_count();
        assert_eq!(api.get(path).await.status(), 200);
        out.push((path.to_string(), app.db().query_count() - before));
    }
    out
}

/// The latest assembly of the network that has begun.
async fn latest_past_assembly(app: &TestApp, network_id: i64) -> i64 {
    use intercoop::assemblies::entities::meeting;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    meeting::Entity::find()
        .filter(meeting::Column::NetworkId.eq(network_id))
        .filter(meeting::Column::Kind.eq("assembly"))
        .filter(meeting::Column::StartsAt.lt(intercoop::clock::now()))
        .order_by_desc(meeting::Column::StartsAt)
        .one(&app.db().read)
        .await
        .unwrap()
        .expect("the seed has a past assembly")
        .id
}

async fn run(backend: Backend) {
    let Some(app) = common::spawn_quiet(backend).await else {
        if std::env::var("CI").is_ok() {
            panic!("PostgreSQL required in CI");
        }
        return;
    };
    let small = counts_at(&app, 1, 1).await;
    let large = counts_at(&app, 4, 2).await;
    assert_eq!(small, large, "queries per page must not grow with the rows");
    // And they are few.
    eprintln!("queries per request: {small:?}");
    for (path, n) in &small {
        let most = match path.as_str() {
            // Books, runway (cash, budget, schedules, members), two for the page of
            // organisations, overdue, unmatched, settings.
            "/money" => 10,
            // The meeting and its agenda, invited (the count, kept on SQLite until the
            // database changes, and whether the reader is: two), answers (counts and the
            // reader's, one), the quorum's percent, members, organisations present,
            // proxies (read once for the quorum and the list), their givers'
            // memberships, the minutes' decisions, documents.
            "/meetings/{an assembly}" => 12,
            _ => 8,
        };
        assert!(*n <= most, "{path} issues {n} queries");
    }
    // The proposal and poll lists, page or API, and the organisation API are one query:
    // rows, summaries and count together.
    for (path, n) in &small {
        let one = [
            "/proposals",
            "/polls",
            "/api/v1/proposals",
            "/api/v1/polls",
            "/api/v1/organisations",
        ];
        if one.iter().any(|p| path == p || path.starts_with(&format!("{p}?"))) {
            assert_eq!(*n, 1, "{path} issues {n} queries");
        }
    }
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_pages_issue_a_bounded_number_of_queries_sqlite() {
    run(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_pages_issue_a_bounded_number_of_queries_postgres() {
    run(Backend::Postgres).await;
}

/// A seed shares the database with a real network: it marks only its own share
/// changes as told, so the real network's daily digest still goes out.
async fn seed_leaves_other_networks_alone(backend: Backend) {
    use sea_orm::{ConnectionTrait, Statement};
    use serde_json::json;
    let Some(app) = common::spawn_quiet(backend).await else {
        if std::env::var("CI").is_ok() {
            panic!("PostgreSQL required in CI");
        }
        return;
    };
    let admin = app.api(&app.admin_token().await);
    let mut shops = Vec::new();
    for name in ["Real Shop A", "Real Shop B"] {
        let org = app.organisation(&admin, name, "user", Some(100)).await;
        let email = format!("rep{}@real.example", shops.len());
        let person = app.person(&email, name, Some(org), true, false).await;
        shops.push((org, app.api(&app.token_for(person).await)));
    }
    let r = admin
        .post(
            "/api/v1/proposals",
            &json!({"title": "Real need", "description": "x", "requested_by": shops[0].0}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let id = r.json::<serde_json::Value>().await.unwrap()["id"].as_i64().unwrap();
    common::open(&admin, id, json!({"amount_cents": 10_000, "key": {"kind": "equal"}})).await;
    for (org, api) in &shops {
        common::pledge_ok(api, id, *org).await;
    }
    let db = &app.db().read;
    let count = |sql: String| async move {
        let stmt = Statement::from_string(db.get_database_backend(), sql);
        db.query_one_raw(stmt)
            .await
            .unwrap()
            .unwrap()
            .try_get::<i64>("", "n")
            .unwrap()
    };
    let unsent = || count("SELECT COUNT(*) AS n FROM campaigns WHERE digest_due".into());
    assert_eq!(unsent().await, 1, "the second pledge halved the first one's share");
    let seeded = intercoop::seed::seed(app.db(), 1, 3).await.unwrap();
    assert_eq!(unsent().await, 1, "the real network's digest is still to send");
    let sent = app.share_digest().await;
    assert_eq!(sent, 1, "one email, to the real network's first shop");
    let digests = count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'share_digest'".into()).await;
    assert_eq!(digests, 1, "none for the {} seeded people", seeded.people.len());
    // Five years of monthly assemblies and the next ones; the past ones with their
    // attendance and published minutes; none of their invitations or reminders waits.
    let n = seeded.network_id;
    let meetings = count(format!(
        "SELECT COUNT(*) AS n FROM meetings WHERE network_id = {n} AND kind = 'assembly'"
    ))
    .await;
    assert_eq!(meetings, 63);
    let published = count(format!(
        "SELECT COUNT(*) AS n FROM meetings WHERE network_id = {n} AND minutes_status = 'published'"
    ))
    .await;
    assert!((60..=61).contains(&published), "{published} minutes published");
    let decisions = count(format!(
        "SELECT COUNT(*) AS n FROM meeting_decisions d JOIN meetings m ON m.id = d.meeting_id WHERE m.network_id = {n}"
    ))
    .await;
    assert_eq!(decisions, published);
    let present = count(format!(
        "SELECT COUNT(*) AS n FROM meeting_answers a JOIN meetings m ON m.id = a.meeting_id \
         WHERE m.network_id = {n} AND a.present"
    ))
    .await;
    assert!(present >= published, "{present} present over {published} assemblies");
    let waiting = count(format!(
        "SELECT COUNT(*) AS n FROM jobs WHERE network_id = {n} AND kind IN ('assemblies.invite', 'assemblies.remind')"
    ))
    .await;
    assert_eq!(waiting, 0, "the seeded network's meetings send nothing");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_leaves_other_networks_alone_sqlite() {
    seed_leaves_other_networks_alone(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_leaves_other_networks_alone_postgres() {
    seed_leaves_other_networks_alone(Backend::Postgres).await;
}

/// List totals are kept between pages on SQLite (`db::totals`): every write must still
/// show at once, whether this server made it or another process on the same database
/// (the CLI, another instance), and a filtered list keeps a total of its own.
async fn totals_follow_every_write(backend: Backend) {
    use intercoop::organisations::data::{self, OrganisationInput};
    let Some(app) = common::spawn_quiet(backend).await else {
        if std::env::var("CI").is_ok() {
            panic!("PostgreSQL required in CI");
        }
        return;
    };
    let admin = app.api(&app.admin_token().await);
    let client = app.client();
    app.login(&client, "admin@test.example").await;
    let total = |path: &'static str| {
        let admin = &admin;
        async move { admin.json(path).await["total"].as_i64().unwrap() }
    };
    let before = total("/api/v1/organisations").await;
    // Twice: the second answer comes from the kept total on SQLite.
    assert_eq!(total("/api/v1/organisations").await, before);
    assert_eq!(total("/api/v1/organisations?q=elsewhere").await, 0);
    app.organisation(&admin, "Made here", "user", None).await;
    assert_eq!(
        total("/api/v1/organisations").await,
        before + 1,
        "a write of this server"
    );
    assert_eq!(total("/api/v1/organisations?q=elsewhere").await, 0);

    // Another process's connection to the same database.
    let other = intercoop::db::Db::connect(&app.db_args).await.unwrap();
    let input = OrganisationInput {
        name: "Made elsewhere".into(),
        kind: "user".into(),
        ..Default::default()
    };
    let network_id = app.network_id().await;
    data::create(
        &other.write,
        intercoop::audit::Actor::SYSTEM,
        network_id,
        &input.validate().unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(
        total("/api/v1/organisations").await,
        before + 2,
        "a write of another process"
    );
    assert_eq!(total("/api/v1/organisations?q=elsewhere").await, 1);
    let page = client.text("/organisations").await;
    assert!(page.contains("Made elsewhere"), "the page lists it too");
    // A page past the end still says how many there are.
    let past = admin.json("/api/v1/organisations?page=99").await;
    assert_eq!(past["total"].as_i64(), Some(before + 2));
    assert_eq!(past["items"].as_array().map(Vec::len), Some(0));
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn totals_follow_every_write_sqlite() {
    totals_follow_every_write(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn totals_follow_every_write_postgres() {
    totals_follow_every_write(Backend::Postgres).await;
}

/// The overview's figures, read by the database in a few rows, are the reports' own:
/// the trial balance's totals, the organisations' totals page by page, the counts; and a
/// meeting's number invited, whether a person is, and the quorum, are what the list of
/// those invited and every representative and member give.
async fn overview_figures_are_the_reports(backend: Backend) {
    use intercoop::assemblies::{answers, entities::meeting, notifications as invitations, proxies};
    use intercoop::money::{ledger, payments, reports};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let Some(app) = common::spawn_quiet(backend).await else {
        if std::env::var("CI").is_ok() {
            panic!("PostgreSQL required in CI");
        }
        return;
    };
    let seeded = intercoop::seed::seed(app.db(), 2, 3).await.unwrap();
    let (db, n) = (&app.db().read, seeded.network_id);
    let full = ledger::trial_balance(db, n).await.unwrap();
    let totals = ledger::trial_totals(db, n).await.unwrap();
    assert_eq!(
        (totals.debit.cents(), totals.credit.cents()),
        (full.debit_cents, full.credit_cents)
    );
    assert!(full.debit_cents > 0);
    assert_eq!(
        payments::unmatched_count(db, n).await.unwrap() as usize,
        payments::unmatched(db, n, i64::MAX as u64).await.unwrap().len()
    );
    // Ties in the pages' sort key: in each year, four organisations with requests take
    // the name (and so the name key) of a fifth, so that the id alone orders them.
    for year in 2020..=2030 {
        let all = reports::by_member(db, n, Some(year)).await.unwrap();
        if all.len() < 5 {
            continue;
        }
        let twins: Vec<String> = all[1..5].iter().map(|m| m.organisation_id.to_string()).collect();
        let first = all[0].organisation_id;
        let sql = format!(
            "UPDATE organisations SET name = (SELECT name FROM organisations WHERE id = {first}), \
             name_key = (SELECT name_key FROM organisations WHERE id = {first}) WHERE id IN ({})",
            twins.join(", ")
        );
        sea_orm::ConnectionTrait::execute_unprepared(&app.db().write, &sql)
            .await
            .unwrap();
    }
    let mut years_seen = 0;
    let mut most_pages = 0;
    let mut ties = 0;
    for year in 2020..=2030 {
        let all = reports::by_member(db, n, Some(year)).await.unwrap();
        let mut paged = Vec::new();
        for page in 0.. {
            // Each page reads its own rows: page N asks for the rows from N × 3.
            let (rows, more) = reports::by_member_page(db, n, year, page * 3, 3).await.unwrap();
            assert!(rows.len() <= 3);
            paged.extend(rows);
            most_pages = most_pages.max(page + 1);
            if !more {
                break;
            }
        }
        let key = |m: &reports::MemberTotals| {
            (
                m.organisation_id,
                m.name.clone(),
                m.asked_cents,
                m.paid_cents,
                m.outstanding_cents,
            )
        };
        assert_eq!(
            paged.iter().map(key).collect::<Vec<_>>(),
            all.iter().map(key).collect::<Vec<_>>(),
            "{year}"
        );
        years_seen += usize::from(!all.is_empty());
        ties += all.windows(2).filter(|w| w[0].name == w[1].name).count();
    }
    assert!(years_seen > 0, "the seed has requests");
    assert!(most_pages > 2 && ties > 0, "{most_pages} pages at most, {ties} ties");
    let reps = intercoop::notifications::recipients::representatives(db, n, None)
        .await
        .unwrap();
    let members: Vec<i64> = intercoop::entities::membership::Entity::find()
        .filter(intercoop::entities::membership::Column::NetworkId.eq(n))
        .filter(intercoop::entities::membership::Column::Status.eq("member"))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.organisation_id)
        .collect();
    let meetings = meeting::Entity::find()
        .filter(meeting::Column::NetworkId.eq(n))
        .all(db)
        .await
        .unwrap();
    let mut kinds = std::collections::BTreeSet::new();
    let mut with_presence = 0;
    // Each kind of meeting invites its own people: the seed's first meeting as each kind.
    let mut as_kinds = Vec::new();
    for kind in intercoop_domain::meetings::MeetingKind::ALL {
        let mut m = meetings[0].clone();
        m.kind = intercoop::db::types::Text(*kind);
        as_kinds.push(m);
    }
    for m in as_kinds.iter().chain(&meetings) {
        kinds.insert(m.kind.to_string());
        let invited = invitations::invited(db, m).await.unwrap();
        assert_eq!(invitations::invited_count(db, m).await.unwrap() as usize, invited.len());
        for &p in seeded.people.iter().chain(&[0]) {
            assert_eq!(
                invitations::is_invited(db, m, p).await.unwrap(),
                invited.contains(&p),
                "{p} to {}",
                m.id
            );
        }
        // The answers counted by the database, with each person's own, are the rows'.
        let rows = intercoop::assemblies::entities::answer::Entity::find()
            .filter(intercoop::assemblies::entities::answer::Column::MeetingId.eq(m.id))
            .all(db)
            .await
            .unwrap();
        let (counts, _) = answers::counts_and_answer(db, m.id, 0).await.unwrap();
        let said = |a: intercoop_domain::meetings::Answer| {
            rows.iter()
                .filter(|r| r.answer.as_ref().map(|t| t.0) == Some(a))
                .count() as i64
        };
        use intercoop_domain::meetings::Answer::{Maybe, No, Yes};
        assert_eq!(
            (counts.yes, counts.no, counts.maybe, counts.present),
            (
                said(Yes),
                said(No),
                said(Maybe),
                rows.iter().filter(|r| r.present).count() as i64
            ),
            "meeting {}",
            m.id
        );
        for r in rows.iter().take(5) {
            let (_, mine) = answers::counts_and_answer(db, m.id, r.person_id).await.unwrap();
            assert_eq!(mine, r.answer.as_ref().map(|t| t.0), "meeting {}", m.id);
        }
        // The quorum as it was computed from every representative and member.
        let present: Vec<i64> = intercoop::assemblies::entities::answer::Entity::find()
            .filter(intercoop::assemblies::entities::answer::Column::MeetingId.eq(m.id))
            .filter(intercoop::assemblies::entities::answer::Column::Present.eq(true))
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|a| a.person_id)
            .collect();
        with_presence += usize::from(!present.is_empty());
        let present_orgs: Vec<i64> = reps
            .iter()
            .filter(|r| present.contains(&r.person_id))
            .map(|r| r.organisation_id)
            .collect();
        let proxies = proxies::in_force(db, m.id).await.unwrap();
        let counted = intercoop_domain::meetings::counted_for_quorum(&members, &present_orgs, &proxies).len() as u64;
        let here = intercoop_domain::meetings::counted_for_quorum(&members, &present_orgs, &[]).len() as u64;
        let q = answers::quorum(db, n, m.id, 50).await.unwrap();
        assert_eq!(
            (q.members, q.organisations_present, q.organisations_counted),
            (members.len() as u64, here, counted),
            "meeting {}",
            m.id
        );
    }
    assert!(
        kinds.len() == 4 && with_presence > 0,
        "{kinds:?}, {with_presence} with attendance"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overview_figures_are_the_reports_sqlite() {
    overview_figures_are_the_reports(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overview_figures_are_the_reports_postgres() {
    overview_figures_are_the_reports(Backend::Postgres).await;
}
