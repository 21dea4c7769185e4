//! The blocker options GitLab uses for the URLs Duo Self-Hosted cares
//! about, by GitLab version (`url-blocker.md` §3).
//!
//! Instance settings (deny-all, the outbound allowlist, DNS-rebind
//! protection at request time) take their defaults here; a caller sets
//! them on the returned [`Policy`] (the CLI: `--policy`). Production is
//! assumed: in development and test GitLab also allows localhost for the AI
//! gateway URL.
//!
//! Version ranges. The reference dates two differences only loosely:
//! * the AI gateway URL's message was wrapped as `is not allowed: <message>`
//!   in an `Ai::Setting` from before 18.4 (`pavankalisetti009/gitlab @
//!   0174485b`, which has no Agent Platform URL column, added in 18.4) and
//!   is bare in 18.9 (`flyisland/gitlab-ee @ 6714c91`); the switch is
//!   undated in between, so this table uses the older wrapping before 18.9
//!   (a message-text difference only: the verdict is the same);
//! * the gem without the cloud-metadata block is undated; every version
//!   uses the newest gem, the safer choice (it blocks more). Set
//!   [`Policy::gem`] to follow the older gem.

use super::policy::{GemVersion, MessageFormat, Policy};
use crate::timeline;
use crate::version::GitLabVersion;

/// The GitLab version presets follow when none is given: the newest release
/// the rules cover ([`timeline::NEWEST`]).
pub const DEFAULT_VERSION: GitLabVersion =
    GitLabVersion::new(timeline::NEWEST.since.0, timeline::NEWEST.since.1);

/// A setting whose URL GitLab checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preset {
    /// The Local AI Gateway URL when the admin saves it (`Ai::Setting`).
    AiGatewaySave,
    /// Calls to the AI gateway (`Gitlab::HTTP` with `allow_local_requests: true`).
    AiGatewayRequest,
    /// A self-hosted model's endpoint when saved (`Ai::SelfHostedModel`).
    ModelEndpoint,
}

/// One row of the preset table: options for a version range.
struct Row {
    preset: Preset,
    /// First version (inclusive) the row applies to.
    from: (u16, u16),
    /// First version it no longer applies to.
    until: Option<(u16, u16)>,
    allow_localhost: bool,
    allow_local_network: bool,
    dns_rebind_protection: bool,
    enforce_sanitization: bool,
    message_format: MessageFormat,
    source: &'static str,
}

/// The option sets (`url-blocker.md` §3.5), newest facts of 2026-02-13.
const ROWS: &[Row] = &[
    Row {
        preset: Preset::AiGatewaySave,
        from: (0, 0),
        until: Some((18, 9)),
        allow_localhost: false,
        allow_local_network: true,
        dns_rebind_protection: true,
        enforce_sanitization: true,
        message_format: MessageFormat::IsNotAllowed,
        source: "§3.1, S14 older: pavankalisetti009/gitlab ee/app/models/ai/setting.rb @ 0174485b",
    },
    Row {
        preset: Preset::AiGatewaySave,
        from: (18, 9),
        until: None,
        allow_localhost: false,
        allow_local_network: true,
        dns_rebind_protection: true,
        enforce_sanitization: true,
        message_format: MessageFormat::Bare,
        source: "§3.1, S14: flyisland/gitlab-ee ee/app/models/ai/setting.rb @ 6714c91 (18.9-pre)",
    },
    Row {
        preset: Preset::AiGatewayRequest,
        from: (0, 0),
        until: None,
        allow_localhost: true,
        allow_local_network: true,
        dns_rebind_protection: true,
        enforce_sanitization: false,
        message_format: MessageFormat::UrlIsBlocked,
        source: "§3.2, S16/S9/S5: allow_local_requests: true maps to both local flags",
    },
    Row {
        preset: Preset::ModelEndpoint,
        from: (0, 0),
        until: None,
        allow_localhost: true,
        allow_local_network: true,
        dns_rebind_protection: false,
        enforce_sanitization: false,
        message_format: MessageFormat::EndpointIsBlocked,
        source: "§3.3, S18: AddressableUrlValidator defaults",
    },
];

impl Preset {
    /// Every preset.
    pub const ALL: [Preset; 3] = [
        Preset::AiGatewaySave,
        Preset::AiGatewayRequest,
        Preset::ModelEndpoint,
    ];

    /// The CLI name (`ai-gateway`, `ai-gateway-request`, `model-endpoint`).
    pub const fn name(self) -> &'static str {
        match self {
            Preset::AiGatewaySave => "ai-gateway",
            Preset::AiGatewayRequest => "ai-gateway-request",
            Preset::ModelEndpoint => "model-endpoint",
        }
    }

    /// The preset with this CLI name.
    pub fn from_name(name: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.name() == name)
    }

    fn row(self, version: &GitLabVersion) -> Option<&'static Row> {
        ROWS.iter().find(|r| {
            r.preset == self
                && version.key() >= r.from
                && r.until.is_none_or(|until| version.key() < until)
        })
    }

    /// Where the row used for `version` comes from.
    pub fn source(self, version: &GitLabVersion) -> &'static str {
        self.row(version).map_or("gem defaults", |r| r.source)
    }

    /// The blocker options GitLab uses for this setting in `version`, with
    /// the instance settings at their defaults (deny-all off, empty
    /// allowlist).
    pub fn policy(self, version: &GitLabVersion) -> Policy {
        let mut policy = Policy::default();
        if let Some(row) = self.row(version) {
            policy.allow_localhost = row.allow_localhost;
            policy.allow_local_network = row.allow_local_network;
            policy.dns_rebind_protection = row.dns_rebind_protection;
            policy.enforce_sanitization = row.enforce_sanitization;
            policy.message_format = row.message_format;
        }
        policy.gem = GemVersion::Newest;
        policy
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_has_a_row_for_every_version() {
        for preset in Preset::ALL {
            for (major, minor) in [(16, 0), (17, 9), (18, 8), (18, 9), (19, 5)] {
                assert!(
                    preset.row(&GitLabVersion::new(major, minor)).is_some(),
                    "{preset:?} {major}.{minor}"
                );
            }
        }
    }
}
