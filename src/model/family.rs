//! Model families (`Ai::SelfHostedModel`'s `model` enum) and deployment
//! methods.
//!
//! [`FAMILIES`] is the whole table: key, GitLab's enum integer and GraphQL
//! value, display name, release state by GitLab version, the documentation's
//! supported/compatible class, the deployment methods the documentation
//! names for the family, the dated change that introduced it, and the model
//! form's restrictions on it.
//! [`DEPLOYMENT_METHODS`] is the table of deployment methods.
//!
//! Source: `gitlab-update-2026-12.md` §1 (GitLab's enum to the 19.4
//! development snapshot @ `bd8f43d9`, with the release each family was added
//! in) and `duo-domain.md` §1 (the 18.9.0-pre1 snapshot of 2026-02-13,
//! `flyisland/gitlab-ee @ 6714c913`, with the documentation's classes). The
//! table is generated (`src/data/gitlab_families.rs`, by
//! `scripts/gen-gitlab-data.py`). The release state is GitLab's *code*
//! (which gates the model form); the docs class is kept as metadata only,
//! because code and docs disagree for `llama3` and `mixtral` (duo-domain
//! §1.2, §8 item 3).

use crate::diagnostic::nearest_names;
use crate::timeline::{self, Milestone};
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

/// The endpoint the model form sends for the Bedrock platform.
pub const BEDROCK_DUMMY_ENDPOINT: &str = "http://bedrockselfhostedmodel.com";
/// The endpoint the model form sends for the Google Vertex AI platform.
pub const VERTEX_DUMMY_ENDPOINT: &str = "http://vertexselfhostedmodel.com";

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
    /// The change that made the method available.
    pub since: &'static Milestone,
    /// The prefix GitLab's model form requires for this platform's
    /// identifier (the cloud platforms), with the form's message.
    pub form_prefix: Option<(&'static str, &'static str)>,
    /// The endpoint the model form sends for this platform while GitLab
    /// still stores one for every model.
    pub form_dummy_endpoint: Option<&'static str>,
    /// Where the row comes from.
    pub source: &'static str,
}

/// The deployment methods. Source: `duo-domain.md` §2.3 (format table, all
/// versions since 17.9), §2.4 (stored provider, 18.11), §7 (timeline) and
/// `gitlab-update-2026-12.md` §2 (the model form's platforms, prefixes,
/// messages and dummy endpoints, 18.11-dev @ `52d0d30b`).
pub const DEPLOYMENT_METHODS: &[DeploymentMethodInfo] = &[
    DeploymentMethodInfo {
        method: DeploymentMethod::Vllm,
        key: "vllm",
        display_name: "vLLM",
        identifier_provider: "custom_openai",
        gitlab_provider: "api",
        since: &timeline::SELF_HOSTED_GA,
        form_prefix: None,
        form_dummy_endpoint: None,
        source: "duo-domain.md §2.3: configure_duo_features.md format table (17.9 and later)",
    },
    DeploymentMethodInfo {
        method: DeploymentMethod::Bedrock,
        key: "bedrock",
        display_name: "Amazon Bedrock",
        identifier_provider: "bedrock",
        gitlab_provider: "bedrock",
        since: &timeline::SELF_HOSTED_GA,
        form_prefix: Some(("bedrock/", "Model identifier must start with \"bedrock/\"")),
        form_dummy_endpoint: Some(BEDROCK_DUMMY_ENDPOINT),
        source: "duo-domain.md §7: 17.9 Bedrock platform in the model form (issue 507967); gitlab-update-2026-12.md §2 (BEDROCK_DUMMY_ENDPOINT)",
    },
    DeploymentMethodInfo {
        method: DeploymentMethod::AzureOpenai,
        key: "azure_openai",
        display_name: "Azure OpenAI",
        identifier_provider: "azure",
        gitlab_provider: "api",
        since: &timeline::SELF_HOSTED_GA,
        form_prefix: None,
        form_dummy_endpoint: None,
        source: "duo-domain.md §2.3: configure_duo_features.md format table (17.9 and later)",
    },
    DeploymentMethodInfo {
        method: DeploymentMethod::VertexAi,
        key: "vertex_ai",
        display_name: "Google Vertex AI",
        identifier_provider: "vertex_ai",
        gitlab_provider: "vertex_ai",
        since: &timeline::UI_PLATFORM_VERTEX_AI,
        form_prefix: Some(("vertex_ai/", "Model identifier must start with \"vertex_ai/\"")),
        form_dummy_endpoint: Some(VERTEX_DUMMY_ENDPOINT),
        source: "gitlab-update-2026-12.md §2: the model form's platform Google Vertex AI, prefix vertex_ai/, VERTEX_DUMMY_ENDPOINT (18.11-dev @ 52d0d30b); provider vertex_ai, migration AddProviderToAiSelfHostedModels '18.11'",
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
        self.info().since.reached(version)
    }

    /// Whether GitLab requires (and URL-checks) an endpoint for this method
    /// in `version`: always before 19.0 (the form sends a placeholder for
    /// the cloud platforms), only for the `api` provider (vLLM, Azure
    /// OpenAI) from 19.0 (`validates :endpoint, presence: true, if: :api?`,
    /// migration '19.0'; the 18.11 model still requires it for every
    /// provider).
    pub fn endpoint_required(self, version: &GitLabVersion) -> bool {
        self.info().gitlab_provider == "api"
            || !timeline::ENDPOINT_NULLABLE_AND_ONLY_FOR_API.reached(version)
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

/// A restriction of the model form (and GitLab's GraphQL API) on a family
/// that the database enum already has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormGate {
    /// The change that lifts it.
    pub until: &'static Milestone,
    /// The instance feature flag that lifts it earlier, if any; `None`: the
    /// form and the API do not offer the family at all before `until`.
    pub flag: Option<&'static str>,
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
    /// The change that added the family to GitLab (its release, and how
    /// sure the reference is of it).
    pub since: &'static Milestone,
    /// The GitLab version whose documentation deprecated the family, if any.
    pub deprecated: Option<(u16, u16)>,
    /// A restriction of the model form, if any.
    pub form_gate: Option<FormGate>,
    /// Where the row comes from.
    pub source: &'static str,
}

// FAMILIES: every family GitLab knows, in enum order, generated from
// `gitlab-update-2026-12.md` §1.3 (the newest enum, display names and
// release states), `duo-domain.md` §1.5 (the 18.9 docs classes) and the
// dated milestones of `timeline`.
include!("../data/gitlab_families.rs");

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

    /// Whether GitLab `version` has this family, as the rules apply its
    /// date ([`Family::since`]).
    pub fn exists_in(&self, version: &GitLabVersion) -> bool {
        self.since.reached(version)
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
        GitLabVersion::new(self.since.since.0, self.since.since.1)
    }

    /// The form's restriction on the family in `version`, if one applies.
    pub fn form_gate_in(&self, version: &GitLabVersion) -> Option<FormGate> {
        self.form_gate.filter(|gate| !gate.until.reached(version))
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

    use DeploymentMethod::{AzureOpenai, Bedrock, VertexAi, Vllm};

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
