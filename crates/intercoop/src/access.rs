//! Who acts, and who may use a route.
//!
//! - [`Doer`]: a person (with their roles and organisations in the network), a passed
//!   poll (the assembly's decision, with the network's authority), or a background job.
//! - Each feature's `policy` module answers every "may this doer do X to Y" of the
//!   feature (`organisations::policy`, `people::policy`, `proposals::policy`,
//!   `funding::policy`, `polls::policy`, `jobs::policy`): handlers, the buttons pages
//!   show, the dashboard's "waiting for me" and jobs all ask it.
//! - [`Access`]: what each route declares (`web::route_table`), for the route table
//!   that the generated access test walks for every role in its own network and in
//!   another one.

use crate::audit;
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use intercoop_domain::{Role, RoleSet};

/// Who acts on a proposal: a person with roles and organisations, a passed poll
/// (the assembly's decision), or a background job.
#[derive(Debug, Clone, Default)]
pub struct Doer {
    pub person_id: Option<i64>,
    pub roles: RoleSet,
    /// The member organisations the person belongs to (a candidate or a former member
    /// gives no rights).
    pub organisations: Vec<i64>,
    /// The member organisations the person represents (speaks and commits money for).
    pub represents: Vec<i64>,
    /// Every organisation whose sitting representative the person is, member now or not:
    /// what a poll asks, its electorate being frozen at opening (an organisation that left
    /// since still votes in it).
    pub seats: Vec<i64>,
    pub system: bool,
}

impl CurrentUser {
    /// The person as a doer, for the policies.
    pub fn doer(&self) -> Doer {
        Doer::user(self)
    }
}

impl Doer {
    pub fn user(user: &CurrentUser) -> Doer {
        Doer {
            person_id: Some(user.person_id),
            roles: user.roles,
            organisations: user.member_organisations().map(|o| o.id).collect(),
            represents: user
                .member_organisations()
                .filter(|o| o.is_representative)
                .map(|o| o.id)
                .collect(),
            seats: user
                .organisations
                .iter()
                .filter(|o| o.is_representative)
                .map(|o| o.id)
                .collect(),
            system: false,
        }
    }

    /// A background job: may only close campaigns.
    pub fn system() -> Doer {
        Doer {
            system: true,
            ..Doer::default()
        }
    }

    /// A passed poll: the assembly decides with the authority of the network.
    pub fn assembly() -> Doer {
        Doer {
            roles: RoleSet::default().with(Role::Administrator),
            ..Doer::default()
        }
    }

    pub fn is_admin(&self) -> bool {
        self.roles.is_admin()
    }

    pub(crate) fn audit_actor(&self) -> audit::Actor {
        audit::Actor {
            person_id: self.person_id,
        }
    }
}

/// A policy's answer as a result: `Forbidden` (403) when refused.
pub fn require(allowed: bool) -> AppResult<()> {
    if allowed { Ok(()) } else { Err(AppError::Forbidden) }
}

/// Who may use a route, as the route table declares it (`web::route_table`). Handlers
/// enforce it by asking their feature's policy; the generated access test
/// (`tests/access.rs`) checks every route against its declaration for every role, in
/// the person's own network and in another one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, logged in or not: the home and login pages, links that carry their own
    /// token (magic links, password resets, unsubscribe links), health checks, assets.
    Public,
    /// Any person logged in to the network: its lists and pages, their own settings.
    Person,
    /// Administrators and the core circle (`RoleSet::steers`).
    Steers,
    /// The network's administrators.
    Admin,
    /// Decided per object by the named policy function (e.g.
    /// `funding::policy::pledge_for`: an organisation's representative, or an
    /// administrator); only people of the network get that far.
    Policy(&'static str),
}
