//! Periodic contributions into a pool on SQLite and PostgreSQL (issue 19, item 1:
//! "fixed per member per period"): a schedule refused on bad input with nothing
//! stored, then two weekly periods, each asked twice: one request per member and period
//! of the right amount, emailed; a change applies from the next period.

mod common;

use common::{Api, TestApp, codes, status_and_json};
use intercoop::money::entities::payment_request;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;

async fn member(app: &TestApp, admin: &Api, name: &str, size: i64) -> (i64, String, Api) {
    let id = app.organisation(admin, name, "user", Some(size)).await;
    let slug: String = name
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let email = format!("rep@{slug}.example");
    let person = app.person(&email, &format!("Rep {name}"), Some(id), true, false).await;
    (id, email, app.api(&app.token_for(person).await))
}

/// Today in the network's time zone, on the server's clock.
async fn today(app: &TestApp) -> time::Date {
    let network = intercoop::entities::network::Entity::find_by_id(app.network_id().await)
        .one(&app.db().read)
        .await
        .unwrap()
        .unwrap();
    app.at_server_time(async { intercoop::money::today(&network.time_zone) })
        .await
}

/// Runs the daily job's work now; how many requests it made.
async fn ask(app: &TestApp) -> usize {
    let network = app.network_id().await;
    let txn = sea_orm::TransactionTrait::begin(&app.db().write).await.unwrap();
    let made = app
        .at_server_time(intercoop::pools::periodic::ask_network(&txn, network))
        .await
        .unwrap();
    txn.commit().await.unwrap();
    app.run_jobs().await;
    made
}

/// The pool's requests: (organisation, period, amount), in order.
async fn requests(app: &TestApp, pool: i64) -> Vec<(i64, i64, i64)> {
    payment_request::Entity::find()
        .filter(payment_request::Column::PoolId.eq(pool))
        .order_by_asc(payment_request::Column::PoolPeriod)
        .order_by_asc(payment_request::Column::OrganisationId)
        .all(&app.db().read)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.organisation_id, r.pool_period.unwrap(), r.amount_cents))
        .collect()
}

fn key(d: time::Date) -> i64 {
    i64::from(d.year()) * 10_000 + i64::from(d.month() as u8) * 100 + i64::from(d.day())
}

both_backends!(each_member_is_asked_once_per_period, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let (a, a_email, a_api) = member(&app, &admin, "Alpha Coop", 4).await;
    let (b, _, _) = member(&app, &admin, "Beta Coop", 1).await;
    let (status, pool) = status_and_json(admin.post("/api/v1/pools", &json!({"name": "Solidarity fund"})).await).await;
    assert_eq!(status, 201, "{pool}");
    let pool = pool["id"].as_i64().unwrap();
    let path = format!("/api/v1/pools/{pool}/schedule");
    let first = today(&app).await;

    // Bad input: 422 on the field, nothing stored.
    for (body, field, code) in [
        (
            json!({"amount_cents": 0, "period": "weekly", "starts_on": first.to_string()}),
            "amount_cents",
            "pools-schedule-amount",
        ),
        (
            json!({"amount_cents": -100, "period": "weekly", "starts_on": first.to_string()}),
            "amount_cents",
            "pools-schedule-amount",
        ),
        (
            json!({"amount_cents": 100, "period": "daily", "starts_on": first.to_string()}),
            "period",
            "pools-schedule-period",
        ),
        (
            json!({"amount_cents": 100, "period": "weekly", "starts_on": "next monday"}),
            "starts_on",
            "pools-schedule-starts-on",
        ),
    ] {
        let (status, problem) = status_and_json(admin.put(&path, &body).await).await;
        assert_eq!(status, 422, "{problem}");
        assert!(codes(&problem).contains(&code.to_string()), "{problem}");
        assert!(problem.to_string().contains(field), "{problem}");
    }
    assert_eq!(admin.get(&path).await.status(), 404, "nothing stored");
    // Only administrators set it.
    let good = json!({"amount_cents": 100, "period": "weekly", "starts_on": first.to_string()});
    assert_eq!(a_api.put(&path, &good).await.status(), 403);
    assert_eq!(admin.get(&path).await.status(), 404);

    let (status, set) = status_and_json(admin.put(&path, &good).await).await;
    assert_eq!(status, 200, "{set}");
    assert_eq!(set["amount_cents"], 100);
    assert_eq!(set["active"], true);
    assert_eq!(a_api.json(&path).await["period"], "weekly");

    // The first period, asked twice: one request each.
    assert_eq!(ask(&app).await, 2);
    assert_eq!(ask(&app).await, 0);
    let p1 = key(first);
    assert_eq!(requests(&app, pool).await, vec![(a, p1, 100), (b, p1, 100)]);

    // A change during the period applies from the next one.
    let changed = json!({"amount_cents": 250, "period": "weekly", "per_worker": true, "starts_on": first.to_string()});
    assert_eq!(admin.put(&path, &changed).await.status(), 200);
    assert_eq!(ask(&app).await, 0);
    assert_eq!(requests(&app, pool).await, vec![(a, p1, 100), (b, p1, 100)]);

    // The second period, asked twice: per member worker now (sizes 4 and 1).
    app.clock.advance(time::Duration::days(7));
    assert_eq!(ask(&app).await, 2);
    assert_eq!(ask(&app).await, 0);
    let p2 = key(first + time::Duration::days(7));
    assert_eq!(
        requests(&app, pool).await,
        vec![(a, p1, 100), (b, p1, 100), (a, p2, 1_000), (b, p2, 250)]
    );

    // Each request was emailed once.
    let mails: Vec<_> = app
        .mails_to(&a_email)
        .await
        .into_iter()
        .filter(|m| m.kind.0.as_str() == "provision_request")
        .collect();
    assert_eq!(mails.len(), 2);
    assert!(
        mails
            .iter()
            .all(|m| m.text_body.contains("verse dans ce fonds") || m.text_body.contains("pays into this pool")),
        "{:?}",
        mails[0].text_body
    );

    // Inactive: nothing more is asked.
    let off = json!({"amount_cents": 250, "period": "weekly", "active": false, "starts_on": first.to_string()});
    assert_eq!(admin.put(&path, &off).await.status(), 200);
    app.clock.advance(time::Duration::days(7));
    assert_eq!(ask(&app).await, 0);
});
