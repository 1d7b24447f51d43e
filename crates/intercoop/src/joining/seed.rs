//! Joining in `intercoop seed`: the network's text about itself (French and English),
//! four in five member organisations listed on the public page at their city, and
//! applications through the same writes as the form and the review: per scale unit,
//! three waiting (with a comment), two declined and one unconfirmed; and one accepted,
//! whose organisation's onboarding has begun.

use super::data::{self, ApplicationForm};
use super::entities::listing;
use crate::audit::Actor;
use crate::entities::{membership, network, organisation};
use crate::error::AppError;
use crate::seed::Rng;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// The seed's cities and where they are (millionths of a degree).
const PLACES: [(&str, i64, i64); 16] = [
    ("Bruxelles", 50_850_300, 4_351_700),
    ("Liège", 50_632_600, 5_579_700),
    ("Namur", 50_467_400, 4_871_800),
    ("Gent", 51_054_300, 3_717_400),
    ("Antwerpen", 51_219_400, 4_402_500),
    ("Lille", 50_629_200, 3_057_300),
    ("Lyon", 45_764_000, 4_835_700),
    ("Grenoble", 45_188_500, 5_724_500),
    ("Nantes", 47_218_400, -1_553_600),
    ("Toulouse", 43_604_700, 1_444_200),
    ("Genève", 46_204_400, 6_143_200),
    ("Lausanne", 46_519_700, 6_632_300),
    ("München", 48_135_100, 11_582_000),
    ("Berlin", 52_520_000, 13_405_000),
    ("Hamburg", 53_551_100, 9_993_700),
    ("Köln", 50_937_500, 6_960_300),
];

const ABOUT_FR: &str = "Nous sommes des **supermarchés coopératifs** qui décident ensemble \
des logiciels qu'ils font développer, et qui en partagent le coût.\n\n\
- une assemblée chaque mois ;\n- un cercle cœur élu qui prépare les décisions ;\n\
- des listes d'entraide entre coopératives.";
const ABOUT_EN: &str = "We are **cooperative supermarkets** who decide together which \
software to have developed, and share its cost.\n\n\
- an assembly every month;\n- an elected core circle that prepares decisions;\n\
- mutual-help lists between cooperatives.";

fn err(e: AppError) -> anyhow::Error {
    anyhow::anyhow!("{e}")
}

/// Seeds joining for the network (`people[0]`: the administrator, of the core circle).
pub async fn seed<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    people: &[i64],
    scale: u32,
    rng: &mut Rng,
) -> anyhow::Result<()> {
    for (lang, body) in [(crate::i18n::Lang::Fr, ABOUT_FR), (crate::i18n::Lang::En, ABOUT_EN)] {
        crate::public::data::save_about(conn, network_id, lang, body, people[0])
            .await
            .map_err(err)?;
    }
    // Listings: the members, four in five listed, at their city.
    let members = membership::Entity::find()
        .filter(membership::Column::NetworkId.eq(network_id))
        .all(conn)
        .await?;
    let ids: Vec<i64> = members.iter().map(|m| m.organisation_id).collect();
    let orgs = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(ids))
        .all(conn)
        .await?;
    let now = crate::db::now();
    let rows: Vec<listing::ActiveModel> = orgs
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let place = PLACES.iter().find(|p| p.0 == o.address);
            listing::ActiveModel {
                network_id: Set(network_id),
                organisation_id: Set(o.id),
                listed: Set(i % 5 != 4),
                city: Set(o.address.clone()),
                latitude_e6: Set(place.map(|p| p.1)),
                longitude_e6: Set(place.map(|p| p.2)),
                updated_at: Set(now),
                ..Default::default()
            }
        })
        .collect();
    crate::db::insert_all(conn, rows).await?;
    // Applications, as the form takes them.
    let n = network::Entity::find_by_id(network_id)
        .one(conn)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no network {network_id}"))?;
    let per_scale = scale.max(1) as usize;
    let mut pending = Vec::new();
    for i in 0..7 * per_scale {
        let (city, _, _) = PLACES[rng.below(PLACES.len() as u64) as usize];
        let form = ApplicationForm {
            kind: if i % 6 == 5 { "provider".into() } else { "user".into() },
            name: format!("Coopérative candidate {i}"),
            country: "BE".into(),
            city: city.into(),
            size: (100 + rng.below(2000)).to_string(),
            software: "Odoo 16\nshift".into(),
            contact_name: format!("Candidate {i}"),
            contact_email: format!("candidate{i}@applicants.example"),
            contact_language: ["fr", "nl", "de", "en"][i % 4].into(),
            level: if i % 3 == 0 { "observer".into() } else { "active".into() },
            motivation: "Nous voulons mutualiser nos développements et apprendre des autres coopératives.".into(),
            ..ApplicationForm::default()
        };
        let valid = form.validate(false).map_err(|e| err(AppError::Invalid(e)))?;
        let id = match data::take(conn, &n, &valid).await.map_err(err)? {
            data::Taken::New(id) | data::Taken::Again(id) => id,
        };
        // One in seven stays unconfirmed.
        if i % 7 == 6 {
            continue;
        }
        let a = super::entities::application::Entity::find_by_id(id)
            .one(conn)
            .await?
            .ok_or_else(|| anyhow::anyhow!("application {id}"))?;
        data::confirm(conn, a).await.map_err(err)?;
        data::add_comment(
            conn,
            network_id,
            id,
            people[0],
            "Vu en réunion du cercle cœur : à inviter à l'assemblée.",
        )
        .await
        .map_err(err)?;
        pending.push(id);
    }
    let actor = Actor::person(people[0]);
    let decision = super::decide::DecisionIn::default();
    // Two in six declined, one accepted; the rest wait for the review.
    for (k, id) in pending.iter().enumerate() {
        match k % 6 {
            1 | 4 => super::decide::decline(conn, actor, network_id, *id, &decision)
                .await
                .map_err(err)?,
            _ => {}
        }
    }
    if let Some(first) = pending.first() {
        super::decide::accept(conn, "", actor, "Claire Admin", &n, *first, &decision)
            .await
            .map_err(err)?;
    }
    Ok(())
}
