//! Login attempts are limited **per account and per client address, separately**, and
//! **passwords and emailed links separately**, so that
//! - guessing one person's password is slow (per account), and so is trying one
//!   password against many accounts (per address);
//! - nobody is locked out by others: the address is the client's own (the peer of the
//!   connection, or what a *trusted* proxy says: [`ClientAddr`]), never a bucket shared
//!   by every visitor, and a header a client sets itself changes nothing;
//! - failed passwords never block the owner's magic link or reset (their own buckets),
//!   and the links asked for one address are few (no inbox flooding) — they all reach
//!   the owner's inbox, so someone who asks for many only sends the owner links.
//!
//! The buckets are GCRA ([`governor`]): a burst, then one attempt per period. They live
//! in this instance's memory (several instances each apply them) and follow the
//! server's clock (`crate::clock`), so tests move time instead of waiting. Keys nobody
//! used for longer than a bucket takes to refill are forgotten when the map grows.

use crate::error::{AppError, AppResult};
use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use axum::http::request::Parts;
use governor::clock::Clock as GovernorClock;
use governor::middleware::NoOpMiddleware;
use governor::nanos::Nanos;
use governor::state::keyed::HashMapStateStore;
use governor::{Quota, RateLimiter};
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

/// A bucket's shape: `burst` attempts at once, then one per `every`.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub burst: u32,
    pub every: Duration,
}

/// Password attempts for one account (the address typed, existing or not): 10, then
/// one every 3 minutes (20 an hour). Past it, only passwords are refused: links still go.
pub const PASSWORD_PER_ACCOUNT: Rule = Rule {
    burst: 10,
    every: Duration::from_secs(180),
};
/// Password attempts from one client address (a household or an assembly behind one
/// NAT shares it): 30, then one every 10 seconds.
pub const PASSWORD_PER_ADDRESS: Rule = Rule {
    burst: 30,
    every: Duration::from_secs(10),
};
/// Emailed links (login, reset) for one account: 5, then one every 3 minutes.
pub const LINK_PER_ACCOUNT: Rule = Rule {
    burst: 5,
    every: Duration::from_secs(180),
};
/// Emailed links asked from one client address: 60 (a whole assembly logging in from
/// the room's Wi-Fi), then one every 5 seconds.
pub const LINK_PER_ADDRESS: Rule = Rule {
    burst: 60,
    every: Duration::from_secs(5),
};

/// How many keys a bucket map holds before the idle ones are swept.
const SWEEP_ABOVE: usize = 10_000;

/// What is attempted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// Checking a password: a login with a password, the current password on the profile.
    Password,
    /// Asking for an emailed link: a magic link, a password reset.
    Link,
}

/// The server's clock as governor's: nanoseconds since the Unix epoch.
#[derive(Clone)]
pub(crate) struct ServerClock(pub(crate) Arc<dyn crate::clock::Clock>);

impl GovernorClock for ServerClock {
    type Instant = Nanos;

    fn now(&self) -> Nanos {
        Nanos::from(u64::try_from(self.0.now().unix_timestamp_nanos()).unwrap_or(0))
    }
}

pub(crate) type Keyed = RateLimiter<String, HashMapStateStore<String>, ServerClock, NoOpMiddleware<Nanos>>;

pub(crate) fn bucket(rule: Rule, clock: &ServerClock) -> Keyed {
    let burst = NonZeroU32::new(rule.burst).unwrap_or(NonZeroU32::MIN);
    let quota = Quota::with_period(rule.every)
        .expect("a rule's period is not zero")
        .allow_burst(burst);
    RateLimiter::hashmap_with_clock(quota, clock.clone())
}

/// The four buckets of login attempts.
pub struct LoginLimits {
    password_account: Keyed,
    password_address: Keyed,
    link_account: Keyed,
    link_address: Keyed,
}

impl LoginLimits {
    pub fn new(clock: Arc<dyn crate::clock::Clock>) -> LoginLimits {
        let clock = ServerClock(clock);
        LoginLimits {
            password_account: bucket(PASSWORD_PER_ACCOUNT, &clock),
            password_address: bucket(PASSWORD_PER_ADDRESS, &clock),
            link_account: bucket(LINK_PER_ACCOUNT, &clock),
            link_address: bucket(LINK_PER_ADDRESS, &clock),
        }
    }

    /// Counts an attempt from `address` on `account` (a normalised email address);
    /// [`AppError::RateLimited`] (429) when either bucket is empty. The address is
    /// asked first: a refused address uses nothing of the account's bucket.
    pub fn check(&self, what: Attempt, account: &str, address: &ClientAddr) -> AppResult<()> {
        let (by_account, by_address) = match what {
            Attempt::Password => (&self.password_account, &self.password_address),
            Attempt::Link => (&self.link_account, &self.link_address),
        };
        take(by_address, &address.key())?;
        take(by_account, &account.to_lowercase())
    }

    /// Counts an attempt from `address` alone (a reset link's new password, whose
    /// account the link names).
    pub fn check_address(&self, what: Attempt, address: &ClientAddr) -> AppResult<()> {
        match what {
            Attempt::Password => take(&self.password_address, &address.key()),
            Attempt::Link => take(&self.link_address, &address.key()),
        }
    }
}

pub(crate) fn take(bucket: &Keyed, key: &str) -> AppResult<()> {
    if bucket.len() > SWEEP_ABOVE {
        bucket.retain_recent();
        bucket.shrink_to_fit();
    }
    bucket.check_key(&key.to_string()).map_err(|_| AppError::RateLimited)
}

/// The client's address: the peer of the connection, or — when the peer is a trusted
/// proxy (`--trusted-proxies`) — the last address of `X-Forwarded-For` that is not a
/// trusted proxy itself (the one the nearest untrusted hop connected from; what is
/// left of it was written by the client and proves nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

impl ClientAddr {
    /// Resolves the client's address from the peer and the `X-Forwarded-For` values.
    pub fn resolve<'a>(
        peer: IpAddr,
        forwarded_for: impl DoubleEndedIterator<Item = &'a str>,
        trusted: &[IpNet],
    ) -> ClientAddr {
        let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
        let mut client = peer;
        if !is_trusted(&peer) {
            return ClientAddr(peer);
        }
        // Rightmost first: each trusted hop appended the address it saw.
        for hop in forwarded_for.rev().flat_map(|v| v.rsplit(',')) {
            let Some(ip) = parse_hop(hop) else {
                break;
            };
            client = ip;
            if !is_trusted(&ip) {
                break;
            }
        }
        ClientAddr(client)
    }

    /// The bucket key: the address, or its /64 for IPv6 (one home or phone is given a
    /// whole /64, and can pick any address in it).
    pub fn key(&self) -> String {
        match self.0 {
            IpAddr::V4(v4) => v4.to_string(),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => v4.to_string(),
                None => {
                    let s = v6.segments();
                    format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
                }
            },
        }
    }
}

/// One `X-Forwarded-For` entry: an address, maybe with a port (`[::1]:80`, `1.2.3.4:5`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

impl<S> FromRequestParts<S> for ClientAddr
where
    S: Send + Sync,
    crate::state::AppState: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> AppResult<ClientAddr> {
        let state = crate::state::AppState::from_ref(state);
        // Served with `into_make_service_with_connect_info` (`server::start`); a router
        // driven without a connection (none today) counts as one unknown client.
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip());
        let forwarded = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect::<Vec<_>>();
        Ok(ClientAddr::resolve(
            peer,
            forwarded.into_iter(),
            &state.config.trusted_proxies,
        ))
    }
}

/// A trusted proxy as configured: an address (`10.0.0.7`, `::1`) or a network
/// (`10.0.0.0/8`, `fd00::/8`).
pub fn parse_proxy(s: &str) -> Result<IpNet, String> {
    let s = s.trim();
    s.parse::<IpNet>()
        .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| format!("{s:?} is neither an IP address nor a network such as 10.0.0.0/8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn the_peer_counts_unless_it_is_a_trusted_proxy() {
        let none: [IpNet; 0] = [];
        let proxies = [parse_proxy("10.0.0.0/8").unwrap(), parse_proxy("::1").unwrap()];
        // No trusted proxy: a client's header is ignored.
        let a = ClientAddr::resolve(ip("198.51.100.4"), ["1.2.3.4"].into_iter(), &none);
        assert_eq!(a.0, ip("198.51.100.4"));
        // An untrusted peer's header is ignored too.
        let a = ClientAddr::resolve(ip("198.51.100.4"), ["1.2.3.4"].into_iter(), &proxies);
        assert_eq!(a.0, ip("198.51.100.4"));
        // Through a trusted proxy: the rightmost untrusted hop, whatever the client
        // wrote to the left of it.
        let a = ClientAddr::resolve(
            ip("10.0.0.2"),
            ["6.6.6.6, 203.0.113.9", "10.0.0.5"].into_iter(),
            &proxies,
        );
        assert_eq!(a.0, ip("203.0.113.9"));
        // Garbage stops the walk at the last good hop.
        let a = ClientAddr::resolve(ip("::1"), ["nonsense, 10.1.1.1"].into_iter(), &proxies);
        assert_eq!(a.0, ip("10.1.1.1"));
        let a = ClientAddr::resolve(ip("::1"), ["[2001:db8::1]:443"].into_iter(), &proxies);
        assert_eq!(a.0, ip("2001:db8::1"));
        let a = ClientAddr::resolve(ip("10.0.0.2"), std::iter::empty(), &proxies);
        assert_eq!(a.0, ip("10.0.0.2"));
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64() {
        assert_eq!(ClientAddr(ip("2001:db8:1:2:aaaa::1")).key(), "2001:db8:1:2::/64");
        assert_eq!(
            ClientAddr(ip("2001:db8:1:2:bbbb::9")).key(),
            ClientAddr(ip("2001:db8:1:2::7")).key()
        );
        assert_eq!(ClientAddr(ip("::ffff:192.0.2.1")).key(), "192.0.2.1");
        assert!(parse_proxy("not an address").is_err());
        assert_eq!(parse_proxy("10.0.0.1").unwrap().to_string(), "10.0.0.1/32");
    }

    #[test]
    fn buckets_are_separate_and_refill_with_the_servers_clock() {
        let clock = Arc::new(crate::clock::ManualClock::new());
        let limits = LoginLimits::new(clock.clone());
        let here = ClientAddr(ip("192.0.2.1"));
        let there = ClientAddr(ip("192.0.2.2"));
        for _ in 0..PASSWORD_PER_ACCOUNT.burst {
            limits.check(Attempt::Password, "a@x.example", &here).unwrap();
        }
        assert!(limits.check(Attempt::Password, "a@x.example", &there).is_err());
        // The account's links are not touched, nor the address's other accounts.
        limits.check(Attempt::Link, "a@x.example", &here).unwrap();
        limits.check(Attempt::Password, "b@x.example", &here).unwrap();
        clock.advance(time::Duration::seconds(PASSWORD_PER_ACCOUNT.every.as_secs() as i64));
        limits.check(Attempt::Password, "a@x.example", &there).unwrap();
    }
}
