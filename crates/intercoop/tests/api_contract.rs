//! The API document is a contract: member cooperatives' scripts rely on it.
//!
//! - `docs/openapi.json` is the document, checked in: a change to the API (a path, a
//!   field, a status) fails here until the file is regenerated in the same commit
//!   (`cargo run -- openapi > docs/openapi.json`), so that the change shows in review.
//! - Every `/api/v1` route of the route table is in the document, and every path of the
//!   document is a route.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn checked_in() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/openapi.json")
}

/// (method, path) of every operation of a document.
fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    doc["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .expect("a path item")
                .keys()
                .filter(|k| ["get", "post", "put", "patch", "delete"].contains(&k.as_str()))
                .map(move |m| (m.to_uppercase(), path.clone()))
        })
        .collect()
}

#[test]
fn the_checked_in_document_is_the_api() {
    let now = intercoop::openapi::document_json();
    let path = checked_in();
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    if before.trim_end() == now.trim_end() {
        return;
    }
    let old: Value = serde_json::from_str(&before).unwrap_or(Value::Null);
    let new: Value = serde_json::from_str(&now).unwrap();
    let (was, is) = if old.is_null() {
        (BTreeSet::new(), operations(&new))
    } else {
        (operations(&old), operations(&new))
    };
    let removed: Vec<_> = was.difference(&is).collect();
    let added: Vec<_> = is.difference(&was).collect();
    let changed: Vec<_> = was
        .intersection(&is)
        .filter(|(m, p)| {
            let m = m.to_lowercase();
            old["paths"][p.as_str()][m.as_str()] != new["paths"][p.as_str()][m.as_str()]
        })
        .collect();
    let old_schemas: BTreeSet<String> = old["components"]["schemas"]
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    let changed_schemas: Vec<&String> = new["components"]["schemas"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, v)| !old_schemas.contains(*k) || old["components"]["schemas"][k.as_str()] != **v)
        .map(|(k, _)| k)
        .collect();
    panic!(
        "the API changed without its document: {} differs.\n\
         operations removed (scripts rely on them: never rename, add instead): {removed:?}\n\
         operations added: {added:?}\n\
         operations changed (parameters, bodies, responses): {changed:?}\n\
         schemas new or changed: {changed_schemas:?}\n\
         If the change is meant, regenerate it in the same commit:\n    \
         cargo run -- openapi > docs/openapi.json",
        path.display()
    );
}

#[test]
fn every_api_route_is_documented_and_every_documented_path_is_a_route() {
    let doc: Value = serde_json::from_str(&intercoop::openapi::document_json()).unwrap();
    let documented = operations(&doc);
    let routes: BTreeSet<(String, String)> = intercoop::routes::table()
        .into_iter()
        .filter(|s| s.path.starts_with("/api/v1/"))
        .map(|s| (s.method.to_string(), s.path.to_string()))
        .collect();
    let undocumented: Vec<_> = routes.difference(&documented).collect();
    assert!(
        undocumented.is_empty(),
        "API routes missing from the document: {undocumented:?}"
    );
    let phantom: Vec<_> = documented.difference(&routes).collect();
    assert!(
        phantom.is_empty(),
        "documented operations that are no route: {phantom:?}"
    );
}

/// The document is valid OpenAPI where generated clients break first: each path
/// parameter declared (and only those in the path), query parameters in the query,
/// `operationId`s unique, every response described, every `$ref` resolvable.
#[test]
fn the_document_is_valid_where_clients_break() {
    let doc: Value = serde_json::from_str(&intercoop::openapi::document_json()).unwrap();
    let mut ids = BTreeSet::new();
    let mut problems = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        let in_path: BTreeSet<&str> = path
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .collect();
        for (method, op) in item.as_object().unwrap() {
            let where_ = format!("{} {path}", method.to_uppercase());
            match op["operationId"].as_str() {
                Some(id) if ids.insert(id.to_string()) => {}
                other => problems.push(format!("{where_}: operationId {other:?} missing or repeated")),
            }
            let params = op["parameters"].as_array().cloned().unwrap_or_default();
            for name in &in_path {
                if !params.iter().any(|p| p["in"] == "path" && p["name"] == *name) {
                    problems.push(format!("{where_}: path parameter {name} not declared"));
                }
            }
            for p in &params {
                if p["in"] == "path" && !in_path.contains(p["name"].as_str().unwrap_or("")) {
                    problems.push(format!(
                        "{where_}: {} declared in the path, which has no such part",
                        p["name"]
                    ));
                }
            }
            for (status, r) in op["responses"].as_object().unwrap() {
                if r.get("$ref").is_none() && r["description"].as_str().is_none_or(str::is_empty) {
                    problems.push(format!("{where_}: response {status} has no description"));
                }
            }
        }
    }
    // Every reference points at a schema of the document.
    let text = doc.to_string();
    for part in text.split("\"$ref\":\"").skip(1) {
        let target = &part[..part.find('"').unwrap()];
        let name = target.trim_start_matches("#/components/schemas/");
        if doc["components"]["schemas"].get(name).is_none() {
            problems.push(format!("$ref {target} does not resolve"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
