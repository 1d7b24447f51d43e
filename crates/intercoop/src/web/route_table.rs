//! Routes declared with who may use them: each feature lists its routes as
//! [`Routes`] (method, path, [`Access`], handler), and the top level merges them
//! (`crate::routes`). The same list gives the router and the route table
//! (`crate::routes::table`), which the generated access test walks, so that no route
//! can be added without saying who may use it.

use crate::access::Access;
use axum::Router;
use axum::handler::Handler;
use axum::routing::{MethodFilter, on};

/// One route: method (`GET`, `POST`…), path (axum syntax, `/polls/{id}`) and access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteSpec {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
}

impl RouteSpec {
    /// A route of the JSON API (`/api/…`), rather than a page.
    pub fn is_api(&self) -> bool {
        self.path.starts_with("/api/")
    }
}

/// A feature's routes: the router and its declarations, built together.
pub struct Routes<S> {
    router: Router<S>,
    specs: Vec<RouteSpec>,
}

impl<S> Default for Routes<S>
where
    S: Clone + Send + Sync + 'static,
{
    fn default() -> Self {
        Routes {
            router: Router::new(),
            specs: Vec::new(),
        }
    }
}

macro_rules! method {
    ($($name:ident => $filter:ident, $word:literal;)+) => {$(
        #[doc = concat!("Adds a `", $word, "` route.")]
        pub fn $name<H, T>(self, path: &'static str, access: Access, handler: H) -> Self
        where
            H: Handler<T, S>,
            T: 'static,
        {
            self.add(MethodFilter::$filter, $word, path, access, handler)
        }
    )+};
}

/// The largest request body the server takes (`routes::app`): 32 MiB, for a route that
/// says so with [`Routes::post_up_to`] (a bank statement); the others keep axum's 2 MB.
pub const LARGE_BODY: usize = 32 * 1024 * 1024;

impl<S> Routes<S>
where
    S: Clone + Send + Sync + 'static,
{
    pub fn new() -> Self {
        Self::default()
    }

    fn add<H, T>(
        mut self,
        filter: MethodFilter,
        method: &'static str,
        path: &'static str,
        access: Access,
        handler: H,
    ) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        // Two methods on one path: axum merges their method routers.
        self.router = self.router.route(path, on(filter, handler));
        self.specs.push(RouteSpec { method, path, access });
        self
    }

    method! {
        get => GET, "GET";
        post => POST, "POST";
        put => PUT, "PUT";
        patch => PATCH, "PATCH";
        delete => DELETE, "DELETE";
    }

    /// A POST whose body may be up to `max` bytes (at most [`LARGE_BODY`]) instead of axum's 2 MB (a bank
    /// statement file); the server's own bound (`routes::MAX_BODY`) stays above it.
    pub fn post_up_to<H, T>(mut self, path: &'static str, access: Access, handler: H, max: usize) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        self.router = self.router.route(
            path,
            on(MethodFilter::POST, handler).layer(axum::extract::DefaultBodyLimit::max(max)),
        );
        self.specs.push(RouteSpec {
            method: "POST",
            path,
            access,
        });
        self
    }

    /// A route ending in a catch-all (`/api/v1/docs/{*path}`: the rest of the address,
    /// slashes included): the router gets `path`, the table and the API document
    /// `declared` (`/api/v1/docs/{path}`), which is how OpenAPI writes a parameter.
    fn catch_all<H, T>(
        mut self,
        filter: MethodFilter,
        method: &'static str,
        path: &'static str,
        declared: &'static str,
        access: Access,
        handler: H,
    ) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        self.router = self.router.route(path, on(filter, handler));
        self.specs.push(RouteSpec {
            method,
            path: declared,
            access,
        });
        self
    }

    /// A `GET` ending in a catch-all (see [`Routes::served_by_catch_all`]).
    pub fn get_catch_all<H, T>(self, path: &'static str, declared: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        self.catch_all(MethodFilter::GET, "GET", path, declared, access, handler)
    }

    /// A `PUT` ending in a catch-all.
    pub fn put_catch_all<H, T>(self, path: &'static str, declared: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        self.catch_all(MethodFilter::PUT, "PUT", path, declared, access, handler)
    }

    /// A route that a catch-all of the same feature serves (`/api/v1/docs/{id}/revisions`
    /// by `/api/v1/docs/{*path}`; the router cannot hold both): declared in the table,
    /// so that the access test tries it and the API document keeps it, but not given to
    /// the router again.
    pub fn served_by_catch_all(mut self, method: &'static str, path: &'static str, access: Access) -> Self {
        self.specs.push(RouteSpec { method, path, access });
        self
    }

    /// Adds another feature's routes.
    pub fn merge(mut self, other: Routes<S>) -> Self {
        self.router = self.router.merge(other.router);
        self.specs.extend(other.specs);
        self
    }

    /// The declarations, in the order they were added.
    pub fn specs(&self) -> &[RouteSpec] {
        &self.specs
    }

    pub fn into_parts(self) -> (Router<S>, Vec<RouteSpec>) {
        (self.router, self.specs)
    }
}
