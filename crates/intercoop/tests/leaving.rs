//! An organisation that leaves a network leaves its open co-fundings (issue 14, "the
//! wrong people told"): its pledges on campaigns that still take pledges are released,
//! the others' shares are worked out again (and go to their daily digest), the timeline
//! and the audit log say so. A campaign past its deadline keeps the pledge. On SQLite
//! and PostgreSQL, through the running server.

mod common;

use common::{Api, TestApp, amounts, open, pledge_ok};
use serde_json::{Value, json};

struct Org {
    id: i64,
    api: Api,
}

async fn shops(app: &TestApp, admin: &Api, n: usize) -> Vec<Org> {
    let mut out = Vec::new();
    for i in 0..n {
        let id = app.organisation(admin, &format!("Shop {i}"), "user", Some(100)).await;
        let person = app
            .person(
                &format!("rep@shop{i}.example"),
                &format!("Rep {i}"),
                Some(id),
                true,
                false,
            )
            .await;
        out.push(Org {
            id,
            api: app.api(&app.token_for(person).await),
        });
    }
    out
}

async fn proposal(admin: &Api, by: i64, title: &str) -> i64 {
    let r = admin
        .post("/api/v1/proposals", &json!({"title": title, "requested_by": by}))
        .await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    r.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

both_backends!(
    an_organisation_that_leaves_releases_its_open_pledges,
    |app: TestApp| async move {
        let admin = app.api(&app.admin_token().await);
        let s = shops(&app, &admin, 3).await;
        // One campaign closes in 30 days, the other in 2.
        let long = proposal(&admin, s[0].id, "Labels").await;
        open(&admin, long, json!({"amount_cents": 30_000, "key": {"kind": "equal"}})).await;
        let short = proposal(&admin, s[0].id, "Scales").await;
        let deadline = (time::OffsetDateTime::now_utc() + time::Duration::days(2))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        open(
            &admin,
            short,
            json!({"amount_cents": 30_000, "key": {"kind": "equal"}, "deadline": deadline}),
        )
        .await;
        for o in &s {
            pledge_ok(&o.api, long, o.id).await;
            pledge_ok(&o.api, short, o.id).await;
        }
        // Three days later the short campaign's deadline has passed (whether or not its
        // closing job ran), and Shop 2 leaves.
        app.clock.advance(time::Duration::days(3));
        let r = admin
            .patch(
                &format!("/api/v1/organisations/{}", s[2].id),
                &json!({"status": "former"}),
            )
            .await;
        assert_eq!(r.status(), 200, "{:?}", r.text().await);
        app.settle_jobs().await;

        // The open campaign is shared by the two who stay, to the cent.
        let now = admin.json(&format!("/api/v1/proposals/{long}/shares")).await;
        assert_eq!(amounts(&now), vec![(s[0].id, 15_000), (s[1].id, 15_000)], "{now}");
        let p = admin.json(&format!("/api/v1/proposals/{long}")).await;
        let released: Vec<&Value> = p["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "pledge_released")
            .collect();
        assert_eq!(released.len(), 1, "{p}");
        assert_eq!(released[0]["reason"], "Shop 2");
        // The closed-by-deadline campaign kept the pledge made while a member.
        let p = admin.json(&format!("/api/v1/proposals/{short}")).await;
        assert_eq!(p["status"], "funded", "{}", p["status"]);
        assert!(
            !p["timeline"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["kind"] == "pledge_released"),
            "{p}"
        );
        // (Its people no longer speak for it; an administrator reads its commitments.)
        let c = admin
            .json(&format!("/api/v1/commitments?organisation_id={}", s[2].id))
            .await;
        assert!(c.to_string().contains("10000"), "{c}");
        // The log says who did what: the administrator the leaving, intercoop the release.
        let log = admin.json("/api/v1/audit").await;
        let release = log["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["action"] == "pledge.release")
            .unwrap_or_else(|| panic!("{log}"))
            .clone();
        assert_eq!(release["actor_id"], Value::Null);
        // The two who stay are told their new share in the daily digest.
        assert!(app.share_digest().await >= 2);
    }
);

// A membership's days are the network's (standing rule: a day is the network's, stored
// in UTC): at 23:30 UTC on 30 November it is already 1 December in Brussels, the day an
// organisation made a member then joined; at 23:30 UTC on 31 December, 1 January, the
// day it left. Both were UTC days (30 November, 31 December), and its first fee counted
// one month too many.
both_backends!(membership_days_are_the_networks, |app: TestApp| async move {
    let (_, admin) = app.other_network_admin_in("Europe/Brussels").await;
    app.clock.set(time::macros::datetime!(2026-11-30 23:30 UTC));
    let r = admin
        .post(
            "/api/v1/organisations",
            &json!({"name": "Coop Minuit", "kind": "user", "status": "member"}),
        )
        .await;
    assert_eq!(r.status(), 201, "{:?}", r.text().await);
    let id = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let o = admin.json(&format!("/api/v1/organisations/{id}")).await;
    assert_eq!(o["joined_on"], "2026-12-01", "{o}");
    app.clock.set(time::macros::datetime!(2026-12-31 23:30 UTC));
    let r = admin
        .patch(&format!("/api/v1/organisations/{id}"), &json!({"status": "former"}))
        .await;
    assert_eq!(r.status(), 200, "{:?}", r.text().await);
    let o = admin.json(&format!("/api/v1/organisations/{id}")).await;
    assert_eq!(o["left_on"], "2027-01-01", "{o}");
    app.stop().await;
});
