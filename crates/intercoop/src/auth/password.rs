//! Passwords: argon2id, hashed and checked on threads of their own so that a login
//! never stalls the other requests, and **a few at a time**.
//!
//! One argon2id computation with the crate's default parameters (OWASP's: m = 19 MiB,
//! t = 2, p = 1) holds 19 MiB for its duration. Unbounded, thirty password requests
//! at once took a server from 33 MB to 700 MB; the [`Hasher`] lets at most
//! [`Hasher::permits`] run at once (the others wait for a permit *before* anything is
//! allocated), so the memory of password work is at most permits × 19 MiB. Callers
//! check everything cheap first (the link's token, the rate limits, the form) and hash
//! last: a request that will be refused never reaches the hasher.
//!
//! The computations run on the hasher's own threads, one per permit, each with its
//! own 19 MiB of argon2 memory allocated once and reused by every computation
//! (`hash_password_into_with_memory`). Letting argon2 allocate its 19 MiB (aligned to
//! 64 bytes) each time, the C allocator did not give it back: thirty logins, a few at
//! a time, left a server at 583 MB on tokio's blocking threads and still 330 MB on two
//! threads of its own; with the memory reused it stays near permits × 19 MiB
//! (`tests/security.rs`, `concurrent_bogus_resets_do_not_exhaust_memory`).

use argon2::password_hash::{Output, ParamsString, PasswordHash, PasswordHasher, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use tokio::sync::Semaphore;

/// A computation for one of the hasher's threads, given that thread's argon2 memory.
type Work = Box<dyn FnOnce(&mut Vec<Block>) + Send>;

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
    /// The hasher's threads take their work from here; they end when the hasher is
    /// dropped (the channel closes).
    work: Mutex<mpsc::Sender<Work>>,
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
        let (sender, receiver) = mpsc::channel::<Work>();
        let receiver = Arc::new(Mutex::new(receiver));
        for i in 0..size {
            let receiver = receiver.clone();
            std::thread::Builder::new()
                .name(format!("argon2-{i}"))
                .spawn(move || {
                    // This thread's argon2 memory: allocated at its first computation,
                    // reused by the next ones.
                    let mut memory: Vec<Block> = Vec::new();
                    loop {
                        // The lock is held only while waiting for the next work.
                        let next = receiver.lock().map_err(|_| ()).and_then(|r| r.recv().map_err(|_| ()));
                        match next {
                            // A panic ends that computation (its caller gets an error),
                            // not the thread.
                            Ok(work) => {
                                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&mut memory)));
                            }
                            Err(()) => return,
                        }
                    }
                })
                .expect("a thread for password hashing");
        }
        Hasher {
            permits: Semaphore::new(size),
            size,
            work: Mutex::new(sender),
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

    /// Runs `work` on one of the hasher's threads once a permit is free (with a permit
    /// held, a thread is free: there are as many as permits).
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Vec<Block>) -> T + Send + 'static,
    ) -> anyhow::Result<T> {
        let _permit = self.permits.acquire().await?;
        self.started.fetch_add(1, Ordering::SeqCst);
        let now = self.running.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now, Ordering::SeqCst);
        let (done, result) = tokio::sync::oneshot::channel();
        let sent = self
            .work
            .lock()
            .map_err(|_| anyhow::anyhow!("the password hasher is poisoned"))?
            .send(Box::new(move |memory: &mut Vec<Block>| {
                let _ = done.send(work(memory));
            }));
        let result = match sent {
            Ok(()) => result
                .await
                .map_err(|_| anyhow::anyhow!("a password hashing thread ended")),
            Err(_) => Err(anyhow::anyhow!("the password hashing threads ended")),
        };
        self.running.fetch_sub(1, Ordering::SeqCst);
        result
    }

    /// The argon2id hash (PHC string) of a new password.
    pub async fn hash(&self, password: String) -> anyhow::Result<String> {
        self.run(move |memory| hash_in(memory, &password)).await?
    }

    /// Whether `password` matches the stored hash. Without a stored hash, still spends
    /// the time of a check (against a dummy), so that timing does not reveal which
    /// addresses have a password.
    pub async fn verify(&self, password: String, stored: Option<String>) -> bool {
        self.run(move |memory| verify_in(memory, &password, stored.as_deref()))
            .await
            .unwrap_or(false)
    }
}

/// Hashes at once on this thread (the CLI and the demo, which hash one password),
/// argon2 allocating its memory.
pub fn hash_now(password: &str) -> anyhow::Result<String> {
    let salt = new_salt()?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
}

fn new_salt() -> anyhow::Result<SaltString> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    SaltString::encode_b64(&bytes).map_err(|e| anyhow::anyhow!("salt: {e}"))
}

/// `memory`'s first `blocks` blocks, the vector grown to that size first if needed.
fn blocks(memory: &mut Vec<Block>, blocks: usize) -> &mut [Block] {
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    &mut memory[..blocks]
}

/// The argon2id hash (PHC string) of `password` with OWASP's parameters (the crate's
/// defaults), computed in `memory`: the string `Argon2::default().hash_password` gives.
fn hash_in(memory: &mut Vec<Block>, password: &str) -> anyhow::Result<String> {
    let salt = new_salt()?;
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt
        .decode_b64(&mut salt_bytes)
        .map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    let params = Params::default();
    let mut out = vec![0u8; params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN)];
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    argon
        .hash_password_into_with_memory(
            password.as_bytes(),
            salt_bytes,
            &mut out,
            blocks(memory, params.block_count()),
        )
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?;
    let hash = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|e| anyhow::anyhow!("parameters: {e}"))?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).map_err(|e| anyhow::anyhow!("output: {e}"))?),
    };
    Ok(hash.to_string())
}

/// A hash of OWASP's parameters that matches no password, checked when a person has no
/// password so that the answer takes the same time.
const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0CyQfRbXlq4Ts0gA8vGm3Dn/5nDO4kPxsRqgQuU5xJA";

/// Whether `password` matches `stored` (PHC string), computed in `memory`; without a
/// stored hash, false after the work of a check against [`DUMMY`].
fn verify_in(memory: &mut Vec<Block>, password: &str, stored: Option<&str>) -> bool {
    let ok = PasswordHash::new(stored.unwrap_or(DUMMY))
        .ok()
        .and_then(|parsed| matches(memory, password, &parsed))
        .unwrap_or(false);
    ok && stored.is_some()
}

/// What `PasswordVerifier::verify_password` decides, in `memory`: the hash's own
/// algorithm, version and parameters, and a constant-time comparison (`Output`'s).
fn matches(memory: &mut Vec<Block>, password: &str, parsed: &PasswordHash) -> Option<bool> {
    let algorithm = Algorithm::try_from(parsed.algorithm).ok()?;
    let version = match parsed.version {
        Some(v) => Version::try_from(v).ok()?,
        None => Version::default(),
    };
    let expected = parsed.hash?;
    let params = Params::try_from(parsed).ok()?;
    let mut salt = [0u8; 64];
    let salt = parsed.salt?.decode_b64(&mut salt).ok()?;
    let mut out = vec![0u8; expected.len()];
    Argon2::new(algorithm, version, params.clone())
        .hash_password_into_with_memory(
            password.as_bytes(),
            salt,
            &mut out,
            blocks(memory, params.block_count()),
        )
        .ok()?;
    Some(Output::new(&out).ok()? == expected)
}

/// Hashes one password on a blocking thread, outside any [`Hasher`] (the demo).
pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || hash_now(&password)).await?
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::PasswordVerifier;

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

    /// The hashes made in reused memory are the crate's own, both ways.
    #[test]
    fn hashes_in_reused_memory_are_the_crates() {
        let mut memory = Vec::new();
        let ours = hash_in(&mut memory, "correct horse battery").unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(
            Argon2::default()
                .verify_password(b"correct horse battery", &parsed)
                .is_ok()
        );
        assert!(Argon2::default().verify_password(b"wrong", &parsed).is_err());
        let theirs = hash_now("staple battery horse").unwrap();
        assert_eq!(
            theirs.split('$').take(4).collect::<Vec<_>>(),
            ours.split('$').take(4).collect::<Vec<_>>()
        );
        assert!(verify_in(&mut memory, "staple battery horse", Some(&theirs)));
        assert!(!verify_in(&mut memory, "staple battery hors", Some(&theirs)));
        assert!(!verify_in(&mut memory, "anything", None));
        assert!(!verify_in(&mut memory, "anything", Some("not a hash")));
        assert_eq!(memory.len(), Params::default().block_count());
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
