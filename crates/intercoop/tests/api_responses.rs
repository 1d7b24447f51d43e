//! The API answers what its document says: every documented operation is called through
//! the real server (its success and its main refusals), and every answer is checked
//! against `docs/openapi.json`'s response for its status — the status documented, the
//! content type declared, the body valid against the schema (`$ref`s resolved, formats
//! such as `date-time` checked, and no field the schema does not name) — by the
//! `jsonschema` crate, not by hand.

mod common;

use common::TestApp;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;

/// What a call sends.
enum Payload {
    None,
    Json(Value),
    Raw(&'static str, String),
}

/// Who calls: a bearer token, or nobody.
#[derive(Clone)]
struct Who(Option<String>);

/// The document, the answers seen, and what did not match.
struct Contract {
    doc: Value,
    /// The document's components, every object schema closed: a field the schema does
    /// not name is a mismatch too (`unevaluatedProperties: false`).
    components: Value,
    seen: BTreeMap<(String, String), BTreeSet<u16>>,
    problems: Vec<String>,
    http: reqwest::Client,
    base: String,
}

const COMPOSITIONS: [&str; 3] = ["allOf", "oneOf", "anyOf"];

/// Closes every object schema: a field it does not name is refused
/// (`unevaluatedProperties: false`). A composition (`allOf`, `oneOf`, `anyOf`) is closed
/// where it is composed, which sees the fields its parts name, never in its parts: a part
/// closed alone would refuse the other parts' fields.
fn close_objects(schema: &mut Value, may_close: bool) {
    match schema {
        Value::Object(map) => {
            let composed = COMPOSITIONS.iter().any(|k| map.contains_key(*k));
            let open = !map.contains_key("additionalProperties") && !map.contains_key("unevaluatedProperties");
            if may_close && open && (composed || map.contains_key("properties")) {
                map.insert("unevaluatedProperties".into(), Value::Bool(false));
            }
            for (key, v) in map.iter_mut() {
                if COMPOSITIONS.contains(&key.as_str()) {
                    for part in v.as_array_mut().into_iter().flatten() {
                        close_objects(part, false);
                    }
                } else {
                    close_objects(v, true);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| close_objects(v, true)),
        _ => {}
    }
}

/// The components' schemas, closed, but those that are a part of a composition somewhere.
fn closed_components(doc: &Value) -> Value {
    let mut parts = BTreeSet::new();
    fn find_parts(v: &Value, parts: &mut BTreeSet<String>) {
        match v {
            Value::Object(map) => {
                for (key, v) in map {
                    if COMPOSITIONS.contains(&key.as_str()) {
                        for part in v.as_array().into_iter().flatten() {
                            if let Some(r) = part["$ref"].as_str() {
                                parts.insert(r.trim_start_matches("#/components/schemas/").to_string());
                            }
                        }
                    }
                    find_parts(v, parts);
                }
            }
            Value::Array(items) => items.iter().for_each(|v| find_parts(v, parts)),
            _ => {}
        }
    }
    find_parts(doc, &mut parts);
    let mut components = doc["components"].clone();
    for (name, schema) in components["schemas"].as_object_mut().unwrap() {
        close_objects(schema, !parts.contains(name));
    }
    components
}

impl Contract {
    fn new(app: &TestApp) -> Self {
        let doc: Value = serde_json::from_str(&intercoop::openapi::document_json()).unwrap();
        let components = closed_components(&doc);
        Contract {
            doc,
            components,
            seen: BTreeMap::new(),
            problems: Vec::new(),
            http: reqwest::Client::new(),
            base: app.base.clone(),
        }
    }

    /// Calls `method template` with its `{…}` parts filled from `args` in order, `query`
    /// appended; checks the answer against the document; returns its status and body.
    async fn call(
        &mut self,
        who: &Who,
        method: &str,
        template: &str,
        args: &[&dyn Display],
        query: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        let payload = body.map_or(Payload::None, Payload::Json);
        self.call_with(who, method, template, args, query, payload).await
    }

    /// [`Contract::call`] with a body that is not JSON (a bank statement).
    async fn call_raw(&mut self, who: &Who, template: &str, content_type: &'static str, body: String) -> (u16, Value) {
        self.call_with(who, "POST", template, &[], "", Payload::Raw(content_type, body))
            .await
    }

    async fn call_with(
        &mut self,
        who: &Who,
        method: &str,
        template: &str,
        args: &[&dyn Display],
        query: &str,
        body: Payload,
    ) -> (u16, Value) {
        let mut path = String::new();
        let mut args = args.iter();
        for part in template.split('/').skip(1) {
            path.push('/');
            if part.starts_with('{') {
                path.push_str(&args.next().expect("an argument per path part").to_string());
            } else {
                path.push_str(part);
            }
        }
        let url = format!("{}{path}{query}", self.base);
        let mut request = self.http.request(method.parse().unwrap(), &url);
        if let Some(token) = &who.0 {
            request = request.bearer_auth(token);
        }
        match body {
            Payload::None => {}
            Payload::Json(body) => request = request.json(&body),
            Payload::Raw(content_type, body) => request = request.header("content-type", content_type).body(body),
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(';').next().unwrap_or("").trim().to_string());
        let text = response.text().await.unwrap();
        let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        self.check(method, template, status, content_type.as_deref(), &text, &value);
        (status, value)
    }

    fn check(
        &mut self,
        method: &str,
        template: &str,
        status: u16,
        content_type: Option<&str>,
        text: &str,
        body: &Value,
    ) {
        let at = format!("{method} {template} → {status}");
        self.seen
            .entry((method.to_string(), template.to_string()))
            .or_default()
            .insert(status);
        let op = &self.doc["paths"][template][method.to_lowercase()];
        if op.is_null() {
            self.problems.push(format!("{at}: the operation is not documented"));
            return;
        }
        let documented = &op["responses"][status.to_string()];
        if documented.is_null() {
            self.problems.push(format!(
                "{at}: this status is not documented (documented: {:?}); body {}",
                op["responses"].as_object().unwrap().keys().collect::<Vec<_>>(),
                cut(text)
            ));
            return;
        }
        let content = &documented["content"];
        if text.is_empty() {
            if content.as_object().is_some_and(|c| !c.is_empty()) {
                self.problems.push(format!("{at}: no body, the document declares one"));
            }
            return;
        }
        let Some(content_type) = content_type else {
            self.problems.push(format!("{at}: a body without a content type"));
            return;
        };
        let Some(declared) = content.get(content_type) else {
            self.problems.push(format!(
                "{at}: answers {content_type}, the document declares {:?}",
                content.as_object().map(|c| c.keys().collect::<Vec<_>>())
            ));
            return;
        };
        let Some(schema) = declared.get("schema") else {
            self.problems.push(format!("{at}: {content_type} has no schema"));
            return;
        };
        // A PDF, an image: its declared content type is what can be checked.
        if !content_type.ends_with("json") {
            return;
        }
        if body.is_null() {
            self.problems.push(format!("{at}: the body is not JSON: {}", cut(text)));
            return;
        }
        let mut closed = schema.clone();
        close_objects(&mut closed, true);
        let root = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "components": self.components,
            "allOf": [closed],
        });
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&root)
            .unwrap_or_else(|e| panic!("{at}: the schema does not compile: {e}"));
        for error in validator.iter_errors(body) {
            self.problems.push(format!(
                "{at}: at {} {} (schema {})",
                error.instance_path(),
                error,
                error.schema_path()
            ));
        }
    }

    /// Every documented operation answered with success at least once.
    fn never_succeeded(&self) -> Vec<String> {
        let mut missing = Vec::new();
        for (path, item) in self.doc["paths"].as_object().unwrap() {
            for method in item.as_object().unwrap().keys() {
                let method = method.to_uppercase();
                let ok = self
                    .seen
                    .get(&(method.clone(), path.clone()))
                    .is_some_and(|s| s.iter().any(|s| (200..300).contains(s)));
                if !ok {
                    missing.push(format!("{method} {path}"));
                }
            }
        }
        missing
    }

    /// Documented statuses no call of this test produced (printed, for the reader).
    fn unseen_statuses(&self) -> Vec<String> {
        let mut unseen = Vec::new();
        for (path, item) in self.doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                let method = method.to_uppercase();
                let seen = self.seen.get(&(method.clone(), path.clone()));
                for status in op["responses"].as_object().unwrap().keys() {
                    let s: u16 = status.parse().unwrap();
                    if !seen.is_some_and(|seen| seen.contains(&s)) {
                        unseen.push(format!("{method} {path} {status}"));
                    }
                }
            }
        }
        unseen
    }
}

fn cut(text: &str) -> String {
    text.chars().take(300).collect()
}

fn id_of(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or_else(|| panic!("no id in {v}"))
}

both_backends!(
    every_documented_operation_answers_as_documented,
    |app: TestApp| async move {
        let mut c = Contract::new(&app);
        let admin = Who(Some(app.admin_token().await));
        let nobody = Who(None);
        let network = app.network_id().await;
        let none: &[&dyn Display] = &[];

        // Organisations.
        let org =
            |name: &str, kind: &str, size: i64| json!({"name": name, "kind": kind, "size": size, "country": "BE"});
        let (s, u1) = c
            .call(
                &admin,
                "POST",
                "/api/v1/organisations",
                none,
                "",
                Some(org("La Ruche", "user", 100)),
            )
            .await;
        assert_eq!(s, 201, "{u1}");
        let u1 = id_of(&u1);
        let u2 = id_of(
            &c.call(
                &admin,
                "POST",
                "/api/v1/organisations",
                none,
                "",
                Some(org("Épi", "user", 300)),
            )
            .await
            .1,
        );
        let u3 = id_of(
            &c.call(
                &admin,
                "POST",
                "/api/v1/organisations",
                none,
                "",
                Some(org("De Korf", "user", 50)),
            )
            .await
            .1,
        );
        let prov = id_of(
            &c.call(
                &admin,
                "POST",
                "/api/v1/organisations",
                none,
                "",
                Some(org("Code Coop", "provider", 12)),
            )
            .await
            .1,
        );
        c.call(
            &admin,
            "POST",
            "/api/v1/organisations",
            none,
            "",
            Some(json!({"name": ""})),
        )
        .await;
        c.call(&nobody, "GET", "/api/v1/organisations", none, "", None).await;
        c.call(
            &admin,
            "GET",
            "/api/v1/organisations",
            none,
            "?per_page=2&kind=user",
            None,
        )
        .await;
        c.call(&admin, "GET", "/api/v1/organisations/{id}", &[&u1], "", None)
            .await;
        c.call(&admin, "GET", "/api/v1/organisations/{id}", &[&999_999], "", None)
            .await;
        c.call(
            &admin,
            "PATCH",
            "/api/v1/organisations/{id}",
            &[&u1],
            "",
            Some(json!({"size": 120})),
        )
        .await;
        c.call(
            &admin,
            "PATCH",
            "/api/v1/organisations/{id}",
            &[&999_999],
            "",
            Some(json!({"size": 1})),
        )
        .await;
        c.call(
            &admin,
            "PATCH",
            "/api/v1/organisations/{id}",
            &[&u1],
            "",
            Some(json!({"size": -1})),
        )
        .await;

        // People: a representative per organisation, a member of the first.
        let person = |email: &str, org: i64, representative: bool| json!({"email": email, "name": email.split('@').next().unwrap(), "organisation_id": org, "representative": representative, "language": "fr"});
        let (s, rep1) = c
            .call(
                &admin,
                "POST",
                "/api/v1/people",
                none,
                "",
                Some(person("rep1@ruche.example", u1, true)),
            )
            .await;
        assert_eq!(s, 201, "{rep1}");
        let rep1_id = id_of(&rep1);
        let rep2_id = id_of(
            &c.call(
                &admin,
                "POST",
                "/api/v1/people",
                none,
                "",
                Some(person("rep2@epi.example", u2, true)),
            )
            .await
            .1,
        );
        let rep3_id = id_of(
            &c.call(
                &admin,
                "POST",
                "/api/v1/people",
                none,
                "",
                Some(person("rep3@korf.example", u3, true)),
            )
            .await
            .1,
        );
        let member_id = id_of(
            &c.call(
                &admin,
                "POST",
                "/api/v1/people",
                none,
                "",
                Some(person("ann@ruche.example", u1, false)),
            )
            .await
            .1,
        );
        let staff_id = id_of(
            &c.call(
                &admin,
                "POST",
                "/api/v1/people",
                none,
                "",
                Some(person("dev@code.example", prov, true)),
            )
            .await
            .1,
        );
        c.call(
            &admin,
            "POST",
            "/api/v1/people",
            none,
            "",
            Some(json!({"email": "not an address", "name": "X"})),
        )
        .await;
        let rep1 = Who(Some(app.token_for(rep1_id).await));
        let rep2 = Who(Some(app.token_for(rep2_id).await));
        let rep3 = Who(Some(app.token_for(rep3_id).await));
        let staff = Who(Some(app.token_for(staff_id).await));
        c.call(
            &rep1,
            "POST",
            "/api/v1/people",
            none,
            "",
            Some(person("x@ruche.example", u1, false)),
        )
        .await;
        c.call(
            &rep1,
            "POST",
            "/api/v1/organisations",
            none,
            "",
            Some(org("Nope", "user", 1)),
        )
        .await;
        c.call(
            &rep1,
            "PATCH",
            "/api/v1/organisations/{id}",
            &[&u2],
            "",
            Some(json!({"size": 1})),
        )
        .await;
        c.call(&nobody, "GET", "/api/v1/people", none, "", None).await;
        c.call(&rep1, "GET", "/api/v1/people", none, "?per_page=3", None).await;
        c.call(&rep1, "GET", "/api/v1/people/{id}", &[&rep1_id], "", None).await;
        c.call(&rep1, "GET", "/api/v1/people/{id}", &[&999_999], "", None).await;
        c.call(&rep1, "GET", "/api/v1/me", none, "", None).await;
        c.call(&nobody, "GET", "/api/v1/me", none, "", None).await;
        c.call(&rep1, "GET", "/api/v1/me/notifications", none, "", None).await;
        c.call(&nobody, "GET", "/api/v1/me/notifications", none, "", None).await;
        c.call(
            &rep1,
            "PUT",
            "/api/v1/me/notifications",
            none,
            "",
            Some(json!({"poll_reminder": "digest"})),
        )
        .await;
        c.call(
            &rep1,
            "PUT",
            "/api/v1/me/notifications",
            none,
            "",
            Some(json!({"poll_reminder": "sometimes"})),
        )
        .await;

        // A proposal from need to delivery, and its refusals.
        let (s, p) = c
            .call(
                &rep1,
                "POST",
                "/api/v1/proposals",
                none,
                "",
                Some(json!({
                "title": "Shelf labels", "description": "Print them from **Odoo**.", "requested_by": u1,
                "software": "Odoo 16 / cooperator", "links": ["https://example.org/issue/1"]})),
            )
            .await;
        assert_eq!(s, 201, "{p}");
        let p = id_of(&p);
        c.call(
            &rep1,
            "POST",
            "/api/v1/proposals",
            none,
            "",
            Some(json!({"title": "", "requested_by": u1})),
        )
        .await;
        c.call(&rep1, "GET", "/api/v1/proposals", none, "", None).await;
        c.call(
            &rep1,
            "GET",
            "/api/v1/proposals",
            none,
            "?status=discussion&sort=newest&per_page=5",
            None,
        )
        .await;
        c.call(&rep1, "GET", "/api/v1/proposals/{id}", &[&p], "", None).await;
        c.call(&rep1, "GET", "/api/v1/proposals/{id}", &[&999_999], "", None)
            .await;
        c.call(
            &rep2,
            "POST",
            "/api/v1/proposals/{id}/interest",
            &[&p],
            "",
            Some(json!({"organisation_id": u2})),
        )
        .await;
        c.call(
            &rep2,
            "POST",
            "/api/v1/proposals/{id}/comments",
            &[&p],
            "",
            Some(json!({"body": "We need it too."})),
        )
        .await;
        c.call(
            &rep2,
            "POST",
            "/api/v1/proposals/{id}/comments",
            &[&p],
            "",
            Some(json!({"body": ""})),
        )
        .await;
        c.call(
            &rep1,
            "POST",
            "/api/v1/proposals/{id}/transition",
            &[&p],
            "",
            Some(json!({"to": "funded"})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/proposals/{id}/transition",
            &[&p],
            "",
            Some(json!({"to": "delivered"})),
        )
        .await;
        let (s, q) = c
            .call(&staff, "POST", "/api/v1/proposals/{id}/quotes", &[&p], "", Some(json!({
                "provider_id": prov, "amount_cents": 900_000, "vat_basis_points": 2100, "hours": 80,
                "valid_until": "2099-12-31T23:59:00Z", "note": "Two milestones.",
                "milestones": [{"title": "Design", "amount_cents": 300_000}, {"title": "Code", "amount_cents": 600_000}]})))
            .await;
        assert_eq!(s, 201, "{q}");
        let quote = q["quotes"]
            .as_array()
            .and_then(|a| a.last())
            .map(id_of)
            .unwrap_or_else(|| id_of(&q));
        c.call(
            &staff,
            "POST",
            "/api/v1/proposals/{id}/quotes",
            &[&p],
            "",
            Some(json!({"provider_id": prov, "amount_cents": -5})),
        )
        .await;
        c.call(
            &rep1,
            "POST",
            "/api/v1/proposals/{id}/quotes/{quote_id}/select",
            &[&p, &quote],
            "",
            None,
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/proposals/{id}/quotes/{quote_id}/select",
            &[&p, &quote],
            "",
            None,
        )
        .await;
        c.call(&admin, "GET", "/api/v1/proposals/{id}/shares", &[&p], "", None)
            .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/proposals/{id}/campaign",
            &[&p],
            "",
            Some(json!({"key": {"kind": "sometimes"}})),
        )
        .await;
        let (s, opened) = c
            .call(
                &admin,
                "POST",
                "/api/v1/proposals/{id}/campaign",
                &[&p],
                "",
                Some(json!({
                "key": {"kind": "size"}, "quote_id": quote, "min_participants": 2,
                "fixed": [{"organisation_id": prov, "basis_points": 1000}]})),
            )
            .await;
        assert_eq!(s, 201, "{opened}");
        c.call(
            &admin,
            "POST",
            "/api/v1/proposals/{id}/campaign",
            &[&p],
            "",
            Some(json!({"key": {"kind": "equal"}, "amount_cents": 100})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/proposals/{id}/quotes/{quote_id}/select",
            &[&p, &quote],
            "",
            None,
        )
        .await;
        c.call(
            &rep2,
            "GET",
            "/api/v1/proposals/{id}/preview",
            &[&p],
            &format!("?organisation_id={u2}"),
            None,
        )
        .await;
        c.call(
            &rep2,
            "GET",
            "/api/v1/proposals/{id}/preview",
            &[&p],
            &format!("?organisation_id={u2}&cap_cents=1000"),
            None,
        )
        .await;
        c.call(&rep2, "GET", "/api/v1/proposals/{id}/preview", &[&p], "", None)
            .await;
        c.call(
            &rep1,
            "POST",
            "/api/v1/proposals/{id}/pledges",
            &[&p],
            "",
            Some(json!({"organisation_id": u1})),
        )
        .await;
        c.call(
            &rep2,
            "POST",
            "/api/v1/proposals/{id}/pledges",
            &[&p],
            "",
            Some(json!({"organisation_id": u2, "cap_cents": 400_000})),
        )
        .await;
        c.call(
            &rep3,
            "POST",
            "/api/v1/proposals/{id}/pledges",
            &[&p],
            "",
            Some(json!({"organisation_id": u3, "cap_cents": -1})),
        )
        .await;
        c.call(
            &rep3,
            "POST",
            "/api/v1/proposals/{id}/pledges",
            &[&p],
            "",
            Some(json!({"organisation_id": u3})),
        )
        .await;
        c.call(
            &rep3,
            "DELETE",
            "/api/v1/proposals/{id}/pledges",
            &[&p],
            &format!("?organisation_id={u3}"),
            None,
        )
        .await;
        c.call(
            &rep3,
            "DELETE",
            "/api/v1/proposals/{id}/pledges",
            &[&p],
            &format!("?organisation_id={u3}"),
            None,
        )
        .await;
        c.call(&rep3, "DELETE", "/api/v1/proposals/{id}/pledges", &[&p], "", None)
            .await;
        c.call(&rep1, "GET", "/api/v1/proposals/{id}/shares", &[&p], "", None)
            .await;
        c.call(
            &rep1,
            "GET",
            "/api/v1/commitments",
            none,
            &format!("?organisation_id={u1}"),
            None,
        )
        .await;
        c.call(
            &rep1,
            "GET",
            "/api/v1/commitments",
            none,
            &format!("?organisation_id={u2}"),
            None,
        )
        .await;
        c.call(&rep1, "GET", "/api/v1/commitments", none, "", None).await;
        c.call(&rep1, "POST", "/api/v1/proposals/{id}/close", &[&p], "", None)
            .await;
        c.call(&admin, "POST", "/api/v1/proposals/{id}/deliver", &[&p], "", None)
            .await;
        let (s, closed) = c
            .call(&admin, "POST", "/api/v1/proposals/{id}/close", &[&p], "", None)
            .await;
        assert_eq!(s, 200, "{closed}");
        c.call(&admin, "POST", "/api/v1/proposals/{id}/close", &[&p], "", None)
            .await;
        c.call(
            &rep3,
            "POST",
            "/api/v1/proposals/{id}/pledges",
            &[&p],
            "",
            Some(json!({"organisation_id": u3})),
        )
        .await;
        c.call(
            &rep1,
            "GET",
            "/api/v1/commitments",
            none,
            &format!("?organisation_id={u1}"),
            None,
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/proposals/{id}/adopt",
            &[&p],
            "",
            Some(json!({"organisation_id": u3})),
        )
        .await;
        let (s, moved) = c
            .call(
                &admin,
                "POST",
                "/api/v1/proposals/{id}/transition",
                &[&p],
                "",
                Some(json!({"to": "in_progress"})),
            )
            .await;
        assert_eq!(s, 200, "{moved}");
        c.call(&staff, "POST", "/api/v1/proposals/{id}/deliver", &[&p], "", None)
            .await;
        c.call(&admin, "POST", "/api/v1/proposals/{id}/deliver", &[&p], "", None)
            .await;
        let (s, adopted) = c
            .call(
                &admin,
                "POST",
                "/api/v1/proposals/{id}/adopt",
                &[&p],
                "",
                Some(json!({"organisation_id": u3})),
            )
            .await;
        assert_eq!(s, 201, "{adopted}");
        c.call(
            &admin,
            "POST",
            "/api/v1/proposals/{id}/adopt",
            &[&p],
            "",
            Some(json!({"organisation_id": u3})),
        )
        .await;
        c.call(
            &rep3,
            "GET",
            "/api/v1/commitments",
            none,
            &format!("?organisation_id={u3}"),
            None,
        )
        .await;
        c.call(&rep1, "GET", "/api/v1/proposals/{id}", &[&p], "", None).await;
        c.call(&rep1, "GET", "/api/v1/proposals", none, "?status=delivered", None)
            .await;
        let (_, other) = c
            .call(
                &rep1,
                "POST",
                "/api/v1/proposals",
                none,
                "",
                Some(json!({"title": "A draft", "requested_by": u1, "draft": true})),
            )
            .await;
        c.call(
            &rep1,
            "GET",
            "/api/v1/proposals/{id}/shares",
            &[&id_of(&other)],
            "",
            None,
        )
        .await;

        // Polls: every method's result, ballots, delegations, proxies, receipts.
        let in_days = |d: i64| {
            (time::OffsetDateTime::now_utc() + time::Duration::days(d))
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap()
        };
        c.call(
            &rep1,
            "POST",
            "/api/v1/polls",
            none,
            "",
            Some(json!({"title": "No", "method": "decision"})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/polls",
            none,
            "",
            Some(json!({"title": "", "method": "sometimes"})),
        )
        .await;
        let mut polls = Vec::new();
        for (method, options) in [
            ("decision", json!([])),
            ("consent", json!([])),
            ("approval", json!(["A", "B", "C"])),
            ("points", json!(["A", "B", "C"])),
            ("schulze", json!(["A", "B", "C"])),
            ("majority_judgment", json!(["A", "B"])),
        ] {
            let (s, poll) = c
                .call(
                    &admin,
                    "POST",
                    "/api/v1/polls",
                    none,
                    "",
                    Some(json!({
                    "title": format!("Which {method}?"), "method": method, "options": options,
                    "closes_at": in_days(3), "max_proxies": 1, "effect": null})),
                )
                .await;
            assert_eq!(s, 201, "{poll}");
            polls.push((method, id_of(&poll)));
        }
        c.call(&rep1, "POST", "/api/v1/polls/{id}/open", &[&polls[0].1], "", None)
            .await;
        for (_, id) in &polls {
            c.call(&admin, "POST", "/api/v1/polls/{id}/open", &[id], "", None).await;
        }
        c.call(&admin, "POST", "/api/v1/polls/{id}/open", &[&polls[0].1], "", None)
            .await;
        let weighted = id_of(
            &c.call(
                &admin,
                "POST",
                "/api/v1/polls",
                none,
                "",
                Some(json!({"title": "Weighted", "method": "decision", "weighted": true})),
            )
            .await
            .1,
        );
        c.call(
            &admin,
            "PATCH",
            "/api/v1/organisations/{id}",
            &[&u3],
            "",
            Some(json!({"size": null})),
        )
        .await;
        c.call(&admin, "POST", "/api/v1/polls/{id}/open", &[&weighted], "", None)
            .await;
        c.call(&rep1, "GET", "/api/v1/polls", none, "", None).await;
        c.call(&nobody, "GET", "/api/v1/polls", none, "", None).await;
        c.call(&rep1, "GET", "/api/v1/polls", none, "?status=open&per_page=2", None)
            .await;
        c.call(&rep1, "GET", "/api/v1/polls/{id}", &[&999_999], "", None).await;
        for (method, id) in polls.clone() {
            let poll = c.call(&rep1, "GET", "/api/v1/polls/{id}", &[&id], "", None).await.1;
            let options: Vec<i64> = poll["options"].as_array().unwrap().iter().map(id_of).collect();
            let ballot = match method {
                "decision" => json!({"choice": "yes"}),
                "consent" => json!({"objection": "Not before the audit."}),
                "approval" => json!({"approvals": [options[0], options[2]]}),
                "points" => json!({"points": {options[1].to_string(): 10}}),
                "schulze" => json!({"ranking": [options[2], options[0], options[1]]}),
                _ => json!({"grades": {options[0].to_string(): 4, options[1].to_string(): 2}}),
            };
            let (s, receipt) = c
                .call(&rep1, "POST", "/api/v1/polls/{id}/ballots", &[&id], "", Some(ballot))
                .await;
            assert_eq!(s, 201, "{method}: {receipt}");
            let code = receipt["receipt"].as_str().unwrap().to_string();
            c.call(
                &rep1,
                "GET",
                "/api/v1/polls/{id}/receipts/{code}",
                &[&id, &code],
                "",
                None,
            )
            .await;
            c.call(&rep1, "GET", "/api/v1/polls/{id}/result", &[&id], "", None)
                .await;
        }
        let (decision, mj) = (polls[0].1, polls[5].1);
        c.call(
            &rep2,
            "POST",
            "/api/v1/polls/{id}/ballots",
            &[&decision],
            "",
            Some(json!({"choice": "maybe"})),
        )
        .await;
        c.call(
            &staff,
            "POST",
            "/api/v1/polls/{id}/ballots",
            &[&decision],
            "",
            Some(json!({"choice": "yes"})),
        )
        .await;
        c.call(
            &rep1,
            "GET",
            "/api/v1/polls/{id}/receipts/{code}",
            &[&decision, &"nope"],
            "",
            None,
        )
        .await;
        c.call(
            &rep2,
            "POST",
            "/api/v1/polls/{id}/proxies",
            &[&mj],
            "",
            Some(json!({"holder_organisation_id": u1})),
        )
        .await;
        c.call(
            &rep3,
            "POST",
            "/api/v1/polls/{id}/proxies",
            &[&mj],
            "",
            Some(json!({"holder_organisation_id": u1})),
        )
        .await;
        c.call(
            &rep3,
            "POST",
            "/api/v1/polls/{id}/proxies",
            &[&mj],
            "",
            Some(json!({"holder_organisation_id": 999_999})),
        )
        .await;
        c.call(
            &staff,
            "POST",
            "/api/v1/polls/{id}/proxies",
            &[&mj],
            "",
            Some(json!({"holder_organisation_id": u1})),
        )
        .await;
        c.call(
            &rep1,
            "POST",
            "/api/v1/polls/{id}/delegations",
            &[&decision],
            "",
            Some(json!({"person_id": member_id})),
        )
        .await;
        c.call(
            &rep1,
            "POST",
            "/api/v1/polls/{id}/delegations",
            &[&decision],
            "",
            Some(json!({"person_id": rep2_id})),
        )
        .await;
        c.call(
            &staff,
            "POST",
            "/api/v1/polls/{id}/delegations",
            &[&decision],
            "",
            Some(json!({"organisation_id": u1, "person_id": member_id})),
        )
        .await;
        c.call(&rep1, "POST", "/api/v1/polls/{id}/close", &[&decision], "", None)
            .await;
        for (_, id) in &polls {
            c.call(&admin, "POST", "/api/v1/polls/{id}/close", &[id], "", None)
                .await;
            c.call(&rep2, "GET", "/api/v1/polls/{id}/result", &[id], "", None).await;
            c.call(&rep2, "GET", "/api/v1/polls/{id}", &[id], "", None).await;
        }
        c.call(&admin, "POST", "/api/v1/polls/{id}/close", &[&decision], "", None)
            .await;
        c.call(&rep2, "GET", "/api/v1/polls/{id}/result", &[&999_999], "", None)
            .await;
        let hidden = id_of(
            &c.call(
                &admin,
                "POST",
                "/api/v1/polls",
                none,
                "",
                Some(json!({"title": "Hidden", "method": "decision", "hide_results": true, "secret": true})),
            )
            .await
            .1,
        );
        c.call(&admin, "POST", "/api/v1/polls/{id}/open", &[&hidden], "", None)
            .await;
        c.call(&rep2, "GET", "/api/v1/polls/{id}/result", &[&hidden], "", None)
            .await;

        // Representatives, jobs, the audit log.
        c.call(
            &rep2,
            "PUT",
            "/api/v1/organisations/{id}/representative",
            &[&u1],
            "",
            Some(json!({"person_id": member_id})),
        )
        .await;
        c.call(
            &admin,
            "PUT",
            "/api/v1/organisations/{id}/representative",
            &[&u1],
            "",
            Some(json!({"person_id": rep2_id})),
        )
        .await;
        c.call(
            &admin,
            "PUT",
            "/api/v1/organisations/{id}/representative",
            &[&u1],
            "",
            Some(json!({"person_id": member_id})),
        )
        .await;
        let (retry, discard) = (app.failed_job(network).await, app.failed_job(network).await);
        c.call(&admin, "GET", "/api/v1/jobs", none, "", None).await;
        c.call(&rep1, "GET", "/api/v1/jobs", none, "", None).await;
        c.call(
            &admin,
            "POST",
            "/api/v1/jobs/{id}/retry",
            &[&retry],
            "",
            Some(json!({})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/jobs/{id}/retry",
            &[&retry],
            "",
            Some(json!({})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/jobs/{id}/retry",
            &[&999_999],
            "",
            Some(json!({})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/jobs/{id}/discard",
            &[&discard],
            "",
            Some(json!({})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/jobs/{id}/discard",
            &[&discard],
            "",
            Some(json!({})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/jobs/{id}/discard",
            &[&999_999],
            "",
            Some(json!({})),
        )
        .await;
        c.call(&admin, "GET", "/api/v1/audit", none, "", None).await;
        c.call(&admin, "GET", "/api/v1/audit", none, "?page=2&per_page=5", None)
            .await;
        c.call(&rep1, "GET", "/api/v1/audit", none, "", None).await;

        // Meetings: scheduled, listed, changed, answered, attended, cancelled; a
        // calendar feed; and their refusals.
        // In two hours: attendance may be taken from a day before.
        let starts = (time::OffsetDateTime::now_utc() + time::Duration::hours(2))
            .replace_nanosecond(0)
            .unwrap()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let (_, m) = c
            .call(
                &admin,
                "POST",
                "/api/v1/meetings",
                none,
                "",
                Some(
                    json!({"kind": "assembly", "title": "December assembly", "starts_at": starts,
                    "duration_minutes": 90, "place": "Maison des coopératives",
                    "agenda": [{"text": "Welcome"}]}),
                ),
            )
            .await;
        let meeting = id_of(&m);
        c.call(
            &admin,
            "POST",
            "/api/v1/meetings",
            none,
            "",
            Some(json!({"kind": "party", "title": "", "starts_at": "soon", "duration_minutes": 0})),
        )
        .await;
        c.call(
            &rep1,
            "POST",
            "/api/v1/meetings",
            none,
            "",
            Some(json!({"kind": "assembly", "title": "Mine", "starts_at": starts, "duration_minutes": 60})),
        )
        .await;
        c.call(&rep1, "GET", "/api/v1/meetings", none, "", None).await;
        c.call(&rep1, "GET", "/api/v1/meetings/{id}", &[&meeting], "", None)
            .await;
        c.call(
            &admin,
            "PATCH",
            "/api/v1/meetings/{id}",
            &[&meeting],
            "",
            Some(json!({"place": "Salle 2"})),
        )
        .await;
        c.call(
            &admin,
            "PATCH",
            "/api/v1/meetings/{id}",
            &[&meeting],
            "",
            Some(json!({"duration_minutes": -5})),
        )
        .await;
        // A meeting's documents: a file attached (multipart), a refused attachment, the
        // list, the download, the removal.
        let part = |name: &str, extra: &str, body: &str| {
            format!("--XyZ\r\nContent-Disposition: form-data; name=\"{name}\"{extra}\r\n\r\n{body}\r\n")
        };
        let upload = format!(
            "{}{}--XyZ--\r\n",
            part(
                "file",
                "; filename=\"budget.bin\"\r\nContent-Type: application/octet-stream",
                "budget"
            ),
            part("title", "", "Budget")
        );
        let (_, doc) = c
            .call_with(
                &admin,
                "POST",
                "/api/v1/meetings/{id}/documents",
                &[&meeting],
                "",
                Payload::Raw("multipart/form-data; boundary=XyZ", upload),
            )
            .await;
        let doc = id_of(&doc);
        c.call_with(
            &admin,
            "POST",
            "/api/v1/meetings/{id}/documents",
            &[&meeting],
            "",
            Payload::Raw(
                "multipart/form-data; boundary=XyZ",
                format!("{}--XyZ--\r\n", part("title", "", "Nothing")),
            ),
        )
        .await;
        c.call(&rep1, "GET", "/api/v1/meetings/{id}/documents", &[&meeting], "", None)
            .await;
        c.call(
            &rep1,
            "GET",
            "/api/v1/meetings/{id}/documents/{document_id}",
            &[&meeting, &doc],
            "",
            None,
        )
        .await;
        c.call(
            &admin,
            "DELETE",
            "/api/v1/meetings/{id}/documents/{document_id}",
            &[&meeting, &doc],
            "",
            None,
        )
        .await;
        c.call(
            &rep1,
            "GET",
            "/api/v1/meetings/{id}/documents/{document_id}",
            &[&meeting, &doc],
            "",
            None,
        )
        .await;
        c.call(
            &admin,
            "PUT",
            "/api/v1/meetings/{id}/answer",
            &[&meeting],
            "",
            Some(json!({"answer": "yes"})),
        )
        .await;
        c.call(
            &rep1,
            "PUT",
            "/api/v1/meetings/{id}/answer",
            &[&meeting],
            "",
            Some(json!({"answer": "perhaps later"})),
        )
        .await;
        c.call(&admin, "GET", "/api/v1/meetings/{id}/attendance", &[&meeting], "", None)
            .await;
        c.call(
            &admin,
            "PUT",
            "/api/v1/meetings/{id}/attendance",
            &[&meeting],
            "",
            Some(json!({"present": [rep1_id]})),
        )
        .await;
        c.call(
            &rep1,
            "PUT",
            "/api/v1/meetings/{id}/attendance",
            &[&meeting],
            "",
            Some(json!({"present": [rep1_id]})),
        )
        .await;
        c.call(&rep1, "POST", "/api/v1/me/calendar-feed", none, "", Some(json!({})))
            .await;
        // An event's registration: a place, then the waiting list; withdrawn (the place
        // goes to the next), withdrawn again (404); an assembly takes none (409).
        let (_, event) = c
            .call(
                &admin,
                "POST",
                "/api/v1/meetings",
                none,
                "",
                Some(json!({"kind": "event", "title": "Workshop", "starts_at": starts,
                    "duration_minutes": 120, "capacity": 1})),
            )
            .await;
        let event = id_of(&event);
        for who in [&rep1, &admin] {
            let (s, _) = c
                .call(who, "PUT", "/api/v1/meetings/{id}/registration", &[&event], "", None)
                .await;
            assert_eq!(s, 200);
        }
        c.call(&admin, "GET", "/api/v1/meetings/{id}/registration", &[&event], "", None)
            .await;
        for _ in 0..2 {
            c.call(
                &rep1,
                "DELETE",
                "/api/v1/meetings/{id}/registration",
                &[&event],
                "",
                None,
            )
            .await;
        }
        c.call(
            &rep1,
            "PUT",
            "/api/v1/meetings/{id}/registration",
            &[&meeting],
            "",
            None,
        )
        .await;
        // Proxies: La Ruche's to Épi (counted in the quorum), to itself (422), withdrawn
        // (204), withdrawn again (404).
        let (s, _) = c
            .call(
                &admin,
                "POST",
                "/api/v1/meetings/{id}/proxies",
                &[&meeting],
                "",
                Some(json!({"organisation_id": u1, "holder_organisation_id": u2})),
            )
            .await;
        assert_eq!(s, 201);
        c.call(
            &admin,
            "POST",
            "/api/v1/meetings/{id}/proxies",
            &[&meeting],
            "",
            Some(json!({"organisation_id": u1, "holder_organisation_id": u1})),
        )
        .await;
        c.call(&admin, "GET", "/api/v1/meetings/{id}/attendance", &[&meeting], "", None)
            .await;
        for _ in 0..2 {
            c.call(
                &admin,
                "DELETE",
                "/api/v1/meetings/{id}/proxies/{organisation_id}",
                &[&meeting, &u1],
                "",
                None,
            )
            .await;
        }
        c.call(
            &admin,
            "POST",
            "/api/v1/meetings/{id}/cancel",
            &[&meeting],
            "",
            Some(json!({})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/meetings/{id}/cancel",
            &[&meeting],
            "",
            Some(json!({})),
        )
        .await;

        // Minutes and decisions of a meeting that has begun: written, a decision
        // recorded and one removed, published; the network's decisions; and refusals.
        let began = (time::OffsetDateTime::now_utc() - time::Duration::hours(1))
            .replace_nanosecond(0)
            .unwrap()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let (_, held) = c
            .call(
                &admin,
                "POST",
                "/api/v1/meetings",
                none,
                "",
                Some(json!({"kind": "assembly", "title": "Held assembly", "starts_at": began, "duration_minutes": 90})),
            )
            .await;
        let held = id_of(&held);
        c.call(&rep1, "GET", "/api/v1/meetings/{id}/minutes", &[&held], "", None)
            .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/meetings/{id}/minutes/publish",
            &[&held],
            "",
            Some(json!({})),
        )
        .await;
        c.call(
            &admin,
            "PUT",
            "/api/v1/meetings/{id}/minutes",
            &[&held],
            "",
            Some(json!({"markdown": "# Minutes\n\nEveryone came."})),
        )
        .await;
        c.call(
            &rep1,
            "PUT",
            "/api/v1/meetings/{id}/minutes",
            &[&held],
            "",
            Some(json!({"markdown": "Mine"})),
        )
        .await;
        let (_, wrong) = c
            .call(
                &admin,
                "POST",
                "/api/v1/meetings/{id}/decisions",
                &[&held],
                "",
                Some(json!({"text": "Recorded by mistake"})),
            )
            .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/meetings/{id}/decisions",
            &[&held],
            "",
            Some(json!({"text": "", "poll_id": 999_999})),
        )
        .await;
        c.call(
            &admin,
            "DELETE",
            "/api/v1/meetings/{id}/decisions/{decision_id}",
            &[&held, &id_of(&wrong)],
            "",
            None,
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/meetings/{id}/decisions",
            &[&held],
            "",
            Some(json!({"text": "The budget is approved."})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/meetings/{id}/minutes/publish",
            &[&held],
            "",
            Some(json!({})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/meetings/{id}/minutes/publish",
            &[&held],
            "",
            Some(json!({})),
        )
        .await;
        c.call(&rep1, "GET", "/api/v1/decisions", none, "?q=budget", None).await;

        // The core circle: a mandate recorded, one that breaks a rule, the circle read.
        let first = time::OffsetDateTime::now_utc().date();
        let mandate = |from: time::Date, days: i64| {
            json!({"organisation_id": u1, "seat": "elected", "starts_on": from.to_string(),
                "ends_on": (from + time::Duration::days(days)).to_string()})
        };
        c.call(
            &admin,
            "POST",
            "/api/v1/core-circle/mandates",
            none,
            "",
            Some(mandate(first, 700)),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/core-circle/mandates",
            none,
            "",
            Some(mandate(first + time::Duration::days(800), 1000)),
        )
        .await;
        c.call(
            &rep1,
            "POST",
            "/api/v1/core-circle/mandates",
            none,
            "",
            Some(mandate(first + time::Duration::days(800), 100)),
        )
        .await;
        // The governance settings: read by a member, changed by an administrator, a
        // refusal on its field, a member refused.
        c.call(&rep1, "GET", "/api/v1/governance", none, "", None).await;
        let settings = json!({"assembly_quorum_percent": 60, "poll_quorum_percent": 25, "poll_threshold": "two_thirds",
            "core_seats": {"facilitator_min": 1, "facilitator_max": 2, "elected_min": 2, "elected_max": 3, "max_mandate_days": 730}});
        c.call(&admin, "PUT", "/api/v1/governance", none, "", Some(settings.clone()))
            .await;
        let mut bad = settings.clone();
        bad["core_seats"]["elected_min"] = json!(5);
        c.call(&admin, "PUT", "/api/v1/governance", none, "", Some(bad)).await;
        c.call(&rep1, "PUT", "/api/v1/governance", none, "", Some(settings))
            .await;
        // An election: called, candidates standing, the vote started; and refusals.
        let (_, election) = c
            .call(
                &admin,
                "POST",
                "/api/v1/core-circle/elections",
                none,
                "",
                Some(
                    json!({"seats": 1, "starts_on": (first + time::Duration::days(720)).to_string(),
                    "ends_on": (first + time::Duration::days(1400)).to_string()}),
                ),
            )
            .await;
        let election = id_of(&election);
        c.call(
            &admin,
            "POST",
            "/api/v1/core-circle/elections",
            none,
            "",
            Some(json!({"seats": 9, "starts_on": "2099-01-01", "ends_on": "2099-02-01"})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/core-circle/elections/{id}/vote",
            &[&election],
            "",
            Some(json!({})),
        )
        .await;
        for (who, org) in [(&rep1, u1), (&rep1, u2)] {
            c.call(
                who,
                "POST",
                "/api/v1/core-circle/elections/{id}/candidates",
                &[&election],
                "",
                Some(json!({"organisation_id": org})),
            )
            .await;
        }
        c.call(
            &admin,
            "POST",
            "/api/v1/core-circle/elections/{id}/candidates",
            &[&election],
            "",
            Some(json!({"organisation_id": u2})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/core-circle/elections/{id}/candidates",
            &[&election],
            "",
            Some(json!({"organisation_id": u2})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/core-circle/elections/{id}/candidates",
            &[&election],
            "",
            Some(json!({"organisation_id": u3})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/core-circle/elections/{id}/vote",
            &[&election],
            "",
            Some(json!({})),
        )
        .await;
        c.call(&rep1, "GET", "/api/v1/core-circle", none, "", None).await;

        // Money: the network's bank details and budget, fees billed, payment requests
        // (their PDF and QR code), payments by hand and from a statement, an unmatched
        // one assigned, the journal, the statements, the runway; and their refusals.
        c.call(&admin, "GET", "/api/v1/network/payment-settings", none, "", None)
            .await;
        for iban in ["BE69 5390 0754 7034", "BE68 5390 0754 7034"] {
            c.call(
                &admin,
                "PUT",
                "/api/v1/network/payment-settings",
                none,
                "",
                Some(
                    json!({"legal_name": "Komunigi ASBL", "address": "Rue de la Coop 1, 1000 Bruxelles",
                    "iban": iban, "bic": "GEBABEBB", "reference_scheme": "be"}),
                ),
            )
            .await;
        }
        c.call(&admin, "GET", "/api/v1/network/payment-settings", none, "", None)
            .await;
        c.call(
            &admin,
            "PUT",
            "/api/v1/network/budget",
            none,
            "",
            Some(
                json!({"monthly_costs_cents": 400_000, "grant_monthly_cents": 300_000, "grant_ends_on": "2030-12-31"}),
            ),
        )
        .await;
        c.call(&admin, "GET", "/api/v1/runway", none, "", None).await;
        let year = time::OffsetDateTime::now_utc().year();
        let (_, schedule) = c
            .call(
                &admin,
                "POST",
                "/api/v1/fee-schedules",
                none,
                "",
                Some(json!({"year": year, "period": "yearly",
                    "tiers": {"active": [[0, 2500], [1000, 3500]], "observer": [[0, 1000]]}})),
            )
            .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/fee-schedules",
            none,
            "",
            Some(json!({"year": year, "period": "weekly", "tiers": {}})),
        )
        .await;
        c.call(&admin, "GET", "/api/v1/fee-schedules", none, "", None).await;
        let (_, reserve) = c
            .call(
                &admin,
                "POST",
                "/api/v1/reserves",
                none,
                "",
                Some(json!({"name": "Odoo 19 migration", "monthly_cents": 10_000, "key": {"kind": "equal"}})),
            )
            .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/reserves",
            none,
            "",
            Some(json!({"name": "", "monthly_cents": 0, "key": {"kind": "equal"}})),
        )
        .await;
        c.call(&admin, "GET", "/api/v1/reserves", none, "", None).await;
        c.call(&admin, "GET", "/api/v1/money/proposals", none, "", None).await;
        c.call(&admin, "GET", "/api/v1/reserves/{id}", &[&id_of(&reserve)], "", None)
            .await;
        let rid = id_of(&reserve);
        c.call(
            &admin,
            "PATCH",
            "/api/v1/reserves/{id}",
            &[&rid],
            "",
            Some(json!({"monthly_cents": 12_000, "key": {"kind": "size"}})),
        )
        .await;
        c.call(
            &admin,
            "PATCH",
            "/api/v1/reserves/{id}",
            &[&rid],
            "",
            Some(json!({"monthly_cents": 0})),
        )
        .await;
        c.call(&admin, "POST", "/api/v1/reserves/{id}/close", &[&rid], "", None)
            .await;
        c.call(&admin, "POST", "/api/v1/reserves/{id}/close", &[&rid], "", None)
            .await;
        // The documentation space: a page, a change, a stale change, the history.
        let doc_body =
            json!({"title": "Welcome", "body_markdown": "# Welcome\n", "visibility": "members", "booklet_position": 1});
        let (_, doc) = c
            .call(&admin, "POST", "/api/v1/docs", none, "", Some(doc_body.clone()))
            .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/docs",
            none,
            "",
            Some(json!({"title": "", "visibility": "all"})),
        )
        .await;
        let doc_id = id_of(&doc);
        let mut changed = doc_body.clone();
        changed["body_markdown"] = json!("# Welcome\n\nMore.\n");
        changed["base_revision"] = json!(1);
        c.call(
            &admin,
            "PUT",
            "/api/v1/docs/{id}",
            &[&doc_id],
            "",
            Some(changed.clone()),
        )
        .await;
        c.call(&admin, "PUT", "/api/v1/docs/{id}", &[&doc_id], "", Some(changed))
            .await;
        c.call(&admin, "GET", "/api/v1/docs", none, "?q=more", None).await;
        c.call(&admin, "GET", "/api/v1/docs/{id}", &[&doc_id], "", None).await;
        c.call(&admin, "GET", "/api/v1/docs/{id}/revisions", &[&doc_id], "", None)
            .await;
        c.call(
            &admin,
            "GET",
            "/api/v1/docs/{id}/diff",
            &[&doc_id],
            "?from=1&to=2",
            None,
        )
        .await;
        c.call(
            &admin,
            "GET",
            "/api/v1/docs/{id}/diff",
            &[&doc_id],
            "?from=1&to=7",
            None,
        )
        .await;
        c.call(&admin, "GET", "/api/v1/docs/booklet", none, "", None).await;
        // Joining: an application (public), its review, the onboarding.
        let slug: String = {
            use intercoop::entities::network;
            use sea_orm::EntityTrait;
            network::Entity::find_by_id(network)
                .one(&app.db().read)
                .await
                .unwrap()
                .unwrap()
                .slug
        };
        let application = |org: &str| {
            json!({"organisation": {"kind": "user", "name": org, "country": "BE", "city": "Gent"},
                "contact": {"name": "Ana", "email": format!("{org}@applicant.example"), "language": "nl"},
                "level": "observer", "motivation": "Samen."})
        };
        // A page by its path: its reader; a visitor of the network reads no members' page
        // (404); a change from a stale revision: 409 with both versions.
        let (s, page) = c
            .call(&admin, "GET", "/api/v1/docs/{path}", &[&"welcome"], "", None)
            .await;
        assert_eq!((s, page["id"].as_i64()), (200, Some(doc_id)), "{page}");
        let (s, _) = c
            .call(
                &nobody,
                "GET",
                "/api/v1/docs/{path}",
                &[&"welcome"],
                &format!("?network={slug}"),
                None,
            )
            .await;
        assert_eq!(s, 404);
        let (s, _) = c
            .call(&admin, "GET", "/api/v1/docs/{path}", &[&"welcome/revisions"], "", None)
            .await;
        assert_eq!(s, 200);
        let (s, _) = c
            .call(&nobody, "GET", "/api/v1/docs/{path}", &[&"welcome"], "", None)
            .await;
        assert_eq!(s, 401);
        let (s, _) = c
            .call(
                &admin,
                "GET",
                "/api/v1/docs/{path}",
                &[&"welcome/diff"],
                "?from=1",
                None,
            )
            .await;
        assert_eq!(s, 422);
        let mut stale = doc_body.clone();
        stale["base_revision"] = json!(1);
        let (s, conflict) = c
            .call(
                &admin,
                "PUT",
                "/api/v1/docs/{path}",
                &[&"welcome"],
                "",
                Some(stale.clone()),
            )
            .await;
        assert_eq!(s, 409, "{conflict}");
        stale["base_revision"] = json!(2);
        let (s, _) = c
            .call(&admin, "PUT", "/api/v1/docs/{path}", &[&"welcome"], "", Some(stale))
            .await;
        assert_eq!(s, 200);
        let query = format!("?network={slug}");
        for org in ["bees", "wasps", "hornets"] {
            let (s, answer) = c
                .call(
                    &nobody,
                    "POST",
                    "/api/v1/applications",
                    none,
                    &query,
                    Some(application(org)),
                )
                .await;
            assert_eq!(s, 202, "{answer}");
        }
        c.call(
            &nobody,
            "POST",
            "/api/v1/applications",
            none,
            &query,
            Some(json!({"level": "x"})),
        )
        .await;
        c.call(
            &nobody,
            "POST",
            "/api/v1/applications",
            none,
            "?network=nowhere",
            Some(application("x")),
        )
        .await;
        {
            // Both contacts confirm their address.
            use intercoop::joining::entities::application;
            use sea_orm::{EntityTrait, sea_query::Expr};
            application::Entity::update_many()
                .col_expr(application::Column::Status, Expr::val("pending"))
                .exec(&app.db().write)
                .await
                .unwrap();
        }
        let (_, list) = c.call(&admin, "GET", "/api/v1/applications", none, "", None).await;
        c.call(&admin, "GET", "/api/v1/applications", none, "?status=nonsense", None)
            .await;
        let (first, second, third) = (id_of(&list[0]), id_of(&list[1]), id_of(&list[2]));
        // A poll decides the third: a past day refused, opened, opened again refused.
        for (body, status) in [
            (json!({"closes_on": "2001-01-01"}), 422),
            (json!({}), 201),
            (json!({}), 409),
        ] {
            let (s, answer) = c
                .call(
                    &admin,
                    "POST",
                    "/api/v1/applications/{id}/poll",
                    &[&third],
                    "",
                    Some(body),
                )
                .await;
            assert_eq!(s, status, "{answer}");
        }
        // The poll's state, with the application and in the list.
        let (_, polled) = c
            .call(&admin, "GET", "/api/v1/applications/{id}", &[&third], "", None)
            .await;
        assert_eq!(polled["poll"]["state"], "open", "{polled}");
        c.call(&admin, "GET", "/api/v1/applications", none, "?status=pending", None)
            .await;
        c.call(&admin, "GET", "/api/v1/applications/{id}", &[&first], "", None)
            .await;
        for body in [json!({"body": "Goed."}), json!({"body": ""})] {
            c.call(
                &admin,
                "POST",
                "/api/v1/applications/{id}/comments",
                &[&first],
                "",
                Some(body),
            )
            .await;
        }
        let (s, accepted) = c
            .call(
                &admin,
                "POST",
                "/api/v1/applications/{id}/accept",
                &[&first],
                "",
                Some(json!({"sponsorship_basis_points": 2500})),
            )
            .await;
        assert_eq!(s, 200, "{accepted}");
        c.call(
            &admin,
            "POST",
            "/api/v1/applications/{id}/accept",
            &[&first],
            "",
            Some(json!({})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/applications/{id}/decline",
            &[&second],
            "",
            Some(json!({"sponsorship_basis_points": -1})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/applications/{id}/decline",
            &[&second],
            "",
            Some(json!({"note": "Nog niet."})),
        )
        .await;
        c.call(
            &admin,
            "GET",
            "/api/v1/organisations/{id}/onboarding",
            &[&accepted["organisation_id"]],
            "",
            None,
        )
        .await;
        c.call(&admin, "GET", "/api/v1/organisations/{id}/onboarding", &[&u1], "", None)
            .await;
        // The public page's settings and an organisation's listing.
        c.call(&admin, "GET", "/api/v1/public-settings", none, "", None).await;
        let settings =
            json!({"about": {"en": "A network.", "fr": "Un réseau."}, "private": false, "charter_page_id": null});
        let (s, saved) = c
            .call(&admin, "PUT", "/api/v1/public-settings", none, "", Some(settings))
            .await;
        assert_eq!((s, &saved["about"]["fr"]), (200, &json!("Un réseau.")), "{saved}");
        let (s, _) = c
            .call(
                &admin,
                "PUT",
                "/api/v1/public-settings",
                none,
                "",
                Some(json!({"about": {"xx": "?"}, "charter_page_id": 999999})),
            )
            .await;
        assert_eq!(s, 422);
        c.call(&admin, "GET", "/api/v1/organisations/{id}/listing", &[&u1], "", None)
            .await;
        let place = json!({"listed": true, "city": "Gent", "latitude": 51.0543, "longitude": 3.7174});
        let (s, listed) = c
            .call(
                &admin,
                "PUT",
                "/api/v1/organisations/{id}/listing",
                &[&u1],
                "",
                Some(place),
            )
            .await;
        assert_eq!((s, &listed["city"]), (200, &json!("Gent")), "{listed}");
        let (s, _) = c
            .call(
                &admin,
                "PUT",
                "/api/v1/organisations/{id}/listing",
                &[&u1],
                "",
                Some(json!({"listed": true, "latitude": 95.0})),
            )
            .await;
        assert_eq!(s, 422);
        // Work sharing: an opportunity, two members' interests (and a refused capacity),
        // the team, a capacity change proposing a new split, and both members' consent.
        let opportunity = json!({"organisation_id": u2, "title": "Tender", "scope_markdown": "Build it.",
            "budget_cents": 1_000_000, "days": 20, "starts_on": "2030-03-01", "ends_on": "2030-03-31",
            "skills": ["Odoo"], "finder_organisation_id": u1, "finder_fee_basis_points": 250});
        let (_, opp) = c
            .call(
                &admin,
                "POST",
                "/api/v1/opportunities",
                none,
                "",
                Some(opportunity.clone()),
            )
            .await;
        let mut bad = opportunity.clone();
        bad["days"] = json!(0);
        c.call(&admin, "POST", "/api/v1/opportunities", none, "", Some(bad))
            .await;
        let opp = id_of(&opp);
        let interest = |org: i64, days: i64| {
            json!({"organisation_id": org, "capacity_days": days, "available_from": "2030-03-01",
                "available_to": "2030-03-31", "day_rate_cents": 50_000, "skills": ["Odoo"]})
        };
        let interests = "/api/v1/opportunities/{id}/interests";
        c.call(&rep3, "PUT", interests, &[&opp], "", Some(interest(u3, 10)))
            .await;
        c.call(&rep2, "PUT", interests, &[&opp], "", Some(interest(u2, 10)))
            .await;
        c.call(&rep2, "PUT", interests, &[&opp], "", Some(interest(u2, -1)))
            .await;
        c.call(&admin, "GET", "/api/v1/opportunities", none, "", None).await;
        c.call(&admin, "GET", interests, &[&opp], "", None).await;
        let team = json!({"basis": "capacity", "members": [{"organisation_id": u2}, {"organisation_id": u3}]});
        let team_path = "/api/v1/opportunities/{id}/team";
        c.call(&rep2, "POST", team_path, &[&opp], "", Some(team.clone())).await;
        c.call(&rep2, "POST", team_path, &[&opp], "", Some(team)).await;
        c.call(&rep2, "PUT", interests, &[&opp], "", Some(interest(u2, 5)))
            .await;
        c.call(&rep2, "GET", team_path, &[&opp], "", None).await;
        let consents = "/api/v1/opportunities/{id}/team/consents";
        let yes = |org: i64| json!({"organisation_id": org, "accept": true});
        c.call(&rep3, "POST", consents, &[&opp], "", Some(yes(u3))).await;
        c.call(&rep3, "POST", consents, &[&opp], "", Some(yes(u3))).await;
        c.call(&rep2, "POST", consents, &[&opp], "", Some(yes(u2))).await;
        // The poster ends it: a bad outcome, filled, once; no interest after.
        let end = "/api/v1/opportunities/{id}/close";
        c.call(&rep2, "POST", end, &[&opp], "", Some(json!({"outcome": "done"})))
            .await;
        c.call(&rep3, "POST", end, &[&opp], "", Some(json!({"outcome": "filled"})))
            .await;
        c.call(&rep2, "POST", end, &[&opp], "", Some(json!({"outcome": "filled"})))
            .await;
        c.call(&rep2, "POST", end, &[&opp], "", Some(json!({"outcome": "lost"})))
            .await;
        c.call(&rep3, "PUT", interests, &[&opp], "", Some(interest(u3, 12)))
            .await;
        c.call(&admin, "GET", "/api/v1/opportunities/{id}", &[&opp], "", None)
            .await;
        c.call(&rep2, "GET", "/api/v1/busyness", none, "", None).await;
        c.call(
            &rep2,
            "GET",
            "/api/v1/busyness",
            none,
            &format!("?organisation_id={u3}"),
            None,
        )
        .await;
        // A list's settings changed, and a bad value refused on its field.
        let (_, lists_now) = c.call(&admin, "GET", "/api/v1/lists", none, "", None).await;
        let first_list = lists_now["items"][0]["id"].as_i64().unwrap();
        c.call(
            &admin,
            "PATCH",
            "/api/v1/lists/{id}",
            &[&first_list],
            "",
            Some(json!({"description": "Questions and answers", "reply_to": "list"})),
        )
        .await;
        c.call(
            &admin,
            "PATCH",
            "/api/v1/lists/{id}",
            &[&first_list],
            "",
            Some(json!({"posting": "everyone"})),
        )
        .await;
        // The logbook and the newsletter: articles, an issue with a translation, sent;
        // an article sent as an issue; each refusal.
        let article = |title: &str, visibility: &str| json!({"title": title, "body_markdown": "We **grew**.", "visibility": visibility});
        let (_, art) = c
            .call(
                &admin,
                "POST",
                "/api/v1/logbook",
                none,
                "",
                Some(article("Our year", "public")),
            )
            .await;
        c.call(&admin, "POST", "/api/v1/logbook", none, "", Some(article("", "secret")))
            .await;
        let art_id = id_of(&art);
        c.call(
            &admin,
            "PUT",
            "/api/v1/logbook/{id}",
            &[&art_id],
            "",
            Some(article("Our first year", "public")),
        )
        .await;
        // An image added (multipart), and a file that is none refused.
        let image = |bytes: &str| {
            format!(
                "--XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"dot.gif\"\r\nContent-Type: image/gif\r\n\r\n{bytes}\r\n--XyZ\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\nA dot\r\n--XyZ--\r\n"
            )
        };
        for (bytes, status) in [("GIF89a\u{1}\u{0}", 201), ("<svg/>", 422)] {
            let (s, answer) = c
                .call_with(
                    &admin,
                    "POST",
                    "/api/v1/logbook/{id}/images",
                    &[&art_id],
                    "",
                    Payload::Raw("multipart/form-data; boundary=XyZ", image(bytes)),
                )
                .await;
            assert_eq!(s, status, "{answer}");
        }
        c.call(&admin, "GET", "/api/v1/logbook", none, "", None).await;
        c.call(&admin, "GET", "/api/v1/logbook/{id}", &[&art_id], "", None)
            .await;
        c.call(&admin, "POST", "/api/v1/logbook/{id}/issue", &[&art_id], "", None)
            .await;
        c.call(&admin, "POST", "/api/v1/logbook/{id}/issue", &[&art_id], "", None)
            .await;
        let issue_body = json!({"subject": "News", "body_markdown": "Hello.", "language": "en"});
        let (_, issue) = c
            .call(&admin, "POST", "/api/v1/newsletter/issues", none, "", Some(issue_body))
            .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/newsletter/issues",
            none,
            "",
            Some(json!({"subject": "", "body_markdown": "", "language": "xx"})),
        )
        .await;
        let issue_id = id_of(&issue);
        let translation = json!({"subject": "Nouvelles", "body_markdown": "Bonjour."});
        c.call(
            &admin,
            "PUT",
            "/api/v1/newsletter/issues/{id}/translations/{language}",
            &[&issue_id, &"fr"],
            "",
            Some(translation.clone()),
        )
        .await;
        c.call(
            &admin,
            "PUT",
            "/api/v1/newsletter/issues/{id}/translations/{language}",
            &[&issue_id, &"en"],
            "",
            Some(translation.clone()),
        )
        .await;
        c.call(&admin, "GET", "/api/v1/newsletter/issues", none, "", None).await;
        c.call(&admin, "GET", "/api/v1/newsletter/issues/{id}", &[&issue_id], "", None)
            .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/newsletter/issues/{id}/send",
            &[&issue_id],
            "",
            None,
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/newsletter/issues/{id}/send",
            &[&issue_id],
            "",
            None,
        )
        .await;
        c.call(
            &admin,
            "PUT",
            "/api/v1/newsletter/issues/{id}/translations/{language}",
            &[&issue_id, &"de"],
            "",
            Some(translation),
        )
        .await;
        // Subscribing from another site (public): taken three times for one address,
        // then 429; a bad address 422; an unknown network 404.
        let reader = json!({"email": "reader@ext.example", "language": "nl"});
        for _ in 0..3 {
            let (s, answer) = c
                .call(
                    &nobody,
                    "POST",
                    "/api/v1/newsletter/subscriptions",
                    none,
                    &query,
                    Some(reader.clone()),
                )
                .await;
            assert_eq!(s, 202, "{answer}");
        }
        let (s, _) = c
            .call(
                &nobody,
                "POST",
                "/api/v1/newsletter/subscriptions",
                none,
                &query,
                Some(json!({"email": "reader@ext.example"})),
            )
            .await;
        assert_eq!(s, 429);
        c.call(
            &nobody,
            "POST",
            "/api/v1/newsletter/subscriptions",
            none,
            &query,
            Some(json!({"email": "not an address"})),
        )
        .await;
        c.call(
            &nobody,
            "POST",
            "/api/v1/newsletter/subscriptions",
            none,
            "?network=nowhere",
            Some(json!({"email": "a@ext.example"})),
        )
        .await;
        c.call(&admin, "GET", "/api/v1/newsletter/subscribers", none, "", None)
            .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/fee-schedules/{id}/bill",
            &[&id_of(&schedule)],
            "",
            Some(json!({"period": 0})),
        )
        .await;
        let (_, request) = c
            .call(
                &admin,
                "POST",
                "/api/v1/payment-requests",
                none,
                "",
                Some(json!({"organisation_id": u1, "amount_cents": 12_345, "purpose": "Hosting"})),
            )
            .await;
        let request_id = id_of(&request);
        c.call(
            &admin,
            "POST",
            "/api/v1/payment-requests",
            none,
            "",
            Some(json!({"organisation_id": u1, "amount_cents": -5, "purpose": ""})),
        )
        .await;
        c.call(&admin, "GET", "/api/v1/payment-requests", none, "", None).await;
        for path in [
            "/api/v1/payment-requests/{id}",
            "/api/v1/payment-requests/{id}/pdf",
            "/api/v1/payment-requests/{id}/qr.png",
            "/api/v1/payment-requests/{id}/qr.svg",
        ] {
            c.call(&admin, "GET", path, &[&request_id], "", None).await;
        }
        c.call(
            &admin,
            "POST",
            "/api/v1/payments",
            none,
            "",
            Some(json!({"payment_request_id": request_id, "amount_cents": 1_000})),
        )
        .await;
        let reference = request["reference"].as_str().unwrap_or_default();
        c.call_raw(
            &admin,
            "/api/v1/bank-statements",
            "text/csv",
            format!("date,amount,communication\n{year}-03-02,10.00,{reference}\n{year}-03-03,7.00,nobody knows\n"),
        )
        .await;
        let (_, unmatched) = c
            .call(&admin, "GET", "/api/v1/payments/unmatched", none, "", None)
            .await;
        let stray = unmatched
            .as_array()
            .or_else(|| unmatched["items"].as_array())
            .and_then(|a| a.first())
            .map(id_of)
            .unwrap_or(999_999);
        c.call(
            &admin,
            "POST",
            "/api/v1/payments/{id}/assign",
            &[&stray],
            "",
            Some(json!({"payment_request_id": request_id})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/ledger/entries",
            none,
            "",
            Some(json!({"kind": "grant-received", "amount_cents": 1_000_000, "memo": "Region"})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/ledger/entries",
            none,
            "",
            Some(json!({"kind": "gift", "amount_cents": 1})),
        )
        .await;
        c.call(&admin, "GET", "/api/v1/ledger/trial-balance", none, "", None)
            .await;
        c.call(&admin, "GET", "/api/v1/money/members", none, "", None).await;
        c.call(&admin, "GET", "/api/v1/organisations/{id}/statement", &[&u1], "", None)
            .await;
        c.call(&rep2, "GET", "/api/v1/organisations/{id}/statement", &[&u1], "", None)
            .await;
        // A request nobody paid may be cancelled; a paid one may not.
        let (_, unpaid) = c
            .call(
                &admin,
                "POST",
                "/api/v1/payment-requests",
                none,
                "",
                Some(json!({"organisation_id": u1, "amount_cents": 500, "purpose": "Sent by mistake"})),
            )
            .await;
        for id in [id_of(&unpaid), request_id] {
            c.call(
                &admin,
                "POST",
                "/api/v1/payment-requests/{id}/cancel",
                &[&id],
                "",
                Some(json!({})),
            )
            .await;
        }

        // Mailing lists: listed, made (and refused), a subscription, a message and its
        // answer, the search, the moderation queue (a stranger's mail held, approved,
        // another rejected).
        let (_, all) = c.call(&rep1, "GET", "/api/v1/lists", none, "", None).await;
        let help = all["items"][0]["id"].as_i64().unwrap_or(999_999);
        c.call(
            &admin,
            "POST",
            "/api/v1/lists",
            none,
            "",
            Some(json!({"name": "Odoo", "local_part": "odoo", "posting": "moderated"})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/lists",
            none,
            "",
            Some(json!({"name": "Odoo", "local_part": "odoo", "posting": "moderated"})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/lists",
            none,
            "",
            Some(json!({"name": "", "local_part": "a b"})),
        )
        .await;
        c.call(
            &rep1,
            "POST",
            "/api/v1/lists",
            none,
            "",
            Some(json!({"name": "X", "local_part": "x"})),
        )
        .await;
        c.call(
            &rep1,
            "PUT",
            "/api/v1/lists/{id}/subscription",
            &[&help],
            "",
            Some(json!({"delivery": "digest"})),
        )
        .await;
        c.call(
            &rep1,
            "PUT",
            "/api/v1/lists/{id}/subscription",
            &[&help],
            "",
            Some(json!({"delivery": "sometimes"})),
        )
        .await;
        let (_, question) = c
            .call(
                &rep1,
                "POST",
                "/api/v1/lists/{id}/messages",
                &[&help],
                "",
                Some(json!({"subject": "Labels", "body_markdown": "How do you print shelf labels?"})),
            )
            .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/lists/{id}/messages",
            &[&help],
            "",
            Some(json!({"subject": "Re: Labels", "body_markdown": "product_label", "in_reply_to": id_of(&question)})),
        )
        .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/lists/{id}/messages",
            &[&help],
            "",
            Some(json!({"subject": "", "body_markdown": ""})),
        )
        .await;
        let logistics = all["items"][1]["id"].as_i64().unwrap_or(999_999);
        c.call(
            &rep1,
            "POST",
            "/api/v1/lists/{id}/messages",
            &[&logistics],
            "",
            Some(json!({"subject": "Hi", "body_markdown": "x"})),
        )
        .await;
        c.call(&rep1, "GET", "/api/v1/lists/{id}/messages", &[&help], "?q=labels", None)
            .await;
        c.call(&rep1, "GET", "/api/v1/lists/{id}/messages", &[&help], "", None)
            .await;
        c.call(
            &rep1,
            "GET",
            "/api/v1/lists/{id}/messages/{message_id}",
            &[&help, &id_of(&question)],
            "",
            None,
        )
        .await;
        let mut held = Vec::new();
        for subject in ["One", "Two"] {
            let raw = format!(
                "From: stranger@elsewhere.example\r\nTo: main-entraide@lists.test.example\r\nSubject: {subject}\r\n\r\nHello\r\n"
            );
            let out =
                intercoop::lists::inbound::receive(app.db(), "lists.test.example", raw.as_bytes(), &Default::default())
                    .await
                    .unwrap();
            if let intercoop::lists::inbound::Outcome::Held { id, .. } = out[0] {
                held.push(id);
            }
        }
        c.call(&admin, "GET", "/api/v1/lists/{id}/held", &[&help], "", None)
            .await;
        c.call(&rep1, "GET", "/api/v1/lists/{id}/held", &[&help], "", None)
            .await;
        for (verb, id) in [("approve", held[0]), ("reject", held[1]), ("reject", held[1])] {
            c.call(
                &admin,
                "POST",
                &format!("/api/v1/lists/{{id}}/held/{{message_id}}/{verb}"),
                &[&help, &id],
                "",
                Some(json!({})),
            )
            .await;
        }
        c.call(
            &rep1,
            "POST",
            "/api/v1/lists/{id}/held/{message_id}/approve",
            &[&help, &held[1]],
            "",
            Some(json!({})),
        )
        .await;

        // Pools and budgeting rounds (last: the round's close moves the clock).
        let (_, pool) = c
            .call(
                &admin,
                "POST",
                "/api/v1/pools",
                none,
                "",
                Some(json!({"name": "Common fund"})),
            )
            .await;
        c.call(&admin, "POST", "/api/v1/pools", none, "", Some(json!({"name": ""})))
            .await;
        let pool_id = id_of(&pool);
        c.call(&admin, "GET", "/api/v1/pools", none, "", None).await;
        c.call(&admin, "GET", "/api/v1/pools/{id}", &[&pool_id], "", None).await;
        for amount in [30_000, 0] {
            c.call(
                &admin,
                "POST",
                "/api/v1/pools/{id}/contributions",
                &[&pool_id],
                "",
                Some(json!({"organisation_id": u1, "amount_cents": amount, "received": true})),
            )
            .await;
        }
        c.call(&admin, "GET", "/api/v1/pools/{id}/contributions", &[&pool_id], "", None)
            .await;
        for amount in [0, 100] {
            c.call(
                &admin,
                "PUT",
                "/api/v1/pools/{id}/schedule",
                &[&pool_id],
                "",
                Some(json!({"amount_cents": amount, "period": "weekly", "starts_on": "2099-01-05"})),
            )
            .await;
        }
        c.call(&admin, "GET", "/api/v1/pools/{id}/schedule", &[&pool_id], "", None)
            .await;
        let closes = (intercoop::clock::Clock::now(&*app.clock) + time::Duration::days(2))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        let (_, round) = c
            .call(
                &admin,
                "POST",
                "/api/v1/rounds",
                none,
                "",
                Some(
                    json!({"pool_id": pool_id, "title": "Spring", "opens_at": "2020-01-01", "closes_at": closes,
                    "allocation": "contribution", "matching": {"kind": "quadratic", "pool_cents": 1_000}}),
                ),
            )
            .await;
        c.call(
            &admin,
            "POST",
            "/api/v1/rounds",
            none,
            "",
            Some(
                json!({"pool_id": pool_id, "title": "Odd", "opens_at": "2020-01-02", "closes_at": "2020-01-01",
                "allocation": "equal"}),
            ),
        )
        .await;
        let round_id = id_of(&round);
        c.call(&admin, "GET", "/api/v1/rounds", none, "?pool_id=1", None).await;
        c.call(&admin, "GET", "/api/v1/rounds/{id}", &[&round_id], "", None)
            .await;
        c.call(&rep1, "GET", "/api/v1/rounds/{id}/allocations", &[&round_id], "", None)
            .await;
        let (_, bucket) = c
            .call(
                &rep1,
                "POST",
                "/api/v1/rounds/{id}/buckets",
                &[&round_id],
                "",
                Some(json!({"title": "Shared invoicing", "min_cents": 100, "max_cents": 20_000})),
            )
            .await;
        c.call(
            &rep1,
            "POST",
            "/api/v1/rounds/{id}/buckets",
            &[&round_id],
            "",
            Some(json!({"title": "Odd", "min_cents": 500, "max_cents": 100})),
        )
        .await;
        let bucket_id = id_of(&bucket);
        for amount in [150, 99_999] {
            c.call(
                &rep1,
                "PUT",
                "/api/v1/buckets/{id}/allocation",
                &[&bucket_id],
                "",
                Some(json!({"amount_cents": amount})),
            )
            .await;
        }
        c.call(&rep1, "GET", "/api/v1/buckets/{id}", &[&bucket_id], "", None)
            .await;
        c.call(&rep1, "GET", "/api/v1/rounds/{id}/result", &[&round_id], "", None)
            .await;
        c.call(&admin, "POST", "/api/v1/rounds/{id}/close", &[&round_id], "", None)
            .await;
        app.clock.advance(time::Duration::days(3));
        let (s, closed) = c
            .call(&admin, "POST", "/api/v1/rounds/{id}/close", &[&round_id], "", None)
            .await;
        assert_eq!(s, 200, "{closed}");
        c.call(&rep1, "GET", "/api/v1/rounds/{id}/result", &[&round_id], "", None)
            .await;

        // Every operation without a token (401), and on an object that does not exist.
        let operations: Vec<(String, String)> = c.doc["paths"]
            .as_object()
            .unwrap()
            .iter()
            .flat_map(|(path, item)| {
                item.as_object()
                    .unwrap()
                    .keys()
                    .map(move |m| (m.to_uppercase(), path.clone()))
            })
            .collect();
        for (method, path) in operations {
            // An operation open to anyone (applying to join) has no token to lack.
            if c.doc["paths"][&path][method.to_lowercase()]["security"].is_null() {
                continue;
            }
            let body = (method != "GET" && method != "DELETE").then(|| json!({}));
            let parts = path.matches('{').count();
            let unknown: Vec<&dyn Display> = (0..parts).map(|_| &999_999 as &dyn Display).collect();
            let (s, _) = c.call(&nobody, &method, &path, &unknown, "", body.clone()).await;
            assert_eq!(s, 401, "{method} {path} without a token");
            if parts > 0 {
                c.call(&admin, &method, &path, &unknown, "?organisation_id=1", body)
                    .await;
            }
        }

        let never = c.never_succeeded();
        eprintln!(
            "documented statuses this test does not produce: {:#?}",
            c.unseen_statuses()
        );
        assert!(
            c.problems.is_empty() && never.is_empty(),
            "{} answers differ from the document:\n{}\noperations never answered with success: {never:?}",
            c.problems.len(),
            c.problems.join("\n")
        );
        app.stop().await;
    }
);
