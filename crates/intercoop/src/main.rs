use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    intercoop::cli::run(intercoop::cli::Cli::parse()).await
}
