//! Reading sea-query statements into rows: a list's page with its count
//! ([`fetch_page`]), all rows or one, and the join that keeps a list's index order on
//! SQLite ([`join_in_order`]).

use super::Db;
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr};

/// A page of a list (read from `db.read`) and the number of matches.
///
/// `count` has the same filters as `page`, selecting `COUNT(*)` and nothing else. On
/// SQLite, a total counted since the last commit is reused (see [`super::totals`]); otherwise
/// the count rides on each row of the page as a sub-query, in the same round trip. On
/// a page past the end, the count is asked alone.
pub async fn fetch_page<T>(
    db: &Db,
    page: &sea_orm::sea_query::SelectStatement,
    count: &sea_orm::sea_query::SelectStatement,
    offset: u64,
) -> Result<(Vec<T>, i64), DbErr>
where
    T: sea_orm::FromQueryResult,
{
    // The version is read before anything is counted (see `totals`).
    let Some((totals, version)) = db.totals.as_ref().and_then(|t| Some((t, t.version()?))) else {
        return fetch_counted_page(&db.read, page, count, offset).await;
    };
    let key = count.to_string(sea_orm::sea_query::SqliteQueryBuilder);
    if let Some(total) = totals.get(&key, version) {
        return Ok((fetch_all(&db.read, page).await?, total));
    }
    let (rows, total) = fetch_counted_page(&db.read, page, count, offset).await?;
    totals.keep(key, version, total);
    Ok((rows, total))
}

impl Db {
    /// `read()`'s value, kept on SQLite until the database changes (under `key`, which
    /// must name everything the value depends on besides the database: its statement's
    /// values, a network's id); read again each time on PostgreSQL, where several
    /// instances write. For values derived from many rows and shown often, whose reading
    /// grows with the network (see [`super::totals`] for the version).
    pub async fn memo<T, E, F, Fut>(&self, key: &str, read: F) -> Result<T, E>
    where
        T: Clone + Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<T, E>>,
    {
        self.memo_while(key, |_: &T| true, read).await
    }

    /// [`Db::memo`] for a value that also depends on the clock: the kept value is used
    /// only while `valid` says it still holds (an upcoming event that has not ended),
    /// and read again otherwise.
    pub async fn memo_while<T, E, V, F, Fut>(&self, key: &str, valid: V, read: F) -> Result<T, E>
    where
        T: Clone + Send + Sync + 'static,
        V: FnOnce(&T) -> bool,
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<T, E>>,
    {
        let Some((totals, version)) = self.totals.as_ref().and_then(|t| Some((t, t.version()?))) else {
            return read().await;
        };
        if let Some(value) = totals.value::<T>(key, version).filter(valid) {
            return Ok(value);
        }
        let value = read().await?;
        totals.keep_value(key.to_string(), version, value.clone());
        Ok(value)
    }
}

/// A page and its count in one statement (see [`fetch_page`]).
async fn fetch_counted_page<T: sea_orm::FromQueryResult>(
    conn: &DatabaseConnection,
    page: &sea_orm::sea_query::SelectStatement,
    count: &sea_orm::sea_query::SelectStatement,
    offset: u64,
) -> Result<(Vec<T>, i64), DbErr> {
    use sea_orm::sea_query::{Expr, Query, SubQueryStatement};
    let mut q = page.clone();
    q.expr_as(
        Expr::SubQuery(None, Box::new(SubQueryStatement::SelectStatement(count.clone()))),
        "page_total",
    );
    let rows: Vec<Counted<T>> = fetch_all(conn, &q).await?;
    let total = match rows.first() {
        Some(r) => r.total,
        None if offset == 0 => 0,
        None => {
            #[derive(sea_orm::FromQueryResult)]
            struct Total {
                page_total: i64,
            }
            let q = Query::select()
                .expr_as(
                    Expr::SubQuery(None, Box::new(SubQueryStatement::SelectStatement(count.clone()))),
                    "page_total",
                )
                .take();
            fetch_one::<Total, _>(conn, &q).await?.map_or(0, |t| t.page_total)
        }
    };
    Ok((rows.into_iter().map(|r| r.row).collect(), total))
}

/// Joins `table` as an inner join that keeps the tables before it as the outer loop, so
/// that a list read in an index's order (e.g. organisations by name) stops after its page.
///
/// BACKEND-SPECIFIC: SQLite's documented way to fix a join order is `CROSS JOIN` (the
/// same rows as an inner join; sea-query writes it without `ON`, so the condition goes to
/// `WHERE`). Left to choose, SQLite 3.51 read every membership and sorted the whole
/// network for each page of organisations (1.3 ms at scale 100 against 0.2 ms).
/// PostgreSQL plans by itself.
pub fn join_in_order(
    q: &mut sea_orm::sea_query::SelectStatement,
    backend: DatabaseBackend,
    table: &str,
    alias: &str,
    on: sea_orm::sea_query::Expr,
) {
    use sea_orm::sea_query::{Expr, JoinType};
    if backend == DatabaseBackend::Sqlite {
        q.join_as(
            JoinType::CrossJoin,
            table.to_string(),
            alias.to_string(),
            Expr::val(true),
        )
        .and_where(on);
    } else {
        q.join_as(JoinType::InnerJoin, table.to_string(), alias.to_string(), on);
    }
}

/// Runs a sea-query SELECT and maps each row into `T` (a flat projection).
pub async fn fetch_all<T, C>(conn: &C, stmt: &sea_orm::sea_query::SelectStatement) -> Result<Vec<T>, DbErr>
where
    T: sea_orm::FromQueryResult,
    C: ConnectionTrait,
{
    let built = conn.get_database_backend().build(stmt);
    T::find_by_statement(built).all(conn).await
}

/// Runs a sea-query SELECT expected to return at most one row.
pub async fn fetch_one<T, C>(conn: &C, stmt: &sea_orm::sea_query::SelectStatement) -> Result<Option<T>, DbErr>
where
    T: sea_orm::FromQueryResult,
    C: ConnectionTrait,
{
    let built = conn.get_database_backend().build(stmt);
    T::find_by_statement(built).one(conn).await
}

/// A row and the number of matches of the whole list, read together.
struct Counted<T> {
    row: T,
    total: i64,
}

impl<T: sea_orm::FromQueryResult> sea_orm::FromQueryResult for Counted<T> {
    fn from_query_result(res: &sea_orm::QueryResult, pre: &str) -> Result<Self, DbErr> {
        Ok(Counted {
            row: T::from_query_result(res, pre)?,
            total: res.try_get(pre, "page_total")?,
        })
    }
}
