//! Upgrades from every earlier schema version, on SQLite and PostgreSQL.
//!
//! For each version from 0 (an empty database) to the latest: a fresh database is
//! migrated up to that version only, filled with what the app of that time would have
//! stored (written with plain sea-query statements naming only the tables and columns
//! that exist at that version), then upgraded to the latest with the app's rebuilds.
//! Then: every migration is recorded, no rebuild waits, every row is still there, the
//! derived columns are right (campaign summaries, interest counts, the shares told for
//! the digest), and the real server serves the fixture's person their pages.
//!
//! Every new migration adds its version to [`covers`] and its tables and columns to
//! the fixture: the test fails until it does.

mod common;

use intercoop::config::{DbArgs, ServeArgs, SqliteSync};
use intercoop::db::migrations::{self, MIGRATIONS};
use intercoop::db::{Db, Writer};
use intercoop_domain::Money;
use intercoop_domain::sharing::{CampaignTerms, FixedContribution, Participant, SharingKey, compute_shares};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, Value};
use serde_json::json;
use std::collections::BTreeMap;
use time::{Duration, OffsetDateTime};

/// What the fixture writes for each migration. A migration the fixture does not know
/// fails the test: its tables and columns must get representative rows here.
/// A sort key no collation makes (version 20's fixture).
const STALE_KEY: &[u8] = &[0xff, 0x00];

fn covers(version: i64) -> &'static str {
    match version {
        1 => "networks, organisations, memberships, people, sessions, tokens, audit, outbox, jobs",
        2 => "proposals, quotes, campaigns, pledges, payments, catch-ups, share changes",
        3 => "polls draft/open/closed with options, electorate, mandates, ballots, voters",
        4 => "indexes only",
        5 => "an index only",
        6 => "proposals.interest_count, campaigns.covered_cents/participant_count/pledge_count (derived: rebuilt)",
        7 => "indexes only",
        8 => "pledges.notified_cents, campaigns.digest_due; share_changes dropped (carried over, then rebuilt)",
        9 => "jobs (pending, done, failed) and events; job_runs dropped (the queue replaces its claims)",
        10 => "notification settings, unsubscribe tokens, held notices; outbox.person_id and unsubscribe_url",
        11 => {
            "memberships.size (organisations.size dropped); network_affiliations (affiliations carried over into their networks, then dropped); a sister network sharing Alpha"
        }
        12 => "an index on idempotency_keys.created_at; the claims (status 0) a crash left, deleted",
        13 => "idempotency_keys.network_id (from the person's tokens; ambiguous keys deleted), unique per network",
        14 => "an index only (api_tokens by person and network: the version 1 fixture's tokens)",
        15 => "polls.organisation_kinds: every kind for the polls made before (their meaning then), as written from 15",
        16 => "meetings (a series, an occurrence with its agenda, an answer, a link), a calendar feed; outbox.calendar",
        17 => {
            "payment requests numbered per year with references, the journal (entries, lines, balances) of every request and catch-up credit (carried over, then checked by check-books), payment settings, a budget, a fee schedule, a statement and its unmatched payment"
        }
        18 => {
            "meetings.minutes_approved_by, meetings.minutes_published_at (a draft's: NULL); a decision of the meeting; a core circle mandate of Alpha; an election with Alpha standing"
        }
        19 => {
            "a reserve of a shared recurring cost (payment_requests.reserve_id/reserve_month, campaigns.reserve_id/reserve_cents added empty)"
        }
        20 => {
            "organisations.name_key and people.name_key (stale keys of an older collation), sort_key_versions (its fingerprint): recomputed at start"
        }
        21 => "a meeting proxy (Beta's, held by Alpha); a registration for the meeting and one waiting",
        22 => {
            "an index only (ledger_balances with the balance, for the trial balance: the version 17 fixture's journal)"
        }
        23 => {
            "mailing lists: every network made before gets its mutual-help and logistics lists (the migration); from 23, the network's lists as the app made them and a published message"
        }
        25 => "documentation pages (a members' page in the booklet with a core-circle child), with their revisions",
        26 => {
            "a pool fed by two contributions (their journal entries), a closed round with a funded bucket (its entry), allocations and placements"
        }
        27 => "an opportunity with two members' interests, its team's split in force and a new split with one consent",
        28 => {
            "joining: a waiting application with a comment, an accepted one whose organisation's onboarding began, the network's text about itself, a member's public listing, the form key"
        }
        29 => {
            "a logbook article sent as a newsletter issue (with a French translation), a confirmed subscriber with an unsubscribe token, a hard bounce"
        }
        30 => "a file attached to the meeting",
        31 => {
            "indexes only (proposal_events by kind, payment_requests by organisation and year, memberships by status: the earlier fixtures' rows)"
        }
        32 => {
            "a closed round per person (pool_rounds.participants), two people of Alpha with an allocation each and a placement (person_id); earlier rows get person_id 0"
        }
        33 => "an image of the logbook article and a person's private logbook feed",
        34 => "a file sent with a message of the outbox (outbox_attachments)",
        36 => {
            "a pool's weekly schedule of contributions (pool_schedules; payment_requests.pool_id/pool_period added empty)"
        }
        37 => {
            "the schedule's applies_from, and a period's request paid: its journal (asked, received, moved into the pool) and its periodic contribution (pool_contributions.payment_request_id)"
        }
        39 => {
            "a generated column and an index only, on PostgreSQL (list_messages.search: the version 23 fixture's message)"
        }
        40 => {
            "the documentation's full-text index only (SQLite: doc_pages_fts and its triggers; PostgreSQL: doc_pages.search): the version 25 fixture's pages, found by a search after the upgrade"
        }
        41 => "an index only (proposals by network, status and last change: the version 2 fixture's proposals)",
        n => panic!("migration {n} has no fixture in tests/upgrade.rs: add one"),
    }
}

/// The cookie value of the fixture's administrator (its SHA-256 is stored).
const ALICE_COOKIE: &str = "s_upgrade-fixture-alice";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_version_upgrades_on_sqlite() {
    every_version_upgrades(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_version_upgrades_on_postgres() {
    // In CI a missing PostgreSQL fails instead of skipping (as `common::spawn_postgres`).
    if std::env::var("TEST_DATABASE_URL").is_err() {
        if std::env::var("CI").is_ok() {
            panic!("TEST_DATABASE_URL must point at PostgreSQL in CI");
        }
        eprintln!("skipped: set TEST_DATABASE_URL to run on PostgreSQL");
        return;
    }
    every_version_upgrades(Backend::Postgres).await;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Backend {
    Sqlite,
    Postgres,
}

async fn every_version_upgrades(backend: Backend) {
    for m in MIGRATIONS {
        covers(m.version);
    }
    // Every schema version there is (numbers may skip one reserved for another branch).
    for version in std::iter::once(0).chain(MIGRATIONS.iter().map(|m| m.version)) {
        upgrade_from(backend, version).await;
    }
}

/// A fresh database at `version`, filled, upgraded, checked and served.
async fn upgrade_from(backend: Backend, version: i64) {
    let data_dir = tempfile::tempdir().unwrap();
    let database_url = match backend {
        Backend::Sqlite => None,
        Backend::Postgres => Some(common::fresh_postgres_database().await.expect("TEST_DATABASE_URL")),
    };
    let args = DbArgs {
        data_dir: data_dir.path().to_path_buf(),
        database_url,
        sqlite_sync: SqliteSync::Normal,
        db_connections: None,
    };
    let db = Db::connect(&args).await.unwrap();
    let applied = migrations::run_to(&db.write, version).await.unwrap();
    let expected = MIGRATIONS.iter().filter(|m| m.version <= version).count();
    assert_eq!(applied, expected, "migrations applied up to version {version}");

    let mut f = Fixture {
        db: &db.write,
        v: version,
        now: OffsetDateTime::now_utc().replace_nanosecond(0).unwrap(),
        rows: BTreeMap::new(),
        balances: BTreeMap::new(),
        expect: Expected::default(),
    };
    f.fill().await;

    // As a start does: the migrations, their rebuilds, then the names' sort keys.
    db.migrate(&intercoop::app::rebuilds())
        .await
        .unwrap_or_else(|e| panic!("upgrade from version {version} on {backend:?}: {e}"));

    check(&f, &db.write).await;
    let expect = std::mem::take(&mut f.expect);
    drop(f);
    drop(db);
    serve(&args, version, &expect).await;
}

// ------------------------------------------------------------------ the fixture

/// What the checks expect after the upgrade.
#[derive(Default)]
struct Expected {
    /// Campaign id → its terms and participants (pledges then adopters) as the app reads them.
    campaigns: BTreeMap<i64, (CampaignTerms, Vec<Participant>, i64)>,
    /// Proposal id → interested organisations.
    interests: BTreeMap<i64, i64>,
    /// Pledge id → `notified_cents` after the upgrade.
    notified: BTreeMap<i64, Option<i64>>,
    /// Campaign id → `digest_due` after the upgrade.
    digest_due: BTreeMap<i64, bool>,
    /// Proposals and polls (id, title) the pages must show.
    proposals: Vec<(i64, &'static str)>,
    polls: Vec<(i64, &'static str)>,
    /// Poll id → its `organisation_kinds` after the upgrade (JSON).
    poll_kinds: BTreeMap<i64, &'static str>,
    /// (network, organisation) → the size that network counts.
    sizes: BTreeMap<(i64, i64), Option<i64>>,
    /// (network, organisation, person): every tie after the upgrade.
    ties: Vec<(i64, i64, i64)>,
    /// The idempotency keys kept, (person, network, key), and the second network.
    keys: Vec<(i64, i64, String)>,
    second_network: i64,
    /// Every journal line the books must hold after the upgrade: (network, account,
    /// party, amount), whether the app wrote it (version 17) or the migration posts it.
    ledger: Vec<(i64, &'static str, i64, i64)>,
    /// The mutual-help list and its message (version 23).
    list_message: Option<(i64, i64)>,
    /// Payment requests numbered by the fixture itself (version 17).
    numbered: i64,
    /// The meeting and its attached file (version 30).
    meeting_document: Option<(i64, i64)>,
    /// The logbook article's image (version 33).
    logbook_image: Option<i64>,
    /// A sent message of the outbox with a file (version 34).
    outbox_file: Option<i64>,
}

struct Fixture<'a> {
    db: &'a Writer,
    /// (network, account, party) → the id of its `ledger_balances` row (version 17).
    balances: BTreeMap<(i64, &'static str, i64), i64>,
    /// The schema version the rows are written for.
    v: i64,
    now: OffsetDateTime,
    /// Rows written per table.
    rows: BTreeMap<&'static str, i64>,
    expect: Expected,
}

type Cols = Vec<(&'static str, Value)>;

fn null_i64() -> Value {
    Option::<i64>::None.into()
}
fn null_text() -> Value {
    Option::<String>::None.into()
}
fn null_ts() -> Value {
    Option::<OffsetDateTime>::None.into()
}

/// One campaign as the app of that time would have stored it.
struct CampaignSpec {
    proposal: i64,
    /// open | funded | lapsed
    status: &'static str,
    amount: i64,
    /// The JSON of `SharingKey` and of the fixed contributions, as the app writes them.
    key: String,
    fixed: String,
    /// (organisation, size when it pledged, cap)
    pledges: Vec<(i64, Option<i64>, Option<i64>)>,
    /// Late adopters: (organisation, size)
    adopters: Vec<(i64, Option<i64>)>,
    /// (organisation, before, after, sent) rows of `share_changes` (versions 2 to 7).
    share_changes: Vec<(i64, i64, i64, bool)>,
    /// The pledges' `notified_cents` when written at version 8 or later (organisation →
    /// amount; the others were told their current share), and the digest mark.
    told_at_v8: Vec<(i64, i64)>,
    due_at_v8: bool,
}

impl Fixture<'_> {
    /// Inserts a row and returns its `id`.
    async fn insert(&mut self, table: &'static str, cols: Cols) -> i64 {
        let mut q = Query::insert();
        q.into_table(Alias::new(table))
            .columns(cols.iter().map(|(c, _)| Alias::new(*c)))
            .values_panic(cols.into_iter().map(|(_, v)| Expr::val(v)))
            .returning_col(Alias::new("id"));
        let row = self
            .db
            .query_one(&q)
            .await
            .unwrap_or_else(|e| panic!("insert into {table} at version {}: {e}", self.v))
            .expect("the new row's id");
        *self.rows.entry(table).or_default() += 1;
        row.try_get::<i64>("", "id").unwrap()
    }

    /// Inserts a row of a table keyed by something else than `id`.
    async fn insert_keyed(&mut self, table: &'static str, cols: Cols) {
        let mut q = Query::insert();
        q.into_table(Alias::new(table))
            .columns(cols.iter().map(|(c, _)| Alias::new(*c)))
            .values_panic(cols.into_iter().map(|(_, v)| Expr::val(v)));
        self.db
            .execute(&q)
            .await
            .unwrap_or_else(|e| panic!("insert into {table} at version {}: {e}", self.v));
        *self.rows.entry(table).or_default() += 1;
    }

    /// `Idempotency-Key`s (version 1), with a second network where Bob also has an API
    /// token. Before version 13 a key had no network: Alice's (tokens of one network)
    /// gets hers, Bob's (tokens of two) is deleted, as is a claim left by a crash before
    /// version 12. From version 13, Bob's key in each network.
    async fn idempotency_keys(&mut self, network: i64, p: &[i64]) {
        let hash = intercoop::auth::tokens::hash_token;
        let second = self
            .insert(
                "networks",
                vec![
                    ("slug", "upgrade-second".into()),
                    ("name", "Second upgrade network".into()),
                    ("description", "Where Bob also works".into()),
                    ("default_language", "en".into()),
                    ("time_zone", "Europe/Brussels".into()),
                    ("currency", "EUR".into()),
                    ("rules", "{}".into()),
                    ("created_at", self.ago(300).into()),
                ],
            )
            .await;
        self.insert(
            "network_people",
            vec![
                ("network_id", second.into()),
                ("person_id", p[1].into()),
                ("is_admin", true.into()),
                ("is_core_circle", false.into()),
                ("created_at", self.ago(300).into()),
            ],
        )
        .await;
        for (token, net) in [("t_upgrade-bob-first", network), ("t_upgrade-bob-second", second)] {
            self.insert(
                "api_tokens",
                vec![
                    ("token_hash", hash(token).into()),
                    ("person_id", p[1].into()),
                    ("network_id", net.into()),
                    ("name", "sync".into()),
                    ("created_at", self.ago(10).into()),
                    ("last_used_at", Some(self.ago(1)).into()),
                    ("revoked_at", null_ts()),
                ],
            )
            .await;
        }
        self.expect.second_network = second;
        // (person, network (the one it has after the upgrade), key, status, kept)
        let mut keys = vec![(p[0], network, "upgrade-key-1", 201i64, true)];
        if self.v < 13 {
            // Bob's tokens are of two networks: which one sent it is unknown.
            keys.push((p[1], 0, "upgrade-key-bob", 201, false));
        } else {
            keys.push((p[1], network, "upgrade-key-bob", 201, true));
            keys.push((p[1], second, "upgrade-key-bob", 201, true));
        }
        if self.v < 12 {
            // A claim stored before its request ran, left by a crash: never an answer,
            // deleted by migration 12.
            keys.push((p[0], 0, "upgrade-key-crashed", 0, false));
        }
        for (person, net, key, status, kept) in keys {
            let mut cols: Cols = vec![
                ("person_id", person.into()),
                ("key", key.into()),
                ("request_hash", hash(key).into()),
                ("status_code", status.into()),
                ("response_body", if status == 0 { "" } else { "{\"id\":1}" }.into()),
                ("created_at", self.ago(1).into()),
            ];
            if self.v >= 13 {
                cols.push(("network_id", net.into()));
            }
            self.insert("idempotency_keys", cols).await;
            if kept {
                self.expect.keys.push((person, net, key.to_string()));
            } else {
                *self.rows.get_mut("idempotency_keys").expect("counted") -= 1;
            }
        }
    }

    /// An organisation's membership of a network, with the size it counts (on the
    /// organisation itself before version 11, when it was one for every network).
    async fn membership(
        &mut self,
        network: i64,
        org: i64,
        status: &'static str,
        level: &'static str,
        size: Option<i64>,
        left: Option<time::Date>,
    ) {
        let t = self.ago(400);
        let mut cols: Cols = vec![
            ("network_id", network.into()),
            ("organisation_id", org.into()),
            ("status", status.into()),
            ("level", level.into()),
            ("joined_on", Some(self.ago(365).date()).into()),
            ("left_on", left.into()),
            ("created_at", t.into()),
            ("updated_at", t.into()),
        ];
        if self.v >= 11 {
            cols.push(("size", size.into()));
        }
        self.insert("memberships", cols).await;
        self.expect.sizes.insert((network, org), size);
    }

    /// A person tied to an organisation (in a network since version 11; before, in
    /// every network — the upgrade keeps it where the person belongs).
    async fn tie(&mut self, network: i64, org: i64, person: i64) {
        let mut cols: Cols = vec![
            ("organisation_id", org.into()),
            ("person_id", person.into()),
            ("title", "Coordinator".into()),
            ("created_at", self.ago(400).into()),
        ];
        if self.v >= 11 {
            cols.push(("network_id", network.into()));
            self.insert("network_affiliations", cols).await;
        } else {
            self.insert("affiliations", cols).await;
        }
        self.expect.ties.push((network, org, person));
    }

    fn ago(&self, days: i64) -> OffsetDateTime {
        self.now - Duration::days(days)
    }

    /// A payment request of a campaign (a share, or a catch-up share when `catch_up`),
    /// made `days` ago. From version 17 with its number, reference and journal entry,
    /// as the app writes them; before, the migration numbers it and posts it.
    async fn payment_request(
        &mut self,
        network: i64,
        org: i64,
        campaign: i64,
        catch_up: Option<i64>,
        amount: i64,
        days: i64,
    ) {
        let purpose = if catch_up.is_some() { "catch-up" } else { "co-funding" };
        let mut cols: Cols = vec![
            ("network_id", network.into()),
            ("organisation_id", org.into()),
            ("campaign_id", Some(campaign).into()),
            ("catch_up_id", catch_up.into()),
            ("purpose", purpose.into()),
            ("amount_cents", amount.into()),
            ("due_at", (self.now + Duration::days(30)).into()),
            ("status", "open".into()),
            ("created_at", self.ago(days).into()),
        ];
        let year = i64::from(self.now.year());
        if self.v >= 17 {
            self.expect.numbered += 1;
            let number = self.expect.numbered;
            let reference = intercoop_domain::bank::Reference::for_number(
                intercoop_domain::bank::ReferenceScheme::Be,
                (year * 1_000_000 + number) as u64,
            )
            .unwrap();
            cols.extend([
                ("year", year.into()),
                ("number", number.into()),
                ("reference", reference.electronic().to_string().into()),
            ]);
        }
        let id = self.insert("payment_requests", cols).await;
        if self.v >= 17 {
            let entry = self.ledger_entry(network, "share-requested", Some(id), None).await;
            self.ledger_line(network, entry, "receivable", org, amount).await;
            self.ledger_line(network, entry, "project", campaign, -amount).await;
        }
        self.expect.ledger.push((network, "receivable", org, amount));
        self.expect.ledger.push((network, "project", campaign, -amount));
    }

    /// A journal entry (version 17).
    async fn ledger_entry(&mut self, network: i64, kind: &str, request: Option<i64>, credit: Option<i64>) -> i64 {
        let at = self.ago(5);
        self.insert(
            "ledger_entries",
            vec![
                ("network_id", network.into()),
                ("kind", kind.to_string().into()),
                ("payment_request_id", request.into()),
                ("payment_id", null_i64()),
                ("credit_id", credit.into()),
                ("campaign_id", null_i64()),
                ("memo", "".into()),
                ("occurred_at", at.into()),
                ("created_at", at.into()),
            ],
        )
        .await
    }

    /// A journal line and its account's balance (version 17).
    async fn ledger_line(&mut self, network: i64, entry: i64, account: &'static str, party: i64, amount: i64) {
        self.insert(
            "ledger_lines",
            vec![
                ("network_id", network.into()),
                ("entry_id", entry.into()),
                ("account", account.into()),
                ("party", party.into()),
                ("amount_cents", amount.into()),
            ],
        )
        .await;
        let key = (network, account, party);
        if let Some(id) = self.balances.get(&key) {
            let mut q = Query::update();
            q.table(Alias::new("ledger_balances"))
                .value(
                    Alias::new("balance_cents"),
                    Expr::col(Alias::new("balance_cents")).add(amount),
                )
                .and_where(Expr::col(Alias::new("id")).eq(*id));
            self.db.execute(&q).await.unwrap();
        } else {
            let id = self
                .insert(
                    "ledger_balances",
                    vec![
                        ("network_id", network.into()),
                        ("account", account.into()),
                        ("party", party.into()),
                        ("balance_cents", amount.into()),
                    ],
                )
                .await;
            self.balances.insert(key, id);
        }
    }

    /// Version 17: the payment settings, a budget, a fee schedule, a statement imported
    /// with a payment nobody was found for (its entry: bank / unidentified).
    async fn money(&mut self, network: i64) {
        let t = self.ago(3);
        self.insert(
            "payment_settings",
            vec![
                ("network_id", network.into()),
                ("legal_name", "Alpha Network ASBL".into()),
                ("address", "Rue de la Coop 1, 1000 Bruxelles".into()),
                ("iban", "BE68539007547034".into()),
                ("bic", null_text()),
                ("reference_scheme", "be".into()),
                ("updated_at", t.into()),
            ],
        )
        .await;
        self.insert(
            "network_budgets",
            vec![
                ("network_id", network.into()),
                ("monthly_costs_cents", 400_000i64.into()),
                ("grant_monthly_cents", 300_000i64.into()),
                (
                    "grant_ends_on",
                    Value::TimeDate(Some(self.now.date() + Duration::days(180))),
                ),
                ("updated_at", t.into()),
            ],
        )
        .await;
        self.insert(
            "fee_schedules",
            vec![
                ("network_id", network.into()),
                ("year", i64::from(self.now.year()).into()),
                ("period", "yearly".into()),
                (
                    "tiers",
                    r#"{"active":[[0,2500],[1000,3500]],"observer":[[0,1000]]}"#.into(),
                ),
                ("sponsorship_basis_points", 5000i64.into()),
                ("sponsorship_years", 1i64.into()),
                ("created_at", t.into()),
            ],
        )
        .await;
        let statement = self
            .insert(
                "bank_statements",
                vec![
                    ("network_id", network.into()),
                    ("digest", "0".repeat(64).into()),
                    ("format", "camt.053".into()),
                    ("entries", 1i64.into()),
                    ("matched", 0i64.into()),
                    ("imported_by", null_i64()),
                    ("imported_at", t.into()),
                ],
            )
            .await;
        let payment = self
            .insert(
                "payments",
                vec![
                    ("network_id", network.into()),
                    ("organisation_id", null_i64()),
                    ("payment_request_id", null_i64()),
                    ("statement_id", Some(statement).into()),
                    ("amount_cents", 1234i64.into()),
                    ("booked_on", Value::TimeDate(Some(self.now.date()))),
                    ("payer_name", "Unknown payer".into()),
                    ("payer_iban", "".into()),
                    ("remittance", "gift".into()),
                    ("bank_ref", Some("fixture-1".to_string()).into()),
                    ("status", "unmatched".into()),
                    ("recorded_by", null_i64()),
                    ("created_at", t.into()),
                ],
            )
            .await;
        let entry = self.ledger_entry(network, "unidentified", None, None).await;
        let mut q = Query::update();
        q.table(Alias::new("ledger_entries"))
            .value(Alias::new("payment_id"), payment)
            .and_where(Expr::col(Alias::new("id")).eq(entry));
        self.db.execute(&q).await.unwrap();
        if self.expect.numbered > 0 {
            self.insert(
                "payment_request_numbers",
                vec![
                    ("network_id", network.into()),
                    ("year", i64::from(self.now.year()).into()),
                    ("last_number", self.expect.numbered.into()),
                ],
            )
            .await;
        }
        self.ledger_line(network, entry, "bank", 0, 1234).await;
        self.ledger_line(network, entry, "unidentified", 0, -1234).await;
        self.expect.ledger.push((network, "bank", 0, 1234));
        self.expect.ledger.push((network, "unidentified", 0, -1234));
    }

    /// Writes the rows of every table that exists at version `v`.
    async fn fill(&mut self) {
        if self.v < 1 {
            return;
        }
        let (network, o, p) = self.foundation().await;
        if self.v < 2 {
            return;
        }
        let proposals = self.proposals(network, &o, &p).await;
        if self.v < 3 {
            return;
        }
        self.polls(network, &o, &p, &proposals).await;
        if self.v >= 16 {
            self.meetings(network, &o, &p).await;
        }
        if self.v >= 17 {
            self.money(network).await;
        }
        if self.v >= 19 {
            let t = self.ago(2);
            self.insert(
                "reserves",
                vec![
                    ("network_id", network.into()),
                    ("name", "Odoo 19 migration".into()),
                    ("monthly_cents", 20_000i64.into()),
                    ("sharing_key", r#"{"kind":"equal"}"#.into()),
                    ("active", true.into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
        }
        if self.v >= 23 {
            self.lists(network, p[0]).await;
        }
        if self.v >= 20 {
            // Keys made by an older collation library: the start recomputes them.
            self.insert_keyed(
                "sort_key_versions",
                vec![("name", "names".into()), ("fingerprint", "made-by-an-older-icu".into())],
            )
            .await;
        }
        if self.v >= 25 {
            self.documentation(network, p[0]).await;
        }
        if self.v >= 26 {
            self.pools(network, &o, p[0]).await;
        }
        if self.v >= 27 {
            self.work_sharing(network, &o, p[0]).await;
        }
        if self.v >= 28 {
            self.joining(network, o[0], p[0]).await;
        }
        if self.v >= 29 {
            self.logbook(network, p[0]).await;
        }
        if self.v >= 32 {
            self.pool_per_person(network, o[0], &p[..2]).await;
        }
        if self.v >= 36 {
            self.pool_schedule(network, o[0]).await;
        }
    }

    /// Version 36: a pool of its own with a weekly schedule of 1.00 per member worker.
    /// Version 37: the schedule applies from its first day; Alpha's request of its
    /// first week is paid and was moved into the pool as a periodic contribution.
    async fn pool_schedule(&mut self, network: i64, alpha: i64) {
        let t = self.ago(1);
        let pool = self
            .insert(
                "pools",
                vec![
                    ("network_id", network.into()),
                    ("name", "Weekly fund".into()),
                    ("description", "".into()),
                    ("created_by", None::<i64>.into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
        self.insert(
            "pool_schedules",
            vec![
                ("network_id", network.into()),
                ("pool_id", pool.into()),
                ("amount_cents", 100i64.into()),
                ("period", "weekly".into()),
                ("per_worker", true.into()),
                ("active", true.into()),
                ("starts_on", "2026-01-05".into()),
                ("updated_at", t.into()),
            ],
        )
        .await;
        if self.v < 37 {
            return;
        }
        let mut q = Query::update();
        q.table(Alias::new("pool_schedules"))
            .value(Alias::new("applies_from"), "2026-01-05")
            .and_where(Expr::col(Alias::new("pool_id")).eq(pool));
        self.db.execute(&q).await.unwrap();
        self.expect.numbered += 1;
        let number = self.expect.numbered;
        let year = i64::from(self.now.year());
        let reference = intercoop_domain::bank::Reference::for_number(
            intercoop_domain::bank::ReferenceScheme::Be,
            (year * 1_000_000 + number) as u64,
        )
        .unwrap();
        let request = self
            .insert(
                "payment_requests",
                vec![
                    ("network_id", network.into()),
                    ("organisation_id", alpha.into()),
                    ("purpose", "other".into()),
                    ("amount_cents", 400i64.into()),
                    ("paid_cents", 400i64.into()),
                    ("label", "Weekly fund 2026-01-05".into()),
                    ("due_at", (self.now + Duration::days(30)).into()),
                    ("status", "paid".into()),
                    ("created_at", t.into()),
                    ("year", year.into()),
                    ("number", number.into()),
                    ("reference", reference.electronic().to_string().into()),
                    ("pool_id", Some(pool).into()),
                    ("pool_period", Some(20260105i64).into()),
                ],
            )
            .await;
        let mut q = Query::update();
        q.table(Alias::new("payment_request_numbers"))
            .value(Alias::new("last_number"), number)
            .and_where(Expr::col(Alias::new("network_id")).eq(network))
            .and_where(Expr::col(Alias::new("year")).eq(year));
        self.db.execute(&q).await.unwrap();
        for (kind, lines) in [
            (
                "other-requested",
                [("receivable", alpha, 400), ("other-income", 0, -400)],
            ),
            ("payment-received", [("bank", 0, 400), ("receivable", alpha, -400)]),
            ("pool-periodic-paid", [("other-income", 0, 400), ("pool", pool, -400)]),
        ] {
            let entry = self.ledger_entry(network, kind, Some(request), None).await;
            for (account, party, amount) in lines {
                self.ledger_line(network, entry, account, party, amount).await;
                self.expect.ledger.push((network, account, party, amount));
            }
        }
        self.insert(
            "pool_contributions",
            vec![
                ("network_id", network.into()),
                ("pool_id", pool.into()),
                ("organisation_id", Some(alpha).into()),
                ("kind", "periodic".into()),
                ("amount_cents", 400i64.into()),
                ("note", "Weekly fund 2026-01-05".into()),
                ("recorded_by", None::<i64>.into()),
                ("received_at", t.into()),
                ("payment_request_id", Some(request).into()),
            ],
        )
        .await;
    }

    /// Version 32: a closed round per person on a pool of its own (no contribution, so
    /// no money moved): two people of Alpha with 1 000 each, one of whom placed 500 in
    /// a bucket that was not funded; everything went back to the pool.
    async fn pool_per_person(&mut self, network: i64, alpha: i64, people: &[i64]) {
        let t = self.ago(2);
        let pool = self
            .insert(
                "pools",
                vec![
                    ("network_id", network.into()),
                    ("name", "Per-person fund".into()),
                    ("description", "".into()),
                    ("created_by", Some(people[0]).into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
        let round = self
            .insert(
                "pool_rounds",
                vec![
                    ("network_id", network.into()),
                    ("pool_id", pool.into()),
                    ("title", "Per-person round".into()),
                    ("description", "".into()),
                    ("opens_at", self.ago(2).into()),
                    ("closes_at", self.ago(1).into()),
                    ("allocation", "equal".into()),
                    ("participants", "person".into()),
                    ("returns", "pool".into()),
                    ("matching_kind", None::<String>.into()),
                    ("matching_cents", 0i64.into()),
                    ("matching_cap_cents", null_i64()),
                    ("budget_cents", 2_000i64.into()),
                    ("status", "closed".into()),
                    ("closed_at", Some(self.ago(1)).into()),
                    ("returned_cents", Some(2_000i64).into()),
                    ("matching_returned_cents", Some(0i64).into()),
                    ("opened_sent_at", Some(self.ago(2)).into()),
                    ("reminder_sent_at", None::<OffsetDateTime>.into()),
                    ("result_sent_at", Some(self.ago(1)).into()),
                    ("created_by", Some(people[0]).into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
        let bucket = self
            .insert(
                "pool_buckets",
                vec![
                    ("network_id", network.into()),
                    ("round_id", round.into()),
                    ("title", "Shared calendar".into()),
                    ("description", "".into()),
                    ("breakdown", "".into()),
                    ("min_cents", 1_500i64.into()),
                    ("max_cents", null_i64()),
                    ("placed_cents", 500i64.into()),
                    ("raised_cents", Some(0i64).into()),
                    ("matched_cents", Some(0i64).into()),
                    ("weight", Some("0".to_string()).into()),
                    ("created_by", Some(people[0]).into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
        for (i, person) in people.iter().enumerate() {
            let placed = if i == 0 { 500i64 } else { 0 };
            self.insert(
                "pool_allocations",
                vec![
                    ("network_id", network.into()),
                    ("round_id", round.into()),
                    ("organisation_id", alpha.into()),
                    ("person_id", (*person).into()),
                    ("allocation_cents", 1_000i64.into()),
                    ("carried_cents", 0i64.into()),
                    ("placed_cents", placed.into()),
                    ("returned_cents", Some(1_000i64).into()),
                    ("carried_into", null_i64()),
                ],
            )
            .await;
        }
        self.insert(
            "pool_placements",
            vec![
                ("network_id", network.into()),
                ("round_id", round.into()),
                ("bucket_id", bucket.into()),
                ("organisation_id", alpha.into()),
                ("person_id", people[0].into()),
                ("amount_cents", 500i64.into()),
                ("placed_by", Some(people[0]).into()),
                ("placed_at", t.into()),
            ],
        )
        .await;
    }

    /// Version 26: a pool fed by Alpha and Beta (10 000 cents each, bank / pool), a
    /// closed round that gave each 5 000, and a bucket both put 3 000 in: funded with
    /// 6 000 (pool / bucket); the rest went back to the pool.
    async fn pools(&mut self, network: i64, o: &[i64], alice: i64) {
        let t = self.ago(3);
        let pool = self
            .insert(
                "pools",
                vec![
                    ("network_id", network.into()),
                    ("name", "Solidarity fund".into()),
                    ("description", "".into()),
                    ("created_by", Some(alice).into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
        for org in &o[..2] {
            self.insert(
                "pool_contributions",
                vec![
                    ("network_id", network.into()),
                    ("pool_id", pool.into()),
                    ("organisation_id", Some(*org).into()),
                    ("kind", "gift".into()),
                    ("amount_cents", 10_000i64.into()),
                    ("note", "".into()),
                    ("recorded_by", Some(alice).into()),
                    ("received_at", t.into()),
                ],
            )
            .await;
            let entry = self.ledger_entry(network, "pool-contribution", None, None).await;
            self.ledger_line(network, entry, "bank", 0, 10_000).await;
            self.ledger_line(network, entry, "pool", pool, -10_000).await;
            self.expect.ledger.push((network, "bank", 0, 10_000));
            self.expect.ledger.push((network, "pool", pool, -10_000));
        }
        let round = self
            .insert(
                "pool_rounds",
                vec![
                    ("network_id", network.into()),
                    ("pool_id", pool.into()),
                    ("title", "Spring round".into()),
                    ("description", "".into()),
                    ("opens_at", self.ago(3).into()),
                    ("closes_at", self.ago(2).into()),
                    ("allocation", "equal".into()),
                    ("returns", "pool".into()),
                    ("matching_kind", None::<String>.into()),
                    ("matching_cents", 0i64.into()),
                    ("matching_cap_cents", null_i64()),
                    ("budget_cents", 10_000i64.into()),
                    ("status", "closed".into()),
                    ("closed_at", Some(self.ago(2)).into()),
                    ("returned_cents", Some(4_000i64).into()),
                    ("matching_returned_cents", Some(0i64).into()),
                    ("opened_sent_at", Some(self.ago(3)).into()),
                    ("reminder_sent_at", None::<OffsetDateTime>.into()),
                    ("result_sent_at", Some(self.ago(2)).into()),
                    ("created_by", Some(alice).into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
        let bucket = self
            .insert(
                "pool_buckets",
                vec![
                    ("network_id", network.into()),
                    ("round_id", round.into()),
                    ("title", "Shared accounting tool".into()),
                    ("description", "".into()),
                    ("breakdown", "".into()),
                    ("min_cents", 5_000i64.into()),
                    ("max_cents", Some(8_000i64).into()),
                    ("placed_cents", 6_000i64.into()),
                    ("raised_cents", Some(6_000i64).into()),
                    ("matched_cents", Some(0i64).into()),
                    ("weight", Some("0".to_string()).into()),
                    ("created_by", Some(alice).into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
        for org in &o[..2] {
            self.insert(
                "pool_allocations",
                vec![
                    ("network_id", network.into()),
                    ("round_id", round.into()),
                    ("organisation_id", (*org).into()),
                    ("allocation_cents", 5_000i64.into()),
                    ("carried_cents", 0i64.into()),
                    ("placed_cents", 3_000i64.into()),
                    ("returned_cents", Some(2_000i64).into()),
                    ("carried_into", null_i64()),
                ],
            )
            .await;
            self.insert(
                "pool_placements",
                vec![
                    ("network_id", network.into()),
                    ("round_id", round.into()),
                    ("bucket_id", bucket.into()),
                    ("organisation_id", (*org).into()),
                    ("amount_cents", 3_000i64.into()),
                    ("placed_by", Some(alice).into()),
                    ("placed_at", t.into()),
                ],
            )
            .await;
        }
        let entry = self.ledger_entry(network, "bucket-funded", None, None).await;
        self.ledger_line(network, entry, "pool", pool, 6_000).await;
        self.ledger_line(network, entry, "bucket", bucket, -6_000).await;
        self.expect.ledger.push((network, "pool", pool, 6_000));
        self.expect.ledger.push((network, "bucket", bucket, -6_000));
    }

    /// Version 28: a waiting application (with a comment of Alice's), an accepted one
    /// (Alpha's, its onboarding begun), the network's French text, Alpha's listing, the
    /// form key.
    async fn joining(&mut self, network: i64, alpha: i64, alice: i64) {
        let t = self.ago(1);
        let mut ids = Vec::new();
        for (name, status, org, key) in [
            (
                "Upgrade Applicant Coop",
                "pending",
                None,
                Some("ana@upgrade.example\u{1f}upgrade applicant coop"),
            ),
            ("Coop Alpha", "accepted", Some(alpha), None),
        ] {
            let id = self
                .insert(
                    "applications",
                    vec![
                        ("network_id", network.into()),
                        ("status", status.into()),
                        ("open_key", key.into()),
                        ("org_kind", "user".into()),
                        ("org_name", name.into()),
                        ("country", "BE".into()),
                        ("city", "Liège".into()),
                        ("company_number", "".into()),
                        ("size", Some(120i64).into()),
                        ("website", "".into()),
                        ("software", "Odoo 16".into()),
                        ("contact_name", "Ana Upgrade".into()),
                        ("contact_email", "ana@upgrade.example".into()),
                        ("contact_language", "fr".into()),
                        ("person_id", None::<i64>.into()),
                        ("level", "active".into()),
                        ("motivation", "Partager nos logiciels.".into()),
                        ("charter_page_id", None::<i64>.into()),
                        ("charter_revision", None::<i64>.into()),
                        ("confirm_hash", None::<String>.into()),
                        ("confirmed_at", Some(t).into()),
                        ("organisation_id", org.into()),
                        ("decided_by", org.map(|_| alice).into()),
                        ("decided_at", org.map(|_| t).into()),
                        ("decision_note", "".into()),
                        ("sponsorship_basis_points", 0i64.into()),
                        ("poll_id", None::<i64>.into()),
                        ("created_at", t.into()),
                        ("updated_at", t.into()),
                    ],
                )
                .await;
            ids.push(id);
        }
        self.insert(
            "application_comments",
            vec![
                ("network_id", network.into()),
                ("application_id", ids[0].into()),
                ("author_id", Some(alice).into()),
                ("body", "Upgrade comment".into()),
                ("created_at", t.into()),
            ],
        )
        .await;
        self.insert(
            "network_about",
            vec![
                ("network_id", network.into()),
                ("language", "fr".into()),
                ("body", "Upgrade about **text**".into()),
                ("updated_by", Some(alice).into()),
                ("updated_at", t.into()),
            ],
        )
        .await;
        self.insert(
            "member_listings",
            vec![
                ("network_id", network.into()),
                ("organisation_id", alpha.into()),
                ("listed", true.into()),
                ("city", "Liège".into()),
                ("latitude_e6", Some(50_632_600i64).into()),
                ("longitude_e6", Some(5_579_700i64).into()),
                ("updated_at", t.into()),
            ],
        )
        .await;
        self.insert(
            "onboarding",
            vec![
                ("network_id", network.into()),
                ("organisation_id", alpha.into()),
                ("application_id", Some(ids[1]).into()),
                ("started_at", t.into()),
                ("booklet_read_at", None::<OffsetDateTime>.into()),
            ],
        )
        .await;
        self.insert(
            "form_keys",
            vec![
                ("name", "application_form".into()),
                ("secret", "upgrade-fixture-secret".into()),
                ("created_at", t.into()),
            ],
        )
        .await;
    }

    /// Version 27: an opportunity of the first organisation, brought by the third (a 5 %
    /// fee), with the first two's interests; its team's split in force (number 1) and a
    /// new split proposed (number 2) that the first has accepted.
    async fn work_sharing(&mut self, network: i64, o: &[i64], alice: i64) {
        let t = self.ago(1);
        let march = time::Date::from_calendar_date(2030, time::Month::March, 1).unwrap();
        let april = time::Date::from_calendar_date(2030, time::Month::April, 30).unwrap();
        let opportunity = self
            .insert(
                "work_opportunities",
                vec![
                    ("network_id", network.into()),
                    ("organisation_id", o[0].into()),
                    ("title", "Upgrade tender".into()),
                    ("scope", "Build **it**.".into()),
                    ("budget_cents", 1_000_001i64.into()),
                    ("days", 30i64.into()),
                    ("starts_on", march.into()),
                    ("ends_on", april.into()),
                    ("skills", "Rust, design".into()),
                    ("finder_organisation_id", Some(o[2]).into()),
                    ("finder_fee_basis_points", 500i64.into()),
                    ("status", "teamed".into()),
                    ("created_by", Some(alice).into()),
                    ("created_at", t.into()),
                    ("updated_at", t.into()),
                ],
            )
            .await;
        for (org, days) in [(o[0], 20i64), (o[1], 10)] {
            self.insert(
                "work_interests",
                vec![
                    ("network_id", network.into()),
                    ("opportunity_id", opportunity.into()),
                    ("organisation_id", org.into()),
                    ("capacity_days", days.into()),
                    ("available_from", march.into()),
                    ("available_to", april.into()),
                    ("day_rate_cents", 50_000i64.into()),
                    ("skills", "Rust".into()),
                    ("declared_by", Some(alice).into()),
                    ("created_at", t.into()),
                    ("updated_at", t.into()),
                ],
            )
            .await;
        }
        // 1 000 001 cents less a fee of 50 000: 950 001 by 20 and 10 (then 10 and 10).
        for (number, status, parts) in [
            (
                1i64,
                "in_force",
                [(o[0], 20i64, 20i64, 633_334i64), (o[1], 10, 10, 316_667)],
            ),
            (2, "proposed", [(o[0], 10, 15, 475_001), (o[1], 10, 15, 475_000)]),
        ] {
            let split = self
                .insert(
                    "work_splits",
                    vec![
                        ("network_id", network.into()),
                        ("opportunity_id", opportunity.into()),
                        ("number", number.into()),
                        ("status", status.into()),
                        ("basis", "capacity".into()),
                        ("fee_cents", 50_000i64.into()),
                        ("proposed_by", Some(alice).into()),
                        ("created_at", t.into()),
                        ("decided_at", if number == 1 { Some(t) } else { None }.into()),
                    ],
                )
                .await;
            for (org, weight, days, cents) in parts {
                self.insert(
                    "work_split_lines",
                    vec![
                        ("network_id", network.into()),
                        ("split_id", split.into()),
                        ("organisation_id", org.into()),
                        ("weight", weight.into()),
                        ("days", days.into()),
                        ("amount_cents", cents.into()),
                    ],
                )
                .await;
            }
            if number == 2 {
                self.insert(
                    "work_consents",
                    vec![
                        ("network_id", network.into()),
                        ("split_id", split.into()),
                        ("organisation_id", o[0].into()),
                        ("person_id", Some(alice).into()),
                        ("answer", "accepted".into()),
                        ("created_at", t.into()),
                    ],
                )
                .await;
            }
        }
    }

    /// Version 29: an issue sent (with its French translation) made of a public logbook
    /// article, a confirmed subscriber with an unsubscribe token, and a hard bounce.
    async fn logbook(&mut self, network: i64, alice: i64) {
        let t = self.ago(1);
        let issue = self
            .insert(
                "newsletter_issues",
                vec![
                    ("network_id", network.into()),
                    ("subject", "Upgrade news".into()),
                    ("body", "The **network** grew.".into()),
                    ("language", "en".into()),
                    ("status", "sent".into()),
                    ("created_by", Some(alice).into()),
                    ("created_at", t.into()),
                    ("sent_at", Some(t).into()),
                ],
            )
            .await;
        self.insert(
            "newsletter_translations",
            vec![
                ("network_id", network.into()),
                ("issue_id", issue.into()),
                ("language", "fr".into()),
                ("subject", "Nouvelles de mise à jour".into()),
                ("body", "Le **réseau** a grandi.".into()),
            ],
        )
        .await;
        let article = self
            .insert(
                "logbook_articles",
                vec![
                    ("network_id", network.into()),
                    ("title", "Upgrade news".into()),
                    ("body", "The **network** grew.".into()),
                    ("visibility", "public".into()),
                    ("author_id", Some(alice).into()),
                    ("issue_id", Some(issue).into()),
                    ("created_at", t.into()),
                    ("updated_at", t.into()),
                ],
            )
            .await;
        if self.v >= 33 {
            let image = self
                .insert(
                    "logbook_images",
                    vec![
                        ("network_id", network.into()),
                        ("article_id", article.into()),
                        ("content_type", "image/gif".into()),
                        ("size", 14i64.into()),
                        ("data", b"GIF89a-upgrade".to_vec().into()),
                        ("created_at", t.into()),
                    ],
                )
                .await;
            self.expect.logbook_image = Some(image);
            self.insert_keyed(
                "logbook_feeds",
                vec![
                    (
                        "token_hash",
                        intercoop::auth::tokens::hash_token("lf_upgrade-feed").into(),
                    ),
                    ("person_id", alice.into()),
                    ("network_id", network.into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
        }
        let subscriber = self
            .insert(
                "newsletter_subscribers",
                vec![
                    ("network_id", network.into()),
                    ("email", "reader@upgrade.example".into()),
                    ("language", "fr".into()),
                    ("status", "confirmed".into()),
                    ("created_at", t.into()),
                    ("confirmed_at", Some(t).into()),
                    ("left_at", Value::from(None::<OffsetDateTime>)),
                ],
            )
            .await;
        self.insert(
            "newsletter_tokens",
            vec![
                ("token_hash", "upgrade-token-hash".into()),
                ("network_id", network.into()),
                ("subscriber_id", subscriber.into()),
                ("purpose", "unsubscribe".into()),
                ("created_at", t.into()),
                ("used_at", Value::from(None::<OffsetDateTime>)),
            ],
        )
        .await;
        self.insert(
            "mail_bounces",
            vec![
                ("address", "gone@upgrade.example".into()),
                ("reason", "550 5.1.1 no such user".into()),
                ("source", "smtp".into()),
                ("created_at", t.into()),
            ],
        )
        .await;
    }

    /// Version 25: a members' page in the welcome booklet (two revisions) and a
    /// core-circle page under it (one revision).
    async fn documentation(&mut self, network: i64, alice: i64) {
        let t = self.ago(2);
        let mut parent = None;
        for (title, visibility, booklet, revisions) in [
            ("Welcome to the network", "members", Some(1i64), 2i64),
            ("How the core circle works", "core", None, 1),
        ] {
            let page = self
                .insert(
                    "doc_pages",
                    vec![
                        ("network_id", network.into()),
                        ("parent_id", parent.into()),
                        ("title", title.into()),
                        ("body", format!("# {title}\n\nRevision {revisions}.").into()),
                        ("visibility", visibility.into()),
                        ("position", 0i64.into()),
                        ("booklet_position", booklet.into()),
                        ("revision", revisions.into()),
                        ("created_by", Some(alice).into()),
                        ("created_at", t.into()),
                        ("updated_by", Some(alice).into()),
                        ("updated_at", t.into()),
                    ],
                )
                .await;
            for n in 1..=revisions {
                self.insert(
                    "doc_revisions",
                    vec![
                        ("network_id", network.into()),
                        ("page_id", page.into()),
                        ("number", n.into()),
                        ("title", title.into()),
                        ("body", format!("# {title}\n\nRevision {n}.").into()),
                        ("visibility", visibility.into()),
                        ("author_id", Some(alice).into()),
                        ("created_at", t.into()),
                    ],
                )
                .await;
            }
            parent = Some(page);
        }
    }

    /// Version 23: the network's two lists (as `networks::create` makes them) and a
    /// published message of Alice's in the mutual-help list, the first of its thread.
    async fn lists(&mut self, network: i64, alice: i64) {
        let t = self.ago(1);
        let mut help = 0;
        for (local, name, posting) in [
            ("upgrade-help", "Mutual help", "members"),
            ("upgrade-logistics", "Logistics", "core"),
        ] {
            let id = self
                .insert(
                    "lists",
                    vec![
                        ("network_id", network.into()),
                        ("name", name.into()),
                        ("local_part", local.into()),
                        ("description", "".into()),
                        ("posting", posting.into()),
                        ("subscribed_by_default", true.into()),
                        ("reply_to", "list".into()),
                        ("moderate_first_posts", false.into()),
                        ("moderate_non_members", true.into()),
                        ("public", false.into()),
                        ("created_at", t.into()),
                    ],
                )
                .await;
            if help == 0 {
                help = id;
            }
        }
        let message = self
            .insert(
                "list_messages",
                vec![
                    ("list_id", help.into()),
                    ("network_id", network.into()),
                    ("message_id", "upgrade-1@lists.example".into()),
                    ("refs", "".into()),
                    ("author_id", alice.into()),
                    ("from_address", "alice@alpha.example".into()),
                    ("from_name", "Alice Admin".into()),
                    ("subject", "Upgrade question".into()),
                    ("body_text", "How do you upgrade?".into()),
                    ("body_html", "<p>How do you upgrade?</p>".into()),
                    ("status", "published".into()),
                    ("source", "web".into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
        self.db
            .execute(
                Query::update()
                    .table(Alias::new("list_messages"))
                    .value(Alias::new("thread_id"), message)
                    .and_where(Expr::col(Alias::new("id")).eq(message)),
            )
            .await
            .unwrap();
        self.expect.list_message = Some((help, message));
    }

    /// Version 16: a monthly assembly series with one occurrence ten days ahead (an
    /// agenda item, Alice's answer and answer link), Alice's calendar feed, and an
    /// invitation in the outbox with its calendar.
    async fn meetings(&mut self, network: i64, o: &[i64], p: &[i64]) {
        let alpha = o[0];
        let t = self.ago(1);
        let at = self.now + Duration::days(10);
        let series = self
            .insert(
                "meeting_series",
                vec![
                    ("network_id", network.into()),
                    ("rule", "FREQ=MONTHLY;BYDAY=1TU".into()),
                    ("first_local", "2026-01-06T19:00:00".into()),
                    ("time_zone", "Europe/Brussels".into()),
                    ("scheduled_until", at.into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
        let meeting = self
            .insert(
                "meetings",
                vec![
                    ("network_id", network.into()),
                    ("series_id", series.into()),
                    ("kind", "assembly".into()),
                    ("title", "Upgrade assembly".into()),
                    ("description", "Monthly.".into()),
                    ("starts_at", at.into()),
                    ("ends_at", (at + Duration::minutes(90)).into()),
                    ("time_zone", "Europe/Brussels".into()),
                    ("place", "Rue de la Coopération 1".into()),
                    ("video_url", "".into()),
                    ("status", "scheduled".into()),
                    ("sequence", 0i64.into()),
                    ("uid", "meeting-upgrade@intercoop".into()),
                    ("reminders", "[10080,1440]".into()),
                    ("minutes", if self.v >= 18 { "Draft minutes." } else { "" }.into()),
                    ("minutes_status", if self.v >= 18 { "draft" } else { "none" }.into()),
                    ("invited_at", Value::from(Some(t))),
                    ("created_at", t.into()),
                    ("updated_at", t.into()),
                ],
            )
            .await;
        self.insert(
            "meeting_agenda",
            vec![
                ("meeting_id", meeting.into()),
                ("position", 0i64.into()),
                ("kind", "text".into()),
                ("body", "Welcome".into()),
            ],
        )
        .await;
        if self.v >= 18 {
            let today = self.now.date();
            self.insert(
                "core_mandates",
                vec![
                    ("network_id", network.into()),
                    ("organisation_id", alpha.into()),
                    ("seat", "elected".into()),
                    ("starts_on", (today - Duration::days(100)).into()),
                    ("ends_on", (today + Duration::days(300)).into()),
                    ("created_by", p[0].into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
            let election = self
                .insert(
                    "core_elections",
                    vec![
                        ("network_id", network.into()),
                        ("seats", 2i64.into()),
                        ("starts_on", (today + Duration::days(300)).into()),
                        ("ends_on", (today + Duration::days(1000)).into()),
                        ("status", "candidacy".into()),
                        ("outcome", "".into()),
                        ("created_at", t.into()),
                    ],
                )
                .await;
            self.insert(
                "core_candidates",
                vec![
                    ("election_id", election.into()),
                    ("organisation_id", alpha.into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
            self.insert(
                "meeting_decisions",
                vec![
                    ("network_id", network.into()),
                    ("meeting_id", meeting.into()),
                    ("position", 0i64.into()),
                    ("body", "Upgrade decision".into()),
                    ("created_by", p[0].into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
        }
        if self.v >= 21 {
            // Beta gives its proxy for the assembly to Alpha.
            self.insert(
                "meeting_proxies",
                vec![
                    ("network_id", network.into()),
                    ("meeting_id", meeting.into()),
                    ("organisation_id", o[1].into()),
                    ("holder_organisation_id", alpha.into()),
                    ("created_by", p[1].into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
            for (person, status) in [(p[0], "registered"), (p[1], "waiting")] {
                self.insert(
                    "meeting_registrations",
                    vec![
                        ("meeting_id", meeting.into()),
                        ("person_id", person.into()),
                        ("status", status.into()),
                        ("created_at", t.into()),
                        ("promoted_at", Value::from(None::<OffsetDateTime>)),
                    ],
                )
                .await;
            }
        }
        if self.v >= 30 {
            let document = self
                .insert(
                    "meeting_documents",
                    vec![
                        ("network_id", network.into()),
                        ("meeting_id", meeting.into()),
                        ("title", "Upgrade budget".into()),
                        ("doc_page_id", None::<i64>.into()),
                        ("filename", Some("budget.txt").into()),
                        ("content_type", Some("text/plain").into()),
                        ("size", Some(21i64).into()),
                        ("data", Some(b"Budget of the upgrade".to_vec()).into()),
                        ("added_by", Some(p[0]).into()),
                        ("created_at", t.into()),
                    ],
                )
                .await;
            self.expect.meeting_document = Some((meeting, document));
        }
        self.insert(
            "meeting_answers",
            vec![
                ("meeting_id", meeting.into()),
                ("person_id", p[0].into()),
                ("answer", "yes".into()),
                ("present", false.into()),
                ("updated_at", t.into()),
            ],
        )
        .await;
        self.insert_keyed(
            "meeting_links",
            vec![
                ("token_hash", "upgrade-link-hash".into()),
                ("meeting_id", meeting.into()),
                ("person_id", p[0].into()),
                ("created_at", t.into()),
            ],
        )
        .await;
        self.insert_keyed(
            "calendar_feeds",
            vec![
                ("token_hash", "upgrade-feed-hash".into()),
                ("person_id", p[0].into()),
                ("network_id", network.into()),
                ("created_at", t.into()),
            ],
        )
        .await;
    }

    /// Version 1: a network, its organisations and people, and what they leave behind.
    /// Returns the network, the organisations (Alpha, Beta, Gamma: active members;
    /// Delta: candidate; the provider; a former member) and the people (Alice: admin,
    /// representative of Alpha; Bob, Gina: representatives of Beta, Gamma; Paul of the
    /// provider; Dora, disabled, once representative of Alpha).
    async fn foundation(&mut self) -> (i64, Vec<i64>, Vec<i64>) {
        let t = self.ago(400);
        let network = self
            .insert(
                "networks",
                vec![
                    ("slug", "upgrade".into()),
                    ("name", "Upgrade network".into()),
                    ("description", "Cooperatives upgrading together".into()),
                    ("default_language", "en".into()),
                    ("time_zone", "Europe/Brussels".into()),
                    ("currency", "EUR".into()),
                    ("rules", "{}".into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
        // (name, kind, size, membership status, level)
        let orgs = [
            ("Coop Alpha", "user", Some(120i64), "member", "active"),
            ("Coop Beta", "user", Some(800), "member", "active"),
            ("Coop Gamma", "user", Some(2500), "member", "active"),
            ("Coop Delta", "user", Some(40), "candidate", "observer"),
            ("Dev Provider", "provider", None, "member", "active"),
            ("Coop Former", "user", Some(10), "former", "observer"),
        ];
        let mut o = Vec::new();
        for (name, kind, size, status, level) in orgs {
            let mut cols: Cols = vec![
                ("name", name.into()),
                ("kind", kind.into()),
                ("country", "BE".into()),
                ("language", "fr".into()),
                ("address", "Rue de la Coopération 1, Bruxelles".into()),
                ("company_number", "0123.456.789".into()),
                ("bank_account", "BE68539007547034".into()),
                ("website", "https://coop.example".into()),
                ("created_at", t.into()),
                ("updated_at", t.into()),
            ];
            if self.v < 11 {
                cols.push(("size", Value::from(size)));
            }
            if self.v >= 20 {
                cols.push(("name_key", STALE_KEY.to_vec().into()));
            }
            let id = self.insert("organisations", cols).await;
            let left = (status == "former").then(|| self.ago(30).date());
            self.membership(network, id, status, level, size, left).await;
            o.push(id);
        }
        for (org, software) in [(o[0], "Odoo 16"), (o[1], "Odoo 16"), (o[1], "cooperator")] {
            self.insert(
                "organisation_software",
                vec![("organisation_id", org.into()), ("name", software.into())],
            )
            .await;
        }
        // (email, name, disabled, admin, core circle, organisation)
        let people = [
            ("alice@alpha.example", "Alice Admin", false, true, false, o[0]),
            ("bob@beta.example", "Bob Beta", false, false, true, o[1]),
            ("gina@gamma.example", "Gina Gamma", false, false, false, o[2]),
            ("paul@provider.example", "Paul Provider", false, false, false, o[4]),
            ("dora@alpha.example", "Dora Disabled", true, false, false, o[0]),
        ];
        let mut p = Vec::new();
        for (email, name, disabled, admin, core, org) in people {
            let id = self
                .insert(
                    "people",
                    vec![
                        ("email", email.into()),
                        ("name", name.into()),
                        ("language", Some("en").into()),
                        (
                            "password_hash",
                            Some("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA").into(),
                        ),
                        ("phone", "+32 2 000 00 00".into()),
                        ("disabled", disabled.into()),
                        ("created_at", t.into()),
                        ("last_login_at", Some(self.ago(1)).into()),
                    ]
                    .into_iter()
                    .chain((self.v >= 20).then(|| ("name_key", STALE_KEY.to_vec().into())))
                    .collect(),
                )
                .await;
            self.insert(
                "network_people",
                vec![
                    ("network_id", network.into()),
                    ("person_id", id.into()),
                    ("is_admin", admin.into()),
                    ("is_core_circle", core.into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
            self.tie(network, org, id).await;
            p.push(id);
        }
        // A sister network holds Alpha too (counting it the same size), with a person
        // of its own tied to Alpha there only.
        let sister = self
            .insert(
                "networks",
                vec![
                    ("slug", "sister".into()),
                    ("name", "Sister network".into()),
                    ("description", "".into()),
                    ("default_language", "fr".into()),
                    ("time_zone", "Europe/Paris".into()),
                    ("currency", "EUR".into()),
                    ("rules", "{}".into()),
                    ("created_at", t.into()),
                ],
            )
            .await;
        self.membership(sister, o[0], "member", "active", Some(120), None).await;
        let sven = self
            .insert(
                "people",
                vec![
                    ("email", "sven@sister.example".into()),
                    ("name", "Sven Sister".into()),
                    ("language", Some("fr").into()),
                    ("password_hash", null_text()),
                    ("phone", "".into()),
                    ("disabled", false.into()),
                    ("created_at", t.into()),
                    ("last_login_at", null_ts()),
                ],
            )
            .await;
        self.insert(
            "network_people",
            vec![
                ("network_id", sister.into()),
                ("person_id", sven.into()),
                ("is_admin", false.into()),
                ("is_core_circle", false.into()),
                ("created_at", t.into()),
            ],
        )
        .await;
        self.tie(sister, o[0], sven).await;
        // Sitting representatives, and an earlier mandate of Alpha.
        for (org, person, current) in [
            (o[0], p[0], true),
            (o[1], p[1], true),
            (o[2], p[2], true),
            (o[0], p[4], false),
        ] {
            self.insert(
                "representatives",
                vec![
                    ("network_id", network.into()),
                    ("organisation_id", org.into()),
                    ("person_id", person.into()),
                    ("current", current.then_some(true).into()),
                    ("since", self.ago(if current { 200 } else { 390 }).into()),
                    ("until", (!current).then(|| self.ago(200)).into()),
                    ("appointed_by", Some(p[0]).into()),
                ],
            )
            .await;
        }
        let hash = intercoop::auth::tokens::hash_token;
        for (token, person, expires) in [
            (ALICE_COOKIE, p[0], self.now + Duration::days(30)),
            ("s_upgrade-fixture-bob-expired", p[1], self.ago(1)),
        ] {
            self.insert_keyed(
                "sessions",
                vec![
                    ("token_hash", hash(token).into()),
                    ("person_id", person.into()),
                    ("network_id", network.into()),
                    ("created_at", self.ago(2).into()),
                    ("expires_at", expires.into()),
                    ("last_seen_at", self.ago(1).into()),
                ],
            )
            .await;
        }
        for (token, person, purpose, used) in [
            ("l_upgrade-used", p[1], "login", Some(self.ago(3))),
            ("l_upgrade-invite", p[2], "invite", None),
        ] {
            self.insert_keyed(
                "login_tokens",
                vec![
                    ("token_hash", hash(token).into()),
                    ("person_id", person.into()),
                    ("network_id", Some(network).into()),
                    ("purpose", purpose.into()),
                    ("created_at", self.ago(3).into()),
                    ("expires_at", (self.now + Duration::days(7)).into()),
                    ("used_at", used.into()),
                ],
            )
            .await;
        }
        for (token, revoked) in [("t_upgrade-live", None), ("t_upgrade-revoked", Some(self.ago(5)))] {
            self.insert(
                "api_tokens",
                vec![
                    ("token_hash", hash(token).into()),
                    ("person_id", p[0].into()),
                    ("network_id", network.into()),
                    ("name", "accounting sync".into()),
                    ("created_at", self.ago(10).into()),
                    ("last_used_at", Some(self.ago(1)).into()),
                    ("revoked_at", revoked.into()),
                ],
            )
            .await;
        }
        self.insert(
            "audit_log",
            vec![
                ("network_id", Some(network).into()),
                ("actor_id", Some(p[0]).into()),
                ("action", "organisation.create".into()),
                ("entity", "organisation".into()),
                ("entity_id", Some(o[0]).into()),
                ("before", null_text()),
                ("after", Some(json!({"name": "Coop Alpha"}).to_string()).into()),
                ("request_id", "req-upgrade-1".into()),
                ("at", t.into()),
            ],
        )
        .await;
        for (status, sent, error) in [
            ("sent", Some(self.ago(2)), None),
            ("failed", None, Some("550 mailbox unavailable")),
        ] {
            let message = self
                .insert(
                    "outbox",
                    vec![
                        ("network_id", Some(network).into()),
                        ("to_address", "bob@beta.example".into()),
                        ("to_name", "Bob Beta".into()),
                        ("subject", "Welcome".into()),
                        ("text_body", "Welcome to the network.".into()),
                        ("html_body", "<p>Welcome to the network.</p>".into()),
                        ("language", "en".into()),
                        ("kind", "invitation".into()),
                        ("status", status.into()),
                        ("attempts", 1i64.into()),
                        ("next_attempt_at", self.ago(2).into()),
                        ("locked_until", null_ts()),
                        ("locked_by", null_text()),
                        ("sent_at", sent.into()),
                        ("last_error", error.into()),
                        ("created_at", self.ago(2).into()),
                    ],
                )
                .await;
            if self.v >= 34 && status == "sent" {
                self.insert(
                    "outbox_attachments",
                    vec![
                        ("outbox_id", message.into()),
                        ("filename", "welcome-booklet.pdf".into()),
                        ("content_type", "application/pdf".into()),
                        ("data", b"%PDF-1.7 upgrade".to_vec().into()),
                    ],
                )
                .await;
                self.expect.outbox_file = Some(message);
            }
        }
        self.idempotency_keys(network, &p).await;
        if self.v < 9 {
            self.insert(
                "job_runs",
                vec![
                    ("job", "share_digest".into()),
                    ("period", self.ago(1).date().to_string().into()),
                    ("instance", "upgrade-test".into()),
                    ("started_at", self.ago(1).into()),
                    ("finished_at", Some(self.ago(1)).into()),
                ],
            )
            .await;
        } else {
            // (kind, payload, key, status, attempts, error)
            let jobs = [
                (
                    "jobs.maintenance",
                    "null",
                    Some("jobs.maintenance:1"),
                    "done",
                    1i64,
                    None,
                ),
                (
                    "proposals.announce",
                    r#"{"proposal_id":1}"#,
                    Some("announce_proposal:1"),
                    "pending",
                    0,
                    None,
                ),
                (
                    "proposals.close_campaign",
                    r#"{"campaign_id":1}"#,
                    Some("close_campaign:1"),
                    "failed",
                    8,
                    Some("the bank is down"),
                ),
                ("funding.share_digest", "null", None, "pending", 0, None),
            ];
            for (kind, payload, key, status, attempts, error) in jobs {
                self.insert(
                    "jobs",
                    vec![
                        ("kind", kind.into()),
                        ("payload", payload.into()),
                        ("network_id", Some(network).into()),
                        ("unique_key", key.map(str::to_string).into()),
                        ("run_at", self.ago(1).into()),
                        ("status", status.into()),
                        ("attempts", attempts.into()),
                        ("max_attempts", 8i64.into()),
                        ("locked_by", Option::<String>::None.into()),
                        ("locked_until", Option::<OffsetDateTime>::None.into()),
                        ("last_error", error.map(str::to_string).into()),
                        ("created_at", self.ago(2).into()),
                        ("updated_at", self.ago(1).into()),
                        ("finished_at", (status != "pending").then(|| self.ago(1)).into()),
                    ],
                )
                .await;
            }
            self.insert(
                "events",
                vec![
                    ("kind", "poll_closed".into()),
                    ("network_id", Some(network).into()),
                    ("payload", r#"{"poll_id":1}"#.into()),
                    ("created_at", self.ago(1).into()),
                ],
            )
            .await;
        }
        if self.v >= 10 {
            self.notifications(network, &p).await;
        }
        (network, o, p)
    }

    /// Version 10: what the notification service keeps.
    async fn notifications(&mut self, network: i64, p: &[i64]) {
        for (kind, mode) in [("poll_reminder", "never"), ("proposal_posted", "digest")] {
            self.insert(
                "notification_settings",
                vec![
                    ("person_id", p[1].into()),
                    ("network_id", network.into()),
                    ("kind", kind.into()),
                    ("mode", mode.into()),
                    ("updated_at", self.ago(3).into()),
                ],
            )
            .await;
        }
        self.insert_keyed(
            "unsubscribe_tokens",
            vec![
                (
                    "token_hash",
                    intercoop::auth::tokens::hash_token("u_upgrade-token").into(),
                ),
                ("person_id", p[1].into()),
                ("network_id", network.into()),
                ("kind", "poll_opened".into()),
                ("created_at", self.ago(3).into()),
                ("used_at", null_ts()),
            ],
        )
        .await;
        for sent in [Some(self.ago(1)), None] {
            self.insert(
                "held_notices",
                vec![
                    ("person_id", p[1].into()),
                    ("network_id", network.into()),
                    ("kind", "proposal_posted".into()),
                    (
                        "notice",
                        json!({
                            "notice": {"kind": "proposal_posted", "network_id": network, "about": 1,
                                "vars": {"title": {"t": "text", "v": "Shift swaps"}, "url": {"t": "path", "v": "/proposals/1"}},
                                "to": null},
                            "addressee": {"person_id": p[1], "vars": {}, "lines": []},
                            "named": false
                        })
                        .to_string()
                        .into(),
                    ),
                    ("created_at", self.ago(2).into()),
                    ("sent_at", sent.into()),
                ],
            )
            .await;
        }
        self.insert(
            "outbox",
            vec![
                ("network_id", Some(network).into()),
                ("person_id", Some(p[1]).into()),
                ("to_address", "bob@beta.example".into()),
                ("to_name", "Bob Beta".into()),
                ("subject", "Poll open: Budget 2027".into()),
                ("text_body", "The poll is open.".into()),
                ("html_body", "<p>The poll is open.</p>".into()),
                ("language", "en".into()),
                ("kind", "poll_opened".into()),
                ("status", "pending".into()),
                ("attempts", 0i64.into()),
                ("next_attempt_at", self.ago(1).into()),
                ("locked_until", null_ts()),
                ("locked_by", null_text()),
                ("sent_at", null_ts()),
                ("last_error", null_text()),
                ("created_at", self.ago(1).into()),
                (
                    "unsubscribe_url",
                    Some("http://127.0.0.1:8080/unsubscribe/u_x".to_string()).into(),
                ),
            ],
        )
        .await;
    }

    /// Version 2: proposals and co-funding.
    async fn proposals(&mut self, network: i64, o: &[i64], p: &[i64]) -> Vec<i64> {
        let specs = [
            ("Shared cooperator module", "funding", o[0]),
            ("Member portal in Dutch", "funding", o[1]),
            ("SEPA direct debit export", "delivered", o[0]),
            ("Accounting bridge", "lapsed", o[2]),
            ("Shift planning", "discussion", o[1]),
            ("Invoice recognition", "quoted", o[2]),
            ("Payments in tokens", "rejected", o[1]),
            ("Unfinished idea", "draft", o[0]),
        ];
        let interested: [&[i64]; 8] = [
            &[o[1], o[2]],
            &[o[0]],
            &[],
            &[o[0]],
            &[o[0], o[2], o[3]],
            &[o[0]],
            &[],
            &[],
        ];
        let mut ids = Vec::new();
        for (i, (title, status, by)) in specs.into_iter().enumerate() {
            let created = self.ago(300 - i as i64 * 10);
            let mut cols: Cols = vec![
                ("network_id", network.into()),
                ("title", title.into()),
                ("description", format!("**{title}**: what we need, and why.").into()),
                ("software", "Odoo 16 / cooperator".into()),
                ("links", "https://github.com/coopiteasy/cooperator/issues/1".into()),
                ("requested_by", by.into()),
                ("author_id", Some(p[0]).into()),
                ("status", status.into()),
                ("selected_quote_id", null_i64()),
                // The first two were ranked by an earlier priority poll.
                ("priority_rank", (i < 2).then_some(i as i64 + 1).into()),
                ("priority_poll_id", null_i64()),
                ("priority_method", (i < 2).then_some("schulze").into()),
                ("priority_at", (i < 2).then(|| self.ago(50)).into()),
                ("delivered_at", (status == "delivered").then(|| self.ago(20)).into()),
                ("announced_at", Some(created).into()),
                ("created_at", created.into()),
                ("updated_at", created.into()),
            ];
            if self.v >= 6 {
                cols.push(("interest_count", (interested[i].len() as i64).into()));
            }
            let id = self.insert("proposals", cols).await;
            for org in interested[i] {
                self.insert(
                    "proposal_interests",
                    vec![
                        ("proposal_id", id.into()),
                        ("organisation_id", (*org).into()),
                        ("person_id", null_i64()),
                        ("created_at", created.into()),
                    ],
                )
                .await;
            }
            self.expect.interests.insert(id, interested[i].len() as i64);
            self.insert(
                "proposal_events",
                vec![
                    ("proposal_id", id.into()),
                    ("actor_id", Some(p[0]).into()),
                    ("kind", "posted".into()),
                    ("from_status", null_text()),
                    ("to_status", Some("draft").into()),
                    ("reason", "".into()),
                    ("poll_id", null_i64()),
                    ("at", created.into()),
                ],
            )
            .await;
            if status != "draft" {
                self.insert(
                    "proposal_events",
                    vec![
                        ("proposal_id", id.into()),
                        ("actor_id", Some(p[0]).into()),
                        ("kind", "transition".into()),
                        ("from_status", Some("draft").into()),
                        ("to_status", Some(status).into()),
                        ("reason", "Agreed at the assembly".into()),
                        ("poll_id", null_i64()),
                        ("at", created.into()),
                    ],
                )
                .await;
            }
            self.expect.proposals.push((id, title));
            ids.push(id);
        }
        for (person, org, body, objection) in [
            (p[1], Some(o[1]), "We need this for our members.", false),
            (p[2], Some(o[2]), "Not like this: it breaks our shifts.", true),
            (p[0], None, "Let us ask a provider.", false),
        ] {
            self.insert(
                "proposal_comments",
                vec![
                    ("proposal_id", ids[4].into()),
                    ("person_id", person.into()),
                    ("organisation_id", org.into()),
                    ("body", body.into()),
                    ("is_objection", objection.into()),
                    ("created_at", self.ago(100).into()),
                ],
            )
            .await;
        }
        // Quotes: the quoted proposal's (selected) and the funded one's.
        let milestones = json!([
            {"title": "Analysis", "amount_cents": 200_000},
            {"title": "Delivery", "amount_cents": 800_000},
        ])
        .to_string();
        let mut quotes = Vec::new();
        for proposal in [ids[5], ids[2]] {
            quotes.push(
                self.insert(
                    "quotes",
                    vec![
                        ("proposal_id", proposal.into()),
                        ("provider_id", o[4].into()),
                        ("amount_cents", 1_000_000i64.into()),
                        ("vat_basis_points", 2100i64.into()),
                        ("hours", Some(120i64).into()),
                        ("valid_until", Some(self.now + Duration::days(60)).into()),
                        ("milestones", milestones.clone().into()),
                        ("note", "Includes tests".into()),
                        ("created_by", Some(p[3]).into()),
                        ("created_at", self.ago(120).into()),
                    ],
                )
                .await,
            );
        }
        for (proposal, quote) in [(ids[5], quotes[0]), (ids[2], quotes[1])] {
            let mut q = Query::update();
            q.table(Alias::new("proposals"))
                .value(Alias::new("selected_quote_id"), quote)
                .and_where(Expr::col(Alias::new("id")).eq(proposal));
            self.db.execute(&q).await.unwrap();
        }
        let (a, b, c) = (o[0], o[1], o[2]);
        let campaigns = vec![
            // Open, equal key, Beta capped: Alpha and Gamma 375 000, Beta 250 000. Alpha
            // has a change sent and one waiting (first unsent: 500 000), Beta's waiting
            // changes came back to its share (nothing to report), Delta's is not a pledge.
            CampaignSpec {
                proposal: ids[0],
                status: "open",
                amount: 1_000_000,
                key: json!({"kind": "equal"}).to_string(),
                fixed: "[]".into(),
                pledges: vec![(a, Some(120), None), (b, Some(800), Some(250_000)), (c, Some(2500), None)],
                adopters: vec![],
                share_changes: vec![
                    (a, 1_000_000, 500_000, true),
                    (a, 500_000, 375_000, false),
                    (b, 250_000, 200_000, false),
                    (b, 200_000, 250_000, false),
                    (o[3], 100_000, 90_000, false),
                ],
                told_at_v8: vec![(a, 500_000)],
                due_at_v8: true,
            },
            // Open, tiers with a fixed 20 % from Gamma: Alpha 160 000, Beta 320 000.
            CampaignSpec {
                proposal: ids[1],
                status: "open",
                amount: 600_000,
                key: json!({"kind": "tiers", "small": 1, "medium": 2, "large": 3, "medium_from": 500, "large_from": 2000})
                    .to_string(),
                fixed: json!([{"organisation_id": c, "amount": {"percent": {"basis_points": 2000}}}]).to_string(),
                pledges: vec![(a, Some(120), None), (b, Some(800), None)],
                adopters: vec![],
                share_changes: vec![],
                told_at_v8: vec![],
                due_at_v8: false,
            },
            // Funded by size with a fixed amount from the provider, Gamma adopted it later.
            CampaignSpec {
                proposal: ids[2],
                status: "funded",
                amount: 1_210_000,
                key: json!({"kind": "size"}).to_string(),
                fixed: json!([{"organisation_id": o[4], "amount": {"cents": 100_000}}]).to_string(),
                pledges: vec![(a, Some(120), None), (b, Some(800), None)],
                adopters: vec![(c, Some(2500))],
                share_changes: vec![(a, 600_000, 500_000, false)],
                told_at_v8: vec![],
                due_at_v8: false,
            },
            // Lapsed by weights: its pledges were released.
            CampaignSpec {
                proposal: ids[3],
                status: "lapsed",
                amount: 300_000,
                key: json!({"kind": "weights", "weights": {a.to_string(): 2, c.to_string(): 1}}).to_string(),
                fixed: "[]".into(),
                pledges: vec![(a, Some(120), None), (c, Some(2500), None)],
                adopters: vec![],
                share_changes: vec![(c, 300_000, 100_000, false)],
                told_at_v8: vec![],
                due_at_v8: false,
            },
        ];
        for spec in campaigns {
            // The funded campaign shares its selected quote.
            let quote = (spec.proposal == ids[2]).then_some(quotes[1]);
            self.campaign(network, spec, quote).await;
        }
        ids
    }

    async fn campaign(&mut self, network: i64, spec: CampaignSpec, quote: Option<i64>) {
        let terms = CampaignTerms {
            total: Money::from_cents(spec.amount),
            key: serde_json::from_str::<SharingKey>(&spec.key).expect("the app's JSON of a sharing key"),
            fixed: serde_json::from_str::<Vec<FixedContribution>>(&spec.fixed)
                .expect("the app's JSON of fixed contributions"),
        };
        let participant = |org: i64, size: Option<i64>, cap: Option<i64>| Participant {
            organisation_id: org,
            size: size.map(|s| s as u64),
            cap: cap.map(Money::from_cents),
        };
        let active = spec.status != "lapsed";
        let mut participants: Vec<Participant> = if active {
            spec.pledges.iter().map(|&(o, s, c)| participant(o, s, c)).collect()
        } else {
            Vec::new()
        };
        let pledge_count = participants.len() as i64;
        participants.extend(spec.adopters.iter().map(|&(o, s)| participant(o, s, None)));
        let shares = compute_shares(&terms, &participants).expect("a split the app would have stored");
        let open = spec.status == "open";
        let opened = self.ago(60);
        let mut cols: Cols = vec![
            ("network_id", network.into()),
            ("proposal_id", spec.proposal.into()),
            ("quote_id", quote.into()),
            ("amount_cents", spec.amount.into()),
            ("sharing_key", spec.key.clone().into()),
            ("fixed", spec.fixed.clone().into()),
            (
                "deadline",
                if open {
                    self.now + Duration::days(30)
                } else {
                    self.ago(30)
                }
                .into(),
            ),
            ("min_participants", 2i64.into()),
            ("catch_up_years", 3i64.into()),
            ("status", spec.status.into()),
            ("opened_at", opened.into()),
            ("closed_at", (!open).then(|| self.ago(30)).into()),
            ("announced_at", Some(opened).into()),
        ];
        if self.v >= 6 {
            cols.push(("covered_cents", shares.covered.cents().into()));
            cols.push(("participant_count", (shares.participant_lines().count() as i64).into()));
            cols.push(("pledge_count", pledge_count.into()));
        }
        if self.v >= 8 {
            cols.push(("digest_due", spec.due_at_v8.into()));
        }
        let id = self.insert("campaigns", cols).await;
        self.expect.campaigns.insert(id, (terms, participants, pledge_count));
        let share = |org: i64| shares.amount_of(org).map(|m| m.cents());
        // (campaign, organisation) → the first amount not yet sent
        let mut first_unsent = BTreeMap::new();
        if self.v < 8 {
            for &(org, before, after, sent) in &spec.share_changes {
                self.insert(
                    "share_changes",
                    vec![
                        ("network_id", network.into()),
                        ("campaign_id", id.into()),
                        ("organisation_id", org.into()),
                        ("before_cents", before.into()),
                        ("after_cents", after.into()),
                        ("created_at", self.ago(5).into()),
                        ("sent_at", sent.then(|| self.ago(4)).into()),
                    ],
                )
                .await;
                if !sent {
                    first_unsent.entry(org).or_insert(before);
                }
            }
        }
        let mut due = false;
        for &(org, size, cap) in &spec.pledges {
            let mut cols: Cols = vec![
                ("campaign_id", id.into()),
                ("organisation_id", org.into()),
                ("person_id", null_i64()),
                ("cap_cents", cap.into()),
                ("size", size.into()),
                ("status", if active { "active" } else { "released" }.into()),
                ("created_at", self.ago(50).into()),
            ];
            // What the upgrade leaves in `notified_cents`: what the organisation was told.
            let told = if self.v >= 8 {
                let told = if active {
                    spec.told_at_v8
                        .iter()
                        .find(|(o, _)| *o == org)
                        .map(|(_, cents)| *cents)
                        .or(share(org))
                } else {
                    None
                };
                cols.push(("notified_cents", told.into()));
                told
            } else if open {
                due |= first_unsent.contains_key(&org);
                first_unsent.get(&org).copied().or(share(org))
            } else {
                None
            };
            let pledge = self.insert("pledges", cols).await;
            self.expect.notified.insert(pledge, told);
        }
        self.expect
            .digest_due
            .insert(id, if self.v >= 8 { spec.due_at_v8 } else { due });
        if spec.status == "funded" {
            for line in shares.lines.iter().filter(|l| !l.fixed) {
                let adopter = spec.adopters.iter().any(|(o, _)| *o == line.organisation_id);
                if adopter {
                    continue;
                }
                self.payment_request(network, line.organisation_id, id, None, line.amount.cents(), 30)
                    .await;
            }
            for &(org, size) in &spec.adopters {
                let amount = share(org).unwrap_or_default();
                let catch_up = self
                    .insert(
                        "catch_ups",
                        vec![
                            ("campaign_id", id.into()),
                            ("organisation_id", org.into()),
                            ("size", size.into()),
                            ("amount_cents", amount.into()),
                            ("created_at", self.ago(10).into()),
                        ],
                    )
                    .await;
                for &(funder, _, _) in &spec.pledges {
                    let credit = self
                        .insert(
                            "catch_up_credits",
                            vec![
                                ("catch_up_id", catch_up.into()),
                                ("organisation_id", funder.into()),
                                ("amount_cents", (amount / 2).into()),
                                ("created_at", self.ago(10).into()),
                            ],
                        )
                        .await;
                    if self.v >= 17 && amount / 2 > 0 {
                        let entry = self
                            .ledger_entry(network, "catch-up-credited", None, Some(credit))
                            .await;
                        self.ledger_line(network, entry, "project", id, amount / 2).await;
                        self.ledger_line(network, entry, "member-credit", funder, -(amount / 2))
                            .await;
                    }
                    self.expect
                        .ledger
                        .push((network, "member-credit", funder, -(amount / 2)));
                    self.expect.ledger.push((network, "project", id, amount / 2));
                }
                self.payment_request(network, org, id, Some(catch_up), amount, 10).await;
            }
        }
    }

    /// Version 3: polls in each status, with their electorate, mandates and ballots.
    async fn polls(&mut self, network: i64, o: &[i64], p: &[i64], proposals: &[i64]) {
        let hash = intercoop::auth::tokens::hash_token;
        struct PollSpec {
            title: &'static str,
            method: serde_json::Value,
            options: Vec<(&'static str, Option<i64>)>,
            electorate: &'static str,
            status: &'static str,
            secret: bool,
            priority: bool,
            proposal: Option<i64>,
            effect: Option<serde_json::Value>,
        }
        let yes_no = vec![("yes", None), ("no", None), ("abstain", None)];
        let specs = [
            PollSpec {
                title: "Which module first",
                method: json!({"kind": "approval"}),
                options: vec![
                    ("Shared cooperator module", Some(proposals[0])),
                    ("Member portal in Dutch", Some(proposals[1])),
                    ("Shift planning", Some(proposals[4])),
                ],
                electorate: "organisations",
                status: "draft",
                secret: false,
                priority: true,
                proposal: None,
                effect: None,
            },
            PollSpec {
                title: "Adopt the shared charter",
                method: json!({"kind": "decision", "quorum_percent": 50, "threshold": {"kind": "simple_majority"}}),
                options: yes_no.clone(),
                electorate: "organisations",
                status: "open",
                secret: false,
                priority: false,
                proposal: None,
                effect: None,
            },
            PollSpec {
                title: "Discuss shift planning",
                method: json!({"kind": "decision", "quorum_percent": 50, "threshold": {"kind": "two_thirds"}}),
                options: yes_no,
                electorate: "organisations",
                status: "closed",
                secret: true,
                priority: false,
                proposal: Some(proposals[4]),
                effect: Some(json!({"kind": "discuss"})),
            },
            PollSpec {
                title: "Name of the assembly",
                method: json!({"kind": "schulze"}),
                options: vec![("General assembly", None), ("Members day", None)],
                electorate: "people",
                status: "open",
                secret: false,
                priority: false,
                proposal: None,
                effect: None,
            },
        ];
        for spec in specs {
            let open_or_closed = spec.status != "draft";
            let kind = spec.method["kind"].as_str().unwrap().to_string();
            let method_params = spec.method.to_string();
            // Organisations: the three active members, one vote each; people: two persons.
            let electors: Vec<(String, Option<i64>, Option<i64>)> = match spec.electorate {
                "organisations" => (0..3)
                    .map(|i| (format!("o:{}", o[i]), Some(o[i]), Some(p[i])))
                    .collect(),
                _ => (0..2).map(|i| (format!("p:{}", p[i]), None, Some(p[i]))).collect(),
            };
            let weight = if open_or_closed { electors.len() as i64 } else { 0 };
            let mut cols: Cols = vec![
                ("network_id", network.into()),
                ("title", spec.title.into()),
                ("description", format!("{} — what we decide.", spec.title).into()),
                ("method", kind.into()),
                ("method_params", method_params.into()),
                ("electorate", spec.electorate.into()),
                ("weighted", false.into()),
                ("secret", spec.secret.into()),
                ("hide_results", false.into()),
                ("status", spec.status.into()),
                ("opens_at", null_ts()),
                ("closes_at", Some(self.now + Duration::days(7)).into()),
                ("opened_at", open_or_closed.then(|| self.ago(7)).into()),
                ("closed_at", (spec.status == "closed").then(|| self.ago(1)).into()),
                ("proposal_id", spec.proposal.into()),
                ("effect", spec.effect.as_ref().map(|e| e.to_string()).into()),
                ("priority", spec.priority.into()),
                ("max_proxies", 1i64.into()),
                ("electorate_weight", weight.into()),
                (
                    "secret_salt",
                    (spec.secret && spec.status == "open")
                        .then(|| "salt".to_string())
                        .into(),
                ),
                ("result", null_text()),
                ("created_by", Some(p[0]).into()),
                ("created_at", self.ago(10).into()),
                ("updated_at", self.ago(1).into()),
            ];
            // From version 15 a poll names the kinds it counts (the people poll, the
            // providers too); before, every poll counted every kind.
            let kinds = match (self.v >= 15, spec.electorate) {
                (false, _) => r#"["user","provider","partner","facilitator"]"#,
                (true, "people") => r#"["user","provider"]"#,
                (true, _) => r#"["user"]"#,
            };
            if self.v >= 15 {
                cols.push(("organisation_kinds", kinds.into()));
            }
            let poll = self.insert("polls", cols).await;
            self.expect.poll_kinds.insert(poll, kinds);
            let mut option_ids = Vec::new();
            for (i, (label, proposal)) in spec.options.iter().enumerate() {
                option_ids.push(
                    self.insert(
                        "poll_options",
                        vec![
                            ("poll_id", poll.into()),
                            ("position", (i as i64).into()),
                            ("label", (*label).into()),
                            ("proposal_id", (*proposal).into()),
                        ],
                    )
                    .await,
                );
            }
            self.expect.polls.push((poll, spec.title));
            if !open_or_closed {
                continue;
            }
            for (key, org, person) in &electors {
                self.insert(
                    "poll_electorate",
                    vec![
                        ("poll_id", poll.into()),
                        ("voter_key", key.clone().into()),
                        ("organisation_id", (*org).into()),
                        ("person_id", (*person).into()),
                        ("weight", 1i64.into()),
                    ],
                )
                .await;
            }
            if spec.electorate == "organisations" {
                // Gamma gave its proxy to Alpha.
                self.insert(
                    "poll_mandates",
                    vec![
                        ("poll_id", poll.into()),
                        ("organisation_id", o[2].into()),
                        ("kind", "proxy".into()),
                        ("person_id", null_i64()),
                        ("holder_organisation_id", Some(o[0]).into()),
                        ("created_by", p[2].into()),
                        ("created_at", self.ago(5).into()),
                    ],
                )
                .await;
            }
            // The first two electors voted: yes and no, or a ranking each.
            for (i, (key, org, person)) in electors.iter().take(2).enumerate() {
                let content = match spec.method["kind"].as_str() {
                    Some("decision") => json!({"choice": if i == 0 { "yes" } else { "no" }}),
                    _ => json!({"ranking": if i == 0 { [0, 1] } else { [1, 0] }}),
                };
                let ballot_key = if spec.secret {
                    hash(&format!("salt{key}"))
                } else {
                    key.clone()
                };
                self.insert(
                    "poll_ballots",
                    vec![
                        ("poll_id", poll.into()),
                        ("ballot_key", ballot_key.into()),
                        ("content", content.to_string().into()),
                        ("weight", 1i64.into()),
                        ("receipt_hash", hash(&format!("receipt{poll}{key}")).into()),
                        ("cast_at", self.ago(2).into()),
                    ],
                )
                .await;
                self.insert(
                    "poll_voters",
                    vec![
                        ("poll_id", poll.into()),
                        ("voter_key", key.clone().into()),
                        ("organisation_id", (*org).into()),
                        ("cast_by", person.unwrap().into()),
                        ("recorded_by", null_i64()),
                        ("voted_at", self.ago(2).into()),
                    ],
                )
                .await;
            }
            if spec.status == "closed" {
                // What closing stored: the published result (a tie, so it did not pass).
                let result = json!({
                    "poll_id": poll, "method": "decision", "final": true,
                    "computed_at": "2025-03-01T12:00:00Z",
                    "ranking": [option_ids[0], option_ids[1], option_ids[2]],
                    "winners": [], "passed": false, "ballots": 2, "weight": 2,
                    "electorate_weight": 3, "electorate_size": 3, "voters": 2,
                    "details": {
                        "method": "decision", "yes": 1, "no": 1, "abstain": 0, "cast_weight": 2,
                        "electorate_weight": 3, "quorum_percent": 50, "quorum_weight": 2,
                        "quorum_met": true, "threshold": {"kind": "two_thirds"}, "yes_needed": 2,
                        "threshold_reached": false, "passed": false
                    }
                });
                let mut q = Query::update();
                q.table(Alias::new("polls"))
                    .value(Alias::new("result"), result.to_string())
                    .and_where(Expr::col(Alias::new("id")).eq(poll));
                self.db.execute(&q).await.unwrap();
            }
        }
    }
}

// ------------------------------------------------------------------ the checks

async fn count_rows(db: &Writer, table: &str) -> i64 {
    let row = db
        .query_one(
            Query::select()
                .expr_as(Expr::cust("COUNT(*)"), Alias::new("n"))
                .from(Alias::new(table)),
        )
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

async fn check(f: &Fixture<'_>, db: &Writer) {
    let v = f.v;
    // Every name has the key of the running collation (version 20).
    for table in ["organisations", "people"] {
        for row in db
            .query_all(
                Query::select()
                    .columns([Alias::new("name"), Alias::new("name_key")])
                    .from(Alias::new(table)),
            )
            .await
            .unwrap()
        {
            let name: String = row.try_get("", "name").unwrap();
            let key: Option<Vec<u8>> = row.try_get("", "name_key").unwrap();
            assert_eq!(
                key.as_deref(),
                Some(intercoop::collation::sort_key(&name).as_slice()),
                "from version {v}: the sort key of {table} {name:?}"
            );
        }
    }
    // Every migration recorded, no rebuild waiting.
    let versions: Vec<i64> = db
        .query_all(
            Query::select()
                .column(Alias::new("version"))
                .from(Alias::new("schema_migrations"))
                .order_by(Alias::new("version"), sea_orm::Order::Asc),
        )
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.try_get::<i64>("", "version").unwrap())
        .collect();
    let all: Vec<i64> = MIGRATIONS.iter().map(|m| m.version).collect();
    assert_eq!(versions, all, "from version {v}: every migration is recorded");
    assert_eq!(
        count_rows(db, "schema_rebuilds").await,
        0,
        "from version {v}: no rebuild is left waiting"
    );
    // Every row is still there (the share changes were carried over, then dropped; the
    // job claims of job_runs are dropped with their table).
    for (table, n) in &f.rows {
        if *table == "share_changes" || *table == "job_runs" || *table == "affiliations" {
            continue;
        }
        assert_eq!(count_rows(db, table).await, *n, "from version {v}: rows of {table}");
    }
    // The books: every request and credit in the journal (carried over before version
    // 17), every balance the sum of its lines, the trial balance at zero; every request
    // numbered once per network and year, with a valid reference.
    let books = intercoop::money::ledger::check_books(db).await.unwrap();
    for b in &books {
        assert!(b.discrepancies.is_empty(), "from version {v}: {:?}", b.discrepancies);
        assert_eq!(b.trial_balance.debit, b.trial_balance.credit, "from version {v}");
    }
    let mut expected: BTreeMap<(i64, String, i64), i64> = BTreeMap::new();
    for (network, account, party, amount) in &f.expect.ledger {
        *expected.entry((*network, account.to_string(), *party)).or_default() += amount;
    }
    expected.retain(|_, b| *b != 0);
    let stored: BTreeMap<(i64, String, i64), i64> = db
        .query_all(
            Query::select()
                .columns([
                    Alias::new("network_id"),
                    Alias::new("account"),
                    Alias::new("party"),
                    Alias::new("balance_cents"),
                ])
                .from(Alias::new("ledger_balances")),
        )
        .await
        .unwrap()
        .into_iter()
        .map(|r| {
            (
                (
                    r.try_get::<i64>("", "network_id").unwrap(),
                    r.try_get::<String>("", "account").unwrap(),
                    r.try_get::<i64>("", "party").unwrap(),
                ),
                r.try_get::<i64>("", "balance_cents").unwrap(),
            )
        })
        .filter(|(_, b)| *b != 0)
        .collect();
    assert_eq!(stored, expected, "from version {v}: the balances");
    let numbers: Vec<(i64, i64, i64, String)> = db
        .query_all(
            Query::select()
                .columns([
                    Alias::new("network_id"),
                    Alias::new("year"),
                    Alias::new("number"),
                    Alias::new("reference"),
                ])
                .from(Alias::new("payment_requests")),
        )
        .await
        .unwrap()
        .into_iter()
        .map(|r| {
            (
                r.try_get("", "network_id").unwrap(),
                r.try_get("", "year").unwrap(),
                r.try_get("", "number").unwrap(),
                r.try_get("", "reference").unwrap(),
            )
        })
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    for (network, year, number, reference) in &numbers {
        assert!(*number > 0 && *year > 2000, "from version {v}: request numbered");
        assert!(
            seen.insert((*network, *year, *number)),
            "from version {v}: number {year}-{number} given once"
        );
        let r = intercoop_domain::bank::Reference::parse(reference).expect("a valid reference");
        assert!(
            r.electronic().starts_with(&format!("{year}")),
            "from version {v}: {reference}"
        );
    }
    // Numbers without gaps: 1..=n in each network and year.
    let mut per: BTreeMap<(i64, i64), Vec<i64>> = BTreeMap::new();
    for (network, year, number, _) in &numbers {
        per.entry((*network, *year)).or_default().push(*number);
    }
    for (key, mut list) in per {
        list.sort_unstable();
        assert_eq!(
            list,
            (1..=list.len() as i64).collect::<Vec<_>>(),
            "from version {v}: numbers of {key:?}"
        );
    }
    // Each network counts its own size; each tie is in the network where its person is.
    let mut sizes = BTreeMap::new();
    for r in db
        .query_all(
            Query::select()
                .columns(["network_id", "organisation_id", "size"])
                .from("memberships"),
        )
        .await
        .unwrap()
    {
        let key = (
            r.try_get::<i64>("", "network_id").unwrap(),
            r.try_get::<i64>("", "organisation_id").unwrap(),
        );
        sizes.insert(key, r.try_get::<Option<i64>>("", "size").unwrap());
    }
    assert_eq!(sizes, f.expect.sizes, "from version {v}: memberships' sizes");
    let mut ties: Vec<(i64, i64, i64)> = db
        .query_all(
            Query::select()
                .columns(["network_id", "organisation_id", "person_id"])
                .from("network_affiliations"),
        )
        .await
        .unwrap()
        .into_iter()
        .map(|r| {
            (
                r.try_get::<i64>("", "network_id").unwrap(),
                r.try_get::<i64>("", "organisation_id").unwrap(),
                r.try_get::<i64>("", "person_id").unwrap(),
            )
        })
        .collect();
    ties.sort();
    let mut want = f.expect.ties.clone();
    want.sort();
    assert_eq!(ties, want, "from version {v}: ties, each in its network only");
    // The typed rows read as the app reads them (a word it does not know is an error).
    use sea_orm::EntityTrait;
    intercoop::entities::outbox_message::Entity::find()
        .all(db)
        .await
        .unwrap_or_else(|e| panic!("from version {v}: the outbox reads: {e}"));
    intercoop::entities::notification_setting::Entity::find()
        .all(db)
        .await
        .unwrap_or_else(|e| panic!("from version {v}: the notification settings read: {e}"));
    intercoop::entities::held_notice::Entity::find()
        .all(db)
        .await
        .unwrap_or_else(|e| panic!("from version {v}: the held notices read: {e}"));
    intercoop::entities::unsubscribe_token::Entity::find()
        .all(db)
        .await
        .unwrap_or_else(|e| panic!("from version {v}: the unsubscribe tokens read: {e}"));
    // Idempotency keys: each kept in its network (migration 13), and a person's key of
    // one network is free in another.
    let mut keys: Vec<(i64, i64, String)> = intercoop::entities::idempotency_key::Entity::find()
        .all(db)
        .await
        .unwrap_or_else(|e| panic!("from version {v}: the idempotency keys read: {e}"))
        .into_iter()
        .map(|k| (k.person_id, k.network_id, k.key))
        .collect();
    keys.sort();
    let mut want = f.expect.keys.clone();
    want.sort();
    assert_eq!(keys, want, "from version {v}: the idempotency keys and their networks");
    if let Some((person, _, key)) = f.expect.keys.first() {
        db.execute(
            Query::insert()
                .into_table(Alias::new("idempotency_keys"))
                .columns(
                    [
                        "person_id",
                        "network_id",
                        "key",
                        "request_hash",
                        "status_code",
                        "response_body",
                        "created_at",
                    ]
                    .map(Alias::new),
                )
                .values_panic([
                    (*person).into(),
                    f.expect.second_network.into(),
                    key.clone().into(),
                    "another request".into(),
                    201i64.into(),
                    "{}".into(),
                    f.now.into(),
                ]),
        )
        .await
        .unwrap_or_else(|e| panic!("from version {v}: one key in two networks: {e}"));
    }
    // Every job waiting has a handler (kinds of earlier versions included).
    let registry = intercoop::app::jobs();
    for j in intercoop::entities::job::Entity::find().all(db).await.unwrap() {
        assert!(
            registry.handler(&j.kind).is_some(),
            "from version {v}: job {} of kind {} has no handler",
            j.id,
            j.kind
        );
    }
    // Derived columns.
    for (id, interested) in &f.expect.interests {
        let row = db
            .query_one(
                Query::select()
                    .column(Alias::new("interest_count"))
                    .from(Alias::new("proposals"))
                    .and_where(Expr::col(Alias::new("id")).eq(*id)),
            )
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            row.try_get::<i64>("", "interest_count").unwrap(),
            *interested,
            "from version {v}: interest count of proposal {id}"
        );
    }
    for (id, (terms, participants, pledges)) in &f.expect.campaigns {
        let row = db
            .query_one(
                Query::select()
                    .columns(["covered_cents", "participant_count", "pledge_count", "digest_due"].map(Alias::new))
                    .from(Alias::new("campaigns"))
                    .and_where(Expr::col(Alias::new("id")).eq(*id)),
            )
            .await
            .unwrap()
            .unwrap();
        let shares = compute_shares(terms, participants).unwrap();
        let got = (
            row.try_get::<i64>("", "covered_cents").unwrap(),
            row.try_get::<i64>("", "participant_count").unwrap(),
            row.try_get::<i64>("", "pledge_count").unwrap(),
        );
        let want = (
            shares.covered.cents(),
            shares.participant_lines().count() as i64,
            *pledges,
        );
        assert_eq!(got, want, "from version {v}: summary of campaign {id}");
        assert_eq!(
            row.try_get::<bool>("", "digest_due").unwrap(),
            f.expect.digest_due[id],
            "from version {v}: digest mark of campaign {id}"
        );
    }
    for (id, kinds) in &f.expect.poll_kinds {
        let row = db
            .query_one(
                Query::select()
                    .column(Alias::new("organisation_kinds"))
                    .from(Alias::new("polls"))
                    .and_where(Expr::col(Alias::new("id")).eq(*id)),
            )
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            row.try_get::<String>("", "organisation_kinds").unwrap(),
            *kinds,
            "from version {v}: the kinds poll {id} counts"
        );
    }
    for (id, told) in &f.expect.notified {
        let row = db
            .query_one(
                Query::select()
                    .column(Alias::new("notified_cents"))
                    .from(Alias::new("pledges"))
                    .and_where(Expr::col(Alias::new("id")).eq(*id)),
            )
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            row.try_get::<Option<i64>>("", "notified_cents").unwrap(),
            *told,
            "from version {v}: share told to pledge {id}"
        );
    }
}

/// The real server on the upgraded database serves the fixture's administrator.
async fn serve(db: &DbArgs, version: i64, expect: &Expected) {
    let args = ServeArgs {
        db: db.clone(),
        bind: "127.0.0.1:0".into(),
        base_url: None,
        smtp_url: None,
        mail_from: "intercoop <noreply@test.example>".into(),
        log_json: false,
        no_worker: true,
        worker_interval_ms: 20,
        job_lease_seconds: 30,
        fault_job_pause: None,
        fault_request_pause: None,
        trusted_proxies: Vec::new(),
        session_idle_days: 30,
        session_max_days: 90,
        api_token_days: 90,
        lists_domain: None,
        inbound_smtp: None,
    };
    let running = intercoop::server::start(&args).await.unwrap();
    let base = running.state.config.base_url.clone();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let get = |path: String| {
        let http = http.clone();
        let url = format!("{base}{path}");
        async move {
            let r = http
                .get(&url)
                .header("cookie", format!("ic_session={ALICE_COOKIE}"))
                .header("accept-language", "en")
                .send()
                .await
                .unwrap();
            let status = r.status();
            let body = r.text().await.unwrap();
            assert_eq!(status, 200, "from version {version}: GET {url}\n{body}");
            body
        }
    };
    if version == 0 {
        // Nothing but the default network: the login page.
        get("/login".into()).await;
    } else {
        let list = get("/proposals".into()).await;
        for (id, title) in &expect.proposals {
            assert!(list.contains(title), "from version {version}: {title} in the list");
            let page = get(format!("/proposals/{id}")).await;
            assert!(page.contains(title), "from version {version}: {title} on its page");
        }
        let list = get("/polls".into()).await;
        for (id, title) in &expect.polls {
            assert!(list.contains(title), "from version {version}: {title} in the list");
            let page = get(format!("/polls/{id}")).await;
            assert!(page.contains(title), "from version {version}: {title} on its page");
        }
        if version >= 16 {
            let list = get("/meetings".into()).await;
            assert!(
                list.contains("Upgrade assembly"),
                "from version {version}: the meeting in the list"
            );
        }
        if let Some((meeting, document)) = expect.meeting_document {
            let page = get(format!("/meetings/{meeting}")).await;
            assert!(
                page.contains("Upgrade budget"),
                "from version {version}: the meeting's document\n{page}"
            );
            let file = get(format!("/meetings/{meeting}/documents/{document}")).await;
            assert_eq!(file, "Budget of the upgrade", "from version {version}: the file");
        }
        if let Some(message) = expect.outbox_file {
            let files = intercoop::notifications::attachments::of(&running.state.db.read, message)
                .await
                .unwrap();
            assert_eq!(files.len(), 1, "from version {version}: the message's file");
            assert!(files[0].data.starts_with(b"%PDF"), "from version {version}: its bytes");
        }
        // The network's lists: made by migration 23 for a network older than it.
        let lists = get("/lists".into()).await;
        assert!(
            lists.contains("upgrade-help@") && lists.contains("upgrade-logistics@"),
            "from version {version}: the default lists\n{lists}"
        );
        if let Some((list, _)) = expect.list_message {
            let archive = get(format!("/lists/{list}")).await;
            assert!(
                archive.contains("Upgrade question"),
                "from version {version}: the archive"
            );
        }
        if version >= 25 {
            // Alice (an administrator) reads the tree, the core circle's page included,
            // and the booklet.
            let docs = get("/docs".into()).await;
            for title in ["Welcome to the network", "How the core circle works"] {
                assert!(
                    docs.contains(title),
                    "from version {version}: {title} in the tree\n{docs}"
                );
            }
            let booklet = get("/docs/booklet".into()).await;
            assert!(
                booklet.contains("Revision 2."),
                "from version {version}: the booklet\n{booklet}"
            );
            // The search finds the pages written before migration 40 (the index built from
            // them) as after it (the triggers, the generated column), by a word's start.
            let found = get("/docs?q=CIRCL".into()).await;
            assert!(
                found.contains("How the core circle works") && !found.contains("Welcome to the network"),
                "from version {version}: the search\n{found}"
            );
            let found = get("/docs?q=revision".into()).await;
            assert!(
                found.contains("How the core circle works") && found.contains("Welcome to the network"),
                "from version {version}: the search\n{found}"
            );
        }
        if version >= 28 {
            // Alice (an administrator) reviews the waiting application, reads Alpha's
            // onboarding and the public page's settings.
            let list = get("/applications".into()).await;
            assert!(
                list.contains("Upgrade Applicant Coop"),
                "from version {version}: the applications\n{list}"
            );
            let settings = get("/settings/public".into()).await;
            assert!(
                settings.contains("Upgrade about **text**"),
                "from version {version}: the text\n{settings}"
            );
        }
        if version >= 27 {
            // The opportunity in the list, and its page with the team and the proposal.
            let list = get("/opportunities".into()).await;
            assert!(
                list.contains("Upgrade tender"),
                "from version {version}: the opportunity\n{list}"
            );
            let id: String = list
                .split("/opportunities/")
                .skip(1)
                .map(|rest| rest.chars().take_while(char::is_ascii_digit).collect::<String>())
                .find(|id| !id.is_empty())
                .unwrap();
            let page = get(format!("/opportunities/{id}")).await;
            assert!(
                page.contains("id=\"team\"") && page.contains("id=\"proposal\""),
                "from version {version}: the team and the proposal\n{page}"
            );
        }
        if let Some(image) = expect.logbook_image {
            let gif = get(format!("/logbook/images/{image}")).await;
            assert_eq!(gif, "GIF89a-upgrade", "from version {version}: the article's image");
            let feed = get("/logbook/feed/lf_upgrade-feed".into()).await;
            assert!(
                feed.contains("Upgrade news"),
                "from version {version}: the private feed\n{feed}"
            );
        }
        if version >= 29 {
            // The article, the issue it was sent as, and its subscriber (bounces kept).
            let logbook = get("/logbook".into()).await;
            assert!(
                logbook.contains("Upgrade news"),
                "from version {version}: the logbook\n{logbook}"
            );
            let newsletter = get("/newsletter".into()).await;
            assert!(
                newsletter.contains("Upgrade news") && newsletter.contains(", fr"),
                "from version {version}: the newsletter\n{newsletter}"
            );
            let subscribers = get("/newsletter/subscribers".into()).await;
            assert!(
                subscribers.contains("reader@upgrade.example"),
                "from version {version}: the subscribers\n{subscribers}"
            );
        }
        // The treasurer's pages read every version's money (migration 17).
        let money = get("/money".into()).await;
        assert!(
            money.contains("id=\"trial-balance\""),
            "from version {version}: the books\n{money}"
        );
        get("/money/requests".into()).await;
        // Alice's two API tokens (one revoked), read by person since migration 14.
        let tokens = get("/profile/tokens".into()).await;
        assert_eq!(
            tokens.matches("<h2>accounting sync</h2>").count(),
            2,
            "from version {version}: Alice's tokens\n{tokens}"
        );
    }
    running.stop().await;
}
