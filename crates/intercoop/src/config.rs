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
    /// The domain of the lists' addresses (`entraide@LISTS_DOMAIN`). Defaults to the
    /// host of the base URL.
    #[arg(long, env = "INTERCOOP_LISTS_DOMAIN")]
    pub lists_domain: Option<String>,
    /// Accept the lists' inbound mail by SMTP or LMTP on this address (`127.0.0.1:2525`),
    /// for the transport of a mail server (Postfix, Exim) to hand messages to.
    #[arg(long, env = "INTERCOOP_INBOUND_SMTP")]
    pub inbound_smtp: Option<String>,
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
    /// Days a session lasts without use: a person idle for longer logs in again.
    #[arg(long, env = "INTERCOOP_SESSION_IDLE_DAYS", default_value_t = 30)]
    pub session_idle_days: u32,
    /// Days a session lasts at most after login, however much it is used.
    #[arg(long, env = "INTERCOOP_SESSION_MAX_DAYS", default_value_t = 90)]
    pub session_max_days: u32,
    /// Days an API token works after it was made (then it stops; the person makes
    /// another at `/profile/tokens`). Applies to every token, old ones too.
    #[arg(long, env = "INTERCOOP_API_TOKEN_DAYS", default_value_t = crate::auth::API_TOKEN_DAYS)]
    pub api_token_days: u32,
    /// Proxies whose `X-Forwarded-For` is believed, comma-separated addresses or networks
    /// (`127.0.0.1,10.0.0.0/8`). Without any, the client is the connection's peer, and
    /// the header is ignored: a client could write anything in it.
    #[arg(long, env = "INTERCOOP_TRUSTED_PROXIES", value_delimiter = ',', value_parser = crate::auth::rate_limit::parse_proxy)]
    pub trusted_proxies: Vec<ipnet::IpNet>,
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
    /// The domain of the lists' addresses.
    pub lists_domain: String,
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
    /// Proxies whose `X-Forwarded-For` is believed (`auth::rate_limit::ClientAddr`).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// How long sessions last (idle, absolute).
    pub sessions: crate::auth::SessionLimits,
    /// How long an API token works after it was made (`--api-token-days`).
    pub api_tokens: crate::auth::TokenLifetime,
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
            lists_domain: lists_domain(args.lists_domain.as_deref(), &base_url),
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
            trusted_proxies: args.trusted_proxies.clone(),
            sessions: session_limits(args.session_idle_days, args.session_max_days),
            api_tokens: crate::auth::TokenLifetime::days(args.api_token_days),
        }
    }
}

/// The lists' domain: as given, else the host of the base URL.
pub fn lists_domain(given: Option<&str>, base_url: &str) -> String {
    given
        .map(|d| d.trim().trim_start_matches('@').to_ascii_lowercase())
        .filter(|d| !d.is_empty())
        .or_else(|| {
            url::Url::parse(base_url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
        })
        .unwrap_or_else(|| "intercoop.localhost".into())
}

/// `WHAT:MS` of a fault injection flag.
fn fault_pause(flag: &str) -> Option<(String, std::time::Duration)> {
    let (what, ms) = flag.rsplit_once(':')?;
    Some((what.to_string(), std::time::Duration::from_millis(ms.parse().ok()?)))
}

/// The session limits from days: at least one day each, and the idle limit never
/// beyond the absolute one.
fn session_limits(idle_days: u32, max_days: u32) -> crate::auth::SessionLimits {
    let max = time::Duration::days(i64::from(max_days.max(1)));
    let idle = time::Duration::days(i64::from(idle_days.max(1))).min(max);
    crate::auth::SessionLimits { idle, max }
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
