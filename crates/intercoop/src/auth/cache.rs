//! A short-lived in-memory cache of who a session or API token belongs to.
//!
//! Every request of a logged-in person would otherwise cost the look-ups of its
//! session, person, network and roles. Entries live for a couple of seconds: a
//! logout or a change of role on this instance removes them at once, and one on
//! another instance (sharing the same PostgreSQL) takes effect within that TTL.

use super::CurrentUser;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

pub struct AuthCache {
    ttl: Duration,
    entries: RwLock<HashMap<String, (Instant, Arc<CurrentUser>)>>,
}

impl AuthCache {
    pub fn new(ttl: Duration) -> AuthCache {
        AuthCache {
            ttl,
            entries: RwLock::new(HashMap::new()),
        }
    }

    pub fn get(&self, key: &str) -> Option<Arc<CurrentUser>> {
        let entries = self.entries.read().expect("auth cache lock");
        entries
            .get(key)
            .filter(|(at, _)| at.elapsed() < self.ttl)
            .map(|(_, user)| user.clone())
    }

    pub fn put(&self, key: String, user: Arc<CurrentUser>) {
        let mut entries = self.entries.write().expect("auth cache lock");
        if entries.len() > 50_000 {
            let ttl = self.ttl;
            entries.retain(|_, (at, _)| at.elapsed() < ttl);
        }
        entries.insert(key, (Instant::now(), user));
    }

    pub fn remove(&self, key: &str) {
        self.entries.write().expect("auth cache lock").remove(key);
    }

    /// Forgets every entry (after a change of roles or memberships).
    pub fn clear(&self) {
        self.entries.write().expect("auth cache lock").clear();
    }
}
