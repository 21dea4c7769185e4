//! Model families (`Ai::SelfHostedModel`'s `model` enum) and deployment
//! methods.
//!
//! [`FAMILIES`] is the whole table: key, GitLab's enum integer and GraphQL
//! value, display name, release state by GitLab version, the documentation's
//! supported/compatible class, the deployment methods the documentation
//! names for the family, and the GitLab version that introduced it.
//! [`DEPLOYMENT_METHODS`] is the table of deployment methods.
//!
//! Source: `duo-domain.md` §1 (GitLab 18.9.0-pre1 snapshot of 2026-02-13,
//! `flyisland/gitlab-ee @ 6714c913`, and the later files it cites) and §7
//! (version timeline). The release state is GitLab's *code* (which gates the
//! model form); the docs class is kept as metadata only, because code and
//! docs disagree for `llama3` and `mixtral` (§1.2, §8 item 3).

use crate::diagnostic::nearest_names;
use crate::version::GitLabVersion;
use serde::Serialize;
use std::fmt;

/// A family's release state in GitLab's code (`MODELS_RELEASE_STATE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ReleaseState {
    /// Generally available: always offered in the model form.
    Ga,
    /// Offered only when the beta setting ("Use beta models and features in
    /// GitLab Duo Self-Hosted") is on.
    Beta,
    /// A family missing from GitLab's release-state map; treated like beta.
    Experimental,
}

impl ReleaseState {
    /// GitLab's spelling (`GA`, `BETA`, `EXPERIMENTAL`).
    pub const fn as_str(self) -> &'static str {
        match self {
            ReleaseState::Ga => "GA",
            ReleaseState::Beta => "BETA",
            ReleaseState::Experimental => "EXPERIMENTAL",
        }
    }

    /// Whether the model form offers the family only with the beta setting on.
    pub const fn needs_beta_setting(self) -> bool {
        !matches!(self, ReleaseState::Ga)
    }
}

impl fmt::Display for ReleaseState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The documentation's classification of a family
/// (`supported_models_and_hardware_requirements.md`, since 18.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocsClass {
    /// Listed under "Supported models".
    Supported,
    /// Listed under "Compatible models".
    Compatible,
    /// Listed under "Compatible models" and marked deprecated (in 18.3).
    CompatibleDeprecated,
    /// Not in the documentation seen (families added after 18.9).
    Undocumented,
}

impl DocsClass {
    /// The lower-case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            DocsClass::Supported => "supported",
            DocsClass::Compatible => "compatible",
            DocsClass::CompatibleDeprecated => "compatible_deprecated",
            DocsClass::Undocumented => "undocumented",
        }
    }
}

/// How a self-hosted model is deployed, which decides the identifier's
/// provider prefix and whether GitLab needs an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeploymentMethod {
    /// vLLM or any other OpenAI-compatible server (`custom_openai/…`).
    Vllm,
    /// Amazon Bedrock (`bedrock/…`).
    Bedrock,
    /// Azure OpenAI (`azure/…`).
    AzureOpenai,
    /// Google Vertex AI (`vertex_ai/…`), in later GitLab versions only.
    VertexAi,
}

/// One row of [`DEPLOYMENT_METHODS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeploymentMethodInfo {
    /// The method.
    pub method: DeploymentMethod,
    /// The key used in configuration documents (`vllm`, `bedrock`, …).
    pub key: &'static str,
    /// How GitLab's documentation names it.
    pub display_name: &'static str,
    /// The identifier prefix (LiteLLM provider) the documentation gives.
    pub identifier_provider: &'static str,
    /// GitLab's stored `provider` from 18.11 (`api`, `bedrock`, `vertex_ai`).
    pub gitlab_provider: &'static str,
    /// First GitLab version with this method, as `(major, minor)`.
    pub since: (u16, u16),
    /// Where the row comes from.
    pub source: &'static str,
}

/// The deployment methods. Source: `duo-domain.md` §2.3 (format table, all
/// versions since 17.9), §2.4 (stored provider, 18.11) and §7 (timeline).
pub const DEPLOYMENT_METHODS: &[DeploymentMethodInfo] = &[
    DeploymentMethodInfo {
        method: DeploymentMethod::Vllm,
        key: "vllm",
        display_name: "vLLM",
        identifier_provider: "custom_openai",
        gitlab_provider: "api",
        since: (17, 9),
        source: "duo-domain.md §2.3: configure_duo_features.md format table (17.9 and later)",
    },
    DeploymentMethodInfo {
        method: DeploymentMethod::Bedrock,
        key: "bedrock",
        display_name: "Amazon Bedrock",
        identifier_provider: "bedrock",
        gitlab_provider: "bedrock",
        since: (17, 9),
        source: "duo-domain.md §7: 17.9 Bedrock platform in the model form (issue 507967)",
    },
    DeploymentMethodInfo {
        method: DeploymentMethod::AzureOpenai,
        key: "azure_openai",
        display_name: "Azure OpenAI",
        identifier_provider: "azure",
        gitlab_provider: "api",
        since: (17, 9),
        source: "duo-domain.md §2.3: configure_duo_features.md format table (17.9 and later)",
    },
    DeploymentMethodInfo {
        method: DeploymentMethod::VertexAi,
        key: "vertex_ai",
        display_name: "Google Vertex AI",
        identifier_provider: "vertex_ai",
        gitlab_provider: "vertex_ai",
        since: (18, 11),
        source: "duo-domain.md §2.4 and §7: provider vertex_ai, migration AddProviderToAiSelfHostedModels (milestone 18.11)",
    },
];

impl DeploymentMethod {
    /// This method's row of [`DEPLOYMENT_METHODS`].
    pub fn info(self) -> &'static DeploymentMethodInfo {
        // Every variant has exactly one row (checked by a unit test); the
        // fallback row is never reached.
        DEPLOYMENT_METHODS
            .iter()
            .find(|row| row.method == self)
            .unwrap_or(&DEPLOYMENT_METHODS[0])
    }

    /// The configuration key (`vllm`, `bedrock`, `azure_openai`, `vertex_ai`).
    pub fn key(self) -> &'static str {
        self.info().key
    }

    /// The method with this configuration key.
    pub fn from_key(key: &str) -> Option<Self> {
        DEPLOYMENT_METHODS
            .iter()
            .find(|row| row.key == key)
            .map(|row| row.method)
    }

    /// Every key, in table order.
    pub fn keys() -> impl Iterator<Item = &'static str> {
        DEPLOYMENT_METHODS.iter().map(|row| row.key)
    }

    /// Whether GitLab `version` has this method.
    pub fn available_in(self, version: &GitLabVersion) -> bool {
        let (major, minor) = self.info().since;
        version.at_least(major, minor)
    }

    /// Whether GitLab requires an endpoint for this method in `version`:
    /// always before 18.11 (the form sends a placeholder for Bedrock), only
    /// for the `api` provider (vLLM, Azure OpenAI) from 18.11
    /// (`validates :endpoint, presence: true, if: :api?`).
    pub fn endpoint_required(self, version: &GitLabVersion) -> bool {
        self.info().gitlab_provider == "api" || !version.at_least(18, 11)
    }
}

impl fmt::Display for DeploymentMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A family's release state from a GitLab version on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReleaseStep {
    /// First GitLab version with this state, as `(major, minor)`.
    pub since: (u16, u16),
    /// The state.
    pub state: ReleaseState,
}

/// One model family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Family {
    /// The enum key (`claude_3`), as configuration documents spell it.
    pub key: &'static str,
    /// GitLab's enum integer.
    pub enum_int: u8,
    /// The GraphQL `AiAcceptedSelfHostedModels` value (`CLAUDE_3`).
    pub graphql_value: &'static str,
    /// The model form's display name.
    pub display_name: &'static str,
    /// Release state by GitLab version, oldest first.
    pub release: &'static [ReleaseStep],
    /// The documentation's class (metadata only; gating follows the code).
    pub docs_class: DocsClass,
    /// The deployment methods the documentation names for this family
    /// (empty: none documented).
    pub methods: &'static [DeploymentMethod],
    /// The GitLab version that introduced the family, as `(major, minor)`.
    pub introduced: (u16, u16),
    /// Whether [`Family::introduced`] is the exact milestone (`false`: the
    /// earliest version the reference can vouch for, or a guess).
    pub introduced_exact: bool,
    /// The GitLab version whose documentation deprecated the family, if any.
    pub deprecated: Option<(u16, u16)>,
    /// Where the row comes from.
    pub source: &'static str,
}

use DeploymentMethod::{AzureOpenai, Bedrock, VertexAi, Vllm};

const GA: &[ReleaseStep] = &[ReleaseStep {
    since: (17, 1),
    state: ReleaseState::Ga,
}];
const BETA: &[ReleaseStep] = &[ReleaseStep {
    since: (17, 1),
    state: ReleaseState::Beta,
}];

/// Every family GitLab knows, in enum order. Source: `duo-domain.md` §1.1
/// (18.9-pre enum, display names, `MODELS_RELEASE_STATE`, docs class and
/// platforms), §1.4 (later families), §7 (timeline). The nine families of
/// 17.9 are dated 17.9 (GA of Duo Self-Hosted, the earliest version the
/// reference covers; their exact milestones are not recorded).
pub const FAMILIES: &[Family] = &[
    Family {
        key: "mistral",
        enum_int: 0,
        graphql_value: "MISTRAL",
        display_name: "Mistral",
        release: GA,
        docs_class: DocsClass::Supported,
        methods: &[Vllm, Bedrock],
        introduced: (17, 9),
        introduced_exact: false,
        deprecated: None,
        source: "duo-domain.md §1.1 row 0",
    },
    Family {
        key: "llama3",
        enum_int: 1,
        graphql_value: "LLAMA3",
        display_name: "Llama 3",
        release: BETA,
        docs_class: DocsClass::Supported,
        methods: &[Vllm],
        introduced: (17, 9),
        introduced_exact: false,
        deprecated: None,
        source: "duo-domain.md §1.1 row 1 (BETA in code although documented as supported)",
    },
    Family {
        key: "codegemma",
        enum_int: 2,
        graphql_value: "CODEGEMMA",
        display_name: "CodeGemma",
        release: BETA,
        docs_class: DocsClass::Compatible,
        methods: &[Vllm],
        introduced: (17, 9),
        introduced_exact: false,
        deprecated: None,
        source: "duo-domain.md §1.1 row 2",
    },
    Family {
        key: "codestral",
        enum_int: 3,
        graphql_value: "CODESTRAL",
        display_name: "Mistral Codestral",
        release: GA,
        docs_class: DocsClass::Supported,
        methods: &[Vllm],
        introduced: (17, 9),
        introduced_exact: false,
        deprecated: None,
        source: "duo-domain.md §1.1 row 3",
    },
    Family {
        key: "codellama",
        enum_int: 4,
        graphql_value: "CODELLAMA",
        display_name: "Code Llama",
        release: BETA,
        docs_class: DocsClass::Compatible,
        methods: &[Vllm],
        introduced: (17, 9),
        introduced_exact: false,
        deprecated: None,
        source: "duo-domain.md §1.1 row 4",
    },
    Family {
        key: "deepseekcoder",
        enum_int: 5,
        graphql_value: "DEEPSEEKCODER",
        display_name: "DeepSeek Coder",
        release: BETA,
        docs_class: DocsClass::Compatible,
        methods: &[Vllm],
        introduced: (17, 9),
        introduced_exact: false,
        deprecated: None,
        source: "duo-domain.md §1.1 row 5",
    },
    Family {
        key: "claude_3",
        enum_int: 6,
        graphql_value: "CLAUDE_3",
        display_name: "Claude",
        release: GA,
        docs_class: DocsClass::Supported,
        methods: &[Bedrock],
        introduced: (17, 9),
        introduced_exact: false,
        deprecated: None,
        source: "duo-domain.md §1.1 row 6 (displayed \"Claude 3\" in 17.x)",
    },
    Family {
        key: "gpt",
        enum_int: 7,
        graphql_value: "GPT",
        display_name: "GPT",
        release: GA,
        docs_class: DocsClass::Supported,
        methods: &[AzureOpenai, Vllm],
        introduced: (17, 9),
        introduced_exact: false,
        deprecated: None,
        source: "duo-domain.md §1.1 row 7 (Azure OpenAI; vLLM for gpt-oss)",
    },
    Family {
        key: "mixtral",
        enum_int: 8,
        graphql_value: "MIXTRAL",
        display_name: "Mixtral",
        // BETA in 17.x (@ d33db57, duo-domain.md §1.2 and §7), GA in the 18.9
        // code. The milestone of the change is not recorded; 18.0 is the
        // first version the reference does not call 17.x.
        release: &[
            ReleaseStep {
                since: (17, 1),
                state: ReleaseState::Beta,
            },
            ReleaseStep {
                since: (18, 0),
                state: ReleaseState::Ga,
            },
        ],
        docs_class: DocsClass::CompatibleDeprecated,
        methods: &[Vllm, Bedrock],
        introduced: (17, 9),
        introduced_exact: false,
        deprecated: Some((18, 3)),
        source: "duo-domain.md §1.1 row 8 (GA in code, docs: compatible, deprecated in 18.3)",
    },
    Family {
        key: "general",
        enum_int: 9,
        graphql_value: "GENERAL",
        display_name: "General",
        release: BETA,
        docs_class: DocsClass::Compatible,
        methods: &[Vllm],
        introduced: (18, 3),
        introduced_exact: true,
        deprecated: None,
        source: "duo-domain.md §1.1 row 9 and §7 (18.3: compatible models and the general family)",
    },
    Family {
        key: "gemini",
        enum_int: 10,
        graphql_value: "GEMINI",
        display_name: "Gemini",
        release: BETA,
        docs_class: DocsClass::Undocumented,
        methods: &[VertexAi],
        introduced: (18, 10),
        introduced_exact: false,
        deprecated: None,
        source: "duo-domain.md §1.4 and §7 (later-A, 18.10/18.11); Vertex AI is inferred from the family, not documented",
    },
    Family {
        key: "embedding",
        enum_int: 11,
        graphql_value: "EMBEDDING",
        display_name: "Embedding",
        release: BETA,
        docs_class: DocsClass::Undocumented,
        methods: &[],
        introduced: (18, 11),
        introduced_exact: false,
        deprecated: None,
        source: "duo-domain.md §1.4 (later-B; milestone not pinned down; option hidden unless flag semantic_search_user_model_selection)",
    },
    Family {
        key: "qwen",
        enum_int: 12,
        graphql_value: "QWEN",
        display_name: "Qwen",
        release: BETA,
        docs_class: DocsClass::Undocumented,
        methods: &[],
        introduced: (18, 11),
        introduced_exact: false,
        deprecated: None,
        source: "duo-domain.md §1.4 (later-B; milestone not pinned down; display name 'qwen'.humanize is a guess)",
    },
];

impl Family {
    /// The family with this key (`claude_3`).
    pub fn by_key(key: &str) -> Option<&'static Family> {
        FAMILIES.iter().find(|f| f.key == key)
    }

    /// The family with this GraphQL value (`CLAUDE_3`).
    pub fn by_graphql_value(value: &str) -> Option<&'static Family> {
        FAMILIES.iter().find(|f| f.graphql_value == value)
    }

    /// The family keys nearest to an unknown `key`, best first.
    pub fn nearest_keys(key: &str) -> Vec<String> {
        nearest_names(key, FAMILIES.iter().map(|f| f.key))
    }

    /// Every family key, in enum order.
    pub fn keys() -> impl Iterator<Item = &'static str> {
        FAMILIES.iter().map(|f| f.key)
    }

    /// The release state in GitLab `version` (the latest step at or before
    /// it; the first step for older versions).
    pub fn release_state(&self, version: &GitLabVersion) -> ReleaseState {
        let mut state = self
            .release
            .first()
            .map_or(ReleaseState::Experimental, |s| s.state);
        for step in self.release {
            if version.at_least(step.since.0, step.since.1) {
                state = step.state;
            }
        }
        state
    }

    /// Whether GitLab `version` has this family (by [`Family::introduced`]).
    pub fn exists_in(&self, version: &GitLabVersion) -> bool {
        version.at_least(self.introduced.0, self.introduced.1)
    }

    /// Whether the documentation marks the family deprecated in `version`.
    pub fn deprecated_in(&self, version: &GitLabVersion) -> bool {
        self.deprecated
            .is_some_and(|(major, minor)| version.at_least(major, minor))
    }

    /// Whether the documentation names `method` for this family. Families
    /// with no documented method accept any.
    pub fn documents_method(&self, method: DeploymentMethod) -> bool {
        self.methods.is_empty() || self.methods.contains(&method)
    }

    /// The version that introduced the family, as a [`GitLabVersion`].
    pub fn introduced_version(&self) -> GitLabVersion {
        GitLabVersion::new(self.introduced.0, self.introduced.1)
    }
}

/// The families the model form offers in `version`: GA families always,
/// beta and experimental ones only with the beta setting on
/// (`duo-domain.md` §1.3).
pub fn offered_families(version: &GitLabVersion, beta_enabled: bool) -> Vec<&'static Family> {
    FAMILIES
        .iter()
        .filter(|f| f.exists_in(version))
        .filter(|f| beta_enabled || !f.release_state(version).needs_beta_setting())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_has_one_row() {
        for method in [Vllm, Bedrock, AzureOpenai, VertexAi] {
            let rows = DEPLOYMENT_METHODS
                .iter()
                .filter(|r| r.method == method)
                .count();
            assert_eq!(rows, 1, "{method:?}");
            assert_eq!(DeploymentMethod::from_key(method.key()), Some(method));
        }
    }

    #[test]
    fn enum_ints_are_the_index() {
        for (i, f) in FAMILIES.iter().enumerate() {
            assert_eq!(usize::from(f.enum_int), i, "{}", f.key);
            assert_eq!(f.graphql_value, f.key.to_ascii_uppercase());
        }
    }
}
