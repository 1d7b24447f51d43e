//! Passwords: argon2id, hashed and checked on a blocking thread so that a login
//! never stalls the other requests, and **a few at a time**.
//!
//! One argon2id computation with the crate's default parameters (OWASP's: m = 19 MiB,
//! t = 2, p = 1) holds 19 MiB for its duration. Unbounded, thirty password requests
//! at once took a server from 33 MB to 700 MB; the [`Hasher`] lets at most
//! [`Hasher::permits`] run at once (the others wait for a permit *before* anything is
//! allocated), so the memory of password work is at most permits × 19 MiB. Callers
//! check everything cheap first (the link's token, the rate limits, the form) and hash
//! last: a request that will be refused never reaches the hasher.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use tokio::sync::Semaphore;

/// The shortest password accepted, in characters (OWASP ASVS 2.1.1 asks for 12 at
/// level 2 for passwords people choose; intercoop's passwords are optional beside magic
/// links, and 10 is what the product asked for).
pub const MIN_LENGTH: usize = 10;

/// The longest password accepted, in bytes: argon2 hashes any length in the same
/// memory, but a megabyte-long form field is no password.
pub const MAX_BYTES: usize = 1000;

/// Hashes and checks passwords, at most `permits` at once (see the module's doc).
pub struct Hasher {
    permits: Semaphore,
    size: usize,
    /// How many argon2 computations were started (hashes and checks), for tests and
    /// the operator's curiosity.
    started: AtomicU64,
    running: AtomicUsize,
    /// The most that ever ran at once.
    peak: AtomicUsize,
}

/// What the [`Hasher`] has done so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HasherStats {
    /// Argon2 computations started since the server started.
    pub started: u64,
    /// The most that ran at the same time.
    pub peak: usize,
}

impl Hasher {
    /// A hasher running at most `permits` computations at once (at least one).
    pub fn new(permits: usize) -> Hasher {
        let size = permits.max(1);
        Hasher {
            permits: Semaphore::new(size),
            size,
            started: AtomicU64::new(0),
            running: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
        }
    }

    /// One computation per core, at most four: more would only queue on the cores and
    /// hold more memory meanwhile.
    pub fn for_this_machine() -> Hasher {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Hasher::new(cores.clamp(1, 4))
    }

    /// How many computations may run at once.
    pub fn permits(&self) -> usize {
        self.size
    }

    pub fn stats(&self) -> HasherStats {
        HasherStats {
            started: self.started.load(Ordering::SeqCst),
            peak: self.peak.load(Ordering::SeqCst),
        }
    }

    /// Runs `work` on a blocking thread once a permit is free.
    async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> anyhow::Result<T> {
        let _permit = self.permits.acquire().await?;
        self.started.fetch_add(1, Ordering::SeqCst);
        let now = self.running.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now, Ordering::SeqCst);
        let result = tokio::task::spawn_blocking(work).await;
        self.running.fetch_sub(1, Ordering::SeqCst);
        Ok(result?)
    }

    /// The argon2id hash (PHC string) of a new password.
    pub async fn hash(&self, password: String) -> anyhow::Result<String> {
        self.run(move || hash_now(&password)).await?
    }

    /// Whether `password` matches the stored hash. Without a stored hash, still spends
    /// the time of a check (against a dummy), so that timing does not reveal which
    /// addresses have a password.
    pub async fn verify(&self, password: String, stored: Option<String>) -> bool {
        self.run(move || verify_now(&password, stored.as_deref()))
            .await
            .unwrap_or(false)
    }
}

/// Hashes at once on this thread (the CLI and the demo, which hash one password).
pub fn hash_now(password: &str) -> anyhow::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    let salt = SaltString::encode_b64(&bytes).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
}

fn verify_now(password: &str, stored: Option<&str>) -> bool {
    let dummy = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0CyQfRbXlq4Ts0gA8vGm3Dn/5nDO4kPxsRqgQuU5xJA";
    let ok = PasswordHash::new(stored.unwrap_or(dummy))
        .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false);
    ok && stored.is_some()
}

/// Hashes one password on a blocking thread, outside any [`Hasher`] (the demo).
pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || hash_now(&password)).await?
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[tokio::test]
    async fn hash_then_verify() {
        let hasher = Hasher::new(1);
        let h = hasher.hash("correct horse battery".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(hasher.verify("correct horse battery".into(), Some(h.clone())).await);
        assert!(!hasher.verify("wrong".into(), Some(h)).await);
        assert!(!hasher.verify("anything".into(), None).await);
        assert_eq!(hasher.stats().started, 4);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn at_most_the_permits_run_at_once() {
        let hasher = Arc::new(Hasher::new(2));
        let tasks: Vec<_> = (0..8)
            .map(|_| {
                let h = hasher.clone();
                tokio::spawn(async move { h.verify("x".repeat(12), None).await })
            })
            .collect();
        for t in tasks {
            assert!(!t.await.unwrap());
        }
        assert_eq!(hasher.stats(), HasherStats { started: 8, peak: 2 });
    }
}
