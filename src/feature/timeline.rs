//! The GitLab releases at which a Duo Self-Hosted rule changed.
//!
//! Source: the reference set's `duo-domain.md` §7 (version timeline, compiled
//! 2026-11-26 from GitLab's docs history blocks, migrations and code
//! snapshots; baseline 18.9.0-pre1 of 2026-02-13). Every rule that depends on
//! the version asks this table; nothing else in the crate spells a release.
//! Entries the reference marks as approximate say which safe choice was made.

use crate::version::GitLabVersion;

/// One dated change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Milestone {
    /// The first release with the change, as `(major, minor)`.
    pub since: (u16, u16),
    /// What changed.
    pub what: &'static str,
    /// Where the reference takes it from.
    pub source: &'static str,
}

impl Milestone {
    /// Whether `version` has the change.
    pub fn reached(&self, version: &GitLabVersion) -> bool {
        version.at_least(self.since.0, self.since.1)
    }

    /// The release as text, e.g. `18.10`.
    pub fn version_text(&self) -> String {
        format!("{}.{}", self.since.0, self.since.1)
    }
}

macro_rules! milestones {
    ($($(#[$doc:meta])* $name:ident = ($major:literal, $minor:literal), $what:literal, $source:literal;)*) => {
        $( $(#[$doc])* pub const $name: Milestone = Milestone { since: ($major, $minor), what: $what, source: $source }; )*
        /// Every milestone, oldest first.
        pub const ALL: &[Milestone] = &[$($name),*];
    };
}

milestones! {
    /// Oldest release the rules cover: Duo Self-Hosted GA, the docs' minimum.
    SELF_HOSTED_GA = (17, 9), "GitLab Duo Self-Hosted generally available; Local AI Gateway URL settable in the UI", "duo-domain.md §5, §7 (17.9)";
    /// Chat sub-features get their own settings and fall back to General Chat.
    CHAT_SUB_FEATURES = (17, 10), "per-Chat-sub-feature configuration (flag ai_duo_chat_sub_features_settings)", "duo-domain.md §7 (17.10)";
    /// Premium joins Ultimate; the 17.x Chat titles give way to the 18.x ones.
    PREMIUM_INCLUDED = (18, 0), "Premium tier included", "duo-domain.md §5, §7 (18.0)";
    /// `vendored` becomes selectable, behind a flag that is off by default.
    VENDORED_BETA = (18, 3), "GitLab AI vendor model option, behind flag ai_self_hosted_vendored_features (default off)", "duo-domain.md §4.1, §7 (18.3)";
    /// The Agent Platform service URL setting and the TLS environment variable.
    AGENT_PLATFORM = (18, 4), "Agent Platform service URL (flag self_hosted_agent_platform, default off); DUO_AGENT_PLATFORM_SERVICE_SECURE era; Code Review and the Agent Platform features (inferred: the reference records them STABLE from 18.9 and absent in ~18.1-18.3)", "duo-domain.md §6.3, §6.4, §7 (18.4)";
    /// The UI stops offering `vendored` for `duo_agent_platform` ("~18.5/18.6"; the earlier release is used).
    VENDORED_HIDDEN_FOR_AGENTS = (18, 5), "vendored option hidden for duo_agent_platform (~18.5/18.6)", "duo-domain.md §4.1, §7 (18.5)";
    /// The `self_hosted_agent_platform` and `ai_self_hosted_vendored_features` flags are on by default.
    FLAGS_ON_BY_DEFAULT = (18, 7), "flags self_hosted_agent_platform and ai_self_hosted_vendored_features enabled by default", "duo-domain.md §7 (18.7)";
    /// Vendored GA as "GitLab managed models"; `unassigned` default; features 15-17 STABLE.
    VENDORED_GA = (18, 9), "vendored GA as GitLab managed models; provider default unassigned; Code Review and Agent Platform features STABLE", "duo-domain.md §4.1, §7 (18.9)";
    /// The 18.9 settings page lists "Disabled" inside the "Self-hosted models" group.
    DISABLED_IN_MODEL_GROUP = (18, 9), "the feature settings page shows Disabled only when a compatible self-hosted model is selectable", "duo-domain.md §4.1 disabled (UI, 18.9)";
    /// TLS becomes a stored setting that applies only to the self-hosted Agent Platform.
    TLS_SETTING = (18, 10), "self_hosted_duo_agent_platform_service_secure stored setting (no longer global)", "duo-domain.md §6.4, §7 (18.10), migration milestone '18.10'";
    /// The later-A snapshot: SAST/secret features, Agent Platform families + mistral, gemini, title "Agents & flows" ("18.10/18.11"; the earlier release is used).
    LATER_A = (18, 10), "features 18-20, Agent Platform compatible families + mistral and gemini, duo_agent_platform titled Agents & flows", "duo-domain.md §0 later-A, §3.1, §7 (18.10/18.11)";
    /// Self-hosted models get a stored provider; the endpoint is required only for `api`.
    MODEL_PROVIDER = (18, 11), "ai_self_hosted_models.provider; endpoint required only for api", "duo-domain.md §7 (18.11), migration milestone '18.11'";
    /// The settings move to `application_settings`.
    SETTINGS_MOVED = (19, 2), "AI gateway URL, Agent Platform URL and TLS copied to application_settings", "duo-domain.md §7 (19.2)";
    /// Newest release the reference dates a change for.
    COLUMNS_REMOVED = (19, 5), "columns removed from ai_settings", "duo-domain.md §7 (19.5)";
}

/// The oldest release the rules cover.
pub const OLDEST: Milestone = SELF_HOSTED_GA;

/// The newest release the rules cover: the last change the reference dates.
/// Later releases may have changed rules the reference does not know about.
pub const NEWEST: Milestone = COLUMNS_REMOVED;

/// Whether the reference covers `version`.
pub fn covers(version: &GitLabVersion) -> bool {
    OLDEST.reached(version) && version.key() <= NEWEST.since
}
