//! Reading and writing cookies, by hand: three cookies do not need a crate.

use axum::http::{HeaderMap, HeaderValue, header};

pub fn get(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, Secure behind https.
pub fn set(name: &str, value: &str, max_age_secs: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite=Lax{secure}"
    ))
    .expect("cookie values are URL-safe")
}

pub fn clear(name: &str, secure: bool) -> HeaderValue {
    set(name, "", 0, secure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_among_several() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_static("a=1; ic_session=xyz; b=2"));
        assert_eq!(get(&h, "ic_session").as_deref(), Some("xyz"));
        assert_eq!(get(&h, "c"), None);
        let v = set("x", "y", 60, true);
        assert_eq!(
            v.to_str().unwrap(),
            "x=y; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure"
        );
    }
}
