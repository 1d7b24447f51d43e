//! The demo: two networks that share a provider, about ten cooperative
//! supermarkets in Belgium, France, Switzerland and Germany (invented names), two
//! provider IT cooperatives, the facilitating cooperative, a partner, and 40+
//! people with roles. Loaded through the same domain code as the app.

use crate::audit::Actor;
use crate::db::Db;
use crate::entities::{network, person};
use crate::error::AppError;
pub use crate::home::demo_logins::{PASSWORD, logins};
use crate::organisations::data::{self as orgs, OrganisationInput};
use crate::people::data::{self as people, InviteInput};
use intercoop_domain::organisation::{Level, MembershipStatus};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};

struct Org {
    name: &'static str,
    kind: &'static str,
    country: &'static str,
    language: &'static str,
    city: &'static str,
    size: i64,
    software: &'static str,
    level: &'static str,
    status: &'static str,
    /// (name, email, title); the first person represents the organisation.
    people: &'static [(&'static str, &'static str, &'static str)],
}

const SUPERMARKETS: &[Org] = &[
    Org {
        name: "La Ruche Coop",
        kind: "user",
        country: "BE",
        language: "fr",
        city: "Bruxelles",
        size: 2400,
        software: "Odoo 12, cooperator, shift",
        level: "active",
        status: "member",
        people: &[
            ("Marc Dubois", "marc@laruche.example", "IT volunteer"),
            ("Tom Peeters", "tom@laruche.example", "Shift coordinator"),
            ("Aïcha Benali", "aicha@laruche.example", "Treasurer"),
        ],
    },
    Org {
        name: "Épi Solidaire",
        kind: "user",
        country: "BE",
        language: "fr",
        city: "Liège",
        size: 900,
        software: "Odoo 12, cooperator, shift",
        level: "active",
        status: "member",
        people: &[
            ("Julie Lambert", "julie@episolidaire.example", "Coordinator"),
            ("Nicolas Henrard", "nicolas@episolidaire.example", "Volunteer"),
            ("Léa Jacquet", "lea@episolidaire.example", "Volunteer"),
            ("Samir Aziz", "samir@episolidaire.example", "Treasurer"),
        ],
    },
    Org {
        name: "De Korf",
        kind: "user",
        country: "BE",
        language: "nl",
        city: "Gent",
        size: 650,
        software: "Odoo 16, cooperator",
        level: "active",
        status: "member",
        people: &[
            ("Pieter De Smet", "pieter@dekorf.example", "Bestuurder"),
            ("Els Maes", "els@dekorf.example", "Vrijwilliger"),
            ("Wout Claes", "wout@dekorf.example", "Vrijwilliger"),
        ],
    },
    Org {
        name: "La Cagette du Nord",
        kind: "user",
        country: "FR",
        language: "fr",
        city: "Lille",
        size: 1800,
        software: "Odoo 12, cooperator, shift",
        level: "active",
        status: "member",
        people: &[
            ("Sofia Martin", "sofia@cagette.example", "Salariée"),
            ("Hugo Lefebvre", "hugo@cagette.example", "Bénévole"),
            ("Camille Roux", "camille@cagette.example", "Bénévole"),
            ("Bastien Leroy", "bastien@cagette.example", "Trésorier"),
        ],
    },
    Org {
        name: "Le Grenier Partagé",
        kind: "user",
        country: "FR",
        language: "fr",
        city: "Lyon",
        size: 1200,
        software: "Odoo 12, cooperator",
        level: "active",
        status: "member",
        people: &[
            ("Inès Garnier", "ines@grenier.example", "Co-gérante"),
            ("Paul Mercier", "paul@grenier.example", "Bénévole"),
            ("Zoé Fontaine", "zoe@grenier.example", "Bénévole"),
            ("Manon Blanc", "manon@grenier.example", "Informatique"),
        ],
    },
    Org {
        name: "Coop'Alpes",
        kind: "user",
        country: "FR",
        language: "fr",
        city: "Grenoble",
        size: 700,
        software: "Odoo 16, cooperator, shift",
        level: "observer",
        status: "member",
        people: &[
            ("Mathieu Girard", "mathieu@coopalpes.example", "Bénévole"),
            ("Chloé Bonnet", "chloe@coopalpes.example", "Bénévole"),
            ("Yanis Perrin", "yanis@coopalpes.example", "Bénévole"),
        ],
    },
    Org {
        name: "L'Écrin Genève",
        kind: "user",
        country: "CH",
        language: "fr",
        city: "Genève",
        size: 500,
        software: "Odoo 12, cooperator",
        level: "active",
        status: "member",
        people: &[
            ("Nadia Rochat", "nadia@ecrin.example", "Comité"),
            ("Luc Favre", "luc@ecrin.example", "Bénévole"),
            ("Sarah Meylan", "sarah@ecrin.example", "Bénévole"),
        ],
    },
    Org {
        name: "Vracothèque Lausanne",
        kind: "user",
        country: "CH",
        language: "fr",
        city: "Lausanne",
        size: 350,
        software: "Odoo 16, cooperator",
        level: "active",
        status: "candidate",
        people: &[
            ("Olivier Chappuis", "olivier@vracotheque.example", "Fondateur"),
            ("Anna Keller", "anna@vracotheque.example", "Bénévole"),
            ("Rémi Borel", "remi@vracotheque.example", "Bénévole"),
        ],
    },
    Org {
        name: "Marktgenossen München",
        kind: "user",
        country: "DE",
        language: "de",
        city: "München",
        size: 1500,
        software: "Odoo 12, cooperator, shift",
        level: "active",
        status: "member",
        people: &[
            ("Lena Huber", "lena@marktgenossen.example", "Vorstand"),
            ("Jonas Bauer", "jonas@marktgenossen.example", "Mitglied"),
            ("Mia Wagner", "mia@marktgenossen.example", "Mitglied"),
            ("Lukas Weber", "lukas@marktgenossen.example", "IT"),
        ],
    },
    Org {
        name: "Kornkammer Berlin",
        kind: "user",
        country: "DE",
        language: "de",
        city: "Berlin",
        size: 1100,
        software: "Odoo 16, cooperator, shift",
        level: "active",
        status: "member",
        people: &[
            ("Felix Schulz", "felix@kornkammer.example", "Vorstand"),
            ("Hannah Koch", "hannah@kornkammer.example", "Mitglied"),
            ("Emil Richter", "emil@kornkammer.example", "Mitglied"),
            ("Greta Vogel", "greta@kornkammer.example", "Kasse"),
        ],
    },
];

const OTHERS: &[Org] = &[
    Org {
        name: "Coop Commons",
        kind: "facilitator",
        country: "BE",
        language: "fr",
        city: "Bruxelles",
        size: 9,
        software: "Odoo 12, Odoo 16",
        level: "active",
        status: "member",
        people: &[
            ("Claire Vandenberghe", "claire@coopcommons.example", "Facilitator"),
            ("Karim Haddad", "karim@coopcommons.example", "Facilitator"),
            ("Louise Simon", "louise@coopcommons.example", "Business analyst"),
        ],
    },
    Org {
        name: "Code Coop",
        kind: "provider",
        country: "BE",
        language: "en",
        city: "Bruxelles",
        size: 12,
        software: "Odoo 12, Odoo 16, cooperator, shift",
        level: "active",
        status: "member",
        people: &[
            ("Jordi Puig", "jordi@codecoop.example", "Developer"),
            ("Ana Ferreira", "ana@codecoop.example", "Developer"),
        ],
    },
    Org {
        name: "Devs Cooperativa",
        kind: "provider",
        country: "ES",
        language: "en",
        city: "Barcelona",
        size: 8,
        software: "Odoo 14, cooperator",
        level: "active",
        status: "member",
        people: &[
            ("Marta Soler", "marta@devscoop.example", "Developer"),
            ("Pau Vidal", "pau@devscoop.example", "Developer"),
        ],
    },
    Org {
        name: "Gouvernance Partagée",
        kind: "partner",
        country: "BE",
        language: "fr",
        city: "Namur",
        size: 4,
        software: "",
        level: "observer",
        status: "member",
        people: &[("Élise Thiry", "elise@gouvernance.example", "Trainer")],
    },
];

const TECH_COOPS: &[Org] = &[
    Org {
        name: "Northern Pixels",
        kind: "provider",
        country: "GB",
        language: "en",
        city: "Sheffield",
        size: 14,
        software: "Django, Odoo 16",
        level: "active",
        status: "member",
        people: &[
            ("Ruth Hughes", "ruth@northernpixels.example", "Member"),
            ("Owen Price", "owen@northernpixels.example", "Member"),
        ],
    },
    Org {
        name: "Agile Oaks",
        kind: "provider",
        country: "GB",
        language: "en",
        city: "Oxford",
        size: 10,
        software: "Drupal",
        level: "active",
        status: "member",
        people: &[("Priya Shah", "priya@agileoaks.example", "Member")],
    },
    Org {
        name: "Web Workers Co-op",
        kind: "provider",
        country: "GB",
        language: "en",
        city: "Birmingham",
        size: 7,
        software: "WordPress",
        level: "active",
        status: "member",
        people: &[("Sam Taylor", "sam@webworkers.example", "Member")],
    },
];

fn input(o: &Org) -> OrganisationInput {
    OrganisationInput {
        name: o.name.into(),
        kind: o.kind.into(),
        country: o.country.into(),
        language: o.language.into(),
        address: o.city.into(),
        size: o.size.to_string(),
        software: o.software.into(),
        status: o.status.into(),
        level: o.level.into(),
        bank_account: if o.kind == "provider" {
            "BE71 0961 2345 6769".into()
        } else {
            String::new()
        },
        ..Default::default()
    }
}

fn err(e: AppError) -> anyhow::Error {
    anyhow::anyhow!("demo data: {e:?}")
}

async fn add_org<C: sea_orm::ConnectionTrait>(
    txn: &C,
    network_id: i64,
    o: &Org,
    core: &[&str],
    admins: &[&str],
) -> anyhow::Result<i64> {
    let valid = input(o).validate().map_err(|e| err(AppError::Invalid(e)))?;
    let id = orgs::create(txn, Actor::SYSTEM, network_id, &valid)
        .await
        .map_err(err)?;
    add_people(txn, network_id, id, o, core, admins).await?;
    Ok(id)
}

async fn add_people<C: sea_orm::ConnectionTrait>(
    txn: &C,
    network_id: i64,
    org_id: i64,
    o: &Org,
    core: &[&str],
    admins: &[&str],
) -> anyhow::Result<()> {
    for (i, (name, email, title)) in o.people.iter().enumerate() {
        let yes = |b: bool| if b { "true".to_string() } else { String::new() };
        let inv = InviteInput {
            email: email.to_string(),
            name: name.to_string(),
            organisation_id: org_id.to_string(),
            title: title.to_string(),
            language: o.language.to_string(),
            representative: yes(i == 0 && o.kind != "partner"),
            admin: yes(admins.contains(email)),
            core_circle: yes(core.contains(email)),
        }
        .validate()
        .map_err(|e| err(AppError::Invalid(e)))?;
        people::ensure_person(txn, Actor::SYSTEM, network_id, &inv)
            .await
            .map_err(err)?;
    }
    Ok(())
}

/// Loads the demo networks, or refreshes the demo passwords if they are already there.
pub async fn load(db: &Db) -> anyhow::Result<()> {
    let exists = network::Entity::find()
        .filter(network::Column::Slug.eq("supermarches"))
        .one(&db.read)
        .await?
        .is_some();
    if !exists {
        let txn = db.write.begin().await?;
        // A fresh install's empty default network would hide the demo from visitors.
        crate::networks::remove_if_empty(&txn, "main").await.map_err(err)?;
        let n1 = crate::networks::create(
            &txn,
            "supermarches",
            "Réseau des supermarchés coopératifs",
            "",
            "fr",
            "Europe/Brussels",
            "EUR",
        )
        .await
        .map_err(err)?;
        let n2 = crate::networks::create(
            &txn,
            "techcoops",
            "Tech Co-ops Network",
            "",
            "en",
            "Europe/London",
            "GBP",
        )
        .await
        .map_err(err)?;
        for (id, description) in [
            (
                n1,
                "Une douzaine de supermarchés coopératifs qui utilisent les mêmes modules Odoo décident ensemble des développements à co-financer, avec les coopératives informatiques qui les réalisent.",
            ),
            (
                n2,
                "Tech co-operatives pooling work and surpluses to build the digital commons together.",
            ),
        ] {
            network::Entity::update_many()
                .col_expr(network::Column::Description, Expr::val(description))
                .col_expr(network::Column::Rules, Expr::val(r#"{"demo":true}"#))
                .filter(network::Column::Id.eq(id))
                .exec(&txn)
                .await?;
        }
        let core = [
            "marc@laruche.example",
            "julie@episolidaire.example",
            "karim@coopcommons.example",
        ];
        let admins = ["claire@coopcommons.example", "karim@coopcommons.example"];
        let mut shared_provider = None;
        for o in SUPERMARKETS.iter().chain(OTHERS) {
            let id = add_org(&txn, n1, o, &core, &admins).await?;
            if o.name == "Code Coop" {
                shared_provider = Some(id);
            }
        }
        // The second network shares Code Coop: same organisation, same people.
        let code_coop = shared_provider.expect("Code Coop is in the demo");
        let code = OTHERS.iter().find(|o| o.name == "Code Coop").expect("Code Coop");
        orgs::join_network(
            &txn,
            n2,
            code_coop,
            MembershipStatus::Member,
            Level::Active,
            Some(code.size),
        )
        .await
        .map_err(err)?;
        add_people(&txn, n2, code_coop, code, &[], &[]).await?;
        for o in TECH_COOPS {
            add_org(&txn, n2, o, &[], &["ruth@northernpixels.example"]).await?;
        }
        crate::proposals::load_demo(&txn, n1).await?;
        crate::polls::load_demo(&txn, n1).await?;
        crate::documentation::seed::load_demo(&txn, n1).await?;
        txn.commit().await?;
    }
    let hash = crate::auth::password::hash(PASSWORD.to_string()).await?;
    person::Entity::update_many()
        .col_expr(person::Column::PasswordHash, Expr::val(Some(hash)))
        .filter(person::Column::Email.like("%.example"))
        .exec(&db.write)
        .await?;
    Ok(())
}
