//! How long the close of a large round takes (issue 19, speed: 1 000 buckets and
//! 10 000 allocations with quadratic matching, database writes included, in ≤ 1 s).
//! Not a check: ignored, it prints the time. `bench/pools` runs it on SQLite and, when
//! `TEST_DATABASE_URL` is set, on PostgreSQL (`bench/pools --release` for the release
//! profile); the figures are in bench/POOLS.md.

mod common;

use common::{Backend, TestApp, status_and_json};
use intercoop::audit::Actor;
use intercoop::entities::organisation;
use intercoop::pools::entities::{allocation, bucket, placement};
use sea_orm::{ActiveValue::Set, EntityTrait, TransactionTrait};
use serde_json::json;
use std::time::Instant;

const BUCKETS: i64 = 1_000;
const ALLOCATIONS: i64 = 10_000;
/// Each participant places in this many buckets.
const PLACED_IN: i64 = 3;

async fn time_close(app: TestApp) {
    let admin = app.api(&app.admin_token().await);
    let member = app.organisation(&admin, "Alpha Tech", "user", Some(10)).await;
    let pool = status_and_json(admin.post("/api/v1/pools", &json!({"name": "Big fund"})).await)
        .await
        .1;
    let pid = pool["id"].as_i64().unwrap();
    let (status, body) = status_and_json(
        admin
            .post(
                &format!("/api/v1/pools/{pid}/contributions"),
                &json!({"organisation_id": member, "amount_cents": 200_000_000, "received": true}),
            )
            .await,
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let closes = {
        use intercoop::clock::Clock;
        let at = app.clock.now() + time::Duration::days(5);
        at.format(&time::format_description::well_known::Rfc3339).unwrap()
    };
    let (status, round) = status_and_json(
        admin
            .post(
                "/api/v1/rounds",
                &json!({"pool_id": pid, "title": "Big round", "opens_at": "2020-01-01T00:00:00Z",
                    "closes_at": closes, "allocation": "equal",
                    "matching": {"kind": "quadratic", "pool_cents": 10_000_000}}),
            )
            .await,
    )
    .await;
    assert_eq!(status, 201, "{round}");
    let rid = round["id"].as_i64().unwrap();
    let network_id = app.network_id().await;

    // The rows, written through the entities as the placing write would leave them:
    // 10 000 participants of 10 000 € each, 1 000 buckets, 3 placements each.
    let t0 = Instant::now();
    let db = &app.db().write;
    let txn = db.begin().await.unwrap();
    let now = intercoop::db::now();
    let mut orgs = Vec::new();
    for chunk in (0..ALLOCATIONS).collect::<Vec<_>>().chunks(500) {
        let rows = chunk.iter().map(|i| organisation::ActiveModel {
            name: Set(format!("Participant {i}")),
            kind: Set(intercoop_domain::organisation::OrgKind::User.into()),
            country: Set("BE".into()),
            language: Set("fr".into()),
            address: Set(String::new()),
            company_number: Set(String::new()),
            bank_account: Set(String::new()),
            website: Set(String::new()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        });
        for o in organisation::Entity::insert_many(rows)
            .exec_with_returning(&txn)
            .await
            .unwrap()
        {
            orgs.push(o.id);
        }
    }
    let mut buckets = Vec::new();
    let mut placed = vec![0i64; BUCKETS as usize];
    for i in 0..ALLOCATIONS {
        for k in 0..PLACED_IN {
            placed[((i * 7 + k * 331) % BUCKETS) as usize] += 1_000 + (i % 5) * 500;
        }
    }
    for chunk in (0..BUCKETS).collect::<Vec<_>>().chunks(500) {
        let rows = chunk.iter().map(|i| bucket::ActiveModel {
            network_id: Set(network_id),
            round_id: Set(rid),
            title: Set(format!("Project {i}")),
            description: Set(String::new()),
            breakdown: Set(String::new()),
            // Some buckets miss their minimum, some pass their maximum.
            min_cents: Set(20_000 + (i % 10) * 5_000),
            max_cents: Set((i % 4 == 0).then_some(40_000)),
            placed_cents: Set(placed[*i as usize]),
            raised_cents: Set(None),
            matched_cents: Set(None),
            weight: Set(None),
            created_by: Set(None),
            created_at: Set(now),
            ..Default::default()
        });
        for b in bucket::Entity::insert_many(rows)
            .exec_with_returning(&txn)
            .await
            .unwrap()
        {
            buckets.push(b.id);
        }
    }
    let buckets = &buckets;
    for chunk in orgs.iter().enumerate().collect::<Vec<_>>().chunks(500) {
        let rows = chunk.iter().map(|(i, org)| {
            let i = *i as i64;
            allocation::ActiveModel {
                network_id: Set(network_id),
                round_id: Set(rid),
                organisation_id: Set(**org),
                person_id: Set(0),
                allocation_cents: Set(10_000),
                carried_cents: Set(0),
                placed_cents: Set(PLACED_IN * (1_000 + (i % 5) * 500)),
                returned_cents: Set(None),
                carried_into: Set(None),
                ..Default::default()
            }
        });
        allocation::Entity::insert_many(rows)
            .exec_without_returning(&txn)
            .await
            .unwrap();
        let rows = chunk.iter().flat_map(|(i, org)| {
            let i = *i as i64;
            (0..PLACED_IN).map(move |k| placement::ActiveModel {
                network_id: Set(network_id),
                round_id: Set(rid),
                bucket_id: Set(buckets[((i * 7 + k * 331) % BUCKETS) as usize]),
                organisation_id: Set(**org),
                person_id: Set(0),
                amount_cents: Set(1_000 + (i % 5) * 500),
                placed_by: Set(None),
                placed_at: Set(now),
                ..Default::default()
            })
        });
        placement::Entity::insert_many(rows.collect::<Vec<_>>())
            .exec_without_returning(&txn)
            .await
            .unwrap();
    }
    txn.commit().await.unwrap();
    let seeded = t0.elapsed();

    app.clock.advance(time::Duration::days(6));
    let t0 = Instant::now();
    let clock: std::sync::Arc<dyn intercoop::clock::Clock> = app.clock.clone();
    intercoop::clock::scoped(clock, async {
        let txn = db.begin().await.unwrap();
        intercoop::pools::close::close(&txn, Actor::SYSTEM, network_id, rid)
            .await
            .unwrap();
        txn.commit().await.unwrap();
    })
    .await;
    let closed = t0.elapsed();
    let result = intercoop::pools::close::result(&app.db().read, network_id, rid)
        .await
        .unwrap();
    let funded = result.buckets.iter().filter(|b| b.funded).count();
    println!(
        "{:?}: close of {BUCKETS} buckets, {ALLOCATIONS} allocations, {} placements (quadratic): {:.0} ms \
         ({funded} buckets funded, {} returned; seeded in {:.1} s)",
        app.backend,
        ALLOCATIONS * PLACED_IN,
        closed.as_secs_f64() * 1000.0,
        result.returned_cents,
        seeded.as_secs_f64(),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measure, not a check: bench/pools runs it"]
async fn close_time_sqlite() {
    time_close(common::spawn_app(Backend::Sqlite).await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measure, not a check: bench/pools runs it"]
async fn close_time_postgres() {
    if let Some(app) = common::spawn_postgres().await {
        time_close(app).await;
    }
}
