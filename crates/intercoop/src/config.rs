//! Settings, read once from flags and `INTERCOOP_*` environment variables.
//! There is no global configuration: the `Config` travels inside the app state.

use clap::Args;
use std::path::PathBuf;

/// Where the data lives. Every subcommand that touches the database takes these.
#[derive(Debug, Clone, Args)]
pub struct DbArgs {
    /// Folder for the SQLite file, outgoing `.eml` files and backups.
    #[arg(long, env = "INTERCOOP_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,
    /// `sqlite://PATH` or `postgres://user:pass@host/db`. Defaults to SQLite in the data folder.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,
    /// SQLite durability: `normal` (survives a crash of intercoop, the default) or `full`
    /// (also survives a power cut, at the price of an fsync per commit).
    #[arg(long, env = "INTERCOOP_SQLITE_SYNC", default_value = "normal")]
    pub sqlite_sync: SqliteSync,
    /// Database connections of this instance: readers beside the one writer on SQLite
    /// (default 4), the pool on PostgreSQL (default 16).
    #[arg(long, env = "INTERCOOP_DB_CONNECTIONS")]
    pub db_connections: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SqliteSync {
    Normal,
    Full,
}

impl DbArgs {
    pub fn for_data_dir(data_dir: PathBuf) -> DbArgs {
        DbArgs {
            data_dir,
            database_url: None,
            sqlite_sync: SqliteSync::Normal,
            db_connections: None,
        }
    }

    /// The database URL, defaulting to a SQLite file in the data folder.
    pub fn url(&self) -> String {
        match &self.database_url {
            Some(url) if !url.trim().is_empty() => url.trim().to_string(),
            _ => format!("sqlite://{}?mode=rwc", self.data_dir.join("intercoop.db").display()),
        }
    }

    pub fn is_postgres(&self) -> bool {
        let url = self.url();
        url.starts_with("postgres://") || url.starts_with("postgresql://")
    }
}

/// Settings of a running server.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Address and port to listen on.
    #[arg(long, env = "INTERCOOP_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// The address people use to reach intercoop; links in emails start with it.
    /// Defaults to `http://` + the bind address.
    #[arg(long, env = "INTERCOOP_BASE_URL")]
    pub base_url: Option<String>,
    /// `smtp://host:port`, `smtp://user:pass@host:587?tls=starttls` or `smtps://…`.
    /// Without it, emails are written as `.eml` files into `DATA_DIR/outbox`.
    #[arg(long, env = "SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The sender of every email.
    #[arg(
        long,
        env = "INTERCOOP_MAIL_FROM",
        default_value = "intercoop <noreply@intercoop.localhost>"
    )]
    pub mail_from: String,
    /// Logs as JSON lines (for log collectors) instead of text.
    #[arg(long, env = "INTERCOOP_LOG_JSON")]
    pub log_json: bool,
    /// Do not run the outbox worker and scheduled jobs in this process.
    #[arg(long, env = "INTERCOOP_NO_WORKER")]
    pub no_worker: bool,
    /// Milliseconds between two looks at the outbox and the job queue when they are idle.
    #[arg(long, env = "INTERCOOP_WORKER_INTERVAL_MS", default_value_t = 1000)]
    pub worker_interval_ms: u64,
    /// How long a claimed job is this instance's: renewed while it runs; a job whose
    /// instance died is taken over by another once its lease has expired.
    #[arg(long, env = "INTERCOOP_JOB_LEASE_SECONDS", default_value_t = 30)]
    pub job_lease_seconds: u64,
    /// Fault injection for the crash tests, `KIND:MS`: wait MS milliseconds between
    /// claiming a job of KIND and doing it (a process killed meanwhile leaves it claimed).
    #[arg(long, env = "INTERCOOP_FAULT_JOB_PAUSE", hide = true)]
    pub fault_job_pause: Option<String>,
    /// Fault injection for the crash tests, `before:MS` or `after:MS`: an API POST with an
    /// `Idempotency-Key` waits MS milliseconds before its handler runs, or after it has
    /// answered and before the answer leaves (a process killed meanwhile leaves it there).
    #[arg(long, env = "INTERCOOP_FAULT_REQUEST_PAUSE", hide = true)]
    pub fault_request_pause: Option<String>,
}

/// The resolved configuration the app runs with.
#[derive(Debug, Clone)]
pub struct Config {
    pub data_dir: PathBuf,
    pub base_url: String,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub secure_cookies: bool,
    pub worker_interval_ms: u64,
    pub run_worker: bool,
    /// A claimed job's lease (renewed while it runs).
    pub job_lease: std::time::Duration,
    /// Fault injection: a pause between claiming a job of a kind and doing it.
    pub fault_job_pause: Option<(String, std::time::Duration)>,
    /// Fault injection: a pause of keyed API POSTs before their handler runs (`before`)
    /// or after it has answered (`after`).
    pub fault_request_pause: Option<(String, std::time::Duration)>,
    /// A name for this process in leases and job claims (host + pid).
    pub instance: String,
}

impl Config {
    pub fn from_args(args: &ServeArgs, bound: std::net::SocketAddr) -> Config {
        let base_url = args
            .base_url
            .clone()
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| format!("http://{bound}"))
            .trim_end_matches('/')
            .to_string();
        Config {
            data_dir: args.db.data_dir.clone(),
            secure_cookies: base_url.starts_with("https://"),
            base_url,
            smtp_url: args.smtp_url.clone().filter(|u| !u.trim().is_empty()),
            mail_from: args.mail_from.clone(),
            worker_interval_ms: args.worker_interval_ms.max(10),
            run_worker: !args.no_worker,
            job_lease: std::time::Duration::from_secs(args.job_lease_seconds.clamp(1, 3600)),
            fault_job_pause: args.fault_job_pause.as_deref().and_then(fault_pause),
            fault_request_pause: args.fault_request_pause.as_deref().and_then(fault_pause),
            instance: format!("{}-{}", hostname(), std::process::id()),
        }
    }
}

/// `WHAT:MS` of a fault injection flag.
fn fault_pause(flag: &str) -> Option<(String, std::time::Duration)> {
    let (what, ms) = flag.rsplit_once(':')?;
    Some((what.to_string(), std::time::Duration::from_millis(ms.parse().ok()?)))
}

fn hostname() -> String {
    std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "intercoop".to_string())
}

/// Hides the password of a URL before it is shown or logged.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_logs() {
        assert_eq!(
            redact_url("postgres://app:s3cret@db/intercoop"),
            "postgres://app:***@db/intercoop"
        );
        assert_eq!(redact_url("smtp://mail:25"), "smtp://mail:25");
    }

    #[test]
    fn sqlite_is_the_default() {
        let db = DbArgs::for_data_dir(PathBuf::from("/tmp/x"));
        assert_eq!(db.url(), "sqlite:///tmp/x/intercoop.db?mode=rwc");
        assert!(!db.is_postgres());
    }
}
