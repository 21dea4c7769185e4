//! The tables of GitLab facts the mock applies: model families and features.
//!
//! Written from ../shared/reference/gitlab-update-2026-12.md ("ref") §1.3 and
//! §3.2, and duo-domain.md §1 and §3 for what the addendum does not repeat.
//! Kept apart from the library's own tables on purpose: the mock is a second,
//! independent reading of the reference.

use super::version::Version;

/// A self-hosted model family.
pub struct Family {
    /// The key GitLab stores and returns in `AiSelfHostedModel.model`.
    pub key: &'static str,
    /// `MODEL_NAME_MAPPER` (ref §1.1, §1.3 `display_name`).
    pub display_name: &'static str,
    /// `GA` or `BETA` (ref §1.1: `MODELS_RELEASE_STATE`; none is `EXPERIMENTAL`).
    pub release_state: &'static str,
}

/// ref §1.3 (families, newest): keys, display names, release states.
pub const FAMILIES: [Family; 13] = [
    family("mistral", "Mistral", "GA"),
    family("llama3", "Llama 3", "BETA"),
    family("codegemma", "CodeGemma", "BETA"),
    family("codestral", "Mistral Codestral", "GA"),
    family("codellama", "Code Llama", "BETA"),
    family("deepseekcoder", "DeepSeek Coder", "BETA"),
    family("claude_3", "Claude", "GA"),
    family("gpt", "GPT", "GA"),
    family("mixtral", "Mixtral", "GA"),
    family("general", "General", "BETA"),
    family("gemini", "Gemini", "BETA"),
    family("embedding", "Embedding", "BETA"),
    family("qwen", "Qwen", "BETA"),
];

const fn family(
    key: &'static str,
    display_name: &'static str,
    release_state: &'static str,
) -> Family {
    Family {
        key,
        display_name,
        release_state,
    }
}

/// The family with `key`.
pub fn family_by_key(key: &str) -> Option<&'static Family> {
    FAMILIES.iter().find(|f| f.key == key)
}

/// A feature of `Ai::FeatureSetting::FEATURES`.
pub struct Feature {
    pub key: &'static str,
    pub id: u32,
    /// First release with the feature (ref §3.2 `since`, §8).
    pub since: Version,
    /// First release where it is STABLE (always offered); `None`: FLAGGED in
    /// every release served (offered only with the beta terms accepted).
    pub stable_from: Option<Version>,
    /// Titles, newest last, each with its first release (ref §3.2 `titles`).
    pub titles: &'static [(Version, &'static str)],
    /// Compatible families, each with its first release (ref §3.2
    /// `compatible_families` and `families_from`).
    pub families: &'static [(&'static str, Version)],
}

impl Feature {
    /// Whether the feature exists in `version`.
    pub fn exists(&self, version: Version) -> bool {
        version >= self.since
    }

    /// Whether the feature is offered without the beta terms in `version`.
    pub fn stable(&self, version: Version) -> bool {
        self.stable_from.is_some_and(|v| version >= v)
    }

    /// The title in `version`.
    pub fn title(&self, version: Version) -> &'static str {
        self.titles
            .iter()
            .rev()
            .find(|(since, _)| version >= *since)
            .map_or(self.titles[0].1, |(_, title)| title)
    }

    /// Whether `family` is in the feature's compatible list in `version`.
    pub fn compatible(&self, family: &str, version: Version) -> bool {
        self.families
            .iter()
            .any(|(key, since)| *key == family && version >= *since)
    }

    /// Whether the feature is in the GraphQL enum `AiFeatures` (every key
    /// except `embeddings_code`, ref §7.2).
    pub fn in_graphql_enum(&self) -> bool {
        self.key != "embeddings_code"
    }

    /// Whether assigning a self-hosted model needs
    /// `:update_dap_self_hosted_model` rather than
    /// `:manage_self_hosted_models_settings` (ref §3.2, last paragraph: only
    /// these two, also after 19.1; inferred for S6+ by the reference).
    pub fn agent_platform_permission(&self) -> bool {
        matches!(
            self.key,
            "duo_agent_platform" | "duo_agent_platform_agentic_chat"
        )
    }
}

const V17_9: Version = Version::new(17, 9);
const V18_4: Version = Version::new(18, 4);
const V18_11: Version = Version::new(18, 11);
const V19_0: Version = Version::new(19, 0);
const V19_1: Version = Version::new(19, 1);
const V19_3: Version = Version::new(19, 3);
const V19_4: Version = Version::new(19, 4);
const ALWAYS: Option<Version> = Some(V17_9);

/// Code Suggestions list, duo-domain §3.1 "CS" (+ `qwen` from 19.3, ref §3.2).
const CS: &[(&str, Version)] = &[
    ("codegemma", V17_9),
    ("codellama", V17_9),
    ("codestral", V17_9),
    ("deepseekcoder", V17_9),
    ("mistral", V17_9),
    ("mixtral", V17_9),
    ("llama3", V17_9),
    ("claude_3", V17_9),
    ("gpt", V17_9),
    ("general", V17_9),
    ("qwen", V19_3),
];
/// Chat list, duo-domain §3.1 "CHAT" (+ `qwen` from 19.3).
const CHAT: &[(&str, Version)] = &[
    ("mistral", V17_9),
    ("mixtral", V17_9),
    ("codestral", V17_9),
    ("claude_3", V17_9),
    ("gpt", V17_9),
    ("llama3", V17_9),
    ("general", V17_9),
    ("qwen", V19_3),
];
/// duo-domain §3.1 "B" (no codestral; + `qwen` from 19.3); also the list of
/// `review_merge_request` and `review_merge_request_dap` (ref §3.2).
const B: &[(&str, Version)] = &[
    ("mistral", V17_9),
    ("mixtral", V17_9),
    ("claude_3", V17_9),
    ("gpt", V17_9),
    ("llama3", V17_9),
    ("general", V17_9),
    ("qwen", V19_3),
];
/// Agent Platform rows 16 and 17 (ref §3.2: + mistral, gemini from 19.0;
/// + qwen from 19.3).
const DAP: &[(&str, Version)] = &[
    ("claude_3", V17_9),
    ("gpt", V17_9),
    ("general", V17_9),
    ("mistral", V19_0),
    ("gemini", V19_0),
    ("qwen", V19_3),
];
/// Rows 18–20, 22, 25 (ref §3.2).
const CGG: &[(&str, Version)] = &[("claude_3", V17_9), ("gpt", V17_9), ("general", V17_9)];
/// Row 26 (ref §3.2).
const DUO_DEVELOPER: &[(&str, Version)] = &[
    ("claude_3", V19_4),
    ("gpt", V19_4),
    ("general", V19_4),
    ("mistral", V19_4),
    ("gemini", V19_4),
    ("qwen", V19_4),
];

const fn feature(
    key: &'static str,
    id: u32,
    since: Version,
    stable_from: Option<Version>,
    titles: &'static [(Version, &'static str)],
    families: &'static [(&'static str, Version)],
) -> Feature {
    Feature {
        key,
        id,
        since,
        stable_from,
        titles,
        families,
    }
}

/// `Ai::FeatureSetting::FEATURES` in hash order, STABLE before FLAGGED as at
/// S6 (ref §3.1, §3.2; duo-domain §3.1 for ids 0–17).
pub const FEATURES: [Feature; 27] = [
    feature(
        "code_generations",
        0,
        V17_9,
        ALWAYS,
        &[(V17_9, "Code Generation")],
        CS,
    ),
    feature(
        "code_completions",
        1,
        V17_9,
        ALWAYS,
        &[(V17_9, "Code Completion")],
        CS,
    ),
    feature(
        "duo_chat",
        2,
        V17_9,
        ALWAYS,
        &[(V17_9, "General Chat")],
        CHAT,
    ),
    feature(
        "duo_chat_explain_code",
        3,
        V17_9,
        ALWAYS,
        &[(V17_9, "Code Explanation")],
        CHAT,
    ),
    feature(
        "duo_chat_write_tests",
        4,
        V17_9,
        ALWAYS,
        &[(V17_9, "Test Generation")],
        CHAT,
    ),
    feature(
        "duo_chat_refactor_code",
        5,
        V17_9,
        ALWAYS,
        &[(V17_9, "Refactor Code")],
        CHAT,
    ),
    feature(
        "duo_chat_fix_code",
        6,
        V17_9,
        ALWAYS,
        &[(V17_9, "Fix Code")],
        CHAT,
    ),
    feature(
        "review_merge_request",
        15,
        V18_4,
        ALWAYS,
        &[(V18_4, "Code Review"), (V19_4, "Non-Agentic Code Review")],
        B,
    ),
    feature(
        "duo_agent_platform",
        16,
        V18_4,
        ALWAYS,
        &[
            (V18_4, "All agents, except Agentic Chat"),
            (V19_0, "Agents & flows"),
        ],
        DAP,
    ),
    feature(
        "duo_agent_platform_agentic_chat",
        17,
        V18_4,
        ALWAYS,
        &[(V18_4, "Agentic Chat")],
        DAP,
    ),
    feature(
        "review_merge_request_dap",
        21,
        V19_1,
        ALWAYS,
        &[(V19_1, "Agentic Code Review")],
        B,
    ),
    feature(
        "secret_vulnerability_fp_detection",
        19,
        V18_11,
        Some(V19_1),
        &[(V18_11, "Secret Vulnerability False Positive Detection")],
        CGG,
    ),
    feature(
        "duo_developer",
        26,
        V19_4,
        ALWAYS,
        &[(V19_4, "Duo Developer")],
        DUO_DEVELOPER,
    ),
    feature(
        "duo_chat_troubleshoot_job",
        7,
        V17_9,
        None,
        &[(V17_9, "Root Cause Analysis")],
        B,
    ),
    feature(
        "generate_commit_message",
        8,
        V17_9,
        None,
        &[(V17_9, "Merge Commit Message Generation")],
        B,
    ),
    feature(
        "summarize_new_merge_request",
        9,
        V17_9,
        None,
        &[(V17_9, "Merge Request Summary")],
        B,
    ),
    feature(
        "duo_chat_explain_vulnerability",
        10,
        V17_9,
        None,
        &[(V17_9, "Vulnerability Explanation")],
        B,
    ),
    feature(
        "resolve_vulnerability",
        11,
        V17_9,
        None,
        &[(V17_9, "Vulnerability Resolution")],
        B,
    ),
    feature(
        "summarize_review",
        12,
        V17_9,
        None,
        &[(V17_9, "Code Review Summary")],
        B,
    ),
    feature(
        "glab_ask_git_command",
        13,
        V17_9,
        None,
        &[(V17_9, "GitLab Duo for CLI")],
        B,
    ),
    feature(
        "duo_chat_summarize_comments",
        14,
        V17_9,
        None,
        &[(V17_9, "Discussion Summary")],
        B,
    ),
    feature(
        "sast_vulnerability_fp_detection",
        18,
        V18_11,
        None,
        &[(V18_11, "SAST Vulnerability False Positive Detection")],
        CGG,
    ),
    feature(
        "sast_vulnerability_resolution",
        20,
        V18_11,
        None,
        &[(V18_11, "SAST Vulnerability Resolution")],
        CGG,
    ),
    feature(
        "security_review",
        22,
        V19_3,
        None,
        &[(V19_3, "Security Review")],
        CGG,
    ),
    feature(
        "embeddings_code",
        23,
        V19_3,
        None,
        &[(V19_3, "Code Embeddings")],
        &[("embedding", V19_3)],
    ),
    feature(
        "feature_discovery_search",
        24,
        V19_3,
        None,
        &[(V19_3, "Feature Discovery Search")],
        &[("gemini", V19_3)],
    ),
    feature(
        "resolve_dependency_bump",
        25,
        V19_3,
        None,
        &[(V19_3, "Resolve Dependency Bump Breaking Changes")],
        CGG,
    ),
];

/// The feature with `key`.
pub fn feature_by_key(key: &str) -> Option<&'static Feature> {
    FEATURES.iter().find(|f| f.key == key)
}

/// GitLab's name for a family in the incompatibility message: the key with
/// its first letter upper-cased (duo-domain §3.2: "Codestral", "Claude_3").
pub fn capitalized(key: &str) -> String {
    let mut chars = key.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
