//! Reading what a notice needs of its addressees (their person row, their choice for
//! the kind) so that one unreadable stored value holds back only its own person.
//!
//! A stored value that cannot be read (a language or mode no version of intercoop
//! wrote) is an error, never a default (`db::types`). Read for many people in one
//! query, one such row used to fail the whole notice: nobody was told, and the job
//! retried for everybody. Now the people are read in one query and, only when a value
//! is unreadable (`DbErr::Type`), again one by one: the others are told, and the person
//! with the unreadable row is named in the error of a notice of their own
//! (`notifications::send`), which the jobs page shows and which is tried again.

use crate::entities::person;
use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter};
use std::collections::BTreeMap;

/// Why a person was held back: the unreadable value, with its table, column and row.
pub type HeldBack = BTreeMap<i64, String>;

/// Reads rows keyed by person with `read` (given several person ids, it returns their
/// rows) in one call; when a value is unreadable, reads each person alone. Returns the
/// rows read and the people held back with their reason. Other errors (the database's)
/// are returned as they are.
pub async fn each<T, F, Fut>(ids: &[i64], read: F) -> Result<(Vec<T>, HeldBack), DbErr>
where
    F: Fn(Vec<i64>) -> Fut,
    Fut: std::future::Future<Output = Result<Vec<T>, DbErr>>,
{
    match read(ids.to_vec()).await {
        Err(DbErr::Type(_)) => {
            let mut rows = Vec::new();
            let mut held = HeldBack::new();
            for &id in ids {
                match read(vec![id]).await {
                    Ok(mut r) => rows.append(&mut r),
                    Err(DbErr::Type(why)) => {
                        held.insert(id, why);
                    }
                    Err(e) => return Err(e),
                }
            }
            Ok((rows, held))
        }
        other => other.map(|rows| (rows, HeldBack::new())),
    }
}

/// The people of `ids` who are not disabled, by id, and those whose row is unreadable.
pub async fn people<C: sea_orm::ConnectionTrait>(
    conn: &C,
    ids: &[i64],
) -> Result<(BTreeMap<i64, person::Model>, HeldBack), DbErr> {
    let (rows, held) = each(ids, |ids| async move {
        person::Entity::find()
            .filter(person::Column::Id.is_in(ids))
            .filter(person::Column::Disabled.eq(false))
            .all(conn)
            .await
    })
    .await?;
    Ok((rows.into_iter().map(|p| (p.id, p)).collect(), held))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Person 2's row is unreadable: 1 and 3 are read, 2 is held back with its reason.
    #[tokio::test]
    async fn one_unreadable_row_holds_back_only_its_person() {
        let read = |ids: Vec<i64>| async move {
            if ids.contains(&2) {
                Err(DbErr::Type("unreadable Mode \"weekly\" of row id 2".into()))
            } else {
                Ok(ids)
            }
        };
        let (rows, held) = each(&[1, 2, 3], read).await.unwrap();
        assert_eq!(rows, [1, 3]);
        assert_eq!(held.keys().copied().collect::<Vec<_>>(), [2]);
        assert!(held[&2].contains("weekly"));
    }

    #[tokio::test]
    async fn other_errors_are_errors() {
        let read = |_ids: Vec<i64>| async move { Err::<Vec<i64>, _>(DbErr::Custom("gone".into())) };
        assert!(each(&[1, 2], read).await.is_err());
    }
}
