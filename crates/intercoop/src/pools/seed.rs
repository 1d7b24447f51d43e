//! Pooling in `intercoop seed`: a solidarity fund fed by each member organisation (a
//! periodic contribution) and a grant, and an open round on it with quadratic matching:
//! 20 buckets per scale unit up to 200 (a round's page then has the same size from
//! scale 10 on), each member organisation placing part of its allocation in three of
//! them, through the same writes as the pages and API.

use super::data::{self, ContributionIn, PoolIn};
use super::entities::allocation;
use super::rounds::{self, BucketIn, MatchingIn, RoundIn};
use crate::audit::Actor;
use crate::seed::Rng;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use time::format_description::well_known::Rfc3339;

const PROJECTS: [&str; 6] = [
    "Traduction de la documentation",
    "Module Odoo de caisse partagée",
    "Formation des nouvelles coopératrices",
    "Serveur mutualisé pour les petites coopératives",
    "Audit de sécurité commun",
    "Application mobile des commandes",
];

/// Seeds the network's pool and its open round (`members`: its member organisations;
/// `now`: the seed's present, between the round's opening and its close).
pub async fn seed<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    members: &[i64],
    scale: u32,
    rng: &mut Rng,
    now: time::OffsetDateTime,
) -> anyhow::Result<()> {
    if members.is_empty() {
        return Ok(());
    }
    let err = |e: crate::error::AppError| anyhow::anyhow!("pools seed: {e}");
    let input = PoolIn {
        name: "Fonds de solidarité".into(),
        description: Some("Ce que les membres mettent en commun pour des projets utiles à tous.".into()),
    };
    let pool = data::create(conn, Actor::SYSTEM, network_id, &input)
        .await
        .map_err(err)?;
    for &m in members {
        let input = ContributionIn {
            organisation_id: Some(m),
            amount_cents: 10_000 + 1_000 * rng.below(10) as i64,
            received: true,
            kind: Some("periodic".into()),
            note: None,
        };
        data::contribute(conn, Actor::SYSTEM, network_id, pool.id, &input)
            .await
            .map_err(err)?;
    }
    let grant = ContributionIn {
        organisation_id: None,
        amount_cents: 5_000_000 * scale.max(1) as i64 / 10,
        received: true,
        kind: Some("grant".into()),
        note: Some("Subvention régionale".into()),
    };
    data::contribute(conn, Actor::SYSTEM, network_id, pool.id, &grant)
        .await
        .map_err(err)?;
    let at = |days: i64| {
        (now + time::Duration::days(days))
            .format(&Rfc3339)
            .map_err(|e| anyhow::anyhow!("{e}"))
    };
    let input = RoundIn {
        pool_id: pool.id,
        title: "Projets communs".into(),
        description: Some("Placez votre part dans les projets que vous voulez voir réalisés.".into()),
        opens_at: at(-10)?,
        closes_at: at(20)?,
        allocation: "equal".into(),
        participants: None,
        returns: None,
        matching: Some(MatchingIn {
            kind: "quadratic".into(),
            pool_cents: grant.amount_cents,
            cap_cents: None,
        }),
    };
    let round = rounds::create(conn, Actor::SYSTEM, network_id, "Europe/Brussels", &input)
        .await
        .map_err(err)?;
    let n = (20 * scale.max(1) as usize).min(200);
    let mut buckets = Vec::with_capacity(n);
    for i in 0..n {
        let min = 10_000 * (5 + rng.below(20) as i64);
        let input = BucketIn {
            title: format!("{} ({})", rng.pick(&PROJECTS), i + 1),
            description: Some("Ce que le projet apporte aux membres, et qui le porte.".into()),
            breakdown: Some("Développement : 60 %\nFormation : 25 %\nCoordination : 15 %".into()),
            min_cents: min,
            max_cents: (i % 3 == 0).then_some(3 * min),
        };
        let b = rounds::create_bucket(conn, Actor::SYSTEM, network_id, round.id, &input)
            .await
            .map_err(err)?;
        buckets.push(b.id);
    }
    // Each participant places about half of its allocation in three buckets (never
    // above a maximum: a bucket gets about 1 % of the placements); the rest stays for
    // the placements still to come (bench/run places it).
    let participants = allocation::Entity::find()
        .filter(allocation::Column::RoundId.eq(round.id))
        .order_by_asc(allocation::Column::Id)
        .all(conn)
        .await?;
    for a in participants {
        let amount = (a.allocation_cents / 6 / 100) * 100;
        if amount == 0 {
            continue;
        }
        for k in 0..3 {
            // Three different buckets.
            let bucket = buckets[(rng.below(n as u64) as usize + k * n / 3) % n];
            super::placements::place(conn, Actor::SYSTEM, network_id, bucket, a.organisation_id, amount)
                .await
                .map_err(err)?;
        }
    }
    // The fictitious network's "round opened" and "48 h left" emails are never sent (as
    // the seeded meetings' invitations); the close at its instant stays.
    crate::entities::job::Entity::delete_many()
        .filter(crate::entities::job::Column::NetworkId.eq(network_id))
        .filter(crate::entities::job::Column::Kind.is_in([super::jobs::OPENED, super::jobs::REMIND]))
        .exec(conn)
        .await?;
    Ok(())
}
