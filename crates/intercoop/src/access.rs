//! Who acts: a person (with their roles and organisations in the network), a passed
//! poll (the assembly's decision, with the network's authority), or a background job.
//! Features' policies answer "may this doer do X to Y".

use crate::audit;
use crate::auth::CurrentUser;
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
    /// The member organisations the person represents.
    pub represents: Vec<i64>,
    pub system: bool,
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

    /// May act for this organisation (its representative, or an administrator).
    pub fn speaks_for(&self, organisation_id: i64) -> bool {
        self.is_admin() || self.represents.contains(&organisation_id)
    }
}
