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

/// The whole document, merged with the documents of feature modules.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.merge(crate::proposals::ApiDoc::openapi());
    doc.merge(crate::polls::ApiDoc::openapi());
    doc.merge(crate::jobs::ApiDoc::openapi());
    doc.merge(crate::notifications::ApiDoc::openapi());
    doc
}

/// The document as pretty JSON with a final newline, as `docs/openapi.json` holds it.
pub fn document_json() -> String {
    serde_json::to_string_pretty(&document()).expect("the OpenAPI document serialises")
}

pub async fn serve() -> axum::Json<utoipa::openapi::OpenApi> {
    axum::Json(document())
}
