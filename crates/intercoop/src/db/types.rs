//! Typed stored values: an enum stored as its word ([`Text`]) and a value stored as
//! JSON text ([`Json`]). Reading a value the application cannot read (a word it does
//! not know, JSON of another shape) is an error naming the type, the column, the value
//! and the row's id, never a default: a silent default would change what the row means
//! (every share, if a sharing key fell back to "equal").

use intercoop_domain::TextEnum;
use sea_orm::sea_query::{ArrayType, ColumnType, Nullable, ValueType, ValueTypeErr};
use sea_orm::{ColIdx, DbErr, QueryResult, TryGetError, TryGetable, Value};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// An enum stored as its word (`TEXT`), e.g. `Text<ProposalStatus>` for `"draft"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text<T>(pub T);

impl<T> std::ops::Deref for Text<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: PartialEq> PartialEq<T> for Text<T> {
    fn eq(&self, other: &T) -> bool {
        self.0 == *other
    }
}

impl<T: TextEnum> From<T> for Text<T> {
    fn from(value: T) -> Self {
        Text(value)
    }
}

impl<T: TextEnum> From<Text<T>> for Value {
    fn from(value: Text<T>) -> Value {
        Value::String(Some(value.0.as_str().to_string()))
    }
}

impl<T: TextEnum> TryGetable for Text<T> {
    fn try_get_by<I: ColIdx>(res: &QueryResult, index: I) -> Result<Self, TryGetError> {
        let word = String::try_get_by(res, index)?;
        T::parse(&word)
            .map(Text)
            .ok_or_else(|| unreadable(res, index, T::NAME, &word))
    }
}

impl<T: TextEnum> ValueType for Text<T> {
    fn try_from(v: Value) -> Result<Self, ValueTypeErr> {
        let word = <String as ValueType>::try_from(v)?;
        T::parse(&word).map(Text).ok_or(ValueTypeErr)
    }
    fn type_name() -> String {
        T::NAME.to_string()
    }
    fn array_type() -> ArrayType {
        ArrayType::String
    }
    fn column_type() -> ColumnType {
        ColumnType::Text
    }
}

impl<T: TextEnum> Nullable for Text<T> {
    fn null() -> Value {
        Value::String(None)
    }
}

impl<T: TextEnum> sea_orm::IntoActiveValue<Text<T>> for Text<T> {
    fn into_active_value(self) -> sea_orm::ActiveValue<Text<T>> {
        sea_orm::ActiveValue::Set(self)
    }
}

impl<T: TextEnum> Serialize for Text<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.as_str())
    }
}

impl<T: TextEnum> std::fmt::Display for Text<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.as_str())
    }
}

/// A value stored as JSON text, e.g. `Json<SharingKey>` for `{"kind":"equal"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Json<T>(pub T);

impl<T> std::ops::Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Serialize> Json<T> {
    fn text(&self) -> String {
        // Serialising our own types (derived Serialize, string keys) does not fail.
        serde_json::to_string(&self.0).expect("a stored value serialises to JSON")
    }
}

impl<T: Serialize> From<Json<T>> for Value {
    fn from(value: Json<T>) -> Value {
        Value::String(Some(value.text()))
    }
}

impl<T: DeserializeOwned> TryGetable for Json<T> {
    fn try_get_by<I: ColIdx>(res: &QueryResult, index: I) -> Result<Self, TryGetError> {
        let text = String::try_get_by(res, index)?;
        serde_json::from_str(&text)
            .map(Json)
            .map_err(|e| unreadable(res, index, std::any::type_name::<T>(), &format!("{text} ({e})")))
    }
}

impl<T: Serialize + DeserializeOwned> ValueType for Json<T> {
    fn try_from(v: Value) -> Result<Self, ValueTypeErr> {
        let text = <String as ValueType>::try_from(v)?;
        serde_json::from_str(&text).map(Json).map_err(|_| ValueTypeErr)
    }
    fn type_name() -> String {
        format!("Json<{}>", std::any::type_name::<T>())
    }
    fn array_type() -> ArrayType {
        ArrayType::String
    }
    fn column_type() -> ColumnType {
        ColumnType::Text
    }
}

impl<T> Nullable for Json<T> {
    fn null() -> Value {
        Value::String(None)
    }
}

impl<T: Serialize + DeserializeOwned> sea_orm::IntoActiveValue<Json<T>> for Json<T> {
    fn into_active_value(self) -> sea_orm::ActiveValue<Json<T>> {
        sea_orm::ActiveValue::Set(self)
    }
}

impl<T: Serialize> Serialize for Json<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// The error of an unreadable stored value: its type, column, value and row id (when
/// the row has an `id` column).
fn unreadable<I: ColIdx>(res: &QueryResult, index: I, what: &str, value: &str) -> TryGetError {
    let row = match res.try_get_by::<i64, _>("id") {
        Ok(id) => format!(" of row id {id}"),
        Err(_) => String::new(),
    };
    TryGetError::DbErr(DbErr::Type(format!(
        "unreadable {what} {value:?} in column {index:?}{row}"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use intercoop_domain::lifecycle::ProposalStatus;

    #[test]
    fn words_and_json_round_trip_through_values() {
        let v: Value = Text(ProposalStatus::InProgress).into();
        assert_eq!(v, Value::String(Some("in_progress".into())));
        assert_eq!(
            <Text<ProposalStatus> as ValueType>::try_from(v).unwrap(),
            Text(ProposalStatus::InProgress)
        );
        assert!(<Text<ProposalStatus> as ValueType>::try_from(Value::String(Some("drafty".into()))).is_err());
        let key = Json(intercoop_domain::sharing::SharingKey::Size);
        let v: Value = key.clone().into();
        assert_eq!(v, Value::String(Some(r#"{"kind":"size"}"#.into())));
        assert_eq!(
            <Json<intercoop_domain::sharing::SharingKey> as ValueType>::try_from(v).unwrap(),
            key
        );
    }
}
