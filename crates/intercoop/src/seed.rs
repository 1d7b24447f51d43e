//! `intercoop seed --scale N`: a realistic network, deterministic from a seed number,
//! written through the same domain code as the app (validation, audit log) so that
//! the data is valid. Scale 1 is Komunigi's size; scale 100 a federation.

use crate::audit::Actor;
use crate::db::Db;
use crate::error::AppError;
use crate::organisations::data::{self as orgs, OrganisationInput};
use crate::people::data::{self as people, InviteInput};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use std::time::Instant;

mod meetings;
mod money;

/// A small, fast, deterministic generator (SplitMix64): the same seed gives the same network.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// How much to create at a scale.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub organisations: usize,
    pub people: usize,
    pub proposals: usize,
    pub pledges: usize,
    pub polls: usize,
    pub ballots: usize,
}

impl Sizes {
    pub fn at(scale: u32) -> Sizes {
        let s = scale.max(1) as usize;
        Sizes {
            organisations: 15 * s,
            people: 60 * s,
            proposals: 50 * s,
            pledges: 300 * s,
            // 40 polls at Komunigi's size; at a federation's size fewer, larger polls
            // (each poll freezes its whole electorate when it opens).
            polls: (40 * s).min(400),
            ballots: 200 * s,
        }
    }
}

const CITIES: &[(&str, &str, &str)] = &[
    ("Bruxelles", "BE", "fr"),
    ("Liège", "BE", "fr"),
    ("Namur", "BE", "fr"),
    ("Gent", "BE", "nl"),
    ("Antwerpen", "BE", "nl"),
    ("Lille", "FR", "fr"),
    ("Lyon", "FR", "fr"),
    ("Grenoble", "FR", "fr"),
    ("Nantes", "FR", "fr"),
    ("Toulouse", "FR", "fr"),
    ("Genève", "CH", "fr"),
    ("Lausanne", "CH", "fr"),
    ("München", "DE", "de"),
    ("Berlin", "DE", "de"),
    ("Hamburg", "DE", "de"),
    ("Köln", "DE", "de"),
];
const WORDS: &[&str] = &[
    "La Ruche",
    "Le Panier",
    "L'Épi",
    "La Cagette",
    "Le Grenier",
    "Coop'Vrac",
    "La Fourmilière",
    "Le Cabas",
    "Marktgenossen",
    "Kornkammer",
    "De Korf",
    "Het Mandje",
    "La Coopé",
    "Le Comptoir",
];
const FIRST: &[&str] = &[
    "Anne", "Marc", "Julie", "Tom", "Sofia", "Hugo", "Léa", "Pieter", "Els", "Lena", "Jonas", "Nadia", "Luc", "Inès",
    "Paul", "Zoé", "Felix", "Hannah", "Karim", "Aïcha", "Olivier", "Camille", "Wout", "Mia",
];
const LAST: &[&str] = &[
    "Dubois", "Peeters", "Lambert", "Martin", "Garnier", "Huber", "Bauer", "Maes", "Claes", "Favre", "Roux", "Schulz",
    "Koch", "Girard", "Bonnet", "Meylan", "Janssens", "Wagner", "Fontaine", "Richter",
];
const SOFTWARE: &[&str] = &[
    "Odoo 12, cooperator, shift",
    "Odoo 16, cooperator",
    "Odoo 16, cooperator, shift",
    "Odoo 14, cooperator",
];

fn err(e: AppError) -> anyhow::Error {
    anyhow::anyhow!("seed: {e:?}")
}

/// What the seed made, for the command's report and for benchmarks.
#[derive(Debug, Default)]
pub struct Seeded {
    pub network_id: i64,
    pub organisations: Vec<i64>,
    pub people: Vec<i64>,
    pub admin_email: String,
}

/// How far back the seeded history goes.
const HISTORY: time::Duration = time::Duration::days(730);

/// When the i-th of n things happens: spread over the history, oldest first, the last today.
fn nth_of(today: time::OffsetDateTime, i: usize, n: usize) -> time::OffsetDateTime {
    today - HISTORY * ((n - 1 - i) as f64 / n.max(1) as f64)
}

/// Fills the database with a network of the given scale, with two years of history:
/// each proposal, pledge, closing, payment request and poll is written at its date.
/// The network is fictitious: its emails are not queued.
pub async fn seed(db: &Db, scale: u32, seed: u64) -> anyhow::Result<Seeded> {
    crate::mail::discarding(crate::clock::scoped(
        std::sync::Arc::new(crate::clock::ManualClock::new()),
        seed_now(db, scale, seed),
    ))
    .await
}

async fn seed_now(db: &Db, scale: u32, seed: u64) -> anyhow::Result<Seeded> {
    let started = Instant::now();
    let today = crate::db::now();
    // Organisations and people exist before the first seeded assembly (five years ago).
    crate::clock::set_current(today - meetings::YEARS - time::Duration::days(30));
    let sizes = Sizes::at(scale);
    let mut rng = Rng::new(seed);
    let txn = db.write.begin().await?;
    let slug = format!("scale-{scale}-{seed}");
    let network_id = crate::networks::create(
        &txn,
        &slug,
        &format!("Federation ×{scale}"),
        "",
        "fr",
        "Europe/Brussels",
        "EUR",
    )
    .await
    .map_err(err)?;
    let mut out = Seeded {
        network_id,
        admin_email: format!("admin@{slug}.example"),
        ..Default::default()
    };
    // The facilitator's administrator first.
    let admin = InviteInput {
        email: out.admin_email.clone(),
        name: "Claire Admin".into(),
        admin: "true".into(),
        core_circle: "true".into(),
        language: "fr".into(),
        ..Default::default()
    }
    .validate()
    .map_err(|e| err(AppError::Invalid(e)))?;
    out.people.push(
        people::ensure_person(&txn, Actor::SYSTEM, network_id, &admin)
            .await
            .map_err(err)?,
    );
    for i in 0..sizes.organisations {
        let (city, country, language) = *rng.pick(CITIES);
        let kind = match i % 15 {
            0 => "facilitator",
            1 | 2 => "provider",
            3 => "partner",
            _ => "user",
        };
        let input = OrganisationInput {
            name: format!("{} {city} {i}", rng.pick(WORDS)),
            kind: kind.into(),
            country: country.into(),
            language: language.into(),
            address: city.into(),
            size: (50 + rng.below(3000)).to_string(),
            software: rng.pick(SOFTWARE).to_string(),
            status: if i % 20 == 19 {
                "candidate".into()
            } else {
                "member".into()
            },
            level: if i % 7 == 6 { "observer".into() } else { "active".into() },
            ..Default::default()
        };
        let valid = input.validate().map_err(|e| err(AppError::Invalid(e)))?;
        out.organisations.push(
            orgs::create(&txn, Actor::SYSTEM, network_id, &valid)
                .await
                .map_err(err)?,
        );
    }
    // People: spread over the organisations, the first of each its representative.
    for i in 0..sizes.people.saturating_sub(1) {
        let org_index = i % out.organisations.len();
        let org = out.organisations[org_index];
        let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
        let inv = InviteInput {
            email: format!("person{i}@{slug}.example"),
            name,
            organisation_id: org.to_string(),
            representative: if i < out.organisations.len() {
                "true".into()
            } else {
                String::new()
            },
            core_circle: if i < 3 { "true".into() } else { String::new() },
            language: rng.pick(CITIES).2.into(),
            ..Default::default()
        }
        .validate()
        .map_err(|e| err(AppError::Invalid(e)))?;
        out.people.push(
            people::ensure_person(&txn, Actor::SYSTEM, network_id, &inv)
                .await
                .map_err(err)?,
        );
    }
    tracing::info!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "seeded organisations and people"
    );
    seed_features(&txn, network_id, &out, sizes, &mut rng, today).await?;
    money::seed_money(&txn, network_id, &mut rng, today).await?;
    meetings::seed_meetings(&txn, network_id, &out, &mut rng, today).await?;
    // The mutual-help list's archive: 1 000 messages per scale unit.
    crate::lists::seed::seed(&txn, network_id, &out.people, 1000 * scale.max(1) as usize)
        .await
        .map_err(err)?;
    crate::documentation::seed::seed(
        &txn,
        network_id,
        &out.people[..3.min(out.people.len())],
        scale,
        &mut rng,
    )
    .await?;
    let members: Vec<i64> = crate::organisations::data::member_choices(&txn, network_id)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .into_iter()
        .map(|m| m.id)
        .collect();
    crate::work::seed::seed(&txn, network_id, &members, scale, &mut rng, today.date()).await?;
    crate::logbook::seed::seed(
        &txn,
        network_id,
        &out.people[..3.min(out.people.len())],
        scale,
        &mut rng,
    )
    .await?;
    crate::clock::set_current(today);
    // Applications to join and the public page (after the fees: an acceptance asks the
    // first one).
    crate::joining::seed::seed(&txn, network_id, &out.people, scale, &mut rng).await?;
    // A pool and its open round (after the fees, at today's date: it takes placements).
    crate::pools::seed::seed(&txn, network_id, &members, scale, &mut rng, today).await?;
    seed_settings(&txn, network_id, &out, &mut rng).await?;
    txn.commit().await?;
    // Statistics for the query planner, as a real network's would have.
    db.optimize(true).await?;
    tracing::info!(scale, seed, elapsed_ms = started.elapsed().as_millis() as u64, "seeded");
    Ok(out)
}

/// What people chose for their emails (one in five changed something: the digest for
/// new proposals, no reminders, …), and the few jobs that failed for good and wait for
/// an administrator (three, at every scale: failures are rare).
async fn seed_settings<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    seeded: &Seeded,
    rng: &mut Rng,
) -> anyhow::Result<()> {
    use crate::notifications::{Kind, Mode, preferences};
    let choices = [
        (Kind::ProposalPosted, Mode::Digest),
        (Kind::PollReminder, Mode::Never),
        (Kind::CampaignOpened, Mode::Digest),
        (Kind::ShareDigest, Mode::Never),
    ];
    for person in seeded.people.iter().skip(1).step_by(5) {
        let (kind, mode) = *rng.pick(&choices);
        preferences::set_mode(conn, *person, network_id, kind, mode)
            .await
            .map_err(err)?;
    }
    seed_api_tokens(conn, network_id, seeded).await?;
    let now = crate::clock::now();
    for error in ["SMTP 451: try again later", "campaign 0 is gone", "the bank is down"] {
        crate::entities::job::ActiveModel {
            kind: Set("proposals.close_campaign".into()),
            payload: Set(r#"{"campaign_id":0}"#.into()),
            network_id: Set(Some(network_id)),
            run_at: Set(now),
            status: Set(crate::jobs::JobStatus::Failed.into()),
            attempts: Set(8),
            max_attempts: Set(8),
            last_error: Set(Some(error.into())),
            created_at: Set(now),
            updated_at: Set(now),
            finished_at: Set(Some(now)),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

/// API tokens (`/profile/tokens`): the administrator has a script's, a revoked one
/// and an expired one; one person in ten has one (made within the last 90 days, so
/// valid), as people who script against the API would.
async fn seed_api_tokens<C: ConnectionTrait>(conn: &C, network_id: i64, seeded: &Seeded) -> anyhow::Result<()> {
    use crate::entities::api_token;
    use sea_orm::sea_query::Expr;
    let now = crate::clock::now();
    let Some((&admin, others)) = seeded.people.split_first() else {
        return Ok(());
    };
    let made = |days_ago: i64| now - time::Duration::days(days_ago);
    for (name, days_ago, revoked) in [
        ("Accounting export", 10, false),
        ("Old laptop", 60, true),
        ("Spreadsheet 2024", 200, false),
    ] {
        crate::clock::set_current(made(days_ago));
        let secret = crate::auth::create_api_token(conn, admin, network_id, name)
            .await
            .map_err(err)?;
        if revoked {
            api_token::Entity::update_many()
                .col_expr(api_token::Column::RevokedAt, Expr::val(Some(made(days_ago - 5))))
                .filter(api_token::Column::TokenHash.eq(crate::auth::tokens::hash_token(&secret)))
                .exec(conn)
                .await?;
        }
    }
    for (i, person) in others.iter().enumerate().step_by(10) {
        crate::clock::set_current(made((i % 80) as i64));
        crate::auth::create_api_token(conn, *person, network_id, "Import script")
            .await
            .map_err(err)?;
    }
    crate::clock::set_current(now);
    Ok(())
}

/// Proposals, quotes, campaigns, pledges, payment requests, polls and ballots, through
/// the features' own code (validation, lifecycle, audit log).
async fn seed_features<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    seeded: &Seeded,
    sizes: Sizes,
    rng: &mut Rng,
    today: time::OffsetDateTime,
) -> anyhow::Result<()> {
    use crate::access::Doer;
    use crate::clock::set_current as set_clock;
    use crate::funding::terms::CampaignBody;
    use crate::proposals::needs::ProposalInput;
    use crate::proposals::quotes::QuoteInput;
    use crate::proposals::{cofunding, data as proposals, needs, quotes};
    use intercoop_domain::sharing::SharingKey;
    use intercoop_domain::{Role, RoleSet};

    let started = Instant::now();
    let admin = Doer {
        person_id: Some(seeded.people[0]),
        roles: RoleSet::default().with(Role::Administrator).with(Role::CoreCircle),
        ..Doer::default()
    };
    let orgs = &seeded.organisations;
    // Kinds follow the index (see `seed`): 1 and 2 of every 15 are providers; users from 4.
    let users: Vec<i64> = orgs
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 15 >= 4 && i % 20 != 19 && i % 7 != 6)
        .map(|(_, id)| *id)
        .collect();
    let providers: Vec<i64> = orgs
        .iter()
        .enumerate()
        .filter(|(i, _)| matches!(i % 15, 1 | 2))
        .map(|(_, id)| *id)
        .collect();
    let needs = [
        "Print shelf labels from Odoo",
        "Deposit management for bottles",
        "Shift swap from the phone",
        "Cooperator share certificates",
        "Faster point of sale",
        "Accounting exports",
        "QR member card",
        "Migration to Odoo 17",
        "Reminder emails before shifts",
        "Configurable share subscription form",
    ];
    let funding_campaigns = (sizes.proposals / 2).max(1);
    let pledges_each = (sizes.pledges / funding_campaigns).clamp(2, users.len().max(2));
    for i in 0..sizes.proposals {
        let created = nth_of(today, i, sizes.proposals);
        set_clock(created);
        let requester = *rng.pick(&users);
        let input = ProposalInput {
            title: format!("{} #{i}", rng.pick(&needs)),
            description: "A need shared by several cooperatives.\n\n- what it does\n- who asked".into(),
            software: rng.pick(SOFTWARE).to_string(),
            links: String::new(),
            requested_by: requester.to_string(),
            draft: false,
        };
        let valid = input.validate().map_err(|e| err(AppError::Invalid(e)))?;
        let id = needs::create(conn, &admin, network_id, &valid).await.map_err(err)?;
        let stage = i % 10;
        if stage < 3 {
            continue; // in discussion
        }
        let p = proposals::get(conn, network_id, id).await.map_err(err)?;
        let quote = QuoteInput {
            provider_id: *rng.pick(&providers),
            // 300 to 50 299 €: at most 5 029 900 cents, far from overflowing.
            amount_cents: (300 + rng.below(50_000) as i64) * 100,
            vat_basis_points: 2100,
            hours: Some(5 + rng.below(200) as i64),
            valid_until: None,
            milestones: Vec::new(),
            note: String::new(),
        };
        let q = quotes::add_quote(conn, &admin, &p, &quote).await.map_err(err)?;
        if stage == 3 {
            continue; // quoted
        }
        let p = proposals::get(conn, network_id, id).await.map_err(err)?;
        let deadline = created + time::Duration::days(30);
        let body = CampaignBody {
            amount_cents: None,
            quote_id: Some(q.id),
            key: if i % 2 == 0 {
                SharingKey::Equal
            } else {
                SharingKey::Size
            },
            fixed: Vec::new(),
            deadline: Some(deadline),
            // One campaign in seven asks for more participants than it will find, and lapses.
            min_participants: Some(if i % 7 == 0 { pledges_each as i64 + 1 } else { 2 }),
            catch_up_years: None,
            reserve_id: None,
        };
        cofunding::open_campaign(conn, &admin, &p, &body, None)
            .await
            .map_err(err)?;
        let p = proposals::get(conn, network_id, id).await.map_err(err)?;
        let start = rng.below(users.len() as u64) as usize;
        for k in 0..pledges_each {
            set_clock(created + time::Duration::hours(1 + k as i64));
            let org = users[(start + k * 7) % users.len()];
            let cap = (k % 5 == 4).then_some(quote.amount_cents);
            // Two picks can land on the same organisation in a small network: one pledge each.
            match crate::funding::pledging::pledge(conn, &admin, p.network_id, p.id, org, cap).await {
                Ok(_) | Err(AppError::Conflict(_)) => {}
                Err(e) => return Err(err(e)),
            }
        }
        // Closed on demand a few days in, or at the deadline once it has passed; the
        // campaigns of the last 30 days stay open.
        let closing = if stage == 9 {
            Some(created + time::Duration::days(3))
        } else {
            Some(deadline)
        }
        .filter(|at| *at < today);
        if let Some(at) = closing {
            set_clock(at);
            cofunding::close(conn, &admin, &p).await.map_err(err)?;
        }
    }
    set_clock(today);
    tracing::info!(
        elapsed_ms = started.elapsed().as_millis() as u64,
        "seeded proposals and co-fundings"
    );
    seed_polls(conn, network_id, sizes, rng, today).await?;
    set_clock(today);
    tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "seeded polls");
    // The seeded network is fictitious: its announcements and digests are not sent (its
    // other emails were never queued: see `seed`). Only this network's rows: a seed may
    // share the database with a real network.
    use crate::funding::entities::campaign;
    use crate::proposals::entities::proposal;
    let now = crate::db::now();
    proposal::Entity::update_many()
        .col_expr(proposal::Column::AnnouncedAt, sea_orm::sea_query::Expr::val(now))
        .filter(proposal::Column::NetworkId.eq(network_id))
        .exec(conn)
        .await?;
    campaign::Entity::update_many()
        .col_expr(campaign::Column::AnnouncedAt, sea_orm::sea_query::Expr::val(now))
        .filter(campaign::Column::NetworkId.eq(network_id))
        .exec(conn)
        .await?;
    crate::funding::digest::take_changes(conn, Some(network_id))
        .await
        .map_err(err)?;
    Ok(())
}

/// Polls of every method, opened, with ballots; half of them closed (every other round
/// of the methods, so that each method has open and closed polls).
async fn seed_polls<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    sizes: Sizes,
    rng: &mut Rng,
    today: time::OffsetDateTime,
) -> anyhow::Result<()> {
    use crate::polls::data as polls;
    use crate::polls::input::PollInput;
    use intercoop_domain::voting::{BallotContent, Choice};
    use std::collections::{BTreeMap, BTreeSet};
    let methods = [
        "decision",
        "consent",
        "approval",
        "points",
        "schulze",
        "majority_judgment",
    ];
    let per_poll = (sizes.ballots / sizes.polls.max(1)).max(1);
    for i in 0..sizes.polls {
        let opened = nth_of(today, i, sizes.polls);
        crate::clock::set_current(opened);
        let method = methods[i % methods.len()];
        let input = PollInput {
            title: format!("Poll {i}: what do we decide?"),
            method: method.into(),
            options: (1..=5).map(|k| format!("Option {k}")).collect(),
            quorum_percent: (method == "decision").then_some(10),
            ..Default::default()
        };
        let valid = input.validate().map_err(|e| err(AppError::Invalid(e)))?;
        let id = polls::create(conn, Actor::SYSTEM, network_id, &valid)
            .await
            .map_err(err)?;
        crate::polls::life::open(conn, Actor::SYSTEM, network_id, id)
            .await
            .map_err(err)?;
        let full = polls::get(conn, network_id, id).await.map_err(err)?;
        let n = full.options.len();
        for e in crate::polls::electorate::electorate(conn, id)
            .await
            .map_err(err)?
            .iter()
            .take(per_poll)
        {
            let content = match method {
                "decision" => {
                    BallotContent::Choice(*rng.pick(&[Choice::Yes, Choice::Yes, Choice::No, Choice::Abstain]))
                }
                "consent" => BallotContent::Consent { objection: None },
                "approval" => BallotContent::Approvals((0..n).filter(|_| rng.below(2) == 0).collect::<BTreeSet<_>>()),
                "points" => BallotContent::Points(BTreeMap::from([(rng.below(n as u64) as usize, 10)])),
                "schulze" => {
                    let mut order: Vec<usize> = (0..n).collect();
                    order.rotate_left(rng.below(n as u64) as usize);
                    BallotContent::Ranking(order)
                }
                _ => BallotContent::Grades((0..n).map(|o| (o, rng.below(6) as u8)).collect()),
            };
            crate::polls::ballots::store_ballot(conn, &full, e, &content, e.person_id.unwrap_or(0), None)
                .await
                .map_err(err)?;
        }
        if (i / methods.len()) % 2 == 1 {
            crate::clock::set_current(opened + time::Duration::days(7).min(today - opened));
            crate::polls::life::close(conn, Actor::SYSTEM, network_id, id)
                .await
                .map_err(err)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_deterministic() {
        let a: Vec<u64> = (0..5).scan(Rng::new(7), |r, _| Some(r.next_u64())).collect();
        let b: Vec<u64> = (0..5).scan(Rng::new(7), |r, _| Some(r.next_u64())).collect();
        assert_eq!(a, b);
        assert_ne!(
            a,
            (0..5).scan(Rng::new(8), |r, _| Some(r.next_u64())).collect::<Vec<_>>()
        );
        let mut r = Rng::new(1);
        assert!((0..1000).all(|_| r.below(10) < 10));
    }

    #[test]
    fn scale_100_is_a_federation() {
        let s = Sizes::at(100);
        assert_eq!(
            (s.organisations, s.people, s.proposals, s.pledges),
            (1500, 6000, 5000, 30000)
        );
    }
}
