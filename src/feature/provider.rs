//! The providers a feature setting can have (`duo-domain.md` §4.1,
//! `Ai::FeatureSetting` provider enum, GitLab 18.9.0-pre1 @ `6714c913`).

use serde::Serialize;

/// Where a feature sends its requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Provider {
    /// Turned off.
    Disabled,
    /// The GitLab AI vendor model (GitLab-managed models through GitLab's
    /// cloud AI gateway).
    Vendored,
    /// A self-hosted model through the self-hosted AI gateway.
    SelfHosted,
    /// No explicit choice.
    Unassigned,
}

/// Every provider: key, GitLab enum integer, GitLab's provider title.
pub const PROVIDERS: &[(Provider, &str, u8, Option<&str>)] = &[
    (Provider::Disabled, "disabled", 0, Some("Disabled")),
    (
        Provider::Vendored,
        "vendored",
        1,
        Some("GitLab AI vendor model"),
    ),
    (
        Provider::SelfHosted,
        "self_hosted",
        2,
        Some("Self-hosted model"),
    ),
    (Provider::Unassigned, "unassigned", 3, None),
];

impl Provider {
    fn row(self) -> (Provider, &'static str, u8, Option<&'static str>) {
        // PROVIDERS lists every variant, in declaration order.
        PROVIDERS[self as usize]
    }

    /// GitLab's key, as in the configuration document.
    pub fn key(self) -> &'static str {
        self.row().1
    }

    /// GitLab's enum integer.
    pub fn enum_int(self) -> u8 {
        self.row().2
    }

    /// GitLab's `provider_titles` entry (none for `unassigned`).
    pub fn title(self) -> Option<&'static str> {
        self.row().3
    }

    /// `(key, provider)` pairs for decoding and the schema.
    pub fn keyed() -> Vec<(&'static str, Provider)> {
        PROVIDERS.iter().map(|(p, key, _, _)| (*key, *p)).collect()
    }
}
