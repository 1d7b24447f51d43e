//! The seed's list messages (`intercoop seed`): threads in the mutual-help list, written
//! through [`super::messages::store`] as posted on the web (deliveries dropped: the seed
//! discards its emails), 1 000 messages per scale unit (100 000 at scale 100, the
//! archive search's benchmark), each thread a question and a few answers.

use super::data;
use super::messages::{self, NewMessage};
use crate::error::AppResult;
use sea_orm::ConnectionTrait;

const TOPICS: &[&str] = &[
    "étiquettes",
    "caisse",
    "balance",
    "inventaire",
    "fournisseur",
    "cotisation",
    "bénévoles",
    "planning",
    "commande",
    "facture",
    "stock",
    "Odoo",
    "imprimante",
    "adhésion",
    "livraison",
    "comptabilité",
];

const OPENINGS: &[&str] = &[
    "Comment faites-vous pour",
    "Quelqu'un a-t-il déjà configuré",
    "Nous cherchons une solution pour",
    "Petite question sur",
];

const ANSWERS: &[&str] = &[
    "Chez nous, nous utilisons le module standard et cela fonctionne bien.",
    "Nous avons eu le même souci l'an dernier : la mise à jour l'a réglé.",
    "Il faut vérifier la configuration dans les paramètres, puis relancer.",
    "Je vous envoie notre documentation en privé.",
];

/// Writes `count` messages in the network's first list, by the first 200 of the given
/// people in turn (deterministic: four messages a thread, sixteen topics in turn).
pub async fn seed<C: ConnectionTrait>(conn: &C, network_id: i64, people: &[i64], count: usize) -> AppResult<()> {
    use crate::entities::person;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let Some(list) = data::all(conn, network_id).await?.into_iter().next() else {
        return Ok(());
    };
    let people: Vec<(i64, String, String)> = person::Entity::find()
        .filter(person::Column::Id.is_in(people.iter().take(200).copied()))
        .order_by_asc(person::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name, p.email))
        .collect();
    if people.is_empty() {
        return Ok(());
    }
    let mut parent: Option<String> = None;
    for i in 0..count {
        let (person, name, email) = &people[i % people.len()];
        let topic = TOPICS[(i / 4) % TOPICS.len()];
        // A thread every four messages: a question, then three answers.
        let (subject, body, replies_to) = if i % 4 == 0 {
            let body = format!(
                "{} {topic} ? Nous avons essayé avec Odoo mais le résultat n'est pas encore bon (message {i}).",
                OPENINGS[i % OPENINGS.len()]
            );
            (format!("{topic} : une question ({i})"), body, Vec::new())
        } else {
            let body = format!("{} À propos de {topic} (message {i}).", ANSWERS[i % ANSWERS.len()]);
            (
                format!("Re: {topic} : une question ({})", i - i % 4),
                body,
                parent.iter().cloned().collect(),
            )
        };
        let message_id = format!("seed-{network_id}-{i}@seed.example");
        let new = NewMessage {
            subject,
            body_html: super::inbound::text_html(&body),
            body_text: body,
            author_id: Some(*person),
            from_address: email.clone(),
            from_name: name.clone(),
            message_id: message_id.clone(),
            replies_to,
            source: "web",
            attachments: Vec::new(),
        };
        messages::store(conn, &list, new, None).await?;
        if i % 4 == 0 {
            parent = Some(message_id);
        }
    }
    Ok(())
}
