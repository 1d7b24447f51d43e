//! Inserting many rows of one table: in statements of [`ROWS_PER_INSERT`] rows, so that
//! a statement's bound values stay below both backends' limits whatever the number of
//! rows (SQLite: 32 766 values; PostgreSQL: 65 535; the widest table inserted this way
//! has about 30 columns, so 500 rows bind at most about 15 000 values).

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait};

/// The rows one INSERT statement carries.
pub const ROWS_PER_INSERT: usize = 500;

/// Inserts `rows` (all of one table), [`ROWS_PER_INSERT`] per statement, in the caller's
/// transaction.
pub async fn insert_all<A, C>(conn: &C, rows: Vec<A>) -> Result<(), DbErr>
where
    A: ActiveModelTrait + Clone + Send,
    C: ConnectionTrait,
{
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        A::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

/// [`insert_all`], answering the rows as stored (with their ids) in no set order:
/// RETURNING gives none, but a multi-row insert numbers its rows in order, and each
/// statement after the one before, so sorting by id pairs them with `rows`.
pub async fn insert_all_returning<A, C>(conn: &C, rows: Vec<A>) -> Result<Vec<<A::Entity as EntityTrait>::Model>, DbErr>
where
    A: ActiveModelTrait + Clone + Send,
    <A::Entity as EntityTrait>::Model: sea_orm::IntoActiveModel<A>,
    C: ConnectionTrait,
{
    let mut stored = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        stored.extend(A::Entity::insert_many(chunk.to_vec()).exec_with_returning(conn).await?);
    }
    Ok(stored)
}
