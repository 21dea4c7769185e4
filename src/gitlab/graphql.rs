//! The GraphQL documents the library asks GitLab to run
//! (`gitlab-update-2026-12.md` §7): one query for the live state, one
//! mutation per kind of change. Each mutation takes its arguments as one
//! `input` variable (GitLab's mutations are Relay mutations with an
//! `<Name>Input` type), so the same document serves every GitLab version
//! from 18.11: what differs between versions (a required `provider` from
//! 19.4, `QWEN` from 19.4, an unset timeout from 19.2) is in the variables,
//! which the planner builds per version.
//!
//! The query asks only for fields the reference read in GitLab's types. It
//! does not ask for `AiFeatureSetting.gitlabModel`, whose type's fields the
//! reference only infers, so a pinned GitLab-managed model is not read back
//! (the plan says so where it matters).

use crate::feature::Feature;
use crate::model::family::DeploymentMethod;

/// The query whose answer is a [`super::LiveState`].
pub const LIVE_STATE_QUERY: &str = "query duoSelfHostedLiveState {
  duoSettings {
    aiGatewayUrl
    aiGatewayTimeoutSeconds
    duoAgentPlatformServiceUrl
    selfHostedDuoAgentPlatformServiceSecure
  }
  aiSelfHostedModels {
    nodes { id name model endpoint identifier hasApiToken provider }
  }
  aiFeatureSettings {
    nodes { feature provider selfHostedModel { id name } }
  }
}
";

/// `duoSettingsUpdate`.
pub const DUO_SETTINGS_UPDATE: &str =
    "mutation duoSettingsUpdate($input: DuoSettingsUpdateInput!) {
  duoSettingsUpdate(input: $input) {
    duoSettings { aiGatewayUrl duoAgentPlatformServiceUrl selfHostedDuoAgentPlatformServiceSecure }
    errors
  }
}
";

/// `aiSelfHostedModelCreate`.
pub const MODEL_CREATE: &str =
    "mutation aiSelfHostedModelCreate($input: AiSelfHostedModelCreateInput!) {
  aiSelfHostedModelCreate(input: $input) {
    selfHostedModel { id name }
    errors
  }
}
";

/// `aiSelfHostedModelUpdate`.
pub const MODEL_UPDATE: &str =
    "mutation aiSelfHostedModelUpdate($input: AiSelfHostedModelUpdateInput!) {
  aiSelfHostedModelUpdate(input: $input) {
    selfHostedModel { id name }
    errors
  }
}
";

/// `aiSelfHostedModelDelete`.
pub const MODEL_DELETE: &str =
    "mutation aiSelfHostedModelDelete($input: AiSelfHostedModelDeleteInput!) {
  aiSelfHostedModelDelete(input: $input) {
    errors
  }
}
";

/// `aiFeatureSettingUpdate`.
pub const FEATURE_SETTING_UPDATE: &str =
    "mutation aiFeatureSettingUpdate($input: AiFeatureSettingUpdateInput!) {
  aiFeatureSettingUpdate(input: $input) {
    aiFeatureSettings { feature provider }
    errors
  }
}
";

/// Every document, for tests that validate them against GitLab's schema.
pub const DOCUMENTS: &[&str] = &[
    LIVE_STATE_QUERY,
    DUO_SETTINGS_UPDATE,
    MODEL_CREATE,
    MODEL_UPDATE,
    MODEL_DELETE,
    FEATURE_SETTING_UPDATE,
];

/// The `AiSelfHostedModelProvider` value for a deployment method.
pub fn provider_value(method: DeploymentMethod) -> &'static str {
    match method.info().gitlab_provider {
        "bedrock" => "BEDROCK",
        "vertex_ai" => "VERTEX_AI",
        _ => "API",
    }
}

/// The deployment method for an `AiSelfHostedModelProvider` value and an
/// identifier (GitLab's `API` provider covers vLLM and Azure OpenAI; the
/// identifier's `azure/` prefix tells them apart).
pub fn method_of(provider: Option<&str>, identifier: Option<&str>) -> DeploymentMethod {
    let identifier = identifier.unwrap_or_default();
    match provider.map(str::to_ascii_uppercase).as_deref() {
        Some("BEDROCK") => DeploymentMethod::Bedrock,
        Some("VERTEX_AI") => DeploymentMethod::VertexAi,
        // No provider (18.10 and earlier answers): the identifier's prefix,
        // as GitLab 18.11's hook derived it.
        None if identifier.starts_with("bedrock/") => DeploymentMethod::Bedrock,
        None if identifier.starts_with("vertex_ai/") => DeploymentMethod::VertexAi,
        _ if identifier.starts_with("azure/") => DeploymentMethod::AzureOpenai,
        _ => DeploymentMethod::Vllm,
    }
}

/// The `AiFeatures` value of a feature (`DUO_CHAT`).
pub fn feature_value(feature: &Feature) -> String {
    feature.key.to_ascii_uppercase()
}

/// The `AiFeatureProviders` value of a provider (`SELF_HOSTED`).
pub fn feature_provider_value(provider: crate::feature::Provider) -> String {
    provider.key().to_ascii_uppercase()
}
