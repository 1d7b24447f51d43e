//! Starting and stopping a server: database, migrations, the outbox worker,
//! scheduled jobs, and graceful shutdown.

use crate::config::{Config, ServeArgs};
use crate::db::Db;
use crate::mail::worker::{Transport, Worker};
use crate::state::AppState;
use anyhow::Context;
use std::net::SocketAddr;
use std::time::Instant;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// A running server.
pub struct Running {
    pub addr: SocketAddr,
    pub state: AppState,
    /// Its job worker (tests run it at will: `jobs.run_once()`).
    pub jobs: crate::jobs::worker::Worker,
    /// The inbound SMTP/LMTP listener's address (`--inbound-smtp`), if it runs.
    pub inbound_smtp: Option<SocketAddr>,
    shutdown: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl Running {
    /// Stops accepting requests, lets those in flight finish, stops the worker.
    pub async fn stop(self) {
        let _ = self.shutdown.send(true);
        for task in self.tasks {
            let _ = task.await;
        }
    }

    /// Waits for Ctrl-C or SIGTERM, then stops gracefully.
    pub async fn run_until_signal(self) {
        shutdown_signal().await;
        tracing::info!("shutting down: finishing requests in flight");
        self.stop().await;
        tracing::info!("stopped");
    }
}

/// Connects, migrates, binds and serves in the background, on the system's clock.
pub async fn start(args: &ServeArgs) -> anyhow::Result<Running> {
    start_with_clock(args, std::sync::Arc::new(crate::clock::SystemClock)).await
}

/// [`start`] on a given clock (tests move time with a `clock::ManualClock`).
pub async fn start_with_clock(
    args: &ServeArgs,
    clock: std::sync::Arc<dyn crate::clock::Clock>,
) -> anyhow::Result<Running> {
    let started = Instant::now();
    let db = Db::connect(&args.db)
        .await
        .with_context(|| format!("cannot open the database {}", crate::config::redact_url(&args.db.url())))?;
    db.migrate(&crate::app::rebuilds()).await.context("migrations failed")?;
    if let Err(e) = db.optimize(false).await {
        tracing::warn!(error = %e, "could not refresh the query planner's statistics");
    }
    let listener = tokio::net::TcpListener::bind(&args.bind)
        .await
        .with_context(|| format!("cannot listen on {}", args.bind))?;
    let addr = listener.local_addr()?;
    let config = Config::from_args(args, addr);
    let state = AppState::new(db, config, clock);
    let (shutdown, rx) = watch::channel(false);
    let jobs = crate::jobs::worker::Worker::new(state.clone(), std::sync::Arc::new(crate::app::jobs()));
    let mut tasks = Vec::new();

    let app = crate::routes::app(state.clone());
    let mut server_rx = rx.clone();
    tasks.push(tokio::spawn(async move {
        let result = axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(async move {
                let _ = server_rx.wait_for(|stop| *stop).await;
            })
            .await;
        if let Err(e) = result {
            tracing::error!(error = %e, "server stopped with an error");
        }
    }));

    let mut inbound_smtp = None;
    if let Some(bind) = args.inbound_smtp.as_deref().filter(|b| !b.trim().is_empty()) {
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .with_context(|| format!("cannot listen for inbound mail on {bind}"))?;
        inbound_smtp = Some(listener.local_addr()?);
        tasks.push(tokio::spawn(crate::clock::scoped(
            state.clock.clone(),
            crate::lists::smtp::serve(
                listener,
                state.db.clone(),
                state.config.lists_domain.clone(),
                rx.clone(),
            ),
        )));
    }
    if state.db.is_postgres() {
        // Sessions and roles cached by the other instances are forgotten at once.
        let (tx, rx_keys) = tokio::sync::mpsc::unbounded_channel::<String>();
        state.auth_cache.set_broadcast(tx);
        let cache = state.auth_cache.clone();
        let receive: crate::db::postgres_only::Receive =
            std::sync::Arc::new(move |key: Option<&str>| cache.apply(key.unwrap_or(crate::auth::cache::FORGET_ALL)));
        tasks.push(tokio::spawn(crate::db::postgres_only::relay(
            state.db.url.clone(),
            state.db.write.clone(),
            rx_keys,
            receive,
            rx.clone(),
        )));
    }
    if state.config.run_worker {
        let transport = Transport::from_config(state.config.smtp_url.as_deref(), &state.config.data_dir)?;
        let from = state
            .config
            .mail_from
            .parse()
            .context("INTERCOOP_MAIL_FROM is not an address")?;
        let domain = url::Url::parse(&state.config.base_url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_else(|| "intercoop.localhost".into());
        let worker = Worker {
            db: state.db.clone(),
            transport,
            from,
            instance: state.config.instance.clone(),
            domain,
            wakeup: state.mail_wakeup.clone(),
            idle: std::time::Duration::from_millis(state.config.worker_interval_ms),
            lease: crate::mail::worker::LEASE,
            return_path: Some(crate::mail::bounces::return_path(&state.config.lists_domain)),
        };
        let clock = state.clock.clone();
        tasks.push(tokio::spawn(crate::clock::scoped(
            clock.clone(),
            worker.run(rx.clone()),
        )));
        tasks.push(tokio::spawn(crate::clock::scoped(clock, jobs.clone().run(rx.clone()))));
    }
    tracing::info!(
        %addr,
        base_url = %state.config.base_url,
        database = %crate::config::redact_url(&args.db.url()),
        ready_ms = started.elapsed().as_millis() as u64,
        "intercoop is listening"
    );
    Ok(Running {
        addr,
        state,
        jobs,
        inbound_smtp,
        shutdown,
        tasks,
    })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
