//! A short-lived in-memory cache of who a session or API token belongs to.
//!
//! Every request of a logged-in person would otherwise cost the look-ups of its
//! session, person, network and roles. Entries live for a couple of seconds: a
//! logout or a change of role removes them at once on this instance and, on
//! PostgreSQL, on every other instance too (a `NOTIFY` that each instance listens to:
//! see `db::postgres_only`); at worst an entry is stale for the TTL.

use super::CurrentUser;
use crate::ttl_cache::TtlCache;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::mpsc::UnboundedSender;

/// Tells the other instances to forget every entry.
pub const FORGET_ALL: &str = "*";

pub struct AuthCache {
    entries: TtlCache<String, Arc<CurrentUser>>,
    /// Where invalidations go to reach the other instances (PostgreSQL only).
    broadcast: Mutex<Option<UnboundedSender<String>>>,
}

impl AuthCache {
    pub fn new(ttl: Duration) -> AuthCache {
        AuthCache {
            entries: TtlCache::new(ttl, 50_000),
            broadcast: Mutex::new(None),
        }
    }

    pub fn get(&self, key: &str) -> Option<Arc<CurrentUser>> {
        self.entries.get(key)
    }

    pub fn put(&self, key: String, user: Arc<CurrentUser>) {
        self.entries.put(key, user);
    }

    /// Forgets one session or token, here and on the other instances.
    pub fn remove(&self, key: &str) {
        self.apply(key);
        self.send(key);
    }

    /// Forgets every entry (after a change of roles or memberships), everywhere.
    pub fn clear(&self) {
        self.apply(FORGET_ALL);
        self.send(FORGET_ALL);
    }

    /// Applies an invalidation (one received from another instance, or our own).
    pub fn apply(&self, key: &str) {
        if key == FORGET_ALL {
            self.entries.clear();
        } else {
            self.entries.remove(key);
        }
    }

    pub fn set_broadcast(&self, sender: UnboundedSender<String>) {
        *self.broadcast.lock().expect("auth cache lock") = Some(sender);
    }

    fn send(&self, key: &str) {
        if let Some(sender) = self.broadcast.lock().expect("auth cache lock").as_ref() {
            let _ = sender.send(key.to_string());
        }
    }
}
