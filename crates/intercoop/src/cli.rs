//! The `intercoop` command line.

use crate::audit::Actor;
use crate::auth::{self, LinkPurpose};
use crate::config::{DbArgs, ServeArgs};
use crate::db::Db;
use crate::entities::{network, person};
use crate::error::AppError;
use crate::people::data::{Invitation, InviteInput};
use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "intercoop",
    version,
    about = "Where a network of cooperatives co-decides and co-finances the software it shares."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Serve the web app and the API (runs migrations first).
    Serve(ServeArgs),
    /// Apply database migrations and exit.
    Migrate(DbArgs),
    /// Create (or refresh) the demo networks, print the logins, and serve them.
    Demo {
        #[command(flatten)]
        serve: ServeArgs,
        /// Load the demo data and exit without serving.
        #[arg(long)]
        no_serve: bool,
    },
    /// Manage people.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Manage networks.
    #[command(subcommand)]
    Network(NetworkCommand),
    /// Fill the database with a realistic network: scale 1 is Komunigi's size, 100 a federation.
    Seed {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long, default_value_t = 1)]
        scale: u32,
        /// The same seed gives the same network.
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
    /// Print the API's OpenAPI document (the contract checked in as `docs/openapi.json`).
    Openapi,
    /// Print the route table, one route a line: method, path, who may use it (the
    /// browser tests visit every page it lists).
    Routes,
    /// The lists' mail.
    #[command(subcommand)]
    Mail(MailCommand),
    /// Check the books of every network: each journal entry sums to zero, each
    /// account's balance is the sum of its journal lines, the trial balance balances.
    /// Exits with an error naming what is wrong.
    CheckBooks(DbArgs),
    /// Write a consistent copy of the live SQLite database to FILE.
    Backup {
        #[command(flatten)]
        db: DbArgs,
        file: PathBuf,
    },
}

#[derive(clap::Args)]
pub struct LinkArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// The address people use to reach intercoop (for the printed link).
    #[arg(long, env = "INTERCOOP_BASE_URL", default_value = "http://127.0.0.1:8080")]
    pub base_url: String,
    /// The network (slug); defaults to the first one.
    #[arg(long)]
    pub network: Option<String>,
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create a person (or find them) and print a one-time login link.
    /// This is how the first administrator of a fresh install is made.
    Create {
        email: String,
        #[arg(long)]
        name: String,
        /// Make them an administrator of the network.
        #[arg(long)]
        admin: bool,
        #[command(flatten)]
        link: LinkArgs,
    },
    /// Invite a person by email: the running server's worker sends the invitation.
    Invite {
        email: String,
        #[arg(long)]
        name: String,
        /// Id of the organisation they belong to.
        #[arg(long)]
        organisation: Option<i64>,
        /// Make them the organisation's representative.
        #[arg(long)]
        representative: bool,
        #[arg(long)]
        admin: bool,
        #[command(flatten)]
        link: LinkArgs,
    },
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Print a new API token for that person (and nothing else) on stdout.
    Create {
        email: String,
        /// The network the token acts in (slug); defaults to the person's first.
        #[arg(long)]
        network: Option<String>,
        /// A label to recognise the token by.
        #[arg(long, default_value = "cli")]
        name: String,
        /// How long tokens work, as the server is told (only to print the expiry).
        #[arg(long, env = "INTERCOOP_API_TOKEN_DAYS", default_value_t = auth::API_TOKEN_DAYS)]
        api_token_days: u32,
        #[command(flatten)]
        db: DbArgs,
    },
}

#[derive(Subcommand)]
pub enum MailCommand {
    /// Receive one RFC 5322 message on standard input for the lists (for a mail server's
    /// `pipe` transport). Prints what became of it; a refused message exits with a
    /// sysexits status (65 bad message, 67 unknown list, 75 try again, 77 members only)
    /// and its reason on standard error, which the mail server returns to the sender.
    Receive {
        #[command(flatten)]
        db: DbArgs,
        /// The recipient of the envelope (Postfix's `${recipient}`); repeat for several.
        /// Without any, the message's `To` and `Cc` at the lists' domain.
        #[arg(long)]
        recipient: Vec<String>,
        /// The return path of the envelope (Postfix's `${sender}`; empty for a bounce).
        #[arg(long)]
        sender: Option<String>,
        /// The domain of the lists' addresses; defaults to the host of the base URL.
        #[arg(long, env = "INTERCOOP_LISTS_DOMAIN")]
        lists_domain: Option<String>,
        #[arg(long, env = "INTERCOOP_BASE_URL", default_value = "http://127.0.0.1:8080")]
        base_url: String,
    },
}

#[derive(Subcommand)]
pub enum NetworkCommand {
    /// Create a network.
    Create {
        slug: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "fr")]
        language: String,
        #[arg(long, default_value = "Europe/Brussels")]
        time_zone: String,
        #[arg(long, default_value = "EUR")]
        currency: String,
        #[command(flatten)]
        db: DbArgs,
    },
    /// List networks.
    List(DbArgs),
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => {
            crate::init_tracing(args.log_json);
            ensure_install(&args.db).await?;
            let running = crate::server::start(&args).await?;
            running.run_until_signal().await;
        }
        Command::Migrate(db) => {
            crate::init_tracing(false);
            let db = Db::connect(&db).await?;
            let n = db.migrate(&crate::app::rebuilds()).await?;
            println!("{n} migration(s) applied");
        }
        Command::Demo { serve, no_serve } => {
            crate::init_tracing(serve.log_json);
            let db = Db::connect(&serve.db).await?;
            db.migrate(&crate::app::rebuilds()).await?;
            crate::demo::load(&db).await?;
            if no_serve {
                println!("Demo data loaded.");
                return Ok(());
            }
            let running = crate::server::start(&serve).await?;
            println!("\nintercoop demo is running at {}\n", running.state.config.base_url);
            println!(
                "Log in with a password (\"{}\") or ask for a magic link (emails land in {}):",
                crate::demo::PASSWORD,
                running.state.config.data_dir.join("outbox").display()
            );
            for login in crate::demo::logins() {
                println!("  {:<40} {}", login.email, login.role);
            }
            println!();
            running.run_until_signal().await;
        }
        Command::User(UserCommand::Create {
            email,
            name,
            admin,
            link,
        }) => {
            let db = connect(&link.db).await?;
            let network_id = network_id(&db, link.network.as_deref()).await?;
            let inv = invitation(&email, &name, None, false, admin)?;
            let txn = db.write.begin().await?;
            let person_id = crate::people::data::ensure_person(&txn, Actor::SYSTEM, network_id, &inv)
                .await
                .map_err(app_err)?;
            let path = auth::create_link(&txn, person_id, Some(network_id), LinkPurpose::Invite)
                .await
                .map_err(app_err)?;
            txn.commit().await?;
            println!("{}{}", link.base_url.trim_end_matches('/'), path);
        }
        Command::User(UserCommand::Invite {
            email,
            name,
            organisation,
            representative,
            admin,
            link,
        }) => {
            let db = connect(&link.db).await?;
            let network_id = network_id(&db, link.network.as_deref()).await?;
            let inv = invitation(&email, &name, organisation, representative, admin)?;
            let txn = db.write.begin().await?;
            crate::people::data::invite(
                &txn,
                Actor::SYSTEM,
                network_id,
                &inv,
                link.base_url.trim_end_matches('/'),
                "intercoop",
            )
            .await
            .map_err(app_err)?;
            txn.commit().await?;
            println!("Invitation to {} queued; the server sends it.", inv.email);
        }
        Command::Token(TokenCommand::Create {
            email,
            network,
            name,
            api_token_days,
            db,
        }) => {
            let db = connect(&db).await?;
            let p = person::Entity::find()
                .filter(person::Column::Email.eq(email.trim().to_lowercase()))
                .one(&db.read)
                .await?
                .with_context(|| format!("nobody has the address {email}"))?;
            let wanted = match network.as_deref() {
                Some(slug) => Some(network_id(&db, Some(slug)).await?),
                None => None,
            };
            let network_id = auth::network_for_person(&db, p.id, wanted)
                .await
                .map_err(app_err)?
                .context("this person belongs to no network")?;
            if wanted.is_some_and(|w| w != network_id) {
                bail!("{email} does not belong to network {}", network.unwrap_or_default());
            }
            let token = auth::create_api_token(&db.write, p.id, network_id, &name)
                .await
                .map_err(app_err)?;
            println!("{token}");
            // On stderr: stdout holds the token alone, for scripts.
            let lifetime = auth::TokenLifetime::days(api_token_days);
            eprintln!(
                "It expires on {} ({} days); list or revoke it at /profile/tokens.",
                lifetime.expiry(crate::clock::now()).date(),
                lifetime.in_days()
            );
        }
        Command::Network(NetworkCommand::Create {
            slug,
            name,
            language,
            time_zone,
            currency,
            db,
        }) => {
            let db = connect(&db).await?;
            let id = crate::networks::create(&db.write, &slug, &name, "", &language, &time_zone, &currency)
                .await
                .map_err(app_err)?;
            println!("network {slug} created (id {id})");
        }
        Command::Network(NetworkCommand::List(db)) => {
            let db = connect(&db).await?;
            for n in network::Entity::find()
                .order_by_asc(network::Column::Id)
                .all(&db.read)
                .await?
            {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    n.slug, n.name, n.default_language, n.time_zone, n.currency
                );
            }
        }
        Command::Mail(MailCommand::Receive {
            db,
            recipient,
            sender,
            lists_domain,
            base_url,
        }) => {
            let db = connect(&db).await?;
            let domain = crate::config::lists_domain(lists_domain.as_deref(), &base_url);
            let raw = tokio::task::spawn_blocking(|| -> std::io::Result<Vec<u8>> {
                use std::io::Read;
                let mut raw = Vec::new();
                std::io::stdin()
                    .take(crate::lists::messages::MAX_MESSAGE as u64 + 1)
                    .read_to_end(&mut raw)?;
                Ok(raw)
            })
            .await??;
            let env = crate::lists::inbound::Envelope {
                mail_from: sender,
                recipients: recipient,
            };
            match crate::lists::inbound::receive(&db, &domain, &raw, &env).await {
                Ok(outcomes) => {
                    for o in outcomes {
                        match o {
                            crate::lists::inbound::Outcome::Published { list_id, id } => {
                                println!("published: list {list_id}, message {id}")
                            }
                            crate::lists::inbound::Outcome::Held { list_id, id, reason } => {
                                println!("held for a moderator ({reason}): list {list_id}, message {id}")
                            }
                            crate::lists::inbound::Outcome::Dropped(why) => println!("dropped: {why}"),
                        }
                    }
                }
                Err(bounce) => {
                    eprintln!("{bounce}");
                    std::process::exit(bounce.exit_code());
                }
            }
        }
        Command::CheckBooks(db) => {
            let db = connect(&db).await?;
            let started = std::time::Instant::now();
            let books = crate::money::ledger::check_books(&db.read).await?;
            let mut wrong = 0;
            for b in &books {
                println!(
                    "network {}: {} entries, debits {} = credits {} (cents){}",
                    b.network_id,
                    b.entries,
                    b.trial_balance.debit.cents(),
                    b.trial_balance.credit.cents(),
                    if b.discrepancies.is_empty() { "" } else { ": WRONG" }
                );
                for d in &b.discrepancies {
                    println!("  {d:?}");
                }
                wrong += b.discrepancies.len() + usize::from(b.trial_balance.debit != b.trial_balance.credit);
            }
            println!("checked in {:.2} s", started.elapsed().as_secs_f64());
            if wrong > 0 {
                bail!("{wrong} discrepancies in the books");
            }
        }
        Command::Openapi => {
            println!("{}", crate::openapi::document_json());
        }
        Command::Routes => {
            for route in crate::routes::table() {
                println!("{} {} {:?}", route.method, route.path, route.access);
            }
        }
        Command::Seed { db, scale, seed } => {
            crate::init_tracing(false);
            let db = connect(&db).await?;
            let started = std::time::Instant::now();
            let seeded = crate::seed::seed(&db, scale, seed).await?;
            println!(
                "seeded scale {scale} (seed {seed}) in {:.1} s: {} organisations, {} people; administrator {}",
                started.elapsed().as_secs_f64(),
                seeded.organisations.len(),
                seeded.people.len(),
                seeded.admin_email
            );
        }
        Command::Backup { db, file } => {
            let db = connect(&db).await?;
            if db.is_postgres() {
                bail!("backup copies SQLite databases; for PostgreSQL use pg_dump");
            }
            if file.exists() {
                bail!("{} already exists", file.display());
            }
            let target = file.to_string_lossy().replace('\'', "''");
            // VACUUM INTO writes a consistent snapshot while the server keeps running.
            db.write.execute_unprepared(&format!("VACUUM INTO '{target}'")).await?;
            println!("backup written to {}", file.display());
        }
    }
    Ok(())
}

fn app_err(e: AppError) -> anyhow::Error {
    match e {
        AppError::Invalid(errors) => anyhow::anyhow!(
            "invalid input: {}",
            errors
                .0
                .iter()
                .map(|e| format!("{} ({})", e.field, e.message))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => anyhow::anyhow!(other.to_string()),
    }
}

fn invitation(
    email: &str,
    name: &str,
    organisation: Option<i64>,
    representative: bool,
    admin: bool,
) -> anyhow::Result<Invitation> {
    let yes = |b: bool| if b { "true".to_string() } else { String::new() };
    InviteInput {
        email: email.to_string(),
        name: name.to_string(),
        organisation_id: organisation.map(|o| o.to_string()).unwrap_or_default(),
        representative: yes(representative),
        admin: yes(admin),
        ..Default::default()
    }
    .validate()
    .map_err(|e| app_err(AppError::Invalid(e)))
}

async fn connect(args: &DbArgs) -> anyhow::Result<Db> {
    ensure_install(args).await
}

/// Opens the database, migrates, and makes sure one network exists.
pub async fn ensure_install(args: &DbArgs) -> anyhow::Result<Db> {
    let db = Db::connect(args)
        .await
        .with_context(|| format!("cannot open the database {}", crate::config::redact_url(&args.url())))?;
    db.migrate(&crate::app::rebuilds()).await?;
    crate::networks::ensure_default(&db.write).await.map_err(app_err)?;
    Ok(db)
}

async fn network_id(db: &Db, slug: Option<&str>) -> anyhow::Result<i64> {
    let q = network::Entity::find().order_by_asc(network::Column::Id);
    let q = match slug {
        Some(s) => q.filter(network::Column::Slug.eq(s)),
        None => q,
    };
    Ok(q.one(&db.read)
        .await?
        .with_context(|| format!("no network {}", slug.unwrap_or("")))?
        .id)
}
