//! The documentation space of `intercoop seed`: a welcome booklet of six chapters, a
//! how-to per software and task, and the core circle's own pages, with a few revisions
//! each (as a network's pages grow), through the same writes as the pages and API.
//! Scale 1: about 20 pages; scale 10 and more: about 200.

use super::data::{self, PageInput};
use crate::audit::Actor;
use crate::seed::Rng;
use sea_orm::ConnectionTrait;

const BOOKLET: [&str; 6] = [
    "Bienvenue dans le réseau",
    "Comment se passe une assemblée mensuelle",
    "Le cercle cœur et ses mandats",
    "Proposer un développement et le co-financer",
    "Les listes d'entraide et de logistique",
    "Payer sa cotisation",
];
const SOFTWARE: [&str; 5] = [
    "Odoo 16",
    "Odoo 17",
    "le module de shifts",
    "la caisse",
    "le portail membres",
];
const TASKS: [&str; 4] = ["installer", "mettre à jour", "sauvegarder", "dépanner"];

/// A page's Markdown: a heading, paragraphs, a list of steps (about 1.5 kB).
fn body(title: &str, rng: &mut Rng) -> String {
    let steps = 3 + rng.below(5);
    let mut out = format!(
        "# {title}\n\nCette page explique {title_lower}. Elle est tenue par le cercle cœur ; \
         corrigez-la quand elle n'est plus vraie.\n\n## Étapes\n\n",
        title_lower = title.to_lowercase()
    );
    for i in 1..=steps {
        out.push_str(&format!(
            "{i}. Étape {i} : vérifier la configuration, noter le résultat dans le journal de bord \
             et prévenir la liste logistique.\n"
        ));
    }
    out.push_str(
        "\n## À savoir\n\nLes supermarchés de Bruxelles, Liège et Genève suivent la même procédure. \
         En cas de doute, posez la question sur la liste d'entraide : quelqu'un a déjà eu le problème.\n",
    );
    out
}

/// Writes the pages of a network (with an author from `authors`).
pub async fn seed<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    authors: &[i64],
    scale: u32,
    rng: &mut Rng,
) -> anyhow::Result<()> {
    let err = |e: crate::error::AppError| anyhow::anyhow!("documentation seed: {e}");
    let author = |rng: &mut Rng| Actor {
        person_id: authors.get(rng.below(authors.len().max(1) as u64) as usize).copied(),
    };
    let page = |title: &str, body: String, visibility: &str, parent: Option<i64>, booklet: Option<i64>| PageInput {
        title: title.to_string(),
        body_markdown: body,
        visibility: visibility.to_string(),
        parent_id: parent,
        booklet_position: booklet,
        ..PageInput::default()
    };
    let mut written = Vec::new();
    for (i, title) in BOOKLET.iter().enumerate() {
        let b = body(title, rng);
        let input = page(title, b, "members", None, Some(i as i64 + 1));
        let id = data::create(conn, author(rng), network_id, &input).await.map_err(err)?;
        written.push((id, input));
    }
    let public = page("Qui sommes-nous", body("Qui sommes-nous", rng), "public", None, None);
    data::create(conn, author(rng), network_id, &public)
        .await
        .map_err(err)?;
    let core = data::create(
        conn,
        author(rng),
        network_id,
        &page("Cercle cœur", body("Cercle cœur", rng), "core", None, None),
    )
    .await
    .map_err(err)?;
    let how_tos = if scale >= 10 { 190 } else { 12 };
    let mut sections = Vec::new();
    for software in SOFTWARE {
        let title = format!("Modes d'emploi : {software}");
        let b = body(&title, rng);
        sections.push(
            data::create(conn, author(rng), network_id, &page(&title, b, "members", None, None))
                .await
                .map_err(err)?,
        );
    }
    for n in 0..how_tos {
        let (software, task) = (SOFTWARE[n % SOFTWARE.len()], TASKS[(n / SOFTWARE.len()) % TASKS.len()]);
        let title = format!("{} {software} ({})", capitalised(task), n + 1);
        let (parent, visibility) = if n % 10 == 9 {
            (core, "core")
        } else {
            (sections[n % sections.len()], "members")
        };
        let b = body(&title, rng);
        let input = page(&title, b, visibility, Some(parent), None);
        let id = data::create(conn, author(rng), network_id, &input).await.map_err(err)?;
        if n % 3 == 0 {
            written.push((id, input));
        }
    }
    // A few revisions each: a step added, then a sentence changed.
    for (id, mut input) in written {
        for revision in 1..=(1 + rng.below(3) as i64) {
            input.body_markdown.push_str(&format!(
                "\nMise à jour {revision} : une étape de plus après la dernière assemblée.\n"
            ));
            input.base_revision = Some(revision);
            data::update(conn, author(rng), network_id, id, &input)
                .await
                .map_err(err)?;
        }
    }
    Ok(())
}

fn capitalised(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The demo network's pages (in French, its language): the welcome booklet written by
/// its core circle, a public page, and a how-to with two revisions.
pub async fn load_demo<C: ConnectionTrait>(conn: &C, network_id: i64) -> anyhow::Result<()> {
    let err = |e: crate::error::AppError| anyhow::anyhow!("documentation demo: {e}");
    let chapters = [
        (
            "Bienvenue dans le réseau",
            "Le réseau rassemble une douzaine de supermarchés coopératifs qui utilisent les mêmes \
             modules Odoo, et les coopératives informatiques qui les développent.\n\n\
             - Chaque supermarché envoie **un représentant** à l'assemblée mensuelle (1 h 30).\n\
             - Les décisions se prennent par sondage, en assemblée ou en ligne.\n\
             - Les développements sont co-financés : chacun paie sa part, calculée au centime.\n",
        ),
        (
            "L'assemblée mensuelle",
            "Elle a lieu le premier mardi du mois à 19 h (heure de Bruxelles), en visio.\n\n\
             1. L'invitation arrive par courriel une semaine avant, avec l'ordre du jour.\n\
             2. Répondez d'un clic si vous venez ; sinon, donnez votre procuration.\n\
             3. Le compte rendu est publié ici et envoyé à tous.\n",
        ),
        (
            "Le cercle cœur",
            "Le cercle cœur prépare les assemblées et suit les projets. Il compte une ou deux \
             places pour la coopérative qui facilite et deux ou trois élues parmi les supermarchés, \
             pour deux ans au plus.\n",
        ),
        (
            "Proposer et co-financer un développement",
            "Décrivez le besoin dans une proposition, demandez un devis à une coopérative \
             informatique, puis ouvrez le co-financement : chaque supermarché intéressé s'engage, \
             et la part de chacun baisse quand d'autres rejoignent.\n",
        ),
    ];
    for (i, (title, body)) in chapters.iter().enumerate() {
        let input = PageInput {
            title: title.to_string(),
            body_markdown: body.to_string(),
            visibility: "members".into(),
            booklet_position: Some(i as i64 + 1),
            ..PageInput::default()
        };
        data::create(conn, Actor::SYSTEM, network_id, &input)
            .await
            .map_err(err)?;
    }
    let public = PageInput {
        title: "Qui sommes-nous".into(),
        body_markdown: "Des supermarchés coopératifs de Bruxelles, Liège, Genève et Munich qui partagent \
                        leurs logiciels libres et les financent ensemble."
            .into(),
        visibility: "public".into(),
        ..PageInput::default()
    };
    data::create(conn, Actor::SYSTEM, network_id, &public)
        .await
        .map_err(err)?;
    let mut how_to = PageInput {
        title: "Mettre à jour le module de shifts".into(),
        body_markdown: "1. Faire une sauvegarde.\n2. Installer la nouvelle version.\n".into(),
        visibility: "members".into(),
        ..PageInput::default()
    };
    let id = data::create(conn, Actor::SYSTEM, network_id, &how_to)
        .await
        .map_err(err)?;
    how_to
        .body_markdown
        .push_str("3. Vérifier les créneaux de la semaine suivante.\n");
    how_to.base_revision = Some(1);
    data::update(conn, Actor::SYSTEM, network_id, id, &how_to)
        .await
        .map_err(err)?;
    Ok(())
}
