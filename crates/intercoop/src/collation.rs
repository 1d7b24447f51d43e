//! Names in the order a reader expects: the Unicode Collation Algorithm (UTS #10) with
//! the CLDR root order, from ICU4X's `icu_collator` (never byte order: "Épicerie"
//! before "Zèbre", "ölmühle" beside "Olive", case and accents only breaking ties).
//!
//! # One order for French, English, German and Dutch
//! CLDR tailors none of the four languages intercoop speaks: their standard collation
//! *is* the root order (French's backwards accents belong to fr-CA; German's phonebook
//! order is an option, not the default; Dutch sorts "ij" as i + j). So one sort key per
//! name serves every reader, and lists are sorted in SQL by that key, bytewise, the
//! same on SQLite and PostgreSQL. `collation::tests::root_order_is_each_language_order`
//! checks the claim against each language's own collator, so a future CLDR tailoring
//! would fail the tests rather than mis-sort quietly.
//!
//! # Stored keys
//! `organisations.name_key` and `people.name_key` (migration 20) hold [`sort_key`] of
//! the name, written with every write of a name (the entities' `before_save`). ICU4X
//! does not promise the same keys across its versions, so [`refresh`] compares a
//! [`fingerprint`] of the running collation with the one that made the stored keys and
//! recomputes them all at start when it differs (or was never recorded).

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ConnectionTrait, DbErr};
use std::cmp::Ordering;
use std::sync::LazyLock;

/// The root collator at tertiary strength (letters, then accents, then case).
static ROOT: LazyLock<CollatorBorrowed<'static>> = LazyLock::new(|| {
    Collator::try_new(Default::default(), CollatorOptions::default())
        .expect("the root collation is compiled into icu_collator")
});

/// The sort key of `name`: bytes whose bytewise order is the collation order of the
/// names (ties between equal keys are broken by the caller, by id).
pub fn sort_key(name: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(name.len() * 2 + 4);
    match ROOT.write_sort_key_to(name, &mut key) {
        Ok(()) => key,
        Err(never) => match never {},
    }
}

/// Compares two names in the collation order (for lists sorted in memory).
pub fn compare(a: &str, b: &str) -> Ordering {
    ROOT.compare(a, b)
}

/// Sorts `items` by the name `name_of` gives, in the collation order; stable.
pub fn sort_by_name<T>(items: &mut [T], name_of: impl Fn(&T) -> &str) {
    items.sort_by(|a, b| compare(name_of(a), name_of(b)));
}

/// Names whose keys change whenever the collation's data or key format does.
const PROBES: &[&str] = &[
    "a",
    "A",
    "á",
    "ä",
    "æ",
    "b",
    "ç",
    "é",
    "ë",
    "ij",
    "ĳ",
    "ł",
    "ñ",
    "ø",
    "œ",
    "ß",
    "ss",
    "ü",
    "z",
    "Zèbre",
    "Épicerie",
    "Ölmühle",
    "1",
    "10",
    "2",
    "-",
    " ",
    "'",
    "Ω",
    "я",
    "中",
    "😀",
];

/// A short fingerprint of the running collation: the SHA-256 of the probes' keys (hex,
/// 16 characters).
pub fn fingerprint() -> String {
    use sha2::Digest;
    let mut hash = sha2::Sha256::new();
    for probe in PROBES {
        let key = sort_key(probe);
        hash.update((key.len() as u32).to_be_bytes());
        hash.update(&key);
    }
    hash.finalize()[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The row of `sort_key_versions` for names.
const NAMES: &str = "names";

/// Makes every stored name key current: when the fingerprint recorded in
/// `sort_key_versions` is missing or differs from [`fingerprint`], recomputes the keys
/// of every organisation and person and records the fingerprint, in one transaction.
/// Run at each start after the migrations (`Db::migrate`); cheap when nothing changed
/// (one read). Of two instances starting together, the second recomputes the same keys.
///
/// Errors: the database's.
pub async fn refresh<C: crate::db::migrations::Connection>(db: &C) -> Result<bool, DbErr> {
    let current = fingerprint();
    let stored = db
        .query_one(
            Query::select()
                .column("fingerprint")
                .from("sort_key_versions")
                .and_where(Expr::col("name").eq(NAMES)),
        )
        .await?
        .map(|row| row.try_get::<String>("", "fingerprint"))
        .transpose()?;
    if stored.as_deref() == Some(current.as_str()) {
        return Ok(false);
    }
    let started = std::time::Instant::now();
    let txn = db.begin().await?;
    let mut count = 0;
    for table in ["organisations", "people"] {
        let rows = txn
            .query_all(Query::select().columns(["id", "name"]).from(table))
            .await?;
        for row in rows {
            let id: i64 = row.try_get("", "id")?;
            let name: String = row.try_get("", "name")?;
            txn.execute(
                Query::update()
                    .table(table)
                    .value("name_key", sort_key(&name))
                    .and_where(Expr::col("id").eq(id)),
            )
            .await?;
            count += 1;
        }
    }
    txn.execute(
        Query::insert()
            .into_table("sort_key_versions")
            .columns(["name", "fingerprint"])
            .values_panic([NAMES.into(), current.clone().into()])
            .on_conflict(OnConflict::column("name").update_column("fingerprint").to_owned()),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(
        names = count,
        fingerprint = %current,
        previous = stored.as_deref().unwrap_or("none"),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "name sort keys recomputed for the running collation"
    );
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use icu_collator::CollatorPreferences;
    use icu_locale_core::locale;
    use proptest::prelude::*;

    fn by_key(names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort_by_key(|n| sort_key(n));
        v
    }

    #[test]
    fn accented_and_lower_case_names_sort_among_their_letters() {
        assert_eq!(
            by_key(&[
                "Zèbre",
                "Épicerie Bio",
                "abeille",
                "Ölmühle",
                "Oliveraie",
                "épi",
                "Ça Marche",
                "Cabas"
            ]),
            // A space sorts before letters: "Ça Marche" before "Cabas".
            [
                "abeille",
                "Ça Marche",
                "Cabas",
                "épi",
                "Épicerie Bio",
                "Oliveraie",
                "Ölmühle",
                "Zèbre"
            ]
        );
    }

    #[test]
    fn case_and_accents_only_break_ties() {
        assert_eq!(
            by_key(&["Rosé", "résumé", "resume", "RESUME", "Rose"]),
            ["resume", "RESUME", "résumé", "Rose", "Rosé"]
        );
    }

    /// The claim of the module's documentation: for each language intercoop speaks, its
    /// own CLDR collator orders names as the root keys do.
    #[test]
    fn root_order_is_each_language_order() {
        let names = [
            "IJsselmeer",
            "Ijs",
            "Iglo",
            "Jan",
            "Müller",
            "Mueller",
            "Muller",
            "Mylius",
            "côte",
            "coté",
            "cote",
            "côté",
            "Straße",
            "Strasse",
            "Strauss",
            "Œuvre",
            "Oeuvre",
            "Ødegaard",
            "Zürich",
            "Zug",
            "l'Épicerie",
            "La Épicerie",
        ];
        for tag in [locale!("fr"), locale!("en"), locale!("de"), locale!("nl")] {
            let collator = Collator::try_new(CollatorPreferences::from(&tag), CollatorOptions::default()).unwrap();
            for a in names {
                for b in names {
                    assert_eq!(
                        collator.compare(a, b),
                        sort_key(a).cmp(&sort_key(b)),
                        "{tag}: {a} vs {b}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_fingerprint_is_stable_within_a_build() {
        assert_eq!(fingerprint(), fingerprint());
        assert_eq!(fingerprint().len(), 16);
    }

    proptest! {
        /// Keys order names exactly as the collator compares them.
        #[test]
        fn keys_order_as_the_collator_compares(a in "\\PC{0,12}", b in "\\PC{0,12}") {
            prop_assert_eq!(sort_key(&a).cmp(&sort_key(&b)), compare(&a, &b));
        }
    }
}
