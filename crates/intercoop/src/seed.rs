//! `intercoop seed --scale N`: a realistic network, deterministic from a seed number,
//! written through the same domain code as the app (validation, audit log) so that
//! the data is valid. Scale 1 is Komunigi's size; scale 100 a federation.

use crate::audit::Actor;
use crate::db::Db;
use crate::error::AppError;
use crate::organisations::data::{self as orgs, OrganisationInput};
use crate::people::data::{self as people, InviteInput};
use sea_orm::{ConnectionTrait, TransactionTrait};
use std::time::Instant;

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
            polls: 40 * s,
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

/// Fills the database with a network of the given scale.
pub async fn seed(db: &Db, scale: u32, seed: u64) -> anyhow::Result<Seeded> {
    let started = Instant::now();
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
    seed_features(&txn, network_id, &out, sizes, &mut rng).await?;
    txn.commit().await?;
    tracing::info!(scale, seed, elapsed_ms = started.elapsed().as_millis() as u64, "seeded");
    Ok(out)
}

/// Feature areas add their data here, through their own domain code.
async fn seed_features<C: ConnectionTrait>(
    _conn: &C,
    _network_id: i64,
    _seeded: &Seeded,
    _sizes: Sizes,
    _rng: &mut Rng,
) -> anyhow::Result<()> {
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
