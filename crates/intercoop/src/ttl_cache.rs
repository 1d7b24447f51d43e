//! A small in-memory map whose entries expire after a fixed time: the mechanism under
//! the session cache (`auth::cache`) and the administrator's to-do counts.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::RwLock;
use std::time::{Duration, Instant};

pub struct TtlCache<K, V> {
    ttl: Duration,
    /// Expired entries are swept when the map grows past this many.
    sweep_above: usize,
    entries: RwLock<HashMap<K, (Instant, V)>>,
}

impl<K: Hash + Eq, V: Clone> TtlCache<K, V> {
    pub fn new(ttl: Duration, sweep_above: usize) -> TtlCache<K, V> {
        TtlCache {
            ttl,
            sweep_above,
            entries: RwLock::new(HashMap::new()),
        }
    }

    /// The value, unless it has expired.
    pub fn get<Q: Hash + Eq + ?Sized>(&self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let entries = self.entries.read().expect("cache lock");
        entries
            .get(key)
            .filter(|(at, _)| at.elapsed() < self.ttl)
            .map(|(_, v)| v.clone())
    }

    pub fn put(&self, key: K, value: V) {
        let mut entries = self.entries.write().expect("cache lock");
        if entries.len() > self.sweep_above {
            let ttl = self.ttl;
            entries.retain(|_, (at, _)| at.elapsed() < ttl);
        }
        entries.insert(key, (Instant::now(), value));
    }

    pub fn remove<Q: Hash + Eq + ?Sized>(&self, key: &Q)
    where
        K: Borrow<Q>,
    {
        self.entries.write().expect("cache lock").remove(key);
    }

    pub fn clear(&self) {
        self.entries.write().expect("cache lock").clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_expire_and_can_be_removed() {
        let c = TtlCache::new(Duration::from_millis(30), 0);
        c.put(1, "a");
        c.put(2, "b");
        assert_eq!(c.get(&1), Some("a"));
        c.remove(&1);
        assert_eq!(c.get(&1), None);
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(c.get(&2), None, "expired");
        c.put(3, "c");
        assert_eq!(c.entries.read().unwrap().len(), 1, "expired entries swept");
        c.clear();
        assert_eq!(c.get(&3), None);
    }
}
