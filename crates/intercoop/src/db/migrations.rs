//! Embedded schema migrations, written once with sea-query so that one definition
//! serves SQLite and PostgreSQL. An applied migration is never edited: a change of
//! schema is a new function appended to [`MIGRATIONS`].

use sea_orm::sea_query::{
    Alias, ColumnDef, ForeignKey, ForeignKeyAction, Index, IndexCreateStatement, Query, Table, TableAlterStatement,
    TableCreateStatement, TableDropStatement,
};
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, TransactionTrait};

/// A migration: its version, its name, and the statements it runs.
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub up: fn() -> Vec<Step>,
}

/// One schema statement.
pub enum Step {
    Table(Box<TableCreateStatement>),
    Index(Box<IndexCreateStatement>),
    /// One change of a table (SQLite takes one per statement).
    Alter(Box<TableAlterStatement>),
    /// A table no longer used (after a backfill carried its rows over).
    Drop(Box<TableDropStatement>),
    /// Fills new columns from existing rows, in the migration's transaction.
    Backfill(for<'a> fn(&'a DatabaseTransaction) -> BoxFuture<'a, Result<(), DbErr>>),
}

/// A future borrowed from the migration's transaction.
pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

/// Every migration, oldest first. Feature modules append theirs here.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "foundation",
        up: foundation,
    },
    Migration {
        version: 2,
        name: "proposals",
        up: super::m0002_proposals::up,
    },
    Migration {
        version: 3,
        name: "polls",
        up: super::m0003_polls::up,
    },
    Migration {
        version: 4,
        name: "list indexes",
        up: super::m0004_list_indexes::up,
    },
    Migration {
        version: 5,
        name: "people by name",
        up: super::m0005_people_name::up,
    },
    Migration {
        version: 6,
        name: "list summaries",
        up: super::m0006_list_summaries::up,
    },
    Migration {
        version: 7,
        name: "list plans",
        up: super::m0007_list_plans::up,
    },
    Migration {
        version: 8,
        name: "share notices",
        up: super::m0008_share_notices::up,
    },
    Migration {
        version: 9,
        name: "jobs and events",
        up: super::m0009_jobs::up,
    },
];

/// Applies the migrations not yet applied, each in its own transaction.
pub async fn run(db: &DatabaseConnection) -> Result<usize, DbErr> {
    let backend = db.get_database_backend();
    db.execute(
        Table::create()
            .table("schema_migrations")
            .if_not_exists()
            .col(ColumnDef::new("version").big_integer().not_null().primary_key())
            .col(ColumnDef::new("name").text().not_null())
            .col(ColumnDef::new("applied_at").timestamp_with_time_zone().not_null()),
    )
    .await?;
    let applied: Vec<i64> = db
        .query_all(Query::select().column("version").from("schema_migrations"))
        .await?
        .into_iter()
        .map(|row| row.try_get::<i64>("", "version"))
        .collect::<Result<_, _>>()?;
    let mut count = 0;
    for migration in MIGRATIONS {
        if applied.contains(&migration.version) {
            continue;
        }
        let txn = db.begin().await?;
        for step in (migration.up)() {
            match step {
                Step::Table(t) => txn.execute(t.as_ref()).await?,
                Step::Index(i) => txn.execute(i.as_ref()).await?,
                Step::Alter(a) => txn.execute(a.as_ref()).await?,
                Step::Drop(d) => txn.execute(d.as_ref()).await?,
                Step::Backfill(fill) => {
                    fill(&txn).await?;
                    continue;
                }
            };
        }
        txn.execute(
            Query::insert()
                .into_table("schema_migrations")
                .columns(["version", "name", "applied_at"])
                .values_panic([
                    migration.version.into(),
                    migration.name.into(),
                    time::OffsetDateTime::now_utc().into(),
                ]),
        )
        .await?;
        txn.commit().await?;
        tracing::info!(
            version = migration.version,
            name = migration.name,
            ?backend,
            "migration applied"
        );
        count += 1;
    }
    Ok(count)
}

// ---- small builders, so that each table reads like its definition ----

pub(crate) fn id() -> ColumnDef {
    ColumnDef::new("id")
        .big_integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .take()
}
pub(crate) fn text(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name)).text().not_null().take()
}
pub(crate) fn text_null(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name)).text().null().take()
}
pub(crate) fn int(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name)).big_integer().not_null().take()
}
pub(crate) fn int_null(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name)).big_integer().null().take()
}
pub(crate) fn boolean(name: &str, default: bool) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .boolean()
        .not_null()
        .default(default)
        .take()
}
pub(crate) fn ts(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .timestamp_with_time_zone()
        .not_null()
        .take()
}
pub(crate) fn ts_null(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .timestamp_with_time_zone()
        .null()
        .take()
}
pub(crate) fn fk(
    table: &str,
    column: &str,
    to: &str,
    on_delete: ForeignKeyAction,
) -> sea_orm::sea_query::ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{column}"))
        .from(Alias::new(table), Alias::new(column))
        .to(Alias::new(to), "id")
        .on_delete(on_delete)
        .take()
}
pub(crate) fn index(table: &str, columns: &[&str], unique: bool) -> Step {
    let mut idx = Index::create();
    idx.name(format!("ix_{table}_{}", columns.join("_")))
        .table(Alias::new(table));
    for c in columns {
        idx.col(Alias::new(*c));
    }
    if unique {
        idx.unique();
    }
    Step::Index(Box::new(idx.take()))
}
pub(crate) fn table(name: &str, cols: Vec<ColumnDef>, fks: Vec<sea_orm::sea_query::ForeignKeyCreateStatement>) -> Step {
    let mut t = Table::create();
    t.table(Alias::new(name));
    for mut c in cols {
        t.col(&mut c);
    }
    for mut f in fks {
        t.foreign_key(&mut f);
    }
    Step::Table(Box::new(t.take()))
}

use ForeignKeyAction::{Cascade, Restrict};

fn foundation() -> Vec<Step> {
    vec![
        table(
            "networks",
            vec![
                id(),
                ColumnDef::new("slug").text().not_null().unique_key().take(),
                text("name"),
                text("description"),
                text("default_language"),
                text("time_zone"),
                text("currency"),
                text("rules"),
                ts("created_at"),
            ],
            vec![],
        ),
        table(
            "organisations",
            vec![
                id(),
                text("name"),
                text("kind"),
                text("country"),
                text("language"),
                text("address"),
                text("company_number"),
                int_null("size"),
                text("bank_account"),
                text("website"),
                ts("created_at"),
                ts("updated_at"),
            ],
            vec![],
        ),
        index("organisations", &["name"], false),
        table(
            "organisation_software",
            vec![id(), int("organisation_id"), text("name")],
            vec![fk("organisation_software", "organisation_id", "organisations", Cascade)],
        ),
        index("organisation_software", &["organisation_id", "name"], true),
        index("organisation_software", &["name"], false),
        table(
            "memberships",
            vec![
                id(),
                int("network_id"),
                int("organisation_id"),
                text("status"),
                text("level"),
                ColumnDef::new("joined_on").date().null().take(),
                ColumnDef::new("left_on").date().null().take(),
                ts("created_at"),
                ts("updated_at"),
            ],
            vec![
                fk("memberships", "network_id", "networks", Cascade),
                fk("memberships", "organisation_id", "organisations", Restrict),
            ],
        ),
        index("memberships", &["network_id", "organisation_id"], true),
        index("memberships", &["organisation_id"], false),
        table(
            "people",
            vec![
                id(),
                ColumnDef::new("email").text().not_null().unique_key().take(),
                text("name"),
                text_null("language"),
                text_null("password_hash"),
                text("phone"),
                boolean("disabled", false),
                ts("created_at"),
                ts_null("last_login_at"),
            ],
            vec![],
        ),
        table(
            "network_people",
            vec![
                id(),
                int("network_id"),
                int("person_id"),
                boolean("is_admin", false),
                boolean("is_core_circle", false),
                ts("created_at"),
            ],
            vec![
                fk("network_people", "network_id", "networks", Cascade),
                fk("network_people", "person_id", "people", Cascade),
            ],
        ),
        index("network_people", &["network_id", "person_id"], true),
        index("network_people", &["person_id"], false),
        table(
            "affiliations",
            vec![
                id(),
                int("organisation_id"),
                int("person_id"),
                text("title"),
                ts("created_at"),
            ],
            vec![
                fk("affiliations", "organisation_id", "organisations", Cascade),
                fk("affiliations", "person_id", "people", Cascade),
            ],
        ),
        index("affiliations", &["organisation_id", "person_id"], true),
        index("affiliations", &["person_id"], false),
        // One row per mandate; `current` is TRUE for the sitting representative and NULL
        // afterwards, so the unique index allows exactly one current row per membership
        // on both backends (NULLs are distinct in unique indexes).
        table(
            "representatives",
            vec![
                id(),
                int("network_id"),
                int("organisation_id"),
                int("person_id"),
                ColumnDef::new("current").boolean().null().take(),
                ts("since"),
                ts_null("until"),
                int_null("appointed_by"),
            ],
            vec![
                fk("representatives", "network_id", "networks", Cascade),
                fk("representatives", "organisation_id", "organisations", Cascade),
                fk("representatives", "person_id", "people", Restrict),
            ],
        ),
        index("representatives", &["network_id", "organisation_id", "current"], true),
        index("representatives", &["person_id"], false),
        table(
            "sessions",
            vec![
                ColumnDef::new("token_hash").text().not_null().primary_key().take(),
                int("person_id"),
                int("network_id"),
                ts("created_at"),
                ts("expires_at"),
                ts("last_seen_at"),
            ],
            vec![
                fk("sessions", "person_id", "people", Cascade),
                fk("sessions", "network_id", "networks", Cascade),
            ],
        ),
        index("sessions", &["person_id"], false),
        table(
            "login_tokens",
            vec![
                ColumnDef::new("token_hash").text().not_null().primary_key().take(),
                int("person_id"),
                int_null("network_id"),
                text("purpose"),
                ts("created_at"),
                ts("expires_at"),
                ts_null("used_at"),
            ],
            vec![fk("login_tokens", "person_id", "people", Cascade)],
        ),
        index("login_tokens", &["person_id"], false),
        table(
            "api_tokens",
            vec![
                id(),
                ColumnDef::new("token_hash").text().not_null().unique_key().take(),
                int("person_id"),
                int("network_id"),
                text("name"),
                ts("created_at"),
                ts_null("last_used_at"),
                ts_null("revoked_at"),
            ],
            vec![
                fk("api_tokens", "person_id", "people", Cascade),
                fk("api_tokens", "network_id", "networks", Cascade),
            ],
        ),
        table(
            "audit_log",
            vec![
                id(),
                int_null("network_id"),
                int_null("actor_id"),
                text("action"),
                text("entity"),
                int_null("entity_id"),
                text_null("before"),
                text_null("after"),
                text("request_id"),
                ts("at"),
            ],
            vec![],
        ),
        index("audit_log", &["network_id", "id"], false),
        index("audit_log", &["entity", "entity_id"], false),
        table(
            "outbox",
            vec![
                id(),
                int_null("network_id"),
                text("to_address"),
                text("to_name"),
                text("subject"),
                text("text_body"),
                text("html_body"),
                text("language"),
                text("kind"),
                text("status"),
                int("attempts"),
                ts("next_attempt_at"),
                ts_null("locked_until"),
                text_null("locked_by"),
                ts_null("sent_at"),
                text_null("last_error"),
                ts("created_at"),
            ],
            vec![],
        ),
        index("outbox", &["status", "next_attempt_at"], false),
        table(
            "idempotency_keys",
            vec![
                id(),
                int("person_id"),
                text("key"),
                text("request_hash"),
                int("status_code"),
                text("response_body"),
                ts("created_at"),
            ],
            vec![fk("idempotency_keys", "person_id", "people", Cascade)],
        ),
        index("idempotency_keys", &["person_id", "key"], true),
        // A scheduled job claims its period by inserting a row: the unique index makes
        // it run once even with several instances.
        table(
            "job_runs",
            vec![
                id(),
                text("job"),
                text("period"),
                text("instance"),
                ts("started_at"),
                ts_null("finished_at"),
            ],
            vec![],
        ),
        index("job_runs", &["job", "period"], true),
    ]
}
