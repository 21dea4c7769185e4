//! Secrets that must never reach any output.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// What every front end prints instead of a secret.
pub const MASK: &str = "[REDACTED]";

/// An API key for a model endpoint.
///
/// `Debug`, `Display` and `Serialize` all print [`MASK`], so a key cannot
/// leak through a message, a log line or JSON output by accident. Rules that
/// need to look at the key (is it blank? is it too long?) use
/// [`ApiKey::expose`] and must never put what it returns into a diagnostic.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct ApiKey(String);

impl ApiKey {
    /// Wrap a key.
    pub fn new(key: impl Into<String>) -> Self {
        ApiKey(key.into())
    }

    /// The key itself; for checks only, never for output.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the key is empty or only whitespace.
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ApiKey({MASK})")
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

impl Serialize for ApiKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(MASK)
    }
}

impl<'de> Deserialize<'de> for ApiKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(ApiKey)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_printed() {
        let key = ApiKey::new("sk-live-abc123");
        assert_eq!(format!("{key}"), "[REDACTED]");
        assert_eq!(format!("{key:?}"), "ApiKey([REDACTED])");
        assert_eq!(
            serde_json::to_string(&key).unwrap_or_default(),
            "\"[REDACTED]\""
        );
        assert_eq!(key.expose(), "sk-live-abc123");
    }
}
