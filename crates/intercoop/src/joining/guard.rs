//! What keeps robots out of the public application form without a third-party
//! service (issue 18, item 2):
//! - a **honeypot**: a field people do not see (`nickname`); a form that fills it is
//!   answered as if taken, and nothing is stored or sent;
//! - a **minimum fill time**: the form carries the time it was shown, signed
//!   (HMAC-SHA-256 with a secret kept in `form_keys`, shared by every instance); a form
//!   sent sooner than `intercoop_domain::joining::MIN_FILL_SECONDS` after, or a day
//!   later, is refused with the form kept as typed;
//! - a **rate limit per client address and network**: [`PER_ADDRESS`] applications
//!   taken, then one every period (GCRA buckets in memory, as the logins'
//!   `auth::rate_limit`, on the server's clock). Only an application that would be
//!   stored counts: correcting a refused field costs nothing.

use super::entities::form_key;
use crate::auth::rate_limit::{ClientAddr, Keyed, Rule, ServerClock, bucket, take};
use crate::error::AppResult;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::OnceCell;

/// Applications taken from one client address for one network: 5, then one every
/// 10 minutes.
pub const PER_ADDRESS: Rule = Rule {
    burst: 5,
    every: Duration::from_secs(600),
};

/// The name of the secret that signs the form's time.
const KEY_NAME: &str = "application_form";

/// The guard's state: the rate limit's buckets and the signing secret (read once).
pub struct Guard {
    by_address: Keyed,
    secret: OnceCell<Vec<u8>>,
}

impl Guard {
    pub fn new(clock: Arc<dyn crate::clock::Clock>) -> Guard {
        Guard {
            by_address: bucket(PER_ADDRESS, &ServerClock(clock)),
            secret: OnceCell::new(),
        }
    }

    /// Counts an application from `address` to `network_id`; `RateLimited` (429) when
    /// the bucket is empty.
    pub fn count(&self, network_id: i64, address: &ClientAddr) -> AppResult<()> {
        take(&self.by_address, &format!("{network_id}/{}", address.key()))
    }

    async fn secret<C: ConnectionTrait>(&self, conn: &C) -> AppResult<&[u8]> {
        let s = self
            .secret
            .get_or_try_init(|| async {
                // Made by whichever instance comes first; the others read it.
                let fresh = crate::auth::tokens::new_token("");
                form_key::Entity::insert(form_key::ActiveModel {
                    name: Set(KEY_NAME.into()),
                    secret: Set(fresh),
                    created_at: Set(crate::db::now()),
                    ..Default::default()
                })
                .on_conflict(OnConflict::column(form_key::Column::Name).do_nothing().to_owned())
                .exec_without_returning(conn)
                .await?;
                let row = form_key::Entity::find()
                    .filter(form_key::Column::Name.eq(KEY_NAME))
                    .one(conn)
                    .await?
                    .ok_or_else(|| crate::error::AppError::Internal(anyhow::anyhow!("no form key")))?;
                Ok::<_, crate::error::AppError>(row.secret.into_bytes())
            })
            .await?;
        Ok(s)
    }

    /// The signed time a form carries: `<unix seconds>.<signature>`.
    pub async fn stamp<C: ConnectionTrait>(&self, conn: &C, network_id: i64, now: i64) -> AppResult<String> {
        let secret = self.secret(conn).await?;
        Ok(format!("{now}.{}", sign(secret, network_id, now)))
    }

    /// The time a form was shown, if its stamp is this server's for this network.
    pub async fn shown_at<C: ConnectionTrait>(&self, conn: &C, network_id: i64, stamp: &str) -> AppResult<Option<i64>> {
        let Some((time, signature)) = stamp.trim().split_once('.') else {
            return Ok(None);
        };
        let Ok(time) = time.parse::<i64>() else {
            return Ok(None);
        };
        let secret = self.secret(conn).await?;
        let expected = sign(secret, network_id, time);
        Ok(crate::auth::tokens::constant_time_eq(&expected, signature).then_some(time))
    }
}

fn sign(secret: &[u8], network_id: i64, time: i64) -> String {
    URL_SAFE_NO_PAD.encode(hmac_sha256(secret, format!("{network_id}:{time}").as_bytes()))
}

/// HMAC-SHA-256 (RFC 2104), by the `hmac` crate.
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    use hmac::{KeyInit, Mac};
    let mut mac = hmac::Hmac::<sha2_hmac::Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4231, test cases 1 and 2.
    #[test]
    fn hmac_matches_rfc_4231() {
        let hex = |b: [u8; 32]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        assert_eq!(
            hex(hmac_sha256(&[0x0b; 20], b"Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        );
        assert_eq!(
            hex(hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        let long = [0xaa; 131];
        assert_eq!(
            hex(hmac_sha256(
                &long,
                b"Test Using Larger Than Block-Size Key - Hash Key First"
            )),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }
}
