//! Money events the treasurer records by hand: a grant received, an operating cost paid
//! (facilitation, hosting), a provider paid for a funded proposal out of the money held
//! for it. Each is one balanced entry of the journal; the runway reads the bank account
//! they move.

use super::ledger::{self, About};
use crate::audit::{self, Actor, Change};
use crate::error::{AppError, AppResult, FieldErrors};
use intercoop_domain::Money;
use intercoop_domain::ledger::{Account, Event};
use sea_orm::ConnectionTrait;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use serde::{Deserialize, Serialize};

/// An entry as the API takes it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EntryIn {
    /// grant-received, operating-cost or provider-paid
    pub kind: String,
    pub amount_cents: i64,
    /// The funded campaign a provider is paid for (provider-paid only).
    #[serde(default)]
    pub campaign_id: Option<i64>,
    /// What it was (shown in the journal).
    #[serde(default)]
    pub memo: String,
}

/// What was recorded.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EntryOut {
    pub kind: String,
    pub amount_cents: i64,
    pub campaign_id: Option<i64>,
    pub memo: String,
    /// The bank's balance after it.
    pub bank_cents: i64,
}

/// Whether a campaign is the network's (read by its table: money sits below funding).
async fn campaign_of<C: ConnectionTrait>(conn: &C, network_id: i64, campaign_id: i64) -> AppResult<bool> {
    let q = Query::select()
        .column("id")
        .from("campaigns")
        .and_where(Expr::col("id").eq(campaign_id))
        .and_where(Expr::col("network_id").eq(network_id))
        .take();
    Ok(conn.query_one(&q).await?.is_some())
}

/// Checks and records an entry: a positive amount; a provider paid for a campaign of
/// the network, at most what is held for it.
pub async fn record<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    input: &EntryIn,
) -> AppResult<EntryOut> {
    let mut errors = FieldErrors::default();
    if input.amount_cents <= 0 {
        errors.add("amount_cents", "amount-positive");
    } else if input.amount_cents > 99_999_999_999 {
        errors.add("amount_cents", "amount-out-of-range");
    }
    let memo = errors.optional_line("memo", &input.memo, 140);
    let amount = Money::from_cents(input.amount_cents);
    let event = match input.kind.as_str() {
        "grant-received" => Some(Event::GrantReceived { amount }),
        "operating-cost" => Some(Event::OperatingCost { amount }),
        "provider-paid" => match input.campaign_id {
            Some(campaign) if campaign_of(conn, network_id, campaign).await? => {
                // A project account holds credits: what is held is its balance negated.
                let held = -ledger::balance(conn, network_id, Account::project(campaign))
                    .await?
                    .cents();
                if input.amount_cents > held {
                    errors.add_with(
                        "amount_cents",
                        "provider-exceeds-held",
                        vec![("held", held.to_string())],
                    );
                }
                Some(Event::ProviderPaid { campaign, amount })
            }
            _ => {
                errors.add("campaign_id", "campaign-unknown");
                None
            }
        },
        _ => {
            errors.add("kind", "entry-kind");
            None
        }
    };
    errors.into_result()?;
    let event = event.ok_or(AppError::NotFound)?;
    ledger::post(
        conn,
        network_id,
        vec![(
            event,
            About {
                campaign_id: input.campaign_id.filter(|_| input.kind == "provider-paid"),
                memo: memo.clone(),
                ..About::default()
            },
        )],
    )
    .await?;
    let out = EntryOut {
        kind: input.kind.clone(),
        amount_cents: input.amount_cents,
        campaign_id: input.campaign_id.filter(|_| input.kind == "provider-paid"),
        memo,
        bank_cents: ledger::balance(conn, network_id, Account::BANK).await?.cents(),
    };
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: "ledger.record",
            entity: "ledger_entry",
            entity_id: None,
        },
        None::<&()>,
        Some(&out),
    )
    .await?;
    Ok(out)
}
