//! The OpenAPI 3 document served at `/api/openapi.json`, built from the handlers'
//! annotations so that it cannot drift from the code.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "intercoop API",
        description = "Co-deciding and co-financing shared software in a network of cooperatives. \
            Authenticate with `Authorization: Bearer <token>` (`intercoop token create EMAIL`). \
            Amounts are integer cents. Errors are RFC 9457 problem+json. \
            Every POST honours an `Idempotency-Key` header: a retry with the same key and the same body \
            within 24 hours gets the first answer again (with `Idempotent-Replayed: true`), whether the \
            first attempt was answered or its server crashed: the key is stored with the request's \
            write, in its transaction, so a retry either replays the answer of a write that happened or \
            runs a request that did not. The same key with another body is refused (409 \
            `idempotency-mismatch`). A key is the person's in the network of the token that sends it: \
            the same key sent with a token of another network is another request. Keys are forgotten \
            after 24 hours (an hourly job deletes them).",
        license(name = "AGPL-3.0-or-later")
    ),
    paths(
        crate::people::api::me,
        crate::people::api::list,
        crate::people::api::show,
        crate::people::api::invite,
        crate::organisations::api::list,
        crate::organisations::api::show,
        crate::organisations::api::create,
        crate::organisations::api::update,
        crate::organisations::api::set_representative,
    ),
    components(schemas(crate::web::Problem, crate::error::FieldError)),
    modifiers(&BearerAuth),
    tags(
        (name = "organisations", description = "Member organisations and their representatives"),
        (name = "people", description = "People, invitations, and who the token belongs to"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The whole document, merged with the documents of feature modules, then completed so
/// that it is valid OpenAPI 3.1 whatever each handler's annotation says: every `{name}`
/// of a path is a declared path parameter, every operation has a unique `operationId`
/// (`get_api_v1_proposals_id`), every response a description.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.merge(crate::proposals::ApiDoc::openapi());
    doc.merge(crate::polls::ApiDoc::openapi());
    doc.merge(crate::assemblies::ApiDoc::openapi());
    doc.merge(crate::documentation::ApiDoc::openapi());
    doc.merge(crate::pools::ApiDoc::openapi());
    doc.merge(crate::joining::ApiDoc::openapi());
    doc.merge(crate::public::ApiDoc::openapi());
    doc.merge(crate::work::ApiDoc::openapi());
    doc.merge(crate::logbook::ApiDoc::openapi());
    doc.merge(crate::newsletter::ApiDoc::openapi());
    doc.merge(crate::money::ApiDoc::openapi());
    doc.merge(crate::lists::ApiDoc::openapi());
    doc.merge(crate::jobs::ApiDoc::openapi());
    doc.merge(crate::audit::ApiDoc::openapi());
    doc.merge(crate::notifications::ApiDoc::openapi());
    complete(&mut doc);
    doc
}

fn complete(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::path::{Operation, ParameterBuilder, ParameterIn};
    use utoipa::openapi::{ObjectBuilder, RefOr, Required, Type};
    for (path, item) in doc.paths.paths.iter_mut() {
        let names: Vec<String> = path
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .map(str::to_string)
            .collect();
        let operations: [(&str, &mut Option<Operation>); 5] = [
            ("get", &mut item.get),
            ("post", &mut item.post),
            ("put", &mut item.put),
            ("patch", &mut item.patch),
            ("delete", &mut item.delete),
        ];
        for (method, op) in operations {
            let Some(op) = op.as_mut() else { continue };
            let id: String = format!("{method}{path}")
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect::<String>()
                .split('_')
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("_");
            op.operation_id = Some(id);
            let parameters = op.parameters.get_or_insert_with(Vec::new);
            for name in &names {
                let declared = parameters
                    .iter()
                    .any(|p| matches!(p, RefOr::T(p) if &p.name == name && p.parameter_in == ParameterIn::Path));
                if declared {
                    continue;
                }
                // `id`s are integers; codes and tokens are text.
                let schema = if name == "id" || name.ends_with("_id") {
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                            utoipa::openapi::KnownFormat::Int64,
                        )))
                        .build()
                } else {
                    ObjectBuilder::new().schema_type(Type::String).build()
                };
                parameters.push(RefOr::T(
                    ParameterBuilder::new()
                        .name(name)
                        .parameter_in(ParameterIn::Path)
                        .required(Required::True)
                        .schema(Some(schema))
                        .build(),
                ));
            }
            problems_documented(op, !names.is_empty());
            for (status, response) in op.responses.responses.iter_mut() {
                if let RefOr::T(r) = response
                    && r.description.is_empty()
                {
                    r.description = status
                        .parse::<u16>()
                        .ok()
                        .and_then(|s| axum::http::StatusCode::from_u16(s).ok())
                        .and_then(|s| s.canonical_reason())
                        .unwrap_or("Response")
                        .to_string();
                }
            }
        }
    }
}

/// Errors as they are answered: every problem is `application/problem+json` (RFC 9457),
/// and the refusals any operation can give are documented with it — 401 (no valid
/// token) wherever a token is asked, 404 wherever the path names an object, 422 wherever
/// a body or a query parameter is read (a value that does not fit is refused naming it).
fn problems_documented(op: &mut utoipa::openapi::path::Operation, names_object: bool) {
    use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
    const PROBLEM: &str = "#/components/schemas/Problem";
    for response in op.responses.responses.values_mut() {
        let RefOr::T(r) = response else { continue };
        let is_problem = r.content.get("application/json").is_some_and(
            |c| matches!(c, RefOr::T(c) if matches!(&c.schema, Some(RefOr::Ref(s)) if s.ref_location == PROBLEM)),
        );
        if is_problem && let Some(content) = r.content.shift_remove("application/json") {
            r.content.insert("application/problem+json".to_string(), content);
        }
    }
    let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
    let reads_input = op.request_body.is_some()
        || op.parameters.as_ref().is_some_and(|ps| {
            ps.iter()
                .any(|p| matches!(p, RefOr::T(p) if p.parameter_in == utoipa::openapi::path::ParameterIn::Query))
        });
    for (status, wanted, description) in [
        ("401", secured, "No valid API token (Authorization: Bearer …)"),
        ("404", names_object, "No such object in the token's network"),
        (
            "422",
            reads_input,
            "A field or parameter does not fit: `errors` names each",
        ),
    ] {
        if wanted && !op.responses.responses.contains_key(status) {
            let response = ResponseBuilder::new()
                .description(description)
                .content(
                    "application/problem+json",
                    ContentBuilder::new().schema(Some(Ref::new(PROBLEM))).build(),
                )
                .build();
            op.responses.responses.insert(status.to_string(), RefOr::T(response));
        }
    }
}

/// The document as pretty JSON with a final newline, as `docs/openapi.json` holds it.
pub fn document_json() -> String {
    serde_json::to_string_pretty(&document()).expect("the OpenAPI document serialises")
}

pub async fn serve() -> axum::Json<utoipa::openapi::OpenApi> {
    axum::Json(document())
}
