//! Passwords: argon2id, hashed and checked on a blocking thread so that a login
//! never stalls the other requests.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

pub const MIN_LENGTH: usize = 10;

pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
        let salt = SaltString::encode_b64(&bytes).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
    })
    .await?
}

pub async fn verify(password: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        // Without a stored hash, still spend the time of a check, so that timing does
        // not reveal which addresses have a password.
        let dummy = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0CyQfRbXlq4Ts0gA8vGm3Dn/5nDO4kPxsRqgQuU5xJA";
        let stored_or_dummy = stored.as_deref().unwrap_or(dummy);
        let ok = PasswordHash::new(stored_or_dummy)
            .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
            .unwrap_or(false);
        ok && stored.is_some()
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn hash_then_verify() {
        let h = super::hash("correct horse battery".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(super::verify("correct horse battery".into(), Some(h.clone())).await);
        assert!(!super::verify("wrong".into(), Some(h)).await);
        assert!(!super::verify("anything".into(), None).await);
    }
}
