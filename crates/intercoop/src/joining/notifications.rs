//! Who is told of an application: a confirmed application goes to the network's core
//! circle and administrators (asked at sending time, each by their own choice for the
//! kind). The applicant's own messages (the confirmation link, the decision) name
//! their addressee: the contact.

use crate::db;
use crate::error::AppResult;
use crate::notifications::{Addressee, Audiences, Kind, Notice, audience};
use sea_orm::ConnectionTrait;
use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Query};

/// Registers the audience of `application_received`.
pub fn audiences(a: Audiences) -> Audiences {
    a.with(
        Kind::ApplicationReceived,
        audience(|conn, n| Box::pin(async move { reviewers(conn, n).await })),
    )
}

/// The core circle and administrators of the notice's network, not disabled.
async fn reviewers<C: ConnectionTrait>(conn: &C, n: &Notice) -> AppResult<Vec<Addressee>> {
    let mut q = Query::select();
    q.expr_as(Expr::col(("np", "person_id")), "person_id")
        .from_as("network_people", "np")
        .join_as(
            JoinType::InnerJoin,
            "people",
            "p",
            Expr::col(("p", "id")).equals(("np", "person_id")),
        )
        .and_where(Expr::col(("np", "network_id")).eq(n.network_id))
        .and_where(Expr::col(("p", "disabled")).eq(false))
        .and_where(
            Expr::col(("np", "is_admin"))
                .eq(true)
                .or(Expr::col(("np", "is_core_circle")).eq(true)),
        )
        .order_by(("np", "person_id"), sea_orm::Order::Asc);
    #[derive(sea_orm::FromQueryResult)]
    struct Row {
        person_id: i64,
    }
    let rows: Vec<Row> = db::fetch_all(conn, &q).await?;
    Ok(rows.into_iter().map(|r| Addressee::new(r.person_id)).collect())
}
