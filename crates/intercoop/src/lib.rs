//! intercoop: where a network of cooperatives co-decides and co-finances the
//! open-source software it shares.
//!
//! `routes::app` builds the whole web app so that tests can start it; one module
//! per feature area, each with its router, its data access and its templates.

pub mod access;
pub mod accounts;
pub mod api;
pub mod app;
pub mod assemblies;
pub mod audit;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod collation;
pub mod config;
pub mod db;
pub mod demo;
pub mod documentation;
pub mod entities;
pub mod error;
pub mod events;
pub mod funding;
pub mod home;
pub mod i18n;
pub mod idempotency;
pub mod jobs;
pub mod joining;
pub mod lists;
pub mod logbook;
pub mod mail;
pub mod memory;
pub mod money;
pub mod networks;
pub mod newsletter;
pub mod notifications;
pub mod openapi;
pub mod organisations;
pub mod people;
pub mod polls;
pub mod pools;
pub mod proposals;
pub mod public;
pub mod routes;
pub mod seed;
pub mod server;
pub mod state;
pub mod timeline;
pub mod ttl_cache;
pub mod web;
pub mod work;

/// Logs to stderr, as text or JSON lines; `RUST_LOG` sets the level.
pub fn init_tracing(json: bool) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}
