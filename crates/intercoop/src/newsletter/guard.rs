//! What keeps the public subscription form and its API from sending confirmation
//! emails to any address at will: a rate limit per address asked for and per client
//! address, each per network (GCRA buckets in memory on the server's clock, as the
//! logins' `auth::rate_limit` and the applications' `joining::guard`). The client's
//! bucket is asked first, so that a refused client uses nothing of the address's.
//! Only a request that would be taken counts: a refused field costs nothing.

use crate::auth::rate_limit::{ClientAddr, Keyed, Rule, ServerClock, bucket, take};
use crate::error::AppResult;
use std::sync::Arc;
use std::time::Duration;

/// Confirmation emails to one address for one network: 3, then one an hour.
pub const PER_EMAIL: Rule = Rule {
    burst: 3,
    every: Duration::from_secs(3600),
};

/// Subscriptions asked from one client address for one network: 10 (a stand at a
/// fair, on one Wi-Fi), then one a minute.
pub const PER_CLIENT: Rule = Rule {
    burst: 10,
    every: Duration::from_secs(60),
};

/// The buckets of subscriptions asked.
pub struct Guard {
    by_email: Keyed,
    by_client: Keyed,
}

impl Guard {
    pub fn new(clock: Arc<dyn crate::clock::Clock>) -> Guard {
        let clock = ServerClock(clock);
        Guard {
            by_email: bucket(PER_EMAIL, &clock),
            by_client: bucket(PER_CLIENT, &clock),
        }
    }

    /// Counts a subscription of `email` (as typed: trimmed and lowercased here) to
    /// `network_id` asked from `client`; `RateLimited` (429) when either bucket is empty.
    pub fn count(&self, network_id: i64, email: &str, client: &ClientAddr) -> AppResult<()> {
        take(&self.by_client, &format!("{network_id}/{}", client.key()))?;
        take(&self.by_email, &format!("{network_id}/{}", email.trim().to_lowercase()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{IpAddr, Ipv4Addr};

    #[test]
    fn an_address_gets_three_then_waits_and_a_client_ten() {
        let clock: Arc<dyn crate::clock::Clock> = Arc::new(crate::clock::SystemClock);
        let g = Guard::new(clock);
        let client = |n: u8| ClientAddr(IpAddr::V4(Ipv4Addr::new(10, 0, 0, n)));
        for n in 0..3 {
            g.count(1, "Ana@Example.org", &client(n)).unwrap();
        }
        assert!(
            g.count(1, " ana@example.org", &client(9)).is_err(),
            "the fourth to one address"
        );
        g.count(2, "ana@example.org", &client(9)).unwrap();
        let many = client(20);
        for n in 0..10 {
            g.count(1, &format!("p{n}@example.org"), &many).unwrap();
        }
        assert!(
            g.count(1, "p10@example.org", &many).is_err(),
            "the eleventh from one client"
        );
        g.count(1, "p10@example.org", &client(21)).unwrap();
    }
}
