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

/// Runs the daily job's work now; how many requests this step added. The server's own
/// worker may run the daily job at the same moment, once the clock has moved past its
/// hour: one of the two then fails on the unique index and rolls back (as designed,
/// `two_runs_at_once_ask_each_member_once`), so the step counts the requests that exist
/// after it rather than what this call made.
async fn ask(app: &TestApp) -> usize {
    let count = || async {
        sea_orm::PaginatorTrait::count(
            payment_request::Entity::find().filter(payment_request::Column::PoolId.is_not_null()),
            &app.db().read,
        )
        .await
        .unwrap()
    };
    let before = count().await;
    let network = app.network_id().await;
    let txn = sea_orm::TransactionTrait::begin(&app.db().write).await.unwrap();
    match app
        .at_server_time(intercoop::pools::periodic::ask_network(&txn, network))
        .await
    {
        Ok(_) => txn.commit().await.unwrap(),
        Err(e) => {
            let text = format!("{e:?}").to_lowercase();
            assert!(text.contains("unique") || text.contains("duplicate key"), "{e:?}");
            txn.rollback().await.unwrap();
        }
    }
    app.run_jobs().await;
    usize::try_from(count().await - before).unwrap()
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

/// The pool's balance and its contributions: (balance, [(kind, organisation, amount)]).
async fn pool_money(admin: &Api, pool: i64) -> (i64, Vec<(String, i64, i64)>) {
    let p = admin.json(&format!("/api/v1/pools/{pool}")).await;
    let c = admin.json(&format!("/api/v1/pools/{pool}/contributions")).await;
    let mut list: Vec<(String, i64, i64)> = c
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["organisation_id"].as_i64().unwrap_or(0),
                c["amount_cents"].as_i64().unwrap(),
            )
        })
        .collect();
    list.sort();
    (p["balance_cents"].as_i64().unwrap(), list)
}

async fn books_are_right(app: &TestApp, admin: &Api) {
    for b in intercoop::money::ledger::check_books(&app.db().read).await.unwrap() {
        assert!(b.discrepancies.is_empty(), "{:?}", b.discrepancies);
        assert_eq!(b.trial_balance.debit, b.trial_balance.credit);
    }
    let tb = admin.json("/api/v1/ledger/trial-balance").await;
    assert_eq!(tb["debit_cents"], tb["credit_cents"], "{tb}");
}

/// A camt.053 statement of the network's account with one credit per line
/// (bank reference, cents, structured reference).
fn camt053(lines: &[(&str, i64, &str)]) -> String {
    let mut entries = String::new();
    for (bank_ref, cents, reference) in lines {
        let amount = format!("{}.{:02}", cents / 100, cents % 100);
        entries.push_str(&format!(
            r#"<Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-03-02</Dt></BookgDt><AcctSvcrRef>{bank_ref}</AcctSvcrRef>
<NtryDtls><TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">{amount}</Amt></TxAmt></AmtDtls>
<RltdPties><Dbtr><Nm>Payer</Nm></Dbtr><DbtrAcct><Id><IBAN>BE71096123456769</IBAN></Id></DbtrAcct></RltdPties>
<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>BBA</Issr></Tp><Ref>{r}</Ref></CdtrRefInf></Strd></RmtInf>
</TxDtls></NtryDtls></Ntry>"#,
            r = reference.replace(['+', '/'], "")
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-02T21:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><CreDtTm>2026-03-02T21:00:00</CreDtTm>
<Acct><Id><IBAN>BE68539007547034</IBAN></Id><Ccy>EUR</Ccy></Acct>
{entries}
</Stmt></BkToCstmrStmt></Document>"#
    )
}

/// The request of `org` for the pool's period `period`.
async fn request_of(app: &TestApp, pool: i64, org: i64, period: time::Date) -> payment_request::Model {
    payment_request::Entity::find()
        .filter(payment_request::Column::PoolId.eq(pool))
        .filter(payment_request::Column::OrganisationId.eq(org))
        .filter(payment_request::Column::PoolPeriod.eq(key(period)))
        .one(&app.db().read)
        .await
        .unwrap()
        .expect("asked")
}

both_backends!(
    a_paid_request_is_contributed_once_whatever_pays_it,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let r = admin
            .put(
                "/api/v1/network/payment-settings",
                &json!({"legal_name": "Komunigi ASBL", "address": "Rue de la Coop 1, 1000 Bruxelles",
                     "iban": "BE68 5390 0754 7034", "bic": "GEBABEBB", "reference_scheme": "be"}),
            )
            .await;
        assert_eq!(r.status(), 200);
        let (a, _, _) = member(&app, &admin, "Alpha Coop", 4).await;
        let (b, _, _) = member(&app, &admin, "Beta Coop", 1).await;
        let (_, pool) = status_and_json(admin.post("/api/v1/pools", &json!({"name": "Solidarity fund"})).await).await;
        let pool = pool["id"].as_i64().unwrap();
        let first = today(&app).await;
        let schedule = json!({"amount_cents": 400, "period": "weekly", "starts_on": first.to_string()});
        assert_eq!(
            admin
                .put(&format!("/api/v1/pools/{pool}/schedule"), &schedule)
                .await
                .status(),
            200
        );
        assert_eq!(ask(&app).await, 2);
        assert_eq!(pool_money(&admin, pool).await, (0, vec![]));

        // 1. Recorded by hand, in full: the pool gets 4.00 once.
        let ra = request_of(&app, pool, a, first).await;
        let pay = |id: i64, cents: i64| json!({"payment_request_id": id, "amount_cents": cents});
        assert_eq!(admin.post("/api/v1/payments", &pay(ra.id, 400)).await.status(), 201);
        let periodic = |org: i64| ("periodic".to_string(), org, 400);
        assert_eq!(pool_money(&admin, pool).await, (400, vec![periodic(a)]));
        // Paid again: refused, still once.
        let (status, problem) = status_and_json(admin.post("/api/v1/payments", &pay(ra.id, 400)).await).await;
        assert_eq!((status, codes(&problem)), (422, vec!["request-paid".to_string()]));
        assert_eq!(pool_money(&admin, pool).await, (400, vec![periodic(a)]));

        // 2. In two halves: the pool gets it when the request is paid, not before.
        let rb = request_of(&app, pool, b, first).await;
        assert_eq!(admin.post("/api/v1/payments", &pay(rb.id, 150)).await.status(), 201);
        assert_eq!(pool_money(&admin, pool).await.0, 400);
        assert_eq!(admin.post("/api/v1/payments", &pay(rb.id, 250)).await.status(), 201);
        assert_eq!(pool_money(&admin, pool).await, (800, vec![periodic(a), periodic(b)]));
        books_are_right(&app, &admin).await;

        // 3. The next period, paid from a bank statement by reference: Alpha pays 10.00 for
        // a 4.00 request (6.00 its credit); the same file again changes nothing.
        app.clock.advance(time::Duration::days(7));
        assert_eq!(ask(&app).await, 2);
        let second = first + time::Duration::days(7);
        let ra2 = request_of(&app, pool, a, second).await;
        let file = camt053(&[("BANK-1", 1_000, &ra2.reference)]);
        for _ in 0..2 {
            let (status, out) = status_and_json(admin.post_raw("/api/v1/bank-statements", &file).await).await;
            assert!(status == 201 || status == 200, "{out}");
            assert_eq!(
                pool_money(&admin, pool).await,
                (1_200, vec![periodic(a), periodic(a), periodic(b)])
            );
        }
        books_are_right(&app, &admin).await;

        // 4. The third period: Alpha's request is paid from its credit as it is made.
        app.clock.advance(time::Duration::days(7));
        assert_eq!(ask(&app).await, 2);
        let third = second + time::Duration::days(7);
        let ra3 = request_of(&app, pool, a, third).await;
        assert_eq!(ra3.credit_cents, 400, "paid from credit");
        assert_eq!(
            pool_money(&admin, pool).await,
            (1_600, vec![periodic(a), periodic(a), periodic(a), periodic(b)])
        );
        // What is not paid yet stays other income; the pool has exactly what was paid.
        let other = intercoop::money::ledger::balance(
            &app.db().read,
            app.network_id().await,
            intercoop_domain::ledger::Account::OTHER_INCOME,
        )
        .await
        .unwrap();
        assert_eq!(other.cents(), -800, "Beta's two open requests");
        books_are_right(&app, &admin).await;
    }
);

both_backends!(missed_periods_are_caught_up_once, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let (a, _, _) = member(&app, &admin, "Alpha Coop", 4).await;
    let (b, _, _) = member(&app, &admin, "Beta Coop", 1).await;
    let (_, pool) = status_and_json(admin.post("/api/v1/pools", &json!({"name": "Solidarity fund"})).await).await;
    let pool = pool["id"].as_i64().unwrap();
    let path = format!("/api/v1/pools/{pool}/schedule");
    let first = today(&app).await;
    let week = |n: i64| first + time::Duration::days(7 * n);
    let schedule = json!({"amount_cents": 100, "period": "weekly", "starts_on": first.to_string()});
    assert_eq!(admin.put(&path, &schedule).await.status(), 200);
    assert_eq!(ask(&app).await, 2);

    // Three weeks without a run: one run asks the three, each once; none ahead.
    app.clock.advance(time::Duration::days(21));
    assert_eq!(ask(&app).await, 6);
    assert_eq!(ask(&app).await, 0);
    let mut expected = Vec::new();
    for n in 0..4 {
        expected.push((a, key(week(n)), 100));
        expected.push((b, key(week(n)), 100));
    }
    assert_eq!(requests(&app, pool).await, expected);

    // Two weeks missed, then a change on the third day of the next: the two missed
    // weeks are asked as they were, the change applies from its day on (week 6, not 5).
    app.clock.advance(time::Duration::days(16));
    let changed = json!({"amount_cents": 300, "period": "weekly", "starts_on": first.to_string()});
    assert_eq!(admin.put(&path, &changed).await.status(), 200);
    for n in 4..6 {
        expected.push((a, key(week(n)), 100));
        expected.push((b, key(week(n)), 100));
    }
    assert_eq!(requests(&app, pool).await, expected);
    assert_eq!(ask(&app).await, 0);
    app.clock.advance(time::Duration::days(5));
    assert_eq!(ask(&app).await, 2);
    expected.push((a, key(week(6)), 300));
    expected.push((b, key(week(6)), 300));
    assert_eq!(requests(&app, pool).await, expected);

    // Stopped on a week's first day, restarted two weeks later: nothing for the weeks
    // it was stopped, the restart's week on.
    app.clock.advance(time::Duration::days(7));
    let off = json!({"amount_cents": 300, "period": "weekly", "active": false, "starts_on": first.to_string()});
    assert_eq!(admin.put(&path, &off).await.status(), 200);
    app.clock.advance(time::Duration::days(14));
    assert_eq!(ask(&app).await, 0);
    assert_eq!(admin.put(&path, &changed).await.status(), 200);
    assert_eq!(ask(&app).await, 2);
    expected.push((a, key(week(9)), 300));
    expected.push((b, key(week(9)), 300));
    assert_eq!(requests(&app, pool).await, expected);
});

both_backends!(two_runs_at_once_ask_each_member_once, |app: TestApp| async move {
    let admin = app.api(&app.admin_token().await);
    let mut orgs = Vec::new();
    for name in ["Alpha Coop", "Beta Coop", "Gamma Coop"] {
        orgs.push(member(&app, &admin, name, 2).await.0);
    }
    let (_, pool) = status_and_json(admin.post("/api/v1/pools", &json!({"name": "Solidarity fund"})).await).await;
    let pool = pool["id"].as_i64().unwrap();
    let first = today(&app).await;
    let schedule = json!({"amount_cents": 100, "period": "weekly", "starts_on": first.to_string()});
    assert_eq!(
        admin
            .put(&format!("/api/v1/pools/{pool}/schedule"), &schedule)
            .await
            .status(),
        200
    );
    app.clock.advance(time::Duration::days(14));
    let network = app.network_id().await;
    // Two runs at once, each in its own transaction (two instances of the job): one
    // makes the requests; the other waits, then finds them made or fails on the unique
    // index and rolls back (the job's retry then finds them made).
    let app = &app;
    let run = || async move {
        let txn = sea_orm::TransactionTrait::begin(&app.db().write).await?;
        let made = app
            .at_server_time(intercoop::pools::periodic::ask_network(&txn, network))
            .await
            .map_err(|e| sea_orm::DbErr::Custom(e.to_string()))?;
        txn.commit().await?;
        Ok::<usize, sea_orm::DbErr>(made)
    };
    let (one, two) = tokio::join!(run(), run());
    let made: usize = [&one, &two].iter().filter_map(|r| r.as_ref().ok()).sum();
    assert_eq!(made, 9, "{one:?} {two:?}");
    // The retry, and the job itself, make none.
    assert_eq!(ask(app).await, 0);
    let mut expected = Vec::new();
    for n in 0..3 {
        for org in &orgs {
            expected.push((*org, key(first + time::Duration::days(7 * n)), 100));
        }
    }
    expected.sort_by_key(|(o, p, _)| (*p, *o));
    assert_eq!(requests(app, pool).await, expected);
});

both_backends!(
    the_schedule_page_shows_the_consequence_and_asks_once,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        member(&app, &admin, "Alpha Coop", 4).await;
        member(&app, &admin, "Beta Coop", 2).await;
        let (_, pool) = status_and_json(admin.post("/api/v1/pools", &json!({"name": "Solidarity fund"})).await).await;
        let pool = pool["id"].as_i64().unwrap();
        let path = format!("/pools/{pool}/schedule");
        let page = app.client();
        app.login(&page, "admin@test.example").await;
        // Nothing set: the pool's page says so and links to the form.
        let r = page.get(&format!("/pools/{pool}")).await;
        let body = r.text().await.unwrap();
        assert!(body.contains(&path), "{body}");
        assert_eq!(page.get(&path).await.status(), 200);

        // Bad input: 422, what was typed kept, each message beside its field; nothing stored.
        let r = page
            .form(
                &path,
                &[
                    ("amount", "4,5x"),
                    ("period", "weekly"),
                    ("starts_on", "next monday"),
                    ("active", "on"),
                ],
            )
            .await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("value=\"4,5x\""), "{body}");
        assert!(body.contains("value=\"next monday\""), "{body}");
        assert!(body.contains("id=\"starts_on-error\""), "{body}");
        assert!(body.contains("id=\"amount-error\""), "{body}");
        assert_eq!(admin.get(&format!("/api/v1/pools/{pool}/schedule")).await.status(), 404);

        // Good input: its consequence from the data (2 members, 4 + 2 workers), asked once.
        let first = today(&app).await;
        let fields = [
            ("amount", "4.00"),
            ("per_worker", "on"),
            ("period", "weekly"),
            ("starts_on", &first.to_string()),
            ("active", "on"),
        ];
        let r = page.form(&path, &fields).await;
        assert_eq!(r.status(), 200);
        let body = r.text().await.unwrap();
        assert!(body.contains("id=\"schedule-confirm\""), "{body}");
        let total = body.contains("24,00") || body.contains("24.00");
        assert!(total && body.contains(" 2 "), "{body}");
        assert_eq!(admin.get(&format!("/api/v1/pools/{pool}/schedule")).await.status(), 404);
        let mut confirmed = fields.to_vec();
        confirmed.push(("confirm", "1"));
        let r = page.form(&path, &confirmed).await;
        assert_eq!(r.status(), 303);
        let s = admin.json(&format!("/api/v1/pools/{pool}/schedule")).await;
        assert_eq!(
            (s["amount_cents"].as_i64(), s["per_worker"].as_bool()),
            (Some(400), Some(true))
        );
        assert_eq!(s["applies_from"], first.to_string());

        // Stopped from the page: asked once, then stored; the audit has both.
        let stop = [
            ("amount", "4.00"),
            ("per_worker", "on"),
            ("period", "weekly"),
            ("starts_on", &first.to_string()),
        ];
        let r = page.form(&path, &stop).await;
        assert_eq!(r.status(), 200);
        let mut confirmed = stop.to_vec();
        confirmed.push(("confirm", "1"));
        assert_eq!(page.form(&path, &confirmed).await.status(), 303);
        assert_eq!(
            admin.json(&format!("/api/v1/pools/{pool}/schedule")).await["active"],
            false
        );
        let body = page.get(&format!("/pools/{pool}")).await.text().await.unwrap();
        assert!(body.contains("id=\"pool-schedule\""), "{body}");
        use intercoop::entities::audit_entry;
        let entries = audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("pool.schedule"))
            .all(&app.db().read)
            .await
            .unwrap();
        assert_eq!(entries.len(), 2);
        assert!(entries.iter().all(|e| e.actor_id.is_some()));
        // A member's representative may not.
        let rep = app.client();
        app.login(&rep, "rep@alphacoop.example").await;
        assert_eq!(rep.get(&path).await.status(), 403);
    }
);
