use clap::Parser;

fn main() -> anyhow::Result<()> {
    // Before the runtime starts its threads (see `intercoop::memory`).
    intercoop::memory::limit_arenas();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(intercoop::cli::run(intercoop::cli::Cli::parse()))
}
