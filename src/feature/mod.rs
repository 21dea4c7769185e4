//! The feature catalog by GitLab version: which features and sub-features an
//! admin can assign a model to, their UI titles and groups, release states,
//! whether they sit behind the beta setting, the compatible model families,
//! and the providers a feature can use.
//!
//! The data lives in [`FEATURES`] and [`GROUPS`] (generated from the
//! reference's JSON rows) and the dated changes in [`timeline`]; the
//! functions here only ask them.
//!
//! ```
//! use duo_selfhosted::feature::{self, Group};
//! use duo_selfhosted::GitLabVersion;
//!
//! let v: GitLabVersion = "19.6".parse()?;
//! let chat = feature::lookup("duo_agent_platform_agentic_chat").ok_or("unknown feature")?;
//! assert_eq!(chat.title(&v), "Agentic Chat");
//! assert_eq!(chat.group(&v), Group::AgentPlatform);
//! assert!(!chat.is_compatible(&v, "codestral"));
//! assert!(chat.is_compatible(&v, "qwen"));
//! assert_eq!(
//!     chat.incompatible_message(&v, "codestral"),
//!     "Codestral is incompatible with the Agentic Chat feature"
//! );
//! let review = feature::lookup("review_merge_request").ok_or("unknown feature")?;
//! assert_eq!(review.title(&"19.3".parse()?), "Code Review");
//! assert_eq!(review.title(&v), "Non-Agentic Code Review");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod catalog;
pub mod provider;

/// The dated changes every version-dependent rule asks; it lives in the
/// ground (`src/timeline.rs`) because model families, URL presets and the
/// service settings ask it too.
#[doc(inline)]
pub use crate::timeline;
pub use catalog::FEATURES;
pub use provider::Provider;

use crate::timeline::Milestone;
use crate::version::GitLabVersion;
use serde::Serialize;

/// A section of GitLab's feature-settings page (`DUO_MAIN_FEATURES`, in the
/// page's order; the two 19.3 sections after them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Group {
    /// "Code Suggestions" (always shown).
    CodeSuggestions,
    /// "GitLab Duo Chat" (always shown).
    DuoChat,
    /// "GitLab Duo for merge requests".
    MergeRequests,
    /// "GitLab Duo for issues".
    Issues,
    /// "GitLab Duo Agent Platform".
    AgentPlatform,
    /// "Other GitLab Duo features".
    Other,
    /// "Semantic Code Search" (19.3).
    SemanticCodeSearch,
    /// "Feature Discovery" (19.3).
    FeatureDiscovery,
}

include!("../data/gitlab_groups.rs");

impl Group {
    fn row(self) -> (Group, Option<&'static str>, &'static str, bool) {
        // GROUPS lists every variant, in declaration order (a test checks it).
        GROUPS[self as usize]
    }

    /// The section title in GitLab's UI.
    pub fn title(self) -> &'static str {
        self.row().2
    }

    /// The section id in GitLab's front end, where the reference read it
    /// (the 19.3 sections' ids were not read).
    pub fn id(self) -> Option<&'static str> {
        self.row().1
    }

    /// Whether GitLab shows the section even with no allowed feature in it.
    pub fn always_shown(self) -> bool {
        self.row().3
    }
}

/// A feature's release state; non-GA rows get a badge in the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReleaseState {
    /// Generally available.
    Ga,
    /// Beta.
    Beta,
    /// Experiment.
    Experiment,
}

/// How a feature takes part in classic Duo Chat's model resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChatRole {
    /// Not a classic Chat request: no fallback.
    None,
    /// General Chat (`duo_chat`), the fallback target itself.
    GeneralChat,
    /// A "GitLab Duo Chat" sub-feature: falls back to General Chat.
    SubFeature,
    /// Outside the Chat group in the UI, but its requests go through the
    /// Chat request path, so GitLab's code applies the same fallback
    /// (`code_level_chat_fallback` in the reference data).
    CodeLevel,
}

/// One feature or sub-feature (a row of [`FEATURES`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Feature {
    /// GitLab's key, e.g. `duo_chat_fix_code`.
    pub key: &'static str,
    /// GitLab's enum integer.
    pub id: u8,
    /// UI titles, each from the release given, oldest first.
    pub titles: &'static [((u16, u16), &'static str)],
    /// UI sections, each from the release given, oldest first.
    pub groups: &'static [((u16, u16), Group)],
    /// Release states (badges), each from the release given, oldest first.
    pub release: &'static [((u16, u16), ReleaseState)],
    /// The change that added the feature (its release, and how sure the
    /// reference is of it).
    pub since: &'static Milestone,
    /// First release in GitLab's STABLE set; before it (or with `None`,
    /// never) the feature is FLAGGED: listed only with the beta setting on.
    pub stable_since: Option<(u16, u16)>,
    /// Compatible model family keys, each list from the release given.
    pub families: &'static [((u16, u16), &'static [&'static str])],
    /// Its part in the Chat fallback.
    pub chat: ChatRole,
    /// Hidden on Premium (GitLab removes it from `allowed_features`).
    pub ultimate_only: bool,
    /// One of the two Agent Platform features whose self-hosted use needs
    /// the Agent Platform permission (`:update_dap_self_hosted_model`) and
    /// service URL. The later features of the Agent Platform section need
    /// only `:manage_self_hosted_models_settings` (`gitlab-update-2026-12.md`
    /// §3.1, inferred for 19.4 and later).
    pub agent_platform: bool,
    /// Whether GitLab's 18.9 resolver lists GitLab-managed models for it
    /// (`glab_ask_git_command` is filtered out, issue 578924).
    pub vendored_in_ui: bool,
    /// Whether GitLab's GraphQL `AiFeatures` enum has it (`embeddings_code`
    /// is managed through the Semantic Search settings instead).
    pub in_graphql: bool,
}

fn pick<T: Copy>(rows: &[((u16, u16), T)], version: &GitLabVersion) -> Option<T> {
    rows.iter()
        .rev()
        .find(|(since, _)| version.at_least(since.0, since.1))
        .or(rows.first())
        .map(|(_, value)| *value)
}

impl Feature {
    /// The UI title in `version`.
    pub fn title(&self, version: &GitLabVersion) -> &'static str {
        pick(self.titles, version).unwrap_or(self.key)
    }

    /// The UI section in `version`.
    pub fn group(&self, version: &GitLabVersion) -> Group {
        pick(self.groups, version).unwrap_or(Group::Other)
    }

    /// The release state (badge) in `version`.
    pub fn release_state(&self, version: &GitLabVersion) -> ReleaseState {
        pick(self.release, version).unwrap_or(ReleaseState::Experiment)
    }

    /// Whether `version` offers the feature at all, as the rules apply its
    /// date.
    pub fn exists_in(&self, version: &GitLabVersion) -> bool {
        self.since.reached(version)
    }

    /// Whether the feature is in GitLab's STABLE set in `version` (listed
    /// without the beta setting).
    pub fn is_stable(&self, version: &GitLabVersion) -> bool {
        self.stable_since
            .is_some_and(|(major, minor)| version.at_least(major, minor))
    }

    /// The compatible family keys in `version`.
    pub fn compatible_families(&self, version: &GitLabVersion) -> &'static [&'static str] {
        pick(self.families, version).unwrap_or(&[])
    }

    /// Whether a model of `family` may serve the feature in `version`.
    /// GitLab allows every family when the list is empty (no feature has one).
    pub fn is_compatible(&self, version: &GitLabVersion, family: &str) -> bool {
        let families = self.compatible_families(version);
        families.is_empty() || families.contains(&family)
    }

    /// GitLab's validation message for an incompatible family:
    /// `"%{selected_model} is incompatible with the %{title} feature"`, where
    /// the model is the family key with its first letter upper-cased.
    pub fn incompatible_message(&self, version: &GitLabVersion, family: &str) -> String {
        let mut chars = family.chars();
        let capitalised: String = match chars.next() {
            // Family keys are ASCII.
            Some(first) => std::iter::once(first.to_ascii_uppercase())
                .chain(chars)
                .collect(),
            None => String::new(),
        };
        format!(
            "{capitalised} is incompatible with the {} feature",
            self.title(version)
        )
    }

    /// Whether GitLab's code sends the feature's requests through classic
    /// Chat's resolution, which falls back to General Chat when the
    /// feature's own resolution is none.
    pub fn falls_back_to_general_chat(&self, version: &GitLabVersion) -> bool {
        matches!(self.chat, ChatRole::SubFeature | ChatRole::CodeLevel)
            && timeline::CHAT_SUB_FEATURES.reached(version)
    }

    /// Whether the feature is a classic Chat feature (General Chat, a
    /// sub-feature, or a feature using the Chat request path).
    pub fn is_classic_chat(&self) -> bool {
        self.chat != ChatRole::None
    }
}

/// The feature with GitLab key `key`, in any version.
pub fn lookup(key: &str) -> Option<&'static Feature> {
    FEATURES.iter().find(|f| f.key == key)
}

/// General Chat, the Chat fallback target.
pub fn general_chat() -> &'static Feature {
    // `duo_chat` is a row of the table (a test checks it); the first row is
    // only reached if the table were edited to drop it.
    FEATURES
        .iter()
        .find(|f| f.chat == ChatRole::GeneralChat)
        .unwrap_or(&FEATURES[0])
}

/// Every feature `version` has, whatever the beta setting and tier.
pub fn in_version(version: &GitLabVersion) -> impl Iterator<Item = &'static Feature> + '_ {
    FEATURES.iter().filter(move |f| f.exists_in(version))
}

/// What decides GitLab's `allowed_features` list besides the version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Offer {
    /// "Use beta models and features in GitLab Duo Self-Hosted" is on.
    pub beta: bool,
    /// The licence is Premium (not Ultimate).
    pub premium: bool,
}

/// Why a feature is not in GitLab's list for a version and set-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotOffered {
    /// The version does not have it.
    NotInVersion,
    /// A FLAGGED feature with the beta setting off.
    NeedsBeta,
    /// Hidden on Premium.
    UltimateOnly,
}

impl Feature {
    /// GitLab's `allowed_features` rule (§3.3): STABLE, plus FLAGGED with
    /// the beta setting on, minus the Ultimate-only features on Premium.
    pub fn offered(&self, version: &GitLabVersion, offer: Offer) -> Result<(), NotOffered> {
        if !self.exists_in(version) {
            Err(NotOffered::NotInVersion)
        } else if !self.is_stable(version) && !offer.beta {
            Err(NotOffered::NeedsBeta)
        } else if self.ultimate_only && offer.premium {
            Err(NotOffered::UltimateOnly)
        } else {
            Ok(())
        }
    }
}

/// The features GitLab lists for `version` and `offer`, in enum order.
pub fn allowed(version: &GitLabVersion, offer: Offer) -> Vec<&'static Feature> {
    FEATURES
        .iter()
        .filter(|f| f.offered(version, offer).is_ok())
        .collect()
}
