//! Proxies: an organisation hands its vote in one poll to another member organisation,
//! whose representative casts it beside its own.
//!
//! Two limits keep a vote where its organisation put it (PRODUCT.md's assembly: "votes
//! are recorded one organisation one vote"):
//!
//! - **A limited number of proxies per holder** (the poll's `max_proxies`, 1 by
//!   default), so that a few organisations cannot gather the assembly's votes.
//! - **No chains.** An organisation that gave its own vote away by proxy cannot hold
//!   another's, and one that holds others' proxies cannot give its own away: either
//!   way the holder would be an organisation that handed its vote on, and the votes it
//!   holds would travel further than their organisations chose. (A delegation to a
//!   person of the same organisation is not a proxy: it moves no vote out of the
//!   organisation, and these rules ignore it.)

use crate::sharing::OrgId;

/// A proxy in force in a poll: `giver`'s vote is cast by `holder`'s representative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Proxy {
    pub giver: OrgId,
    pub holder: OrgId,
}

/// Why a proxy is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ProxyError {
    /// An organisation cannot give its proxy to itself.
    #[error("organisation {org} cannot hold its own proxy")]
    OwnProxy { org: OrgId },
    /// The holder already holds `max` proxies from other organisations.
    #[error("organisation {holder} already holds {max} proxies")]
    LimitReached { holder: OrgId, max: u32 },
    /// The holder gave its own vote away by proxy: it would pass this one on.
    #[error("organisation {holder} gave its own vote away and cannot hold a proxy")]
    HolderGaveItsVote { holder: OrgId },
    /// The giver holds other organisations' proxies: giving its own vote away would
    /// pass theirs on.
    #[error("organisation {giver} holds proxies and cannot give its own vote away")]
    GiverHoldsProxies { giver: OrgId },
}

/// Whether `giver` may give its proxy to `holder` in a poll where `proxies` are in
/// force and a holder may hold at most `max_proxies`.
///
/// `giver`'s own proxy in `proxies`, if it gave one, is not counted: the new one
/// replaces it (so giving the same proxy again is allowed, even at the limit). The
/// checks, in this order: [`ProxyError::OwnProxy`], [`ProxyError::LimitReached`]
/// (the holder holds `max_proxies` proxies from organisations other than `giver`),
/// [`ProxyError::HolderGaveItsVote`], [`ProxyError::GiverHoldsProxies`]. Whether both
/// organisations are in the poll's electorate is the caller's to check.
pub fn check_proxy(proxies: &[Proxy], giver: OrgId, holder: OrgId, max_proxies: u32) -> Result<(), ProxyError> {
    if giver == holder {
        return Err(ProxyError::OwnProxy { org: giver });
    }
    let others: Vec<&Proxy> = proxies.iter().filter(|p| p.giver != giver).collect();
    let held = others.iter().filter(|p| p.holder == holder).count();
    if held >= max_proxies as usize {
        return Err(ProxyError::LimitReached {
            holder,
            max: max_proxies,
        });
    }
    if others.iter().any(|p| p.giver == holder) {
        return Err(ProxyError::HolderGaveItsVote { holder });
    }
    if others.iter().any(|p| p.holder == giver) {
        return Err(ProxyError::GiverHoldsProxies { giver });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proxy(giver: OrgId, holder: OrgId) -> Proxy {
        Proxy { giver, holder }
    }

    #[test]
    fn a_first_proxy_is_allowed() {
        assert_eq!(check_proxy(&[], 1, 2, 1), Ok(()));
    }

    #[test]
    fn not_to_oneself() {
        assert_eq!(check_proxy(&[], 1, 1, 5), Err(ProxyError::OwnProxy { org: 1 }));
    }

    #[test]
    fn a_holder_holds_at_most_the_limit() {
        let held = [proxy(1, 2)];
        assert_eq!(
            check_proxy(&held, 3, 2, 1),
            Err(ProxyError::LimitReached { holder: 2, max: 1 })
        );
        assert_eq!(check_proxy(&held, 3, 2, 2), Ok(()));
        let two = [proxy(1, 2), proxy(3, 2)];
        assert_eq!(
            check_proxy(&two, 4, 2, 2),
            Err(ProxyError::LimitReached { holder: 2, max: 2 })
        );
        // Another holder is not concerned.
        assert_eq!(check_proxy(&two, 4, 5, 1), Ok(()));
        // A poll without proxies.
        assert_eq!(
            check_proxy(&[], 1, 2, 0),
            Err(ProxyError::LimitReached { holder: 2, max: 0 })
        );
    }

    #[test]
    fn giving_again_replaces_ones_own_proxy() {
        // Organisation 1 gives its proxy to 2 again, or moves it to 3: its old proxy
        // does not count.
        let held = [proxy(1, 2)];
        assert_eq!(check_proxy(&held, 1, 2, 1), Ok(()));
        assert_eq!(check_proxy(&held, 1, 3, 1), Ok(()));
    }

    #[test]
    fn a_holder_that_gave_its_vote_away_cannot_hold() {
        // 2 gave its vote to 3: 1 cannot give its own to 2, which would pass it on.
        let held = [proxy(2, 3)];
        assert_eq!(
            check_proxy(&held, 1, 2, 5),
            Err(ProxyError::HolderGaveItsVote { holder: 2 })
        );
        // Nor can 3 hand its vote back to 2: a loop.
        assert_eq!(
            check_proxy(&held, 3, 2, 5),
            Err(ProxyError::HolderGaveItsVote { holder: 2 })
        );
    }

    #[test]
    fn a_giver_that_holds_proxies_cannot_give_its_vote_away() {
        // 2 holds 1's proxy: giving 2's own vote to 3 would pass 1's on.
        let held = [proxy(1, 2)];
        assert_eq!(
            check_proxy(&held, 2, 3, 5),
            Err(ProxyError::GiverHoldsProxies { giver: 2 })
        );
        // Once 1 takes its proxy elsewhere, 2 may.
        assert_eq!(check_proxy(&[proxy(1, 4)], 2, 3, 5), Ok(()));
    }

    #[test]
    fn the_limit_is_checked_first() {
        // 2 is full and gave its vote away: the limit is what is said.
        let held = [proxy(1, 2), proxy(2, 3)];
        assert_eq!(
            check_proxy(&held, 4, 2, 1),
            Err(ProxyError::LimitReached { holder: 2, max: 1 })
        );
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Proxies given one by one, each kept only when allowed, never make a chain
        /// and never give a holder more than the limit.
        #[test]
        fn allowed_proxies_keep_every_vote_one_step_from_home(
            requests in prop::collection::vec((0i64..8, 0i64..8), 0..40),
            max in 0u32..4,
        ) {
            let mut proxies: Vec<Proxy> = Vec::new();
            for (giver, holder) in requests {
                if check_proxy(&proxies, giver, holder, max).is_ok() {
                    proxies.retain(|p| p.giver != giver);
                    proxies.push(Proxy { giver, holder });
                }
            }
            for p in &proxies {
                prop_assert_ne!(p.giver, p.holder);
                prop_assert!(!proxies.iter().any(|q| q.giver == p.holder), "a chain: {:?}", proxies);
                let held = proxies.iter().filter(|q| q.holder == p.holder).count();
                prop_assert!(held <= max as usize);
            }
            let givers: std::collections::BTreeSet<OrgId> = proxies.iter().map(|p| p.giver).collect();
            prop_assert_eq!(givers.len(), proxies.len(), "one proxy per giver");
        }
    }
}
