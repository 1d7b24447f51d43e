//! Generated from the route table (`intercoop::routes::table`): **every route** is
//! tried by **every role** (a visitor, a member of an organisation, a representative, a
//! provider's staff, the core circle, an administrator), each in the network that owns
//! the objects and in another network, as a page and through the API, on SQLite and
//! PostgreSQL. Checked: what each role may do is what the route declares (its `Access`,
//! and for a per-object policy the expectation written below); a refusal is a 401/403
//! (a visitor's page: to the login page) and **changes nothing** (every table compared
//! before and after); someone of another network is refused whatever their role, and
//! no answer shows them the first network's data (its names, [`ALPHA`]).
//!
//! A new route fails this test until it gets a case here: who may use it, with what.

mod common;

use common::{Api, Client, TestApp};
use intercoop::access::Access;
use intercoop::web::route_table::RouteSpec;
use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait};
use serde_json::{Value, json};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Visitor,
    Member,
    Rep,
    Provider,
    Core,
    Admin,
}

const ROLES: [Role; 6] = [
    Role::Visitor,
    Role::Member,
    Role::Rep,
    Role::Provider,
    Role::Core,
    Role::Admin,
];

/// A role in a network, with a browser session and an API token.
struct Who {
    role: Role,
    /// In the network that owns the objects tried (else in the other one).
    home: bool,
    web: Client,
    api: Api,
}

/// The first network's objects (all named "Alpha…").
#[derive(Default, Debug)]
struct Ids {
    network: i64,
    network_slug: String,
    requester: i64,
    member_org: i64,
    provider_org: i64,
    rep: i64,
    staff: i64,
    /// In funding, quoted by the provider (its quote selected).
    funding: i64,
    quote: i64,
    /// A draft of the requester.
    draft: i64,
    /// In discussion, for opening a co-funding from the page and the API.
    to_fund: [i64; 2],
    /// Funded with the provider's quote selected: to deliver.
    funded: i64,
    /// Delivered: to adopt.
    delivered: i64,
    poll: i64,
    /// An event (every person of the network is invited), a month ahead.
    meeting: i64,
    /// A decision in the meeting's draft minutes.
    decision: i64,
    /// An election to the core circle, calling for candidates (one seat).
    election: i64,
    job: i64,
    /// An API token of the representative's, to revoke.
    token: i64,
    /// Payment requests of the requester: one to pay, one to cancel.
    request: i64,
    request_to_cancel: i64,
    /// A fee schedule, and a payment nobody was found for.
    fee_schedule: i64,
    payment: i64,
    /// A reserve of a shared recurring cost.
    reserve: i64,
    /// The mutual-help list, a published message of it with an attachment, and a
    /// message held for a moderator.
    list: i64,
    list_message: i64,
    list_file: i64,
    list_held: i64,
    /// A members' page of the documentation space.
    doc: i64,
    /// A members' logbook article, and a public one (to send as a newsletter issue).
    article: i64,
    public_article: i64,
    /// A draft newsletter issue (sent during the walk: then in the public archive, so
    /// named apart from the first network's names), and a sent one.
    issue: i64,
    sent_issue: i64,
    /// A pool fed by the member organisation, an open round on it (until 2099) and a
    /// bucket in the round.
    pool: i64,
    round: i64,
    bucket: i64,
    /// Files attached to the meeting: one to read, one to remove.
    meeting_doc: i64,
    meeting_doc_to_remove: i64,
    /// A confirmed application to join, waiting for the review.
    application: i64,
    /// An opportunity posted for the requester, its team (the requester and the member
    /// organisation, by capacities) and a new split waiting for both to consent.
    opportunity: i64,
}

enum Body {
    None,
    Json(Value),
    Form(Vec<(&'static str, String)>),
}

/// How a route is tried: the URL, the body, and for a per-object policy the roles it
/// lets through (in the first network).
struct Case {
    url: String,
    body: Body,
    allowed: &'static [Role],
    /// The request names the first network's objects (path or body).
    names_alpha: bool,
}

/// The names of the first network's objects (what the requests themselves send, such
/// as a new proposal's title, may come back: it is the asker's own).
const ALPHA: [&str; 12] = [
    "Alpha Requester",
    "Alpha Member",
    "Alpha Provider",
    "Alpha Rep",
    "Alpha Staff",
    "Alpha Core",
    "Alpha shift module",
    "Alpha draft",
    "Alpha to fund",
    "Alpha funded",
    "Alpha delivered",
    "Alpha budget",
];

// Without the job and mail workers: what a request leaves behind is all that changes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_answers_every_role_as_declared_on_sqlite() {
    let app = common::spawn_quiet(common::Backend::Sqlite).await.unwrap();
    walk(&app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_answers_every_role_as_declared_on_postgres() {
    if std::env::var("TEST_DATABASE_URL").is_err() {
        assert!(
            std::env::var("CI").is_err(),
            "TEST_DATABASE_URL must point at PostgreSQL in CI"
        );
        return;
    }
    let app = common::spawn_quiet(common::Backend::Postgres).await.unwrap();
    walk(&app).await;
}

async fn walk(app: &TestApp) {
    let (ids, people) = fixture(app).await;
    let mut table = intercoop::routes::table();
    // Reads first, then writes; the few that end a session or a poll last.
    let late = |s: &RouteSpec| match s.path {
        "/logout" => 2,
        p if p.ends_with("/close") => 1,
        _ => 0,
    };
    table.sort_by_key(|s| (late(s), s.method != "GET"));
    let db = &app.db().write;
    let mut before = fingerprint(db).await;
    let mut tried = 0;
    for spec in &table {
        let case = case(spec, &ids);
        // Those refused first: what those let through change comes after.
        let mut order: Vec<(&Who, bool)> = people.iter().map(|w| (w, allowed(spec, &case, w))).collect();
        order.sort_by_key(|(_, allowed)| *allowed);
        for (who, allowed) in order {
            let (status, location, body) = send(who, spec, &case).await;
            tried += 1;
            let what = format!(
                "{} {} ({}) as {:?} of the {} network",
                spec.method,
                case.url,
                spec.path,
                who.role,
                if who.home { "first" } else { "other" }
            );
            assert!(status < 500, "{what}: {status}\n{body}");
            // A network's public page shows its funded work, co-fundings and listed members
            // to anyone, on purpose (what it shows and hides is `tests/joining.rs`'s).
            if !who.home
                && spec.path != "/n/{slug}"
                && spec.path != "/n/{slug}/members"
                && let Some(name) = ALPHA.iter().find(|n| body.contains(*n))
            {
                panic!("{what} shows the first network's {name:?}:\n{body}");
            }
            if spec.access == Access::Public {
                before = fingerprint(db).await;
                continue;
            }
            if allowed {
                // Withdrawing what another role already withdrew: there is nothing (404).
                let gone = status == 404
                    && (spec.method == "DELETE" || spec.path.ends_with("/withdraw") || spec.path.ends_with("/remove"));
                assert!(
                    (![401, 403, 404].contains(&status) || gone) && !location.starts_with("/login"),
                    "{what}: refused ({status} {location}) but the route lets this role through\n{body}"
                );
                before = fingerprint(db).await;
            } else {
                let refused = match (who.role, who.home) {
                    (Role::Visitor, _) if spec.is_api() => status == 401,
                    // A page: to the login page (a form's POST: 401, saying to log in).
                    (Role::Visitor, _) => status == 401 || (status == 303 && location.starts_with("/login")),
                    (_, true) => status == 403,
                    // Another network: its objects do not exist here (or the body names
                    // what is not theirs).
                    (_, false) => [403, 404, 422].contains(&status),
                };
                assert!(refused, "{what}: {status} {location}, expected a refusal\n{body}");
                let after = fingerprint(db).await;
                assert_same(&before, &after, &what);
            }
        }
    }
    assert!(tried > 500, "{tried} requests");
}

/// Whether the role may use the route, as it declares (in its own network); someone
/// of another network may only where the request names nothing of the first one.
fn allowed(spec: &RouteSpec, case: &Case, who: &Who) -> bool {
    if !who.home && case.names_alpha {
        return spec.access == Access::Public;
    }
    match spec.access {
        Access::Public => true,
        Access::Person => who.role != Role::Visitor,
        Access::Steers => matches!(who.role, Role::Core | Role::Admin),
        Access::Admin => who.role == Role::Admin,
        Access::Policy(_) => case.allowed.contains(&who.role),
    }
}

/// Closing a reserve: an empty JSON body for the API, an empty form for the page.
fn form_or_json_close(path: &str, url: String, allowed: &'static [Role]) -> Case {
    Case {
        url,
        body: if path.starts_with("/api/") {
            Body::Json(json!({}))
        } else {
            Body::Form(vec![])
        },
        allowed,
        names_alpha: true,
    }
}

/// The case of each route: the one place a new route must be added.
fn case(spec: &RouteSpec, ids: &Ids) -> Case {
    use Role::*;
    let admin: &'static [Role] = &[Admin];
    let none: &'static [Role] = &[];
    let id = |n: i64| spec.path.replace("{id}", &n.to_string());
    let (r, m, p) = (ids.requester, ids.member_org, ids.provider_org);
    let json_case = |url: String, body: Value, allowed: &'static [Role]| Case {
        url,
        body: Body::Json(body),
        allowed,
        names_alpha: true,
    };
    let form_case = |url: String, fields: Vec<(&'static str, String)>, allowed: &'static [Role]| Case {
        url,
        body: Body::Form(fields),
        allowed,
        names_alpha: true,
    };
    let plain = |url: String, names_alpha: bool| Case {
        url,
        body: Body::None,
        allowed: none,
        names_alpha,
    };
    let proposal = id;
    match (spec.method, spec.path) {
        // Public: whatever the answer, never a server error, never a leak.
        ("GET", "/login/link/{token}") => plain("/login/link/l_not-a-link".into(), false),
        ("POST", "/login/link/{token}") => Case {
            url: "/login/link/l_not-a-link".into(),
            body: Body::Form(vec![("next", "".into())]),
            allowed: none,
            names_alpha: false,
        },
        ("GET" | "POST", "/password/reset/{token}") => Case {
            url: "/password/reset/not-a-token".into(),
            body: Body::Form(vec![
                ("password", "a long enough pass".into()),
                ("confirm", "a long enough pass".into()),
            ]),
            allowed: none,
            names_alpha: false,
        },
        ("GET" | "POST", "/unsubscribe/{token}") => Case {
            url: "/unsubscribe/u_not-a-token".into(),
            body: Body::Form(vec![("List-Unsubscribe", "One-Click".into())]),
            allowed: none,
            names_alpha: false,
        },
        ("POST", "/login") => Case {
            url: "/login".into(),
            body: Body::Form(vec![("email", "nobody@test.example".into()), ("method", "link".into())]),
            allowed: none,
            names_alpha: false,
        },
        ("POST", "/password/forgot") => Case {
            url: "/password/forgot".into(),
            body: Body::Form(vec![("email", "nobody@test.example".into())]),
            allowed: none,
            names_alpha: false,
        },
        ("POST", "/language") => Case {
            url: "/language".into(),
            body: Body::Form(vec![("lang", "en".into()), ("next", "/".into())]),
            allowed: none,
            names_alpha: false,
        },
        ("POST", "/logout") => Case {
            url: "/logout".into(),
            body: Body::Form(vec![]),
            allowed: none,
            names_alpha: false,
        },
        // Each person's own pages and settings.
        ("POST", "/profile") => Case {
            url: "/profile".into(),
            body: Body::Form(vec![
                ("name", "Same Name".into()),
                ("language", "".into()),
                ("password", "".into()),
                ("confirm", "".into()),
            ]),
            allowed: none,
            names_alpha: false,
        },
        ("POST", "/network") => form_case("/network".into(), vec![("network", ids.network_slug.clone())], none),
        ("POST", "/profile/tokens") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![("name", "Zeta script".into())]),
            allowed: none,
            names_alpha: false,
        },
        // A token is its owner's alone (the representative's spare one).
        ("POST", "/profile/tokens/{id}/revoke") => form_case(id(ids.token), vec![], &[Rep]),
        ("POST", "/settings/notifications") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![("poll_reminder", "digest".into())]),
            allowed: none,
            names_alpha: false,
        },
        ("PUT", "/api/v1/me/notifications") => Case {
            url: spec.path.into(),
            body: Body::Json(json!({"poll_reminder": "digest"})),
            allowed: none,
            names_alpha: false,
        },
        // Organisations and people.
        ("POST", "/organisations/new") => Case {
            url: spec.path.into(),
            body: Body::Form(org_form("Zeta Coop")),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/api/v1/organisations") => Case {
            url: spec.path.into(),
            body: Body::Json(json!({"name": "Zeta Coop API", "kind": "user", "size": 3})),
            allowed: admin,
            names_alpha: false,
        },
        ("GET", "/organisations/new") => Case {
            url: spec.path.into(),
            body: Body::None,
            allowed: admin,
            names_alpha: false,
        },
        ("GET", "/organisations/{id}/edit") => Case {
            url: id(r),
            body: Body::None,
            allowed: admin,
            names_alpha: true,
        },
        ("POST", "/organisations/{id}/edit") => form_case(id(r), org_form("Alpha Requester"), admin),
        ("PATCH", "/api/v1/organisations/{id}") => json_case(id(r), json!({"size": 10}), admin),
        ("POST", "/organisations/{id}/representative") => {
            form_case(id(r), vec![("person_id", ids.rep.to_string())], &[Rep, Admin])
        }
        ("PUT", "/api/v1/organisations/{id}/representative") => {
            json_case(id(r), json!({"person_id": ids.rep}), &[Rep, Admin])
        }
        ("GET", "/organisations/{id}" | "/api/v1/organisations/{id}") => plain(id(r), true),
        ("GET", "/people/{id}" | "/api/v1/people/{id}") => plain(id(ids.rep), true),
        ("GET", "/people/invite") => Case {
            url: spec.path.into(),
            body: Body::None,
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/people/invite") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![
                ("email", "new-page@zeta.example".into()),
                ("name", "Zed Page".into()),
            ]),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/api/v1/people") => Case {
            url: spec.path.into(),
            body: Body::Json(json!({"email": "new-api@zeta.example", "name": "Zed Api"})),
            allowed: admin,
            names_alpha: false,
        },
        // Money: the treasurer's (administrators); a request and a statement are also
        // their organisation's people's to read.
        // The settings, budget and fees are each network's own: nothing names the first's.
        ("POST", "/money/settings") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![
                ("legal_name", "Zeta Network".into()),
                ("address", "Zeta Street 1".into()),
                ("iban", "BE68539007547034".into()),
                ("bic", "".into()),
                ("reference_scheme", "be".into()),
            ]),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/money/budget") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![
                ("monthly_costs", "100".into()),
                ("grant_monthly", "".into()),
                ("grant_ends_on", "".into()),
            ]),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/money/requests/new") => form_case(
            spec.path.into(),
            vec![
                ("organisation_id", r.to_string()),
                ("amount", "10".into()),
                ("purpose", "Alpha page request".into()),
                ("due_on", "".into()),
            ],
            admin,
        ),
        ("POST", "/money/requests/{id}/payments") => form_case(
            id(ids.request),
            vec![
                ("amount", "1".into()),
                ("booked_on", "".into()),
                ("payer_name", "".into()),
            ],
            admin,
        ),
        ("POST", "/money/requests/{id}/cancel") => form_case(id(ids.request_to_cancel), vec![], admin),
        ("POST", "/money/import") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![]),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/money/unmatched/{id}") => form_case(id(ids.payment), vec![("number", "1900-1".into())], admin),
        ("POST", "/money/fees") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![
                ("year", "2091".into()),
                ("period", "yearly".into()),
                ("observer", "".into()),
                ("active", "0: 1".into()),
                ("sponsorship_percent", "".into()),
                ("sponsorship_years", "".into()),
            ]),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/money/entries") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![
                ("kind", "operating-cost".into()),
                ("amount", "1".into()),
                ("campaign_id", "".into()),
                ("memo", "Zeta hosting".into()),
            ]),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/api/v1/ledger/entries") => Case {
            url: spec.path.into(),
            body: Body::Json(json!({"kind": "grant-received", "amount_cents": 100})),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/money/fees/{id}/bill") => form_case(id(ids.fee_schedule), vec![("period", "0".into())], admin),
        // Reserves of shared recurring costs: the treasurer's; each network's own.
        ("POST", "/money/reserves") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![
                ("name", "Zeta reserve".into()),
                ("monthly", "1".into()),
                ("key", "equal".into()),
            ]),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/api/v1/reserves") => Case {
            url: spec.path.into(),
            body: Body::Json(json!({"name": "Zeta reserve", "monthly_cents": 100, "key": {"kind": "equal"}})),
            allowed: admin,
            names_alpha: false,
        },
        ("GET", "/api/v1/reserves/{id}" | "/money/reserves/{id}") => Case {
            url: id(ids.reserve),
            body: Body::None,
            allowed: admin,
            names_alpha: true,
        },
        // Changed, then closed (a path ending in /close runs late): a second close, or a
        // change once closed, is a 409 the treasurer may get.
        ("PATCH", "/api/v1/reserves/{id}") => json_case(id(ids.reserve), json!({"monthly_cents": 1_200}), admin),
        ("POST", "/money/reserves/{id}") => form_case(
            id(ids.reserve),
            vec![
                ("name", "Alpha hosting".into()),
                ("monthly", "13".into()),
                ("key", "size".into()),
            ],
            admin,
        ),
        ("POST", "/api/v1/reserves/{id}/close" | "/money/reserves/{id}/close") => {
            form_or_json_close(spec.path, id(ids.reserve), admin)
        }
        (
            "GET",
            "/money/requests/{id}"
            | "/money/requests/{id}/qr.svg"
            | "/money/requests/{id}/pdf"
            | "/api/v1/payment-requests/{id}/pdf"
            | "/api/v1/payment-requests/{id}"
            | "/api/v1/payment-requests/{id}/qr.svg"
            | "/api/v1/payment-requests/{id}/qr.png",
        ) => Case {
            url: id(ids.request),
            body: Body::None,
            allowed: &[Rep, Admin],
            names_alpha: true,
        },
        (
            "GET",
            "/organisations/{id}/statement"
            | "/organisations/{id}/statement.csv"
            | "/api/v1/organisations/{id}/statement",
        ) => Case {
            url: id(r),
            body: Body::None,
            allowed: &[Rep, Admin],
            names_alpha: true,
        },
        ("PUT", "/api/v1/network/payment-settings") => Case {
            url: spec.path.into(),
            body: Body::Json(
                json!({"legal_name": "Alpha Network", "address": "Alpha Street 1", "iban": "BE68539007547034", "reference_scheme": "be"}),
            ),
            allowed: admin,
            names_alpha: false,
        },
        ("PUT", "/api/v1/network/budget") => Case {
            url: spec.path.into(),
            body: Body::Json(json!({"monthly_costs_cents": 10_000})),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/api/v1/payment-requests") => json_case(
            spec.path.into(),
            json!({"organisation_id": r, "amount_cents": 1_000, "purpose": "Alpha API request"}),
            admin,
        ),
        ("POST", "/api/v1/payment-requests/{id}/cancel") => json_case(id(ids.request_to_cancel), json!({}), admin),
        ("POST", "/api/v1/payments") => json_case(
            spec.path.into(),
            json!({"payment_request_id": ids.request, "amount_cents": 100}),
            admin,
        ),
        ("POST", "/api/v1/payments/{id}/assign") => {
            json_case(id(ids.payment), json!({"payment_request_id": ids.request}), admin)
        }
        ("POST", "/api/v1/bank-statements") => Case {
            url: spec.path.into(),
            body: Body::Json(json!("date,amount\n2026-03-03,2.00\n")),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/api/v1/fee-schedules") => Case {
            url: spec.path.into(),
            body: Body::Json(json!({"year": 2092, "period": "yearly", "tiers": {"active": [[0, 100]]}})),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/api/v1/fee-schedules/{id}/bill") => json_case(id(ids.fee_schedule), json!({"period": 0}), admin),
        // Jobs.
        ("POST", "/admin/jobs/{id}/retry" | "/admin/jobs/{id}/discard") => form_case(id(ids.job), vec![], admin),
        ("POST", "/api/v1/jobs/{id}/retry" | "/api/v1/jobs/{id}/discard") => json_case(id(ids.job), json!({}), admin),
        // Proposals.
        ("POST", "/proposals") => form_case(
            spec.path.into(),
            vec![
                ("title", "Alpha page proposal".into()),
                ("description", "Needed.".into()),
                ("software", "".into()),
                ("links", "".into()),
                ("requested_by", r.to_string()),
            ],
            &[Rep, Admin],
        ),
        ("POST", "/api/v1/proposals") => json_case(
            spec.path.into(),
            json!({"title": "Alpha API proposal", "description": "Needed.", "requested_by": r}),
            &[Rep, Admin],
        ),
        ("GET", "/api/v1/commitments") => Case {
            url: format!("/api/v1/commitments?organisation_id={r}"),
            body: Body::None,
            allowed: &[Rep, Admin],
            names_alpha: true,
        },
        ("POST", "/proposals/{id}/interest") => form_case(
            proposal(ids.funding),
            vec![("organisation_id", m.to_string())],
            &[Member, Admin],
        ),
        ("POST", "/api/v1/proposals/{id}/interest") => {
            json_case(proposal(ids.funding), json!({"organisation_id": m}), &[Member, Admin])
        }
        ("POST", "/proposals/{id}/comments") => {
            form_case(proposal(ids.funding), vec![("body", "Alpha comment".into())], none)
        }
        ("POST", "/api/v1/proposals/{id}/comments") => {
            json_case(proposal(ids.funding), json!({"body": "Alpha comment"}), none)
        }
        // Draft → discussion: the author, the core circle, administrators.
        ("POST", "/proposals/{id}/transition") => form_case(
            proposal(ids.draft),
            vec![("to", "discussion".into()), ("reason", "".into())],
            &[Rep, Core, Admin],
        ),
        // Then discussion → rejected: the core circle and administrators.
        ("POST", "/api/v1/proposals/{id}/transition") => json_case(
            proposal(ids.draft),
            json!({"to": "rejected", "reason": "Done otherwise"}),
            &[Core, Admin],
        ),
        ("POST", "/api/v1/proposals/{id}/quotes") => json_case(
            proposal(ids.funding),
            json!({"provider_id": p, "amount_cents": 10_000}),
            &[Provider, Core, Admin],
        ),
        ("POST", "/proposals/{id}/quotes/{quote_id}/select") => form_case(
            proposal(ids.funding).replace("{quote_id}", &ids.quote.to_string()),
            vec![],
            &[Core, Admin],
        ),
        ("POST", "/api/v1/proposals/{id}/quotes/{quote_id}/select") => json_case(
            proposal(ids.funding).replace("{quote_id}", &ids.quote.to_string()),
            json!({}),
            &[Core, Admin],
        ),
        // The API's steps that have a page: quoting, opening with every term.
        ("GET", "/proposals/{id}/quotes/new") => Case {
            url: proposal(ids.to_fund[0]),
            body: Body::None,
            allowed: &[Provider, Core, Admin],
            names_alpha: true,
        },
        ("POST", "/proposals/{id}/quotes") => form_case(
            proposal(ids.funding),
            vec![("provider_id", p.to_string()), ("amount", "100".into())],
            &[Provider, Core, Admin],
        ),
        ("GET", "/proposals/{id}/campaign/new") => Case {
            url: proposal(ids.to_fund[0]),
            body: Body::None,
            allowed: admin,
            names_alpha: true,
        },
        ("POST", "/proposals/{id}/campaign") => form_case(
            proposal(ids.to_fund[0]),
            vec![("amount", "1000".into()), ("key", "equal".into())],
            admin,
        ),
        ("POST", "/api/v1/proposals/{id}/campaign") => json_case(
            proposal(ids.to_fund[1]),
            json!({"amount_cents": 100_000, "key": {"kind": "equal"}}),
            admin,
        ),
        ("POST", "/proposals/{id}/pledge" | "/proposals/{id}/pledge/withdraw") => form_case(
            proposal(ids.funding),
            vec![("organisation_id", r.to_string())],
            &[Rep, Admin],
        ),
        ("POST", "/api/v1/proposals/{id}/pledges") => {
            json_case(proposal(ids.funding), json!({"organisation_id": r}), &[Rep, Admin])
        }
        ("DELETE", "/api/v1/proposals/{id}/pledges") => Case {
            url: format!("{}?organisation_id={r}", proposal(ids.funding)),
            body: Body::None,
            allowed: &[Rep, Admin],
            names_alpha: true,
        },
        ("GET", "/api/v1/proposals/{id}/preview") => {
            plain(format!("{}?organisation_id={m}", proposal(ids.funding)), true)
        }
        ("POST", "/proposals/{id}/close") => form_case(proposal(ids.funding), vec![], admin),
        ("POST", "/api/v1/proposals/{id}/close") => json_case(proposal(ids.funding), json!({}), admin),
        ("POST", "/proposals/{id}/deliver") => {
            form_case(proposal(ids.funded), vec![("reason", "".into())], &[Provider, Admin])
        }
        ("POST", "/api/v1/proposals/{id}/deliver") => json_case(proposal(ids.funded), json!({}), &[Provider, Admin]),
        ("POST", "/proposals/{id}/adopt") => form_case(
            proposal(ids.delivered),
            vec![("organisation_id", r.to_string())],
            &[Rep, Admin],
        ),
        ("POST", "/api/v1/proposals/{id}/adopt") => {
            json_case(proposal(ids.delivered), json!({"organisation_id": r}), &[Rep, Admin])
        }
        ("GET", path) if path.starts_with("/proposals/{id}") || path.starts_with("/api/v1/proposals/{id}") => {
            plain(proposal(ids.funding), true)
        }
        // Polls: the requester votes; its representative hands its vote to its staff, or
        // to the provider (a member organisation too).
        ("POST", "/polls/{id}/ballot") => form_case(
            id(ids.poll),
            vec![("organisation_id", r.to_string()), ("choice", "yes".into())],
            &[Rep, Admin],
        ),
        ("POST", "/api/v1/polls/{id}/ballots") => json_case(
            id(ids.poll),
            json!({"organisation_id": r, "choice": "yes"}),
            &[Rep, Admin],
        ),
        ("POST", "/api/v1/polls/{id}/delegations") => json_case(
            id(ids.poll),
            json!({"organisation_id": r, "person_id": ids.staff}),
            &[Rep, Admin],
        ),
        ("POST", "/api/v1/polls/{id}/proxies") => json_case(
            id(ids.poll),
            json!({"organisation_id": r, "holder_organisation_id": p}),
            &[Rep, Admin],
        ),
        // The API's steps that have a page: creating a poll, handing a vote.
        ("GET", "/polls/new") => Case {
            url: spec.path.into(),
            body: Body::None,
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/polls/new") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![("title", "Zeta page poll".into()), ("method", "decision".into())]),
            allowed: admin,
            names_alpha: false,
        },
        ("GET", "/polls/{id}/mandate") => Case {
            url: format!("{}?organisation_id={r}", id(ids.poll)),
            body: Body::None,
            allowed: &[Rep, Admin],
            names_alpha: true,
        },
        ("POST", "/polls/{id}/mandate") => form_case(
            id(ids.poll),
            vec![
                ("organisation_id", r.to_string()),
                ("kind", "delegate".into()),
                ("person_id", ids.staff.to_string()),
            ],
            &[Rep, Admin],
        ),
        ("POST", "/api/v1/polls") => Case {
            url: spec.path.into(),
            body: Body::Json(json!({"title": "Zeta poll", "method": "decision"})),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/polls/{id}/open" | "/polls/{id}/close") => form_case(id(ids.poll), vec![], admin),
        ("POST", "/api/v1/polls/{id}/open" | "/api/v1/polls/{id}/close") => json_case(id(ids.poll), json!({}), admin),
        ("GET", "/api/v1/polls/{id}/receipts/{code}") => plain(id(ids.poll).replace("{code}", "r-not-a-receipt"), true),
        ("GET", path) if path.contains("/polls/{id}") => plain(id(ids.poll), true),
        // Meetings.
        ("GET" | "POST", "/meetings/answer/{token}") => form_case(
            "/meetings/answer/a_not-a-link".into(),
            vec![("answer", "yes".into())],
            none,
        ),
        ("GET", "/calendar/{token}") => plain("/calendar/f_not-a-feed.ics".into(), false),
        ("POST", "/calendar") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![]),
            allowed: none,
            names_alpha: false,
        },
        ("POST", "/api/v1/me/calendar-feed") => Case {
            url: spec.path.into(),
            body: Body::Json(json!({})),
            allowed: none,
            names_alpha: false,
        },
        ("GET", "/meetings/new") => Case {
            url: spec.path.into(),
            body: Body::None,
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/meetings/new") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![
                ("kind", "assembly".into()),
                ("title", "Zeta meeting".into()),
                ("starts_at", "2099-02-03T19:00".into()),
                ("duration_minutes", "90".into()),
            ]),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/api/v1/meetings") => Case {
            url: spec.path.into(),
            body: Body::Json(
                json!({"kind": "assembly", "title": "Zeta meeting", "starts_at": "2099-02-03T19:00:00", "duration_minutes": 90}),
            ),
            allowed: admin,
            names_alpha: false,
        },
        ("PATCH", "/api/v1/meetings/{id}") => json_case(id(ids.meeting), json!({"place": "Zeta hall"}), admin),
        // Registering for an event: every person, for themselves.
        ("POST", "/meetings/{id}/register" | "/meetings/{id}/register/withdraw") => {
            form_case(id(ids.meeting), vec![], none)
        }
        ("PUT", "/api/v1/meetings/{id}/registration") => json_case(id(ids.meeting), json!({}), none),
        ("DELETE", "/api/v1/meetings/{id}/registration") => Case {
            url: id(ids.meeting),
            body: Body::None,
            allowed: none,
            names_alpha: true,
        },
        // An organisation's proxy: its representative, or an administrator (the
        // meeting is an event: the policy passes, then 409).
        ("GET", "/meetings/{id}/proxy") => Case {
            url: format!("{}?organisation_id={r}", id(ids.meeting)),
            body: Body::None,
            allowed: &[Rep, Admin],
            names_alpha: true,
        },
        ("POST", "/meetings/{id}/proxy") => form_case(
            id(ids.meeting),
            vec![
                ("organisation_id", r.to_string()),
                ("holder_organisation_id", m.to_string()),
            ],
            &[Rep, Admin],
        ),
        ("POST", "/meetings/{id}/proxy/withdraw") => {
            form_case(id(ids.meeting), vec![("organisation_id", r.to_string())], &[Rep, Admin])
        }
        ("POST", "/api/v1/meetings/{id}/proxies") => json_case(
            id(ids.meeting),
            json!({"organisation_id": r, "holder_organisation_id": m}),
            &[Rep, Admin],
        ),
        ("DELETE", "/api/v1/meetings/{id}/proxies/{organisation_id}") => Case {
            url: id(ids.meeting).replace("{organisation_id}", &r.to_string()),
            body: Body::None,
            allowed: &[Rep, Admin],
            names_alpha: true,
        },
        ("GET", "/meetings/{id}/edit") => Case {
            url: id(ids.meeting),
            body: Body::None,
            allowed: admin,
            names_alpha: true,
        },
        ("POST", "/meetings/{id}/edit") => form_case(
            id(ids.meeting),
            vec![
                ("title", "Alpha workshop".into()),
                ("starts_at", "2099-01-06T19:00".into()),
                ("duration_minutes", "90".into()),
                ("place", "Zeta hall".into()),
                ("reminder_days", "7, 1".into()),
            ],
            admin,
        ),
        // A meeting's documents: every person reads, administrators attach and remove
        // (a multipart body: a url-encoded one is refused once the doer may send it).
        ("GET", "/meetings/{id}/documents") => Case {
            url: id(ids.meeting),
            body: Body::None,
            allowed: admin,
            names_alpha: true,
        },
        ("POST", "/meetings/{id}/documents") => form_case(id(ids.meeting), vec![], admin),
        ("POST", "/api/v1/meetings/{id}/documents") => json_case(id(ids.meeting), json!({}), admin),
        ("GET", "/meetings/{id}/documents/{document_id}" | "/api/v1/meetings/{id}/documents/{document_id}") => plain(
            id(ids.meeting).replace("{document_id}", &ids.meeting_doc.to_string()),
            true,
        ),
        ("GET", "/meetings/{id}/documents/{document_id}/remove") => Case {
            url: id(ids.meeting).replace("{document_id}", &ids.meeting_doc.to_string()),
            body: Body::None,
            allowed: admin,
            names_alpha: true,
        },
        ("POST", "/meetings/{id}/documents/{document_id}/remove") => form_case(
            id(ids.meeting).replace("{document_id}", &ids.meeting_doc_to_remove.to_string()),
            vec![],
            admin,
        ),
        // After the page removed it, the API finds nothing to remove (404, as withdrawn).
        ("DELETE", "/api/v1/meetings/{id}/documents/{document_id}") => Case {
            url: id(ids.meeting).replace("{document_id}", &ids.meeting_doc_to_remove.to_string()),
            body: Body::None,
            allowed: admin,
            names_alpha: true,
        },
        ("POST", "/meetings/{id}/cancel") => form_case(id(ids.meeting), vec![], admin),
        ("POST", "/api/v1/meetings/{id}/cancel") => json_case(id(ids.meeting), json!({}), admin),
        ("POST", "/meetings/{id}/answer") => form_case(id(ids.meeting), vec![("answer", "yes".into())], none),
        ("PUT", "/api/v1/meetings/{id}/answer") => json_case(id(ids.meeting), json!({"answer": "yes"}), none),
        ("POST", "/meetings/{id}/attendance") => form_case(id(ids.meeting), vec![], admin),
        ("PUT", "/api/v1/meetings/{id}/attendance") => json_case(id(ids.meeting), json!({"present": []}), admin),
        ("GET", "/meetings/{id}/attendance") => Case {
            url: id(ids.meeting),
            body: Body::None,
            allowed: admin,
            names_alpha: true,
        },
        ("GET", "/meetings/{id}/minutes") => Case {
            url: id(ids.meeting),
            body: Body::None,
            allowed: admin,
            names_alpha: true,
        },
        ("POST", "/meetings/{id}/minutes") => {
            form_case(id(ids.meeting), vec![("markdown", "Zeta minutes".into())], admin)
        }
        ("PUT", "/api/v1/meetings/{id}/minutes") => {
            json_case(id(ids.meeting), json!({"markdown": "Zeta minutes"}), admin)
        }
        // The meeting is ahead: publishing is refused (409), but only after the policy.
        ("POST", "/meetings/{id}/minutes/publish") => form_case(id(ids.meeting), vec![], admin),
        ("POST", "/api/v1/meetings/{id}/minutes/publish") => json_case(id(ids.meeting), json!({}), admin),
        ("POST", "/meetings/{id}/decisions") => {
            form_case(id(ids.meeting), vec![("text", "Zeta decision".into())], admin)
        }
        ("POST", "/api/v1/meetings/{id}/decisions") => {
            json_case(id(ids.meeting), json!({"text": "Zeta decision"}), admin)
        }
        ("POST", "/meetings/{id}/decisions/{decision_id}/remove") => form_case(
            id(ids.meeting).replace("{decision_id}", &ids.decision.to_string()),
            vec![],
            admin,
        ),
        // After the page removed it, the API finds nothing to remove (404, as withdrawn).
        ("DELETE", "/api/v1/meetings/{id}/decisions/{decision_id}") => Case {
            url: id(ids.meeting).replace("{decision_id}", &ids.decision.to_string()),
            body: Body::None,
            allowed: admin,
            names_alpha: true,
        },
        // The network's own settings: nothing in the request names the first network.
        ("POST", "/governance") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![
                ("assembly_quorum_percent", "60".into()),
                ("poll_quorum_percent", "20".into()),
                ("poll_threshold", "two_thirds".into()),
                ("threshold_fraction", "".into()),
                ("facilitator_min", "1".into()),
                ("facilitator_max", "2".into()),
                ("elected_min", "2".into()),
                ("elected_max", "4".into()),
                ("max_mandate_days", "700".into()),
            ]),
            allowed: admin,
            names_alpha: false,
        },
        ("PUT", "/api/v1/governance") => Case {
            url: spec.path.into(),
            body: Body::Json(
                json!({"assembly_quorum_percent": 55, "poll_quorum_percent": 10, "poll_threshold": "3/5",
                "core_seats": {"facilitator_min": 1, "facilitator_max": 2, "elected_min": 2, "elected_max": 3, "max_mandate_days": 365}}),
            ),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/core-circle/mandates") => form_case(
            spec.path.into(),
            vec![
                ("organisation_id", m.to_string()),
                ("seat", "elected".into()),
                ("starts_on", "2099-01-01".into()),
                ("ends_on", "2099-12-31".into()),
            ],
            admin,
        ),
        ("POST", "/api/v1/core-circle/mandates") => json_case(
            spec.path.into(),
            json!({"organisation_id": m, "seat": "elected", "starts_on": "2098-01-01", "ends_on": "2098-12-31"}),
            admin,
        ),
        // Naming nothing of the first network: another network's administrator calls
        // an election of their own.
        ("POST", "/core-circle/elections") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![
                ("seats", "1".into()),
                ("starts_on", "2099-01-01".into()),
                ("ends_on", "2099-06-30".into()),
            ]),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/api/v1/core-circle/elections") => Case {
            url: spec.path.into(),
            body: Body::Json(json!({"seats": 1, "starts_on": "2099-01-01", "ends_on": "2099-06-30"})),
            allowed: admin,
            names_alpha: false,
        },
        // The representative stands for their cooperative; an administrator may too
        // (then it already stands: 409).
        ("POST", "/core-circle/elections/{id}/candidates") => form_case(
            id(ids.election),
            vec![("organisation_id", r.to_string())],
            &[Rep, Admin],
        ),
        ("POST", "/api/v1/core-circle/elections/{id}/candidates") => {
            json_case(id(ids.election), json!({"organisation_id": r}), &[Rep, Admin])
        }
        ("POST", "/core-circle/elections/{id}/vote") => form_case(id(ids.election), vec![], admin),
        ("POST", "/api/v1/core-circle/elections/{id}/vote") => json_case(id(ids.election), json!({}), admin),
        // Mailing lists: every person of the network reads and posts to the mutual-help
        // list; administrators make lists and moderate.
        ("GET", "/lists/{id}" | "/api/v1/lists/{id}/messages") => plain(id(ids.list), true),
        // A list that is not public: 404 for everyone, never its messages.
        ("GET", "/public/lists/{id}") => plain(id(ids.list), false),
        ("GET", "/public/lists/{id}/messages/{message_id}") => plain(
            id(ids.list).replace("{message_id}", &ids.list_message.to_string()),
            false,
        ),
        ("GET", "/lists/{id}/messages/{message_id}" | "/api/v1/lists/{id}/messages/{message_id}") => plain(
            id(ids.list).replace("{message_id}", &ids.list_message.to_string()),
            true,
        ),
        ("GET", "/lists/{id}/files/{file_id}") => {
            plain(id(ids.list).replace("{file_id}", &ids.list_file.to_string()), true)
        }
        ("GET", "/lists/{id}/held" | "/api/v1/lists/{id}/held") => Case {
            url: id(ids.list),
            body: Body::None,
            allowed: admin,
            names_alpha: true,
        },
        ("POST", "/lists/{id}/held/{message_id}/approve" | "/lists/{id}/held/{message_id}/reject") => form_case(
            id(ids.list).replace("{message_id}", &ids.list_held.to_string()),
            vec![],
            admin,
        ),
        ("POST", "/api/v1/lists/{id}/held/{message_id}/approve" | "/api/v1/lists/{id}/held/{message_id}/reject") => {
            json_case(
                id(ids.list).replace("{message_id}", &ids.list_held.to_string()),
                json!({}),
                admin,
            )
        }
        ("POST", "/lists/{id}/messages") => form_case(
            id(ids.list),
            vec![
                ("subject", "Zeta question".into()),
                ("body_markdown", "Zeta body".into()),
            ],
            none,
        ),
        ("POST", "/api/v1/lists/{id}/messages") => json_case(
            id(ids.list),
            json!({"subject": "Zeta question", "body_markdown": "Zeta body"}),
            none,
        ),
        ("PUT", "/api/v1/lists/{id}/subscription") => json_case(id(ids.list), json!({"delivery": "digest"}), none),
        // A list's settings: administrators (the values it has, so the walk goes on alike).
        ("GET", "/lists/{id}/settings") => Case {
            url: id(ids.list),
            body: Body::None,
            allowed: admin,
            names_alpha: true,
        },
        ("POST", "/lists/{id}/settings") => form_case(
            id(ids.list),
            vec![
                ("name", "Entraide".into()),
                ("posting", "members".into()),
                ("reply_to", "list".into()),
                ("subscribed_by_default", "on".into()),
                ("moderate_non_members", "on".into()),
            ],
            admin,
        ),
        ("PATCH", "/api/v1/lists/{id}") => json_case(id(ids.list), json!({"reply_to": "list"}), admin),
        // Naming nothing of the first network: another network's administrator makes a
        // list too (the address is then taken: 409, or the form again).
        ("POST", "/lists") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![
                ("name", "Zeta list".into()),
                ("local_part", "zeta-page".into()),
                ("posting", "members".into()),
            ]),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/api/v1/lists") => Case {
            url: spec.path.into(),
            body: Body::Json(json!({"name": "Zeta list", "local_part": "zeta-api", "posting": "members"})),
            allowed: admin,
            names_alpha: false,
        },
        // Each person's own choices: a list of another network is ignored.
        ("POST", "/settings/lists") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![("delivery_0", "digest".into())]),
            allowed: none,
            names_alpha: false,
        },
        ("GET", path) if path.contains("/meetings/{id}") => plain(id(ids.meeting), true),
        // The documentation space: a members' page of the first network.
        ("POST", "/docs/new") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![("title", "Zeta page".into()), ("visibility", "members".into())]),
            allowed: none,
            names_alpha: false,
        },
        ("POST", "/api/v1/docs") => Case {
            url: spec.path.into(),
            body: Body::Json(json!({"title": "Zeta page", "visibility": "members"})),
            allowed: none,
            names_alpha: false,
        },
        ("POST", "/docs/{id}/edit") => form_case(
            id(ids.doc),
            vec![("title", "Zeta edit".into()), ("visibility", "members".into())],
            none,
        ),
        ("PUT", "/api/v1/docs/{id}") => json_case(
            id(ids.doc),
            json!({"title": "Zeta edit", "visibility": "members"}),
            none,
        ),
        // A page by its path or id (the id here: the walk renames the page). Anyone
        // may ask with `?network=`: a visitor reads public pages only, never this one.
        ("GET", "/api/v1/docs/{path}") => {
            plain(format!("/api/v1/docs/{}?network={}", ids.doc, ids.network_slug), false)
        }
        ("PUT", "/api/v1/docs/{path}") => json_case(
            format!("/api/v1/docs/{}", ids.doc),
            json!({"title": "Zeta edit", "visibility": "members"}),
            none,
        ),
        ("GET", "/docs/{id}/diff" | "/api/v1/docs/{id}/diff") => plain(format!("{}?from=1&to=1", id(ids.doc)), true),
        ("GET", path) if path.contains("/docs/{id}") => plain(id(ids.doc), true),
        // A network's public pages, by its slug: the members' page is not among them.
        ("GET", "/n/{slug}/docs") => plain(spec.path.replace("{slug}", &ids.network_slug), false),
        ("GET", "/n/{slug}/docs/{id}") => plain(id(ids.doc).replace("{slug}", &ids.network_slug), false),
        // The logbook: a members' article of the first network; its public pages show
        // the public one only.
        ("POST", "/logbook/new") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![
                ("title", "Zeta article".into()),
                ("body_markdown", "Zeta".into()),
                ("visibility", "members".into()),
            ]),
            allowed: none,
            names_alpha: false,
        },
        ("POST", "/api/v1/logbook") => Case {
            url: spec.path.into(),
            body: Body::Json(json!({"title": "Zeta article", "body_markdown": "Zeta", "visibility": "members"})),
            allowed: none,
            names_alpha: false,
        },
        ("POST", "/logbook/{id}/edit") => form_case(
            id(ids.article),
            vec![
                ("title", "Zeta edit".into()),
                ("body_markdown", "Zeta".into()),
                ("visibility", "members".into()),
            ],
            none,
        ),
        ("PUT", "/api/v1/logbook/{id}") => json_case(
            id(ids.article),
            json!({"title": "Zeta edit", "body_markdown": "Zeta", "visibility": "members"}),
            none,
        ),
        // Sent once (then 409 for the next allowed role).
        ("POST", "/logbook/{id}/send") => form_case(id(ids.public_article), vec![], none),
        ("POST", "/api/v1/logbook/{id}/issue") => json_case(id(ids.public_article), json!({}), none),
        // An image: the upload is multipart (a url-encoded body is refused once the doer
        // may send it); an image that is none.
        ("POST", "/logbook/{id}/images") => form_case(id(ids.article), vec![], none),
        ("GET", "/logbook/images/{image_id}") => plain("/logbook/images/999999".into(), false),
        // A person's private feed: their own (nothing of the first network named).
        ("GET", "/logbook/feed") => plain(spec.path.into(), false),
        ("POST", "/logbook/feed" | "/logbook/feed/remove") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![]),
            allowed: none,
            names_alpha: false,
        },
        ("GET", "/logbook/feed/{token}") => plain("/logbook/feed/lf_not-a-feed".into(), false),
        // The feed's images: a token that is none (404 for everyone, nothing named).
        ("GET", "/logbook/feed/{token}/images/{image_id}") => {
            plain("/logbook/feed/lf_not-a-feed/images/999999".into(), false)
        }
        // The API's image upload: multipart (a JSON body is refused once the doer may
        // send it; another network's writer finds no article).
        ("POST", "/api/v1/logbook/{id}/images") => json_case(id(ids.article), json!({}), none),
        ("GET", path) if path.contains("/logbook/{id}") => plain(id(ids.article), true),
        ("GET", "/n/{slug}/logbook" | "/n/{slug}/logbook.atom") => {
            plain(spec.path.replace("{slug}", &ids.network_slug), false)
        }
        ("GET", "/n/{slug}/logbook/{id}") => plain(id(ids.public_article).replace("{slug}", &ids.network_slug), false),
        // The newsletter: a draft issue of the first network; its archive shows the sent
        // one; links with a token that is none.
        ("POST", "/newsletter/new") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![("subject", "Zeta issue".into()), ("body_markdown", "Zeta".into())]),
            allowed: none,
            names_alpha: false,
        },
        ("POST", "/api/v1/newsletter/issues") => Case {
            url: spec.path.into(),
            body: Body::Json(json!({"subject": "Zeta issue", "body_markdown": "Zeta"})),
            allowed: none,
            names_alpha: false,
        },
        ("POST", "/newsletter/issues/{id}/translation") => form_case(
            id(ids.issue),
            vec![
                ("language", "de".into()),
                ("subject", "Zeta".into()),
                ("body_markdown", "Zeta".into()),
            ],
            none,
        ),
        ("PUT", "/api/v1/newsletter/issues/{id}/translations/{language}") => json_case(
            id(ids.issue).replace("{language}", "de"),
            json!({"subject": "Zeta", "body_markdown": "Zeta"}),
            none,
        ),
        ("POST", "/newsletter/issues/{id}/send") => form_case(id(ids.issue), vec![], none),
        ("POST", "/api/v1/newsletter/issues/{id}/send") => json_case(id(ids.issue), json!({}), none),
        ("GET", path) if path.contains("/newsletter/issues/{id}") => plain(id(ids.issue), true),
        ("GET", "/n/{slug}/newsletter") => plain(spec.path.replace("{slug}", &ids.network_slug), false),
        ("POST", "/n/{slug}/newsletter") => Case {
            url: spec.path.replace("{slug}", &ids.network_slug),
            body: Body::Form(vec![
                ("email", "visitor@zeta.example".into()),
                ("language", "en".into()),
            ]),
            allowed: none,
            names_alpha: false,
        },
        ("GET", "/n/{slug}/newsletter/{id}") => plain(id(ids.sent_issue).replace("{slug}", &ids.network_slug), false),
        ("GET" | "POST", "/newsletter/confirm/{token}") => Case {
            url: "/newsletter/confirm/n_not-a-token".into(),
            body: Body::Form(vec![]),
            allowed: none,
            names_alpha: false,
        },
        ("GET" | "POST", "/newsletter/unsubscribe/{token}") => Case {
            url: "/newsletter/unsubscribe/n_not-a-token".into(),
            body: Body::Form(vec![("List-Unsubscribe", "One-Click".into())]),
            allowed: none,
            names_alpha: false,
        },
        // Pools: the member organisation's allocation is placed by its people only.
        // A pool of one's own network: nothing names the first network.
        ("POST", "/pools") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![("name", "Zeta pool".into())]),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/api/v1/pools") => Case {
            url: spec.path.into(),
            body: Body::Json(json!({"name": "Zeta pool"})),
            allowed: admin,
            names_alpha: false,
        },
        ("POST", "/pools/{id}/contributions") => form_case(
            id(ids.pool),
            vec![
                ("organisation_id", m.to_string()),
                ("amount", "1.00".into()),
                ("kind", "gift".into()),
            ],
            admin,
        ),
        ("POST", "/api/v1/pools/{id}/contributions") => json_case(
            id(ids.pool),
            json!({"organisation_id": m, "amount_cents": 100, "received": true}),
            admin,
        ),
        ("POST", "/pools/{id}/schedule") => form_case(
            id(ids.pool),
            vec![
                ("amount", "1.00".into()),
                ("period", "monthly".into()),
                ("starts_on", "2099-01-05".into()),
                ("active", "on".into()),
                ("confirm", "1".into()),
            ],
            admin,
        ),
        ("PUT", "/api/v1/pools/{id}/schedule") => json_case(
            id(ids.pool),
            json!({"amount_cents": 100, "period": "monthly", "starts_on": "2099-01-05"}),
            admin,
        ),
        // The pool has nothing left to share: opening is refused (409) after the policy.
        ("POST", "/pools/{id}/rounds/new") => form_case(
            id(ids.pool),
            vec![
                ("title", "Zeta round".into()),
                ("opens_at", "2090-01-01".into()),
                ("closes_at", "2090-02-01".into()),
                ("allocation", "equal".into()),
            ],
            admin,
        ),
        ("POST", "/api/v1/rounds") => json_case(
            spec.path.into(),
            json!({"pool_id": ids.pool, "title": "Zeta round", "opens_at": "2090-01-01",
                "closes_at": "2090-02-01", "allocation": "equal"}),
            admin,
        ),
        ("GET", path) if path.contains("/pools/{id}") => plain(id(ids.pool), true),
        ("POST", "/rounds/{id}/buckets") => form_case(
            id(ids.round),
            vec![("title", "Zeta project".into()), ("min", "1.00".into())],
            none,
        ),
        ("POST", "/api/v1/rounds/{id}/buckets") => {
            json_case(id(ids.round), json!({"title": "Zeta project", "min_cents": 100}), none)
        }
        // Before its closing time: closing is refused (409) after the policy.
        ("POST", "/rounds/{id}/close") => form_case(id(ids.round), vec![], admin),
        ("POST", "/api/v1/rounds/{id}/close") => json_case(id(ids.round), json!({}), admin),
        ("GET", path) if path.contains("/rounds/{id}") => plain(id(ids.round), true),
        ("POST", "/buckets/{id}/allocation") => form_case(
            id(ids.bucket),
            vec![("organisation_id", m.to_string()), ("amount", "0.01".into())],
            &[Member],
        ),
        ("PUT", "/api/v1/buckets/{id}/allocation") => json_case(
            id(ids.bucket),
            json!({"organisation_id": m, "amount_cents": 2}),
            &[Member],
        ),
        ("GET", path) if path.contains("/buckets/{id}") => plain(id(ids.bucket), true),
        // Joining: applying is anyone's; the review the core circle's; the onboarding
        // the organisation's representative's too, its public listing an administrator's.
        ("GET", "/n/{slug}" | "/n/{slug}/join" | "/n/{slug}/members") => {
            plain(spec.path.replace("{slug}", &ids.network_slug), false)
        }
        ("POST", "/n/{slug}/join") => Case {
            url: spec.path.replace("{slug}", &ids.network_slug),
            body: Body::Form(vec![("organisation.name", "Zeta Applicant".into())]),
            allowed: none,
            names_alpha: false,
        },
        ("GET" | "POST", "/join/confirm/{token}") => Case {
            url: "/join/confirm/a_not-a-token".into(),
            body: Body::Form(vec![]),
            allowed: none,
            names_alpha: false,
        },
        ("POST", "/api/v1/newsletter/subscriptions") => Case {
            url: format!("/api/v1/newsletter/subscriptions?network={}", ids.network_slug),
            body: Body::Json(json!({"email": "visitor@zeta.example", "language": "en"})),
            allowed: none,
            names_alpha: false,
        },
        ("POST", "/api/v1/applications") => Case {
            url: format!("/api/v1/applications?network={}", ids.network_slug),
            body: Body::Json(json!({"organisation": {"name": "Zeta Applicant"}})),
            allowed: none,
            names_alpha: false,
        },
        ("POST", "/applications/{id}/comments") => form_case(
            id(ids.application),
            vec![("body", "Zeta comment".into())],
            &[Core, Admin],
        ),
        ("POST", "/api/v1/applications/{id}/comments") => {
            json_case(id(ids.application), json!({"body": "Zeta comment"}), &[Core, Admin])
        }
        // Decided once: whoever comes second gets a 409.
        ("POST", "/applications/{id}/accept" | "/applications/{id}/decline") => form_case(
            id(ids.application),
            vec![
                ("note", "".into()),
                ("sponsorship_percent", "".into()),
                ("poll_id", "".into()),
            ],
            &[Core, Admin],
        ),
        ("POST", "/api/v1/applications/{id}/accept" | "/api/v1/applications/{id}/decline") => {
            json_case(id(ids.application), json!({}), &[Core, Admin])
        }
        // A poll opened once: whoever comes second (or after a decision) gets a 409.
        ("POST", "/applications/{id}/poll") => {
            form_case(id(ids.application), vec![("closes_on", "".into())], &[Core, Admin])
        }
        ("POST", "/api/v1/applications/{id}/poll") => json_case(id(ids.application), json!({}), &[Core, Admin]),
        ("GET", path) if path.starts_with("/applications/{id}") || path.starts_with("/api/v1/applications/{id}") => {
            Case {
                url: id(ids.application),
                body: Body::None,
                allowed: &[Core, Admin],
                names_alpha: true,
            }
        }
        ("POST", "/settings/public") => Case {
            url: spec.path.into(),
            body: Body::Form(vec![
                ("about_en", "Zeta about".into()),
                ("about_fr", "".into()),
                ("about_de", "".into()),
                ("about_nl", "".into()),
                ("charter_page_id", "".into()),
            ]),
            allowed: none,
            names_alpha: false,
        },
        ("GET", "/organisations/{id}/onboarding" | "/api/v1/organisations/{id}/onboarding") => Case {
            url: id(r),
            body: Body::None,
            allowed: &[Rep, Core, Admin],
            names_alpha: true,
        },
        ("PUT", "/api/v1/public-settings") => Case {
            url: spec.path.into(),
            body: Body::Json(json!({"about": {"en": "Zeta about"}, "private": false})),
            allowed: none,
            names_alpha: false,
        },
        ("GET", "/organisations/{id}/listing" | "/api/v1/organisations/{id}/listing") => Case {
            url: id(r),
            body: Body::None,
            allowed: &[Rep, Admin],
            names_alpha: true,
        },
        ("PUT", "/api/v1/organisations/{id}/listing") => json_case(
            id(r),
            json!({"listed": true, "city": "Liège", "latitude": 50.6326, "longitude": 5.5797}),
            &[Rep, Admin],
        ),
        ("POST", "/organisations/{id}/listing") => form_case(
            id(r),
            vec![
                ("listed", "on".into()),
                ("city", "Liège".into()),
                ("latitude", "50.6326".into()),
                ("longitude", "5.5797".into()),
            ],
            &[Rep, Admin],
        ),
        // Work sharing: the requester's representative (or an administrator) posts and
        // declares for it and forms its opportunity's team; only the representative
        // answers a proposed split for it.
        ("POST", "/opportunities/new") => form_case(
            spec.path.into(),
            vec![
                ("organisation_id", r.to_string()),
                ("title", "Zeta work".into()),
                ("budget", "100".into()),
                ("days", "2".into()),
                ("starts_on", "2030-01-01".into()),
                ("ends_on", "2030-01-31".into()),
            ],
            &[Rep, Admin],
        ),
        ("POST", "/api/v1/opportunities") => json_case(
            spec.path.into(),
            json!({"organisation_id": r, "title": "Zeta work", "budget_cents": 10_000, "days": 2,
                "starts_on": "2030-01-01", "ends_on": "2030-01-31"}),
            &[Rep, Admin],
        ),
        // The same capacity as declared: no new split.
        ("POST", "/opportunities/{id}/interest") => form_case(
            id(ids.opportunity),
            vec![
                ("organisation_id", r.to_string()),
                ("capacity_days", "10".into()),
                ("available_from", "2030-03-01".into()),
                ("available_to", "2030-03-31".into()),
                ("day_rate", "500".into()),
            ],
            &[Rep, Admin],
        ),
        ("PUT", "/api/v1/opportunities/{id}/interests") => json_case(
            id(ids.opportunity),
            json!({"organisation_id": r, "capacity_days": 10, "available_from": "2030-03-01",
                "available_to": "2030-03-31", "day_rate_cents": 50_000}),
            &[Rep, Admin],
        ),
        // The team is formed: the page says so, the API answers 409.
        ("POST", "/opportunities/{id}/team") => {
            form_case(id(ids.opportunity), vec![("basis", "capacity".into())], &[Rep, Admin])
        }
        ("POST", "/api/v1/opportunities/{id}/team") => json_case(
            id(ids.opportunity),
            json!({"basis": "capacity", "members": [{"organisation_id": r}]}),
            &[Rep, Admin],
        ),
        ("POST", "/opportunities/{id}/consent") => form_case(
            id(ids.opportunity),
            vec![("organisation_id", r.to_string()), ("accept", "yes".into())],
            &[Rep],
        ),
        ("POST", "/api/v1/opportunities/{id}/team/consents") => json_case(
            id(ids.opportunity),
            json!({"organisation_id": r, "accept": true}),
            &[Rep],
        ),
        // Ending is the poster's (the requester's representative) or an administrator's:
        // the first allowed attempt ends it (tried late, as every `/close`), a later one
        // answers 409, which is let through all the same.
        ("POST", "/opportunities/{id}/close") => {
            form_case(id(ids.opportunity), vec![("outcome", "filled".into())], &[Rep, Admin])
        }
        ("POST", "/api/v1/opportunities/{id}/close") => {
            json_case(id(ids.opportunity), json!({"outcome": "filled"}), &[Rep, Admin])
        }
        ("GET", path) if path.contains("/opportunities/{id}") => plain(id(ids.opportunity), true),
        ("GET", path) if path.contains("{") => panic!("no case for GET {path}: add one to tests/access.rs"),
        // Lists and pages without an object: the same for every network.
        ("GET", path) => plain(path.into(), false),
        (method, path) => panic!("no case for {method} {path}: add one to tests/access.rs"),
    }
}

fn org_form(name: &str) -> Vec<(&'static str, String)> {
    vec![
        ("name", name.into()),
        ("kind", "user".into()),
        ("status", "member".into()),
        ("level", "active".into()),
        ("size", "10".into()),
    ]
}

/// Sends the case's request as the role: a page with the browser session (and its CSRF
/// token), the API with the bearer token. Returns the status, the redirect's location
/// (a path) and the body.
async fn send(who: &Who, spec: &RouteSpec, case: &Case) -> (u16, String, String) {
    let r = if spec.is_api() {
        match (spec.method, &case.body) {
            ("GET", _) => who.api.get(&case.url).await,
            ("DELETE", _) => who.api.delete(&case.url).await,
            ("POST", Body::Json(b)) => who.api.post(&case.url, b).await,
            ("PUT", Body::Json(b)) => who.api.put(&case.url, b).await,
            ("PATCH", Body::Json(b)) => who.api.patch(&case.url, b).await,
            ("POST", _) => who.api.post(&case.url, &json!({})).await,
            (m, _) => panic!("{m} {} without a JSON body", case.url),
        }
    } else {
        match (spec.method, &case.body) {
            ("GET", _) => who.web.get(&case.url).await,
            ("POST", Body::Form(fields)) => {
                let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                who.web.form(&case.url, &fields).await
            }
            ("POST", _) => who.web.form(&case.url, &[]).await,
            (m, _) => panic!("a page answers GET and POST, not {m}"),
        }
    };
    let status = r.status().as_u16();
    let base = who.web.base.clone();
    let location = r
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(|l| l.strip_prefix(&base).unwrap_or(l).to_string())
        .unwrap_or_default();
    let body = r.text().await.unwrap_or_default();
    (status, location, body)
}

// ------------------------------------------------------------------ the fixture

async fn post_ok(api: &Api, path: &str, body: Value) -> Value {
    let r = api.post(path, &body).await;
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    assert!((200..300).contains(&status), "POST {path}: {status} {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

async fn invite(api: &Api, email: &str, name: &str, extra: Value) -> i64 {
    let mut body = json!({"email": email, "name": name});
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    post_ok(api, "/api/v1/people", body).await["id"].as_i64().unwrap()
}

async fn org(api: &Api, name: &str, kind: &str) -> i64 {
    post_ok(
        api,
        "/api/v1/organisations",
        json!({"name": name, "kind": kind, "size": 10}),
    )
    .await["id"]
        .as_i64()
        .unwrap()
}

/// The first network ("Alpha…"), the other one, and every role in each, logged in.
async fn fixture(app: &TestApp) -> (Ids, Vec<Who>) {
    let admin = app.api(&app.admin_token().await);
    let network = app.network_id().await;
    let mut ids = Ids {
        network,
        network_slug: network_slug(app, network).await,
        ..Ids::default()
    };
    ids.requester = org(&admin, "Alpha Requester", "user").await;
    ids.member_org = org(&admin, "Alpha Member", "user").await;
    ids.provider_org = org(&admin, "Alpha Provider", "provider").await;
    let (r, m, p) = (ids.requester, ids.member_org, ids.provider_org);
    ids.rep = invite(
        &admin,
        "rep@alpha.example",
        "Alpha Rep",
        json!({"organisation_id": r, "representative": true}),
    )
    .await;
    ids.staff = invite(
        &admin,
        "staff@alpha.example",
        "Alpha Staff",
        json!({"organisation_id": r}),
    )
    .await;
    invite(
        &admin,
        "member@alpha.example",
        "Alpha Member Person",
        json!({"organisation_id": m}),
    )
    .await;
    invite(
        &admin,
        "provider@alpha.example",
        "Alpha Provider Person",
        json!({"organisation_id": p}),
    )
    .await;
    invite(&admin, "core@alpha.example", "Alpha Core", json!({"core_circle": true})).await;
    let rep_api = app.api(&app.token_for(ids.rep).await);
    ids.token = spare_token(app, ids.rep).await;

    let proposal = |title: &'static str, draft: bool| {
        let admin = &admin;
        async move {
            post_ok(
                admin,
                "/api/v1/proposals",
                json!({"title": title, "description": "Alpha.", "requested_by": r, "draft": draft}),
            )
            .await["id"]
                .as_i64()
                .unwrap()
        }
    };
    let quoted = |title: &'static str| {
        let admin = &admin;
        async move {
            let id = proposal(title, false).await;
            let q = post_ok(
                admin,
                &format!("/api/v1/proposals/{id}/quotes"),
                json!({"provider_id": p, "amount_cents": 100_000}),
            )
            .await["id"]
                .as_i64()
                .unwrap();
            post_ok(
                admin,
                &format!("/api/v1/proposals/{id}/campaign"),
                json!({"quote_id": q, "key": {"kind": "equal"}}),
            )
            .await;
            (id, q)
        }
    };
    (ids.funding, ids.quote) = quoted("Alpha shift module").await;
    ids.draft = proposal("Alpha draft", true).await;
    ids.to_fund = [
        proposal("Alpha to fund by page", false).await,
        proposal("Alpha to fund by API", false).await,
    ];
    for n in 0..2 {
        let (id, _) = quoted(if n == 0 { "Alpha funded" } else { "Alpha delivered" }).await;
        post_ok(
            &rep_api,
            &format!("/api/v1/proposals/{id}/pledges"),
            json!({"organisation_id": r}),
        )
        .await;
        post_ok(&admin, &format!("/api/v1/proposals/{id}/close"), json!({})).await;
        if n == 0 {
            ids.funded = id;
        } else {
            post_ok(&admin, &format!("/api/v1/proposals/{id}/deliver"), json!({})).await;
            ids.delivered = id;
        }
    }
    ids.poll = post_ok(
        &admin,
        "/api/v1/polls",
        json!({"title": "Alpha budget", "method": "decision"}),
    )
    .await["id"]
        .as_i64()
        .unwrap();
    ids.meeting = post_ok(
        &admin,
        "/api/v1/meetings",
        json!({"kind": "event", "title": "Alpha workshop", "starts_at": "2099-01-06T19:00:00",
            "duration_minutes": 90, "time_zone": "Europe/Brussels"}),
    )
    .await["id"]
        .as_i64()
        .unwrap();
    ids.decision = post_ok(
        &admin,
        &format!("/api/v1/meetings/{}/decisions", ids.meeting),
        json!({"text": "Alpha decision"}),
    )
    .await["id"]
        .as_i64()
        .unwrap();
    ids.election = post_ok(
        &admin,
        "/api/v1/core-circle/elections",
        json!({"seats": 1, "starts_on": "2099-01-01", "ends_on": "2099-12-31"}),
    )
    .await["id"]
        .as_i64()
        .unwrap();
    post_ok(&admin, &format!("/api/v1/polls/{}/open", ids.poll), json!({})).await;
    ids.job = app.failed_job(ids.network).await;
    // Money: the settings, two requests of the requester, a fee schedule, a payment to match.
    let r_put = admin
        .put(
            "/api/v1/network/payment-settings",
            &json!({"legal_name": "Alpha Network", "address": "Alpha Street 1", "iban": "BE68539007547034", "reference_scheme": "be"}),
        )
        .await;
    assert_eq!(r_put.status(), 200);
    for slot in [&mut ids.request, &mut ids.request_to_cancel] {
        *slot = post_ok(
            &admin,
            "/api/v1/payment-requests",
            json!({"organisation_id": r, "amount_cents": 1_000_000, "purpose": "Alpha budget"}),
        )
        .await["id"]
            .as_i64()
            .unwrap();
    }
    ids.reserve = post_ok(
        &admin,
        "/api/v1/reserves",
        json!({"name": "Alpha hosting", "monthly_cents": 1_000, "key": {"kind": "equal"}}),
    )
    .await["id"]
        .as_i64()
        .unwrap();
    ids.list = admin.json("/api/v1/lists").await["items"][0]["id"].as_i64().unwrap();
    let mail = |subject: &str| {
        format!(
            "From: stranger@elsewhere.example\r\nTo: main-entraide@lists.test.example\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nAlpha question\r\n--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=notes.txt\r\n\r\nnotes\r\n--b--\r\n"
        )
    };
    let held = |subject: &str| {
        let raw = mail(subject);
        async move {
            let out =
                intercoop::lists::inbound::receive(app.db(), "lists.test.example", raw.as_bytes(), &Default::default())
                    .await
                    .unwrap();
            match out[0] {
                intercoop::lists::inbound::Outcome::Held { id, .. } => id,
                ref o => panic!("{o:?}"),
            }
        }
    };
    ids.list_message = held("Alpha question").await;
    let published = post_ok(
        &admin,
        &format!("/api/v1/lists/{}/held/{}/approve", ids.list, ids.list_message),
        json!({}),
    )
    .await;
    ids.list_file = published["attachments"][0]["id"].as_i64().unwrap();
    ids.list_held = held("Alpha second question").await;
    ids.doc = post_ok(
        &admin,
        "/api/v1/docs",
        json!({"title": "Alpha budget", "body_markdown": "Alpha shift module", "visibility": "members"}),
    )
    .await["id"]
        .as_i64()
        .unwrap();
    ids.pool = post_ok(&admin, "/api/v1/pools", json!({"name": "Alpha fund"})).await["id"]
        .as_i64()
        .unwrap();
    post_ok(
        &admin,
        &format!("/api/v1/pools/{}/contributions", ids.pool),
        json!({"organisation_id": m, "amount_cents": 10_000, "received": true}),
    )
    .await;
    // Its periodic contributions, set (so that every person sees them), starting in 2099.
    let scheduled = admin
        .put(
            &format!("/api/v1/pools/{}/schedule", ids.pool),
            &json!({"amount_cents": 100, "period": "weekly", "starts_on": "2099-01-05"}),
        )
        .await;
    assert_eq!(scheduled.status(), 200);
    ids.round = post_ok(
        &admin,
        "/api/v1/rounds",
        json!({"pool_id": ids.pool, "title": "Alpha round", "opens_at": "2020-01-01",
            "closes_at": "2099-01-01", "allocation": "equal"}),
    )
    .await["id"]
        .as_i64()
        .unwrap();
    ids.bucket = post_ok(
        &admin,
        &format!("/api/v1/rounds/{}/buckets", ids.round),
        json!({"title": "Alpha project", "min_cents": 100}),
    )
    .await["id"]
        .as_i64()
        .unwrap();
    for (i, title) in ["Alpha budget", "Alpha shift module"].into_iter().enumerate() {
        let txn = app.db().write.begin().await.unwrap();
        let input = intercoop::assemblies::documents::DocumentInput {
            title: title.into(),
            file: Some(intercoop::web::files::Upload {
                filename: "alpha.txt".into(),
                content_type: "text/plain".into(),
                data: b"Alpha shift module".to_vec(),
            }),
            doc_page_id: String::new(),
        };
        let d =
            intercoop::assemblies::documents::add(&txn, intercoop::audit::Actor::SYSTEM, network, ids.meeting, input)
                .await
                .unwrap();
        txn.commit().await.unwrap();
        if i == 0 {
            ids.meeting_doc = d.id;
        } else {
            ids.meeting_doc_to_remove = d.id;
        }
    }
    ids.application = pending_application(app, ids.network).await;
    onboarding_of(app, ids.network, ids.requester).await;
    ids.opportunity = post_ok(
        &admin,
        "/api/v1/opportunities",
        json!({"organisation_id": r, "title": "Alpha tender", "budget_cents": 100_000, "days": 20,
            "starts_on": "2030-03-01", "ends_on": "2030-03-31"}),
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let interests = format!("/api/v1/opportunities/{}/interests", ids.opportunity);
    let capacity = |org: i64, days: i64| {
        json!({"organisation_id": org, "capacity_days": days, "available_from": "2030-03-01",
            "available_to": "2030-03-31", "day_rate_cents": 50_000})
    };
    assert_eq!(rep_api.put(&interests, &capacity(r, 10)).await.status(), 201);
    assert_eq!(admin.put(&interests, &capacity(m, 10)).await.status(), 201);
    post_ok(
        &admin,
        &format!("/api/v1/opportunities/{}/team", ids.opportunity),
        json!({"basis": "capacity", "members": [{"organisation_id": r}, {"organisation_id": m}]}),
    )
    .await;
    assert_eq!(admin.put(&interests, &capacity(m, 5)).await.status(), 200);
    let id_of = |v: Value| v["id"].as_i64().unwrap();
    ids.article = id_of(
        post_ok(
            &admin,
            "/api/v1/logbook",
            json!({"title": "Alpha budget", "body_markdown": "Alpha shift module", "visibility": "members"}),
        )
        .await,
    );
    ids.public_article = id_of(
        post_ok(
            &admin,
            "/api/v1/logbook",
            json!({"title": "Public logbook note", "body_markdown": "Open to all", "visibility": "public"}),
        )
        .await,
    );
    ids.issue = id_of(
        post_ok(
            &admin,
            "/api/v1/newsletter/issues",
            json!({"subject": "Draft newsletter note", "body_markdown": "Sent during the walk"}),
        )
        .await,
    );
    ids.sent_issue = id_of(
        post_ok(
            &admin,
            "/api/v1/newsletter/issues",
            json!({"subject": "Public newsletter note", "body_markdown": "Sent"}),
        )
        .await,
    );
    post_ok(
        &admin,
        &format!("/api/v1/newsletter/issues/{}/send", ids.sent_issue),
        json!({}),
    )
    .await;
    ids.fee_schedule = post_ok(
        &admin,
        "/api/v1/fee-schedules",
        json!({"year": 2090, "period": "yearly", "tiers": {"active": [[0, 100]]}}),
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let imported = admin
        .post_raw(
            "/api/v1/bank-statements",
            "date,amount,communication\n2026-03-02,1.00,nothing\n",
        )
        .await;
    assert_eq!(imported.status(), 201);
    ids.payment = admin.json("/api/v1/payments/unmatched").await[0]["id"]
        .as_i64()
        .unwrap();

    // The other network, with the same roles.
    let (_, other_admin) = app.other_network_admin_in("Europe/Berlin").await;
    let b_org = org(&other_admin, "Beta Coop", "user").await;
    let b_provider = org(&other_admin, "Beta Provider", "provider").await;
    invite(
        &other_admin,
        "rep@beta.example",
        "Beta Rep",
        json!({"organisation_id": b_org, "representative": true}),
    )
    .await;
    invite(
        &other_admin,
        "member@beta.example",
        "Beta Member",
        json!({"organisation_id": b_org}),
    )
    .await;
    invite(
        &other_admin,
        "provider@beta.example",
        "Beta Provider Person",
        json!({"organisation_id": b_provider}),
    )
    .await;
    invite(
        &other_admin,
        "core@beta.example",
        "Beta Core",
        json!({"core_circle": true}),
    )
    .await;

    let mut people = Vec::new();
    for (home, emails) in [
        (
            true,
            [
                "",
                "member@alpha.example",
                "rep@alpha.example",
                "provider@alpha.example",
                "core@alpha.example",
                "admin@test.example",
            ],
        ),
        (
            false,
            [
                "",
                "member@beta.example",
                "rep@beta.example",
                "provider@beta.example",
                "core@beta.example",
                "other-admin@test.example",
            ],
        ),
    ] {
        for (role, email) in ROLES.into_iter().zip(emails) {
            if role == Role::Visitor && !home {
                continue;
            }
            let web = app.client();
            let api = if email.is_empty() {
                app.api("")
            } else {
                app.login(&web, email).await;
                let person = person_id(app, email).await;
                app.api(&app.token_for(person).await)
            };
            people.push(Who { role, home, web, api });
        }
    }
    app.state().auth_cache.clear();
    (ids, people)
}

/// A second API token of a person, its id.
async fn spare_token(app: &TestApp, person: i64) -> i64 {
    use intercoop::entities::api_token;
    use sea_orm::{EntityTrait, QueryOrder};
    app.token_for(person).await;
    api_token::Entity::find()
        .order_by_desc(api_token::Column::Id)
        .one(&app.db().read)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn network_slug(app: &TestApp, id: i64) -> String {
    use sea_orm::EntityTrait;
    intercoop::entities::network::Entity::find_by_id(id)
        .one(&app.db().read)
        .await
        .unwrap()
        .unwrap()
        .slug
}

async fn person_id(app: &TestApp, email: &str) -> i64 {
    use intercoop::entities::person;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    person::Entity::find()
        .filter(person::Column::Email.eq(email))
        .one(&app.db().read)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{email}"))
        .id
}

// ------------------------------------------------------------------ nothing changed

/// Every table's rows, as text, sorted (sessions and API tokens aside: reading a page
/// marks them used).
async fn fingerprint(db: &intercoop::db::Writer) -> BTreeMap<String, Vec<String>> {
    let backend = db.get_database_backend();
    let text = |sql: String| Statement::from_string(backend, sql);
    let tables_sql = match backend {
        DbBackend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        _ => "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()",
    };
    let mut out = BTreeMap::new();
    for row in db.query_all_raw(text(tables_sql.into())).await.unwrap() {
        let table: String = row.try_get("", "name").unwrap();
        if ["sessions", "api_tokens"].contains(&table.as_str()) {
            continue;
        }
        let sql = match backend {
            DbBackend::Sqlite => {
                let columns: Vec<String> = db
                    .query_all_raw(text(format!("PRAGMA table_info(\"{table}\")")))
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|c| c.try_get::<String>("", "name").unwrap())
                    .collect();
                let row = columns
                    .iter()
                    .map(|c| format!("quote(\"{c}\")"))
                    .collect::<Vec<_>>()
                    .join(" || '|' || ");
                format!("SELECT {row} AS r FROM \"{table}\"")
            }
            _ => format!("SELECT t::text AS r FROM \"{table}\" t"),
        };
        let mut rows: Vec<String> = db
            .query_all_raw(text(sql))
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.try_get::<String>("", "r").unwrap())
            .collect();
        rows.sort();
        out.insert(table, rows);
    }
    out
}

fn assert_same(before: &BTreeMap<String, Vec<String>>, after: &BTreeMap<String, Vec<String>>, what: &str) {
    for (table, rows) in after {
        let old = before.get(table).cloned().unwrap_or_default();
        if &old != rows {
            let added: Vec<&String> = rows.iter().filter(|r| !old.contains(r)).collect();
            let removed: Vec<&String> = old.iter().filter(|r| !rows.contains(r)).collect();
            panic!("{what}: refused, yet {table} changed\n+ {added:?}\n- {removed:?}");
        }
    }
}

/// A confirmed application to the first network, waiting for the review.
async fn pending_application(app: &TestApp, network: i64) -> i64 {
    app.pending_application(
        network,
        "Zeta Applicant",
        "zeta@applicant.example",
        time::OffsetDateTime::now_utc(),
    )
    .await
}

/// The requester's onboarding, as an acceptance starts it.
async fn onboarding_of(app: &TestApp, network: i64, organisation: i64) {
    use intercoop::joining::entities::onboarding;
    use sea_orm::{ActiveModelTrait, Set};
    onboarding::ActiveModel {
        network_id: Set(network),
        organisation_id: Set(organisation),
        application_id: Set(None),
        started_at: Set(time::OffsetDateTime::now_utc()),
        booklet_read_at: Set(None),
        ..Default::default()
    }
    .insert(&app.db().write)
    .await
    .unwrap();
}
