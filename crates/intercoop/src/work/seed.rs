//! Work sharing in `intercoop seed`: 20 opportunities per scale unit (tenders and
//! clients' requests over the last and the next year), each with three members'
//! interests, two in three teamed by capacity with a finder's fee in one in four,
//! through the same writes as the pages and API.

use super::data::{InterestIn, OpportunityIn, TeamIn, TeamMemberIn};
use super::write;
use crate::audit::Actor;
use crate::seed::Rng;
use sea_orm::ConnectionTrait;

const WORK: [&str; 6] = [
    "Site web d'une coopérative d'habitants",
    "Migration Odoo pour une épicerie",
    "Application de réservation de vélos",
    "Audit d'accessibilité d'un portail public",
    "Boutique en ligne d'une brasserie",
    "Tableau de bord pour une AMAP",
];
const SKILLS: [&str; 6] = ["Rust", "Odoo", "design", "accessibilité", "Python", "gestion de projet"];

/// Seeds the network's opportunities (`members`: its member organisations).
pub async fn seed<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    members: &[i64],
    scale: u32,
    rng: &mut Rng,
    today: time::Date,
) -> anyhow::Result<()> {
    if members.len() < 4 {
        return Ok(());
    }
    let err = |e: crate::error::AppError| anyhow::anyhow!("work sharing seed: {e}");
    let n = 20 * scale.max(1) as usize;
    for i in 0..n {
        let poster = *rng.pick(members);
        let starts_on = today + time::Duration::days(rng.below(720) as i64 - 360);
        let ends_on = starts_on + time::Duration::days(30 + rng.below(120) as i64);
        let days = 10 + rng.below(90) as i64;
        let finder = (i % 4 == 0).then(|| *rng.pick(members));
        let input = OpportunityIn {
            organisation_id: poster,
            title: format!("{} ({})", rng.pick(&WORK), i + 1),
            scope_markdown:
                "## Contexte\n\nLe client demande un devis. **Livrables** : maquettes, développement, formation.".into(),
            budget_cents: (days * (40_000 + rng.below(30_000) as i64) / 100) * 100,
            days,
            starts_on,
            ends_on,
            skills: vec![rng.pick(&SKILLS).to_string(), rng.pick(&SKILLS).to_string()],
            finder_organisation_id: finder,
            finder_fee_basis_points: finder.map(|_| 500),
        };
        let id = write::create(conn, Actor::SYSTEM, network_id, &input)
            .await
            .map_err(err)?;
        let mut team = Vec::new();
        while team.len() < 3 {
            let m = *rng.pick(members);
            if !team.contains(&m) {
                team.push(m);
            }
        }
        for m in &team {
            let interest = InterestIn {
                organisation_id: *m,
                capacity_days: 5 + rng.below(25) as i64,
                available_from: starts_on,
                available_to: ends_on,
                day_rate_cents: 40_000 + rng.below(20) as i64 * 1_000,
                skills: vec![rng.pick(&SKILLS).to_string()],
            };
            write::declare(conn, Actor::SYSTEM, network_id, id, &interest)
                .await
                .map_err(err)?;
        }
        if i % 3 != 2 {
            let t = TeamIn {
                basis: "capacity".into(),
                members: team
                    .iter()
                    .map(|m| TeamMemberIn {
                        organisation_id: *m,
                        share: None,
                    })
                    .collect(),
            };
            write::form_team(conn, Actor::SYSTEM, network_id, id, &t)
                .await
                .map_err(err)?;
        }
    }
    Ok(())
}
