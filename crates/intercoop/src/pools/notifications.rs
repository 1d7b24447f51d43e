//! What budgeting rounds tell, and to whom (decided when each email is made, by the
//! notification service, in each reader's language):
//!
//! | kind | who | when |
//! |---|---|---|
//! | `round_opened` | the people of every organisation with an allocation in the round | the round opens (the job `pools.opened`) |
//! | `round_reminder` | the people of the organisations that still have allocation left when it is sent | 48 h before the round closes (the job `pools.remind`, once) |
//! | `round_result` | the people of every organisation with an allocation in the round | the round is closed |

use super::entities::{OPEN, allocation, round};
use crate::error::AppResult;
use crate::notifications::recipients::{people, people_of};
use crate::notifications::{Addressee, Audiences, Kind, Notice, Var, audience, notify};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// The audiences of this feature's notices.
pub fn audiences(a: Audiences) -> Audiences {
    a.with(
        Kind::RoundOpened,
        audience(|conn, n| Box::pin(async move { participants(conn, n, false).await })),
    )
    .with(
        Kind::RoundReminder,
        audience(|conn, n| Box::pin(async move { participants(conn, n, true).await })),
    )
    .with(
        Kind::RoundResult,
        audience(|conn, n| Box::pin(async move { participants(conn, n, false).await })),
    )
}

/// The people of the round's participating organisations (with `left_only`, of those
/// with allocation left now).
async fn participants<C: ConnectionTrait>(conn: &C, n: &Notice, left_only: bool) -> AppResult<Vec<Addressee>> {
    let Some(round_id) = n.about else {
        return Ok(Vec::new());
    };
    let mut q = allocation::Entity::find()
        .filter(allocation::Column::RoundId.eq(round_id))
        .filter(allocation::Column::NetworkId.eq(n.network_id))
        .filter(allocation::Column::AllocationCents.gt(0));
    if left_only {
        q = q.filter(Expr::col(allocation::Column::PlacedCents).lt(Expr::col(allocation::Column::AllocationCents)));
    }
    let orgs: Vec<i64> = q.all(conn).await?.into_iter().map(|a| a.organisation_id).collect();
    Ok(people(people_of(conn, n.network_id, &orgs).await?))
}

fn notice(kind: Kind, r: &round::Model) -> Notice {
    Notice::new(kind, r.network_id)
        .about(r.id)
        .text("title", r.title.clone())
        .var("closes", Var::DateTime(r.closes_at))
        .var("budget", Var::Money(r.budget_cents))
        .link(format!("/rounds/{}", r.id))
}

/// Notes when an email of a round went (`column`), for its page.
async fn sent<C: ConnectionTrait>(conn: &C, r: &round::Model, column: round::Column) -> AppResult<()> {
    round::Entity::update_many()
        .col_expr(column, Expr::value(crate::db::now()))
        .filter(round::Column::Id.eq(r.id))
        .filter(column.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// A round opened: its participants are told (once).
pub async fn opened<C: ConnectionTrait>(conn: &C, r: &round::Model) -> AppResult<()> {
    notify(
        conn,
        notice(Kind::RoundOpened, r),
        Some(format!("round_opened:{}", r.id)),
    )
    .await?;
    sent(conn, r, round::Column::OpenedSentAt).await
}

/// The reminder before a round closes, once, to those with allocation left then.
pub async fn reminder<C: ConnectionTrait>(conn: &C, r: &round::Model) -> AppResult<()> {
    if r.status != OPEN {
        return Ok(());
    }
    notify(
        conn,
        notice(Kind::RoundReminder, r),
        Some(format!("round_reminder:{}", r.id)),
    )
    .await?;
    sent(conn, r, round::Column::ReminderSentAt).await
}

/// A round's result, once, when it is closed.
pub async fn result<C: ConnectionTrait>(conn: &C, r: &round::Model) -> AppResult<()> {
    notify(
        conn,
        notice(Kind::RoundResult, r),
        Some(format!("round_result:{}", r.id)),
    )
    .await?;
    sent(conn, r, round::Column::ResultSentAt).await
}
