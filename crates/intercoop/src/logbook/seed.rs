//! The logbook of `intercoop seed`: two years of articles (about two a month), three in
//! four public, through the same write as the pages and API. Scale 1: 48 articles;
//! scale 10 and more: 200 (the list and the feed show the 50 newest).

use super::data::{self, ArticleInput};
use crate::audit::Actor;
use crate::seed::Rng;
use sea_orm::ConnectionTrait;

const TOPICS: [&str; 6] = [
    "Assemblée mensuelle",
    "Mise à jour d'Odoo",
    "Visite d'un supermarché",
    "Formation des caissiers",
    "Co-financement réussi",
    "Bilan du trimestre",
];

/// Writes the articles of a network (with an author from `authors`).
pub async fn seed<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    authors: &[i64],
    scale: u32,
    rng: &mut Rng,
) -> anyhow::Result<()> {
    let count = if scale >= 10 { 200 } else { 48 };
    for n in 0..count {
        let topic = TOPICS[n % TOPICS.len()];
        let title = format!("{topic} ({})", n + 1);
        let paragraphs = 2 + rng.below(4);
        let mut body = format!("## {topic}\n\n");
        for p in 0..paragraphs {
            body.push_str(&format!(
                "Paragraphe {}: le réseau a avancé sur **{}**. Les supermarchés de Bruxelles, Liège et \
                 Genève en ont parlé sur la liste d'entraide ; le cercle cœur en rend compte ici.\n\n",
                p + 1,
                topic.to_lowercase()
            ));
        }
        body.push_str("- ce qui a marché\n- ce qui reste à faire\n");
        let input = ArticleInput {
            title,
            body_markdown: body,
            visibility: if n % 4 == 3 { "members" } else { "public" }.into(),
        };
        let actor = Actor {
            person_id: authors.get(rng.below(authors.len().max(1) as u64) as usize).copied(),
        };
        data::create(conn, actor, network_id, &input)
            .await
            .map_err(|e| anyhow::anyhow!("logbook seed: {e}"))?;
    }
    Ok(())
}
