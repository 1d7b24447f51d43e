//! Roles a person holds in a network, and what each may do.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A role held by a person in one network. A person may hold several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Staff of the facilitating cooperative: runs the network.
    Administrator,
    /// Elected member of the core circle (noyau).
    CoreCircle,
    /// The one person who speaks and votes for a member organisation.
    Representative,
    /// A person of a member organisation.
    Member,
    /// Staff of a provider (IT cooperative, freelance developer).
    ProviderStaff,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Administrator,
        Role::CoreCircle,
        Role::Representative,
        Role::Member,
        Role::ProviderStaff,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::CoreCircle => "core_circle",
            Role::Representative => "representative",
            Role::Member => "member",
            Role::ProviderStaff => "provider_staff",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role: {0}")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRole(s.to_string()))
    }
}

/// The set of roles one person holds in one network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct RoleSet(u8);

impl RoleSet {
    pub fn with(mut self, role: Role) -> RoleSet {
        self.0 |= 1 << (role as u8);
        self
    }

    pub fn has(self, role: Role) -> bool {
        self.0 & (1 << (role as u8)) != 0
    }

    pub fn is_admin(self) -> bool {
        self.has(Role::Administrator)
    }

    /// Administrators and core circle members prepare and steer proposals.
    pub fn steers(self) -> bool {
        self.has(Role::Administrator) || self.has(Role::CoreCircle)
    }

    pub fn iter(self) -> impl Iterator<Item = Role> {
        Role::ALL.into_iter().filter(move |r| self.has(*r))
    }
}

impl FromIterator<Role> for RoleSet {
    fn from_iter<I: IntoIterator<Item = Role>>(iter: I) -> Self {
        iter.into_iter().fold(RoleSet::default(), RoleSet::with)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_text() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>().unwrap(), role);
        }
        assert!("boss".parse::<Role>().is_err());
    }

    #[test]
    fn role_set_holds_what_was_added() {
        let set: RoleSet = [Role::Representative, Role::CoreCircle].into_iter().collect();
        assert!(set.has(Role::Representative));
        assert!(set.steers());
        assert!(!set.is_admin());
        assert_eq!(set.iter().count(), 2);
    }
}
