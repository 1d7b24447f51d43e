//! The lifecycle of a proposal, from draft to delivered work, and who may move it.
//!
//! | from                               | to          | who                                 |
//! |------------------------------------|-------------|-------------------------------------|
//! | draft                              | discussion  | author, administrator, core circle  |
//! | discussion                         | quoted      | administrator, core circle, provider staff (a quote is added) |
//! | quoted                             | funding     | administrator (opens the co-funding) |
//! | discussion                         | funding     | administrator (amount given directly, no quote) |
//! | funding                            | funded      | administrator, system (closing)     |
//! | funding                            | lapsed      | administrator, system (closing; pledges released) |
//! | funded                             | in_progress | administrator, selected provider    |
//! | in_progress                        | delivered   | administrator, selected provider    |
//! | draft, discussion, quoted          | rejected    | administrator, core circle          |
//! | draft, discussion, quoted, funding | withdrawn   | author, administrator               |
//! | lapsed                             | discussion  | administrator (reopens)             |
//!
//! Every other pair, including staying in the same status, is
//! [`TransitionError::NotAllowed`]; a listed pair requested by someone not in its "who"
//! column is [`TransitionError::Forbidden`]. "Author" means a person of the requesting
//! organisation; "system" is a background job (closing campaigns at their deadline),
//! which may only close. Once funding has opened the author can still withdraw (pledges
//! are then released) but no longer reject or requote: the money side is the
//! administrators'.

use crate::roles::{Role, RoleSet};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalStatus {
    Draft,
    Discussion,
    Quoted,
    Funding,
    Funded,
    InProgress,
    Delivered,
    Lapsed,
    Rejected,
    Withdrawn,
}

/// Who asks for a transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Actor {
    pub roles: RoleSet,
    /// A person of the organisation that requested the proposal.
    pub is_author: bool,
    /// Staff of the provider whose quote was selected.
    pub is_selected_provider: bool,
    /// A background job, not a person.
    pub system: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("a proposal cannot go from {from} to {to}")]
    NotAllowed { from: ProposalStatus, to: ProposalStatus },
    #[error("you may not move a proposal from {from} to {to}")]
    Forbidden { from: ProposalStatus, to: ProposalStatus },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown proposal status: {0}")]
pub struct UnknownStatus(pub String);

/// The groups of people the table's "who" column names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    AuthorOrSteers,
    SteersOrProviderStaff,
    Admin,
    AdminOrSystem,
    AdminOrSelectedProvider,
    Steers,
    AuthorOrAdmin,
}

impl Who {
    fn admits(self, actor: Actor) -> bool {
        let roles = actor.roles;
        match self {
            Who::AuthorOrSteers => actor.is_author || roles.steers(),
            Who::SteersOrProviderStaff => roles.steers() || roles.has(Role::ProviderStaff),
            Who::Admin => roles.is_admin(),
            Who::AdminOrSystem => roles.is_admin() || actor.system,
            Who::AdminOrSelectedProvider => roles.is_admin() || actor.is_selected_provider,
            Who::Steers => roles.steers(),
            Who::AuthorOrAdmin => actor.is_author || roles.is_admin(),
        }
    }
}

impl ProposalStatus {
    pub const ALL: [ProposalStatus; 10] = [
        ProposalStatus::Draft,
        ProposalStatus::Discussion,
        ProposalStatus::Quoted,
        ProposalStatus::Funding,
        ProposalStatus::Funded,
        ProposalStatus::InProgress,
        ProposalStatus::Delivered,
        ProposalStatus::Lapsed,
        ProposalStatus::Rejected,
        ProposalStatus::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProposalStatus::Draft => "draft",
            ProposalStatus::Discussion => "discussion",
            ProposalStatus::Quoted => "quoted",
            ProposalStatus::Funding => "funding",
            ProposalStatus::Funded => "funded",
            ProposalStatus::InProgress => "in_progress",
            ProposalStatus::Delivered => "delivered",
            ProposalStatus::Lapsed => "lapsed",
            ProposalStatus::Rejected => "rejected",
            ProposalStatus::Withdrawn => "withdrawn",
        }
    }

    /// No transition leaves a final status. (Lapsed is not final: it can be reopened.)
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ProposalStatus::Delivered | ProposalStatus::Rejected | ProposalStatus::Withdrawn
        )
    }

    /// Who may move a proposal from `self` to `to`, if anyone: the table above as code.
    fn rule(self, to: ProposalStatus) -> Option<Who> {
        use ProposalStatus::*;
        match (self, to) {
            (Draft, Discussion) => Some(Who::AuthorOrSteers),
            (Discussion, Quoted) => Some(Who::SteersOrProviderStaff),
            (Quoted | Discussion, Funding) => Some(Who::Admin),
            (Funding, Funded | Lapsed) => Some(Who::AdminOrSystem),
            (Funded, InProgress) | (InProgress, Delivered) => Some(Who::AdminOrSelectedProvider),
            (Draft | Discussion | Quoted, Rejected) => Some(Who::Steers),
            (Draft | Discussion | Quoted | Funding, Withdrawn) => Some(Who::AuthorOrAdmin),
            (Lapsed, Discussion) => Some(Who::Admin),
            _ => None,
        }
    }
}

impl crate::TextEnum for ProposalStatus {
    const NAME: &'static str = "ProposalStatus";
    fn as_str(self) -> &'static str {
        ProposalStatus::as_str(self)
    }
    fn parse(s: &str) -> Option<Self> {
        s.parse().ok()
    }
}

impl fmt::Display for ProposalStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ProposalStatus {
    type Err = UnknownStatus;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ProposalStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| UnknownStatus(s.to_string()))
    }
}

/// Whether `actor` may move a proposal from `from` to `to`.
pub fn check_transition(from: ProposalStatus, to: ProposalStatus, actor: Actor) -> Result<(), TransitionError> {
    match from.rule(to) {
        None => Err(TransitionError::NotAllowed { from, to }),
        Some(who) if who.admits(actor) => Ok(()),
        Some(_) => Err(TransitionError::Forbidden { from, to }),
    }
}

/// The statuses `actor` may move a proposal to from `from`, in [`ProposalStatus::ALL`]
/// order, for the buttons the UI shows.
pub fn next_steps(from: ProposalStatus, actor: Actor) -> Vec<ProposalStatus> {
    ProposalStatus::ALL
        .into_iter()
        .filter(|to| check_transition(from, *to, actor).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ProposalStatus::*;

    fn with(roles: &[Role]) -> Actor {
        Actor {
            roles: roles.iter().copied().collect(),
            ..Actor::default()
        }
    }

    fn admin() -> Actor {
        with(&[Role::Administrator])
    }
    fn core() -> Actor {
        with(&[Role::CoreCircle])
    }
    fn staff() -> Actor {
        with(&[Role::ProviderStaff])
    }
    fn member() -> Actor {
        with(&[Role::Member, Role::Representative])
    }
    fn author() -> Actor {
        Actor {
            is_author: true,
            ..member()
        }
    }
    fn provider() -> Actor {
        Actor {
            is_selected_provider: true,
            ..staff()
        }
    }
    fn system() -> Actor {
        Actor {
            system: true,
            ..Actor::default()
        }
    }

    /// Everyone the table distinguishes, by name.
    fn personas() -> [(&'static str, Actor); 8] {
        [
            ("admin", admin()),
            ("core", core()),
            ("staff", staff()),
            ("member", member()),
            ("author", author()),
            ("provider", provider()),
            ("system", system()),
            ("nobody", Actor::default()),
        ]
    }

    /// The module's table, written out independently of `rule`: the personas allowed
    /// for each listed pair.
    fn expected(from: ProposalStatus, to: ProposalStatus) -> Option<&'static [&'static str]> {
        let table: &[(ProposalStatus, ProposalStatus, &'static [&'static str])] = &[
            (Draft, Discussion, &["admin", "core", "author"]),
            (Discussion, Quoted, &["admin", "core", "staff", "provider"]),
            (Quoted, Funding, &["admin"]),
            (Discussion, Funding, &["admin"]),
            (Funding, Funded, &["admin", "system"]),
            (Funding, Lapsed, &["admin", "system"]),
            (Funded, InProgress, &["admin", "provider"]),
            (InProgress, Delivered, &["admin", "provider"]),
            (Draft, Rejected, &["admin", "core"]),
            (Discussion, Rejected, &["admin", "core"]),
            (Quoted, Rejected, &["admin", "core"]),
            (Draft, Withdrawn, &["admin", "author"]),
            (Discussion, Withdrawn, &["admin", "author"]),
            (Quoted, Withdrawn, &["admin", "author"]),
            (Funding, Withdrawn, &["admin", "author"]),
            (Lapsed, Discussion, &["admin"]),
        ];
        table
            .iter()
            .find(|(f, t, _)| *f == from && *t == to)
            .map(|(_, _, who)| *who)
    }

    #[test]
    fn every_pair_and_persona_follows_the_table() {
        let mut allowed_pairs = 0;
        for from in ProposalStatus::ALL {
            for to in ProposalStatus::ALL {
                let rule = expected(from, to);
                allowed_pairs += usize::from(rule.is_some());
                for (name, actor) in personas() {
                    let got = check_transition(from, to, actor);
                    let want = match rule {
                        None => Err(TransitionError::NotAllowed { from, to }),
                        Some(who) if who.contains(&name) => Ok(()),
                        Some(_) => Err(TransitionError::Forbidden { from, to }),
                    };
                    assert_eq!(got, want, "{from} → {to} by {name}");
                }
            }
        }
        assert_eq!(allowed_pairs, 16);
    }

    #[test]
    fn final_statuses_have_no_way_out() {
        for from in ProposalStatus::ALL.into_iter().filter(|s| s.is_final()) {
            for (_, actor) in personas() {
                assert!(next_steps(from, actor).is_empty(), "{from}");
            }
        }
        assert!(!Lapsed.is_final());
        assert_eq!(ProposalStatus::ALL.iter().filter(|s| s.is_final()).count(), 3);
    }

    #[test]
    fn next_steps_lists_what_the_actor_may_do() {
        assert_eq!(next_steps(Draft, author()), vec![Discussion, Withdrawn]);
        assert_eq!(next_steps(Draft, core()), vec![Discussion, Rejected]);
        assert_eq!(
            next_steps(Discussion, admin()),
            vec![Quoted, Funding, Rejected, Withdrawn]
        );
        assert_eq!(next_steps(Funding, system()), vec![Funded, Lapsed]);
        assert_eq!(next_steps(Funded, provider()), vec![InProgress]);
        assert_eq!(next_steps(Funded, staff()), Vec::<ProposalStatus>::new());
        assert_eq!(next_steps(Lapsed, admin()), vec![Discussion]);
    }

    #[test]
    fn combined_roles_add_up() {
        let author_in_core = Actor {
            is_author: true,
            ..core()
        };
        assert_eq!(next_steps(Quoted, author_in_core), vec![Rejected, Withdrawn]);
    }

    #[test]
    fn statuses_round_trip_through_text_and_json() {
        for status in ProposalStatus::ALL {
            assert_eq!(status.as_str().parse::<ProposalStatus>(), Ok(status));
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
            assert_eq!(serde_json::from_str::<ProposalStatus>(&json).unwrap(), status);
        }
        assert_eq!(InProgress.to_string(), "in_progress");
        assert_eq!("done".parse::<ProposalStatus>(), Err(UnknownStatus("done".into())));
    }
}
