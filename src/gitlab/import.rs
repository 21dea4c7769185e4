//! A configuration document from the live set-up: what `import` writes.
//!
//! GitLab's API gives the AI gateway and Agent Platform settings, the
//! self-hosted models and the feature settings. It does not give the tier,
//! the add-ons, the licence, the installation type, the outbound network
//! settings or the beta setting, nor any API key (`hasApiToken` says only
//! whether one is stored): the document gets defaults for those, and
//! diagnostics say which parts to fill in. Codes: `import.not_in_api`,
//! `import.api_key_not_returned`, `import.beta_inferred`,
//! `import.incomplete`.

use super::graphql::method_of;
use super::state::LiveState;
use crate::config::{AgentPlatform, AiGateway, Config, FeatureSetting, Tier, TlsInput};
use crate::diagnostic::{Diagnostic, Diagnostics, Path};
use crate::feature::Provider;
use crate::model::family::{Family, ReleaseState};
use crate::model::ModelRecord;
use crate::version::GitLabVersion;

/// An imported document and what the admin should know about it.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The document.
    pub config: Config,
    /// What the live state could not say, and what was inferred.
    pub diagnostics: Diagnostics,
}

/// The document members GitLab's GraphQL API does not expose.
pub const NOT_IN_API: &[&str] = &[
    "tier",
    "add_ons",
    "license",
    "installation",
    "offering",
    "network",
    "beta_models_and_features",
];

/// A live model's endpoint as the document writes it: none for a cloud
/// platform's placeholder (what GitLab's form stores for Bedrock and Vertex
/// AI) or a blank one.
pub(crate) fn document_endpoint(
    method: crate::model::family::DeploymentMethod,
    endpoint: Option<&str>,
) -> Option<String> {
    let endpoint = endpoint.map(str::trim).filter(|e| !e.is_empty())?;
    if Some(endpoint) == method.info().form_dummy_endpoint {
        return None;
    }
    Some(endpoint.to_owned())
}

/// The document the live state describes, for GitLab `version` (the live
/// state's own version wins when it has one).
pub fn import(live: &LiveState, version: &GitLabVersion) -> Imported {
    let version = live
        .gitlab_version
        .clone()
        .unwrap_or_else(|| version.clone());
    let mut diagnostics = Diagnostics::new();
    let mut config = Config::new(version.clone(), Tier::Ultimate);
    diagnostics.push(
        Diagnostic::info(
            "import.not_in_api",
            Path::root(),
            format!(
                "GitLab's API does not give {}: the document has their defaults (Ultimate, no add-ons, online licence, Linux package); set them to match the instance",
                NOT_IN_API.join(", ")
            ),
        )
        .with("fields", NOT_IN_API.iter().map(|f| (*f).to_owned()).collect::<Vec<_>>()),
    );
    for (part, present) in [
        ("duoSettings", live.duo_settings.is_some()),
        ("aiSelfHostedModels", live.models.is_some()),
        ("aiFeatureSettings", live.feature_settings.is_some()),
    ] {
        if !present {
            diagnostics.push(
                Diagnostic::warning(
                    "import.incomplete",
                    Path::root(),
                    format!("the live state has no {part}, so the document leaves that part empty"),
                )
                .with("field", part),
            );
        }
    }
    if let Some(settings) = &live.duo_settings {
        config.ai_gateway = AiGateway {
            url: settings.ai_gateway_url.clone().flatten(),
            resolved_addresses: None,
            timeout_seconds: settings.ai_gateway_timeout_seconds.flatten(),
        };
        config.agent_platform = AgentPlatform {
            url: settings.duo_agent_platform_service_url.clone().flatten(),
            tls: settings
                .self_hosted_duo_agent_platform_service_secure
                .map(TlsInput::Flag),
        };
    }
    let models = live.models.as_deref().unwrap_or_default();
    for (i, model) in models.iter().enumerate() {
        let method = method_of(model.provider.as_deref(), model.identifier.as_deref());
        if model.has_api_token {
            diagnostics.push(
                Diagnostic::info(
                    "import.api_key_not_returned",
                    Path::root().key("self_hosted_models").index(i).key("api_key"),
                    format!(
                        "GitLab stores an API key for {:?} but never returns it; the document leaves api_key out, and plan keeps the stored key",
                        model.name
                    ),
                )
                .with("model", model.name.as_str()),
            );
        }
        config.self_hosted_models.push(ModelRecord {
            name: model.name.clone(),
            family: model.family.clone(),
            deployment: method.key().to_owned(),
            endpoint: document_endpoint(method, model.endpoint.as_deref()),
            api_key: None,
            identifier: model.identifier.clone().filter(|i| !i.is_empty()),
            aws_region: None,
            aws_region_name: None,
            gitlab_id: Some(model.id),
        });
    }
    // GitLab lists BETA-family models only once the beta terms are
    // accepted, so one of them proves the setting on; none proves nothing.
    let beta_seen = models.iter().any(|m| {
        Family::by_key(&m.family).is_some_and(|f| f.release_state(&version) != ReleaseState::Ga)
    });
    config.beta_models_and_features = beta_seen;
    diagnostics.push(
        Diagnostic::info(
            "import.beta_inferred",
            Path::root().key("beta_models_and_features"),
            if beta_seen {
                "GitLab lists a model of a beta family, so the beta setting is on".to_owned()
            } else {
                "the beta setting is not in GitLab's API and no beta-family model is listed (GitLab hides them while the setting is off): the document says false; set it if the instance has it on".to_owned()
            },
        )
        .with("inferred", beta_seen),
    );
    let mut features: Vec<FeatureSetting> = live
        .feature_settings
        .as_deref()
        .unwrap_or_default()
        .iter()
        .filter(|s| s.provider != Provider::Unassigned)
        .map(|s| FeatureSetting {
            feature: s.feature,
            provider: s.provider,
            model: match s.provider {
                Provider::SelfHosted => s.self_hosted_model.as_ref().map(|(id, name)| {
                    live.model(*id)
                        .map_or_else(|| name.clone(), |m| m.name.clone())
                }),
                // GitLab's pinned model is not read (see `graphql`).
                Provider::Vendored | Provider::Disabled | Provider::Unassigned => None,
            },
        })
        .collect();
    features.sort_by_key(|s| s.feature.id);
    features.dedup_by_key(|s| s.feature.id);
    config.features = features;
    Imported {
        config,
        diagnostics,
    }
}
