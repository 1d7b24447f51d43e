//! A short-lived in-memory cache of who a session or API token belongs to.
//!
//! Every request of a logged-in person would otherwise cost the look-ups of its
//! session, person, network and roles. Entries live for a couple of seconds: a
//! logout or a change of role removes them at once on this instance and, on
//! PostgreSQL, on every other instance too (a `NOTIFY` that each instance listens to:
//! see `db::postgres_only`); at worst an entry is stale for the TTL.

use super::CurrentUser;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use tokio::sync::mpsc::UnboundedSender;

/// Tells the other instances to forget every entry.
pub const FORGET_ALL: &str = "*";
use std::time::{Duration, Instant};

pub struct AuthCache {
    ttl: Duration,
    entries: RwLock<HashMap<String, (Instant, Arc<CurrentUser>)>>,
    /// Where invalidations go to reach the other instances (PostgreSQL only).
    broadcast: Mutex<Option<UnboundedSender<String>>>,
}

impl AuthCache {
    pub fn new(ttl: Duration) -> AuthCache {
        AuthCache {
            ttl,
            entries: RwLock::new(HashMap::new()),
            broadcast: Mutex::new(None),
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
        let mut entries = self.entries.write().expect("auth cache lock");
        if key == FORGET_ALL {
            entries.clear();
        } else {
            entries.remove(key);
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
